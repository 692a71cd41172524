#!/bin/sh
# Demo step for wf-match: a SYNTHETIC demand and supply set for the Piedmont
# territories of the source report (Asti, Novara, Vercelli, Ivrea, the Langhe
# around Cortemilia), the best offers per need, an exact assignment, the
# unmet needs, and a match report when wf-report is built.
# Usage: sh tests/demo-match.sh [BUILD_DIR]   (called by tests/demo.sh)
set -eu
BUILD=${1:-build}
BIN=$BUILD/bin
OUT=$BUILD/demo/match
mkdir -p "$OUT"

echo "== wf-match: synthetic welfare demand and supply in Piedmont (made-up rows, real comuni) =="
"$BIN/wf-synth-match" "$OUT/demand.synthetic.csv" "$OUT/supply.synthetic.csv"
echo "-- the 3 best offers for the first needs (--top 3):"
"$BIN/wf-match" --top 3 "$OUT/demand.synthetic.csv" "$OUT/supply.synthetic.csv" 2>/dev/null |
	cut -d, -f1-5,12,13 | head -8
echo "-- exact assignment within capacity (--assign):"
"$BIN/wf-match" --assign --unmet "$OUT/unmet.csv" -o "$OUT/match.csv" \
	"$OUT/demand.synthetic.csv" "$OUT/supply.synthetic.csv"
echo "-- unmet needs and why ($OUT/unmet.csv):"
cat "$OUT/unmet.csv"
if [ -x "$BIN/wf-report" ]; then
	"$BIN/wf-report" --kind match -f html --title "Synthetic Piedmont welfare match" \
		-o "$OUT/match.html" "$OUT/match.csv"
	echo "-- report: $OUT/match.html"
fi
echo "-- all files in $OUT"
