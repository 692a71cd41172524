/* Expected values below were worked out by hand from the definitions in
 * lib/common/wf_stats.h (R type 7 quantiles, mid-rank percentile rank). */
#include "wf_stats.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "wf_test.h"

#define EPS 1e-12

static void test_even_count(void)
{
	double v[] = { 4, 1, 3, 2 }, s[4];
	wf_stats_summary st;

	/* sorted 1 2 3 4: h = 3p */
	wf_stats_summarize(v, 4, s, &st);
	CHECK_INT(st.n, 4);
	CHECK_NEAR(st.min, 1, EPS);
	CHECK_NEAR(st.p25, 1.75, EPS);   /* h 0.75 */
	CHECK_NEAR(st.median, 2.5, EPS); /* h 1.5 */
	CHECK_NEAR(st.p75, 3.25, EPS);   /* h 2.25 */
	CHECK_NEAR(st.p90, 3.7, EPS);    /* h 2.7 */
	CHECK_NEAR(st.max, 4, EPS);
	CHECK_NEAR(st.mean, 2.5, EPS);
	/* |x - 2.5| = 1.5 .5 .5 1.5 -> median 1 */
	CHECK_NEAR(st.mad, 1, EPS);
	CHECK_NEAR(st.meanad, 1, EPS);
	CHECK_NEAR(v[0], 1, 0);
	CHECK_NEAR(v[3], 4, 0);
	CHECK_NEAR(wf_stats_pct_rank_sorted(v, 4, 1), 12.5, EPS);
	CHECK_NEAR(wf_stats_pct_rank_sorted(v, 4, 4), 87.5, EPS);
	CHECK_NEAR(wf_stats_pct_rank_sorted(v, 4, 2.5), 50, EPS);
	CHECK_NEAR(wf_stats_pct_rank_sorted(v, 4, 0), 0, EPS);
	CHECK_NEAR(wf_stats_pct_rank_sorted(v, 4, 9), 100, EPS);
}

static void test_odd_count(void)
{
	double v[] = { 5, 1, 3 }, w[3], s[3];
	wf_stats_summary st;

	memcpy(w, v, sizeof v);
	wf_stats_summarize(v, 3, s, &st);
	CHECK_NEAR(st.median, 3, EPS);
	CHECK_NEAR(st.p25, 2, EPS);    /* h 0.5 */
	CHECK_NEAR(st.p75, 4, EPS);    /* h 1.5 */
	CHECK_NEAR(st.p90, 4.6, EPS);  /* h 1.8: 3 + .8 * 2 */
	CHECK_NEAR(st.mean, 3, EPS);
	CHECK_NEAR(st.mad, 2, EPS);    /* 2 0 2 */
	CHECK_NEAR(wf_stats_pct_rank_sorted(v, 3, 3), 50, EPS);
	CHECK_NEAR(wf_stats_pct_rank_sorted(v, 3, 5), 100.0 * 2.5 / 3, EPS);
	/* selection gives the same answers on the unsorted copy */
	CHECK_NEAR(wf_stats_quantile(w, 3, 0.9), 4.6, EPS);
	memcpy(w, (double[]){ 5, 1, 3 }, sizeof w);
	CHECK_NEAR(wf_stats_median(w, 3), 3, EPS);
	memcpy(w, (double[]){ 5, 1, 3 }, sizeof w);
	CHECK_NEAR(wf_stats_quantile(w, 3, 0), 1, EPS);
	memcpy(w, (double[]){ 5, 1, 3 }, sizeof w);
	CHECK_NEAR(wf_stats_quantile(w, 3, 1), 5, EPS);
}

static void test_one_value(void)
{
	double v[] = { 7 }, s[1];
	wf_stats_summary st;

	wf_stats_summarize(v, 1, s, &st);
	CHECK_NEAR(st.min, 7, 0);
	CHECK_NEAR(st.p25, 7, 0);
	CHECK_NEAR(st.median, 7, 0);
	CHECK_NEAR(st.p90, 7, 0);
	CHECK_NEAR(st.max, 7, 0);
	CHECK_NEAR(st.mad, 0, 0);
	CHECK_NEAR(st.meanad, 0, 0);
	CHECK_NEAR(wf_stats_robust_z(7, st.median, st.mad, st.meanad), 0, 0);
	CHECK_NEAR(wf_stats_pct_rank_sorted(v, 1, 7), 50, 0);
	CHECK_NEAR(wf_stats_quantile(v, 1, 0.9), 7, 0);
}

static void test_ties(void)
{
	double v[] = { 2, 5, 2, 2 }, s[4];
	wf_stats_summary st;

	/* sorted 2 2 2 5 */
	wf_stats_summarize(v, 4, s, &st);
	CHECK_NEAR(st.median, 2, EPS);
	CHECK_NEAR(st.p25, 2, EPS);
	CHECK_NEAR(st.p75, 2.75, EPS); /* h 2.25: 2 + .25 * 3 */
	CHECK_NEAR(st.p90, 4.1, EPS);  /* h 2.7: 2 + .7 * 3 */
	CHECK_NEAR(st.mean, 2.75, EPS);
	/* deviations 0 0 0 3: MAD 0, MeanAD 0.75 -> fallback scale */
	CHECK_NEAR(st.mad, 0, 0);
	CHECK_NEAR(st.meanad, 0.75, EPS);
	CHECK_NEAR(wf_stats_robust_z(5, st.median, st.mad, st.meanad),
		   3 / (1.253314 * 0.75), EPS);
	CHECK_NEAR(wf_stats_robust_z(2, st.median, st.mad, st.meanad), 0, 0);
	/* mid-rank: three equal values share rank (0 + 1.5) / 4 */
	CHECK_NEAR(wf_stats_pct_rank_sorted(v, 4, 2), 37.5, EPS);
	CHECK_NEAR(wf_stats_pct_rank_sorted(v, 4, 5), 87.5, EPS);
	CHECK_NEAR(wf_stats_pct_rank_sorted(v, 4, 3), 75, EPS);
}

static void test_all_zero(void)
{
	double v[] = { 0, 0, 0, 0, 0 }, s[5];
	wf_stats_summary st;

	wf_stats_summarize(v, 5, s, &st);
	CHECK_NEAR(st.mean, 0, 0);
	CHECK_NEAR(st.median, 0, 0);
	CHECK_NEAR(st.p90, 0, 0);
	CHECK_NEAR(st.mad, 0, 0);
	CHECK_NEAR(st.meanad, 0, 0);
	CHECK_NEAR(wf_stats_robust_z(0, st.median, st.mad, st.meanad), 0, 0);
	CHECK_NEAR(wf_stats_pct_rank_sorted(v, 5, 0), 50, 0);
}

static void test_mad_outlier(void)
{
	double v[] = { 100, 1, 4, 2, 3 }, s[5];
	wf_stats_summary st;

	/* median 3; deviations 97 2 1 1 0 -> MAD 1 */
	wf_stats_summarize(v, 5, s, &st);
	CHECK_NEAR(st.median, 3, EPS);
	CHECK_NEAR(st.mad, 1, EPS);
	CHECK_NEAR(st.mean, 22, EPS);
	CHECK_NEAR(wf_stats_robust_z(100, st.median, st.mad, st.meanad),
		   97 / 1.4826, EPS);
	CHECK_NEAR(wf_stats_robust_z(1, st.median, st.mad, st.meanad),
		   -2 / 1.4826, EPS);
}

/* Selection must agree with the sorted definition everywhere, including
 * many duplicates (the partition's worst case). */
static void test_select_matches_sort(void)
{
	static double a[257], b[257], c[257];
	const double ps[] = { 0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999, 1 };
	unsigned x = 12345;

	for (size_t n = 1; n <= 257; n += 16) {
		for (int dup = 0; dup < 2; dup++) {
			for (size_t i = 0; i < n; i++) {
				x = x * 1103515245u + 12345u;
				a[i] = dup ? (double)((x >> 16) % 4)
					   : (double)((x >> 8) % 100000) / 7;
			}
			memcpy(b, a, n * sizeof *a);
			wf_stats_sort(b, n);
			for (size_t k = 0; k < sizeof ps / sizeof ps[0]; k++) {
				memcpy(c, a, n * sizeof *a);
				CHECK_NEAR(wf_stats_quantile(c, n, ps[k]),
					   wf_stats_quantile_sorted(b, n, ps[k]), 1e-9);
			}
		}
	}
}

static void test_cagr(void)
{
	double t[] = { 2001, 2002, 2003, 2004 }, r;

	/* the endpoints of the span decide: 100 (2001) -> 121 (2003) */
	CHECK_INT(wf_stats_cagr(t, (double[]){ 100, 0, 121 }, 3, &r), 0);
	CHECK_NEAR(r, 0.1, 1e-12);
	/* halving over 3 years, zeros between do not matter */
	CHECK_INT(wf_stats_cagr(t, (double[]){ 80, 0, 0, 10 }, 4, &r), 0);
	CHECK_NEAR(r, -0.5, 1e-12);
	/* nothing spent at the start, or at the end: no growth rate, and
	 * never the rate between the first and last positive values */
	CHECK_INT(wf_stats_cagr(t, (double[]){ 0, 100, 0, 121 }, 4, &r), WF_CAGR_START);
	CHECK_INT(wf_stats_cagr(t, (double[]){ 100, 121, 0, 0 }, 4, &r), WF_CAGR_END);
	CHECK_INT(wf_stats_cagr(t, (double[]){ 0, 0, 0, 0 }, 4, &r), WF_CAGR_START);
	CHECK_INT(wf_stats_cagr(t, (double[]){ -5, 0, 0, 10 }, 4, &r), WF_CAGR_START);
	CHECK_INT(wf_stats_cagr(t, (double[]){ 5 }, 1, &r), WF_CAGR_SHORT);
	CHECK_INT(wf_stats_cagr((double[]){ 2001, 2001 }, (double[]){ 5, 6 }, 2, &r), WF_CAGR_SHORT);
	/* monthly points in years: 12 months apart */
	CHECK_INT(wf_stats_cagr((double[]){ 2020 + 2 / 12.0, 2021 + 2 / 12.0 },
				(double[]){ 50, 60 }, 2, &r), 0);
	CHECK_NEAR(r, 0.2, 1e-9);
}

static void test_slope(void)
{
	double r;

	/* mean t 2, mean y 13/3: Sxy = 5, Sxx = 2 */
	CHECK_INT(wf_stats_slope((double[]){ 1, 2, 3 }, (double[]){ 2, 4, 7 }, 3, &r), 0);
	CHECK_NEAR(r, 2.5, 1e-12);
	CHECK_INT(wf_stats_slope((double[]){ 2001, 2003 }, (double[]){ 10, 4 }, 2, &r), 0);
	CHECK_NEAR(r, -3, 1e-12);
	CHECK_INT(wf_stats_slope((double[]){ 2001 }, (double[]){ 10 }, 1, &r), -1);
	CHECK_INT(wf_stats_slope((double[]){ 5, 5 }, (double[]){ 1, 2 }, 2, &r), -1);
}

/* wf_stats_fmt2 must print exactly what printf("%.2f") prints. */
static void test_fmt2_matches_printf(void)
{
	static const double edge[] = {
		0, -0.0, 0.005, 0.015, 0.025, 0.125, 0.375, -0.125, 1.005, 2.675,
		0.994999999, 0.995, 99.995, 1e-300, -1e-300, 12345678.125,
		3.9999999e13, 4e13, 1e18, -1e18, 123456789012.345, 0.5, 1.5, 2.5,
		-2.5, 1e300, -0.004999, -0.005
	};
	char a[400], b[400];
	size_t bad = 0;
	uint64_t s = 88172645463325252ull;

	for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++) {
		size_t n = wf_stats_fmt2(edge[i], a, sizeof a);
		snprintf(b, sizeof b, "%.2f", edge[i]);
		CHECK_STR(a, b);
		CHECK_INT((long)n, (long)strlen(b));
	}
	for (long i = 0; i < 2000000; i++) {
		double x;
		s ^= s << 13, s ^= s >> 7, s ^= s << 17;
		switch (i % 4) {
		case 0: /* exact ties and near-ties: k / 8, k / 200 */
			x = (double)(int64_t)(s % 2000000) / ((s >> 40) & 1 ? 8.0 : 200.0);
			break;
		case 1: /* money-like values */
			x = (double)(int64_t)(s % 100000000000ull) / 1000.0;
			break;
		case 2: /* ratios */
			x = (double)(s % 1000000) / (double)(1 + (s >> 44) % 9999);
			break;
		default: /* any finite magnitude */
			x = ldexp((double)(s >> 11) / 9007199254740992.0, (int)((s >> 3) % 100) - 50);
		}
		if (s & 1)
			x = -x;
		wf_stats_fmt2(x, a, sizeof a);
		snprintf(b, sizeof b, "%.2f", x);
		if (strcmp(a, b) != 0 && bad++ < 5)
			fprintf(stderr, "fmt2(%.17g): '%s', printf '%s'\n", x, a, b);
	}
	CHECK_INT((long)bad, 0);
}

/* No values: a mean of 0, not a division by zero; the MAD without
 * the mean absolute deviation asked for. */
static void test_empty_and_mad(void)
{
	double v[] = { 1, 2, 4 }, scratch[3], meanad = -1;

	CHECK_NEAR(wf_stats_mean(v, 0), 0, 0);
	CHECK_NEAR(wf_stats_mad(v, 3, 2, scratch, NULL), 1, 0);
	CHECK_NEAR(wf_stats_mad(v, 3, 2, scratch, &meanad), 1, 0);
	CHECK_NEAR(meanad, 1, 0);
}

WF_TEST_MAIN(test_empty_and_mad, test_fmt2_matches_printf, test_even_count, test_odd_count, test_one_value, test_ties,
	     test_all_zero, test_mad_outlier, test_select_matches_sort,
	     test_cagr, test_slope)
