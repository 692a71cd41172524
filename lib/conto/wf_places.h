/*
 * wf_places.h - resolve a location (lat/lon, ISTAT comune code, CAP, or
 * comune name with province sigla) to coordinates, from comuni lists.
 *
 * Two layouts are understood, told apart by their header:
 *  - the geocoded list in ../shared/data/comuni/comuni_geocoded.csv
 *    (';', columns nome;codiceComune;...;sigla;codiceCatastale;cap;
 *    popolazione;latitudine;longitudine, one row per comune and CAP);
 *  - the official ISTAT list (Elenco-comuni-italiani.csv, ';', cp1252,
 *    columns "Codice Comune formato alfanumerico", "Denominazione in
 *    italiano", "Sigla automobilistica", "Codice Catastale del comune").
 *    It carries no coordinates and no CAP: loaded alone it resolves
 *    codes and names to a comune but every such location then fails
 *    with "has no coordinates"; loaded together with a geocoded list
 *    (several files may be fed, merged by ISTAT code) it adds names.
 *
 * Where a comune has several rows (one per CAP, e.g. Roma), its point
 * is the mean of the rows' points; a CAP shared by several comuni is
 * placed at the mean of their rows. Names are compared case-, accent-
 * and blank-insensitively; a name alone resolves only when one comune
 * in the list bears it.
 *
 * Rows are fed one by one (the caller owns the reading, so this module
 * has no I/O): wf_places_header() for each file, then wf_places_add()
 * per record.
 *
 * Ownership: wf_places_new() returns a new object freed with
 * wf_places_free() (NULL is a no-op); strings passed in are copied.
 */
#ifndef WF_PLACES_H
#define WF_PLACES_H

#include <stddef.h>

typedef struct wf_places wf_places;

enum { WF_PLACES_GEOCODED = 1, WF_PLACES_ISTAT = 2 };

wf_places *wf_places_new(void);
void wf_places_free(wf_places *p);

/* Start a file whose header has these n names. Returns its layout
 * (WF_PLACES_*) or -1 with a reason in err. */
int wf_places_header(wf_places *p, const char *const *names, size_t n,
		     char *err, size_t errsz);

/* Add one record of the current file. Returns 0, or -1 with a reason
 * in err (the record is ignored). */
int wf_places_add(wf_places *p, const char *const *f, size_t n,
		  char *err, size_t errsz);

/* Number of distinct comuni, and of those with coordinates. */
size_t wf_places_count(const wf_places *p, size_t *with_coords);

/* A location as written in a row; NULL or blank fields are absent.
 * comune may be "Name (SG)"; province is the sigla. Precedence:
 * lat+lon, then istat, then cap, then comune. */
typedef struct wf_placeq {
	const char *lat, *lon, *istat, *cap, *comune, *province;
} wf_placeq;

/* Fill *lat, *lon. p may be NULL (then only lat/lon resolve). Returns
 * 0, or -1 with a reason in why ("CAP '99999' is not in the places
 * list"). */
int wf_places_resolve(const wf_places *p, const wf_placeq *q,
		      double *lat, double *lon, char *why, size_t whysz);

/* Parse a coordinate ('.' or ',' as decimal separator). 0 or -1. */
int wf_places_coord(const char *s, double *v);

#endif
