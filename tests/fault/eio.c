/*
 * eio.so - LD_PRELOAD shim for the fault-injection tests: read() on a
 * file whose path ends with $WF_FAULT_FILE fails with EIO once
 * $WF_FAULT_AFTER bytes (default 0) of it have been read, as a failing
 * disk or a network file system dropping out mid-file would. Other
 * descriptors (stdin, the libraries the loader maps) are left alone.
 * Built by tests/bats/fault.bats with the C compiler of the build.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static ssize_t (*real_read)(int, void *, size_t);
static unsigned long long done;

static int target(int fd)
{
	const char *want = getenv("WF_FAULT_FILE");
	char link[64], path[4096];
	ssize_t n;
	size_t wl;

	if (!want || !*want)
		return 0;
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	if ((n = readlink(link, path, sizeof path - 1)) < 0)
		return 0;
	path[n] = '\0';
	wl = strlen(want);
	return (size_t)n >= wl && strcmp(path + n - wl, want) == 0;
}

ssize_t read(int fd, void *buf, size_t count)
{
	ssize_t r;

	if (!real_read)
		real_read = (ssize_t (*)(int, void *, size_t))dlsym(RTLD_NEXT, "read");
	if (!target(fd))
		return real_read(fd, buf, count);
	{
		const char *a = getenv("WF_FAULT_AFTER");
		unsigned long long after = a ? strtoull(a, NULL, 10) : 0;
		if (done >= after) {
			errno = EIO;
			return -1;
		}
		if (count > after - done)
			count = (size_t)(after - done);
	}
	r = real_read(fd, buf, count);
	if (r > 0)
		done += (unsigned long long)r;
	return r;
}
