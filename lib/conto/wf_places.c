/*
 * wf_places.c - comuni lists, the name-folding rule, provinces and
 * location resolution (see wf_places.h).
 */
#include "wf_places.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "wf_aux.h"
#include "wf_err.h"
#include "wf_geo.h"
#include "wf_map.h"
#include "wf_table.h"
#include "wf_text.h"

/* ---- provinces and regions: the ISTAT classification ---- */

static const wf_province provinces[] = {
	{ 1, "TO", "01", "TORINO", NULL, NULL },
	{ 2, "VC", "01", "VERCELLI", NULL, NULL },
	{ 3, "NO", "01", "NOVARA", NULL, NULL },
	{ 4, "CN", "01", "CUNEO", NULL, NULL },
	{ 5, "AT", "01", "ASTI", NULL, NULL },
	{ 6, "AL", "01", "ALESSANDRIA", NULL, NULL },
	{ 7, "AO", "02", "AOSTA", NULL, NULL },
	{ 8, "IM", "07", "IMPERIA", NULL, NULL },
	{ 9, "SV", "07", "SAVONA", NULL, NULL },
	{ 10, "GE", "07", "GENOVA", NULL, NULL },
	{ 11, "SP", "07", "LA SPEZIA", NULL, NULL },
	{ 12, "VA", "03", "VARESE", NULL, NULL },
	{ 13, "CO", "03", "COMO", NULL, NULL },
	{ 14, "SO", "03", "SONDRIO", NULL, NULL },
	{ 15, "MI", "03", "MILANO", NULL, NULL },
	{ 16, "BG", "03", "BERGAMO", NULL, NULL },
	{ 17, "BS", "03", "BRESCIA", NULL, NULL },
	{ 18, "PV", "03", "PAVIA", NULL, NULL },
	{ 19, "CR", "03", "CREMONA", NULL, NULL },
	{ 20, "MN", "03", "MANTOVA", NULL, NULL },
	{ 21, "BZ", "04", "BOLZANO", NULL, NULL },
	{ 22, "TN", "04", "TRENTO", NULL, NULL },
	{ 23, "VR", "05", "VERONA", NULL, NULL },
	{ 24, "VI", "05", "VICENZA", NULL, NULL },
	{ 25, "BL", "05", "BELLUNO", NULL, NULL },
	{ 26, "TV", "05", "TREVISO", NULL, NULL },
	{ 27, "VE", "05", "VENEZIA", NULL, NULL },
	{ 28, "PD", "05", "PADOVA", NULL, NULL },
	{ 29, "RO", "05", "ROVIGO", NULL, NULL },
	{ 30, "UD", "06", "UDINE", NULL, NULL },
	{ 31, "GO", "06", "GORIZIA", NULL, NULL },
	{ 32, "TS", "06", "TRIESTE", NULL, NULL },
	{ 33, "PC", "08", "PIACENZA", NULL, NULL },
	{ 34, "PR", "08", "PARMA", NULL, NULL },
	{ 35, "RE", "08", "REGGIO EMILIA", NULL, NULL },
	{ 36, "MO", "08", "MODENA", NULL, NULL },
	{ 37, "BO", "08", "BOLOGNA", NULL, NULL },
	{ 38, "FE", "08", "FERRARA", NULL, NULL },
	{ 39, "RA", "08", "RAVENNA", NULL, NULL },
	{ 40, "FC", "08", "FORLI' CESENA", NULL, NULL },
	{ 41, "PU", "11", "PESARO E URBINO", NULL, NULL },
	{ 42, "AN", "11", "ANCONA", NULL, NULL },
	{ 43, "MC", "11", "MACERATA", NULL, NULL },
	{ 44, "AP", "11", "ASCOLI PICENO", NULL, NULL },
	{ 45, "MS", "09", "MASSA CARRARA", NULL, NULL },
	{ 46, "LU", "09", "LUCCA", NULL, NULL },
	{ 47, "PT", "09", "PISTOIA", NULL, NULL },
	{ 48, "FI", "09", "FIRENZE", NULL, NULL },
	{ 49, "LI", "09", "LIVORNO", NULL, NULL },
	{ 50, "PI", "09", "PISA", NULL, NULL },
	{ 51, "AR", "09", "AREZZO", NULL, NULL },
	{ 52, "SI", "09", "SIENA", NULL, NULL },
	{ 53, "GR", "09", "GROSSETO", NULL, NULL },
	{ 54, "PG", "10", "PERUGIA", NULL, NULL },
	{ 55, "TR", "10", "TERNI", NULL, NULL },
	{ 56, "VT", "12", "VITERBO", NULL, NULL },
	{ 57, "RI", "12", "RIETI", NULL, NULL },
	{ 58, "RM", "12", "ROMA", NULL, NULL },
	{ 59, "LT", "12", "LATINA", NULL, NULL },
	{ 60, "FR", "12", "FROSINONE", NULL, NULL },
	{ 61, "CE", "15", "CASERTA", NULL, NULL },
	{ 62, "BN", "15", "BENEVENTO", NULL, NULL },
	{ 63, "NA", "15", "NAPOLI", NULL, NULL },
	{ 64, "AV", "15", "AVELLINO", NULL, NULL },
	{ 65, "SA", "15", "SALERNO", NULL, NULL },
	{ 66, "AQ", "13", "L'AQUILA", NULL, NULL },
	{ 67, "TE", "13", "TERAMO", NULL, NULL },
	{ 68, "PE", "13", "PESCARA", NULL, NULL },
	{ 69, "CH", "13", "CHIETI", NULL, NULL },
	{ 70, "CB", "14", "CAMPOBASSO", NULL, NULL },
	{ 71, "FG", "16", "FOGGIA", NULL, NULL },
	{ 72, "BA", "16", "BARI", NULL, NULL },
	{ 73, "TA", "16", "TARANTO", NULL, NULL },
	{ 74, "BR", "16", "BRINDISI", NULL, NULL },
	{ 75, "LE", "16", "LECCE", NULL, NULL },
	{ 76, "PZ", "17", "POTENZA", NULL, NULL },
	{ 77, "MT", "17", "MATERA", NULL, NULL },
	{ 78, "CS", "18", "COSENZA", NULL, NULL },
	{ 79, "CZ", "18", "CATANZARO", NULL, NULL },
	{ 80, "RC", "18", "REGGIO CALABRIA", NULL, NULL },
	{ 81, "TP", "19", "TRAPANI", NULL, NULL },
	{ 82, "PA", "19", "PALERMO", NULL, NULL },
	{ 83, "ME", "19", "MESSINA", NULL, NULL },
	{ 84, "AG", "19", "AGRIGENTO", NULL, NULL },
	{ 85, "CL", "19", "CALTANISSETTA", NULL, NULL },
	{ 86, "EN", "19", "ENNA", NULL, NULL },
	{ 87, "CT", "19", "CATANIA", NULL, NULL },
	{ 88, "RG", "19", "RAGUSA", NULL, NULL },
	{ 89, "SR", "19", "SIRACUSA", NULL, NULL },
	{ 90, "SS", "20", "SASSARI", NULL, NULL },
	{ 91, "NU", "20", "NUORO", NULL, NULL },
	{ 92, "CA", "20", "CAGLIARI", NULL, NULL },
	{ 93, "PN", "06", "PORDENONE", NULL, NULL },
	{ 94, "IS", "14", "ISERNIA", NULL, NULL },
	{ 95, "OR", "20", "ORISTANO", NULL, "CA,NU" },
	/* Created since 1992: their bodies often keep a tax code issued
	 * by the office of the province they came from. */
	{ 96, "BI", "01", "BIELLA", NULL, "VC" },
	{ 97, "LC", "03", "LECCO", NULL, "CO,BG" },
	{ 98, "LO", "03", "LODI", NULL, "MI" },
	{ 99, "RN", "08", "RIMINI", NULL, "FC,PU" }, /* Valmarecchia came from PU in 2009 */
	{ 100, "PO", "09", "PRATO", NULL, "FI" },
	{ 101, "KR", "18", "CROTONE", NULL, "CZ" },
	{ 102, "VV", "18", "VIBO VALENTIA", NULL, "CZ" },
	{ 103, "VB", "01", "VERBANO CUSIO OSSOLA", NULL, "NO" },
	{ 104, "OT", "20", "OLBIA TEMPIO", "SS", "SS,NU" },
	{ 105, "OG", "20", "OGLIASTRA", "NU", "NU" },
	{ 106, "VS", "20", "MEDIO CAMPIDANO", "SU", "CA" },
	{ 107, "CI", "20", "CARBONIA IGLESIAS", "SU", "CA" },
	{ 108, "MB", "03", "MONZA E DELLA BRIANZA", NULL, "MI" },
	{ 109, "FM", "11", "FERMO", NULL, "AP" },
	{ 110, "BT", "16", "BARLETTA ANDRIA TRANI", NULL, "BA,FG" },
	{ 111, "SU", "20", "SUD SARDEGNA", NULL, "CA,OR,NU" },
	/* Older siglas of the same provinces, still in RGS names. */
	{ 40, "FO", "08", "FORLI'", "FC", NULL },
	{ 41, "PS", "11", "PESARO", "PU", NULL },
};
#define NPROV (sizeof provinces / sizeof provinces[0])

static const char *const regions[][2] = {
	{ "01", "PIEMONTE" }, { "02", "VALLE D'AOSTA" }, { "03", "LOMBARDIA" },
	{ "04", "TRENTINO-ALTO ADIGE" }, { "05", "VENETO" }, { "06", "FRIULI-VENEZIA GIULIA" },
	{ "07", "LIGURIA" }, { "08", "EMILIA-ROMAGNA" }, { "09", "TOSCANA" },
	{ "10", "UMBRIA" }, { "11", "MARCHE" }, { "12", "LAZIO" }, { "13", "ABRUZZO" },
	{ "14", "MOLISE" }, { "15", "CAMPANIA" }, { "16", "PUGLIA" }, { "17", "BASILICATA" },
	{ "18", "CALABRIA" }, { "19", "SICILIA" }, { "20", "SARDEGNA" },
};
/* Other spellings the lists and the institution names use. */
static const char *const region_alias[][2] = {
	{ "VALLEE D'AOSTE", "02" }, { "VALLE AOSTA", "02" }, { "TRENTINO", "04" },
	{ "TRENTINO-ALTO ADIGE/SUDTIROL", "04" }, { "SUDTIROL", "04" },
	{ "FRIULI", "06" }, { "EMILIA", "08" }, { "ROMAGNA", "08" }, { "APULIA", "16" },
	{ "SICILIANA", "19" }, { "SARDA", "20" }, { "ABRUZZI", "13" },
};


static int same_sigla(const char *a, const char *b)
{
	return toupper((unsigned char)a[0]) == toupper((unsigned char)b[0]) && a[0] &&
	       toupper((unsigned char)a[1]) == toupper((unsigned char)b[1]) && !a[2] && !b[2];
}

const wf_province *wf_province_by_code(int code)
{
	for (size_t i = 0; i < NPROV; i++)
		if (provinces[i].code == code)
			return &provinces[i];
	return NULL;
}

const wf_province *wf_province_by_sigla(const char *sigla)
{
	if (!sigla || strlen(sigla) != 2)
		return NULL;
	for (size_t i = 0; i < NPROV; i++)
		if (same_sigla(provinces[i].sigla, sigla))
			return &provinces[i];
	return NULL;
}

static int in_list(const char *list, const char *sigla)
{
	for (const char *p = list; p && *p; p += p[2] ? 3 : 2)
		if (p[0] == sigla[0] && p[1] == sigla[1])
			return 1;
	return 0;
}

int wf_province_family(const wf_province *tax, const char *sigla)
{
	const wf_province *s = wf_province_by_sigla(sigla);

	if (!tax || !s)
		return 0;
	if (s == tax || in_list(s->parents, tax->sigla))
		return 1;
	if (tax->now) /* OT, OG, VS, CI: their offices' codes now mean SS, NU, SU */
		return wf_province_family(wf_province_by_sigla(tax->now), sigla);
	/* A comune moved through a province since suppressed (San Teodoro:
	 * NU, then OT, now SS) may keep its first office's code. */
	for (size_t i = 0; i < NPROV; i++)
		if (provinces[i].now && same_sigla(provinces[i].now, s->sigla) &&
		    in_list(provinces[i].parents, tax->sigla))
			return 1;
	return 0;
}

const wf_province *wf_taxcode_province(const char *cf)
{
	char t[32], pad[12];
	size_t n;

	if (!cf)
		return NULL;
	n = wf_trim_copy(cf, t, sizeof t);
	if (n == 0 || n > 11)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)t[i]))
			return NULL;
	memset(pad, '0', 11 - n);
	memcpy(pad + 11 - n, t, n + 1);
	/* Digits 8-10 (1-based) of the padded code. */
	return wf_province_by_code((pad[7] - '0') * 100 + (pad[8] - '0') * 10 + (pad[9] - '0'));
}

const char *wf_region_name(const char *code)
{
	for (size_t i = 0; i < sizeof regions / sizeof regions[0]; i++)
		if (code && strcmp(regions[i][0], code) == 0)
			return regions[i][1];
	return NULL;
}

/* ---- the folding rule ---- */

/* U+00C0..U+00FF folded to an ASCII capital (0: not a letter). */
static const char latin1_fold[64] = {
	'A', 'A', 'A', 'A', 'A', 'A', 'A', 'C', 'E', 'E', 'E', 'E', 'I', 'I', 'I', 'I',
	'D', 'N', 'O', 'O', 'O', 'O', 'O', 0, 'O', 'U', 'U', 'U', 'U', 'Y', 0, 'S',
	'A', 'A', 'A', 'A', 'A', 'A', 'A', 'C', 'E', 'E', 'E', 'E', 'I', 'I', 'I', 'I',
	'D', 'N', 'O', 'O', 'O', 'O', 'O', 0, 'O', 'U', 'U', 'U', 'U', 'Y', 0, 'Y'
};

size_t wf_places_fold(const char *s, size_t n, char *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	size_t k = 0;

	if (!outsz)
		return 0;
	/* Only letters and digits survive: apostrophes (accent or
	 * elision), spaces, dashes and dots all vanish, so PATERNO' =
	 * Paternò and "d Asti" = "d'Asti" = "D'ASTI". */
	while (p < e && k + 1 < outsz) {
		uint32_t cp;
		size_t l = wf_utf8_decode(p, (size_t)(e - p), &cp);
		char c = 0;

		if (l == 0) {
			p++;
			continue;
		}
		p += l;
		if (cp < 0x80) {
			if (isalpha((int)cp))
				c = (char)toupper((int)cp);
			else if (isdigit((int)cp))
				c = (char)cp;
		} else if (cp >= 0xC0 && cp <= 0xFF) {
			c = latin1_fold[cp - 0xC0];
		}
		if (!c)
			continue;
		out[k++] = c == 'J' ? 'I' : c; /* JONADI = Ionadi, BUJA = Buia */
	}
	out[k] = '\0';
	return k;
}

static void fold_z(const char *s, char *out, size_t outsz)
{
	wf_places_fold(s, strlen(s), out, outsz);
}

const char *wf_region_by_name(const char *name, size_t n)
{
	char f[128], g[128];

	wf_places_fold(name, n, f, sizeof f);
	if (!f[0])
		return NULL;
	for (size_t i = 0; i < sizeof regions / sizeof regions[0]; i++) {
		fold_z(regions[i][1], g, sizeof g);
		if (strcmp(f, g) == 0)
			return regions[i][0];
	}
	for (size_t i = 0; i < sizeof region_alias / sizeof region_alias[0]; i++) {
		fold_z(region_alias[i][0], g, sizeof g);
		if (strcmp(f, g) == 0)
			return region_alias[i][1];
	}
	/* "Valle d'Aosta/Vallée d'Aoste", "Trentino-Alto Adige/Südtirol" */
	const char *slash = memchr(name, '/', n);
	if (slash)
		return wf_region_by_name(name, (size_t)(slash - name));
	return NULL;
}

/* ---- comuni ---- */

typedef struct comune {
	wf_comune pub;
	char *code, *name, *sigla, *region, *cadastral;
	double slat, slon;
	int ncoord;
	int in_current; /* listed by a list of current comuni */
} comune;

typedef struct capent {
	double slat, slon;
	int ncoord;
	int ncomuni, last_comune;
} capent;

/* Name index entry list: the comuni a folded name designates. */
typedef struct hits {
	int *ci;
	unsigned char *via;
	size_t n, cap;
} hits;

typedef struct histrow {
	char *cat, *sigla, *name;
	int active;
} histrow;

struct wf_places {
	comune *c;
	size_t nc, capc;
	capent *cap;
	size_t ncap, capcap;
	wf_map *by_code;      /* ISTAT code -> comune index (integer map) */
	wf_map *by_cat;       /* cadastral code -> comune index (integer map) */
	wf_map *by_cap;       /* CAP -> capent index (integer map) */
	wf_map *names;        /* folded name -> hits */
	wf_map *prov_names;   /* folded province name -> const wf_province * */
	histrow *hist;
	size_t nhist, caphist;
	int have_current;     /* a list of current comuni was loaded */
	int dirty;            /* history not linked yet */
	/* the file being fed */
	int layout;
	int col_name, col_code, col_sigla, col_cat, col_cap, col_lat, col_lon;
	int col_region, col_region_name, col_prov_name, col_active;
};


wf_places *wf_places_new(void)
{
	wf_places *p = wf_xcalloc(1, sizeof *p);

	p->by_code = wf_map_new();
	p->by_cat = wf_map_new();
	p->by_cap = wf_map_new();
	p->names = wf_map_new();
	p->prov_names = wf_map_new();
	return p;
}

void wf_places_free(wf_places *p)
{
	void *v;

	if (!p)
		return;
	for (size_t i = 0; i < p->nc; i++) {
		free(p->c[i].code);
		free(p->c[i].name);
		free(p->c[i].sigla);
		free(p->c[i].region);
		free(p->c[i].cadastral);
	}
	for (size_t i = 0; i < wf_map_count(p->names); i++) {
		wf_map_key_at(p->names, i, &v);
		hits *h = v;
		free(h->ci);
		free(h->via);
		free(h);
	}
	for (size_t i = 0; i < p->nhist; i++) {
		free(p->hist[i].cat);
		free(p->hist[i].sigla);
		free(p->hist[i].name);
	}
	free(p->hist);
	free(p->c);
	free(p->cap);
	wf_map_free(p->by_code);
	wf_map_free(p->by_cat);
	wf_map_free(p->by_cap);
	wf_map_free(p->names);
	wf_map_free(p->prov_names);
	free(p);
}

const char *wf_places_layout_name(int layout)
{
	switch (layout) {
	case WF_PLACES_GEOCODED: return "geocoded comuni list";
	case WF_PLACES_ISTAT: return "ISTAT comuni list";
	case WF_PLACES_CURRENT: return "current comuni list";
	case WF_PLACES_HISTORY: return "comuni name history";
	case WF_PLACES_RGS: return "RGS cadastral list";
	}
	return "unknown";
}

static void index_one(wf_places *p, const char *folded, int ci, int via)
{
	void **slot;
	hits *h;

	if (!folded[0])
		return;
	slot = wf_map_slot(p->names, folded, strlen(folded));
	if (!*slot)
		*slot = wf_xcalloc(1, sizeof(hits));
	h = *slot;
	for (size_t i = 0; i < h->n; i++)
		if (h->ci[i] == ci) {
			if (via < h->via[i])
				h->via[i] = (unsigned char)via;
			return;
		}
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 2;
		h->ci = wf_xrealloc(h->ci, h->cap * sizeof *h->ci);
		h->via = wf_xrealloc(h->via, h->cap);
	}
	h->ci[h->n] = ci;
	h->via[h->n++] = (unsigned char)via;
}

/* Prefixes the German and French halves of bilingual names carry in
 * institution names ("CHIENES - GEMEINDE KIENS"). */
static const char *const part_prefix[] = {
	"GEMEINDE", "MARKTGEMEINDE", "STADTGEMEINDE", "COMMUNE DE", "COMUNE DI", NULL
};

/* Call fn on each part of a bilingual name: split at '/' and at " - "
 * (a dash between spaces; "Uggiate-Trevano" is one name). */
static void each_part(const char *s, void (*fn)(const char *, size_t, void *), void *ctx)
{
	const char *start = s, *p = s;
	int parts = 0;

	for (;; p++) {
		int cut = *p == '\0' || *p == '/' ||
			  (*p == '-' && p > s && p[-1] == ' ' && p[1] == ' ');
		if (!cut)
			continue;
		if (*p == '\0' && parts == 0)
			return; /* one part: the whole name, indexed already */
		const char *a = start, *b = p;
		while (a < b && *a == ' ')
			a++;
		for (const char *const *pre = part_prefix; *pre; pre++) {
			size_t l = strlen(*pre);
			if ((size_t)(b - a) > l && strncasecmp(a, *pre, l) == 0 && a[l] == ' ')
				a += l + 1;
		}
		fn(a, (size_t)(b - a), ctx);
		parts++;
		if (*p == '\0')
			return;
		start = p + 1;
	}
}

struct part_ctx { wf_places *p; int ci; };

static void index_part(const char *s, size_t n, void *ctx)
{
	struct part_ctx *pc = ctx;
	char f[256];

	wf_places_fold(s, n, f, sizeof f);
	index_one(pc->p, f, pc->ci, WF_NAME_PART);
}

static void index_name(wf_places *p, int ci, const char *name, int via)
{
	char f[256];
	struct part_ctx pc = { p, ci };

	fold_z(name, f, sizeof f);
	index_one(p, f, ci, via);
	if (via == WF_NAME_WHOLE)
		each_part(name, index_part, &pc);
}

static int new_comune(wf_places *p, const char *code, const char *name, const char *sigla,
		      const char *region, const char *cat)
{
	comune *c;

	if (p->nc == p->capc) {
		p->capc = p->capc ? p->capc * 2 : 1024;
		p->c = wf_xrealloc(p->c, p->capc * sizeof *p->c);
	}
	c = &p->c[p->nc];
	memset(c, 0, sizeof *c);
	c->code = wf_xstrdup(code);
	c->name = wf_xstrdup(name);
	c->sigla = wf_xstrdup(sigla);
	c->region = wf_xstrdup(region);
	c->cadastral = wf_xstrdup(cat);
	if (code[0])
		*wf_map_islot(p->by_code, code, strlen(code), -1) = (intptr_t)p->nc;
	if (cat[0]) {
		intptr_t *s = wf_map_islot(p->by_cat, cat, strlen(cat), -1);
		if (*s < 0)
			*s = (intptr_t)p->nc;
	}
	return (int)p->nc++;
}

const wf_comune *wf_places_comune(wf_places *p, int i)
{
	comune *c = &p->c[i];

	c->pub.code = c->code;
	c->pub.name = c->name;
	c->pub.sigla = c->sigla;
	c->pub.region = c->region;
	c->pub.cadastral = c->cadastral;
	c->pub.current = p->have_current ? c->in_current : 1;
	return &c->pub;
}

/* ---- reading lists ---- */

/* Digits only, left-padded with zeros to width (spreadsheets drop them). */
static int norm_digits(const char *s, int width, char *out)
{
	char t[32];
	size_t n;

	n = wf_trim_copy(s, t, sizeof t);
	if (n == 0 || n > (size_t)width)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)t[i]))
			return -1;
	memset(out, '0', (size_t)width - n);
	memcpy(out + width - n, t, n + 1);
	return 0;
}

static void upper_copy(const char *s, char *out, size_t outsz)
{
	wf_trim_copy(s, out, outsz);
	for (char *c = out; *c; c++)
		*c = (char)toupper((unsigned char)*c);
}

/* A cadastral code: a letter and three digits (H501). */
static int is_cadastral(const char *s)
{
	return strlen(s) == 4 && isalpha((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	       isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]);
}

int wf_places_coord(const char *s, double *v)
{
	char t[64], *end;

	if (!s)
		return -1;
	wf_trim_copy(s, t, sizeof t);
	if (!t[0])
		return -1;
	if (!strchr(t, '.')) {
		char *c = strchr(t, ',');
		if (c && !strchr(c + 1, ','))
			*c = '.';
	}
	if (!wf_is_plain_decimal(t))
		return -1;
	errno = 0;
	*v = strtod(t, &end);
	if (errno || *end || !isfinite(*v))
		return -1;
	return 0;
}

/* Header names folded (the ISTAT file breaks some over two lines). */
static int find_col(const char *const *names, size_t n, const char *want)
{
	char a[256], w[256];

	fold_z(want, w, sizeof w);
	for (size_t i = 0; i < n; i++) {
		fold_z(names[i] ? names[i] : "", a, sizeof a);
		if (strcmp(a, w) == 0)
			return (int)i;
	}
	return -1;
}

int wf_places_header(wf_places *p, const char *const *names, size_t n,
		     char *err, size_t errsz)
{
	p->col_cap = p->col_lat = p->col_lon = p->col_cat = p->col_active = -1;
	p->col_region = p->col_region_name = p->col_prov_name = -1;
	p->col_name = find_col(names, n, "nome");
	p->col_code = find_col(names, n, "codiceComune");
	p->col_sigla = find_col(names, n, "sigla");
	p->col_cat = find_col(names, n, "codiceCatastale");
	p->col_region = find_col(names, n, "codiceRegione");
	p->col_region_name = find_col(names, n, "nomeRegione");
	p->col_prov_name = find_col(names, n, "nomeProvincia");
	if (p->col_name >= 0 && p->col_code >= 0 && p->col_sigla >= 0) {
		p->col_cap = find_col(names, n, "cap");
		p->col_lat = find_col(names, n, "latitudine");
		p->col_lon = find_col(names, n, "longitudine");
		if (p->col_lat >= 0 && p->col_lon >= 0)
			return p->layout = WF_PLACES_GEOCODED;
		if (p->col_region_name < 0)
			p->col_region_name = find_col(names, n, "regione");
		p->have_current = 1;
		return p->layout = WF_PLACES_CURRENT;
	}
	if (p->col_name >= 0 && p->col_cat >= 0 && p->col_sigla >= 0 &&
	    (p->col_active = find_col(names, n, "attivo")) >= 0) {
		p->col_code = -1;
		return p->layout = WF_PLACES_HISTORY;
	}
	p->col_cat = find_col(names, n, "CODI_CATASTALE");
	p->col_name = find_col(names, n, "DESC_CODICE_CATASTALE");
	p->col_sigla = find_col(names, n, "CODI_PROVINCIA");
	if (p->col_cat >= 0 && p->col_name >= 0 && p->col_sigla >= 0) {
		p->col_code = -1;
		p->col_prov_name = find_col(names, n, "DESC_PROVINCIA");
		p->col_region_name = find_col(names, n, "DESC_REGIONE");
		return p->layout = WF_PLACES_RGS;
	}
	p->col_name = find_col(names, n, "Denominazione in italiano");
	p->col_code = find_col(names, n, "Codice Comune formato alfanumerico");
	p->col_sigla = find_col(names, n, "Sigla automobilistica");
	p->col_cat = find_col(names, n, "Codice Catastale del comune");
	p->col_region = find_col(names, n, "Codice Regione");
	p->col_region_name = find_col(names, n, "Denominazione Regione");
	p->col_prov_name = find_col(names, n, "Denominazione dell'Unita territoriale sovracomunale (valida a fini statistici)");
	if (p->col_name >= 0 && p->col_code >= 0 && p->col_sigla >= 0) {
		p->have_current = 1;
		return p->layout = WF_PLACES_ISTAT;
	}
	p->layout = 0;
	wf_setmsg(err, errsz, "not a comuni list: expected the columns nome, codiceComune, sigla, latitudine, longitudine "
	       "(geocoded list), codiceComune, nome, sigla (ISTAT list), codiceCatastale, sigla, nome, attivo "
	       "(name history) or 'Codice Comune formato alfanumerico', 'Denominazione in italiano', "
	       "'Sigla automobilistica' (ISTAT list)");
	return -1;
}

static const char *field(const char *const *f, size_t n, int col)
{
	return col >= 0 && (size_t)col < n && f[col] ? f[col] : "";
}

void wf_places_add_province_name(wf_places *p, const char *name, const char *sigla)
{
	const wf_province *pr = wf_province_by_sigla(sigla);
	char f[128];

	if (!pr)
		return;
	fold_z(name, f, sizeof f);
	if (f[0]) {
		void **s = wf_map_slot(p->prov_names, f, strlen(f));
		if (!*s)
			*s = (void *)pr;
	}
}

static int add_history(wf_places *p, const char *const *f, size_t n, char *err, size_t errsz)
{
	char cat[16], sigla[8], name[256];
	histrow *h;

	upper_copy(field(f, n, p->col_cat), cat, sizeof cat);
	upper_copy(field(f, n, p->col_sigla), sigla, sizeof sigla);
	wf_trim_copy(field(f, n, p->col_name), name, sizeof name);
	if (!is_cadastral(cat)) {
		wf_setmsg(err, errsz, "cadastral code '%s' is not a letter and three digits",
			  field(f, n, p->col_cat));
		return -1;
	}
	if (strlen(sigla) != 2 || !name[0]) {
		wf_setmsg(err, errsz, "%s", !name[0] ? "empty comune name" : "province sigla is not 2 letters");
		return -1;
	}
	if (strcmp(sigla, "EE") == 0)
		return 0; /* a foreign state, not a comune */
	if (p->nhist == p->caphist) {
		p->caphist = p->caphist ? p->caphist * 2 : 1024;
		p->hist = wf_xrealloc(p->hist, p->caphist * sizeof *p->hist);
	}
	h = &p->hist[p->nhist++];
	h->cat = wf_xstrdup(cat);
	h->sigla = wf_xstrdup(sigla);
	h->name = wf_xstrdup(name);
	h->active = strcmp(wf_is_blank(field(f, n, p->col_active)) ? "" : field(f, n, p->col_active), "1") == 0;
	p->dirty = 1;
	return 0;
}

int wf_places_add(wf_places *p, const char *const *f, size_t n,
		  char *err, size_t errsz)
{
	char code[8], sigla[8], cap[8], name[256], cat[16], region[8] = "";
	double lat = 0, lon = 0;
	int has_coord = 0, ci;
	intptr_t *slot;

	if (!p->layout) {
		wf_setmsg(err, errsz, "no header");
		return -1;
	}
	if (p->layout == WF_PLACES_HISTORY)
		return add_history(p, f, n, err, errsz);
	wf_trim_copy(field(f, n, p->col_name), name, sizeof name);
	if (!name[0]) {
		wf_setmsg(err, errsz, "empty comune name");
		return -1;
	}
	if (p->layout == WF_PLACES_RGS)
		code[0] = '\0';
	else if (norm_digits(field(f, n, p->col_code), 6, code) < 0) {
		wf_setmsg(err, errsz, "ISTAT code '%s' is not 6 digits", field(f, n, p->col_code));
		return -1;
	}
	upper_copy(field(f, n, p->col_sigla), sigla, sizeof sigla);
	if (strlen(sigla) != 2) {
		wf_setmsg(err, errsz, "province sigla '%s' is not 2 letters", field(f, n, p->col_sigla));
		return -1;
	}
	cap[0] = '\0';
	if (p->col_cap >= 0 && !wf_is_blank(field(f, n, p->col_cap)) &&
	    norm_digits(field(f, n, p->col_cap), 5, cap) < 0) {
		wf_setmsg(err, errsz, "CAP '%s' is not 5 digits", field(f, n, p->col_cap));
		return -1;
	}
	cat[0] = '\0';
	if (p->col_cat >= 0 && !wf_is_blank(field(f, n, p->col_cat))) {
		upper_copy(field(f, n, p->col_cat), cat, sizeof cat);
		if (!is_cadastral(cat)) {
			wf_setmsg(err, errsz, "cadastral code '%s' is not a letter and three digits",
				  field(f, n, p->col_cat));
			return -1;
		}
	}
	if (p->layout == WF_PLACES_GEOCODED) {
		const char *a = field(f, n, p->col_lat), *b = field(f, n, p->col_lon);

		if (!wf_is_blank(a) || !wf_is_blank(b)) {
			if (wf_places_coord(a, &lat) < 0 || wf_places_coord(b, &lon) < 0 ||
			    !wf_geo_valid(lat, lon)) {
				wf_setmsg(err, errsz, "bad coordinates '%s', '%s'", a, b);
				return -1;
			}
			has_coord = 1;
		}
	}
	if (!wf_is_blank(field(f, n, p->col_region)))
		norm_digits(field(f, n, p->col_region), 2, region);
	if (!region[0] && p->col_region_name >= 0) {
		const char *nm = field(f, n, p->col_region_name);
		const char *r = wf_region_by_name(nm, strlen(nm));
		if (r)
			snprintf(region, sizeof region, "%s", r);
	}
	if (!region[0]) {
		const wf_province *pr = wf_province_by_sigla(sigla);
		if (pr)
			snprintf(region, sizeof region, "%s", pr->region);
	}
	if (p->col_prov_name >= 0)
		wf_places_add_province_name(p, field(f, n, p->col_prov_name), sigla);
	if (p->layout == WF_PLACES_RGS) {
		if (!cat[0]) {
			wf_setmsg(err, errsz, "empty cadastral code");
			return -1;
		}
		slot = wf_map_islot(p->by_cat, cat, strlen(cat), -1);
	} else {
		slot = wf_map_islot(p->by_code, code, strlen(code), -1);
	}
	if (*slot < 0) {
		ci = new_comune(p, code, name, sigla, region, cat);
		index_name(p, ci, name, WF_NAME_WHOLE);
	} else {
		ci = (int)*slot;
		/* Another list may spell it otherwise (Chienes/Kiens): that
		 * spelling answers too; the first list's stays the name. */
		index_name(p, ci, name, WF_NAME_WHOLE);
		if (cat[0] && !p->c[ci].cadastral[0]) {
			free(p->c[ci].cadastral);
			p->c[ci].cadastral = wf_xstrdup(cat);
		}
		if (cat[0]) {
			intptr_t *s = wf_map_islot(p->by_cat, cat, strlen(cat), -1);
			if (*s < 0)
				*s = ci;
		}
	}
	if (p->layout == WF_PLACES_CURRENT || p->layout == WF_PLACES_ISTAT)
		p->c[ci].in_current = 1;
	/* RGS tells homonyms apart by appending a sigla: its own ("SAMONE
	 * TO") or one of its region it had once ("SAN TEODORO NU", now SS;
	 * "PEGLIO PS", Pesaro). "VILLANOVA SUL PO" keeps its river. */
	size_t nl = strlen(name);
	if (p->layout == WF_PLACES_RGS && nl > 3 && name[nl - 3] == ' ') {
		const wf_province *suf = wf_province_by_sigla(name + nl - 2);
		const wf_province *own = wf_province_by_sigla(sigla);
		if (suf && own && strcmp(suf->region, own->region) == 0) {
			name[nl - 3] = '\0';
			index_name(p, ci, name, WF_NAME_WHOLE);
		}
	}
	if (has_coord) {
		p->c[ci].slat += lat;
		p->c[ci].slon += lon;
		p->c[ci].ncoord++;
	}
	if (cap[0]) {
		intptr_t *cs = wf_map_islot(p->by_cap, cap, strlen(cap), -1);
		capent *ce;

		if (*cs < 0) {
			if (p->ncap == p->capcap) {
				p->capcap = p->capcap ? p->capcap * 2 : 1024;
				p->cap = wf_xrealloc(p->cap, p->capcap * sizeof *p->cap);
			}
			memset(&p->cap[p->ncap], 0, sizeof p->cap[p->ncap]);
			p->cap[p->ncap].last_comune = -1;
			*cs = (intptr_t)p->ncap++;
		}
		ce = &p->cap[*cs];
		if (ce->last_comune != ci) {
			ce->ncomuni++;
			ce->last_comune = ci;
		}
		if (has_coord) {
			ce->slat += lat;
			ce->slon += lon;
			ce->ncoord++;
		}
	}
	p->dirty = 1;
	return 0;
}

/* The comune a name and province designate among the whole names
 * (the history's current names are matched this way), or -1. */
static int by_name_sigla(wf_places *p, const char *name, const char *sigla)
{
	char f[256];
	hits *h;
	int found = -1;

	fold_z(name, f, sizeof f);
	h = wf_map_get(p->names, f, strlen(f));
	for (size_t i = 0; h && i < h->n; i++) {
		comune *c = &p->c[h->ci[i]];
		if (h->via[i] != WF_NAME_WHOLE || strcmp(c->sigla, sigla) != 0 || !c->code[0])
			continue;
		/* A current comune wins over an older one of the same name. */
		if (found < 0 || (c->in_current && !p->c[found].in_current))
			found = h->ci[i];
	}
	return found;
}

/* Link the name history to the comuni: a current name gives its comune
 * the cadastral code (M436 = Sovizzo 024128, which the geocoded list
 * predates); a former name of a known code becomes a name of that
 * comune (ORTONOVO = Luni); a suppressed comune no list knows becomes
 * a comune without an ISTAT code, found by its former name only. */
static void link_history(wf_places *p)
{
	if (!p->dirty)
		return;
	p->dirty = 0;
	for (size_t i = 0; i < p->nhist; i++) {
		histrow *h = &p->hist[i];
		if (!h->active)
			continue;
		int ci = by_name_sigla(p, h->name, h->sigla);
		if (ci < 0)
			continue;
		intptr_t *s = wf_map_islot(p->by_cat, h->cat, strlen(h->cat), -1);
		/* The newest comune of that name takes the current code. */
		if (*s < 0 || (p->c[ci].in_current && !p->c[*s].in_current))
			*s = ci;
		if (!p->c[ci].cadastral[0]) {
			free(p->c[ci].cadastral);
			p->c[ci].cadastral = wf_xstrdup(h->cat);
		}
	}
	for (size_t i = 0; i < p->nhist; i++) {
		histrow *h = &p->hist[i];
		intptr_t v = wf_map_iget(p->by_cat, h->cat, strlen(h->cat), -1);
		int ci;

		if (h->active && v >= 0)
			continue;
		if (v >= 0) {
			ci = (int)v;
		} else {
			const wf_province *pr = wf_province_by_sigla(h->sigla);
			ci = new_comune(p, "", h->name, h->sigla, pr ? pr->region : "", h->cat);
		}
		index_name(p, ci, h->name, WF_NAME_FORMER);
	}
}

size_t wf_places_count(wf_places *p, size_t *with_coords)
{
	size_t w = 0, n = 0;

	for (size_t i = 0; i < p->nc; i++) {
		if (!p->c[i].code[0])
			continue;
		n++;
		w += p->c[i].ncoord > 0;
	}
	if (with_coords)
		*with_coords = w;
	return n;
}

void wf_places_prepare(wf_places *p)
{
	link_history(p);
}

int wf_places_by_code(wf_places *p, const char *istat6)
{
	return (int)wf_map_iget(p->by_code, istat6, strlen(istat6), -1);
}

int wf_places_by_cadastral(wf_places *p, const char *code)
{
	char c[16];

	link_history(p);
	upper_copy(code, c, sizeof c);
	return (int)wf_map_iget(p->by_cat, c, strlen(c), -1);
}

struct find_ctx {
	wf_places *p;
	const char *sigla;
	int *out;
	size_t max, k;
	enum wf_name_via via;
};

static void find_part(const char *s, size_t n, void *ctx)
{
	struct find_ctx *fc = ctx;
	enum wf_name_via via;
	size_t k;

	if (fc->k)
		return; /* the first part that names a comune decides */
	k = wf_places_find(fc->p, s, n, fc->sigla, fc->out, fc->max, &via);
	if (k && via != WF_NAME_FORMER)
		fc->k = k;
}

size_t wf_places_find(wf_places *p, const char *name, size_t n, const char *sigla,
		      int *out, size_t max, enum wf_name_via *via)
{
	char f[256];
	hits *h;
	size_t k = 0;
	int best = 0;

	link_history(p);
	*via = WF_NAME_NONE;
	wf_places_fold(name, n, f, sizeof f);
	h = f[0] ? wf_map_get(p->names, f, strlen(f)) : NULL;
	if (!h) {
		/* "CHIENES - GEMEINDE KIENS": each part of a bilingual name. */
		char t[256];
		struct find_ctx fc = { p, sigla, out, max, 0, WF_NAME_NONE };
		size_t l = n < sizeof t ? n : sizeof t - 1;
		memcpy(t, name, l);
		t[l] = '\0';
		if (memchr(t, '/', l) || strstr(t, " - "))
			each_part(t, find_part, &fc);
		if (fc.k)
			*via = WF_NAME_PART;
		return fc.k;
	}
	for (size_t i = 0; i < h->n; i++)
		if ((!sigla || !sigla[0] || strcmp(p->c[h->ci[i]].sigla, sigla) == 0) &&
		    (!best || h->via[i] < best))
			best = h->via[i];
	for (size_t i = 0; i < h->n; i++) {
		if (h->via[i] != best || (sigla && sigla[0] && strcmp(p->c[h->ci[i]].sigla, sigla) != 0))
			continue;
		if (k < max)
			out[k] = h->ci[i];
		k++;
	}
	if (k)
		*via = (enum wf_name_via)best;
	/* Same name, same province, one current and older ones: the
	 * current one alone. */
	if (k > 1 && k <= max) {
		size_t m = 0;
		for (size_t i = 0; i < k; i++) {
			int dup = 0;
			for (size_t j = 0; j < k; j++)
				if (j != i && strcmp(p->c[out[j]].sigla, p->c[out[i]].sigla) == 0 &&
				    p->c[out[j]].in_current && !p->c[out[i]].in_current)
					dup = 1;
			if (!dup)
				out[m++] = out[i];
		}
		k = m;
	}
	return k;
}

/* Levenshtein distance of two short strings, capped at cap+1. */
static int edit_distance(const char *a, const char *b, int cap)
{
	size_t la = strlen(a), lb = strlen(b);
	int row[128];

	if (la >= 127 || lb >= 127)
		return cap + 1;
	if ((int)(la > lb ? la - lb : lb - la) > cap)
		return cap + 1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int prev = row[0], lo;
		row[0] = (int)i;
		lo = row[0];
		for (size_t j = 1; j <= lb; j++) {
			int t = row[j];
			int d = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < d)
				d = row[j] + 1;
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			row[j] = d;
			prev = t;
			if (d < lo)
				lo = d;
		}
		if (lo > cap)
			return cap + 1;
	}
	return row[lb];
}

int wf_places_suggest(wf_places *p, const char *name, char *buf, size_t bufsz)
{
	char f[256];
	int best = -1, bd = 3, cap;

	link_history(p);
	fold_z(name, f, sizeof f);
	if (strlen(f) < 4)
		return -1;
	cap = strlen(f) < 8 ? 1 : 2;
	if (bd > cap + 1)
		bd = cap + 1;
	for (size_t i = 0; i < wf_map_count(p->names); i++) {
		void *v;
		const char *k = wf_map_key_at(p->names, i, &v);
		hits *h = v;
		int d = edit_distance(f, k, cap);
		if (d > cap || d >= bd)
			continue;
		for (size_t j = 0; j < h->n; j++)
			if (h->via[j] == WF_NAME_WHOLE && p->c[h->ci[j]].code[0]) {
				best = h->ci[j];
				bd = d;
				break;
			}
	}
	if (best < 0)
		return -1;
	snprintf(buf, bufsz, "%s (%s)", p->c[best].name, p->c[best].sigla);
	return 0;
}

/* Words of a folded-by-word name, for the predecessor rule. */
static size_t words(const char *s, char w[][64], size_t max)
{
	size_t n = 0;
	const char *p = s;

	while (*p && n < max) {
		const char *b;
		while (*p && !isalpha((unsigned char)*p) && (unsigned char)*p < 0x80)
			p++;
		b = p;
		while (*p && (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80))
			p++;
		if (p > b) {
			wf_places_fold(b, (size_t)(p - b), w[n], 64);
			/* Linking words and saints' titles name no place. */
			if (strlen(w[n]) >= 4 && strcmp(w[n], "SANTO") != 0 && strcmp(w[n], "SANTA") != 0 &&
			    strcmp(w[n], "DELLA") != 0 && strcmp(w[n], "DELLE") != 0 && strcmp(w[n], "DEGLI") != 0)
				n++;
		}
	}
	return n;
}

int wf_places_point(wf_places *p, int i, double *lat, double *lon,
		    char *from, size_t fromsz, char *why, size_t whysz)
{
	comune *c = &p->c[i];
	char w[8][64], v[8][64];
	size_t nw, k = 0, used = 0;
	double sl = 0, so = 0;

	if (from && fromsz)
		from[0] = '\0';
	if (c->ncoord) {
		*lat = c->slat / c->ncoord;
		*lon = c->slon / c->ncoord;
		return 0;
	}
	/* Born from a merger after the geocoded list was made: its
	 * predecessors are the comuni of its province no longer current
	 * that share a word of its name (Uggiate con Ronago: Ronago and
	 * Uggiate-Trevano; Sovizzo: the former Sovizzo). */
	nw = p->have_current ? words(c->name, w, 8) : 0;
	for (size_t j = 0; j < p->nc && nw; j++) {
		comune *o = &p->c[j];
		int share = 0;
		if (o->in_current || !o->ncoord || strcmp(o->sigla, c->sigla) != 0)
			continue;
		size_t nv = words(o->name, v, 8);
		for (size_t a = 0; a < nw && !share; a++)
			for (size_t b = 0; b < nv && !share; b++)
				share = strcmp(w[a], v[b]) == 0;
		if (!share)
			continue;
		sl += o->slat / o->ncoord;
		so += o->slon / o->ncoord;
		k++;
		if (from && used + strlen(o->name) + 3 < fromsz)
			used += (size_t)snprintf(from + used, fromsz - used, "%s%s", used ? ", " : "", o->name);
	}
	if (k) {
		*lat = sl / (double)k;
		*lon = so / (double)k;
		return 0;
	}
	wf_setmsg(why, whysz, "comune '%s (%s)' has no coordinates in the places list "
		  "(the ISTAT list has none: add a geocoded list or give lat/lon)", c->name, c->sigla);
	return -1;
}

const wf_province *wf_places_province_by_name(wf_places *p, const char *name, size_t n)
{
	char f[128], g[128];

	wf_places_fold(name, n, f, sizeof f);
	if (!f[0])
		return NULL;
	for (size_t i = 0; i < NPROV; i++) {
		fold_z(provinces[i].name, g, sizeof g);
		if (strcmp(f, g) == 0)
			return &provinces[i];
	}
	return p ? wf_map_get(p->prov_names, f, strlen(f)) : NULL;
}

/* ---- loading a file ---- */

int wf_places_load(wf_places *p, const char *path, const wf_run *run)
{
	/* -d, --input-format and --encoding describe the inputs; a comuni
	 * list is an auxiliary file (wf_aux.h): its dialect is its own. */
	wf_reader_opts ao = wf_aux_opts(&run->ropts);
	wf_reader *r;
	const wf_row *h;
	wf_row row;
	char err[600];
	int rc, ret = 0, layout;
	size_t before = p->nc, hbefore = p->nhist;

	if (!(r = wf_aux_open(path, &run->ropts)))
		return -1;
	h = wf_reader_header(r);
	if ((layout = wf_places_header(p, h->f, h->n, err, sizeof err)) < 0) {
		ret = wf_warn("%s: %s", wf_reader_name(r), err);
		goto out;
	}
	while ((rc = wf_reader_next(r, &row)) != WF_ROW_EOF) {
		if (rc == WF_ROW_FATAL) {
			ret = wf_warn("%s: %s", wf_reader_name(r), wf_reader_reason(r));
			goto out;
		}
		if (rc == WF_ROW_BAD) {
			ret = wf_warn_at(wf_reader_name(r), row.line, "%s", wf_reader_reason(r));
			goto out;
		}
		if (wf_places_add(p, row.f, row.n, err, sizeof err) < 0) {
			ret = wf_warn_at(wf_reader_name(r), row.line, "%s", err);
			goto out;
		}
	}
	wf_run_dialect(run, r, &ao);
	if (run->verbose) {
		if (layout == WF_PLACES_HISTORY)
			fprintf(stderr, "%s: %s: %s, %zu names\n", wf_progname, wf_reader_name(r),
				wf_places_layout_name(layout), p->nhist - hbefore);
		else
			fprintf(stderr, "%s: %s: %s, %zu comuni new to the lists\n", wf_progname,
				wf_reader_name(r), wf_places_layout_name(layout), p->nc - before);
	}
out:
	p->layout = 0;
	wf_reader_free(r);
	return ret;
}

/* ---- locations ---- */

static int no_places(const wf_places *p)
{
	return !p || (p->nc == 0 && p->nhist == 0);
}

static int point_of(wf_places *p, int ci, double *lat, double *lon, char *how, size_t howsz,
		    char *why, size_t whysz)
{
	char from[256];

	if (wf_places_point(p, ci, lat, lon, from, sizeof from, why, whysz) < 0)
		return -1;
	if (from[0])
		wf_setmsg(how, howsz, "%s (%s) %s is newer than the geocoded list: placed at its predecessors %s",
			  p->c[ci].name, p->c[ci].sigla, p->c[ci].code, from);
	return 0;
}

static int code_out(wf_places *p, int ci, const wf_placeq *q)
{
	if (q->comune_out)
		snprintf(q->comune_out, 7, "%.6s", p->c[ci].code);
	return 0;
}

int wf_places_resolve(wf_places *p, const wf_placeq *q, double *lat, double *lon,
		      char *how, size_t howsz, char *why, size_t whysz)
{
	char t[256];
	int ci;

	if (how && howsz)
		how[0] = '\0';
	if (q->comune_out)
		q->comune_out[0] = '\0';
	if (!wf_is_blank(q->lat) || !wf_is_blank(q->lon)) {
		if (wf_is_blank(q->lat) || wf_is_blank(q->lon)) {
			wf_setmsg(why, whysz, "%s given without %s", wf_is_blank(q->lat) ? "lon" : "lat",
			       wf_is_blank(q->lat) ? "lat" : "lon");
			return -1;
		}
		if (wf_places_coord(q->lat, lat) < 0) {
			wf_setmsg(why, whysz, "latitude '%s' is not a number", q->lat);
			return -1;
		}
		if (wf_places_coord(q->lon, lon) < 0) {
			wf_setmsg(why, whysz, "longitude '%s' is not a number", q->lon);
			return -1;
		}
		if (!wf_geo_valid(*lat, *lon)) {
			wf_setmsg(why, whysz, "coordinates '%s', '%s' are out of range", q->lat, q->lon);
			return -1;
		}
		return 0;
	}
	if (!wf_is_blank(q->code)) {
		char code[8];

		wf_trim_copy(q->code, t, sizeof t);
		if (norm_digits(t, 6, code) < 0) {
			/* A cadastral code (e.g. D062) is accepted in the same column. */
			upper_copy(t, code, sizeof code);
			if (!is_cadastral(code)) {
				wf_setmsg(why, whysz, "ISTAT code '%s' is not 6 digits", t);
				return -1;
			}
			if (no_places(p)) {
				wf_setmsg(why, whysz, "cadastral code '%s' needs a comuni list (--places)", t);
				return -1;
			}
			ci = wf_places_by_cadastral(p, code);
			if (ci < 0) {
				wf_setmsg(why, whysz, "cadastral code '%s' is not in the places list", t);
				return -1;
			}
			return point_of(p, ci, lat, lon, how, howsz, why, whysz) < 0 ? -1 : code_out(p, ci, q);
		}
		if (no_places(p)) {
			wf_setmsg(why, whysz, "ISTAT code '%s' needs a comuni list (--places)", t);
			return -1;
		}
		link_history(p);
		ci = wf_places_by_code(p, code);
		if (ci < 0) {
			wf_setmsg(why, whysz, "ISTAT code '%s' is not in the places list", t);
			return -1;
		}
		return point_of(p, ci, lat, lon, how, howsz, why, whysz) < 0 ? -1 : code_out(p, ci, q);
	}
	if (!wf_is_blank(q->cap)) {
		char cap[8];

		wf_trim_copy(q->cap, t, sizeof t);
		if (norm_digits(t, 5, cap) < 0) {
			wf_setmsg(why, whysz, "CAP '%s' is not 5 digits", t);
			return -1;
		}
		if (no_places(p)) {
			wf_setmsg(why, whysz, "CAP '%s' needs a comuni list (--places)", t);
			return -1;
		}
		intptr_t k = wf_map_iget(p->by_cap, cap, strlen(cap), -1);
		if (k < 0) {
			wf_setmsg(why, whysz, "CAP '%s' is not in the places list", cap);
			return -1;
		}
		capent *ce = &p->cap[k];
		if (!ce->ncoord) {
			wf_setmsg(why, whysz, "CAP '%s' has no coordinates in the places list", cap);
			return -1;
		}
		*lat = ce->slat / ce->ncoord;
		*lon = ce->slon / ce->ncoord;
		return 0;
	}
	if (!wf_is_blank(q->name)) {
		char name[256], sigla[8] = "", sugg[300];
		int found[8];
		size_t len, k;
		enum wf_name_via via;

		len = wf_trim_copy(q->name, name, sizeof name);
		/* "Cortemilia (CN)" */
		if (len > 5 && name[len - 1] == ')' && name[len - 4] == '(' &&
		    isalpha((unsigned char)name[len - 3]) && isalpha((unsigned char)name[len - 2])) {
			sigla[0] = (char)toupper((unsigned char)name[len - 3]);
			sigla[1] = (char)toupper((unsigned char)name[len - 2]);
			sigla[2] = '\0';
			name[len - 4] = '\0';
			wf_trim_copy(name, name, sizeof name);
		}
		if (!sigla[0] && !wf_is_blank(q->province))
			upper_copy(q->province, sigla, sizeof sigla);
		if (no_places(p)) {
			wf_setmsg(why, whysz, "comune '%s' needs a comuni list (--places)", q->name);
			return -1;
		}
		k = wf_places_find(p, name, strlen(name), sigla, found, 8, &via);
		if (k == 0) {
			char label[300];
			if (sigla[0])
				snprintf(label, sizeof label, "comune '%s (%s)'", name, sigla);
			else
				snprintf(label, sizeof label, "comune '%s'", name);
			if (wf_places_suggest(p, name, sugg, sizeof sugg) == 0)
				wf_setmsg(why, whysz, "%s is not in the places list: did you mean %s?", label, sugg);
			else
				wf_setmsg(why, whysz, "%s is not in the places list", label);
			return -1;
		}
		if (k > 1) {
			if (sigla[0])
				wf_setmsg(why, whysz, "comune '%s (%s)' is ambiguous in the places list", name, sigla);
			else
				wf_setmsg(why, whysz, "comune '%s' is ambiguous: several provinces have one, add the province", name);
			return -1;
		}
		ci = found[0];
		if (via == WF_NAME_FORMER && p->c[ci].code[0])
			wf_setmsg(how, howsz, "'%s' is a former name of %s (%s) %s", name, p->c[ci].name,
				  p->c[ci].sigla, p->c[ci].code);
		if (!p->c[ci].code[0] && !p->c[ci].ncoord) {
			wf_setmsg(why, whysz, "comune '%s (%s)' no longer exists and no list gives its place",
				  p->c[ci].name, p->c[ci].sigla);
			return -1;
		}
		char h2[512] = "";
		if (point_of(p, ci, lat, lon, h2, sizeof h2, why, whysz) < 0)
			return -1;
		if (h2[0])
			wf_setmsg(how, howsz, "%s", h2);
		return code_out(p, ci, q);
	}
	wf_setmsg(why, whysz, "no location: give lat and lon, an ISTAT code, a CAP or a comune");
	return -1;
}
