/*
 * fuzz_assign.h - what the assignment harnesses (fuzz_assign.c and
 * fuzz_assign_ref.c) share: the input read byte by byte, and a matcher
 * problem made from it. Each harness solves the problem its own way and
 * compares. Only for those two files (static functions, no library).
 */
#ifndef FUZZ_ASSIGN_H
#define FUZZ_ASSIGN_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "wf_geo.h"
#include "wf_match.h"

#define FZ_MAXD 16
#define FZ_MAXS 24

struct in {
	const uint8_t *p;
	size_t n;
};

/* The next byte, 0 once the input is spent. */
static unsigned take(struct in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

/* How offers and needs spread: coordinates 45 + byte / lat_div and
 * 8 + byte / lon_div, capacity byte % cap_mod, quantity 1 + byte % qty_mod. */
struct fz_shape {
	double lat_div, lon_div;
	unsigned cap_mod, qty_mod;
};

/* A matcher holding ns offers then nd needs, and every pair it would
 * score (ed, es: need and offer; val: its score in millionths, the
 * integer the assignment maximises), for a reference solve. */
struct fz_problem {
	wf_taxonomy *t;
	wf_matcher *m;
	size_t nd, ns, ne;
	wf_demand dd[FZ_MAXD];
	long long qty[FZ_MAXD], cap[FZ_MAXS], val[FZ_MAXD * FZ_MAXS];
	size_t ed[FZ_MAXD * FZ_MAXS], es[FZ_MAXD * FZ_MAXS];
};

/* nd <= FZ_MAXD, ns <= FZ_MAXS. Free with fz_problem_free(). */
static void fz_problem_make(struct fz_problem *p, struct in *in, size_t nd, size_t ns,
			    const wf_match_opts *o, const struct fz_shape *sh)
{
	double la[FZ_MAXS], lo[FZ_MAXS];

	p->t = wf_taxonomy_builtin();
	p->m = wf_matcher_new(p->t, o);
	p->nd = nd;
	p->ns = ns;
	p->ne = 0;
	for (size_t j = 0; j < ns; j++) {
		wf_supply s = { "s", 45 + take(in) / sh->lat_div, 8 + take(in) / sh->lon_div,
			((uint64_t)1 << (take(in) % 3)), take(in) % sh->cap_mod, 0, { 0, 0, 0 }, 0 };
		la[j] = s.lat;
		lo[j] = s.lon;
		p->cap[j] = s.capacity;
		wf_matcher_add_supply(p->m, &s);
	}
	wf_matcher_build(p->m);
	for (size_t i = 0; i < nd; i++) {
		wf_demand d = { "d", 45 + take(in) / sh->lat_div, 8 + take(in) / sh->lon_div,
			(int)(take(in) % 3), 1 + take(in) % sh->qty_mod, 0, { 0, 0, 0 }, 0 };
		p->dd[i] = d;
		p->qty[i] = d.qty;
		wf_matcher_add_demand(p->m, &d);
	}
	for (size_t i = 0; i < nd; i++)
		for (size_t j = 0; j < ns; j++) {
			wf_match r;
			int why;
			if (wf_matcher_score(p->m, &p->dd[i], j,
					     wf_geo_km(p->dd[i].lat, p->dd[i].lon, la[j], lo[j]), &r, &why)) {
				p->ed[p->ne] = i;
				p->es[p->ne] = j;
				p->val[p->ne] = llround(r.score * 1e6);
				p->ne++;
			}
		}
}

static void fz_problem_free(struct fz_problem *p)
{
	wf_matcher_free(p->m);
	wf_taxonomy_free(p->t);
}

/* The assignment p's matcher made (wf_matcher_assign() done), checked
 * as both harnesses check it: each need's pairs in offer order, served
 * plus unmet its quantity, no offer past its capacity. Returns the
 * objective in the units of val, and the units placed in *units. */
static long long fz_assigned(const struct fz_problem *p, long long *units)
{
	long long got = 0;

	*units = 0;
	for (size_t i = 0; i < p->nd; i++) {
		const wf_match *r;
		long long unmet, served = 0;
		int why;
		size_t n = wf_matcher_result(p->m, i, &r, &unmet, &why);

		for (size_t k = 0; k < n; k++) {
			got += r[k].assigned * llround(r[k].score * 1e6);
			served += r[k].assigned;
			if (k && r[k].supply <= r[k - 1].supply)
				abort();
		}
		if (served + unmet != p->qty[i])
			abort();
		*units += served;
	}
	for (size_t j = 0; j < p->ns; j++)
		if (wf_matcher_used(p->m, j) > p->cap[j])
			abort();
	return got;
}

/* A flow x over the pairs (ed[k], es[k]) of a flow case, checked as
 * both harnesses check it: no negative flow, no need served past its
 * quantity, no offer past its capacity. */
static void fz_flow_check(size_t nd, const long long *qty, size_t ns, const long long *cap,
			  size_t ne, const size_t *ed, const size_t *es, const long long *x)
{
	long long *ud = calloc(nd + ns, sizeof *ud), *us = ud + nd;

	if (!ud)
		abort();
	for (size_t k = 0; k < ne; k++) {
		if (x[k] < 0)
			abort();
		ud[ed[k]] += x[k];
		us[es[k]] += x[k];
	}
	for (size_t i = 0; i < nd; i++)
		if (ud[i] > qty[i])
			abort();
	for (size_t j = 0; j < ns; j++)
		if (us[j] > cap[j])
			abort();
	free(ud);
}

/* The harness's entry: the first byte picks a matcher or a flow case. */
static int fz_one_input(const uint8_t *data, size_t size, void (*matcher_case)(struct in *),
			void (*flow_case)(struct in *))
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

#endif
