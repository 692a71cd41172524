/*
 * wf_geo.h - great-circle distances and a grid index of points for
 * "everything within r km of here" queries.
 *
 * Distances are haversine on a sphere of the mean Earth radius
 * (WF_EARTH_KM, IUGG), which is within 0.5% of the ellipsoid: plenty
 * for "is the provider 8 or 12 km away".
 *
 * The index buckets points by cells of a fixed size in degrees and
 * keeps them sorted by cell, so it holds two doubles and one index per
 * point plus one entry per non-empty cell: memory proportional to the
 * points indexed. A query visits the cells that overlap the query's
 * bounding box, one binary search per row of cells.
 *
 * Ownership: wf_geoindex_new copies the coordinates; free with
 * wf_geoindex_free (NULL is a no-op).
 */
#ifndef WF_GEO_H
#define WF_GEO_H

#include <stddef.h>

#define WF_EARTH_KM 6371.0088

double wf_geo_km(double lat1, double lon1, double lat2, double lon2);

/* 1 when lat is in [-90,90] and lon in [-180,180] and both finite. */
int wf_geo_valid(double lat, double lon);

typedef struct wf_geoindex wf_geoindex;

/* Index n points; cell_km is the side of a grid cell (north-south),
 * best about half the usual query radius. */
wf_geoindex *wf_geoindex_new(const double *lat, const double *lon, size_t n,
			     double cell_km);
void wf_geoindex_free(wf_geoindex *g);

/* Call fn(i, km, ctx) for each point i with distance <= r_km from
 * (lat, lon), in an order fixed by the index (callers that need
 * another order sort). fn returning nonzero stops the walk. Returns
 * the number of calls. */
size_t wf_geoindex_within(const wf_geoindex *g, double lat, double lon,
			  double r_km,
			  int (*fn)(size_t i, double km, void *ctx), void *ctx);

#endif
