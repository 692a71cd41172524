#!/bin/sh
# make bench: time wfkit against the tools analysts use, on the same data, in one run.
#
#   sh tests/bench/run.sh [BUILD]      (BUILD defaults to build)
#   QUICK=1   small data, one repetition: a smoke run of the harness (about a minute)
#   REPS=N    repetitions per measurement (default 3; the median is reported)
#
# Data (SYNTHETIC, made by the project's generators) is cached in BUILD/bench/data
# (BUILD/bench/data-quick with QUICK=1); delete the folder to regenerate it.
# Every measurement is a whole process (or pipeline) writing to /dev/null (DuckDB
# COPY ... TO /dev/stdout): wall time from date(1) in
# nanoseconds, peak resident memory from GNU time's %M (the largest process of a
# pipeline). A tool that is not installed is skipped; `make bench-deps` installs them.
# A measurement whose first run takes more than SLOW seconds (default 20) is not
# repeated. Output: a table on stdout, BUILD/bench/results.csv (this run) and
# BUILD/bench/results-history.csv (every run, with the commit).
set -eu

BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
BIN=$BUILD/bin
QUICK=${QUICK:-0}
SLOW=${SLOW:-20}
if [ "$QUICK" = 1 ]; then REPS=${REPS:-1}; D=$BUILD/bench/data-quick; else REPS=${REPS:-3}; D=$BUILD/bench/data; fi
B=$BUILD/bench
T=$B/tmp
mkdir -p "$D" "$T"
RAW=$T/raw.csv
: >"$RAW"
SHARED_CODES=$ROOT/../shared/data/conto-annuale-2024
CODES=""
[ -d "$SHARED_CODES" ] && CODES="--codes $SHARED_CODES"
NODE_PATH_DIR=$B/node_modules

have() { command -v "$1" >/dev/null 2>&1; }
log() { printf '%s\n' "bench: $*" >&2; }
[ -x /usr/bin/time ] || { log "GNU time (/usr/bin/time) is missing: run make bench-deps"; exit 1; }
HAVE_DUCKDB=0
if have node && [ -d "$NODE_PATH_DIR/@duckdb/node-api" ]; then
	HAVE_DUCKDB=1
	cp tests/bench/duckdb.mjs "$B/duckdb.mjs" # node resolves packages next to the script
fi

# ---------------------------------------------------------------- data (cached)
if [ "$QUICK" = 1 ]; then YEARS=2022-2024; CL_SCALE=1; BIG_SCALE=0; else YEARS=2001-2024; CL_SCALE=8; BIG_SCALE=1.5; fi

gen_dir() { # DIR ARGS...: wf-synth into DIR unless it is there
	dir=$1; shift
	[ -f "$dir/SYNTHETIC-README.txt" ] && return 0
	log "generating $dir (wf-synth $*)"
	rm -rf "$dir.tmp"
	# shellcheck disable=SC2086
	"$BIN/wf-synth" $CODES "$@" -o "$dir.tmp" && mv "$dir.tmp" "$dir"
}
gen_facts() { # OUT DIR: canonical stream of every data file in DIR
	[ -f "$1" ] && return 0
	log "generating $1 (wf-ingest)"
	# shellcheck disable=SC2086
	# The three cost and staff tables only, so the figures compare with
	# runs from before wf-synth wrote the staff-wellbeing tables too.
	"$BIN/wf-ingest" --no-progress $CODES "$2"/COSTO_LAVORO_2[0-9][0-9][0-9].[Cc][Ss][Vv] \
		"$2"/OCCUPAZIONE_2[0-9][0-9][0-9].[Cc][Ss][Vv] "$2"/LAVORO_FLESSIBILE_2[0-9][0-9][0-9].[Cc][Ss][Vv] \
		-o "$1.tmp" 2>/dev/null && mv "$1.tmp" "$1"
}

gen_dir "$D/hist" --years "$YEARS"
gen_facts "$D/facts-hist.csv" "$D/hist"
gen_dir "$D/cl" --year 2024 --scale "$CL_SCALE"
CL=$D/cl/COSTO_LAVORO_2024.csv
[ -f "$CL.gz" ] || { log "generating $CL.gz"; gzip -c "$CL" >"$CL.gz.tmp" && mv "$CL.gz.tmp" "$CL.gz"; }
if [ "$BIG_SCALE" != 0 ]; then
	gen_dir "$D/big" --years 2001-2024 --scale "$BIG_SCALE"
	gen_facts "$D/facts-big.csv" "$D/big"
	BIG=$D/facts-big.csv
else
	BIG=$D/facts-hist.csv
fi
PLACES=$ROOT/../shared/data/comuni/comuni_geocoded.csv
gen_match() { # DIR DEMAND_ROWS SUPPLY_ROWS
	[ -f "$1/supply.csv" ] && return 0
	log "generating $1 (wf-synth-match --scale, $2 x $3)"
	rm -rf "$1.tmp"
	pl=""
	[ -f "$PLACES" ] && pl="--places $PLACES"
	# shellcheck disable=SC2086
	"$BIN/wf-synth-match" --scale --demand-rows "$2" --supply-rows "$3" $pl -o "$1.tmp" >/dev/null && mv "$1.tmp" "$1"
}
if [ -x "$BIN/wf-synth-match" ] && [ -x "$BIN/wf-match" ]; then
	if [ "$QUICK" = 1 ]; then gen_match "$D/match-top" 10000 5000; else gen_match "$D/match-top" 100000 50000; fi
	if [ "$QUICK" = 1 ]; then gen_match "$D/match-assign" 1000 500; else gen_match "$D/match-assign" 10000 5000; fi
	# National scale for --assign (issue 16: under 60 s and 1 GB).
	if [ "$QUICK" = 1 ]; then gen_match "$D/match-assign-big" 10000 5000; else gen_match "$D/match-assign-big" 100000 50000; fi
	# Italy at 1,000,000 x 100,000 (issue 16: within the 24 GB machine),
	# full runs only: minutes of CPU and gigabytes, too much for QUICK=1.
	[ "$QUICK" = 1 ] || gen_match "$D/match-assign-national" 1000000 100000
fi
# Short rows (issue 16): ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA, 9,999
# institutions in random order (the look-ups cannot ride on the previous
# row's), Italian decimals with thousands dots, read without --codes.
SHORT=$D/short/COSTO_LAVORO_2024.csv
if [ ! -f "$SHORT" ]; then
	if [ "$QUICK" = 1 ]; then n=100000; else n=1000000; fi
	log "generating $SHORT (SYNTHETIC, $n short rows)"
	mkdir -p "$D/short"
	awk -v n="$n" 'BEGIN { srand(7); print "ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA"
	  split("RALN SSNN SCUN MINN REGN ENTN", c, " ")
	  for (r = 0; r < n; r++) {
	    a = int(rand() * 50000000); e = sprintf("%d", int(a / 100)); t = ""
	    while (length(e) > 3) { t = "." substr(e, length(e) - 2) t; e = substr(e, 1, length(e) - 3) }
	    printf "C%d;%s;A%03d;%s%s,%02d\n", int(rand() * 9999) + 1, c[int(rand() * 6) + 1], int(rand() * 60) + 1, e, t, a % 100 } }' >"$SHORT.tmp" && mv "$SHORT.tmp" "$SHORT"
fi

rows() { wc -l <"$1" | awk '{print $1 - 1}'; }
mb() { wc -c <"$1" | awk '{printf "%.1f", $1 / 1e6}'; }

# ---------------------------------------------------------------- measuring
# Other work on the machine shows in the wall times: the load is printed.
LOAD=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# measure JOB TOOL INPUT_FILE CMD [BYTES]: run CMD (sh -c, stdout to /dev/null
# unless CMD redirects it) REPS times; record median wall seconds and peak
# memory. BYTES: the input's size when CMD reads more than INPUT_FILE.
measure() {
	job=$1 tool=$2 input=$3 cmd=$4 bytes=${5:-}
	times="" cpus="" peak=0 n=0
	cat "$input" >/dev/null # warm cache
	while [ "$n" -lt "$REPS" ]; do
		t0=$(date +%s%N)
		if ! /usr/bin/time -f '%M %U %S' -o "$T/mem" sh -c "$cmd" >/dev/null 2>"$T/err"; then
			log "$job / $tool failed: $cmd"
			tail -n 3 "$T/err" | sed 's/^/    /' >&2
			return 0
		fi
		t1=$(date +%s%N)
		s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
		tail -n 1 "$T/mem" >"$T/mem1"
		read -r m u y <"$T/mem1"
		[ "$m" -gt "$peak" ] && peak=$m
		times="$times $s"
		cpus="$cpus $(awk -v u="$u" -v y="$y" 'BEGIN { printf "%.2f", u + y }')"
		n=$((n + 1))
		awk -v s="$s" -v l="$SLOW" 'BEGIN { exit !(s > l) }' && break
	done
	med=$(median $times)
	cpu=$(median $cpus)
	[ -n "$bytes" ] || bytes=$(wc -c <"$input")
	printf '%s,%s,%s,%s,%s,%s,%s,"%s"\n' "$job" "$tool" "$n" "$med" "$cpu" "$((peak / 1024))" "$bytes" \
		"$(printf '%s' "$cmd" | sed 's/"/""/g')" >>"$RAW"
	log "$(printf '%-16s %-28s %8ss (cpu %ss) %7s MB' "$job" "$tool" "$med" "$cpu" "$((peak / 1024))")"
}
duck() { # duck SQL: the DuckDB command line for measure
	printf 'node %s %s' "$B/duckdb.mjs" "'$(printf '%s' "$1" | sed "s/'/'\\\\''/g")'"
}

WI="$BIN/wf-ingest --no-progress"
WB="$BIN/wf-benchmark --no-progress"

# 1. CSV pass-through: a COSTO_LAVORO file of the modern (2024) dialect, ';' and
#    Italian decimals. wf-ingest does more than the others (decimal conversion,
#    the canonical columns); they only re-emit the same table.
J=csv-canonical
measure $J "floor: cat" "$CL" "cat $CL"
measure $J "floor: wc -l" "$CL" "wc -l $CL"
measure $J "wfkit: wf-ingest" "$CL" "$WI $CL"
have mlr && measure $J "mlr cat" "$CL" "mlr --icsv --ifs ';' --ocsv cat $CL"
[ $HAVE_DUCKDB = 1 ] && measure $J "duckdb COPY" "$CL" "$(duck "COPY (SELECT * FROM read_csv('$CL', delim=';', header=true, all_varchar=true)) TO '/dev/stdout' (HEADER)")"
have csvformat && measure $J "csvkit csvformat" "$CL" "csvformat -d ';' $CL"
have sqlite3 && measure $J "sqlite3 .import" "$CL" "printf '.mode csv\n.separator ;\n.import $CL t\n.mode csv\n.output /dev/null\nSELECT * FROM t;\n' | sqlite3 ':memory:'"

# 2. CSV to NDJSON, same input.
J=csv-ndjson
measure $J "wfkit: wf-ingest -f ndjson" "$CL" "$WI -f ndjson $CL"
have mlr && measure $J "mlr --ojsonl cat" "$CL" "mlr --icsv --ifs ';' --ojsonl cat $CL"
[ $HAVE_DUCKDB = 1 ] && measure $J "duckdb COPY json" "$CL" "$(duck "COPY (SELECT * FROM read_csv('$CL', delim=';', header=true, all_varchar=true)) TO '/dev/stdout' (FORMAT json)")"
# csvkit's csvjson --stream takes about 100 s per million rows: left out.

# 2b. Canonical-stream pass-through: the history's fact stream (comma CSV,
#     quoted names) read and written back unchanged. wf-ingest checks every
#     year, code and value on the way; wf-tablecat (built from tests/gen/, a
#     bench helper) is libwf's reader and writer with nothing else: what
#     every wfkit tool pays to read and write a table.
J=canonical-passthrough
H=$D/facts-hist.csv
measure $J "floor: cat" "$H" "cat $H"
measure $J "wfkit: wf-ingest (checks)" "$H" "$WI $H"
measure $J "libwf: wf-tablecat" "$H" "$BIN/wf-tablecat $H"
have mlr && measure $J "mlr cat" "$H" "mlr --csv cat $H"
[ $HAVE_DUCKDB = 1 ] && measure $J "duckdb COPY" "$H" "$(duck "COPY (SELECT * FROM read_csv('$H', header=true, all_varchar=true)) TO '/dev/stdout' (HEADER)")"

# 3. gzip input, same file compressed (gzip -6).
J=gzip
measure $J "floor: zcat" "$CL.gz" "zcat $CL.gz"
measure $J "wfkit: wf-ingest" "$CL.gz" "$WI $CL.gz"
have mlr && measure $J "mlr --gzin cat" "$CL.gz" "mlr --gzin --icsv --ifs ';' --ocsv cat $CL.gz"
[ $HAVE_DUCKDB = 1 ] && measure $J "duckdb COPY" "$CL.gz" "$(duck "COPY (SELECT * FROM read_csv('$CL.gz', delim=';', header=true, all_varchar=true)) TO '/dev/stdout' (HEADER)")"

# 4. Group-by median and p90 by two columns on the big canonical stream: per
#    (year, institution) the L090 total (0 when absent), then per (year,
#    institution_type, region) its median and p90. wfkit computes these with
#    `wf-benchmark --metric L090 --peers institution_type,region` (it also writes
#    mean, p25, p75, min, max, ranks and z-scores per institution: more work).
#    Quantiles: linear interpolation, R type 7, in every tool here: DuckDB
#    quantile_cont, Miller stats1 -i.
J=groupby-p50-p90
measure $J "floor: cat" "$BIG" "cat $BIG"
measure $J "floor: wc -l" "$BIG" "wc -l $BIG"
measure $J "wfkit: wf-benchmark --peers" "$BIG" "$WB --metric L090 --peers institution_type,region $BIG"
measure $J "wfkit: wf-benchmark --peers --threads 1" "$BIG" "$WB --threads 1 --metric L090 --peers institution_type,region $BIG"
Q_GROUP="WITH r AS (SELECT year, institution, institution_type, region, sum(CASE WHEN measure = 'L090' THEN value ELSE 0 END) AS m FROM read_csv('$BIG', header=true) GROUP BY ALL) SELECT year, institution_type, region, count(*) AS n, quantile_cont(m, 0.5) AS p50, quantile_cont(m, 0.9) AS p90 FROM r GROUP BY ALL ORDER BY ALL"
[ $HAVE_DUCKDB = 1 ] && measure $J "duckdb quantile_cont" "$BIG" "$(duck "$Q_GROUP")"
have mlr && measure $J "mlr stats1 -i" "$BIG" "mlr --icsv --ocsv put '\$m = \$measure == \"L090\" ? \$value : 0' then stats1 -a sum -f m -g year,institution,institution_type,region then stats1 -i -a count,p50,p90 -f m_sum -g year,institution_type,region $BIG"

# 5. wf-benchmark per-employee indicators with peer quantiles, full national history.
J=benchmark-hist
measure $J "wfkit: wf-benchmark --per" "$H" "$WB --metric L090 --per HEADCOUNT --peers institution_type,region $H"
Q_PER="WITH r AS (SELECT year, institution, institution_type, region, sum(CASE WHEN measure = 'L090' THEN value ELSE 0 END) AS m, sum(CASE WHEN measure = 'HEADCOUNT' THEN value END) AS d FROM read_csv('$H', header=true) GROUP BY ALL), p AS (SELECT *, m / d AS pe FROM r WHERE d > 0) SELECT year, institution_type, region, count(*), avg(pe), quantile_cont(pe, [0.25, 0.5, 0.75, 0.9]), min(pe), max(pe) FROM p GROUP BY ALL ORDER BY ALL"
[ $HAVE_DUCKDB = 1 ] && measure $J "duckdb quantile_cont" "$H" "$(duck "$Q_PER")"

# Cross-check (untimed): wfkit's peer median and p90 against DuckDB's
# quantile_cont on the history, both printed with 2 decimals.
CHECK_MSG="quantile cross-check: DuckDB not installed, skipped"
if [ $HAVE_DUCKDB = 1 ]; then
	$WB --metric L090 --peers institution_type,region --min-peers 1 "$H" -o "$T/wf-peers.csv" 2>/dev/null
	node "$B/duckdb.mjs" "WITH r AS (SELECT year, institution, institution_type, coalesce(region, '') AS region, sum(CASE WHEN measure = 'L090' THEN CAST(value AS DOUBLE) ELSE 0 END) AS m FROM read_csv('$H', header=true, all_varchar=true) GROUP BY ALL),
	  d AS (SELECT year, institution_type, region, quantile_cont(m, 0.5) AS p50, quantile_cont(m, 0.9) AS p90 FROM r GROUP BY ALL),
	  w AS (SELECT DISTINCT year, institution_type, coalesce(region, '') AS region, CAST(peer_median AS DOUBLE) AS p50, CAST(peer_p90 AS DOUBLE) AS p90 FROM read_csv('$T/wf-peers.csv', header=true, all_varchar=true))
	  SELECT count(*) AS groups, count(*) FILTER (WHERE d.p50 IS NULL) AS missing,
	    count(*) FILTER (WHERE printf('%.2f', d.p50) <> printf('%.2f', w.p50) OR printf('%.2f', d.p90) <> printf('%.2f', w.p90)) AS differ,
	    printf('%.2f', max(greatest(abs(d.p50 - w.p50), abs(d.p90 - w.p90)))) AS maxdiff
	  FROM w LEFT JOIN d USING (year, institution_type, region)" "$T/check.csv"
	CHECK_MSG=$(tail -n 1 "$T/check.csv" | awk -F, '{ printf "quantile cross-check (history, every peer group): %d groups, %d missing in DuckDB, %d whose median or p90 printed with 2 decimals differs from DuckDB quantile_cont (largest difference %s)", $1, $2, $3, $4 }')
	log "$CHECK_MSG"
fi

# 6. Matching, when wf-match and its generator are built (no other tool
#    does this job: wfkit only, against the targets).
if [ -f "$D/match-top/supply.csv" ]; then
	M=$D/match-top
	measure match-top5 "wfkit: wf-match --top 5" "$M/demand.csv" "$BIN/wf-match --no-progress --top 5 $M/demand.csv $M/supply.csv"
	measure match-top5 "wfkit: wf-match --top 5 --threads 1" "$M/demand.csv" "$BIN/wf-match --no-progress --top 5 --threads 1 $M/demand.csv $M/supply.csv"
	M=$D/match-assign
	measure match-assign "wfkit: wf-match --assign" "$M/demand.csv" "$BIN/wf-match --no-progress --assign $M/demand.csv $M/supply.csv"
fi

# 6b. --assign at national scale, peak memory included.
if [ -f "$D/match-assign-big/supply.csv" ]; then
	M=$D/match-assign-big
	measure match-assign-big "wfkit: wf-match --assign" "$M/demand.csv" "$BIN/wf-match --no-progress --assign $M/demand.csv $M/supply.csv"
fi
# 6b'. --assign on 1,000,000 x 100,000 across Italy, once (it is past SLOW),
#     with its peak memory; full runs only (the data is not made with QUICK=1).
if [ "$QUICK" != 1 ] && [ -f "$D/match-assign-national/supply.csv" ]; then
	M=$D/match-assign-national
	measure match-assign-1m "wfkit: wf-match --assign" "$M/demand.csv" "$BIN/wf-match --no-progress --assign $M/demand.csv $M/supply.csv"
fi

# 6c. Short rows: wf-ingest without --codes against Miller and DuckDB.
J=short-rows
# Random keys repeat (year, institution, contract, measure): passed on to be
# summed, as the other tools do, instead of rejected.
measure $J "wfkit: wf-ingest" "$SHORT" "$WI --sum-duplicates $SHORT"
have mlr && measure $J "mlr cat" "$SHORT" "mlr --icsv --ifs ';' --ocsv cat $SHORT"
[ $HAVE_DUCKDB = 1 ] && measure $J "duckdb COPY" "$SHORT" "$(duck "COPY (SELECT * FROM read_csv('$SHORT', delim=';', header=true, all_varchar=true)) TO '/dev/stdout' (HEADER)")"

# 6d. wf-report: the national benchmark to HTML (issue 16: under 5 s) and the
#     big canonical stream (10.7 M facts in the full run) as a Markdown table
#     (issue 16: 10 M rows in bounded memory; peak memory against the input).
$WB --metric L090 --per HEADCOUNT --peers institution_type,region "$H" -o "$T/bench-hist.csv" 2>/dev/null || true
if [ -s "$T/bench-hist.csv" ]; then
	measure report "wfkit: wf-report html benchmark" "$T/bench-hist.csv" "$BIN/wf-report -f html --kind benchmark $T/bench-hist.csv"
fi
measure report "wfkit: wf-report markdown table" "$BIG" "$BIN/wf-report -f markdown --kind table $BIG"

# 6e. Several inputs on one and two threads (issue 16): the history's yearly
#     COSTO_LAVORO, OCCUPAZIONE and LAVORO_FLESSIBILE files, one wf-ingest.
J=ingest-files
set -- "$D"/hist/COSTO_LAVORO_2[0-9][0-9][0-9].[Cc][Ss][Vv] "$D"/hist/OCCUPAZIONE_2[0-9][0-9][0-9].[Cc][Ss][Vv] \
	"$D"/hist/LAVORO_FLESSIBILE_2[0-9][0-9][0-9].[Cc][Ss][Vv]
NFILES=$#
cat "$@" >/dev/null # warm cache
FBYTES=$(cat "$@" | wc -c)
measure $J "wfkit: wf-ingest --threads 2" "$1" "$WI $CODES --threads 2 $*" "$FBYTES"
measure $J "wfkit: wf-ingest --threads 1" "$1" "$WI $CODES --threads 1 $*" "$FBYTES"

# 7. Bounded memory of a streaming tool: wf-ingest on the file once and ten times.
J=memory-10x
# wf-ingest refuses a file given twice (it would double every total), so
# the ten inputs are copies that differ by trailing blank lines (skipped),
# and their facts, repeated ten times, are passed on with --sum-duplicates.
mkdir -p "$D/cl10"
set --
for i in 1 2 3 4 5 6 7 8 9 10; do
	c=$D/cl10/COSTO_LAVORO_2024.$i.csv
	[ -s "$c" ] || { cat "$CL"; i2=$i; while [ "$i2" -gt 0 ]; do echo; i2=$((i2 - 1)); done; } >"$c"
	set -- "$@" "$c"
done
# On one thread (the bound: the institutions, not the rows), then at the
# default: each thread reading a file holds its own state, so memory
# grows with the threads, not with the inputs.
measure $J "wfkit: wf-ingest 1x" "$CL" "$WI --threads 1 $CL"
REPS_SAVED=$REPS; REPS=1
measure $J "wfkit: wf-ingest 10x" "$CL" "$WI --threads 1 --sum-duplicates $*"
measure $J "wfkit: wf-ingest 10x (default threads)" "$CL" "$WI --sum-duplicates $*"
REPS=$REPS_SAVED

# ---------------------------------------------------------------- report
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null || COMMIT="$COMMIT+dirty"
DATE=$(date -u +%Y-%m-%dT%H:%M:%SZ)
OUT=$B/results.csv
awk -F, -v OFS=, -v date="$DATE" -v commit="$COMMIT" '
function q(s) { return "\"" s "\"" }
{ line[NR] = $0; job[NR] = $1; tool[NR] = $2; med[NR] = $4
  if ($2 ~ /^wfkit/ && !(($1) in w)) w[$1] = $4 }
END {
  print "date,commit,job,tool,reps,median_s,cpu_s,peak_mb,input_mb,input_mb_per_s,wfkit_over_this,command"
  for (i = 1; i <= NR; i++) {
    split(line[i], f, ",")
    cmd = substr(line[i], index(line[i], ",\"") + 1)
    mbs = (f[4] > 0) ? sprintf("%.1f", f[7] / 1e6 / f[4]) : ""
    r = (tool[i] !~ /^wfkit/ && (job[i] in w) && f[4] > 0) ? sprintf("%.2f", w[job[i]] / f[4]) : ""
    print date, commit, f[1], f[2], f[3], f[4], f[5], f[6], sprintf("%.1f", f[7] / 1e6), mbs, r, cmd
  }
}' "$RAW" >"$OUT"
HIST=$B/results-history.csv
[ -f "$HIST" ] || head -n 1 "$OUT" >"$HIST"
tail -n +2 "$OUT" >>"$HIST"

echo
echo "wfkit bench, $DATE, commit $COMMIT, $(nproc) cores $(uname -m), load average at start $LOAD$([ "$QUICK" = 1 ] && echo ', QUICK (small data)')"
echo "data (SYNTHETIC): $(rows "$CL") COSTO_LAVORO rows $(mb "$CL") MB; history $YEARS $(rows "$H") facts $(mb "$H") MB; big stream $(rows "$BIG") facts $(mb "$BIG") MB"
echo "median of up to $REPS runs; wall time of the whole process, cpu = user + system (all threads);"
echo "ratio = wfkit wall time / this tool's wall time (below 1: wfkit is faster)"
echo
printf '  %-30s %9s %9s %8s %10s %8s\n' "tool" "wall s" "cpu s" "peak MB" "input MB/s" "ratio"
awk -F, 'NR > 1 {
  if ($3 != last) { printf "%s\n", $3; last = $3 }
  printf "  %-30s %9.3f %9.2f %8d %10s %8s\n", $4, $6, $7, $8, $10, $11
}' "$OUT"
echo
echo "1 -> 2 threads (same job, TOOL --threads 1 against TOOL --threads 2, or TOOL at its default of $(nproc)):"
awk -F, 'NR > 1 { t[$3, $4] = $6; c[$3, $4] = $7; if ($4 ~ / --threads 1$/) one[++n] = $3 SUBSEP $4 }
END {
  for (i = 1; i <= n; i++) {
    split(one[i], k, SUBSEP); base = k[2]; sub(/ --threads 1$/, "", base)
    two = ((k[1], base " --threads 2") in t) ? base " --threads 2" : base
    if (!((k[1], two) in t) || t[k[1], two] <= 0) continue
    printf "  %-18s %-30s %6.2fx  (%.3f s -> %.3f s wall; cpu %.2f s -> %.2f s)\n", k[1], base,
      t[k[1], k[2]] / t[k[1], two], t[k[1], k[2]], t[k[1], two], c[k[1], k[2]], c[k[1], two]
  }
}' "$OUT"
echo
echo "targets (issue 6), judged on this run's wall times and peaks (cpu figures for a loaded machine):"
awk -F, '
NR > 1 { t[$3, $4] = $6; c[$3, $4] = $7; m[$3, $4] = $8; mbs[$3, $4] = $10; mb[$3, $4] = $9 }
function cpu(j, k) { return c[j, k] > 0 ? c[j, k] : 0.001 }
function has(j, k) { return ((j, k) in t) && t[j, k] > 0 }
function say(ok, what) { printf "  %-6s %s\n", ok ? "met" : "MISSED", what }
END {
  j = "csv-canonical"; w = "wfkit: wf-ingest"
  if (has(j, w)) say(mbs[j, w] >= 150, sprintf("wf-ingest CSV to canonical CSV >= 150 MB/s of input: %s MB/s (by cpu time %.0f MB/s)", mbs[j, w], mb[j, w] / cpu(j, w)))
  if (has(j, w) && has(j, "mlr cat")) say(t[j, "mlr cat"] / t[j, w] >= 3, sprintf("wf-ingest >= 3x Miller cat: %.1fx (by cpu time %.1fx)", t[j, "mlr cat"] / t[j, w], cpu(j, "mlr cat") / cpu(j, w)))
  j = "gzip"
  if (has(j, w) && has(j, "floor: zcat")) say(t[j, w] / t[j, "floor: zcat"] <= 1.3, sprintf("gzip input <= 1.3x zcat alone: %.2fx (a second core is needed: cpu %.2f s vs %.2f s)", t[j, w] / t[j, "floor: zcat"], cpu(j, w), cpu(j, "floor: zcat")))
  j = "groupby-p50-p90"; w = "wfkit: wf-benchmark --peers"; d = "duckdb quantile_cont"
  if (has(j, w) && has(j, d)) {
    say(t[j, w] < t[j, d], sprintf("group-by median/p90 faster than DuckDB quantile_cont: %.3f s vs %.3f s (cpu %.2f s vs %.2f s)", t[j, w], t[j, d], cpu(j, w), cpu(j, d)))
    say(m[j, w] < m[j, d] / 4, sprintf("group-by peak memory < 1/4 of DuckDB: %d MB vs %d MB (%.2f)", m[j, w], m[j, d], m[j, w] / m[j, d]))
  }
  if (has(j, w) && has(j, "mlr stats1 -i")) say(t[j, "mlr stats1 -i"] / t[j, w] >= 10, sprintf("group-by >= 10x Miller stats1: %.1fx", t[j, "mlr stats1 -i"] / t[j, w]))
  j = "benchmark-hist"; w = "wfkit: wf-benchmark --per"
  if (has(j, w)) say(t[j, w] < 2, sprintf("wf-benchmark on the national history < 2 s: %.3f s (cpu %.2f s)", t[j, w], cpu(j, w)))
  j = "match-top5"; w = "wfkit: wf-match --top 5"
  if (has(j, w)) say(t[j, w] < 5, sprintf("wf-match --top 5 < 5 s: %.3f s", t[j, w]))
  j = "match-assign"; w = "wfkit: wf-match --assign"
  if (has(j, w)) say(t[j, w] < 10, sprintf("wf-match --assign < 10 s: %.3f s", t[j, w]))
  j = "memory-10x"
  if (has(j, "wfkit: wf-ingest 1x") && has(j, "wfkit: wf-ingest 10x"))
    say(m[j, "wfkit: wf-ingest 10x"] <= m[j, "wfkit: wf-ingest 1x"] * 1.1 + 2, sprintf("streaming memory bounded (wf-ingest, 10x input, one thread): %d MB vs %d MB%s", m[j, "wfkit: wf-ingest 10x"], m[j, "wfkit: wf-ingest 1x"], has(j, "wfkit: wf-ingest 10x (default threads)") ? sprintf("; %d MB on %d threads (a state per thread)", m[j, "wfkit: wf-ingest 10x (default threads)"], ncpu) : ""))
  print "targets (issue 16):"
  j = "csv-canonical"; w = "wfkit: wf-ingest"
  if (has(j, w) && has(j, "duckdb COPY")) say(t[j, "duckdb COPY"] / t[j, w] >= 3, sprintf("wf-ingest >= 3x DuckDB COPY: %.1fx (by cpu time %.1fx)", t[j, "duckdb COPY"] / t[j, w], cpu(j, "duckdb COPY") / cpu(j, w)))
  if (has(j, w) && has(j, "mlr cat")) say(t[j, "mlr cat"] / t[j, w] >= 8, sprintf("wf-ingest >= 8x Miller cat: %.1fx (by cpu time %.1fx)", t[j, "mlr cat"] / t[j, w], cpu(j, "mlr cat") / cpu(j, w)))
  j = "short-rows"
  if (has(j, w)) say(rows_short / t[j, w] >= 4e6, sprintf("short rows >= 4 M rows/s: %.2f M rows/s (by cpu time %.2f M)", rows_short / t[j, w] / 1e6, rows_short / cpu(j, w) / 1e6))
  j = "groupby-p50-p90"; w = "wfkit: wf-benchmark --peers"; d = "duckdb quantile_cont"
  if (has(j, w) && has(j, d)) {
    say(t[j, d] / t[j, w] >= 2, sprintf("group-by median/p90 >= 2x faster than DuckDB: %.2fx (cpu %.2f s vs %.2f s)", t[j, d] / t[j, w], cpu(j, w), cpu(j, d)))
    say(m[j, w] <= m[j, d] / 4, sprintf("group-by peak memory <= 1/4 of DuckDB: %d MB vs %d MB", m[j, w], m[j, d]))
  }
  j = "match-assign-big"; w = "wfkit: wf-match --assign"
  if (has(j, w)) say(t[j, w] < 60 && m[j, w] < 1024, sprintf("wf-match --assign at national scale < 60 s and < 1 GB: %.1f s (cpu %.1f s), %d MB", t[j, w], cpu(j, w), m[j, w]))
  j = "match-assign-1m"
  if (has(j, w)) say(m[j, w] < 24 * 1024, sprintf("wf-match --assign 1,000,000 x 100,000 (Italy) within the 24 GB machine: %.1f s (cpu %.1f s), %d MB peak", t[j, w], cpu(j, w), m[j, w]))
  else printf "  %-6s %s\n", "-", "wf-match --assign 1,000,000 x 100,000: full runs only (not with QUICK=1), or it failed (see the log above)"
  j = "report"
  w = "wfkit: wf-report html benchmark"
  if (has(j, w)) say(t[j, w] < 5, sprintf("wf-report national benchmark to HTML < 5 s: %.3f s", t[j, w]))
  w = "wfkit: wf-report markdown table"
  if (has(j, w)) say(m[j, w] <= 4 * mb[j, w], sprintf("wf-report %d-row table to Markdown in a few times the input: %d MB peak for %.0f MB (%.2fx), cpu %.1f s", rows_big, m[j, w], mb[j, w], m[j, w] / mb[j, w], cpu(j, w)))
  j = "match-top5"; w = "wfkit: wf-match --top 5"; w1 = "wfkit: wf-match --top 5 --threads 1"
  if (has(j, w) && has(j, w1)) say(t[j, w1] / t[j, w] >= 1.5, sprintf("wf-match --top 5, 1 -> %d threads: %.2fx faster (%.3f s -> %.3f s)", ncpu, t[j, w1] / t[j, w], t[j, w1], t[j, w]))
  j = "groupby-p50-p90"; w = "wfkit: wf-benchmark --peers"; w1 = "wfkit: wf-benchmark --peers --threads 1"
  if (has(j, w) && has(j, w1)) say(t[j, w1] / t[j, w] >= 1.5, sprintf("wf-benchmark --peers, 1 -> %d threads: %.2fx faster (%.3f s -> %.3f s; cpu %.2f s -> %.2f s)", ncpu, t[j, w1] / t[j, w], t[j, w1], t[j, w], cpu(j, w1), cpu(j, w)))
  j = "ingest-files"; w2 = "wfkit: wf-ingest --threads 2"; w1 = "wfkit: wf-ingest --threads 1"
  if (has(j, w2) && has(j, w1)) say(t[j, w1] / t[j, w2] >= 1.5, sprintf("wf-ingest, %d files, 1 -> 2 threads: %.2fx faster (%.3f s -> %.3f s; cpu %.2f s -> %.2f s), output identical (threads.bats)", nfiles, t[j, w1] / t[j, w2], t[j, w1], t[j, w2], cpu(j, w1), cpu(j, w2)))
  say(0, "--threads in wf-report and wf-benchmark: accepted, one thread (wf-benchmark: a second thread cost more than it saved; see README Performance)")
}' rows_short="$(rows "$SHORT")" rows_big="$(rows "$BIG")" ncpu="$(nproc)" nfiles="$NFILES" "$OUT"
echo
echo "$CHECK_MSG"
echo "written: $OUT (appended to $HIST)"
