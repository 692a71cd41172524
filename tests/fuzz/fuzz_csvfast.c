/* libFuzzer: the reader's one-pass path for plain CSV lines
 * (csv_line_direct in wf_table.c) against the general path, on the same
 * bytes: every record (status, fields, empty flags, line, raw text,
 * reason), the blank-line count and the encoding must be the same. The
 * first byte chooses the delimiter, the encoding and a small field cap;
 * the input is read in full so most lines take the one-pass path. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_table.h"

static wf_reader *open_copy(const uint8_t *data, size_t size, wf_reader_opts *o)
{
	unsigned char *copy = malloc(size ? size : 1);

	if (size)
		memcpy(copy, data, size);
	return wf_reader_new(wf_src_mem("fuzz", copy, size, 1), o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wf_reader_opts o = { 0 };
	const char delims[4] = { 0, ';', ',', '\t' };
	wf_reader *a, *b;

	if (size < 1)
		return 0;
	o.format = WF_FMT_CSV;
	o.delim = delims[data[0] % 4];
	o.encoding = (enum wf_encoding)((data[0] >> 2) % 4);
	o.max_field = (data[0] & 0x40) ? 48 : 0;
	a = open_copy(data + 1, size - 1, &o);
	o.no_direct = 1;
	b = open_copy(data + 1, size - 1, &o);
	if (!a || !b) {
		if (a || b)
			abort();
		return 0;
	}
	for (;;) {
		wf_row x, y;
		int sa = wf_reader_next(a, &x), sb = wf_reader_next(b, &y);
		if (sa != sb)
			abort();
		if (sa != WF_ROW_OK && sa != WF_ROW_BAD)
			break;
		if (x.line != y.line || x.rawlen != y.rawlen || memcmp(x.raw, y.raw, x.rawlen) != 0)
			abort();
		if (sa == WF_ROW_BAD) {
			if (strcmp(wf_reader_reason(a), wf_reader_reason(b)) != 0)
				abort();
			continue;
		}
		if (x.n != y.n)
			abort();
		for (size_t i = 0; i < x.n; i++)
			if (x.len[i] != y.len[i] || x.null[i] != y.null[i] ||
			    memcmp(x.f[i], y.f[i], x.len[i] + 1) != 0)
				abort();
	}
	long la, lb;
	if (wf_reader_blank(a) != wf_reader_blank(b) ||
	    strcmp(wf_reader_encoding(a, &la), wf_reader_encoding(b, &lb)) != 0 || la != lb)
		abort();
	wf_reader_free(a);
	wf_reader_free(b);
	return 0;
}
