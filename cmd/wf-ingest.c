/* wf-ingest - Conto Annuale open data to the canonical fact stream. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_cli.h"
#include "wf_conto.h"
#include "wf_ingest.h"
#include "wf_outpath.h"

enum { OPT_CODES = WF_OPT_FIRST_PRIVATE, OPT_PLACES, OPT_YEAR, OPT_DECIMAL, OPT_DECIMAL_COMMA };

static void usage(FILE *f)
{
	fputs("Usage: wf-ingest [OPTION]... [FILE]...\n"
	      "Read Conto Annuale data files (COSTO_LAVORO, OCCUPAZIONE, LAVORO_FLESSIBILE;\n"
	      "plain, gzip, or the yearly zip archives) and write one canonical fact stream:\n"
	      "  year,institution,institution_type,institution_name,contract,aggregate,\n"
	      "  comparto,region,province,comune,measure,value\n"
	      "A canonical stream given as input is checked and passed through (CSV<->NDJSON).\n"
	      "With no FILE, or when FILE is -, read standard input.\n"
	      "\n"
	      "  -f, --format=FMT        output csv (default) or ndjson\n"
	      "  -o, --output=FILE       write to FILE atomically (temporary file + rename)\n"
	      "      --codes=DIR|ZIP     a year's code lists (TipoIstituzione_Istituzione,\n"
	      "                          CompartoContratto, VoceSpesa, RegioneProvinciaCatasto):\n"
	      "                          fill names, aggregate, comparto and geography;\n"
	      "                          repeat for several years: each file uses its year's\n"
	      "                          lists, or the nearest year's\n"
	      "      --places=FILE       comuni list (comuni_geocoded.csv or the ISTAT list) to\n"
	      "                          turn cadastral codes into ISTAT comune codes\n"
	      "      --year=YYYY         year of every input (default: _YYYY in each file name)\n"
	      "      --rejects=FILE      write bad rows there (source,line,reason,raw) and go on;\n"
	      "                          without it the first bad row stops the run\n"
	      "      --decimal=MODE      auto (default; Conto Annuale files use 1.234,56),\n"
	      "                          comma, or point (1234.56)\n"
	      "      --decimal-comma     same as --decimal=comma\n"
	      "      --input-format=FMT  auto (default), csv or ndjson\n"
	      "      --encoding=ENC      auto (default: BOM or valid UTF-8, else cp1252),\n"
	      "                          utf-8, cp1252 or latin1\n"
	      "  -d, --delimiter=C       ';' ',' or tab (default: from the header line)\n"
	      "      --max-field-bytes=N longest record accepted (default 16M)\n"
	      "      --excel-safe        prefix formula-like CSV cells with an apostrophe\n"
	      "      --progress          show a progress line (default: when stderr is a tty)\n"
	      "      --no-progress       never show it\n"
	      "  -v, --verbose           show each file's dialect and the unplaced institutions\n"
	      "  -h, --help              show this help and exit\n"
	      "  -V, --version           show the version and exit\n"
	      "\n"
	      "Exit status: 0 all rows written, 1 rows rejected or a data/I-O error, 2 usage.\n"
	      "Full documentation: man wf-ingest\n", f);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		WF_LONGOPTS_BASE, WF_LONGOPTS_INPUT, WF_LONGOPTS_OUTPUT,
		WF_LONGOPTS_REJECTS, WF_LONGOPTS_PROGRESS,
		{ "codes", required_argument, NULL, OPT_CODES },
		{ "places", required_argument, NULL, OPT_PLACES },
		{ "year", required_argument, NULL, OPT_YEAR },
		{ "decimal", required_argument, NULL, OPT_DECIMAL },
		{ "decimal-comma", no_argument, NULL, OPT_DECIMAL_COMMA },
		{ NULL, 0, NULL, 0 }
	};
	wf_cli cli;
	wf_ingest_opts io = { 0, -1, NULL };
	const char *codes_path[64], *places_path = NULL;
	int ncodes = 0;
	wf_codes *codes = NULL;
	wf_out *out = NULL, *rej = NULL;
	wf_tw *tw = NULL;
	wf_ingest *g = NULL;
	int opt, status = WF_EXIT_DATA, complete = 0;

	wf_cli_init(&cli, argv);
	while ((opt = getopt_long(argc, argv, "f:o:d:vhV", longopts, NULL)) != -1) {
		if (wf_cli_option(&cli, opt, optarg, usage))
			continue;
		switch (opt) {
		case OPT_CODES:
			if (ncodes == (int)(sizeof codes_path / sizeof codes_path[0]))
				wf_usage_error("too many --codes (at most 64)");
			codes_path[ncodes++] = optarg;
			break;
		case OPT_PLACES: places_path = optarg; break;
		case OPT_YEAR: {
			char *end;
			long y = strtol(optarg, &end, 10);
			if (*end || y < 1990 || y > 2099)
				wf_usage_error("invalid year '%s'", optarg);
			io.year = (int)y;
			break;
		}
		case OPT_DECIMAL:
			if (strcmp(optarg, "auto") == 0)
				io.decimal = -1;
			else if (strcmp(optarg, "comma") == 0)
				io.decimal = WF_DEC_COMMA;
			else if (strcmp(optarg, "point") == 0)
				io.decimal = WF_DEC_POINT;
			else
				wf_usage_error("invalid decimal mode '%s' (auto, comma, point)", optarg);
			break;
		case OPT_DECIMAL_COMMA: io.decimal = WF_DEC_COMMA; break;
		default:
			wf_usage_error("unexpected option");
		}
	}
	if (cli.out_format_name && cli.out_format != WF_FMT_CSV && cli.out_format != WF_FMT_NDJSON)
		wf_usage_error("invalid format '%s' (csv, ndjson)", cli.out_format_name);

	if (cli.rejects && strcmp(cli.rejects, "-") == 0 && (!cli.output || strcmp(cli.output, "-") == 0))
		wf_usage_error("--rejects and the data cannot both go to standard output");
	{
		const char *paths[] = { cli.output ? cli.output : "-", cli.rejects };
		const char *opts[] = { "--output", "--rejects" };
		wf_outpath_check(paths, opts, 2);
	}
	codes = wf_codes_new();
	for (int i = 0; i < ncodes; i++)
		if (wf_codes_load(codes, codes_path[i], cli.verbose) != 0)
			goto out;
	if (places_path && wf_codes_load_places(codes, places_path) != 0)
		goto out;
	if (!(out = wf_out_open(cli.output)))
		goto out;
	if (cli.rejects && !(rej = wf_out_open(cli.rejects)))
		goto out;
	for (int i = optind; i < argc && !io.provenance; i++)
		if (wf_ingest_synthetic(&cli, argv[i]))
			io.provenance = "data=SYNTHETIC";
	tw = wf_tw_new(out, cli.out_format, WF_FACT_NCOLS + (io.provenance ? 1 : 0), wf_fact_columns,
		       wf_fact_kinds);
	wf_tw_set_excel_safe(tw, cli.excel_safe);
	g = wf_ingest_new(&cli, codes, tw, rej, &io);
	if (optind == argc) {
		wf_ingest_path(g, "-");
	} else {
		for (int i = optind; i < argc; i++)
			if (wf_ingest_path(g, argv[i]) < 0)
				break;
	}
	status = wf_ingest_finish(g);
	complete = wf_ingest_complete(g);
	wf_cli_progress(&cli, "", 0, 0, 0, 1);
out:
	wf_ingest_free(g);
	wf_tw_free(tw);
	/* Rejects are committed whenever written: they explain a failure. */
	if (rej && wf_out_close(rej, 1) != 0)
		status = WF_EXIT_DATA;
	if (out && wf_out_close(out, complete) != 0)
		status = WF_EXIT_DATA;
	wf_codes_free(codes);
	return status;
}
