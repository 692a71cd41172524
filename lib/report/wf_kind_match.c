/* wf_kind_match.c - --kind match: assignments and unmet demand by category. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"
#include "wf_kind_priv.h"

struct agg {
	wf_dec assigned, unmet;
	size_t rows;
	size_t first; /* first input row, for names */
};

static int add_or_err(wf_dec *acc, wf_dec d, size_t row, const char *col, wf_report_err *e)
{
	if (wf_dec_add(acc, d)) {
		wf_kind_seterr(e, (long)row, "sum of column '%s' overflows", col);
		return -1;
	}
	return 0;
}

/* "NEEDCAT\tOFFERCAT\tFIT": one key per way needs of a category were
 * served. A new string. */
static char *pair_key(const wf_rtable *in, size_t i, int dcc, int cc, int fitc)
{
	wf_strbuf b = WF_STRBUF_INIT;

	wf_strbuf_printf(&b, "%s\t%s\t%s", wf_kind_cell(in, i, dcc), wf_kind_cell(in, i, cc),
			 wf_kind_cell(in, i, fitc));
	return wf_strbuf_steal(&b);
}

/* "CHILDCARE 3 (fit 1.0000), CAMPS 1 (fit 0.4000)" for need category
 * cat, from the sorted pair keys and their assigned sums. */
static void served_text(wf_strbuf *b, const strset *pairs, const struct agg *pa, const char *cat,
			const wf_report_opts *o)
{
	size_t n = strlen(cat), k = 0;

	for (size_t i = 0; i < pairs->n; i++) {
		const char *p = pairs->v[i], *t1, *t2;
		char num[WF_DEC_BUFSZ];
		if (strncmp(p, cat, n) != 0 || p[n] != '\t' || wf_dec_sign(pa[i].assigned) == 0)
			continue;
		t1 = p + n + 1;
		t2 = strchr(t1, '\t');
		wf_kind_dec_text(num, pa[i].assigned);
		wf_strbuf_printf(b, "%s", k++ ? ", " : "");
		{
			char *oc = wf_xstrndup(t1, (size_t)(t2 - t1));
			wf_strbuf_printf(b, "%s %s", wf_kind_display_name(o, oc), num);
			free(oc);
		}
		if (*(t2 + 1))
			wf_strbuf_printf(b, " (fit %s)", t2 + 1);
	}
}

static const struct agg *agg_t;
static int cmp_busy(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c = wf_dec_cmp(agg_t[b].assigned, agg_t[a].assigned);

	return c ? c : (a > b) - (a < b);
}

wf_report *wf_kind_match(wf_rtable *in, const wf_report_opts *o, wf_report_err *e)
{
	need nd = { in, WF_STRBUF_INIT, 0 };
	int cc = wf_kind_need_col(&nd, "category"), ac = wf_kind_need_col(&nd, "assigned");
	int uc = wf_rtable_col(in, "unmet"), rc = wf_rtable_col(in, "reason");
	int dc = wf_rtable_col(in, "demand_id"), sc = wf_rtable_col(in, "supply_id");
	int snc = wf_rtable_col(in, "supply_name");
	/* Coverage is counted by what the need asked for (demand_category)
	 * when the input has it, not by the offer's category that served it. */
	int dcc = wf_rtable_col(in, "demand_category"), gc = dcc >= 0 ? dcc : cc;
	int fitc = wf_rtable_col(in, "fit");
	strset pairs = { 0 };
	struct agg *pa = NULL;
	int dla = wf_rtable_col(in, "demand_lat"), dlo = wf_rtable_col(in, "demand_lon");
	int sla = wf_rtable_col(in, "supply_lat"), slo = wf_rtable_col(in, "supply_lon");
	size_t kept, nr = wf_rtable_nrows(in), top = o->top ? o->top : 10;
	unsigned char *keep = wf_kind_filter_rows(in, o, &nd, &kept);
	strset cats = { 0 }, sup = { 0 }, reasons = { 0 };
	struct agg *ca = NULL, *sa = NULL, *ra = NULL;
	size_t *unmet_rows = NULL, nunmet = 0;
	char *unit = NULL;
	wf_report *r = NULL;
	char buf[400];

	if (wf_kind_need_report(&nd, "match", "it reads wf-match output", e))
		goto fail;
	r = wf_report_new(o->title ? o->title : wf_msg(o->lang, WF_M_TITLE_MATCH), "match");
	if (kept == 0) {
		wf_kind_no_rows(r, in, o);
		in = NULL;
		goto out;
	}
	for (size_t i = 0; i < nr; i++)
		if (keep[i]) {
			wf_kind_set_add(&cats, wf_kind_cell(in, i, gc));
			if (dcc >= 0 && sc >= 0 && *wf_kind_cell(in, i, sc)) {
				char *k = pair_key(in, i, dcc, cc, fitc);
				wf_kind_set_add(&pairs, k);
				free(k);
			}
			if (sc >= 0 && *wf_kind_cell(in, i, sc))
				wf_kind_set_add(&sup, wf_kind_cell(in, i, sc));
			if (rc >= 0 && *wf_kind_cell(in, i, rc))
				wf_kind_set_add(&reasons, wf_kind_cell(in, i, rc));
		}
	wf_kind_set_sort(&cats);
	wf_kind_set_sort(&sup);
	wf_kind_set_sort(&reasons);
	wf_kind_set_sort(&pairs);
	pa = wf_xcalloc(pairs.n, sizeof *pa);
	ca = wf_xcalloc(cats.n, sizeof *ca);
	sa = wf_xcalloc(sup.n, sizeof *sa);
	ra = wf_xcalloc(reasons.n, sizeof *ra);
	unmet_rows = wf_xcalloc(nr, sizeof *unmet_rows);
	for (size_t i = 0; i < nr; i++) {
		wf_dec a, u;
		int ka, ku;
		struct agg *g;
		if (!keep[i])
			continue;
		if ((ka = wf_kind_num_or_err(in, i, ac, &a, e)) < 0 || (ku = wf_kind_num_or_err(in, i, uc, &u, e)) < 0)
			goto fail;
		g = &ca[wf_kind_set_find(&cats, wf_kind_cell(in, i, gc))];
		if (dcc >= 0 && sc >= 0 && *wf_kind_cell(in, i, sc) && ka) {
			/* the same row's key went into pairs above */
			char *k = pair_key(in, i, dcc, cc, fitc);
			int at = wf_kind_set_find(&pairs, k);
			free(k);
			if (add_or_err(&pa[at].assigned, a, i, "assigned", e))
				goto fail;
		}
		g->rows++;
		if (ka && add_or_err(&g->assigned, a, i, "assigned", e))
			goto fail;
		if (ku && add_or_err(&g->unmet, u, i, "unmet", e))
			goto fail;
		if (ku && wf_dec_sign(u) > 0) {
			unmet_rows[nunmet++] = i;
			if (rc >= 0 && *wf_kind_cell(in, i, rc) &&
			    add_or_err(&ra[wf_kind_set_find(&reasons, wf_kind_cell(in, i, rc))].unmet, u, i, "unmet", e))
				goto fail;
		}
		if (sc >= 0 && *wf_kind_cell(in, i, sc)) {
			struct agg *s = &sa[wf_kind_set_find(&sup, wf_kind_cell(in, i, sc))];
			if (s->rows++ == 0)
				s->first = i;
			if (ka && add_or_err(&s->assigned, a, i, "assigned", e))
				goto fail;
		}
	}
	unit = wf_xstrdup(o->unit && *o->unit ? o->unit : wf_msg(o->lang, WF_M_UNITS));
	{
		/* wf-match --top lists candidates with no units assigned: the
		 * charts would all read zero, so say why. */
		int stc = wf_rtable_col(in, "status");
		size_t ncand = 0, nassigned = 0;
		for (size_t i = 0; stc >= 0 && i < nr; i++) {
			if (!keep[i])
				continue;
			ncand += strcmp(wf_kind_cell(in, i, stc), "candidate") == 0;
			nassigned += strcmp(wf_kind_cell(in, i, stc), "assigned") == 0;
		}
		if (ncand && !nassigned)
			wf_report_note(r, wf_msg(o->lang, WF_M_MATCH_CANDIDATES));
	}
	/* Coverage by category. */
	{
		static const char *const cn[] = { "category", "assigned", "unmet", "coverage_pct",
						  "served_by" };
		size_t ncn = uc >= 0 ? (dcc >= 0 ? 5 : 4) : 2;
		wf_chart *ch;
		wf_rtable *t;
		char *xt;
		if (uc >= 0) {
			ch = wf_chart_new(WF_CHART_BAR, wf_msg(o->lang, WF_M_MATCH_COVERAGE_CHART));
			wf_chart_axes(ch, wf_kind_word(o, "category"), wf_msg(o->lang, WF_M_MATCH_COVERED_PCT));
		} else {
			ch = wf_chart_new(WF_CHART_BAR, wf_msg(o->lang, WF_M_MATCH_ASSIGNED_CHART));
			xt = wf_kind_axis_title(wf_kind_word(o, "assigned"), unit);
			wf_chart_axes(ch, wf_kind_word(o, "category"), xt);
			free(xt);
			wf_report_note(r, wf_msg(o->lang, WF_M_MATCH_NEEDS_UNMET));
		}
		wf_kind_chart_fmt(ch, o);
		wf_chart_value_decimals(ch, uc >= 0 ? 1 : 0);
		t = wf_rtable_new(wf_msg(o->lang, dcc >= 0 ? WF_M_MATCH_COVERAGE_NEED :
					 WF_M_MATCH_COVERAGE_TABLE), ncn, cn);
		if (dcc >= 0)
			wf_report_note(r, wf_msg(o->lang, WF_M_MATCH_SERVED_NOTE));
		for (size_t k = 0; k < cats.n; k++) {
			char b1[WF_DEC_BUFSZ], b2[WF_DEC_BUFSZ], b3[32];
			const char *v[5];
			wf_strbuf served = WF_STRBUF_INIT;
			double as = wf_dec_to_double(ca[k].assigned), un = wf_dec_to_double(ca[k].unmet);
			size_t x = wf_chart_x(ch, wf_kind_value_name(o, "category", cats.v[k]));
			wf_kind_dec_text(b1, ca[k].assigned);
			wf_kind_dec_text(b2, ca[k].unmet);
			wf_kind_pct_text(b3, sizeof b3, as, as + un);
			v[0] = wf_kind_display_name(o, cats.v[k]);
			v[1] = b1;
			v[2] = b2;
			v[3] = b3;
			served_text(&served, &pairs, pa, cats.v[k], o);
			v[4] = wf_strbuf_str(&served);
			if (uc >= 0) {
				if (*b3)
					wf_chart_set(ch, 0, x, as / (as + un) * 100);
				if (wf_dec_sign(ca[k].unmet) > 0)
					wf_chart_highlight(ch, x);
			} else {
				wf_chart_set(ch, 0, x, as);
			}
			wf_rtable_add(t, v, NULL);
			wf_strbuf_release(&served);
		}
		if (uc >= 0)
			wf_chart_caption(ch, wf_msg(o->lang, WF_M_MATCH_HIGHLIGHTED));
		wf_report_chart(r, ch);
		wf_report_table(r, t);
	}
	/* Busiest providers. */
	if (sc >= 0 && sup.n) {
		size_t *ord = wf_xcalloc(sup.n, sizeof *ord), n = sup.n < top ? sup.n : top;
		const char *cn[] = { "supply_id", "supply_name", "assigned", "matches" };
		wf_chart *ch;
		wf_rtable *t;
		char *xt = wf_kind_axis_title(wf_kind_word(o, "assigned"), unit);
		for (size_t k = 0; k < sup.n; k++)
			ord[k] = k;
		agg_t = sa;
		qsort(ord, sup.n, sizeof *ord, cmp_busy);
		snprintf(buf, sizeof buf, wf_msg(o->lang, WF_M_MATCH_BUSIEST), n, sup.n);
		ch = wf_chart_new(WF_CHART_BAR, buf);
		wf_kind_chart_fmt(ch, o);
		wf_chart_axes(ch, wf_msg(o->lang, WF_M_MATCH_PROVIDER), xt);
		wf_chart_value_decimals(ch, 0);
		free(xt);
		t = wf_rtable_new(buf, snc >= 0 ? 4 : 3, snc >= 0 ? cn : (const char *[]){ cn[0], cn[2], cn[3] });
		for (size_t k = 0; k < n; k++) {
			const struct agg *s = &sa[ord[k]];
			char b1[WF_DEC_BUFSZ], b2[32];
			const char *v[4];
			size_t j = 0;
			wf_strbuf lab = WF_STRBUF_INIT;
			wf_kind_dec_text(b1, s->assigned);
			snprintf(b2, sizeof b2, "%zu", s->rows);
			v[j++] = sup.v[ord[k]];
			if (snc >= 0)
				v[j++] = wf_kind_cell(in, s->first, snc);
			v[j++] = b1;
			v[j++] = b2;
			wf_rtable_add(t, v, NULL);
			wf_strbuf_puts(&lab, sup.v[ord[k]]);
			if (snc >= 0 && *wf_kind_cell(in, s->first, snc))
				wf_strbuf_printf(&lab, " %s", wf_kind_cell(in, s->first, snc));
			wf_chart_set(ch, 0, wf_chart_x(ch, lab.s), wf_dec_to_double(s->assigned));
			wf_strbuf_release(&lab);
		}
		wf_report_chart(r, ch);
		wf_report_table(r, t);
		free(ord);
	}
	/* Unmet needs: by reason, then each need. */
	if (uc >= 0) {
		if (reasons.n) {
			const char *cn[] = { "reason", "unmet" };
			wf_rtable *t = wf_rtable_new(wf_msg(o->lang, WF_M_MATCH_BY_REASON), 2, cn);
			for (size_t k = 0; k < reasons.n; k++) {
				char b1[WF_DEC_BUFSZ];
				const char *v[2] = { reasons.v[k], b1 };
				wf_kind_dec_text(b1, ra[k].unmet);
				wf_rtable_add(t, v, NULL);
			}
			wf_report_table(r, t);
		}
		{
			int pick[6];
			size_t np = 0;
			int want[] = { dc, cc, wf_rtable_col(in, "quantity"), ac, uc, rc };
			for (size_t k = 0; k < 6; k++)
				if (want[k] >= 0)
					pick[np++] = want[k];
			snprintf(buf, sizeof buf, wf_msg(o->lang, WF_M_MATCH_UNMET_NEEDS), nunmet);
			wf_report_table(r, wf_kind_subset(in, unmet_rows, nunmet, pick, np, buf, 0));
		}
	}
	/* Where demand and supply are. */
	if ((dla >= 0 && dlo >= 0) || (sla >= 0 && slo >= 0)) {
		wf_chart *ch = wf_chart_new(WF_CHART_MAP, wf_msg(o->lang, WF_M_MATCH_MAP));
		strset seen = { 0 };
		/* One symbol per demand or provider (not per match row): its
		 * first row's place; its size the units it asked for (assigned
		 * plus unmet) or, for a provider, the units it serves. */
		struct spot { double lon, lat, size; size_t row; int side; } *spots = NULL;
		size_t nspots = 0;
		size_t sd = wf_chart_series(ch, wf_msg(o->lang, WF_M_MATCH_DEMAND));
		size_t ss = wf_chart_series(ch, wf_msg(o->lang, WF_M_MATCH_SUPPLY));
		wf_kind_chart_fmt(ch, o);
		for (int side = 0; side < 2; side++) {
			int la = side ? sla : dla, lo = side ? slo : dlo, id = side ? sc : dc;
			if (la < 0 || lo < 0)
				continue;
			for (size_t i = 0; i < nr; i++) {
				wf_dec dy, dx, q;
				int ky, kx;
				size_t k = nspots;
				if (!keep[i])
					continue;
				if ((ky = wf_kind_num_or_err(in, i, la, &dy, e)) < 0 ||
				    (kx = wf_kind_num_or_err(in, i, lo, &dx, e)) < 0)
					goto map_fail;
				if (!ky || !kx)
					continue;
				if (id >= 0) {
					wf_strbuf key = WF_STRBUF_INIT;
					wf_strbuf_printf(&key, "%d:%s", side, wf_kind_cell(in, i, id));
					k = wf_kind_set_add(&seen, key.s);
					wf_strbuf_release(&key);
				}
				if (k == nspots) {
					spots = wf_xrealloc(spots, (nspots + 1) * sizeof *spots);
					spots[nspots++] = (struct spot){ wf_dec_to_double(dx), wf_dec_to_double(dy),
									 0, i, side };
				}
				if (id < 0)
					continue;
				if (side == 0) {
					if (wf_kind_cell_num(in, i, ac, &q) == 1)
						spots[k].size += wf_dec_to_double(q);
					if (wf_kind_cell_num(in, i, uc, &q) == 1)
						spots[k].size += wf_dec_to_double(q);
				} else if (wf_kind_cell_num(in, i, ac, &q) == 1) {
					spots[k].size += wf_dec_to_double(q);
				}
			}
		}
		for (size_t k = 0; k < nspots; k++) {
			int id = spots[k].side ? sc : dc;
			wf_chart_geo_sized(ch, spots[k].side ? ss : sd, spots[k].lon, spots[k].lat,
					   spots[k].size, id >= 0 ? wf_kind_cell(in, spots[k].row, id) : "");
		}
		wf_chart_caption(ch, wf_msg(o->lang, wf_chart_on_italy(ch) ? WF_M_MATCH_MAP_ITALY :
					    WF_M_MATCH_MAP_CAPTION));
		free(spots);
		wf_kind_set_free(&seen);
		wf_report_chart(r, ch);
		goto map_done;
map_fail:
		free(spots);
		wf_kind_set_free(&seen);
		wf_chart_free(ch);
		goto fail;
map_done:;
	} else {
		wf_report_note(r, wf_msg(o->lang, WF_M_MATCH_NO_MAP));
	}
	goto out;
fail:
	wf_report_free(r);
	r = NULL;
out:
	free(unit);
	free(ca);
	free(sa);
	free(ra);
	free(unmet_rows);
	wf_kind_set_free(&cats);
	wf_kind_set_free(&sup);
	wf_kind_set_free(&reasons);
	wf_kind_set_free(&pairs);
	free(pa);
	free(keep);
	wf_rtable_free(in);
	return r;
}
