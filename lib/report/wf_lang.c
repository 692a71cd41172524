#include "wf_lang.h"

#include <stdio.h>
#include <string.h>

int wf_lang_parse(const char *s)
{
	size_t n = strcspn(s, "_.@");

	if (n == 2 && strncmp(s, "en", 2) == 0)
		return WF_LANG_EN;
	if (n == 2 && strncmp(s, "it", 2) == 0)
		return WF_LANG_IT;
	return -1;
}

const char *wf_lang_code(enum wf_lang lang)
{
	return lang == WF_LANG_IT ? "it" : "en";
}

#define WF_MSG_ROW(id, en, it) { #id, { en, it } },
static const struct {
	const char *name;
	const char *text[WF_LANG_COUNT];
} msgs[] = { WF_MSGS(WF_MSG_ROW) };
#undef WF_MSG_ROW

const char *wf_msg(enum wf_lang lang, enum wf_msg id)
{
	if ((unsigned)id >= WF_MSG_COUNT)
		return "";
	return msgs[id].text[(unsigned)lang < WF_LANG_COUNT ? lang : WF_LANG_EN];
}

const char *wf_msg_name(enum wf_msg id)
{
	return (unsigned)id < WF_MSG_COUNT ? msgs[id].name : "";
}

/* Italian headings of the columns wfkit writes (wf-ingest, wf-benchmark,
 * wf-match, wf-report's own tables), in the words of Conto Annuale
 * readers: "ente", "comparto", "spesa per dipendente", "mediana dei
 * pari". English shows the machine names. */
static const char *const columns[][2] = {
	{ "year", "anno" },
	{ "institution", "ente" },
	{ "institution_type", "tipo di ente" },
	{ "institution_name", "denominazione" },
	{ "contract", "contratto" },
	{ "aggregate", "aggregato" },
	{ "comparto", "comparto" },
	{ "region", "regione" },
	{ "province", "provincia" },
	{ "comune", "comune" },
	{ "comune_name", "nome del comune" },
	{ "measure", "voce" },
	{ "value", "valore" },
	{ "size_class", "classe dimensionale" },
	{ "institutions", "enti" },
	{ "metric_total", "spesa totale" },
	{ "denominator_total", "dipendenti totali" },
	{ "no_denominator", "enti senza dipendenti" },
	{ "ratio_of_totals", "rapporto tra i totali" },
	{ "mean", "media" },
	{ "median", "mediana" },
	{ "zero_share_pct", "quota di enti a zero (%)" },
	{ "metric", "spesa" },
	{ "denominator", "dipendenti" },
	{ "per_employee", "spesa per dipendente" },
	{ "peers", "enti pari" },
	{ "peer_mean", "media dei pari" },
	{ "peer_median", "mediana dei pari" },
	{ "peer_p25", "25° percentile dei pari" },
	{ "peer_p75", "75° percentile dei pari" },
	{ "peer_p90", "90° percentile dei pari" },
	{ "peer_min", "minimo dei pari" },
	{ "peer_max", "massimo dei pari" },
	{ "pct_rank", "rango percentile" },
	{ "robust_z", "z-score robusto" },
	{ "gap_median", "scarto dalla mediana" },
	{ "gap_median_pct", "scarto dalla mediana (%)" },
	{ "gap_to_median_eur", "scarto dalla mediana (euro)" },
	{ "gap_to_p25_eur", "scarto dal 25° percentile (euro)" },
	{ "spenders", "enti con spesa" },
	{ "spender_median", "mediana di chi spende" },
	{ "spender_p25", "25° percentile di chi spende" },
	{ "spender_p75", "75° percentile di chi spende" },
	{ "spender_pct_rank", "rango percentile tra chi spende" },
	{ "provenance", "provenienza" },
	{ "change", "variazione" },
	{ "change_pct", "variazione (%)" },
	{ "cagr_pct", "crescita media annua (%)" },
	{ "slope", "pendenza" },
	{ "baseline_period", "periodo di riferimento" },
	{ "baseline_value", "valore di riferimento" },
	{ "since_baseline", "variazione dal riferimento" },
	{ "since_baseline_pct", "variazione dal riferimento (%)" },
	{ "since_baseline_rank", "posizione dal riferimento" },
	{ "flags", "segnalazioni" },
	{ "demand_id", "domanda" },
	{ "demand_category", "categoria richiesta" },
	{ "demand_name", "nome del richiedente" },
	{ "demand_comune", "comune della domanda" },
	{ "served_by", "servita da" },
	{ "supply_id", "fornitore" },
	{ "supply_name", "nome del fornitore" },
	{ "category", "categoria" },
	{ "distance_km", "distanza (km)" },
	{ "score", "punteggio" },
	{ "fit", "pertinenza" },
	{ "proximity", "vicinanza" },
	{ "capacity", "capienza" },
	{ "price", "prezzo" },
	{ "assigned", "assegnato" },
	{ "unmet", "non coperto" },
	{ "status", "esito" },
	{ "reason", "motivo" },
	{ "demand_lat", "latitudine domanda" },
	{ "demand_lon", "longitudine domanda" },
	{ "supply_lat", "latitudine fornitore" },
	{ "supply_lon", "longitudine fornitore" },
	{ "name", "nome" },
	{ "quantity", "quantità" },
	{ "rank", "posizione" },
	{ "group", "gruppo" },
	{ "first", "primo" },
	{ "first_value", "primo valore" },
	{ "last", "ultimo" },
	{ "last_value", "ultimo valore" },
	{ "coverage_pct", "copertura (%)" },
	{ "matches", "abbinamenti" },
	{ "indicator", "indicatore" },
	{ "unit", "unità di misura" },
	{ "quartile", "quarto" },
};

const char *wf_lang_column(enum wf_lang lang, const char *name)
{
	if (lang != WF_LANG_IT)
		return name;
	for (size_t i = 0; i < sizeof columns / sizeof *columns; i++)
		if (strcmp(columns[i][0], name) == 0)
			return columns[i][1];
	return name;
}

size_t wf_lang_ncolumns(void)
{
	return sizeof columns / sizeof *columns;
}

const char *wf_lang_column_name(size_t i)
{
	return i < wf_lang_ncolumns() ? columns[i][0] : NULL;
}

/* Coded values by column: { column, code, English, Italian }. English
 * NULL keeps the code (it is already the English word). */
static const char *const values[][4] = {
	{ "flags", "zero", NULL, "spesa zero" },
	{ "flags", "no_denominator", NULL, "senza dipendenti" },
	{ "flags", "outlier", NULL, "anomalo" },
	{ "flags", "small_peer_group", NULL, "gruppo di pari piccolo" },
	{ "flags", "first_year", NULL, "primo anno" },
	{ "flags", "cagr_no_start", NULL, "crescita non calcolabile: nessun valore all'inizio" },
	{ "flags", "cagr_zero_start", NULL, "crescita non calcolabile: zero all'inizio" },
	{ "flags", "cagr_no_end", NULL, "crescita non calcolabile: nessun valore alla fine" },
	{ "flags", "cagr_zero_end", NULL, "crescita non calcolabile: zero alla fine" },
	{ "flags", "changed", NULL, "variato" },
	{ "flags", "none", NULL, "nessuna" },
	{ "reason", "no provider offers the category", NULL, "nessun fornitore offre la categoria" },
	{ "reason", "no provider in range", NULL, "nessun fornitore a distanza utile" },
	{ "reason", "over budget", NULL, "oltre il budget" },
	{ "reason", "capacity exhausted", NULL, "capienza esaurita" },
	{ "status", "assigned", NULL, "assegnato" },
	{ "status", "candidate", NULL, "candidato" },
	{ "status", "unmet", NULL, "non coperto" },
	/* Conto Annuale code lists (CompartoContratto, TipoIstituzione) */
	{ "aggregate", "04", NULL, "Regioni e autonomie locali" },
	{ "aggregate", "32", NULL, "Regioni a statuto speciale e province autonome" },
	{ "aggregate", "01", NULL, "Servizio sanitario nazionale" },
	{ "aggregate", "02", NULL, "Enti pubblici non economici" },
	{ "aggregate", "03", NULL, "Enti di ricerca" },
	{ "aggregate", "05", NULL, "Ministeri" },
	{ "aggregate", "07", NULL, "Scuola" },
	{ "aggregate", "08", NULL, "Università" },
	{ "aggregate", "09", NULL, "Corpi di polizia" },
	{ "aggregate", "10", NULL, "Forze armate" },
	{ "aggregate", "15", NULL, "Agenzie fiscali" },
	{ "comparto", "FL", NULL, "Funzioni locali" },
	{ "comparto", "FC", NULL, "Funzioni centrali" },
	{ "comparto", "SA", NULL, "Sanità" },
	{ "comparto", "IR", NULL, "Istruzione e ricerca" },
	{ "comparto", "DP", NULL, "Personale in regime di diritto pubblico" },
	{ "comparto", "AF", NULL, "Comparto autonomo o fuori comparto" },
	{ "institution_type", "C", NULL, "Comuni" },
	{ "institution_type", "UC", NULL, "Unioni di comuni" },
	{ "institution_type", "N", NULL, "Comunità montane" },
	{ "institution_type", "P", NULL, "Province" },
	{ "institution_type", "R", NULL, "Regioni" },
	{ "institution_type", "RS", NULL, "Regioni a statuto speciale" },
	{ "institution_type", "U", NULL, "Unità sanitarie locali" },
	{ "institution_type", "M", NULL, "Ministeri" },
	{ "measure", "L090", NULL, "Benessere del personale (L090)" },
	/* wf-benchmark --profile indicators and their units */
	{ "indicator", "welfare_core", NULL, "welfare (L090)" },
	{ "indicator", "welfare_extended", NULL, "welfare esteso (L090, buoni pasto, L107, P035)" },
	{ "indicator", "welfare_core_per_employee", NULL, "welfare (L090) per dipendente" },
	{ "indicator", "women_share", NULL, "quota di donne" },
	{ "indicator", "training_days_per_employee", NULL, "giorni di formazione per dipendente" },
	{ "indicator", "telework_share", NULL, "quota in telelavoro" },
	{ "indicator", "telework_women_share", NULL, "quota di donne in telelavoro" },
	{ "indicator", "shift_work_share", NULL, "quota in turni" },
	{ "indicator", "on_call_share", NULL, "quota in reperibilità" },
	{ "indicator", "absence_days_per_employee", NULL, "giorni di assenza per dipendente" },
	{ "indicator", "absence_illness_per_employee", NULL, "giorni di malattia per dipendente" },
	{ "indicator", "absence_care_per_employee", NULL, "giorni di assenza per assistenza per dipendente" },
	{ "indicator", "absence_parental_per_employee", NULL, "giorni di congedo parentale per dipendente" },
	{ "indicator", "fua_welfare_per_employee", NULL, "welfare integrativo dal fondo (FUA) per dipendente" },
	{ "unit", "EUR", NULL, "euro" },
	{ "unit", "EUR per employee", NULL, "euro per dipendente" },
	{ "unit", "% of staff", NULL, "% del personale" },
	{ "unit", "% of teleworkers", NULL, "% dei telelavoratori" },
	{ "unit", "days per employee", NULL, "giorni per dipendente" },
	{ "measure", "HEADCOUNT", NULL, "personale al 31/12" },
	{ "measure", "FLEX_UNITS", NULL, "lavoro flessibile (unità annue)" },
};

/* The welfare taxonomy (share/wfkit/taxonomy.csv codes) in the words of
 * the CCNL Funzioni Locali and TUIR art. 51. */
static const char *const categories[][3] = {
	{ "HEALTH_FUND", "supplementary health fund or policy", "fondo o polizza sanitaria integrativa" },
	{ "HEALTH_SERV", "check-ups, dental, prevention, medical costs",
	  "check-up, cure dentarie, prevenzione, spese mediche" },
	{ "LTC_INS", "long-term-care insurance", "assicurazione long term care" },
	{ "CHILDCARE", "nursery and pre-school", "asilo nido e scuola dell'infanzia" },
	{ "EDU_KIDS", "school fees, books, canteen", "rette, libri, mensa e trasporto scolastico" },
	{ "SCHOLARSHIP", "scholarships for children", "borse di studio per i figli" },
	{ "CAMPS", "summer and winter camps", "centri estivi e invernali" },
	{ "ELDERCARE", "care for elderly relatives", "assistenza a familiari anziani" },
	{ "TRANSPORT", "public-transport pass", "abbonamento al trasporto pubblico" },
	{ "MEAL", "canteen and meal vouchers", "mensa e buoni pasto" },
	{ "CULTURE_LEISURE", "culture, sport, recreation", "cultura, sport e tempo libero" },
	{ "TRAINING", "non-mandatory training", "formazione non obbligatoria" },
	{ "INCOME_SUPPORT", "subsidies and family aid", "sussidi e sostegno al reddito" },
	{ "LOANS", "advances and loans", "anticipi e prestiti" },
	{ "UTILITIES_HOUSING", "utilities and rent", "utenze, affitto e mutuo" },
	{ "PENSION", "supplementary pension", "previdenza complementare" },
	{ "FRINGE_VOUCHER", "shopping and fuel vouchers", "buoni acquisto e carburante" },
	{ "WELLBEING_WORK", "work-life and psychological support",
	  "conciliazione e supporto psicologico" },
};

static const char *const regions[][2] = {
	{ "01", "Piemonte" }, { "02", "Valle d'Aosta" }, { "03", "Lombardia" },
	{ "04", "Trentino-Alto Adige" }, { "05", "Veneto" }, { "06", "Friuli-Venezia Giulia" },
	{ "07", "Liguria" }, { "08", "Emilia-Romagna" }, { "09", "Toscana" }, { "10", "Umbria" },
	{ "11", "Marche" }, { "12", "Lazio" }, { "13", "Abruzzo" }, { "14", "Molise" },
	{ "15", "Campania" }, { "16", "Puglia" }, { "17", "Basilicata" }, { "18", "Calabria" },
	{ "19", "Sicilia" }, { "20", "Sardegna" },
};

const char *wf_lang_category(enum wf_lang lang, const char *code)
{
	for (size_t i = 0; i < sizeof categories / sizeof *categories; i++)
		if (strcmp(categories[i][0], code) == 0)
			return categories[i][lang == WF_LANG_IT ? 2 : 1];
	return NULL;
}

static const char *one_value(enum wf_lang lang, const char *column, const char *v, size_t n)
{
	for (size_t i = 0; i < sizeof values / sizeof *values; i++)
		if (strcmp(values[i][0], column) == 0 && strlen(values[i][1]) == n &&
		    strncmp(values[i][1], v, n) == 0)
			return values[i][lang == WF_LANG_IT ? 3 : 2];
	return NULL;
}

const char *wf_lang_value(enum wf_lang lang, const char *column, const char *value,
			  char *buf, size_t bufsz)
{
	if (lang != WF_LANG_IT || !value || !*value)
		return NULL;
	if (strcmp(column, "category") == 0)
		return wf_lang_category(lang, value);
	if (strcmp(column, "region") == 0) {
		for (size_t i = 0; i < sizeof regions / sizeof *regions; i++)
			if (strcmp(regions[i][0], value) == 0)
				return regions[i][1];
		return NULL;
	}
	if (strcmp(column, "flags") == 0 && strchr(value, '|')) {
		/* "outlier|zero": each flag, joined by ", "; unknown ones as written. */
		size_t len = 0;
		const char *p = value;
		if (!bufsz)
			return NULL;
		buf[0] = '\0';
		while (*p) {
			size_t n = strcspn(p, "|");
			const char *t = one_value(lang, column, p, n);
			int k = snprintf(buf + len, bufsz - len, "%s%.*s", len ? ", " : "",
					 t ? (int)strlen(t) : (int)n, t ? t : p);
			if (k < 0 || (size_t)k >= bufsz - len)
				return NULL; /* too long for buf: shown as written */
			len += (size_t)k;
			p += n + (p[n] == '|');
		}
		return buf;
	}
	return one_value(lang, column, value, strlen(value));
}
