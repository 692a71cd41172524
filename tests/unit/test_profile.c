/* wf_indicators and wf_profile (wf-benchmark --profile), and the named
 * indicators in the wf_bench engine. Expected figures worked out by hand
 * next to each check. */
#include <unistd.h>

#include "wf_bench.h"
#include "wf_indicators.h"
#include "wf_io.h"
#include "wf_profile.h"
#include "wf_test.h"

static void test_indicators(void)
{
	const wf_indicator *t = wf_indicator_find("telework_share");
	size_t nprof = 0;

	CHECK(t != NULL);
	CHECK_STR(t->metric, "TELEWORK");
	CHECK_STR(t->per, "HEADCOUNT");
	CHECK_NEAR(t->scale, 100, 0);
	CHECK(wf_indicator_find("welfare_core")->per == NULL);
	CHECK(wf_indicator_find("nonsense") == NULL);
	for (size_t i = 0; i < wf_indicator_count(); i++)
		nprof += wf_indicator_at(i)->profile;
	CHECK_INT(nprof, 12);
	CHECK(wf_indicator_at(wf_indicator_count()) == NULL);
}

/* Facts of three comuni: C1 40 teleworkers of 200 heads (20 %), C2 5 of
 * 50 (10 %), C3 none of 100 (0 %); women 100, 10, 60 -> 50, 20, 60 %. */
static const char facts[] =
	"year,institution,institution_type,measure,value\n"
	"2022,C1,C,HEADCOUNT,200\n2022,C1,C,HEADCOUNT_WOMEN,100\n2022,C1,C,TELEWORK,40\n"
	"2022,C2,C,HEADCOUNT,50\n2022,C2,C,HEADCOUNT_WOMEN,10\n2022,C2,C,TELEWORK,5\n"
	"2022,C3,C,HEADCOUNT,100\n2022,C3,C,HEADCOUNT_WOMEN,60\n2022,C3,C,TELEWORK,0\n";

static char *run_profile(const char *in, char *err, size_t errsz, size_t *ndropped)
{
	char ipath[] = "/tmp/wf-test-profile-in.XXXXXX", opath[] = "/tmp/wf-test-profile-out.XXXXXX";
	int fi = mkstemp(ipath), fo = mkstemp(opath);
	wf_profile_opts po = { NULL, "institution_type", NULL, 2, WF_DEC_POINT };
	wf_profile *p = wf_profile_new(&po, err, errsz);
	unsigned long rows = 0, rejected = 0;
	wf_reader_opts ro = { 0 };
	wf_reader *r;
	wf_out *out;
	char *text = NULL;
	FILE *f;

	CHECK(fi >= 0 && fo >= 0 && p != NULL);
	CHECK_INT(write(fi, in, strlen(in)), (long long)strlen(in));
	close(fi);
	close(fo);
	r = wf_reader_new(wf_src_open(ipath), &ro);
	CHECK_INT(wf_profile_read(p, r, NULL, &rows, &rejected), 0);
	wf_reader_free(r);
	CHECK_INT(rows, 9);
	if (wf_profile_finish(p, err, errsz) == 0) {
		*ndropped = wf_profile_ndropped(p);
		out = wf_out_open(opath);
		CHECK_INT(wf_profile_write(p, out, WF_FMT_CSV, 0), 0);
		CHECK_INT(wf_out_close(out, 1), 0);
		f = fopen(opath, "rb");
		text = calloc(1, 8192);
		CHECK_INT(fread(text, 1, 8191, f) > 0, 1);
		fclose(f);
	}
	wf_profile_free(p);
	unlink(ipath);
	unlink(opath);
	return text;
}

static void test_profile_rows(void)
{
	char err[512];
	size_t nd = 0;
	const char *why;
	char *text = run_profile(facts, err, sizeof err, &nd);
	wf_profile_opts po = { NULL, NULL, NULL, 0, WF_DEC_POINT };
	wf_profile *p;

	CHECK(text != NULL);
	if (!text)
		return;
	/* welfare_core, training, telework_women, shifts, on call and the
	 * four absences lack measures: women_share and telework_share stay */
	CHECK_INT(nd, 10);
	CHECK(strstr(text, "year,institution,institution_type,indicator,unit,metric,denominator,"
			   "value,peers,peer_median,peer_p25,peer_p75,peer_min,peer_max,pct_rank,"
			   "quartile,flags\n") == text);
	/* telework 20, 10, 0 %: C1 highest, mid-rank 100 * 2.5 / 3 = 83.33, Q4;
	 * C3 lowest 16.67, Q1; C2 50.00, Q2 (up to 50 inclusive) */
	CHECK(strstr(text, "2022,C1,C,telework_share,% of staff,40,200,20.00,3,10.00,5.00,15.00,"
			   "0.00,20.00,83.33,4,first_year\n") != NULL);
	CHECK(strstr(text, "2022,C2,C,telework_share,% of staff,5,50,10.00,3,10.00,5.00,15.00,"
			   "0.00,20.00,50.00,2,first_year\n") != NULL);
	CHECK(strstr(text, "2022,C3,C,women_share,% of staff,60,100,60.00,3,50.00,35.00,55.00,"
			   "20.00,60.00,83.33,4,first_year\n") != NULL);
	/* 0 % teleworkers: the lowest, and flagged zero */
	CHECK(strstr(text, "2022,C3,C,telework_share,% of staff,0,100,0.00,3,10.00,5.00,15.00,"
			   "0.00,20.00,16.67,1,zero|first_year\n") != NULL);
	/* row order: by institution, then the profile order of indicators */
	CHECK(strstr(text, "women_share") < strstr(text, "2022,C1,C,telework_share"));
	CHECK(strstr(text, "2022,C1,C,telework_share") < strstr(text, "2022,C2,C,women_share"));
	free(text);

	p = wf_profile_new(&po, err, sizeof err);
	CHECK(wf_profile_dropped(p, 0, &why) == NULL);
	CHECK(why == NULL);
	wf_profile_free(p);
	wf_profile_free(NULL);
}

static int has_col(wf_bench *b, const char *name)
{
	const char *const *names;
	size_t n = wf_bench_columns(b, &names, NULL);
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return 1;
	return 0;
}

static void test_named_in_engine(void)
{
	wf_bench_opts o = { 0 };
	char err[256];
	wf_bench *b;

	/* a named indicator brings its denominator; welfare_core has none */
	o.metric = "women_share";
	b = wf_bench_new(&o, err, sizeof err);
	CHECK(b != NULL && has_col(b, "per_employee") && has_col(b, "denominator"));
	wf_bench_free(b);
	o.metric = "welfare_core";
	b = wf_bench_new(&o, err, sizeof err);
	CHECK(b != NULL && !has_col(b, "per_employee"));
	wf_bench_free(b);
	/* any measure is a metric; a bad one is still a usage error */
	o.metric = "TELEWORK+L090";
	b = wf_bench_new(&o, err, sizeof err);
	CHECK(b != NULL);
	wf_bench_free(b);
	o.metric = "TELE-WORK";
	CHECK(wf_bench_new(&o, err, sizeof err) == NULL);
	CHECK_STR(err, "invalid --metric 'TELE-WORK'");
}

/* A reader over text (through a temporary file, as wf-benchmark reads). */
static wf_reader *reader_of(const char *text, char *path)
{
	int fd = mkstemp(path);
	wf_reader_opts ro = { 0 };

	CHECK(fd >= 0);
	CHECK_INT(write(fd, text, strlen(text)), (long long)strlen(text));
	close(fd);
	return wf_reader_new(wf_src_open(path), &ro);
}

/* Bad rows: each is refused once for every engine, kept in the rejects
 * file when there is one (the read goes on), else it stops the read. A
 * repeated TELEWORK row is refused by the two telework indicators only,
 * yet counted once. */
static void test_profile_rejects(void)
{
	static const char bad[] =
		"year,institution,institution_type,measure,value\n"
		"2022,C1,C,HEADCOUNT,200\n"
		"2022,C1,C,TELEWORK,40\n"
		"2022,,C,HEADCOUNT,1\n"          /* empty institution: every engine */
		"2022,C1,C,TELEWORK,41\n"        /* repeated: telework engines */
		"2022,C2,C\n"                    /* the reader's own refusal */
		"2022,C2,C,HEADCOUNT,50\n";
	char ipath[] = "/tmp/wf-test-profile-bad.XXXXXX", rpath[] = "/tmp/wf-test-profile-rej.XXXXXX";
	wf_profile_opts po = { NULL, "institution_type", NULL, 1, WF_DEC_POINT };
	char err[512];
	unsigned long rows = 0, rejected = 0;
	wf_profile *p = wf_profile_new(&po, err, sizeof err);
	wf_reader *r = reader_of(bad, ipath);
	int fd = mkstemp(rpath);
	wf_out *rout;
	wf_rejects *rej;
	char text[1024] = "";
	FILE *f;

	close(fd);
	rout = wf_out_open(rpath);
	rej = wf_rejects_new(rout);
	CHECK_INT(wf_profile_read(p, r, rej, &rows, &rejected), 0);
	CHECK_INT(rows, 6);
	CHECK_INT(rejected, 3);
	wf_rejects_free(rej);
	CHECK_INT(wf_out_close(rout, 1), 0);
	f = fopen(rpath, "rb");
	CHECK(f != NULL);
	if (f) {
		CHECK(fread(text, 1, sizeof text - 1, f) > 0);
		fclose(f);
	}
	CHECK(strstr(text, ",4,empty institution,\"2022,,C,HEADCOUNT,1\"\n") != NULL);
	CHECK(strstr(text, ",5,\"duplicate of line 3 (same period, institution, contract and measure; "
		     "see --sum-duplicates)\",\"2022,C1,C,TELEWORK,41\"\n") != NULL);
	CHECK(strstr(text, ",6,\"expected 5 fields, found 3\",\"2022,C2,C\"\n") != NULL);
	wf_reader_free(r);
	wf_profile_free(p);
	unlink(ipath);

	/* without a rejects file the first bad row stops the read */
	p = wf_profile_new(&po, err, sizeof err);
	strcpy(ipath, "/tmp/wf-test-profile-bad.XXXXXX");
	r = reader_of(bad, ipath);
	rows = rejected = 0;
	fprintf(stderr, "(a message about line 4 of %s is expected next)\n", ipath);
	CHECK_INT(wf_profile_read(p, r, NULL, &rows, &rejected), -1);
	CHECK_INT(rows, 3);
	wf_reader_free(r);
	wf_profile_free(p);
	unlink(ipath);
	unlink(rpath);

	/* a peer column the facts lack stops at the header */
	p = wf_profile_new(&(wf_profile_opts){ NULL, "region", NULL, 1, WF_DEC_POINT }, err, sizeof err);
	strcpy(ipath, "/tmp/wf-test-profile-bad.XXXXXX");
	r = reader_of(bad, ipath);
	fprintf(stderr, "(a message about no column 'region' is expected next)\n");
	CHECK_INT(wf_profile_read(p, r, NULL, &rows, &rejected), -1);
	wf_reader_free(r);
	wf_profile_free(p);
	unlink(ipath);

	/* options are the engine's: a bad --size-classes is refused */
	CHECK(wf_profile_new(&(wf_profile_opts){ NULL, NULL, "9-1", 0, WF_DEC_POINT }, err, sizeof err) == NULL);
	CHECK_STR(err, "invalid --size-classes '9-1'");
}

/* Code lists sign the cost items of welfare_core_per_employee (L090):
 * a deduction sign makes the value negative; a list without L090 drops
 * that indicator alone (the others' measures are not cost items); an
 * unreadable sign stops at once. Facts of one comune (the other
 * indicators lack measures: 10 left out). */
static void test_profile_codes(void)
{
	static const char in[] =
		"year,institution,institution_type,measure,value\n"
		"2022,C1,C,HEADCOUNT,200\n2022,C1,C,L090,1000\n2022,C1,C,HEADCOUNT_WOMEN,100\n";
	static const struct { const char *list, *err; int drop; const char *row; } cases[] = {
		{ "ANNO;CODI_TIPO_VOCE_SPESA;CODI_VOCE_SPESA;FLAG_SEGNO\n2022;L;90;-\n", NULL, 10,
		  "2022,C1,welfare_core_per_employee,EUR per employee,-1000,200,-5.00," },
		{ "ANNO;CODI_TIPO_VOCE_SPESA;CODI_VOCE_SPESA;FLAG_SEGNO\n2022;L;91;+\n", NULL, 11, NULL },
		{ "ANNO;CODI_TIPO_VOCE_SPESA;CODI_VOCE_SPESA;FLAG_SEGNO\n2022;L;90;?\n",
		  "bad FLAG_SEGNO '?'", 0, NULL },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char dir[] = "/tmp/wf_test_pcodes_XXXXXX", path[64], ipath[] = "/tmp/wf-test-pc.XXXXXX";
		char opath[] = "/tmp/wf-test-pc-out.XXXXXX", err[512] = "", text[8192] = "";
		wf_profile_opts po = { NULL, NULL, NULL, 1, WF_DEC_POINT };
		wf_profile *p = wf_profile_new(&po, err, sizeof err);
		wf_codes *codes = wf_codes_new();
		unsigned long rows = 0, rejected = 0;
		const char *why;
		wf_reader *r;
		FILE *f;

		CHECK(mkdtemp(dir) != NULL);
		snprintf(path, sizeof path, "%s/VoceSpesa.CSV", dir);
		f = fopen(path, "w");
		fputs(cases[i].list, f);
		fclose(f);
		CHECK_INT(wf_codes_load_items(codes, dir), 0);
		if (cases[i].err) {
			CHECK_INT(wf_profile_set_codes(p, codes, err, sizeof err), -1);
			CHECK(strstr(err, cases[i].err) != NULL);
		} else {
			int fd;
			wf_out *out;
			CHECK_INT(wf_profile_set_codes(p, codes, err, sizeof err), 0);
			r = reader_of(in, ipath);
			CHECK_INT(wf_profile_read(p, r, NULL, &rows, &rejected), 0);
			wf_reader_free(r);
			unlink(ipath);
			CHECK_INT(wf_profile_finish(p, err, sizeof err), 0);
			CHECK_INT(wf_profile_ndropped(p), cases[i].drop);
			if (!cases[i].row) {
				/* the dropped welfare indicator says why */
				int found = 0;
				for (size_t k = 0; k < wf_profile_ndropped(p); k++) {
					const char *name = wf_profile_dropped(p, k, &why);
					if (strcmp(name, "welfare_core_per_employee") == 0) {
						CHECK_STR(why, "measure 'L090' of --metric is not in the code list");
						found = 1;
					}
				}
				CHECK(found);
			}
			fd = mkstemp(opath);
			close(fd);
			out = wf_out_open(opath);
			CHECK_INT(wf_profile_write(p, out, WF_FMT_CSV, 0), 0);
			CHECK_INT(wf_out_close(out, 1), 0);
			f = fopen(opath, "rb");
			CHECK(fread(text, 1, sizeof text - 1, f) > 0);
			fclose(f);
			unlink(opath);
			if (cases[i].row)
				CHECK(strstr(text, cases[i].row) != NULL);
			else
				CHECK(strstr(text, "welfare_core") == NULL);
			/* HEADCOUNT_WOMEN is no cost item: no sign to look up, and the
			 * indicator stays (it was left out for want of a sign) */
			CHECK(strstr(text, "2022,C1,women_share,% of staff,100,200,50.00,1,") != NULL);
		}
		wf_profile_free(p);
		wf_codes_free(codes);
		unlink(path);
		rmdir(dir);
	}
}

WF_TEST_MAIN(test_indicators, test_profile_rows, test_named_in_engine, test_profile_rejects,
	     test_profile_codes)
