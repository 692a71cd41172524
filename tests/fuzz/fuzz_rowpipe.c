/*
 * fuzz_rowpipe - arbitrary bytes as a table, read twice: by wf_reader
 * directly and through wf_rowpipe (a second thread and its batches).
 * Every row must come out the same: status, line, fields (pointers
 * NULL or not, lengths, bytes, null flags), raw text and reason. The
 * first byte picks where the pipe is dropped early (0: never).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_io.h"
#include "wf_rowpipe.h"
#include "wf_table.h"

static void same_row(const wf_row *a, const wf_row *b)
{
	if (a->n != b->n || a->line != b->line || a->rawlen != b->rawlen ||
	    (a->rawlen && memcmp(a->raw, b->raw, a->rawlen) != 0))
		abort();
	for (size_t i = 0; i < a->n; i++) {
		size_t la = a->f[i] ? (a->len ? a->len[i] : strlen(a->f[i])) : 0;
		if (!a->f[i] != !b->f[i] || la != b->len[i] ||
		    (a->f[i] && (memcmp(a->f[i], b->f[i], la) != 0 || b->f[i][la] != '\0')) ||
		    (a->null ? a->null[i] : 0) != b->null[i])
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const wf_reader_opts ro;
	wf_reader *r1, *r2;
	wf_rowpipe *p = NULL;
	unsigned long stop_at, n = 0;

	if (size < 1)
		return 0;
	stop_at = data[0];
	r1 = wf_reader_new(wf_src_mem("fuzz", data + 1, size - 1, 0), &ro);
	r2 = wf_reader_new(wf_src_mem("fuzz", data + 1, size - 1, 0), &ro);
	if (!r1 != !r2)
		abort();
	if (r1) {
		wf_row a, b;
		int s1, s2;
		p = wf_rowpipe_new(r2, 0, NULL, NULL);
		do {
			if (stop_at && n++ == stop_at)
				break; /* a caller that stops before the end */
			s1 = wf_reader_next(r1, &a);
			s2 = wf_rowpipe_next(p, &b);
			if (s1 != s2)
				abort();
			if (s1 == WF_ROW_BAD || s1 == WF_ROW_FATAL)
				if (strcmp(wf_reader_reason(r1), wf_rowpipe_reason(p)) != 0)
					abort();
			if (s1 == WF_ROW_OK || s1 == WF_ROW_BAD)
				same_row(&a, &b);
		} while (s1 == WF_ROW_OK || s1 == WF_ROW_BAD);
	}
	wf_rowpipe_free(p);
	wf_reader_free(r1);
	wf_reader_free(r2);
	return 0;
}
