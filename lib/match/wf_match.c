/*
 * wf_match.c - scoring, top-K and exact assignment (see wf_match.h).
 */
#include "wf_match.h"

#include <limits.h>
#include <math.h>
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
	char *id;
	int cat;
	long long qty;
	size_t first, n;    /* its pairs in m->pair */
	long long unmet;
	int why;
} dem;

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
	unsigned *seen;     /* per offer: stamp of the last need that saw it */
	unsigned stamp;
	/* candidates of the need in hand */
	wf_match *cand;
	size_t ncand, capcand;
	/* assignment */
	dem *d;
	size_t nd, capd;
	wf_match *pair;
	size_t npair, cappair;
	size_t eligible, phases, augments;
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
	free(m->seen);
	free(m->cand);
	for (size_t i = 0; i < m->nd; i++)
		free(m->d[i].id);
	free(m->d);
	free(m->pair);
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
	free(m->seen);
	m->seen = wf_xcalloc(m->ns ? m->ns : 1, sizeof *m->seen);
	m->stamp = 0;
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
	__int128 lhs = (__int128)price.m * qty * pow10_128[budget.s];
	__int128 rhs = (__int128)budget.m * pow10_128[price.s];

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
	wf_matcher *m;
	const wf_demand *d;
	int c;              /* category index being walked */
	int worst;          /* most telling reason seen: RANGE < BUDGET < CAPACITY */
	size_t keep;        /* top: how many to keep; 0 = all (assignment) */
};

static int visit(size_t local, double km, void *ctx)
{
	struct walk *w = ctx;
	wf_matcher *m = w->m;
	size_t j = m->geomap[w->c][local];
	wf_match c;
	int why;

	/* An offer of two fitting categories is met in two indexes. */
	if (m->seen[j] == m->stamp)
		return 0;
	m->seen[j] = m->stamp;
	/* Top K full: skip offers whose best possible score (capacity and
	 * price at 1) cannot beat the K-th. Equal bounds go on to the full
	 * score, so ties are still decided by the documented order. */
	if (w->keep && m->ncand == w->keep) {
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
		if (bound < m->cand[m->ncand - 1].score)
			return 0;
	}
	if (!wf_matcher_score(m, w->d, j, km, &c, &why)) {
		if (why > w->worst)
			w->worst = why;
		return 0;
	}
	if (!w->keep) {
		if (m->ncand == m->capcand) {
			m->capcand = m->capcand ? m->capcand * 2 : 64;
			m->cand = wf_xrealloc(m->cand, m->capcand * sizeof *m->cand);
		}
		m->cand[m->ncand++] = c;
		return 0;
	}
	/* Insert into the sorted top list of at most keep entries. */
	if (m->ncand == w->keep && !better(&c, &m->cand[m->ncand - 1]))
		return 0;
	size_t i = m->ncand < w->keep ? m->ncand++ : m->ncand - 1;
	while (i > 0 && better(&c, &m->cand[i - 1])) {
		m->cand[i] = m->cand[i - 1];
		i--;
	}
	m->cand[i] = c;
	return 0;
}

static int candidates(wf_matcher *m, const wf_demand *d, size_t keep)
{
	struct walk w = { m, d, 0, WF_UNMET_RANGE, keep };
	double r = d->max_km > 0 ? d->max_km : m->o.max_km;
	uint64_t cs = m->related[d->cat] & m->offered;

	m->ncand = 0;
	if (keep && m->capcand < keep) {
		m->capcand = keep;
		m->cand = wf_xrealloc(m->cand, m->capcand * sizeof *m->cand);
	}
	if (!cs)
		return WF_UNMET_NO_OFFER;
	if (++m->stamp == 0) {
		memset(m->seen, 0, m->ns * sizeof *m->seen);
		m->stamp = 1;
	}
	for (w.c = 0; cs; w.c++, cs >>= 1)
		if (cs & 1)
			wf_geoindex_within(m->geo[w.c], d->lat, d->lon, r, visit, &w);
	return m->ncand ? WF_UNMET_NONE : w.worst;
}

size_t wf_matcher_top(wf_matcher *m, const wf_demand *d, wf_match *out,
		      int *why)
{
	*why = candidates(m, d, (size_t)m->o.top);
	if (m->ncand)
		memcpy(out, m->cand, m->ncand * sizeof *out);
	return m->ncand;
}

static int cmp_supply(const void *a, const void *b)
{
	const wf_match *x = a, *y = b;

	return x->supply < y->supply ? -1 : x->supply > y->supply;
}

size_t wf_matcher_add_demand(wf_matcher *m, const wf_demand *d)
{
	dem *e;
	int why;

	if (m->nd == m->capd) {
		m->capd = m->capd ? m->capd * 2 : 256;
		m->d = wf_xrealloc(m->d, m->capd * sizeof *m->d);
	}
	e = &m->d[m->nd];
	e->id = wf_xstrdup(d->id ? d->id : "");
	e->cat = d->cat;
	e->qty = d->qty;
	why = candidates(m, d, 0);
	/* Arcs in supply order, so the solve does not depend on the grid. */
	if (m->ncand)
		qsort(m->cand, m->ncand, sizeof *m->cand, cmp_supply);
	if (m->npair + m->ncand > m->cappair) {
		while (m->npair + m->ncand > m->cappair)
			m->cappair = m->cappair ? m->cappair * 2 : 1024;
		m->pair = wf_xrealloc(m->pair, m->cappair * sizeof *m->pair);
	}
	if (m->ncand)
		memcpy(m->pair + m->npair, m->cand, m->ncand * sizeof *m->cand);
	e->first = m->npair;
	e->n = m->ncand;
	e->why = why;
	e->unmet = d->qty;
	m->npair += m->ncand;
	return m->nd++;
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

static void hpush(heap *h, long long d, int v)
{
	size_t i;

	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 1024;
		h->a = wf_xrealloc(h->a, h->cap * sizeof *h->a);
	}
	i = h->n++;
	h->a[i] = (heapent){ d, v };
	while (i > 0 && hless(h->a[i], h->a[(i - 1) / 2])) {
		heapent t = h->a[i];
		h->a[i] = h->a[(i - 1) / 2];
		h->a[(i - 1) / 2] = t;
		i = (i - 1) / 2;
	}
}

static heapent hpop(heap *h)
{
	heapent top = h->a[0];
	size_t i = 0;

	h->a[0] = h->a[--h->n];
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, s = i;

		if (l < h->n && hless(h->a[l], h->a[s]))
			s = l;
		if (r < h->n && hless(h->a[r], h->a[s]))
			s = r;
		if (s == i)
			break;
		heapent t = h->a[i];
		h->a[i] = h->a[s];
		h->a[s] = t;
		i = s;
	}
	return top;
}

#define INF_D (LLONG_MAX / 4)

/*
 * Min-cost flow with a supply of qty_i units at each need i, one sink T,
 * arcs i->j (value val: cost -val), j->T (capacity cap_j, cost 0) and
 * an "unserved" arc i->T (cost 0 for the score objective; for coverage
 * a penalty M larger than any total score, so serving more units always
 * wins). Every unit then reaches T, and the cheapest such flow is the
 * optimum. Successive shortest paths: each need in input order sends its
 * units along shortest paths found by Dijkstra on reduced costs; paths
 * may re-route units of earlier needs (through reverse arcs) or leave
 * them unserved. Dijkstra stops once T is settled, and the unserved arc
 * bounds how far it looks, so most searches stay local. Potentials:
 * settled v gets p[v] += dist[v] - dist[T], which equals the textbook
 * update (+dist[v] for settled nodes, +dist[T] for the others) up to a
 * constant that cancels in every reduced cost.
 */
long long wf_mcf_bipartite(size_t nd, const long long *qty, size_t ns,
			   const long long *cap, size_t ne, const size_t *ed,
			   const size_t *es, const long long *val, int coverage,
			   long long *x, size_t *phases_out, size_t *augments_out)
{
	size_t nn = nd + ns + 1, na = 2 * (ne + ns + nd);
	int T = (int)(nd + ns);
	int *to = wf_xmalloc((na ? na : 1) * sizeof *to), *from = wf_xmalloc((na ? na : 1) * sizeof *from);
	long long *rc = wf_xmalloc((na ? na : 1) * sizeof *rc), *cost = wf_xmalloc((na ? na : 1) * sizeof *cost);
	size_t *start = wf_xcalloc(nn + 1, sizeof *start), *adj = wf_xmalloc((na ? na : 1) * sizeof *adj);
	size_t *fill = wf_xmalloc(nn * sizeof *fill), *parc = wf_xmalloc(nn * sizeof *parc);
	long long *p = wf_xcalloc(nn, sizeof *p), *dist = wf_xmalloc(nn * sizeof *dist);
	unsigned char *done = wf_xcalloc(nn, 1);
	int *touched = wf_xmalloc(nn * sizeof *touched);
	heap h = { 0 };
	size_t a = 0, augments = 0, searches = 0;
	long long penalty = 0, total = 0, units = 0;

	if (coverage) {
		for (size_t i = 0; i < nd; i++)
			units += qty[i];
		penalty = (units + 1) * (long long)SCORE_SCALE + 1;
	}
#define ARC(u, v, c, k) do { from[a] = (u); to[a] = (v); rc[a] = (c); cost[a] = (k); a++; \
	from[a] = (v); to[a] = (u); rc[a] = 0; cost[a] = -(k); a++; } while (0)
	for (size_t k = 0; k < ne; k++)
		ARC((int)ed[k], (int)(nd + es[k]), qty[ed[k]], -val[k]);
	for (size_t j = 0; j < ns; j++)
		ARC((int)(nd + j), T, cap[j], 0);
	for (size_t i = 0; i < nd; i++)
		ARC((int)i, T, qty[i], penalty);
#undef ARC
	for (size_t k = 0; k < na; k++)
		start[from[k] + 1]++;
	for (size_t v = 0; v < nn; v++)
		start[v + 1] += start[v];
	memcpy(fill, start, nn * sizeof *fill);
	for (size_t k = 0; k < na; k++)
		adj[fill[from[k]]++] = k;
	for (size_t v = 0; v < nn; v++)
		dist[v] = INF_D;

	/* Potentials making every initial reduced cost >= 0. */
	for (size_t k = 0; k < ne; k++)
		if (-val[k] < p[nd + es[k]])
			p[nd + es[k]] = -val[k];
	for (size_t j = 0; j < ns; j++)
		if (p[nd + j] < p[T])
			p[T] = p[nd + j];

	for (size_t src = 0; src < nd; src++) {
		long long excess = qty[src];

		while (excess > 0) {
			size_t nt = 0;
			long long D, b;

			searches++;
			h.n = 0;
			dist[src] = 0;
			touched[nt++] = (int)src;
			hpush(&h, 0, (int)src);
			while (h.n) {
				heapent e = hpop(&h);
				int u = e.v;

				if (done[u] || e.d != dist[u])
					continue;
				done[u] = 1;
				if (u == T)
					break;
				for (size_t q = start[u]; q < start[u + 1]; q++) {
					size_t k = adj[q];
					int v = to[k];
					long long d2;

					if (rc[k] <= 0 || done[v])
						continue;
					d2 = dist[u] + cost[k] + p[u] - p[v];
					if (d2 < dist[v]) {
						if (dist[v] == INF_D)
							touched[nt++] = v;
						dist[v] = d2;
						parc[v] = k;
						hpush(&h, d2, v);
					}
				}
			}
			/* T is always reachable: src's unserved arc keeps capacity
			 * while src has excess. */
			D = dist[T];
			b = excess;
			for (int v = T; v != (int)src; v = from[parc[v]])
				if (rc[parc[v]] < b)
					b = rc[parc[v]];
			for (int v = T; v != (int)src; v = from[parc[v]]) {
				rc[parc[v]] -= b;
				rc[parc[v] ^ 1] += b;
			}
			excess -= b;
			augments++;
			for (size_t i = 0; i < nt; i++) {
				int v = touched[i];
				if (done[v])
					p[v] += dist[v] - D;
				dist[v] = INF_D;
				done[v] = 0;
			}
		}
	}
	for (size_t k = 0; k < ne; k++) {
		x[k] = rc[2 * k + 1];
		total += x[k] * val[k];
	}
	if (phases_out)
		*phases_out = searches;
	if (augments_out)
		*augments_out = augments;
	free(to);
	free(from);
	free(rc);
	free(cost);
	free(start);
	free(adj);
	free(fill);
	free(parc);
	free(p);
	free(dist);
	free(done);
	free(touched);
	free(h.a);
	return total;
}

void wf_matcher_assign(wf_matcher *m)
{
	long long *qty = wf_xmalloc((m->nd ? m->nd : 1) * sizeof *qty);
	size_t *ed = wf_xmalloc((m->npair ? m->npair : 1) * sizeof *ed);
	size_t *es = wf_xmalloc((m->npair ? m->npair : 1) * sizeof *es);
	long long *val = wf_xmalloc((m->npair ? m->npair : 1) * sizeof *val);
	long long *x = wf_xcalloc(m->npair ? m->npair : 1, sizeof *x);
	size_t w = 0;

	for (size_t i = 0; i < m->nd; i++) {
		qty[i] = m->d[i].qty;
		for (size_t k = m->d[i].first; k < m->d[i].first + m->d[i].n; k++) {
			ed[k] = i;
			es[k] = m->pair[k].supply;
			val[k] = llround(m->pair[k].score * SCORE_SCALE);
		}
	}
	m->eligible = m->npair;
	wf_mcf_bipartite(m->nd, qty, m->ns, m->scap, m->npair, ed, es, val,
			 m->o.objective == WF_OBJ_COVERAGE, x, &m->phases, &m->augments);
	memset(m->sused, 0, (m->ns ? m->ns : 1) * sizeof *m->sused);
	/* Keep only the pairs that carry units. */
	for (size_t i = 0; i < m->nd; i++) {
		size_t first = w;
		long long got = 0;

		for (size_t k = m->d[i].first; k < m->d[i].first + m->d[i].n; k++) {
			if (!x[k])
				continue;
			m->pair[w] = m->pair[k];
			m->pair[w].assigned = x[k];
			m->sused[m->pair[k].supply] += x[k];
			got += x[k];
			w++;
		}
		m->d[i].unmet = m->d[i].qty - got;
		if (m->d[i].unmet > 0 && m->d[i].why == WF_UNMET_NONE)
			m->d[i].why = WF_UNMET_CAPACITY;
		else if (m->d[i].unmet == 0)
			m->d[i].why = WF_UNMET_NONE;
		m->d[i].first = first;
		m->d[i].n = w - first;
	}
	m->npair = w;
	free(qty);
	free(ed);
	free(es);
	free(val);
	free(x);
}

size_t wf_matcher_result(const wf_matcher *m, size_t i, const wf_match **out,
			 long long *unmet, int *why)
{
	/* No pair at all leaves m->pair NULL: no arithmetic on it (UB). */
	*out = m->d[i].n ? m->pair + m->d[i].first : NULL;
	*unmet = m->d[i].unmet;
	*why = m->d[i].why;
	return m->d[i].n;
}

const char *wf_matcher_demand_id(const wf_matcher *m, size_t i)
{
	return m->d[i].id;
}

int wf_matcher_demand_cat(const wf_matcher *m, size_t i)
{
	return m->d[i].cat;
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
