/*
 * wf_rejects.h - the one rejects writer of wfkit: every tool keeps a
 * row it cannot use as one CSV line `source,line,reason,raw` (the input
 * name, its line, why, and the line as read), so nothing is dropped
 * silently and the rows can be read back. Without a rejects file the
 * first rejected row is printed as "wf-x: SOURCE:LINE: reason" and the
 * caller stops.
 *
 * Ownership: wf_rejects_new() returns a new object freed by
 * wf_rejects_free() (NULL is a no-op); out stays the caller's (it opens
 * and commits it, see wf_outpath.h) and must outlive the object.
 */
#ifndef WF_REJECTS_H
#define WF_REJECTS_H

#include <stddef.h>

#include "wf_io.h"

typedef struct wf_rejects wf_rejects;

/* out NULL: no rejects file (the first row stops the run). */
wf_rejects *wf_rejects_new(wf_out *out);
void wf_rejects_free(wf_rejects *r);

/* Prefix an apostrophe to cells a spreadsheet would run as formulas
 * (wf_tw_set_excel_safe): the rejects file is the one people open to
 * review bad rows. */
void wf_rejects_set_excel_safe(wf_rejects *r, int on);

/* True when rows go to a file (the caller may go on after one). */
int wf_rejects_kept(const wf_rejects *r);

/* What wf_rejects_add() did with a row. */
enum {
	WF_REJECTS_KEPT = 0,    /* written to the file */
	WF_REJECTS_STOP = -1,   /* no file: the row was printed as the
				 * run's error, the caller stops */
	WF_REJECTS_FAILED = -2  /* the file's output has failed (disk
				 * full...): its close reports it; the
				 * caller may stop early */
};

/* Keep one row (raw may be NULL: empty). Counts it either way. Returns
 * a WF_REJECTS_* code. */
int wf_rejects_add(wf_rejects *r, const char *source, long line, const char *reason,
		   const char *raw, size_t rawlen);

/* Rows given to wf_rejects_add(). */
unsigned long wf_rejects_count(const wf_rejects *r);

#endif
