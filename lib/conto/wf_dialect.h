/*
 * wf_dialect.h - the dialects of the RGS Conto Annuale open data, 2001
 * to 2024: how each year spells its headers, how a data file's layout
 * is recognised by its header, and what its file name says (layout,
 * year). Pure functions on caller-owned buffers; no state.
 *
 * How to add an input dialect (a new year's spelling, a new layout):
 *   - a new spelling of a known column: an alias or typo fix in
 *     wf_conto_norm_header() (wf_dialect.c), with a case in
 *     tests/unit/test_conto.c;
 *   - a new layout: a wf_layout_kind, its required columns in
 *     wf_layout_detect(), its name and measure in wf_layout_name() and
 *     wf_layout_measure(), its file prefix in wf_conto_wanted_name(),
 *     then the rows it yields in lib/conto/wf_ingest.c; a bats test in
 *     tests/bats/ingest.bats and a line in wf-ingest(1).
 * See share/man/man1/wf-ingest.1 and the README for the dialects.
 */
#ifndef WF_DIALECT_H
#define WF_DIALECT_H

#include <stddef.h>

#include "wf_table.h"

/* Header name to UPPER_SNAKE with accents folded, '%' kept, and the
 * known aliases and typos of the source fixed ("Voce di Spesa" ->
 * VOCE_SPESA, PIEDO -> PIENO, PART_TIMESUP50% -> PART_TIME_SUP50%...).
 * Writes at most outsz-1 bytes and a NUL; returns the length. */
size_t wf_conto_norm_header(const char *s, size_t n, char *out, size_t outsz);

/* Names (of comuni, provinces...) folded for matching: upper case,
 * accents folded, only letters and digits kept ("CANTU'" = "Cantù"). */
size_t wf_conto_fold_name(const char *s, size_t n, char *out, size_t outsz);

enum wf_layout_kind {
	WF_LAYOUT_UNKNOWN = 0,
	WF_LAYOUT_COSTO_LAVORO,
	WF_LAYOUT_OCCUPAZIONE,
	WF_LAYOUT_LAVORO_FLESSIBILE
};

#define WF_LAYOUT_MAXCOUNTS 8

typedef struct wf_layout {
	enum wf_layout_kind kind;
	int inst, contract;  /* column indexes */
	int item, value;     /* COSTO_LAVORO */
	int counts[WF_LAYOUT_MAXCOUNTS]; /* OCCUPAZIONE (6), LAVORO_FLESSIBILE (8) */
	int ncounts;
} wf_layout;

/* Recognise a data file by its header. For an unknown layout, why says
 * what was missing. Returns the kind. */
enum wf_layout_kind wf_layout_detect(const wf_row *header, wf_layout *out,
				     char *why, size_t whylen);
const char *wf_layout_name(enum wf_layout_kind k);
/* The measure a layout yields for its counts: HEADCOUNT, FLEX_UNITS. */
const char *wf_layout_measure(enum wf_layout_kind k);

/* Year from a file name: the last "_YYYY" (1990-2099) before the
 * extension or a non-digit. 0 when absent. */
int wf_conto_year_from_name(const char *name);

/* True when the base name looks like a data file of a layout we read
 * (COSTO_LAVORO_, OCCUPAZIONE_, LAVORO_FLESSIBILE_ + .csv/.gz). */
int wf_conto_wanted_name(const char *base);

/* "L90" / "L090" / " l090 " -> "L090" (letters, then digits padded to
 * three). Returns 0, or -1 when s is not an item code. */
int wf_conto_item_code(const char *s, size_t n, char out[16]);

/* "C4308" -> type "C". Returns 0, or -1 when s is not a type code
 * (1-3 letters) followed by digits. Surrounding spaces are allowed and
 * dropped in *key. */
int wf_conto_inst_key(const char *s, size_t n, char key[32], char type[8]);

#endif
