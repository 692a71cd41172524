/* libFuzzer: taxonomy CSV text (--taxonomy FILE) into wf_taxonomy_parse. */
#include <stdint.h>
#include <stdlib.h>

#include "wf_taxonomy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[256];
	wf_taxonomy *t = wf_taxonomy_parse("fuzz", (const char *)data, size, err, sizeof err);

	if (t) {
		for (int i = 0; i < (int)wf_taxonomy_count(t); i++)
			(void)wf_taxonomy_fit(t, i, (int)wf_taxonomy_count(t) - 1 - i);
		(void)wf_taxonomy_codes(t);
	}
	wf_taxonomy_free(t);
	return 0;
}
