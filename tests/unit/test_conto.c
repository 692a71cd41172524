/* Conto Annuale knowledge: header spellings, codes, years, layouts. */
#include "wf_test.h"
#include "wf_conto.h"
#include "wf_map.h"

static const char *norm(const char *s)
{
	static char buf[128];
	wf_conto_norm_header(s, strlen(s), buf, sizeof buf);
	return buf;
}

static void test_headers(void)
{
	CHECK_STR(norm("VOCE_SPESA"), "VOCE_SPESA");
	CHECK_STR(norm("Voce di Spesa"), "VOCE_SPESA");
	CHECK_STR(norm("VOCE_DI_SPESA"), "VOCE_SPESA");
	CHECK_STR(norm("Totale Spesa"), "TOTALE_SPESA");
	CHECK_STR(norm("Indennit\xC3\xA0 Fisse"), "INDENNITA_FISSE");
	CHECK_STR(norm(" Istituzione "), "ISTITUZIONE");
	CHECK_STR(norm("PERSONALE_TEMPO_PIEDO_DONNE"), "PERSONALE_TEMPO_PIENO_DONNE");
	CHECK_STR(norm("Personale Tempo Piedo Uomini"), "PERSONALE_TEMPO_PIENO_UOMINI");
	CHECK_STR(norm("PART_TIME_INF50%_UOMINI"), "PART_TIME_INF50%_UOMINI");
	CHECK_STR(norm("PART_TIMESUP50%_DONNE"), "PART_TIME_SUP50%_DONNE");
	CHECK_STR(norm("Part Time Sup 50% Donne"), "PART_TIME_SUP50%_DONNE");
	CHECK_STR(norm("INTERINALE_DOMME"), "INTERINALE_DONNE");
	CHECK_STR(norm("COMANDATIDISTACCATIDONNE"), "COMANDATI_DISTACCATI_DONNE");
	CHECK_STR(norm("COMANDATI_DISTACCATI_DONNE"), "COMANDATI_DISTACCATI_DONNE");
}

static void test_codes(void)
{
	char out[16], key[32], type[8];
	CHECK_INT(wf_conto_item_code("L90", 3, out), 0);
	CHECK_STR(out, "L090");
	CHECK_INT(wf_conto_item_code(" l090 ", 6, out), 0);
	CHECK_STR(out, "L090");
	CHECK_INT(wf_conto_item_code("P5", 2, out), 0);
	CHECK_STR(out, "P005");
	CHECK_INT(wf_conto_item_code("090", 3, out), -1);
	CHECK_INT(wf_conto_item_code("L", 1, out), -1);
	CHECK_INT(wf_conto_item_code("L09X", 4, out), -1);
	CHECK_INT(wf_conto_inst_key("C4308", 5, key, type), 0);
	CHECK_STR(key, "C4308");
	CHECK_STR(type, "C");
	CHECK_INT(wf_conto_inst_key(" ca11502 ", 9, key, type), 0);
	CHECK_STR(key, "CA11502");
	CHECK_STR(type, "CA");
	CHECK_INT(wf_conto_inst_key("4308", 4, key, type), -1);
	CHECK_INT(wf_conto_inst_key("C", 1, key, type), -1);
	CHECK_INT(wf_conto_inst_key("C43X8", 5, key, type), -1);
	CHECK_INT(wf_conto_inst_key("ABCD1", 5, key, type), -1);
}

static void test_years(void)
{
	CHECK_INT(wf_conto_year_from_name("COSTO_LAVORO_2019.csv"), 2019);
	CHECK_INT(wf_conto_year_from_name("/data/2018/OCCUPAZIONE_2017.CSV"), 2017);
	CHECK_INT(wf_conto_year_from_name("x.zip(2021Tutto/2021Dati/COSTO_LAVORO_2021.csv)"), 2021);
	CHECK_INT(wf_conto_year_from_name("COSTO_LAVORO.csv"), 0);
	CHECK_INT(wf_conto_year_from_name("COSTO_LAVORO_20199.csv"), 0);
	CHECK_INT(wf_conto_year_from_name("COSTO_LAVORO_1850.csv"), 0);
	CHECK_INT(wf_conto_year_from_name("COSTO_LAVORO_2024_2023.csv"), -1);
	CHECK_INT(wf_conto_year_from_name("COSTO_LAVORO_2024_v2_2024.csv"), 2024);
	CHECK(wf_conto_wanted_name("COSTO_LAVORO_2019.CSV"));
	CHECK(wf_conto_wanted_name("lavoro_flessibile_2013.csv.gz"));
	CHECK(!wf_conto_wanted_name("RETRIBUZIONE_MEDIA_2019.csv"));
	CHECK(!wf_conto_wanted_name("COSTO_LAVORO_2019.xlsx"));
}

static void test_layouts(void)
{
	const char *h1[] = { "ISTITUZIONE", "CONTRATTO", "VOCE_SPESA", "TOTALE_SPESA" };
	size_t l1[] = { 11, 9, 10, 12 };
	unsigned char n1[4] = { 0 };
	wf_row r = { 4, h1, l1, n1, 1, "", 0 };
	wf_layout L;
	char why[256];
	CHECK_INT(wf_layout_detect(&r, &L, why, sizeof why), WF_LAYOUT_COSTO_LAVORO);
	CHECK_INT(L.item, 2);
	CHECK_INT(L.value, 3);
	const char *h2[] = { "Istituzione", "Contratto", "Voce di Spesa", "Voce di Spesa" };
	size_t l2[] = { 11, 9, 13, 13 };
	r.f = h2;
	r.len = l2;
	CHECK_INT(wf_layout_detect(&r, &L, why, sizeof why), WF_LAYOUT_UNKNOWN);
	CHECK_STR(why, "unknown layout (COSTO_LAVORO header repeats column VOCE_SPESA)");
	CHECK_STR(wf_layout_measure(WF_LAYOUT_OCCUPAZIONE), "HEADCOUNT");
	CHECK_STR(wf_layout_measure(WF_LAYOUT_LAVORO_FLESSIBILE), "FLEX_UNITS");
	CHECK_STR(wf_rgs_region_istat("R00223"), "04");
	CHECK_STR(wf_rgs_region_istat("R00143"), "20");
	CHECK(wf_rgs_region_istat("R99999") == NULL);
}

static void test_map(void)
{
	wf_map *m = wf_map_new();
	char k[16];
	for (int i = 0; i < 1000; i++) {
		snprintf(k, sizeof k, "k%d", i);
		*wf_map_slot(m, k, strlen(k)) = (void *)(long)(i + 1);
	}
	CHECK_INT(wf_map_count(m), 1000);
	CHECK_INT((long)wf_map_get(m, "k500", 4), 501);
	CHECK(wf_map_get(m, "k1000", 5) == NULL);
	void *v;
	CHECK_STR(wf_map_key_at(m, 999, &v), "k999");
	CHECK_INT((long)v, 1000);
	wf_map_free(m);
	wf_map_free(NULL);
}

/* The threads' view of the lists: a peek changes nothing, and gives
 * the strings wf_codes_inst_at gives when the owner makes the call. */
static void test_codes_view(void)
{
	wf_codes *c = wf_codes_new();
	wf_codes_scratch *s = wf_codes_scratch_new();
	const char *dir = "../shared/data/conto-annuale-2024";
	const wf_inst *a, *b, *real;
	wf_codes_layer *l;
	int y, first;

	if (wf_codes_load(c, dir, 0) != 0)
		fprintf(stderr, "test_codes_view: %s absent, without lists\n", dir);
	wf_codes_prepare(c);
	l = wf_codes_pick(c, NULL, 2019, &y);
	CHECK(l == wf_codes_active(c));
	CHECK_INT(y, wf_codes_have_lists(c) ? 2024 : 0);
	a = wf_codes_inst_peek(c, l, "C4308", "C", s, &first);
	CHECK_INT(first, 1);
	b = wf_codes_inst_peek(c, l, "C4308", "C", s, &first);
	CHECK_INT(first, 0); /* the scratch's own, once */
	CHECK(a == b);
	{
		unsigned long n[WF_PLACE_NKINDS], all = 0;
		for (size_t i = 0; i < wf_codes_nlists(c); i++) {
			wf_codes_place_stats(c, i, n);
			for (int k = 0; k < WF_PLACE_NKINDS; k++)
				all += n[k];
		}
		CHECK_INT(all, 0); /* nothing placed: no use counted */
	}
	real = wf_codes_inst_at(c, l, "C4308", "C");
	CHECK(real != a);
	CHECK_STR(real->name, a->name);
	CHECK_STR(real->region, a->region);
	CHECK_STR(real->province, a->province);
	CHECK_STR(real->comune, a->comune);
	CHECK_INT(real->how, a->how);
	/* placed now: every peek gets the shared record */
	CHECK(wf_codes_inst_peek(c, l, "C4308", "C", s, &first) == real);
	CHECK_INT(first, 0);
	CHECK_STR(wf_codes_layer_aggregate(l, "RALN"), wf_codes_aggregate(c, "RALN"));
	CHECK_STR(wf_codes_layer_comparto(l, "RALN"), wf_codes_comparto(c, "RALN"));
	CHECK_INT(wf_codes_has_year(c, 2024), wf_codes_have_lists(c));
	wf_codes_scratch_free(s);
	wf_codes_scratch_free(NULL);
	wf_codes_layer_free(NULL);
	wf_codes_free(c);
}

static void test_codes_dir(void)
{
	wf_codes *c = wf_codes_new();
	const char *dir = "../shared/data/conto-annuale-2024";
	if (wf_codes_load(c, dir, 0) != 0) {
		fprintf(stderr, "test_codes_dir: %s absent, skipped\n", dir);
		wf_codes_free(c);
		return;
	}
	CHECK_STR(wf_codes_aggregate(c, "RALN"), "04");
	CHECK_STR(wf_codes_comparto(c, "RALN"), "FL");
	CHECK_STR(wf_codes_aggregate(c, "PRBZ"), "32");
	CHECK_INT(wf_codes_item_sign(c, "L090"), 1);
	CHECK_INT(wf_codes_item_sign(c, "P090"), -1);
	CHECK_INT(wf_codes_item_sign(c, "Z999"), 0);
	const wf_inst *in = wf_codes_inst(c, "C4308", "C");
	CHECK_STR(in->name, "COMUNE DI MILANO");
	CHECK_STR(in->province, "MI");
	CHECK_STR(in->region, "03");
	/* Without --places: the province from the cadastral list. */
	CHECK_INT(in->how, WF_PLACE_CODELIST);
	CHECK_STR(in->comune, "");
	in = wf_codes_inst(c, "C6333", "C"); /* SAMONE: two homonyms, TO and TN */
	CHECK_STR(in->name, "COMUNE DI SAMONE");
	CHECK_STR(in->province, "TO"); /* the tax code's province decides */
	CHECK_INT(in->how, WF_PLACE_CODELIST);
	in = wf_codes_inst(c, "C6334", "C");
	CHECK_STR(in->province, "TN");
	in = wf_codes_inst(c, "P9108", "P");
	CHECK_STR(in->province, "SP");
	CHECK_STR(in->region, "07");
	in = wf_codes_inst(c, "CM9102", "CM"); /* ... DI ROMA CAPITALE */
	CHECK_STR(in->province, "RM");
	in = wf_codes_inst(c, "Q9166", "Q"); /* UNIVERSITA' DEGLI STUDI DI UDINE */
	CHECK_INT(in->how, WF_PLACE_SEAT);
	CHECK_STR(in->province, "UD");
	in = wf_codes_inst(c, "CA11509", "CA"); /* CASA DI CURA S. GIOVANNI - MILANO */
	CHECK_INT(in->how, WF_PLACE_SEAT);
	CHECK_STR(in->province, "MI");
	in = wf_codes_inst(c, "UC9862", "UC"); /* unions are named after areas */
	CHECK_INT(in->how, WF_PLACE_TAXCODE);
	CHECK_STR(in->province, "MO");
	in = wf_codes_inst(c, "M8659", "M");
	CHECK_INT(in->how, WF_PLACE_NATIONAL);
	CHECK_STR(in->region, "");
	in = wf_codes_inst(c, "X1", "X");
	CHECK_INT(in->known, 0);
	CHECK_STR(in->name, "");
	wf_codes_free(c);
}

/* The wellbeing tables: recognised by header (old spellings too), and the
 * measures each row yields. */
static void test_wellbeing_layouts(void)
{
	const char *ha[] = { "Istituzione", "Contratto", "Categoria", "Qualifica", "Causale Assenza",
			     "Assenze Uomini", "Assenze Donne" };
	const char *hm[] = { "ISTITUZIONE", "CONTRATTO", "MACROCATEGORIA", "CATEGORIA",
			     "TELELAVORO_UOMINI", "TELELAVORO_DONNE", "Soggetti Turnazione Uomini",
			     "Soggetti Turnazione Donne", "Soggetti Reperibilit\xc3\xa0 Uomini",
			     "Soggetti Reperibilit\xc3\xa0 Donne" };
	const char *hf[] = { "ISTITUZIONE", "CONTRATTO", "MACROCATEGORIA", "TIPO_VOCE_SPESA",
			     "VOCE_SPESA_FUA", "IMPORTO" };
	const char *ht[] = { "ISTITUZIONE", "CONTRATTO", "CATEGORIA", "QUALIFICA", "FORM_UOMINI",
			     "FORM_MEDIA_UOMINI", "FORM_MEDIA_DONNE" };
	size_t len[10];
	unsigned char nul[10] = { 0 };
	wf_row r = { 7, ha, len, nul, 1, "", 0 };
	wf_measure_def d[WF_LAYOUT_MAXOUT];
	wf_layout L;
	char why[256], m[16];

	for (int i = 0; i < 7; i++)
		len[i] = strlen(ha[i]);
	CHECK_INT(wf_layout_detect(&r, &L, why, sizeof why), WF_LAYOUT_ASSENZE);
	CHECK_INT(L.cause, 4);
	CHECK_INT(L.ncounts, 2);
	CHECK_INT(L.counts[1], 6);
	r.f = hm, r.n = 10;
	for (int i = 0; i < 10; i++)
		len[i] = strlen(hm[i]);
	CHECK_INT(wf_layout_detect(&r, &L, why, sizeof why), WF_LAYOUT_MODALITA_LAVORO_FLESSIBILE);
	CHECK_INT(L.ncounts, 6);
	CHECK_INT(L.counts[5], 9);
	r.f = hf, r.n = 6;
	for (int i = 0; i < 6; i++)
		len[i] = strlen(hf[i]);
	CHECK_INT(wf_layout_detect(&r, &L, why, sizeof why), WF_LAYOUT_CONTRATTAZIONE_INTEGRATIVA);
	CHECK_INT(L.item_type, 3);
	CHECK_INT(L.item, 4);
	CHECK_INT(L.value, 5);
	r.f = ht, r.n = 7;
	for (int i = 0; i < 7; i++)
		len[i] = strlen(ht[i]);
	CHECK_INT(wf_layout_detect(&r, &L, why, sizeof why), WF_LAYOUT_UNKNOWN);
	CHECK_STR(why, "unknown layout (FORMAZIONE header lacks column FORM_DONNE)");

	/* holidays, training, remote work: no measure */
	CHECK_INT(wf_layout_measures(WF_LAYOUT_ASSENZE, "F00", d), 0);
	CHECK_INT(wf_layout_measures(WF_LAYOUT_ASSENZE, "Z02", d), 0);
	CHECK_INT(wf_layout_measures(WF_LAYOUT_ASSENZE, "m06", d), 4);
	CHECK_STR(d[0].measure, "ABSENCE_DAYS");
	CHECK_INT(d[1].mask, 2);
	CHECK_STR(d[3].measure, "ABSENCE_DAYS_ILLNESS_WOMEN");
	CHECK_INT(wf_layout_measures(WF_LAYOUT_ASSENZE, "O10", d), 4);
	CHECK_STR(d[2].measure, "ABSENCE_DAYS_CARE");
	CHECK_INT(wf_layout_measures(WF_LAYOUT_ASSENZE, "SC1", d), 2);
	CHECK_INT(wf_layout_measures(WF_LAYOUT_OCCUPAZIONE, "", d), 2);
	CHECK_STR(d[1].measure, "HEADCOUNT_WOMEN");
	CHECK_INT(d[1].mask, 0x2a);
	CHECK_INT(wf_layout_measures(WF_LAYOUT_MODALITA_LAVORO_FLESSIBILE, "", d), 6);
	CHECK_STR(d[4].measure, "ON_CALL");
	CHECK_INT(d[4].mask, 0x30);
	CHECK_INT(wf_layout_measures(WF_LAYOUT_COSTO_LAVORO, "", d), 0);
	CHECK_STR(wf_layout_measure(WF_LAYOUT_ASSENZE), "ABSENCE_DAYS");
	CHECK_STR(wf_layout_measure(WF_LAYOUT_FORMAZIONE), "TRAINING_DAYS");
	CHECK(wf_layout_measure(WF_LAYOUT_CONTRATTAZIONE_INTEGRATIVA) == NULL);

	CHECK_INT(wf_conto_fua_measure(" u ", 3, "02s ", 4, m), 0);
	CHECK_STR(m, "FUA_U02S");
	CHECK_INT(wf_conto_fua_measure("UU", 2, "02S", 3, m), -1);
	CHECK_INT(wf_conto_fua_measure("U", 1, "02-S", 4, m), -1);
	CHECK_INT(wf_conto_fua_measure("U", 1, "", 0, m), -1);

	CHECK(wf_conto_measure_ok("L090", 4));
	CHECK(!wf_conto_measure_ok("L90", 3));
	CHECK(wf_conto_measure_ok("HEADCOUNT_WOMEN", 15));
	CHECK(wf_conto_measure_ok("ABSENCE_DAYS_PARENTAL_WOMEN", 27));
	CHECK(wf_conto_measure_ok("FUA_F00B", 8));
	CHECK(!wf_conto_measure_ok("FUA_f00B", 8));
	CHECK(!wf_conto_measure_ok("TELEWORK_MEN", 12));

	CHECK(wf_conto_wanted_name("MODALITA_LAVORO_FLESSIBILE_2022.csv"));
	CHECK(wf_conto_wanted_name("contrattazione_integrativa_2010.CSV.gz"));
	CHECK(!wf_conto_wanted_name("ASSENZE_MEDIE_2019.csv"));
	CHECK(wf_conto_wanted_name("ASSENZE_2019.csv"));
	CHECK(wf_conto_averages_name("dir/assenze_medie_2019.csv"));
}

/* Header spellings in other scripts and sizes; names, measures and
 * file names at the edges of what is accepted. */
static void test_dialect_edges(void)
{
	char small[11];

	CHECK_STR(norm("Spesa \xE2\x82\xAC"), "SPESA");            /* the euro sign: a separator */
	CHECK_STR(norm("\xC3\x96RE \xC3\x97 m\xC3\x9F"), "ORE_MS");  /* Ö, ×, ß */
	CHECK_STR(norm("  %  PART  TIME  "), "%_PART_TIME");
	CHECK_STR(norm("caf\xC3"), "CAF"); /* a cut sequence at the end */
	/* an alias that would not fit stays as written */
	CHECK_INT(wf_conto_norm_header("TELELAVORO", 10, small, sizeof small), 10);
	CHECK_STR(small, "TELELAVORO");
	CHECK_STR(norm("TELELAVORO"), "TELE_LAVORO");

	CHECK_STR(wf_layout_name((enum wf_layout_kind)99), "unknown");

	char out[16];
	CHECK_INT(wf_conto_fua_measure(" a ", 3, "12", 2, out), 0);
	CHECK_STR(out, "FUA_A12");
	CHECK_INT(wf_conto_fua_measure("AB", 2, "12", 2, out), -1);
	CHECK_INT(wf_conto_fua_measure("1", 1, "12", 2, out), -1);
	CHECK_INT(wf_conto_fua_measure("A", 1, "", 0, out), -1);
	CHECK_INT(wf_conto_fua_measure("A", 1, "12345", 5, out), -1);
	CHECK_INT(wf_conto_fua_measure("A", 1, "1-2", 3, out), -1);
	CHECK_INT(wf_conto_measure_ok("FUA_A12", 7), 1);
	CHECK_INT(wf_conto_measure_ok("FUA_a12", 7), 0); /* not as written out */
	CHECK_INT(wf_conto_measure_ok("FUA_", 4), 0);
	CHECK_INT(wf_conto_measure_ok("FUA_A12345", 10), 0);
	CHECK_INT(wf_conto_measure_ok("L090", 4), 1);
	CHECK_INT(wf_conto_measure_ok("L90", 3), 0);
	CHECK_INT(wf_conto_measure_ok("L0900000", 8), 0);

	CHECK_INT(wf_conto_year_from_name("dir_2019/COSTO_LAVORO_2024.csv"), 2024);
	CHECK_INT(wf_conto_year_from_name("COSTO_LAVORO_2024_2024.csv"), 2024);
	CHECK_INT(wf_conto_year_from_name("COSTO_LAVORO_2024_2023.csv"), -1);
	CHECK_INT(wf_conto_year_from_name("COSTO_LAVORO_1850.csv"), 0);
	CHECK_INT(wf_conto_year_from_name("COSTO_LAVORO_20245.csv"), 0);
	CHECK_INT(wf_conto_year_from_name("COSTO_LAVORO_202.csv"), 0);
	CHECK_INT(wf_conto_year_from_name("COSTO_LAVORO_20x4.csv"), 0);
	CHECK_INT(wf_conto_year_from_name("COSTO_LAVORO_2x24.csv"), 0);
	CHECK_INT(wf_conto_year_from_name("COSTO_LAVORO_202x.csv"), 0);
	CHECK_INT(wf_conto_wanted_name("COSTO_LAVORO_2024.csv.gz"), 1);
	CHECK_INT(wf_conto_wanted_name("costo_lavoro_2024.CSV"), 1);
	CHECK_INT(wf_conto_wanted_name("COSTO_LAVORO_2024.txt"), 0);
	CHECK_INT(wf_conto_wanted_name("ASSENZE_MEDIE_2024.csv"), 0);
	CHECK_INT(wf_conto_wanted_name("README.csv"), 0);
	CHECK_INT(wf_conto_wanted_name(".csv"), 0);

	CHECK_INT(wf_conto_code_ok("", 0), 0);
	CHECK_INT(wf_conto_code_ok("ABCDEFGHIJKLMNOPQ", 17), 0);
	CHECK_INT(wf_conto_code_ok("ABCDEFGHIJKLMNOP", 16), 1);
	CHECK_INT(wf_conto_code_ok("R-1", 3), 0);
}

WF_TEST_MAIN(test_dialect_edges, test_headers, test_codes, test_years, test_layouts, test_map, test_codes_view, test_codes_dir,
	     test_wellbeing_layouts)
