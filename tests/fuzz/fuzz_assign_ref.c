/* libFuzzer: the assignment's fast paths against the textbook solver
 * (tests/unit/mcf_ref.h: Bellman-Ford on the whole residual graph).
 * From the input, a small flow problem with demand above or below
 * supply (so units flow from either side), solved in parts and in one
 * pass; and a matcher of needs and offers scattered over a region (so
 * the order by place differs from input order), whose assignment must
 * reach the reference's objective over the eligible pairs. Aborts on a
 * mismatch or an infeasible flow. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_geo.h"
#include "wf_match.h"
#include "../unit/mcf_ref.h"

#define MAXD 16
#define MAXS 12
#define MAXE (MAXD * MAXS)

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

static void check(size_t nd, const long long *qty, size_t ns, const long long *cap, size_t ne,
		  const size_t *ed, const size_t *es, const long long *val, const long long *x)
{
	long long ud[MAXD] = { 0 }, us[MAXS] = { 0 };

	for (size_t k = 0; k < ne; k++) {
		if (x[k] < 0)
			abort();
		ud[ed[k]] += x[k];
		us[es[k]] += x[k];
	}
	(void)val;
	for (size_t i = 0; i < nd; i++)
		if (ud[i] > qty[i])
			abort();
	for (size_t j = 0; j < ns; j++)
		if (us[j] > cap[j])
			abort();
}

static void flow_case(struct in *in)
{
	size_t nd = 1 + take(in) % MAXD, ns = 1 + take(in) % MAXS, ne = 0;
	unsigned shape = take(in);
	long long qty[MAXD], cap[MAXS], val[MAXE], x[MAXE];
	size_t ed[MAXE], es[MAXE];
	int cov = shape & 1;

	/* Bit 1 decides which side has more units. */
	for (size_t i = 0; i < nd; i++)
		qty[i] = 1 + take(in) % (shape & 2 ? 9 : 3);
	for (size_t j = 0; j < ns; j++)
		cap[j] = take(in) % (shape & 2 ? 4 : 12);
	while (in->n >= 3 && ne < MAXE) {
		size_t i = take(in) % nd, j = take(in) % ns;
		int dup = 0;

		for (size_t k = 0; k < ne; k++)
			dup |= ed[k] == i && es[k] == j;
		ed[ne] = i;
		es[ne] = j;
		/* Bit 2: few values (ties everywhere) or many. */
		val[ne] = shape & 4 ? take(in) % 4 : (long long)take(in) * 3907;
		if (!dup)
			ne++;
	}
	long long ref_units, ref = mcf_ref(nd, qty, ns, cap, ne, ed, es, val, cov, &ref_units);
	for (int dec = 0; dec < 2; dec++) {
		long long got = wf_mcf_bipartite2(nd, qty, ns, cap, ne, ed, es, val, cov, dec, x, NULL, NULL, NULL);
		long long units = 0;

		check(nd, qty, ns, cap, ne, ed, es, val, x);
		for (size_t k = 0; k < ne; k++)
			units += x[k];
		if (got != ref || (cov && units != ref_units))
			abort();
	}
}

static void matcher_case(struct in *in)
{
	wf_taxonomy *t = wf_taxonomy_builtin();
	wf_match_opts o;
	wf_matcher *m;
	size_t nd = 1 + take(in) % MAXD, ns = 1 + take(in) % MAXS, ne = 0;
	unsigned shape = take(in);
	wf_demand dd[MAXD];
	double la[MAXS], lo[MAXS];
	long long qty[MAXD], cap[MAXS], val[MAXE], units = 0, got = 0, ref, ref_units;
	size_t ed[MAXE], es[MAXE];

	wf_match_opts_default(&o);
	o.objective = shape & 1 ? WF_OBJ_COVERAGE : WF_OBJ_SCORE;
	m = wf_matcher_new(t, &o);
	/* About 60 km across: some pairs in range, some parts apart. */
	for (size_t j = 0; j < ns; j++) {
		wf_supply s = { "s", 45 + take(in) / 450.0, 8 + take(in) / 320.0,
			((uint64_t)1 << (take(in) % 3)), take(in) % (shape & 2 ? 4 : 12), 0, { 0, 0 }, 0 };
		la[j] = s.lat;
		lo[j] = s.lon;
		cap[j] = s.capacity;
		wf_matcher_add_supply(m, &s);
	}
	wf_matcher_build(m);
	for (size_t i = 0; i < nd; i++) {
		wf_demand d = { "d", 45 + take(in) / 450.0, 8 + take(in) / 320.0, (int)(take(in) % 3),
			1 + take(in) % (shape & 2 ? 9 : 3), 0, { 0, 0 }, 0 };
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
		long long unmet, served = 0;
		int why;
		size_t n = wf_matcher_result(m, i, &r, &unmet, &why);

		for (size_t k = 0; k < n; k++) {
			got += r[k].assigned * llround(r[k].score * 1e6);
			served += r[k].assigned;
			/* each need's pairs in supply order */
			if (k && r[k].supply <= r[k - 1].supply)
				abort();
		}
		if (served + unmet != qty[i])
			abort();
		units += served;
	}
	for (size_t j = 0; j < ns; j++)
		if (wf_matcher_used(m, j) > cap[j])
			abort();
	ref = mcf_ref(nd, qty, ns, cap, ne, ed, es, val, o.objective == WF_OBJ_COVERAGE, &ref_units);
	if (got != ref || (o.objective == WF_OBJ_COVERAGE && units != ref_units))
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
