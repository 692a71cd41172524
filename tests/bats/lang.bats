#!/usr/bin/env bats
# wf-report --lang it|en and WFKIT_LANG: the words readers see, from one
# catalogue; never the process locale; machine names kept in JSON.

load common

FX="$REPO/tests/bats/fixtures/report"

rep() { wf-report "$@"; }

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "lang: --lang it writes the benchmark card in Italian, numbers as 1.234,56" {
	run --separate-stderr rep --lang it --kind benchmark --institution C4308 "$FX/bench.synthetic.csv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${lines[0]}" = "Confronto con i pari" ]
	[ "${lines[2]}" = "Generato da $FX/bench.synthetic.csv (90 righe)" ]
	[ "${lines[3]}" = "C4308 COMUNE DI MILANO, anno 2019" ]
	[ "${lines[4]}" = "  spesa:                                 659.400,00" ]
	[ "${lines[5]}" = "  spesa per dipendente:                  47,10" ]
	[ "${lines[7]}" = "  mediana dei pari:                      23,32" ]
	[ "${lines[14]}" = "  crescita media annua composta (%):     n.d." ]
	[ "${lines[15]}" = "  segnalazioni:                          nessuna" ]
	[ "${lines[16]}" = "[grafico: C4308 tra i suoi pari, anno 2019; disegnato con -f html]" ]
	[[ "$output" == *"  anno  ente   denominazione     tipo di ente  regione "* ]]
	[[ "$output" == *"primo anno"* ]]
}

@test "lang: WFKIT_LANG=it is --lang it; --lang wins; LANG and LC_ALL are never read" {
	rep --lang it --kind trend "$FX/summary-aggregate.synthetic.csv" > it.txt
	rep --kind trend "$FX/summary-aggregate.synthetic.csv" > en.txt
	WFKIT_LANG=it rep --kind trend "$FX/summary-aggregate.synthetic.csv" > env.txt
	cmp it.txt env.txt
	WFKIT_LANG=it_IT.UTF-8 rep --kind trend "$FX/summary-aggregate.synthetic.csv" > env2.txt
	cmp it.txt env2.txt
	WFKIT_LANG=it rep --lang en --kind trend "$FX/summary-aggregate.synthetic.csv" > en2.txt
	cmp en.txt en2.txt
	LANG=it_IT.UTF-8 LC_ALL=it_IT.UTF-8 rep --kind trend "$FX/summary-aggregate.synthetic.csv" > loc.txt
	cmp en.txt loc.txt
	! cmp -s it.txt en.txt
	grep -q '^Andamento$' it.txt
	grep -q '^anno  Regioni e autonomie locali$' it.txt
	grep -q '^2001               34.000.000,00$' it.txt
	grep -q '^2001  34,000,000.00$' en.txt
}

@test "lang: --locale C keeps 1,234.56 in Italian words" {
	run --separate-stderr rep --lang it --locale C --kind trend "$FX/summary-aggregate.synthetic.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Spesa totale per anno e gruppo"* ]]
	[[ "$output" == *"2001               34,000,000.00"* ]]
}

@test "lang: a bad --lang or WFKIT_LANG is a usage error" {
	run --separate-stderr rep --lang fr "$FX/bench.synthetic.csv"
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-report: invalid language 'fr' (en, it)
Try 'wf-report --help' for more information." ]
	[ -z "$output" ]
	WFKIT_LANG=de run --separate-stderr rep "$FX/bench.synthetic.csv"
	[ "$status" -eq 2 ]
	[ "$stderr" = "wf-report: invalid WFKIT_LANG 'de' (en, it)
Try 'wf-report --help' for more information." ]
	WFKIT_LANG= run --separate-stderr rep --kind trend "$FX/summary-aggregate.synthetic.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == "Trend"* ]]
}

@test "lang: JSON keeps machine column names; unmet reasons and flags in Italian elsewhere" {
	rep --lang it -f json --kind match "$FX/match.synthetic.csv" > m.json
	[ "$(jq -c '.tables[0].columns | map(.name)' m.json)" = '["category","assigned","unmet","coverage_pct"]' ]
	[ "$(jq -r '.title' m.json)" = "Incontro tra domanda e offerta di welfare" ]
	run --separate-stderr rep --lang it -f markdown --kind match "$FX/match.synthetic.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"| categoria | assegnato | non coperto | copertura (%) |"* ]]
	[[ "$output" == *"| capienza esaurita | 58 |"* ]]
	[[ "$output" == *"| nessun fornitore a distanza utile | 24 |"* ]]
	[[ "$output" != *"capacity exhausted"* ]]
}

# No English left in the words of an Italian page: every text outside the
# data cells (<td>), file names (<code>) and tooltips (<title> of chart
# marks) is checked for English words the catalogue translates.
@test "lang: every kind's Italian HTML has no English words and no machine headings" {
	printf 'year,group,metric_total\n' > empty.csv
	rep --lang it -f html --kind trend -o trend.html "$FX/summary-aggregate.synthetic.csv" "$FX/summary-type.synthetic.csv"
	rep --lang it -f html --kind benchmark -o bench.html "$FX/bench.synthetic.csv"
	rep --lang it -f html --kind benchmark --institution C4308 -o card.html "$FX/bench.synthetic.csv"
	rep --lang it -f html --kind match -o match.html "$FX/match.synthetic.csv"
	rep --lang it -f html --kind table -o table.html "$FX/match.synthetic.csv"
	rep --lang it -f html --kind trend -o empty.html empty.csv
	wf-synth --piemonte --year 2024 -o pd >/dev/null
	wf-ingest --codes pd/SYNTHETIC_Anagrafiche pd/*.zip -o facts.csv 2>/dev/null
	wf-benchmark --profile --peers institution_type --min-peers 3 facts.csv -o profile.csv
	rep --lang it -f html --kind profile --institution C7484 -o profile.html profile.csv
	rep --lang it -f html --kind profile --where institution_type=UC -o profiles.html profile.csv
	wf-benchmark --metric L090 --per HEADCOUNT --peers institution_type,region facts.csv -o b.csv
	rep --lang it -f html --kind benchmark --where institution_type=C -o map.html b.csv
	grep -q 'class="regions"' map.html
	for f in trend bench card match table empty profile profiles map; do
		grep -q '<html lang="it">' $f.html
		python3 - $f.html <<'PY'
import re, sys
from html.parser import HTMLParser
ENGLISH = re.compile(r"\b(the|of|by|and|Generated|rows?|row|peer|peers|median|Distribution|"
                     r"Institutions?|ranked|flagged|over time|among|Coverage|demand|supply|"
                     r"providers?|Busiest|Unmet|needs|reason|assigned|category|units|chart|"
                     r"drawn|year|per employee|growth|change|none|Trend|Benchmark|"
                     r"Table|Matching|no data|no value|Outlines|longitude|latitude)\b")
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.skip = []
        self.bad = []
    def handle_starttag(self, tag, attrs):
        if tag in ("td", "code", "title", "style") or (tag == "th" and False):
            self.skip.append(tag)
    def handle_endtag(self, tag):
        if self.skip and self.skip[-1] == tag:
            self.skip.pop()
    def handle_data(self, d):
        if self.skip:
            return
        m = ENGLISH.search(d)
        if m:
            self.bad.append("%r in %r" % (m.group(0), d.strip()[:80]))
        if "_" in d and re.search(r"\b[a-z]+_[a-z_]+\b", d) and "unmet" not in d:
            self.bad.append("machine name in %r" % d.strip()[:80])
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
if p.bad:
    print(sys.argv[1], p.bad[:5])
    sys.exit(1)
PY
	done
}
