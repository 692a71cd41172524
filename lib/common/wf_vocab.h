/*
 * wf_vocab.h - the column vocabulary every wfkit binary shares: one JSON
 * type per column name, whichever tool writes or reads it (documented,
 * row for row, in wfkit(7) under COLUMNS).
 *
 * Codes (institution, region, comune, contract...) are strings even when
 * they look like numbers ("015146", "12"): they are names, and leading
 * zeros matter. Years, counts and amounts are numbers, so that
 * `jq 'select(.year == 2019)'` works on every tool's output.
 *
 * A plain constant table; nothing to free.
 */
#ifndef WF_VOCAB_H
#define WF_VOCAB_H

#include <stddef.h>

#include "wf_table.h"

typedef struct wf_vocab_col {
	const char *name;
	enum wf_colkind kind;
} wf_vocab_col;

extern const wf_vocab_col wf_vocab[];
extern const size_t wf_vocab_n;

/* The kind of a known column name; dflt for any other. */
enum wf_colkind wf_vocab_kind(const char *name, enum wf_colkind dflt);

/* 1 when name is in the vocabulary. */
int wf_vocab_known(const char *name);

/* The canonical fact stream: these 12 columns, then "provenance":
 * written only when the data is marked (wf-synth's archives say
 * SYNTHETIC in their zip comment), as "data=SYNTHETIC" on every row,
 * so every tool downstream says so. */
#define WF_FACT_NCOLS 12
extern const char *const wf_fact_columns[WF_FACT_NCOLS + 1];
extern const enum wf_colkind wf_fact_kinds[WF_FACT_NCOLS + 1];

/* 1 (why set) for a header that is the canonical one but in upper case
 * or with a trailing delimiter (an empty last column). The table
 * reader (wf_reader_new) refuses such a header, so every tool that
 * reads the canonical stream does so in the same words. */
int wf_fact_header_problem(const wf_row *h, char *why, size_t whysz);

#endif
