/*
 * wf_conto.h - knowledge of the RGS Conto Annuale open data: header
 * spellings across 2001-2024, file layouts, code lists and how to
 * place an institution on the map. See share/man/man1/wf-ingest.1 and
 * the README for the dialects.
 *
 * Ownership: wf_codes_new() returns an object freed by wf_codes_free()
 * (NULL is a no-op); strings it returns are borrowed from it.
 */
#ifndef WF_CONTO_H
#define WF_CONTO_H

#include <stddef.h>

#include "wf_table.h"

/* Header name to UPPER_SNAKE with accents folded, '%' kept, and the
 * known aliases and typos of the source fixed ("Voce di Spesa" ->
 * VOCE_SPESA, PIEDO -> PIENO, PART_TIMESUP50% -> PART_TIME_SUP50%...).
 * Writes at most outsz-1 bytes and a NUL; returns the length. */
size_t wf_conto_norm_header(const char *s, size_t n, char *out, size_t outsz);

/* Names (of comuni, provinces...) folded for matching: upper case,
 * accents folded, only letters and digits kept ("CANTU'" = "Cantù"). */
size_t wf_conto_fold_name(const char *s, size_t n, char *out, size_t outsz);

enum wf_layout_kind {
	WF_LAYOUT_UNKNOWN = 0,
	WF_LAYOUT_COSTO_LAVORO,
	WF_LAYOUT_OCCUPAZIONE,
	WF_LAYOUT_LAVORO_FLESSIBILE
};

#define WF_LAYOUT_MAXCOUNTS 8

typedef struct wf_layout {
	enum wf_layout_kind kind;
	int inst, contract;  /* column indexes */
	int item, value;     /* COSTO_LAVORO */
	int counts[WF_LAYOUT_MAXCOUNTS]; /* OCCUPAZIONE (6), LAVORO_FLESSIBILE (8) */
	int ncounts;
} wf_layout;

/* Recognise a data file by its header. For an unknown layout, why says
 * what was missing. Returns the kind. */
enum wf_layout_kind wf_layout_detect(const wf_row *header, wf_layout *out,
				     char *why, size_t whylen);
const char *wf_layout_name(enum wf_layout_kind k);
/* The measure a layout yields for its counts: HEADCOUNT, FLEX_UNITS. */
const char *wf_layout_measure(enum wf_layout_kind k);

/* Year from a file name: the last "_YYYY" (1990-2099) before the
 * extension or a non-digit. 0 when absent. */
int wf_conto_year_from_name(const char *name);

/* True when the base name looks like a data file of a layout we read
 * (COSTO_LAVORO_, OCCUPAZIONE_, LAVORO_FLESSIBILE_ + .csv/.gz). */
int wf_conto_wanted_name(const char *base);

/* "L90" / "L090" / " l090 " -> "L090" (letters, then digits padded to
 * three). Returns 0, or -1 when s is not an item code. */
int wf_conto_item_code(const char *s, size_t n, char out[16]);

/* "C4308" -> type "C". Returns 0, or -1 when s is not a type code
 * (1-3 letters) followed by digits. Surrounding spaces are allowed and
 * dropped in *key. */
int wf_conto_inst_key(const char *s, size_t n, char key[32], char type[8]);

/* ---- code lists and places ---- */

typedef struct wf_codes wf_codes;

/* How an institution was placed. */
enum wf_place_how {
	WF_PLACE_NONE = 0,
	WF_PLACE_COMUNE,    /* "COMUNE DI <NAME>" (or ROMA CAPITALE) */
	WF_PLACE_PROVINCE,  /* province name in the institution name */
	WF_PLACE_REGION,    /* region name in the institution name */
	WF_PLACE_SEAT,      /* other bodies: a comune named at the end ("... DI UDINE") */
	WF_PLACE_NKINDS
};

typedef struct wf_inst {
	const char *key, *type, *name;
	const char *region;   /* 2-digit ISTAT region or "" */
	const char *province; /* sigla or "" */
	const char *comune;   /* 6-digit ISTAT code or "" */
	enum wf_place_how how;
	int known;            /* in the institution list */
} wf_inst;

wf_codes *wf_codes_new(void);
void wf_codes_free(wf_codes *c);

/* Load the code lists from a {YYYY}Anagrafiche folder or any zip that
 * holds them (also nested). Returns 0 or -1 after a message. */
int wf_codes_load(wf_codes *c, const char *dir_or_zip, int verbose);

/* Load a comuni list (comuni_geocoded.csv layout, or the ISTAT list)
 * keyed by cadastral code. Returns 0 or -1 after a message. */
int wf_codes_load_places(wf_codes *c, const char *path);

int wf_codes_have_lists(const wf_codes *c);
int wf_codes_have_places(const wf_codes *c);

/* Everything known about an institution key; never NULL. Placement is
 * computed once per key and cached. */
const wf_inst *wf_codes_inst(wf_codes *c, const char *key, const char *type);

/* Aggregate and comparto codes of a contract, "" when unknown. */
const char *wf_codes_aggregate(const wf_codes *c, const char *contract);
const char *wf_codes_comparto(const wf_codes *c, const char *contract);

/* Sign of a cost item from VoceSpesa.FLAG_SEGNO: +1, -1, 0 unknown. */
int wf_codes_item_sign(const wf_codes *c, const char *item);

/* Counts of institutions seen, by placement, for the stderr summary;
 * and a callback over the unplaced ones (for -v). */
void wf_codes_place_stats(const wf_codes *c, unsigned long counts[WF_PLACE_NKINDS]);
void wf_codes_each_unplaced(const wf_codes *c, void (*fn)(const wf_inst *, void *), void *ctx);

/* RGS region code (R00090) to ISTAT region code ("03"); NULL if unknown. */
const char *wf_rgs_region_istat(const char *rgs);

#endif
