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
import io, struct, sys, zipfile, zlib
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
def zip64(name, data, claimed=None):
    """One deflated member whose sizes and offsets are all in Zip64
    records (0xFFFFFFFF in the classic fields, the Zip64 end of central
    directory), as archivers write members over 4 GiB; claimed: the
    uncompressed size the archive says, whatever the data."""
    name = name.encode()
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    comp = co.compress(data) + co.flush()
    usize = len(data) if claimed is None else claimed
    crc = zlib.crc32(data)
    lx = struct.pack('<HHQQ', 1, 16, usize, len(comp))
    local = struct.pack('<IHHHHHIIIHH', 0x04034b50, 45, 0, 8, 0, 0x21, crc,
                        0xFFFFFFFF, 0xFFFFFFFF, len(name), len(lx)) + name + lx + comp
    cx = struct.pack('<HHQQQ', 1, 24, usize, len(comp), 0)
    central = struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 45, 45, 0, 8, 0, 0x21, crc,
                          0xFFFFFFFF, 0xFFFFFFFF, len(name), len(cx), 0, 0, 0, 0,
                          0xFFFFFFFF) + name + cx
    eocd64 = struct.pack('<IQHHIIQQQQ', 0x06064b50, 44, 45, 45, 0, 0, 1, 1,
                         len(central), len(local))
    loc = struct.pack('<IIQI', 0x07064b50, 0, len(local) + len(central), 1)
    eocd = struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, 0xFFFF, 0xFFFF,
                       0xFFFFFFFF, 0xFFFFFFFF, 0)
    return local + central + eocd64 + loc + eocd
open('zip64.zip', 'wb').write(zip64('COSTO_LAVORO_2019.csv', cost))
open('zip64-5g.zip', 'wb').write(zip64('COSTO_LAVORO_2019.csv', cost, 5 << 30))
open('zip64-4g.zip', 'wb').write(zip64('COSTO_LAVORO_2019.csv', cost, 4 << 30))
open('zip64-4g1.zip', 'wb').write(zip64('COSTO_LAVORO_2019.csv', cost, (4 << 30) + 1))
open('zip64-nest.zip', 'wb').write(zbytes('2019Dati.zip', zip64('COSTO_LAVORO_2019.csv', cost, 5 << 30)))
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

# A member over 4 GiB can only be described by Zip64 records: a small
# archive whose directory claims one is refused by its declared size,
# before a byte is inflated; a Zip64 archive of ordinary size is read.
@test "Zip64: a member declared over 4 GiB is refused with its size; an ordinary Zip64 archive is read" {
	run --separate-stderr wf-ingest --no-progress zip64.zip
	[ "$status" -eq 0 ]
	[ "$stderr" = "wf-ingest: zip64.zip(COSTO_LAVORO_2019.csv): COSTO_LAVORO 2019: 6 rows read, 0 rejected, 6 records written, 0 blank lines skipped" ]
	[ "$output" = "$(wf-ingest --no-progress "$FIX/ingest/COSTO_LAVORO_2019.csv" 2>/dev/null)" ]
	for z in zip64-5g.zip:5368709120 zip64-4g1.zip:4294967297; do
		echo old > out.csv
		run --separate-stderr wf-ingest --no-progress -o out.csv "${z%%:*}"
		echo "$z: $status $stderr"
		[ "$status" -eq 1 ]
		[ "$stderr" = "wf-ingest: ${z%%:*}(COSTO_LAVORO_2019.csv): member expands to ${z##*:} bytes, over the 4294967296 limit (zip bomb?); refused" ]
		[ "$(cat out.csv)" = old ]
	done
	# at the limit itself the size passes, the ratio does not
	run --separate-stderr wf-ingest --no-progress zip64-4g.zip
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: zip64-4g.zip(COSTO_LAVORO_2019.csv): member expands more than 1000:1 (zip bomb?); refused" ]
	# inside a nested Dati.zip, named by both
	run --separate-stderr wf-ingest --no-progress zip64-nest.zip
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: zip64-nest.zip(2019Dati.zip)(COSTO_LAVORO_2019.csv): member expands to 5368709120 bytes, over the 4294967296 limit (zip bomb?); refused" ]
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
