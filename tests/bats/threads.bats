#!/usr/bin/env bats
# wf-ingest --threads: several inputs read at once give, byte for byte,
# the output, --rejects file, stderr and exit status of one thread,
# including every way a run goes wrong part way through the inputs.

load common

setup() {
	cd "$BATS_TEST_TMPDIR"
	I="$FIX/ingest"
	# SYNTHETIC: four years, loose and as RGS Tutto zips
	"$WF_BUILD/bin/wf-synth" --years 2017-2020 --tiny -o loose >/dev/null
	"$WF_BUILD/bin/wf-synth" --years 2017-2020 --tiny --zip tutto -o zips >/dev/null
	rm -f loose/SYNTHETIC-README.txt
}

# Run wf-ingest with --threads 1, 2 and 4 on the same arguments; every
# result must be the same bytes. Leaves one thread's as out1, err1,
# rej1 and $st. --rejects goes to rej.csv when the arguments name it.
same_for_threads() {
	local t
	for t in 1 2 4; do
		rm -f rej.csv
		st=0
		wf-ingest --threads $t "$@" >out$t 2>err$t </dev/null || st=$?
		echo "$st" >st$t
		if [ -f rej.csv ]; then mv rej.csv rej$t; else : >rej$t; fi
	done
	for t in 2 4; do
		cmp out1 out$t || { echo "--threads $t: stdout differs"; return 1; }
		diff -u err1 err$t || { echo "--threads $t: stderr differs"; return 1; }
		cmp rej1 rej$t || { echo "--threads $t: rejects differ"; return 1; }
		[ "$(cat st$t)" = "$(cat st1)" ] || { echo "--threads $t: status $(cat st$t), not $(cat st1)"; return 1; }
	done
	st=$(cat st1)
}

@test "--threads: 28 files of four years, loose and zipped, -v and NDJSON: the same bytes" {
	same_for_threads -v loose/*
	[ "$st" -eq 0 ]
	[ "$(wc -l <out1)" -eq 7811 ]
	grep -qxF "wf-ingest: loose/ASSENZE_2020.CSV: csv, delimiter ';' (from header), encoding ascii (no non-ASCII byte)" err1
	[ "$(tail -n 1 err1)" = "wf-ingest: total: 10027 rows read, 0 rejected, 7810 records written, 0 blank lines skipped" ]
	same_for_threads -f ndjson --excel-safe zips/*.zip
	[ "$st" -eq 0 ]
	[ "$(wc -l <out1)" -eq 7810 ]
	# gzip inputs (each inflated by a thread of its own)
	mkdir gz && gzip -c loose/COSTO_LAVORO_2017.csv >gz/COSTO_LAVORO_2017.csv.gz &&
		gzip -c loose/OCCUPAZIONE_2018.csv >gz/OCCUPAZIONE_2018.csv.gz
	same_for_threads -v gz/COSTO_LAVORO_2017.csv.gz gz/OCCUPAZIONE_2018.csv.gz loose/COSTO_LAVORO_2019.csv
	[ "$st" -eq 0 ]
	grep -qxF "wf-ingest: gz/OCCUPAZIONE_2018.csv.gz: csv, delimiter ';' (from header), encoding ascii (no non-ASCII byte), gzip" err1
}

@test "--threads: a bad row in the second of four files stops the run there, as with one thread" {
	{ head -n 30 loose/COSTO_LAVORO_2018.csv; echo 'C4308;RALN;L090;abc'; sed -n '31,$p' loose/COSTO_LAVORO_2018.csv; } \
		>COSTO_LAVORO_2018.csv
	same_for_threads loose/COSTO_LAVORO_2017.csv COSTO_LAVORO_2018.csv loose/COSTO_LAVORO_2019.csv \
		loose/COSTO_LAVORO_2020.CSV
	[ "$st" -eq 1 ]
	[ "$(cat err1)" = "wf-ingest: loose/COSTO_LAVORO_2017.csv: COSTO_LAVORO 2017: 967 rows read, 0 rejected, 967 records written, 0 blank lines skipped
wf-ingest: COSTO_LAVORO_2018.csv:31: not a number: 'abc' in TOTALE_SPESA" ]
	# what was read before the bad row is written, nothing of the files after it
	[ "$(wc -l <out1)" -eq $((1 + 967 + 29)) ]
	# with --rejects every file is read and the row kept
	same_for_threads --rejects rej.csv loose/COSTO_LAVORO_2017.csv COSTO_LAVORO_2018.csv \
		loose/COSTO_LAVORO_2019.csv loose/COSTO_LAVORO_2020.CSV
	[ "$st" -eq 1 ]
	[ "$(cat rej1)" = "source,line,reason,raw
COSTO_LAVORO_2018.csv,31,not a number: 'abc' in TOTALE_SPESA,C4308;RALN;L090;abc" ]
	[ "$(tail -n 1 err1)" = "wf-ingest: total: 3957 rows read, 1 rejected, 3956 records written, 0 blank lines skipped" ]
	[ "$(wc -l <out1)" -eq 3957 ]
}

@test "--threads: a fact repeated in a later file of the same year is a duplicate of that file's line" {
	head -n 50 loose/COSTO_LAVORO_2019.csv >COSTO_LAVORO_2019_a.csv
	{ head -n 1 loose/COSTO_LAVORO_2019.csv; sed -n '45,60p' loose/COSTO_LAVORO_2019.csv; } >COSTO_LAVORO_2019_b.csv
	same_for_threads --rejects rej.csv loose/COSTO_LAVORO_2018.csv COSTO_LAVORO_2019_a.csv \
		COSTO_LAVORO_2019_b.csv loose/COSTO_LAVORO_2020.CSV
	[ "$st" -eq 1 ]
	[ "$(grep -c 'duplicate of COSTO_LAVORO_2019_a.csv:' rej1)" -eq 6 ]
	grep -q '^COSTO_LAVORO_2019_b.csv,2,"duplicate of COSTO_LAVORO_2019_a.csv:45 (same institution, contract and measure in 2019; see --sum-duplicates)",' rej1
	# without --rejects the first one stops the run
	same_for_threads loose/COSTO_LAVORO_2018.csv COSTO_LAVORO_2019_a.csv COSTO_LAVORO_2019_b.csv \
		loose/COSTO_LAVORO_2020.CSV
	[ "$st" -eq 1 ]
	[ "$(tail -n 1 err1)" = "wf-ingest: COSTO_LAVORO_2019_b.csv:2: duplicate of COSTO_LAVORO_2019_a.csv:45 (same institution, contract and measure in 2019; see --sum-duplicates)" ]
	# the same year in files that do not overlap: all written
	sed -n '1p;51,$p' loose/COSTO_LAVORO_2019.csv >COSTO_LAVORO_2019_c.csv
	same_for_threads COSTO_LAVORO_2019_a.csv COSTO_LAVORO_2019_c.csv loose/COSTO_LAVORO_2020.CSV
	[ "$st" -eq 0 ]
	[ "$(wc -l <out1)" -eq $((1 + 999 + 986)) ]
}

# A canonical stream FILE of the year Y: one fact per argument,
# "INSTITUTION MEASURE", or "YEAR;INSTITUTION MEASURE" for another year.
canon() {
	local f=$1 y=$2 fact fy
	shift 2
	echo "year,institution,institution_type,institution_name,contract,aggregate,comparto,region,province,comune,measure,value" >"$f"
	for fact in "$@"; do
		fy=$y
		case $fact in *";"*) fy=${fact%%;*}; fact=${fact#*;} ;; esac
		echo "$fy,${fact% *},C,,RALN,,,,,,${fact#* },1" >>"$f"
	done
}

@test "--threads: duplicates across files: a file read by a worker, its facts taken, later files checked against them" {
	# a and b do not overlap (b's facts join a's); c repeats one of
	# each and one of its own; d is new; e repeats d's, c's and a's;
	# f changes year and back (its first year's facts are checked
	# apart, its 2019 table starts again); g repeats f's last 2019 fact
	canon a_2019.csv 2019 "C1001 A001" "C1001 A002" "C1002 A001" "C1002 A002"
	canon b_2019.csv 2019 "C1003 A001" "C1001 A003" "C1002 A003"
	canon c_2019.csv 2019 "C1004 A001" "C1001 A003" "C1002 A002" "C1004 A001" "C1005 A009"
	canon d_2019.csv 2019 "C1006 A001" "C1006 A002" "C1001 A004"
	canon e_2019.csv 2019 "C1006 A002" "C1005 A009" "C1001 A001" "C1007 A001" "C1001 A004"
	canon f_2019.csv 2019 "C1008 A001" "2020;C1008 A001" "2020;C1001 A001" "2020;C1008 A001" "C1009 A001"
	canon g_2019.csv 2019 "C1009 A001" "C1010 A001" "2020;C1001 A001"
	same_for_threads --rejects rej.csv a_2019.csv b_2019.csv c_2019.csv d_2019.csv e_2019.csv \
		f_2019.csv g_2019.csv
	[ "$st" -eq 1 ]
	cut -d, -f1-3 rej1 >reasons
	assert_file reasons <<'EOF'
source,line,reason
c_2019.csv,3,"duplicate of b_2019.csv:3 (same institution
c_2019.csv,4,"duplicate of a_2019.csv:5 (same institution
c_2019.csv,5,"duplicate of line 2 (same institution
e_2019.csv,2,"duplicate of d_2019.csv:3 (same institution
e_2019.csv,3,"duplicate of c_2019.csv:6 (same institution
e_2019.csv,4,"duplicate of a_2019.csv:2 (same institution
e_2019.csv,6,"duplicate of d_2019.csv:4 (same institution
f_2019.csv,5,"duplicate of line 3 (same institution
g_2019.csv,2,"duplicate of f_2019.csv:6 (same institution
EOF
	[ "$(wc -l <out1)" -eq $((1 + 4 + 3 + 2 + 3 + 1 + 4 + 2)) ]
	# without --rejects the first one ends the run, in the third file
	same_for_threads a_2019.csv b_2019.csv c_2019.csv d_2019.csv e_2019.csv
	[ "$st" -eq 1 ]
	[ "$(tail -n 1 err1)" = "wf-ingest: c_2019.csv:3: duplicate of b_2019.csv:3 (same institution, contract and measure in 2019; see --sum-duplicates)" ]
	# the files without repeats: every fact written, on every N
	same_for_threads a_2019.csv b_2019.csv d_2019.csv g_2019.csv
	[ "$st" -eq 0 ]
	[ "$(wc -l <out1)" -eq $((1 + 4 + 3 + 3 + 3)) ]
}

@test "--threads: random files of one to three years with repeats across them, 40 seeds: the same bytes" {
	cat >gen.py <<'EOF'
import os, random, sys
r = random.Random(int(sys.argv[1]))
years = [2017, 2018, 2019][:r.randint(1, 3)]
insts = ["C%d" % r.randint(1000, 1030) for _ in range(r.randint(1, 12))]
measures = ["A%03d" % i for i in range(r.randint(1, 60))]
seen, names = [], []
for f in range(r.randint(2, 7)):
    mixed, fy, pdup = r.random() < 0.3, r.choice(years), r.choice([0, 0, 0.02, 0.15])
    rows = []
    for _ in range(r.randint(0, 40)):
        if seen and r.random() < pdup:
            row = r.choice(seen)
            if not mixed:
                row = (fy,) + row[1:]
        else:
            row = (r.choice(years) if mixed else fy, r.choice(insts), r.choice(measures))
            if r.random() < 0.7 and row in seen:
                continue
        rows.append(row)
        seen.append(row)
    name = "f%d_%d.csv" % (f, fy)
    if names and r.random() < 0.1: # the same name as the last, elsewhere
        os.mkdir("sub%d" % f)
        name = "sub%d/%s" % (f, os.path.basename(names[-1]))
    names.append(name)
    with open(name, "w") as o:
        o.write("year,institution,institution_type,institution_name,contract,aggregate,"
                "comparto,region,province,comune,measure,value\n")
        for i, (y, inst, m) in enumerate(rows):
            if r.random() < 0.02:
                o.write("20x7,C1,C,,RALN,,,,,,A001,1\n")
            o.write("%d,%s,C,,RALN,,,,,,%s,%d\n" % (y, inst, m, i))
print(" ".join(names))
EOF
	for seed in $(seq 1 40); do
		mkdir s$seed
		cd s$seed
		names=$(python3 ../gen.py $seed)
		same_for_threads $names || { echo "seed $seed, no --rejects"; return 1; }
		same_for_threads --rejects rej.csv $names || { echo "seed $seed, --rejects"; return 1; }
		cd ..
	done
}

@test "--threads: a file or member given twice, a missing file, standard input: as with one thread" {
	cp zips/2018Tutto.zip again.zip
	same_for_threads zips/2017Tutto.zip zips/2018Tutto.zip again.zip zips/2019Tutto.zip
	[ "$st" -eq 1 ]
	grep -qxF "wf-ingest: again.zip: same bytes as zips/2018Tutto.zip (given twice?); not read" err1
	same_for_threads loose/COSTO_LAVORO_2017.csv nosuch.csv loose/COSTO_LAVORO_2017.csv loose/COSTO_LAVORO_2019.csv
	[ "$st" -eq 1 ]
	grep -qxF "wf-ingest: nosuch.csv: No such file or directory" err1
	grep -qxF "wf-ingest: loose/COSTO_LAVORO_2017.csv: same bytes as loose/COSTO_LAVORO_2017.csv (given twice?); not read" err1
	# a member of one archive again in another (its CRC and size)
	python3 -c "
import zipfile
with zipfile.ZipFile('zips/2018Tutto.zip') as z, zipfile.ZipFile('other.zip', 'w') as o:
    o.writestr('COSTO_LAVORO_2018.csv', z.read('2018Tutto/2018Dati/COSTO_LAVORO_2018.csv'))"
	same_for_threads zips/2018Tutto.zip loose/COSTO_LAVORO_2019.csv other.zip
	[ "$st" -eq 1 ]
	grep -qxF "wf-ingest: other.zip(COSTO_LAVORO_2018.csv): same data as zips/2018Tutto.zip(2018Tutto/2018Dati/COSTO_LAVORO_2018.csv) (given twice?); not read" err1
	# standard input (here a canonical stream) is read in its turn
	wf-ingest loose/OCCUPAZIONE_2019.csv >canon.csv 2>/dev/null
	for t in 1 2; do
		wf-ingest --threads $t loose/COSTO_LAVORO_2017.csv - loose/COSTO_LAVORO_2020.CSV \
			<canon.csv >sin$t 2>sie$t
	done
	cmp sin1 sin2
	cmp sie1 sie2
	grep -qxF "wf-ingest: (stdin): canonical fact stream: 78 rows read, 0 rejected, 78 records written, 0 blank lines skipped" sie1
	[ "$(wc -l <sin1)" -eq $((1 + 967 + 78 + 986)) ]
}

@test "--threads: archives with their own code lists, a year without any, --placement-report and -v -v" {
	"$WF_BUILD/bin/wf-synth" --demo --year 2019 -o s >/dev/null
	for y in 2017 2019; do
		mkdir -p ${y}Anagrafiche && cp s/SYNTHETIC_Anagrafiche/*.CSV ${y}Anagrafiche/
		sed -i "s/^2024;/$y;/" ${y}Anagrafiche/*.CSV
		Y=$y I="$I" python3 - <<'PY'
import zipfile, io, os
y = os.environ['Y']
anag = io.BytesIO()
with zipfile.ZipFile(anag, 'w') as a:
    for f in sorted(os.listdir(y + 'Anagrafiche')):
        a.write(y + 'Anagrafiche/' + f)
with zipfile.ZipFile(y + 'Tutto.zip', 'w') as z:
    z.writestr(y + 'Anagrafiche.zip', anag.getvalue())
    z.write(os.environ['I'] + '/COSTO_LAVORO_2019.csv', y + 'Dati/COSTO_LAVORO_' + y + '.csv')
PY
	done
	cp "$I/COSTO_LAVORO_2019.csv" COSTO_LAVORO_2018.csv
	cp "$I/COSTO_LAVORO_2019.csv" COSTO_LAVORO_2020.csv
	# 2018 and 2020 have no lists: they take those of the nearest year,
	# which an archive read before them brought
	same_for_threads -v -v --placement-report place.csv COSTO_LAVORO_2018.csv 2017Tutto.zip \
		COSTO_LAVORO_2020.csv 2019Tutto.zip COSTO_LAVORO_2018.csv
	[ "$st" -eq 1 ]
	grep -qxF "wf-ingest: 2017Tutto.zip: using the code lists of 2017 it holds" err1
	grep -qxF "wf-ingest: no code lists of 2020; its files use those of 2017" err1
	[ "$(grep -c 'no code lists of 2018' err1)" -eq 0 ]
	grep -q '^2020,C4308,C,COMUNE DI MILANO,' out1
	grep -q '^2018,C4308,C,,' out1
	for t in 2 4; do
		wf-ingest --threads $t --placement-report place$t.csv COSTO_LAVORO_2018.csv 2017Tutto.zip \
			COSTO_LAVORO_2020.csv 2019Tutto.zip >/dev/null 2>&1 || true
	done
	wf-ingest --threads 1 --placement-report place1.csv COSTO_LAVORO_2018.csv 2017Tutto.zip \
		COSTO_LAVORO_2020.csv 2019Tutto.zip >/dev/null 2>&1 || true
	[ "$(wc -l <place1.csv)" -gt 3 ]
	cmp place1.csv place2.csv
	cmp place1.csv place4.csv
}

@test "--threads: without a spool in \$TMPDIR every input is read by the main thread, the same bytes" {
	# valgrind keeps files of its own in $TMPDIR and says so on stderr
	# with its pid, so stderr would differ between runs for valgrind's sake
	[[ "${WF_WRAP:-}" != *valgrind* ]] || skip "valgrind needs a writable \$TMPDIR (make check-valgrind)"
	same_for_threads --rejects rej.csv loose/*
	cp out1 want
	TMPDIR=$PWD/no/such/dir same_for_threads --rejects rej.csv loose/*
	[ "$st" -eq 0 ]
	cmp out1 want
}
