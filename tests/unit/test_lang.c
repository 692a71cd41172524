#include "wf_lang.h"
#include "wf_test.h"

#include <ctype.h>

/* The printf conversions of a format, in order ("%s%zu"), so a
 * translation cannot take other arguments than the English. */
static void conversions(const char *s, char *out, size_t sz)
{
	size_t n = 0;

	for (; *s && n + 4 < sz; s++) {
		if (*s != '%')
			continue;
		s++;
		if (*s == '%')
			continue;
		out[n++] = '%';
		while (*s && strchr("-+ #0123456789.*hlzjt", *s) && n + 2 < sz)
			out[n++] = *s++;
		if (*s)
			out[n++] = *s;
		else
			break;
	}
	out[n] = '\0';
}

static int has_letters(const char *s)
{
	for (; *s; s++) {
		if (*s == '%') { /* skip a conversion */
			s++;
			while (*s && strchr("-+ #0123456789.*hlzjt", *s))
				s++;
			if (!*s)
				break;
			continue;
		}
		if (isalpha((unsigned char)*s))
			return 1;
	}
	return 0;
}

/* Every message has both languages, the same conversions, and an
 * Italian text that differs from the English wherever there are words
 * to translate. */
static void test_catalogue_complete(void)
{
	for (int id = 0; id < WF_MSG_COUNT; id++) {
		const char *en = wf_msg(WF_LANG_EN, (enum wf_msg)id);
		const char *it = wf_msg(WF_LANG_IT, (enum wf_msg)id);
		char ce[64], ci[64];
		int ok = en && it && *en && *it;
		if (!ok) {
			fprintf(stderr, "%s: a language is missing\n", wf_msg_name((enum wf_msg)id));
			CHECK(ok);
			continue;
		}
		conversions(en, ce, sizeof ce);
		conversions(it, ci, sizeof ci);
		if (strcmp(ce, ci) != 0)
			fprintf(stderr, "%s: conversions %s in English, %s in Italian\n",
				wf_msg_name((enum wf_msg)id), ce, ci);
		CHECK_STR(ci, ce);
		if (has_letters(en) && strcmp(en, it) == 0) {
			fprintf(stderr, "%s: not translated: \"%s\"\n", wf_msg_name((enum wf_msg)id), en);
			CHECK(0);
		}
	}
	CHECK_STR(wf_msg(WF_LANG_IT, WF_M_CARD_PEER_MEDIAN), "mediana dei pari");
	CHECK_STR(wf_msg(WF_LANG_IT, WF_M_CARD_PER_EMPLOYEE), "spesa per dipendente");
	CHECK_STR(wf_msg_name(WF_M_NO_ROWS), "WF_M_NO_ROWS");
}

/* Every catalogued column has an Italian heading with no machine-name
 * underscore, and English shows the machine name. */
static void test_columns(void)
{
	CHECK(wf_lang_ncolumns() > 60);
	for (size_t i = 0; i < wf_lang_ncolumns(); i++) {
		const char *name = wf_lang_column_name(i);
		const char *it = wf_lang_column(WF_LANG_IT, name);
		CHECK(it && *it);
		if (strchr(it, '_')) {
			fprintf(stderr, "column %s: Italian heading \"%s\"\n", name, it);
			CHECK(0);
		}
		CHECK_STR(wf_lang_column(WF_LANG_EN, name), name);
	}
	CHECK_STR(wf_lang_column(WF_LANG_IT, "per_employee"), "spesa per dipendente");
	CHECK_STR(wf_lang_column(WF_LANG_IT, "peer_median"), "mediana dei pari");
	CHECK_STR(wf_lang_column(WF_LANG_IT, "my_column"), "my_column");
	CHECK(wf_lang_column_name(wf_lang_ncolumns()) == NULL);
}

static void test_values(void)
{
	char buf[200];

	CHECK_STR(wf_lang_value(WF_LANG_IT, "reason", "capacity exhausted", buf, sizeof buf),
		  "capienza esaurita");
	CHECK_STR(wf_lang_value(WF_LANG_IT, "flags", "outlier|small_peer_group", buf, sizeof buf),
		  "anomalo, gruppo di pari piccolo");
	CHECK_STR(wf_lang_value(WF_LANG_IT, "flags", "zero|new_flag", buf, sizeof buf),
		  "spesa zero, new_flag");
	CHECK(wf_lang_value(WF_LANG_IT, "flags", "zero|outlier", buf, 8) == NULL);
	CHECK_STR(wf_lang_value(WF_LANG_IT, "flags", "first_year", buf, sizeof buf), "primo anno");
	CHECK_STR(wf_lang_value(WF_LANG_IT, "category", "FRINGE_VOUCHER", buf, sizeof buf),
		  "buoni acquisto e carburante");
	CHECK_STR(wf_lang_value(WF_LANG_IT, "region", "01", buf, sizeof buf), "Piemonte");
	CHECK(wf_lang_value(WF_LANG_IT, "region", "21", buf, sizeof buf) == NULL);
	CHECK(wf_lang_value(WF_LANG_EN, "reason", "capacity exhausted", buf, sizeof buf) == NULL);
	CHECK(wf_lang_value(WF_LANG_IT, "institution", "C4308", buf, sizeof buf) == NULL);
	CHECK(wf_lang_value(WF_LANG_IT, "flags", "", buf, sizeof buf) == NULL);
	/* no room at all: shown as written, buf untouched */
	buf[0] = 'x';
	CHECK(wf_lang_value(WF_LANG_IT, "flags", "zero|outlier", buf, 0) == NULL);
	CHECK_INT(buf[0], 'x');
	CHECK(wf_lang_value(WF_LANG_IT, "flags", NULL, buf, sizeof buf) == NULL);
	CHECK_STR(wf_lang_category(WF_LANG_EN, "MEAL"), "canteen and meal vouchers");
	CHECK(wf_lang_category(WF_LANG_IT, "NOPE") == NULL);
}

/* Every taxonomy code shipped in share/wfkit/taxonomy.csv has names. */
static void test_taxonomy_names(void)
{
	FILE *f = fopen("share/wfkit/taxonomy.csv", "r");
	char line[512];
	int n = 0;

	if (!f)
		return; /* run from elsewhere than the checkout */
	if (fgets(line, sizeof line, f))
		while (fgets(line, sizeof line, f)) {
			line[strcspn(line, ",")] = '\0';
			if (!wf_lang_category(WF_LANG_IT, line))
				fprintf(stderr, "taxonomy code %s has no Italian name\n", line);
			CHECK(wf_lang_category(WF_LANG_IT, line) != NULL);
			n++;
		}
	fclose(f);
	CHECK(n >= 18);
}

static void test_parse(void)
{
	CHECK_INT(wf_lang_parse("it"), WF_LANG_IT);
	CHECK_INT(wf_lang_parse("it_IT.UTF-8"), WF_LANG_IT);
	CHECK_INT(wf_lang_parse("en"), WF_LANG_EN);
	CHECK_INT(wf_lang_parse("en_GB"), WF_LANG_EN);
	CHECK_INT(wf_lang_parse("fr"), -1);
	CHECK_INT(wf_lang_parse(""), -1);
	CHECK_INT(wf_lang_parse("italian"), -1);
	CHECK_STR(wf_lang_code(WF_LANG_IT), "it");
}

/* Out-of-range ids and languages, as a corrupt enum would pass them:
 * an empty message and the English text, never a read past the table. */
static void test_out_of_range(void)
{
	CHECK_STR(wf_msg(WF_LANG_EN, WF_MSG_COUNT), "");
	CHECK_STR(wf_msg(WF_LANG_IT, (enum wf_msg)(WF_MSG_COUNT + 5)), "");
	CHECK_STR(wf_msg_name(WF_MSG_COUNT), "");
	CHECK_STR(wf_msg_name(WF_M_NO_ROWS), "WF_M_NO_ROWS");
	CHECK_STR(wf_msg((enum wf_lang)WF_LANG_COUNT, WF_M_NO_ROWS), wf_msg(WF_LANG_EN, WF_M_NO_ROWS));
	CHECK(strcmp(wf_msg(WF_LANG_IT, WF_M_NO_ROWS), wf_msg(WF_LANG_EN, WF_M_NO_ROWS)) != 0);
}

WF_TEST_MAIN(test_catalogue_complete, test_columns, test_values, test_taxonomy_names, test_parse,
	     test_out_of_range)
