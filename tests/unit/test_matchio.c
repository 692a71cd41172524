#include "wf_matchio.h"
#include "wf_test.h"

/* Column maps are checked at option time with the messages wf-match prints. */
static void test_check_map(void)
{
	char buf[512];

	CHECK(wf_matchrun_check_map("id=codice,quantity=posti", 0, buf, sizeof buf) == NULL);
	CHECK(wf_matchrun_check_map("categories=tipi,capacity=posti_liberi", 1, buf, sizeof buf) == NULL);
	CHECK(wf_matchrun_check_map("", 0, buf, sizeof buf) == NULL);
	CHECK_STR(wf_matchrun_check_map("categories=x", 0, buf, sizeof buf),
		  "unknown demand field 'categories' in --map-demand (fields: id, name, lat, lon, istat, cap, comune, comune_name, province, category, quantity, budget, max_km)");
	CHECK_STR(wf_matchrun_check_map("category=x", 1, buf, sizeof buf),
		  "unknown supply field 'category' in --map-supply (fields: id, name, lat, lon, istat, cap, comune, comune_name, province, categories, capacity, unit_price, radius_km)");
	CHECK_STR(wf_matchrun_check_map("id=a,=b", 0, buf, sizeof buf),
		  "invalid column map '=b' in --map-demand (expected FIELD=COLUMN)");
	CHECK_STR(wf_matchrun_check_map("id=", 1, buf, sizeof buf),
		  "invalid column map 'id=' in --map-supply (expected FIELD=COLUMN)");
	CHECK_STR(wf_matchrun_check_map("id", 0, buf, sizeof buf),
		  "invalid column map 'id' in --map-demand (expected FIELD=COLUMN)");
}

WF_TEST_MAIN(test_check_map)
