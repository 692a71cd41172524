/* wf_bench_order.c - the orders of wf_bench_finish (output, peer groups,
 * series) by integer ranks and a radix sort (wf_bench_priv.h). Equal
 * texts are one interned pointer and equal group-value tuples one
 * shared tuple, so a pointer's rank in text order stands for its
 * text in every comparison. */

#include "wf_bench_priv.h"

#include <stdlib.h>
#include <string.h>

#include "wf_err.h"

/* Pointer -> dense id, in first-seen order. */
typedef struct ptrids {
	const void **ptr;  /* by id */
	uint32_t *slot;    /* id + 1; 0 empty */
	size_t n, cap;
} ptrids;

static uint32_t ptr_id(ptrids *t, const void *p)
{
	size_t j;

	if (2 * (t->n + 1) > t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 1024;
		free(t->slot);
		t->slot = wf_xcalloc(cap, sizeof *t->slot);
		t->ptr = wf_xrealloc(t->ptr, cap * sizeof *t->ptr);
		t->cap = cap;
		for (size_t i = 0; i < t->n; i++) {
			for (j = wf_bench_mix64(0, (uintptr_t)t->ptr[i]) & (cap - 1); t->slot[j];
			     j = (j + 1) & (cap - 1))
				;
			t->slot[j] = (uint32_t)(i + 1);
		}
	}
	for (j = wf_bench_mix64(0, (uintptr_t)p) & (t->cap - 1); t->slot[j]; j = (j + 1) & (t->cap - 1))
		if (t->ptr[t->slot[j] - 1] == p)
			return t->slot[j] - 1;
	t->ptr[t->n] = p;
	t->slot[j] = (uint32_t)++t->n;
	return (uint32_t)(t->n - 1);
}

typedef struct ranked {
	const void *p;
	uint32_t id;
} ranked;

/* qsort has no context argument in C11: the tuple length. */
static size_t tuple_len;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(((const ranked *)a)->p, ((const ranked *)b)->p);
}

static int cmp_tuple(const void *a, const void *b)
{
	const char *const *x = ((const ranked *)a)->p, *const *y = ((const ranked *)b)->p;
	for (size_t i = 0; i < tuple_len; i++) {
		int c = x[i] == y[i] ? 0 : strcmp(x[i], y[i]);
		if (c)
			return c;
	}
	return 0;
}

/* ids[0..n) (into t) become ranks of their pointers under cmp. */
static size_t to_ranks(ptrids *t, uint32_t *ids, size_t n, int (*cmp)(const void *, const void *))
{
	ranked *r = wf_xmalloc((t->n ? t->n : 1) * sizeof *r);
	uint32_t *rank = wf_xmalloc((t->n ? t->n : 1) * sizeof *rank);
	size_t nd = t->n;

	for (size_t i = 0; i < nd; i++)
		r[i] = (ranked){ t->ptr[i], (uint32_t)i };
	qsort(r, nd, sizeof *r, cmp);
	for (size_t i = 0; i < nd; i++)
		rank[r[i].id] = (uint32_t)i;
	for (size_t i = 0; i < n; i++)
		ids[i] = rank[ids[i]];
	free(r);
	free(rank);
	free(t->ptr);
	free(t->slot);
	memset(t, 0, sizeof *t);
	return nd;
}

void wf_bench_ranks_make(const wf_bench *b, wf_bench_ranks *rk)
{
	ptrids ti = { 0 }, tg = { 0 };
	size_t n = b->nrecs ? b->nrecs : 1;

	rk->inst = wf_xmalloc(n * sizeof *rk->inst);
	rk->gv = wf_xmalloc(n * sizeof *rk->gv);
	for (size_t i = 0; i < b->nrecs; i++) {
		rk->inst[i] = ptr_id(&ti, b->recs[i].k.inst);
		rk->gv[i] = b->ng ? ptr_id(&tg, b->recs[i].k.gv) : 0;
	}
	rk->ninst = to_ranks(&ti, rk->inst, b->nrecs, cmp_str);
	tuple_len = b->ng;
	rk->ngv = b->ng ? to_ranks(&tg, rk->gv, b->nrecs, cmp_tuple) : 1;
}

void wf_bench_ranks_free(wf_bench_ranks *rk)
{
	free(rk->inst);
	free(rk->gv);
	memset(rk, 0, sizeof *rk);
}

void wf_bench_radix(uint64_t *key, uint32_t *idx, uint64_t *tk, uint32_t *tx,
		    size_t n, unsigned bits)
{
	uint64_t *k = key, *k2 = tk;
	uint32_t *x = idx, *x2 = tx;

	for (unsigned shift = 0; shift < bits; shift += 8) {
		size_t count[256] = { 0 }, sum = 0;
		int skip = 0;
		for (size_t i = 0; i < n; i++)
			count[(k[i] >> shift) & 255]++;
		for (size_t d = 0; d < 256; d++) {
			size_t c = count[d];
			skip |= c == n; /* every key has this digit */
			count[d] = sum;
			sum += c;
		}
		if (skip)
			continue;
		for (size_t i = 0; i < n; i++) {
			size_t at = count[(k[i] >> shift) & 255]++;
			k2[at] = k[i];
			x2[at] = x[i];
		}
		uint64_t *tkk = k;
		uint32_t *txx = x;
		k = k2;
		x = x2;
		k2 = tkk;
		x2 = txx;
	}
	if (k != key) {
		memcpy(key, k, n * sizeof *key);
		memcpy(idx, x, n * sizeof *idx);
	}
}

static unsigned bits_for(uint64_t maxval)
{
	unsigned w = 0;
	while (w < 64 && (maxval >> w))
		w++;
	return w;
}

static uint64_t field_of(const wf_bench *b, const wf_bench_ranks *rk, enum wf_bench_field f,
			 size_t i)
{
	const rec *r = &b->recs[i];
	switch (f) {
	case WF_BF_PERIOD:
		return (uint64_t)(r->k.period - b->pmin);
	case WF_BF_INST:
		return rk->inst[i];
	case WF_BF_GV:
		return rk->gv[i];
	case WF_BF_CLASS: /* no class (-1) last */
		return r->sclass < 0 ? b->nclass : (uint64_t)r->sclass;
	}
	return 0;
}

void wf_bench_order(const wf_bench *b, const wf_bench_ranks *rk,
		    const enum wf_bench_field *f, size_t nf, size_t *ix)
{
	size_t n = b->nrecs;
	unsigned width[8], word_of[8], shift[8], nwords = 0, used = 0;
	uint64_t *key, *tk;
	uint32_t *idx, *tx;

	if (n < 2) {
		if (n)
			ix[0] = 0;
		return;
	}
	/* Fields packed into 64-bit words from the least significant one;
	 * each field fits one word (ranks and periods are under 2^32). */
	for (size_t j = nf; j-- > 0;) {
		uint64_t maxv = f[j] == WF_BF_PERIOD ? (uint64_t)(b->pmax - b->pmin)
				: f[j] == WF_BF_INST ? rk->ninst - 1
				: f[j] == WF_BF_GV ? rk->ngv - 1 : b->nclass;
		width[j] = bits_for(maxv);
		if (!width[j]) { /* the same in every record */
			word_of[j] = ~0u;
			continue;
		}
		if (!nwords || used + width[j] > 64) {
			nwords++;
			used = 0;
		}
		word_of[j] = nwords - 1;
		shift[j] = used;
		used += width[j];
	}
	key = wf_xmalloc(n * sizeof *key);
	tk = wf_xmalloc(n * sizeof *tk);
	idx = wf_xmalloc(n * sizeof *idx);
	tx = wf_xmalloc(n * sizeof *tx);
	for (size_t i = 0; i < n; i++)
		idx[i] = (uint32_t)i;
	/* LSD over the words too: each pass is stable, so sorting by the
	 * least significant word first and the most significant last
	 * orders by all of them. */
	for (unsigned w = 0; w < nwords; w++) {
		unsigned bits = 0;
		for (size_t i = 0; i < n; i++) {
			uint64_t kv = 0;
			for (size_t j = 0; j < nf; j++)
				if (word_of[j] == w)
					kv |= field_of(b, rk, f[j], idx[i]) << shift[j];
			key[i] = kv;
		}
		for (size_t j = 0; j < nf; j++)
			if (word_of[j] == w && shift[j] + width[j] > bits)
				bits = shift[j] + width[j];
		wf_bench_radix(key, idx, tk, tx, n, bits);
	}
	for (size_t i = 0; i < n; i++)
		ix[i] = idx[i];
	free(key);
	free(tk);
	free(idx);
	free(tx);
}
