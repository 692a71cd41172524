#!/usr/bin/env bats
# wf-ingest: dialects, quirks, code lists, archives and every error path.

load common

setup() {
	cd "$BATS_TEST_TMPDIR"
	I="$FIX/ingest"
}

HDR='year,institution,institution_type,institution_name,contract,aggregate,comparto,region,province,comune,measure,value'

@test "modern dialect: BOM, CRLF, Italian numbers, padded item codes, trailing spaces" {
	run --separate-stderr wf-ingest "$I/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 0 ]
	[ "$output" = "$HDR
2019,C4308,C,,RALN,,,,,,L090,1234.56
2019,C4308,C,,RALN,,,,,,L010,12000
2019,C4308,C,,RALN,,,,,,P035,-7.5
2019,C6144,C,,RALN,,,,,,L090,0
2019,R9813,R,,RALN,,,,,,L090,250000
2019,R9813,R,,RALN,,,,,,L107," ]
	[ "$stderr" = "wf-ingest: $I/COSTO_LAVORO_2019.csv: COSTO_LAVORO 2019: 6 rows read, 0 rejected, 6 records written, 0 blank lines skipped" ]
}

@test "legacy dialect: comma, all quoted, Windows-1252, Title Case headers" {
	run --separate-stderr wf-ingest -v "$I/COSTO_LAVORO_2015.csv"
	[ "$status" -eq 0 ]
	[ "$output" = "$HDR
2015,C4308,C,,RALN,,,,,,L090,2500
2015,C6144,C,,RALN,,,,,,L090,1000000.5
2015,P9108,P,,RALN,,,,,,L090,17.25" ]
	[ "${stderr_lines[0]}" = "wf-ingest: $I/COSTO_LAVORO_2015.csv: COSTO_LAVORO 2015, decimal comma (Conto Annuale default)" ]
	[ "${stderr_lines[1]}" = "wf-ingest: $I/COSTO_LAVORO_2015.csv: csv, delimiter ',' (from header), encoding ascii (no non-ASCII byte)" ]
}

@test "OCCUPAZIONE: PIEDO typo, PART_TIMESUP50% alias, cp1252, summed per institution and contract" {
	run --separate-stderr wf-ingest -v "$I/OCCUPAZIONE_2015.csv" "$I/OCCUPAZIONE_2020.csv"
	[ "$status" -eq 0 ]
	[ "$output" = "$HDR
2015,C4308,C,,RALN,,,,,,HEADCOUNT,30
2015,C4308,C,,RALN,,,,,,HEADCOUNT_WOMEN,16
2015,C6144,C,,RALN,,,,,,HEADCOUNT,260
2015,C6144,C,,RALN,,,,,,HEADCOUNT_WOMEN,155
2020,C4308,C,,RALN,,,,,,HEADCOUNT,2410
2020,C4308,C,,RALN,,,,,,HEADCOUNT_WOMEN,1320
2020,C4308,C,,SEGR,,,,,,HEADCOUNT,1
2020,C4308,C,,SEGR,,,,,,HEADCOUNT_WOMEN,0" ]
	[[ "$stderr" == *"wf-ingest: total: 6 rows read, 0 rejected, 8 records written, 0 blank lines skipped"* ]]
}

@test "LAVORO_FLESSIBILE: delimiter-only rows are counted, decimals summed exactly" {
	run --separate-stderr wf-ingest "$I/LAVORO_FLESSIBILE_2013.csv"
	[ "$status" -eq 0 ]
	[ "$output" = "$HDR
2013,C4308,C,,RALN,,,,,,FLEX_UNITS,6.83
2013,C4308,C,,RALN,,,,,,FLEX_UNITS_WOMEN,3.25
2013,C6144,C,,RALN,,,,,,FLEX_UNITS,21
2013,C6144,C,,RALN,,,,,,FLEX_UNITS_WOMEN,10.5" ]
	[ "$stderr" = "wf-ingest: $I/LAVORO_FLESSIBILE_2013.csv: LAVORO_FLESSIBILE 2013: 2 rows read, 0 rejected, 4 records written, 2 blank lines skipped" ]
}

@test "ndjson output: value and year as numbers, missing value as null" {
	run --separate-stderr wf-ingest -f ndjson "$I/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = '{"year":2019,"institution":"C4308","institution_type":"C","institution_name":"","contract":"RALN","aggregate":"","comparto":"","region":"","province":"","comune":"","measure":"L090","value":1234.56}' ]
	[ "${lines[5]}" = '{"year":2019,"institution":"R9813","institution_type":"R","institution_name":"","contract":"RALN","aggregate":"","comparto":"","region":"","province":"","comune":"","measure":"L107","value":null}' ]
	echo "$output" | jq -e -s 'length == 6' >/dev/null
}

@test "first bad row stops the run without --rejects" {
	run --separate-stderr wf-ingest "$I/COSTO_LAVORO_2018.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: $I/COSTO_LAVORO_2018.csv:3: expected 4 fields, found 3" ]
}

@test "--rejects keeps every bad row with its line and reason; exit 1" {
	run --separate-stderr wf-ingest --rejects rej.csv "$I/COSTO_LAVORO_2018.csv"
	[ "$status" -eq 1 ]
	[ "$output" = "$HDR
2018,C4308,C,,RALN,,,,,,L090,10
2018,C6144,C,,RALN,,,,,,L090,7" ]
	[ "$stderr" = "wf-ingest: $I/COSTO_LAVORO_2018.csv: COSTO_LAVORO 2018: 8 rows read, 6 rejected, 2 records written, 0 blank lines skipped" ]
	assert_file rej.csv <<EOT
source,line,reason,raw
$I/COSTO_LAVORO_2018.csv,3,"expected 4 fields, found 3",C4308;RALN;L090
$I/COSTO_LAVORO_2018.csv,4,not a number: 'dieci' in TOTALE_SPESA,C4308;RALN;L090;dieci
$I/COSTO_LAVORO_2018.csv,5,not a number: '1234.56' in TOTALE_SPESA,C4308;RALN;L090;1234.56
$I/COSTO_LAVORO_2018.csv,6,bad institution code '4308',"4308;RALN;L090;1,00"
$I/COSTO_LAVORO_2018.csv,7,bad cost item code '090',"C4308;RALN;090;1,00"
$I/COSTO_LAVORO_2018.csv,8,unterminated quoted field,"C4308;RALN;L010;""5,00"
EOT
}

@test "rows read = records written + rows rejected for cost files" {
	run --separate-stderr wf-ingest --rejects rej.csv "$I/COSTO_LAVORO_2018.csv"
	written=$(( ${#lines[@]} - 1 ))
	rejected=$(( $(wc -l < rej.csv) - 1 ))
	[ $((written + rejected)) -eq 8 ]
}

@test "--decimal point reads 1234.56 and rejects Italian grouping" {
	printf 'ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA\nC1;RALN;L090;1234.56\nC1;RALN;L090;1.234,56\n' > COSTO_LAVORO_2020.csv
	run --separate-stderr wf-ingest --decimal point COSTO_LAVORO_2020.csv
	[ "$status" -eq 1 ]
	[ "$output" = "$HDR
2020,C1,C,,RALN,,,,,,L090,1234.56" ]
	[ "$stderr" = "wf-ingest: COSTO_LAVORO_2020.csv:3: not a number: '1.234,56' in TOTALE_SPESA" ]
}

@test "unknown layout: every line to --rejects, header included" {
	run --separate-stderr wf-ingest --rejects rej.csv "$I/RETRIBUZIONE_MEDIA_2019.csv"
	[ "$status" -eq 1 ]
	[ "$output" = "$HDR" ]
	[ "$stderr" = "wf-ingest: $I/RETRIBUZIONE_MEDIA_2019.csv: unknown layout: 1 rows read, 1 rejected, 0 records written, 0 blank lines skipped" ]
	[ "$(sed -n 2p rej.csv)" = "$I/RETRIBUZIONE_MEDIA_2019.csv,1,\"unknown layout (header has none of VOCE_SPESA, PERSONALE_TEMPO_PIENO_UOMINI, PERSONALE_TEMPO_DETERMINATO_UOMINI, CAUSALE_ASSENZA, FORM_UOMINI, TELE_LAVORO_UOMINI, VOCE_SPESA_FUA)\",ISTITUZIONE;CONTRATTO;CATEGORIA;RETRIBUZIONE_MEDIA" ]
	[ "$(wc -l < rej.csv)" -eq 3 ]
}

@test "unknown layout without --rejects stops at line 1" {
	run --separate-stderr wf-ingest "$I/OCCUPAZIONE_2017.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: $I/OCCUPAZIONE_2017.csv:1: unknown layout (OCCUPAZIONE header lacks column PART_TIME_SUP50%_DONNE)" ]
}

@test "no year in the file name: error, --year fixes it" {
	run --separate-stderr wf-ingest "$I/COSTO_LAVORO.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: $I/COSTO_LAVORO.csv:1: cannot tell the year (no _YYYY in the file name); use --year" ]
	run --separate-stderr wf-ingest --year 2011 "$I/COSTO_LAVORO.csv"
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "2011,C4308,C,,RALN,,,,,,L090,1" ]
}

@test "stdin needs --year" {
	run --separate-stderr wf-ingest --year 2019 - < "$I/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 7 ]
	[ "$stderr" = "wf-ingest: (stdin): COSTO_LAVORO 2019: 6 rows read, 0 rejected, 6 records written, 0 blank lines skipped" ]
}

@test "--encoding utf-8 names the line and byte of invalid UTF-8" {
	run --separate-stderr wf-ingest --encoding utf-8 "$I/COSTO_LAVORO_2016.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: $I/COSTO_LAVORO_2016.csv:3: invalid UTF-8 at byte 13" ]
}

@test "auto encoding reads the same bytes as Windows-1252 and says so under -v" {
	run --separate-stderr wf-ingest -v --rejects rej.csv "$I/COSTO_LAVORO_2016.csv"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"COSTO_LAVORO_2016.csv: csv, delimiter ';' (from header), encoding cp1252 (decided at line 3)"* ]]
	grep -q "bad cost item code 'Là090'" rej.csv
}

@test "gzip input is detected by its bytes, not its name" {
	gzip -c "$I/COSTO_LAVORO_2019.csv" > COSTO_LAVORO_2019.data
	run --separate-stderr wf-ingest -v COSTO_LAVORO_2019.data
	[ "$status" -eq 0 ]
	[ "$output" = "$(wf-ingest "$I/COSTO_LAVORO_2019.csv" 2>/dev/null)" ]
	[[ "$stderr" == *"encoding utf-8 (BOM), gzip"* ]]
}

@test "truncated gzip is an error, not a short success" {
	seq 1 50000 | awk '{print "C" $1 ";RALN;L090;" $1 ",00"}' | (echo 'ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA'; cat) | gzip -c > full.gz
	head -c 100000 full.gz > COSTO_LAVORO_2019.csv.gz
	run --separate-stderr wf-ingest -o out.csv COSTO_LAVORO_2019.csv.gz
	[ "$status" -eq 1 ]
	[ "${stderr_lines[0]}" = "wf-ingest: COSTO_LAVORO_2019.csv.gz: truncated gzip data (stream ends early)" ]
	[[ "${stderr_lines[1]}" == "wf-ingest: COSTO_LAVORO_2019.csv.gz: COSTO_LAVORO 2019: "*" rows read, 0 rejected, "* ]]
	[ ! -e out.csv ]
	[ -z "$(ls -A | grep '^\.out\.csv\.')" ]
}

make_zips() {
	mkdir -p z/2020Dati z/2021Tutto/2021Dati z/2015Dati z/anag
	cp "$I/COSTO_LAVORO_2019.csv" z/2020Dati/COSTO_LAVORO_2020.CSV
	cp "$I/OCCUPAZIONE_2020.csv" z/2020Dati/OCCUPAZIONE_2020.csv
	cp "$I/RETRIBUZIONE_MEDIA_2019.csv" z/2020Dati/RETRIBUZIONE_MEDIA_2020.csv
	cp "$I/COSTO_LAVORO_2019.csv" z/2021Tutto/2021Dati/COSTO_LAVORO_2021.csv
	cp "$I/COSTO_LAVORO_2015.csv" z/2015Dati/COSTO_LAVORO_2015.csv
	python3 - <<'PY'
import zipfile, io
def add_dir(z, root, prefix=''):
    import os
    for d, _, files in sorted(os.walk(root)):
        for f in sorted(files):
            p = os.path.join(d, f)
            z.write(p, prefix + os.path.relpath(p, root))
with zipfile.ZipFile('2020Tutto.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('2020Dati/', '')
    for f in ['COSTO_LAVORO_2020.CSV', 'OCCUPAZIONE_2020.csv', 'RETRIBUZIONE_MEDIA_2020.csv']:
        z.write('z/2020Dati/' + f, '2020Dati/' + f)
with zipfile.ZipFile('2021Tutto.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    z.write('z/2021Tutto/2021Dati/COSTO_LAVORO_2021.csv', '2021Tutto/2021Dati/COSTO_LAVORO_2021.csv')
    z.writestr('2021Tutto/LEGGIMI.txt', 'synthetic test archive\n')
inner = io.BytesIO()
with zipfile.ZipFile(inner, 'w', zipfile.ZIP_DEFLATED) as z:
    z.write('z/2015Dati/COSTO_LAVORO_2015.csv', 'COSTO_LAVORO_2015.csv')
    deeper = io.BytesIO()
    with zipfile.ZipFile(deeper, 'w') as d:
        d.writestr('COSTO_LAVORO_2014.csv', 'ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA\nC1;RALN;L090;1\n')
    z.writestr('deeper.zip', deeper.getvalue())
with zipfile.ZipFile('2015Tutto.zip', 'w') as z:
    z.writestr('2015Dati.zip', inner.getvalue())
    anag = io.BytesIO()
    with zipfile.ZipFile(anag, 'w') as a:
        a.writestr('VoceSpesa.CSV', 'ANNO;CODI_TIPO_VOCE_SPESA;CODI_VOCE_SPESA;DESC_VOCE_SPESA;FLAG_SEGNO\n')
    z.writestr('2015Anagrafiche.zip', anag.getvalue())
PY
}

@test "zip layouts: root folder, Tutto/Dati, nested zip; skipped members named" {
	make_zips
	run --separate-stderr wf-ingest 2020Tutto.zip 2021Tutto.zip 2015Tutto.zip
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | cut -d, -f1 | sort | uniq -c | tr -s ' ')" = " 3 2015
 10 2020
 6 2021
 1 year" ]
	[[ "$stderr" == *"wf-ingest: 2020Tutto.zip(2020Dati/COSTO_LAVORO_2020.CSV): COSTO_LAVORO 2020: 6 rows read"* ]]
	[[ "$stderr" == *"wf-ingest: 2020Tutto.zip: skipped 1 member it does not read: 2020Dati/RETRIBUZIONE_MEDIA_2020.csv"* ]]
	[[ "$stderr" == *"wf-ingest: 2021Tutto.zip: skipped 1 member it does not read: 2021Tutto/LEGGIMI.txt"* ]]
	[[ "$stderr" == *"wf-ingest: 2015Tutto.zip(2015Dati.zip)(COSTO_LAVORO_2015.csv): COSTO_LAVORO 2015: 3 rows read"* ]]
	[[ "$stderr" == *"wf-ingest: 2015Tutto.zip: skipped 2 members it does not read: 2015Tutto.zip(2015Dati.zip)(deeper.zip), 2015Tutto.zip(2015Anagrafiche.zip)(VoceSpesa.CSV)"* ]]
}

@test "a corrupt zip is an error naming the archive" {
	make_zips
	head -c 300 2020Tutto.zip > broken.zip
	run --separate-stderr wf-ingest broken.zip
	[ "$status" -eq 1 ]
	[[ "$stderr" == "wf-ingest: broken.zip: not a readable zip archive: "* ]]
}

@test "zip bomb member is refused with its name" {
	python3 -c "
import zipfile
with zipfile.ZipFile('bomb.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('COSTO_LAVORO_2019.csv', b'0' * (50 << 20))
"
	run --separate-stderr wf-ingest bomb.zip
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: bomb.zip(COSTO_LAVORO_2019.csv): member expands more than 1000:1 (zip bomb?); refused" ]
}

@test "--codes and --places fill names, aggregate, comparto and geography (real 2024 lists)" {
	need_shared
	run --separate-stderr wf-ingest --codes "$CODES" --places "$PLACES" "$I/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "2019,C4308,C,COMUNE DI MILANO,RALN,04,FL,03,MI,015146,L090,1234.56" ]
	[ "${lines[4]}" = "2019,C6144,C,ROMA CAPITALE,RALN,04,FL,12,RM,058091,L090,0" ]
	[ "${lines[5]}" = "2019,R9813,R,REGIONE LOMBARDIA,RALN,04,FL,03,,,L090,250000" ]
	[ "${stderr_lines[0]}" = "wf-ingest: no code lists of 2019; its files use those of 2024" ]
	[ "${stderr_lines[2]}" = "wf-ingest: 3 institutions placed: 2 by code list, 1 by name, 0 by former name, 0 by seat, 0 by tax code, 0 by override; 0 national, 0 unplaced" ]
}

@test "placement over the whole real 2024 institution list" {
	need_shared
	{ echo 'ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA'
	  tail -n +2 "$CODES/TipoIstituzione_Istituzione.CSV" | awk -F';' '{print $2 $4 ";RALN;L090;1"}'; } > COSTO_LAVORO_2024.csv
	run --separate-stderr wf-ingest -f ndjson --codes "$CODES" --places "$PLACES" COSTO_LAVORO_2024.csv
	[ "$status" -eq 0 ]
	[ "${stderr_lines[1]}" = "wf-ingest: 12843 institutions placed: 7787 by code list, 244 by name, 0 by former name, 2644 by seat, 1943 by tax code, 0 by override; 181 national, 44 unplaced (-v lists them)" ]
	[ "$(echo "$output" | jq -r 'select(.institution=="Q9166") | .province')" = UD ]
	[ "$(echo "$output" | jq -r 'select(.institution=="CM9102") | .province')" = RM ]
	# every comune has a province and region; all but the 13 that are
	# newer than the geocoded list also get a 6-digit ISTAT code
	[ "$(echo "$output" | jq -r 'select(.institution_type=="C" and (.region|test("^[0-9]{2}$")) and .province != "") | .institution' | wc -l)" -eq 7904 ]
	[ "$(echo "$output" | jq -r 'select(.institution_type=="C" and (.comune|test("^[0-9]{6}$"))) | .institution' | wc -l)" -eq 7891 ]
	# with the current ISTAT list and the name history, every one
	run --separate-stderr wf-ingest -f ndjson --codes "$CODES" --places "$SHARED/data/comuni/comuni-istat.csv" \
		--places "$SHARED/data/comuni/comuni-history.csv" --places "$PLACES" COSTO_LAVORO_2024.csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | jq -r 'select(.institution_type=="C" and (.comune|test("^[0-9]{6}$"))) | .institution' | wc -l)" -eq 7904 ]
	[ "$(echo "$output" | jq -r 'select(.institution=="C2288") | .comune')" = 021021 ]
}

@test "--codes accepts a zip of code lists, nested folder included" {
	need_shared
	mkdir -p 2024Anagrafiche && cp "$CODES"/*.CSV 2024Anagrafiche/
	python3 -c "
import zipfile, os
with zipfile.ZipFile('2024Anagrafiche.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    for f in sorted(os.listdir('2024Anagrafiche')): z.write('2024Anagrafiche/' + f)
"
	run --separate-stderr wf-ingest --codes 2024Anagrafiche.zip "$I/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "2019,C4308,C,COMUNE DI MILANO,RALN,04,FL,03,MI,,L090,1234.56" ]
}

@test "-o writes atomically and keeps the old file when the run fails" {
	echo old > out.csv
	run --separate-stderr wf-ingest -o out.csv "$I/COSTO_LAVORO_2018.csv"
	[ "$status" -eq 1 ]
	[ "$(cat out.csv)" = old ]
	[ -z "$(ls -A | grep '^\.out\.csv\.')" ]
	run --separate-stderr wf-ingest -o out.csv "$I/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 0 ]
	[ "$(wc -l < out.csv)" -eq 7 ]
}

@test "a failed write to stdout is an error" {
	run --separate-stderr bash -c "'$WF_BUILD/bin/wf-ingest' '$I/COSTO_LAVORO_2019.csv' > /dev/full"
	[ "$status" -eq 1 ]
	[ "${stderr_lines[1]}" = "wf-ingest: write error: stdout: No space left on device" ]
}

@test "SIGPIPE under head is quiet" {
	seq 1 200000 | awk '{print "C" $1 ";RALN;L090;" $1}' | (echo 'ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA'; cat) > COSTO_LAVORO_2019.csv
	run --separate-stderr bash -c "set -o pipefail; '$WF_BUILD/bin/wf-ingest' --no-progress COSTO_LAVORO_2019.csv 2>err | head -2"
	[ "$output" = "$HDR
2019,C1,C,,RALN,,,,,,L090,1" ]
	[ ! -s err ]
}

@test "missing file: system error message, exit 1, other files still read" {
	run --separate-stderr wf-ingest nosuch.csv "$I/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 1 ]
	[ "${stderr_lines[0]}" = "wf-ingest: nosuch.csv: No such file or directory" ]
	[ "${#lines[@]}" -eq 7 ]
}

@test "empty input is an error; header-only is fine" {
	: > COSTO_LAVORO_2019.csv
	run --separate-stderr wf-ingest COSTO_LAVORO_2019.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: COSTO_LAVORO_2019.csv: empty input (no header line)" ]
	echo 'ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA' > COSTO_LAVORO_2019.csv
	run --separate-stderr wf-ingest COSTO_LAVORO_2019.csv
	[ "$status" -eq 0 ]
	[ "$output" = "$HDR" ]
}

@test "ambiguous delimiter asks for -d" {
	printf 'ISTITUZIONE;CONTRATTO,VOCE\n' > COSTO_LAVORO_2019.csv
	run --separate-stderr wf-ingest COSTO_LAVORO_2019.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: COSTO_LAVORO_2019.csv: cannot tell the delimiter from the header (1 ';', 1 ',', 0 TAB); use -d" ]
}

@test "usage errors exit 2 with a hint" {
	run --separate-stderr wf-ingest --format xml
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-ingest: invalid format 'xml' (csv, ndjson)
Try 'wf-ingest --help' for more information." ]
	run --separate-stderr wf-ingest --bogus
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-ingest: unrecognized option '--bogus'
Try 'wf-ingest --help' for more information." ]
	run --separate-stderr wf-ingest --year 12
	[ "$status" -eq 2 ]
	[ "${stderr_lines[0]}" = "wf-ingest: invalid year '12' (1990 to 2099)" ]
	run --separate-stderr wf-ingest --encoding ebcdic
	[ "$status" -eq 2 ]
	[ "${stderr_lines[0]}" = "wf-ingest: invalid encoding 'ebcdic' (auto, utf-8, cp1252, latin1)" ]
	run --separate-stderr wf-ingest --rejects - -
	[ "$status" -eq 2 ]
	[ "${stderr_lines[0]}" = "wf-ingest: --rejects and the data cannot both go to standard output" ]
}

@test "--help to stdout exit 0; --version" {
	run --separate-stderr wf-ingest --help
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "Usage: wf-ingest [OPTION]... [FILE]..." ]
	[ -z "$stderr" ]
	run wf-ingest --version
	[ "$status" -eq 0 ]
	[ "$output" = "wf-ingest (wfkit) 0.1.0" ]
}

@test "ingest -> CSV -> ingest round-trips byte-identically, also through NDJSON" {
	wf-ingest "$I"/COSTO_LAVORO_2019.csv "$I"/COSTO_LAVORO_2015.csv "$I"/OCCUPAZIONE_2015.csv \
		"$I"/OCCUPAZIONE_2020.csv "$I"/LAVORO_FLESSIBILE_2013.csv > a.csv 2>/dev/null
	run --separate-stderr wf-ingest a.csv
	[ "$status" -eq 0 ]
	[ "$stderr" = "wf-ingest: a.csv: canonical fact stream: 21 rows read, 0 rejected, 21 records written, 0 blank lines skipped" ]
	printf '%s\n' "$output" | cmp - a.csv
	wf-ingest -f ndjson a.csv > a.ndjson 2>/dev/null
	wf-ingest a.ndjson 2>/dev/null | cmp - a.csv
}

@test "a canonical stream is checked row by row" {
	printf '%s\n' "$HDR" '2019,C1,C,,RALN,,,,,,L090,1.5' '19,C1,C,,RALN,,,,,,L090,1' \
		'2019,1,C,,RALN,,,,,,L090,1' '2019,C1,C,,RALN,,,,,,L90,1' '2019,C1,C,,RALN,,,,,,L090,"1,5"' > f.csv
	run --separate-stderr wf-ingest --rejects rej.csv f.csv
	[ "$status" -eq 1 ]
	[ "$output" = "$HDR
2019,C1,C,,RALN,,,,,,L090,1.5" ]
	assert_file rej.csv <<EOT
source,line,reason,raw
f.csv,3,bad year '19',"19,C1,C,,RALN,,,,,,L090,1"
f.csv,4,bad institution code '1',"2019,1,C,,RALN,,,,,,L090,1"
f.csv,5,bad measure 'L90',"2019,C1,C,,RALN,,,,,,L90,1"
f.csv,6,"not a number: '1,5' in value","2019,C1,C,,RALN,,,,,,L090,""1,5"""
EOT
}

@test "--codes repeated: each file uses its year's lists, else the nearest year's" {
	"$WF_BUILD/bin/wf-synth" --demo --year 2024 -o s >/dev/null
	cp -r s/SYNTHETIC_Anagrafiche a2024
	cp -r s/SYNTHETIC_Anagrafiche a2019
	sed -i 's/^2024;/2019;/; s/COMUNE DI MILANO/COMUNE DI MILANO (LISTE 2019)/' a2019/*.CSV
	cp "$I/COSTO_LAVORO_2019.csv" COSTO_LAVORO_2024.csv
	run --separate-stderr wf-ingest --codes a2024 --codes a2019 "$I/COSTO_LAVORO_2019.csv" \
		"$I/COSTO_LAVORO_2015.csv" COSTO_LAVORO_2024.csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | grep -c '^2019,C4308,C,COMUNE DI MILANO (LISTE 2019),')" -eq 3 ]
	[ "$(echo "$output" | grep -c '^2015,C4308,C,COMUNE DI MILANO (LISTE 2019),')" -eq 1 ]
	[ "$(echo "$output" | grep -c '^2024,C4308,C,COMUNE DI MILANO,')" -eq 3 ]
	[ "${stderr_lines[1]}" = "wf-ingest: no code lists of 2015; its files use those of 2019" ]
	[ "${stderr_lines[5]}" = "wf-ingest: code lists of 2024: 3 institutions placed: 2 by code list, 1 by name, 0 by former name, 0 by seat, 0 by tax code, 0 by override; 0 national, 0 unplaced" ]
	# the renamed Milano of the 2019 lists is not a comune name: unplaced
	[ "${stderr_lines[6]}" = "wf-ingest: code lists of 2019: 4 institutions placed: 1 by code list, 2 by name, 0 by former name, 0 by seat, 0 by tax code, 0 by override; 0 national, 1 unplaced (-v lists them)" ]
	run --separate-stderr wf-ingest --codes a2024 --codes a2024 "$I/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: a2024: code lists of 2024 given twice" ]
}

@test "--max-field-bytes reaches --codes and --places (auxiliary files); their dialect is their own" {
	"$WF_BUILD/bin/wf-synth" --demo --year 2024 -o s >/dev/null
	run --separate-stderr wf-ingest --max-field-bytes 30 --codes s/SYNTHETIC_Anagrafiche "$I/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "wf-ingest: s/SYNTHETIC_Anagrafiche/"*".CSV:1: line longer than 30 bytes"* ]]
	printf 'codiceComune,nome,sigla\n015146,Milano,MI\n015147,Abc,MI,%s\n' \
		"and a row with a tail of text that runs far too long" > places.csv
	run --separate-stderr wf-ingest --max-field-bytes 56 --places places.csv "$I/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: places.csv:3: line longer than 56 bytes (see --max-field-bytes)" ]
	# the ',' of the comuni list and the ';' of the code lists are found
	# whatever -d says for the data files
	sed 's/;/|/g' "$I/COSTO_LAVORO_2019.csv" > COSTO_LAVORO_2019.csv
	sed -i '3d' places.csv
	run --separate-stderr wf-ingest -d '|' --codes s/SYNTHETIC_Anagrafiche --places places.csv COSTO_LAVORO_2019.csv
	[ "$status" -eq 0 ]
	[[ "$output" == *"2019,C4308,C,COMUNE DI MILANO,"* ]]
}

@test "a Tutto zip holding its own code lists names its institutions without --codes" {
	"$WF_BUILD/bin/wf-synth" --demo --year 2019 -o s >/dev/null
	mkdir -p 2019Anagrafiche && cp s/SYNTHETIC_Anagrafiche/*.CSV 2019Anagrafiche/
	sed -i 's/^2024;/2019;/' 2019Anagrafiche/*.CSV
	I="$I" python3 - <<'PY'
import zipfile, io
anag = io.BytesIO()
with zipfile.ZipFile(anag, 'w', zipfile.ZIP_DEFLATED) as a:
    import os
    for f in sorted(os.listdir('2019Anagrafiche')):
        a.write('2019Anagrafiche/' + f)
with zipfile.ZipFile('2019Tutto.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    z.write('s/2019Tutto.zip', 'inner-ignored.txt')
    z.writestr('2019Anagrafiche.zip', anag.getvalue())
    z.write(os.environ['I'] + '/COSTO_LAVORO_2019.csv', '2019Dati/COSTO_LAVORO_2019.csv')
PY
	run --separate-stderr wf-ingest 2019Tutto.zip
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "2019,C4308,C,COMUNE DI MILANO,RALN,04,FL,03,MI,,L090,1234.56" ]
	[ "${stderr_lines[0]}" = "wf-ingest: 2019Tutto.zip: using the code lists of 2019 it holds" ]
	[ "${stderr_lines[2]}" = "wf-ingest: 2019Tutto.zip: skipped 1 member it does not read: inner-ignored.txt" ]
	# lists given for that year win over the archive's own
	sed -i 's/COMUNE DI MILANO/MILANO (GIVEN)/' 2019Anagrafiche/TipoIstituzione_Istituzione.CSV
	run --separate-stderr wf-ingest --codes 2019Anagrafiche 2019Tutto.zip
	[ "${lines[1]}" = "2019,C4308,C,MILANO (GIVEN),RALN,04,FL,,,,L090,1234.56" ]
}

@test "a broken nested Dati.zip is reported once: the code-list look-up does not enter it" {
	python3 -c "
import zipfile
with zipfile.ZipFile('2015Tutto.zip', 'w') as z:
    z.writestr('2015Dati.zip', b'PK\x03\x04 broken')
"
	run --separate-stderr wf-ingest 2015Tutto.zip
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: 2015Tutto.zip(2015Dati.zip): not a readable zip archive: Not a zip archive" ]
}
