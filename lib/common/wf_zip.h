/*
 * wf_zip.h - walk the members of a zip archive held in memory, as the
 * yearly Conto Annuale archives are published (2024Tutto.zip, ...).
 *
 * Nested archives are entered one level deep (the 2010s layout keeps
 * a {YYYY}Dati.zip inside {YYYY}Tutto.zip); deeper ones are offered to
 * want() like any other member and never opened. Member names are only
 * ever used as labels, never as paths on disk; a backslash in them
 * separates folders like a slash (Windows zip tools). A member whose size or
 * compression ratio passes the limits is refused with its name.
 */
#ifndef WF_ZIP_H
#define WF_ZIP_H

#include <stddef.h>

#include "wf_io.h"

typedef struct wf_zip_member {
	const char *label;  /* "outer.zip(dir/NAME.csv)" for messages */
	const char *path;   /* path inside its archive */
	const char *base;   /* last path component */
	unsigned long long size;
	int depth;          /* 0 = in the outer archive */
	int archive;        /* a nested zip (only offered by wf_zip_walk_ask) */
	unsigned long crc;  /* CRC-32 of its bytes, from the directory */
} wf_zip_member;

/* want: 1 = read this member, 0 = skip it. take: gets a new memory
 * source over the member's bytes, which it owns (and must free, or hand
 * to wf_reader_new), and returns 0 or -1. */
typedef int (*wf_zip_want_fn)(void *ctx, const wf_zip_member *m);
typedef int (*wf_zip_take_fn)(void *ctx, const wf_zip_member *m, wf_src *src);

/* True when the bytes start like a zip archive. */
int wf_zip_magic(const unsigned char *p, size_t n);

/* Walk the archive in buf (borrowed). Returns the number of errors
 * (each already reported as "wf-x: LABEL: reason"), 0 when all went
 * well; take()'s -1 counts as an error. */
int wf_zip_walk(const char *name, const unsigned char *buf, size_t len,
		wf_zip_want_fn want, wf_zip_take_fn take, void *ctx);

/* The same, but a nested archive is first offered to want() (with
 * archive set) and entered only when want() returns 1, so a caller
 * looking for a few small members need not inflate a big nested
 * {YYYY}Dati.zip. */
int wf_zip_walk_ask(const char *name, const unsigned char *buf, size_t len,
		    wf_zip_want_fn want, wf_zip_take_fn take, void *ctx);

/* The archive comment of the zip file at path, read from its tail only
 * (wf-synth marks its archives "SYNTHETIC ..." there), into buf
 * (truncated, NUL-terminated). Returns the comment's length, or -1 when
 * path is not a regular file ending like a zip archive. */
int wf_zip_file_comment(const char *path, char *buf, size_t sz);

#endif
