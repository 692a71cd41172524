/* Unit tests for wf_strbuf: the growable string, the HTML/XML and
 * terminal escapers, display widths and the number formatters every
 * renderer shares. Expected strings are written out by hand. */
#include <math.h>

#include "wf_strbuf.h"
#include "wf_test.h"

/* The escaped form of n bytes of s through fn. */
static const char *esc(wf_strbuf *b, void (*fn)(wf_strbuf *, const char *, size_t),
		       const char *s, size_t n)
{
	wf_strbuf_reset(b);
	fn(b, s, n);
	return wf_strbuf_str(b);
}

static const char *vis(wf_strbuf *b, const char *s, size_t n)
{
	wf_strbuf_reset(b);
	wf_strbuf_add(b, s, n);
	wf_strbuf_visible(b, 0);
	return wf_strbuf_str(b);
}

static void test_basics(void)
{
	wf_strbuf b = WF_STRBUF_INIT;
	char *s;

	/* an untouched buffer reads as "" and steals as a fresh "" */
	CHECK_STR(wf_strbuf_str(&b), "");
	wf_strbuf_reset(&b);
	CHECK_INT(b.len, 0);
	s = wf_strbuf_steal(&b);
	CHECK_STR(s, "");
	free(s);
	/* growth past the first 256 bytes keeps every byte */
	for (int i = 0; i < 1000; i++)
		wf_strbuf_putc(&b, (char)('a' + i % 26));
	CHECK_INT(b.len, 1000);
	CHECK(b.cap >= 1001);
	CHECK_INT(b.s[999], 'a' + 999 % 26);
	CHECK_INT(b.s[1000], '\0');
	wf_strbuf_printf(&b, "|%d|%s", 42, "x");
	CHECK_STR(b.s + 1000, "|42|x");
	s = wf_strbuf_steal(&b);
	CHECK_INT(strlen(s), 1005);
	CHECK(b.s == NULL && b.len == 0 && b.cap == 0);
	free(s);
	/* reset keeps the memory, release frees it, twice is harmless */
	wf_strbuf_puts(&b, "abc");
	wf_strbuf_reset(&b);
	CHECK_STR(wf_strbuf_str(&b), "");
	CHECK(b.cap > 0);
	wf_strbuf_add(&b, "zz", 0);
	CHECK_STR(wf_strbuf_str(&b), "");
	wf_strbuf_release(&b);
	wf_strbuf_release(&b);
	CHECK(b.s == NULL);
}

static void test_xml(void)
{
	wf_strbuf b = WF_STRBUF_INIT;

	CHECK_STR(esc(&b, wf_strbuf_xml, "a&b<c>d\"e'f", 11), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
	/* TAB and LF pass; other C0 controls and DEL are not XML */
	CHECK_STR(esc(&b, wf_strbuf_xml, "1\t2\n3\r4\x1b" "5\x7f", 10),
		  "1\t2\n3\xef\xbf\xbd" "4\xef\xbf\xbd" "5\xef\xbf\xbd");
	/* U+FFFE and U+FFFF are noncharacters; U+FFFD and U+FFFC stay */
	CHECK_STR(esc(&b, wf_strbuf_xml, "\xef\xbf\xbe\xef\xbf\xbf\xef\xbf\xbc", 9),
		  "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbc");
	/* a lone continuation byte and a truncated sequence: one U+FFFD a byte */
	CHECK_STR(esc(&b, wf_strbuf_xml, "\x80\xc3", 2), "\xef\xbf\xbd\xef\xbf\xbd");
	/* a NUL inside the length is a control too */
	CHECK_STR(esc(&b, wf_strbuf_xml, "a\0b", 3), "a\xef\xbf\xbd" "b");
	CHECK_STR(esc(&b, wf_strbuf_xml, "CANT\xc3\x99", 6), "CANT\xc3\x99");
	CHECK_STR(esc(&b, wf_strbuf_json, "a\"\n\x01", 4), "\"a\\\"\\n\\u0001\"");
	wf_strbuf_release(&b);
}

static void test_visible(void)
{
	wf_strbuf b = WF_STRBUF_INIT;

	/* nothing to show: the bytes are left as they are */
	CHECK_STR(vis(&b, "plain ascii", 11), "plain ascii");
	CHECK_STR(vis(&b, "plain\ttext\n\xc3\xa8", 13), "plain\ttext\n\xc3\xa8");
	/* ESC, BEL, CR, DEL and NUL are shown as \xHH */
	CHECK_STR(vis(&b, "a\x1b[2Jb\x07\r\x7f", 9), "a\\x1b[2Jb\\x07\\x0d\\x7f");
	CHECK_STR(vis(&b, "x\0y", 3), "x\\x00y");
	/* TAB and LF after a control are kept as they are */
	CHECK_STR(vis(&b, "\x01\tA\nB", 5), "\\x01\tA\nB");
	/* C1 controls (U+0080-U+009F) as \u00HH; U+00A0 and up pass */
	CHECK_STR(vis(&b, "\xc2\x9b" "1m\xc2\x85\xc2\xa0", 8), "\\u009b1m\\u0085\xc2\xa0");
	/* invalid UTF-8 bytes one by one */
	CHECK_STR(vis(&b, "\xff\xc3(", 3), "\\xff\\xc3(");
	/* only from the given offset on */
	wf_strbuf_reset(&b);
	wf_strbuf_puts(&b, "head\x1b|tail\x1b");
	wf_strbuf_visible(&b, 6);
	CHECK_STR(wf_strbuf_str(&b), "head\x1b|tail\\x1b");
	wf_strbuf_release(&b);
}

static void test_width(void)
{
	static const struct { const char *s; size_t w; } cases[] = {
		{ "a", 1 }, { "\x7e", 1 },
		/* zero width: combining marks of each block, ZWSP..RLM, BOM, soft hyphen */
		{ "\xcc\x80", 0 }, { "\xcd\xaf", 0 }, { "\xcd\xb0", 1 },           /* U+0300 U+036F U+0370 */
		{ "\xe1\xaa\xb0", 0 }, { "\xe1\xab\xbf", 0 }, { "\xe1\xac\x85", 1 }, /* U+1AB0 U+1AFF U+1B05 */
		{ "\xe1\xb7\x80", 0 }, { "\xe1\xb7\xbf", 0 }, { "\xe1\xb8\x80", 1 }, /* U+1DC0 U+1DFF U+1E00 */
		{ "\xe2\x83\x90", 0 }, { "\xe2\x83\xbf", 0 }, { "\xe2\x84\x80", 1 }, /* U+20D0 U+20FF U+2100 */
		{ "\xef\xb8\xa0", 0 }, { "\xef\xb8\xaf", 0 },                       /* U+FE20 U+FE2F */
		{ "\xef\xb8\x80", 0 }, { "\xef\xb8\x8f", 0 },                       /* U+FE00 U+FE0F */
		{ "\xe2\x80\x8b", 0 }, { "\xe2\x80\x8f", 0 }, { "\xe2\x80\x90", 1 }, /* U+200B U+200F U+2010 */
		{ "\xef\xbb\xbf", 0 }, { "\xc2\xad", 0 }, { "\xc2\xac", 1 },         /* U+FEFF U+00AD U+00AC */
		/* wide: Hangul Jamo, CJK, Hangul syllables, compatibility
		 * ideographs, vertical forms, fullwidth forms, emoji, plane 2-3 */
		{ "\xe1\x84\x80", 2 }, { "\xe1\x85\x9f", 2 }, { "\xe1\x85\xa0", 1 }, /* U+1100 U+115F U+1160 */
		{ "\xe2\xba\x80", 2 }, { "\xea\x93\x8f", 2 }, { "\xea\x93\x90", 1 }, /* U+2E80 U+A4CF U+A4D0 */
		{ "\xea\xb0\x80", 2 }, { "\xed\x9e\xa3", 2 }, { "\xed\x9e\xb0", 1 }, /* U+AC00 U+D7A3 U+D7B0 */
		{ "\xef\xa4\x80", 2 }, { "\xef\xab\xbf", 2 }, { "\xef\xac\x80", 1 }, /* U+F900 U+FAFF U+FB00 */
		{ "\xef\xb8\xb0", 2 }, { "\xef\xb9\x8f", 2 }, { "\xef\xb9\x90", 1 }, /* U+FE30 U+FE4F U+FE50 */
		{ "\xef\xbc\x80", 2 }, { "\xef\xbd\xa0", 2 }, { "\xef\xbd\xa1", 1 }, /* U+FF00 U+FF60 U+FF61 */
		{ "\xef\xbf\xa0", 2 }, { "\xef\xbf\xa6", 2 }, { "\xef\xbf\xa8", 1 }, /* U+FFE0 U+FFE6 U+FFE8 */
		{ "\xf0\x9f\x8c\x80", 2 }, { "\xf0\x9f\x99\x8f", 2 }, { "\xf0\x9f\x99\x90", 1 }, /* U+1F300 U+1F64F U+1F650 */
		{ "\xf0\x9f\xa4\x80", 2 }, { "\xf0\x9f\xa7\xbf", 2 }, { "\xf0\x9f\xa8\x80", 1 }, /* U+1F900 U+1F9FF U+1FA00 */
		{ "\xf0\xa0\x80\x80", 2 }, { "\xf0\xbf\xbf\xbd", 2 }, { "\xf3\xb0\x80\x80", 1 }, /* U+20000 U+3FFFD U+F0000 */
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t w = wf_utf8_width(cases[i].s, strlen(cases[i].s));
		if (w != cases[i].w)
			fprintf(stderr, "case %zu: '%s'\n", i, cases[i].s);
		CHECK_INT(w, cases[i].w);
	}
}

static void test_trunc(void)
{
	wf_strbuf b = WF_STRBUF_INIT;

	/* what fits is copied whole */
	wf_strbuf_trunc(&b, "abc", 3, 3);
	CHECK_STR(wf_strbuf_str(&b), "abc");
	wf_strbuf_reset(&b);
	/* max 0: nothing at all, not even the ellipsis */
	wf_strbuf_trunc(&b, "abc", 3, 0);
	CHECK_STR(wf_strbuf_str(&b), "");
	/* max 1: only the ellipsis */
	wf_strbuf_trunc(&b, "abc", 3, 1);
	CHECK_STR(wf_strbuf_str(&b), "\xe2\x80\xa6");
	/* a wide character that would cross the limit is left out whole */
	wf_strbuf_reset(&b);
	wf_strbuf_trunc(&b, "a\xe6\x97\xa5\xe6\x9c\xac", 7, 3);
	CHECK_STR(wf_strbuf_str(&b), "a\xe2\x80\xa6");
	CHECK_INT(wf_utf8_width(b.s, b.len), 2);
	/* invalid bytes count one column each and are kept as they are */
	wf_strbuf_reset(&b);
	wf_strbuf_trunc(&b, "\xff\xfe\xfd\xfc", 4, 3);
	CHECK_INT(b.len, 5);
	CHECK(memcmp(b.s, "\xff\xfe\xe2\x80\xa6", 5) == 0);
	/* combining marks after the last kept character stay with it */
	wf_strbuf_reset(&b);
	wf_strbuf_trunc(&b, "abe\xcc\x81\xcc\x82xyz", 10, 4);
	CHECK_STR(wf_strbuf_str(&b), "abe\xcc\x81\xcc\x82\xe2\x80\xa6");
	/* ...but an invalid byte after them ends the run */
	wf_strbuf_reset(&b);
	wf_strbuf_trunc(&b, "abc\xffxyz", 7, 4);
	CHECK_STR(wf_strbuf_str(&b), "abc\xe2\x80\xa6");
	wf_strbuf_release(&b);
}

static const char *num_dec(wf_strbuf *b, const char *text, int decimals, char point, char group)
{
	wf_numfmt f = { decimals, point, group };
	wf_dec d;

	wf_strbuf_reset(b);
	if (wf_dec_parse(text, strlen(text), WF_DEC_POINT, &d) != WF_DEC_OK)
		return "(parse)";
	wf_strbuf_dec(b, d, &f);
	return wf_strbuf_str(b);
}

static const char *num_fixed(wf_strbuf *b, double x, int decimals, char point, char group)
{
	wf_numfmt f = { decimals, point, group };

	wf_strbuf_reset(b);
	wf_strbuf_fixed(b, x, &f);
	return wf_strbuf_str(b);
}

static void test_numbers(void)
{
	wf_strbuf b = WF_STRBUF_INIT;

	/* decimals out of 0..9 are clamped */
	CHECK_STR(num_dec(&b, "1234.5", -3, '.', ','), "1,235");
	CHECK_STR(num_dec(&b, "1.5", 12, '.', 0), "1.500000000");
	/* half away from zero on both sides */
	CHECK_STR(num_dec(&b, "-2.5", 0, '.', ','), "-3");
	CHECK_STR(num_dec(&b, "-2.45", 1, ',', '.'), "-2,5");
	CHECK_STR(num_dec(&b, "-0.004", 2, '.', ','), "0.00");
	CHECK_STR(num_dec(&b, "-1234567.891", 2, ',', '.'), "-1.234.567,89");
	CHECK_STR(num_dec(&b, "999.995", 2, '.', ','), "1,000.00");
	CHECK_STR(num_fixed(&b, NAN, 2, '.', ','), "NaN");
	CHECK_STR(num_fixed(&b, INFINITY, 2, '.', ','), "Inf");
	CHECK_STR(num_fixed(&b, -INFINITY, 2, '.', ','), "-Inf");
	CHECK_STR(num_fixed(&b, 1234.5, 11, '.', 0), "1234.500000000");
	CHECK_STR(num_fixed(&b, -1234.5, -1, ',', '.'), "-1.235");
	CHECK_STR(num_fixed(&b, 0.125, 2, ',', '.'), "0,13");
	/* beyond 9e15 after scaling: %.0f, no grouping */
	CHECK_STR(num_fixed(&b, 1e17, 2, '.', ','), "100000000000000000");
	CHECK_STR(num_fixed(&b, -2e16, 0, '.', ','), "-20000000000000000");
	wf_strbuf_release(&b);
}

WF_TEST_MAIN(test_basics, test_xml, test_visible, test_width, test_trunc, test_numbers)
