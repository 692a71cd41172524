/* Several inputs at once (wf_ingest_paths, wf_ingest_mt.c): the same
 * bytes out, rejected and said as one thread; and its parts: spools,
 * a writer's clone, a thread's captured messages. */
#include "wf_test.h"

#include <stdlib.h>
#include <unistd.h>

#include "wf_conto.h"
#include "wf_err.h"
#include "wf_ingest.h"

static char dir[] = "/tmp/wf-test-ingest.XXXXXX";

static char *path_of(const char *name)
{
	static char buf[8][256];
	static int k;
	char *p = buf[k++ % 8];

	snprintf(p, 256, "%s/%s", dir, name);
	return p;
}

static void write_file(const char *name, const char *text)
{
	FILE *f = fopen(path_of(name), "w");

	fputs(text, f);
	fclose(f);
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *b = NULL;
	size_t cap = 0;

	*n = 0;
	if (!f)
		return calloc(1, 1);
	for (;;) {
		b = realloc(b, cap + 4096 + 1);
		size_t got = fread(b + *n, 1, 4096, f);
		*n += got;
		cap += 4096;
		if (got < 4096)
			break;
	}
	b[*n] = '\0';
	fclose(f);
	return b;
}

/* One run over paths on threads threads: out, rejects and messages. */
struct result {
	char *out, *rej, *msg;
	size_t nout, nrej, nmsg;
	int status;
};

static struct result run(const char *const *paths, size_t n, int threads, int with_rejects)
{
	struct result r;
	wf_run run = { 0 };
	wf_ingest_opts io = { 0, -1, 0, NULL };
	wf_codes *codes = wf_codes_new();
	char *o = path_of("out.csv"), *j = path_of("rej.csv");
	wf_out *out = wf_out_open(o), *rej = with_rejects ? wf_out_open(j) : NULL;
	wf_tw *tw = wf_tw_new(out, WF_FMT_CSV, WF_FACT_NCOLS, wf_fact_columns, wf_fact_kinds);
	FILE *mf = open_memstream(&r.msg, &r.nmsg);
	wf_ingest *g;

	run.threads = threads;
	g = wf_ingest_new(&run, codes, tw, rej, &io);
	wf_err_capture(mf);
	wf_ingest_paths(g, paths, n);
	r.status = wf_ingest_finish(g);
	wf_err_capture(NULL);
	fclose(mf);
	wf_ingest_free(g);
	wf_tw_free(tw);
	wf_out_close(out, 1);
	if (rej)
		wf_out_close(rej, 1);
	wf_codes_free(codes);
	r.out = slurp(o, &r.nout);
	r.rej = slurp(j, &r.nrej);
	unlink(o);
	unlink(j);
	return r;
}

static void same(const char *const *paths, size_t n, int with_rejects, int want_status)
{
	struct result one = run(paths, n, 1, with_rejects);

	CHECK_INT(one.status, want_status);
	CHECK(one.nout > 200);
	for (int t = 2; t <= 3; t++) {
		struct result r = run(paths, n, t, with_rejects);
		CHECK_INT(r.status, one.status);
		CHECK_INT(r.nout, one.nout);
		CHECK(r.nout == one.nout && memcmp(r.out, one.out, r.nout) == 0);
		CHECK_STR(r.rej, one.rej);
		CHECK_STR(r.msg, one.msg);
		free(r.out);
		free(r.rej);
		free(r.msg);
	}
	free(one.out);
	free(one.rej);
	free(one.msg);
}

static void test_paths(void)
{
	const char *hdr = "ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA\n";
	char text[4096];
	const char *names[] = { "COSTO_LAVORO_2017.csv", "COSTO_LAVORO_2018.csv",
				"COSTO_LAVORO_2019.csv", "COSTO_LAVORO_2019_b.csv" };
	const char *paths[4];

	for (int f = 0; f < 4; f++) {
		size_t at = (size_t)snprintf(text, sizeof text, "%s", hdr);
		for (int i = 0; i < 20; i++)
			at += (size_t)snprintf(text + at, sizeof text - at, "C%d;RALN;L0%02d;%d,%02d\n",
					       1000 + f * 10 + i % 3, 10 + i, 100 * f + i, i);
		if (f == 1) /* a bad row in the second file */
			snprintf(text + at, sizeof text - at, "C1;RALN;L090;abc\n");
		if (f == 3) /* a fact of the third file again */
			snprintf(text + at, sizeof text - at, "C1020;RALN;L010;1,00\n");
		write_file(names[f], text);
		paths[f] = wf_xstrdup(path_of(names[f]));
	}
	same(paths, 3, 1, WF_EXIT_DATA); /* the bad row kept, every file read */
	same(paths, 3, 0, WF_EXIT_DATA); /* the bad row stops the run */
	same(paths + 2, 2, 1, WF_EXIT_DATA); /* a duplicate across files */
	{
		struct result r = run(paths + 2, 2, 2, 1);
		CHECK(strstr(r.rej, "duplicate of ") != NULL && strstr(r.rej, "COSTO_LAVORO_2019.csv:") != NULL);
		free(r.out);
		free(r.rej);
		free(r.msg);
	}
	for (int f = 0; f < 4; f++) {
		unlink(paths[f]);
		free((char *)paths[f]);
	}
}

/* A spool holds what a clone of a writer writes, and gives it back
 * after its header; a thread's messages go where it captures them. */
static void test_parts(void)
{
	static const char *const cols[] = { "a", "b" };
	char *o = path_of("spool-out.csv"), *got;
	wf_out *out = wf_out_open(o), *sp = wf_out_spool();
	wf_tw *w = wf_tw_new(out, WF_FMT_CSV, 2, cols, NULL), *c;
	const char *row[] = { "=1+1", "x,y" };
	char *msg = NULL;
	size_t n, nmsg = 0;
	FILE *mf = open_memstream(&msg, &nmsg);

	CHECK(sp != NULL);
	wf_tw_set_excel_safe(w, 1);
	c = wf_tw_clone(w, sp);
	CHECK(wf_tw_out(c) == sp);
	wf_tw_row(w, row, NULL);
	wf_tw_row(c, row, NULL);
	wf_tw_row(c, row, NULL);
	CHECK_INT(wf_out_spool_copy(sp, out), 0);
	wf_tw_free(c);
	wf_tw_free(w);
	CHECK_INT(wf_out_close(sp, 0), 0);
	CHECK_INT(wf_out_close(out, 1), 0);
	got = slurp(o, &n);
	CHECK_STR(got, "a,b\n\"'=1+1\",\"x,y\"\n\"'=1+1\",\"x,y\"\n\"'=1+1\",\"x,y\"\n");
	free(got);
	unlink(o);
	wf_err_capture(mf);
	CHECK(wf_errfile() == mf);
	wf_warn("one %d", 1);
	wf_warn_at("f.csv", 3, "two");
	wf_err_capture(NULL);
	CHECK(wf_errfile() == stderr);
	fclose(mf);
	CHECK_STR(msg, "wfkit: one 1\nwfkit: f.csv:3: two\n");
	free(msg);
}

static void setup(void)
{
	CHECK(mkdtemp(dir) != NULL);
}

static void teardown(void)
{
	rmdir(dir);
}

WF_TEST_MAIN(setup, test_paths, test_parts, teardown)
