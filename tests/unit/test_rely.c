/* Reliability regressions found by the issue 7 work (hostile input,
 * fault injection); the CLI side is in tests/bats/{fault,hostile,limits}.bats. */
#include <sys/stat.h>
#include <unistd.h>

#include "wf_test.h"
#include "wf_io.h"
#include "wf_match.h"
#include "wf_table.h"

/* wf_reader_col is a hash lookup: first column of a name, -1 when
 * absent, and a 100,000-key NDJSON line reads in linear time. */
static void test_reader_col(void)
{
	const char *csv = "a,b,a,c\n1,2,3,4\n";
	wf_reader *r = wf_reader_new(wf_src_mem("m", csv, strlen(csv), 0), NULL);
	CHECK(r != NULL);
	CHECK_INT(wf_reader_col(r, "a"), 0);
	CHECK_INT(wf_reader_col(r, "c"), 3);
	CHECK_INT(wf_reader_col(r, "d"), -1);
	CHECK_INT(wf_reader_col(r, ""), -1);
	wf_reader_free(r);

	enum { N = 100000 };
	size_t cap = 2 * ((size_t)N * 24 + 16), n = 0;
	char *j = malloc(cap);
	for (int line = 0; line < 2; line++) {
		j[n++] = '{';
		for (int i = 0; i < N; i++)
			n += (size_t)snprintf(j + n, cap - n, "%s\"k%d\":%d", i ? "," : "", i, i);
		j[n++] = '}';
		j[n++] = '\n';
	}
	r = wf_reader_new(wf_src_mem("wide", j, n, 1), NULL);
	CHECK(r != NULL);
	CHECK_INT(wf_reader_col(r, "k99999"), 99999);
	wf_row row;
	CHECK_INT(wf_reader_next(r, &row), WF_ROW_OK);
	CHECK_INT((int)row.n, N);
	CHECK_STR(row.f[12345], "12345");
	/* in NDJSON the first object is a row as well as the header */
	CHECK_INT(wf_reader_next(r, &row), WF_ROW_OK);
	CHECK_INT(wf_reader_next(r, &row), WF_ROW_EOF);
	wf_reader_free(r);
}

/* -o onto a device or FIFO writes into it; the path keeps its type. */
static void test_out_device(void)
{
	struct stat st;
	wf_out *o;

	/* Only on a sane system: were /dev/null already a regular file,
	 * writing to it would only make things worse. */
	if (stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode)) {
		o = wf_out_open("/dev/null");
		CHECK(o != NULL);
		wf_out_puts(o, "x\n");
		CHECK_INT(wf_out_close(o, 1), 0);
		CHECK(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
	}
	if (stat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode) && access("/dev/full", W_OK) == 0) {
		o = wf_out_open("/dev/full");
		CHECK(o != NULL);
		wf_out_puts(o, "x\n");
		CHECK_INT(wf_out_close(o, 1), -1);
		CHECK(stat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode));
	}
}

/* Found by fuzz_matchio (UBSan): --assign with no eligible pair at
 * all computed NULL + 0 for the empty result. */
static void test_assign_no_pairs(void)
{
	wf_taxonomy *t = wf_taxonomy_builtin();
	wf_match_opts o;
	wf_match_opts_default(&o);
	wf_matcher *m = wf_matcher_new(t, &o);
	int cc = wf_taxonomy_find(t, "CHILDCARE", 9), el = wf_taxonomy_find(t, "ELDERCARE", 9);
	wf_supply s = { "s", 44.58, 8.19, (uint64_t)1 << el, 3, 0, { 0 }, 0 };
	wf_demand d = { "d", 44.58, 8.19, cc, 2, 0, { 0 }, 0 };
	const wf_match *r = (const wf_match *)&o;
	long long unmet = -1;
	int why = -1;

	wf_matcher_add_supply(m, &s);
	wf_matcher_build(m);
	wf_matcher_add_demand(m, &d);
	wf_matcher_assign(m);
	CHECK_INT((int)wf_matcher_result(m, 0, &r, &unmet, &why), 0);
	CHECK(r == NULL);
	CHECK_INT((int)unmet, 2);
	CHECK(why != WF_UNMET_NONE);
	wf_matcher_free(m);
	wf_taxonomy_free(t);
}

WF_TEST_MAIN(test_reader_col, test_out_device, test_assign_no_pairs)
