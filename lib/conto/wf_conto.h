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

#include "wf_placement.h"
#include "wf_table.h"

/* Header name to UPPER_SNAKE with accents folded, '%' kept, and the
 * known aliases and typos of the source fixed ("Voce di Spesa" ->
 * VOCE_SPESA, PIEDO -> PIENO, PART_TIMESUP50% -> PART_TIME_SUP50%...).
 * Writes at most outsz-1 bytes and a NUL; returns the length. */
size_t wf_conto_norm_header(const char *s, size_t n, char *out, size_t outsz);

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

/* True for the base names of the code lists wf_codes_load reads. */
int wf_conto_is_code_list(const char *base);

/* "L90" / "L090" / " l090 " -> "L090" (letters, then digits padded to
 * three). Returns 0, or -1 when s is not an item code. */
int wf_conto_item_code(const char *s, size_t n, char out[16]);

/* "C4308" -> type "C". Returns 0, or -1 when s is not a type code
 * (1-3 letters) followed by digits. Surrounding spaces are allowed and
 * dropped in *key. */
int wf_conto_inst_key(const char *s, size_t n, char key[32], char type[8]);

/* ---- code lists and places ---- */

typedef struct wf_codes wf_codes;

typedef struct wf_inst {
	const char *key, *type, *name;
	const char *region;   /* 2-digit ISTAT region or "" */
	const char *province; /* sigla or "" */
	const char *comune;   /* 6-digit ISTAT code or "" */
	const char *taxcode;  /* CODI_FISCALE as listed, or "" */
	const char *evidence; /* what decided the place (wf_placement.h) */
	enum wf_place_how how;
	int known;            /* in the institution list */
} wf_inst;

wf_codes *wf_codes_new(void);
void wf_codes_free(wf_codes *c);

/* Load the code lists from a {YYYY}Anagrafiche folder or any zip that
 * holds them (also nested). Each call adds the lists of one year (from
 * their ANNO column) and makes them the active ones. Returns 0 or -1
 * after a message. */
int wf_codes_load(wf_codes *c, const char *dir_or_zip, int verbose);

/* Code lists inside a data archive (a {YYYY}Tutto.zip holding its
 * {YYYY}Anagrafiche): added as that year's lists unless lists of that
 * year are loaded already. Returns 0 when added, 1 when the archive has
 * none or its year is taken (*year says which year, 0 none), -1 on
 * error (reported). */
int wf_codes_load_embedded(wf_codes *c, const char *name, const unsigned char *buf,
			   size_t n, int *year);

/* Make the lists of year active: that year's, else the nearest year's
 * (the later on a tie). Returns the year of the lists chosen, 0 when
 * none are loaded. Lookups below use the active lists. */
int wf_codes_select_year(wf_codes *c, int year);

/* Add a comuni list (any wf_places layout) to the places the
 * institutions are placed with; repeatable. Returns 0 or -1 after a
 * message. */
int wf_codes_load_places(wf_codes *c, const char *path, const struct wf_cli *cli);
/* The comuni lists loaded (never NULL; empty before any). */
wf_places *wf_codes_places(wf_codes *c);
/* Overrides applied last to every placement (borrowed; may be NULL). */
void wf_codes_set_overrides(wf_codes *c, wf_overrides *o);

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

/* Per year of code lists loaded (list 0..nlists-1): its year and the
 * institutions its files used, counted by placement, for the stderr
 * summary; and a callback over the unplaced ones (for -v). */
size_t wf_codes_nlists(const wf_codes *c);
int wf_codes_list_year(const wf_codes *c, size_t list);
void wf_codes_place_stats(const wf_codes *c, size_t list, unsigned long counts[WF_PLACE_NKINDS]);
void wf_codes_each_unplaced(const wf_codes *c, void (*fn)(const wf_inst *, void *), void *ctx);
/* Every institution of list (listed or seen in the data), in list
 * order, placed; seen says whether the data used it. */
void wf_codes_each_inst(wf_codes *c, size_t list,
			void (*fn)(const wf_inst *, int seen, void *), void *ctx);

/* RGS region code (R00090) to ISTAT region code ("03"); NULL if unknown. */
const char *wf_rgs_region_istat(const char *rgs);

#endif
