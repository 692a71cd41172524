/* wf-ingest - Conto Annuale open data to the canonical fact stream. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_cli.h"
#include "wf_conto.h"
#include "wf_ingest.h"
#include "wf_outpath.h"

enum { OPT_CODES = WF_OPT_FIRST_PRIVATE, OPT_PLACES, OPT_OVERRIDES, OPT_REPORT, OPT_YEAR, OPT_DECIMAL_COMMA,
       OPT_SUMDUP };

static void usage(FILE *f)
{
	fputs("Usage: wf-ingest [OPTION]... [FILE]...\n"
	      "Read Conto Annuale data files (COSTO_LAVORO, OCCUPAZIONE, LAVORO_FLESSIBILE,\n"
	      "ASSENZE, FORMAZIONE, MODALITA_LAVORO_FLESSIBILE, CONTRATTAZIONE_INTEGRATIVA;\n"
	      "plain, gzip, or the yearly zip archives) and write one canonical fact stream:\n"
	      "  year,institution,institution_type,institution_name,contract,aggregate,\n"
	      "  comparto,region,province,comune,measure,value\n"
	      "A canonical stream given as input is checked and passed through (CSV<->NDJSON).\n"
	      "With no FILE, or when FILE is -, read standard input.\n"
	      "\n"
	      "  -f, --format=FMT        output csv (default) or ndjson\n"
	      "      --codes=DIR|ZIP     a year's code lists (TipoIstituzione_Istituzione,\n"
	      "                          CompartoContratto, VoceSpesa, RegioneProvinciaCatasto):\n"
	      "                          fill names, aggregate, comparto and geography;\n"
	      "                          repeat for several years: each file uses its year's\n"
	      "                          lists, or the nearest year's\n"
	      "      --places=FILE       a comuni list: the ISTAT list, the name history\n"
	      "                          (codiceCatastale;sigla;nome;attivo) or a geocoded\n"
	      "                          list; repeat to combine them (each adds what it knows)\n"
	      "      --place-overrides=FILE  institution,place[,note]: a comune code, province\n"
	      "                          sigla, region code or 'national', applied last\n"
	      "      --placement-report=FILE  one row per institution: its place, the method\n"
	      "                          that gave it and the evidence\n"
	      "      --year=YYYY         year of every input (default: _YYYY in each file name)\n"
	      "      --decimal-comma     same as --decimal=comma\n"
	      "      --sum-duplicates    pass on a repeated (year, institution, contract,\n"
	      "                          measure), to be summed; default: reject it\n", f);
	wf_cli_help(f, WF_CLI_BASE | WF_CLI_INPUT | WF_CLI_EXCELSAFE | WF_CLI_REJECTS |
		    WF_CLI_PROGRESS | WF_CLI_THREADS);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		WF_LONGOPTS_BASE, WF_LONGOPTS_INPUT, WF_LONGOPTS_OUTPUT,
		WF_LONGOPTS_REJECTS, WF_LONGOPTS_PROGRESS, WF_LONGOPTS_THREADS,
		{ "codes", required_argument, NULL, OPT_CODES },
		{ "places", required_argument, NULL, OPT_PLACES },
		{ "place-overrides", required_argument, NULL, OPT_OVERRIDES },
		{ "placement-report", required_argument, NULL, OPT_REPORT },
		{ "year", required_argument, NULL, OPT_YEAR },
		{ "decimal-comma", no_argument, NULL, OPT_DECIMAL_COMMA },
		{ "sum-duplicates", no_argument, NULL, OPT_SUMDUP },
		{ NULL, 0, NULL, 0 }
	};
	wf_cli cli;
	wf_run run;
	wf_ingest_opts io = { 0, -1, 0, NULL };
	const char *codes_path[64], *places_path[64], *overrides_path = NULL, *report_path = NULL;
	int ncodes = 0, nplaces = 0;
	wf_overrides *ovr = NULL;
	wf_out *rep = NULL;
	wf_codes *codes = NULL;
	wf_out *out = NULL, *rej = NULL;
	wf_tw *tw = NULL;
	wf_ingest *g = NULL;
	int opt, status = WF_EXIT_DATA, complete = 0;

	wf_cli_init(&cli, argv);
	while ((opt = wf_cli_getopt(&cli, argc, argv, WF_SHORTOPTS_BASE "f:d:", longopts)) != -1) {
		if (wf_cli_option(&cli, opt, optarg, usage))
			continue;
		switch (opt) {
		case OPT_CODES:
			if (ncodes == (int)(sizeof codes_path / sizeof codes_path[0]))
				wf_usage_error("too many --codes (at most 64)");
			codes_path[ncodes++] = optarg;
			break;
		case OPT_PLACES:
			if (nplaces == (int)(sizeof places_path / sizeof places_path[0]))
				wf_usage_error("too many --places (at most 64)");
			places_path[nplaces++] = optarg;
			break;
		case OPT_OVERRIDES: overrides_path = optarg; break;
		case OPT_REPORT: report_path = optarg; break;
		case OPT_YEAR: {
			char *end;
			long y = strtol(optarg, &end, 10);
			if (*end || y < WF_YEAR_MIN || y > WF_YEAR_MAX)
				wf_usage_error("invalid year '%s' (%d to %d)", optarg,
					       WF_YEAR_MIN, WF_YEAR_MAX);
			io.year = (int)y;
			break;
		}
		case OPT_DECIMAL_COMMA: cli.decimal = WF_DEC_COMMA; break;
		case OPT_SUMDUP: io.sum_duplicates = 1; break;
		default:
			wf_usage_error("unexpected option");
		}
	}
	/* auto: each dialect's own way (Conto Annuale files 1.234,56, the
	 * canonical stream 1234.56). */
	io.decimal = cli.decimal == WF_DEC_AUTO ? -1 : (int)cli.decimal;
	if (cli.out_format_name && cli.out_format != WF_FMT_CSV && cli.out_format != WF_FMT_NDJSON)
		wf_usage_error("invalid format '%s' (csv, ndjson)", cli.out_format_name);

	if (cli.rejects && strcmp(cli.rejects, "-") == 0 && (!cli.output || strcmp(cli.output, "-") == 0))
		wf_usage_error("--rejects and the data cannot both go to standard output");
	{
		const char *paths[] = { cli.output ? cli.output : "-", cli.rejects, report_path };
		const char *opts[] = { "--output", "--rejects", "--placement-report" };
		wf_outpath_check(paths, opts, 3);
	}
	run = wf_cli_run(&cli);
	codes = wf_codes_new();
	wf_codes_set_reader(codes, &cli.ropts);
	for (int i = 0; i < ncodes; i++)
		if (wf_codes_load(codes, codes_path[i], cli.verbose) != 0)
			goto out;
	for (int i = 0; i < nplaces; i++)
		if (wf_codes_load_places(codes, places_path[i], &run) != 0)
			goto out;
	if (overrides_path) {
		if (!(ovr = wf_overrides_load(overrides_path, wf_codes_places(codes), &run)))
			goto out;
		wf_codes_set_overrides(codes, ovr);
	}
	if (!(out = wf_out_open(cli.output)))
		goto out;
	if (cli.rejects && !(rej = wf_out_open(cli.rejects)))
		goto out;
	for (int i = optind; i < argc && !io.provenance; i++)
		if (wf_ingest_synthetic(argv[i]))
			io.provenance = "data=SYNTHETIC";
	tw = wf_tw_new(out, cli.out_format, WF_FACT_NCOLS + (io.provenance ? 1 : 0), wf_fact_columns,
		       wf_fact_kinds);
	wf_tw_set_excel_safe(tw, cli.excel_safe);
	g = wf_ingest_new(&run, codes, tw, rej, &io);
	if (optind == argc) {
		const char *in[] = { "-" };
		wf_ingest_paths(g, in, 1);
	} else {
		wf_ingest_paths(g, (const char *const *)argv + optind, (size_t)(argc - optind));
	}
	status = wf_ingest_finish(g);
	/* --quiet hid the counts: a run that rejected rows still says so. */
	if (cli.quiet && wf_ingest_rejected(g))
		wf_warn("%llu row%s rejected (see %s)", wf_ingest_rejected(g),
			wf_ingest_rejected(g) == 1 ? "" : "s", cli.rejects);
	complete = wf_ingest_complete(g);
	if (ovr) {
		const char *first;
		size_t unused = wf_overrides_unused(ovr, &first);
		if (unused) /* a remark, not a failure: --quiet silences it */
			wf_note("%s: %zu override%s for institutions the data did not use (%s%s)",
				overrides_path, unused, unused == 1 ? "" : "s", first,
				unused > 1 ? ", ..." : "");
	}
	if (report_path) {
		if (!(rep = wf_out_open(report_path)) ||
		    wf_ingest_placement_report(g, rep, WF_FMT_CSV) != 0 ||
		    wf_out_close(rep, 1) != 0)
			status = WF_EXIT_DATA;
		rep = NULL;
	}
	wf_cli_progress(&cli, "", 0, 0, 0, 1);
out:
	wf_ingest_free(g);
	wf_tw_free(tw);
	/* Rejected rows are kept whatever else failed: they explain the
	 * failure; a failed run with none leaves the old file alone. */
	if (rej && wf_out_close(rej, complete ? 1 : WF_OUT_IF_DATA) != 0)
		status = WF_EXIT_DATA;
	if (out && wf_out_close(out, complete) != 0)
		status = WF_EXIT_DATA;
	wf_codes_free(codes);
	wf_overrides_free(ovr);
	return status;
}
