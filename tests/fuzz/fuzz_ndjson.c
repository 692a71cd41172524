/* libFuzzer: the NDJSON side of the table reader. The first byte picks
 * the encoding, a small record cap and whether the format is forced or
 * detected; the rest is the stream. Every field of every row (good or
 * bad) is touched so ASan sees a stale pointer, and the documented
 * row shape is checked: as many fields as the header, NUL-terminated
 * at their stated length, and lines that only grow. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wf_reader_opts o = { 0 };
	wf_reader *r;
	wf_row row;
	long last = 0;
	size_t hn;
	int st;

	if (size < 1)
		return 0;
	o.format = (data[0] & 1) ? WF_FMT_NDJSON : WF_FMT_AUTO;
	o.encoding = (enum wf_encoding)((data[0] >> 1) % 4);
	o.max_field = (data[0] & 0x08) ? 48 : 0;
	r = wf_reader_new(wf_src_mem("fuzz.ndjson", data + 1, size - 1, 0), &o);
	if (!r)
		return 0;
	hn = wf_reader_header(r)->n;
	while ((st = wf_reader_next(r, &row)) == WF_ROW_OK || st == WF_ROW_BAD) {
		if (row.line < last)
			abort();
		last = row.line;
		if (row.raw && memchr(row.raw, '\n', row.rawlen) && wf_reader_format(r) == WF_FMT_NDJSON)
			abort(); /* one JSON record is one line */
		if (st != WF_ROW_OK)
			continue;
		if (wf_reader_format(r) == WF_FMT_NDJSON && row.n != hn)
			abort();
		for (size_t i = 0; i < row.n; i++)
			if (row.f[i][row.len[i]] != '\0')
				abort();
	}
	wf_reader_free(r);
	return 0;
}
