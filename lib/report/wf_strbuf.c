#include "wf_strbuf.h"
#include "wf_text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"
#include "wf_table.h"

static void grow(wf_strbuf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	b->s = wf_xrealloc(b->s, cap);
	b->cap = cap;
}

void wf_strbuf_add(wf_strbuf *b, const char *p, size_t n)
{
	grow(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void wf_strbuf_puts(wf_strbuf *b, const char *s)
{
	wf_strbuf_add(b, s, strlen(s));
}

void wf_strbuf_putc(wf_strbuf *b, char c)
{
	grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

void wf_strbuf_printf(wf_strbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) /* LCOV_EXCL_BR_LINE: only for over INT_MAX bytes or a bad wide character */
		return; /* LCOV_EXCL_LINE: as above; no report formats either */
	grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

const char *wf_strbuf_str(const wf_strbuf *b)
{
	return b->s ? b->s : "";
}

char *wf_strbuf_steal(wf_strbuf *b)
{
	char *s = b->s ? b->s : wf_xstrdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void wf_strbuf_reset(wf_strbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void wf_strbuf_release(wf_strbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}


static const char REPL[] = "\xef\xbf\xbd";

void wf_strbuf_xml(wf_strbuf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;

	while (p < e) {
		uint32_t cp;
		size_t l = wf_utf8_decode(p, (size_t)(e - p), &cp);

		if (l == 0) {
			wf_strbuf_add(b, REPL, 3);
			p++;
			continue;
		}
		switch (cp) {
		case '&': wf_strbuf_puts(b, "&amp;"); break;
		case '<': wf_strbuf_puts(b, "&lt;"); break;
		case '>': wf_strbuf_puts(b, "&gt;"); break;
		case '"': wf_strbuf_puts(b, "&quot;"); break;
		case '\'': wf_strbuf_puts(b, "&#39;"); break;
		default:
			/* XML 1.0 forbids most C0 controls even as entities. */
			if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7f ||
			    cp == 0xfffe || cp == 0xffff)
				wf_strbuf_add(b, REPL, 3);
			else
				wf_strbuf_add(b, (const char *)p, l);
		}
		p += l;
	}
}

void wf_strbuf_json(wf_strbuf *b, const char *s, size_t n)
{
	grow(b, WF_JSON_MAXLEN(n));
	b->len += wf_json_escape(b->s + b->len, s, n);
	b->s[b->len] = '\0';
}

static int cp_width(unsigned cp)
{
	if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
	    (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
	    (cp >= 0xfe20 && cp <= 0xfe2f) || (cp >= 0xfe00 && cp <= 0xfe0f) ||
	    (cp >= 0x200b && cp <= 0x200f) || cp == 0xfeff || cp == 0x00ad)
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
	    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
	    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd))
		return 2;
	return 1;
}

void wf_strbuf_visible(wf_strbuf *b, size_t from)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p, *e;
	wf_strbuf t = WF_STRBUF_INIT;
	size_t i;

	/* Most text has nothing to show: look before copying. */
	for (i = from; i < b->len; i++) {
		unsigned char c = (unsigned char)b->s[i];
		if ((c < 0x20 && c != '\n' && c != '\t') || c >= 0x7F)
			break;
	}
	if (i == b->len)
		return;
	p = (const unsigned char *)b->s + i;
	e = (const unsigned char *)b->s + b->len;
	wf_strbuf_add(&t, b->s + i, 0);
	while (p < e) {
		uint32_t cp;
		size_t l;
		if (*p < 0x80 && ((*p >= 0x20 && *p != 0x7F) || *p == '\n' || *p == '\t')) {
			wf_strbuf_putc(&t, (char)*p++);
			continue;
		}
		l = *p < 0x80 ? 1 : wf_utf8_decode(p, (size_t)(e - p), &cp);
		if (l == 1 || l == 0) {
			char esc[4] = { '\\', 'x', hex[*p >> 4], hex[*p & 15] };
			wf_strbuf_add(&t, esc, 4);
			p++;
		} else if (cp < 0xA0) {
			char esc[6] = { '\\', 'u', '0', '0', hex[cp >> 4], hex[cp & 15] };
			wf_strbuf_add(&t, esc, 6);
			p += l;
		} else {
			wf_strbuf_add(&t, (const char *)p, l);
			p += l;
		}
	}
	b->len = i;
	wf_strbuf_add(b, t.s, t.len);
	wf_strbuf_release(&t);
}

size_t wf_utf8_width(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	size_t w = 0;

	while (p < e) {
		uint32_t cp;
		size_t l = wf_utf8_decode(p, (size_t)(e - p), &cp);

		if (l == 0) {
			w++;
			p++;
			continue;
		}
		w += (size_t)cp_width(cp);
		p += l;
	}
	return w;
}

void wf_strbuf_trunc(wf_strbuf *b, const char *s, size_t n, size_t max)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	size_t w = 0;

	if (wf_utf8_width(s, n) <= max) {
		wf_strbuf_add(b, s, n);
		return;
	}
	if (max == 0)
		return;
	/* Stops only at a character of width 1 or 2, so combining marks
	 * (width 0) that follow the last kept character stay with it. */
	while (p < e) { /* LCOV_EXCL_BR_LINE: s is wider than max, so the break comes first */
		uint32_t cp;
		size_t l = wf_utf8_decode(p, (size_t)(e - p), &cp);
		int cw = l ? cp_width(cp) : 1;

		if (l == 0)
			l = 1;
		if (w + (size_t)cw > max - 1)
			break;
		w += (size_t)cw;
		p += l;
	}
	wf_strbuf_add(b, s, (size_t)((const char *)p - s));
	wf_strbuf_puts(b, "\xe2\x80\xa6");
}

/* Digits of |v| with the point before the last `dec` digits and groups
 * of three in the integer part. */
static void put_scaled(wf_strbuf *b, unsigned __int128 u, int neg, const wf_numfmt *f)
{
	char digits[64];
	int n = 0, dec = f->decimals, i;

	do {
		digits[n++] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u || n <= dec);
	if (neg)
		wf_strbuf_putc(b, '-');
	for (i = n - 1; i >= 0; i--) {
		int pos = i - dec; /* index within the integer part, from the right */
		wf_strbuf_putc(b, digits[i]);
		if (pos > 0 && f->group && pos % 3 == 0)
			wf_strbuf_putc(b, f->group);
		if (i == dec && dec > 0)
			wf_strbuf_putc(b, f->point);
	}
}

void wf_strbuf_dec(wf_strbuf *b, wf_dec d, const wf_numfmt *f)
{
	__int128 v = wf_dec_mant(d);
	int dec = f->decimals < 0 ? 0 : f->decimals > 9 ? 9 : f->decimals;
	wf_numfmt g = *f;
	unsigned __int128 u;
	int neg;

	g.decimals = dec;
	if (d.s > dec) {
		__int128 p = 1, q, r;
		for (int i = 0; i < d.s - dec; i++)
			p *= 10;
		q = v / p;
		r = v % p;
		if (r < 0)
			r = -r;
		if (2 * r >= p)
			q += v < 0 ? -1 : 1;
		v = q;
	} else {
		for (int i = 0; i < dec - d.s; i++)
			v *= 10;
	}
	neg = v < 0;
	u = neg ? (unsigned __int128)(-v) : (unsigned __int128)v;
	put_scaled(b, u, neg, &g);
}

void wf_strbuf_fixed(wf_strbuf *b, double x, const wf_numfmt *f)
{
	int dec = f->decimals < 0 ? 0 : f->decimals > 9 ? 9 : f->decimals;
	wf_numfmt g = *f;
	double s = x;
	int neg;

	if (isnan(x) || isinf(x)) {
		wf_strbuf_puts(b, isnan(x) ? "NaN" : x < 0 ? "-Inf" : "Inf");
		return;
	}
	g.decimals = dec;
	for (int i = 0; i < dec; i++)
		s *= 10;
	s = round(s);
	if (fabs(s) > 9e15) {
		wf_strbuf_printf(b, "%.0f", x);
		return;
	}
	neg = s < 0;
	put_scaled(b, (unsigned __int128)(neg ? -s : s), neg, &g);
}
