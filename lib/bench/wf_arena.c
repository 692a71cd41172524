/* wf_arena.c - an arena of small allocations (wf_arena.h). */

#include "wf_arena.h"

#include <stdlib.h>

#include "wf_err.h"

void *wf_arena_alloc(wf_arena *a, size_t n)
{
	wf_arena_block *b = a->head;
	n = (n + 7) & ~(size_t)7;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > 65536 ? n : 65536;
		b = wf_xmalloc(sizeof *b + cap);
		b->next = a->head;
		b->used = 0;
		b->cap = cap;
		a->head = b;
	}
	b->used += n;
	return b->data + b->used - n;
}

void wf_arena_free(wf_arena *a)
{
	for (wf_arena_block *b = a->head, *n; b; b = n) {
		n = b->next;
		free(b);
	}
	a->head = NULL;
}
