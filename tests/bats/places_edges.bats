#!/usr/bin/env bats
# --place-overrides without a comuni list (a comune code then places by
# its province), and override files that cannot be read. SYNTHETIC
# fixtures in tests/fixtures/places.

load common

setup() {
	cd "$BATS_TEST_TMPDIR"
	F="$FIX/places"
}

@test "--place-overrides without --places: a comune code places by its province, a code of no province is refused" {
	printf 'institution,place,note\nC1,004073,SYNTHETIC\n' > o.csv
	run --separate-stderr wf-ingest --codes "$F/a2024" --place-overrides o.csv --placement-report rep.csv "$F/COSTO_LAVORO_2024.csv"
	[ "$status" -eq 0 ]
	grep -qxF '2024,C1,C,COMUNE DI MILANO,004073,,CN,01,override,004073: SYNTHETIC,1' rep.csv
	printf 'institution,place,note\nC1,999999,\n' > o.csv
	run --separate-stderr wf-ingest --codes "$F/a2024" --place-overrides o.csv "$F/COSTO_LAVORO_2024.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: o.csv:2: '999999' is not an ISTAT comune code" ]
}

@test "--place-overrides: a file that is not there, a malformed row" {
	run --separate-stderr wf-ingest --codes "$F/a2024" --place-overrides none.csv "$F/COSTO_LAVORO_2024.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: none.csv: No such file or directory" ]
	printf 'institution,place,note\nC1,"MI,\n' > o.csv
	run --separate-stderr wf-ingest --codes "$F/a2024" --place-overrides o.csv "$F/COSTO_LAVORO_2024.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: o.csv:2: unterminated quoted field" ]
}
