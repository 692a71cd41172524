/* libFuzzer: the whole wf-ingest engine (wf_ingest_path) on one input
 * file: layout detection, Italian and plain decimals, per-institution
 * sums, the canonical stream read back, gzip and zip archives. The
 * first byte picks the decimal mode, the output format, --excel-safe,
 * a year from the option or from the file name, and whether bad rows
 * go to a rejects sink (go on) or stop the run. Output goes to a
 * temporary file; the loaders take paths, so the bytes go through one
 * temporary file named like a data file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wf_cli.h"
#include "wf_conto.h"
#include "wf_ingest.h"

static char path[96], opath[64];

static void cleanup(void)
{
	unlink(path);
	unlink(opath);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static wf_cli cli;
	static int ready;
	wf_ingest_opts io = { 0, -1, 0, NULL };
	wf_codes *codes;
	wf_out *out, *rej = NULL;
	wf_tw *tw;
	wf_ingest *g;
	FILE *f;

	if (size < 1)
		return 0;
	if (!ready) {
		static char arg0[] = "wf-ingest", *argv[] = { arg0, NULL };
		wf_cli_init(&cli, argv);
		snprintf(path, sizeof path, "/tmp/wf-fuzz-ingest.%ld.COSTO_LAVORO_2019.csv",
			 (long)getpid());
		snprintf(opath, sizeof opath, "/tmp/wf-fuzz-out.%ld", (long)getpid());
		atexit(cleanup);
		ready = 1;
	}
	if (!(f = fopen(path, "wb")) || (size > 1 && fwrite(data + 1, 1, size - 1, f) != size - 1) ||
	    fclose(f) != 0)
		abort();
	io.decimal = (data[0] & 3) == 3 ? -1 : (data[0] & 3) == 1 ? WF_DEC_COMMA : (data[0] & 3) == 2 ? WF_DEC_POINT : -1;
	io.year = (data[0] & 4) ? 2019 : 0;
	cli.out_format = (data[0] & 8) ? WF_FMT_NDJSON : WF_FMT_CSV;
	cli.excel_safe = (data[0] & 16) != 0;
	cli.ropts.max_field = (data[0] & 32) ? 64 : 0;
	cli.progress = 0;
	codes = wf_codes_new();
	/* A private file, not /dev/null (see fuzz_matchio.c). */
	out = wf_out_open(opath);
	if (data[0] & 64)
		rej = wf_out_open(opath);
	tw = wf_tw_new(out, cli.out_format, WF_FACT_NCOLS, wf_fact_columns, wf_fact_kinds);
	wf_tw_set_excel_safe(tw, cli.excel_safe);
	wf_run run = wf_cli_run(&cli);
	g = wf_ingest_new(&run, codes, tw, rej, &io);
	wf_ingest_path(g, path);
	(void)wf_ingest_finish(g);
	(void)wf_ingest_complete(g);
	wf_ingest_free(g);
	wf_tw_free(tw);
	if (rej)
		wf_out_close(rej, 1);
	wf_out_close(out, 1);
	wf_codes_free(codes);
	return 0;
}
