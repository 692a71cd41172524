#include "wf_taxonomy.h"

#include <stdlib.h>
#include <unistd.h>

#include "wf_test.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, fp);
	buf[*len] = '\0';
	fclose(fp);
	return buf;
}

/* The compiled-in table must be byte for byte the shipped CSV. */
static void test_builtin_equals_share(void)
{
	size_t len = 0;
	char *csv = slurp("share/wfkit/taxonomy.csv", &len);

	CHECK(csv != NULL);
	if (!csv)
		return;
	CHECK_INT(len, strlen(wf_taxonomy_builtin_csv()));
	CHECK(strcmp(csv, wf_taxonomy_builtin_csv()) == 0);

	char err[256] = "";
	wf_taxonomy *a = wf_taxonomy_load("share/wfkit/taxonomy.csv", NULL, err, sizeof err);
	wf_taxonomy *b = wf_taxonomy_builtin();
	CHECK(a != NULL);
	CHECK_INT(wf_taxonomy_count(b), 18);
	if (a) {
		CHECK_INT(wf_taxonomy_count(a), wf_taxonomy_count(b));
		for (int i = 0; i < (int)wf_taxonomy_count(b); i++) {
			CHECK_STR(wf_taxonomy_code(a, i), wf_taxonomy_code(b, i));
			for (int j = 0; j < (int)wf_taxonomy_count(b); j++)
				CHECK_NEAR(wf_taxonomy_fit(a, i, j), wf_taxonomy_fit(b, i, j), 0);
		}
	}
	wf_taxonomy_free(a);
	wf_taxonomy_free(b);
	free(csv);
}

static void test_fit(void)
{
	wf_taxonomy *t = wf_taxonomy_builtin();
	int cc = wf_taxonomy_find(t, "CHILDCARE", 9), camps = wf_taxonomy_find(t, " CAMPS ", 7);
	int pension = wf_taxonomy_find(t, "PENSION", 7);

	CHECK(cc >= 0 && camps >= 0 && pension >= 0);
	CHECK_NEAR(wf_taxonomy_fit(t, cc, cc), 1.0, 0);
	CHECK_NEAR(wf_taxonomy_fit(t, cc, camps), 0.4, 1e-12);
	CHECK_NEAR(wf_taxonomy_fit(t, camps, cc), 0.4, 1e-12);
	CHECK_NEAR(wf_taxonomy_fit(t, cc, pension), 0.0, 0);
	CHECK_INT(wf_taxonomy_find(t, "childcare", 9), -1);
	CHECK_STR(wf_taxonomy_label(t, cc), "nursery (asilo nido), pre-school, baby-parking");
	CHECK(strncmp(wf_taxonomy_codes(t), "HEALTH_FUND, HEALTH_SERV, LTC_INS, ", 35) == 0);
	wf_taxonomy_free(t);
	wf_taxonomy_free(NULL);
}

static void bad(const char *text, const char *want)
{
	char err[256] = "";
	wf_taxonomy *t = wf_taxonomy_parse("t.csv", text, strlen(text), err, sizeof err);

	CHECK(t == NULL);
	CHECK_STR(err, want);
	wf_taxonomy_free(t);
}

/* bad() of a file of the header, then rows. */
static void bad_rows(const char *rows, const char *want)
{
	char buf[512];

	snprintf(buf, sizeof buf, "code,category,legal_basis,ccnl_fl,related\n%s", rows);
	bad(buf, want);
}

static void test_errors(void)
{
	const char *h = "code,category,legal_basis,ccnl_fl,related\n";
	char buf[512];

	bad("", "t.csv: no categories");
	bad("a,b\n", "t.csv:1: expected 5 fields (code,category,legal_basis,ccnl_fl,related), found 2");
	bad_rows("A,x,y,z,B:0.5\n", "t.csv:2: related code 'B' is not in the taxonomy");
	bad_rows("A,x,y,z,B:1.5\nB,x,y,z,\n", "t.csv:2: weight '1.5' of related code 'B' must be a number between 0 and 1 (exclusive)");
	bad_rows("A,x,y,z,\nA,x,y,z,\n", "t.csv:3: duplicate code 'A'");
	bad_rows("a,x,y,z,\n", "t.csv:2: code 'a' must be upper-case letters, digits and '_'");
	bad_rows("A,\"x,y,z,\n", "t.csv:2: unterminated quoted field"); /* the reader's own words */

	char err[256] = "";
	wf_taxonomy *t = wf_taxonomy_load("/nonexistent/tax.csv", NULL, err, sizeof err);
	CHECK(t == NULL);
	CHECK_STR(err, "/nonexistent/tax.csv: No such file or directory");

	/* The shared reader: ';' and cp1252 are read like any other table,
	 * and the run's --max-field-bytes applies to a taxonomy file too. */
	static const char semi[] = "code;category;legal_basis;ccnl_fl;related\nA;caff\xE8;y;z;\n";
	t = wf_taxonomy_parse("t.csv", semi, sizeof semi - 1, err, sizeof err);
	CHECK(t != NULL);
	if (t)
		CHECK_STR(wf_taxonomy_label(t, 0), "caff\xC3\xA8");
	wf_taxonomy_free(t);
	{
		wf_reader_opts small = { .max_field = 60 };
		char path[] = "/tmp/wf_test_tax_XXXXXX";
		int fd = mkstemp(path);
		FILE *f = fdopen(fd, "w");
		fprintf(f, "%sA,a label far longer than the sixty bytes this run allows a line,y,z,\n", h);
		fclose(f);
		t = wf_taxonomy_load(path, &small, err, sizeof err);
		CHECK(t == NULL);
		CHECK(strstr(err, ":2: line longer than 60 bytes") != NULL);
		wf_taxonomy_free(t);
		unlink(path);
	}

	/* Forward references and CRLF are fine. */
	snprintf(buf, sizeof buf, "%sA,\"x, \"\"y\"\"\",y,z,B:0.25\r\nB,x,y,z,\r\n", h);
	t = wf_taxonomy_parse("t.csv", buf, strlen(buf), err, sizeof err);
	CHECK(t != NULL);
	if (t) {
		CHECK_NEAR(wf_taxonomy_fit(t, 0, 1), 0.25, 0);
		CHECK_NEAR(wf_taxonomy_fit(t, 1, 0), 0, 0);
		CHECK_STR(wf_taxonomy_label(t, 0), "x, \"y\"");
		CHECK_STR(wf_taxonomy_codes(t), "A, B");
	}
	wf_taxonomy_free(t);
}

/* Every other way a taxonomy file can be wrong, each with its line. */
static void test_errors_more(void)
{
	const char *h = "code,category,legal_basis,ccnl_fl,related\n";
	char buf[8192], err[256] = "";
	wf_taxonomy *t;
	size_t at;

	bad("kode,category,legal_basis,ccnl_fl,related\n", "t.csv:1: header must be 'code,category,legal_basis,ccnl_fl,related'");
	bad("code,category,legal_basis,ccnl_fl,relatives\n", "t.csv:1: header must be 'code,category,legal_basis,ccnl_fl,related'");
	bad(h, "t.csv: no categories");
	bad_rows(" ,x,y,z,\n", "t.csv:2: empty code");
	bad_rows("A-1,x,y,z,\n", "t.csv:2: code 'A-1' must be upper-case letters, digits and '_'");
	bad_rows("A,x,y,z,B\nB,x,y,z,\n", "t.csv:2: related entry 'B' is not CODE:WEIGHT");
	bad_rows("A,x,y,z,A:0.5\n", "t.csv:2: code 'A' lists itself as related");
	bad_rows("A,x,y,z,\nB,x,y,z,A:\n", "t.csv:3: weight '' of related code 'A' must be a number between 0 and 1 (exclusive)");
	bad_rows("A,x,y,z,\nB,x,y,z,A:0.5x\n", "t.csv:3: weight '0.5x' of related code 'A' must be a number between 0 and 1 (exclusive)");
	bad_rows("A,x,y,z,\nB,x,y,z,A:1e-999\n", "t.csv:3: weight '1e-999' of related code 'A' must be a number between 0 and 1 (exclusive)");
	bad_rows("A,x,y,z,\nB,x,y,z,A:0\n", "t.csv:3: weight '0' of related code 'A' must be a number between 0 and 1 (exclusive)");
	/* a NUL byte: not text, the row is refused with the reader's words */
	{
		static const char nul[] = "code,category,legal_basis,ccnl_fl,related\nA,x\0,y,z,\n";
		t = wf_taxonomy_parse("t.csv", nul, sizeof nul - 1, err, sizeof err);
		CHECK(t == NULL);
		CHECK_STR(err, "t.csv:2: NUL byte at byte 4");
	}
	/* in the header the reader refuses the file and says so itself */
	{
		static const char nul[] = "code\0,category,legal_basis,ccnl_fl,related\nA,x,y,z,\n";
		wf_test_capture();
		t = wf_taxonomy_parse("t.csv", nul, sizeof nul - 1, err, sizeof err);
		CHECK_STR(wf_test_captured(), "wfkit: t.csv:1: NUL byte at byte 5\n");
		CHECK(t == NULL);
		CHECK_STR(err, "");
	}
	/* gzip cut after the header: a fatal read error, not a short table */
	{
		size_t n = 0;
		unsigned char full[4096];
		FILE *p = popen("printf 'code,category,legal_basis,ccnl_fl,related\\nA,x,y,z,\\nB,x,y,z,\\n' | gzip -c", "r");
		if (p) {
			n = fread(full, 1, sizeof full, p);
			pclose(p);
		}
		CHECK(n > 20);
		/* without its 8-byte trailer and the last bytes of data */
		t = wf_taxonomy_parse("t.csv.gz", (char *)full, n - 12, err, sizeof err);
		CHECK(t == NULL);
		CHECK_STR(err, "t.csv.gz: truncated gzip data (stream ends early)");
	}

	/* 64 codes fit a uint64_t set; the 65th is refused */
	at = (size_t)snprintf(buf, sizeof buf, "%s", h);
	for (int i = 0; i < 65; i++)
		at += (size_t)snprintf(buf + at, sizeof buf - at, "C_%d,x,y,z,%s\n", i, i ? "C_0:0.5 | |" : "");
	bad(buf, "t.csv:66: more than 64 codes");
	buf[at - strlen("C_64,x,y,z,C_0:0.5 | |\n")] = '\0';
	t = wf_taxonomy_parse("t.csv", buf, strlen(buf), err, sizeof err);
	CHECK(t != NULL);
	if (t) {
		CHECK_INT(wf_taxonomy_count(t), 64);
		CHECK_STR(wf_taxonomy_code(t, 63), "C_63");
		CHECK(wf_taxonomy_code(t, 64) == NULL);
		CHECK(wf_taxonomy_code(t, -1) == NULL);
		CHECK(wf_taxonomy_label(t, 64) == NULL);
		CHECK(wf_taxonomy_label(t, -1) == NULL);
		CHECK_NEAR(wf_taxonomy_fit(t, 63, 0), 0.5, 0);
		CHECK_NEAR(wf_taxonomy_fit(t, 63, 63), 1, 0);
		CHECK_NEAR(wf_taxonomy_fit(t, -1, 0), 0, 0);
		CHECK_NEAR(wf_taxonomy_fit(t, 64, 0), 0, 0);
		CHECK_NEAR(wf_taxonomy_fit(t, 0, -1), 0, 0);
		CHECK_NEAR(wf_taxonomy_fit(t, 0, 64), 0, 0);
	}
	wf_taxonomy_free(t);

	/* a file past the first 8 KiB read, and a folder given as a file */
	{
		char path[] = "/tmp/wf_test_tax_XXXXXX";
		int fd = mkstemp(path);
		FILE *f = fdopen(fd, "w");
		fprintf(f, "%s", h);
		for (int i = 0; i < 60; i++)
			fprintf(f, "C%d,%0200d,y,z,\n", i, i);
		fclose(f);
		t = wf_taxonomy_load(path, NULL, err, sizeof err);
		CHECK(t != NULL);
		if (t)
			CHECK_INT(strlen(wf_taxonomy_label(t, 59)), 200);
		wf_taxonomy_free(t);
		unlink(path);
	}
	t = wf_taxonomy_load("/tmp", NULL, err, sizeof err);
	CHECK(t == NULL);
	CHECK_STR(err, "/tmp: Is a directory");
}

static void test_open_env(void)
{
	char err[256] = "";
	wf_taxonomy *t;

	setenv("WFKIT_DATADIR", "share/wfkit", 1);
	t = wf_taxonomy_open(NULL, NULL, err, sizeof err);
	CHECK(t != NULL);
	wf_taxonomy_free(t);
	setenv("WFKIT_DATADIR", "/nonexistent", 1);
	t = wf_taxonomy_open(NULL, NULL, err, sizeof err);
	CHECK(t == NULL);
	CHECK_STR(err, "/nonexistent/taxonomy.csv: No such file or directory");
	setenv("WFKIT_DATADIR", "", 1); /* set but empty: the built-in table */
	t = wf_taxonomy_open(NULL, NULL, err, sizeof err);
	CHECK(t != NULL);
	if (t)
		CHECK_STR(wf_taxonomy_codes(t), wf_taxonomy_codes(t)); /* usable */
	wf_taxonomy_free(t);
	unsetenv("WFKIT_DATADIR");
	t = wf_taxonomy_open(NULL, NULL, err, sizeof err);
	CHECK(t != NULL);
	wf_taxonomy_free(t);
}

WF_TEST_MAIN(test_builtin_equals_share, test_fit, test_errors, test_errors_more, test_open_env)
