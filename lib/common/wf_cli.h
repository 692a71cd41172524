/*
 * wf_cli.h - the command-line conventions every wfkit binary shares.
 *
 * Adding a binary (HACKING.md has the whole checklist): cmd/wf-NAME.c
 * (thin: options, opening its own streams, one call into lib/, status);
 * nothing to add to the Makefile, whose BINS is the wildcard
 * cmd/wf-*.c; the work in a lib/ module with tests/unit/test_MODULE.c;
 * share/man/man1/wf-NAME.1 and a line in share/man/man7/wfkit.7;
 * completions/wf-NAME.bash and completions/_wf-NAME;
 * tests/bats/NAME.bats; README.
 *
 * Conventions: getopt_long; inputs are files or "-" (stdin, also the
 * default); data on stdout, messages on stderr; --help to stdout, exit 0;
 * --version; usage errors exit 2 with "Try 'wf-NAME --help'"; data
 * errors exit 1 as "wf-NAME: FILE:LINE: message"; a failed write to
 * stdout is an error; SIGPIPE keeps its default (quiet under | head);
 * -o FILE is written atomically.
 */
#ifndef WF_CLI_H
#define WF_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "wf_dec.h"
#include "wf_err.h"
#include "wf_run.h"
#include "wf_table.h"

#define WF_VERSION "0.1.0"

/* WF_YEAR_MIN, WF_YEAR_MAX: wf_run.h (lib/ uses them too). */

/* Option codes of the shared long options (short ones use the letter). */
enum {
	WF_OPT_HELP = 'h',
	WF_OPT_VERSION = 'V',
	WF_OPT_OUTPUT = 'o',
	WF_OPT_VERBOSE = 'v',
	WF_OPT_QUIET = 'q',
	WF_OPT_FORMAT = 'f',
	WF_OPT_DELIM = 'd',
	WF_OPT_INFORMAT = 1000,
	WF_OPT_ENCODING,
	WF_OPT_REJECTS,
	WF_OPT_MAXFIELD,
	WF_OPT_EXCELSAFE,
	WF_OPT_PROGRESS,
	WF_OPT_NOPROGRESS,
	WF_OPT_DECIMAL,
	WF_OPT_THREADS,
	WF_OPT_FIRST_PRIVATE = 1100 /* binaries number their own from here */
};

/* Entries for a struct option table. Every entry here has a row in
 * wf_cli_opts[] (help text and completion values); test_cli checks
 * that the two agree. */
#define WF_LONGOPTS_BASE \
	{ "help", no_argument, NULL, WF_OPT_HELP }, \
	{ "version", no_argument, NULL, WF_OPT_VERSION }, \
	{ "output", required_argument, NULL, WF_OPT_OUTPUT }, \
	{ "verbose", no_argument, NULL, WF_OPT_VERBOSE }, \
	{ "quiet", no_argument, NULL, WF_OPT_QUIET }
#define WF_LONGOPTS_INPUT \
	{ "input-format", required_argument, NULL, WF_OPT_INFORMAT }, \
	{ "encoding", required_argument, NULL, WF_OPT_ENCODING }, \
	{ "delimiter", required_argument, NULL, WF_OPT_DELIM }, \
	{ "decimal", required_argument, NULL, WF_OPT_DECIMAL }, \
	{ "max-field-bytes", required_argument, NULL, WF_OPT_MAXFIELD }
#define WF_LONGOPTS_OUTPUT \
	{ "format", required_argument, NULL, WF_OPT_FORMAT }, \
	{ "excel-safe", no_argument, NULL, WF_OPT_EXCELSAFE }
#define WF_LONGOPTS_REJECTS \
	{ "rejects", required_argument, NULL, WF_OPT_REJECTS }
#define WF_LONGOPTS_PROGRESS \
	{ "progress", no_argument, NULL, WF_OPT_PROGRESS }, \
	{ "no-progress", no_argument, NULL, WF_OPT_NOPROGRESS }
#define WF_LONGOPTS_THREADS \
	{ "threads", required_argument, NULL, WF_OPT_THREADS }

/* --threads accepts 1 to WF_THREADS_MAX. */
#define WF_THREADS_MAX 64

/* Short options every binary takes (-f and -d where it has them). */
#define WF_SHORTOPTS_BASE "hVo:vq"

/* The shared options' documentation: one row each, in --help order.
 * wf_cli_help() prints the rows of the groups a binary has; the
 * completions in completions/ are checked against the same rows
 * (tests/gen/wf-cliopts prints them for tests/bats/vocabulary.bats). */
enum {
	WF_CLI_BASE = 1,      /* -o -v -q -h -V */
	WF_CLI_INPUT = 2,     /* --input-format --encoding -d --decimal --max-field-bytes */
	WF_CLI_EXCELSAFE = 4, /* --excel-safe (-f is each binary's own line) */
	WF_CLI_REJECTS = 8,
	WF_CLI_PROGRESS = 16,
	WF_CLI_THREADS = 32
};
typedef struct wf_cli_opt {
	const char *name;   /* long name, without "--" */
	char shortopt;      /* 0 when none */
	const char *arg;    /* argument name, NULL for a flag */
	const char *values; /* the accepted values, space-separated, or NULL */
	const char *help;   /* one or more lines; '\n' continues the text */
	unsigned group;     /* WF_CLI_* */
} wf_cli_opt;
extern const wf_cli_opt wf_cli_opts[];
extern const size_t wf_cli_nopts;

/* Print the rows of the given groups under a "Common options" heading,
 * then the ending every --help shares: the exit status line and where
 * the full documentation is. */
void wf_cli_help(FILE *f, unsigned groups);


typedef struct wf_cli {
	const char *output;       /* -o FILE, NULL = stdout */
	const char *rejects;      /* --rejects FILE, NULL = stop at first */
	int verbose;              /* -v count */
	enum wf_format out_format; /* -f csv|ndjson (binaries may add more) */
	const char *out_format_name; /* -f as given, for binaries with own formats */
	wf_reader_opts ropts;     /* --input-format, --encoding, -d, --max-field-bytes */
	int excel_safe;
	int progress;             /* -1 = auto (stderr is a terminal) */
	int quiet;                /* --quiet: only errors on stderr (sets wf_quiet) */
	enum wf_decmode decimal;  /* --decimal: WF_DEC_AUTO (default), _COMMA, _POINT */
	int threads;              /* --threads: 1..WF_THREADS_MAX, default wf_cli_online_cpus() */
} wf_cli;

/* Set the program name, C locale for everything numeric, signal
 * handlers that remove uncommitted -o temporaries; fill defaults.
 * argv[0] is replaced by the short name, so getopt's own messages
 * read "wf-x: unrecognized option" like ours. */
void wf_cli_init(wf_cli *c, char **argv);

/* getopt_long() that refuses an abbreviated long option (getopt would
 * take "--decimal" for "--decimals", or an option of another binary for
 * one of this one): a usage error naming the full option. At the end
 * of the options (-1) it checks the shared ones that go together (-q
 * and -v exclude each other) and applies --quiet. c may be NULL in a
 * program without the shared options (the wf-synth generators). */
int wf_cli_getopt(wf_cli *c, int argc, char **argv, const char *shortopts,
		  const struct option *longopts);

/* Handle one shared option returned by wf_cli_getopt. Returns 1 when
 * handled, 0 when opt is not a shared one. Exits for --help (calling
 * usage(stdout)), --version, and bad values (exit 2). */
int wf_cli_option(wf_cli *c, int opt, const char *arg,
		  void (*usage)(FILE *));

/* The online CPUs, 1 to WF_THREADS_MAX: --threads' default. */
int wf_cli_online_cpus(void);

/* A size option's value, N[K|M|G] (powers of 1024), above 0; anything
 * else is a usage error ("invalid size 'X'"). */
unsigned long long wf_cli_size(const char *arg);

/* "wf-x: MSG\nTry 'wf-x --help' for more information." and exit 2. */
_Noreturn void wf_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* Open one input for reading as a table with the shared options.
 * Returns NULL after printing a message. */
wf_reader *wf_cli_reader(const wf_cli *c, const char *path);

/* Under -v, print the dialect settled for a file: format, encoding and
 * where it was decided, delimiter, BOM. Call it once the file has been
 * read: with --encoding auto the encoding is only known once the first
 * non-ASCII byte (if any) has been seen. */
void wf_cli_report_dialect(const wf_cli *c, wf_reader *r);

/* Progress line on stderr, throttled to a few updates a second; call
 * with done set to clear it. No-op unless progress is on. */
void wf_cli_progress(const wf_cli *c, const char *name,
		     unsigned long long bytes, long long total,
		     unsigned long long rows, int done);

/* What lib/'s run modules take from c (wf_run.h): its reader options,
 * -v, --excel-safe, and callbacks to wf_cli_progress and
 * wf_cli_report_dialect on c (borrowed: it must outlive the value). */
wf_run wf_cli_run(const wf_cli *c);

#endif
