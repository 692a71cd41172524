/* Exact decimals: parsing in both modes, canonical printing, sums. */
#include "wf_test.h"
#include "wf_dec.h"

/* 10^28: one past the largest mantissa */
#define DEC_E28 ((__int128)10000000000000000000ULL * 1000000000)

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
	CHECK_STR(fmt("1234567890123456789", p), "1234567890123456789");
	CHECK_STR(fmt("12345678901234567890123456789", p), "<number out of range>");
	CHECK_STR(fmt("1e400", p), "<not a number>");
	CHECK_STR(fmt("1,234.56", p), "<not a number>");
	CHECK_STR(fmt("1234,56", p), "<not a number>");
	CHECK_STR(fmt("999999999999999999", p), "999999999999999999");
}

static void test_arith(void)
{
	wf_dec a = { 0, 0, 0 }, b;
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
	wf_dec big = wf_dec_make(900000000000000000LL, 0);
	wf_dec acc = big;
	CHECK_INT(wf_dec_add(&acc, big), 0);
	CHECK_INT(wf_dec_add(&acc, big), 0);
	wf_dec huge = wf_dec_make(DEC_E28 - 1, 0);
	CHECK_INT(wf_dec_add(&huge, big), -1);
	wf_dec x = wf_dec_make(15, 1), y = wf_dec_make(150, 2);
	CHECK_INT(wf_dec_cmp(x, y), 0);
	CHECK_INT(wf_dec_cmp(x, wf_dec_make(1501, 3)), -1);
	CHECK_NEAR(wf_dec_to_double(x), 1.5, 1e-12);
	/* sums of cents stay exact where doubles drift: 0.1 ten times */
	wf_dec s = { 0, 0, 0 }, t = wf_dec_make(1, 1);
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

static const char *fmt_fixed(wf_dec d)
{
	static char buf[WF_DEC_BUFSZ];
	wf_dec_format_fixed(d, buf);
	return buf;
}

/* Past 18 digits: what wf-benchmark writes (12345678901234568.00) and
 * any value of up to 28 digits is read, summed and printed exactly. */
static void test_wide(void)
{
	enum wf_decmode p = WF_DEC_POINT, c = WF_DEC_COMMA;
	wf_dec a, b;
	char buf[WF_DEC_BUFSZ];

	CHECK_STR(fmt("12345678901234568.00", p), "12345678901234568");
	CHECK_STR(fmt("12345678901234561.5", p), "12345678901234561.5");
	CHECK_STR(fmt("9999999999999999999999999999", p), "9999999999999999999999999999");
	CHECK_STR(fmt("-9999999999999999999999999999", p), "-9999999999999999999999999999");
	CHECK_STR(fmt("1234567890123456789.123456789", p), "1234567890123456789.123456789");
	CHECK_STR(fmt("-0.000000001", p), "-0.000000001");
	CHECK_STR(fmt("0000000000000000000000000000000001.5", p), "1.5");
	CHECK_STR(fmt("18446744073709551616", p), "18446744073709551616"); /* 2^64 */
	CHECK_STR(fmt("-18446744073709551615", p), "-18446744073709551615");
	CHECK_STR(fmt("12345678901234567890.123456789", p), "<number out of range>");
	CHECK_STR(fmt("99999999999999999999999999990", p), "<number out of range>");
	CHECK_STR(fmt("12.345.678.901.234.567.890,12", c), "12345678901234567890.12");
	CHECK_STR(fmt("100000000000000000000,000", c), "100000000000000000000");

	/* the two words hold any mantissa, either sign */
	__int128 ms[] = { 0, 1, -1, (__int128)1 << 64, -((__int128)1 << 64),
			  ((__int128)1 << 64) - 1, DEC_E28 - 1, -(DEC_E28 - 1) };
	for (size_t i = 0; i < sizeof ms / sizeof ms[0]; i++) {
		a = wf_dec_make(ms[i], 3);
		CHECK(wf_dec_mant(a) == ms[i]);
		CHECK_INT(wf_dec_sign(a), (ms[i] > 0) - (ms[i] < 0));
		CHECK(wf_dec_mant(wf_dec_neg(a)) == -ms[i]);
	}

	/* sums: exact up to 28 digits at the common scale, then refused */
	wf_dec_parse("9999999999999999999999999998", 28, p, &a);
	b = wf_dec_make(1, 0);
	CHECK_INT(wf_dec_add(&a, b), 0);
	CHECK_STR(fmt_fixed(a), "9999999999999999999999999999");
	CHECK_INT(wf_dec_add(&a, b), -1);
	CHECK_STR(fmt_fixed(a), "9999999999999999999999999999"); /* unchanged */
	a = wf_dec_make(DEC_E28 - 1, 0);
	CHECK_INT(wf_dec_add(&a, wf_dec_make(-(DEC_E28 - 1), 0)), 0);
	CHECK_INT(wf_dec_sign(a), 0);
	a = wf_dec_make((__int128)10000000000000000000ULL, 0); /* 10^19 */
	CHECK_INT(wf_dec_add(&a, wf_dec_make(1, 9)), -1);     /* 29 digits at scale 9 */
	CHECK_INT(wf_dec_add(&a, wf_dec_make(1, 8)), 0);
	wf_dec_format(a, buf);
	CHECK_STR(buf, "10000000000000000000.00000001");

	/* order and conversion */
	wf_dec_parse("12345678901234567890123", 23, p, &a);
	wf_dec_parse("12345678901234567890122.999999999", 33, p, &b);
	CHECK_INT(wf_dec_cmp(a, b), 1);
	CHECK_INT(wf_dec_cmp(b, a), -1);
	CHECK_INT(wf_dec_cmp(wf_dec_neg(a), wf_dec_neg(b)), -1);
	CHECK_INT(wf_dec_cmp(a, a), 0);
	CHECK_NEAR(wf_dec_to_double(a), 1.2345678901234568e22, 1e7);
	CHECK_NEAR(wf_dec_to_double(wf_dec_neg(a)), -1.2345678901234568e22, 1e7);
	CHECK_NEAR(wf_dec_to_double(wf_dec_make(-12345, 2)), -123.45, 1e-12);

	/* the fixed form keeps the scale */
	CHECK_STR(fmt_fixed(wf_dec_make(340000, 2)), "3400.00");
	CHECK_STR(fmt_fixed(wf_dec_make(-5, 3)), "-0.005");
	CHECK_STR(fmt_fixed(wf_dec_make(-(DEC_E28 - 1), 9)), "-9999999999999999999.999999999");
	CHECK_STR(fmt_fixed(wf_dec_make(0, 2)), "0.00");
}

WF_TEST_MAIN(test_comma, test_point, test_arith, test_auto, test_wide)
