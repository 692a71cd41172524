/*
 * wf_matchio.h - the wf-match run: read demand, supply and comuni lists
 * as tables (CSV or NDJSON through wf_reader), resolve locations and
 * categories, reject bad rows with FILE:LINE and a reason, run
 * wf_match, write the match table and a summary on stderr.
 *
 * Fields and the default column names they are read from (change them
 * with a map "field=column,field=column"):
 *   demand: id name lat lon istat cap comune province category
 *           quantity budget max_km
 *   supply: id name lat lon istat cap comune province categories
 *           capacity unit_price radius_km
 * id, category/categories, quantity/capacity and one location (lat and
 * lon, istat, cap or comune) are required columns; the others are
 * optional. categories holds one or more codes separated by '|', ';',
 * ',' or blanks. Money (budget, unit_price) is a plain decimal with '.'.
 *
 * Output columns: demand_id, supply_id, category, distance_km, score,
 * fit, proximity, capacity, price, assigned, unmet, status, reason,
 * supply_name, demand_lat, demand_lon, supply_lat, supply_lon (for
 * wf-report's match report and map), demand_category, demand_name,
 * demand_comune (the need's own: coverage is counted by what was asked
 * for, category being the offer's category that fits), and provenance
 * ("data=SYNTHETIC" or empty) only when an input has that column.
 * status is "candidate" (--top), "assigned" (--assign) or "unmet"
 * (supply columns empty, unmet = units not served, reason set).
 * demand_comune is the 6-digit ISTAT code the row gives (istat, or a
 * code in comune), empty otherwise.
 *
 * demand_category / supply_category set one category for every row of
 * that file (a regional list of care homes has no taxonomy column); a
 * row's own non-empty column wins. Unknown codes: exit 2.
 *
 * A stop on a bad row (no --rejects) commits nothing with -o; on
 * standard output a message says how many rows were already written.
 *
 * Ownership: the run borrows its options and the cli settings; it opens
 * and closes every file it reads or writes itself.
 */
#ifndef WF_MATCHIO_H
#define WF_MATCHIO_H

#include <stddef.h>

#include "wf_io.h"
#include "wf_match.h"
#include "wf_run.h"
#include "wf_table.h"

typedef struct wf_matchrun {
	wf_run io;                  /* reader options, -v, --excel-safe, progress,
				       --threads (--top scores on them; 0: online CPUs) */
	/* The streams, opened by the caller (borrowed; it closes them,
	 * committing out and unmet only when *complete is set). */
	wf_out *out;                /* the matches */
	enum wf_format out_format;  /* -f */
	int out_is_stdout;          /* a failed run says how much stdout holds */
	wf_out *rejects;            /* --rejects, or NULL: the first bad row stops */
	const char *rejects_name;   /* its name, for the closing summary */
	wf_out *unmet_out;          /* --unmet, or NULL */
	const char *demand, *supply;
	const char *const *places;  /* comuni lists, nplaces of them */
	size_t nplaces;
	const char *taxonomy;       /* NULL: wf_taxonomy_open default */
	const char *map_demand, *map_supply; /* NULL: default names */
	const char *demand_category, *supply_category; /* --X-category or NULL */
	int assign;
	size_t max_memory;          /* --assign working memory, bytes; 0: default */
	const char *max_memory_arg; /* --max-memory as given, for messages */
	wf_match_opts opts;
} wf_matchrun;

/* The default --max-memory: half the physical memory (1 GiB when it
 * cannot be read). */
size_t wf_matchrun_default_memory(void);

/* Check a column map for demand (supply = 0) or supply (1). Returns
 * NULL, or a message written into buf. */
const char *wf_matchrun_check_map(const char *spec, int supply, char *buf,
				  size_t bufsz);

/* Run; returns the exit status (WF_EXIT_OK, WF_EXIT_DATA, or
 * WF_EXIT_USAGE for an unknown --X-category) after printing any
 * message, and sets *complete when out and unmet_out hold a whole
 * result to commit (rows rejected into --rejects still leave one). */
int wf_matchrun_exec(const wf_matchrun *r, int *complete);

#endif
