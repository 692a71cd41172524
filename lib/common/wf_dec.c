#include "wf_dec.h"

#include <limits.h>
#include <string.h>

static const int64_t pow10[WF_DEC_MAXSCALE + 1] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000
};

/* One pass, no allocation, no strtod: this sits on the hot path of
 * every value wf-ingest reads. */
int wf_dec_parse(const char *s, size_t len, enum wf_decmode mode, wf_dec *out)
{
	const char *p = s, *e = s + len;
	char dp;
	int neg = 0, scale = 0, ndig = 0, groups = 0, run = 0;
	uint64_t m = 0;

	if (mode == WF_DEC_AUTO)
		mode = memchr(s, ',', len) ? WF_DEC_COMMA : WF_DEC_POINT;
	dp = mode == WF_DEC_COMMA ? ',' : '.';
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (p == e)
		return WF_DEC_EMPTY;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	/* Integer part: digits, and in comma mode '.' thousands groups
	 * ("1.234.567": 1-3 leading digits, then groups of exactly 3). */
	for (; p < e && *p != dp; p++) {
		unsigned c = (unsigned char)*p;
		if (c >= '0' && c <= '9') {
			if (ndig >= 18)
				return WF_DEC_RANGE;
			if (m || c != '0')
				ndig++;
			m = m * 10 + (c - '0');
			run++;
		} else if (c == '.' && mode == WF_DEC_COMMA) {
			if (groups == 0) {
				if (run < 1 || run > 3)
					return WF_DEC_BAD;
			} else if (run != 3) {
				return WF_DEC_BAD;
			}
			groups++;
			run = 0;
		} else {
			return WF_DEC_BAD;
		}
	}
	if (groups > 0 && run != 3)
		return WF_DEC_BAD;
	if (p < e) { /* decimal separator, then at least one digit */
		p++;
		if (p == e)
			return WF_DEC_BAD;
		for (; p < e; p++) {
			unsigned c = (unsigned char)*p;
			if (c < '0' || c > '9')
				return WF_DEC_BAD;
			if (scale == WF_DEC_MAXSCALE || ndig >= 18)
				return WF_DEC_RANGE;
			if (m || c != '0')
				ndig++;
			m = m * 10 + (c - '0');
			scale++;
		}
	} else if (run == 0 && groups == 0) {
		return WF_DEC_BAD; /* just a sign */
	}
	out->m = neg ? -(int64_t)m : (int64_t)m;
	out->s = scale;
	return WF_DEC_OK;
}

size_t wf_dec_format(wf_dec d, char *buf)
{
	char tmp[WF_DEC_BUFSZ];
	uint64_t u;
	int s = d.s, n = 0;
	size_t len = 0;

	while (s > 0 && d.m % 10 == 0) {
		d.m /= 10;
		s--;
	}
	u = d.m < 0 ? (uint64_t)0 - (uint64_t)d.m : (uint64_t)d.m;
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u || n <= s);
	if (d.m < 0)
		buf[len++] = '-';
	while (n > 0) {
		if (n == s)
			buf[len++] = '.';
		buf[len++] = tmp[--n];
	}
	buf[len] = '\0';
	return len;
}

static int rescale(int64_t *m, int from, int to)
{
	int64_t f = pow10[to - from];

	if (*m > INT64_MAX / f || *m < INT64_MIN / f)
		return -1;
	*m *= f;
	return 0;
}

int wf_dec_add(wf_dec *acc, wf_dec d)
{
	int64_t a = acc->m, b = d.m, r;
	int s = acc->s > d.s ? acc->s : d.s;

	if (rescale(&a, acc->s, s) || rescale(&b, d.s, s))
		return -1;
	if (__builtin_add_overflow(a, b, &r))
		return -1;
	acc->m = r;
	acc->s = s;
	return 0;
}

wf_dec wf_dec_neg(wf_dec d)
{
	/* INT64_MIN cannot come out of wf_dec_parse (18-digit cap). */
	d.m = -d.m;
	return d;
}

int wf_dec_cmp(wf_dec a, wf_dec b)
{
	/* Compare in long double-free integer arithmetic where it fits;
	 * 18 digits times 10^9 can overflow, so fall back to __int128. */
	__int128 x = a.m, y = b.m;
	int s = a.s > b.s ? a.s : b.s;

	x *= pow10[s - a.s];
	y *= pow10[s - b.s];
	return (x > y) - (x < y);
}

double wf_dec_to_double(wf_dec d)
{
	return (double)d.m / (double)pow10[d.s];
}

const char *wf_dec_strerror(int code)
{
	switch (code) {
	case WF_DEC_OK: return "ok";
	case WF_DEC_EMPTY: return "empty value";
	case WF_DEC_RANGE: return "number out of range";
	default: return "not a number";
	}
}
