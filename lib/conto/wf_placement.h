/*
 * wf_placement.h - where a Conto Annuale institution is: comune,
 * province and region from its type, name and tax code, by rules tried
 * in a fixed order (wf-ingest(1) lists them):
 *
 *  1. national: ministries, constitutional bodies, independent
 *     authorities, national professional orders, sport federations and
 *     national social security by type; national agencies, institutes
 *     and bodies of types AG, AA, LS, IR, IC, RI by a word of their name
 *     (NAZIONALE, ITALIANO, D'ITALIA, DELLO STATO...) and none of their
 *     region; agencies (AG) and research bodies (IR) with no such word
 *     whose name names no place either (rule 4). Not placed.
 *  2. comuni (type C): "COMUNE DI <name>" in the year's cadastral list
 *     (code list), else in the comuni lists by current name or a part
 *     of a bilingual one (name), else by a former name (former name).
 *     A name that several comuni bear is decided by the province the
 *     tax code names, never by order; undecided, it stays unplaced.
 *  3. provinces and metropolitan cities by province name; regions by
 *     region name (name).
 *  4. every other body: a comune, province or region its name ends
 *     with or names after DI / DEL... / " - " (seat); unions and
 *     mountain communities by the comuni they name (name).
 *  5. the tax code: the province of the tax office, or the province
 *     created from it that the name points to (tax code). A body whose
 *     name gave only a region gets the province too when it lies there.
 *  6. an override file, applied last (override).
 *
 * Plain functions on caller-owned structs; the wf_places objects are
 * borrowed. wf_overrides_new/_free own their table (NULL is a no-op).
 */
#ifndef WF_PLACEMENT_H
#define WF_PLACEMENT_H

#include <stddef.h>

#include "wf_places.h"

/* How an institution was placed (the method column of the report). */
enum wf_place_how {
	WF_PLACE_NONE = 0,  /* unplaced */
	WF_PLACE_CODELIST,  /* the year's cadastral list (RegioneProvinciaCatasto) */
	WF_PLACE_NAME,      /* a comune, province or region name */
	WF_PLACE_FORMER,    /* a former name of a comune (name history) */
	WF_PLACE_SEAT,      /* a place its name ends with */
	WF_PLACE_TAXCODE,   /* the province of its tax code */
	WF_PLACE_OVERRIDE,  /* --place-overrides */
	WF_PLACE_NATIONAL,  /* a national body: no place */
	WF_PLACE_NKINDS
};

/* "unplaced", "code list", "name", "former name", "seat", "tax code",
 * "override", "national". */
const char *wf_place_how_name(enum wf_place_how how);

typedef struct wf_placement {
	char comune[8];    /* 6-digit ISTAT code or "" */
	char province[4];  /* sigla or "" */
	char region[4];    /* 2-digit ISTAT code or "" */
	enum wf_place_how how;
	char evidence[256]; /* the name or code that decided, or why not */
} wf_placement;

/* Place one institution. year: that year's cadastral list loaded as a
 * wf_places (may be NULL); places: the --places lists (may be NULL or
 * empty). type, name, taxcode may be NULL. */
void wf_place(wf_places *year, wf_places *places, const char *type, const char *name,
	      const char *taxcode, wf_placement *out);

/* 1, with the reason in why, for a national body; 2 for a national
 * agency or research body unless its name names a place (the caller
 * tries the seat rule first); 0 otherwise. */
int wf_place_is_national(const char *type, const char *name, char *why, size_t whysz);

/* ---- overrides ---- */

typedef struct wf_overrides wf_overrides;

/* Read FILE: columns institution and place (a 6-digit comune code, a
 * province sigla, a 2-digit region code, or "national"), optional
 * note; an auxiliary file (wf_aux.h): any delimiter. Codes are checked against places when it holds
 * comuni. Returns NULL after a message "wf-x: FILE:LINE: reason". */
wf_overrides *wf_overrides_load(const char *path, wf_places *places,
				const wf_run *run);
void wf_overrides_free(wf_overrides *o);
/* Apply the override of key, if any, to *pl. Returns 1 when applied. */
int wf_overrides_apply(wf_overrides *o, const char *key, wf_placement *pl);
/* The same without counting the override as used (a worker thread's
 * look ahead; the use is counted when the main thread applies it). */
int wf_overrides_peek(const wf_overrides *o, const char *key, wf_placement *pl);
/* How many keys of the file were never applied, and the first one. */
size_t wf_overrides_unused(const wf_overrides *o, const char **first);

#endif
