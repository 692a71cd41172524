/*
 * wf_map.h - the one string-keyed hash map of wfkit (open addressing,
 * FNV-1a, insertion order kept): a value per key, either a pointer
 * (wf_map_slot/wf_map_get) or an integer such as an index or a line
 * number (wf_map_islot/wf_map_iget); a map holds one kind or the other.
 * It also interns strings (wf_map_intern). Keyed by something other
 * than text (tuples of interned pointers, say), a caller hashes with
 * wf_hash_bytes/wf_hash_mix below.
 *
 * Ownership: the map copies keys (each copy stays at one address until
 * wf_map_free); values stay the caller's and are not freed by the map.
 * wf_map_free(NULL) is a no-op.
 */
#ifndef WF_MAP_H
#define WF_MAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct wf_map wf_map;

wf_map *wf_map_new(void);
void wf_map_free(wf_map *m);
/* The slot for key (created holding NULL when absent). */
void **wf_map_slot(wf_map *m, const char *key, size_t len);
void *wf_map_get(const wf_map *m, const char *key, size_t len);
size_t wf_map_count(const wf_map *m);
/* Iterate in insertion order: i from 0 to count-1. */
const char *wf_map_key_at(const wf_map *m, size_t i, void **val);

/* Integer values: the slot for key, created holding init when absent;
 * the value of key, or absent. */
intptr_t *wf_map_islot(wf_map *m, const char *key, size_t len, intptr_t init);
intptr_t wf_map_iget(const wf_map *m, const char *key, size_t len, intptr_t absent);

/* The map's own copy of key (added when absent): equal text gives the
 * same pointer, valid until wf_map_free(), so interned strings compare
 * and hash by address. */
const char *wf_map_intern(wf_map *m, const char *key, size_t len);

/* FNV-1a of s[0..n), the map's own hash; and a step that folds v into
 * h, for keys made of several parts. Inline: hot paths hash per row. */
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

/* FNV-1a leaves the high bits of "C12" and "C13" nearly equal: a hash
 * whose every bit is used (a 64-bit key, a table index from the high
 * bits) goes through this first (MurmurHash3's finaliser). Never 0. */
static inline uint64_t wf_hash_fin(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return h ? h : 1;
}

#endif
