#include "wf_dec.h"

#include <string.h>

static const uint64_t pow10[WF_DEC_MAXSCALE + 1] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000
};

/* 10^WF_DEC_MAXDIGITS: every mantissa is below it in magnitude. */
#define DEC_LIMIT ((__int128)10000000000000000000ULL * 1000000000)

/* One pass, no allocation, no strtod: this sits on the hot path of
 * every value wf-ingest reads. Digits go into a 64-bit word while they
 * fit (19 of them, every real value), then into 128 bits. */
int wf_dec_parse(const char *s, size_t len, enum wf_decmode mode, wf_dec *out)
{
	const char *p = s, *e = s + len;
	char dp;
	int neg = 0, scale = 0, ndig = 0, groups = 0, run = 0, wide = 0;
	uint64_t m = 0;
	unsigned __int128 w = 0;

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
/* one more digit c of the mantissa: leading zeros are not counted */
#define DIGIT(c) do { \
		if (ndig >= WF_DEC_MAXDIGITS) \
			return WF_DEC_RANGE; \
		if (m || wide || (c) != '0') \
			ndig++; \
		if (ndig == 20 && !wide) { \
			w = m; \
			wide = 1; \
		} \
		if (wide) \
			w = w * 10 + ((c) - '0'); \
		else \
			m = m * 10 + ((c) - '0'); \
	} while (0)
	/* Integer part: digits, and in comma mode '.' thousands groups
	 * ("1.234.567": 1-3 leading digits, then groups of exactly 3). */
	for (; p < e && *p != dp; p++) {
		unsigned c = (unsigned char)*p;
		if (c >= '0' && c <= '9') {
			DIGIT(c);
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
			if (scale == WF_DEC_MAXSCALE)
				return WF_DEC_RANGE;
			DIGIT(c);
			scale++;
		}
	} else if (run == 0 && groups == 0) {
		return WF_DEC_BAD; /* just a sign */
	}
#undef DIGIT
	if (!wide)
		w = m;
	*out = wf_dec_make(neg ? -(__int128)w : (__int128)w, scale);
	return WF_DEC_OK;
}

/* Digits of u, least significant first, into tmp; returns how many,
 * at least min. 64-bit division while the value fits one word. */
static int digits(unsigned __int128 u, int min, char *tmp)
{
	int n = 0;
	while (u > UINT64_MAX) {
		tmp[n++] = (char)('0' + (int)(u % 10));
		u /= 10;
	}
	uint64_t v = (uint64_t)u;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v || n <= min);
	return n;
}

/* m / 10^s as text with exactly s decimals. */
static size_t put(__int128 m, int s, char *buf)
{
	char tmp[WF_DEC_BUFSZ];
	unsigned __int128 u = m < 0 ? -(unsigned __int128)m : (unsigned __int128)m;
	int n = digits(u, s, tmp);
	size_t len = 0;

	if (m < 0)
		buf[len++] = '-';
	while (n > 0) {
		if (n == s)
			buf[len++] = '.';
		buf[len++] = tmp[--n];
	}
	buf[len] = '\0';
	return len;
}

/* The mantissa fits an int64 (every real value): the cheap paths. */
static inline int one_word(wf_dec d, int64_t *v)
{
	*v = (int64_t)d.lo;
	return d.hi == (*v < 0 ? -1 : 0);
}

size_t wf_dec_format(wf_dec d, char *buf)
{
	int64_t v;
	__int128 m;
	int s = d.s;

	if (one_word(d, &v)) {
		while (s > 0 && v % 10 == 0) {
			v /= 10;
			s--;
		}
		return put(v, s, buf);
	}
	m = wf_dec_mant(d);
	while (s > 0 && m % 10 == 0) {
		m /= 10;
		s--;
	}
	return put(m, s, buf);
}

size_t wf_dec_format_fixed(wf_dec d, char *buf)
{
	return put(wf_dec_mant(d), d.s, buf);
}

int wf_dec_add(wf_dec *acc, wf_dec d)
{
	/* Both below 10^28, times at most 10^9: no step can overflow. */
	__int128 a, b, r;
	int64_t x, y, z;
	int s = acc->s > d.s ? acc->s : d.s;

	if (acc->s == d.s && one_word(*acc, &x) && one_word(d, &y) &&
	    !__builtin_add_overflow(x, y, &z)) {
		*acc = wf_dec_make(z, s); /* |z| < 2^63 < 10^28 */
		return 0;
	}
	a = wf_dec_mant(*acc);
	b = wf_dec_mant(d);
	r = a * (__int128)pow10[s - acc->s] + b * (__int128)pow10[s - d.s];
	if (r >= DEC_LIMIT || r <= -DEC_LIMIT)
		return -1;
	*acc = wf_dec_make(r, s);
	return 0;
}

wf_dec wf_dec_neg(wf_dec d)
{
	return wf_dec_make(-wf_dec_mant(d), d.s);
}

int wf_dec_cmp(wf_dec a, wf_dec b)
{
	int s = a.s > b.s ? a.s : b.s;
	__int128 x = wf_dec_mant(a) * (__int128)pow10[s - a.s];
	__int128 y = wf_dec_mant(b) * (__int128)pow10[s - b.s];

	return (x > y) - (x < y);
}

double wf_dec_to_double(wf_dec d)
{
	int64_t v;

	if (one_word(d, &v))
		return (double)v / (double)pow10[d.s];
	return (double)wf_dec_mant(d) / (double)pow10[d.s];
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
