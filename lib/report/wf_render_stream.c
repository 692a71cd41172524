#include "wf_render_stream.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"
#include "wf_kind_priv.h"
#include "wf_spool.h"

struct where {
	char *col;        /* the column named */
	long c;           /* its united index, -1 until an input has it */
	enum wf_where_op op;
	const char *val;  /* borrowed from the options */
};

struct wf_render_stream {
	wf_rinput *in;
	const wf_report_opts *o;
	wf_spool *spool;      /* the rows --where keeps, as read */
	size_t total, kept;
	int synthetic;
	size_t known;         /* united columns looked at so far */
	long prov;            /* the provenance column, or -1 */
	struct where *w;
	size_t nw;
	wf_rcount *count;     /* per united column, over the rows kept */
	wf_rcount *dropped;   /* and over those --where dropped */
	struct first_range {  /* its first cell past wf_dec's range, any row */
		unsigned src;
		long line;    /* 0: none yet */
		char cell[41]; /* as much as the message shows */
	} *range;
	size_t ncount;
	char **from;          /* --label NAME=TEXT: NAME (TEXT borrowed) */
	const char **to;
	size_t nlabel;
	/* Rendering: output column k shows spooled column map[k] (NULL:
	 * k itself), relabelled when that column is text. */
	size_t *map, nout;
	unsigned char *text;
	const char **row;
};

int wf_render_stream_possible(const wf_report_opts *o)
{
	return o->kind == WF_KIND_TABLE && !o->sort;
}

/* Columns a new input brought: is one of them provenance, or named by
 * a --where? */
static void new_columns(wf_render_stream *s, size_t n)
{
	if (n <= s->known)
		return;
	for (size_t c = s->known; c < n; c++) {
		const char *name = wf_rinput_col(s->in, c);
		if (s->prov < 0 && strcmp(name, "provenance") == 0)
			s->prov = (long)c;
		for (size_t i = 0; i < s->nw; i++)
			if (s->w[i].c < 0 && strcmp(name, s->w[i].col) == 0)
				s->w[i].c = (long)c;
	}
	s->count = wf_xrealloc(s->count, n * sizeof *s->count);
	memset(s->count + s->ncount, 0, (n - s->ncount) * sizeof *s->count);
	s->dropped = wf_xrealloc(s->dropped, n * sizeof *s->dropped);
	memset(s->dropped + s->ncount, 0, (n - s->ncount) * sizeof *s->dropped);
	s->range = wf_xrealloc(s->range, n * sizeof *s->range);
	memset(s->range + s->ncount, 0, (n - s->ncount) * sizeof *s->range);
	s->ncount = s->known = n;
}

/* Counts a row's cells into k (the type rule), keeping where the
 * first cell past the range of each column was. */
static void count_row(wf_render_stream *s, wf_rcount *k, const char *const *cells,
		      const size_t *lens, size_t n)
{
	for (size_t c = 0; c < n; c++) {
		size_t before;
		if (!cells[c])
			continue;
		before = k[c].range;
		wf_rcount_add(&k[c], cells[c], lens[c]);
		/* the row is gone once rendered: keep where, for the message */
		if (k[c].range != before && s->range[c].line == 0) {
			struct first_range *f = &s->range[c];
			wf_rinput_at(s->in, &f->src, &f->line);
			snprintf(f->cell, sizeof f->cell, "%.*s", (int)(lens[c] < 40 ? lens[c] : 40),
				 cells[c]);
		}
	}
}

static int on_row(void *ctx, const char *const *cells, const size_t *lens, size_t n)
{
	wf_render_stream *s = ctx;

	if (n > s->known)
		new_columns(s, n);
	s->total++;
	/* as wf_report_build(): every row read, before --where */
	if (!s->synthetic && s->prov >= 0 && (size_t)s->prov < n && cells[s->prov] &&
	    strstr(cells[s->prov], "SYNTHETIC"))
		s->synthetic = 1;
	/* a row whose input lacks the column is kept */
	for (size_t i = 0; i < s->nw; i++) {
		long c = s->w[i].c;
		if (c >= 0 && (size_t)c < n && cells[c] &&
		    !wf_report_where_match(cells[c], s->w[i].op, s->w[i].val)) {
			/* wf_report_build() checks numbers before --where */
			count_row(s, s->dropped, cells, lens, n);
			return 0;
		}
	}
	s->kept++;
	count_row(s, s->count, cells, lens, n);
	return wf_spool_add(s->spool, cells, lens, n);
}

wf_render_stream *wf_render_stream_new(wf_rinput *in, const wf_report_opts *o)
{
	wf_spool *spool = wf_spool_new();
	wf_render_stream *s;

	if (!spool)
		return NULL;
	s = wf_xcalloc(1, sizeof *s);
	s->in = in;
	s->o = o;
	s->spool = spool;
	s->prov = -1;
	s->w = wf_xcalloc(o->nwhere, sizeof *s->w);
	for (size_t i = 0; i < o->nwhere; i++) {
		size_t len;
		enum wf_where_op op;
		const char *val;
		if (wf_report_where_parse(o->where[i], &len, &op, &val) < 0)
			continue; /* refused at option time */
		s->w[s->nw].col = wf_xstrndup(o->where[i], len);
		s->w[s->nw].c = -1;
		s->w[s->nw].op = op;
		s->w[s->nw].val = val;
		s->nw++;
	}
	s->from = wf_xcalloc(o->nlabel, sizeof *s->from);
	s->to = wf_xcalloc(o->nlabel, sizeof *s->to);
	for (size_t i = 0; i < o->nlabel; i++) {
		const char *eq = strchr(o->label[i], '=');
		if (!eq)
			continue;
		s->from[s->nlabel] = wf_xstrndup(o->label[i], (size_t)(eq - o->label[i]));
		s->to[s->nlabel++] = eq + 1;
	}
	new_columns(s, wf_rinput_ncols(in));
	wf_rinput_sink(in, on_row, s);
	return s;
}

void wf_render_stream_free(wf_render_stream *s)
{
	if (!s)
		return;
	wf_spool_free(s->spool);
	for (size_t i = 0; i < s->nw; i++)
		free(s->w[i].col);
	free(s->w);
	free(s->count);
	free(s->range);
	free(s->dropped);
	for (size_t i = 0; i < s->nlabel; i++)
		free(s->from[i]);
	free(s->from);
	free(s->to);
	free(s->map);
	free(s->text);
	free(s->row);
	free(s);
}

/* The next row as drawn: --label on text cells, as wf_rtable_relabel()
 * does (each label in turn), then --columns. */
static int src_next(void *ctx, const char *const **out)
{
	wf_render_stream *s = ctx;
	const char *const *cells;
	const size_t *lens;
	size_t n;
	int k = wf_spool_next(s->spool, &cells, &lens, &n);

	if (k <= 0)
		return k;
	for (size_t j = 0; j < s->nout; j++) {
		size_t a = s->map ? s->map[j] : j;
		const char *v = a < n ? cells[a] : NULL;
		if (v && s->text[a])
			for (size_t l = 0; l < s->nlabel; l++)
				if (strcmp(v, s->from[l]) == 0)
					v = s->to[l];
		s->row[j] = v;
	}
	*out = s->row;
	return 1;
}

static int src_rewind(void *ctx)
{
	wf_render_stream *s = ctx;

	return wf_spool_rewind(s->spool);
}

/* wf_kind_check_numbers() for rows no longer held: the first cell past
 * the range, in input order, of a number column, over every row read
 * (so t is given the counts of all rows here, the kept ones after). */
static int check_numbers(const wf_render_stream *s, wf_rtable *t, wf_report_err *err)
{
	const struct first_range *first = NULL;
	size_t col = 0;

	for (size_t c = 0; c < wf_rtable_ncols(t); c++) {
		const struct first_range *f = &s->range[c];
		wf_rcount all = s->count[c];
		all.nonempty += s->dropped[c].nonempty;
		all.numeric += s->dropped[c].numeric;
		all.frac += s->dropped[c].frac;
		all.range += s->dropped[c].range;
		wf_rtable_set_count(t, c, &all);
		if (!wf_rtable_col_out_of_range(t, c))
			continue;
		if (!first || f->src < first->src || (f->src == first->src && f->line < first->line)) {
			first = f;
			col = c;
		}
	}
	if (!first)
		return 0;
	wf_kind_range_err(err, -1, first->cell, wf_rtable_name(t, col));
	err->src = first->src;
	err->line = first->line;
	return -1;
}

wf_report *wf_render_stream_report(wf_render_stream *s, wf_report_err *err)
{
	const wf_report_opts *o = s->o;
	wf_rtable *t = wf_rinput_table(s->in); /* the columns, no rows */
	size_t nc = wf_rtable_ncols(t);
	wf_rsource src = { src_next, src_rewind, s };
	wf_report *r;

	err->msg[0] = '\0';
	err->row = -1;
	err->line = 0;
	/* zero bytes in: nothing was streamed, nothing differs */
	if (nc == 0 && s->total == 0)
		return wf_report_build(t, o, err);
	if (nc > s->ncount)
		new_columns(s, nc);
	if (wf_kind_check_where(t, o, err) < 0 || check_numbers(s, t, err) < 0) {
		wf_rtable_free(t);
		return NULL;
	}
	for (size_t c = 0; c < nc; c++)
		wf_rtable_set_count(t, c, &s->count[c]);
	/* as wf_kind_table() */
	r = wf_report_new(o->title ? o->title : wf_msg(o->lang, WF_M_TITLE_TABLE), "table");
	if (s->total == 0)
		wf_report_note(r, wf_msg(o->lang, WF_M_NO_ROWS));
	s->text = wf_xcalloc(nc, 1);
	for (size_t c = 0; c < nc; c++)
		s->text[c] = wf_rtable_coltype(t, c) == WF_RCOL_TEXT;
	wf_report_table(r, t);
	wf_kind_frame(r, o, s->total, s->kept, s->synthetic);
	/* the names now; the cells as they pass */
	for (size_t l = 0; l < s->nlabel; l++)
		wf_rtable_relabel(t, s->from[l], s->to[l]);
	s->nout = nc;
	if (o->columns) {
		wf_rtable *p;
		if (!(s->map = wf_kind_columns(t, o, &s->nout, err))) {
			wf_report_free(r);
			return NULL;
		}
		/* A projection counts its cells afresh, after --label (and
		 * its names' vocabulary, after --label too). */
		p = wf_rtable_project(t, s->map, s->nout);
		s->row = wf_xcalloc(s->nout, sizeof *s->row);
		for (size_t k = 0; k < s->nout; k++)
			wf_rtable_set_count(p, k, &s->count[s->map[k]]);
		if (s->nlabel) {
			wf_rcount *k = wf_xcalloc(s->nout, sizeof *k);
			const char *const *row;
			int rc = src_rewind(s);
			while (rc >= 0 && (rc = src_next(s, &row)) > 0)
				for (size_t j = 0; j < s->nout; j++)
					if (row[j])
						wf_rcount_add(&k[j], row[j], strlen(row[j]));
			for (size_t j = 0; j < s->nout; j++)
				wf_rtable_set_count(p, j, &k[j]);
			free(k);
			if (rc < 0) {
				wf_kind_seterr(err, -1, "the rows kept could not be read back");
				wf_rtable_free(p);
				wf_report_free(r);
				return NULL;
			}
		}
		wf_report_replace_table(r, 0, p);
		t = p;
	} else {
		s->row = wf_xcalloc(nc, sizeof *s->row);
	}
	wf_rtable_stream(t, &src);
	return r;
}
