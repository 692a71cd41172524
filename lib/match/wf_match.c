/*
 * wf_match.c - scoring, top-K and exact assignment (see wf_match.h).
 */
#include "wf_match.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"
#include "wf_geo.h"

#define SCORE_SCALE 1e6

void wf_match_opts_default(wf_match_opts *o)
{
	o->w_fit = 0.4;
	o->w_dist = 0.3;
	o->w_cap = 0.15;
	o->w_price = 0.15;
	o->scale_km = 10;
	o->max_km = 30;
	o->top = 5;
	o->objective = WF_OBJ_SCORE;
}

const char *wf_match_opts_check(const wf_match_opts *o)
{
	double w[4] = { o->w_fit, o->w_dist, o->w_cap, o->w_price };

	for (int i = 0; i < 4; i++)
		if (!(w[i] >= 0) || !isfinite(w[i]))
			return "weights must be non-negative numbers";
	if (!(w[0] + w[1] + w[2] + w[3] > 0))
		return "weights must not all be zero";
	if (!(o->scale_km > 0) || !isfinite(o->scale_km))
		return "distance scale must be a positive number of km";
	if (!(o->max_km > 0) || !isfinite(o->max_km))
		return "maximum distance must be a positive number of km";
	if (o->top < 1)
		return "top must be at least 1";
	return NULL;
}

const char *wf_unmet_reason(int why)
{
	switch (why) {
	case WF_UNMET_NONE: return "";
	case WF_UNMET_NO_OFFER: return "no provider offers the category";
	case WF_UNMET_RANGE: return "no provider in range";
	case WF_UNMET_BUDGET: return "over budget";
	case WF_UNMET_CAPACITY: return "capacity exhausted";
	}
	return "?";
}

typedef struct dem {
	wf_demand d;        /* as added; d.id is owned */
	size_t first, n;    /* its pairs in m->psup/pval, after the solve its results in m->res */
	long long unmet;
	int why;
} dem;

/* What one search for candidates writes: one per thread. */
struct wf_match_scratch {
	unsigned *seen;     /* per offer: stamp of the last need that saw it */
	size_t nseen;
	unsigned stamp;
	wf_match *cand;     /* candidates of the need in hand */
	size_t ncand, capcand;
};

struct wf_matcher {
	const wf_taxonomy *tax;
	wf_match_opts o;
	double wsum;
	uint64_t related[WF_TAX_MAX]; /* demand category -> fitting offer categories */
	double fit[WF_TAX_MAX][WF_TAX_MAX]; /* the taxonomy's, at hand */
	uint64_t offered;
	/* supply */
	size_t ns, caps;
	char **sid;
	double *slat, *slon, *sradius;
	uint64_t *scats;
	long long *scap, *sused;
	unsigned char *shas_price;
	wf_dec *sprice;
	/* One index per category over the offers of that category, so a
	 * need only measures distances to offers that can fit it. */
	wf_geoindex *geo[WF_TAX_MAX];
	size_t *geomap[WF_TAX_MAX];
	/* Scratch of the calls that do not say theirs (wf_matcher_top and
	 * the assignment's candidate search). */
	wf_match_scratch sc;
	/* assignment */
	dem *d;
	size_t nd, capd;
	/* Eligible pairs by need (CSR over m->d[i].first/n), each need's in
	 * the order the grid walk met them (fixed for a given input): 8
	 * bytes a pair; the solve takes them and orders them its own way. */
	uint32_t *psup;
	int32_t *pval;
	size_t npair, cappair;
	wf_match *res;      /* pairs carrying units, after the solve */
	size_t maxmem;      /* working-memory budget in bytes, 0: none */
	char err[256];
	size_t eligible, pruned, phases, augments, parts, part_needs, part_offers;
	int offers_first;    /* the last solve sent units from the offers */
};

wf_matcher *wf_matcher_new(const wf_taxonomy *t, const wf_match_opts *o)
{
	wf_matcher *m = wf_xcalloc(1, sizeof *m);
	int n = (int)wf_taxonomy_count(t);

	m->tax = t;
	m->o = *o;
	m->wsum = o->w_fit + o->w_dist + o->w_cap + o->w_price;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			if ((m->fit[i][j] = wf_taxonomy_fit(t, i, j)) > 0)
				m->related[i] |= (uint64_t)1 << j;
	return m;
}

void wf_matcher_free(wf_matcher *m)
{
	if (!m)
		return;
	for (size_t j = 0; j < m->ns; j++)
		free(m->sid[j]);
	free(m->sid);
	free(m->slat);
	free(m->slon);
	free(m->sradius);
	free(m->scats);
	free(m->scap);
	free(m->sused);
	free(m->shas_price);
	free(m->sprice);
	for (int c = 0; c < WF_TAX_MAX; c++) {
		wf_geoindex_free(m->geo[c]);
		free(m->geomap[c]);
	}
	free(m->sc.seen);
	free(m->sc.cand);
	for (size_t i = 0; i < m->nd; i++)
		free((char *)m->d[i].d.id);
	free(m->d);
	free(m->psup);
	free(m->pval);
	free(m->res);
	free(m);
}

size_t wf_matcher_add_supply(wf_matcher *m, const wf_supply *s)
{
	size_t j = m->ns;

	if (m->ns == m->caps) {
		m->caps = m->caps ? m->caps * 2 : 256;
		m->sid = wf_xrealloc(m->sid, m->caps * sizeof *m->sid);
		m->slat = wf_xrealloc(m->slat, m->caps * sizeof *m->slat);
		m->slon = wf_xrealloc(m->slon, m->caps * sizeof *m->slon);
		m->sradius = wf_xrealloc(m->sradius, m->caps * sizeof *m->sradius);
		m->scats = wf_xrealloc(m->scats, m->caps * sizeof *m->scats);
		m->scap = wf_xrealloc(m->scap, m->caps * sizeof *m->scap);
		m->shas_price = wf_xrealloc(m->shas_price, m->caps * sizeof *m->shas_price);
		m->sprice = wf_xrealloc(m->sprice, m->caps * sizeof *m->sprice);
	}
	m->sid[j] = wf_xstrdup(s->id ? s->id : "");
	m->slat[j] = s->lat;
	m->slon[j] = s->lon;
	m->sradius[j] = s->radius_km > 0 ? s->radius_km : 0;
	m->scats[j] = s->cats;
	m->scap[j] = s->capacity > 0 ? s->capacity : 0;
	m->shas_price[j] = (unsigned char)(s->has_price != 0);
	m->sprice[j] = s->unit_price;
	m->offered |= s->cats;
	m->ns++;
	return j;
}

void wf_matcher_build(wf_matcher *m)
{
	double cell = m->o.max_km / 2;

	/* Cells about half the usual radius: a query touches ~3x3..5x5
	 * cells, and few points outside the circle get a distance. */
	if (cell < 1)
		cell = 1;
	for (int c = 0; c < WF_TAX_MAX; c++) {
		size_t n = 0;
		double *la, *lo;

		wf_geoindex_free(m->geo[c]);
		free(m->geomap[c]);
		m->geo[c] = NULL;
		m->geomap[c] = NULL;
		if (!(m->offered & ((uint64_t)1 << c)))
			continue;
		for (size_t j = 0; j < m->ns; j++)
			n += (m->scats[j] >> c) & 1;
		la = wf_xmalloc(n * sizeof *la);
		lo = wf_xmalloc(n * sizeof *lo);
		m->geomap[c] = wf_xmalloc(n * sizeof *m->geomap[c]);
		n = 0;
		for (size_t j = 0; j < m->ns; j++)
			if ((m->scats[j] >> c) & 1) {
				la[n] = m->slat[j];
				lo[n] = m->slon[j];
				m->geomap[c][n++] = j;
			}
		m->geo[c] = wf_geoindex_new(la, lo, n, cell);
		free(la);
		free(lo);
	}
	free(m->sc.seen);
	m->sc.seen = wf_xcalloc(m->ns ? m->ns : 1, sizeof *m->sc.seen);
	m->sc.nseen = m->ns;
	m->sc.stamp = 0;
	free(m->sused);
	m->sused = wf_xcalloc(m->ns ? m->ns : 1, sizeof *m->sused);
}

size_t wf_matcher_nsupply(const wf_matcher *m)
{
	return m->ns;
}

const char *wf_matcher_supply_id(const wf_matcher *m, size_t j)
{
	return m->sid[j];
}

void wf_matcher_supply_point(const wf_matcher *m, size_t j, double *lat, double *lon)
{
	*lat = m->slat[j];
	*lon = m->slon[j];
}

long long wf_matcher_supply_capacity(const wf_matcher *m, size_t j)
{
	return m->scap[j];
}

static const __int128 pow10_128[] = { 1, 10, 100, 1000, 10000, 100000, 1000000,
	10000000, 100000000, 1000000000 };

/* price * qty > budget, exactly. */
static int over_budget(wf_dec price, long long qty, wf_dec budget)
{
	__int128 lhs = wf_dec_mant(price) * qty * pow10_128[budget.s];
	__int128 rhs = wf_dec_mant(budget) * pow10_128[price.s];

	return lhs > rhs;
}

int wf_matcher_score(const wf_matcher *m, const wf_demand *d, size_t j,
		     double km, wf_match *out, int *why)
{
	uint64_t fitting = m->scats[j] & m->related[d->cat];
	double fit = 0, price = 0.5;
	int best = -1;
	long long qty = d->qty > 0 ? d->qty : 1;

	*why = WF_UNMET_NONE;
	while (fitting) {
		int c = __builtin_ctzll(fitting);
		double f = m->fit[d->cat][c];

		fitting &= fitting - 1;
		if (f > fit) {
			fit = f;
			best = c;
		}
	}
	if (best < 0) {
		*why = (m->related[d->cat] & m->offered) ? WF_UNMET_RANGE : WF_UNMET_NO_OFFER;
		return 0;
	}
	if (km > (d->max_km > 0 ? d->max_km : m->o.max_km) ||
	    (m->sradius[j] > 0 && km > m->sradius[j])) {
		*why = WF_UNMET_RANGE;
		return 0;
	}
	if (d->has_budget && m->shas_price[j]) {
		double unit_budget = wf_dec_to_double(d->budget) / (double)qty;
		double p = wf_dec_to_double(m->sprice[j]);

		if (over_budget(m->sprice[j], qty, d->budget)) {
			*why = WF_UNMET_BUDGET;
			return 0;
		}
		price = unit_budget > 0 ? 1 - p / unit_budget : 1;
		if (price < 0)
			price = 0;
		if (price > 1)
			price = 1;
	}
	if (m->scap[j] <= 0) {
		*why = WF_UNMET_CAPACITY;
		return 0;
	}
	out->supply = j;
	out->cat = best;
	out->km = km;
	out->fit = fit;
	out->proximity = exp(-km / m->o.scale_km);
	out->capacity = m->scap[j] >= qty ? 1.0 : (double)m->scap[j] / (double)qty;
	out->price = price;
	out->score = (m->o.w_fit * fit + m->o.w_dist * out->proximity +
		      m->o.w_cap * out->capacity + m->o.w_price * price) / m->wsum;
	out->assigned = 0;
	return 1;
}

/* Strict order of candidates: score desc, km asc, supply input order. */
static int better(const wf_match *a, const wf_match *b)
{
	if (a->score != b->score)
		return a->score > b->score;
	if (a->km != b->km)
		return a->km < b->km;
	return a->supply < b->supply;
}

struct walk {
	const wf_matcher *m;
	wf_match_scratch *s;
	const wf_demand *d;
	int c;              /* category index being walked */
	int worst;          /* most telling reason seen: RANGE < BUDGET < CAPACITY */
	size_t keep;        /* top: how many to keep; 0 = all (assignment) */
};

static int visit(size_t local, double km, void *ctx)
{
	struct walk *w = ctx;
	const wf_matcher *m = w->m;
	wf_match_scratch *s = w->s;
	size_t j = m->geomap[w->c][local];
	wf_match c;
	int why;

	/* An offer of two fitting categories is met in two indexes. */
	if (s->seen[j] == s->stamp)
		return 0;
	s->seen[j] = s->stamp;
	/* Top K full: skip offers whose best possible score (capacity and
	 * price at 1) cannot beat the K-th. Equal bounds go on to the full
	 * score, so ties are still decided by the documented order. */
	if (w->keep && s->ncand == w->keep) {
		uint64_t f = m->scats[j] & m->related[w->d->cat];
		double fit = 0, bound;

		while (f) {
			int cc = __builtin_ctzll(f);
			f &= f - 1;
			if (m->fit[w->d->cat][cc] > fit)
				fit = m->fit[w->d->cat][cc];
		}
		bound = (m->o.w_fit * fit + m->o.w_dist * exp(-km / m->o.scale_km) +
			 m->o.w_cap + m->o.w_price) / m->wsum;
		if (bound < s->cand[s->ncand - 1].score)
			return 0;
	}
	if (!wf_matcher_score(m, w->d, j, km, &c, &why)) {
		if (why > w->worst)
			w->worst = why;
		return 0;
	}
	if (!w->keep) {
		if (s->ncand == s->capcand) {
			s->capcand = s->capcand ? s->capcand * 2 : 64;
			s->cand = wf_xrealloc(s->cand, s->capcand * sizeof *s->cand);
		}
		s->cand[s->ncand++] = c;
		return 0;
	}
	/* Insert into the sorted top list of at most keep entries. */
	if (s->ncand == w->keep && !better(&c, &s->cand[s->ncand - 1]))
		return 0;
	size_t i = s->ncand < w->keep ? s->ncand++ : s->ncand - 1;
	while (i > 0 && better(&c, &s->cand[i - 1])) {
		s->cand[i] = s->cand[i - 1];
		i--;
	}
	s->cand[i] = c;
	return 0;
}

static int candidates(const wf_matcher *m, wf_match_scratch *s, const wf_demand *d, size_t keep)
{
	struct walk w = { m, s, d, 0, WF_UNMET_RANGE, keep };
	double r = d->max_km > 0 ? d->max_km : m->o.max_km;
	uint64_t cs = m->related[d->cat] & m->offered;

	s->ncand = 0;
	if (keep && s->capcand < keep) {
		s->capcand = keep;
		s->cand = wf_xrealloc(s->cand, s->capcand * sizeof *s->cand);
	}
	if (!cs)
		return WF_UNMET_NO_OFFER;
	if (++s->stamp == 0) {
		memset(s->seen, 0, s->nseen * sizeof *s->seen);
		s->stamp = 1;
	}
	for (w.c = 0; cs; w.c++, cs >>= 1)
		if (cs & 1)
			wf_geoindex_within(m->geo[w.c], d->lat, d->lon, r, visit, &w);
	return s->ncand ? WF_UNMET_NONE : w.worst;
}

size_t wf_matcher_top_r(const wf_matcher *m, wf_match_scratch *s, const wf_demand *d,
			wf_match *out, int *why)
{
	*why = candidates(m, s, d, (size_t)m->o.top);
	if (s->ncand)
		memcpy(out, s->cand, s->ncand * sizeof *out);
	return s->ncand;
}

size_t wf_matcher_top(wf_matcher *m, const wf_demand *d, wf_match *out,
		      int *why)
{
	return wf_matcher_top_r(m, &m->sc, d, out, why);
}

wf_match_scratch *wf_match_scratch_new(const wf_matcher *m)
{
	wf_match_scratch *s = wf_xcalloc(1, sizeof *s);

	s->nseen = m->ns;
	s->seen = wf_xcalloc(m->ns ? m->ns : 1, sizeof *s->seen);
	return s;
}

void wf_match_scratch_free(wf_match_scratch *s)
{
	if (!s)
		return;
	free(s->seen);
	free(s->cand);
	free(s);
}

size_t wf_matcher_add_demand(wf_matcher *m, const wf_demand *d)
{
	dem *e;

	if (m->nd == m->capd) {
		m->capd = m->capd ? m->capd * 2 : 256;
		m->d = wf_xrealloc(m->d, m->capd * sizeof *m->d);
	}
	e = &m->d[m->nd];
	memset(e, 0, sizeof *e);
	e->d = *d;
	e->d.id = wf_xstrdup(d->id ? d->id : "");
	e->unmet = d->qty;
	return m->nd++;
}

void wf_matcher_set_max_memory(wf_matcher *m, size_t bytes)
{
	m->maxmem = bytes;
}

/* ---- which pairs can matter ---- */

static long long pair_val(const wf_match *c)
{
	return llround(c->score * SCORE_SCALE);
}

/* Order of offers for one need: value desc, then supply input order
 * (unique: an offer is a candidate of a need at most once). */
static int cand_before(const wf_match *a, const wf_match *b)
{
	long long va = pair_val(a), vb = pair_val(b);

	return va != vb ? va > vb : a->supply < b->supply;
}

/*
 * Keep the fewest best candidates whose capacities add up to Q, the
 * demand of every need together. Exact: if an optimum sent a unit of
 * this need to a dropped offer, the kept offers (capacity >= Q, of
 * which all needs together use at most Q minus that unit) have room
 * for it at a value at least as high, so moving it loses nothing.
 * This is what bounds 1,000 needs against 1,000,000 offers in one
 * town. Weighted quickselect: linear on average.
 */
static size_t keep_needed(wf_matcher *m, long long q)
{
	wf_match *a = m->sc.cand;
	size_t n = m->sc.ncand, lo = 0, hi = n;
	long long sum = 0;

	for (size_t i = 0; i < n; i++)
		sum += m->scap[a[i].supply];
	if (sum <= q)
		return n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, st = lo;
		long long better = 0;
		wf_match t;

		/* Pivot to the end, then Lomuto partition: better ones first. */
		t = a[mid]; a[mid] = a[hi - 1]; a[hi - 1] = t;
		for (size_t i = lo; i + 1 < hi; i++)
			if (cand_before(&a[i], &a[hi - 1])) {
				t = a[i]; a[i] = a[st]; a[st] = t;
				better += m->scap[a[st].supply];
				st++;
			}
		t = a[st]; a[st] = a[hi - 1]; a[hi - 1] = t;
		if (better >= q) {
			hi = st;
		} else if (better + m->scap[a[st].supply] >= q) {
			return st + 1;
		} else {
			q -= better + m->scap[a[st].supply];
			lo = st + 1;
		}
	}
	return lo;
}

/* Working memory of the assignment for a given pair count: pairs (8
 * bytes while found, 32 in the solve: its copy in its own order, the
 * flow, the search bounds), needs, offers, solver arrays per node and
 * the candidate buffer. */
static size_t work_bytes(const wf_matcher *m, size_t pairs)
{
	return pairs * 32 + m->nd * (sizeof(dem) + 128) + m->ns * 128 +
	       m->sc.capcand * sizeof(wf_match);
}

/* Bytes rounded up to a whole K, M or G, for messages. */
static void fmt_size(char *buf, size_t n, size_t b)
{
	static const char unit[] = "KMG";
	int u = 0;

	b = (b + 1023) >> 10;
	while (u < 2 && b >= 10240) {
		b = (b + 1023) >> 10;
		u++;
	}
	snprintf(buf, n, "%zu%c", b, unit[u]);
}

static int over_budget_at(wf_matcher *m, size_t pairs, size_t need)
{
	size_t b = work_bytes(m, pairs);
	char sz[32];

	if (!m->maxmem || b <= m->maxmem)
		return 0;
	fmt_size(sz, sizeof sz, b);
	wf_setmsg(m->err, sizeof m->err, "at least %s for %zu eligible pairs by need %zu of %zu",
		  sz, pairs, need, m->nd);
	return 1;
}

/* Every need's eligible pairs, the ones that can matter (no order
 * needed: the solve sorts each source's arcs by its own bound). Returns
 * -1 past the memory budget. */
static int build_pairs(wf_matcher *m)
{
	long long q = 0;

	for (size_t i = 0; i < m->nd; i++)
		q += m->d[i].d.qty;
	m->npair = 0;
	m->pruned = 0;
	for (size_t i = 0; i < m->nd; i++) {
		dem *e = &m->d[i];
		size_t keep;

		e->why = candidates(m, &m->sc, &e->d, 0);
		keep = keep_needed(m, q);
		m->pruned += m->sc.ncand - keep;
		if (over_budget_at(m, m->npair + keep, i + 1))
			return -1;
		if (m->npair + keep > m->cappair) {
			size_t c = m->cappair ? m->cappair : 1024;

			while (c < m->npair + keep)
				c *= 2;
			/* Doubling past the budget: grow only as far as allowed. */
			if (m->maxmem && work_bytes(m, c) > m->maxmem)
				c = m->npair + keep;
			m->psup = wf_xrealloc(m->psup, c * sizeof *m->psup);
			m->pval = wf_xrealloc(m->pval, c * sizeof *m->pval);
			m->cappair = c;
		}
		e->first = m->npair;
		e->n = keep;
		for (size_t k = 0; k < keep; k++) {
			m->psup[m->npair + k] = (uint32_t)m->sc.cand[k].supply;
			m->pval[m->npair + k] = (int32_t)pair_val(&m->sc.cand[k]);
		}
		m->npair += keep;
	}
	return 0;
}

/* ---- min-cost flow ---- */

typedef struct heapent {
	long long d;
	int v;
} heapent;

typedef struct heap {
	heapent *a;
	size_t n, cap;
} heap;

static int hless(heapent x, heapent y)
{
	return x.d < y.d || (x.d == y.d && x.v < y.v);
}

/* A 4-ary heap: half the levels of a binary one, children side by side. */
static void hpush(heap *h, long long d, int v)
{
	heapent e = { d, v };
	size_t i;

	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 1024;
		h->a = wf_xrealloc(h->a, h->cap * sizeof *h->a);
	}
	i = h->n++;
	while (i > 0) {
		size_t up = (i - 1) / 4;

		if (!hless(e, h->a[up]))
			break;
		h->a[i] = h->a[up];
		i = up;
	}
	h->a[i] = e;
}

static heapent hpop(heap *h)
{
	heapent top = h->a[0], last = h->a[--h->n];
	size_t i = 0;

	for (;;) {
		size_t c = 4 * i + 1, s = c, end = c + 4 < h->n ? c + 4 : h->n;

		if (c >= h->n)
			break;
		for (size_t q = c + 1; q < end; q++)
			if (hless(h->a[q], h->a[s]))
				s = q;
		if (!hless(h->a[s], last))
			break;
		h->a[i] = h->a[s];
		i = s;
	}
	if (h->n)
		h->a[i] = last;
	return top;
}

#define INF_D (LLONG_MAX / 4)

/* An offer's pairs that carry flow (the only residual arcs out of an
 * offer besides its arc to the sink), by pair index. */
typedef struct rev {
	size_t k;
	uint32_t i;
} rev;

typedef struct revlist {
	rev *a;
	size_t n, cap;
} revlist;

/* Where pair k is, or goes, in the list. */
static size_t rev_at(const revlist *l, size_t k)
{
	size_t lo = 0, hi = l->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->a[mid].k < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void rev_add(revlist *l, size_t k, uint32_t i)
{
	size_t at = rev_at(l, k);

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4;
		l->a = wf_xrealloc(l->a, l->cap * sizeof *l->a);
	}
	memmove(l->a + at + 1, l->a + at, (l->n - at) * sizeof *l->a);
	l->a[at] = (rev){ k, i };
	l->n++;
}

static void rev_del(revlist *l, size_t k)
{
	size_t at = rev_at(l, k);

	memmove(l->a + at, l->a + at + 1, (l->n - at - 1) * sizeof *l->a);
	l->n--;
}

/* The flow problem as the solver sees it: source-side nodes 0..nd-1
 * (the needs, or the offers when they send), sink-side nodes
 * nd..nd+ns-1, sink T = nd+ns. Pairs by source (CSR first[]); x their
 * flow, un each source's unsent units, used each sink-side node's. */
typedef struct flow {
	size_t nd, ns;
	const long long *qty, *cap;
	const size_t *first;   /* nd + 1 */
	const uint32_t *sup;
	const int32_t *val;
	/* Per source-side node its arcs best first by a bound: ord the
	 * offsets in first[u].., okey an upper bound of val + p[sink]. */
	uint32_t *ord;
	long long *okey;
	struct okt { long long key; uint32_t r; } *tmp;
	size_t ctmp;
	long long penalty;
	long long *x, *un, *used;
	/* Per node its potential and, during a search, its distance: side
	 * by side, one cache line fetch per relaxation. */
	struct node { long long dist, p; } *nodes;
	revlist *rl;
} flow;

/* Per-solver scratch, indexed by node. */
typedef struct scratch {
	unsigned char *done;
	int *pnode, *touched;
	size_t *pk;
	heap h;
	size_t searches, augments;
} scratch;

static void scratch_init(scratch *s, size_t nn)
{
	memset(s, 0, sizeof *s);
	s->done = wf_xcalloc(nn, 1);
	s->pnode = wf_xmalloc(nn * sizeof *s->pnode);
	s->touched = wf_xmalloc(nn * sizeof *s->touched);
	s->pk = wf_xmalloc(nn * sizeof *s->pk);
}

static void scratch_free(scratch *s)
{
	free(s->done);
	free(s->pnode);
	free(s->touched);
	free(s->pk);
	free(s->h.a);
}

/*
 * Min-cost flow with a supply of qty_i units at each source i (a need,
 * or an offer when offers send: the formulation is the same either
 * way round), one sink T, arcs i->j (cost -val), j->T (capacity cap_j,
 * cost 0) and an "unserved" arc i->T (cost 0 for the score objective;
 * for coverage a penalty larger than any total score, so serving more
 * units always wins). Every unit then reaches T, and the cheapest such
 * flow is the optimum. Successive shortest paths: each source in order
 * sends its units along shortest paths found by Dijkstra on reduced
 * costs; paths may re-route units of earlier sources (through reverse
 * arcs) or leave them unsent. Dijkstra stops once T is settled, and the unserved arc
 * bounds how far it looks, so most searches stay local. Potentials:
 * settled v gets p[v] += dist[v] - dist[T], which equals the textbook
 * update (+dist[v] for settled nodes, +dist[T] for the others) up to a
 * constant that cancels in every reduced cost; p[T] never changes.
 *
 * A node no nearer than T's distance so far is not queued: it could
 * only settle at exactly dist[T], where its potential does not change
 * and nothing it reaches gets nearer, so the flow is the same.
 *
 * T is never expanded, so a search only meets the nodes joined to its
 * source by pairs: sources of different parts never touch each other's
 * state, and solving the parts one after the other (or side by side)
 * gives the flow of solving all sources in order. A sink-side node
 * lists only its pairs carrying flow, in pair order, so a search out
 * of a full one costs what it uses, not its degree; a source-side
 * node's arcs are scanned best bound first (rekey), so a scan stops
 * where no arc left can come nearer than T.
 */
static int okt_cmp(const void *a, const void *b)
{
	const struct okt *x = a, *y = b;

	if (x->key != y->key)
		return x->key > y->key ? -1 : 1;
	return x->r < y->r ? -1 : x->r > y->r;
}

/* Order u's arcs by val + the sink's potential now: potentials never
 * rise, so these stay upper bounds and a scan may stop at the first
 * arc whose bound already reaches the sink's distance. */
static void rekey(flow *f, size_t u)
{
	size_t lo = f->first[u], n = f->first[u + 1] - lo;

	if (!n)
		return;
	if (n > f->ctmp) {
		f->ctmp = n;
		f->tmp = wf_xrealloc(f->tmp, n * sizeof *f->tmp);
	}
	for (size_t r = 0; r < n; r++)
		f->tmp[r] = (struct okt){ f->val[lo + r] + f->nodes[f->nd + f->sup[lo + r]].p, (uint32_t)r };
	qsort(f->tmp, n, sizeof *f->tmp, okt_cmp);
	for (size_t r = 0; r < n; r++) {
		f->ord[lo + r] = f->tmp[r].r;
		f->okey[lo + r] = f->tmp[r].key;
	}
}
static void send_need(flow *f, scratch *s, size_t src)
{
	const int T = (int)(f->nd + f->ns);
	const int nd = (int)f->nd;
	long long excess = f->qty[src];
	struct node *nodes = f->nodes;
	unsigned char *done = s->done;

	while (excess > 0) {
		size_t nt = 0;
		long long D, b;

		s->searches++;
		s->h.n = 0;
		nodes[src].dist = 0;
		s->touched[nt++] = (int)src;
		hpush(&s->h, 0, (int)src);
		while (s->h.n) {
			heapent e = hpop(&s->h);
			int u = e.v;
			long long du;

			if (done[u] || e.d != nodes[u].dist)
				continue;
			done[u] = 1;
			if (u == T)
				break;
			du = nodes[u].dist + nodes[u].p;
#define RELAX(V, D2, K) do { struct node *n_ = &nodes[V]; long long d2_ = (D2) - n_->p; \
	if (d2_ < n_->dist && (d2_ < nodes[T].dist || (V) == T)) { if (n_->dist == INF_D) s->touched[nt++] = (V); \
		n_->dist = d2_; s->pnode[V] = u; s->pk[V] = (K); hpush(&s->h, d2_, (V)); } } while (0)
			if (u < nd) {
				long long q = f->qty[u];

				if (f->un[u] < q && !done[T])
					RELAX(T, du + f->penalty, 0);
				size_t lo = f->first[u], hi = f->first[u + 1], waste = 0, use = 0;

				for (size_t r = lo; r < hi; r++) {
					size_t k;
					int v;

					if (du - f->okey[r] >= nodes[T].dist)
						break;
					k = lo + f->ord[r];
					v = nd + (int)f->sup[k];
					if (f->x[k] >= q || done[v])
						continue;
					{
						long long d2 = du - f->val[k] - nodes[v].p;
						if (d2 >= nodes[T].dist) {
							waste++;
							continue;
						}
						use++;
					}
					RELAX(v, du - f->val[k], k);
				}
				if (waste > 16 && waste > 4 * use)
					rekey(f, (size_t)u);
			} else {
				const revlist *l = &f->rl[u - nd];

				for (size_t r = 0; r < l->n; r++) {
					int v = (int)l->a[r].i;

					if (done[v])
						continue;
					RELAX(v, du + f->val[l->a[r].k], l->a[r].k);
				}
				if (f->used[u - nd] < f->cap[u - nd] && !done[T])
					RELAX(T, du, 0);
			}
#undef RELAX
		}
		/* T is always reachable: src's unserved arc keeps capacity
		 * while src has excess. */
		D = nodes[T].dist;
		b = excess;
		for (int v = T; v != (int)src; v = s->pnode[v]) {
			int u = s->pnode[v];
			long long r;

			if (v == T)
				r = u < nd ? f->qty[u] - f->un[u] : f->cap[u - nd] - f->used[u - nd];
			else if (v >= nd)
				r = f->qty[u] - f->x[s->pk[v]];
			else
				r = f->x[s->pk[v]];
			if (r < b)
				b = r;
		}
		for (int v = T; v != (int)src; v = s->pnode[v]) {
			int u = s->pnode[v];
			size_t k = s->pk[v];

			if (v == T) {
				if (u < nd)
					f->un[u] += b;
				else
					f->used[u - nd] += b;
			} else if (v >= nd) {
				if (f->x[k] == 0)
					rev_add(&f->rl[v - nd], k, (uint32_t)u);
				f->x[k] += b;
			} else {
				f->x[k] -= b;
				if (f->x[k] == 0)
					rev_del(&f->rl[u - nd], k);
			}
		}
		excess -= b;
		s->augments++;
		for (size_t i = 0; i < nt; i++) {
			int v = s->touched[i];
			if (done[v])
				nodes[v].p += nodes[v].dist - D;
			nodes[v].dist = INF_D;
			done[v] = 0;
		}
	}
}

static size_t uf_find(uint32_t *par, size_t v)
{
	while (par[v] != v) {
		par[v] = par[par[v]];
		v = par[v];
	}
	return v;
}

/* Parts of the problem: needs and offers joined by pairs. order gets
 * the needs part by part (parts by their first need, needs in input
 * order within a part). Returns the number of parts with a pair and
 * the largest one's needs and offers. */
static size_t split_parts(const flow *f, size_t *order, size_t *big_nd, size_t *big_ns)
{
	size_t nn = f->nd + f->ns, parts = 0;
	uint32_t *par = wf_xmalloc((nn ? nn : 1) * sizeof *par);
	size_t *id = wf_xmalloc((nn ? nn : 1) * sizeof *id), *cnt, *cns;

	for (size_t v = 0; v < nn; v++)
		par[v] = (uint32_t)v;
	for (size_t i = 0; i < f->nd; i++)
		for (size_t k = f->first[i]; k < f->first[i + 1]; k++) {
			size_t a = uf_find(par, i), b = uf_find(par, f->nd + f->sup[k]);
			if (a != b)
				par[a > b ? a : b] = (uint32_t)(a < b ? a : b);
		}
	/* Roots are the smallest node of their part: a need when the part
	 * has one, so numbering roots in need order numbers parts so. */
	for (size_t v = 0; v < nn; v++)
		id[v] = SIZE_MAX;
	for (size_t i = 0; i < f->nd; i++) {
		size_t r = uf_find(par, i);
		if (id[r] == SIZE_MAX)
			id[r] = parts++;
	}
	cnt = wf_xcalloc(parts + 1, sizeof *cnt);
	cns = wf_xcalloc(parts + 1, sizeof *cns);
	for (size_t i = 0; i < f->nd; i++)
		cnt[id[uf_find(par, i)] + 1]++;
	for (size_t j = 0; j < f->ns; j++) {
		size_t r = uf_find(par, f->nd + j);
		if (id[r] != SIZE_MAX)
			cns[id[r]]++;
	}
	*big_nd = *big_ns = 0;
	for (size_t c = 0; c < parts; c++)
		if (cnt[c + 1] > *big_nd || (cnt[c + 1] == *big_nd && cns[c] > *big_ns)) {
			*big_nd = cnt[c + 1];
			*big_ns = cns[c];
		}
	for (size_t c = 0; c < parts; c++)
		cnt[c + 1] += cnt[c];
	for (size_t i = 0; i < f->nd; i++)
		order[cnt[id[uf_find(par, i)]]++] = i;
	/* Parts without a pair (a need nobody can serve) do not count. */
	{
		size_t all = parts;

		memset(cns, 0, (all + 1) * sizeof *cns);
		for (size_t i = 0; i < f->nd; i++)
			if (f->first[i + 1] > f->first[i])
				cns[id[uf_find(par, i)]] = 1;
		parts = 0;
		for (size_t c = 0; c < all; c++)
			parts += cns[c];
	}
	free(par);
	free(id);
	free(cnt);
	free(cns);
	return parts;
}

/* Solve f; x, un, used and p zeroed by the caller. decompose: by parts
 * (the same flow as one pass in input order, see send_need). */
static void solve_side(flow *f, int decompose, size_t *searches, size_t *augments,
		       size_t *parts, size_t *big_nd, size_t *big_ns)
{
	size_t nn = f->nd + f->ns + 1;
	size_t *order = wf_xmalloc((f->nd ? f->nd : 1) * sizeof *order);
	scratch s;
	struct node *nodes = f->nodes;

	/* Potentials making every initial reduced cost >= 0. */
	for (size_t v = 0; v < nn; v++)
		nodes[v] = (struct node){ INF_D, 0 };
	for (size_t i = 0; i < f->nd; i++)
		for (size_t k = f->first[i]; k < f->first[i + 1]; k++)
			if (-(long long)f->val[k] < nodes[f->nd + f->sup[k]].p)
				nodes[f->nd + f->sup[k]].p = -(long long)f->val[k];
	for (size_t j = 0; j < f->ns; j++)
		if (nodes[f->nd + j].p < nodes[nn - 1].p)
			nodes[nn - 1].p = nodes[f->nd + j].p;
	f->ord = wf_xmalloc((f->first[f->nd] ? f->first[f->nd] : 1) * sizeof *f->ord);
	f->okey = wf_xmalloc((f->first[f->nd] ? f->first[f->nd] : 1) * sizeof *f->okey);
	for (size_t u = 0; u < f->nd; u++)
		rekey(f, u);
	if (decompose) {
		*parts = split_parts(f, order, big_nd, big_ns);
	} else {
		for (size_t i = 0; i < f->nd; i++)
			order[i] = i;
		*parts = f->first[f->nd] > 0;
		*big_nd = f->nd;
		*big_ns = f->ns;
	}
	scratch_init(&s, nn);
	for (size_t i = 0; i < f->nd; i++)
		send_need(f, &s, order[i]);
	free(f->ord);
	free(f->okey);
	free(f->tmp);
	f->ord = NULL;
	f->okey = NULL;
	f->tmp = NULL;
	f->ctmp = 0;
	*searches = s.searches;
	*augments = s.augments;
	scratch_free(&s);
	free(order);
}

static void flow_alloc(flow *f)
{
	size_t ne = f->first[f->nd];

	f->x = wf_xcalloc(ne ? ne : 1, sizeof *f->x);
	f->un = wf_xcalloc(f->nd ? f->nd : 1, sizeof *f->un);
	f->used = wf_xcalloc(f->ns ? f->ns : 1, sizeof *f->used);
	f->nodes = wf_xcalloc(f->nd + f->ns + 1, sizeof *f->nodes);
	f->rl = wf_xcalloc(f->ns ? f->ns : 1, sizeof *f->rl);
}

static void flow_free(flow *f)
{
	free(f->x);
	free(f->un);
	free(f->used);
	free(f->nodes);
	if (f->rl)
		for (size_t j = 0; j < f->ns; j++)
			free(f->rl[j].a);
	free(f->rl);
}

static long long coverage_penalty(const long long *qty, size_t nd)
{
	long long units = 0;

	for (size_t i = 0; i < nd; i++)
		units += qty[i];
	return (units + 1) * (long long)SCORE_SCALE + 1;
}

/* What a solve is given: the pairs by need as built (CSR), which it
 * takes (sup and val are freed once copied into its own order). */
typedef struct pairs_in {
	size_t nd, ns;
	const long long *qty, *cap;
	const size_t *first;         /* nd + 1 */
	uint32_t *sup;               /* taken */
	int32_t *val;                /* taken */
	const uint32_t *dkey, *skey; /* where needs and offers lie; NULL: input order */
	long long penalty;
} pairs_in;

/* Called once for each pair given units: need i, offer j, the pair's
 * index in the input CSR. */
typedef void (*emit_fn)(void *ctx, size_t i, size_t j, size_t k, long long units);

typedef struct solve_stats {
	size_t searches, augments, parts, big_nd, big_ns, sources;
	int offers_first;
} solve_stats;

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Rank of each of n nodes by key (then input order); NULL keys: input order. */
static size_t *rank_by(const uint32_t *key, size_t n)
{
	size_t *rank = wf_xmalloc((n ? n : 1) * sizeof *rank);
	uint64_t *t;

	if (!key) {
		for (size_t i = 0; i < n; i++)
			rank[i] = i;
		return rank;
	}
	t = wf_xmalloc((n ? n : 1) * sizeof *t);
	for (size_t i = 0; i < n; i++)
		t[i] = (uint64_t)key[i] << 32 | i;
	qsort(t, n, sizeof *t, cmp_u64);
	for (size_t r = 0; r < n; r++)
		rank[(uint32_t)t[r]] = r;
	free(t);
	return rank;
}

/*
 * Solve the assignment exactly (see send_need). Units flow out of the
 * side with fewer units in all, so there are fewer sources and each
 * search is short: offers when demand is larger than supply, as in any
 * network with more demand than providers can serve (searches from
 * needs then keep pushing earlier needs out). Nodes are numbered in the
 * order of dkey/skey (places near each other, near in memory) and
 * sources are taken in that order within each part. The result is a
 * minimum-cost flow, whichever side and order: the same optimum, ties
 * settled by the fixed order.
 */
static void solve(pairs_in *in, int decompose, emit_fn emit, void *ctx, solve_stats *st)
{
	size_t ne = in->first[in->nd];
	long long qsum = 0, csum = 0;
	int flip;
	flow g = { 0 };
	size_t na, nb, *gfirst, *drank, *srank, *aorig, *borig;
	uint32_t *gsup, *map;
	int32_t *gval;
	long long *gq, *gc;

	for (size_t i = 0; i < in->nd; i++)
		qsum += in->qty[i];
	for (size_t j = 0; j < in->ns; j++)
		csum += in->cap[j];
	flip = csum < qsum;
	na = flip ? in->ns : in->nd;
	nb = flip ? in->nd : in->ns;
	drank = rank_by(in->dkey, in->nd);
	srank = rank_by(in->skey, in->ns);
	gfirst = wf_xcalloc(na + 1, sizeof *gfirst);
	gsup = wf_xmalloc((ne ? ne : 1) * sizeof *gsup);
	gval = wf_xmalloc((ne ? ne : 1) * sizeof *gval);
	map = wf_xmalloc((ne ? ne : 1) * sizeof *map);
	for (size_t i = 0; i < in->nd; i++)
		for (size_t k = in->first[i]; k < in->first[i + 1]; k++)
			gfirst[(flip ? srank[in->sup[k]] : drank[i]) + 1]++;
	for (size_t a = 0; a < na; a++)
		gfirst[a + 1] += gfirst[a];
	for (size_t i = 0; i < in->nd; i++)
		for (size_t k = in->first[i]; k < in->first[i + 1]; k++) {
			size_t a = flip ? srank[in->sup[k]] : drank[i];
			size_t at = gfirst[a]++;

			gsup[at] = (uint32_t)(flip ? drank[i] : srank[in->sup[k]]);
			gval[at] = in->val[k];
			map[at] = (uint32_t)k;
		}
	for (size_t a = na; a > 0; a--)
		gfirst[a] = gfirst[a - 1];
	gfirst[0] = 0;
	free(in->sup);
	free(in->val);
	in->sup = NULL;
	in->val = NULL;
	gq = wf_xmalloc((na ? na : 1) * sizeof *gq);
	gc = wf_xmalloc((nb ? nb : 1) * sizeof *gc);
	aorig = wf_xmalloc((na ? na : 1) * sizeof *aorig);
	borig = wf_xmalloc((nb ? nb : 1) * sizeof *borig);
	for (size_t i = 0; i < in->nd; i++) {
		(flip ? gc : gq)[drank[i]] = in->qty[i];
		(flip ? borig : aorig)[drank[i]] = i;
	}
	for (size_t j = 0; j < in->ns; j++) {
		(flip ? gq : gc)[srank[j]] = in->cap[j];
		(flip ? aorig : borig)[srank[j]] = j;
	}
	free(drank);
	free(srank);
	g.nd = na;
	g.ns = nb;
	g.qty = gq;
	g.cap = gc;
	g.first = gfirst;
	g.sup = gsup;
	g.val = gval;
	g.penalty = in->penalty;
	flow_alloc(&g);
	solve_side(&g, decompose, &st->searches, &st->augments, &st->parts,
		   flip ? &st->big_ns : &st->big_nd, flip ? &st->big_nd : &st->big_ns);
	st->offers_first = flip;
	st->sources = na;
	for (size_t a = 0; a < na; a++)
		for (size_t k = gfirst[a]; k < gfirst[a + 1]; k++)
			if (g.x[k] > 0) {
				size_t u = aorig[a], v = borig[gsup[k]];

				emit(ctx, flip ? v : u, flip ? u : v, map[k], g.x[k]);
			}
	flow_free(&g);
	free(gfirst);
	free(gsup);
	free(gval);
	free(map);
	free(gq);
	free(gc);
	free(aorig);
	free(borig);
}

struct mcf_out {
	long long *x;
	const size_t *inv; /* CSR position -> input pair */
};

static void mcf_emit(void *ctx, size_t i, size_t j, size_t k, long long units)
{
	struct mcf_out *o = ctx;

	(void)i;
	(void)j;
	o->x[o->inv[k]] = units;
}

long long wf_mcf_bipartite2(size_t nd, const long long *qty, size_t ns,
			    const long long *cap, size_t ne, const size_t *ed,
			    const size_t *es, const long long *val, int coverage,
			    int decompose, long long *x, size_t *phases_out,
			    size_t *augments_out, size_t *parts_out)
{
	size_t *first = wf_xcalloc(nd + 1, sizeof *first), *inv = wf_xmalloc((ne ? ne : 1) * sizeof *inv);
	size_t *fill = wf_xmalloc((nd ? nd : 1) * sizeof *fill);
	pairs_in in = { 0 };
	solve_stats st = { 0 };
	struct mcf_out o = { x, inv };
	long long total = 0;

	/* Pairs by need, each need's in input order. */
	in.sup = wf_xmalloc((ne ? ne : 1) * sizeof *in.sup);
	in.val = wf_xmalloc((ne ? ne : 1) * sizeof *in.val);
	for (size_t k = 0; k < ne; k++)
		first[ed[k] + 1]++;
	for (size_t i = 0; i < nd; i++)
		first[i + 1] += first[i];
	if (nd)
		memcpy(fill, first, nd * sizeof *fill);
	for (size_t k = 0; k < ne; k++) {
		size_t at = fill[ed[k]]++;

		inv[at] = k;
		in.sup[at] = (uint32_t)es[k];
		in.val[at] = (int32_t)val[k];
		x[k] = 0;
	}
	in.nd = nd;
	in.ns = ns;
	in.qty = qty;
	in.cap = cap;
	in.first = first;
	in.penalty = coverage ? coverage_penalty(qty, nd) : 0;
	solve(&in, decompose, mcf_emit, &o, &st);
	for (size_t k = 0; k < ne; k++)
		total += x[k] * val[k];
	if (phases_out)
		*phases_out = st.searches;
	if (augments_out)
		*augments_out = st.augments;
	if (parts_out)
		*parts_out = st.parts;
	free(first);
	free(inv);
	free(fill);
	return total;
}

long long wf_mcf_bipartite(size_t nd, const long long *qty, size_t ns,
			   const long long *cap, size_t ne, const size_t *ed,
			   const size_t *es, const long long *val, int coverage,
			   long long *x, size_t *phases_out, size_t *augments_out)
{
	return wf_mcf_bipartite2(nd, qty, ns, cap, ne, ed, es, val, coverage, 1, x,
				 phases_out, augments_out, NULL);
}

/* Z-order of a point on a grid of 1/64 degree (about 1.7 km of
 * latitude): points near each other mostly get keys near each other. */
static uint32_t zkey(double lat, double lon)
{
	double a = (lat + 90) * 64, o = (lon + 180) * 64;
	uint32_t y = a > 0 ? (a < 65535 ? (uint32_t)a : 65535) : 0;
	uint32_t x = o > 0 ? (o < 65535 ? (uint32_t)o : 65535) : 0;
	uint32_t z = 0;

	for (int b = 0; b < 16; b++)
		z |= ((x >> b) & 1u) << (2 * b) | ((y >> b) & 1u) << (2 * b + 1);
	return z;
}

/* A pair given units, as the solve reports it. */
typedef struct got {
	uint32_t i, j;
	long long units;
} got;

struct assign_out {
	got *a;
	size_t n, cap;
};

static void assign_emit(void *ctx, size_t i, size_t j, size_t k, long long units)
{
	struct assign_out *o = ctx;

	(void)k;
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 1024;
		o->a = wf_xrealloc(o->a, o->cap * sizeof *o->a);
	}
	o->a[o->n++] = (got){ (uint32_t)i, (uint32_t)j, units };
}

static int cmp_got(const void *a, const void *b)
{
	const got *x = a, *y = b;

	if (x->i != y->i)
		return x->i < y->i ? -1 : 1;
	return x->j < y->j ? -1 : x->j > y->j;
}

int wf_matcher_assign(wf_matcher *m)
{
	uint32_t *dkey = NULL, *skey = NULL;
	long long *qty = NULL;
	size_t *first = NULL, r = 0;
	pairs_in in = { 0 };
	solve_stats st = { 0 };
	struct assign_out o = { 0 };
	int rc = -1;

	m->err[0] = 0;
	free(m->res);
	m->res = NULL;
	if (build_pairs(m) < 0)
		goto out;
	m->eligible = m->npair;
	/* The pairs are final: give back the slack of the doubling. */
	if (m->npair && m->npair < m->cappair) {
		m->psup = wf_xrealloc(m->psup, m->npair * sizeof *m->psup);
		m->pval = wf_xrealloc(m->pval, m->npair * sizeof *m->pval);
		m->cappair = m->npair;
	}
	free(m->sc.cand);
	m->sc.cand = NULL;
	m->sc.capcand = m->sc.ncand = 0;
	qty = wf_xmalloc((m->nd ? m->nd : 1) * sizeof *qty);
	first = wf_xmalloc((m->nd + 1) * sizeof *first);
	dkey = wf_xmalloc((m->nd ? m->nd : 1) * sizeof *dkey);
	skey = wf_xmalloc((m->ns ? m->ns : 1) * sizeof *skey);
	for (size_t i = 0; i < m->nd; i++) {
		qty[i] = m->d[i].d.qty;
		first[i] = m->d[i].first;
		dkey[i] = zkey(m->d[i].d.lat, m->d[i].d.lon);
	}
	first[m->nd] = m->npair;
	for (size_t j = 0; j < m->ns; j++)
		skey[j] = zkey(m->slat[j], m->slon[j]);
	in.nd = m->nd;
	in.ns = m->ns;
	in.qty = qty;
	in.cap = m->scap;
	in.first = first;
	in.dkey = dkey;
	in.skey = skey;
	in.penalty = m->o.objective == WF_OBJ_COVERAGE ? coverage_penalty(qty, m->nd) : 0;
	/* The solve takes the pairs: it frees them once in its own order. */
	in.sup = m->psup;
	in.val = m->pval;
	m->psup = NULL;
	m->pval = NULL;
	m->npair = m->cappair = 0;
	solve(&in, 1, assign_emit, &o, &st);
	m->phases = st.searches;
	m->augments = st.augments;
	m->parts = st.parts;
	m->part_needs = st.big_nd;
	m->part_offers = st.big_ns;
	m->offers_first = st.offers_first;
	/* Each need's pairs in supply order, as documented. */
	if (o.n)
		qsort(o.a, o.n, sizeof *o.a, cmp_got);
	memset(m->sused, 0, (m->ns ? m->ns : 1) * sizeof *m->sused);
	m->res = wf_xmalloc((o.n ? o.n : 1) * sizeof *m->res);
	/* Keep only the pairs that carry units, scored again for output
	 * (the distance as the grid measured it). */
	for (size_t i = 0; i < m->nd; i++) {
		dem *e = &m->d[i];
		const wf_demand *d = &e->d;
		size_t rfirst = r;
		long long units = 0;

		for (; r < o.n && o.a[r].i == i; r++) {
			size_t j = o.a[r].j;
			int why;

			wf_matcher_score(m, d, j, wf_geo_km(d->lat, d->lon, m->slat[j], m->slon[j]),
					 &m->res[r], &why);
			m->res[r].assigned = o.a[r].units;
			m->sused[j] += o.a[r].units;
			units += o.a[r].units;
		}
		e->unmet = d->qty - units;
		if (e->unmet > 0 && e->why == WF_UNMET_NONE)
			e->why = WF_UNMET_CAPACITY;
		else if (e->unmet == 0)
			e->why = WF_UNMET_NONE;
		e->first = rfirst;
		e->n = r - rfirst;
	}
	rc = 0;
out:
	free(m->psup);
	free(m->pval);
	m->psup = NULL;
	m->pval = NULL;
	m->npair = m->cappair = 0;
	free(o.a);
	free(qty);
	free(first);
	free(dkey);
	free(skey);
	return rc;
}

const char *wf_matcher_error(const wf_matcher *m)
{
	return m->err;
}

size_t wf_matcher_result(const wf_matcher *m, size_t i, const wf_match **out,
			 long long *unmet, int *why)
{
	/* No pair at all leaves m->res NULL: no arithmetic on it (UB). */
	*out = m->d[i].n ? m->res + m->d[i].first : NULL;
	*unmet = m->d[i].unmet;
	*why = m->d[i].why;
	return m->d[i].n;
}

const char *wf_matcher_demand_id(const wf_matcher *m, size_t i)
{
	return m->d[i].d.id;
}

int wf_matcher_demand_cat(const wf_matcher *m, size_t i)
{
	return m->d[i].d.cat;
}

long long wf_matcher_used(const wf_matcher *m, size_t j)
{
	return m->sused ? m->sused[j] : 0;
}

void wf_matcher_stats(const wf_matcher *m, size_t *pairs, size_t *phases,
		      size_t *augments)
{
	if (pairs)
		*pairs = m->eligible;
	if (phases)
		*phases = m->phases;
	if (augments)
		*augments = m->augments;
}

int wf_matcher_offers_first(const wf_matcher *m)
{
	return m->offers_first;
}

void wf_matcher_parts(const wf_matcher *m, size_t *pruned, size_t *parts,
		      size_t *largest_needs, size_t *largest_offers)
{
	if (pruned)
		*pruned = m->pruned;
	if (parts)
		*parts = m->parts;
	if (largest_needs)
		*largest_needs = m->part_needs;
	if (largest_offers)
		*largest_offers = m->part_offers;
}
