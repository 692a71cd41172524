/*
 * wf_rowpipe.h - a table read ahead by a second thread: the rows of
 * wf_reader_next(), in their order and with the same statuses, lines,
 * raw text and reasons, copied into batches that the caller takes one
 * row at a time. Reading and parsing CSV then runs on one core while
 * the caller works on the rows on another; nothing the caller sees
 * depends on the thread (a run with a pipe writes what a run without
 * one writes).
 *
 * Use: wf_rowpipe_new(r) starts the thread; wf_rowpipe_next() in place
 * of wf_reader_next(r), wf_rowpipe_reason() of wf_reader_reason(r);
 * wf_rowpipe_free() stops the thread (a caller may stop before the end)
 * and only then may r be used again (wf_reader_encoding, the -v line).
 * When no thread can be started the pipe reads r in the caller's thread.
 *
 * Progress: tick (may be NULL) is called from the reading thread with
 * the rows read so far plus base each time that sum is a multiple of
 * 65536, as a reader loop counting rows would.
 *
 * Ownership: r and ctx are borrowed (r is the pipe's until
 * wf_rowpipe_free). A row and a reason stay valid until the next
 * wf_rowpipe_next() or wf_rowpipe_free(). wf_rowpipe_free(NULL) is a
 * no-op.
 */
#ifndef WF_ROWPIPE_H
#define WF_ROWPIPE_H

#include "wf_table.h"

typedef struct wf_rowpipe wf_rowpipe;

typedef void (*wf_rowpipe_tick_fn)(void *ctx, wf_reader *r, unsigned long rows);

wf_rowpipe *wf_rowpipe_new(wf_reader *r, unsigned long base, wf_rowpipe_tick_fn tick,
			   void *ctx);

/* As wf_reader_next(): WF_ROW_OK, WF_ROW_BAD, WF_ROW_EOF, WF_ROW_FATAL. */
int wf_rowpipe_next(wf_rowpipe *p, wf_row *row);
const char *wf_rowpipe_reason(const wf_rowpipe *p);

void wf_rowpipe_free(wf_rowpipe *p);

#endif
