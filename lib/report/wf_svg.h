/*
 * wf_svg.h - charts as self-contained SVG (no scripts, fonts or URLs),
 * and the same chart data as JSON.
 *
 * Kinds:
 *   WF_CHART_LINE  one line per series over ordered x categories (periods
 *                  such as "2001" or "2019-06"); a missing value breaks
 *                  the line, a point with no neighbour is drawn as a dot.
 *   WF_CHART_BAR   horizontal bars, one per x category, from series 0.
 *   WF_CHART_DIST  a peer distribution: series 0 holds the values (a strip
 *                  of dots up to WF_DIST_STRIP_MAX values, a histogram
 *                  beyond), an optional quartile box and one marker.
 *   WF_CHART_MAP   the map of Italy (wf_italy.h): a choropleth of the 20
 *                  regions (wf_chart_region: five equal-count classes in
 *                  a sequential palette, a legend, regions without a
 *                  value hatched) and point symbols per series (circles
 *                  for even series, squares for odd ones; with sizes,
 *                  area proportional to the size), the outline
 *                  attribution under it. When a point falls outside the
 *                  map of Italy and no region has a value, the points are
 *                  drawn as a plain longitude/latitude scatter instead,
 *                  projected equirectangularly around the mid latitude.
 *
 * Numbers are formatted by wf_strbuf_fixed() (never the process locale):
 * coordinates with 2 decimals, tick labels with the decimals the tick
 * step needs and the chart's thousands separator. Names longer than
 * WF_SVG_NAME_MAX (legends: WF_SVG_LEGEND_MAX) characters are cut with
 * an ellipsis; the full name is kept in a <title> child (the browser's
 * tooltip). All text is escaped. The <svg> carries no xmlns: it is
 * meant to be inline in HTML, where the parser supplies the namespace.
 *
 * Ownership: wf_chart_new() returns a chart freed with wf_chart_free()
 * (NULL is a no-op); strings passed in are copied.
 */
#ifndef WF_SVG_H
#define WF_SVG_H

#include <stddef.h>

#include "wf_lang.h"
#include "wf_strbuf.h"

enum wf_chart_kind { WF_CHART_LINE, WF_CHART_BAR, WF_CHART_DIST, WF_CHART_MAP };

#define WF_SVG_NAME_MAX 28   /* bar labels, map legend */
#define WF_SVG_LEGEND_MAX 40 /* line chart legend */
#define WF_DIST_STRIP_MAX 1500

typedef struct wf_chart wf_chart;

wf_chart *wf_chart_new(enum wf_chart_kind kind, const char *title);
void wf_chart_free(wf_chart *c);

enum wf_chart_kind wf_chart_kind(const wf_chart *c);
const char *wf_chart_title(const wf_chart *c);

/* Axis titles, units included by the caller ("L090 spending (EUR)"). */
void wf_chart_axes(wf_chart *c, const char *xlabel, const char *ylabel);
/* Include zero in the value axis (totals); on by default for bars. */
void wf_chart_zero_baseline(wf_chart *c, int on);
/* Separators for tick and value labels (default '.' and ','). */
void wf_chart_numfmt(wf_chart *c, char point, char group);
/* Decimals of value labels (bar ends, markers, tooltips); default 2. */
void wf_chart_value_decimals(wf_chart *c, int decimals);
/* Language of the chart's own words ("no data to draw", legends). */
void wf_chart_lang(wf_chart *c, enum wf_lang lang);
/* Draw small (distribution charts only: a 280 x 112 strip with its
 * title, the x label, peers, quartile box and marker; no caption), for
 * a row of small multiples. A report whose charts are all compact lays
 * them side by side in HTML. */
void wf_chart_compact(wf_chart *c, int on);
int wf_chart_is_compact(const wf_chart *c);
/* A line of small text under the chart (source, definitions). */
void wf_chart_caption(wf_chart *c, const char *text);

/* Index of the x category / series with this name, added if new.
 * Categories keep insertion order; callers add them sorted. */
size_t wf_chart_x(wf_chart *c, const char *label);
size_t wf_chart_series(wf_chart *c, const char *name);
/* Line and bar values; setting a value twice keeps the last. */
void wf_chart_set(wf_chart *c, size_t series, size_t x, double y);
/* Highlight bar x (drawn in the accent colour). */
void wf_chart_highlight(wf_chart *c, size_t x);

/* Distribution charts. */
void wf_chart_dist_value(wf_chart *c, double v);
void wf_chart_dist_box(wf_chart *c, double p25, double median, double p75);
void wf_chart_dist_marker(wf_chart *c, double v, const char *label);

/* Map points (degrees); label shows as the point's tooltip. */
void wf_chart_geo(wf_chart *c, size_t series, double lon, double lat,
		  const char *label);
/* The same with a size (> 0): symbol area proportional to it. */
void wf_chart_geo_sized(wf_chart *c, size_t series, double lon, double lat,
			double size, const char *label);
/* Map: the value of a region for the choropleth; region is an ISTAT
 * code ("01", "1") or a name (wf_italy_region). Returns 0, or -1 when
 * it names no region (nothing is set). The legend heading is the
 * chart's y label (wf_chart_axes). */
int wf_chart_region(wf_chart *c, const char *region, double value);

/* Map: 1 when it is drawn on the map of Italy (region values, or every
 * point on the map), 0 when as a plain scatter. */
int wf_chart_on_italy(const wf_chart *c);
/* Number of values, points or region values held (0 = nothing to draw). */
size_t wf_chart_npoints(const wf_chart *c);

/* Append the chart as one <svg> element for inline HTML (no XML
 * declaration, no xmlns); its text is well-formed XML. */
void wf_chart_svg(const wf_chart *c, wf_strbuf *out);
/* Append the chart data as one JSON object. */
void wf_chart_json(const wf_chart *c, wf_strbuf *out);

/* Nice axis: ticks at multiples of step (1, 2 or 5 times a power of
 * ten) covering [lo, hi] with about target intervals. Sets *first,
 * *step and *count (number of ticks, >= 2). lo == hi is widened. */
void wf_nice_ticks(double lo, double hi, int target, double *first,
		   double *step, int *count);

#endif
