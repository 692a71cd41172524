#include "wf_geo.h"
#include "wf_match.h"
#include "wf_test.h"
#include "mcf_ref.h"

#include <stdint.h>

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}
static double urand(void) { return (double)(next() >> 11) / 9007199254740992.0; }
static long long irand(long long n) { return (long long)(next() % (uint64_t)n); }

/* Supply coordinates, kept so the tests can recompute distances. */
static double slat[512], slon[512];

static wf_dec dec(long long m, int s) { return wf_dec_make(m, s); }

static int cat(const wf_taxonomy *t, const char *code)
{
	return wf_taxonomy_find(t, code, strlen(code));
}

/* Components and score against the documented formulas. */
static void test_scoring(void)
{
	wf_taxonomy *t = wf_taxonomy_builtin();
	wf_match_opts o;
	wf_matcher *m;
	wf_match r;
	int why;

	wf_match_opts_default(&o);
	CHECK(wf_match_opts_check(&o) == NULL);
	m = wf_matcher_new(t, &o);
	/* Cortemilia need; offers in Cortemilia and Alba. */
	wf_supply s0 = { "nido", 44.579471, 8.193302, (uint64_t)1 << cat(t, "CHILDCARE"), 10, 1, dec(300, 0), 0 };
	wf_supply s1 = { "camp", 44.700636, 8.035872, ((uint64_t)1 << cat(t, "CAMPS")) | ((uint64_t)1 << cat(t, "MEAL")), 2, 0, dec(0, 0), 5 };
	wf_supply s2 = { "full", 44.58, 8.19, (uint64_t)1 << cat(t, "CHILDCARE"), 0, 0, dec(0, 0), 0 };
	wf_supply s3 = { "dear", 44.58, 8.19, (uint64_t)1 << cat(t, "CHILDCARE"), 5, 1, dec(50001, 2), 0 };
	CHECK_INT(wf_matcher_add_supply(m, &s0), 0);
	CHECK_INT(wf_matcher_add_supply(m, &s1), 1);
	wf_matcher_add_supply(m, &s2);
	wf_matcher_add_supply(m, &s3);
	wf_matcher_build(m);
	wf_demand d = { "need", 44.579471, 8.193302, cat(t, "CHILDCARE"), 4, 1, dec(2000, 0), 0 };

	CHECK(wf_matcher_score(m, &d, 0, 0.0, &r, &why));
	CHECK_NEAR(r.fit, 1, 0);
	CHECK_NEAR(r.proximity, 1, 0);
	CHECK_NEAR(r.capacity, 1, 0);
	CHECK_NEAR(r.price, 1 - 300.0 / 500.0, 1e-12);
	CHECK_NEAR(r.score, 0.4 + 0.3 + 0.15 + 0.15 * 0.4, 1e-12);

	double km = wf_geo_km(d.lat, d.lon, s1.lat, s1.lon);
	CHECK_NEAR(km, 18.3484, 0.0001);
	/* Beyond the offer's own 5 km radius. */
	CHECK(!wf_matcher_score(m, &d, 1, km, &r, &why));
	CHECK_INT(why, WF_UNMET_RANGE);
	CHECK(wf_matcher_score(m, &d, 1, 4.0, &r, &why));
	CHECK_INT(r.cat, cat(t, "CAMPS"));
	CHECK_NEAR(r.fit, 0.4, 1e-12);
	CHECK_NEAR(r.proximity, exp(-0.4), 1e-12);
	CHECK_NEAR(r.capacity, 0.5, 0);
	CHECK_NEAR(r.price, 0.5, 0);
	CHECK_NEAR(r.score, 0.4 * 0.4 + 0.3 * exp(-0.4) + 0.15 * 0.5 + 0.15 * 0.5, 1e-12);
	CHECK(!wf_matcher_score(m, &d, 0, 30.5, &r, &why));
	CHECK_INT(why, WF_UNMET_RANGE);
	CHECK(!wf_matcher_score(m, &d, 2, 0.5, &r, &why));
	CHECK_INT(why, WF_UNMET_CAPACITY);
	/* 500.01 * 4 > 2000, exactly; 500.00 would pass. */
	CHECK(!wf_matcher_score(m, &d, 3, 0.5, &r, &why));
	CHECK_INT(why, WF_UNMET_BUDGET);

	wf_match out[5];
	CHECK_INT(wf_matcher_top(m, &d, out, &why), 1);
	CHECK_INT(out[0].supply, 0);
	wf_demand d2 = d;
	d2.cat = cat(t, "PENSION");
	CHECK_INT(wf_matcher_top(m, &d2, out, &why), 0);
	CHECK_INT(why, WF_UNMET_NO_OFFER);
	CHECK_STR(wf_unmet_reason(why), "no provider offers the category");
	d2 = d;
	d2.lat = 45.07; /* Torino: nothing within 30 km */
	d2.lon = 7.68;
	CHECK_INT(wf_matcher_top(m, &d2, out, &why), 0);
	CHECK_INT(why, WF_UNMET_RANGE);
	d2 = d;
	d2.budget = dec(100, 0);
	CHECK_INT(wf_matcher_top(m, &d2, out, &why), 0);
	CHECK_INT(why, WF_UNMET_CAPACITY); /* the full one is the most telling */
	wf_matcher_free(m);
	wf_matcher_free(NULL);

	o.w_fit = o.w_dist = o.w_cap = o.w_price = 0;
	CHECK_STR(wf_match_opts_check(&o), "weights must not all be zero");
	o.w_fit = -1;
	CHECK_STR(wf_match_opts_check(&o), "weights must be non-negative numbers");
	wf_taxonomy_free(t);
}

/* Top K equals sorting every eligible pair found by a linear scan. */
static void test_top_vs_scan(void)
{
	wf_taxonomy *t = wf_taxonomy_builtin();
	int nt = (int)wf_taxonomy_count(t);
	wf_match_opts o;
	enum { NS = 400 };

	wf_match_opts_default(&o);
	o.top = 7;
	o.max_km = 25;
	wf_matcher *m = wf_matcher_new(t, &o);
	for (int j = 0; j < NS; j++) {
		wf_supply s = { "s", 44.4 + urand(), 7.6 + urand() * 1.2, 0, irand(5), (int)irand(2),
			dec(irand(50000), 2), irand(3) ? 0 : 5 + urand() * 20 };
		s.cats = ((uint64_t)1 << irand(nt)) | (irand(2) ? (uint64_t)1 << irand(nt) : 0);
		/* Exact duplicates of place and offer to exercise the ties. */
		if (j % 50 == 49) {
			s.lat = 44.9;
			s.lon = 8.2;
		}
		slat[j] = s.lat;
		slon[j] = s.lon;
		wf_matcher_add_supply(m, &s);
	}
	wf_matcher_build(m);
	int mismatches = 0, found = 0;
	for (int q = 0; q < 300; q++) {
		wf_demand d = { "d", 44.4 + urand(), 7.6 + urand() * 1.2, (int)irand(nt), 1 + irand(6),
			(int)irand(2), dec(irand(200000), 2), irand(4) ? 0 : 5 + urand() * 40 };
		wf_match top[7], all[NS], r;
		int why, n = 0;

		if (q % 20 == 0) {
			d.lat = 44.9;
			d.lon = 8.2;
		}
		size_t k = wf_matcher_top(m, &d, top, &why);
		/* Brute force through the public scorer. */
		for (size_t j = 0; j < NS; j++)
			if (wf_matcher_score(m, &d, j, wf_geo_km(d.lat, d.lon, slat[j], slon[j]), &r, &why))
				all[n++] = r;
		/* selection sort by the documented order */
		for (int i = 0; i < n; i++)
			for (int j = i + 1; j < n; j++) {
				wf_match *a = &all[i], *b = &all[j];
				int bb = b->score > a->score || (b->score == a->score &&
					(b->km < a->km || (b->km == a->km && b->supply < a->supply)));
				if (bb) {
					wf_match tmp = *a;
					*a = *b;
					*b = tmp;
				}
			}
		size_t want = n < 7 ? (size_t)n : 7;
		if (k != want)
			mismatches++;
		for (size_t i = 0; i < k && i < want; i++)
			if (top[i].supply != all[i].supply || top[i].score != all[i].score)
				mismatches++;
		found += (int)k;
	}
	CHECK_INT(mismatches, 0);
	CHECK(found > 100);
	wf_matcher_free(m);
	wf_taxonomy_free(t);
}

/* ---- assignment against brute force ---- */

struct bf {
	size_t nd, ns, ne;
	long long qty[4], cap[4], val[12];
	size_t ed[12], es[12];
	long long x[12], left_d[4], left_s[4];
	long long best_units, best_val;
	int coverage;
};

static void bf_rec(struct bf *b, size_t k, long long units, long long val)
{
	if (k == b->ne) {
		if (b->coverage ? (units > b->best_units || (units == b->best_units && val > b->best_val))
				: val > b->best_val) {
			b->best_units = units;
			b->best_val = val;
		}
		return;
	}
	long long hi = b->left_d[b->ed[k]] < b->left_s[b->es[k]] ? b->left_d[b->ed[k]] : b->left_s[b->es[k]];
	for (long long x = 0; x <= hi; x++) {
		b->left_d[b->ed[k]] -= x;
		b->left_s[b->es[k]] -= x;
		bf_rec(b, k + 1, units + x, val + x * b->val[k]);
		b->left_d[b->ed[k]] += x;
		b->left_s[b->es[k]] += x;
	}
}

static void test_mcf_vs_bruteforce(void)
{
	int bad = 0, cases = 0, differ = 0;

	for (int c = 0; c < 600; c++) {
		struct bf b;
		memset(&b, 0, sizeof b);
		b.nd = 1 + (size_t)irand(3);
		b.ns = 1 + (size_t)irand(3);
		for (size_t i = 0; i < b.nd; i++)
			b.qty[i] = 1 + irand(3);
		for (size_t j = 0; j < b.ns; j++)
			b.cap[j] = irand(4);
		for (size_t i = 0; i < b.nd; i++)
			for (size_t j = 0; j < b.ns; j++)
				if (irand(3)) {
					b.ed[b.ne] = i;
					b.es[b.ne] = j;
					/* Few distinct values: plenty of ties. */
					b.val[b.ne] = c % 2 ? 1 + irand(4) : 1 + irand(1000000);
					b.ne++;
				}
		for (int cov = 0; cov < 2; cov++) {
			long long x[12], units = 0, val = 0, got;
			long long used_d[4] = { 0 }, used_s[4] = { 0 };

			b.coverage = cov;
			b.best_units = -1;
			b.best_val = -1;
			memcpy(b.left_d, b.qty, sizeof b.qty);
			memcpy(b.left_s, b.cap, sizeof b.cap);
			bf_rec(&b, 0, 0, 0);
			got = wf_mcf_bipartite(b.nd, b.qty, b.ns, b.cap, b.ne, b.ed, b.es, b.val, cov, x, NULL, NULL);
			for (size_t k = 0; k < b.ne; k++) {
				if (x[k] < 0)
					bad++;
				used_d[b.ed[k]] += x[k];
				used_s[b.es[k]] += x[k];
				units += x[k];
				val += x[k] * b.val[k];
			}
			for (size_t i = 0; i < b.nd; i++)
				bad += used_d[i] > b.qty[i];
			for (size_t j = 0; j < b.ns; j++)
				bad += used_s[j] > b.cap[j];
			bad += got != val;
			bad += val != b.best_val;
			if (cov)
				bad += units != b.best_units;
			cases++;
		}
		/* count cases where the two objectives pick different optima */
		b.coverage = 0; b.best_units = -1; b.best_val = -1;
		memcpy(b.left_d, b.qty, sizeof b.qty);
		memcpy(b.left_s, b.cap, sizeof b.cap);
		bf_rec(&b, 0, 0, 0);
		long long sv = b.best_val;
		b.coverage = 1; b.best_units = -1; b.best_val = -1;
		bf_rec(&b, 0, 0, 0);
		differ += sv != b.best_val;
	}
	CHECK_INT(bad, 0);
	CHECK_INT(cases, 1200);
	CHECK(differ > 0);
}

/* The textbook case where covering more costs score. */
static void test_objectives(void)
{
	long long qty[2] = { 1, 1 }, cap[2] = { 1, 1 }, val[3] = { 10, 1, 5 }, x[3];
	size_t ed[3] = { 0, 0, 1 }, es[3] = { 0, 1, 0 };

	CHECK_INT(wf_mcf_bipartite(2, qty, 2, cap, 3, ed, es, val, 0, x, NULL, NULL), 10);
	CHECK_INT(x[0], 1);
	CHECK_INT(x[1], 0);
	CHECK_INT(x[2], 0);
	CHECK_INT(wf_mcf_bipartite(2, qty, 2, cap, 3, ed, es, val, 1, x, NULL, NULL), 6);
	CHECK_INT(x[0], 0);
	CHECK_INT(x[1], 1);
	CHECK_INT(x[2], 1);
	CHECK_INT(wf_mcf_bipartite(0, NULL, 0, NULL, 0, NULL, NULL, NULL, 0, x, NULL, NULL), 0);
}

/* End to end through the matcher, with splits and unmet reasons. */
static void test_assign(void)
{
	wf_taxonomy *t = wf_taxonomy_builtin();
	wf_match_opts o;
	wf_match_opts_default(&o);
	wf_matcher *m = wf_matcher_new(t, &o);
	uint64_t cc = (uint64_t)1 << cat(t, "CHILDCARE");
	wf_supply s0 = { "a", 44.58, 8.19, cc, 3, 0, dec(0, 0), 0 };
	wf_supply s1 = { "b", 44.60, 8.19, cc, 4, 0, dec(0, 0), 0 };
	const wf_match *r;
	long long unmet;
	int why;

	wf_matcher_add_supply(m, &s0);
	wf_matcher_add_supply(m, &s1);
	wf_matcher_build(m);
	wf_demand d0 = { "big", 44.58, 8.19, cat(t, "CHILDCARE"), 6, 0, dec(0, 0), 0 };
	wf_demand d1 = { "small", 44.59, 8.19, cat(t, "CHILDCARE"), 3, 0, dec(0, 0), 0 };
	wf_demand d2 = { "far", 45.07, 7.68, cat(t, "CHILDCARE"), 2, 0, dec(0, 0), 0 };
	wf_matcher_add_demand(m, &d0);
	wf_matcher_add_demand(m, &d1);
	wf_matcher_add_demand(m, &d2);
	wf_matcher_assign(m);
	long long total = 0;
	for (size_t i = 0; i < 3; i++) {
		size_t n = wf_matcher_result(m, i, &r, &unmet, &why);
		for (size_t k = 0; k < n; k++)
			total += r[k].assigned;
	}
	CHECK_INT(total, 7);
	CHECK_INT(wf_matcher_used(m, 0) + wf_matcher_used(m, 1), 7);
	CHECK_INT(wf_matcher_result(m, 2, &r, &unmet, &why), 0);
	CHECK_INT(unmet, 2);
	CHECK_INT(why, WF_UNMET_RANGE);
	long long u0, u1;
	int w0, w1;
	wf_matcher_result(m, 0, &r, &u0, &w0);
	wf_matcher_result(m, 1, &r, &u1, &w1);
	CHECK_INT(u0 + u1, 2);
	CHECK(w0 == (u0 ? WF_UNMET_CAPACITY : WF_UNMET_NONE));
	CHECK(w1 == (u1 ? WF_UNMET_CAPACITY : WF_UNMET_NONE));
	wf_matcher_free(m);
	wf_taxonomy_free(t);
}

/* Random matcher instances: the solve equals brute force over the
 * eligible pairs it found. */
static void test_assign_random(void)
{
	wf_taxonomy *t = wf_taxonomy_builtin();
	int bad = 0, cases = 0, sides[2] = { 0, 0 };

	for (int c = 0; c < 300; c++) {
		wf_match_opts o;
		wf_demand dd[4];
		struct bf b;

		wf_match_opts_default(&o);
		o.objective = c % 2 ? WF_OBJ_COVERAGE : WF_OBJ_SCORE;
		wf_matcher *m = wf_matcher_new(t, &o);
		memset(&b, 0, sizeof b);
		b.nd = 1 + (size_t)irand(3);
		b.ns = 1 + (size_t)irand(3);
		for (size_t j = 0; j < b.ns; j++) {
			wf_supply s = { "s", 44.5 + urand() * 0.4, 8 + urand() * 0.4,
				((uint64_t)1 << irand(4)) | ((uint64_t)1 << irand(4)), irand(4),
				(int)irand(2), dec(irand(3000), 2), 0 };
			b.cap[j] = s.capacity;
			slat[j] = s.lat;
			slon[j] = s.lon;
			wf_matcher_add_supply(m, &s);
		}
		wf_matcher_build(m);
		for (size_t i = 0; i < b.nd; i++) {
			wf_demand d = { "d", 44.5 + urand() * 0.4, 8 + urand() * 0.4, (int)irand(4), 1 + irand(3),
				(int)irand(2), dec(irand(6000), 2), 0 };
			dd[i] = d;
			b.qty[i] = d.qty;
			wf_matcher_add_demand(m, &d);
		}
		/* Every eligible pair and its integer value, by the public scorer. */
		for (size_t i = 0; i < b.nd; i++)
			for (size_t j = 0; j < b.ns; j++) {
				wf_match r;
				int why;
				if (wf_matcher_score(m, &dd[i], j, wf_geo_km(dd[i].lat, dd[i].lon, slat[j], slon[j]), &r, &why)) {
					b.ed[b.ne] = i;
					b.es[b.ne] = j;
					b.val[b.ne] = llround(r.score * 1e6);
					b.ne++;
				}
			}
		b.coverage = c % 2;
		b.best_units = b.best_val = -1;
		memcpy(b.left_d, b.qty, sizeof b.qty);
		memcpy(b.left_s, b.cap, sizeof b.cap);
		bf_rec(&b, 0, 0, 0);

		wf_matcher_assign(m);
		{
			long long q = 0, c2 = 0;
			for (size_t i = 0; i < b.nd; i++)
				q += b.qty[i];
			for (size_t j = 0; j < b.ns; j++)
				c2 += b.cap[j];
			/* Units flow from the side with fewer units. */
			bad += wf_matcher_offers_first(m) != (c2 < q);
			sides[wf_matcher_offers_first(m)] += b.ne > 0;
		}
		long long units = 0, val = 0;
		for (size_t i = 0; i < b.nd; i++) {
			const wf_match *r;
			long long unmet;
			int why;
			size_t n = wf_matcher_result(m, i, &r, &unmet, &why);
			long long got = 0;
			for (size_t k = 0; k < n; k++) {
				got += r[k].assigned;
				val += r[k].assigned * llround(r[k].score * 1e6);
			}
			units += got;
			bad += got + unmet != b.qty[i];
			bad += (unmet > 0) != (why != WF_UNMET_NONE);
		}
		for (size_t j = 0; j < b.ns; j++)
			bad += wf_matcher_used(m, j) > b.cap[j];
		bad += val != b.best_val;
		if (b.coverage)
			bad += units != b.best_units;
		cases += b.ne > 0;
		wf_matcher_free(m);
	}
	CHECK_INT(bad, 0);
	CHECK(cases > 150);
	CHECK(sides[0] > 30);
	CHECK(sides[1] > 30);
	wf_taxonomy_free(t);
}

/* Medium random flow problems, too big for brute force, against the
 * textbook solver (mcf_ref.h): with demand above supply (units sent from
 * the offers) and below it (from the needs), with ties and without, in
 * parts and in one pass. */
static void test_mcf_vs_reference(void)
{
	int bad = 0, regime[2] = { 0, 0 };

	for (int c = 0; c < 60; c++) {
		size_t nd = 5 + (size_t)irand(30), ns = 3 + (size_t)irand(20), ne = 0;
		int more_demand = c % 2;
		long long qty[40], cap[30], val[40 * 6], x[40 * 6], qsum = 0, csum = 0;
		size_t ed[40 * 6], es[40 * 6];

		for (size_t i = 0; i < nd; i++)
			qsum += qty[i] = 1 + irand(more_demand ? 9 : 3);
		for (size_t j = 0; j < ns; j++)
			csum += cap[j] = irand(more_demand ? 4 : 12);
		for (size_t i = 0; i < nd; i++) {
			size_t deg = (size_t)irand(6);
			for (size_t e = 0; e < deg; e++) {
				size_t j = (size_t)irand((long long)ns);
				int dup = 0;
				for (size_t k = 0; k < ne; k++)
					dup |= ed[k] == i && es[k] == j;
				if (dup)
					continue;
				ed[ne] = i;
				es[ne] = j;
				val[ne] = c % 4 < 2 ? 1 + irand(3) : irand(1000000);
				ne++;
			}
		}
		regime[csum < qsum]++;
		for (int cov = 0; cov < 2; cov++) {
			long long ref_units, ref = mcf_ref(nd, qty, ns, cap, ne, ed, es, val, cov, &ref_units);
			for (int dec = 0; dec < 2; dec++) {
				long long units = 0, used_d[40] = { 0 }, used_s[30] = { 0 };
				long long got = wf_mcf_bipartite2(nd, qty, ns, cap, ne, ed, es, val, cov, dec, x,
								  NULL, NULL, NULL), sum = 0;
				for (size_t k = 0; k < ne; k++) {
					bad += x[k] < 0;
					used_d[ed[k]] += x[k];
					used_s[es[k]] += x[k];
					units += x[k];
					sum += x[k] * val[k];
				}
				for (size_t i = 0; i < nd; i++)
					bad += used_d[i] > qty[i];
				for (size_t j = 0; j < ns; j++)
					bad += used_s[j] > cap[j];
				bad += got != sum;
				bad += got != ref;
				if (cov)
					bad += units != ref_units;
			}
		}
	}
	CHECK_INT(bad, 0);
	CHECK(regime[0] > 10);
	CHECK(regime[1] > 10);
}

/* A medium instance through the matcher: needs and offers in a few
 * towns far apart (several parts), every pair scored by the public
 * scorer. The matcher (parts, pairs that cannot matter left out) must
 * reach the objective of one undecomposed solve over every eligible
 * pair, for both objectives. */
struct medium {
	size_t nd, ns, ne;
	long long *qty, *cap, *val, *x;
	size_t *ed, *es;
};

static long long matcher_objective(wf_matcher *m, size_t nd, long long *units)
{
	long long val = 0;

	*units = 0;
	for (size_t i = 0; i < nd; i++) {
		const wf_match *r;
		long long unmet;
		int why;
		size_t n = wf_matcher_result(m, i, &r, &unmet, &why);
		for (size_t k = 0; k < n; k++) {
			*units += r[k].assigned;
			val += r[k].assigned * llround(r[k].score * 1e6);
		}
	}
	return val;
}

static void medium_case(int objective, size_t nd, size_t ns, int towns, double spread,
			long long qmax, long long cmax, int *bad, size_t *parts_seen, size_t *pruned_seen)
{
	static const double town[4][2] = { { 45.07, 7.68 }, { 44.49, 11.34 }, { 40.85, 14.27 }, { 45.46, 9.19 } };
	wf_taxonomy *t = wf_taxonomy_builtin();
	wf_match_opts o;
	struct medium mc = { 0 };
	wf_demand *dd = malloc(nd * sizeof *dd);
	double *la = malloc(ns * sizeof *la), *lo = malloc(ns * sizeof *lo);
	wf_matcher *m;
	long long units, got, full_val, full_units = 0;
	size_t parts, pruned, parts0;

	wf_match_opts_default(&o);
	o.objective = objective;
	m = wf_matcher_new(t, &o);
	mc.qty = malloc(nd * sizeof *mc.qty);
	mc.cap = malloc(ns * sizeof *mc.cap);
	mc.ed = malloc(nd * ns * sizeof *mc.ed);
	mc.es = malloc(nd * ns * sizeof *mc.es);
	mc.val = malloc(nd * ns * sizeof *mc.val);
	mc.x = malloc(nd * ns * sizeof *mc.x);
	for (size_t j = 0; j < ns; j++) {
		int w = (int)irand(towns);
		wf_supply s = { "s", town[w][0] + (urand() - 0.5) * spread, town[w][1] + (urand() - 0.5) * spread,
			((uint64_t)1 << irand(4)) | ((uint64_t)1 << irand(4)), 1 + irand(cmax),
			(int)irand(2), dec(irand(3000), 2), 0 };
		la[j] = s.lat;
		lo[j] = s.lon;
		mc.cap[j] = s.capacity;
		wf_matcher_add_supply(m, &s);
	}
	wf_matcher_build(m);
	for (size_t i = 0; i < nd; i++) {
		int w = (int)irand(towns);
		wf_demand d = { "d", town[w][0] + (urand() - 0.5) * spread, town[w][1] + (urand() - 0.5) * spread,
			(int)irand(4), 1 + irand(qmax), (int)irand(2), dec(irand(600000), 2), 0 };
		dd[i] = d;
		mc.qty[i] = d.qty;
		wf_matcher_add_demand(m, &d);
	}
	for (size_t i = 0; i < nd; i++)
		for (size_t j = 0; j < ns; j++) {
			wf_match r;
			int why;
			if (wf_matcher_score(m, &dd[i], j, wf_geo_km(dd[i].lat, dd[i].lon, la[j], lo[j]), &r, &why)) {
				mc.ed[mc.ne] = i;
				mc.es[mc.ne] = j;
				mc.val[mc.ne] = llround(r.score * 1e6);
				mc.ne++;
			}
		}
	CHECK_INT(wf_matcher_assign(m), 0);
	got = matcher_objective(m, nd, &units);
	wf_matcher_parts(m, &pruned, &parts, NULL, NULL);
	*parts_seen += parts;
	*pruned_seen += pruned;
	full_val = wf_mcf_bipartite2(nd, mc.qty, ns, mc.cap, mc.ne, mc.ed, mc.es, mc.val,
				     objective == WF_OBJ_COVERAGE, 0, mc.x, NULL, NULL, &parts0);
	for (size_t k = 0; k < mc.ne; k++)
		full_units += mc.x[k];
	*bad += got != full_val;
	*bad += objective == WF_OBJ_COVERAGE && units != full_units;
	*bad += parts0 != (mc.ne > 0);
	wf_matcher_free(m);
	free(dd);
	free(la);
	free(lo);
	free(mc.qty);
	free(mc.cap);
	free(mc.ed);
	free(mc.es);
	free(mc.val);
	free(mc.x);
	wf_taxonomy_free(t);
}

static void test_assign_parts_medium(void)
{
	int bad = 0;
	size_t parts = 0, pruned = 0;

	/* Towns far apart: one part or more per town; contention for capacity. */
	for (int c = 0; c < 4; c++)
		medium_case(c % 2 ? WF_OBJ_COVERAGE : WF_OBJ_SCORE, 300, 150, 4, 0.6, 8, 10, &bad, &parts, &pruned);
	CHECK_INT(bad, 0);
	CHECK(parts >= 4 * 4);
	/* Few needs against plenty of capacity in one place: most pairs
	 * cannot matter and are left out, the optimum stays. */
	parts = pruned = 0;
	for (int c = 0; c < 4; c++)
		medium_case(c % 2 ? WF_OBJ_COVERAGE : WF_OBJ_SCORE, 12, 400, 1, 0.1, 3, 6, &bad, &parts, &pruned);
	CHECK_INT(bad, 0);
	CHECK(pruned > 1000);
}

/* The same random flow problems solved in parts and in one pass give
 * the same flow, pair by pair. */
static void test_mcf_parts_identical(void)
{
	int bad = 0, multi = 0;

	for (int c = 0; c < 40; c++) {
		size_t nd = 50 + (size_t)irand(150), ns = 20 + (size_t)irand(80), ne = 0, groups = 1 + (size_t)irand(6);
		long long *qty = malloc(nd * sizeof *qty), *cap = malloc(ns * sizeof *cap);
		size_t *ed = malloc(nd * 8 * sizeof *ed), *es = malloc(nd * 8 * sizeof *es);
		long long *val = malloc(nd * 8 * sizeof *val), *x1 = malloc(nd * 8 * sizeof *x1), *x0 = malloc(nd * 8 * sizeof *x0);
		size_t parts = 0, parts0 = 0;

		for (size_t i = 0; i < nd; i++)
			qty[i] = 1 + irand(6);
		for (size_t j = 0; j < ns; j++)
			cap[j] = irand(8);
		for (size_t i = 0; i < nd; i++) {
			size_t g = i % groups, deg = (size_t)irand(8);
			for (size_t e = 0; e < deg; e++) {
				size_t j = (size_t)irand((long long)(ns / groups)) * groups + g;
				if (j >= ns)
					continue;
				ed[ne] = i;
				es[ne] = j;
				val[ne] = c % 2 ? 1 + irand(4) : 1 + irand(1000000);
				ne++;
			}
		}
		for (int cov = 0; cov < 2; cov++) {
			long long a = wf_mcf_bipartite2(nd, qty, ns, cap, ne, ed, es, val, cov, 1, x1, NULL, NULL, &parts);
			long long b = wf_mcf_bipartite2(nd, qty, ns, cap, ne, ed, es, val, cov, 0, x0, NULL, NULL, &parts0);
			bad += a != b;
			bad += ne && memcmp(x1, x0, ne * sizeof *x1) != 0;
			multi += parts > 1;
		}
		free(qty);
		free(cap);
		free(ed);
		free(es);
		free(val);
		free(x1);
		free(x0);
	}
	CHECK_INT(bad, 0);
	CHECK(multi > 20);
}

/* Past the working-memory budget the solve fails cleanly, saying how far. */
static void test_assign_budget(void)
{
	wf_taxonomy *t = wf_taxonomy_builtin();
	wf_match_opts o;
	wf_matcher *m;
	uint64_t cc = (uint64_t)1 << cat(t, "CHILDCARE");

	wf_match_opts_default(&o);
	m = wf_matcher_new(t, &o);
	for (int j = 0; j < 50; j++) {
		wf_supply s = { "s", 44.58 + j * 0.001, 8.19, cc, 2, 0, dec(0, 0), 0 };
		wf_matcher_add_supply(m, &s);
	}
	wf_matcher_build(m);
	for (int i = 0; i < 200; i++) {
		wf_demand d = { "d", 44.58, 8.19 + i * 0.001, cat(t, "CHILDCARE"), 1, 0, dec(0, 0), 0 };
		wf_matcher_add_demand(m, &d);
	}
	wf_matcher_set_max_memory(m, 40000);
	CHECK_INT(wf_matcher_assign(m), -1);
	CHECK(strstr(wf_matcher_error(m), "eligible pairs by need ") != NULL);
	wf_matcher_set_max_memory(m, 0);
	CHECK_INT(wf_matcher_assign(m), 0);
	long long units;
	CHECK(matcher_objective(m, 200, &units) > 0);
	CHECK_INT(units, 100);
	wf_matcher_free(m);
	wf_taxonomy_free(t);
}

WF_TEST_MAIN(test_scoring, test_top_vs_scan, test_mcf_vs_bruteforce, test_objectives,
	     test_assign, test_assign_random, test_mcf_vs_reference, test_assign_parts_medium,
	     test_mcf_parts_identical, test_assign_budget)
