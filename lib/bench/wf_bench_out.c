/* wf_bench_out.c - wf-benchmark's output: its columns (which depend on the
 * options and on a baseline), one row per record or group, and the
 * table writer over them. */

#include "wf_bench_priv.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"
#include "wf_vocab.h"

static void add_col(wf_bench *b, const char *name, enum wf_colkind k)
{
	b->colnames[b->ncols] = name;
	b->colkinds[b->ncols++] = k;
}

size_t wf_bench_columns(const wf_bench *cb, const char *const **names,
			const enum wf_colkind **kinds)
{
	wf_bench *b = (wf_bench *)cb; /* the column list is a cache */
	static const char *const bench_cols[] = {
		"peers", "peer_mean", "peer_median", "peer_p25", "peer_p75",
		"peer_p90", "peer_min", "peer_max", "pct_rank", "robust_z",
		"gap_median", "gap_median_pct", "gap_to_median_eur", "gap_to_p25_eur",
		"zero_share_pct", "spenders", "spender_median", "spender_p25",
		"spender_p75", "spender_pct_rank", "change", "change_pct",
		"cagr_pct", "slope"
	};
	static const char *const base_cols[] = {
		"baseline_period", "baseline_value", "since_baseline",
		"since_baseline_pct", "since_baseline_rank"
	};

	/* The period has its vocabulary type (year: a number), the
	 * baseline's period the same (wfkit(7), COLUMNS). */
	enum wf_colkind pk = wf_vocab_kind(b->period_col, WF_COL_STR);

	b->ncols = 0;
	add_col(b, b->period_col, pk);
	if (!b->o.summary) {
		add_col(b, "institution", WF_COL_STR);
		if (b->have_name)
			add_col(b, "institution_name", WF_COL_STR);
		for (size_t i = 0; i < b->nk; i++)
			add_col(b, b->kcol[i], WF_COL_STR);
	}
	for (size_t i = 0; i < b->ng; i++)
		add_col(b, b->gcol[i], WF_COL_STR);
	if (b->nclass)
		add_col(b, "size_class", WF_COL_STR);
	if (b->o.summary) {
		add_col(b, "institutions", WF_COL_NUM);
		add_col(b, "metric_total", WF_COL_NUM);
		if (b->nden) {
			add_col(b, "denominator_total", WF_COL_NUM);
			add_col(b, "no_denominator", WF_COL_NUM);
			add_col(b, "ratio_of_totals", WF_COL_NUM);
		}
		add_col(b, "mean", WF_COL_NUM);
		add_col(b, "median", WF_COL_NUM);
		add_col(b, "zero_share_pct", WF_COL_NUM);
		add_col(b, "spenders", WF_COL_NUM);
		add_col(b, "spender_median", WF_COL_NUM);
		add_col(b, "gap_to_median_eur", WF_COL_NUM);
		add_col(b, "gap_to_p25_eur", WF_COL_NUM);
	} else {
		add_col(b, "metric", WF_COL_NUM);
		if (b->nden) {
			add_col(b, "denominator", WF_COL_NUM);
			add_col(b, "per_employee", WF_COL_NUM);
		}
		for (size_t i = 0; i < sizeof bench_cols / sizeof *bench_cols; i++)
			add_col(b, bench_cols[i], WF_COL_NUM);
		if (b->have_baseline) {
			add_col(b, base_cols[0], pk);
			for (size_t i = 1; i < sizeof base_cols / sizeof *base_cols; i++)
				add_col(b, base_cols[i], WF_COL_NUM);
		}
		add_col(b, "flags", WF_COL_STR);
	}
	add_col(b, "provenance", WF_COL_STR);
	if (names)
		*names = b->colnames;
	if (kinds)
		*kinds = b->colkinds;
	return b->ncols;
}

size_t wf_bench_nrows(const wf_bench *b)
{
	if (!b->finished)
		return 0;
	return b->o.summary ? b->ngroups : b->nrecs;
}

/* One output row's text: fixed-size cells, no allocation per row. */
typedef struct cells {
	const char *v[MAX_COLS];
	char buf[MAX_COLS][64];
	size_t n, nkey; /* cells so far; of them, the row's key */
	int big;        /* first cell whose statistic is past WF_BENCH_EXACT, or -1 */
	double big_x;
} cells;

static void put_str(cells *c, const char *s)
{
	c->v[c->n++] = s;
}

static void put_none(cells *c)
{
	c->v[c->n++] = NULL;
}

static void put_dec(cells *c, wf_dec d)
{
	wf_dec_format(d, c->buf[c->n]);
	c->v[c->n] = c->buf[c->n];
	c->n++;
}

static void put_size(cells *c, size_t n)
{
	snprintf(c->buf[c->n], sizeof c->buf[0], "%zu", n);
	c->v[c->n] = c->buf[c->n];
	c->n++;
}

/* Every statistic: 2 decimals, never "-0.00", nothing for inf/nan.
 * Past WF_BENCH_EXACT the row is refused (see check_row), never
 * printed with digits the double does not hold. */
static void put_num(cells *c, double x)
{
	char *p = c->buf[c->n];
	if (!isfinite(x)) {
		put_none(c);
		return;
	}
	if (fabs(x) >= WF_BENCH_EXACT) {
		if (c->big < 0) {
			c->big = (int)c->n;
			c->big_x = x;
		}
		put_none(c);
		return;
	}
	wf_stats_fmt2(x, p, sizeof c->buf[0]);
	if (strcmp(p, "-0.00") == 0)
		strcpy(p, "0.00");
	c->v[c->n] = p;
	c->n++;
}

static void put_opt(cells *c, int has, double x)
{
	if (has)
		put_num(c, x);
	else
		put_none(c);
}

static void put_period(const wf_bench *b, cells *c, int period)
{
	if (b->pkind == 2)
		snprintf(c->buf[c->n], sizeof c->buf[0], "%04d-%02d", period / 12,
			 period % 12 + 1);
	else
		snprintf(c->buf[c->n], sizeof c->buf[0], "%04d", period);
	c->v[c->n] = c->buf[c->n];
	c->n++;
}

static void put_key(const wf_bench *b, cells *c, const rec *r)
{
	put_period(b, c, r->k.period);
	if (!b->o.summary) {
		put_str(c, r->k.inst);
		if (b->have_name)
			put_str(c, r->name ? r->name : "");
		for (size_t i = 0; i < b->nk; i++)
			put_str(c, r->kv ? r->kv[i] : "");
	}
	for (size_t i = 0; i < b->ng; i++)
		put_str(c, r->k.gv[i]);
	if (b->nclass)
		put_str(c, r->sclass >= 0 ? b->class_label[r->sclass] : "");
}

/* 100 (x - ref) / |ref|, undefined for ref 0 */
static void put_pct(cells *c, int has, double x, double ref)
{
	put_opt(c, has && ref != 0, 100.0 * (x - ref) / fabs(ref));
}

/* The baseline row of the same institution and groups at the latest
 * period not after this one. */
static const bentry *baseline_for(wf_bench *b, const rec *r)
{
	key k = r->k;
	size_t lo = 0, hi = b->nbperiods;

	while (lo < hi) { /* first baseline period > r's */
		size_t mid = (lo + hi) / 2;
		if (b->bperiods[mid] <= r->k.period)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo-- > 0) {
		uint32_t *slot;
		k.period = b->bperiods[lo];
		slot = wf_bench_keyfind(&b->blidx, &k, b->ng, b->bl, sizeof *b->bl);
		if (slot && *slot)
			return &b->bl[*slot - 1];
	}
	return NULL;
}

static int cmp_plain_int(const void *a, const void *b)
{
	return wf_bench_cmp_int(*(const int *)a, *(const int *)b);
}

static void baseline_periods(wf_bench *b)
{
	size_t n = 0;
	free(b->bperiods);
	b->bperiods = wf_xmalloc(b->nbl * sizeof *b->bperiods);
	for (size_t i = 0; i < b->nbl; i++)
		b->bperiods[i] = b->bl[i].k.period;
	qsort(b->bperiods, b->nbl, sizeof *b->bperiods, cmp_plain_int);
	for (size_t i = 0; i < b->nbl; i++)
		if (!n || b->bperiods[n - 1] != b->bperiods[i])
			b->bperiods[n++] = b->bperiods[i];
	b->nbperiods = n;
}

static void row_bench(wf_bench *b, cells *c, const rec *r)
{
	const group *g = &b->groups[r->group];
	const series *s = &b->ser[r->series];
	const rec *p = r->prev >= 0 ? &b->recs[r->prev] : NULL;
	int stats = !g->small, hp = p && p->has_value && r->has_value, changed = 0;
	char *flags;
	size_t fl = 0;

	put_dec(c, r->metric);
	if (b->nden) {
		if (r->has_den)
			put_dec(c, b->dens[r - b->recs]);
		else
			put_none(c);
		put_opt(c, r->has_value, r->value);
	}
	put_size(c, g->nval);
	put_opt(c, stats, g->st.mean);
	put_opt(c, stats, g->st.median);
	put_opt(c, stats, g->st.p25);
	put_opt(c, stats, g->st.p75);
	put_opt(c, stats, g->st.p90);
	put_opt(c, stats, g->st.min);
	put_opt(c, stats, g->st.max);
	put_opt(c, r->has_rank, r->rank);
	put_opt(c, r->has_z, r->z);
	put_opt(c, stats && r->has_value, r->value - g->st.median);
	put_pct(c, stats && r->has_value, r->value, g->st.median);
	put_opt(c, stats && r->has_value, stats ? wf_bench_gap_eur(b, r, g->st.median) : 0);
	put_opt(c, stats && r->has_value, stats ? wf_bench_gap_eur(b, r, g->st.p25) : 0);
	put_opt(c, stats, g->nval ? 100.0 * (double)g->zeros / (double)g->nval : 0);
	put_size(c, g->spenders);
	put_opt(c, !g->sp_small, g->sp_median);
	put_opt(c, !g->sp_small, g->sp_p25);
	put_opt(c, !g->sp_small, g->sp_p75);
	put_opt(c, r->has_sp_rank, r->sp_rank);
	put_opt(c, hp, hp ? r->value - p->value : 0);
	put_pct(c, hp, r->value, hp ? p->value : 0);
	put_opt(c, s->has_cagr, 100.0 * s->cagr);
	put_opt(c, s->has_slope, s->slope);
	if (b->have_baseline) {
		const bentry *e = baseline_for(b, r);
		int hv = e && e->has_value && r->has_value;
		/* what a monthly job looks for: a move of at least the threshold,
		 * or any move away from a baseline of 0 */
		changed = hv && b->o.has_change_threshold &&
			  (e->value != 0 ? 100.0 * fabs(r->value - e->value) / fabs(e->value) >=
					   b->o.change_threshold
					 : r->value != 0);
		if (e)
			put_period(b, c, e->k.period);
		else
			put_none(c);
		put_opt(c, e && e->has_value, e ? e->value : 0);
		put_opt(c, hv, hv ? r->value - e->value : 0);
		put_pct(c, hv, r->value, hv ? e->value : 0);
		put_opt(c, e && e->has_rank && r->has_rank,
			e && r->has_rank ? r->rank - e->rank : 0);
	}
	flags = c->buf[c->n];
	flags[0] = '\0';
#define FLAG(cond, name) do { if (cond) fl += (size_t)snprintf(flags + fl, \
	sizeof c->buf[0] - fl, "%s%s", fl ? "|" : "", name); } while (0)
	FLAG(r->zero, "zero");
	FLAG(b->nden && !r->has_value, "no_denominator");
	FLAG(r->has_z && fabs(r->z) > OUTLIER_Z, "outlier");
	FLAG(g->small, "small_peer_group");
	FLAG(r->first, "first_year");
	FLAG(s->cagr_why == CAGR_NO_START, "cagr_no_start");
	FLAG(s->cagr_why == CAGR_ZERO_START, "cagr_zero_start");
	FLAG(s->cagr_why == CAGR_NO_END, "cagr_no_end");
	FLAG(s->cagr_why == CAGR_ZERO_END, "cagr_zero_end");
	FLAG(changed, "changed");
#undef FLAG
	c->v[c->n] = flags;
	c->n++;
}

static void row_summary(wf_bench *b, cells *c, const group *g)
{
	put_size(c, g->n);
	if (g->overflow) {
		put_none(c);
	} else {
		put_dec(c, g->metric_total);
	}
	if (b->nden) {
		if (g->overflow)
			put_none(c);
		else
			put_dec(c, g->den_total);
		put_size(c, g->noden);
		put_opt(c, !g->overflow && wf_dec_sign(g->den_total) > 0,
			wf_dec_to_double(g->metric_den) / wf_dec_to_double(g->den_total) * b->o.scale);
	}
	put_opt(c, g->nval > 0, g->mean);
	put_opt(c, g->nval > 0, g->median);
	put_num(c, 100.0 * (double)g->zero / (double)g->n);
	put_size(c, g->spenders);
	put_opt(c, !g->sp_small, g->sp_median);
	put_opt(c, g->nval > 0, g->gap_med_eur);
	put_opt(c, g->nval > 0, g->gap_p25_eur);
}

/* A row holding a statistic past WF_BENCH_EXACT: the run stops there,
 * naming the row by its first two key cells (period, institution or
 * group). */
static int check_row(const wf_bench *b, const cells *c)
{
	if (c->big < 0)
		return 0;
	return wf_warn("%s%s%s: %s is %.3g: statistics are exact to the cent only below 10^13 "
		       "(wfkit(7) NUMBERS)", c->v[0], c->nkey > 1 ? ", " : "",
		       c->nkey > 1 ? c->v[1] : "", b->colnames[c->big], c->big_x);
}

/* Output row i's cells. Reads the engine only: rows can be made on
 * another thread. */
static void make_row(wf_bench *b, cells *c, size_t i)
{
	c->n = 0;
	c->big = -1;
	if (b->o.summary) {
		put_key(b, c, &b->recs[b->groups[i].rep]);
		c->nkey = c->n;
		row_summary(b, c, &b->groups[i]);
	} else {
		const rec *r = &b->recs[b->order[i]];
		put_key(b, c, r);
		c->nkey = c->n;
		row_bench(b, c, r);
	}
	put_str(c, b->prov);
}

/* With threads: a second thread makes the rows' cells (numbers to
 * text: 7% of wf-benchmark on 10 M facts) a chunk ahead while this one
 * writes them, in the same order. Two chunks of CHUNK rows take turns. */
#define CHUNK 128

typedef struct maker {
	wf_bench *b;
	size_t nrows;
	cells *chunk[2];
	int full[2];            /* chunk k % 2 holds rows of chunk k */
	int stop;
	pthread_mutex_t mu;
	pthread_cond_t cv;
} maker;

static void *maker_main(void *arg)
{
	maker *m = arg;

	for (size_t k = 0; k * CHUNK < m->nrows; k++) {
		size_t lo = k * CHUNK, hi = lo + CHUNK < m->nrows ? lo + CHUNK : m->nrows;
		pthread_mutex_lock(&m->mu);
		while (m->full[k % 2] && !m->stop)
			pthread_cond_wait(&m->cv, &m->mu);
		if (m->stop) {
			pthread_mutex_unlock(&m->mu);
			break;
		}
		pthread_mutex_unlock(&m->mu);
		for (size_t i = lo; i < hi; i++)
			make_row(m->b, &m->chunk[k % 2][i - lo], i);
		pthread_mutex_lock(&m->mu);
		m->full[k % 2] = 1;
		pthread_cond_broadcast(&m->cv);
		pthread_mutex_unlock(&m->mu);
	}
	return NULL;
}

/* 1 when the rows went out through fn (rc its result), 0 when no
 * thread could start (the caller makes them itself). */
static int emit_threaded(wf_bench *b, size_t nrows, wf_bench_emit_fn fn, void *ctx, int *rc)
{
	maker m = { .b = b, .nrows = nrows };
	pthread_t th;

	m.chunk[0] = wf_xmalloc(2 * CHUNK * sizeof *m.chunk[0]);
	m.chunk[1] = m.chunk[0] + CHUNK;
	pthread_mutex_init(&m.mu, NULL);
	pthread_cond_init(&m.cv, NULL);
	if (pthread_create(&th, NULL, maker_main, &m) != 0) {
		pthread_mutex_destroy(&m.mu);
		pthread_cond_destroy(&m.cv);
		free(m.chunk[0]);
		return 0;
	}
	*rc = 0;
	for (size_t k = 0; k * CHUNK < nrows && !*rc; k++) {
		size_t lo = k * CHUNK, hi = lo + CHUNK < nrows ? lo + CHUNK : nrows;
		pthread_mutex_lock(&m.mu);
		while (!m.full[k % 2])
			pthread_cond_wait(&m.cv, &m.mu);
		pthread_mutex_unlock(&m.mu);
		for (size_t i = lo; i < hi && !*rc; i++) {
			const cells *row = &m.chunk[k % 2][i - lo];
			*rc = check_row(b, row) ? -1 : fn(ctx, row->v);
		}
		pthread_mutex_lock(&m.mu);
		m.full[k % 2] = 0;
		pthread_cond_broadcast(&m.cv);
		pthread_mutex_unlock(&m.mu);
	}
	pthread_mutex_lock(&m.mu);
	m.stop = 1; /* the callback stopped early: so does the maker */
	pthread_cond_broadcast(&m.cv);
	pthread_mutex_unlock(&m.mu);
	pthread_join(th, NULL);
	pthread_mutex_destroy(&m.mu);
	pthread_cond_destroy(&m.cv);
	free(m.chunk[0]);
	return 1;
}

int wf_bench_emit(wf_bench *b, wf_bench_emit_fn fn, void *ctx)
{
	cells *c;
	int rc = 0;
	size_t nrows;

	if (!b->finished)
		return -1;
	wf_bench_columns(b, NULL, NULL);
	if (b->have_baseline)
		baseline_periods(b);
	nrows = b->o.summary ? b->ngroups : b->nrecs;
	if (b->o.threads > 1 && nrows > CHUNK && emit_threaded(b, nrows, fn, ctx, &rc))
		return rc;
	c = wf_xmalloc(sizeof *c);
	for (size_t i = 0; i < nrows && !rc; i++) {
		make_row(b, c, i);
		rc = check_row(b, c) ? -1 : fn(ctx, c->v);
	}
	free(c);
	return rc;
}

int wf_bench_emit_one(wf_bench *b, size_t i, wf_bench_emit_fn fn, void *ctx)
{
	cells *c;
	int rc;

	if (!b->finished || b->o.summary || i >= b->nrecs)
		return -1;
	wf_bench_columns(b, NULL, NULL);
	c = wf_xmalloc(sizeof *c);
	c->n = 0;
	c->big = -1;
	put_key(b, c, &b->recs[b->order[i]]);
	c->nkey = c->n;
	row_bench(b, c, &b->recs[b->order[i]]);
	rc = check_row(b, c) ? -1 : fn(ctx, c->v);
	free(c);
	return rc;
}

static int write_row(void *ctx, const char *const *vals)
{
	return wf_tw_row(ctx, vals, NULL) ? -1 : 0;
}

int wf_bench_write(wf_bench *b, wf_out *out, enum wf_format fmt, int excel_safe)
{
	const char *const *names;
	const enum wf_colkind *kinds;
	size_t n = wf_bench_columns(b, &names, &kinds);
	wf_tw *w = wf_tw_new(out, fmt, n, names, kinds);
	int rc;

	wf_tw_set_excel_safe(w, excel_safe);
	rc = wf_bench_emit(b, write_row, w);
	wf_tw_free(w);
	return rc || wf_out_failed(out) ? -1 : 0;
}
