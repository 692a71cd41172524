#!/usr/bin/env bats
# Every example in the man pages runs, on SYNTHETIC data laid out with the
# file names the examples use. Paths outside the sandbox (/srv, /var/www)
# are mapped into it, a crontab schedule is dropped, and pagers become cat.

load common

setup_file() {
	S="$BATS_FILE_TMPDIR/sandbox"
	export S
	mkdir -p "$S" && cd "$S"
	B="$WF_BUILD/bin"
	"$B/wf-synth" --demo -o demo >/dev/null
	cp demo/*.zip .
	"$B/wf-synth" --year 2024 --zip tutto -o t24 >/dev/null && cp t24/2024Tutto.zip .
	cp -r demo/SYNTHETIC_Anagrafiche 2019Anagrafiche
	(cd demo && python3 -c "
import zipfile, os
with zipfile.ZipFile('../2024Anagrafiche.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    for f in sorted(os.listdir('SYNTHETIC_Anagrafiche')): z.write('SYNTHETIC_Anagrafiche/' + f, '2024Anagrafiche/' + f)
")
	"$B/wf-synth" --year 2019 -o 2019 >/dev/null
	"$B/wf-synth" --year 2001 -o 2001 >/dev/null
	gzip -c 2019/COSTO_LAVORO_2019.csv > COSTO_LAVORO_2019.csv.gz
	"$B/wf-ingest" --codes 2019Anagrafiche demo/*.zip -o facts.csv 2>/dev/null
	if [ -f "$PLACES" ]; then cp "$PLACES" comuni_geocoded.csv; fi
	# the current ISTAT list and the name history: the real ones when
	# present, else the SYNTHETIC fixtures in their layouts
	for l in comuni-istat:comuni-current comuni-history:comuni-history; do
		if [ -f "$SHARED/data/comuni/${l%%:*}.csv" ]; then cp "$SHARED/data/comuni/${l%%:*}.csv" "${l%%:*}.csv"
		else cp "$FIX/places/${l#*:}.csv" "${l%%:*}.csv"; fi
	done
	# a body's own monthly payroll lines (SYNTHETIC): W1 welfare, HEADCOUNT
	python3 - <<'PY'
rows = ["month,institution,institution_type,measure,value"]
for inst in ["C1", "C2", "C3"]:
    for y in (2024, 2025):
        for m in range(1, 13):
            rows.append(f"{y}-{m:02d},{inst},C,W1,{100 + m * 3 + int(inst[1:]) * 7}")
            rows.append(f"{y}-{m:02d},{inst},C,HEADCOUNT,{20 + int(inst[1:])}")
open("payroll.csv", "w").write("\n".join(rows) + "\n")
PY
	"$B/wf-benchmark" -m W1 --period month --per HEADCOUNT payroll.csv -o last.csv
	"$B/wf-synth-match" -o m >/dev/null
	cp m/demand.csv m/supply.csv .
	"$B/wf-match" --assign demand.csv supply.csv -o match.csv 2>/dev/null
	# needs with their own column names, located by comune name
	python3 - <<'PY'
import csv, json
d = list(csv.DictReader(open("demand.csv")))
with open("needs.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["codice", "name", "comune_sede", "province", "category", "dipendenti", "budget", "max_km"])
    for r in d:
        w.writerow([r["id"], r["name"], r["comune"], r["province"], r["category"], r["quantity"], r["budget"], r["max_km"]])
s = list(csv.DictReader(open("supply.csv")))
with open("offers.ndjson", "w") as f:
    for r in s:
        f.write(json.dumps({k: r[k] for k in ["id", "name", "lat", "lon", "categories", "capacity", "unit_price", "radius_km"]}) + "\n")
with open("offers.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id", "name", "lat", "lon", "categories", "capacity", "unit_price", "radius_km"])
    for r in s:
        w.writerow([r[k] for k in ["id", "name", "lat", "lon", "categories", "capacity", "unit_price", "radius_km"]])
PY
	# the same needs by coordinates, for the example without --places
	cp demand.csv needs-coords.csv
}

run_examples() { # MANPAGE
	local page="$1" n=0 block="" line
	cd "$S"
	while IFS= read -r line || [ -n "$line" ]; do
		if [ -n "$line" ]; then
			block="$block$line
"
			continue
		fi
		[ -n "$block" ] || continue
		n=$((n + 1))
		printf '%s' "$block" | sed -E -e 's|^[0-9*]+ [0-9*]+ [0-9*]+ [0-9*]+ [0-9*]+ +||' \
			-e "s|/srv/[a-z]*|$S/srv|g; s|/var/www/[a-z]*|$S/www|g; s|cd $S/srv|cd $S|" \
			-e 's/\| less -S/| cat/' \
			-e "s|/usr/local/share/wfkit/examples/|$REPO/share/wfkit/examples/|g" > "ex$n.sh"
		mkdir -p "$S/srv" "$S/www"
		echo "# $(basename "$page") example $n:"; cat "ex$n.sh"
		PATH="$WF_BUILD/bin:$PATH" bash -e -o pipefail "ex$n.sh" > "ex$n.out" 2> "ex$n.err" || {
			echo "failed:"; cat "ex$n.err"; return 1; }
		block=""
	done < <(sh "$REPO/tests/man-examples.sh" "$page"; echo)
	[ "$n" -gt 0 ]
}

@test "wf-ingest(1) examples run" {
	[ -f "$S/comuni_geocoded.csv" ] || skip "../shared comuni list not present"
	run_examples "$REPO/share/man/man1/wf-ingest.1"
}

@test "wf-benchmark(1) examples run" {
	run_examples "$REPO/share/man/man1/wf-benchmark.1"
}

@test "wf-match(1) examples run" {
	[ -f "$S/comuni_geocoded.csv" ] || skip "../shared comuni list not present"
	run_examples "$REPO/share/man/man1/wf-match.1"
}

@test "wf-report(1) examples run" {
	run_examples "$REPO/share/man/man1/wf-report.1"
}

@test "wfkit(7) examples run" {
	[ -f "$S/comuni_geocoded.csv" ] || skip "../shared comuni list not present"
	run_examples "$REPO/share/man/man7/wfkit.7"
}

@test "wf-synth(1) examples run" {
	run_examples "$REPO/share/man/man1/wf-synth.1"
}

@test "wf-synth-match(1) examples run" {
	run_examples "$REPO/share/man/man1/wf-synth-match.1"
}
