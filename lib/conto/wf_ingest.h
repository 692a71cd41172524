/*
 * wf_ingest.h - Conto Annuale data files (plain, gzip or in the yearly
 * zips) to the canonical fact stream:
 *
 *   year,institution,institution_type,institution_name,contract,
 *   aggregate,comparto,region,province,comune,measure,value
 *
 * COSTO_LAVORO rows pass through one per cost item; OCCUPAZIONE and
 * LAVORO_FLESSIBILE rows are summed per institution and contract into
 * HEADCOUNT and FLEX_UNITS records, written when their file ends.
 *
 * Ownership: wf_ingest_new() copies run (its ctx stays borrowed) and
 * borrows codes, the table writer and
 * the rejects output; wf_ingest_free(NULL) is a no-op.
 */
#ifndef WF_INGEST_H
#define WF_INGEST_H

#include "wf_conto.h"
#include "wf_dec.h"
#include "wf_io.h"
#include "wf_run.h"
#include "wf_table.h"
#include "wf_vocab.h"

/* The canonical columns (wf_fact_columns, WF_FACT_NCOLS) are in
 * wf_vocab.h, with the check every reader makes of a near miss. */

typedef struct wf_ingest_opts {
	int year;     /* 0: from each file name */
	int decimal;  /* -1 auto (comma: every Conto Annuale dialect), or enum wf_decmode */
	int sum_duplicates; /* pass a repeated (year, institution, contract,
			       measure) on, to be summed, instead of
			       rejecting it as a duplicate */
	const char *provenance; /* the 13th column's value, or NULL for 12 columns */
} wf_ingest_opts;

typedef struct wf_ingest wf_ingest;

/* rejects may be NULL: then the first bad row stops the run. */
wf_ingest *wf_ingest_new(const wf_run *run, wf_codes *codes, wf_tw *facts,
			 wf_out *rejects, const wf_ingest_opts *opts);
void wf_ingest_free(wf_ingest *g);

/* Read one input: a CSV/NDJSON file, gzip or not, or a zip archive.
 * Returns 0 to go on, -1 when the run must stop (a bad row without
 * --rejects, or the output failed). */
int wf_ingest_path(wf_ingest *g, const char *path);

/* Read paths[0..n) in order, as wf_ingest_path on each until one
 * returns -1 (which this returns then, else 0). With the run's threads
 * above 1, up to that many inputs are read at once, each into spools
 * of its own ($TMPDIR: its output, its rejected rows, its messages),
 * and taken in input order: the output, the rejects, stderr and the
 * exit status are byte for byte those of one thread. Memory: at most
 * that many inputs' working state at a time. Standard input ("-") is
 * read when its turn comes. */
int wf_ingest_paths(wf_ingest *g, const char *const *paths, size_t n);

/* Whether the input at path is marked as generated: a zip archive
 * whose comment says SYNTHETIC, or a canonical stream whose provenance
 * does. Standard input is never looked at (it cannot be read twice).
 * Call before the writer is made: the mark adds a column. */
int wf_ingest_synthetic(const char *path);

/* Print the closing summary on stderr; return the exit status. */
int wf_ingest_finish(wf_ingest *g);

/* Write the placement report: one row per institution of every code
 * list loaded (and every unlisted one the data used), with its place,
 * the method that gave it (wf_placement.h) and the evidence:
 * year,institution,institution_type,institution_name,comune,
 * comune_name,province,region,method,evidence,in_data. Returns 0, or
 * -1 when the output failed. */
int wf_ingest_placement_report(wf_ingest *g, wf_out *out, enum wf_format fmt);

/* True when every input was read to its end (rows may have gone to
 * --rejects): the output is whole and may replace an -o file. */
int wf_ingest_complete(const wf_ingest *g);

/* Rows rejected so far, over every input. */
unsigned long long wf_ingest_rejected(const wf_ingest *g);

#endif
