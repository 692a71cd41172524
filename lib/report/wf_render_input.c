#include "wf_render_input.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_arena.h"
#include "wf_err.h"
#include "wf_map.h"

struct rrow {
	char **v;     /* nv cells by united column index; NULL = missing */
	size_t nv;
	unsigned src;
	long line;
};

struct wf_rinput {
	char **cols;
	size_t ncols, capcols;
	wf_map *colmap; /* name -> index + 1: 100,000 columns stay linear */
	struct rrow *rows;
	size_t nrows, caprows;
	char **names;
	unsigned long *counts;
	size_t nsrc;
	wf_arena cells;  /* rows' cell arrays and text: no malloc per cell */
	wf_rinput_row_fn sink; /* set: rows are handed to it, not kept */
	void *sink_ctx;
	const char **sv;       /* the row handed on, by united index */
	size_t *sl, nsv;
	char (*conv)[WF_DEC_BUFSZ]; /* converted numbers of that row */
	unsigned at_src;       /* and where it was read */
	long at_line;
};

static char *cell_dup(wf_rinput *in, const char *s, size_t len)
{
	char *p = wf_arena_alloc(&in->cells, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

wf_rinput *wf_rinput_new(void)
{
	return wf_xcalloc(1, sizeof(wf_rinput));
}

void wf_rinput_free(wf_rinput *in)
{
	if (!in)
		return;
	wf_arena_free(&in->cells);
	free(in->rows);
	for (size_t i = 0; i < in->ncols; i++)
		free(in->cols[i]);
	free(in->cols);
	wf_map_free(in->colmap);
	for (size_t i = 0; i < in->nsrc; i++)
		free(in->names[i]);
	free(in->names);
	free(in->counts);
	free(in->sv);
	free(in->sl);
	free(in->conv);
	free(in);
}

void wf_rinput_sink(wf_rinput *in, wf_rinput_row_fn fn, void *ctx)
{
	in->sink = fn;
	in->sink_ctx = ctx;
}

void wf_rinput_at(const wf_rinput *in, unsigned *src, long *line)
{
	*src = in->at_src;
	*line = in->at_line;
}

size_t wf_rinput_ncols(const wf_rinput *in)
{
	return in->ncols;
}

const char *wf_rinput_col(const wf_rinput *in, size_t i)
{
	return in->cols[i];
}

static size_t col_index(wf_rinput *in, const char *name)
{
	void **slot;

	if (!in->colmap)
		in->colmap = wf_map_new();
	slot = wf_map_slot(in->colmap, name, strlen(name));
	if (*slot)
		return (size_t)((uintptr_t)*slot - 1);
	if (in->ncols == in->capcols) {
		in->capcols = in->capcols ? 2 * in->capcols : 16;
		in->cols = wf_xrealloc(in->cols, in->capcols * sizeof *in->cols);
	}
	in->cols[in->ncols] = wf_xstrdup(name);
	*slot = (void *)(uintptr_t)(in->ncols + 1);
	return in->ncols++;
}

/* A cell as stored: with --decimal comma (or auto and a ',' in it), a
 * number written the Italian way becomes the canonical 1234.56 the
 * report reads as a number. Cells without a separator (codes such as
 * "04") are never touched. */
static const char *cell_text(const char *s, size_t *len, enum wf_decmode mode,
			     char buf[WF_DEC_BUFSZ])
{
	wf_dec d;
	int comma = memchr(s, ',', *len) != NULL;

	if (mode == WF_DEC_POINT || (!comma && (mode == WF_DEC_AUTO || !memchr(s, '.', *len))))
		return s;
	if (wf_dec_parse(s, *len, WF_DEC_COMMA, &d) != WF_DEC_OK)
		return s;
	*len = wf_dec_format(d, buf);
	return buf;
}

static char *cell(wf_rinput *in, const char *s, size_t len, enum wf_decmode mode)
{
	char buf[WF_DEC_BUFSZ];
	const char *t = cell_text(s, &len, mode, buf);

	return cell_dup(in, t, len);
}

/* A row handed to the sink: cells in place or converted into in->conv. */
static int sink_row(wf_rinput *in, unsigned src, const wf_row *row, size_t nh,
		    const size_t *map, enum wf_decmode mode)
{
	in->at_src = src;
	in->at_line = row->line;
	if (in->nsv < in->ncols) {
		in->nsv = in->ncols;
		in->sv = wf_xrealloc(in->sv, in->nsv * sizeof *in->sv);
		in->sl = wf_xrealloc(in->sl, in->nsv * sizeof *in->sl);
		in->conv = wf_xrealloc(in->conv, in->nsv * sizeof *in->conv);
	}
	for (size_t c = 0; c < in->ncols; c++) {
		in->sv[c] = NULL;
		in->sl[c] = 0;
	}
	for (size_t c = 0; c < row->n && c < nh; c++) {
		size_t len = row->len[c];
		in->sv[map[c]] = cell_text(row->f[c], &len, mode, in->conv[map[c]]);
		in->sl[map[c]] = len;
	}
	/* A field the input has but left empty is "", not missing (as in
	 * wf_rinput_read_src(): no reader gives an OK row fewer fields). */
	for (size_t c = row->n; c < nh; c++) /* LCOV_EXCL_BR_LINE: see above */
		in->sv[map[c]] = ""; /* LCOV_EXCL_LINE: see above */
	return in->sink(in->sink_ctx, in->sv, in->sl, in->ncols);
}

int wf_rinput_read(wf_rinput *in, const wf_run *run, const char *path)
{
	return wf_rinput_read_src(in, run, wf_src_open(path));
}

int wf_rinput_read_src(wf_rinput *in, const wf_run *run, wf_src *src)
{
	wf_reader *r = NULL;
	const wf_row *h;
	size_t *map = NULL, si;
	wf_row row;
	int k, rc = -1;

	if (!src)
		return -1;
	si = in->nsrc++;
	in->names = wf_xrealloc(in->names, in->nsrc * sizeof *in->names);
	in->counts = wf_xrealloc(in->counts, in->nsrc * sizeof *in->counts);
	in->names[si] = wf_xstrdup(wf_src_name(src));
	in->counts[si] = 0;
	/* An empty input (0 bytes, or only a BOM) is a report of no rows,
	 * a documented case; a read error is not. */
	wf_reader_opts ro = run->ropts;
	ro.allow_empty = 1;
	if (!(r = wf_reader_new(src, &ro)))
		return -1;
	if (wf_reader_empty(r)) {
		wf_reader_free(r);
		return 0;
	}
	h = wf_reader_header(r);
	map = wf_xcalloc(h->n, sizeof *map);
	for (size_t c = 0; c < h->n; c++) {
		/* The reader indexes each name at its first column: any
		 * other column of that name is a repeat. */
		if (wf_reader_col(r, h->f[c]) != (int)c) {
			wf_warn_at(wf_reader_name(r), h->line, "duplicate column '%s'", h->f[c]);
			goto out;
		}
		map[c] = col_index(in, h->f[c]);
	}
	while ((k = wf_reader_next(r, &row)) != WF_ROW_EOF) {
		struct rrow *rr;
		if (k != WF_ROW_OK) {
			wf_warn_at(wf_reader_name(r), row.line, "%s", wf_reader_reason(r));
			goto out;
		}
		if (in->sink) {
			if (sink_row(in, (unsigned)si, &row, h->n, map, run->decimal) < 0)
				goto out;
			in->counts[si]++;
			continue;
		}
		if (in->nrows == in->caprows) {
			in->caprows = in->caprows ? 2 * in->caprows : 256;
			in->rows = wf_xrealloc(in->rows, in->caprows * sizeof *in->rows);
		}
		rr = &in->rows[in->nrows++];
		rr->nv = in->ncols;
		rr->v = wf_arena_alloc(&in->cells, rr->nv * sizeof *rr->v);
		memset(rr->v, 0, rr->nv * sizeof *rr->v);
		rr->src = (unsigned)si;
		rr->line = row.line;
		for (size_t c = 0; c < row.n && c < h->n; c++)
			rr->v[map[c]] = cell(in, row.f[c], row.len[c], run->decimal);
		/* A field the input has but left empty is "", not missing.
		 * Both readers give an OK row as many fields as the header
		 * (CSV refuses other counts, NDJSON makes an absent key a null
		 * field): kept should a reader not. */
		for (size_t c = row.n; c < h->n; c++) /* LCOV_EXCL_BR_LINE: see above */
			rr->v[map[c]] = cell_dup(in, "", 0); /* LCOV_EXCL_LINE: see above */
		in->counts[si]++;
	}
	wf_run_dialect(run, r, NULL); /* once read: the encoding is known */
	rc = 0;
out:
	free(map);
	wf_reader_free(r);
	return rc;
}

size_t wf_rinput_nsources(const wf_rinput *in)
{
	return in->nsrc;
}

const char *wf_rinput_name(const wf_rinput *in, size_t i)
{
	return in->names[i];
}

unsigned long wf_rinput_rows(const wf_rinput *in, size_t i)
{
	return in->counts[i];
}

wf_rtable *wf_rinput_table(wf_rinput *in)
{
	const char **vals = wf_xcalloc(in->ncols, sizeof *vals);
	wf_rtable *t = wf_rtable_new("", in->ncols, (const char *const *)in->cols);

	/* The cells stay in in's arena: a second copy of every cell made
	 * wf-report's national benchmark spend 37% of its time here. */
	wf_rtable_reserve(t, in->nrows);
	for (size_t i = 0; i < in->nrows; i++) {
		struct rrow *rr = &in->rows[i];
		size_t row;
		for (size_t c = 0; c < in->ncols; c++)
			vals[c] = c < rr->nv ? rr->v[c] : NULL;
		row = wf_rtable_add_ref(t, vals);
		wf_rtable_set_origin(t, row, rr->src, rr->line);
	}
	free(vals);
	return t;
}
