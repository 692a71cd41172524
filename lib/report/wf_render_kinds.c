#include "wf_render_kinds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"
#include "wf_strbuf.h"
#include "wf_kind_priv.h"

static const char *const kind_names[] = { "table", "trend", "benchmark", "match", "profile" };

int wf_report_kind_parse(const char *s)
{
	for (int i = 0; i < (int)(sizeof kind_names / sizeof *kind_names); i++)
		if (strcmp(s, kind_names[i]) == 0)
			return i;
	return -1;
}

const char *wf_report_kind_name(enum wf_report_kind k)
{
	return kind_names[k];
}

/* "12,843" or "12.843": counts in notes follow --locale. */
static void count_text(char *buf, size_t sz, size_t n, char sep)
{
	char tmp[32];
	size_t len = (size_t)snprintf(tmp, sizeof tmp, "%zu", n), o = 0;

	for (size_t i = 0; i < len && o + 2 < sz; i++) {
		if (i && (len - i) % 3 == 0)
			buf[o++] = sep ? sep : ',';
		buf[o++] = tmp[i];
	}
	buf[o] = '\0';
}

/* The conditions as written, joined by " and ". */
static void where_text(wf_strbuf *b, const wf_report_opts *o)
{
	/* the column by its display heading (Italian pages show no machine
	 * names), the operator and value as written */
	for (size_t w = 0; w < o->nwhere; w++) {
		size_t len;
		enum wf_where_op op;
		const char *val;
		char *col;
		if (wf_report_where_parse(o->where[w], &len, &op, &val) < 0)
			continue;
		col = wf_xstrndup(o->where[w], len);
		wf_strbuf_printf(b, "%s%s%s", w ? wf_msg(o->lang, WF_M_WHERE_AND) : "",
				 wf_kind_word(o, col), o->where[w] + len);
		free(col);
	}
}

/* Data drawn from a generator says so in a provenance column; every
 * report of it then says SYNTHETIC, whatever its kind and title. */
static int is_synthetic(const wf_rtable *in)
{
	int c = wf_rtable_col(in, "provenance");

	for (size_t r = 0; c >= 0 && r < wf_rtable_nrows(in); r++) {
		const char *s = wf_rtable_cell(in, r, (size_t)c);
		if (s && strstr(s, "SYNTHETIC"))
			return 1;
	}
	return 0;
}

/* --sort and --columns on the main table. */
static int arrange(wf_report *r, const wf_report_opts *o, wf_report_err *e)
{
	wf_rtable *t = wf_report_get_table(r, 0);

	if (!t) /* LCOV_EXCL_BR_LINE: every kind adds a main table (wf_kind_no_rows an empty one) */
		return 0; /* LCOV_EXCL_LINE: as above */
	if (o->sort) {
		const char *colon = strrchr(o->sort, ':');
		int desc = colon && strcmp(colon, ":desc") == 0;
		int asc = colon && strcmp(colon, ":asc") == 0;
		char *name = wf_xstrndup(o->sort, desc || asc ? (size_t)(colon - o->sort) : strlen(o->sort));
		int c = wf_rtable_col(t, name);
		if (c < 0) {
			wf_kind_seterr(e, -1, "no column '%s' for --sort in the table drawn", name);
			free(name);
			return -1;
		}
		free(name);
		wf_rtable_sort(t, (size_t)c, desc);
	}
	if (o->columns) {
		size_t n, *cols = wf_kind_columns(t, o, &n, e);
		if (!cols)
			return -1;
		wf_report_replace_table(r, 0, wf_rtable_project(t, cols, n));
		free(cols);
	}
	return 0;
}

size_t *wf_kind_columns(const wf_rtable *t, const wf_report_opts *o, size_t *n, wf_report_err *e)
{
	size_t *cols = wf_xcalloc(strlen(o->columns) + 1, sizeof *cols);
	const char *p = o->columns;

	*n = 0;
	while (p) {
		const char *end = strchr(p, ',');
		char *name = wf_xstrndup(p, end ? (size_t)(end - p) : strlen(p));
		int c = wf_rtable_col(t, name);
		if (c < 0) {
			wf_kind_seterr(e, -1, "no column '%s' for --columns in the table drawn", name);
			free(name);
			free(cols);
			return NULL;
		}
		free(name);
		cols[(*n)++] = (size_t)c;
		p = end ? end + 1 : NULL;
	}
	return cols;
}

int wf_kind_check_where(const wf_rtable *in, const wf_report_opts *o, wf_report_err *e)
{
	for (size_t w = 0; w < o->nwhere; w++) {
		size_t len;
		enum wf_where_op op;
		const char *val;
		char *name;
		if (wf_report_where_parse(o->where[w], &len, &op, &val) < 0)
			continue;
		name = wf_xstrndup(o->where[w], len);
		if (wf_rtable_col(in, name) < 0) {
			wf_kind_seterr(e, -1, "no column '%s' for --where", name);
			free(name);
			return -1;
		}
		free(name);
	}
	return 0;
}

void wf_kind_frame(wf_report *r, const wf_report_opts *o, size_t total, size_t kept, int synthetic)
{
	if (o->nwhere && total) {
		wf_strbuf b = WF_STRBUF_INIT;
		char k[40], t[40];
		count_text(k, sizeof k, kept, o->group_sep);
		count_text(t, sizeof t, total, o->group_sep);
		wf_strbuf note = WF_STRBUF_INIT;
		where_text(&b, o);
		wf_strbuf_printf(&note, wf_msg(o->lang, kept ? WF_M_WHERE_KEPT : WF_M_WHERE_NONE), k, t,
				 wf_strbuf_str(&b));
		wf_report_note(r, wf_strbuf_str(&note));
		wf_strbuf_release(&note);
		wf_strbuf_release(&b);
	}
	if (synthetic && !strstr(wf_report_title(r), "SYNTHETIC") &&
	    !strstr(wf_report_title(r), "SINTETIC")) {
		wf_strbuf b = WF_STRBUF_INIT;
		wf_strbuf_printf(&b, wf_msg(o->lang, WF_M_SYNTHETIC_TITLE), wf_report_title(r));
		wf_report_set_title(r, wf_strbuf_str(&b));
		wf_strbuf_release(&b);
	}
	if (synthetic)
		wf_report_note(r, wf_msg(o->lang, WF_M_SYNTHETIC));
}

wf_report *wf_report_build(wf_rtable *in, const wf_report_opts *o, wf_report_err *err)
{
	wf_report *r;
	size_t total = wf_rtable_nrows(in), kept = total;
	int synthetic;

	err->msg[0] = '\0';
	err->row = -1;
	err->line = 0;
	/* Zero bytes in (no header either): nothing to check columns of. */
	if (wf_rtable_ncols(in) == 0 && wf_rtable_nrows(in) == 0) {
		static const enum wf_msg titles[] = { WF_M_TITLE_TABLE, WF_M_TITLE_TREND,
						      WF_M_TITLE_BENCHMARK, WF_M_TITLE_MATCH,
						      WF_M_TITLE_PROFILE };
		r = wf_report_new(o->title ? o->title : wf_msg(o->lang, titles[o->kind]),
				  wf_report_kind_name(o->kind));
		wf_kind_no_rows(r, in, o);
		return r;
	}
	/* An unknown column in --where is an error whatever the kind. */
	if (wf_kind_check_where(in, o, err) < 0 || wf_kind_check_numbers(in, err) < 0) {
		wf_rtable_free(in);
		return NULL;
	}
	if (o->nwhere) {
		need nd = { in, WF_STRBUF_INIT, 0 };
		free(wf_kind_filter_rows(in, o, &nd, &kept));
		wf_strbuf_release(&nd.missing);
	}
	synthetic = is_synthetic(in);
	switch (o->kind) {
	case WF_KIND_TREND: r = wf_kind_trend(in, o, err); break;
	case WF_KIND_BENCHMARK: r = wf_kind_benchmark(in, o, err); break;
	case WF_KIND_MATCH: r = wf_kind_match(in, o, err); break;
	case WF_KIND_PROFILE: r = wf_kind_profile(in, o, err); break;
	default: r = wf_kind_table(in, o, err); break;
	}
	if (!r)
		return NULL;
	wf_kind_frame(r, o, total, kept, synthetic);
	/* --label everywhere: charts already use the names; tables here. */
	for (size_t i = 0; i < wf_report_ntables(r); i++)
		for (size_t l = 0; l < o->nlabel; l++) {
			const char *eq = strchr(o->label[l], '=');
			char *from;
			if (!eq)
				continue;
			from = wf_xstrndup(o->label[l], (size_t)(eq - o->label[l]));
			wf_rtable_relabel(wf_report_get_table(r, i), from, eq + 1);
			free(from);
		}
	if (arrange(r, o, err) < 0) {
		wf_report_free(r);
		return NULL;
	}
	return r;
}
