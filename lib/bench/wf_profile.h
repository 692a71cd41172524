/*
 * wf_profile.h - wf-benchmark --profile: for each institution and
 * period, every indicator of the staff-wellbeing profile
 * (wf_indicators.h) with its place among its peers, one output row per
 * institution, period and indicator:
 *
 *   PERIOD,institution[,institution_name][,GROUP...][,size_class],
 *   indicator,unit,metric,denominator,value,peers,peer_median,peer_p25,
 *   peer_p75,peer_min,peer_max,pct_rank,quartile,flags
 *
 * value is metric / denominator x the indicator's scale; peers, ranks
 * and flags follow the wf-benchmark rules (same peers, size classes and
 * --min-peers); quartile is 1 (pct_rank up to 25) to 4 (above 75),
 * empty when there is no rank. Each indicator is one wf_bench engine
 * fed the same rows; an indicator whose measures are not in the input
 * is left out (wf_profile_dropped says which and why).
 *
 * Ownership: wf_profile_new returns an object freed by wf_profile_free
 * (NULL is a no-op); readers, writers and outputs passed in are
 * borrowed; strings returned are owned by the profile.
 */
#ifndef WF_PROFILE_H
#define WF_PROFILE_H

#include <stddef.h>

#include "wf_bench.h"
#include "wf_dec.h"
#include "wf_conto.h"
#include "wf_io.h"
#include "wf_rejects.h"
#include "wf_table.h"

typedef struct wf_profile wf_profile;

typedef struct wf_profile_opts {
	const char *period_col;   /* NULL: "year" */
	const char *group;        /* --peers columns or NULL */
	const char *size_classes; /* or NULL */
	int min_peers;            /* 0: 5 */
	enum wf_decmode decimal;  /* --decimal (0: WF_DEC_POINT) */
} wf_profile_opts;

/* NULL and a message in err on a usage error. */
wf_profile *wf_profile_new(const wf_profile_opts *o, char *err, size_t errsz);
void wf_profile_free(wf_profile *p);

/* VoceSpesa signs for the cost-item indicators (wf_bench_set_codes;
 * codes borrowed, loaded by wf_codes_load_items). -1 with err filled
 * for an unreadable sign; an indicator whose items a list lacks is
 * dropped by wf_profile_finish. */
int wf_profile_set_codes(wf_profile *p, wf_codes *codes, char *err, size_t errsz);

/* One fact table. A bad row goes to rejects (wf_rejects.h; counted in
 * *rejected) when it keeps a file, else stops the read (also when
 * rejects is NULL); rows read are added to
 * *rows. Returns 0, or -1 after printing "wf-x: FILE[:LINE]: reason". */
int wf_profile_read(wf_profile *p, wf_reader *r, wf_rejects *rejects,
		    unsigned long *rows, unsigned long *rejected);

/* Progress while reading, as wf_bench_set_progress (NULL: none). */
void wf_profile_set_progress(wf_profile *p, wf_bench_progress_fn fn, void *ctx);

/* After the last table. Indicators whose measures did not appear are
 * dropped; -1 with a message when none is left. */
int wf_profile_finish(wf_profile *p, char *err, size_t errsz);

/* The indicators dropped by wf_profile_finish: name and reason. */
size_t wf_profile_ndropped(const wf_profile *p);
const char *wf_profile_dropped(const wf_profile *p, size_t i, const char **why);

/* Write the rows through a new table writer on out (borrowed). 0, or
 * -1 once the output has failed. */
int wf_profile_write(wf_profile *p, wf_out *out, enum wf_format fmt, int excel_safe);

#endif
