/* Unit tests for wf_strbuf (widths, escaping, number display), the
 * wf_render table model and renderers, and the report kinds. */
#include "wf_render.h"
#include "wf_render_input.h"
#include "wf_render_kinds.h"
#include "wf_render_stream.h"
#include "wf_test.h"

static const char *fmt_dec(const char *text, int decimals, int it)
{
	static char out[64];
	wf_strbuf b = WF_STRBUF_INIT;
	wf_numfmt f = { decimals, it ? ',' : '.', it ? '.' : ',' };
	wf_dec d;

	if (wf_dec_parse(text, strlen(text), WF_DEC_POINT, &d) != WF_DEC_OK)
		return "parse error";
	wf_strbuf_dec(&b, d, &f);
	snprintf(out, sizeof out, "%s", wf_strbuf_str(&b));
	wf_strbuf_release(&b);
	return out;
}

static const char *fmt_fixed(double x, int decimals)
{
	static char out[64];
	wf_strbuf b = WF_STRBUF_INIT;
	wf_numfmt f = { decimals, '.', ',' };

	wf_strbuf_fixed(&b, x, &f);
	snprintf(out, sizeof out, "%s", wf_strbuf_str(&b));
	wf_strbuf_release(&b);
	return out;
}

static void test_numbers(void)
{
	CHECK_STR(fmt_dec("1234.565", 2, 0), "1,234.57"); /* half away from zero */
	CHECK_STR(fmt_dec("-1234.565", 2, 0), "-1,234.57");
	CHECK_STR(fmt_dec("-0.004", 2, 0), "0.00");       /* no "-0.00" */
	CHECK_STR(fmt_dec("-0.005", 2, 0), "-0.01");
	CHECK_STR(fmt_dec("1234567.891", 2, 1), "1.234.567,89");
	CHECK_STR(fmt_dec("5", 2, 0), "5.00");
	CHECK_STR(fmt_dec("2.5", 0, 0), "3");
	CHECK_STR(fmt_dec("999.995", 2, 0), "1,000.00");
	CHECK_STR(fmt_dec("123456789012345678", 0, 0), "123,456,789,012,345,678");
	CHECK_STR(fmt_dec("0.000000001", 9, 0), "0.000000001");
	CHECK_STR(fmt_fixed(1.5, 0), "2");
	CHECK_STR(fmt_fixed(-1.5, 0), "-2");
	CHECK_STR(fmt_fixed(-0.001, 2), "0.00");
	CHECK_STR(fmt_fixed(34000000, 0), "34,000,000");
	CHECK_STR(fmt_fixed(0.1 + 0.2, 2), "0.30");

	CHECK(wf_render_is_number("0", 1, NULL));
	CHECK(wf_render_is_number("-0.5", 4, NULL));
	CHECK(wf_render_is_number("2019", 4, NULL));
	CHECK(!wf_render_is_number("001272", 6, NULL)); /* ISTAT code */
	CHECK(!wf_render_is_number("04", 2, NULL));     /* aggregate code */
	CHECK(!wf_render_is_number("1e5", 3, NULL));
	CHECK(!wf_render_is_number(" 5", 2, NULL));
	CHECK(!wf_render_is_number(".5", 2, NULL));
	CHECK(!wf_render_is_number("1.234,5", 7, NULL));
	CHECK(!wf_render_is_number("", 0, NULL));
}

static void test_width_and_trunc(void)
{
	wf_strbuf b = WF_STRBUF_INIT;

	CHECK_INT(wf_utf8_width("CANT\xc3\x99", 6), 5);          /* CANTÙ */
	CHECK_INT(wf_utf8_width("CANTU\xcc\x80", 7), 5);         /* U + combining grave */
	CHECK_INT(wf_utf8_width("\xe6\x97\xa5\xe6\x9c\xac", 6), 4); /* two wide CJK */
	CHECK_INT(wf_utf8_width("a\xff" "b", 3), 3);               /* invalid byte counts 1 */
	wf_strbuf_trunc(&b, "COMUNE DI MILANO", 16, 8);
	CHECK_STR(b.s, "COMUNE \xe2\x80\xa6");
	wf_strbuf_reset(&b);
	wf_strbuf_trunc(&b, "CANT\xc3\x99 DI SOPRA", 15, 6);
	CHECK_STR(b.s, "CANT\xc3\x99\xe2\x80\xa6");
	CHECK_INT(wf_utf8_width(b.s, b.len), 6);
	wf_strbuf_reset(&b);
	wf_strbuf_trunc(&b, "short", 5, 8);
	CHECK_STR(b.s, "short");
	wf_strbuf_reset(&b);
	wf_strbuf_xml(&b, "<a href='x'>&\"\x01\xff", 16);
	CHECK_STR(b.s, "&lt;a href=&#39;x&#39;&gt;&amp;&quot;\xef\xbf\xbd\xef\xbf\xbd");
	wf_strbuf_reset(&b);
	wf_strbuf_json(&b, "a\"b\\\n\x01\xff", 7);
	CHECK_STR(b.s, "\"a\\\"b\\\\\\n\\u0001\xef\xbf\xbd\"");
	wf_strbuf_reset(&b);
	/* the escaper the NDJSON writer uses: \b and \f as two characters */
	wf_strbuf_json(&b, "\b\f", 2);
	CHECK_STR(b.s, "\"\\b\\f\"");
	wf_strbuf_release(&b);
}

static wf_rtable *sample(void)
{
	static const char *const cols[] = { "year", "comune", "name", "value" };
	const char *r1[] = { "2019", "001272", "CANT\xc3\x99", "1234.5" };
	const char *r2[] = { "2020", "015146", "a|b <script>", "-7" };
	const char *r3[] = { "2021", "015146", "MILANO", NULL };
	wf_rtable *t = wf_rtable_new("Sample", 4, cols);

	wf_rtable_add(t, r1, NULL);
	wf_rtable_add(t, r2, NULL);
	wf_rtable_add(t, r3, NULL);
	wf_rtable_highlight(t, 1);
	return t;
}

static void test_table_model(void)
{
	wf_rtable *t = sample();
	wf_dec d;

	CHECK_INT(wf_rtable_ncols(t), 4);
	CHECK_INT(wf_rtable_nrows(t), 3);
	CHECK_INT(wf_rtable_coltype(t, 0), WF_RCOL_INT);
	CHECK_INT(wf_rtable_coltype(t, 1), WF_RCOL_TEXT);
	CHECK_INT(wf_rtable_coltype(t, 2), WF_RCOL_TEXT);
	CHECK_INT(wf_rtable_coltype(t, 3), WF_RCOL_DEC);
	CHECK_INT(wf_rtable_col(t, "value"), 3);
	CHECK_INT(wf_rtable_col(t, "nope"), -1);
	CHECK(wf_rtable_cell(t, 2, 3) == NULL);
	CHECK(wf_rtable_num(t, 0, 3, &d) && d.m == 12345 && d.s == 1);
	CHECK(wf_rtable_highlighted(t, 1) && !wf_rtable_highlighted(t, 0));
	wf_rtable_force_decimal(t, 0); /* numeric: becomes decimal */
	wf_rtable_force_decimal(t, 1); /* text stays text */
	CHECK_INT(wf_rtable_coltype(t, 0), WF_RCOL_DEC);
	CHECK_INT(wf_rtable_coltype(t, 1), WF_RCOL_TEXT);
	wf_rtable_free(t);
	wf_rtable_free(NULL);
}

static wf_report *sample_report(void)
{
	wf_report *r = wf_report_new("Test <report>", "table");

	wf_report_source(r, "in.csv", 3);
	wf_report_table(r, sample());
	return r;
}

static void test_render_table(void)
{
	wf_report *r = sample_report();
	wf_render_opts o = WF_RENDER_OPTS_INIT;
	wf_strbuf b = WF_STRBUF_INIT;

	wf_render(r, WF_RENDER_TABLE, &o, &b);
	CHECK_STR(b.s,
		  "Test <report>\n"
		  "=============\n"
		  "Generated from in.csv (3 rows)\n"
		  "\n"
		  "Sample\n"
		  "  year  comune  name             value\n"
		  "  ----  ------  ------------  --------\n"
		  "  2019  001272  CANT\xc3\x99         1,234.50\n"
		  "* 2020  015146  a|b <script>     -7.00\n"
		  "  2021  015146  MILANO\n");
	wf_strbuf_reset(&b);
	o.locale_it = 1;
	o.decimals = 1;
	o.max_width = 5;
	wf_render(r, WF_RENDER_TABLE, &o, &b);
	CHECK(strstr(b.s, "  2019  0012\xe2\x80\xa6  CANT\xc3\x99  1.234,5\n") != NULL);
	CHECK(strstr(b.s, "* 2020  0151\xe2\x80\xa6  a|b \xe2\x80\xa6     -7,0\n") != NULL);
	wf_strbuf_release(&b);
	wf_report_free(r);
}

static void test_render_markdown(void)
{
	wf_report *r = sample_report();
	wf_strbuf b = WF_STRBUF_INIT;

	wf_render(r, WF_RENDER_MARKDOWN, NULL, &b);
	CHECK(strncmp(b.s, "# Test &lt;report&gt;\n\nGenerated from in.csv (3 rows)\n", 52) == 0);
	CHECK(strstr(b.s, "| year | comune | name | value |\n| ---: | --- | --- | ---: |\n") != NULL);
	CHECK(strstr(b.s, "| 2019 | 001272 | CANT\xc3\x99 | 1,234.50 |\n") != NULL);
	CHECK(strstr(b.s, "| **2020** | **015146** | **a\\|b &lt;script&gt;** | **-7.00** |\n") != NULL);
	CHECK(strstr(b.s, "| 2021 | 015146 | MILANO |  |\n") != NULL);
	wf_strbuf_release(&b);
	wf_report_free(r);
}

static void test_render_html_json(void)
{
	wf_report *r = sample_report();
	wf_strbuf b = WF_STRBUF_INIT;

	wf_report_note(r, "note & <b>");
	wf_report_card(r, "Card");
	wf_report_card_item(r, "value", "1234.5");
	wf_report_card_item(r, "flags", "zero");
	wf_render(r, WF_RENDER_HTML, NULL, &b);
	CHECK(strncmp(b.s, "<!DOCTYPE html>\n<html lang=\"en\">", 31) == 0);
	CHECK(strstr(b.s, "<script") == NULL);
	CHECK(strstr(b.s, "default-src 'none'") != NULL);
	CHECK(strstr(b.s, "<title>Test &lt;report&gt;</title>") != NULL);
	CHECK(strstr(b.s, "<td>a|b &lt;script&gt;</td>") != NULL);
	CHECK(strstr(b.s, "<tr class=\"flag\">") != NULL);
	CHECK(strstr(b.s, "<p class=\"note\">note &amp; &lt;b&gt;</p>") != NULL);
	CHECK(strstr(b.s, "<dt>value</dt><dd>1,234.50</dd>") != NULL);
	CHECK(strstr(b.s, " on ") == NULL); /* no date unless asked */
	CHECK(strstr(b.s, "://") == NULL); /* nothing to fetch */
	wf_strbuf_reset(&b);
	wf_report_date(r, "2026-11-27");
	wf_render(r, WF_RENDER_HTML, NULL, &b);
	CHECK(strstr(b.s, "(3 rows) on 2026-11-27</p>") != NULL);
	wf_strbuf_reset(&b);
	wf_render(r, WF_RENDER_JSON, NULL, &b);
	CHECK(strstr(b.s, "\"title\": \"Test <report>\"") != NULL);
	CHECK(strstr(b.s, "\"generated_from\": [{\"name\": \"in.csv\", \"rows\": 3}]") != NULL);
	CHECK(strstr(b.s, "\"date\": \"2026-11-27\"") != NULL);
	CHECK(strstr(b.s, "{\"label\": \"value\", \"value\": 1234.5}") != NULL);
	CHECK(strstr(b.s, "[2019, \"001272\", \"CANT\xc3\x99\", 1234.5]") != NULL);
	CHECK(strstr(b.s, "[2021, \"015146\", \"MILANO\", null]") != NULL);
	CHECK(strstr(b.s, "\"highlighted\": [1]") != NULL);
	CHECK(strstr(b.s, "{\"name\": \"comune\", \"type\": \"text\"}") != NULL);
	wf_strbuf_release(&b);
	wf_report_free(r);
	wf_report_free(NULL);
}

static wf_rtable *trend_input(int with_dup)
{
	static const char *const cols[] = { "year", "aggregate", "metric_total" };
	const char *rows[][3] = {
		{ "2002", "04", "30000000.00" }, { "2001", "04", "34000000.00" },
		{ "2001", "32", "1000000.50" }, { "2002", "32", "" }, { "2003", "32", "900000" },
	};
	wf_rtable *t = wf_rtable_new("", 3, cols);

	for (size_t i = 0; i < 5; i++)
		wf_rtable_add(t, rows[i], NULL);
	if (with_dup) {
		const char *d[] = { "2001", "04", "0.25" };
		wf_rtable_add(t, d, NULL);
	}
	return t;
}

static void test_kind_trend(void)
{
	wf_report_opts o;
	wf_report_err e;
	wf_report *r;
	wf_strbuf b = WF_STRBUF_INIT;
	const char *lab[] = { "04=Regions and local authorities" };

	memset(&o, 0, sizeof o);
	o.kind = WF_KIND_TREND;
	o.unit = "EUR";
	o.label = lab;
	o.nlabel = 1;
	r = wf_report_build(trend_input(1), &o, &e);
	CHECK(r != NULL);
	if (!r)
		return;
	wf_render(r, WF_RENDER_JSON, NULL, &b);
	CHECK(strstr(b.s, "\"x\": [\"2001\", \"2002\", \"2003\"]") != NULL);
	/* 34000000 + 0.25 summed exactly; the 2002 gap of group 32 is null. */
	CHECK(strstr(b.s, "{\"name\": \"Regions and local authorities\", \"values\": "
		     "[34000000.25, 30000000, null]}") != NULL);
	CHECK(strstr(b.s, "{\"name\": \"32\", \"values\": [1000000.5, null, 900000]}") != NULL);
	CHECK(strstr(b.s, "1 row shared a year and group with an earlier row; "
		     "the values of column 'metric_total' were summed.") != NULL);
	CHECK(strstr(b.s, "\"y_label\": \"metric_total (EUR)\"") != NULL);
	/* Change table: exact differences and a percentage. */
	CHECK(strstr(b.s, "[\"32\", 2001, 1000000.5, 2003, 900000, -100000.5, -10]") != NULL);
	wf_strbuf_release(&b);
	wf_report_free(r);

	/* Missing columns are named together. */
	o.value = "total";
	o.period = "anno";
	r = wf_report_build(trend_input(0), &o, &e);
	CHECK(r == NULL);
	CHECK_STR(e.msg, "missing columns 'anno', 'total' needed by --kind trend; "
		  "--period, --group and --value choose columns");
	CHECK_INT(e.row, -1);
	o.value = "aggregate";
	o.period = NULL;
	r = wf_report_build(trend_input(0), &o, &e);
	CHECK(r == NULL);
	CHECK_STR(e.msg, "'04' in column 'aggregate' is not a number");
	CHECK_INT(e.row, 0);
}

static void test_kind_empty_and_errors(void)
{
	static const char *const cols[] = { "year", "group", "metric_total" };
	static const char *const mcols[] = { "category", "assigned" };
	wf_report_opts o;
	wf_report_err e;
	wf_report *r;
	wf_strbuf b = WF_STRBUF_INIT;

	memset(&o, 0, sizeof o);
	o.kind = WF_KIND_TREND;
	r = wf_report_build(wf_rtable_new("", 3, cols), &o, &e);
	CHECK(r != NULL);
	wf_render(r, WF_RENDER_HTML, NULL, &b);
	CHECK(strstr(b.s, "No rows: the input has no data rows") != NULL);
	CHECK(strstr(b.s, "<svg") == NULL);
	wf_report_free(r);
	wf_strbuf_release(&b);

	o.kind = WF_KIND_BENCHMARK;
	o.institution = "C4308";
	r = wf_report_build(wf_rtable_new("", 3, cols), &o, &e);
	CHECK(r == NULL);
	CHECK_STR(e.msg, "missing columns 'institution', 'metric' needed by --kind benchmark; "
		  "it reads wf-benchmark output (not --summary)");

	o.kind = WF_KIND_MATCH;
	o.institution = NULL;
	r = wf_report_build(wf_rtable_new("", 3, cols), &o, &e);
	CHECK(r == NULL);
	CHECK_STR(e.msg, "missing columns 'category', 'assigned' needed by --kind match; "
		  "it reads wf-match output");
	r = wf_report_build(wf_rtable_new("", 2, mcols), &o, &e);
	CHECK(r != NULL);
	wf_report_free(r);
}

static void test_kind_benchmark(void)
{
	static const char *const cols[] = { "year", "institution", "region", "per_employee",
					    "peer_p25", "peer_median", "peer_p75", "flags" };
	const char *rows[][8] = {
		{ "2019", "C1", "03", "10", "12.5", "25", "37.5", "" },
		{ "2019", "C2", "03", "20", "12.5", "25", "37.5", "" },
		{ "2019", "C3", "03", "30", "12.5", "25", "37.5", "" },
		{ "2019", "C4", "03", "40", "12.5", "25", "37.5", "outlier" },
		{ "2019", "C9", "05", "99", "99", "99", "99", "small_peer_group" },
		{ "2018", "C1", "03", "8", "10", "20", "30", "first_year" },
	};
	wf_rtable *t = wf_rtable_new("", 8, cols);
	wf_report_opts o;
	wf_report_err e;
	wf_report *r;
	wf_strbuf b = WF_STRBUF_INIT;

	for (size_t i = 0; i < 6; i++)
		wf_rtable_add(t, rows[i], NULL);
	memset(&o, 0, sizeof o);
	o.kind = WF_KIND_BENCHMARK;
	o.institution = "C1";
	r = wf_report_build(t, &o, &e);
	CHECK(r != NULL);
	if (!r)
		return;
	wf_render(r, WF_RENDER_JSON, NULL, &b);
	/* Peers are region 03 in 2019 only: C9 (region 05) and 2018 are out. */
	CHECK(strstr(b.s, "\"values\": [10, 20, 30, 40], \"p25\": 12.5, \"median\": 25, "
		     "\"p75\": 37.5, \"marker\": {\"label\": \"C1\", \"value\": 10}") != NULL);
	CHECK(strstr(b.s, "\"heading\": \"C1, year 2019\"") != NULL);
	CHECK(strstr(b.s, "{\"label\": \"flags\", \"value\": \"none\"}") != NULL);
	CHECK(strstr(b.s, "{\"name\": \"C1\", \"values\": [8, 10]}") != NULL);
	CHECK(strstr(b.s, "{\"name\": \"peer median\", \"values\": [20, 25]}") != NULL);
	wf_strbuf_release(&b);
	wf_report_free(r);

	/* Without --institution: the latest year ranked, flagged rows marked. */
	t = wf_rtable_new("", 8, cols);
	for (size_t i = 0; i < 6; i++)
		wf_rtable_add(t, rows[i], NULL);
	o.institution = NULL;
	r = wf_report_build(t, &o, &e);
	CHECK(r != NULL);
	if (!r)
		return;
	wf_render(r, WF_RENDER_JSON, NULL, &b);
	CHECK(strstr(b.s, "[1, 2019, \"C9\", \"05\", 99, 99, \"small_peer_group\"]") != NULL);
	CHECK(strstr(b.s, "[5, 2019, \"C1\", \"03\", 10, 25, \"\"]") != NULL);
	CHECK(strstr(b.s, "\"highlighted\": [0, 1]") != NULL);
	CHECK(strstr(b.s, "5 institutions in year 2019 ranked by per_employee; 2 flagged.") != NULL);
	wf_strbuf_release(&b);
	wf_report_free(r);

	t = wf_rtable_new("", 8, cols);
	wf_rtable_add(t, rows[0], NULL);
	o.institution = "C4308";
	r = wf_report_build(t, &o, &e);
	CHECK(r == NULL);
	CHECK_STR(e.msg, "institution 'C4308' not found in column 'institution'");
}

static void test_kind_match(void)
{
	static const char *const cols[] = { "demand_id", "supply_id", "category", "assigned",
					    "unmet", "reason" };
	const char *rows[][6] = {
		{ "D1", "S1", "NIDO", "3", "1", "capacity exhausted" },
		{ "D2", "S2", "NIDO", "4", "0", "" },
		{ "D3", "", "SPORT", "0", "5", "no provider in range" },
		{ "D4", "S1", "SPORT", "5", "0", "" },
	};
	wf_rtable *t = wf_rtable_new("", 6, cols);
	wf_report_opts o;
	wf_report_err e;
	wf_report *r;
	wf_strbuf b = WF_STRBUF_INIT;

	for (size_t i = 0; i < 4; i++)
		wf_rtable_add(t, rows[i], NULL);
	memset(&o, 0, sizeof o);
	o.kind = WF_KIND_MATCH;
	r = wf_report_build(t, &o, &e);
	CHECK(r != NULL);
	if (!r)
		return;
	wf_render(r, WF_RENDER_JSON, NULL, &b);
	CHECK(strstr(b.s, "[\"NIDO\", 7, 1, 87.5]") != NULL);
	CHECK(strstr(b.s, "[\"SPORT\", 5, 5, 50]") != NULL);
	CHECK(strstr(b.s, "{\"name\": \"\", \"values\": [87.5, 50]}") != NULL);
	CHECK(strstr(b.s, "[\"S1\", 8, 2]") != NULL); /* busiest first */
	CHECK(strstr(b.s, "[\"no provider in range\", 5]") != NULL);
	CHECK(strstr(b.s, "\"Unmet needs (2)\"") != NULL);
	CHECK(strstr(b.s, "No map: it needs columns demand_lat and demand_lon") != NULL);
	wf_strbuf_release(&b);
	wf_report_free(r);
}

static void test_kind_profile(void)
{
	static const char *const cols[] = { "year", "institution", "region", "indicator", "value",
					    "peer_p25", "peer_median", "peer_p75", "pct_rank" };
	const char *rows[][9] = {
		{ "2022", "C1", "01", "telework_share", "20", "5", "10", "15", "83.33" },
		{ "2022", "C2", "01", "telework_share", "10", "5", "10", "15", "50" },
		{ "2022", "C3", "01", "telework_share", "0", "5", "10", "15", "16.67" },
		{ "2022", "C9", "02", "telework_share", "99", "", "", "", "" },
		{ "2022", "C1", "01", "women_share", "50", "35", "50", "55", "50" },
		{ "2021", "C1", "01", "women_share", "1", "1", "1", "1", "50" },
	};
	wf_rtable *t = wf_rtable_new("", 9, cols);
	wf_report_opts o;
	wf_report_err e;
	wf_report *r;
	wf_strbuf b = WF_STRBUF_INIT;

	for (size_t i = 0; i < 6; i++)
		wf_rtable_add(t, rows[i], NULL);
	memset(&o, 0, sizeof o);
	o.kind = WF_KIND_PROFILE;
	o.institution = "C1";
	r = wf_report_build(t, &o, &e);
	CHECK(r != NULL);
	if (!r)
		return;
	wf_render(r, WF_RENDER_JSON, NULL, &b);
	/* telework peers: region 01 in 2022 (C9 is region 02, 2021 is out) */
	CHECK(strstr(b.s, "\"values\": [20, 10, 0], \"p25\": 5, \"median\": 10, \"p75\": 15, "
		     "\"marker\": {\"label\": \"C1\", \"value\": 20}") != NULL);
	/* the text strip: 0..20 on 21 places; box 5..15 at 5..15, median 10, C1 at 20 */
	CHECK(strstr(b.s, "\"-----=====|=====----O\"") != NULL);
	CHECK(strstr(b.s, "\"Q4\"") != NULL);
	wf_strbuf_reset(&b);
	wf_render(r, WF_RENDER_HTML, NULL, &b);
	CHECK(strstr(b.s, "<section class=\"charts small\">") != NULL);
	CHECK(strstr(b.s, "<td class=\"tone4\">Q4</td>") != NULL);
	CHECK(strstr(b.s, "<td class=\"tone2\">Q2</td>") != NULL);
	wf_strbuf_release(&b);
	wf_report_free(r);

	/* a group: one row per institution, "Qn rank" per indicator */
	t = wf_rtable_new("", 9, cols);
	for (size_t i = 0; i < 6; i++)
		wf_rtable_add(t, rows[i], NULL);
	o.institution = NULL;
	r = wf_report_build(t, &o, &e);
	CHECK(r != NULL);
	if (!r)
		return;
	wf_render(r, WF_RENDER_JSON, NULL, &b);
	CHECK(strstr(b.s, "[\"C1\", \"Q4 83.33\", \"Q2 50\"]") != NULL);
	CHECK(strstr(b.s, "[\"C9\", null, null]") != NULL);
	wf_strbuf_reset(&b);
	wf_render(r, WF_RENDER_HTML, NULL, &b);
	CHECK(strstr(b.s, "<td class=\"tone1\">Q1 16.67</td>") != NULL);
	wf_strbuf_release(&b);
	wf_report_free(r);

	t = wf_rtable_new("", 9, cols);
	wf_rtable_add(t, rows[0], NULL);
	o.institution = "C4308";
	r = wf_report_build(t, &o, &e);
	CHECK(r == NULL);
	CHECK_STR(e.msg, "institution 'C4308' has no rows in year 2022");
}

/* A source over fixed rows, for streamed tables. */
struct fixed_rows {
	const char *const *const *rows;
	size_t n, i;
	int rewinds;
};

static int fixed_next(void *ctx, const char *const **cells)
{
	struct fixed_rows *f = ctx;

	if (f->i >= f->n)
		return 0;
	*cells = f->rows[f->i++];
	return 1;
}

static int fixed_rewind(void *ctx)
{
	struct fixed_rows *f = ctx;

	f->i = 0;
	f->rewinds++;
	return 0;
}

/* A streamed table renders as the same table held, in every format,
 * once given its counts; the aligned table reads it twice. */
static void test_streamed_table(void)
{
	static const char *const cols[] = { "year", "comune", "name", "value" };
	static const char *const r1[] = { "2019", "001272", "CANT\xc3\x99\x1b[2J", "1234.5" };
	static const char *const r2[] = { "2020", "015146", "a|b <script>", "-7" };
	static const char *const r3[] = { "2021", "015146", "MILANO", NULL };
	static const char *const *const rows[] = { r1, r2, r3 };
	struct fixed_rows f = { rows, 3, 0, 0 };
	wf_rsource src = { fixed_next, fixed_rewind, &f };
	wf_rtable *held = wf_rtable_new("Sample", 4, cols), *streamed = wf_rtable_new("Sample", 4, cols);
	wf_report *a = wf_report_new("T", "table"), *b = wf_report_new("T", "table");

	for (size_t i = 0; i < 3; i++)
		wf_rtable_add(held, rows[i], NULL);
	for (size_t c = 0; c < 4; c++) {
		wf_rcount k = { 0, 0, 0 };
		for (size_t i = 0; i < 3; i++)
			if (rows[i][c])
				wf_rcount_add(&k, rows[i][c], strlen(rows[i][c]));
		wf_rtable_set_count(streamed, c, &k);
	}
	wf_rtable_stream(streamed, &src);
	CHECK_INT(wf_rtable_nrows(streamed), 0); /* nothing held */
	CHECK_INT(wf_rtable_coltype(streamed, 0), WF_RCOL_INT);
	CHECK_INT(wf_rtable_coltype(streamed, 3), WF_RCOL_DEC);
	wf_report_table(a, held);
	wf_report_table(b, streamed);
	for (int fmt = WF_RENDER_TABLE; fmt <= WF_RENDER_JSON; fmt++) {
		wf_strbuf x = WF_STRBUF_INIT, y = WF_STRBUF_INIT;
		wf_render_opts o = WF_RENDER_OPTS_INIT;
		o.max_width = fmt == WF_RENDER_TABLE ? 8 : 0;
		f.rewinds = 0;
		wf_render(a, (enum wf_render_fmt)fmt, &o, &x);
		wf_render(b, (enum wf_render_fmt)fmt, &o, &y);
		CHECK_STR(y.s, x.s);
		CHECK_INT(f.rewinds, fmt == WF_RENDER_TABLE ? 2 : 1);
		wf_strbuf_release(&x);
		wf_strbuf_release(&y);
	}
	wf_report_free(a);
	wf_report_free(b);
}

/* The report of text built in memory (in = 0) or streamed (1). */
static char *report_of(const char *text, const wf_report_opts *ko, enum wf_render_fmt fmt,
		       int stream, const char **errmsg)
{
	static char msg[512];
	wf_run run;
	wf_rinput *in = wf_rinput_new();
	wf_render_stream *st = stream ? wf_render_stream_new(in, ko) : NULL;
	size_t n = strlen(text);
	char *copy = malloc(n + 1);
	wf_report_err err;
	wf_report *r;
	wf_render_opts ro = WF_RENDER_OPTS_INIT;
	wf_strbuf b = WF_STRBUF_INIT;

	memset(&run, 0, sizeof run);
	memcpy(copy, text, n + 1);
	CHECK_INT(wf_rinput_read_src(in, &run, wf_src_mem("in.csv", copy, n, 1)), 0);
	r = st ? wf_render_stream_report(st, &err) : wf_report_build(wf_rinput_table(in), ko, &err);
	*errmsg = NULL;
	if (r) {
		wf_report_source(r, "in.csv", wf_rinput_rows(in, 0));
		ro.locale_it = ko->point == ',';
		wf_render(r, fmt, &ro, &b);
	} else {
		snprintf(msg, sizeof msg, "%s", err.msg);
		*errmsg = msg;
	}
	wf_report_free(r);
	wf_render_stream_free(st);
	wf_rinput_free(in);
	return wf_strbuf_steal(&b);
}

/* Streamed and built in memory, the table kind says the same: --where
 * (and its note), --label on text cells only, --columns counting its
 * cells after --label, SYNTHETIC, no rows, errors. */
static void test_stream_same_as_memory(void)
{
	static const char csv[] =
		"year,region,name,v,provenance\n"
		"2019,01,\"Torino, \"\"Citt\xc3\xa0\"\"\",1.5,\n"
		"2019,02,a\x07" "b,2,SYNTHETIC x\n"
		"2020,01,x,,\n"
		"2021,12,3,-0.004,\n";
	static const char *const where1[] = { "v>1" }, *const where2[] = { "v>100" },
			  *const where3[] = { "nope=1" };
	static const char *const label1[] = { "x=3", "01=Piemonte", "year=anno" };
	struct { const char *const *where; size_t nwhere; const char *const *label; size_t nlabel;
		 const char *columns; char point; } cases[] = {
		{ NULL, 0, NULL, 0, NULL, '.' },
		{ where1, 1, NULL, 0, NULL, '.' },
		{ where2, 1, NULL, 0, NULL, ',' },
		{ where3, 1, NULL, 0, NULL, '.' },
		{ NULL, 0, label1, 3, NULL, '.' },
		{ NULL, 0, label1, 3, "name,anno,region", '.' },
		{ where1, 1, label1, 3, "v,name", ',' },
		{ NULL, 0, NULL, 0, "name,nope", '.' },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		for (int fmt = WF_RENDER_TABLE; fmt <= WF_RENDER_JSON; fmt++) {
			wf_report_opts ko;
			const char *e1, *e2;
			char *a, *b;
			memset(&ko, 0, sizeof ko);
			ko.where = cases[i].where;
			ko.nwhere = cases[i].nwhere;
			ko.label = cases[i].label;
			ko.nlabel = cases[i].nlabel;
			ko.columns = cases[i].columns;
			ko.point = cases[i].point;
			ko.group_sep = cases[i].point == ',' ? '.' : ',';
			CHECK(wf_render_stream_possible(&ko));
			a = report_of(csv, &ko, (enum wf_render_fmt)fmt, 0, &e1);
			e1 = e1 ? strdup(e1) : NULL;
			b = report_of(csv, &ko, (enum wf_render_fmt)fmt, 1, &e2);
			CHECK_STR(b ? b : "", a ? a : "");
			CHECK_STR(e2 ? e2 : "", e1 ? e1 : "");
			free((char *)e1);
			free(a);
			free(b);
		}
	{
		/* the figures themselves, once */
		wf_report_opts ko;
		const char *e;
		char *s;
		memset(&ko, 0, sizeof ko);
		ko.where = where1;
		ko.nwhere = 1;
		ko.label = label1;
		ko.nlabel = 3;
		ko.columns = "name,anno";
		s = report_of(csv, &ko, WF_RENDER_MARKDOWN, 1, &e);
		CHECK_STR(s, "# SYNTHETIC: Table\n\n"
			     "Generated from in.csv (4 rows)\n\n"
			     "2 of 4 rows match v&gt;1.\n\n"
			     "SYNTHETIC data: invented figures, not real RGS data.\n\n"
			     "| name | anno |\n| --- | ---: |\n"
			     "| Torino, \"Citt\xc3\xa0\" | 2019 |\n| a\\x07b | 2019 |\n");
		free(s);
		ko.sort = "v";
		CHECK(!wf_render_stream_possible(&ko));
	}
}

WF_TEST_MAIN(test_numbers, test_width_and_trunc, test_table_model, test_render_table,
	     test_render_markdown, test_render_html_json, test_kind_trend,
	     test_kind_empty_and_errors, test_kind_benchmark, test_kind_match, test_kind_profile,
	     test_streamed_table, test_stream_same_as_memory)
