/* libFuzzer: the decimal parser in its three modes; whatever parses must
 * print canonically and parse back to the same value, and auto must
 * agree with the mode it picks (comma when there is a ','). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_dec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (int mode = 0; mode < 3; mode++) {
		wf_dec d, back;
		char buf[WF_DEC_BUFSZ];
		if (wf_dec_parse((const char *)data, size, (enum wf_decmode)mode, &d) != WF_DEC_OK)
			continue;
		size_t n = wf_dec_format(d, buf);
		if (wf_dec_parse(buf, n, WF_DEC_POINT, &back) != WF_DEC_OK || wf_dec_cmp(d, back) != 0)
			abort();
		if (mode == WF_DEC_AUTO) {
			enum wf_decmode m = memchr(data, ',', size) ? WF_DEC_COMMA : WF_DEC_POINT;
			if (wf_dec_parse((const char *)data, size, m, &back) != WF_DEC_OK ||
			    wf_dec_cmp(d, back) != 0)
				abort();
		}
		wf_dec acc = d;
		(void)wf_dec_add(&acc, d);
	}
	return 0;
}
