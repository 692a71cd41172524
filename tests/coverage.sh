#!/bin/sh
# Line and branch coverage of lib/ from a --coverage build that has run
# the tests (make coverage). gcov only, no other tool: one line per
# source file, then the total.
#
# Usage: tests/coverage.sh [BUILD_DIR [FILE...]]
#   With FILEs (lib/x/y.c), also list each one's lines never run and
#   branches never taken ("lib/x/y.c:LINE: line" / "branch N of M").
#
# Code that cannot run is marked in the source with lcov's markers, each
# followed by a colon and the reason (lcov and gcovr read them the same):
#   LCOV_EXCL_LINE     the line and its branches
#   LCOV_EXCL_BR_LINE  the line's branches only
#   LCOV_EXCL_START ... LCOV_EXCL_STOP   every line and branch between
# Excluded lines and branches leave both sides of the percentages and are
# counted apart ("excl": lines/branches marked and not run); a marked
# line that ran, or a marker without a reason, is reported (the marker
# is wrong) and the script exits 1.
set -eu
B=${1:-build-cov}
[ $# -gt 0 ] && shift
LIST=" $* "
status=0
tab=$(printf '\t')
for src in lib/*/*.c; do
	obj=$B/lib/${src#lib/}
	obj=${obj%.c}
	[ -f "$obj.gcda" ] || { echo "$src - - (never run)"; continue; }
	case $LIST in *" $src "*) list=1 ;; *) list=0 ;; esac
	# -t: the annotated source on stdout; -c: branch counts, not percentages
	gcov -b -c -t -o "$(dirname "$obj")" "$src" 2>/dev/null | awk -v f="$src" -v list=$list '
		/^ *-: *0:Source:/ { cur = $0; sub(/^ *-: *0:Source:/, "", cur); next }
		cur != f { next }
		/^ *[-#=0-9]+\*?: *[0-9]+:/ {
			split($0, a, ":"); cnt = a[1]; gsub(/[ *]/, "", cnt)
			ln = a[2] + 0; text = substr($0, index($0, ":") + 1); text = substr(text, index(text, ":") + 1)
			lx = inblock; bx = inblock
			if (text ~ /LCOV_EXCL_START/) { inblock = 1; lx = 1; bx = 1; why = text }
			if (text ~ /LCOV_EXCL_STOP/) inblock = 0
			if (text ~ /LCOV_EXCL_LINE/) { lx = 1; bx = 1; why = text }
			if (text ~ /LCOV_EXCL_BR_LINE/) { bx = 1; why = text }
			if ((text ~ /LCOV_EXCL_(LINE|BR_LINE|START)/) && text !~ /LCOV_EXCL_(LINE|BR_LINE|START): *[^ *]/)
				printf "ERROR %s:%d: exclusion marker without a reason\n", f, ln
			if (cnt == "-") next
			run = (cnt != "#####" && cnt != "=====")
			if (lx) { if (run) printf "ERROR %s:%d: marked unreachable but ran\n", f, ln; else XL++; next }
			L++; if (run) LH++; else if (list) printf "  %s:%d: line never run\n", f, ln
			next
		}
		/^branch +[0-9]+ / {
			nb++
			if (bx) { if ($3 != "taken" || $4 == 0) XB++; next }
			R++
			if ($3 == "taken" && $4 > 0) RH++
			else if (list) printf "  %s:%d: branch %d %s\n", f, ln, $2, ($3 == "never" ? "never executed" : "never taken")
			next
		}
		END { printf "%s %d %d %d %d %d %d\n", f, L, LH, R, RH, XL, XB }'
done | awk '
	BEGIN { printf "%-34s %14s %16s %11s\n", "file", "lines", "branches", "excl l/b" }
	/^ERROR / { sub(/^ERROR /, ""); err[++ne] = $0; next }
	/^  / { detail[++nd] = $0; next }
	NF == 7 { printf "%-34s %6.1f%% of %4d %6.1f%% of %5d %5d/%-5d\n", $1, $2 ? 100 * $3 / $2 : 100, $2, $4 ? 100 * $5 / $4 : 100, $4, $6, $7
		L += $2; LH += $3; R += $4; RH += $5; XL += $6; XB += $7
		w = $1; sub(/\/[^\/]*$/, "", w); WL[w] += $2; WLH[w] += $3; WR[w] += $4; WRH[w] += $5; WXL[w] += $6; WXB[w] += $7
		next }
	{ print }
	END { nw = split("lib/common lib/conto lib/bench lib/match lib/report", wing, " ")
		for (i = 1; i <= nw; i++) if (wing[i] in WL)
			printf "%-34s %6.1f%% of %4d %6.1f%% of %5d %5d/%-5d\n", wing[i] " (wing)", WL[wing[i]] ? 100 * WLH[wing[i]] / WL[wing[i]] : 100, WL[wing[i]], WR[wing[i]] ? 100 * WRH[wing[i]] / WR[wing[i]] : 100, WR[wing[i]], WXL[wing[i]], WXB[wing[i]]
		printf "%-34s %6.1f%% of %4d %6.1f%% of %5d %5d/%-5d\n", "lib/ total", 100 * LH / L, L, 100 * RH / R, R, XL, XB
		printf "target 97%% lines / 90%% branches: %s (lines %.1f%%, branches %.1f%%)\n", (100 * LH / L >= 97 && 100 * RH / R >= 90) ? "met" : "missed", 100 * LH / L, 100 * RH / R
		for (i = 1; i <= nd; i++) print detail[i]
		for (i = 1; i <= ne; i++) print "coverage.sh: " err[i] > "/dev/stderr"
		exit ne > 0 }' || status=1
exit $status
