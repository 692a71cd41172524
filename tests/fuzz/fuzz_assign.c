/* libFuzzer: the assignment's fast paths. From the input, a small
 * flow problem solved in independent parts and in one pass (the flows
 * must be the same pair by pair, within capacity and demand), and a
 * matcher of needs and offers around one town whose solve (parts,
 * pairs that cannot matter left out) must reach the objective of one
 * undecomposed solve over every eligible pair. Aborts on a mismatch. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_geo.h"
#include "wf_match.h"

#define MAXN 24
#define MAXE (MAXN * MAXN)

struct in {
	const uint8_t *p;
	size_t n;
};

static unsigned take(struct in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

static void flow_case(struct in *in)
{
	size_t nd = 1 + take(in) % MAXN, ns = 1 + take(in) % MAXN, ne = 0;
	long long qty[MAXN], cap[MAXN], val[MAXE], x0[MAXE], x1[MAXE], ud[MAXN] = { 0 }, us[MAXN] = { 0 };
	size_t ed[MAXE], es[MAXE];
	int cov = take(in) & 1;

	for (size_t i = 0; i < nd; i++)
		qty[i] = 1 + take(in) % 6;
	for (size_t j = 0; j < ns; j++)
		cap[j] = take(in) % 7;
	while (in->n >= 3 && ne < MAXE) {
		ed[ne] = take(in) % nd;
		es[ne] = take(in) % ns;
		val[ne] = 1 + take(in) % 5 * 250000;
		/* one pair per need and offer, as the matcher makes them */
		int dup = 0;
		for (size_t k = 0; k < ne; k++)
			dup |= ed[k] == ed[ne] && es[k] == es[ne];
		if (!dup)
			ne++;
	}
	long long a = wf_mcf_bipartite2(nd, qty, ns, cap, ne, ed, es, val, cov, 1, x1, NULL, NULL, NULL);
	long long b = wf_mcf_bipartite2(nd, qty, ns, cap, ne, ed, es, val, cov, 0, x0, NULL, NULL, NULL);
	if (a != b || (ne && memcmp(x0, x1, ne * sizeof *x0) != 0))
		abort();
	for (size_t k = 0; k < ne; k++) {
		if (x1[k] < 0)
			abort();
		ud[ed[k]] += x1[k];
		us[es[k]] += x1[k];
	}
	for (size_t i = 0; i < nd; i++)
		if (ud[i] > qty[i])
			abort();
	for (size_t j = 0; j < ns; j++)
		if (us[j] > cap[j])
			abort();
}

static void matcher_case(struct in *in)
{
	wf_taxonomy *t = wf_taxonomy_builtin();
	wf_match_opts o;
	wf_matcher *m;
	size_t nd = 1 + take(in) % 8, ns = 1 + take(in) % MAXN, ne = 0;
	wf_demand dd[8];
	double la[MAXN], lo[MAXN];
	long long qty[8], cap[MAXN], val[8 * MAXN], x[8 * MAXN];
	size_t ed[8 * MAXN], es[8 * MAXN];
	long long got = 0, units = 0, full_units = 0, full;

	wf_match_opts_default(&o);
	o.objective = take(in) & 1 ? WF_OBJ_COVERAGE : WF_OBJ_SCORE;
	m = wf_matcher_new(t, &o);
	for (size_t j = 0; j < ns; j++) {
		wf_supply s = { "s", 45 + take(in) / 2550.0, 8 + take(in) / 2550.0,
			((uint64_t)1 << (take(in) % 3)), take(in) % 5, 0, { 0 }, 0 };
		la[j] = s.lat;
		lo[j] = s.lon;
		cap[j] = s.capacity;
		wf_matcher_add_supply(m, &s);
	}
	wf_matcher_build(m);
	for (size_t i = 0; i < nd; i++) {
		wf_demand d = { "d", 45 + take(in) / 2550.0, 8 + take(in) / 2550.0, (int)(take(in) % 3),
			1 + take(in) % 4, 0, { 0 }, 0 };
		dd[i] = d;
		qty[i] = d.qty;
		wf_matcher_add_demand(m, &d);
	}
	for (size_t i = 0; i < nd; i++)
		for (size_t j = 0; j < ns; j++) {
			wf_match r;
			int why;
			if (wf_matcher_score(m, &dd[i], j, wf_geo_km(dd[i].lat, dd[i].lon, la[j], lo[j]), &r, &why)) {
				ed[ne] = i;
				es[ne] = j;
				val[ne] = llround(r.score * 1e6);
				ne++;
			}
		}
	if (wf_matcher_assign(m) != 0)
		abort();
	for (size_t i = 0; i < nd; i++) {
		const wf_match *r;
		long long unmet;
		int why;
		size_t n = wf_matcher_result(m, i, &r, &unmet, &why);
		for (size_t k = 0; k < n; k++) {
			got += r[k].assigned * llround(r[k].score * 1e6);
			units += r[k].assigned;
		}
	}
	full = wf_mcf_bipartite2(nd, qty, ns, cap, ne, ed, es, val, o.objective == WF_OBJ_COVERAGE, 0, x,
				 NULL, NULL, NULL);
	for (size_t k = 0; k < ne; k++)
		full_units += x[k];
	if (got != full || (o.objective == WF_OBJ_COVERAGE && units != full_units))
		abort();
	wf_matcher_free(m);
	wf_taxonomy_free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = { data, size };

	if (size < 1)
		return 0;
	if (take(&in) & 1)
		matcher_case(&in);
	else
		flow_case(&in);
	return 0;
}
