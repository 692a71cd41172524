/*
 * mcf_ref.h - a textbook reference for the assignment's tests (unit and
 * fuzz): the best flow by Bellman-Ford successive shortest paths on the
 * whole residual graph, nothing skipped, no potentials, no parts, no
 * side chosen. Small problems only (quadratic per unit).
 *
 * Same problem as wf_mcf_bipartite: nd needs of qty[i] units, ns offers
 * of cap[j], ne pairs (ed[k], es[k]) of value val[k] >= 0; maximise the
 * value, or (coverage) the units and then the value. Returns the value,
 * units in *units.
 */
#ifndef MCF_REF_H
#define MCF_REF_H

#include <limits.h>
#include <stdlib.h>

static long long mcf_ref(size_t nd, const long long *qty, size_t ns, const long long *cap,
			 size_t ne, const size_t *ed, const size_t *es, const long long *val,
			 int coverage, long long *units)
{
	/* Nodes: S 0, needs 1..nd, offers nd+1..nd+ns, T nd+ns+1. Arcs in
	 * pairs (a, a^1): forward and residual. */
	size_t nn = nd + ns + 2, na = 2 * (nd + ns + ne), n = 0, T = nd + ns + 1;
	size_t *from = malloc(na * sizeof *from), *to = malloc(na * sizeof *to);
	long long *capa = malloc(na * sizeof *capa), *cost = malloc(na * sizeof *cost);
	long long *dist = malloc(nn * sizeof *dist), big = 0, value = 0, maxv = 0;
	size_t *via = malloc(nn * sizeof *via);

	for (size_t k = 0; k < ne; k++)
		if (val[k] > maxv)
			maxv = val[k];
	if (coverage) {
		for (size_t i = 0; i < nd; i++)
			big += qty[i];
		big = big * maxv + 1;
	}
#define ARC(A, B, C, W) do { from[n] = (A); to[n] = (B); capa[n] = (C); cost[n] = (W); n++; \
	from[n] = (B); to[n] = (A); capa[n] = 0; cost[n] = -(W); n++; } while (0)
	for (size_t i = 0; i < nd; i++)
		ARC(0, 1 + i, qty[i], 0);
	for (size_t j = 0; j < ns; j++)
		ARC(1 + nd + j, T, cap[j], 0);
	for (size_t k = 0; k < ne; k++)
		ARC(1 + ed[k], 1 + nd + es[k], qty[ed[k]], -(val[k] + big));
#undef ARC
	*units = 0;
	for (;;) {
		int changed = 1;

		for (size_t v = 0; v < nn; v++)
			dist[v] = LLONG_MAX;
		dist[0] = 0;
		for (size_t round = 0; round < nn && changed; round++) {
			changed = 0;
			for (size_t a = 0; a < n; a++)
				if (capa[a] > 0 && dist[from[a]] != LLONG_MAX && dist[from[a]] + cost[a] < dist[to[a]]) {
					dist[to[a]] = dist[from[a]] + cost[a];
					via[to[a]] = a;
					changed = 1;
				}
		}
		if (dist[T] == LLONG_MAX || dist[T] >= 0)
			break;
		long long b = LLONG_MAX;
		for (size_t v = T; v != 0; v = from[via[v]])
			if (capa[via[v]] < b)
				b = capa[via[v]];
		for (size_t v = T; v != 0; v = from[via[v]]) {
			capa[via[v]] -= b;
			capa[via[v] ^ 1] += b;
		}
	}
	/* The flow on a pair is its residual arc's capacity. */
	for (size_t k = 0; k < ne; k++) {
		long long x = capa[2 * (nd + ns + k) + 1];
		value += x * val[k];
		*units += x;
	}
	free(from);
	free(to);
	free(capa);
	free(cost);
	free(dist);
	free(via);
	return value;
}

#endif
