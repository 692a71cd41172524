/* libFuzzer: the Conto Annuale code lists (wf_codes_load) and the
 * comuni list (wf_codes_load_places), then placement of a few
 * institutions against whatever was loaded.
 *
 * Input: first byte = mode, rest = payload. Mode bit 0 clear: the
 * payload is cut at 0xff bytes into up to four CSV texts, packed by
 * libzip into an archive whose members carry the four code-list names
 * (so the fuzzer reaches the list parsers without forging CRCs), or,
 * when the payload already starts like a zip, used as the archive
 * itself. Bit 0 set: the payload is a comuni list. The loaders take
 * paths, so the bytes go through one temporary file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "wf_cli.h"
#include "wf_conto.h"
#include "wf_zip.h"

static char path[64];

static void cleanup(void)
{
	unlink(path);
}

static int put(const void *p, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	if (n && fwrite(p, 1, n, f) != n)
		abort();
	return fclose(f);
}

/* The archive libzip builds for the payload parts. */
static void *pack(const uint8_t *p, size_t n, size_t *outlen)
{
	static const char *const names[4] = {
		"2024Anagrafiche/TipoIstituzione_Istituzione.csv", "CompartoContratto.csv",
		"VoceSpesa.CSV", "RegioneProvinciaCatasto.csv"
	};
	zip_error_t ze;
	zip_source_t *zs;
	zip_t *z;
	void *out = NULL;
	size_t start = 0;
	int k = 0;

	zip_error_init(&ze);
	if (!(zs = zip_source_buffer_create(NULL, 0, 0, &ze)))
		abort();
	zip_source_keep(zs);
	if (!(z = zip_open_from_source(zs, ZIP_TRUNCATE, &ze)))
		abort();
	for (size_t i = 0; i <= n && k < 4; i++) {
		if (i < n && p[i] != 0xff)
			continue;
		zip_source_t *m = zip_source_buffer(z, p + start, i - start, 0);
		if (!m || zip_file_add(z, names[k++], m, ZIP_FL_OVERWRITE) < 0)
			abort();
		start = i + 1;
	}
	if (zip_close(z) != 0)
		abort();
	zip_stat_t st;
	if (zip_source_stat(zs, &st) == 0 && zip_source_open(zs) == 0) {
		out = malloc(st.size ? st.size : 1);
		*outlen = (size_t)zip_source_read(zs, out, st.size);
		zip_source_close(zs);
	}
	zip_source_free(zs);
	zip_error_fini(&ze);
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const keys[][2] = {
		{ "C4308", "C" }, { "R001", "R" }, { "X1", "X" }, { "A0", "A" },
	};
	static wf_cli cli;
	static int ready;
	wf_codes *c;

	if (size < 1)
		return 0;
	if (!ready) {
		static char arg0[] = "wf-ingest", *argv[] = { arg0, NULL };
		wf_cli_init(&cli, argv);
		ready = 1;
	}
	if (!path[0]) {
		snprintf(path, sizeof path, "/tmp/wf-fuzz-codes.%ld", (long)getpid());
		atexit(cleanup);
	}
	c = wf_codes_new();
	if (data[0] & 1) {
		put(data + 1, size - 1);
		wf_run run = wf_cli_run(&cli);
		wf_codes_load_places(c, path, &run);
	} else if (wf_zip_magic(data + 1, size - 1)) {
		put(data + 1, size - 1);
		wf_codes_load(c, path, 1);
	} else {
		size_t n = 0;
		void *z = pack(data + 1, size - 1, &n);
		if (z) {
			put(z, n);
			free(z);
			wf_codes_load(c, path, 1);
		}
	}
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		const wf_inst *in = wf_codes_inst(c, keys[i][0], keys[i][1]);
		if (!in || !in->region || !in->province || !in->comune)
			abort();
	}
	(void)wf_codes_aggregate(c, "SSN");
	(void)wf_codes_item_sign(c, "L090");
	wf_codes_free(c);
	return 0;
}
