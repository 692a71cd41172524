/* wf_intern.c - string arena and interner (wf_intern.h). */

#include "wf_intern.h"

#include <stdlib.h>
#include <string.h>

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

const char *wf_intern(wf_interner *t, const char *s, size_t len)
{
	uint64_t h = wf_hash_bytes(s, len);
	size_t i;
	char *p;

	if (t->n * 2 >= t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 1024;
		const char **slot = wf_xcalloc(cap, sizeof *slot);
		for (size_t k = 0; k < t->cap; k++) {
			const char *q = t->slot[k];
			if (!q)
				continue;
			size_t j = wf_hash_bytes(q, strlen(q)) & (cap - 1);
			while (slot[j])
				j = (j + 1) & (cap - 1);
			slot[j] = q;
		}
		free(t->slot);
		t->slot = slot;
		t->cap = cap;
	}
	for (i = h & (t->cap - 1); t->slot[i]; i = (i + 1) & (t->cap - 1))
		if (strncmp(t->slot[i], s, len) == 0 && t->slot[i][len] == '\0')
			return t->slot[i];
	p = wf_arena_alloc(t->mem, len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	t->slot[i] = p;
	t->n++;
	return p;
}
