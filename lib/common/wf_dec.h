/*
 * wf_dec.h - exact decimal numbers for money and head counts.
 *
 * A wf_dec is a plain value: mantissa m and scale s meaning m / 10^s.
 * Binary floating point never touches money: parsing, summing and
 * printing are exact; operations that would overflow int64 report it.
 */
#ifndef WF_DEC_H
#define WF_DEC_H

#include <stddef.h>
#include <stdint.h>

#define WF_DEC_MAXSCALE 9

typedef struct wf_dec {
	int64_t m;
	int s; /* 0..WF_DEC_MAXSCALE */
} wf_dec;

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
	WF_DEC_RANGE = -2  /* too many digits or decimals to hold exactly */
};

/* Parse s[0..len) in the given mode. Surrounding spaces are allowed;
 * a leading '+' or '-' is allowed. Returns a WF_DEC_* code. */
int wf_dec_parse(const char *s, size_t len, enum wf_decmode mode, wf_dec *out);

/* Write the canonical text ('.' separator, no grouping, no trailing
 * fractional zeros, "-0" never printed) into buf, which must hold
 * WF_DEC_BUFSZ bytes. Returns the length. */
#define WF_DEC_BUFSZ 32
size_t wf_dec_format(wf_dec d, char *buf);

/* *acc += d exactly. Returns 0, or -1 on overflow (acc unchanged). */
int wf_dec_add(wf_dec *acc, wf_dec d);

/* Negation (for deduction items), comparison, conversion for statistics. */
wf_dec wf_dec_neg(wf_dec d);
int wf_dec_cmp(wf_dec a, wf_dec b);
double wf_dec_to_double(wf_dec d);

/* Short human reason for a non-OK parse code ("not a number"...). */
const char *wf_dec_strerror(int code);

#endif
