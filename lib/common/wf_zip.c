#include "wf_zip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <strings.h>
#include <zip.h>

#include "wf_err.h"

/* The largest real member (COMPOSIZIONE_RETRIBUZIONE, ~551k rows) is
 * tens of MB; 4 GiB leaves room for growth and still stops a bomb. */
#define MAX_MEMBER (4ULL << 30)
#define MAX_RATIO 1000ULL

int wf_zip_magic(const unsigned char *p, size_t n)
{
	return n >= 4 && p[0] == 'P' && p[1] == 'K' &&
	       ((p[2] == 3 && p[3] == 4) || (p[2] == 5 && p[3] == 6));
}

static int walk(const char *name, const unsigned char *buf, size_t len, int depth,
		int ask, wf_zip_want_fn want, wf_zip_take_fn take, void *ctx);

static unsigned char *read_member(zip_t *z, zip_uint64_t i, const char *label,
				  const zip_stat_t *st, size_t *outlen)
{
	zip_file_t *f = NULL;
	unsigned char *data = NULL;
	zip_uint64_t cap, n = 0;
	zip_int64_t r;

	/* libzip fills in both sizes for every entry of an archive it has
	 * opened for reading: they are what the checks below go by. */
	if ((st->valid & (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) != (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) { /* LCOV_EXCL_BR_LINE: see above */
		wf_warn("%s: no size in the archive's directory; refused", label); /* LCOV_EXCL_LINE: see above */
		return NULL; /* LCOV_EXCL_LINE: see above */
	}
	if (st->size > MAX_MEMBER) {
		wf_warn("%s: member expands to %llu bytes, over the %llu limit "
			"(zip bomb?); refused", label, (unsigned long long)st->size,
			(unsigned long long)MAX_MEMBER);
		return NULL;
	}
	if (st->size > (1u << 20) && st->size / (st->comp_size ? st->comp_size : 1) > MAX_RATIO) {
		wf_warn("%s: member expands more than %llu:1 (zip bomb?); refused",
			label, MAX_RATIO);
		return NULL;
	}
	if (!(f = zip_fopen_index(z, i, 0))) {
		wf_warn("%s: %s", label, zip_strerror(z));
		return NULL;
	}
	/* Trust the declared size only as a bound: one byte more than it
	 * is a liar, maybe a bomb with a small declared size; stop there.
	 * Within it, the ratio was checked above. */
	cap = st->size + 1;
	data = wf_xmalloc((size_t)cap);
	for (;;) {
		if (n == cap) {
			wf_warn("%s: member holds more than the %llu bytes its "
				"directory says (corrupt archive or zip bomb?); refused",
				label, (unsigned long long)st->size);
			goto fail;
		}
		r = zip_fread(f, data + n, cap - n);
		if (r < 0) {
			wf_warn("%s: %s (truncated or corrupt archive?)", label,
				zip_file_strerror(f));
			goto fail;
		}
		if (r == 0)
			break;
		n += (zip_uint64_t)r;
	}
	if (n != st->size) {
		wf_warn("%s: member holds %llu bytes, its directory says %llu "
			"(truncated archive?)", label, (unsigned long long)n,
			(unsigned long long)st->size);
		goto fail;
	}
	zip_fclose(f);
	*outlen = (size_t)n;
	return data;
fail:
	zip_fclose(f);
	free(data);
	return NULL;
}

static int walk(const char *name, const unsigned char *buf, size_t len, int depth,
		int ask, wf_zip_want_fn want, wf_zip_take_fn take, void *ctx)
{
	zip_error_t ze;
	zip_source_t *zs = NULL;
	zip_t *z = NULL;
	zip_int64_t count;
	int errors = 0;

	zip_error_init(&ze);
	/* the buffer source fails only without memory (wf_xmalloc would die) */
	if (!(zs = zip_source_buffer_create(buf, len, 0, &ze)) || /* LCOV_EXCL_BR_LINE: see above */
	    !(z = zip_open_from_source(zs, ZIP_RDONLY | ZIP_CHECKCONS, &ze))) {
		wf_warn("%s: not a readable zip archive: %s", name, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		if (zs) /* LCOV_EXCL_BR_LINE: NULL only when the buffer source could not be made */
			zip_source_free(zs);
		return 1;
	}
	count = zip_get_num_entries(z, 0);
	for (zip_int64_t i = 0; i < count; i++) {
		zip_stat_t st;
		const char *path, *base;
		char *label;
		size_t ll, plen;

		/* i < count, and libzip names every entry it has read */
		if (zip_stat_index(z, (zip_uint64_t)i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) /* LCOV_EXCL_BR_LINE: see above */
			continue; /* not marked: gcov counts every continue of the loop on this line */
		/* Windows zip tools may write 2024Dati\COSTO_LAVORO_2024.csv:
		 * a backslash separates folders like a slash. */
		char *slashed = wf_xstrdup(st.name);
		for (char *p = slashed; (p = strchr(p, '\\')) != NULL; p++)
			*p = '/';
		path = slashed;
		plen = strlen(path);
		if (plen == 0 || path[plen - 1] == '/') {
			free(slashed);
			continue; /* a folder */
		}
		base = strrchr(path, '/');
		base = base ? base + 1 : path;
		ll = strlen(name) + plen + 3;
		label = wf_xmalloc(ll);
		snprintf(label, ll, "%s(%s)", name, path);
		int is_zip = plen > 4 && strcasecmp(path + plen - 4, ".zip") == 0;
		wf_zip_member m = { label, path, base, st.size, depth, is_zip && depth == 0,
				    (st.valid & ZIP_STAT_CRC) ? st.crc : 0 }; /* LCOV_EXCL_BR_LINE: libzip always gives the CRC */
		if (m.archive && ask && !want(ctx, &m)) {
			free(label);
			free(slashed);
			continue;
		}
		if (m.archive) {
			size_t n;
			unsigned char *inner = read_member(z, (zip_uint64_t)i, label, &st, &n);
			if (!inner)
				errors++;
			else
				errors += walk(label, inner, n, depth + 1, ask, want, take, ctx);
			free(inner);
		} else if (want(ctx, &m)) {
			size_t n;
			unsigned char *data = read_member(z, (zip_uint64_t)i, label, &st, &n);
			if (!data) {
				errors++;
			} else {
				if (take(ctx, &m, wf_src_mem(label, data, n, 1)) < 0)
					errors++;
			}
		}
		free(label);
		free(slashed);
	}
	zip_close(z); /* read-only: discards, frees the source */
	zip_error_fini(&ze);
	return errors;
}

int wf_zip_walk(const char *name, const unsigned char *buf, size_t len,
		wf_zip_want_fn want, wf_zip_take_fn take, void *ctx)
{
	return walk(name, buf, len, 0, 0, want, take, ctx);
}

int wf_zip_walk_ask(const char *name, const unsigned char *buf, size_t len,
		    wf_zip_want_fn want, wf_zip_take_fn take, void *ctx)
{
	return walk(name, buf, len, 0, 1, want, take, ctx);
}

int wf_zip_file_comment(const char *path, char *buf, size_t sz)
{
	/* The end-of-central-directory record (22 bytes, then a comment of
	 * at most 65535) closes the file: only the tail is read. */
	enum { EOCD = 22, TAIL = EOCD + 65535 };
	struct stat st;
	unsigned char *t = NULL;
	size_t n;
	int fd, ret = -1;

	if (sz)
		buf[0] = '\0';
	if ((fd = open(path, O_RDONLY)) < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size < EOCD)
		goto out;
	n = (size_t)st.st_size < TAIL ? (size_t)st.st_size : TAIL;
	t = wf_xmalloc(n);
	if (pread(fd, t, n, st.st_size - (off_t)n) != (ssize_t)n)
		goto out;
	for (size_t i = n - EOCD + 1; i-- > 0;) {
		size_t clen;
		if (memcmp(t + i, "PK\5\6", 4) != 0)
			continue;
		clen = (size_t)t[i + 20] | (size_t)t[i + 21] << 8;
		if (i + EOCD + clen != n)
			continue; /* a signature inside the comment itself */
		if (sz) {
			size_t c = clen < sz - 1 ? clen : sz - 1;
			memcpy(buf, t + i + EOCD, c);
			buf[c] = '\0';
		}
		ret = (int)clen;
		break;
	}
out:
	free(t);
	close(fd);
	return ret;
}
