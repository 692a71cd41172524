/*
 * wf_kind_priv.h - private to lib/report: what the report kinds
 * (wf_kind_table.c, wf_kind_trend.c, wf_kind_benchmark.c,
 * wf_kind_match.c) share, so that each kind is one file over these
 * helpers and wf_render_kinds.c only names and dispatches them.
 * Not installed; nothing outside lib/report includes it.
 *
 * Ownership: a builder takes the input table (freed on error too) and
 * returns a new report or NULL with *e filled, as wf_report_build()
 * (wf_render_kinds.h). Strings that helpers return from a table point
 * into it; wf_kind_axis_title() returns a string the caller frees;
 * wf_kind_subset() returns a new table the caller owns.
 */
#ifndef WF_KIND_PRIV_H
#define WF_KIND_PRIV_H

#include <stddef.h>

#include "wf_dec.h"
#include "wf_render_kinds.h"
#include "wf_strbuf.h"

/* One builder per kind. */
wf_report *wf_kind_table(wf_rtable *in, const wf_report_opts *o, wf_report_err *e);
wf_report *wf_kind_trend(wf_rtable *in, const wf_report_opts *o, wf_report_err *e);
wf_report *wf_kind_benchmark(wf_rtable *in, const wf_report_opts *o, wf_report_err *e);
wf_report *wf_kind_match(wf_rtable *in, const wf_report_opts *o, wf_report_err *e);
wf_report *wf_kind_profile(wf_rtable *in, const wf_report_opts *o, wf_report_err *e);

/* What wf_report_build() does around every kind, shared with the
 * streamed table (wf_render_stream.c): -1 and *e filled when a --where
 * names a column in has not; the --where and SYNTHETIC notes and title
 * of a report made from total rows of which kept passed --where;
 * --columns as indexes of t (a new array, *n of them), or NULL and *e
 * filled. */
int wf_kind_check_where(const wf_rtable *in, const wf_report_opts *o, wf_report_err *e);
/* -1 and *e filled (the first such cell's row) when a number column of
 * in holds a number past wf_dec's range (wf_rtable_col_out_of_range()):
 * it could only be shown with digits changed, or as text. The words of
 * the message, for the streamed table, which has no rows to point at. */
int wf_kind_check_numbers(const wf_rtable *in, wf_report_err *e);
void wf_kind_range_err(wf_report_err *e, long row, const char *cell, const char *col);
void wf_kind_frame(wf_report *r, const wf_report_opts *o, size_t total, size_t kept, int synthetic);
size_t *wf_kind_columns(const wf_rtable *t, const wf_report_opts *o, size_t *n, wf_report_err *e);

void wf_kind_seterr(wf_report_err *e, long row, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A set of strings: wf_kind_set_add() keeps first-seen order and
 * returns the index; wf_kind_set_sort() sorts it (indexes follow);
 * wf_kind_set_find() gives the index or -1. Both O(1) (a hash map):
 * every report kind stays n log n in rows and groups. Initialise with
 * { 0 }; the strings belong to the set. */
typedef struct strset {
	const char **v;
	size_t n, cap;
	struct wf_map *ix;
} strset;

size_t wf_kind_set_add(strset *s, const char *str);
int wf_kind_set_find(const strset *s, const char *str);
void wf_kind_set_sort(strset *s);
void wf_kind_set_free(strset *s);

/* Column lookup that collects every missing name for one message:
 * need nd = { table, WF_STRBUF_INIT, 0 }; wf_kind_need_col() for each
 * column (-1 when missing), then wf_kind_need_report() once (-1 and *e
 * filled when any was missing; it releases the buffer either way). */
typedef struct need {
	const wf_rtable *t;
	wf_strbuf missing;
	int nmissing;
} need;

int wf_kind_need_col(need *n, const char *name);
int wf_kind_need_report(need *n, const char *kind, const char *hint, wf_report_err *e);
/* "a,b" into a new array of column indexes (missing names go to nd). */
int wf_kind_split_cols(const char *spec, int **cols, size_t *ncols, need *nd);

/* Cell as a number: 1 ok, 0 missing or empty, -1 not a number. */
int wf_kind_cell_num(const wf_rtable *t, size_t r, int c, wf_dec *d);
/* Cell text, "" for a missing column or cell. */
const char *wf_kind_cell(const wf_rtable *t, size_t r, int c);
/* wf_kind_cell_num() with *e filled when the cell is not a number. */
int wf_kind_num_or_err(const wf_rtable *t, size_t r, int c, wf_dec *d, wf_report_err *e);

/* Whether hay contains needle, ignoring ASCII case. */
int wf_kind_contains_nocase(const char *hay, const char *needle);
/* Rows kept by the --where filters: a new array, 1 = keep. */
unsigned char *wf_kind_filter_rows(const wf_rtable *t, const wf_report_opts *o, need *nd,
				   size_t *kept);
/* The --label display name of a group, or name itself. */
const char *wf_kind_display_name(const wf_report_opts *o, const char *name);
/* The --label of a coded value, else its name in the reader's language
 * (wf_lang_value: categories, regions, reasons), else the value. */
const char *wf_kind_value_name(const wf_report_opts *o, const char *column, const char *value);
void wf_kind_chart_fmt(wf_chart *c, const wf_report_opts *o);
/* The "no rows" note plus the (empty) table; takes in. */
void wf_kind_no_rows(wf_report *r, wf_rtable *in, const wf_report_opts *o);
char *wf_kind_axis_title(const char *name, const char *unit);
/* An Italian title made from a column word ("spesa totale per anno")
 * starts with a capital like any sentence; English titles keep the
 * machine name as written. Changes s in place. */
void wf_kind_title_case(const wf_report_opts *o, char *s);
/* A column name as the reader's language says it (wf_lang_column). */
const char *wf_kind_word(const wf_report_opts *o, const char *column);
/* Exact text of d at its scale; buf has WF_DEC_BUFSZ bytes. */
void wf_kind_dec_text(char *buf, wf_dec d);
/* a/b*100 with one decimal, "" when b is zero. */
void wf_kind_pct_text(char *buf, size_t sz, double a, double b);
/* Rows `rows` and columns `cols` of in as a new table, with a leading
 * "rank" column (1, 2, ...) when with_rank. */
wf_rtable *wf_kind_subset(const wf_rtable *in, const size_t *rows, size_t n, const int *cols,
			  size_t ncols, const char *caption, int with_rank);

#endif
