/*
 * wf-synth - deterministic SYNTHETIC Conto Annuale data files for the
 * tests, `make demo` and the benchmarks. Nothing it writes is real RGS
 * data; the figures only imitate the shape of the real ones.
 *
 * What it writes, for every requested year Y in 2001-2024:
 *   COSTO_LAVORO_Y, OCCUPAZIONE_Y, LAVORO_FLESSIBILE_Y  (.csv or .CSV)
 *   and the staff-wellbeing tables ASSENZE_Y, FORMAZIONE_Y,
 *   MODALITA_LAVORO_FLESSIBILE_Y, CONTRATTAZIONE_INTEGRATIVA_Y (from 2009),
 *   each in the year's dialect of the non-cost files (the header comment
 *   of write_abs() and friends says what their figures look like)
 * as loose files in DIR, or (--zip) packed the way RGS publishes them,
 * together with members an ingester must skip (RETRIBUZIONE_MEDIA_Y,
 * a LEGGIMI.txt). DIR also gets SYNTHETIC-README.txt. Every zip carries
 * an archive comment and per-member comments saying "SYNTHETIC"; the CSV
 * files themselves carry no marker because real files have no comment
 * lines and a marker would break the dialect being imitated.
 *
 * Dialects, per year and per file (conto-annuale.md "Dialects"):
 *   modern  `;`, quoted only where needed (never, for these codes and
 *           numbers), UTF-8, UPPER_SNAKE headers, Italian numbers
 *   old     `,`, every field double-quoted, Windows-1252, Title Case
 *           headers ("Voce di Spesa", "Totale Spesa"), Italian numbers
 *
 *   year       COSTO_LAVORO  OCCUPAZIONE  LAVORO_FLESSIBILE  why
 *   2001-2003  modern        modern       modern             doc: 2001-2013 "mostly modern"
 *   2004-2012  old           old          old                doc: "about 2004-2016"
 *   2013       old           old          MODERN             the known `;;;;;;;;` rows of
 *                                                            LAVORO_FLESSIBILE_2013 prove `;`:
 *                                                            dialect varies per file, not by year
 *   2014-2016  old           old          old                doc: 2014-16 confirmed
 *   2017       modern (BOM)  old          old                doc: 2017 "partly" each way
 *   2018-2024  modern        modern       modern             doc: 2018+
 *
 *   Other per-year details (each quirk is documented for real files; the
 *   years carrying it are our choice where the doc names none):
 *   - BOM: 2017 COSTO_LAVORO; 2019 COSTO_LAVORO; all of 2021; 2023-2024
 *     COSTO_LAVORO and OCCUPAZIONE.
 *   - CRLF line ends: 2004-2011, 2017, 2020, 2022 (others LF).
 *   - Thousands grouping in decimals ("1.234,56") from 2004; 2001-2003
 *     write "1234,56". Head counts are plain integers in every year.
 *   - File extension .CSV for 2001-2012 and 2020, .csv otherwise.
 *   - OCCUPAZIONE header typo PERSONALE_TEMPO_PIEDO_DONNE in 2001-2020
 *     ("Personale Tempo Piedo Donne" in old years); PART_TIMESUP50%_*
 *     ("Part TimeSup50% ...") in 2015.
 *   - CATEGORIA codes right-padded with spaces to CHAR(3) in 2005-2009
 *     ("DI ", a fixed-width export: the trailing-space quirk).
 *   - LAVORO_FLESSIBILE_2013 has delimiter-only rows: mostly ncol-1
 *     semicolons, one with exactly eight (`;;;;;;;;`) as in the doc.
 *   The three data files hold only codes and numbers, so in the old
 *   dialect they are pure ASCII; RETRIBUZIONE_MEDIA_Y (zip only) has an
 *   accented header ("Indennità Fisse") and shows the Windows-1252 bytes.
 *
 * Zip layouts (--zip auto picks by year):
 *   nested  {Y}Tutto.zip: LEGGIMI.txt + {Y}Dati.zip (stored), which holds
 *           the data files at its root                       2001-2019
 *   root    {Y}Dati.zip: {Y}Dati/<files> + LEGGIMI.txt        2020, 2022+
 *   tutto   {Y}Tutto.zip: {Y}Tutto/{Y}Dati/<files>, {Y}Tutto/LEGGIMI.txt
 *                                                             2021
 *   Member times are fixed (30 November of Y+1, 12:00 DOS time) so zips
 *   are byte-identical between runs.
 *
 * Institutions: --codes DIR loads TipoIstituzione_Istituzione.CSV and
 * CompartoContratto.CSV (and ContrattoMacroCCategQualif.CSV for the
 * OCCUPAZIONE qualifiche when present); otherwise a built-in list of 47
 * real 2024 institutions (codes and names as in the 2024 list) is used.
 * Each institution gets a contract by its type (type_profs[] below; RS and AG by name), some get extra contracts
 * (universities PRUN, ministries SCLA/police/armed forces: extras[]).
 * Comuni all get RALN (special-statute comuni are not singled out).
 * Head counts are log-normal around a per-type mean chosen so that the
 * full 2024 list gives about 3.4 M employees, times a per-type trend by
 * year; a few big cities have fixed sizes (Milano C4308 14,000).
 *
 * Cost items: items[] (real 2024 item codes, an amount per head and a
 * presence probability that grows with size) plus L090. At scale 1 with
 * the real 2024 list a year has about 258,000-266,000 COSTO_LAVORO,
 * 60,000-66,000 OCCUPAZIONE and 6,500-7,200 LAVORO_FLESSIBILE rows,
 * written at 1-2.9 M rows/s (-O2, 2-core box, depending on the disk;
 * -v prints the rate).
 *
 * --scale X: X < 1 keeps each institution with probability X (a hash of
 * seed and code, so the same institutions in every year); X > 1 adds
 * replicas of every institution with fresh numbers: replica k of C4308
 * is C104308 (k * 100000 added to the number), with its own random
 * draws; the fractional part of X is a keep probability for the last
 * replica (X at most 100). Rows scale about linearly. --tiny keeps 30
 * institutions (those with the lowest seed hash).
 *
 * Calibration (L090 "benessere del personale", EUR, exact cents): after
 * the draws, the L090 values of aggregate-04 (RALN) units are rescaled so
 * that, for every year, the sum over type C (comuni) equals the comuni
 * target and the sum over the other aggregate-04 units equals
 * aggregate target minus comuni target (largest-remainder rounding, so
 * the sums are exact to the cent). Targets are national totals and are
 * hit at every --scale and with the built-in list (so per-employee
 * figures are realistic only with the full list at scale 1). Anchors from
 * the source report: 2001 34.0 M / 24.9 M, 2019 13.3 M / 2.5 M; other
 * years are an invented smooth path (faster fall of comuni after the
 * 2010 spending caps, a 2020 COVID dip, a partial recovery). --targets
 * prints the table. About 29 EUR per aggregate-04 employee in 2019.
 *
 * Determinism: own xoshiro256** PRNG seeded per (seed, year, unit, file)
 * from --seed, so a year's files do not depend on which other years are
 * generated, and the same options give byte-identical output on the same
 * platform (the log-normal draws use the C library's exp/log/cos).
 * Money is int64 cents throughout; doubles only shape the draws.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

#include "wf_cli.h"
#include "wf_err.h"

#define PROG "wf-synth"
#define VERSION "0.1.0"
#define YEAR_MIN 2001
#define YEAR_MAX 2024
#define DEFAULT_SEED 20010101ULL
#define TINY_UNITS 30
#define MAX_ITEMS 64

/* ------------------------------------------------------------------ */
/* PRNG: splitmix64 to seed, xoshiro256** to draw                      */

typedef struct rng {
	uint64_t s[4];
} rng;

static uint64_t mix64(uint64_t z)
{
	z += 0x9e3779b97f4a7c15ULL;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t hash_str(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

/* One independent stream per (seed, a, b, c): every unit, year and file
 * draws from its own stream, which keeps outputs stable when other
 * units or years are added or removed. */
static void rng_seed(rng *r, uint64_t seed, uint64_t a, uint64_t b, uint64_t c)
{
	uint64_t x = mix64(seed ^ mix64(a ^ mix64(b ^ mix64(c))));

	for (int i = 0; i < 4; i++) {
		x = mix64(x + (uint64_t)i);
		r->s[i] = x;
	}
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(rng *r)
{
	uint64_t *s = r->s;
	uint64_t res = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return res;
}

static double rng_unit(rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

static double rng_normal(rng *r)
{
	double u1 = 1.0 - rng_unit(r), u2 = rng_unit(r);

	return sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

/* Log-normal with mean 1: skewed sizes and amounts. */
static double rng_lognorm1(rng *r, double sigma)
{
	return exp(sigma * rng_normal(r) - sigma * sigma / 2.0);
}

/* ------------------------------------------------------------------ */
/* Static tables                                                       */

/* L090 targets in cents: year, aggregate 04, comuni (type C within 04). */
static const struct target {
	int year;
	int64_t agg04, comuni;
} targets[] = {
	{ 2001, 3400000000LL, 2490000000LL }, { 2002, 3310000000LL, 2400000000LL },
	{ 2003, 3200000000LL, 2290000000LL }, { 2004, 3060000000LL, 2150000000LL },
	{ 2005, 2930000000LL, 2020000000LL }, { 2006, 2820000000LL, 1900000000LL },
	{ 2007, 2740000000LL, 1810000000LL }, { 2008, 2610000000LL, 1680000000LL },
	{ 2009, 2430000000LL, 1500000000LL }, { 2010, 2150000000LL, 1230000000LL },
	{ 2011, 1900000000LL, 990000000LL },  { 2012, 1740000000LL, 820000000LL },
	{ 2013, 1630000000LL, 690000000LL },  { 2014, 1560000000LL, 580000000LL },
	{ 2015, 1490000000LL, 480000000LL },  { 2016, 1430000000LL, 400000000LL },
	{ 2017, 1390000000LL, 340000000LL },  { 2018, 1360000000LL, 290000000LL },
	{ 2019, 1330000000LL, 250000000LL },  { 2020, 980000000LL, 170000000LL },
	{ 2021, 1190000000LL, 220000000LL },  { 2022, 1370000000LL, 270000000LL },
	{ 2023, 1460000000LL, 290000000LL },  { 2024, 1520000000LL, 310000000LL },
};

enum trend { TR_FLAT, TR_COMUNI, TR_PROV, TR_SSN, TR_UNION };

/* Head-count trend, relative to 2019, linear between anchors. */
static const struct anchor {
	int year;
	double f;
} tr_flat[] = { { 2001, 1.08 }, { 2010, 1.05 }, { 2019, 1.0 }, { 2024, 1.04 }, { 0, 0 } },
  tr_comuni[] = { { 2001, 1.38 }, { 2005, 1.33 }, { 2009, 1.22 }, { 2013, 1.10 },
		  { 2016, 1.04 }, { 2019, 1.0 }, { 2021, 0.97 }, { 2024, 1.01 }, { 0, 0 } },
  tr_prov[] = { { 2001, 2.1 }, { 2012, 2.0 }, { 2015, 1.3 }, { 2016, 1.05 },
		{ 2019, 1.0 }, { 2024, 1.08 }, { 0, 0 } },
  tr_ssn[] = { { 2001, 1.01 }, { 2009, 1.05 }, { 2019, 1.0 }, { 2024, 1.05 }, { 0, 0 } },
  tr_union[] = { { 2001, 0.3 }, { 2010, 0.7 }, { 2019, 1.0 }, { 2024, 1.1 }, { 0, 0 } };

/* Per institution type: default contract, mean heads (2019 level) and the
 * log-normal spread. Means are national staff of the type / 2024 count. */
static const struct type_prof {
	const char *type, *contract;
	double mean, sigma;
	enum trend trend;
} type_profs[] = {
	{ "C", "RALN", 36, 1.5, TR_COMUNI }, { "P", "RALN", 300, 0.6, TR_PROV },
	{ "CM", "RALN", 1100, 0.7, TR_PROV },  { "UC", "RALN", 19, 1.0, TR_UNION },
	{ "N", "RALN", 38, 0.9, TR_FLAT },     { "R", "RALN", 1500, 0.6, TR_FLAT },
	{ "IP", "RALN", 35, 1.2, TR_FLAT },    { "CS", "RALN", 19, 1.2, TR_FLAT },
	{ "D", "RALN", 90, 0.8, TR_FLAT },     { "V", "RALN", 105, 0.7, TR_FLAT },
	{ "ER", "RALN", 45, 1.0, TR_FLAT },    { "PA", "RALN", 16, 1.0, TR_FLAT },
	{ "ES", "RALN", 70, 0.7, TR_FLAT },    { "T", "RALN", 25, 0.8, TR_FLAT },
	{ "RA", "RALN", 140, 0.8, TR_FLAT },   { "CF", "RALN", 30, 0.6, TR_FLAT },
	{ "AB", "RALN", 30, 0.6, TR_FLAT },    { "RS", "RESI", 4000, 0.5, TR_FLAT },
	{ "U", "SSNA", 2500, 0.7, TR_SSN },    { "AZ", "SSNA", 4400, 0.5, TR_SSN },
	{ "PU", "SSNA", 2200, 0.5, TR_SSN },   { "J", "SSNA", 900, 0.6, TR_SSN },
	{ "K", "SSNA", 300, 0.4, TR_SSN },     { "DS", "SSNA", 50, 1.0, TR_SSN },
	{ "IQ", "SSNA", 450, 0.6, TR_SSN },    { "AP", "SSNA", 480, 0.6, TR_SSN },
	{ "OA", "LS13", 1200, 0.6, TR_FLAT },  { "CA", "LS13", 95, 0.9, TR_FLAT },
	{ "CN", "LS13", 60, 0.8, TR_FLAT },    { "SP", "LS13", 90, 1.0, TR_FLAT },
	{ "IS", "LS13", 500, 0.6, TR_FLAT },   { "IF", "LS13", 1000, 0.5, TR_FLAT },
	{ "PP", "LS13", 2000, 0.4, TR_FLAT },  { "Q", "UNIV", 800, 0.8, TR_FLAT },
	{ "M", "MNST", 9400, 0.9, TR_FLAT },   { "F", "EPNE", 17000, 0.5, TR_FLAT },
	{ "E", "EPNE", 25, 1.0, TR_FLAT },     { "OL", "EPNE", 3, 1.0, TR_FLAT },
	{ "OR", "EPNE", 6, 1.0, TR_FLAT },     { "ON", "EPNE", 30, 1.0, TR_FLAT },
	{ "AG", "EPNE", 500, 1.2, TR_FLAT },   { "IR", "ERIC", 1100, 1.0, TR_FLAT },
	{ "RI", "ERIC", 1100, 0.8, TR_FLAT },  { "CV", "AFAM", 90, 0.5, TR_FLAT },
	{ "AC", "AFAM", 80, 0.5, TR_FLAT },    { "IA", "AFAM", 40, 0.5, TR_FLAT },
	{ "AU", "AUIN", 210, 0.8, TR_FLAT },   { "OC", "EN60", 400, 0.8, TR_FLAT },
	{ "LS", "LS13", 107, 1.3, TR_FLAT },   { "FL", "LS13", 450, 0.5, TR_FLAT },
	{ "FS", "LS13", 40, 1.0, TR_FLAT },    { "PN", "EPNE", 30, 0.6, TR_FLAT },
	{ "AS", "LS13", 75, 0.6, TR_FLAT },    { "IC", "EN60", 36, 0.8, TR_FLAT },
	{ "AA", "LS13", 100, 1.0, TR_FLAT },
};
static const struct type_prof default_prof = { "", "LS13", 50, 1.0, TR_FLAT };

/* Contract by name, checked before the type default (first match wins). */
static const struct name_rule {
	const char *type, *sub, *contract;
} name_rules[] = {
	{ "RS", "FRIULI", "REFR" },   { "RS", "SARDEGNA", "RESA" },
	{ "RS", "SICILIA", "RESI" },  { "RS", "VALLE D'AOSTA", "REVA" },
	{ "RS", "TRENTINO", "RETN" }, { "RS", "TRENTO", "PRTN" },
	{ "RS", "BOLZANO", "PRBZ" },  { "AG", "ENTRATE", "AGFI" },
	{ "AG", "DOGANE", "AGFI" },   { "AG", "DEMANIO", "AGFI" },
};

/* Second contracts: heads > 0 absolute, < 0 a share of the main heads. */
static const struct extra {
	const char *type, *sub, *contract;
	double heads;
} extras[] = {
	{ "M", "ISTRUZIONE", "SCLA", 1150000 }, { "M", "INTERNO", "PPSS", 98000 },
	{ "M", "INTERNO", "VVFF", 35000 },      { "M", "INTERNO", "CPRE", 1300 },
	{ "M", "DIFESA", "EEII", 97000 },       { "M", "DIFESA", "MMAA", 28000 },
	{ "M", "DIFESA", "AAMM", 40000 },       { "M", "DIFESA", "CCSS", 108000 },
	{ "M", "GIUSTIZIA", "PPEN", 37000 },    { "M", "GIUSTIZIA", "MGOR", 9500 },
	{ "M", "ECONOMIA", "GGFF", 60000 },     { "M", "AFFARI ESTERI", "CDIP", 900 },
	{ "M", "INFRASTRUTTURE", "CPOR", 10000 }, { "Q", "", "PRUN", -0.9 },
};

/* Fixed 2019 sizes of a few big comuni, so the top of the tail is real-ish. */
static const struct fixed_size {
	const char *id;
	double heads;
} fixed_sizes[] = {
	{ "C6144", 23000 }, { "C4308", 14000 }, { "C7484", 9500 },
	{ "C4818", 9000 },  { "C5170", 6500 },  { "C3333", 5200 },
};

/* Cost items: code, EUR per head per year, base presence probability.
 * L090 is listed for its position; its values come from the calibration. */
static const struct item {
	const char *code;
	double per_head, p;
} items[] = {
	{ "A015", 22000, 1.0 }, { "A020", 600, 0.35 }, { "A031", 300, 0.55 },
	{ "A032", 900, 0.55 },  { "A033", 200, 0.3 },  { "A035", 1900, 1.0 },
	{ "A045", 300, 0.4 },   { "A070", 20, 0.3 },   { "I207", 1500, 0.45 },
	{ "I212", 500, 0.45 },  { "I222", 500, 0.6 },  { "I400", 300, 0.2 },
	{ "I418", 100, 0.3 },   { "I422", 150, 0.5 },  { "S201", 300, 0.2 },
	{ "S604", 200, 0.4 },   { "S615", 400, 0.45 }, { "S616", 600, 0.4 },
	{ "S630", 1200, 0.7 },  { "S720", 300, 0.3 },  { "S740", 50, 0.2 },
	{ "S998", 100, 0.3 },   { "S999", 200, 0.4 },  { "T101", 500, 0.7 },
	{ "L005", 150, 0.6 },   { "L010", 150, 0.25 }, { "L011", 700, 0.7 },
	{ "L020", 120, 0.7 },   { "L090", 0, 0 },      { "L100", 20, 0.15 },
	{ "L105", 300, 0.1 },   { "L107", 40, 0.4 },   { "L110", 80, 0.4 },
	{ "L111", 200, 0.2 },   { "L112", 150, 0.15 }, { "L115", 60, 0.3 },
	{ "P015", 1500, 0.5 },  { "P016", 100, 0.1 }, { "P030", 150, 0.5 },
	{ "P035", 40, 0.15 },   { "P055", 8500, 1.0 }, { "P058", 1500, 0.8 },
	{ "P061", 2300, 1.0 },  { "P062", 30, 0.1 },   { "P065", 100, 0.12 },
	{ "P071", 200, 0.15 },  { "P074", 50, 0.1 },   { "P090", 200, 0.2 },
	{ "P091", 300, 0.3 },   { "P098", 50, 0.12 },  { "P099", 100, 0.15 },
};
#define NITEMS (sizeof items / sizeof items[0])

/* Built-in code lists for runs without --codes: real 2024 codes. */
static const struct { const char *code, *agg; } builtin_contracts[] = {
	{ "RALN", "04" }, { "SSNA", "01" }, { "UNIV", "08" }, { "PRUN", "PR" },
	{ "MNST", "05" }, { "EPNE", "02" }, { "LS13", "LS" }, { "AGFI", "15" },
	{ "ERIC", "03" }, { "AFAM", "33" }, { "AUIN", "14" }, { "EN60", "28" },
	{ "REFR", "32" }, { "RESA", "32" }, { "RESI", "32" }, { "REVA", "32" },
	{ "RETN", "32" }, { "PRTN", "32" }, { "PRBZ", "32" }, { "SCLA", "07" },
	{ "PPSS", "09" }, { "VVFF", "29" }, { "CPRE", "31" }, { "EEII", "10" },
	{ "MMAA", "10" }, { "AAMM", "10" }, { "CCSS", "09" }, { "PPEN", "09" },
	{ "MGOR", "12" }, { "GGFF", "09" }, { "CDIP", "13" }, { "CPOR", "10" },
};

static const struct { const char *type; long num; const char *name; } builtin_insts[] = {
	{ "C", 4308, "COMUNE DI MILANO" }, { "C", 6144, "ROMA CAPITALE" },
	{ "C", 4818, "COMUNE DI NAPOLI" }, { "C", 7484, "COMUNE DI TORINO" },
	{ "C", 5170, "COMUNE DI PALERMO" }, { "C", 3333, "COMUNE DI GENOVA" },
	{ "C", 6807, "COMUNE DI SANTO STEFANO DI MAGRA" }, { "C", 6874, "COMUNE DI SARZANA" },
	{ "C", 2777, "COMUNE DI DEIVA MARINA" }, { "C", 7554, "COMUNE DI TORTORETO" },
	{ "C", 884, "COMUNE DI BESOZZO" }, { "C", 885, "COMUNE DI BESSUDE" },
	{ "C", 6333, "COMUNE DI SAMONE" }, { "C", 6334, "COMUNE DI SAMONE" },
	{ "C", 859, "COMUNE DI BERGAMO" }, { "C", 2690, "COMUNE DI CREMONA" },
	{ "C", 5532, "COMUNE DI PISTOIA" }, { "C", 3857, "COMUNE DI LIVORNO" },
	{ "C", 7695, "COMUNE DI UDINE" },
	{ "P", 9108, "AMMINISTRAZIONE PROVINCIALE DI LA SPEZIA" },
	{ "P", 9037, "AMMINISTRAZIONE PROVINCIALE DI BERGAMO" },
	{ "CM", 9053, "CITTA' METROPOLITANA DI CATANIA" },
	{ "CM", 9102, "CITTA' METROPOLITANA DI ROMA CAPITALE" },
	{ "UC", 10030, "UNIONE CAMPOSPINOSO ALBAREDO" }, { "UC", 9862, "UNIONE COMUNI DEL SORBARA" },
	{ "N", 10808, "COMUNITA MONTANA DEL MONTE ACUTO" },
	{ "IP", 10474, "AZIENDA PUBBLICA DI SERVIZI ALLA PERSONA GIUSEPPE VEGNI" },
	{ "D", 8380, "AZIENDA REGIONALE TERRITORIALE PER L'EDILIZIA - LA SPEZIA" },
	{ "V", 9785, "CAMERA DI COMMERCIO INDUSTRIA ARTIGIANATO E AGRICOLTURA DI TORINO" },
	{ "R", 9813, "REGIONE LOMBARDIA" }, { "R", 9209, "REGIONE DEL VENETO" },
	{ "RS", 9195, "REGIONE AUTONOMA FRIULI-VENEZIA GIULIA" },
	{ "RS", 9204, "REGIONE SICILIANA" }, { "RS", 9830, "PROVINCIA AUTONOMA DI TRENTO" },
	{ "U", 9416, "AZIENDA SOCIOSANITARIA LIGURE 5" },
	{ "U", 9428, "AZIENDA UNITA' SANITARIA LOCALE ROMA 4" },
	{ "AZ", 9571, "AZIENDA OSPEDALIERO UNIVERSITARIA S. LUIGI GONZAGA" },
	{ "Q", 9166, "UNIVERSITA' DEGLI STUDI DI UDINE" }, { "Q", 9155, "UNIVERSITA' DEGLI STUDI DI PISA" },
	{ "M", 8659, "MINISTERO DELLA DIFESA" }, { "M", 8655, "MINISTERO DELL'INTERNO" },
	{ "M", 8668, "MINISTERO DELL'ECONOMIA E DELLE FINANZE" },
	{ "F", 8521, "ISTITUTO NAZIONALE DELLA PREVIDENZA SOCIALE - INPS" },
	{ "OL", 13454, "ORDINE PERITI INDUSTRIALI DI VENEZIA" },
	{ "IR", 8540, "ISTITUTO NAZIONALE DI RICERCA METROLOGICA - INRIM" },
	{ "E", 8458, "AUTOMOBILE CLUB LA SPEZIA" },
	{ "J", 8629, "IRCCS MATERNO INFANTILE BURLO GAROFOLO" },
};

/* --piemonte: real 2024 Piedmont comuni (the territories of the source
 * report: Asti, Novara, Vercelli, Ivrea, the Langhe around Cortemilia,
 * and the provincial capitals) and unions of comuni, with their RGS
 * codes and tax codes, and the capitals of the other 19 regions for
 * maps of Italy; figures invented as for every other list. */
static const struct { const char *type; long num; const char *name, *cf; } piemonte_insts[] = {
	{ "C", 7484, "COMUNE DI TORINO", "514490010" },
	{ "C", 4910, "COMUNE DI NOVARA", "125680033" },
	{ "C", 601, "COMUNE DI ASTI", "72360050" },
	{ "C", 2731, "COMUNE DI CUNEO", "480530047" },
	{ "C", 350, "COMUNE DI ALESSANDRIA", "429440068" },
	{ "C", 7906, "COMUNE DI VERCELLI", "355580028" },
	{ "C", 910, "COMUNE DI BIELLA", "221900020" },
	{ "C", 7902, "COMUNE DI VERBANIA", "182910034" },
	{ "C", 4409, "COMUNE DI MONCALIERI", "1577930017" },
	{ "C", 1701, "COMUNE DI CASALE MONFERRATO", "172340069" },
	{ "C", 3659, "COMUNE DI IVREA", "519320014" },
	{ "C", 307, "COMUNE DI ALBA", "184260040" },
	{ "C", 1095, "COMUNE DI BRA", "493130041" },
	{ "C", 4420, "COMUNE DI MONDOVI'", "248770042" },
	{ "C", 5502, "COMUNE DI PINEROLO", "1750860015" },
	{ "C", 2289, "COMUNE DI CHIERI", "82000210011" },
	{ "C", 1028, "COMUNE DI BORGOMANERO", "82001370038" },
	{ "C", 7593, "COMUNE DI TRECATE", "80005270030" },
	{ "C", 3254, "COMUNE DI GALLIATE", "184500031" },
	{ "C", 4966, "COMUNE DI OLEGGIO", "165200031" },
	{ "C", 1363, "COMUNE DI CAMERI", "141730036" },
	{ "C", 1465, "COMUNE DI CANELLI", "84540053" },
	{ "C", 4870, "COMUNE DI NIZZA MONFERRATO", "173660051" },
	{ "C", 6786, "COMUNE DI SANTHIA'", "325950020" },
	{ "C", 7651, "COMUNE DI TRINO", "80001910027" },
	{ "C", 1891, "COMUNE DI CASTELLAMONTE", "1432050019" },
	{ "C", 7288, "COMUNE DI STRAMBINO", "84002930018" },
	{ "C", 6385, "COMUNE DI SAN DAMIANO D'ASTI", "86030053" },
	{ "C", 8050, "COMUNE DI VILLAFRANCA D'ASTI", "80004110054" },
	{ "C", 2667, "COMUNE DI COSTIGLIOLE D'ASTI", "80003450055" },
	{ "C", 6810, "COMUNE DI SANTO STEFANO BELBO", "364170043" },
	{ "C", 3858, "COMUNE DI LIVORNO FERRARIS", "84500230028" },
	{ "C", 1049, "COMUNE DI BORGO VERCELLI", "80003710029" },
	{ "C", 707, "COMUNE DI BANCHETTE", "84000990014" },
	{ "C", 5266, "COMUNE DI PAVONE CANAVESE", "1700790015" },
	{ "C", 4480, "COMUNE DI MONTALTO DORA", "1741070013" },
	{ "C", 1024, "COMUNE DI BORGOFRANCO D'IVREA", "1799260011" },
	{ "C", 2627, "COMUNE DI CORTEMILIA", "291520047" },
	{ "C", 1077, "COMUNE DI BOSSOLASCO", "452590045" },
	{ "C", 2048, "COMUNE DI CASTINO", "468930045" },
	{ "C", 7510, "COMUNE DI TORRE BORMIDA", "511190043" },
	{ "C", 4423, "COMUNE DI MONESIGLIO", "444200042" },
	{ "C", 6302, "COMUNE DI SALICETO", "428680045" },
	{ "C", 2678, "COMUNE DI CRAVANZANA", "553920042" },
	{ "C", 7946, "COMUNE DI VESIME", "191060052" },
	{ "C", 1188, "COMUNE DI BUBBIO", "192220051" },
	{ "UC", 12603, "UNIONE MONTANA ALTA LANGA", "90049820047" },
	{ "UC", 12399, "UNIONE MONTANA LANGA ASTIGIANA VAL BORMIDA", "92067280054" },
	{ "UC", 10013, "UNIONE DI COMUNI COLLINE DI LANGA E DEL BAROLO", "2876660040" },
	{ "UC", 11830, "UNIONE DI COMUNITA COLLINARE ROERO,TARTUFO ED ARNEIS", "90044930049" },
	{ "UC", 12392, "UNIONE MONTANA ALTO CANAVESE", "92519590019" },
	{ "UC", 10947, "UNIONE COLLINARE CANAVESANA", "92036210018" },
	{ "UC", 9996, "UNIONE DI COMUNI NOVARESE 2000", "94039790038" },
	{ "UC", 9882, "U.C. COSER BASSA VERCELLESE", "94016680020" },
	/* the other regions' capitals, so a map of Italy has every region */
	{ "C", 476, "COMUNE DI AOSTA", "120680079" },
	{ "C", 4308, "COMUNE DI MILANO", "1199250158" },
	{ "C", 7607, "COMUNE DI TRENTO", "355870221" },
	{ "C", 7892, "COMUNE DI VENEZIA", "339370272" },
	{ "C", 7646, "COMUNE DI TRIESTE", "210240321" },
	{ "C", 3333, "COMUNE DI GENOVA", "856930102" },
	{ "C", 963, "COMUNE DI BOLOGNA", "1232710374" },
	{ "C", 3042, "COMUNE DI FIRENZE", "1307110484" },
	{ "C", 5336, "COMUNE DI PERUGIA", "163570542" },
	{ "C", 430, "COMUNE DI ANCONA", "351040423" },
	{ "C", 6144, "ROMA CAPITALE", "2438750586" },
	{ "C", 492, "COMUNE DI L'AQUILA", "80002270660" },
	{ "C", 1400, "COMUNE DI CAMPOBASSO", "71560700" },
	{ "C", 4818, "COMUNE DI NAPOLI", "80014890638" },
	{ "C", 747, "COMUNE DI BARI", "80015010723" },
	{ "C", 5715, "COMUNE DI POTENZA", "127040764" },
	{ "C", 2073, "COMUNE DI CATANZARO", "129520797" },
	{ "C", 5170, "COMUNE DI PALERMO", "80016350821" },
	{ "C", 1264, "COMUNE DI CAGLIARI", "147990923" },
};

/* Their cadastral rows (2024 RegioneProvinciaCatasto), so every comune
 * is placed by name; unions are placed by their tax code's province. */
static const char *const piemonte_catasto[] = {
	"L219;TORINO;TO;TORINO;R00125;PIEMONTE",
	"F952;NOVARA;NO;NOVARA;R00125;PIEMONTE",
	"A479;ASTI;AT;ASTI;R00125;PIEMONTE",
	"D205;CUNEO;CN;CUNEO;R00125;PIEMONTE",
	"A182;ALESSANDRIA;AL;ALESSANDRIA;R00125;PIEMONTE",
	"L750;VERCELLI;VC;VERCELLI;R00125;PIEMONTE",
	"A859;BIELLA;BI;BIELLA;R00125;PIEMONTE",
	"L746;VERBANIA;VB;VERBANO-CUSIO-OSSOLA;R00125;PIEMONTE",
	"F335;MONCALIERI;TO;TORINO;R00125;PIEMONTE",
	"B885;CASALE MONFERRATO;AL;ALESSANDRIA;R00125;PIEMONTE",
	"E379;IVREA;TO;TORINO;R00125;PIEMONTE",
	"A124;ALBA;CN;CUNEO;R00125;PIEMONTE",
	"B111;BRA;CN;CUNEO;R00125;PIEMONTE",
	"F351;MONDOVI';CN;CUNEO;R00125;PIEMONTE",
	"G674;PINEROLO;TO;TORINO;R00125;PIEMONTE",
	"C627;CHIERI;TO;TORINO;R00125;PIEMONTE",
	"B019;BORGOMANERO;NO;NOVARA;R00125;PIEMONTE",
	"L356;TRECATE;NO;NOVARA;R00125;PIEMONTE",
	"D872;GALLIATE;NO;NOVARA;R00125;PIEMONTE",
	"G019;OLEGGIO;NO;NOVARA;R00125;PIEMONTE",
	"B473;CAMERI;NO;NOVARA;R00125;PIEMONTE",
	"B594;CANELLI;AT;ASTI;R00125;PIEMONTE",
	"F902;NIZZA MONFERRATO;AT;ASTI;R00125;PIEMONTE",
	"I337;SANTHIA';VC;VERCELLI;R00125;PIEMONTE",
	"L429;TRINO;VC;VERCELLI;R00125;PIEMONTE",
	"C133;CASTELLAMONTE;TO;TORINO;R00125;PIEMONTE",
	"I970;STRAMBINO;TO;TORINO;R00125;PIEMONTE",
	"H811;SAN DAMIANO D'ASTI;AT;ASTI;R00125;PIEMONTE",
	"L945;VILLAFRANCA D'ASTI;AT;ASTI;R00125;PIEMONTE",
	"D119;COSTIGLIOLE D'ASTI;AT;ASTI;R00125;PIEMONTE",
	"I367;SANTO STEFANO BELBO;CN;CUNEO;R00125;PIEMONTE",
	"E626;LIVORNO FERRARIS;VC;VERCELLI;R00125;PIEMONTE",
	"B046;BORGO VERCELLI;VC;VERCELLI;R00125;PIEMONTE",
	"A607;BANCHETTE;TO;TORINO;R00125;PIEMONTE",
	"G392;PAVONE CANAVESE;TO;TORINO;R00125;PIEMONTE",
	"F420;MONTALTO DORA;TO;TORINO;R00125;PIEMONTE",
	"B015;BORGOFRANCO D'IVREA;TO;TORINO;R00125;PIEMONTE",
	"D062;CORTEMILIA;CN;CUNEO;R00125;PIEMONTE",
	"B084;BOSSOLASCO;CN;CUNEO;R00125;PIEMONTE",
	"C323;CASTINO;CN;CUNEO;R00125;PIEMONTE",
	"L252;TORRE BORMIDA;CN;CUNEO;R00125;PIEMONTE",
	"F355;MONESIGLIO;CN;CUNEO;R00125;PIEMONTE",
	"H710;SALICETO;CN;CUNEO;R00125;PIEMONTE",
	"D133;CRAVANZANA;CN;CUNEO;R00125;PIEMONTE",
	"L807;VESIME;AT;ASTI;R00125;PIEMONTE",
	"B236;BUBBIO;AT;ASTI;R00125;PIEMONTE",
	"A326;AOSTA;AO;AOSTA;R00198;VALLE D'AOSTA/VALLÉE D'AOSTE",
	"F205;MILANO;MI;MILANO;R00090;LOMBARDIA",
	"L378;TRENTO;TN;TRENTO;R00214;PROVINCIA AUTONOMA TRENTO",
	"L736;VENEZIA;VE;VENEZIA;R00205;VENETO",
	"L424;TRIESTE;TS;TRIESTE;R00063;FRIULI-VENEZIA GIULIA",
	"D969;GENOVA;GE;GENOVA;R00081;LIGURIA",
	"A944;BOLOGNA;BO;BOLOGNA;R00054;EMILIA-ROMAGNA",
	"D612;FIRENZE;FI;FIRENZE;R00161;TOSCANA",
	"G478;PERUGIA;PG;PERUGIA;R00189;UMBRIA",
	"A271;ANCONA;AN;ANCONA;R00107;MARCHE",
	"H501;ROMA;RM;ROMA;R00072;LAZIO",
	"A345;L'AQUILA;AQ;L'AQUILA;R00018;ABRUZZO",
	"B519;CAMPOBASSO;CB;CAMPOBASSO;R00116;MOLISE",
	"F839;NAPOLI;NA;NAPOLI;R00045;CAMPANIA",
	"A662;BARI;BA;BARI;R00134;PUGLIA",
	"G942;POTENZA;PZ;POTENZA;R00027;BASILICATA",
	"C352;CATANZARO;CZ;CATANZARO;R00036;CALABRIA",
	"G273;PALERMO;PA;PALERMO;R00152;SICILIA",
	"B354;CAGLIARI;CA;CAGLIARI;R00143;SARDEGNA",
};


/* OCCUPAZIONE qualifiche when ContrattoMacroCCategQualif.CSV is absent:
 * the real 2024 RALN ones, and a generic set for every other contract. */
static const struct { const char *macro, *cat, *qual; } builtin_raln_q[] = {
	{ "ND", "OP", "0OP000" }, { "ND", "OE", "0OEESP" }, { "ND", "IR", "0IR000" },
	{ "ND", "EQ", "0FZEQF" }, { "NF", "DI", "0D0164" }, { "NF", "DI", "0D0165" },
	{ "SC", "FP", "0D0102" }, { "SC", "FP", "0D0103" }, { "AP", "RP", "000096" },
	{ "AP", "PC", "000061" }, { "AP", "DG", "0D0097" },
}, builtin_generic_q[] = {
	{ "ND", "B1", "0B1000" }, { "ND", "C1", "0C1000" }, { "ND", "D1", "0D1000" },
	{ "NF", "DI", "0D0164" }, { "AP", "RP", "000096" },
};

/* ------------------------------------------------------------------ */
/* Runtime data                                                        */

struct contract {
	char code[8], agg[8];
};

struct qualif {
	int contract;
	char macro[8], cat[8], qual[12];
};

struct inst {
	char type[4];
	long num;
	char *name;
};

/* One institution x contract (x replica): the key of every data row. */
struct unit {
	char id[24];
	const char *type;
	int inst, contract, replica;
	int agg04, comune;
	double base_heads; /* 2019 level */
	enum trend trend;
	uint64_t key;      /* seeds this unit's streams */
	int q0, nq;        /* its qualifiche in g.qualifs (sorted by contract) */
};

struct opts {
	const char *codes, *outdir;
	int y0, y1;
	double scale;
	uint64_t seed;
	const char *zip; /* NULL, "auto", "root", "tutto", "nested" */
	int tiny, demo, verbose, targets, piemonte;
};

struct year_stats {
	long rows_cost, rows_occ, rows_flex;
	long rows_abs, rows_train, rows_mode, rows_fua;
	int64_t l090_agg04, l090_comuni;
	long long heads_agg04, heads_all;
};

static struct {
	struct opts o;
	struct contract *contracts;
	size_t ncontracts, ccap;
	struct qualif *qualifs;   /* sorted by contract, then qualifica */
	size_t nqualifs, qcap;
	int *cq0, *cnq;           /* per contract: first qualifica, count */
	struct inst *insts;
	size_t ninsts, icap;
	struct unit *units;
	size_t nunits, ucap;
} g;

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */

static _Noreturn void usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static void usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", PROG);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", PROG);
	exit(WF_EXIT_USAGE);
}

static char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = wf_xmalloc((unsigned long)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

static double interp(const struct anchor *a, int year)
{
	if (year <= a[0].year)
		return a[0].f;
	for (; a[1].year; a++)
		if (year <= a[1].year)
			return a->f + (a[1].f - a->f) * (year - a->year) / (a[1].year - a->year);
	return a->f;
}

static double trend_factor(enum trend t, int year)
{
	switch (t) {
	case TR_COMUNI: return interp(tr_comuni, year);
	case TR_PROV: return interp(tr_prov, year);
	case TR_SSN: return interp(tr_ssn, year);
	case TR_UNION: return interp(tr_union, year);
	default: return interp(tr_flat, year);
	}
}

static const struct target *target_for(int year)
{
	return &targets[year - YEAR_MIN];
}

/* Italian number: cents (or hundredths) -> "1.234,56"; grouping optional. */
static void fmt_it2(char *buf, int64_t v, int group)
{
	char digits[32], *p = buf;
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	int n = snprintf(digits, sizeof digits, "%" PRIu64, a / 100);

	if (v < 0)
		*p++ = '-';
	for (int i = 0; i < n; i++) {
		if (group && i > 0 && (n - i) % 3 == 0)
			*p++ = '.';
		*p++ = digits[i];
	}
	sprintf(p, ",%02u", (unsigned)(a % 100));
}

static void fmt_plain_cents(char *buf, int64_t v)
{
	sprintf(buf, "%s%" PRId64 ".%02d", v < 0 ? "-" : "", (v < 0 ? -v : v) / 100,
		(int)((v < 0 ? -v : v) % 100));
}

/* ------------------------------------------------------------------ */
/* Code lists (--codes DIR)                                            */

/* Split one `;` line in place: quotes honoured, "" unescaped. Returns the
 * number of fields, or -1 for an unterminated quote. */
static int split_semicolon(char *line, char **f, int max)
{
	int n = 0;
	char *p = line;

	for (;;) {
		char *out = p;

		if (n == max)
			return -1;
		f[n++] = out;
		if (*p == '"') {
			p++;
			for (;;) {
				if (!*p)
					return -1;
				if (*p == '"') {
					if (p[1] == '"') {
						*out++ = '"';
						p += 2;
						continue;
					}
					p++;
					break;
				}
				*out++ = *p++;
			}
			if (*p && *p != ';')
				return -1;
		} else {
			while (*p && *p != ';')
				*out++ = *p++;
		}
		if (!*p) {
			*out = '\0';
			return n;
		}
		p++;
		*out = '\0';
	}
}

typedef void (*row_fn)(char **f, int *col, const char *path, long line);

/* Read a code list, find the wanted columns by name, call fn per row.
 * Any malformed row is reported with file:line and makes the run fail. */
static void load_codes(const char *file, const char *const *cols, int ncols, row_fn fn)
{
	char *path = xasprintf("%s/%s", g.o.codes, file);
	FILE *fp = fopen(path, "rb");
	char *line = NULL, *f[32];
	size_t cap = 0;
	ssize_t len;
	long lineno = 0, bad = 0;
	int col[8], nf, nhdr = 0;

	if (!fp)
		wf_die(WF_EXIT_DATA, "%s:", path);
	while ((len = getline(&line, &cap, fp)) != -1) {
		char *s = line;

		lineno++;
		while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
			s[--len] = '\0';
		if (lineno == 1 && !strncmp(s, "\xef\xbb\xbf", 3))
			s += 3;
		if (!*s)
			continue;
		nf = split_semicolon(s, f, 32);
		if (lineno == 1) {
			if (nf < 0)
				wf_die(WF_EXIT_DATA, "%s:1: bad header", path);
			nhdr = nf;
			for (int c = 0; c < ncols; c++) {
				col[c] = -1;
				for (int i = 0; i < nf; i++)
					if (!strcmp(f[i], cols[c]))
						col[c] = i;
				if (col[c] < 0)
					wf_die(WF_EXIT_DATA, "%s:1: missing column '%s'", path, cols[c]);
			}
			continue;
		}
		if (nf != nhdr) {
			if (nf < 0)
				wf_warn_at(path, lineno, "unterminated quoted field or over 32 fields");
			else
				wf_warn_at(path, lineno, "expected %d fields, found %d", nhdr, nf);
			bad++;
			continue;
		}
		fn(f, col, path, lineno);
	}
	if (ferror(fp))
		wf_die(WF_EXIT_DATA, "%s:", path);
	fclose(fp);
	free(line);
	if (bad)
		wf_die(WF_EXIT_DATA, "%s: %ld rows rejected", path, bad);
	free(path);
}

/* Amortised growth for the arrays built one element at a time. */
static void *grow(void *p, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 256;
	return wf_xrealloc(p, (unsigned long)(*cap * size));
}

static int find_contract(const char *code)
{
	for (size_t i = 0; i < g.ncontracts; i++)
		if (!strcmp(g.contracts[i].code, code))
			return (int)i;
	return -1;
}

static void add_contract(const char *code, const char *agg)
{
	struct contract *c;

	if (find_contract(code) >= 0)
		return;
	g.contracts = grow(g.contracts, g.ncontracts, &g.ccap, sizeof *g.contracts);
	c = &g.contracts[g.ncontracts++];
	snprintf(c->code, sizeof c->code, "%s", code);
	snprintf(c->agg, sizeof c->agg, "%s", agg);
}

static void add_inst(const char *type, long num, const char *name)
{
	struct inst *in;

	g.insts = grow(g.insts, g.ninsts, &g.icap, sizeof *g.insts);
	in = &g.insts[g.ninsts++];
	snprintf(in->type, sizeof in->type, "%s", type);
	in->num = num;
	in->name = wf_xstrdup(name);
}

static void add_qualif(int contract, const char *macro, const char *cat, const char *qual)
{
	struct qualif *q;

	g.qualifs = grow(g.qualifs, g.nqualifs, &g.qcap, sizeof *g.qualifs);
	q = &g.qualifs[g.nqualifs++];
	q->contract = contract;
	snprintf(q->macro, sizeof q->macro, "%s", macro);
	snprintf(q->cat, sizeof q->cat, "%s", cat);
	snprintf(q->qual, sizeof q->qual, "%s", qual);
}

static void row_contract(char **f, int *col, const char *path, long line)
{
	if (!*f[col[0]] || strlen(f[col[0]]) > 7 || strlen(f[col[1]]) > 7) {
		wf_warn_at(path, line, "bad contract '%s'", f[col[0]]);
		exit(WF_EXIT_DATA);
	}
	add_contract(f[col[0]], f[col[1]]);
}

static void row_inst(char **f, int *col, const char *path, long line)
{
	char *end;
	long num = strtol(f[col[1]], &end, 10);

	if (!*f[col[0]] || strlen(f[col[0]]) > 3 || end == f[col[1]] || *end || num < 0) {
		wf_warn_at(path, line, "bad institution '%s%s'", f[col[0]], f[col[1]]);
		exit(WF_EXIT_DATA);
	}
	add_inst(f[col[0]], num, f[col[2]]);
}

static void row_qualif(char **f, int *col, const char *path, long line)
{
	int c = find_contract(f[col[0]]);

	(void)path;
	(void)line;
	/* Contracts missing from CompartoContratto and empty qualifiche
	 * (categories without a level) are not used for OCCUPAZIONE rows. */
	if (c < 0 || !*f[col[3]] || strlen(f[col[1]]) > 7 || strlen(f[col[2]]) > 7 ||
	    strlen(f[col[3]]) > 11)
		return;
	add_qualif(c, f[col[1]], f[col[2]], f[col[3]]);
}

static int cmp_qualif(const void *a, const void *b)
{
	const struct qualif *x = a, *y = b;

	if (x->contract != y->contract)
		return x->contract < y->contract ? -1 : 1;
	return strcmp(x->qual, y->qual);
}

static void load_all_codes(void)
{
	static const char *const ccols[] = { "CODI_CONTRATTO", "CODI_AGGREGATO" };
	static const char *const icols[] = { "CODI_TIPO_ISTITUZIONE", "CODI_ISTITUZIONE",
					     "DESC_ISTITUZIONE" };
	static const char *const qcols[] = { "CODI_CONTRATTO", "CODI_MACROCATEGORIA",
					     "CODI_CATEGORIA", "CODI_QUALIFICA" };

	if (g.o.codes) {
		char *qpath = xasprintf("%s/ContrattoMacroCCategQualif.CSV", g.o.codes);

		load_codes("CompartoContratto.CSV", ccols, 2, row_contract);
		load_codes("TipoIstituzione_Istituzione.CSV", icols, 3, row_inst);
		if (access(qpath, R_OK) == 0)
			load_codes("ContrattoMacroCCategQualif.CSV", qcols, 4, row_qualif);
		free(qpath);
	} else {
		for (size_t i = 0; i < sizeof builtin_contracts / sizeof builtin_contracts[0]; i++)
			add_contract(builtin_contracts[i].code, builtin_contracts[i].agg);
		if (g.o.piemonte)
			for (size_t i = 0; i < sizeof piemonte_insts / sizeof piemonte_insts[0]; i++)
				add_inst(piemonte_insts[i].type, piemonte_insts[i].num, piemonte_insts[i].name);
		else
			for (size_t i = 0; i < sizeof builtin_insts / sizeof builtin_insts[0]; i++)
				add_inst(builtin_insts[i].type, builtin_insts[i].num, builtin_insts[i].name);
	}
	if (!g.ninsts)
		wf_die(WF_EXIT_DATA, "no institutions in the code lists");
	/* Contracts without listed qualifiche get the built-in sets. */
	for (size_t c = 0; c < g.ncontracts; c++) {
		int found = 0;

		for (size_t i = 0; i < g.nqualifs && !found; i++)
			found = g.qualifs[i].contract == (int)c;
		if (found)
			continue;
		if (!strcmp(g.contracts[c].code, "RALN"))
			for (size_t i = 0; i < sizeof builtin_raln_q / sizeof builtin_raln_q[0]; i++)
				add_qualif((int)c, builtin_raln_q[i].macro, builtin_raln_q[i].cat,
					   builtin_raln_q[i].qual);
		else
			for (size_t i = 0; i < sizeof builtin_generic_q / sizeof builtin_generic_q[0]; i++)
				add_qualif((int)c, builtin_generic_q[i].macro, builtin_generic_q[i].cat,
					   builtin_generic_q[i].qual);
	}
	qsort(g.qualifs, g.nqualifs, sizeof *g.qualifs, cmp_qualif);
	g.cq0 = wf_xcalloc(g.ncontracts, sizeof *g.cq0);
	g.cnq = wf_xcalloc(g.ncontracts, sizeof *g.cnq);
	for (size_t i = g.nqualifs; i-- > 0;) {
		g.cq0[g.qualifs[i].contract] = (int)i;
		g.cnq[g.qualifs[i].contract]++;
	}
}

/* ------------------------------------------------------------------ */
/* Units: institutions x contracts x replicas                          */

static const struct type_prof *prof_for(const char *type)
{
	for (size_t i = 0; i < sizeof type_profs / sizeof type_profs[0]; i++)
		if (!strcmp(type_profs[i].type, type))
			return &type_profs[i];
	return &default_prof;
}

/* The type's contract, or a name rule's, falling back to any contract
 * the code lists know so that no institution is silently dropped. */
static int main_contract(const struct inst *in)
{
	const struct type_prof *p = prof_for(in->type);
	int c;

	for (size_t i = 0; i < sizeof name_rules / sizeof name_rules[0]; i++)
		if (!strcmp(name_rules[i].type, in->type) && strstr(in->name, name_rules[i].sub) &&
		    (c = find_contract(name_rules[i].contract)) >= 0)
			return c;
	if ((c = find_contract(p->contract)) >= 0)
		return c;
	if ((c = find_contract("LS13")) >= 0)
		return c;
	return 0;
}

static void add_unit(size_t ii, int contract, int replica, double heads, enum trend tr)
{
	const struct inst *in = &g.insts[ii];
	struct unit *u;

	g.units = grow(g.units, g.nunits, &g.ucap, sizeof *g.units);
	u = &g.units[g.nunits++];
	memset(u, 0, sizeof *u);
	snprintf(u->id, sizeof u->id, "%s%ld", in->type, in->num + 100000L * replica);
	u->type = in->type;
	u->inst = (int)ii;
	u->contract = contract;
	u->replica = replica;
	u->agg04 = !strcmp(g.contracts[contract].agg, "04");
	u->comune = u->agg04 && !strcmp(in->type, "C");
	u->base_heads = heads;
	u->trend = tr;
	u->key = hash_str(u->id) ^ mix64(hash_str(g.contracts[contract].code));
	u->q0 = g.cq0[contract];
	u->nq = g.cnq[contract];
}

/* Institution-level keep decision for --scale < 1 and the last partial
 * replica: a hash, so the same institutions survive in every year. */
static double keep_draw(const char *id)
{
	rng r;

	rng_seed(&r, g.o.seed, hash_str(id), 0x5ca1e, 0);
	return rng_unit(&r);
}

static void add_institution_units(size_t ii, int replica)
{
	const struct inst *in = &g.insts[ii];
	const struct type_prof *p = prof_for(in->type);
	char id[24];
	int mc = main_contract(in);
	double heads;
	rng r;

	snprintf(id, sizeof id, "%s%ld", in->type, in->num + 100000L * replica);
	rng_seed(&r, g.o.seed, hash_str(id), 0xbea75, 0);
	heads = p->mean * rng_lognorm1(&r, p->sigma);
	for (size_t i = 0; i < sizeof fixed_sizes / sizeof fixed_sizes[0]; i++)
		if (!strcmp(fixed_sizes[i].id, id))
			heads = fixed_sizes[i].heads;
	if (heads < 1)
		heads = 1;
	add_unit(ii, mc, replica, heads, p->trend);
	for (size_t i = 0; i < sizeof extras / sizeof extras[0]; i++) {
		const struct extra *e = &extras[i];
		int c;

		if (strcmp(e->type, in->type) || !strstr(in->name, e->sub) ||
		    (c = find_contract(e->contract)) < 0 || c == mc)
			continue;
		add_unit(ii, c, replica, e->heads > 0 ? e->heads : -e->heads * heads, p->trend);
	}
}

static void inst_id(size_t ii, int replica, char *id, size_t n)
{
	snprintf(id, n, "%s%ld", g.insts[ii].type, g.insts[ii].num + 100000L * replica);
}

static double *keep_keys; /* for cmp_by_keep */

static int cmp_by_keep(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (keep_keys[x] != keep_keys[y])
		return keep_keys[x] < keep_keys[y] ? -1 : 1;
	return x < y ? -1 : (x > y);
}

/* Which institutions take part: all, a --scale fraction, or --tiny's 30
 * with the lowest keep draw. Never none. */
static unsigned char *select_insts(void)
{
	unsigned char *sel = wf_xcalloc(g.ninsts, 1);
	size_t *idx = wf_xmalloc(g.ninsts * sizeof *idx);
	size_t nsel = 0;
	char id[24];

	keep_keys = wf_xmalloc(g.ninsts * sizeof *keep_keys);
	for (size_t i = 0; i < g.ninsts; i++) {
		inst_id(i, 0, id, sizeof id);
		keep_keys[i] = keep_draw(id);
		idx[i] = i;
	}
	qsort(idx, g.ninsts, sizeof *idx, cmp_by_keep);
	for (size_t i = 0; i < g.ninsts; i++) {
		if (g.o.tiny)
			sel[i] = keep_keys[i] <= keep_keys[idx[g.ninsts < TINY_UNITS ? g.ninsts - 1 : TINY_UNITS - 1]];
		else
			sel[i] = g.o.scale >= 1 || keep_keys[i] < g.o.scale;
		nsel += sel[i];
	}
	if (!nsel)
		sel[idx[0]] = 1;
	free(idx);
	free(keep_keys);
	keep_keys = NULL;
	return sel;
}

static void build_units(void)
{
	double scale = g.o.scale < 1 ? 1 : g.o.scale;
	int full = (int)floor(scale);
	double frac = scale - full;
	unsigned char *sel = select_insts();

	for (size_t ii = 0; ii < g.ninsts; ii++) {
		if (!sel[ii])
			continue;
		for (int k = 0; k <= full; k++) {
			char id[24];

			inst_id(ii, k, id, sizeof id);
			/* k < full: whole replicas; k == full: the fractional one. */
			if (k == full && (frac <= 0 || keep_draw(id) >= frac))
				continue;
			add_institution_units(ii, k);
		}
	}
	free(sel);
}

/* ------------------------------------------------------------------ */
/* Dialects and the CSV writer                                         */

/* The wellbeing tables come after K_RETR so that K_RETR (a stream id of
 * write_retr) and the bytes of the older files stay what they were. */
enum kind { K_COST, K_OCC, K_FLEX, K_RETR, K_ABS, K_TRAIN, K_MODE, K_FUA, NKINDS };
static const char *const kind_names[NKINDS] = {
	"COSTO_LAVORO", "OCCUPAZIONE", "LAVORO_FLESSIBILE", "RETRIBUZIONE_MEDIA",
	"ASSENZE", "FORMAZIONE", "MODALITA_LAVORO_FLESSIBILE", "CONTRATTAZIONE_INTEGRATIVA"
};
/* First year the generator writes CONTRATTAZIONE_INTEGRATIVA (its table
 * of the Conto Annuale follows the 2009 reform, d.lgs. 150/2009). */
#define FUA_YEAR0 2009

struct dialect {
	char delim;
	int old;      /* `,`, all quoted, Windows-1252, Title Case headers */
	int bom, crlf, group, pad_qual;
	const char *ext;
};

/* The table in the header comment, as code. */
static struct dialect dialect_for(int year, enum kind k)
{
	struct dialect d;

	d.old = (year >= 2004 && year <= 2016 && !(year == 2013 && k == K_FLEX)) ||
		(year == 2017 && k != K_COST);
	d.delim = d.old ? ',' : ';';
	d.bom = !d.old && ((year == 2017 && k == K_COST) || (year == 2019 && k == K_COST) ||
			   year == 2021 || (year >= 2023 && (k == K_COST || k == K_OCC)));
	d.crlf = (year >= 2004 && year <= 2011) || year == 2017 || year == 2020 || year == 2022;
	d.group = year >= 2004;
	d.pad_qual = year >= 2005 && year <= 2009;
	d.ext = (year <= 2012 || year == 2020) ? "CSV" : "csv";
	return d;
}

static char *member_name(int year, enum kind k)
{
	return xasprintf("%s_%d.%s", kind_names[k], year, dialect_for(year, k).ext);
}

/* Headers: UPPER_SNAKE and the Title Case form that normalises to it
 * (accents folded, spaces to '_', upper case). */
static const char *const hdr_cost[2][4] = {
	{ "ISTITUZIONE", "CONTRATTO", "VOCE_SPESA", "TOTALE_SPESA" },
	{ "Istituzione", "Contratto", "Voce di Spesa", "Totale Spesa" },
};
static const char *const hdr_occ[2][11] = {
	{ "ISTITUZIONE", "CONTRATTO", "MACROCATEGORIA", "CATEGORIA", "QUALIFICA",
	  "PERSONALE_TEMPO_PIENO_UOMINI", "PERSONALE_TEMPO_PIENO_DONNE",
	  "PART_TIME_INF50%_UOMINI", "PART_TIME_INF50%_DONNE",
	  "PART_TIME_SUP50%_UOMINI", "PART_TIME_SUP50%_DONNE" },
	{ "Istituzione", "Contratto", "Macrocategoria", "Categoria", "Qualifica",
	  "Personale Tempo Pieno Uomini", "Personale Tempo Pieno Donne",
	  "Part Time Inf50% Uomini", "Part Time Inf50% Donne",
	  "Part Time Sup50% Uomini", "Part Time Sup50% Donne" },
};
static const char *const hdr_flex[2][12] = {
	{ "ISTITUZIONE", "CONTRATTO", "MACROCATEGORIA", "CATEGORIA",
	  "PERSONALE_TEMPO_DETERMINATO_UOMINI", "PERSONALE_TEMPO_DETERMINATO_DONNE",
	  "FORMAZIONE_LAVORO_UOMINI", "FORMAZIONE_LAVORO_DONNE",
	  "INTERINALE_UOMINI", "INTERINALE_DONNE",
	  "LAVORO_SOCIALMENTE_UTILE_UOMINI", "LAVORO_SOCIALMENTE_UTILE_DONNE" },
	{ "Istituzione", "Contratto", "Macrocategoria", "Categoria",
	  "Personale Tempo Determinato Uomini", "Personale Tempo Determinato Donne",
	  "Formazione Lavoro Uomini", "Formazione Lavoro Donne",
	  "Interinale Uomini", "Interinale Donne",
	  "Lavoro Socialmente Utile Uomini", "Lavoro Socialmente Utile Donne" },
};
/* The wellbeing tables, from the field names of Tracciati (RGS): the
 * spec's spaced names in Title Case for the old dialect. */
static const char *const hdr_abs[2][7] = {
	{ "ISTITUZIONE", "CONTRATTO", "CATEGORIA", "QUALIFICA", "CAUSALE_ASSENZA",
	  "ASSENZE_UOMINI", "ASSENZE_DONNE" },
	{ "Istituzione", "Contratto", "Categoria", "Qualifica", "Causale Assenza",
	  "Assenze Uomini", "Assenze Donne" },
};
static const char *const hdr_train[2][8] = {
	{ "ISTITUZIONE", "CONTRATTO", "CATEGORIA", "QUALIFICA", "FORM_UOMINI", "FORM_DONNE",
	  "FORM_MEDIA_UOMINI", "FORM_MEDIA_DONNE" },
	{ "Istituzione", "Contratto", "Categoria", "Qualifica", "Form Uomini", "Form Donne",
	  "Form Media Uomini", "Form Media Donne" },
};
static const char *const hdr_mode[2][10] = {
	{ "ISTITUZIONE", "CONTRATTO", "MACROCATEGORIA", "CATEGORIA",
	  "TELE_LAVORO_UOMINI", "TELE_LAVORO_DONNE",
	  "SOGGETTI_A_TURNAZIONE_UOMINI", "SOGGETTI_A_TURNAZIONE_DONNE",
	  "SOGGETTI_REPERIBILITA_UOMINI", "SOGGETTI_REPERIBILITA_DONNE" },
	{ "Istituzione", "Contratto", "Macrocategoria", "Categoria",
	  "Tele Lavoro Uomini", "Tele Lavoro Donne",
	  "Soggetti a Turnazione Uomini", "Soggetti a Turnazione Donne",
	  "Soggetti Reperibilità Uomini", "Soggetti Reperibilità Donne" },
};
static const char *const hdr_fua[2][6] = {
	{ "ISTITUZIONE", "CONTRATTO", "MACROCATEGORIA", "TIPO_VOCE_SPESA", "VOCE_SPESA_FUA",
	  "IMPORTO" },
	{ "Istituzione", "Contratto", "Macrocategoria", "Tipo Voce Spesa", "Voce Spesa FUA",
	  "Importo" },
};
static const char *const hdr_retr[2][4] = {
	{ "CONTRATTO", "MACROCATEGORIA", "RETRIBUZIONE_MEDIA", "INDENNITA_FISSE" },
	{ "Contratto", "Macrocategoria", "Retribuzione Media", "Indennità Fisse" },
};

struct csvw {
	FILE *f;
	char *path;
	struct dialect d;
	long rows;
};

static void cw_open(struct csvw *w, const char *path, struct dialect d)
{
	w->path = wf_xstrdup(path);
	w->d = d;
	w->rows = 0;
	w->f = fopen(path, "wb");
	if (!w->f)
		wf_die(WF_EXIT_DATA, "%s:", path);
	setvbuf(w->f, NULL, _IOFBF, 1 << 16);
	if (d.bom)
		fputs("\xef\xbb\xbf", w->f);
}

/* Source strings are UTF-8; Windows-1252 files get the Latin-1 range
 * (all the accents used here) re-encoded. */
static void cw_text(struct csvw *w, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (w->d.old && (*p == 0xc2 || *p == 0xc3) && p[1]) {
			putc(((*p & 0x03) << 6) | (p[1] & 0x3f), w->f);
			p++;
		} else {
			if (*p == '"')
				putc('"', w->f);
			putc(*p, w->f);
		}
	}
}

static void cw_row(struct csvw *w, const char *const *f, int n)
{
	for (int i = 0; i < n; i++) {
		int q = w->d.old || strchr(f[i], w->d.delim) || strchr(f[i], '"') ||
			strchr(f[i], '\n') || strchr(f[i], '\r');

		if (i)
			putc(w->d.delim, w->f);
		if (q)
			putc('"', w->f);
		if (q)
			cw_text(w, f[i]);
		else
			fputs(f[i], w->f);
		if (q)
			putc('"', w->f);
	}
	fputs(w->d.crlf ? "\r\n" : "\n", w->f);
	w->rows++;
}

/* The raw delimiter-only line of LAVORO_FLESSIBILE_2013. */
static void cw_raw_line(struct csvw *w, int ndelim)
{
	for (int i = 0; i < ndelim; i++)
		putc(w->d.delim, w->f);
	fputs(w->d.crlf ? "\r\n" : "\n", w->f);
}

static void cw_close(struct csvw *w)
{
	if (fflush(w->f) != 0 || ferror(w->f) || fclose(w->f) != 0)
		wf_die(WF_EXIT_DATA, "%s:", w->path);
	free(w->path);
}

/* ------------------------------------------------------------------ */
/* One year                                                            */

enum stream { S_HEADS = 1, S_L090, S_COST, S_OCC, S_FLEX, S_ABS, S_TRAIN, S_MODE, S_FUA };

static long long unit_heads(const struct unit *u, int year)
{
	rng r;
	double h;

	rng_seed(&r, g.o.seed, u->key, (uint64_t)year, S_HEADS);
	h = u->base_heads * trend_factor(u->trend, year) * (1.0 + 0.03 * rng_normal(&r));
	return h < 1 ? 1 : llround(h);
}

/* Probability that a unit reports L090 at all in a year: comuni drop it
 * over the years (the -90% of the report is mostly fewer spenders). */
static double l090_presence(const struct unit *u, int year)
{
	double t = (year - 2001) / 18.0;

	if (u->comune)
		return year <= 2019 ? 0.45 + (0.10 - 0.45) * t : 0.10 + 0.005 * (year - 2019);
	if (u->agg04)
		return 0.35 - 0.05 * (t > 1 ? 1 : t);
	return 0.4;
}

static const uint64_t *rem_keys; /* for cmp_by_rem */

static int cmp_by_rem(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (rem_keys[x] != rem_keys[y])
		return rem_keys[x] > rem_keys[y] ? -1 : 1;
	return x < y ? -1 : (x > y);
}

/* Scale w[] (>= 0, -1 = no row) over members so that the members' sum is
 * exactly target: floor shares, then the leftover cents to the largest
 * remainders (ties by position). Returns -1 when there is no member. */
static int calibrate(int64_t *w, const unsigned char *member, const long long *heads,
		     size_t n, int64_t target)
{
	unsigned __int128 W = 0;
	int64_t given = 0;
	size_t nm = 0, best = (size_t)-1, *idx;
	uint64_t *rem;

	for (size_t i = 0; i < n; i++) {
		if (!member[i])
			continue;
		if (best == (size_t)-1 || heads[i] > heads[best])
			best = i;
		if (w[i] > 0)
			W += (uint64_t)w[i];
	}
	if (best == (size_t)-1)
		return -1;
	if (W == 0) {
		/* Nobody drew a positive amount: the biggest member spends. */
		w[best] = 1;
		W = 1;
	}
	idx = wf_xmalloc(n * sizeof *idx);
	rem = wf_xmalloc(n * sizeof *rem);
	for (size_t i = 0; i < n; i++) {
		unsigned __int128 p;

		if (!member[i] || w[i] < 0)
			continue;
		p = (unsigned __int128)(uint64_t)target * (uint64_t)w[i];
		w[i] = (int64_t)(p / W);
		rem[i] = (uint64_t)(p % W);
		given += w[i];
		idx[nm++] = i;
	}
	rem_keys = rem;
	qsort(idx, nm, sizeof *idx, cmp_by_rem);
	rem_keys = NULL;
	for (size_t k = 0; given < target && k < nm; k++, given++)
		w[idx[k]]++;
	free(idx);
	free(rem);
	return 0;
}

/* Nominal pay level relative to 2019 (about 2% a year). */
static double pay_factor(int year)
{
	return pow(1.02, year - 2019);
}

static void write_cost(struct csvw *w, int year, const long long *heads, const int64_t *l090)
{
	char amount[40];

	cw_row(w, hdr_cost[w->d.old], 4);
	for (size_t i = 0; i < g.nunits; i++) {
		const struct unit *u = &g.units[i];
		double f = 0.5 + 0.4 * log10(1.0 + (double)heads[i]);
		rng r;

		rng_seed(&r, g.o.seed, u->key, (uint64_t)year, S_COST);
		for (size_t k = 0; k < NITEMS; k++) {
			/* Both draws always, so each item keeps its own place in
			 * the stream whatever the other items decide. */
			double pick = rng_unit(&r), noise = rng_lognorm1(&r, 0.35);
			int64_t cents;
			const char *row[4];

			if (!strcmp(items[k].code, "L090")) {
				if (l090[i] < 0)
					continue;
				cents = l090[i];
			} else {
				if (items[k].p < 1 && pick >= 1.0 - pow(1.0 - items[k].p, f))
					continue;
				cents = llround((double)heads[i] * items[k].per_head * 100.0 * noise *
						pay_factor(year));
			}
			fmt_it2(amount, cents, w->d.group);
			row[0] = u->id;
			row[1] = g.contracts[u->contract].code;
			row[2] = items[k].code;
			row[3] = amount;
			cw_row(w, row, 4);
		}
	}
}

static long long share(long long total, double part)
{
	long long v = llround((double)total * part);

	return v < 0 ? 0 : v > total ? total : v;
}

/* Share of women: low in the armed and police corps, high in schools. */
static double women_share(int contract, double u)
{
	static const char uniformed[] = " PPSS CCSS GGFF EEII MMAA AAMM VVFF CPOR PPEN ";
	char key[12];

	snprintf(key, sizeof key, " %s ", g.contracts[contract].code);
	if (strstr(uniformed, key))
		return 0.05 + 0.15 * u;
	if (!strcmp(g.contracts[contract].code, "SCLA"))
		return 0.75 + 0.1 * u;
	return 0.35 + 0.4 * u;
}

/* Most staff are non-managers: a comune has one secretary, not hundreds. */
static double macro_weight(const char *macro)
{
	if (!strcmp(macro, "ND"))
		return 1.0;
	if (!strcmp(macro, "AP"))
		return 0.08;
	if (!strcmp(macro, "NF"))
		return 0.04;
	if (!strcmp(macro, "SC"))
		return 0.005;
	return 0.3;
}

static void write_occ(struct csvw *w, int year, const long long *heads)
{
	const char *const *hdr = hdr_occ[w->d.old];
	const char *h[11];
	int *pick = wf_xmalloc(sizeof *pick * (g.nqualifs + 1));
	double *wt = wf_xmalloc(sizeof *wt * (g.nqualifs + 1));

	memcpy(h, hdr, sizeof h);
	if (year <= 2020)
		h[6] = w->d.old ? "Personale Tempo Piedo Donne" : "PERSONALE_TEMPO_PIEDO_DONNE";
	if (year == 2015) {
		h[9] = w->d.old ? "Part TimeSup50% Uomini" : "PART_TIMESUP50%_UOMINI";
		h[10] = w->d.old ? "Part TimeSup50% Donne" : "PART_TIMESUP50%_DONNE";
	}
	cw_row(w, h, 11);
	for (size_t i = 0; i < g.nunits; i++) {
		const struct unit *u = &g.units[i];
		int k = 1 + (int)(1.5 * log2(1.0 + (double)heads[i]));
		long long left = heads[i];
		double W = 0;
		rng r;

		if (!u->nq)
			continue;
		rng_seed(&r, g.o.seed, u->key, (uint64_t)year, S_OCC);
		if (k > u->nq)
			k = u->nq;
		/* Weighted sampling without replacement (Efraimidis-Spirakis:
		 * the k largest u^(1/w)), so managers stay rare in small units. */
		for (int j = 0; j < u->nq; j++) {
			pick[j] = j;
			wt[j] = log(1.0 - rng_unit(&r)) / macro_weight(g.qualifs[u->q0 + j].macro);
		}
		for (int a = 0; a < k; a++) {
			int best = a;

			for (int b = a + 1; b < u->nq; b++)
				if (wt[pick[b]] > wt[pick[best]])
					best = b;
			int tmp = pick[a];
			pick[a] = pick[best];
			pick[best] = tmp;
		}
		for (int a = 1; a < k; a++) /* list order: sort the chosen */
			for (int b = a; b > 0 && pick[b - 1] > pick[b]; b--) {
				int tmp = pick[b];
				pick[b] = pick[b - 1];
				pick[b - 1] = tmp;
			}
		for (int j = 0; j < k; j++)
			W += wt[j] = rng_lognorm1(&r, 1.0) *
				     macro_weight(g.qualifs[u->q0 + pick[j]].macro);
		for (int j = 0; j < k; j++) {
			const struct qualif *q = &g.qualifs[u->q0 + pick[j]];
			long long n = j == k - 1 ? left : share(heads[i], wt[j] / W);
			double women = women_share(u->contract, rng_unit(&r));
			double pt = 0.02 + 0.12 * rng_unit(&r);
			long long ptn, ftn, ftw, pinf, pinfw, psup, psupw;
			char cat[16], c[6][24];
			const char *row[11];

			if (n > left)
				n = left;
			left -= n;
			if (n == 0)
				continue;
			ptn = share(n, pt);
			ftn = n - ptn;
			ftw = share(ftn, women);
			pinf = share(ptn, 0.3);
			psup = ptn - pinf;
			pinfw = share(pinf, women + 0.2 > 1 ? 1 : women + 0.2);
			psupw = share(psup, women + 0.2 > 1 ? 1 : women + 0.2);
			snprintf(cat, sizeof cat, w->d.pad_qual ? "%-3s" : "%s", q->cat);
			sprintf(c[0], "%lld", ftn - ftw);
			sprintf(c[1], "%lld", ftw);
			sprintf(c[2], "%lld", pinf - pinfw);
			sprintf(c[3], "%lld", pinfw);
			sprintf(c[4], "%lld", psup - psupw);
			sprintf(c[5], "%lld", psupw);
			row[0] = u->id;
			row[1] = g.contracts[u->contract].code;
			row[2] = q->macro;
			row[3] = cat;
			row[4] = q->qual;
			for (int m = 0; m < 6; m++)
				row[5 + m] = c[m];
			cw_row(w, row, 11);
		}
	}
	free(pick);
	free(wt);
}

static void write_flex(struct csvw *w, int year, const long long *heads)
{
	int blank_rows = year == 2013 && !w->d.old;
	rng br;

	rng_seed(&br, g.o.seed, 0xb1a4c, (uint64_t)year, S_FLEX);
	cw_row(w, hdr_flex[w->d.old], 12);
	for (size_t i = 0; i < g.nunits; i++) {
		const struct unit *u = &g.units[i];
		double hd = (double)heads[i];
		double p = 0.25 + 0.12 * log10(1.0 + hd);
		double td = hd * 0.07 * 100.0; /* hundredths of unità annue */
		int nrows = 1 + (heads[i] > 50) + (heads[i] > 1000), done = 0;
		double lsu_p = u->comune ? 0.3 * (2024 - year) / 23.0 : 0.02;
		rng r;

		rng_seed(&r, g.o.seed, u->key, (uint64_t)year, S_FLEX);
		if (!u->nq || rng_unit(&r) >= (p > 0.9 ? 0.9 : p))
			continue;
		td *= rng_lognorm1(&r, 0.8);
		/* Distinct (macro, categoria) pairs of the unit, from a random start. */
		int start = (int)(rng_unit(&r) * u->nq);
		for (int j = 0; j < u->nq && done < nrows; j++) {
			const struct qualif *q = &g.qualifs[u->q0 + (start + j) % u->nq];
			int seen = 0;
			int64_t v[8];
			char c[8][40];
			const char *row[12];

			for (int m = 0; m < j && !seen; m++) {
				const struct qualif *o = &g.qualifs[u->q0 + (start + m) % u->nq];
				seen = !strcmp(o->macro, q->macro) && !strcmp(o->cat, q->cat);
			}
			if (seen)
				continue;
			double part = td / nrows, women = 0.4 + 0.3 * rng_unit(&r);
			double fl = rng_unit(&r) < (year <= 2012 ? 0.08 : 0.02) ? part * 0.05 : 0;
			double inter = rng_unit(&r) < 0.2 ? part * 0.3 * rng_unit(&r) : 0;
			double lsu = rng_unit(&r) < lsu_p ? part * 0.5 * rng_unit(&r) : 0;
			v[0] = llround(part * (1 - women));
			v[1] = llround(part * women);
			v[2] = llround(fl * 0.5);
			v[3] = llround(fl * 0.5);
			v[4] = llround(inter * (1 - women));
			v[5] = llround(inter * women);
			v[6] = llround(lsu * 0.6);
			v[7] = llround(lsu * 0.4);
			row[0] = u->id;
			row[1] = g.contracts[u->contract].code;
			row[2] = q->macro;
			row[3] = q->cat;
			for (int m = 0; m < 8; m++) {
				fmt_it2(c[m], v[m], w->d.group);
				row[4 + m] = c[m];
			}
			cw_row(w, row, 12);
			done++;
			if (blank_rows && rng_unit(&br) < 0.01)
				cw_raw_line(w, 11);
		}
	}
	if (blank_rows) {
		cw_raw_line(w, 8);
		cw_raw_line(w, 11);
	}
}

/* A member the ingester must skip; its old-dialect header has an accent. */
static void write_retr(struct csvw *w, int year)
{
	cw_row(w, hdr_retr[w->d.old], 4);
	for (size_t c = 0; c < g.ncontracts; c++) {
		static const char *const macros[] = { "ND", "NF" };
		int used = 0;
		rng r;

		for (size_t i = 0; i < g.nunits && !used; i++)
			used = g.units[i].contract == (int)c;
		if (!used)
			continue;
		rng_seed(&r, g.o.seed, hash_str(g.contracts[c].code), (uint64_t)year, K_RETR);
		for (int m = 0; m < 2; m++) {
			char a[40], b[40];
			const char *row[4];
			double base = (m ? 85000 : 31000) * pay_factor(year) * rng_lognorm1(&r, 0.15);

			fmt_it2(a, llround(base * 100), w->d.group);
			fmt_it2(b, llround(base * 0.08 * 100), w->d.group);
			row[0] = g.contracts[c].code;
			row[1] = macros[m];
			row[2] = a;
			row[3] = b;
			cw_row(w, row, 4);
		}
	}
}

/* ------------------------------------------------------------------ */
/* The wellbeing tables: ASSENZE, FORMAZIONE, MODALITA_LAVORO_FLESSIBILE,
 * CONTRATTAZIONE_INTEGRATIVA. Shapes (all invented, of the order the
 * issue asks for): absences about 16-19 days a head a year besides
 * holidays, most of them illness; training 1-3 days a head a year;
 * telework near zero before 2020, then 9-15% of staff; FUA funds about
 * 1,400 EUR a head. */

/* Up to want distinct rows of the unit's qualifiche from a random start;
 * by_cat: distinct (macro, categoria) pairs instead. Returns the count. */
static int pick_rows(const struct unit *u, rng *r, int want, int by_cat, int *out)
{
	int start = (int)(rng_unit(r) * u->nq), n = 0;

	for (int j = 0; j < u->nq && n < want; j++) {
		int q = u->q0 + (start + j) % u->nq, seen = 0;

		for (int m = 0; m < n && by_cat && !seen; m++)
			seen = !strcmp(g.qualifs[out[m]].macro, g.qualifs[q].macro) &&
			       !strcmp(g.qualifs[out[m]].cat, g.qualifs[q].cat);
		if (!seen)
			out[n++] = q;
	}
	return n;
}

/* Heads of a unit split exactly over the n picked rows by log-normal
 * weights, managers' rows light (macro_weight) as in OCCUPAZIONE. */
static void split_heads(long long heads, int n, const int *pick, rng *r, long long *out)
{
	double w[8], W = 0;
	long long left = heads;

	for (int j = 0; j < n; j++)
		W += w[j] = rng_lognorm1(r, 0.8) * macro_weight(g.qualifs[pick[j]].macro);
	for (int j = 0; j < n; j++) {
		long long k = j == n - 1 ? left : share(heads, w[j] / W);
		if (k > left)
			k = left;
		out[j] = k;
		left -= k;
	}
}

static int rows_for(long long heads)
{
	return 1 + (heads > 50) + (heads > 1000);
}

/* Share of staff in telework: the 2020 jump is the pandemic. */
static double telework_rate(int year)
{
	static const double after[] = { 0.09, 0.11, 0.12, 0.135, 0.15 };

	if (year >= 2020)
		return after[year - 2020 > 4 ? 4 : year - 2020];
	return 0.001 + 0.0002 * (year - 2001);
}

/* Absence causes of the 2024 Causali list (type Z), mean days a head a
 * year for men and women. Every year uses these codes. */
static const struct cause {
	const char *code;
	double men, women;
} causes[] = {
	{ "M05", 8.5, 9.5 }, { "M06", 1.4, 1.6 }, { "F00", 27.0, 27.0 },
	{ "PR4", 1.8, 2.8 }, { "O10", 0.3, 0.7 }, { "PR5", 0.5, 3.6 },
	{ "PR6", 1.8, 2.2 }, { "SC1", 0.15, 0.15 }, { "SS2", 0.4, 0.7 },
	{ "Z01", 1.0, 1.0 }, { "Z02", 0, 0 },
};

static void write_abs(struct csvw *w, int year, const long long *heads)
{
	int pick[4];
	long long n[4];

	cw_row(w, hdr_abs[w->d.old], 7);
	for (size_t i = 0; i < g.nunits; i++) {
		const struct unit *u = &g.units[i];
		rng r;

		if (!u->nq)
			continue;
		rng_seed(&r, g.o.seed, u->key, (uint64_t)year, S_ABS);
		int k = pick_rows(u, &r, rows_for(heads[i]), 0, pick);
		double culture = rng_lognorm1(&r, 0.25);
		split_heads(heads[i], k, pick, &r, n);
		for (int j = 0; j < k; j++) {
			const struct qualif *q = &g.qualifs[pick[j]];
			long long f = share(n[j], women_share(u->contract, rng_unit(&r))), m = n[j] - f;
			char cat[16];

			snprintf(cat, sizeof cat, w->d.pad_qual ? "%-3s" : "%s", q->cat);
			for (size_t c = 0; c < sizeof causes / sizeof causes[0]; c++) {
				double noise = rng_lognorm1(&r, 0.35), dm = causes[c].men,
				       dw = causes[c].women;
				char a[24], b[24];
				const char *row[7];

				if (!strcmp(causes[c].code, "Z02")) {
					if (year < 2020)
						continue;
					dm = dw = 70.0 * telework_rate(year);
				}
				if (strcmp(causes[c].code, "F00"))
					noise *= culture;
				long long am = llround((double)m * dm * noise);
				long long aw = llround((double)f * dw * noise);
				if (am == 0 && aw == 0)
					continue;
				sprintf(a, "%lld", am);
				sprintf(b, "%lld", aw);
				row[0] = u->id;
				row[1] = g.contracts[u->contract].code;
				row[2] = cat;
				row[3] = q->qual;
				row[4] = causes[c].code;
				row[5] = a;
				row[6] = b;
				cw_row(w, row, 7);
			}
		}
	}
}

/* Days / heads with 2 decimals, Italian. */
static void fmt_mean(char *buf, long long days, long long heads, int group)
{
	fmt_it2(buf, heads ? llround(100.0 * (double)days / (double)heads) : 0, group);
}

static void write_train(struct csvw *w, int year, const long long *heads)
{
	double rate = (1.2 + 0.07 * (year - 2001)) * (year == 2020 ? 0.7 : 1.0);
	int pick[4];
	long long n[4];

	cw_row(w, hdr_train[w->d.old], 8);
	for (size_t i = 0; i < g.nunits; i++) {
		const struct unit *u = &g.units[i];
		rng r;

		if (!u->nq)
			continue;
		rng_seed(&r, g.o.seed, u->key, (uint64_t)year, S_TRAIN);
		/* Small bodies often train nobody in a year. */
		int none = heads[i] < 20 && rng_unit(&r) < 0.25;
		double unit_rate = rate * rng_lognorm1(&r, 0.5);
		int k = pick_rows(u, &r, rows_for(heads[i]), 0, pick);
		split_heads(heads[i], k, pick, &r, n);
		for (int j = 0; j < k; j++) {
			const struct qualif *q = &g.qualifs[pick[j]];
			long long f = share(n[j], women_share(u->contract, rng_unit(&r))), m = n[j] - f;
			double noise = rng_lognorm1(&r, 0.3);
			long long dm = none ? 0 : llround((double)m * unit_rate * noise);
			long long dw = none ? 0 : llround((double)f * unit_rate * noise * 1.05);
			char cat[16], c[4][40];
			const char *row[8];

			if (n[j] == 0)
				continue;
			snprintf(cat, sizeof cat, w->d.pad_qual ? "%-3s" : "%s", q->cat);
			sprintf(c[0], "%lld", dm);
			sprintf(c[1], "%lld", dw);
			fmt_mean(c[2], dm, m, w->d.group);
			fmt_mean(c[3], dw, f, w->d.group);
			row[0] = u->id;
			row[1] = g.contracts[u->contract].code;
			row[2] = cat;
			row[3] = q->qual;
			for (int x = 0; x < 4; x++)
				row[4 + x] = c[x];
			cw_row(w, row, 8);
		}
	}
}

static void write_mode(struct csvw *w, int year, const long long *heads)
{
	double tele = telework_rate(year);
	int pick[4];
	long long n[4];

	cw_row(w, hdr_mode[w->d.old], 10);
	for (size_t i = 0; i < g.nunits; i++) {
		const struct unit *u = &g.units[i];
		const char *code = g.contracts[u->contract].code;
		double shift = !strcmp(code, "SSNA") ? 0.45 : u->comune ? 0.08 : 0.05;
		double oncall = !strcmp(code, "SSNA") ? 0.2 : u->agg04 ? 0.06 : 0.04;
		rng r;

		if (!u->nq)
			continue;
		if (strstr(" PPSS CCSS GGFF VVFF PPEN ", code) && strlen(code) == 4)
			shift = 0.5;
		rng_seed(&r, g.o.seed, u->key, (uint64_t)year, S_MODE);
		/* Not every body offers telework; more do every year after 2020. */
		double offers = year < 2020 ? 0.05 : 0.55 + 0.06 * (year - 2020);
		double ut = rng_unit(&r) < offers ? tele * rng_lognorm1(&r, 0.7) / offers : 0;
		int k = pick_rows(u, &r, rows_for(heads[i]), 1, pick);
		split_heads(heads[i], k, pick, &r, n);
		for (int j = 0; j < k; j++) {
			const struct qualif *q = &g.qualifs[pick[j]];
			double women = women_share(u->contract, rng_unit(&r));
			long long t = share(n[j], ut * rng_lognorm1(&r, 0.3));
			long long s = share(n[j], shift * rng_lognorm1(&r, 0.4));
			long long o = share(n[j], oncall * rng_lognorm1(&r, 0.4));
			long long v[6];
			char c[6][24];
			const char *row[10];

			if (n[j] == 0)
				continue;
			v[1] = share(t, women + 0.15 > 1 ? 1 : women + 0.15);
			v[0] = t - v[1];
			v[3] = share(s, women);
			v[2] = s - v[3];
			v[5] = share(o, women * 0.7);
			v[4] = o - v[5];
			row[0] = u->id;
			row[1] = code;
			row[2] = q->macro;
			row[3] = q->cat;
			for (int x = 0; x < 6; x++) {
				sprintf(c[x], "%lld", v[x]);
				row[4 + x] = c[x];
			}
			cw_row(w, row, 10);
		}
	}
}

/* FUA items (real 2024 RALN codes of Voci_Spesa_FUA, used for every
 * contract here): type F funds the pool, U uses it. EUR a head a year,
 * presence probability; 02S is the welfare paid from the fund. */
static const struct fua {
	const char *type, *code;
	double per_head, p;
	int managers; /* only for NF/SC (managers' fund) */
} fuas[] = {
	{ "F", "00B", 1250, 1.0, 0 }, { "F", "00O", 120, 0.5, 0 }, { "F", "01P", 30, 0.2, 0 },
	{ "U", "02P", 350, 0.9, 0 },  { "U", "00G", 450, 0.95, 0 }, { "U", "00K", 140, 0.5, 0 },
	{ "U", "02S", 70, 0, 0 },     { "U", "448", 9000, 1.0, 1 }, { "U", "449", 3000, 1.0, 1 },
};

static void write_fua(struct csvw *w, int year, const long long *heads)
{
	/* Welfare paid from the fund exists from the 2016-18 contracts. */
	double welfare_p = year < 2018 ? 0 : 0.05 + 0.04 * (year - 2018);

	cw_row(w, hdr_fua[w->d.old], 6);
	for (size_t i = 0; i < g.nunits; i++) {
		const struct unit *u = &g.units[i];
		const char *macros[2];
		int nm = 0;
		rng r;

		if (!u->nq)
			continue;
		rng_seed(&r, g.o.seed, u->key, (uint64_t)year, S_FUA);
		for (int j = 0; j < u->nq && nm < 2; j++) {
			const char *m = g.qualifs[u->q0 + j].macro;
			int mgr = !strcmp(m, "NF") || !strcmp(m, "SC");

			if ((nm == 0 && !mgr) || (nm == 1 && mgr && heads[i] > 30))
				macros[nm++] = m;
		}
		for (int m = 0; m < nm; m++) {
			double hd = m ? 1 + (double)heads[i] * 0.02 : (double)heads[i];
			for (size_t k = 0; k < sizeof fuas / sizeof fuas[0]; k++) {
				double pick = rng_unit(&r), noise = rng_lognorm1(&r, 0.3);
				double p = !strcmp(fuas[k].code, "02S") ? welfare_p : fuas[k].p;
				char a[40];
				const char *row[6];

				if (fuas[k].managers != m || pick >= p)
					continue;
				fmt_it2(a, llround(hd * fuas[k].per_head * 100.0 * noise *
						   pay_factor(year)), w->d.group);
				row[0] = u->id;
				row[1] = g.contracts[u->contract].code;
				row[2] = macros[m];
				row[3] = fuas[k].type;
				row[4] = fuas[k].code;
				row[5] = a;
				cw_row(w, row, 6);
			}
		}
	}
}

/* Heads, L090 (drawn, then calibrated), then the files into dir.
 * paths[k] receives each written file (NULL when not written). */
static void gen_year(int year, const char *dir, int with_retr, char **paths,
		     struct year_stats *st)
{
	size_t n = g.nunits;
	long long *heads = wf_xmalloc((n + 1) * sizeof *heads);
	int64_t *l090 = wf_xmalloc((n + 1) * sizeof *l090);
	unsigned char *mc = wf_xcalloc(n + 1, 1), *mo = wf_xcalloc(n + 1, 1);
	const struct target *t = target_for(year);

	memset(st, 0, sizeof *st);
	for (size_t i = 0; i < n; i++) {
		const struct unit *u = &g.units[i];
		rng r;

		heads[i] = unit_heads(u, year);
		rng_seed(&r, g.o.seed, u->key, (uint64_t)year, S_L090);
		double pres = rng_unit(&r), zero = rng_unit(&r), amt = rng_lognorm1(&r, 1.2);
		if (g.o.piemonte) {
			/* Nine bodies in ten spend every year, each at its own level
			 * around 55 EUR a head in 2001 with a little yearly noise,
			 * along the national path of its group (Figure 1's shape);
			 * no national calibration. */
			const struct target *t0 = target_for(2001);
			double path = u->comune ? (double)t->comuni / (double)t0->comuni :
				(double)(t->agg04 - t->comuni) / (double)(t0->agg04 - t0->comuni);
			rng ru;
			double spender, level;
			rng_seed(&ru, g.o.seed, u->key, 0, S_L090);
			spender = rng_unit(&ru);
			level = rng_lognorm1(&ru, 0.5);
			l090[i] = spender >= 0.9 ? -1 :
				llround((double)heads[i] * 55.0 * 100.0 * path * level * rng_lognorm1(&r, 0.12));
			(void)pres;
			(void)zero;
		} else if (pres >= l090_presence(u, year))
			l090[i] = -1;
		else if (zero < 0.12)
			l090[i] = 0;
		else
			l090[i] = llround((double)heads[i] * 30.0 * 100.0 * amt);
		mc[i] = u->comune;
		mo[i] = u->agg04 && !u->comune;
		st->heads_all += heads[i];
		if (u->agg04)
			st->heads_agg04 += heads[i];
	}
	if (!g.o.piemonte && calibrate(l090, mc, heads, n, t->comuni) < 0)
		wf_warn("%d: no comuni selected: L090 comuni target not applied", year);
	if (!g.o.piemonte && calibrate(l090, mo, heads, n, t->agg04 - t->comuni) < 0)
		wf_warn("%d: no other aggregate-04 institutions selected: "
			"L090 aggregate target not applied", year);
	for (size_t i = 0; i < n; i++) {
		if (l090[i] <= 0 || !g.units[i].agg04)
			continue;
		st->l090_agg04 += l090[i];
		if (g.units[i].comune)
			st->l090_comuni += l090[i];
	}

	for (int k = 0; k < NKINDS; k++) {
		struct csvw w;
		char *name;

		paths[k] = NULL;
		if ((k == K_RETR && !with_retr) || (k == K_FUA && year < FUA_YEAR0))
			continue;
		name = member_name(year, (enum kind)k);
		paths[k] = xasprintf("%s/%s", dir, name);
		free(name);
		cw_open(&w, paths[k], dialect_for(year, (enum kind)k));
		switch (k) {
		case K_COST: write_cost(&w, year, heads, l090); st->rows_cost = w.rows - 1; break;
		case K_OCC: write_occ(&w, year, heads); st->rows_occ = w.rows - 1; break;
		case K_FLEX: write_flex(&w, year, heads); st->rows_flex = w.rows - 1; break;
		case K_ABS: write_abs(&w, year, heads); st->rows_abs = w.rows - 1; break;
		case K_TRAIN: write_train(&w, year, heads); st->rows_train = w.rows - 1; break;
		case K_MODE: write_mode(&w, year, heads); st->rows_mode = w.rows - 1; break;
		case K_FUA: write_fua(&w, year, heads); st->rows_fua = w.rows - 1; break;
		default: write_retr(&w, year); break;
		}
		cw_close(&w);
	}
	free(heads);
	free(l090);
	free(mc);
	free(mo);
}

/* ------------------------------------------------------------------ */
/* Output: loose files or the RGS zip layouts                          */

static const char synthetic_note[] =
	"SYNTHETIC DATA generated by wf-synth (wfkit test/demo generator).\n"
	"These files imitate the format of the Conto Annuale open data of the\n"
	"Ragioneria Generale dello Stato; every figure in them is invented.\n"
	"Do not use them as real data.\n";

static void write_text_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	if (!f || fputs(text, f) == EOF || fclose(f) != 0)
		wf_die(WF_EXIT_DATA, "%s:", path);
}

static const char *layout_for(int year)
{
	if (!strcmp(g.o.zip, "auto"))
		return year <= 2019 ? "nested" : year == 2021 ? "tutto" : "root";
	return g.o.zip;
}

static void zx_check(zip_t *za, const char *what, const char *zpath)
{
	wf_die(WF_EXIT_DATA, "%s: %s: %s", zpath, what, zip_strerror(za));
}

/* Fixed times (30 Nov of Y+1, 12:00): reproducible, timezone-free. */
static void zx_fix_entry(zip_t *za, zip_int64_t idx, int year, const char *zpath)
{
	zip_uint16_t dosdate = (zip_uint16_t)(((year + 1 - 1980) << 9) | (11 << 5) | 30);
	zip_uint16_t dostime = (zip_uint16_t)(12 << 11);
	static const char c[] = "SYNTHETIC (wf-synth)";

	if (zip_file_set_dostime(za, (zip_uint64_t)idx, dostime, dosdate, 0) < 0 ||
	    zip_file_set_comment(za, (zip_uint64_t)idx, c, (zip_uint16_t)strlen(c), 0) < 0)
		zx_check(za, "set entry metadata", zpath);
}

static void zx_add_dir(zip_t *za, const char *name, int year, const char *zpath)
{
	zip_int64_t idx = zip_dir_add(za, name, ZIP_FL_ENC_UTF_8);

	if (idx < 0)
		zx_check(za, name, zpath);
	zx_fix_entry(za, idx, year, zpath);
}

static void zx_add_path(zip_t *za, const char *name, const char *path, int deflate, int year,
			 const char *zpath)
{
	zip_source_t *src = zip_source_file(za, path, 0, -1);
	zip_int64_t idx;

	if (!src)
		zx_check(za, path, zpath);
	idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8);
	if (idx < 0) {
		zip_source_free(src);
		zx_check(za, name, zpath);
	}
	if (zip_set_file_compression(za, (zip_uint64_t)idx, deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
				     9) < 0)
		zx_check(za, "set compression", zpath);
	zx_fix_entry(za, idx, year, zpath);
}

static zip_t *zx_begin(const char *zpath)
{
	int err;
	zip_t *za = zip_open(zpath, ZIP_CREATE | ZIP_TRUNCATE, &err);
	static const char comment[] =
		"SYNTHETIC DATA generated by wf-synth: invented figures in the Conto Annuale format";

	if (!za) {
		zip_error_t ze;

		zip_error_init_with_code(&ze, err);
		wf_die(WF_EXIT_DATA, "%s: %s", zpath, zip_error_strerror(&ze));
	}
	if (zip_set_archive_comment(za, comment, (zip_uint16_t)strlen(comment)) < 0)
		zx_check(za, "set comment", zpath);
	return za;
}

static void zx_end(zip_t *za, const char *zpath)
{
	if (zip_close(za) < 0) {
		wf_warn("%s: %s", zpath, zip_strerror(za));
		zip_discard(za);
		exit(WF_EXIT_DATA);
	}
}

/* Members data files (NKINDS paths, NULL skipped) and LEGGIMI.txt into
 * the year's zip; returns the zip's path. The staged files are removed. */
static char *pack_year(int year, char **paths, const char *readme)
{
	const char *layout = layout_for(year);
	char *zpath, *inner = NULL, *prefix;
	zip_t *za;

	if (!strcmp(layout, "root")) {
		zpath = xasprintf("%s/%dDati.zip", g.o.outdir, year);
		prefix = xasprintf("%dDati/", year);
	} else if (!strcmp(layout, "tutto")) {
		zpath = xasprintf("%s/%dTutto.zip", g.o.outdir, year);
		prefix = xasprintf("%dTutto/%dDati/", year, year);
	} else {
		zpath = xasprintf("%s/%dTutto.zip", g.o.outdir, year);
		inner = xasprintf("%s/.wf-synth-%d/%dDati.zip", g.o.outdir, year, year);
		prefix = wf_xstrdup("");
	}

	/* The data zip: the year's zip itself, or the nested {Y}Dati.zip. */
	za = zx_begin(inner ? inner : zpath);
	if (*prefix) {
		char *top = xasprintf("%dTutto/", year);

		if (!strcmp(layout, "tutto"))
			zx_add_dir(za, top, year, zpath);
		zx_add_dir(za, prefix, year, zpath);
		free(top);
	}
	for (int k = 0; k < NKINDS; k++) {
		char *name, *base;

		if (!paths[k])
			continue;
		base = member_name(year, (enum kind)k);
		name = xasprintf("%s%s", prefix, base);
		zx_add_path(za, name, paths[k], 1, year, zpath);
		free(name);
		free(base);
	}
	if (!inner) {
		char *name = !strcmp(layout, "tutto") ? xasprintf("%dTutto/LEGGIMI.txt", year)
						     : wf_xstrdup("LEGGIMI.txt");

		zx_add_path(za, name, readme, 1, year, zpath);
		free(name);
		zx_end(za, zpath);
	} else {
		char *name = xasprintf("%dDati.zip", year);

		zx_end(za, inner);
		za = zx_begin(zpath);
		zx_add_path(za, "LEGGIMI.txt", readme, 1, year, zpath);
		zx_add_path(za, name, inner, 0, year, zpath);
		zx_end(za, zpath);
		free(name);
		unlink(inner);
		free(inner);
	}
	free(prefix);
	return zpath;
}

/* ------------------------------------------------------------------ */
/* Built-in code lists for the demo                                    */

/* Real 2024 cadastral rows of the built-in comuni and of the provinces
 * the built-in list names, so a demo without the RGS code lists still
 * shows names, aggregates and geography. SAMONE is left out on purpose:
 * the code list has two ("SAMONE TO", "SAMONE TN"), and the demo shows
 * such a homonym as unplaced, as wf-ingest does with the real list. */
static const char *const builtin_catasto[] = {
	"F205;MILANO;MI;MILANO;R00090;LOMBARDIA", "H501;ROMA;RM;ROMA;R00072;LAZIO",
	"F839;NAPOLI;NA;NAPOLI;R00045;CAMPANIA", "L219;TORINO;TO;TORINO;R00125;PIEMONTE",
	"G273;PALERMO;PA;PALERMO;R00152;SICILIA", "D969;GENOVA;GE;GENOVA;R00081;LIGURIA",
	"I363;SANTO STEFANO DI MAGRA;SP;LA SPEZIA;R00081;LIGURIA",
	"I449;SARZANA;SP;LA SPEZIA;R00081;LIGURIA", "D265;DEIVA MARINA;SP;LA SPEZIA;R00081;LIGURIA",
	"L307;TORTORETO;TE;TERAMO;R00018;ABRUZZO", "A826;BESOZZO;VA;VARESE;R00090;LOMBARDIA",
	"A827;BESSUDE;SS;SASSARI;R00143;SARDEGNA", "A794;BERGAMO;BG;BERGAMO;R00090;LOMBARDIA",
	"D150;CREMONA;CR;CREMONA;R00090;LOMBARDIA", "G713;PISTOIA;PT;PISTOIA;R00161;TOSCANA",
	"E625;LIVORNO;LI;LIVORNO;R00161;TOSCANA", "L483;UDINE;UD;UDINE;R00063;FRIULI-VENEZIA GIULIA",
	"E463;LA SPEZIA;SP;LA SPEZIA;R00081;LIGURIA", "C351;CATANIA;CT;CATANIA;R00152;SICILIA",
	"L736;VENEZIA;VE;VENEZIA;R00205;VENETO", "L378;TRENTO;TN;TRENTO;R00214;PROVINCIA AUTONOMA TRENTO",
};

/* Comparto of each aggregate, as in the real 2024 CompartoContratto. */
static const char *comparto_of(const char *agg)
{
	static const char *const map[][2] = {
		{ "04", "FL" }, { "32", "FL" }, { "01", "SA" }, { "08", "IR" }, { "03", "IR" },
		{ "07", "IR" }, { "33", "IR" }, { "02", "FC" }, { "05", "FC" }, { "15", "FC" },
		{ "LS", "AF" }, { "14", "AF" }, { "28", "AF" },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i][0], agg) == 0)
			return map[i][1];
	return "DP";
}

static FILE *open_list(const char *dir, const char *name, const char *header)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(p, "wb");

	if (!f)
		wf_die(WF_EXIT_DATA, "%s:", p);
	free(p);
	fprintf(f, "%s\n", header);
	return f;
}

static void close_list(FILE *f, const char *dir)
{
	if (fclose(f) != 0)
		wf_die(WF_EXIT_DATA, "%s: write error:", dir);
}

/* SYNTHETIC_Anagrafiche/: the built-in lists in the real code-list
 * layout (';', UPPER_SNAKE), for wf-ingest --codes in the demo. */
static void write_builtin_codes(const char *outdir)
{
	char *dir = xasprintf("%s/SYNTHETIC_Anagrafiche", outdir);
	FILE *f;

	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		wf_die(WF_EXIT_DATA, "%s:", dir);
	char *readme = xasprintf("%s/LEGGIMI.txt", dir);

	write_text_file(readme,
			"SYNTHETIC demo code lists written by wf-synth: the built-in institutions,\n"
			"contracts and cost items (real 2024 codes), not the RGS files.\n");
	free(readme);
	f = open_list(dir, "TipoIstituzione_Istituzione.CSV",
		      "ANNO;CODI_TIPO_ISTITUZIONE;DESC_TIPO_ISTITUZIONE;CODI_ISTITUZIONE;DESC_ISTITUZIONE;CODI_FISCALE");
	if (g.o.piemonte)
		for (size_t i = 0; i < sizeof piemonte_insts / sizeof piemonte_insts[0]; i++)
			fprintf(f, "2024;%s;;%ld;%s;%s\n", piemonte_insts[i].type, piemonte_insts[i].num,
				piemonte_insts[i].name, piemonte_insts[i].cf);
	else
		for (size_t i = 0; i < sizeof builtin_insts / sizeof builtin_insts[0]; i++)
			fprintf(f, "2024;%s;;%ld;%s;\n", builtin_insts[i].type, builtin_insts[i].num,
				builtin_insts[i].name);
	close_list(f, dir);
	f = open_list(dir, "CompartoContratto.CSV",
		      "ANNO;CODI_COMPARTO;DESC_COMPARTO;CODI_AGGREGATO;DESC_AGGREGATO;CODI_CONTRATTO;DESC_CONTRATTO");
	for (size_t i = 0; i < sizeof builtin_contracts / sizeof builtin_contracts[0]; i++)
		fprintf(f, "2024;%s;;%s;;%s;\n", comparto_of(builtin_contracts[i].agg),
			builtin_contracts[i].agg, builtin_contracts[i].code);
	close_list(f, dir);
	f = open_list(dir, "VoceSpesa.CSV", "ANNO;CODI_TIPO_VOCE_SPESA;CODI_VOCE_SPESA;DESC_VOCE_SPESA;FLAG_SEGNO");
	for (size_t i = 0; i < NITEMS; i++) {
		/* Reimbursements received (P09x) are deductions in the real list. */
		int minus = items[i].code[0] == 'P' && items[i].code[1] == '0' && items[i].code[2] == '9';
		fprintf(f, "2024;%c;%d;;%c\n", items[i].code[0], atoi(items[i].code + 1), minus ? '-' : '+');
	}
	close_list(f, dir);
	f = open_list(dir, "RegioneProvinciaCatasto.CSV",
		      "ANNO;CODI_CATASTALE;DESC_CODICE_CATASTALE;CODI_PROVINCIA;DESC_PROVINCIA;CODI_REGIONE;DESC_REGIONE");
	if (g.o.piemonte)
		for (size_t i = 0; i < sizeof piemonte_catasto / sizeof piemonte_catasto[0]; i++)
			fprintf(f, "2024;%s\n", piemonte_catasto[i]);
	else
		for (size_t i = 0; i < sizeof builtin_catasto / sizeof builtin_catasto[0]; i++)
			fprintf(f, "2024;%s\n", builtin_catasto[i]);
	close_list(f, dir);
	free(dir);
}

/* ------------------------------------------------------------------ */
/* Command line                                                        */

static void usage(FILE *fp)
{
	fprintf(fp,
		"Usage: wf-synth [OPTION]... -o DIR\n"
		"       wf-synth --targets\n"
		"Write SYNTHETIC Conto Annuale data files (COSTO_LAVORO, OCCUPAZIONE,\n"
		"LAVORO_FLESSIBILE and the staff-wellbeing tables) in each year's real\n"
		"dialect, for tests, the demo and\n"
		"benchmarks. Same options, same bytes. All figures are invented; L090 is\n"
		"calibrated to the published aggregate totals (see --targets).\n"
		"\n"
		"  -o, --output DIR    write into DIR (created if missing)\n"
		"      --codes DIR     institutions and contracts from the RGS code lists in\n"
		"                      DIR (TipoIstituzione_Istituzione.CSV, CompartoContratto.CSV,\n"
		"                      ContrattoMacroCCategQualif.CSV if present); default:\n"
		"                      a built-in list of %zu real institutions\n"
		"  -y, --year Y        one year, %d-%d (default 2019)\n"
		"      --years A-B     every year from A to B\n"
		"      --scale X       rows multiplier: below 1 keeps that fraction of the\n"
		"                      institutions, above 1 adds replicas numbered +100000\n"
		"                      (default 1: about 260,000 COSTO_LAVORO rows a year\n"
		"                      with the real 2024 list)\n"
		"      --seed N        seed of the generator (default %llu)\n"
		"      --zip LAYOUT    pack each year as RGS does: auto (by year), root\n"
		"                      ({Y}Dati.zip with {Y}Dati/), tutto ({Y}Tutto.zip with\n"
		"                      {Y}Tutto/{Y}Dati/) or nested ({Y}Tutto.zip holding\n"
		"                      {Y}Dati.zip); without --zip, loose files\n"
		"      --tiny          only %d institutions\n"
		"      --demo          the make-demo sample: years 2001 2013 2015 2017 2019\n"
		"                      2021 2024 (unless --year or --years) packed with\n"
		"                      --zip auto; without --codes also writes the built-in\n"
		"                      code lists to DIR/SYNTHETIC_Anagrafiche/\n"
		"      --piemonte      the make-demo story of the source report: %zu real\n"
		"                      Piedmont comuni and unions of comuni and the other\n"
		"                      regional capitals (built-in list),\n"
		"                      every year 2001-2024 (unless --year or --years), most\n"
		"                      of them spending on L090 along the national path, not\n"
		"                      calibrated to national totals; packed and with code\n"
		"                      lists as --demo\n"
		"      --targets       print the L090 calibration table as CSV and exit\n"
		"  -v, --verbose       per-year row counts, sums and speed on stderr\n"
		"  -h, --help          print this help and exit\n"
		"  -V, --version       print the version and exit\n"
		"\n"
		"Files: COSTO_LAVORO_Y, OCCUPAZIONE_Y, LAVORO_FLESSIBILE_Y, ASSENZE_Y,\n"
		"FORMAZIONE_Y, MODALITA_LAVORO_FLESSIBILE_Y, CONTRATTAZIONE_INTEGRATIVA_Y (from\n"
		"2009) (.csv or .CSV as in the real year) and SYNTHETIC-README.txt; with --zip also RETRIBUZIONE_MEDIA_Y\n"
		"and LEGGIMI.txt inside the zips. Exit status: 0 ok, 1 data or I/O error,\n"
		"2 usage error.\n",
		sizeof builtin_insts / sizeof builtin_insts[0], YEAR_MIN, YEAR_MAX,
		(unsigned long long)DEFAULT_SEED, TINY_UNITS,
		sizeof piemonte_insts / sizeof piemonte_insts[0]);
}

static int parse_year(const char *s)
{
	char *end;
	long y;

	errno = 0;
	y = strtol(s, &end, 10);
	if (end == s || *end || errno || y < YEAR_MIN || y > YEAR_MAX)
		usage_error("invalid year '%s' (expected %d-%d)", s, YEAR_MIN, YEAR_MAX);
	return (int)y;
}

static void print_targets(void)
{
	char a[32], c[32];

	printf("year,aggregate_04_l090,comuni_l090\n");
	for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
		fmt_plain_cents(a, targets[i].agg04);
		fmt_plain_cents(c, targets[i].comuni);
		printf("%d,%s,%s\n", targets[i].year, a, c);
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		wf_die(WF_EXIT_DATA, "write error:");
}

static void parse_args(int argc, char **argv, unsigned char *years)
{
	enum { O_CODES = 1100, O_YEARS, O_SCALE, O_SEED, O_ZIP, O_TINY, O_DEMO, O_TARGETS,
	       O_PIEMONTE };
	static const struct option lo[] = {
		{ "help", no_argument, NULL, 'h' },     { "version", no_argument, NULL, 'V' },
		{ "output", required_argument, NULL, 'o' }, { "verbose", no_argument, NULL, 'v' },
		{ "year", required_argument, NULL, 'y' }, { "codes", required_argument, NULL, O_CODES },
		{ "years", required_argument, NULL, O_YEARS },
		{ "scale", required_argument, NULL, O_SCALE },
		{ "seed", required_argument, NULL, O_SEED },
		{ "zip", required_argument, NULL, O_ZIP },
		{ "tiny", no_argument, NULL, O_TINY },  { "demo", no_argument, NULL, O_DEMO },
		{ "targets", no_argument, NULL, O_TARGETS },
		{ "piemonte", no_argument, NULL, O_PIEMONTE }, { NULL, 0, NULL, 0 },
	};
	int opt, any_year = 0;
	char *end;

	g.o.scale = 1;
	g.o.seed = DEFAULT_SEED;
	wf_progname = PROG;
	/* full option names only, as in every wfkit tool */
	while ((opt = wf_cli_getopt(NULL, argc, argv, "ho:vVy:", lo)) != -1) {
		switch (opt) {
		case 'h': usage(stdout); exit(fflush(stdout) ? WF_EXIT_DATA : WF_EXIT_OK);
		case 'V': printf("%s %s\n", PROG, VERSION); exit(WF_EXIT_OK);
		case 'o': g.o.outdir = optarg; break;
		case 'v': g.o.verbose++; break;
		case 'y': years[parse_year(optarg) - YEAR_MIN] = 1; any_year = 1; break;
		case O_CODES: g.o.codes = optarg; break;
		case O_YEARS: {
			char *dash = strchr(optarg, '-'), *a;
			int y0, y1;

			if (!dash)
				usage_error("invalid year range '%s' (expected A-B)", optarg);
			a = wf_xstrndup(optarg, (unsigned long)(dash - optarg));
			y0 = parse_year(a);
			y1 = parse_year(dash + 1);
			free(a);
			if (y1 < y0)
				usage_error("invalid year range '%s' (expected A-B)", optarg);
			for (int y = y0; y <= y1; y++)
				years[y - YEAR_MIN] = 1;
			any_year = 1;
			break;
		}
		case O_SCALE:
			errno = 0;
			g.o.scale = strtod(optarg, &end);
			if (end == optarg || *end || errno || !(g.o.scale > 0) || g.o.scale > 100)
				usage_error("invalid scale '%s' (expected a number in (0, 100])", optarg);
			break;
		case O_SEED:
			errno = 0;
			g.o.seed = strtoull(optarg, &end, 0);
			if (end == optarg || *end || errno || *optarg == '-')
				usage_error("invalid seed '%s'", optarg);
			break;
		case O_ZIP:
			if (strcmp(optarg, "auto") && strcmp(optarg, "root") && strcmp(optarg, "tutto") &&
			    strcmp(optarg, "nested"))
				usage_error("invalid zip layout '%s' (expected auto, root, tutto or nested)",
					    optarg);
			g.o.zip = optarg;
			break;
		case O_TINY: g.o.tiny = 1; break;
		case O_DEMO: g.o.demo = 1; break;
		case O_TARGETS: g.o.targets = 1; break;
		case O_PIEMONTE: g.o.piemonte = 1; break;
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n", PROG);
			exit(WF_EXIT_USAGE);
		}
	}
	if (optind < argc)
		usage_error("unexpected argument '%s'", argv[optind]);
	if (g.o.targets)
		return;
	if (!g.o.outdir)
		usage_error("missing -o DIR");
	if (g.o.piemonte) {
		if (g.o.codes)
			usage_error("--piemonte uses its built-in list; it takes no --codes");
		if (!any_year)
			for (int y = YEAR_MIN; y <= YEAR_MAX; y++)
				years[y - YEAR_MIN] = 1;
		if (!g.o.zip)
			g.o.zip = "auto";
		g.o.demo = 1;
	} else if (g.o.demo) {
		static const int demo_years[] = { 2001, 2013, 2015, 2017, 2019, 2021, 2024 };

		if (!any_year)
			for (size_t i = 0; i < sizeof demo_years / sizeof demo_years[0]; i++)
				years[demo_years[i] - YEAR_MIN] = 1;
		if (!g.o.zip)
			g.o.zip = "auto";
	} else if (!any_year) {
		years[2019 - YEAR_MIN] = 1;
	}
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void readme_year(FILE *f, int year, const struct year_stats *st, const char *where)
{
	char a[32], c[32], pe[32];
	double per = st->heads_agg04 ? (double)st->l090_agg04 / 100.0 / (double)st->heads_agg04 : 0;

	fmt_plain_cents(a, st->l090_agg04);
	fmt_plain_cents(c, st->l090_comuni);
	snprintf(pe, sizeof pe, "%.2f", per);
	fprintf(f, "%d  %-15s %9ld %9ld %9ld %15s %15s %10lld %8s\n", year, where, st->rows_cost,
		st->rows_occ, st->rows_flex, a, c, st->heads_agg04, pe);
}

int main(int argc, char **argv)
{
	unsigned char years[YEAR_MAX - YEAR_MIN + 1] = { 0 };
	char *readme_path, *tmp_readme, *stage;
	FILE *rf;

	wf_progname = PROG;
	parse_args(argc, argv, years);
	if (g.o.targets) {
		print_targets();
		return WF_EXIT_OK;
	}
	load_all_codes();
	build_units();
	if (mkdir(g.o.outdir, 0777) != 0 && errno != EEXIST)
		wf_die(WF_EXIT_DATA, "%s:", g.o.outdir);

	stage = xasprintf("%s/.wf-synth-stage", g.o.outdir);
	if (mkdir(stage, 0777) != 0 && errno != EEXIST)
		wf_die(WF_EXIT_DATA, "%s:", stage);
	readme_path = xasprintf("%s/SYNTHETIC-README.txt", g.o.outdir);
	tmp_readme = xasprintf("%s/SYNTHETIC-README.txt", stage);
	rf = fopen(tmp_readme, "wb");
	if (!rf)
		wf_die(WF_EXIT_DATA, "%s:", tmp_readme);
	fprintf(rf, "%s\n", synthetic_note);
	fprintf(rf, "Options: seed %llu, scale %g%s%s, institutions %s, zip %s\n",
		(unsigned long long)g.o.seed, g.o.scale, g.o.tiny ? ", tiny" : "",
		g.o.piemonte ? ", piemonte" : g.o.demo ? ", demo" : "",
		g.o.codes ? "from --codes" : "built-in",
		g.o.zip ? g.o.zip : "none");
	fprintf(rf, "Institutions %zu, units (institution x contract x replica) %zu\n\n",
		g.ninsts, g.nunits);
	fprintf(rf, "L090 sums are in EUR over aggregate-04 (RALN) units and over comuni\n"
		    "(type C) among them; per employee = aggregate-04 L090 / aggregate-04\n"
		    "heads at 31 December (OCCUPAZIONE), 2 decimals.\n\n");
	if (!g.o.codes || g.o.scale != 1 || g.o.tiny)
		fprintf(rf, "The L090 targets are national totals; with this institution set\n"
			    "they fall on fewer employees, so per-employee figures are\n"
			    "inflated (realistic only with the full code lists at scale 1).\n\n");
	fprintf(rf, "year  file/zip         cost_rows  occ_rows flex_rows       l090_agg04     "
		    "l090_comuni heads_agg04 eur/head\n");

	if (g.o.demo && !g.o.codes)
		write_builtin_codes(g.o.outdir);
	for (int y = YEAR_MIN; y <= YEAR_MAX; y++) {
		struct year_stats st;
		char *paths[NKINDS], *where, *leggimi = NULL;
		double t0 = now_seconds(), dt;

		if (!years[y - YEAR_MIN])
			continue;
		gen_year(y, g.o.zip ? stage : g.o.outdir, g.o.zip != NULL, paths, &st);
		if (g.o.zip) {
			char *dir = xasprintf("%s/.wf-synth-%d", g.o.outdir, y);
			char *zp;

			if (mkdir(dir, 0777) != 0 && errno != EEXIST)
				wf_die(WF_EXIT_DATA, "%s:", dir);
			leggimi = xasprintf("%s/LEGGIMI.txt", stage);
			write_text_file(leggimi, synthetic_note);
			zp = pack_year(y, paths, leggimi);
			where = wf_xstrdup(strrchr(zp, '/') + 1);
			free(zp);
			for (int k = 0; k < NKINDS; k++)
				if (paths[k])
					unlink(paths[k]);
			unlink(leggimi);
			rmdir(dir);
			free(dir);
			free(leggimi);
		} else {
			where = wf_xstrdup("loose files");
		}
		dt = now_seconds() - t0;
		readme_year(rf, y, &st, where);
		if (g.o.verbose) {
			long rows = st.rows_cost + st.rows_occ + st.rows_flex;

			fprintf(stderr,
				"%s: %d: %ld COSTO_LAVORO, %ld OCCUPAZIONE, %ld LAVORO_FLESSIBILE rows "
				"in %.2f s (%.0f rows/s)\n",
				PROG, y, st.rows_cost, st.rows_occ, st.rows_flex, dt,
				dt > 0 ? rows / dt : 0.0);
			fprintf(stderr, "%s: %d: %ld ASSENZE, %ld FORMAZIONE, %ld "
				"MODALITA_LAVORO_FLESSIBILE, %ld CONTRATTAZIONE_INTEGRATIVA rows\n",
				PROG, y, st.rows_abs, st.rows_train, st.rows_mode, st.rows_fua);
			readme_year(stderr, y, &st, where);
		}
		for (int k = 0; k < NKINDS; k++)
			free(paths[k]);
		free(where);
	}
	if (fclose(rf) != 0)
		wf_die(WF_EXIT_DATA, "%s:", tmp_readme);
	if (rename(tmp_readme, readme_path) != 0)
		wf_die(WF_EXIT_DATA, "%s:", readme_path);
	rmdir(stage);
	free(stage);
	free(readme_path);
	free(tmp_readme);
	for (size_t i = 0; i < g.ninsts; i++)
		free(g.insts[i].name);
	free(g.insts);
	free(g.units);
	free(g.contracts);
	free(g.qualifs);
	free(g.cq0);
	free(g.cnq);
	return WF_EXIT_OK;
}
