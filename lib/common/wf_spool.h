/*
 * wf_spool.h - rows of text cells kept on disk instead of in memory:
 * written once, then read back in order as often as needed. wf-report
 * streams a table of millions of rows through one, because what shapes
 * every row of its output (the column types, the widths of an aligned
 * table) is known only once the last row is read; memory stays the
 * same whatever the number of rows.
 *
 * The file is a temporary in $TMPDIR (else /tmp), removed from the
 * directory as soon as it is made: nothing is left behind, whatever
 * happens to the process. A row is its size, its number of cells and
 * each cell as its length plus one (0: missing) and its bytes with a
 * NUL, so cells read back are C strings in place.
 *
 * Ownership: wf_spool_new() returns a spool freed by wf_spool_free()
 * (NULL is a no-op). The cells wf_spool_next() returns are borrowed and
 * valid until the next call.
 */
#ifndef WF_SPOOL_H
#define WF_SPOOL_H

#include <stddef.h>

typedef struct wf_spool wf_spool;

/* NULL after a message ("wf-x: spool in DIR: reason") when no
 * temporary file can be made. */
wf_spool *wf_spool_new(void);
void wf_spool_free(wf_spool *s);

/* Append a row of n cells; cells[i] NULL = missing; lens may be NULL
 * (strlen). Only before the first wf_spool_rewind(). Returns 0, or -1
 * after a message (a full disk). */
int wf_spool_add(wf_spool *s, const char *const *cells, const size_t *lens, size_t n);
/* Read from the first row again (the first call ends the writing).
 * Returns 0, or -1 after a message. */
int wf_spool_rewind(wf_spool *s);
/* The next row: 1 with *cells (NULL = missing), *lens and *n set, 0
 * after the last row, -1 after a message. */
int wf_spool_next(wf_spool *s, const char *const **cells, const size_t **lens, size_t *n);
/* Rows added. */
size_t wf_spool_rows(const wf_spool *s);

#endif
