#include "wf_stats.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

void wf_stats_sort(double *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_double);
}

double wf_stats_quantile_sorted(const double *v, size_t n, double p)
{
	double h = (double)(n - 1) * p;
	size_t lo = (size_t)floor(h);

	if (lo >= n - 1)
		return v[n - 1];
	return v[lo] + (h - (double)lo) * (v[lo + 1] - v[lo]);
}

/* Hoare-style selection with median-of-three pivots: afterwards v[k]
 * holds the k-th smallest, smaller ones before it, larger ones after. */
static void select_k(double *v, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;

	while (hi > lo) {
		size_t mid = lo + (hi - lo) / 2, i = lo, j = hi;
		double a = v[lo], b = v[mid], c = v[hi], piv, t;

		piv = a < b ? (b < c ? b : (a < c ? c : a))
			    : (a < c ? a : (b < c ? c : b));
		while (i <= j) {
			while (v[i] < piv)
				i++;
			while (v[j] > piv)
				j--;
			if (i <= j) {
				t = v[i], v[i] = v[j], v[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		/* now [lo, j] <= piv <= [i, hi], and j < i */
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			return;
	}
}

static double min_of(const double *v, size_t n)
{
	double m = v[0];
	for (size_t i = 1; i < n; i++)
		if (v[i] < m)
			m = v[i];
	return m;
}

double wf_stats_quantile(double *v, size_t n, double p)
{
	double h = (double)(n - 1) * p, lo_v;
	size_t lo = (size_t)floor(h);

	if (lo >= n - 1) {
		select_k(v, n, n - 1);
		return v[n - 1];
	}
	select_k(v, n, lo);
	lo_v = v[lo];
	if (h == (double)lo)
		return lo_v;
	/* the (lo+1)-th order statistic is the least of what follows */
	return lo_v + (h - (double)lo) * (min_of(v + lo + 1, n - lo - 1) - lo_v);
}

double wf_stats_median(double *v, size_t n)
{
	return wf_stats_quantile(v, n, 0.5);
}

double wf_stats_mean(const double *v, size_t n)
{
	double s = 0;
	for (size_t i = 0; i < n; i++)
		s += v[i];
	return n ? s / (double)n : 0;
}

double wf_stats_mad(const double *v, size_t n, double med, double *scratch,
		    double *meanad)
{
	double s = 0;
	for (size_t i = 0; i < n; i++) {
		scratch[i] = fabs(v[i] - med);
		s += scratch[i];
	}
	if (meanad)
		*meanad = s / (double)n;
	return wf_stats_median(scratch, n);
}

double wf_stats_robust_z(double x, double med, double mad, double meanad)
{
	if (mad > 0)
		return (x - med) / (WF_STATS_MAD_SCALE * mad);
	if (meanad > 0)
		return (x - med) / (WF_STATS_MEANAD_SCALE * meanad);
	return 0;
}

/* First index whose value is not below x (strict: ge = 0) or above it. */
static size_t bound(const double *v, size_t n, double x, int upper)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (upper ? v[mid] <= x : v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

double wf_stats_pct_rank_sorted(const double *v, size_t n, double x)
{
	size_t below = bound(v, n, x, 0), upto = bound(v, n, x, 1);
	return 100.0 * ((double)below + 0.5 * (double)(upto - below)) / (double)n;
}

void wf_stats_summarize(double *v, size_t n, double *scratch,
			wf_stats_summary *out)
{
	wf_stats_sort(v, n);
	out->n = n;
	out->mean = wf_stats_mean(v, n);
	out->min = v[0];
	out->max = v[n - 1];
	out->p25 = wf_stats_quantile_sorted(v, n, 0.25);
	out->median = wf_stats_quantile_sorted(v, n, 0.5);
	out->p75 = wf_stats_quantile_sorted(v, n, 0.75);
	out->p90 = wf_stats_quantile_sorted(v, n, 0.90);
	out->mad = wf_stats_mad(v, n, out->median, scratch, &out->meanad);
}

int wf_stats_cagr(const double *t, const double *y, size_t n, double *out)
{
	double span;

	if (n < 2)
		return WF_CAGR_SHORT;
	if (!(y[0] > 0))
		return WF_CAGR_START;
	if (!(y[n - 1] > 0))
		return WF_CAGR_END;
	span = t[n - 1] - t[0];
	if (!(span > 0))
		return WF_CAGR_SHORT;
	*out = pow(y[n - 1] / y[0], 1.0 / span) - 1.0;
	return 0;
}

int wf_stats_slope(const double *t, const double *y, size_t n, double *out)
{
	double mt = 0, my = 0, sxy = 0, sxx = 0;

	if (n < 2)
		return -1;
	mt = wf_stats_mean(t, n);
	my = wf_stats_mean(y, n);
	for (size_t i = 0; i < n; i++) {
		sxy += (t[i] - mt) * (y[i] - my);
		sxx += (t[i] - mt) * (t[i] - mt);
	}
	if (!(sxx > 0))
		return -1;
	*out = sxy / sxx;
	return 0;
}

size_t wf_stats_fmt2(double x, char *buf, size_t size)
{
	/* snprintf("%.2f") was 12% of wf-benchmark on the national history
	 * (perf, 2026-11-27): its exact multi-precision path is general,
	 * these values are not. Below 4e13, x * 100 < 2^52, so the
	 * fractional part d of p = x * 100 is exact and a multiple of
	 * ulp(p) <= 0.5; fma() gives the exact error e of the product
	 * (x * 100 = p + e, |e| <= ulp(p) / 2). Hence d < 0.5 rounds down
	 * and d > 0.5 up whatever e is, and only d == 0.5 looks at e, with
	 * e == 0 a true tie (to even, as glibc does). */
	double a = fabs(x);
	if (!(a < 4e13))
		return (size_t)snprintf(buf, size, "%.2f", x);
	double p = a * 100.0;
	double e = fma(a, 100.0, -p);
	double n = floor(p);
	double d = p - n;
	uint64_t q = (uint64_t)n;
	if (d > 0.5 || (d == 0.5 && (e > 0 || (e == 0 && (q & 1)))))
		q++;
	char tmp[24];
	size_t k = 0, len = 0;
	uint64_t ip = q / 100;
	unsigned fr = (unsigned)(q % 100);
	do {
		tmp[k++] = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip);
	if (signbit(x))
		buf[len++] = '-';
	while (k)
		buf[len++] = tmp[--k];
	buf[len++] = '.';
	buf[len++] = (char)('0' + fr / 10);
	buf[len++] = (char)('0' + fr % 10);
	buf[len] = '\0';
	return len;
}
