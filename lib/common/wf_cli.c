#include "wf_cli.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "wf_io.h"

/* LCOV_EXCL_START: runs only as the process dies of the signal, when gcov saves no counts (fault.bats "SIGTERM mid-run" tests it) */
static void on_fatal_signal(int sig)
{
	wf_out_abort_all();
	signal(sig, SIG_DFL);
	raise(sig);
}
/* LCOV_EXCL_STOP */

void wf_cli_init(wf_cli *c, char **argv)
{
	const char *slash = strrchr(argv[0], '/');

	wf_progname = slash ? slash + 1 : argv[0];
	argv[0] = (char *)wf_progname;
	/* Numbers are parsed and printed by our own code, never through
	 * the locale; "C" also keeps printf's %f with a '.'. */
	setlocale(LC_ALL, "C");
	/* A parent that ignored SIGPIPE must not turn "| head" into
	 * write errors: default action = quiet exit. */
	signal(SIGPIPE, SIG_DFL);
	signal(SIGINT, on_fatal_signal);
	signal(SIGTERM, on_fatal_signal);
	signal(SIGHUP, on_fatal_signal);
	memset(c, 0, sizeof *c);
	c->out_format = WF_FMT_CSV;
	c->progress = -1;
	c->decimal = WF_DEC_AUTO;
	c->threads = wf_cli_online_cpus();
}

int wf_cli_online_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > WF_THREADS_MAX ? WF_THREADS_MAX : (int)n;
}

const wf_cli_opt wf_cli_opts[] = {
	{ "input-format", 0, "FMT", "auto csv ndjson",
	  "auto (default), csv or ndjson", WF_CLI_INPUT },
	{ "encoding", 0, "ENC", "auto utf-8 cp1252 latin1",
	  "auto (default: BOM or valid UTF-8, else cp1252),\n"
	  "utf-8, cp1252 or latin1", WF_CLI_INPUT },
	{ "delimiter", 'd', "C", NULL,
	  "';' ',' '|' or tab (default: from the header line)", WF_CLI_INPUT },
	{ "decimal", 0, "MODE", "auto comma point",
	  "numbers: auto (default: as the input's dialect, else\n"
	  "1.234,56 when there is a comma), comma or point", WF_CLI_INPUT },
	{ "max-field-bytes", 0, "N", NULL,
	  "longest record accepted (default 16M)", WF_CLI_INPUT },
	{ "output", 'o', "FILE", NULL,
	  "write to FILE atomically (temporary file + rename)", WF_CLI_BASE },
	{ "excel-safe", 0, NULL, NULL,
	  "prefix formula-like CSV cells with an apostrophe", WF_CLI_EXCELSAFE },
	{ "rejects", 0, "FILE", NULL,
	  "write bad rows there (source,line,reason,raw) and\n"
	  "go on; without it the first bad row stops the run", WF_CLI_REJECTS },
	{ "progress", 0, NULL, NULL,
	  "show a progress line (default: when stderr is a tty)", WF_CLI_PROGRESS },
	{ "no-progress", 0, NULL, NULL, "never show it", WF_CLI_PROGRESS },
	{ "threads", 0, "N", NULL,
	  "work on N threads, 1 to 64 (default: the online\n"
	  "CPUs); the output is the same for every N", WF_CLI_THREADS },
	{ "quiet", 'q', NULL, NULL, "print nothing on stderr but errors", WF_CLI_BASE },
	{ "verbose", 'v', NULL, NULL,
	  "also report each input's dialect and encoding", WF_CLI_BASE },
	{ "help", 'h', NULL, NULL, "show this help and exit", WF_CLI_BASE },
	{ "version", 'V', NULL, NULL, "show the version and exit", WF_CLI_BASE },
};
const size_t wf_cli_nopts = sizeof wf_cli_opts / sizeof wf_cli_opts[0];

void wf_cli_help(FILE *f, unsigned groups)
{
	enum { COL = 26 };

	fputs("\nCommon options (man 7 wfkit):\n", f);
	for (size_t i = 0; i < wf_cli_nopts; i++) {
		const wf_cli_opt *o = &wf_cli_opts[i];
		const char *h = o->help;
		int n;

		if (!(o->group & groups))
			continue;
		if (o->shortopt)
			n = fprintf(f, "  -%c, --%s", o->shortopt, o->name);
		else
			n = fprintf(f, "      --%s", o->name);
		if (o->arg)
			n += fprintf(f, "=%s", o->arg);
		for (;;) {
			size_t len = strcspn(h, "\n");
			if (n >= COL) {
				fputc('\n', f);
				n = 0;
			}
			fprintf(f, "%*s%.*s\n", COL - n, "", (int)len, h);
			n = 0;
			if (!h[len])
				break;
			h += len + 1;
		}
	}
	fprintf(f, "\nExit status: 0 success, 1 a data or I/O error or rows rejected, 2 usage error.\n"
		"Full documentation: man %s; columns and their types: man 7 wfkit\n", wf_progname);
}

int wf_cli_getopt(wf_cli *c, int argc, char **argv, const char *shortopts,
		  const struct option *longopts)
{
	int idx = -1;
	int opt = getopt_long(argc, argv, shortopts, longopts, &idx);

	if (opt == -1) {
		if (!c)
			return -1;
		if (c->quiet && c->verbose)
			wf_usage_error("--quiet and --verbose exclude each other");
		wf_quiet = c->quiet;
		if (c->quiet && c->progress < 0)
			c->progress = 0;
		return -1;
	}
	/* getopt_long has moved optind past the option and a separate
	 * argument; the option's own word is just before them. */
	if (opt != '?' && idx >= 0 && optind >= 1) {
		const char *word = argv[optind - 1];
		const char *name = longopts[idx].name;
		size_t len;

		if (optarg && optarg == argv[optind - 1] && optind >= 2)
			word = argv[optind - 2];
		if (strncmp(word, "--", 2) != 0)
			return opt;
		len = strcspn(word + 2, "=");
		if (len != strlen(name) || memcmp(word + 2, name, len) != 0)
			wf_usage_error("option '%.*s' is abbreviated; write it in full: '--%s'",
				       (int)(len + 2), word, name);
	}
	return opt;
}

void wf_usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", wf_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", wf_progname);
	exit(WF_EXIT_USAGE);
}

unsigned long long wf_cli_size(const char *arg)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (errno || end == arg || arg[0] == '-')
		wf_usage_error("invalid size '%s'", arg);
	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	}
	if (*end || v == 0)
		wf_usage_error("invalid size '%s'", arg);
	return v;
}

int wf_cli_option(wf_cli *c, int opt, const char *arg, void (*usage)(FILE *))
{
	int v;

	switch (opt) {
	case WF_OPT_HELP:
		usage(stdout);
		if (fflush(stdout) != 0 || ferror(stdout))
			wf_die(WF_EXIT_DATA, "write error: stdout:");
		exit(WF_EXIT_OK);
	case WF_OPT_VERSION:
		printf("%s (wfkit) %s\n", wf_progname, WF_VERSION);
		if (fflush(stdout) != 0 || ferror(stdout))
			wf_die(WF_EXIT_DATA, "write error: stdout:");
		exit(WF_EXIT_OK);
	case WF_OPT_OUTPUT:
		/* Found now, not after the whole job has run. */
		if (!*arg)
			wf_usage_error("--output needs a file name ('-' for standard output)");
		c->output = arg;
		return 1;
	case WF_OPT_VERBOSE:
		c->verbose++;
		return 1;
	case WF_OPT_QUIET:
		c->quiet = 1;
		return 1;
	case WF_OPT_DECIMAL:
		if (strcmp(arg, "auto") == 0)
			c->decimal = WF_DEC_AUTO;
		else if (strcmp(arg, "comma") == 0)
			c->decimal = WF_DEC_COMMA;
		else if (strcmp(arg, "point") == 0)
			c->decimal = WF_DEC_POINT;
		else
			wf_usage_error("invalid decimal mode '%s' (auto, comma, point)", arg);
		return 1;
	case WF_OPT_FORMAT:
		c->out_format_name = arg;
		v = wf_format_parse(arg);
		c->out_format = v > 0 ? (enum wf_format)v : WF_FMT_AUTO;
		return 1;
	case WF_OPT_INFORMAT:
		if ((v = wf_format_parse(arg)) < 0)
			wf_usage_error("invalid input format '%s' (auto, csv, ndjson)", arg);
		c->ropts.format = (enum wf_format)v;
		return 1;
	case WF_OPT_ENCODING:
		if ((v = wf_encoding_parse(arg)) < 0)
			wf_usage_error("invalid encoding '%s' (auto, utf-8, cp1252, latin1)", arg);
		c->ropts.encoding = (enum wf_encoding)v;
		return 1;
	case WF_OPT_DELIM:
		if (strcmp(arg, "\\t") == 0 || strcmp(arg, "tab") == 0 ||
		    strcmp(arg, "TAB") == 0)
			c->ropts.delim = '\t';
		else if (strlen(arg) == 1 && strchr(";,\t|", arg[0]))
			c->ropts.delim = arg[0];
		else
			wf_usage_error("invalid delimiter '%s' (';', ',', '|' or tab)", arg);
		return 1;
	case WF_OPT_MAXFIELD:
		c->ropts.max_field = (size_t)wf_cli_size(arg);
		return 1;
	case WF_OPT_REJECTS:
		if (!*arg)
			wf_usage_error("--rejects needs a file name ('-' for standard output)");
		c->rejects = arg;
		return 1;
	case WF_OPT_EXCELSAFE:
		c->excel_safe = 1;
		return 1;
	case WF_OPT_THREADS: {
		char *end;
		long n;

		errno = 0;
		n = strtol(arg, &end, 10);
		/* strtol would also take " 2" and "+2" */
		if (errno || !(*arg >= '0' && *arg <= '9') || *end || n < 1 || n > WF_THREADS_MAX)
			wf_usage_error("invalid --threads '%s' (a whole number from 1 to %d)", arg,
				       WF_THREADS_MAX);
		c->threads = (int)n;
		return 1;
	}
	case WF_OPT_PROGRESS:
		c->progress = 1;
		return 1;
	case WF_OPT_NOPROGRESS:
		c->progress = 0;
		return 1;
	case '?':
		/* getopt_long already said what was wrong. */
		fprintf(stderr, "Try '%s --help' for more information.\n", wf_progname);
		exit(WF_EXIT_USAGE);
	}
	return 0;
}

wf_reader *wf_cli_reader(const wf_cli *c, const char *path)
{
	return wf_reader_open(path, &c->ropts);
}

void wf_cli_report_dialect(const wf_cli *c, wf_reader *r)
{
	long at;
	const char *enc;
	char d = wf_reader_delim(r);
	FILE *e = wf_errfile(); /* a worker thread's goes out later, in order */

	if (!c->verbose)
		return;
	enc = wf_reader_encoding(r, &at);
	if (wf_reader_format(r) == WF_FMT_NDJSON) {
		fprintf(e, "%s: %s: ndjson%s\n", wf_progname,
			wf_reader_name(r), wf_src_is_gzip(wf_reader_src(r)) ? ", gzip" : "");
		return;
	}
	fprintf(e, "%s: %s: csv, delimiter '%s' (%s), encoding %s",
		wf_progname, wf_reader_name(r), d == '\t' ? "TAB" : (char[]){ d, 0 },
		c->ropts.delim ? "given" : "from header",
		enc);
	if (c->ropts.encoding != WF_ENC_AUTO)
		fprintf(e, " (given)");
	else if (wf_reader_had_bom(r))
		fprintf(e, " (BOM)");
	else if (at > 0)
		fprintf(e, " (decided at line %ld)", at);
	else
		fprintf(e, " (no non-ASCII byte)");
	if (wf_reader_cr_only(r))
		fprintf(e, ", line ends CR (old Mac)");
	if (wf_src_is_gzip(wf_reader_src(r)))
		fprintf(e, ", gzip");
	fputc('\n', e);
}

void wf_cli_progress(const wf_cli *c, const char *name,
		     unsigned long long bytes, long long total,
		     unsigned long long rows, int done)
{
	static struct timespec start, last;
	static int started;
	struct timespec now;
	double el;
	int on = c->progress < 0 ? isatty(STDERR_FILENO) : c->progress;

	if (!on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!started) {
		start = last = now;
		started = 1;
	}
	if (done) {
		fprintf(stderr, "\r\033[K");
		return;
	}
	if ((now.tv_sec - last.tv_sec) * 1000000000L + (now.tv_nsec - last.tv_nsec) < 250000000L)
		return;
	last = now;
	el = (double)(now.tv_sec - start.tv_sec) + (now.tv_nsec - start.tv_nsec) / 1e9;
	fprintf(stderr, "\r\033[K%s: %s: %.1f MB, %llu rows, %.1f MB/s",
		wf_progname, name, bytes / 1e6, rows, el > 0 ? bytes / 1e6 / el : 0.0);
	if (total > 0)
		fprintf(stderr, ", %.0f%%", 100.0 * (double)bytes / (double)total);
}

static void run_progress(void *ctx, const char *name, unsigned long long bytes,
			 long long total, unsigned long long rows, int done)
{
	wf_cli_progress(ctx, name, bytes, total, rows, done);
}

static void run_dialect(void *ctx, wf_reader *r, const wf_reader_opts *opts)
{
	wf_cli c = *(const wf_cli *)ctx;

	c.ropts = *opts; /* "given" or "from header" as r was really opened */
	wf_cli_report_dialect(&c, r);
}

wf_run wf_cli_run(const wf_cli *c)
{
	wf_run run = { c->ropts, c->verbose, c->excel_safe, run_progress, run_dialect, (void *)c,
		       c->decimal, c->threads };

	return run;
}
