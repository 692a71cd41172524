/*
 * wf-tablecat - a bench and test helper, not an installed tool: copy one
 * CSV or NDJSON table through libwf's reader (wf_reader) and table writer
 * (wf_tw), so `make bench` can time the library's own pass-through of the
 * canonical fact stream against `mlr cat` and DuckDB.
 *
 *   wf-tablecat [-f csv|ndjson] [FILE]     (stdout; FILE '-' or none = stdin)
 *
 * Exit status: 0 ok, 1 a bad row or an I/O error, 2 usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"
#include "wf_io.h"
#include "wf_table.h"

int main(int argc, char **argv)
{
	enum wf_format fmt = WF_FMT_CSV;
	const char *path = "-";
	wf_reader *r = NULL;
	wf_out *out = NULL;
	wf_tw *w = NULL;
	wf_row row;
	int st, rc = 1;

	wf_progname = "wf-tablecat";
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-f") == 0 && i + 1 < argc) {
			int f = wf_format_parse(argv[++i]);
			if (f != WF_FMT_CSV && f != WF_FMT_NDJSON) {
				fprintf(stderr, "wf-tablecat: bad format '%s'\n", argv[i]);
				return 2;
			}
			fmt = (enum wf_format)f;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "usage: wf-tablecat [-f csv|ndjson] [FILE]\n");
			return 2;
		} else {
			path = argv[i];
		}
	}
	wf_src *src = wf_src_open(path);
	if (!src)
		return 1;
	if (!(r = wf_reader_new(src, NULL)))
		return 1;
	out = wf_out_open(NULL);
	const wf_row *h = wf_reader_header(r);
	w = wf_tw_new(out, fmt, h->n, h->f, NULL);
	while ((st = wf_reader_next(r, &row)) == WF_ROW_OK) {
		if (wf_tw_row(w, row.f, row.len) < 0)
			goto out;
	}
	if (st != WF_ROW_EOF) {
		wf_warn_at(wf_reader_name(r), row.line, "%s", wf_reader_reason(r));
		goto out;
	}
	rc = 0;
out:
	wf_tw_free(w);
	if (wf_out_close(out, rc == 0) != 0)
		rc = 1;
	wf_reader_free(r);
	return rc;
}
