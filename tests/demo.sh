#!/bin/sh
# make demo: the source report's story on SYNTHETIC data (invented
# figures, real institutions and places), in Italian and in English:
#   trend      L090 of Piedmont's comuni and unions, 2001-2024 (Figure 1)
#   benchmark  Cortemilia against the other comuni, with its euro gap
#   map        L090 per employee of comuni by region (Piedmont's comuni
#              and the other regional capitals)
#   match      Cortemilia's Christmas vouchers and the local shops
#   profile    Torino's staff-wellbeing indicators against the other comuni
# Pages: BUILD/demo/it/*.html and BUILD/demo/en/*.html.
set -eu
B=${1:-build}
BIN="$B/bin"
D="$B/demo"
rm -rf "$D"
mkdir -p "$D/it" "$D/en"

echo "== SYNTHETIC data (not real RGS data): Piedmont comuni and unions and the other"
echo "   regional capitals, 2001-2024 -> $D/data"
"$BIN/wf-synth" --piemonte -o "$D/data"
echo "== wf-ingest: 24 yearly zips in their real dialects -> $D/facts.csv"
"$BIN/wf-ingest" --codes "$D/data/SYNTHETIC_Anagrafiche" "$D"/data/*.zip -o "$D/facts.csv" 2>"$D/ingest.log" || {
	cat "$D/ingest.log" >&2; exit 1; }
tail -n 2 "$D/ingest.log"

echo "== wf-benchmark: L090 per employee against peers of the same type and region -> $D/benchmark.csv"
"$BIN/wf-benchmark" --metric L090 --per HEADCOUNT --peers institution_type,region --min-peers 3 \
	"$D/facts.csv" -o "$D/benchmark.csv"
"$BIN/wf-benchmark" --metric L090 --per HEADCOUNT --summary --by aggregate,region "$D/facts.csv" \
	-o "$D/summary-aggregate.csv"
"$BIN/wf-benchmark" --metric L090 --per HEADCOUNT --summary --by institution_type,region "$D/facts.csv" \
	-o "$D/summary-type.csv"
echo "== wf-benchmark --profile: the staff-wellbeing indicators against peers -> $D/profile.csv"
"$BIN/wf-benchmark" --profile --peers institution_type --min-peers 3 "$D/facts.csv" -o "$D/profile.csv"

echo "== wf-match: SYNTHETIC Piedmont welfare demand against local supply -> $D/match.csv"
"$BIN/wf-synth-match" -o "$D/match-data"
"$BIN/wf-match" --assign --unmet "$D/unmet.csv" "$D/match-data/demand.csv" "$D/match-data/supply.csv" \
	-o "$D/match.csv" 2>"$D/match.log"
head -n 2 "$D/match.log"

# The pages, once per language. Cortemilia is C2627 (ISTAT 004073).
page() { # LANG NAME wf-report-arguments...
	l=$1 n=$2
	shift 2
	"$BIN/wf-report" --lang "$l" -f html -o "$D/$l/$n.html" "$@"
}
for l in it en; do
	if [ "$l" = it ]; then
		t1="Benessere del personale (L090), Piemonte 2001-2024: dati SINTETICI"
		t2="Cortemilia e gli altri comuni del Piemonte: dati SINTETICI"
		t3="Comuni: spesa per il benessere del personale per regione, dati SINTETICI"
		t4="Buoni di Natale di Cortemilia e le botteghe del paese: dati SINTETICI"
		t5="Profilo del benessere del personale di Torino: dati SINTETICI"
		lab=""
	else
		t1="L090 staff wellbeing, Piedmont 2001-2024: SYNTHETIC data"
		t2="Cortemilia against the other comuni of Piedmont: SYNTHETIC data"
		t3="Comuni: staff wellbeing spending by region, SYNTHETIC data"
		t4="Cortemilia's Christmas vouchers and the local shops: SYNTHETIC data"
		t5="Staff-wellbeing profile of Torino: SYNTHETIC data"
		lab="--label=04=Regions and local authorities"
	fi
	page $l trend --kind trend --unit EUR --title "$t1" ${lab:+"$lab"} --label C=Comuni \
		--group aggregate,institution_type --where region=01 --where aggregate=04 \
		--where institution_type=C "$D/summary-aggregate.csv" "$D/summary-type.csv"
	page $l benchmark --kind benchmark --unit EUR --institution C2627 --title "$t2" "$D/benchmark.csv"
	page $l map --kind benchmark --unit EUR --title "$t3" --where institution_type=C "$D/benchmark.csv"
	page $l match --kind match --title "$t4" --where demand_comune=004073 \
		--where demand_category=FRINGE_VOUCHER "$D/match.csv"
	page $l profile --kind profile --institution C7484 --title "$t5" "$D/profile.csv"
done
echo "== L090 of Piedmont's comuni and unions by year (SYNTHETIC)"
"$BIN/wf-report" --lang it --max-width 12 --where institution_type=C --where region=01 \
	"$D/summary-type.csv" | head -n 12
last=$(tail -n 1 "$D/benchmark.csv" | cut -d, -f1)
echo "== Piedmont's comuni, $last: most spend nothing, so the spenders' statistics; gaps in euros (SYNTHETIC)"
"$BIN/wf-report" --where institution_type=C --where region=01 --where "year=$last" --where 'per_employee>0' \
	--max-width 28 --sort per_employee:desc \
	--columns institution_name,per_employee,peer_median,zero_share_pct,spenders,spender_median,spender_pct_rank,gap_to_median_eur \
	"$D/benchmark.csv" | head -n 24
echo "== what it would cost for every body below its group's median (p25) to reach it, $last (SYNTHETIC)"
"$BIN/wf-report" --where "year=$last" --where region=01 --sort gap_to_median_eur:desc \
	--columns institution_type,institutions,median,zero_share_pct,spenders,spender_median,gap_to_median_eur,gap_to_p25_eur \
	"$D/summary-type.csv"
echo "== Torino's staff-wellbeing profile against the other comuni (SYNTHETIC; charts in $D/it/profile.html)"
"$BIN/wf-report" --lang it --kind profile --institution C7484 "$D/profile.csv" |
	sed -n '/^Indicatori a confronto con i pari$/,$p'
echo "== done: open $D/it/*.html and $D/en/*.html"
