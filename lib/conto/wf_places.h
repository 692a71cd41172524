/*
 * wf_places.h - the one comuni module: Italian comuni lists, the one
 * rule that folds place names, the provinces and regions, and the
 * resolution of a location (lat/lon, ISTAT code, cadastral code, CAP,
 * comune name with province) for wf-ingest --places and wf-match
 * --places alike.
 *
 * Lists are told apart by their header, and each adds what it knows
 * (merged by ISTAT code, or by cadastral code, or by name and province):
 *  - the geocoded list (comuni_geocoded.csv: nome;codiceComune;...;
 *    sigla;codiceCatastale;cap;...;latitudine;longitudine, one row per
 *    comune and CAP): codes, CAPs, coordinates;
 *  - the official ISTAT list (Elenco-comuni-italiani.csv: "Codice Comune
 *    formato alfanumerico", "Denominazione in italiano", "Sigla
 *    automobilistica", "Codice Catastale del comune"): current comuni;
 *  - the current ISTAT list codiceComune;nome;sigla;regione
 *    (comuni-istat.csv): current comuni, recent mergers included;
 *  - the name history codiceCatastale;sigla;nome;attivo
 *    (comuni-history.csv): every former name and suppressed comune.
 * When a list of current comuni (either ISTAT layout) is loaded, the
 * comuni that only older lists know are "not current": they still
 * resolve (older years need them) but a current comune of the same
 * name wins.
 *
 * The folding rule (wf_places_fold) makes these equal: case, accents
 * and apostrophe accents (PATERNO' = Paternò), J and I (JONADI =
 * Ionadi), D' and D elisions (Costigliole d Asti = Costigliole d'Asti),
 * punctuation and spacing. A bilingual name (Chienes/Kiens, CHIENES -
 * GEMEINDE KIENS) also answers to each of its parts, after the whole
 * names. A name borne by several comuni is decided by province only.
 *
 * Provinces (ISTAT code, sigla, region, the parent province of those
 * created since 1992) and regions are built in: they are the ISTAT
 * classification, so the tax-code rule works with no list loaded.
 *
 * Ownership: wf_places_new() returns an object freed with
 * wf_places_free() (NULL is a no-op); strings passed in are copied;
 * strings and wf_comune records returned are borrowed from the object
 * and live until it is freed.
 */
#ifndef WF_PLACES_H
#define WF_PLACES_H

#include <stddef.h>

#include "wf_run.h"

typedef struct wf_places wf_places;

enum {
	WF_PLACES_GEOCODED = 1, /* comuni_geocoded.csv */
	WF_PLACES_ISTAT = 2,    /* official ISTAT Elenco comuni */
	WF_PLACES_CURRENT = 3,  /* codiceComune;nome;sigla;regione */
	WF_PLACES_HISTORY = 4,  /* codiceCatastale;sigla;nome;attivo */
	WF_PLACES_RGS = 5       /* RGS RegioneProvinciaCatasto: CODI_CATASTALE;
				 * DESC_CODICE_CATASTALE;CODI_PROVINCIA;DESC_PROVINCIA
				 * (comuni keyed by cadastral code, no ISTAT code) */
};
const char *wf_places_layout_name(int layout);

wf_places *wf_places_new(void);
void wf_places_free(wf_places *p);

/* ---- the folding rule ---- */

/* Fold a place name for comparison: upper-case ASCII letters and
 * digits only, accents folded, J read as I. Writes at most outsz-1
 * bytes and a NUL; returns the length. */
size_t wf_places_fold(const char *s, size_t n, char *out, size_t outsz);

/* ---- loading ---- */

/* Read one list file (any layout above) as an auxiliary file
 * (wf_aux.h): its dialect is detected (the inputs' -d and --encoding do
 * not apply), the run's --max-field-bytes does. Under -v, says its dialect, layout and
 * what it added. Returns 0, or -1 after a message "wf-x: FILE[:LINE]:
 * reason". */
int wf_places_load(wf_places *p, const char *path, const wf_run *run);

/* The same, fed row by row (for callers that own the reading): a
 * header, then records. Return the layout / 0, or -1 with a reason in
 * err (the record is ignored). */
int wf_places_header(wf_places *p, const char *const *names, size_t n,
		     char *err, size_t errsz);
int wf_places_add(wf_places *p, const char *const *f, size_t n,
		  char *err, size_t errsz);

/* Number of distinct comuni (with an ISTAT code), and of those with
 * coordinates. */
size_t wf_places_count(wf_places *p, size_t *with_coords);

/* ---- comuni ---- */

typedef struct wf_comune {
	const char *code;      /* 6-digit ISTAT code; "" for a suppressed comune only the history knows */
	const char *name;      /* as the first list wrote it */
	const char *sigla;     /* province sigla */
	const char *region;    /* 2-digit ISTAT region code, "" unknown */
	const char *cadastral; /* "" unknown */
	int current;           /* a comune of today (see above) */
} wf_comune;

const wf_comune *wf_places_comune(wf_places *p, int i);
/* Do now the linking that lookups otherwise do on first use, so that
 * from here on (until the next load) they only read p and threads may
 * share it. */
void wf_places_prepare(wf_places *p);
int wf_places_by_code(wf_places *p, const char *istat6);
int wf_places_by_cadastral(wf_places *p, const char *code);

/* How a name matched. */
enum wf_name_via {
	WF_NAME_NONE = 0,
	WF_NAME_WHOLE,   /* a name of the comune as a list writes it */
	WF_NAME_PART,    /* one part of a bilingual name */
	WF_NAME_FORMER   /* a former name, or a suppressed comune (history) */
};

/* The comuni a name designates, best tier only (whole names, else
 * parts, else former names), current comuni before older ones of the
 * same name and province. sigla (may be NULL or "") keeps only that
 * province. Fills at most max indexes; returns how many match (may
 * exceed max) and the tier in *via. */
size_t wf_places_find(wf_places *p, const char *name, size_t n, const char *sigla,
		      int *out, size_t max, enum wf_name_via *via);

/* The closest comune name to a name not found (a typo: at most two
 * letters off), as "Spilimbergo (PN)" into buf; 0, or -1 when none. */
int wf_places_suggest(wf_places *p, const char *name, char *buf, size_t bufsz);

/* The point of comune i: its own coordinates, or for a comune born from
 * a merger that no geocoded list knows, the mean of its predecessors'
 * (the comuni of its province that are no longer current and share a
 * word of its name); then *from says which ("Ronago, Uggiate-Trevano").
 * 0, or -1 with a reason in why. */
int wf_places_point(wf_places *p, int i, double *lat, double *lon,
		    char *from, size_t fromsz, char *why, size_t whysz);

/* ---- provinces and regions (built in) ---- */

typedef struct wf_province {
	int code;            /* ISTAT province code (1-111) */
	const char *sigla;
	const char *region;  /* 2-digit ISTAT region code */
	const char *name;    /* upper case, as RGS writes it */
	const char *now;     /* suppressed province: the sigla that took it over; else NULL */
	const char *parents; /* created since 1992: siglas of the provinces it came from */
} wf_province;

const wf_province *wf_province_by_code(int code);
const wf_province *wf_province_by_sigla(const char *sigla);
/* By folded name, from the built-in names and those the lists gave
 * (nomeProvincia, DESC_PROVINCIA). */
const wf_province *wf_places_province_by_name(wf_places *p, const char *name, size_t n);
/* Region code ("03") by name ("LOMBARDIA", "Valle d'Aosta/Vallée
 * d'Aoste", "EMILIA ROMAGNA"...); NULL if unknown. */
const char *wf_region_by_name(const char *name, size_t n);
const char *wf_region_name(const char *code);

/* Add a province or region name a list spells its own way. */
void wf_places_add_province_name(wf_places *p, const char *name, const char *sigla);

/* ---- the tax-code rule ---- */

/* A numeric CODI_FISCALE (11 digits once left-padded with zeros)
 * carries in digits 8-10 the ISTAT code of the province whose tax
 * office issued it. Returns that province (a suppressed one is
 * returned as itself: see ->now), or NULL for a code that is not
 * numeric, too long, or names no province. */
const wf_province *wf_taxcode_province(const char *cf);

/* True when a body whose tax code names province tax may sit in
 * province sigla: the same province, one created from it since 1992
 * (LC from CO...), or the one that took a suppressed province over. */
int wf_province_family(const wf_province *tax, const char *sigla);

/* ---- locations (wf-match) ---- */

/* A location as written in a row; NULL or blank fields are absent.
 * code is an ISTAT code (or a cadastral code); name may be "Name (SG)";
 * province is the sigla. Precedence: lat+lon, then code, then cap,
 * then name. */
typedef struct wf_placeq {
	const char *lat, *lon, *code, *cap, *name, *province;
	char *comune_out; /* may be NULL: else 7 bytes, the ISTAT code of the
			   * comune resolved by code or name ("" otherwise) */
} wf_placeq;

/* Fill *lat, *lon. p may be NULL (then only lat/lon resolve). Returns
 * 0, or -1 with a reason in why ("CAP '99999' is not in the places
 * list", "comune 'Spilmbergo' is not in the places list: did you mean
 * Spilimbergo (PN)?"). how (may be NULL) says how an unusual location
 * was read (a comune placed from its predecessors). */
int wf_places_resolve(wf_places *p, const wf_placeq *q, double *lat, double *lon,
		      char *how, size_t howsz, char *why, size_t whysz);

/* Parse a coordinate ('.' or ',' as decimal separator). 0 or -1. */
int wf_places_coord(const char *s, double *v);

#endif
