#!/usr/bin/env bats
# Tests of tests/gen/wf-synth.c, the synthetic Conto Annuale generator.
#
# Speed note (measured 2026-11-27 on the 2-core dev box, -O2 build, real
# 2024 code lists, scale 1, `wf-synth -v`): one year is 258,000-266,000
# COSTO_LAVORO + 60,000-66,000 OCCUPAZIONE + 6,500-7,200 LAVORO_FLESSIBILE
# rows written in 0.12-0.35 s, i.e. 1.0-2.9 million rows/s depending on
# the page cache; all 24 years (--years 2001-2024, 7.9 M rows, 267 MB)
# take 2.8 s of CPU, 2.8-5.9 s wall.
bats_require_minimum_version 1.5.0

setup_file() {
	export WF_BUILD="${WF_BUILD:-$(cd "$BATS_TEST_DIRNAME/../.." && pwd)/build}"
	export SYNTH="${WF_WRAP:+$WF_WRAP }$WF_BUILD/bin/wf-synth"
	export CODES="$BATS_TEST_DIRNAME/../../../shared/data/conto-annuale-2024"
	# One run with every year, loose files, built-in institutions, shared
	# by the dialect tests.
	export ALL="$BATS_FILE_TMPDIR/all"
	$SYNTH --years 2001-2024 -o "$ALL"
}

# L090 sums over aggregate-04 rows and over comuni (type C) among them,
# with the aggregate taken from CompartoContratto.CSV (or the given
# contract list). Prints "agg04 comuni" with 2 decimals, exact (cents).
l090_sums() { # FILE [COMPARTOCONTRATTO]
	python3 - "$@" <<'EOF'
import sys, re, csv
path = sys.argv[1]
agg04 = {"RALN"}
if len(sys.argv) > 2:
    with open(sys.argv[2], encoding="utf-8-sig") as f:
        agg04 = {r["CODI_CONTRATTO"] for r in csv.DictReader(f, delimiter=";")
                 if r["CODI_AGGREGATO"] == "04"}
raw = open(path, "rb").read()
old = not raw.lstrip(b"\xef\xbb\xbf").startswith(b"ISTITUZIONE")
text = raw.decode("cp1252" if old else "utf-8-sig")
rows = list(csv.reader(text.splitlines(), delimiter="," if old else ";"))
a = c = 0
for r in rows[1:]:
    if not any(r):
        continue
    inst, contract, item, value = r
    if item != "L090" or contract not in agg04:
        continue
    cents = int(value.replace(".", "").replace(",", ""))
    a += cents
    if re.match(r"^C[0-9]+$", inst):
        c += cents
print("%d.%02d %d.%02d" % (a // 100, a % 100, c // 100, c % 100))
EOF
}

zip_names() { # ZIP [INNER]: member names, one a line
	python3 - "$@" <<'EOF'
import sys, io, zipfile
z = zipfile.ZipFile(sys.argv[1])
if len(sys.argv) > 2:
    z = zipfile.ZipFile(io.BytesIO(z.read(sys.argv[2])))
print("\n".join(z.namelist()))
EOF
}

zip_cat() { # ZIP MEMBER [INNER-MEMBER]
	python3 - "$@" <<'EOF'
import sys, io, zipfile
z = zipfile.ZipFile(sys.argv[1])
data = z.read(sys.argv[2])
if len(sys.argv) > 3:
    data = zipfile.ZipFile(io.BytesIO(data)).read(sys.argv[3])
sys.stdout.buffer.write(data)
EOF
}

# --- command line -----------------------------------------------------

@test "--help prints usage to stdout and exits 0" {
	run --separate-stderr $SYNTH --help
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "Usage: wf-synth [OPTION]... -o DIR" ]
	[[ "$output" == *"--zip LAYOUT"* ]]
	[[ "$output" == *"SYNTHETIC"* ]]
	[ -z "$stderr" ]
}

@test "--version" {
	run --separate-stderr $SYNTH --version
	[ "$status" -eq 0 ]
	[ "$output" = "wf-synth 0.1.0" ]
}

@test "usage error: year out of range" {
	run --separate-stderr $SYNTH --year 1999 -o "$BATS_TEST_TMPDIR/x"
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-synth: invalid year '1999' (expected 2001-2024)
Try 'wf-synth --help' for more information." ]
	[ ! -e "$BATS_TEST_TMPDIR/x" ]
}

@test "usage error: bad year range" {
	run --separate-stderr $SYNTH --years 2019-2001 -o "$BATS_TEST_TMPDIR/x"
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-synth: invalid year range '2019-2001' (expected A-B)
Try 'wf-synth --help' for more information." ]
}

@test "usage error: missing -o" {
	run --separate-stderr $SYNTH --year 2019
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-synth: missing -o DIR
Try 'wf-synth --help' for more information." ]
}

@test "usage error: bad zip layout" {
	run --separate-stderr $SYNTH --zip flat -o "$BATS_TEST_TMPDIR/x"
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-synth: invalid zip layout 'flat' (expected auto, root, tutto or nested)
Try 'wf-synth --help' for more information." ]
}

@test "usage error: bad scale" {
	run --separate-stderr $SYNTH --scale 0 -o "$BATS_TEST_TMPDIR/x"
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-synth: invalid scale '0' (expected a number in (0, 100])
Try 'wf-synth --help' for more information." ]
}

@test "usage error: unknown option" {
	run --separate-stderr $SYNTH --bogus
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"Try 'wf-synth --help' for more information." ]]
}

@test "data error: missing code lists directory" {
	run --separate-stderr $SYNTH --codes "$BATS_TEST_TMPDIR/nope" -o "$BATS_TEST_TMPDIR/x"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-synth: $BATS_TEST_TMPDIR/nope/CompartoContratto.CSV: No such file or directory" ]
	[ ! -e "$BATS_TEST_TMPDIR/x" ]
}

@test "data error: malformed code list row is reported with file:line" {
	d="$BATS_TEST_TMPDIR/codes"
	mkdir -p "$d"
	printf 'ANNO;CODI_COMPARTO;DESC_COMPARTO;CODI_AGGREGATO;DESC_AGGREGATO;CODI_CONTRATTO;DESC_CONTRATTO\n2024;FL;FUNZIONI LOCALI;04;REGIONI;RALN;X\n' >"$d/CompartoContratto.CSV"
	printf '\xef\xbb\xbfANNO;CODI_TIPO_ISTITUZIONE;DESC_TIPO_ISTITUZIONE;CODI_ISTITUZIONE;DESC_ISTITUZIONE;CODI_FISCALE\n2024;C;COMUNI;4308;COMUNE DI MILANO;1199250158\n2024;C;COMUNI;"4309;COMUNE\n' >"$d/TipoIstituzione_Istituzione.CSV"
	run --separate-stderr $SYNTH --codes "$d" -o "$BATS_TEST_TMPDIR/x"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-synth: $d/TipoIstituzione_Istituzione.CSV:3: unterminated quoted field or over 32 fields
wf-synth: $d/TipoIstituzione_Istituzione.CSV: 1 rows rejected" ]
}

@test "data error: missing column in a code list" {
	d="$BATS_TEST_TMPDIR/codes"
	mkdir -p "$d"
	printf 'ANNO;CODI_CONTRATTO\n2024;RALN\n' >"$d/CompartoContratto.CSV"
	run --separate-stderr $SYNTH --codes "$d" -o "$BATS_TEST_TMPDIR/x"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-synth: $d/CompartoContratto.CSV:1: missing column 'CODI_AGGREGATO'" ]
}

@test "data error: output directory cannot be created" {
	run --separate-stderr $SYNTH --tiny -o /proc/wf-synth-nope
	[ "$status" -eq 1 ]
	[[ "$stderr" == "wf-synth: /proc/wf-synth-nope: "* ]]
}

@test "--targets prints the calibration table" {
	run --separate-stderr $SYNTH --targets
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 25 ]
	[ "${lines[0]}" = "year,aggregate_04_l090,comuni_l090" ]
	[ "${lines[1]}" = "2001,34000000.00,24900000.00" ]
	[ "${lines[19]}" = "2019,13300000.00,2500000.00" ]
	[ "${lines[24]}" = "2024,15200000.00,3100000.00" ]
}

# --- determinism --------------------------------------------------------

@test "same options give byte-identical loose files" {
	$SYNTH --years 2001-2024 -o "$BATS_TEST_TMPDIR/b"
	diff -r "$ALL" "$BATS_TEST_TMPDIR/b"
}

@test "same options give byte-identical zips, whatever the time zone and clock" {
	$SYNTH --demo -o "$BATS_TEST_TMPDIR/a"
	sleep 1
	TZ=America/New_York $SYNTH --demo -o "$BATS_TEST_TMPDIR/b"
	diff -r "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
	# seven yearly zips, the README and the demo code lists
	[ "$(ls "$BATS_TEST_TMPDIR/a" | wc -l)" -eq 9 ]
	[ "$(ls "$BATS_TEST_TMPDIR/a/SYNTHETIC_Anagrafiche" | tr '\n' ' ')" = "CompartoContratto.CSV LEGGIMI.txt RegioneProvinciaCatasto.CSV TipoIstituzione_Istituzione.CSV VoceSpesa.CSV " ]
}

@test "--demo code lists give wf-ingest names, aggregates and places" {
	$SYNTH --demo --year 2019 -o "$BATS_TEST_TMPDIR/d"
	run --separate-stderr $WF_WRAP "$WF_BUILD/bin/wf-ingest" --codes "$BATS_TEST_TMPDIR/d/SYNTHETIC_Anagrafiche" "$BATS_TEST_TMPDIR/d/2019Tutto.zip"
	[ "$status" -eq 0 ]
	[[ "$output" == *"2019,C4308,C,COMUNE DI MILANO,RALN,04,FL,03,MI,,A015,"* ]]
	[ "${stderr_lines[-1]}" = "wf-ingest: 47 institutions placed: 17 by code list, 9 by name, 0 by former name, 7 by seat, 0 by tax code, 0 by override; 5 national, 9 unplaced (-v lists them)" ]
}

@test "a year's files do not depend on the other years generated" {
	$SYNTH --year 2013 -o "$BATS_TEST_TMPDIR/one"
	cmp "$ALL/COSTO_LAVORO_2013.csv" "$BATS_TEST_TMPDIR/one/COSTO_LAVORO_2013.csv"
	cmp "$ALL/LAVORO_FLESSIBILE_2013.csv" "$BATS_TEST_TMPDIR/one/LAVORO_FLESSIBILE_2013.csv"
}

@test "a different seed gives different figures, same calibrated L090 sums" {
	$SYNTH --year 2019 --seed 7 -o "$BATS_TEST_TMPDIR/s"
	! cmp -s "$ALL/COSTO_LAVORO_2019.csv" "$BATS_TEST_TMPDIR/s/COSTO_LAVORO_2019.csv"
	[ "$(l090_sums "$BATS_TEST_TMPDIR/s/COSTO_LAVORO_2019.csv")" = "13300000.00 2500000.00" ]
}

# --- dialects -------------------------------------------------------------

@test "README says synthetic; CSV files carry no comment lines" {
	grep -q '^SYNTHETIC DATA' "$ALL/SYNTHETIC-README.txt"
	! grep -l '^#' "$ALL"/*_20[0-9][0-9].* >/dev/null
}

@test "2019: modern dialect, BOM on COSTO_LAVORO only, LF, UTF-8, Italian grouped numbers" {
	[ "$(head -c 3 "$ALL/COSTO_LAVORO_2019.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf" ]
	[ "$(head -1 "$ALL/COSTO_LAVORO_2019.csv")" = $'\xef\xbb\xbfISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA' ]
	[ "$(head -c 11 "$ALL/OCCUPAZIONE_2019.csv")" = "ISTITUZIONE" ]
	! grep -q $'\r' "$ALL/COSTO_LAVORO_2019.csv"
	! grep -q '"' "$ALL/COSTO_LAVORO_2019.csv"
	iconv -f utf-8 -t utf-8 "$ALL/COSTO_LAVORO_2019.csv" >/dev/null
	# every amount is Italian with '.' groups and ',' decimals
	[ "$(tail -n +2 "$ALL/COSTO_LAVORO_2019.csv" | cut -d';' -f4 | grep -Evc '^[0-9]{1,3}(\.[0-9]{3})*,[0-9]{2}$')" -eq 0 ]
	tail -n +2 "$ALL/COSTO_LAVORO_2019.csv" | awk -F';' '$4 ~ /\./ {f=1} END {exit !f}'
}

@test "2001: modern dialect, .CSV, no BOM, numbers without grouping" {
	[ -f "$ALL/COSTO_LAVORO_2001.CSV" ]
	[ "$(head -1 "$ALL/COSTO_LAVORO_2001.CSV")" = "ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA" ]
	[ "$(tail -n +2 "$ALL/COSTO_LAVORO_2001.CSV" | cut -d';' -f4 | grep -Evc '^[0-9]+,[0-9]{2}$')" -eq 0 ]
	grep -q 'PERSONALE_TEMPO_PIEDO_DONNE' "$ALL/OCCUPAZIONE_2001.CSV"
}

@test "2005: old dialect: comma, all quoted, Title Case, CRLF, padded CATEGORIA" {
	[ "$(head -1 "$ALL/COSTO_LAVORO_2005.CSV")" = $'"Istituzione","Contratto","Voce di Spesa","Totale Spesa"\r' ]
	[ "$(head -1 "$ALL/OCCUPAZIONE_2005.CSV" | cut -d, -f7)" = '"Personale Tempo Piedo Donne"' ]
	# every line is CRLF and every field quoted
	[ "$(grep -vc $'\r$' "$ALL/COSTO_LAVORO_2005.CSV")" -eq 0 ]
	[ "$(tr -d '\r' <"$ALL/COSTO_LAVORO_2005.CSV" | grep -Evc '^"[^"]*"(,"[^"]*")*$')" -eq 0 ]
	sed -n 2p "$ALL/COSTO_LAVORO_2005.CSV" | grep -Eq '^"[A-Z]+[0-9]+","[A-Z0-9]+","[A-Z][0-9]{3}","[0-9.]+,[0-9]{2}"'
	tail -n +2 "$ALL/OCCUPAZIONE_2005.CSV" | cut -d, -f4 | grep -q '^"[A-Z0-9][A-Z0-9] "$'
}

@test "2013: old COSTO_LAVORO, modern LAVORO_FLESSIBILE with delimiter-only rows" {
	[ "$(head -c 13 "$ALL/COSTO_LAVORO_2013.csv")" = '"Istituzione"' ]
	[ "$(head -c 12 "$ALL/LAVORO_FLESSIBILE_2013.csv")" = "ISTITUZIONE;" ]
	grep -qx ';;;;;;;;' "$ALL/LAVORO_FLESSIBILE_2013.csv"
	grep -qx ';;;;;;;;;;;' "$ALL/LAVORO_FLESSIBILE_2013.csv"
	! grep -qx ';*' "$ALL/LAVORO_FLESSIBILE_2012.CSV"
	! grep -qx ';*' "$ALL/LAVORO_FLESSIBILE_2014.csv"
}

@test "2015: PART_TIMESUP50% header typo, old dialect, LF" {
	head -1 "$ALL/OCCUPAZIONE_2015.csv" | grep -q '"Part TimeSup50% Uomini","Part TimeSup50% Donne"$'
	! grep -q $'\r' "$ALL/OCCUPAZIONE_2015.csv"
	! head -1 "$ALL/OCCUPAZIONE_2016.csv" | grep -q 'TimeSup'
}

@test "2017: COSTO_LAVORO modern with BOM, OCCUPAZIONE old, both CRLF" {
	[ "$(head -1 "$ALL/COSTO_LAVORO_2017.csv")" = $'\xef\xbb\xbfISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA\r' ]
	[ "$(head -c 13 "$ALL/OCCUPAZIONE_2017.csv")" = '"Istituzione"' ]
	[ "$(grep -vc $'\r$' "$ALL/OCCUPAZIONE_2017.csv")" -eq 0 ]
}

@test "2020 has the PIEDO typo, 2021 does not; 2021 all BOM" {
	grep -q 'PERSONALE_TEMPO_PIEDO_DONNE' "$ALL/OCCUPAZIONE_2020.CSV"
	head -1 "$ALL/OCCUPAZIONE_2021.csv" | grep -q 'PERSONALE_TEMPO_PIENO_DONNE'
	for f in COSTO_LAVORO OCCUPAZIONE LAVORO_FLESSIBILE; do
		[ "$(head -c 3 "$ALL/${f}_2021.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf" ]
	done
	[ "$(head -c 3 "$ALL/LAVORO_FLESSIBILE_2024.csv")" = "IST" ]
}

@test "every year: data headers normalise to the UPPER_SNAKE names" {
	for y in $(seq 2001 2024); do
		for f in "$ALL"/COSTO_LAVORO_$y.*; do
			h=$(head -1 "$f" | sed 's/^\xef\xbb\xbf//; s/\r$//; s/"//g; s/,/;/g; s/ di / DI /g; s/ /_/g' | tr a-z A-Z)
			[ "$h" = "ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA" ] ||
				[ "$h" = "ISTITUZIONE;CONTRATTO;VOCE_DI_SPESA;TOTALE_SPESA" ]
		done
		for f in "$ALL"/OCCUPAZIONE_$y.*; do
			h=$(head -1 "$f" | sed 's/^\xef\xbb\xbf//; s/\r$//; s/"//g; s/,/;/g; s/ /_/g; s/PIEDO/PIENO/I; s/TimeSup/Time_Sup/g; s/TIMESUP/TIME_SUP/g' | tr a-z A-Z)
			[ "$h" = "ISTITUZIONE;CONTRATTO;MACROCATEGORIA;CATEGORIA;QUALIFICA;PERSONALE_TEMPO_PIENO_UOMINI;PERSONALE_TEMPO_PIENO_DONNE;PART_TIME_INF50%_UOMINI;PART_TIME_INF50%_DONNE;PART_TIME_SUP50%_UOMINI;PART_TIME_SUP50%_DONNE" ]
		done
	done
}

@test "the three data files are valid UTF-8 (old years are plain ASCII)" {
	for f in "$ALL"/{COSTO_LAVORO,OCCUPAZIONE,LAVORO_FLESSIBILE}_20[0-9][0-9].*; do
		iconv -f utf-8 -t utf-8 "$f" >/dev/null
	done
	! LC_ALL=C grep -lP '[\x80-\xff]' "$ALL/COSTO_LAVORO_2005.CSV"
}

@test "MODALITA_LAVORO_FLESSIBILE: the old dialect's accented header is Windows-1252, the modern one ASCII" {
	head -1 "$ALL/MODALITA_LAVORO_FLESSIBILE_2010.CSV" | LC_ALL=C grep -q $'Reperibilit\xe0 Uomini'
	! LC_ALL=C grep -lP '[\x80-\xff]' "$ALL/MODALITA_LAVORO_FLESSIBILE_2022.csv"
	for f in "$ALL"/{ASSENZE,FORMAZIONE,CONTRATTAZIONE_INTEGRATIVA}_20[0-9][0-9].*; do
		iconv -f utf-8 -t utf-8 "$f" >/dev/null
	done
}

# --- zips ---------------------------------------------------------------

@test "--zip auto: nested 2015, root 2020 and 2024, tutto 2021" {
	d="$BATS_TEST_TMPDIR/z"
	$SYNTH --tiny --zip auto --year 2015 --years 2020-2021 --year 2024 -o "$d"
	run ls "$d"
	[ "$output" = $'2015Tutto.zip\n2020Dati.zip\n2021Tutto.zip\n2024Dati.zip\nSYNTHETIC-README.txt' ]
	[ "$(zip_names "$d/2015Tutto.zip")" = $'LEGGIMI.txt\n2015Dati.zip' ]
	[ "$(zip_names "$d/2015Tutto.zip" 2015Dati.zip)" = $'COSTO_LAVORO_2015.csv\nOCCUPAZIONE_2015.csv\nLAVORO_FLESSIBILE_2015.csv\nRETRIBUZIONE_MEDIA_2015.csv\nASSENZE_2015.csv\nFORMAZIONE_2015.csv\nMODALITA_LAVORO_FLESSIBILE_2015.csv\nCONTRATTAZIONE_INTEGRATIVA_2015.csv' ]
	[ "$(zip_names "$d/2020Dati.zip")" = $'2020Dati/\n2020Dati/COSTO_LAVORO_2020.CSV\n2020Dati/OCCUPAZIONE_2020.CSV\n2020Dati/LAVORO_FLESSIBILE_2020.CSV\n2020Dati/RETRIBUZIONE_MEDIA_2020.CSV\n2020Dati/ASSENZE_2020.CSV\n2020Dati/FORMAZIONE_2020.CSV\n2020Dati/MODALITA_LAVORO_FLESSIBILE_2020.CSV\n2020Dati/CONTRATTAZIONE_INTEGRATIVA_2020.CSV\nLEGGIMI.txt' ]
	[ "$(zip_names "$d/2021Tutto.zip")" = $'2021Tutto/\n2021Tutto/2021Dati/\n2021Tutto/2021Dati/COSTO_LAVORO_2021.csv\n2021Tutto/2021Dati/OCCUPAZIONE_2021.csv\n2021Tutto/2021Dati/LAVORO_FLESSIBILE_2021.csv\n2021Tutto/2021Dati/RETRIBUZIONE_MEDIA_2021.csv\n2021Tutto/2021Dati/ASSENZE_2021.csv\n2021Tutto/2021Dati/FORMAZIONE_2021.csv\n2021Tutto/2021Dati/MODALITA_LAVORO_FLESSIBILE_2021.csv\n2021Tutto/2021Dati/CONTRATTAZIONE_INTEGRATIVA_2021.csv\n2021Tutto/LEGGIMI.txt' ]
	unzip -l "$d/2021Tutto.zip" >/dev/null
	unzip -z "$d/2024Dati.zip" | grep -q 'SYNTHETIC DATA'
	zip_cat "$d/2015Tutto.zip" LEGGIMI.txt | grep -q '^SYNTHETIC DATA'
	# no staging left behind
	[ -z "$(ls -A "$d" | grep '^\.')" ]
}

@test "zipped data files are the same bytes as loose ones" {
	d="$BATS_TEST_TMPDIR/z"
	$SYNTH --zip auto --years 2013-2013 --year 2021 -o "$d"
	cmp <(zip_cat "$d/2013Tutto.zip" 2013Dati.zip LAVORO_FLESSIBILE_2013.csv) "$ALL/LAVORO_FLESSIBILE_2013.csv"
	cmp <(zip_cat "$d/2021Tutto.zip" 2021Tutto/2021Dati/COSTO_LAVORO_2021.csv) "$ALL/COSTO_LAVORO_2021.csv"
}

@test "RETRIBUZIONE_MEDIA: Windows-1252 in old years, UTF-8 in modern ones" {
	d="$BATS_TEST_TMPDIR/z"
	$SYNTH --tiny --zip nested --year 2015 --year 2019 -o "$d"
	zip_cat "$d/2015Tutto.zip" 2015Dati.zip RETRIBUZIONE_MEDIA_2015.csv >"$d/r15"
	zip_cat "$d/2019Tutto.zip" 2019Dati.zip RETRIBUZIONE_MEDIA_2019.csv >"$d/r19"
	! iconv -f utf-8 -t utf-8 "$d/r15" >/dev/null 2>&1
	[ "$(head -1 "$d/r15" | iconv -f cp1252 -t utf-8)" = '"Contratto","Macrocategoria","Retribuzione Media","Indennità Fisse"' ]
	iconv -f utf-8 -t utf-8 "$d/r19" >/dev/null
	[ "$(head -1 "$d/r19")" = "CONTRATTO;MACROCATEGORIA;RETRIBUZIONE_MEDIA;INDENNITA_FISSE" ]
}

@test "--zip root forces the layout for any year" {
	d="$BATS_TEST_TMPDIR/z"
	$SYNTH --tiny --zip root --year 2010 -o "$d"
	zip_names "$d/2010Dati.zip" | grep -qx '2010Dati/COSTO_LAVORO_2010.CSV'
}

# --- calibration and scale ---------------------------------------------------

@test "calibration with the built-in institutions: exact L090 sums" {
	[ "$(l090_sums "$ALL/COSTO_LAVORO_2001.CSV")" = "34000000.00 24900000.00" ]
	[ "$(l090_sums "$ALL/COSTO_LAVORO_2019.csv")" = "13300000.00 2500000.00" ]
	[ "$(l090_sums "$ALL/COSTO_LAVORO_2010.CSV")" = "21500000.00 12300000.00" ]
}

@test "calibration with the real 2024 code lists: 2001 and 2019" {
	[ -d "$CODES" ] || skip "shared code lists not available"
	d="$BATS_TEST_TMPDIR/real"
	$SYNTH --codes "$CODES" --year 2001 --year 2019 -o "$d"
	[ "$(l090_sums "$d/COSTO_LAVORO_2001.CSV" "$CODES/CompartoContratto.CSV")" = "34000000.00 24900000.00" ]
	[ "$(l090_sums "$d/COSTO_LAVORO_2019.csv" "$CODES/CompartoContratto.CSV")" = "13300000.00 2500000.00" ]
	# national scale: about 260,000 cost rows; many comuni without L090
	rows=$(($(wc -l <"$d/COSTO_LAVORO_2019.csv") - 1))
	[ "$rows" -gt 230000 ] && [ "$rows" -lt 290000 ]
	comuni=$(grep -c '^C[0-9]*;RALN;A015;' "$d/COSTO_LAVORO_2019.csv")
	with=$(grep -c '^C[0-9]*;RALN;L090;' "$d/COSTO_LAVORO_2019.csv")
	[ "$comuni" -gt 7000 ] && [ "$with" -lt $((comuni / 4)) ]
	grep -q '^C4308;RALN;' "$d/COSTO_LAVORO_2019.csv"
	grep -q '^RS9204;RESI;' "$d/COSTO_LAVORO_2019.csv"
	grep -q '^Q9155;PRUN;' "$d/COSTO_LAVORO_2019.csv"
}

@test "--scale 0.01 keeps a fraction of institutions and still hits the targets" {
	[ -d "$CODES" ] || skip "shared code lists not available"
	d="$BATS_TEST_TMPDIR/small"
	$SYNTH --codes "$CODES" --scale 0.01 --year 2019 -o "$d"
	rows=$(($(wc -l <"$d/COSTO_LAVORO_2019.csv") - 1))
	[ "$rows" -gt 1000 ] && [ "$rows" -lt 6000 ]
	[ "$(l090_sums "$d/COSTO_LAVORO_2019.csv" "$CODES/CompartoContratto.CSV")" = "13300000.00 2500000.00" ]
}

@test "--scale 2.5 adds replicas numbered +100000 and still hits the targets" {
	d="$BATS_TEST_TMPDIR/big"
	$SYNTH --scale 2.5 --year 2019 -o "$d"
	one=$(wc -l <"$ALL/COSTO_LAVORO_2019.csv")
	big=$(wc -l <"$d/COSTO_LAVORO_2019.csv")
	[ "$big" -gt $((one * 2)) ] && [ "$big" -lt $((one * 3)) ]
	grep -q '^C104308;RALN;A015;' "$d/COSTO_LAVORO_2019.csv"
	[ "$(l090_sums "$d/COSTO_LAVORO_2019.csv")" = "13300000.00 2500000.00" ]
}

@test "--tiny: 30 institutions, OCCUPAZIONE counts are non-negative integers" {
	d="$BATS_TEST_TMPDIR/tiny"
	[ -d "$CODES" ] || skip "shared code lists not available"
	$SYNTH --codes "$CODES" --tiny --year 2019 -o "$d"
	[ "$(tail -n +2 "$d/COSTO_LAVORO_2019.csv" | cut -d';' -f1 | sort -u | wc -l)" -le 30 ]
	[ "$(tail -n +2 "$d/OCCUPAZIONE_2019.csv" | awk -F';' '{for (i = 6; i <= 11; i++) if ($i !~ /^[0-9]+$/) bad++} END {print bad + 0}')" -eq 0 ]
	[ "$(l090_sums "$d/COSTO_LAVORO_2019.csv" "$CODES/CompartoContratto.CSV")" = "13300000.00 2500000.00" ]
}

# --- end to end ------------------------------------------------------------

@test "wf-ingest reads every synthetic year's zip and finds the L090 targets" {
	[ -d "$CODES" ] || skip "shared code lists not available"
	[ -x "$WF_BUILD/bin/wf-ingest" ] || skip "wf-ingest not built"
	d="$BATS_TEST_TMPDIR/e2e"
	$SYNTH --codes "$CODES" --tiny --years 2001-2024 --zip auto -o "$d"
	"$WF_BUILD/bin/wf-ingest" --no-progress --codes "$CODES" "$d"/*.zip -o "$d/facts.csv"
	$SYNTH --targets >"$d/targets.csv"
	python3 - "$d/facts.csv" >"$d/sums.csv" <<'PY'
import csv, sys
from decimal import Decimal
a, c = {}, {}
for r in csv.DictReader(open(sys.argv[1])):
    if r["measure"] == "L090" and r["aggregate"] == "04":
        y = r["year"]
        a[y] = a.get(y, Decimal(0)) + Decimal(r["value"])
        if r["institution_type"] == "C":
            c[y] = c.get(y, Decimal(0)) + Decimal(r["value"])
print("year,aggregate_04_l090,comuni_l090")
for y in sorted(a):
    print("%s,%.2f,%.2f" % (y, a[y], c.get(y, Decimal(0))))
PY
	diff "$d/targets.csv" "$d/sums.csv"
}
