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

static int resolve(const wf_places *p, const char *lat, const char *lon, const char *istat,
		   const char *cap, const char *comune, const char *prov,
		   double *la, double *lo, char *why)
{
	wf_placeq q = { lat, lon, istat, cap, comune, prov };
	return wf_places_resolve(p, &q, la, lo, why, 256);
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
	CHECK_STR(why, "comune 'Cortemilia (AT)' is not in the places list");
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

WF_TEST_MAIN(test_geocoded, test_istat_layout, test_shared_list)
