#!/bin/sh
# Open wf-report HTML pages in headless Chromium and take screenshots,
# proving that the pages render in a real browser (nothing fetched, no
# scripts). Installs chromium with apt-get when it is missing (as root,
# or through sudo -n). Usage: tests/browser.sh [BUILD_DIR] [OUT_DIR]
# Writes OUT_DIR/report-{trend,benchmark,card,match,empty}.{html,png}.
set -eu
build=${1:-build}
outdir=${2:-$build/browser}
here=$(cd "$(dirname "$0")" && pwd)
fx=$here/bats/fixtures/report
rep=$build/bin/wf-report

browser=""
for b in chromium chromium-browser google-chrome; do
	if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ]; then
	echo "browser.sh: installing chromium" >&2
	if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO=sudo; else
		echo "browser.sh: chromium missing; run as root or: sudo apt-get install -y chromium" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq >/dev/null 2>&1 || true
	$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
	browser=chromium
fi

mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
"$rep" -f html --kind trend --unit EUR --title 'L090 spending, 2001-2019 (synthetic data)' \
	--label '04=Regions and local authorities (aggregate 04)' --label C=Comuni \
	-o "$outdir/report-trend.html" "$fx/summary-aggregate.synthetic.csv" "$fx/summary-type.synthetic.csv"
"$rep" -f html --kind benchmark --unit EUR --title 'Benchmark (synthetic data)' \
	-o "$outdir/report-benchmark.html" "$fx/bench.synthetic.csv"
"$rep" -f html --kind benchmark --unit EUR --institution C4308 --title 'C4308 against its peers (synthetic data)' \
	-o "$outdir/report-card.html" "$fx/bench.synthetic.csv"
"$rep" -f html --kind match --title 'Matching (synthetic data)' \
	-o "$outdir/report-match.html" "$fx/match.synthetic.csv"
printf 'year,group,metric_total\n' | "$rep" -f html --kind trend -o "$outdir/report-empty.html"

status=0
for page in trend benchmark card match empty; do
	profile=$(mktemp -d)
	# Each flag keeps the run offline and quiet: no sync, no updates,
	# no QUIC probes, a throw-away profile.
	if timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking --disable-component-update \
		--disable-sync --user-data-dir="$profile" \
		--screenshot="$outdir/report-$page.png" --window-size=1200,1600 \
		"file://$outdir/report-$page.html" >"$outdir/report-$page.log" 2>&1 &&
		[ -s "$outdir/report-$page.png" ]; then
		echo "browser: $outdir/report-$page.png"
	else
		echo "browser: no screenshot of report-$page.html (see $outdir/report-$page.log)" >&2
		status=1
	fi
	rm -rf "$profile"
done
exit $status
