/*
 * wf_intern.h - an arena of small allocations and a string interner
 * over it: equal text gives an equal pointer, so keys built of interned
 * strings compare and hash by pointer. Used by wf-benchmark, where
 * millions of fact rows repeat a few thousand names.
 *
 * Ownership: both structs are owned by their embedding object and start
 * zeroed ({0}); set interner.mem to the arena before the first
 * wf_intern(). Interned strings live in the arena until
 * wf_arena_free(); free(interner.slot) frees the table itself.
 */
#ifndef WF_INTERN_H
#define WF_INTERN_H

#include <stddef.h>
#include <stdint.h>

/* Strings live in big blocks: one allocation per 64 KiB, not per name. */
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

typedef struct wf_interner {
	const char **slot;
	size_t cap, n;
	wf_arena *mem;
} wf_interner;

/* The one copy of s[0..len) (which need not be terminated). */
const char *wf_intern(wf_interner *t, const char *s, size_t len);

/* FNV-1a; inline because the record index hashes per fact row. */
static inline uint64_t wf_hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static inline uint64_t wf_hash_mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
	return h;
}

#endif
