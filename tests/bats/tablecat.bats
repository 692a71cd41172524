#!/usr/bin/env bats
# Tests of tests/gen/wf-tablecat.c, the pass-through helper `make bench`
# times: libwf's reader then its table writer.
bats_require_minimum_version 1.5.0

setup() {
	load common
	TC="$WF_BUILD/bin/wf-tablecat"
}

@test "tablecat: a canonical CSV comes out byte for byte" {
	printf 'year,institution,institution_name,value\n2019,C4308,"COMUNE DI MILANO, CAPOLUOGO",12.50\n2019,C1,,3\n' >"$BATS_TEST_TMPDIR/in.csv"
	run --separate-stderr $WF_WRAP "$TC" "$BATS_TEST_TMPDIR/in.csv"
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat "$BATS_TEST_TMPDIR/in.csv")" ]
	[ "$stderr" = "" ]
}

@test "tablecat: -f ndjson writes one object per row, from stdin" {
	run --separate-stderr bash -c "printf 'a;b\n1;x\"y\n' | $WF_WRAP '$TC' -f ndjson"
	[ "$status" -eq 0 ]
	[ "$output" = '{"a":"1","b":"x\"y"}' ]
}

@test "tablecat: a ragged row is an error with its line" {
	printf 'a,b\n1,2\n3\n' >"$BATS_TEST_TMPDIR/bad.csv"
	run --separate-stderr $WF_WRAP "$TC" "$BATS_TEST_TMPDIR/bad.csv"
	[ "$status" -eq 1 ]
	[ "$output" = "a,b
1,2" ]
	[ "$stderr" = "wf-tablecat: $BATS_TEST_TMPDIR/bad.csv:3: expected 2 fields, found 1" ]
}

@test "tablecat: a bad format is a usage error" {
	run --separate-stderr $WF_WRAP "$TC" -f xml
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-tablecat: bad format 'xml'" ]
}
