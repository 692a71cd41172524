#include "wf_map.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"

struct entry {
	char *key;
	size_t len;
	uint64_t h;
	union {
		void *p;
		intptr_t i;
	} val;
};

struct wf_map {
	struct entry *e; /* insertion order */
	size_t n, cap;
	uint32_t *idx;   /* 1-based entry index; 0 = empty */
	size_t nidx;     /* power of two */
};

wf_map *wf_map_new(void)
{
	wf_map *m = wf_xcalloc(1, sizeof *m);
	m->nidx = 64;
	m->idx = wf_xcalloc(m->nidx, sizeof *m->idx);
	return m;
}

void wf_map_free(wf_map *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++)
		free(m->e[i].key);
	free(m->e);
	free(m->idx);
	free(m);
}

static void rehash(wf_map *m)
{
	free(m->idx);
	m->nidx *= 2;
	m->idx = wf_xcalloc(m->nidx, sizeof *m->idx);
	for (size_t i = 0; i < m->n; i++) {
		size_t j = m->e[i].h & (m->nidx - 1);
		while (m->idx[j])
			j = (j + 1) & (m->nidx - 1);
		m->idx[j] = (uint32_t)(i + 1);
	}
}

static size_t find(const wf_map *m, const char *key, size_t len, uint64_t h)
{
	size_t j = h & (m->nidx - 1);
	while (m->idx[j]) {
		const struct entry *e = &m->e[m->idx[j] - 1];
		if (e->h == h && e->len == len && memcmp(e->key, key, len) == 0)
			return j;
		j = (j + 1) & (m->nidx - 1);
	}
	return j;
}

/* The entry of key, added (value zeroed) when absent. */
static struct entry *entry_for(wf_map *m, const char *key, size_t len)
{
	uint64_t h = wf_hash_bytes(key, len);
	size_t j = find(m, key, len, h);

	if (m->idx[j])
		return &m->e[m->idx[j] - 1];
	if ((m->n + 1) * 2 > m->nidx) {
		rehash(m);
		j = find(m, key, len, h);
	}
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->e = wf_xrealloc(m->e, m->cap * sizeof *m->e);
	}
	m->e[m->n] = (struct entry){ wf_xstrndup(key, len), len, h, { NULL } };
	m->idx[j] = (uint32_t)(++m->n);
	return &m->e[m->n - 1];
}

static const struct entry *entry_get(const wf_map *m, const char *key, size_t len)
{
	size_t j = find(m, key, len, wf_hash_bytes(key, len));
	return m->idx[j] ? &m->e[m->idx[j] - 1] : NULL;
}

void **wf_map_slot(wf_map *m, const char *key, size_t len)
{
	return &entry_for(m, key, len)->val.p;
}

void *wf_map_get(const wf_map *m, const char *key, size_t len)
{
	const struct entry *e = entry_get(m, key, len);
	return e ? e->val.p : NULL;
}

intptr_t *wf_map_islot(wf_map *m, const char *key, size_t len, intptr_t init)
{
	size_t n = m->n;
	struct entry *e = entry_for(m, key, len);

	if (m->n != n)
		e->val.i = init;
	return &e->val.i;
}

intptr_t wf_map_iget(const wf_map *m, const char *key, size_t len, intptr_t absent)
{
	const struct entry *e = entry_get(m, key, len);
	return e ? e->val.i : absent;
}

const char *wf_map_intern(wf_map *m, const char *key, size_t len)
{
	return entry_for(m, key, len)->key;
}

size_t wf_map_count(const wf_map *m)
{
	return m->n;
}

const char *wf_map_key_at(const wf_map *m, size_t i, void **val)
{
	if (val)
		*val = m->e[i].val.p;
	return m->e[i].key;
}
