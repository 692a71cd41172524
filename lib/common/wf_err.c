#include "wf_err.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *wf_progname = "wfkit";
int wf_quiet;

static _Thread_local FILE *capture;

void wf_err_capture(FILE *f)
{
	capture = f;
}

FILE *wf_errfile(void)
{
	return capture ? capture : stderr;
}

int wf_vwarn(const char *fmt, va_list ap)
{
	int saved = errno;
	size_t n = strlen(fmt);
	FILE *e = wf_errfile();

	if (!capture) /* data already written comes first on a shared terminal */
		fflush(stdout);
	fprintf(e, "%s: ", wf_progname);
	vfprintf(e, fmt, ap);
	if (n > 0 && fmt[n - 1] == ':')
		fprintf(e, " %s", strerror(saved));
	fputc('\n', e);
	return -1;
}

int wf_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	wf_vwarn(fmt, ap);
	va_end(ap);
	return -1;
}

void wf_note(const char *fmt, ...)
{
	va_list ap;

	if (wf_quiet)
		return;
	va_start(ap, fmt);
	wf_vwarn(fmt, ap);
	va_end(ap);
}

void wf_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	wf_vwarn(fmt, ap);
	va_end(ap);
	exit(status);
}

int wf_warn_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	FILE *e = wf_errfile();

	fprintf(e, "%s: %s:", wf_progname, file);
	if (line > 0)
		fprintf(e, "%ld:", line);
	fputc(' ', e);
	va_start(ap, fmt);
	vfprintf(e, fmt, ap);
	va_end(ap);
	fputc('\n', e);
	return -1;
}

void wf_setmsg(char *buf, unsigned long n, const char *fmt, ...)
{
	va_list ap;

	if (!buf || !n)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, n, fmt, ap);
	va_end(ap);
}

/* Allocation failure is not recoverable in a filter; die with a clear
 * message instead of threading NULL checks through every parser. */
static void *oom(void)
{
	wf_die(WF_EXIT_DATA, "out of memory");
}

void *wf_xmalloc(unsigned long n)
{
	void *p = malloc(n ? n : 1);
	return p ? p : oom();
}

void *wf_xcalloc(unsigned long n, unsigned long size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	return p ? p : oom();
}

void *wf_xrealloc(void *p, unsigned long n)
{
	void *q = realloc(p, n ? n : 1);
	return q ? q : oom();
}

char *wf_xstrndup(const char *s, unsigned long n)
{
	char *p = wf_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *wf_xstrdup(const char *s)
{
	return wf_xstrndup(s, strlen(s));
}
