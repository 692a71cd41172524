/*
 * wf-match - match welfare demand with local supply. Options and
 * streams here; reading, scoring and assignment in lib/match/wf_matchio.c and
 * lib/match/wf_match.c.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_cli.h"
#include "wf_outpath.h"
#include "wf_err.h"
#include "wf_matchio.h"
#include "wf_taxonomy.h"

enum {
	OPT_TOP = WF_OPT_FIRST_PRIVATE,
	OPT_ASSIGN,
	OPT_OBJECTIVE,
	OPT_WEIGHTS,
	OPT_SCALE,
	OPT_MAXKM,
	OPT_PLACES,
	OPT_TAXONOMY,
	OPT_MAPD,
	OPT_MAPS,
	OPT_UNMET,
	OPT_LISTCAT,
	OPT_DCAT,
	OPT_SCAT,
	OPT_MAXMEM
};

static const struct option longopts[] = {
	WF_LONGOPTS_BASE,
	WF_LONGOPTS_INPUT,
	WF_LONGOPTS_OUTPUT,
	WF_LONGOPTS_REJECTS,
	WF_LONGOPTS_PROGRESS,
	WF_LONGOPTS_THREADS,
	{ "top", required_argument, NULL, OPT_TOP },
	{ "assign", no_argument, NULL, OPT_ASSIGN },
	{ "objective", required_argument, NULL, OPT_OBJECTIVE },
	{ "weights", required_argument, NULL, OPT_WEIGHTS },
	{ "distance-scale", required_argument, NULL, OPT_SCALE },
	{ "max-km", required_argument, NULL, OPT_MAXKM },
	{ "places", required_argument, NULL, OPT_PLACES },
	{ "taxonomy", required_argument, NULL, OPT_TAXONOMY },
	{ "map-demand", required_argument, NULL, OPT_MAPD },
	{ "map-supply", required_argument, NULL, OPT_MAPS },
	{ "unmet", required_argument, NULL, OPT_UNMET },
	{ "list-categories", no_argument, NULL, OPT_LISTCAT },
	{ "demand-category", required_argument, NULL, OPT_DCAT },
	{ "supply-category", required_argument, NULL, OPT_SCAT },
	{ "max-memory", required_argument, NULL, OPT_MAXMEM },
	{ NULL, 0, NULL, 0 }
};

static void usage(FILE *fp)
{
	fputs("Usage: wf-match [OPTION]... DEMAND SUPPLY\n"
	      "Match welfare demand (needs) with local supply (offers): the best offers\n"
	      "for each need (--top, the default) or an exact assignment of demand to\n"
	      "supply within capacity (--assign). DEMAND and SUPPLY are CSV or NDJSON\n"
	      "files, '-' for standard input (one of them).\n"
	      "\n"
	      "Matching:\n"
	      "      --top K              the K best offers per need (default 5)\n"
	      "      --assign             assign units of demand to supply, maximising the\n"
	      "                           total score; needs may be split\n"
	      "      --objective OBJ      with --assign: score (default) or coverage (most\n"
	      "                           units served first, then score)\n"
	      "      --weights LIST       fit=W,distance=W,capacity=W,price=W (default\n"
	      "                           fit=0.4,distance=0.3,capacity=0.15,price=0.15)\n"
	      "      --distance-scale KM  proximity is exp(-distance/KM) (default 10)\n"
	      "      --max-km KM          search radius for needs without max_km (default 30)\n"
	      "      --max-memory N       with --assign: working memory allowed, N[K|M|G]\n"
	      "                           (default half the physical memory)\n"
	      "\n"
	      "Input:\n"
	      "      --places FILE        comuni list resolving ISTAT codes, CAPs and comune\n"
	      "                           names to coordinates (repeatable)\n"
	      "      --taxonomy FILE      category taxonomy (default $WFKIT_DATADIR/taxonomy.csv,\n"
	      "                           else the built-in one)\n"
	      "      --map-demand LIST    demand columns, e.g. id=codice,quantity=posti\n"
	      "      --map-supply LIST    supply columns, e.g. capacity=posti_liberi\n"
	      "      --demand-category CODE  the category of every need whose row has none\n"
	      "      --supply-category CODE  the category of every offer whose row has none\n"
	      "\n"
	      "Output:\n"
	      "  -f, --format FMT         csv (default) or ndjson\n"
	      "      --unmet FILE         also write the unmet needs to FILE\n"
	      "      --list-categories    print the category codes and exit\n", fp);
	wf_cli_help(fp, WF_CLI_BASE | WF_CLI_INPUT | WF_CLI_EXCELSAFE | WF_CLI_REJECTS |
		    WF_CLI_PROGRESS | WF_CLI_THREADS);
}

/* A whole number from 1 to hi, else a usage error. */
static int whole_arg(const char *opt, const char *arg, long hi)
{
	char *end;
	long k;

	errno = 0;
	k = strtol(arg, &end, 10);
	if (errno || end == arg || *end || k < 1 || k > hi)
		wf_usage_error("invalid %s '%s' (a whole number from 1 to %ld)", opt, arg, hi);
	return (int)k;
}

static double num_arg(const char *name, const char *arg)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (errno || end == arg || *end || !isfinite(v) || v <= 0)
		wf_usage_error("invalid %s '%s' (a positive number)", name, arg);
	return v;
}

static void parse_weights(wf_match_opts *o, const char *arg)
{
	const char *p = arg;

	while (*p) {
		size_t len = strcspn(p, ",");
		const char *eq = memchr(p, '=', len);
		char num[64], *end;
		double v, *dst = NULL;

		if (eq) {
			size_t k = (size_t)(eq - p);
			if (k == 3 && !memcmp(p, "fit", 3)) dst = &o->w_fit;
			else if (k == 8 && !memcmp(p, "distance", 8)) dst = &o->w_dist;
			else if (k == 8 && !memcmp(p, "capacity", 8)) dst = &o->w_cap;
			else if (k == 5 && !memcmp(p, "price", 5)) dst = &o->w_price;
		}
		if (!dst || len - (size_t)(eq - p) - 1 >= sizeof num)
			wf_usage_error("invalid weight '%.*s' (fit=W, distance=W, capacity=W or price=W)", (int)len, p);
		memcpy(num, eq + 1, len - (size_t)(eq - p) - 1);
		num[len - (size_t)(eq - p) - 1] = '\0';
		errno = 0;
		v = strtod(num, &end);
		if (errno || end == num || *end || !(v >= 0) || !isfinite(v))
			wf_usage_error("invalid weight '%.*s' (a number >= 0)", (int)len, p);
		*dst = v;
		p += len;
		if (*p == ',')
			p++;
	}
}

int main(int argc, char **argv)
{
	wf_cli cli;
	wf_matchrun run;
	const char **places = NULL;
	const char *unmet = NULL;
	int opt, top_set = 0, obj_set = 0, mem_set = 0, list = 0, status = WF_EXIT_DATA, complete = 0;
	char buf[512];
	const char *msg;

	wf_cli_init(&cli, argv);
	memset(&run, 0, sizeof run);
	wf_match_opts_default(&run.opts);
	while ((opt = wf_cli_getopt(&cli, argc, argv, WF_SHORTOPTS_BASE "f:d:", longopts)) != -1) {
		if (wf_cli_option(&cli, opt, optarg, usage))
			continue;
		switch (opt) {
		case OPT_TOP:
			run.opts.top = whole_arg("--top", optarg, 1000);
			top_set = 1;
			break;
		case OPT_ASSIGN: run.assign = 1; break;
		case OPT_OBJECTIVE:
			if (strcmp(optarg, "score") == 0)
				run.opts.objective = WF_OBJ_SCORE;
			else if (strcmp(optarg, "coverage") == 0)
				run.opts.objective = WF_OBJ_COVERAGE;
			else
				wf_usage_error("invalid objective '%s' (score or coverage)", optarg);
			obj_set = 1;
			break;
		case OPT_WEIGHTS: parse_weights(&run.opts, optarg); break;
		case OPT_SCALE: run.opts.scale_km = num_arg("distance scale", optarg); break;
		case OPT_MAXKM: run.opts.max_km = num_arg("maximum distance", optarg); break;
		case OPT_PLACES:
			places = wf_xrealloc(places, (run.nplaces + 1) * sizeof *places);
			places[run.nplaces++] = optarg;
			break;
		case OPT_TAXONOMY: run.taxonomy = optarg; break;
		case OPT_MAPD:
		case OPT_MAPS:
			if ((msg = wf_matchrun_check_map(optarg, opt == OPT_MAPS, buf, sizeof buf)))
				wf_usage_error("%s", msg);
			*(opt == OPT_MAPS ? &run.map_supply : &run.map_demand) = optarg;
			break;
		case OPT_UNMET:
			if (!*optarg)
				wf_usage_error("--unmet needs a file name");
			unmet = optarg;
			break;
		case OPT_LISTCAT: list = 1; break;
		case OPT_DCAT: run.demand_category = optarg; break;
		case OPT_SCAT: run.supply_category = optarg; break;
		case OPT_MAXMEM:
			run.max_memory = (size_t)wf_cli_size(optarg);
			run.max_memory_arg = optarg;
			mem_set = 1;
			break;
		default:
			wf_usage_error("unexpected option");
		}
	}
	if (cli.out_format == WF_FMT_AUTO)
		wf_usage_error("invalid format '%s' (csv or ndjson)", cli.out_format_name);
	if (list) {
		wf_taxonomy *t = wf_taxonomy_open(run.taxonomy, &cli.ropts, buf, sizeof buf);
		if (!t) {
			if (*buf) /* else the reader has said why */
				wf_warn("%s", buf);
			return WF_EXIT_DATA;
		}
		for (int i = 0; i < (int)wf_taxonomy_count(t); i++)
			printf("%s\t%s\n", wf_taxonomy_code(t, i), wf_taxonomy_label(t, i));
		wf_taxonomy_free(t);
		free(places);
		if (fflush(stdout) != 0 || ferror(stdout))
			wf_die(WF_EXIT_DATA, "write error: stdout:");
		return WF_EXIT_OK;
	}
	if (argc - optind != 2)
		wf_usage_error("%s", argc - optind == 0 ? "missing DEMAND and SUPPLY files" :
			       argc - optind == 1 ? "missing SUPPLY file" : "too many arguments");
	if (run.assign && top_set)
		wf_usage_error("--top and --assign exclude each other");
	if (obj_set && !run.assign)
		wf_usage_error("--objective needs --assign");
	if (mem_set && !run.assign)
		wf_usage_error("--max-memory needs --assign");
	if ((msg = wf_match_opts_check(&run.opts)))
		wf_usage_error("%s", msg);
	{
		const char *paths[] = { cli.output ? cli.output : "-", cli.rejects, unmet };
		const char *opts[] = { "--output", "--rejects", "--unmet" };
		wf_outpath_check(paths, opts, 3);
	}
	run.demand = argv[optind];
	run.supply = argv[optind + 1];
	if (strcmp(run.demand, "-") == 0 && strcmp(run.supply, "-") == 0)
		wf_usage_error("DEMAND and SUPPLY cannot both be standard input");
	run.places = places;
	/* The streams are ours; the run says whether to commit them. */
	run.io = wf_cli_run(&cli);
	run.out_format = cli.out_format;
	run.out_is_stdout = !cli.output || strcmp(cli.output, "-") == 0;
	run.rejects_name = cli.rejects;
	if (!(run.out = wf_out_open(cli.output)) ||
	    (cli.rejects && !(run.rejects = wf_out_open(cli.rejects))) ||
	    (unmet && !(run.unmet_out = wf_out_open(unmet))))
		goto out;
	status = wf_matchrun_exec(&run, &complete);
out:
	if (run.out && wf_out_close(run.out, complete) < 0)
		status = WF_EXIT_DATA;
	if (run.unmet_out && wf_out_close(run.unmet_out, complete) < 0)
		status = WF_EXIT_DATA;
	/* rejected rows are worth keeping whatever else failed */
	if (run.rejects && wf_out_close(run.rejects, complete ? 1 : WF_OUT_IF_DATA) < 0)
		status = WF_EXIT_DATA;
	free(places);
	return status;
}
