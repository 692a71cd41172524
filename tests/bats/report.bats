#!/usr/bin/env bats
# wf-report: every format and kind, escaping, empty input, missing columns,
# determinism, atomic -o and the error paths with exact stderr and status.
# Fixtures in fixtures/report are SYNTHETIC (see their README).
bats_require_minimum_version 1.5.0

setup() {
	: "${WF_BUILD:=$BATS_TEST_DIRNAME/../../build}"
	FX="$BATS_TEST_DIRNAME/fixtures/report"
	CHECK="$BATS_TEST_DIRNAME/html_check.py"
	cd "$BATS_TEST_TMPDIR"
	printf 'year,comune,name,value\n2019,001272,CANTÙ,1234.5\n2020,015146,<script>alert(1)</script>,-7\n2021,015146,"a|b",\n' > small.csv
}

# WF_WRAP (e.g. valgrind) stays unquoted so that it may be empty or several words.
rep() {
	$WF_WRAP "$WF_BUILD/bin/wf-report" "$@"
}

well_formed() {
	run python3 "$CHECK" "$1"
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
}

@test "report: --help and --version" {
	run --separate-stderr rep --help
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "Usage: wf-report [OPTION]... [FILE]..." ]
	[ -z "$stderr" ]
	run --separate-stderr rep --version
	[ "$status" -eq 0 ]
	[ "$output" = "wf-report (wfkit) 0.1.0" ]
}

@test "report: usage errors exit 2 with a hint" {
	run --separate-stderr rep -f pdf small.csv
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-report: invalid format 'pdf' (table, markdown, html, json, csv)
Try 'wf-report --help' for more information." ]
	[ -z "$output" ]
	run --separate-stderr rep --kind pie small.csv
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-report: invalid kind 'pie' (table, trend, benchmark, match, profile)
Try 'wf-report --help' for more information." ]
	run --separate-stderr rep --decimals 12 small.csv
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-report: invalid number of decimals '12'
Try 'wf-report --help' for more information." ]
	run --separate-stderr rep --date=2024-13-01 small.csv
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-report: invalid date '2024-13-01' (YYYY-MM-DD)
Try 'wf-report --help' for more information." ]
	run --separate-stderr rep --locale fr small.csv
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-report: invalid locale 'fr' (C, it)
Try 'wf-report --help' for more information." ]
	run --separate-stderr rep --institution C4308 small.csv
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-report: --institution needs --kind benchmark or profile
Try 'wf-report --help' for more information." ]
	run --separate-stderr rep --where nonsense small.csv
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-report: invalid filter 'nonsense' (COL=VALUE, COL!=VALUE, COL<VALUE, COL<=VALUE, COL>VALUE, COL>=VALUE or COL~TEXT)
Try 'wf-report --help' for more information." ]
	run --separate-stderr rep --no-such-option small.csv
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"Try 'wf-report --help' for more information." ]]
}

@test "report: -f table aligns by characters, right-aligns numbers with fixed decimals" {
	run --separate-stderr rep small.csv
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$output" = "Table
=====
Generated from small.csv (3 rows)

year  comune  name                          value
----  ------  -------------------------  --------
2019  001272  CANTÙ                      1,234.50
2020  015146  <script>alert(1)</script>     -7.00
2021  015146  a|b" ]
}

@test "report: --locale it, --decimals and --max-width with an ellipsis" {
	run --separate-stderr rep --locale it --decimals 1 --max-width 8 --title T small.csv
	[ "$status" -eq 0 ]
	[ "$output" = "T
=
Generated from small.csv (3 rows)

year  comune  name        value
----  ------  --------  -------
2019  001272  CANTÙ     1.234,5
2020  015146  <script…     -7,0
2021  015146  a|b" ]
}

@test "report: -f markdown escapes pipes and markup" {
	run --separate-stderr rep -f markdown small.csv
	[ "$status" -eq 0 ]
	[ "$output" = "# Table

Generated from small.csv (3 rows)

| year | comune | name | value |
| ---: | --- | --- | ---: |
| 2019 | 001272 | CANTÙ | 1,234.50 |
| 2020 | 015146 | &lt;script&gt;alert(1)&lt;/script&gt; | -7.00 |
| 2021 | 015146 | a\\|b |  |" ]
}

@test "report: -f html is well formed and shows <script> as text" {
	run --separate-stderr rep -f html -o out.html small.csv
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	well_formed out.html
	grep -q '<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>' out.html
	! grep -q '<script' out.html
	! grep -q '://' out.html
	grep -q 'Generated from <code>small.csv</code> (3 rows)</p>' out.html
}

@test "report: -f json is valid JSON with exact numbers and types" {
	run --separate-stderr rep -f json small.csv
	[ "$status" -eq 0 ]
	echo "$output" > out.json
	[ "$(jq -c '.tables[0].columns | map(.type)' out.json)" = '["integer","text","text","decimal"]' ]
	[ "$(jq -c '.tables[0].rows[0]' out.json)" = '[2019,"001272","CANTÙ",1234.5]' ]
	[ "$(jq -r '.tables[0].rows[1][2]' out.json)" = '<script>alert(1)</script>' ]
	[ "$(jq -c '.tables[0].rows[2][3]' out.json)" = 'null' ]
	[ "$(jq -c '.date' out.json)" = 'null' ]
	[ "$(jq -c '.generated_from' out.json)" = '[{"name":"small.csv","rows":3}]' ]
}

@test "report: NDJSON input is detected and reads like CSV" {
	printf '{"year":"2019","comune":"001272","name":"CANTÙ","value":1234.5}\n{"year":"2020","comune":"015146","name":"<script>alert(1)</script>","value":-7}\n{"year":"2021","comune":"015146","name":"a|b","value":null}\n' > small.ndjson
	run --separate-stderr rep -f markdown small.ndjson
	[ "$status" -eq 0 ]
	rep -f markdown small.csv | sed 's/small.csv/small.ndjson/' > expected.md
	[ "$output" = "$(cat expected.md)" ]
}

@test "report: --date shows a date only when asked" {
	rep -f html small.csv > a.html
	! grep -q ' on 20' a.html
	run --separate-stderr rep -f html --date=2024-05-31 small.csv
	[ "$status" -eq 0 ]
	[[ "$output" == *"(3 rows) on 2024-05-31</p>"* ]]
	run --separate-stderr rep --date small.csv
	[ "$status" -eq 0 ]
	[[ "${lines[2]}" =~ ^"Generated from small.csv (3 rows) on "20[0-9][0-9]-[01][0-9]-[0-3][0-9]$ ]]
}

@test "report: --kind trend draws the Figure 1 series from two summaries" {
	run --separate-stderr rep -f html --kind trend --unit EUR -o fig1.html \
		--label '04=Regions and local authorities' --label C=Comuni \
		"$FX/summary-aggregate.synthetic.csv" "$FX/summary-type.synthetic.csv"
	[ "$status" -eq 0 ]
	well_formed fig1.html
	[ "$(grep -c '<svg' fig1.html)" -eq 1 ]
	grep -q '>Regions and local authorities</text>' fig1.html
	grep -q '>Comuni</text>' fig1.html
	grep -q '>metric_total (EUR)</text>' fig1.html
	grep -q 'text-anchor="end">0</text>' fig1.html
	grep -q '>40M</text>' fig1.html
	rep -f json --kind trend --label '04=Regions and local authorities' --label C=Comuni \
		"$FX/summary-aggregate.synthetic.csv" "$FX/summary-type.synthetic.csv" > fig1.json
	[ "$(jq -c '.charts[0].x | [.[0], .[-1], length]' fig1.json)" = '["2001","2019",19]' ]
	[ "$(jq -c '.charts[0].series | map([.name, .values[0], .values[-1]])' fig1.json)" = \
		'[["Regions and local authorities",34000000,13300000],["Comuni",24900000,2500000]]' ]
	[ "$(jq -c '.tables[1].rows | map(.[6])' fig1.json)" = '[-60.9,-90]' ]
}

@test "report: --kind trend with --where, --group and --value" {
	run --separate-stderr rep -f json --kind trend --group '' --value median \
		--where aggregate=04 "$FX/summary-aggregate.synthetic.csv"
	[ "$status" -eq 0 ]
	echo "$output" > t.json
	[ "$(jq -c '.charts[0].series | map(.name)' t.json)" = '["median"]' ]
	[ "$(jq -c '.charts[0].series[0].values[0]' t.json)" = '1259.26' ]
	run --separate-stderr rep -f json --kind trend --where aggregate=99 "$FX/summary-aggregate.synthetic.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *'No rows: 0 of '*' rows match aggregate=99.'* ]]
}

@test "report: trend gaps, single points and long names" {
	printf 'year,group,metric_total\n2001,a,10\n2002,a,\n2003,a,30\n2002,a group with a really very long name indeed,5\n' > gaps.csv
	run --separate-stderr rep -f html --kind trend -o gaps.html gaps.csv
	[ "$status" -eq 0 ]
	well_formed gaps.html
	grep -q 'd="M[^"]* M' gaps.html
	grep -q '<title>a group with a really very long name indeed, 2002: 5.00</title>' gaps.html
	grep -q '>a group with a really very long name in…<title>a group with a really very long name indeed</title>' gaps.html
}

@test "report: --kind benchmark ranks and highlights flagged rows, escapes names" {
	run --separate-stderr rep -f html --kind benchmark -o bench.html "$FX/bench.synthetic.csv"
	[ "$status" -eq 0 ]
	well_formed bench.html
	grep -q '<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>' bench.html
	! grep -q '<script' bench.html
	rep -f json --kind benchmark "$FX/bench.synthetic.csv" > bench.json
	[ "$(jq -c '.tables[0].rows | length' bench.json)" = 30 ]
	[ "$(jq -c '[.tables[0].rows[] | .[0]] | . == [range(1;31)]' bench.json)" = true ]
	# Flagged rows (non-empty flags) are the highlighted ones.
	[ "$(jq -c '[.tables[0].rows | to_entries[] | select(.value[-1] != "") | .key]' bench.json)" = \
		"$(jq -c '.tables[0].highlighted' bench.json)" ]
	[ "$(jq -c '.tables[0].highlighted | length' bench.json)" -ge 1 ]
	run --separate-stderr rep --kind benchmark "$FX/bench.synthetic.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"* "*"<script>alert(1)</script>"* ]]
}

@test "report: --kind benchmark --institution draws its card and peer distribution" {
	run --separate-stderr rep -f json --kind benchmark --institution C4308 "$FX/bench.synthetic.csv"
	[ "$status" -eq 0 ]
	echo "$output" > card.json
	[ "$(jq -r '.cards[0].heading' card.json)" = "C4308 COMUNE DI MILANO, year 2019" ]
	[ "$(jq -c '.cards[0].items | map(select(.label == "per employee" or .label == "peer median")) | map(.value)' card.json)" = '[47.1,23.32]' ]
	[ "$(jq -c '.charts[0].kind, .charts[0].marker' card.json | tr '\n' ' ')" = '"distribution" {"label":"C4308","value":47.1} ' ]
	[ "$(jq -c '.charts[0].values | length' card.json)" = 30 ]
	[ "$(jq -c '.charts[1].series | map(.name)' card.json)" = '["C4308","peer median"]' ]
	rep -f html --kind benchmark --institution C4308 "$FX/bench.synthetic.csv" > card.html
	well_formed card.html
	# distribution, trend, and the regional map (its peers are by region)
	[ "$(grep -c '<svg' card.html)" -eq 3 ]
	[ "$(jq -c '.charts[2].kind, (.charts[2].regions | length)' card.json | tr '\n' ' ')" = '"map" 1 ' ]
	run --separate-stderr rep --kind benchmark --institution C9999 "$FX/bench.synthetic.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: $FX/bench.synthetic.csv: institution 'C9999' not found in column 'institution' nor in a name" ]
	[ -z "$output" ]
}

@test "report: --kind match shows coverage, unmet needs, busiest providers and the map" {
	run --separate-stderr rep -f html --kind match -o match.html "$FX/match.synthetic.csv"
	[ "$status" -eq 0 ]
	well_formed match.html
	[ "$(grep -c '<svg' match.html)" -eq 3 ]
	grep -q 'Cooperativa &quot;La Rete&quot; | Langhe' match.html
	rep -f json --kind match "$FX/match.synthetic.csv" > match.json
	[ "$(jq -c '.charts | map(.kind)' match.json)" = '["bar","bar","map"]' ]
	# Coverage = assigned / (assigned + unmet), recomputed here from the input.
	[ "$(jq -c '.tables[0].rows[] | select(.[0] == "TRASPORTO")' match.json)" = '["TRASPORTO",25,33,43.1]' ]
	[ "$(awk -F, 'NR > 1 && $4 == "TRASPORTO" { a += $8; u += $9 } END { printf "%d %d\n", a, u }' "$FX/match.synthetic.csv")" = "25 33" ]
	[ "$(jq -c '.charts[2].series | map([.name, (.points | length)])' match.json)" = '[["demand",24],["supply",7]]' ]
	printf 'category,assigned\nNIDO,3\n' > nomap.csv
	run --separate-stderr rep --kind match nomap.csv
	[ "$status" -eq 0 ]
	[[ "$output" == *"No map: it needs columns demand_lat and demand_lon, or supply_lat and supply_lon, in the input."* ]]
	[[ "$output" == *"Coverage needs the units left unserved"* ]]
}

@test "report: empty input gives an explicit no-rows report in every format" {
	: > zero.csv
	for f in table markdown html json; do
		run --separate-stderr rep -f "$f" --kind trend < zero.csv
		[ "$status" -eq 0 ]
		[[ "$output" == *"No rows: the input has no data rows, so there is nothing to chart."* ]]
	done
	printf 'year,group,metric_total\n' > header.csv
	run --separate-stderr rep -f html --kind trend -o empty.html header.csv
	[ "$status" -eq 0 ]
	well_formed empty.html
	! grep -q '<svg' empty.html
	grep -q '<td class="empty" colspan="3">no rows</td>' empty.html
	printf 'category,assigned\n' > m.csv
	run --separate-stderr rep --kind match -f json m.csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | jq -c '.charts')" = '[]' ]
}

@test "report: missing columns are named, exit 1" {
	printf 'anno,gruppo\n2001,x\n' > cols.csv
	run --separate-stderr rep --kind trend cols.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: cols.csv: missing columns 'year', 'metric_total' needed by --kind trend; --period, --group and --value choose columns" ]
	[ -z "$output" ]
	run --separate-stderr rep --kind trend --period anno --value gruppo --group nope cols.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: cols.csv: missing column 'nope' needed by --kind trend; --period, --group and --value choose columns" ]
	run --separate-stderr rep --kind match cols.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: cols.csv: missing columns 'category', 'assigned' needed by --kind match; it reads wf-match output" ]
	run --separate-stderr rep --kind benchmark cols.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: cols.csv: missing columns 'year', 'institution', 'metric' needed by --kind benchmark; it reads wf-benchmark output (not --summary)" ]
}

@test "report: data errors name file and line, exit 1, write nothing" {
	printf 'year,group,metric_total\n2001,x,10\n2002,x,abc\n' > bad.csv
	run --separate-stderr rep --kind trend bad.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: bad.csv:3: 'abc' in column 'metric_total' is not a number" ]
	[ -z "$output" ]
	printf 'a,b\n1,2\n1,2,3\n' > ragged.csv
	run --separate-stderr rep ragged.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: ragged.csv:3: expected 2 fields, found 3" ]
	[ -z "$output" ]
	run --separate-stderr rep missing.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: missing.csv: No such file or directory" ]
	printf 'a,a\n1,2\n' > dup.csv
	run --separate-stderr rep dup.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: dup.csv:1: duplicate column 'a'" ]
}

@test "report: same input and options give byte-identical output" {
	for f in table markdown html json; do
		for k in trend benchmark match; do
			case $k in
			trend) in="$FX/summary-aggregate.synthetic.csv $FX/summary-type.synthetic.csv" ;;
			benchmark) in="$FX/bench.synthetic.csv" ;;
			match) in="$FX/match.synthetic.csv" ;;
			esac
			rep -f "$f" --kind "$k" $in > one
			rep -f "$f" --kind "$k" -o two $in
			cmp one two
		done
	done
}

@test "report: -o is atomic: a failed run leaves the old file untouched" {
	echo "previous report" > keep.html
	printf 'x\n1\n' > nocols.csv
	run --separate-stderr rep -f html --kind trend -o keep.html nocols.csv
	[ "$status" -eq 1 ]
	[ "$(cat keep.html)" = "previous report" ]
	[ "$(ls -A | grep -c '^\.\?keep\.html.\+')" -eq 0 ]
	run --separate-stderr rep -f html -o keep.html small.csv
	[ "$status" -eq 0 ]
	well_formed keep.html
}

@test "report: a failing stdout is an error" {
	[ -w /dev/full ] || skip "no /dev/full"
	run --separate-stderr rep small.csv '>' /dev/full
	run --separate-stderr bash -c "$WF_WRAP '$WF_BUILD/bin/wf-report' small.csv > /dev/full"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: write error: stdout: No space left on device" ]
}

@test "report: every option in --help is in the man page and both completions" {
	root="$BATS_TEST_DIRNAME/../.."
	for o in $(rep --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		[ "$o" = "--summary" ] && continue # names wf-benchmark's option
		grep -q -- "$o" "$root/completions/wf-report.bash" || { echo "bash: $o"; false; }
		grep -q -- "$o" "$root/completions/_wf-report" || { echo "zsh: $o"; false; }
		grep -q -- "$(printf '%s' "$o" | sed 's/-/\\\\-/g')" "$root/share/man/man1/wf-report.1" || { echo "man: $o"; false; }
	done
	# The SYNOPSIS matches the usage line.
	grep -q '^\.RI \[ OPTION \]\.\.\.\\& " " \[ FILE \]\.\.\.$' "$root/share/man/man1/wf-report.1"
}

@test "report: --where keeps rows of inputs that lack the column (Figure 1 from mixed summaries)" {
	printf 'year,aggregate,metric_total\n2001,04,34000000.00\n2001,32,5.00\n2019,04,13300000.00\n2019,32,6.00\n' > agg.csv
	printf 'year,institution_type,metric_total\n2001,C,24900000.00\n2001,P,1.00\n2019,C,2500000.00\n2019,P,2.00\n' > type.csv
	run --separate-stderr rep -f json --kind trend --where aggregate=04 --where institution_type=C \
		--label 04=Regions --label C=Comuni agg.csv type.csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | jq -c '.charts[0].series | map([.name] + .values)')" = \
		'[["Regions",34000000,13300000],["Comuni",24900000,2500000]]' ]
}

@test "report: the HTML checker itself rejects broken pages" {
	printf '<!DOCTYPE html>\n<html><head><title>x</title></head><body><h1>x</h1><div><p>a</div></body></html>\n' > bad1.html
	run python3 "$CHECK" bad1.html
	[ "$status" -eq 1 ]
	[[ "$output" == *"</div> closes <p>"* ]]
	printf '<!DOCTYPE html>\n<html><head><title>x</title></head><body><h1>x</h1><script>alert(1)</script></body></html>\n' > bad2.html
	run python3 "$CHECK" bad2.html
	[ "$status" -eq 1 ]
	[[ "$output" == *"<script> element"* ]]
	printf '<!DOCTYPE html>\n<html><head><title>x</title></head><body><h1>x</h1><svg><g><rect></g></svg></body></html>\n' > bad3.html
	run python3 "$CHECK" bad3.html
	[ "$status" -eq 1 ]
	printf '<!DOCTYPE html>\n<html><head><title>x</title></head><body><h1>x</h1><svg><text>a & b</text></svg></body></html>\n' > bad4.html
	run python3 "$CHECK" bad4.html
	[ "$status" -eq 1 ]
	[[ "$output" == *"not well-formed XML"* ]]
}

@test "report: --kind match reads wf-match's own columns (assign and top output)" {
	h='demand_id,supply_id,category,distance_km,score,fit,proximity,capacity,price,assigned,unmet,status,reason'
	printf '%s\nD1,S1,NIDO,1.200,0.8000,1.0000,0.9000,1.0000,0.5000,3,,assigned,\nD1,,NIDO,,,,,,,,2,unmet,capacity exhausted\nD2,S1,SPORT,2.000,0.7000,1.0000,0.8000,1.0000,0.5000,4,,assigned,\n' "$h" > assign.csv
	run --separate-stderr rep -f json --kind match assign.csv
	[ "$status" -eq 0 ]
	echo "$output" > a.json
	[ "$(jq -c '.tables[0].rows' a.json)" = '[["NIDO",3,2,60],["SPORT",4,0,100]]' ]
	[ "$(jq -c '.tables[1].rows' a.json)" = '[["S1",7,2]]' ]
	printf '%s\nD1,S1,NIDO,1.200,0.8000,1.0000,0.9000,1.0000,0.5000,,,candidate,\n' "$h" > top.csv
	run --separate-stderr rep --kind match top.csv
	[ "$status" -eq 0 ]
	[[ "$output" == *"The input lists candidate offers (wf-match --top), not an assignment"* ]]
}

# ---- issue 12: filters, csv, sort, columns, institution, labels, spenders ----

ops_csv() {
	printf 'year,institution,institution_name,region,per_employee\n2019,C1,COMUNE DI ASTI,01,10.5\n2019,C2,COMUNE DI NOVARA,01,2\n2019,C3,COMUNE DI BRA,01,\n2019,R1,REGIONE PIEMONTE,01,100\n2019,C9,COMUNE DI ROMA,12,30\n' > ops.csv
}

@test "report: --where takes = != < <= > >= (numbers as numbers) and ~, all must hold" {
	ops_csv
	for c in "per_employee>=10|C1 R1 C9" "per_employee>10.5|R1 C9" "per_employee<10|C2" "per_employee<=10.50|C1 C2" \
		"per_employee!=2|C1 C3 R1 C9" "institution_name~comune di|C1 C2 C3 C9" "region=1|C1 C2 C3 R1" \
		"per_employee=10.50|C1" "institution_name~ASTI|C1"; do
		run --separate-stderr rep -f csv --columns institution --where "${c%%|*}" ops.csv
		[ "$status" -eq 0 ]
		[ "$(tail -n +2 <<<"$output" | tr '\n' ' ')" = "${c#*|} " ] || { echo "$c: $output"; false; }
	done
	run --separate-stderr rep -f csv --columns institution --where 'institution_name~comune' --where 'per_employee>5' ops.csv
	[ "$(tail -n +2 <<<"$output" | tr '\n' ' ')" = "C1 C9 " ]
}

@test "report: --where says how many rows were kept of how many; an unknown column is an error in every kind" {
	ops_csv
	run --separate-stderr rep --where region=7 ops.csv
	[ "$status" -eq 0 ]
	[[ "$output" == *"No rows: 0 of 5 rows match region=7."* ]]
	[[ "$output" != *"the input has no data rows"* ]]
	run --separate-stderr rep --where 'per_employee>5' --where region=1 ops.csv
	[[ "$output" == *"2 of 5 rows match per_employee>5 and region=1."* ]]
	for k in table trend benchmark match; do
		run --separate-stderr rep --kind $k --where nocol=1 ops.csv
		[ "$status" -eq 1 ]
		[ "$stderr" = "wf-report: ops.csv: no column 'nocol' for --where" ]
	done
}

@test "report: -f csv writes the table drawn; --sort and --columns in table, markdown, csv and json" {
	ops_csv
	run --separate-stderr rep -f csv --sort per_employee:desc --columns institution,per_employee ops.csv
	[ "$status" -eq 0 ]
	[ "$output" = "institution,per_employee
R1,100
C9,30
C1,10.5
C2,2
C3," ]
	run --separate-stderr rep -f markdown --sort institution --columns institution ops.csv
	[[ "$output" == *"| institution |
| --- |
| C1 |
| C2 |
| C3 |
| C9 |
| R1 |"* ]]
	run --separate-stderr rep -f json --sort per_employee --columns per_employee,institution ops.csv
	[ "$(jq -c '.tables[0].columns | map(.name)' <<<"$output")" = '["per_employee","institution"]' ]
	[ "$(jq -c '.tables[0].rows | map(.[1])' <<<"$output")" = '["C2","C1","C9","R1","C3"]' ]
	run --separate-stderr rep --sort institution --columns institution ops.csv
	[ "$(sed -n '/^institution/,$p' <<<"$output" | tr -s ' \n' ' ')" = "institution ----------- C1 C2 C3 C9 R1 " ]
	run --separate-stderr rep --sort nocol ops.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: ops.csv: no column 'nocol' for --sort in the table drawn" ]
	run --separate-stderr rep --columns institution,nocol ops.csv
	[ "$stderr" = "wf-report: ops.csv: no column 'nocol' for --columns in the table drawn" ]
}

@test "report: a wf-benchmark output through wf-report -f csv keeps its provenance and serves as a baseline" {
	F="$BATS_TEST_DIRNAME/../fixtures/benchmark"
	B=(-m L090 --per HEADCOUNT --peers institution_type --min-peers 4)
	"$WF_BUILD/bin/wf-benchmark" "${B[@]}" -o b.csv "$F/facts.csv"
	rep -f csv b.csv > again.csv
	cmp b.csv again.csv
	"$WF_BUILD/bin/wf-benchmark" "${B[@]}" -f ndjson -o b.ndjson "$F/facts.csv"
	rep -f csv b.ndjson > from-ndjson.csv
	[ "$(cut -d, -f36- from-ndjson.csv | sort -u)" = "$(cut -d, -f36- b.csv | sort -u)" ]
	run --separate-stderr "$WF_BUILD/bin/wf-benchmark" "${B[@]}" --baseline again.csv "$F/facts.csv"
	[ "$status" -eq 0 ]
	[[ "${lines[1]}" == *",2019,10.00,0.00,0.00,0.00,first_year,metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes=" ]]
}

@test "report: --institution takes the key in any case or a part of the name; an ambiguous name lists the candidates" {
	run --separate-stderr rep -f json --kind benchmark --institution c4308 "$FX/bench.synthetic.csv"
	[ "$status" -eq 0 ]
	[ "$(jq -r '.cards[0].heading' <<<"$output")" = "C4308 COMUNE DI MILANO, year 2019" ]
	run --separate-stderr rep -f json --kind benchmark --institution milano "$FX/bench.synthetic.csv"
	[ "$status" -eq 0 ]
	[ "$(jq -r '.cards[0].heading' <<<"$output")" = "C4308 COMUNE DI MILANO, year 2019" ]
	run --separate-stderr rep --kind benchmark --institution 'comune di' "$FX/bench.synthetic.csv"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "wf-report: $FX/bench.synthetic.csv: institution 'comune di' matches "*" institutions (give the key): C"*"COMUNE DI MILANO"* ]]
}

@test "report: --label works in every kind and format" {
	ops_csv
	run --separate-stderr rep -f csv --label 01=Piemonte --label per_employee='EUR per employee' ops.csv
	[ "$(head -2 <<<"$output")" = "year,institution,institution_name,region,EUR per employee
2019,C1,COMUNE DI ASTI,Piemonte,10.5" ]
	for f in table markdown json html; do
		run --separate-stderr rep -f $f --kind benchmark --label C=Comuni "$FX/bench.synthetic.csv"
		[ "$status" -eq 0 ]
		[[ "$output" == *Comuni* ]] || { echo "$f"; false; }
	done
	run --separate-stderr rep -f csv --kind trend --label C=Comuni "$FX/summary-type.synthetic.csv"
	[[ "$(head -1 <<<"$output")" == *Comuni* ]]
}

@test "report: --kind benchmark shows spender statistics and does not highlight a flag most rows carry" {
	{ echo "year,institution,institution_type,measure,value"
	  for i in 1 2 3 4 5 6 7 8; do echo "2019,Z$i,C,L090,0"; echo "2019,Z$i,C,HEADCOUNT,10"; done
	  for i in 1 2; do echo "2019,S$i,C,L090,${i}00"; echo "2019,S$i,C,HEADCOUNT,10"; done
	} > z.csv
	"$WF_BUILD/bin/wf-benchmark" -m L090 --per HEADCOUNT --peers institution_type --min-peers 2 -o zb.csv z.csv
	run --separate-stderr rep --kind benchmark zb.csv
	[ "$status" -eq 0 ]
	[[ "$output" == *"Flag 'zero' is on 8 of 10 rows, so it is not highlighted."* ]]
	[[ "$output" == *"8 of 10 institutions spend nothing"* ]]
	[[ "$output" == *"spender_median"* && "$output" == *"gap_to_median_eur"* && "$output" == *"zero_share_pct"* ]]
	# only S2, an outlier, is highlighted: 'zero' marks nothing out here
	[ "$(grep '^\*' <<<"$output" | awk '{ print $4 }')" = "S2" ]
	run --separate-stderr rep -f csv --kind benchmark --columns institution,spender_median,spender_pct_rank zb.csv
	[ "$(sed -n '2,3p' <<<"$output")" = "S2,15.00,75.00
S1,15.00,25.00" ]
}

@test "report: --kind match counts coverage by the need's category, with the fit" {
	printf 'id,name,lat,lon,category,quantity\nN1,Officina (synthetic),44.5,8.1,CHILDCARE,5\n' > d.csv
	printf 'id,name,lat,lon,categories,capacity\nK,Campo (synthetic),44.5,8.1,CAMPS,3\n' > s.csv
	"$WF_BUILD/bin/wf-match" --assign -o m.csv d.csv s.csv 2>/dev/null
	run --separate-stderr rep -f csv --kind match m.csv
	[ "$status" -eq 0 ]
	[ "$output" = "category,assigned,unmet,coverage_pct,served_by
CHILDCARE,3,2,60.0,CAMPS 3 (fit 0.4000)" ]
	# before: \"CAMPS 3 assigned, 100%\" although nobody asked for CAMPS
	[[ "$output" != *"CAMPS,3"* ]]
}

@test "report: data marked SYNTHETIC says so in every kind and format" {
	"$WF_BUILD/bin/wf-synth-match" d.csv s.csv
	"$WF_BUILD/bin/wf-match" --assign -o m.csv d.csv s.csv 2>/dev/null
	for f in table markdown json html; do
		for k in table match; do
			run --separate-stderr rep -f $f --kind $k m.csv
			[ "$status" -eq 0 ]
			[[ "$output" == *"SYNTHETIC: "* ]] || { echo "$f $k"; false; }
		done
	done
	run --separate-stderr rep -f json --kind match --title 'Piemonte' m.csv
	[ "$(jq -r .title <<<"$output")" = "SYNTHETIC: Piemonte" ]
	run --separate-stderr rep -f json --kind match "$FX/match.synthetic.csv"
	[[ "$(jq -r .title <<<"$output")" != SYNTHETIC* ]]
}

@test "--kind trend with 100,000 groups: linear, not quadratic (every kind n log n)" {
	# SYNTHETIC: 100,000 groups over two years. The set of groups was a
	# linear search (40,000 groups took 4.1 s, 1,000,000 did not end);
	# with a hash it takes well under a second, and a minute is ample
	# even under ASan on a loaded machine (valgrind: ten).
	lim=60
	[ -n "${WF_WRAP:-}" ] && lim=600
	awk 'BEGIN { print "year,label,metric_total"; for (g = 0; g < 100000; g++) { printf "2023,G%06d,%d.50\n", g, g; printf "2024,G%06d,%d.25\n", g, g + 7 } }' >big.csv
	run --separate-stderr timeout $lim $WF_WRAP "$WF_BUILD/bin/wf-report" --kind trend -f markdown -o out.md big.csv
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "$(grep -c '^| G' out.md)" -eq 100000 ]
	grep -qxF '| G099999 | 2023 | 99,999.50 | 2024 | 100,006.25 | 6.75 | 0.00 |' out.md
	grep -qxF 'The chart shows the 10 groups with the largest last value of 100000; the table lists all.' out.md
	# The other kinds that gather distinct values: a match report of 100,000 providers.
	awk 'BEGIN { print "demand_id,supply_id,category,assigned,unmet,status,reason"; for (i = 0; i < 100000; i++) printf "D%d,S%06d,MEAL,1,0,assigned,\n", i, i }' >m.csv
	run --separate-stderr timeout $lim $WF_WRAP "$WF_BUILD/bin/wf-report" --kind match -f markdown -o m.md m.csv
	[ "$status" -eq 0 ]
	grep -qF 'Busiest providers (top 10 of 100000)' m.md
}

# The table kind without --sort streams its rows through a spool on disk
# (wf_render_stream.h); with --sort it holds them. Both must print the
# same bytes: sorting by a column already in order changes nothing else.
tricky() {
	printf 'n;year;region;name;value\n1;2019;01;"Torino; ""centro""";1.234,5\n2;2019;02;"a\033[2Jb";-0,004\n3;2020;12;=SUM(A1);\n4;2021;01;"due\nrighe";99.999.999,999\n' > tricky.csv
}

@test "report: the streamed table kind prints exactly what it printed in memory" {
	tricky
	run --separate-stderr rep -f markdown --decimal comma --locale it tricky.csv
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$output" = '# Table

Generated from tricky.csv (4 rows)

| n | year | region | name | value |
| ---: | ---: | --- | --- | ---: |
| 1 | 2019 | 01 | Torino; "centro" | 1.234,50 |
| 2 | 2019 | 02 | a\x1b\[2Jb | 0,00 |
| 3 | 2020 | 12 | =SUM(A1) |  |
| 4 | 2021 | 01 | due righe | 100.000.000,00 |' ]
	run --separate-stderr rep --decimal comma --where region=1 --label 01=Piemonte \
		--columns name,region,value tricky.csv
	[ "$status" -eq 0 ]
	[ "$output" = 'Table
=====
Generated from tricky.csv (4 rows)

2 of 4 rows match region=1.

name              region             value
----------------  --------  --------------
Torino; "centro"  Piemonte        1,234.50
due righe         Piemonte  100,000,000.00' ]
	# -f csv passes the data on as it is, control characters too
	rep -f csv --decimal comma --where 'value<0' tricky.csv > out.csv
	printf 'n,year,region,name,value\n2,2019,02,a\033[2Jb,-0.004\n' | cmp - out.csv
}

@test "report: streamed and held (--sort) tables are the same bytes in every format" {
	tricky
	for opts in "" "--decimal comma" "--decimal comma --locale it --decimals 0" "--lang it" \
		"--where region=1" "--where value>1000000000" "--label 01=Piemonte --label year=anno" \
		"--label 01=7 --columns n,region,name" "--max-width 5" "--title T --date=2024-01-02"; do
		for f in table markdown html json csv; do
			# shellcheck disable=SC2086
			rep -f $f $opts tricky.csv small.csv > streamed.out 2> streamed.err
			# shellcheck disable=SC2086
			rep -f $f $opts --sort n tricky.csv small.csv > held.out 2> held.err
			cmp streamed.out held.out || { echo "differ: -f $f $opts"; return 1; }
			cmp streamed.err held.err
		done
	done
	# stdin streams too
	rep -f markdown < tricky.csv > a.out
	rep -f markdown --sort n < tricky.csv > b.out
	cmp a.out b.out
}

@test "report: a streamed table's spool must be writable: an error naming \$TMPDIR, else nothing" {
	run --separate-stderr env TMPDIR=/nonexistent/wf "$WF_BUILD/bin/wf-report" small.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: spool in /nonexistent/wf: No such file or directory" ]
	[ -z "$output" ]
	# --sort holds the rows in memory: no spool
	run --separate-stderr env TMPDIR=/nonexistent/wf "$WF_BUILD/bin/wf-report" -f csv --sort year small.csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "year,comune,name,value" ]
}

@test "report: a streamed table's memory does not grow with its rows" {
	[ -x /usr/bin/time ] || skip "GNU time not installed"
	awk 'BEGIN { print "year,institution,name,value"
	  for (i = 0; i < 200000; i++) printf "%d,C%d,\"ENTE %d, SYNTHETIC\",%d.%02d\n", 2001 + i % 24, i, i, i, i % 100 }' > big.csv
	head -n 50001 big.csv > quarter.csv
	/usr/bin/time -f %M -o q.kb "$WF_BUILD/bin/wf-report" -f markdown quarter.csv > /dev/null
	/usr/bin/time -f %M -o b.kb "$WF_BUILD/bin/wf-report" -f markdown big.csv > /dev/null
	/usr/bin/time -f %M -o s.kb "$WF_BUILD/bin/wf-report" -f markdown --sort year big.csv > /dev/null
	q=$(tail -n 1 q.kb) b=$(tail -n 1 b.kb) s=$(tail -n 1 s.kb)
	echo "peak KB: 50,000 rows $q, 200,000 rows $b, 200,000 rows --sort $s"
	# four times the rows (about 7 MB more input): under 2 MB more memory
	[ $((b - q)) -lt 2048 ]
	# held in memory they take far more
	[ $((s - b)) -gt 20000 ]
}
