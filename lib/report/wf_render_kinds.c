#include "wf_render_kinds.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"

static const char *const kind_names[] = { "table", "trend", "benchmark", "match" };

int wf_report_kind_parse(const char *s)
{
	for (int i = 0; i < 4; i++)
		if (strcmp(s, kind_names[i]) == 0)
			return i;
	return -1;
}

const char *wf_report_kind_name(enum wf_report_kind k)
{
	return kind_names[k];
}

static void seterr(wf_report_err *e, long row, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void seterr(wf_report_err *e, long row, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	e->row = row;
}

/* ---- small helpers ---- */

/* A sorted set of strings with an index each (first-seen order kept in
 * idx so callers can map back). */
typedef struct strset {
	char **v;
	size_t n, cap;
} strset;

static size_t set_add(strset *s, const char *str)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i], str) == 0)
			return i;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->v = wf_xrealloc(s->v, s->cap * sizeof *s->v);
	}
	s->v[s->n] = wf_xstrdup(str);
	return s->n++;
}

static int set_find(const strset *s, const char *str)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(s->v[mid], str);
		if (c == 0)
			return (int)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void set_sort(strset *s)
{
	if (s->n > 1) /* qsort(NULL, 0, ...) is undefined */
		qsort(s->v, s->n, sizeof *s->v, cmpstr);
}

static void set_free(strset *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

/* Column lookup that collects every missing name for one message. */
typedef struct need {
	const wf_rtable *t;
	wf_strbuf missing;
	int nmissing;
} need;

static int need_col(need *n, const char *name)
{
	int c = wf_rtable_col(n->t, name);

	if (c < 0) {
		wf_strbuf_printf(&n->missing, "%s'%s'", n->nmissing ? ", " : "", name);
		n->nmissing++;
	}
	return c;
}

static int need_report(need *n, const char *kind, const char *hint, wf_report_err *e)
{
	int bad = n->nmissing > 0;

	if (bad)
		seterr(e, -1, "missing column%s %s needed by --kind %s%s%s", n->nmissing > 1 ? "s" : "",
		       wf_strbuf_str(&n->missing), kind, hint ? "; " : "", hint ? hint : "");
	wf_strbuf_release(&n->missing);
	return bad ? -1 : 0;
}

/* Split "a,b" into column indexes; every name must exist. */
static int split_cols(const char *spec, int **cols, size_t *ncols,
		      need *nd)
{
	const char *p = spec;

	*cols = NULL;
	*ncols = 0;
	while (p && *p) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *name = wf_xstrndup(p, len);
		int c = need_col(nd, name);
		free(name);
		if (c >= 0) {
			*cols = wf_xrealloc(*cols, (*ncols + 1) * sizeof **cols);
			(*cols)[(*ncols)++] = c;
		}
		p = e ? e + 1 : NULL;
	}
	return 0;
}

/* Cell as a number: 1 ok, 0 missing or empty, -1 not a number. */
static int cell_num(const wf_rtable *t, size_t r, int c, wf_dec *d)
{
	const char *s;

	if (c < 0)
		return 0;
	s = wf_rtable_cell(t, r, (size_t)c);
	if (!s || !*s)
		return 0;
	return wf_render_is_number(s, strlen(s), d) ? 1 : -1;
}

static const char *cell(const wf_rtable *t, size_t r, int c)
{
	const char *s = c < 0 ? NULL : wf_rtable_cell(t, r, (size_t)c);
	return s ? s : "";
}

static int num_or_err(const wf_rtable *t, size_t r, int c, wf_dec *d, wf_report_err *e)
{
	int k = cell_num(t, r, c, d);

	if (k < 0)
		seterr(e, (long)r, "'%s' in column '%s' is not a number", cell(t, r, c),
		       wf_rtable_name(t, (size_t)c));
	return k;
}

/* Rows kept by the --where filters (1 = keep). Rows whose input lacked
 * the column (a NULL cell) are kept. */
static unsigned char *filter_rows(const wf_rtable *t, const wf_report_opts *o, need *nd,
				  size_t *kept)
{
	size_t nr = wf_rtable_nrows(t);
	unsigned char *keep = wf_xmalloc(nr ? nr : 1);

	memset(keep, 1, nr ? nr : 1);
	*kept = nr;
	for (size_t w = 0; w < o->nwhere; w++) {
		const char *eq = strchr(o->where[w], '=');
		char *name = wf_xstrndup(o->where[w], eq ? (size_t)(eq - o->where[w]) : strlen(o->where[w]));
		int c = need_col(nd, name);
		free(name);
		if (c < 0 || !eq)
			continue;
		for (size_t r = 0; r < nr; r++) {
			const char *s = wf_rtable_cell(t, r, (size_t)c);
			if (keep[r] && s && strcmp(s, eq + 1) != 0) {
				keep[r] = 0;
				(*kept)--;
			}
		}
	}
	return keep;
}

static const char *display_name(const wf_report_opts *o, const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < o->nlabel; i++)
		if (strncmp(o->label[i], name, n) == 0 && o->label[i][n] == '=')
			return o->label[i] + n + 1;
	return name;
}

static void chart_fmt(wf_chart *c, const wf_report_opts *o)
{
	wf_chart_numfmt(c, o->point ? o->point : '.', o->group_sep ? o->group_sep : ',');
}

static void no_rows(wf_report *r, wf_rtable *in)
{
	wf_report_note(r, "No rows: the input has no data rows, so there is nothing to chart.");
	wf_report_table(r, in);
}

static char *axis_title(const char *name, const char *unit)
{
	wf_strbuf b = WF_STRBUF_INIT;

	wf_strbuf_puts(&b, name);
	if (unit && *unit)
		wf_strbuf_printf(&b, " (%s)", unit);
	return wf_strbuf_steal(&b);
}

/* Exact text of d keeping its scale ("34000000.00"), so a column of
 * sums stays a decimal column like its inputs. */
static void dec_text(char *buf, wf_dec d)
{
	char tmp[WF_DEC_BUFSZ];
	unsigned long long u = d.m < 0 ? 0ULL - (unsigned long long)d.m : (unsigned long long)d.m;
	int n = 0, len = 0;

	do {
		tmp[n++] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u || n <= d.s);
	if (d.m < 0)
		buf[len++] = '-';
	while (n > 0) {
		if (n == d.s)
			buf[len++] = '.';
		buf[len++] = tmp[--n];
	}
	buf[len] = '\0';
}

/* Percent a/b*100 with 1 decimal, "" when b is zero. */
static void pct_text(char *buf, size_t sz, double a, double b)
{
	if (b == 0) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, sz, "%.1f", a / b * 100);
	if (strcmp(buf, "-0.0") == 0)
		strcpy(buf, "0.0");
}

/* ---- generic table ---- */

static wf_report *build_table(wf_rtable *in, const wf_report_opts *o, wf_report_err *e)
{
	need nd = { in, WF_STRBUF_INIT, 0 };
	size_t kept;
	unsigned char *keep = filter_rows(in, o, &nd, &kept);
	wf_report *r;

	if (need_report(&nd, "table", NULL, e)) {
		free(keep);
		wf_rtable_free(in);
		return NULL;
	}
	r = wf_report_new(o->title ? o->title : "Table", "table");
	if (kept < wf_rtable_nrows(in)) {
		size_t nc = wf_rtable_ncols(in);
		const char **names = wf_xcalloc(nc ? nc : 1, sizeof *names);
		const char **vals = wf_xcalloc(nc ? nc : 1, sizeof *vals);
		for (size_t c = 0; c < nc; c++)
			names[c] = wf_rtable_name(in, c);
		wf_rtable *t = wf_rtable_new("", nc, names);
		for (size_t i = 0; i < wf_rtable_nrows(in); i++) {
			if (!keep[i])
				continue;
			for (size_t c = 0; c < nc; c++)
				vals[c] = wf_rtable_cell(in, i, c);
			wf_rtable_add(t, vals, NULL);
		}
		free(names);
		free(vals);
		wf_rtable_free(in);
		in = t;
	}
	free(keep);
	if (wf_rtable_nrows(in) == 0)
		no_rows(r, in);
	else
		wf_report_table(r, in);
	return r;
}

/* ---- trend ---- */

struct cellsum {
	wf_dec sum;
	unsigned n;
};

static wf_report *build_trend(wf_rtable *in, const wf_report_opts *o, wf_report_err *e)
{
	const char *period = o->period ? o->period : "year";
	const char *value = o->value ? o->value : "metric_total";
	need nd = { in, WF_STRBUF_INIT, 0 };
	int pc = need_col(&nd, period), vc = need_col(&nd, value);
	int *gc = NULL;
	size_t ngc = 0, kept, nr = wf_rtable_nrows(in), ncap = o->top ? o->top : 10;
	unsigned char *keep = filter_rows(in, o, &nd, &kept);
	strset periods = { 0 }, groups = { 0 };
	char **rowgroup = NULL;
	struct cellsum *m = NULL;
	wf_report *r = NULL;
	wf_chart *ch = NULL;
	char *ytitle = NULL;
	size_t summed = 0;

	if (o->group)
		split_cols(o->group, &gc, &ngc, &nd);
	if (need_report(&nd, "trend", "--period, --group and --value choose columns", e))
		goto fail;
	if (!o->group) {
		for (size_t c = 0; c < wf_rtable_ncols(in); c++)
			if ((int)c != pc && (int)c != vc && wf_rtable_coltype(in, c) == WF_RCOL_TEXT) {
				gc = wf_xrealloc(gc, (ngc + 1) * sizeof *gc);
				gc[ngc++] = (int)c;
			}
	}
	r = wf_report_new(o->title ? o->title : "Trend", "trend");
	if (kept == 0) {
		no_rows(r, in);
		in = NULL;
		goto out;
	}
	/* Group name of each row: its group cells joined by " / ". */
	rowgroup = wf_xcalloc(nr, sizeof *rowgroup);
	for (size_t i = 0; i < nr; i++) {
		wf_strbuf g = WF_STRBUF_INIT;
		if (!keep[i])
			continue;
		if (!*cell(in, i, pc)) {
			seterr(e, (long)i, "empty value in column '%s'", period);
			goto fail;
		}
		for (size_t k = 0; k < ngc; k++) {
			const char *s = cell(in, i, gc[k]);
			if (!*s)
				continue;
			if (g.len)
				wf_strbuf_puts(&g, " / ");
			wf_strbuf_puts(&g, s);
		}
		if (g.len == 0)
			wf_strbuf_puts(&g, ngc ? "(none)" : value);
		rowgroup[i] = wf_strbuf_steal(&g);
		set_add(&periods, cell(in, i, pc));
		set_add(&groups, rowgroup[i]);
	}
	set_sort(&periods);
	set_sort(&groups);
	m = wf_xcalloc(periods.n * groups.n, sizeof *m);
	for (size_t i = 0; i < nr; i++) {
		wf_dec d;
		int k;
		struct cellsum *cs;
		if (!keep[i])
			continue;
		k = num_or_err(in, i, vc, &d, e);
		if (k < 0)
			goto fail;
		if (k == 0)
			continue; /* a gap */
		cs = &m[(size_t)set_find(&periods, cell(in, i, pc)) * groups.n +
			(size_t)set_find(&groups, rowgroup[i])];
		if (cs->n == 0) {
			cs->sum = d;
		} else {
			if (wf_dec_add(&cs->sum, d)) {
				seterr(e, (long)i, "sum of column '%s' overflows", value);
				goto fail;
			}
			summed++;
		}
		cs->n++;
	}
	if (summed) {
		char note[200];
		snprintf(note, sizeof note, "%zu row%s shared a %s and group with an earlier row; "
			 "the values of column '%s' were summed.", summed, summed == 1 ? "" : "s",
			 period, value);
		wf_report_note(r, note);
	}
	/* The chart: every group while they are few; beyond the cap, the
	 * ones with the largest value in the last period they have. */
	{
		char title[300];
		unsigned char *show = wf_xcalloc(groups.n, 1);
		double *last = wf_xcalloc(groups.n, sizeof *last);
		size_t shown = 0;

		for (size_t g = 0; g < groups.n; g++) {
			last[g] = -INFINITY;
			for (size_t p = periods.n; p-- > 0;)
				if (m[p * groups.n + g].n) {
					last[g] = wf_dec_to_double(m[p * groups.n + g].sum);
					break;
				}
		}
		for (size_t k = 0; k < groups.n && k < ncap; k++) {
			size_t best = groups.n;
			for (size_t g = 0; g < groups.n; g++)
				if (!show[g] && (best == groups.n || last[g] > last[best]))
					best = g;
			show[best] = 1;
			shown++;
		}
		snprintf(title, sizeof title, "%s by %s", value, period);
		ch = wf_chart_new(WF_CHART_LINE, title);
		chart_fmt(ch, o);
		ytitle = axis_title(value, o->unit);
		wf_chart_axes(ch, period, ytitle);
		wf_chart_zero_baseline(ch, 1);
		for (size_t p = 0; p < periods.n; p++)
			wf_chart_x(ch, periods.v[p]);
		for (size_t g = 0; g < groups.n; g++) {
			size_t s;
			if (!show[g])
				continue;
			s = wf_chart_series(ch, display_name(o, groups.v[g]));
			for (size_t p = 0; p < periods.n; p++)
				if (m[p * groups.n + g].n)
					wf_chart_set(ch, s, p, wf_dec_to_double(m[p * groups.n + g].sum));
		}
		if (shown < groups.n) {
			char note[200];
			snprintf(note, sizeof note, "The chart shows the %zu groups with the largest last "
				 "value of %zu; the table lists all.", shown, groups.n);
			wf_report_note(r, note);
		}
		free(show);
		free(last);
		wf_report_chart(r, ch);
		ch = NULL;
	}
	/* Values table: one row per period, one column per group. */
	{
		const char **names = wf_xcalloc(groups.n + 1, sizeof *names);
		const char **vals = wf_xcalloc(groups.n + 1, sizeof *vals);
		char (*bufs)[WF_DEC_BUFSZ] = wf_xcalloc(groups.n + 1, sizeof *bufs);
		wf_rtable *t;
		char cap[300];

		names[0] = period;
		for (size_t g = 0; g < groups.n; g++)
			names[g + 1] = display_name(o, groups.v[g]);
		snprintf(cap, sizeof cap, "%s by %s and group", value, period);
		t = wf_rtable_new(cap, groups.n + 1, names);
		/* Sums keep one display however round they happen to be. */
		for (size_t g = 0; g < groups.n; g++)
			wf_rtable_force_decimal(t, g + 1);
		for (size_t p = 0; p < periods.n; p++) {
			vals[0] = periods.v[p];
			for (size_t g = 0; g < groups.n; g++) {
				const struct cellsum *cs = &m[p * groups.n + g];
				vals[g + 1] = NULL;
				if (cs->n) {
					dec_text(bufs[g + 1], cs->sum);
					vals[g + 1] = bufs[g + 1];
				}
			}
			wf_rtable_add(t, vals, NULL);
		}
		wf_report_table(r, t);
		/* Change over the span, per group. */
		{
			static const char *const cn[] = { "group", "first", "first_value", "last",
							  "last_value", "change", "change_pct" };
			wf_rtable *c2;
			snprintf(cap, sizeof cap, "Change of %s from first to last %s", value, period);
			c2 = wf_rtable_new(cap, 7, cn);
			wf_rtable_force_decimal(c2, 2);
			wf_rtable_force_decimal(c2, 4);
			wf_rtable_force_decimal(c2, 5);
			wf_rtable_force_decimal(c2, 6);
			for (size_t g = 0; g < groups.n; g++) {
				size_t p0 = periods.n, p1 = periods.n;
				char b0[WF_DEC_BUFSZ], b1[WF_DEC_BUFSZ], bc[WF_DEC_BUFSZ], bp[32];
				const char *v[7];
				wf_dec diff;
				for (size_t p = 0; p < periods.n; p++)
					if (m[p * groups.n + g].n) {
						if (p0 == periods.n)
							p0 = p;
						p1 = p;
					}
				if (p0 == periods.n)
					continue;
				dec_text(b0, m[p0 * groups.n + g].sum);
				dec_text(b1, m[p1 * groups.n + g].sum);
				diff = m[p1 * groups.n + g].sum;
				v[5] = NULL;
				if (wf_dec_add(&diff, wf_dec_neg(m[p0 * groups.n + g].sum)) == 0) {
					dec_text(bc, diff);
					v[5] = bc;
				}
				pct_text(bp, sizeof bp, wf_dec_to_double(diff),
					 wf_dec_to_double(m[p0 * groups.n + g].sum));
				v[0] = display_name(o, groups.v[g]);
				v[1] = periods.v[p0];
				v[2] = b0;
				v[3] = periods.v[p1];
				v[4] = b1;
				v[6] = bp;
				wf_rtable_add(c2, v, NULL);
			}
			wf_report_table(r, c2);
		}
		free(names);
		free(vals);
		free(bufs);
	}
	goto out;
fail:
	wf_report_free(r);
	r = NULL;
out:
	wf_chart_free(ch);
	free(ytitle);
	if (rowgroup)
		for (size_t i = 0; i < nr; i++)
			free(rowgroup[i]);
	free(rowgroup);
	free(m);
	free(gc);
	free(keep);
	set_free(&periods);
	set_free(&groups);
	wf_rtable_free(in);
	return r;
}

/* ---- benchmark ---- */

/* wf-benchmark's own columns: everything else of text type is part of
 * the peer-group key (the --peers columns, size_class). */
static const char *const bench_known[] = {
	"institution", "institution_name", "metric", "denominator", "per_employee",
	"peers", "peer_mean", "peer_median", "peer_p25", "peer_p75", "peer_p90",
	"peer_min", "peer_max", "pct_rank", "robust_z", "gap_median", "gap_median_pct",
	"change", "change_pct", "cagr_pct", "slope", "baseline_period", "baseline_value",
	"since_baseline", "since_baseline_pct", "since_baseline_rank", "flags"
};

static int is_known(const char *name)
{
	for (size_t i = 0; i < sizeof bench_known / sizeof *bench_known; i++)
		if (strcmp(name, bench_known[i]) == 0)
			return 1;
	return 0;
}

static int col_has_values(const wf_rtable *t, int c)
{
	if (c < 0)
		return 0;
	for (size_t r = 0; r < wf_rtable_nrows(t); r++) {
		const char *s = wf_rtable_cell(t, r, (size_t)c);
		if (s && *s)
			return 1;
	}
	return 0;
}

static int same_peers(const wf_rtable *t, size_t a, size_t b, int pc, const int *gc, size_t ngc)
{
	if (strcmp(cell(t, a, pc), cell(t, b, pc)) != 0)
		return 0;
	for (size_t k = 0; k < ngc; k++)
		if (strcmp(cell(t, a, gc[k]), cell(t, b, gc[k])) != 0)
			return 0;
	return 1;
}

/* Rank order for the table: value descending, missing last, then
 * institution, so ties are deterministic. */
static const wf_rtable *rank_t;
static int rank_vc, rank_ic;

static int cmp_rank(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	wf_dec da, db;
	int ha = cell_num(rank_t, a, rank_vc, &da) == 1, hb = cell_num(rank_t, b, rank_vc, &db) == 1;

	if (ha != hb)
		return hb - ha;
	if (ha) {
		int c = wf_dec_cmp(db, da);
		if (c)
			return c;
	}
	{
		int c = strcmp(cell(rank_t, a, rank_ic), cell(rank_t, b, rank_ic));
		if (c)
			return c;
	}
	return (a > b) - (a < b);
}

static wf_rtable *subset(const wf_rtable *in, const size_t *rows, size_t n, const int *cols,
			 size_t ncols, const char *caption, int with_rank)
{
	size_t nc = ncols + (with_rank ? 1 : 0);
	const char **names = wf_xcalloc(nc, sizeof *names);
	const char **vals = wf_xcalloc(nc, sizeof *vals);
	wf_rtable *t;
	char rank[32];

	if (with_rank)
		names[0] = "rank";
	for (size_t k = 0; k < ncols; k++)
		names[k + (with_rank ? 1 : 0)] = wf_rtable_name(in, (size_t)cols[k]);
	t = wf_rtable_new(caption, nc, names);
	for (size_t i = 0; i < n; i++) {
		snprintf(rank, sizeof rank, "%zu", i + 1);
		if (with_rank)
			vals[0] = rank;
		for (size_t k = 0; k < ncols; k++)
			vals[k + (with_rank ? 1 : 0)] = wf_rtable_cell(in, rows[i], (size_t)cols[k]);
		wf_rtable_add(t, vals, NULL);
	}
	free(names);
	free(vals);
	return t;
}

static wf_report *build_benchmark(wf_rtable *in, const wf_report_opts *o, wf_report_err *e)
{
	const char *period = o->period ? o->period : "year";
	need nd = { in, WF_STRBUF_INIT, 0 };
	int pc = need_col(&nd, period), ic = need_col(&nd, "institution"), vc;
	int nc = wf_rtable_col(in, "institution_name"), fc = wf_rtable_col(in, "flags");
	int *gc = NULL, *cols = NULL;
	size_t ngc = 0, ncols = 0, kept, nr = wf_rtable_nrows(in), *rows = NULL, n = 0;
	const char *value, *latest = NULL;
	unsigned char *keep;
	wf_report *r = NULL;
	char buf[400];

	if (o->value)
		value = o->value;
	else
		value = col_has_values(in, wf_rtable_col(in, "per_employee")) ? "per_employee" : "metric";
	vc = need_col(&nd, value);
	keep = filter_rows(in, o, &nd, &kept);
	if (o->group)
		split_cols(o->group, &gc, &ngc, &nd);
	if (need_report(&nd, "benchmark", "it reads wf-benchmark output (not --summary)", e))
		goto fail;
	if (!o->group)
		for (size_t c = 0; c < wf_rtable_ncols(in); c++)
			if ((int)c != pc && !is_known(wf_rtable_name(in, c)) &&
			    wf_rtable_coltype(in, c) == WF_RCOL_TEXT) {
				gc = wf_xrealloc(gc, (ngc + 1) * sizeof *gc);
				gc[ngc++] = (int)c;
			}
	for (size_t i = 0; i < nr; i++) {
		wf_dec d;
		if (!keep[i])
			continue;
		if (num_or_err(in, i, vc, &d, e) < 0)
			goto fail;
		if (!latest || strcmp(cell(in, i, pc), latest) > 0)
			latest = cell(in, i, pc);
	}
	r = wf_report_new(o->title ? o->title : "Benchmark", "benchmark");
	if (kept == 0) {
		if (o->institution) {
			snprintf(buf, sizeof buf, "Institution '%s' cannot be shown: the input has no rows.",
				 o->institution);
			wf_report_note(r, buf);
		}
		no_rows(r, in);
		in = NULL;
		goto out;
	}
	rows = wf_xcalloc(nr, sizeof *rows);
	/* Columns people want in a ranked list, in this order, when present. */
	{
		static const char *const pick[] = { "institution", "institution_name", "metric",
			"per_employee", "peers", "peer_median", "pct_rank", "gap_median_pct",
			"change_pct", "flags" };
		cols = wf_xcalloc(wf_rtable_ncols(in) + 16, sizeof *cols);
		cols[ncols++] = pc;
		for (size_t k = 0; k < 2; k++) {
			int c = wf_rtable_col(in, pick[k]);
			if (c >= 0)
				cols[ncols++] = c;
		}
		for (size_t k = 0; k < ngc; k++)
			cols[ncols++] = gc[k];
		for (size_t k = 2; k < sizeof pick / sizeof *pick; k++) {
			int c = wf_rtable_col(in, pick[k]);
			if (c >= 0)
				cols[ncols++] = c;
		}
		{
			int have = 0;
			for (size_t k = 0; k < ncols; k++)
				have |= cols[k] == vc;
			if (!have)
				cols[ncols++] = vc;
		}
	}
	if (!o->institution) {
		wf_rtable *t;
		wf_chart *ch;
		size_t nflag = 0;

		for (size_t i = 0; i < nr; i++)
			if (keep[i] && strcmp(cell(in, i, pc), latest) == 0)
				rows[n++] = i;
		rank_t = in;
		rank_vc = vc;
		rank_ic = ic;
		qsort(rows, n, sizeof *rows, cmp_rank);
		snprintf(buf, sizeof buf, "Distribution of %s, %s %s", value, period, latest);
		ch = wf_chart_new(WF_CHART_DIST, buf);
		chart_fmt(ch, o);
		{
			char *xt = axis_title(value, o->unit);
			wf_chart_axes(ch, xt, "");
			free(xt);
		}
		for (size_t k = 0; k < n; k++) {
			wf_dec d;
			if (cell_num(in, rows[k], vc, &d) == 1)
				wf_chart_dist_value(ch, wf_dec_to_double(d));
		}
		wf_chart_caption(ch, "All institutions of the period, every peer group together.");
		wf_report_chart(r, ch);
		snprintf(buf, sizeof buf, "Institutions ranked by %s, %s %s (flagged rows highlighted)",
			 value, period, latest);
		t = subset(in, rows, n, cols, ncols, buf, 1);
		for (size_t k = 0; k < n; k++)
			if (*cell(in, rows[k], fc)) {
				wf_rtable_highlight(t, k);
				nflag++;
			}
		snprintf(buf, sizeof buf, "%zu institutions in %s %s ranked by %s; %zu flagged.", n,
			 period, latest, value, nflag);
		wf_report_note(r, buf);
		wf_report_table(r, t);
		goto out;
	}
	/* One institution: its rows over time, the latest as the card. */
	for (size_t i = 0; i < nr; i++)
		if (keep[i] && strcmp(cell(in, i, ic), o->institution) == 0)
			rows[n++] = i;
	if (n == 0) {
		seterr(e, -1, "institution '%s' not found in column 'institution'", o->institution);
		goto fail;
	}
	{
		size_t cur = rows[0];
		wf_dec d, dm;
		wf_chart *dist, *line;
		size_t s0, s1, npeer = 0;
		int mc = wf_rtable_col(in, "peer_median");
		static const struct { const char *col, *label; } items[] = {
			{ "metric", "metric" }, { "per_employee", "per employee" },
			{ "peers", "peers" }, { "peer_median", "peer median" },
			{ "peer_p25", "peer 25th percentile" }, { "peer_p75", "peer 75th percentile" },
			{ "pct_rank", "percentile rank among peers" }, { "robust_z", "robust z-score" },
			{ "gap_median_pct", "gap to peer median (%)" },
			{ "change_pct", "change from previous period (%)" },
			{ "cagr_pct", "compound annual growth (%)" }, { "flags", "flags" }
		};

		for (size_t k = 1; k < n; k++)
			if (strcmp(cell(in, rows[k], pc), cell(in, cur, pc)) > 0)
				cur = rows[k];
		snprintf(buf, sizeof buf, "%s%s%s, %s %s", o->institution, nc >= 0 ? " " : "",
			 cell(in, cur, nc), period, cell(in, cur, pc));
		wf_report_card(r, buf);
		for (size_t k = 0; k < sizeof items / sizeof *items; k++) {
			int c = wf_rtable_col(in, items[k].col);
			char *lab;
			if (c < 0)
				continue;
			lab = strcmp(items[k].col, value) == 0 ? axis_title(items[k].label, o->unit) :
				wf_xstrdup(items[k].label);
			wf_report_card_item(r, lab, *cell(in, cur, c) ? cell(in, cur, c) :
					    strcmp(items[k].col, "flags") == 0 ? "none" : "n/a");
			free(lab);
		}
		/* Where it stands among its peers in that period. */
		snprintf(buf, sizeof buf, "%s among its peers, %s %s", o->institution, period,
			 cell(in, cur, pc));
		dist = wf_chart_new(WF_CHART_DIST, buf);
		chart_fmt(dist, o);
		{
			char *xt = axis_title(value, o->unit);
			wf_chart_axes(dist, xt, "");
			free(xt);
		}
		for (size_t i = 0; i < nr; i++)
			if (keep[i] && same_peers(in, i, cur, pc, gc, ngc) && cell_num(in, i, vc, &d) == 1) {
				wf_chart_dist_value(dist, wf_dec_to_double(d));
				npeer++;
			}
		{
			wf_dec q1, q2, q3;
			if (cell_num(in, cur, wf_rtable_col(in, "peer_p25"), &q1) == 1 &&
			    cell_num(in, cur, mc, &q2) == 1 &&
			    cell_num(in, cur, wf_rtable_col(in, "peer_p75"), &q3) == 1)
				wf_chart_dist_box(dist, wf_dec_to_double(q1), wf_dec_to_double(q2),
						  wf_dec_to_double(q3));
		}
		if (cell_num(in, cur, vc, &d) == 1)
			wf_chart_dist_marker(dist, wf_dec_to_double(d), o->institution);
		else
			wf_report_note(r, "The institution has no value in its latest period "
				       "(see flags), so the distribution has no marker.");
		{
			wf_strbuf capt = WF_STRBUF_INIT;
			wf_strbuf_printf(&capt, "%zu peer value%s; box: 25th to 75th percentile and median.",
					 npeer, npeer == 1 ? "" : "s");
			if (ngc) {
				wf_strbuf_puts(&capt, " Peer group:");
				for (size_t k = 0; k < ngc; k++)
					wf_strbuf_printf(&capt, " %s=%s", wf_rtable_name(in, (size_t)gc[k]),
							 cell(in, cur, gc[k]));
			}
			wf_chart_caption(dist, wf_strbuf_str(&capt));
			wf_strbuf_release(&capt);
		}
		wf_report_chart(r, dist);
		/* Its trend against the peer median. */
		{
			strset per = { 0 };
			char *yt = axis_title(value, o->unit);
			for (size_t k = 0; k < n; k++)
				set_add(&per, cell(in, rows[k], pc));
			set_sort(&per);
			snprintf(buf, sizeof buf, "%s over time", o->institution);
			line = wf_chart_new(WF_CHART_LINE, buf);
			chart_fmt(line, o);
			wf_chart_axes(line, period, yt);
			wf_chart_zero_baseline(line, 1);
			free(yt);
			for (size_t p = 0; p < per.n; p++)
				wf_chart_x(line, per.v[p]);
			s0 = wf_chart_series(line, o->institution);
			s1 = mc >= 0 ? wf_chart_series(line, "peer median") : 0;
			for (size_t k = 0; k < n; k++) {
				size_t x = (size_t)set_find(&per, cell(in, rows[k], pc));
				if (cell_num(in, rows[k], vc, &d) == 1)
					wf_chart_set(line, s0, x, wf_dec_to_double(d));
				if (mc >= 0 && cell_num(in, rows[k], mc, &dm) == 1)
					wf_chart_set(line, s1, x, wf_dec_to_double(dm));
			}
			set_free(&per);
			wf_report_chart(r, line);
		}
		/* Its rows, oldest first. */
		{
			size_t *ord = wf_xcalloc(n, sizeof *ord);
			size_t *all = wf_xcalloc(wf_rtable_ncols(in), sizeof *all);
			int *allc = wf_xcalloc(wf_rtable_ncols(in), sizeof *allc);
			wf_rtable *t;
			memcpy(ord, rows, n * sizeof *ord);
			for (size_t a = 1; a < n; a++) /* few rows: insertion sort by period */
				for (size_t b = a; b > 0 && strcmp(cell(in, ord[b - 1], pc),
								   cell(in, ord[b], pc)) > 0; b--) {
					size_t tmp = ord[b];
					ord[b] = ord[b - 1];
					ord[b - 1] = tmp;
				}
			for (size_t c = 0; c < wf_rtable_ncols(in); c++)
				allc[c] = (int)c;
			snprintf(buf, sizeof buf, "%s by %s", o->institution, period);
			t = subset(in, ord, n, allc, wf_rtable_ncols(in), buf, 0);
			for (size_t k = 0; k < n; k++)
				if (*cell(in, ord[k], fc))
					wf_rtable_highlight(t, k);
			wf_report_table(r, t);
			free(ord);
			free(all);
			free(allc);
		}
	}
	goto out;
fail:
	wf_report_free(r);
	r = NULL;
out:
	free(rows);
	free(cols);
	free(gc);
	free(keep);
	wf_rtable_free(in);
	return r;
}

/* ---- match ---- */

struct agg {
	wf_dec assigned, unmet;
	size_t rows;
	size_t first; /* first input row, for names */
};

static int add_or_err(wf_dec *acc, wf_dec d, size_t row, const char *col, wf_report_err *e)
{
	if (wf_dec_add(acc, d)) {
		seterr(e, (long)row, "sum of column '%s' overflows", col);
		return -1;
	}
	return 0;
}

static const struct agg *agg_t;
static int cmp_busy(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c = wf_dec_cmp(agg_t[b].assigned, agg_t[a].assigned);

	return c ? c : (a > b) - (a < b);
}

static wf_report *build_match(wf_rtable *in, const wf_report_opts *o, wf_report_err *e)
{
	need nd = { in, WF_STRBUF_INIT, 0 };
	int cc = need_col(&nd, "category"), ac = need_col(&nd, "assigned");
	int uc = wf_rtable_col(in, "unmet"), rc = wf_rtable_col(in, "reason");
	int dc = wf_rtable_col(in, "demand_id"), sc = wf_rtable_col(in, "supply_id");
	int snc = wf_rtable_col(in, "supply_name");
	int dla = wf_rtable_col(in, "demand_lat"), dlo = wf_rtable_col(in, "demand_lon");
	int sla = wf_rtable_col(in, "supply_lat"), slo = wf_rtable_col(in, "supply_lon");
	size_t kept, nr = wf_rtable_nrows(in), top = o->top ? o->top : 10;
	unsigned char *keep = filter_rows(in, o, &nd, &kept);
	strset cats = { 0 }, sup = { 0 }, reasons = { 0 };
	struct agg *ca = NULL, *sa = NULL, *ra = NULL;
	size_t *unmet_rows = NULL, nunmet = 0;
	char *unit = NULL;
	wf_report *r = NULL;
	char buf[400];

	if (need_report(&nd, "match", "it reads wf-match output", e))
		goto fail;
	r = wf_report_new(o->title ? o->title : "Matching of welfare demand and supply", "match");
	if (kept == 0) {
		no_rows(r, in);
		in = NULL;
		goto out;
	}
	for (size_t i = 0; i < nr; i++)
		if (keep[i]) {
			set_add(&cats, cell(in, i, cc));
			if (sc >= 0 && *cell(in, i, sc))
				set_add(&sup, cell(in, i, sc));
			if (rc >= 0 && *cell(in, i, rc))
				set_add(&reasons, cell(in, i, rc));
		}
	set_sort(&cats);
	set_sort(&sup);
	set_sort(&reasons);
	ca = wf_xcalloc(cats.n ? cats.n : 1, sizeof *ca);
	sa = wf_xcalloc(sup.n ? sup.n : 1, sizeof *sa);
	ra = wf_xcalloc(reasons.n ? reasons.n : 1, sizeof *ra);
	unmet_rows = wf_xcalloc(nr, sizeof *unmet_rows);
	for (size_t i = 0; i < nr; i++) {
		wf_dec a, u;
		int ka, ku;
		struct agg *g;
		if (!keep[i])
			continue;
		if ((ka = num_or_err(in, i, ac, &a, e)) < 0 || (ku = num_or_err(in, i, uc, &u, e)) < 0)
			goto fail;
		g = &ca[set_find(&cats, cell(in, i, cc))];
		g->rows++;
		if (ka && add_or_err(&g->assigned, a, i, "assigned", e))
			goto fail;
		if (ku && add_or_err(&g->unmet, u, i, "unmet", e))
			goto fail;
		if (ku && u.m > 0) {
			unmet_rows[nunmet++] = i;
			if (rc >= 0 && *cell(in, i, rc) &&
			    add_or_err(&ra[set_find(&reasons, cell(in, i, rc))].unmet, u, i, "unmet", e))
				goto fail;
		}
		if (sc >= 0 && *cell(in, i, sc)) {
			struct agg *s = &sa[set_find(&sup, cell(in, i, sc))];
			if (s->rows++ == 0)
				s->first = i;
			if (ka && add_or_err(&s->assigned, a, i, "assigned", e))
				goto fail;
		}
	}
	unit = wf_xstrdup(o->unit && *o->unit ? o->unit : "units");
	{
		/* wf-match --top lists candidates with no units assigned: the
		 * charts would all read zero, so say why. */
		int stc = wf_rtable_col(in, "status");
		size_t ncand = 0, nassigned = 0;
		for (size_t i = 0; stc >= 0 && i < nr; i++) {
			if (!keep[i])
				continue;
			ncand += strcmp(cell(in, i, stc), "candidate") == 0;
			nassigned += strcmp(cell(in, i, stc), "assigned") == 0;
		}
		if (ncand && !nassigned)
			wf_report_note(r, "The input lists candidate offers (wf-match --top), not an "
				       "assignment: coverage and busiest providers need wf-match --assign "
				       "output.");
	}
	/* Coverage by category. */
	{
		static const char *const cn[] = { "category", "assigned", "unmet", "coverage_pct" };
		wf_chart *ch;
		wf_rtable *t;
		char *xt;
		if (uc >= 0) {
			ch = wf_chart_new(WF_CHART_BAR, "Coverage of demand by category");
			wf_chart_axes(ch, "category", "demand covered (%)");
		} else {
			ch = wf_chart_new(WF_CHART_BAR, "Assigned by category");
			xt = axis_title("assigned", unit);
			wf_chart_axes(ch, "category", xt);
			free(xt);
			wf_report_note(r, "Coverage needs the units left unserved: a column 'unmet' "
				       "(wf-match writes it with its unmet needs); bars show assigned units.");
		}
		chart_fmt(ch, o);
		wf_chart_value_decimals(ch, uc >= 0 ? 1 : 0);
		t = wf_rtable_new("Coverage by category", uc >= 0 ? 4 : 2, cn);
		for (size_t k = 0; k < cats.n; k++) {
			char b1[WF_DEC_BUFSZ], b2[WF_DEC_BUFSZ], b3[32];
			const char *v[4];
			double as = wf_dec_to_double(ca[k].assigned), un = wf_dec_to_double(ca[k].unmet);
			size_t x = wf_chart_x(ch, display_name(o, cats.v[k]));
			dec_text(b1, ca[k].assigned);
			dec_text(b2, ca[k].unmet);
			pct_text(b3, sizeof b3, as, as + un);
			v[0] = display_name(o, cats.v[k]);
			v[1] = b1;
			v[2] = b2;
			v[3] = b3;
			if (uc >= 0) {
				if (*b3)
					wf_chart_set(ch, 0, x, as / (as + un) * 100);
				if (ca[k].unmet.m > 0)
					wf_chart_highlight(ch, x);
			} else {
				wf_chart_set(ch, 0, x, as);
			}
			wf_rtable_add(t, v, NULL);
		}
		if (uc >= 0)
			wf_chart_caption(ch, "Highlighted: categories with unmet demand.");
		wf_report_chart(r, ch);
		wf_report_table(r, t);
	}
	/* Busiest providers. */
	if (sc >= 0 && sup.n) {
		size_t *ord = wf_xcalloc(sup.n, sizeof *ord), n = sup.n < top ? sup.n : top;
		const char *cn[] = { "supply_id", "supply_name", "assigned", "matches" };
		wf_chart *ch;
		wf_rtable *t;
		char *xt = axis_title("assigned", unit);
		for (size_t k = 0; k < sup.n; k++)
			ord[k] = k;
		agg_t = sa;
		qsort(ord, sup.n, sizeof *ord, cmp_busy);
		snprintf(buf, sizeof buf, "Busiest providers (top %zu of %zu)", n, sup.n);
		ch = wf_chart_new(WF_CHART_BAR, buf);
		chart_fmt(ch, o);
		wf_chart_axes(ch, "provider", xt);
		wf_chart_value_decimals(ch, 0);
		free(xt);
		t = wf_rtable_new(buf, snc >= 0 ? 4 : 3, snc >= 0 ? cn : (const char *[]){ cn[0], cn[2], cn[3] });
		for (size_t k = 0; k < n; k++) {
			const struct agg *s = &sa[ord[k]];
			char b1[WF_DEC_BUFSZ], b2[32];
			const char *v[4];
			size_t j = 0;
			wf_strbuf lab = WF_STRBUF_INIT;
			dec_text(b1, s->assigned);
			snprintf(b2, sizeof b2, "%zu", s->rows);
			v[j++] = sup.v[ord[k]];
			if (snc >= 0)
				v[j++] = cell(in, s->first, snc);
			v[j++] = b1;
			v[j++] = b2;
			wf_rtable_add(t, v, NULL);
			wf_strbuf_puts(&lab, sup.v[ord[k]]);
			if (snc >= 0 && *cell(in, s->first, snc))
				wf_strbuf_printf(&lab, " %s", cell(in, s->first, snc));
			wf_chart_set(ch, 0, wf_chart_x(ch, lab.s), wf_dec_to_double(s->assigned));
			wf_strbuf_release(&lab);
		}
		wf_report_chart(r, ch);
		wf_report_table(r, t);
		free(ord);
	}
	/* Unmet needs: by reason, then each need. */
	if (uc >= 0) {
		if (reasons.n) {
			const char *cn[] = { "reason", "unmet" };
			wf_rtable *t = wf_rtable_new("Unmet demand by reason", 2, cn);
			for (size_t k = 0; k < reasons.n; k++) {
				char b1[WF_DEC_BUFSZ];
				const char *v[2] = { reasons.v[k], b1 };
				dec_text(b1, ra[k].unmet);
				wf_rtable_add(t, v, NULL);
			}
			wf_report_table(r, t);
		}
		{
			int pick[6];
			size_t np = 0;
			int want[] = { dc, cc, wf_rtable_col(in, "quantity"), ac, uc, rc };
			for (size_t k = 0; k < 6; k++)
				if (want[k] >= 0)
					pick[np++] = want[k];
			snprintf(buf, sizeof buf, "Unmet needs (%zu)", nunmet);
			wf_report_table(r, subset(in, unmet_rows, nunmet, pick, np, buf, 0));
		}
	}
	/* Where demand and supply are. */
	if ((dla >= 0 && dlo >= 0) || (sla >= 0 && slo >= 0)) {
		wf_chart *ch = wf_chart_new(WF_CHART_MAP, "Demand and supply positions");
		strset seen = { 0 };
		size_t sd = wf_chart_series(ch, "demand"), ss = wf_chart_series(ch, "supply");
		chart_fmt(ch, o);
		for (int side = 0; side < 2; side++) {
			int la = side ? sla : dla, lo = side ? slo : dlo, id = side ? sc : dc;
			if (la < 0 || lo < 0)
				continue;
			for (size_t i = 0; i < nr; i++) {
				wf_dec dy, dx;
				int ky, kx;
				if (!keep[i])
					continue;
				if ((ky = num_or_err(in, i, la, &dy, e)) < 0 ||
				    (kx = num_or_err(in, i, lo, &dx, e)) < 0)
					goto map_fail;
				if (!ky || !kx)
					continue;
				if (id >= 0) {
					/* One point per demand or provider, not per match row. */
					wf_strbuf key = WF_STRBUF_INIT;
					size_t before = seen.n;
					wf_strbuf_printf(&key, "%d:%s", side, cell(in, i, id));
					set_add(&seen, key.s);
					wf_strbuf_release(&key);
					if (seen.n == before)
						continue;
				}
				wf_chart_geo(ch, side ? ss : sd, wf_dec_to_double(dx), wf_dec_to_double(dy),
					     id >= 0 ? cell(in, i, id) : "");
			}
		}
		wf_chart_caption(ch, "Longitude and latitude, equirectangular projection; no map tiles.");
		set_free(&seen);
		wf_report_chart(r, ch);
		goto map_done;
map_fail:
		set_free(&seen);
		wf_chart_free(ch);
		goto fail;
map_done:;
	} else {
		wf_report_note(r, "No map: it needs columns demand_lat and demand_lon, or supply_lat "
			       "and supply_lon, in the input.");
	}
	goto out;
fail:
	wf_report_free(r);
	r = NULL;
out:
	free(unit);
	free(ca);
	free(sa);
	free(ra);
	free(unmet_rows);
	set_free(&cats);
	set_free(&sup);
	set_free(&reasons);
	free(keep);
	wf_rtable_free(in);
	return r;
}

wf_report *wf_report_build(wf_rtable *in, const wf_report_opts *o, wf_report_err *err)
{
	err->msg[0] = '\0';
	err->row = -1;
	/* Zero bytes in (no header either): nothing to check columns of. */
	if (wf_rtable_ncols(in) == 0 && wf_rtable_nrows(in) == 0) {
		static const char *const titles[] = { "Table", "Trend", "Benchmark",
						      "Matching of welfare demand and supply" };
		wf_report *r = wf_report_new(o->title ? o->title : titles[o->kind],
					     wf_report_kind_name(o->kind));
		no_rows(r, in);
		return r;
	}
	switch (o->kind) {
	case WF_KIND_TREND: return build_trend(in, o, err);
	case WF_KIND_BENCHMARK: return build_benchmark(in, o, err);
	case WF_KIND_MATCH: return build_match(in, o, err);
	default: return build_table(in, o, err);
	}
}
