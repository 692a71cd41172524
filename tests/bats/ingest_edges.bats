#!/usr/bin/env bats
# wf-ingest: inputs that break off or hold bad rows on paths the main
# suite does not reach (a file refused whole, our own fact stream).
# SYNTHETIC rows in the shape of tests/fixtures/ingest.

load common

setup() {
	cd "$BATS_TEST_TMPDIR"
	I="$FIX/ingest"
}

@test "a file refused whole (no year) that breaks off says why, not only how many rows it rejected" {
	{ cat "$I/COSTO_LAVORO.csv"; for i in $(seq 1 2000); do echo "C$i;RALN;L090;1,00"; done; } | gzip -c > full.gz
	head -c 2000 full.gz > COSTO_LAVORO.csv.gz
	run --separate-stderr wf-ingest --rejects rej.csv COSTO_LAVORO.csv.gz
	[ "$status" -eq 1 ]
	[ "${stderr_lines[0]}" = "wf-ingest: COSTO_LAVORO.csv.gz: truncated gzip data (stream ends early)" ]
	[[ "${stderr_lines[1]}" == "wf-ingest: COSTO_LAVORO.csv.gz: COSTO_LAVORO, year unknown: "*" rows read, "*" rejected, 0 records written, 0 blank lines skipped" ]]
	[ "$(sed -n 2p rej.csv)" = "COSTO_LAVORO.csv.gz,1,cannot tell the year (no _YYYY in the file name); use --year,ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA" ]
}

@test "our own fact stream: a malformed row is rejected with its line, the rest passes" {
	wf-ingest "$I/COSTO_LAVORO_2019.csv" > facts.csv 2>/dev/null
	printf '2019,"C1\n' >> facts.csv
	run --separate-stderr wf-ingest --rejects rej.csv facts.csv
	[ "$status" -eq 1 ]
	[ "$(echo "$output" | wc -l)" -eq 7 ]
	[ "$stderr" = "wf-ingest: facts.csv: canonical fact stream: 7 rows read, 1 rejected, 6 records written, 0 blank lines skipped" ]
	[ "$(sed -n 2p rej.csv)" = 'facts.csv,8,unterminated quoted field,"2019,""C1"' ]
	# and when it breaks off: the reason, exit 1
	wf-ingest "$I/COSTO_LAVORO_2019.csv" 2>/dev/null | gzip -c | head -c 100 > cut.csv.gz
	run --separate-stderr wf-ingest cut.csv.gz
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: cut.csv.gz: truncated gzip data (stream ends early)" ]
}

@test "two files of one year and one size but other bytes are both read (not 'given twice')" {
	mkdir a b
	cp "$I/COSTO_LAVORO_2019.csv" a/
	sed 's/C4308/C4309/; s/R9813/R9814/; s/C6144/C6145/' "$I/COSTO_LAVORO_2019.csv" > b/COSTO_LAVORO_2019.csv
	[ "$(wc -c < a/COSTO_LAVORO_2019.csv)" -eq "$(wc -c < b/COSTO_LAVORO_2019.csv)" ]
	run --separate-stderr wf-ingest a/COSTO_LAVORO_2019.csv b/COSTO_LAVORO_2019.csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | wc -l)" -eq 13 ]
	[ "${stderr_lines[1]}" = "wf-ingest: b/COSTO_LAVORO_2019.csv: COSTO_LAVORO 2019: 6 rows read, 0 rejected, 6 records written, 0 blank lines skipped" ]
}
