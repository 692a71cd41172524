/* libFuzzer: the assignment's fast paths. From the input, a small
 * flow problem solved in independent parts and in one pass (the flows
 * must be the same pair by pair, within capacity and demand), and a
 * matcher of needs and offers around one town whose solve (parts,
 * pairs that cannot matter left out) must reach the objective of one
 * undecomposed solve over every eligible pair. Aborts on a mismatch. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_assign.h"

#define MAXN 24
#define MAXE (MAXN * MAXN)

static void flow_case(struct in *in)
{
	size_t nd = 1 + take(in) % MAXN, ns = 1 + take(in) % MAXN, ne = 0;
	long long qty[MAXN], cap[MAXN], val[MAXE], x0[MAXE], x1[MAXE];
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
	fz_flow_check(nd, qty, ns, cap, ne, ed, es, x1);
}

static void matcher_case(struct in *in)
{
	/* needs and offers around one town */
	static const struct fz_shape shape = { 2550.0, 2550.0, 5, 4 };
	struct fz_problem p;
	wf_match_opts o;
	size_t nd = 1 + take(in) % 8, ns = 1 + take(in) % MAXN;
	long long x[FZ_MAXD * FZ_MAXS];
	long long got, units, full_units = 0, full;

	wf_match_opts_default(&o);
	o.objective = take(in) & 1 ? WF_OBJ_COVERAGE : WF_OBJ_SCORE;
	fz_problem_make(&p, in, nd, ns, &o, &shape);
	if (wf_matcher_assign(p.m) != 0)
		abort();
	got = fz_assigned(&p, &units);
	full = wf_mcf_bipartite2(nd, p.qty, ns, p.cap, p.ne, p.ed, p.es, p.val,
				 o.objective == WF_OBJ_COVERAGE, 0, x, NULL, NULL, NULL);
	for (size_t k = 0; k < p.ne; k++)
		full_units += x[k];
	if (got != full || (o.objective == WF_OBJ_COVERAGE && units != full_units))
		abort();
	fz_problem_free(&p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fz_one_input(data, size, matcher_case, flow_case);
}
