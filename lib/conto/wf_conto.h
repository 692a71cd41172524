/*
 * wf_conto.h - the RGS Conto Annuale code lists (institutions,
 * contracts, cost items, cadastral codes; one set per year) and how to
 * place an institution on the map. The dialects (header spellings,
 * layouts, file names) are in wf_dialect.h, included here.
 *
 * Ownership: wf_codes_new() returns an object freed by wf_codes_free()
 * (NULL is a no-op); strings it returns are borrowed from it.
 */
#ifndef WF_CONTO_H
#define WF_CONTO_H

#include <stddef.h>

#include "wf_dialect.h"
#include "wf_placement.h"
#include "wf_table.h"

/* True for the base names of the code lists wf_codes_load reads. */
int wf_conto_is_code_list(const char *base);

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

/* The one code-list loader (wf-ingest --codes, wf-benchmark --codes).
 * Load the code lists from a {YYYY}Anagrafiche folder or any zip that
 * holds them (also nested), or one list file by its published name.
 * Each call adds the lists of one year (from their ANNO column) and
 * makes them the active ones. Every list is read as an auxiliary file
 * (wf_aux.h) with the run's options from wf_codes_set_reader().
 * wf_codes_load needs the institution list (a verbose run names the
 * lists that are missing); wf_codes_load_items needs only VoceSpesa.
 * Returns 0 or -1 after a message. */
int wf_codes_load(wf_codes *c, const char *dir_or_zip, int verbose);
int wf_codes_load_items(wf_codes *c, const char *path);
/* The run's reader options (only --max-field-bytes applies to the
 * lists; their dialect is always found from the file). */
void wf_codes_set_reader(wf_codes *c, const wf_reader_opts *run);

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
int wf_codes_load_places(wf_codes *c, const char *path, const wf_run *run);
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

/* Sign of a cost item in the active lists (VoceSpesa.FLAG_SEGNO "+"
 * or "-"): +1, -1, or 0 when the item is not listed or its flag is
 * unreadable or conflicting; then wf_codes_item_problem() says
 * "FILE:LINE: bad FLAG_SEGNO '*'" (borrowed), NULL when not listed. */
int wf_codes_item_sign(const wf_codes *c, const char *item);
const char *wf_codes_item_problem(const wf_codes *c, const char *item);

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

/* ---- several threads (wf-ingest --threads) ----
 * A worker thread reads the lists without changing them: it picks a
 * year's lists, looks institutions up, and places one not placed yet
 * into its own scratch. The thread that owns c then makes the calls
 * that change it (wf_codes_select_year, wf_codes_inst_at, wf_codes_adopt)
 * in input order, so c ends as a one-thread run leaves it, and the
 * strings a worker got are the ones those calls give. The caller makes
 * sure c does not change while a worker reads it (wf_ingest holds a
 * lock), and calls wf_codes_prepare() once before workers start. */
typedef struct wf_codes_layer wf_codes_layer; /* one year's lists, owned by c */
typedef struct wf_codes_scratch wf_codes_scratch;

/* Finish the lazy work of lookups (place lists' linking) now. */
void wf_codes_prepare(wf_codes *c);
/* The lists wf_codes_select_year(c, year) would make active, had extra
 * (may be NULL) been added last; *lists_year is what it would return. */
wf_codes_layer *wf_codes_pick(const wf_codes *c, wf_codes_layer *extra, int year,
			      int *lists_year);
wf_codes_layer *wf_codes_active(const wf_codes *c);
int wf_codes_has_year(const wf_codes *c, int year);
/* wf_codes_load_embedded in two steps: the archive's lists as a layer
 * of the caller's (prepared; NULL unless *rc is 0: *rc and *year as
 * wf_codes_load_embedded gives them), then wf_codes_adopt() hands it to
 * c as wf_codes_load_embedded adds it; or wf_codes_layer_free(). */
wf_codes_layer *wf_codes_embedded_layer(const wf_codes *c, const char *name,
					const unsigned char *buf, size_t n, int *year, int *rc);
void wf_codes_adopt(wf_codes *c, wf_codes_layer *l);
void wf_codes_layer_free(wf_codes_layer *l);
/* wf_codes_inst with l's lists (l held by c). */
const wf_inst *wf_codes_inst_at(wf_codes *c, wf_codes_layer *l, const char *key,
				const char *type);
/* What wf_codes_inst_at(c, l, key, type) would return, leaving c and l
 * as they are: the shared record when it is placed already, else one
 * placed in s (*first set when s made it now). Valid while c, l and s
 * live. Several workers may share s (it has a lock of its own). */
wf_codes_scratch *wf_codes_scratch_new(void);
void wf_codes_scratch_free(wf_codes_scratch *s);
const wf_inst *wf_codes_inst_peek(const wf_codes *c, wf_codes_layer *l, const char *key,
				  const char *type, wf_codes_scratch *s, int *first);
/* wf_codes_aggregate, wf_codes_comparto with l's lists. */
/* wf_codes_inst_at taking the placement s holds for (l, key), when it
 * has one, instead of placing it again: the same record results. */
const wf_inst *wf_codes_inst_placed(wf_codes *c, wf_codes_layer *l, const char *key,
				    const char *type, wf_codes_scratch *s);
const char *wf_codes_layer_aggregate(const wf_codes_layer *l, const char *contract);
const char *wf_codes_layer_comparto(const wf_codes_layer *l, const char *contract);

/* RGS region code (R00090) to ISTAT region code ("03"); NULL if unknown. */
const char *wf_rgs_region_istat(const char *rgs);

#endif
