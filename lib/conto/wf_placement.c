/*
 * wf_placement.c - placing an institution (see wf_placement.h).
 */
#include "wf_placement.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_aux.h"
#include "wf_conto.h"
#include "wf_err.h"
#include "wf_map.h"
#include "wf_table.h"
#include "wf_text.h"

const char *wf_place_how_name(enum wf_place_how how)
{
	static const char *const n[WF_PLACE_NKINDS] = {
		"unplaced", "code list", "name", "former name", "seat", "tax code",
		"override", "national"
	};
	return how < WF_PLACE_NKINDS ? n[how] : "unplaced";
}

/* ---- words of a name ---- */

#define MAXW 48

typedef struct words {
	const char *s[MAXW]; /* start of each word in the name */
	size_t len[MAXW];
	char f[MAXW][64];    /* folded */
	int cut_before[MAXW]; /* a preposition, dash, comma or bracket precedes */
	int cut_after[MAXW];  /* the name ends, or a dash, comma or bracket follows */
	size_t n;
} words;

static int is_prep(const char *f)
{
	static const char *const prep[] = {
		"DI", "DEL", "DELLA", "DELLE", "DEI", "DEGLI", "DELL", "DELLO", "D", "IN",
		"A", "AD", "PER", "PRESSO", "DA", "SU", "SUL", "NEL", "NELLA", "ZONA", NULL
	};
	for (const char *const *p = prep; *p; p++)
		if (strcmp(f, *p) == 0)
			return 1;
	return 0;
}

/* Split at blanks and punctuation; an apostrophe ends a word too
 * ("DELL'ADDA"), but "CANTU'" keeps its letters together. */
static void split(const char *name, words *w)
{
	const char *p = name;
	int cut = 1;

	w->n = 0;
	while (*p && w->n < MAXW) {
		const char *b;
		int sep = 0;
		while (*p && !isalnum((unsigned char)*p) && (unsigned char)*p < 0x80) {
			if (*p == '-' || *p == ',' || *p == '(' || *p == ')' || *p == '/' || *p == '"')
				sep = 1;
			p++;
		}
		if (!*p)
			break;
		if (sep && w->n)
			w->cut_after[w->n - 1] = 1;
		b = p;
		while (*p && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80))
			p++;
		w->s[w->n] = b;
		w->len[w->n] = (size_t)(p - b);
		wf_places_fold(b, (size_t)(p - b), w->f[w->n], sizeof w->f[w->n]);
		w->cut_before[w->n] = cut || sep;
		w->cut_after[w->n] = 0;
		/* A number ends a place and starts another: "ASL NAPOLI 1
		 * CENTRO", "ASL 7 PIEVE DI SOLIGO". */
		int num = isdigit((unsigned char)w->f[w->n][0]) != 0;
		cut = is_prep(w->f[w->n]) || num;
		if (cut && w->n)
			w->cut_after[w->n - 1] = 1;
		w->n++;
	}
	if (w->n)
		w->cut_after[w->n - 1] = 1;
}

/* ---- national bodies ---- */

int wf_place_is_national(const char *type, const char *name, char *why, size_t whysz)
{
	/* Types that are national whatever their name. */
	static const char *const nat_type[][2] = {
		{ "M", "ministries" }, { "OC", "constitutional bodies" },
		{ "AU", "independent authorities" }, { "ON", "national professional orders" },
		{ "FS", "national sport federations" }, { "F", "national social security" },
	};
	/* Types where the name tells: national agencies, research
	 * institutes, other bodies, list S13, cultural institutes. */
	static const char *const by_name[] = { "AG", "AA", "LS", "IR", "IC", "RI", NULL };
	static const char *const nat_words[] = {
		"NAZIONALE", "NAZIONALI", "ITALIANA", "ITALIANO", "ITALIANE", "ITALIANI", "ITALIA",
		"STATO", "NAZ", NULL
	};
	/* A body named after its own region or province is not national
	 * ("SERVIZI SANITARI REGIONALI" describe a national agency's work,
	 * so the plural does not count). */
	static const char *const local_words[] = {
		"REGIONALE", "PROVINCIALE", "PROVINCIA", "REGIONE", "COMUNALE", "LIGURE",
		"LOMBARDA", "PIEMONTESE", "VENETA", "TOSCANA", "CAMPANA", "SICILIANA", "SARDA",
		"CALABRESE", "PUGLIESE", "LUCANA", "MOLISANA", "ABRUZZESE", "MARCHIGIANA", "UMBRA",
		"LAZIALE", "FRIULANA", "TRENTINA", "VALDOSTANA", "EMILIANA", "ROMAGNOLA", NULL
	};
	words w;

	if (!type)
		return 0;
	for (size_t i = 0; i < sizeof nat_type / sizeof nat_type[0]; i++)
		if (strcmp(type, nat_type[i][0]) == 0) {
			wf_setmsg(why, whysz, "type %s (%s)", type, nat_type[i][1]);
			return 1;
		}
	int maybe = 0;
	for (const char *const *t = by_name; *t; t++)
		maybe |= strcmp(type, *t) == 0;
	if (!maybe || !name)
		return 0;
	split(name, &w);
	for (size_t i = 0; i < w.n; i++)
		for (const char *const *l = local_words; *l; l++)
			if (strcmp(w.f[i], *l) == 0)
				return 0;
	for (size_t i = 0; i < w.n; i++)
		for (const char *const *nw = nat_words; *nw; nw++)
			if (strcmp(w.f[i], *nw) == 0) {
				wf_setmsg(why, whysz, "type %s, name has %.*s", type, (int)w.len[i], w.s[i]);
				return 1;
			}
	/* The State's own agencies and research bodies carry no such word
	 * (AGENZIA DELLE ENTRATE, ARAN, ISPRA, CREA): national unless their
	 * name names a place, which the caller tries first. */
	if (strcmp(type, "AG") == 0 || strcmp(type, "IR") == 0) {
		wf_setmsg(why, whysz, "type %s, no region or place in its name", type);
		return 2;
	}
	return 0;
}

/* ---- filling a placement ---- */

static void set_prov(wf_placement *o, const char *sigla)
{
	const wf_province *p = wf_province_by_sigla(sigla);

	snprintf(o->province, sizeof o->province, "%s", sigla);
	if (p)
		snprintf(o->region, sizeof o->region, "%s", p->region);
}

static void set_comune(wf_placement *o, const wf_comune *c)
{
	snprintf(o->comune, sizeof o->comune, "%s", c->code);
	set_prov(o, c->sigla);
	if (c->region[0])
		snprintf(o->region, sizeof o->region, "%s", c->region);
}

/* Keep the candidates whose province the tax code allows. */
static size_t by_tax(wf_places *pl, int *ci, size_t k, const wf_province *tax)
{
	size_t m = 0;

	if (!tax || k < 2)
		return k;
	for (size_t i = 0; i < k; i++)
		if (wf_province_family(tax, wf_places_comune(pl, ci[i])->sigla))
			ci[m++] = ci[i];
	return m ? m : k;
}

static void list_siglas(wf_places *pl, const int *ci, size_t k, char *buf, size_t bufsz)
{
	size_t u = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < k && i < 8; i++) {
		const char *s = wf_places_comune(pl, ci[i])->sigla;
		if (strstr(buf, s))
			continue;
		u += (size_t)snprintf(buf + u, bufsz > u ? bufsz - u : 0, "%s%s", u ? ", " : "", s);
		if (u >= bufsz)
			break;
	}
}

enum { FOUND = 1, AMBIGUOUS = 2 };

/* A comune by its name: the year's cadastral list first (its own
 * names, with the cadastral code to reach the ISTAT code), then the
 * comuni lists by current, bilingual-part and former names. Returns
 * FOUND, AMBIGUOUS (evidence says which), or 0. */
static int comune_named(wf_places *year, wf_places *pl, const char *s, size_t n,
			const wf_province *tax, const char *only_sigla, int former, wf_placement *o)
{
	int ci[16];
	size_t k;
	enum wf_name_via via;
	char sig[64], year_amb[256] = "";

	if (year) {
		k = wf_places_find(year, s, n, only_sigla, ci, 16, &via);
		k = by_tax(year, ci, k > 16 ? 16 : k, tax);
		if (k > 1) {
			list_siglas(year, ci, k, sig, sizeof sig);
			snprintf(year_amb, sizeof year_amb, "%.*s: comuni of that name in %s; %s",
				 (int)(n > 80 ? 80 : n), s, sig,
				 tax ? "the tax code does not tell which" : "no tax code to tell which");
		}
		if (k == 1) {
			const wf_comune *y = wf_places_comune(year, ci[0]);
			int p = pl ? wf_places_by_cadastral(pl, y->cadastral) : -1;
			const wf_comune *c = p >= 0 ? wf_places_comune(pl, p) : NULL;
			if (c && c->code[0]) {
				set_comune(o, c);
				/* The year's province, as that year's lists say. */
				set_prov(o, y->sigla);
				o->how = WF_PLACE_CODELIST;
				snprintf(o->evidence, sizeof o->evidence, "%s %s (%s) -> %s",
					 y->cadastral, y->name, y->sigla, c->code);
				return FOUND;
			}
			/* Not in the comuni lists by code: the name may be;
			 * the province at least is the list's. */
			only_sigla = y->sigla;
			set_prov(o, y->sigla);
			o->how = WF_PLACE_CODELIST;
			snprintf(o->evidence, sizeof o->evidence, "%s %s (%s), ISTAT code unknown",
				 y->cadastral, y->name, y->sigla);
		}
	}
	if (!pl)
		return o->province[0] ? FOUND : 0;
	k = wf_places_find(pl, s, n, only_sigla, ci, 16, &via);
	if (k > 16)
		k = 16;
	if (via == WF_NAME_FORMER && !former)
		k = 0;
	k = by_tax(pl, ci, k, tax);
	if (k == 1) {
		const wf_comune *c = wf_places_comune(pl, ci[0]);
		if (!c->code[0] && o->province[0])
			return FOUND; /* a suppressed comune the year's list placed */
		set_comune(o, c);
		o->how = via == WF_NAME_FORMER ? WF_PLACE_FORMER : WF_PLACE_NAME;
		if (c->code[0])
			snprintf(o->evidence, sizeof o->evidence, "%.*s%s %s (%s) %s%s", (int)(n > 80 ? 80 : n), s,
				 via == WF_NAME_FORMER ? ": former name of" : " =",
				 c->name, c->sigla, c->code, c->current ? "" : ", not a current comune");
		else
			snprintf(o->evidence, sizeof o->evidence, "%.*s: suppressed comune %s (%s)",
				 (int)(n > 80 ? 80 : n), s, c->cadastral, c->sigla);
		return FOUND;
	}
	if (k > 1) {
		list_siglas(pl, ci, k, sig, sizeof sig);
		snprintf(o->evidence, sizeof o->evidence, "%.*s: comuni of that name in %s; %s",
			 (int)(n > 80 ? 80 : n), s, sig,
			 tax ? "the tax code does not tell which" : "no tax code to tell which");
		return AMBIGUOUS;
	}
	if (!o->province[0] && year_amb[0]) {
		snprintf(o->evidence, sizeof o->evidence, "%s", year_amb);
		return AMBIGUOUS;
	}
	return o->province[0] ? FOUND : 0;
}

static const char *strip_prefix(const char *name, const char *const *prefixes)
{
	for (; *prefixes; prefixes++) {
		size_t n = strlen(*prefixes);
		if (strncmp(name, *prefixes, n) == 0)
			return name + n;
	}
	return NULL;
}

/* Health authorities write their province as a sigla: ASL FG. */
static int is_health(const char *f)
{
	return strcmp(f, "ASL") == 0 || strcmp(f, "ASP") == 0 || strcmp(f, "ATS") == 0 ||
	       strcmp(f, "AUSL") == 0 || strcmp(f, "ULSS") == 0 || strcmp(f, "USL") == 0 ||
	       strcmp(f, "ASST") == 0 || strcmp(f, "AO") == 0;
}

/* A place named in the words of a body's name. Spans start after a
 * preposition, dash or comma (or at the start) and hold up to five
 * words; a comune counts when its province agrees with the tax code,
 * or, with no tax code, when the span ends the name or a clause; then
 * province names, then region names. */
static int seat(wf_places *year, wf_places *pl, const words *w, const wf_province *tax,
		int unions, wf_placement *o)
{
	int best_i = -1, best_j = -1;
	wf_placement best = { 0 };

	/* Comuni, rightmost span first (the seat usually ends the name),
	 * longest first. */
	size_t end = w->n; /* the last word that is not a number ("CUNEO 1") */
	while (end > 1 && isdigit((unsigned char)w->f[end - 1][0]))
		end--;
	for (size_t i = w->n; i-- > 0;) {
		/* With no tax code to check it, a name that does not follow a
		 * preposition counts only when it ends the body's name
		 * ("AUTOMOBILE CLUB LA SPEZIA"). */
		if (!w->cut_before[i] && (tax || i >= end))
			continue;
		for (size_t j = i + 5 < w->n ? i + 5 : w->n; j-- > i;) {
			wf_placement t = { 0 };
			const char *s = w->s[i];
			size_t n = (size_t)(w->s[j] + w->len[j] - s);
			if (n < 3 || is_prep(w->f[j]) || (!w->cut_before[i] && (j + 1 != end || n < 4)))
				continue;
			if (comune_named(year, pl, s, n, tax, NULL, 0, &t) != FOUND || !t.province[0])
				continue;
			if (tax ? !wf_province_family(tax, t.province) : !w->cut_after[j] && j + 1 != end)
				continue;
			if (best_i < 0 || (j - i > (size_t)(best_j - best_i))) {
				best = t;
				best_i = (int)i;
				best_j = (int)j;
			}
			break;
		}
		if (best_i >= 0)
			break;
	}
	if (best_i >= 0) {
		char ev[256];
		snprintf(ev, sizeof ev, "%s", best.evidence);
		*o = best;
		if (unions && !w->cut_after[best_j]) {
			/* A union named after comuni sits in their province. */
			o->comune[0] = '\0';
			o->how = WF_PLACE_NAME;
			snprintf(o->evidence, sizeof o->evidence, "names %.240s", ev);
		} else {
			o->how = WF_PLACE_SEAT;
			snprintf(o->evidence, sizeof o->evidence, "%s", ev);
		}
		return 1;
	}
	/* Province names ("DELLA PROVINCIA DI CHIETI", "MONZA E DELLA
	 * BRIANZA"), then a province sigla ending the name ("- BN",
	 * "(CE)") when the tax code agrees or is absent. */
	for (size_t i = w->n; i-- > 0;) {
		for (size_t j = i + 5 < w->n ? i + 5 : w->n; j-- > i;) {
			const char *s = w->s[i];
			size_t n = (size_t)(w->s[j] + w->len[j] - s);
			const wf_province *pr;
			if (!w->cut_before[i] || n < 3)
				continue;
			pr = wf_places_province_by_name(pl, s, n);
			if (!pr && year)
				pr = wf_places_province_by_name(year, s, n);
			if (!pr || (tax && !wf_province_family(tax, pr->sigla) &&
				    !wf_province_family(pr, tax->sigla)))
				continue;
			set_prov(o, pr->now ? pr->now : pr->sigla);
			o->how = WF_PLACE_SEAT;
			snprintf(o->evidence, sizeof o->evidence, "province %.*s", (int)n, s);
			return 1;
		}
	}
	/* "ASL FG", "(CE)", "- LE"; an ASL number may follow ("ASL RM 3"). */
	size_t last = w->n;
	while (last > 1 && isdigit((unsigned char)w->f[last - 1][0]))
		last--;
	if (last > 1 && last < MAXW && strlen(w->f[last - 1]) == 2 && w->len[last - 1] == 2 &&
	    (w->cut_before[last - 1] || is_health(w->f[last - 2]))) {
		const wf_province *pr = wf_province_by_sigla(w->f[last - 1]);
		if (pr && (!tax || wf_province_family(tax, pr->sigla))) {
			set_prov(o, pr->now ? pr->now : pr->sigla);
			o->how = WF_PLACE_SEAT;
			snprintf(o->evidence, sizeof o->evidence, "province sigla %s", pr->sigla);
			return 1;
		}
	}
	/* Region names anywhere ("ORDINE DEI BIOLOGI DELLA SICILIA"). */
	for (size_t i = 0; i < w->n; i++)
		for (size_t j = i + 4 < w->n ? i + 4 : w->n; j-- > i;) {
			const char *s = w->s[i];
			size_t n = (size_t)(w->s[j] + w->len[j] - s);
			const char *r = wf_region_by_name(s, n);
			if (!r)
				continue;
			snprintf(o->region, sizeof o->region, "%s", r);
			o->how = WF_PLACE_SEAT;
			snprintf(o->evidence, sizeof o->evidence, "region %.*s", (int)n, s);
			return 1;
		}
	return 0;
}

/* Last rule: the province of the tax office. Where provinces were
 * created from it since 1992, one of them when the name names it. */
static void by_taxcode(wf_places *pl, const char *cf, const wf_province *tax,
		       const words *w, wf_placement *o)
{
	const wf_province *pr = tax, *child = NULL;
	char cft[24];

	wf_trim_copy(cf, cft, sizeof cft);
	if (pr->now)
		pr = wf_province_by_sigla(pr->now);
	for (int code = 96; code <= 111; code++) {
		const wf_province *c = wf_province_by_code(code);
		if (!c || c->now || !wf_province_family(tax, c->sigla) || c == pr)
			continue;
		/* The child's name, or its chief town, in the body's name. */
		for (size_t i = 0; i < w->n && !child; i++)
			for (size_t j = i; j < w->n && j < i + 5 && !child; j++) {
				const char *s = w->s[i];
				size_t n = (size_t)(w->s[j] + w->len[j] - s);
				if (wf_places_province_by_name(pl, s, n) == c)
					child = c;
			}
	}
	if (o->region[0] && strcmp(o->region, (child ? child : pr)->region) != 0) {
		/* The name gave a region the tax office is not in. */
		return;
	}
	if (o->how == WF_PLACE_NONE || !o->region[0])
		o->how = WF_PLACE_TAXCODE;
	if (o->how != WF_PLACE_TAXCODE) {
		size_t u = strlen(o->evidence);
		snprintf(o->evidence + u, sizeof o->evidence - u, "; province by tax code %s", cft);
	} else if (child) {
		snprintf(o->evidence, sizeof o->evidence, "%s: office of %s (%03d), name says %s",
			 cft, tax->sigla, tax->code, child->sigla);
	} else if (tax != pr) {
		snprintf(o->evidence, sizeof o->evidence, "%s: office of %s (%03d), now %s", cft,
			 tax->sigla, tax->code, pr->sigla);
	} else {
		snprintf(o->evidence, sizeof o->evidence, "%s: office of %s (%03d)", cft, pr->sigla,
			 pr->code);
	}
	set_prov(o, (child ? child : pr)->sigla);
}

void wf_place(wf_places *year, wf_places *places, const char *type, const char *name,
	      const char *taxcode, wf_placement *o)
{
	static const char *const comune_pre[] = {
		"COMUNE DI ", "COMUNE DEL ", "COMUNE DELLA ", "COMUNE ", "CITTA' DI ", "CITTA DI ", NULL
	};
	static const char *const prov_pre[] = {
		"AMMINISTRAZIONE PROVINCIALE DI ", "AMMINISTRAZIONE PROVINCIALE ",
		"PROVINCIA AUTONOMA DI ", "PROVINCIA DI ", "PROVINCIA DEL ", "PROVINCIA ",
		"LIBERO CONSORZIO COMUNALE DI ", "CITTA' METROPOLITANA DI ", "CITTA METROPOLITANA DI ",
		"CITTA'METROPOLITANA DI ", NULL
	};
	static const char *const reg_pre[] = {
		"REGIONE AUTONOMA DELLA ", "REGIONE AUTONOMA ", "REGIONE DELLA ", "REGIONE DEL ",
		"REGIONE ", NULL
	};
	const wf_province *tax = wf_taxcode_province(taxcode);
	const char *rest;
	char why[200];
	words w;
	int ambiguous = 0;

	memset(o, 0, sizeof *o);
	if (!type)
		type = "";
	if (!name)
		name = "";
	int national = wf_place_is_national(type, name, why, sizeof why);
	if (national == 1) {
		o->how = WF_PLACE_NATIONAL;
		snprintf(o->evidence, sizeof o->evidence, "%s", why);
		return;
	}
	split(name, &w);
	if (strcmp(type, "C") == 0) {
		rest = strcmp(name, "ROMA CAPITALE") == 0 ? "ROMA" : strip_prefix(name, comune_pre);
		if (!rest)
			rest = name;
		int r = comune_named(year, places, rest, strlen(rest), tax, NULL, 1, o);
		if (r == FOUND && o->comune[0])
			return;
		ambiguous = r == AMBIGUOUS;
		if (!r)
			snprintf(o->evidence, sizeof o->evidence, "'%.200s' is no comune name of the lists", rest);
	} else if (strcmp(type, "P") == 0 || strcmp(type, "CM") == 0 ||
		   /* the autonomous provinces are listed with the regions */
		   (strcmp(type, "RS") == 0 && strip_prefix(name, prov_pre))) {
		if ((rest = strip_prefix(name, prov_pre)) != NULL) {
			size_t rl = strlen(rest);
			const wf_province *pr;
			/* "CITTA' METROPOLITANA DI ROMA CAPITALE" is province ROMA. */
			if (rl > 9 && strcmp(rest + rl - 9, " CAPITALE") == 0)
				rl -= 9;
			pr = wf_places_province_by_name(places, rest, rl);
			if (!pr && year)
				pr = wf_places_province_by_name(year, rest, rl);
			if (pr) {
				set_prov(o, pr->now ? pr->now : pr->sigla);
				o->how = WF_PLACE_NAME;
				snprintf(o->evidence, sizeof o->evidence, "province %.*s", (int)rl, rest);
				return;
			}
		}
	} else if (strcmp(type, "R") == 0 || strcmp(type, "RS") == 0) {
		if ((rest = strip_prefix(name, reg_pre)) != NULL) {
			const char *r = wf_region_by_name(rest, strlen(rest));
			if (r) {
				/* A region is in no province. */
				snprintf(o->region, sizeof o->region, "%s", r);
				o->how = WF_PLACE_NAME;
				snprintf(o->evidence, sizeof o->evidence, "region %s", rest);
				return;
			}
		}
	}
	if (o->how == WF_PLACE_NONE && !ambiguous && strcmp(type, "C") != 0)
		seat(year, places, &w, tax, strcmp(type, "UC") == 0 || strcmp(type, "N") == 0, o);
	if (national == 2 && o->how == WF_PLACE_NONE) {
		o->how = WF_PLACE_NATIONAL;
		snprintf(o->evidence, sizeof o->evidence, "%s", why);
		return;
	}
	if (o->province[0])
		return;
	if (tax) {
		char keep[256];
		snprintf(keep, sizeof keep, "%s", o->evidence);
		if (ambiguous) {
			o->how = WF_PLACE_TAXCODE;
			by_taxcode(places, taxcode, tax, &w, o);
			size_t u = strlen(o->evidence);
			snprintf(o->evidence + u, sizeof o->evidence - u, " (%s)", keep);
			return;
		}
		by_taxcode(places, taxcode, tax, &w, o);
		return;
	}
	if (o->how == WF_PLACE_NONE && !ambiguous && !o->evidence[0])
		snprintf(o->evidence, sizeof o->evidence, "%s",
			 taxcode && !wf_is_blank(taxcode) ? "no place in the name; tax code is not numeric"
							   : "no place in the name and no tax code");
}

/* ---- overrides ---- */

struct ovr {
	wf_placement pl;
	int used;
};

struct wf_overrides {
	wf_map *by_key; /* institution key -> struct ovr */
};

void wf_overrides_free(wf_overrides *o)
{
	void *v;

	if (!o)
		return;
	for (size_t i = 0; i < wf_map_count(o->by_key); i++) {
		wf_map_key_at(o->by_key, i, &v);
		free(v);
	}
	wf_map_free(o->by_key);
	free(o);
}

static int parse_place(const char *v, wf_places *places, wf_placement *pl, char *why, size_t whysz)
{
	char t[64];
	size_t n = wf_trim_copy(v, t, sizeof t);
	int digits = 1;

	for (size_t i = 0; i < n; i++)
		digits &= isdigit((unsigned char)t[i]) != 0;
	memset(pl, 0, sizeof *pl);
	pl->how = WF_PLACE_OVERRIDE;
	if (n == 6 && digits) {
		int ci = places ? wf_places_by_code(places, t) : -1;
		const wf_province *pr = wf_province_by_code(atoi(t) / 1000);
		if (ci >= 0) {
			set_comune(pl, wf_places_comune(places, ci));
		} else if (places && wf_places_count(places, NULL)) {
			wf_setmsg(why, whysz, "comune '%s' is not in the places list", t);
			return -1;
		} else if (pr) {
			snprintf(pl->comune, sizeof pl->comune, "%.6s", t);
			set_prov(pl, pr->now ? pr->now : pr->sigla);
		} else {
			wf_setmsg(why, whysz, "'%s' is not an ISTAT comune code", t);
			return -1;
		}
		return 0;
	}
	if (n == 2 && digits) {
		if (!wf_region_name(t)) {
			wf_setmsg(why, whysz, "'%s' is not an ISTAT region code (01-20)", t);
			return -1;
		}
		snprintf(pl->region, sizeof pl->region, "%.2s", t);
		return 0;
	}
	if (n == 2 && wf_province_by_sigla(t)) {
		const wf_province *pr = wf_province_by_sigla(t);
		set_prov(pl, pr->sigla);
		return 0;
	}
	if (strcmp(t, "national") == 0) {
		pl->how = WF_PLACE_NATIONAL;
		return 0;
	}
	wf_setmsg(why, whysz, "place '%s' is not a comune code (6 digits), a province sigla, a region code (2 digits) or 'national'", t);
	return -1;
}

wf_overrides *wf_overrides_load(const char *path, wf_places *places, const wf_run *run)
{
	wf_reader_opts ao = wf_aux_opts(&run->ropts);
	wf_overrides *o = wf_xcalloc(1, sizeof *o);
	wf_reader *r;
	wf_row row;
	int ck, cp, cn, st;
	char why[300];

	o->by_key = wf_map_new();
	if (!(r = wf_aux_open(path, &run->ropts)))
		goto fail;
	ck = wf_reader_col(r, "institution");
	cp = wf_reader_col(r, "place");
	cn = wf_reader_col(r, "note");
	if (ck < 0 || cp < 0) {
		wf_warn("%s: an overrides file needs the columns institution and place (and optionally note)",
			wf_reader_name(r));
		goto fail;
	}
	while ((st = wf_reader_next(r, &row)) != WF_ROW_EOF) {
		char key[32], type[8];
		struct ovr *ov;
		void **slot;

		if (st != WF_ROW_OK) {
			wf_warn_at(wf_reader_name(r), row.line, "%s", wf_reader_reason(r));
			goto fail;
		}
		if (wf_conto_inst_key(row.f[ck], row.len[ck], key, type) != 0) {
			wf_warn_at(wf_reader_name(r), row.line, "bad institution code '%.40s'", row.f[ck]);
			goto fail;
		}
		ov = wf_xcalloc(1, sizeof *ov);
		if (parse_place(row.f[cp], places, &ov->pl, why, sizeof why) < 0) {
			free(ov);
			wf_warn_at(wf_reader_name(r), row.line, "%s", why);
			goto fail;
		}
		wf_trim_copy(row.f[cp], why, sizeof why);
		if (cn >= 0 && !wf_is_blank(row.f[cn]))
			snprintf(ov->pl.evidence, sizeof ov->pl.evidence, "%.40s: %.200s", why, row.f[cn]);
		else
			snprintf(ov->pl.evidence, sizeof ov->pl.evidence, "%.40s", why);
		slot = wf_map_slot(o->by_key, key, strlen(key));
		if (*slot) {
			free(ov);
			wf_warn_at(wf_reader_name(r), row.line, "institution %s given twice", key);
			goto fail;
		}
		*slot = ov;
	}
	wf_run_dialect(run, r, &ao); /* once read: the encoding is known */
	wf_reader_free(r);
	return o;
fail:
	wf_reader_free(r);
	wf_overrides_free(o);
	return NULL;
}

int wf_overrides_apply(wf_overrides *o, const char *key, wf_placement *pl)
{
	struct ovr *ov = o ? wf_map_get(o->by_key, key, strlen(key)) : NULL;

	if (!ov)
		return 0;
	ov->used = 1;
	*pl = ov->pl;
	return 1;
}

int wf_overrides_peek(const wf_overrides *o, const char *key, wf_placement *pl)
{
	const struct ovr *ov = o ? wf_map_get(o->by_key, key, strlen(key)) : NULL;

	if (!ov)
		return 0;
	*pl = ov->pl;
	return 1;
}

size_t wf_overrides_unused(const wf_overrides *o, const char **first)
{
	size_t n = 0;
	void *v;

	*first = NULL;
	for (size_t i = 0; o && i < wf_map_count(o->by_key); i++) {
		const char *k = wf_map_key_at(o->by_key, i, &v);
		if (((struct ovr *)v)->used)
			continue;
		if (!n)
			*first = k;
		n++;
	}
	return n;
}
