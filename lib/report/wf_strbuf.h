/*
 * wf_strbuf.h - a growable byte string, and the escapers and number
 * formatters the renderers share.
 *
 * Reports are small (tables people read, charts of a few thousand
 * points), so renderers build them in memory and the caller writes the
 * finished bytes once; that keeps the renderers free of I/O and
 * unit-testable.
 *
 * Ownership: a wf_strbuf is a plain value; wf_strbuf_release() frees its
 * memory (safe on a zeroed or already released buffer). wf_strbuf_steal()
 * hands the bytes to the caller (free()) and empties the buffer.
 * Allocation failure exits through wf_xrealloc().
 */
#ifndef WF_STRBUF_H
#define WF_STRBUF_H

#include <stddef.h>

#include "wf_dec.h"

typedef struct wf_strbuf {
	char *s;    /* NUL-terminated once anything was added; may be NULL */
	size_t len;
	size_t cap;
} wf_strbuf;

#define WF_STRBUF_INIT { NULL, 0, 0 }

void wf_strbuf_add(wf_strbuf *b, const char *p, size_t n);
void wf_strbuf_puts(wf_strbuf *b, const char *s);
void wf_strbuf_putc(wf_strbuf *b, char c);
void wf_strbuf_printf(wf_strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The contents as a C string ("" when empty); valid until the next add. */
const char *wf_strbuf_str(const wf_strbuf *b);
char *wf_strbuf_steal(wf_strbuf *b);
void wf_strbuf_reset(wf_strbuf *b); /* empty, keep the memory */
void wf_strbuf_release(wf_strbuf *b);

/* Text for HTML and XML (text and attribute values alike): & < > " '
 * become entities; control characters other than TAB and LF become
 * U+FFFD; invalid UTF-8 bytes become U+FFFD. */
void wf_strbuf_xml(wf_strbuf *b, const char *s, size_t n);
/* A JSON string literal with its quotes: wf_json_escape() (wf_table.h). */
void wf_strbuf_json(wf_strbuf *b, const char *s, size_t n);

/* Rewrite b from byte from on so that no control character reaches a
 * terminal: C0 controls other than TAB and LF, DEL and invalid UTF-8
 * bytes become \xHH, C1 controls (U+0080-U+009F) \u00HH. Data with
 * ESC[2J, OSC-8 links or BEL is shown, never obeyed. */
void wf_strbuf_visible(wf_strbuf *b, size_t from);

/* Display width of UTF-8 text in a terminal: one column per code point,
 * zero for combining marks and zero-width characters, two for East
 * Asian wide characters; an invalid byte counts one. */
size_t wf_utf8_width(const char *s, size_t n);
/* Append s shortened to at most max display columns: when it does not
 * fit, as many whole characters as fit in max-1 columns, then U+2026. */
void wf_strbuf_trunc(wf_strbuf *b, const char *s, size_t n, size_t max);

/* How numbers are shown to people. */
typedef struct wf_numfmt {
	int decimals;   /* fixed digits after the separator, 0..9 */
	char point;     /* '.' or ',' */
	char group;     /* thousands separator, 0 = none */
} wf_numfmt;

/* Append d rounded half away from zero to f->decimals digits. */
void wf_strbuf_dec(wf_strbuf *b, wf_dec d, const wf_numfmt *f);
/* Append x rounded half away from zero, for statistics and chart
 * coordinates; never uses the process locale. Values beyond +-9e15
 * (after scaling) are written with %.0f in the C locale's digits. */
void wf_strbuf_fixed(wf_strbuf *b, double x, const wf_numfmt *f);

#endif
