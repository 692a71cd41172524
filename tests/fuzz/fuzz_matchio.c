/* libFuzzer: the wf-match input reader and run (wf_matchrun_exec):
 * demand, supply and a comuni list from the fuzz input, cut at 0xff
 * bytes into those three files. The first byte picks --assign or
 * --top, the objective, NDJSON output, a small record cap and whether
 * the comuni list is used. Rows that fail go to a rejects sink so the
 * run goes on past them; all output goes to one temporary file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wf_cli.h"
#include "wf_matchio.h"

static char dpath[64], spath[64], ppath[64], opath[64];

static void cleanup(void)
{
	unlink(dpath);
	unlink(spath);
	unlink(ppath);
	unlink(opath);
}

static void put(const char *path, const uint8_t *p, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f || (n && fwrite(p, 1, n, f) != n) || fclose(f) != 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static wf_cli cli;
	static int ready;
	const char *const places[1] = { ppath };
	const uint8_t *part[3] = { NULL, NULL, NULL };
	size_t len[3] = { 0, 0, 0 };
	wf_matchrun run;
	size_t start = 1;
	int k = 0, complete = 0;

	if (size < 1)
		return 0;
	if (!ready) {
		static char arg0[] = "wf-match", *argv[] = { arg0, NULL };
		wf_cli_init(&cli, argv);
		snprintf(dpath, sizeof dpath, "/tmp/wf-fuzz-demand.%ld", (long)getpid());
		snprintf(spath, sizeof spath, "/tmp/wf-fuzz-supply.%ld", (long)getpid());
		snprintf(ppath, sizeof ppath, "/tmp/wf-fuzz-places.%ld", (long)getpid());
		snprintf(opath, sizeof opath, "/tmp/wf-fuzz-out.%ld", (long)getpid());
		atexit(cleanup);
		ready = 1;
	}
	for (size_t i = 1; i <= size && k < 3; i++)
		if (i == size || data[i] == 0xff) {
			part[k] = data + start;
			len[k++] = i - start;
			start = i + 1;
		}
	put(dpath, part[0] ? part[0] : data, len[0]);
	put(spath, part[1] ? part[1] : data, len[1]);
	put(ppath, part[2] ? part[2] : data, len[2]);

	/* A private file, not /dev/null: should /dev/null ever be a
	 * regular file, -o would rename over it on every run. */
	cli.ropts.max_field = (data[0] & 8) ? 64 : 0;
	cli.progress = 0;
	memset(&run, 0, sizeof run);
	run.io = wf_cli_run(&cli);
	run.out_format = (data[0] & 4) ? WF_FMT_NDJSON : WF_FMT_CSV;
	run.out = wf_out_open(opath);
	run.rejects = wf_out_open(opath);
	run.rejects_name = opath;
	run.demand = dpath;
	run.supply = spath;
	run.places = places;
	run.nplaces = (data[0] & 16) ? 1 : 0;
	run.unmet_out = (data[0] & 32) ? wf_out_open(opath) : NULL;
	run.assign = data[0] & 1;
	wf_match_opts_default(&run.opts);
	run.opts.objective = (data[0] & 2) ? WF_OBJ_COVERAGE : WF_OBJ_SCORE;
	wf_matchrun_exec(&run, &complete);
	wf_out_close(run.out, complete);
	if (run.unmet_out)
		wf_out_close(run.unmet_out, complete);
	wf_out_close(run.rejects, complete ? 1 : WF_OUT_IF_DATA);
	return 0;
}
