/*
 * test_zip.c - wf_zip: walking archives built here with libzip, and the
 * ones that lie: a member bigger or smaller than its directory says, a
 * compression ratio of a bomb, a method nobody supports, a nested
 * archive that is broken, a consumer that fails; archive comments.
 */
#include <stdint.h>
#include <sys/stat.h>
#include <zip.h>

#include "wf_zip.h"
#include "wf_test.h"

static char dir[] = "/tmp/wf_test_zip.XXXXXX";

struct entry {
	const char *name;
	const void *data;
	size_t len;
	int store; /* no compression */
};

/* A zip archive of the entries, read back into a new buffer. */
static unsigned char *make_zip(const struct entry *e, int n, const char *comment, size_t *len)
{
	char path[128];
	zip_t *z;
	FILE *f;
	unsigned char *buf;
	long sz;

	snprintf(path, sizeof path, "%s/made.zip", dir);
	remove(path);
	z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, NULL);
	for (int i = 0; i < n; i++) {
		zip_source_t *s = zip_source_buffer(z, e[i].data, e[i].len, 0);
		zip_int64_t k = zip_file_add(z, e[i].name, s, ZIP_FL_OVERWRITE);
		if (e[i].store)
			zip_set_file_compression(z, (zip_uint64_t)k, ZIP_CM_STORE, 0);
	}
	if (comment)
		zip_set_archive_comment(z, comment, (zip_uint16_t)strlen(comment));
	zip_close(z);
	f = fopen(path, "rb");
	fseek(f, 0, SEEK_END);
	sz = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)sz);
	*len = fread(buf, 1, (size_t)sz, f);
	fclose(f);
	return buf;
}

static void put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

/* Rewrite the first member's uncompressed size (or, with method >= 0,
 * its compression method) in both its local header and the directory
 * (found through the end record, not by searching: a stored nested
 * archive holds signatures too), so only the member lies. */
static void patch_first(unsigned char *z, size_t len, long size, int method)
{
	size_t e = len - 22, cd;

	while (e > 0 && memcmp(z + e, "PK\5\6", 4) != 0)
		e--;
	cd = (size_t)z[e + 16] | (size_t)z[e + 17] << 8 | (size_t)z[e + 18] << 16 | (size_t)z[e + 19] << 24;
	if (size >= 0) {
		put32(z + 22, (uint32_t)size);
		put32(z + cd + 24, (uint32_t)size);
	}
	if (method >= 0) {
		z[8] = (unsigned char)method;
		z[cd + 10] = (unsigned char)method;
	}
}

struct seen {
	int n;
	char what[1024];
	int take_ret;
	int want_archives;
};

static int want_all(void *ctx, const wf_zip_member *m)
{
	struct seen *s = ctx;

	if (m->archive)
		return s->want_archives;
	return strncmp(m->base, "skip", 4) != 0;
}

static int take_text(void *ctx, const wf_zip_member *m, wf_src *src)
{
	struct seen *s = ctx;
	char buf[64];
	ssize_t r = wf_src_read(src, buf, sizeof buf - 1);
	size_t at = strlen(s->what);

	buf[r > 0 ? r : 0] = '\0';
	snprintf(s->what + at, sizeof s->what - at, "%s[%d]=%s;", m->label, m->depth, buf);
	s->n++;
	wf_src_free(src);
	return s->take_ret;
}

static void test_magic(void)
{
	CHECK_INT(wf_zip_magic((const unsigned char *)"PK\3\4", 4), 1);
	CHECK_INT(wf_zip_magic((const unsigned char *)"PK\5\6", 4), 1); /* empty archive */
	CHECK_INT(wf_zip_magic((const unsigned char *)"PK\3\5", 4), 0);
	CHECK_INT(wf_zip_magic((const unsigned char *)"PK\5\7", 4), 0);
	CHECK_INT(wf_zip_magic((const unsigned char *)"PK\7\10", 4), 0);
	CHECK_INT(wf_zip_magic((const unsigned char *)"PX\3\4", 4), 0);
	CHECK_INT(wf_zip_magic((const unsigned char *)"QK\3\4", 4), 0);
	CHECK_INT(wf_zip_magic((const unsigned char *)"PK\3", 3), 0);
}

/* Folders are skipped, a nested archive is entered once (when wanted),
 * backslashes are folders, take()'s -1 counts as an error. */
static void test_walk(void)
{
	struct entry in[] = { { "inner/B.csv", "b\n", 2, 0 } };
	size_t il, ol;
	unsigned char *inner = make_zip(in, 1, NULL, &il);
	struct entry out[] = { { "dir/", "", 0, 1 }, { "dir\\A.csv", "a\n", 2, 0 },
			       { "Dati.zip", inner, il, 1 } };
	unsigned char *z = make_zip(out, 3, NULL, &ol);
	struct seen s = { 0 };

	CHECK_INT(wf_zip_walk("t.zip", z, ol, want_all, take_text, &s), 0);
	CHECK_STR(s.what, "t.zip(dir/A.csv)[0]=a\n;t.zip(Dati.zip)(inner/B.csv)[1]=b\n;");
	memset(&s, 0, sizeof s);
	CHECK_INT(wf_zip_walk_ask("t.zip", z, ol, want_all, take_text, &s), 0);
	CHECK_STR(s.what, "t.zip(dir/A.csv)[0]=a\n;");
	memset(&s, 0, sizeof s);
	s.want_archives = 1;
	s.take_ret = -1;
	CHECK_INT(wf_zip_walk_ask("t.zip", z, ol, want_all, take_text, &s), 2);
	CHECK_INT(s.n, 2);
	free(z);

	/* one level deep only: a zip in the nested one is a member like any
	 * other; a member want() declines is not read */
	{
		struct entry mid[] = { { "deep.zip", inner, il, 1 }, { "skip.csv", "s\n", 2, 0 } };
		size_t ml;
		unsigned char *m = make_zip(mid, 2, NULL, &ml);
		struct entry top[] = { { "mid.zip", m, ml, 1 } };
		z = make_zip(top, 1, NULL, &ol);
		memset(&s, 0, sizeof s);
		CHECK_INT(wf_zip_walk("t.zip", z, ol, want_all, take_text, &s), 0);
		CHECK_INT(s.n, 1);
		CHECK(strncmp(s.what, "t.zip(mid.zip)(deep.zip)[1]=PK", 30) == 0);
		free(m);
		free(z);
	}
	free(inner);

	wf_test_capture();
	CHECK_INT(wf_zip_walk("t.zip", (const unsigned char *)"PK\3\4 and then nothing", 20,
			      want_all, take_text, &s), 1);
	CHECK(strncmp(wf_test_captured(), "wfkit: t.zip: not a readable zip archive: ", 42) == 0);
}

static void test_liars(void)
{
	char text[3000];
	struct entry e[] = { { "A.csv", text, sizeof text, 0 } };
	size_t zl, il;
	unsigned char *z, *inner;
	struct seen s = { 0 };

	for (size_t i = 0; i < sizeof text; i++)
		text[i] = (char)('a' + i * 7 % 26);

	/* more bytes than the directory says */
	z = make_zip(e, 1, NULL, &zl);
	patch_first(z, zl, 100, -1);
	wf_test_capture();
	CHECK_INT(wf_zip_walk("t.zip", z, zl, want_all, take_text, &s), 1);
	CHECK_STR(wf_test_captured(), "wfkit: t.zip(A.csv): member holds more than the 100 bytes its "
		  "directory says (corrupt archive or zip bomb?); refused\n");
	CHECK_INT(s.n, 0);
	free(z);

	/* fewer: deflated, the stream ends early and only the size says so */
	z = make_zip(e, 1, NULL, &zl);
	patch_first(z, zl, 4000, -1);
	wf_test_capture();
	CHECK_INT(wf_zip_walk("t.zip", z, zl, want_all, take_text, &s), 1);
	CHECK_STR(wf_test_captured(), "wfkit: t.zip(A.csv): member holds 3000 bytes, its directory says 4000 "
		  "(truncated archive?)\n");
	free(z);
	/* stored, libzip sees it itself: its words, and what we think of them */
	e[0].store = 1;
	z = make_zip(e, 1, NULL, &zl);
	patch_first(z, zl, 4000, -1);
	wf_test_capture();
	CHECK_INT(wf_zip_walk("t.zip", z, zl, want_all, take_text, &s), 1);
	CHECK_STR(wf_test_captured(), "wfkit: t.zip(A.csv): Zip archive inconsistent (truncated or corrupt archive?)\n");
	/* a bad CRC: libzip's words, and what we think of them */
	patch_first(z, zl, 3000, -1);
	z[30 + 5 + 100] ^= 1; /* a byte of the stored data, after the name "A.csv" */
	wf_test_capture();
	CHECK_INT(wf_zip_walk("t.zip", z, zl, want_all, take_text, &s), 1);
	CHECK_STR(wf_test_captured(), "wfkit: t.zip(A.csv): CRC error (truncated or corrupt archive?)\n");
	free(z);

	/* a method nobody supports: refused when opened, with libzip's words */
	e[0].store = 0;
	z = make_zip(e, 1, NULL, &zl);
	patch_first(z, zl, -1, 98); /* PPMd */
	wf_test_capture();
	CHECK_INT(wf_zip_walk("t.zip", z, zl, want_all, take_text, &s), 1);
	CHECK_STR(wf_test_captured(), "wfkit: t.zip(A.csv): Compression method not supported\n");

	/* the same broken member inside a nested archive: one error */
	inner = z;
	il = zl;
	{
		struct entry o[] = { { "in.zip", inner, il, 1 }, { "B.csv", "b\n", 2, 0 } };
		unsigned char *outer = make_zip(o, 2, NULL, &zl);
		memset(&s, 0, sizeof s);
		wf_test_capture();
		CHECK_INT(wf_zip_walk("t.zip", outer, zl, want_all, take_text, &s), 1);
		CHECK_STR(wf_test_captured(), "wfkit: t.zip(in.zip)(A.csv): Compression method not supported\n");
		CHECK_STR(s.what, "t.zip(B.csv)[0]=b\n;");
		/* a nested archive that is itself refused (it lies about its size) */
		patch_first(outer, zl, 10, -1);
		wf_test_capture();
		CHECK_INT(wf_zip_walk("t.zip", outer, zl, want_all, take_text, &s), 1);
		CHECK_STR(wf_test_captured(), "wfkit: t.zip(in.zip): member holds more than the 10 bytes its "
			  "directory says (corrupt archive or zip bomb?); refused\n");
		free(outer);
	}
	free(inner);
}

/* 8 MiB of zeros compress about 1030:1: a bomb by ratio. */
static void test_bomb(void)
{
	size_t n = 8u << 20, zl;
	char *zeros = calloc(1, n);
	struct entry e[] = { { "Z.csv", zeros, n, 0 } };
	unsigned char *z = make_zip(e, 1, NULL, &zl);
	struct seen s = { 0 };

	wf_test_capture();
	CHECK_INT(wf_zip_walk("t.zip", z, zl, want_all, take_text, &s), 1);
	CHECK_STR(wf_test_captured(), "wfkit: t.zip(Z.csv): member expands more than 1000:1 (zip bomb?); refused\n");
	/* declared small to pass the ratio: caught as a liar by its size */
	patch_first(z, zl, (long)(2u << 20), -1);
	wf_test_capture();
	CHECK_INT(wf_zip_walk("t.zip", z, zl, want_all, take_text, &s), 1);
	CHECK_STR(wf_test_captured(), "wfkit: t.zip(Z.csv): member holds more than the 2097152 bytes its "
		  "directory says (corrupt archive or zip bomb?); refused\n");
	CHECK_INT(s.n, 0);
	free(z);
	free(zeros);
}

static void test_comment(void)
{
	struct entry e[] = { { "A.csv", "a\n", 2, 0 } };
	char path[128], buf[64];
	size_t zl;
	unsigned char *z;
	FILE *f;

	z = make_zip(e, 1, "SYNTHETIC data", &zl);
	snprintf(path, sizeof path, "%s/c.zip", dir);
	f = fopen(path, "wb");
	fwrite(z, 1, zl, f);
	fclose(f);
	CHECK_INT(wf_zip_file_comment(path, buf, sizeof buf), 14);
	CHECK_STR(buf, "SYNTHETIC data");
	CHECK_INT(wf_zip_file_comment(path, buf, 5), 14);
	CHECK_STR(buf, "SYNT");
	CHECK_INT(wf_zip_file_comment(path, NULL, 0), 14);
	free(z);

	/* an end-record signature inside the comment is not the real one
	 * (written by hand: the comment's length is the record's last field) */
	z = make_zip(e, 1, NULL, &zl);
	z = realloc(z, zl + 40);
	memcpy(z + zl, "PK\5\6zzzzzzzzzzzzzzzzzzzzzzzzzzzz", 32);
	z[zl - 2] = 32;
	f = fopen(path, "wb");
	fwrite(z, 1, zl + 32, f);
	fclose(f);
	CHECK_INT(wf_zip_file_comment(path, buf, sizeof buf), 32);
	CHECK_STR(buf, "PK\5\6zzzzzzzzzzzzzzzzzzzzzzzzzzzz");
	free(z);

	/* not a zip, too short, not a file, not there */
	f = fopen(path, "wb");
	fputs("just text, no archive at all, long enough for a tail", f);
	fclose(f);
	CHECK_INT(wf_zip_file_comment(path, buf, sizeof buf), -1);
	CHECK_STR(buf, "");
	f = fopen(path, "wb");
	fputs("PK\5\6", f);
	fclose(f);
	CHECK_INT(wf_zip_file_comment(path, buf, sizeof buf), -1);
	CHECK_INT(wf_zip_file_comment("/dev/null", buf, sizeof buf), -1);
	CHECK_INT(wf_zip_file_comment(dir, buf, sizeof buf), -1);
	snprintf(path, sizeof path, "%s/none.zip", dir);
	CHECK_INT(wf_zip_file_comment(path, buf, sizeof buf), -1);
}

static void setup(void)
{
	if (!mkdtemp(dir))
		exit(1);
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	CHECK_INT(system(cmd), 0);
}

WF_TEST_MAIN(setup, test_magic, test_walk, test_liars, test_bomb, test_comment, teardown)
