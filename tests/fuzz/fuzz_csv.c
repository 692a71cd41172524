/* libFuzzer: the table reader over any bytes, with every dialect option
 * chosen by the first input byte (format, encoding, delimiter, a small
 * field cap), then the Conto Annuale layout detection on the header. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_conto.h"
#include "wf_table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wf_reader_opts o = { 0 };
	const char delims[4] = { 0, ';', ',', '\t' };
	unsigned char *copy;
	wf_reader *r;
	wf_row row;
	int st;

	if (size < 1)
		return 0;
	o.format = (enum wf_format)(data[0] % 3);
	o.encoding = (enum wf_encoding)((data[0] >> 2) % 4);
	o.delim = delims[(data[0] >> 4) % 4];
	o.max_field = (data[0] & 0x40) ? 64 : 0;
	copy = malloc(size - 1 ? size - 1 : 1);
	memcpy(copy, data + 1, size - 1);
	r = wf_reader_new(wf_src_mem("fuzz", copy, size - 1, 1), &o);
	if (!r)
		return 0;
	{
		wf_layout L;
		char why[256];
		wf_layout_detect(wf_reader_header(r), &L, why, sizeof why);
	}
	while ((st = wf_reader_next(r, &row)) == WF_ROW_OK || st == WF_ROW_BAD) {
		/* Touch every field so ASan sees any bad pointer. */
		size_t sum = row.rawlen;
		for (size_t i = 0; i < row.n; i++)
			sum += strlen(row.f[i]) == row.len[i];
		(void)sum;
	}
	wf_reader_free(r);
	return 0;
}
