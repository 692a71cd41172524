/*
 * wf_geo.c - haversine distance and the grid index (see wf_geo.h).
 */
#include "wf_geo.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "wf_err.h"

#define DEG2RAD (3.14159265358979323846 / 180.0)
#define KM_PER_DEG (WF_EARTH_KM * DEG2RAD)

double wf_geo_km(double lat1, double lon1, double lat2, double lon2)
{
	double p1 = lat1 * DEG2RAD, p2 = lat2 * DEG2RAD;
	double dp = p2 - p1, dl = (lon2 - lon1) * DEG2RAD;
	double a = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2);

	if (a > 1)
		a = 1;
	return 2 * WF_EARTH_KM * asin(sqrt(a));
}

int wf_geo_valid(double lat, double lon)
{
	return isfinite(lat) && isfinite(lon) && lat >= -90 && lat <= 90 &&
	       lon >= -180 && lon <= 180;
}

struct wf_geoindex {
	size_t n;
	double deg;       /* cell side in degrees */
	int64_t *key;     /* per point, sorted */
	double *lat, *lon;
	size_t *id;       /* original index of each sorted point */
};

/* Cell rows are 2^32 keys apart, so one row is a contiguous key range. */
static int64_t cell_key(int64_t ilat, int64_t ilon)
{
	return ilat * ((int64_t)1 << 32) + ilon;
}

static int64_t cell_of(double v, double deg)
{
	return (int64_t)floor(v / deg);
}

struct sortent {
	int64_t key;
	size_t id;
};

static int cmp_ent(const void *a, const void *b)
{
	const struct sortent *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

wf_geoindex *wf_geoindex_new(const double *lat, const double *lon, size_t n,
			     double cell_km)
{
	wf_geoindex *g = wf_xcalloc(1, sizeof *g);
	struct sortent *e = wf_xcalloc(n ? n : 1, sizeof *e);

	if (!(cell_km > 0.01))
		cell_km = 0.01;
	g->n = n;
	g->deg = cell_km / KM_PER_DEG;
	for (size_t i = 0; i < n; i++) {
		e[i].key = cell_key(cell_of(lat[i], g->deg), cell_of(lon[i], g->deg));
		e[i].id = i;
	}
	qsort(e, n, sizeof *e, cmp_ent);
	g->key = wf_xcalloc(n ? n : 1, sizeof *g->key);
	g->lat = wf_xcalloc(n ? n : 1, sizeof *g->lat);
	g->lon = wf_xcalloc(n ? n : 1, sizeof *g->lon);
	g->id = wf_xcalloc(n ? n : 1, sizeof *g->id);
	for (size_t i = 0; i < n; i++) {
		g->key[i] = e[i].key;
		g->id[i] = e[i].id;
		g->lat[i] = lat[e[i].id];
		g->lon[i] = lon[e[i].id];
	}
	free(e);
	return g;
}

void wf_geoindex_free(wf_geoindex *g)
{
	if (!g)
		return;
	free(g->key);
	free(g->lat);
	free(g->lon);
	free(g->id);
	free(g);
}

static size_t lower_bound(const int64_t *k, size_t n, int64_t v)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (k[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t wf_geoindex_within(const wf_geoindex *g, double lat, double lon,
			  double r_km,
			  int (*fn)(size_t i, double km, void *ctx), void *ctx)
{
	size_t calls = 0;
	double dlat, dlon, maxlat;

	if (!g || g->n == 0 || !(r_km >= 0))
		return 0;
	dlat = r_km / KM_PER_DEG;
	maxlat = fabs(lat) + dlat;
	/* Near a pole or for a huge radius the box spans every longitude:
	 * scan everything rather than reason about wrap-around. */
	if (maxlat >= 89 || dlat > 45)
		goto scan_all;
	dlon = dlat / cos(maxlat * DEG2RAD);
	if (lon - dlon < -180 || lon + dlon > 180)
		goto scan_all;
	{
		int64_t la0 = cell_of(lat - dlat, g->deg), la1 = cell_of(lat + dlat, g->deg);
		int64_t lo0 = cell_of(lon - dlon, g->deg), lo1 = cell_of(lon + dlon, g->deg);

		for (int64_t r = la0; r <= la1; r++) {
			int64_t kend = cell_key(r, lo1);

			for (size_t i = lower_bound(g->key, g->n, cell_key(r, lo0));
			     i < g->n && g->key[i] <= kend; i++) {
				double d;

				if (fabs(g->lat[i] - lat) > dlat || fabs(g->lon[i] - lon) > dlon)
					continue;
				d = wf_geo_km(lat, lon, g->lat[i], g->lon[i]);
				if (d <= r_km) {
					calls++;
					if (fn(g->id[i], d, ctx))
						return calls;
				}
			}
		}
	}
	return calls;
scan_all:
	for (size_t i = 0; i < g->n; i++) {
		double d = wf_geo_km(lat, lon, g->lat[i], g->lon[i]);

		if (d <= r_km) {
			calls++;
			if (fn(g->id[i], d, ctx))
				return calls;
		}
	}
	return calls;
}
