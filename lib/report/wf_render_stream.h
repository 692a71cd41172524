/*
 * wf_render_stream.h - wf-report's table kind in memory independent of
 * the rows: a 10 M-row fact stream to CSV, Markdown or an aligned table.
 *
 * What shapes every row of the output is known only at the end (the
 * column types, hence how numbers are shown and which columns align
 * right; the widths of an aligned table; the notes above the table
 * with the rows kept by --where and whether the data is SYNTHETIC).
 * So the rows are read once as they come (wf_rinput_sink), counted for
 * the column types and the notes, and those --where keeps go to a
 * spool on disk (wf_spool.h); the report is then rendered from the
 * spool, --label and --columns applied to each row as it passes.
 * Output is byte for byte what wf_report_build() makes of the same
 * inputs and options. --sort needs every row at once: a report with it
 * is built in memory (wf_render_stream_possible() says 0).
 *
 * Memory: the reader's buffers, one row, and per column its counts:
 * nothing grows with the rows. Disk: the rows kept, about the size of
 * the input, in $TMPDIR.
 *
 * Ownership: wf_render_stream_new() returns a stream freed by
 * wf_render_stream_free() (NULL is a no-op); it borrows in and o, and
 * the report wf_render_stream_report() returns (the caller frees it)
 * reads its rows from the stream, so the stream must outlive it.
 */
#ifndef WF_RENDER_STREAM_H
#define WF_RENDER_STREAM_H

#include "wf_render_input.h"
#include "wf_render_kinds.h"

typedef struct wf_render_stream wf_render_stream;

/* Whether a report of these options can be streamed: --kind table
 * without --sort. */
int wf_render_stream_possible(const wf_report_opts *o);

/* A stream that the inputs read through in from now on go to (in keeps
 * no rows). NULL after a message when no spool can be made. */
wf_render_stream *wf_render_stream_new(wf_rinput *in, const wf_report_opts *o);
void wf_render_stream_free(wf_render_stream *s);

/* Once every input is read: the report, or NULL with *err filled as
 * wf_report_build() would. Its main table streams its rows from s. */
wf_report *wf_render_stream_report(wf_render_stream *s, wf_report_err *err);

#endif
