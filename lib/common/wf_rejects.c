#include "wf_rejects.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_err.h"
#include "wf_table.h"

struct wf_rejects {
	wf_tw *tw;  /* NULL: no rejects file */
	unsigned long n;
};

wf_rejects *wf_rejects_new(wf_out *out)
{
	static const char *const names[] = { "source", "line", "reason", "raw" };
	static const enum wf_colkind kinds[] = { WF_COL_STR, WF_COL_NUM, WF_COL_STR, WF_COL_STR };
	wf_rejects *r = wf_xcalloc(1, sizeof *r);

	if (out)
		r->tw = wf_tw_new(out, WF_FMT_CSV, 4, names, kinds);
	return r;
}

void wf_rejects_free(wf_rejects *r)
{
	if (!r)
		return;
	wf_tw_free(r->tw);
	free(r);
}

void wf_rejects_set_excel_safe(wf_rejects *r, int on)
{
	if (r->tw)
		wf_tw_set_excel_safe(r->tw, on);
}

int wf_rejects_kept(const wf_rejects *r)
{
	return r && r->tw;
}

int wf_rejects_add(wf_rejects *r, const char *source, long line, const char *reason,
		   const char *raw, size_t rawlen)
{
	char ln[24];

	r->n++;
	if (!r->tw) {
		wf_warn_at(source, line, "%s", reason);
		return WF_REJECTS_STOP;
	}
	snprintf(ln, sizeof ln, "%ld", line);
	const char *v[4] = { source, ln, reason, raw ? raw : "" };
	size_t l[4] = { strlen(source), strlen(ln), strlen(reason), raw ? rawlen : 0 };
	return wf_tw_row(r->tw, v, l) < 0 ? WF_REJECTS_FAILED : WF_REJECTS_KEPT;
}

unsigned long wf_rejects_count(const wf_rejects *r)
{
	return r ? r->n : 0;
}
