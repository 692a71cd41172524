/* Table writers: CSV and NDJSON (declared in wf_table.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"
#include "wf_text.h"
#include "wf_table.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

struct wf_tw {
	wf_out *out;
	enum wf_format fmt;
	size_t n;
	char **names;   /* NDJSON: pre-escaped "\"name\":" keys */
	size_t *nlen;
	enum wf_colkind *kinds;
	int excel_safe;
	char *rb;       /* one CSV row, assembled before a single write */
	size_t rbcap;
};

/* Bytes that force quoting in a CSV field of any delimiter (the row
 * writer, comma only, uses the csv_special table below instead). */
static int needs_quote(const char *s, size_t n, char delim)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '"' || c == '\n' || c == '\r' || c == delim)
			return 1;
	}
	return 0;
}

int wf_csv_field(wf_out *out, const char *s, size_t len, char delim)
{
	if (!needs_quote(s, len, delim))
		return wf_out_write(out, s, len);
	if (wf_out_putc(out, '"'))
		return -1;
	for (;;) {
		const char *q = memchr(s, '"', len);
		size_t k = q ? (size_t)(q - s) + 1 : len;
		if (wf_out_write(out, s, k))
			return -1;
		if (!q)
			break;
		if (wf_out_putc(out, '"')) /* double the quote */
			return -1;
		s += k;
		len -= k;
	}
	return wf_out_putc(out, '"');
}

size_t wf_json_escape(char *o, const char *str, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str;
	size_t at = 0;

	o[at++] = '"';
	for (size_t i = 0; i < len;) {
		unsigned c = s[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
			o[at++] = (char)c;
			i++;
		} else if (c >= 0x80) {
			uint32_t cp;
			size_t k = wf_utf8_decode(s + i, len - i, &cp);
			if (k) {
				memcpy(o + at, s + i, k);
				at += k;
				i += k;
			} else {
				memcpy(o + at, "\xEF\xBF\xBD", 3);
				at += 3;
				i++;
			}
		} else {
			o[at++] = '\\';
			switch (c) {
			case '"': o[at++] = '"'; break;
			case '\\': o[at++] = '\\'; break;
			case '\n': o[at++] = 'n'; break;
			case '\r': o[at++] = 'r'; break;
			case '\t': o[at++] = 't'; break;
			case '\b': o[at++] = 'b'; break;
			case '\f': o[at++] = 'f'; break;
			default:
				o[at++] = 'u';
				o[at++] = '0';
				o[at++] = '0';
				o[at++] = hex[c >> 4];
				o[at++] = hex[c & 15];
			}
			i++;
		}
	}
	o[at++] = '"';
	return at;
}

int wf_json_string(wf_out *out, const char *s, size_t len)
{
	char small[1024];
	char *buf = WF_JSON_MAXLEN(len) <= sizeof small ? small : wf_xmalloc(WF_JSON_MAXLEN(len));
	int rc = wf_out_write(out, buf, wf_json_escape(buf, s, len));

	if (buf != small)
		free(buf);
	return rc;
}

/* JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
int wf_json_is_number(const char *s, size_t n)
{
	size_t i = 0;

	if (i < n && s[i] == '-')
		i++;
	if (i >= n)
		return 0;
	if (s[i] == '0')
		i++;
	else if (s[i] >= '1' && s[i] <= '9')
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	else
		return 0;
	if (i < n && s[i] == '.') {
		size_t j = ++i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == j)
			return 0;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		size_t j = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == j)
			return 0;
	}
	return i == n;
}

wf_tw *wf_tw_new(wf_out *out, enum wf_format fmt, size_t ncols,
		 const char *const *names, const enum wf_colkind *kinds)
{
	wf_tw *w = wf_xcalloc(1, sizeof *w);

	w->out = out;
	w->fmt = fmt == WF_FMT_NDJSON ? WF_FMT_NDJSON : WF_FMT_CSV;
	w->n = ncols;
	w->names = wf_xcalloc(ncols, sizeof *w->names);
	w->nlen = wf_xcalloc(ncols, sizeof *w->nlen);
	w->kinds = wf_xcalloc(ncols, sizeof *w->kinds);
	for (size_t i = 0; i < ncols; i++) {
		w->names[i] = wf_xstrdup(names[i]);
		w->nlen[i] = strlen(names[i]);
		w->kinds[i] = kinds ? kinds[i] : WF_COL_STR;
	}
	if (w->fmt == WF_FMT_CSV) {
		for (size_t i = 0; i < ncols; i++) {
			if (i)
				wf_out_putc(out, ',');
			wf_csv_field(out, w->names[i], w->nlen[i], ',');
		}
		wf_out_putc(out, '\n');
	}
	wf_out_mark(out);
	return w;
}

void wf_tw_set_excel_safe(wf_tw *w, int on)
{
	w->excel_safe = on;
}

wf_out *wf_tw_out(const wf_tw *w)
{
	return w->out;
}

wf_tw *wf_tw_clone(const wf_tw *w, wf_out *out)
{
	wf_tw *c = wf_tw_new(out, w->fmt, w->n, (const char *const *)w->names, w->kinds);

	c->excel_safe = w->excel_safe;
	return c;
}

/* A cell a spreadsheet would run as a formula: = + - @ TAB CR first,
 * unless it is just a number like -12.5. */
static int formula_like(const char *s, size_t n)
{
	if (n == 0 || !strchr("=+-@\t\r", s[0]))
		return 0;
	return !wf_json_is_number(s, n);
}

/* Bytes that make a comma-separated field need quotes. */
static const unsigned char csv_special[256] = {
	['"'] = 1, ['\n'] = 1, ['\r'] = 1, [','] = 1
};

/* Room for need bytes in the row buffer, doubled so that a run of
 * rows settles at one allocation. */
static void rb_reserve(wf_tw *w, size_t need)
{
	if (need > w->rbcap) {
		w->rbcap = need * 2;
		w->rb = wf_xrealloc(w->rb, w->rbcap);
	}
}

/* Append one CSV field to the row buffer, quoting only when needed. */
static size_t csv_append(wf_tw *w, size_t at, const char *s, size_t n)
{
	rb_reserve(w, at + 2 * n + 3); /* every byte a doubled quote, plus two */
	/* Copy while checking, one table lookup per byte: needs_quote()
	 * then memcpy() made wf_tw_row 13% of wf-ingest (perf,
	 * 2026-11-27). A field found to need quotes is redone below. */
	char *o = w->rb + at;
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	unsigned char hit = 0;
	for (; i < n; i++) {
		hit |= csv_special[u[i]];
		o[i] = (char)u[i];
	}
	if (!hit)
		return at + n;
	w->rb[at++] = '"';
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			w->rb[at++] = '"';
		w->rb[at++] = s[i];
	}
	w->rb[at++] = '"';
	return at;
}

/* wf_json_escape() into the row buffer at at; returns the new end. */
static size_t json_append(wf_tw *w, size_t at, const char *str, size_t len)
{
	rb_reserve(w, at + WF_JSON_MAXLEN(len) + 1);
	return at + wf_json_escape(w->rb + at, str, len);
}

/* True when row[0..n), ncols fields joined by commas, holds no quote,
 * CR or LF and exactly ncols - 1 commas: then no field needs quoting.
 * The buffer must have 16 bytes of room after n (zeroed here and read).
 * Rows over 4 KB answer 0 (per-byte counters would overflow): the
 * caller then checks field by field. */
static int row_plain(char *row, size_t n, size_t ncols)
{
	if (n > 4000)
		return 0;
	memset(row + n, 0, 16);
#ifdef __SSE2__
	const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"'),
		      lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
	__m128i count = _mm_setzero_si128(), other = _mm_setzero_si128();
	for (size_t b = 0; b < n; b += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(row + b));
		count = _mm_sub_epi8(count, _mm_cmpeq_epi8(x, comma)); /* -1 per comma */
		other = _mm_or_si128(other, _mm_or_si128(_mm_or_si128(
			_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, lf)), _mm_cmpeq_epi8(x, cr)));
	}
	if (_mm_movemask_epi8(other))
		return 0;
	__m128i sum = _mm_sad_epu8(count, _mm_setzero_si128());
	size_t commas = (size_t)_mm_cvtsi128_si32(sum) +
			(size_t)_mm_cvtsi128_si32(_mm_unpackhi_epi64(sum, sum));
#else
	size_t commas = 0;
	for (size_t i = 0; i < n; i++) {
		if (row[i] == '"' || row[i] == '\n' || row[i] == '\r')
			return 0;
		commas += row[i] == ',';
	}
#endif
	return commas + 1 == ncols;
}

/* memcpy() of a short field without the call: two overlapping moves. */
static inline void copy_field(char *d, const char *s, size_t n)
{
	if (n >= 8 && n <= 16) {
		memcpy(d, s, 8);
		memcpy(d + n - 8, s + n - 8, 8);
	} else if (n >= 4 && n < 8) {
		memcpy(d, s, 4);
		memcpy(d + n - 4, s + n - 4, 4);
	} else if (n < 4) {
		for (size_t k = 0; k < n; k++)
			d[k] = s[k];
	} else {
		memcpy(d, s, n);
	}
}

/* One NDJSON object assembled in the row buffer and written at once:
 * a call to the output per byte made wf-ingest -f ndjson about twice
 * as slow as CSV (perf and make bench, 2026-11-27). */
static int ndjson_row(wf_tw *w, const char *const *vals, const size_t *lens)
{
	size_t at = 0;

	rb_reserve(w, 2);
	w->rb[at++] = '{';
	for (size_t i = 0; i < w->n; i++) {
		rb_reserve(w, at + 1);
		if (i)
			w->rb[at++] = ',';
		at = json_append(w, at, w->names[i], w->nlen[i]);
		rb_reserve(w, at + 5);
		w->rb[at++] = ':';
		if (!vals[i]) {
			memcpy(w->rb + at, "null", 4);
			at += 4;
			continue;
		}
		size_t n = lens ? lens[i] : strlen(vals[i]);
		if (w->kinds[i] == WF_COL_NUM && n == 0) {
			memcpy(w->rb + at, "null", 4);
			at += 4;
		} else if (w->kinds[i] == WF_COL_NUM && wf_json_is_number(vals[i], n)) {
			rb_reserve(w, at + n);
			memcpy(w->rb + at, vals[i], n);
			at += n;
		} else {
			at = json_append(w, at, vals[i], n);
		}
	}
	rb_reserve(w, at + 2);
	w->rb[at++] = '}';
	w->rb[at++] = '\n';
	return wf_out_write(w->out, w->rb, at);
}

int wf_tw_row(wf_tw *w, const char *const *vals, const size_t *lens)
{
	wf_out *o = w->out;

	if (w->fmt == WF_FMT_NDJSON)
		return ndjson_row(w, vals, lens);

	if (w->fmt == WF_FMT_CSV && !w->excel_safe) {
		/* One write per row: per-byte output calls were 14% of
		 * wf-ingest's time on a 2 M-row file (perf, 2026-11-27). */
		size_t at = 0, nc = w->n, need = nc + 16; /* + the check's overrun */
		for (size_t i = 0; i < nc; i++)
			if (vals[i])
				need += lens ? lens[i] : strlen(vals[i]);
		rb_reserve(w, need);
		char *rb = w->rb; /* a local: stores through char * alias w */
		/* Fields copied whole, then the row checked once: when its
		 * only special bytes are the commas written between fields,
		 * no field needs quotes. A byte-by-byte copy-and-check per
		 * field was the largest part of wf_tw_row, itself 18% of
		 * wf-ingest's instructions (callgrind, 200,000 short rows). */
		for (size_t i = 0; i < nc; i++) {
			if (i)
				rb[at++] = ',';
			if (vals[i]) {
				size_t n = lens ? lens[i] : strlen(vals[i]);
				copy_field(rb + at, vals[i], n);
				at += n;
			}
		}
		if (row_plain(rb, at, nc)) {
			rb[at++] = '\n';
			return wf_out_write(o, rb, at);
		}
		at = 0;
		for (size_t i = 0; i < w->n; i++) {
			if (i) {
				rb_reserve(w, at + 1);
				w->rb[at++] = ',';
			}
			if (vals[i])
				at = csv_append(w, at, vals[i], lens ? lens[i] : strlen(vals[i]));
		}
		rb_reserve(w, at + 1);
		w->rb[at++] = '\n';
		return wf_out_write(o, w->rb, at);
	}
	if (w->fmt == WF_FMT_CSV) {
		for (size_t i = 0; i < w->n; i++) {
			if (i)
				wf_out_putc(o, ',');
			if (!vals[i])
				continue;
			size_t n = lens ? lens[i] : strlen(vals[i]);
			if (w->excel_safe && formula_like(vals[i], n)) {
				/* Quote so the apostrophe stays with the text. */
				wf_out_putc(o, '"');
				wf_out_putc(o, '\'');
				for (size_t k = 0; k < n; k++) {
					if (vals[i][k] == '"')
						wf_out_putc(o, '"');
					wf_out_putc(o, vals[i][k]);
				}
				wf_out_putc(o, '"');
				continue;
			}
			wf_csv_field(o, vals[i], n, ',');
		}
		return wf_out_putc(o, '\n');
	}
	return 0;
}

void wf_tw_free(wf_tw *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->n; i++)
		free(w->names[i]);
	free(w->names);
	free(w->nlen);
	free(w->kinds);
	free(w->rb);
	free(w);
}
