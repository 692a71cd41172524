#!/usr/bin/env bats
# Placement of institutions (wf-ingest --places, --place-overrides,
# --placement-report) and the same places module in wf-match, on the
# SYNTHETIC fixtures in tests/fixtures/places (see its README); the
# real lists in ../shared when present.

load common

setup() {
	cd "$BATS_TEST_TMPDIR"
	F="$FIX/places"
	LISTS=(--places "$F/comuni-current.csv" --places "$F/comuni-history.csv" --places "$F/comuni-geocoded.csv")
}

@test "every method, homonyms by tax code, national bodies: the placement report" {
	run --separate-stderr wf-ingest --codes "$F/a2024" "${LISTS[@]}" --placement-report rep.csv "$F/COSTO_LAVORO_2024.csv"
	[ "$status" -eq 0 ]
	[ "${stderr_lines[1]}" = "wf-ingest: 21 institutions placed: 4 by code list, 6 by name, 1 by former name, 2 by seat, 3 by tax code, 0 by override; 2 national, 3 unplaced (-v lists them)" ]
	assert_file rep.csv <<'EOT'
year,institution,institution_type,institution_name,comune,comune_name,province,region,method,evidence,in_data
2024,C1,C,COMUNE DI MILANO,015146,Milano,MI,03,code list,F205 MILANO (MI) -> 015146,1
2024,C2,C,COMUNE DI SAMONE,001235,Samone,TO,01,code list,H753 SAMONE TO (TO) -> 001235,1
2024,C3,C,COMUNE DI SAMONE,022165,Samone,TN,04,code list,H754 SAMONE TN (TN) -> 022165,1
2024,C4,C,COMUNE DI SAMONE,,,,,unplaced,"SAMONE: comuni of that name in TO, TN; no tax code to tell which",1
2024,C5,C,COMUNE DI LUNI,011020,Luni,SP,07,name,LUNI = Luni (SP) 011020,1
2024,C6,C,COMUNE DI PATERNO',087033,Paternò,CT,19,code list,G371 PATERNO' CT (CT) -> 087033,1
2024,C7,C,COMUNE DI NEGRAR,023052,Negrar di Valpolicella,VR,05,former name,NEGRAR: former name of Negrar di Valpolicella (VR) 023052,1
2024,C8,C,COMUNE DI CHIENES - GEMEINDE KIENS,021021,Chienes/Kiens,BZ,04,name,CHIENES - GEMEINDE KIENS = Chienes/Kiens (BZ) 021021,1
2024,C9,C,COMUNE DI JONADI,102017,Ionadi,VV,18,name,JONADI = Ionadi (VV) 102017,1
2024,Q10,Q,UNIVERSITA' DEGLI STUDI DI UDINE,030129,Udine,UD,06,seat,L483 UDINE (UD) -> 030129,1
2024,CA11,CA,CLINICA SANTA SYNTHETICA,,,NA,15,tax code,80000090631: office of NA (063),1
2024,CS12,CS,CONSORZIO LECCO SERVIZI SYNTHETIC,,,LC,03,tax code,"80000100131: office of CO (013), name says LC",1
2024,CS13,CS,CONSORZIO SYNTHETIC SERVIZI,,,CO,03,tax code,80000110131: office of CO (013),1
2024,M14,M,MINISTERO DELLA SALUTE,,,,,national,type M (ministries),1
2024,AG15,AG,AGENZIA DEL DEMANIO,,,,,national,"type AG, no region or place in its name",1
2024,OA16,OA,OSPEDALE SYNTHETIC,,,,,unplaced,no place in the name and no tax code,1
2024,OA17,OA,OSPEDALE SYNTHETIC DUE,,,,,unplaced,no place in the name; tax code is not numeric,1
2024,R18,R,REGIONE PIEMONTE,,,,01,name,region PIEMONTE,1
2024,P19,P,PROVINCIA DI UDINE,,,UD,06,name,province UDINE,1
2024,UC20,UC,UNIONE DEI COMUNI DI SAMONE E SYNTHETICA,,,TN,04,name,names H754 SAMONE TN (TN) -> 022165,1
2024,DS21,DS,DSM PVT ASL TO,,,TO,01,seat,province sigla TO,1
EOT
	# the fact stream carries the same places
	[ "${lines[3]}" = "2024,C3,C,COMUNE DI SAMONE,RALN,,,04,TN,022165,L090,1" ]
	[ "${lines[14]}" = "2024,M14,M,MINISTERO DELLA SALUTE,RALN,,,,,,L090,1" ]
}

@test "-v lists the unplaced with their reason; -v -v every placement" {
	run --separate-stderr wf-ingest -v --codes "$F/a2024" "${LISTS[@]}" "$F/COSTO_LAVORO_2024.csv"
	[ "$status" -eq 0 ]
	[ "${stderr_lines[3]}" = "wf-ingest: $F/comuni-current.csv: current comuni list, 14 comuni new to the lists" ]
	[ "${stderr_lines[5]}" = "wf-ingest: $F/comuni-history.csv: comuni name history, 7 names" ]
	[ "${stderr_lines[7]}" = "wf-ingest: $F/comuni-geocoded.csv: geocoded comuni list, 2 comuni new to the lists" ]
	[ "${stderr_lines[-3]}" = "wf-ingest: unplaced: C4 COMUNE DI SAMONE: SAMONE: comuni of that name in TO, TN; no tax code to tell which" ]
	[ "${stderr_lines[-1]}" = "wf-ingest: unplaced: OA17 OSPEDALE SYNTHETIC DUE: no place in the name; tax code is not numeric" ]
	run --separate-stderr wf-ingest -v -v --codes "$F/a2024" "${LISTS[@]}" "$F/COSTO_LAVORO_2024.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"wf-ingest: former name: C7 COMUNE DI NEGRAR: 023052 VR 05 (NEGRAR: former name of Negrar di Valpolicella (VR) 023052)"* ]]
	[[ "$stderr" == *"wf-ingest: national: M14 MINISTERO DELLA SALUTE: national (type M (ministries))"* ]]
	[[ "$stderr" == *"wf-ingest: tax code: CS12 CONSORZIO LECCO SERVIZI SYNTHETIC: LC 03 (80000100131: office of CO (013), name says LC)"* ]]
}

@test "--place-overrides: applied last, counted; bad files refused with their line" {
	run --separate-stderr wf-ingest --codes "$F/a2024" "${LISTS[@]}" --place-overrides "$F/overrides.csv" --placement-report rep.csv "$F/COSTO_LAVORO_2024.csv"
	[ "$status" -eq 0 ]
	[ "${stderr_lines[1]}" = "wf-ingest: 21 institutions placed: 4 by code list, 6 by name, 1 by former name, 2 by seat, 3 by tax code, 3 by override; 2 national, 0 unplaced" ]
	grep -qxF '2024,C4,C,COMUNE DI SAMONE,022165,Samone,TN,04,override,022165: SYNTHETIC: the Trentino one,1' rep.csv
	grep -qxF '2024,OA16,OA,OSPEDALE SYNTHETIC,004130,Mondovì,CN,01,override,004130: seat in Mondovì (SYNTHETIC),1' rep.csv
	grep -qxF '2024,OA17,OA,OSPEDALE SYNTHETIC DUE,,,PN,06,override,PN,1' rep.csv
	printf 'institution,place,note\nC1,national,\nX9,01,a region\n' > o.csv
	run --separate-stderr wf-ingest --codes "$F/a2024" "${LISTS[@]}" --place-overrides o.csv "$F/COSTO_LAVORO_2024.csv"
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "2024,C1,C,COMUNE DI MILANO,RALN,,,,,,L090,1" ]
	[ "${stderr_lines[2]}" = "wf-ingest: o.csv: 1 override for institutions the data did not use (X9)" ]
	# a remark like the counts above it: --quiet silences it
	run --separate-stderr wf-ingest --quiet --codes "$F/a2024" "${LISTS[@]}" --place-overrides o.csv "$F/COSTO_LAVORO_2024.csv"
	[ "$status" -eq 0 ]
	[ "$stderr" = "" ]
	for bad in "C1,999999,|o.csv:2: comune '999999' is not in the places list" \
		"C1,ZZ,|o.csv:2: place 'ZZ' is not a comune code (6 digits), a province sigla, a region code (2 digits) or 'national'" \
		"C1,21,|o.csv:2: '21' is not an ISTAT region code (01-20)" \
		"1,MI,|o.csv:2: bad institution code '1'"; do
		printf 'institution,place,note\n%s\n' "${bad%%|*}" > o.csv
		run --separate-stderr wf-ingest --codes "$F/a2024" "${LISTS[@]}" --place-overrides o.csv "$F/COSTO_LAVORO_2024.csv"
		[ "$status" -eq 1 ]
		[ "$stderr" = "wf-ingest: ${bad#*|}" ]
	done
	printf 'institution,place,note\nC1,MI,\nC1,TO,\n' > o.csv
	run --separate-stderr wf-ingest --codes "$F/a2024" --place-overrides o.csv "$F/COSTO_LAVORO_2024.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: o.csv:3: institution C1 given twice" ]
	printf 'key,where\nC1,MI\n' > o.csv
	run --separate-stderr wf-ingest --codes "$F/a2024" --place-overrides o.csv "$F/COSTO_LAVORO_2024.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: o.csv: an overrides file needs the columns institution and place (and optionally note)" ]
}

@test "older years: each year's own lists, renamed and suppressed comuni through the history" {
	run --separate-stderr wf-ingest --codes "$F/a2024" --codes "$F/a2015" "${LISTS[@]}" --placement-report rep.csv \
		"$F/COSTO_LAVORO_2024.csv" "$F/COSTO_LAVORO_2015.csv"
	[ "$status" -eq 0 ]
	[ "${stderr_lines[-1]}" = "wf-ingest: code lists of 2015: 3 institutions placed: 2 by code list, 0 by name, 1 by former name, 0 by seat, 0 by tax code, 0 by override; 0 national, 0 unplaced" ]
	[ "$(grep ^2015, rep.csv)" = "2015,C5,C,COMUNE DI ORTONOVO,011020,Luni,SP,07,code list,G143 ORTONOVO (SP) -> 011020,1
2015,C22,C,COMUNE DI RONAGO,013199,Ronago,CO,03,code list,H521 RONAGO (CO) -> 013199,1
2015,C23,C,COMUNE DI NEGRAR,023052,Negrar di Valpolicella,VR,05,former name,NEGRAR: former name of Negrar di Valpolicella (VR) 023052,1" ]
	[ "$(grep -c '^2015,C5,C,COMUNE DI ORTONOVO,RALN,,,07,SP,011020,L090,1$' <<< "$output")" -eq 1 ]
}

@test "without --places: the province from the cadastral list, the tax code, no ISTAT code" {
	run --separate-stderr wf-ingest --codes "$F/a2024" --placement-report rep.csv "$F/COSTO_LAVORO_2024.csv"
	[ "$status" -eq 0 ]
	[ "${stderr_lines[1]}" = "wf-ingest: 21 institutions placed: 4 by code list, 3 by name, 0 by former name, 2 by seat, 7 by tax code, 0 by override; 2 national, 3 unplaced (-v lists them)" ]
	grep -qxF '2024,C1,C,COMUNE DI MILANO,,,MI,03,code list,"F205 MILANO (MI), ISTAT code unknown",1' rep.csv
	grep -qxF '2024,C4,C,COMUNE DI SAMONE,,,,,unplaced,"SAMONE: comuni of that name in TO, TN; no tax code to tell which",1' rep.csv
	grep -qxF '2024,C7,C,COMUNE DI NEGRAR,,,VR,05,tax code,80000050231: office of VR (023),1' rep.csv
}

@test "--places: a file in no known layout, a bad row, --placement-report and -o on one file" {
	printf 'a;b\n1;2\n' > x.csv
	run --separate-stderr wf-ingest --places x.csv "$F/COSTO_LAVORO_2024.csv"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "wf-ingest: x.csv: not a comuni list: expected the columns nome, codiceComune, sigla"* ]]
	printf 'codiceCatastale;sigla;nome;attivo\nG1;SP;X;0\n' > h.csv
	run --separate-stderr wf-ingest --places h.csv "$F/COSTO_LAVORO_2024.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: h.csv:2: cadastral code 'G1' is not a letter and three digits" ]
	run --separate-stderr wf-ingest --placement-report out.csv -o out.csv "$F/COSTO_LAVORO_2024.csv"
	[ "$status" -eq 2 ]
}

@test "wf-match: names folded as in wf-ingest, codes from any list, predecessors, near misses" {
	printf 'id,comune,comune_name,province,category,quantity\nA,,MONDOVI'"'"',,CHILDCARE,1\nB,,Costigliole d Asti,,CHILDCARE,1\nC,013256,,,CHILDCARE,1\nD,,Spilmbergo,,CHILDCARE,1\nE,Samone,,TN,CHILDCARE,1\nF,4130,,,CHILDCARE,1\nG,G143,,,CHILDCARE,1\n' > d.csv
	printf 'id,name,lat,lon,categories,capacity\nS1,Nido (SYNTHETIC),44.39,7.82,CHILDCARE,100\n' > s.csv
	run --separate-stderr wf-match -v --rejects rej.csv "${LISTS[@]}" --top 1 --max-km 1000 d.csv s.csv
	[ "$status" -eq 1 ]
	[ "$(cut -d, -f1,15,16 <<< "$output")" = "demand_id,demand_lat,demand_lon
A,44.390000,7.820000
B,44.790000,8.180000
C,45.830000,8.970000
E,46.120000,11.500000
F,44.390000,7.820000
G,44.080000,10.040000" ]
	# the comune each need resolved to, as an ISTAT code
	[ "$(cut -d, -f1,21 <<< "$output" | tail -n +2 | tr '\n' ' ')" = "A,004130 B,005050 C,013256 E,022165 F,004130 G,011020 " ]
	[[ "$stderr" == *"wf-match: d.csv:4: Uggiate con Ronago (CO) 013256 is newer than the geocoded list: placed at its predecessors Ronago, Uggiate-Trevano"* ]]
	[[ "$stderr" == *"wf-match: d.csv:6: comune 'Samone' is not a code: read as comune_name"* ]]
	[ "$(tail -n +2 rej.csv)" = "d.csv,5,comune 'Spilmbergo' is not in the places list: did you mean Spilimbergo (PN)?,\"D,,Spilmbergo,,CHILDCARE,1\"" ]
}

@test "wf-match: a comuni list in every layout, alone" {
	printf 'id,comune,category,quantity\nA,005050,CHILDCARE,1\n' > d.csv
	printf 'id,name,lat,lon,categories,capacity\nS1,Nido (SYNTHETIC),44.79,8.18,CHILDCARE,100\n' > s.csv
	run --separate-stderr wf-match --places "$F/comuni-current.csv" --top 1 d.csv s.csv
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-match: d.csv:2: comune 'Costigliole d'Asti (AT)' has no coordinates in the places list (the ISTAT list has none: add a geocoded list or give lat/lon)" ]
	run --separate-stderr wf-match --places "$F/comuni-history.csv" --places "$F/comuni-geocoded.csv" --top 1 d.csv s.csv
	[ "$status" -eq 0 ]
	[ "$(cut -d, -f1,2,4 <<< "${lines[1]}")" = "A,S1,0.000" ]
}

@test "the real 2024 institution list with the three shared comuni lists" {
	need_shared
	[ -f "$SHARED/data/comuni/comuni-istat.csv" ] || skip "../shared comuni lists not present"
	{ echo 'ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA'
	  tail -n +2 "$CODES/TipoIstituzione_Istituzione.CSV" | awk -F';' '{print $2 $4 ";RALN;L090;1"}'; } > COSTO_LAVORO_2024.csv
	run --separate-stderr wf-ingest --codes "$CODES" --places "$SHARED/data/comuni/comuni-istat.csv" \
		--places "$SHARED/data/comuni/comuni-history.csv" --places "$PLACES" --placement-report rep.csv COSTO_LAVORO_2024.csv
	[ "$status" -eq 0 ]
	[ "${stderr_lines[1]}" = "wf-ingest: 12843 institutions placed: 7789 by code list, 251 by name, 0 by former name, 2644 by seat, 1934 by tax code, 0 by override; 181 national, 44 unplaced (-v lists them)" ]
	# every comune to its comune; 98% or more of the rest at least to a province
	[ "$(awk -F, '$3=="C" && $5 ~ /^[0-9][0-9][0-9][0-9][0-9][0-9]$/' rep.csv | wc -l)" -eq 7904 ]
	python3 - rep.csv <<'EOF'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["method"] != "national"]
placed = sum(1 for r in rows if r["province"])
assert placed / len(rows) >= 0.98, (placed, len(rows))
assert all(r["evidence"] for r in rows if r["method"] == "unplaced")
EOF
	grep -qxF '2024,C6780,C,COMUNE DI SAN TEODORO,090092,San Teodoro,SS,20,code list,I329 SAN TEODORO NU (SS) -> 090092,1' rep.csv
	grep -q '^2024,C5059,C,COMUNE DI LUNI,011020,' rep.csv
	grep -q '^2024,C2288,C,COMUNE DI CHIENES - GEMEINDE KIENS,021021,' rep.csv
}

@test "an institution the code lists do not have: unplaced, and the report says why" {
	printf 'ISTITUZIONE;CONTRATTO;VOCE_SPESA;TOTALE_SPESA\nX99;RALN;L090;1\nC1;RALN;L090;1\n' > COSTO_LAVORO_2024.csv
	run --separate-stderr wf-ingest -v --codes "$F/a2024" --placement-report rep.csv COSTO_LAVORO_2024.csv
	[ "$status" -eq 0 ]
	[ "${stderr_lines[-1]}" = "wf-ingest: unplaced: X99: not in the code lists" ]
	grep -qxF '2024,X99,X,,,,,,unplaced,not in the code lists,1' rep.csv
	# the listed institutions the data did not use are in the report too
	grep -qxF '2024,M14,M,MINISTERO DELLA SALUTE,,,,,national,type M (ministries),0' rep.csv
	[ "$(wc -l < rep.csv)" -eq 23 ]
}
