#include "wf_spool.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wf_err.h"

/* Large enough that a row costs no system call, small enough to be
 * nothing next to the table it stands for. */
#define SPOOL_BUF (1u << 20)

struct wf_spool {
	int fd;
	int reading;
	char *buf;          /* write buffer, then read buffer */
	size_t len, cap;    /* bytes in buf, its size */
	size_t pos;         /* reading: next row's offset in buf */
	size_t rows;
	const char **cells; /* the row returned, pointing into buf */
	size_t *lens;
	size_t ncap;
	char *dir;          /* for messages */
};

wf_spool *wf_spool_new(void)
{
	const char *dir = getenv("TMPDIR");
	size_t n;
	char *path;
	wf_spool *s;
	int fd;

	if (!dir || !*dir)
		dir = "/tmp";
	n = strlen(dir) + sizeof "/wf-spool-XXXXXX";
	path = wf_xmalloc(n);
	snprintf(path, n, "%s/wf-spool-XXXXXX", dir);
	fd = mkstemp(path);
	if (fd < 0) {
		wf_warn("spool in %s:", dir);
		free(path);
		return NULL;
	}
	/* Gone from the directory at once: the data lives as long as fd. */
	unlink(path);
	free(path);
	s = wf_xcalloc(1, sizeof *s);
	s->fd = fd;
	s->cap = SPOOL_BUF;
	s->buf = wf_xmalloc(s->cap);
	s->dir = wf_xstrdup(dir);
	return s;
}

void wf_spool_free(wf_spool *s)
{
	if (!s)
		return;
	close(s->fd);
	free(s->buf);
	free(s->cells);
	free(s->lens);
	free(s->dir);
	free(s);
}

static int write_all(wf_spool *s)
{
	const char *p = s->buf;
	size_t n = s->len;

	while (n) {
		ssize_t w = write(s->fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return wf_warn("spool in %s:", s->dir);
		p += w;
		n -= (size_t)w;
	}
	s->len = 0;
	return 0;
}

static void put32(char *p, uint32_t v)
{
	memcpy(p, &v, sizeof v);
}

static uint32_t get32(const char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof v);
	return v;
}

int wf_spool_add(wf_spool *s, const char *const *cells, const size_t *lens, size_t n)
{
	size_t need = 8, o;

	if (s->reading || n > UINT32_MAX)
		return -1;
	for (size_t i = 0; i < n; i++) {
		size_t l = cells[i] ? (lens ? lens[i] : strlen(cells[i])) : 0;
		if (l >= UINT32_MAX - 1 || need > UINT32_MAX - 4 - l - 1)
			return wf_warn("spool in %s: a row of more than 4 GiB", s->dir);
		need += 4 + (cells[i] ? l + 1 : 0);
	}
	if (s->len + need > s->cap && s->len && write_all(s) < 0)
		return -1;
	if (need > s->cap) {
		s->cap = need;
		s->buf = wf_xrealloc(s->buf, s->cap);
	}
	o = s->len;
	put32(s->buf + o, (uint32_t)(need - 4));
	put32(s->buf + o + 4, (uint32_t)n);
	o += 8;
	for (size_t i = 0; i < n; i++) {
		size_t l;
		if (!cells[i]) {
			put32(s->buf + o, 0);
			o += 4;
			continue;
		}
		l = lens ? lens[i] : strlen(cells[i]);
		put32(s->buf + o, (uint32_t)(l + 1));
		memcpy(s->buf + o + 4, cells[i], l);
		s->buf[o + 4 + l] = '\0';
		o += 4 + l + 1;
	}
	s->len = o;
	s->rows++;
	return 0;
}

int wf_spool_rewind(wf_spool *s)
{
	if (!s->reading && write_all(s) < 0)
		return -1;
	s->reading = 1;
	s->len = s->pos = 0;
	if (lseek(s->fd, 0, SEEK_SET) < 0)
		return wf_warn("spool in %s:", s->dir);
	return 0;
}

/* At least n bytes from pos in buf: 1, 0 at the end of the file, -1
 * after a message. */
static int fill(wf_spool *s, size_t n)
{
	if (s->len - s->pos >= n)
		return 1;
	memmove(s->buf, s->buf + s->pos, s->len - s->pos);
	s->len -= s->pos;
	s->pos = 0;
	if (n > s->cap) {
		s->cap = n;
		s->buf = wf_xrealloc(s->buf, s->cap);
	}
	while (s->len < n) {
		ssize_t r = read(s->fd, s->buf + s->len, s->cap - s->len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return wf_warn("spool in %s:", s->dir);
		if (r == 0)
			break;
		s->len += (size_t)r;
	}
	if (s->len >= n)
		return 1;
	if (s->len == 0)
		return 0;
	return wf_warn("spool in %s: cut short", s->dir);
}

int wf_spool_next(wf_spool *s, const char *const **cells, const size_t **lens, size_t *n)
{
	size_t body, nc, o;
	int k;

	if (!s->reading)
		return -1;
	if ((k = fill(s, 4)) <= 0)
		return k;
	body = get32(s->buf + s->pos);
	if ((k = fill(s, 4 + body)) <= 0)
		return k < 0 ? -1 : wf_warn("spool in %s: cut short", s->dir);
	o = s->pos + 4;
	nc = get32(s->buf + o);
	o += 4;
	if (nc > s->ncap) {
		s->ncap = nc;
		s->cells = wf_xrealloc(s->cells, nc * sizeof *s->cells);
		s->lens = wf_xrealloc(s->lens, nc * sizeof *s->lens);
	}
	for (size_t i = 0; i < nc; i++) {
		uint32_t l = get32(s->buf + o);
		o += 4;
		if (l == 0) {
			s->cells[i] = NULL;
			s->lens[i] = 0;
			continue;
		}
		s->cells[i] = s->buf + o;
		s->lens[i] = l - 1;
		o += l;
	}
	s->pos += 4 + body;
	*cells = s->cells;
	*lens = s->lens;
	*n = nc;
	return 1;
}

size_t wf_spool_rows(const wf_spool *s)
{
	return s->rows;
}
