#include "wf_indicators.h"

#include <string.h>
#include <strings.h>

/* Per employee = per head at 31 December (OCCUPAZIONE HEADCOUNT), the
 * denominator wf-benchmark uses for L090 too. Shares are in percent so
 * that the two decimals of the output keep them readable (0.37 %, not
 * 0.00). The order is the order of a profile. */
static const wf_indicator indicators[] = {
	{ "welfare_core", "L090", NULL, 1, "EUR", 0 },
	{ "welfare_extended", "L090+L010+L011+L107+P035", NULL, 1, "EUR", 0 },
	{ "welfare_core_per_employee", "L090", "HEADCOUNT", 1, "EUR per employee", 1 },
	{ "women_share", "HEADCOUNT_WOMEN", "HEADCOUNT", 100, "% of staff", 1 },
	{ "training_days_per_employee", "TRAINING_DAYS", "HEADCOUNT", 1, "days per employee", 1 },
	{ "telework_share", "TELEWORK", "HEADCOUNT", 100, "% of staff", 1 },
	{ "telework_women_share", "TELEWORK_WOMEN", "TELEWORK", 100, "% of teleworkers", 1 },
	{ "shift_work_share", "SHIFT_WORK", "HEADCOUNT", 100, "% of staff", 1 },
	{ "on_call_share", "ON_CALL", "HEADCOUNT", 100, "% of staff", 1 },
	{ "absence_days_per_employee", "ABSENCE_DAYS", "HEADCOUNT", 1, "days per employee", 1 },
	{ "absence_illness_per_employee", "ABSENCE_DAYS_ILLNESS", "HEADCOUNT", 1,
	  "days per employee", 1 },
	{ "absence_care_per_employee", "ABSENCE_DAYS_CARE", "HEADCOUNT", 1, "days per employee", 1 },
	{ "absence_parental_per_employee", "ABSENCE_DAYS_PARENTAL", "HEADCOUNT", 1,
	  "days per employee", 1 },
	{ "fua_welfare_per_employee", "FUA_U02S", "HEADCOUNT", 1, "EUR per employee", 1 },
};

const wf_indicator *wf_indicator_find(const char *name)
{
	for (size_t i = 0; i < sizeof indicators / sizeof *indicators; i++)
		if (strcasecmp(indicators[i].name, name) == 0) /* -m WELFARE_CORE too */
			return &indicators[i];
	return NULL;
}

const wf_indicator *wf_indicator_at(size_t i)
{
	return i < sizeof indicators / sizeof *indicators ? &indicators[i] : NULL;
}

size_t wf_indicator_count(void)
{
	return sizeof indicators / sizeof *indicators;
}
