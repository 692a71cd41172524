#include "wf_err.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *wf_progname = "wfkit";
int wf_quiet;

int wf_vwarn(const char *fmt, va_list ap)
{
	int saved = errno;
	size_t n = strlen(fmt);

	fflush(stdout);
	fprintf(stderr, "%s: ", wf_progname);
	vfprintf(stderr, fmt, ap);
	if (n > 0 && fmt[n - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
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

	fprintf(stderr, "%s: %s:", wf_progname, file);
	if (line > 0)
		fprintf(stderr, "%ld:", line);
	fputc(' ', stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
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
