/*
 * wf_places.c - comuni lists and location resolution (see wf_places.h).
 */
#include "wf_places.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"
#include "wf_text.h"
#include "wf_geo.h"
#include "wf_map.h"

typedef struct comune {
	char *name, *sigla, *code;
	double slat, slon;
	int ncoord;
} comune;

typedef struct capent {
	double slat, slon;
	int ncoord;
	int ncomuni, last_comune;
} capent;

struct wf_places {
	comune *c;
	size_t nc, capc;
	capent *cap;
	size_t ncap, capcap;
	/* name -> index into c (or AMBIGUOUS), cap -> index into cap */
	wf_map *by_code, *by_namesig, *by_name, *by_cap, *by_catastale;
	/* column indexes of the current file */
	int layout;
	int col_name, col_code, col_sigla, col_cat, col_cap, col_lat, col_lon;
};

#define AMBIGUOUS (-2)

wf_places *wf_places_new(void)
{
	wf_places *p = wf_xcalloc(1, sizeof(wf_places));

	p->by_code = wf_map_new();
	p->by_namesig = wf_map_new();
	p->by_name = wf_map_new();
	p->by_cap = wf_map_new();
	p->by_catastale = wf_map_new();
	return p;
}

void wf_places_free(wf_places *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nc; i++) {
		free(p->c[i].name);
		free(p->c[i].sigla);
		free(p->c[i].code);
	}
	free(p->c);
	free(p->cap);
	wf_map_free(p->by_code);
	wf_map_free(p->by_namesig);
	wf_map_free(p->by_name);
	wf_map_free(p->by_cap);
	wf_map_free(p->by_catastale);
	free(p);
}

/* Lower-case, accents folded (UTF-8 Latin-1 letters and the typographic
 * apostrophe), blanks collapsed, trimmed: "Sant’Agata  de' Goti" and
 * "SANT'AGATA DE' GOTI" compare equal. */
static void norm_name(const char *s, char *out, size_t outsz)
{
	static const char fold[64] =
		"aaaaaaaceeeeiiiidnooooo/ouuuuyts"  /* U+00C0..U+00DF */
		"aaaaaaaceeeeiiiidnooooo/ouuuuyty"; /* U+00E0..U+00FF */
	size_t o = 0;
	int space = 0;

	while (*s && o + 2 < outsz) {
		unsigned char ch = (unsigned char)*s;
		char c;

		if (ch == 0xC3 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0xBF) {
			c = fold[(unsigned char)s[1] - 0x80];
			s += 2;
		} else if (ch == 0xE2 && (unsigned char)s[1] == 0x80 &&
			   ((unsigned char)s[2] == 0x98 || (unsigned char)s[2] == 0x99)) {
			c = '\'';
			s += 3;
		} else if (ch == '`') {
			c = '\'';
			s++;
		} else {
			c = (char)tolower(ch);
			s++;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (space && o)
			out[o++] = ' ';
		space = 0;
		out[o++] = c;
	}
	out[o] = '\0';
}

/* Digits only, left-padded with zeros to width (spreadsheets drop them). */
static int norm_digits(const char *s, int width, char *out)
{
	char t[32];
	size_t n;

	wf_trim_copy(s, t, sizeof t);
	n = strlen(t);
	if (n == 0 || n > (size_t)width)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)t[i]))
			return -1;
	memset(out, '0', (size_t)width - n);
	memcpy(out + width - n, t, n + 1);
	return 0;
}

static void upper_sigla(const char *s, char *out, size_t outsz)
{
	wf_trim_copy(s, out, outsz);
	for (char *c = out; *c; c++)
		*c = (char)toupper((unsigned char)*c);
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
	errno = 0;
	*v = strtod(t, &end);
	if (errno || *end || !isfinite(*v))
		return -1;
	return 0;
}

/* Header names compared lower-case with blanks collapsed, since the
 * ISTAT file breaks some of its headers over two lines. */
static int find_col(const char *const *names, size_t n, const char *want)
{
	char a[256];

	for (size_t i = 0; i < n; i++) {
		norm_name(names[i], a, sizeof a);
		if (strcmp(a, want) == 0)
			return (int)i;
	}
	return -1;
}

int wf_places_header(wf_places *p, const char *const *names, size_t n,
		     char *err, size_t errsz)
{
	p->col_name = find_col(names, n, "nome");
	p->col_code = find_col(names, n, "codicecomune");
	p->col_sigla = find_col(names, n, "sigla");
	p->col_cat = find_col(names, n, "codicecatastale");
	p->col_cap = find_col(names, n, "cap");
	p->col_lat = find_col(names, n, "latitudine");
	p->col_lon = find_col(names, n, "longitudine");
	if (p->col_name >= 0 && p->col_code >= 0 && p->col_sigla >= 0 &&
	    p->col_lat >= 0 && p->col_lon >= 0)
		return p->layout = WF_PLACES_GEOCODED;
	p->col_name = find_col(names, n, "denominazione in italiano");
	p->col_code = find_col(names, n, "codice comune formato alfanumerico");
	p->col_sigla = find_col(names, n, "sigla automobilistica");
	p->col_cat = find_col(names, n, "codice catastale del comune");
	p->col_cap = p->col_lat = p->col_lon = -1;
	if (p->col_name >= 0 && p->col_code >= 0 && p->col_sigla >= 0)
		return p->layout = WF_PLACES_ISTAT;
	p->layout = 0;
	wf_setmsg(err, errsz, "not a comuni list: expected the columns nome, codiceComune, sigla, latitudine, longitudine "
	       "(geocoded list) or 'Codice Comune formato alfanumerico', 'Denominazione in italiano', "
	       "'Sigla automobilistica' (ISTAT list)");
	return -1;
}

static const char *field(const char *const *f, size_t n, int col)
{
	return col >= 0 && (size_t)col < n && f[col] ? f[col] : "";
}

static void index_name(wf_places *p, int ci)
{
	char nm[256], key[300];
	intptr_t *v;

	norm_name(p->c[ci].name, nm, sizeof nm);
	snprintf(key, sizeof key, "%s|%s", nm, p->c[ci].sigla);
	v = wf_map_islot(p->by_namesig, key, strlen(key), -1);
	if (*v == -1)
		*v = ci;
	else if (*v != ci)
		*v = AMBIGUOUS;
	v = wf_map_islot(p->by_name, nm, strlen(nm), -1);
	if (*v == -1)
		*v = ci;
	else if (*v != ci)
		*v = AMBIGUOUS;
}

int wf_places_add(wf_places *p, const char *const *f, size_t n,
		  char *err, size_t errsz)
{
	char code[8], sigla[8], cap[8], name[256], cat[16];
	double lat = 0, lon = 0;
	int has_coord = 0, ci;
	intptr_t *slot;

	if (!p->layout) {
		wf_setmsg(err, errsz, "no header");
		return -1;
	}
	wf_trim_copy(field(f, n, p->col_name), name, sizeof name);
	if (!name[0]) {
		wf_setmsg(err, errsz, "empty comune name");
		return -1;
	}
	if (norm_digits(field(f, n, p->col_code), 6, code) < 0) {
		wf_setmsg(err, errsz, "ISTAT code '%s' is not 6 digits", field(f, n, p->col_code));
		return -1;
	}
	upper_sigla(field(f, n, p->col_sigla), sigla, sizeof sigla);
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
	slot = wf_map_islot(p->by_code, code, strlen(code), -1);
	if (*slot < 0) {
		if (p->nc == p->capc) {
			p->capc = p->capc ? p->capc * 2 : 1024;
			p->c = wf_xrealloc(p->c, p->capc * sizeof *p->c);
		}
		ci = (int)p->nc++;
		memset(&p->c[ci], 0, sizeof p->c[ci]);
		p->c[ci].name = wf_xstrdup(name);
		p->c[ci].sigla = wf_xstrdup(sigla);
		p->c[ci].code = wf_xstrdup(code);
		*slot = ci;
		index_name(p, ci);
	} else {
		ci = (int)*slot;
		/* Another file may spell the name differently: index that too. */
		char a[256], b[256];
		norm_name(name, a, sizeof a);
		norm_name(p->c[ci].name, b, sizeof b);
		if (strcmp(a, b) != 0) {
			char *old = p->c[ci].name;
			p->c[ci].name = wf_xstrdup(name);
			index_name(p, ci);
			free(p->c[ci].name);
			p->c[ci].name = old;
		}
	}
	if (p->col_cat >= 0 && !wf_is_blank(field(f, n, p->col_cat))) {
		upper_sigla(field(f, n, p->col_cat), cat, sizeof cat);
		*wf_map_islot(p->by_catastale, cat, strlen(cat), -1) = ci;
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
			*cs = (int)p->ncap++;
			memset(&p->cap[*cs], 0, sizeof p->cap[*cs]);
			p->cap[*cs].last_comune = -1;
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
	return 0;
}

size_t wf_places_count(const wf_places *p, size_t *with_coords)
{
	size_t w = 0;

	for (size_t i = 0; i < p->nc; i++)
		w += p->c[i].ncoord > 0;
	if (with_coords)
		*with_coords = w;
	return p->nc;
}

static int comune_point(const wf_places *p, int ci, double *lat, double *lon,
			char *why, size_t whysz)
{
	const comune *c = &p->c[ci];

	if (!c->ncoord) {
		wf_setmsg(why, whysz, "comune '%s (%s)' has no coordinates in the places list "
		       "(the ISTAT list has none: add a geocoded list or give lat/lon)",
		       c->name, c->sigla);
		return -1;
	}
	*lat = c->slat / c->ncoord;
	*lon = c->slon / c->ncoord;
	return 0;
}

static int no_places(const wf_places *p)
{
	return !p || p->nc == 0;
}

int wf_places_resolve(const wf_places *p, const wf_placeq *q,
		      double *lat, double *lon, char *why, size_t whysz)
{
	char t[256], key[300];
	int ci;

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
	if (!wf_is_blank(q->istat)) {
		char code[8];

		wf_trim_copy(q->istat, t, sizeof t);
		if (norm_digits(t, 6, code) < 0) {
			/* A cadastral code (e.g. D062) is accepted in the same column. */
			upper_sigla(t, code, sizeof code);
			if (strlen(t) != 4 || !isalpha((unsigned char)code[0])) {
				wf_setmsg(why, whysz, "ISTAT code '%s' is not 6 digits", t);
				return -1;
			}
			if (no_places(p)) {
				wf_setmsg(why, whysz, "cadastral code '%s' needs a comuni list (--places)", t);
				return -1;
			}
			ci = (int)wf_map_iget(p->by_catastale, code, strlen(code), -1);
			if (ci < 0) {
				wf_setmsg(why, whysz, "cadastral code '%s' is not in the places list", t);
				return -1;
			}
			return comune_point(p, ci, lat, lon, why, whysz);
		}
		if (no_places(p)) {
			wf_setmsg(why, whysz, "ISTAT code '%s' needs a comuni list (--places)", t);
			return -1;
		}
		ci = (int)wf_map_iget(p->by_code, code, strlen(code), -1);
		if (ci < 0) {
			wf_setmsg(why, whysz, "ISTAT code '%s' is not in the places list", t);
			return -1;
		}
		return comune_point(p, ci, lat, lon, why, whysz);
	}
	if (!wf_is_blank(q->cap)) {
		char cap[8];
		int k;

		wf_trim_copy(q->cap, t, sizeof t);
		if (norm_digits(t, 5, cap) < 0) {
			wf_setmsg(why, whysz, "CAP '%s' is not 5 digits", t);
			return -1;
		}
		if (no_places(p)) {
			wf_setmsg(why, whysz, "CAP '%s' needs a comuni list (--places)", t);
			return -1;
		}
		k = (int)wf_map_iget(p->by_cap, cap, strlen(cap), -1);
		if (k < 0) {
			wf_setmsg(why, whysz, "CAP '%s' is not in the places list", cap);
			return -1;
		}
		if (!p->cap[k].ncoord) {
			wf_setmsg(why, whysz, "CAP '%s' has no coordinates in the places list", cap);
			return -1;
		}
		*lat = p->cap[k].slat / p->cap[k].ncoord;
		*lon = p->cap[k].slon / p->cap[k].ncoord;
		return 0;
	}
	if (!wf_is_blank(q->comune)) {
		char name[256], sigla[8] = "", nm[256];
		size_t len;

		wf_trim_copy(q->comune, name, sizeof name);
		len = strlen(name);
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
			upper_sigla(q->province, sigla, sizeof sigla);
		if (no_places(p)) {
			wf_setmsg(why, whysz, "comune '%s' needs a comuni list (--places)", q->comune);
			return -1;
		}
		norm_name(name, nm, sizeof nm);
		if (sigla[0]) {
			snprintf(key, sizeof key, "%s|%s", nm, sigla);
			ci = (int)wf_map_iget(p->by_namesig, key, strlen(key), -1);
			if (ci < 0) {
				wf_setmsg(why, whysz, "comune '%s (%s)' is not in the places list", name, sigla);
				return -1;
			}
		} else {
			ci = (int)wf_map_iget(p->by_name, nm, strlen(nm), -1);
			if (ci == AMBIGUOUS) {
				wf_setmsg(why, whysz, "comune '%s' is ambiguous: several provinces have one, add the province", name);
				return -1;
			}
			if (ci < 0) {
				wf_setmsg(why, whysz, "comune '%s' is not in the places list", name);
				return -1;
			}
		}
		if (ci == AMBIGUOUS) {
			wf_setmsg(why, whysz, "comune '%s (%s)' is ambiguous in the places list", name, sigla);
			return -1;
		}
		return comune_point(p, ci, lat, lon, why, whysz);
	}
	wf_setmsg(why, whysz, "no location: give lat and lon, an ISTAT code, a CAP or a comune");
	return -1;
}
