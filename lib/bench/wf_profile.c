#include "wf_profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_bench.h"
#include "wf_err.h"
#include "wf_indicators.h"

struct engine {
	const wf_indicator *ind;
	wf_bench *b;
	char *why;         /* dropped: the reason; else NULL */
	/* output column indexes in this engine's rows, -1 absent */
	int c_metric, c_den, c_value, c_peers, c_med, c_p25, c_p75, c_min, c_max, c_rank,
	    c_flags;
};

struct wf_profile {
	struct engine *e;
	size_t ne;
	size_t nkey;      /* leading key columns of every engine's rows */
	wf_bench_progress_fn progress;
	void *progress_ctx;
};

wf_profile *wf_profile_new(const wf_profile_opts *o, char *err, size_t errsz)
{
	wf_profile *p = wf_xcalloc(1, sizeof *p);

	p->e = wf_xcalloc(wf_indicator_count(), sizeof *p->e);
	for (size_t i = 0; i < wf_indicator_count(); i++) {
		const wf_indicator *ind = wf_indicator_at(i);
		wf_bench_opts bo = { 0 };

		if (!ind->profile)
			continue;
		bo.metric = ind->metric;
		bo.per = ind->per;
		bo.scale = ind->scale;
		bo.keep = ""; /* profile rows are keyed as documented: no pass-through */
		bo.period_col = o->period_col;
		bo.group = o->group;
		bo.size_classes = o->size_classes;
		bo.min_peers = o->min_peers;
		bo.decimal = o->decimal;
		if (!(p->e[p->ne].b = wf_bench_new(&bo, err, errsz))) {
			wf_profile_free(p);
			return NULL;
		}
		p->e[p->ne++].ind = ind;
	}
	return p;
}

void wf_profile_free(wf_profile *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->ne; i++) {
		wf_bench_free(p->e[i].b);
		free(p->e[i].why);
	}
	free(p->e);
	free(p);
}

int wf_profile_set_codes(wf_profile *p, wf_codes *codes, char *err, size_t errsz)
{
	for (size_t i = 0; i < p->ne; i++)
		if (wf_bench_set_codes(p->e[i].b, codes, err, errsz) != 0)
			return -1;
	return 0;
}

int wf_profile_read(wf_profile *p, wf_reader *r, wf_rejects *rejects,
		    unsigned long *rows, unsigned long *rejected)
{
	const char *name = wf_reader_name(r);
	char err[512];
	wf_row row;
	int st;

	for (size_t i = 0; i < p->ne; i++)
		if (wf_bench_table(p->e[i].b, WF_BENCH_FACTS, wf_reader_header(r), err, sizeof err))
			return wf_warn_at(name, 0, "%s", err);
	while ((st = wf_reader_next(r, &row)) != WF_ROW_EOF) {
		const char *why = NULL;

		if (st == WF_ROW_FATAL)
			return wf_warn_at(name, 0, "%s", wf_reader_reason(r));
		if ((++*rows & 0xffff) == 0 && p->progress)
			p->progress(p->progress_ctx, r, *rows, 0);
		if (st == WF_ROW_BAD)
			why = wf_reader_reason(r);
		/* Every engine checks the same columns the same way, so a
		 * row is refused once for all; each engine still sees every
		 * good row, so all hold the same records (wf_profile_write). */
		for (size_t i = 0; i < p->ne && st == WF_ROW_OK; i++) {
			char e2[512];
			if (wf_bench_row(p->e[i].b, &row, why ? e2 : err, sizeof err) && !why)
				why = err;
		}
		if (why && wf_bench_reject(rejects, name, &row, why, rejected))
			return -1;
	}
	if (p->progress)
		p->progress(p->progress_ctx, r, *rows, 1);
	return 0;
}

void wf_profile_set_progress(wf_profile *p, wf_bench_progress_fn fn, void *ctx)
{
	p->progress = fn;
	p->progress_ctx = ctx;
}

static int colidx(const char *const *names, size_t n, const char *want)
{
	for (size_t i = 0; i < n; i++) /* LCOV_EXCL_BR_LINE: every name asked for is a column */
		if (strcmp(names[i], want) == 0)
			return (int)i;
	return -1; /* LCOV_EXCL_LINE: as above */
}

int wf_profile_finish(wf_profile *p, char *err, size_t errsz)
{
	size_t live = 0;
	char first[512] = "";

	for (size_t i = 0; i < p->ne; i++) {
		struct engine *e = &p->e[i];
		const char *const *names;
		const enum wf_colkind *kinds;
		size_t n;

		if (wf_bench_finish(e->b, err, errsz) != 0) {
			e->why = wf_xstrdup(err);
			if (!first[0])
				snprintf(first, sizeof first, "%s", err);
			continue;
		}
		n = wf_bench_columns(e->b, &names, &kinds);
		e->c_metric = colidx(names, n, "metric");
		e->c_den = colidx(names, n, "denominator");
		e->c_value = colidx(names, n, "per_employee");
		e->c_peers = colidx(names, n, "peers");
		e->c_med = colidx(names, n, "peer_median");
		e->c_p25 = colidx(names, n, "peer_p25");
		e->c_p75 = colidx(names, n, "peer_p75");
		e->c_min = colidx(names, n, "peer_min");
		e->c_max = colidx(names, n, "peer_max");
		e->c_rank = colidx(names, n, "pct_rank");
		e->c_flags = colidx(names, n, "flags");
		/* Every profile indicator has a denominator (per_employee) and
		 * every engine a metric column (wf_indicators.c): kept for an
		 * indicator added without. */
		if (e->c_value < 0) /* LCOV_EXCL_BR_LINE: see above */
			e->c_value = e->c_metric; /* LCOV_EXCL_LINE: see above */
		if (e->c_metric < 0) { /* LCOV_EXCL_BR_LINE: see above */
			/* LCOV_EXCL_START: see above */
			e->why = wf_xstrdup("unexpected wf-benchmark columns");
			continue;
			/* LCOV_EXCL_STOP */
		}
		p->nkey = (size_t)e->c_metric; /* key columns come first */
		live++;
	}
	if (!live)
		return snprintf(err, errsz, "no indicator of the profile can be computed (%s)",
				first), -1;
	return 0;
}

size_t wf_profile_ndropped(const wf_profile *p)
{
	size_t n = 0;
	for (size_t i = 0; i < p->ne; i++)
		n += p->e[i].why != NULL;
	return n;
}

const char *wf_profile_dropped(const wf_profile *p, size_t k, const char **why)
{
	for (size_t i = 0; i < p->ne; i++)
		if (p->e[i].why && k-- == 0) {
			*why = p->e[i].why;
			return p->e[i].ind->name;
		}
	*why = NULL;
	return NULL;
}

enum { OUT_EXTRA = 16 };

struct emit_ctx {
	wf_profile *p;
	struct engine *e;
	wf_tw *w;
	const char **vals;
};

/* rank is the engine's own pct_rank cell ("%.2f" or empty), so strtod
 * reads all of it. */
static const char *quartile_of(const char *rank)
{
	double r;

	if (!rank || !*rank) /* LCOV_EXCL_BR_LINE: rank is never NULL (at), only empty */
		return NULL;
	r = strtod(rank, NULL);
	return r <= 25 ? "1" : r <= 50 ? "2" : r <= 75 ? "3" : "4";
}

/* An engine's cell, NULL for a column it lacks. */
static const char *at(const char *const *vals, int c)
{
	return c >= 0 ? vals[c] : NULL; /* LCOV_EXCL_BR_LINE: every column is found (colidx) */
}

static int emit_one(void *ctx, const char *const *vals)
{
	struct emit_ctx *x = ctx;
	struct engine *e = x->e;
	size_t k = x->p->nkey;
	const char **o = x->vals;

#define AT(c) at(vals, c)
	for (size_t i = 0; i < k; i++)
		o[i] = vals[i];
	o[k++] = e->ind->name;
	o[k++] = e->ind->unit;
	o[k++] = AT(e->c_metric);
	o[k++] = AT(e->c_den);
	o[k++] = AT(e->c_value);
	o[k++] = AT(e->c_peers);
	o[k++] = AT(e->c_med);
	o[k++] = AT(e->c_p25);
	o[k++] = AT(e->c_p75);
	o[k++] = AT(e->c_min);
	o[k++] = AT(e->c_max);
	o[k++] = AT(e->c_rank);
	o[k++] = quartile_of(AT(e->c_rank));
	o[k++] = AT(e->c_flags);
#undef AT
	return wf_tw_row(x->w, o, NULL) ? -1 : 0;
}

int wf_profile_write(wf_profile *p, wf_out *out, enum wf_format fmt, int excel_safe)
{
	static const char *const extra[] = {
		"indicator", "unit", "metric", "denominator", "value", "peers", "peer_median",
		"peer_p25", "peer_p75", "peer_min", "peer_max", "pct_rank", "quartile", "flags"
	};
	static const enum wf_colkind ekind[] = {
		WF_COL_STR, WF_COL_STR, WF_COL_NUM, WF_COL_NUM, WF_COL_NUM, WF_COL_NUM,
		WF_COL_NUM, WF_COL_NUM, WF_COL_NUM, WF_COL_NUM, WF_COL_NUM, WF_COL_NUM,
		WF_COL_NUM, WF_COL_STR
	};
	const size_t nextra = sizeof extra / sizeof *extra;
	struct engine *first = NULL;
	const char *const *names;
	const enum wf_colkind *kinds;
	const char **cn = NULL;
	enum wf_colkind *ck = NULL;
	struct emit_ctx x = { p, NULL, NULL, NULL };
	size_t nrows, n;
	int rc = 0;

	for (size_t i = 0; i < p->ne && !first; i++)
		if (!p->e[i].why)
			first = &p->e[i];
	if (!first) /* LCOV_EXCL_BR_LINE: wf_profile_finish failed, and callers stop there */
		return -1; /* LCOV_EXCL_LINE: as above */
	wf_bench_columns(first->b, &names, &kinds);
	n = p->nkey + nextra;
	cn = wf_xcalloc(n, sizeof *cn);
	ck = wf_xcalloc(n, sizeof *ck);
	for (size_t i = 0; i < p->nkey; i++)
		cn[i] = names[i], ck[i] = kinds[i];
	for (size_t i = 0; i < nextra; i++)
		cn[p->nkey + i] = extra[i], ck[p->nkey + i] = ekind[i];
	x.w = wf_tw_new(out, fmt, n, cn, ck);
	x.vals = wf_xcalloc(n, sizeof *x.vals);
	wf_tw_set_excel_safe(x.w, excel_safe);
	/* Every engine saw the same rows, so each holds the same records in
	 * the same order: row i of one is row i of all. */
	nrows = wf_bench_nrows(first->b);
	for (size_t r = 0; r < nrows && !rc; r++)
		for (size_t i = 0; i < p->ne && !rc; i++) {
			x.e = &p->e[i];
			if (!x.e->why)
				rc = wf_bench_emit_one(x.e->b, r, emit_one, &x);
		}
	wf_tw_free(x.w);
	free(x.vals);
	free(cn);
	free(ck);
	return rc || wf_out_failed(out) ? -1 : 0;
}
