/*
 * wf_render.h - reports for people: an in-memory table model, a report
 * document (title, sources, notes, cards, charts, tables) and its four
 * renderings: aligned terminal text, Markdown, one self-contained HTML
 * page, and JSON.
 *
 * Tables: cells are UTF-8 text as read. A column is numeric when every
 * non-empty cell is a plain decimal ("-12", "1234.5"; '.' separator, no
 * grouping) without a leading zero ("001272" and "04" are codes, so
 * text); a plain decimal past wf_dec's range counts as one, and makes
 * its number column an error (wf_render_number_kind()). Integer columns (no cell has decimals: years, counts) are shown
 * as written; decimal columns are rounded half away from zero to
 * --decimals digits and grouped by thousands. JSON keeps every number
 * exact (canonical wf_dec text) whatever --decimals says.
 *
 * Determinism: output depends only on the report's content and the
 * options; nothing reads the clock, the environment or the locale.
 *
 * Memory: tables are held whole, except a streamed table
 * (wf_rtable_stream()), whose rows come from a source as they are
 * rendered; wf_render_out() writes as it goes.
 *
 * Ownership: _new returns objects freed by _free (NULL is a no-op);
 * wf_report_chart() and wf_report_table() take ownership of their
 * argument; strings passed in are copied.
 */
#ifndef WF_RENDER_H
#define WF_RENDER_H

#include <stddef.h>

#include "wf_dec.h"
#include "wf_lang.h"
#include "wf_strbuf.h"
#include "wf_svg.h"
#include "wf_table.h"

/* ---- tables ---- */

enum wf_rcol { WF_RCOL_TEXT = 0, WF_RCOL_INT, WF_RCOL_DEC };

typedef struct wf_rtable wf_rtable;

wf_rtable *wf_rtable_new(const char *caption, size_t ncols,
			 const char *const *names);
void wf_rtable_free(wf_rtable *t);

/* Append a row of ncols cells; vals[i] NULL = missing; lens may be NULL
 * (strlen). Returns the row index. */
size_t wf_rtable_add(wf_rtable *t, const char *const *vals, const size_t *lens);
/* The same keeping the pointers, not a copy of the text: the cells must
 * outlive t (and are not changed through it: --label replaces the
 * pointer). For a table made of text held elsewhere, such as the
 * inputs' (wf_rinput_table()). */
size_t wf_rtable_add_ref(wf_rtable *t, const char *const *vals);
/* Room for rows rows, when their number is known. */
void wf_rtable_reserve(wf_rtable *t, size_t rows);
void wf_rtable_highlight(wf_rtable *t, size_t row);
/* A tone for one cell, 1..WF_TONE_MAX (0 none): HTML colours the cell
 * (tone 1 to 4 = the quartiles, lowest first); the text renderings show
 * only the cell's text, which must say the same thing. */
#define WF_TONE_MAX 4
void wf_rtable_tone(wf_rtable *t, size_t row, size_t col, int tone);
int wf_rtable_cell_tone(const wf_rtable *t, size_t row, size_t col);
/* Where a row came from (an input index and its line), for messages. */
void wf_rtable_set_origin(wf_rtable *t, size_t row, unsigned src, long line);
void wf_rtable_origin(const wf_rtable *t, size_t row, unsigned *src, long *line);

size_t wf_rtable_ncols(const wf_rtable *t);
size_t wf_rtable_nrows(const wf_rtable *t);
const char *wf_rtable_caption(const wf_rtable *t);
const char *wf_rtable_name(const wf_rtable *t, size_t col);
/* Column index by exact name, or -1. */
int wf_rtable_col(const wf_rtable *t, const char *name);
/* The cell text, NULL when missing. */
const char *wf_rtable_cell(const wf_rtable *t, size_t row, size_t col);
int wf_rtable_highlighted(const wf_rtable *t, size_t row);
enum wf_rcol wf_rtable_coltype(const wf_rtable *t, size_t col);
/* Show a numeric column as decimals even when every value is whole
 * (sums of money that happen to be round). */
void wf_rtable_force_decimal(wf_rtable *t, size_t col);
/* Reorder the rows by column col (stable): numbers by value when the
 * column is numeric, else text by bytes; empty cells last; desc
 * reverses the order of the non-empty ones. Highlights, origins and
 * cell tones move with their rows. */
void wf_rtable_sort(wf_rtable *t, size_t col, int desc);
/* A new table of columns cols[0..n) of t, rows, highlights, origins and
 * cell tones kept. */
wf_rtable *wf_rtable_project(const wf_rtable *t, const size_t *cols, size_t n);
/* Show text cells and column names equal to from as to (--label). */
void wf_rtable_relabel(wf_rtable *t, const char *from, const char *to);
/* Write t as a data table (CSV or NDJSON, header first) through the
 * shared table writer; failures are remembered by out. excel_safe as
 * wf_tw_set_excel_safe() (--excel-safe; CSV only). Returns 0, or -1
 * when the source of a streamed table failed (it said why). */
int wf_rtable_write(const wf_rtable *t, wf_out *out, enum wf_format fmt, int excel_safe);

/* What decides a column's type, counted cell by cell (the rule above):
 * wf_rtable_add() counts the cells it keeps; a streamed table is given
 * the counts of the rows it never held. */
typedef struct wf_rcount {
	size_t nonempty, numeric, frac;
	size_t range; /* number-shaped past wf_dec (in numeric too) */
} wf_rcount;

void wf_rcount_add(wf_rcount *k, const char *s, size_t len);
/* Column col counts as k says, whatever its rows counted. */
void wf_rtable_set_count(wf_rtable *t, size_t col, const wf_rcount *k);

/* Rows that are not held (a table of millions rendered in bounded
 * memory): a source hands them out one at a time, each of the table's
 * ncols cells (NULL = missing) valid until the next call, and starts
 * again from the first on rewind (an aligned table reads them twice:
 * widths first). next returns 1, 0 after the last row, -1 after a
 * message; rewind 0 or -1 after a message. */
typedef struct wf_rsource {
	int (*next)(void *ctx, const char *const **cells);
	int (*rewind)(void *ctx);
	void *ctx;
} wf_rsource;

/* Make t (holding no rows) a streamed table whose rows come from src
 * (copied; src->ctx is borrowed and must outlive every rendering of
 * t): the renderers and wf_rtable_write() read them from the source,
 * rewinding it first, and show no highlights or tones; every other
 * function sees a table of no rows. Column types are what
 * wf_rtable_set_count() gave. */
void wf_rtable_stream(wf_rtable *t, const wf_rsource *src);

/* 1 and *out set when the cell is a number by the rule above. */
int wf_rtable_num(const wf_rtable *t, size_t row, size_t col, wf_dec *out);

/* Whether text is a number by the table rule (shared with cards). */
int wf_render_is_number(const char *s, size_t len, wf_dec *out);
/* The same as WF_DEC_OK (*out set), WF_DEC_BAD (text), or WF_DEC_RANGE:
 * written as a plain decimal but past wf_dec's 28 digits or 9 decimals.
 * Such a cell counts as a number for the column's type, so that a
 * number column never turns into text (a --kind trend group) over one
 * long cell; a number column holding one cannot be shown exactly, and
 * wf_rtable_col_out_of_range() says so (wf-report stops: wfkit(7)
 * Numbers). */
int wf_render_number_kind(const char *s, size_t len, wf_dec *out);
int wf_rtable_col_out_of_range(const wf_rtable *t, size_t col);

/* ---- reports ---- */

typedef struct wf_report wf_report;

wf_report *wf_report_new(const char *title, const char *kind);
void wf_report_free(wf_report *r);

const char *wf_report_title(const wf_report *r);
void wf_report_set_title(wf_report *r, const char *title);
/* The tables in order (borrowed); replacing one frees the old and
 * takes the new. The first is the report's main table: the one -f csv
 * writes and --sort and --columns arrange. */
size_t wf_report_ntables(const wf_report *r);
wf_rtable *wf_report_get_table(wf_report *r, size_t i);
void wf_report_replace_table(wf_report *r, size_t i, wf_rtable *t);
/* Shown only when set (--date): reports stay reproducible by default. */
void wf_report_date(wf_report *r, const char *date);
void wf_report_source(wf_report *r, const char *name, unsigned long rows);
void wf_report_note(wf_report *r, const char *text);
/* Start a card (a labelled list of values); items go to the last card.
 * A value that is a number by the table rule is formatted like a
 * decimal column. */
void wf_report_card(wf_report *r, const char *heading);
void wf_report_card_item(wf_report *r, const char *label, const char *value);
void wf_report_chart(wf_report *r, wf_chart *c);
void wf_report_table(wf_report *r, wf_rtable *t);

enum wf_render_fmt { WF_RENDER_TABLE = 0, WF_RENDER_MARKDOWN, WF_RENDER_HTML, WF_RENDER_JSON };

/* "table", "markdown", "html", "json", or -1. */
int wf_render_format_parse(const char *s);

typedef struct wf_render_opts {
	int decimals;      /* 0..9, default 2 */
	int locale_it;     /* 1.234,56 instead of 1,234.56 */
	size_t max_width;  /* cap on text cell width in -f table; 0 = none */
	enum wf_lang lang; /* words of table, Markdown and HTML (wf_lang.h):
			    * headings, frame, coded values; JSON keeps the
			    * machine names */
} wf_render_opts;

#define WF_RENDER_OPTS_INIT { 2, 0, 0, WF_LANG_EN }

/* Append the whole rendering to out. */
void wf_render(const wf_report *r, enum wf_render_fmt fmt,
	       const wf_render_opts *o, wf_strbuf *out);
/* The same bytes written to out as they are made, about 1 MiB at a
 * time, so memory does not grow with the rows of a streamed table.
 * Returns 0, or -1 when a streamed table's source failed (it said why;
 * what was written is incomplete); out remembers its own failures. */
int wf_render_out(const wf_report *r, enum wf_render_fmt fmt,
		  const wf_render_opts *o, wf_out *out);

#endif
