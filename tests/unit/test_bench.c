/* The engine fed row by row. Expected figures were worked out by hand
 * (see the comments next to each); statistics are compared as the
 * 2-decimal text the engine writes. */
#include <unistd.h>

#include "wf_bench.h"
#include "wf_bench_priv.h"
#include "wf_conto.h"
#include "wf_io.h"
#include "wf_table.h"
#include "wf_test.h"

/* Code lists as lib/conto loads them for wf-benchmark --codes: each
 * lines[] a VoceSpesa.CSV of one year, written to a file of that name
 * in a new folder (removed again) and loaded in order. */
static wf_codes *codes_of(const char *const *lists[], size_t n)
{
	wf_codes *c = wf_codes_new();

	for (size_t i = 0; i < n; i++) {
		char dir[] = "/tmp/wf_test_codes_XXXXXX", path[64];
		FILE *f;

		CHECK(mkdtemp(dir) != NULL);
		snprintf(path, sizeof path, "%s/VoceSpesa.CSV", dir);
		f = fopen(path, "w");
		for (const char *const *l = lists[i]; *l; l++)
			fprintf(f, "%s\n", *l);
		fclose(f);
		CHECK_INT(wf_codes_load_items(c, dir), 0);
		unlink(path);
		rmdir(dir);
	}
	return c;
}

/* A wf_row over a comma-separated line (no quoting needed here). */
typedef struct trow {
	char buf[512];
	const char *f[32];
	size_t len[32];
	unsigned char null[32];
	wf_row r;
} trow;

static const wf_row *mkrow(trow *t, const char *line, long lineno)
{
	size_t n = 0;
	char *p = t->buf;

	snprintf(t->buf, sizeof t->buf, "%s", line);
	for (;;) {
		char *c = strchr(p, ',');
		t->f[n] = p;
		t->null[n] = 0;
		if (c)
			*c = '\0';
		t->len[n] = strlen(p);
		n++;
		if (!c)
			break;
		p = c + 1;
	}
	t->r.n = n;
	t->r.f = t->f;
	t->r.len = t->len;
	t->r.null = t->null;
	t->r.line = lineno;
	t->r.raw = line;
	t->r.rawlen = strlen(line);
	return &t->r;
}

/* The output as text: header, then rows, ',' between cells. */
typedef struct sink {
	char text[16384];
	size_t len, ncols;
} sink;

static int collect(void *ctx, const char *const *vals)
{
	sink *s = ctx;
	for (size_t i = 0; i < s->ncols; i++)
		s->len += (size_t)snprintf(s->text + s->len, sizeof s->text - s->len,
					   "%s%s", i ? "," : "", vals[i] ? vals[i] : "");
	s->len += (size_t)snprintf(s->text + s->len, sizeof s->text - s->len, "\n");
	return 0;
}

/* Whether the output line starting after the '\n' at line ends with
 * suffix. */
static int line_ends(const char *line, const char *suffix)
{
	const char *end;
	size_t n = strlen(suffix);

	if (!line || !(end = strchr(line + 1, '\n')) || (size_t)(end - line) < n)
		return 0;
	return memcmp(end - n, suffix, n) == 0;
}

static void render(wf_bench *b, sink *s)
{
	const char *const *names;
	s->len = 0;
	s->ncols = wf_bench_columns(b, &names, NULL);
	collect(s, names);
	CHECK_INT(wf_bench_emit(b, collect, s), 0);
}

static int feed(wf_bench *b, enum wf_bench_input kind, const char *const *lines)
{
	trow t;
	char err[256];
	int bad = 0;

	CHECK_INT(wf_bench_table(b, kind, mkrow(&t, lines[0], 1), err, sizeof err), 0);
	for (long i = 1; lines[i]; i++)
		if (wf_bench_row(b, mkrow(&t, lines[i], i + 1), err, sizeof err)) {
			fprintf(stderr, "line %ld: %s\n", i + 1, err);
			bad++;
		}
	return bad;
}

static const char *const facts_a[] = {
	"year,institution,institution_type,institution_name,contract,measure,value",
	"2019,C1,C,COMUNE UNO,RALN,L090,100",
	"2019,C1,C,COMUNE UNO,SEGR,L090,50",
	"2019,C1,C,COMUNE UNO,RALN,HEADCOUNT,10",
	"2019,C1,C,COMUNE UNO,SEGR,HEADCOUNT,5",
	"2019,C2,C,COMUNE DUE,RALN,L090,40",
	"2019,C2,C,COMUNE DUE,RALN,HEADCOUNT,10",
	"2019,C3,C,COMUNE TRE,RALN,A015,1000",
	"2019,C3,C,COMUNE TRE,RALN,HEADCOUNT,20",
	"2019,C4,C,COMUNE QUATTRO,RALN,L090,30",
	"2019,C5,C,COMUNE CINQUE,RALN,L090,60",
	"2019,C5,C,COMUNE CINQUE,RALN,HEADCOUNT,3",
	"2019,P1,P,PROVINCIA UNO,RALN,L090,10",
	"2019,P1,P,PROVINCIA UNO,RALN,HEADCOUNT,2",
	"2020,C3,C,COMUNE TRE,RALN,L090,0",
	"2020,C3,C,COMUNE TRE,RALN,HEADCOUNT,20",
	"2020,C2,C,COMUNE DUE,RALN,L090,20",
	"2020,C2,C,COMUNE DUE,RALN,HEADCOUNT,10",
	"2020,C1,C,COMUNE UNO,RALN,L090,220",
	"2020,C1,C,COMUNE UNO,RALN,HEADCOUNT,20",
	NULL
};

/* 2019 type C values 10 4 0 20 (C4 has no headcount): sorted 0 4 10 20,
 * mean 8.5, median 7, p25 3, p75 12.5, p90 17; |x - 7| = 3 3 7 13 ->
 * MAD 5, z = (x - 7) / 7.413. 2020 has 3 values < --min-peers 4. */
static void test_benchmark(void)
{
	wf_bench_opts o = { .metric = "welfare_core", .per = "HEADCOUNT",
			    .group = "institution_type", .min_peers = 4 };
	char err[256];
	wf_bench *b = wf_bench_new(&o, err, sizeof err);
	static sink s;

	CHECK(b != NULL);
	CHECK_INT(feed(b, WF_BENCH_FACTS, facts_a), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	CHECK_INT(wf_bench_nrows(b), 9);
	render(b, &s);
	CHECK_STR(s.text,
"year,institution,institution_name,institution_type,metric,denominator,per_employee,peers,peer_mean,peer_median,peer_p25,peer_p75,peer_p90,peer_min,peer_max,pct_rank,robust_z,gap_median,gap_median_pct,gap_to_median_eur,gap_to_p25_eur,zero_share_pct,spenders,spender_median,spender_p25,spender_p75,spender_pct_rank,change,change_pct,cagr_pct,slope,flags,provenance\n"
"2019,C1,COMUNE UNO,C,150,15,10.00,4,8.50,7.00,3.00,12.50,17.00,0.00,20.00,62.50,0.40,3.00,42.86,0.00,0.00,25.00,3,,,,,,,10.00,1.00,first_year,metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes=\n"
"2019,C2,COMUNE DUE,C,40,10,4.00,4,8.50,7.00,3.00,12.50,17.00,0.00,20.00,37.50,-0.40,-3.00,-42.86,30.00,0.00,25.00,3,,,,,,,-50.00,-2.00,first_year,metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes=\n"
"2019,C3,COMUNE TRE,C,0,20,0.00,4,8.50,7.00,3.00,12.50,17.00,0.00,20.00,12.50,-0.94,-7.00,-100.00,140.00,60.00,25.00,3,,,,,,,,0.00,zero|first_year|cagr_zero_start,metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes=\n"
"2019,C4,COMUNE QUATTRO,C,30,,,4,8.50,7.00,3.00,12.50,17.00,0.00,20.00,,,,,,,25.00,3,,,,,,,,,no_denominator|first_year|cagr_no_start,metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes=\n"
"2019,C5,COMUNE CINQUE,C,60,3,20.00,4,8.50,7.00,3.00,12.50,17.00,0.00,20.00,87.50,1.75,13.00,185.71,0.00,0.00,25.00,3,,,,,,,,,first_year|cagr_no_end,metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes=\n"
"2019,P1,PROVINCIA UNO,P,10,2,5.00,1,,,,,,,,,,,,,,,0,,,,,,,,,small_peer_group|first_year|cagr_no_end,metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes=\n"
"2020,C1,COMUNE UNO,C,220,20,11.00,3,,,,,,,,,,,,,,,0,,,,,1.00,10.00,10.00,1.00,small_peer_group,metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes=\n"
"2020,C2,COMUNE DUE,C,20,10,2.00,3,,,,,,,,,,,,,,,0,,,,,-2.00,-50.00,-50.00,-2.00,small_peer_group,metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes=\n"
"2020,C3,COMUNE TRE,C,0,20,0.00,3,,,,,,,,,,,,,,,0,,,,,0.00,,,0.00,zero|small_peer_group|cagr_zero_start,metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes=\n");
	wf_bench_free(b);
}

/* Group totals of the same facts. 2019 C: 5 institutions, metric
 * 150+40+0+30+60 = 280, denominators of those with one 15+10+20+3 = 48,
 * ratio (280-30)/48 = 5.208, mean 8.5, median 7, zero 1 of 5.
 * 2020 C: 240, 50, ratio 4.8, mean 13/3, median 2, zero 1 of 3. */
static void test_summary(void)
{
	wf_bench_opts o = { .metric = "L090", .per = "HEADCOUNT",
			    .group = "institution_type", .summary = 1 };
	char err[256];
	wf_bench *b = wf_bench_new(&o, err, sizeof err);
	static sink s;

	CHECK_INT(feed(b, WF_BENCH_FACTS, facts_a), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	render(b, &s);
	CHECK_STR(s.text,
"year,institution_type,institutions,metric_total,denominator_total,no_denominator,ratio_of_totals,mean,median,zero_share_pct,spenders,spender_median,gap_to_median_eur,gap_to_p25_eur,provenance\n"
"2019,C,5,280,48,1,5.21,8.50,7.00,20.00,3,10.00,170.00,60.00,metric=L090;per=HEADCOUNT;by=institution_type;size_classes=;min_peers=5;codes=\n"
"2019,P,1,10,2,0,5.00,5.00,5.00,0.00,1,5.00,0.00,0.00,metric=L090;per=HEADCOUNT;by=institution_type;size_classes=;min_peers=5;codes=\n"
"2020,C,3,240,50,0,4.80,4.33,2.00,33.33,2,6.50,40.00,20.00,metric=L090;per=HEADCOUNT;by=institution_type;size_classes=;min_peers=5;codes=\n");
	wf_bench_free(b);

	/* no grouping, no denominator: one row a year */
	o = (wf_bench_opts){ .metric = "L090", .summary = 1 };
	b = wf_bench_new(&o, err, sizeof err);
	CHECK_INT(feed(b, WF_BENCH_FACTS, facts_a), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	render(b, &s);
	/* 2019 metrics 150 40 0 30 60 10: mean 48.33, median 35 */
	CHECK_STR(s.text,
"year,institutions,metric_total,mean,median,zero_share_pct,spenders,spender_median,gap_to_median_eur,gap_to_p25_eur,provenance\n"
"2019,6,290,48.33,35.00,16.67,5,40.00,65.00,20.00,metric=L090;per=;by=;size_classes=;min_peers=5;codes=\n"
"2020,3,240,80.00,20.00,33.33,2,120.00,20.00,10.00,metric=L090;per=;by=;size_classes=;min_peers=5;codes=\n");
	wf_bench_free(b);
}

/* Size classes by headcount: C1 15 and C2 10 fall in 10-49, C3 20 too,
 * C5 3 in 1-9, C4 (no headcount) in none. */
static void test_size_classes(void)
{
	wf_bench_opts o = { .metric = "L090", .summary = 1,
			    .size_classes = "1-9,10-49,50-" };
	char err[256];
	wf_bench *b = wf_bench_new(&o, err, sizeof err);
	static sink s;

	CHECK_INT(feed(b, WF_BENCH_FACTS, facts_a), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	render(b, &s);
	/* 2019 1-9: C5 60, P1 10 (headcount 2); 10-49: C1 150 C2 40 C3 0 */
	CHECK_STR(s.text,
"year,size_class,institutions,metric_total,mean,median,zero_share_pct,spenders,spender_median,gap_to_median_eur,gap_to_p25_eur,provenance\n"
"2019,1-9,2,70,35.00,35.00,0.00,2,35.00,25.00,12.50,metric=L090;per=;by=;size_classes=1-9,10-49,50-;min_peers=5;codes=\n"
"2019,10-49,3,190,63.33,40.00,33.33,2,95.00,40.00,20.00,metric=L090;per=;by=;size_classes=1-9,10-49,50-;min_peers=5;codes=\n"
"2019,,1,30,30.00,30.00,0.00,1,30.00,0.00,0.00,metric=L090;per=;by=;size_classes=1-9,10-49,50-;min_peers=5;codes=\n"
"2020,10-49,3,240,80.00,20.00,33.33,2,120.00,20.00,10.00,metric=L090;per=;by=;size_classes=1-9,10-49,50-;min_peers=5;codes=\n");
	wf_bench_free(b);
}

/* Values 1 2 3 4 100 without a denominator: median 3, MAD 1,
 * z(100) = 97 / 1.4826 = 65.43 -> outlier; z(1) = -1.35. */
static void test_outlier_and_signs(void)
{
	static const char *const list[] = {
		"ANNO;CODI_TIPO_VOCE_SPESA;CODI_VOCE_SPESA;DESC_VOCE_SPESA;FLAG_SEGNO",
		"2024;L;90;BENESSERE DEL PERSONALE;+",
		"2024;P;98;SOMME RICEVUTE;-",
		NULL
	};
	const char *const *lists[] = { list };
	wf_codes *codes = codes_of(lists, 1);
	static const char *const facts[] = {
		"year,institution,measure,value",
		"2019,A,L090,1",
		"2019,B,L090,2",
		"2019,C,L090,3",
		"2019,D,L090,4",
		"2019,E,L090,130",
		"2019,E,P098,30",
		NULL
	};
	wf_bench_opts o = { .metric = "L090+P098" };
	char err[256];
	wf_bench *b = wf_bench_new(&o, err, sizeof err);
	static sink s;

	CHECK_INT(wf_bench_set_codes(b, codes, err, sizeof err), 0);
	CHECK_INT(feed(b, WF_BENCH_FACTS, facts), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	render(b, &s);
	CHECK_STR(s.text,
"year,institution,metric,peers,peer_mean,peer_median,peer_p25,peer_p75,peer_p90,peer_min,peer_max,pct_rank,robust_z,gap_median,gap_median_pct,gap_to_median_eur,gap_to_p25_eur,zero_share_pct,spenders,spender_median,spender_p25,spender_p75,spender_pct_rank,change,change_pct,cagr_pct,slope,flags,provenance\n"
"2019,A,1,5,22.00,3.00,2.00,4.00,61.60,1.00,100.00,10.00,-1.35,-2.00,-66.67,2.00,1.00,0.00,5,3.00,2.00,4.00,10.00,,,,,first_year,metric=L090+P098;per=;peers=;size_classes=;min_peers=5;codes=2024\n"
"2019,B,2,5,22.00,3.00,2.00,4.00,61.60,1.00,100.00,30.00,-0.67,-1.00,-33.33,1.00,0.00,0.00,5,3.00,2.00,4.00,30.00,,,,,first_year,metric=L090+P098;per=;peers=;size_classes=;min_peers=5;codes=2024\n"
"2019,C,3,5,22.00,3.00,2.00,4.00,61.60,1.00,100.00,50.00,0.00,0.00,0.00,0.00,0.00,0.00,5,3.00,2.00,4.00,50.00,,,,,first_year,metric=L090+P098;per=;peers=;size_classes=;min_peers=5;codes=2024\n"
"2019,D,4,5,22.00,3.00,2.00,4.00,61.60,1.00,100.00,70.00,0.67,1.00,33.33,0.00,0.00,0.00,5,3.00,2.00,4.00,70.00,,,,,first_year,metric=L090+P098;per=;peers=;size_classes=;min_peers=5;codes=2024\n"
"2019,E,100,5,22.00,3.00,2.00,4.00,61.60,1.00,100.00,90.00,65.43,97.00,3233.33,0.00,0.00,0.00,5,3.00,2.00,4.00,90.00,,,,,outlier|first_year,metric=L090+P098;per=;peers=;size_classes=;min_peers=5;codes=2024\n");
	wf_bench_free(b);
	wf_codes_free(codes);
}

/* Signs per year, as the lists come: P098 adds in the 2019 lists and
 * subtracts in the 2024 ones. 2019 facts take the 2019 lists, 2024 the
 * 2024 ones, 2021 the nearest (2019); monthly periods by their year. */
static void test_signs_per_year(void)
{
	static const char *const y2019[] = {
		"ANNO;CODI_TIPO_VOCE_SPESA;CODI_VOCE_SPESA;FLAG_SEGNO",
		"2019;L;90;+", "2019;P;98;+", NULL
	};
	static const char *const y2024[] = {
		"ANNO;CODI_TIPO_VOCE_SPESA;CODI_VOCE_SPESA;FLAG_SEGNO",
		"2024;L;90;+", "2024;P;98;-", NULL
	};
	static const char *const facts[] = {
		"year,institution,measure,value",
		"2019,A,L090,100", "2019,A,P098,10",
		"2024,A,L090,100", "2024,A,P098,10",
		"2021,A,L090,100", "2021,A,P098,10",
		NULL
	};
	static const char *const monthly[] = {
		"month,institution,measure,value",
		"2024-01,A,L090,100", "2024-01,A,P098,10",
		"2019-12,A,L090,100", "2019-12,A,P098,10",
		NULL
	};
	const char *const *lists[] = { y2019, y2024 };
	wf_codes *codes = codes_of(lists, 2);
	wf_bench_opts o = { .metric = "L090+P098", .min_peers = 1 };
	char err[256];
	wf_bench *b = wf_bench_new(&o, err, sizeof err);
	static sink s;

	CHECK_INT(wf_bench_set_codes(b, codes, err, sizeof err), 0);
	CHECK_INT(feed(b, WF_BENCH_FACTS, facts), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	s.len = 0;
	render(b, &s);
	CHECK(strstr(s.text, "\n2019,A,110,") != NULL);
	CHECK(strstr(s.text, "\n2021,A,110,") != NULL);
	CHECK(strstr(s.text, "\n2024,A,90,") != NULL);
	wf_bench_free(b);

	o.period_col = "month";
	b = wf_bench_new(&o, err, sizeof err);
	CHECK_INT(wf_bench_set_codes(b, codes, err, sizeof err), 0);
	CHECK_INT(feed(b, WF_BENCH_FACTS, monthly), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	s.len = 0;
	render(b, &s);
	CHECK(strstr(s.text, "\n2019-12,A,110,") != NULL);
	CHECK(strstr(s.text, "\n2024-01,A,90,") != NULL);
	wf_bench_free(b);

	/* a metric item missing from one year's lists is named with it */
	o = (wf_bench_opts){ .metric = "L090+P099" };
	b = wf_bench_new(&o, err, sizeof err);
	CHECK_INT(wf_bench_set_codes(b, codes, err, sizeof err), 0);
	CHECK_INT(feed(b, WF_BENCH_FACTS, facts), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), -1);
	CHECK_STR(err, "measure 'P099' of --metric is not in the code list of 2019");
	wf_bench_free(b);
	wf_codes_free(codes);
}

/* YYYY-MM periods: year over year compares the same month; CAGR
 * 10 -> 15 in one year = 50 %; slope over t = 2020, 2020 + 1/12, 2021
 * and y = 10 20 15 is 540 / 798 = 0.677 a year. */
static void test_monthly(void)
{
	static const char *const facts[] = {
		"month,institution,measure,value",
		"2020-01,X,W1,10",
		"2020-02,X,W1,20",
		"2021-01,X,W1,15",
		NULL
	};
	wf_bench_opts o = { .metric = "W1", .period_col = "month", .min_peers = 1 };
	char err[256];
	wf_bench *b = wf_bench_new(&o, err, sizeof err);
	static sink s;

	CHECK_INT(feed(b, WF_BENCH_FACTS, facts), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	render(b, &s);
	CHECK_STR(s.text,
"month,institution,metric,peers,peer_mean,peer_median,peer_p25,peer_p75,peer_p90,peer_min,peer_max,pct_rank,robust_z,gap_median,gap_median_pct,gap_to_median_eur,gap_to_p25_eur,zero_share_pct,spenders,spender_median,spender_p25,spender_p75,spender_pct_rank,change,change_pct,cagr_pct,slope,flags,provenance\n"
"2020-01,X,10,1,10.00,10.00,10.00,10.00,10.00,10.00,10.00,50.00,0.00,0.00,0.00,0.00,0.00,0.00,1,10.00,10.00,10.00,50.00,,,50.00,0.68,first_year,metric=W1;per=;peers=;size_classes=;min_peers=1;codes=\n"
"2020-02,X,20,1,20.00,20.00,20.00,20.00,20.00,20.00,20.00,50.00,0.00,0.00,0.00,0.00,0.00,0.00,1,20.00,20.00,20.00,50.00,,,50.00,0.68,,metric=W1;per=;peers=;size_classes=;min_peers=1;codes=\n"
"2021-01,X,15,1,15.00,15.00,15.00,15.00,15.00,15.00,15.00,50.00,0.00,0.00,0.00,0.00,0.00,0.00,1,15.00,15.00,15.00,50.00,5.00,50.00,50.00,0.68,,metric=W1;per=;peers=;size_classes=;min_peers=1;codes=\n");
	wf_bench_free(b);
}

/* Baseline: C1 was 9.00 at rank 50 in 2019. 2019 now 10 (rank 62.5):
 * +1.00, +11.11 %, +12.50 points; 2020 compares with 2019's baseline
 * row (latest not after 2020): 11 - 9 = 2.00, 22.22 %, no rank now. */
static void test_baseline(void)
{
	static const char *const base[] = {
		"year,institution,institution_type,per_employee,pct_rank,flags,provenance",
		"2019,C1,C,9.00,50.00,first_year,metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes=",
		"2019,C2,C,,,no_denominator,metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes=",
		NULL
	};
	wf_bench_opts o = { .metric = "L090", .per = "HEADCOUNT",
			    .group = "institution_type", .min_peers = 4,
			    .has_change_threshold = 1, .change_threshold = 20 };
	char err[256];
	wf_bench *b = wf_bench_new(&o, err, sizeof err);
	static sink s;
	const char *line2, *line7;

	CHECK_INT(feed(b, WF_BENCH_FACTS, facts_a), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	CHECK_INT(feed(b, WF_BENCH_BASELINE, base), 0);
	render(b, &s);
	line2 = strstr(s.text, "\n2019,C1,");
	line7 = strstr(s.text, "\n2020,C1,");
	/* +11.11 % is under the threshold of 20; +22.22 % is over it */
	CHECK(line_ends(line2, ",10.00,1.00,2019,9.00,1.00,11.11,12.50,first_year,metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes="));
	CHECK(line_ends(line7, ",2019,9.00,2.00,22.22,,small_peer_group|changed,metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes="));
	CHECK(strstr(s.text, "\n2019,C2,COMUNE DUE,C,40,10,4.00,4,8.50,7.00,3.00,12.50,17.00,"
			     "0.00,20.00,37.50,-0.40,-3.00,-42.86,30.00,0.00,25.00,3,,,,,,,-50.00,-2.00,2019,,,,,first_year,metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes=\n") != NULL);
	CHECK(strstr(s.text, "pct_rank,robust_z,gap_median,gap_median_pct,gap_to_median_eur,gap_to_p25_eur,"
			     "zero_share_pct,spenders,spender_median,spender_p25,spender_p75,spender_pct_rank,"
			     "change,change_pct,cagr_pct,slope,baseline_period,baseline_value,since_baseline,"
			     "since_baseline_pct,since_baseline_rank,flags,provenance\n") != NULL);
	wf_bench_free(b);
}

/* A baseline made another way is refused, naming each difference; one
 * without a provenance column too. */
static void test_baseline_definition(void)
{
	static const char *const other[] = {
		"year,institution,institution_type,per_employee,pct_rank,flags,provenance",
		"2019,C1,C,9.00,50.00,first_year,metric=L090;per=HEADCOUNT+FLEX_UNITS;peers=region;size_classes=;min_peers=4;codes=",
		NULL
	};
	static const char *const bare[] = {
		"year,institution,institution_type,per_employee,pct_rank,flags",
		"2019,C1,C,9.00,50.00,first_year",
		NULL
	};
	wf_bench_opts o = { .metric = "L090", .per = "HEADCOUNT",
			    .group = "institution_type", .min_peers = 4 };
	char err[512];
	wf_bench *b = wf_bench_new(&o, err, sizeof err);
	const char *msg = NULL;
	trow row;

	CHECK_INT(feed(b, WF_BENCH_FACTS, facts_a), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	CHECK_INT(wf_bench_table(b, WF_BENCH_BASELINE, mkrow(&row, other[0], 1), err, sizeof err), 0);
	CHECK_INT(wf_bench_row(b, mkrow(&row, other[1], 2), err, sizeof err), -1);
	msg = "the baseline was made with another definition: per HEADCOUNT+FLEX_UNITS there, "
	      "HEADCOUNT here; peers region there, institution_type here";
	CHECK_STR(err, msg);
	CHECK_INT(wf_bench_table(b, WF_BENCH_BASELINE, mkrow(&row, bare[0], 1), err, sizeof err), -1);
	CHECK_STR(err, "no column 'provenance' in the baseline: it does not say how it was made "
		  "(an older wf-benchmark's output?); make it again");
	wf_bench_free(b);
}

static void expect_new_error(wf_bench_opts o, const char *msg)
{
	char err[256] = "";
	wf_bench *b = wf_bench_new(&o, err, sizeof err);
	CHECK(b == NULL);
	CHECK_STR(err, msg);
	wf_bench_free(b);
}

static void test_option_errors(void)
{
	expect_new_error((wf_bench_opts){ .metric = "" }, "--metric is required");
	expect_new_error((wf_bench_opts){ .metric = "L090+" }, "invalid --metric 'L090+'");
	expect_new_error((wf_bench_opts){ .metric = "L090-P098" }, "invalid --metric 'L090-P098'");
	expect_new_error((wf_bench_opts){ .metric = "L090+L090" },
			 "measure 'L090' appears twice in --metric");
	expect_new_error((wf_bench_opts){ .metric = "L090", .per = "HEAD COUNT" },
			 "invalid --per 'HEAD COUNT'");
	expect_new_error((wf_bench_opts){ .metric = "L090", .group = "a,,b" },
			 "invalid --peers 'a,,b'");
	expect_new_error((wf_bench_opts){ .metric = "L090", .group = "a,a", .summary = 1 },
			 "column 'a' appears twice in --by");
	expect_new_error((wf_bench_opts){ .metric = "L090", .group = "region,year" },
			 "column 'year' cannot be used in --peers");
	expect_new_error((wf_bench_opts){ .metric = "L090", .group = "institution" },
			 "column 'institution' cannot be used in --peers");
	expect_new_error((wf_bench_opts){ .metric = "L090", .group = "month",
					  .period_col = "month", .summary = 1 },
			 "column 'month' cannot be used in --by");
	expect_new_error((wf_bench_opts){ .metric = "L090", .group = "value", .summary = 1 },
			 "column 'value' cannot be used in --by");
	expect_new_error((wf_bench_opts){ .metric = "L090", .size_classes = "1-9,11-" },
			 "invalid --size-classes '1-9,11-'");
	expect_new_error((wf_bench_opts){ .metric = "L090", .size_classes = "1-,10-" },
			 "invalid --size-classes '1-,10-'");
	expect_new_error((wf_bench_opts){ .metric = "L090", .size_classes = "9-1" },
			 "invalid --size-classes '9-1'");
	{
		char err[256];
		wf_bench *ok = wf_bench_new(&(wf_bench_opts){ .metric = "L090",
			.group = "institution", .summary = 1 }, err, sizeof err);
		CHECK(ok != NULL);
		wf_bench_free(ok);
	}
}

static void test_data_errors(void)
{
	wf_bench_opts o = { .metric = "L090", .group = "region" };
	char err[256];
	trow t;
	wf_bench *b = wf_bench_new(&o, err, sizeof err);

	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS,
				 mkrow(&t, "year,institution,measure,value", 1), err, sizeof err), -1);
	CHECK_STR(err, "no column 'region' for --peers");
	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS,
				 mkrow(&t, "year,institution,region,measure,value", 1), err, sizeof err), 0);
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019,C1,03,L090,12x", 2), err, sizeof err), -1);
	CHECK_STR(err, "bad value '12x': not a number");
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019,C1,03,L090,", 2), err, sizeof err), -1);
	CHECK_STR(err, "missing value");
	CHECK_INT(wf_bench_row(b, mkrow(&t, "19,C1,03,L090,1", 2), err, sizeof err), -1);
	CHECK_STR(err, "bad period '19' (expected YYYY or YYYY-MM)");
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019-13,C1,03,L090,1", 2), err, sizeof err), -1);
	CHECK_STR(err, "bad period '2019-13' (expected YYYY or YYYY-MM)");
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019,,03,L090,1", 2), err, sizeof err), -1);
	CHECK_STR(err, "empty institution");
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019,C1,03,L091,1", 2), err, sizeof err), 0);
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019-01,C1,03,L090,1", 2), err, sizeof err), -1);
	CHECK_STR(err, "period '2019-01' is monthly but earlier periods are yearly");
	CHECK_INT(wf_bench_finish(b, err, sizeof err), -1);
	CHECK_STR(err, "measure 'L090' of --metric does not appear in the input (nearest known: L091)");
	wf_bench_free(b);

	o = (wf_bench_opts){ .metric = "L090", .per = "HEADCOUNT+FLEX_UNITS" };
	b = wf_bench_new(&o, err, sizeof err);
	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS,
				 mkrow(&t, "year,institution,measure,value", 1), err, sizeof err), 0);
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019,C1,L090,1", 2), err, sizeof err), 0);
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019,C1,HEADCOUNT,1", 3), err, sizeof err), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), -1);
	CHECK_STR(err, "measure 'FLEX_UNITS' of --per does not appear in the input");
	wf_bench_free(b);

	{
		/* the lists' problems reach the metric that uses the item */
		static const char *const bad[] = {
			"ANNO;CODI_TIPO_VOCE_SPESA;CODI_VOCE_SPESA;FLAG_SEGNO",
			"2024;L;90;+", "2024;L;90;-", "2024;L;9x;+", "2024;L;91;?", "2024;L;92;+",
			NULL
		};
		const char *const *lists[] = { bad };
		wf_codes *codes = codes_of(lists, 1);
		static const struct { const char *metric, *err; } want[] = {
			{ "L092+L999", "measure 'L999' of --metric is not in the code list" },
			{ "L090", "conflicting FLAG_SEGNO for 'L090'" },
			{ "L092+L091", "bad FLAG_SEGNO '?'" },
		};
		for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
			o = (wf_bench_opts){ .metric = want[i].metric };
			b = wf_bench_new(&o, err, sizeof err);
			/* an unreadable sign stops at once, a missing item at the end */
			if (i == 0) {
				CHECK_INT(wf_bench_set_codes(b, codes, err, sizeof err), 0);
				CHECK_INT(wf_bench_finish(b, err, sizeof err), -1);
			} else {
				CHECK_INT(wf_bench_set_codes(b, codes, err, sizeof err), -1);
			}
			/* "FILE:LINE: why" for a flag, the measure otherwise */
			CHECK(strlen(err) >= strlen(want[i].err) &&
			      strcmp(err + strlen(err) - strlen(want[i].err), want[i].err) == 0);
			wf_bench_free(b);
		}
		CHECK(strstr(wf_codes_item_problem(codes, "L091"), "VoceSpesa.CSV:5: bad FLAG_SEGNO '?'") != NULL);
		CHECK(strstr(wf_codes_item_problem(codes, "L090"), "VoceSpesa.CSV:3: conflicting") != NULL);
		CHECK_INT(wf_codes_item_sign(codes, "L092"), 1);
		CHECK(wf_codes_item_problem(codes, "L092") == NULL);
		wf_codes_free(codes);
	}
	wf_bench_free(NULL);
}

/* An empty fact table has nothing to say about L090: an error, not an
 * empty success. */
static void test_empty(void)
{
	static const char *const facts[] = { "year,institution,measure,value", NULL };
	wf_bench_opts o = { .metric = "L090" };
	char err[256];
	wf_bench *b = wf_bench_new(&o, err, sizeof err);

	CHECK_INT(feed(b, WF_BENCH_FACTS, facts), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), -1);
	CHECK_STR(err, "measure 'L090' of --metric does not appear in the input");
	wf_bench_free(b);
}

/* A group of mostly zero spenders: 0 0 0 0 10. Median 0 and MAD 0, so
 * the scale falls back to 1.253314 x MeanAD (MeanAD = 10 / 5 = 2):
 * z(10) = 10 / 2.506628 = 3.99 > 3.5, an outlier; z(0) = 0. Ranks:
 * 0 -> (0 + 0.5 * 4) / 5 = 40 %, 10 -> (4 + 0.5) / 5 = 90 %. p90: h = 3.6,
 * 0 + 0.6 * 10 = 6. The gap in percent of a zero median is empty. A
 * group of only zeros has z 0 everywhere and no outlier. */
static void test_zero_groups(void)
{
	static const char *const facts[] = {
		"year,institution,measure,value",
		"2019,A,L090,0",
		"2019,B,L090,0",
		"2019,C,L090,0",
		"2019,D,L090,0",
		"2019,E,L090,10",
		"2020,A,L090,0",
		"2020,B,L090,0",
		NULL
	};
	wf_bench_opts o = { .metric = "L090", .min_peers = 2 };
	char err[256];
	wf_bench *b = wf_bench_new(&o, err, sizeof err);
	static sink s;

	CHECK_INT(feed(b, WF_BENCH_FACTS, facts), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	render(b, &s);
	CHECK_STR(s.text,
"year,institution,metric,peers,peer_mean,peer_median,peer_p25,peer_p75,peer_p90,peer_min,peer_max,pct_rank,robust_z,gap_median,gap_median_pct,gap_to_median_eur,gap_to_p25_eur,zero_share_pct,spenders,spender_median,spender_p25,spender_p75,spender_pct_rank,change,change_pct,cagr_pct,slope,flags,provenance\n"
"2019,A,0,5,2.00,0.00,0.00,0.00,6.00,0.00,10.00,40.00,0.00,0.00,,0.00,0.00,80.00,1,,,,,,,,0.00,zero|first_year|cagr_zero_start,metric=L090;per=;peers=;size_classes=;min_peers=2;codes=\n"
"2019,B,0,5,2.00,0.00,0.00,0.00,6.00,0.00,10.00,40.00,0.00,0.00,,0.00,0.00,80.00,1,,,,,,,,0.00,zero|first_year|cagr_zero_start,metric=L090;per=;peers=;size_classes=;min_peers=2;codes=\n"
"2019,C,0,5,2.00,0.00,0.00,0.00,6.00,0.00,10.00,40.00,0.00,0.00,,0.00,0.00,80.00,1,,,,,,,,,zero|first_year|cagr_no_end,metric=L090;per=;peers=;size_classes=;min_peers=2;codes=\n"
"2019,D,0,5,2.00,0.00,0.00,0.00,6.00,0.00,10.00,40.00,0.00,0.00,,0.00,0.00,80.00,1,,,,,,,,,zero|first_year|cagr_no_end,metric=L090;per=;peers=;size_classes=;min_peers=2;codes=\n"
"2019,E,10,5,2.00,0.00,0.00,0.00,6.00,0.00,10.00,90.00,3.99,10.00,,0.00,0.00,80.00,1,,,,,,,,,outlier|first_year|cagr_no_end,metric=L090;per=;peers=;size_classes=;min_peers=2;codes=\n"
"2020,A,0,2,0.00,0.00,0.00,0.00,0.00,0.00,0.00,50.00,0.00,0.00,,0.00,0.00,100.00,0,,,,,0.00,,,0.00,zero|cagr_zero_start,metric=L090;per=;peers=;size_classes=;min_peers=2;codes=\n"
"2020,B,0,2,0.00,0.00,0.00,0.00,0.00,0.00,0.00,50.00,0.00,0.00,,0.00,0.00,100.00,0,,,,,0.00,,,0.00,zero|cagr_zero_start,metric=L090;per=;peers=;size_classes=;min_peers=2;codes=\n");
	wf_bench_free(b);
}

/* The radix sort of wf_bench_finish against a plain comparison sort:
 * ascending by key, and stable (equal keys keep their order). */
static int cmp_pair(const void *a, const void *b)
{
	const uint64_t *x = a, *y = b;
	return x[0] != y[0] ? (x[0] < y[0] ? -1 : 1) : (x[1] > y[1]) - (x[1] < y[1]);
}

static void test_radix(void)
{
	enum { N = 5000 };
	static uint64_t key[N], tk[N], pairs[N][2];
	static uint32_t idx[N], tx[N];
	unsigned bits_cases[] = { 1, 7, 8, 13, 33, 64 };
	uint64_t x = 88172645463325252ull;

	for (size_t c = 0; c < sizeof bits_cases / sizeof *bits_cases; c++) {
		unsigned bits = bits_cases[c];
		uint64_t mask = bits == 64 ? ~0ull : (1ull << bits) - 1;
		int ok = 1;
		for (size_t i = 0; i < N; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			/* few distinct values in the low digits: many ties */
			key[i] = (x % 3 ? x : x & 0x3f0f) & mask;
			idx[i] = (uint32_t)i;
			pairs[i][0] = key[i];
			pairs[i][1] = i;
		}
		qsort(pairs, N, sizeof pairs[0], cmp_pair);
		wf_bench_radix(key, idx, tk, tx, N, bits);
		for (size_t i = 0; i < N; i++)
			ok &= key[i] == pairs[i][0] && idx[i] == pairs[i][1];
		CHECK(ok);
	}
	wf_bench_radix(key, idx, tk, tx, 0, 64); /* nothing to sort */
}

/* Output, peer groups and series come in text order of institutions and
 * group values (strcmp: "C10" before "C9", "" first), whatever order
 * the facts come in and however many there are: every row of the
 * output checked against its predecessor, every peer count against
 * the records of its group. */
static void test_orders(void)
{
	wf_bench_opts o = { .metric = "L090", .group = "institution_type,region", .min_peers = 1 };
	char err[256], line[256], prevkey[256] = "";
	wf_bench *b = wf_bench_new(&o, err, sizeof err);
	static const char *const types[] = { "C", "P", "", "R", "CM" };
	static const char *const regions[] = { "01", "", "12", "3", "20", "02" };
	trow t;
	unsigned x = 12345, n = 0;
	size_t ng = 0;
	int sorted = 1, peers_ok = 1;

	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS,
				 mkrow(&t, "year,institution,institution_type,region,measure,value", 1),
				 err, sizeof err), 0);
	for (int i = 0; i < 3000; i++) {
		unsigned inst, year;
		x = x * 1103515245u + 12345u;
		inst = (x >> 8) % 700;
		year = 2001 + (x >> 20) % 5;
		/* the type and region of an institution are fixed, most years */
		snprintf(line, sizeof line, "%u,C%u,%s,%s,%s,%u", year, inst,
			 types[inst % 5], regions[(inst / 5 + (year == 2003 && inst % 7 == 0)) % 6],
			 (x >> 4) % 3 ? "L090" : "A015", (x >> 12) % 1000);
		if (wf_bench_row(b, mkrow(&t, line, i + 2), err, sizeof err) == 0)
			n++;
	}
	CHECK(n > 2000); /* the rest repeat an earlier fact */
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	for (size_t i = 0; i < wf_bench_nrows(b); i++) {
		const rec *r = &b->recs[b->order[i]];
		char k[256];
		/* period, then institution, then group values, as text */
		snprintf(k, sizeof k, "%04d\x01%s\x01%s\x01%s", r->k.period, r->k.inst,
			 r->k.gv[0], r->k.gv[1]);
		sorted &= strcmp(prevkey, k) < 0;
		snprintf(prevkey, sizeof prevkey, "%s", k);
	}
	CHECK(sorted);
	for (size_t i = 0; i < b->nrecs; i++) {
		const rec *r = &b->recs[i];
		size_t same = 0;
		for (size_t j = 0; j < b->nrecs; j++)
			same += b->recs[j].k.period == r->k.period && b->recs[j].k.gv == r->k.gv;
		peers_ok &= b->groups[r->group].n == same;
		ng += r->first;
	}
	CHECK(peers_ok);
	CHECK(ng > 0 && ng < b->nrecs); /* series span several years */
	wf_bench_free(b);
}

/* Facts that only look alike (same contract and measure, periods and
 * institutions close together) are never taken for repeats: 100,000
 * distinct ones all go in, and one fact given again is refused. */
static void test_no_false_repeats(void)
{
	wf_bench_opts o = { .metric = "L090" };
	char err[256], line[128];
	wf_bench *b = wf_bench_new(&o, err, sizeof err);
	trow t;
	int refused = 0;

	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS,
				 mkrow(&t, "year,institution,contract,measure,value", 1), err, sizeof err), 0);
	for (int i = 0; i < 100000; i++) {
		snprintf(line, sizeof line, "%d,C%d,RALN,L090,1", 1990 + i % 100, i / 100);
		refused += wf_bench_row(b, mkrow(&t, line, i + 2), err, sizeof err) != 0;
	}
	CHECK_INT(refused, 0);
	CHECK(wf_bench_row(b, mkrow(&t, "2003,C500,RALN,L090,1", 100002), err, sizeof err) != 0);
	CHECK_STR(err, "duplicate of line 50015 (same period, institution, contract and measure; "
		  "see --sum-duplicates)");
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2003,C500,SEGR,L090,1", 100003), err, sizeof err), 0);
	wf_bench_free(b);
}

/* The whole output as one growing text. */
typedef struct bigsink {
	char *text;
	size_t len, cap, ncols, rows;
} bigsink;

static int collect_big(void *ctx, const char *const *vals)
{
	bigsink *s = ctx;
	for (size_t i = 0; i < s->ncols; i++) {
		size_t n = vals[i] ? strlen(vals[i]) : 0;
		if (s->len + n + 2 > s->cap) {
			s->cap = (s->len + n + 2) * 2;
			s->text = realloc(s->text, s->cap);
		}
		memcpy(s->text + s->len, vals[i] ? vals[i] : "", n);
		s->len += n;
		s->text[s->len++] = i + 1 < s->ncols ? ',' : '\n';
	}
	s->rows++;
	return 0;
}

/* wf_bench_read and wf_bench_emit with threads (the rows read ahead,
 * the output made a chunk ahead) give what one thread gives, for peers
 * and summaries; a callback that stops early stops the output there. */
static int stop_at_5(void *ctx, const char *const *vals)
{
	(void)vals;
	return ++*(int *)ctx == 5 ? 7 : 0;
}

static void test_threads_same_output(void)
{
	static const wf_reader_opts ro;
	size_t cap = 1 << 20, len = 0;
	char *text = malloc(cap);
	bigsink out[2][2];

	memset(out, 0, sizeof out);
	len += (size_t)snprintf(text + len, cap - len,
				"year,institution,institution_type,region,measure,value\n");
	for (unsigned i = 0; i < 9000; i++)
		len += (size_t)snprintf(text + len, cap - len, "%u,C%u,%s,%02u,%s,%u.%02u\n",
					2015 + i % 6, i / 6, i % 9 ? "C" : "P", i / 6 % 7,
					i % 2 ? "L090" : "HEADCOUNT", i * 7919 % 5000, i % 100);
	for (int summary = 0; summary < 2; summary++) {
		for (int t = 0; t < 2; t++) {
			wf_bench_opts o = { .metric = "L090", .per = "HEADCOUNT", .min_peers = 2,
					    .group = summary ? "region" : "institution_type,region",
					    .summary = summary, .threads = t ? 2 : 1 };
			char err[256];
			wf_bench *b = wf_bench_new(&o, err, sizeof err);
			wf_reader *r = wf_reader_new(wf_src_mem("t", text, len, 0), &ro);
			unsigned long rows = 0, rejected = 0;
			int seen = 0;
			CHECK_INT(wf_bench_read(b, WF_BENCH_FACTS, r, NULL, &rows, &rejected), 0);
			CHECK_INT(rows, 9000);
			CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
			out[summary][t].ncols = wf_bench_columns(b, NULL, NULL);
			CHECK_INT(wf_bench_emit(b, collect_big, &out[summary][t]), 0);
			CHECK_INT(out[summary][t].rows, wf_bench_nrows(b));
			CHECK_INT(wf_bench_emit(b, stop_at_5, &seen), 7);
			CHECK_INT(seen, 5);
			wf_reader_free(r);
			wf_bench_free(b);
		}
		CHECK(out[summary][0].rows > (summary ? 40 : 5000));
		CHECK(out[summary][0].len == out[summary][1].len &&
		      memcmp(out[summary][0].text, out[summary][1].text, out[summary][0].len) == 0);
		free(out[summary][0].text);
		free(out[summary][1].text);
	}
	free(text);
}

/* Options refused before any input, beyond test_option_errors: each
 * with its message. */
static void test_option_errors_more(void)
{
	char many[400] = "", err[256];
	wf_bench *b;

	/* 33 measures: more than a metric can sum */
	for (int i = 0; i < 33; i++)
		snprintf(many + strlen(many), sizeof many - strlen(many), "%sM%d", i ? "+" : "", i);
	expect_new_error((wf_bench_opts){ .metric = many }, "invalid --metric 'M0+M1+M2+M3+M4+M5+M6+M7+M8+M9+M10+M11+M12+M13+M14+M15+M16+M17+M18+M19+M20+M21+M22+M23+M24+M25+M26+M27+M28+M29+M30+M31+M32'");
	expect_new_error((wf_bench_opts){ .metric = "L090", .period_col = "" }, "invalid --period ''");
	expect_new_error((wf_bench_opts){ .metric = "L090", .keep = "region", .summary = 1 },
			 "--keep does not go with --summary");
	expect_new_error((wf_bench_opts){ .metric = "L090", .keep = "a,,b" }, "invalid --keep 'a,,b'");
	expect_new_error((wf_bench_opts){ .metric = "L090", .keep = "a,a" },
			 "column 'a' appears twice in --keep");
	expect_new_error((wf_bench_opts){ .metric = "L090", .has_change_threshold = 1,
					  .change_threshold = -1 },
			 "invalid --change-threshold (a percentage >= 0)");
	expect_new_error((wf_bench_opts){ .metric = "L090", .has_change_threshold = 1,
					  .change_threshold = NAN },
			 "invalid --change-threshold (a percentage >= 0)");
	/* size classes: a bound past 100,000,000 heads, text after a bound,
	 * a missing dash, an open class before the last */
	expect_new_error((wf_bench_opts){ .metric = "L090", .size_classes = "1-99999999999" },
			 "invalid --size-classes '1-99999999999'");
	expect_new_error((wf_bench_opts){ .metric = "L090", .size_classes = "1-9x" },
			 "invalid --size-classes '1-9x'");
	expect_new_error((wf_bench_opts){ .metric = "L090", .size_classes = "1" },
			 "invalid --size-classes '1'");
	expect_new_error((wf_bench_opts){ .metric = "L090", .size_classes = "-9" },
			 "invalid --size-classes '-9'");
	{
		/* 33 classes: more than the engine keeps */
		char cls[400] = "";
		for (int i = 0; i < 33; i++)
			snprintf(cls + strlen(cls), sizeof cls - strlen(cls), "%s%d-%d", i ? "," : "", i, i);
		b = wf_bench_new(&(wf_bench_opts){ .metric = "L090", .size_classes = cls }, err, sizeof err);
		CHECK(b == NULL);
		CHECK(strncmp(err, "invalid --size-classes '0-0,1-1,", 32) == 0);
	}
	/* a named indicator keeps an explicit scale and --per */
	b = wf_bench_new(&(wf_bench_opts){ .metric = "telework_share", .per = "FLEX_UNITS",
					   .scale = 1000 }, err, sizeof err);
	CHECK(b != NULL);
	wf_bench_free(b);
}

/* Headers refused when a table is announced. */
static void test_table_errors(void)
{
	wf_bench_opts o = { .metric = "L090", .keep = "region,note" };
	char err[256];
	trow t;
	wf_bench *b = wf_bench_new(&o, err, sizeof err);

	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS, mkrow(&t, "year,institution,institution_name,"
				 "measure,value,institution_name", 1), err, sizeof err), -1);
	CHECK_STR(err, "column 'institution_name' appears twice");
	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS, mkrow(&t, "year,institution,contract,measure,"
				 "value,contract", 1), err, sizeof err), -1);
	CHECK_STR(err, "column 'contract' appears twice");
	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS, mkrow(&t, "year,institution,measure,value,"
				 "region,note,note", 1), err, sizeof err), -1);
	CHECK_STR(err, "column 'note' appears twice");
	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS, mkrow(&t, "year,institution,measure,value,region", 1),
				 err, sizeof err), -1);
	CHECK_STR(err, "no column 'note' for --keep");
	/* a kept column the header names and one it lacks: region is asked
	 * for, so it is not a default one that may be absent */
	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS, mkrow(&t, "year,institution,measure,value,note", 1),
				 err, sizeof err), -1);
	CHECK_STR(err, "no column 'region' for --keep");
	/* a baseline before the facts ended */
	CHECK_INT(wf_bench_table(b, WF_BENCH_BASELINE, mkrow(&t, "year,institution,metric,provenance", 1),
				 err, sizeof err), -1);
	CHECK_STR(err, "baseline before the end of the input");
	wf_bench_free(b);

	/* --keep cannot name what the output has already */
	static const char *const taken[] = { "institution", "institution_name", "measure", "value",
					     "provenance", "year", "region" };
	for (size_t i = 0; i < sizeof taken / sizeof *taken; i++) {
		char want[128];
		o = (wf_bench_opts){ .metric = "L090", .keep = taken[i], .group = "region" };
		b = wf_bench_new(&o, err, sizeof err);
		CHECK(b != NULL);
		CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS, mkrow(&t, "year,institution,region,measure,value", 1),
					 err, sizeof err), -1);
		snprintf(want, sizeof want, "column '%s' cannot be used in --keep (it is in the output already)",
			 taken[i]);
		CHECK_STR(err, want);
		wf_bench_free(b);
	}

	/* after the end: no more facts, and a baseline's header problems */
	o = (wf_bench_opts){ .metric = "L090" };
	b = wf_bench_new(&o, err, sizeof err);
	CHECK_INT(feed(b, WF_BENCH_FACTS, (const char *const[]){ "year,institution,measure,value",
							      "2019,C1,L090,1", NULL }), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0); /* twice is once */
	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS, mkrow(&t, "year,institution,measure,value", 1),
				 err, sizeof err), -1);
	CHECK_STR(err, "facts after the end of the input");
	CHECK_INT(wf_bench_table(b, WF_BENCH_BASELINE, mkrow(&t, "year,institution,metric,provenance,"
				 "provenance", 1), err, sizeof err), -1);
	CHECK_STR(err, "column 'provenance' appears twice in the baseline");
	CHECK_INT(wf_bench_table(b, WF_BENCH_BASELINE, mkrow(&t, "year,institution,metric,provenance,"
				 "pct_rank,pct_rank", 1), err, sizeof err), -1);
	CHECK_STR(err, "column 'pct_rank' appears twice in the baseline");
	/* rows of a facts table announced as such after the end */
	CHECK_INT(wf_bench_table(b, WF_BENCH_BASELINE, mkrow(&t, "year,institution,metric,provenance", 1),
				 err, sizeof err), 0);
	wf_bench_free(b);
}

/* Rows refused one by one, besides test_data_errors. */
static void test_row_errors(void)
{
	wf_bench_opts o = { .metric = "L090", .per = "HEADCOUNT", .size_classes = "1-9,10-" };
	char err[256];
	trow t;
	wf_bench *b = wf_bench_new(&o, err, sizeof err);

	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS, mkrow(&t, "year,institution,measure,value", 1),
				 err, sizeof err), 0);
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019,C1,,1", 2), err, sizeof err), -1);
	CHECK_STR(err, "empty measure");
	CHECK_INT(wf_bench_row(b, mkrow(&t, "1989,C1,L090,1", 2), err, sizeof err), -1);
	CHECK_STR(err, "period '1989' is outside the years 1990-2099");
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019-1x,C1,L090,1", 2), err, sizeof err), -1);
	CHECK_STR(err, "bad period '2019-1x' (expected YYYY or YYYY-MM)");
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019-00,C1,L090,1", 2), err, sizeof err), -1);
	CHECK_STR(err, "bad period '2019-00' (expected YYYY or YYYY-MM)");
	/* a row shorter than the header: its value is missing */
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019,C1,L090", 2), err, sizeof err), -1);
	CHECK_STR(err, "missing value");
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019,C1,L090,7", 2), err, sizeof err), 0);
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019,C1,L090,-1", 3), err, sizeof err), -1);
	CHECK_STR(err, "duplicate of line 2 (same period, institution, contract and measure; see --sum-duplicates)");
	wf_bench_free(b);

	/* sums hold 28 digits: nine 1111111111111111111111111111 fit,
	 * the tenth of one record is the one that overflows */
	b = wf_bench_new(&o, err, sizeof err);
	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS, mkrow(&t, "year,institution,contract,measure,value", 1),
				 err, sizeof err), 0);
	for (const char *m = "L090"; m; m = strcmp(m, "L090") == 0 ? "HEADCOUNT" : NULL) {
		char line[128], want[64];
		for (int i = 0; i < 9; i++) {
			snprintf(line, sizeof line, "2019,C1,K%d,%s,1111111111111111111111111111", i, m);
			CHECK_INT(wf_bench_row(b, mkrow(&t, line, i + 2), err, sizeof err), 0);
		}
		snprintf(line, sizeof line, "2019,C1,K9,%s,1111111111111111111111111111", m);
		CHECK_INT(wf_bench_row(b, mkrow(&t, line, 11), err, sizeof err), -1);
		snprintf(want, sizeof want, "sum of '%s' overflows", m);
		CHECK_STR(err, want);
	}
	/* monthly after yearly, and yearly after monthly */
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019-02,C1,K0,L090,1", 12), err, sizeof err), -1);
	CHECK_STR(err, "period '2019-02' is monthly but earlier periods are yearly");
	wf_bench_free(b);
	b = wf_bench_new(&o, err, sizeof err);
	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS, mkrow(&t, "month,institution,measure,value", 1),
				 err, sizeof err), -1);
	CHECK_STR(err, "no column 'year'");
	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS, mkrow(&t, "year,institution,measure,value", 1),
				 err, sizeof err), 0);
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019-02,C1,L090,1", 2), err, sizeof err), 0);
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019,C1,L090,1", 3), err, sizeof err), -1);
	CHECK_STR(err, "period '2019' is yearly but earlier periods are monthly");
	wf_bench_free(b);

	/* the denominator's own sum (no size classes: HEADCOUNT is only per) */
	o = (wf_bench_opts){ .metric = "L090", .per = "HEADCOUNT", .sum_duplicates = 1 };
	b = wf_bench_new(&o, err, sizeof err);
	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS, mkrow(&t, "year,institution,measure,value", 1),
				 err, sizeof err), 0);
	for (int i = 0; i < 9; i++)
		CHECK_INT(wf_bench_row(b, mkrow(&t, "2019,C1,HEADCOUNT,1111111111111111111111111111", i + 2),
				       err, sizeof err), 0);
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019,C1,HEADCOUNT,1111111111111111111111111111", 11), err, sizeof err), -1);
	CHECK_STR(err, "sum of 'HEADCOUNT' overflows");
	wf_bench_free(b);
}

/* Bodies outside every size class: under the first bound, over a closed
 * last class, and without HEADCOUNT; all have an empty size_class and
 * are peers of one another. */
static void test_size_class_edges(void)
{
	static const char *const facts[] = {
		"year,institution,measure,value",
		"2019,A,L090,10", "2019,A,HEADCOUNT,0",
		"2019,B,L090,20", "2019,B,HEADCOUNT,5",
		"2019,C,L090,30", "2019,C,HEADCOUNT,60",
		"2019,D,L090,40",
		NULL
	};
	wf_bench_opts o = { .metric = "L090", .size_classes = "1-9,10-49", .min_peers = 1 };
	char err[256];
	wf_bench *b = wf_bench_new(&o, err, sizeof err);
	static sink s;

	CHECK_INT(feed(b, WF_BENCH_FACTS, facts), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	render(b, &s);
	/* B alone in 1-9; A (0 heads), C (60) and D (none) share no class */
	CHECK(strstr(s.text, "\n2019,A,,10,3,") != NULL);
	CHECK(strstr(s.text, "\n2019,B,1-9,20,1,") != NULL);
	CHECK(strstr(s.text, "\n2019,C,,30,3,") != NULL);
	CHECK(strstr(s.text, "\n2019,D,,40,3,") != NULL);
	wf_bench_free(b);
}

/* "nearest known" lists at most five codes in order; a code longer than
 * any measure gets no suggestion. */
static void test_missing_measure(void)
{
	static const char *const facts[] = {
		"year,institution,measure,value",
		"2019,A,L097,1", "2019,A,L093,1", "2019,A,L091,1", "2019,A,L096,1",
		"2019,A,L092,1", "2019,A,L095,1", "2019,A,L094,1", "2019,A,X,1",
		"2019,A,ABCDEFGHIJKLMNOPQRSTU,1",
		NULL
	};
	char err[256];
	wf_bench *b = wf_bench_new(&(wf_bench_opts){ .metric = "L090" }, err, sizeof err);

	CHECK_INT(feed(b, WF_BENCH_FACTS, facts), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), -1);
	CHECK_STR(err, "measure 'L090' of --metric does not appear in the input "
		  "(nearest known: L091, L092, L093, L094, L095)");
	wf_bench_free(b);
	b = wf_bench_new(&(wf_bench_opts){ .metric = "ABCDEFGHIJKLMNOPQRST" }, err, sizeof err);
	CHECK_INT(feed(b, WF_BENCH_FACTS, facts), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), -1);
	CHECK_STR(err, "measure 'ABCDEFGHIJKLMNOPQRST' of --metric does not appear in the input");
	wf_bench_free(b);
}

/* Baseline rows refused, and a baseline of over 1,024 rows (the table
 * grows) read right. */
static void test_baseline_rows(void)
{
	static const char *const facts[] = {
		"year,institution,measure,value", "2019,C1,L090,10", "2019,C2,L090,20", NULL
	};
	wf_bench_opts o = { .metric = "L090", .min_peers = 1 };
	char err[512], line[256];
	const char *prov = "metric=L090;per=;peers=;size_classes=;min_peers=1;codes=";
	wf_bench *b = wf_bench_new(&o, err, sizeof err);
	static sink s;
	trow t;

	CHECK_INT(feed(b, WF_BENCH_FACTS, facts), 0);
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	CHECK_INT(wf_bench_table(b, WF_BENCH_BASELINE, mkrow(&t, "year,institution,metric,pct_rank,provenance", 1),
				 err, sizeof err), 0);
	static const struct { const char *row, *err; } bad[] = {
		{ "20x8,C1,1,50,", "bad period '20x8' (expected YYYY or YYYY-MM)" },
		{ "2018,,1,50,", "empty institution" },
		{ "2018,C1,1x,50,", "bad value '1x': not a number" },
		{ "2018,C1,1,5o,", "bad value '5o': not a number" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		snprintf(line, sizeof line, "%s%s", bad[i].row, prov);
		CHECK_INT(wf_bench_row(b, mkrow(&t, line, 2), err, sizeof err), -1);
		CHECK_STR(err, bad[i].err);
	}
	/* the same definition in another key order is the same */
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2018,C1,5,,per=;metric=L090;peers=;size_classes=;min_peers=1;codes=", 2),
			       err, sizeof err), 0);
	for (int i = 0; i < 1100; i++) {
		snprintf(line, sizeof line, "2018,X%04d,1,50,%s", i, prov);
		CHECK_INT(wf_bench_row(b, mkrow(&t, line, i + 3), err, sizeof err), 0);
	}
	snprintf(line, sizeof line, "2018,C1,1,50,%s", prov);
	CHECK_INT(wf_bench_row(b, mkrow(&t, line, 9999), err, sizeof err), -1);
	CHECK_STR(err, "duplicate row for 'C1' in the baseline");
	render(b, &s);
	/* C1 10 against 5: +5, +100 % */
	CHECK(strstr(s.text, "\n2019,C1,10,") != NULL);
	CHECK(strstr(s.text, ",2018,5.00,5.00,100.00,,") != NULL);
	wf_bench_free(b);

	/* facts of no period kind: the baseline decides nothing either */
	b = wf_bench_new(&o, err, sizeof err);
	CHECK_INT(wf_bench_table(b, WF_BENCH_BASELINE, mkrow(&t, "year,institution,metric,provenance", 1),
				 err, sizeof err), -1);
	wf_bench_free(b);
}

/* More than 128 peer groups and kept tuples: the shared-tuple tables
 * grow and every record keeps its own values. */
static void test_many_groups(void)
{
	char err[256], line[128];
	wf_bench *b = wf_bench_new(&(wf_bench_opts){ .metric = "L090", .group = "region",
						     .keep = "note", .min_peers = 1 }, err, sizeof err);
	static sink s;
	trow t;

	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS, mkrow(&t, "year,institution,region,note,measure,value", 1),
				 err, sizeof err), 0);
	for (int i = 0; i < 300; i++) {
		snprintf(line, sizeof line, "2019,C%03d,R%03d,N%03d,L090,%d", i, i, i, i);
		CHECK_INT(wf_bench_row(b, mkrow(&t, line, i + 2), err, sizeof err), 0);
	}
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	CHECK_INT(wf_bench_nrows(b), 300);
	/* rows one at a time (all 300 would not fit the sink), which stop
	 * before the provenance cell */
	s.ncols = wf_bench_columns(b, NULL, NULL) - 1;
	for (size_t i = 0; i < 300; i += 149) {
		char want[64];
		s.len = 0;
		CHECK_INT(wf_bench_emit_one(b, i, collect, &s), 0);
		/* kept columns before the peer columns */
		snprintf(want, sizeof want, "2019,C%03zu,N%03zu,R%03zu,%zu,1,", i, i, i, i);
		CHECK(strncmp(s.text, want, strlen(want)) == 0);
	}
	wf_bench_free(b);
}

static int never(void *ctx, const char *const *vals)
{
	(void)ctx;
	(void)vals;
	return 1;
}

/* Output corners: nothing before wf_bench_finish, emit_one's refusals,
 * group totals past 28 digits written empty, a baseline of 0 flags any move as changed, a callback's stop. */
static void test_output_edges(void)
{
	wf_bench_opts o = { .metric = "L090", .per = "HEADCOUNT", .group = "region", .summary = 1 };
	char err[256], line[128];
	wf_bench *b = wf_bench_new(&o, err, sizeof err);
	static sink s;
	trow t;

	CHECK_INT(wf_bench_nrows(b), 0);
	CHECK_INT(wf_bench_emit(b, collect, &s), -1);
	CHECK_INT(wf_bench_emit_one(b, 0, collect, &s), -1);
	CHECK_INT(wf_bench_table(b, WF_BENCH_FACTS, mkrow(&t, "year,institution,region,measure,value", 1),
				 err, sizeof err), 0);
	/* ten bodies of 1.1e27 each: their total does not fit 28 digits;
	 * 1e20 employees each keep the per-employee values (1.1e7) within
	 * what the statistics print (10^13) */
	for (int i = 0; i < 10; i++) {
		snprintf(line, sizeof line, "2019,C%d,01,L090,1111111111111111111111111111", i);
		CHECK_INT(wf_bench_row(b, mkrow(&t, line, 2 * i + 2), err, sizeof err), 0);
		snprintf(line, sizeof line, "2019,C%d,01,HEADCOUNT,100000000000000000000", i);
		CHECK_INT(wf_bench_row(b, mkrow(&t, line, 2 * i + 3), err, sizeof err), 0);
	}
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	CHECK_INT(wf_bench_nrows(b), 1);
	CHECK_INT(wf_bench_emit_one(b, 0, collect, &s), -1); /* not in summary mode */
	render(b, &s);
	/* institutions 10; metric_total empty, and with it the totals'
	 * denominator and ratio; every body at the median: no gap */
	CHECK(strstr(s.text, "\n2019,01,10,,,0,,11111111.11,11111111.11,0.00,10,11111111.11,0.00,0.00,metric=") != NULL);
	CHECK_INT(wf_bench_emit(b, never, NULL), 1);
	wf_bench_free(b);

	/* a baseline of 0: any move is a change, whatever the threshold */
	{
		static const char *const facts[] = {
			"year,institution,measure,value", "2019,C1,L090,5", "2019,C2,L090,0", NULL
		};
		static const char *const base[] = {
			"year,institution,metric,pct_rank,provenance",
			"2018,C1,0,,metric=L090;per=;peers=;size_classes=;min_peers=1;codes=",
			"2018,C2,0,,metric=L090;per=;peers=;size_classes=;min_peers=1;codes=",
			NULL
		};
		o = (wf_bench_opts){ .metric = "L090", .min_peers = 1, .has_change_threshold = 1,
				     .change_threshold = 1000 };
		b = wf_bench_new(&o, err, sizeof err);
		CHECK_INT(feed(b, WF_BENCH_FACTS, facts), 0);
		CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
		CHECK_INT(wf_bench_emit_one(b, 2, collect, &s), -1); /* past the last row */
		CHECK_INT(feed(b, WF_BENCH_BASELINE, base), 0);
		render(b, &s);
		/* C1 5 from 0: +5, no percentage, changed; C2 0 from 0: no change */
		CHECK(strstr(s.text, ",2018,0.00,5.00,,,first_year|changed,") != NULL);
		CHECK(strstr(s.text, ",2018,0.00,0.00,,,zero|first_year,") != NULL);
		wf_bench_free(b);
	}
}

/* API order and corner cases: code lists after facts, facts after the
 * end, undated lists in the provenance, a baseline with no rows, and
 * the warning about peer columns empty on every row. */
static void test_api_order(void)
{
	static const char *const facts[] = {
		"year,institution,note,measure,value", "2019,C1,,L090,5", "2019,C2,,L090,7", NULL
	};
	char err[256];
	wf_bench_opts o = { .metric = "L090", .group = "note", .min_peers = 1 };
	wf_bench *b = wf_bench_new(&o, err, sizeof err);
	wf_codes *codes = wf_codes_new();
	char dir[] = "/tmp/wf_test_undated_XXXXXX", path[64];
	static sink s;
	trow t;
	FILE *f;

	/* a VoceSpesa without ANNO: lists of no year */
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/VoceSpesa.CSV", dir);
	f = fopen(path, "w");
	fputs("CODI_TIPO_VOCE_SPESA;CODI_VOCE_SPESA;FLAG_SEGNO\nL;90;+\n", f);
	fclose(f);
	CHECK_INT(wf_codes_load_items(codes, dir), 0);
	unlink(path);
	rmdir(dir);

	CHECK_INT(wf_bench_warn_empty_groups(b), 0); /* not finished: nothing to say */
	CHECK_INT(wf_bench_set_codes(b, codes, err, sizeof err), 0);
	CHECK_INT(feed(b, WF_BENCH_FACTS, facts), 0);
	CHECK_INT(wf_bench_set_codes(b, codes, err, sizeof err), -1);
	CHECK_STR(err, "code list after the facts");
	CHECK_INT(wf_bench_finish(b, err, sizeof err), 0);
	CHECK_INT(wf_bench_row(b, mkrow(&t, "2019,C3,,L090,1", 9), err, sizeof err), -1);
	CHECK_STR(err, "facts after the end of the input");
	/* note is empty everywhere, and no option fills it: no hint */
	fprintf(stderr, "(a warning about column 'note' is expected next)\n");
	CHECK_INT(wf_bench_warn_empty_groups(b), 1);
	/* a baseline of a header alone: no baseline values */
	CHECK_INT(feed(b, WF_BENCH_BASELINE, (const char *const[]){
		"year,institution,note,metric,provenance", NULL }), 0);
	render(b, &s);
	CHECK(strstr(s.text, "\n2019,C1,,5,2,") != NULL);
	CHECK(strstr(s.text, ",,,,,,first_year,metric=L090;per=;peers=note;size_classes=;min_peers=1;codes=undated\n") != NULL);
	wf_bench_free(b);
	wf_codes_free(codes);
}

WF_TEST_MAIN(test_benchmark, test_summary, test_size_classes,
	     test_outlier_and_signs, test_signs_per_year, test_monthly, test_baseline,
	     test_baseline_definition,
	     test_option_errors, test_data_errors, test_empty,
	     test_zero_groups, test_option_errors_more, test_table_errors, test_row_errors,
	     test_size_class_edges, test_missing_measure, test_baseline_rows, test_many_groups,
	     test_output_edges, test_api_order, test_radix, test_orders, test_no_false_repeats,
	     test_threads_same_output)
