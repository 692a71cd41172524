/* wf_kind_profile.c - --kind profile: the staff-wellbeing profile of
 * wf-benchmark --profile. One institution: a row of small charts (its
 * value against the peer distribution of each indicator) and a table
 * with a text strip of the same picture; several: a table of
 * percentile ranks, one column per indicator, coloured by quartile. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"
#include "wf_kind_priv.h"
#include "wf_map.h"

/* wf-benchmark --profile's own columns; any other text column is part
 * of the peer-group key (the --peers columns, size_class). */
static const char *const profile_known[] = {
	"institution", "institution_name", "indicator", "unit", "metric", "denominator",
	"value", "peers", "peer_median", "peer_p25", "peer_p75", "peer_min", "peer_max",
	"pct_rank", "quartile", "flags"
};

static int is_known(const char *name)
{
	for (size_t i = 0; i < sizeof profile_known / sizeof *profile_known; i++)
		if (strcmp(name, profile_known[i]) == 0)
			return 1;
	return 0;
}

static int find(const strset *s, const char *str)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i], str) == 0)
			return (int)i;
	return -1;
}

static double num_or(const wf_rtable *t, size_t r, int c, int *ok)
{
	wf_dec d;

	*ok = c >= 0 && wf_kind_cell_num(t, r, c, &d) == 1;
	return *ok ? wf_dec_to_double(d) : 0;
}

/* Quartile 1..4 from a percentile rank (as wf-benchmark --profile). */
static int quartile(double rank)
{
	return rank <= 25 ? 1 : rank <= 50 ? 2 : rank <= 75 ? 3 : 4;
}

#define STRIP 21

/* The chart in text: '-' the peer range, '=' from p25 to p75, '|' the
 * median, 'O' the institution. */
static void strip(char out[STRIP + 1], double lo, double hi, const double *box, int has_box,
		  double v)
{
	double span = hi > lo ? hi - lo : 1;

#define POS(x) ((int)((((x) - lo) / span) * (STRIP - 1) + 0.5))
	memset(out, '-', STRIP);
	out[STRIP] = '\0';
	if (has_box) {
		for (int i = POS(box[0]); i <= POS(box[2]) && i < STRIP; i++)
			if (i >= 0)
				out[i] = '=';
		if (POS(box[1]) >= 0 && POS(box[1]) < STRIP)
			out[POS(box[1])] = '|';
	}
	if (POS(v) >= 0 && POS(v) < STRIP)
		out[POS(v)] = 'O';
#undef POS
}

struct cols {
	int pc, ic, nc, indc, uc, vc, rc, peersc, medc, p25c, p75c, minc, maxc;
	int *gc;
	size_t ngc;
};

static int same_group(const wf_rtable *t, const struct cols *k, size_t a, size_t b)
{
	if (strcmp(wf_kind_cell(t, a, k->pc), wf_kind_cell(t, b, k->pc)) != 0 ||
	    strcmp(wf_kind_cell(t, a, k->indc), wf_kind_cell(t, b, k->indc)) != 0)
		return 0;
	for (size_t i = 0; i < k->ngc; i++)
		if (strcmp(wf_kind_cell(t, a, k->gc[i]), wf_kind_cell(t, b, k->gc[i])) != 0)
			return 0;
	return 1;
}

static void one_institution(wf_report *r, const wf_rtable *in, const struct cols *k,
			    const wf_report_opts *o, const size_t *rows, size_t n,
			    const char *key, const char *period)
{
	const char *const names[] = {
		"indicator", "unit", "value", "peers", "peer_median", "pct_rank", "quartile",
		wf_msg(o->lang, WF_M_PROFILE_STRIP)
	};
	wf_rtable *t = wf_rtable_new(wf_msg(o->lang, WF_M_PROFILE_TABLE), 8, names);
	const char *name = NULL;
	size_t shown = 0;
	char buf[512];

	for (size_t a = 0; a < n; a++) {
		size_t i = rows[a];
		double v, lo, hi, box[3] = { 0, 0, 0 }, rank;
		int ok, okr, has_box = 1;
		char sv[STRIP + 1], q[8] = "";
		const char *vals[8];
		wf_chart *ch;
		size_t tr;

		if (strcmp(wf_kind_cell(in, i, k->ic), key) != 0)
			continue;
		if (!name && k->nc >= 0 && *wf_kind_cell(in, i, k->nc))
			name = wf_kind_cell(in, i, k->nc);
		v = num_or(in, i, k->vc, &ok);
		rank = num_or(in, i, k->rc, &okr);
		box[0] = num_or(in, i, k->p25c, &has_box);
		if (has_box)
			box[1] = num_or(in, i, k->medc, &has_box);
		if (has_box)
			box[2] = num_or(in, i, k->p75c, &has_box);
		ch = wf_chart_new(WF_CHART_DIST, wf_kind_value_name(o, "indicator",
								     wf_kind_cell(in, i, k->indc)));
		wf_kind_chart_fmt(ch, o);
		wf_chart_compact(ch, 1);
		wf_chart_axes(ch, k->uc >= 0 ? wf_kind_value_name(o, "unit", wf_kind_cell(in, i, k->uc)) : "",
			      "");
		lo = ok ? v : 0;
		hi = ok ? v : 0;
		for (size_t b = 0; b < n; b++) {
			int okp;
			double pv = num_or(in, rows[b], k->vc, &okp);
			if (!okp || !same_group(in, k, i, rows[b]))
				continue;
			wf_chart_dist_value(ch, pv);
			lo = pv < lo ? pv : lo;
			hi = pv > hi ? pv : hi;
		}
		if (has_box)
			wf_chart_dist_box(ch, box[0], box[1], box[2]);
		if (ok)
			wf_chart_dist_marker(ch, v, key);
		wf_report_chart(r, ch);
		if (okr)
			snprintf(q, sizeof q, "Q%d", quartile(rank));
		if (ok)
			strip(sv, lo, hi, box, has_box, v);
		vals[0] = wf_kind_cell(in, i, k->indc);
		vals[1] = k->uc >= 0 ? wf_kind_cell(in, i, k->uc) : "";
		vals[2] = wf_rtable_cell(in, i, (size_t)k->vc);
		vals[3] = k->peersc >= 0 ? wf_rtable_cell(in, i, (size_t)k->peersc) : NULL;
		vals[4] = k->medc >= 0 ? wf_rtable_cell(in, i, (size_t)k->medc) : NULL;
		vals[5] = wf_rtable_cell(in, i, (size_t)k->rc);
		vals[6] = q;
		vals[7] = ok ? sv : "";
		tr = wf_rtable_add(t, vals, NULL);
		if (okr)
			wf_rtable_tone(t, tr, 6, quartile(rank));
		shown++;
	}
	wf_report_card(r, name ? name : key);
	wf_report_card_item(r, wf_kind_word(o, "institution"), key);
	wf_report_card_item(r, wf_kind_word(o, o->period ? o->period : "year"), period);
	for (size_t g = 0; g < k->ngc; g++)
		for (size_t a = 0; a < n; a++)
			if (strcmp(wf_kind_cell(in, rows[a], k->ic), key) == 0) {
				wf_report_card_item(r, wf_kind_word(o, wf_rtable_name(in, (size_t)k->gc[g])),
						    wf_kind_value_name(o, wf_rtable_name(in, (size_t)k->gc[g]),
								       wf_kind_cell(in, rows[a], k->gc[g])));
				break;
			}
	snprintf(buf, sizeof buf, "%zu", shown);
	wf_report_card_item(r, wf_msg(o->lang, WF_M_PROFILE_INDICATORS), buf);
	wf_report_table(r, t);
}

/* The rows of the latest period by institution: ri[a] is row a's
 * institution (an index into keys, first-seen order). */
struct by_inst {
	const char **keys;   /* ninst */
	size_t ninst;
	size_t *ri;          /* n */
};

static int cmpkey(const void *a, const void *b)
{
	const char *const *x = *(const char *const *const *)a, *const *y = *(const char *const *const *)b;
	return strcmp(*x, *y);
}

static void group_table(wf_report *r, const wf_rtable *in, const struct cols *k,
			const wf_report_opts *o, const size_t *rows, size_t n, const strset *inds,
			const char *period, const struct by_inst *bi)
{
	size_t nc = 1 + (k->nc >= 0) + inds->n;
	const char **names = wf_xcalloc(nc, sizeof *names);
	const char **vals = wf_xcalloc(nc, sizeof *vals);
	char **cells = wf_xcalloc(nc, sizeof *cells);
	int *tones = wf_xcalloc(inds->n + 1, sizeof *tones);
	/* Rows grouped by institution (counting sort), institutions in key
	 * order: n log n, not n x institutions, on national files. */
	size_t *start = wf_xcalloc(bi->ninst + 1, sizeof *start), *order = wf_xcalloc(n, sizeof *order);
	const char ***sorted = wf_xcalloc(bi->ninst, sizeof *sorted);
	char caption[256];
	wf_rtable *t;
	size_t c0 = 1 + (k->nc >= 0);

	names[0] = "institution";
	if (k->nc >= 0)
		names[1] = "institution_name";
	for (size_t j = 0; j < inds->n; j++)
		names[c0 + j] = wf_kind_value_name(o, "indicator", inds->v[j]);
	snprintf(caption, sizeof caption, wf_msg(o->lang, WF_M_PROFILE_RANKS), period);
	t = wf_rtable_new(caption, nc, names);
	for (size_t a = 0; a < n; a++)
		start[bi->ri[a] + 1]++;
	for (size_t x = 0; x < bi->ninst; x++)
		start[x + 1] += start[x];
	{
		size_t *fill = wf_xcalloc(bi->ninst + 1, sizeof *fill);
		for (size_t a = 0; a < n; a++)
			order[start[bi->ri[a]] + fill[bi->ri[a]]++] = rows[a];
		free(fill);
	}
	for (size_t x = 0; x < bi->ninst; x++)
		sorted[x] = &bi->keys[x];
	qsort(sorted, bi->ninst, sizeof *sorted, cmpkey);
	for (size_t b = 0; b < bi->ninst; b++) {
		size_t x = (size_t)(sorted[b] - bi->keys), tr;

		memset(vals, 0, nc * sizeof *vals);
		memset(tones, 0, (inds->n + 1) * sizeof *tones);
		vals[0] = bi->keys[x];
		for (size_t a = start[x]; a < start[x + 1]; a++) {
			size_t i = order[a], l;
			int j, okr;
			double rank;

			if (k->nc >= 0 && !vals[1])
				vals[1] = wf_kind_cell(in, i, k->nc);
			j = find(inds, wf_kind_cell(in, i, k->indc));
			rank = num_or(in, i, k->rc, &okr);
			if (j < 0 || !okr)
				continue;
			free(cells[c0 + (size_t)j]);
			l = strlen(wf_kind_cell(in, i, k->rc)) + 8;
			cells[c0 + (size_t)j] = wf_xmalloc(l);
			snprintf(cells[c0 + (size_t)j], l, "Q%d %s", quartile(rank), wf_kind_cell(in, i, k->rc));
			tones[j] = quartile(rank);
		}
		for (size_t j = 0; j < inds->n; j++)
			vals[c0 + j] = cells[c0 + j];
		tr = wf_rtable_add(t, vals, NULL);
		for (size_t j = 0; j < inds->n; j++)
			if (tones[j])
				wf_rtable_tone(t, tr, c0 + j, tones[j]);
		for (size_t j = 0; j < nc; j++) {
			free(cells[j]);
			cells[j] = NULL;
		}
	}
	wf_report_table(r, t);
	free(names);
	free(vals);
	free(cells);
	free(tones);
	free(start);
	free(order);
	free(sorted);
}

wf_report *wf_kind_profile(wf_rtable *in, const wf_report_opts *o, wf_report_err *e)
{
	const char *period = o->period ? o->period : "year";
	need nd = { in, WF_STRBUF_INIT, 0 };
	struct cols k = { 0 };
	size_t kept, nr = wf_rtable_nrows(in), n = 0, *rows = NULL;
	unsigned char *keep;
	const char *latest = NULL, *only = o->institution;
	strset inds = { 0 };
	struct by_inst bi = { NULL, 0, NULL };
	wf_map *im = wf_map_new();
	wf_report *r = NULL;
	char buf[600];

	k.pc = wf_kind_need_col(&nd, period);
	k.ic = wf_kind_need_col(&nd, "institution");
	k.indc = wf_kind_need_col(&nd, "indicator");
	k.vc = wf_kind_need_col(&nd, o->value ? o->value : "value");
	k.rc = wf_kind_need_col(&nd, "pct_rank");
	k.nc = wf_rtable_col(in, "institution_name");
	k.uc = wf_rtable_col(in, "unit");
	k.peersc = wf_rtable_col(in, "peers");
	k.medc = wf_rtable_col(in, "peer_median");
	k.p25c = wf_rtable_col(in, "peer_p25");
	k.p75c = wf_rtable_col(in, "peer_p75");
	k.minc = wf_rtable_col(in, "peer_min");
	k.maxc = wf_rtable_col(in, "peer_max");
	keep = wf_kind_filter_rows(in, o, &nd, &kept);
	if (o->group)
		wf_kind_split_cols(o->group, &k.gc, &k.ngc, &nd);
	if (wf_kind_need_report(&nd, "profile", "it reads wf-benchmark --profile output", e))
		goto fail;
	if (!o->group)
		for (size_t c = 0; c < wf_rtable_ncols(in); c++)
			if ((int)c != k.pc && !is_known(wf_rtable_name(in, c)) &&
			    wf_rtable_coltype(in, c) == WF_RCOL_TEXT) {
				k.gc = wf_xrealloc(k.gc, (k.ngc + 1) * sizeof *k.gc);
				k.gc[k.ngc++] = (int)c;
			}
	for (size_t i = 0; i < nr; i++) {
		wf_dec d;
		if (!keep[i])
			continue;
		if (wf_kind_num_or_err(in, i, k.vc, &d, e) < 0 ||
		    wf_kind_num_or_err(in, i, k.rc, &d, e) < 0)
			goto fail;
		if (!latest || strcmp(wf_kind_cell(in, i, k.pc), latest) > 0)
			latest = wf_kind_cell(in, i, k.pc);
	}
	r = wf_report_new(o->title ? o->title : wf_msg(o->lang, WF_M_TITLE_PROFILE), "profile");
	if (kept == 0) {
		wf_kind_no_rows(r, in, o);
		in = NULL;
		goto out;
	}
	rows = wf_xcalloc(nr, sizeof *rows);
	bi.ri = wf_xcalloc(nr, sizeof *bi.ri);
	bi.keys = wf_xcalloc(nr, sizeof *bi.keys);
	for (size_t i = 0; i < nr; i++)
		if (keep[i] && strcmp(wf_kind_cell(in, i, k.pc), latest) == 0) {
			const char *key = wf_kind_cell(in, i, k.ic);
			intptr_t *x = wf_map_islot(im, key, strlen(key), -1);
			if (*x < 0) {
				*x = (intptr_t)bi.ninst;
				bi.keys[bi.ninst++] = key;
			}
			bi.ri[n] = (size_t)*x;
			rows[n++] = i;
			if (find(&inds, wf_kind_cell(in, i, k.indc)) < 0)
				wf_kind_set_add(&inds, wf_kind_cell(in, i, k.indc));
		}
	if (only && wf_map_iget(im, only, strlen(only), -1) < 0) {
		wf_kind_seterr(e, -1, "institution '%s' has no rows in %s %s", only, period, latest);
		goto fail;
	}
	if (!only && bi.ninst == 1)
		only = bi.keys[0];
	snprintf(buf, sizeof buf, wf_msg(o->lang, WF_M_PROFILE_NOTE), wf_kind_word(o, period), latest,
		 wf_kind_word(o, period));
	wf_report_note(r, buf);
	if (only)
		one_institution(r, in, &k, o, rows, n, only, latest);
	else
		group_table(r, in, &k, o, rows, n, &inds, latest, &bi);
	goto out;
fail:
	wf_report_free(r);
	r = NULL;
out:
	wf_kind_set_free(&inds);
	wf_map_free(im);
	free(bi.ri);
	free(bi.keys);
	free(rows);
	free(keep);
	free(k.gc);
	wf_rtable_free(in);
	return r;
}
