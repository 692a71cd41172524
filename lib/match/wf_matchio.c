/*
 * wf_matchio.c - the wf-match run (see wf_matchio.h).
 */
#include "wf_matchio.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wf_arena.h"
#include "wf_aux.h"
#include "wf_err.h"
#include "wf_rejects.h"
#include "wf_text.h"
#include "wf_geo.h"
#include "wf_map.h"
#include "wf_places.h"
#include "wf_table.h"
#include "wf_taxonomy.h"

/* comune is the ISTAT code (istat, its former name, is still read);
 * comune_name the name. */
enum { F_ID, F_NAME, F_LAT, F_LON, F_ISTAT, F_CAP, F_COMUNE, F_PROVINCE, F_CAT,
       F_QTY, F_MONEY, F_KM, F_COMUNE_NAME, NFIELD };

/* Not a mappable field: a generator's mark ("data=SYNTHETIC") carried
 * to the output so every report drawn from it says so. */
static const char provenance_col[] = "provenance";

static const char *const dem_fields[NFIELD] = { "id", "name", "lat", "lon", "istat", "cap",
	"comune", "province", "category", "quantity", "budget", "max_km", "comune_name" };
static const char *const sup_fields[NFIELD] = { "id", "name", "lat", "lon", "istat", "cap",
	"comune", "province", "categories", "capacity", "unit_price", "radius_km", "comune_name" };

/* Apply "field=column,..." to names (copied column names owned by the
 * caller through *store). Returns NULL or a message. */
static const char *apply_map(const char *spec, int supply, const char **names,
			     char **store, char *buf, size_t bufsz)
{
	const char *const *fields = supply ? sup_fields : dem_fields;
	const char *p = spec;

	while (p && *p) {
		const char *end = strchr(p, ','), *eq;
		size_t len = end ? (size_t)(end - p) : strlen(p);
		int k;

		eq = memchr(p, '=', len);
		if (!eq || eq == p || eq == p + len - 1) {
			snprintf(buf, bufsz, "invalid column map '%.*s' in --map-%s (expected FIELD=COLUMN)",
				 (int)len, p, supply ? "supply" : "demand");
			return buf;
		}
		for (k = 0; k < NFIELD; k++)
			if (strlen(fields[k]) == (size_t)(eq - p) && memcmp(fields[k], p, (size_t)(eq - p)) == 0)
				break;
		if (k == NFIELD) {
			snprintf(buf, bufsz, "unknown %s field '%.*s' in --map-%s (fields: %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
				 supply ? "supply" : "demand", (int)(eq - p), p, supply ? "supply" : "demand",
				 fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6],
				 fields[12], fields[7], fields[8], fields[9], fields[10], fields[11]);
			return buf;
		}
		if (store) {
			free(store[k]);
			store[k] = wf_xstrndup(eq + 1, (unsigned long)(len - (size_t)(eq - p) - 1));
			names[k] = store[k];
		}
		p = end ? end + 1 : NULL;
	}
	return NULL;
}

const char *wf_matchrun_check_map(const char *spec, int supply, char *buf,
				  size_t bufsz)
{
	return apply_map(spec, supply, NULL, NULL, buf, bufsz);
}

/* One input table with its field -> column indexes. */
typedef struct table {
	wf_reader *r;
	const char *path;
	int col[NFIELD];
	int prov;  /* the provenance column, or -1 */
	const char *colname[NFIELD];
	char *store[NFIELD];
} table;

static void table_close(table *t)
{
	wf_reader_free(t->r);
	for (int k = 0; k < NFIELD; k++)
		free(t->store[k]);
}

static int table_open(table *t, const wf_matchrun *run, const char *path, int supply)
{
	const char *const *fields = supply ? sup_fields : dem_fields;
	const char *map = supply ? run->map_supply : run->map_demand;
	char buf[512];

	memset(t, 0, sizeof *t);
	t->path = path;
	for (int k = 0; k < NFIELD; k++)
		t->colname[k] = fields[k];
	if (map && apply_map(map, supply, t->colname, t->store, buf, sizeof buf))
		return wf_warn("%s", buf); /* checked at option time; kept for library callers */
	t->r = wf_reader_open(path, &run->io.ropts);
	if (!t->r)
		return -1;
	const wf_row *h = wf_reader_header(t->r);
	for (int k = 0; k < NFIELD; k++) {
		t->col[k] = wf_names_col(h->f, h->n, t->colname[k]);
		if (t->col[k] == WF_COL_TWICE)
			return wf_warn_at(wf_reader_name(t->r), h->line,
					  "column '%s' appears twice", t->colname[k]);
	}
	t->prov = wf_reader_col(t->r, provenance_col);
	const int required[] = { F_ID, F_CAT, F_QTY };
	/* One category for the whole file stands in for the column. */
	const char *fixed_cat = supply ? run->supply_category : run->demand_category;
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
		int k = required[i];
		if (k == F_CAT && fixed_cat)
			continue;
		if (t->col[k] < 0 && k == F_CAT)
			return wf_warn("%s: missing column '%s' (map it with --map-%s %s=COLUMN, or give one "
				       "category for every row with --%s-category CODE)",
				       wf_reader_name(t->r), t->colname[k], supply ? "supply" : "demand",
				       fields[k], supply ? "supply" : "demand");
		if (t->col[k] < 0)
			return wf_warn("%s: missing column '%s' (map it with --map-%s %s=COLUMN)",
				       wf_reader_name(t->r), t->colname[k], supply ? "supply" : "demand",
				       fields[k]);
	}
	if (!((t->col[F_LAT] >= 0 && t->col[F_LON] >= 0) || t->col[F_ISTAT] >= 0 ||
	      t->col[F_CAP] >= 0 || t->col[F_COMUNE] >= 0 || t->col[F_COMUNE_NAME] >= 0))
		return wf_warn("%s: no location column (lat and lon, comune, cap or comune_name)",
			       wf_reader_name(t->r));
	return 0;
}

static const char *val(const wf_row *row, const table *t, int k)
{
	int c = t->col[k];

	if (c < 0 || (size_t)c >= row->n || row->null[c])
		return NULL;
	return row->f[c];
}

/* The row's provenance marks generated data. */
static int is_synthetic(const wf_row *row, const table *t)
{
	if (t->prov < 0 || (size_t)t->prov >= row->n || row->null[t->prov])
		return 0;
	return strstr(row->f[t->prov], "SYNTHETIC") != NULL;
}

/* The need's ISTAT comune code when the row gives one (istat, or a
 * code in comune): six digits, zero-padded; "" otherwise. */
static void comune_code(const wf_row *row, const table *t, char out[7])
{
	const int ks[] = { F_ISTAT, F_COMUNE };

	out[0] = '\0';
	for (size_t i = 0; i < 2; i++) {
		const char *v = val(row, t, ks[i]);
		char b[16];
		size_t n;

		if (wf_is_blank(v))
			continue;
		n = wf_trim_copy(v, b, sizeof b);
		if (n == 0 || n > 6 || strspn(b, "0123456789") != n)
			continue;
		memset(out, '0', 6 - n);
		memcpy(out + 6 - n, b, n + 1);
		return;
	}
}

static int parse_count(const char *s, long long lo, long long *out)
{
	char t[64], *end;
	long long v;

	if (wf_is_blank(s))
		return -1;
	wf_trim_copy(s, t, sizeof t);
	if (!isdigit((unsigned char)t[0]) && t[0] != '-' && t[0] != '+')
		return -1;
	errno = 0;
	v = strtoll(t, &end, 10);
	if (errno || *end || v < lo || v > 1000000000LL)
		return -1;
	*out = v;
	return 0;
}

/* Kilometres are doubles: with --decimal comma (or auto and a ','),
 * the one decimal comma becomes the point strtod reads. */
static int parse_km(const char *s, enum wf_decmode mode, double *out)
{
	char t[64], *end, *comma;

	wf_trim_copy(s, t, sizeof t);
	if (mode != WF_DEC_POINT && (comma = strchr(t, ',')) && !strchr(t, '.') &&
	    !strchr(comma + 1, ','))
		*comma = '.';
	if (!wf_is_plain_decimal(t))
		return -1;
	errno = 0;
	*out = strtod(t, &end);
	if (errno || end == t || *end || !(*out > 0) || !isfinite(*out))
		return -1;
	return 0;
}

static int parse_money(const char *s, enum wf_decmode mode, wf_dec *d)
{
	int rc = wf_dec_parse(s, strlen(s), mode, d);

	return rc == WF_DEC_OK && wf_dec_sign(*d) >= 0 &&
	       wf_dec_mant(*d) <= 1000000000000000000LL ? 0 : -1;
}

/* Ids seen so far (wf_map, the line as value), to reject a repeated
 * id: the output and --unmet would be ambiguous. Returns the earlier
 * line of id, or 0 after adding it. */
static long id_seen(wf_map *ids, const char *id, long line)
{
	intptr_t *first = wf_map_islot(ids, id, strlen(id), 0);

	if (*first)
		return (long)*first;
	*first = line;
	return 0;
}

/* Run state shared by the two passes. */
typedef struct state {
	const wf_matchrun *run;
	wf_taxonomy *tax;
	wf_places *places;
	wf_matcher *m;
	wf_rejects *rej;
	unsigned long rejected[2];
	wf_map *sids, *dids; /* ids seen: id_seen() */
	char **sname;       /* per supply index, for the output */
	size_t nsname, capsname;
	int synthetic;      /* some supply row is marked SYNTHETIC */
	int has_prov;       /* the supply has a provenance column */
	int stop;  /* a reject without --rejects, or an I/O failure */
} state;

static void reject(state *st, const char *file, const wf_row *row, int which,
		   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void reject(state *st, const char *file, const wf_row *row, int which,
		   const char *fmt, ...)
{
	char reason[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	st->rejected[which]++;
	/* no rejects file, or a failed one (its close says so): no point
	 * in matching on */
	if (wf_rejects_add(st->rej, file, row->line, reason, row->raw, row->rawlen) !=
	    WF_REJECTS_KEPT)
		st->stop = 1;
}

/* A value of the comune column that is clearly a name, not a code:
 * it has a letter and is no cadastral code (a letter, three digits). */
static int looks_like_name(const char *v)
{
	char t[16];
	size_t n = 0;
	int letters = 0;

	for (const char *p = v; *p; p++)
		letters += isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80;
	if (!letters)
		return 0;
	n = wf_trim_copy(v, t, sizeof t);
	return !(n == 4 && isalpha((unsigned char)t[0]) && isdigit((unsigned char)t[1]) &&
		 isdigit((unsigned char)t[2]) && isdigit((unsigned char)t[3]));
}

static int locate(state *st, const table *t, const wf_row *row, const char *file,
		  double *lat, double *lon, char comune[7], char *why, size_t whysz)
{
	const char *code = val(row, t, F_COMUNE), *name = val(row, t, F_COMUNE_NAME);
	char how[600];
	int ret;

	if (wf_is_blank(code))
		code = val(row, t, F_ISTAT);
	if (!wf_is_blank(code) && looks_like_name(code)) {
		/* A name where the ISTAT code belongs: read as the name. */
		if (st->run->io.verbose)
			wf_warn_at(file, row->line, "comune '%s' is not a code: read as comune_name",
				   code);
		if (wf_is_blank(name))
			name = code;
		code = NULL;
	}
	wf_placeq q = { val(row, t, F_LAT), val(row, t, F_LON), code, val(row, t, F_CAP), name,
			val(row, t, F_PROVINCE), comune };
	ret = wf_places_resolve(st->places, &q, lat, lon, how, sizeof how, why, whysz);
	if (ret == 0 && how[0] && st->run->io.verbose)
		wf_warn_at(file, row->line, "%s", how);
	return ret;
}

static int unknown_cat(state *st, const char *file, const wf_row *row, int which,
		       const char *code, size_t len)
{
	reject(st, file, row, which, "unknown category '%.*s' (valid: %s)", (int)len, code,
	       wf_taxonomy_codes(st->tax));
	return -1;
}

static int load_places(state *st)
{
	for (size_t i = 0; i < st->run->nplaces; i++)
		if (wf_places_load(st->places, st->run->places[i], &st->run->io) < 0)
			return -1;
	return 0;
}

static int load_supply(state *st)
{
	table t;
	wf_row row;
	int rc, ret = 0;

	if (table_open(&t, st->run, st->run->supply, 1) < 0) {
		table_close(&t);
		return -1;
	}
	const char *file = wf_reader_name(t.r);
	st->has_prov = t.prov >= 0;
	while (!st->stop && (rc = wf_reader_next(t.r, &row)) != WF_ROW_EOF) {
		wf_supply s = { 0 };
		const char *v;
		char why[512];

		if (rc == WF_ROW_FATAL) {
			wf_warn("%s: %s", file, wf_reader_reason(t.r));
			ret = -1;
			break;
		}
		if (rc == WF_ROW_BAD) {
			reject(st, file, &row, 1, "%s", wf_reader_reason(t.r));
			continue;
		}
		s.id = val(&row, &t, F_ID);
		if (wf_is_blank(s.id)) {
			reject(st, file, &row, 1, "missing id");
			continue;
		}
		v = val(&row, &t, F_CAT);
		if (wf_is_blank(v))
			v = st->run->supply_category;
		if (wf_is_blank(v)) {
			reject(st, file, &row, 1, "no category");
			continue;
		}
		int bad = 0;
		for (const char *p = v; *p && !bad;) {
			size_t n;
			int c;

			p += strspn(p, "|;, \t");
			n = strcspn(p, "|;, \t");
			if (!n)
				break;
			c = wf_taxonomy_find(st->tax, p, n);
			if (c < 0)
				bad = unknown_cat(st, file, &row, 1, p, n);
			else
				s.cats |= (uint64_t)1 << c;
			p += n;
		}
		if (bad)
			continue;
		if (!s.cats) {
			/* "|" or ", ": separators and no category */
			reject(st, file, &row, 1, "no category");
			continue;
		}
		v = val(&row, &t, F_QTY);
		if (parse_count(v, 0, &s.capacity) < 0) {
			reject(st, file, &row, 1, "capacity '%s' is not a whole number from 0 to 1000000000", v ? v : "");
			continue;
		}
		v = val(&row, &t, F_MONEY);
		if (!wf_is_blank(v)) {
			if (parse_money(v, st->run->io.decimal, &s.unit_price) < 0) {
				reject(st, file, &row, 1, "unit_price '%s' is not an amount in EUR (1234.56 or 1.234,56, not negative)", v);
				continue;
			}
			s.has_price = 1;
		}
		v = val(&row, &t, F_KM);
		if (!wf_is_blank(v) && parse_km(v, st->run->io.decimal, &s.radius_km) < 0) {
			reject(st, file, &row, 1, "radius_km '%s' is not a positive number", v);
			continue;
		}
		if (locate(st, &t, &row, file, &s.lat, &s.lon, NULL, why, sizeof why) < 0) {
			reject(st, file, &row, 1, "%s", why);
			continue;
		}
		long first = id_seen(st->sids, s.id, row.line);
		if (first) {
			reject(st, file, &row, 1, "duplicate id '%s' (first on line %ld)", s.id, first);
			continue;
		}
		if (is_synthetic(&row, &t))
			st->synthetic = 1;
		wf_matcher_add_supply(st->m, &s);
		if (st->nsname == st->capsname) {
			st->capsname = st->capsname ? st->capsname * 2 : 256;
			st->sname = wf_xrealloc(st->sname, st->capsname * sizeof *st->sname);
		}
		v = val(&row, &t, F_NAME);
		st->sname[st->nsname++] = v ? wf_xstrdup(v) : NULL;
	}
	if (!st->stop)
		wf_run_dialect(&st->run->io, t.r, NULL);
	table_close(&t);
	return ret;
}

/* ---- output ---- */

/* category is the offer's category that fits (the need's on an unmet
 * row); demand_category is what the need asked for, so coverage is
 * counted by the need, not by whatever served it. provenance is written
 * only when an input carries one. */
static const char *const out_cols[] = { "demand_id", "supply_id", "category", "distance_km",
	"score", "fit", "proximity", "capacity", "price", "assigned", "unmet", "status", "reason",
	"supply_name", "demand_lat", "demand_lon", "supply_lat", "supply_lon", "demand_category",
	"demand_name", "demand_comune", "provenance" };
static const enum wf_colkind out_kinds[] = { WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_NUM,
	WF_COL_NUM, WF_COL_NUM, WF_COL_NUM, WF_COL_NUM, WF_COL_NUM, WF_COL_NUM, WF_COL_NUM,
	WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_NUM, WF_COL_NUM, WF_COL_NUM, WF_COL_NUM,
	WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_STR };
enum { O_DCAT = 18, O_DNAME, O_DCOMUNE, O_PROV, NOUT };

static const char *const unmet_cols[] = { "demand_id", "name", "category", "quantity", "unmet", "reason" };
static const enum wf_colkind unmet_kinds[] = { WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_NUM,
	WF_COL_NUM, WF_COL_STR };

/* What the output says about one need. */
typedef struct needinfo {
	const char *id, *name;
	char comune[7];      /* "" when the row gives no code */
	int cat, synthetic;
	double lat, lon;
} needinfo;

typedef struct summary {
	unsigned long needs, needs_met, needs_unmet;
	long long units, covered;
	long long unmet_units[WF_TAX_MAX][5]; /* by category and reason */
	unsigned long unmet_needs[WF_TAX_MAX][5];
	long long asked[WF_TAX_MAX];           /* units by the need's category */
	long long served[WF_TAX_MAX][WF_TAX_MAX]; /* need category x offer category */
	double fit[WF_TAX_MAX][WF_TAX_MAX];
	unsigned long rows;                    /* match rows written */
} summary;

/* Writer state: the table, the columns it has, the run's mark. */
typedef struct outw {
	wf_tw *w;
	int synthetic;  /* the supply is marked; the need may be too */
} outw;

static void need_cols(const char **v, const needinfo *n, const wf_taxonomy *tax, int synthetic)
{
	v[O_DCAT] = wf_taxonomy_code(tax, n->cat);
	v[O_DNAME] = n->name;
	v[O_DCOMUNE] = n->comune[0] ? n->comune : NULL;
	v[O_PROV] = synthetic || n->synthetic ? "data=SYNTHETIC" : NULL;
}

static int write_match(outw *o, summary *s, const needinfo *n, const wf_matcher *m,
		       const wf_taxonomy *tax, const wf_match *x, int assign, const char *sname)
{
	char b[11][32];
	const char *v[NOUT];
	double slat, slon;

	snprintf(b[0], 32, "%.3f", x->km);
	snprintf(b[1], 32, "%.4f", x->score);
	snprintf(b[2], 32, "%.4f", x->fit);
	snprintf(b[3], 32, "%.4f", x->proximity);
	snprintf(b[4], 32, "%.4f", x->capacity);
	snprintf(b[5], 32, "%.4f", x->price);
	snprintf(b[6], 32, "%lld", x->assigned);
	v[0] = n->id;
	v[1] = wf_matcher_supply_id(m, x->supply);
	v[2] = wf_taxonomy_code(tax, x->cat);
	for (int i = 0; i < 6; i++)
		v[3 + i] = b[i];
	v[9] = assign ? b[6] : NULL;
	v[10] = NULL;
	v[11] = assign ? "assigned" : "candidate";
	v[12] = NULL;
	wf_matcher_supply_point(m, x->supply, &slat, &slon);
	snprintf(b[7], 32, "%.6f", n->lat);
	snprintf(b[8], 32, "%.6f", n->lon);
	snprintf(b[9], 32, "%.6f", slat);
	snprintf(b[10], 32, "%.6f", slon);
	v[13] = sname;
	v[14] = b[7];
	v[15] = b[8];
	v[16] = b[9];
	v[17] = b[10];
	need_cols(v, n, tax, o->synthetic);
	if (assign && n->cat >= 0 && n->cat < WF_TAX_MAX && x->cat >= 0 && x->cat < WF_TAX_MAX) {
		s->served[n->cat][x->cat] += x->assigned;
		s->fit[n->cat][x->cat] = x->fit;
	}
	s->rows++;
	return wf_tw_row(o->w, v, NULL);
}

static int write_unmet(outw *o, summary *s, wf_tw *uw, const needinfo *n, const wf_taxonomy *tax,
		       long long qty, long long unmet, int why)
{
	char u[32], q[32], la[32], lo[32];
	const char *v[NOUT] = { 0 };
	const char *cat = wf_taxonomy_code(tax, n->cat);

	snprintf(u, sizeof u, "%lld", unmet);
	snprintf(q, sizeof q, "%lld", qty);
	v[0] = n->id;
	v[2] = cat;
	v[10] = u;
	v[11] = "unmet";
	v[12] = wf_unmet_reason(why);
	snprintf(la, sizeof la, "%.6f", n->lat);
	snprintf(lo, sizeof lo, "%.6f", n->lon);
	v[14] = la;
	v[15] = lo;
	need_cols(v, n, tax, o->synthetic);
	s->rows++;
	if (wf_tw_row(o->w, v, NULL) < 0)
		return -1;
	if (uw) {
		const char *uv[6] = { n->id, n->name, cat, q, u, wf_unmet_reason(why) };
		return wf_tw_row(uw, uv, NULL);
	}
	return 0;
}

static void note_unmet(summary *s, int cat, int why, long long units)
{
	if (cat < 0 || cat >= WF_TAX_MAX || why < 0 || why > 4)
		return;
	s->unmet_units[cat][why] += units;
	s->unmet_needs[cat][why]++;
}

static double pct(long long a, long long b)
{
	return b ? 100.0 * (double)a / (double)b : 0.0;
}

/* Coverage by what the needs asked for, and which offers served them
 * at what fit: a CHILDCARE need served by CAMPS is counted under
 * CHILDCARE with fit 0.40, never as CAMPS demand met. */
static void print_coverage(const state *st, const summary *s)
{
	for (int c = 0; c < (int)wf_taxonomy_count(st->tax) && c < WF_TAX_MAX; c++) {
		long long covered = 0;
		char detail[1024] = "";
		size_t dl = 0;

		if (!s->asked[c])
			continue;
		for (int o = 0; o < (int)wf_taxonomy_count(st->tax) && o < WF_TAX_MAX; o++) {
			if (!s->served[c][o])
				continue;
			covered += s->served[c][o];
			if (dl < sizeof detail)
				dl += (size_t)snprintf(detail + dl, sizeof detail - dl, "%s %s %lld (fit %.2f)",
						       dl ? "," : ":", wf_taxonomy_code(st->tax, o),
						       s->served[c][o], s->fit[c][o]);
		}
		wf_note("covered %s: %lld of %lld unit%s (%.1f%%)%s", wf_taxonomy_code(st->tax, c), covered,
			s->asked[c], s->asked[c] == 1 ? "" : "s", pct(covered, s->asked[c]), detail);
	}
}

static void print_summary(const state *st, const summary *s, int assign)
{
	const wf_matcher *m = st->m;
	long long cap = 0, used = 0;
	size_t ns = wf_matcher_nsupply(m);
	int any = 0;

	for (size_t j = 0; j < ns; j++) {
		cap += wf_matcher_supply_capacity(m, j);
		used += wf_matcher_used(m, j);
	}
	if (assign) {
		wf_note("demand: %lu needs, %lld units; covered %lld units (%.1f%%); %lu of %lu needs fully covered",
			s->needs, s->units, s->covered, pct(s->covered, s->units), s->needs_met, s->needs);
		wf_note("supply: %zu offers, capacity %lld units; used %lld (%.1f%%)", ns, cap, used,
			pct(used, cap));
		print_coverage(st, s);
	} else {
		wf_note("demand: %lu needs, %lld units; %lu with offers in range, %lu without",
			s->needs, s->units, s->needs_met, s->needs_unmet);
		wf_note("supply: %zu offers, capacity %lld units (--top does not use capacity up)", ns, cap);
	}
	for (int c = 0; c < (int)wf_taxonomy_count(st->tax); c++) {
		long long tot = 0;
		unsigned long needs = 0;
		char detail[512] = "";
		size_t dl = 0;

		for (int w = 1; w <= 4; w++) {
			tot += s->unmet_units[c][w];
			needs += s->unmet_needs[c][w];
		}
		if (!needs)
			continue;
		for (int w = 1; w <= 4; w++)
			if (s->unmet_needs[c][w])
				dl += (size_t)snprintf(detail + dl, sizeof detail - dl, "%s%s %lld",
						       dl ? ", " : "", wf_unmet_reason(w),
						       s->unmet_units[c][w]);
		wf_note("unmet %s: %lld unit%s in %lu need%s (%s)", wf_taxonomy_code(st->tax, c), tot,
			tot == 1 ? "" : "s", needs, needs == 1 ? "" : "s", detail);
		any = 1;
	}
	if (!any)
		wf_note("unmet: none");
}

/* --top with threads: needs are scored in batches, side by side, each
 * thread with its own scratch over the read-only matcher, and written
 * in input order: the output is byte for byte the one of one thread. */
#define TOP_BATCH 2048
#define TOP_MAX_THREADS 64

typedef struct topneed {
	wf_demand d;
	needinfo n;
	size_t k;
	int why;
} topneed;

typedef struct topbatch {
	const wf_matcher *m;
	topneed *need;
	wf_match *res;      /* TOP_BATCH x top */
	size_t n, top;
	int nthreads;
	wf_match_scratch *sc[TOP_MAX_THREADS];
	wf_arena text;      /* the batch's ids and names */
} topbatch;

struct topworker {
	topbatch *b;
	int t;
};

static void *top_work(void *arg)
{
	struct topworker *w = arg;
	topbatch *b = w->b;

	for (size_t i = (size_t)w->t; i < b->n; i += (size_t)b->nthreads)
		b->need[i].k = wf_matcher_top_r(b->m, b->sc[w->t], &b->need[i].d,
						b->res + i * b->top, &b->need[i].why);
	return NULL;
}

static void top_score(topbatch *b)
{
	pthread_t th[TOP_MAX_THREADS];
	struct topworker w[TOP_MAX_THREADS];
	unsigned char started[TOP_MAX_THREADS] = { 0 };

	for (int t = 0; t < b->nthreads; t++)
		w[t] = (struct topworker){ b, t };
	for (int t = 1; t < b->nthreads; t++)
		started[t] = pthread_create(&th[t], NULL, top_work, &w[t]) == 0;
	top_work(&w[0]);
	/* A thread that could not start leaves its share to this one. */
	for (int t = 1; t < b->nthreads; t++) {
		if (started[t])
			pthread_join(th[t], NULL);
		else
			top_work(&w[t]);
	}
}

static char *batch_dup(topbatch *b, const char *s)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s);
	p = wf_arena_alloc(&b->text, n + 1);
	memcpy(p, s, n + 1);
	return p;
}

static int online_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > TOP_MAX_THREADS ? TOP_MAX_THREADS : (int)n;
}

size_t wf_matchrun_default_memory(void)
{
	long pages = sysconf(_SC_PHYS_PAGES), psz = sysconf(_SC_PAGESIZE);

	if (pages <= 0 || psz <= 0)
		return (size_t)1 << 30;
	return (size_t)pages / 2 * (size_t)psz;
}

/* Per need kept for the assignment, which prints after the solve. */
typedef struct needkeep {
	char *name;
	char comune[7];
	int synthetic;
	double lat, lon;
} needkeep;

int wf_matchrun_exec(const wf_matchrun *run, int *complete)
{
	state st;
	table t;
	int t_open = 0, rc, status = WF_EXIT_DATA, commit = 0;
	char err[512];
	wf_out *out = NULL;
	outw ow = { 0 };
	wf_tw *uw = NULL;
	summary *sum = wf_xcalloc(1, sizeof *sum);
	needkeep *keep = NULL;
	size_t nneed = 0, capneed = 0;

	memset(&st, 0, sizeof st);
	st.run = run;
	st.sids = wf_map_new();
	st.dids = wf_map_new();
	st.tax = wf_taxonomy_open(run->taxonomy, &run->io.ropts, err, sizeof err);
	if (!st.tax) {
		if (*err) /* else the reader has said why */
			wf_warn("%s", err);
		goto out;
	}
	{
		const char *fixed[2] = { run->demand_category, run->supply_category };
		for (int k = 0; k < 2; k++)
			if (fixed[k] && wf_taxonomy_find(st.tax, fixed[k], strlen(fixed[k])) < 0) {
				wf_warn("unknown category '%s' in --%s-category (valid: %s)", fixed[k],
					k ? "supply" : "demand", wf_taxonomy_codes(st.tax));
				fprintf(stderr, "Try '%s --help' for more information.\n", wf_progname);
				status = WF_EXIT_USAGE;
				goto out;
			}
	}
	st.places = wf_places_new();
	if (load_places(&st) < 0)
		goto out;
	st.rej = wf_rejects_new(run->rejects);
	wf_rejects_set_excel_safe(st.rej, run->io.excel_safe);
	st.m = wf_matcher_new(st.tax, &run->opts);
	if (load_supply(&st) < 0 || st.stop)
		goto out;
	wf_matcher_build(st.m);

	if (table_open(&t, run, run->demand, 0) < 0) {
		t_open = 1;
		goto out;
	}
	t_open = 1;
	out = run->out;
	ow.synthetic = st.synthetic;
	/* provenance only when an input has it: real data keeps its shape. */
	ow.w = wf_tw_new(out, run->out_format, st.has_prov || t.prov >= 0 ? NOUT : NOUT - 1,
			 out_cols, out_kinds);
	wf_tw_set_excel_safe(ow.w, run->io.excel_safe);
	if (run->unmet_out) {
		uw = wf_tw_new(run->unmet_out, run->out_format, 6, unmet_cols, unmet_kinds);
		wf_tw_set_excel_safe(uw, run->io.excel_safe);
	}

	const char *file = wf_reader_name(t.r);
	wf_match *top = wf_xcalloc((size_t)run->opts.top, sizeof *top);
	wf_row row;
	int fatal = 0;
	unsigned long long nread = 0;
	topbatch tb = { 0 };

	tb.nthreads = run->io.threads > 0 ? (run->io.threads < TOP_MAX_THREADS ? run->io.threads
									       : TOP_MAX_THREADS)
					  : online_cpus();
	if (run->assign)
		tb.nthreads = 1;
	if (tb.nthreads > 1) {
		tb.m = st.m;
		tb.top = (size_t)run->opts.top;
		tb.need = wf_xcalloc(TOP_BATCH, sizeof *tb.need);
		tb.res = wf_xcalloc(TOP_BATCH * tb.top, sizeof *tb.res);
		for (int i = 0; i < tb.nthreads; i++)
			tb.sc[i] = wf_match_scratch_new(st.m);
	}
	for (;;) {
		int eof = st.stop || (rc = wf_reader_next(t.r, &row)) == WF_ROW_EOF;

		/* Batch full or input done: score it, then write it in order.
		 * A stop at a bad row still writes the needs read before it,
		 * as one thread does. */
		if (tb.n && (eof || tb.n == TOP_BATCH || rc == WF_ROW_FATAL)) {
			int werr = 0;

			top_score(&tb);
			for (size_t i = 0; i < tb.n && !werr; i++) {
				topneed *q = &tb.need[i];
				wf_match *r = tb.res + i * tb.top;

				for (size_t j = 0; j < q->k; j++)
					if (write_match(&ow, sum, &q->n, st.m, st.tax, &r[j], 0, st.sname[r[j].supply]) < 0)
						werr = 1;
				if (q->k) {
					sum->needs_met++;
				} else {
					sum->needs_unmet++;
					note_unmet(sum, q->d.cat, q->why, q->d.qty);
					if (write_unmet(&ow, sum, uw, &q->n, st.tax, q->d.qty, q->d.qty, q->why) < 0)
						werr = 1;
				}
			}
			if (werr)
				st.stop = 1;
			tb.n = 0;
			wf_arena_free(&tb.text);
		}
		if (eof || st.stop)
			break;
		wf_demand d = { 0 };
		needinfo n = { 0 };
		const char *v;
		char why[512];

		if ((++nread & 0xfff) == 0)
			wf_run_progress(&run->io, file, wf_src_raw_pos(wf_reader_src(t.r)),
					wf_src_raw_size(wf_reader_src(t.r)), nread, 0);

		if (rc == WF_ROW_FATAL) {
			wf_warn("%s: %s", file, wf_reader_reason(t.r));
			fatal = 1;
			break;
		}
		if (rc == WF_ROW_BAD) {
			reject(&st, file, &row, 0, "%s", wf_reader_reason(t.r));
			continue;
		}
		d.id = val(&row, &t, F_ID);
		if (wf_is_blank(d.id)) {
			reject(&st, file, &row, 0, "missing id");
			continue;
		}
		v = val(&row, &t, F_CAT);
		if (wf_is_blank(v))
			v = run->demand_category;
		if (wf_is_blank(v)) {
			reject(&st, file, &row, 0, "no category");
			continue;
		}
		d.cat = wf_taxonomy_find(st.tax, v, strlen(v));
		if (d.cat < 0) {
			unknown_cat(&st, file, &row, 0, v, strlen(v));
			continue;
		}
		v = val(&row, &t, F_QTY);
		if (parse_count(v, 1, &d.qty) < 0) {
			reject(&st, file, &row, 0, "quantity '%s' is not a whole number from 1 to 1000000000", v ? v : "");
			continue;
		}
		v = val(&row, &t, F_MONEY);
		if (!wf_is_blank(v)) {
			if (parse_money(v, run->io.decimal, &d.budget) < 0) {
				reject(&st, file, &row, 0, "budget '%s' is not an amount in EUR (1234.56 or 1.234,56, not negative)", v);
				continue;
			}
			d.has_budget = 1;
		}
		v = val(&row, &t, F_KM);
		if (!wf_is_blank(v) && parse_km(v, run->io.decimal, &d.max_km) < 0) {
			reject(&st, file, &row, 0, "max_km '%s' is not a positive number", v);
			continue;
		}
		char resolved[7];
		if (locate(&st, &t, &row, file, &d.lat, &d.lon, resolved, why, sizeof why) < 0) {
			reject(&st, file, &row, 0, "%s", why);
			continue;
		}
		n.id = d.id;
		n.name = val(&row, &t, F_NAME);
		n.cat = d.cat;
		n.lat = d.lat;
		n.lon = d.lon;
		n.synthetic = is_synthetic(&row, &t);
		comune_code(&row, &t, n.comune);
		/* Located by name: the comune the places lists found. */
		if (!n.comune[0] && resolved[0])
			memcpy(n.comune, resolved, 7);
		/* Top lists are per row and streamed; an assignment names needs
		 * by id, so there an id must be unique. */
		if (run->assign) {
			long first = id_seen(st.dids, d.id, row.line);
			if (first) {
				reject(&st, file, &row, 0, "duplicate id '%s' (first on line %ld)", d.id, first);
				continue;
			}
		}
		sum->needs++;
		sum->units += d.qty;
		if (d.cat < WF_TAX_MAX)
			sum->asked[d.cat] += d.qty;
		if (run->assign) {
			if (nneed == capneed) {
				capneed = capneed ? capneed * 2 : 256;
				keep = wf_xrealloc(keep, capneed * sizeof *keep);
			}
			keep[nneed].lat = d.lat;
			keep[nneed].lon = d.lon;
			keep[nneed].synthetic = n.synthetic;
			memcpy(keep[nneed].comune, n.comune, sizeof n.comune);
			keep[nneed++].name = n.name ? wf_xstrdup(n.name) : NULL;
			wf_matcher_add_demand(st.m, &d);
			continue;
		}
		if (tb.nthreads > 1) {
			topneed *q = &tb.need[tb.n++];

			q->d = d;
			q->n = n;
			q->d.id = q->n.id = batch_dup(&tb, d.id);
			q->n.name = batch_dup(&tb, n.name);
			continue;
		}
		int whyc;
		size_t k = wf_matcher_top(st.m, &d, top, &whyc);
		for (size_t i = 0; i < k; i++)
			if (write_match(&ow, sum, &n, st.m, st.tax, &top[i], 0, st.sname[top[i].supply]) < 0)
				st.stop = 1;
		if (k) {
			sum->needs_met++;
		} else {
			sum->needs_unmet++;
			note_unmet(sum, d.cat, whyc, d.qty);
			if (write_unmet(&ow, sum, uw, &n, st.tax, d.qty, d.qty, whyc) < 0)
				st.stop = 1;
		}
	}
	free(top);
	free(tb.need);
	free(tb.res);
	for (int i = 0; i < tb.nthreads && i < TOP_MAX_THREADS; i++)
		wf_match_scratch_free(tb.sc[i]);
	wf_arena_free(&tb.text);
	if (fatal || st.stop)
		goto out;
	wf_run_dialect(&run->io, t.r, NULL); /* once read: the encoding is known */
	if (run->assign && run->opts.objective == WF_OBJ_COVERAGE && sum->units > 4000000) {
		/* The unserved-unit penalty must stay inside 64-bit costs. */
		wf_warn("%s: %lld demand units, more than --objective coverage handles (4000000)", file, sum->units);
		goto out;
	}
	if (run->assign && !st.stop) {
		size_t budget = run->max_memory ? run->max_memory : wf_matchrun_default_memory();

		wf_matcher_set_max_memory(st.m, budget);
		if (wf_matcher_assign(st.m) < 0) {
			wf_warn("%s: --assign needs more working memory than --max-memory %s allows (%s); "
				"raise it, or split the demand by region or category", file,
				run->max_memory_arg ? run->max_memory_arg : "(half the physical memory)",
				wf_matcher_error(st.m));
			goto out;
		}
		if (run->io.verbose) {
			size_t pairs, phases, aug, pruned, parts, pn, po;
			wf_matcher_stats(st.m, &pairs, &phases, &aug);
			wf_matcher_parts(st.m, &pruned, &parts, &pn, &po);
			wf_note("assignment: %zu eligible pairs, %zu shortest-path searches, %zu augmentations, "
				"units sent from the %s (the side with fewer units)",
				pairs, phases, aug, wf_matcher_offers_first(st.m) ? "offers" : "needs");
			wf_note("assignment: %zu independent parts, the largest %zu needs and %zu offers; "
				"%zu pairs left out (beyond the capacity all demand could use)",
				parts, pn, po, pruned);
		}
		for (size_t i = 0; i < nneed && !st.stop; i++) {
			const wf_match *r;
			long long unmet;
			int why;
			size_t nm = wf_matcher_result(st.m, i, &r, &unmet, &why);
			needinfo n = { 0 };
			long long qty = unmet;

			n.id = wf_matcher_demand_id(st.m, i);
			n.name = keep[i].name;
			n.cat = wf_matcher_demand_cat(st.m, i);
			n.lat = keep[i].lat;
			n.lon = keep[i].lon;
			n.synthetic = keep[i].synthetic;
			memcpy(n.comune, keep[i].comune, sizeof n.comune);
			for (size_t k = 0; k < nm; k++)
				qty += r[k].assigned;
			for (size_t k = 0; k < nm; k++)
				if (write_match(&ow, sum, &n, st.m, st.tax, &r[k], 1, st.sname[r[k].supply]) < 0)
					st.stop = 1;
			sum->covered += qty - unmet;
			if (unmet) {
				note_unmet(sum, n.cat, why, unmet);
				if (write_unmet(&ow, sum, uw, &n, st.tax, qty, unmet, why) < 0)
					st.stop = 1;
			} else {
				sum->needs_met++;
			}
		}
	}
	print_summary(&st, sum, run->assign);
	if (st.rejected[0] || st.rejected[1])
		wf_warn("rejected: %lu demand rows, %lu supply rows (in '%s')", st.rejected[0],
			st.rejected[1], run->rejects_name);
	status = (st.rejected[0] || st.rejected[1] || st.stop) ? WF_EXIT_DATA : WF_EXIT_OK;
	/* Rows rejected into --rejects still leave a complete result. */
	commit = !st.stop;
out:
	wf_run_progress(&run->io, "", 0, 0, 0, 1);
	wf_tw_free(ow.w);
	/* -o leaves nothing behind on a stop; standard output cannot take
	 * back what it has written, so say how much is there. */
	if (out && !commit && sum->rows && run->out_is_stdout)
		wf_warn("standard output is incomplete: %lu row%s written before the error "
			"(with -o FILE nothing is written)", sum->rows, sum->rows == 1 ? " was" : "s were");
	wf_tw_free(uw);
	wf_rejects_free(st.rej);
	*complete = commit;
	if (t_open)
		table_close(&t);
	for (size_t i = 0; i < nneed; i++)
		free(keep[i].name);
	free(keep);
	for (size_t j = 0; j < st.nsname; j++)
		free(st.sname[j]);
	free(st.sname);
	wf_map_free(st.sids);
	wf_map_free(st.dids);
	wf_matcher_free(st.m);
	wf_places_free(st.places);
	wf_taxonomy_free(st.tax);
	free(sum);
	return status;
}
