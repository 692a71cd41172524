#!/usr/bin/env bats
# --codes: every way a folder, zip or single file of code lists can be
# unusable, with the exact message and exit status. Lists are SYNTHETIC,
# written here in the shape the Conto Annuale publishes.

load common

setup() {
	cd "$BATS_TEST_TMPDIR"
	mkdir d
}

VOCE_H='ANNO;CODI_TIPO_VOCE_SPESA;CODI_VOCE_SPESA;DESC_VOCE_SPESA;FLAG_SEGNO'
INST_H='ANNO;CODI_TIPO_ISTITUZIONE;DESC_TIPO_ISTITUZIONE;CODI_ISTITUZIONE;DESC_ISTITUZIONE'
CAT_H='ANNO;CODI_CATASTALE;DESC_CODICE_CATASTALE;CODI_PROVINCIA;CODI_REGIONE;DESC_PROVINCIA'

@test "--codes: a list without one of its columns names the column" {
	printf 'ANNO;CODI_TIPO_VOCE_SPESA;CODI_VOCE_SPESA\n2024;L;90\n' > d/VoceSpesa.csv
	run --separate-stderr wf-benchmark -m L090 --codes d "$FIX/benchmark/facts.csv"
	[ "$status" -eq 1 ]
	[ "$output" = "" ]
	[ "$stderr" = "wf-benchmark: d/VoceSpesa.csv: code list lacks column FLAG_SEGNO" ]
}

@test "--codes: a malformed row of a list is an error at its line" {
	printf '%s\n2024;L;90;X;+\n2024;"L;91;Y;+\n' "$VOCE_H" > d/VoceSpesa.csv
	run --separate-stderr wf-benchmark -m L090 --codes d "$FIX/benchmark/facts.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: d/VoceSpesa.csv:3: unterminated quoted field" ]
	# a cut gzip list: the read error, not a short list
	printf '%s\n2024;C;;4308;COMUNE DI MILANO\n' "$INST_H" | gzip -c | head -c 60 > d/TipoIstituzione_Istituzione.csv
	rm d/VoceSpesa.csv
	run --separate-stderr wf-ingest --codes d "$FIX/ingest/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: d/TipoIstituzione_Istituzione.csv: truncated gzip data (stream ends early)" ]
}

@test "--codes: a comune of the cadastral list that is not one stops the run" {
	printf '%s\n2024;C;;4308;COMUNE DI MILANO\n' "$INST_H" > d/TipoIstituzione_Istituzione.csv
	printf '%s\n2024;H753;SAMONE;TO;R00125;TORINO\n2024;H75;SAMONE;TO;R00125;TORINO\n' "$CAT_H" > d/RegioneProvinciaCatasto.csv
	run --separate-stderr wf-ingest --codes d "$FIX/ingest/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: d/RegioneProvinciaCatasto.csv:3: cadastral code 'H75' is not a letter and three digits" ]
}

@test "--codes: rows of the institution list without a usable code are passed over" {
	printf '%s\n2024;C;;;SENZA CODICE\n2024;C;;12x;STORTO\n2024;C;;4308;COMUNE DI MILANO\n' "$INST_H" > d/TipoIstituzione_Istituzione.csv
	run --separate-stderr wf-ingest --codes d "$FIX/ingest/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | grep -c '^2019,C4308,C,COMUNE DI MILANO,')" -eq 3 ]
	[ "$(echo "$output" | grep -c 'SENZA CODICE\|STORTO')" -eq 0 ]
}

@test "--codes: not a folder, zip or list; a folder without the list needed; nothing there" {
	echo "some notes" > notes.txt
	run --separate-stderr wf-benchmark -m L090 --codes notes.txt "$FIX/benchmark/facts.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: notes.txt: not a folder or zip archive of code lists" ]
	run --separate-stderr wf-benchmark -m L090 --codes d "$FIX/benchmark/facts.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-benchmark: d: no VoceSpesa.CSV found" ]
	run --separate-stderr wf-ingest --codes nope "$FIX/ingest/COSTO_LAVORO_2019.csv"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-ingest: nope: No such file or directory" ]
}
