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

#endif
