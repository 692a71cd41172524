/* Unit tests for wf_spool: rows written once and read back, as often
 * as asked, exactly as written (missing and empty cells apart, cells
 * larger than the buffer, rows across its edge). */
#include "wf_spool.h"
#include "wf_test.h"

static void test_round_trip(void)
{
	wf_spool *s = wf_spool_new();
	const char *r1[] = { "a", NULL, "", "x\ny\"z" };
	const char *r2[] = { "only" };
	const char *const *cells;
	const size_t *lens;
	size_t n;

	CHECK(s != NULL);
	CHECK_INT(wf_spool_next(s, &cells, &lens, &n), -1); /* still writing */
	CHECK_INT(wf_spool_add(s, r1, NULL, 4), 0);
	CHECK_INT(wf_spool_add(s, r2, NULL, 1), 0);
	CHECK_INT(wf_spool_add(s, NULL, NULL, 0), 0);
	CHECK_INT(wf_spool_rows(s), 3);
	for (int pass = 0; pass < 2; pass++) {
		CHECK_INT(wf_spool_rewind(s), 0);
		CHECK_INT(wf_spool_next(s, &cells, &lens, &n), 1);
		CHECK_INT(n, 4);
		CHECK_STR(cells[0], "a");
		CHECK(cells[1] == NULL);
		CHECK_STR(cells[2], "");
		CHECK_STR(cells[3], "x\ny\"z");
		CHECK_INT(lens[3], 5);
		CHECK_INT(wf_spool_next(s, &cells, &lens, &n), 1);
		CHECK_INT(n, 1);
		CHECK_STR(cells[0], "only");
		CHECK_INT(wf_spool_next(s, &cells, &lens, &n), 1);
		CHECK_INT(n, 0);
		CHECK_INT(wf_spool_next(s, &cells, &lens, &n), 0);
		CHECK_INT(wf_spool_next(s, &cells, &lens, &n), 0);
	}
	CHECK_INT(wf_spool_add(s, r2, NULL, 1), -1); /* reading now */
	wf_spool_free(s);
	wf_spool_free(NULL);
}

/* Rows that straddle the 1 MiB buffer, and a cell larger than it; the
 * lengths given are used, not strlen. */
static void test_large(void)
{
	wf_spool *s = wf_spool_new();
	size_t big = (3u << 20) + 7, rows = 300000, n, seen = 0, bad = 0, failed = 0;
	char *cell = malloc(big + 1), num[32];
	const char *const *cells;
	const size_t *lens;

	memset(cell, 'q', big);
	cell[big] = '\0';
	for (size_t i = 0; i < rows; i++) {
		const char *v[2] = { num, i == rows / 2 ? cell : "z" };
		size_t l[2];
		l[0] = (size_t)snprintf(num, sizeof num, "%zu", i);
		l[1] = i == rows / 2 ? big : 1;
		failed += wf_spool_add(s, v, l, 2) != 0;
	}
	CHECK_INT(failed, 0);
	CHECK_INT(wf_spool_rewind(s), 0);
	while (wf_spool_next(s, &cells, &lens, &n) == 1) {
		snprintf(num, sizeof num, "%zu", seen);
		if (n != 2 || strcmp(cells[0], num) != 0 || lens[0] != strlen(num))
			bad++;
		else if (seen == rows / 2 ? lens[1] != big || memcmp(cells[1], cell, big) != 0 :
		                            strcmp(cells[1], "z") != 0)
			bad++;
		seen++;
	}
	CHECK_INT(seen, rows);
	CHECK_INT(bad, 0);
	free(cell);
	wf_spool_free(s);
}

/* $TMPDIR is where the spool goes; one that cannot be written is an
 * error at once, not a crash later. */
static void test_tmpdir(void)
{
	const char *old = getenv("TMPDIR");
	char *save = old ? strdup(old) : NULL;

	setenv("TMPDIR", "/nonexistent/wf-spool-test", 1);
	CHECK(wf_spool_new() == NULL);
	if (save)
		setenv("TMPDIR", save, 1);
	else
		unsetenv("TMPDIR");
	free(save);
}

WF_TEST_MAIN(test_round_trip, test_large, test_tmpdir)
