/* libFuzzer: the CSV row writer (wf_tw_row) against the rule it must
 * keep, written out here byte by byte: fields joined by commas, a field
 * quoted (its quotes doubled) exactly when it holds a quote, comma, CR
 * or LF, a missing value empty. Covers the whole-row check that lets a
 * row with no special byte skip the field-by-field path. The first byte
 * gives the number of columns; 0xFF ends a field, 0xFE is a missing
 * value. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wf_table.h"

static size_t expect_field(char *o, const char *s, size_t n)
{
	size_t at = 0;
	int q = 0;

	for (size_t i = 0; i < n; i++)
		q |= s[i] == '"' || s[i] == ',' || s[i] == '\n' || s[i] == '\r';
	if (!q) {
		memcpy(o, s, n);
		return n;
	}
	o[at++] = '"';
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			o[at++] = '"';
		o[at++] = s[i];
	}
	o[at++] = '"';
	return at;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64], *expect = NULL, *got = NULL, *in = NULL;
	const char *names[16] = { "a", "b", "c", "d", "e", "f", "g", "h",
				  "i", "j", "k", "l", "m", "n", "o", "p" };
	const char *vals[16];
	size_t lens[16], ncols, nv = 0, at = 0, el = 0, gl = 0;
	wf_out *out;
	wf_tw *w;
	FILE *f;

	if (size < 1)
		return 0;
	ncols = 1 + data[0] % 16;
	in = malloc(size);
	memcpy(in, data + 1, size - 1);
	expect = malloc(16 + 2 * size * 3 + 64 * 16);
	snprintf(path, sizeof path, "/tmp/fuzz_csvwrite.%ld.csv", (long)getpid());
	out = wf_out_open(path);
	if (!out)
		abort();
	w = wf_tw_new(out, WF_FMT_CSV, ncols, names, NULL);
	for (size_t i = 0; i < ncols; i++)
		el += (size_t)sprintf(expect + el, "%s%s", i ? "," : "", names[i]);
	expect[el++] = '\n';
	for (size_t i = 0, start = 0; i <= size - 1; i++) {
		if (i < size - 1 && (unsigned char)in[i] < 0xFE)
			continue;
		if (i < size - 1 && (unsigned char)in[i] == 0xFE) {
			vals[nv] = NULL;
			lens[nv++] = 0;
		} else {
			vals[nv] = in + start;
			lens[nv++] = i - start;
		}
		start = i + 1;
		if (nv == ncols || i == size - 1) {
			while (nv < ncols) {
				vals[nv] = NULL;
				lens[nv++] = 0;
			}
			wf_tw_row(w, vals, lens);
			for (size_t k = 0; k < ncols; k++) {
				if (k)
					expect[el++] = ',';
				if (vals[k])
					el += expect_field(expect + el, vals[k], lens[k]);
			}
			expect[el++] = '\n';
			nv = 0;
			at++;
		}
	}
	wf_tw_free(w);
	if (wf_out_close(out, 1) != 0)
		abort();
	f = fopen(path, "rb");
	got = malloc(el + 2);
	gl = fread(got, 1, el + 1, f);
	fclose(f);
	unlink(path);
	if (gl != el || memcmp(got, expect, el) != 0)
		abort();
	free(in);
	free(expect);
	free(got);
	return 0;
}
