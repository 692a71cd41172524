/* libFuzzer: the assignment's fast paths against the textbook solver
 * (tests/unit/mcf_ref.h: Bellman-Ford on the whole residual graph).
 * From the input, a small flow problem with demand above or below
 * supply (so units flow from either side), solved in parts and in one
 * pass; and a matcher of needs and offers scattered over a region (so
 * the order by place differs from input order), whose assignment must
 * reach the reference's objective over the eligible pairs. Aborts on a
 * mismatch or an infeasible flow. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_assign.h"
#include "../unit/mcf_ref.h"

#define MAXD 16
#define MAXS 12
#define MAXE (MAXD * MAXS)

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

		fz_flow_check(nd, qty, ns, cap, ne, ed, es, x);
		for (size_t k = 0; k < ne; k++)
			units += x[k];
		if (got != ref || (cov && units != ref_units))
			abort();
	}
}

static void matcher_case(struct in *in)
{
	struct fz_problem p;
	wf_match_opts o;
	size_t nd = 1 + take(in) % MAXD, ns = 1 + take(in) % MAXS;
	unsigned shape = take(in);
	/* About 60 km across: some pairs in range, some parts apart; bit 1
	 * decides which side has more units. */
	const struct fz_shape sh = { 450.0, 320.0, shape & 2 ? 4 : 12, shape & 2 ? 9 : 3 };
	long long units, got, ref, ref_units;

	wf_match_opts_default(&o);
	o.objective = shape & 1 ? WF_OBJ_COVERAGE : WF_OBJ_SCORE;
	fz_problem_make(&p, in, nd, ns, &o, &sh);
	if (wf_matcher_assign(p.m) != 0)
		abort();
	got = fz_assigned(&p, &units);
	ref = mcf_ref(nd, p.qty, ns, p.cap, p.ne, p.ed, p.es, p.val, o.objective == WF_OBJ_COVERAGE,
		      &ref_units);
	if (got != ref || (o.objective == WF_OBJ_COVERAGE && units != ref_units))
		abort();
	fz_problem_free(&p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fz_one_input(data, size, matcher_case, flow_case);
}
