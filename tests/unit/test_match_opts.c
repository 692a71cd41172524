/*
 * test_match_opts.c - wf_match's option check and unmet reasons, word
 * for word (wf-match prints them); the solver has test_match.c.
 */
#include <math.h>

#include "wf_match.h"
#include "wf_test.h"

static void test_opts_check(void)
{
	wf_match_opts o;

	wf_match_opts_default(&o);
	CHECK(wf_match_opts_check(&o) == NULL);
	o.w_price = NAN;
	CHECK_STR(wf_match_opts_check(&o), "weights must be non-negative numbers");
	o.w_price = INFINITY;
	CHECK_STR(wf_match_opts_check(&o), "weights must be non-negative numbers");
	wf_match_opts_default(&o);
	o.scale_km = 0;
	CHECK_STR(wf_match_opts_check(&o), "distance scale must be a positive number of km");
	o.scale_km = INFINITY;
	CHECK_STR(wf_match_opts_check(&o), "distance scale must be a positive number of km");
	wf_match_opts_default(&o);
	o.max_km = -1;
	CHECK_STR(wf_match_opts_check(&o), "maximum distance must be a positive number of km");
	o.max_km = NAN;
	CHECK_STR(wf_match_opts_check(&o), "maximum distance must be a positive number of km");
	wf_match_opts_default(&o);
	o.top = 0;
	CHECK_STR(wf_match_opts_check(&o), "top must be at least 1");
}

static void test_unmet_reasons(void)
{
	CHECK_STR(wf_unmet_reason(WF_UNMET_NONE), "");
	CHECK_STR(wf_unmet_reason(WF_UNMET_NO_OFFER), "no provider offers the category");
	CHECK_STR(wf_unmet_reason(WF_UNMET_RANGE), "no provider in range");
	CHECK_STR(wf_unmet_reason(WF_UNMET_BUDGET), "over budget");
	CHECK_STR(wf_unmet_reason(WF_UNMET_CAPACITY), "capacity exhausted");
	CHECK_STR(wf_unmet_reason(-1), "?");
	CHECK_STR(wf_unmet_reason(99), "?");
}

WF_TEST_MAIN(test_opts_check, test_unmet_reasons)
