/* The placement rules of wf_placement.h on small hand-made lists: the
 * comuni named are real, institutions and tax codes are invented (digits
 * 8-10 name the province each case needs). */
#include "wf_placement.h"
#include "wf_test.h"

#include <string.h>

static wf_places *lists(void)
{
	const char *cur_h[] = { "codiceComune", "nome", "sigla", "regione" };
	const char *rows[][4] = {
		{ "001235", "Samone", "TO", "Piemonte" },
		{ "022165", "Samone", "TN", "Trentino-Alto Adige" },
		{ "030129", "Udine", "UD", "Friuli-Venezia Giulia" },
		{ "015146", "Milano", "MI", "Lombardia" },
		{ "014066", "Tirano", "SO", "Lombardia" },
		{ "067041", "Teramo", "TE", "Abruzzo" },
		{ "067012", "Castelli", "TE", "Abruzzo" },
		{ "011015", "La Spezia", "SP", "Liguria" },
	};
	wf_places *p = wf_places_new();
	char err[600];

	wf_places_header(p, cur_h, 4, err, sizeof err);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		wf_places_add(p, rows[i], 4, err, sizeof err);
	return p;
}

static void test_national(void)
{
	char why[128];

	CHECK(wf_place_is_national("M", "MINISTERO DELLA SALUTE", why, sizeof why));
	CHECK_STR(why, "type M (ministries)");
	CHECK(wf_place_is_national("IR", "ISTITUTO NAZIONALE DI ASTROFISICA - INAF", why, sizeof why));
	CHECK_STR(why, "type IR, name has NAZIONALE");
	CHECK(wf_place_is_national("AG", "AGENZIA DELLE ENTRATE", why, sizeof why));
	/* A regional agency, a national park, an international centre. */
	CHECK(!wf_place_is_national("AG", "AGENZIA REGIONALE PER LA LINGUA FRIULANA", why, sizeof why));
	CHECK(!wf_place_is_national("PN", "ENTE PARCO NAZIONALE DELLA MAIELLA", why, sizeof why));
	CHECK(!wf_place_is_national("LS", "FONDAZIONE CENTRO INTERNAZIONALE DI STUDI", why, sizeof why));
	CHECK(!wf_place_is_national(NULL, "MINISTERO", why, sizeof why));
	CHECK_STR(wf_place_how_name(WF_PLACE_TAXCODE), "tax code");
	CHECK_STR(wf_place_how_name(WF_PLACE_NKINDS), "unplaced");
}

static void test_rules(void)
{
	wf_places *p = lists();
	wf_placement o;

	/* Homonyms: the tax code's province decides; without one, unplaced. */
	wf_place(NULL, p, "C", "COMUNE DI SAMONE", "80000020221", &o);
	CHECK_INT(o.how, WF_PLACE_NAME);
	CHECK_STR(o.comune, "022165");
	CHECK_STR(o.region, "04");
	wf_place(NULL, p, "C", "COMUNE DI SAMONE", NULL, &o);
	CHECK_INT(o.how, WF_PLACE_NONE);
	CHECK_STR(o.evidence, "SAMONE: comuni of that name in TO, TN; no tax code to tell which");
	/* An undecided homonym with a tax code of a third province: the
	 * tax code places it in its province. */
	wf_place(NULL, p, "C", "COMUNE DI SAMONE", "80000000151", &o);
	CHECK_INT(o.how, WF_PLACE_TAXCODE);
	CHECK_STR(o.province, "MI");
	CHECK_STR(o.comune, "");
	/* Seat: a comune after DI; not when the tax code says otherwise. */
	wf_place(NULL, p, "Q", "UNIVERSITA' DEGLI STUDI DI UDINE", "80000000301", &o);
	CHECK_INT(o.how, WF_PLACE_SEAT);
	CHECK_STR(o.comune, "030129");
	wf_place(NULL, p, "UC", "UNIONE TERRE DI CASTELLI", "80000000361", &o);
	CHECK_INT(o.how, WF_PLACE_TAXCODE); /* Modena's, not Castelli (TE) */
	CHECK_STR(o.province, "MO");
	CHECK_STR(o.region, "08");
	wf_place(NULL, p, "N", "COMUNITA' MONTANA VALTELLINA DI TIRANO", "80000000141", &o);
	CHECK_INT(o.how, WF_PLACE_SEAT);
	CHECK_STR(o.comune, "014066");
	/* No tax code: a comune ending the name counts, one inside it not. */
	wf_place(NULL, p, "E", "AUTOMOBILE CLUB LA SPEZIA", NULL, &o);
	CHECK_INT(o.how, WF_PLACE_SEAT);
	CHECK_STR(o.comune, "011015");
	wf_place(NULL, p, "E", "AUTOMOBILE CLUB LA SPEZIA VILLE", NULL, &o);
	CHECK_INT(o.how, WF_PLACE_NONE);
	/* Province names, sigle, regions. */
	wf_place(NULL, p, "OL", "ORDINE DEI MEDICI DELLA PROVINCIA DI TERAMO", "80000000671", &o);
	CHECK_STR(o.province, "TE");
	wf_place(NULL, p, "CA", "CASA DI CURA SAN FRANCESCO - BN", NULL, &o);
	CHECK_INT(o.how, WF_PLACE_SEAT);
	CHECK_STR(o.province, "BN");
	wf_place(NULL, p, "OR", "ORDINE DEI BIOLOGI DELLA SICILIA", "80000000821", &o);
	CHECK_INT(o.how, WF_PLACE_SEAT);
	CHECK_STR(o.region, "19");
	CHECK_STR(o.province, "PA"); /* the office is in Sicily */
	wf_place(NULL, p, "OR", "ORDINE DEI BIOLOGI DELLA SICILIA", "80000000151", &o);
	CHECK_STR(o.province, ""); /* an office elsewhere gives no province */
	wf_place(NULL, p, "R", "REGIONE LOMBARDIA", "80000000151", &o);
	CHECK_INT(o.how, WF_PLACE_NAME);
	CHECK_STR(o.region, "03");
	CHECK_STR(o.province, ""); /* a region is in no province */
	wf_place(NULL, p, "RS", "REGIONE AUTONOMA DELLA SARDEGNA", "80000000921", &o);
	CHECK_STR(o.region, "20");
	CHECK_STR(o.province, "");
	wf_place(NULL, p, "RS", "PROVINCIA AUTONOMA DI TRENTO", "80000000221", &o);
	CHECK_INT(o.how, WF_PLACE_NAME);
	CHECK_STR(o.province, "TN");
	CHECK_STR(o.comune, "");
	wf_place(NULL, p, "P", "AMMINISTRAZIONE PROVINCIALE DI MONZA E DELLA BRIANZA", NULL, &o);
	CHECK_STR(o.province, "MB");
	/* The tax code alone; a child province the name names. */
	wf_place(NULL, p, "CA", "CLINICA SYNTHETICA", "80000000631", &o);
	CHECK_INT(o.how, WF_PLACE_TAXCODE);
	CHECK_STR(o.province, "NA");
	CHECK_STR(o.evidence, "80000000631: office of NA (063)");
	wf_place(NULL, p, "CS", "CONSORZIO FERMO SERVIZI", "80000000441", &o);
	CHECK_STR(o.province, "FM");
	CHECK_STR(o.evidence, "80000000441: office of AP (044), name says FM");
	wf_place(NULL, p, "CS", "CONSORZIO SYNTHETIC", "80000001041", &o);
	CHECK_STR(o.province, "SS"); /* Olbia-Tempio's office, now Sassari */
	CHECK_STR(o.evidence, "80000001041: office of OT (104), now SS");
	wf_place(NULL, NULL, "CA", "CLINICA SYNTHETICA", "X1X1", &o);
	CHECK_INT(o.how, WF_PLACE_NONE);
	CHECK_STR(o.evidence, "no place in the name; tax code is not numeric");
	wf_place(NULL, NULL, NULL, NULL, NULL, &o);
	CHECK_INT(o.how, WF_PLACE_NONE);
	wf_places_free(p);
}

/* Health authorities by their sigla ("ASL FG", "ULSS RO 5", one of an
 * abolished province now in another), whatever the acronym; many
 * homonyms (more than the 16 the search keeps), each province named once. */
static void test_health_and_homonyms(void)
{
	static const char *const acr[] = { "ASL", "ASP", "ATS", "AUSL", "ULSS", "USL", "ASST", "AO" };
	const char *cur_h[] = { "codiceComune", "nome", "sigla", "regione" };
	static const char *const sig[] = { "TO", "TO", "CN", "AT", "AL", "VC", "NO", "BI", "VB",
		"AO", "MI", "BG", "BS", "CO", "CR", "LC", "LO", "MN" };
	wf_places *p = wf_places_new();
	wf_placement o;
	char name[64], err[600], code[8];

	for (size_t i = 0; i < sizeof acr / sizeof acr[0]; i++) {
		snprintf(name, sizeof name, "%s FG", acr[i]);
		wf_place(NULL, NULL, "SN", name, NULL, &o);
		CHECK_INT(o.how, WF_PLACE_SEAT);
		CHECK_STR(o.province, "FG");
		CHECK_STR(o.evidence, "province sigla FG");
	}
	wf_place(NULL, NULL, "SN", "AZIENDA ULSS RO 5", NULL, &o);
	CHECK_STR(o.province, "RO");
	wf_place(NULL, NULL, "SN", "ASL CI", NULL, &o); /* Carbonia-Iglesias, now Sud Sardegna */
	CHECK_STR(o.province, "SU");
	wf_place(NULL, NULL, "SN", "CENTRO FG", NULL, &o); /* not a health body: no sigla read */
	CHECK_INT(o.how, WF_PLACE_NONE);

	wf_places_header(p, cur_h, 4, err, sizeof err);
	for (size_t i = 0; i < sizeof sig / sizeof sig[0]; i++) {
		snprintf(code, sizeof code, "%06zu", 1000 + i);
		const char *row[] = { code, "San Martino", sig[i], "" };
		CHECK_INT(wf_places_add(p, row, 4, err, sizeof err), 0);
	}
	wf_place(NULL, p, "C", "COMUNE DI SAN MARTINO", NULL, &o);
	CHECK_INT(o.how, WF_PLACE_NONE);
	CHECK_STR(o.evidence, "SAN MARTINO: comuni of that name in TO, CN, AT, AL, VC, NO, BI; no tax code to tell which");
	wf_places_free(p);
}

WF_TEST_MAIN(test_national, test_rules, test_health_and_homonyms)
