/* wf_dialect.c - the Conto Annuale dialects (wf_dialect.h): header
 * spellings, layouts by header, names of data files. */

#include "wf_dialect.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "wf_run.h"
#include "wf_err.h"
#include "wf_text.h"

/* ---- names ---- */

/* U+00C0..U+00FF folded to an ASCII capital (0 = not a letter). */
static const char latin1_fold[64] = {
	'A', 'A', 'A', 'A', 'A', 'A', 'A', 'C', 'E', 'E', 'E', 'E', 'I', 'I', 'I', 'I',
	'D', 'N', 'O', 'O', 'O', 'O', 'O', 0, 'O', 'U', 'U', 'U', 'U', 'Y', 0, 'S',
	'A', 'A', 'A', 'A', 'A', 'A', 'A', 'C', 'E', 'E', 'E', 'E', 'I', 'I', 'I', 'I',
	'D', 'N', 'O', 'O', 'O', 'O', 'O', 0, 'O', 'U', 'U', 'U', 'U', 'Y', 0, 'Y'
};

/* Next character of UTF-8 text as an ASCII capital, digit or '%', or
 * '_' for anything else (spaces, punctuation, other scripts). */
static char fold_next(const unsigned char **pp, const unsigned char *e)
{
	const unsigned char *p = *pp;
	unsigned c = *p++;

	if (c >= 0x80) {
		if (c == 0xC3 && p < e && (*p & 0xC0) == 0x80) {
			char f = latin1_fold[((c & 0x1F) << 6 | (*p & 0x3F)) - 0xC0];
			p++;
			*pp = p;
			return f ? f : '_';
		}
		while (p < e && (*p & 0xC0) == 0x80)
			p++;
		*pp = p;
		return '_';
	}
	*pp = p;
	if (isalpha(c))
		return (char)toupper(c);
	if (isdigit(c) || c == '%')
		return (char)c;
	return '_';
}

/* Runs of separators become one '_'; none at either end. */
static size_t fold(const char *s, size_t n, char *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	size_t k = 0;

	while (p < e && k + 1 < outsz) {
		char c = fold_next(&p, e);
		if (c == '_') {
			if (k > 0 && out[k - 1] != '_')
				out[k++] = '_';
			continue;
		}
		out[k++] = c;
	}
	while (k > 0 && out[k - 1] == '_')
		k--;
	out[k] = '\0';
	return k;
}

static void replace_all(char *s, size_t cap, const char *from, const char *to)
{
	size_t fl = strlen(from), tl = strlen(to);
	char *p = s;

	while ((p = strstr(p, from)) != NULL) {
		size_t rest = strlen(p + fl);
		if ((size_t)(p - s) + tl + rest + 1 > cap)
			return;
		memmove(p + tl, p + fl, rest + 1);
		memcpy(p, to, tl);
		p += tl;
	}
}

size_t wf_conto_norm_header(const char *s, size_t n, char *out, size_t outsz)
{
	/* Spellings seen in the published files, 2001-2024. */
	static const char *const alias[][2] = {
		{ "VOCE_DI_SPESA", "VOCE_SPESA" },
		{ "PIEDO", "PIENO" },
		{ "DOMME", "DONNE" },
		{ "PARTTIME", "PART_TIME" },
		{ "PART_TIMESUP", "PART_TIME_SUP" },
		{ "PART_TIMEINF", "PART_TIME_INF" },
		{ "SUP_50%", "SUP50%" },
		{ "INF_50%", "INF50%" },
		{ "COMANDATIDISTACCATI", "COMANDATI_DISTACCATI_" },
		{ "COMANDATI_DISTACCATI__", "COMANDATI_DISTACCATI_" },
		/* The spec's "TELE LAVORO"; one word in some exports. */
		{ "TELELAVORO", "TELE_LAVORO" },
		{ "SOGGETTI_TURNAZIONE", "SOGGETTI_A_TURNAZIONE" },
	};

	fold(s, n, out, outsz);
	for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
		replace_all(out, outsz, alias[i][0], alias[i][1]);
	return strlen(out);
}

/* ---- layouts ---- */

static const char *const occ_cols[] = {
	"PERSONALE_TEMPO_PIENO_UOMINI", "PERSONALE_TEMPO_PIENO_DONNE",
	"PART_TIME_INF50%_UOMINI", "PART_TIME_INF50%_DONNE",
	"PART_TIME_SUP50%_UOMINI", "PART_TIME_SUP50%_DONNE", NULL
};
static const char *const flex_cols[] = {
	"PERSONALE_TEMPO_DETERMINATO_UOMINI", "PERSONALE_TEMPO_DETERMINATO_DONNE",
	"FORMAZIONE_LAVORO_UOMINI", "FORMAZIONE_LAVORO_DONNE",
	"INTERINALE_UOMINI", "INTERINALE_DONNE",
	"LAVORO_SOCIALMENTE_UTILE_UOMINI", "LAVORO_SOCIALMENTE_UTILE_DONNE", NULL
};

/* The wellbeing tables (Tracciati: ASSENZE, FORMAZIONE,
 * MODALITA_LAVORO_FLESSIBILE, CONTRATTAZIONE_INTEGRATIVA). Counts come
 * in men/women pairs, so the women's are the odd ones. */
static const char *const abs_cols[] = { "ASSENZE_UOMINI", "ASSENZE_DONNE", NULL };
static const char *const train_cols[] = { "FORM_UOMINI", "FORM_DONNE", NULL };
static const char *const mode_cols[] = {
	"TELE_LAVORO_UOMINI", "TELE_LAVORO_DONNE",
	"SOGGETTI_A_TURNAZIONE_UOMINI", "SOGGETTI_A_TURNAZIONE_DONNE",
	"SOGGETTI_REPERIBILITA_UOMINI", "SOGGETTI_REPERIBILITA_DONNE", NULL
};

/* Index of a normalised column, -1 absent, -2 present twice. */
static int find_col(char **norm, size_t n, const char *name)
{
	return wf_names_col((const char *const *)norm, n, name);
}

enum wf_layout_kind wf_layout_detect(const wf_row *h, wf_layout *L, char *why, size_t whylen)
{
	char **norm = wf_xcalloc(h->n ? h->n : 1, sizeof *norm);
	const char *const *need = NULL;
	enum wf_layout_kind k = WF_LAYOUT_UNKNOWN;
	int *slot[WF_LAYOUT_MAXCOUNTS + 4];
	const char *names[WF_LAYOUT_MAXCOUNTS + 4];
	size_t nneed = 0;

	memset(L, 0, sizeof *L);
	why[0] = '\0';
	for (size_t i = 0; i < h->n; i++) {
		char buf[256];
		wf_conto_norm_header(h->f[i], h->len[i], buf, sizeof buf);
		norm[i] = wf_xstrdup(buf);
	}
	names[nneed] = "ISTITUZIONE", slot[nneed++] = &L->inst;
	names[nneed] = "CONTRATTO", slot[nneed++] = &L->contract;
	if (find_col(norm, h->n, "VOCE_SPESA_FUA") != -1) {
		k = WF_LAYOUT_CONTRATTAZIONE_INTEGRATIVA;
		names[nneed] = "TIPO_VOCE_SPESA", slot[nneed++] = &L->item_type;
		names[nneed] = "VOCE_SPESA_FUA", slot[nneed++] = &L->item;
		names[nneed] = "IMPORTO", slot[nneed++] = &L->value;
	} else if (find_col(norm, h->n, "CAUSALE_ASSENZA") != -1) {
		k = WF_LAYOUT_ASSENZE;
		names[nneed] = "CAUSALE_ASSENZA", slot[nneed++] = &L->cause;
		need = abs_cols;
	} else if (find_col(norm, h->n, train_cols[0]) != -1) {
		k = WF_LAYOUT_FORMAZIONE;
		need = train_cols;
	} else if (find_col(norm, h->n, mode_cols[0]) != -1) {
		k = WF_LAYOUT_MODALITA_LAVORO_FLESSIBILE;
		need = mode_cols;
	} else if (find_col(norm, h->n, "VOCE_SPESA") != -1 || find_col(norm, h->n, "TOTALE_SPESA") != -1) {
		k = WF_LAYOUT_COSTO_LAVORO;
		names[nneed] = "VOCE_SPESA", slot[nneed++] = &L->item;
		names[nneed] = "TOTALE_SPESA", slot[nneed++] = &L->value;
	} else if (find_col(norm, h->n, occ_cols[0]) != -1) {
		k = WF_LAYOUT_OCCUPAZIONE;
		need = occ_cols;
	} else if (find_col(norm, h->n, flex_cols[0]) != -1) {
		k = WF_LAYOUT_LAVORO_FLESSIBILE;
		need = flex_cols;
	}
	for (; need && *need; need++) {
		names[nneed] = *need;
		slot[nneed++] = &L->counts[L->ncounts++];
	}
	if (k == WF_LAYOUT_UNKNOWN) {
		snprintf(why, whylen, "unknown layout (header has none of VOCE_SPESA, %s, %s, "
			 "CAUSALE_ASSENZA, %s, %s, VOCE_SPESA_FUA)", occ_cols[0], flex_cols[0],
			 train_cols[0], mode_cols[0]);
		goto out;
	}
	for (size_t i = 0; i < nneed; i++) {
		int c = find_col(norm, h->n, names[i]);
		if (c < 0) {
			snprintf(why, whylen, "unknown layout (%s header %s column %s)",
				 wf_layout_name(k), c == -1 ? "lacks" : "repeats", names[i]);
			k = WF_LAYOUT_UNKNOWN;
			goto out;
		}
		*slot[i] = c;
	}
	L->kind = k;
out:
	for (size_t i = 0; i < h->n; i++)
		free(norm[i]);
	free(norm);
	return k;
}

const char *wf_layout_name(enum wf_layout_kind k)
{
	switch (k) {
	case WF_LAYOUT_COSTO_LAVORO: return "COSTO_LAVORO";
	case WF_LAYOUT_OCCUPAZIONE: return "OCCUPAZIONE";
	case WF_LAYOUT_LAVORO_FLESSIBILE: return "LAVORO_FLESSIBILE";
	case WF_LAYOUT_ASSENZE: return "ASSENZE";
	case WF_LAYOUT_FORMAZIONE: return "FORMAZIONE";
	case WF_LAYOUT_MODALITA_LAVORO_FLESSIBILE: return "MODALITA_LAVORO_FLESSIBILE";
	case WF_LAYOUT_CONTRATTAZIONE_INTEGRATIVA: return "CONTRATTAZIONE_INTEGRATIVA";
	default: return "unknown";
	}
}

/* What each counting layout yields per row: measure and the count
 * columns (bit i = counts[i]) it sums. */
static const wf_measure_def occ_out[] = { { "HEADCOUNT", 0x3f }, { "HEADCOUNT_WOMEN", 0x2a } };
static const wf_measure_def flex_out[] = { { "FLEX_UNITS", 0xff }, { "FLEX_UNITS_WOMEN", 0xaa } };
static const wf_measure_def train_out[] = { { "TRAINING_DAYS", 3 }, { "TRAINING_DAYS_WOMEN", 2 } };
static const wf_measure_def mode_out[] = {
	{ "TELEWORK", 0x03 }, { "TELEWORK_WOMEN", 0x02 }, { "SHIFT_WORK", 0x0c },
	{ "SHIFT_WORK_WOMEN", 0x08 }, { "ON_CALL", 0x30 }, { "ON_CALL_WOMEN", 0x20 }
};
static const wf_measure_def abs_all[] = { { "ABSENCE_DAYS", 3 }, { "ABSENCE_DAYS_WOMEN", 2 } };

/* Causes of absence (Causali, type Z "Assenze", 2024 list) that get a
 * measure of their own, and those that are not absences in the
 * wellbeing sense: holidays are an entitlement, training is counted by
 * FORMAZIONE and remote work is work. Every other code (PR6 other paid
 * leave, SC1 strike, SS2 unpaid leave, codes of other years) counts in
 * ABSENCE_DAYS only. */
static const struct {
	const char *code;
	wf_measure_def out[2]; /* measure {} = not in ABSENCE_DAYS */
} causes[] = {
	{ "M05", { { "ABSENCE_DAYS_ILLNESS", 3 }, { "ABSENCE_DAYS_ILLNESS_WOMEN", 2 } } },
	{ "M06", { { "ABSENCE_DAYS_ILLNESS", 3 }, { "ABSENCE_DAYS_ILLNESS_WOMEN", 2 } } },
	{ "PR4", { { "ABSENCE_DAYS_CARE", 3 }, { "ABSENCE_DAYS_CARE_WOMEN", 2 } } },
	{ "O10", { { "ABSENCE_DAYS_CARE", 3 }, { "ABSENCE_DAYS_CARE_WOMEN", 2 } } },
	{ "PR5", { { "ABSENCE_DAYS_PARENTAL", 3 }, { "ABSENCE_DAYS_PARENTAL_WOMEN", 2 } } },
	{ "F00", { { NULL, 0 }, { NULL, 0 } } },
	{ "Z01", { { NULL, 0 }, { NULL, 0 } } },
	{ "Z02", { { NULL, 0 }, { NULL, 0 } } },
};

size_t wf_layout_measures(enum wf_layout_kind k, const char *cause,
			  wf_measure_def out[WF_LAYOUT_MAXOUT])
{
	const wf_measure_def *d = NULL;
	size_t n = 0;

	switch (k) {
	case WF_LAYOUT_OCCUPAZIONE: d = occ_out, n = 2; break;
	case WF_LAYOUT_LAVORO_FLESSIBILE: d = flex_out, n = 2; break;
	case WF_LAYOUT_FORMAZIONE: d = train_out, n = 2; break;
	case WF_LAYOUT_MODALITA_LAVORO_FLESSIBILE: d = mode_out, n = 6; break;
	case WF_LAYOUT_ASSENZE:
		for (size_t i = 0; i < sizeof causes / sizeof *causes; i++)
			if (strcasecmp(cause, causes[i].code) == 0) {
				if (!causes[i].out[0].measure)
					return 0;
				memcpy(out, abs_all, sizeof abs_all);
				memcpy(out + 2, causes[i].out, sizeof causes[i].out);
				return 4;
			}
		d = abs_all, n = 2;
		break;
	default: return 0;
	}
	memcpy(out, d, n * sizeof *d);
	return n;
}

const char *wf_layout_measure(enum wf_layout_kind k)
{
	wf_measure_def d[WF_LAYOUT_MAXOUT];

	return k != WF_LAYOUT_ASSENZE && wf_layout_measures(k, "", d) ? d[0].measure
	       : k == WF_LAYOUT_ASSENZE ? "ABSENCE_DAYS" : NULL;
}

int wf_conto_fua_measure(const char *type, size_t tn, const char *code, size_t cn,
			 char out[16])
{
	size_t k = 4;

	wf_trim_span(&type, &tn);
	wf_trim_span(&code, &cn);
	if (tn != 1 || !isalpha((unsigned char)*type) || cn == 0 || cn > 4)
		return -1;
	memcpy(out, "FUA_", 4);
	out[k++] = (char)toupper((unsigned char)*type);
	for (size_t i = 0; i < cn; i++) {
		if (!isalnum((unsigned char)code[i]))
			return -1;
		out[k++] = (char)toupper((unsigned char)code[i]);
	}
	out[k] = '\0';
	return 0;
}

int wf_conto_measure_ok(const char *s, size_t n)
{
	static const wf_measure_def *const tabs[] = { occ_out, flex_out, train_out, mode_out, abs_all };
	static const size_t ntab[] = { 2, 2, 2, 6, 2 };
	char code[16];

	for (size_t t = 0; t < sizeof tabs / sizeof *tabs; t++)
		for (size_t i = 0; i < ntab[t]; i++)
			if (strlen(tabs[t][i].measure) == n && memcmp(tabs[t][i].measure, s, n) == 0)
				return 1;
	for (size_t i = 0; i < sizeof causes / sizeof *causes; i++)
		for (size_t j = 0; j < 2; j++) {
			const char *m = causes[i].out[j].measure;
			if (m && strlen(m) == n && memcmp(m, s, n) == 0)
				return 1;
		}
	if (n > 5 && n < 10 && memcmp(s, "FUA_", 4) == 0 &&
	    wf_conto_fua_measure(s + 4, 1, s + 5, n - 5, code) == 0 && memcmp(code, s, n) == 0)
		return 1;
	return wf_conto_item_code(s, n, code) == 0 && strlen(code) == n && memcmp(code, s, n) == 0;
}

int wf_conto_year_from_name(const char *name)
{
	const char *base = strrchr(name, '/'), *p;
	int year = 0;

	base = base ? base + 1 : name;
	for (p = base; (p = strchr(p, '_')) != NULL; p++) {
		if (isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
		    isdigit((unsigned char)p[3]) && isdigit((unsigned char)p[4]) &&
		    !isdigit((unsigned char)p[5])) {
			int y = atoi(p + 1);
			if (y < WF_YEAR_MIN || y > WF_YEAR_MAX)
				continue;
			if (year && y != year)
				return -1; /* COSTO_LAVORO_2024_2023.csv: which? */
			year = y;
		}
	}
	return year;
}

int wf_conto_averages_name(const char *name)
{
	const char *base = strrchr(name, '/');

	base = base ? base + 1 : name;
	return strncasecmp(base, "ASSENZE_MEDIE", 13) == 0;
}

int wf_conto_wanted_name(const char *base)
{
	static const char *const pre[] = {
		"COSTO_LAVORO_", "OCCUPAZIONE_", "LAVORO_FLESSIBILE_", "ASSENZE_", "FORMAZIONE_",
		"MODALITA_LAVORO_FLESSIBILE_", "CONTRATTAZIONE_INTEGRATIVA_"
	};
	size_t n = strlen(base);

	if (!(n > 4 && strcasecmp(base + n - 4, ".csv") == 0) &&
	    !(n > 7 && strcasecmp(base + n - 7, ".csv.gz") == 0))
		return 0;
	/* Averages per head: not summable, and ASSENZE_MEDIE has the very
	 * header of ASSENZE. */
	if (wf_conto_averages_name(base))
		return 0;
	for (size_t i = 0; i < sizeof pre / sizeof *pre; i++)
		if (strncasecmp(base, pre[i], strlen(pre[i])) == 0)
			return 1;
	return 0;
}

/* <ctype.h> of the C locale (the only one wfkit runs in), inline: these
 * run on three cells of every row wf-ingest reads, and the calls
 * through __ctype_b_loc were much of the 7% of its instructions that
 * wf_conto_inst_key and wf_conto_item_code took (callgrind,
 * 200,000 short rows). */
static inline int c_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int c_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline char c_upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

int wf_conto_item_code(const char *s, size_t n, char out[16])
{
	size_t i = 0, k = 0, d;

	wf_trim_span(&s, &n);
	while (i < n && c_alpha(s[i]) && k < 3)
		out[k++] = (char)c_upper(s[i++]);
	d = n - i;
	if (k == 0 || d == 0 || d > 6)
		return -1;
	for (size_t j = i; j < n; j++)
		if (!c_digit(s[j]))
			return -1;
	for (size_t pad = d; pad < 3; pad++)
		out[k++] = '0';
	memcpy(out + k, s + i, d);
	out[k + d] = '\0';
	return 0;
}

int wf_conto_code_ok(const char *s, size_t n)
{
	if (n == 0 || n > WF_CODE_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(c_alpha(s[i]) || c_digit(s[i])))
			return 0;
	return 1;
}

int wf_conto_inst_key(const char *s, size_t n, char key[32], char type[8])
{
	size_t i = 0;

	wf_trim_span(&s, &n);
	while (i < n && c_alpha(s[i]))
		i++;
	if (i == 0 || i > 3 || i == n || n >= 32)
		return -1;
	for (size_t j = i; j < n; j++)
		if (!c_digit(s[j]))
			return -1;
	for (size_t j = 0; j < n; j++)
		key[j] = (char)c_upper(s[j]);
	key[n] = '\0';
	memcpy(type, key, i);
	type[i] = '\0';
	return 0;
}
