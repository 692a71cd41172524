/* Shared text helpers: UTF-8 decoding, blank tests, trimming. */
#include "wf_test.h"
#include "wf_text.h"

static void test_utf8(void)
{
	uint32_t cp = 0;
	CHECK_INT(wf_utf8_decode((const unsigned char *)"a", 1, &cp), 1);
	CHECK_INT(cp, 'a');
	CHECK_INT(wf_utf8_decode((const unsigned char *)"\xC3\xA0", 2, &cp), 2);
	CHECK_INT(cp, 0xE0);
	CHECK_INT(wf_utf8_decode((const unsigned char *)"\xE2\x82\xAC", 3, &cp), 3);
	CHECK_INT(cp, 0x20AC);
	CHECK_INT(wf_utf8_decode((const unsigned char *)"\xF0\x9F\x98\x80", 4, &cp), 4);
	CHECK_INT(cp, 0x1F600);
	CHECK_INT(wf_utf8_decode((const unsigned char *)"\xC3", 1, &cp), 0);        /* cut */
	CHECK_INT(wf_utf8_decode((const unsigned char *)"\xC0\x80", 2, &cp), 0);    /* overlong */
	CHECK_INT(wf_utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp), 0); /* surrogate */
	CHECK_INT(wf_utf8_decode((const unsigned char *)"\xF4\x90\x80\x80", 4, &cp), 0); /* > U+10FFFF */
	CHECK_INT(wf_utf8_decode((const unsigned char *)"\xE0\x80\x80", 3, &cp), 0); /* overlong */
	CHECK_INT(wf_utf8_decode((const unsigned char *)"\x80", 1, &cp), 0);
}

static void test_trim(void)
{
	char buf[8], same[] = " \tab c \r";
	CHECK(wf_is_blank(NULL));
	CHECK(wf_is_blank(" \t "));
	CHECK(!wf_is_blank(" x "));
	CHECK_INT(wf_trim_copy("  12345  ", buf, sizeof buf), 5);
	CHECK_STR(buf, "12345");
	CHECK_INT(wf_trim_copy("123456789", buf, sizeof buf), 7); /* cut to fit */
	CHECK_STR(buf, "1234567");
	CHECK_INT(wf_trim_copy(same, same, sizeof same), 4); /* in place */
	CHECK_STR(same, "ab c");
	/* the one rule: isspace() at either end, on a span without a NUL */
	const char *s = "\r\n\v\f x  y\t\n|";
	size_t n = strlen(s) - 1;
	wf_trim_span(&s, &n);
	CHECK_INT(n, 4);
	CHECK(memcmp(s, "x  y", 4) == 0);
	s = " \t ";
	n = 3;
	wf_trim_span(&s, &n);
	CHECK_INT(n, 0);
}

/* 4-byte overlong; a plain decimal: sign, digits, one point, no more */
static void test_more(void)
{
	uint32_t cp;

	CHECK_INT(wf_utf8_decode((const unsigned char *)"\xF0\x8F\xBF\xBF", 4, &cp), 0); /* overlong U+FFFF */
	CHECK_INT(wf_is_plain_decimal("+12.5"), 1);
	CHECK_INT(wf_is_plain_decimal("-.5"), 1);
	CHECK_INT(wf_is_plain_decimal("12."), 1);
	CHECK_INT(wf_is_plain_decimal("."), 0);
	CHECK_INT(wf_is_plain_decimal("-"), 0);
	CHECK_INT(wf_is_plain_decimal("1.2.3"), 0);
	CHECK_INT(wf_is_plain_decimal("1e3"), 0);
	CHECK_INT(wf_is_plain_decimal(""), 0);
}

WF_TEST_MAIN(test_utf8, test_trim, test_more)
