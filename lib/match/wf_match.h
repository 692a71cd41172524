/*
 * wf_match.h - score welfare demand against local supply, list the best
 * offers per need, or assign all demand to supply exactly.
 *
 * Score of an offer j for a need i, every component in [0,1]:
 *   fit       1 for the same category, the taxonomy's related weight
 *             for a related one (best over the offer's categories);
 *   proximity exp(-km / scale_km), km the great-circle distance;
 *   capacity  min(1, capacity_j / quantity_i): how much of the need
 *             the offer could cover on its own;
 *   price     1 - unit_price / (budget_i / quantity_i) when both are
 *             known, else 0.5 (neither favoured nor penalised);
 *   score     (w_fit*fit + w_dist*proximity + w_cap*capacity +
 *             w_price*price) / (w_fit + w_dist + w_cap + w_price).
 * Defaults: w_fit 0.4, w_dist 0.3, w_cap 0.15, w_price 0.15,
 * scale_km 10, max_km 30.
 *
 * An offer is eligible for a need when fit > 0, km <= the need's
 * max_km (else opts.max_km) and km <= the offer's radius_km (when
 * given), unit_price * quantity <= budget exactly (when both given),
 * and capacity > 0. A need with no eligible offer gets a reason:
 * WF_UNMET_NO_OFFER (no offer of a fitting category anywhere),
 * WF_UNMET_RANGE, WF_UNMET_BUDGET, WF_UNMET_CAPACITY.
 *
 * Top K: the K eligible offers of highest score, ties broken by
 * smaller distance, then by supply input order.
 *
 * Assignment: integer units x_ij on eligible pairs with
 * sum_j x_ij <= quantity_i and sum_i x_ij <= capacity_j, maximising
 * sum x_ij * S_ij where S_ij = round(score_ij * 1e6) (objective
 * WF_OBJ_SCORE), or first the units served sum x_ij and then that sum
 * (WF_OBJ_COVERAGE). Solved exactly as a min-cost flow: the side with
 * fewer units in all (the offers when demand exceeds supply, else the
 * needs) sends its units, each node of it also having an "unserved"
 * arc to the sink (cost 0, or for coverage a penalty above any total
 * score), by successive shortest paths (Dijkstra on reduced costs with
 * potentials, integer costs), re-routing earlier units when that
 * gains. Needs and offers are numbered by place (a Z-order of their
 * coordinates, then input order; wf_mcf_bipartite: input order) and
 * sources taken in that order; arcs are visited best bound first and
 * heap ties broken by node number, so the same input always gives the
 * same assignment. Needs may be split across offers. Units left over
 * get the reason WF_UNMET_CAPACITY when the need had eligible offers.
 * Coverage needs total demand below about 4e6 units so the penalty
 * fits 64 bits.
 *
 * The assignment is solved in independent parts: needs and offers
 * joined by eligible pairs. A search never leaves its part, so parts
 * solved one after the other give exactly the flow of one solve over
 * every source in order (wf_mcf_bipartite2 does both, for tests).
 * Pairs that cannot matter are never stored: a need keeps its best
 * offers (by value, then supply order) up to a capacity equal to the
 * total demand of all needs; a unit sent further down its list could
 * always move up to one of them without loss, so the optimum is the
 * same (this bounds a few needs against a very large supply).
 *
 * Memory: the supply, the grid index over it, and for --top one buffer
 * of candidates; demand is streamed. Assignment holds the demand and
 * 8 bytes per eligible pair kept while finding them, 32 while solving
 * (the solve's own copy in its order, flows, search bounds), about 230
 * per need and 130 per offer: wf_matcher_set_max_memory bounds that
 * working memory, and wf_matcher_assign fails cleanly past it.
 *
 * Ownership: wf_matcher_new borrows the taxonomy (it must outlive the
 * matcher) and copies the options; ids passed in wf_demand/wf_supply
 * are copied. Results are borrowed until the next call.
 */
#ifndef WF_MATCH_H
#define WF_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "wf_dec.h"
#include "wf_taxonomy.h"

enum wf_objective { WF_OBJ_SCORE = 0, WF_OBJ_COVERAGE = 1 };

typedef struct wf_match_opts {
	double w_fit, w_dist, w_cap, w_price;
	double scale_km;  /* proximity decay */
	double max_km;    /* search radius for needs without max_km */
	int top;          /* K for wf_matcher_top */
	enum wf_objective objective;
} wf_match_opts;

void wf_match_opts_default(wf_match_opts *o);

/* NULL when fine, else a reason ("weights must not all be zero"). */
const char *wf_match_opts_check(const wf_match_opts *o);

enum wf_unmet {
	WF_UNMET_NONE = 0,
	WF_UNMET_NO_OFFER,
	WF_UNMET_RANGE,
	WF_UNMET_BUDGET,
	WF_UNMET_CAPACITY
};

/* "no provider offers the category", "no provider in range",
 * "over budget", "capacity exhausted". */
const char *wf_unmet_reason(int why);

typedef struct wf_demand {
	const char *id;
	double lat, lon;
	int cat;             /* taxonomy index */
	long long qty;       /* > 0 */
	int has_budget;
	wf_dec budget;       /* for the whole quantity */
	double max_km;       /* <= 0: opts.max_km */
} wf_demand;

typedef struct wf_supply {
	const char *id;
	double lat, lon;
	uint64_t cats;       /* bit c = taxonomy index c */
	long long capacity;  /* >= 0 */
	int has_price;
	wf_dec unit_price;
	double radius_km;    /* <= 0: no limit of its own */
} wf_supply;

typedef struct wf_match {
	size_t supply;       /* supply index (input order) */
	int cat;             /* the offer's category that fits best */
	double km, score, fit, proximity, capacity, price;
	long long assigned;  /* units, assignment only */
} wf_match;

typedef struct wf_matcher wf_matcher;

wf_matcher *wf_matcher_new(const wf_taxonomy *t, const wf_match_opts *o);
void wf_matcher_free(wf_matcher *m);

/* Supply first (returns its index), then wf_matcher_build once. */
size_t wf_matcher_add_supply(wf_matcher *m, const wf_supply *s);
void wf_matcher_build(wf_matcher *m);
size_t wf_matcher_nsupply(const wf_matcher *m);
const char *wf_matcher_supply_id(const wf_matcher *m, size_t j);
long long wf_matcher_supply_capacity(const wf_matcher *m, size_t j);
void wf_matcher_supply_point(const wf_matcher *m, size_t j, double *lat, double *lon);

/* Score one pair the way the matcher does; returns 1 when eligible
 * (fills *out), else 0 with *why set. Exposed for tests. */
int wf_matcher_score(const wf_matcher *m, const wf_demand *d, size_t j,
		     double km, wf_match *out, int *why);

/* The best opts.top eligible offers for d, best first, into out (room
 * for opts.top). Returns the count; when 0, *why says why. */
size_t wf_matcher_top(wf_matcher *m, const wf_demand *d, wf_match *out,
		      int *why);

/* The same for threads: after wf_matcher_build the matcher is only
 * read, and each thread passes its own scratch (wf_match_scratch_new
 * after the build; free with wf_match_scratch_free, NULL a no-op). */
typedef struct wf_match_scratch wf_match_scratch;
wf_match_scratch *wf_match_scratch_new(const wf_matcher *m);
void wf_match_scratch_free(wf_match_scratch *s);
size_t wf_matcher_top_r(const wf_matcher *m, wf_match_scratch *s, const wf_demand *d,
			wf_match *out, int *why);

/* Assignment: add every need, then solve. Returns 0, or -1 when the
 * working memory would pass the budget (wf_matcher_error says how
 * far); the matcher then holds no result. Needs plus offers must stay
 * below 2^31. */
size_t wf_matcher_add_demand(wf_matcher *m, const wf_demand *d);
int wf_matcher_assign(wf_matcher *m);
const char *wf_matcher_error(const wf_matcher *m);

/* Budget for the assignment's working memory in bytes; 0 (the
 * default) means none. */
void wf_matcher_set_max_memory(wf_matcher *m, size_t bytes);

/* After wf_matcher_assign: need i's pairs with assigned > 0 (in
 * supply order), its unserved units and their reason. */
size_t wf_matcher_result(const wf_matcher *m, size_t i, const wf_match **out,
			 long long *unmet, int *why);
long long wf_matcher_used(const wf_matcher *m, size_t j);
const char *wf_matcher_demand_id(const wf_matcher *m, size_t i);
int wf_matcher_demand_cat(const wf_matcher *m, size_t i);

/* Statistics of the last solve: eligible pairs, shortest-path
 * searches, augmentations. */
void wf_matcher_stats(const wf_matcher *m, size_t *pairs, size_t *phases,
		      size_t *augments);

/* 1 when the last solve sent units from the offers (supply smaller
 * than demand), 0 from the needs. */
int wf_matcher_offers_first(const wf_matcher *m);

/* Of the last solve: candidate pairs left out as unable to matter,
 * independent parts with a pair, and the largest part's needs and
 * offers. Any pointer may be NULL. */
void wf_matcher_parts(const wf_matcher *m, size_t *pruned, size_t *parts,
		      size_t *largest_needs, size_t *largest_offers);

/* Low level, for tests: exact min-cost flow on a bipartite graph of
 * nd needs and ns offers with ne arcs (ed[k], es[k]) of per-unit value
 * val[k] >= 0. Maximises sum x*val (coverage = 0) or units first
 * (coverage = 1). Fills x[k]; returns the objective's total value.
 * val[k] <= INT32_MAX. Solved in parts (see above). */
long long wf_mcf_bipartite(size_t nd, const long long *qty, size_t ns,
			   const long long *cap, size_t ne, const size_t *ed,
			   const size_t *es, const long long *val, int coverage,
			   long long *x, size_t *phases, size_t *augments);

/* The same, with decompose = 0 for one solve over all needs in input
 * order, and the number of parts found in *parts (may be NULL). */
long long wf_mcf_bipartite2(size_t nd, const long long *qty, size_t ns,
			    const long long *cap, size_t ne, const size_t *ed,
			    const size_t *es, const long long *val, int coverage,
			    int decompose, long long *x, size_t *phases,
			    size_t *augments, size_t *parts);

#endif
