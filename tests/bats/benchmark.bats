#!/usr/bin/env bats
# wf-benchmark: every option and error path, on hand-made synthetic
# fixtures in tests/fixtures/benchmark whose expected outputs were worked
# out by hand (see the README there).
load common

setup() {
	T="$BATS_TEST_TMPDIR/t"
	mkdir -p "$T"
	# short, stable file names in messages
	cd "$FIX/benchmark"
}

PEERS=(-m L090 --per HEADCOUNT --peers institution_type --min-peers 4)
USAGE_TAIL="Try 'wf-benchmark --help' for more information."

# ---- success paths ----

@test "--help goes to stdout, states the definitions, exit 0" {
	run --separate-stderr wf-benchmark --help
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "${lines[0]}" = "Usage: wf-benchmark --metric SPEC [OPTION]... [FILE]..." ]
	[[ "$output" == *"(R type 7)"* ]]
	[[ "$output" == *"mid-rank 100 (below + 0.5 equal) / n"* ]]
	[[ "$output" == *"1.4826 MAD"* ]]
}

@test "--version" {
	run --separate-stderr wf-benchmark --version
	[ "$status" -eq 0 ]
	[ "$output" = "wf-benchmark (wfkit) 0.1.0" ]
}

@test "peers by institution_type: every column as worked out by hand" {
	run --separate-stderr wf-benchmark "${PEERS[@]}" facts.csv
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "$output" = "$(cat expected-peers.csv)" ]
}

@test "named metric welfare_core is L090" {
	run --separate-stderr wf-benchmark -m welfare_core --per HEADCOUNT --peers institution_type --min-peers 4 facts.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-peers.csv)" ]
}

@test "stdin, explicit - and NDJSON input give the same result" {
	run --separate-stderr wf-benchmark "${PEERS[@]}" < facts.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-peers.csv)" ]
	run --separate-stderr wf-benchmark "${PEERS[@]}" - < facts.ndjson
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-peers.csv)" ]
	run --separate-stderr wf-benchmark "${PEERS[@]}" --input-format ndjson facts.ndjson
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-peers.csv)" ]
}

@test "rows of one institution may arrive in any order and over several files" {
	head -8 facts.csv > "$T/a.csv"
	{ head -1 facts.csv; tail -n +9 facts.csv | sort -r; } > "$T/b.csv"
	run --separate-stderr wf-benchmark "${PEERS[@]}" "$T/b.csv" "$T/a.csv"
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-peers.csv)" ]
}

@test "-o writes the file atomically and nothing to stdout" {
	run --separate-stderr wf-benchmark "${PEERS[@]}" -o "$T/out.csv" facts.csv
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	diff -u expected-peers.csv "$T/out.csv"
	[ -z "$(ls -A "$T" | grep -v '^out.csv$')" ]
}

@test "-f ndjson: numbers bare, missing values null" {
	run --separate-stderr wf-benchmark "${PEERS[@]}" -f ndjson facts.csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 9 ]
	[ "${lines[5]}" = '{"year":2019,"institution":"P1","institution_name":"PROVINCIA UNO","region":"01","province":"TO","comune":"","institution_type":"P","metric":10,"denominator":2,"per_employee":5.00,"peers":1,"peer_mean":null,"peer_median":null,"peer_p25":null,"peer_p75":null,"peer_p90":null,"peer_min":null,"peer_max":null,"pct_rank":null,"robust_z":null,"gap_median":null,"gap_median_pct":null,"gap_to_median_eur":null,"gap_to_p25_eur":null,"zero_share_pct":null,"spenders":0,"spender_median":null,"spender_p25":null,"spender_p75":null,"spender_pct_rank":null,"change":null,"change_pct":null,"cagr_pct":null,"slope":null,"flags":"small_peer_group|first_year|cagr_no_end","provenance":"metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes="}' ]
}

@test "--summary --by institution_type --per HEADCOUNT" {
	run --separate-stderr wf-benchmark -m L090 --per HEADCOUNT --summary --by institution_type facts.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-summary.csv)" ]
}

@test "--per HEADCOUNT+FLEX_UNITS adds flexible staff to the denominator" {
	run --separate-stderr wf-benchmark -m L090 --per HEADCOUNT+FLEX_UNITS --summary --by institution_type facts.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-summary-flex.csv)" ]
}

@test "--summary without --by or --per: one row a period" {
	run --separate-stderr wf-benchmark -m L090 --summary facts.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-summary-total.csv)" ]
}

@test "--size-classes groups by headcount class (none last)" {
	run --separate-stderr wf-benchmark -m L090 --summary --size-classes 1-9,10-49,50- facts.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-summary-classes.csv)" ]
}

@test "--size-classes with --peers adds size_class to the peer key" {
	run --separate-stderr wf-benchmark -m L090 --peers region --size-classes 1-9,10- --min-peers 1 facts.csv
	[ "$status" -eq 0 ]
	# 2019 region 03, class 1-9: only C5 (headcount 3): its own peer group
	# province and comune describe each body and pass through; region is a peer column
	[ "${lines[0]:0:60}" = "year,institution,institution_name,province,comune,region,siz" ]
	[[ "${lines[5]}" == "2019,C5,COMUNE CINQUE,MI,015005,03,1-9,60,1,60.00,60.00,"* ]]
	# C4 has no HEADCOUNT: no class, alone as well
	[[ "${lines[4]}" == "2019,C4,COMUNE QUATTRO,MI,015004,03,,30,1,30.00,"* ]]
}

@test "--codes DIR: deduction items (FLAG_SEGNO -) subtract" {
	run --separate-stderr wf-benchmark -m L090+P098 --codes codes --min-peers 1 signs.csv
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "$output" = "$(cat expected-signs.csv)" ]
	run --separate-stderr wf-benchmark -m L090+P098 --codes codes/VoceSpesa.CSV --min-peers 1 signs.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-signs.csv)" ]
}

@test "--codes ZIP: the code list inside an archive (as published)" {
	python3 -c "
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.write('codes/VoceSpesa.CSV', '2024Anagrafiche/VoceSpesa.CSV')
" "$T/codes.zip"
	run --separate-stderr wf-benchmark -m L090+P098 --codes "$T/codes.zip" --min-peers 1 signs.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-signs.csv)" ]
}

@test "--codes is read with its own dialect, whatever -d says for the facts" {
	tr ',' '|' < signs.csv > "$T/pipe.csv"
	run --separate-stderr wf-benchmark -m L090+P098 --codes codes -d '|' --min-peers 1 "$T/pipe.csv"
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-signs.csv)" ]
}

@test "--codes with the real 2024 code lists: P098 is a deduction, welfare items add" {
	need_shared
	codes="$CODES"
	run --separate-stderr wf-benchmark -m L090+P098 --codes "$codes" --min-peers 1 signs.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-signs.csv)" ]
	run --separate-stderr wf-benchmark -m welfare_extended --codes "$codes" --summary facts.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: measure 'L010' of --metric does not appear in the input (nearest known: L090)" ]
}

@test "--codes once per year: each fact takes its year's signs (or the nearest year's)" {
	mkdir "$T/c2019"
	printf 'ANNO;CODI_TIPO_VOCE_SPESA;CODI_VOCE_SPESA;DESC_VOCE_SPESA;FLAG_SEGNO\n2019;L;90;BENESSERE;+\n2019;P;98;SOMME;+\n' > "$T/c2019/VoceSpesa.CSV"
	printf 'year,institution,measure,value\n2019,A,L090,130\n2019,A,P098,30\n2024,A,L090,130\n2024,A,P098,30\n2021,A,L090,130\n2021,A,P098,30\n' > "$T/years.csv"
	run --separate-stderr wf-benchmark -m L090+P098 --codes "$T/c2019" --codes codes --min-peers 1 "$T/years.csv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "$(cut -d, -f1-3 <<<"$output")" = "year,institution,metric
2019,A,160
2021,A,160
2024,A,100" ]
	# the same year twice is refused, as by wf-ingest
	run --separate-stderr wf-benchmark -m L090 --codes codes --codes codes/VoceSpesa.CSV "$T/years.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: codes/VoceSpesa.CSV: code lists of 2024 given twice" ]
	# an item one year's lists lack is named with the year
	run --separate-stderr wf-benchmark -m L090+P098 --codes "$T/c2019" --codes "$FIX/benchmark/codes" "$T/years.csv"
	[ "$status" -eq 0 ]
	printf 'ANNO;CODI_TIPO_VOCE_SPESA;CODI_VOCE_SPESA;DESC_VOCE_SPESA;FLAG_SEGNO\n2019;L;90;BENESSERE;+\n' > "$T/c2019/VoceSpesa.CSV"
	run --separate-stderr wf-benchmark -m L090+P098 --codes "$T/c2019" --codes codes "$T/years.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: measure 'P098' of --metric is not in the code list of 2019" ]
}

@test "--max-field-bytes reaches the code lists (an auxiliary file)" {
	run --separate-stderr wf-benchmark -m L090 --max-field-bytes 40 --codes codes --min-peers 1 signs.csv
	[ "$status" -eq 1 ]
	[[ "$stderr" == "wf-benchmark: codes/VoceSpesa.CSV:1: line longer than 40 bytes"* ]]
}

@test "without --codes every item adds" {
	run --separate-stderr wf-benchmark -m L090+P098 --min-peers 1 signs.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-nosigns.csv)" ]
}

@test "--period COLUMN with YYYY-MM: same month a year earlier" {
	run --separate-stderr wf-benchmark -m W1 --period month --min-peers 1 monthly.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-monthly.csv)" ]
}

@test "--baseline adds the change since an earlier run" {
	run --separate-stderr wf-benchmark "${PEERS[@]}" --baseline baseline.csv facts.csv
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "$output" = "$(cat expected-baseline.csv)" ]
}

@test "--baseline is read with its own dialect, whatever -d says for the facts" {
	tr ',' ';' < facts.csv | sed 's/"COMUNE UNO; CENTRO"/"COMUNE UNO, CENTRO"/' > "$T/semi.csv"
	run --separate-stderr wf-benchmark "${PEERS[@]}" -d ';' --baseline baseline.csv "$T/semi.csv"
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-baseline.csv)" ]
}

@test "an output can serve as its own baseline: no change" {
	wf-benchmark "${PEERS[@]}" -o "$T/run1.csv" facts.csv
	run --separate-stderr wf-benchmark "${PEERS[@]}" --baseline "$T/run1.csv" facts.csv
	[ "$status" -eq 0 ]
	[[ "${lines[1]}" == *",2019,10.00,0.00,0.00,0.00,first_year,metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes=" ]]
	[[ "${lines[7]}" == *",2020,11.00,0.00,0.00,,small_peer_group,metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes=" ]]
}

@test "--rejects: bad rows go there, the rest is written, exit 1" {
	run --separate-stderr wf-benchmark -m L090 --min-peers 1 --rejects "$T/rej.csv" bad.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: 2 rows rejected (see $T/rej.csv)" ]
	[ "$output" = "$(cat expected-bad.csv)" ]
	diff -u expected-bad-rejects.csv "$T/rej.csv"
}

@test "-v reports the dialect and the counts" {
	run --separate-stderr wf-benchmark -m L090 -v --min-peers 1 signs.csv
	[ "$status" -eq 0 ]
	[ "$stderr" = "wf-benchmark: signs.csv: csv, delimiter ',' (from header), encoding ascii (no non-ASCII byte)
wf-benchmark: 3 rows read, 0 rejected, 2 rows written" ]
}

@test "--progress clears its line at the end; --no-progress writes nothing" {
	run --separate-stderr wf-benchmark "${PEERS[@]}" --progress facts.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-peers.csv)" ]
	[ "$stderr" = $'\r\e[K' ]
	run --separate-stderr wf-benchmark "${PEERS[@]}" --no-progress facts.csv
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
}

@test "-d, --encoding and --max-field-bytes are the shared reader options" {
	tr ',' ';' < signs.csv > "$T/semi.csv"
	run --separate-stderr wf-benchmark -m L090 --min-peers 1 -d ';' --encoding utf-8 --max-field-bytes 1M "$T/semi.csv"
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "2019,A,130,2,75.00,75.00,47.50,102.50,119.00,20.00,130.00,75.00,0.67,55.00,73.33,0.00,0.00,0.00,2,75.00,47.50,102.50,75.00,,,,,first_year,metric=L090;per=;peers=;size_classes=;min_peers=1;codes=" ]
}

@test "--excel-safe neutralises formula-like names" {
	printf 'year,institution,institution_name,measure,value\n2019,A,=1+2,L090,5\n' > "$T/x.csv"
	run --separate-stderr wf-benchmark -m L090 --min-peers 1 --excel-safe "$T/x.csv"
	[ "$status" -eq 0 ]
	[[ "${lines[1]}" == "2019,A,\"'=1+2\",5,"* ]]
}

# ---- data errors: exit 1 ----

@test "unparsable value: FILE:LINE, nothing on stdout" {
	run --separate-stderr wf-benchmark -m L090 bad.csv
	[ "$status" -eq 1 ]
	[ "$output" = "" ]
	[ "$stderr" = "wf-benchmark: bad.csv:3: bad value 'abc': not a number" ]
}

@test "ragged row from the reader is a data error too" {
	printf 'year,institution,measure,value\n2019,A\n' > "$T/r.csv"
	run --separate-stderr wf-benchmark -m L090 "$T/r.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: $T/r.csv:2: expected 4 fields, found 2" ]
}

@test "yearly and monthly periods do not mix" {
	printf 'year,institution,measure,value\n2019,A,L090,1\n2019-02,B,L090,1\n' > "$T/m.csv"
	run --separate-stderr wf-benchmark -m L090 "$T/m.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: $T/m.csv:3: period '2019-02' is monthly but earlier periods are yearly" ]
}

@test "empty institution" {
	printf 'year,institution,measure,value\n2019,,L090,1\n' > "$T/e.csv"
	run --separate-stderr wf-benchmark -m L090 "$T/e.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: $T/e.csv:2: empty institution" ]
}

@test "a measure of --metric found nowhere in the input is named" {
	run --separate-stderr wf-benchmark -m L090+L999 facts.csv
	[ "$status" -eq 1 ]
	[ "$output" = "" ]
	[ "$stderr" = "wf-benchmark: measure 'L999' of --metric does not appear in the input (nearest known: L090)" ]
}

@test "a measure of --per found nowhere in the input is named" {
	run --separate-stderr wf-benchmark -m L090 --per HEADCOUNT signs.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: measure 'HEADCOUNT' of --per does not appear in the input" ]
}

@test "--size-classes needs HEADCOUNT in the input" {
	run --separate-stderr wf-benchmark -m L090 --size-classes 1-9,10- signs.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: measure 'HEADCOUNT' of --size-classes does not appear in the input" ]
}

@test "a metric item missing from the --codes list is named" {
	run --separate-stderr wf-benchmark -m L090+L107 --codes codes signs.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: measure 'L107' of --metric is not in the code list" ]
}

@test "missing column needed by --peers / --by is named" {
	run --separate-stderr wf-benchmark -m L090 --peers region,province2 facts.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: facts.csv: no column 'province2' for --peers" ]
	run --separate-stderr wf-benchmark -m L090 --summary --by aggregate signs.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: signs.csv: no column 'aggregate' for --by" ]
}

@test "missing period column" {
	run --separate-stderr wf-benchmark -m L090 --period month facts.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: facts.csv: no column 'month'" ]
}

@test "a baseline made with --per where this run has none: the difference is named first" {
	run --separate-stderr wf-benchmark -m L090 --min-peers 1 --baseline baseline.csv signs.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: baseline.csv:2: the baseline was made with another definition: per HEADCOUNT there, (none) here; peers institution_type there, (none) here; min_peers 4 there, 1 here" ]
}

@test "baseline of the same definition without the value column" {
	cut -d, -f1-3,5- baseline.csv > "$T/novalue.csv"
	run --separate-stderr wf-benchmark "${PEERS[@]}" --baseline "$T/novalue.csv" facts.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: $T/novalue.csv:2: no column 'per_employee' in the baseline" ]
}

@test "missing input file and missing code list" {
	run --separate-stderr wf-benchmark -m L090 nope.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: nope.csv: No such file or directory" ]
	run --separate-stderr wf-benchmark -m L090 --codes nodir facts.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: nodir: No such file or directory" ]
}

@test "--codes without a VoceSpesa list" {
	mkdir "$T/nocodes"
	run --separate-stderr wf-benchmark -m L090 --codes "$T/nocodes" signs.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: $T/nocodes: no VoceSpesa.CSV found" ]
	python3 -c "
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('LEGGIMI.txt', 'synthetic test archive')
" "$T/empty.zip"
	run --separate-stderr wf-benchmark -m L090 --codes "$T/empty.zip" signs.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: $T/empty.zip: no VoceSpesa.CSV found" ]
}

@test "a bad row in the code list stops with FILE:LINE" {
	mkdir "$T/badcodes"
	printf 'ANNO;CODI_TIPO_VOCE_SPESA;CODI_VOCE_SPESA;DESC_VOCE_SPESA;FLAG_SEGNO\n2024;L;90;BENESSERE;*\n' > "$T/badcodes/VoceSpesa.CSV"
	run --separate-stderr wf-benchmark -m L090 --codes "$T/badcodes" signs.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: $T/badcodes/VoceSpesa.CSV:2: bad FLAG_SEGNO '*'" ]
}

@test "stdout write failure is exit 1 with a message" {
	run --separate-stderr bash -c "'$WF_BUILD/bin/wf-benchmark' -m L090 facts.csv > /dev/full"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: write error: stdout: No space left on device" ]
}

@test "-o into a missing directory fails before reading, leaves nothing" {
	run --separate-stderr wf-benchmark -m L090 -o "$T/no/out.csv" facts.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: $T/no/out.csv: No such file or directory" ]
}

@test "a failed run leaves an existing -o file untouched" {
	echo keep > "$T/out.csv"
	run --separate-stderr wf-benchmark -m L090 -o "$T/out.csv" bad.csv
	[ "$status" -eq 1 ]
	[ "$(cat "$T/out.csv")" = "keep" ]
	[ "$(ls -A "$T")" = "out.csv" ]
}

# ---- usage errors: exit 2 ----

usage_error() { # expected message, then arguments
	local msg="$1"
	shift
	run --separate-stderr wf-benchmark "$@"
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	[ "$stderr" = "wf-benchmark: $msg
$USAGE_TAIL" ]
}

@test "usage: --metric is required" {
	usage_error "--metric is required" facts.csv
}

@test "usage: malformed --metric and --per" {
	usage_error "invalid --metric 'L090+'" -m L090+ facts.csv
	usage_error "invalid --metric 'L090-P098'" -m L090-P098 facts.csv
	usage_error "measure 'L090' appears twice in --metric" -m L090+L090 facts.csv
	usage_error "invalid --per 'HEAD COUNT'" -m L090 --per 'HEAD COUNT' facts.csv
}

@test "usage: malformed --peers, --by, --size-classes, --min-peers, --period" {
	usage_error "invalid --peers 'region,'" -m L090 --peers region, facts.csv
	usage_error "column 'region' appears twice in --by" -m L090 --summary --by region,region facts.csv
	usage_error "invalid --size-classes '1-9,11-'" -m L090 --size-classes 1-9,11- facts.csv
	usage_error "invalid --size-classes '1-,10-'" -m L090 --size-classes 1-,10- facts.csv
	usage_error "invalid --min-peers '0'" -m L090 --min-peers 0 facts.csv
	usage_error "invalid --min-peers 'x'" -m L090 --min-peers x facts.csv
	usage_error "invalid --period ''" -m L090 --period '' facts.csv
	usage_error "column 'year' cannot be used in --peers" -m L090 --peers region,year facts.csv
	usage_error "column 'measure' cannot be used in --by" -m L090 --summary --by measure facts.csv
}

@test "usage: options that do not go together" {
	usage_error "--peers does not go with --summary (use --by)" -m L090 --summary --peers region facts.csv
	usage_error "--by needs --summary (use --peers)" -m L090 --by region facts.csv
	usage_error "--baseline does not go with --summary" -m L090 --summary --baseline baseline.csv facts.csv
}

@test "usage: bad -f and shared option values" {
	usage_error "invalid format 'xml' (csv, ndjson)" -m L090 -f xml facts.csv
	usage_error "invalid input format 'xml' (auto, csv, ndjson)" -m L090 --input-format xml facts.csv
	usage_error "invalid encoding 'ebcdic' (auto, utf-8, cp1252, latin1)" -m L090 --encoding ebcdic facts.csv
}

@test "usage: unknown option and missing argument" {
	usage_error "unrecognized option '--bogus'" -m L090 --bogus facts.csv
	usage_error "option '--per' requires an argument" -m L090 --per
}

# ---- CALIBRATION (synthetic data) ----
# The generator (tests/gen/wf-synth.c) and wf-ingest feed wf-benchmark;
# skips when either is not built or ../shared (code lists) is absent.
@test "calibration: --summary reproduces the published L090 totals (synthetic history)" {
	[ -x "$WF_BUILD/bin/wf-synth" ] || skip "wf-synth not built"
	[ -x "$WF_BUILD/bin/wf-ingest" ] || skip "wf-ingest not built"
	need_shared
	codes="$CODES"
	"$WF_BUILD/bin/wf-synth" -o "$T/synth" --codes "$codes" -y 2001
	"$WF_BUILD/bin/wf-synth" -o "$T/synth" --codes "$codes" -y 2019
	"$WF_BUILD/bin/wf-ingest" --codes "$codes" -o "$T/facts.csv" \
		"$T"/synth/COSTO_LAVORO_* "$T"/synth/OCCUPAZIONE_* 2>/dev/null
	run --separate-stderr wf-benchmark -m welfare_core --summary --by aggregate "$T/facts.csv"
	[ "$status" -eq 0 ]
	# Regions and local authorities (aggregate 04): 34.0 M EUR 2001, 13.3 M 2019
	[ "$(printf '%s\n' "$output" | awk -F, '$1 == 2001 && $2 == "04" { printf "%.1f", $4 / 1e6 }')" = "34.0" ]
	[ "$(printf '%s\n' "$output" | awk -F, '$1 == 2019 && $2 == "04" { printf "%.1f", $4 / 1e6 }')" = "13.3" ]
	# comuni (institution type C): 24.9 M and 2.5 M
	run --separate-stderr wf-benchmark -m welfare_core --summary --by institution_type "$T/facts.csv"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | awk -F, '$1 == 2001 && $2 == "C" { printf "%.1f", $4 / 1e6 }')" = "24.9" ]
	[ "$(printf '%s\n' "$output" | awk -F, '$1 == 2019 && $2 == "C" { printf "%.1f", $4 / 1e6 }')" = "2.5" ]
}

# ---- documentation and completions stay in step with the options ----

@test "every long option of --help is in the man page and both completions" {
	root="$BATS_TEST_DIRNAME/../.."
	opts=$(wf-benchmark --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
	[ -n "$opts" ]
	man="$(sed 's/\\-/-/g' "$root/share/man/man1/wf-benchmark.1")"
	for o in $opts; do
		[[ "$man" == *"$o"* ]] || { echo "man lacks $o"; false; }
		grep -q -- "$o" "$root/completions/wf-benchmark.bash" || { echo "bash lacks $o"; false; }
		grep -q -- "$o" "$root/completions/_wf-benchmark" || { echo "zsh lacks $o"; false; }
	done
}

@test "bash completion completes options and --peers columns" {
	bc=/usr/share/bash-completion/bash_completion
	[ -r "$bc" ] || skip "bash-completion not installed"
	run bash -c "source $bc; source '$BATS_TEST_DIRNAME/../../completions/wf-benchmark.bash'
		t() { COMP_WORDS=(\"\$@\"); COMP_CWORD=\$((\$# - 1)); COMP_LINE=\"\$*\"
		      COMP_POINT=\${#COMP_LINE}; COMPREPLY=(); _wf_benchmark; echo \"\${COMPREPLY[*]}\"; }
		t wf-benchmark --summ; t wf-benchmark --peers institution_type,reg; t wf-benchmark -f n"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "--summary" ]
	[ "${lines[1]}" = "institution_type,region" ]
	[ "${lines[2]}" = "ndjson" ]
}

# ---- an independent oracle (python3 stdlib) on a larger synthetic stream ----

@test "peer statistics agree with an independent implementation (synthetic, seeded)" {
	command -v python3 >/dev/null || skip "python3 absent"
	python3 oracle.py gen "$T/facts.csv"
	wf-benchmark -m L090 --per HEADCOUNT --peers institution_type,region -o "$T/out.csv" "$T/facts.csv"
	run python3 oracle.py check "$T/out.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *" mismatches 0" ]]
	# the stream has small groups, zero spenders and missing headcounts
	grep -q small_peer_group "$T/out.csv"
	grep -q 'zero' "$T/out.csv"
	grep -q no_denominator "$T/out.csv"
}

# ---- issue 12: right answers for the analyst ----

# Seven comuni of one type, five spending nothing: the peer median and
# quartiles are 0; the spenders' statistics are not.
zeros() {
	{ echo "year,institution,institution_type,institution_name,region,province,comune,aggregate,note,measure,value"
	  for i in 1 2 3 4 5; do
		echo "2019,Z$i,C,ZERO $i,01,TO,00127$i,,n$i,L090,0"
		echo "2019,Z$i,C,ZERO $i,01,TO,00127$i,,n$i,HEADCOUNT,10"
	  done
	  echo "2019,S1,C,SPENDS ONE,01,CN,004073,,s1,L090,100"
	  echo "2019,S1,C,SPENDS ONE,01,CN,004073,,s1,HEADCOUNT,10"
	  echo "2019,S2,C,SPENDS TWO,01,CN,004074,,s2,L090,300"
	  echo "2019,S2,C,SPENDS TWO,01,CN,004074,,s2,HEADCOUNT,10"
	} > "$T/zeros.csv"
}

@test "spenders: share of zero spenders, statistics and rank among spenders only" {
	zeros
	run --separate-stderr wf-benchmark -m L090 --per HEADCOUNT --peers institution_type --min-peers 2 "$T/zeros.csv"
	[ "$status" -eq 0 ]
	[ "$(cut -d, -f1,2,10,11,25-31 <<<"$output" | sed -n '1p;2p;4p;5p')" = "year,institution,per_employee,peers,zero_share_pct,spenders,spender_median,spender_p25,spender_p75,spender_pct_rank,change
2019,S1,10.00,7,71.43,2,20.00,15.00,25.00,25.00,
2019,Z1,0.00,7,71.43,2,20.00,15.00,25.00,,
2019,Z2,0.00,7,71.43,2,20.00,15.00,25.00,," ]
	# the peer median itself says nothing here
	[ "$(cut -d, -f13 <<<"$output" | sort -u | tr '\n' ' ')" = "0.00 peer_median " ]
}

@test "gap_to_median_eur and gap_to_p25_eur: the shortfall per employee times the denominator" {
	zeros
	# median of 0 0 0 0 0 10 30 is 0: nobody is below it; p25 0 too
	run --separate-stderr wf-benchmark -m L090 --per HEADCOUNT --peers province --min-peers 2 "$T/zeros.csv"
	[ "$status" -eq 0 ]
	# CN: S1 10, S2 30 per employee; median 20: S1 needs (20 - 10) x 10 = 100 EUR,
	# p25 15: (15 - 10) x 10 = 50 EUR; S2 is above both: 0
	[ "$(cut -d, -f2,22,23 <<<"$output" | sed -n '1,3p')" = "institution,gap_to_median_eur,gap_to_p25_eur
S1,100.00,50.00
S2,0.00,0.00" ]
}

@test "--summary: the total cost for every body below the median (p25) to reach it" {
	zeros
	run --separate-stderr wf-benchmark -m L090 --per HEADCOUNT --summary --by province "$T/zeros.csv"
	[ "$status" -eq 0 ]
	[ "$(cut -d, -f1-2,9-15 <<<"$output")" = "year,province,median,zero_share_pct,spenders,spender_median,gap_to_median_eur,gap_to_p25_eur,provenance
2019,CN,20.00,0.00,2,20.00,100.00,50.00,metric=L090;per=HEADCOUNT;by=province;size_classes=;min_peers=5;codes=
2019,TO,0.00,100.00,0,,0.00,0.00,metric=L090;per=HEADCOUNT;by=province;size_classes=;min_peers=5;codes=" ]
}

@test "CAGR only when both ends of the span are positive; otherwise empty with a flag saying why" {
	{ echo "year,institution,measure,value"
	  echo "2011,A,L090,100"; echo "2012,A,L090,0"; echo "2013,A,L090,0"; echo "2014,A,L090,121"
	  echo "2011,B,L090,50"; echo "2012,B,L090,80"; echo "2013,B,L090,0"; echo "2014,B,L090,0"
	  echo "2011,C,L090,0"; echo "2012,C,L090,100"; echo "2013,C,L090,110"; echo "2014,C,L090,121"
	  echo "2012,D,L090,100"; echo "2014,D,L090,121"
	} > "$T/span.csv"
	run --separate-stderr wf-benchmark -m L090 --min-peers 1 "$T/span.csv"
	[ "$status" -eq 0 ]
	# A: 100 -> 121 over 3 years; B spent nothing at the end (the old rule gave +17.0 %
	# from 50 to 80); C nothing at the start; D is absent in 2011
	[ "$(grep '^2014,' <<<"$output" | awk -F, '{ print $2 "," $(NF-3) "," $(NF-1) }')" = "A,6.56,
B,,zero|cagr_zero_end
C,,cagr_zero_start
D,,cagr_no_start" ]
}

@test "region, province, comune and the name pass through; --keep adds others" {
	zeros
	run --separate-stderr wf-benchmark -m L090 --per HEADCOUNT --peers institution_type --min-peers 2 "$T/zeros.csv"
	[ "$status" -eq 0 ]
	[ "$(head -2 <<<"$output" | cut -d, -f1-8)" = "year,institution,institution_name,region,province,comune,institution_type,metric
2019,S1,SPENDS ONE,01,CN,004073,C,100" ]
	run --separate-stderr wf-benchmark -m L090 --per HEADCOUNT --peers province --keep note --min-peers 2 "$T/zeros.csv"
	[ "$status" -eq 0 ]
	[ "$(head -2 <<<"$output" | cut -d, -f1-8)" = "year,institution,institution_name,region,comune,note,province,metric
2019,S1,SPENDS ONE,01,004073,s1,CN,100" ]
	run --separate-stderr wf-benchmark -m L090 --keep nothing "$T/zeros.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: $T/zeros.csv: no column 'nothing' for --keep" ]
}

@test "-m l090 is -m L090; an unknown measure lists the nearest known ones" {
	run --separate-stderr wf-benchmark -m l090 --per headcount --peers institution_type --min-peers 4 facts.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat expected-peers.csv)" ]
	run --separate-stderr wf-benchmark -m WELFARE_CORE --per HEADCOUNT --peers institution_type --min-peers 4 facts.csv
	[ "$output" = "$(cat expected-peers.csv)" ]
	run --separate-stderr wf-benchmark -m L09 facts.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: measure 'L09' of --metric does not appear in the input (nearest known: L090)" ]
	run --separate-stderr wf-benchmark -m L090 --per HEADCOUNTS facts.csv
	[ "$stderr" = "wf-benchmark: measure 'HEADCOUNTS' of --per does not appear in the input (nearest known: HEADCOUNT)" ]
}

@test "a --by or --peers column empty on every row is a warning naming what fills it" {
	zeros
	run --separate-stderr wf-benchmark -m L090 --summary --by aggregate "$T/zeros.csv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "wf-benchmark: column 'aggregate' of --by is empty on every row: one group holds everything (wf-ingest --codes fills it)" ]
	run --separate-stderr wf-benchmark -m L090 --summary --by province "$T/zeros.csv"
	[ "$stderr" = "" ]
}

@test "provenance: how the output was made, on every row, in CSV and NDJSON" {
	run --separate-stderr wf-benchmark -m L090+P098 --codes codes --min-peers 1 -f ndjson signs.csv
	[ "$status" -eq 0 ]
	[ "$(jq -r .provenance <<<"$output" | sort -u)" = "metric=L090+P098;per=;peers=;size_classes=;min_peers=1;codes=2024" ]
	run --separate-stderr wf-benchmark "${PEERS[@]}" facts.csv
	[ "$(tail -n +2 <<<"$output" | grep -vc ',metric=L090;per=HEADCOUNT;peers=institution_type;size_classes=;min_peers=4;codes=$')" -eq 0 ]
}

@test "--baseline made with another definition is an error naming each difference" {
	wf-benchmark -m L090 --per HEADCOUNT+FLEX_UNITS --peers region --min-peers 4 -o "$T/other.csv" facts.csv
	run --separate-stderr wf-benchmark "${PEERS[@]}" --baseline "$T/other.csv" facts.csv
	[ "$status" -eq 1 ]
	[ "$output" = "" ]
	[ "$stderr" = "wf-benchmark: $T/other.csv:2: the baseline was made with another definition: per HEADCOUNT+FLEX_UNITS there, HEADCOUNT here; peers region there, institution_type here" ]
	cut -d, -f1-5 baseline.csv > "$T/old.csv"
	run --separate-stderr wf-benchmark "${PEERS[@]}" --baseline "$T/old.csv" facts.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: $T/old.csv: no column 'provenance' in the baseline: it does not say how it was made (an older wf-benchmark's output?); make it again" ]
}

@test "--change-threshold PCT flags rows that moved by PCT or more since the baseline" {
	run --separate-stderr wf-benchmark "${PEERS[@]}" --baseline baseline.csv --change-threshold 20 facts.csv
	[ "$status" -eq 0 ]
	# C1: 9 -> 10 (+11.11 %) in 2019, 9 -> 11 (+22.22 %) in 2020
	[ "$(grep '^20..,C1,' <<<"$output" | awk -F, '{ print $1 "," $(NF-3) "," $(NF-1) }')" = "2019,11.11,first_year
2020,22.22,small_peer_group|changed" ]
	run --separate-stderr wf-benchmark "${PEERS[@]}" --change-threshold 20 facts.csv
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-benchmark: --change-threshold needs --baseline
$USAGE_TAIL" ]
	run --separate-stderr wf-benchmark "${PEERS[@]}" --baseline baseline.csv --change-threshold x facts.csv
	[ "$status" -eq 2 ]
}

# ---- --threads: the same bytes whatever N ----

# Facts in several thousand rows (so the rows cross the batches of the
# thread that reads ahead), with every kind of row the engine or the
# reader refuses along the way: bad values, a repeated fact, an empty
# institution, a bad period, a row with too many fields, a quoted name
# holding commas, quotes and a line break.
make_varied() {
	awk 'BEGIN {
	  print "year,institution,institution_type,institution_name,contract,region,measure,value"
	  for (i = 0; i < 6000; i++) {
	    y = 2019 + i % 3; inst = "C" (i % 700); t = (i % 7 == 0) ? "P" : "C"
	    r = sprintf("%02d", i % 5)
	    name = (i % 11 == 0) ? "\"COMUNE, \"\"DI\"\"\nNUOVO " i % 700 "\"" : "COMUNE " i % 700
	    m = (i % 3 == 0) ? "HEADCOUNT" : (i % 3 == 1) ? "L090" : "A015"
	    c = "RALN" (int(i / 2100))
	    v = (i * 37) % 1000 "." (i % 100)
	    if (i == 1500) v = "12.3x"
	    if (i == 2500) inst = ""
	    if (i == 3500) y = "20x9"
	    if (i == 4500) { print y "," inst "," t ",X," c "," r "," m "," v ",extra"; continue }
	    print y "," inst "," t "," name "," c "," r "," m "," v
	    if (i == 5001) print y "," inst "," t "," name "," c "," r "," m "," v
	  } }' >"$1"
}

@test "--threads 1, 2 and 4: byte-identical output, rejects, messages and exit status" {
	make_varied "$T/varied.csv"
	for n in 1 2 4; do
		# the same file names in every run: stderr names them
		run --separate-stderr wf-benchmark -v -m L090 --per HEADCOUNT --peers institution_type,region \
			--min-peers 2 --threads "$n" --rejects "$T/rej.csv" -o "$T/out.csv" "$T/varied.csv"
		[ "$status" -eq 1 ]
		printf '%s\n' "$stderr" >"$T/err-$n.txt"
		mv "$T/rej.csv" "$T/rej-$n.csv"
		mv "$T/out.csv" "$T/out-$n.csv"
		run --separate-stderr wf-benchmark -m L090 --summary --by region --threads "$n" \
			--sum-duplicates --rejects "$T/rej.csv" "$T/varied.csv"
		[ "$status" -eq 1 ]
		printf '%s\n' "$output" >"$T/sum-$n.csv"
		mv "$T/rej.csv" "$T/rej-sum-$n.csv"
	done
	# every kind of refused row is there, in input order
	[ "$(wc -l <"$T/rej-1.csv")" -eq 6 ]
	# (row i is on line 2 + i + the line breaks in the names before it)
	[ "$(cut -d, -f2 "$T/rej-1.csv" | tr '\n' ' ')" = "line 1639 2730 3821 4912 5459 " ]
	grep -q ",5459,\"duplicate of line 5458 " "$T/rej-1.csv"
	[ "$(wc -l <"$T/out-1.csv")" -gt 2000 ]
	for n in 2 4; do
		cmp "$T/out-1.csv" "$T/out-$n.csv"
		cmp "$T/rej-1.csv" "$T/rej-$n.csv"
		cmp "$T/err-1.txt" "$T/err-$n.txt"
		cmp "$T/sum-1.csv" "$T/sum-$n.csv"
		cmp "$T/rej-sum-1.csv" "$T/rej-sum-$n.csv"
	done
}

@test "--threads 2 without --rejects: the first bad row stops the run with the same message" {
	make_varied "$T/varied.csv"
	for n in 1 2; do
		run --separate-stderr wf-benchmark -m L090 --threads "$n" "$T/varied.csv"
		[ "$status" -eq 1 ]
		[ "$output" = "" ]
		[ "$stderr" = "wf-benchmark: $T/varied.csv:1639: bad value '12.3x': not a number" ]
	done
	# and from stdin, gzip-compressed: the same rows refused
	gzip -c "$T/varied.csv" >"$T/varied.csv.gz"
	for n in 1 2; do
		run --separate-stderr wf-benchmark -m L090 --per HEADCOUNT --threads "$n" \
			--rejects "$T/rej-gz-$n.csv" - <"$T/varied.csv.gz"
		[ "$status" -eq 1 ]
	done
	[ "$(wc -l <"$T/rej-gz-1.csv")" -eq 6 ]
	cmp "$T/rej-gz-1.csv" "$T/rej-gz-2.csv"
}
