/* wf-report - tables, Markdown, self-contained HTML and JSON reports. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wf_cli.h"
#include "wf_render.h"
#include "wf_render_input.h"
#include "wf_render_kinds.h"
#include "wf_render_stream.h"

enum {
	OPT_KIND = WF_OPT_FIRST_PRIVATE, OPT_TITLE, OPT_DATE, OPT_DECIMALS, OPT_LOCALE,
	OPT_MAXWIDTH, OPT_PERIOD, OPT_GROUP, OPT_VALUE, OPT_UNIT, OPT_INSTITUTION,
	OPT_WHERE, OPT_LABEL, OPT_TOP, OPT_SORT, OPT_COLUMNS, OPT_LANG
};

/* -f csv: not a rendering for people but the table the report draws,
 * for other tools. */
#define FMT_CSV 100

static void usage(FILE *f)
{
	fputs("Usage: wf-report [OPTION]... [FILE]...\n"
	      "Render wfkit output (or any CSV or NDJSON table) for people: an aligned\n"
	      "terminal table, Markdown, one self-contained HTML page with charts, or JSON.\n"
	      "With no FILE, or when FILE is -, read standard input.\n"
	      "\n"
	      "  -f, --format=FMT        table (default), markdown, html, json, or csv (the\n"
	      "                          table the report draws, after --where)\n"
	      "      --kind=KIND         table (default), trend (wf-benchmark --summary),\n"
	      "                          benchmark (wf-benchmark), match (wf-match),\n"
	      "                          profile (a wf-benchmark profile)\n"
	      "      --title=TEXT        report title (default: from the kind)\n"
	      "      --date[=YYYY-MM-DD] show a date (default none; without a value: today, UTC)\n"
	      "      --decimals=N        digits after the decimal point, 0-9 (default 2)\n"
	      "      --lang=LANG         en (default) or it: the words of table, markdown and\n"
	      "                          html output (default: $WFKIT_LANG, never the locale)\n"
	      "      --locale=LOC        C or it: numbers 1,234.56 or 1.234,56 (default: it\n"
	      "                          with --lang it, else C); display only\n"
	      "      --max-width=N       cut text cells wider than N characters (-f table)\n"
	      "      --period=COL        period column (default year)\n"
	      "      --group=COLS        group columns, comma-separated; '' for none\n"
	      "                          (default: trend, every text column; benchmark,\n"
	      "                          the peer-group columns)\n"
	      "      --value=COL         value column (default: trend metric_total;\n"
	      "                          benchmark per_employee, else metric)\n"
	      "      --unit=TEXT         unit of the values, shown on axes (e.g. EUR)\n"
	      "      --institution=ID    benchmark, profile: one institution's card and\n"
	      "                          charts against its peers (its key in any case,\n"
	      "                          or a part of its name)\n"
	      "      --where=COND        keep rows where COND holds; repeatable, all must:\n"
	      "                          COL=V, COL!=V, COL<V, COL<=V, COL>V, COL>=V\n"
	      "                          (numbers as numbers), COL~TEXT (contains)\n"
	      "      --sort=COL[:desc]   order the table drawn by COL\n"
	      "      --columns=LIST      the table drawn shows these columns, in this order\n"
	      "      --label=NAME=TEXT   show group or category NAME as TEXT (repeatable)\n"
	      "      --top=N             providers listed and lines drawn at most (default 10)\n", f);
	wf_cli_help(f, WF_CLI_BASE | WF_CLI_INPUT | WF_CLI_EXCELSAFE | WF_CLI_THREADS);
}

static long num_arg(const char *arg, const char *what, long lo, long hi)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (!*arg || *end || v < lo || v > hi)
		wf_usage_error("invalid %s '%s'", what, arg);
	return v;
}

static const char *date_arg(const char *arg, char *buf, size_t sz)
{
	int y, m, d;
	char extra;

	if (!arg) {
		time_t now = time(NULL);
		struct tm tm;
		gmtime_r(&now, &tm);
		strftime(buf, sz, "%Y-%m-%d", &tm);
		return buf;
	}
	if (sscanf(arg, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || strlen(arg) != 10 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		wf_usage_error("invalid date '%s' (YYYY-MM-DD)", arg);
	return arg;
}

static void push(const char ***v, size_t *n, const char *s)
{
	*v = wf_xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = s;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		WF_LONGOPTS_BASE, WF_LONGOPTS_INPUT, WF_LONGOPTS_THREADS,
		{ "format", required_argument, NULL, WF_OPT_FORMAT },
		{ "kind", required_argument, NULL, OPT_KIND },
		{ "title", required_argument, NULL, OPT_TITLE },
		{ "date", optional_argument, NULL, OPT_DATE },
		{ "decimals", required_argument, NULL, OPT_DECIMALS },
		{ "locale", required_argument, NULL, OPT_LOCALE },
		{ "max-width", required_argument, NULL, OPT_MAXWIDTH },
		{ "period", required_argument, NULL, OPT_PERIOD },
		{ "group", required_argument, NULL, OPT_GROUP },
		{ "value", required_argument, NULL, OPT_VALUE },
		{ "unit", required_argument, NULL, OPT_UNIT },
		{ "institution", required_argument, NULL, OPT_INSTITUTION },
		{ "where", required_argument, NULL, OPT_WHERE },
		{ "label", required_argument, NULL, OPT_LABEL },
		{ "top", required_argument, NULL, OPT_TOP },
		{ "sort", required_argument, NULL, OPT_SORT },
		{ "columns", required_argument, NULL, OPT_COLUMNS },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "excel-safe", no_argument, NULL, WF_OPT_EXCELSAFE },
		{ NULL, 0, NULL, 0 }
	};
	wf_cli cli;
	wf_run run;
	wf_render_opts ro = WF_RENDER_OPTS_INIT;
	wf_report_opts ko;
	wf_report_err err;
	const char *date = NULL;
	const char **where = NULL, **label = NULL;
	char datebuf[16];
	int opt, fmt = WF_RENDER_TABLE, status = WF_EXIT_DATA, lang = -1, locale = -1;
	wf_rinput *in = NULL;
	wf_render_stream *stream = NULL;
	wf_report *rep = NULL;
	wf_out *out = NULL;
	int failed;

	memset(&ko, 0, sizeof ko);
	wf_cli_init(&cli, argv);
	while ((opt = wf_cli_getopt(&cli, argc, argv, WF_SHORTOPTS_BASE "f:d:", longopts)) != -1) {
		if (opt != WF_OPT_FORMAT && wf_cli_option(&cli, opt, optarg, usage))
			continue;
		switch (opt) {
		case WF_OPT_FORMAT:
			if (strcmp(optarg, "csv") == 0)
				fmt = FMT_CSV;
			else if ((fmt = wf_render_format_parse(optarg)) < 0)
				wf_usage_error("invalid format '%s' (table, markdown, html, json, csv)", optarg);
			break;
		case OPT_KIND: {
			int k = wf_report_kind_parse(optarg);
			if (k < 0)
				wf_usage_error("invalid kind '%s' (table, trend, benchmark, match, profile)", optarg);
			ko.kind = (enum wf_report_kind)k;
			break;
		}
		case OPT_TITLE: ko.title = optarg; break;
		case OPT_DATE: date = date_arg(optarg, datebuf, sizeof datebuf); break;
		case OPT_DECIMALS: ro.decimals = (int)num_arg(optarg, "number of decimals", 0, 9); break;
		case OPT_LANG:
			if ((lang = wf_lang_parse(optarg)) < 0)
				wf_usage_error("invalid language '%s' (en, it)", optarg);
			break;
		case OPT_LOCALE:
			if (strcmp(optarg, "it") == 0 || strcmp(optarg, "it_IT") == 0)
				locale = 1;
			else if (strcmp(optarg, "C") == 0 || strcmp(optarg, "en") == 0)
				locale = 0;
			else
				wf_usage_error("invalid locale '%s' (C, it)", optarg);
			break;
		case OPT_MAXWIDTH: ro.max_width = (size_t)num_arg(optarg, "width", 2, 100000); break;
		case OPT_PERIOD: ko.period = optarg; break;
		case OPT_GROUP: ko.group = optarg; break;
		case OPT_VALUE: ko.value = optarg; break;
		case OPT_UNIT: ko.unit = optarg; break;
		case OPT_INSTITUTION: ko.institution = optarg; break;
		case OPT_WHERE: {
			size_t len;
			enum wf_where_op op;
			const char *val;
			if (wf_report_where_parse(optarg, &len, &op, &val) < 0)
				wf_usage_error("invalid filter '%s' (COL=VALUE, COL!=VALUE, COL<VALUE, "
					       "COL<=VALUE, COL>VALUE, COL>=VALUE or COL~TEXT)", optarg);
			push(&where, &ko.nwhere, optarg);
			break;
		}
		case OPT_SORT:
			if (!*optarg || *optarg == ':')
				wf_usage_error("invalid --sort '%s' (COL or COL:desc)", optarg);
			ko.sort = optarg;
			break;
		case OPT_COLUMNS:
			if (!*optarg || strstr(optarg, ",,") || *optarg == ',' ||
			    optarg[strlen(optarg) - 1] == ',')
				wf_usage_error("invalid --columns '%s' (COL,COL,...)", optarg);
			ko.columns = optarg;
			break;
		case OPT_LABEL:
			if (!strchr(optarg, '=') || optarg[0] == '=')
				wf_usage_error("invalid label '%s' (NAME=TEXT)", optarg);
			push(&label, &ko.nlabel, optarg);
			break;
		case OPT_TOP: ko.top = (size_t)num_arg(optarg, "count", 1, 1000); break;
		default:
			wf_usage_error("unexpected option");
		}
	}
	if (ko.institution && ko.kind != WF_KIND_BENCHMARK && ko.kind != WF_KIND_PROFILE)
		wf_usage_error("--institution needs --kind benchmark or profile");
	/* The language of the words: --lang, else WFKIT_LANG; never LANG or
	 * LC_*, so a report reads the same on every machine. */
	if (lang < 0) {
		const char *env = getenv("WFKIT_LANG");
		if (env && *env && (lang = wf_lang_parse(env)) < 0)
			wf_usage_error("invalid WFKIT_LANG '%s' (en, it)", env);
	}
	ro.lang = ko.lang = lang == WF_LANG_IT ? WF_LANG_IT : WF_LANG_EN;
	ro.locale_it = locale >= 0 ? locale : ro.lang == WF_LANG_IT;
	ko.where = where;
	ko.label = label;
	ko.point = ro.locale_it ? ',' : '.';
	ko.group_sep = ro.locale_it ? '.' : ',';

	in = wf_rinput_new();
	/* The table kind without --sort keeps no rows in memory. */
	if (wf_render_stream_possible(&ko) && !(stream = wf_render_stream_new(in, &ko)))
		goto out;
	run = wf_cli_run(&cli);
	if (optind == argc) {
		if (wf_rinput_read(in, &run, "-") != 0)
			goto out;
	}
	for (int i = optind; i < argc; i++)
		if (wf_rinput_read(in, &run, argv[i]) != 0)
			goto out;
	{
		rep = stream ? wf_render_stream_report(stream, &err) :
			       wf_report_build(wf_rinput_table(in), &ko, &err);
		if (!rep) {
			/* Only the rows are known to the builder; name file and line here. */
			if (err.row >= 0) {
				unsigned src;
				long line;
				wf_rtable *again = wf_rinput_table(in);
				wf_rtable_origin(again, (size_t)err.row, &src, &line);
				wf_warn_at(wf_rinput_name(in, src), line, "%s", err.msg);
				wf_rtable_free(again);
			} else if (err.line > 0) {
				wf_warn_at(wf_rinput_name(in, err.src), err.line, "%s", err.msg);
			} else if (wf_rinput_nsources(in) == 1) {
				wf_warn_at(wf_rinput_name(in, 0), 0, "%s", err.msg);
			} else {
				wf_warn("%s", err.msg);
			}
			goto out;
		}
	}
	for (size_t i = 0; i < wf_rinput_nsources(in); i++)
		wf_report_source(rep, wf_rinput_name(in, i), wf_rinput_rows(in, i));
	if (date)
		wf_report_date(rep, date);
	if (!(out = wf_out_open(cli.output)))
		goto out;
	if (fmt == FMT_CSV) {
		wf_rtable *t = wf_report_get_table(rep, 0);
		failed = t && wf_rtable_write(t, out, WF_FMT_CSV, cli.excel_safe) < 0;
	} else {
		failed = wf_render_out(rep, (enum wf_render_fmt)fmt, &ro, out) < 0;
	}
	status = failed || wf_out_failed(out) ? WF_EXIT_DATA : WF_EXIT_OK;
out:
	if (out && wf_out_close(out, status == WF_EXIT_OK) != 0)
		status = WF_EXIT_DATA;
	wf_report_free(rep);
	wf_render_stream_free(stream);
	wf_rinput_free(in);
	free(where);
	free(label);
	return status;
}
