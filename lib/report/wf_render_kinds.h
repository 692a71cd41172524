/*
 * wf_render_kinds.h - the report kinds of wf-report: a generic table, a
 * trend (time series by group), a benchmark (one institution against
 * its peers, or a ranked table) and a match summary, each built from an
 * input table into a wf_report (wf_render.h).
 *
 * Expected columns (defaults follow wf-benchmark and wf-match output;
 * the options in wf_report_opts pick others):
 *   trend      period "year", value "metric_total", groups: every text
 *              column besides the period (or --group COLS; "" = none).
 *              Values of rows sharing a period and group are summed
 *              exactly (and a note says so). Missing values are gaps.
 *   benchmark  period "year", "institution", value "per_employee" when
 *              the column has values, else "metric"; optional
 *              "institution_name", "peers", "peer_median", "peer_p25",
 *              "peer_p75", "pct_rank", "robust_z", "gap_median_pct",
 *              "change_pct", "cagr_pct", "flags". The peer group of a
 *              row is its period plus the --group columns (default:
 *              every text column that is not a known wf-benchmark
 *              column, i.e. the --peers columns and size_class).
 *   profile    wf-benchmark --profile output: period "year",
 *              "institution", "indicator", value "value", "pct_rank";
 *              optional "institution_name", "unit", "peers",
 *              "peer_median", "peer_p25", "peer_p75"; peer groups as for
 *              benchmark (plus the indicator). The latest period only.
 *              One institution (--institution, or the only one): a row
 *              of small charts, one per indicator, and a table with a
 *              text strip of the same picture; several: one row per
 *              institution, one column per indicator, each cell "Qn
 *              RANK" coloured by quartile in HTML.
 *   match      "category" and "assigned" (units); optional "unmet"
 *              (units not served) with "reason", "demand_id",
 *              "supply_id", "supply_name", and for the map
 *              "demand_lat"/"demand_lon" and "supply_lat"/"supply_lon".
 *
 * A kind's missing columns are an error naming all of them. An input
 * with no rows gives a report that says so instead of empty charts; an
 * input with no columns either (zero bytes) does too, for every kind.
 *
 * Ownership: wf_report_build() takes the input table (freed on error
 * too) and returns a new report, or NULL with *err filled.
 *
 * Layout: each kind is one file, lib/report/wf_kind_<kind>.c, over the
 * private helpers of wf_kind_priv.h (missing-column messages, --where,
 * cells as numbers, labels); this file's .c only names and dispatches.
 * How to add a report kind: a WF_KIND_ value here and its name in
 * wf_render_kinds.c (kind_names, titles, the switch); a new
 * wf_kind_<kind>.c with its builder declared in wf_kind_priv.h; its
 * expected columns in the list above; a case in tests/unit/test_render.c,
 * a bats test in tests/bats/report.bats, --kind in wf-report(1) and the
 * completions (completions/).
 */
#ifndef WF_RENDER_KINDS_H
#define WF_RENDER_KINDS_H

#include <stddef.h>

#include "wf_lang.h"
#include "wf_render.h"

enum wf_report_kind {
	WF_KIND_TABLE = 0, WF_KIND_TREND, WF_KIND_BENCHMARK, WF_KIND_MATCH, WF_KIND_PROFILE
};

/* "table", "trend", "benchmark", "match", or -1. */
int wf_report_kind_parse(const char *s);
const char *wf_report_kind_name(enum wf_report_kind k);

typedef struct wf_report_opts {
	enum wf_report_kind kind;
	const char *title;        /* NULL: a default per kind */
	const char *period;       /* NULL: "year" */
	const char *group;        /* "a,b"; NULL: automatic; "": none */
	const char *value;        /* NULL: the kind's default */
	const char *unit;         /* shown with value axes, e.g. "EUR" */
	const char *institution;  /* benchmark: one institution's card */
	const char *const *where; /* "COL<op>VALUE" filters (AND), see below;
				   * one not of that form is left aside
				   * (wf-report refuses it first) */
	size_t nwhere;
	const char *sort;         /* "COL" or "COL:desc": the main table's order */
	const char *columns;      /* "a,b,c": the main table's columns */
	const char *const *label; /* "NAME=TEXT" display names for groups
				   * (one without '=' is left aside) */
	size_t nlabel;
	size_t top;               /* rows in "busiest" lists, series cap; 0: 10 */
	char point, group_sep;    /* chart numbers: '.' and ',' by default */
	enum wf_lang lang;        /* words of titles, notes, cards, charts */
} wf_report_opts;

/* A --where filter: COL, an operator, VALUE. Operators: = != < <= > >=
 * (numbers compared as numbers when both sides are plain decimals, so
 * region=1 matches 01; text by bytes otherwise) and ~ (the cell
 * contains VALUE, ignoring ASCII case). An empty cell matches only !=
 * and ~ with an empty VALUE; a row whose input lacked COL is kept.
 * Returns 0 with the column's length in *collen, the operator and the
 * value, or -1 when spec is not of that form. */
enum wf_where_op { WF_WHERE_EQ, WF_WHERE_NE, WF_WHERE_LT, WF_WHERE_LE, WF_WHERE_GT,
		   WF_WHERE_GE, WF_WHERE_HAS };
int wf_report_where_parse(const char *spec, size_t *collen, enum wf_where_op *op,
			  const char **value);
/* Whether a cell passes a filter. */
int wf_report_where_match(const char *cell, enum wf_where_op op, const char *value);

typedef struct wf_report_err {
	char msg[512];  /* lower case, no final period, no file or line */
	long row;       /* input table row the message is about, or -1 */
	/* row -1 and line > 0: the message is about line of input src
	 * (wf_rinput_name()), a row a streamed table no longer holds */
	unsigned src;
	long line;
} wf_report_err;

wf_report *wf_report_build(wf_rtable *in, const wf_report_opts *o,
			   wf_report_err *err);

#endif
