/*
 * wf_dec.h - exact decimal numbers for money and head counts.
 *
 * A wf_dec is a plain value: mantissa m and scale s meaning m / 10^s.
 * Binary floating point never touches money: parsing, summing and
 * printing are exact; operations that would leave the range report it.
 *
 * Range: at most WF_DEC_MAXDIGITS (28) significant digits, decimals
 * included, and at most WF_DEC_MAXSCALE (9) decimals: every value
 * wf-ingest accepts, every sum of them that fits, and every number a
 * wfkit tool writes is read back exactly by the next (wfkit(7) NUMBERS).
 * Why 28: the mantissa is 96 bits (two words, so a wf_dec stays 16
 * bytes in the per-record arrays of wf_bench), and 10^28 times the
 * largest rescale 10^9 still fits the __int128 the operations use, so
 * no intermediate step can overflow.
 *
 * Treat the fields as private: read the mantissa with wf_dec_mant() and
 * build values with wf_dec_make().
 */
#ifndef WF_DEC_H
#define WF_DEC_H

#include <stddef.h>
#include <stdint.h>

#define WF_DEC_MAXSCALE 9
#define WF_DEC_MAXDIGITS 28

typedef struct wf_dec {
	uint64_t lo;  /* mantissa, low 64 bits (two's complement) */
	int32_t hi;   /* mantissa, high 32 bits, with the sign */
	int32_t s;    /* 0..WF_DEC_MAXSCALE */
} wf_dec;

/* The mantissa as one integer. */
static inline __int128 wf_dec_mant(wf_dec d)
{
	return (__int128)d.hi * ((__int128)1 << 64) + (__int128)d.lo;
}

/* m / 10^s; m must be under 10^WF_DEC_MAXDIGITS in magnitude and s in
 * 0..WF_DEC_MAXSCALE (not checked: the callers' own arithmetic). */
static inline wf_dec wf_dec_make(__int128 m, int s)
{
	wf_dec d;
	d.lo = (uint64_t)m;
	d.hi = (int32_t)((m - (__int128)d.lo) / ((__int128)1 << 64));
	d.s = s;
	return d;
}

/* -1, 0 or 1 as d is negative, zero or positive. */
static inline int wf_dec_sign(wf_dec d)
{
	return d.hi < 0 ? -1 : d.hi > 0 || d.lo != 0;
}

/* How a file writes its numbers; a per-file setting, never the locale. */
enum wf_decmode {
	WF_DEC_POINT = 0, /* 1234.56, no grouping */
	WF_DEC_COMMA = 1, /* 1.234,56 or 1234,56: '.' groups thousands */
	WF_DEC_AUTO = 2   /* per value: COMMA when it holds a ',', else POINT
			   * (a table of unknown origin; "1.234" is 1.234) */
};

enum {
	WF_DEC_OK = 0,
	WF_DEC_EMPTY = 1,  /* empty or blank: a missing value */
	WF_DEC_BAD = -1,   /* not a number in this mode */
	WF_DEC_RANGE = -2  /* more than WF_DEC_MAXDIGITS digits or
			    * WF_DEC_MAXSCALE decimals */
};

/* Parse s[0..len) in the given mode. Surrounding spaces are allowed;
 * a leading '+' or '-' is allowed. Returns a WF_DEC_* code. */
int wf_dec_parse(const char *s, size_t len, enum wf_decmode mode, wf_dec *out);

/* Write the canonical text ('.' separator, no grouping, no trailing
 * fractional zeros, "-0" never printed) into buf, which must hold
 * WF_DEC_BUFSZ bytes. Returns the length. */
#define WF_DEC_BUFSZ 32 /* '-', 28 digits, '.', NUL */
size_t wf_dec_format(wf_dec d, char *buf);

/* The same text keeping the scale: trailing zeros stay ("34000000.00"),
 * so a column of sums prints like its inputs. buf as above. */
size_t wf_dec_format_fixed(wf_dec d, char *buf);

/* *acc += d exactly, at the larger of the two scales. Returns 0, or -1
 * when the sum at that scale needs more than WF_DEC_MAXDIGITS digits
 * (acc unchanged). */
int wf_dec_add(wf_dec *acc, wf_dec d);

/* Negation (for deduction items), comparison, conversion for statistics. */
wf_dec wf_dec_neg(wf_dec d);
int wf_dec_cmp(wf_dec a, wf_dec b);
double wf_dec_to_double(wf_dec d);

/* Short human reason for a non-OK parse code ("not a number"...). */
const char *wf_dec_strerror(int code);

#endif
