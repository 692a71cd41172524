/* wf_rejects: the one rejects writer (source,line,reason,raw). */
#include <unistd.h>

#include "wf_err.h"
#include "wf_rejects.h"
#include "wf_test.h"

static void test_file(void)
{
	char path[] = "/tmp/wf_test_rej_XXXXXX", buf[512] = { 0 };
	const char raw[] = "a;\"b\";c\0tail";

	close(mkstemp(path));
	wf_out *o = wf_out_open(path);
	wf_rejects *r = wf_rejects_new(o);
	CHECK(wf_rejects_kept(r));
	CHECK_INT(wf_rejects_add(r, "x.csv", 3, "bad value 'b'", raw, 7), 0);
	CHECK_INT(wf_rejects_add(r, "y, z.csv", 12, "ragged row", NULL, 0), 0);
	CHECK_INT(wf_rejects_count(r), 2);
	wf_rejects_free(r);
	CHECK_INT(wf_out_close(o, 1), 0);
	FILE *f = fopen(path, "r");
	CHECK(f != NULL);
	if (f) {
		size_t n = fread(buf, 1, sizeof buf - 1, f);
		buf[n] = '\0';
		fclose(f);
	}
	CHECK_STR(buf, "source,line,reason,raw\n"
		       "x.csv,3,bad value 'b',\"a;\"\"b\"\";c\"\n"
		       "\"y, z.csv\",12,ragged row,\n");
	unlink(path);
}

/* Without a file the row is a message and the caller stops. */
static void test_no_file(void)
{
	wf_rejects *r = wf_rejects_new(NULL);

	wf_progname = "wf-test";
	CHECK(!wf_rejects_kept(r));
	fprintf(stderr, "(a message about no.csv:9 is expected next)\n");
	CHECK_INT(wf_rejects_add(r, "no.csv", 9, "stop here", "raw", 3), WF_REJECTS_STOP);
	CHECK_INT(wf_rejects_count(r), 1);
	wf_rejects_free(r);
	wf_rejects_free(NULL);
	CHECK_INT(wf_rejects_count(NULL), 0);
}

/* A rejects file on a full disk: the row that does not fit says so. */
static void test_full(void)
{
	wf_out *o;
	wf_rejects *r;
	char raw[4096];
	int rc = 0;

	if (access("/dev/full", W_OK) != 0)
		return;
	memset(raw, 'r', sizeof raw);
	o = wf_out_open("/dev/full");
	r = wf_rejects_new(o);
	CHECK(!wf_rejects_kept(NULL));
	for (int i = 0; i < 100 && rc == 0; i++)
		rc = wf_rejects_add(r, "x.csv", i + 2, "too long", raw, sizeof raw);
	CHECK_INT(rc, WF_REJECTS_FAILED); /* not STOP: the file failed */
	CHECK(wf_rejects_kept(r));
	wf_rejects_free(r);
	wf_test_capture();
	CHECK_INT(wf_out_close(o, 0), -1);
	CHECK_STR(wf_test_captured(), "wf-test: write error: /dev/full: No space left on device\n");
}

WF_TEST_MAIN(test_file, test_no_file, test_full)
