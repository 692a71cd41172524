#include "wf_outpath.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "wf_cli.h"
#include "wf_err.h"

static int is_stdout(const char *p)
{
	return strcmp(p, "-") == 0;
}

/* The path with its folder resolved; the file itself need not exist. */
static char *canon(const char *p)
{
	const char *slash = strrchr(p, '/');
	char dir[PATH_MAX], *d, *out;
	size_t n;

	if (!slash)
		d = realpath(".", dir);
	else if (slash == p)
		d = realpath("/", dir);
	else {
		char *head = wf_xstrndup(p, (unsigned long)(slash - p));
		d = realpath(head, dir);
		free(head);
	}
	if (!d)
		return wf_xstrdup(p);
	n = strlen(dir) + strlen(slash ? slash : p) + 2;
	out = wf_xmalloc(n);
	strcpy(out, dir);
	strcat(out, "/");
	strcat(out, slash ? slash + 1 : p);
	return out;
}

int wf_outpath_same(const char *a, const char *b)
{
	struct stat sa, sb;
	char *ca, *cb;
	int same;

	if (!a || !b)
		return 0;
	if (is_stdout(a) || is_stdout(b))
		return is_stdout(a) && is_stdout(b);
	if (stat(a, &sa) == 0 && stat(b, &sb) == 0 && S_ISREG(sa.st_mode))
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	ca = canon(a);
	cb = canon(b);
	same = strcmp(ca, cb) == 0;
	free(ca);
	free(cb);
	return same;
}

void wf_outpath_check(const char *const *paths, const char *const *opts, int n)
{
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (wf_outpath_same(paths[i], paths[j])) {
				if (is_stdout(paths[i]))
					wf_usage_error("%s and %s cannot both go to standard output",
						       opts[i], opts[j]);
				wf_usage_error("%s and %s name the same file '%s'", opts[i],
					       opts[j], paths[i]);
			}
}
