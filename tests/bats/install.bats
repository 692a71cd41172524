#!/usr/bin/env bats
# make install / uninstall with PREFIX and DESTDIR, and libwf for other C programs.

load common

setup() {
	cd "$BATS_TEST_TMPDIR"
	D="$BATS_TEST_TMPDIR/root"
	BUILDREL=$(realpath --relative-to="$REPO" "$WF_BUILD")
}

@test "make install into a DESTDIR: binaries run, man pages, completions, library" {
	run make -s -C "$REPO" BUILD="$BUILDREL" install DESTDIR="$D" PREFIX=/opt/wfkit
	[ "$status" -eq 0 ]
	for b in "$REPO"/cmd/wf-*.c; do
		b=$(basename "$b" .c)
		[ -x "$D/opt/wfkit/bin/$b" ]
		run "$D/opt/wfkit/bin/$b" --version
		[ "$status" -eq 0 ]
		[ "$output" = "$b (wfkit) 0.1.0" ]
		[ -f "$D/opt/wfkit/share/man/man1/$b.1" ]
		[ -f "$D/opt/wfkit/share/bash-completion/completions/$b" ]
		[ -f "$D/opt/wfkit/share/zsh/site-functions/_$b" ]
	done
	# the SYNTHETIC generators, so every tool can be tried without real data
	for b in wf-synth wf-synth-match; do
		run "$D/opt/wfkit/bin/$b" --version
		[ "$status" -eq 0 ]
		[ "$output" = "$b 0.1.0" ]
		[ -f "$D/opt/wfkit/share/man/man1/$b.1" ]
		[ -f "$D/opt/wfkit/share/bash-completion/completions/$b" ]
		[ -f "$D/opt/wfkit/share/zsh/site-functions/_$b" ]
	done
	"$D/opt/wfkit/bin/wf-synth-match" -o m
	grep -q ',data=SYNTHETIC$' m/demand.csv
	# the map of Italy is compiled in, its licence installed beside the data
	[ -f "$D/opt/wfkit/share/wfkit/LICENSE.italy-map" ]
	"$D/opt/wfkit/bin/wf-match" --assign m/demand.csv m/supply.csv 2>/dev/null \
		| "$D/opt/wfkit/bin/wf-report" --lang it -f html --kind match > m.html
	grep -q 'Confini: @svg-maps/italy (MapSVG), CC BY 4.0' m.html
	[ -f "$D/opt/wfkit/lib/libwf.a" ]
	[ -f "$D/opt/wfkit/include/wfkit/wf_table.h" ]
	grep -q '^prefix=/opt/wfkit$' "$D/opt/wfkit/lib/pkgconfig/wfkit.pc"
}

@test "a tiny C program builds against the installed libwf through pkg-config" {
	make -s -C "$REPO" BUILD="$BUILDREL" install DESTDIR="$D" PREFIX=/opt/wfkit
	cat > t.c <<'C'
#include <stdio.h>
#include <wf_dec.h>
int main(void)
{
	wf_dec d;
	char buf[WF_DEC_BUFSZ];
	if (wf_dec_parse("1.234,50", 8, WF_DEC_COMMA, &d) != WF_DEC_OK)
		return 1;
	wf_dec_format(d, buf);
	puts(buf);
	return 0;
}
C
	export PKG_CONFIG_PATH="$D/opt/wfkit/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$D"
	# the ASan+UBSan pass installs an instrumented library
	SAN=""
	nm "$D/opt/wfkit/lib/libwf.a" 2>/dev/null | grep -q __asan && SAN="-fsanitize=address,undefined"
	export SAN
	run sh -c 'cc -std=c11 $SAN $(pkg-config --cflags wfkit) t.c $(pkg-config --libs wfkit) -o t && ./t'
	[ "$status" -eq 0 ]
	[ "$output" = "1234.5" ]
}

@test "make uninstall removes what install put there" {
	make -s -C "$REPO" BUILD="$BUILDREL" install DESTDIR="$D" PREFIX=/opt/wfkit
	make -s -C "$REPO" BUILD="$BUILDREL" uninstall DESTDIR="$D" PREFIX=/opt/wfkit
	[ -z "$(find "$D" -type f)" ]
}
