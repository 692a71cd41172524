#!/bin/sh
# monthly.sh - the monthly wfkit run, safe for cron.
#
# Ingests the Conto Annuale archives, benchmarks them against last
# month's output (--baseline, --change-threshold) and draws the HTML
# report. Every step writes into a private staging folder with -o and
# the steps are chained with &&: if any of them fails (a truncated zip,
# a bad row, a full disk, a baseline made another way), the script exits
# non-zero and the previous month's outputs stay exactly as they were.
# Only when every step has succeeded are the new files renamed into
# place, each atomically.
#
# Usage: monthly.sh [DIR]        (DIR: where the archives and outputs are;
#                                 default the current directory)
#
# Settings, from the environment (defaults in brackets):
#   WF_INPUTS     the archives, a shell pattern relative to DIR [20*Tutto.zip]
#   WF_CODES      --codes for wf-ingest (a {YYYY}Anagrafiche zip or folder) [none]
#   WF_PLACES     --places for wf-ingest (a comuni list) [none]
#   WF_METRIC     --metric [welfare_core]
#   WF_PER        --per [HEADCOUNT]
#   WF_PEERS      --peers [institution_type,region]
#   WF_THRESHOLD  --change-threshold, in percent [10]
#   WF_TITLE      the report's title [Welfare spending per employee]
#   WF_BIN        folder of the wfkit binaries [found on PATH]
#
# Outputs in DIR: facts.csv (the fact stream), benchmark.csv (also next
# month's baseline), changed.csv (the rows flagged 'changed'), report.html.
# Crontab line, on the 1st of every month at 06:00:
#   0 6 1 * *  /usr/local/share/wfkit/examples/monthly.sh /srv/welfare
set -eu

dir=${1:-.}
cd "$dir"
bin=${WF_BIN:+$WF_BIN/}
metric=${WF_METRIC:-welfare_core}
per=${WF_PER:-HEADCOUNT}
peers=${WF_PEERS:-institution_type,region}
threshold=${WF_THRESHOLD:-10}
title=${WF_TITLE:-Welfare spending per employee}

# The archives: a pattern that matches nothing is an error, not an empty run.
# shellcheck disable=SC2086 # the pattern is globbed on purpose
set -- ${WF_INPUTS:-20*Tutto.zip}
for f in "$@"; do
	[ -e "$f" ] || { echo "monthly.sh: no input matches '$f' in $(pwd)" >&2; exit 1; }
done

stage=$(mktemp -d ./.monthly.XXXXXX)
trap 'rm -rf "$stage"' EXIT HUP INT TERM

ingest_opts=
[ -n "${WF_CODES:-}" ] && ingest_opts="--codes $WF_CODES"
[ -n "${WF_PLACES:-}" ] && ingest_opts="$ingest_opts --places $WF_PLACES"
# Last month's benchmark is the baseline; the first run has none.
baseline_opts=
[ -f benchmark.csv ] && baseline_opts="--baseline benchmark.csv --change-threshold $threshold"

# shellcheck disable=SC2086 # the option strings are split on purpose
# (set -e does not stop inside an && list: the if does.)
# --quiet: a good month prints one line, so cron mails little but errors.
if ! { "${bin}wf-ingest" --quiet $ingest_opts "$@" -o "$stage/facts.csv" &&
	"${bin}wf-benchmark" --quiet --metric "$metric" --per "$per" --peers "$peers" \
		$baseline_opts "$stage/facts.csv" -o "$stage/benchmark.csv" &&
	"${bin}wf-report" -f csv --where 'flags~changed' "$stage/benchmark.csv" \
		-o "$stage/changed.csv" &&
	"${bin}wf-report" -f html --kind benchmark --unit EUR --title "$title" \
		"$stage/benchmark.csv" -o "$stage/report.html"; }; then
	echo "monthly.sh: a step failed; the previous outputs in $(pwd) are unchanged" >&2
	exit 1
fi

# Every step succeeded: now, and only now, replace last month's files.
for f in facts.csv benchmark.csv changed.csv report.html; do
	mv -f "$stage/$f" "$f"
done
changed=$(($(wc -l < changed.csv) - 1))
echo "monthly.sh: report.html written; $changed row(s) flagged 'changed' (see changed.csv)" >&2
