/* wf_rowpipe: the rows of a reader through the second thread, the same
 * as read directly, across many batches, with bad rows, an early stop
 * and the progress ticks. */
#include "wf_io.h"
#include "wf_rowpipe.h"
#include "wf_table.h"
#include "wf_test.h"

/* n rows "i,name i,value"; every 1000th has a field too many, every
 * 777th a quoted name over two lines. */
static char *make_table(size_t n, size_t *len)
{
	size_t cap = 64 + n * 48, l = 0;
	char *s = malloc(cap);

	l += (size_t)snprintf(s + l, cap - l, "id,name,value\n");
	for (size_t i = 0; i < n; i++) {
		if (i % 1000 == 999)
			l += (size_t)snprintf(s + l, cap - l, "%zu,x,1,extra\n", i);
		else if (i % 777 == 0)
			l += (size_t)snprintf(s + l, cap - l, "%zu,\"two\nlines, %zu\",%zu.5\n", i, i, i);
		else
			l += (size_t)snprintf(s + l, cap - l, "%zu,name %zu,%zu\n", i, i, i % 97);
	}
	*len = l;
	return s;
}

static unsigned long ticks[8];
static size_t nticks;

static void tick(void *ctx, wf_reader *r, unsigned long rows)
{
	(void)r;
	CHECK(ctx == ticks);
	if (nticks < 8)
		ticks[nticks] = rows;
	nticks++;
}

static int rows_equal(const wf_row *a, const wf_row *b)
{
	if (a->n != b->n || a->line != b->line || a->rawlen != b->rawlen ||
	    memcmp(a->raw, b->raw, a->rawlen) != 0)
		return 0;
	for (size_t i = 0; i < a->n; i++)
		if (a->len[i] != b->len[i] || strcmp(a->f[i], b->f[i]) != 0 ||
		    a->null[i] != b->null[i])
			return 0;
	return 1;
}

static void test_same_rows(void)
{
	static const wf_reader_opts ro;
	size_t len, n = 0, bad = 0;
	char *text = make_table(140000, &len);
	wf_reader *r1 = wf_reader_new(wf_src_mem("t", text, len, 0), &ro);
	wf_reader *r2 = wf_reader_new(wf_src_mem("t", text, len, 0), &ro);
	wf_rowpipe *p = wf_rowpipe_new(r2, 10000, tick, ticks);
	wf_row a, b;
	int s1, s2, same = 1;

	do {
		s1 = wf_reader_next(r1, &a);
		s2 = wf_rowpipe_next(p, &b);
		same &= s1 == s2;
		if (s1 == WF_ROW_BAD) {
			bad++;
			same &= strcmp(wf_reader_reason(r1), wf_rowpipe_reason(p)) == 0;
		}
		if (s1 == WF_ROW_OK || s1 == WF_ROW_BAD) {
			same &= rows_equal(&a, &b);
			n++;
		}
	} while (s1 == WF_ROW_OK || s1 == WF_ROW_BAD);
	CHECK(same);
	CHECK_INT(s2, WF_ROW_EOF);
	CHECK_INT(n, 140000);
	CHECK_INT(bad, 140);
	/* the end stays the end */
	CHECK_INT(wf_rowpipe_next(p, &b), WF_ROW_EOF);
	wf_rowpipe_free(p);
	/* base 10000: at 65536 and 131072 rows in all */
	CHECK_INT(nticks, 2);
	CHECK_INT(ticks[0], 65536);
	CHECK_INT(ticks[1], 131072);
	/* the reader is the caller's again, at its end */
	CHECK_INT(wf_reader_next(r2, &b), WF_ROW_EOF);
	wf_reader_free(r1);
	wf_reader_free(r2);
	free(text);
}

/* A caller that stops after a few rows (the first bad row without
 * --rejects): the thread is stopped and joined, nothing leaks. */
static void test_early_stop(void)
{
	static const wf_reader_opts ro;
	size_t len;
	char *text = make_table(50000, &len);
	wf_reader *r = wf_reader_new(wf_src_mem("t", text, len, 0), &ro);
	wf_rowpipe *p = wf_rowpipe_new(r, 0, NULL, NULL);
	wf_row row;

	CHECK_INT(wf_rowpipe_next(p, &row), WF_ROW_OK);
	CHECK_STR(row.f[1], "two\nlines, 0");
	CHECK_INT(row.line, 2);
	CHECK_INT(wf_rowpipe_next(p, &row), WF_ROW_OK);
	CHECK_STR(row.f[1], "name 1");
	CHECK_INT(row.line, 4);
	wf_rowpipe_free(p);
	wf_rowpipe_free(NULL);
	wf_reader_free(r);
	free(text);
}

/* A record over --max-field-bytes: the same status and reason as the
 * reader gives directly, and the end after it. */
static void test_too_long(void)
{
	static const wf_reader_opts ro = { .max_field = 64 };
	char text[600];
	size_t l = (size_t)snprintf(text, sizeof text, "a,b\n1,2\n3,");
	wf_reader *r, *r2;
	wf_rowpipe *p;
	wf_row row, row2;
	int st, st2;

	memset(text + l, 'x', 300);
	l += 300;
	l += (size_t)snprintf(text + l, sizeof text - l, "\n4,5\n");
	r = wf_reader_new(wf_src_mem("t", text, l, 0), &ro);
	r2 = wf_reader_new(wf_src_mem("t", text, l, 0), &ro);
	p = wf_rowpipe_new(r, 0, NULL, NULL);
	CHECK_INT(wf_rowpipe_next(p, &row), WF_ROW_OK);
	CHECK_INT(wf_reader_next(r2, &row2), WF_ROW_OK);
	do {
		st = wf_rowpipe_next(p, &row);
		st2 = wf_reader_next(r2, &row2);
		CHECK_INT(st, st2);
		if (st2 == WF_ROW_BAD || st2 == WF_ROW_FATAL)
			CHECK_STR(wf_rowpipe_reason(p), wf_reader_reason(r2));
	} while (st2 == WF_ROW_OK || st2 == WF_ROW_BAD);
	wf_rowpipe_free(p);
	wf_reader_free(r);
	wf_reader_free(r2);
}

WF_TEST_MAIN(test_same_rows, test_early_stop, test_too_long)
