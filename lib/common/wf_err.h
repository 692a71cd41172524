/*
 * wf_err.h - messages and exit status shared by every wfkit binary.
 *
 * Message shapes (GNU style, lower case, no final period):
 *   wf-NAME: message                     general
 *   wf-NAME: FILE:LINE: message          data error at a place in an input
 *   wf-NAME: FILE: strerror              system error (format ending in ':')
 *
 * Plain functions; the allocators return memory the caller frees with
 * free(), and never NULL.
 *
 * Exit status table (the same for all binaries, repeated in every man page):
 */
#ifndef WF_ERR_H
#define WF_ERR_H

#include <stdarg.h>

enum {
	WF_EXIT_OK = 0,    /* everything read was written */
	WF_EXIT_DATA = 1,  /* a data or I/O error, or rows rejected */
	WF_EXIT_USAGE = 2  /* bad command line */
};

/* Program name used as message prefix; set once by wf_cli_init(). */
extern const char *wf_progname;

/* Print "wf-NAME: msg" to stderr. A format ending in ':' appends
 * " strerror(errno)". Returns -1 so "return wf_warn(...)" reads well. */
int wf_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int wf_vwarn(const char *fmt, va_list ap);

/* Informational messages (summaries, notes on what was read) go
 * through wf_note(): the same shape as wf_warn(), but --quiet
 * (wf_quiet set) silences them, so a successful run prints nothing. */
extern int wf_quiet;
void wf_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* wf_warn() then exit(status). */
_Noreturn void wf_die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* "wf-NAME: FILE:LINE: msg". line <= 0 omits the line part. */
int wf_warn_at(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Where this thread's messages go: stderr, or the stream given to
 * wf_err_capture(). A worker thread (wf-ingest --threads) captures its
 * messages so that the main thread prints them in input order, the
 * words of a one-thread run in the same order. f is borrowed; NULL
 * goes back to stderr. Every message of lib/ goes through
 * wf_errfile(), never straight to stderr. */
#include <stdio.h>
void wf_err_capture(FILE *f);
FILE *wf_errfile(void);

/* Format a reason into a caller's buffer (for functions that report
 * through a "why" argument); a NULL or empty buffer is left alone. */
void wf_setmsg(char *buf, unsigned long n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Allocators: failure is fatal everywhere (message, exit 1). */
void *wf_xmalloc(unsigned long n);
void *wf_xcalloc(unsigned long n, unsigned long size);
void *wf_xrealloc(void *p, unsigned long n);
char *wf_xstrdup(const char *s);
char *wf_xstrndup(const char *s, unsigned long n);

#endif
