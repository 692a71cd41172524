/* libFuzzer: the terminal table alone. Any bytes as cells of a two-row
 * table (split at the first NUL), with a width cap from the first byte:
 * -f table output must hold no control character other than LF, be
 * valid UTF-8, and with a cap no grid line may be wider than it allows. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_render.h"
#include "wf_strbuf.h"
#include "wf_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "name", "value" };
	wf_render_opts ro = WF_RENDER_OPTS_INIT;
	wf_strbuf b = WF_STRBUF_INIT;

	if (size < 1)
		return 0;
	ro.max_width = (data[0] & 1) ? 2 + (data[0] >> 1) : 0;
	char *text = malloc(size);
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	size_t n1 = strlen(text);
	const char *second = n1 + 1 < size - 1 ? text + n1 + 1 : "";
	const char *row1[] = { text, "1" }, *row2[] = { second, NULL };
	wf_rtable *t = wf_rtable_new("", 2, names);
	wf_rtable_add(t, row1, NULL);
	wf_rtable_add(t, row2, NULL);
	wf_report *rep = wf_report_new("fuzz", "table");
	wf_report_table(rep, t);
	wf_render(rep, WF_RENDER_TABLE, &ro, &b);
	const unsigned char *p = (const unsigned char *)b.s, *e = p + b.len;
	while (p < e) {
		uint32_t cp;
		size_t l = wf_utf8_decode(p, (size_t)(e - p), &cp);
		if (l == 0 || (cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp < 0xA0))
			abort();
		p += l;
	}
	/* With a width cap, no line of the grid is wider than the capped
	 * first column, two blanks and "value". */
	if (ro.max_width) {
		const char *line = strstr(b.s, "\nname");
		size_t cap = (ro.max_width > 4 ? ro.max_width : 4) + 2 + 5;
		for (line = line ? line + 1 : NULL; line && *line;) {
			size_t ll = strcspn(line, "\n");
			if (wf_utf8_width(line, ll) > cap)
				abort();
			line += ll + (line[ll] != 0);
		}
	}
	wf_strbuf_release(&b);
	wf_report_free(rep);
	free(text);
	return 0;
}
