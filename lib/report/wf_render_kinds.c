#include "wf_render_kinds.h"

#include <stdio.h>
#include <string.h>

#include "wf_err.h"
#include "wf_kind_priv.h"

static const char *const kind_names[] = { "table", "trend", "benchmark", "match", "profile" };

int wf_report_kind_parse(const char *s)
{
	for (int i = 0; i < (int)(sizeof kind_names / sizeof *kind_names); i++)
		if (strcmp(s, kind_names[i]) == 0)
			return i;
	return -1;
}

const char *wf_report_kind_name(enum wf_report_kind k)
{
	return kind_names[k];
}

wf_report *wf_report_build(wf_rtable *in, const wf_report_opts *o, wf_report_err *err)
{
	err->msg[0] = '\0';
	err->row = -1;
	/* Zero bytes in (no header either): nothing to check columns of. */
	if (wf_rtable_ncols(in) == 0 && wf_rtable_nrows(in) == 0) {
		static const enum wf_msg titles[] = { WF_M_TITLE_TABLE, WF_M_TITLE_TREND,
						      WF_M_TITLE_BENCHMARK, WF_M_TITLE_MATCH,
						      WF_M_TITLE_PROFILE };
		wf_report *r = wf_report_new(o->title ? o->title : wf_msg(o->lang, titles[o->kind]),
					     wf_report_kind_name(o->kind));
		wf_kind_no_rows(r, in, o);
		return r;
	}
	switch (o->kind) {
	case WF_KIND_TREND: return wf_kind_trend(in, o, err);
	case WF_KIND_BENCHMARK: return wf_kind_benchmark(in, o, err);
	case WF_KIND_MATCH: return wf_kind_match(in, o, err);
	case WF_KIND_PROFILE: return wf_kind_profile(in, o, err);
	default: return wf_kind_table(in, o, err);
	}
}
