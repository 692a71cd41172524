/* Exact decimals: parsing in both modes, canonical printing, sums. */
#include "wf_test.h"
#include "wf_dec.h"

static const char *fmt(const char *s, enum wf_decmode m)
{
	static char buf[64];
	wf_dec d;
	int st = wf_dec_parse(s, strlen(s), m, &d);
	if (st == WF_DEC_OK)
		wf_dec_format(d, buf);
	else
		snprintf(buf, sizeof buf, "<%s>", wf_dec_strerror(st));
	return buf;
}

static void test_comma(void)
{
	enum wf_decmode c = WF_DEC_COMMA;
	CHECK_STR(fmt("1.234,56", c), "1234.56");
	CHECK_STR(fmt("1234,56", c), "1234.56");
	CHECK_STR(fmt("-12,5", c), "-12.5");
	CHECK_STR(fmt("12.345.678", c), "12345678");
	CHECK_STR(fmt("0,10", c), "0.1");
	CHECK_STR(fmt("100,00", c), "100");
	CHECK_STR(fmt(" 7 ", c), "7");
	CHECK_STR(fmt("-0,00", c), "0");
	CHECK_STR(fmt(",5", c), "0.5");
	CHECK_STR(fmt("", c), "<empty value>");
	CHECK_STR(fmt("  ", c), "<empty value>");
	CHECK_STR(fmt("1234.56", c), "<not a number>");
	CHECK_STR(fmt("1.23,4", c), "<not a number>");
	CHECK_STR(fmt("1.2345", c), "<not a number>");
	CHECK_STR(fmt("1,2,3", c), "<not a number>");
	CHECK_STR(fmt("12,", c), "<not a number>");
	CHECK_STR(fmt("-", c), "<not a number>");
	CHECK_STR(fmt("abc", c), "<not a number>");
	CHECK_STR(fmt("1e5", c), "<not a number>");
	CHECK_STR(fmt(".123", c), "<not a number>");
}

static void test_point(void)
{
	enum wf_decmode p = WF_DEC_POINT;
	CHECK_STR(fmt("1234.56", p), "1234.56");
	CHECK_STR(fmt("+3", p), "3");
	CHECK_STR(fmt("0.000000001", p), "0.000000001");
	CHECK_STR(fmt("0.0000000001", p), "<number out of range>");
	CHECK_STR(fmt("1234567890123456789", p), "<number out of range>");
	CHECK_STR(fmt("1e400", p), "<not a number>");
	CHECK_STR(fmt("1,234.56", p), "<not a number>");
	CHECK_STR(fmt("1234,56", p), "<not a number>");
	CHECK_STR(fmt("999999999999999999", p), "999999999999999999");
}

static void test_arith(void)
{
	wf_dec a = { 0, 0 }, b;
	char buf[WF_DEC_BUFSZ];
	wf_dec_parse("1.234,56", 8, WF_DEC_COMMA, &b);
	CHECK_INT(wf_dec_add(&a, b), 0);
	wf_dec_parse("0,004", 5, WF_DEC_COMMA, &b);
	CHECK_INT(wf_dec_add(&a, b), 0);
	wf_dec_format(a, buf);
	CHECK_STR(buf, "1234.564");
	wf_dec_add(&a, wf_dec_neg(a));
	wf_dec_format(a, buf);
	CHECK_STR(buf, "0");
	/* overflow is reported, not wrapped */
	wf_dec big = { 900000000000000000LL, 0 };
	wf_dec acc = big;
	CHECK_INT(wf_dec_add(&acc, big), 0);
	CHECK_INT(wf_dec_add(&acc, big), 0);
	wf_dec huge = { 9000000000000000000LL, 0 };
	CHECK_INT(wf_dec_add(&huge, big), -1);
	wf_dec x = { 15, 1 }, y = { 150, 2 };
	CHECK_INT(wf_dec_cmp(x, y), 0);
	CHECK_INT(wf_dec_cmp(x, (wf_dec){ 1501, 3 }), -1);
	CHECK_NEAR(wf_dec_to_double(x), 1.5, 1e-12);
	/* sums of cents stay exact where doubles drift: 0.1 ten times */
	wf_dec s = { 0, 0 }, t = { 1, 1 };
	for (int i = 0; i < 10; i++)
		wf_dec_add(&s, t);
	wf_dec_format(s, buf);
	CHECK_STR(buf, "1");
}

/* --decimal auto on a table of unknown origin: a ',' means 1.234,56. */
static void test_auto(void)
{
	enum wf_decmode a = WF_DEC_AUTO;
	CHECK_STR(fmt("60.000,00", a), "60000");
	CHECK_STR(fmt("1234,5", a), "1234.5");
	CHECK_STR(fmt("1234.5", a), "1234.5");
	CHECK_STR(fmt("1.234", a), "1.234");
	CHECK_STR(fmt("1,234.5", a), "<not a number>");
	CHECK_STR(fmt("", a), "<empty value>");
}

WF_TEST_MAIN(test_comma, test_point, test_arith, test_auto)
