#!/usr/bin/env bats
# Hostile content for every binary that reads tables: NUL bytes, invalid
# UTF-8, a 100 MB line, 100,000 columns, empty and header-only files,
# duplicate column names, formula-looking cells, markup in reports,
# absurd numbers. The contract: no crash, a clear message naming the
# file (and line), exit 1 for data errors, 0 only for a sound result.
# The README section "Hostile input" tabulates these cases. All inputs
# are SYNTHETIC, generated here.
load common
load rely

setup_file() {
	# made once: 100,000,000 bytes with no newline
	head -c 100000000 /dev/zero | tr '\0' A > "$BATS_FILE_TMPDIR/line100m.csv"
	python3 - "$BATS_FILE_TMPDIR" <<'PY'
import json, sys
d = sys.argv[1]
names = ['c%d' % i for i in range(100000)]
with open(d + '/cols.csv', 'w') as f:
    f.write(','.join(names) + '\n' + ','.join(str(i) for i in range(100000)) + '\n')
with open(d + '/cols.ndjson', 'w') as f:
    o = json.dumps({n: str(i) for i, n in enumerate(names)})
    f.write(o + '\n' + o + '\n')
PY
}

setup() {
	cd "$BATS_TEST_TMPDIR"
	CHECK="$BATS_TEST_DIRNAME/html_check.py"
}

# A row of TOOL's input with FIELD in a text column, appended to a copy
# of the small input (bytes passed through printf %b).
with_row() {
	local t="$1" field="$2"
	in=$(rely_small "$t")
	case "$t" in
	wf-ingest) printf "C9;%b;L090;1\n" "$field" >> "$in" ;;
	wf-match) printf "D99,%b,44.579471,8.193302,CHILDCARE,1,100.00,\n" "$field" >> "$in" ;;
	*) printf "2019,C9,C,%b,RALN,04,FL,03,MI,015146,L090,1\n" "$field" >> "$in" ;;
	esac
}

@test "NUL byte in a row: file:line and exit 1, for every binary" {
	for t in $RELY_TOOLS; do
		with_row "$t" 'AB\0CD'
		n=$(wc -l < "$in")
		run --separate-stderr rely_run "$t" "$in"
		echo "$t: $status $stderr"
		[ "$status" -eq 1 ]
		[[ "$stderr" == *"$t: small.csv:$n: NUL byte at byte "* ]]
	done
}

@test "NUL byte with --rejects: the row is counted out, the rest goes on (wf-ingest, wf-benchmark)" {
	for t in wf-ingest wf-benchmark; do
		with_row "$t" 'AB\0CD'
		run --separate-stderr rely_run "$t" --rejects rej.csv "$in"
		echo "$t: $status $stderr"
		[ "$status" -eq 1 ]
		grep -q 'NUL byte at byte' rej.csv
		[ "$(rely_run "$t" "$(rely_small "$t")" 2>/dev/null | wc -l)" -eq "${#lines[@]}" ]
	done
}

@test "invalid UTF-8: read as cp1252 when auto (documented), an error under --encoding utf-8 or after a BOM" {
	for t in $RELY_TOOLS; do
		with_row "$t" 'AB\xff\xfeCD'
		n=$(wc -l < "$in")
		run --separate-stderr rely_run "$t" --encoding utf-8 "$in"
		echo "$t: $status $stderr"
		[ "$status" -eq 1 ]
		[[ "$stderr" == *"$t: small.csv:$n: invalid UTF-8 at byte "* ]]
		run --separate-stderr rely_run "$t" "$in"
		if [ "$(head -c 3 "$in")" = $'\xef\xbb\xbf' ]; then
			# the BOM said UTF-8: the bad bytes are a bad row
			[ "$status" -eq 1 ]
			[[ "$stderr" == *"$t: small.csv:$n: invalid UTF-8 at byte "* ]]
		else
			# decided when the first non-ASCII byte shows up
			[ "$status" -eq 0 ]
			# wf-match does not echo demand names
			[ "$t" = wf-match ] || [[ "$output" == *"ABÿþCD"* ]]
		fi
	done
	# and the output is valid UTF-8 whatever came in
	with_row wf-report 'AB\xff\xfeCD'
	rely_run wf-report -f html -o out.html small.csv
	iconv -f UTF-8 -t UTF-8 out.html > /dev/null
	grep -q 'ABÿþCD' out.html
}

@test "a 100 MB line without a newline: stopped at 16 MiB with file:line, for every binary" {
	for t in $RELY_TOOLS; do
		run --separate-stderr rely_run "$t" "$BATS_FILE_TMPDIR/line100m.csv"
		echo "$t: $status $stderr"
		[ "$status" -eq 1 ]
		[[ "$stderr" == *"$t: $BATS_FILE_TMPDIR/line100m.csv:1: line longer than 16777216 bytes (see --max-field-bytes)"* ]]
	done
}

@test "100,000 columns (CSV and NDJSON): a clear message or a result, in linear time" {
	# A linear column lookup made the NDJSON header alone take a minute.
	lim=${WF_WRAP:+600}
	for t in $RELY_TOOLS; do
		for f in cols.csv cols.ndjson; do
			run --separate-stderr timeout "${lim:-20}" bash -c "$(declare -f rely_run rely_args rely_tail); WF_WRAP='$WF_WRAP' WF_BUILD='$WF_BUILD' FIX='$FIX' rely_run $t '$BATS_FILE_TMPDIR/$f' > out"
			echo "$t $f: $status ${stderr:0:300}"
			[ "$status" -ne 124 ]
			case "$t" in
			wf-ingest) [ "$status" -eq 1 ]; [[ "$stderr" == *"$f:1: unknown layout"* ]] ;;
			wf-benchmark) [ "$status" -eq 1 ]; [[ "$stderr" == *"$f: no column 'year'"* ]] ;;
			wf-report) [ "$status" -eq 0 ]; grep -q c99999 out ;;
			wf-match) [ "$status" -eq 1 ] ;;
			esac
		done
	done
}

@test "empty file (0 bytes): exit status and message per binary" {
	: > empty.csv
	run --separate-stderr rely_run wf-ingest empty.csv
	[ "$status" -eq 1 ]
	[[ "$stderr" == "wf-ingest: empty.csv: empty input (no header line)"* ]]
	run --separate-stderr rely_run wf-benchmark empty.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: empty.csv: empty input (no header line)" ]
	if [ -x "$WF_BUILD/bin/wf-match" ]; then
		run --separate-stderr wf-match empty.csv "$FIX/match/supply.synthetic.csv"
		[ "$status" -eq 1 ]
		[ "$stderr" = "wf-match: empty.csv: empty input (no header line)" ]
		run --separate-stderr wf-match "$FIX/match/demand.synthetic.csv" empty.csv
		[ "$status" -eq 1 ]
		[ "$stderr" = "wf-match: empty.csv: empty input (no header line)" ]
	fi
	# wf-report documents an empty input as a report saying "No rows"
	run --separate-stderr rely_run wf-report empty.csv
	[ "$status" -eq 0 ]
	[[ "$output" == *"No rows"* ]]
}

@test "header-only file: exit status and message per binary" {
	echo "$COST_HDR" > COSTO_LAVORO_2019.csv
	run --separate-stderr rely_run wf-ingest COSTO_LAVORO_2019.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$FACTS_HDR" ]
	[ "$stderr" = "wf-ingest: COSTO_LAVORO_2019.csv: COSTO_LAVORO 2019: 0 rows read, 0 rejected, 0 records written, 0 blank lines skipped" ]
	echo "$FACTS_HDR" > facts.csv
	run --separate-stderr rely_run wf-benchmark facts.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: measure 'L090' of --metric does not appear in the input" ]
	run --separate-stderr rely_run wf-report facts.csv
	[ "$status" -eq 0 ]
	[[ "$output" == *"No rows"* ]]
	if [ -x "$WF_BUILD/bin/wf-match" ]; then
		head -1 "$FIX/match/demand.synthetic.csv" > d.csv
		run --separate-stderr wf-match d.csv "$FIX/match/supply.synthetic.csv"
		[ "$status" -eq 0 ]
		[ "${#lines[@]}" -eq 1 ]
		[ "${stderr_lines[0]}" = "wf-match: demand: 0 needs, 0 units; 0 with offers in range, 0 without" ]
	fi
}

@test "duplicate column names: an error naming the column, for every binary" {
	printf 'ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA;Totale Spesa\nC1;RALN;L090;1;2\n' > COSTO_LAVORO_2019.csv
	run --separate-stderr rely_run wf-ingest COSTO_LAVORO_2019.csv
	[ "$status" -eq 1 ]
	[[ "$stderr" == "wf-ingest: COSTO_LAVORO_2019.csv:1: unknown layout (COSTO_LAVORO header repeats column TOTALE_SPESA)"* ]]
	printf 'year,institution,measure,value,value\n2019,C1,L090,1,2\n' > dup.csv
	run --separate-stderr rely_run wf-benchmark dup.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: dup.csv: column 'value' appears twice" ]
	printf 'year,institution,institution_name,institution_name,measure,value\n2019,C1,A,B,L090,1\n' > dup2.csv
	run --separate-stderr rely_run wf-benchmark dup2.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: dup2.csv: column 'institution_name' appears twice" ]
	run --separate-stderr rely_run wf-report dup.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: dup.csv:1: duplicate column 'value'" ]
	# NDJSON: jansson refuses a repeated key
	printf '{"year":"2019","institution":"C1","measure":"L090","value":1,"value":2}\n' > dup.ndjson
	run --separate-stderr rely_run wf-benchmark dup.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == "wf-benchmark: dup.ndjson:1: invalid JSON: duplicate object key"* ]]
}

@test "formula-looking cells pass verbatim, and --excel-safe neutralises them, in every CSV writer" {
	# codes have a shape now (issue 17): a formula is no contract code
	printf 'ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA\nC1;=cmd|x!A1;L090;1\n' > COSTO_LAVORO_2019.csv
	run --separate-stderr rely_run wf-ingest COSTO_LAVORO_2019.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: COSTO_LAVORO_2019.csv:2: bad contract code '=cmd|x!A1' (1 to 16 letters and digits)" ]
	# names pass through: verbatim, or neutralised with --excel-safe
	printf '%s\n2019,C1,C,=cmd|x!A1,RALN,,,,,,L090,1\n2019,C2,C,@SUM(A1),RALN,,,,,,L090,-5\n' "$FACTS_HDR" > canon.csv
	run --separate-stderr rely_run wf-ingest canon.csv
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = '2019,C1,C,=cmd|x!A1,RALN,,,,,,L090,1' ]
	[ "${lines[2]}" = '2019,C2,C,@SUM(A1),RALN,,,,,,L090,-5' ]
	run --separate-stderr rely_run wf-ingest --excel-safe canon.csv
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "2019,C1,C,\"'=cmd|x!A1\",RALN,,,,,,L090,1" ]
	# a number keeps its sign: -5 is data, not a formula
	[ "${lines[2]}" = "2019,C2,C,\"'@SUM(A1)\",RALN,,,,,,L090,-5" ]
	printf '%s\n2019,C1,C,"=cmd|'"'"'/c calc'"'"'!A1",RALN,04,FL,03,MI,015146,L090,1\n2019,C2,C,+1+1,RALN,04,FL,03,MI,015146,L090,-5\n' "$FACTS_HDR" > f.csv
	run --separate-stderr rely_run wf-benchmark --excel-safe f.csv
	[ "$status" -eq 0 ]
	[[ "${lines[1]}" == "2019,C1,\"'=cmd|'/c calc'!A1\",03,MI,015146,1,"* ]]
	[[ "${lines[2]}" == "2019,C2,\"'+1+1\",03,MI,015146,-5,"* ]]
	run --separate-stderr rely_run wf-benchmark f.csv
	[[ "${lines[1]}" == "2019,C1,=cmd|'/c calc'!A1,03,MI,015146,1,"* ]]
	# NDJSON is not for spreadsheets: --excel-safe leaves it alone
	run --separate-stderr rely_run wf-benchmark --excel-safe -f ndjson f.csv
	[ "$(echo "${lines[0]}" | jq -r .institution_name)" = "=cmd|'/c calc'!A1" ]
	# wf-report -f csv, the table a report draws, streamed or sorted
	run --separate-stderr rely_run wf-report -f csv --excel-safe canon.csv
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "${lines[1]}" = "2019,C1,C,\"'=cmd|x!A1\",RALN,,,,,,L090,1" ]
	[ "${lines[2]}" = "2019,C2,C,\"'@SUM(A1)\",RALN,,,,,,L090,-5" ]
	run --separate-stderr rely_run wf-report -f csv --excel-safe --sort value:desc canon.csv
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "2019,C1,C,\"'=cmd|x!A1\",RALN,,,,,,L090,1" ]
	run --separate-stderr rely_run wf-report -f csv canon.csv
	[ "${lines[1]}" = '2019,C1,C,=cmd|x!A1,RALN,,,,,,L090,1' ]
	# and the terminal table never changes a cell for it
	run --separate-stderr rely_run wf-report --excel-safe canon.csv
	[ "$status" -eq 0 ]
	[[ "$output" == *"=cmd|x!A1"* ]]
	[[ "$output" != *"'=cmd"* ]]
}

@test "markup in cells, titles, units and labels is escaped in HTML and SVG (wf-report)" {
	X='<script>alert(1)</script>'
	{ echo 'year,institution_type,institutions,metric_total,mean,median,zero_share_pct'
	  for y in 2019 2020 2021; do
		echo "$y,\"$X\",10,100.00,10.00,9.00,0.00"
		echo "$y,\"a&b\"\"'<img src=x onerror=alert(1)>\",10,50.00,5.00,4.00,0.00"
	  done; } > trend.csv
	run --separate-stderr rely_run wf-report --kind trend -f html --title "$X" --unit "<b>EUR</b>" \
		--label "a&b\"'<img src=x onerror=alert(1)>=<i>label</i>" -o out.html trend.csv
	echo "$stderr"
	[ "$status" -eq 0 ]
	run python3 "$CHECK" out.html
	echo "$output"
	[ "$status" -eq 0 ]
	! grep -q '<script' out.html
	! grep -q '<img' out.html
	! grep -q '<i>label' out.html
	! grep -q '<b>EUR' out.html
	grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' out.html
	grep -q '<svg' out.html
	# markdown and the terminal table keep the text, markdown escaped
	run --separate-stderr rely_run wf-report -f markdown trend.csv
	[ "$status" -eq 0 ]
	[[ "$output" == *'&lt;script&gt;'* ]]
}

@test "absurd numbers: 1e400, 40 digits, NaN, inf, hex: rejected with file:line (wf-ingest, wf-benchmark)" {
	for v in 1e400 1234567890123456789012345678901234567890 NaN inf 0x10 '1,2,3' 99999999999999999999999999999,99; do
		printf '%s\nC1;RALN;L090;%s\n' "$COST_HDR" "$v" > COSTO_LAVORO_2019.csv
		run --separate-stderr rely_run wf-ingest COSTO_LAVORO_2019.csv
		echo "$v: $status $stderr"
		[ "$status" -eq 1 ]
		[[ "$stderr" == "wf-ingest: COSTO_LAVORO_2019.csv:2: "*"'$v' in TOTALE_SPESA"* ]]
	done
	for v in 1e400 1234567890123456789012345678901234567890 NaN inf 0x10 0.0000000000000000000000000000000001; do
		printf '%s\n2019,C1,C,X,RALN,04,FL,03,MI,015146,L090,%s\n' "$FACTS_HDR" "$v" > f.csv
		run --separate-stderr rely_run wf-benchmark f.csv
		echo "$v: $status $stderr"
		[ "$status" -eq 1 ]
		[[ "$stderr" == "wf-benchmark: f.csv:2: bad value '$v': "* ]]
	done
}

@test "absurd numbers: sums that overflow are an error, not a wrapped total" {
	# 28 digits hold 9e26 but not 120 of it
	{ echo "$FACTS_HDR"; for i in $(seq 1 120); do echo "2019,C1,C,X,RALN,04,FL,03,MI,015146,L090,900000000000000000000000000"; done; } > f.csv
	# the same fact 120 times: summed on purpose (else a duplicate)
	run --separate-stderr rely_run wf-benchmark --sum-duplicates f.csv
	[ "$status" -eq 1 ]
	[[ "$stderr" == "wf-benchmark: f.csv:"*": sum of 'L090' overflows" ]]
	{ echo 'ISTITUZIONE;CONTRATTO;PERSONALE_TEMPO_PIENO_UOMINI;PERSONALE_TEMPO_PIENO_DONNE;PART_TIME_INF50%_UOMINI;PART_TIME_INF50%_DONNE;PART_TIME_SUP50%_UOMINI;PART_TIME_SUP50%_DONNE'
	  for i in $(seq 1 120); do echo "C1;RALN;900000000000000000000000000;0;0;0;0;0"; done; } > OCCUPAZIONE_2019.csv
	run --separate-stderr rely_run wf-ingest OCCUPAZIONE_2019.csv
	echo "$status $stderr"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"overflow"* ]]
}

@test "absurd numbers in wf-report: shown as text, never mangled" {
	printf 'year,name,value\n2019,a,1e400\n2020,b,1234567890123456789012345678901234567890\n' > f.csv
	run --separate-stderr rely_run wf-report -f json f.csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | jq -r '.tables[0].rows[0][2]')" = 1e400 ]
	[ "$(echo "$output" | jq -r '.tables[0].rows[1][2]')" = 1234567890123456789012345678901234567890 ]
}

@test "wf-match: duplicate columns, absurd numbers and coordinates, formula-looking names" {
	[ -x "$WF_BUILD/bin/wf-match" ] || skip "no wf-match"
	S="$FIX/match/supply.synthetic.csv"
	H='id,name,lat,lon,category,quantity,budget,max_km'
	printf 'id,name,lat,lon,category,quantity,quantity,budget,max_km\nD1,x,44.5,8.1,CHILDCARE,1,2,100,\n' > dup.csv
	run --separate-stderr wf-match dup.csv "$S"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-match: dup.csv:1: column 'quantity' appears twice" ]
	while IFS='|' read -r row msg; do
		printf '%s\n%s\n' "$H" "$row" > m.csv
		run --separate-stderr wf-match m.csv "$S"
		echo "$row: $status $stderr"
		[ "$status" -eq 1 ]
		[ "${stderr_lines[0]}" = "wf-match: m.csv:2: $msg" ]
	done <<'CASES'
D1,x,1e400,8.1,CHILDCARE,1,100,|latitude '1e400' is not a number
D1,x,NaN,8.1,CHILDCARE,1,100,|latitude 'NaN' is not a number
D1,x,44.5,inf,CHILDCARE,1,100,|longitude 'inf' is not a number
D1,x,95,8.1,CHILDCARE,1,100,|coordinates '95', '8.1' are out of range
D1,x,44.5,8.1,CHILDCARE,1234567890123456789012345678901234567890,100,|quantity '1234567890123456789012345678901234567890' is not a whole number from 1 to 1000000000
D1,x,44.5,8.1,CHILDCARE,1,1234567890123456789012345678901234567890,|budget '1234567890123456789012345678901234567890' is not an amount in EUR (1234.56 or 1.234,56, not negative)
D1,x,44.5,8.1,CHILDCARE,1,100,1e400|max_km '1e400' is not a positive number
CASES
	# supply names reach the output: formula-looking ones are kept, or
	# neutralised under --excel-safe
	{ head -1 "$S"; echo 'S9,=HYPERLINK("http://x"),44.579471,8.193302,CHILDCARE,3,300.00,'; } > s.csv
	printf '%s\nD1,x,44.579471,8.193302,CHILDCARE,1,1000.00,\n' "$H" > d.csv
	run --separate-stderr wf-match d.csv s.csv
	[ "$status" -eq 0 ]
	[[ "${lines[1]}" == *',"=HYPERLINK(""http://x"")",'* ]]
	run --separate-stderr wf-match --excel-safe d.csv s.csv
	[ "$status" -eq 0 ]
	[[ "${lines[1]}" == *",\"'=HYPERLINK(\"\"http://x\"\")\","* ]]
}

@test "wf-report: extreme valid numbers and coordinates keep charts and the map well formed" {
	big=9999999999999999999999999999 # the widest exact number (28 digits)
	{ echo 'year,institution_type,institutions,metric_total,mean,median,zero_share_pct'
	  echo "2019,C,10,$big,$big,9.00,0.00"
	  echo "2020,C,10,0.000000001,-$big,9.00,0.00"
	  echo "2021,C,10,-$big,10.00,9.00,0.00"
	  echo "2019,P,10,$big,$big,9.00,100.00"; } > t.csv
	run --separate-stderr rely_run wf-report --kind trend -f html -o t.html t.csv
	[ "$status" -eq 0 ]
	run python3 "$CHECK" t.html
	[ "$status" -eq 0 ]
	! grep -qiw 'nan\|inf' t.html
	# a number past the exact range is an error, not inf in an SVG path
	{ head -1 t.csv; echo "2019,C,10,1$(printf '%0300d' 0),1,1,0"; } > huge.csv
	run --separate-stderr rely_run wf-report --kind trend -f html huge.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: huge.csv:2: number out of range: '1$(printf '%039d' 0)' in column 'metric_total'" ]
	python3 - "$BATS_TEST_DIRNAME/fixtures/report/match.synthetic.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='')))
h = rows[0]
rows[1][h.index('demand_lat')] = '999999999999999999'
rows[2][h.index('supply_lon')] = '-0.000000001'
rows[3][h.index('supply_name')] = '<svg onload=alert(1)>'
csv.writer(open('m.csv', 'w', newline='')).writerows(rows)
PY
	run --separate-stderr rely_run wf-report --kind match -f html -o m.html m.csv
	[ "$status" -eq 0 ]
	run python3 "$CHECK" m.html
	[ "$status" -eq 0 ]
	! grep -q '<svg onload' m.html
}
