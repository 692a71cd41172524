/* libFuzzer: zip archives (nested one level) handed to the reader, as
 * wf-ingest does with the yearly Conto Annuale zips. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"
#include "wf_table.h"
#include "wf_zip.h"

static int want(void *ctx, const wf_zip_member *m)
{
	(void)ctx;
	return m->size < (1u << 20);
}

static int take(void *ctx, const wf_zip_member *m, wf_src *src)
{
	wf_reader *r = wf_reader_new(src, NULL);
	wf_row row;

	(void)ctx;
	(void)m;
	if (!r)
		return -1;
	while (wf_reader_next(r, &row) > 0)
		;
	wf_reader_free(r);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!wf_zip_magic(data, size))
		return 0;
	wf_zip_walk("fuzz.zip", data, size, want, take, NULL);
	return 0;
}
