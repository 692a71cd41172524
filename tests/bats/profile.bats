#!/usr/bin/env bats
# Issue 15, the staff-wellbeing profile: wf-ingest reads ASSENZE,
# FORMAZIONE, MODALITA_LAVORO_FLESSIBILE and CONTRATTAZIONE_INTEGRATIVA in
# a modern and an old dialect (hand-made from the Tracciati field list in
# tests/fixtures/profile, and as wf-synth writes them); wf-benchmark
# --profile and the named indicators; wf-report --kind profile. All data
# is SYNTHETIC.
load common

setup() {
	cd "$BATS_TEST_TMPDIR"
	P="$FIX/profile"
}

HDR='year,institution,institution_type,institution_name,contract,aggregate,comparto,region,province,comune,measure,value'

# ---- wf-ingest, hand-made files ----

@test "ASSENZE modern: causes summed per institution and contract, holidays and remote work left out" {
	run --separate-stderr wf-ingest "$P/ASSENZE_2022.csv"
	[ "$status" -eq 0 ]
	[ "$output" = "$HDR
2022,C4308,C,,RALN,,,,,,ABSENCE_DAYS,373
2022,C4308,C,,RALN,,,,,,ABSENCE_DAYS_WOMEN,257
2022,C4308,C,,RALN,,,,,,ABSENCE_DAYS_ILLNESS,330
2022,C4308,C,,RALN,,,,,,ABSENCE_DAYS_ILLNESS_WOMEN,220
2022,C4308,C,,RALN,,,,,,ABSENCE_DAYS_CARE,12
2022,C4308,C,,RALN,,,,,,ABSENCE_DAYS_CARE_WOMEN,7
2022,C4308,C,,RALN,,,,,,ABSENCE_DAYS_PARENTAL,30
2022,C4308,C,,RALN,,,,,,ABSENCE_DAYS_PARENTAL_WOMEN,30" ]
	[ "$stderr" = "wf-ingest: $P/ASSENZE_2022.csv: ASSENZE 2022: 7 rows read, 0 rejected, 8 records written, 0 blank lines skipped" ]
}

@test "ASSENZE old dialect: all quoted, CRLF, thousands, O10 is care, an unknown cause counts in ABSENCE_DAYS only" {
	run --separate-stderr wf-ingest -v "$P/ASSENZE_2010.CSV"
	[ "$status" -eq 0 ]
	[ "$output" = "$HDR
2010,C4308,C,,RALN,,,,,,ABSENCE_DAYS,3244
2010,C4308,C,,RALN,,,,,,ABSENCE_DAYS_WOMEN,2006
2010,C4308,C,,RALN,,,,,,ABSENCE_DAYS_ILLNESS,3234
2010,C4308,C,,RALN,,,,,,ABSENCE_DAYS_ILLNESS_WOMEN,2000
2010,C4308,C,,RALN,,,,,,ABSENCE_DAYS_CARE,10
2010,C4308,C,,RALN,,,,,,ABSENCE_DAYS_CARE_WOMEN,6
2010,P9108,P,,RALN,,,,,,ABSENCE_DAYS,8
2010,P9108,P,,RALN,,,,,,ABSENCE_DAYS_WOMEN,1" ]
	[ "${stderr_lines[0]}" = "wf-ingest: $P/ASSENZE_2010.CSV: ASSENZE 2010, decimal comma (Conto Annuale default)" ]
	[ "${stderr_lines[1]}" = "wf-ingest: $P/ASSENZE_2010.CSV: csv, delimiter ',' (from header), encoding ascii (no non-ASCII byte), CRLF line ends" ] ||
		[[ "${stderr_lines[1]}" == "wf-ingest: $P/ASSENZE_2010.CSV: csv, delimiter ','"* ]]
}

@test "ASSENZE_MEDIE (averages, same header) is never summed: by name to --rejects with its reason" {
	run --separate-stderr wf-ingest --rejects rej.csv "$P/ASSENZE_MEDIE_2010.CSV"
	[ "$status" -eq 1 ]
	[ "$output" = "$HDR" ]
	[ "$stderr" = "wf-ingest: $P/ASSENZE_MEDIE_2010.CSV: unknown layout: 3 rows read, 3 rejected, 0 records written, 0 blank lines skipped" ]
	[ "$(sed -n 2p rej.csv | cut -d, -f1-4)" = "$P/ASSENZE_MEDIE_2010.CSV,1,\"ASSENZE_MEDIE holds averages, which are not summed; read ASSENZE instead\"" ]
	[ "$(wc -l < rej.csv)" -eq 5 ]
}

@test "FORMAZIONE modern (BOM) and old: the days summed, the averages not read" {
	run --separate-stderr wf-ingest "$P/FORMAZIONE_2022.csv" "$P/FORMAZIONE_2010.CSV"
	[ "$status" -eq 0 ]
	[ "$output" = "$HDR
2022,C4308,C,,RALN,,,,,,TRAINING_DAYS,50
2022,C4308,C,,RALN,,,,,,TRAINING_DAYS_WOMEN,30
2022,C6144,C,,RALN,,,,,,TRAINING_DAYS,0
2022,C6144,C,,RALN,,,,,,TRAINING_DAYS_WOMEN,0
2010,C4308,C,,RALN,,,,,,TRAINING_DAYS,3042
2010,C4308,C,,RALN,,,,,,TRAINING_DAYS_WOMEN,2030" ]
	[ "${stderr_lines[0]}" = "wf-ingest: $P/FORMAZIONE_2022.csv: FORMAZIONE 2022: 3 rows read, 0 rejected, 4 records written, 0 blank lines skipped" ]
	[ "${stderr_lines[1]}" = "wf-ingest: $P/FORMAZIONE_2010.CSV: FORMAZIONE 2010: 1 rows read, 0 rejected, 2 records written, 0 blank lines skipped" ]
}

@test "MODALITA_LAVORO_FLESSIBILE modern and old (Windows-1252 'Reperibilità'): telework, shifts, on call" {
	run --separate-stderr wf-ingest "$P/MODALITA_LAVORO_FLESSIBILE_2022.csv" "$P/MODALITA_LAVORO_FLESSIBILE_2010.CSV"
	[ "$status" -eq 0 ]
	[ "$output" = "$HDR
2022,C4308,C,,RALN,,,,,,TELEWORK,230
2022,C4308,C,,RALN,,,,,,TELEWORK_WOMEN,180
2022,C4308,C,,RALN,,,,,,SHIFT_WORK,50
2022,C4308,C,,RALN,,,,,,SHIFT_WORK_WOMEN,20
2022,C4308,C,,RALN,,,,,,ON_CALL,16
2022,C4308,C,,RALN,,,,,,ON_CALL_WOMEN,3
2022,C4308,C,,SEGR,,,,,,TELEWORK,1
2022,C4308,C,,SEGR,,,,,,TELEWORK_WOMEN,1
2022,C4308,C,,SEGR,,,,,,SHIFT_WORK,0
2022,C4308,C,,SEGR,,,,,,SHIFT_WORK_WOMEN,0
2022,C4308,C,,SEGR,,,,,,ON_CALL,1
2022,C4308,C,,SEGR,,,,,,ON_CALL_WOMEN,0
2010,C4308,C,,RALN,,,,,,TELEWORK,1
2010,C4308,C,,RALN,,,,,,TELEWORK_WOMEN,1
2010,C4308,C,,RALN,,,,,,SHIFT_WORK,500
2010,C4308,C,,RALN,,,,,,SHIFT_WORK_WOMEN,200
2010,C4308,C,,RALN,,,,,,ON_CALL,50
2010,C4308,C,,RALN,,,,,,ON_CALL_WOMEN,10" ]
	[[ "$stderr" == *"total: 4 rows read, 0 rejected, 18 records written, 0 blank lines skipped"* ]]
}

@test "CONTRATTAZIONE_INTEGRATIVA modern and old: FUA_<type><code> summed over macro-categories; a bad item rejected" {
	run --separate-stderr wf-ingest --rejects rej.csv "$P/CONTRATTAZIONE_INTEGRATIVA_2022.csv" \
		"$P/CONTRATTAZIONE_INTEGRATIVA_2010.CSV"
	[ "$status" -eq 1 ]
	[ "$output" = "$HDR
2022,C4308,C,,RALN,,,,,,FUA_U02S,1100
2022,C4308,C,,RALN,,,,,,FUA_F00B,250000
2022,C4308,C,,RALN,,,,,,FUA_F01P,-1200
2010,C4308,C,,RALN,,,,,,FUA_U449,12346" ]
	[ "$(cat rej.csv)" = "source,line,reason,raw
$P/CONTRATTAZIONE_INTEGRATIVA_2022.csv,6,bad FUA item 'X' '02S!',C4308;RALN;ND;X;02S!;1" ]
	[[ "$stderr" == *"wf-ingest: total: 7 rows read, 1 rejected, 4 records written, 0 blank lines skipped"* ]]
}

@test "the new measures pass through a canonical stream; an unknown measure is refused" {
	wf-ingest "$P"/*_2022.csv "$P"/*_2010.CSV 2>/dev/null > a.csv || true
	run --separate-stderr wf-ingest a.csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | cmp - a.csv
	printf '%s\n2022,C1,C,,RALN,,,,,,TELEWORK_MEN,3\n2022,C1,C,,RALN,,,,,,FUA_U12345,3\n' "$HDR" > b.csv
	run --separate-stderr wf-ingest --rejects rej.csv b.csv
	[ "$status" -eq 1 ]
	[ "$(cut -d, -f2,3 rej.csv | tail -2)" = "2,bad measure 'TELEWORK_MEN'
3,bad measure 'FUA_U12345'" ]
}

@test "archives: the four tables read, ASSENZE_MEDIE and other tables listed as skipped" {
	cp "$P/ASSENZE_2022.csv" "$P/FORMAZIONE_2022.csv" .
	python3 - <<'PY'
import zipfile
with zipfile.ZipFile('2022Dati.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    z.write('ASSENZE_2022.csv', '2022Dati/ASSENZE_2022.csv')
    z.write('ASSENZE_2022.csv', '2022Dati/ASSENZE_MEDIE_2022.csv')
    z.write('FORMAZIONE_2022.csv', '2022Dati/FORMAZIONE_2022.csv')
    z.writestr('2022Dati/ETA_2022.csv', 'ISTITUZIONE;CONTRATTO;CATEGORIA;QUALIFICA;FASCIA;UOMINI;DONNE\n')
PY
	run --separate-stderr wf-ingest 2022Dati.zip
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | cut -d, -f11 | sort | uniq -c | wc -l)" -eq 11 ]
	[[ "$stderr" == *"wf-ingest: 2022Dati.zip: skipped 2 members it does not read: 2022Dati/ASSENZE_MEDIE_2022.csv, 2022Dati/ETA_2022.csv"* ]]
}

# ---- wf-ingest on wf-synth's files: an independent sum (python3) ----

# Sums of every measure per institution and contract, straight from the
# generator's files (either dialect), as "inst,contract,measure,value".
oracle() { # FILE...
	python3 - "$@" <<'PY'
import csv, io, sys, re
from decimal import Decimal
CAUSE = {"M05": "ILLNESS", "M06": "ILLNESS", "PR4": "CARE", "O10": "CARE", "PR5": "PARENTAL"}
out = {}
def add(k, v):
    out[k] = out.get(k, Decimal(0)) + v
def num(s):
    s = s.strip()
    return Decimal(s.replace(".", "").replace(",", ".")) if s else Decimal(0)
for path in sys.argv[1:]:
    raw = open(path, "rb").read()
    old = raw.startswith(b'"')
    text = raw.decode("cp1252" if old else "utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter="," if old else ";"))
    name = path.rsplit("/", 1)[-1]
    for r in rows[1:]:
        if not r:
            continue
        k = (r[0], r[1])
        if name.startswith("ASSENZE"):
            cause, m, w = r[4].strip(), num(r[5]), num(r[6])
            if cause in ("F00", "Z01", "Z02"):
                continue
            add(k + ("ABSENCE_DAYS",), m + w); add(k + ("ABSENCE_DAYS_WOMEN",), w)
            if cause in CAUSE:
                add(k + ("ABSENCE_DAYS_" + CAUSE[cause],), m + w)
                add(k + ("ABSENCE_DAYS_" + CAUSE[cause] + "_WOMEN",), w)
        elif name.startswith("FORMAZIONE"):
            add(k + ("TRAINING_DAYS",), num(r[4]) + num(r[5])); add(k + ("TRAINING_DAYS_WOMEN",), num(r[5]))
        elif name.startswith("MODALITA"):
            for i, m in ((4, "TELEWORK"), (6, "SHIFT_WORK"), (8, "ON_CALL")):
                add(k + (m,), num(r[i]) + num(r[i + 1])); add(k + (m + "_WOMEN",), num(r[i + 1]))
        elif name.startswith("CONTRATTAZIONE"):
            add(k + ("FUA_" + r[3].strip() + r[4].strip(),), num(r[5]))
for k in sorted(out):
    print("%s,%s,%s,%s" % (k + (format(out[k].normalize(), "f"),)))
PY
}

@test "wf-synth's four tables, modern (2022) and old (2010) dialect: wf-ingest agrees with an independent sum" {
	wf-synth --tiny --years 2010-2010 -o s >/dev/null
	wf-synth --tiny --year 2022 -o s >/dev/null
	for y in 2010 2022; do
		files=$(ls s/ASSENZE_$y.* s/FORMAZIONE_$y.* s/MODALITA_LAVORO_FLESSIBILE_$y.* s/CONTRATTAZIONE_INTEGRATIVA_$y.*)
		run --separate-stderr wf-ingest $files
		[ "$status" -eq 0 ]
		got=$(echo "$output" | tail -n +2 | awk -F, '{ print $2 "," $5 "," $11 "," $12 }' | sort)
		want=$(oracle $files | sort)
		[ -n "$want" ]
		[ "$got" = "$want" ]
		read_=$(echo "$stderr" | awk '/ total: / { print $3 }')
		data=$(for f in $files; do tail -n +2 "$f" | grep -c .; done | awk '{ s += $1 } END { print s }')
		[ "$read_" -eq "$data" ]
	done
	# the old dialect really is the old one
	head -c 14 s/ASSENZE_2010.CSV | grep -q '^"Istituzione"'
	head -c 12 s/ASSENZE_2022.csv | grep -q '^ISTITUZIONE;'
}

@test "wf-synth figures are plausible: telework ~0 before 2020 then rising, training a few days, absences a few weeks mostly illness" {
	wf-synth --years 2017-2024 -o s >/dev/null
	wf-ingest s/*.csv s/*.CSV 2>/dev/null > facts.csv
	python3 - <<'PY'
import csv
from collections import defaultdict
t = defaultdict(float)
for r in csv.DictReader(open("facts.csv")):
    t[(int(r["year"]), r["measure"])] += float(r["value"])
tele = {y: t[(y, "TELEWORK")] / t[(y, "HEADCOUNT")] for y in range(2017, 2025)}
print(tele)
assert all(tele[y] < 0.01 for y in (2017, 2018, 2019)), tele
assert tele[2020] > 0.05 and tele[2024] > tele[2020], tele
for y in range(2017, 2025):
    h = t[(y, "HEADCOUNT")]
    train, absd, ill = t[(y, "TRAINING_DAYS")] / h, t[(y, "ABSENCE_DAYS")] / h, t[(y, "ABSENCE_DAYS_ILLNESS")] / h
    print(y, train, absd, ill)
    assert 0.5 < train < 6, (y, train)
    assert 10 < absd < 30, (y, absd)
    assert ill > absd / 2, (y, ill, absd)
    assert 0.2 < t[(y, "HEADCOUNT_WOMEN")] / h < 0.8, (y, t[(y, "HEADCOUNT_WOMEN")] / h)
PY
}

# ---- wf-benchmark ----

profile_facts() {
	wf-synth --demo --years 2023-2024 -o s >/dev/null
	wf-ingest --codes s/SYNTHETIC_Anagrafiche s/*.zip -o facts.csv 2>/dev/null
}

@test "--profile: one row per institution, period and indicator; values, ranks and quartiles agree with the facts" {
	profile_facts
	run --separate-stderr wf-benchmark --profile --peers institution_type --min-peers 3 facts.csv
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${lines[0]}" = "year,institution,institution_name,institution_type,indicator,unit,metric,denominator,value,peers,peer_median,peer_p25,peer_p75,peer_min,peer_max,pct_rank,quartile,flags" ]
	printf '%s\n' "$output" > prof.csv
	[ "$(grep -c '^2024,C7484,' prof.csv)" -eq 12 ]
	python3 - <<'PY'
import csv
from collections import defaultdict
from decimal import Decimal
facts = defaultdict(Decimal)
for r in csv.DictReader(open("facts.csv")):
    facts[(r["year"], r["institution"], r["measure"])] += Decimal(r["value"])
IND = {"women_share": ("HEADCOUNT_WOMEN", "HEADCOUNT", 100), "telework_share": ("TELEWORK", "HEADCOUNT", 100),
       "training_days_per_employee": ("TRAINING_DAYS", "HEADCOUNT", 1),
       "absence_illness_per_employee": ("ABSENCE_DAYS_ILLNESS", "HEADCOUNT", 1),
       "fua_welfare_per_employee": ("FUA_U02S", "HEADCOUNT", 1),
       "welfare_core_per_employee": ("L090", "HEADCOUNT", 1)}
n = 0
insts = set()
for r in csv.DictReader(open("prof.csv")):
    insts.add((r["year"], r["institution"]))
    if r["indicator"] in IND:
        m, d, s = IND[r["indicator"]]
        k = (r["year"], r["institution"])
        assert Decimal(r["metric"]) == facts[k + (m,)], r
        assert Decimal(r["denominator"]) == facts[k + (d,)], r
        want = "%.2f" % (float(facts[k + (m,)]) / float(facts[k + (d,)]) * s)
        assert r["value"] == want, (r, want)
        n += 1
    if r["pct_rank"]:
        q = float(r["pct_rank"])
        assert r["quartile"] == str(1 if q <= 25 else 2 if q <= 50 else 3 if q <= 75 else 4), r
    else:
        assert r["quartile"] == "", r
assert n > 200, n
# every institution-period of the facts has its 12 rows
assert sum(1 for _ in csv.DictReader(open("prof.csv"))) == 12 * len(insts)
PY
	# a named indicator alone gives the same value as in the profile
	wf-benchmark --metric telework_share --peers institution_type --min-peers 3 facts.csv > tele.csv
	# (the benchmark also passes region, province and comune through)
	[ "$(grep '^2024,C7484,' tele.csv | cut -d, -f10)" = "$(grep '^2024,C7484,.*,telework_share,' prof.csv | cut -d, -f9)" ]
}

@test "a named indicator in --summary: ratio of totals and mean in the indicator's scale" {
	profile_facts
	run --separate-stderr wf-benchmark --metric women_share --summary --by institution_type facts.csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > sum.csv
	python3 - <<'PY'
import csv
from collections import defaultdict
w, h, per = defaultdict(int), defaultdict(int), defaultdict(list)
for r in csv.DictReader(open("facts.csv")):
    k = (r["year"], r["institution_type"])
    if r["measure"] == "HEADCOUNT_WOMEN": w[k] += int(r["value"])
    if r["measure"] == "HEADCOUNT": h[k] += int(r["value"])
n = 0
for r in csv.DictReader(open("sum.csv")):
    k = (r["year"], r["institution_type"])
    assert r["ratio_of_totals"] == "%.2f" % (100.0 * w[k] / h[k]), (r, w[k], h[k])
    assert 0 <= float(r["mean"]) <= 100, r
    n += 1
assert n > 10, n
PY
}

@test "--profile: indicators without their measures are left out with a line; none left is an error" {
	wf-synth --tiny --year 2019 -o s >/dev/null
	wf-ingest s/COSTO_LAVORO_2019.csv s/OCCUPAZIONE_2019.csv -o facts.csv 2>/dev/null
	run --separate-stderr wf-benchmark --profile facts.csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | tail -n +2 | cut -d, -f4 | sort -u | tr '\n' ' ')" = "welfare_core_per_employee women_share " ]
	[ "${stderr_lines[0]}" = "wf-benchmark: --profile: training_days_per_employee left out: measure 'TRAINING_DAYS' of --metric does not appear in the input" ]
	[ "${#stderr_lines[@]}" -eq 10 ]
	grep -v ',HEADCOUNT' facts.csv > nohead.csv
	run --separate-stderr wf-benchmark --profile nohead.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: no indicator of the profile can be computed (measure 'HEADCOUNT' of --per does not appear in the input)" ]
}

@test "--profile usage errors" {
	for o in "--metric L090" "--per HEADCOUNT" "--summary" "--baseline x.csv"; do
		run --separate-stderr wf-benchmark --profile $o facts.csv
		[ "$status" -eq 2 ]
		[ "${stderr_lines[0]}" = "wf-benchmark: --profile does not go with ${o% *}" ]
	done
}

# ---- wf-report --kind profile ----

@test "--kind profile, one institution: small charts in a row, the indicator table with its text strip" {
	profile_facts
	wf-benchmark --profile --peers institution_type --min-peers 3 facts.csv -o prof.csv
	run --separate-stderr wf-report --kind profile --institution C7484 prof.csv
	[ "$status" -eq 0 ]
	[[ "$output" == *"COMUNE DI TORINO"* ]]
	[ "$(echo "$output" | grep -c '^\[chart: ')" -eq 12 ]
	line=$(echo "$output" | grep '^telework_share ')
	[[ "$line" =~ ^telework_share\ +%\ of\ staff\ +[0-9.]+\ +[0-9]+\ +[0-9.]+\ +[0-9.]+\ +Q[1-4]\ +[-=|O]{21}$ ]]
	wf-report -f html --kind profile --institution C7484 prof.csv -o p.html
	python3 "$BATS_TEST_DIRNAME/html_check.py" p.html
	[ "$(grep -c '<svg class="wf-chart small"' p.html)" -eq 12 ]
	grep -q '<section class="charts small">' p.html
	grep -q 'class="tone[1-4]"' p.html
	wf-report -f markdown --kind profile --institution C7484 prof.csv | grep -q '^| telework\\_share |'
	wf-report -f json --kind profile --institution C7484 prof.csv | python3 -c 'import json,sys; d = json.load(sys.stdin); assert len(d["charts"]) == 12'
}

@test "--kind profile, a group: one row per institution, percentile ranks coloured by quartile" {
	profile_facts
	wf-benchmark --profile --peers institution_type --min-peers 3 facts.csv -o prof.csv
	run --separate-stderr wf-report --kind profile --where institution_type=C prof.csv
	[ "$status" -eq 0 ]
	rows=$(awk -F, 'NR > 1 && $1 == 2024 && $4 == "C" { print $2 }' prof.csv | sort -u | wc -l)
	[ "$(echo "$output" | grep -c '^C[0-9]')" -eq "$rows" ]
	echo "$output" | grep '^C7484 ' | grep -qE 'Q[1-4] [0-9]+\.[0-9]{2}'
	wf-report -f html --kind profile --where institution_type=C prof.csv -o g.html
	python3 "$BATS_TEST_DIRNAME/html_check.py" g.html
	[ "$(grep -o 'class="tone[1-4]"' g.html | wc -l)" -gt $((rows * 8)) ]
	run --separate-stderr wf-report --kind profile --institution C1 prof.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: prof.csv: institution 'C1' has no rows in year 2024" ]
	printf 'year,institution\n2024,C1\n' > bad.csv
	run --separate-stderr wf-report --kind profile bad.csv
	[ "$status" -eq 1 ]
	[[ "$stderr" == "wf-report: bad.csv: "*"indicator"* ]]
}

@test "wf-benchmark --profile --progress: rows and rate on stderr, like the other modes" {
	{ echo "$HDR"
	  seq 1 300000 | awk '{ printf "2022,C%d,C,X,RALN,,,,,,L090,1\n2022,C%d,C,X,RALN,,,,,,HEADCOUNT,2\n", $1, $1 }'; } > rows.csv
	run --separate-stderr bash -c "{ head -c 8000000 rows.csv; sleep 1; tail -c +8000001 rows.csv; } | '$WF_BUILD/bin/wf-benchmark' --profile --progress --quiet > /dev/null"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"wf-benchmark: (stdin): "*" MB, "*" rows, "*" MB/s"* ]]
	# and the line is cleared at the end
	[[ "$stderr" == *$'\r\e[K' ]]
}

@test "--codes signs cost items only: HEADCOUNT_WOMEN, TELEWORK... are no VoceSpesa items, so their indicators stay" {
	mkdir codes
	printf 'ANNO;CODI_TIPO_VOCE_SPESA;CODI_VOCE_SPESA;FLAG_SEGNO\n2022;L;90;-\n' > codes/VoceSpesa.CSV
	printf '%s\n' "year,institution,measure,value" "2022,C1,HEADCOUNT,200" "2022,C1,L090,1000" \
		"2022,C1,HEADCOUNT_WOMEN,100" "2022,C1,TELEWORK,20" > f.csv
	run --separate-stderr wf-benchmark --profile --min-peers 1 --codes codes f.csv
	[ "$status" -eq 0 ]
	[ "$output" = "year,institution,indicator,unit,metric,denominator,value,peers,peer_median,peer_p25,peer_p75,peer_min,peer_max,pct_rank,quartile,flags
2022,C1,welfare_core_per_employee,EUR per employee,-1000,200,-5.00,1,-5.00,-5.00,-5.00,-5.00,-5.00,50.00,2,first_year
2022,C1,women_share,% of staff,100,200,50.00,1,50.00,50.00,50.00,50.00,50.00,50.00,2,first_year
2022,C1,telework_share,% of staff,20,200,10.00,1,10.00,10.00,10.00,10.00,10.00,50.00,2,first_year" ]
	# only the indicators whose measures are absent are left out
	[ "${#stderr_lines[@]}" -eq 9 ]
	[ "$(printf '%s\n' "${stderr_lines[@]}" | grep -c 'does not appear in the input$')" -eq 9 ]
	run --separate-stderr wf-benchmark --metric women_share --min-peers 1 --codes codes f.csv
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[[ "${lines[1]}" == 2022,C1,100,200,50.00,* ]]
}
