#!/usr/bin/env bats
# wf-report's maps of Italy: a choropleth of the regions (trend and
# benchmark by region), proportional symbols (benchmark rows with lat and
# lon, match demand and supply), the outline attribution, and the plain
# scatter for points outside Italy.

load common

FX="$REPO/tests/bats/fixtures/report"

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "map: a trend by region is a choropleth of the last period, regions without data hatched" {
	cat > by-region.csv <<'CSV'
year,region,metric_total
2023,01,100.00
2024,01,120.00
2024,03,80.00
2024,12,40.00
2024,19,10.00
2024,20,5.00
CSV
	run --separate-stderr wf-report -f json --kind trend by-region.csv
	[ "$status" -eq 0 ]
	echo "$output" > t.json
	[ "$(jq -c '.charts[1].kind, .charts[1].regions' t.json | tr '\n' ' ')" = \
		'"map" [{"region":"01","value":120},{"region":"03","value":80},{"region":"12","value":40},{"region":"19","value":10},{"region":"20","value":5}] ' ]
	wf-report --lang it -f html --kind trend --unit EUR by-region.csv > t.html
	python3 "$REPO/tests/bats/html_check.py" t.html
	# 20 outlines: 5 coloured, 15 hatched; a legend of five classes and "no data"
	[ "$(grep -c '<path fill="url(#wf-hatch)"' t.html)" -eq 15 ]
	[ "$(grep -c '<path fill="#' t.html)" -eq 5 ]
	grep -q '<title>Piemonte: 120,00</title>' t.html
	grep -q '<title>Molise: nessun dato</title>' t.html
	grep -q '>nessun dato (tratteggio)</text>' t.html
	grep -q '>Confini: @svg-maps/italy (MapSVG), CC BY 4.0</text>' t.html
	wf-report -f html --kind trend by-region.csv | grep -q '>Outlines: @svg-maps/italy (MapSVG), CC BY 4.0</text>'
}

@test "map: benchmark rows with lat and lon get circles sized by value" {
	cat > places.csv <<'CSV'
year,institution,institution_name,per_employee,lat,lon
2024,C7484,COMUNE DI TORINO,12.50,45.0703,7.6869
2024,C2627,COMUNE DI CORTEMILIA,3.93,44.5797,8.1927
2024,C4308,COMUNE DI MILANO,50.00,45.4642,9.19
CSV
	run --separate-stderr wf-report -f json --kind benchmark places.csv
	[ "$status" -eq 0 ]
	echo "$output" > p.json
	[ "$(jq -c '[.charts[] | select(.kind == "map") | .series[0].points[] | [.label, .size]]' p.json)" = \
		'[["COMUNE DI TORINO",12.5],["COMUNE DI CORTEMILIA",3.93],["COMUNE DI MILANO",50]]' ]
	wf-report --lang it -f html --kind benchmark places.csv > p.html
	python3 "$REPO/tests/bats/html_check.py" p.html
	grep -q 'Cerchi: area proporzionale al valore; 3 luoghi.' p.html
	[ "$(grep -c '<title>COMUNE DI ' p.html)" -ge 3 ]
}

@test "map: match demand and supply over the outlines; points abroad keep the plain scatter" {
	wf-report -f html --kind match "$FX/match.synthetic.csv" > m.html
	grep -q 'class="regions"' m.html
	grep -q 'Circles: demand (area: units requested); squares: supply (area: units assigned).' m.html
	! grep -q 'equirectangular' m.html
	# a point in Paris: no map of Italy can hold it
	sed '2s/,44\.91407,8\.19801,/,48.85,2.35,/' "$FX/match.synthetic.csv" > abroad.csv
	head -2 abroad.csv | tail -1 | grep -q '48.85,2.35'
	wf-report -f html --kind match abroad.csv > a.html
	! grep -q 'class="regions"' a.html
	grep -q 'equirectangular projection' a.html
}
