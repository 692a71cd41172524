/* wf_kind_benchmark.c - --kind benchmark: one institution against its peers,
 * or a ranked table. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "wf_err.h"
#include "wf_kind_priv.h"
#include "wf_stats.h"

/* wf-benchmark's own columns: everything else of text type is part of
 * the peer-group key (the --peers columns, size_class). */
static const char *const bench_known[] = {
	"institution", "institution_name", "metric", "denominator", "per_employee",
	"peers", "peer_mean", "peer_median", "peer_p25", "peer_p75", "peer_p90",
	"peer_min", "peer_max", "pct_rank", "robust_z", "gap_median", "gap_median_pct",
	"change", "change_pct", "cagr_pct", "slope", "baseline_period", "baseline_value",
	"since_baseline", "since_baseline_pct", "since_baseline_rank", "flags",
	"gap_to_median_eur", "gap_to_p25_eur", "zero_share_pct", "spenders", "spender_median",
	"spender_p25", "spender_p75", "spender_pct_rank", "provenance"
};

/* The peer-group columns as the output's provenance states them
 * ("...;peers=a,b;..."), plus size_class: columns that only describe
 * a body (region passed through) are then not mistaken for peers. */
static int peers_from_provenance(const wf_rtable *in, int **gc, size_t *ngc)
{
	int pv = wf_rtable_col(in, "provenance"), sc = wf_rtable_col(in, "size_class");
	const char *p, *s;

	if (pv < 0 || wf_rtable_nrows(in) == 0 || !(s = wf_rtable_cell(in, 0, (size_t)pv)) ||
	    !(p = strstr(s, "peers=")) || (p != s && p[-1] != ';'))
		return 0;
	p += 6;
	while (*p && *p != ';') {
		size_t len = strcspn(p, ",;");
		char *name = wf_xstrndup(p, len);
		int c = wf_rtable_col(in, name);
		free(name);
		if (c >= 0) {
			*gc = wf_xrealloc(*gc, (*ngc + 1) * sizeof **gc);
			(*gc)[(*ngc)++] = c;
		}
		p += len;
		if (*p == ',')
			p++;
	}
	if (sc >= 0) {
		*gc = wf_xrealloc(*gc, (*ngc + 1) * sizeof **gc);
		(*gc)[(*ngc)++] = sc;
	}
	return 1;
}

/* Whether flag (one name) is among the '|'-joined flags. */
static int flag_in(const char *flags, const char *flag)
{
	size_t n = strlen(flag);

	for (const char *p = flags; *p;) {
		size_t len = strcspn(p, "|");
		if (len == n && strncmp(p, flag, n) == 0)
			return 1;
		p += len;
		if (*p)
			p++;
	}
	return 0;
}

/* Flags on more than half of the rows. */
static void common_flags(const wf_rtable *in, const size_t *rows, size_t n, int fc, strset *out)
{
	strset all = { 0 };

	for (size_t k = 0; k < n; k++)
		for (const char *p = wf_kind_cell(in, rows[k], fc); *p;) {
			size_t len = strcspn(p, "|");
			char *f = wf_xstrndup(p, len);
			wf_kind_set_add(&all, f);
			free(f);
			p += len;
			if (*p)
				p++;
		}
	for (size_t i = 0; i < all.n; i++) {
		size_t m = 0;
		for (size_t k = 0; k < n; k++)
			m += flag_in(wf_kind_cell(in, rows[k], fc), all.v[i]);
		if (2 * m > n)
			wf_kind_set_add(out, all.v[i]);
	}
	wf_kind_set_sort(out);
	wf_kind_set_free(&all);
}

static int has_rare_flag(const char *flags, const strset *common)
{
	for (const char *p = flags; *p;) {
		size_t len = strcspn(p, "|");
		char *f = wf_xstrndup(p, len);
		int rare = wf_kind_set_find(common, f) < 0;
		free(f);
		if (rare)
			return 1;
		p += len;
		if (*p)
			p++;
	}
	return 0;
}

/* Where most institutions spend nothing the peer median says nothing:
 * say so, and point at the spenders' statistics. */
static void spender_note(wf_report *r, const wf_rtable *in, const size_t *rows, size_t n,
			 const wf_report_opts *o)
{
	int zc = wf_rtable_col(in, "zero_share_pct"), sc = wf_rtable_col(in, "spenders");
	size_t zeros = 0, valued = 0;
	wf_dec d;

	if (zc < 0 || sc < 0)
		return;
	for (size_t k = 0; k < n; k++) {
		int v = wf_rtable_col(in, "per_employee");
		if (v < 0 || !*wf_kind_cell(in, rows[k], v))
			v = wf_rtable_col(in, "metric");
		if (wf_kind_cell_num(in, rows[k], v, &d) == 1) {
			valued++;
			zeros += wf_dec_sign(d) == 0;
		}
	}
	if (valued && 2 * zeros > valued) {
		char buf[400];
		snprintf(buf, sizeof buf, wf_msg(o->lang, WF_M_BENCH_MOST_ZERO), zeros, valued);
		wf_report_note(r, buf);
	}
}

/* --institution: the key as given, the key in any case, or a part of
 * the name; NULL with *e filled when none or several match. */
static const char *find_institution(const wf_rtable *in, const char *want, int ic, int nc,
				    const unsigned char *keep, wf_report_err *e)
{
	size_t nr = wf_rtable_nrows(in);
	strset hits = { 0 };
	const char *key = NULL;

	for (int pass = 0; pass < 3 && !hits.n; pass++)
		for (size_t i = 0; i < nr; i++) {
			const char *k = wf_kind_cell(in, i, ic);
			int ok = pass == 0 ? strcmp(k, want) == 0 :
				 pass == 1 ? strcasecmp(k, want) == 0 :
				 nc >= 0 && wf_kind_contains_nocase(wf_kind_cell(in, i, nc), want);
			if (keep[i] && ok)
				wf_kind_set_add(&hits, k);
		}
	if (hits.n == 1) {
		for (size_t i = 0; i < nr && !key; i++)
			if (strcmp(wf_kind_cell(in, i, ic), hits.v[0]) == 0)
				key = wf_kind_cell(in, i, ic);
	} else if (hits.n == 0) {
		wf_kind_seterr(e, -1, "institution '%s' not found in column 'institution'%s", want,
			       nc >= 0 ? " nor in a name" : "");
	} else {
		wf_strbuf b = WF_STRBUF_INIT;
		wf_kind_set_sort(&hits);
		for (size_t k = 0; k < hits.n && k < 10; k++) {
			const char *name = "";
			for (size_t i = 0; i < nr && nc >= 0; i++)
				if (strcmp(wf_kind_cell(in, i, ic), hits.v[k]) == 0) {
					name = wf_kind_cell(in, i, nc);
					break;
				}
			wf_strbuf_printf(&b, "%s%s %s", k ? ", " : "", hits.v[k], name);
		}
		if (hits.n > 10)
			wf_strbuf_printf(&b, ", and %zu more", hits.n - 10);
		wf_kind_seterr(e, -1, "institution '%s' matches %zu institutions (give the key): %s",
			       want, hits.n, wf_strbuf_str(&b));
		wf_strbuf_release(&b);
	}
	wf_kind_set_free(&hits);
	return key;
}

static int is_known(const char *name)
{
	for (size_t i = 0; i < sizeof bench_known / sizeof *bench_known; i++)
		if (strcmp(name, bench_known[i]) == 0)
			return 1;
	return 0;
}

static int col_has_values(const wf_rtable *t, int c)
{
	if (c < 0)
		return 0;
	for (size_t r = 0; r < wf_rtable_nrows(t); r++) {
		const char *s = wf_rtable_cell(t, r, (size_t)c);
		if (s && *s)
			return 1;
	}
	return 0;
}

static int same_peers(const wf_rtable *t, size_t a, size_t b, int pc, const int *gc, size_t ngc)
{
	if (strcmp(wf_kind_cell(t, a, pc), wf_kind_cell(t, b, pc)) != 0)
		return 0;
	for (size_t k = 0; k < ngc; k++)
		if (strcmp(wf_kind_cell(t, a, gc[k]), wf_kind_cell(t, b, gc[k])) != 0)
			return 0;
	return 1;
}

/* Rank order for the table: value descending, missing last, then
 * institution, so ties are deterministic. */
static const wf_rtable *rank_t;
static int rank_vc, rank_ic;

static int rank_pc;

static int cmp_period(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c = strcmp(wf_kind_cell(rank_t, a, rank_pc), wf_kind_cell(rank_t, b, rank_pc));

	return c ? c : (a > b) - (a < b);
}

static int cmp_rank(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	wf_dec da, db;
	int ha = wf_kind_cell_num(rank_t, a, rank_vc, &da) == 1, hb = wf_kind_cell_num(rank_t, b, rank_vc, &db) == 1;

	if (ha != hb)
		return hb - ha;
	if (ha) {
		int c = wf_dec_cmp(db, da);
		if (c)
			return c;
	}
	{
		int c = strcmp(wf_kind_cell(rank_t, a, rank_ic), wf_kind_cell(rank_t, b, rank_ic));
		if (c)
			return c;
	}
	return (a > b) - (a < b);
}

/* With peer groups by region: the median value of each region in one
 * period, as a map of Italy (regions without institutions hatched). */
static int map_row(const wf_rtable *in, const unsigned char *keep, size_t i, int pc, int vc,
		   int rc, const char *when, double *x)
{
	wf_dec d;

	if (!keep[i] || strcmp(wf_kind_cell(in, i, pc), when) != 0 || !*wf_kind_cell(in, i, rc) ||
	    wf_kind_cell_num(in, i, vc, &d) != 1)
		return 0;
	*x = wf_dec_to_double(d);
	return 1;
}

static void region_map(wf_report *r, const wf_report_opts *o, const wf_rtable *in,
		       const unsigned char *keep, int pc, int vc, const int *gc, size_t ngc,
		       const char *when)
{
	int rc = -1;
	strset regs = { 0 };
	size_t nr = wf_rtable_nrows(in), *n, *at;
	double *v, x;
	char title[400];
	wf_chart *ch;
	char *lt;

	for (size_t k = 0; k < ngc; k++)
		if (strcmp(wf_rtable_name(in, (size_t)gc[k]), "region") == 0)
			rc = gc[k];
	if (rc < 0)
		return;
	for (size_t i = 0; i < nr; i++)
		if (map_row(in, keep, i, pc, vc, rc, when, &x))
			wf_kind_set_add(&regs, wf_kind_cell(in, i, rc));
	if (regs.n == 0)
		return;
	/* Values grouped by region in one array: region k owns v[at[k]..]. */
	n = wf_xcalloc(regs.n, sizeof *n);
	at = wf_xcalloc(regs.n + 1, sizeof *at);
	for (size_t i = 0; i < nr; i++)
		if (map_row(in, keep, i, pc, vc, rc, when, &x))
			n[wf_kind_set_add(&regs, wf_kind_cell(in, i, rc))]++;
	for (size_t k = 0; k < regs.n; k++)
		at[k + 1] = at[k] + n[k];
	v = wf_xcalloc(at[regs.n], sizeof *v);
	memset(n, 0, regs.n * sizeof *n);
	for (size_t i = 0; i < nr; i++)
		if (map_row(in, keep, i, pc, vc, rc, when, &x)) {
			size_t k = wf_kind_set_add(&regs, wf_kind_cell(in, i, rc));
			v[at[k] + n[k]++] = x;
		}
	snprintf(title, sizeof title, wf_msg(o->lang, WF_M_BENCH_MAP),
		 wf_kind_word(o, wf_rtable_name(in, (size_t)vc)),
		 wf_kind_word(o, wf_rtable_name(in, (size_t)pc)), when);
	wf_kind_title_case(o, title);
	ch = wf_chart_new(WF_CHART_MAP, title);
	wf_kind_chart_fmt(ch, o);
	lt = wf_kind_axis_title(wf_kind_word(o, wf_rtable_name(in, (size_t)vc)), o->unit);
	wf_chart_axes(ch, "", lt);
	free(lt);
	for (size_t k = 0; k < regs.n; k++)
		wf_chart_region(ch, regs.v[k], wf_stats_median(v + at[k], n[k]));
	if (wf_chart_npoints(ch))
		wf_report_chart(r, ch);
	else
		wf_chart_free(ch);
	free(v);
	free(n);
	free(at);
	wf_kind_set_free(&regs);
}

/* Rows with coordinates (columns lat and lon, e.g. comuni joined with
 * a places list): one circle per row of the period, area proportional
 * to the value, on the map of Italy. */
static void place_map(wf_report *r, const wf_report_opts *o, const wf_rtable *in,
		      const unsigned char *keep, int pc, int vc, int ic, int nc, const char *when)
{
	int la = wf_rtable_col(in, "lat"), lo = wf_rtable_col(in, "lon");
	char title[400];
	wf_strbuf cap = WF_STRBUF_INIT;
	size_t n = 0;
	wf_chart *ch;

	if (la < 0 || lo < 0)
		return;
	snprintf(title, sizeof title, wf_msg(o->lang, WF_M_BENCH_PLACES),
		 wf_kind_word(o, wf_rtable_name(in, (size_t)vc)),
		 wf_kind_word(o, wf_rtable_name(in, (size_t)pc)), when);
	wf_kind_title_case(o, title);
	ch = wf_chart_new(WF_CHART_MAP, title);
	wf_kind_chart_fmt(ch, o);
	for (size_t i = 0; i < wf_rtable_nrows(in); i++) {
		wf_dec v, y, x;
		if (!keep[i] || strcmp(wf_kind_cell(in, i, pc), when) != 0 ||
		    wf_kind_cell_num(in, i, vc, &v) != 1 || wf_kind_cell_num(in, i, la, &y) != 1 ||
		    wf_kind_cell_num(in, i, lo, &x) != 1)
			continue;
		wf_chart_geo_sized(ch, 0, wf_dec_to_double(x), wf_dec_to_double(y), wf_dec_to_double(v),
				   *wf_kind_cell(in, i, nc) ? wf_kind_cell(in, i, nc) : wf_kind_cell(in, i, ic));
		n++;
	}
	wf_strbuf_printf(&cap, wf_msg(o->lang, WF_M_MAP_SYMBOLS), n);
	wf_chart_caption(ch, wf_strbuf_str(&cap));
	wf_strbuf_release(&cap);
	if (n)
		wf_report_chart(r, ch);
	else
		wf_chart_free(ch);
}

wf_report *wf_kind_benchmark(wf_rtable *in, const wf_report_opts *o, wf_report_err *e)
{
	const char *period = o->period ? o->period : "year";
	need nd = { in, WF_STRBUF_INIT, 0 };
	int pc = wf_kind_need_col(&nd, period), ic = wf_kind_need_col(&nd, "institution"), vc;
	int nc = wf_rtable_col(in, "institution_name"), fc = wf_rtable_col(in, "flags");
	int *gc = NULL, *cols = NULL;
	size_t ngc = 0, ncols = 0, kept, nr = wf_rtable_nrows(in), *rows = NULL, n = 0;
	const char *value, *latest = NULL, *inst = NULL;
	unsigned char *keep;
	wf_report *r = NULL;
	char buf[400];

	if (o->value)
		value = o->value;
	else
		value = col_has_values(in, wf_rtable_col(in, "per_employee")) ? "per_employee" : "metric";
	vc = wf_kind_need_col(&nd, value);
	keep = wf_kind_filter_rows(in, o, &nd, &kept);
	if (o->group)
		wf_kind_split_cols(o->group, &gc, &ngc, &nd);
	if (wf_kind_need_report(&nd, "benchmark", "it reads wf-benchmark output (not --summary)", e))
		goto fail;
	if (!o->group && !peers_from_provenance(in, &gc, &ngc))
		for (size_t c = 0; c < wf_rtable_ncols(in); c++)
			if ((int)c != pc && !is_known(wf_rtable_name(in, c)) &&
			    wf_rtable_coltype(in, c) == WF_RCOL_TEXT) {
				gc = wf_xrealloc(gc, (ngc + 1) * sizeof *gc);
				gc[ngc++] = (int)c;
			}
	for (size_t i = 0; i < nr; i++) {
		wf_dec d;
		if (!keep[i])
			continue;
		if (wf_kind_num_or_err(in, i, vc, &d, e) < 0)
			goto fail;
		if (!latest || strcmp(wf_kind_cell(in, i, pc), latest) > 0)
			latest = wf_kind_cell(in, i, pc);
	}
	r = wf_report_new(o->title ? o->title : wf_msg(o->lang, WF_M_TITLE_BENCHMARK), "benchmark");
	if (kept == 0) {
		if (o->institution) {
			snprintf(buf, sizeof buf, wf_msg(o->lang, WF_M_BENCH_NO_ROWS_INST), o->institution);
			wf_report_note(r, buf);
		}
		wf_kind_no_rows(r, in, o);
		in = NULL;
		goto out;
	}
	rows = wf_xcalloc(nr, sizeof *rows);
	/* Columns people want in a ranked list, in this order, when present. */
	{
		static const char *const pick[] = { "institution", "institution_name", "metric",
			"per_employee", "peers", "peer_median", "pct_rank", "gap_median_pct",
			"gap_to_median_eur", "zero_share_pct", "spenders", "spender_median",
			"spender_pct_rank", "change_pct", "flags" };
		cols = wf_xcalloc(wf_rtable_ncols(in) + 16, sizeof *cols);
		cols[ncols++] = pc;
		for (size_t k = 0; k < 2; k++) {
			int c = wf_rtable_col(in, pick[k]);
			if (c >= 0)
				cols[ncols++] = c;
		}
		for (size_t k = 0; k < ngc; k++)
			cols[ncols++] = gc[k];
		for (size_t k = 2; k < sizeof pick / sizeof *pick; k++) {
			int c = wf_rtable_col(in, pick[k]);
			if (c >= 0)
				cols[ncols++] = c;
		}
		{
			int have = 0;
			for (size_t k = 0; k < ncols; k++)
				have |= cols[k] == vc;
			if (!have)
				cols[ncols++] = vc;
		}
	}
	if (!o->institution) {
		wf_rtable *t;
		wf_chart *ch;
		size_t nflag = 0;

		for (size_t i = 0; i < nr; i++)
			if (keep[i] && strcmp(wf_kind_cell(in, i, pc), latest) == 0)
				rows[n++] = i;
		rank_t = in;
		rank_vc = vc;
		rank_ic = ic;
		qsort(rows, n, sizeof *rows, cmp_rank);
		snprintf(buf, sizeof buf, wf_msg(o->lang, WF_M_BENCH_DIST), wf_kind_word(o, value),
			 wf_kind_word(o, period), latest);
		ch = wf_chart_new(WF_CHART_DIST, buf);
		wf_kind_chart_fmt(ch, o);
		{
			char *xt = wf_kind_axis_title(wf_kind_word(o, value), o->unit);
			wf_chart_axes(ch, xt, "");
			free(xt);
		}
		for (size_t k = 0; k < n; k++) {
			wf_dec d;
			if (wf_kind_cell_num(in, rows[k], vc, &d) == 1)
				wf_chart_dist_value(ch, wf_dec_to_double(d));
		}
		wf_chart_caption(ch, wf_msg(o->lang, WF_M_BENCH_DIST_CAPTION));
		wf_report_chart(r, ch);
		region_map(r, o, in, keep, pc, vc, gc, ngc, latest);
		place_map(r, o, in, keep, pc, vc, ic, nc, latest);
		snprintf(buf, sizeof buf, wf_msg(o->lang, WF_M_BENCH_RANKED), wf_kind_word(o, value),
			 wf_kind_word(o, period), latest);
		t = wf_kind_subset(in, rows, n, cols, ncols, buf, 1);
		{
			/* A flag most rows carry (zero where 9 bodies in 10 spend
			 * nothing) marks nothing out: it is named, not highlighted. */
			strset common = { 0 };
			common_flags(in, rows, n, fc, &common);
			for (size_t k = 0; k < n; k++)
				if (has_rare_flag(wf_kind_cell(in, rows[k], fc), &common)) {
					wf_rtable_highlight(t, k);
					nflag++;
				}
			snprintf(buf, sizeof buf, wf_msg(o->lang, WF_M_BENCH_RANKED_NOTE), n,
				 wf_kind_word(o, period), latest, wf_kind_word(o, value), nflag);
			wf_report_note(r, buf);
			for (size_t k = 0; k < common.n; k++) {
				size_t m = 0;
				for (size_t j = 0; j < n; j++)
					m += flag_in(wf_kind_cell(in, rows[j], fc), common.v[k]);
				char fb[200];
				const char *fl = wf_lang_value(o->lang, "flags", common.v[k], fb, sizeof fb);
				snprintf(buf, sizeof buf, wf_msg(o->lang, WF_M_BENCH_COMMON_FLAG),
					 fl ? fl : common.v[k], m, n);
				wf_report_note(r, buf);
			}
			wf_kind_set_free(&common);
		}
		spender_note(r, in, rows, n, o);
		wf_report_table(r, t);
		goto out;
	}
	/* One institution: its rows over time, the latest as the card. */
	if (!(inst = find_institution(in, o->institution, ic, nc, keep, e)))
		goto fail;
	for (size_t i = 0; i < nr; i++)
		if (keep[i] && strcmp(wf_kind_cell(in, i, ic), inst) == 0)
			rows[n++] = i;
	{
		size_t cur = rows[0];
		wf_dec d, dm;
		wf_chart *dist, *line;
		size_t s0, s1, npeer = 0;
		int mc = wf_rtable_col(in, "peer_median");
		static const struct { const char *col; enum wf_msg label; } items[] = {
			{ "metric", WF_M_CARD_METRIC }, { "per_employee", WF_M_CARD_PER_EMPLOYEE },
			{ "peers", WF_M_CARD_PEERS }, { "peer_median", WF_M_CARD_PEER_MEDIAN },
			{ "peer_p25", WF_M_CARD_P25 }, { "peer_p75", WF_M_CARD_P75 },
			{ "pct_rank", WF_M_CARD_PCT_RANK }, { "robust_z", WF_M_CARD_ROBUST_Z },
			{ "gap_median_pct", WF_M_CARD_GAP_PCT }, { "gap_to_median_eur", WF_M_CARD_GAP_EUR },
			{ "gap_to_p25_eur", WF_M_CARD_GAP_P25_EUR },
			{ "zero_share_pct", WF_M_CARD_ZERO_SHARE }, { "spenders", WF_M_CARD_SPENDERS },
			{ "spender_median", WF_M_CARD_SPENDER_MEDIAN },
			{ "spender_pct_rank", WF_M_CARD_SPENDER_RANK },
			{ "change_pct", WF_M_CARD_CHANGE_PCT },
			{ "cagr_pct", WF_M_CARD_CAGR }, { "flags", WF_M_CARD_FLAGS }
		};

		for (size_t k = 1; k < n; k++)
			if (strcmp(wf_kind_cell(in, rows[k], pc), wf_kind_cell(in, cur, pc)) > 0)
				cur = rows[k];
		snprintf(buf, sizeof buf, wf_msg(o->lang, WF_M_BENCH_CARD), inst, nc >= 0 ? " " : "",
			 wf_kind_cell(in, cur, nc), wf_kind_word(o, period), wf_kind_cell(in, cur, pc));
		wf_report_card(r, buf);
		for (size_t k = 0; k < sizeof items / sizeof *items; k++) {
			int c = wf_rtable_col(in, items[k].col);
			const char *label = wf_msg(o->lang, items[k].label), *v, *shown;
			char *lab, fbuf[256];
			if (c < 0)
				continue;
			lab = strcmp(items[k].col, value) == 0 ? wf_kind_axis_title(label, o->unit) :
				wf_xstrdup(label);
			v = wf_kind_cell(in, cur, c);
			if (!*v)
				v = wf_msg(o->lang, strcmp(items[k].col, "flags") == 0 ? WF_M_NONE : WF_M_NA);
			else if ((shown = wf_lang_value(o->lang, items[k].col, v, fbuf, sizeof fbuf)))
				v = shown;
			wf_report_card_item(r, lab, v);
			free(lab);
		}
		/* Where it stands among its peers in that period. */
		snprintf(buf, sizeof buf, wf_msg(o->lang, WF_M_BENCH_AMONG), inst,
			 wf_kind_word(o, period),
			 wf_kind_cell(in, cur, pc));
		dist = wf_chart_new(WF_CHART_DIST, buf);
		wf_kind_chart_fmt(dist, o);
		{
			char *xt = wf_kind_axis_title(wf_kind_word(o, value), o->unit);
			wf_chart_axes(dist, xt, "");
			free(xt);
		}
		for (size_t i = 0; i < nr; i++)
			if (keep[i] && same_peers(in, i, cur, pc, gc, ngc) && wf_kind_cell_num(in, i, vc, &d) == 1) {
				wf_chart_dist_value(dist, wf_dec_to_double(d));
				npeer++;
			}
		{
			wf_dec q1, q2, q3;
			if (wf_kind_cell_num(in, cur, wf_rtable_col(in, "peer_p25"), &q1) == 1 &&
			    wf_kind_cell_num(in, cur, mc, &q2) == 1 &&
			    wf_kind_cell_num(in, cur, wf_rtable_col(in, "peer_p75"), &q3) == 1)
				wf_chart_dist_box(dist, wf_dec_to_double(q1), wf_dec_to_double(q2),
						  wf_dec_to_double(q3));
		}
		if (wf_kind_cell_num(in, cur, vc, &d) == 1)
			wf_chart_dist_marker(dist, wf_dec_to_double(d), inst);
		else
			wf_report_note(r, wf_msg(o->lang, WF_M_BENCH_NO_MARKER));
		{
			wf_strbuf capt = WF_STRBUF_INIT;
			wf_strbuf_printf(&capt, wf_msg(o->lang, npeer == 1 ? WF_M_BENCH_PEERS_ONE :
						       WF_M_BENCH_PEERS_MANY), npeer);
			if (ngc) {
				wf_strbuf_puts(&capt, wf_msg(o->lang, WF_M_BENCH_PEER_GROUP));
				for (size_t k = 0; k < ngc; k++)
					wf_strbuf_printf(&capt, " %s=%s", wf_kind_word(o, wf_rtable_name(in, (size_t)gc[k])),
							 wf_kind_value_name(o, wf_rtable_name(in, (size_t)gc[k]),
									    wf_kind_cell(in, cur, gc[k])));
			}
			wf_chart_caption(dist, wf_strbuf_str(&capt));
			wf_strbuf_release(&capt);
		}
		wf_report_chart(r, dist);
		/* Its trend against the peer median. */
		{
			strset per = { 0 };
			char *yt = wf_kind_axis_title(wf_kind_word(o, value), o->unit);
			for (size_t k = 0; k < n; k++)
				wf_kind_set_add(&per, wf_kind_cell(in, rows[k], pc));
			wf_kind_set_sort(&per);
			snprintf(buf, sizeof buf, wf_msg(o->lang, WF_M_BENCH_OVER_TIME), inst);
			line = wf_chart_new(WF_CHART_LINE, buf);
			wf_kind_chart_fmt(line, o);
			wf_chart_axes(line, wf_kind_word(o, period), yt);
			wf_chart_zero_baseline(line, 1);
			free(yt);
			for (size_t p = 0; p < per.n; p++)
				wf_chart_x(line, per.v[p]);
			s0 = wf_chart_series(line, inst);
			s1 = mc >= 0 ? wf_chart_series(line, wf_msg(o->lang, WF_M_CARD_PEER_MEDIAN)) : 0;
			for (size_t k = 0; k < n; k++) {
				size_t x = (size_t)wf_kind_set_find(&per, wf_kind_cell(in, rows[k], pc));
				if (wf_kind_cell_num(in, rows[k], vc, &d) == 1)
					wf_chart_set(line, s0, x, wf_dec_to_double(d));
				if (mc >= 0 && wf_kind_cell_num(in, rows[k], mc, &dm) == 1)
					wf_chart_set(line, s1, x, wf_dec_to_double(dm));
			}
			wf_kind_set_free(&per);
			wf_report_chart(r, line);
			region_map(r, o, in, keep, pc, vc, gc, ngc, wf_kind_cell(in, cur, pc));
			place_map(r, o, in, keep, pc, vc, ic, nc, wf_kind_cell(in, cur, pc));
		}
		/* Its rows, oldest first. */
		{
			size_t *ord = wf_xcalloc(n, sizeof *ord);
			int *allc = wf_xcalloc(wf_rtable_ncols(in), sizeof *allc);
			wf_rtable *t;
			memcpy(ord, rows, n * sizeof *ord);
			/* By period, rows of one period in input order; n log n
			 * even when a hostile input gives one institution every row. */
			rank_t = in;
			rank_pc = pc;
			if (n > 1)
				qsort(ord, n, sizeof *ord, cmp_period);
			for (size_t c = 0; c < wf_rtable_ncols(in); c++)
				allc[c] = (int)c;
			snprintf(buf, sizeof buf, wf_msg(o->lang, WF_M_BENCH_BY_PERIOD), inst,
				 wf_kind_word(o, period));
			t = wf_kind_subset(in, ord, n, allc, wf_rtable_ncols(in), buf, 0);
			for (size_t k = 0; k < n; k++)
				if (*wf_kind_cell(in, ord[k], fc))
					wf_rtable_highlight(t, k);
			wf_report_table(r, t);
			free(ord);
			free(allc);
		}
	}
	goto out;
fail:
	wf_report_free(r);
	r = NULL;
out:
	free(rows);
	free(cols);
	free(gc);
	free(keep);
	wf_rtable_free(in);
	return r;
}
