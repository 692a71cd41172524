#!/bin/sh
# Line and branch coverage of lib/ from a --coverage build that has run
# the tests (make coverage). gcov only, no other tool: one line per
# source file, then the total. Usage: tests/coverage.sh BUILD_DIR
set -eu
B=${1:-build-cov}
for src in lib/*/*.c; do
	obj=$B/lib/${src#lib/}
	obj=${obj%.c}
	[ -f "$obj.gcda" ] || { echo "$src - - (never run)"; continue; }
	gcov -b -n -o "$(dirname "$obj")" "$src" 2>/dev/null | awk -v f="$src" '
		/^File / { cur = $2; gsub(/\047/, "", cur) }
		cur == f && /^Lines executed:/ { split($2, a, ":"); lp = a[2]; ln = $4 }
		cur == f && /^Taken at least once:/ { split($4, b, ":"); bp = b[2]; bn = $6 }
		cur == f && /^No branches/ { bp = "100.00%"; bn = 0 }
		END { sub(/%/, "", lp); sub(/%/, "", bp); printf "%s %d %d %d %d\n", f, ln, lp * ln / 100 + 0.5, bn, bp * bn / 100 + 0.5 }'
done | awk '
	BEGIN { printf "%-34s %14s %16s\n", "file", "lines", "branches" }
	NF == 5 { printf "%-34s %6.1f%% of %4d %6.1f%% of %5d\n", $1, $2 ? 100 * $3 / $2 : 100, $2, $4 ? 100 * $5 / $4 : 100, $4
		L += $2; LH += $3; R += $4; RH += $5; next }
	{ print }
	END { printf "%-34s %6.1f%% of %4d %6.1f%% of %5d\n", "lib/ total", 100 * LH / L, L, 100 * RH / R, R }'
