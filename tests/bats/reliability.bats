#!/usr/bin/env bats
# Issue 17, the second hostile-input hunt: malformed quotes, old Mac
# and UTF-16 files, compressed and binary inputs named, BOM-only files,
# and what a run does to -o and --rejects files. Every case fails on
# the code before it (exact stderr and exit status). All inputs are
# SYNTHETIC, made here.
load common
load rely

setup() {
	cd "$BATS_TEST_TMPDIR"
	COST="$FIX/ingest/COSTO_LAVORO_2019.csv"
}

# The canonical facts of the small COSTO_LAVORO fixture, for comparing.
expected_facts() {
	wf-ingest --no-progress --year 2019 "$COST" 2>/dev/null
}

@test "text after a closing quote: spaces then a delimiter are dropped, nothing swallowed" {
	printf 'a,b\n"x" ,1\n2,3\n"y",4\n' > q.csv
	run --separate-stderr wf-report -f markdown q.csv
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[[ "$output" == *'| x | 1 |
| 2 | 3 |
| y | 4 |'* ]]
	# the spreadsheet form: "RALN" ;
	printf 'ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA\n"C4308" ;"RALN" ;L090;1,00\n' > COSTO_LAVORO_2019.csv
	run --separate-stderr wf-ingest --no-progress COSTO_LAVORO_2019.csv
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "2019,C4308,C,,RALN,,,,,,L090,1" ]
}

@test "text after a closing quote: anything else is a rejected row, the next line is the next record" {
	{ echo "$FACTS_HDR"
	  echo '2019,C1,C,"COMUNE UNO"x,RALN,04,FL,03,MI,015146,L090,1'
	  echo '2019,C2,C,COMUNE DUE,RALN,04,FL,03,MI,015146,L090,2'
	  echo '2019,C3,C,"COMUNE" TRE,RALN,04,FL,03,MI,015146,L090,3'
	  echo '2019,C4,C,COMUNE QUATTRO,RALN,04,FL,03,MI,015146,L090,4'; } > f.csv
	run --separate-stderr wf-benchmark --no-progress -m L090 --rejects rej.csv f.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: 2 rows rejected (see rej.csv)" ]
	[ "${#lines[@]}" -eq 3 ]    # header + C2 + C4
	assert_file rej.csv <<'EOF'
source,line,reason,raw
f.csv,2,text after the closing quote of field 4,"2019,C1,C,""COMUNE UNO""x,RALN,04,FL,03,MI,015146,L090,1"
f.csv,4,text after the closing quote of field 4,"2019,C3,C,""COMUNE"" TRE,RALN,04,FL,03,MI,015146,L090,3"
EOF
	# without --rejects: the run stops at the line
	run --separate-stderr wf-report f.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: f.csv:2: text after the closing quote of field 4" ]
}

@test "a quote closed lines later and followed by text costs its first line only" {
	{ echo 'a,b'; echo '1,"open'; for i in $(seq 2 1001); do echo "$i,v$i"; done; echo '9,"x"y'; echo 'z,w'; } > many.csv
	run --separate-stderr wf-ingest --no-progress --year 2019 --rejects rej.csv many.csv
	[ "$status" -eq 1 ]
	run --separate-stderr wf-report -f json many.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: many.csv:2: quote opened here is closed on line 1003 and followed by text (unterminated quote?)" ]
}

@test "old Mac file (CR line ends, no LF) is read, and -v says so" {
	tr '\n' '\r' < "$COST" > COSTO_LAVORO_2019.csv
	run --separate-stderr wf-ingest --no-progress -v COSTO_LAVORO_2019.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(expected_facts)" ]
	[[ "$stderr" == *"wf-ingest: COSTO_LAVORO_2019.csv: csv, delimiter ';' (from header), encoding utf-8 (BOM), line ends CR (old Mac)"* ]]
	run --separate-stderr wf-report -v -f json COSTO_LAVORO_2019.csv
	[ "$status" -eq 0 ]
}

@test "UTF-16 with a BOM is transcoded, in every tool" {
	tail -c +4 "$COST" | iconv -f UTF-8 -t UTF-16 > COSTO_LAVORO_2019.csv
	run --separate-stderr wf-ingest --no-progress -v COSTO_LAVORO_2019.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(expected_facts)" ]
	[[ "$stderr" == *"wf-ingest: COSTO_LAVORO_2019.csv: csv, delimiter ';' (from header), encoding utf-16le (BOM)"* ]]
	iconv -f UTF-8 -t UTF-16BE < "$FIX/benchmark/facts.csv" | { printf '\xfe\xff'; cat; } > f16.csv
	run --separate-stderr wf-benchmark --no-progress -m L090 f16.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(wf-benchmark --no-progress -m L090 "$FIX/benchmark/facts.csv")" ]
}

@test "UTF-16 without a BOM, bzip2, xz, zstd, gzip twice, zip and xls are named, in every tool" {
	iconv -f UTF-8 -t UTF-16LE < "$FIX/benchmark/facts.csv" > u16.csv
	printf 'a,b\n1,2\n' | bzip2 > bz.csv
	printf 'a,b\n1,2\n' | xz > xz.csv
	printf 'a,b\n1,2\n' | gzip | gzip > gz2.csv
	python3 -c 'import zipfile; z = zipfile.ZipFile("x.xlsx", "w"); z.writestr("[Content_Types].xml", "<x/>"); z.close()'
	printf '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' > old.xls
	for t in wf-benchmark wf-report wf-match; do
		run --separate-stderr rely_run "$t" u16.csv
		[ "$status" -eq 1 ]
		[ "$stderr" = "$t: u16.csv: UTF-16 text without a BOM: convert it to UTF-8 (iconv -f UTF-16LE -t UTF-8)" ]
		run --separate-stderr rely_run "$t" bz.csv
		[ "$stderr" = "$t: bz.csv: bzip2-compressed: decompress it first (bunzip2)" ]
		run --separate-stderr rely_run "$t" xz.csv
		[ "$stderr" = "$t: xz.csv: xz-compressed: decompress it first (unxz)" ]
		run --separate-stderr rely_run "$t" gz2.csv
		[ "$status" -eq 1 ]
		[ "$stderr" = "$t: gz2.csv: gzip-compressed twice: decompress it first (zcat FILE | gunzip)" ]
		run --separate-stderr rely_run "$t" x.xlsx
		[ "$status" -eq 1 ]
		[ "$stderr" = "$t: x.xlsx: a zip archive (or an Excel workbook): extract the CSV file, or export the sheet as CSV" ]
		run --separate-stderr rely_run "$t" old.xls
		[ "$stderr" = "$t: old.xls: an Excel 97-2003 workbook: export it as CSV" ]
	done
	if command -v zstd >/dev/null; then
		printf 'a,b\n1,2\n' | zstd -q > zs.csv
		run --separate-stderr wf-report zs.csv
		[ "$status" -eq 1 ]
		[ "$stderr" = "wf-report: zs.csv: zstd-compressed: decompress it first (unzstd)" ]
	fi
}

@test "a file holding only a BOM is an empty file, in every tool" {
	: > empty.csv
	printf '\xef\xbb\xbf' > bom.csv
	printf '\xff\xfe' > bom16.csv
	for t in wf-ingest wf-benchmark wf-match; do
		run --separate-stderr rely_run "$t" empty.csv
		want_status=$status
		want=${stderr//empty.csv/FILE}
		for f in bom.csv bom16.csv; do
			run --separate-stderr rely_run "$t" "$f"
			echo "$t $f: $status $stderr"
			[ "$status" -eq "$want_status" ]
			[ "${stderr//$f/FILE}" = "$want" ]
		done
	done
	run --separate-stderr wf-report bom.csv
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "$output" = "$(wf-report empty.csv | sed 's/empty.csv/bom.csv/')" ]
}

@test "-o keeps the existing file's mode" {
	echo old > out.csv
	chmod 600 out.csv
	wf-benchmark --no-progress -m L090 "$FIX/benchmark/facts.csv" -o out.csv
	[ "$(stat -c %a out.csv)" = 600 ]
	[ "$(head -c 4 out.csv)" = year ]
}

@test "-o refuses a read-only file and leaves it as it was" {
	echo old > ro.csv
	chmod 444 ro.csv
	for t in wf-ingest wf-benchmark wf-report wf-match; do
		in=$(rely_small "$t")
		run --separate-stderr rely_run "$t" -o ro.csv "$in"
		[ "$status" -eq 1 ]
		[ "$stderr" = "$t: ro.csv: Permission denied" ]
		[ "$(cat ro.csv)" = old ]
	done
}

@test "-o through a symlink writes the target, the link stays" {
	mkdir d
	echo old > d/target.csv
	ln -s d/target.csv link.csv
	wf-benchmark --no-progress -m L090 "$FIX/benchmark/facts.csv" -o link.csv
	[ -L link.csv ]
	[ "$(readlink link.csv)" = d/target.csv ]
	[ "$(head -c 4 d/target.csv)" = year ]
	[ -z "$(ls -A . | grep -v '^d$' | grep -v '^link.csv$')" ]
	[ "$(ls -A d)" = target.csv ]
}

@test "-o '' is a usage error before any work" {
	for t in wf-ingest wf-benchmark wf-report wf-match; do
		run --separate-stderr "$t" -o '' no-such-input.csv
		[ "$status" -eq 2 ]
		[ "$stderr" = "$t: --output needs a file name ('-' for standard output)
Try '$t --help' for more information." ]
	done
	run --separate-stderr wf-ingest --rejects '' no-such-input.csv
	[ "$status" -eq 2 ]
	[ "${lines[0]}" = "" ] || true
	[[ "$stderr" == "wf-ingest: --rejects needs a file name ('-' for standard output)"* ]]
}

@test "a failed run with nothing rejected leaves --rejects FILE as it was" {
	printf 'source,line,reason,raw\nold.csv,7,last month,x\n' > rej.csv
	cp rej.csv keep.csv
	run --separate-stderr wf-benchmark --no-progress -m L090 --rejects rej.csv missing.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: missing.csv: No such file or directory" ]
	cmp rej.csv keep.csv
	run --separate-stderr wf-benchmark --no-progress -m L999 --rejects rej.csv "$FIX/benchmark/facts.csv"
	[ "$status" -eq 1 ]
	cmp rej.csv keep.csv
	run --separate-stderr wf-ingest --no-progress --year 2019 --rejects rej.csv missing.csv
	[ "$status" -eq 1 ]
	cmp rej.csv keep.csv
	printf 'x' | gzip | head -c 12 > trunc.csv.gz
	run --separate-stderr wf-ingest --no-progress --year 2019 --rejects rej.csv "$COST" trunc.csv.gz
	[ "$status" -eq 1 ]
	cmp rej.csv keep.csv
	run --separate-stderr wf-match --no-progress --rejects rej.csv missing.csv "$FIX/match/supply.synthetic.csv"
	[ "$status" -eq 1 ]
	cmp rej.csv keep.csv
	# a run that completes replaces it (no rejects this time: header only)
	run --separate-stderr wf-ingest --no-progress --year 2019 --rejects rej.csv "$COST"
	[ "$status" -eq 0 ]
	[ "$(cat rej.csv)" = "source,line,reason,raw" ]
}

@test "out of memory (wf_die) leaves no .FILE.XXXXXX temporary" {
	# ASan reserves terabytes of address space: ulimit -v cannot model OOM under it
	# (nor under valgrind); the plain build runs this case.
	nm "$WF_BUILD/bin/wf-ingest" 2>/dev/null | grep -q __asan_init && skip "address-space limit meaningless under ASan"
	[ -z "${WF_WRAP:-}" ] || skip "address-space limit meaningless under valgrind"
	head -c 50000000 /dev/zero | tr '\0' A > huge.csv
	run --separate-stderr bash -c "ulimit -v 120000; exec $WF_BUILD/bin/wf-ingest --no-progress --year 2019 --max-field-bytes 1G -o out.csv --rejects rej.csv huge.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: out of memory" ]
	[ -z "$(ls -A | grep -E '^\.?(out|rej)\.csv')" ]
}

@test "--excel-safe also applies to the raw column of --rejects" {
	{ echo 'ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA'; echo '=1+2;RALN;L090;x'; echo '@SUM(1);RALN'; } > COSTO_LAVORO_2019.csv
	run --separate-stderr wf-ingest --no-progress --excel-safe --rejects rej.csv COSTO_LAVORO_2019.csv
	[ "$status" -eq 1 ]
	assert_file rej.csv <<'EOF'
source,line,reason,raw
COSTO_LAVORO_2019.csv,2,bad institution code '=1+2',"'=1+2;RALN;L090;x"
COSTO_LAVORO_2019.csv,3,"expected 4 fields, found 2","'@SUM(1);RALN"
EOF
}

@test "NDJSON numbers are read from their text, exactly (wf-ingest, wf-benchmark, wf-report)" {
	head -2 "$FIX/benchmark/facts.csv" | wf-ingest --no-progress -f ndjson 2>/dev/null \
		| sed 's/"value":100/"value":123456789.123456789/' > f.ndjson
	run --separate-stderr wf-ingest --no-progress f.ndjson
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = '2019,C1,C,"COMUNE UNO, CENTRO",RALN,04,FL,03,MI,015146,L090,123456789.123456789' ]
	# wfkit's own NDJSON read back
	sed 's/123456789.123456789/1234567890123456.78/' f.ndjson | wf-ingest --no-progress -f ndjson 2>/dev/null > g.ndjson
	run --separate-stderr wf-ingest --no-progress g.ndjson
	[ "${lines[1]}" = '2019,C1,C,"COMUNE UNO, CENTRO",RALN,04,FL,03,MI,015146,L090,1234567890123456.78' ]
	# an exponent is made plain, exactly
	sed 's/123456789.123456789/1.5e3/' f.ndjson > e.ndjson
	run --separate-stderr wf-benchmark --no-progress -m L090 e.ndjson
	[ "$status" -eq 0 ]
	[[ "${lines[1]}" == '2019,C1,"COMUNE UNO, CENTRO",03,MI,015146,1500,'* ]]
	printf '{"a":123456789.123456789,"b":"x"}\n' > t.ndjson
	run --separate-stderr wf-report -f json t.ndjson
	[ "$status" -eq 0 ]
	[[ "$output" == *'[123456789.123456789, "x"]'* ]]
	# 17 decimals do not fit wf_dec (9): an error, never a rounded value
	# (wfkit(7) Numbers)
	printf '{"a":123456789.123456789,"b":0.30000000000000004}\n' > t.ndjson
	run --separate-stderr wf-report -f json t.ndjson
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: t.ndjson:1: number out of range: '0.30000000000000004' in column 'b'" ]
}

@test "-f table and -f markdown show control characters from data, never send them" {
	printf 'name,v\n"A\033[2JB",1\n"\033]8;;http://x\033\\link\033]8;;\033\\",2\nbel\a\xc2\x9b,3\n' > esc.csv
	run --separate-stderr wf-report --title $'T\033[31m' esc.csv
	[ "$status" -eq 0 ]
	[ "$output" = 'T\x1b[31m
=========
Generated from esc.csv (3 rows)

name                                    v
--------------------------------------  -
A\x1b[2JB                               1
\x1b]8;;http://x\x1b\link\x1b]8;;\x1b\  2
bel\x07\u009b                           3' ]
	run --separate-stderr wf-report -f markdown esc.csv
	[ "$status" -eq 0 ]
	[[ "$output" == *'| A\x1b\[2JB | 1 |
| \x1b\]8;;http://x\x1b\\link\x1b\]8;;\x1b\\ | 2 |
| bel\x07\u009b | 3 |'* ]]
	# --max-width cuts what is shown, so the grid holds
	run --separate-stderr wf-report --max-width 6 esc.csv
	[ "${lines[5]}" = 'A\x1b…  1' ]
	[ "${lines[6]}" = '\x1b]…  2' ]
}

@test "a file name with two years is ambiguous unless --year" {
	cp "$COST" COSTO_LAVORO_2024_2023.csv
	run --separate-stderr wf-ingest --no-progress COSTO_LAVORO_2024_2023.csv
	[ "$status" -eq 1 ]
	[ "${stderr%%$'\n'*}" = "wf-ingest: COSTO_LAVORO_2024_2023.csv:1: cannot tell the year (two different _YYYY in the file name); use --year" ]
	run --separate-stderr wf-ingest --no-progress --year 2024 COSTO_LAVORO_2024_2023.csv
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "2024,C4308,C,,RALN,,,,,,L090,1234.56" ]
}

@test "one year range, 1990-2099, in every tool" {
	run --separate-stderr wf-ingest --year 1899 x.csv
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = "wf-ingest: invalid year '1899' (1990 to 2099)" ]
	for y in 1899 2100; do
		sed "s/^2019,/$y,/" "$FIX/benchmark/facts.csv" > f.csv
		run --separate-stderr wf-benchmark --no-progress -m L090 f.csv
		[ "$status" -eq 1 ]
		[ "$stderr" = "wf-benchmark: f.csv:2: period '$y' is outside the years 1990-2099" ]
		run --separate-stderr wf-ingest --no-progress f.csv
		[ "$status" -eq 1 ]
		[ "${stderr%%$'\n'*}" = "wf-ingest: f.csv:2: bad year '$y'" ]
	done
	sed "s/^2019,/1999,/" "$FIX/benchmark/facts.csv" > f.csv
	run --separate-stderr wf-benchmark --no-progress -m L090 f.csv
	[ "$status" -eq 0 ]
}

# zips for the cases below (python3 zipfile; SYNTHETIC rows)
make_zips17() {
	python3 - "$COST" <<'PY'
import sys, zipfile
data = open(sys.argv[1], 'rb').read()
row = b'ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA\nC1;RALN;L090;1\n'
with zipfile.ZipFile('win.zip', 'w') as z:
    z.writestr('2024Dati\\COSTO_LAVORO_2024.csv', data)
with zipfile.ZipFile('twice.zip', 'w') as z:
    z.writestr('a/COSTO_LAVORO_2024.csv', row)
    z.writestr('b/COSTO_LAVORO_2024.csv', row)
zipfile.ZipFile('empty.zip', 'w').close()
with zipfile.ZipFile('skipped.zip', 'w') as z:
    for n in ('README.txt', 'RETRIBUZIONE_MEDIA_2024.csv', 'COSTO_LAVORO_2024.xlsx'):
        z.writestr(n, 'x')
with zipfile.ZipFile('book.xlsx', 'w') as z:
    for n in ('[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml'):
        z.writestr(n, '<x/>')
PY
}

@test "an input that yields no data file is an error naming what it found" {
	make_zips17
	echo old > out.csv
	run --separate-stderr wf-ingest --no-progress book.xlsx -o out.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: book.xlsx: an Excel workbook: export it as CSV" ]
	[ "$(cat out.csv)" = old ]
	run --separate-stderr wf-ingest --no-progress empty.zip
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: empty.zip: an empty zip archive: no Conto Annuale data file" ]
	run --separate-stderr wf-ingest --no-progress skipped.zip
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: skipped.zip: no Conto Annuale data file (COSTO_LAVORO_, OCCUPAZIONE_, LAVORO_FLESSIBILE_) among 3 members: README.txt, RETRIBUZIONE_MEDIA_2024.csv, COSTO_LAVORO_2024.xlsx (an Excel workbook must be exported as CSV)" ]
}

@test "zip members named with Windows separators are read like slash ones" {
	make_zips17
	run --separate-stderr wf-ingest --no-progress win.zip
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 7 ]
	[ "$stderr" = "wf-ingest: win.zip(2024Dati/COSTO_LAVORO_2024.csv): COSTO_LAVORO 2024: 6 rows read, 0 rejected, 6 records written, 0 blank lines skipped" ]
}

@test "identical inputs are refused: a file or archive given twice, two copies in one zip" {
	make_zips17
	cp "$COST" COSTO_LAVORO_2019.csv
	cp "$COST" copy_2019.csv
	run --separate-stderr wf-ingest --no-progress COSTO_LAVORO_2019.csv copy_2019.csv COSTO_LAVORO_2019.csv
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 7 ]
	[ "$(echo "$stderr" | grep -v 'rows read')" = "wf-ingest: copy_2019.csv: same bytes as COSTO_LAVORO_2019.csv (given twice?); not read
wf-ingest: COSTO_LAVORO_2019.csv: same bytes as COSTO_LAVORO_2019.csv (given twice?); not read" ]
	run --separate-stderr wf-ingest --no-progress twice.zip
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "$stderr" == *"wf-ingest: twice.zip(b/COSTO_LAVORO_2024.csv): same data as twice.zip(a/COSTO_LAVORO_2024.csv) (given twice?); not read"* ]]
	cp win.zip win2.zip
	run --separate-stderr wf-ingest --no-progress win.zip win2.zip
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"wf-ingest: win2.zip: same bytes as win.zip (given twice?); not read" ]]
	# the same bytes named for two different years are two years
	cp "$COST" COSTO_LAVORO_2020.csv
	run --separate-stderr wf-ingest --no-progress COSTO_LAVORO_2019.csv COSTO_LAVORO_2020.csv
	[ "$status" -eq 0 ]
}

@test "codes have a shape: quotes, commas, newlines in a code are a rejected row" {
	printf 'ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA\nC1;"""RALN""";L090;1\nC1;RA"LN;L090;1\nC1;"R,ALN";L090;1\nC1;"RA\nLN";L090;1\nC1; RALN ;L090;1\n' > COSTO_LAVORO_2019.csv
	run --separate-stderr wf-ingest --no-progress --rejects rej.csv COSTO_LAVORO_2019.csv
	[ "$status" -eq 1 ]
	[ "$output" = "$FACTS_HDR
2019,C1,C,,RALN,,,,,,L090,1" ]
	[ "$(cut -d, -f3 rej.csv | head -4)" = 'reason
"bad contract code '"'"'""RALN""'"'"' (1 to 16 letters and digits)"
"bad contract code '"'"'RA""LN'"'"' (1 to 16 letters and digits)"
"bad contract code '"'"'R' ]
	# the canonical stream: every code column
	{ echo "$FACTS_HDR"
	  echo '2019,C1,C,x,"R,ALN",04,FL,03,MI,015146,L090,1'
	  echo '2019,C1,C,x,RALN,04,FL,03,"M I",015146,L090,1'
	  echo '2019,C1,C,x,RALN,,,,,,L090,1'; } > f.csv
	run --separate-stderr wf-ingest --no-progress --rejects rej.csv f.csv
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 2 ]
	[ "$(cut -d, -f1-2 rej.csv)" = "source,line
f.csv,2
f.csv,3" ]
	[[ "$(cat rej.csv)" == *"bad province code 'M I' (1 to 16 letters and digits)"* ]]
}

@test "a blank line in a one-column file is an empty value, not dropped" {
	printf 'name\nA\n\nB\n' > one.csv
	run --separate-stderr wf-report -f markdown one.csv
	[ "$status" -eq 0 ]
	[[ "$output" == *"Generated from one.csv (3 rows)"* ]]
	[[ "$output" == *'| A |
|  |
| B |'* ]]
}

@test "wf-match: categories '|' is no category; 0x2C is not a coordinate or a distance" {
	{ head -2 "$FIX/match/supply.synthetic.csv"
	  echo 'S99,Nido (synthetic),44.579471,8.193302,|,3,300.00,'
	  echo 'S98,Nido (synthetic),0x2C,8.193302,CHILDCARE,3,300.00,'
	  echo 'S97,Nido (synthetic),44.5,8.19,CHILDCARE,3,300.00,0x10'; } > sup.csv
	run --separate-stderr wf-match --no-progress --rejects rej.csv -o /dev/null "$FIX/match/demand.synthetic.csv" sup.csv
	[ "$status" -eq 1 ]
	assert_file rej.csv <<'EOT'
source,line,reason,raw
sup.csv,3,no category,"S99,Nido (synthetic),44.579471,8.193302,|,3,300.00,"
sup.csv,4,latitude '0x2C' is not a number,"S98,Nido (synthetic),0x2C,8.193302,CHILDCARE,3,300.00,"
sup.csv,5,radius_km '0x10' is not a positive number,"S97,Nido (synthetic),44.5,8.19,CHILDCARE,3,300.00,0x10"
EOT
}

@test "a repeated (institution, contract, item) within a year is a rejected row, unless --sum-duplicates" {
	printf 'ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA\nC1;RALN;L090;1\nC2;RALN;L010;2\nC1;RALN;L010;3\nC1;RALN;L90;4\nC2;RALN;L010;5\nC1;SEGR;L090;6\n' > COSTO_LAVORO_2019.csv
	run --separate-stderr wf-ingest --no-progress --rejects rej.csv COSTO_LAVORO_2019.csv
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 5 ]
	assert_file rej.csv <<'EOT'
source,line,reason,raw
COSTO_LAVORO_2019.csv,5,"duplicate of line 2 (same institution, contract and measure in 2019; see --sum-duplicates)",C1;RALN;L90;4
COSTO_LAVORO_2019.csv,6,"duplicate of line 3 (same institution, contract and measure in 2019; see --sum-duplicates)",C2;RALN;L010;5
EOT
	run --separate-stderr wf-ingest --no-progress --sum-duplicates COSTO_LAVORO_2019.csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 7 ]
	# across the files of a year, and in a canonical stream
	wf-ingest --no-progress COSTO_LAVORO_2019.csv --sum-duplicates 2>/dev/null | head -3 > a.csv
	{ head -1 a.csv; sed -n 3p a.csv; } > b.csv
	run --separate-stderr wf-ingest --no-progress a.csv b.csv
	[ "$status" -eq 1 ]
	[ "${stderr##*$'\n'}" = "wf-ingest: b.csv:2: duplicate of a.csv:3 (same institution, contract and measure in 2019; see --sum-duplicates)" ]
}

@test "duplicate detection: memory bounded by the facts whatever the row order (200,000 rows, shuffled)" {
	[ -z "${WF_WRAP:-}" ] || skip "peak memory is measured on the plain binary"
	! ldd "$WF_BUILD/bin/wf-ingest" 2>/dev/null | grep -q libasan || skip "peak memory is not measured under ASan"
	[ -x /usr/bin/time ] || skip "GNU time is missing"
	# 2,000 institutions x 100 items, every institution coming back 100
	# times (row i is fact i * 7919 mod 200,000), then a repeat of row 2
	awk 'BEGIN { print "ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA"
	  for (i = 0; i < 200000; i++) { k = (i * 7919) % 200000
	    printf "C%d;RALN;A%03d;1,00\n", k % 2000 + 1, int(k / 2000) + 1 }
	  print "C1;RALN;A001;2,00" }' > COSTO_LAVORO_2019.csv
	/usr/bin/time -f %M -o sum.mem "$WF_BUILD/bin/wf-ingest" --no-progress --sum-duplicates COSTO_LAVORO_2019.csv > /dev/null 2>&1
	run --separate-stderr /usr/bin/time -f %M -o dup.mem "$WF_BUILD/bin/wf-ingest" --no-progress --rejects rej.csv COSTO_LAVORO_2019.csv
	[ "$status" -eq 1 ]
	[ "$(sed -n 2p rej.csv)" = 'COSTO_LAVORO_2019.csv,200002,"duplicate of line 2 (same institution, contract and measure in 2019; see --sum-duplicates)","C1;RALN;A001;2,00"' ]
	# 200,000 facts: about 14 bytes each in a set per institution (the
	# log of the previous code grew with every return: 170 MB here)
	sum=$(tail -n 1 sum.mem) dup=$(tail -n 1 dup.mem)
	echo "peak KB: $sum with --sum-duplicates, $dup checking duplicates"
	[ $((dup - sum)) -lt 16384 ]
}

@test "wf-benchmark rejects a repeated fact, unless --sum-duplicates" {
	{ cat "$FIX/benchmark/facts.csv"; sed -n 2p "$FIX/benchmark/facts.csv"; } > dup.csv
	run --separate-stderr wf-benchmark --no-progress -m L090 dup.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: dup.csv:22: duplicate of line 2 (same period, institution, contract and measure; see --sum-duplicates)" ]
	run --separate-stderr wf-benchmark --no-progress -m L090 --sum-duplicates dup.csv
	[ "$status" -eq 0 ]
	[[ "${lines[1]}" == '2019,C1,"COMUNE UNO, CENTRO",03,MI,015146,250,'* ]]
	# the same facts in two files
	cp "$FIX/benchmark/facts.csv" again.csv
	run --separate-stderr wf-benchmark --no-progress -m L090 --rejects rej.csv "$FIX/benchmark/facts.csv" again.csv
	[ "$status" -eq 1 ]
	[ "$(sed -n 2p rej.csv | cut -d, -f1-3)" = 'again.csv,2,"duplicate of line 2 of an earlier input (same period' ]
}

@test "chart axis labels of wide values are compact (12M, 1.2B; 12 mln, 1,2 mld) and never overflow" {
	printf 'year,aggregate,value\n2019,04,12000000\n2020,04,1200000000\n2021,04,2400000000\n' > tr.csv
	run --separate-stderr wf-report -f html --kind trend --value value tr.csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | grep -o 'text-anchor="end">[^<]*</text>' | head -3 | sed 's/.*">//; s/<.*//' | tr '\n' ' ')" = "0 0.5B 1.0B " ]
	run --separate-stderr wf-report -f html --kind trend --value value --lang it tr.csv
	[ "$status" -eq 0 ]
	[[ "$output" == *'>2,5 mld</text>'* ]]
	printf 'year,aggregate,value\n2019,04,12000000\n2020,04,13000000\n' > m.csv
	run --separate-stderr wf-report -f html --kind trend --value value --lang it m.csv
	[[ "$output" == *'>15 mln</text>'* ]]
	# no tick label longer than the room left of the axis
	[ -z "$(echo "$output" | grep -o 'text-anchor="end">[^<]\{15,\}</text>')" ]
}

@test "a canonical header in upper case or with a trailing delimiter: refused by every tool, in the same words" {
	{ head -1 "$FIX/benchmark/facts.csv" | tr a-z A-Z; tail -n +2 "$FIX/benchmark/facts.csv"; } > up.csv
	{ head -1 "$FIX/benchmark/facts.csv" | sed 's/$/,/'; tail -n +2 "$FIX/benchmark/facts.csv" | sed 's/$/,/'; } > trail.csv
	# NDJSON keys in upper case: the same refusal
	head -2 "$FIX/benchmark/facts.csv" | wf-ingest --no-progress -f ndjson | sed 's/"\([a-z_]*\)":/"\U\1":/g' > up.ndjson
	# The check is the table reader's (wf_reader_new), so wf-report and
	# wf-benchmark --profile refuse too: they read both files before.
	while read -r t args; do
		for f in up.csv trail.csv up.ndjson; do
			# shellcheck disable=SC2086
			run --separate-stderr $WF_WRAP "$WF_BUILD/bin/$t" $args "$f"
			echo "$t $args $f: $status $stderr"
			[ "$status" -eq 1 ]
			if [ "$f" = trail.csv ]; then
				[ "$stderr" = "$t: trail.csv:1: canonical header ends with a delimiter (an empty column 13): remove it" ]
			else
				[ "$stderr" = "$t: $f:1: canonical header in upper case ('YEAR'): its column names are lower case ('year')" ]
			fi
		done
	done <<'TOOLS'
wf-ingest --no-progress
wf-benchmark -m L090 --no-progress
wf-benchmark --profile --no-progress
wf-report
TOOLS
}

# Every number one tool writes, the next reads exactly (wfkit(7) Numbers).
# Sums past 18 digits: wf-ingest refused them, wf-report called them text.
@test "numbers past 18 digits: wf-ingest -> wf-benchmark -> wf-report keep every digit" {
	{ echo "$FACTS_HDR"
	  for i in 1 2 3 4 5 6; do
		echo "2023,C$i,C,COMUNE $i,RALN,04,FL,01,TO,001272,L090,123456789012345678$i.5"
		echo "2023,C$i,C,COMUNE $i,RALN,04,FL,01,TO,001272,HEADCOUNT,1000000"
	  done; } > f.csv
	run --separate-stderr rely_run wf-ingest f.csv -o facts.csv
	[ "$status" -eq 0 ]
	[ "$(grep -c ',L090,123456789012345678[1-6]\.5$' facts.csv)" -eq 6 ]
	run --separate-stderr rely_run wf-benchmark --per HEADCOUNT facts.csv -o bench.csv
	[ "$status" -eq 0 ]
	[ "$(cut -d, -f7-9 bench.csv | sed -n 2p)" = "1234567890123456781.5,1000000,1234567890123.46" ]
	run --separate-stderr rely_run wf-report --kind trend --period year --value metric -f csv bench.csv
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "${lines[1]}" = "2023,1234567890123456781.5,1234567890123456782.5,1234567890123456783.5,1234567890123456784.5,1234567890123456785.5,1234567890123456786.5" ]
	# the six summed by the trend, exactly (28 digits hold them)
	run --separate-stderr rely_run wf-report --kind trend --period year --group region --value metric -f csv bench.csv
	[ "$status" -eq 0 ]
	[ "$output" = "year,01
2023,7407407340740740704.0" ]
}

@test "wf-report: a column of 19-digit numbers is numbers, not text nor a trend group" {
	printf 'year,name,v,w\n2019,a,12345678901234568.00,1\n2020,b,99999999999999999999.5,2\n' > t.csv
	run --separate-stderr rely_run wf-report --kind trend --period year --value v -f csv t.csv
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "$output" = "year,a,b
2019,12345678901234568.00,
2020,,99999999999999999999.5" ]
	# w is the value: v is a number column, so not a group
	run --separate-stderr rely_run wf-report --kind trend --period year --value w -f csv t.csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "year,a,b" ]
	# 29 digits are past the range: an error, never a changed digit
	printf 'year,name,v\n2019,a,12345678901234567890123456789\n' > long.csv
	run --separate-stderr rely_run wf-report --kind trend --period year --value v -f csv long.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: long.csv:2: number out of range: '12345678901234567890123456789' in column 'v'" ]
}

# A hand-made 29-digit (or 10-decimal) number made its column text, so
# --kind trend took it for a group, with exit 0 (wfkit(7) Numbers).
@test "wf-report: a number past the exact range in a number column stops the run" {
	printf 'year,name,v,w\n2019,a,5,1\n2020,b,12345678901234567890123456789,2\n' > t.csv
	run --separate-stderr rely_run wf-report --kind trend --period year --value w -f csv t.csv
	[ "$status" -eq 1 ]
	[ "$output" = "" ]
	[ "$stderr" = "wf-report: t.csv:3: number out of range: '12345678901234567890123456789' in column 'v'" ]
	# the same whatever the kind, streamed or sorted, -o kept, --where or not
	echo old > out.csv
	for args in "" "--sort v" "--where name=a" "--where name=a --sort year" "--kind profile"; do
		run --separate-stderr rely_run wf-report $args -f csv -o out.csv t.csv
		echo "$args: $status $stderr"
		[ "$status" -eq 1 ]
		[ "$stderr" = "wf-report: t.csv:3: number out of range: '12345678901234567890123456789' in column 'v'" ]
		[ "$(cat out.csv)" = old ]
	done
	# 10 decimals, a negative number, in the second input: its own name and line
	printf 'year,v\n2019,1\n' > a.csv
	printf 'year,v\n2020,2\n2021,-0.1234567891\n' > b.csv
	for args in "" "--sort v"; do
		run --separate-stderr rely_run wf-report $args a.csv b.csv
		[ "$status" -eq 1 ]
		[ "$stderr" = "wf-report: b.csv:3: number out of range: '-0.1234567891' in column 'v'" ]
	done
	# the first such cell in input order, whichever column; 40 bytes shown
	printf 'year,x,y\n2019,1,1\n2020,1,%s\n2021,%s,1\n' "$(printf '9%.0s' $(seq 45))" \
		12345678901234567890123456789 > c.csv
	run --separate-stderr rely_run wf-report c.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-report: c.csv:3: number out of range: '9999999999999999999999999999999999999999' in column 'y'" ]
}

@test "wf-report: a column with text in it stays text, long numbers and all" {
	# 'n/a' makes v text: the long number is shown as it is, and v is a
	# trend group as any text column
	printf 'year,name,v,w\n2019,a,n/a,1\n2020,b,12345678901234567890123456789,2\n' > t.csv
	run --separate-stderr rely_run wf-report -f csv t.csv
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "$output" = "$(cat t.csv)" ]
	run --separate-stderr rely_run wf-report --kind trend --period year --value w -f csv t.csv
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "${lines[0]}" = "year,a / n/a,b / 12345678901234567890123456789" ]
	# text after the digits, an exponent, and code columns are text too
	printf 'year,comune,v\n2019,12345678901234567890123456789,12345678901234567890123456789x\n2020,1,1e400\n' > c.csv
	run --separate-stderr rely_run wf-report -f csv c.csv
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	[ "$output" = "$(cat c.csv)" ]
}

@test "wf-benchmark: a statistic past 10^13 is an error, never a wrong last digit" {
	{ echo "$FACTS_HDR"
	  for i in 1 2 3 4 5 6; do
		echo "2023,C$i,C,COMUNE $i,RALN,04,FL,01,TO,001272,L090,1234567890123456$i.5"
		echo "2023,C$i,C,COMUNE $i,RALN,04,FL,01,TO,001272,HEADCOUNT,1"
	  done; } > f.csv
	# it wrote per_employee 12345678901234562.00 for 12345678901234561.5
	run --separate-stderr rely_run wf-benchmark --per HEADCOUNT f.csv -o out.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: 2023, C1: per_employee is 1.23e+16: statistics are exact to the cent only below 10^13 (wfkit(7) NUMBERS)" ]
	[ ! -e out.csv ]
	run --separate-stderr rely_run wf-benchmark --summary f.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: 2023: mean is 1.23e+16: statistics are exact to the cent only below 10^13 (wfkit(7) NUMBERS)" ]
	run --separate-stderr rely_run wf-benchmark --summary --by province f.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: 2023, TO: mean is 1.23e+16: statistics are exact to the cent only below 10^13 (wfkit(7) NUMBERS)" ]
	# just below the bound every cent is right
	sed -i 's/,L090,1234567890123456\([1-6]\)\.5$/,L090,999999999999\1.99/' f.csv
	run --separate-stderr rely_run wf-benchmark --per HEADCOUNT f.csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | cut -d, -f9 | sed -n 2,7p | tr '\n' ' ')" = "9999999999991.99 9999999999992.99 9999999999993.99 9999999999994.99 9999999999995.99 9999999999996.99 " ]
}
