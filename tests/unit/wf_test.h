/*
 * wf_test.h - a minimal unit-test harness: one file per library module,
 * each test a function, each check prints file:line and the values on
 * failure. main() is provided by WF_TEST_MAIN(list of test functions).
 */
#ifndef WF_TEST_H
#define WF_TEST_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int wf_test_failures;
static int wf_test_checks;

#define CHECK(cond) do { wf_test_checks++; if (!(cond)) { \
	fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
	wf_test_failures++; } } while (0)

#define CHECK_INT(a, b) do { long long _a = (long long)(a), _b = (long long)(b); \
	wf_test_checks++; if (_a != _b) { \
	fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, _a, _b); \
	wf_test_failures++; } } while (0)

#define CHECK_STR(a, b) do { const char *_a = (a), *_b = (b); \
	wf_test_checks++; if (!_a || !_b || strcmp(_a, _b) != 0) { \
	fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, \
		_a ? _a : "(null)", _b ? _b : "(null)"); \
	wf_test_failures++; } } while (0)

#define CHECK_NEAR(a, b, eps) do { double _a = (a), _b = (b); \
	wf_test_checks++; if (!(fabs(_a - _b) <= (eps))) { \
	fprintf(stderr, "%s:%d: %s == %.17g, expected %.17g\n", __FILE__, __LINE__, #a, _a, _b); \
	wf_test_failures++; } } while (0)

/* What the code under test writes to stderr (wf_warn and friends):
 * wf_test_capture() sends fd 2 to a temporary file, wf_test_captured()
 * puts stderr back and returns the text, valid until the next capture. */
static int wf_test_saved_fd = -1;
static FILE *wf_test_cap;

static inline void wf_test_capture(void)
{
	fflush(stderr);
	wf_test_cap = tmpfile();
	wf_test_saved_fd = dup(2);
	dup2(fileno(wf_test_cap), 2);
}

static inline const char *wf_test_captured(void)
{
	static char text[4096];
	size_t n;

	fflush(stderr);
	dup2(wf_test_saved_fd, 2);
	close(wf_test_saved_fd);
	rewind(wf_test_cap);
	n = fread(text, 1, sizeof text - 1, wf_test_cap);
	text[n] = '\0';
	fclose(wf_test_cap);
	return text;
}

typedef void (*wf_test_fn)(void);

#define WF_TEST_MAIN(...) int main(void) { \
	wf_test_fn tests[] = { __VA_ARGS__ }; \
	for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) tests[i](); \
	fprintf(stderr, "%s: %d checks, %d failed\n", __FILE__, wf_test_checks, wf_test_failures); \
	return wf_test_failures ? 1 : 0; }

#endif
