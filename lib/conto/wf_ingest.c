#include "wf_ingest.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "wf_err.h"
#include "wf_rejects.h"
#include "wf_text.h"
#include "wf_map.h"
#include "wf_zip.h"

const char *const wf_fact_columns[WF_FACT_NCOLS + 1] = {
	"year", "institution", "institution_type", "institution_name", "contract",
	"aggregate", "comparto", "region", "province", "comune", "measure", "value",
	"provenance"
};
const enum wf_colkind wf_fact_kinds[WF_FACT_NCOLS + 1] = {
	WF_COL_NUM, WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_STR,
	WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_NUM,
	WF_COL_STR
};


struct count {
	unsigned long long read, written, rejected, blank;
};

struct agg {
	char inst[32], type[8];
	char measure[32];
	char *contract;
	wf_dec sum;
};

struct wf_ingest {
	wf_run run;
	wf_codes *codes;
	wf_tw *facts;
	wf_rejects *rej;
	wf_ingest_opts o;
	int stop, failed, files;
	struct count total;
	/* last institution and contract looked up: rows come grouped by
	 * institution, so this skips most hash lookups */
	char last_key[32], last_contract[24];
	const wf_inst *last_inst;
	unsigned char said_year[WF_YEAR_MAX - WF_YEAR_MIN + 1]; /* fallback code lists announced */
	const char *last_agg, *last_comparto;
	/* lengths of the cached columns: strlen() on every cell of every
	 * row was 9.5% of wf-ingest (perf, 2026-11-27) */
	size_t len_key, len_type, len_name, len_region, len_province, len_comune;
	size_t len_contract, len_agg, len_comparto;
	/* inputs read so far, to refuse one given twice: regular files by
	 * device, inode and size (then bytes), zip members by size and
	 * CRC-32; only within one year (the year in the name, or --year):
	 * the same bytes named for two years are two years */
	struct seen {
		char *label;
		unsigned long long dev, ino, size;
		unsigned long crc;
		int member, year;
	} *seen;
	size_t nseen;
	/* (institution, contract, measure) facts of the current year and
	 * the line (and file) each came from: a repeated one is a rejected
	 * row, never a silently doubled total */
	struct dupent *cur_tab, *log;
	size_t cur_cap, cur_n, log_n, log_cap, cur_il;
	char cur_inst[32];
	wf_map *dup_inst;
	int dup_year;
	char **dup_files;
	size_t ndup_files;
	/* per file */
	const char *name;
	struct count c;
	wf_map *agg;
};

wf_ingest *wf_ingest_new(const wf_run *run, wf_codes *codes, wf_tw *facts,
			 wf_out *rejects, const wf_ingest_opts *opts)
{
	wf_ingest *g = wf_xcalloc(1, sizeof *g);

	g->run = *run;
	g->codes = codes;
	g->facts = facts;
	g->rej = wf_rejects_new(rejects);
	/* The rejects file is the one people open to review bad rows. */
	wf_rejects_set_excel_safe(g->rej, run->excel_safe);
	g->o = *opts;
	return g;
}

static void dup_reset(wf_ingest *g);

void wf_ingest_free(wf_ingest *g)
{
	if (!g)
		return;
	dup_reset(g);
	for (size_t i = 0; i < g->ndup_files; i++)
		free(g->dup_files[i]);
	free(g->dup_files);
	for (size_t i = 0; i < g->nseen; i++)
		free(g->seen[i].label);
	free(g->seen);
	wf_rejects_free(g->rej);
	free(g);
}

/* A row that cannot be used: to --rejects, or the end of the run. */
static int reject(wf_ingest *g, long line, const char *reason, const char *raw, size_t rawlen)
{
	g->c.rejected++;
	if (wf_rejects_add(g->rej, g->name, line, reason, raw, rawlen) < 0 &&
	    !wf_rejects_kept(g->rej)) {
		g->stop = 1;
		return -1;
	}
	return 0;
}

/* Facts of the current year, to reject a repeated one. Files come
 * grouped by institution, so the facts of the institution being read
 * sit in a small table (cache-resident), keyed by a 64-bit hash of
 * (contract, measure); when the institution changes they are appended,
 * in one sequential write, to a log of the year, and the institution
 * is remembered with where its facts are. An institution that comes
 * back later has its facts loaded from the log again. A string-keyed
 * map per fact, or one big table, made wf-ingest 2 to 4 times slower
 * on a 2 M-row file (cache misses on every row). Two facts of one
 * institution taken for one by a hash collision: odds about 1e-15. */
struct dupent {
	uint64_t key;   /* 0 = empty slot */
	uint32_t line;
	uint32_t file;  /* index in dup_files + 1 */
};

static struct dupent *cur_find(wf_ingest *g, uint64_t k)
{
	size_t j = (size_t)k & (g->cur_cap - 1);

	while (g->cur_tab[j].key && g->cur_tab[j].key != k)
		j = (j + 1) & (g->cur_cap - 1);
	return &g->cur_tab[j];
}

static void cur_add(wf_ingest *g, const struct dupent *e)
{
	if (2 * (g->cur_n + 1) > g->cur_cap) {
		struct dupent *old = g->cur_tab;
		size_t oldcap = g->cur_cap;
		g->cur_cap = oldcap ? oldcap * 2 : 256;
		g->cur_tab = wf_xcalloc(g->cur_cap, sizeof *g->cur_tab);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].key)
				*cur_find(g, old[i].key) = old[i];
		free(old);
	}
	*cur_find(g, e->key) = *e;
	g->cur_n++;
}

/* The institution being read is done: its facts go to the log. */
static void cur_close(wf_ingest *g)
{
	if (!g->cur_il)
		return;
	if (g->log_n + g->cur_n > g->log_cap) {
		g->log_cap = (g->log_n + g->cur_n) * 2;
		g->log = wf_xrealloc(g->log, g->log_cap * sizeof *g->log);
	}
	size_t off = g->log_n;
	for (size_t i = 0; i < g->cur_cap; i++)
		if (g->cur_tab[i].key)
			g->log[g->log_n++] = g->cur_tab[i];
	/* where: offset << 24 | count (an institution has < 16 M facts) */
	*wf_map_islot(g->dup_inst, g->cur_inst, g->cur_il, 0) =
		(intptr_t)((uint64_t)off << 24 | (g->log_n - off));
	memset(g->cur_tab, 0, g->cur_cap * sizeof *g->cur_tab);
	g->cur_n = 0;
	g->cur_il = 0;
}

static void dup_reset(wf_ingest *g)
{
	free(g->cur_tab);
	free(g->log);
	wf_map_free(g->dup_inst);
	g->cur_tab = NULL;
	g->log = NULL;
	g->dup_inst = NULL;
	g->cur_cap = g->cur_n = g->log_n = g->log_cap = g->cur_il = 0;
}

/* 1 after rejecting a fact already seen this year ("duplicate of line
 * N", naming the file when it is another one), else 0 (remembered).
 * Memory: 16 bytes per fact of the current year, dropped when the year
 * changes (inputs come a year at a time). */
static int duplicate(wf_ingest *g, int year, const char *inst, size_t il, const char *contract,
		     size_t cl, const char *measure, size_t ml, const wf_row *row)
{
	struct dupent *e;
	uint64_t k;

	if (g->o.sum_duplicates || il == 0 || il >= sizeof g->cur_inst)
		return 0;
	if (year != g->dup_year || !g->dup_inst) {
		dup_reset(g);
		g->dup_inst = wf_map_new();
		g->dup_year = year;
	}
	if (!g->ndup_files || strcmp(g->dup_files[g->ndup_files - 1], g->name) != 0) {
		g->dup_files = wf_xrealloc(g->dup_files, (g->ndup_files + 1) * sizeof *g->dup_files);
		g->dup_files[g->ndup_files++] = wf_xstrdup(g->name);
	}
	if (il != g->cur_il || memcmp(inst, g->cur_inst, il) != 0) {
		cur_close(g);
		memcpy(g->cur_inst, inst, il);
		g->cur_il = il;
		intptr_t where = wf_map_iget(g->dup_inst, inst, il, -1);
		if (where >= 0) {
			/* back again (the file is not grouped): its facts too */
			size_t off = (size_t)((uint64_t)where >> 24), n = (size_t)(where & 0xFFFFFF);
			for (size_t i = 0; i < n; i++)
				cur_add(g, &g->log[off + i]);
		}
	}
	k = wf_hash_fin(wf_hash_mix(wf_hash_bytes(contract, cl), wf_hash_bytes(measure, ml)));
	if (g->cur_cap && (e = cur_find(g, k))->key) {
		char reason[320];
		size_t fi = e->file - 1;
		if (fi == g->ndup_files - 1)
			snprintf(reason, sizeof reason, "duplicate of line %lu (same institution, "
				 "contract and measure in %d; see --sum-duplicates)",
				 (unsigned long)e->line, year);
		else
			snprintf(reason, sizeof reason, "duplicate of %s:%lu (same institution, "
				 "contract and measure in %d; see --sum-duplicates)",
				 g->dup_files[fi], (unsigned long)e->line, year);
		reject(g, row->line, reason, row->raw, row->rawlen);
		return 1;
	}
	struct dupent ne = { k, (uint32_t)row->line, (uint32_t)g->ndup_files };
	cur_add(g, &ne);
	return 0;
}

static void emit(wf_ingest *g, const char *year, const char *key, const char *type,
		 const char *contract, const char *measure, const char *value)
{
	if (!g->last_inst || strcmp(key, g->last_key) != 0) {
		const wf_inst *in = wf_codes_inst(g->codes, key, type);
		g->last_inst = in;
		/* memcpy, not snprintf: this runs for most rows of a file not
		 * sorted by institution, and snprintf was 15% of the
		 * instructions of such a run (callgrind, 1,000,000 short rows). */
		g->len_key = strnlen(key, sizeof g->last_key - 1);
		memcpy(g->last_key, key, g->len_key);
		g->last_key[g->len_key] = '\0';
		g->len_type = strlen(type);
		g->len_name = strlen(in->name);
		g->len_region = strlen(in->region);
		g->len_province = strlen(in->province);
		g->len_comune = strlen(in->comune);
	}
	if (!g->last_agg || strcmp(contract, g->last_contract) != 0) {
		g->last_agg = wf_codes_aggregate(g->codes, contract);
		g->last_comparto = wf_codes_comparto(g->codes, contract);
		g->len_contract = strnlen(contract, sizeof g->last_contract - 1);
		memcpy(g->last_contract, contract, g->len_contract);
		g->last_contract[g->len_contract] = '\0';
		g->len_agg = strlen(g->last_agg);
		g->len_comparto = strlen(g->last_comparto);
	}
	const wf_inst *in = g->last_inst;
	const char *v[WF_FACT_NCOLS + 1] = {
		year, key, type, in->name, contract, g->last_agg, g->last_comparto,
		in->region, in->province, in->comune, measure, value, g->o.provenance
	};
	size_t l[WF_FACT_NCOLS + 1] = {
		strlen(year), g->len_key, g->len_type, g->len_name, g->len_contract,
		g->len_agg, g->len_comparto, g->len_region, g->len_province,
		g->len_comune, strlen(measure), value ? strlen(value) : 0,
		g->o.provenance ? strlen(g->o.provenance) : 0
	};
	if (wf_tw_row(g->facts, v, l) < 0)
		g->stop = 1;
	g->c.written++;
}

static void free_agg(wf_map *m)
{
	void *v;

	if (!m)
		return;
	for (size_t i = 0; i < wf_map_count(m); i++) {
		wf_map_key_at(m, i, &v);
		struct agg *a = v;
		free(a->contract);
		free(a);
	}
	wf_map_free(m);
}

/* Near misses of the canonical header are refused rather than read as
 * some Conto Annuale layout, whose message would not say what is wrong. */
int wf_fact_header_problem(const wf_row *h, char *why, size_t whysz)
{
	size_t n = h->n, exact = 1;

	if (n > 0 && h->len[n - 1] == 0)
		n--; /* "...,value," */
	if (n != WF_FACT_NCOLS && n != WF_FACT_NCOLS + 1)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (strcasecmp(h->f[i], wf_fact_columns[i]) != 0)
			return 0;
		exact &= strcmp(h->f[i], wf_fact_columns[i]) == 0;
	}
	for (size_t i = 0; !exact && i < n; i++)
		if (strcmp(h->f[i], wf_fact_columns[i]) != 0) {
			wf_setmsg(why, whysz, "canonical header in upper case ('%s'): its column "
				  "names are lower case ('%s')", h->f[i], wf_fact_columns[i]);
			return 1;
		}
	if (n < h->n) {
		wf_setmsg(why, whysz, "canonical header ends with a delimiter (an empty "
			  "column %zu): remove it", h->n);
		return 1;
	}
	return 0;
}

/* Our own stream: the 12 columns, and provenance after them when the
 * data was marked. */
static int is_canonical(const wf_row *h)
{
	if (h->n != WF_FACT_NCOLS && h->n != WF_FACT_NCOLS + 1)
		return 0;
	for (size_t i = 0; i < h->n; i++)
		if (strcmp(h->f[i], wf_fact_columns[i]) != 0)
			return 0;
	return 1;
}

static void summary(const wf_ingest *g, const char *what)
{
	wf_note("%s: %s: %llu rows read, %llu rejected, "
		"%llu records written, %llu blank lines skipped", g->name, what, g->c.read, g->c.rejected, g->c.written, g->c.blank);
}

/* End of one input: the dialect under -v (at the end, so it shows the
 * encoding the data decided), the per-file summary, the totals. */
static int file_done(wf_ingest *g, wf_reader *r, const char *what)
{
	g->c.blank = wf_reader_blank(r);
	wf_run_dialect(&g->run, r, NULL);
	if (!g->stop)
		summary(g, what);
	g->total.read += g->c.read;
	g->total.written += g->c.written;
	g->total.rejected += g->c.rejected;
	g->total.blank += g->c.blank;
	g->files++;
	return g->stop ? -1 : 0;
}

/* A canonical fact stream (our own output, CSV or NDJSON) is checked
 * and passed through, so wf-ingest also converts and re-validates
 * streams: ingest -> CSV -> ingest gives the same bytes. */
static int read_canonical(wf_ingest *g, wf_reader *r)
{
	enum { Y = 0, INST = 1, MEASURE = 10, VALUE = 11 };
	wf_row row;
	char reason[320], key[32], type[8], vbuf[WF_DEC_BUFSZ];
	int st;

	while (!g->stop && (st = wf_reader_next(r, &row)) != WF_ROW_EOF) {
		const char *v[WF_FACT_NCOLS + 1];
		wf_dec d;
		int ds;
		char *end;
		long y;

		if (st == WF_ROW_FATAL) {
			wf_warn("%s: %s", g->name, wf_reader_reason(r));
			g->failed = 1;
			break;
		}
		g->c.read++;
		if (st == WF_ROW_BAD) {
			reject(g, row.line, wf_reader_reason(r), row.raw, row.rawlen);
			continue;
		}
		y = strtol(row.f[Y], &end, 10);
		if (row.len[Y] != 4 || *end || y < WF_YEAR_MIN || y > WF_YEAR_MAX) {
			snprintf(reason, sizeof reason, "bad year '%.40s'", row.f[Y]);
			reject(g, row.line, reason, row.raw, row.rawlen);
			continue;
		}
		if (wf_conto_inst_key(row.f[INST], row.len[INST], key, type) != 0 ||
		    strcmp(key, row.f[INST]) != 0) {
			snprintf(reason, sizeof reason, "bad institution code '%.40s'", row.f[INST]);
			reject(g, row.line, reason, row.raw, row.rawlen);
			continue;
		}
		if (!wf_conto_measure_ok(row.f[MEASURE], row.len[MEASURE])) {
			snprintf(reason, sizeof reason, "bad measure '%.40s'", row.f[MEASURE]);
			reject(g, row.line, reason, row.raw, row.rawlen);
			continue;
		}
		{
			/* The codes pass through: each must have a code's
			 * shape ("RALN" with its quotes, R,ALN or a newline
			 * would reach every later tool). */
			static const int cc[] = { 4, 5, 6, 7, 8, 9 };
			int badc = -1;
			for (size_t i = 0; i < sizeof cc / sizeof cc[0] && badc < 0; i++)
				if (!wf_conto_code_ok(row.f[cc[i]], row.len[cc[i]]) &&
				    (cc[i] == 4 || row.len[cc[i]] > 0))
					badc = cc[i];
			if (badc >= 0) {
				snprintf(reason, sizeof reason, "bad %s code '%.40s' (1 to %d "
					 "letters and digits)", wf_fact_columns[badc],
					 row.f[badc], WF_CODE_MAX);
				reject(g, row.line, reason, row.raw, row.rawlen);
				continue;
			}
		}
		ds = wf_dec_parse(row.f[VALUE], row.len[VALUE], WF_DEC_POINT, &d);
		if (ds < 0) {
			snprintf(reason, sizeof reason, "%s: '%.40s' in value",
				 wf_dec_strerror(ds), row.f[VALUE]);
			reject(g, row.line, reason, row.raw, row.rawlen);
			continue;
		}
		if (duplicate(g, (int)y, row.f[INST], row.len[INST], row.f[4], row.len[4],
			      row.f[MEASURE], row.len[MEASURE], &row))
			continue;
		size_t l[WF_FACT_NCOLS + 1];
		for (size_t i = 0; i < WF_FACT_NCOLS; i++) {
			v[i] = row.f[i];
			l[i] = row.len[i]; /* no strlen() per cell: see emit() */
		}
		v[WF_FACT_NCOLS] = g->o.provenance;
		l[WF_FACT_NCOLS] = g->o.provenance ? strlen(g->o.provenance) : 0;
		l[VALUE] = ds == WF_DEC_OK ? wf_dec_format(d, vbuf) : 0;
		v[VALUE] = ds == WF_DEC_OK ? vbuf : NULL;
		if (wf_tw_row(g->facts, v, l) < 0)
			g->stop = 1;
		g->c.written++;
	}
	return file_done(g, r, "canonical fact stream");
}

/* Column col of row as a decimal (wf_dec_parse); when it is not one,
 * the reason names the text and its column, for --rejects. */
static int dec_cell(wf_reader *r, const wf_row *row, int col, enum wf_decmode dm,
		    wf_dec *d, char *reason, size_t rsz)
{
	int ds = wf_dec_parse(row->f[col], row->len[col], dm, d);

	if (ds < 0)
		snprintf(reason, rsz, "%s: '%.40s' in %s", wf_dec_strerror(ds), row->f[col],
			 wf_reader_header(r)->f[col]);
	return ds;
}

static int read_table(wf_ingest *g, wf_reader *r)
{
	wf_layout L;
	wf_row row;
	char why[256], year[16], reason[320];
	int y, st, fatal = 0;
	enum wf_decmode dm;

	g->name = wf_reader_name(r);
	memset(&g->c, 0, sizeof g->c);
	if (is_canonical(wf_reader_header(r)))
		return read_canonical(g, r);
	{
		/* the same refusal, in the same words, as wf-benchmark */
		char why[200];
		if (wf_fact_header_problem(wf_reader_header(r), why, sizeof why)) {
			wf_warn_at(g->name, 1, "%s", why);
			g->failed = 1;
			return 0;
		}
	}
	y = g->o.year ? g->o.year : wf_conto_year_from_name(g->name);
	wf_layout_detect(wf_reader_header(r), &L, why, sizeof why);
	if (L.kind == WF_LAYOUT_ASSENZE && wf_conto_averages_name(g->name)) {
		/* Same header as ASSENZE, but averages per head. */
		L.kind = WF_LAYOUT_UNKNOWN;
		snprintf(why, sizeof why, "ASSENZE_MEDIE holds averages, which are not summed; "
			 "read ASSENZE instead");
	}
	if (L.kind == WF_LAYOUT_UNKNOWN || y <= 0) {
		const wf_row *h = wf_reader_header(r);
		if (L.kind != WF_LAYOUT_UNKNOWN && y < 0)
			snprintf(why, sizeof why, "cannot tell the year (two different "
				 "_YYYY in the file name); use --year");
		else if (L.kind != WF_LAYOUT_UNKNOWN)
			snprintf(why, sizeof why, "cannot tell the year (no _YYYY in the "
				 "file name); use --year");
		/* Nothing of such a file is usable; every row is kept in
		 * --rejects so nothing is lost. */
		/* The header line goes to --rejects too (uncounted: it
		 * is not a data row), so the rows can be read back. */
		if (reject(g, h->line, why, h->raw, h->rawlen) < 0)
			goto done;
		g->c.rejected--;
		while ((st = wf_reader_next(r, &row)) == WF_ROW_OK || st == WF_ROW_BAD) {
			g->c.read++;
			reject(g, row.line, st == WF_ROW_OK ? why : wf_reader_reason(r),
			       row.raw, row.rawlen);
		}
		if (st == WF_ROW_FATAL)
			fatal = 1;
		goto done;
	}
	snprintf(year, sizeof year, "%d", y);
	{
		/* Codes change between years: each file gets its year's
		 * lists (or the nearest year's). */
		int cy = wf_codes_select_year(g->codes, y);
		g->last_inst = NULL;
		g->last_agg = NULL;
		/* Said once per data year, not once per file. */
		if (cy && cy != y && !g->said_year[y - WF_YEAR_MIN]) {
			g->said_year[y - WF_YEAR_MIN] = 1;
			wf_note("no code lists of %d; its files use those of %d", y, cy);
		}
	}
	/* Every published dialect writes Italian numbers (1.234,56). */
	dm = g->o.decimal < 0 ? WF_DEC_COMMA : (enum wf_decmode)g->o.decimal;
	if (g->run.verbose)
		fprintf(stderr, "%s: %s: %s %d, decimal %s%s\n", wf_progname, g->name,
			wf_layout_name(L.kind), y, dm == WF_DEC_COMMA ? "comma" : "point",
			g->o.decimal < 0 ? " (Conto Annuale default)" : " (given)");
	if (L.kind != WF_LAYOUT_COSTO_LAVORO)
		g->agg = wf_map_new();
	while (!g->stop && (st = wf_reader_next(r, &row)) != WF_ROW_EOF) {
		char key[32], type[8], item[16], vbuf[WF_DEC_BUFSZ];
		const char *contract;
		size_t cl;
		wf_dec d;
		int ds;

		if (st == WF_ROW_FATAL) {
			fatal = 1;
			break;
		}
		g->c.read++;
		if ((g->c.read & 0xFFFF) == 0)
			wf_run_progress(&g->run, g->name, wf_src_raw_pos(wf_reader_src(r)),
					wf_src_raw_size(wf_reader_src(r)), g->c.read, 0);
		if (st == WF_ROW_BAD) {
			reject(g, row.line, wf_reader_reason(r), row.raw, row.rawlen);
			continue;
		}
		if (wf_conto_inst_key(row.f[L.inst], row.len[L.inst], key, type) != 0) {
			snprintf(reason, sizeof reason, "bad institution code '%.40s'", row.f[L.inst]);
			reject(g, row.line, reason, row.raw, row.rawlen);
			continue;
		}
		contract = row.f[L.contract];
		cl = row.len[L.contract];
		wf_trim_span(&contract, &cl);
		if (!wf_conto_code_ok(contract, cl)) {
			snprintf(reason, sizeof reason, "bad contract code '%.40s' (1 to %d letters "
				 "and digits)", row.f[L.contract], WF_CODE_MAX);
			reject(g, row.line, reason, row.raw, row.rawlen);
			continue;
		}
		char cbuf[24];
		memcpy(cbuf, contract, cl);
		cbuf[cl] = '\0';
		if (L.kind == WF_LAYOUT_COSTO_LAVORO) {
			if (wf_conto_item_code(row.f[L.item], row.len[L.item], item) != 0) {
				snprintf(reason, sizeof reason, "bad cost item code '%.40s'", row.f[L.item]);
				reject(g, row.line, reason, row.raw, row.rawlen);
				continue;
			}
			ds = dec_cell(r, &row, L.value, dm, &d, reason, sizeof reason);
			if (ds < 0) {
				reject(g, row.line, reason, row.raw, row.rawlen);
				continue;
			}
			if (duplicate(g, y, key, strlen(key), cbuf, cl, item, strlen(item), &row))
				continue;
			if (ds == WF_DEC_OK)
				wf_dec_format(d, vbuf);
			emit(g, year, key, type, cbuf, item, ds == WF_DEC_OK ? vbuf : NULL);
			continue;
		}
		/* The summing layouts: each row adds to one or more measures
		 * of its institution and contract (an empty count is zero). */
		wf_measure_def defs[WF_LAYOUT_MAXOUT];
		wf_dec sums[WF_LAYOUT_MAXOUT], cnt[WF_LAYOUT_MAXCOUNTS];
		char fua[16];
		size_t nd = 0;
		int bad = 0;
		if (L.kind == WF_LAYOUT_CONTRATTAZIONE_INTEGRATIVA) {
			if (wf_conto_fua_measure(row.f[L.item_type], row.len[L.item_type],
						 row.f[L.item], row.len[L.item], fua) != 0) {
				snprintf(reason, sizeof reason, "bad FUA item '%.8s' '%.40s'",
					 row.f[L.item_type], row.f[L.item]);
				reject(g, row.line, reason, row.raw, row.rawlen);
				continue;
			}
			ds = dec_cell(r, &row, L.value, dm, &d, reason, sizeof reason);
			if (ds < 0) {
				reject(g, row.line, reason, row.raw, row.rawlen);
				continue;
			}
			defs[0].measure = fua;
			sums[0] = ds == WF_DEC_OK ? d : (wf_dec){ 0, 0 };
			nd = 1;
		} else {
			char cause[16] = "";
			reason[0] = '\0';
			if (L.kind == WF_LAYOUT_ASSENZE) {
				size_t n = row.len[L.cause];
				const char *cs = row.f[L.cause];
				wf_trim_span(&cs, &n);
				if (n == 0 || n >= sizeof cause) {
					snprintf(reason, sizeof reason, "bad absence cause '%.40s'",
						 row.f[L.cause]);
					reject(g, row.line, reason, row.raw, row.rawlen);
					continue;
				}
				memcpy(cause, cs, n);
				cause[n] = '\0';
			}
			for (int i = 0; i < L.ncounts && !bad; i++) {
				int c = L.counts[i];
				ds = dec_cell(r, &row, c, dm, &cnt[i], reason, sizeof reason);
				if (ds < 0) {
					bad = 1;
				} else if (ds != WF_DEC_OK) {
					cnt[i] = (wf_dec){ 0, 0 };
				}
			}
			nd = bad ? 0 : wf_layout_measures(L.kind, cause, defs);
			for (size_t m = 0; m < nd && !bad; m++) {
				sums[m] = (wf_dec){ 0, 0 };
				for (int i = 0; i < L.ncounts && !bad; i++)
					if ((defs[m].mask >> i & 1) && wf_dec_add(&sums[m], cnt[i]) != 0)
						bad = 1;
			}
			if (bad && !reason[0])
				snprintf(reason, sizeof reason, "sum of counts overflows");
		}
		/* All or nothing: a row whose sums would overflow adds to none. */
		struct agg *to[WF_LAYOUT_MAXOUT];
		wf_dec next[WF_LAYOUT_MAXOUT];
		for (size_t m = 0; m < nd && !bad; m++) {
			char akey[96];
			int kl = snprintf(akey, sizeof akey, "%s\x1f%s\x1f%s", key, cbuf,
					  defs[m].measure);
			void **slot = wf_map_slot(g->agg, akey, (size_t)kl);
			if (!*slot) {
				struct agg *a = wf_xcalloc(1, sizeof *a);
				strcpy(a->inst, key);
				strcpy(a->type, type);
				snprintf(a->measure, sizeof a->measure, "%s", defs[m].measure);
				a->contract = wf_xstrdup(cbuf);
				*slot = a;
			}
			to[m] = *slot;
			next[m] = to[m]->sum;
			if (wf_dec_add(&next[m], sums[m]) != 0) {
				snprintf(reason, sizeof reason, "sum of counts overflows");
				bad = 1;
			}
		}
		for (size_t m = 0; m < nd && !bad; m++)
			to[m]->sum = next[m];
		if (bad)
			reject(g, row.line, reason, row.raw, row.rawlen);
	}
	if (fatal) {
		/* Partial sums would be wrong numbers: write none. */
		wf_warn("%s: %s", g->name, wf_reader_reason(r));
		g->failed = 1;
	} else if (g->agg && !g->stop) {
		for (size_t i = 0; i < wf_map_count(g->agg); i++) {
			void *v;
			char vbuf[WF_DEC_BUFSZ];
			wf_map_key_at(g->agg, i, &v);
			struct agg *a = v;
			wf_dec_format(a->sum, vbuf);
			emit(g, year, a->inst, a->type, a->contract, a->measure, vbuf);
		}
	}
	free_agg(g->agg);
	g->agg = NULL;
done:
	/* A file refused whole (unknown layout or year) that also breaks
	 * off: its rows past the break are in no --rejects, so say why. */
	if (fatal && (L.kind == WF_LAYOUT_UNKNOWN || y <= 0)) {
		wf_warn("%s: %s", g->name, wf_reader_reason(r));
		g->failed = 1;
	}
	{
		char what[64];
		if (L.kind == WF_LAYOUT_UNKNOWN)
			snprintf(what, sizeof what, "unknown layout");
		else if (!y)
			snprintf(what, sizeof what, "%s, year unknown", wf_layout_name(L.kind));
		else
			snprintf(what, sizeof what, "%s %d", wf_layout_name(L.kind), y);
		return file_done(g, r, what);
	}
}

/* ---- inputs given twice ---- */

static void seen_add(wf_ingest *g, const char *label, unsigned long long dev,
		     unsigned long long ino, unsigned long long size, unsigned long crc,
		     int member, int year)
{
	g->seen = wf_xrealloc(g->seen, (g->nseen + 1) * sizeof *g->seen);
	g->seen[g->nseen++] = (struct seen){ wf_xstrdup(label), dev, ino, size, crc, member, year };
}

static int name_year(const wf_ingest *g, const char *name)
{
	return g->o.year ? g->o.year : wf_conto_year_from_name(name);
}

/* Same bytes in two regular files? Only called when the sizes agree. */
static int same_bytes(const char *a, const char *b)
{
	FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
	char ba[65536], bb[65536];
	int same = fa && fb;

	while (same) {
		size_t na = fread(ba, 1, sizeof ba, fa), nb = fread(bb, 1, sizeof bb, fb);
		if (na != nb || memcmp(ba, bb, na) != 0)
			same = 0;
		if (na < sizeof ba)
			break;
	}
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
	return same;
}

/* The label of an earlier input with the same bytes as the regular
 * file path, or NULL (then path is remembered). Summing a year twice
 * doubled every total with exit 0. */
static const char *seen_file(wf_ingest *g, const char *path)
{
	struct stat st;

	int year = name_year(g, path);

	if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return NULL;
	for (size_t i = 0; i < g->nseen; i++) {
		const struct seen *s = &g->seen[i];
		if (s->member || s->size != (unsigned long long)st.st_size || s->year != year)
			continue;
		if ((s->dev == (unsigned long long)st.st_dev && s->ino == (unsigned long long)st.st_ino) ||
		    same_bytes(s->label, path))
			return s->label;
	}
	seen_add(g, path, (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
		 (unsigned long long)st.st_size, 0, 0, year);
	return NULL;
}

static const char *seen_member(wf_ingest *g, const wf_zip_member *m)
{
	int year = name_year(g, m->base);

	for (size_t i = 0; i < g->nseen; i++) {
		const struct seen *s = &g->seen[i];
		if (s->member && s->size == m->size && s->crc == m->crc && s->year == year)
			return s->label;
	}
	seen_add(g, m->label, 0, 0, m->size, m->crc, 1, year);
	return NULL;
}

/* ---- zip archives ---- */

struct zctx {
	wf_ingest *g;
	int lists_used;
	char **skipped;
	size_t nskipped;
	size_t members, taken;
	int excel, xlsx;
};

static int z_want(void *ctx, const wf_zip_member *m)
{
	struct zctx *z = ctx;
	const char *first;

	if (z->g->stop)
		return 0;
	z->members++;
	if (strcmp(m->path, "[Content_Types].xml") == 0 || strncmp(m->path, "xl/", 3) == 0)
		z->excel = 1;
	if (wf_conto_wanted_name(m->base)) {
		if ((first = seen_member(z->g, m)) != NULL) {
			wf_warn("%s: same data as %s (given twice?); not read", m->label, first);
			z->g->failed = 1;
			z->taken++; /* a data file, if refused */
			return 0;
		}
		return 1;
	}
	if (z->lists_used && wf_conto_is_code_list(m->base))
		return 0; /* read already, as the archive's code lists */
	{
		size_t bl = strlen(m->base);
		if ((bl > 5 && strcasecmp(m->base + bl - 5, ".xlsx") == 0) ||
		    (bl > 4 && strcasecmp(m->base + bl - 4, ".xls") == 0))
			z->xlsx = 1;
	}
	z->skipped = wf_xrealloc(z->skipped, (z->nskipped + 1) * sizeof *z->skipped);
	/* Inside a nested archive the path alone would not say where. */
	z->skipped[z->nskipped++] = wf_xstrdup(m->depth ? m->label : m->path);
	return 0;
}

static int z_take(void *ctx, const wf_zip_member *m, wf_src *src)
{
	struct zctx *z = ctx;
	wf_reader *r;
	int ret;

	(void)m;
	z->taken++;
	if (!(r = wf_reader_new(src, &z->g->run.ropts))) {
		z->g->failed = 1;
		return 0; /* already reported */
	}
	ret = read_table(z->g, r);
	wf_reader_free(r);
	return ret;
}

int wf_ingest_path(wf_ingest *g, const char *path)
{
	wf_src *s = wf_src_open(path);
	unsigned char magic[4];
	wf_reader *r;
	int ret;

	if (!s) {
		g->failed = 1;
		return 0;
	}
	{
		const char *first = seen_file(g, path);
		if (first) {
			wf_warn("%s: same bytes as %s (given twice?); not read", path, first);
			g->failed = 1;
			wf_src_free(s);
			return 0;
		}
	}
	if (!wf_src_is_gzip(s) && wf_zip_magic(magic, wf_src_peek(s, magic, 4))) {
		size_t n;
		unsigned char *buf = wf_src_slurp_raw(s, &n);
		struct zctx z = { g, 0, NULL, 0, 0, 0, 0, 0 };
		if (!buf) {
			wf_warn("%s: %s", path, wf_src_error(s));
			g->failed = 1;
			wf_src_free(s);
			return 0;
		}
		/* An archive with its own code lists ({YYYY}Tutto.zip) names
		 * its institutions itself, unless --codes gave that year. */
		int ly, lr = wf_codes_load_embedded(g->codes, wf_src_name(s), buf, n, &ly);
		if (lr < 0)
			g->failed = 1;
		else if (lr == 0)
			wf_note("%s: using the code lists of %d it holds", wf_src_name(s), ly);
		else if (ly && g->run.verbose)
			fprintf(stderr, "%s: %s: its code lists of %d are not used: --codes gave them\n",
				wf_progname, wf_src_name(s), ly);
		z.lists_used = lr >= 0 && ly;
		/* When the lists' walk failed it has said why (an unreadable
		 * archive, a broken list): the run has failed, and a second
		 * walk would only print the same message again. */
		if (lr >= 0 && wf_zip_walk(wf_src_name(s), buf, n, z_want, z_take, &z) != 0 &&
		    !g->stop)
			g->failed = 1;
		else if (lr >= 0 && z.taken == 0 && !g->stop) {
			/* Nothing read is not a success: with -o it would
			 * replace last month's facts with a header. */
			g->failed = 1;
			if (z.excel) {
				wf_warn("%s: an Excel workbook: export it as CSV", wf_src_name(s));
				for (size_t i = 0; i < z.nskipped; i++)
					free(z.skipped[i]);
				z.nskipped = 0;
			} else if (z.members == 0)
				wf_warn("%s: an empty zip archive: no Conto Annuale data file", wf_src_name(s));
			else {
				fprintf(stderr, "%s: %s: no Conto Annuale data file (COSTO_LAVORO_, "
					"OCCUPAZIONE_, LAVORO_FLESSIBILE_) among %zu member%s:",
					wf_progname, wf_src_name(s), z.members, z.members == 1 ? "" : "s");
				for (size_t i = 0; i < z.nskipped; i++) {
					fprintf(stderr, "%s %s", i ? "," : "", z.skipped[i]);
					free(z.skipped[i]);
				}
				if (z.nskipped < z.members)
					fprintf(stderr, "%s its code lists", z.nskipped ? " and" : "");
				if (z.xlsx)
					fprintf(stderr, " (an Excel workbook must be exported as CSV)");
				fputc('\n', stderr);
				z.nskipped = 0;
			}
		}
		if (z.nskipped && !wf_quiet) { /* a wf_note() in parts */
			fprintf(stderr, "%s: %s: skipped %zu member%s it does not read:",
				wf_progname, wf_src_name(s), z.nskipped, z.nskipped == 1 ? "" : "s");
			for (size_t i = 0; i < z.nskipped; i++)
				fprintf(stderr, "%s %s", i ? "," : "", z.skipped[i]);
			fputc('\n', stderr);
		}
		for (size_t i = 0; i < z.nskipped; i++)
			free(z.skipped[i]);
		free(z.skipped);
		free(buf);
		wf_src_free(s);
		return g->stop ? -1 : 0;
	}
	if (!(r = wf_reader_new(s, &g->run.ropts))) {
		g->failed = 1;
		return 0;
	}
	ret = read_table(g, r);
	wf_reader_free(r);
	return ret;
}

static void list_unplaced(const wf_inst *in, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "%s: unplaced: %s%s%s%s%s\n", wf_progname, in->key,
		in->name[0] ? " " : "", in->name,
		in->evidence && in->evidence[0] ? ": " : "", in->evidence ? in->evidence : "");
}

/* -v -v: how every institution the data used was placed. */
static void list_placed(const wf_inst *in, int seen, void *ctx)
{
	(void)ctx;
	if (!seen)
		return;
	if (in->how == WF_PLACE_NONE) {
		list_unplaced(in, NULL);
		return;
	}
	fprintf(stderr, "%s: %s: %s%s%s: %s%s%s%s%s (%s)\n", wf_progname, wf_place_how_name(in->how),
		in->key, in->name[0] ? " " : "", in->name,
		in->comune[0] ? in->comune : "", in->comune[0] ? " " : "",
		in->province[0] ? in->province : "", in->province[0] ? " " : "",
		in->region[0] ? in->region : (in->how == WF_PLACE_NATIONAL ? "national" : ""),
		in->evidence ? in->evidence : "");
}

static const char *const report_columns[] = {
	"year", "institution", "institution_type", "institution_name", "comune", "comune_name",
	"province", "region", "method", "evidence", "in_data"
};
#define REPORT_NCOLS (sizeof report_columns / sizeof report_columns[0])

struct report_ctx {
	wf_tw *tw;
	wf_places *places;
	char year[8];
	int failed;
};

static void report_row(const wf_inst *in, int seen, void *ctx)
{
	struct report_ctx *rc = ctx;
	const char *cname = "";
	int ci = in->comune[0] ? wf_places_by_code(rc->places, in->comune) : -1;

	if (ci >= 0)
		cname = wf_places_comune(rc->places, ci)->name;
	const char *v[REPORT_NCOLS] = {
		rc->year, in->key, in->type, in->name, in->comune, cname, in->province, in->region,
		wf_place_how_name(in->how), in->evidence ? in->evidence : "", seen ? "1" : "0"
	};
	size_t l[REPORT_NCOLS];
	for (size_t i = 0; i < REPORT_NCOLS; i++)
		l[i] = strlen(v[i]);
	if (wf_tw_row(rc->tw, v, l) < 0)
		rc->failed = 1;
}

int wf_ingest_placement_report(wf_ingest *g, wf_out *out, enum wf_format fmt)
{
	static const enum wf_colkind kinds[REPORT_NCOLS] = {
		WF_COL_NUM, WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_STR,
		WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_NUM
	};
	struct report_ctx rc = { NULL, wf_codes_places(g->codes), "", 0 };

	rc.tw = wf_tw_new(out, fmt, REPORT_NCOLS, report_columns, kinds);
	for (size_t l = 0; l < wf_codes_nlists(g->codes); l++) {
		int y = wf_codes_list_year(g->codes, l);
		if (y)
			snprintf(rc.year, sizeof rc.year, "%d", y);
		else
			rc.year[0] = '\0';
		wf_codes_each_inst(g->codes, l, report_row, &rc);
	}
	wf_tw_free(rc.tw);
	return rc.failed ? -1 : 0;
}

unsigned long long wf_ingest_rejected(const wf_ingest *g)
{
	return g->total.rejected;
}

int wf_ingest_complete(const wf_ingest *g)
{
	return !g->stop && !g->failed;
}

int wf_ingest_finish(wf_ingest *g)
{
	if (g->stop)
		return WF_EXIT_DATA;
	if (g->files > 1)
		wf_note("total: %llu rows read, %llu rejected, "
			"%llu records written, %llu blank lines skipped", g->total.read, g->total.rejected, g->total.written, g->total.blank);
	for (size_t l = 0; wf_codes_have_lists(g->codes) && l < wf_codes_nlists(g->codes); l++) {
		unsigned long n[WF_PLACE_NKINDS], all = 0, unplaced_total = 0;
		char which[32] = "";
		wf_codes_place_stats(g->codes, l, n);
		for (int i = 0; i < WF_PLACE_NKINDS; i++)
			all += n[i];
		unplaced_total += n[WF_PLACE_NONE];
		if (wf_codes_nlists(g->codes) > 1)
			snprintf(which, sizeof which, "code lists of %d: ", wf_codes_list_year(g->codes, l));
		wf_note("%s%lu institutions placed: %lu by code list, %lu by name, "
			"%lu by former name, %lu by seat, %lu by tax code, %lu by override; "
			"%lu national, %lu unplaced%s", which, all,
			n[WF_PLACE_CODELIST], n[WF_PLACE_NAME], n[WF_PLACE_FORMER], n[WF_PLACE_SEAT],
			n[WF_PLACE_TAXCODE], n[WF_PLACE_OVERRIDE], n[WF_PLACE_NATIONAL],
			n[WF_PLACE_NONE], g->run.verbose || !unplaced_total ? "" : " (-v lists them)");
	}
	if (g->run.verbose >= 2 && wf_codes_have_lists(g->codes)) {
		for (size_t l = 0; l < wf_codes_nlists(g->codes); l++)
			wf_codes_each_inst(g->codes, l, list_placed, NULL);
	} else if (g->run.verbose && wf_codes_have_lists(g->codes)) {
		wf_codes_each_unplaced(g->codes, list_unplaced, NULL);
	}
	if (g->stop || g->failed || g->total.rejected)
		return WF_EXIT_DATA;
	return WF_EXIT_OK;
}

int wf_ingest_synthetic(const char *path)
{
	char comment[256], head[4096];
	size_t n, hl = 0;
	struct stat st;
	FILE *f;

	if (strcmp(path, "-") == 0)
		return 0; /* standard input cannot be read twice */
	if (wf_zip_file_comment(path, comment, sizeof comment) >= 0)
		return strstr(comment, "SYNTHETIC") != NULL;
	/* A canonical stream (plain CSV or NDJSON) that carries the mark:
	 * its first record says so. Read quietly: wf_ingest_path reports
	 * whatever is wrong with the file. */
	/* Only regular files: a FIFO or a device read here would lose the
	 * bytes read. */
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || !(f = fopen(path, "rb")))
		return 0;
	n = fread(head, 1, sizeof head - 1, f);
	fclose(f);
	head[n] = '\0';
	if (n >= 4 && memcmp(head, "PK\3\4", 4) == 0)
		return 0; /* a zip without its end: wf_ingest_path says so */
	char want[256];
	for (size_t i = 0; i < WF_FACT_NCOLS + 1; i++)
		hl += (size_t)snprintf(want + hl, sizeof want - hl, "%s%c", wf_fact_columns[i],
				       i < WF_FACT_NCOLS ? ',' : '\n');
	if (head[0] == '{') {
		char *nl = strchr(head, '\n');
		if (nl)
			*nl = '\0';
		return strstr(head, "\"provenance\"") && strstr(head, "SYNTHETIC");
	}
	if (n > hl && strncmp(head, want, hl) == 0) {
		char *nl = strchr(head + hl, '\n');
		if (nl)
			*nl = '\0';
		return strstr(head + hl, "SYNTHETIC") != NULL;
	}
	return 0;
}
