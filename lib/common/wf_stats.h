/*
 * wf_stats.h - exact order statistics and trend measures on doubles.
 * Plain functions: arrays are the caller's (some functions reorder
 * them, as each says); nothing is allocated for the caller to free.
 *
 * Definitions (the same ones wf-benchmark(1) documents):
 *
 *   Quantile q(p), 0 <= p <= 1, of n values x(1) <= ... <= x(n): linear
 *   interpolation between order statistics, R's type 7 (also numpy's
 *   default, DuckDB quantile_cont, datamash): h = (n - 1) p,
 *   q = x(floor h + 1) + (h - floor h) (x(floor h + 2) - x(floor h + 1)).
 *   The median is q(0.5); min and max are q(0) and q(1).
 *
 *   MAD: median of |x(i) - median|. The robust z-score of a value v is
 *   (v - median) / (1.4826 MAD). When MAD is 0 (at least half the values
 *   equal the median, e.g. a group of mostly zero spenders) the scale
 *   falls back to 1.253314 x MeanAD, MeanAD being the mean of
 *   |x(i) - median| (1.253314 = sqrt(pi/2) makes both consistent with the
 *   standard deviation of a normal sample). When MeanAD is 0 too, every
 *   value equals the median and z is 0.
 *
 *   Percentile rank of v among n values: mid-rank,
 *   100 (count(x < v) + 0.5 count(x == v)) / n; 50 for a single value.
 *
 *   CAGR of a series (t(i), y(i)) with t in years, over the span from
 *   its first to its last point: (y_last / y_first)^(1 / (t_last -
 *   t_first)) - 1, defined only when both endpoints are positive. A
 *   body that spent nothing at either end has no growth rate: skipping
 *   to the first or last positive value would report +17.60 % for a
 *   body that has spent nothing since 2011.
 *
 *   Slope: ordinary least squares of y against t (units of y per year);
 *   undefined with fewer than two distinct t.
 *
 * Functions never allocate; the callers own every array. Functions that
 * take a non-const array may reorder it (selection, not a full sort).
 */
#ifndef WF_STATS_H
#define WF_STATS_H

#include <stddef.h>

#define WF_STATS_MAD_SCALE 1.4826
#define WF_STATS_MEANAD_SCALE 1.253314

/* Quantile of n >= 1 values sorted ascending. */
double wf_stats_quantile_sorted(const double *v, size_t n, double p);

/* Quantile of n >= 1 values in any order, by selection (expected O(n));
 * v is reordered. */
double wf_stats_quantile(double *v, size_t n, double p);

/* Median by selection; v is reordered. */
double wf_stats_median(double *v, size_t n);

/* Arithmetic mean, summed in the given order (deterministic). */
double wf_stats_mean(const double *v, size_t n);

/* MAD around med; scratch holds n doubles. Also returns MeanAD (mean of
 * |x - med|) in *meanad when meanad is not NULL. */
double wf_stats_mad(const double *v, size_t n, double med, double *scratch,
		    double *meanad);

/* Robust z of x with the MAD / MeanAD fallback above. */
double wf_stats_robust_z(double x, double med, double mad, double meanad);

/* Mid-rank percentile rank of x among n >= 1 sorted values, O(log n). */
double wf_stats_pct_rank_sorted(const double *v, size_t n, double x);

/* Everything a peer group reports. */
typedef struct wf_stats_summary {
	size_t n;
	double mean, min, p25, median, p75, p90, max;
	double mad, meanad;
} wf_stats_summary;

/* Sort v (n >= 1) ascending in place and summarise it; scratch holds n
 * doubles. Sorting is right here: the caller then ranks every member,
 * and n ranks by binary search beat n selections. */
void wf_stats_summarize(double *v, size_t n, double *scratch,
			wf_stats_summary *out);

/* Compound annual growth rate as a fraction (0.05 = 5 % a year) from
 * the first to the last of n points ordered by t. Returns 0 and sets
 * *out, or why it is undefined: fewer than two points or no time
 * between them, the first value not positive, the last not positive. */
enum { WF_CAGR_SHORT = -1, WF_CAGR_START = -2, WF_CAGR_END = -3 };
int wf_stats_cagr(const double *t, const double *y, size_t n, double *out);

/* Least-squares slope of y on t. Returns 0 and sets *out, or -1. */
int wf_stats_slope(const double *t, const double *y, size_t n, double *out);

/* Sort n doubles ascending (total order; callers never pass NaN). */
void wf_stats_sort(double *v, size_t n);

/* snprintf(buf, size, "%.2f", x), faster: the same text (round half to
 * even on the exact binary value, "-" for any negative x including
 * -0.0) and the same return value. size must be at least 24 (enough
 * for any |x| < 4e13; larger values, NaN and infinities go through
 * snprintf itself). */
size_t wf_stats_fmt2(double x, char *buf, size_t size);

#endif
