#include "wf_svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"
#include "wf_italy.h"

struct series {
	char *name;
	double *y;          /* line/bar: value per x category */
	unsigned char *has; /* 1 where y is set */
	size_t ny;
	double *lon, *lat;  /* map points */
	double *size;       /* symbol size, 0 = none */
	char **label;
	size_t ng, capg;
};

struct wf_chart {
	enum wf_chart_kind kind;
	char *title, *xlabel, *ylabel, *caption;
	int zero;
	wf_numfmt nf;
	int vdec;
	char **xs;
	unsigned char *hl;
	size_t nx, capx;
	struct series *ser;
	size_t ns, caps;
	double *dv;
	size_t ndv, capdv;
	int has_box, has_marker;
	double box[3], marker;
	char *marker_label;
	enum wf_lang lang;
	double regv[WF_ITALY_NREGIONS]; /* map: value per region */
	unsigned char regh[WF_ITALY_NREGIONS];
	size_t nreg;
	int compact;
};

/* Okabe-Ito colours (distinguishable with common colour blindness);
 * yellow swapped for black, which reads better on white. */
static const char *const palette[] = {
	"#0072b2", "#d55e00", "#009e73", "#cc79a7",
	"#e69f00", "#56b4e9", "#000000", "#8c564b"
};
#define NPAL (sizeof palette / sizeof palette[0])
static const char *const dashes[] = { "", "6 3", "2 2", "8 3 2 3" };
#define ACCENT "#d55e00"
#define W 760

static char *dupn(const char *s)
{
	return wf_xstrdup(s ? s : "");
}

wf_chart *wf_chart_new(enum wf_chart_kind kind, const char *title)
{
	wf_chart *c = wf_xcalloc(1, sizeof *c);

	c->kind = kind;
	c->title = dupn(title);
	c->xlabel = dupn("");
	c->ylabel = dupn("");
	c->zero = kind == WF_CHART_BAR;
	c->nf.decimals = 0;
	c->nf.point = '.';
	c->nf.group = ',';
	c->vdec = 2;
	return c;
}

void wf_chart_free(wf_chart *c)
{
	if (!c)
		return;
	free(c->title);
	free(c->xlabel);
	free(c->ylabel);
	free(c->caption);
	for (size_t i = 0; i < c->nx; i++)
		free(c->xs[i]);
	free(c->xs);
	free(c->hl);
	for (size_t i = 0; i < c->ns; i++) {
		struct series *s = &c->ser[i];
		free(s->name);
		free(s->y);
		free(s->has);
		free(s->lon);
		free(s->lat);
		free(s->size);
		for (size_t j = 0; j < s->ng; j++)
			free(s->label[j]);
		free(s->label);
	}
	free(c->ser);
	free(c->dv);
	free(c->marker_label);
	free(c);
}

enum wf_chart_kind wf_chart_kind(const wf_chart *c)
{
	return c->kind;
}

const char *wf_chart_title(const wf_chart *c)
{
	return c->title;
}

void wf_chart_axes(wf_chart *c, const char *xlabel, const char *ylabel)
{
	free(c->xlabel);
	free(c->ylabel);
	c->xlabel = dupn(xlabel);
	c->ylabel = dupn(ylabel);
}

void wf_chart_zero_baseline(wf_chart *c, int on)
{
	c->zero = on;
}

void wf_chart_numfmt(wf_chart *c, char point, char group)
{
	c->nf.point = point;
	c->nf.group = group;
}

void wf_chart_value_decimals(wf_chart *c, int decimals)
{
	c->vdec = decimals < 0 ? 0 : decimals > 9 ? 9 : decimals;
}

void wf_chart_lang(wf_chart *c, enum wf_lang lang)
{
	c->lang = lang;
}

void wf_chart_compact(wf_chart *c, int on)
{
	c->compact = on != 0;
}

int wf_chart_is_compact(const wf_chart *c)
{
	return c->compact;
}

void wf_chart_caption(wf_chart *c, const char *text)
{
	free(c->caption);
	c->caption = text ? wf_xstrdup(text) : NULL;
}

size_t wf_chart_x(wf_chart *c, const char *label)
{
	for (size_t i = 0; i < c->nx; i++)
		if (strcmp(c->xs[i], label) == 0)
			return i;
	if (c->nx == c->capx) {
		c->capx = c->capx ? 2 * c->capx : 16;
		c->xs = wf_xrealloc(c->xs, c->capx * sizeof *c->xs);
		c->hl = wf_xrealloc(c->hl, c->capx);
	}
	c->xs[c->nx] = dupn(label);
	c->hl[c->nx] = 0;
	return c->nx++;
}

/* A new series, whatever the others are called. */
static size_t add_series(wf_chart *c, const char *name)
{
	if (c->ns == c->caps) {
		c->caps = c->caps ? 2 * c->caps : 8;
		c->ser = wf_xrealloc(c->ser, c->caps * sizeof *c->ser);
	}
	memset(&c->ser[c->ns], 0, sizeof c->ser[0]);
	c->ser[c->ns].name = dupn(name);
	return c->ns++;
}

size_t wf_chart_series(wf_chart *c, const char *name)
{
	for (size_t i = 0; i < c->ns; i++)
		if (strcmp(c->ser[i].name, name) == 0)
			return i;
	return add_series(c, name);
}

void wf_chart_set(wf_chart *c, size_t si, size_t x, double y)
{
	struct series *s;

	/* Unnamed series up to si: by name, the second "series" would be
	 * the first again and the loop would never end. */
	while (si >= c->ns)
		add_series(c, c->ns == 0 ? "" : "series");
	s = &c->ser[si];
	if (x >= s->ny) {
		size_t n = x + 1;
		s->y = wf_xrealloc(s->y, n * sizeof *s->y);
		s->has = wf_xrealloc(s->has, n);
		memset(s->has + s->ny, 0, n - s->ny);
		s->ny = n;
	}
	s->y[x] = y;
	s->has[x] = 1;
}

void wf_chart_highlight(wf_chart *c, size_t x)
{
	if (x < c->nx)
		c->hl[x] = 1;
}

void wf_chart_dist_value(wf_chart *c, double v)
{
	if (c->ndv == c->capdv) {
		c->capdv = c->capdv ? 2 * c->capdv : 64;
		c->dv = wf_xrealloc(c->dv, c->capdv * sizeof *c->dv);
	}
	c->dv[c->ndv++] = v;
}

void wf_chart_dist_box(wf_chart *c, double p25, double median, double p75)
{
	c->has_box = 1;
	c->box[0] = p25;
	c->box[1] = median;
	c->box[2] = p75;
}

void wf_chart_dist_marker(wf_chart *c, double v, const char *label)
{
	c->has_marker = 1;
	c->marker = v;
	free(c->marker_label);
	c->marker_label = dupn(label);
}

void wf_chart_geo(wf_chart *c, size_t si, double lon, double lat, const char *label)
{
	wf_chart_geo_sized(c, si, lon, lat, 0, label);
}

int wf_chart_region(wf_chart *c, const char *region, double value)
{
	wf_italy *m = wf_italy_new();
	int r = m ? wf_italy_region(m, region) : -1;

	wf_italy_free(m);
	if (r < 0)
		return -1;
	c->nreg += !c->regh[r];
	c->regh[r] = 1;
	c->regv[r] = value;
	return 0;
}

void wf_chart_geo_sized(wf_chart *c, size_t si, double lon, double lat, double size,
			const char *label)
{
	struct series *s;

	while (si >= c->ns) /* unnamed, as in wf_chart_set: by name it would loop */
		add_series(c, "points");
	s = &c->ser[si];
	if (s->ng == s->capg) {
		s->capg = s->capg ? 2 * s->capg : 64;
		s->lon = wf_xrealloc(s->lon, s->capg * sizeof *s->lon);
		s->lat = wf_xrealloc(s->lat, s->capg * sizeof *s->lat);
		s->size = wf_xrealloc(s->size, s->capg * sizeof *s->size);
		s->label = wf_xrealloc(s->label, s->capg * sizeof *s->label);
	}
	s->lon[s->ng] = lon;
	s->lat[s->ng] = lat;
	s->size[s->ng] = size > 0 && isfinite(size) ? size : 0;
	s->label[s->ng] = dupn(label);
	s->ng++;
}

size_t wf_chart_npoints(const wf_chart *c)
{
	size_t n = c->ndv + c->nreg;

	for (size_t i = 0; i < c->ns; i++) {
		n += c->ser[i].ng;
		for (size_t j = 0; j < c->ser[i].ny; j++)
			n += c->ser[i].has[j];
	}
	return n;
}

void wf_nice_ticks(double lo, double hi, int target, double *first,
		   double *step, int *count)
{
	double range, raw, mag, f, st;
	double k0, k1;

	if (target < 1)
		target = 1;
	if (!(hi > lo)) {
		/* One value: a band around it that still starts at it. */
		double d = fabs(lo) > 0 ? fabs(lo) * 0.1 : 1;
		lo -= d;
		hi += d;
	}
	range = hi - lo;
	raw = range / target;
	mag = pow(10, floor(log10(raw)));
	f = raw / mag;
	st = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
	st *= mag;
	/* Small tolerances keep 34000000/5e6 from landing just above 6. */
	k0 = floor(lo / st + 1e-9);
	k1 = ceil(hi / st - 1e-9);
	if (k1 <= k0)
		k1 = k0 + 1;
	*first = k0 * st;
	*step = st;
	*count = (int)(k1 - k0) + 1;
}

/* Decimals a tick label needs to show multiples of step exactly. */
static int step_decimals(double step)
{
	int d = 0;

	while (d < 6 && fabs(step * pow(10, d) - round(step * pow(10, d))) > 1e-6)
		d++;
	return d;
}

/* ---- SVG helpers ---- */

/* Coordinates: 2 decimals, trailing zeros dropped ("304", "12.5"). */
static void num(wf_strbuf *b, double v)
{
	static const wf_numfmt nf = { 2, '.', 0 };
	size_t start = b->len;

	wf_strbuf_fixed(b, v, &nf);
	if (memchr(b->s + start, '.', b->len - start)) {
		while (b->s[b->len - 1] == '0')
			b->len--;
		if (b->s[b->len - 1] == '.')
			b->len--;
		b->s[b->len] = '\0';
	}
}

static void esc(wf_strbuf *b, const char *s)
{
	wf_strbuf_xml(b, s, strlen(s));
}

/* A <text> element; text longer than max characters is cut with an
 * ellipsis and the full text kept in a <title> child. */
static void text(wf_strbuf *b, double x, double y, const char *anchor,
		 const char *extra, const char *s, size_t max)
{
	size_t len = strlen(s);
	int cut = max > 0 && wf_utf8_width(s, len) > max;

	wf_strbuf_puts(b, "<text x=\"");
	num(b, x);
	wf_strbuf_puts(b, "\" y=\"");
	num(b, y);
	wf_strbuf_printf(b, "\" text-anchor=\"%s\"%s%s>", anchor, extra ? " " : "",
			 extra ? extra : "");
	if (cut) {
		wf_strbuf tmp = WF_STRBUF_INIT;
		wf_strbuf_trunc(&tmp, s, len, max);
		wf_strbuf_xml(b, tmp.s, tmp.len);
		wf_strbuf_release(&tmp);
		wf_strbuf_puts(b, "<title>");
		wf_strbuf_xml(b, s, len);
		wf_strbuf_puts(b, "</title>");
	} else {
		wf_strbuf_xml(b, s, len);
	}
	wf_strbuf_puts(b, "</text>\n");
}

static void line(wf_strbuf *b, double x1, double y1, double x2, double y2,
		 const char *attrs)
{
	wf_strbuf_puts(b, "<line x1=\"");
	num(b, x1);
	wf_strbuf_puts(b, "\" y1=\"");
	num(b, y1);
	wf_strbuf_puts(b, "\" x2=\"");
	num(b, x2);
	wf_strbuf_puts(b, "\" y2=\"");
	num(b, y2);
	wf_strbuf_printf(b, "\" %s/>\n", attrs);
}

static void rect(wf_strbuf *b, double x, double y, double w, double h,
		 const char *attrs, int close)
{
	wf_strbuf_puts(b, "<rect x=\"");
	num(b, x);
	wf_strbuf_puts(b, "\" y=\"");
	num(b, y);
	wf_strbuf_puts(b, "\" width=\"");
	num(b, w < 0 ? 0 : w);
	wf_strbuf_puts(b, "\" height=\"");
	num(b, h < 0 ? 0 : h);
	wf_strbuf_printf(b, "\" %s%s>", attrs, close ? "/" : "");
	if (close)
		wf_strbuf_putc(b, '\n');
}

static void circle(wf_strbuf *b, double x, double y, double r, const char *attrs)
{
	wf_strbuf_puts(b, "<circle cx=\"");
	num(b, x);
	wf_strbuf_puts(b, "\" cy=\"");
	num(b, y);
	wf_strbuf_puts(b, "\" r=\"");
	num(b, r);
	wf_strbuf_printf(b, "\" %s>", attrs);
}

static void value_text(wf_strbuf *b, const wf_chart *c, double v, int decimals)
{
	wf_numfmt f = c->nf;
	f.decimals = decimals;
	wf_strbuf_fixed(b, v, &f);
}

/* The value as a C string, for attributes and <text>. */
static const char *vstr(wf_strbuf *tmp, const wf_chart *c, double v, int decimals)
{
	wf_strbuf_reset(tmp);
	value_text(tmp, c, v, decimals);
	return wf_strbuf_str(tmp);
}

/* An axis tick as people read it on a chart: past a million, in
 * millions or billions ("12 mln", "1,2 mld" in Italian; "12M", "1.2B"
 * in English), so a label never runs into the axis title or the next
 * one. lim is the tick farthest from zero, st the step. */
static const char *tick(wf_strbuf *tmp, const wf_chart *c, double v, double st, double lim)
{
	static const struct { double scale; const char *en, *it; } units[] = {
		{ 1e12, "T", " mld" }, { 1e9, "B", " mld" }, { 1e6, "M", " mln" }
	};
	size_t u = 0;

	lim = fabs(lim);
	while (u < 3 && lim < units[u].scale)
		u++;
	if (u == 3 || v == 0)
		return vstr(tmp, c, v, step_decimals(st));
	/* Italian has no word for 10^12 in use: thousands of mld */
	double scale = c->lang == WF_LANG_IT && u == 0 ? 1e9 : units[u].scale;
	int dec = step_decimals(st / scale);
	wf_strbuf_reset(tmp);
	value_text(tmp, c, v / scale, dec > 2 ? 2 : dec);
	wf_strbuf_puts(tmp, c->lang == WF_LANG_IT ? units[u].it : units[u].en);
	return wf_strbuf_str(tmp);
}

static void svg_open(wf_strbuf *b, const wf_chart *c, double h)
{
	wf_strbuf_printf(b, "<svg class=\"wf-chart\" viewBox=\"0 0 %d ", W);
	num(b, h);
	wf_strbuf_printf(b, "\" width=\"%d\" height=\"", W);
	num(b, h);
	wf_strbuf_puts(b, "\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n<title>");
	esc(b, c->title);
	wf_strbuf_puts(b, "</title>\n");
	rect(b, 0, 0, W, h, "fill=\"#ffffff\"", 1);
	text(b, 12, 22, "start", "font-size=\"15\" font-weight=\"bold\"", c->title, 90);
}

static double caption_close(wf_strbuf *b, const wf_chart *c, double y)
{
	if (c->caption && *c->caption) {
		y += 16;
		text(b, 12, y, "start", "font-size=\"11\" fill=\"#555555\"", c->caption, 120);
	}
	return y + 10;
}

/* Value axis ticks on the left (vertical) with grid lines. */
static void yaxis(wf_strbuf *b, const wf_chart *c, double px, double pw, double py,
		  double ph, double t0, double st, int nt)
{
	wf_strbuf tmp = WF_STRBUF_INIT;
	double span = st * (nt - 1);
	double lim = fmax(fabs(t0), fabs(t0 + span));

	for (int i = 0; i < nt; i++) {
		double v = t0 + st * i;
		double y = py + ph - (v - t0) / span * ph;
		int is_zero = fabs(v) < st * 1e-9;
		if (is_zero)
			v = 0;
		line(b, px, y, px + pw, y, is_zero ? "stroke=\"#444444\" stroke-width=\"1\"" :
		     "stroke=\"#dddddd\" stroke-width=\"1\"");
		/* px - 6 pixels of room: at most 14 characters */
		text(b, px - 6, y + 4, "end", NULL, tick(&tmp, c, v, st, lim), 14);
	}
	wf_strbuf_release(&tmp);
}

/* The value-axis title, rotated, centred on y. */
static void ytitle(wf_strbuf *b, double y, const char *s)
{
	char tr[64];

	snprintf(tr, sizeof tr, "transform=\"rotate(-90 18 %d)\"", (int)lround(y));
	text(b, 18, y, "middle", tr, s, 60);
}

static void yrange(const wf_chart *c, double lo, double hi, double *t0, double *st, int *nt)
{
	if (c->zero) {
		if (lo > 0)
			lo = 0;
		if (hi < 0)
			hi = 0;
	}
	wf_nice_ticks(lo, hi, 5, t0, st, nt);
}

static void svg_empty(wf_strbuf *b, const wf_chart *c)
{
	svg_open(b, c, 120);
	text(b, W / 2.0, 70, "middle", "fill=\"#555555\"", wf_msg(c->lang, WF_M_NO_DATA_TO_DRAW), 0);
	wf_strbuf_puts(b, "</svg>\n");
}

/* ---- line chart ---- */

static void svg_line(wf_strbuf *b, const wf_chart *c)
{
	const double px = 110, pw = W - 110 - 30, py = 44, ph = 260;
	double lo = INFINITY, hi = -INFINITY, t0, st, span, y;
	int nt, rows, lstep;
	size_t percol = 2; /* legend entries a row, WF_SVG_LEGEND_MAX characters each */
	wf_strbuf tmp = WF_STRBUF_INIT;

	for (size_t s = 0; s < c->ns; s++)
		for (size_t i = 0; i < c->ser[s].ny && i < c->nx; i++)
			if (c->ser[s].has[i]) {
				lo = fmin(lo, c->ser[s].y[i]);
				hi = fmax(hi, c->ser[s].y[i]);
			}
	yrange(c, lo, hi, &t0, &st, &nt);
	span = st * (nt - 1);
	rows = (int)((c->ns + percol - 1) / percol);
	y = py + ph + 64 + rows * 18;
	svg_open(b, c, y + (c->caption ? 26 : 10));
	yaxis(b, c, px, pw, py, ph, t0, st, nt);
	line(b, px, py, px, py + ph, "stroke=\"#444444\"");
	ytitle(b, py + ph / 2, c->ylabel);
	/* Periods that all read as YYYY or YYYY-MM sit at their time, so
	 * 2001, 2013, 2015 are not drawn evenly spaced; other categories
	 * are evenly spaced. */
	double *xt = wf_xmalloc(c->nx * sizeof *xt);
	int timed = c->nx > 1;
	for (size_t i = 0; timed && i < c->nx; i++) {
		const char *l = c->xs[i];
		int yy, mm = 0, n = 0;
		if (sscanf(l, "%4d%n-%2d%n", &yy, &n, &mm, &n) < 1 || l[n] != '\0' ||
		    strlen(l) < 4 || (strlen(l) > 4 && (mm < 1 || mm > 12)))
			timed = 0;
		else
			xt[i] = yy * 12.0 + (mm ? mm - 1 : 0);
	}
	if (timed && !(xt[c->nx - 1] > xt[0]))
		timed = 0;
	for (size_t i = 0; timed && i + 1 < c->nx; i++)
		if (!(xt[i + 1] > xt[i]))
			timed = 0;
#define XFRAC(i) (timed ? (xt[i] - xt[0]) / (xt[c->nx - 1] - xt[0]) : (double)(i) / (double)(c->nx - 1))
#define XPOS(i) (c->nx <= 1 ? px + pw / 2 : px + 12 + (pw - 24) * XFRAC(i))
#define YPOS(v) (py + ph - ((v) - t0) / span * ph)
	{
		/* Label every k-th category so labels (about 7 px a character
		 * at 12 px) never touch: "2019" fits every 40 px, "2019-06"
		 * every 60. */
		size_t ml = 1;
		for (size_t i = 0; i < c->nx; i++) {
			size_t w = wf_utf8_width(c->xs[i], strlen(c->xs[i]));
			if (w > ml)
				ml = w > 12 ? 12 : w;
		}
		double slot = c->nx > 1 ? (pw - 24) / (double)(c->nx - 1) : pw;
		for (size_t i = 0; timed && i + 1 < c->nx; i++)
			if (XPOS(i + 1) - XPOS(i) < slot)
				slot = XPOS(i + 1) - XPOS(i);
		lstep = (int)ceil((7.0 * (double)ml + 12) / slot);
	}
	if (lstep < 1)
		lstep = 1;
	for (size_t i = 0; i < c->nx; i++) {
		line(b, XPOS(i), py + ph, XPOS(i), py + ph + 4, "stroke=\"#444444\"");
		if (i % (size_t)lstep == 0)
			text(b, XPOS(i), py + ph + 18, "middle", NULL, c->xs[i], 12);
	}
	text(b, px + pw / 2, py + ph + 38, "middle", NULL, c->xlabel, 80);
	for (size_t s = 0; s < c->ns; s++) {
		const struct series *se = &c->ser[s];
		const char *col = palette[s % NPAL], *da = dashes[(s / NPAL) % 4];
		int open = 0, moved = 0;

		wf_strbuf_puts(b, "<g class=\"series\"><title>");
		esc(b, se->name);
		wf_strbuf_puts(b, "</title>\n<path fill=\"none\" stroke-width=\"2\" stroke=\"");
		wf_strbuf_printf(b, "%s\"%s%s%s d=\"", col, *da ? " stroke-dasharray=\"" : "", da,
				 *da ? "\"" : "");
		for (size_t i = 0; i < c->nx; i++) {
			if (i >= se->ny || !se->has[i]) {
				open = 0;
				continue;
			}
			wf_strbuf_puts(b, open ? " L" : (moved ? " M" : "M"));
			moved = 1;
			num(b, XPOS(i));
			wf_strbuf_putc(b, ' ');
			num(b, YPOS(se->y[i]));
			open = 1;
		}
		wf_strbuf_puts(b, "\"/>\n");
		for (size_t i = 0; i < c->nx; i++) {
			int prev, next;
			if (i >= se->ny || !se->has[i])
				continue;
			prev = i > 0 && se->has[i - 1];
			next = i + 1 < se->ny && se->has[i + 1];
			/* Every point gets a dot while they are few; beyond,
			 * only points a line cannot show (no neighbour). */
			if (c->nx > 40 && (prev || next))
				continue;
			char fill[32];
			snprintf(fill, sizeof fill, "fill=\"%s\"", col);
			circle(b, XPOS(i), YPOS(se->y[i]), 3, fill);
			wf_strbuf_puts(b, "<title>");
			esc(b, se->name);
			wf_strbuf_puts(b, ", ");
			esc(b, c->xs[i]);
			wf_strbuf_puts(b, ": ");
			value_text(b, c, se->y[i], c->vdec);
			wf_strbuf_puts(b, "</title></circle>\n");
		}
		wf_strbuf_puts(b, "</g>\n");
	}
	/* Legend under the plot. */
	for (size_t s = 0; s < c->ns; s++) {
		double lx = px + (double)(s % percol) * 310, ly = py + ph + 60 + (double)(s / percol) * 18;
		const char *da = dashes[(s / NPAL) % 4];
		wf_strbuf_printf(b, "<g class=\"legend\"><line stroke-width=\"3\" stroke=\"%s\"%s%s%s",
				 palette[s % NPAL], *da ? " stroke-dasharray=\"" : "", da, *da ? "\"" : "");
		wf_strbuf_puts(b, " x1=\"");
		num(b, lx);
		wf_strbuf_puts(b, "\" y1=\"");
		num(b, ly - 4);
		wf_strbuf_puts(b, "\" x2=\"");
		num(b, lx + 22);
		wf_strbuf_puts(b, "\" y2=\"");
		num(b, ly - 4);
		wf_strbuf_puts(b, "\"/>");
		text(b, lx + 28, ly, "start", NULL, c->ser[s].name, WF_SVG_LEGEND_MAX);
		wf_strbuf_puts(b, "</g>\n");
	}
#undef XPOS
#undef XFRAC
#undef YPOS
	free(xt);
	caption_close(b, c, y - 6);
	wf_strbuf_puts(b, "</svg>\n");
	wf_strbuf_release(&tmp);
}

/* ---- horizontal bars ---- */

static void svg_bar(wf_strbuf *b, const wf_chart *c)
{
	const double lw = 200, px = 12 + lw, pw = W - px - 100, py = 44, rh = 22;
	const struct series *se = c->ns ? &c->ser[0] : NULL;
	double lo = INFINITY, hi = -INFINITY, t0, st, span, ph, h;
	int nt;
	wf_strbuf tmp = WF_STRBUF_INIT;

	for (size_t i = 0; se && i < se->ny && i < c->nx; i++)
		if (se->has[i]) {
			lo = fmin(lo, se->y[i]);
			hi = fmax(hi, se->y[i]);
		}
	yrange(c, lo, hi, &t0, &st, &nt);
	span = st * (nt - 1);
	ph = rh * (double)c->nx;
	h = py + ph + 44;
	svg_open(b, c, h + (c->caption ? 26 : 0));
#define XV(v) (px + ((v) - t0) / span * pw)
	for (int i = 0; i < nt; i++) {
		double v = t0 + st * i;
		if (fabs(v) < st * 1e-9)
			v = 0;
		line(b, XV(v), py, XV(v), py + ph, v == 0 ? "stroke=\"#444444\"" : "stroke=\"#dddddd\"");
		text(b, XV(v), py + ph + 16, "middle", NULL,
		     tick(&tmp, c, v, st, fmax(fabs(t0), fabs(t0 + st * (nt - 1)))), 14);
	}
	text(b, px + pw / 2, py + ph + 34, "middle", NULL, c->ylabel, 80);
	for (size_t i = 0; i < c->nx; i++) {
		double y = py + rh * (double)i, base = XV(fmax(t0, fmin(0, t0 + span)));
		text(b, px - 8, y + rh / 2 + 4, "end", NULL, c->xs[i], WF_SVG_NAME_MAX);
		if (!se || i >= se->ny || !se->has[i]) {
			text(b, px + 4, y + rh / 2 + 4, "start", "fill=\"#777777\"",
			     wf_msg(c->lang, WF_M_NO_VALUE), 0);
			continue;
		}
		double xv = XV(se->y[i]);
		char attrs[64];
		snprintf(attrs, sizeof attrs, "fill=\"%s\"", c->hl[i] ? ACCENT : palette[0]);
		rect(b, fmin(base, xv), y + 3, fabs(xv - base), rh - 6, attrs, 0);
		wf_strbuf_puts(b, "<title>");
		esc(b, c->xs[i]);
		wf_strbuf_puts(b, ": ");
		value_text(b, c, se->y[i], c->vdec);
		wf_strbuf_puts(b, "</title></rect>\n");
		text(b, fmax(base, xv) + 4, y + rh / 2 + 4, "start", NULL,
		     vstr(&tmp, c, se->y[i], c->vdec), 0);
	}
#undef XV
	caption_close(b, c, h - 10);
	wf_strbuf_puts(b, "</svg>\n");
	wf_strbuf_release(&tmp);
}

/* ---- peer distribution ---- */

/* The values the axis must reach: every peer and the marker, so the
 * institution's own line is never drawn off the chart. The full chart
 * and its small-multiple strip share it. */
static void dist_bounds(const wf_chart *c, double *lo, double *hi)
{
	*lo = INFINITY;
	*hi = -INFINITY;
	for (size_t i = 0; i < c->ndv; i++) {
		*lo = fmin(*lo, c->dv[i]);
		*hi = fmax(*hi, c->dv[i]);
	}
	if (c->has_marker) {
		*lo = fmin(*lo, c->marker);
		*hi = fmax(*hi, c->marker);
	}
}

static void svg_dist(wf_strbuf *b, const wf_chart *c)
{
	const double px = 40, pw = W - 80, py = 64, ph = 120;
	double lo, hi, t0, st, span;
	int nt;
	wf_strbuf tmp = WF_STRBUF_INIT;

	dist_bounds(c, &lo, &hi);
	yrange(c, lo, hi, &t0, &st, &nt);
	span = st * (nt - 1);
	svg_open(b, c, py + ph + 60 + (c->caption ? 26 : 0));
#define XV(v) (px + ((v) - t0) / span * pw)
	for (int i = 0; i < nt; i++) {
		double v = t0 + st * i;
		if (fabs(v) < st * 1e-9)
			v = 0;
		line(b, XV(v), py, XV(v), py + ph, "stroke=\"#eeeeee\"");
		line(b, XV(v), py + ph, XV(v), py + ph + 4, "stroke=\"#444444\"");
		text(b, XV(v), py + ph + 18, "middle", NULL,
		     tick(&tmp, c, v, st, fmax(fabs(t0), fabs(t0 + st * (nt - 1)))), 14);
	}
	line(b, px, py + ph, px + pw, py + ph, "stroke=\"#444444\"");
	text(b, px + pw / 2, py + ph + 38, "middle", NULL, c->xlabel, 90);
	if (c->ndv <= WF_DIST_STRIP_MAX) {
		wf_strbuf_puts(b, "<g class=\"peers\" fill=\"#0072b2\" fill-opacity=\"0.45\">\n");
		for (size_t i = 0; i < c->ndv; i++) {
			/* Deterministic jitter spreads ties vertically. */
			double j = (double)((i * 7919u) % 101u) / 100.0;
			circle(b, XV(c->dv[i]), py + 20 + j * (ph - 40), 3.5, "");
			wf_strbuf_puts(b, "<title>");
			value_text(b, c, c->dv[i], c->vdec);
			wf_strbuf_puts(b, "</title></circle>\n");
		}
		wf_strbuf_puts(b, "</g>\n");
	} else {
		enum { NB = 40 };
		size_t cnt[NB] = { 0 }, mx = 1;
		for (size_t i = 0; i < c->ndv; i++) {
			int k = (int)((c->dv[i] - t0) / span * NB);
			k = k < 0 ? 0 : k >= NB ? NB - 1 : k;
			if (++cnt[k] > mx)
				mx = cnt[k];
		}
		wf_strbuf_puts(b, "<g class=\"peers\" fill=\"#0072b2\" fill-opacity=\"0.6\">\n");
		for (int k = 0; k < NB; k++) {
			double hh = (ph - 10) * (double)cnt[k] / (double)mx;
			if (!cnt[k])
				continue;
			rect(b, px + pw * k / NB + 0.5, py + ph - hh, pw / NB - 1, hh, "", 0);
			wf_strbuf_printf(b, "<title>%zu</title></rect>\n", cnt[k]);
		}
		wf_strbuf_puts(b, "</g>\n");
	}
	if (c->has_box) {
		double y = py + ph / 2;
		rect(b, XV(c->box[0]), y - 26, XV(c->box[2]) - XV(c->box[0]), 52,
		     "fill=\"none\" stroke=\"#333333\" stroke-width=\"1.5\"", 1);
		line(b, XV(c->box[1]), y - 26, XV(c->box[1]), y + 26,
		     "stroke=\"#333333\" stroke-width=\"2.5\"");
		text(b, XV(c->box[1]), py - 6, "middle", "font-size=\"11\" fill=\"#333333\"",
		     wf_msg(c->lang, WF_M_MEDIAN), 0);
	}
	if (c->has_marker) {
		double x = XV(c->marker);
		wf_strbuf tl = WF_STRBUF_INIT;
		wf_strbuf_puts(&tl, c->marker_label);
		wf_strbuf_puts(&tl, ": ");
		value_text(&tl, c, c->marker, c->vdec);
		line(b, x, py - 4, x, py + ph, "stroke=\"" ACCENT "\" stroke-width=\"3\"");
		text(b, x < px + pw / 2 ? x + 4 : x - 4, py - 20,
		     x < px + pw / 2 ? "start" : "end", "font-weight=\"bold\" fill=\"" ACCENT "\"",
		     tl.s, 60);
		wf_strbuf_release(&tl);
	}
#undef XV
	caption_close(b, c, py + ph + 44);
	wf_strbuf_puts(b, "</svg>\n");
	wf_strbuf_release(&tmp);
}

/* ---- map-like scatter ---- */

static void svg_scatter(wf_strbuf *b, const wf_chart *c)
{
	const double px = 60, py = 44, maxw = 480, maxh = 460;
	double lon0 = INFINITY, lon1 = -INFINITY, lat0 = INFINITY, lat1 = -INFINITY;
	double k, sx, pw, ph, t0, st;
	int nt;
	wf_strbuf tmp = WF_STRBUF_INIT;

	for (size_t s = 0; s < c->ns; s++)
		for (size_t i = 0; i < c->ser[s].ng; i++) {
			lon0 = fmin(lon0, c->ser[s].lon[i]);
			lon1 = fmax(lon1, c->ser[s].lon[i]);
			lat0 = fmin(lat0, c->ser[s].lat[i]);
			lat1 = fmax(lat1, c->ser[s].lat[i]);
		}
	/* A margin, and at least a few km across for a single place. */
	{
		double dl = fmax(lon1 - lon0, 0.05) * 0.08, dp = fmax(lat1 - lat0, 0.05) * 0.08;
		double ml = (lon0 + lon1) / 2, mp = (lat0 + lat1) / 2;
		double hl = fmax(lon1 - lon0, 0.05) / 2 + dl, hp = fmax(lat1 - lat0, 0.05) / 2 + dp;
		lon0 = ml - hl;
		lon1 = ml + hl;
		lat0 = mp - hp;
		lat1 = mp + hp;
	}
	/* Equirectangular: shrink longitude by cos(mid latitude) so shapes
	 * keep their proportions at Italian latitudes. */
	sx = cos((lat0 + lat1) / 2 * M_PI / 180);
	k = fmin(maxw / ((lon1 - lon0) * sx), maxh / (lat1 - lat0));
	pw = (lon1 - lon0) * sx * k;
	ph = (lat1 - lat0) * k;
	svg_open(b, c, py + ph + 50 + (c->caption ? 26 : 0));
#define MX(lon) (px + ((lon) - lon0) * sx * k)
#define MY(lat) (py + (lat1 - (lat)) * k)
	rect(b, px, py, pw, ph, "fill=\"#f4f7fa\" stroke=\"#999999\"", 1);
	wf_nice_ticks(lon0, lon1, 4, &t0, &st, &nt);
	for (int i = 0; i < nt; i++) {
		double v = t0 + st * i;
		if (v < lon0 || v > lon1)
			continue;
		line(b, MX(v), py, MX(v), py + ph, "stroke=\"#dde3ea\"");
		text(b, MX(v), py + ph + 16, "middle", "font-size=\"11\"",
		     vstr(&tmp, c, v, step_decimals(st)), 0);
	}
	wf_nice_ticks(lat0, lat1, 4, &t0, &st, &nt);
	for (int i = 0; i < nt; i++) {
		double v = t0 + st * i;
		if (v < lat0 || v > lat1)
			continue;
		line(b, px, MY(v), px + pw, MY(v), "stroke=\"#dde3ea\"");
		text(b, px - 4, MY(v) + 4, "end", "font-size=\"11\"",
		     vstr(&tmp, c, v, step_decimals(st)), 0);
	}
	text(b, px + pw / 2, py + ph + 34, "middle", NULL,
	     *c->xlabel ? c->xlabel : wf_msg(c->lang, WF_M_LONGITUDE), 80);
	ytitle(b, py + ph / 2, *c->ylabel ? c->ylabel : wf_msg(c->lang, WF_M_LATITUDE));
	for (size_t s = 0; s < c->ns; s++) {
		const struct series *se = &c->ser[s];
		const char *col = palette[s % NPAL];
		double ly = py + 10 + 20 * (double)s;

		wf_strbuf_printf(b, "<g class=\"points\" fill=\"%s\" fill-opacity=\"0.75\">\n", col);
		for (size_t i = 0; i < se->ng; i++) {
			double x = MX(se->lon[i]), y = MY(se->lat[i]);
			if (s % 2)
				rect(b, x - 3.5, y - 3.5, 7, 7, "", 0);
			else
				circle(b, x, y, 3.5, "");
			wf_strbuf_puts(b, "<title>");
			esc(b, se->label[i]);
			wf_strbuf_puts(b, "</title>");
			wf_strbuf_puts(b, s % 2 ? "</rect>\n" : "</circle>\n");
		}
		wf_strbuf_puts(b, "</g>\n");
		wf_strbuf_printf(b, "<g class=\"legend\" fill=\"%s\">", col);
		if (s % 2)
			rect(b, px + pw + 20, ly - 8, 8, 8, "", 1);
		else
			circle(b, px + pw + 24, ly - 4, 4, "/");
		wf_strbuf_puts(b, "</g>\n");
		wf_strbuf_reset(&tmp);
		wf_strbuf_printf(&tmp, "%s (%zu)", se->name, se->ng);
		text(b, px + pw + 34, ly, "start", NULL, tmp.s, WF_SVG_NAME_MAX);
	}
#undef MX
#undef MY
	caption_close(b, c, py + ph + 34);
	wf_strbuf_puts(b, "</svg>\n");
	wf_strbuf_release(&tmp);
}

/* ---- the map of Italy ---- */

/* Sequential blues (ColorBrewer), light to dark: read in grey print too. */
static const char *const classcol[] = { "#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c" };
#define NCLASS 5

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Equal-count classes over the region values: hi[k] is the largest
 * value of class k; ties never straddle two classes. Returns the count. */
static int map_classes(const wf_chart *c, double *lo, double *hi)
{
	double v[WF_ITALY_NREGIONS];
	size_t n = 0;
	int nc = 0;

	for (int r = 0; r < WF_ITALY_NREGIONS; r++)
		if (c->regh[r])
			v[n++] = c->regv[r];
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, cmp_double);
	for (size_t i = 0; i < n;) {
		size_t end = (size_t)(nc + 1) * n / NCLASS;
		if (end <= i)
			end = i + 1;
		while (end < n && v[end] == v[end - 1])
			end++;
		lo[nc] = v[i];
		hi[nc] = v[end - 1];
		nc++;
		i = end; /* class NCLASS ends at NCLASS * n / NCLASS = n: never more */
	}
	return nc;
}

static int map_class_of(double v, const double *hi, int nc)
{
	for (int k = 0; k < nc; k++)
		if (v <= hi[k])
			return k;
	return nc - 1; /* LCOV_EXCL_LINE: v is a region value, at most hi[nc - 1], the largest */
}

/* Whether the map of Italy can hold every point (else the scatter). */
static int map_fits(const wf_chart *c, const wf_italy *m)
{
	double w, h;

	if (c->nreg)
		return 1;
	wf_italy_size(m, &w, &h);
	for (size_t s = 0; s < c->ns; s++)
		for (size_t i = 0; i < c->ser[s].ng; i++) {
			double x, y;
			wf_italy_project(m, c->ser[s].lon[i], c->ser[s].lat[i], &x, &y);
			if (!(x >= -20 && x <= w + 20 && y >= -20 && y <= h + 20))
				return 0;
		}
	return 1;
}

static double series_maxsize(const struct series *se)
{
	double mx = 0;

	for (size_t i = 0; i < se->ng; i++)
		mx = fmax(mx, se->size[i]);
	return mx;
}

static void svg_italy(wf_strbuf *b, const wf_chart *c, const wf_italy *m)
{
	const double px = 16, py = 44, mh = 600;
	double mw, vw, vh, k, lx, ly, lo[NCLASS], hi[NCLASS];
	double vx = 0, vy = 0, x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
	int nc = map_classes(c, lo, hi);
	wf_strbuf tmp = WF_STRBUF_INIT;

	wf_italy_size(m, &vw, &vh);
	/* Points only, all in one corner of Italy (a comune and its
	 * neighbours): zoom to them, with their regions' outlines around. */
	for (size_t s = 0; s < c->ns; s++)
		for (size_t i = 0; i < c->ser[s].ng; i++) {
			double x, y;
			wf_italy_project(m, c->ser[s].lon[i], c->ser[s].lat[i], &x, &y);
			x0 = fmin(x0, x);
			x1 = fmax(x1, x);
			y0 = fmin(y0, y);
			y1 = fmax(y1, y);
		}
	if (!nc && x1 >= x0 && x1 - x0 < vw / 3 && y1 - y0 < vh / 3) {
		double span = fmax(fmax(x1 - x0, (y1 - y0) * 0.75), 16) * 1.6;
		vx = (x0 + x1) / 2 - span / 2;
		vy = (y0 + y1) / 2 - span / 0.75 / 2;
		vw = span;
		vh = span / 0.75;
	}
	k = mh / vh;
	mw = vw * k;
	svg_open(b, c, py + mh + 40 + (c->caption ? 16 : 0));
	/* One hatch for regions without a value; the id is the same in every
	 * map of a page, and so is the pattern. */
	wf_strbuf_puts(b, "<defs><pattern id=\"wf-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" "
		       "height=\"6\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" "
		       "fill=\"#f4f4f4\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#b8b8b8\" "
		       "stroke-width=\"2\"/></pattern></defs>\n");
	/* The outlines clipped to the view (zoomed maps cut through Italy).
	 * The clip's id is made of the view, so two maps of one page never
	 * share an id with different contents. */
	{
		wf_strbuf id = WF_STRBUF_INIT;
		wf_strbuf_puts(&id, "wf-clip-");
		num(&id, vx);
		wf_strbuf_putc(&id, '-');
		num(&id, vy);
		wf_strbuf_putc(&id, '-');
		num(&id, vw);
		for (size_t i = 0; i < id.len; i++)
			if (id.s[i] == '.')
				id.s[i] = '_';
		wf_strbuf_printf(b, "<clipPath id=\"%s\">", id.s);
		rect(b, px, py, mw, mh, "", 1);
		wf_strbuf_printf(b, "</clipPath>\n<g clip-path=\"url(#%s)\">\n", id.s);
		wf_strbuf_release(&id);
	}
	wf_strbuf_puts(b, "<g class=\"regions\" transform=\"translate(");
	num(b, px - vx * k);
	wf_strbuf_putc(b, ' ');
	num(b, py - vy * k);
	wf_strbuf_puts(b, ") scale(");
	num(b, k);
	wf_strbuf_puts(b, ")\" stroke=\"#5f6b76\" stroke-width=\"0.8\" stroke-linejoin=\"round\">\n");
	for (int r = 0; r < WF_ITALY_NREGIONS; r++) {
		const char *fill = !nc ? "#eef1f4" : c->regh[r] ? classcol[map_class_of(c->regv[r], hi, nc)]
							   : "url(#wf-hatch)";
		wf_strbuf_printf(b, "<path fill=\"%s\" vector-effect=\"non-scaling-stroke\" d=\"%s\"><title>",
				 fill, wf_italy_region_path(m, r));
		esc(b, wf_italy_region_name(m, r, c->lang));
		if (nc) {
			wf_strbuf_puts(b, ": ");
			if (c->regh[r])
				esc(b, vstr(&tmp, c, c->regv[r], c->vdec));
			else
				esc(b, wf_msg(c->lang, WF_M_NO_DATA));
		}
		wf_strbuf_puts(b, "</title></path>\n");
	}
	wf_strbuf_puts(b, "</g>\n</g>\n");
	/* Symbols in page units, largest first so small ones stay visible;
	 * the last series first, so demand (series 0) lies over supply. */
	for (size_t s = c->ns; s-- > 0;) {
		const struct series *se = &c->ser[s];
		size_t *ord = wf_xcalloc(se->ng, sizeof *ord);
		double maxsize = series_maxsize(se);
		wf_strbuf_printf(b, "<g class=\"points\" fill=\"%s\" fill-opacity=\"%s\" stroke=\"%s\" "
				 "stroke-width=\"1.2\">\n", palette[s % NPAL], s == 0 && c->ns > 1 ? "0.45" : "0.75",
				 s == 0 && c->ns > 1 ? palette[0] : "#ffffff");
		for (size_t i = 0; i < se->ng; i++)
			ord[i] = i;
		for (size_t i = 1; i < se->ng; i++) /* insertion sort: stable, few points */
			for (size_t j = i; j > 0 && se->size[ord[j]] > se->size[ord[j - 1]]; j--) {
				size_t t = ord[j];
				ord[j] = ord[j - 1];
				ord[j - 1] = t;
			}
		for (size_t n = 0; n < se->ng; n++) {
			size_t i = ord[n];
			double x, y, rad = 3.5;
			wf_italy_project(m, se->lon[i], se->lat[i], &x, &y);
			x = px + (x - vx) * k;
			y = py + (y - vy) * k;
			if (maxsize > 0 && se->size[i] > 0)
				rad = fmax(2, 18 * sqrt(se->size[i] / maxsize));
			if (s % 2)
				rect(b, x - rad * 0.886, y - rad * 0.886, rad * 1.772, rad * 1.772, "", 0);
			else
				circle(b, x, y, rad, "");
			wf_strbuf_puts(b, "<title>");
			esc(b, se->label[i]);
			if (se->size[i] > 0) {
				wf_strbuf_puts(b, ": ");
				esc(b, vstr(&tmp, c, se->size[i], 0));
			}
			wf_strbuf_puts(b, "</title>");
			wf_strbuf_puts(b, s % 2 ? "</rect>\n" : "</circle>\n");
		}
		wf_strbuf_puts(b, "</g>\n");
		free(ord);
	}
	/* Legend on the right. */
	lx = px + mw + 24;
	ly = py + 14;
	if (nc) {
		if (*c->ylabel) {
			text(b, lx, ly, "start", "font-weight=\"bold\"", c->ylabel, 40);
			ly += 20;
		}
		for (int q = 0; q < nc; q++) {
			char attrs[64];
			snprintf(attrs, sizeof attrs, "fill=\"%s\" stroke=\"#5f6b76\"", classcol[q]);
			rect(b, lx, ly - 11, 22, 14, attrs, 1);
			wf_strbuf_reset(&tmp);
			value_text(&tmp, c, lo[q], c->vdec);
			if (hi[q] != lo[q]) {
				wf_strbuf_puts(&tmp, " \xe2\x80\x93 "); /* en dash */
				value_text(&tmp, c, hi[q], c->vdec);
			}
			text(b, lx + 30, ly, "start", NULL, tmp.s, 0);
			ly += 20;
		}
		rect(b, lx, ly - 11, 22, 14, "fill=\"url(#wf-hatch)\" stroke=\"#5f6b76\"", 1);
		text(b, lx + 30, ly, "start", NULL, wf_msg(c->lang, WF_M_MAP_LEGEND_NODATA), 0);
		ly += 32;
	}
	for (size_t s = 0; s < c->ns; s++) {
		const char *col = palette[s % NPAL];
		wf_strbuf_printf(b, "<g class=\"legend\" fill=\"%s\">", col);
		double maxsize = series_maxsize(&c->ser[s]);
		/* Sized series show their largest symbol and its size (each
		 * series has its own scale: units asked, capacity). */
		double r = maxsize > 0 ? 18 : 5;
		if (s % 2)
			rect(b, lx + 18 - r * 0.886, ly + r - 9 - r * 0.886, r * 1.772, r * 1.772, "", 1);
		else
			circle(b, lx + 18, ly + r - 9, r, "/");
		wf_strbuf_puts(b, "</g>\n");
		wf_strbuf_reset(&tmp);
		wf_strbuf_printf(&tmp, "%s (%zu)", c->ser[s].name, c->ser[s].ng);
		text(b, lx + 44, ly, "start", NULL, tmp.s, WF_SVG_NAME_MAX);
		if (maxsize > 0) {
			wf_strbuf_reset(&tmp);
			wf_strbuf_puts(&tmp, "max ");
			value_text(&tmp, c, maxsize, 0);
			text(b, lx + 44, ly + 16, "start", "fill=\"#555555\"", tmp.s, 0);
		}
		ly += 2 * r + 14;
	}
	text(b, px, py + mh + 22, "start", "font-size=\"10\" fill=\"#666666\"",
	     wf_italy_attribution(m, c->lang), 0);
	caption_close(b, c, py + mh + 24);
	wf_strbuf_puts(b, "</svg>\n");
	wf_strbuf_release(&tmp);
}

/* ---- small multiples: a peer distribution in a 280 x 112 strip ---- */

static void svg_dist_compact(wf_strbuf *b, const wf_chart *c)
{
	const double w = 280, px = 14, pw = w - 28, py = 44, ph = 34;
	double lo, hi, t0, st, span;
	int nt;
	wf_strbuf tmp = WF_STRBUF_INIT;

	dist_bounds(c, &lo, &hi);
	wf_nice_ticks(lo, hi, 3, &t0, &st, &nt);
	span = st * (nt - 1);
	wf_strbuf_puts(b, "<svg class=\"wf-chart small\" viewBox=\"0 0 280 112\" width=\"280\" "
		       "height=\"112\" font-family=\"sans-serif\" font-size=\"10\" role=\"img\">\n<title>");
	esc(b, c->title);
	wf_strbuf_puts(b, "</title>\n");
	rect(b, 0, 0, w, 112, "fill=\"#ffffff\"", 1);
	text(b, 6, 14, "start", "font-size=\"12\" font-weight=\"bold\"", c->title, 34);
	if (c->xlabel && *c->xlabel)
		text(b, 6, 27, "start", "fill=\"#555555\"", c->xlabel, 48);
#define XV(v) (px + ((v) - t0) / span * pw)
	line(b, px, py + ph, px + pw, py + ph, "stroke=\"#444444\"");
	for (int i = 0; i < nt; i++) {
		double v = t0 + st * i;
		if (fabs(v) < st * 1e-9)
			v = 0;
		line(b, XV(v), py + ph, XV(v), py + ph + 3, "stroke=\"#444444\"");
		text(b, XV(v), py + ph + 14, i == 0 ? "start" : i == nt - 1 ? "end" : "middle", NULL,
		     tick(&tmp, c, v, st, fmax(fabs(t0), fabs(t0 + span))), 12);
	}
	wf_strbuf_puts(b, "<g class=\"peers\" fill=\"#0072b2\" fill-opacity=\"0.4\">\n");
	for (size_t i = 0; i < c->ndv && i < WF_DIST_STRIP_MAX; i++) {
		double j = (double)((i * 7919u) % 101u) / 100.0;
		circle(b, XV(c->dv[i]), py + 4 + j * (ph - 8), 2.5, "");
		wf_strbuf_puts(b, "<title>");
		value_text(b, c, c->dv[i], c->vdec);
		wf_strbuf_puts(b, "</title></circle>\n");
	}
	wf_strbuf_puts(b, "</g>\n");
	if (c->has_box) {
		rect(b, XV(c->box[0]), py + 2, XV(c->box[2]) - XV(c->box[0]), ph - 4,
		     "fill=\"none\" stroke=\"#333333\" stroke-width=\"1.2\"", 1);
		line(b, XV(c->box[1]), py + 2, XV(c->box[1]), py + ph - 2,
		     "stroke=\"#333333\" stroke-width=\"2\"");
	}
	if (c->has_marker) {
		double x = XV(c->marker);
		wf_strbuf tl = WF_STRBUF_INIT;
		value_text(&tl, c, c->marker, c->vdec);
		line(b, x, py - 4, x, py + ph, "stroke=\"" ACCENT "\" stroke-width=\"3\"");
		text(b, x < px + pw / 2 ? x + 3 : x - 3, py - 4, x < px + pw / 2 ? "start" : "end",
		     "font-weight=\"bold\" fill=\"" ACCENT "\"", tl.s, 0);
		wf_strbuf_release(&tl);
	}
#undef XV
	wf_strbuf_puts(b, "</svg>\n");
	wf_strbuf_release(&tmp);
}

int wf_chart_on_italy(const wf_chart *c)
{
	wf_italy *m = wf_italy_new();
	int on = m && map_fits(c, m); /* LCOV_EXCL_BR_LINE: the compiled-in map parses (test_italy) */

	wf_italy_free(m);
	return on;
}

static void svg_map(wf_strbuf *b, const wf_chart *c)
{
	wf_italy *m = wf_italy_new();

	if (m && map_fits(c, m)) /* LCOV_EXCL_BR_LINE: the compiled-in map parses (test_italy) */
		svg_italy(b, c, m);
	else
		svg_scatter(b, c);
	wf_italy_free(m);
}

void wf_chart_svg(const wf_chart *c, wf_strbuf *out)
{
	if (wf_chart_npoints(c) == 0) {
		svg_empty(out, c);
		return;
	}
	switch (c->kind) {
	case WF_CHART_LINE: svg_line(out, c); break;
	case WF_CHART_BAR: svg_bar(out, c); break;
	case WF_CHART_DIST:
		if (c->compact)
			svg_dist_compact(out, c);
		else
			svg_dist(out, c);
		break;
	case WF_CHART_MAP: svg_map(out, c); break;
	}
}

/* ---- JSON ---- */

/* Shortest round-trip-safe text is not needed here: values come from
 * decimals or statistics printed with few digits, and %.15g in the C
 * locale (wf_cli_init sets it) is deterministic. */
static void jnum(wf_strbuf *b, double v)
{
	char buf[40];

	if (isnan(v) || isinf(v)) {
		wf_strbuf_puts(b, "null");
		return;
	}
	snprintf(buf, sizeof buf, "%.15g", v);
	/* a host program that set a comma LC_NUMERIC; no wfkit tool does */
	for (char *p = buf; *p; p++)
		if (*p == ',') /* LCOV_EXCL_BR_LINE: see above */
			*p = '.'; /* LCOV_EXCL_LINE: see above */
	wf_strbuf_puts(b, buf);
}

static void jstr(wf_strbuf *b, const char *s)
{
	wf_strbuf_json(b, s, strlen(s));
}

void wf_chart_json(const wf_chart *c, wf_strbuf *b)
{
	static const char *const kinds[] = { "line", "bar", "distribution", "map" };

	wf_strbuf_printf(b, "{\"kind\": \"%s\", \"title\": ", kinds[c->kind]);
	jstr(b, c->title);
	wf_strbuf_puts(b, ", \"x_label\": ");
	jstr(b, c->xlabel);
	wf_strbuf_puts(b, ", \"y_label\": ");
	jstr(b, c->ylabel);
	if (c->caption) {
		wf_strbuf_puts(b, ", \"caption\": ");
		jstr(b, c->caption);
	}
	if (c->kind == WF_CHART_LINE || c->kind == WF_CHART_BAR) {
		wf_strbuf_puts(b, ", \"x\": [");
		for (size_t i = 0; i < c->nx; i++) {
			if (i)
				wf_strbuf_puts(b, ", ");
			jstr(b, c->xs[i]);
		}
		wf_strbuf_puts(b, "], \"series\": [");
		for (size_t s = 0; s < c->ns; s++) {
			const struct series *se = &c->ser[s];
			wf_strbuf_puts(b, s ? ",\n  {\"name\": " : "\n  {\"name\": ");
			jstr(b, se->name);
			wf_strbuf_puts(b, ", \"values\": [");
			for (size_t i = 0; i < c->nx; i++) {
				if (i)
					wf_strbuf_puts(b, ", ");
				if (i < se->ny && se->has[i])
					jnum(b, se->y[i]);
				else
					wf_strbuf_puts(b, "null");
			}
			wf_strbuf_puts(b, "]}");
		}
		wf_strbuf_puts(b, "]");
		if (c->kind == WF_CHART_BAR) {
			wf_strbuf_puts(b, ", \"highlighted\": [");
			for (size_t i = 0, n = 0; i < c->nx; i++)
				if (c->hl[i]) {
					if (n++)
						wf_strbuf_puts(b, ", ");
					jstr(b, c->xs[i]);
				}
			wf_strbuf_puts(b, "]");
		}
	} else if (c->kind == WF_CHART_DIST) {
		wf_strbuf_puts(b, ", \"values\": [");
		for (size_t i = 0; i < c->ndv; i++) {
			if (i)
				wf_strbuf_puts(b, ", ");
			jnum(b, c->dv[i]);
		}
		wf_strbuf_puts(b, "]");
		if (c->has_box) {
			wf_strbuf_puts(b, ", \"p25\": ");
			jnum(b, c->box[0]);
			wf_strbuf_puts(b, ", \"median\": ");
			jnum(b, c->box[1]);
			wf_strbuf_puts(b, ", \"p75\": ");
			jnum(b, c->box[2]);
		}
		if (c->has_marker) {
			wf_strbuf_puts(b, ", \"marker\": {\"label\": ");
			jstr(b, c->marker_label);
			wf_strbuf_puts(b, ", \"value\": ");
			jnum(b, c->marker);
			wf_strbuf_puts(b, "}");
		}
	} else {
		wf_strbuf_puts(b, ", \"series\": [");
		for (size_t s = 0; s < c->ns; s++) {
			const struct series *se = &c->ser[s];
			wf_strbuf_puts(b, s ? ",\n  {\"name\": " : "\n  {\"name\": ");
			jstr(b, se->name);
			wf_strbuf_puts(b, ", \"points\": [");
			for (size_t i = 0; i < se->ng; i++) {
				wf_strbuf_puts(b, i ? ", {\"lon\": " : "{\"lon\": ");
				jnum(b, se->lon[i]);
				wf_strbuf_puts(b, ", \"lat\": ");
				jnum(b, se->lat[i]);
				wf_strbuf_puts(b, ", \"label\": ");
				jstr(b, se->label[i]);
				if (se->size[i] > 0) {
					wf_strbuf_puts(b, ", \"size\": ");
					jnum(b, se->size[i]);
				}
				wf_strbuf_puts(b, "}");
			}
			wf_strbuf_puts(b, "]}");
		}
		wf_strbuf_puts(b, "]");
		if (c->nreg) {
			size_t n = 0;
			wf_strbuf_puts(b, ", \"regions\": [");
			for (int r = 0; r < WF_ITALY_NREGIONS; r++)
				if (c->regh[r]) {
					wf_strbuf_printf(b, "%s{\"region\": \"%02d\", \"value\": ", n++ ? ", " : "",
							 r + 1);
					jnum(b, c->regv[r]);
					wf_strbuf_puts(b, "}");
				}
			wf_strbuf_puts(b, "]");
		}
	}
	wf_strbuf_puts(b, "}");
}
