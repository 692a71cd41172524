/* The shared CLI: the option table (help text and completions) agrees
 * with the getopt entries; abbreviations are refused; the column
 * vocabulary agrees with what the binaries write. */
#include "wf_test.h"

#include <sys/wait.h>
#include <unistd.h>

#include "wf_bench.h"
#include "wf_cli.h"
#include "wf_ingest.h"
#include "wf_vocab.h"

static const struct option shared[] = {
	WF_LONGOPTS_BASE, WF_LONGOPTS_INPUT, WF_LONGOPTS_OUTPUT,
	WF_LONGOPTS_REJECTS, WF_LONGOPTS_PROGRESS, WF_LONGOPTS_THREADS
};

static const wf_cli_opt *doc(const char *name)
{
	for (size_t i = 0; i < wf_cli_nopts; i++)
		if (strcmp(wf_cli_opts[i].name, name) == 0)
			return &wf_cli_opts[i];
	return NULL;
}

/* Every getopt entry has its documentation row and the other way
 * round, with the same short letter and argument; -f, each binary's
 * own line, is the one entry without a row. */
static void test_table(void)
{
	size_t n = sizeof shared / sizeof shared[0];

	for (size_t i = 0; i < n; i++) {
		const wf_cli_opt *d = doc(shared[i].name);
		if (strcmp(shared[i].name, "format") == 0) {
			CHECK(d == NULL);
			continue;
		}
		CHECK(d != NULL);
		if (!d)
			continue;
		CHECK_INT(d->arg != NULL, shared[i].has_arg == required_argument);
		if (d->shortopt)
			CHECK_INT(d->shortopt, shared[i].val);
		else
			CHECK(shared[i].val >= 1000);
		if (d->shortopt)
			CHECK(strchr(WF_SHORTOPTS_BASE "f:d:", d->shortopt) != NULL);
	}
	for (size_t k = 0; k < wf_cli_nopts; k++) {
		int found = 0;
		for (size_t i = 0; i < n; i++)
			found |= strcmp(shared[i].name, wf_cli_opts[k].name) == 0;
		CHECK(found);
	}
}

/* Run wf_cli_getopt over argv in a child; its exit status (0 when all
 * options parsed) and what it wrote to stderr. */
static int parse(char **argv, char *err, size_t errsz)
{
	static const struct option lo[] = {
		WF_LONGOPTS_BASE, WF_LONGOPTS_INPUT, WF_LONGOPTS_THREADS,
		{ "decimals", required_argument, NULL, 1100 },
		{ NULL, 0, NULL, 0 }
	};
	int fd[2], st = -1;
	pid_t pid;
	ssize_t got;
	int argc = 0;

	while (argv[argc])
		argc++;
	if (pipe(fd) != 0)
		return -1;
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		wf_cli c;
		int opt;
		dup2(fd[1], 2);
		close(fd[0]);
		wf_cli_init(&c, argv);
		optind = 1;
		while ((opt = wf_cli_getopt(&c, argc, argv, WF_SHORTOPTS_BASE "d:", lo)) != -1)
			if (opt != 1100)
				wf_cli_option(&c, opt, optarg, NULL);
		/* --threads 7 is told apart from the default by status 7 */
		_exit(c.decimal != WF_DEC_COMMA ? 3 : c.threads == 7 ? 7 :
		      c.threads == wf_cli_online_cpus() ? 0 : 4);
	}
	close(fd[1]);
	size_t at = 0;
	/* stderr is unbuffered: one write per piece, read them all */
	while (at + 1 < errsz && (got = read(fd[0], err + at, errsz - 1 - at)) > 0)
		at += (size_t)got;
	err[at] = '\0';
	close(fd[0]);
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void test_abbreviations(void)
{
	char err[512];
	char *ok[] = { "wf-x", "--decimal", "comma", "--decimals=2", NULL };
	char *ok2[] = { "wf-x", "--decimal=comma", "in.csv", "-q", NULL };
	char *abbr[] = { "wf-x", "--quie", "--decimal", "comma", NULL };
	char *abbr2[] = { "wf-x", "--decimal=comma", "--encod=utf-8", NULL };
	char *qv[] = { "wf-x", "-q", "-v", "--decimal=comma", NULL };

	CHECK_INT(parse(ok, err, sizeof err), 0);
	CHECK_STR(err, "");
	CHECK_INT(parse(ok2, err, sizeof err), 0);
	CHECK_INT(parse(abbr, err, sizeof err), 2);
	CHECK_STR(err, "wf-x: option '--quie' is abbreviated; write it in full: '--quiet'\n"
		  "Try 'wf-x --help' for more information.\n");
	CHECK_INT(parse(abbr2, err, sizeof err), 2);
	CHECK_STR(err, "wf-x: option '--encod' is abbreviated; write it in full: '--encoding'\n"
		  "Try 'wf-x --help' for more information.\n");
	CHECK_INT(parse(qv, err, sizeof err), 2);
	CHECK_STR(err, "wf-x: --quiet and --verbose exclude each other\n"
		  "Try 'wf-x --help' for more information.\n");
}

/* --threads: default the online CPUs (status 0 above), a whole number
 * from 1 to 64, nothing else. */
static void test_threads(void)
{
	char err[512];
	char *seven[] = { "wf-x", "--threads", "7", "--decimal=comma", NULL };
	char *seven2[] = { "wf-x", "--threads=07", "--decimal=comma", NULL };
	char *dflt[] = { "wf-x", "--decimal=comma", NULL };
	const char *bad[] = { "0", "65", "-3", "+2", " 2", "", "3x", "1e1" };
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	CHECK_INT(wf_cli_online_cpus(), n < 1 ? 1 : n > WF_THREADS_MAX ? WF_THREADS_MAX : (int)n);
	CHECK_INT(parse(seven, err, sizeof err), 7);
	CHECK_STR(err, "");
	CHECK_INT(parse(seven2, err, sizeof err), 7);
	CHECK_INT(parse(dflt, err, sizeof err), 0);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *argv[] = { "wf-x", "--threads", (char *)bad[i], "--decimal=comma", NULL };
		char want[256];

		snprintf(want, sizeof want, "wf-x: invalid --threads '%s' (a whole number from 1 to 64)\n"
			 "Try 'wf-x --help' for more information.\n", bad[i]);
		CHECK_INT(parse(argv, err, sizeof err), 2);
		CHECK_STR(err, want);
	}
}

/* The binaries' declared column types are the vocabulary's. */
static void test_vocab(void)
{
	const char *const *names;
	const enum wf_colkind *kinds;
	wf_bench_opts o = { .metric = "L090", .per = "HEADCOUNT", .group = "region" };
	char err[256];
	wf_bench *b;
	size_t n;

	/* no name, or one the vocabulary lacks: the caller's default */
	CHECK_INT(wf_vocab_known(NULL), 0);
	CHECK_INT(wf_vocab_known("no_such_column"), 0);
	CHECK_INT(wf_vocab_kind(NULL, WF_COL_STR), WF_COL_STR);
	CHECK_INT(wf_vocab_kind("no_such_column", WF_COL_NUM), WF_COL_NUM);
	for (size_t i = 0; i < WF_FACT_NCOLS; i++) {
		if (!wf_vocab_known(wf_fact_columns[i]))
			fprintf(stderr, "fact column '%s' is not in wf_vocab.c\n", wf_fact_columns[i]);
		CHECK(wf_vocab_known(wf_fact_columns[i]));
		CHECK_INT(wf_vocab_kind(wf_fact_columns[i], WF_COL_NUM), wf_fact_kinds[i]);
	}
	b = wf_bench_new(&o, err, sizeof err);
	CHECK(b != NULL);
	if (b) {
		n = wf_bench_columns(b, &names, &kinds);
		CHECK(n > 10);
		for (size_t i = 0; i < n; i++) {
			/* A new output column: add it to lib/common/wf_vocab.c
			 * with its type (and wfkit(7) COLUMNS, which
			 * vocabulary.bats compares with it). */
			if (!wf_vocab_known(names[i]))
				fprintf(stderr, "wf-benchmark column '%s' is not in wf_vocab.c\n", names[i]);
			CHECK(wf_vocab_known(names[i]));
			CHECK_INT(wf_vocab_kind(names[i], !kinds[i]), kinds[i]);
		}
		wf_bench_free(b);
	}
	CHECK_INT(wf_vocab_kind("comune", WF_COL_NUM), WF_COL_STR);
	CHECK_INT(wf_vocab_kind("year", WF_COL_STR), WF_COL_NUM);
	CHECK_INT(wf_vocab_kind("no such column", WF_COL_NUM), WF_COL_NUM);
	for (size_t i = 0; i < wf_vocab_n; i++)
		for (size_t j = i + 1; j < wf_vocab_n; j++)
			CHECK(strcmp(wf_vocab[i].name, wf_vocab[j].name) != 0);
}

WF_TEST_MAIN(test_table, test_abbreviations, test_threads, test_vocab)
