#!/usr/bin/env bats
# wf-match: the supply rows it refuses, a supply that cannot be read
# to its end, and a full disk in each mode (one thread, several,
# --assign) with the unmet needs written too. SYNTHETIC data.

load common

setup() {
	cd "$BATS_TEST_TMPDIR"
	M="$FIX/match"
	D="$M/demand.synthetic.csv"
	S="$M/supply.synthetic.csv"
}

@test "bad supply rows: missing id, no category, wrong field count, each with its line" {
	printf 'id,lat,lon,categories,capacity\n,44.5,8.1,MEAL,2\nB,44.5,8.1,,2\nC,44.5\nD,44.5,8.1,MEAL,x\nE,44.5,8.1,MEAL,2\n' > s.csv
	run --separate-stderr wf-match --rejects rej.csv "$D" s.csv
	[ "$status" -eq 1 ]
	assert_file rej.csv <<'EOF2'
source,line,reason,raw
s.csv,2,missing id,",44.5,8.1,MEAL,2"
s.csv,3,no category,"B,44.5,8.1,,2"
s.csv,4,"expected 5 fields, found 2","C,44.5"
s.csv,5,capacity 'x' is not a whole number from 0 to 1000000000,"D,44.5,8.1,MEAL,x"
EOF2
	[ "${stderr_lines[-1]}" = "wf-match: rejected: 0 demand rows, 4 supply rows (in 'rej.csv')" ]
}

@test "a supply that ends early (cut gzip) stops the run with the reason" {
	{ echo 'id,lat,lon,categories,capacity'; for i in $(seq 1 3000); do echo "S$i,44.5,8.1,MEAL,2"; done; } | gzip -c > full.gz
	head -c $(( $(wc -c < full.gz) / 2 )) full.gz > s.csv.gz
	run --separate-stderr wf-match "$D" s.csv.gz
	[ "$status" -eq 1 ]
	[ "$output" = "" ]
	[ "$stderr" = "wf-match: s.csv.gz: truncated gzip data (stream ends early)" ]
}

# Needs of one category, enough of them for their rows (matches, or
# unmet needs for a category nobody offers) to fill the 256 KiB output
# buffer while the run goes on, not only at the end.
big_demand() {
	{
		echo 'id,lat,lon,category,quantity'
		for i in $(seq 1 6000); do
			echo "D$i,44.579471,8.193302,$1,1"
		done
	} > d.csv
}

@test "stdout on a full disk: one thread, several, --assign; matches and unmet needs" {
	[ -w /dev/full ] || skip "no /dev/full"
	for cat in CHILDCARE PENSION; do
		big_demand "$cat"
		for mode in "--threads 1" "--threads 2" "--assign"; do
			run --separate-stderr bash -c "\$WF_WRAP \"\$WF_BUILD/bin/wf-match\" $mode d.csv \"$S\" > /dev/full"
			echo "$cat $mode: $status $stderr"
			[ "$status" -eq 1 ]
			[[ "${stderr_lines[-2]}" == "wf-match: standard output is incomplete: "*" rows were written before the error (with -o FILE nothing is written)" ]]
			[ "${stderr_lines[-1]}" = "wf-match: write error: stdout: No space left on device" ]
		done
	done
}

@test "the demand side of the column and category checks; a decimal comma in max_km" {
	printf 'id,lat,lon,quantity\nA,44.5,8.1,1\n' > d1.csv
	run --separate-stderr wf-match d1.csv "$S"
	[ "$status" -eq 1 ]
	[ "$stderr" = "wf-match: d1.csv: missing column 'category' (map it with --map-demand category=COLUMN, or give one category for every row with --demand-category CODE)" ]
	run --separate-stderr wf-match --demand-category NOPE "$D" "$S"
	[ "$status" -eq 2 ]
	[ "${stderr_lines[0]:0:66}" = "wf-match: unknown category 'NOPE' in --demand-category (valid: HEA" ]
	[ "${stderr_lines[1]}" = "Try 'wf-match --help' for more information." ]
	printf 'id,lat,lon,category,quantity,max_km\nA,44.579471,8.193302,CHILDCARE,1,"2,5"\nB,44.579471,8.193302,CHILDCARE,1,"1,000,5"\n' > d.csv
	run --separate-stderr wf-match -q --rejects rej.csv d.csv "$S"
	[ "$status" -eq 1 ]
	[ "${lines[1]:0:18}" = "A,S1,CHILDCARE,0.0" ]
	[ "$(sed -n 2p rej.csv)" = 'd.csv,3,"max_km '"'"'1,000,5'"'"' is not a positive number","B,44.579471,8.193302,CHILDCARE,1,""1,000,5"""' ]
}
