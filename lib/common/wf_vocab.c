#include "wf_vocab.h"

#include <string.h>
#include <strings.h>

#include "wf_err.h"

#define S WF_COL_STR
#define N WF_COL_NUM

/* Keep in step with wfkit(7), COLUMNS (test_vocab compares them). */
const wf_vocab_col wf_vocab[] = {
	/* the canonical fact stream */
	{ "year", N }, { "institution", S }, { "institution_type", S },
	{ "institution_name", S }, { "contract", S }, { "aggregate", S },
	{ "comparto", S }, { "region", S }, { "province", S }, { "comune", S },
	{ "comune_name", S }, { "measure", S }, { "value", N },
	/* wf-benchmark */
	{ "size_class", S }, { "flags", S }, { "institutions", N },
	{ "metric", N }, { "metric_total", N }, { "denominator", N },
	{ "denominator_total", N }, { "no_denominator", N },
	{ "per_employee", N }, { "ratio_of_totals", N }, { "mean", N },
	{ "median", N }, { "zero_share_pct", N }, { "peers", N },
	{ "peer_mean", N }, { "peer_median", N }, { "peer_p25", N },
	{ "peer_p75", N }, { "peer_p90", N }, { "peer_min", N },
	{ "peer_max", N }, { "pct_rank", N }, { "robust_z", N },
	{ "gap_median", N }, { "gap_median_pct", N }, { "change", N },
	{ "change_pct", N }, { "cagr_pct", N }, { "slope", N },
	{ "baseline_value", N }, { "since_baseline", N },
	{ "since_baseline_pct", N }, { "since_baseline_rank", N },
	{ "gap_to_median_eur", N }, { "gap_to_p25_eur", N }, { "spenders", N },
	{ "spender_median", N }, { "spender_p25", N }, { "spender_p75", N },
	{ "spender_pct_rank", N }, { "provenance", S },
	/* wf-benchmark --profile */
	{ "indicator", S }, { "unit", S }, { "quartile", N },
	/* wf-match: input */
	{ "id", S }, { "name", S }, { "lat", N }, { "lon", N }, { "istat", S },
	{ "cap", S }, { "category", S }, { "categories", S }, { "quantity", N },
	{ "budget", N }, { "max_km", N }, { "capacity", N },
	{ "unit_price", N }, { "radius_km", N },
	/* wf-match: output */
	{ "demand_id", S }, { "supply_id", S }, { "distance_km", N },
	{ "score", N }, { "fit", N }, { "proximity", N }, { "price", N },
	{ "assigned", N }, { "unmet", N }, { "status", S }, { "reason", S },
	{ "supply_name", S }, { "demand_lat", N }, { "demand_lon", N },
	{ "supply_lat", N }, { "supply_lon", N }, { "demand_category", S },
	{ "demand_name", S }, { "demand_comune", S },
	/* --rejects of every binary */
	{ "source", S }, { "line", N }, { "raw", S },
};
const size_t wf_vocab_n = sizeof wf_vocab / sizeof wf_vocab[0];

static const wf_vocab_col *find(const char *name)
{
	/* ~80 rows, looked up once per column of a header: no index. */
	for (size_t i = 0; i < wf_vocab_n; i++)
		if (strcmp(wf_vocab[i].name, name) == 0)
			return &wf_vocab[i];
	return NULL;
}

enum wf_colkind wf_vocab_kind(const char *name, enum wf_colkind dflt)
{
	const wf_vocab_col *c = name ? find(name) : NULL;

	return c ? c->kind : dflt;
}

int wf_vocab_known(const char *name)
{
	return name && find(name) != NULL;
}

const char *const wf_fact_columns[WF_FACT_NCOLS + 1] = {
	"year", "institution", "institution_type", "institution_name", "contract",
	"aggregate", "comparto", "region", "province", "comune", "measure", "value",
	"provenance"
};
const enum wf_colkind wf_fact_kinds[WF_FACT_NCOLS + 1] = {
	WF_COL_NUM, WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_STR,
	WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_STR, WF_COL_NUM,
	WF_COL_STR
};

/* Near misses of the canonical header are refused rather than read as
 * some Conto Annuale layout or a table of other columns, whose message
 * (if any) would not say what is wrong. */
int wf_fact_header_problem(const wf_row *h, char *why, size_t whysz)
{
	size_t n = h->n, exact = 1;

	if (n > 0 && h->len[n - 1] == 0)
		n--; /* "...,value," */
	if (n != WF_FACT_NCOLS && n != WF_FACT_NCOLS + 1)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (strcasecmp(h->f[i], wf_fact_columns[i]) != 0)
			return 0;
		exact &= strcmp(h->f[i], wf_fact_columns[i]) == 0;
	}
	for (size_t i = 0; !exact && i < n; i++)
		if (strcmp(h->f[i], wf_fact_columns[i]) != 0) {
			wf_setmsg(why, whysz, "canonical header in upper case ('%s'): its column "
				  "names are lower case ('%s')", h->f[i], wf_fact_columns[i]);
			return 1;
		}
	if (n < h->n) {
		wf_setmsg(why, whysz, "canonical header ends with a delimiter (an empty "
			  "column %zu): remove it", h->n);
		return 1;
	}
	return 0;
}
