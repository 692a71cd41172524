#include "wf_table.h"

#include <csv.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "wf_err.h"
#include "wf_map.h"
#include "wf_text.h"
#include "wf_vocab.h"

/* libcsv's parser states (libcsv.c); the struct is public, the names
 * are not. We read them to tell a blank line from an open quote. */
#define LIBCSV_ROW_NOT_BEGUN 0
#define LIBCSV_FIELD_BEGUN 2
#define LIBCSV_FIELD_MIGHT_HAVE_ENDED 3

#define CHUNK (256 * 1024)
#define DEFAULT_MAX_FIELD (16u << 20)

struct wf_reader {
	wf_src *src;
	wf_reader_opts o;
	enum wf_format fmt;
	char delim;

	/* input buffer */
	char *buf;
	size_t cap, len, pos;
	int eof, fatal;

	/* replayed lines (already transcoded) after an unterminated quote */
	char *pb;
	size_t pblen, pbpos;
	long pb_line_after;

	long lineno; /* physical lines consumed */

	/* current line after transcoding */
	char *tl;
	size_t tllen, tlcap;

	/* encoding */
	enum wf_encoding enc; /* AUTO until decided */
	long enc_line;
	int bom, first_line_done;

	/* CSV */
	struct csv_parser p;
	int p_init;
	int rec_done, rec_extra;

	/* raw text of the current record, and where its lines start */
	char *rec;
	size_t reclen, reccap;
	long rec_line;
	size_t rec_first_len;
	char *raw; /* the record as given to callers */
	size_t rawcap; /* bytes of its first physical line */

	/* fields of the current record */
	char *fb;
	size_t fblen, fbcap;
	size_t *foff, *flen;
	unsigned char *fnull;
	const char **fptr;
	size_t nf, fcap;

	/* header (owned copies) */
	char **hname;
	wf_map *hmap;  /* name -> index + 1 of its first column */
	size_t *hlen;
	unsigned char *hnull;
	size_t hn;
	char *hraw;
	wf_row hdr;

	unsigned long blank;
	char reason[320];

	/* what the first bytes showed: 0 not yet looked, 1 done */
	int sniffed;
	int u16;           /* 1 UTF-16LE, 2 UTF-16BE (BOM), read as UTF-8 */
	unsigned char *u16raw;
	size_t u16n;       /* raw bytes held over (odd byte, lone high surrogate) */
	int cr_only;       /* -1 undecided, 0 no, 1 CR line ends (old Mac) */
	int empty;         /* no header line at all (opts.allow_empty) */

	/* NDJSON: the line with its numbers quoted (quote_numbers) */
	char *jw;
	size_t jwlen, jwcap;

	/* csv_line_fast: byte classes (1 delimiter, 2 quote or CR) */
	unsigned char cls[256];
	unsigned char cls_delim;
};

/* ---- small buffers ---- */

static void grow(char **b, size_t *cap, size_t need)
{
	if (need <= *cap)
		return;
	size_t c = *cap ? *cap : 256;
	while (c < need)
		c *= 2;
	*b = wf_xrealloc(*b, c);
	*cap = c;
}

static void rec_append(wf_reader *r, const char *s, size_t n)
{
	grow(&r->rec, &r->reccap, r->reclen + n + 1);
	memcpy(r->rec + r->reclen, s, n);
	r->reclen += n;
	r->rec[r->reclen] = '\0';
}

static void fields_reset(wf_reader *r)
{
	r->nf = 0;
	r->fblen = 0;
}

static void fields_reserve(wf_reader *r)
{
	if (r->nf == r->fcap) {
		r->fcap = r->fcap ? r->fcap * 2 : 32;
		r->foff = wf_xrealloc(r->foff, r->fcap * sizeof *r->foff);
		r->flen = wf_xrealloc(r->flen, r->fcap * sizeof *r->flen);
		r->fnull = wf_xrealloc(r->fnull, r->fcap);
		r->fptr = wf_xrealloc(r->fptr, r->fcap * sizeof *r->fptr);
	}
}

static void field_add(wf_reader *r, const char *s, size_t n, int isnull)
{
	fields_reserve(r);
	grow(&r->fb, &r->fbcap, r->fblen + n + 1);
	if (n)
		memcpy(r->fb + r->fblen, s, n);
	r->fb[r->fblen + n] = '\0';
	r->foff[r->nf] = r->fblen;
	r->flen[r->nf] = n;
	r->fnull[r->nf] = (unsigned char)isnull;
	r->fblen += n + 1;
	r->nf++;
}

/* The record just cut into r's fields, handed out as row: the one place
 * that fills a wf_row, for the general path and both fast ones. */
static void hand_out(const wf_reader *r, wf_row *row, size_t rawlen)
{
	row->n = r->nf;
	row->f = r->fptr;
	row->len = r->flen;
	row->null = r->fnull;
	row->line = r->rec_line;
	row->raw = r->raw;
	row->rawlen = rawlen;
}

static void fill_row(wf_reader *r, wf_row *row)
{
	for (size_t i = 0; i < r->nf; i++)
		r->fptr[i] = r->fb + r->foff[i];
	/* The raw text is given without its final line ending, in a
	 * copy: the record buffer itself may still be replayed. */
	size_t n = r->reclen;
	while (n > 0 && (r->rec[n - 1] == '\n' || r->rec[n - 1] == '\r'))
		n--;
	grow(&r->raw, &r->rawcap, n + 1);
	memcpy(r->raw, r->rec, n);
	r->raw[n] = '\0';
	hand_out(r, row, n);
}

static int bad(wf_reader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static int bad(wf_reader *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->reason, sizeof r->reason, fmt, ap);
	va_end(ap);
	return WF_ROW_BAD;
}

/* ---- the byte stream ---- */

/* The first bytes of a file that is not text: say what it is instead
 * of "NUL byte at byte 4". NULL when it may be text. */
static const char *not_text(const unsigned char *b, size_t n, int gz)
{
	if (n >= 2 && b[0] == 0x1f && b[1] == 0x8b)
		return gz ? "gzip-compressed twice: decompress it first (zcat FILE | gunzip)"
			  : "gzip-compressed";
	if (n >= 4 && b[0] == 'B' && b[1] == 'Z' && b[2] == 'h' && b[3] >= '1' && b[3] <= '9')
		return "bzip2-compressed: decompress it first (bunzip2)";
	if (n >= 6 && memcmp(b, "\xFD" "7zXZ\0", 6) == 0)
		return "xz-compressed: decompress it first (unxz)";
	if (n >= 4 && memcmp(b, "\x28\xB5\x2F\xFD", 4) == 0)
		return "zstd-compressed: decompress it first (unzstd)";
	if (n >= 4 && memcmp(b, "PK\x03\x04", 4) == 0)
		return "a zip archive (or an Excel workbook): extract the CSV file, "
		       "or export the sheet as CSV";
	if (n >= 8 && memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return "an Excel 97-2003 workbook: export it as CSV";
	/* ASCII text in UTF-16 has a NUL in every other byte. */
	if (n >= 4 && ((b[0] && !b[1] && b[2] && !b[3]) || (!b[0] && b[1] && !b[2] && b[3])))
		return !b[1] ? "UTF-16 text without a BOM: convert it to UTF-8 "
			       "(iconv -f UTF-16LE -t UTF-8)"
			     : "UTF-16 text without a BOM: convert it to UTF-8 "
			       "(iconv -f UTF-16BE -t UTF-8)";
	return NULL;
}

/* UTF-16 (after its BOM) to UTF-8: n raw bytes at s into r->buf. A
 * lone surrogate becomes U+FFFD; an odd final byte or a high surrogate
 * at the end of a read is held over for the next one. */
static void u16_to_utf8(wf_reader *r, const unsigned char *s, size_t n, int eof)
{
	size_t i = 0;

	grow(&r->buf, &r->cap, r->len + n * 2 + 8);
	while (i + 2 <= n) {
		uint32_t c = r->u16 == 1 ? (uint32_t)(s[i] | s[i + 1] << 8)
					 : (uint32_t)(s[i] << 8 | s[i + 1]);
		size_t used = 2;
		if (c >= 0xD800 && c < 0xDC00) {
			if (i + 4 > n && !eof)
				break; /* its pair is in the next read */
			uint32_t d = i + 4 <= n ? (r->u16 == 1 ? (uint32_t)(s[i + 2] | s[i + 3] << 8)
							    : (uint32_t)(s[i + 2] << 8 | s[i + 3]))
						: 0;
			if (d >= 0xDC00 && d < 0xE000) {
				c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
				used = 4;
			} else {
				c = 0xFFFD;
			}
		} else if (c >= 0xDC00 && c < 0xE000) {
			c = 0xFFFD;
		}
		unsigned char *o = (unsigned char *)r->buf + r->len;
		if (c < 0x80) {
			o[0] = (unsigned char)c;
			r->len += 1;
		} else if (c < 0x800) {
			o[0] = (unsigned char)(0xC0 | c >> 6);
			o[1] = (unsigned char)(0x80 | (c & 0x3F));
			r->len += 2;
		} else if (c < 0x10000) {
			o[0] = (unsigned char)(0xE0 | c >> 12);
			o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
			o[2] = (unsigned char)(0x80 | (c & 0x3F));
			r->len += 3;
		} else {
			o[0] = (unsigned char)(0xF0 | c >> 18);
			o[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
			o[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
			o[3] = (unsigned char)(0x80 | (c & 0x3F));
			r->len += 4;
		}
		i += used;
	}
	if (eof && i < n) {
		memcpy(r->buf + r->len, "\xEF\xBF\xBD", 3); /* an odd last byte */
		r->len += 3;
		i = n;
	}
	memmove(r->u16raw, s + i, n - i);
	r->u16n = n - i;
}

/* Read more of the source onto the end of r->buf: through the UTF-16
 * decoder when the file began with a UTF-16 BOM, with old Mac line
 * ends (CR alone) turned into LF. Returns 1, 0 at the end of the
 * source (bytes may still have been added), -1 on error (reason set). */
static int fill(wf_reader *r)
{
	size_t before = r->len;
	ssize_t k;

	if (!r->sniffed) {
		/* What the file is shows in its first 8 bytes. */
		k = 1;
		while (r->len < 8 && k > 0) {
			grow(&r->buf, &r->cap, r->len + CHUNK + 1);
			k = wf_src_read(r->src, r->buf + r->len, r->cap - r->len - 1);
			if (k < 0)
				goto err;
			r->len += (size_t)k;
		}
		r->sniffed = 1;
		const unsigned char *b = (const unsigned char *)r->buf;
		if (r->len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) ||
				    (b[0] == 0xFE && b[1] == 0xFF))) {
			/* Excel's "Unicode text": decode what was read. */
			r->u16 = b[0] == 0xFF ? 1 : 2;
			r->bom = 1;
			r->first_line_done = 1;
			r->enc = WF_ENC_UTF8;
			r->u16raw = wf_xmalloc(CHUNK + 4);
			r->u16n = r->len - 2;
			memcpy(r->u16raw, b + 2, r->u16n);
			r->len = 0;
			u16_to_utf8(r, r->u16raw, r->u16n, k == 0);
		} else {
			const char *what = not_text(b, r->len, wf_src_is_gzip(r->src));
			if (what) {
				snprintf(r->reason, sizeof r->reason, "%s", what);
				r->fatal = 1;
				return -1;
			}
		}
		before = 0;
	} else if (r->u16) {
		k = wf_src_read(r->src, r->u16raw + r->u16n, CHUNK);
		if (k < 0)
			goto err;
		u16_to_utf8(r, r->u16raw, r->u16n + (size_t)k, k == 0);
	} else {
		k = wf_src_read(r->src, r->buf + r->len, r->cap - r->len - 1);
		if (k < 0)
			goto err;
		r->len += (size_t)k;
	}
	if (r->cr_only < 0) {
		/* CR line ends and no LF: unambiguous once a CR is seen with
		 * something after it that is not LF, and no LF before. */
		char *lf = memchr(r->buf, '\n', r->len);
		char *cr = memchr(r->buf, '\r', lf ? (size_t)(lf - r->buf) : r->len);
		if (lf)
			r->cr_only = 0;
		else if (cr && (cr + 1 < r->buf + r->len || k == 0))
			r->cr_only = 1, before = 0;
		else if (k == 0)
			r->cr_only = 0;
	}
	if (r->cr_only > 0)
		for (char *p = r->buf + before;
		     (p = memchr(p, '\r', r->len - (size_t)(p - r->buf))) != NULL; p++)
			*p = '\n';
	return k == 0 ? 0 : 1;
err:
	r->fatal = 1;
	snprintf(r->reason, sizeof r->reason, "%s", wf_src_error(r->src));
	return -1;
}

/* ---- physical lines ---- */

enum { LINE_EOF = 0, LINE_OK = 1, LINE_LONG = 2, LINE_ERR = -1 };

/* Next physical line including its '\n' (the last may lack one). A
 * line longer than the field cap is consumed and reported as LONG
 * without ever being held whole. */
static int next_raw_line(wf_reader *r, const char **line, size_t *n)
{
	size_t maxl = r->o.max_field;
	int toolong = 0;

	for (;;) {
		char *nl = r->len > r->pos ? memchr(r->buf + r->pos, '\n', r->len - r->pos) : NULL;
		if (nl) {
			*line = r->buf + r->pos;
			*n = (size_t)(nl + 1 - (r->buf + r->pos));
			r->pos += *n;
			r->lineno++;
			return toolong || *n > maxl + 2 ? LINE_LONG : LINE_OK;
		}
		if (r->eof) {
			if (r->pos == r->len)
				return toolong ? (r->lineno++, LINE_LONG) : LINE_EOF;
			*line = r->buf + r->pos;
			*n = r->len - r->pos;
			r->pos = r->len;
			r->lineno++;
			return toolong ? LINE_LONG : LINE_OK;
		}
		if (r->len - r->pos > maxl) {
			toolong = 1; /* drop what we hold, keep scanning */
			r->pos = r->len;
		}
		if (r->pos > 0) {
			memmove(r->buf, r->buf + r->pos, r->len - r->pos);
			r->len -= r->pos;
			r->pos = 0;
		}
		if (r->cap - r->len < CHUNK)
			grow(&r->buf, &r->cap, r->len + CHUNK + 1);
		int k = fill(r);
		if (k < 0)
			return LINE_ERR;
		if (k == 0)
			r->eof = 1;
	}
}

/* Windows-1252 0x80-0x9F; undefined slots keep their C1 code points so
 * nothing is lost. */
static const uint16_t cp1252_hi[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178
};

/* Offset of the first invalid UTF-8 byte, or (size_t)-1 when valid. */
static size_t utf8_invalid_at(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		/* ASCII fast path, eight bytes at a time. */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		uint32_t cp;
		size_t k = wf_utf8_decode(s + i, n - i, &cp);
		if (k == 0)
			return i;
		i += k;
	}
	return (size_t)-1;
}

static int has_high(const unsigned char *s, size_t n)
{
	size_t i = 0;

	/* Eight bytes at a time: every line of a pure-ASCII file passes
	 * here while the encoding is still undecided (callgrind, 1 M
	 * canonical rows: next_line 456 M instructions with a byte loop,
	 * 169 M with this). */
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ULL)
			return 1;
	}
	for (; i < n; i++)
		if (s[i] & 0x80)
			return 1;
	return 0;
}

static void put_utf8(wf_reader *r, uint32_t cp)
{
	char *o = r->tl + r->tllen;

	if (cp < 0x80) {
		o[0] = (char)cp;
		r->tllen += 1;
	} else if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		r->tllen += 2;
	} else {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		r->tllen += 3;
	}
}

static void transcode_8bit(wf_reader *r, const unsigned char *s, size_t n)
{
	grow(&r->tl, &r->tlcap, n * 3 + 1);
	r->tllen = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned c = s[i];
		if (c < 0x80)
			r->tl[r->tllen++] = (char)c;
		else if (c < 0xA0 && r->enc == WF_ENC_CP1252)
			put_utf8(r, cp1252_hi[c - 0x80]);
		else
			put_utf8(r, c);
	}
	r->tl[r->tllen] = '\0';
}

/* Bring one physical line to UTF-8 in r->tl. Returns LINE_OK or
 * WF_ROW_BAD-style failure through r->reason (return 0). */
static int transcode(wf_reader *r, const char *line, size_t n)
{
	const unsigned char *s = (const unsigned char *)line;
	const char *nul;

	if (!r->first_line_done) {
		r->first_line_done = 1;
		if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
			s += 3;
			n -= 3;
			r->bom = 1;
			if (r->enc == WF_ENC_AUTO) {
				r->enc = WF_ENC_UTF8;
				r->enc_line = r->lineno;
			}
		}
	}
	if ((nul = memchr(s, '\0', n)) != NULL) {
		bad(r, "NUL byte at byte %zu", (size_t)(nul - (const char *)s) + 1);
		return 0;
	}
	if (r->enc == WF_ENC_AUTO && has_high(s, n)) {
		/* Decide at the first non-ASCII line: valid UTF-8 means
		 * UTF-8, anything else is read as Windows-1252. */
		r->enc = utf8_invalid_at(s, n) == (size_t)-1 ? WF_ENC_UTF8
							      : WF_ENC_CP1252;
		r->enc_line = r->lineno;
	}
	if (r->enc == WF_ENC_CP1252 || r->enc == WF_ENC_LATIN1) {
		transcode_8bit(r, s, n);
		return 1;
	}
	if (r->enc == WF_ENC_UTF8) {
		size_t at = utf8_invalid_at(s, n);
		if (at != (size_t)-1) {
			bad(r, "invalid UTF-8 at byte %zu", at + 1);
			return 0;
		}
	}
	grow(&r->tl, &r->tlcap, n + 1);
	memcpy(r->tl, s, n);
	r->tl[n] = '\0';
	r->tllen = n;
	return 1;
}

/* Next line as UTF-8 in r->tl: replayed lines first, then the source.
 * Returns LINE_OK, LINE_EOF, LINE_ERR (fatal) or WF_ROW_BAD (the line
 * is unusable; reason set, r->tl holds what could be kept). */
static int next_line(wf_reader *r)
{
	const char *line;
	size_t n;
	int st;

	if (r->pbpos < r->pblen) {
		char *s = r->pb + r->pbpos;
		char *nl = memchr(s, '\n', r->pblen - r->pbpos);
		n = nl ? (size_t)(nl + 1 - s) : r->pblen - r->pbpos;
		grow(&r->tl, &r->tlcap, n + 1);
		memcpy(r->tl, s, n);
		r->tl[n] = '\0';
		r->tllen = n;
		r->pbpos += n;
		r->lineno++;
		return LINE_OK;
	}
	st = next_raw_line(r, &line, &n);
	if (st == LINE_EOF || st == LINE_ERR)
		return st;
	if (st == LINE_LONG) {
		r->tllen = 0;
		if (r->tlcap)
			r->tl[0] = '\0';
		bad(r, "line longer than %zu bytes (see --max-field-bytes)",
		    r->o.max_field);
		return WF_ROW_BAD;
	}
	if (!transcode(r, line, n)) {
		/* Keep a printable copy for --rejects. */
		transcode_8bit(r, (const unsigned char *)line, n);
		for (size_t i = 0; i < r->tllen; i++)
			if (r->tl[i] == '\0')
				r->tl[i] = ' ';
		return WF_ROW_BAD;
	}
	return LINE_OK;
}

/* ---- libcsv callbacks ---- */

static void cb_field(void *s, size_t n, void *data)
{
	wf_reader *r = data;

	if (r->rec_done) {
		r->rec_extra = 1;
		return;
	}
	field_add(r, s ? s : "", s ? n : 0, s == NULL);
}

static void cb_row(int c, void *data)
{
	wf_reader *r = data;

	(void)c;
	if (r->rec_done)
		r->rec_extra = 1;
	r->rec_done = 1;
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void parser_reset(wf_reader *r)
{
	if (r->p_init)
		csv_free(&r->p);
	/* Strict: without it a closing quote followed by text ("x"y or
	 * "x" ,1) turns the quote into data and the field runs on,
	 * swallowing every line up to the next quote. csv_feed() handles
	 * what strict mode stops at. */
	csv_init(&r->p, CSV_EMPTY_IS_NULL | CSV_STRICT);
	csv_set_delim(&r->p, (unsigned char)r->delim);
	/* libcsv trims spaces around unquoted fields by default; that
	 * would silently change data (and breaks TAB files). Trailing
	 * spaces are the caller's business. */
	csv_set_space_func(&r->p, no_space);
	r->p_init = 1;
}

static void rec_begin(wf_reader *r)
{
	r->reclen = 0;
	r->rec_done = 0;
	r->rec_extra = 0;
	r->rec_line = 0;
	r->rec_first_len = 0;
	fields_reset(r);
}

/* Reject the first line of the pending record and replay the rest, so
 * an unterminated quote costs one line, not the rest of the file. */
static void replay_after_first(wf_reader *r)
{
	size_t rest = r->reclen - r->rec_first_len;
	size_t left = r->pblen - r->pbpos;
	char *nb = wf_xmalloc(rest + left + 1);

	memcpy(nb, r->rec + r->rec_first_len, rest);
	memcpy(nb + rest, r->pb + r->pbpos, left);
	free(r->pb);
	r->pb = nb;
	r->pblen = rest + left;
	r->pbpos = 0;
	r->lineno = r->rec_line;
	r->reclen = r->rec_first_len;
	parser_reset(r);
}

static int all_null(const wf_reader *r)
{
	for (size_t i = 0; i < r->nf; i++)
		if (!r->fnull[i])
			return 0;
	return 1;
}

/* Bit k set when u[base + k], 0 <= k < 16 and base + k < n, is the
 * delimiter, a quote or a CR. SSE2 (every x86-64) compares 16 bytes at
 * once: finding fields with memchr(), 8 bytes at a time or a byte loop
 * all cost 7 to 9 instructions per byte on canonical rows of short
 * fields; this costs under 1 (callgrind, 1 M canonical rows: csv_next
 * 1.11 G instructions with the 8-byte scan, 0.65 G with this). */
static inline unsigned special16(const wf_reader *r, const unsigned char *u,
				 size_t base, size_t n)
{
	unsigned m = 0;
#ifdef __SSE2__
	if (base + 16 <= n) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + base));
		__m128i e = _mm_or_si128(
			_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)r->delim)),
				     _mm_cmpeq_epi8(x, _mm_set1_epi8('"'))),
			_mm_cmpeq_epi8(x, _mm_set1_epi8('\r')));
		return (unsigned)_mm_movemask_epi8(e);
	}
#endif
	for (size_t k = base; k < n && k < base + 16; k++)
		if (r->cls[u[k]])
			m |= 1u << (k - base);
	return m;
}

/* A whole record on one line with no quote and no carriage return
 * other than the final CRLF is split here, without libcsv: that was
 * 45% of wf-benchmark's time and 25% of wf-ingest's (perf, 2026-11-27;
 * wf-ingest on a 57 MB 2024 COSTO_LAVORO file went from 101 to 237 MB/s
 * with the changes that followed).
 * The result is what libcsv gives for such a line: every delimiter
 * ends a field, an empty field is NULL (CSV_EMPTY_IS_NULL), nothing is
 * trimmed. Anything else (quotes, blank lines, a last line without its
 * newline) takes the general path. Returns 1 when the row is filled. */
static int csv_line_fast(wf_reader *r, wf_row *row)
{
	char *s = r->tl;
	size_t n = r->tllen;
	unsigned char delim = (unsigned char)r->delim;

	if (n < 2 || s[n - 1] != '\n' || r->p.pstate != LIBCSV_ROW_NOT_BEGUN)
		return 0;
	n--;
	if (s[n - 1] == '\r')
		n--;
	if (n == 0)
		return 0;
	if (r->cls_delim != delim) {
		memset(r->cls, 0, sizeof r->cls);
		r->cls[delim] = 1;
		r->cls['"'] = r->cls['\r'] = 2;
		r->cls_delim = delim;
	}
	/* Cut r->tl (the reader's own copy of the line, rewritten by the
	 * next one) into fields in place. */
	grow(&r->raw, &r->rawcap, n + 1);
	memcpy(r->raw, s, n);
	r->raw[n] = '\0';
	unsigned char *u = (unsigned char *)s;
	size_t at = 0;
	for (size_t base = 0; base < n; base += 16) {
		unsigned m = special16(r, u, base, n);
		while (m) {
			size_t i = base + (size_t)__builtin_ctz(m);
			m &= m - 1;
			if (u[i] != delim) {
				/* A quote or a CR: put the line back as it
				 * was, libcsv reads it. */
				for (size_t f = 0; f < r->nf; f++)
					s[r->foff[f] + r->flen[f]] = (char)delim;
				fields_reset(r);
				return 0;
			}
			u[i] = '\0';
			if (r->nf == r->fcap)
				fields_reserve(r);
			r->foff[r->nf] = at;
			r->flen[r->nf] = i - at;
			r->fnull[r->nf] = i == at;
			r->fptr[r->nf] = s + at;
			r->nf++;
			at = i + 1;
		}
	}
	if (r->nf == r->fcap)
		fields_reserve(r);
	r->foff[r->nf] = at; /* the end of the line ends the last field */
	r->flen[r->nf] = n - at;
	r->fnull[r->nf] = n == at;
	r->fptr[r->nf] = s + at;
	r->nf++;
	s[n] = '\0';
	r->rec_line = r->lineno;
	hand_out(r, row, n);
	return 1;
}

/* The common line of a large file, read straight from the input
 * buffer in one pass: complete (its '\n' is there), after the header,
 * nothing replayed or pending, pure ASCII (the same bytes in every
 * encoding, nothing to decide or transcode), no NUL, no quote, no CR
 * but one before the '\n', not blank, not over the cap. One SSE2 scan
 * finds the line end and the delimiters together; the line is copied
 * once (raw) and cut into fields in place. next_line() and
 * csv_line_fast() went over each byte six times (memchr for the line
 * end, memchr for NUL, the ASCII check, two copies, the field scan).
 * Anything else returns 0 having changed nothing, and the general path
 * reads the line. The result is what csv_line_fast() gives. */
static int csv_line_direct(wf_reader *r, wf_row *row)
{
	if (r->o.no_direct || r->pbpos < r->pblen || !r->first_line_done || r->reclen ||
	    r->p.pstate != LIBCSV_ROW_NOT_BEGUN || r->pos >= r->len)
		return 0;
	unsigned char *u = (unsigned char *)r->buf + r->pos;
	size_t avail = r->len - r->pos, lim = r->o.max_field + 2, e = (size_t)-1;
	size_t cr = (size_t)-1; /* the first CR */
	unsigned char delim = (unsigned char)r->delim;

	if (lim > avail)
		lim = avail;
	fields_reset(r);
	size_t base = 0;
#ifdef __SSE2__
	const __m128i vd = _mm_set1_epi8((char)delim), vn = _mm_set1_epi8('\n'),
		      vq = _mm_set1_epi8('"'), vr = _mm_set1_epi8('\r'),
		      vz = _mm_setzero_si128();
	for (; base + 16 <= lim; base += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + base));
		unsigned nl = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, vn));
		unsigned bad = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			_mm_cmpeq_epi8(x, vq), _mm_cmpeq_epi8(x, vz))) |
			(unsigned)_mm_movemask_epi8(x); /* bytes >= 0x80 */
		unsigned crm = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, vr));
		unsigned dm = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, vd));
		unsigned keep = 0xFFFFu;
		if (nl) {
			unsigned k = (unsigned)__builtin_ctz(nl);
			keep = (1u << k) - 1;
			e = base + k;
		}
		if (bad & keep)
			return 0;
		if ((crm & keep) && cr == (size_t)-1)
			cr = base + (size_t)__builtin_ctz(crm & keep);
		for (dm &= keep; dm; dm &= dm - 1) {
			if (r->nf == r->fcap)
				fields_reserve(r);
			r->foff[r->nf++] = base + (size_t)__builtin_ctz(dm);
		}
		if (e != (size_t)-1)
			break;
	}
#endif
	for (; e == (size_t)-1 && base < lim; base++) {
		unsigned char c = u[base];
		if (c == '\n') {
			e = base;
			break;
		}
		if (c == '"' || c == 0 || c >= 0x80)
			return 0;
		if (c == '\r' && cr == (size_t)-1)
			cr = base;
		if (c == delim) {
			if (r->nf == r->fcap)
				fields_reserve(r);
			r->foff[r->nf++] = base;
		}
	}
	if (e == (size_t)-1 || e > r->o.max_field + 1)
		return 0; /* no line end here: refill, a last line, or too long */
	size_t n = e;
	if (n && u[n - 1] == '\r')
		n--;
	if (cr < n || n == 0)
		return 0; /* a CR inside (libcsv's message), or a blank line */
	/* the delimiters so far are positions; a CR stripped may follow one */
	size_t nd = r->nf;
	while (nd && r->foff[nd - 1] >= n)
		nd--;
	grow(&r->raw, &r->rawcap, n + 1);
	memcpy(r->raw, u, n);
	r->raw[n] = '\0';
	char *s = (char *)u;
	size_t at = 0;
	if (nd + 1 > r->fcap)
		fields_reserve(r);
	for (size_t i = 0; i < nd; i++) {
		size_t d = r->foff[i];
		s[d] = '\0';
		r->foff[i] = at;
		r->flen[i] = d - at;
		r->fnull[i] = d == at;
		r->fptr[i] = s + at;
		at = d + 1;
	}
	r->foff[nd] = at;
	r->flen[nd] = n - at;
	r->fnull[nd] = n == at;
	r->fptr[nd] = s + at;
	r->nf = nd + 1;
	s[n] = '\0';
	r->pos += e + 1;
	r->lineno++;
	r->rec_line = r->lineno;
	hand_out(r, row, n);
	return 1;
}

/* csv_parse() in strict mode, over one line. It stops at two things:
 * a quote inside an unquoted field (x"y: data, as every spreadsheet
 * reads it, so it is fed once more without strictness), and text after
 * a closing quote: spaces then a delimiter or the line end are dropped
 * (spreadsheets write "RALN" ;), anything else makes the record bad.
 * Returns 0, or -1 with the reason set. */
static int csv_feed(wf_reader *r, const char *s, size_t n)
{
	size_t at = 0;
	unsigned char opts = (unsigned char)csv_get_opts(&r->p);

	while (at < n) {
		size_t k = at + csv_parse(&r->p, s + at, n - at, cb_field, cb_row, r);
		if (k >= n)
			break;
		if (csv_error(&r->p) != CSV_EPARSE) {
			bad(r, "%s", csv_strerror(csv_error(&r->p)));
			return -1;
		}
		r->p.status = CSV_SUCCESS;
		if (r->p.pstate == LIBCSV_FIELD_MIGHT_HAVE_ENDED) {
			size_t e = k;
			while (e < n && (s[e] == ' ' || s[e] == '\t'))
				e++;
			if (e < n && s[e] == '\r' && e + 1 < n && s[e + 1] == '\n')
				e++;
			if (e > k && (e == n || s[e] == r->delim || s[e] == '\n')) {
				at = e;
				continue;
			}
			bad(r, "text after the closing quote of field %zu", r->nf + 1);
			return -1;
		}
		/* A quote in an unquoted field. */
		csv_set_opts(&r->p, opts & (unsigned char)~CSV_STRICT);
		csv_parse(&r->p, s + k, 1, cb_field, cb_row, r);
		csv_set_opts(&r->p, opts);
		at = k + 1;
	}
	return 0;
}

static int csv_next(wf_reader *r, wf_row *row)
{
	int st;

	rec_begin(r);
	if (csv_line_direct(r, row))
		return WF_ROW_OK;
	fields_reset(r); /* what it found before giving up */
	for (;;) {
		st = next_line(r);
		if (st == LINE_ERR)
			return WF_ROW_FATAL;
		if (st == LINE_EOF) {
			if (r->reclen == 0)
				return WF_ROW_EOF;
			if (r->p.pstate == LIBCSV_FIELD_BEGUN && r->p.quoted) {
				fill_row(r, row);
				replay_after_first(r);
				fill_row(r, row);
				return bad(r, "unterminated quoted field");
			}
			csv_fini(&r->p, cb_field, cb_row, r);
			parser_reset(r);
			break;
		}
		if (st == WF_ROW_BAD) {
			/* The line is unusable; so is any record it belongs to. */
			if (r->reclen == 0)
				r->rec_line = r->lineno;
			rec_append(r, r->tl, r->tllen);
			parser_reset(r);
			fill_row(r, row);
			return WF_ROW_BAD;
		}
		if (r->reclen == 0) {
			if (csv_line_fast(r, row))
				return WF_ROW_OK;
			r->rec_line = r->lineno;
			r->rec_first_len = r->tllen;
		}
		rec_append(r, r->tl, r->tllen);
		if (csv_feed(r, r->tl, r->tllen)) {
			long first = r->rec_line;
			fill_row(r, row);
			if (r->lineno > first) {
				/* The quote that went wrong may be the one that
				 * opened the record: its first line is rejected,
				 * the others are read again. */
				long closed = r->lineno;
				replay_after_first(r);
				fill_row(r, row);
				return bad(r, "quote opened here is closed on line %ld "
					   "and followed by text (unterminated quote?)",
					   closed);
			}
			parser_reset(r);
			return WF_ROW_BAD;
		}
		if (r->rec_done)
			break;
		if (r->p.pstate == LIBCSV_ROW_NOT_BEGUN) {
			if (r->hn == 1) {
				/* In a one-column file an empty line is an
				 * empty value, not nothing: dropping it would
				 * lose a row without a word. */
				fields_reset(r);
				field_add(r, "", 0, 1);
				r->rec_line = r->lineno;
				fill_row(r, row);
				return WF_ROW_OK;
			}
			/* An empty line. */
			r->blank++;
			rec_begin(r);
			continue;
		}
		if (r->reclen > r->o.max_field) {
			fill_row(r, row);
			replay_after_first(r);
			fill_row(r, row);
			return bad(r, "quoted field runs over %zu bytes "
				   "(unterminated quote?)", r->o.max_field);
		}
	}
	fill_row(r, row);
	if (r->rec_extra) {
		parser_reset(r);
		return bad(r, "carriage return inside an unquoted field "
			   "(old Mac line endings are not supported)");
	}
	return WF_ROW_OK;
}

/* ---- NDJSON ---- */

/* Append the JSON number s (valid) to r->jw as plain decimal text,
 * exactly: 1.5e3 is 1500, 12e-3 0.012. An exponent past 40 either way
 * keeps its text, which no decimal reader accepts (out of range). */
static void plain_number(wf_reader *r, const char *s, size_t n)
{
	const char *e = memchr(s, 'e', n);
	if (!e)
		e = memchr(s, 'E', n);
	grow(&r->jw, &r->jwcap, r->jwlen + n + 48);
	char *o = r->jw + r->jwlen;
	if (!e || n - (size_t)(e - s) > 4) {
		memcpy(o, s, n);
		r->jwlen += n;
		return;
	}
	long exp = strtol(e + 1, NULL, 10);
	if (exp > 40 || exp < -40) {
		memcpy(o, s, n);
		r->jwlen += n;
		return;
	}
	/* digits without the point, and where the point goes */
	char dig[48];
	size_t nd = 0, at = 0;
	long point = 0;
	if (*s == '-')
		o[at++] = *s++;
	for (const char *p = s; p < e; p++) {
		if (*p == '.')
			point = (long)nd;
		else if (nd < sizeof dig)
			dig[nd++] = *p;
	}
	if (!memchr(s, '.', (size_t)(e - s)))
		point = (long)nd;
	if (nd == sizeof dig) {
		/* a mantissa this long: leave the text as it is */
		memcpy(o, s - (o[0] == '-'), n);
		r->jwlen += n;
		return;
	}
	point += exp;
	/* integer part, without leading zeros */
	size_t start = at;
	for (long i = 0; i < point; i++) {
		char c = i < (long)nd ? dig[i] : '0';
		if (c == '0' && at == start && i + 1 < point)
			continue;
		o[at++] = c;
	}
	if (point <= 0)
		o[at++] = '0';
	if (point < (long)nd) {
		o[at++] = '.';
		for (long i = point; i < 0; i++)
			o[at++] = '0';
		for (long i = point < 0 ? 0 : point; i < (long)nd; i++)
			o[at++] = dig[i];
	}
	r->jwlen += at;
}

/* The line with every number value turned into a string of its own
 * text, in r->jw: jansson keeps numbers only as a long long or a
 * double and has no way to give back their text, and money read
 * through a double is changed (123456789.123456789 becomes
 * ...12345679). Tokens that are not valid numbers are left for jansson
 * to reject. Returns 0 when the line has no number. */
static size_t quote_numbers(wf_reader *r, const char *s, size_t n)
{
	size_t i = 0, run = 0;
	int in_str = 0, found = 0;
	char prev = 0;

	r->jwlen = 0;
	while (i < n) {
		char c = s[i];
		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = 0;
			i++;
			continue;
		}
		if (c == '"') {
			in_str = 1;
			prev = c;
			i++;
			continue;
		}
		if ((c == '-' || (c >= '0' && c <= '9')) && (prev == ':' || prev == ',' || prev == '[')) {
			size_t j = i;
			while (j < n && strchr("0123456789+-.eE", s[j]) && s[j])
				j++;
			if (wf_json_is_number(s + i, j - i)) {
				grow(&r->jw, &r->jwcap, r->jwlen + (i - run) + 2);
				memcpy(r->jw + r->jwlen, s + run, i - run);
				r->jwlen += i - run;
				r->jw[r->jwlen++] = '"';
				plain_number(r, s + i, j - i);
				r->jw[r->jwlen++] = '"';
				run = j;
				found = 1;
			}
			prev = '0';
			i = j;
			continue;
		}
		if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
			prev = c;
		i++;
	}
	if (!found)
		return 0;
	grow(&r->jw, &r->jwcap, r->jwlen + (n - run) + 1);
	memcpy(r->jw + r->jwlen, s + run, n - run);
	r->jwlen += n - run;
	return r->jwlen;
}

static int set_header(wf_reader *r, char **names, size_t *lens, size_t n,
		      const char *raw, size_t rawlen);

static int json_next(wf_reader *r, wf_row *row, int is_header)
{
	json_error_t err;
	json_t *o = NULL;
	int st, ret = WF_ROW_OK;

	rec_begin(r);
	for (;;) {
		st = next_line(r);
		if (st == LINE_ERR)
			return WF_ROW_FATAL;
		if (st == LINE_EOF)
			return WF_ROW_EOF;
		r->rec_line = r->lineno;
		rec_append(r, r->tl, r->tllen);
		if (st == WF_ROW_BAD) {
			fill_row(r, row);
			return WF_ROW_BAD;
		}
		size_t k = 0;
		while (k < r->tllen && strchr(" \t\r\n", r->tl[k]))
			k++;
		if (k < r->tllen)
			break;
		r->blank++;
		rec_begin(r);
	}
	fill_row(r, row);
	{
		size_t ql = quote_numbers(r, r->tl, r->tllen);
		o = json_loadb(ql ? r->jw : r->tl, ql ? ql : r->tllen, JSON_REJECT_DUPLICATES, &err);
		if (!o && ql)
			/* the message and column as the line is written */
			json_decref(json_loadb(r->tl, r->tllen, JSON_REJECT_DUPLICATES, &err));
	}
	if (!o) {
		ret = bad(r, "invalid JSON: %s (column %d)", err.text, err.column);
		goto out;
	}
	if (!json_is_object(o)) {
		ret = bad(r, "not a JSON object");
		goto out;
	}
	if (is_header) {
		size_t n = json_object_size(o), i = 0;
		char **names = wf_xcalloc(n, sizeof *names);
		size_t *lens = wf_xcalloc(n, sizeof *lens);
		const char *key;
		json_t *v;
		json_object_foreach(o, key, v) {
			names[i] = (char *)key;
			lens[i++] = strlen(key);
		}
		set_header(r, names, lens, n, NULL, 0);
		free(names);
		free(lens);
	}
	{
		const char *key;
		json_t *v;

		fields_reset(r);
		for (size_t i = 0; i < r->hn; i++)
			field_add(r, "", 0, 1);
		json_object_foreach(o, key, v) {
			int c = wf_reader_col(r, key);
			const char *s = NULL;
			size_t sl = 0;
			if (c < 0) {
				ret = bad(r, "unexpected key '%s'", key);
				goto out;
			}
			switch (json_typeof(v)) {
			case JSON_STRING:
				s = json_string_value(v);
				sl = json_string_length(v);
				/* jansson refuses \u0000 without JSON_ALLOW_NUL (not passed):
				 * a second guard, should that flag ever be added */
				if (memchr(s, '\0', sl)) { /* LCOV_EXCL_BR_LINE: see above */
					ret = bad(r, "NUL character in key '%s'", key); /* LCOV_EXCL_LINE: see above */
					goto out; /* LCOV_EXCL_LINE: see above */
				}
				break;
			case JSON_TRUE: s = "true"; sl = 4; break;
			case JSON_FALSE: s = "false"; sl = 5; break;
			case JSON_NULL: break;
			default:
				ret = bad(r, "nested value for key '%s'", key);
				goto out;
			}
			if (s) {
				/* Append, then point the column at it. */
				size_t save = r->nf;
				field_add(r, s, sl, 0);
				r->nf = save;
				r->foff[c] = r->fblen - sl - 1;
				r->flen[c] = sl;
				r->fnull[c] = 0;
			}
		}
		fill_row(r, row);
	}
out:
	json_decref(o);
	if (ret == WF_ROW_BAD)
		fill_row(r, row);
	return ret;
}

/* ---- header and dialect ---- */

static int set_header(wf_reader *r, char **names, size_t *lens, size_t n,
		      const char *raw, size_t rawlen)
{
	r->hn = n;
	r->hname = wf_xcalloc(n, sizeof *r->hname);
	r->hlen = wf_xcalloc(n, sizeof *r->hlen);
	r->hnull = wf_xcalloc(n, 1);
	for (size_t i = 0; i < n; i++) {
		r->hname[i] = wf_xstrndup(names[i], lens[i]);
		r->hlen[i] = lens[i];
	}
	/* wf_reader_col() runs once per NDJSON key: a linear search made a
	 * 100,000-key line cost minutes. */
	r->hmap = wf_map_new();
	for (size_t i = 0; i < n; i++) {
		void **slot = wf_map_slot(r->hmap, r->hname[i], strlen(r->hname[i]));
		if (!*slot)
			*slot = (void *)(uintptr_t)(i + 1);
	}
	r->hraw = wf_xstrndup(raw ? raw : "", raw ? rawlen : 0);
	r->hdr.n = n;
	r->hdr.f = (const char *const *)r->hname;
	r->hdr.len = r->hlen;
	r->hdr.null = r->hnull;
	r->hdr.line = r->rec_line;
	r->hdr.raw = r->hraw;
	r->hdr.rawlen = rawlen;
	return 0;
}

/* Count candidate delimiters outside quotes in the header line. */
static int detect_delim(wf_reader *r, const char *s, size_t n)
{
	size_t cnt[3] = { 0, 0, 0 };
	const char cand[3] = { ';', ',', '\t' };
	int q = 0, best = -1, tie = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			q = !q;
		else if (!q)
			for (int k = 0; k < 3; k++)
				cnt[k] += s[i] == cand[k];
	}
	for (int k = 0; k < 3; k++) {
		if (cnt[k] == 0)
			continue;
		if (best < 0 || cnt[k] > cnt[best]) {
			best = k;
			tie = 0;
		} else if (cnt[k] == cnt[best]) {
			tie = 1;
		}
	}
	if (tie) {
		snprintf(r->reason, sizeof r->reason,
			 "cannot tell the delimiter from the header "
			 "(%zu ';', %zu ',', %zu TAB); use -d", cnt[0], cnt[1], cnt[2]);
		return -1;
	}
	/* A one-column file has no delimiter to find; ',' is harmless. */
	r->delim = best < 0 ? ',' : cand[best];
	return 0;
}

wf_reader *wf_reader_new(wf_src *src, const wf_reader_opts *opts)
{
	wf_reader *r = wf_xcalloc(1, sizeof *r);
	wf_row row;
	long fail_line = 0;
	int st;

	r->src = src;
	if (opts)
		r->o = *opts;
	if (!r->o.max_field)
		r->o.max_field = DEFAULT_MAX_FIELD;
	r->enc = r->o.encoding;
	r->fmt = r->o.format;
	r->cr_only = -1;
	r->delim = r->o.delim;

	/* Settle format and delimiter from the first line, then replay
	 * it through the normal path so line numbers stay right. */
	st = next_line(r);
	if (st == LINE_ERR)
		goto fail;
	if (st == LINE_EOF)
		goto empty;
	if (st == WF_ROW_BAD) {
		fail_line = 1;
		goto fail;
	}
	if (r->fmt == WF_FMT_AUTO) {
		size_t k = 0;
		while (k < r->tllen && strchr(" \t", r->tl[k]))
			k++;
		r->fmt = k < r->tllen && r->tl[k] == '{' ? WF_FMT_NDJSON : WF_FMT_CSV;
	}
	if (r->fmt == WF_FMT_CSV && !r->delim && detect_delim(r, r->tl, r->tllen))
		goto fail;
	r->pb = wf_xstrndup(r->tl, r->tllen);
	r->pblen = r->tllen;
	r->pbpos = 0;
	r->lineno = 0;

	if (r->fmt == WF_FMT_NDJSON) {
		st = json_next(r, &row, 1);
		if (st != WF_ROW_OK) {
			fail_line = r->rec_line;
			goto fail;
		}
		if (wf_fact_header_problem(wf_reader_header(r), r->reason, sizeof r->reason)) {
			fail_line = r->rec_line;
			goto fail;
		}
		/* The first object is also the first data row: replay it. */
		r->pb = wf_xrealloc(r->pb, r->reclen + 1);
		memcpy(r->pb, r->rec, r->reclen);
		r->pblen = r->reclen;
		r->pbpos = 0;
		r->lineno = r->rec_line - 1;
		return r;
	}
	parser_reset(r);
	st = csv_next(r, &row);
	if (st == WF_ROW_EOF)
		goto empty;
	if (st != WF_ROW_OK) {
		fail_line = row.line;
		goto fail;
	}
	set_header(r, (char **)row.f, (size_t *)row.len, row.n, row.raw, row.rawlen);
	/* Here, so that every tool reading the canonical stream (or any
	 * table) refuses a near miss of its header in the same words. */
	if (wf_fact_header_problem(wf_reader_header(r), r->reason, sizeof r->reason)) {
		fail_line = row.line;
		goto fail;
	}
	return r;
empty:
	/* 0 bytes, only a BOM (UTF-8 or UTF-16) or only blank lines: one
	 * case, whatever the tool. */
	if (r->o.allow_empty) {
		r->fmt = WF_FMT_CSV;
		r->delim = r->delim ? r->delim : ',';
		r->empty = 1;
		set_header(r, NULL, NULL, 0, NULL, 0);
		return r;
	}
	snprintf(r->reason, sizeof r->reason, "empty input (no header line)");
fail:
	wf_warn_at(wf_src_name(src), fail_line, "%s", r->reason);
	wf_reader_free(r);
	return NULL;
}

int wf_reader_next(wf_reader *r, wf_row *row)
{
	int st;

	memset(row, 0, sizeof *row);
	if (r->fatal)
		return WF_ROW_FATAL;
	for (;;) {
		st = r->fmt == WF_FMT_NDJSON ? json_next(r, row, 0) : csv_next(r, row);
		if (st != WF_ROW_OK)
			return st;
		if (r->fmt == WF_FMT_CSV && r->hn != 1 && all_null(r)) {
			/* ";;;;;;;;" rows: no data at all, counted not kept. */
			r->blank++;
			continue;
		}
		if (r->fmt == WF_FMT_CSV && row->n != r->hn)
			return bad(r, "expected %zu fields, found %zu", r->hn, row->n);
		return WF_ROW_OK;
	}
}

const char *wf_reader_reason(const wf_reader *r) { return r->reason; }
const wf_row *wf_reader_header(const wf_reader *r) { return &r->hdr; }
const char *wf_reader_name(const wf_reader *r) { return wf_src_name(r->src); }
wf_src *wf_reader_src(wf_reader *r) { return r->src; }
enum wf_format wf_reader_format(const wf_reader *r) { return r->fmt; }
char wf_reader_delim(const wf_reader *r) { return r->delim; }
int wf_reader_had_bom(const wf_reader *r) { return r->bom; }
int wf_reader_cr_only(const wf_reader *r) { return r->cr_only > 0; }
int wf_reader_empty(const wf_reader *r) { return r->empty; }
unsigned long wf_reader_blank(const wf_reader *r) { return r->blank; }

int wf_names_col(const char *const *names, size_t n, const char *name)
{
	int at = -1;

	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0) {
			if (at >= 0)
				return WF_COL_TWICE;
			at = (int)i;
		}
	return at;
}

int wf_reader_col(const wf_reader *r, const char *name)
{
	void *v = r->hmap ? wf_map_get(r->hmap, name, strlen(name)) : NULL;

	return v ? (int)((uintptr_t)v - 1) : -1;
}

const char *wf_reader_encoding(const wf_reader *r, long *decided_at)
{
	if (decided_at)
		*decided_at = r->enc_line;
	if (r->u16)
		return r->u16 == 1 ? "utf-16le" : "utf-16be";
	if (r->enc == WF_ENC_AUTO)
		return "ascii";
	return wf_encoding_name(r->enc);
}

void wf_reader_free(wf_reader *r)
{
	if (!r)
		return;
	if (r->p_init)
		csv_free(&r->p);
	for (size_t i = 0; i < r->hn; i++)
		free(r->hname[i]);
	free(r->hname);
	wf_map_free(r->hmap);
	free(r->hlen);
	free(r->hnull);
	free(r->hraw);
	free(r->buf);
	free(r->u16raw);
	free(r->jw);
	free(r->pb);
	free(r->tl);
	free(r->rec);
	free(r->raw);
	free(r->fb);
	free(r->foff);
	free(r->flen);
	free(r->fnull);
	free(r->fptr);
	wf_src_free(r->src);
	free(r);
}

int wf_format_parse(const char *s)
{
	if (strcmp(s, "csv") == 0)
		return WF_FMT_CSV;
	if (strcmp(s, "ndjson") == 0 || strcmp(s, "jsonl") == 0)
		return WF_FMT_NDJSON;
	if (strcmp(s, "auto") == 0)
		return WF_FMT_AUTO;
	return -1;
}

int wf_encoding_parse(const char *s)
{
	if (strcmp(s, "auto") == 0)
		return WF_ENC_AUTO;
	if (strcmp(s, "utf-8") == 0 || strcmp(s, "utf8") == 0)
		return WF_ENC_UTF8;
	if (strcmp(s, "cp1252") == 0 || strcmp(s, "windows-1252") == 0)
		return WF_ENC_CP1252;
	if (strcmp(s, "latin1") == 0 || strcmp(s, "iso-8859-1") == 0)
		return WF_ENC_LATIN1;
	return -1;
}

const char *wf_encoding_name(enum wf_encoding e)
{
	switch (e) {
	case WF_ENC_UTF8: return "utf-8";
	case WF_ENC_CP1252: return "cp1252";
	case WF_ENC_LATIN1: return "latin1";
	default: return "auto";
	}
}

wf_reader *wf_reader_open(const char *path, const wf_reader_opts *opts)
{
	wf_src *s = wf_src_open(path);

	return s ? wf_reader_new(s, opts) : NULL;
}
