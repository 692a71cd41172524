/*
 * wf_render_input.h - read every input of wf-report into one table.
 *
 * Inputs are CSV or NDJSON (detected per file, or as the shared input
 * options say). Their columns are united by name, in order of first
 * appearance, so a report can combine, say, two wf-benchmark summaries
 * grouped by different columns: a row's cell for a column its input
 * lacks is missing (NULL), while an empty field stays "". Each row
 * remembers its input and line for messages.
 *
 * An input of zero bytes is an input with no columns and no rows (an
 * upstream filter that found nothing), not an error, so the report can
 * say "no rows". A record that cannot be read is an error
 * ("wf-x: FILE:LINE: reason"): a report is not written from part of
 * its data.
 *
 * Ownership: wf_rinput_new() returns an object freed by wf_rinput_free()
 * (NULL is a no-op); wf_rinput_table() returns a new table the caller
 * owns (wf_rtable_free); each call builds a fresh one, whose cells
 * point into in: in must outlive it.
 */
#ifndef WF_RENDER_INPUT_H
#define WF_RENDER_INPUT_H

#include "wf_run.h"
#include "wf_render.h"

typedef struct wf_rinput wf_rinput;

wf_rinput *wf_rinput_new(void);
void wf_rinput_free(wf_rinput *in);

/* Read one input ("-" = stdin). Returns 0, or -1 after printing a
 * message. */
int wf_rinput_read(wf_rinput *in, const wf_run *run, const char *path);
/* The same over an open source, which it takes (NULL: returns -1). */
int wf_rinput_read_src(wf_rinput *in, const wf_run *run, wf_src *src);

size_t wf_rinput_nsources(const wf_rinput *in);
const char *wf_rinput_name(const wf_rinput *in, size_t i);
unsigned long wf_rinput_rows(const wf_rinput *in, size_t i);

wf_rtable *wf_rinput_table(wf_rinput *in);

/* Rows handed on as they are read instead of kept (wf-report's
 * streamed table): fn gets each row's cells by united column index,
 * ncols of them (the columns united so far; a column its input lacks
 * is NULL), with their lengths, valid during the call only; it returns
 * 0, or -1 to stop reading (the read then fails: fn said why). Set
 * before the first read; wf_rinput_table() then has the columns and no
 * rows. */
typedef int (*wf_rinput_row_fn)(void *ctx, const char *const *cells, const size_t *lens,
				size_t ncols);
void wf_rinput_sink(wf_rinput *in, wf_rinput_row_fn fn, void *ctx);
/* During fn: the input (an index for wf_rinput_name()) and line of the
 * row handed on, for messages about it once it is gone. */
void wf_rinput_at(const wf_rinput *in, unsigned *src, long *line);
/* The columns united so far, in order (names borrowed). */
size_t wf_rinput_ncols(const wf_rinput *in);
const char *wf_rinput_col(const wf_rinput *in, size_t i);

#endif
