/*
 * wf_text.h - small text helpers the parsers share: UTF-8 decoding and
 * trimming of spaces. Plain functions on caller-owned buffers.
 */
#ifndef WF_TEXT_H
#define WF_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Length (1..4) of the valid UTF-8 sequence at p, reading at most n
 * bytes, with its code point in *cp; 0 when invalid (overlong forms,
 * surrogates and code points past U+10FFFF are invalid). */
size_t wf_utf8_decode(const unsigned char *p, size_t n, uint32_t *cp);

/* True when s is NULL or holds only spaces and tabs. */
int wf_is_blank(const char *s);

/* The one trim of wfkit: white space is the C locale's isspace() (space,
 * tab, CR, LF, VT, FF) at either end; inner spaces stay.
 * wf_trim_span narrows s[0..*n) (no NUL needed); wf_trim_copy copies
 * the trimmed s into out (outsz bytes, always NUL-terminated, cut if
 * needed; out may be s itself) and returns the length written. */
void wf_trim_span(const char **s, size_t *n);
size_t wf_trim_copy(const char *s, char *out, size_t outsz);
/* The same on a NUL-terminated s in place: cuts the end, returns the
 * first byte kept. */
char *wf_trim_inplace(char *s);

/* True when s is a plain decimal: an optional sign, digits, an optional
 * '.' and digits (at least one digit in all). strtod() alone also takes
 * 0x2C, 1e5, inf and nan, which are no coordinates or distances. */
int wf_is_plain_decimal(const char *s);

#endif
