/*
 * wf-synth-match - write a SYNTHETIC demand and supply set for wf-match.
 *
 * Every row is invented (ids start with "SYN-", the provenance column
 * says "data=SYNTHETIC", which wf-match carries to its output and
 * wf-report to every report); only the comuni and their coordinates are real (centre
 * points as in the geocoded comuni list, ../shared/data/comuni), so the
 * demo runs without that list.
 *
 * Demo mode (default): employers and local providers in the Piedmont
 * territories of the source report (Asti, Novara, Vercelli, Ivrea, the
 * Langhe around Cortemilia), including needs that cannot be met: a
 * category nobody offers, a need out of everyone's range, a budget
 * below every price, more voucher demand than the shops can take.
 *
 * Scale mode (--scale): N needs and M offers at random comuni across
 * Italy (from --places FILE, a geocoded comuni list, else from a
 * built-in set of cities with jitter), for timing wf-match.
 *
 * Output is a pure function of the options (xorshift64*, fixed seed).
 */
#include <errno.h>
#include <getopt.h>
#include <sys/stat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_cli.h"

typedef struct place {
	const char *name, *istat, *prov;
	double lat, lon;
} place;

/* Piedmont comuni used by the demo: name, ISTAT code, sigla, centre. */
static const place piemonte[] = {
	{ "Asti", "005005", "AT", 44.899445, 8.203882 },
	{ "Novara", "003106", "NO", 45.446007, 8.62086 },
	{ "Vercelli", "002158", "VC", 45.30364, 8.445879 },
	{ "Ivrea", "001125", "TO", 45.46243, 7.87434 },
	{ "Cortemilia", "004073", "CN", 44.579471, 8.193302 },
	{ "Alba", "004003", "CN", 44.700636, 8.035872 },
	{ "Bra", "004029", "CN", 44.681986, 7.894026 },
	{ "Canelli", "005017", "AT", 44.715483, 8.28857 },
	{ "Nizza Monferrato", "005080", "AT", 44.75373, 8.356879 },
	{ "Costigliole d'Asti", "005050", "AT", 44.786418, 8.182223 },
	{ "Santo Stefano Belbo", "004213", "CN", 44.716889, 8.240999 },
	{ "Bossolasco", "004027", "CN", 44.526715, 8.050076 },
	{ "Castino", "004057", "CN", 44.6024828236667, 8.15137234798663 },
	{ "Torre Bormida", "004226", "CN", 44.56274, 8.154441 },
	{ "Monesiglio", "004131", "CN", 44.465037, 8.118542 },
	{ "Saliceto", "004201", "CN", 44.4093792, 8.16832052129682 },
	{ "Cravanzana", "004076", "CN", 44.6131184735106, 8.17527399588328 },
	{ "Vesime", "005113", "AT", 44.636851, 8.22817 },
	{ "Bubbio", "005011", "AT", 44.6897081298424, 8.30153804047471 },
	{ "Trecate", "003149", "NO", 45.43553, 8.74832 },
	{ "Galliate", "003068", "NO", 45.506282, 8.718482 },
	{ "Oleggio", "003108", "NO", 45.597402, 8.636543 },
	{ "Borgomanero", "003024", "NO", 45.688052, 8.457134 },
	{ "Cameri", "003032", "NO", 45.514843, 8.698972 },
	{ "Santhià", "002133", "VC", 45.364573, 8.179298 },
	{ "Trino", "002148", "VC", 45.206212, 8.250135 },
	{ "Livorno Ferraris", "002071", "VC", 45.243568, 8.178025 },
	{ "Borgo Vercelli", "002017", "VC", 45.35602, 8.46418 },
	{ "Castellamonte", "001066", "TO", 45.383439, 7.709129 },
	{ "Strambino", "001269", "TO", 45.3594556431407, 7.90516939816838 },
	{ "Banchette", "001020", "TO", 45.500368, 7.897239 },
	{ "Pavone Canavese", "001181", "TO", 45.437559, 7.851715 },
	{ "Montalto Dora", "001160", "TO", 45.4967500227272, 7.89895484957677 },
	{ "Borgofranco d'Ivrea", "001030", "TO", 45.51286, 7.858017 },
	{ "Villafranca d'Asti", "005117", "AT", 44.91329, 8.032501 },
	{ "San Damiano d'Asti", "005097", "AT", 44.82828, 8.078633 },
};
#define NPIEM (sizeof piemonte / sizeof piemonte[0])

/* Cities for --scale without a comuni list (centres; jittered). */
static const place cities[] = {
	{ "Milano", "015146", "MI", 45.4642, 9.19 }, { "Roma", "058091", "RM", 41.9028, 12.4964 },
	{ "Napoli", "063049", "NA", 40.8518, 14.2681 }, { "Torino", "001272", "TO", 45.0703, 7.6869 },
	{ "Bologna", "037006", "BO", 44.4949, 11.3426 }, { "Firenze", "048017", "FI", 43.7696, 11.2558 },
	{ "Bari", "072006", "BA", 41.1171, 16.8719 }, { "Palermo", "082053", "PA", 38.1157, 13.3615 },
	{ "Genova", "010025", "GE", 44.4056, 8.9463 }, { "Venezia", "027042", "VE", 45.4408, 12.3155 },
	{ "Verona", "023091", "VR", 45.4384, 10.9916 }, { "Padova", "028060", "PD", 45.4064, 11.8768 },
	{ "Trieste", "032006", "TS", 45.6495, 13.7768 }, { "Brescia", "017029", "BS", 45.5416, 10.2118 },
	{ "Cagliari", "092009", "CA", 39.2238, 9.1217 }, { "Catania", "087015", "CT", 37.5079, 15.083 },
	{ "Perugia", "054039", "PG", 43.1107, 12.3908 }, { "Ancona", "042002", "AN", 43.6158, 13.5189 },
	{ "Pescara", "068028", "PE", 42.4618, 14.2161 }, { "Trento", "022205", "TN", 46.0748, 11.1217 },
	{ "Bolzano", "021008", "BZ", 46.4983, 11.3548 }, { "Lecce", "075035", "LE", 40.3515, 18.175 },
	{ "Reggio di Calabria", "080063", "RC", 38.1113, 15.6473 }, { "Salerno", "065116", "SA", 40.6824, 14.7681 },
	{ "Parma", "034027", "PR", 44.8015, 10.3279 },
};
#define NCITIES (sizeof cities / sizeof cities[0])

static uint64_t rs;
static uint64_t rnd(void)
{
	rs ^= rs >> 12;
	rs ^= rs << 25;
	rs ^= rs >> 27;
	return rs * 2685821657736338717ull;
}
static long pick(long n) { return (long)(rnd() % (uint64_t)n); }
static long between(long a, long b) { return a + pick(b - a + 1); }
static double unif(void) { return (double)(rnd() >> 11) / 9007199254740992.0; }

static const char *surnames[] = { "Rossi", "Bosio", "Ferrero", "Gallo", "Marengo", "Cerrato", "Bertola",
	"Negro", "Olivero", "Giachino", "Barbero", "Canale", "Borgogno", "Bonino", "Vercellotti", "Garrone",
	"Delpiano", "Pistone", "Rivetti", "Bocchino", "Gatti", "Musso", "Arione", "Saracco" };
static const char *firms[] = { "Cantina %s", "Pasticceria %s", "Nocciole %s Srl", "Officine %s",
	"Tessitura %s", "Studio %s & Associati", "Riseria %s", "Trasporti %s Snc", "Rubinetterie %s Spa",
	"Cooperativa agricola %s", "Caseificio %s", "Costruzioni %s Srl" };

struct cat { const char *code; long qlo, qhi; long plo, phi; /* unit price EUR */ };
static const struct cat cats[] = {
	{ "CHILDCARE", 1, 6, 280, 460 }, { "FRINGE_VOUCHER", 10, 60, 50, 250 },
	{ "ELDERCARE", 1, 4, 600, 1400 }, { "HEALTH_SERV", 5, 30, 60, 180 },
	{ "CULTURE_LEISURE", 5, 40, 30, 90 }, { "TRANSPORT", 5, 30, 35, 60 },
	{ "MEAL", 10, 50, 7, 9 }, { "EDU_KIDS", 3, 15, 120, 300 }, { "CAMPS", 2, 10, 150, 320 },
	{ "WELLBEING_WORK", 2, 8, 50, 70 }, { "TRAINING", 3, 12, 200, 600 },
};
#define NCATS (sizeof cats / sizeof cats[0])

static void csv_str(FILE *fp, const char *s)
{
	if (!strpbrk(s, ",\"\n")) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

static int nocoords;

static void loc(FILE *fp, const place *p, double lat, double lon)
{
	csv_str(fp, p->name);
	fprintf(fp, ",%s,%s,", p->prov, p->istat);
	if (!nocoords)
		fprintf(fp, "%.6f,%.6f", lat, lon);
	else
		fputc(',', fp);
}

static void demand_row(FILE *fp, long *n, const char *name, const place *p, const char *cat,
		       long qty, long budget_cents, double max_km)
{
	fprintf(fp, "SYN-D%04ld,", ++*n);
	csv_str(fp, name);
	fputc(',', fp);
	loc(fp, p, p->lat, p->lon);
	fprintf(fp, ",%s,%ld,", cat, qty);
	if (budget_cents >= 0)
		fprintf(fp, "%ld.%02ld", budget_cents / 100, budget_cents % 100);
	fputc(',', fp);
	if (max_km > 0)
		fprintf(fp, "%g", max_km);
	fputs(",data=SYNTHETIC\n", fp);
}

static void supply_row(FILE *fp, long *n, const char *name, const place *p, const char *cats_,
		       long cap, long price_cents, double radius)
{
	fprintf(fp, "SYN-S%04ld,", ++*n);
	csv_str(fp, name);
	fputc(',', fp);
	loc(fp, p, p->lat, p->lon);
	fprintf(fp, ",%s,%ld,", cats_, cap);
	if (price_cents >= 0)
		fprintf(fp, "%ld.%02ld", price_cents / 100, price_cents % 100);
	fputc(',', fp);
	if (radius > 0)
		fprintf(fp, "%g", radius);
	fputs(",data=SYNTHETIC\n", fp);
}

static const place *find(const char *name)
{
	for (size_t i = 0; i < NPIEM; i++)
		if (strcmp(piemonte[i].name, name) == 0)
			return &piemonte[i];
	return &piemonte[0];
}

static const struct cat *catp(const char *code)
{
	for (size_t i = 0; i < NCATS; i++)
		if (strcmp(cats[i].code, code) == 0)
			return &cats[i];
	return &cats[0];
}

static void demo(FILE *d, FILE *s)
{
	long nd = 0, ns = 0;
	char name[128];

	/* Supply first: local providers by kind. */
	static const char *shops[] = { "Alimentari %s", "Macelleria %s", "Panetteria %s", "Ferramenta %s",
		"Libreria %s", "Bottega del vino %s", "Merceria %s", "Fiori %s", "Ottica %s", "Calzature %s",
		"Profumeria %s", "Cartoleria %s", "Gastronomia %s", "Distributore %s" };
	/* The Cortemilia scheme of the source report: 18 local shops in
	 * Cortemilia and the neighbouring comuni take welfare vouchers. */
	static const char *langhe[] = { "Cortemilia", "Cortemilia", "Cortemilia", "Cortemilia", "Cortemilia",
		"Cortemilia", "Cortemilia", "Cortemilia", "Castino", "Torre Bormida", "Vesime", "Cravanzana",
		"Bossolasco", "Monesiglio", "Castino", "Vesime", "Torre Bormida", "Cravanzana" };
	for (size_t i = 0; i < 18; i++) {
		snprintf(name, sizeof name, shops[i % 14], surnames[pick(24)]);
		supply_row(s, &ns, name, find(langhe[i]), i % 5 == 4 ? "FRINGE_VOUCHER|MEAL" : "FRINGE_VOUCHER",
			   between(5, 15), between(40, 120) * 100, 0);
	}
	static const char *towns[] = { "Asti", "Novara", "Vercelli", "Ivrea", "Alba", "Bra", "Canelli",
		"Nizza Monferrato", "Borgomanero", "Santhià", "Trino", "Galliate", "Castellamonte", "Strambino" };
	for (size_t i = 0; i < sizeof towns / sizeof towns[0]; i++) {
		const place *p = find(towns[i]);
		int big = i < 4;

		snprintf(name, sizeof name, "Asilo nido %s", (const char *[]){ "Il Girotondo", "Arcobaleno",
			"Il Bruco", "Piccoli Passi", "La Coccinella", "Il Trenino", "Peter Pan" }[i % 7]);
		supply_row(s, &ns, name, p, "CHILDCARE", big ? between(6, 14) : between(2, 6),
			   between(300, 420) * 100, 0);
		snprintf(name, sizeof name, "Farmacia %s", surnames[pick(24)]);
		supply_row(s, &ns, name, p, "HEALTH_SERV", between(20, 60), between(50, 120) * 100, 0);
		snprintf(name, sizeof name, "Palestra %s", (const char *[]){ "Energia", "Fitness Club", "Olimpia",
			"Body Line" }[i % 4]);
		supply_row(s, &ns, name, p, "CULTURE_LEISURE|WELLBEING_WORK", between(15, 50),
			   between(35, 60) * 100, 0);
		if (big || i % 3 == 0) {
			snprintf(name, sizeof name, "Cooperativa sociale %s", (const char *[]){ "La Ginestra", "Il Faro",
				"Insieme", "Punto Servizi" }[i % 4]);
			supply_row(s, &ns, name, p, "ELDERCARE", between(2, 6), between(800, 1300) * 100, 25);
		}
		if (i % 2 == 0) {
			snprintf(name, sizeof name, "Libreria %s", surnames[pick(24)]);
			supply_row(s, &ns, name, p, "EDU_KIDS|CULTURE_LEISURE", between(10, 30),
				   between(100, 250) * 100, 0);
			snprintf(name, sizeof name, "Trattoria %s", surnames[pick(24)]);
			supply_row(s, &ns, name, p, "MEAL|FRINGE_VOUCHER", between(15, 40), 800, 0);
		}
		if (i % 4 == 1) {
			snprintf(name, sizeof name, "Centro estivo %s", (const char *[]){ "Sole", "Estate Ragazzi",
				"Campus", "Avventura" }[i % 4]);
			supply_row(s, &ns, name, p, "CAMPS", between(10, 25), between(160, 300) * 100, 0);
		}
	}
	supply_row(s, &ns, "Autolinee Langa e Roero", find("Alba"), "TRANSPORT", 80, 4200, 40);
	supply_row(s, &ns, "Movibus Novara", find("Novara"), "TRANSPORT", 120, 3800, 30);
	supply_row(s, &ns, "Ente di formazione Canavese", find("Ivrea"), "TRAINING", 30, 45000, 50);

	/* Demand: employers with two to four needs each. */
	static const char *sites[] = { "Cortemilia", "Cortemilia", "Alba", "Canelli", "Santo Stefano Belbo",
		"Asti", "Asti", "Costigliole d'Asti", "Nizza Monferrato", "Novara", "Novara", "Trecate", "Cameri",
		"Oleggio", "Vercelli", "Vercelli", "Livorno Ferraris", "Borgo Vercelli", "Ivrea", "Ivrea",
		"Banchette", "Pavone Canavese", "Montalto Dora", "Bubbio" };
	for (size_t e = 0; e < sizeof sites / sizeof sites[0]; e++) {
		const place *p = find(sites[e]);
		long k = between(2, 4);

		snprintf(name, sizeof name, firms[pick(12)], surnames[pick(24)]);
		for (long j = 0; j < k; j++) {
			const struct cat *c = &cats[pick(NCATS)];
			long q = between(c->qlo, c->qhi);
			long unit = between(c->plo, c->phi) * 100;

			demand_row(d, &nd, name, p, c->code, q, pick(4) ? q * unit * between(100, 140) / 100 : -1,
				   pick(5) ? 0 : 15);
		}
	}
	/* The Cortemilia Christmas vouchers, larger than the shops can take. */
	demand_row(d, &nd, "Nocciole Cortemilia Srl (synthetic)", find("Cortemilia"), "FRINGE_VOUCHER", 250,
		   250 * 10000, 12);
	/* Needs that cannot be met, each for a different reason. */
	demand_row(d, &nd, "Caseificio Alta Langa", find("Saliceto"), "ELDERCARE", 2, -1, 5);
	demand_row(d, &nd, "Riseria Vercellese", find("Trino"), "PENSION", 40, 20000000, 0);
	demand_row(d, &nd, "Officine Canavesane", find("Castellamonte"), "CHILDCARE", 3, 3 * 9000, 0);
	(void)catp;
}

struct list {
	place *p;
	char **names; /* owned */
	size_t n;
};

/* Read a geocoded comuni list: nome;codiceComune;...;sigla;...;latitudine;longitudine. */
static int read_places(const char *path, struct list *l)
{
	FILE *fp = fopen(path, "r");
	char line[2048];
	int cn = -1, cc = -1, cs = -1, ca = -1, co = -1;
	size_t cap = 0;

	if (!fp) {
		fprintf(stderr, "wf-synth-match: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (long ln = 1; fgets(line, sizeof line, fp); ln++) {
		char *f[32], *save = NULL;
		int n = 0;

		line[strcspn(line, "\r\n")] = '\0';
		for (char *t = strtok_r(line, ";", &save); t && n < 32; t = strtok_r(NULL, ";", &save))
			f[n++] = t;
		if (ln == 1) {
			for (int i = 0; i < n; i++) {
				if (!strcmp(f[i], "nome")) cn = i;
				if (!strcmp(f[i], "codiceComune")) cc = i;
				if (!strcmp(f[i], "sigla")) cs = i;
				if (!strcmp(f[i], "latitudine")) ca = i;
				if (!strcmp(f[i], "longitudine")) co = i;
			}
			if (cn < 0 || cc < 0 || cs < 0 || ca < 0 || co < 0) {
				fprintf(stderr, "wf-synth-match: %s: not a geocoded comuni list\n", path);
				fclose(fp);
				return -1;
			}
			continue;
		}
		if (n <= co || n <= ca)
			continue;
		if (l->n == cap) {
			cap = cap ? cap * 2 : 1024;
			l->p = realloc(l->p, cap * sizeof *l->p);
			l->names = realloc(l->names, cap * 3 * sizeof *l->names);
			if (!l->p || !l->names) {
				fprintf(stderr, "wf-synth-match: out of memory\n");
				exit(1);
			}
		}
		l->names[3 * l->n] = strdup(f[cn]);
		l->names[3 * l->n + 1] = strdup(f[cc]);
		l->names[3 * l->n + 2] = strdup(f[cs]);
		l->p[l->n] = (place){ l->names[3 * l->n], l->names[3 * l->n + 1], l->names[3 * l->n + 2],
			atof(f[ca]), atof(f[co]) };
		l->n++;
	}
	fclose(fp);
	return 0;
}

static void scale(FILE *d, FILE *s, long nd, long ns, const struct list *l)
{
	for (long i = 0; i < ns + nd; i++) {
		int sup = i < ns;
		place p;
		double lat, lon;
		const struct cat *c = &cats[pick(NCATS)];

		if (l->n) {
			p = l->p[pick((long)l->n)];
			lat = p.lat;
			lon = p.lon;
		} else {
			p = cities[pick(NCITIES)];
			lat = p.lat + (unif() - 0.5) * 0.6;
			lon = p.lon + (unif() - 0.5) * 0.8;
		}
		FILE *fp = sup ? s : d;
		fprintf(fp, "SYN-%c%07ld,%s %s %ld (synthetic),", sup ? 'S' : 'D', sup ? i + 1 : i - ns + 1,
			sup ? "Provider" : "Employer", surnames[pick(24)], sup ? i + 1 : i - ns + 1);
		csv_str(fp, p.name);
		fprintf(fp, ",%s,%s,%.6f,%.6f,", p.prov, p.istat, lat, lon);
		if (sup) {
			const struct cat *c2 = &cats[pick(NCATS)];
			if (c2 != c && pick(3) == 0)
				fprintf(fp, "%s|%s", c->code, c2->code);
			else
				fputs(c->code, fp);
			fprintf(fp, ",%ld,%ld.00,,data=SYNTHETIC\n", between(1, 40), between(c->plo, c->phi));
		} else {
			long q = between(c->qlo, c->qhi);
			fprintf(fp, "%s,%ld,%ld.00,,data=SYNTHETIC\n", c->code, q, q * between(c->plo, c->phi + c->phi / 4));
		}
	}
}

static void usage(FILE *fp)
{
	fputs("Usage: wf-synth-match [--seed N] [--no-coords] [--scale [--demand-rows N] [--supply-rows M]\n"
	      "                      [--places FILE]] (DEMAND_OUT SUPPLY_OUT | -o DIR)\n"
	      "Write a SYNTHETIC demand and supply set for wf-match (CSV); -o DIR writes\n"
	      "DIR/demand.csv and DIR/supply.csv. Every row is invented (ids SYN-..., column\n"
	      "provenance data=SYNTHETIC); only the comuni and their coordinates are real.\n"
	      "\n"
	      "  -o, --output=DIR        write DIR/demand.csv and DIR/supply.csv\n"
	      "      --seed=N            seed of the generator (default 42)\n"
	      "      --no-coords         leave lat and lon empty (wf-match --places fills them)\n"
	      "      --scale             N needs and M offers at random comuni across Italy,\n"
	      "                          for timing (default: the Piedmont demo set)\n"
	      "      --demand-rows=N     needs with --scale (default 100000)\n"
	      "      --supply-rows=M     offers with --scale (default 50000)\n"
	      "      --places=FILE       comuni for --scale from a geocoded list\n"
	      "  -h, --help              show this help and exit\n"
	      "  -V, --version           show the version and exit\n"
	      "\n"
	      "Exit status: 0 ok, 1 an I/O error, 2 usage.\n"
	      "Full documentation: man wf-synth-match\n", fp);
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "seed", required_argument, NULL, 's' }, { "scale", no_argument, NULL, 'S' },
		{ "demand-rows", required_argument, NULL, 'd' }, { "supply-rows", required_argument, NULL, 'm' },
		{ "places", required_argument, NULL, 'p' }, { "no-coords", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' }, { "output", required_argument, NULL, 'o' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 } };
	unsigned long long seed = 42;
	long nd = 100000, ns = 50000;
	int sc = 0, opt, rc = 0;
	const char *places = NULL, *dir = NULL;
	char dpath[4096], spath[4096];
	struct list l = { 0 };
	FILE *d, *s;

	wf_progname = "wf-synth-match";
	/* full option names only, as in every wfkit tool */
	while ((opt = wf_cli_getopt(NULL, argc, argv, "ho:V", lo)) != -1) {
		switch (opt) {
		case 's': seed = strtoull(optarg, NULL, 10); break;
		case 'S': sc = 1; break;
		case 'd': nd = atol(optarg); break;
		case 'm': ns = atol(optarg); break;
		case 'p': places = optarg; break;
		case 'n': nocoords = 1; break;
		case 'o': dir = optarg; break;
		case 'h': usage(stdout); return 0;
		case 'V': puts("wf-synth-match 0.1.0"); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (argc - optind != (dir ? 0 : 2) || nd < 0 || ns < 0) {
		usage(stderr);
		return 2;
	}
	if (dir) {
		if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
			fprintf(stderr, "wf-synth-match: %s: %s\n", dir, strerror(errno));
			return 1;
		}
		snprintf(dpath, sizeof dpath, "%s/demand.csv", dir);
		snprintf(spath, sizeof spath, "%s/supply.csv", dir);
	} else {
		snprintf(dpath, sizeof dpath, "%s", argv[optind]);
		snprintf(spath, sizeof spath, "%s", argv[optind + 1]);
	}
	rs = seed * 0x9E3779B97F4A7C15ull + 1;
	if (places && read_places(places, &l) < 0)
		return 1;
	d = fopen(dpath, "w");
	s = fopen(spath, "w");
	if (!d || !s) {
		fprintf(stderr, "wf-synth-match: %s: %s\n", !d ? dpath : spath, strerror(errno));
		if (d)
			fclose(d);
		if (s)
			fclose(s);
		return 1;
	}
	fputs("id,name,comune,province,istat,lat,lon,category,quantity,budget,max_km,provenance\n", d);
	fputs("id,name,comune,province,istat,lat,lon,categories,capacity,unit_price,radius_km,provenance\n", s);
	if (sc)
		scale(d, s, nd, ns, &l);
	else
		demo(d, s);
	if (fclose(d) != 0 || fclose(s) != 0) {
		fprintf(stderr, "wf-synth-match: write error: %s\n", strerror(errno));
		rc = 1;
	}
	for (size_t i = 0; i < 3 * l.n; i++)
		free(l.names[i]);
	free(l.names);
	free(l.p);
	return rc;
}
