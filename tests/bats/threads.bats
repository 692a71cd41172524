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
	same_for_threads --rejects rej.csv loose/*
	cp out1 want
	TMPDIR=$PWD/no/such/dir same_for_threads --rejects rej.csv loose/*
	[ "$st" -eq 0 ]
	cmp out1 want
}
