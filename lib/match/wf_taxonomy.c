/*
 * wf_taxonomy.c - load the welfare taxonomy (see wf_taxonomy.h).
 */
#include "wf_taxonomy.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wf_aux.h"
#include "wf_err.h"
#include "wf_text.h"

struct wf_taxonomy {
	int n;
	char *code[WF_TAX_MAX];
	char *label[WF_TAX_MAX];
	double fit[WF_TAX_MAX][WF_TAX_MAX]; /* [demand][supply] */
	char *codes;                        /* "A, B, C" */
};

/*
 * The compiled-in copy of share/wfkit/taxonomy.csv, one C string line
 * per CSV line. Regenerate after editing the CSV with:
 *   sed 's/\\/\\\\/g; s/"/\\"/g; s/^/\t"/; s/$/\\n"/' share/wfkit/taxonomy.csv
 * (test_taxonomy fails until the two agree).
 */
static const char builtin_csv[] =
	"code,category,legal_basis,ccnl_fl,related\n"
	"HEALTH_FUND,supplementary health fund or policy,TUIR 51 c.2 a; art. 100,e,HEALTH_SERV:0.6|LTC_INS:0.5\n"
	"HEALTH_SERV,\"check-ups, dental, prevention, reimbursed medical costs\",TUIR 51 c.2 f,\"e, a\",HEALTH_FUND:0.5|WELLBEING_WORK:0.3\n"
	"LTC_INS,long-term-care or serious-illness insurance,TUIR 51 c.2 f-quater,e,HEALTH_FUND:0.5|ELDERCARE:0.4\n"
	"CHILDCARE,\"nursery (asilo nido), pre-school, baby-parking\",TUIR 51 c.2 f-bis,b,CAMPS:0.4|EDU_KIDS:0.3\n"
	"EDU_KIDS,\"school fees, school books, canteen, school transport\",TUIR 51 c.2 f-bis,b,SCHOLARSHIP:0.5|CHILDCARE:0.3|CAMPS:0.3\n"
	"SCHOLARSHIP,scholarships and merit awards for children,TUIR 51 c.2 f-bis,b,EDU_KIDS:0.5\n"
	"CAMPS,\"summer and winter camps, ludoteche\",TUIR 51 c.2 f-bis,\"b, c\",CULTURE_LEISURE:0.5|CHILDCARE:0.4|EDU_KIDS:0.3\n"
	"ELDERCARE,\"care for elderly or dependent relatives, home care, RSA\",TUIR 51 c.2 f-ter,a,LTC_INS:0.4|HEALTH_SERV:0.4|WELLBEING_WORK:0.3\n"
	"TRANSPORT,local or regional public-transport pass,TUIR 51 c.2 d-bis,a,FRINGE_VOUCHER:0.3\n"
	"MEAL,\"canteen, meal vouchers\",\"TUIR 51 c.2 b, c\",(cost items L010/L011),FRINGE_VOUCHER:0.5\n"
	"CULTURE_LEISURE,\"culture, sport, recreation, travel\",TUIR 51 c.2 f; art. 100,c,CAMPS:0.4|WELLBEING_WORK:0.4|FRINGE_VOUCHER:0.3\n"
	"TRAINING,non-mandatory training for employees,TUIR 51 c.2 f,(cost item L020),CULTURE_LEISURE:0.3\n"
	"INCOME_SUPPORT,\"subsidies, one-off family aid\",TUIR 51 c.3,a,LOANS:0.5|UTILITIES_HOUSING:0.5\n"
	"LOANS,advances and loans for urgent expenses,TUIR 51 c.4 b,d,INCOME_SUPPORT:0.4\n"
	"UTILITIES_HOUSING,\"utilities, rent, mortgage-interest reimbursement\",TUIR 51 c.3 (temporary higher limits),a,INCOME_SUPPORT:0.5\n"
	"PENSION,supplementary pension contribution,deductible contribution,(cost item P035),\n"
	"FRINGE_VOUCHER,shopping and fuel vouchers spendable at local merchants,TUIR 51 c.3,-,MEAL:0.5|CULTURE_LEISURE:0.3\n"
	"WELLBEING_WORK,\"work-life measures, psychological support\",TUIR 51 c.2 f,c,HEALTH_SERV:0.5|CULTURE_LEISURE:0.4\n"
	;

const char *wf_taxonomy_builtin_csv(void)
{
	return builtin_csv;
}

/* The taxonomy is a table like any other: the shared reader (through
 * wf_aux, as every auxiliary file) does the CSV, the encodings and the
 * limits; this file only checks what the rows mean. */
static wf_taxonomy *parse_table(const char *name, const char *text, size_t len,
				const wf_reader_opts *run, char *err, size_t errsz)
{
	wf_taxonomy *t = wf_xcalloc(1, sizeof *t);
	char **related = wf_xcalloc(WF_TAX_MAX, sizeof *related);
	long *rline = wf_xcalloc(WF_TAX_MAX, sizeof *rline);
	wf_reader_opts o = wf_aux_opts(run);
	wf_reader *r;
	const wf_row *h;
	wf_row row;
	int ok = 0, st;
	size_t codes_len = 0;

	wf_setmsg(err, errsz, "%s", "");
	o.allow_empty = 1;
	/* text is only borrowed (the reader is freed below, before
	 * returning), so it is read in place, not copied. NULL: the reader
	 * has said why (not text, no delimiter...). */
	if (!(r = wf_reader_new(wf_src_mem(name, text, len, 0), &o)))
		goto out;
	h = wf_reader_header(r);
	if (h->n == 0) {
		wf_setmsg(err, errsz, "%s: no categories", name);
		goto out;
	}
	if (h->n != 5) {
		wf_setmsg(err, errsz, "%s:%ld: expected 5 fields (code,category,legal_basis,ccnl_fl,related), found %zu",
			  name, h->line, h->n);
		goto out;
	}
	if (strcmp(wf_trim_inplace((char *)h->f[0]), "code") != 0 ||
	    strcmp(wf_trim_inplace((char *)h->f[4]), "related") != 0) {
		wf_setmsg(err, errsz, "%s:%ld: header must be 'code,category,legal_basis,ccnl_fl,related'",
			  name, h->line);
		goto out;
	}
	while ((st = wf_reader_next(r, &row)) != WF_ROW_EOF) {
		if (st == WF_ROW_FATAL) {
			wf_setmsg(err, errsz, "%s: %s", name, wf_reader_reason(r));
			goto out;
		}
		if (st == WF_ROW_BAD) {
			wf_setmsg(err, errsz, "%s:%ld: %s", name, row.line, wf_reader_reason(r));
			goto out;
		}
		char *code = wf_trim_inplace((char *)row.f[0]);
		if (!*code) {
			wf_setmsg(err, errsz, "%s:%ld: empty code", name, row.line);
			goto out;
		}
		for (char *c = code; *c; c++)
			if (!((*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '_')) {
				wf_setmsg(err, errsz, "%s:%ld: code '%s' must be upper-case letters, digits and '_'",
					  name, row.line, code);
				goto out;
			}
		if (wf_taxonomy_find(t, code, strlen(code)) >= 0) {
			wf_setmsg(err, errsz, "%s:%ld: duplicate code '%s'", name, row.line, code);
			goto out;
		}
		if (t->n == WF_TAX_MAX) {
			wf_setmsg(err, errsz, "%s:%ld: more than %d codes", name, row.line, WF_TAX_MAX);
			goto out;
		}
		t->code[t->n] = wf_xstrdup(code);
		t->label[t->n] = wf_xstrdup(wf_trim_inplace((char *)row.f[1]));
		related[t->n] = wf_xstrdup(wf_trim_inplace((char *)row.f[4]));
		rline[t->n] = row.line;
		t->fit[t->n][t->n] = 1.0;
		t->n++;
	}
	if (t->n == 0) {
		wf_setmsg(err, errsz, "%s: no categories", name);
		goto out;
	}
	/* Related codes may refer forward, so resolve them once all are known. */
	for (int i = 0; i < t->n; i++) {
		char *save = NULL;

		for (char *tok = strtok_r(related[i], "|", &save); tok;
		     tok = strtok_r(NULL, "|", &save)) {
			char *colon = strchr(tok, ':'), *end;
			double w;
			int j;

			tok = wf_trim_inplace(tok);
			if (!*tok)
				continue;
			if (!colon) {
				wf_setmsg(err, errsz, "%s:%ld: related entry '%s' is not CODE:WEIGHT", name, rline[i], tok);
				goto out;
			}
			*colon = '\0';
			j = wf_taxonomy_find(t, tok, strlen(tok));
			if (j < 0) {
				wf_setmsg(err, errsz, "%s:%ld: related code '%s' is not in the taxonomy", name, rline[i], wf_trim_inplace(tok));
				goto out;
			}
			errno = 0;
			w = strtod(colon + 1, &end);
			if (errno || end == colon + 1 || *wf_trim_inplace(end) || !(w > 0 && w < 1)) {
				wf_setmsg(err, errsz, "%s:%ld: weight '%s' of related code '%s' must be a number between 0 and 1 (exclusive)",
				       name, rline[i], wf_trim_inplace(colon + 1), t->code[j]);
				goto out;
			}
			if (j == i) {
				wf_setmsg(err, errsz, "%s:%ld: code '%s' lists itself as related", name, rline[i], t->code[i]);
				goto out;
			}
			t->fit[i][j] = w;
		}
	}
	for (int i = 0; i < t->n; i++)
		codes_len += strlen(t->code[i]) + 2;
	t->codes = wf_xmalloc(codes_len + 1);
	t->codes[0] = '\0';
	for (int i = 0; i < t->n; i++) {
		if (i)
			strcat(t->codes, ", ");
		strcat(t->codes, t->code[i]);
	}
	ok = 1;
out:
	wf_reader_free(r);
	for (int i = 0; i < WF_TAX_MAX; i++)
		free(related[i]);
	free(related);
	free(rline);
	if (!ok) {
		wf_taxonomy_free(t);
		return NULL;
	}
	return t;
}

wf_taxonomy *wf_taxonomy_parse(const char *name, const char *text,
			       size_t len, char *err, size_t errsz)
{
	return parse_table(name, text, len, NULL, err, errsz);
}

wf_taxonomy *wf_taxonomy_load(const char *path, const wf_reader_opts *run,
			      char *err, size_t errsz)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	wf_taxonomy *t = NULL;

	if (!fp) {
		wf_setmsg(err, errsz, "%s: %s", path, strerror(errno));
		return NULL;
	}
	do {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			buf = wf_xrealloc(buf, cap);
		}
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
	} while (n > 0);
	if (ferror(fp))
		wf_setmsg(err, errsz, "%s: %s", path, strerror(errno));
	else
		t = parse_table(path, buf, len, run, err, errsz);
	fclose(fp);
	free(buf);
	return t;
}

wf_taxonomy *wf_taxonomy_builtin(void)
{
	char err[256];
	wf_taxonomy *t = wf_taxonomy_parse("built-in taxonomy", builtin_csv,
					   sizeof builtin_csv - 1, err, sizeof err);

	if (!t) /* LCOV_EXCL_BR_LINE: the compiled-in table is valid (test_taxonomy checks it) */
		wf_die(WF_EXIT_DATA, "%s", err); /* LCOV_EXCL_LINE: a build defect, caught by test_taxonomy */
	return t;
}

wf_taxonomy *wf_taxonomy_open(const char *path, const wf_reader_opts *run,
			      char *err, size_t errsz)
{
	const char *dir = getenv("WFKIT_DATADIR");

	if (path)
		return wf_taxonomy_load(path, run, err, errsz);
	if (dir && *dir) {
		size_t n = strlen(dir) + sizeof "/taxonomy.csv";
		char *p = wf_xmalloc(n);
		wf_taxonomy *t;

		snprintf(p, n, "%s/taxonomy.csv", dir);
		t = wf_taxonomy_load(p, run, err, errsz);
		free(p);
		return t;
	}
	return wf_taxonomy_builtin();
}

void wf_taxonomy_free(wf_taxonomy *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->n; i++) {
		free(t->code[i]);
		free(t->label[i]);
	}
	free(t->codes);
	free(t);
}

size_t wf_taxonomy_count(const wf_taxonomy *t)
{
	return (size_t)t->n;
}

const char *wf_taxonomy_code(const wf_taxonomy *t, int i)
{
	return i >= 0 && i < t->n ? t->code[i] : NULL;
}

const char *wf_taxonomy_label(const wf_taxonomy *t, int i)
{
	return i >= 0 && i < t->n ? t->label[i] : NULL;
}

int wf_taxonomy_find(const wf_taxonomy *t, const char *code, size_t len)
{
	wf_trim_span(&code, &len);
	for (int i = 0; i < t->n; i++)
		if (strlen(t->code[i]) == len && memcmp(t->code[i], code, len) == 0)
			return i;
	return -1;
}

double wf_taxonomy_fit(const wf_taxonomy *t, int demand, int supply)
{
	if (demand < 0 || demand >= t->n || supply < 0 || supply >= t->n)
		return 0;
	return t->fit[demand][supply];
}

const char *wf_taxonomy_codes(const wf_taxonomy *t)
{
	return t->codes;
}
