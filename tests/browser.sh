#!/bin/sh
# make test-browser: open every demo page (BUILD/demo/{it,en}/*.html,
# written by tests/demo.sh) and an empty report in headless Chromium,
# save a screenshot of each, and fail unless every page rendered: a PNG
# that is not blank (tests/png_check.py) and no console message (a script
# error or a Content-Security-Policy refusal would show there).
# Installs chromium with apt-get when it is missing (as root, or through
# sudo -n). Usage: tests/browser.sh [BUILD_DIR] [OUT_DIR]
# Writes OUT_DIR/{it,en}-PAGE.png and .log.
set -eu
build=${1:-build}
outdir=${2:-$build/browser}
here=$(cd "$(dirname "$0")" && pwd)
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

# The pages of this build's binaries, always written afresh.
sh "$here/demo.sh" "$build" >/dev/null
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
printf 'year,group,metric_total\n' | "$rep" -f html --kind trend --lang it -o "$build/demo/it/empty.html"
printf 'year,group,metric_total\n' | "$rep" -f html --kind trend --lang en -o "$build/demo/en/empty.html"

status=0 n=0
for lang in it en; do
	for page in "$build"/demo/$lang/*.html; do
		name=$lang-$(basename "$page" .html)
		abs=$(cd "$(dirname "$page")" && pwd)/$(basename "$page")
		profile=$(mktemp -d)
		n=$((n + 1))
		# Each flag keeps the run offline and quiet: no sync, no updates,
		# no QUIC probes, a throw-away profile; console messages go to
		# the log, which must hold none.
		if timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
			--no-first-run --disable-background-networking --disable-component-update \
			--disable-sync --user-data-dir="$profile" --enable-logging=stderr --v=0 \
			--screenshot="$outdir/$name.png" --window-size=1200,1800 \
			"file://$abs" >"$outdir/$name.log" 2>&1 &&
			[ -s "$outdir/$name.png" ]; then
			if grep -q 'CONSOLE\|Refused to' "$outdir/$name.log"; then
				echo "browser: console messages on $page:" >&2
				grep 'CONSOLE\|Refused to' "$outdir/$name.log" | head -5 >&2
				status=1
			elif ! python3 "$here/png_check.py" "$outdir/$name.png"; then
				status=1
			else
				echo "browser: $outdir/$name.png"
			fi
		else
			echo "browser: no screenshot of $page (see $outdir/$name.log)" >&2
			status=1
		fi
		rm -rf "$profile"
	done
done
[ "$n" -ge 10 ] || { echo "browser: only $n pages in $build/demo" >&2; status=1; }
exit $status
