/*
 * wf_run.h - what a run module in lib/ takes from the command line, and
 * nothing more: the reader options and --decimal, the verbosity, --threads, whether
 * CSV cells are made spreadsheet-safe, and where progress and -v dialect
 * lines go.
 * cmd/ fills one from its wf_cli (wf_cli_run() in wf_cli.h) and opens
 * its own streams (-o, --rejects) to pass in; lib/ never sees the whole
 * CLI struct, so the cmd/lib line is drawn the same way in every binary.
 *
 * Ownership: a plain value; ctx is borrowed by the callbacks and must
 * outlive every module given the wf_run.
 */
#ifndef WF_RUN_H
#define WF_RUN_H

#include "wf_dec.h"
#include "wf_table.h"

/* The years every tool accepts (--year, _YYYY in file names, the year
 * column, wf-benchmark periods), stated in wfkit(7). */
#define WF_YEAR_MIN 1990
#define WF_YEAR_MAX 2099

typedef struct wf_run {
	wf_reader_opts ropts; /* --input-format, --encoding, -d, --max-field-bytes */
	int verbose;          /* -v count */
	int excel_safe;       /* --excel-safe */
	/* progress line for name (see wf_cli_progress); NULL: none */
	void (*progress)(void *ctx, const char *name, unsigned long long bytes,
			 long long total, unsigned long long rows, int done);
	/* under -v, the dialect line for a file read with opts; NULL: none */
	void (*dialect)(void *ctx, wf_reader *r, const wf_reader_opts *opts);
	void *ctx;
	enum wf_decmode decimal; /* --decimal: how the inputs write numbers */
	int threads;             /* --threads: at most this many threads; 0 or 1: one */
} wf_run;

static inline void wf_run_progress(const wf_run *run, const char *name,
				   unsigned long long bytes, long long total,
				   unsigned long long rows, int done)
{
	if (run->progress)
		run->progress(run->ctx, name, bytes, total, rows, done);
}

/* opts: what r was opened with (NULL: the run's own reader options). */
static inline void wf_run_dialect(const wf_run *run, wf_reader *r, const wf_reader_opts *opts)
{
	if (run->dialect)
		run->dialect(run->ctx, r, opts ? opts : &run->ropts);
}

#endif
