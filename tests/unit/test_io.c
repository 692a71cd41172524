/*
 * test_io.c - wf_io: byte sources (plain, gzip inline and threaded,
 * memory) and atomic outputs, including the failures a disk or the
 * system can produce. Those are injected here: this file defines
 * read, write, fsync, close, pthread_create and inflateInit2_, which
 * the static libwf.a objects linked into this binary call instead of
 * libc's and zlib's; each passes through unless a test arms it.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <limits.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <zlib.h>

#include "wf_err.h"
#include "wf_io.h"
#include "wf_test.h"

/* ---- injected faults ---- */

static ino_t fault_ino;          /* reads of this file (0: none) ... */
static int read_eintr;           /* ... fail with EINTR this many times */
static int read_ok_calls = -1;   /* ... then succeed this many (-1: always), then EIO */
static int write_eintr;          /* writes fail with EINTR this many times */
static int fail_fsync, fail_close, fail_thread, fail_inflate_init;

static int is_target(int fd)
{
	struct stat st;

	return fault_ino && fstat(fd, &st) == 0 && st.st_ino == fault_ino;
}

ssize_t read(int fd, void *buf, size_t n)
{
	if (is_target(fd)) {
		if (read_eintr > 0) {
			read_eintr--;
			errno = EINTR;
			return -1;
		}
		if (read_ok_calls == 0) {
			errno = EIO;
			return -1;
		}
		if (read_ok_calls > 0)
			read_ok_calls--;
	}
	return syscall(SYS_read, fd, buf, n);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	if (write_eintr > 0 && fd > 2) {
		write_eintr--;
		errno = EINTR;
		return -1;
	}
	return syscall(SYS_write, fd, buf, n);
}

int fsync(int fd)
{
	if (fail_fsync) {
		errno = fail_fsync;
		return -1;
	}
	return (int)syscall(SYS_fsync, fd);
}

int close(int fd)
{
	int r = (int)syscall(SYS_close, fd);

	if (fail_close && fd > 2) {
		errno = EIO; /* as NFS reports a write-back failure */
		return -1;
	}
	return r;
}

int pthread_create(pthread_t *t, const pthread_attr_t *a, void *(*fn)(void *), void *arg)
{
	int (*real)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);

	if (fail_thread)
		return EAGAIN;
	*(void **)&real = dlsym(RTLD_NEXT, "pthread_create");
	return real(t, a, fn, arg);
}

int inflateInit2_(z_streamp s, int bits, const char *version, int size)
{
	int (*real)(z_streamp, int, const char *, int);

	if (fail_inflate_init)
		return Z_MEM_ERROR;
	*(void **)&real = dlsym(RTLD_NEXT, "inflateInit2_");
	return real(s, bits, version, size);
}

/* ---- helpers ---- */

static char dir[] = "/tmp/wf_test_io.XXXXXX";

static char *path_in(const char *name)
{
	static char p[4][256];
	static int k;

	k = (k + 1) % 4;
	snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
	return p[k];
}

/* gzip of len bytes at text, level 0-9, into a new buffer. */
static unsigned char *gzip(const void *text, size_t len, int level, size_t *out)
{
	z_stream z = { 0 };
	size_t cap = len + len / 100 + 1024;
	unsigned char *buf = malloc(cap);

	deflateInit2(&z, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
	z.next_in = (unsigned char *)text;
	z.avail_in = (uInt)len;
	z.next_out = buf;
	z.avail_out = (uInt)cap;
	deflate(&z, Z_FINISH);
	*out = cap - z.avail_out;
	deflateEnd(&z);
	return buf;
}

static void put_file(const char *path, const void *p, size_t n)
{
	FILE *f = fopen(path, "wb");
	fwrite(p, 1, n, f);
	fclose(f);
}

static char *slurp_text(const char *path)
{
	static char text[1024];
	FILE *f = fopen(path, "rb");
	size_t n = 0;

	if (!f)
		return NULL;
	n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

/* Everything a source yields, read n bytes at a time. */
static char *read_all(wf_src *s, size_t n, size_t *len, int *err)
{
	size_t cap = 1 << 16, at = 0;
	char *buf = malloc(cap);
	ssize_t r;

	*err = 0;
	for (;;) {
		if (cap - at < n)
			buf = realloc(buf, cap *= 2);
		r = wf_src_read(s, buf + at, n);
		if (r < 0) {
			*err = 1;
			break;
		}
		if (r == 0)
			break;
		at += (size_t)r;
	}
	*len = at;
	return buf;
}

/* Reads s to its end in chunks of n, expecting the read to fail with
 * error why; frees s. Returns the bytes read before the failure. */
static size_t read_fails(wf_src *s, size_t n, const char *why)
{
	size_t len;
	int err;
	char *got = read_all(s, n, &len, &err);

	CHECK_INT(err, 1);
	CHECK_STR(wf_src_error(s), why);
	free(got);
	wf_src_free(s);
	return len;
}

/* Lines "row N,N*7\n" up to about n bytes: compresses a few times,
 * never near the 1000:1 bomb ratio. */
static char *rows(size_t n, size_t *len)
{
	char *t = malloc(n + 64);
	size_t at = 0;

	for (unsigned long i = 0; at < n; i++)
		at += (size_t)sprintf(t + at, "row %lu,%lu\n", i, i * 7919 % 100003);
	*len = at;
	return t;
}

static int files_in_dir(void)
{
	char cmd[300];
	FILE *p;
	int n = -1;

	snprintf(cmd, sizeof cmd, "ls -A %s | wc -l", dir);
	if ((p = popen(cmd, "r"))) {
		if (fscanf(p, "%d", &n) != 1)
			n = -1;
		pclose(p);
	}
	return n;
}

static void clean_dir(void)
{
	char cmd[300];

	snprintf(cmd, sizeof cmd, "rm -rf %s/* %s/.[!.]*", dir, dir);
	CHECK_INT(system(cmd), 0);
}

/* ---- sources ---- */

static void test_src_plain(void)
{
	const char *p = path_in("plain.csv");
	unsigned char pk[16];
	char buf[16];
	wf_src *s;

	put_file(p, "a,b\n1,2\n", 8);
	s = wf_src_open(p);
	/* more than the 8 bytes peek keeps: capped, and the read after it
	 * serves the peeked bytes first, in pieces smaller than them */
	CHECK_INT(wf_src_peek(s, pk, sizeof pk), 8);
	CHECK_INT(memcmp(pk, "a,b\n1,2\n", 8), 0);
	CHECK_INT(wf_src_read(s, buf, 0), 0);
	CHECK_INT(wf_src_read(s, buf, 3), 3);
	CHECK_INT(memcmp(buf, "a,b", 3), 0);
	CHECK_INT(wf_src_read(s, buf, sizeof buf), 5);
	CHECK_INT(wf_src_read(s, buf, sizeof buf), 0);
	CHECK_INT(wf_src_is_gzip(s), 0);
	CHECK_INT(wf_src_raw_pos(s), 8);
	CHECK_INT(wf_src_raw_size(s), 8);
	CHECK_STR(wf_src_error(s), "read error"); /* nothing more specific known */
	wf_src_free(s);
	wf_src_free(NULL);

	wf_test_capture();
	s = wf_src_open(dir);
	CHECK(s == NULL);
	{
		char want[300];
		snprintf(want, sizeof want, "wfkit: %s: Is a directory\n", dir);
		CHECK_STR(wf_test_captured(), want);
	}
}

/* A signal arriving during read() is retried, not a read error. */
static void test_src_eintr(void)
{
	const char *p = path_in("eintr.csv");
	struct stat st;
	char buf[16];
	wf_src *s;

	put_file(p, "x\n", 2);
	stat(p, &st);
	fault_ino = st.st_ino;
	read_eintr = 3;
	s = wf_src_open(p);
	CHECK_INT(wf_src_read(s, buf, sizeof buf), 2);
	CHECK_INT(read_eintr, 0);
	wf_src_free(s);
	fault_ino = 0;
}

/* In memory (no thread: the inline decoder): two concatenated members
 * are one stream; a cut or a corrupt stream is an error that says so. */
static void test_gzip_inline(void)
{
	size_t n1, n2, len;
	unsigned char *g1 = gzip("hello\n", 6, 6, &n1), *g2 = gzip("world\n", 6, 6, &n2);
	unsigned char *both = malloc(n1 + n2);
	wf_src *s;
	char *got;
	int err;

	memcpy(both, g1, n1);
	memcpy(both + n1, g2, n2);
	s = wf_src_mem("two.gz", both, n1 + n2, 1);
	CHECK_INT(wf_src_is_gzip(s), 1);
	got = read_all(s, 4, &len, &err);
	CHECK_INT(err, 0);
	CHECK_INT(len, 12);
	CHECK_INT(memcmp(got, "hello\nworld\n", 12), 0);
	CHECK_STR(wf_src_name(s), "two.gz");
	free(got);
	wf_src_free(s);

	s = wf_src_mem("cut.gz", g1, n1 - 5, 0);
	read_fails(s, 64, "truncated gzip data (stream ends early)");

	g2[12] ^= 0xff; /* the first byte of the deflate stream: block type 3 */
	g2[10] = 0xff;
	s = wf_src_mem("bad.gz", g2, n2, 0);
	read_fails(s, 64, "invalid gzip data: invalid block type");

	/* the decoder cannot start (no memory for zlib's state) */
	fail_inflate_init = 1;
	s = wf_src_mem("hello.gz", g1, n1, 0);
	read_fails(s, 64, "cannot start gzip decoder");
	fail_inflate_init = 0;
	free(g1);
	free(g2);
}

/* The size cap against decompression bombs (wf_src_set_limits). */
static void test_gzip_limits(void)
{
	size_t tl, gl, len;
	char *t = rows(5000, &tl), *got;
	unsigned char *g = gzip(t, tl, 6, &gl);
	wf_src_limits lim = { .max_bytes = 1000 }, none = { 0 };
	wf_src *s;
	int err;

	s = wf_src_mem("big.gz", g, gl, 0);
	wf_src_set_limits(s, &lim);
	CHECK(read_fails(s, 512, "gzip data expands beyond 1000 bytes (limit)") <= 1000);

	/* zeros: the defaults stay when the limits given are 0 */
	s = wf_src_mem("big.gz", g, gl, 0);
	wf_src_set_limits(s, &none);
	got = read_all(s, 512, &len, &err);
	CHECK_INT(err, 0);
	CHECK_INT(len, tl);
	free(got);
	wf_src_free(s);

	/* the ratio cap, past 1 MiB of output */
	free(t);
	free(g);
	t = rows(3u << 20, &tl);
	g = gzip(t, tl, 9, &gl);
	lim.max_bytes = 0;
	lim.max_ratio = 2;
	s = wf_src_mem("rows.gz", g, gl, 0);
	wf_src_set_limits(s, &lim);
	read_fails(s, 1 << 16, "gzip data expands more than 2:1 (decompression bomb?)");
	free(t);
	free(g);
	/* zeros, at the default 1000:1 */
	t = calloc(1, 4u << 20);
	g = gzip(t, 4u << 20, 9, &gl);
	s = wf_src_mem("zeros.gz", g, gl, 0);
	read_fails(s, 1 << 16, "gzip data expands more than 1000:1 (decompression bomb?)");
	free(t);
	free(g);
}

/* One read asking for more than zlib's 32-bit counter can hold (the
 * buffer is reserved address space, never touched past the data). */
static void test_gzip_huge_read(void)
{
	size_t n = (size_t)UINT_MAX + 4096, gl;
	unsigned char *g = gzip("tiny\n", 5, 6, &gl);
	char *buf = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	wf_src *s;

	if (buf == MAP_FAILED) {
		free(g);
		return;
	}
	s = wf_src_mem("tiny.gz", g, gl, 1);
	CHECK_INT(wf_src_read(s, buf, n), 5);
	CHECK_INT(memcmp(buf, "tiny\n", 5), 0);
	CHECK_INT(wf_src_read(s, buf, n), 0);
	wf_src_free(s);
	munmap(buf, n);
}

/* A regular file is inflated by a second thread; when the thread
 * cannot start the same bytes come inline. Stopping early (the caller
 * gives up after a few bytes) ends the thread while the ring is full. */
static void test_gzip_thread(void)
{
	const char *p = path_in("rows.csv.gz");
	size_t tl, gl, len;
	char *t = rows(6u << 20, &tl), *got; /* more than the ring's 4 MiB */
	unsigned char *g = gzip(t, tl, 1, &gl);
	char buf[10];
	wf_src *s;
	int err;

	put_file(p, g, gl);
	for (fail_thread = 0; fail_thread <= 1; fail_thread++) {
		s = wf_src_open(p);
		got = read_all(s, 100000, &len, &err);
		CHECK_INT(err, 0);
		CHECK_INT(len, tl);
		CHECK(len == tl && memcmp(got, t, tl) == 0);
		CHECK_INT(wf_src_raw_pos(s), gl);
		free(got);
		wf_src_free(s);
	}
	fail_thread = 0;

	s = wf_src_open(p);
	CHECK_INT(wf_src_read(s, buf, sizeof buf), 10);
	CHECK_INT(memcmp(buf, t, 10), 0);
	usleep(100000); /* let it fill the ring and wait */
	wf_src_free(s);
	free(t);
	free(g);
}

/* A read error inside gzip data, inline or in the thread, is the
 * error of the read, not a truncation. The member ends exactly at a
 * read chunk (256 KiB): the reader must look past it for a next one. */
static void test_gzip_read_error(void)
{
	const char *p = path_in("stored.gz");
	size_t want = 256 * 1024, tl, gl = 0, len;
	char *t = rows(want, &tl), *got;
	unsigned char *g = NULL;
	struct stat st;
	wf_src *s;
	int err;

	/* stored blocks (level 0): one more input byte, one more output byte */
	for (size_t n = want; n > want - 200; n--) {
		free(g);
		g = gzip(t, n, 0, &gl);
		if (gl == want) {
			tl = n;
			break;
		}
	}
	CHECK_INT(gl, want);
	put_file(p, g, gl);
	stat(p, &st);

	s = wf_src_open(p); /* the whole member, then the end of the file */
	got = read_all(s, 100000, &len, &err);
	CHECK_INT(err, 0);
	CHECK_INT(len, tl);
	free(got);
	wf_src_free(s);

	fault_ino = st.st_ino;
	for (int ok = 0; ok <= 2; ok++) {
		/* 0: the first read (at open, for the magic bytes); 1: the
		 * first chunk; 2: the read after the member's end */
		read_ok_calls = ok;
		s = wf_src_open(p);
		read_fails(s, 100000, "read error: Input/output error");
	}
	/* the inline decoder (no thread) reports it the same way */
	fail_thread = 1;
	read_ok_calls = 1;
	s = wf_src_open(p);
	read_fails(s, 100000, "read error: Input/output error");
	fail_thread = 0;
	read_ok_calls = -1;
	fault_ino = 0;
	free(t);
	free(g);
}

/* ---- outputs ---- */

static void test_out_commit(void)
{
	const char *p = path_in("out.csv");
	wf_out *o;

	clean_dir();
	o = wf_out_open(p);
	CHECK(o != NULL);
	CHECK_INT(wf_out_puts(o, "a,b\n"), 0);
	wf_out_mark(o);
	/* a header alone does not replace anything */
	CHECK_INT(wf_out_close(o, WF_OUT_IF_DATA), 0);
	CHECK(access(p, F_OK) != 0);
	CHECK_INT(files_in_dir(), 0);

	o = wf_out_open(p);
	CHECK_INT(wf_out_puts(o, "a,b\n"), 0);
	wf_out_mark(o);
	CHECK_INT(wf_out_putc(o, '1'), 0);
	CHECK_INT(wf_out_close(o, WF_OUT_IF_DATA), 0);
	CHECK_STR(slurp_text(p), "a,b\n1");
	CHECK_INT(wf_out_close(NULL, 1), 0);

	/* a write interrupted by a signal is retried */
	o = wf_out_open(p);
	write_eintr = 2;
	CHECK_INT(wf_out_puts(o, "x\n"), 0);
	CHECK_INT(wf_out_close(o, 1), 0);
	CHECK_INT(write_eintr, 0);
	CHECK_STR(slurp_text(p), "x\n");
	clean_dir();
}

/* Writes of every size, through the buffer and around it. */
static void test_out_sizes(void)
{
	const char *p = path_in("big.txt");
	size_t big = 300 * 1024, tl;
	char *t = rows(big, &tl);
	wf_out *o = wf_out_open(p);
	struct stat st;

	CHECK_INT(wf_out_write(o, "<", 1), 0);
	CHECK_INT(wf_out_write(o, t, tl), 0);         /* larger than the buffer */
	for (size_t i = 0; i < 256 * 1024 + 10; i++) /* the buffer fills up */
		if (wf_out_putc(o, 'z'))
			break;
	CHECK_INT(wf_out_write(o, t, 200 * 1024), 0); /* does not fit the rest */
	CHECK_INT(wf_out_failed(o), 0);
	CHECK_INT(wf_out_close(o, 1), 0);
	stat(p, &st);
	CHECK_INT(st.st_size, 1 + tl + 256 * 1024 + 10 + 200 * 1024);
	free(t);
	clean_dir();
}

/* /dev/full: every kind of write fails, once reported, then stays failed. */
static void test_out_full(void)
{
	char pad[1000];
	size_t tl;
	char *t = rows(300 * 1024, &tl);
	wf_out *o;

	if (access("/dev/full", W_OK) != 0)
		return;
	memset(pad, 'p', sizeof pad);
	/* a big write after a small one: the flush of the small one fails */
	o = wf_out_open("/dev/full");
	CHECK_INT(wf_out_write(o, "x", 1), 0);
	CHECK_INT(wf_out_write(o, t, tl), -1);
	CHECK_INT(wf_out_failed(o), 1);
	CHECK_INT(wf_out_write(o, "y", 1), -1);
	CHECK_INT(wf_out_putc(o, 'y'), -1);
	wf_test_capture();
	CHECK_INT(wf_out_close(o, 1), -1);
	CHECK_STR(wf_test_captured(), "wfkit: write error: /dev/full: No space left on device\n");

	/* a write that does not fit the buffer's rest */
	o = wf_out_open("/dev/full");
	for (int i = 0; i < 262; i++)
		CHECK_INT(wf_out_write(o, pad, sizeof pad), 0);
	CHECK_INT(wf_out_write(o, pad, sizeof pad), -1);
	wf_test_capture();
	CHECK_INT(wf_out_close(o, 1), -1);
	CHECK_STR(wf_test_captured(), "wfkit: write error: /dev/full: No space left on device\n");

	/* putc on a full buffer */
	o = wf_out_open("/dev/full");
	int r = 0;
	for (size_t i = 0; i <= 256 * 1024 && !r; i++)
		r = wf_out_putc(o, 'z');
	CHECK_INT(r, -1);
	wf_test_capture();
	CHECK_INT(wf_out_close(o, 1), -1);
	CHECK_STR(wf_test_captured(), "wfkit: write error: /dev/full: No space left on device\n");
	free(t);
}

/* fsync or close failing (a full or a network disk reports late) is a
 * write error: the old file stays, the temporary goes. */
static void test_out_late_errors(void)
{
	const char *p = path_in("keep.csv");
	char want[300];
	wf_out *o;

	put_file(p, "old\n", 4);
	snprintf(want, sizeof want, "wfkit: write error: %s: Input/output error\n", p);
	for (int k = 0; k < 2; k++) {
		o = wf_out_open(p);
		wf_out_puts(o, "new\n");
		fail_fsync = k == 0 ? EIO : 0;
		fail_close = k == 1;
		wf_test_capture();
		CHECK_INT(wf_out_close(o, 1), -1);
		fail_fsync = fail_close = 0;
		CHECK_STR(wf_test_captured(), want);
		CHECK_STR(slurp_text(p), "old\n");
		CHECK_INT(files_in_dir(), 1);
	}
	/* a file system that cannot fsync (EINVAL) is not an error */
	o = wf_out_open(p);
	wf_out_puts(o, "new\n");
	fail_fsync = EINVAL;
	CHECK_INT(wf_out_close(o, 1), 0);
	fail_fsync = 0;
	CHECK_STR(slurp_text(p), "new\n");

	/* a device: no temporary, the close error is reported all the same */
	o = wf_out_open("/dev/null");
	wf_out_puts(o, "x");
	fail_close = 1;
	wf_test_capture();
	CHECK_INT(wf_out_close(o, 1), -1);
	fail_close = 0;
	CHECK_STR(wf_test_captured(), "wfkit: write error: /dev/null: Input/output error\n");

	/* the path became a folder with something in it: rename fails */
	o = wf_out_open(p);
	wf_out_puts(o, "new\n");
	remove(p);
	mkdir(p, 0755);
	mkdir(path_in("keep.csv/sub"), 0755);
	wf_test_capture();
	CHECK_INT(wf_out_close(o, 1), -1);
	snprintf(want, sizeof want, "wfkit: %s: Is a directory\n", p);
	CHECK_STR(wf_test_captured(), want);
	CHECK_INT(files_in_dir(), 1); /* the folder, no temporary */
	clean_dir();
}

static void test_out_open_errors(void)
{
	char p[256], want[300];

	snprintf(p, sizeof p, "%s", path_in("folder"));

	wf_test_capture();
	CHECK(wf_out_open("") == NULL);
	CHECK_STR(wf_test_captured(), "wfkit: '': No such file or directory\n");

	/* read-only: refused even for root, whom access() would let by */
	put_file(path_in("ro.csv"), "old\n", 4);
	chmod(path_in("ro.csv"), 0444);
	wf_test_capture();
	CHECK(wf_out_open(path_in("ro.csv")) == NULL);
	snprintf(want, sizeof want, "wfkit: %s: Permission denied\n", path_in("ro.csv"));
	CHECK_STR(wf_test_captured(), want);
	CHECK_STR(slurp_text(path_in("ro.csv")), "old\n");

	/* no such folder for the temporary */
	wf_test_capture();
	CHECK(wf_out_open(path_in("nodir/x.csv")) == NULL);
	snprintf(want, sizeof want, "wfkit: %s: No such file or directory\n", path_in("nodir/x.csv"));
	CHECK_STR(wf_test_captured(), want);

	/* not a regular file, so written in place: a folder cannot be */
	mkdir(p, 0755);
	wf_test_capture();
	CHECK(wf_out_open(p) == NULL);
	snprintf(want, sizeof want, "wfkit: %s: Is a directory\n", p);
	CHECK_STR(wf_test_captured(), want);
	clean_dir();
}

/* A dangling symlink is replaced by the file (there is no target to
 * write through); a live one keeps pointing at the new contents. */
static void test_out_symlinks(void)
{
	const char *link = path_in("link.csv"), *target = path_in("target.csv");
	struct stat st;
	wf_out *o;

	CHECK_INT(symlink("nowhere.csv", link), 0);
	o = wf_out_open(link);
	wf_out_puts(o, "a\n");
	CHECK_INT(wf_out_close(o, 1), 0);
	CHECK_INT(lstat(link, &st), 0);
	CHECK(S_ISREG(st.st_mode));
	CHECK_STR(slurp_text(link), "a\n");
	remove(link);

	put_file(target, "old\n", 4);
	chmod(target, 0600);
	CHECK_INT(symlink("target.csv", link), 0);
	o = wf_out_open(link);
	wf_out_puts(o, "b\n");
	CHECK_INT(wf_out_close(o, 1), 0);
	CHECK_INT(lstat(link, &st), 0);
	CHECK(S_ISLNK(st.st_mode));
	CHECK_STR(slurp_text(target), "b\n");
	CHECK_INT(stat(target, &st), 0);
	CHECK_INT(st.st_mode & 0777, 0600);
	clean_dir();
}

/* More outputs open than the 16 the signal handler tracks: all work,
 * and none is left behind when they are abandoned. */
static void test_out_many(void)
{
	wf_out *o[20];
	char name[32];

	for (int i = 0; i < 20; i++) {
		snprintf(name, sizeof name, "o%d.csv", i);
		o[i] = wf_out_open(path_in(name));
		CHECK(o[i] != NULL);
		wf_out_puts(o[i], "x\n");
	}
	CHECK_INT(files_in_dir(), 20);
	for (int i = 0; i < 20; i++)
		CHECK_INT(wf_out_close(o[i], 0), 0);
	CHECK_INT(files_in_dir(), 0);
}

/* A run that dies (wf_die, out of memory) leaves no temporary. */
static void test_out_die(void)
{
	pid_t pid;
	int st = 0;

	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		wf_out *o = wf_out_open(path_in("died.csv"));
		dup2(fd, 2);
		wf_out_puts(o, "partial\n");
		wf_die(WF_EXIT_DATA, "something failed");
	}
	waitpid(pid, &st, 0);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 1);
	CHECK_INT(files_in_dir(), 0);
}

static void setup(void)
{
	if (!mkdtemp(dir)) {
		perror(dir);
		exit(1);
	}
}

static void teardown(void)
{
	clean_dir();
	rmdir(dir);
}

WF_TEST_MAIN(setup, test_src_plain, test_src_eintr, test_gzip_inline, test_gzip_limits,
	     test_gzip_huge_read, test_gzip_thread, test_gzip_read_error, test_out_commit, test_out_sizes,
	     test_out_full, test_out_late_errors, test_out_open_errors, test_out_symlinks,
	     test_out_many, test_out_die, teardown)
