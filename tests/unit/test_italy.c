#include "wf_italy.h"
#include "wf_test.h"

/* Known comuni (town-hall coordinates, degrees) inside their own region:
 * the fitted projection puts places where they belong, islands and the
 * narrow Trieste strip included. */
static void test_known_comuni(void)
{
	static const struct { const char *name, *region; double lat, lon; } known[] = {
		{ "Torino", "01", 45.0703, 7.6869 },
		{ "Aosta", "02", 45.7373, 7.3154 },
		{ "Milano", "03", 45.4642, 9.1900 },
		{ "Trieste", "06", 45.6495, 13.7768 },
		{ "Roma", "12", 41.9028, 12.4964 },
		{ "Palermo", "19", 38.1157, 13.3615 },
		{ "Cagliari", "20", 39.2238, 9.1217 },
		{ "Cortemilia", "01", 44.5797, 8.1927 },
	};
	wf_italy *m = wf_italy_new();

	CHECK(m != NULL);
	if (!m)
		return;
	for (size_t i = 0; i < sizeof known / sizeof *known; i++) {
		int r = wf_italy_region(m, known[i].region);
		int at = wf_italy_region_at(m, known[i].lon, known[i].lat);
		if (at != r)
			fprintf(stderr, "%s falls in region %s, expected %s\n", known[i].name,
				wf_italy_region_code(m, at), known[i].region);
		CHECK_INT(at, r);
	}
	/* The sea and abroad are in no region. */
	CHECK_INT(wf_italy_region_at(m, 10.5, 42.0), -1);  /* Tyrrhenian Sea */
	CHECK_INT(wf_italy_region_at(m, 2.35, 48.85), -1); /* Paris */
	wf_italy_free(m);
}

static void test_regions(void)
{
	wf_italy *m = wf_italy_new();
	double w, h;

	if (!m)
		return;
	wf_italy_size(m, &w, &h);
	CHECK_NEAR(w, 610, 0);
	CHECK_NEAR(h, 793, 0);
	CHECK_INT(wf_italy_region(m, "01"), 0);
	CHECK_INT(wf_italy_region(m, "1"), 0);
	CHECK_INT(wf_italy_region(m, "20"), 19);
	CHECK_INT(wf_italy_region(m, "21"), -1);
	CHECK_INT(wf_italy_region(m, "0"), -1);
	CHECK_INT(wf_italy_region(m, "PIEMONTE"), 0);
	CHECK_INT(wf_italy_region(m, "Piedmont"), 0);
	CHECK_INT(wf_italy_region(m, "Sicilia"), 18);
	CHECK_INT(wf_italy_region(m, "R00125"), -1);
	CHECK_INT(wf_italy_region(m, ""), -1);
	CHECK_STR(wf_italy_region_name(m, 1, WF_LANG_IT), "Valle d'Aosta");
	CHECK_STR(wf_italy_region_name(m, 1, WF_LANG_EN), "Aosta Valley");
	CHECK_STR(wf_italy_region_code(m, 11), "12");
	CHECK(strncmp(wf_italy_region_path(m, 0), "M", 1) == 0);
	CHECK(strstr(wf_italy_attribution(m, WF_LANG_IT), "CC BY 4.0") != NULL);
	CHECK(strstr(wf_italy_attribution(m, WF_LANG_EN), "@svg-maps/italy") != NULL);
	/* Every region contains the projection of some point of its own. */
	for (int r = 0; r < WF_ITALY_NREGIONS; r++)
		CHECK(wf_italy_region_path(m, r)[0] == 'M');
	wf_italy_free(m);
	wf_italy_free(NULL);
}

static void test_parse_errors(void)
{
	static const char *const bad[] = {
		"",
		"viewbox\t0 0 610 793\n",
		"nonsense\n",
		"region\t01\tA\tB\tM0 0 1 0 1 1\n", /* unclosed ring */
		"projection\t1\t2\t3\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		CHECK(wf_italy_parse(bad[i]) == NULL);
}

/* With the geocoded comuni list beside the checkout: nearly all of them
 * (the first row of each comune) fall inside their own region. Points
 * on the simplified coastline and geocoding errors make up the rest. */
static void test_shared_comuni(void)
{
	FILE *f = fopen("../shared/data/comuni/comuni_geocoded.csv", "r");
	char line[1024], last[16] = "";
	long n = 0, in = 0;
	wf_italy *m;

	if (!f)
		return;
	m = wf_italy_new();
	if (fgets(line, sizeof line, f))
		while (fgets(line, sizeof line, f)) {
			char *fld[14];
			size_t k = 0;
			double lat, lon;
			for (char *p = line; k < 14 && p; k++) {
				fld[k] = p;
				p = strchr(p, ';');
				if (p)
					*p++ = '\0';
			}
			if (k < 14 || strcmp(fld[1], last) == 0)
				continue;
			snprintf(last, sizeof last, "%s", fld[1]);
			lat = atof(fld[12]);
			lon = atof(fld[13]);
			n++;
			in += wf_italy_region_at(m, lon, lat) == wf_italy_region(m, fld[4]);
		}
	fclose(f);
	CHECK(n > 7800);
	if (n)
		fprintf(stderr, "test_italy: %ld of %ld geocoded comuni inside their region\n", in, n);
	CHECK(in * 100 >= n * 95);
	wf_italy_free(m);
}

WF_TEST_MAIN(test_known_comuni, test_regions, test_parse_errors, test_shared_comuni)
