#include "wf_ingest.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <pthread.h>
#include <sys/stat.h>

#include "wf_err.h"
#include "wf_ingest_priv.h"
#include "wf_rejects.h"
#include "wf_text.h"
#include "wf_map.h"
#include "wf_zip.h"



struct count {
	unsigned long long read, written, rejected, blank;
};

struct agg {
	char inst[32], type[8];
	char measure[32];
	char *contract;
	wf_dec sum;
};

/* Short keys of the per-row path (an institution, a contract, a
 * contract and measure pair) interned to dense ids. A key is held NUL
 * padded to a fixed width (32 or 64 bytes), so it is hashed and
 * compared a word at a time, and each slot keeps 32 bits of the hash
 * beside the id, so a probe that misses never touches the keys.
 * wf_map (FNV-1a byte by byte, a key behind two pointers) was 54% of
 * wf-ingest on 1,000,000 short rows in random institution order (perf,
 * 2026-12-01): one look-up per row has to cost one cache miss, not
 * three. Keys are only ever added, until ktab_clear(). */
struct ktab {
	size_t kw;       /* key width in bytes, a multiple of 8 */
	char *keys;      /* n keys of kw bytes, id order */
	uint64_t *slot;  /* hash >> 32 << 32 | id + 1; 0 = empty */
	size_t n, cap, nslot;
};

/* Facts of one institution for duplicate detection, 8 bytes each:
 * pair + 1 << 40 | line of the year. An open-addressing set (load at
 * most 3/4, 0 = empty slot). */
struct fset {
	uint64_t *t;
	uint32_t cap, n;
};

/* Ids of an institution: its code-list record for the current layer
 * (layer_gen), the lengths emit() writes, and its facts of the year
 * being checked for duplicates (dup_gen). While the institution's rows
 * come, its facts are in the run's scratch set; when another
 * institution's row comes, they are packed, sorted, into the year's
 * arena (closed), 8 bytes a fact. An institution that comes back (a
 * file not grouped by institution) gets a set of its own for its new
 * facts: found in one step whatever the order of the rows. */
struct inst_ent {
	const wf_inst *in;
	unsigned gen, fgen;
	char type[8];
	uint32_t len_key, len_type, len_name, len_region, len_province, len_comune;
	uint64_t *closed;
	uint32_t nclosed;
	int packed; /* closed once this year: new facts go to own */
	struct fset own;
};

struct contract_ent {
	const char *agg, *comparto;
	size_t len_agg, len_comparto;
	unsigned gen;
};

#define FACT_LINE_BITS 40
#define FACT_LINE_MASK ((UINT64_C(1) << FACT_LINE_BITS) - 1)
#define FACT_MAX_PAIRS ((UINT64_C(1) << (64 - FACT_LINE_BITS)) - 1)

static void ktab_init(struct ktab *t, size_t kw)
{
	t->kw = kw;
}

static void ktab_clear(struct ktab *t)
{
	free(t->keys);
	free(t->slot);
	t->keys = NULL;
	t->slot = NULL;
	t->n = t->cap = t->nslot = 0;
}

static uint64_t ktab_hash(const char *k, size_t kw)
{
	uint64_t h = 0x9e3779b97f4a7c15ull;

	for (size_t i = 0; i < kw; i += 8) {
		uint64_t w;
		memcpy(&w, k + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	return wf_hash_fin(h);
}

/* Id of the padded key k (kw bytes); *added says whether it is new. */
static uint32_t ktab_id(struct ktab *t, const char *k, int *added)
{
	uint64_t h = ktab_hash(k, t->kw), tag = h >> 32 << 32;
	size_t j;

	*added = 0;
	if (t->nslot) {
		for (j = (size_t)h & (t->nslot - 1); t->slot[j]; j = (j + 1) & (t->nslot - 1)) {
			uint64_t s = t->slot[j];
			if ((s & ~UINT64_C(0xFFFFFFFF)) == tag &&
			    memcmp(t->keys + ((s & 0xFFFFFFFF) - 1) * t->kw, k, t->kw) == 0)
				return (uint32_t)((s & 0xFFFFFFFF) - 1);
		}
	}
	if (2 * (t->n + 1) > t->nslot) {
		size_t ns = t->nslot ? t->nslot * 2 : 64;
		uint64_t *o = t->slot;
		t->slot = wf_xcalloc(ns, sizeof *t->slot);
		for (size_t i = 0; i < t->nslot; i++)
			if (o[i]) {
				uint64_t oh = ktab_hash(t->keys + ((o[i] & 0xFFFFFFFF) - 1) * t->kw, t->kw);
				size_t p = (size_t)oh & (ns - 1);
				while (t->slot[p])
					p = (p + 1) & (ns - 1);
				t->slot[p] = o[i];
			}
		free(o);
		t->nslot = ns;
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->keys = wf_xrealloc(t->keys, t->cap * t->kw);
	}
	memcpy(t->keys + t->n * t->kw, k, t->kw);
	for (j = (size_t)h & (t->nslot - 1); t->slot[j]; j = (j + 1) & (t->nslot - 1))
		;
	t->slot[j] = tag | (uint64_t)(t->n + 1);
	*added = 1;
	return (uint32_t)t->n++;
}

struct wf_ingest {
	wf_run run;
	wf_codes *codes;
	wf_tw *facts;
	wf_rejects *rej;
	wf_ingest_opts o;
	int stop, failed, files;
	struct count total;
	wf_out *rej_out;
	/* institutions and contracts of the run, interned (see ktab) */
	struct ktab inst_tab, contract_tab, pair_tab;
	struct inst_ent *ie;
	struct contract_ent *ce;
	size_t ie_cap, ce_cap, len_provenance;
	char prev_key[32]; /* the previous row's institution, padded */
	uint32_t prev_inst; /* its id + 1 */
	unsigned layer_gen; /* bumped when a file selects its year's code lists */
	uint32_t last_contract; /* id + 1 of the previous row's contract */
	unsigned char said_year[WF_YEAR_MAX - WF_YEAR_MIN + 1]; /* fallback code lists announced */
	/* inputs read so far, to refuse one given twice: regular files by
	 * device, inode and size (then bytes), zip members by size and
	 * CRC-32; only within one year (the year in the name, or --year):
	 * the same bytes named for two years are two years */
	struct seen {
		char *label;
		unsigned long long dev, ino, size;
		unsigned long crc;
		int member, year;
	} *seen;
	size_t nseen;
	/* Duplicate facts: the year being checked, its files (a line of
	 * the year is base + line of its file) and its pair ids. */
	int dup_on, dup_year;
	unsigned dup_gen;
	struct dupfile {
		char *name;
		uint64_t base, maxline;
	} *df;
	size_t ndf;
	uint32_t dup_cur; /* id + 1 of the institution whose facts are open */
	struct fset scratch; /* the open facts of an institution not yet packed */
	struct arena {
		struct arena *next;
		size_t used, cap;
		uint64_t v[];
	} *arena;
	const char *df_name; /* g->name once df[ndf - 1] is known to be its file */
	/* per file */
	const char *name;
	struct count c;
	wf_map *agg;
	/* a worker's run (wf_ingest_mt.c); NULL in the main thread */
	struct view *view;
	wf_codes_scratch *placed; /* main thread: its workers' placements */
};

/* What a worker thread keeps for the main thread: it reads the code
 * lists without changing them (under lock), and records the calls that
 * change them, for the main thread to make in input order; the
 * duplicates it could not check against the inputs before its own. */
struct jcall {
	wf_codes_layer *l;
	int year;          /* a wf_codes_select_year(year) call, or 0: */
	char *key, *type;  /* a wf_codes_inst_at(l, key, type) call */
};
struct view {
	pthread_rwlock_t *lock;
	wf_codes_scratch *scratch; /* the workers' placements (borrowed) */
	wf_map *used;           /* (lists, institution) already in j */
	wf_codes_layer *layer;  /* the lists active in this worker */
	wf_codes_layer *initial; /* those active when it began */
	int selected;           /* a year's lists chosen */
	int used_initial;       /* looked up in them before that */
	wf_codes_layer *own;    /* an archive's own lists, not given to codes yet */
	int own_rc, own_year, embedded;
	int opened;             /* the input could be opened */
	struct jcall *j;
	size_t nj;
	/* The facts of the year the first duplicate() call saw, up to the
	 * first change of year (then kept here: its pair keys and the
	 * (institution id, pair id) of each fact), to be checked against
	 * the main thread's facts of that year. */
	int first_year, reset;
	struct ktab seg_pairs;
	uint64_t *seg; /* institution id << 32 | pair id (from 1) */
	size_t nseg;
};

static void view_free(struct view *v);

wf_ingest *wf_ingest_new(const wf_run *run, wf_codes *codes, wf_tw *facts,
			 wf_out *rejects, const wf_ingest_opts *opts)
{
	wf_ingest *g = wf_xcalloc(1, sizeof *g);

	g->run = *run;
	g->codes = codes;
	g->facts = facts;
	g->rej = wf_rejects_new(rejects);
	g->rej_out = rejects;
	/* The rejects file is the one people open to review bad rows. */
	wf_rejects_set_excel_safe(g->rej, run->excel_safe);
	g->o = *opts;
	g->len_provenance = opts->provenance ? strlen(opts->provenance) : 0;
	ktab_init(&g->inst_tab, 32);
	ktab_init(&g->contract_tab, 32);
	ktab_init(&g->pair_tab, 64);
	return g;
}

static void dup_reset(wf_ingest *g);
static void fset_free(struct fset *f);

void wf_ingest_free(wf_ingest *g)
{
	if (!g)
		return;
	dup_reset(g);
	view_free(g->view);
	wf_codes_scratch_free(g->placed);
	for (size_t i = 0; i < g->inst_tab.n; i++)
		fset_free(&g->ie[i].own);
	free(g->ie);
	free(g->ce);
	ktab_clear(&g->inst_tab);
	ktab_clear(&g->contract_tab);
	for (size_t i = 0; i < g->nseen; i++)
		free(g->seen[i].label);
	free(g->seen);
	wf_rejects_free(g->rej);
	free(g);
}

/* A row that cannot be used: to --rejects, or the end of the run. */
static int reject(wf_ingest *g, long line, const char *reason, const char *raw, size_t rawlen)
{
	g->c.rejected++;
	/* a failed rejects file is reported when it is closed */
	if (wf_rejects_add(g->rej, g->name, line, reason, raw, rawlen) == WF_REJECTS_STOP) {
		g->stop = 1;
		return -1;
	}
	return 0;
}

static void journal(struct view *v, wf_codes_layer *l, int year, const char *key,
		    const char *type)
{
	v->j = wf_xrealloc(v->j, (v->nj + 1) * sizeof *v->j);
	v->j[v->nj++] = (struct jcall){ l, year, key ? wf_xstrdup(key) : NULL,
					type ? wf_xstrdup(type) : NULL };
}

/* wf_codes_inst, or in a worker what it would return (recording the
 * call for the main thread the first time, as it changes the lists). */
static const wf_inst *codes_inst(wf_ingest *g, const char *key, const char *type)
{
	struct view *v = g->view;
	const wf_inst *in;
	int first;
	char k[96];
	int kl;
	intptr_t *seen;

	if (!v)
		return wf_codes_inst(g->codes, key, type);
	if (!v->selected)
		v->used_initial = 1;
	pthread_rwlock_rdlock(v->lock);
	in = wf_codes_inst_peek(g->codes, v->layer, key, type, v->scratch, &first);
	pthread_rwlock_unlock(v->lock);
	kl = snprintf(k, sizeof k, "%p\x1f%s", (void *)v->layer, key);
	seen = wf_map_islot(v->used, k, kl < (int)sizeof k ? (size_t)kl : sizeof k - 1, 0);
	if (!*seen) {
		*seen = 1;
		journal(v, v->layer, 0, key, type);
	}
	return in;
}

/* wf_codes_select_year, or in a worker its choice (recorded). */
static int codes_select(wf_ingest *g, int year)
{
	struct view *v = g->view;
	int cy;

	if (!v)
		return wf_codes_select_year(g->codes, year);
	pthread_rwlock_rdlock(v->lock);
	v->layer = wf_codes_pick(g->codes, v->own, year, &cy);
	pthread_rwlock_unlock(v->lock);
	v->selected = 1;
	journal(v, v->layer, year, NULL, NULL);
	return cy;
}

/* The institution of key (its code-list record resolved for the
 * current layer). pk: the key NUL padded to 32 bytes. */
/* The id of the institution of padded key pk, interned if new (its
 * code-list record not resolved yet). */
static uint32_t inst_id(wf_ingest *g, const char *pk)
{
	int added;
	uint32_t id = ktab_id(&g->inst_tab, pk, &added);

	if (added) {
		if (g->inst_tab.cap > g->ie_cap) {
			g->ie = wf_xrealloc(g->ie, g->inst_tab.cap * sizeof *g->ie);
			g->ie_cap = g->inst_tab.cap;
		}
		struct inst_ent *e = &g->ie[id];
		memset(e, 0, sizeof *e);
		e->len_key = (uint32_t)strlen(pk);
		for (size_t i = 0; i < e->len_key && i < sizeof e->type - 1 &&
				   !(pk[i] >= '0' && pk[i] <= '9'); i++)
			e->type[i] = pk[i];
		e->len_type = (uint32_t)strlen(e->type);
	}
	return id;
}

static struct inst_ent *inst_of(wf_ingest *g, const char *pk)
{
	uint32_t id;
	struct inst_ent *e;

	/* Files come grouped by institution: most rows have the last one's. */
	if (g->prev_inst && memcmp(pk, g->prev_key, sizeof g->prev_key) == 0)
		id = g->prev_inst - 1;
	else
		id = inst_id(g, pk);
	e = &g->ie[id];
	if (e->gen != g->layer_gen || !e->in) {
		const wf_inst *in = codes_inst(g, pk, e->type);
		e->in = in;
		e->gen = g->layer_gen;
		e->len_name = (uint32_t)strlen(in->name);
		e->len_region = (uint32_t)strlen(in->region);
		e->len_province = (uint32_t)strlen(in->province);
		e->len_comune = (uint32_t)strlen(in->comune);
	}
	memcpy(g->prev_key, pk, sizeof g->prev_key);
	g->prev_inst = id + 1;
	return e;
}

/* The year's files, for "duplicate of FILE:LINE": a new one whenever
 * the input's name changes, its lines numbered after the last one's. */
static uint64_t dup_line(wf_ingest *g, long line)
{
	if (g->df_name != g->name) {
		g->df_name = g->name;
		if (!g->ndf || strcmp(g->df[g->ndf - 1].name, g->name) != 0) {
			uint64_t base = g->ndf ? g->df[g->ndf - 1].base + g->df[g->ndf - 1].maxline + 1 : 0;
			g->df = wf_xrealloc(g->df, (g->ndf + 1) * sizeof *g->df);
			g->df[g->ndf++] = (struct dupfile){ wf_xstrdup(g->name), base, 0 };
		}
	}
	struct dupfile *f = &g->df[g->ndf - 1];
	if ((uint64_t)line > f->maxline)
		f->maxline = (uint64_t)line;
	if (f->base + (uint64_t)line > FACT_LINE_MASK)
		wf_die(1, "%s:%ld: more lines in the files of one year than duplicate detection "
		       "can number (%llu); use --sum-duplicates", g->name, line,
		       (unsigned long long)FACT_LINE_MASK);
	return f->base + (uint64_t)line;
}

static void dup_reset(wf_ingest *g)
{
	for (size_t i = 0; i < g->ndf; i++)
		free(g->df[i].name);
	free(g->df);
	g->df = NULL;
	g->ndf = 0;
	g->df_name = NULL;
	ktab_clear(&g->pair_tab);
	while (g->arena) {
		struct arena *n = g->arena->next;
		free(g->arena);
		g->arena = n;
	}
	g->dup_cur = 0;
	fset_free(&g->scratch);
	g->dup_gen++; /* every institution's facts are stale */
	g->dup_on = 0;
}

static uint32_t fset_home(uint64_t pair, uint32_t cap)
{
	return (uint32_t)(pair * 0x9E3779B1u) & (cap - 1);
}

/* f's fact of pair, or 0. */
static uint64_t fset_find(const struct fset *f, uint64_t pair)
{
	if (!f->cap)
		return 0;
	for (uint32_t p = fset_home(pair, f->cap); f->t[p]; p = (p + 1) & (f->cap - 1))
		if (f->t[p] >> FACT_LINE_BITS == pair)
			return f->t[p];
	return 0;
}

static void fset_add(struct fset *f, uint64_t fact)
{
	if (4 * ((uint64_t)f->n + 1) > 3 * (uint64_t)f->cap) {
		uint32_t nc = f->cap ? f->cap * 2 : 16;
		uint64_t *nt = wf_xcalloc(nc, sizeof *nt);
		for (uint32_t i = 0; i < f->cap; i++)
			if (f->t[i]) {
				uint32_t p = fset_home(f->t[i] >> FACT_LINE_BITS, nc);
				while (nt[p])
					p = (p + 1) & (nc - 1);
				nt[p] = f->t[i];
			}
		free(f->t);
		f->t = nt;
		f->cap = nc;
	}
	uint32_t p = fset_home(fact >> FACT_LINE_BITS, f->cap);
	while (f->t[p])
		p = (p + 1) & (f->cap - 1);
	f->t[p] = fact;
	f->n++;
}

static void fset_free(struct fset *f)
{
	free(f->t);
	f->t = NULL;
	f->cap = f->n = 0;
}

static int fact_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* Sorted by pair (the high bits). An institution has a few dozen
 * facts, nearly in order: insertion sort; qsort() (a merge sort with
 * its own allocation) was 4% of wf-ingest on a grouped 2 M-row file. */
static void facts_sort(uint64_t *v, size_t n)
{
	if (n > 64) {
		qsort(v, n, sizeof *v, fact_cmp);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		uint64_t x = v[i];
		size_t j = i;
		while (j > 0 && v[j - 1] > x) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
}

/* Room for n facts in the year's arena. */
static uint64_t *arena_take(wf_ingest *g, size_t n)
{
	if (!g->arena || g->arena->cap - g->arena->used < n) {
		size_t cap = n > 131072 ? n : 131072;
		struct arena *a = wf_xmalloc(sizeof *a + cap * sizeof a->v[0]);
		a->next = g->arena;
		a->used = 0;
		a->cap = cap;
		g->arena = a;
	}
	g->arena->used += n;
	return g->arena->v + g->arena->used - n;
}

/* Another institution's row: the open one's facts, the first time,
 * go sorted to the arena. */
static void facts_close(wf_ingest *g, struct inst_ent *e)
{
	struct fset *f = &g->scratch;

	if (e->packed)
		return;
	e->packed = 1;
	if (!f->n)
		return;
	uint64_t *o = arena_take(g, f->n);
	uint32_t n = 0;
	for (uint32_t i = 0; i < f->cap; i++)
		if (f->t[i]) {
			o[n++] = f->t[i];
			f->t[i] = 0;
		}
	facts_sort(o, n);
	e->closed = o;
	e->nclosed = n;
	/* a big institution's table is not swept for every small one */
	if (f->cap > 64 && f->cap > 8 * f->n)
		fset_free(f);
	f->n = 0;
}

/* e's fact of pair, or 0. */
static uint64_t fact_find(const wf_ingest *g, const struct inst_ent *e, uint64_t pair)
{
	if (e->nclosed) {
		size_t lo = 0, hi = e->nclosed;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (e->closed[mid] >> FACT_LINE_BITS < pair)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < e->nclosed && e->closed[lo] >> FACT_LINE_BITS == pair)
			return e->closed[lo];
	}
	return fset_find(e->packed ? &e->own : &g->scratch, pair);
}

/* e's facts of an earlier year (or of none) dropped: it has none of
 * this year yet. */
static void facts_fresh(wf_ingest *g, struct inst_ent *e)
{
	if (e->fgen == g->dup_gen)
		return;
	fset_free(&e->own);
	e->closed = NULL;
	e->nclosed = 0;
	e->packed = 0;
	e->fgen = g->dup_gen;
}

/* Appends e's facts of the year (e->fgen current) to *v. */
static void facts_of(const wf_ingest *g, const struct inst_ent *e, uint64_t **v, size_t *n,
		     size_t *cap)
{
	const struct fset *f = e->packed ? &e->own : &g->scratch;
	size_t need = *n + e->nclosed + f->n;

	if (e->fgen != g->dup_gen || (!e->packed && g->dup_cur != (uint32_t)(e - g->ie) + 1))
		return;
	if (need > *cap) {
		*cap = need * 2;
		*v = wf_xrealloc(*v, *cap * sizeof **v);
	}
	for (uint32_t i = 0; i < e->nclosed; i++)
		(*v)[(*n)++] = e->closed[i];
	for (uint32_t i = 0; i < f->cap; i++)
		if (f->t[i])
			(*v)[(*n)++] = f->t[i];
}

/* A worker's year changes: its facts of the first year are kept (pair
 * keys and ids, no lines) for wf_ingest_take() to look for in the main
 * thread's facts of that year. */
static void seg_keep(wf_ingest *g)
{
	struct view *v = g->view;
	size_t cap = 0;

	v->reset = 1;
	for (size_t i = 0; i < g->inst_tab.n; i++) {
		size_t from = v->nseg;
		facts_of(g, &g->ie[i], &v->seg, &v->nseg, &cap);
		for (size_t k = from; k < v->nseg; k++)
			v->seg[k] = (uint64_t)i << 32 | (v->seg[k] >> FACT_LINE_BITS);
	}
	v->seg_pairs = g->pair_tab; /* taken: dup_reset() clears an empty one */
	memset(&g->pair_tab, 0, sizeof g->pair_tab);
	ktab_init(&g->pair_tab, 64);
}

/* 1 after rejecting a fact already seen this year ("duplicate of line
 * N", naming the file when it is another one), else 0 (remembered).
 * Memory: 8 bytes per fact of the year in a grouped file (at most
 * about 14 in a file in random order), emptied when the year changes
 * (inputs come a year at a time). A fact is its institution and the
 * id of its (contract, measure) pair: exact, no hash can make two
 * facts one. */
static int duplicate(wf_ingest *g, int year, struct inst_ent *e, const char *contract,
		     size_t cl, const char *measure, size_t ml, const wf_row *row)
{
	char pk[64] = { 0 };
	int added;
	uint32_t id = (uint32_t)(e - g->ie) + 1;

	if (g->o.sum_duplicates)
		return 0;
	if (year != g->dup_year || !g->dup_on) {
		if (g->view && !g->view->first_year)
			g->view->first_year = year;
		else if (g->view && !g->view->reset)
			seg_keep(g); /* the first year's facts, for the main thread */
		dup_reset(g);
		g->dup_on = 1;
		g->dup_year = year;
	}
	uint64_t line = dup_line(g, row->line);
	/* contract (at most WF_CODE_MAX) and measure, NUL between */
	if (cl + 1 + ml > sizeof pk)
		ml = sizeof pk - 1 - cl; /* not reached: measures are short codes */
	memcpy(pk, contract, cl);
	memcpy(pk + cl + 1, measure, ml);
	uint64_t pair = (uint64_t)ktab_id(&g->pair_tab, pk, &added) + 1;
	if (pair > FACT_MAX_PAIRS)
		wf_die(1, "%s:%ld: more than %llu different contract and measure pairs in %d; "
		       "use --sum-duplicates", g->name, row->line,
		       (unsigned long long)FACT_MAX_PAIRS - 1, year);
	facts_fresh(g, e);
	if (g->dup_cur != id) {
		if (g->dup_cur)
			facts_close(g, &g->ie[g->dup_cur - 1]);
		g->dup_cur = id;
	}
	uint64_t f = added ? 0 : fact_find(g, e, pair);
	if (f) {
		uint64_t first = f & FACT_LINE_MASK;
		size_t fi = g->ndf - 1;
		char reason[320];
		while (fi > 0 && g->df[fi].base > first)
			fi--;
		if (fi == g->ndf - 1)
			snprintf(reason, sizeof reason, "duplicate of line %llu (same institution, "
				 "contract and measure in %d; see --sum-duplicates)",
				 (unsigned long long)(first - g->df[fi].base), year);
		else
			snprintf(reason, sizeof reason, "duplicate of %s:%llu (same institution, "
				 "contract and measure in %d; see --sum-duplicates)",
				 g->df[fi].name, (unsigned long long)(first - g->df[fi].base), year);
		reject(g, row->line, reason, row->raw, row->rawlen);
		return 1;
	}
	fset_add(e->packed ? &e->own : &g->scratch, pair << FACT_LINE_BITS | line);
	return 0;
}

/* Aggregate and comparto of contract (cached per contract and layer). */
static const struct contract_ent *contract_of(wf_ingest *g, const char *contract, size_t cl)
{
	char pk[32] = { 0 };
	int added;
	uint32_t id;

	if (g->last_contract) {
		const char *lk = g->contract_tab.keys + (size_t)(g->last_contract - 1) * 32;
		if (memcmp(lk, contract, cl) == 0 && lk[cl] == '\0' &&
		    g->ce[g->last_contract - 1].gen == g->layer_gen)
			return &g->ce[g->last_contract - 1];
	}
	memcpy(pk, contract, cl < sizeof pk ? cl : sizeof pk - 1);
	id = ktab_id(&g->contract_tab, pk, &added);
	if (added && g->contract_tab.cap > g->ce_cap) {
		g->ce = wf_xrealloc(g->ce, g->contract_tab.cap * sizeof *g->ce);
		g->ce_cap = g->contract_tab.cap;
	}
	struct contract_ent *c = &g->ce[id];
	if (added || c->gen != g->layer_gen) {
		c->agg = g->view ? wf_codes_layer_aggregate(g->view->layer, pk)
				 : wf_codes_aggregate(g->codes, pk);
		c->comparto = g->view ? wf_codes_layer_comparto(g->view->layer, pk)
				      : wf_codes_comparto(g->codes, pk);
		c->len_agg = strlen(c->agg);
		c->len_comparto = strlen(c->comparto);
		c->gen = g->layer_gen;
	}
	g->last_contract = id + 1;
	return c;
}

static void emit(wf_ingest *g, const char *year, size_t yl, struct inst_ent *e,
		 const char *contract, size_t cl, const char *measure, size_t ml,
		 const char *value, size_t vl)
{
	const struct contract_ent *c = contract_of(g, contract, cl);
	const wf_inst *in = e->in;
	const char *key = g->inst_tab.keys + (size_t)(e - g->ie) * 32;
	const char *v[WF_FACT_NCOLS + 1] = {
		year, key, e->type, in->name, contract, c->agg, c->comparto,
		in->region, in->province, in->comune, measure, value, g->o.provenance
	};
	/* lengths known: strlen() on every cell of every row was 9.5% of
	 * wf-ingest (perf, 2026-11-27) */
	size_t l[WF_FACT_NCOLS + 1] = {
		yl, e->len_key, e->len_type, e->len_name, cl, c->len_agg, c->len_comparto,
		e->len_region, e->len_province, e->len_comune, ml, vl, g->len_provenance
	};
	if (wf_tw_row(g->facts, v, l) < 0)
		g->stop = 1;
	g->c.written++;
}

static void free_agg(wf_map *m)
{
	void *v;

	if (!m)
		return;
	for (size_t i = 0; i < wf_map_count(m); i++) {
		wf_map_key_at(m, i, &v);
		struct agg *a = v;
		free(a->contract);
		free(a);
	}
	wf_map_free(m);
}

/* Our own stream: the 12 columns, and provenance after them when the
 * data was marked. */
static int is_canonical(const wf_row *h)
{
	if (h->n != WF_FACT_NCOLS && h->n != WF_FACT_NCOLS + 1)
		return 0;
	for (size_t i = 0; i < h->n; i++)
		if (strcmp(h->f[i], wf_fact_columns[i]) != 0)
			return 0;
	return 1;
}

static void summary(const wf_ingest *g, const char *what)
{
	wf_note("%s: %s: %llu rows read, %llu rejected, "
		"%llu records written, %llu blank lines skipped", g->name, what, g->c.read, g->c.rejected, g->c.written, g->c.blank);
}

/* End of one input: the dialect under -v (at the end, so it shows the
 * encoding the data decided), the per-file summary, the totals. */
static int file_done(wf_ingest *g, wf_reader *r, const char *what)
{
	g->c.blank = wf_reader_blank(r);
	wf_run_dialect(&g->run, r, NULL);
	if (!g->stop)
		summary(g, what);
	g->total.read += g->c.read;
	g->total.written += g->c.written;
	g->total.rejected += g->c.rejected;
	g->total.blank += g->c.blank;
	g->files++;
	return g->stop ? -1 : 0;
}

/* A canonical fact stream (our own output, CSV or NDJSON) is checked
 * and passed through, so wf-ingest also converts and re-validates
 * streams: ingest -> CSV -> ingest gives the same bytes. */
static int read_canonical(wf_ingest *g, wf_reader *r)
{
	enum { Y = 0, INST = 1, MEASURE = 10, VALUE = 11 };
	wf_row row;
	char reason[320], type[8], vbuf[WF_DEC_BUFSZ];
	int st;

	while (!g->stop && (st = wf_reader_next(r, &row)) != WF_ROW_EOF) {
		char key[32] = { 0 }; /* padded: the key of inst_of() */
		const char *v[WF_FACT_NCOLS + 1];
		wf_dec d;
		int ds;
		char *end;
		long y;

		if (st == WF_ROW_FATAL) {
			wf_warn("%s: %s", g->name, wf_reader_reason(r));
			g->failed = 1;
			break;
		}
		g->c.read++;
		if (st == WF_ROW_BAD) {
			reject(g, row.line, wf_reader_reason(r), row.raw, row.rawlen);
			continue;
		}
		y = strtol(row.f[Y], &end, 10);
		if (row.len[Y] != 4 || *end || y < WF_YEAR_MIN || y > WF_YEAR_MAX) {
			snprintf(reason, sizeof reason, "bad year '%.40s'", row.f[Y]);
			reject(g, row.line, reason, row.raw, row.rawlen);
			continue;
		}
		if (wf_conto_inst_key(row.f[INST], row.len[INST], key, type) != 0 ||
		    strcmp(key, row.f[INST]) != 0) {
			snprintf(reason, sizeof reason, "bad institution code '%.40s'", row.f[INST]);
			reject(g, row.line, reason, row.raw, row.rawlen);
			continue;
		}
		if (!wf_conto_measure_ok(row.f[MEASURE], row.len[MEASURE])) {
			snprintf(reason, sizeof reason, "bad measure '%.40s'", row.f[MEASURE]);
			reject(g, row.line, reason, row.raw, row.rawlen);
			continue;
		}
		{
			/* The codes pass through: each must have a code's
			 * shape ("RALN" with its quotes, R,ALN or a newline
			 * would reach every later tool). */
			static const int cc[] = { 4, 5, 6, 7, 8, 9 };
			int badc = -1;
			for (size_t i = 0; i < sizeof cc / sizeof cc[0] && badc < 0; i++)
				if (!wf_conto_code_ok(row.f[cc[i]], row.len[cc[i]]) &&
				    (cc[i] == 4 || row.len[cc[i]] > 0))
					badc = cc[i];
			if (badc >= 0) {
				snprintf(reason, sizeof reason, "bad %s code '%.40s' (1 to %d "
					 "letters and digits)", wf_fact_columns[badc],
					 row.f[badc], WF_CODE_MAX);
				reject(g, row.line, reason, row.raw, row.rawlen);
				continue;
			}
		}
		ds = wf_dec_parse(row.f[VALUE], row.len[VALUE], WF_DEC_POINT, &d);
		if (ds < 0) {
			snprintf(reason, sizeof reason, "%s: '%.40s' in value",
				 wf_dec_strerror(ds), row.f[VALUE]);
			reject(g, row.line, reason, row.raw, row.rawlen);
			continue;
		}
		if (!g->o.sum_duplicates &&
		    duplicate(g, (int)y, inst_of(g, key), row.f[4], row.len[4],
			      row.f[MEASURE], row.len[MEASURE], &row))
			continue;
		size_t l[WF_FACT_NCOLS + 1];
		for (size_t i = 0; i < WF_FACT_NCOLS; i++) {
			v[i] = row.f[i];
			l[i] = row.len[i]; /* no strlen() per cell: see emit() */
		}
		v[WF_FACT_NCOLS] = g->o.provenance;
		l[WF_FACT_NCOLS] = g->o.provenance ? strlen(g->o.provenance) : 0;
		l[VALUE] = ds == WF_DEC_OK ? wf_dec_format(d, vbuf) : 0;
		v[VALUE] = ds == WF_DEC_OK ? vbuf : NULL;
		if (wf_tw_row(g->facts, v, l) < 0)
			g->stop = 1;
		g->c.written++;
	}
	return file_done(g, r, "canonical fact stream");
}

/* Column col of row as a decimal (wf_dec_parse); when it is not one,
 * the reason names the text and its column, for --rejects. */
static int dec_cell(wf_reader *r, const wf_row *row, int col, enum wf_decmode dm,
		    wf_dec *d, char *reason, size_t rsz)
{
	int ds = wf_dec_parse(row->f[col], row->len[col], dm, d);

	if (ds < 0)
		snprintf(reason, rsz, "%s: '%.40s' in %s", wf_dec_strerror(ds), row->f[col],
			 wf_reader_header(r)->f[col]);
	return ds;
}

static int read_table(wf_ingest *g, wf_reader *r)
{
	wf_layout L;
	wf_row row;
	char why[256], year[16], reason[320];
	int y, st, fatal = 0;
	enum wf_decmode dm;

	g->name = wf_reader_name(r);
	g->df_name = NULL; /* a new input, maybe at the last one's address */
	memset(&g->c, 0, sizeof g->c);
	if (is_canonical(wf_reader_header(r)))
		return read_canonical(g, r);
	y = g->o.year ? g->o.year : wf_conto_year_from_name(g->name);
	wf_layout_detect(wf_reader_header(r), &L, why, sizeof why);
	if (L.kind == WF_LAYOUT_ASSENZE && wf_conto_averages_name(g->name)) {
		/* Same header as ASSENZE, but averages per head. */
		L.kind = WF_LAYOUT_UNKNOWN;
		snprintf(why, sizeof why, "ASSENZE_MEDIE holds averages, which are not summed; "
			 "read ASSENZE instead");
	}
	if (L.kind == WF_LAYOUT_UNKNOWN || y <= 0) {
		const wf_row *h = wf_reader_header(r);
		if (L.kind != WF_LAYOUT_UNKNOWN && y < 0)
			snprintf(why, sizeof why, "cannot tell the year (two different "
				 "_YYYY in the file name); use --year");
		else if (L.kind != WF_LAYOUT_UNKNOWN)
			snprintf(why, sizeof why, "cannot tell the year (no _YYYY in the "
				 "file name); use --year");
		/* Nothing of such a file is usable; every row is kept in
		 * --rejects so nothing is lost. */
		/* The header line goes to --rejects too (uncounted: it
		 * is not a data row), so the rows can be read back. */
		if (reject(g, h->line, why, h->raw, h->rawlen) < 0)
			goto done;
		g->c.rejected--;
		while ((st = wf_reader_next(r, &row)) == WF_ROW_OK || st == WF_ROW_BAD) {
			g->c.read++;
			reject(g, row.line, st == WF_ROW_OK ? why : wf_reader_reason(r),
			       row.raw, row.rawlen);
		}
		if (st == WF_ROW_FATAL)
			fatal = 1;
		goto done;
	}
	size_t yl = (size_t)snprintf(year, sizeof year, "%d", y);
	{
		/* Codes change between years: each file gets its year's
		 * lists (or the nearest year's). */
		int cy = codes_select(g, y);
		g->layer_gen++;
		/* Said once per data year, not once per file. */
		if (cy && cy != y && !g->said_year[y - WF_YEAR_MIN]) {
			g->said_year[y - WF_YEAR_MIN] = 1;
			/* a worker marks it: said only if no input before said it */
			if (g->view && !wf_quiet)
				fprintf(wf_errfile(), "\001%d", y);
			wf_note("no code lists of %d; its files use those of %d", y, cy);
		}
	}
	/* Every published dialect writes Italian numbers (1.234,56). */
	dm = g->o.decimal < 0 ? WF_DEC_COMMA : (enum wf_decmode)g->o.decimal;
	if (g->run.verbose)
		fprintf(wf_errfile(), "%s: %s: %s %d, decimal %s%s\n", wf_progname, g->name,
			wf_layout_name(L.kind), y, dm == WF_DEC_COMMA ? "comma" : "point",
			g->o.decimal < 0 ? " (Conto Annuale default)" : " (given)");
	if (L.kind != WF_LAYOUT_COSTO_LAVORO)
		g->agg = wf_map_new();
	while (!g->stop && (st = wf_reader_next(r, &row)) != WF_ROW_EOF) {
		char key[32] = { 0 }, type[8], item[16], vbuf[WF_DEC_BUFSZ];
		const char *contract;
		size_t cl;
		wf_dec d;
		int ds;

		if (st == WF_ROW_FATAL) {
			fatal = 1;
			break;
		}
		g->c.read++;
		if ((g->c.read & 0xFFFF) == 0)
			wf_run_progress(&g->run, g->name, wf_src_raw_pos(wf_reader_src(r)),
					wf_src_raw_size(wf_reader_src(r)), g->c.read, 0);
		if (st == WF_ROW_BAD) {
			reject(g, row.line, wf_reader_reason(r), row.raw, row.rawlen);
			continue;
		}
		if (wf_conto_inst_key(row.f[L.inst], row.len[L.inst], key, type) != 0) {
			snprintf(reason, sizeof reason, "bad institution code '%.40s'", row.f[L.inst]);
			reject(g, row.line, reason, row.raw, row.rawlen);
			continue;
		}
		contract = row.f[L.contract];
		cl = row.len[L.contract];
		wf_trim_span(&contract, &cl);
		if (!wf_conto_code_ok(contract, cl)) {
			snprintf(reason, sizeof reason, "bad contract code '%.40s' (1 to %d letters "
				 "and digits)", row.f[L.contract], WF_CODE_MAX);
			reject(g, row.line, reason, row.raw, row.rawlen);
			continue;
		}
		char cbuf[24];
		memcpy(cbuf, contract, cl);
		cbuf[cl] = '\0';
		if (L.kind == WF_LAYOUT_COSTO_LAVORO) {
			if (wf_conto_item_code(row.f[L.item], row.len[L.item], item) != 0) {
				snprintf(reason, sizeof reason, "bad cost item code '%.40s'", row.f[L.item]);
				reject(g, row.line, reason, row.raw, row.rawlen);
				continue;
			}
			ds = dec_cell(r, &row, L.value, dm, &d, reason, sizeof reason);
			if (ds < 0) {
				reject(g, row.line, reason, row.raw, row.rawlen);
				continue;
			}
			struct inst_ent *e = inst_of(g, key);
			size_t il = strlen(item), vl = 0;
			if (duplicate(g, y, e, cbuf, cl, item, il, &row))
				continue;
			if (ds == WF_DEC_OK)
				vl = wf_dec_format(d, vbuf);
			emit(g, year, yl, e, cbuf, cl, item, il, ds == WF_DEC_OK ? vbuf : NULL, vl);
			continue;
		}
		/* The summing layouts: each row adds to one or more measures
		 * of its institution and contract (an empty count is zero). */
		wf_measure_def defs[WF_LAYOUT_MAXOUT];
		wf_dec sums[WF_LAYOUT_MAXOUT], cnt[WF_LAYOUT_MAXCOUNTS];
		char fua[16];
		size_t nd = 0;
		int bad = 0;
		if (L.kind == WF_LAYOUT_CONTRATTAZIONE_INTEGRATIVA) {
			if (wf_conto_fua_measure(row.f[L.item_type], row.len[L.item_type],
						 row.f[L.item], row.len[L.item], fua) != 0) {
				snprintf(reason, sizeof reason, "bad FUA item '%.8s' '%.40s'",
					 row.f[L.item_type], row.f[L.item]);
				reject(g, row.line, reason, row.raw, row.rawlen);
				continue;
			}
			ds = dec_cell(r, &row, L.value, dm, &d, reason, sizeof reason);
			if (ds < 0) {
				reject(g, row.line, reason, row.raw, row.rawlen);
				continue;
			}
			defs[0].measure = fua;
			sums[0] = ds == WF_DEC_OK ? d : (wf_dec){ 0 };
			nd = 1;
		} else {
			char cause[16] = "";
			reason[0] = '\0';
			if (L.kind == WF_LAYOUT_ASSENZE) {
				size_t n = row.len[L.cause];
				const char *cs = row.f[L.cause];
				wf_trim_span(&cs, &n);
				if (n == 0 || n >= sizeof cause) {
					snprintf(reason, sizeof reason, "bad absence cause '%.40s'",
						 row.f[L.cause]);
					reject(g, row.line, reason, row.raw, row.rawlen);
					continue;
				}
				memcpy(cause, cs, n);
				cause[n] = '\0';
			}
			for (int i = 0; i < L.ncounts && !bad; i++) {
				int c = L.counts[i];
				ds = dec_cell(r, &row, c, dm, &cnt[i], reason, sizeof reason);
				if (ds < 0) {
					bad = 1;
				} else if (ds != WF_DEC_OK) {
					cnt[i] = (wf_dec){ 0 };
				}
			}
			nd = bad ? 0 : wf_layout_measures(L.kind, cause, defs);
			for (size_t m = 0; m < nd && !bad; m++) {
				sums[m] = (wf_dec){ 0 };
				for (int i = 0; i < L.ncounts && !bad; i++)
					if ((defs[m].mask >> i & 1) && wf_dec_add(&sums[m], cnt[i]) != 0)
						bad = 1;
			}
			if (bad && !reason[0])
				snprintf(reason, sizeof reason, "sum of counts overflows");
		}
		/* All or nothing: a row whose sums would overflow adds to none. */
		struct agg *to[WF_LAYOUT_MAXOUT];
		wf_dec next[WF_LAYOUT_MAXOUT];
		for (size_t m = 0; m < nd && !bad; m++) {
			char akey[96];
			int kl = snprintf(akey, sizeof akey, "%s\x1f%s\x1f%s", key, cbuf,
					  defs[m].measure);
			void **slot = wf_map_slot(g->agg, akey, (size_t)kl);
			if (!*slot) {
				struct agg *a = wf_xcalloc(1, sizeof *a);
				strcpy(a->inst, key);
				strcpy(a->type, type);
				snprintf(a->measure, sizeof a->measure, "%s", defs[m].measure);
				a->contract = wf_xstrdup(cbuf);
				*slot = a;
			}
			to[m] = *slot;
			next[m] = to[m]->sum;
			if (wf_dec_add(&next[m], sums[m]) != 0) {
				snprintf(reason, sizeof reason, "sum of counts overflows");
				bad = 1;
			}
		}
		for (size_t m = 0; m < nd && !bad; m++)
			to[m]->sum = next[m];
		if (bad)
			reject(g, row.line, reason, row.raw, row.rawlen);
	}
	if (fatal) {
		/* Partial sums would be wrong numbers: write none. */
		wf_warn("%s: %s", g->name, wf_reader_reason(r));
		g->failed = 1;
	} else if (g->agg && !g->stop) {
		for (size_t i = 0; i < wf_map_count(g->agg); i++) {
			void *v;
			char vbuf[WF_DEC_BUFSZ];
			wf_map_key_at(g->agg, i, &v);
			struct agg *a = v;
			char pk[32] = { 0 };
			memcpy(pk, a->inst, strlen(a->inst));
			emit(g, year, yl, inst_of(g, pk), a->contract, strlen(a->contract),
			     a->measure, strlen(a->measure), vbuf, wf_dec_format(a->sum, vbuf));
		}
	}
	free_agg(g->agg);
	g->agg = NULL;
done:
	/* A file refused whole (unknown layout or year) that also breaks
	 * off: its rows past the break are in no --rejects, so say why. */
	if (fatal && (L.kind == WF_LAYOUT_UNKNOWN || y <= 0)) {
		wf_warn("%s: %s", g->name, wf_reader_reason(r));
		g->failed = 1;
	}
	{
		char what[64];
		if (L.kind == WF_LAYOUT_UNKNOWN)
			snprintf(what, sizeof what, "unknown layout");
		else if (!y)
			snprintf(what, sizeof what, "%s, year unknown", wf_layout_name(L.kind));
		else
			snprintf(what, sizeof what, "%s %d", wf_layout_name(L.kind), y);
		return file_done(g, r, what);
	}
}

/* ---- inputs given twice ---- */

static void seen_add(wf_ingest *g, const char *label, unsigned long long dev,
		     unsigned long long ino, unsigned long long size, unsigned long crc,
		     int member, int year)
{
	g->seen = wf_xrealloc(g->seen, (g->nseen + 1) * sizeof *g->seen);
	g->seen[g->nseen++] = (struct seen){ wf_xstrdup(label), dev, ino, size, crc, member, year };
}

static int name_year(const wf_ingest *g, const char *name)
{
	return g->o.year ? g->o.year : wf_conto_year_from_name(name);
}

/* Same bytes in two regular files? Only called when the sizes agree. */
static int same_bytes(const char *a, const char *b)
{
	FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
	char ba[65536], bb[65536];
	int same = fa && fb;

	while (same) {
		size_t na = fread(ba, 1, sizeof ba, fa), nb = fread(bb, 1, sizeof bb, fb);
		if (na != nb || memcmp(ba, bb, na) != 0)
			same = 0;
		if (na < sizeof ba)
			break;
	}
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
	return same;
}

/* The label of an earlier input with the same bytes as the regular
 * file path, or NULL (then path is remembered). Summing a year twice
 * doubled every total with exit 0. */
static const char *seen_file(wf_ingest *g, const char *path)
{
	struct stat st;

	int year = name_year(g, path);

	if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return NULL;
	for (size_t i = 0; i < g->nseen; i++) {
		const struct seen *s = &g->seen[i];
		if (s->member || s->size != (unsigned long long)st.st_size || s->year != year)
			continue;
		if ((s->dev == (unsigned long long)st.st_dev && s->ino == (unsigned long long)st.st_ino) ||
		    same_bytes(s->label, path))
			return s->label;
	}
	seen_add(g, path, (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
		 (unsigned long long)st.st_size, 0, 0, year);
	return NULL;
}

static const char *seen_member(wf_ingest *g, const wf_zip_member *m)
{
	int year = name_year(g, m->base);

	for (size_t i = 0; i < g->nseen; i++) {
		const struct seen *s = &g->seen[i];
		if (s->member && s->size == m->size && s->crc == m->crc && s->year == year)
			return s->label;
	}
	seen_add(g, m->label, 0, 0, m->size, m->crc, 1, year);
	return NULL;
}

/* ---- zip archives ---- */

struct zctx {
	wf_ingest *g;
	int lists_used;
	char **skipped;
	size_t nskipped;
	size_t members, taken;
	int excel, xlsx;
};

static int z_want(void *ctx, const wf_zip_member *m)
{
	struct zctx *z = ctx;
	const char *first;

	if (z->g->stop)
		return 0;
	z->members++;
	if (strcmp(m->path, "[Content_Types].xml") == 0 || strncmp(m->path, "xl/", 3) == 0)
		z->excel = 1;
	if (wf_conto_wanted_name(m->base)) {
		if ((first = seen_member(z->g, m)) != NULL) {
			wf_warn("%s: same data as %s (given twice?); not read", m->label, first);
			z->g->failed = 1;
			z->taken++; /* a data file, if refused */
			return 0;
		}
		return 1;
	}
	if (z->lists_used && wf_conto_is_code_list(m->base))
		return 0; /* read already, as the archive's code lists */
	{
		size_t bl = strlen(m->base);
		if ((bl > 5 && strcasecmp(m->base + bl - 5, ".xlsx") == 0) ||
		    (bl > 4 && strcasecmp(m->base + bl - 4, ".xls") == 0))
			z->xlsx = 1;
	}
	z->skipped = wf_xrealloc(z->skipped, (z->nskipped + 1) * sizeof *z->skipped);
	/* Inside a nested archive the path alone would not say where. */
	z->skipped[z->nskipped++] = wf_xstrdup(m->depth ? m->label : m->path);
	return 0;
}

static int z_take(void *ctx, const wf_zip_member *m, wf_src *src)
{
	struct zctx *z = ctx;
	wf_reader *r;
	int ret;

	(void)m;
	z->taken++;
	if (!(r = wf_reader_new(src, &z->g->run.ropts))) {
		z->g->failed = 1;
		return 0; /* already reported */
	}
	ret = read_table(z->g, r);
	wf_reader_free(r);
	return ret;
}

int wf_ingest_path(wf_ingest *g, const char *path)
{
	wf_src *s = wf_src_open(path);
	unsigned char magic[4];
	wf_reader *r;
	int ret;

	if (!s) {
		g->failed = 1;
		return 0;
	}
	if (g->view)
		g->view->opened = 1; /* the main thread checks it against earlier inputs */
	{
		const char *first = g->view ? NULL : seen_file(g, path);
		if (first) {
			wf_warn("%s: same bytes as %s (given twice?); not read", path, first);
			g->failed = 1;
			wf_src_free(s);
			return 0;
		}
	}
	if (!wf_src_is_gzip(s) && wf_zip_magic(magic, wf_src_peek(s, magic, 4))) {
		size_t n;
		unsigned char *buf = wf_src_slurp_raw(s, &n);
		struct zctx z = { g, 0, NULL, 0, 0, 0, 0, 0 };
		if (!buf) {
			wf_warn("%s: %s", path, wf_src_error(s));
			g->failed = 1;
			wf_src_free(s);
			return 0;
		}
		/* An archive with its own code lists ({YYYY}Tutto.zip) names
		 * its institutions itself, unless --codes gave that year. */
		int ly, lr;
		if (g->view) {
			struct view *v = g->view;
			pthread_rwlock_rdlock(v->lock);
			v->own = wf_codes_embedded_layer(g->codes, wf_src_name(s), buf, n, &ly, &lr);
			pthread_rwlock_unlock(v->lock);
			v->own_rc = lr;
			v->own_year = ly;
			v->embedded = 1;
		} else {
			lr = wf_codes_load_embedded(g->codes, wf_src_name(s), buf, n, &ly);
		}
		if (lr < 0)
			g->failed = 1;
		else if (lr == 0)
			wf_note("%s: using the code lists of %d it holds", wf_src_name(s), ly);
		else if (ly && g->run.verbose)
			fprintf(wf_errfile(), "%s: %s: its code lists of %d are not used: --codes gave them\n",
				wf_progname, wf_src_name(s), ly);
		z.lists_used = lr >= 0 && ly;
		/* When the lists' walk failed it has said why (an unreadable
		 * archive, a broken list): the run has failed, and a second
		 * walk would only print the same message again. */
		if (lr >= 0 && wf_zip_walk(wf_src_name(s), buf, n, z_want, z_take, &z) != 0 &&
		    !g->stop)
			g->failed = 1;
		else if (lr >= 0 && z.taken == 0 && !g->stop) {
			/* Nothing read is not a success: with -o it would
			 * replace last month's facts with a header. */
			g->failed = 1;
			if (z.excel) {
				wf_warn("%s: an Excel workbook: export it as CSV", wf_src_name(s));
				for (size_t i = 0; i < z.nskipped; i++)
					free(z.skipped[i]);
				z.nskipped = 0;
			} else if (z.members == 0)
				wf_warn("%s: an empty zip archive: no Conto Annuale data file", wf_src_name(s));
			else {
				fprintf(wf_errfile(), "%s: %s: no Conto Annuale data file (COSTO_LAVORO_, "
					"OCCUPAZIONE_, LAVORO_FLESSIBILE_) among %zu member%s:",
					wf_progname, wf_src_name(s), z.members, z.members == 1 ? "" : "s");
				for (size_t i = 0; i < z.nskipped; i++) {
					fprintf(wf_errfile(), "%s %s", i ? "," : "", z.skipped[i]);
					free(z.skipped[i]);
				}
				if (z.nskipped < z.members)
					fprintf(wf_errfile(), "%s its code lists", z.nskipped ? " and" : "");
				if (z.xlsx)
					fprintf(wf_errfile(), " (an Excel workbook must be exported as CSV)");
				fputc('\n', wf_errfile());
				z.nskipped = 0;
			}
		}
		if (z.nskipped && !wf_quiet) { /* a wf_note() in parts */
			fprintf(wf_errfile(), "%s: %s: skipped %zu member%s it does not read:",
				wf_progname, wf_src_name(s), z.nskipped, z.nskipped == 1 ? "" : "s");
			for (size_t i = 0; i < z.nskipped; i++)
				fprintf(wf_errfile(), "%s %s", i ? "," : "", z.skipped[i]);
			fputc('\n', wf_errfile());
		}
		for (size_t i = 0; i < z.nskipped; i++)
			free(z.skipped[i]);
		free(z.skipped);
		free(buf);
		wf_src_free(s);
		return g->stop ? -1 : 0;
	}
	if (!(r = wf_reader_new(s, &g->run.ropts))) {
		g->failed = 1;
		return 0;
	}
	ret = read_table(g, r);
	wf_reader_free(r);
	return ret;
}

static void list_unplaced(const wf_inst *in, void *ctx)
{
	(void)ctx;
	fprintf(wf_errfile(), "%s: unplaced: %s%s%s%s%s\n", wf_progname, in->key,
		in->name[0] ? " " : "", in->name,
		in->evidence && in->evidence[0] ? ": " : "", in->evidence ? in->evidence : "");
}

/* -v -v: how every institution the data used was placed. */
static void list_placed(const wf_inst *in, int seen, void *ctx)
{
	(void)ctx;
	if (!seen)
		return;
	if (in->how == WF_PLACE_NONE) {
		list_unplaced(in, NULL);
		return;
	}
	fprintf(wf_errfile(), "%s: %s: %s%s%s: %s%s%s%s%s (%s)\n", wf_progname, wf_place_how_name(in->how),
		in->key, in->name[0] ? " " : "", in->name,
		in->comune[0] ? in->comune : "", in->comune[0] ? " " : "",
		in->province[0] ? in->province : "", in->province[0] ? " " : "",
		in->region[0] ? in->region : (in->how == WF_PLACE_NATIONAL ? "national" : ""),
		in->evidence ? in->evidence : "");
}

static const char *const report_columns[] = {
	"year", "institution", "institution_type", "institution_name", "comune", "comune_name",
	"province", "region", "method", "evidence", "in_data"
};
#define REPORT_NCOLS (sizeof report_columns / sizeof report_columns[0])

struct report_ctx {
	wf_tw *tw;
	wf_places *places;
	char year[8];
	int failed;
};

static void report_row(const wf_inst *in, int seen, void *ctx)
{
	struct report_ctx *rc = ctx;
	const char *cname = "";
	int ci = in->comune[0] ? wf_places_by_code(rc->places, in->comune) : -1;

	if (ci >= 0)
		cname = wf_places_comune(rc->places, ci)->name;
	const char *v[REPORT_NCOLS] = {
		rc->year, in->key, in->type, in->name, in->comune, cname, in->province, in->region,
		wf_place_how_name(in->how), in->evidence ? in->evidence : "", seen ? "1" : "0"
	};
	size_t l[REPORT_NCOLS];
	for (size_t i = 0; i < REPORT_NCOLS; i++)
		l[i] = strlen(v[i]);
	if (wf_tw_row(rc->tw, v, l) < 0)
		rc->failed = 1;
}

int wf_ingest_placement_report(wf_ingest *g, wf_out *out, enum wf_format fmt)
{
	static const enum wf_colkind kinds[REPORT_NCOLS] = {
		WF_COL_NUM, WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_STR,
		WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_NUM
	};
	struct report_ctx rc = { NULL, wf_codes_places(g->codes), "", 0 };

	rc.tw = wf_tw_new(out, fmt, REPORT_NCOLS, report_columns, kinds);
	for (size_t l = 0; l < wf_codes_nlists(g->codes); l++) {
		int y = wf_codes_list_year(g->codes, l);
		if (y)
			snprintf(rc.year, sizeof rc.year, "%d", y);
		else
			rc.year[0] = '\0';
		wf_codes_each_inst(g->codes, l, report_row, &rc);
	}
	wf_tw_free(rc.tw);
	return rc.failed ? -1 : 0;
}

unsigned long long wf_ingest_rejected(const wf_ingest *g)
{
	return g->total.rejected;
}

int wf_ingest_complete(const wf_ingest *g)
{
	return !g->stop && !g->failed;
}

int wf_ingest_finish(wf_ingest *g)
{
	if (g->stop)
		return WF_EXIT_DATA;
	if (g->files > 1)
		wf_note("total: %llu rows read, %llu rejected, "
			"%llu records written, %llu blank lines skipped", g->total.read, g->total.rejected, g->total.written, g->total.blank);
	for (size_t l = 0; wf_codes_have_lists(g->codes) && l < wf_codes_nlists(g->codes); l++) {
		unsigned long n[WF_PLACE_NKINDS], all = 0, unplaced_total = 0;
		char which[32] = "";
		wf_codes_place_stats(g->codes, l, n);
		for (int i = 0; i < WF_PLACE_NKINDS; i++)
			all += n[i];
		unplaced_total += n[WF_PLACE_NONE];
		if (wf_codes_nlists(g->codes) > 1)
			snprintf(which, sizeof which, "code lists of %d: ", wf_codes_list_year(g->codes, l));
		wf_note("%s%lu institutions placed: %lu by code list, %lu by name, "
			"%lu by former name, %lu by seat, %lu by tax code, %lu by override; "
			"%lu national, %lu unplaced%s", which, all,
			n[WF_PLACE_CODELIST], n[WF_PLACE_NAME], n[WF_PLACE_FORMER], n[WF_PLACE_SEAT],
			n[WF_PLACE_TAXCODE], n[WF_PLACE_OVERRIDE], n[WF_PLACE_NATIONAL],
			n[WF_PLACE_NONE], g->run.verbose || !unplaced_total ? "" : " (-v lists them)");
	}
	if (g->run.verbose >= 2 && wf_codes_have_lists(g->codes)) {
		for (size_t l = 0; l < wf_codes_nlists(g->codes); l++)
			wf_codes_each_inst(g->codes, l, list_placed, NULL);
	} else if (g->run.verbose && wf_codes_have_lists(g->codes)) {
		wf_codes_each_unplaced(g->codes, list_unplaced, NULL);
	}
	if (g->stop || g->failed || g->total.rejected)
		return WF_EXIT_DATA;
	return WF_EXIT_OK;
}

int wf_ingest_synthetic(const char *path)
{
	char comment[256], head[4096];
	size_t n, hl = 0;
	struct stat st;
	FILE *f;

	if (strcmp(path, "-") == 0)
		return 0; /* standard input cannot be read twice */
	if (wf_zip_file_comment(path, comment, sizeof comment) >= 0)
		return strstr(comment, "SYNTHETIC") != NULL;
	/* A canonical stream (plain CSV or NDJSON) that carries the mark:
	 * its first record says so. Read quietly: wf_ingest_path reports
	 * whatever is wrong with the file. */
	/* Only regular files: a FIFO or a device read here would lose the
	 * bytes read. */
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || !(f = fopen(path, "rb")))
		return 0;
	n = fread(head, 1, sizeof head - 1, f);
	fclose(f);
	head[n] = '\0';
	if (n >= 4 && memcmp(head, "PK\3\4", 4) == 0)
		return 0; /* a zip without its end: wf_ingest_path says so */
	char want[256];
	for (size_t i = 0; i < WF_FACT_NCOLS + 1; i++)
		hl += (size_t)snprintf(want + hl, sizeof want - hl, "%s%c", wf_fact_columns[i],
				       i < WF_FACT_NCOLS ? ',' : '\n');
	if (head[0] == '{') {
		char *nl = strchr(head, '\n');
		if (nl)
			*nl = '\0';
		return strstr(head, "\"provenance\"") && strstr(head, "SYNTHETIC");
	}
	if (n > hl && strncmp(head, want, hl) == 0) {
		char *nl = strchr(head + hl, '\n');
		if (nl)
			*nl = '\0';
		return strstr(head + hl, "SYNTHETIC") != NULL;
	}
	return 0;
}

/* ---- several inputs at once (wf_ingest_mt.c) ----
 * A worker reads one input with a wf_ingest of its own (a view of the
 * shared code lists, its own duplicates table, its output and messages
 * spooled); the main thread then takes it in, in input order, checking
 * that nothing an earlier input changed would have changed it. */

static void view_free(struct view *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->nj; i++) {
		free(v->j[i].key);
		free(v->j[i].type);
	}
	free(v->j);
	wf_map_free(v->used);
	wf_codes_layer_free(v->own);
	ktab_clear(&v->seg_pairs);
	free(v->seg);
	free(v);
}

wf_ingest *wf_ingest_worker_new(const wf_ingest *g, wf_tw *facts, wf_out *rejects,
				pthread_rwlock_t *lock)
{
	wf_run run = g->run;
	wf_ingest *w;

	run.progress = NULL; /* one progress line, the main thread's */
	w = wf_ingest_new(&run, g->codes, facts, rejects, &g->o);
	w->view = wf_xcalloc(1, sizeof *w->view);
	w->view->lock = lock;
	w->view->scratch = g->placed;
	w->view->used = wf_map_new();
	ktab_init(&w->view->seg_pairs, 64);
	pthread_rwlock_rdlock(lock);
	w->view->layer = w->view->initial = wf_codes_active(g->codes);
	pthread_rwlock_unlock(lock);
	return w;
}

wf_tw *wf_ingest_facts(const wf_ingest *g)
{
	return g->facts;
}

wf_out *wf_ingest_rejects_out(const wf_ingest *g)
{
	return g->rej_out;
}

void wf_ingest_prepare(wf_ingest *g)
{
	wf_codes_prepare(g->codes);
	if (!g->placed)
		g->placed = wf_codes_scratch_new();
}

int wf_ingest_threads(const wf_ingest *g)
{
	return g->run.threads;
}

int wf_ingest_stopped(const wf_ingest *g)
{
	return g->stop;
}

void wf_ingest_set_failed(wf_ingest *g)
{
	g->failed = 1;
}

/* Id + 1 of the padded key k in t, or 0: nothing added. */
static uint32_t ktab_find(const struct ktab *t, const char *k)
{
	uint64_t h, tag;

	if (!t->nslot)
		return 0;
	h = ktab_hash(k, t->kw);
	tag = h >> 32 << 32;
	for (size_t j = (size_t)h & (t->nslot - 1); t->slot[j]; j = (j + 1) & (t->nslot - 1)) {
		uint64_t s = t->slot[j];
		if ((s & ~UINT64_C(0xFFFFFFFF)) == tag &&
		    memcmp(t->keys + ((s & 0xFFFFFFFF) - 1) * t->kw, k, t->kw) == 0)
			return (uint32_t)(s & 0xFFFFFFFF);
	}
	return 0;
}

/* 1 when the worker fact (w's institution wi, pair key pk) is among g's
 * facts of the year. */
static int dup_in_g(const wf_ingest *g, const wf_ingest *w, size_t wi, const char *pk)
{
	uint32_t gi = ktab_find(&g->inst_tab, w->inst_tab.keys + wi * 32), gp;

	if (!gi || g->ie[gi - 1].fgen != g->dup_gen)
		return 0;
	gp = ktab_find(&g->pair_tab, pk);
	return gp && fact_find(g, &g->ie[gi - 1], gp) != 0;
}

/* 1 when a fact of w's first year (its first segment) is among g's
 * facts of that year: one thread would have rejected it. */
static int dup_collides(const wf_ingest *g, const wf_ingest *w)
{
	const struct view *v = w->view;
	uint64_t *f = NULL;
	size_t cap = 0;
	int hit = 0;

	if (v->reset) {
		for (size_t k = 0; k < v->nseg && !hit; k++)
			hit = dup_in_g(g, w, (size_t)(v->seg[k] >> 32),
				       v->seg_pairs.keys + ((v->seg[k] & 0xFFFFFFFF) - 1) * 64);
		return hit;
	}
	for (size_t i = 0; i < w->inst_tab.n && !hit; i++) {
		size_t n = 0;
		facts_of(w, &w->ie[i], &f, &n, &cap);
		for (size_t k = 0; k < n && !hit; k++)
			hit = dup_in_g(g, w, i,
				       w->pair_tab.keys + ((f[k] >> FACT_LINE_BITS) - 1) * 64);
	}
	free(f);
	return hit;
}

/* g's duplicates state after w's input, as one thread leaves it: w's
 * facts of its last year, re-interned by key text into g's tables,
 * their lines numbered after g's files of the year (or g's table
 * replaced when one thread would have dropped it). */
static void dup_take(wf_ingest *g, wf_ingest *w)
{
	struct view *v = w->view;
	uint64_t shift, *f = NULL, *pair;
	size_t cap = 0;

	if (!v->first_year || !w->dup_on)
		return; /* w never looked: g's table stands */
	if (v->reset || !g->dup_on || g->dup_year != v->first_year) {
		/* one thread drops g's table at w's first fact (or at a
		 * later change of year) */
		dup_reset(g);
		g->dup_on = 1;
		g->dup_year = w->dup_year;
	} else if (g->dup_cur) {
		facts_close(g, &g->ie[g->dup_cur - 1]);
	}
	g->dup_cur = 0;
	g->df_name = NULL;
	shift = g->ndf ? g->df[g->ndf - 1].base + g->df[g->ndf - 1].maxline + 1 : 0;
	g->df = wf_xrealloc(g->df, (g->ndf + w->ndf) * sizeof *g->df);
	for (size_t k = 0; k < w->ndf; k++) {
		g->df[g->ndf++] = (struct dupfile){ w->df[k].name, w->df[k].base + shift,
						    w->df[k].maxline };
		w->df[k].name = NULL;
	}
	pair = wf_xmalloc((w->pair_tab.n + 1) * sizeof *pair);
	for (size_t p = 0; p < w->pair_tab.n; p++) {
		int added;
		pair[p + 1] = (uint64_t)ktab_id(&g->pair_tab, w->pair_tab.keys + p * 64, &added) + 1;
	}
	for (size_t i = 0; i < w->inst_tab.n; i++) {
		size_t n = 0;
		facts_of(w, &w->ie[i], &f, &n, &cap);
		if (!n)
			continue;
		for (size_t k = 0; k < n; k++)
			f[k] = pair[f[k] >> FACT_LINE_BITS] << FACT_LINE_BITS |
			       ((f[k] & FACT_LINE_MASK) + shift);
		uint32_t gi = inst_id(g, w->inst_tab.keys + i * 32); /* may move g->ie */
		struct inst_ent *e = &g->ie[gi];
		facts_fresh(g, e);
		if (!e->packed) {
			/* its first facts of the year: sorted into the arena */
			facts_sort(f, n);
			e->closed = arena_take(g, n);
			memcpy(e->closed, f, n * sizeof *f);
			e->nclosed = (uint32_t)n;
			e->packed = 1;
		} else {
			for (size_t k = 0; k < n; k++)
				fset_add(&e->own, f[k]);
		}
	}
	free(pair);
	free(f);
}

int wf_ingest_take(wf_ingest *g, wf_ingest *w, const char *path)
{
	struct view *v = w->view;
	wf_codes_layer *own = v->embedded && v->own_rc == 0 ? v->own : NULL;

	/* Would an earlier input have changed what w did? Then it is
	 * read again by the caller, here, as one thread reads it. */
	if (own && wf_codes_has_year(g->codes, v->own_year))
		return 0; /* an earlier archive brought lists of that year */
	if (v->used_initial && v->initial != wf_codes_active(g->codes))
		return 0; /* a stream read with the lists active before it */
	for (size_t i = 0; i < v->nj; i++) {
		int cy;
		if (v->j[i].year && wf_codes_pick(g->codes, own, v->j[i].year, &cy) != v->j[i].l)
			return 0; /* an earlier archive's lists are nearer */
	}
	for (size_t i = 0; i < w->nseen; i++)
		for (size_t k = 0; k < g->nseen; k++) {
			const struct seen *a = &w->seen[i], *b = &g->seen[k];
			if (b->member && a->size == b->size && a->crc == b->crc && a->year == b->year)
				return 0; /* a member given twice, across archives */
		}
	if (w->dup_on && g->pair_tab.n + w->pair_tab.n > FACT_MAX_PAIRS)
		return 0; /* one thread stops there, with its words */
	if (v->first_year && g->dup_on && g->dup_year == v->first_year) {
		if (g->ndf && w->ndf && strcmp(g->df[g->ndf - 1].name, w->df[0].name) == 0)
			return 0; /* one file for one thread: its lines go on */
		if (!v->reset && w->ndf &&
		    g->df[g->ndf - 1].base + g->df[g->ndf - 1].maxline + 1 +
		    w->df[w->ndf - 1].base + w->df[w->ndf - 1].maxline > FACT_LINE_MASK)
			return 0; /* more lines than one year can number: as above */
		if (dup_collides(g, w))
			return 0; /* a duplicate of an earlier input's fact */
	}
	if (v->opened) {
		/* given twice: said as one thread says it, w dropped */
		const char *first = seen_file(g, path);
		if (first) {
			wf_warn("%s: same bytes as %s (given twice?); not read", path, first);
			g->failed = 1;
			return -1;
		}
	}
	/* Taken: the lists, duplicates, inputs seen and counts as one
	 * thread leaves them. */
	if (own) {
		wf_codes_adopt(g->codes, own);
		v->own = NULL;
	}
	for (size_t i = 0; i < v->nj; i++) {
		if (v->j[i].year)
			wf_codes_select_year(g->codes, v->j[i].year);
		else
			wf_codes_inst_placed(g->codes, v->j[i].l, v->j[i].key, v->j[i].type,
					     g->placed);
	}
	g->layer_gen++; /* the records cached for the lists before are stale */
	dup_take(g, w);
	for (size_t i = 0; i < w->nseen; i++)
		seen_add(g, w->seen[i].label, 0, 0, w->seen[i].size, w->seen[i].crc, 1,
			 w->seen[i].year);
	g->total.read += w->total.read;
	g->total.written += w->total.written;
	g->total.rejected += w->total.rejected;
	g->total.blank += w->total.blank;
	g->files += w->files;
	g->failed |= w->failed;
	g->stop |= w->stop;
	return 1;
}

void wf_ingest_print_messages(wf_ingest *g, const char *buf, size_t len)
{
	FILE *e = wf_errfile();
	const char *p = buf, *end = buf + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
		if (*p == '\001') {
			/* "no code lists of YYYY": once a run, the first time */
			int y = atoi(p + 1);
			const char *text = p + 1;
			while (text < p + n && *text >= '0' && *text <= '9')
				text++;
			if (y >= WF_YEAR_MIN && y <= WF_YEAR_MAX && !g->said_year[y - WF_YEAR_MIN]) {
				g->said_year[y - WF_YEAR_MIN] = 1;
				fwrite(text, 1, (size_t)(p + n - text), e);
			}
		} else {
			fwrite(p, 1, n, e);
		}
		p += n;
	}
}
