/*
 * wf_outpath.h - do two output options name the same file? -o FILE and
 * --rejects FILE (or --unmet FILE) on one path would each commit a
 * whole temporary file over it, and the last one would silently win.
 *
 * Ownership: plain functions on the caller's strings; nothing is kept
 * or allocated for the caller.
 */
#ifndef WF_OUTPATH_H
#define WF_OUTPATH_H

/* True when a and b (either may be NULL: no file) name the same output:
 * both "-" (standard output), or the same file once the folder part is
 * resolved (./x, x and /abs/dir/x; hard links and symlinks to one
 * existing file too). */
int wf_outpath_same(const char *a, const char *b);

/* Exit with a usage error when any two of the n outputs (each named by
 * its option in opts[]) are the same; NULL paths are skipped. */
void wf_outpath_check(const char *const *paths, const char *const *opts, int n);

#endif
