#!/usr/bin/env bats
# The shared options (lib/common/wf_cli.c) at their edges, for every
# binary where they apply: --help and --version on a full disk, the
# spellings of a tab delimiter, what -v says of the input's dialect.

load common

setup() {
	cd "$BATS_TEST_TMPDIR"
	I="$FIX/ingest"
}

@test "--help and --version on a full disk: exit 1 and a message, for every binary" {
	[ -w /dev/full ] || skip "no /dev/full"
	for t in wf-ingest wf-benchmark wf-match wf-report; do
		for o in --help --version; do
			run --separate-stderr bash -c "\$WF_WRAP \"\$WF_BUILD/bin/$t\" $o > /dev/full"
			echo "$t $o: $status $stderr"
			[ "$status" -eq 1 ]
			[ "$stderr" = "$t: write error: stdout: No space left on device" ]
		done
	done
}

@test "-d: tab as tab, TAB or \\t; anything else a usage error" {
	printf 'ISTITUZIONE\tCONTRATTO\tVOCE_SPESA\tTOTALE_SPESA\nC4308\tRALN\tL090\t1,00\n' > COSTO_LAVORO_2019.csv
	for d in tab TAB '\t'; do
		run --separate-stderr wf-ingest -q -d "$d" COSTO_LAVORO_2019.csv
		[ "$status" -eq 0 ]
		[ "${lines[1]}" = "2019,C4308,C,,RALN,,,,,,L090,1" ]
	done
	run --separate-stderr wf-ingest -d x COSTO_LAVORO_2019.csv
	[ "$status" -eq 2 ]
	[ "${stderr_lines[0]}" = "wf-ingest: invalid delimiter 'x' (';', ',', '|' or tab)" ]
	[ "${stderr_lines[1]}" = "Try 'wf-ingest --help' for more information." ]
}

@test "-v names the input's dialect: NDJSON and gzip; an encoding given" {
	wf-ingest -q -f ndjson "$I/COSTO_LAVORO_2019.csv" | gzip -c > f.ndjson.gz
	run --separate-stderr wf-ingest -v f.ndjson.gz
	[ "$status" -eq 0 ]
	[ "${stderr_lines[0]}" = "wf-ingest: f.ndjson.gz: ndjson, gzip" ]
	cp "$I/COSTO_LAVORO_2019.csv" .
	run --separate-stderr wf-ingest -v --encoding cp1252 COSTO_LAVORO_2019.csv
	[ "$status" -eq 0 ]
	[ "${stderr_lines[1]}" = "wf-ingest: COSTO_LAVORO_2019.csv: csv, delimiter ';' (from header), encoding cp1252 (given)" ]
}
