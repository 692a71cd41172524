/*
 * wf_io.h - byte sources and atomic byte sinks.
 *
 * wf_src: a named stream of bytes from a file, stdin ("-") or memory.
 * gzip is recognised by its magic bytes (1f 8b), never by the file
 * name, and inflated transparently; a truncated gzip stream is an
 * error, not a short read.
 *
 * wf_out: buffered output to stdout or, for a path, to a temporary file
 * in the same directory that replaces the path only on a successful
 * close, so readers of the path never see half a file.
 *
 * Ownership: _open/_mem return a new object the caller frees with
 * _free/_close; _free(NULL) and _close(NULL, ...) are no-ops.
 */
#ifndef WF_IO_H
#define WF_IO_H

#include <stddef.h>
#include <sys/types.h>

typedef struct wf_src wf_src;

/* Caps against decompression bombs (0 = defaults: 64 GiB and 1000:1
 * once past 1 MiB of output). */
typedef struct wf_src_limits {
	unsigned long long max_bytes;
	unsigned long max_ratio;
} wf_src_limits;

/* Open path ("-" = stdin). On failure prints "wf-x: path: strerror"
 * and returns NULL. */
wf_src *wf_src_open(const char *path);

/* A source over len bytes at buf, named name (for messages). The
 * buffer is borrowed unless own is set, in which case it is freed
 * (with free()) by wf_src_free. */
wf_src *wf_src_mem(const char *name, const void *buf, size_t len, int own);

void wf_src_set_limits(wf_src *s, const wf_src_limits *lim);

/* Read up to n decompressed bytes. Returns the count, 0 at the end,
 * -1 on error (message in wf_src_error()). */
ssize_t wf_src_read(wf_src *s, void *buf, size_t n);

/* Look at the first n (<= 8) raw bytes without consuming them; returns
 * how many are available. Used to spot zip archives and gzip. */
size_t wf_src_peek(wf_src *s, unsigned char *buf, size_t n);

/* True when the raw stream is gzip. */
int wf_src_is_gzip(const wf_src *s);

/* Read the whole rest of the raw (not inflated) stream into a new
 * malloc'd buffer, for zip archives. Returns NULL on error. */
unsigned char *wf_src_slurp_raw(wf_src *s, size_t *len);

/* Raw bytes consumed so far and the total size if known (else -1),
 * for progress lines. */
unsigned long long wf_src_raw_pos(const wf_src *s);
long long wf_src_raw_size(const wf_src *s);

const char *wf_src_name(const wf_src *s);
const char *wf_src_error(const wf_src *s);
void wf_src_free(wf_src *s);

typedef struct wf_out wf_out;

/* path NULL or "-" = stdout. Prints a message and returns NULL when the
 * temporary file cannot be created or an existing file is not writable
 * by the user. An existing file keeps its mode; through a symlink the
 * target is replaced (the temporary goes beside it) and the link stays.
 * A temporary not committed by wf_out_close() is removed at exit(),
 * whatever the path out (wf_die, an allocation failure). */
wf_out *wf_out_open(const char *path);

/* Buffered writes; every failure is remembered and reported once. */
int wf_out_write(wf_out *o, const void *p, size_t n);
int wf_out_putc(wf_out *o, int c);
int wf_out_puts(wf_out *o, const char *s);

/* Nonzero once a write has failed. */
int wf_out_failed(const wf_out *o);

/* The bytes written so far are a header (wf_tw_new marks after it):
 * wf_out_close(o, WF_OUT_IF_DATA) commits only when more followed. */
void wf_out_mark(wf_out *o);
#define WF_OUT_IF_DATA 2

/* Flush and finish. With commit set and no earlier failure, a file is
 * fsync'ed and renamed over its path; otherwise the temporary file is
 * removed and the path left untouched. Returns 0, or -1 after printing
 * "wf-x: NAME: strerror". Always frees o. */
int wf_out_close(wf_out *o, int commit);

/* A spool: output to a nameless temporary file in $TMPDIR (else /tmp),
 * written now and copied into another output later; close it with
 * wf_out_close(o, 0). NULL when the file cannot be made (no message). */
wf_out *wf_out_spool(void);
/* Append what spool holds after its mark (wf_out_mark: a wf_tw's
 * header) to dst. Returns -1 when the spool cannot be written or read
 * back (no message; dst is then as it was or partly written), else 0;
 * a failure of dst is dst's own, reported by wf_out_close(dst). */
int wf_out_spool_copy(wf_out *spool, wf_out *dst);

/* Remove every temporary file not yet committed; safe to call from a
 * signal handler (wf_cli installs one for SIGINT/SIGTERM/SIGHUP). */
void wf_out_abort_all(void);

#endif
