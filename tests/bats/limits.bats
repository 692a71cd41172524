#!/usr/bin/env bats
# Resource limits: --max-field-bytes on every binary that reads tables,
# gzip and zip bombs, archives whose directory lies, nesting deeper than
# one level, and member names that try to leave the working folder.
# Every archive is built here by python3's zipfile from SYNTHETIC data.
load common
load rely

setup_file() {
	cd "$BATS_FILE_TMPDIR"
	make_zips
}

setup() {
	cd "$BATS_TEST_TMPDIR"
	cp "$BATS_FILE_TMPDIR"/*.zip .
}

@test "--max-field-bytes: an over-long record is a data error with its line, for every binary" {
	for t in $RELY_TOOLS; do
		in=$(rely_big "$t" 5)
		long=$(head -c 3000 /dev/zero | tr '\0' A)
		{ head -3 "$in"; tail -n 1 "$in" | sed "s/[0-9][0-9]*/&$long/"; } > long.csv
		run --separate-stderr rely_run "$t" --max-field-bytes 1K long.csv
		echo "$t: $status $stderr"
		[ "$status" -eq 1 ]
		[[ "$stderr" == *"$t: long.csv:4: line longer than 1024 bytes (see --max-field-bytes)"* ]]
		# the default (16M) takes it
		run --separate-stderr rely_run "$t" long.csv
		[[ "$stderr" != *"longer than"* ]]
	done
}

@test "--max-field-bytes: bad sizes are usage errors, suffixes K M G accepted" {
	for t in $RELY_TOOLS; do
		for bad in 0 -1 1x ''; do
			run --separate-stderr rely_run "$t" --max-field-bytes "$bad" /dev/null
			[ "$status" -eq 2 ]
			[ "${stderr_lines[0]}" = "$t: invalid size '$bad'" ]
			[ "${stderr_lines[1]}" = "Try '$t --help' for more information." ]
		done
		in=$(rely_small "$t")
		run --separate-stderr rely_run "$t" --max-field-bytes 1M "$in"
		[ "$status" -ne 2 ]
	done
}

@test "gzip bomb (50 MB of zeros, over 1000:1) is refused with its name, for every binary" {
	head -c 50000000 /dev/zero | gzip -c > bomb.csv.gz
	for t in $RELY_TOOLS; do
		run --separate-stderr rely_run "$t" bomb.csv.gz
		echo "$t: $status $stderr"
		[ "$status" -eq 1 ]
		[[ "$stderr" == *"$t: bomb.csv.gz: gzip data expands more than 1000:1 (decompression bomb?)"* ]]
	done
}

make_zips() {
	python3 - "$FIX/ingest/COSTO_LAVORO_2019.csv" <<'PY'
import io, struct, sys, zipfile
cost = open(sys.argv[1], 'rb').read()
def zbytes(name, data, method=zipfile.ZIP_STORED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, 'w', compression=method) as z:
        z.writestr(name, data)
    return b.getvalue()
open('bomb.zip', 'wb').write(zbytes('COSTO_LAVORO_2019.csv', b'\0' * (50 << 20), zipfile.ZIP_DEFLATED))
# a directory that says 100 bytes for 20 MB of zeros
liar = bytearray(zbytes('COSTO_LAVORO_2019.csv', cost[:60] + b'\0' * (20 << 20), zipfile.ZIP_DEFLATED))
struct.pack_into('<I', liar, 22, 100)
struct.pack_into('<I', liar, liar.find(b'PK\x01\x02') + 24, 100)
open('liar.zip', 'wb').write(liar)
# one level of nesting is read, a second is not
inner = zbytes('COSTO_LAVORO_2019.csv', cost)
open('nest1.zip', 'wb').write(zbytes('2019Dati.zip', inner))
open('nest2.zip', 'wb').write(zbytes('2019Tutto.zip', zbytes('2019Dati.zip', inner)))
with zipfile.ZipFile('evil.zip', 'w') as z:
    z.writestr('../../escape/COSTO_LAVORO_2019.csv', cost)
    z.writestr('/tmp/wf-abs-escape/COSTO_LAVORO_2020.csv', cost)
PY
}

@test "zip bomb and a lying zip directory are refused with the member's name" {
	run --separate-stderr wf-ingest bomb.zip
	[ "$status" -eq 1 ]
	[[ "$stderr" == "wf-ingest: bomb.zip(COSTO_LAVORO_2019.csv): member expands more than 1000:1 (zip bomb?); refused"* ]]
	# refused after reading just past the declared size, not 20 MB on
	run --separate-stderr wf-ingest liar.zip
	[ "$status" -eq 1 ]
	[[ "$stderr" == "wf-ingest: liar.zip(COSTO_LAVORO_2019.csv): member holds more than the 100 bytes its directory says (corrupt archive or zip bomb?); refused"* ]]
	# code lists go through the same walker
	run --separate-stderr wf-ingest --codes bomb.zip "$FIX/ingest/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 1 ]
}

@test "nested zips: one level is entered, a second is not opened" {
	run --separate-stderr wf-ingest nest1.zip
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 7 ]
	[[ "$stderr" == *"nest1.zip(2019Dati.zip)(COSTO_LAVORO_2019.csv): COSTO_LAVORO 2019: 6 rows read"* ]]
	# nothing read is an error naming what was found (issue 17)
	run --separate-stderr wf-ingest nest2.zip
	[ "$status" -eq 1 ]
	[ "$output" = "$FACTS_HDR" ]
	[ "$stderr" = "wf-ingest: nest2.zip: no Conto Annuale data file (COSTO_LAVORO_, OCCUPAZIONE_, LAVORO_FLESSIBILE_) among 1 member: nest2.zip(2019Tutto.zip)(2019Dati.zip)" ]
}

@test "zip member names are labels, never paths: ../../ and /abs members write nothing" {
	mkdir -p a/b
	cd a/b
	rm -rf /tmp/wf-abs-escape
	run --separate-stderr wf-ingest ../../evil.zip
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 13 ]
	[[ "$stderr" == *"../../evil.zip(../../escape/COSTO_LAVORO_2019.csv): COSTO_LAVORO 2019: 6 rows read"* ]]
	[[ "$stderr" == *"../../evil.zip(/tmp/wf-abs-escape/COSTO_LAVORO_2020.csv): COSTO_LAVORO 2020: 6 rows read"* ]]
	[ ! -e ../../escape ]
	[ ! -e /tmp/wf-abs-escape ]
	[ -z "$(ls -A)" ]
}
