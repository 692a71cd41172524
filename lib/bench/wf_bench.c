#include "wf_bench_priv.h"
#include "wf_indicators.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_run.h"
#include "wf_dec.h"
#include "wf_dialect.h"
#include "wf_err.h"
#include "wf_io.h"
#include "wf_ingest.h"
#include "wf_rowpipe.h"
#include "wf_stats.h"


/* ---- small helpers ---- */

static int fail(char *err, size_t errsz, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
	return -1;
}

static uint64_t key_hash(const key *k, size_t ng)
{
	uint64_t h = wf_bench_mix64((uint64_t)(unsigned)k->period, (uint64_t)(uintptr_t)k->inst);
	for (size_t i = 0; i < ng; i++)
		h = wf_bench_mix64(h, (uint64_t)(uintptr_t)k->gv[i]);
	return h;
}

static int key_eq(const key *a, const key *b, size_t ng)
{
	if (a->period != b->period || a->inst != b->inst)
		return 0;
	for (size_t i = 0; i < ng; i++)
		if (a->gv[i] != b->gv[i])
			return 0;
	return 1;
}

/* keys[i] must stay valid (they are the records' own keys). */
uint32_t *wf_bench_keyfind(keyindex *x, const key *k, size_t ng,
			    const void *base, size_t stride)
{
	size_t i;
	if (!x->cap)
		return NULL;
	for (i = (key_hash(k, ng) >> 7) & (x->cap - 1); x->slot[i];
	     i = (i + 1) & (x->cap - 1)) {
		const key *o = (const key *)((const char *)base + (x->slot[i] - 1) * stride);
		if (key_eq(o, k, ng))
			return &x->slot[i];
	}
	return &x->slot[i];
}

static void keyindex_grow(keyindex *x, size_t ng, const void *base, size_t stride)
{
	size_t cap = x->cap ? x->cap * 2 : 4096;
	uint32_t *slot = wf_xcalloc(cap, sizeof *slot);

	for (size_t k = 0; k < x->cap; k++) {
		if (!x->slot[k])
			continue;
		const key *o = (const key *)((const char *)base + (x->slot[k] - 1) * stride);
		size_t j = (key_hash(o, ng) >> 7) & (cap - 1);
		while (slot[j])
			j = (j + 1) & (cap - 1);
		slot[j] = x->slot[k];
	}
	free(x->slot);
	x->slot = slot;
	x->cap = cap;
}

/* ---- the engine ---- */


static int parse_terms(const char *spec, term *t, size_t *n, const char *opt,
		       char *err, size_t errsz)
{
	const char *p = spec;

	*n = 0;
	for (;;) {
		const char *s = p;
		while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		       (*p >= '0' && *p <= '9') || *p == '_')
			p++;
		if (p == s || (*p && *p != '+') || *n == MAX_TERMS)
			return fail(err, errsz, "invalid %s '%s'", opt, spec);
		for (size_t i = 0; i < *n; i++)
			if (strlen(t[i].code) == (size_t)(p - s) &&
			    strncasecmp(t[i].code, s, (size_t)(p - s)) == 0)
				return fail(err, errsz, "measure '%s' appears twice in %s",
					    t[i].code, opt);
		/* Measure codes are upper case in every stream: -m l090 is L090. */
		t[*n].code = wf_xstrndup(s, (unsigned long)(p - s));
		for (char *q = t[*n].code; *q; q++)
			if (*q >= 'a' && *q <= 'z')
				*q = (char)(*q - 'a' + 'A');
		t[*n].sign = 1;
		t[*n].seen = 0;
		(*n)++;
		if (!*p)
			return 0;
		p++;
	}
}

/* "a,b,c" into names[*n...] (copies), no empty or repeated name. */
static int parse_cols(const char *spec, char **names, size_t *n, size_t max,
		      const char *opt, char *err, size_t errsz)
{
	const char *p = spec;

	for (;;) {
		const char *s = p;
		while (*p && *p != ',')
			p++;
		if (p == s || *n == max)
			return fail(err, errsz, "invalid %s '%s'", opt, spec);
		for (size_t i = 0; i < *n; i++)
			if (strlen(names[i]) == (size_t)(p - s) &&
			    strncmp(names[i], s, (size_t)(p - s)) == 0)
				return fail(err, errsz, "column '%s' appears twice in %s",
					    names[i], opt);
		names[(*n)++] = wf_xstrndup(s, (unsigned long)(p - s));
		if (!*p)
			return 0;
		p++;
	}
}

static int parse_group(wf_bench *b, const char *spec, char *err, size_t errsz)
{
	return parse_cols(spec, b->gcol, &b->ng, MAX_GROUP,
			  b->o.summary ? "--by" : "--peers", err, errsz);
}

static int parse_long(const char **p, long *out)
{
	long v = 0;
	const char *s = *p;
	while (**p >= '0' && **p <= '9') {
		if (v > 100000000)
			return -1;
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	*out = v;
	return *p == s ? -1 : 0;
}

/* "1-9,10-49,50-249,250-": contiguous classes, only the last open. */
static int parse_classes(wf_bench *b, const char *spec, char *err, size_t errsz)
{
	const char *p = spec;

	for (;;) {
		const char *s = p;
		long lo, hi = -1;
		if (b->nclass == MAX_CLASSES || parse_long(&p, &lo) || *p++ != '-')
			goto bad;
		if (*p >= '0' && *p <= '9') {
			if (parse_long(&p, &hi) || hi < lo)
				goto bad;
		}
		if (*p && *p != ',')
			goto bad;
		if (b->nclass > 0) {
			long phi = b->class_hi[b->nclass - 1];
			if (phi < 0 || phi + 1 != lo)
				goto bad;
		}
		b->class_lo[b->nclass] = lo;
		b->class_hi[b->nclass] = hi;
		b->class_label[b->nclass++] = wf_xstrndup(s, (unsigned long)(p - s));
		if (!*p)
			return 0;
		p++;
	}
bad:
	return fail(err, errsz, "invalid --size-classes '%s'", spec);
}

wf_bench *wf_bench_new(const wf_bench_opts *o, char *err, size_t errsz)
{
	wf_bench *b = wf_xcalloc(1, sizeof *b);
	const char *metric = o->metric;

	b->o = *o;
	b->strs = wf_map_new();
	b->empty = wf_map_intern(b->strs, "", 0);
	b->period_col = wf_xstrdup(o->period_col ? o->period_col : "year");
	b->min_peers = o->min_peers > 0 ? o->min_peers : 5;
	if (!metric || !*metric) {
		fail(err, errsz, "--metric is required");
		goto bad;
	}
	const char *per = o->per;
	const wf_indicator *ind = wf_indicator_find(metric);
	if (ind) {
		/* A named indicator brings its denominator and scale unless
		 * --per says otherwise (welfare_core has none: --per as today). */
		metric = ind->metric;
		if (!per)
			per = ind->per;
		if (b->o.scale == 0)
			b->o.scale = ind->scale;
	}
	if (b->o.scale == 0)
		b->o.scale = 1;
	if (parse_terms(metric, b->metric, &b->nmetric, "--metric", err, errsz))
		goto bad;
	if (per && parse_terms(per, b->den, &b->nden, "--per", err, errsz))
		goto bad;
	if (!*b->period_col) {
		fail(err, errsz, "invalid --period ''");
		goto bad;
	}
	if (o->group && parse_group(b, o->group, err, errsz))
		goto bad;
	/* These are the record key or its contents already; grouping by them
	 * would duplicate output columns or split every record. */
	for (size_t i = 0; i < b->ng; i++) {
		const char *g = b->gcol[i];
		if (strcmp(g, b->period_col) == 0 || strcmp(g, "measure") == 0 ||
		    strcmp(g, "value") == 0 ||
		    (!o->summary && (strcmp(g, "institution") == 0 ||
				     strcmp(g, "institution_name") == 0))) {
			fail(err, errsz, "column '%s' cannot be used in %s", g,
			     o->summary ? "--by" : "--peers");
			goto bad;
		}
	}
	if (o->size_classes && parse_classes(b, o->size_classes, err, errsz))
		goto bad;
	if (o->keep && !*o->keep) {
		b->keep_set = 1; /* "": nothing passes through, not even region */
	} else if (o->keep) {
		if (o->summary) {
			fail(err, errsz, "--keep does not go with --summary");
			goto bad;
		}
		if (parse_cols(o->keep, b->kcol, &b->nk, MAX_KEEP - 3, "--keep", err, errsz))
			goto bad;
	}
	if (o->has_change_threshold && !(o->change_threshold >= 0)) {
		fail(err, errsz, "invalid --change-threshold (a percentage >= 0)");
		goto bad;
	}
	b->ci_prov = -1;
	return b;
bad:
	wf_bench_free(b);
	return NULL;
}

void wf_bench_free(wf_bench *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->nmetric; i++)
		free(b->metric[i].code);
	for (size_t i = 0; i < b->nden; i++)
		free(b->den[i].code);
	for (size_t i = 0; i < b->ng; i++)
		free(b->gcol[i]);
	for (size_t i = 0; i < b->nclass; i++)
		free(b->class_label[i]);
	for (size_t i = 0; i < b->nk; i++)
		free(b->kcol[i]);
	free(b->kvt.slot);
	free(b->prov);
	free(b->dup);
	free(b->dup_slot);
	wf_map_free(b->contracts);
	free(b->period_col);
	wf_map_free(b->strs);
	wf_arena_free(&b->mem);
	free(b->recs);
	free(b->dens);
	free(b->heads);
	free(b->idx.slot);
	free(b->gvt.slot);
	free(b->order);
	free(b->groups);
	free(b->ser);
	free(b->bl);
	free(b->blidx.slot);
	free(b->bperiods);
	free(b);
}

/* Index of the column, -1 when absent, -2 when named twice. */
static int col(const wf_row *h, const char *name)
{
	return wf_names_col(h->f, h->n, name);
}

static int need(const wf_row *h, const char *name, const char *what, int *ci,
		char *err, size_t errsz)
{
	*ci = col(h, name);
	if (*ci == -2)
		return fail(err, errsz, "column '%s' appears twice", name);
	if (*ci < 0)
		return fail(err, errsz, "no column '%s'%s%s", name, what ? " " : "",
			    what ? what : "");
	return 0;
}

static int is_group_col(const wf_bench *b, const char *name)
{
	for (size_t i = 0; i < b->ng; i++)
		if (strcmp(b->gcol[i], name) == 0)
			return 1;
	return 0;
}

/* At the first fact table: region, province and comune describe a body
 * and pass through when present (unless they are peer columns), then
 * the --keep columns. */
static int decide_keep(wf_bench *b, const wf_row *h, char *err, size_t errsz)
{
	static const char *const deflt[] = { "region", "province", "comune" };
	char *k[MAX_KEEP];
	size_t n = 0;

	for (size_t i = 0; i < b->nk; i++) {
		const char *c = b->kcol[i];
		if (is_group_col(b, c) || strcmp(c, b->period_col) == 0 ||
		    strcmp(c, "institution") == 0 || strcmp(c, "institution_name") == 0 ||
		    strcmp(c, "measure") == 0 || strcmp(c, "value") == 0 ||
		    strcmp(c, "provenance") == 0)
			return fail(err, errsz, "column '%s' cannot be used in --keep (it is in the "
				    "output already)", c);
	}
	for (size_t d = 0; d < 3; d++) {
		int explicit = 0;
		for (size_t i = 0; i < b->nk; i++)
			explicit |= strcmp(b->kcol[i], deflt[d]) == 0;
		if (!explicit && col(h, deflt[d]) >= 0 && !is_group_col(b, deflt[d]))
			k[n++] = wf_xstrdup(deflt[d]);
	}
	b->nk_default = n;
	for (size_t i = 0; i < b->nk; i++)
		k[n++] = b->kcol[i];
	memcpy(b->kcol, k, n * sizeof *k);
	b->nk = n;
	b->keep_set = 1;
	return 0;
}

int wf_bench_table(wf_bench *b, enum wf_bench_input kind,
		   const wf_row *h, char *err, size_t errsz)
{
	const char *gwhat = b->o.summary ? "for --by" : "for --peers";

	if (b->finished && kind != WF_BENCH_BASELINE)
		return fail(err, errsz, "facts after the end of the input");
	b->kind = kind;
	b->last_rec = 0;
	switch (kind) {
	case WF_BENCH_FACTS:
		if (need(h, b->period_col, NULL, &b->ci_period, err, errsz) ||
		    need(h, "institution", NULL, &b->ci_inst, err, errsz) ||
		    need(h, "measure", NULL, &b->ci_measure, err, errsz) ||
		    need(h, "value", NULL, &b->ci_value, err, errsz))
			return -1;
		for (size_t i = 0; i < b->ng; i++)
			if (need(h, b->gcol[i], gwhat, &b->ci_group[i], err, errsz))
				return -1;
		b->ci_name = col(h, "institution_name");
		if (b->ci_name == -2)
			return fail(err, errsz, "column 'institution_name' appears twice");
		b->ci_contract = col(h, "contract");
		if (b->ci_contract == -2)
			return fail(err, errsz, "column 'contract' appears twice");
		b->ntables++;
		if (b->ci_name >= 0)
			b->have_name = 1;
		b->ci_prov = col(h, "provenance");
		if (!b->keep_set && decide_keep(b, h, err, errsz))
			return -1;
		for (size_t i = 0; i < b->nk; i++) {
			b->ci_keep[i] = col(h, b->kcol[i]);
			if (b->ci_keep[i] == -2)
				return fail(err, errsz, "column '%s' appears twice", b->kcol[i]);
			if (b->ci_keep[i] < 0 && i >= b->nk_default)
				return fail(err, errsz, "no column '%s' for --keep", b->kcol[i]);
		}
		return 0;
	case WF_BENCH_BASELINE:
		if (!b->finished)
			return fail(err, errsz, "baseline before the end of the input");
		/* How the baseline was made must be known to compare with it,
		 * and a different definition is named before any column it
		 * lacks because of it (made --per-less, it has no per_employee). */
		b->ci_prov = col(h, "provenance");
		if (b->ci_prov == -2)
			return fail(err, errsz, "column 'provenance' appears twice in the baseline");
		if (b->ci_prov < 0)
			return fail(err, errsz, "no column 'provenance' in the baseline: it does not say "
				    "how it was made (an older wf-benchmark's output?); make it again");
		b->bprov = NULL;
		b->bl_err[0] = '\0';
		if (!need(h, b->period_col, "in the baseline", &b->ci_period, b->bl_err, sizeof b->bl_err) &&
		    !need(h, "institution", "in the baseline", &b->ci_inst, b->bl_err, sizeof b->bl_err))
			need(h, b->nden ? "per_employee" : "metric", "in the baseline",
			     &b->ci_value, b->bl_err, sizeof b->bl_err);
		for (size_t i = 0; i < b->ng && !b->bl_err[0]; i++)
			need(h, b->gcol[i], "in the baseline", &b->ci_group[i], b->bl_err, sizeof b->bl_err);
		b->ci_rank = col(h, "pct_rank");
		if (b->ci_rank == -2)
			return fail(err, errsz, "column 'pct_rank' appears twice in the baseline");
		b->have_baseline = 1;
		return 0;
	}
	return fail(err, errsz, "unknown table kind"); /* LCOV_EXCL_LINE: kind is one of the enum */
}

static const char *field(const wf_row *r, int ci, size_t *len)
{
	if (ci < 0 || (size_t)ci >= r->n || !r->f[ci] || (r->null && r->null[ci])) {
		*len = 0;
		return "";
	}
	*len = r->len ? r->len[ci] : strlen(r->f[ci]);
	return r->f[ci];
}

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* YYYY -> Y; YYYY-MM -> Y * 12 + M - 1. Mixing the two is an error. */
static int parse_period(wf_bench *b, const char *s, size_t n, int *out,
			char *err, size_t errsz)
{
	int kind, y, v;

	if (n < sizeof b->last_ptext && b->pkind &&
	    memcmp(s, b->last_ptext, n) == 0 && b->last_ptext[n] == '\0') {
		*out = b->last_period;
		return 0;
	}
	if (n == 4 && digits(s, 4)) {
		kind = 1;
	} else if (n == 7 && digits(s, 4) && s[4] == '-' && digits(s + 5, 2)) {
		kind = 2;
	} else {
		return fail(err, errsz, "bad period '%.*s' (expected YYYY or YYYY-MM)",
			    (int)(n > 40 ? 40 : n), s);
	}
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	if (y < WF_YEAR_MIN || y > WF_YEAR_MAX)
		return fail(err, errsz, "period '%.*s' is outside the years %d-%d",
			    (int)n, s, WF_YEAR_MIN, WF_YEAR_MAX);
	v = y;
	if (kind == 2) {
		int m = (s[5] - '0') * 10 + (s[6] - '0');
		if (m < 1 || m > 12)
			return fail(err, errsz, "bad period '%.*s' (expected YYYY or YYYY-MM)",
				    (int)n, s);
		v = y * 12 + m - 1;
	}
	if (b->pkind && b->pkind != kind)
		return fail(err, errsz, "period '%.*s' is %s but earlier periods are %s",
			    (int)n, s, kind == 2 ? "monthly" : "yearly",
			    b->pkind == 2 ? "monthly" : "yearly");
	b->pkind = kind;
	memcpy(b->last_ptext, s, n);
	b->last_ptext[n] = '\0';
	b->last_period = v;
	*out = v;
	return 0;
}

static int parse_value(const char *s, size_t n, enum wf_decmode mode, wf_dec *d,
		       char *err, size_t errsz)
{
	int rc = wf_dec_parse(s, n, mode, d);
	if (rc == WF_DEC_EMPTY)
		return fail(err, errsz, "missing value");
	if (rc != WF_DEC_OK)
		return fail(err, errsz, "bad value '%.*s': %s", (int)(n > 40 ? 40 : n), s,
			    wf_dec_strerror(rc));
	return 0;
}

/* The metric's signs for the lists of year (the nearest year's lists,
 * as wf-ingest picks them); checked for every year by
 * wf_bench_set_codes(). */
static void signs_for(wf_bench *b, int year)
{
	b->sign_year = year;
	wf_codes_select_year(b->codes, year);
	for (size_t i = 0; i < b->nmetric; i++)
		b->metric[i].sign = wf_codes_item_sign(b->codes, b->metric[i].code) < 0 ? -1 : 1;
}

static size_t size_class_of(const wf_bench *b, const rec *r)
{
	double h;
	if (!r->has_head)
		return (size_t)-1;
	h = wf_dec_to_double(b->heads[r - b->recs]);
	for (size_t i = 0; i < b->nclass; i++) {
		if (h < (double)b->class_lo[i])
			break;
		if (b->class_hi[i] < 0)
			return i;
		if (i + 1 < b->nclass ? h < (double)b->class_lo[i + 1]
				      : h <= (double)b->class_hi[i])
			return i;
	}
	return (size_t)-1;
}

/* wf_map_intern() through a one-entry cache per column: hashing and probing
 * every institution and group value was 15% of wf-benchmark on the
 * national history; with the cache 1.85 -> 1.60 s user (2026-11-27). */
static const char *intern_col(wf_bench *b, size_t slot, const char *s, size_t n)
{
	const char *p = b->last_str[slot];

	if (p && b->last_len[slot] == n && memcmp(p, s, n) == 0)
		return p;
	p = wf_map_intern(b->strs, s, n);
	b->last_str[slot] = p;
	b->last_len[slot] = n;
	return p;
}

static const char **intern_group(wf_bench *b, const wf_row *r, const char **gv)
{
	for (size_t i = 0; i < b->ng; i++) {
		size_t n;
		const char *s = field(r, b->ci_group[i], &n);
		gv[i] = intern_col(b, i + 1, s, n);
	}
	return gv;
}

static uint64_t gv_hash(const char *const *gv, size_t ng)
{
	uint64_t h = 0;
	for (size_t i = 0; i < ng; i++)
		h = wf_hash_mix(h, (uint64_t)(uintptr_t)gv[i]);
	return h * 0x9e3779b97f4a7c15ull;
}

/* The shared copy of tuple t (n interned pointers), added when new. */
static const char **share_tuple(wf_bench *b, tupleset *set, const char **t, size_t n)
{
	const char **p;
	size_t i, sz = n * sizeof *p;

	if (set->n * 2 >= set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 256;
		const char ***slot = wf_xcalloc(cap, sizeof *slot);
		for (size_t k = 0; k < set->cap; k++) {
			if (!set->slot[k])
				continue;
			for (i = (gv_hash(set->slot[k], n) >> 7) & (cap - 1); slot[i]; i = (i + 1) & (cap - 1))
				;
			slot[i] = set->slot[k];
		}
		free(set->slot);
		set->slot = slot;
		set->cap = cap;
	}
	for (i = (gv_hash(t, n) >> 7) & (set->cap - 1); set->slot[i]; i = (i + 1) & (set->cap - 1))
		if (memcmp(set->slot[i], t, sz) == 0)
			return set->slot[i];
	p = wf_arena_alloc(&b->mem, sz);
	memcpy(p, t, sz);
	set->slot[i] = p;
	set->n++;
	return p;
}

/* One shared copy of each distinct tuple of group values: records
 * repeat a few hundred tuples, and a copy each was 7 MB of the peak on
 * 10 M facts (make bench, 2026-11-27). */
static const char **keep_gv(wf_bench *b, const char **gv)
{
	return b->ng ? share_tuple(b, &b->gvt, gv, b->ng) : NULL;
}

/* The kept columns' values of a row, as one shared tuple: a body's
 * region, province and comune repeat in all its records. NULL when all
 * are empty (a later row may fill them). */
static const char **keep_values(wf_bench *b, const wf_row *r)
{
	const char *kv[MAX_KEEP];
	size_t any = 0;

	for (size_t i = 0; i < b->nk; i++) {
		size_t n;
		const char *s = field(r, b->ci_keep[i], &n);
		kv[i] = n ? wf_map_intern(b->strs, s, n) : b->empty;
		any |= n;
	}
	return any ? share_tuple(b, &b->kvt, kv, b->nk) : NULL;
}

/* What measure s counts for: a metric term, a denominator term,
 * HEADCOUNT for the size classes, and its identity in the repeat check
 * (0: nothing). Terms are distinct texts, so one of each at most. */
static void classify(const wf_bench *b, const char *s, size_t n, struct meas *m)
{
	m->metric = m->den = -1;
	for (size_t i = 0; i < b->nmetric && m->metric < 0; i++)
		if (strlen(b->metric[i].code) == n && memcmp(b->metric[i].code, s, n) == 0)
			m->metric = (signed char)i;
	for (size_t i = 0; i < b->nden && m->den < 0; i++)
		if (strlen(b->den[i].code) == n && memcmp(b->den[i].code, s, n) == 0)
			m->den = (signed char)i;
	m->head = b->nclass && n == 9 && memcmp(s, "HEADCOUNT", 9) == 0;
	m->code = (unsigned char)(m->metric >= 0 ? 1 + m->metric
				  : m->den >= 0 ? 1 + MAX_TERMS + m->den
				  : m->head ? 1 + 2 * MAX_TERMS : 0);
}

/* The entry of measure s (1 to 15 bytes) in a fixed table probed by a
 * short hash, added and classified when new: a row costs a hash of a
 * few bytes and one compare, where comparing it with every term was
 * 3% of wf-benchmark. A code the table cannot hold (longer, or the
 * table half full) is classified into *spare each time. */
static struct meas *meas_of(wf_bench *b, const char *s, size_t n, struct meas *spare)
{
	uint64_t h = 1469598103934665603ull;
	size_t i;

	if (n == 0 || n > 15) {
		classify(b, s, n, spare);
		spare->len = 0;
		return spare;
	}
	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	for (i = h & (MEAS_SLOTS - 1); b->meas[i].len; i = (i + 1) & (MEAS_SLOTS - 1))
		if (b->meas[i].len == n && memcmp(b->meas[i].s, s, n) == 0)
			return &b->meas[i];
	if (b->nmeas_slots >= MEAS_SLOTS / 2) {
		classify(b, s, n, spare);
		spare->len = 0;
		return spare;
	}
	b->nmeas_slots++;
	b->meas[i].len = (unsigned char)n;
	b->meas[i].noted = 0;
	memcpy(b->meas[i].s, s, n);
	classify(b, s, n, &b->meas[i]);
	return &b->meas[i];
}

static uint64_t dup_hash(const wf_bench *b, const struct dupent *e)
{
	const key *k = &b->recs[e->rec].k;
	uint64_t h = wf_bench_mix64((uint64_t)(unsigned)k->period, (uint64_t)(uintptr_t)k->inst);
	return wf_bench_mix64(h, ((uint64_t)e->contract << 8) | e->code);
}

/* 1 (err set) when this (period, institution, contract, measure) came
 * before: the same year read twice doubled every total with exit 0.
 * One global table: the facts that count are a few in a hundred. The
 * fact is e (its record, contract and measure set). */
static int repeated(wf_bench *b, const wf_row *r, struct dupent *e, char *err, size_t errsz)
{
	size_t cl = 0, j;
	const char *cs = b->ci_contract >= 0 ? field(r, b->ci_contract, &cl) : "";
	const key *k = &b->recs[e->rec].k;
	uint64_t h;

	if (!b->contracts)
		b->contracts = wf_map_new();
	e->contract = (uint32_t)*wf_map_islot(b->contracts, cs, cl,
					      (intptr_t)wf_map_count(b->contracts));
	h = dup_hash(b, e);
	for (j = (size_t)h & (b->dup_slots - 1); b->dup_slots && b->dup_slot[j];
	     j = (j + 1) & (b->dup_slots - 1)) {
		const struct dupent *o = &b->dup[b->dup_slot[j] - 1];
		const key *ok = &b->recs[o->rec].k;
		if (o->code == e->code && o->contract == e->contract &&
		    ok->period == k->period && ok->inst == k->inst)
			return fail(err, errsz, "duplicate of line %lu%s (same period, institution, "
				    "contract and measure; see --sum-duplicates)",
				    (unsigned long)o->line,
				    o->table == b->ntables ? "" : " of an earlier input");
	}
	if (b->dup_n == b->dup_cap) {
		b->dup_cap = b->dup_cap ? b->dup_cap * 2 : 1024;
		b->dup = wf_xrealloc(b->dup, b->dup_cap * sizeof *b->dup);
	}
	e->line = (uint32_t)r->line;
	e->table = b->ntables;
	b->dup[b->dup_n++] = *e;
	if (2 * b->dup_n > b->dup_slots) {
		free(b->dup_slot);
		b->dup_slots = b->dup_slots ? b->dup_slots * 2 : 2048;
		b->dup_slot = wf_xcalloc(b->dup_slots, sizeof *b->dup_slot);
		for (size_t i = 0; i < b->dup_n; i++) {
			for (j = (size_t)dup_hash(b, &b->dup[i]) & (b->dup_slots - 1); b->dup_slot[j];
			     j = (j + 1) & (b->dup_slots - 1))
				;
			b->dup_slot[j] = (uint32_t)(i + 1);
		}
	} else {
		b->dup_slot[j] = (uint32_t)b->dup_n;
	}
	return 0;
}

/* Room for one more record (and its denominator and HEADCOUNT). */
static void recs_reserve(wf_bench *b)
{
	if (b->nrecs < b->caprecs)
		return;
	b->caprecs = b->caprecs ? b->caprecs * 2 : 1024;
	b->recs = wf_xrealloc(b->recs, b->caprecs * sizeof *b->recs);
	if (b->nden)
		b->dens = wf_xrealloc(b->dens, b->caprecs * sizeof *b->dens);
	if (b->nclass)
		b->heads = wf_xrealloc(b->heads, b->caprecs * sizeof *b->heads);
}

static int fact_row(wf_bench *b, const wf_row *r, char *err, size_t errsz)
{
	size_t pl, il, ml, vl;
	const char *ps = field(r, b->ci_period, &pl), *is = field(r, b->ci_inst, &il);
	const char *ms = field(r, b->ci_measure, &ml), *vs = field(r, b->ci_value, &vl);
	const char *gv[MAX_GROUP];
	wf_dec v, metric, den, head;
	int period;
	key k;
	rec *rc;
	size_t ri;
	uint32_t *slot;
	struct meas spare, *m;

	if (parse_period(b, ps, pl, &period, err, errsz))
		return -1;
	if (b->codes && (b->pkind == 2 ? period / 12 : period) != b->sign_year)
		signs_for(b, b->pkind == 2 ? period / 12 : period);
	if (il == 0)
		return fail(err, errsz, "empty institution");
	if (ml == 0)
		return fail(err, errsz, "empty measure");
	if (parse_value(vs, vl, b->o.decimal, &v, err, errsz))
		return -1;
	k.period = period;
	k.inst = intern_col(b, 0, is, il);
	k.gv = intern_group(b, r, gv);

	/* rows of one record usually come together: skip the lookup */
	if (b->last_rec && key_eq(&b->recs[b->last_rec - 1].k, &k, b->ng)) {
		ri = b->last_rec - 1;
	} else {
		if (b->nrecs * 2 >= b->idx.cap)
			keyindex_grow(&b->idx, b->ng, b->recs, sizeof *b->recs);
		slot = wf_bench_keyfind(&b->idx, &k, b->ng, b->recs, sizeof *b->recs);
		if (!*slot) {
			/* 2^31 records would take some 200 GB before this */
			if (b->nrecs >= INT32_MAX) /* LCOV_EXCL_BR_LINE: see above */
				return fail(err, errsz, "more than %d institution periods", INT32_MAX); /* LCOV_EXCL_LINE: as above */
			recs_reserve(b);
			rc = &b->recs[b->nrecs];
			memset(rc, 0, sizeof *rc);
			rc->k = k;
			rc->k.gv = keep_gv(b, gv);
			if (b->nden)
				memset(&b->dens[b->nrecs], 0, sizeof *b->dens);
			if (b->nclass)
				memset(&b->heads[b->nrecs], 0, sizeof *b->heads);
			*slot = (uint32_t)++b->nrecs;
		}
		b->last_rec = *slot;
		ri = *slot - 1;
	}
	rc = &b->recs[ri];

	m = meas_of(b, ms, ml, &spare);
	if (!b->o.sum_duplicates && m->code) {
		struct dupent e = { (uint32_t)ri, 0, 0, 0, m->code };
		if (repeated(b, r, &e, err, errsz))
			return -1;
	}
	/* all sums or none: a row that overflows one leaves the record as it was */
	metric = rc->metric;
	if (m->metric >= 0) {
		term *t = &b->metric[m->metric];
		if (wf_dec_add(&metric, t->sign < 0 ? wf_dec_neg(v) : v))
			return fail(err, errsz, "sum of '%s' overflows", t->code);
		t->seen = 1;
	}
	if (m->den >= 0) {
		term *t = &b->den[m->den];
		den = b->dens[ri];
		if (wf_dec_add(&den, v))
			return fail(err, errsz, "sum of '%s' overflows", t->code);
		t->seen = 1;
	}
	if (m->head) {
		head = b->heads[ri];
		if (wf_dec_add(&head, v))
			return fail(err, errsz, "sum of 'HEADCOUNT' overflows");
	}
	rc->metric = metric;
	if (m->den >= 0) {
		b->dens[ri] = den;
		rc->has_den = 1;
	}
	if (m->head) {
		b->heads[ri] = head;
		rc->has_head = 1;
		b->head_seen = 1;
	}
	if (!rc->name && b->ci_name >= 0) {
		size_t nl;
		const char *ns = field(r, b->ci_name, &nl);
		if (nl)
			rc->name = wf_map_intern(b->strs, ns, nl);
	}
	if (!rc->kv && b->nk)
		rc->kv = keep_values(b, r);
	if (!b->synthetic && b->ci_prov >= 0) {
		size_t pvl;
		const char *pv = field(r, b->ci_prov, &pvl);
		for (size_t i = 0; i + 9 <= pvl && !b->synthetic; i++)
			b->synthetic = memcmp(pv + i, "SYNTHETIC", 9) == 0;
	}
	if (m->len && !m->noted) {
		m->noted = 1; /* a row of it was taken: a known measure */
		b->nmeas++;
	}
	return 0;
}

/* Value of key in "k=v;k=v" (NULL when absent); *n its length. */
static const char *prov_get(const char *p, const char *key, size_t *n)
{
	size_t kl = strlen(key);

	while (p && *p) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len > kl && memcmp(p, key, kl) == 0 && p[kl] == '=') {
			*n = len - kl - 1;
			return p + kl + 1;
		}
		p = end ? end + 1 : NULL;
	}
	*n = 0;
	return NULL;
}

/* A baseline made another way is not comparable: a since_baseline_pct
 * of -100 or a rank across other peer groups would be nonsense. Every
 * row must carry this run's definition; the first that does not stops
 * the run, naming each difference. */
static int check_baseline_prov(wf_bench *b, const wf_row *r, char *err, size_t errsz)
{
	static const char *const keys[] = { "metric", "per", "peers", "size_classes",
					    "min_peers", "codes", "data" };
	size_t pl, dl = 0;
	const char *pv = field(r, b->ci_prov, &pl);
	char diff[400] = "";

	if (b->bprov && strlen(b->bprov) == pl && memcmp(b->bprov, pv, pl) == 0)
		return 0;
	char *theirs = wf_xstrndup(pv, (unsigned long)pl);
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		size_t tn, on;
		const char *t = prov_get(theirs, keys[i], &tn), *o = prov_get(b->prov, keys[i], &on);
		if (tn == on && (!tn || memcmp(t, o, tn) == 0))
			continue;
		if (dl < sizeof diff)
			dl += (size_t)snprintf(diff + dl, sizeof diff - dl, "%s%s %.*s there, %.*s here",
					       dl ? "; " : "", keys[i], tn ? (int)tn : 6, tn ? t : "(none)",
					       on ? (int)on : 6, on ? o : "(none)");
	}
	free(theirs);
	if (!dl) {
		/* the same definition (perhaps written in another key order) */
		if (!b->bprov)
			b->bprov = wf_map_intern(b->strs, pv, pl);
		return 0;
	}
	return fail(err, errsz, "the baseline was made with another definition: %s", diff);
}

static int baseline_row(wf_bench *b, const wf_row *r, char *err, size_t errsz)
{
	size_t pl, il, vl, rl;
	const char *ps = field(r, b->ci_period, &pl), *is = field(r, b->ci_inst, &il);
	const char *vs = field(r, b->ci_value, &vl);
	const char *rs = field(r, b->ci_rank, &rl);
	const char *gv[MAX_GROUP];
	bentry e;
	wf_dec d;
	uint32_t *slot;

	memset(&e, 0, sizeof e);
	if (check_baseline_prov(b, r, err, errsz))
		return -1;
	if (b->bl_err[0])
		return fail(err, errsz, "%s", b->bl_err);
	/* the facts had rows (wf_bench_finish needs the metric), so their
	 * period kind is set and the baseline's must be the same */
	if (parse_period(b, ps, pl, &e.k.period, err, errsz))
		return -1;
	if (il == 0)
		return fail(err, errsz, "empty institution");
	if (vl) {
		if (parse_value(vs, vl, WF_DEC_POINT, &d, err, errsz))
			return -1;
		e.value = wf_dec_to_double(d);
		e.has_value = 1;
	}
	if (rl) {
		if (parse_value(rs, rl, WF_DEC_POINT, &d, err, errsz))
			return -1;
		e.rank = wf_dec_to_double(d);
		e.has_rank = 1;
	}
	e.k.inst = wf_map_intern(b->strs, is, il);
	e.k.gv = intern_group(b, r, gv);
	if (b->nbl * 2 >= b->blidx.cap)
		keyindex_grow(&b->blidx, b->ng, b->bl, sizeof *b->bl);
	slot = wf_bench_keyfind(&b->blidx, &e.k, b->ng, b->bl, sizeof *b->bl);
	if (*slot)
		return fail(err, errsz, "duplicate row for '%s' in the baseline", e.k.inst);
	/* 2^31 baseline rows would take some 100 GB before this */
	if (b->nbl >= INT32_MAX) /* LCOV_EXCL_BR_LINE: see above */
		return fail(err, errsz, "more than %d baseline rows", INT32_MAX); /* LCOV_EXCL_LINE: as above */
	if (b->nbl == b->capbl) {
		b->capbl = b->capbl ? b->capbl * 2 : 1024;
		b->bl = wf_xrealloc(b->bl, b->capbl * sizeof *b->bl);
	}
	e.k.gv = keep_gv(b, gv);
	b->bl[b->nbl] = e;
	*slot = (uint32_t)++b->nbl;
	return 0;
}

int wf_bench_row(wf_bench *b, const wf_row *r, char *err, size_t errsz)
{
	switch (b->kind) {
	case WF_BENCH_FACTS:
		if (b->finished)
			return fail(err, errsz, "facts after the end of the input");
		return fact_row(b, r, err, errsz);
	case WF_BENCH_BASELINE:
		return baseline_row(b, r, err, errsz);
	}
	return fail(err, errsz, "unknown table kind"); /* LCOV_EXCL_LINE: kind is one of the enum */
}

/* ---- computing ---- */

/* Tuples of group values are shared: equal values, one pointer. */
static int same_group(const rec *x, const rec *y)
{
	return x->k.period == y->k.period && x->sclass == y->sclass && x->k.gv == y->k.gv;
}

static double years_of(const wf_bench *b, int period)
{
	return b->pkind == 2 ? (double)period / 12.0 : (double)period;
}

/* Peers where most bodies spend nothing have a median and quartiles of
 * 0, which say nothing: the same statistics among spenders (value > 0)
 * do. vals holds the group's nv values sorted ascending; returns the
 * index of the first spender. */
static size_t spender_stats(const wf_bench *b, group *g, const double *vals, size_t nv)
{
	size_t z = 0, first;

	while (z < nv && vals[z] <= 0) {
		g->zeros += vals[z] == 0;
		z++;
	}
	first = z;
	g->spenders = nv - first;
	/* --min-peers holds for peer groups; summaries state every group */
	g->sp_small = g->spenders == 0 || (!b->o.summary && g->spenders < (size_t)b->min_peers);
	if (!g->sp_small) {
		g->sp_median = wf_stats_quantile_sorted(vals + first, g->spenders, 0.5);
		g->sp_p25 = wf_stats_quantile_sorted(vals + first, g->spenders, 0.25);
		g->sp_p75 = wf_stats_quantile_sorted(vals + first, g->spenders, 0.75);
	}
	return first;
}

/* --summary: the cost for every body below the group's median (p25) to
 * reach it. */
static void summary_gaps(const wf_bench *b, group *g, const size_t *ix, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		const rec *r = &b->recs[ix[k]];
		if (!r->has_value)
			continue;
		g->gap_med_eur += wf_bench_gap_eur(b, r, g->median);
		g->gap_p25_eur += wf_bench_gap_eur(b, r, g->p25);
	}
}

/* ix: the records in group order (period, group values, size class,
 * institution). */
static void compute_groups(wf_bench *b, const size_t *ix, double *vals, double *scratch)
{
	size_t i = 0;

	b->groups = wf_xcalloc(b->nrecs, sizeof *b->groups);
	b->ngroups = 0;
	while (i < b->nrecs) {
		size_t j = i, nv = 0;
		group *g = &b->groups[b->ngroups];
		while (j < b->nrecs && same_group(&b->recs[ix[i]], &b->recs[ix[j]]))
			j++;
		g->n = j - i;
		g->rep = ix[i];
		for (size_t k = i; k < j; k++) {
			rec *r = &b->recs[ix[k]];
			r->group = (uint32_t)b->ngroups;
			if (r->has_value)
				vals[nv++] = r->value;
			if (b->o.summary) {
				if (r->zero)
					g->zero++;
				if (!g->overflow && wf_dec_add(&g->metric_total, r->metric))
					g->overflow = 1;
				if (b->nden && r->has_value) {
					if (wf_dec_add(&g->metric_den, r->metric) ||
					    wf_dec_add(&g->den_total, b->dens[ix[k]]))
						g->overflow = 1;
				} else if (b->nden) {
					g->noden++;
				}
			}
		}
		g->nval = nv;
		if (b->o.summary) {
			if (nv) {
				g->mean = wf_stats_mean(vals, nv);
				wf_stats_sort(vals, nv);
				g->median = wf_stats_quantile_sorted(vals, nv, 0.5);
				g->p25 = wf_stats_quantile_sorted(vals, nv, 0.25);
				spender_stats(b, g, vals, nv);
				summary_gaps(b, g, ix + i, j - i);
			}
		} else if (nv < (size_t)b->min_peers) {
			g->small = 1;
			g->sp_small = 1;
		} else {
			size_t z;
			wf_stats_summarize(vals, nv, scratch, &g->st);
			z = spender_stats(b, g, vals, nv);
			for (size_t k = i; k < j; k++) {
				rec *r = &b->recs[ix[k]];
				if (!r->has_value)
					continue;
				r->rank = wf_stats_pct_rank_sorted(vals, nv, r->value);
				r->z = wf_stats_robust_z(r->value, g->st.median,
							 g->st.mad, g->st.meanad);
				r->has_rank = r->has_z = 1;
				if (!g->sp_small && r->value > 0) {
					r->sp_rank = wf_stats_pct_rank_sorted(vals + z, g->spenders, r->value);
					r->has_sp_rank = 1;
				}
			}
		}
		b->ngroups++;
		i = j;
	}
}

/* ix: the records in series order (institution, group values, period). */
static void compute_series(wf_bench *b, const size_t *ix, double *t, double *y)
{
	size_t i = 0;
	int step = b->pkind == 2 ? 12 : 1;

	b->ser = wf_xcalloc(b->nrecs, sizeof *b->ser);
	b->nser = 0;
	while (i < b->nrecs) {
		size_t j = i + 1, n = 0, back = i;
		series *s = &b->ser[b->nser];
		const rec *a = &b->recs[ix[i]];
		while (j < b->nrecs) {
			const rec *c = &b->recs[ix[j]];
			if (c->k.inst != a->k.inst || c->k.gv != a->k.gv)
				break;
			j++;
		}
		for (size_t k = i; k < j; k++) {
			rec *r = &b->recs[ix[k]];
			r->series = (uint32_t)b->nser;
			r->first = k == i;
			r->prev = -1;
			/* the comparison period is at most `step` records back */
			while (back < k && b->recs[ix[back]].k.period < r->k.period - step)
				back++;
			if (back < k && b->recs[ix[back]].k.period == r->k.period - step)
				r->prev = (int32_t)ix[back];
			if (r->has_value) {
				t[n] = years_of(b, r->k.period);
				y[n++] = r->value;
			}
		}
		s->has_cagr = 0;
		s->cagr_why = 0;
		if (b->pmin != b->pmax) {
			/* The growth rate of the span the facts cover, from its
			 * first period to its last: a body absent or spending
			 * nothing at either end has none, and a flag says why. */
			const rec *r0 = &b->recs[ix[i]], *r1 = &b->recs[ix[j - 1]];
			double te[2] = { years_of(b, b->pmin), years_of(b, b->pmax) };
			double ye[2] = { r0->has_value ? r0->value : 0, r1->has_value ? r1->value : 0 };
			if (r0->k.period != b->pmin || !r0->has_value)
				s->cagr_why = CAGR_NO_START;
			else if (r1->k.period != b->pmax || !r1->has_value)
				s->cagr_why = CAGR_NO_END;
			else
				s->cagr_why = (signed char)-wf_stats_cagr(te, ye, 2, &s->cagr);
			s->has_cagr = s->cagr_why == 0;
		}
		s->has_slope = wf_stats_slope(t, y, n, &s->slope) == 0;
		b->nser++;
		i = j;
	}
}

/* Edit distance, case-insensitive (codes are short: at most 15). */
static size_t edit_distance(const char *a, size_t n, const char *b, size_t m)
{
	size_t row[17], prev, tmp;

	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		prev = row[0];
		row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t best = prev + ((a[i - 1] | 32) != (b[j - 1] | 32));
			tmp = row[j];
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = tmp;
		}
	}
	return row[m];
}

static int cmp_meas(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* "measure 'L09' of --metric does not appear in the input (nearest
 * known: L090, L091)": the known codes at the least edit distance, at
 * most five, in code order. */
static int missing_measure(const wf_bench *b, const char *code, const char *opt,
			   char *err, size_t errsz)
{
	const char *pick[MEAS_SLOTS];
	char names[MEAS_SLOTS][16];
	size_t np = 0, best = (size_t)-1, cl = strlen(code), len = 0;
	char list[200] = "";

	for (size_t i = 0; i < MEAS_SLOTS && cl <= 15; i++) {
		size_t d;
		if (!b->meas[i].len || !b->meas[i].noted)
			continue;
		d = edit_distance(code, cl, b->meas[i].s, b->meas[i].len);
		/* only near misses: a typo, not any code of the input */
		if (d > best || (d > 2 && d * 3 > cl))
			continue;
		if (d < best) {
			best = d;
			np = 0;
		}
		memcpy(names[np], b->meas[i].s, b->meas[i].len);
		names[np][b->meas[i].len] = '\0';
		pick[np] = names[np];
		np++;
	}
	qsort(pick, np, sizeof *pick, cmp_meas);
	for (size_t i = 0; i < np && i < 5; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "", pick[i]);
	if (!np)
		return fail(err, errsz, "measure '%s' of %s does not appear in the input", code, opt);
	return fail(err, errsz, "measure '%s' of %s does not appear in the input (nearest known: %s)",
		    code, opt, list);
}

/* How this output was made, in one cell of every row ("k=v;k=v"): it
 * survives CSV, NDJSON and wf-report, and --baseline compares it. */
static int cmp_year(const void *a, const void *b)
{
	return wf_bench_cmp_int(*(const int *)a, *(const int *)b);
}

static size_t put_terms(char *p, size_t room, const term *t, size_t n)
{
	size_t l = 0;
	for (size_t i = 0; i < n; i++)
		l += (size_t)snprintf(p + l, room - l, "%s%s", i ? "+" : "", t[i].code);
	return l;
}

static void build_prov(wf_bench *b)
{
	size_t room = 512 + MAX_CODE_YEARS * 5, l = 0;
	char *p;
	int years[MAX_CODE_YEARS];

	/* room for everything, so no snprintf below is ever cut */
	for (size_t i = 0; i < b->nmetric; i++)
		room += strlen(b->metric[i].code) + 1;
	for (size_t i = 0; i < b->nden; i++)
		room += strlen(b->den[i].code) + 1;
	for (size_t i = 0; i < b->ng; i++)
		room += strlen(b->gcol[i]) + 1;
	room += b->o.size_classes ? strlen(b->o.size_classes) : 0;
	p = wf_xmalloc(room);

	l += (size_t)snprintf(p + l, room - l, "metric=");
	l += put_terms(p + l, room - l, b->metric, b->nmetric);
	l += (size_t)snprintf(p + l, room - l, ";per=");
	l += put_terms(p + l, room - l, b->den, b->nden);
	l += (size_t)snprintf(p + l, room - l, ";%s=", b->o.summary ? "by" : "peers");
	for (size_t i = 0; i < b->ng; i++)
		l += (size_t)snprintf(p + l, room - l, "%s%s", i ? "," : "", b->gcol[i]);
	l += (size_t)snprintf(p + l, room - l, ";size_classes=%s;min_peers=%d;codes=",
			      b->o.size_classes ? b->o.size_classes : "", b->min_peers);
	memcpy(years, b->code_years, b->ncode_years * sizeof *years);
	qsort(years, b->ncode_years, sizeof *years, cmp_year);
	for (size_t i = 0; i < b->ncode_years; i++)
		l += (size_t)snprintf(p + l, room - l, "%s%d", i ? "," : "", years[i]);
	if (b->codes && !b->ncode_years)
		l += (size_t)snprintf(p + l, room - l, "undated");
	if (b->synthetic)
		snprintf(p + l, room - l, ";data=SYNTHETIC");
	free(b->prov);
	b->prov = p;
}

int wf_bench_finish(wf_bench *b, char *err, size_t errsz)
{
	static const enum wf_bench_field group_order[] = { WF_BF_PERIOD, WF_BF_GV, WF_BF_CLASS,
							   WF_BF_INST };
	static const enum wf_bench_field series_order[] = { WF_BF_INST, WF_BF_GV, WF_BF_PERIOD };
	static const enum wf_bench_field out_order[] = { WF_BF_PERIOD, WF_BF_INST, WF_BF_GV };
	size_t *ix = NULL;
	double *v1 = NULL, *v2 = NULL;
	size_t n = b->nrecs ? b->nrecs : 1;
	wf_bench_ranks rk;

	if (b->finished)
		return 0;
	if (b->codes_missing[0])
		return fail(err, errsz, "%s", b->codes_missing);
	for (size_t i = 0; i < b->nmetric; i++)
		if (!b->metric[i].seen)
			return missing_measure(b, b->metric[i].code, "--metric", err, errsz);
	for (size_t i = 0; i < b->nden; i++)
		if (!b->den[i].seen)
			return missing_measure(b, b->den[i].code, "--per", err, errsz);
	if (b->nclass && !b->head_seen)
		return fail(err, errsz, "measure 'HEADCOUNT' of --size-classes does not appear in the input");
	build_prov(b);
	for (size_t i = 0; i < b->nrecs; i++) {
		if (!i || b->recs[i].k.period < b->pmin)
			b->pmin = b->recs[i].k.period;
		if (!i || b->recs[i].k.period > b->pmax)
			b->pmax = b->recs[i].k.period;
	}

	for (size_t i = 0; i < b->nrecs; i++) {
		rec *r = &b->recs[i];
		r->zero = wf_dec_sign(r->metric) == 0;
		r->sclass = b->nclass ? (int)size_class_of(b, r) : -1;
		if (!b->nden) {
			r->value = wf_dec_to_double(r->metric) * b->o.scale;
			r->has_value = 1;
		} else if (r->has_den && wf_dec_sign(b->dens[i]) > 0) {
			r->value = wf_dec_to_double(r->metric) / wf_dec_to_double(b->dens[i]) * b->o.scale;
			r->has_value = 1;
		}
	}
	/* No more fact rows: the lookup index and the repeat check go, and
	 * the records lose their slack, before the arrays come (4 + 10 + 7
	 * MB of the peak at 10 M facts). */
	free(b->idx.slot);
	memset(&b->idx, 0, sizeof b->idx);
	b->last_rec = 0;
	free(b->dup);
	free(b->dup_slot);
	b->dup = NULL;
	b->dup_slot = NULL;
	b->dup_n = b->dup_cap = b->dup_slots = 0;
	if (b->nrecs && b->nrecs < b->caprecs) {
		b->caprecs = b->nrecs;
		b->recs = wf_xrealloc(b->recs, b->caprecs * sizeof *b->recs);
		if (b->nden)
			b->dens = wf_xrealloc(b->dens, b->caprecs * sizeof *b->dens);
		if (b->nclass)
			b->heads = wf_xrealloc(b->heads, b->caprecs * sizeof *b->heads);
	}
	wf_bench_ranks_make(b, &rk);
	ix = wf_xmalloc(n * sizeof *ix);
	wf_bench_order(b, &rk, group_order, 4, ix);
	v1 = wf_xmalloc(n * sizeof *v1);
	v2 = wf_xmalloc(n * sizeof *v2);
	compute_groups(b, ix, v1, v2);
	if (!b->o.summary) {
		wf_bench_order(b, &rk, series_order, 3, ix);
		compute_series(b, ix, v1, v2);
	}
	free(v1);
	free(v2);
	wf_bench_order(b, &rk, out_order, 3, ix);
	wf_bench_ranks_free(&rk);
	b->order = ix;
	b->finished = 1;
	return 0;
}

/* ---- whole tables ---- */

int wf_bench_reject(wf_rejects *rejects, const char *name, const wf_row *row,
		    const char *reason, unsigned long *rejected)
{
	if (!rejects)
		return wf_warn_at(name, row->line, "%s", reason);
	/* a failed rejects file is reported when it is closed */
	if (wf_rejects_add(rejects, name, row->line, reason, row->raw, row->rawlen) ==
	    WF_REJECTS_STOP)
		return -1;
	(*rejected)++;
	return 0;
}

/* Progress from the thread that reads ahead (wf_rowpipe). */
static void pipe_tick(void *ctx, wf_reader *r, unsigned long rows)
{
	const wf_bench *b = ctx;
	b->progress(b->progress_ctx, r, rows, 0);
}

int wf_bench_read(wf_bench *b, enum wf_bench_input kind, wf_reader *r,
		  wf_rejects *rejects, unsigned long *rows, unsigned long *rejected)
{
	const char *name = wf_reader_name(r);
	char err[512];
	wf_row row;
	int st, rc = -1;
	wf_rowpipe *pipe = NULL;

	if (wf_bench_table(b, kind, wf_reader_header(r), err, sizeof err))
		return wf_warn_at(name, 0, "%s", err);
	/* Reading and parsing CSV was a third of wf-benchmark on one core;
	 * in a second thread it overlaps the engine's work on the rows,
	 * which come in the same order with the same lines and reasons. */
	if (b->o.threads > 1)
		pipe = wf_rowpipe_new(r, *rows, b->progress ? pipe_tick : NULL, b);
	while ((st = pipe ? wf_rowpipe_next(pipe, &row) : wf_reader_next(r, &row)) != WF_ROW_EOF) {
		const char *reason = pipe ? wf_rowpipe_reason(pipe) : NULL;
		if (st == WF_ROW_FATAL) {
			wf_warn_at(name, 0, "%s", pipe ? reason : wf_reader_reason(r));
			goto out;
		}
		if ((++*rows & 0xffff) == 0 && b->progress && !pipe)
			b->progress(b->progress_ctx, r, *rows, 0);
		if (st == WF_ROW_BAD) {
			if (wf_bench_reject(rejects, name, &row, pipe ? reason : wf_reader_reason(r),
					    rejected))
				goto out;
		} else if (wf_bench_row(b, &row, err, sizeof err)) {
			if (wf_bench_reject(rejects, name, &row, err, rejected))
				goto out;
		}
	}
	rc = 0;
out:
	wf_rowpipe_free(pipe); /* r is ours again */
	if (!rc && b->progress)
		b->progress(b->progress_ctx, r, *rows, 1);
	return rc;
}

void wf_bench_set_progress(wf_bench *b, wf_bench_progress_fn fn, void *ctx)
{
	b->progress = fn;
	b->progress_ctx = ctx;
}

/* ---- the code list ---- */

int wf_bench_set_codes(wf_bench *b, wf_codes *codes, char *err, size_t errsz)
{
	size_t nl = wf_codes_nlists(codes);

	if (b->nrecs)
		return fail(err, errsz, "code list after the facts");
	/* Every year's lists must sign every item of the metric. An
	 * unreadable sign stops now; an item a list lacks is reported by
	 * wf_bench_finish(), where it always was (wf_profile drops such
	 * an indicator there instead of stopping). */
	b->codes_missing[0] = '\0';
	b->ncode_years = 0;
	for (size_t l = 0; l < nl; l++) {
		int year = wf_codes_list_year(codes, l);
		if (year && b->ncode_years < MAX_CODE_YEARS)
			b->code_years[b->ncode_years++] = year; /* for the provenance */
		wf_codes_select_year(codes, year);
		for (size_t i = 0; i < b->nmetric; i++) {
			const char *code = b->metric[i].code, *why;
			char item[16];
			/* Only cost items (L090) are in VoceSpesa; HEADCOUNT_WOMEN,
			 * TELEWORK, FUA_U02S... have no sign to look up and count
			 * as they are. */
			if (wf_conto_item_code(code, strlen(code), item) != 0 || strcmp(item, code) != 0)
				continue;
			if (wf_codes_item_sign(codes, code))
				continue;
			if ((why = wf_codes_item_problem(codes, code)))
				return fail(err, errsz, "%s", why);
			if (b->codes_missing[0])
				continue;
			if (nl > 1)
				snprintf(b->codes_missing, sizeof b->codes_missing,
					 "measure '%s' of --metric is not in the code list of %d", code, year);
			else
				snprintf(b->codes_missing, sizeof b->codes_missing,
					 "measure '%s' of --metric is not in the code list", code);
		}
	}
	b->codes = codes;
	b->sign_year = -1;
	return 0;
}

/* ---- after finishing ---- */

/* The option that fills a column of the canonical stream. */
static const char *filled_by(const char *col)
{
	static const char *const codes[] = { "aggregate", "comparto", "institution_type" };
	static const char *const places[] = { "region", "province", "comune" };

	for (size_t i = 0; i < 3; i++)
		if (strcmp(col, codes[i]) == 0)
			return "wf-ingest --codes fills it";
	for (size_t i = 0; i < 3; i++)
		if (strcmp(col, places[i]) == 0)
			return "wf-ingest --codes and --places fill it";
	return NULL;
}

int wf_bench_warn_empty_groups(const wf_bench *b)
{
	int n = 0;

	if (!b->finished || !b->nrecs)
		return 0;
	for (size_t g = 0; g < b->ng; g++) {
		size_t i = 0;
		const char *hint = filled_by(b->gcol[g]);
		while (i < b->nrecs && !*b->recs[i].k.gv[g])
			i++;
		if (i < b->nrecs)
			continue;
		/* one group with an empty key looks like an answer; it is not */
		wf_warn("column '%s' of %s is empty on every row: %s%s%s%s", b->gcol[g],
			b->o.summary ? "--by" : "--peers",
			b->o.summary ? "one group holds everything" : "every body is in one peer group",
			hint ? " (" : "", hint ? hint : "", hint ? ")" : "");
		n++;
	}
	return n;
}
