#!/usr/bin/env bats
# Fault injection for every binary that reads tables: a full disk on
# stdout, read errors mid-file (LD_PRELOAD shim tests/fault/eio.c),
# truncated gzip and zip, SIGPIPE under head, and -o never leaving a
# partial file, also under kill -9. Inputs are SYNTHETIC (rely.bash).
load common
load rely

setup_file() {
	export EIO_SO="$BATS_FILE_TMPDIR/eio.so"
	${CC:-cc} -shared -fPIC -O1 -o "$EIO_SO" "$REPO/tests/fault/eio.c" -ldl
}

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# pyzip OUT DIR PATH: zip DIR/PATH (a file or folder) as PATH, with
# python3's zipfile (zip(1) is not a build dependency).
pyzip() {
	python3 - "$@" <<'PY'
import os, sys, zipfile
out, base, rel = sys.argv[1:4]
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    top = os.path.join(base, rel)
    if os.path.isdir(top):
        for d, _, files in sorted(os.walk(top)):
            for f in sorted(files):
                p = os.path.join(d, f)
                z.write(p, os.path.relpath(p, base))
    else:
        z.write(top, rel)
PY
}

# ASan wants to come first in the library list; the shim only wraps
# read(), so the order does not matter to it.
with_eio() {
	WF_FAULT_FILE="$1" WF_FAULT_AFTER="$2" LD_PRELOAD="$EIO_SO" \
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" "${@:3}"
}

@test "stdout on a full disk: exit 1 and a message, for every binary" {
	[ -w /dev/full ] || skip "no /dev/full"
	for t in $RELY_TOOLS; do
		in=$(rely_small "$t")
		run --separate-stderr bash -c "$(declare -f rely_run rely_args rely_tail); WF_WRAP='$WF_WRAP' WF_BUILD='$WF_BUILD' FIX='$FIX' rely_run $t $in > /dev/full"
		echo "$t: $status $stderr"
		[ "$status" -eq 1 ]
		[[ "$stderr" == *"$t: write error: stdout: No space left on device" ]]
	done
}

@test "-o on a device or a FIFO writes into it, never renames over it" {
	[ -c /dev/full ] && [ -w /dev/full ] || skip "no /dev/full device"
	for t in $RELY_TOOLS; do
		in=$(rely_small "$t")
		run --separate-stderr rely_run "$t" -o /dev/full "$in"
		echo "$t: $status $stderr"
		[ "$status" -eq 1 ]
		[[ "$stderr" == *"$t: write error: /dev/full: No space left on device" ]]
		[ -c /dev/full ]
		rm -f fifo got
		mkfifo fifo
		cat fifo > got &
		run --separate-stderr rely_run "$t" -o fifo "$in"
		wait
		[ "$status" -eq 0 ]
		[ -p fifo ]
		[ "$(rely_run "$t" "$in" 2>/dev/null)" = "$(cat got)" ]
	done
}

@test "read error mid-file: file name, exit 1, no output file, old one kept" {
	for t in $RELY_TOOLS; do
		in=$(rely_big "$t" 5000)
		echo old > out.txt
		run --separate-stderr with_eio big.csv 100000 rely_run "$t" -o out.txt "$in"
		echo "$t: $status $stderr"
		[ "$status" -eq 1 ]
		[[ "$stderr" == *"$t: big.csv: read error: Input/output error"* ]]
		[ "$(cat out.txt)" = old ]
		[ -z "$(ls -A | grep '^\.out\.txt\.')" ]
	done
}

@test "read error at the first byte is not an empty file" {
	for t in $RELY_TOOLS; do
		in=$(rely_small "$t")
		run --separate-stderr with_eio "$in" 0 rely_run "$t" "$in"
		echo "$t: $status $stderr"
		[ "$status" -eq 1 ]
		[[ "$stderr" == "$t: small.csv: read error: Input/output error"* ]]
	done
}

@test "read error in a code list: wf-ingest --codes and wf-benchmark --codes" {
	mkdir codes
	printf 'ANNO;CODI_TIPO_ISTITUZIONE;DESC_TIPO_ISTITUZIONE;CODI_ISTITUZIONE;DESC_ISTITUZIONE\n2024;C;;4308;COMUNE DI MILANO\n' > codes/TipoIstituzione_Istituzione.csv
	cp "$FIX/benchmark/codes/VoceSpesa.CSV" codes/VoceSpesa.csv
	run --separate-stderr with_eio TipoIstituzione_Istituzione.csv 10 wf-ingest --codes codes "$FIX/ingest/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: codes/TipoIstituzione_Istituzione.csv: read error: Input/output error" ]
	run --separate-stderr with_eio VoceSpesa.csv 10 wf-benchmark -m L090 --codes codes "$FIX/benchmark/facts.csv"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "wf-benchmark: codes/VoceSpesa.csv"*"Input/output error" ]]
}

@test "read error inside a zip archive: wf-ingest names it" {
	mkdir -p z/2019Dati
	cp "$FIX/ingest/COSTO_LAVORO_2019.csv" z/2019Dati/
	pyzip 2019Dati.zip z 2019Dati
	run --separate-stderr with_eio 2019Dati.zip 100 wf-ingest 2019Dati.zip
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: 2019Dati.zip: read error: Input/output error" ]
}

@test "truncated gzip is an error for every binary, and -o keeps the old file" {
	for t in $RELY_TOOLS; do
		rely_big "$t" 10000 >/dev/null
		gzip -c big.csv > full.gz
		head -c $(( $(wc -c < full.gz) / 2 )) full.gz > cut.csv.gz
		echo old > out.txt
		run --separate-stderr rely_run "$t" -o out.txt cut.csv.gz
		echo "$t: $status $stderr"
		[ "$status" -eq 1 ]
		[[ "$stderr" == *"$t: cut.csv.gz: truncated gzip data (stream ends early)"* ]]
		[ "$(cat out.txt)" = old ]
	done
}

@test "corrupt gzip is an error for every binary" {
	for t in $RELY_TOOLS; do
		rely_big "$t" 2000 >/dev/null
		gzip -c big.csv > c.gz
		# flip bytes in the middle of the deflate stream
		printf '\377\377\377\377\377\377\377\377' | dd of=c.gz bs=1 seek=200 conv=notrunc status=none
		run --separate-stderr rely_run "$t" c.gz
		echo "$t: $status $stderr"
		[ "$status" -eq 1 ]
		[[ "$stderr" == *"$t: c.gz: invalid gzip data: "* || "$stderr" == *"$t: c.gz: "*"gzip"* ]]
	done
}

@test "truncated zip is an error for wf-ingest, wf-ingest --codes and wf-benchmark --codes" {
	mkdir -p z/2019Dati a
	rely_big wf-ingest 30000 >/dev/null
	mv big.csv z/2019Dati/COSTO_LAVORO_2019.csv
	pyzip 2019Dati.zip z 2019Dati
	head -c $(( $(wc -c < 2019Dati.zip) - 300 )) 2019Dati.zip > cut.zip
	echo old > out.csv
	run --separate-stderr wf-ingest -o out.csv cut.zip
	[ "$status" -eq 1 ]
	[[ "$stderr" == "wf-ingest: cut.zip: not a readable zip archive: "* ]]
	[ "$(cat out.csv)" = old ]
	# cut inside the member's data, with the directory rebuilt by hand
	# would need a forger; libzip's consistency check catches a cut
	# anywhere, the central directory being at the end.
	cp "$FIX/benchmark/codes/VoceSpesa.CSV" a/VoceSpesa.csv
	pyzip codes.zip a VoceSpesa.csv
	head -c 100 codes.zip > cutcodes.zip
	run --separate-stderr wf-ingest --codes cutcodes.zip "$FIX/ingest/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "wf-ingest: cutcodes.zip: "* ]]
	run --separate-stderr wf-benchmark -m L090 --codes cutcodes.zip "$FIX/benchmark/facts.csv"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "wf-benchmark: cutcodes.zip"* ]]
}

@test "SIGPIPE under head: quiet, for every binary" {
	for t in $RELY_TOOLS; do
		# big enough that the pipe breaks long before the end of the input
		in=$(rely_big "$t" 20000)
		run bash -c "$(declare -f rely_run rely_args rely_tail); WF_WRAP='$WF_WRAP' WF_BUILD='$WF_BUILD' FIX='$FIX' rely_run $t $in 2>err | head -c 100 > /dev/null; echo \${PIPESTATUS[0]}"
		echo "$t: $output / $(cat err)"
		# killed by SIGPIPE (128+13), or done before head closed
		[ "$output" -eq 141 ] || [ "$output" -eq 0 ]
		# nothing from the tool (valgrind, under WF_WRAP, reports the
		# blocks live at the fatal signal with its own ==PID== lines)
		[ -z "$(grep -v '^==[0-9]*==' err)" ]
	done
}

# Start TOOL -o out.txt on a FIFO, feed it most of a big input, and
# kill -9 it while it waits for the rest.
kill_mid_run() {
	local t="$1" in
	in=$(rely_big "$t" 30000)
	rm -f fifo
	mkfifo fifo
	# a simple command, so that $! is the tool itself, not a subshell
	# shellcheck disable=SC2046
	local cmd=($WF_WRAP "$WF_BUILD/bin/$t" $(rely_args "$t") -o out.txt fifo $(rely_tail "$t"))
	"${cmd[@]}" 2>err &
	local pid=$!
	exec {wfd}>fifo
	head -c $(( $(wc -c < "$in") - 1000 )) "$in" >&"$wfd"
	# wf-ingest and wf-benchmark have written part of the output
	# (or, for wf-benchmark and wf-report, hold it in memory) by now.
	for _ in $(seq 1 100); do
		[ -n "$(find . -maxdepth 1 -name '.out.txt.*' -size +0)" ] && break
		[ "$t" = wf-ingest ] || break
		sleep 0.1
	done
	kill -9 "$pid"
	exec {wfd}>&-
	wait "$pid" || true
}

@test "kill -9 mid-run with -o: the old file stays, for every binary" {
	for t in $RELY_TOOLS; do
		echo old > out.txt
		kill_mid_run "$t"
		echo "$t: $(ls -A)"
		[ "$(cat out.txt)" = old ]
		if [ "$t" = wf-ingest ]; then
			# a partial output existed, only under its temporary name
			[ -n "$(find . -maxdepth 1 -name '.out.txt.??????' -size +0)" ]
		fi
		rm -f .out.txt.*
	done
}

@test "kill -9 mid-run with -o and no old file: no file at the path" {
	for t in $RELY_TOOLS; do
		rm -f out.txt
		kill_mid_run "$t"
		[ ! -e out.txt ]
		rm -f .out.txt.*
	done
}

@test "SIGTERM mid-run with -o: the temporary file is removed too" {
	t=wf-ingest
	in=$(rely_big "$t" 30000)
	mkfifo fifo
	echo old > out.txt
	"$WF_BUILD/bin/$t" $(rely_args "$t") -o out.txt fifo $(rely_tail "$t") 2>err &
	pid=$!
	exec {wfd}>fifo
	head -c $(( $(wc -c < "$in") - 1000 )) "$in" >&"$wfd"
	for _ in $(seq 1 100); do
		[ -n "$(find . -maxdepth 1 -name '.out.txt.*' -size +0)" ] && break
		sleep 0.1
	done
	kill -TERM "$pid"
	exec {wfd}>&-
	wait "$pid" || true
	[ "$(cat out.txt)" = old ]
	[ -z "$(ls -A | grep '^\.out\.txt\.')" ]
}

@test "a bad row without --rejects keeps the old -o file, for every binary" {
	for t in $RELY_TOOLS; do
		in=$(rely_small "$t")
		printf '"unterminated\n' >> "$in"
		echo old > out.txt
		run --separate-stderr rely_run "$t" -o out.txt "$in"
		echo "$t: $status $stderr"
		[ "$status" -eq 1 ]
		[ "$(cat out.txt)" = old ]
		[ -z "$(ls -A | grep '^\.out\.txt\.')" ]
	done
}

@test "two outputs on one path are a usage error, not a silent overwrite" {
	mkdir d
	ln -s out.csv d/link.csv
	touch d/out.csv
	run --separate-stderr wf-ingest -o same.csv --rejects ./same.csv "$FIX/ingest/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 2 ]
	[ "${stderr_lines[0]}" = "wf-ingest: --output and --rejects name the same file 'same.csv'" ]
	[ "${stderr_lines[1]}" = "Try 'wf-ingest --help' for more information." ]
	[ ! -e same.csv ]
	run --separate-stderr wf-benchmark -m L090 -o d/link.csv --rejects d/../d/out.csv "$FIX/benchmark/facts.csv"
	[ "$status" -eq 2 ]
	[ "${stderr_lines[0]}" = "wf-benchmark: --output and --rejects name the same file 'd/link.csv'" ]
	run --separate-stderr wf-benchmark -m L090 --rejects - "$FIX/benchmark/facts.csv"
	[ "$status" -eq 2 ]
	[ "${stderr_lines[0]}" = "wf-benchmark: --output and --rejects cannot both go to standard output" ]
	if [ -x "$WF_BUILD/bin/wf-match" ]; then
		run --separate-stderr wf-match --unmet u.csv --rejects "$PWD/u.csv" "$FIX/match/demand.synthetic.csv" "$FIX/match/supply.synthetic.csv"
		[ "$status" -eq 2 ]
		[ "${stderr_lines[0]}" = "wf-match: --rejects and --unmet name the same file '$PWD/u.csv'" ]
		run --separate-stderr wf-match -o m.csv --unmet m.csv "$FIX/match/demand.synthetic.csv" "$FIX/match/supply.synthetic.csv"
		[ "$status" -eq 2 ]
	fi
	# different files are fine
	run --separate-stderr wf-benchmark -m L090 -o a.csv --rejects b.csv "$FIX/benchmark/facts.csv"
	[ "$status" -eq 0 ]
}

@test "a full disk under --profile, --summary and every wf-report format: exit 1 and the message" {
	[ -w /dev/full ] || skip "no /dev/full"
	printf '%s\n' "year,institution,institution_type,measure,value" "2022,C1,C,HEADCOUNT,200" \
		"2022,C1,C,HEADCOUNT_WOMEN,100" "2022,C1,C,L090,50" > f.csv
	run --separate-stderr bash -c "$WF_WRAP '$WF_BUILD/bin/wf-benchmark' --profile --no-progress -q f.csv > /dev/full"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: write error: stdout: No space left on device" ]
	run --separate-stderr bash -c "$WF_WRAP '$WF_BUILD/bin/wf-benchmark' -m L090 --summary --by institution_type --no-progress f.csv > /dev/full"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: write error: stdout: No space left on device" ]
	for f in table markdown html json csv; do
		run --separate-stderr bash -c "$WF_WRAP '$WF_BUILD/bin/wf-report' -f $f f.csv > /dev/full"
		echo "$f: $status $stderr"
		[ "$status" -eq 1 ]
		[ "$stderr" = "wf-report: write error: stdout: No space left on device" ]
	done
}

@test "read error mid-file under --profile: the file named, exit 1, the old output kept" {
	in=$(rely_big wf-benchmark 5000)
	echo old > out.csv
	run --separate-stderr with_eio big.csv 100000 wf-benchmark --profile --no-progress -q -o out.csv "$in"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: big.csv: read error: Input/output error" ]
	[ "$(cat out.csv)" = old ]
}
