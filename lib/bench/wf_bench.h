/*
 * wf_bench.h - the wf-benchmark engine: per-institution indicators,
 * peer-group statistics, trends and group totals from a fact stream.
 *
 * Input: tables with (at least) a period column (default "year", values
 * YYYY or YYYY-MM), "institution", "measure" and "value"; optional
 * "institution_name"; plus every column named by the grouping option.
 * The canonical wf-ingest stream has all of them.
 *
 * A record is one institution in one period with one combination of
 * grouping-column values: every fact row naming it is folded in
 * (contracts combined), so memory holds one small aggregate per record
 * and never the rows. Any fact row creates its record, so an
 * institution that reported something but none of the metric's items
 * has metric 0 (flag "zero"), not a missing row.
 *
 * Metric: any measure ("L090", "TELEWORK"), a '+'-separated sum
 * "L090+L107", or a named indicator of wf_indicators.h: welfare_core =
 * L090, welfare_extended = L090+L010+L011+L107+P035 (no denominator of
 * their own), telework_share = 100 TELEWORK / HEADCOUNT, ... (each
 * with its denominator and scale unless --per is given).
 * Each cost item (L090: a letter and three digits) enters with the sign
 * of its FLAG_SEGNO in the VoceSpesa code list of the fact's year (the
 * nearest year's lists, as wf-ingest picks them) when lists are given
 * (deduction items subtract), "+" otherwise; other measures (HEADCOUNT,
 * TELEWORK, FUA_U02S...) are not in the lists and always count "+".
 * Denominator ("per"): a '+'-separated sum of measures, e.g. HEADCOUNT
 * or HEADCOUNT+FLEX_UNITS, or none. A record whose denominator is
 * missing or not positive gets the flag no_denominator and no
 * per-employee value; it is still written.
 *
 * Each peer group also gives its share of zero spenders and, among
 * spenders only (value > 0), the median, quartiles and a percentile
 * rank; each record its gap in euros to the peer median and p25
 * (shortfall per employee times the denominator), summed per group with
 * summary. CAGR is over the span of the facts' periods, defined only
 * when the record's series is positive at both ends (else a cagr_* flag).
 * region, province, comune (when present and not grouping columns) and
 * the keep columns pass through. Every output row ends with
 * "provenance": metric=...;per=...;peers=...;size_classes=...;
 * min_peers=...;codes=YEARS[;data=SYNTHETIC]; a baseline must carry the
 * same definition (else the first row fails naming each difference).
 *
 * Sums are exact (wf_dec); statistics are doubles printed with 2
 * decimals (printf "%.2f", "-0.00" written as "0.00"); definitions of
 * quantiles, MAD, percentile rank, CAGR and slope are in wf_stats.h.
 * A double holds 15 significant digits (DBL_DIG): 13 before the point
 * and the 2 after. A statistic of WF_BENCH_EXACT or more in magnitude
 * stops the output at its row with an error naming it, rather than be
 * written with digits the double does not hold.
 *
 * Use: wf_bench_new; optionally code lists (wf_bench_set_codes);
 * fact tables (WF_BENCH_FACTS); wf_bench_finish; optionally a baseline
 * table (WF_BENCH_BASELINE); then wf_bench_columns and wf_bench_emit.
 * Every table is announced with wf_bench_table(header) and followed by
 * its rows through wf_bench_row.
 *
 * Errors: functions returning int give 0 on success and -1 with a
 * message (lower case, no final period, no file or line: the caller
 * adds them) in err[errsz].
 *
 * Ownership: wf_bench_new returns a new object freed by wf_bench_free
 * (NULL is a no-op). Rows and headers passed in are borrowed for the
 * call only; the engine copies what it keeps. Column names and value
 * strings given to the emit callback are borrowed for that call.
 */
#ifndef WF_BENCH_H
#define WF_BENCH_H

#include <stddef.h>

#include "wf_dec.h"
#include "wf_conto.h"
#include "wf_rejects.h"
#include "wf_table.h"

typedef struct wf_bench wf_bench;

#define WF_BENCH_EXACT 1e13 /* statistics below it are exact to the cent */

typedef struct wf_bench_opts {
	const char *metric;       /* required */
	const char *per;          /* NULL: no denominator */
	const char *period_col;   /* NULL: "year" */
	const char *group;        /* "col1,col2": --peers or --by; NULL: none */
	const char *size_classes; /* "1-9,10-49,50-249,250-" or NULL */
	int min_peers;            /* 0: 5 */
	int summary;              /* group totals instead of per institution */
	const char *keep;         /* "col1,col2": more columns to pass through;
				   * "": none, not region/province/comune either */
	int has_change_threshold; /* flag "changed" at |since_baseline_pct| >= */
	double change_threshold;
	enum wf_decmode decimal;  /* how the facts write value (--decimal);
				   * a --baseline, wfkit's own output, is read as POINT */
	double scale;             /* value = metric / denominator x scale; 0: the
				   * named indicator's (wf_indicators.h), else 1 */
	int sum_duplicates;       /* sum a repeated (period, institution,
				   * contract, measure) instead of rejecting it */
	int threads;              /* at most this many threads (--threads);
				   * 0 or 1: one. The output is the same */
} wf_bench_opts;

/* Validates the options (usage errors: NULL and a message). */
wf_bench *wf_bench_new(const wf_bench_opts *o, char *err, size_t errsz);
void wf_bench_free(wf_bench *b);

enum wf_bench_input {
	WF_BENCH_FACTS = 0,
	WF_BENCH_BASELINE /* an earlier wf-benchmark output (not --summary) */
};

/* Announce a table of the given kind by its header. Fails naming a
 * missing column ("no column 'region' for --peers"). */
int wf_bench_table(wf_bench *b, enum wf_bench_input kind,
		   const wf_row *header, char *err, size_t errsz);

/* One record of the current table. -1: the row is rejected (bad value,
 * bad period, empty institution...); the caller reports or counts it
 * and may go on with the next row. */
int wf_bench_row(wf_bench *b, const wf_row *row, char *err, size_t errsz);

/* After the last fact row: checks that every metric and denominator
 * measure appeared in the input (fails naming the first that did not)
 * and computes everything. */
int wf_bench_finish(wf_bench *b, char *err, size_t errsz);

/* Output columns (valid after wf_bench_finish; a baseline adds some).
 * kinds[i] says which are numbers (bare numbers in NDJSON). */
size_t wf_bench_columns(const wf_bench *b, const char *const **names,
			const enum wf_colkind **kinds);

/* Output rows in order (period, then institution, then group values; in
 * summary mode period, then group values). vals[i] NULL = empty. The
 * callback returns 0 to go on; a non-zero return stops and is returned. */
typedef int (*wf_bench_emit_fn)(void *ctx, const char *const *vals);
int wf_bench_emit(wf_bench *b, wf_bench_emit_fn fn, void *ctx);

/* Row i (0 .. wf_bench_nrows - 1, in output order) alone, not in
 * summary mode and without baseline columns' periods prepared: what
 * wf-benchmark --profile uses to interleave several engines. vals holds
 * every column but the last, provenance. -1 (fn not called) in summary
 * mode, before wf_bench_finish or past the last row. */
int wf_bench_emit_one(wf_bench *b, size_t i, wf_bench_emit_fn fn, void *ctx);

/* Number of output rows wf_bench_emit will write. */
size_t wf_bench_nrows(const wf_bench *b);

/* Convenience over the above for a whole table from r (borrowed):
 * wf_bench_table, then every row (with threads >= 2 the file is read
 * and parsed ahead in a second thread, wf_rowpipe.h). A row the reader or the engine
 * rejects goes to rejects (wf_rejects.h; borrowed) and, when that keeps
 * a file, is counted in *rejected and the read goes on; with rejects
 * NULL or without a file the first one stops the read. Rows read are
 * added to *rows. Returns 0, or -1 after printing
 * "wf-x: FILE[:LINE]: reason". */
int wf_bench_read(wf_bench *b, enum wf_bench_input kind, wf_reader *r,
		  wf_rejects *rejects, unsigned long *rows, unsigned long *rejected);

/* One refused row of FILE name, by the rules of wf_bench_read: to
 * rejects and counted in *rejected when it keeps a file (0: go on);
 * else printed as "wf-x: FILE:LINE: reason" (-1: stop). For readers
 * that feed the engine themselves (wf_profile). */
int wf_bench_reject(wf_rejects *rejects, const char *name, const wf_row *row,
		    const char *reason, unsigned long *rejected);

/* The code lists for the metric's signs (borrowed; loaded with
 * wf_codes_load_items, lib/conto's one loader), before the facts. Every
 * year's lists must sign every item of the metric: fails at once for an
 * unreadable FLAG_SEGNO ("FILE:LINE: bad FLAG_SEGNO '*'"); an item a
 * list lacks makes wf_bench_finish fail naming it. */
int wf_bench_set_codes(wf_bench *b, wf_codes *codes, char *err, size_t errsz);

/* Called by wf_bench_read every 65536 rows and once at the end of each
 * table (done set), for progress lines. NULL: none. */
typedef void (*wf_bench_progress_fn)(void *ctx, wf_reader *r,
				     unsigned long rows, int done);
void wf_bench_set_progress(wf_bench *b, wf_bench_progress_fn fn, void *ctx);

/* After wf_bench_finish: warn (stderr) about each --peers/--by column
 * that is empty on every row, naming what fills it; returns how many. */
int wf_bench_warn_empty_groups(const wf_bench *b);

/* Write the output (after wf_bench_finish and any baseline) through a
 * new table writer on out (borrowed). Returns 0, or -1 once the output
 * has failed. */
int wf_bench_write(wf_bench *b, wf_out *out, enum wf_format fmt, int excel_safe);

#endif
