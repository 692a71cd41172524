/*
 * wf_aux.h - the one way to open an auxiliary file: the code lists
 * (--codes), the comuni lists (--places), the taxonomy (--taxonomy) and
 * a baseline (--baseline). Every one is read as a table by the shared
 * reader (wf_table.h), so it follows the same rules as a main input:
 *   - its dialect (format, encoding, delimiter) is found from the file
 *     itself, whatever -d, --encoding and --input-format say for the
 *     main inputs (an auxiliary file comes from elsewhere and keeps its
 *     own: the RGS lists are ';' and cp1252 or UTF-8 with a BOM);
 *   - the --max-field-bytes limit of the run applies;
 *   - the messages are the reader's: "wf-x: NAME: reason" when it cannot
 *     be opened as a table, and a bad row comes back as WF_ROW_BAD with
 *     its line and reason for the caller's "wf-x: NAME:LINE: reason".
 *
 * Ownership: the readers returned are the caller's (wf_reader_free);
 * wf_aux_reader() takes src, even on failure.
 */
#ifndef WF_AUX_H
#define WF_AUX_H

#include "wf_table.h"

/* Reader options for an auxiliary file given the run's (NULL: none). */
wf_reader_opts wf_aux_opts(const wf_reader_opts *run);

/* Open path, or read src (a zip member, text in memory), as an
 * auxiliary table. NULL after a message. */
wf_reader *wf_aux_open(const char *path, const wf_reader_opts *run);
wf_reader *wf_aux_reader(wf_src *src, const wf_reader_opts *run);

#endif
