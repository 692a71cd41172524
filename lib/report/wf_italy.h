/*
 * wf_italy.h - the map of Italy behind wf-report's HTML maps: the 20
 * region outlines, the projection from longitude/latitude onto them,
 * and point-in-region tests. wf_svg draws the map (WF_CHART_MAP).
 *
 * Data: share/wfkit/italy-regions.txt, compiled into the library by the
 * Makefile (wf_italy_data), so an installed wf-report needs no data
 * file. Outlines from the npm package @svg-maps/italy (MapSVG), CC BY
 * 4.0: every drawn map carries wf_italy_attribution(). The projection
 * is affine in (longitude, Mercator latitude), fitted by
 * tests/gen/italy-map.py so that geocoded comuni fall inside their own
 * region (the data file says how many did).
 *
 * Regions are indexed 0..19 in ISTAT order: index i has ISTAT code
 * i + 1 ("01" Piemonte ... "20" Sardegna).
 *
 * Ownership: wf_italy_new() returns a map freed by wf_italy_free()
 * (NULL is a no-op); returned strings belong to the map.
 */
#ifndef WF_ITALY_H
#define WF_ITALY_H

#include <stddef.h>

#include "wf_lang.h"

#define WF_ITALY_NREGIONS 20

typedef struct wf_italy wf_italy;

/* The compiled-in data file (NUL-terminated text). */
extern const char wf_italy_data[];

/* Parse the compiled-in data; NULL only if it is malformed (a build
 * error, caught by the unit test). */
wf_italy *wf_italy_new(void);
/* Parse other data in the same format (tests); NULL when malformed. */
wf_italy *wf_italy_parse(const char *text);
void wf_italy_free(wf_italy *m);

/* Region index of an ISTAT code ("01", "1"), an RGS region code
 * ("R00125" is not one: -1) or a name in either language, any case
 * ("Piemonte", "PIEMONTE", "Piedmont"); -1 when none. */
int wf_italy_region(const wf_italy *m, const char *key);
const char *wf_italy_region_code(const wf_italy *m, int region);
const char *wf_italy_region_name(const wf_italy *m, int region, enum wf_lang lang);
/* SVG path data of the outline ("M x y x y ... Z", absolute). */
const char *wf_italy_region_path(const wf_italy *m, int region);
const char *wf_italy_attribution(const wf_italy *m, enum wf_lang lang);
/* viewBox width and height of the outlines. */
void wf_italy_size(const wf_italy *m, double *w, double *h);

/* Longitude/latitude (degrees) to outline coordinates. */
void wf_italy_project(const wf_italy *m, double lon, double lat, double *x, double *y);
/* 1 when the outline point (x, y) is inside the region (even-odd rule,
 * so holes and islands count right). */
int wf_italy_contains(const wf_italy *m, int region, double x, double y);
/* The region holding a longitude/latitude, or -1 (sea, abroad). */
int wf_italy_region_at(const wf_italy *m, double lon, double lat);

#endif
