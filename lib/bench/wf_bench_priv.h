/*
 * wf_bench_priv.h - private to lib/bench: the engine's state, shared by
 * wf_bench.c (options, reading, computing, code list) and wf_bench_out.c
 * (output columns and rows). Not installed; nothing outside lib/bench
 * includes it.
 *
 * Ownership: everything reachable from struct wf_bench is the engine's,
 * freed by wf_bench_free(); strings are interned in b->strs (equal text,
 * equal pointer) and live until then.
 */
#ifndef WF_BENCH_PRIV_H
#define WF_BENCH_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "wf_bench.h"
#include "wf_conto.h"
#include "wf_dec.h"
#include "wf_arena.h"
#include "wf_map.h"
#include "wf_stats.h"

#define MAX_TERMS 32
#define MAX_GROUP 32
#define MAX_CLASSES 32
#define MAX_COLS 64
#define OUTLIER_Z 3.5

/* Keyed records: (period, institution, group values). */
typedef struct key {
	int period;
	const char *inst;
	const char **gv;
} key;

typedef struct keyindex {
	uint32_t *slot; /* record index + 1; 0 = empty (4 bytes: 4 MB less
			 * at 10 M facts; inputs stop at INT32_MAX records) */
	size_t cap, n;
} keyindex;

/* The slot of key k in x (a record index + 1, or 0 where it would go);
 * NULL while x is empty. Records are read at base + (slot-1)*stride. */
uint32_t *wf_bench_keyfind(keyindex *x, const key *k, size_t ng,
			   const void *base, size_t stride);

typedef struct term {
	char *code;
	int sign;      /* +1 / -1 */
	int seen;      /* appeared in the facts */
} term;

typedef struct rec {
	key k;                  /* first: keyindex reads records as keys */
	const char *name;
	wf_dec metric, den, head;
	unsigned char has_den, has_head;
	/* computed by finish */
	unsigned char has_value, zero, has_rank, has_z, small, first;
	int sclass;             /* -1: no class */
	double value, rank, z;
	/* 32-bit indexes and no padding holes: 152 -> 128 bytes a record,
	 * peak memory 97 -> 90 MB on 10 M facts (461,000 records) */
	uint32_t group;
	uint32_t series;
	int32_t prev;           /* record index of the comparison period, -1 */
} rec;

typedef struct group {
	size_t n, nval;
	wf_stats_summary st;
	int small;
	/* summary mode */
	wf_dec metric_total, metric_den, den_total;
	size_t zero, noden;
	double mean, median;
	int overflow;
	size_t rep;             /* a member record, for the key */
} group;

typedef struct series {
	double cagr, slope;
	unsigned char has_cagr, has_slope;
} series;

typedef struct bentry {
	key k;
	double value, rank;
	unsigned char has_value, has_rank;
} bentry;

struct wf_bench {
	wf_bench_opts o;
	char *period_col;
	term metric[MAX_TERMS], den[MAX_TERMS];
	size_t nmetric, nden;
	char *gcol[MAX_GROUP];
	size_t ng;
	long class_lo[MAX_CLASSES], class_hi[MAX_CLASSES]; /* hi -1: open */
	char *class_label[MAX_CLASSES];
	size_t nclass;
	int min_peers;

	wf_arena mem;
	wf_map *strs;      /* interned: equal text, equal pointer */
	const char *empty;

	/* code lists (borrowed): the metric's signs per year */
	wf_codes *codes;
	int sign_year;          /* year of the signs in metric[] */
	char codes_missing[128]; /* a metric item a year's lists lack: finish fails */

	/* current table */
	enum wf_bench_input kind;
	int ci_period, ci_inst, ci_name, ci_measure, ci_value, ci_rank, ci_contract;

	/* facts that count (metric, denominator, HEADCOUNT) by a 64-bit
	 * hash of (period, institution, contract, measure), with their
	 * line and table: a repeated one is a rejected row */
	uint64_t *dup_key;
	uint32_t *dup_line, *dup_table;
	size_t dup_cap, dup_n;
	uint32_t ntables;
	int ci_group[MAX_GROUP];
	int head_seen;
	int have_name;

	/* periods: kind 0 unknown, 1 YYYY, 2 YYYY-MM */
	int pkind;
	char last_ptext[16];
	int last_period;

	rec *recs;
	size_t nrecs, caprecs;
	keyindex idx;
	size_t last_rec; /* +1 */
	/* the last text interned for the institution (0) and each group
	 * column (1..ng): consecutive rows repeat them */
	const char *last_str[MAX_GROUP + 1];
	size_t last_len[MAX_GROUP + 1];
	const char ***gvt; /* distinct group-value tuples (keep_gv) */
	size_t gvt_cap, gvt_n;

	/* results */
	int finished;
	size_t *order;          /* output order */
	group *groups;
	size_t ngroups;
	series *ser;
	size_t nser;

	/* baseline */
	int have_baseline;
	bentry *bl;
	size_t nbl, capbl;
	keyindex blidx;
	int *bperiods;
	size_t nbperiods;

	wf_bench_progress_fn progress;
	void *progress_ctx;

	/* output */
	const char *colnames[MAX_COLS];
	enum wf_colkind colkinds[MAX_COLS];
	size_t ncols;
};

static inline int wf_bench_cmp_int(int a, int b)
{
	return (a > b) - (a < b);
}

#endif
