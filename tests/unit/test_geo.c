#include "wf_geo.h"
#include "wf_test.h"

#include <stdint.h>

static void test_km(void)
{
	/* Asti - Cortemilia and Novara - Vercelli, coordinates of the comune
	 * centres; expected values from the haversine formula on R=6371.0088. */
	CHECK_NEAR(wf_geo_km(44.899445, 8.203882, 44.579471, 8.193302), 35.5893, 0.0001);
	CHECK_NEAR(wf_geo_km(45.446007, 8.62086, 45.30364, 8.445879), 20.9145, 0.0001);
	CHECK_NEAR(wf_geo_km(10, 20, 10, 20), 0, 0);
	/* A quarter of the equator and pole to pole. */
	CHECK_NEAR(wf_geo_km(0, 0, 0, 90), WF_EARTH_KM * 3.14159265358979 / 2, 1e-6);
	CHECK_NEAR(wf_geo_km(90, 0, -90, 0), WF_EARTH_KM * 3.14159265358979, 1e-6);
	/* Symmetric, and 1 degree of latitude is ~111.2 km. */
	CHECK_NEAR(wf_geo_km(45, 7, 46, 7), 111.195, 0.001);
	CHECK_NEAR(wf_geo_km(45, 7, 44, 9), wf_geo_km(44, 9, 45, 7), 1e-9);
	CHECK(wf_geo_valid(45, 7));
	CHECK(!wf_geo_valid(91, 7));
	CHECK(!wf_geo_valid(45, -181));
	CHECK(!wf_geo_valid(NAN, 7));
}

static uint64_t rng = 88172645463325252ull;
static double urand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (double)(rng >> 11) / 9007199254740992.0;
}

struct hits {
	unsigned char *seen;
	size_t n;
};

static int collect(size_t i, double km, void *ctx)
{
	struct hits *h = ctx;

	(void)km;
	h->seen[i]++;
	h->n++;
	return 0;
}

/* The index finds exactly the points a linear scan finds. */
static void test_index_vs_scan(void)
{
	enum { N = 3000 };
	static double lat[N], lon[N];
	static unsigned char seen[N];

	for (int i = 0; i < N; i++) {
		lat[i] = 36 + urand() * 11;
		lon[i] = 6 + urand() * 13;
	}
	lat[5] = lat[6]; lon[5] = lon[6]; /* duplicates are kept */
	double cells[] = { 1, 7.5, 40, 500 };
	for (size_t c = 0; c < sizeof cells / sizeof cells[0]; c++) {
		wf_geoindex *g = wf_geoindex_new(lat, lon, N, cells[c]);
		for (int q = 0; q < 200; q++) {
			double qlat = 35 + urand() * 13, qlon = 5 + urand() * 15;
			double r = q % 10 == 0 ? 3000 : urand() * 80;
			struct hits h = { seen, 0 };
			size_t want = 0;
			int ok = 1;

			memset(seen, 0, sizeof seen);
			CHECK_INT(wf_geoindex_within(g, qlat, qlon, r, collect, &h), h.n);
			for (int i = 0; i < N; i++) {
				int in = wf_geo_km(qlat, qlon, lat[i], lon[i]) <= r;
				want += in;
				if (seen[i] != in)
					ok = 0;
			}
			CHECK(ok);
			CHECK_INT(h.n, want);
		}
		wf_geoindex_free(g);
	}
	wf_geoindex *g = wf_geoindex_new(NULL, NULL, 0, 10);
	struct hits h = { seen, 0 };
	CHECK_INT(wf_geoindex_within(g, 45, 8, 100, collect, &h), 0);
	wf_geoindex_free(g);
	wf_geoindex_free(NULL);
}

static int stop_first(size_t i, double km, void *ctx)
{
	(void)i; (void)km; (void)ctx;
	return 1;
}

static void test_poles_and_stop(void)
{
	double lat[] = { 89.9, 89.9, -89.5, 0 }, lon[] = { 0, 180, 10, 179.9 };
	unsigned char seen[4] = { 0 };
	struct hits h = { seen, 0 };
	wf_geoindex *g = wf_geoindex_new(lat, lon, 4, 10);

	CHECK_INT(wf_geoindex_within(g, 89.95, 90, 30, collect, &h), 2);
	CHECK_INT(wf_geoindex_within(g, 0, -179.9, 30, collect, &h), 1); /* across the date line */
	CHECK_INT(wf_geoindex_within(g, 89.95, 90, 30, stop_first, NULL), 1);
	wf_geoindex_free(g);
}

/* Antipodes where rounding puts the haversine term a hair over 1 (it
 * would make asin() NaN); an index of tiny cells, no points, a radius
 * that is not one, the whole globe, and the eastern date line. */
static void test_edges(void)
{
	double lat[] = { 45, 45.0001, -30, 0 }, lon[] = { 8, 8, 100, 179.95 };
	unsigned char seen[4] = { 0 };
	struct hits h = { seen, 0 };
	wf_geoindex *g;

	CHECK_NEAR(wf_geo_km(-89.259999999999991, -180, 89.259999999999991, 0),
		   WF_EARTH_KM * 3.14159265358979, 1e-6);
	CHECK_INT(wf_geo_valid(NAN, 0), 0);
	CHECK_INT(wf_geo_valid(0, INFINITY), 0);
	CHECK_INT(wf_geo_valid(-91, 0), 0);
	CHECK_INT(wf_geo_valid(0, 180.5), 0);
	CHECK_INT(wf_geo_valid(-90, -180), 1);

	g = wf_geoindex_new(lat, lon, 4, 0); /* cells of 0 km: 10 m instead */
	CHECK_INT(wf_geoindex_within(g, 45, 8, 0.05, collect, &h), 2);
	CHECK_INT(wf_geoindex_within(g, 45, 8, -1, collect, &h), 0);
	CHECK_INT(wf_geoindex_within(g, 45, 8, NAN, collect, &h), 0);
	CHECK_INT(wf_geoindex_within(g, 45, 8, 20100, collect, &h), 4); /* all of it */
	CHECK_INT(wf_geoindex_within(g, 0, 179.9, 30, collect, &h), 1);
	CHECK_INT(wf_geoindex_within(g, 0, 100, 5600, collect, &h), 1); /* 50 degrees: every longitude */
	CHECK_INT(wf_geoindex_within(g, 45, 8, 0.05, stop_first, NULL), 1);
	CHECK_INT(wf_geoindex_within(NULL, 0, 0, 30, collect, &h), 0);
	wf_geoindex_free(g);
	g = wf_geoindex_new(NULL, NULL, 0, 10);
	CHECK_INT(wf_geoindex_within(g, 0, 0, 30, collect, &h), 0);
	wf_geoindex_free(g);
}

WF_TEST_MAIN(test_km, test_index_vs_scan, test_poles_and_stop, test_edges)
