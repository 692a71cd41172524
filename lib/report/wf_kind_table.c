/* wf_kind_table.c - --kind table: the input as it is, after --where. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"
#include "wf_kind_priv.h"

wf_report *wf_kind_table(wf_rtable *in, const wf_report_opts *o, wf_report_err *e)
{
	need nd = { in, WF_STRBUF_INIT, 0 };
	size_t kept;
	unsigned char *keep = wf_kind_filter_rows(in, o, &nd, &kept);
	wf_report *r;

	/* The table kind needs no column; an unknown --where column was
	 * refused by wf_report_build before. */
	if (wf_kind_need_report(&nd, "table", NULL, e)) { /* LCOV_EXCL_BR_LINE: see above */
		/* LCOV_EXCL_START: see above */
		free(keep);
		wf_rtable_free(in);
		return NULL;
		/* LCOV_EXCL_STOP */
	}
	r = wf_report_new(o->title ? o->title : wf_msg(o->lang, WF_M_TITLE_TABLE), "table");
	if (kept == 0) {
		/* the --where note says how many rows there were */
		free(keep);
		wf_kind_no_rows(r, in, o);
		return r;
	}
	if (kept < wf_rtable_nrows(in)) {
		size_t nc = wf_rtable_ncols(in);
		const char **names = wf_xcalloc(nc, sizeof *names);
		const char **vals = wf_xcalloc(nc, sizeof *vals);
		for (size_t c = 0; c < nc; c++)
			names[c] = wf_rtable_name(in, c);
		wf_rtable *t = wf_rtable_new("", nc, names);
		for (size_t i = 0; i < wf_rtable_nrows(in); i++) {
			if (!keep[i])
				continue;
			for (size_t c = 0; c < nc; c++)
				vals[c] = wf_rtable_cell(in, i, c);
			wf_rtable_add(t, vals, NULL);
		}
		free(names);
		free(vals);
		wf_rtable_free(in);
		in = t;
	}
	free(keep);
	wf_report_table(r, in); /* kept > 0: rows to show */
	return r;
}
