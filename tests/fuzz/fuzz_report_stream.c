/* libFuzzer: wf-report's streamed table kind (wf_render_stream.h)
 * against the same report built in memory, which it must equal byte
 * for byte in every format. The first byte picks the locale, width
 * cap and decimals, the second the options (--where, --label,
 * --columns) among a few that name the columns of typical inputs; the
 * rest is the input table. Seeds: tests/fuzz/corpus. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wf_render.h"
#include "wf_render_input.h"
#include "wf_render_kinds.h"
#include "wf_render_stream.h"
#include "wf_strbuf.h"

/* Every format of the report of data, streamed or not; NULL when the
 * input cannot be read, "" + message on a report error. */
static char *render_all(const uint8_t *data, size_t size, const wf_report_opts *ko,
			const wf_render_opts *ro, int stream)
{
	wf_run run = { 0 };
	wf_rinput *in = wf_rinput_new();
	wf_render_stream *st = stream ? wf_render_stream_new(in, ko) : NULL;
	unsigned char *copy = malloc(size ? size : 1);
	wf_strbuf b = WF_STRBUF_INIT;
	wf_report_err err;
	wf_report *rep;

	if (stream && !st)
		abort();
	memcpy(copy, data, size);
	if (wf_rinput_read_src(in, &run, wf_src_mem("fuzz", copy, size, 1)) != 0) {
		wf_render_stream_free(st);
		wf_rinput_free(in);
		return NULL;
	}
	rep = st ? wf_render_stream_report(st, &err) : wf_report_build(wf_rinput_table(in), ko, &err);
	if (!rep) {
		wf_strbuf_puts(&b, "error: ");
		wf_strbuf_puts(&b, err.msg);
	} else {
		wf_report_source(rep, "fuzz", wf_rinput_rows(in, 0));
		for (int f = WF_RENDER_TABLE; f <= WF_RENDER_JSON; f++)
			wf_render(rep, (enum wf_render_fmt)f, ro, &b);
		wf_report_free(rep);
	}
	wf_render_stream_free(st);
	wf_rinput_free(in);
	wf_strbuf_putc(&b, '\0');
	return wf_strbuf_steal(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const wheres[] = { "value>0", "year=2019", "institution~a", "region!=",
					      "name<m" };
	static const char *const labels[] = { "01=Piemonte", "a=1", "year=anno", "C1=" };
	static const char *const columns[] = { "value", "institution,year", "anno,value", "a,b" };
	wf_render_opts ro = WF_RENDER_OPTS_INIT;
	wf_report_opts ko;
	char *a, *b;

	if (size < 2)
		return 0;
	ro.locale_it = data[0] & 1;
	ro.max_width = (data[0] & 2) ? 2 + (data[0] >> 4) : 0;
	ro.decimals = (data[0] >> 2) & 3;
	memset(&ko, 0, sizeof ko);
	ko.kind = WF_KIND_TABLE;
	ko.point = ro.locale_it ? ',' : '.';
	ko.group_sep = ro.locale_it ? '.' : ',';
	if (data[1] & 1) {
		ko.where = wheres + (data[1] >> 5) % 4;
		ko.nwhere = 1 + ((data[1] >> 3) & 1);
	}
	if (data[1] & 2) {
		ko.label = labels + ((data[1] >> 4) & 1);
		ko.nlabel = 2 + ((data[1] >> 6) & 1);
	}
	if (data[1] & 4)
		ko.columns = columns[(data[1] >> 5) & 3];
	a = render_all(data + 2, size - 2, &ko, &ro, 0);
	b = render_all(data + 2, size - 2, &ko, &ro, 1);
	if ((a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0))
		abort();
	free(a);
	free(b);
	return 0;
}
