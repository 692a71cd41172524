#include "wf_render.h"

#include <stdlib.h>
#include <string.h>

#include "wf_arena.h"
#include "wf_err.h"
#include "wf_table.h"
#include "wf_vocab.h"

enum { VK_OTHER, VK_CODE, VK_NUMBER };

struct wf_rtable {
	char *caption;
	size_t ncols, nrows, cap;
	char **names;
	char **cells;          /* nrows * ncols, NULL = missing */
	/* The cells' text, one block per 64 KiB rather than one malloc a
	 * cell: a 1,000,000-row fact table took 1.06 GB to render as
	 * Markdown with a malloc per cell (27 times the input). */
	wf_arena text;
	unsigned char *hl;
	unsigned char *tone;   /* per cell, 0 none; allocated on first use */
	size_t ntone;
	unsigned *src;
	long *line;
	wf_rcount *count;  /* per column, for the type rule */
	unsigned char *forcedec;
	unsigned char *vk; /* per column: VK_* from the column vocabulary */
	wf_rsource source; /* next != NULL: the rows are not held (streamed) */
};

/* Written as a plain decimal: sign, digits, then '.' and digits. */
static int plain_decimal(const char *s, size_t len)
{
	size_t i = s[0] == '-' || s[0] == '+', d = 0;

	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++, d++;
	if (d == 0)
		return 0;
	if (i < len && s[i] == '.') {
		d = 0;
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			d++;
		if (d == 0)
			return 0;
	}
	return i == len;
}

int wf_render_number_kind(const char *s, size_t len, wf_dec *out)
{
	wf_dec d;
	size_t i = 0;
	int k;

	if (len == 0)
		return WF_DEC_BAD;
	if (s[0] == '-' || s[0] == '+')
		i = 1;
	/* Zero-padded codes (ISTAT "001272", aggregate "04") are text. */
	if (i + 1 < len && s[i] == '0' && s[i + 1] >= '0' && s[i + 1] <= '9')
		return WF_DEC_BAD;
	if (s[0] == ' ' || s[len - 1] == ' ' || s[i] == '.')
		return WF_DEC_BAD;
	k = wf_dec_parse(s, len, WF_DEC_POINT, &d);
	if (k == WF_DEC_OK) {
		if (out)
			*out = d;
		return WF_DEC_OK;
	}
	/* wf_dec_parse stops at the 29th digit or 10th decimal, whatever
	 * follows: "out of range" only for what is a decimal to the end. */
	return k == WF_DEC_RANGE && plain_decimal(s, len) ? WF_DEC_RANGE : WF_DEC_BAD;
}

int wf_render_is_number(const char *s, size_t len, wf_dec *out)
{
	return wf_render_number_kind(s, len, out) == WF_DEC_OK;
}

wf_rtable *wf_rtable_new(const char *caption, size_t ncols, const char *const *names)
{
	wf_rtable *t = wf_xcalloc(1, sizeof *t);

	t->caption = wf_xstrdup(caption ? caption : "");
	t->ncols = ncols;
	t->names = wf_xcalloc(ncols, sizeof *t->names);
	for (size_t i = 0; i < ncols; i++)
		t->names[i] = wf_xstrdup(names[i] ? names[i] : "");
	t->count = wf_xcalloc(ncols, sizeof *t->count);
	t->forcedec = wf_xcalloc(ncols, 1);
	t->vk = wf_xcalloc(ncols, 1);
	for (size_t i = 0; i < ncols; i++)
		if (wf_vocab_known(t->names[i]))
			t->vk[i] = wf_vocab_kind(t->names[i], WF_COL_STR) == WF_COL_STR ?
				   VK_CODE : VK_NUMBER;
	return t;
}

void wf_rtable_free(wf_rtable *t)
{
	if (!t)
		return;
	wf_arena_free(&t->text);
	for (size_t i = 0; i < t->ncols; i++)
		free(t->names[i]);
	free(t->cells);
	free(t->names);
	free(t->hl);
	free(t->tone);
	free(t->src);
	free(t->line);
	free(t->count);
	free(t->forcedec);
	free(t->vk);
	free(t->caption);
	free(t);
}

void wf_rtable_reserve(wf_rtable *t, size_t rows)
{
	if (rows <= t->cap)
		return;
	t->cap = rows;
	t->cells = wf_xrealloc(t->cells, t->cap * t->ncols * sizeof *t->cells);
	t->hl = wf_xrealloc(t->hl, t->cap);
	t->src = wf_xrealloc(t->src, t->cap * sizeof *t->src);
	t->line = wf_xrealloc(t->line, t->cap * sizeof *t->line);
}

/* A row, its text copied into the table's arena or (copy 0) borrowed. */
static size_t add_row(wf_rtable *t, const char *const *vals, const size_t *lens, int copy)
{
	if (t->nrows == t->cap)
		wf_rtable_reserve(t, t->cap ? 2 * t->cap : 64);
	for (size_t c = 0; c < t->ncols; c++) {
		char **cell = &t->cells[t->nrows * t->ncols + c];
		size_t len;

		if (!vals[c]) {
			*cell = NULL;
			continue;
		}
		len = lens ? lens[c] : strlen(vals[c]);
		if (copy) {
			*cell = wf_arena_alloc(&t->text, len + 1);
			memcpy(*cell, vals[c], len);
			(*cell)[len] = '\0';
		} else {
			*cell = (char *)vals[c];
		}
		wf_rcount_add(&t->count[c], *cell, len);
	}
	t->hl[t->nrows] = 0;
	t->src[t->nrows] = 0;
	t->line[t->nrows] = 0;
	return t->nrows++;
}

size_t wf_rtable_add(wf_rtable *t, const char *const *vals, const size_t *lens)
{
	return add_row(t, vals, lens, 1);
}

size_t wf_rtable_add_ref(wf_rtable *t, const char *const *vals)
{
	return add_row(t, vals, NULL, 0);
}

void wf_rtable_highlight(wf_rtable *t, size_t row)
{
	if (row < t->nrows)
		t->hl[row] = 1;
}

void wf_rtable_tone(wf_rtable *t, size_t row, size_t col, int tone)
{
	size_t need = t->cap * t->ncols;

	if (row >= t->nrows || col >= t->ncols || tone < 0 || tone > WF_TONE_MAX)
		return;
	if (t->ntone < need) {
		t->tone = wf_xrealloc(t->tone, need);
		memset(t->tone + t->ntone, 0, need - t->ntone);
		t->ntone = need;
	}
	t->tone[row * t->ncols + col] = (unsigned char)tone;
}

int wf_rtable_cell_tone(const wf_rtable *t, size_t row, size_t col)
{
	size_t i = row * t->ncols + col;

	return t->tone && i < t->ntone ? t->tone[i] : 0;
}

void wf_rtable_set_origin(wf_rtable *t, size_t row, unsigned src, long line)
{
	if (row < t->nrows) {
		t->src[row] = src;
		t->line[row] = line;
	}
}

void wf_rtable_origin(const wf_rtable *t, size_t row, unsigned *src, long *line)
{
	*src = row < t->nrows ? t->src[row] : 0;
	*line = row < t->nrows ? t->line[row] : 0;
}

size_t wf_rtable_ncols(const wf_rtable *t) { return t->ncols; }
size_t wf_rtable_nrows(const wf_rtable *t) { return t->nrows; }
const char *wf_rtable_caption(const wf_rtable *t) { return t->caption; }
const char *wf_rtable_name(const wf_rtable *t, size_t col) { return t->names[col]; }

int wf_rtable_col(const wf_rtable *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (strcmp(t->names[i], name) == 0)
			return (int)i;
	return -1;
}

const char *wf_rtable_cell(const wf_rtable *t, size_t row, size_t col)
{
	return t->cells[row * t->ncols + col];
}

int wf_rtable_highlighted(const wf_rtable *t, size_t row)
{
	return t->hl[row];
}

enum wf_rcol wf_rtable_coltype(const wf_rtable *t, size_t col)
{
	/* A code such as region "12" stays text even when every cell of
	 * this table happens to look like a number, and a number column
	 * left all empty (wf-match's assigned under --top) stays a number
	 * (wfkit(7), COLUMNS). */
	const wf_rcount *k = &t->count[col];

	if (t->vk[col] == VK_CODE)
		return WF_RCOL_TEXT;
	if (t->vk[col] == VK_NUMBER && k->nonempty == 0)
		return WF_RCOL_INT;
	if (k->nonempty == 0 || k->numeric != k->nonempty)
		return WF_RCOL_TEXT;
	return k->frac || t->forcedec[col] ? WF_RCOL_DEC : WF_RCOL_INT;
}

void wf_rcount_add(wf_rcount *k, const char *s, size_t len)
{
	wf_dec d;

	if (len == 0)
		return;
	k->nonempty++;
	switch (wf_render_number_kind(s, len, &d)) {
	case WF_DEC_OK:
		k->numeric++;
		if (d.s > 0)
			k->frac++;
		break;
	case WF_DEC_RANGE:
		/* number-shaped: it makes no column text (wfkit(7) Numbers) */
		k->numeric++;
		k->range++;
		break;
	default:
		break;
	}
}

int wf_rtable_col_out_of_range(const wf_rtable *t, size_t col)
{
	return t->count[col].range > 0 && wf_rtable_coltype(t, col) != WF_RCOL_TEXT;
}

void wf_rtable_set_count(wf_rtable *t, size_t col, const wf_rcount *k)
{
	if (col < t->ncols)
		t->count[col] = *k;
}

void wf_rtable_stream(wf_rtable *t, const wf_rsource *src)
{
	t->source = *src;
}

void wf_rtable_force_decimal(wf_rtable *t, size_t col)
{
	if (col < t->ncols)
		t->forcedec[col] = 1;
}

int wf_rtable_num(const wf_rtable *t, size_t row, size_t col, wf_dec *out)
{
	const char *s = wf_rtable_cell(t, row, col);

	return s && wf_render_is_number(s, strlen(s), out);
}

/* Sort order of wf_rtable_sort: numbers by value in a numeric column,
 * text by bytes; missing and empty cells last either way; ties keep
 * their order (the index breaks them). */
static const wf_rtable *sort_t;
static size_t sort_c;
static int sort_desc, sort_num;

static int cmp_rows(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	const char *x = wf_rtable_cell(sort_t, a, sort_c), *y = wf_rtable_cell(sort_t, b, sort_c);
	int ex = !x || !*x, ey = !y || !*y, c;

	if (ex || ey)
		c = ex - ey;
	else if (sort_num) {
		wf_dec dx, dy;
		wf_render_is_number(x, strlen(x), &dx);
		wf_render_is_number(y, strlen(y), &dy);
		c = wf_dec_cmp(dx, dy);
		c = sort_desc ? -c : c;
	} else {
		c = strcmp(x, y);
		c = sort_desc ? -c : c;
	}
	return c ? c : (a > b) - (a < b);
}

void wf_rtable_sort(wf_rtable *t, size_t col, int desc)
{
	size_t *ord, n = t->nrows, nc = t->ncols;
	char **cells;
	unsigned char *hl, *tone;
	unsigned *src;
	long *line;

	if (n < 2 || col >= nc)
		return;
	ord = wf_xmalloc(n * sizeof *ord);
	for (size_t i = 0; i < n; i++)
		ord[i] = i;
	sort_t = t;
	sort_c = col;
	sort_desc = desc;
	sort_num = wf_rtable_coltype(t, col) != WF_RCOL_TEXT;
	qsort(ord, n, sizeof *ord, cmp_rows);
	sort_t = NULL;
	cells = wf_xmalloc(t->cap * nc * sizeof *cells);
	hl = wf_xmalloc(t->cap);
	src = wf_xmalloc(t->cap * sizeof *src);
	line = wf_xmalloc(t->cap * sizeof *line);
	/* cell tones (quartile colours) move with their row */
	tone = t->tone ? wf_xcalloc(t->cap * nc, 1) : NULL;
	for (size_t i = 0; i < n; i++) {
		memcpy(cells + i * nc, t->cells + ord[i] * nc, nc * sizeof *cells);
		hl[i] = t->hl[ord[i]];
		src[i] = t->src[ord[i]];
		line[i] = t->line[ord[i]];
		for (size_t c = 0; tone && c < nc; c++)
			tone[i * nc + c] = (unsigned char)wf_rtable_cell_tone(t, ord[i], c);
	}
	if (tone) {
		free(t->tone);
		t->tone = tone;
		t->ntone = t->cap * nc;
	}
	free(t->cells);
	free(t->hl);
	free(t->src);
	free(t->line);
	t->cells = cells;
	t->hl = hl;
	t->src = src;
	t->line = line;
	free(ord);
}

wf_rtable *wf_rtable_project(const wf_rtable *t, const size_t *cols, size_t n)
{
	const char **names = wf_xcalloc(n, sizeof *names);
	const char **vals = wf_xcalloc(n, sizeof *vals);
	wf_rtable *p;

	for (size_t k = 0; k < n; k++)
		names[k] = t->names[cols[k]];
	p = wf_rtable_new(t->caption, n, names);
	for (size_t r = 0; r < t->nrows; r++) {
		size_t i;
		for (size_t k = 0; k < n; k++)
			vals[k] = wf_rtable_cell(t, r, cols[k]);
		i = wf_rtable_add(p, vals, NULL);
		p->hl[i] = t->hl[r];
		p->src[i] = t->src[r];
		p->line[i] = t->line[r];
		for (size_t k = 0; t->tone && k < n; k++)
			wf_rtable_tone(p, i, k, wf_rtable_cell_tone(t, r, cols[k]));
	}
	for (size_t k = 0; k < n; k++)
		p->forcedec[k] = t->forcedec[cols[k]];
	free(names);
	free(vals);
	return p;
}

void wf_rtable_relabel(wf_rtable *t, const char *from, const char *to)
{
	for (size_t c = 0; c < t->ncols; c++) {
		if (strcmp(t->names[c], from) == 0) {
			free(t->names[c]);
			t->names[c] = wf_xstrdup(to);
		}
		/* codes are text; numbers are never relabelled */
		if (wf_rtable_coltype(t, c) != WF_RCOL_TEXT)
			continue;
		for (size_t r = 0; r < t->nrows; r++) {
			char **cell = &t->cells[r * t->ncols + c];
			if (*cell && strcmp(*cell, from) == 0) {
				/* cells live in the table's arena: the old text
				 * goes with it */
				size_t n = strlen(to);
				*cell = wf_arena_alloc(&t->text, n + 1);
				memcpy(*cell, to, n + 1);
			}
		}
	}
}

/* The rows of a table in order, held or streamed. */
struct rowit {
	const wf_rtable *t;
	size_t r;   /* rows handed out */
	int failed; /* the source failed */
};

static void row_begin(struct rowit *it, const wf_rtable *t)
{
	it->t = t;
	it->r = 0;
	it->failed = t->source.next && t->source.rewind(t->source.ctx) < 0;
}

/* The next row's cells, or NULL after the last; *hl its highlight. */
static const char *const *row_next(struct rowit *it, int *hl)
{
	const wf_rtable *t = it->t;

	if (it->failed)
		return NULL;
	if (t->source.next) {
		const char *const *cells;
		int k = t->source.next(t->source.ctx, &cells);
		if (k < 0)
			it->failed = 1;
		if (k <= 0)
			return NULL;
		it->r++;
		*hl = 0;
		return cells;
	}
	if (it->r >= t->nrows)
		return NULL;
	*hl = t->hl[it->r];
	return (const char *const *)(t->cells + it->r++ * t->ncols);
}

int wf_rtable_write(const wf_rtable *t, wf_out *out, enum wf_format fmt, int excel_safe)
{
	size_t nc = t->ncols;
	enum wf_colkind *kinds = wf_xcalloc(nc, sizeof *kinds);
	struct rowit it;
	const char *const *row;
	int hl;
	wf_tw *w;

	for (size_t c = 0; c < nc; c++)
		kinds[c] = wf_rtable_coltype(t, c) == WF_RCOL_TEXT ? WF_COL_STR : WF_COL_NUM;
	w = wf_tw_new(out, fmt, nc, (const char *const *)t->names, kinds);
	wf_tw_set_excel_safe(w, excel_safe);
	row_begin(&it, t);
	while ((row = row_next(&it, &hl)))
		wf_tw_row(w, row, NULL);
	wf_tw_free(w);
	free(kinds);
	return it.failed ? -1 : 0;
}

/* ---- the report document ---- */

struct item { char *label, *value; };
struct card { char *heading; struct item *items; size_t n; };
struct source { char *name; unsigned long rows; };

struct wf_report {
	char *title, *kind, *date;
	struct source *src;
	size_t nsrc;
	char **notes;
	size_t nnotes;
	struct card *cards;
	size_t ncards;
	wf_chart **charts;
	size_t ncharts;
	wf_rtable **tables;
	size_t ntables;
};

#define PUSH(arr, n) ((arr) = wf_xrealloc((arr), ((n) + 1) * sizeof *(arr)), &(arr)[(n)++])

wf_report *wf_report_new(const char *title, const char *kind)
{
	wf_report *r = wf_xcalloc(1, sizeof *r);

	r->title = wf_xstrdup(title ? title : "");
	r->kind = wf_xstrdup(kind ? kind : "table");
	return r;
}

void wf_report_free(wf_report *r)
{
	if (!r)
		return;
	free(r->title);
	free(r->kind);
	free(r->date);
	for (size_t i = 0; i < r->nsrc; i++)
		free(r->src[i].name);
	free(r->src);
	for (size_t i = 0; i < r->nnotes; i++)
		free(r->notes[i]);
	free(r->notes);
	for (size_t i = 0; i < r->ncards; i++) {
		for (size_t j = 0; j < r->cards[i].n; j++) {
			free(r->cards[i].items[j].label);
			free(r->cards[i].items[j].value);
		}
		free(r->cards[i].items);
		free(r->cards[i].heading);
	}
	free(r->cards);
	for (size_t i = 0; i < r->ncharts; i++)
		wf_chart_free(r->charts[i]);
	free(r->charts);
	for (size_t i = 0; i < r->ntables; i++)
		wf_rtable_free(r->tables[i]);
	free(r->tables);
	free(r);
}

void wf_report_set_title(wf_report *r, const char *title)
{
	free(r->title);
	r->title = wf_xstrdup(title);
}

size_t wf_report_ntables(const wf_report *r)
{
	return r->ntables;
}

wf_rtable *wf_report_get_table(wf_report *r, size_t i)
{
	return i < r->ntables ? r->tables[i] : NULL;
}

void wf_report_replace_table(wf_report *r, size_t i, wf_rtable *t)
{
	if (i >= r->ntables) {
		wf_rtable_free(t);
		return;
	}
	wf_rtable_free(r->tables[i]);
	r->tables[i] = t;
}

const char *wf_report_title(const wf_report *r)
{
	return r->title;
}

void wf_report_date(wf_report *r, const char *date)
{
	free(r->date);
	r->date = date ? wf_xstrdup(date) : NULL;
}

void wf_report_source(wf_report *r, const char *name, unsigned long rows)
{
	struct source *s = PUSH(r->src, r->nsrc);

	s->name = wf_xstrdup(name);
	s->rows = rows;
}

void wf_report_note(wf_report *r, const char *text)
{
	*PUSH(r->notes, r->nnotes) = wf_xstrdup(text);
}

void wf_report_card(wf_report *r, const char *heading)
{
	struct card *c = PUSH(r->cards, r->ncards);

	c->heading = wf_xstrdup(heading);
	c->items = NULL;
	c->n = 0;
}

void wf_report_card_item(wf_report *r, const char *label, const char *value)
{
	struct card *c;
	struct item *it;

	if (r->ncards == 0)
		wf_report_card(r, "");
	c = &r->cards[r->ncards - 1];
	it = PUSH(c->items, c->n);
	it->label = wf_xstrdup(label);
	it->value = wf_xstrdup(value ? value : "");
}

void wf_report_chart(wf_report *r, wf_chart *c)
{
	*PUSH(r->charts, r->ncharts) = c;
}

void wf_report_table(wf_report *r, wf_rtable *t)
{
	*PUSH(r->tables, r->ntables) = t;
}

int wf_render_format_parse(const char *s)
{
	static const char *const names[] = { "table", "markdown", "html", "json" };

	for (int i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* ---- shared formatting ---- */

/* Where a rendering goes: into b alone (wf_render), or through b to out
 * in chunks (wf_render_out). Text for a terminal is made visible
 * (wf_strbuf_visible) chunk by chunk; chunks end after a whole row, so
 * no character is cut in two. */
struct emit {
	wf_strbuf *b;
	wf_out *out;  /* NULL: everything stays in b */
	size_t from;  /* not yet made visible or written from here */
	int visible;
	int failed;   /* a streamed table's source failed */
};

#define EMIT_CHUNK ((size_t)1 << 20)

static void emit_flush(struct emit *e)
{
	if (e->visible)
		wf_strbuf_visible(e->b, e->from);
	if (e->out) {
		wf_out_write(e->out, e->b->s, e->b->len);
		wf_strbuf_reset(e->b);
	}
	e->from = e->b->len;
}

/* After each row of a table. */
static void emit_row(struct emit *e)
{
	if (e->out && e->b->len - e->from >= EMIT_CHUNK)
		emit_flush(e);
}

static wf_numfmt numfmt(const wf_render_opts *o)
{
	wf_numfmt f;

	f.decimals = o->decimals < 0 ? 0 : o->decimals > 9 ? 9 : o->decimals;
	f.point = o->locale_it ? ',' : '.';
	f.group = o->locale_it ? '.' : ',';
	return f;
}

/* A cell as people read it: decimals rounded and grouped, integers and
 * text as written, missing as "". */
static void cell_text(wf_strbuf *b, const wf_rtable *t, size_t c, const char *s,
		      const wf_render_opts *o)
{
	enum wf_rcol type;
	wf_dec d;

	if (!s)
		return;
	type = wf_rtable_coltype(t, c);
	if (type == WF_RCOL_DEC && wf_render_is_number(s, strlen(s), &d)) {
		wf_numfmt f = numfmt(o);
		wf_strbuf_dec(b, d, &f);
		return;
	}
	if (type == WF_RCOL_INT && wf_render_is_number(s, strlen(s), &d)) {
		char buf[WF_DEC_BUFSZ];
		wf_strbuf_add(b, buf, wf_dec_format(d, buf));
		return;
	}
	{
		char buf[512];
		const char *v = wf_lang_value(o->lang, t->names[c], s, buf, sizeof buf);
		wf_strbuf_puts(b, v ? v : s);
	}
}

static void value_text(wf_strbuf *b, const char *s, const wf_render_opts *o)
{
	wf_dec d;

	if (wf_render_is_number(s, strlen(s), &d) && d.s > 0) {
		wf_numfmt f = numfmt(o);
		wf_strbuf_dec(b, d, &f);
	} else {
		wf_strbuf_puts(b, s);
	}
}

static void generated_from(wf_strbuf *b, const wf_report *r, int html, enum wf_lang lang)
{
	wf_strbuf_puts(b, wf_msg(lang, WF_M_GENERATED_FROM));
	if (r->nsrc == 0)
		wf_strbuf_puts(b, wf_msg(lang, WF_M_NO_INPUT));
	for (size_t i = 0; i < r->nsrc; i++) {
		if (i)
			wf_strbuf_puts(b, ", ");
		if (html) {
			wf_strbuf_puts(b, "<code>");
			wf_strbuf_xml(b, r->src[i].name, strlen(r->src[i].name));
			wf_strbuf_puts(b, "</code>");
		} else {
			wf_strbuf_puts(b, r->src[i].name);
		}
		wf_strbuf_printf(b, wf_msg(lang, r->src[i].rows == 1 ? WF_M_ROWS_ONE : WF_M_ROWS_MANY),
				 r->src[i].rows);
	}
	if (r->date) {
		wf_strbuf_puts(b, wf_msg(lang, WF_M_ON_DATE));
		if (html)
			wf_strbuf_xml(b, r->date, strlen(r->date));
		else
			wf_strbuf_puts(b, r->date);
	}
}

/* A column heading as people read it (the catalogue's, wf_lang.h). */
static const char *heading(const wf_rtable *t, size_t c, const wf_render_opts *o)
{
	return wf_lang_column(o->lang, t->names[c]);
}

/* ---- terminal table ---- */

static void pad(wf_strbuf *b, size_t n)
{
	while (n--)
		wf_strbuf_putc(b, ' ');
}

/* A cell of the aligned table as shown (head: the column heading). A
 * newline or tab inside a cell would break the grid; other controls are
 * shown, before widths are counted and text is cut to --max-width. */
static void text_cell(wf_strbuf *cell, const wf_rtable *t, size_t c, const char *s, int head,
		      const wf_render_opts *o)
{
	wf_strbuf_reset(cell);
	if (head)
		wf_strbuf_puts(cell, heading(t, c, o));
	else
		cell_text(cell, t, c, s, o);
	for (size_t i = 0; i < cell->len; i++)
		if (cell->s[i] == '\n' || cell->s[i] == '\r' || cell->s[i] == '\t')
			cell->s[i] = ' ';
	wf_strbuf_visible(cell, 0);
	if (o->max_width && (head || wf_rtable_coltype(t, c) == WF_RCOL_TEXT) &&
	    wf_utf8_width(wf_strbuf_str(cell), cell->len) > o->max_width) {
		char *full = wf_xstrdup(wf_strbuf_str(cell));
		wf_strbuf_reset(cell);
		wf_strbuf_trunc(cell, full, strlen(full), o->max_width);
		free(full);
	}
}

/* One line of the aligned table: the heading (row NULL), the rule or a
 * row. */
static void text_line(wf_strbuf *b, const wf_rtable *t, const size_t *w, const char *const *row,
		      int rule, const char *mark, wf_strbuf *cell, const wf_render_opts *o)
{
	size_t nc = t->ncols;

	if (mark)
		wf_strbuf_puts(b, mark);
	for (size_t c = 0; c < nc; c++) {
		int num = wf_rtable_coltype(t, c) != WF_RCOL_TEXT;
		size_t cw;

		if (c)
			wf_strbuf_puts(b, "  ");
		if (rule) {
			for (size_t i = 0; i < w[c]; i++)
				wf_strbuf_putc(b, '-');
			continue;
		}
		text_cell(cell, t, c, row ? row[c] : NULL, !row, o);
		cw = wf_utf8_width(cell->s ? cell->s : "", cell->len);
		if (num)
			pad(b, w[c] - cw);
		wf_strbuf_add(b, wf_strbuf_str(cell), cell->len);
		if (!num && c + 1 < nc)
			pad(b, w[c] - cw);
	}
	/* Missing cells at the end of a row leave no trailing blanks. */
	while (b->len > 0 && b->s[b->len - 1] == ' ')
		b->len--;
	if (b->s)
		b->s[b->len] = '\0';
	wf_strbuf_putc(b, '\n');
}

/* Widths need every row before the first is written: the cells are
 * made twice (a streamed table is read twice) rather than kept. */
static void render_rtable_text(struct emit *e, const wf_rtable *t, const wf_render_opts *o)
{
	wf_strbuf *b = e->b;
	size_t nc = t->ncols, nr = 0;
	size_t *w = wf_xcalloc(nc, sizeof *w);
	wf_strbuf cell = WF_STRBUF_INIT;
	struct rowit it;
	const char *const *row;
	int hl, any_hl = 0;

	for (size_t c = 0; c < nc; c++) {
		text_cell(&cell, t, c, NULL, 1, o);
		w[c] = wf_utf8_width(wf_strbuf_str(&cell), cell.len);
	}
	row_begin(&it, t);
	while ((row = row_next(&it, &hl))) {
		nr++;
		any_hl |= hl;
		for (size_t c = 0; c < nc; c++) {
			size_t cw;
			text_cell(&cell, t, c, row[c], 0, o);
			cw = wf_utf8_width(wf_strbuf_str(&cell), cell.len);
			if (cw > w[c])
				w[c] = cw;
		}
	}
	e->failed |= it.failed;
	if (t->caption[0]) {
		wf_strbuf_puts(b, t->caption);
		wf_strbuf_putc(b, '\n');
	}
	if (nc > 0 && !it.failed) {
		text_line(b, t, w, NULL, 0, any_hl ? "  " : NULL, &cell, o);
		text_line(b, t, w, NULL, 1, any_hl ? "  " : NULL, &cell, o);
		row_begin(&it, t);
		while ((row = row_next(&it, &hl))) {
			text_line(b, t, w, row, 0, any_hl ? (hl ? "* " : "  ") : NULL, &cell, o);
			emit_row(e);
		}
		e->failed |= it.failed;
	}
	if (nr == 0) {
		wf_strbuf_puts(b, wf_msg(o->lang, WF_M_NO_ROWS_TABLE));
		wf_strbuf_putc(b, '\n');
	}
	free(w);
	wf_strbuf_release(&cell);
}

static void render_text(struct emit *e, const wf_report *r, const wf_render_opts *o)
{
	wf_strbuf *b = e->b;
	size_t from = b->len, tw;

	/* The underline matches the title as shown. */
	wf_strbuf_puts(b, r->title);
	wf_strbuf_visible(b, from);
	tw = wf_utf8_width(b->s + from, b->len - from);
	wf_strbuf_putc(b, '\n');
	for (size_t i = 0; i < tw; i++)
		wf_strbuf_putc(b, '=');
	wf_strbuf_putc(b, '\n');
	generated_from(b, r, 0, o->lang);
	wf_strbuf_puts(b, "\n");
	for (size_t i = 0; i < r->nnotes; i++)
		wf_strbuf_printf(b, "\n%s\n", r->notes[i]);
	for (size_t i = 0; i < r->ncards; i++) {
		const struct card *c = &r->cards[i];
		size_t lw = 0;
		wf_strbuf_printf(b, "\n%s\n", c->heading);
		for (size_t j = 0; j < c->n; j++) {
			size_t w = wf_utf8_width(c->items[j].label, strlen(c->items[j].label));
			if (w > lw)
				lw = w;
		}
		for (size_t j = 0; j < c->n; j++) {
			wf_strbuf_puts(b, "  ");
			wf_strbuf_puts(b, c->items[j].label);
			wf_strbuf_putc(b, ':');
			pad(b, lw - wf_utf8_width(c->items[j].label, strlen(c->items[j].label)) + 1);
			value_text(b, c->items[j].value, o);
			wf_strbuf_putc(b, '\n');
		}
	}
	for (size_t i = 0; i < r->ncharts; i++) {
		wf_strbuf_putc(b, '\n');
		wf_strbuf_printf(b, wf_msg(o->lang, WF_M_CHART_TEXT), wf_chart_title(r->charts[i]));
		wf_strbuf_putc(b, '\n');
	}
	for (size_t i = 0; i < r->ntables; i++) {
		wf_strbuf_putc(b, '\n');
		render_rtable_text(e, r->tables[i], o);
	}
}

/* ---- Markdown ---- */

/* Escape what would end a cell or turn text into markup; keep it on one
 * line. Entities render as the character in Markdown viewers. */
static void md_text(wf_strbuf *b, const char *s)
{
	/* Plain runs in one copy: a 10 M-row table is mostly plain. */
	static const char special[] = "|\\<>&*_`[]#\n\r\t";

	for (; *s; s++) {
		size_t n = strcspn(s, special);
		if (n) {
			wf_strbuf_add(b, s, n);
			s += n;
			if (!*s)
				break;
		}
		switch (*s) {
		case '|': wf_strbuf_puts(b, "\\|"); break;
		case '\\': wf_strbuf_puts(b, "\\\\"); break;
		case '<': wf_strbuf_puts(b, "&lt;"); break;
		case '>': wf_strbuf_puts(b, "&gt;"); break;
		case '&': wf_strbuf_puts(b, "&amp;"); break;
		case '*': case '_': case '`': case '[': case ']': case '#':
			wf_strbuf_putc(b, '\\');
			wf_strbuf_putc(b, *s);
			break;
		case '\n': case '\r': case '\t': wf_strbuf_putc(b, ' '); break;
		default: wf_strbuf_putc(b, *s);
		}
	}
}

static void render_rtable_md(struct emit *e, const wf_rtable *t, const wf_render_opts *o)
{
	wf_strbuf *b = e->b;
	wf_strbuf cell = WF_STRBUF_INIT;
	struct rowit it;
	const char *const *row;
	int hl;

	if (t->caption[0]) {
		wf_strbuf_puts(b, "### ");
		md_text(b, t->caption);
		wf_strbuf_puts(b, "\n\n");
	}
	if (t->ncols == 0) {
		wf_strbuf_printf(b, "*%s*\n", wf_msg(o->lang, WF_M_NO_COLUMNS));
		return;
	}
	wf_strbuf_putc(b, '|');
	for (size_t c = 0; c < t->ncols; c++) {
		wf_strbuf_putc(b, ' ');
		md_text(b, heading(t, c, o));
		wf_strbuf_puts(b, " |");
	}
	wf_strbuf_puts(b, "\n|");
	for (size_t c = 0; c < t->ncols; c++)
		wf_strbuf_puts(b, wf_rtable_coltype(t, c) != WF_RCOL_TEXT ? " ---: |" : " --- |");
	wf_strbuf_putc(b, '\n');
	row_begin(&it, t);
	while ((row = row_next(&it, &hl))) {
		wf_strbuf_putc(b, '|');
		for (size_t c = 0; c < t->ncols; c++) {
			wf_strbuf_reset(&cell);
			cell_text(&cell, t, c, row[c], o);
			wf_strbuf_putc(b, ' ');
			if (hl && cell.len)
				wf_strbuf_puts(b, "**");
			md_text(b, wf_strbuf_str(&cell));
			if (hl && cell.len)
				wf_strbuf_puts(b, "**");
			wf_strbuf_puts(b, " |");
		}
		wf_strbuf_putc(b, '\n');
		emit_row(e);
	}
	e->failed |= it.failed;
	if (it.r == 0)
		wf_strbuf_printf(b, "\n*%s*\n", wf_msg(o->lang, WF_M_NO_ROWS_TABLE));
	wf_strbuf_release(&cell);
}

static void render_md(struct emit *e, const wf_report *r, const wf_render_opts *o)
{
	wf_strbuf *b = e->b;

	wf_strbuf_puts(b, "# ");
	md_text(b, r->title);
	wf_strbuf_puts(b, "\n\n");
	{
		wf_strbuf g = WF_STRBUF_INIT;
		generated_from(&g, r, 0, o->lang);
		md_text(b, wf_strbuf_str(&g));
		wf_strbuf_release(&g);
	}
	wf_strbuf_puts(b, "\n");
	for (size_t i = 0; i < r->nnotes; i++) {
		wf_strbuf_puts(b, "\n");
		md_text(b, r->notes[i]);
		wf_strbuf_puts(b, "\n");
	}
	for (size_t i = 0; i < r->ncards; i++) {
		const struct card *c = &r->cards[i];
		wf_strbuf_puts(b, "\n## ");
		md_text(b, c->heading);
		wf_strbuf_puts(b, "\n\n| | |\n| --- | ---: |\n");
		for (size_t j = 0; j < c->n; j++) {
			wf_strbuf v = WF_STRBUF_INIT;
			value_text(&v, c->items[j].value, o);
			wf_strbuf_puts(b, "| ");
			md_text(b, c->items[j].label);
			wf_strbuf_puts(b, " | ");
			md_text(b, wf_strbuf_str(&v));
			wf_strbuf_puts(b, " |\n");
			wf_strbuf_release(&v);
		}
	}
	for (size_t i = 0; i < r->ncharts; i++) {
		wf_strbuf t = WF_STRBUF_INIT;
		wf_strbuf_printf(&t, wf_msg(o->lang, WF_M_CHART_MD), wf_chart_title(r->charts[i]));
		wf_strbuf_puts(b, "\n*");
		md_text(b, wf_strbuf_str(&t));
		wf_strbuf_puts(b, "*\n");
		wf_strbuf_release(&t);
	}
	for (size_t i = 0; i < r->ntables; i++) {
		wf_strbuf_putc(b, '\n');
		render_rtable_md(e, r->tables[i], o);
	}
}

/* ---- HTML ---- */

static const char css[] =
	"body{margin:0;background:#f6f6f4;color:#1d1d1d;"
	"font:15px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif}\n"
	"main{max-width:1100px;margin:0 auto;padding:24px}\n"
	"h1{font-size:26px;margin:0 0 4px}\n"
	"h2{font-size:18px;margin:28px 0 8px}\n"
	".meta{color:#555;margin:0 0 16px}\n"
	".note{background:#fff8e1;border-left:4px solid #e69f00;padding:8px 12px}\n"
	".cards{display:flex;flex-wrap:wrap;gap:16px}\n"
	".card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px;min-width:280px}\n"
	".card h2{margin:0 0 8px}\n"
	".card dl{display:grid;grid-template-columns:auto auto;gap:2px 16px;margin:0}\n"
	".card dt{color:#555}.card dd{margin:0;text-align:right;font-variant-numeric:tabular-nums}\n"
	"figure{background:#fff;border:1px solid #ddd;border-radius:6px;margin:16px 0;padding:8px;"
	"overflow-x:auto}\n"
	"svg{display:block;max-width:100%;height:auto}\n"
	".tablewrap{overflow-x:auto}\n"
	"table{border-collapse:collapse;background:#fff;margin:8px 0 24px;font-size:13px}\n"
	"caption{text-align:left;font-weight:bold;padding:6px 0}\n"
	"th,td{border:1px solid #ddd;padding:3px 8px;vertical-align:top;white-space:nowrap}\n"
	"th{background:#eef1f4;text-align:left}\n"
	"td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"tr.flag td{background:#fde3d4}\n"
	/* Quartile tones (RdBu, colour-blind safe), lowest to highest. */
	"td.tone1{background:#f4a582}td.tone2{background:#fddbc7}"
	"td.tone3{background:#d1e5f0}td.tone4{background:#92c5de}\n"
	".charts.small{display:flex;flex-wrap:wrap;gap:8px}\n"
	".charts.small figure{margin:0;flex:0 1 290px}\n"
	".empty{color:#555;font-style:italic}\n";

static void h(wf_strbuf *b, const char *s)
{
	wf_strbuf_xml(b, s, strlen(s));
}

static void render_rtable_html(struct emit *e, const wf_rtable *t, const wf_render_opts *o)
{
	wf_strbuf *b = e->b;
	wf_strbuf cell = WF_STRBUF_INIT;
	struct rowit it;
	const char *const *row;
	int hl;

	wf_strbuf_puts(b, "<div class=\"tablewrap\"><table>\n");
	if (t->caption[0]) {
		wf_strbuf_puts(b, "<caption>");
		h(b, t->caption);
		wf_strbuf_puts(b, "</caption>\n");
	}
	wf_strbuf_puts(b, "<thead><tr>");
	for (size_t c = 0; c < t->ncols; c++) {
		wf_strbuf_puts(b, wf_rtable_coltype(t, c) != WF_RCOL_TEXT ? "<th class=\"num\">" : "<th>");
		h(b, heading(t, c, o));
		wf_strbuf_puts(b, "</th>");
	}
	wf_strbuf_puts(b, "</tr></thead>\n<tbody>\n");
	row_begin(&it, t);
	while ((row = row_next(&it, &hl))) {
		size_t r = it.r - 1;
		wf_strbuf_puts(b, hl ? "<tr class=\"flag\">" : "<tr>");
		for (size_t c = 0; c < t->ncols; c++) {
			wf_strbuf_reset(&cell);
			cell_text(&cell, t, c, row[c], o);
			{
				int tn = wf_rtable_cell_tone(t, r, c);
				int num = wf_rtable_coltype(t, c) != WF_RCOL_TEXT;
				if (tn)
					wf_strbuf_printf(b, "<td class=\"%stone%d\">", num ? "num " : "", tn);
				else
					wf_strbuf_puts(b, num ? "<td class=\"num\">" : "<td>");
			}
			wf_strbuf_xml(b, wf_strbuf_str(&cell), cell.len);
			wf_strbuf_puts(b, "</td>");
		}
		wf_strbuf_puts(b, "</tr>\n");
		emit_row(e);
	}
	e->failed |= it.failed;
	if (it.r == 0)
		wf_strbuf_printf(b, "<tr><td class=\"empty\" colspan=\"%zu\">%s</td></tr>\n",
				 t->ncols ? t->ncols : 1, wf_msg(o->lang, WF_M_NO_ROWS_CELL));
	wf_strbuf_puts(b, "</tbody>\n</table></div>\n");
	wf_strbuf_release(&cell);
}

static void render_html(struct emit *e, const wf_report *r, const wf_render_opts *o)
{
	wf_strbuf *b = e->b;

	/* The policy forbids scripts and every fetch even if escaping ever
	 * failed: the page is data-only by construction and by policy. */
	wf_strbuf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>", wf_lang_code(o->lang));
	wf_strbuf_puts(b, "\n<meta charset=\"utf-8\">\n"
		       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		       "style-src 'unsafe-inline'\">\n"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		       "<meta name=\"generator\" content=\"wf-report\">\n<title>");
	h(b, r->title);
	wf_strbuf_puts(b, "</title>\n<style>\n");
	wf_strbuf_puts(b, css);
	wf_strbuf_puts(b, "</style>\n</head>\n<body>\n<main>\n<h1>");
	h(b, r->title);
	wf_strbuf_puts(b, "</h1>\n<p class=\"meta\">");
	generated_from(b, r, 1, o->lang);
	wf_strbuf_puts(b, "</p>\n");
	for (size_t i = 0; i < r->nnotes; i++) {
		wf_strbuf_puts(b, "<p class=\"note\">");
		h(b, r->notes[i]);
		wf_strbuf_puts(b, "</p>\n");
	}
	if (r->ncards) {
		wf_strbuf_puts(b, "<section class=\"cards\">\n");
		for (size_t i = 0; i < r->ncards; i++) {
			const struct card *c = &r->cards[i];
			wf_strbuf_puts(b, "<div class=\"card\"><h2>");
			h(b, c->heading);
			wf_strbuf_puts(b, "</h2>\n<dl>\n");
			for (size_t j = 0; j < c->n; j++) {
				wf_strbuf v = WF_STRBUF_INIT;
				value_text(&v, c->items[j].value, o);
				wf_strbuf_puts(b, "<dt>");
				h(b, c->items[j].label);
				wf_strbuf_puts(b, "</dt><dd>");
				wf_strbuf_xml(b, wf_strbuf_str(&v), v.len);
				wf_strbuf_puts(b, "</dd>\n");
				wf_strbuf_release(&v);
			}
			wf_strbuf_puts(b, "</dl></div>\n");
		}
		wf_strbuf_puts(b, "</section>\n");
	}
	if (r->ncharts) {
		int small = 1;
		for (size_t i = 0; i < r->ncharts; i++)
			small &= wf_chart_is_compact(r->charts[i]);
		wf_strbuf_puts(b, small ? "<section class=\"charts small\">\n" : "<section class=\"charts\">\n");
		for (size_t i = 0; i < r->ncharts; i++) {
			wf_strbuf_puts(b, "<figure>\n");
			wf_chart_svg(r->charts[i], b);
			wf_strbuf_puts(b, "</figure>\n");
		}
		wf_strbuf_puts(b, "</section>\n");
	}
	if (r->ntables) {
		wf_strbuf_puts(b, "<section class=\"tables\">\n");
		for (size_t i = 0; i < r->ntables; i++)
			render_rtable_html(e, r->tables[i], o);
		wf_strbuf_puts(b, "</section>\n");
	}
	wf_strbuf_puts(b, "</main>\n</body>\n</html>\n");
}

/* ---- JSON ---- */

static void js(wf_strbuf *b, const char *s)
{
	wf_strbuf_json(b, s, strlen(s));
}

static void json_value(wf_strbuf *b, const char *s)
{
	wf_dec d;
	char buf[WF_DEC_BUFSZ];

	if (!s)
		wf_strbuf_puts(b, "null");
	else if (wf_render_is_number(s, strlen(s), &d))
		wf_strbuf_add(b, buf, wf_dec_format(d, buf));
	else
		js(b, s);
}

static void render_json(struct emit *e, const wf_report *r)
{
	wf_strbuf *b = e->b;
	static const char *const types[] = { "text", "integer", "decimal" };

	wf_strbuf_puts(b, "{\n\"title\": ");
	js(b, r->title);
	wf_strbuf_puts(b, ",\n\"kind\": ");
	js(b, r->kind);
	wf_strbuf_puts(b, ",\n\"generated_from\": [");
	for (size_t i = 0; i < r->nsrc; i++) {
		wf_strbuf_puts(b, i ? ", {\"name\": " : "{\"name\": ");
		js(b, r->src[i].name);
		wf_strbuf_printf(b, ", \"rows\": %lu}", r->src[i].rows);
	}
	wf_strbuf_puts(b, "],\n\"date\": ");
	if (r->date)
		js(b, r->date);
	else
		wf_strbuf_puts(b, "null");
	wf_strbuf_puts(b, ",\n\"notes\": [");
	for (size_t i = 0; i < r->nnotes; i++) {
		if (i)
			wf_strbuf_puts(b, ", ");
		js(b, r->notes[i]);
	}
	wf_strbuf_puts(b, "],\n\"cards\": [");
	for (size_t i = 0; i < r->ncards; i++) {
		const struct card *c = &r->cards[i];
		wf_strbuf_puts(b, i ? ",\n{\"heading\": " : "\n{\"heading\": ");
		js(b, c->heading);
		wf_strbuf_puts(b, ", \"items\": [");
		for (size_t j = 0; j < c->n; j++) {
			wf_strbuf_puts(b, j ? ", {\"label\": " : "{\"label\": ");
			js(b, c->items[j].label);
			wf_strbuf_puts(b, ", \"value\": ");
			json_value(b, c->items[j].value);
			wf_strbuf_puts(b, "}");
		}
		wf_strbuf_puts(b, "]}");
	}
	wf_strbuf_puts(b, "],\n\"charts\": [");
	for (size_t i = 0; i < r->ncharts; i++) {
		wf_strbuf_puts(b, i ? ",\n" : "\n");
		wf_chart_json(r->charts[i], b);
	}
	wf_strbuf_puts(b, "],\n\"tables\": [");
	for (size_t i = 0; i < r->ntables; i++) {
		const wf_rtable *t = r->tables[i];
		size_t nh = 0;
		struct rowit it;
		const char *const *row;
		int hl;
		wf_strbuf_puts(b, i ? ",\n{\"caption\": " : "\n{\"caption\": ");
		js(b, t->caption);
		wf_strbuf_puts(b, ",\n \"columns\": [");
		for (size_t c = 0; c < t->ncols; c++) {
			wf_strbuf_puts(b, c ? ", {\"name\": " : "{\"name\": ");
			js(b, t->names[c]);
			wf_strbuf_printf(b, ", \"type\": \"%s\"}", types[wf_rtable_coltype(t, c)]);
		}
		wf_strbuf_puts(b, "],\n \"rows\": [");
		row_begin(&it, t);
		while ((row = row_next(&it, &hl))) {
			wf_strbuf_puts(b, it.r > 1 ? ",\n  [" : "\n  [");
			for (size_t c = 0; c < t->ncols; c++) {
				const char *s = row[c];
				if (c)
					wf_strbuf_puts(b, ", ");
				/* Columns typed text keep numbers-looking cells as strings. */
				if (s && wf_rtable_coltype(t, c) == WF_RCOL_TEXT)
					js(b, s);
				else /* an empty number is no number */
					json_value(b, s && *s ? s : NULL);
			}
			wf_strbuf_puts(b, "]");
			emit_row(e);
		}
		e->failed |= it.failed;
		wf_strbuf_puts(b, "],\n \"highlighted\": [");
		for (size_t r2 = 0; r2 < t->nrows; r2++)
			if (t->hl[r2])
				wf_strbuf_printf(b, "%s%zu", nh++ ? ", " : "", r2);
		wf_strbuf_puts(b, "]}");
	}
	wf_strbuf_puts(b, "]\n}\n");
}

static int render(const wf_report *r, enum wf_render_fmt fmt, const wf_render_opts *o,
		  wf_strbuf *b, wf_out *out)
{
	wf_render_opts def = WF_RENDER_OPTS_INIT;
	/* Text for a terminal: whatever the data holds (ESC[2J, OSC-8
	 * links, colours, BEL) is shown, never sent. */
	struct emit e = { b, out, b->len, fmt == WF_RENDER_TABLE || fmt == WF_RENDER_MARKDOWN, 0 };

	if (!o)
		o = &def;
	switch (fmt) {
	case WF_RENDER_TABLE: render_text(&e, r, o); break;
	case WF_RENDER_MARKDOWN: render_md(&e, r, o); break;
	case WF_RENDER_HTML: render_html(&e, r, o); break;
	case WF_RENDER_JSON: render_json(&e, r); break;
	}
	emit_flush(&e);
	return e.failed ? -1 : 0;
}

void wf_render(const wf_report *r, enum wf_render_fmt fmt, const wf_render_opts *o,
	       wf_strbuf *out)
{
	render(r, fmt, o, out, NULL);
}

int wf_render_out(const wf_report *r, enum wf_render_fmt fmt, const wf_render_opts *o,
		  wf_out *out)
{
	wf_strbuf b = WF_STRBUF_INIT;
	int rc = render(r, fmt, o, &b, out);

	wf_strbuf_release(&b);
	return rc;
}
