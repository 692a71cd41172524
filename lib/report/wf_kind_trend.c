/* wf_kind_trend.c - --kind trend: a time series per group. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"
#include "wf_kind_priv.h"

struct cellsum {
	wf_dec sum;
	unsigned n;
};

/* A group as readers see it: its --label, else the catalogue's name of
 * a coded value of a group column (a region, an aggregate; inputs with
 * different group columns give one-cell groups), else itself. */
static const char *group_name(const wf_report_opts *o, const wf_rtable *in, const int *gc,
			      size_t ngc, const char *g)
{
	for (size_t k = 0; k < ngc; k++) {
		const char *v = wf_kind_value_name(o, wf_rtable_name(in, (size_t)gc[k]), g);
		if (v != g)
			return v;
	}
	return wf_kind_display_name(o, g);
}

/* With groups that are regions: the last period as a map of Italy. */
static void region_map(wf_report *r, const wf_report_opts *o, const wf_rtable *in, const int *gc,
		       size_t ngc, const strset *periods, const strset *groups,
		       const struct cellsum *m)
{
	size_t p = periods->n - 1;
	char title[300];
	wf_chart *ch;
	char *lt;

	if (ngc != 1 || strcmp(wf_rtable_name(in, (size_t)gc[0]), "region") != 0)
		return;
	snprintf(title, sizeof title, wf_msg(o->lang, WF_M_TREND_MAP), wf_kind_word(o, o->value ?
		 o->value : "metric_total"), wf_kind_word(o, o->period ? o->period : "year"),
		 periods->v[p]);
	wf_kind_title_case(o, title);
	ch = wf_chart_new(WF_CHART_MAP, title);
	wf_kind_chart_fmt(ch, o);
	lt = wf_kind_axis_title(wf_kind_word(o, o->value ? o->value : "metric_total"), o->unit);
	wf_chart_axes(ch, "", lt);
	free(lt);
	for (size_t g = 0; g < groups->n; g++)
		if (m[p * groups->n + g].n)
			wf_chart_region(ch, groups->v[g], wf_dec_to_double(m[p * groups->n + g].sum));
	wf_report_chart(r, ch);
}

wf_report *wf_kind_trend(wf_rtable *in, const wf_report_opts *o, wf_report_err *e)
{
	const char *period = o->period ? o->period : "year";
	const char *value = o->value ? o->value : "metric_total";
	need nd = { in, WF_STRBUF_INIT, 0 };
	int pc = wf_kind_need_col(&nd, period), vc = wf_kind_need_col(&nd, value);
	int *gc = NULL;
	size_t ngc = 0, kept, nr = wf_rtable_nrows(in), ncap = o->top ? o->top : 10;
	unsigned char *keep = wf_kind_filter_rows(in, o, &nd, &kept);
	strset periods = { 0 }, groups = { 0 };
	char **rowgroup = NULL;
	struct cellsum *m = NULL;
	wf_report *r = NULL;
	wf_chart *ch = NULL;
	char *ytitle = NULL;
	size_t summed = 0;

	if (o->group)
		wf_kind_split_cols(o->group, &gc, &ngc, &nd);
	if (wf_kind_need_report(&nd, "trend", "--period, --group and --value choose columns", e))
		goto fail;
	if (!o->group) {
		for (size_t c = 0; c < wf_rtable_ncols(in); c++)
			if ((int)c != pc && (int)c != vc && wf_rtable_coltype(in, c) == WF_RCOL_TEXT) {
				gc = wf_xrealloc(gc, (ngc + 1) * sizeof *gc);
				gc[ngc++] = (int)c;
			}
	}
	r = wf_report_new(o->title ? o->title : wf_msg(o->lang, WF_M_TITLE_TREND), "trend");
	if (kept == 0) {
		wf_kind_no_rows(r, in, o);
		in = NULL;
		goto out;
	}
	/* Group name of each row: its group cells joined by " / ". */
	rowgroup = wf_xcalloc(nr, sizeof *rowgroup);
	for (size_t i = 0; i < nr; i++) {
		wf_strbuf g = WF_STRBUF_INIT;
		if (!keep[i])
			continue;
		if (!*wf_kind_cell(in, i, pc)) {
			wf_kind_seterr(e, (long)i, "empty value in column '%s'", period);
			goto fail;
		}
		for (size_t k = 0; k < ngc; k++) {
			const char *s = wf_kind_cell(in, i, gc[k]);
			if (!*s)
				continue;
			if (g.len)
				wf_strbuf_puts(&g, " / ");
			wf_strbuf_puts(&g, s);
		}
		if (g.len == 0)
			wf_strbuf_puts(&g, ngc ? wf_msg(o->lang, WF_M_GROUP_NONE) : value);
		rowgroup[i] = wf_strbuf_steal(&g);
		wf_kind_set_add(&periods, wf_kind_cell(in, i, pc));
		wf_kind_set_add(&groups, rowgroup[i]);
	}
	wf_kind_set_sort(&periods);
	wf_kind_set_sort(&groups);
	m = wf_xcalloc(periods.n * groups.n, sizeof *m);
	for (size_t i = 0; i < nr; i++) {
		wf_dec d;
		int k;
		struct cellsum *cs;
		if (!keep[i])
			continue;
		k = wf_kind_num_or_err(in, i, vc, &d, e);
		if (k < 0)
			goto fail;
		if (k == 0)
			continue; /* a gap */
		cs = &m[(size_t)wf_kind_set_find(&periods, wf_kind_cell(in, i, pc)) * groups.n +
			(size_t)wf_kind_set_find(&groups, rowgroup[i])];
		if (cs->n == 0) {
			cs->sum = d;
		} else {
			if (wf_dec_add(&cs->sum, d)) {
				wf_kind_seterr(e, (long)i, "sum of column '%s' overflows", value);
				goto fail;
			}
			summed++;
		}
		cs->n++;
	}
	if (summed) {
		wf_strbuf note = WF_STRBUF_INIT;
		wf_strbuf_printf(&note, wf_msg(o->lang, summed == 1 ? WF_M_TREND_SUMMED_ONE :
					       WF_M_TREND_SUMMED_MANY), summed,
				 wf_kind_word(o, period), value);
		wf_report_note(r, wf_strbuf_str(&note));
		wf_strbuf_release(&note);
	}
	/* The chart: every group while they are few; beyond the cap, the
	 * ones with the largest value in the last period they have. */
	{
		char title[300];
		unsigned char *show = wf_xcalloc(groups.n, 1);
		double *last = wf_xcalloc(groups.n, sizeof *last);
		size_t shown = 0;

		for (size_t g = 0; g < groups.n; g++) {
			last[g] = -INFINITY;
			for (size_t p = periods.n; p-- > 0;)
				if (m[p * groups.n + g].n) {
					last[g] = wf_dec_to_double(m[p * groups.n + g].sum);
					break;
				}
		}
		for (size_t k = 0; k < groups.n && k < ncap; k++) {
			size_t best = groups.n;
			for (size_t g = 0; g < groups.n; g++)
				if (!show[g] && (best == groups.n || last[g] > last[best]))
					best = g;
			show[best] = 1;
			shown++;
		}
		snprintf(title, sizeof title, wf_msg(o->lang, WF_M_TREND_CHART), wf_kind_word(o, value),
			 wf_kind_word(o, period));
		wf_kind_title_case(o, title);
		ch = wf_chart_new(WF_CHART_LINE, title);
		wf_kind_chart_fmt(ch, o);
		ytitle = wf_kind_axis_title(wf_kind_word(o, value), o->unit);
		wf_chart_axes(ch, wf_kind_word(o, period), ytitle);
		wf_chart_zero_baseline(ch, 1);
		for (size_t p = 0; p < periods.n; p++)
			wf_chart_x(ch, periods.v[p]);
		for (size_t g = 0; g < groups.n; g++) {
			size_t s;
			if (!show[g])
				continue;
			s = wf_chart_series(ch, group_name(o, in, gc, ngc, groups.v[g]));
			for (size_t p = 0; p < periods.n; p++)
				if (m[p * groups.n + g].n)
					wf_chart_set(ch, s, p, wf_dec_to_double(m[p * groups.n + g].sum));
		}
		if (shown < groups.n) {
			wf_strbuf note = WF_STRBUF_INIT;
			wf_strbuf_printf(&note, wf_msg(o->lang, WF_M_TREND_CAPPED), shown, groups.n);
			wf_report_note(r, wf_strbuf_str(&note));
			wf_strbuf_release(&note);
		}
		free(show);
		free(last);
		wf_report_chart(r, ch);
		ch = NULL;
		region_map(r, o, in, gc, ngc, &periods, &groups, m);
	}
	/* Values table: one row per period, one column per group. */
	{
		const char **names = wf_xcalloc(groups.n + 1, sizeof *names);
		const char **vals = wf_xcalloc(groups.n + 1, sizeof *vals);
		char (*bufs)[WF_DEC_BUFSZ] = wf_xcalloc(groups.n + 1, sizeof *bufs);
		wf_rtable *t;
		char cap[300];

		names[0] = period;
		for (size_t g = 0; g < groups.n; g++)
			names[g + 1] = group_name(o, in, gc, ngc, groups.v[g]);
		snprintf(cap, sizeof cap, wf_msg(o->lang, WF_M_TREND_TABLE), wf_kind_word(o, value),
			 wf_kind_word(o, period));
		wf_kind_title_case(o, cap);
		t = wf_rtable_new(cap, groups.n + 1, names);
		/* Sums keep one display however round they happen to be. */
		for (size_t g = 0; g < groups.n; g++)
			wf_rtable_force_decimal(t, g + 1);
		for (size_t p = 0; p < periods.n; p++) {
			vals[0] = periods.v[p];
			for (size_t g = 0; g < groups.n; g++) {
				const struct cellsum *cs = &m[p * groups.n + g];
				vals[g + 1] = NULL;
				if (cs->n) {
					wf_kind_dec_text(bufs[g + 1], cs->sum);
					vals[g + 1] = bufs[g + 1];
				}
			}
			wf_rtable_add(t, vals, NULL);
		}
		wf_report_table(r, t);
		/* Change over the span, per group. */
		{
			static const char *const cn[] = { "group", "first", "first_value", "last",
							  "last_value", "change", "change_pct" };
			wf_rtable *c2;
			snprintf(cap, sizeof cap, wf_msg(o->lang, WF_M_TREND_CHANGE), wf_kind_word(o, value),
				 wf_kind_word(o, period));
			c2 = wf_rtable_new(cap, 7, cn);
			wf_rtable_force_decimal(c2, 2);
			wf_rtable_force_decimal(c2, 4);
			wf_rtable_force_decimal(c2, 5);
			wf_rtable_force_decimal(c2, 6);
			for (size_t g = 0; g < groups.n; g++) {
				size_t p0 = periods.n, p1 = periods.n;
				char b0[WF_DEC_BUFSZ], b1[WF_DEC_BUFSZ], bc[WF_DEC_BUFSZ], bp[32];
				const char *v[7];
				wf_dec diff;
				for (size_t p = 0; p < periods.n; p++)
					if (m[p * groups.n + g].n) {
						if (p0 == periods.n)
							p0 = p;
						p1 = p;
					}
				if (p0 == periods.n)
					continue;
				wf_kind_dec_text(b0, m[p0 * groups.n + g].sum);
				wf_kind_dec_text(b1, m[p1 * groups.n + g].sum);
				diff = m[p1 * groups.n + g].sum;
				v[5] = NULL;
				bp[0] = '\0';
				/* a change too large for int64 has no percentage either;
				 * the percentage is of the first value's size, as
				 * wf-benchmark's change_pct: -10 to -5 is +50 % */
				if (wf_dec_add(&diff, wf_dec_neg(m[p0 * groups.n + g].sum)) == 0) {
					wf_kind_dec_text(bc, diff);
					v[5] = bc;
					wf_kind_pct_text(bp, sizeof bp, wf_dec_to_double(diff),
							 fabs(wf_dec_to_double(m[p0 * groups.n + g].sum)));
				}
				v[0] = group_name(o, in, gc, ngc, groups.v[g]);
				v[1] = periods.v[p0];
				v[2] = b0;
				v[3] = periods.v[p1];
				v[4] = b1;
				v[6] = bp;
				wf_rtable_add(c2, v, NULL);
			}
			wf_report_table(r, c2);
		}
		free(names);
		free(vals);
		free(bufs);
	}
	goto out;
fail:
	wf_report_free(r);
	r = NULL;
out:
	wf_chart_free(ch);
	free(ytitle);
	if (rowgroup)
		for (size_t i = 0; i < nr; i++)
			free(rowgroup[i]);
	free(rowgroup);
	free(m);
	free(gc);
	free(keep);
	wf_kind_set_free(&periods);
	wf_kind_set_free(&groups);
	wf_rtable_free(in);
	return r;
}
