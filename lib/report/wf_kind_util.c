/* wf_kind_util.c - helpers shared by the report kinds (wf_kind_priv.h). */

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"
#include "wf_map.h"
#include "wf_kind_priv.h"

void wf_kind_seterr(wf_report_err *e, long row, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	e->row = row;
}

/* The strings live in the map (its keys never move); v orders them and
 * the map holds each one's index + 1, so adding and finding are O(1):
 * a linear search here made --kind trend quadratic in its groups
 * (40,000 groups: 4.1 s). */
size_t wf_kind_set_add(strset *s, const char *str)
{
	void **slot;

	if (!s->ix)
		s->ix = wf_map_new();
	slot = wf_map_slot(s->ix, str, strlen(str));
	if (*slot)
		return (size_t)(uintptr_t)*slot - 1;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->v = wf_xrealloc(s->v, s->cap * sizeof *s->v);
	}
	*slot = (void *)(uintptr_t)(s->n + 1);
	s->v[s->n] = wf_map_key_at(s->ix, wf_map_count(s->ix) - 1, NULL);
	return s->n++;
}

int wf_kind_set_find(const strset *s, const char *str)
{
	void *v = s->ix ? wf_map_get(s->ix, str, strlen(str)) : NULL;

	return v ? (int)((uintptr_t)v - 1) : -1;
}

static int cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void wf_kind_set_sort(strset *s)
{
	if (s->n > 1) /* qsort(NULL, 0, ...) is undefined */
		qsort(s->v, s->n, sizeof *s->v, cmpstr);
	for (size_t i = 0; i < s->n; i++)
		*wf_map_slot(s->ix, s->v[i], strlen(s->v[i])) = (void *)(uintptr_t)(i + 1);
}

void wf_kind_set_free(strset *s)
{
	wf_map_free(s->ix);
	free(s->v);
	s->v = NULL;
	s->ix = NULL;
	s->n = s->cap = 0;
}

int wf_kind_need_col(need *n, const char *name)
{
	int c = wf_rtable_col(n->t, name);

	if (c < 0) {
		wf_strbuf_printf(&n->missing, "%s'%s'", n->nmissing ? ", " : "", name);
		n->nmissing++;
	}
	return c;
}

int wf_kind_need_report(need *n, const char *kind, const char *hint, wf_report_err *e)
{
	int bad = n->nmissing > 0;

	if (bad)
		wf_kind_seterr(e, -1, "missing column%s %s needed by --kind %s%s%s", n->nmissing > 1 ? "s" : "",
		       wf_strbuf_str(&n->missing), kind, hint ? "; " : "", hint ? hint : "");
	wf_strbuf_release(&n->missing);
	return bad ? -1 : 0;
}

/* Split "a,b" into column indexes; every name must exist. */
int wf_kind_split_cols(const char *spec, int **cols, size_t *ncols,
		      need *nd)
{
	const char *p = spec;

	*cols = NULL;
	*ncols = 0;
	while (p && *p) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *name = wf_xstrndup(p, len);
		int c = wf_kind_need_col(nd, name);
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
int wf_kind_cell_num(const wf_rtable *t, size_t r, int c, wf_dec *d)
{
	const char *s;

	if (c < 0)
		return 0;
	s = wf_rtable_cell(t, r, (size_t)c);
	if (!s || !*s)
		return 0;
	return wf_render_is_number(s, strlen(s), d) ? 1 : -1;
}

void wf_kind_range_err(wf_report_err *e, long row, const char *cell, const char *col)
{
	/* the words and the 40-byte cut of wf-ingest and wf-benchmark */
	wf_kind_seterr(e, row, "number out of range: '%.40s' in column '%s'", cell, col);
}

int wf_kind_check_numbers(const wf_rtable *in, wf_report_err *e)
{
	size_t nc = wf_rtable_ncols(in), nr = wf_rtable_nrows(in), nbad = 0;
	size_t *bad = NULL;
	int rc = 0;

	for (size_t c = 0; c < nc; c++)
		if (wf_rtable_col_out_of_range(in, c)) {
			bad = wf_xrealloc(bad, (nbad + 1) * sizeof *bad);
			bad[nbad++] = c;
		}
	/* the first such cell as the rows were read */
	for (size_t r = 0; nbad && r < nr && rc == 0; r++)
		for (size_t i = 0; i < nbad; i++) {
			const char *s = wf_rtable_cell(in, r, bad[i]);
			if (s && wf_render_number_kind(s, strlen(s), NULL) == WF_DEC_RANGE) {
				wf_kind_range_err(e, (long)r, s, wf_rtable_name(in, bad[i]));
				rc = -1;
				break;
			}
		}
	free(bad);
	return rc;
}

const char *wf_kind_cell(const wf_rtable *t, size_t r, int c)
{
	const char *s = c < 0 ? NULL : wf_rtable_cell(t, r, (size_t)c);
	return s ? s : "";
}

int wf_kind_num_or_err(const wf_rtable *t, size_t r, int c, wf_dec *d, wf_report_err *e)
{
	int k = wf_kind_cell_num(t, r, c, d);

	if (k < 0)
		wf_kind_seterr(e, (long)r, "'%s' in column '%s' is not a number", wf_kind_cell(t, r, c),
		       wf_rtable_name(t, (size_t)c));
	return k;
}

int wf_report_where_parse(const char *spec, size_t *collen, enum wf_where_op *op,
			  const char **value)
{
	size_t p = strcspn(spec, "=!<>~");

	if (p == 0 || !spec[p])
		return -1;
	*collen = p;
	switch (spec[p]) {
	case '=': *op = WF_WHERE_EQ; break;
	case '~': *op = WF_WHERE_HAS; break;
	case '!':
		if (spec[p + 1] != '=')
			return -1;
		*op = WF_WHERE_NE;
		p++;
		break;
	case '<':
	case '>':
		if (spec[p + 1] == '=') {
			*op = spec[p] == '<' ? WF_WHERE_LE : WF_WHERE_GE;
			p++;
		} else {
			*op = spec[p] == '<' ? WF_WHERE_LT : WF_WHERE_GT;
		}
		break;
	}
	*value = spec + p + 1;
	return 0;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int wf_kind_contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i] && lower((unsigned char)hay[i]) == lower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return 1;
	}
	return n == 0;
}

int wf_report_where_match(const char *cell, enum wf_where_op op, const char *value)
{
	wf_dec a, b;
	int c;

	if (op == WF_WHERE_HAS)
		return wf_kind_contains_nocase(cell, value);
	if (!*cell)
		return op == WF_WHERE_NE ? *value != '\0' : op == WF_WHERE_EQ && !*value;
	if (wf_dec_parse(cell, strlen(cell), WF_DEC_POINT, &a) == WF_DEC_OK &&
	    wf_dec_parse(value, strlen(value), WF_DEC_POINT, &b) == WF_DEC_OK)
		c = wf_dec_cmp(a, b);
	else
		c = strcmp(cell, value);
	switch (op) {
	case WF_WHERE_EQ: return c == 0;
	case WF_WHERE_NE: return c != 0;
	case WF_WHERE_LT: return c < 0;
	case WF_WHERE_LE: return c <= 0;
	case WF_WHERE_GT: return c > 0;
	case WF_WHERE_GE: return c >= 0;
	default: return 0; /* LCOV_EXCL_LINE: WF_WHERE_HAS returned above */
	}
}

/* Rows kept by the --where filters (1 = keep); all must hold. Rows
 * whose input lacked the column (a NULL cell) are kept. */
unsigned char *wf_kind_filter_rows(const wf_rtable *t, const wf_report_opts *o, need *nd,
				  size_t *kept)
{
	size_t nr = wf_rtable_nrows(t);
	unsigned char *keep = wf_xmalloc(nr);

	memset(keep, 1, nr);
	*kept = nr;
	for (size_t w = 0; w < o->nwhere; w++) {
		size_t len;
		enum wf_where_op op;
		const char *val;
		char *name;
		int c;

		if (wf_report_where_parse(o->where[w], &len, &op, &val) < 0)
			continue; /* refused at option time */
		name = wf_xstrndup(o->where[w], len);
		c = wf_kind_need_col(nd, name);
		free(name);
		/* wf_report_build refused an unknown --where column before */
		if (c < 0) /* LCOV_EXCL_BR_LINE: see above */
			continue; /* LCOV_EXCL_LINE: see above */
		for (size_t r = 0; r < nr; r++) {
			const char *s = wf_rtable_cell(t, r, (size_t)c);
			if (keep[r] && s && !wf_report_where_match(s, op, val)) {
				keep[r] = 0;
				(*kept)--;
			}
		}
	}
	return keep;
}

const char *wf_kind_display_name(const wf_report_opts *o, const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < o->nlabel; i++)
		if (strncmp(o->label[i], name, n) == 0 && o->label[i][n] == '=')
			return o->label[i] + n + 1;
	return name;
}

const char *wf_kind_value_name(const wf_report_opts *o, const char *column, const char *value)
{
	const char *d = wf_kind_display_name(o, value), *v;

	if (d != value)
		return d;
	v = wf_lang_value(o->lang, column, value, NULL, 0);
	return v ? v : value;
}

void wf_kind_chart_fmt(wf_chart *c, const wf_report_opts *o)
{
	wf_chart_numfmt(c, o->point ? o->point : '.', o->group_sep ? o->group_sep : ',');
	wf_chart_lang(c, o->lang);
}

void wf_kind_no_rows(wf_report *r, wf_rtable *in, const wf_report_opts *o)
{
	/* Rows the --where filters removed are not shown: only the header. */
	size_t nc = wf_rtable_ncols(in);
	const char **names = wf_xcalloc(nc, sizeof *names);

	for (size_t c = 0; c < nc; c++)
		names[c] = wf_rtable_name(in, c);
	if (wf_rtable_nrows(in) == 0)
		wf_report_note(r, wf_msg(o->lang, WF_M_NO_ROWS));
	wf_report_table(r, wf_rtable_new(wf_rtable_caption(in), nc, names));
	free(names);
	wf_rtable_free(in);
}

void wf_kind_title_case(const wf_report_opts *o, char *s)
{
	if (o->lang == WF_LANG_IT && *s >= 'a' && *s <= 'z')
		*s = (char)(*s - 'a' + 'A');
}

const char *wf_kind_word(const wf_report_opts *o, const char *column)
{
	return wf_lang_column(o->lang, column);
}

char *wf_kind_axis_title(const char *name, const char *unit)
{
	wf_strbuf b = WF_STRBUF_INIT;

	wf_strbuf_puts(&b, name);
	if (unit && *unit)
		wf_strbuf_printf(&b, " (%s)", unit);
	return wf_strbuf_steal(&b);
}

/* Exact text of d keeping its scale ("34000000.00"), so a column of
 * sums stays a decimal column like its inputs. */
void wf_kind_dec_text(char *buf, wf_dec d)
{
	wf_dec_format_fixed(d, buf);
}

/* Percent a/b*100 with 1 decimal, "" when b is zero. */
void wf_kind_pct_text(char *buf, size_t sz, double a, double b)
{
	if (b == 0) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, sz, "%.1f", a / b * 100);
	if (strcmp(buf, "-0.0") == 0)
		strcpy(buf, "0.0");
}

wf_rtable *wf_kind_subset(const wf_rtable *in, const size_t *rows, size_t n, const int *cols,
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
