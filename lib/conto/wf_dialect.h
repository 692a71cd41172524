/*
 * wf_dialect.h - the dialects of the RGS Conto Annuale open data, 2001
 * to 2024: how each year spells its headers, how a data file's layout
 * is recognised by its header, and what its file name says (layout,
 * year). Pure functions on caller-owned buffers; no state.
 *
 * How to add an input dialect (a new year's spelling, a new layout):
 *   - a new spelling of a known column: an alias or typo fix in
 *     wf_conto_norm_header() (wf_dialect.c), with a case in
 *     tests/unit/test_conto.c;
 *   - a new layout: a wf_layout_kind, its required columns in
 *     wf_layout_detect(), its name and measure in wf_layout_name() and
 *     wf_layout_measure(), its file prefix in wf_conto_wanted_name(),
 *     then the rows it yields in lib/conto/wf_ingest.c; a bats test in
 *     tests/bats/ingest.bats and a line in wf-ingest(1).
 * See share/man/man1/wf-ingest.1 and the README for the dialects.
 */
#ifndef WF_DIALECT_H
#define WF_DIALECT_H

#include <stddef.h>

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
	WF_LAYOUT_LAVORO_FLESSIBILE,
	WF_LAYOUT_ASSENZE,
	WF_LAYOUT_FORMAZIONE,
	WF_LAYOUT_MODALITA_LAVORO_FLESSIBILE,
	WF_LAYOUT_CONTRATTAZIONE_INTEGRATIVA
};

#define WF_LAYOUT_MAXCOUNTS 8

typedef struct wf_layout {
	enum wf_layout_kind kind;
	int inst, contract;  /* column indexes */
	int item, value;     /* COSTO_LAVORO; CONTRATTAZIONE_INTEGRATIVA (VOCE_SPESA_FUA, IMPORTO) */
	int item_type;       /* CONTRATTAZIONE_INTEGRATIVA: TIPO_VOCE_SPESA */
	int cause;           /* ASSENZE: CAUSALE_ASSENZA */
	/* OCCUPAZIONE (6), LAVORO_FLESSIBILE (8), ASSENZE (2), FORMAZIONE
	 * (2, the days; the FORM_MEDIA averages are not read),
	 * MODALITA_LAVORO_FLESSIBILE (6): men and women in turn */
	int counts[WF_LAYOUT_MAXCOUNTS];
	int ncounts;
} wf_layout;

/* A measure a counting layout yields from each row: the sum of the
 * count columns whose bit is set in mask (bit i = counts[i]). */
typedef struct wf_measure_def {
	const char *measure;
	unsigned mask;
} wf_measure_def;
#define WF_LAYOUT_MAXOUT 8

/* Recognise a data file by its header. For an unknown layout, why says
 * what was missing. Returns the kind. */
enum wf_layout_kind wf_layout_detect(const wf_row *header, wf_layout *out,
				     char *why, size_t whylen);
const char *wf_layout_name(enum wf_layout_kind k);
/* The main measure a counting layout yields: HEADCOUNT, FLEX_UNITS,
 * ABSENCE_DAYS, TRAINING_DAYS, TELEWORK; NULL for the others. */
const char *wf_layout_measure(enum wf_layout_kind k);

/* Every measure of a row of a counting layout (for ASSENZE, of a row
 * with absence cause code `cause`, trimmed), into out; returns how many
 * (0: the row yields nothing, e.g. holidays).
 *   OCCUPAZIONE                 HEADCOUNT, HEADCOUNT_WOMEN
 *   LAVORO_FLESSIBILE           FLEX_UNITS, FLEX_UNITS_WOMEN
 *   FORMAZIONE                  TRAINING_DAYS, TRAINING_DAYS_WOMEN
 *   MODALITA_LAVORO_FLESSIBILE  TELEWORK, SHIFT_WORK, ON_CALL (+ _WOMEN)
 *   ASSENZE                     ABSENCE_DAYS (+ _WOMEN) for every cause
 *                               but F00 holidays, Z01 training, Z02 remote
 *                               work; and ABSENCE_DAYS_ILLNESS (M05, M06),
 *                               ABSENCE_DAYS_CARE (PR4 law 104/1992, O10
 *                               leave to assist a disabled relative),
 *                               ABSENCE_DAYS_PARENTAL (PR5 maternity,
 *                               parental leave, a child's illness) (+ _WOMEN) */
size_t wf_layout_measures(enum wf_layout_kind k, const char *cause,
			  wf_measure_def out[WF_LAYOUT_MAXOUT]);

/* CONTRATTAZIONE_INTEGRATIVA item: type "U" and code "02s" -> measure
 * "FUA_U02S" (type one letter, code 1-4 letters or digits, surrounding
 * spaces dropped). Returns 0, or -1 when they are not such codes. */
int wf_conto_fua_measure(const char *type, size_t tn, const char *code, size_t cn,
			 char out[16]);

/* Whether s[0..n) is a measure of the canonical stream: a cost item
 * code as wf_conto_item_code writes it, a FUA_ measure, or one of the
 * measures of wf_layout_measures. */
int wf_conto_measure_ok(const char *s, size_t n);

/* True for ASSENZE_MEDIE_ names: averages, never read (they share the
 * header of ASSENZE). name may be a path. */
int wf_conto_averages_name(const char *name);

/* Year from a file name: "_YYYY" (WF_YEAR_MIN-WF_YEAR_MAX) followed by
 * a non-digit. 0 when absent, -1 when the name holds two different
 * years (ambiguous: the caller asks for --year). */
int wf_conto_year_from_name(const char *name);

/* True when the base name looks like a data file of a layout we read
 * (COSTO_LAVORO_, OCCUPAZIONE_, LAVORO_FLESSIBILE_, ASSENZE_ but not
 * ASSENZE_MEDIE_, FORMAZIONE_, MODALITA_LAVORO_FLESSIBILE_,
 * CONTRATTAZIONE_INTEGRATIVA_ + .csv/.gz). */
int wf_conto_wanted_name(const char *base);

/* "L90" / "L090" / " l090 " -> "L090" (letters, then digits padded to
 * three). Returns 0, or -1 when s is not an item code. */
int wf_conto_item_code(const char *s, size_t n, char out[16]);

/* "C4308" -> type "C". Returns 0, or -1 when s is not a type code
 * (1-3 letters) followed by digits. Surrounding spaces are allowed and
 * dropped in *key. */
int wf_conto_inst_key(const char *s, size_t n, char key[32], char type[8]);

/* The shape of every other code (contract RALN, aggregate 04, comparto
 * FL, region 03, province MI, comune 015146): 1 to WF_CODE_MAX letters
 * and digits, nothing else (no quote, comma, space or newline). */
#define WF_CODE_MAX 16
int wf_conto_code_ok(const char *s, size_t n);

#endif
