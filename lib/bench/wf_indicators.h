/*
 * wf_indicators.h - the named indicators of wf-benchmark: a measure (or
 * a '+' sum of measures) over a denominator, times a scale. They are
 * the staff-wellbeing profile of wf-benchmark --profile and names that
 * --metric accepts. Measures are those of wf-ingest (wf-ingest(1)).
 *
 * Ownership: everything returned is static.
 */
#ifndef WF_INDICATORS_H
#define WF_INDICATORS_H

#include <stddef.h>

typedef struct wf_indicator {
	const char *name;    /* "telework_share" */
	const char *metric;  /* "TELEWORK" */
	const char *per;     /* "HEADCOUNT", or NULL: none */
	double scale;        /* 100 for shares in percent, else 1 */
	const char *unit;    /* "% of staff", "days per employee", "EUR per employee" */
	int profile;         /* part of --profile */
} wf_indicator;

/* The indicator called name, or NULL. */
const wf_indicator *wf_indicator_find(const char *name);

/* All of them, in profile order. */
const wf_indicator *wf_indicator_at(size_t i);
size_t wf_indicator_count(void);

#endif
