/* wf_rowpipe.c - a table read ahead by a second thread (wf_rowpipe.h). */

#include "wf_rowpipe.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"

/* A ring of NBATCH batches: the reader fills one while the caller
 * works through another; a batch is handed over whole, so the lock is
 * taken once per BATCH_ROWS rows, not per row. */
#define NBATCH 4
#define BATCH_ROWS 1024
#define BATCH_TEXT (256 * 1024)

struct item {
	long line;
	int st;
	size_t n, fld;       /* fields: flds[fld .. fld + n) */
	size_t raw, rawlen;  /* offsets into text */
	size_t reason;       /* offset, or SIZE_MAX: none */
};

/* The fields of every row of a batch, one after the other: offsets
 * into text while it fills (SIZE_MAX: a NULL field pointer), then the
 * pointers, lengths and null flags a wf_row points into. */
struct batch {
	struct item *items;
	size_t nitems, capitems;
	size_t *foff, *flen;
	const char **fptr;
	unsigned char *fnull;
	size_t nflds, capflds;
	char *text;
	size_t tlen, tcap;
};

struct wf_rowpipe {
	wf_reader *r;
	unsigned long base, nread;
	wf_rowpipe_tick_fn tick;
	void *ctx;

	pthread_t th;
	int threaded;
	pthread_mutex_t mu;
	pthread_cond_t filled, freed;
	struct batch b[NBATCH];
	unsigned long head, tail; /* batches filled; batches given back */
	int stop, ended;          /* ended: the reader's last item is queued */

	/* the caller's side */
	struct batch *cur;        /* batch tail, being read; NULL: none */
	size_t at;                /* next item of cur */
	int last_st;              /* after EOF or FATAL, the same again */
	const char *reason;
};

static size_t put_text(struct batch *b, const char *s, size_t n)
{
	size_t at = b->tlen;

	if (b->tlen + n + 1 > b->tcap) {
		b->tcap = (b->tlen + n + 1) * 2;
		b->text = wf_xrealloc(b->text, b->tcap);
	}
	if (n)
		memcpy(b->text + at, s, n);
	b->text[at + n] = '\0';
	b->tlen += n + 1;
	return at;
}

/* One row of the reader (or its end) into b. */
static void put_row(struct batch *b, int st, const wf_row *row, const char *reason)
{
	struct item *it;

	if (b->nitems == b->capitems) {
		b->capitems = b->capitems ? b->capitems * 2 : 256;
		b->items = wf_xrealloc(b->items, b->capitems * sizeof *b->items);
	}
	it = &b->items[b->nitems++];
	memset(it, 0, sizeof *it);
	it->st = st;
	it->reason = SIZE_MAX;
	if (reason)
		it->reason = put_text(b, reason, strlen(reason));
	if (st != WF_ROW_OK && st != WF_ROW_BAD)
		return;
	it->line = row->line;
	it->n = row->n;
	it->fld = b->nflds;
	if (b->nflds + row->n > b->capflds) {
		b->capflds = (b->nflds + row->n) * 2;
		b->foff = wf_xrealloc(b->foff, b->capflds * sizeof *b->foff);
		b->flen = wf_xrealloc(b->flen, b->capflds * sizeof *b->flen);
		b->fptr = wf_xrealloc(b->fptr, b->capflds * sizeof *b->fptr);
		b->fnull = wf_xrealloc(b->fnull, b->capflds);
	}
	/* A reader keeps a row's fields side by side in one buffer: one copy
	 * of that stretch, not one per field (copying was 12% of
	 * wf-benchmark's CPU field by field). */
	uintptr_t lo = UINTPTR_MAX, hi = 0;
	size_t sum = 0;
	for (size_t i = 0; i < row->n; i++) {
		size_t n = row->f[i] ? (row->len ? row->len[i] : strlen(row->f[i])) : 0;
		b->flen[b->nflds + i] = n;
		b->fnull[b->nflds + i] = row->null ? row->null[i] : 0;
		if (!row->f[i])
			continue;
		sum += n + 1;
		if ((uintptr_t)row->f[i] < lo)
			lo = (uintptr_t)row->f[i];
		if ((uintptr_t)row->f[i] + n + 1 > hi)
			hi = (uintptr_t)row->f[i] + n + 1;
	}
	if (sum && hi - lo <= 2 * sum + 64) {
		size_t at = put_text(b, (const char *)lo, hi - lo - 1);
		for (size_t i = 0; i < row->n; i++)
			b->foff[b->nflds + i] = row->f[i] ? at + ((uintptr_t)row->f[i] - lo) : SIZE_MAX;
	} else {
		for (size_t i = 0; i < row->n; i++)
			b->foff[b->nflds + i] = row->f[i] ? put_text(b, row->f[i], b->flen[b->nflds + i])
						  : SIZE_MAX;
	}
	b->nflds += row->n;
	it->rawlen = row->raw ? row->rawlen : 0;
	it->raw = put_text(b, row->raw ? row->raw : "", it->rawlen);
}

/* The text no longer moves: offsets become pointers. */
static void seal(struct batch *b)
{
	for (size_t i = 0; i < b->nflds; i++)
		b->fptr[i] = b->foff[i] == SIZE_MAX ? NULL : b->text + b->foff[i];
}

/* Reads one batch's worth into b; 1 when the reader has ended. */
static int fill(wf_rowpipe *p, struct batch *b)
{
	wf_row row;

	b->nitems = b->nflds = b->tlen = 0;
	while (b->nitems < BATCH_ROWS && b->tlen < BATCH_TEXT) {
		int st = wf_reader_next(p->r, &row);
		if (st == WF_ROW_EOF || st == WF_ROW_FATAL) {
			put_row(b, st, &row, st == WF_ROW_FATAL ? wf_reader_reason(p->r) : NULL);
			seal(b);
			return 1;
		}
		put_row(b, st, &row, st == WF_ROW_BAD ? wf_reader_reason(p->r) : NULL);
		if ((++p->nread + p->base) % 65536 == 0 && p->tick)
			p->tick(p->ctx, p->r, p->base + p->nread);
	}
	seal(b);
	return 0;
}

static void *reader_main(void *arg)
{
	wf_rowpipe *p = arg;
	int end = 0;

	while (!end) {
		struct batch *b;
		pthread_mutex_lock(&p->mu);
		while (!p->stop && p->head - p->tail == NBATCH)
			pthread_cond_wait(&p->freed, &p->mu);
		if (p->stop) {
			pthread_mutex_unlock(&p->mu);
			break;
		}
		b = &p->b[p->head % NBATCH];
		pthread_mutex_unlock(&p->mu);
		end = fill(p, b);
		pthread_mutex_lock(&p->mu);
		p->head++;
		p->ended = end;
		pthread_cond_signal(&p->filled);
		pthread_mutex_unlock(&p->mu);
	}
	return NULL;
}

wf_rowpipe *wf_rowpipe_new(wf_reader *r, unsigned long base, wf_rowpipe_tick_fn tick,
			   void *ctx)
{
	wf_rowpipe *p = wf_xcalloc(1, sizeof *p);

	p->r = r;
	p->base = base;
	p->tick = tick;
	p->ctx = ctx;
	p->last_st = 1;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->filled, NULL);
	pthread_cond_init(&p->freed, NULL);
	/* no thread (a process at its limit): the caller's thread reads */
	p->threaded = pthread_create(&p->th, NULL, reader_main, p) == 0;
	return p;
}

/* The next batch to read from, NULL when there is none (the reader has
 * stopped after its last item was taken). */
static struct batch *next_batch(wf_rowpipe *p)
{
	struct batch *b;

	if (!p->threaded) {
		if (p->ended)
			return NULL;
		b = &p->b[0];
		p->ended = fill(p, b);
		return b;
	}
	pthread_mutex_lock(&p->mu);
	if (p->cur) {
		p->tail++; /* the caller is done with it */
		pthread_cond_signal(&p->freed);
	}
	while (p->head == p->tail && !(p->ended && p->head == p->tail))
		pthread_cond_wait(&p->filled, &p->mu);
	b = p->head == p->tail ? NULL : &p->b[p->tail % NBATCH];
	pthread_mutex_unlock(&p->mu);
	return b;
}

int wf_rowpipe_next(wf_rowpipe *p, wf_row *row)
{
	const struct item *it;
	const struct batch *b;

	if (p->last_st == WF_ROW_EOF || p->last_st == WF_ROW_FATAL) {
		memset(row, 0, sizeof *row);
		return p->last_st;
	}
	while (!p->cur || p->at == p->cur->nitems) {
		p->cur = next_batch(p);
		p->at = 0;
		if (!p->cur) { /* cannot happen: the last item is EOF or FATAL */
			p->last_st = WF_ROW_EOF;
			memset(row, 0, sizeof *row);
			return WF_ROW_EOF;
		}
	}
	b = p->cur;
	it = &b->items[p->at++];
	p->reason = it->reason == SIZE_MAX ? NULL : b->text + it->reason;
	memset(row, 0, sizeof *row);
	if (it->st != WF_ROW_OK && it->st != WF_ROW_BAD) {
		p->last_st = it->st;
		return it->st;
	}
	row->n = it->n;
	if (it->n) { /* a batch of rows without fields has no arrays */
		row->f = b->fptr + it->fld;
		row->len = b->flen + it->fld;
		row->null = b->fnull + it->fld;
	}
	row->line = it->line;
	row->raw = b->text + it->raw;
	row->rawlen = it->rawlen;
	return it->st;
}

const char *wf_rowpipe_reason(const wf_rowpipe *p)
{
	return p->reason ? p->reason : "";
}

void wf_rowpipe_free(wf_rowpipe *p)
{
	if (!p)
		return;
	if (p->threaded) {
		pthread_mutex_lock(&p->mu);
		p->stop = 1;
		pthread_cond_signal(&p->freed);
		pthread_mutex_unlock(&p->mu);
		pthread_join(p->th, NULL);
	}
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->filled);
	pthread_cond_destroy(&p->freed);
	for (int i = 0; i < NBATCH; i++) {
		free(p->b[i].items);
		free(p->b[i].foff);
		free(p->b[i].flen);
		free(p->b[i].fptr);
		free(p->b[i].fnull);
		free(p->b[i].text);
	}
	free(p);
}
