#!/usr/bin/env bats
# Invariants: every input data row is either written or rejected (and
# the rejects file holds exactly the rejected ones); ingest -> CSV ->
# ingest round-trips byte-identically on every synthetic year 2001-2024
# (all the real dialects, as wf-synth writes them); the CSV and NDJSON
# writers agree. All data is SYNTHETIC.
load common
load rely

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# N good cost rows with bad ones and blank lines mixed in.
mixed_cost() {
	{ echo "$COST_HDR"
	  awk 'BEGIN { for (i = 1; i <= 500; i++) {
		printf "C%d;RALN;L090;%d,%02d\n", i, i, i % 100
		if (i % 50 == 0) printf "C%d;RALN;L090;1e400\n", i
		if (i % 70 == 0) printf "C%d;RALN\n", i
		if (i % 90 == 0) printf "\n"
		if (i % 110 == 0) printf "C%d;RALN;L090;1.2.3,4,5\n", i
	  } }'
	  printf 'C9;RALN;L090;\0\n'; } > COSTO_LAVORO_2019.csv
}

@test "wf-ingest: rows read = records written + rows rejected = rejects file rows + written" {
	mixed_cost
	data=$(tail -n +2 COSTO_LAVORO_2019.csv | grep -c -a -v '^$')
	run --separate-stderr rely_run wf-ingest --rejects rej.csv COSTO_LAVORO_2019.csv
	[ "$status" -eq 1 ]
	written=$(( ${#lines[@]} - 1 ))
	rejected=$(( $(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))))' rej.csv) - 1 ))
	echo "$data $written $rejected / $stderr"
	[ "$written" -eq 500 ]
	[ $(( written + rejected )) -eq "$data" ]
	[[ "$stderr" == *"COSTO_LAVORO 2019: $data rows read, $rejected rejected, $written records written, 5 blank lines skipped"* ]]
}

@test "wf-benchmark: rows read = accepted + rejected, and the accepted values are all in the totals" {
	mixed_cost
	# the same rows as a fact stream
	{ echo "$FACTS_HDR"
	  tail -n +2 COSTO_LAVORO_2019.csv | tr -d '\0' | awk -F';' '
		$0 == "" { print; next }
		{ v = $4; gsub(",", ".", v); printf "2019,%s,C,X,%s,04,FL,03,MI,015146,%s,%s\n", $1, $2, $3, v }'; } > facts.csv
	printf '2019,C9,C,"\0",RALN,04,FL,03,MI,015146,L090,0\n' >> facts.csv
	data=$(tail -n +2 facts.csv | grep -c -a -v '^$')
	run --separate-stderr rely_run wf-benchmark -v --rejects rej.csv facts.csv
	[ "$status" -eq 1 ]
	rejected=$(( $(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))))' rej.csv) - 1 ))
	echo "$data $rejected / $stderr"
	[[ "$stderr" == *"wf-benchmark: $data rows read, $rejected rejected, "* ]]
	# exact decimal totals: output metric sum = sum of the accepted values
	want=$(awk -F, 'NR > 1 && $12 ~ /^[0-9]+(\.[0-9]+)?$/ && NF == 12 { s += sprintf("%.0f", $12 * 100) } END { printf "%d", s }' facts.csv)
	got=$(echo "$output" | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "metric") c = i; next } { s += sprintf("%.0f", $c * 100) } END { printf "%d", s }')
	[ "$want" = "$got" ]
	[ "$(( ${#lines[@]} - 1 ))" -eq 500 ]
}

# Turn a canonical fact stream back into the three source layouts
# (counts in the first column of each, zeros in the rest).
facts_to_sources() {
	local y="$1" f="$2"
	awk -F, -v y="$y" -v OFS=';' '
		BEGIN {
			c = "COSTO_LAVORO_" y ".csv"; o = "OCCUPAZIONE_" y ".csv"; l = "LAVORO_FLESSIBILE_" y ".csv"
			print "ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA" > c
			print "ISTITUZIONE;CONTRATTO;PERSONALE_TEMPO_PIENO_UOMINI;PERSONALE_TEMPO_PIENO_DONNE;PART_TIME_INF50%_UOMINI;PART_TIME_INF50%_DONNE;PART_TIME_SUP50%_UOMINI;PART_TIME_SUP50%_DONNE" > o
			print "ISTITUZIONE;CONTRATTO;PERSONALE_TEMPO_DETERMINATO_UOMINI;PERSONALE_TEMPO_DETERMINATO_DONNE;FORMAZIONE_LAVORO_UOMINI;FORMAZIONE_LAVORO_DONNE;INTERINALE_UOMINI;INTERINALE_DONNE;LAVORO_SOCIALMENTE_UTILE_UOMINI;LAVORO_SOCIALMENTE_UTILE_DONNE" > l
		}
		NR == 1 { next }
		# names may hold commas: count fields from the end
		{ inst = $2; contract = $(NF - 7); m = $(NF - 1); v = $NF }
		m == "HEADCOUNT" { print inst, contract, v, 0, 0, 0, 0, 0 > o; next }
		m == "FLEX_UNITS" { print inst, contract, v, 0, 0, 0, 0, 0, 0, 0 > l; next }
		{ print inst, contract, m, v > c }' "$f"
}

@test "ingest -> CSV -> ingest round-trips byte-identically for every synthetic year 2001-2024 (all dialects)" {
	wf-synth --demo --tiny --years 2001-2024 -o syn > /dev/null 2>&1
	codes=syn/SYNTHETIC_Anagrafiche
	n=0
	for z in syn/*.zip; do
		y=$(basename "$z" | cut -c1-4)
		mkdir -p "rt$y"
		wf-ingest --no-progress --codes "$codes" "$z" > "rt$y/marked.csv" 2>/dev/null
		[ "$(wc -l < "rt$y/marked.csv")" -gt 100 ]
		# the archive says SYNTHETIC, so every row does; loose CSV files
		# cannot carry the mark, so the round trip compares the 12 columns
		[ "$(grep -vc ',data=SYNTHETIC$' "rt$y/marked.csv")" -eq 1 ]
		sed 's/,provenance$//; s/,data=SYNTHETIC$//' "rt$y/marked.csv" > "rt$y/a.csv"
		(cd "rt$y" && facts_to_sources "$y" a.csv)
		(cd "rt$y" && wf-ingest --no-progress --codes "../$codes" --decimal point \
			"COSTO_LAVORO_$y.csv" "OCCUPAZIONE_$y.csv" "LAVORO_FLESSIBILE_$y.csv" > b.csv 2>/dev/null)
		cmp "rt$y/a.csv" "rt$y/b.csv"
		n=$((n + 1))
	done
	[ "$n" -eq 24 ]
}

@test "CSV and NDJSON outputs of wf-ingest agree on every synthetic year" {
	wf-synth --demo --tiny --years 2001-2024 -o syn > /dev/null 2>&1
	wf-ingest --no-progress --codes syn/SYNTHETIC_Anagrafiche syn/*.zip > a.csv 2>/dev/null
	wf-ingest --no-progress --codes syn/SYNTHETIC_Anagrafiche -f ndjson syn/*.zip > a.ndjson 2>/dev/null
	python3 - a.csv a.ndjson <<'PY'
import csv, json, sys
from decimal import Decimal
rows = list(csv.DictReader(open(sys.argv[1], newline='')))
objs = [json.loads(l, parse_float=Decimal, parse_int=Decimal) for l in open(sys.argv[2])]
assert len(rows) == len(objs) > 20000, (len(rows), len(objs))
for r, o in zip(rows, objs):
    assert list(r) == list(o), (list(r), list(o))
    for k in r:
        if k == 'value' or k == 'year':  # numbers in NDJSON
            assert (r[k] == '' and o[k] is None) or Decimal(r[k]) == o[k], (k, r, o)
        else:
            assert r[k] == o[k], (k, r, o)
PY
}
