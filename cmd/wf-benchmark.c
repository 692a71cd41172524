/*
 * wf-benchmark - per-employee welfare indicators, peer groups and
 * trends from the canonical fact stream. The work is in lib/bench (the
 * engine wf_bench.c, its output wf_bench_out.c, --profile wf_profile.c);
 * --codes goes through lib/conto's code-list loader, --baseline through
 * wf_aux.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_aux.h"
#include "wf_bench.h"
#include "wf_conto.h"
#include "wf_cli.h"
#include "wf_outpath.h"
#include "wf_profile.h"
#include "wf_err.h"
#include "wf_io.h"
#include "wf_table.h"

enum {
	OPT_METRIC = 'm',
	OPT_PER = WF_OPT_FIRST_PRIVATE,
	OPT_PEERS,
	OPT_BY,
	OPT_SUMMARY,
	OPT_SIZE_CLASSES,
	OPT_MIN_PEERS,
	OPT_PERIOD,
	OPT_BASELINE,
	OPT_CODES,
	OPT_KEEP,
	OPT_CHANGE,
	OPT_PROFILE,
	OPT_SUMDUP
};

static void usage(FILE *f)
{
	fputs(
"Usage: wf-benchmark --metric SPEC [OPTION]... [FILE]...\n"
"Benchmark each institution against its peers, period by period, from a\n"
"fact stream (wf-ingest output, CSV or NDJSON; FILE '-' or none = stdin).\n"
"\n"
"  -m, --metric SPEC        any measure (L090, TELEWORK), a sum (L090+L107)\n"
"                           or a named indicator: welfare_core = L090,\n"
"                           welfare_extended = L090+L010+L011+L107+P035,\n"
"                           and with their own --per and scale:\n"
"                           welfare_core_per_employee, women_share,\n"
"                           training_days_per_employee, telework_share,\n"
"                           telework_women_share, shift_work_share,\n"
"                           on_call_share, absence_days_per_employee,\n"
"                           absence_illness_per_employee,\n"
"                           absence_care_per_employee,\n"
"                           absence_parental_per_employee,\n"
"                           fua_welfare_per_employee (wf-benchmark(1))\n"
"      --per SPEC           denominator: HEADCOUNT, HEADCOUNT+FLEX_UNITS...\n"
"      --profile            every named indicator of the staff-wellbeing\n"
"                           profile with its peer percentile rank, one row\n"
"                           per institution, period and indicator\n"
"      --codes DIR|ZIP      code lists (or VoceSpesa.CSV itself): each\n"
"                           metric item takes its FLAG_SEGNO sign; once\n"
"                           per year, facts use their year's lists (or\n"
"                           the nearest year's); without it all items add\n"
"      --peers COLS         peer groups by these columns (and period)\n"
"      --size-classes LIST  also group by headcount class, e.g. 1-9,10-49,50-\n"
"      --min-peers N        smaller groups are not ranked (default 5)\n"
"      --sum-duplicates     sum a repeated (period, institution, contract,\n"
"                           measure); default: reject it\n"
"      --summary            one row per group and period instead\n"
"      --by COLS            the groups of --summary\n"
"      --period COLUMN      period column, YYYY or YYYY-MM (default year)\n"
"      --keep COLS          also pass these input columns through (region,\n"
"                           province and comune always are, when present)\n"
"      --baseline FILE      an earlier output made the same way: add the\n"
"                           change since then (another definition is an error)\n"
"      --change-threshold PCT  with --baseline: flag 'changed' where the\n"
"                           per-employee value moved by PCT % or more\n"
"  -f, --format FMT         csv (default) or ndjson\n"
"\n"
"Quantiles (median, p25, p75, p90) are exact: linear interpolation between\n"
"order statistics (R type 7): h = (n-1)p, q = x[floor h] + (h - floor h)\n"
"(x[floor h + 1] - x[floor h]), x sorted from index 0. Percentile rank is\n"
"the mid-rank 100 (below + 0.5 equal) / n. robust_z = (x - median) /\n"
"(1.4826 MAD), or (x - median) / (1.253314 MeanAD) when MAD is 0, and 0 when\n"
"both are 0. Statistics print with 2 decimals, sums exactly.\n", f);
	wf_cli_help(f, WF_CLI_BASE | WF_CLI_INPUT | WF_CLI_EXCELSAFE | WF_CLI_REJECTS |
		    WF_CLI_PROGRESS | WF_CLI_THREADS);
}

static void progress(void *ctx, wf_reader *r, unsigned long rows, int done)
{
	wf_src *s = wf_reader_src(r);
	wf_cli_progress(ctx, wf_reader_name(r), wf_src_raw_pos(s),
			wf_src_raw_size(s), rows, done);
}

/* One whole table into the engine: p for --profile, else b (r NULL:
 * its opening failed); -1 after a message. */
static int read_one(wf_bench *b, wf_profile *p, const wf_cli *c, enum wf_bench_input kind,
		    wf_reader *r, wf_rejects *rejects, unsigned long *rows,
		    unsigned long *rejected)
{
	int rc;

	if (!r)
		return -1;
	rc = p ? wf_profile_read(p, r, rejects, rows, rejected)
	       : wf_bench_read(b, kind, r, rejects, rows, rejected);
	wf_cli_report_dialect(c, r);
	wf_reader_free(r);
	return rc;
}

/* --codes, each a year's lists, through lib/conto's loader; *codes
 * stays NULL without any. -1 after a message. */
static int load_codes(const wf_cli *c, const char *const *paths, int n, wf_codes **codes)
{
	if (!n)
		return 0;
	*codes = wf_codes_new();
	wf_codes_set_reader(*codes, &c->ropts);
	for (int i = 0; i < n; i++)
		if (wf_codes_load_items(*codes, paths[i]))
			return -1;
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		WF_LONGOPTS_BASE, WF_LONGOPTS_INPUT, WF_LONGOPTS_OUTPUT,
		WF_LONGOPTS_REJECTS, WF_LONGOPTS_PROGRESS, WF_LONGOPTS_THREADS,
		{ "metric", required_argument, NULL, OPT_METRIC },
		{ "per", required_argument, NULL, OPT_PER },
		{ "peers", required_argument, NULL, OPT_PEERS },
		{ "by", required_argument, NULL, OPT_BY },
		{ "summary", no_argument, NULL, OPT_SUMMARY },
		{ "size-classes", required_argument, NULL, OPT_SIZE_CLASSES },
		{ "min-peers", required_argument, NULL, OPT_MIN_PEERS },
		{ "sum-duplicates", no_argument, NULL, OPT_SUMDUP },
		{ "period", required_argument, NULL, OPT_PERIOD },
		{ "baseline", required_argument, NULL, OPT_BASELINE },
		{ "codes", required_argument, NULL, OPT_CODES },
		{ "keep", required_argument, NULL, OPT_KEEP },
		{ "change-threshold", required_argument, NULL, OPT_CHANGE },
		{ "profile", no_argument, NULL, OPT_PROFILE },
		{ NULL, 0, NULL, 0 }
	};
	wf_cli c;
	wf_bench_opts o = { 0 };
	const char *peers = NULL, *by = NULL, *baseline = NULL, *codes_path[64];
	int profile = 0, ncodes = 0, nin;
	wf_codes *codes = NULL;
	wf_bench *b = NULL;
	wf_profile *p = NULL;
	wf_out *out = NULL, *rout = NULL;
	wf_rejects *rejects = NULL;
	unsigned long rows = 0, rejected = 0, brows = 0;
	char err[512];
	int opt, wrc, status = WF_EXIT_DATA, complete = 0;

	wf_cli_init(&c, argv);
	while ((opt = wf_cli_getopt(&c, argc, argv, WF_SHORTOPTS_BASE "f:d:m:", longopts)) != -1) {
		char *end;
		long v;
		switch (opt) {
		case OPT_METRIC: o.metric = optarg; break;
		case OPT_PER: o.per = optarg; break;
		case OPT_PEERS: peers = optarg; break;
		case OPT_BY: by = optarg; break;
		case OPT_SUMMARY: o.summary = 1; break;
		case OPT_SIZE_CLASSES: o.size_classes = optarg; break;
		case OPT_PERIOD: o.period_col = optarg; break;
		case OPT_BASELINE: baseline = optarg; break;
		case OPT_CODES:
			if (ncodes == (int)(sizeof codes_path / sizeof codes_path[0]))
				wf_usage_error("too many --codes (at most 64)");
			codes_path[ncodes++] = optarg;
			break;
		case OPT_KEEP: o.keep = optarg; break;
		case OPT_CHANGE: {
			double d = strtod(optarg, &end);
			if (*end || end == optarg || !(d >= 0) || d > 1e9)
				wf_usage_error("invalid --change-threshold '%s' (a percentage >= 0)", optarg);
			o.change_threshold = d;
			o.has_change_threshold = 1;
			break;
		}
		case OPT_PROFILE: profile = 1; break;
		case OPT_SUMDUP: o.sum_duplicates = 1; break;
		case OPT_MIN_PEERS:
			v = strtol(optarg, &end, 10);
			if (*end || end == optarg || v < 1 || v > 1000000)
				wf_usage_error("invalid --min-peers '%s'", optarg);
			o.min_peers = (int)v;
			break;
		default:
			if (!wf_cli_option(&c, opt, optarg, usage))
				wf_usage_error("unknown option");
		}
	}
	if (c.out_format == WF_FMT_AUTO)
		wf_usage_error("invalid format '%s' (csv, ndjson)", c.out_format_name);
	if (profile && (o.metric || o.per || o.summary || by || baseline))
		wf_usage_error("--profile does not go with %s", o.metric ? "--metric" : o.per ? "--per"
			       : o.summary || by ? "--summary" : "--baseline");
	if (!o.metric && !profile)
		wf_usage_error("--metric is required");
	if (o.summary && peers)
		wf_usage_error("--peers does not go with --summary (use --by)");
	if (!o.summary && by)
		wf_usage_error("--by needs --summary (use --peers)");
	if (o.summary && baseline)
		wf_usage_error("--baseline does not go with --summary");
	if (o.has_change_threshold && !baseline)
		wf_usage_error("--change-threshold needs --baseline");
	{
		const char *paths[] = { c.output ? c.output : "-", c.rejects };
		const char *opts[] = { "--output", "--rejects" };
		wf_outpath_check(paths, opts, 2);
	}
	o.group = o.summary ? by : peers;
	o.decimal = c.decimal;
	/* One thread whatever --threads: handing rows to a second thread
	 * (lib's read-ahead and cell maker, still there for callers with
	 * cores to spare) cost more than it saved on the 2-core machine:
	 * make bench of 2026-12-01, 10.7 M facts, 3.2 s on one thread,
	 * 4.5 s wall and twice the CPU on two. */
	o.threads = 1;
	nin = argc - optind;
	/* --profile runs every named indicator through its own wf_bench
	 * (wf_profile); reading, rejects, output and exit rules are the
	 * same, so one sequence serves both. */
	if (profile) {
		wf_profile_opts po = { o.period_col, o.group, o.size_classes, o.min_peers,
				       o.decimal };
		if (!(p = wf_profile_new(&po, err, sizeof err)))
			wf_usage_error("%s", err);
		wf_profile_set_progress(p, progress, &c);
	} else {
		if (!(b = wf_bench_new(&o, err, sizeof err)))
			wf_usage_error("%s", err);
		wf_bench_set_progress(b, progress, &c);
	}
	if (!(out = wf_out_open(c.output)))
		goto out;
	if (c.rejects && !(rout = wf_out_open(c.rejects)))
		goto out;
	rejects = wf_rejects_new(rout);
	wf_rejects_set_excel_safe(rejects, c.excel_safe);
	if (load_codes(&c, codes_path, ncodes, &codes))
		goto out;
	if (codes && (p ? wf_profile_set_codes(p, codes, err, sizeof err)
			: wf_bench_set_codes(b, codes, err, sizeof err))) {
		wf_warn("%s", err);
		goto out;
	}
	for (int i = 0; i < (nin ? nin : 1); i++) /* no file: standard input */
		if (read_one(b, p, &c, WF_BENCH_FACTS, wf_cli_reader(&c, nin ? argv[optind + i] : "-"),
			     rejects, &rows, &rejected))
			goto out;
	if (p ? wf_profile_finish(p, err, sizeof err) : wf_bench_finish(b, err, sizeof err)) {
		wf_warn("%s", err);
		goto out;
	}
	for (size_t i = 0; p && i < wf_profile_ndropped(p); i++) {
		const char *why, *name = wf_profile_dropped(p, i, &why);
		wf_note("--profile: %s left out: %s", name, why);
	}
	if (b)
		wf_bench_warn_empty_groups(b);
	if (baseline) {
		/* an auxiliary file: its dialect is found, not the facts' -d etc. */
		wf_cli bc = c;
		bc.ropts = wf_aux_opts(&c.ropts);
		if (read_one(b, NULL, &bc, WF_BENCH_BASELINE, wf_aux_open(baseline, &c.ropts), NULL,
			     &brows, &rejected))
			goto out;
	}
	wrc = p ? wf_profile_write(p, out, c.out_format, c.excel_safe)
		: wf_bench_write(b, out, c.out_format, c.excel_safe);
	if (wf_out_close(out, wrc == 0) == 0 && wrc == 0) {
		status = rejected ? WF_EXIT_DATA : WF_EXIT_OK;
		complete = 1;
	}
	out = NULL;
	if (c.verbose && b)
		fprintf(stderr, "%s: %lu rows read, %lu rejected, %zu rows written\n",
			wf_progname, rows, rejected, wf_bench_nrows(b));
	if (rejected)
		wf_warn("%lu row%s rejected (see %s)", rejected,
			rejected == 1 ? "" : "s", c.rejects);
out:
	wf_out_close(out, 0);
	wf_rejects_free(rejects);
	/* Rejected rows are worth keeping whatever else failed; a failed
	 * run with none leaves the old file alone. */
	if (rout && wf_out_close(rout, complete ? 1 : WF_OUT_IF_DATA))
		status = WF_EXIT_DATA;
	wf_bench_free(b);
	wf_profile_free(p);
	wf_codes_free(codes);
	return status;
}
