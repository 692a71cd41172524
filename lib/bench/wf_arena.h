/*
 * wf_arena.h - an arena of small allocations: one malloc per 64 KiB, not
 * per object. wf-benchmark keeps its group-value tuples in one, since
 * millions of fact rows repeat a few thousand of them.
 *
 * Ownership: the arena is owned by its embedding object and starts
 * zeroed ({0}); what wf_arena_alloc() returns lives until
 * wf_arena_free().
 */
#ifndef WF_ARENA_H
#define WF_ARENA_H

#include <stddef.h>

typedef struct wf_arena_block {
	struct wf_arena_block *next;
	size_t used, cap;
	char data[];
} wf_arena_block;

typedef struct wf_arena {
	wf_arena_block *head;
} wf_arena;

/* n bytes aligned to 8, valid until wf_arena_free(). */
void *wf_arena_alloc(wf_arena *a, size_t n);
void wf_arena_free(wf_arena *a);

#endif
