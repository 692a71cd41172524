#!/bin/sh
# make demo: the whole pipeline on the embedded SYNTHETIC sample (wf-synth
# --demo: 47 real institutions, invented figures, L090 calibrated to the
# published totals), ending in an HTML report and a terminal summary.
set -eu
B=${1:-build}
BIN="$B/bin"
D="$B/demo"
rm -rf "$D"
mkdir -p "$D"
echo "== SYNTHETIC sample (not real RGS data): $D/data"
"$BIN/wf-synth" --demo -o "$D/data"
echo "== wf-ingest: the yearly zips -> $D/facts.csv"
"$BIN/wf-ingest" --codes "$D/data/SYNTHETIC_Anagrafiche" "$D"/data/*.zip -o "$D/facts.csv" 2>"$D/ingest.log" || {
	cat "$D/ingest.log" >&2; exit 1; }
tail -n 2 "$D/ingest.log"
if [ -x "$BIN/wf-benchmark" ]; then
	echo "== wf-benchmark: L090 per employee against peers -> $D/benchmark.csv"
	"$BIN/wf-benchmark" --metric L090 --per HEADCOUNT --peers institution_type --min-peers 3 \
		"$D/facts.csv" -o "$D/benchmark.csv"
	"$BIN/wf-benchmark" --metric L090 --per HEADCOUNT --summary --by aggregate "$D/facts.csv" -o "$D/summary-aggregate.csv"
	"$BIN/wf-benchmark" --metric L090 --per HEADCOUNT --summary --by institution_type "$D/facts.csv" -o "$D/summary-type.csv"
	echo "== wf-benchmark --profile: the staff-wellbeing indicators against peers -> $D/profile.csv"
	"$BIN/wf-benchmark" --profile --peers institution_type --min-peers 3 "$D/facts.csv" -o "$D/profile.csv"
fi
if [ -x "$BIN/wf-match" ] && [ -x "$BIN/wf-synth-match" ]; then
	echo "== wf-match: SYNTHETIC Piedmont welfare demand against local supply -> $D/match.csv"
	"$BIN/wf-synth-match" -o "$D/match-data"
	"$BIN/wf-match" --assign --unmet "$D/unmet.csv" "$D/match-data/demand.csv" "$D/match-data/supply.csv" \
		-o "$D/match.csv"
fi
if [ -x "$BIN/wf-report" ]; then
	if [ -f "$D/summary-aggregate.csv" ]; then
		echo "== wf-report: HTML report -> $D/report.html"
		"$BIN/wf-report" -f html --kind trend --unit EUR --title "L090 benessere del personale (SYNTHETIC demo data)" \
			--where aggregate=04 --where institution_type=C \
			--label '04=Regions and local authorities' --label C=Comuni \
			"$D/summary-aggregate.csv" "$D/summary-type.csv" -o "$D/report.html"
		"$BIN/wf-report" -f html --kind benchmark --institution C6144 \
			--title "Roma Capitale against the other comuni (SYNTHETIC demo data)" "$D/benchmark.csv" -o "$D/benchmark.html"
		[ -f "$D/match.csv" ] && "$BIN/wf-report" -f html --kind match \
			--title "Welfare demand and supply, Piedmont (SYNTHETIC demo data)" "$D/match.csv" -o "$D/match.html"
		echo "== L090 of aggregate 04 by year (SYNTHETIC)"
		"$BIN/wf-report" --where aggregate=04 "$D/summary-aggregate.csv"
		echo "== comuni, latest year: most spend nothing, so the spenders' statistics; euro gaps (SYNTHETIC)"
		last=$(tail -n 1 "$D/benchmark.csv" | cut -d, -f1)
		"$BIN/wf-report" --where institution_type=C --where "year=$last" --max-width 28 \
			--columns institution_name,per_employee,peer_median,zero_share_pct,spenders,spender_median,spender_pct_rank,gap_to_median_eur \
			--sort per_employee:desc "$D/benchmark.csv"
		echo "== what it would cost for every body below its group's median (p25) to reach it, $last (SYNTHETIC)"
		"$BIN/wf-report" --where "year=$last" \
			--columns institution_type,institutions,median,zero_share_pct,spenders,spender_median,gap_to_median_eur,gap_to_p25_eur \
			--sort gap_to_median_eur:desc "$D/summary-type.csv"
	fi
	if [ -f "$D/profile.csv" ]; then
		# One Piedmont comune: Torino (C7484) against the other comuni.
		"$BIN/wf-report" -f html --kind profile --institution C7484 \
			--title "Staff-wellbeing profile of Torino (SYNTHETIC demo data)" "$D/profile.csv" -o "$D/profile.html"
		echo "== staff-wellbeing profile of Torino against the other comuni (SYNTHETIC) -> $D/profile.html"
		"$BIN/wf-report" --kind profile --institution C7484 \
			--title "Staff-wellbeing profile of Torino (SYNTHETIC demo data)" "$D/profile.csv" | sed -n '/^Indicators against peers/,$p'
	fi
	if [ -f "$D/summary-aggregate.csv" ]; then :
	else
		echo "== the ingested facts, first rows (SYNTHETIC)"
		head -n 200 "$D/facts.csv" | "$BIN/wf-report" --max-width 24 | head -n 12
	fi
fi
echo "== done: open $D/*.html"
