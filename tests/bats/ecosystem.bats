#!/usr/bin/env bats
# Fitting the ecosystem: other tools read our output; completions work;
# every man page has the sections users look for.

load common

setup() {
	cd "$BATS_TEST_TMPDIR"
	I="$FIX/ingest"
}

@test "the canonical CSV loads into sqlite3 with the right row count" {
	wf-ingest "$I/COSTO_LAVORO_2019.csv" "$I/OCCUPAZIONE_2020.csv" -o facts.csv 2>/dev/null
	run sqlite3 :memory: ".import --csv facts.csv facts" "SELECT count(*), sum(value) FROM facts WHERE measure='L090';"
	[ "$status" -eq 0 ]
	[ "$output" = "3|251234.56" ]
	run sqlite3 :memory: ".import --csv facts.csv facts" "SELECT count(*) FROM facts;"
	[ "$output" = "10" ]
}

@test "NDJSON output is accepted by jq, one object per record" {
	wf-ingest -f ndjson "$I/COSTO_LAVORO_2019.csv" "$I/LAVORO_FLESSIBILE_2013.csv" > facts.ndjson 2>/dev/null
	run jq -s -c '[length, (map(select(.measure=="FLEX_UNITS") | .value) | add)]' facts.ndjson
	[ "$status" -eq 0 ]
	[ "$output" = "[10,27.83]" ]
}

complete_words() { # BINARY WORDS...: candidates bash completion offers for the last word
	bash -c '
		source /usr/share/bash-completion/bash_completion
		source "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		f=_wf_${COMP_WORDS[0]#wf-}
		${f//-/_} "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}"' _ "$@"
}

@test "bash completion: wf-ingest options, option values and file names" {
	[ -f /usr/share/bash-completion/bash_completion ] || skip "bash-completion not installed"
	run complete_words "$REPO/completions/wf-ingest.bash" wf-ingest --dec
	[ "$output" = "--decimal
--decimal-comma" ]
	run complete_words "$REPO/completions/wf-ingest.bash" wf-ingest --encoding c
	[ "$output" = "cp1252" ]
	run complete_words "$REPO/completions/wf-ingest.bash" wf-ingest -f ""
	[ "$output" = "csv
ndjson" ]
	touch COSTO_LAVORO_2019.csv notes.txt 2019Tutto.zip
	run complete_words "$REPO/completions/wf-ingest.bash" wf-ingest ""
	[ "$(echo "$output" | sort | tr '\n' ' ')" = "2019Tutto.zip COSTO_LAVORO_2019.csv " ]
}

@test "every man page has SYNOPSIS, OPTIONS, EXIT STATUS, ENVIRONMENT, FILES, EXAMPLES" {
	for m in "$REPO"/share/man/man1/*.1; do
		for s in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
			grep -q "^\.SH \"\?$s" "$m" || { echo "$m lacks $s"; return 1; }
		done
		man -l "$m" >/dev/null 2>err || true
		[ ! -s err ] || { cat err; return 1; }
	done
}

@test "wf-ingest --help lists every option of its man page and completions" {
	run wf-ingest --help
	for o in $(grep -o '^\.BR \\-\\-[a-z-]*' "$REPO/share/man/man1/wf-ingest.1" | sed 's/.*\\-\\-/--/'); do
		[[ "$output" == *"$o"* ]] || { echo "--help lacks $o"; return 1; }
		grep -q -- "$o" "$REPO/completions/wf-ingest.bash" || { echo "bash completion lacks $o"; return 1; }
		grep -q -- "$o" "$REPO/completions/_wf-ingest" || { echo "zsh completion lacks $o"; return 1; }
	done
}

@test "--progress shows rows and rate on stderr; never by default in a pipe" {
	{ echo 'ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA'
	  seq 1 300000 | awk '{print "C" $1 ";RALN;L090;1"}'; } > rows.csv
	run --separate-stderr bash -c "{ head -c 4000000 rows.csv; sleep 1; tail -c +4000001 rows.csv; } | '$WF_BUILD/bin/wf-ingest' --progress --year 2019 > /dev/null"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"wf-ingest: (stdin): "*" MB, "*" rows, "*" MB/s"* ]]
	run --separate-stderr bash -c "{ head -c 4000000 rows.csv; sleep 1; tail -c +4000001 rows.csv; } | '$WF_BUILD/bin/wf-ingest' --year 2019 > /dev/null"
	[[ "$stderr" != *"MB/s"* ]]
}

# Every installed binary, the SYNTHETIC generators too (make install ships them).
help_long_options() { # BINARY: the long options its --help lists, sorted, one line
	"$WF_BUILD/bin/$1" --help | grep -oE -- '^ +(-[a-zA-Z], )?--[a-z][a-z-]*' | grep -o -- '--[a-z-]*' | sort -u | tr '\n' ' '
}

@test "bash completion of every binary offers exactly the long options of its --help" {
	[ -f /usr/share/bash-completion/bash_completion ] || skip "bash-completion not installed"
	for c in "$REPO"/cmd/wf-*.c "$REPO"/tests/gen/wf-synth.c "$REPO"/tests/gen/wf-synth-match.c; do
		b=$(basename "$c" .c)
		want=$(help_long_options "$b")
		got=$(complete_words "$REPO/completions/$b.bash" "$b" -- | sort -u | tr '\n' ' ')
		[ "$got" = "$want" ] || { echo "$b: completion '$got' vs --help '$want'"; return 1; }
	done
}

@test "zsh completion of every binary names exactly the long options of its --help" {
	for c in "$REPO"/cmd/wf-*.c "$REPO"/tests/gen/wf-synth.c "$REPO"/tests/gen/wf-synth-match.c; do
		b=$(basename "$c" .c)
		want=$(help_long_options "$b")
		got=$(grep -v '^#' "$REPO/completions/_$b" | grep -oE -- '--[a-z][a-z-]*' | sort -u | tr '\n' ' ')
		[ "$got" = "$want" ] || { echo "$b: zsh completion '$got' vs --help '$want'"; return 1; }
	done
}

@test "the man page of every binary describes each long option of its --help" {
	for c in "$REPO"/cmd/wf-*.c "$REPO"/tests/gen/wf-synth.c "$REPO"/tests/gen/wf-synth-match.c; do
		b=$(basename "$c" .c)
		man=$(sed 's/\\-/-/g; s/\\f[BIRP]//g' "$REPO/share/man/man1/$b.1")
		for o in $(help_long_options "$b"); do
			grep -qE -- "$o([^a-z-]|$)" <<<"$man" || { echo "$b.1 lacks $o"; return 1; }
		done
	done
}
