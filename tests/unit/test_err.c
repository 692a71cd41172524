/*
 * test_err.c - wf_err (message shapes, allocation failure) and
 * wf_outpath (do two output options name the same file).
 */
#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "wf_err.h"
#include "wf_io.h"
#include "wf_outpath.h"
#include "wf_test.h"

/* Huge requests must come back NULL under ASan too (its default is to
 * abort), so that wf_xmalloc's own message is what is tested. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

static void test_messages(void)
{
	char buf[8] = "keep";

	wf_test_capture();
	errno = ENOENT;
	CHECK_INT(wf_warn("%s:", "in.csv"), -1);
	CHECK_INT(wf_warn("%s", ""), -1);
	CHECK_INT(wf_warn_at("in.csv", 12, "bad %s", "row"), -1);
	CHECK_INT(wf_warn_at("in.csv", 0, "bad file"), -1);
	wf_quiet = 1;
	wf_note("not shown");
	wf_quiet = 0;
	wf_note("shown %d", 1);
	CHECK_STR(wf_test_captured(),
		  "wfkit: in.csv: No such file or directory\n"
		  "wfkit: \n"
		  "wfkit: in.csv:12: bad row\n"
		  "wfkit: in.csv: bad file\n"
		  "wfkit: shown 1\n");

	wf_setmsg(buf, sizeof buf, "%s", "a reason too long");
	CHECK_STR(buf, "a reaso");
	wf_setmsg(NULL, 10, "%s", "nowhere");
	wf_setmsg(buf, 0, "%s", "nowhere");
	CHECK_STR(buf, "a reaso");
}

static void test_alloc_zero(void)
{
	/* zero bytes is a valid request: a unique pointer, never NULL */
	char *a = wf_xmalloc(0), *b = wf_xcalloc(0, 0), *c = wf_xrealloc(NULL, 0);

	CHECK(a && b && c && a != b && b != c);
	c = wf_xrealloc(c, 0);
	CHECK(c != NULL);
	free(a);
	free(b);
	free(c);
	a = wf_xstrndup("abcdef", 3);
	CHECK_STR(a, "abc");
	free(a);
}

/* Run fn in a child with stderr captured; its exit status. */
static int child(void (*fn)(void), char *err, size_t errsz)
{
	int fd[2], st = -1;
	pid_t pid;
	size_t at = 0;
	ssize_t got;

	if (pipe(fd) != 0)
		return -1;
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		dup2(fd[1], 2);
		close(fd[0]);
		fn();
		_exit(0);
	}
	close(fd[1]);
	while (at + 1 < errsz && (got = read(fd[0], err + at, errsz - 1 - at)) > 0)
		at += (size_t)got;
	err[at] = '\0';
	close(fd[0]);
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

#define HUGE_REQ ((unsigned long)1 << 62)

/* What the children hold when they die stays reachable (a leak
 * checker at exit must not add its own report). */
static void *volatile keep;
static wf_out *volatile keep_out;
static char out_path[64];

static void oom_malloc(void) { free(wf_xmalloc(HUGE_REQ)); }
static void oom_calloc(void) { free(wf_xcalloc(HUGE_REQ, 4)); }
static void oom_realloc(void) { keep = malloc(16); keep = wf_xrealloc(keep, HUGE_REQ); }

/* Out of memory with an output open: the temporary goes too. */
static void oom_with_output(void)
{
	keep_out = wf_out_open(out_path);
	wf_out_puts(keep_out, "partial row\n");
	free(wf_xmalloc(HUGE_REQ));
}

/* The message, after whatever a sanitizer says of the failed request. */
static const char *last_line(const char *err)
{
	size_t n = strlen(err);
	const char *p = err + n;

	if (p > err && p[-1] == '\n')
		p--;
	while (p > err && p[-1] != '\n')
		p--;
	return p;
}

static void test_out_of_memory(void)
{
	void (*fns[])(void) = { oom_malloc, oom_calloc, oom_realloc };
	char err[4096], dir[] = "/tmp/wf_test_err.XXXXXX";

	wf_progname = "wf-test";
	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		CHECK_INT(child(fns[i], err, sizeof err), WF_EXIT_DATA);
		CHECK_STR(last_line(err), "wf-test: out of memory\n");
	}
	if (!mkdtemp(dir))
		return;
	snprintf(out_path, sizeof out_path, "%s/out.csv", dir);
	CHECK_INT(child(oom_with_output, err, sizeof err), WF_EXIT_DATA);
	CHECK_STR(last_line(err), "wf-test: out of memory\n");
	CHECK_INT(rmdir(dir), 0); /* empty: no temporary left */
	wf_progname = "wfkit";
}

static void test_outpath(void)
{
	char dir[] = "/tmp/wf_test_outpath.XXXXXX", a[128], b[128], c[128];
	FILE *f;

	CHECK_INT(wf_outpath_same(NULL, "x"), 0);
	CHECK_INT(wf_outpath_same("-", "-"), 1);
	CHECK_INT(wf_outpath_same("-", "x"), 0);
	CHECK_INT(wf_outpath_same("x", "-"), 0);
	/* neither exists: the same once the folder is resolved */
	CHECK_INT(wf_outpath_same("x.csv", "./x.csv"), 1);
	CHECK_INT(wf_outpath_same("/wf-no-such-file", "/wf-no-such-file"), 1);
	CHECK_INT(wf_outpath_same("/wf-no-such-file", "/wf-no-such-other"), 0);
	/* a folder that does not exist is compared as written */
	CHECK_INT(wf_outpath_same("nodir/x.csv", "nodir/x.csv"), 1);
	CHECK_INT(wf_outpath_same("nodir/x.csv", "./nodir/x.csv"), 0);
	/* devices are not regular files: by name */
	CHECK_INT(wf_outpath_same("/dev/null", "/dev/../dev/null"), 1);
	if (!mkdtemp(dir))
		return;
	snprintf(a, sizeof a, "%s/a.csv", dir);
	snprintf(b, sizeof b, "%s/b.csv", dir);
	snprintf(c, sizeof c, "%s/c.csv", dir);
	f = fopen(a, "w");
	fclose(f);
	f = fopen(c, "w");
	fclose(f);
	CHECK_INT(link(a, b), 0);
	CHECK_INT(wf_outpath_same(a, b), 1); /* hard links: one file */
	CHECK_INT(wf_outpath_same(a, c), 0);
	unlink(a);
	unlink(b);
	unlink(c);
	rmdir(dir);
}

WF_TEST_MAIN(test_messages, test_alloc_zero, test_out_of_memory, test_outpath)
