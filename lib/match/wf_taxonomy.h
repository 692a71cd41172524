/*
 * wf_taxonomy.h - the welfare category taxonomy wf-match checks codes
 * against and scores category fit with.
 *
 * The taxonomy is a CSV table (share/wfkit/taxonomy.csv, columns
 * code,category,legal_basis,ccnl_fl,related) encoded from
 * ../shared/docs/welfare-taxonomy.md. "related" lists the categories
 * that can partly serve a need of this code, as CODE:WEIGHT separated
 * by '|', weight in (0,1): a CHILDCARE need served by a CAMPS offer
 * fits 0.4 when the CHILDCARE row says CAMPS:0.4. The relation is
 * read from the demand's row only, so it need not be symmetric.
 *
 * The same table is compiled into the library (wf_taxonomy_builtin),
 * so binaries work uninstalled; tests/unit/test_taxonomy.c fails when
 * the compiled copy and share/wfkit/taxonomy.csv differ.
 *
 * At most WF_TAX_MAX codes, so a set of categories fits a uint64_t.
 *
 * Ownership: _parse/_load/_builtin/_open return a new object freed
 * with wf_taxonomy_free (NULL is a no-op). Strings returned are
 * borrowed from the taxonomy.
 */
#ifndef WF_TAXONOMY_H
#define WF_TAXONOMY_H

#include <stddef.h>
#include <stdint.h>

#include "wf_table.h"

#define WF_TAX_MAX 64

typedef struct wf_taxonomy wf_taxonomy;

/* Parse the table in text (name is used in messages) with the shared
 * reader, as an auxiliary file (wf_aux.h): CSV or NDJSON, any of the
 * reader's encodings and delimiters. On error returns NULL and writes
 * "NAME:LINE: reason" into err, or leaves err empty when the reader
 * could not open the text as a table and has printed why itself. */
wf_taxonomy *wf_taxonomy_parse(const char *name, const char *text,
			       size_t len, char *err, size_t errsz);

/* Read and parse a file; run: the run's reader options (only
 * --max-field-bytes applies), NULL for none. */
wf_taxonomy *wf_taxonomy_load(const char *path, const wf_reader_opts *run,
			      char *err, size_t errsz);

/* The compiled-in copy of share/wfkit/taxonomy.csv. */
wf_taxonomy *wf_taxonomy_builtin(void);
const char *wf_taxonomy_builtin_csv(void);

/* The taxonomy a binary uses: path when not NULL, else
 * $WFKIT_DATADIR/taxonomy.csv when WFKIT_DATADIR is set and non-empty,
 * else the built-in one. */
wf_taxonomy *wf_taxonomy_open(const char *path, const wf_reader_opts *run,
			      char *err, size_t errsz);

void wf_taxonomy_free(wf_taxonomy *t);

size_t wf_taxonomy_count(const wf_taxonomy *t);
const char *wf_taxonomy_code(const wf_taxonomy *t, int i);
const char *wf_taxonomy_label(const wf_taxonomy *t, int i);

/* Index of code (exact, case-sensitive; surrounding blanks ignored), or -1. */
int wf_taxonomy_find(const wf_taxonomy *t, const char *code, size_t len);

/* How well an offer of category supply serves a need of category
 * demand: 1 when equal, the related weight, else 0. */
double wf_taxonomy_fit(const wf_taxonomy *t, int demand, int supply);

/* "HEALTH_FUND, HEALTH_SERV, ..." in table order (borrowed). */
const char *wf_taxonomy_codes(const wf_taxonomy *t);

#endif
