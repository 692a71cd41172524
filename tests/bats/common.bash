# Shared set-up for the bats CLI tests. Binaries come from $WF_BUILD
# (the Makefile passes the build directory; default ./build); WF_WRAP
# (e.g. valgrind) prefixes every wfkit command when set.
bats_require_minimum_version 1.5.0

REPO="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
: "${WF_BUILD:=$REPO/build}"
export WF_BUILD
SHARED="$REPO/../shared"
FIX="$REPO/tests/fixtures"
CODES="$SHARED/data/conto-annuale-2024"
PLACES="$SHARED/data/comuni/comuni_geocoded.csv"

for _b in wf-ingest wf-benchmark wf-match wf-report wf-synth wf-synth-match; do
	eval "$_b() { \$WF_WRAP \"\$WF_BUILD/bin/$_b\" \"\$@\"; }"
done

need_shared() {
	[ -d "$CODES" ] || skip "../shared reference data not present"
}

# Compare a file with expected text given on stdin, showing a diff.
assert_file() {
	diff -u - "$1"
}
