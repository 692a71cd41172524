#include "wf_conto.h"

#include <ctype.h>
#include <dirent.h>
#include <stdint.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "wf_aux.h"
#include "wf_err.h"
#include "wf_map.h"
#include "wf_text.h"
#include "wf_zip.h"

/* ---- RGS regions ---- */

static const char *const rgs_regions[][2] = {
	{ "R00125", "01" }, { "R00198", "02" }, { "R00090", "03" }, { "R00214", "04" },
	{ "R00223", "04" }, { "R00205", "05" }, { "R00063", "06" }, { "R00081", "07" },
	{ "R00054", "08" }, { "R00161", "09" }, { "R00189", "10" }, { "R00107", "11" },
	{ "R00072", "12" }, { "R00018", "13" }, { "R00116", "14" }, { "R00045", "15" },
	{ "R00134", "16" }, { "R00027", "17" }, { "R00036", "18" }, { "R00152", "19" },
	{ "R00143", "20" },
};

const char *wf_rgs_region_istat(const char *rgs)
{
	for (size_t i = 0; i < sizeof rgs_regions / sizeof rgs_regions[0]; i++)
		if (strcmp(rgs_regions[i][0], rgs) == 0)
			return rgs_regions[i][1];
	return NULL;
}

/* ---- code lists ---- */

/* The place is kept without wf_placement's 256-byte evidence buffer:
 * the evidence is interned (wf_codes.evidence). A run over 100,000
 * institutions kept 26 MB of mostly empty buffers. */
struct inst_rec {
	wf_inst pub;
	char *key, *type, *name, *taxcode;
	char comune[8], province[4], region[4];
};

/* The code lists of one year. */
struct wf_codes_layer {
	wf_map *inst;      /* key -> struct inst_rec (listed or seen) */
	wf_map *contract;  /* contract -> char *[2] {aggregate, comparto} */
	wf_map *item;      /* item code -> sign +1/-1; 0: unreadable (item_bad) */
	wf_map *item_bad;  /* item code -> "FILE:LINE: why" of its FLAG_SEGNO */
	wf_places *rgs;    /* that year's RegioneProvinciaCatasto */
	int lists, year;   /* year from the lists' ANNO column, 0 unknown */
	int year_inst;     /* the year came from the institution list */
};

struct wf_codes {
	wf_reader_opts ro; /* the run's, for wf_aux_reader() */
	struct wf_codes_layer **L;  /* one per --codes, in load order */
	size_t nl;
	struct wf_codes_layer *active;
	wf_places *places; /* --places, for every year */
	wf_overrides *overrides; /* borrowed */
	/* the empty lists that answered before an archive brought some:
	 * freed with c, as a worker thread may still be reading them */
	struct wf_codes_layer **dead;
	size_t ndead;
	wf_map *evidence;  /* placement evidence texts, interned */
};

static struct wf_codes_layer *layer_new(void)
{
	struct wf_codes_layer *l = wf_xcalloc(1, sizeof *l);

	l->inst = wf_map_new();
	l->contract = wf_map_new();
	l->item = wf_map_new();
	l->item_bad = wf_map_new();
	l->rgs = wf_places_new();
	return l;
}

static void layer_free(struct wf_codes_layer *c)
{
	void *v;

	if (!c)
		return;
	for (size_t i = 0; i < wf_map_count(c->inst); i++) {
		wf_map_key_at(c->inst, i, &v);
		struct inst_rec *r = v;
		free(r->key);
		free(r->type);
		free(r->name);
		free(r->taxcode);
		free(r);
	}
	for (size_t i = 0; i < wf_map_count(c->contract); i++) {
		wf_map_key_at(c->contract, i, &v);
		char **p = v;
		free(p[0]);
		free(p[1]);
		free(p);
	}
	for (size_t i = 0; i < wf_map_count(c->item_bad); i++) {
		wf_map_key_at(c->item_bad, i, &v);
		free(v);
	}
	wf_map_free(c->inst);
	wf_map_free(c->contract);
	wf_map_free(c->item);
	wf_map_free(c->item_bad);
	wf_places_free(c->rgs);
	free(c);
}

wf_codes *wf_codes_new(void)
{
	wf_codes *c = wf_xcalloc(1, sizeof *c);

	/* An empty layer answers lookups until lists are loaded. */
	c->L = wf_xcalloc(1, sizeof *c->L);
	c->L[0] = layer_new();
	c->nl = 1;
	c->active = c->L[0];
	c->places = wf_places_new();
	c->evidence = wf_map_new();
	return c;
}

void wf_codes_free(wf_codes *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nl; i++)
		layer_free(c->L[i]);
	free(c->L);
	for (size_t i = 0; i < c->ndead; i++)
		layer_free(c->dead[i]);
	free(c->dead);
	wf_places_free(c->places);
	wf_map_free(c->evidence);
	free(c);
}

/* Text of a descriptive field: trimmed, inner runs of spaces made one
 * ("SANITA'  PRIVATA", "EX IPAB " in the source). */
static char *clean_text(const char *s, size_t n)
{
	char *o = wf_xmalloc(n + 1);
	size_t k = 0;

	wf_trim_span(&s, &n);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ' && k > 0 && o[k - 1] == ' ')
			continue;
		o[k++] = s[i];
	}
	o[k] = '\0';
	return o;
}

enum list_kind { L_INST, L_CONTRACT, L_ITEM, L_CATASTO, L_NKINDS };
/* As published (list_of() ignores case). */
static const char *const list_file[L_NKINDS] = {
	"TipoIstituzione_Istituzione.CSV", "CompartoContratto.CSV",
	"VoceSpesa.CSV", "RegioneProvinciaCatasto.CSV"
};
static const char *const list_cols[L_NKINDS][5] = {
	{ "CODI_TIPO_ISTITUZIONE", "CODI_ISTITUZIONE", "DESC_ISTITUZIONE", NULL },
	{ "CODI_CONTRATTO", "CODI_AGGREGATO", "CODI_COMPARTO", NULL },
	{ "CODI_TIPO_VOCE_SPESA", "CODI_VOCE_SPESA", "FLAG_SEGNO", NULL },
	{ "CODI_CATASTALE", "DESC_CODICE_CATASTALE", "CODI_PROVINCIA", "CODI_REGIONE", "DESC_PROVINCIA" },
};

static int list_of(const char *base)
{
	for (int i = 0; i < L_NKINDS; i++)
		if (strcasecmp(base, list_file[i]) == 0)
			return i;
	return -1;
}

int wf_conto_is_code_list(const char *base)
{
	return list_of(base) >= 0;
}

/* FLAG_SEGNO of an item: "+" adds, "-" subtracts (deductions). An
 * unreadable or conflicting flag leaves the sign unknown (0) with the
 * place and reason, for wf_codes_item_problem(): only a tool that uses
 * the sign of that item has to stop. */
static void item_sign(struct wf_codes_layer *c, const char *code, const char *sg, size_t sl,
		      const char *file, long line)
{
	intptr_t *slot = wf_map_islot(c->item, code, strlen(code), 2), sign = 0;
	char why[160];

	wf_trim_span(&sg, &sl);
	if (sl == 1 && (*sg == '+' || *sg == '-'))
		sign = *sg == '-' ? -1 : 1;
	if (sign && (*slot == 2 || *slot == sign)) {
		*slot = sign;
		return;
	}
	if (*slot == 0)
		return; /* the first problem stands */
	if (sign)
		snprintf(why, sizeof why, "%s:%ld: conflicting FLAG_SEGNO for '%s'", file, line, code);
	else
		snprintf(why, sizeof why, "%s:%ld: bad FLAG_SEGNO '%.*s'", file, line,
			 (int)(sl > 40 ? 40 : sl), sg);
	*slot = 0;
	*wf_map_slot(c->item_bad, code, strlen(code)) = wf_xstrdup(why);
}

static int load_list(struct wf_codes_layer *c, int kind, wf_src *src, const wf_reader_opts *ro)
{
	wf_reader *r;
	wf_row row;
	int col[5], st, ret = 0, cf = -1;
	char name[256], err[600];

	if (!(r = wf_aux_reader(src, ro)))
		return -1;
	const wf_row *h = wf_reader_header(r);
	for (int i = 0; i < 5; i++) {
		col[i] = -1;
		if (!list_cols[kind][i])
			continue;
		for (size_t k = 0; k < h->n; k++) {
			wf_conto_norm_header(h->f[k], h->len[k], name, sizeof name);
			if (strcmp(name, list_cols[kind][i]) == 0)
				col[i] = (int)k;
		}
		if (col[i] < 0) {
			wf_warn("%s: code list lacks column %s", wf_reader_name(r), list_cols[kind][i]);
			ret = -1;
			goto out;
		}
	}
	int anno = -1;
	for (size_t k = 0; k < h->n; k++) {
		wf_conto_norm_header(h->f[k], h->len[k], name, sizeof name);
		if (strcmp(name, "ANNO") == 0)
			anno = (int)k;
		if (strcmp(name, "CODI_FISCALE") == 0)
			cf = (int)k;
	}
	/* The cadastral list is a comuni list of that year. Its RGS
	 * layout needs only columns list_cols has just found, so the
	 * header is always recognised. */
	if (kind == L_CATASTO && wf_places_header(c->rgs, h->f, h->n, err, sizeof err) < 0) { /* LCOV_EXCL_BR_LINE: see above */
		ret = wf_warn("%s: %s", wf_reader_name(r), err); /* LCOV_EXCL_LINE: see above */
		goto out; /* LCOV_EXCL_LINE: see above */
	}
	while ((st = wf_reader_next(r, &row)) != WF_ROW_EOF) {
		if (st == WF_ROW_FATAL) {
			ret = wf_warn("%s: %s", wf_reader_name(r), wf_reader_reason(r));
			goto out;
		}
		/* The institution list's year is the lists' year; another
		 * list's serves when it is the only one (wf-benchmark's
		 * VoceSpesa). */
		if (anno >= 0 && st == WF_ROW_OK && (kind == L_INST ? !c->year_inst : !c->year)) {
			c->year = atoi(row.f[anno]);
			c->year_inst = kind == L_INST;
		}
		if (st == WF_ROW_BAD) {
			ret = wf_warn_at(wf_reader_name(r), row.line, "%s", wf_reader_reason(r));
			goto out;
		}
#define F(i) row.f[col[i]], row.len[col[i]]
		if (kind == L_INST) {
			char key[64], kt[8];
			char *t = clean_text(F(0)), *num = clean_text(F(1));
			snprintf(key, sizeof key, "%s%s", t, num);
			free(num);
			if (wf_conto_inst_key(key, strlen(key), key, kt) != 0) {
				free(t);
				continue;
			}
			void **slot = wf_map_slot(c->inst, key, strlen(key));
			if (!*slot) {
				struct inst_rec *ir = wf_xcalloc(1, sizeof *ir);
				ir->key = wf_xstrdup(key);
				ir->type = t;
				ir->name = clean_text(F(2));
				if (cf >= 0 && (size_t)cf < row.n)
					ir->taxcode = clean_text(row.f[cf], row.len[cf]);
				ir->pub.known = 1;
				*slot = ir;
			} else {
				free(t);
			}
		} else if (kind == L_CONTRACT) {
			char *k = clean_text(F(0));
			void **slot = wf_map_slot(c->contract, k, strlen(k));
			if (!*slot) {
				char **p = wf_xcalloc(2, sizeof *p);
				p[0] = clean_text(F(1));
				p[1] = clean_text(F(2));
				*slot = p;
			}
			free(k);
		} else if (kind == L_ITEM) {
			char code[16], raw[64];
			char *t = clean_text(F(0)), *num = clean_text(F(1));
			snprintf(raw, sizeof raw, "%s%s", t, num);
			free(t);
			free(num);
			if (wf_conto_item_code(raw, strlen(raw), code) == 0)
				item_sign(c, code, F(2), wf_reader_name(r), row.line);
		} else if (wf_places_add(c->rgs, (const char *const *)row.f, row.n, err, sizeof err) < 0) {
			ret = wf_warn_at(wf_reader_name(r), row.line, "%s", err);
			goto out;
		}
#undef F
	}
out:
	wf_reader_free(r);
	return ret;
}

struct zip_ctx {
	struct wf_codes_layer *c;
	const wf_reader_opts *ro;
	int found[L_NKINDS];
};

static int zip_want(void *ctx, const wf_zip_member *m)
{
	struct zip_ctx *z = ctx;
	int k;
	size_t n = strlen(m->base);

	/* Code lists are never inside a {YYYY}Dati.zip: do not inflate
	 * one (tens of MB) just to look; wf-ingest reads it afterwards. */
	if (m->archive)
		return !(n >= 8 && strcasecmp(m->base + n - 8, "Dati.zip") == 0);
	k = list_of(m->base);
	return k >= 0 && !z->found[k];
}

static int zip_take(void *ctx, const wf_zip_member *m, wf_src *src)
{
	struct zip_ctx *z = ctx;
	int k = list_of(m->base);

	z->found[k] = 1;
	return load_list(z->c, k, src, z->ro);
}

static int load_zip_lists(struct wf_codes_layer *c, const char *name, const unsigned char *buf,
			  size_t n, int found[L_NKINDS], const wf_reader_opts *ro)
{
	struct zip_ctx z = { c, ro, { 0 } };
	int ret;

	memcpy(z.found, found, sizeof z.found); /* lists set there are skipped */
	ret = wf_zip_walk_ask(name, buf, n, zip_want, zip_take, &z) != 0 ? -1 : 0;

	memcpy(found, z.found, sizeof z.found);
	return ret;
}

/* Load the lists found in a folder, a zip or one list file into l;
 * the list need must be among them. 0 or -1 after a message. */
static int load_layer(struct wf_codes_layer *c, const char *path, int need, int verbose,
		      const wf_reader_opts *ro)
{
	struct stat st;
	int found[L_NKINDS] = { 0 };
	int ret = 0;

	/* wf-benchmark needs only VoceSpesa: the other lists (tens of
	 * thousands of institutions and comuni) are not read at all. */
	if (need == L_ITEM)
		for (int k = 0; k < L_NKINDS; k++)
			found[k] = k != L_ITEM;
	if (stat(path, &st) != 0)
		return wf_warn("%s:", path);
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		struct dirent *e;
		if (!d)
			return wf_warn("%s:", path);
		while ((e = readdir(d)) != NULL) {
			int k = list_of(e->d_name);
			if (k < 0 || found[k])
				continue;
			size_t pl = strlen(path) + strlen(e->d_name) + 2;
			char *p = wf_xmalloc(pl);
			snprintf(p, pl, "%s/%s", path, e->d_name);
			wf_src *s = wf_src_open(p);
			free(p);
			if (!s || load_list(c, k, s, ro) != 0)
				ret = -1;
			found[k] = 1;
		}
		closedir(d);
	} else {
		wf_src *s = wf_src_open(path);
		const char *base = strrchr(path, '/');
		unsigned char magic[4], *buf;
		size_t n;
		int k;
		if (!s)
			return -1;
		n = wf_src_peek(s, magic, sizeof magic);
		if (wf_zip_magic(magic, n)) {
			buf = wf_src_slurp_raw(s, &n);
			if (!buf)
				ret = wf_warn("%s: %s", path, wf_src_error(s));
			else
				ret = load_zip_lists(c, path, buf, n, found, ro);
			free(buf);
			wf_src_free(s);
		} else if ((k = list_of(base ? base + 1 : path)) >= 0) {
			/* one list given by itself (wf-benchmark --codes VoceSpesa.CSV) */
			found[k] = 1;
			ret = load_list(c, k, s, ro);
		} else {
			wf_src_free(s);
			return wf_warn("%s: not a folder or zip archive of code lists", path);
		}
	}
	if (ret)
		return -1;
	if (!found[need])
		return wf_warn("%s: no %s found", path, list_file[need]);
	for (int k = 0; k < L_NKINDS; k++)
		if (!found[k] && need == L_INST && verbose)
			wf_warn("%s: no %s found; its columns stay empty", path, list_file[k]);
	c->lists = 1;
	return 0;
}

static int load_lists(wf_codes *c, const char *path, int need, int verbose)
{
	struct wf_codes_layer *l = layer_new();

	if (load_layer(l, path, need, verbose, &c->ro) != 0) {
		layer_free(l);
		return -1;
	}
	for (size_t i = 0; i < c->nl; i++)
		if (c->L[i]->lists && c->L[i]->year == l->year) {
			wf_warn("%s: code lists of %d given twice", path, l->year);
			layer_free(l);
			return -1;
		}
	if (c->nl == 1 && !c->L[0]->lists) {
		/* The empty start-up layer has served no lookup that
		 * matters yet; replace it. */
		layer_free(c->L[0]);
		c->nl = 0;
	}
	c->L = wf_xrealloc(c->L, (c->nl + 1) * sizeof *c->L);
	c->L[c->nl++] = l;
	c->active = l;
	return 0;
}

int wf_codes_load(wf_codes *c, const char *path, int verbose)
{
	return load_lists(c, path, L_INST, verbose);
}

int wf_codes_load_items(wf_codes *c, const char *path)
{
	return load_lists(c, path, L_ITEM, 0);
}

void wf_codes_set_reader(wf_codes *c, const wf_reader_opts *run)
{
	c->ro = wf_aux_opts(run);
}

static int has_year(const wf_codes *c, int year)
{
	for (size_t i = 0; i < c->nl; i++)
		if (c->L[i]->lists && c->L[i]->year == year)
			return 1;
	return 0;
}

wf_codes_layer *wf_codes_embedded_layer(const wf_codes *c, const char *name,
					const unsigned char *buf, size_t n, int *year, int *rc)
{
	struct wf_codes_layer *l = layer_new();
	int found[L_NKINDS] = { 0 };

	*year = 0;
	if (load_zip_lists(l, name, buf, n, found, &c->ro) != 0) {
		layer_free(l);
		*rc = -1;
		return NULL;
	}
	if (!found[L_INST] || !l->year || has_year(c, l->year)) {
		*year = found[L_INST] ? l->year : 0;
		layer_free(l);
		*rc = 1;
		return NULL;
	}
	l->lists = 1;
	*year = l->year;
	*rc = 0;
	wf_places_prepare(l->rgs);
	return l;
}

void wf_codes_adopt(wf_codes *c, wf_codes_layer *l)
{
	if (c->nl == 1 && !c->L[0]->lists) {
		if (c->active == c->L[0])
			c->active = l;
		c->dead = wf_xrealloc(c->dead, (c->ndead + 1) * sizeof *c->dead);
		c->dead[c->ndead++] = c->L[0];
		c->nl = 0;
	}
	c->L = wf_xrealloc(c->L, (c->nl + 1) * sizeof *c->L);
	c->L[c->nl++] = l;
}

void wf_codes_layer_free(wf_codes_layer *l)
{
	if (l)
		layer_free(l);
}

int wf_codes_load_embedded(wf_codes *c, const char *name, const unsigned char *buf,
			   size_t n, int *year)
{
	int rc;
	struct wf_codes_layer *l = wf_codes_embedded_layer(c, name, buf, n, year, &rc);

	if (l)
		wf_codes_adopt(c, l);
	return rc;
}

wf_codes_layer *wf_codes_pick(const wf_codes *c, wf_codes_layer *extra, int year, int *lists_year)
{
	struct wf_codes_layer *best = c->active;
	int bd = -1;

	for (size_t i = 0; i <= c->nl; i++) {
		struct wf_codes_layer *l = i < c->nl ? c->L[i] : extra;
		if (!l || !l->lists)
			continue;
		int d = l->year > year ? l->year - year : year - l->year;
		/* Nearest year; on a tie the later lists, which know the
		 * newer institutions. */
		if (bd < 0 || d < bd || (d == bd && l->year > best->year)) {
			best = l;
			bd = d;
		}
	}
	*lists_year = best->lists ? best->year : 0;
	return best;
}

int wf_codes_select_year(wf_codes *c, int year)
{
	int y;

	c->active = wf_codes_pick(c, NULL, year, &y);
	return y;
}

wf_codes_layer *wf_codes_active(const wf_codes *c)
{
	return c->active;
}

void wf_codes_prepare(wf_codes *c)
{
	wf_places_prepare(c->places);
	for (size_t i = 0; i < c->nl; i++)
		wf_places_prepare(c->L[i]->rgs);
}

int wf_codes_load_places(wf_codes *c, const char *path, const wf_run *run)
{
	return wf_places_load(c->places, path, run);
}

wf_places *wf_codes_places(wf_codes *c)
{
	return c->places;
}

void wf_codes_set_overrides(wf_codes *c, wf_overrides *o)
{
	c->overrides = o;
}

int wf_codes_have_lists(const wf_codes *c)
{
	for (size_t i = 0; i < c->nl; i++)
		if (c->L[i]->lists)
			return 1;
	return 0;
}

int wf_codes_have_places(const wf_codes *c)
{
	return wf_places_count(c->places, NULL) > 0;
}

/* ir's place from pl, its evidence the interned text given. */
static void publish(struct inst_rec *ir, const wf_placement *pl, const char *evidence)
{
	memcpy(ir->comune, pl->comune, sizeof ir->comune);
	memcpy(ir->province, pl->province, sizeof ir->province);
	memcpy(ir->region, pl->region, sizeof ir->region);
	ir->pub.key = ir->key;
	ir->pub.type = ir->type;
	ir->pub.name = ir->name ? ir->name : "";
	ir->pub.taxcode = ir->taxcode ? ir->taxcode : "";
	ir->pub.region = ir->region;
	ir->pub.province = ir->province;
	ir->pub.comune = ir->comune;
	ir->pub.evidence = evidence;
	ir->pub.how = pl->how;
}

/* Where ir goes with l's lists; peek: a worker's look ahead, which
 * leaves the overrides' use uncounted. */
static void locate(const wf_codes *c, struct wf_codes_layer *l, const struct inst_rec *ir,
		   wf_placement *pl, int peek)
{
	wf_place(l->rgs, c->places, ir->type, ir->name, ir->taxcode, pl);
	if (!ir->pub.known && pl->how == WF_PLACE_NONE)
		snprintf(pl->evidence, sizeof pl->evidence, "not in the code lists");
	if (peek)
		wf_overrides_peek(c->overrides, ir->key, pl);
	else
		wf_overrides_apply(c->overrides, ir->key, pl);
}

static void place(wf_codes *c, struct wf_codes_layer *l, struct inst_rec *ir)
{
	wf_placement pl;

	locate(c, l, ir, &pl, 0);
	publish(ir, &pl, wf_map_intern(c->evidence, pl.evidence, strlen(pl.evidence)));
}

static struct inst_rec *scratch_find(wf_codes_scratch *s, const struct wf_codes_layer *l,
				     const char *key);

const wf_inst *wf_codes_inst_placed(wf_codes *c, wf_codes_layer *l, const char *key,
				    const char *type, wf_codes_scratch *s)
{
	void **slot = wf_map_slot(l->inst, key, strlen(key));
	struct inst_rec *ir = *slot, *done;

	if (!ir) {
		ir = wf_xcalloc(1, sizeof *ir);
		ir->key = wf_xstrdup(key);
		ir->type = wf_xstrdup(type);
		*slot = ir;
	}
	if (!ir->pub.key) {
		done = s ? scratch_find(s, l, key) : NULL;
		if (done) {
			/* placed by a worker already: the same placement, the
			 * override's use counted as place() counts it */
			wf_placement pl;
			wf_overrides_apply(c->overrides, ir->key, &pl);
			memcpy(pl.comune, done->comune, sizeof done->comune);
			memcpy(pl.province, done->province, sizeof done->province);
			memcpy(pl.region, done->region, sizeof done->region);
			pl.how = done->pub.how;
			publish(ir, &pl, wf_map_intern(c->evidence, done->pub.evidence,
						       strlen(done->pub.evidence)));
		} else {
			place(c, l, ir);
		}
	}
	return &ir->pub;
}

const wf_inst *wf_codes_inst_at(wf_codes *c, wf_codes_layer *l, const char *key,
				const char *type)
{
	void **slot = wf_map_slot(l->inst, key, strlen(key));
	struct inst_rec *ir = *slot;

	if (!ir) {
		ir = wf_xcalloc(1, sizeof *ir);
		ir->key = wf_xstrdup(key);
		ir->type = wf_xstrdup(type);
		*slot = ir;
	}
	if (!ir->pub.key) {
		/* First use: place it once and publish the strings. */
		place(c, l, ir);
	}
	return &ir->pub;
}

const wf_inst *wf_codes_inst(wf_codes *c, const char *key, const char *type)
{
	return wf_codes_inst_at(c, c->active, key, type);
}

/* The workers' placements, keyed by layer and institution: each is
 * computed once, whichever worker needs it first (placing by name is
 * the costly part of a look-up), and taken over by the owner's calls. */
struct wf_codes_scratch {
	pthread_mutex_t mu;
	wf_map *recs;     /* "layer address \x1f key" -> struct inst_rec */
	wf_map *evidence; /* their evidence texts, interned */
};

wf_codes_scratch *wf_codes_scratch_new(void)
{
	wf_codes_scratch *s = wf_xcalloc(1, sizeof *s);

	pthread_mutex_init(&s->mu, NULL);
	s->recs = wf_map_new();
	s->evidence = wf_map_new();
	return s;
}

static size_t scratch_key(char *sk, size_t sz, const struct wf_codes_layer *l, const char *key)
{
	int kl = snprintf(sk, sz, "%p\x1f%s", (const void *)l, key);

	return kl < (int)sz ? (size_t)kl : sz - 1;
}

static struct inst_rec *scratch_find(wf_codes_scratch *s, const struct wf_codes_layer *l,
				     const char *key)
{
	char sk[96];
	size_t n = scratch_key(sk, sizeof sk, l, key);
	struct inst_rec *ir;

	pthread_mutex_lock(&s->mu);
	ir = wf_map_get(s->recs, sk, n);
	pthread_mutex_unlock(&s->mu);
	return ir;
}

void wf_codes_scratch_free(wf_codes_scratch *s)
{
	void *v;

	if (!s)
		return;
	for (size_t i = 0; i < wf_map_count(s->recs); i++) {
		wf_map_key_at(s->recs, i, &v);
		struct inst_rec *r = v;
		free(r->key);
		free(r->type);
		free(r);
	}
	wf_map_free(s->recs);
	wf_map_free(s->evidence);
	pthread_mutex_destroy(&s->mu);
	free(s);
}

const wf_inst *wf_codes_inst_peek(const wf_codes *c, wf_codes_layer *l, const char *key,
				  const char *type, wf_codes_scratch *s, int *first)
{
	const struct inst_rec *shared = wf_map_get(l->inst, key, strlen(key));
	struct inst_rec *ir, *had;
	char sk[96];
	void **slot;

	*first = 0;
	if (shared && shared->pub.key)
		return &shared->pub; /* placed already: it never changes again */
	/* As wf_codes_inst_at would place it: the listed name and tax code
	 * (borrowed from the lists, which outlive s), or none. Placed under
	 * s's lock: workers reading the same institutions at the same pace
	 * would otherwise each place most of them. */
	pthread_mutex_lock(&s->mu);
	slot = wf_map_slot(s->recs, sk, scratch_key(sk, sizeof sk, l, key));
	if ((had = *slot)) {
		pthread_mutex_unlock(&s->mu);
		return &had->pub;
	}
	ir = wf_xcalloc(1, sizeof *ir);
	ir->key = wf_xstrdup(key);
	ir->type = wf_xstrdup(shared ? shared->type : type);
	if (shared) {
		ir->name = shared->name;
		ir->taxcode = shared->taxcode;
		ir->pub.known = shared->pub.known;
	}
	{
		wf_placement pl;
		locate(c, l, ir, &pl, 1);
		publish(ir, &pl, wf_map_intern(s->evidence, pl.evidence, strlen(pl.evidence)));
	}
	*slot = ir;
	*first = 1;
	pthread_mutex_unlock(&s->mu);
	return &ir->pub;
}

const char *wf_codes_layer_aggregate(const wf_codes_layer *l, const char *contract)
{
	char **p = wf_map_get(l->contract, contract, strlen(contract));
	return p ? p[0] : "";
}

const char *wf_codes_layer_comparto(const wf_codes_layer *l, const char *contract)
{
	char **p = wf_map_get(l->contract, contract, strlen(contract));
	return p ? p[1] : "";
}

int wf_codes_has_year(const wf_codes *c, int year)
{
	return has_year(c, year);
}

const char *wf_codes_aggregate(const wf_codes *c, const char *contract)
{
	char **p = wf_map_get(c->active->contract, contract, strlen(contract));
	return p ? p[0] : "";
}

const char *wf_codes_comparto(const wf_codes *c, const char *contract)
{
	char **p = wf_map_get(c->active->contract, contract, strlen(contract));
	return p ? p[1] : "";
}

int wf_codes_item_sign(const wf_codes *c, const char *item)
{
	return (int)wf_map_iget(c->active->item, item, strlen(item), 0);
}

const char *wf_codes_item_problem(const wf_codes *c, const char *item)
{
	return wf_map_get(c->active->item_bad, item, strlen(item));
}

size_t wf_codes_nlists(const wf_codes *c)
{
	return c->nl;
}

int wf_codes_list_year(const wf_codes *c, size_t i)
{
	return c->L[i]->year;
}

void wf_codes_place_stats(const wf_codes *c, size_t list, unsigned long counts[WF_PLACE_NKINDS])
{
	void *v;
	const struct wf_codes_layer *l = c->L[list];

	memset(counts, 0, sizeof(unsigned long) * WF_PLACE_NKINDS);
	for (size_t i = 0; i < wf_map_count(l->inst); i++) {
		wf_map_key_at(l->inst, i, &v);
		struct inst_rec *ir = v;
		if (ir->pub.key) /* seen in the data */
			counts[ir->pub.how]++;
	}
}

void wf_codes_each_unplaced(const wf_codes *c, void (*fn)(const wf_inst *, void *), void *ctx)
{
	void *v;

	for (size_t l = 0; l < c->nl; l++)
		for (size_t i = 0; i < wf_map_count(c->L[l]->inst); i++) {
			wf_map_key_at(c->L[l]->inst, i, &v);
			struct inst_rec *ir = v;
			if (ir->pub.key && ir->pub.how == WF_PLACE_NONE)
				fn(&ir->pub, ctx);
		}
}

void wf_codes_each_inst(wf_codes *c, size_t list,
			void (*fn)(const wf_inst *, int seen, void *), void *ctx)
{
	struct wf_codes_layer *l = c->L[list];
	void *v;

	for (size_t i = 0; i < wf_map_count(l->inst); i++) {
		wf_map_key_at(l->inst, i, &v);
		struct inst_rec *ir = v;
		int seen = ir->pub.key != NULL;
		if (!seen)
			place(c, l, ir);
		fn(&ir->pub, seen, ctx);
		if (!seen)
			ir->pub.key = NULL; /* still unused by the data */
	}
}
