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
#define MAX_KEEP 16
#define MAX_COLS 96
#define MAX_CODE_YEARS 32
#define MEAS_SLOTS 1024
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

/* A set of distinct string tuples of one length, each stored once in
 * the engine's arena (wf_bench.c share_tuple). */
typedef struct tupleset {
	const char ***slot;
	size_t cap, n;
} tupleset;

typedef struct term {
	char *code;
	int sign;      /* +1 / -1 */
	int seen;      /* appeared in the facts */
} term;

typedef struct rec {
	key k;                  /* first: keyindex reads records as keys */
	const char *name;
	const char **kv;        /* kept columns' values (shared tuple), or NULL */
	wf_dec metric;          /* the denominator and HEADCOUNT, when asked
				 * for, are in b->dens and b->heads */
	/* computed by finish */
	double value, rank, z, sp_rank;
	/* 32-bit indexes, one-bit flags and no padding holes: 152 -> 104
	 * bytes a record, peak memory 93 -> 66 MB on 10 M facts (461,000
	 * records, make bench 2026-12-01) */
	uint32_t group;
	uint32_t series;
	int32_t prev;           /* record index of the comparison period, -1 */
	signed char sclass;     /* -1: no class */
	unsigned has_den : 1, has_head : 1, has_value : 1, zero : 1, has_rank : 1,
		 has_z : 1, first : 1, has_sp_rank : 1;
} rec;

typedef struct group {
	size_t n, nval;
	wf_stats_summary st;
	int small;
	/* summary mode */
	wf_dec metric_total, metric_den, den_total;
	size_t zero, noden;
	double mean, median, p25;
	/* every mode: spenders (value > 0) apart from zero spenders */
	size_t spenders, zeros;
	int sp_small;           /* fewer spenders than --min-peers */
	double sp_median, sp_p25, sp_p75;
	double gap_med_eur, gap_p25_eur; /* summary: totals to reach them */
	int overflow;
	size_t rep;             /* a member record, for the key */
} group;

/* Why a series has no CAGR (series.cagr_why): -WF_CAGR_* of wf_stats,
 * or the body has no value at the span's first or last period. */
enum { CAGR_ZERO_START = -WF_CAGR_START, CAGR_ZERO_END = -WF_CAGR_END,
       CAGR_NO_START = 8, CAGR_NO_END = 9 };

typedef struct series {
	double cagr, slope;
	unsigned char has_cagr, has_slope;
	signed char cagr_why;   /* 0, or WF_CAGR_* when the span has no rate */
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

	/* kept columns: region, province, comune when present, then --keep */
	char *kcol[MAX_KEEP];
	size_t nk, nk_default;  /* the first nk_default are the defaults */
	int ci_keep[MAX_KEEP];
	int keep_set;           /* decided at the first fact table */
	tupleset kvt;           /* distinct kept-value tuples */

	/* how the output was made (the provenance column) */
	int synthetic;          /* a fact row's provenance says SYNTHETIC */
	int ci_prov;
	int code_years[MAX_CODE_YEARS]; /* years of the code lists given */
	size_t ncode_years;
	char *prov;             /* built by wf_bench_finish */
	const char *bprov;      /* the baseline's, as checked on its first row */
	char bl_err[256];       /* a column the baseline lacks, told after bprov */

	/* distinct measures of the facts: what each one counts for (looked
	 * up once a row instead of comparing it with every term) and, once
	 * a row of it is taken, for "did you mean" (noted) */
	struct meas {
		unsigned char len, noted;
		signed char metric, den; /* term index, -1: none */
		unsigned char head;      /* HEADCOUNT for the size classes */
		unsigned char code;      /* 0: counts for nothing, else the
					  * measure's identity in the repeat
					  * check (dupent) */
		char s[15];
	} meas[MEAS_SLOTS];
	size_t nmeas, nmeas_slots;

	int pmin, pmax;         /* the span of the facts' periods */

	/* code lists (borrowed): the metric's signs per year */
	wf_codes *codes;
	int sign_year;          /* year of the signs in metric[] */
	char codes_missing[128]; /* a metric item a year's lists lack: finish fails */

	/* current table */
	enum wf_bench_input kind;
	int ci_period, ci_inst, ci_name, ci_measure, ci_value, ci_rank, ci_contract;

	/* facts that count (metric, denominator, HEADCOUNT), each with its
	 * line and table: a repeated (period, institution, contract,
	 * measure) is a rejected row. Compared exactly: a 64-bit hash of
	 * the pointers alone took two facts of the bench's 10 M for one in
	 * about one run of five (the address of an institution changes from
	 * run to run). dup_slot indexes dup (entry + 1; 0 empty). */
	struct dupent {
		uint32_t rec;      /* its record: the period and institution */
		uint32_t contract; /* index in contracts */
		uint32_t line, table;
		unsigned char code; /* struct meas code */
	} *dup;
	uint32_t *dup_slot;
	size_t dup_cap, dup_n, dup_slots;
	wf_map *contracts; /* contract text -> index */
	const char *last_contract;
	size_t last_contract_len;
	intptr_t last_contract_id;
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
	wf_dec *dens, *heads;   /* per record, with --per and --size-classes */
	keyindex idx;
	size_t last_rec; /* +1 */
	/* the last text interned for the institution (0) and each group
	 * column (1..ng): consecutive rows repeat them */
	const char *last_str[MAX_GROUP + 1];
	size_t last_len[MAX_GROUP + 1];
	tupleset gvt;      /* distinct group-value tuples (keep_gv) */

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

/* What bringing a body up to a reference per employee costs: the
 * shortfall times its denominator (times 1 without --per, the value
 * being euros then); 0 at or above it. */
static inline double wf_bench_gap_eur(const wf_bench *b, const rec *r, double ref)
{
	/* value is metric / den x scale (a share in percent has scale 100):
	 * the gap goes back to the metric's own unit */
	double den = b->nden ? wf_dec_to_double(b->dens[r - b->recs]) : 1.0;
	return r->value < ref ? (ref - r->value) / b->o.scale * den : 0.0;
}

/* Folds v into h with every bit of both mixed: wf_hash_mix() of a few
 * nearby addresses and small periods leaves clusters in an
 * open-addressing table and collisions in a 64-bit key. */
static inline uint64_t wf_bench_mix64(uint64_t h, uint64_t v)
{
	return wf_hash_fin(h ^ (v * 0x9e3779b97f4a7c15ull));
}

/* The orders of wf_bench_finish (wf_bench_order.c), by integer ranks:
 * comparing institutions and group values with strcmp through the
 * records was 12% of wf-benchmark on 10 M facts. A sort key is a list
 * of these fields, most significant first. */
enum wf_bench_field { WF_BF_PERIOD, WF_BF_INST, WF_BF_GV, WF_BF_CLASS };

typedef struct wf_bench_ranks {
	uint32_t *inst, *gv;   /* per record: rank of its institution and
				* group values in text order */
	size_t ninst, ngv;     /* distinct ones */
} wf_bench_ranks;

/* Fills rk (arrays of b->nrecs, owned by rk, freed by
 * wf_bench_ranks_free). */
void wf_bench_ranks_make(const wf_bench *b, wf_bench_ranks *rk);
void wf_bench_ranks_free(wf_bench_ranks *rk);

/* ix[0..b->nrecs) := the record indexes sorted by the fields (each
 * record's key unique in every order wf_bench_finish uses, so any
 * input order gives the same result). */
void wf_bench_order(const wf_bench *b, const wf_bench_ranks *rk,
		    const enum wf_bench_field *f, size_t nf, size_t *ix);

/* Stable LSD radix sort of n (key, idx) pairs by the low `bits` bits
 * of key; tk, tx scratch of n. Exposed for its unit test. */
void wf_bench_radix(uint64_t *key, uint32_t *idx, uint64_t *tk, uint32_t *tx,
		    size_t n, unsigned bits);

static inline int wf_bench_cmp_int(int a, int b)
{
	return (a > b) - (a < b);
}

#endif
