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

# Turn a canonical fact stream back into the source layouts: cost items
# one a row; per institution and contract one OCCUPAZIONE,
# LAVORO_FLESSIBILE, FORMAZIONE and MODALITA_LAVORO_FLESSIBILE row (men =
# total - women in the first pair of counts, zeros elsewhere); ASSENZE one
# row per cause measure (M05 illness, PR4 care, PR5 parental) and PR6 for
# the rest; CONTRATTAZIONE_INTEGRATIVA one row per FUA item. Exact
# decimals (python3 stdlib).
facts_to_sources() {
	python3 - "$1" "$2" <<'PY'
import csv, sys
from decimal import Decimal
y, f = sys.argv[1], sys.argv[2]
H = {
 "COSTO_LAVORO": "ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA",
 "OCCUPAZIONE": "ISTITUZIONE;CONTRATTO;PERSONALE_TEMPO_PIENO_UOMINI;PERSONALE_TEMPO_PIENO_DONNE;PART_TIME_INF50%_UOMINI;PART_TIME_INF50%_DONNE;PART_TIME_SUP50%_UOMINI;PART_TIME_SUP50%_DONNE",
 "LAVORO_FLESSIBILE": "ISTITUZIONE;CONTRATTO;PERSONALE_TEMPO_DETERMINATO_UOMINI;PERSONALE_TEMPO_DETERMINATO_DONNE;FORMAZIONE_LAVORO_UOMINI;FORMAZIONE_LAVORO_DONNE;INTERINALE_UOMINI;INTERINALE_DONNE;LAVORO_SOCIALMENTE_UTILE_UOMINI;LAVORO_SOCIALMENTE_UTILE_DONNE",
 "ASSENZE": "ISTITUZIONE;CONTRATTO;CATEGORIA;QUALIFICA;CAUSALE_ASSENZA;ASSENZE_UOMINI;ASSENZE_DONNE",
 "FORMAZIONE": "ISTITUZIONE;CONTRATTO;CATEGORIA;QUALIFICA;FORM_UOMINI;FORM_DONNE;FORM_MEDIA_UOMINI;FORM_MEDIA_DONNE",
 "MODALITA_LAVORO_FLESSIBILE": "ISTITUZIONE;CONTRATTO;MACROCATEGORIA;CATEGORIA;TELE_LAVORO_UOMINI;TELE_LAVORO_DONNE;SOGGETTI_A_TURNAZIONE_UOMINI;SOGGETTI_A_TURNAZIONE_DONNE;SOGGETTI_REPERIBILITA_UOMINI;SOGGETTI_REPERIBILITA_DONNE",
 "CONTRATTAZIONE_INTEGRATIVA": "ISTITUZIONE;CONTRATTO;MACROCATEGORIA;TIPO_VOCE_SPESA;VOCE_SPESA_FUA;IMPORTO",
}
out = {k: [v] for k, v in H.items()}
keyed = {k: {} for k in ("OCCUPAZIONE", "LAVORO_FLESSIBILE", "ASSENZE", "FORMAZIONE", "MODALITA_LAVORO_FLESSIBILE")}
where = {"HEADCOUNT": "OCCUPAZIONE", "FLEX_UNITS": "LAVORO_FLESSIBILE", "TRAINING_DAYS": "FORMAZIONE",
         "TELEWORK": "MODALITA_LAVORO_FLESSIBILE", "SHIFT_WORK": "MODALITA_LAVORO_FLESSIBILE",
         "ON_CALL": "MODALITA_LAVORO_FLESSIBILE"}
for r in csv.DictReader(open(f, newline="")):
    inst, con, m, v = r["institution"], r["contract"], r["measure"], r["value"]
    if m.startswith("FUA_"):
        out["CONTRATTAZIONE_INTEGRATIVA"].append(";".join([inst, con, "ND", m[4], m[5:], v]))
        continue
    base = m[:-6] if m.endswith("_WOMEN") else m
    lay = "ASSENZE" if base.startswith("ABSENCE_DAYS") else where.get(base)
    if not lay:
        out["COSTO_LAVORO"].append(";".join([inst, con, m, v]))
        continue
    d = keyed[lay].setdefault((inst, con), {})
    d[m] = Decimal(v)
def pair(d, m):
    t, w = d.get(m, Decimal(0)), d.get(m + "_WOMEN", Decimal(0))
    return [str(t - w), str(w)]
for (inst, con), d in keyed["OCCUPAZIONE"].items():
    out["OCCUPAZIONE"].append(";".join([inst, con] + pair(d, "HEADCOUNT") + ["0"] * 4))
for (inst, con), d in keyed["LAVORO_FLESSIBILE"].items():
    out["LAVORO_FLESSIBILE"].append(";".join([inst, con] + pair(d, "FLEX_UNITS") + ["0"] * 6))
for (inst, con), d in keyed["FORMAZIONE"].items():
    out["FORMAZIONE"].append(";".join([inst, con, "X", "Y"] + pair(d, "TRAINING_DAYS") + ["0", "0"]))
for (inst, con), d in keyed["MODALITA_LAVORO_FLESSIBILE"].items():
    out["MODALITA_LAVORO_FLESSIBILE"].append(";".join([inst, con, "ND", "X"] + pair(d, "TELEWORK")
                                                      + pair(d, "SHIFT_WORK") + pair(d, "ON_CALL")))
for (inst, con), d in keyed["ASSENZE"].items():
    rest_t, rest_w = d.get("ABSENCE_DAYS", Decimal(0)), d.get("ABSENCE_DAYS_WOMEN", Decimal(0))
    for code, c in (("M05", "ILLNESS"), ("PR4", "CARE"), ("PR5", "PARENTAL")):
        m = "ABSENCE_DAYS_" + c
        if m in d:
            out["ASSENZE"].append(";".join([inst, con, "X", "Y", code] + pair(d, m)))
            rest_t -= d[m]
            rest_w -= d.get(m + "_WOMEN", Decimal(0))
    out["ASSENZE"].append(";".join([inst, con, "X", "Y", "PR6", str(rest_t - rest_w), str(rest_w)]))
for k, lines in out.items():
    with open(f"{k}_{y}.csv", "w") as o:
        o.write("\n".join(lines) + "\n")
PY
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
		layouts="COSTO_LAVORO OCCUPAZIONE LAVORO_FLESSIBILE ASSENZE FORMAZIONE MODALITA_LAVORO_FLESSIBILE"
		[ "$y" -lt 2009 ] || layouts="$layouts CONTRATTAZIONE_INTEGRATIVA"
		(cd "rt$y" && wf-ingest --no-progress --codes "../$codes" --decimal point \
			$(for l in $layouts; do echo "${l}_$y.csv"; done) > b.csv 2>/dev/null)
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

# The summing layouts: every data row is used or rejected, and nothing is
# lost or counted twice on the way (issue 15's tables, SYNTHETIC rows).
@test "ASSENZE with bad rows: rows read = used + rejected = data rows, and the days add up" {
	{ echo 'ISTITUZIONE;CONTRATTO;CATEGORIA;QUALIFICA;CAUSALE_ASSENZA;ASSENZE_UOMINI;ASSENZE_DONNE'
	  awk 'BEGIN { split("M05 M06 F00 PR4 O10 PR5 PR6 SC1 SS2 Z01 Z02 XX1", c, " ")
		for (i = 1; i <= 600; i++) {
			printf "C%d;RALN;D1;0D1000;%s;%d;%d\n", i % 37, c[i % 12 + 1], i, i % 7
			if (i % 60 == 0) printf "C%d;RALN;D1;0D1000;M05;1e400;1\n", i
			if (i % 75 == 0) printf "C%d;RALN;D1;0D1000;;1;1\n", i
			if (i % 90 == 0) printf "\n"
		} }'; } > ASSENZE_2019.csv
	data=$(tail -n +2 ASSENZE_2019.csv | grep -c -v '^$')
	run --separate-stderr wf-ingest --rejects rej.csv ASSENZE_2019.csv
	[ "$status" -eq 1 ]
	rejected=$(( $(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))))' rej.csv) - 1 ))
	[ "$rejected" -eq 18 ]
	[[ "$stderr" == *"ASSENZE 2019: $data rows read, $rejected rejected, "* ]]
	printf '%s\n' "$output" > out.csv
	python3 - <<'PY'
import csv
good = [r for r in csv.reader(open("ASSENZE_2019.csv"), delimiter=";")][1:]
good = [r for r in good if r and r[4] and r[5] != "1e400"]
assert len(good) == 600, len(good)
counted = [r for r in good if r[4] not in ("F00", "Z01", "Z02")]
out = {}
for r in csv.DictReader(open("out.csv")):
    out[r["measure"]] = out.get(r["measure"], 0) + int(r["value"])
assert out["ABSENCE_DAYS"] == sum(int(r[5]) + int(r[6]) for r in counted), out
assert out["ABSENCE_DAYS_WOMEN"] == sum(int(r[6]) for r in counted), out
ill = [r for r in good if r[4] in ("M05", "M06")]
assert out["ABSENCE_DAYS_ILLNESS"] == sum(int(r[5]) + int(r[6]) for r in ill), out
PY
}
