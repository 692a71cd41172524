/*
 * wf_lang.h - the words of wf-report in English and Italian: one
 * message catalogue (WF_MSGS below), display headings for machine
 * column names, and display names for coded values (flags, unmet
 * reasons, match status, welfare categories).
 *
 * The language is chosen by the caller (wf-report: --lang, else the
 * WFKIT_LANG environment variable, else English); nothing here reads
 * the environment or the process locale.
 *
 * Every entry of WF_MSGS has both languages by construction (three
 * arguments); tests/unit/test_lang.c fails when a translation is empty,
 * equal to the English where that cannot be right, or has other printf
 * conversions than the English. Messages with conversions are printf
 * formats; the others are plain text.
 *
 * Column headings: in English the machine name itself (what -f csv and
 * -f json always show); in Italian the catalogue's heading, or the
 * machine name when the column is not wfkit's (a user's own column).
 *
 * How to add a message: append an X(WF_M_NAME, "English", "Italiano")
 * line to WF_MSGS and use wf_msg(lang, WF_M_NAME).
 *
 * Ownership: every returned string is static.
 */
#ifndef WF_LANG_H
#define WF_LANG_H

#include <stddef.h>

enum wf_lang { WF_LANG_EN = 0, WF_LANG_IT, WF_LANG_COUNT };

/* "en" or "it" (also "en_GB", "it_IT", "it_IT.UTF-8": the part before
 * '_' counts), else -1. */
int wf_lang_parse(const char *s);
/* "en" or "it": the HTML lang attribute. */
const char *wf_lang_code(enum wf_lang lang);

#define WF_MSGS(X) \
	/* report titles by kind */ \
	X(WF_M_TITLE_TABLE, "Table", "Tabella") \
	X(WF_M_TITLE_TREND, "Trend", "Andamento") \
	X(WF_M_TITLE_BENCHMARK, "Benchmark", "Confronto con i pari") \
	X(WF_M_TITLE_MATCH, "Matching of welfare demand and supply", \
	  "Incontro tra domanda e offerta di welfare") \
	X(WF_M_TITLE_PROFILE, "Staff-wellbeing profile", "Profilo del benessere del personale") \
	/* page frame */ \
	X(WF_M_GENERATED_FROM, "Generated from ", "Generato da ") \
	X(WF_M_NO_INPUT, "no input", "nessun input") \
	X(WF_M_ROWS_ONE, " (%lu row)", " (%lu riga)") \
	X(WF_M_ROWS_MANY, " (%lu rows)", " (%lu righe)") \
	X(WF_M_ON_DATE, " on ", " il ") \
	X(WF_M_NO_ROWS_TABLE, "(no rows)", "(nessuna riga)") \
	X(WF_M_NO_ROWS_CELL, "no rows", "nessuna riga") \
	X(WF_M_NO_COLUMNS, "(no columns)", "(nessuna colonna)") \
	X(WF_M_CHART_TEXT, "[chart: %s; drawn with -f html]", "[grafico: %s; disegnato con -f html]") \
	X(WF_M_CHART_MD, "Chart: %s (drawn with -f html)", "Grafico: %s (disegnato con -f html)") \
	X(WF_M_NO_ROWS, "No rows: the input has no data rows, so there is nothing to chart.", \
	  "Nessuna riga: l'input non contiene dati, quindi non c'è nulla da rappresentare.") \
	X(WF_M_SYNTHETIC, "SYNTHETIC data: invented figures, not real RGS data.", \
	  "Dati SINTETICI (SYNTHETIC): cifre inventate, non dati reali della RGS.") \
	/* charts */ \
	X(WF_M_NO_DATA_TO_DRAW, "no data to draw", "nessun dato da disegnare") \
	X(WF_M_NO_VALUE, "no value", "nessun valore") \
	X(WF_M_LONGITUDE, "longitude (degrees east)", "longitudine (gradi est)") \
	X(WF_M_LATITUDE, "latitude (degrees north)", "latitudine (gradi nord)") \
	X(WF_M_NO_DATA, "no data", "nessun dato") \
	X(WF_M_MEDIAN, "median", "mediana") \
	X(WF_M_AXIS_UNIT, "%s (%s)", "%s (%s)") \
	/* trend */ \
	X(WF_M_GROUP_NONE, "(none)", "(nessuno)") \
	X(WF_M_TREND_SUMMED_ONE, "%zu row shared a %s and group with an earlier row; the values " \
	  "of column '%s' were summed.", "%zu riga aveva %s e gruppo di una riga precedente; i " \
	  "valori della colonna '%s' sono stati sommati.") \
	X(WF_M_TREND_SUMMED_MANY, "%zu rows shared a %s and group with an earlier row; the values " \
	  "of column '%s' were summed.", "%zu righe avevano %s e gruppo di una riga precedente; " \
	  "i valori della colonna '%s' sono stati sommati.") \
	X(WF_M_TREND_CHART, "%s by %s", "%s per %s") \
	X(WF_M_TREND_CAPPED, "The chart shows the %zu groups with the largest last value of %zu; " \
	  "the table lists all.", "Il grafico mostra i %zu gruppi con l'ultimo valore più alto su " \
	  "%zu; la tabella li elenca tutti.") \
	X(WF_M_TREND_TABLE, "%s by %s and group", "%s per %s e gruppo") \
	X(WF_M_TREND_CHANGE, "Change of %s from first to last %s", \
	  "Variazione di %s dal primo all'ultimo %s") \
	X(WF_M_TREND_MAP, "%s by region, %s %s", "%s per regione, %s %s") \
	/* benchmark */ \
	X(WF_M_BENCH_NO_ROWS_INST, "Institution '%s' cannot be shown: the input has no rows.", \
	  "L'ente '%s' non può essere mostrato: l'input non ha righe.") \
	X(WF_M_BENCH_DIST, "Distribution of %s, %s %s", "Distribuzione di %s, %s %s") \
	X(WF_M_BENCH_DIST_CAPTION, "All institutions of the period, every peer group together.", \
	  "Tutti gli enti del periodo, tutti i gruppi di pari insieme.") \
	X(WF_M_BENCH_RANKED, "Institutions ranked by %s, %s %s (flagged rows highlighted)", \
	  "Enti ordinati per %s, %s %s (righe segnalate evidenziate)") \
	X(WF_M_BENCH_RANKED_NOTE, "%zu institutions in %s %s ranked by %s; %zu flagged.", \
	  "%zu enti (%s %s) ordinati per %s; con segnalazioni: %zu.") \
	X(WF_M_BENCH_CARD, "%s%s%s, %s %s", "%s%s%s, %s %s") \
	X(WF_M_BENCH_AMONG, "%s among its peers, %s %s", "%s tra i suoi pari, %s %s") \
	X(WF_M_BENCH_NO_MARKER, "The institution has no value in its latest period (see flags), " \
	  "so the distribution has no marker.", "L'ente non ha un valore nel suo ultimo periodo " \
	  "(vedi segnalazioni), quindi la distribuzione non ha un indicatore.") \
	X(WF_M_BENCH_PEERS_ONE, "%zu peer value; box: 25th to 75th percentile and median.", \
	  "%zu valore dei pari; riquadro: dal 25° al 75° percentile e mediana.") \
	X(WF_M_BENCH_PEERS_MANY, "%zu peer values; box: 25th to 75th percentile and median.", \
	  "%zu valori dei pari; riquadro: dal 25° al 75° percentile e mediana.") \
	X(WF_M_BENCH_PEER_GROUP, " Peer group:", " Gruppo dei pari:") \
	X(WF_M_BENCH_OVER_TIME, "%s over time", "%s nel tempo") \
	X(WF_M_BENCH_BY_PERIOD, "%s by %s", "%s per %s") \
	X(WF_M_BENCH_MAP, "%s by region, %s %s (median of the institutions)", \
	  "%s per regione, %s %s (mediana degli enti)") \
	X(WF_M_BENCH_PLACES, "%s by place, %s %s", "%s per luogo, %s %s") \
	X(WF_M_NONE, "none", "nessuna") \
	X(WF_M_NA, "n/a", "n.d.") \
	X(WF_M_CARD_METRIC, "metric", "spesa") \
	X(WF_M_CARD_PER_EMPLOYEE, "per employee", "spesa per dipendente") \
	X(WF_M_CARD_PEERS, "peers", "enti pari") \
	X(WF_M_CARD_PEER_MEDIAN, "peer median", "mediana dei pari") \
	X(WF_M_CARD_P25, "peer 25th percentile", "25° percentile dei pari") \
	X(WF_M_CARD_P75, "peer 75th percentile", "75° percentile dei pari") \
	X(WF_M_CARD_PCT_RANK, "percentile rank among peers", "rango percentile tra i pari") \
	X(WF_M_CARD_ROBUST_Z, "robust z-score", "z-score robusto") \
	X(WF_M_CARD_GAP_PCT, "gap to peer median (%)", "scarto dalla mediana dei pari (%)") \
	X(WF_M_CARD_GAP_EUR, "gap to peer median in total (EUR)", \
	  "scarto dalla mediana dei pari in totale (euro)") \
	X(WF_M_CARD_CHANGE_PCT, "change from previous period (%)", \
	  "variazione sul periodo precedente (%)") \
	X(WF_M_CARD_CAGR, "compound annual growth (%)", "crescita media annua composta (%)") \
	X(WF_M_CARD_FLAGS, "flags", "segnalazioni") \
	X(WF_M_CARD_GAP_P25_EUR, "cost to reach the peer 25th percentile (EUR)", \
	  "costo per raggiungere il 25° percentile dei pari (euro)") \
	X(WF_M_CARD_ZERO_SHARE, "peers spending nothing (%)", "pari che non spendono nulla (%)") \
	X(WF_M_CARD_SPENDERS, "peers spending something", "pari che spendono") \
	X(WF_M_CARD_SPENDER_MEDIAN, "median among spenders", "mediana tra chi spende") \
	X(WF_M_CARD_SPENDER_RANK, "percentile rank among spenders", \
	  "rango percentile tra chi spende") \
	X(WF_M_BENCH_COMMON_FLAG, "Flag '%s' is on %zu of %zu rows, so it is not highlighted.", \
	  "La segnalazione '%s' riguarda %zu righe su %zu, quindi non è evidenziata.") \
	X(WF_M_BENCH_MOST_ZERO, "%zu of %zu institutions spend nothing: peer medians and " \
	  "quartiles are 0 where most peers spend nothing; spender_median and spender_pct_rank " \
	  "compare the spenders only.", \
	  "%zu enti su %zu non spendono nulla: dove la maggior parte dei pari non spende, mediana " \
	  "e quartili dei pari valgono 0; la mediana e il rango tra chi spende confrontano solo " \
	  "chi spende.") \
	X(WF_M_WHERE_KEPT, "%s of %s rows match %s.", "%s righe su %s soddisfano %s.") \
	X(WF_M_WHERE_NONE, "No rows: %s of %s rows match %s.", \
	  "Nessuna riga: %s righe su %s soddisfano %s.") \
	X(WF_M_WHERE_AND, " and ", " e ") \
	X(WF_M_SYNTHETIC_TITLE, "SYNTHETIC: %s", "DATI SINTETICI (SYNTHETIC): %s") \
	/* match */ \
	X(WF_M_UNITS, "units", "unità") \
	X(WF_M_MATCH_CANDIDATES, "The input lists candidate offers (wf-match --top), not an " \
	  "assignment: coverage and busiest providers need wf-match --assign output.", \
	  "L'input elenca offerte candidate (wf-match --top), non un'assegnazione: copertura e " \
	  "fornitori più richiesti richiedono l'output di wf-match --assign.") \
	X(WF_M_MATCH_COVERAGE_CHART, "Coverage of demand by category", \
	  "Copertura del fabbisogno per categoria") \
	X(WF_M_MATCH_COVERED_PCT, "demand covered (%)", "fabbisogno coperto (%)") \
	X(WF_M_MATCH_ASSIGNED_CHART, "Assigned by category", "Assegnato per categoria") \
	X(WF_M_MATCH_NEEDS_UNMET, "Coverage needs the units left unserved: a column 'unmet' " \
	  "(wf-match writes it with its unmet needs); bars show assigned units.", \
	  "La copertura richiede le unità non servite: una colonna 'unmet' (wf-match la scrive " \
	  "con i fabbisogni non coperti); le barre mostrano le unità assegnate.") \
	X(WF_M_MATCH_COVERAGE_TABLE, "Coverage by category", "Copertura per categoria") \
	X(WF_M_MATCH_COVERAGE_NEED, "Coverage by the category the needs asked for", \
	  "Copertura per la categoria chiesta dal fabbisogno") \
	X(WF_M_MATCH_SERVED_NOTE, "Coverage is by the category each need asked for; served_by " \
	  "lists the offer categories that served it, their units and fit (1 for the same " \
	  "category, less for a related one).", \
	  "La copertura è per la categoria chiesta da ciascun fabbisogno; served_by elenca le " \
	  "categorie di offerta che l'hanno servito, le unità e l'affinità (1 per la stessa " \
	  "categoria, meno per una affine).") \
	X(WF_M_MATCH_HIGHLIGHTED, "Highlighted: categories with unmet demand.", \
	  "Evidenziate: categorie con fabbisogno non coperto.") \
	X(WF_M_MATCH_BUSIEST, "Busiest providers (top %zu of %zu)", \
	  "Fornitori più richiesti (primi %zu su %zu)") \
	X(WF_M_MATCH_PROVIDER, "provider", "fornitore") \
	X(WF_M_MATCH_BY_REASON, "Unmet demand by reason", "Fabbisogno non coperto per motivo") \
	X(WF_M_MATCH_UNMET_NEEDS, "Unmet needs (%zu)", "Fabbisogni non coperti (%zu)") \
	X(WF_M_MATCH_MAP, "Demand and supply positions", "Dove sono domanda e offerta") \
	X(WF_M_MATCH_DEMAND, "demand", "domanda") \
	X(WF_M_MATCH_SUPPLY, "supply", "offerta") \
	X(WF_M_MATCH_MAP_CAPTION, "Longitude and latitude, equirectangular projection; no map tiles.", \
	  "Longitudine e latitudine, proiezione equirettangolare; nessuna mappa di sfondo.") \
	X(WF_M_MATCH_MAP_ITALY, "Circles: demand (area: units requested); squares: supply " \
	  "(area: units assigned).", "Cerchi: domanda (area: unità richieste); quadrati: " \
	  "offerta (area: unità assegnate).") \
	X(WF_M_MATCH_NO_MAP, "No map: it needs columns demand_lat and demand_lon, or supply_lat " \
	  "and supply_lon, in the input.", "Nessuna mappa: servono le colonne demand_lat e " \
	  "demand_lon, oppure supply_lat e supply_lon, nell'input.") \
	/* profile */ \
	X(WF_M_PROFILE_TABLE, "Indicators against peers", "Indicatori a confronto con i pari") \
	X(WF_M_PROFILE_STRIP, "peers: - range, = p25-p75, | median, O this", \
	  "pari: - intervallo, = p25-p75, | mediana, O questo ente") \
	X(WF_M_PROFILE_INDICATORS, "indicators", "indicatori") \
	X(WF_M_PROFILE_RANKS, "Percentile rank among peers, %s (Q1 lowest quarter .. Q4 highest)", \
	  "Rango percentile tra i pari, %s (Q1 quarto più basso .. Q4 più alto)") \
	X(WF_M_PROFILE_NOTE, "%s %s. Each indicator is compared with the same peer group as in " \
	  "wf-benchmark (same %s and peer columns); pct_rank is the mid-rank percentile among " \
	  "those peers (0-100) and Q1..Q4 its quarter, Q4 the highest values, which is not always " \
	  "the better end (absences).", "Riferimento: %s %s. Ogni indicatore è confrontato con lo stesso gruppo " \
	  "di pari di wf-benchmark (stesso %s e stesse colonne dei pari); il rango percentile è " \
	  "il percentile a rango medio tra quei pari (0-100) e Q1..Q4 il suo quarto, Q4 i valori " \
	  "più alti, che non sono sempre il lato migliore (assenze).") \
	/* the map of Italy */ \
	X(WF_M_MAP_LEGEND_NODATA, "no data (hatched)", "nessun dato (tratteggio)") \
	X(WF_M_MAP_SYMBOLS, "Circles: area proportional to the value; %zu places.", \
	  "Cerchi: area proporzionale al valore; %zu luoghi.") \
	X(WF_M_MAP_OUTSIDE, "%zu points outside the map are not drawn.", \
	  "%zu punti fuori dalla mappa non sono disegnati.")

#define WF_MSG_ENUM(id, en, it) id,
enum wf_msg { WF_MSGS(WF_MSG_ENUM) WF_MSG_COUNT };
#undef WF_MSG_ENUM

/* The message in that language; an unknown lang gives the English, an
 * id out of range "". */
const char *wf_msg(enum wf_lang lang, enum wf_msg id);
/* The message's name ("WF_M_NO_ROWS"), for tests and messages; "" for
 * an id out of range. */
const char *wf_msg_name(enum wf_msg id);

/* The heading of a column: the machine name in English; the Italian
 * heading of a wfkit column in Italian, else the name itself. */
const char *wf_lang_column(enum wf_lang lang, const char *name);
/* Number of catalogued columns, and the i-th machine name (tests). */
size_t wf_lang_ncolumns(void);
const char *wf_lang_column_name(size_t i);

/* The display text of a coded value in a column: flags
 * ("outlier|zero", column "flags"), unmet reasons ("reason"), match
 * status ("status"), welfare categories ("category": taxonomy codes),
 * region codes ("region": "01" Piemonte), aggregates ("04" Regioni e
 * autonomie locali), comparti, institution types ("C" Comuni) and
 * measures ("L090" Benessere del personale (L090)). NULL when the value
 * is shown as it is (in English: always). Flags lists are translated item by item into buf
 * (bufsz bytes; NULL, shown as written, when they do not fit). */
const char *wf_lang_value(enum wf_lang lang, const char *column, const char *value,
			  char *buf, size_t bufsz);

/* The Italian and English name of a welfare category code
 * ("FRINGE_VOUCHER"), NULL when unknown. */
const char *wf_lang_category(enum wf_lang lang, const char *code);

#endif
