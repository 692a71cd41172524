#include "wf_places.h"
#include "wf_test.h"

static const char *GEO_HDR[] = { "nome", "codiceComune", "codiceZona", "nomeZona", "codiceRegione",
	"nomeRegione", "codiceProvincia", "nomeProvincia", "sigla", "codiceCatastale", "cap",
	"popolazione", "latitudine", "longitudine" };

static int add_geo(wf_places *p, const char *name, const char *code, const char *sigla,
		   const char *cat, const char *cap, const char *lat, const char *lon)
{
	const char *f[14] = { name, code, "1", "Nord-ovest", "01", "Piemonte", "004", "X", sigla,
		cat, cap, "100", lat, lon };
	char err[256];

	return wf_places_add(p, f, 14, err, sizeof err);
}

static int resolve(wf_places *p, const char *lat, const char *lon, const char *istat,
		   const char *cap, const char *comune, const char *prov,
		   double *la, double *lo, char *why)
{
	wf_placeq q = { lat, lon, istat, cap, comune, prov, NULL };
	return wf_places_resolve(p, &q, la, lo, NULL, 0, why, 256);
}

static void test_geocoded(void)
{
	wf_places *p = wf_places_new();
	char err[256] = "", why[256] = "";
	double la = 0, lo = 0;
	size_t wc;

	CHECK_INT(wf_places_header(p, GEO_HDR, 14, err, sizeof err), WF_PLACES_GEOCODED);
	CHECK_INT(add_geo(p, "Cortemilia", "004073", "CN", "D062", "12074", "44.579471", "8.193302"), 0);
	/* Two rows, two CAPs: the comune sits at their mean. */
	CHECK_INT(add_geo(p, "Roma", "058091", "RM", "H501", "00118", "41.8", "12.6"), 0);
	CHECK_INT(add_geo(p, "Roma", "058091", "RM", "H501", "00120", "41.9", "12.4"), 0);
	/* Same name in two provinces; a CAP shared by two comuni. */
	CHECK_INT(add_geo(p, "Samone", "001235", "TO", "H753", "10010", "45.45", "7.84"), 0);
	CHECK_INT(add_geo(p, "Samone", "022165", "TN", "H754", "38050", "46.08", "11.52"), 0);
	CHECK_INT(add_geo(p, "Banchette", "001017", "TO", "A584", "10010", "45.45", "7.86"), 0);
	CHECK_INT(add_geo(p, "Sant’Agata de’ Goti", "062070", "BN", "I197", "82019", "41.09", "14.50"), 0);
	CHECK_INT(add_geo(p, "X", "12345678", "CN", "", "", "1", "2"), -1);
	CHECK_INT(add_geo(p, "X", "004999", "CN", "", "", "95", "2"), -1);
	CHECK_INT(wf_places_count(p, &wc), 6);
	CHECK_INT(wc, 6);

	CHECK_INT(resolve(p, NULL, NULL, "004073", NULL, NULL, NULL, &la, &lo, why), 0);
	CHECK_NEAR(la, 44.579471, 1e-9);
	CHECK_NEAR(lo, 8.193302, 1e-9);
	CHECK_INT(resolve(p, NULL, NULL, "4073", NULL, NULL, NULL, &la, &lo, why), 0);
	CHECK_INT(resolve(p, NULL, NULL, "D062", NULL, NULL, NULL, &la, &lo, why), 0);
	CHECK_NEAR(la, 44.579471, 1e-9);
	CHECK_INT(resolve(p, NULL, NULL, "058091", NULL, NULL, NULL, &la, &lo, why), 0);
	CHECK_NEAR(la, 41.85, 1e-9);
	CHECK_NEAR(lo, 12.5, 1e-9);
	CHECK_INT(resolve(p, NULL, NULL, NULL, "00120", NULL, NULL, &la, &lo, why), 0);
	CHECK_NEAR(la, 41.9, 1e-9);
	CHECK_INT(resolve(p, NULL, NULL, NULL, "10010", NULL, NULL, &la, &lo, why), 0);
	CHECK_NEAR(lo, 7.85, 1e-9);
	CHECK_INT(resolve(p, NULL, NULL, NULL, NULL, "cortemilia (cn)", NULL, &la, &lo, why), 0);
	CHECK_NEAR(la, 44.579471, 1e-9);
	CHECK_INT(resolve(p, NULL, NULL, NULL, NULL, "  CORTEMILIA ", NULL, &la, &lo, why), 0);
	CHECK_INT(resolve(p, NULL, NULL, NULL, NULL, "Samone", "tn", &la, &lo, why), 0);
	CHECK_NEAR(la, 46.08, 1e-9);
	CHECK_INT(resolve(p, NULL, NULL, NULL, NULL, "SANT'AGATA DE' GOTI", NULL, &la, &lo, why), 0);
	/* lat/lon wins over everything else. */
	CHECK_INT(resolve(p, "45,5", "7.25", "004073", NULL, NULL, NULL, &la, &lo, why), 0);
	CHECK_NEAR(la, 45.5, 0);
	CHECK_NEAR(lo, 7.25, 0);

	CHECK_INT(resolve(p, NULL, NULL, NULL, NULL, "Samone", NULL, &la, &lo, why), -1);
	CHECK_STR(why, "comune 'Samone' is ambiguous: several provinces have one, add the province");
	CHECK_INT(resolve(p, NULL, NULL, NULL, NULL, "Cortemilia (AT)", NULL, &la, &lo, why), -1);
	CHECK_STR(why, "comune 'Cortemilia (AT)' is not in the places list: did you mean Cortemilia (CN)?");
	CHECK_INT(resolve(p, NULL, NULL, "999999", NULL, NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "ISTAT code '999999' is not in the places list");
	CHECK_INT(resolve(p, NULL, NULL, "12ab", NULL, NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "ISTAT code '12ab' is not 6 digits");
	CHECK_INT(resolve(p, NULL, NULL, NULL, "99999", NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "CAP '99999' is not in the places list");
	CHECK_INT(resolve(p, "45", "", NULL, NULL, NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "lat given without lon");
	CHECK_INT(resolve(p, "north", "7", NULL, NULL, NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "latitude 'north' is not a number");
	CHECK_INT(resolve(p, "45", "190", NULL, NULL, NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "coordinates '45', '190' are out of range");
	CHECK_INT(resolve(p, "", " ", "", NULL, "", NULL, &la, &lo, why), -1);
	CHECK_STR(why, "no location: give lat and lon, an ISTAT code, a CAP or a comune");
	wf_places_free(p);
	wf_places_free(NULL);

	/* Without a list only coordinates resolve. */
	CHECK_INT(resolve(NULL, "44.5", "8.1", NULL, NULL, NULL, NULL, &la, &lo, why), 0);
	CHECK_INT(resolve(NULL, NULL, NULL, "004073", NULL, NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "ISTAT code '004073' needs a comuni list (--places)");
	CHECK_INT(resolve(NULL, NULL, NULL, NULL, NULL, "Asti (AT)", NULL, &la, &lo, why), -1);
	CHECK_STR(why, "comune 'Asti (AT)' needs a comuni list (--places)");
}

static void test_istat_layout(void)
{
	/* The official header breaks a name over two lines; values are real
	 * codes of two Piedmont comuni. */
	const char *hdr[] = { "Codice Regione", "Codice dell'Unità territoriale sovracomunale \n(valida a fini statistici)",
		"Codice Comune formato alfanumerico", "Denominazione (Italiana e straniera)",
		"Denominazione in italiano", "Sigla automobilistica", "Codice Catastale del comune" };
	const char *r1[] = { "01", "204", "004073", "Cortemilia", "Cortemilia", "CN", "D062" };
	const char *r2[] = { "01", "205", "005005", "Asti", "Asti", "AT", "A479" };
	wf_places *p = wf_places_new();
	char err[256], why[256];
	double la, lo;
	size_t wc;

	CHECK_INT(wf_places_header(p, hdr, 7, err, sizeof err), WF_PLACES_ISTAT);
	CHECK_INT(wf_places_add(p, r1, 7, err, sizeof err), 0);
	CHECK_INT(wf_places_add(p, r2, 7, err, sizeof err), 0);
	CHECK_INT(wf_places_count(p, &wc), 2);
	CHECK_INT(wc, 0);
	CHECK_INT(resolve(p, NULL, NULL, "005005", NULL, NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "comune 'Asti (AT)' has no coordinates in the places list (the ISTAT list has none: add a geocoded list or give lat/lon)");
	/* A geocoded list fed after it supplies the coordinates. */
	CHECK_INT(wf_places_header(p, GEO_HDR, 14, err, sizeof err), WF_PLACES_GEOCODED);
	CHECK_INT(add_geo(p, "Asti", "005005", "AT", "A479", "14100", "44.899445", "8.203882"), 0);
	CHECK_INT(resolve(p, NULL, NULL, NULL, NULL, "Asti", "AT", &la, &lo, why), 0);
	CHECK_NEAR(la, 44.899445, 1e-9);

	const char *bad[] = { "a", "b" };
	CHECK_INT(wf_places_header(p, bad, 2, err, sizeof err), -1);
	CHECK(strncmp(err, "not a comuni list", 17) == 0);
	wf_places_free(p);
}

/* The real list, when ../shared is there: every row loads. */
static void test_shared_list(void)
{
	FILE *fp = fopen("../shared/data/comuni/comuni_geocoded.csv", "r");
	char line[1024], err[256], why[256];
	wf_places *p;
	long bad = 0, rows = 0;
	double la, lo;

	if (!fp) {
		fprintf(stderr, "test_places: ../shared absent, real-list test skipped\n");
		return;
	}
	p = wf_places_new();
	for (long ln = 1; fgets(line, sizeof line, fp); ln++) {
		const char *f[32];
		size_t n = 0;
		char *save = NULL;

		line[strcspn(line, "\r\n")] = '\0';
		for (char *s = line, *t; n < 32; s = NULL) {
			t = strtok_r(s, ";", &save);
			if (!t)
				break;
			f[n++] = t;
		}
		if (ln == 1) {
			CHECK_INT(wf_places_header(p, f, n, err, sizeof err), WF_PLACES_GEOCODED);
			continue;
		}
		rows++;
		if (wf_places_add(p, f, n, err, sizeof err) < 0) {
			if (bad++ < 5)
				fprintf(stderr, "line %ld: %s\n", ln, err);
		}
	}
	fclose(fp);
	CHECK_INT(bad, 0);
	CHECK(rows > 8000);
	CHECK(wf_places_count(p, NULL) > 7800);
	CHECK_INT(resolve(p, NULL, NULL, NULL, NULL, "Cortemilia (CN)", NULL, &la, &lo, why), 0);
	CHECK_NEAR(la, 44.579471, 1e-6);
	CHECK_INT(resolve(p, NULL, NULL, NULL, "14100", NULL, NULL, &la, &lo, why), 0);
	CHECK_NEAR(lo, 8.203882, 1e-6);
	wf_places_free(p);
}

static const char *fold(const char *s)
{
	static char out[128];
	wf_places_fold(s, strlen(s), out, sizeof out);
	return out;
}

/* The one folding rule: case, accents and apostrophe accents, J/I,
 * elisions, punctuation and spacing. */
static void test_fold(void)
{
	CHECK_STR(fold("PATERNO'"), "PATERNO");
	CHECK_STR(fold("Patern\xC3\xB2"), "PATERNO");
	CHECK_STR(fold("MONDOVI'"), fold("Mondov\xC3\xAC"));
	CHECK_STR(fold("Costigliole d Asti"), fold("COSTIGLIOLE D'ASTI"));
	CHECK_STR(fold("Costigliole d\xE2\x80\x99" "Asti"), "COSTIGLIOLEDASTI");
	CHECK_STR(fold("JONADI"), fold("Ionadi"));
	CHECK_STR(fold("BUJA"), "BUIA");
	CHECK_STR(fold("SANT'ANGELO  LODIGIANO"), "SANTANGELOLODIGIANO");
	CHECK_STR(fold("Uggiate-Trevano"), "UGGIATETREVANO");
	CHECK_STR(fold(" Cant\xC3\xB9 "), "CANTU");
	CHECK_STR(fold("\xFF\xFE?"), ""); /* invalid UTF-8 and punctuation vanish */
}

static void test_taxcode(void)
{
	const wf_province *t;

	/* Digits 8-10 of the code padded to 11: the office's province. */
	t = wf_taxcode_province("97960116"); /* 00097960116 -> 011 */
	CHECK(t && strcmp(t->sigla, "SP") == 0);
	t = wf_taxcode_province(" 80003270917 "); /* 091 NU */
	CHECK(t && strcmp(t->sigla, "NU") == 0);
	CHECK(wf_taxcode_province("XX25XXXXXXXXXX") == NULL);
	CHECK(wf_taxcode_province("123456789012") == NULL); /* 12 digits */
	CHECK(wf_taxcode_province("") == NULL);
	CHECK(wf_taxcode_province(NULL) == NULL);
	CHECK(wf_taxcode_province("00000009990") == NULL); /* no province 999 */
	/* Parent provinces: a body in a province created since 1992 may
	 * keep a code of the office it came from. */
	const wf_province *co = wf_province_by_code(13), *mi = wf_province_by_code(15),
			  *ca = wf_province_by_code(92), *fc = wf_province_by_code(40),
			  *ot = wf_province_by_code(104), *nu = wf_province_by_code(91);
	CHECK(wf_province_family(co, "CO"));
	CHECK(wf_province_family(co, "LC"));
	CHECK(wf_province_family(mi, "LO"));
	CHECK(wf_province_family(mi, "MB"));
	CHECK(!wf_province_family(mi, "CO"));
	CHECK(wf_province_family(ca, "SU"));
	CHECK(wf_province_family(fc, "RN"));
	CHECK(wf_province_family(wf_province_by_code(79), "VV"));
	CHECK(wf_province_family(wf_province_by_code(79), "KR"));
	CHECK(wf_province_family(wf_province_by_code(44), "FM"));
	CHECK(wf_province_family(wf_province_by_code(48), "PO"));
	CHECK(wf_province_family(wf_province_by_code(2), "BI"));
	CHECK(wf_province_family(wf_province_by_code(3), "VB"));
	CHECK(!wf_province_family(wf_province_by_code(3), "BI"));
	CHECK(wf_province_family(ot, "SS"));  /* suppressed: now SS */
	CHECK(wf_province_family(nu, "SS"));  /* San Teodoro: NU, then OT, now SS */
	CHECK(!wf_province_family(NULL, "SS"));
	CHECK_STR(wf_province_by_sigla("lc")->region, "03");
	CHECK_STR(wf_region_by_name("Valle d'Aosta/Vall\xC3\xA9" "e d'Aoste", 28), "02");
	CHECK_STR(wf_region_by_name("EMILIA ROMAGNA", 14), "08");
	CHECK(wf_region_by_name("ATLANTIDE", 9) == NULL);
}

/* Current list, history and an older geocoded list together (names
 * and codes are the real ones of these comuni; coordinates rounded). */
static void test_lists(void)
{
	const char *cur_h[] = { "codiceComune", "nome", "sigla", "regione" };
	const char *his_h[] = { "codiceCatastale", "sigla", "nome", "attivo" };
	const char *rgs_h[] = { "ANNO", "CODI_CATASTALE", "DESC_CODICE_CATASTALE", "CODI_PROVINCIA",
		"DESC_PROVINCIA", "CODI_REGIONE", "DESC_REGIONE" };
	wf_places *p = wf_places_new();
	char err[600], why[256], how[512], sugg[64];
	int ci[4];
	enum wf_name_via via;
	double la, lo;

	CHECK_INT(wf_places_header(p, cur_h, 4, err, sizeof err), WF_PLACES_CURRENT);
	const char *c1[] = { "013256", "Uggiate con Ronago", "CO", "Lombardia" };
	const char *c2[] = { "021021", "Chienes/Kiens", "BZ", "Trentino-Alto Adige/S\xC3\xBC" "dtirol" };
	const char *c3[] = { "011020", "Luni", "SP", "Liguria" };
	const char *c4[] = { "093044", "Spilimbergo", "PN", "Friuli-Venezia Giulia" };
	CHECK_INT(wf_places_add(p, c1, 4, err, sizeof err), 0);
	CHECK_INT(wf_places_add(p, c2, 4, err, sizeof err), 0);
	CHECK_INT(wf_places_add(p, c3, 4, err, sizeof err), 0);
	CHECK_INT(wf_places_add(p, c4, 4, err, sizeof err), 0);
	CHECK_INT(wf_places_header(p, his_h, 4, err, sizeof err), WF_PLACES_HISTORY);
	const char *h1[] = { "G143", "SP", "ORTONOVO", "0" };
	const char *h2[] = { "G143", "SP", "LUNI", "1" };
	const char *h3[] = { "H521", "CO", "RONAGO", "0" };
	const char *h4[] = { "Z100", "EE", "ALBANIA", "0" };
	CHECK_INT(wf_places_add(p, h1, 4, err, sizeof err), 0);
	CHECK_INT(wf_places_add(p, h2, 4, err, sizeof err), 0);
	CHECK_INT(wf_places_add(p, h3, 4, err, sizeof err), 0);
	CHECK_INT(wf_places_add(p, h4, 4, err, sizeof err), 0);
	const char *hb[] = { "G14", "SP", "X", "0" };
	CHECK_INT(wf_places_add(p, hb, 4, err, sizeof err), -1);
	CHECK_INT(wf_places_header(p, GEO_HDR, 14, err, sizeof err), WF_PLACES_GEOCODED);
	CHECK_INT(add_geo(p, "Ronago", "013199", "CO", "H521", "22027", "45.83", "8.98"), 0);
	CHECK_INT(add_geo(p, "Uggiate-Trevano", "013228", "CO", "L487", "22029", "45.83", "8.96"), 0);
	CHECK_INT(add_geo(p, "Spilimbergo", "093044", "PN", "I904", "33097", "46.11", "12.90"), 0);

	/* A former name reaches the comune through its cadastral code. */
	CHECK_INT(wf_places_find(p, "ORTONOVO", 8, NULL, ci, 4, &via), 1);
	CHECK_INT(via, WF_NAME_FORMER);
	CHECK_STR(wf_places_comune(p, ci[0])->code, "011020");
	CHECK_INT(wf_places_by_cadastral(p, "g143"), ci[0]);
	/* A bilingual name answers to each part, and so does the query. */
	CHECK_INT(wf_places_find(p, "KIENS", 5, NULL, ci, 4, &via), 1);
	CHECK_INT(via, WF_NAME_PART);
	CHECK_INT(wf_places_find(p, "CHIENES - GEMEINDE KIENS", 24, NULL, ci, 4, &via), 1);
	CHECK_STR(wf_places_comune(p, ci[0])->code, "021021");
	CHECK_STR(wf_places_comune(p, ci[0])->region, "04");
	/* Not in the current list: still found, marked as not current. */
	CHECK_INT(wf_places_find(p, "Ronago", 6, "CO", ci, 4, &via), 1);
	CHECK_INT(wf_places_comune(p, ci[0])->current, 0);
	/* A comune newer than the geocoded list: its predecessors' point. */
	char code[7] = "x";
	CHECK_INT(wf_places_resolve(p, &(wf_placeq){ NULL, NULL, "013256", NULL, NULL, NULL, code },
				    &la, &lo, how, sizeof how, why, sizeof why), 0);
	CHECK_STR(code, "013256");
	CHECK_NEAR(la, 45.83, 1e-9);
	CHECK_NEAR(lo, 8.97, 1e-9);
	CHECK_STR(how, "Uggiate con Ronago (CO) 013256 is newer than the geocoded list: placed at its predecessors Ronago, Uggiate-Trevano");
	/* A near miss says what it may have meant. */
	CHECK_INT(wf_places_suggest(p, "Spilmbergo", sugg, sizeof sugg), 0);
	CHECK_STR(sugg, "Spilimbergo (PN)");
	CHECK_INT(wf_places_resolve(p, &(wf_placeq){ NULL, NULL, NULL, NULL, "Spilmbergo", NULL, code },
				    &la, &lo, how, sizeof how, why, sizeof why), -1);
	CHECK_STR(code, "");
	CHECK_STR(why, "comune 'Spilmbergo' is not in the places list: did you mean Spilimbergo (PN)?");
	CHECK_INT(wf_places_resolve(p, &(wf_placeq){ NULL, NULL, NULL, NULL, "ORTONOVO", "SP", code },
				    &la, &lo, how, sizeof how, why, sizeof why), -1); /* no point */
	CHECK_INT(wf_places_resolve(p, &(wf_placeq){ NULL, NULL, NULL, NULL, "spilimbergo (pn)", NULL, code },
				    &la, &lo, how, sizeof how, why, sizeof why), 0);
	CHECK_STR(code, "093044");
	CHECK_INT(wf_places_suggest(p, "Atlantide", sugg, sizeof sugg), -1);
	wf_places_free(p);

	/* The RGS cadastral list: homonyms carry their sigla. */
	p = wf_places_new();
	CHECK_INT(wf_places_header(p, rgs_h, 7, err, sizeof err), WF_PLACES_RGS);
	const char *r1[] = { "2024", "H753", "SAMONE TO", "TO", "TORINO", "R00125", "PIEMONTE" };
	const char *r2[] = { "2024", "H754", "SAMONE TN", "TN", "TRENTO", "R00214", "PROVINCIA AUTONOMA TRENTO" };
	CHECK_INT(wf_places_add(p, r1, 7, err, sizeof err), 0);
	CHECK_INT(wf_places_add(p, r2, 7, err, sizeof err), 0);
	CHECK_INT(wf_places_find(p, "SAMONE", 6, NULL, ci, 4, &via), 2);
	CHECK_INT(wf_places_find(p, "SAMONE", 6, "TN", ci, 4, &via), 1);
	CHECK_STR(wf_places_comune(p, ci[0])->cadastral, "H754");
	CHECK_STR(wf_places_comune(p, ci[0])->region, "04");
	CHECK(wf_places_province_by_name(p, "Trento", 6) == wf_province_by_sigla("TN"));
	wf_places_free(p);
}

/* Each refusal of a row of a comuni list, and of a place asked for. */
static void test_errors(void)
{
	wf_places *p = wf_places_new();
	const char *his_h[] = { "codiceCatastale", "sigla", "nome", "attivo" };
	const char *rgs_h[] = { "ANNO", "CODI_CATASTALE", "DESC_CODICE_CATASTALE", "CODI_PROVINCIA" };
	const char *odd_h[] = { "a", "b" };
	char err[256] = "", why[256] = "", code[7];
	double la = 0, lo = 0;

	/* nothing known yet */
	CHECK_INT(wf_places_add(p, odd_h, 2, err, sizeof err), -1);
	CHECK_STR(err, "no header");
	CHECK_INT(resolve(p, NULL, NULL, "D062", NULL, NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "cadastral code 'D062' needs a comuni list (--places)");
	CHECK_INT(resolve(p, NULL, NULL, "004073", NULL, NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "ISTAT code '004073' needs a comuni list (--places)");
	CHECK_INT(resolve(p, NULL, NULL, NULL, "12074", NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "CAP '12074' needs a comuni list (--places)");
	CHECK_INT(resolve(p, NULL, NULL, NULL, NULL, "Cortemilia", NULL, &la, &lo, why), -1);
	CHECK_STR(why, "comune 'Cortemilia' needs a comuni list (--places)");
	CHECK_INT(resolve(p, NULL, NULL, NULL, NULL, NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "no location: give lat and lon, an ISTAT code, a CAP or a comune");
	CHECK_INT(resolve(p, "44.5", NULL, NULL, NULL, NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "lat given without lon");
	CHECK_INT(resolve(p, NULL, "8.1", NULL, NULL, NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "lon given without lat");
	CHECK_INT(resolve(p, "44,5", "8,25", NULL, NULL, NULL, NULL, &la, &lo, why), 0); /* decimal commas */
	CHECK_NEAR(lo, 8.25, 0);
	CHECK_INT(resolve(p, "44.5", "1,000,5", NULL, NULL, NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "longitude '1,000,5' is not a number");
	CHECK_INT(resolve(p, "1e999", "8", NULL, NULL, NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "latitude '1e999' is not a number");
	CHECK_INT(resolve(p, NULL, NULL, NULL, "120745", NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "CAP '120745' is not 5 digits");
	CHECK(wf_places_coord(NULL, &la) < 0);
	CHECK(wf_places_coord("  ", &la) < 0);

	/* rows the geocoded layout refuses */
	CHECK_INT(wf_places_header(p, GEO_HDR, 14, err, sizeof err), WF_PLACES_GEOCODED);
	CHECK_STR(wf_places_layout_name(WF_PLACES_GEOCODED), "geocoded comuni list");
	CHECK_STR(wf_places_layout_name(WF_PLACES_ISTAT), "ISTAT comuni list");
	CHECK_STR(wf_places_layout_name(WF_PLACES_RGS), "RGS cadastral list");
	CHECK_STR(wf_places_layout_name(0), "unknown");
	{
		const char *f[14] = { " ", "004073", "1", "N", "01", "Piemonte", "004", "Cuneo", "CN",
			"D062", "12074", "100", "44.5", "8.1" };
		CHECK_INT(wf_places_add(p, f, 14, err, sizeof err), -1);
		CHECK_STR(err, "empty comune name");
	}
	CHECK_INT(add_geo(p, "Cortemilia", "004073", "CUN", "D062", "12074", "44.5", "8.1"), -1);
	CHECK_INT(add_geo(p, "Cortemilia", "004073", "CN", "D062", "120745", "44.5", "8.1"), -1);
	CHECK_INT(add_geo(p, "Cortemilia", "004073", "CN", "D06", "12074", "44.5", "8.1"), -1);
	CHECK_INT(add_geo(p, "Cortemilia", "004073", "CN", "0062", "12074", "44.5", "8.1"), -1);
	CHECK_INT(add_geo(p, "Cortemilia", "004073", "CN", "D0A2", "12074", "44.5", "8.1"), -1);
	CHECK_INT(add_geo(p, "Cortemilia", "004073", "CN", "D06A", "12074", "44.5", "8.1"), -1);
	CHECK_INT(add_geo(p, "Cortemilia", "004073", "CN", "D062", "12074", "x", "8.1"), -1);
	CHECK_INT(add_geo(p, "Cortemilia", "004073", "CN", "D062", "12074", "44.5", "x"), -1);
	{
		const char *f[14] = { "Cortemilia", "004073", "1", "N", "01", "Piemonte", "004", "Cuneo", "CUN",
			"D062", "12074", "100", "44.5", "8.1" };
		CHECK_INT(wf_places_add(p, f, 14, err, sizeof err), -1);
		CHECK_STR(err, "province sigla 'CUN' is not 2 letters");
		f[8] = "CN";
		f[10] = "120745";
		CHECK_INT(wf_places_add(p, f, 14, err, sizeof err), -1);
		CHECK_STR(err, "CAP '120745' is not 5 digits");
		f[10] = "12074";
		f[9] = "D06";
		CHECK_INT(wf_places_add(p, f, 14, err, sizeof err), -1);
		CHECK_STR(err, "cadastral code 'D06' is not a letter and three digits");
		f[9] = "D062";
		f[13] = "";
		CHECK_INT(wf_places_add(p, f, 14, err, sizeof err), -1);
		CHECK_STR(err, "bad coordinates '44.5', ''");
		/* no coordinates at all: kept, but a CAP of it has no point */
		f[12] = "";
		CHECK_INT(wf_places_add(p, f, 14, err, sizeof err), 0);
	}
	CHECK_INT(resolve(p, NULL, NULL, NULL, "12074", NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "CAP '12074' has no coordinates in the places list");
	CHECK_INT(resolve(p, NULL, NULL, "D999", NULL, NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "cadastral code 'D999' is not in the places list");
	CHECK_INT(resolve(p, NULL, NULL, "ABC", NULL, NULL, NULL, &la, &lo, why), -1);
	CHECK_STR(why, "ISTAT code 'ABC' is not 6 digits");
	CHECK_INT(add_geo(p, "Samone", "001235", "TO", "H753", "10010", "45.45", "7.84"), 0);
	CHECK_INT(add_geo(p, "Samone", "001236", "TO", "H755", "10011", "45.46", "7.85"), 0);
	CHECK_INT(resolve(p, NULL, NULL, NULL, NULL, "Samone (TO)", NULL, &la, &lo, why), -1);
	CHECK_STR(why, "comune 'Samone (TO)' is ambiguous in the places list");
	CHECK_INT(resolve(p, NULL, NULL, NULL, NULL, "Atlantide", "TO", &la, &lo, why), -1);
	CHECK_STR(why, "comune 'Atlantide (TO)' is not in the places list");

	/* the history layout: a former comune with no point anywhere */
	CHECK_INT(wf_places_header(p, his_h, 4, err, sizeof err), WF_PLACES_HISTORY);
	CHECK_STR(wf_places_layout_name(WF_PLACES_HISTORY), "comuni name history");
	{
		const char *h1[] = { "Z999", "CN", "BORGO SPARITO", "0" };
		const char *h2[] = { "Z998", "CUN", "ALTRO", "0" };
		const char *h3[] = { "Z997", "CN", " ", "0" };
		CHECK_INT(wf_places_add(p, h1, 4, err, sizeof err), 0);
		CHECK_INT(wf_places_add(p, h2, 4, err, sizeof err), -1);
		CHECK_STR(err, "province sigla is not 2 letters");
		CHECK_INT(wf_places_add(p, h3, 4, err, sizeof err), -1);
		CHECK_STR(err, "empty comune name");
	}
	code[0] = 'x';
	CHECK_INT(wf_places_resolve(p, &(wf_placeq){ NULL, NULL, NULL, NULL, "Borgo Sparito", "CN", code },
				    &la, &lo, NULL, 0, why, sizeof why), -1);
	CHECK_STR(why, "comune 'BORGO SPARITO (CN)' no longer exists and no list gives its place");
	CHECK_STR(code, "");
	wf_places_free(p);

	/* the RGS list: every row needs its cadastral code */
	p = wf_places_new();
	CHECK_INT(wf_places_header(p, rgs_h, 4, err, sizeof err), WF_PLACES_RGS);
	{
		const char *r1[] = { "2024", "", "SAMONE", "TO" };
		CHECK_INT(wf_places_add(p, r1, 4, err, sizeof err), -1);
		CHECK_STR(err, "empty cadastral code");
	}
	wf_places_free(p);
	wf_places_free(NULL);
}

WF_TEST_MAIN(test_geocoded, test_istat_layout, test_shared_list, test_fold, test_taxcode, test_lists,
	     test_errors)
