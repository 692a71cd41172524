/*
 * fuzz_bench - arbitrary bytes as a fact stream through the reader and
 * the wf-benchmark engine. The first byte picks the options (summary,
 * denominator, size classes, monthly periods, peers); the rest is the
 * table. Every row the engine rejects is skipped, as with --rejects.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_bench.h"
#include "wf_io.h"
#include "wf_table.h"

static size_t ncols;

static int check_row(void *ctx, const char *const *vals)
{
	size_t *rows = ctx;
	for (size_t i = 0; i < ncols; i++)
		if (vals[i] && strlen(vals[i]) > 4096)
			abort();
	(*rows)++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const wf_reader_opts ro;
	wf_bench_opts o = { .metric = "L090+P098", .min_peers = 2 };
	char err[512];
	wf_bench *b;
	wf_reader *r;
	wf_row row;
	size_t rows = 0;
	unsigned flags;
	int st;

	if (size < 1)
		return 0;
	flags = data[0];
	o.summary = flags & 1;
	o.per = flags & 2 ? "HEADCOUNT+FLEX_UNITS" : NULL;
	o.size_classes = flags & 4 ? "1-9,10-49,50-" : NULL;
	o.period_col = flags & 8 ? "month" : NULL;
	o.group = flags & 16 ? "region,type" : NULL;
	o.decimal = flags & 32 ? WF_DEC_AUTO : WF_DEC_POINT; /* --decimal */
	if (!(b = wf_bench_new(&o, err, sizeof err)))
		abort();
	r = wf_reader_new(wf_src_mem("fuzz", data + 1, size - 1, 0), &ro);
	if (r && wf_bench_table(b, WF_BENCH_FACTS, wf_reader_header(r), err, sizeof err) == 0) {
		while ((st = wf_reader_next(r, &row)) == WF_ROW_OK || st == WF_ROW_BAD)
			if (st == WF_ROW_OK)
				wf_bench_row(b, &row, err, sizeof err);
		if (wf_bench_finish(b, err, sizeof err) == 0) {
			ncols = wf_bench_columns(b, NULL, NULL);
			wf_bench_emit(b, check_row, &rows);
			if (rows != wf_bench_nrows(b))
				abort();
		}
	}
	wf_reader_free(r);
	wf_bench_free(b);
	return 0;
}
