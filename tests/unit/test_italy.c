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

/* The compiled-in data with its first `from` replaced by `to` (a new
 * string). */
static char *data_with(const char *from, const char *to)
{
	const char *at = strstr(wf_italy_data, from);
	size_t n = strlen(wf_italy_data), fl = strlen(from), tl = strlen(to);
	char *s;

	CHECK(at != NULL);
	if (!at)
		return strdup(wf_italy_data);
	s = malloc(n - fl + tl + 1);
	memcpy(s, wf_italy_data, (size_t)(at - wf_italy_data));
	memcpy(s + (at - wf_italy_data), to, tl);
	strcpy(s + (at - wf_italy_data) + tl, at + fl);
	return s;
}

/* Each defect alone in otherwise good data makes the parse fail. */
static void test_parse_each_error(void)
{
	static const struct { const char *from, *to; } bad[] = {
		{ "viewbox\t0 0 610 793", "viewbox\t1 0 610 793" },      /* not at the origin */
		{ "viewbox\t0 0 610 793", "viewbox\t0 0 0 793" },        /* no width */
		{ "viewbox\t0 0 610 793", "viewbox\t0 0 610 -1" },       /* no height */
		{ "projection\t51.088918", "projection\t51.08x" },       /* not a number */
		{ "projection\t51.088918", "projection\t" },             /* empty */
		{ "region\t01\t", "region\t001\t" },                     /* a code of 3 */
		{ "attribution\t", "attributions\t" },                   /* unknown keyword */
		{ "\nregion\t02\t", "\n#region\t02\t" },                 /* 19 regions */
	};
	wf_italy *m;

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *s = data_with(bad[i].from, bad[i].to);
		m = wf_italy_parse(s);
		if (m)
			fprintf(stderr, "case %zu parsed\n", i);
		CHECK(m == NULL);
		wf_italy_free(m);
		free(s);
	}
	/* Piemonte's outline replaced by each bad path; then a good one */
	{
		static const char *const paths[] = {
			"", "Z M1 1 2 2 3 3 Z", "M1 2 3 4 Z", "1 2 M1 1 2 2 3 3 Z", "M1x2 3 4 5 6 Z",
			"M1 2 3 4 5", "M1 2 3 4 5 6", "M0 0 10 0 0 10 Z",
		};
		const char *p = strstr(wf_italy_data, "\tPiedmont\t") + strlen("\tPiedmont\t");
		size_t keep = (size_t)(p - wf_italy_data);
		for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
			char *s = malloc(strlen(wf_italy_data) + 64);
			memcpy(s, wf_italy_data, keep);
			strcpy(s + keep, paths[i]);
			strcat(s, strchr(p, '\n'));
			m = wf_italy_parse(s);
			CHECK((m != NULL) == (i == sizeof paths / sizeof *paths - 1));
			if (m)
				CHECK_INT(wf_italy_contains(m, 0, 2, 3), 1); /* inside the triangle */
			wf_italy_free(m);
			free(s);
		}
	}
	/* 21 regions */
	{
		const char *p;
		char *s = malloc(strlen(wf_italy_data) * 2);
		strcpy(s, wf_italy_data);
		p = strstr(wf_italy_data, "\nregion\t01\t") + 1;
		strncat(s, p, (size_t)(strchr(p, '\n') - p + 1));
		CHECK(wf_italy_parse(s) == NULL);
		free(s);
	}
	/* comments and blank lines anywhere are fine */
	{
		char *s = data_with("\nregion\t02\t", "\n\n# a comment\n\nregion\t02\t");
		m = wf_italy_parse(s);
		CHECK(m != NULL);
		/* indexes out of range give empty strings and contain nothing */
		CHECK_STR(wf_italy_region_code(m, -1), "");
		CHECK_STR(wf_italy_region_code(m, WF_ITALY_NREGIONS), "");
		CHECK_STR(wf_italy_region_name(m, WF_ITALY_NREGIONS, WF_LANG_IT), "");
		CHECK_STR(wf_italy_region_path(m, -1), "");
		CHECK_INT(wf_italy_contains(m, -1, 100, 100), 0);
		CHECK_INT(wf_italy_contains(m, WF_ITALY_NREGIONS, 100, 100), 0);
		CHECK_INT(wf_italy_region(m, NULL), -1);
		CHECK_INT(wf_italy_region(m, "0"), -1);
		CHECK_INT(wf_italy_region(m, "21"), -1);
		CHECK_INT(wf_italy_region(m, "1x"), -1);
		CHECK_INT(wf_italy_region(m, "piedmont"), 0);
		CHECK_INT(wf_italy_region_at(m, 0.0, 0.0), -1); /* the Gulf of Guinea */
		wf_italy_free(m);
		free(s);
	}
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

WF_TEST_MAIN(test_known_comuni, test_regions, test_parse_errors, test_shared_comuni, test_parse_each_error)
