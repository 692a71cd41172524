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

/* A table holding every row of a 2-D array of cells (rows[][ncols]). */
#define TABLE_OF(cols, rows) \
	table_of(cols, sizeof *(rows) / sizeof **(rows), &(rows)[0][0], \
		 sizeof(rows) / sizeof *(rows))

static wf_rtable *table_of(const char *const *cols, size_t ncols, const char *const *cells,
			   size_t nrows)
{
	wf_rtable *t = wf_rtable_new("", ncols, cols);

	for (size_t i = 0; i < nrows; i++)
		wf_rtable_add(t, cells + i * ncols, NULL);
	return t;
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

/* Past wf_dec's range yet written as a number: a number for the type
 * rule, and an error in a number column (wfkit(7) Numbers). */
static void test_numbers_out_of_range(void)
{
	static const struct { const char *s; int kind; } cells[] = {
		{ "9999999999999999999999999999", WF_DEC_OK },     /* 28 digits */
		{ "0.123456789", WF_DEC_OK },                      /* 9 decimals */
		{ "12345678901234567890123456789", WF_DEC_RANGE }, /* 29 digits */
		{ "-1234567890123456789012345678.5", WF_DEC_RANGE },
		{ "0.1234567891", WF_DEC_RANGE },                  /* 10 decimals */
		{ "12345678901234567890123456789x", WF_DEC_BAD },  /* text after */
		{ "0.1234567891e5", WF_DEC_BAD },
		{ "1.12345678901.5", WF_DEC_BAD },
		{ "00012345678901234567890123456789", WF_DEC_BAD }, /* a code */
		{ "1e400", WF_DEC_BAD },
	};
	static const char *const cols[] = { "year", "name", "v", "w" };
	wf_report_opts o;
	wf_report_err e;
	wf_rcount k = { 0 };
	wf_rtable *t;

	for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
		int got = wf_render_number_kind(cells[i].s, strlen(cells[i].s), NULL);
		if (got != cells[i].kind)
			fprintf(stderr, "cell '%s'\n", cells[i].s);
		CHECK_INT(got, cells[i].kind);
		wf_rcount_add(&k, cells[i].s, strlen(cells[i].s));
	}
	CHECK_INT(k.nonempty, 10);
	CHECK_INT(k.numeric, 5);
	CHECK_INT(k.range, 3);

	/* v would be a trend group were its long cell text */
	memset(&o, 0, sizeof o);
	o.kind = WF_KIND_TREND;
	o.period = "year";
	o.value = "w";
	t = wf_rtable_new("", 4, cols);
	wf_rtable_add(t, (const char *const[]){ "2019", "a", "5", "1" }, NULL);
	wf_rtable_add(t, (const char *const[]){ "2020", "b", "12345678901234567890123456789", "2" }, NULL);
	CHECK_INT(wf_rtable_coltype(t, 2), WF_RCOL_INT);
	CHECK(wf_rtable_col_out_of_range(t, 2));
	CHECK(!wf_rtable_col_out_of_range(t, 3));
	CHECK(wf_report_build(t, &o, &e) == NULL);
	CHECK_INT(e.row, 1);
	CHECK_STR(e.msg, "number out of range: '12345678901234567890123456789' in column 'v'");
	/* one textual cell: the column is text, shown as it is */
	t = wf_rtable_new("", 4, cols);
	wf_rtable_add(t, (const char *const[]){ "2019", "a", "n/a", "1" }, NULL);
	wf_rtable_add(t, (const char *const[]){ "2020", "b", "12345678901234567890123456789", "2" }, NULL);
	CHECK_INT(wf_rtable_coltype(t, 2), WF_RCOL_TEXT);
	CHECK(!wf_rtable_col_out_of_range(t, 2));
	o.kind = WF_KIND_TABLE;
	wf_report_free(wf_report_build(t, &o, &e));
	CHECK_STR(e.msg, "");
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
	CHECK(wf_rtable_num(t, 0, 3, &d) && wf_dec_mant(d) == 12345 && d.s == 1);
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
	wf_rtable *t = TABLE_OF(cols, rows);

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
	wf_rtable *t;
	wf_report_opts o;
	wf_report_err e;
	wf_report *r;
	wf_strbuf b = WF_STRBUF_INIT;

	memset(&o, 0, sizeof o);
	o.kind = WF_KIND_BENCHMARK;
	o.institution = "C1";
	r = wf_report_build(TABLE_OF(cols, rows), &o, &e);
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
	o.institution = NULL;
	r = wf_report_build(TABLE_OF(cols, rows), &o, &e);
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

/* A report built from rows given as one CSV-like string per row
 * (commas split cells; no quoting). */
static wf_report *build_rows(const wf_report_opts *o, wf_report_err *e, const char *head,
			     const char *const *rows)
{
	char hb[512], rb[512];
	const char *names[32], *vals[32];
	size_t n = 0;
	wf_rtable *t;

	snprintf(hb, sizeof hb, "%s", head);
	for (char *p = strtok(hb, ","); p && n < 32; p = strtok(NULL, ","))
		names[n++] = p;
	t = wf_rtable_new("", n, names);
	for (; *rows; rows++) {
		size_t k = 0;
		char *p = rb;
		snprintf(rb, sizeof rb, "%s", *rows);
		while (k < n) {
			char *c = strchr(p, ',');
			vals[k++] = p;
			if (!c)
				break;
			*c = '\0';
			p = c + 1;
		}
		while (k < n)
			vals[k++] = NULL;
		wf_rtable_add(t, vals, NULL);
	}
	return wf_report_build(t, o, e);
}

static const char *render_json(wf_report *r, wf_strbuf *b)
{
	wf_strbuf_reset(b);
	wf_render(r, WF_RENDER_JSON, NULL, b);
	return wf_strbuf_str(b);
}

/* --kind benchmark beyond test_kind_benchmark: peer groups from the
 * provenance (size_class included, region passed through is no peer
 * column), --value and --group, a name matching many institutions, an
 * institution without a value, every row filtered out, an Italian card. */
static void test_kind_benchmark_more(void)
{
	static const char head[] =
		"year,institution,institution_name,region,size_class,metric,per_employee,peer_p25,"
		"peer_median,peer_p75,flags,provenance";
	const char *prov = "metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=1-9,10-;min_peers=1;codes=";
	char rows_buf[14][200];
	const char *rows[15];
	wf_report_opts o;
	wf_report_err e;
	wf_report *r;
	wf_strbuf b = WF_STRBUF_INIT;

	/* 12 comuni of one region: C00..C05 in class 1-9, C06..C11 in 10- */
	for (int i = 0; i < 12; i++) {
		snprintf(rows_buf[i], sizeof rows_buf[i], "2019,C%02d,COMUNE %02d,01,%s,%d,%d.50,1,2,3,%s,%s",
			 i, i, i < 6 ? "1-9" : "10-", i * 10, i, i == 3 ? "outlier|zero" : "", prov);
		rows[i] = rows_buf[i];
	}
	/* C12: no per-employee value in 2019 */
	snprintf(rows_buf[12], sizeof rows_buf[12], "2019,C12,ALTRO,02,1-9,5,,,,,no_denominator,%s", prov);
	rows[12] = rows_buf[12];
	rows[13] = NULL;
	memset(&o, 0, sizeof o);
	o.kind = WF_KIND_BENCHMARK;

	o.institution = "C03";
	r = build_rows(&o, &e, head, rows);
	CHECK(r != NULL);
	if (r) {
		/* six values in C03's group (size class 1-9; C12 has none), region not a peer column */
		CHECK(strstr(render_json(r, &b), "\"caption\": \"6 peer values; box: 25th to 75th "
			     "percentile and median. Peer group: size_class=1-9\"") != NULL);
		wf_report_free(r);
	}
	o.lang = WF_LANG_IT;
	r = build_rows(&o, &e, head, rows);
	CHECK(r != NULL);
	if (r) {
		wf_strbuf_reset(&b);
		wf_render(r, WF_RENDER_TABLE, &(wf_render_opts){ 2, 1, 0, WF_LANG_IT }, &b);
		CHECK(strstr(b.s, "anomalo, spesa zero") != NULL);
		wf_report_free(r);
	}
	o.lang = WF_LANG_EN;

	/* a part of the name that fits twelve bodies: ten named, then the count */
	o.institution = "comune";
	CHECK(build_rows(&o, &e, head, rows) == NULL);
	CHECK_STR(e.msg, "institution 'comune' matches 12 institutions (give the key): C00 COMUNE 00, "
		  "C01 COMUNE 01, C02 COMUNE 02, C03 COMUNE 03, C04 COMUNE 04, C05 COMUNE 05, C06 COMUNE 06, "
		  "C07 COMUNE 07, C08 COMUNE 08, C09 COMUNE 09, and 2 more");
	o.institution = "nessuno";
	CHECK(build_rows(&o, &e, head, rows) == NULL);
	CHECK_STR(e.msg, "institution 'nessuno' not found in column 'institution' nor in a name");

	/* no value of its own: no marker, and a note; alone in region 02 by --group */
	o.institution = "c12"; /* the key in any case */
	o.group = "region";
	r = build_rows(&o, &e, head, rows);
	CHECK(r != NULL);
	if (r) {
		render_json(r, &b);
		CHECK(strstr(b.s, "The institution has no value in its latest period (see flags), so "
			     "the distribution has no marker.") != NULL);
		CHECK(strstr(b.s, "\"caption\": \"0 peer values; box: 25th to 75th percentile and "
			     "median. Peer group: region=02\"") != NULL);
		wf_report_free(r);
	}
	/* --value metric: C12's 5 is a value, so it has one peer, itself */
	o.value = "metric";
	r = build_rows(&o, &e, head, rows);
	CHECK(r != NULL);
	if (r) {
		CHECK(strstr(render_json(r, &b), "\"caption\": \"1 peer value; box:") != NULL);
		CHECK(strstr(b.s, "\"marker\": {\"label\": \"C12\", \"value\": 5}") != NULL);
		wf_report_free(r);
	}
	o.value = NULL;
	o.group = NULL;

	/* every row filtered out: a report that says so, naming the body */
	{
		const char *w[] = { "region=09" };
		o.where = w;
		o.nwhere = 1;
		o.institution = "C01";
		r = build_rows(&o, &e, head, rows);
		CHECK(r != NULL);
		if (r) {
			CHECK(strstr(render_json(r, &b), "Institution 'C01' cannot be shown: the input has no rows.") != NULL);
			wf_report_free(r);
		}
		o.where = NULL;
		o.nwhere = 0;
	}

	/* a ranked table: equal values by key, missing ones last */
	o.institution = NULL;
	{
		const char *tie[] = {
			"2019,B,,,,,7,,,,,", "2019,A,,,,,7,,,,,", "2019,C,,,,,,,,,,", "2019,D,,,,,9,,,,,", NULL
		};
		r = build_rows(&o, &e, head, tie);
		CHECK(r != NULL);
		if (r) {
			render_json(r, &b);
			CHECK(strstr(b.s, "\"D\"") < strstr(b.s, "\"A\""));
			CHECK(strstr(b.s, "\"A\"") < strstr(b.s, "\"B\""));
			CHECK(strstr(b.s, "\"B\"") < strstr(b.s, "\"C\""));
			wf_report_free(r);
		}
	}
	/* a value that is not a number names its row */
	{
		const char *bad[] = { "2019,A,,,,,7,,,,,", "2019,B,,,,,7x,,,,,", NULL };
		CHECK(build_rows(&o, &e, head, bad) == NULL);
		CHECK_INT(e.row, 1);
		CHECK(strstr(e.msg, "'7x'") != NULL);
	}
	wf_strbuf_release(&b);
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
	wf_report_opts o;
	wf_report_err e;
	wf_report *r;
	wf_strbuf b = WF_STRBUF_INIT;

	memset(&o, 0, sizeof o);
	o.kind = WF_KIND_MATCH;
	r = wf_report_build(TABLE_OF(cols, rows), &o, &e);
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

/* --kind match beyond test_kind_match: sums that overflow (by need and
 * offer category, category, provider, reason), the map with bad, empty
 * and one-sided coordinates, --top, --unit, filtered rows. */
static void test_kind_match_more(void)
{
	static const char head[] = "demand_id,supply_id,supply_name,demand_category,category,fit,"
				   "assigned,unmet,reason,status,demand_lat,demand_lon";
	static const char big[] = "1111111111111111111111111111"; /* 28 digits: nine fit */
	/* which rows make which sum overflow at the tenth: the pair, the
	 * category (pairs differ), the provider (categories differ), the
	 * category's unmet, the reason's unmet (categories differ) */
	static const char *const shape[] = {
		"D,S1,,NIDO,NIDO,1.0,%s,0,,assigned,,",
		"D,S%d,,NIDO,C%d,,%s,0,,assigned,,",
		"D,S1,,C%d,C%d,,%s,0,,assigned,,",
		"D,,,NIDO,NIDO,,0,%s,full,unmet,,",
		"D,,,C%d,C%d,,0,%s,full,unmet,,",
	};
	char buf[10][200];
	const char *rows[11];
	wf_report_opts o;
	wf_report_err e;
	wf_report *r;
	wf_strbuf b = WF_STRBUF_INIT;

	memset(&o, 0, sizeof o);
	o.kind = WF_KIND_MATCH;
	for (size_t k = 0; k < sizeof shape / sizeof *shape; k++) {
		for (int i = 0; i < 10; i++) {
			if (k == 0 || k == 3)
				snprintf(buf[i], sizeof buf[i], shape[k], big);
			else if (k == 1)
				snprintf(buf[i], sizeof buf[i], shape[k], i, i, big);
			else
				snprintf(buf[i], sizeof buf[i], shape[k], i, i, big);
			rows[i] = buf[i];
		}
		rows[10] = NULL;
		CHECK(build_rows(&o, &e, head, rows) == NULL);
		CHECK_STR(e.msg, k < 3 ? "sum of column 'assigned' overflows" : "sum of column 'unmet' overflows");
		CHECK_INT(e.row, 9);
	}

	/* a latitude that is not a number stops the report at its row */
	{
		const char *bad[] = { "D1,S1,BAR,NIDO,NIDO,,1,0,,assigned,44.5,8.2",
				      "D2,S1,BAR,NIDO,NIDO,,1,0,,assigned,44x,8.2", NULL };
		CHECK(build_rows(&o, &e, head, bad) == NULL);
		CHECK_INT(e.row, 1);
		CHECK(strstr(e.msg, "'44x'") != NULL);
	}
	/* demand places only, one without coordinates; D1's two rows are one
	 * symbol of 1 + 2 + 1 units; served_by names the fit when given */
	{
		const char *ok[] = { "D1,S1,BAR,NIDO,NIDO,0.5000,1,0,,assigned,44.5,8.2",
				     "D1,S2,CAF\xc3\x89,NIDO,CAMPS,,2,1,full,assigned,44.5,8.2",
				     "D2,S2,CAF\xc3\x89,SPORT,SPORT,,3,0,,assigned,,",
				     "D3,S3,PUB,SPORT,SPORT,,4,0,,candidate,45.0,9.0", NULL };
		const char *w[] = { "demand_id!=D9" };
		o.top = 2;
		o.unit = "vouchers";
		o.where = w;
		o.nwhere = 1;
		r = build_rows(&o, &e, head, ok);
		CHECK(r != NULL);
		if (r) {
			render_json(r, &b);
			CHECK(strstr(b.s, "[\"NIDO\", 3, 1, 75, \"CAMPS 2, NIDO 1 (fit 0.5000)\"]") != NULL);
			CHECK(strstr(b.s, "\"Busiest providers (top 2 of 3)\"") != NULL);
			CHECK(strstr(b.s, "[\"S3\", \"PUB\", 4, 1]") != NULL);
			CHECK(strstr(b.s, "vouchers") != NULL);
			CHECK(strstr(b.s, "{\"lon\": 8.2, \"lat\": 44.5, \"label\": \"D1\", \"size\": 4}") != NULL);
			CHECK(strstr(b.s, "\"label\": \"D2\"") == NULL); /* no coordinates */
			wf_report_free(r);
		}
		o.where = NULL;
		o.nwhere = 0;
	}
	/* supply places without ids: one symbol a row */
	{
		const char *ok[] = { "S1,NIDO,1,44.5,8.2", "S1,NIDO,2,44.6,8.3", NULL };
		o.top = 0;
		o.unit = NULL;
		r = build_rows(&o, &e, "supply_name,category,assigned,supply_lat,supply_lon", ok);
		CHECK(r != NULL);
		if (r) {
			render_json(r, &b);
			CHECK(strstr(b.s, "{\"lon\": 8.2, \"lat\": 44.5, \"label\": \"\"") != NULL);
			CHECK(strstr(b.s, "{\"lon\": 8.3, \"lat\": 44.6, \"label\": \"\"") != NULL);
			wf_report_free(r);
		}
	}
	wf_strbuf_release(&b);
}

/* --where as parsed and matched: every operator, empty cells, numbers
 * compared as numbers (region=1 matches 01), text by bytes. */
static void test_where(void)
{
	static const struct { const char *spec; size_t len; int op; const char *val; } ok[] = {
		{ "a=1", 1, WF_WHERE_EQ, "1" }, { "ab!=x", 2, WF_WHERE_NE, "x" },
		{ "a<2", 1, WF_WHERE_LT, "2" }, { "a<=2", 1, WF_WHERE_LE, "2" },
		{ "a>2", 1, WF_WHERE_GT, "2" }, { "a>=", 1, WF_WHERE_GE, "" },
		{ "name~MIL", 4, WF_WHERE_HAS, "MIL" },
	};
	static const char *const bad[] = { "=1", "a", "a!1", "", "~x" };
	size_t len;
	enum wf_where_op op;
	const char *val;

	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		CHECK_INT(wf_report_where_parse(ok[i].spec, &len, &op, &val), 0);
		CHECK_INT(len, ok[i].len);
		CHECK_INT(op, ok[i].op);
		CHECK_STR(val, ok[i].val);
	}
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		CHECK_INT(wf_report_where_parse(bad[i], &len, &op, &val), -1);
	/* an empty cell matches only != something and ~ anything empty */
	CHECK_INT(wf_report_where_match("", WF_WHERE_EQ, ""), 1);
	CHECK_INT(wf_report_where_match("", WF_WHERE_EQ, "x"), 0);
	CHECK_INT(wf_report_where_match("", WF_WHERE_NE, ""), 0);
	CHECK_INT(wf_report_where_match("", WF_WHERE_NE, "x"), 1);
	CHECK_INT(wf_report_where_match("", WF_WHERE_LT, "x"), 0);
	CHECK_INT(wf_report_where_match("", WF_WHERE_HAS, ""), 1);
	/* numbers as numbers, text by bytes */
	CHECK_INT(wf_report_where_match("01", WF_WHERE_EQ, "1"), 1);
	CHECK_INT(wf_report_where_match("10", WF_WHERE_GT, "9"), 1);
	CHECK_INT(wf_report_where_match("10", WF_WHERE_LT, "9"), 0);
	CHECK_INT(wf_report_where_match("10a", WF_WHERE_LT, "9"), 1); /* "10a" < "9" as text */
	CHECK_INT(wf_report_where_match("b", WF_WHERE_GE, "b"), 1);
	CHECK_INT(wf_report_where_match("a", WF_WHERE_LE, "b"), 1);
	CHECK_INT(wf_report_where_match("a", WF_WHERE_NE, "a"), 0);
	CHECK_INT(wf_report_where_match("COMUNE DI MILANO", WF_WHERE_HAS, "milano"), 1);
	CHECK_INT(wf_report_where_match("MILAN", WF_WHERE_HAS, "milano"), 0);
}

/* --kind trend beyond test_kind_trend: an empty period, a sum that
 * overflows, one summed row, regions as a map with --value and
 * --period, a group silent in the last period. */
static void test_kind_trend_more(void)
{
	wf_report_opts o;
	wf_report_err e;
	wf_report *r;
	wf_strbuf b = WF_STRBUF_INIT;

	memset(&o, 0, sizeof o);
	o.kind = WF_KIND_TREND;
	{
		const char *rows[] = { "2019,A,1", ",A,2", NULL };
		CHECK(build_rows(&o, &e, "year,group,metric_total", rows) == NULL);
		CHECK_STR(e.msg, "empty value in column 'year'");
		CHECK_INT(e.row, 1);
	}
	{
		const char *rows[11];
		for (int i = 0; i < 10; i++)
			rows[i] = "2019,A,1111111111111111111111111111";
		rows[10] = NULL;
		CHECK(build_rows(&o, &e, "year,group,metric_total", rows) == NULL);
		CHECK_STR(e.msg, "sum of column 'metric_total' overflows");
		CHECK_INT(e.row, 9);
	}
	{
		/* 01 in both periods, 03 only in the first: the map is of the
		 * last period, where 03 has no value; two rows of 01 in 2020 */
		const char *rows[] = { "2019,01,5", "2019,03,7", "2020,01,6", "2020,01,1", NULL };
		o.value = "spend";
		o.period = "anno";
		r = build_rows(&o, &e, "anno,region,spend", rows);
		CHECK(r != NULL);
		if (r) {
			render_json(r, &b);
			CHECK(strstr(b.s, "1 row shared a anno and group with an earlier row; the values of "
				     "column 'spend' were summed.") != NULL);
			CHECK(strstr(b.s, "\"title\": \"spend by region, anno 2020\"") != NULL);
			CHECK(strstr(b.s, "\"regions\": [{\"region\": \"01\", \"value\": 7}]") != NULL);
			wf_report_free(r);
		}
		o.value = o.period = NULL;
	}
	{
		/* the change table: -10 to -5 is +5, +50 % (of the first
		 * value's size, as wf-benchmark's change_pct); a change past
		 * 28 digits is empty, its percentage too; from 0 no percentage;
		 * a tiny fall reads 0.0, never -0.0; the 28-digit sums are
		 * numbers like the others (JSON numbers, every digit) */
		const char *rows[16];
		size_t n = 0;
		for (int i = 0; i < 6; i++)
			rows[n++] = "2019,A,-1111111111111111111111111111";
		for (int i = 0; i < 6; i++)
			rows[n++] = "2020,A,1111111111111111111111111111";
		rows[n++] = "2019,B,-10";
		rows[n++] = "2020,B,-5";
		rows[n++] = "2019,C,0";
		rows[n] = NULL;
		r = build_rows(&o, &e, "year,group,metric_total", rows);
		CHECK(r != NULL);
		if (r) {
			render_json(r, &b);
			CHECK(strstr(b.s, "[\"A\", 2019, -6666666666666666666666666666, 2020, 6666666666666666666666666666, null, null]") != NULL);
			CHECK(strstr(b.s, "[\"B\", 2019, -10, 2020, -5, 5, 50]") != NULL);
			CHECK(strstr(b.s, "[\"C\", 2019, 0, 2019, 0, 0, null]") != NULL);
			wf_report_free(r);
		}
		const char *fall[] = { "2019,D,100000", "2020,D,99999.99", NULL };
		r = build_rows(&o, &e, "year,group,metric_total", fall);
		CHECK(r != NULL);
		if (r) {
			CHECK(strstr(render_json(r, &b), "[\"D\", 2019, 100000, 2020, 99999.99, -0.01, 0]") != NULL);
			wf_report_free(r);
		}
	}
	wf_strbuf_release(&b);
}

/* --kind profile beyond test_kind_profile: --group, a rank that is not
 * a number, one institution in the latest period shown alone. */
static void test_kind_profile_more(void)
{
	static const char head[] = "year,institution,institution_type,region,indicator,value,pct_rank";
	wf_report_opts o;
	wf_report_err e;
	wf_report *r;
	wf_strbuf b = WF_STRBUF_INIT;

	memset(&o, 0, sizeof o);
	o.kind = WF_KIND_PROFILE;
	{
		const char *rows[] = { "2022,C1,C,01,women_share,50,50", "2022,C2,C,01,women_share,40,x", NULL };
		CHECK(build_rows(&o, &e, head, rows) == NULL);
		CHECK_STR(e.msg, "'x' in column 'pct_rank' is not a number");
		CHECK_INT(e.row, 1);
	}
	{
		/* C2 only in 2021: the latest year (2022) has C1 alone, so its
		 * row of small charts is drawn without --institution */
		const char *rows[] = { "2022,C1,C,01,women_share,50,50", "2021,C2,C,01,women_share,40,25", NULL };
		o.group = "region";
		r = build_rows(&o, &e, head, rows);
		CHECK(r != NULL);
		if (r) {
			render_json(r, &b);
			CHECK(strstr(b.s, "\"heading\": \"C1\"") != NULL);
			CHECK(strstr(b.s, "C2") == NULL);
			wf_report_free(r);
		}
	}
	{
		/* one institution's strip: no value, no marker and no strip; no
		 * rank, no quartile; a box with a missing median is no box; a
		 * box outside the peers' range is cut to the strip (a peer
		 * range of one value puts it at the start) */
		static const char h2[] = "year,institution,indicator,unit,value,pct_rank,peer_p25,peer_median,peer_p75";
		const char *rows[] = {
			"2022,C1,women_share,% of staff,,50,1,2,3",
			"2022,C1,telework_share,% of staff,10,,5,,15",
			"2022,C1,training_days_per_employee,days,4,90,-100,4,100",
			"2022,C2,women_share,% of staff,40,50,1,2,3", NULL
		};
		o.group = NULL;
		o.institution = "C1";
		r = build_rows(&o, &e, h2, rows);
		CHECK(r != NULL);
		if (r) {
			render_json(r, &b);
			CHECK(strstr(b.s, "[\"women_share\", \"% of staff\", null, null, 2, 50, \"Q2\", \"\"]") != NULL);
			CHECK(strstr(b.s, "[\"telework_share\", \"% of staff\", 10, null, null, null, \"\", \"O--------------------\"]") != NULL);
			CHECK(strstr(b.s, "[\"training_days_per_employee\", \"days\", 4, null, 4, 90, \"Q4\", \"O====================\"]") != NULL);
			wf_report_free(r);
		}
		o.institution = NULL;
	}
	{
		/* --period, --value and --title name other columns and the title */
		const char *rows[] = { "2022,C1,women_share,50,50", "2022,C2,women_share,40,25", NULL };
		o.period = "anno";
		o.value = "valore";
		o.title = "Profilo";
		r = build_rows(&o, &e, "anno,institution,indicator,valore,pct_rank", rows);
		CHECK(r != NULL);
		if (r) {
			CHECK_STR(wf_report_title(r), "Profilo");
			CHECK(strstr(render_json(r, &b), "[\"C2\", \"Q1 25\"]") != NULL);
			wf_report_free(r);
		}
		o.period = o.value = o.title = NULL;
	}
	wf_strbuf_release(&b);
}

/* wf_report_build's own options on any kind: --sort with :asc and
 * :desc, --where on an input that has no rows, a title that says
 * SYNTHETIC already, a zero-byte input with a title, and filters or
 * labels not of the documented form (the CLI refuses them first) left
 * aside. */
static void test_build_options(void)
{
	wf_report_opts o;
	wf_report_err e;
	wf_report *r;
	wf_strbuf b = WF_STRBUF_INIT;
	const char *rows[] = { "b:x,2,note", "a:x,10,SYNTHETIC data", "c:x,1,", NULL };
	const char *w[] = { "value>1", "nonsense" };
	const char *l[] = { "nolabel", "a:x=Alpha" };

	memset(&o, 0, sizeof o);
	o.sort = "value:asc";
	o.where = w;
	o.nwhere = 2;
	o.label = l;
	o.nlabel = 2;
	o.title = "SYNTHETIC: mine";
	o.group_sep = '.';
	r = build_rows(&o, &e, "name,value,provenance", rows);
	CHECK(r != NULL);
	if (r) {
		render_json(r, &b);
		/* value > 1 keeps two rows of three, sorted up; the title is not
		 * prefixed again; the note still says SYNTHETIC */
		CHECK(strstr(b.s, "\"title\": \"SYNTHETIC: mine\"") != NULL);
		CHECK(strstr(b.s, "[\"b:x\", 2, \"note\"],\n  [\"Alpha\", 10, \"SYNTHETIC data\"]") != NULL);
		CHECK(strstr(b.s, "\"2 of 3 rows match value>1.\"") != NULL); /* "nonsense" left aside */
		wf_report_free(r);
	}
	/* the column name of --sort may hold a colon */
	o.sort = "name:x:desc";
	CHECK(build_rows(&o, &e, "name,value,provenance", rows) == NULL);
	CHECK_STR(e.msg, "no column 'name:x' for --sort in the table drawn");
	o.sort = NULL;
	o.title = "Dati SINTETICI";
	o.nlabel = 0;
	r = build_rows(&o, &e, "name,value,provenance", rows);
	CHECK(r != NULL);
	if (r) {
		CHECK(strstr(render_json(r, &b), "\"title\": \"Dati SINTETICI\"") != NULL);
		wf_report_free(r);
	}
	/* --where on a header without rows: no "kept" note */
	o.nwhere = 1;
	o.title = NULL;
	{
		const char *none[] = { NULL };
		r = build_rows(&o, &e, "name,value", none);
		CHECK(r != NULL);
		if (r) {
			CHECK(strstr(render_json(r, &b), "rows match") == NULL);
			CHECK(strstr(b.s, "No rows") != NULL);
			wf_report_free(r);
		}
	}
	/* zero bytes in, with a title of one's own, for each kind */
	o.nwhere = 0;
	o.title = "Mine";
	for (int k = WF_KIND_TABLE; k <= WF_KIND_PROFILE; k++) {
		o.kind = (enum wf_report_kind)k;
		r = wf_report_build(wf_rtable_new("", 0, NULL), &o, &e);
		CHECK(r != NULL);
		if (r) {
			CHECK_STR(wf_report_title(r), "Mine");
			wf_report_free(r);
		}
	}
	wf_strbuf_release(&b);
}

/* Numbers by the table rule, lengths given, sorting with empty cells,
 * decimals out of 0..9, two cards, a report without tables. */
static void test_render_corners(void)
{
	static const struct { const char *s; int num; } nums[] = {
		{ "+5", 1 }, { "-0", 1 }, { "0.5", 1 }, { "-0.5", 1 }, { "10", 1 },
		{ "-05", 0 }, { "007", 0 }, { ".5", 0 }, { "5 ", 0 }, { " 5", 0 }, { "", 0 },
		{ "1e3", 0 }, { "1,5", 0 }, { "+", 0 },
	};
	static const char *const cols[] = { "name", "value" };
	const char *rows[][2] = { { "b", "2" }, { "", "10" }, { "a", NULL }, { "c", "" } };
	const size_t lens[] = { 1, 1 };
	wf_rtable *t = wf_rtable_new("", 2, cols);
	wf_render_opts o = WF_RENDER_OPTS_INIT;
	wf_strbuf b = WF_STRBUF_INIT;
	wf_report *r;

	for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
		if (wf_render_is_number(nums[i].s, strlen(nums[i].s), NULL) != nums[i].num)
			fprintf(stderr, "number rule: '%s'\n", nums[i].s);
		CHECK_INT(wf_render_is_number(nums[i].s, strlen(nums[i].s), NULL), nums[i].num);
	}
	/* the lengths say how much of each value is the cell */
	wf_rtable_add(t, (const char *[]){ "xyz", "123" }, lens);
	CHECK_STR(wf_rtable_cell(t, 0, 0), "x");
	CHECK_STR(wf_rtable_cell(t, 0, 1), "1");
	for (size_t i = 0; i < 4; i++)
		wf_rtable_add(t, rows[i], NULL);
	/* text descending: c b a x, empty and missing last in input order */
	wf_rtable_sort(t, 0, 1);
	CHECK_STR(wf_rtable_cell(t, 0, 0), "x");
	CHECK_STR(wf_rtable_cell(t, 1, 0), "c");
	CHECK_STR(wf_rtable_cell(t, 3, 0), "a");
	CHECK_STR(wf_rtable_cell(t, 4, 0), "");
	/* numbers descending: 10 2 1, then the empty and the missing cell */
	wf_rtable_sort(t, 1, 1);
	CHECK_STR(wf_rtable_cell(t, 0, 1), "10");
	CHECK_STR(wf_rtable_cell(t, 1, 1), "2");
	CHECK_STR(wf_rtable_cell(t, 2, 1), "1");
	CHECK_STR(wf_rtable_cell(t, 3, 1), "");
	CHECK(wf_rtable_cell(t, 4, 1) == NULL);

	r = wf_report_new("T", "table");
	wf_report_card(r, "one");
	wf_report_card_item(r, "a", "1.5");
	wf_report_card(r, "two");
	wf_report_card_item(r, "b", "x");
	/* no table: neither a tables section in HTML nor a table in text */
	wf_render(r, WF_RENDER_HTML, &o, &b);
	CHECK(strstr(b.s, "<section class=\"tables\">") == NULL);
	wf_strbuf_reset(&b);
	wf_render(r, WF_RENDER_JSON, &o, &b);
	CHECK(strstr(b.s, "\"cards\": [\n{\"heading\": \"one\", \"items\": [{\"label\": \"a\", \"value\": 1.5}]},\n"
		     "{\"heading\": \"two\", \"items\": [{\"label\": \"b\", \"value\": \"x\"}]}]") != NULL);
	/* an unknown format appends nothing */
	wf_strbuf_reset(&b);
	wf_render(r, (enum wf_render_fmt)99, &o, &b);
	CHECK_INT(b.len, 0);
	wf_report_table(r, t);
	/* decimals are held to 0..9 */
	o.decimals = -2;
	wf_render(r, WF_RENDER_TABLE, &o, &b);
	CHECK(strstr(b.s, "\n  a: 2\n") != NULL); /* 1.5 rounded half away from zero */
	wf_strbuf_reset(&b);
	o.decimals = 15;
	wf_render(r, WF_RENDER_TABLE, &o, &b);
	CHECK(strstr(b.s, "\n  a: 1.500000000\n") != NULL);
	wf_strbuf_release(&b);
	wf_report_free(r);
}

/* Rows left out by --where never count (match: every sum and the
 * status note), and benchmark places drawn only where a row has both
 * coordinates, named by the key when the name is empty. */
static void test_kinds_filtered(void)
{
	wf_report_opts o;
	wf_report_err e;
	wf_report *r;
	wf_strbuf b = WF_STRBUF_INIT;
	const char *w[] = { "category=NIDO" };

	memset(&o, 0, sizeof o);
	o.kind = WF_KIND_MATCH;
	o.where = w;
	o.nwhere = 1;
	{
		/* the SPORT row's assigned is not even a number: it is never read */
		const char *rows[] = { "D1,S1,NIDO,3,0,assigned,44.5,8.2",
				       "D2,S2,SPORT,x,1,candidate,44.6,8.3", NULL };
		r = build_rows(&o, &e, "demand_id,supply_id,category,assigned,unmet,status,demand_lat,demand_lon", rows);
		CHECK(r != NULL);
		if (r) {
			render_json(r, &b);
			CHECK(strstr(b.s, "[\"NIDO\", 3, 0, 100]") != NULL);
			CHECK(strstr(b.s, "SPORT") == NULL);
			CHECK(strstr(b.s, "candidate offers") == NULL);
			CHECK(strstr(b.s, "\"label\": \"D2\"") == NULL);
			wf_report_free(r);
		}
	}
	o.kind = WF_KIND_BENCHMARK;
	o.nwhere = 0;
	{
		/* C2 has no latitude, C3 no value: one place, C1, by its key */
		const char *rows[] = { "2019,C1,,10,44.5,8.2", "2019,C2,B,20,,8.3", "2019,C3,C,,45.0,9.0", NULL };
		r = build_rows(&o, &e, "year,institution,institution_name,metric,lat,lon", rows);
		CHECK(r != NULL);
		if (r) {
			render_json(r, &b);
			CHECK(strstr(b.s, "{\"lon\": 8.2, \"lat\": 44.5, \"label\": \"C1\", \"size\": 10}") != NULL);
			CHECK(strstr(b.s, "\"label\": \"B\"") == NULL);
			wf_report_free(r);
		}
		/* no row with both: no map at all */
		const char *none[] = { "2019,C2,B,20,,8.3", NULL };
		r = build_rows(&o, &e, "year,institution,institution_name,metric,lat,lon", none);
		CHECK(r != NULL);
		if (r) {
			CHECK(strstr(render_json(r, &b), "\"kind\": \"map\"") == NULL);
			wf_report_free(r);
		}
	}
	wf_strbuf_release(&b);
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
	wf_rtable *t;
	wf_report_opts o;
	wf_report_err e;
	wf_report *r;
	wf_strbuf b = WF_STRBUF_INIT;

	memset(&o, 0, sizeof o);
	o.kind = WF_KIND_PROFILE;
	o.institution = "C1";
	r = wf_report_build(TABLE_OF(cols, rows), &o, &e);
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
	o.institution = NULL;
	r = wf_report_build(TABLE_OF(cols, rows), &o, &e);
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

	/* --sort and --columns move the quartile colours with their cells */
	o.sort = "institution:desc";
	r = wf_report_build(TABLE_OF(cols, rows), &o, &e);
	CHECK(r != NULL);
	if (!r)
		return;
	wf_render(r, WF_RENDER_HTML, NULL, &b);
	CHECK(strstr(b.s, "<td>C3</td><td class=\"tone1\">Q1 16.67</td>") != NULL);
	CHECK(strstr(b.s, "<td>C1</td><td class=\"tone4\">Q4 83.33</td><td class=\"tone2\">Q2 50</td>") != NULL);
	CHECK(strstr(b.s, "<td>C9</td><td></td><td></td>") != NULL);
	wf_strbuf_release(&b);
	wf_report_free(r);
	o.sort = NULL;
	o.columns = "institution,women_share";
	r = wf_report_build(TABLE_OF(cols, rows), &o, &e);
	CHECK(r != NULL);
	if (!r)
		return;
	wf_render(r, WF_RENDER_HTML, NULL, &b);
	CHECK(strstr(b.s, "<td>C1</td><td class=\"tone2\">Q2 50</td></tr>") != NULL);
	wf_strbuf_release(&b);
	wf_report_free(r);
	o.columns = NULL;

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
		wf_rcount k = { 0 };
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

/* The defensive corners of the table and report model, each with what
 * it does: out-of-range rows, columns and tones are ignored, a card item
 * before any card opens an untitled one, a table put in place of one
 * that does not exist is freed. */
static void test_model_edges(void)
{
	static const char *const cols[] = { "name", NULL };
	const char *r1[] = { "a\nb\rc\td|e", "1" };
	wf_rtable *t = wf_rtable_new(NULL, 2, cols);
	wf_render_opts o = WF_RENDER_OPTS_INIT;
	wf_strbuf b = WF_STRBUF_INIT;
	wf_report *r;
	unsigned src;
	long line;

	CHECK_STR(wf_rtable_caption(t), "");
	CHECK_STR(wf_rtable_name(t, 1), "");
	wf_rtable_add(t, r1, NULL);
	wf_rtable_set_origin(t, 0, 2, 7);
	wf_rtable_set_origin(t, 5, 3, 9);
	wf_rtable_origin(t, 0, &src, &line);
	CHECK(src == 2 && line == 7);
	wf_rtable_origin(t, 5, &src, &line);
	CHECK(src == 0 && line == 0);
	wf_rtable_highlight(t, 5);
	CHECK_INT(wf_rtable_highlighted(t, 0), 0);
	CHECK_INT(wf_rtable_cell_tone(t, 0, 0), 0); /* no tone yet */
	wf_rtable_tone(t, 0, 1, WF_TONE_MAX + 1);
	wf_rtable_tone(t, 0, 1, -1);
	wf_rtable_tone(t, 0, 2, 1);
	wf_rtable_tone(t, 1, 0, 1);
	CHECK_INT(wf_rtable_cell_tone(t, 0, 1), 0);
	wf_rtable_tone(t, 0, 1, 3);
	CHECK_INT(wf_rtable_cell_tone(t, 0, 1), 3);
	wf_rtable_sort(t, 0, 0); /* one row: nothing to do */
	wf_rtable_sort(t, 9, 1); /* no such column */
	CHECK_STR(wf_rtable_cell(t, 0, 0), "a\nb\rc\td|e");
	CHECK_INT(wf_rtable_cell_tone(t, 0, 1), 3);
	wf_rtable_force_decimal(t, 9);
	CHECK_INT(wf_rtable_coltype(t, 1), WF_RCOL_INT);

	r = wf_report_new(NULL, NULL);
	CHECK_STR(wf_report_title(r), "");
	CHECK(wf_report_get_table(r, 0) == NULL);
	wf_report_replace_table(r, 0, wf_rtable_new("gone", 0, NULL)); /* freed: ASan/valgrind see it */
	CHECK_INT(wf_report_ntables(r), 0);
	wf_report_card_item(r, "label", NULL);
	wf_report_date(r, "2026-12-01");
	wf_report_date(r, NULL);
	wf_report_table(r, t);
	wf_render(r, WF_RENDER_TABLE, &o, &b);
	/* line breaks and tabs in a cell become blanks in the grid; the
	 * untitled card shows its item with an empty value */
	CHECK(strstr(b.s, "\n  label: \n") != NULL);
	CHECK(strstr(b.s, "\nname\n---------  -\na b c d|e  1\n") != NULL);
	wf_strbuf_reset(&b);
	wf_render(r, WF_RENDER_MARKDOWN, &o, &b);
	CHECK(strstr(b.s, "| a b c d\\|e | 1 |\n") != NULL);
	CHECK(strstr(b.s, "2026-12-01") == NULL);
	wf_strbuf_reset(&b);
	wf_render(r, WF_RENDER_HTML, &o, &b);
	CHECK(strstr(b.s, "<td>a\nb\xef\xbf\xbd" "c\td|e</td><td class=\"num tone3\">1</td>") != NULL);
	wf_strbuf_release(&b);
	wf_report_free(r);
	wf_report_free(NULL);
}

WF_TEST_MAIN(test_numbers, test_numbers_out_of_range, test_width_and_trunc, test_table_model, test_render_table,
	     test_render_markdown, test_render_html_json, test_kind_trend,
	     test_kind_empty_and_errors, test_kind_benchmark, test_kind_match, test_kind_profile,
	     test_model_edges, test_kind_benchmark_more, test_kind_match_more, test_where,
	     test_kind_trend_more, test_kind_profile_more, test_build_options, test_render_corners,
	     test_kinds_filtered, test_streamed_table, test_stream_same_as_memory)
