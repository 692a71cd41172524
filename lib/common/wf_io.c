#include "wf_io.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "wf_err.h"

/* 256 KiB reads: past this size the syscall count stops mattering on
 * the 78 MB anchor file (measured: 64 KiB -> 256 KiB saved ~4%). */
#define RAW_CHUNK (256 * 1024)

struct wf_src {
	char *name;
	int fd;
	const unsigned char *mem;
	unsigned char *memown;
	size_t memlen, mempos;
	unsigned char peek[8];
	size_t npeek, peekpos;
	int gz, zinit, zend, raw_eof;
	z_stream zs;
	unsigned char *zin;
	unsigned long long raw_pos, out_total;
	long long size;
	wf_src_limits lim;
	char err[256];
	struct gz_thread *gt; /* decompression thread, when running */
};

/* ---- gzip in its own thread ----
 * Inflating takes about as long as everything else wf-ingest does with
 * the text, so a regular gzip file is inflated by a second thread into
 * a ring of blocks while the caller parses: wf-ingest on a gzipped
 * 57 MB file went from 3.5x (0.9 s, before this and the faster CSV
 * reader) to 1.34x the time of zcat alone (make bench,
 * 2026-11-27, 2 cores shared with other jobs, load 2-5).
 * Data and errors arrive in the same order as without the thread. */
#define GZ_BLOCK (1024 * 1024)
#define GZ_NBLOCK 4

struct gz_block {
	unsigned char *data;
	size_t len, pos;
	int status;                  /* 0 more follows, 1 end, -1 error */
	unsigned long long raw_pos;  /* compressed bytes read by then */
};

struct gz_thread {
	pthread_t tid;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct gz_block b[GZ_NBLOCK];
	size_t head, tail, filled; /* consumer takes b[head], producer fills b[tail] */
	int stop;
	unsigned long long raw_pos; /* as of the block being read */
};

static ssize_t gz_read(wf_src *s, unsigned char *buf, size_t n);

static void *gz_thread_main(void *arg)
{
	wf_src *s = arg;
	struct gz_thread *t = s->gt;

	for (;;) {
		pthread_mutex_lock(&t->mu);
		while (t->filled == GZ_NBLOCK && !t->stop)
			pthread_cond_wait(&t->cv, &t->mu);
		if (t->stop) {
			pthread_mutex_unlock(&t->mu);
			return NULL;
		}
		struct gz_block *b = &t->b[t->tail];
		pthread_mutex_unlock(&t->mu);

		/* Only this thread touches the stream now. */
		b->len = b->pos = 0;
		b->status = 0;
		while (b->len < GZ_BLOCK) {
			ssize_t r = gz_read(s, b->data + b->len, GZ_BLOCK - b->len);
			if (r <= 0) {
				b->status = r < 0 ? -1 : 1;
				break;
			}
			b->len += (size_t)r;
		}
		b->raw_pos = s->raw_pos;

		pthread_mutex_lock(&t->mu);
		t->tail = (t->tail + 1) % GZ_NBLOCK;
		t->filled++;
		pthread_cond_broadcast(&t->cv);
		int last = b->status != 0;
		pthread_mutex_unlock(&t->mu);
		if (last)
			return NULL;
	}
}

/* Free what gz_thread_start made; the thread is joined or never ran. */
static void gz_thread_free(wf_src *s)
{
	struct gz_thread *t = s->gt;

	pthread_mutex_destroy(&t->mu);
	pthread_cond_destroy(&t->cv);
	for (size_t i = 0; i < GZ_NBLOCK; i++)
		free(t->b[i].data);
	free(t);
	s->gt = NULL;
}

static void gz_thread_stop(wf_src *s)
{
	struct gz_thread *t = s->gt;

	if (!t)
		return;
	pthread_mutex_lock(&t->mu);
	t->stop = 1;
	pthread_cond_broadcast(&t->cv);
	pthread_mutex_unlock(&t->mu);
	pthread_join(t->tid, NULL);
	gz_thread_free(s);
}

/* Start the thread; 0 when it could not start (then read inline). */
static int gz_thread_start(wf_src *s)
{
	struct gz_thread *t = wf_xcalloc(1, sizeof *t);

	for (size_t i = 0; i < GZ_NBLOCK; i++)
		t->b[i].data = wf_xmalloc(GZ_BLOCK);
	pthread_mutex_init(&t->mu, NULL);
	pthread_cond_init(&t->cv, NULL);
	s->gt = t;
	if (pthread_create(&t->tid, NULL, gz_thread_main, s) != 0) {
		gz_thread_free(s);
		return 0;
	}
	return 1;
}

/* The caller's side: copy out of the oldest filled block. */
static ssize_t gz_thread_read(wf_src *s, unsigned char *buf, size_t n)
{
	struct gz_thread *t = s->gt;
	struct gz_block *b = &t->b[t->head];

	pthread_mutex_lock(&t->mu);
	while (t->filled == 0)
		pthread_cond_wait(&t->cv, &t->mu);
	pthread_mutex_unlock(&t->mu);
	t->raw_pos = b->raw_pos;
	if (b->pos == b->len && b->status != 0)
		return b->status < 0 ? -1 : 0; /* the thread has finished */
	size_t k = b->len - b->pos;
	if (k > n)
		k = n;
	memcpy(buf, b->data + b->pos, k);
	b->pos += k;
	if (b->pos == b->len && b->status == 0) {
		pthread_mutex_lock(&t->mu);
		t->head = (t->head + 1) % GZ_NBLOCK;
		t->filled--;
		pthread_cond_broadcast(&t->cv);
		pthread_mutex_unlock(&t->mu);
	}
	return (ssize_t)k;
}

static wf_src *src_alloc(const char *name)
{
	wf_src *s = wf_xcalloc(1, sizeof *s);

	s->name = wf_xstrdup(name);
	s->fd = -1;
	s->size = -1;
	s->lim.max_bytes = 64ULL << 30;
	s->lim.max_ratio = 1000;
	return s;
}

static void detect(wf_src *s)
{
	unsigned char m[2];

	s->gz = wf_src_peek(s, m, 2) == 2 && m[0] == 0x1f && m[1] == 0x8b;
}

wf_src *wf_src_open(const char *path)
{
	wf_src *s;
	struct stat st;
	int fd;

	if (strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
	} else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		wf_warn("%s:", path);
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		wf_warn("%s:", path);
		if (fd != STDIN_FILENO)
			close(fd);
		return NULL;
	}
	s = src_alloc(strcmp(path, "-") == 0 ? "(stdin)" : path);
	s->fd = fd;
	if (S_ISREG(st.st_mode))
		s->size = (long long)st.st_size;
	detect(s);
	return s;
}

wf_src *wf_src_mem(const char *name, const void *buf, size_t len, int own)
{
	wf_src *s = src_alloc(name);

	s->mem = buf;
	s->memlen = len;
	s->size = (long long)len;
	if (own)
		s->memown = (unsigned char *)buf;
	detect(s);
	return s;
}

void wf_src_set_limits(wf_src *s, const wf_src_limits *lim)
{
	if (lim->max_bytes)
		s->lim.max_bytes = lim->max_bytes;
	if (lim->max_ratio)
		s->lim.max_ratio = lim->max_ratio;
}

static ssize_t raw_fill(wf_src *s, unsigned char *buf, size_t n)
{
	ssize_t r;

	if (s->mem) {
		size_t k = s->memlen - s->mempos;
		if (k > n)
			k = n;
		memcpy(buf, s->mem + s->mempos, k);
		s->mempos += k;
		return (ssize_t)k;
	}
	do
		r = read(s->fd, buf, n);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		snprintf(s->err, sizeof s->err, "read error: %s", strerror(errno));
	return r;
}

/* Raw bytes, serving peeked bytes first. */
static ssize_t raw_read(wf_src *s, unsigned char *buf, size_t n)
{
	ssize_t r;

	if (s->peekpos < s->npeek) {
		size_t k = s->npeek - s->peekpos;
		if (k > n)
			k = n;
		memcpy(buf, s->peek + s->peekpos, k);
		s->peekpos += k;
		s->raw_pos += k;
		return (ssize_t)k;
	}
	r = raw_fill(s, buf, n);
	if (r > 0)
		s->raw_pos += (unsigned long long)r;
	return r;
}

size_t wf_src_peek(wf_src *s, unsigned char *buf, size_t n)
{
	if (n > sizeof s->peek)
		n = sizeof s->peek;
	/* Only valid before the first read; detect() runs at open. */
	while (s->npeek < n && s->peekpos == 0) {
		ssize_t r = raw_fill(s, s->peek + s->npeek, n - s->npeek);
		if (r <= 0)
			break;
		s->npeek += (size_t)r;
	}
	if (n > s->npeek)
		n = s->npeek;
	memcpy(buf, s->peek, n);
	return n;
}

int wf_src_is_gzip(const wf_src *s)
{
	return s->gz;
}

static ssize_t gz_read(wf_src *s, unsigned char *buf, size_t n)
{
	int ret;

	if (!s->zinit) {
		s->zin = wf_xmalloc(RAW_CHUNK);
		/* 16 + MAX_WBITS: gzip wrapper only; 32 would also accept
		 * zlib streams, which are not a file format we promise. */
		if (inflateInit2(&s->zs, 16 + MAX_WBITS) != Z_OK) {
			snprintf(s->err, sizeof s->err, "cannot start gzip decoder");
			return -1;
		}
		s->zinit = 1;
	}
	if (s->zend)
		return 0;
	if (n > UINT_MAX)
		n = UINT_MAX;
	s->zs.next_out = buf;
	s->zs.avail_out = (uInt)n;
	/* Loop until some output: a member boundary or a small input
	 * chunk can leave inflate with nothing to give yet. */
	while (s->zs.avail_out == (uInt)n && !s->zend) {
		if (s->zs.avail_in == 0 && !s->raw_eof) {
			ssize_t r = raw_read(s, s->zin, RAW_CHUNK);
			if (r < 0)
				return -1;
			if (r == 0)
				s->raw_eof = 1;
			s->zs.next_in = s->zin;
			s->zs.avail_in = (uInt)r;
		}
		if (s->zs.avail_in == 0 && s->raw_eof) {
			snprintf(s->err, sizeof s->err,
				 "truncated gzip data (stream ends early)");
			return -1;
		}
		ret = inflate(&s->zs, Z_NO_FLUSH);
		if (ret == Z_STREAM_END) {
			/* Concatenated members are valid gzip (gzip a b > c). */
			if (s->zs.avail_in == 0 && !s->raw_eof) {
				ssize_t r = raw_read(s, s->zin, RAW_CHUNK);
				if (r < 0)
					return -1;
				s->zs.next_in = s->zin;
				s->zs.avail_in = (uInt)r;
				if (r == 0)
					s->raw_eof = 1;
			}
			if (s->zs.avail_in == 0) {
				s->zend = 1;
				break;
			}
			inflateReset(&s->zs);
		} else if (ret != Z_OK && ret != Z_BUF_ERROR) {
			snprintf(s->err, sizeof s->err, "invalid gzip data: %s",
				 s->zs.msg ? s->zs.msg : "corrupt stream"); /* LCOV_EXCL_BR_LINE: zlib names every data error; no msg only for a misused z_stream */
			return -1;
		}
	}
	n -= s->zs.avail_out;
	s->out_total += n;
	if (s->out_total > s->lim.max_bytes) {
		snprintf(s->err, sizeof s->err,
			 "gzip data expands beyond %llu bytes (limit)",
			 s->lim.max_bytes);
		return -1;
	}
	if (s->out_total > (1u << 20) && s->raw_pos &&
	    s->out_total / s->raw_pos > s->lim.max_ratio) {
		snprintf(s->err, sizeof s->err,
			 "gzip data expands more than %lu:1 (decompression bomb?)",
			 s->lim.max_ratio);
		return -1;
	}
	return (ssize_t)n;
}

ssize_t wf_src_read(wf_src *s, void *buf, size_t n)
{
	if (n == 0)
		return 0;
	if (s->gz) {
		/* Regular files only: a thread blocked reading a pipe or a
		 * terminal could not be stopped when the caller gives up. */
		if (!s->gt && !s->zinit && s->fd >= 0 && s->size >= 0)
			gz_thread_start(s);
		if (s->gt)
			return gz_thread_read(s, buf, n);
		return gz_read(s, buf, n);
	}
	return raw_read(s, buf, n);
}

unsigned char *wf_src_slurp_raw(wf_src *s, size_t *len)
{
	size_t cap = RAW_CHUNK, n = 0;
	unsigned char *buf = wf_xmalloc(cap);
	ssize_t r;

	for (;;) {
		if (cap - n < RAW_CHUNK)
			buf = wf_xrealloc(buf, cap *= 2);
		r = raw_read(s, buf + n, cap - n);
		if (r < 0) {
			free(buf);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	*len = n;
	return buf;
}

unsigned long long wf_src_raw_pos(const wf_src *s)
{
	return s->gt ? s->gt->raw_pos : s->raw_pos;
}

long long wf_src_raw_size(const wf_src *s) { return s->size; }
const char *wf_src_name(const wf_src *s) { return s->name; }
const char *wf_src_error(const wf_src *s) { return s->err[0] ? s->err : "read error"; }

void wf_src_free(wf_src *s)
{
	if (!s)
		return;
	gz_thread_stop(s);
	if (s->fd > STDIN_FILENO)
		close(s->fd);
	if (s->zinit)
		inflateEnd(&s->zs);
	free(s->zin);
	free(s->memown);
	free(s->name);
	free(s);
}

/* ---- output ---- */

#define OUT_BUF (256 * 1024)
#define MAX_LIVE 16

struct wf_out {
	int fd;
	char *path, *tmp, *name;
	char *buf;
	size_t len;
	int failed, err;
	int slot;
	unsigned long long total, mark; /* bytes accepted; the header's end */
};

/* Temporary paths not yet committed, for removal from a signal
 * handler; plain char pointers so the handler needs no locks. */
static char *volatile live_tmp[MAX_LIVE];

/* Every way out of the process (exit() from wf_die or an allocator,
 * a return from main) goes through here: a temporary still live then
 * belongs to a run that did not finish, and must not stay behind. */
static void abort_at_exit(void)
{
	wf_out_abort_all();
}

static wf_out *out_fail(wf_out *o, char *target)
{
	free(target);
	free(o->tmp);
	free(o->buf);
	free(o);
	return NULL;
}

wf_out *wf_out_open(const char *path)
{
	static int hooked;
	wf_out *o = wf_xcalloc(1, sizeof *o);
	struct stat st;
	char *target = NULL;
	int exists;

	o->buf = wf_xmalloc(OUT_BUF);
	o->slot = -1;
	if (!path || strcmp(path, "-") == 0) {
		o->fd = STDOUT_FILENO;
		o->name = wf_xstrdup("stdout");
		return o;
	}
	if (!*path) {
		errno = ENOENT;
		wf_warn("'':");
		return out_fail(o, NULL);
	}
	/* A device, FIFO or socket is written in place: a rename over
	 * /dev/full or a named pipe would replace it (as root). */
	exists = stat(path, &st) == 0;
	if (exists && !S_ISREG(st.st_mode)) {
		if ((o->fd = open(path, O_WRONLY | O_CLOEXEC)) < 0) {
			wf_warn("%s:", path);
			return out_fail(o, NULL);
		}
		o->name = wf_xstrdup(path);
		return o;
	}
	/* rename() would succeed over a file the user may not write (the
	 * folder's permission is what counts) and silently replace it. A
	 * file with no write bit at all is read-only for root too. */
	if (exists && (access(path, W_OK) != 0 || !(st.st_mode & 0222))) {
		errno = EACCES;
		wf_warn("%s:", path);
		return out_fail(o, NULL);
	}
	/* Through a symlink the file meant is its target: the temporary
	 * goes beside the target and replaces it, the link stays. */
	{
		struct stat lst;
		if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) && exists)
			target = realpath(path, NULL);
	}
	{
		const char *p = target ? target : path;
		const char *slash = strrchr(p, '/');
		size_t dlen = slash ? (size_t)(slash - p) + 1 : 0;
		size_t n = strlen(p) + 16;
		mode_t mode;

		o->tmp = wf_xmalloc(n);
		snprintf(o->tmp, n, "%.*s.%s.XXXXXX", (int)dlen, p,
			 slash ? slash + 1 : p);
		o->fd = mkstemp(o->tmp);
		if (o->fd < 0) {
			wf_warn("%s:", path);
			return out_fail(o, target);
		}
		/* mkstemp makes 0600: a new file gets the usual mode, an
		 * existing one keeps its own (a 0600 file stays private). */
		if (exists) {
			mode = st.st_mode & 07777;
		} else {
			mode_t um = umask(0);
			umask(um);
			mode = 0666 & ~um;
		}
		fchmod(o->fd, mode);
		o->path = target ? target : wf_xstrdup(path);
		o->name = wf_xstrdup(path);
		if (!hooked) {
			atexit(abort_at_exit);
			hooked = 1;
		}
		for (int i = 0; i < MAX_LIVE; i++)
			if (!live_tmp[i]) {
				live_tmp[i] = o->tmp;
				o->slot = i;
				break;
			}
	}
	return o;
}

static int flush(wf_out *o)
{
	size_t off = 0;

	if (o->failed) {
		o->len = 0;
		return -1;
	}
	while (off < o->len) {
		ssize_t w = write(o->fd, o->buf + off, o->len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			o->failed = 1;
			o->err = errno;
			o->len = 0;
			return -1;
		}
		off += (size_t)w;
	}
	o->len = 0;
	return 0;
}

int wf_out_write(wf_out *o, const void *p, size_t n)
{
	if (o->failed)
		return -1;
	o->total += n;
	if (n >= OUT_BUF) {
		if (flush(o))
			return -1;
		size_t save = o->len;
		char *saveb = o->buf;
		o->buf = (char *)p;
		o->len = n;
		int r = flush(o);
		o->buf = saveb;
		o->len = save;
		return r;
	}
	if (o->len + n > OUT_BUF && flush(o))
		return -1;
	memcpy(o->buf + o->len, p, n);
	o->len += n;
	return 0;
}

int wf_out_putc(wf_out *o, int c)
{
	if (o->len == OUT_BUF && flush(o))
		return -1;
	o->buf[o->len++] = (char)c;
	o->total++;
	return o->failed ? -1 : 0;
}

int wf_out_puts(wf_out *o, const char *s)
{
	return wf_out_write(o, s, strlen(s));
}

int wf_out_failed(const wf_out *o)
{
	return o->failed;
}

void wf_out_mark(wf_out *o)
{
	o->mark = o->total;
}

int wf_out_close(wf_out *o, int commit)
{
	int ret = 0;

	if (!o)
		return 0;
	if (commit == WF_OUT_IF_DATA)
		commit = o->total > o->mark;
	flush(o);
	if (!o->tmp) {
		if (o->fd != STDOUT_FILENO && close(o->fd) < 0 && !o->failed) {
			o->failed = 1;
			o->err = errno;
		}
		if (o->failed) {
			errno = o->err;
			ret = wf_warn("write error: %s:", o->name);
		}
		goto out;
	}
	if (!o->failed && commit && fsync(o->fd) < 0 && errno != EINVAL) {
		o->failed = 1;
		o->err = errno;
	}
	if (close(o->fd) < 0 && !o->failed) {
		o->failed = 1;
		o->err = errno;
	}
	if (o->failed) {
		errno = o->err;
		ret = wf_warn("write error: %s:", o->name);
	}
	if (commit && !o->failed) {
		if (rename(o->tmp, o->path) < 0)
			ret = wf_warn("%s:", o->path);
	}
	if (ret || !commit)
		unlink(o->tmp);
out:
	if (o->slot >= 0)
		live_tmp[o->slot] = NULL;
	free(o->tmp);
	free(o->path);
	free(o->name);
	free(o->buf);
	free(o);
	return ret;
}

void wf_out_abort_all(void)
{
	for (int i = 0; i < MAX_LIVE; i++)
		if (live_tmp[i])
			unlink(live_tmp[i]);
}

/* ---- spools ---- */

wf_out *wf_out_spool(void)
{
	const char *dir = getenv("TMPDIR");
	wf_out *o;
	char *tmp;
	size_t n;
	int fd;

	if (!dir || !*dir)
		dir = "/tmp";
	n = strlen(dir) + 32;
	tmp = wf_xmalloc(n);
	snprintf(tmp, n, "%s/wfkit-spool.XXXXXX", dir);
	fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return NULL;
	}
	/* Nameless from now on: the bytes go when the descriptor does,
	 * however the process ends. */
	unlink(tmp);
	free(tmp);
	o = wf_xcalloc(1, sizeof *o);
	o->buf = wf_xmalloc(OUT_BUF);
	o->slot = -1;
	o->fd = fd;
	o->name = wf_xstrdup("spool");
	return o;
}

int wf_out_spool_copy(wf_out *spool, wf_out *dst)
{
	char buf[1 << 16];
	off_t at = (off_t)spool->mark, end = (off_t)spool->total;

	if (flush(spool) < 0)
		return -1;
	while (at < end) {
		size_t want = (size_t)(end - at) < sizeof buf ? (size_t)(end - at) : sizeof buf;
		ssize_t got = pread(spool->fd, buf, want, at);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return -1;
		if (wf_out_write(dst, buf, (size_t)got) < 0)
			return 0; /* dst remembers its failure and says so at close */
		at += got;
	}
	return 0;
}
