/* Unit tests for wf_svg: tick choice, the shapes each chart kind draws
 * for the hard cases (single point, gaps, long names, hostile text). */
#include "wf_svg.h"
#include "wf_test.h"

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

static void test_nice_ticks(void)
{
	double t0, st;
	int n;

	wf_nice_ticks(0, 34e6, 5, &t0, &st, &n); /* 6.8e6 a step rounds up to 1e7 */
	CHECK_NEAR(t0, 0, 0);
	CHECK_NEAR(st, 1e7, 0);
	CHECK_INT(n, 5);
	wf_nice_ticks(0, 100, 5, &t0, &st, &n);
	CHECK_NEAR(st, 20, 0);
	CHECK_INT(n, 6);
	wf_nice_ticks(2.5, 13.3, 5, &t0, &st, &n); /* 2.16 -> 5 */
	CHECK_NEAR(t0, 0, 0);
	CHECK_NEAR(st, 5, 0);
	CHECK_INT(n, 4);
	wf_nice_ticks(7, 7, 5, &t0, &st, &n); /* widened to 6.3..7.7, step 0.5 */
	CHECK_NEAR(t0, 6, 1e-12);
	CHECK_NEAR(st, 0.5, 1e-12);
	CHECK_INT(n, 5);
	wf_nice_ticks(0, 0, 5, &t0, &st, &n); /* -1..1 */
	CHECK(t0 <= -1 && t0 + st * (n - 1) >= 1);
	wf_nice_ticks(-3, 12, 5, &t0, &st, &n); /* 3 -> 5: -5..15 */
	CHECK_NEAR(t0, -5, 1e-12);
	CHECK_NEAR(st, 5, 0);
	CHECK_INT(n, 5);
}

static wf_chart *fig1(void)
{
	wf_chart *c = wf_chart_new(WF_CHART_LINE, "L090 by year");
	size_t a, b;

	wf_chart_axes(c, "year", "L090 (EUR)");
	wf_chart_zero_baseline(c, 1);
	for (int y = 2001; y <= 2005; y++) {
		char buf[16];
		snprintf(buf, sizeof buf, "%d", y);
		wf_chart_x(c, buf);
	}
	a = wf_chart_series(c, "Regions and local authorities (aggregate 04)");
	b = wf_chart_series(c, "Comuni");
	wf_chart_set(c, a, 0, 34000000);
	wf_chart_set(c, a, 1, 30000000);
	/* gap at 2003 */
	wf_chart_set(c, a, 3, 20000000);
	wf_chart_set(c, a, 4, 13300000);
	wf_chart_set(c, b, 2, 9000000); /* a single point */
	return c;
}

static void test_line(void)
{
	wf_chart *c = fig1();
	wf_strbuf b = WF_STRBUF_INIT, b2 = WF_STRBUF_INIT;
	const char *s;

	wf_chart_svg(c, &b);
	s = wf_strbuf_str(&b);
	CHECK(strncmp(s, "<svg ", 5) == 0);
	CHECK(strstr(s, "</svg>\n") != NULL);
	/* Zero baseline; ticks past a million in the compact form. */
	CHECK(strstr(s, "text-anchor=\"end\">0</text>") != NULL);
	CHECK(strstr(s, ">40M</text>") != NULL);
	/* The gap splits series a into two sub-paths: M...L... M...L... */
	CHECK_INT(count(s, " M"), 1);
	CHECK_INT(count(s, "d=\"M"), 2);
	/* The single point of "Comuni" is still drawn. */
	CHECK(strstr(s, "<title>Comuni, 2003: 9,000,000.00</title>") != NULL);
	/* Axis titles with units, and both legend entries. */
	CHECK(strstr(s, ">L090 (EUR)</text>") != NULL);
	CHECK(strstr(s, ">year</text>") != NULL);
	CHECK(strstr(s, ">Comuni</text>") != NULL);
	/* The 44-character name is cut to 39 characters and an ellipsis. */
	CHECK(strstr(s, ">Regions and local authorities (aggregat\xe2\x80\xa6<title>"
		     "Regions and local authorities (aggregate 04)</title></text>") != NULL);
	/* Same chart, same bytes. */
	wf_chart_svg(c, &b2);
	CHECK_STR(b.s, b2.s);
	wf_strbuf_release(&b);
	wf_strbuf_release(&b2);
	wf_chart_free(c);
}

/* Years sit at their time: 2013 is 12/23 of the way from 2001 to
 * 2024 (x = 122 + 596 * 12/23 = 432.96), not a third (320.67). */
static void test_time_axis(void)
{
	wf_chart *c = wf_chart_new(WF_CHART_LINE, "t");
	wf_strbuf b = WF_STRBUF_INIT;
	const char *years[] = { "2001", "2013", "2015", "2024" };

	for (int i = 0; i < 4; i++)
		wf_chart_set(c, 0, wf_chart_x(c, years[i]), 10 + i);
	wf_chart_svg(c, &b);
	CHECK(strstr(b.s, "432.96") != NULL);
	CHECK(strstr(b.s, "320.67") == NULL);
	wf_strbuf_release(&b);
	wf_chart_free(c);
	/* Non-period categories stay evenly spaced. */
	c = wf_chart_new(WF_CHART_LINE, "t");
	const char *cats[] = { "a", "b", "c", "d" };
	for (int i = 0; i < 4; i++)
		wf_chart_set(c, 0, wf_chart_x(c, cats[i]), 10 + i);
	wf_chart_svg(c, &b);
	CHECK(strstr(b.s, "320.67") != NULL);
	wf_strbuf_release(&b);
	wf_chart_free(c);
}

static void test_no_zero_and_locale(void)
{
	wf_chart *c = wf_chart_new(WF_CHART_LINE, "t");
	wf_strbuf b = WF_STRBUF_INIT;

	wf_chart_numfmt(c, ',', '.');
	wf_chart_x(c, "2019");
	wf_chart_x(c, "2020");
	wf_chart_set(c, 0, 0, 13300000);
	wf_chart_set(c, 0, 1, 14100000.5);
	wf_chart_svg(c, &b);
	/* No zero baseline: ticks from 13,2 M (step 0,2 M), Italian separators. */
	CHECK(strstr(b.s, ">13,2M</text>") != NULL);
	CHECK(strstr(b.s, ">0</text>") == NULL);
	CHECK(strstr(b.s, "14.100.000,50") != NULL);
	wf_strbuf_release(&b);
	/* In Italian: mln and mld (issue 17: wide values never overflow) */
	wf_chart_lang(c, WF_LANG_IT);
	wf_chart_svg(c, &b);
	CHECK(strstr(b.s, ">13,2 mln</text>") != NULL);
	wf_strbuf_release(&b);
	wf_chart_set(c, 0, 1, 1234567890123.0);
	wf_chart_svg(c, &b);
	CHECK(strstr(b.s, " mld</text>") != NULL);
	CHECK(strstr(b.s, "1.234.567.890.123") == NULL || strstr(b.s, ">1.234.567.890.123") == NULL);
	wf_strbuf_release(&b);
	wf_chart_lang(c, WF_LANG_EN);
	wf_chart_svg(c, &b);
	CHECK(strstr(b.s, "T</text>") != NULL);
	wf_strbuf_release(&b);
	wf_chart_free(c);
}

static void test_escaping(void)
{
	wf_chart *c = wf_chart_new(WF_CHART_BAR, "a <b> & \"c\"");
	wf_strbuf b = WF_STRBUF_INIT, j = WF_STRBUF_INIT;

	wf_chart_set(c, 0, wf_chart_x(c, "<script>alert(1)</script>"), 5);
	wf_chart_svg(c, &b);
	CHECK(strstr(b.s, "<script") == NULL);
	CHECK(strstr(b.s, "&lt;script&gt;") != NULL);
	CHECK(strstr(b.s, "a &lt;b&gt; &amp; &quot;c&quot;") != NULL);
	wf_chart_json(c, &j);
	CHECK(strstr(j.s, "\"title\": \"a <b> & \\\"c\\\"\"") != NULL);
	wf_strbuf_release(&b);
	wf_strbuf_release(&j);
	wf_chart_free(c);
}

static void test_bar_dist_map(void)
{
	wf_chart *bar = wf_chart_new(WF_CHART_BAR, "bars");
	wf_chart *d = wf_chart_new(WF_CHART_DIST, "dist");
	wf_chart *m = wf_chart_new(WF_CHART_MAP, "map");
	wf_strbuf b = WF_STRBUF_INIT;
	size_t x;

	wf_chart_set(bar, 0, wf_chart_x(bar, "NIDO"), 74.7);
	x = wf_chart_x(bar, "SPORT");
	wf_chart_set(bar, 0, x, 88.7);
	wf_chart_highlight(bar, x);
	wf_chart_value_decimals(bar, 1);
	wf_chart_svg(bar, &b);
	CHECK(strstr(b.s, ">88.7</text>") != NULL);
	CHECK_INT(count(b.s, "fill=\"#d55e00\""), 1); /* the highlighted bar */
	CHECK(strstr(b.s, ">100</text>") != NULL);    /* axis ends on a nice tick */
	wf_strbuf_reset(&b);

	for (int i = 0; i < 10; i++)
		wf_chart_dist_value(d, i * 5.0);
	wf_chart_dist_box(d, 11.25, 22.5, 33.75);
	wf_chart_dist_marker(d, 47.1, "C4308");
	wf_chart_svg(d, &b);
	CHECK_INT(count(b.s, "<circle"), 10);
	CHECK(strstr(b.s, ">C4308: 47.10</text>") != NULL);
	CHECK(strstr(b.s, ">median</text>") != NULL);
	wf_strbuf_reset(&b);
	/* Beyond the strip limit the peers become a histogram. */
	for (int i = 0; i < WF_DIST_STRIP_MAX; i++)
		wf_chart_dist_value(d, i % 50);
	wf_chart_svg(d, &b);
	CHECK_INT(count(b.s, "<circle"), 0);
	CHECK(count(b.s, "<rect") > 10);
	wf_strbuf_reset(&b);

	/* One place only: a small window around it, no NaN or Inf. */
	wf_chart_geo(m, wf_chart_series(m, "demand"), 8.193, 44.58, "Cortemilia");
	wf_chart_svg(m, &b);
	CHECK(strstr(b.s, "NaN") == NULL && strstr(b.s, "Inf") == NULL);
	CHECK(strstr(b.s, "<title>Cortemilia</title>") != NULL);
	CHECK(strstr(b.s, ">demand (1)</text>") != NULL);
	wf_strbuf_reset(&b);
	wf_chart_json(m, &b);
	CHECK_STR(b.s, "{\"kind\": \"map\", \"title\": \"map\", \"x_label\": \"\", \"y_label\": \"\", "
		  "\"series\": [\n  {\"name\": \"demand\", \"points\": [{\"lon\": 8.193, \"lat\": 44.58, "
		  "\"label\": \"Cortemilia\"}]}]}");
	wf_strbuf_release(&b);
	wf_chart_free(bar);
	wf_chart_free(d);
	wf_chart_free(m);
}

static void test_empty_and_json(void)
{
	wf_chart *c = wf_chart_new(WF_CHART_LINE, "nothing");
	wf_strbuf b = WF_STRBUF_INIT;

	CHECK_INT(wf_chart_npoints(c), 0);
	wf_chart_svg(c, &b);
	CHECK(strstr(b.s, ">no data to draw</text>") != NULL);
	wf_chart_free(c);
	wf_strbuf_reset(&b);
	c = fig1();
	wf_chart_json(c, &b);
	CHECK(strstr(b.s, "\"x\": [\"2001\", \"2002\", \"2003\", \"2004\", \"2005\"]") != NULL);
	CHECK(strstr(b.s, "\"values\": [34000000, 30000000, null, 20000000, 13300000]") != NULL);
	CHECK(strstr(b.s, "\"values\": [null, null, 9000000, null, null]") != NULL);
	wf_strbuf_release(&b);
	wf_chart_free(c);
	wf_chart_free(NULL);
}

/* The corners of the chart model and drawing, each with what it does. */
static void test_chart_edges(void)
{
	wf_chart *c = wf_chart_new(WF_CHART_LINE, NULL);
	wf_strbuf b = WF_STRBUF_INIT;
	double t0, st;
	int n;

	CHECK_INT(wf_chart_kind(c), WF_CHART_LINE);
	CHECK_STR(wf_chart_title(c), "");
	/* a category or series named twice is the same one */
	CHECK_INT(wf_chart_x(c, "2019"), 0);
	CHECK_INT(wf_chart_x(c, "2020"), 1);
	CHECK_INT(wf_chart_x(c, "2019"), 0);
	CHECK_INT(wf_chart_series(c, "a"), 0);
	CHECK_INT(wf_chart_series(c, "a"), 0);
	/* a value for a series not named yet names it (and those before) */
	wf_chart_set(c, 2, 1, 5);
	CHECK(strstr((wf_chart_json(c, &b), b.s), "{\"name\": \"series\", \"values\": [null, 5]}") != NULL);
	wf_chart_caption(c, "x");
	wf_chart_caption(c, NULL);
	wf_strbuf_reset(&b);
	wf_chart_json(c, &b);
	CHECK(strstr(b.s, "\"caption\"") == NULL);
	/* a NaN or infinite value is null in JSON */
	wf_chart_set(c, 0, 0, NAN);
	wf_chart_set(c, 0, 1, INFINITY);
	wf_strbuf_reset(&b);
	wf_chart_json(c, &b);
	CHECK(strstr(b.s, "{\"name\": \"a\", \"values\": [null, null]}") != NULL);
	wf_chart_free(c);

	/* ticks: a target below 1 is 1; two adjacent doubles still get two ticks */
	wf_nice_ticks(0, 10, 0, &t0, &st, &n);
	CHECK_NEAR(st, 10, 0);
	CHECK_INT(n, 2);
	wf_nice_ticks(-8110000, nextafter(-8110000, 0), 2, &t0, &st, &n);
	CHECK(n >= 2 && st > 0 && fabs(t0 + 8110000) < 1e-6);

	/* bars all below zero: the axis still reaches 0; a category without
	 * a value says so; value decimals are clamped to 0..9 */
	c = wf_chart_new(WF_CHART_BAR, "neg");
	wf_chart_set(c, 0, wf_chart_x(c, "A"), -30);
	wf_chart_x(c, "B");
	wf_chart_value_decimals(c, -4);
	wf_strbuf_reset(&b);
	wf_chart_svg(c, &b);
	CHECK(strstr(b.s, ">0</text>") != NULL);
	CHECK(strstr(b.s, ">-30</text>") != NULL);
	CHECK(strstr(b.s, ">no value</text>") != NULL);
	wf_chart_value_decimals(c, 12);
	wf_strbuf_reset(&b);
	wf_chart_svg(c, &b);
	CHECK(strstr(b.s, ">-30.000000000</text>") != NULL);
	wf_chart_free(c);

	/* periods that do not all read as times, or do not increase, are
	 * spaced evenly: 4 categories at 122, 320.67, 519.33, 718 */
	{
		static const char *const sets[][4] = {
			{ "2019-01", "2019-13", "2020-01", "2020-02" },
			{ "2024", "2001", "2013", "2015" },
			{ "2019", "2019x", "2020", "2021" },
			{ "2019", "2020", "2020", "2021" },
		};
		for (size_t k = 0; k < sizeof sets / sizeof *sets; k++) {
			c = wf_chart_new(WF_CHART_LINE, "t");
			for (int i = 0; i < 4; i++)
				wf_chart_set(c, 0, wf_chart_x(c, sets[k][i]), i);
			wf_strbuf_reset(&b);
			wf_chart_svg(c, &b);
			if (k < 3)
				CHECK(strstr(b.s, "320.67") != NULL);
			wf_chart_free(c);
		}
	}
	/* months sit at their time too */
	c = wf_chart_new(WF_CHART_LINE, "m");
	wf_chart_set(c, 0, wf_chart_x(c, "2019-01"), 1);
	wf_chart_set(c, 0, wf_chart_x(c, "2019-02"), 2);
	wf_chart_set(c, 0, wf_chart_x(c, "2019-12"), 3);
	wf_strbuf_reset(&b);
	wf_chart_svg(c, &b);
	/* 2019-02 is 1/11 of the way: 122 + 596 / 11 = 176.18 */
	CHECK(strstr(b.s, "176.18") != NULL);
	wf_chart_free(c);
	/* one category alone */
	c = wf_chart_new(WF_CHART_LINE, "one");
	wf_chart_set(c, 0, wf_chart_x(c, "2019"), 7);
	wf_strbuf_reset(&b);
	wf_chart_svg(c, &b);
	CHECK_INT(count(b.s, "<circle"), 1);
	wf_chart_free(c);

	/* past 40 categories only points without a neighbour get a dot */
	c = wf_chart_new(WF_CHART_LINE, "many");
	for (int i = 0; i < 50; i++) {
		char l[8];
		snprintf(l, sizeof l, "%d", 1990 + i);
		wf_chart_set(c, 0, wf_chart_x(c, l), i);
		if (i == 25)
			wf_chart_set(c, 1, (size_t)i, 3);
	}
	wf_strbuf_reset(&b);
	wf_chart_svg(c, &b);
	CHECK_INT(count(b.s, "<circle"), 1);
	wf_chart_free(c);

	/* a histogram with empty bins between two clusters */
	c = wf_chart_new(WF_CHART_DIST, "h");
	for (int i = 0; i < WF_DIST_STRIP_MAX + 10; i++)
		wf_chart_dist_value(c, i % 2 ? 0 : 1000);
	wf_strbuf_reset(&b);
	wf_chart_svg(c, &b);
	CHECK_INT(count(b.s, "<circle"), 0);
	CHECK_INT(count(b.s, "<title>755</title>"), 2); /* one bar a cluster, none between */
	wf_chart_free(c);

	/* map: an unknown region is refused; a size that is not positive
	 * draws the plain symbol */
	c = wf_chart_new(WF_CHART_MAP, "m");
	CHECK_INT(wf_chart_region(c, "Atlantide", 1), -1);
	CHECK_INT(wf_chart_npoints(c), 0);
	wf_chart_geo_sized(c, 0, 7.68, 45.07, -5, "Torino");
	wf_chart_geo_sized(c, 0, 9.19, 45.46, NAN, "Milano");
	wf_strbuf_reset(&b);
	wf_chart_json(c, &b);
	CHECK(strstr(b.s, "\"label\": \"Torino\"}") != NULL); /* no size */
	CHECK(strstr(b.s, "\"label\": \"Milano\"}") != NULL);
	wf_chart_free(c);
	wf_strbuf_release(&b);
}

/* Distribution charts with and without their parts, small and full;
 * maps drawn as a scatter (a point abroad) with and without axis
 * titles; a bar chart with categories but no series. */
static void test_dist_and_scatter(void)
{
	wf_strbuf b = WF_STRBUF_INIT;
	wf_chart *c;

	for (int compact = 0; compact < 2; compact++) {
		c = wf_chart_new(WF_CHART_DIST, "peers");
		wf_chart_compact(c, compact);
		CHECK_INT(wf_chart_is_compact(c), compact);
		for (int i = 0; i < 5; i++)
			wf_chart_dist_value(c, i);
		wf_strbuf_reset(&b);
		wf_chart_svg(c, &b);
		/* no box, no marker: five dots and nothing bold */
		CHECK_INT(count(b.s, "<circle"), 5);
		CHECK(strstr(b.s, "stroke-width=\"3\"") == NULL);
		CHECK(strstr(b.s, "stroke-width=\"2\"") == NULL);
		wf_chart_axes(c, "EUR per employee", "");
		wf_chart_dist_box(c, 1, 2, 3);
		wf_chart_dist_marker(c, 4, "C1");
		wf_chart_caption(c, "five peers");
		wf_strbuf_reset(&b);
		wf_chart_svg(c, &b);
		CHECK(strstr(b.s, ">EUR per employee</text>") != NULL);
		CHECK(strstr(b.s, "stroke-width=\"3\"") != NULL);
		CHECK((strstr(b.s, ">five peers</text>") != NULL) == !compact); /* small ones have none */
		wf_chart_free(c);
	}
	/* a point in Paris does not fit the map of Italy: a scatter with
	 * longitude and latitude axes, or the titles given */
	c = wf_chart_new(WF_CHART_MAP, "abroad");
	wf_chart_geo(c, 0, 8.19, 44.58, "Cortemilia");
	wf_chart_geo(c, 1, 2.35, 48.86, "Paris");
	CHECK_INT(wf_chart_on_italy(c), 0);
	wf_strbuf_reset(&b);
	wf_chart_svg(c, &b);
	CHECK(strstr(b.s, ">longitude (degrees east)</text>") != NULL);
	CHECK(strstr(b.s, ">latitude (degrees north)</text>") != NULL);
	CHECK(strstr(b.s, "<title>Paris</title>") != NULL);
	wf_chart_axes(c, "east", "north");
	wf_chart_caption(c, "two places");
	wf_strbuf_reset(&b);
	wf_chart_svg(c, &b);
	CHECK(strstr(b.s, ">east</text>") != NULL && strstr(b.s, ">north</text>") != NULL);
	CHECK(strstr(b.s, ">two places</text>") != NULL);
	wf_chart_free(c);
	/* categories without a series: every bar says it has no value */
	c = wf_chart_new(WF_CHART_BAR, "empty bars");
	wf_chart_x(c, "A");
	wf_chart_x(c, "B");
	wf_chart_set(c, 0, 5, 1); /* a value past the categories is not drawn */
	wf_strbuf_reset(&b);
	wf_chart_svg(c, &b);
	CHECK_INT(count(b.s, ">no value</text>"), 2);
	wf_chart_free(c);
	wf_strbuf_release(&b);
}

WF_TEST_MAIN(test_nice_ticks, test_line, test_time_axis, test_no_zero_and_locale, test_escaping,
	     test_bar_dist_map, test_empty_and_json, test_chart_edges, test_dist_and_scatter)
