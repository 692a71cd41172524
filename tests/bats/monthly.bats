#!/usr/bin/env bats
# share/wfkit/examples/monthly.sh, the cron example: a good month, then a
# month with a truncated archive must fail and leave every previous
# output byte for byte as it was. And the SYNTHETIC mark of wf-synth's
# archives, carried through ingest, benchmark and report.

load common

setup() {
	cd "$BATS_TEST_TMPDIR"
	MONTHLY="$REPO/share/wfkit/examples/monthly.sh"
	wf-synth --demo -o w > /dev/null 2>&1
	export WF_BIN="$WF_BUILD/bin" WF_INPUTS='*.zip' WF_CODES=SYNTHETIC_Anagrafiche \
		WF_PEERS=institution_type WF_THRESHOLD=10
}

outputs="facts.csv benchmark.csv changed.csv report.html"

@test "monthly.sh: a good month writes every output; the next uses it as baseline" {
	run --separate-stderr sh "$MONTHLY" w
	[ "$status" -eq 0 ]
	for f in $outputs; do [ -s "w/$f" ]; done
	[ "${stderr_lines[-1]}" = "monthly.sh: report.html written; 0 row(s) flagged 'changed' (see changed.csv)" ]
	[ -z "$(find w -name '.monthly.*')" ]
	# the second month compares with the first: the baseline columns appear
	run --separate-stderr sh "$MONTHLY" w
	[ "$status" -eq 0 ]
	head -1 w/benchmark.csv | grep -q ',since_baseline_pct,'
	grep -q 'SYNTHETIC' w/report.html
}

@test "monthly.sh: a truncated zip fails the run and leaves every previous output byte-identical" {
	run sh "$MONTHLY" w
	[ "$status" -eq 0 ]
	mkdir before
	for f in $outputs; do cp -p "w/$f" before/; done
	# next month's download is cut short
	head -c 3000 w/2019Tutto.zip > w/cut.zip && mv w/cut.zip w/2019Tutto.zip
	run --separate-stderr sh "$MONTHLY" w
	[ "$status" -ne 0 ]
	[[ "$stderr" == *"not a readable zip archive"* ]]
	[[ "$stderr" == *"monthly.sh: a step failed; the previous outputs in "*" are unchanged" ]]
	for f in $outputs; do cmp "before/$f" "w/$f"; done
	[ -z "$(find w -name '.monthly.*')" ]
}

@test "monthly.sh: a baseline made another way stops the run too" {
	run sh "$MONTHLY" w
	[ "$status" -eq 0 ]
	cp w/benchmark.csv before.csv
	WF_PER=HEADCOUNT+FLEX_UNITS run --separate-stderr sh "$MONTHLY" w
	[ "$status" -ne 0 ]
	[[ "$stderr" == *"the baseline was made with another definition: per HEADCOUNT there, HEADCOUNT+FLEX_UNITS here"* ]]
	cmp before.csv w/benchmark.csv
}

@test "monthly.sh is installed with the examples" {
	run make -s -C "$REPO" BUILD="$(realpath --relative-to="$REPO" "$WF_BUILD")" install DESTDIR="$BATS_TEST_TMPDIR/root" PREFIX=/opt/wfkit BASHCOMPDIR=/opt/wfkit/share/bash-completion/completions
	[ "$status" -eq 0 ]
	[ -x "$BATS_TEST_TMPDIR/root/opt/wfkit/share/wfkit/examples/monthly.sh" ]
	grep -q 'share/wfkit/examples/monthly.sh' "$REPO/README.md"
	grep -q 'monthly.sh' "$REPO/share/man/man7/wfkit.7"
}

@test "SYNTHETIC: wf-synth's archives are marked, and ingest, benchmark and every report carry the mark" {
	cd w
	wf-ingest --codes SYNTHETIC_Anagrafiche *.zip -o facts.csv 2>/dev/null
	[ "$(head -1 facts.csv)" = "year,institution,institution_type,institution_name,contract,aggregate,comparto,region,province,comune,measure,value,provenance" ]
	[ "$(tail -n +2 facts.csv | grep -vc ',data=SYNTHETIC$')" -eq 0 ]
	# re-ingesting the stream keeps the mark
	[ "$(wf-ingest facts.csv 2>/dev/null | sed -n 2p)" = "$(sed -n 2p facts.csv)" ]
	wf-benchmark -m L090 --per HEADCOUNT --peers institution_type --min-peers 3 facts.csv -o b.csv
	[ "$(tail -n +2 b.csv | grep -vc ';data=SYNTHETIC$')" -eq 0 ]
	wf-benchmark -m L090 --per HEADCOUNT --summary --by aggregate facts.csv -o s.csv
	for k in table benchmark; do
		[ "$(wf-report -f json --kind $k b.csv | jq -r .title)" = "SYNTHETIC: $( [ $k = table ] && echo Table || echo Benchmark)" ]
	done
	[ "$(wf-report -f json --kind trend s.csv | jq -r .title)" = "SYNTHETIC: Trend" ]
	wf-report -f html --kind trend --title 'L090 by aggregate' s.csv | grep -q '<title>SYNTHETIC: L090 by aggregate</title>'
	# real-shaped data without the mark keeps its 12 columns
	[ "$(wf-ingest "$FIX/ingest/COSTO_LAVORO_2019.csv" 2>/dev/null | head -1 | tr ',' '\n' | wc -l)" -eq 12 ]
}
