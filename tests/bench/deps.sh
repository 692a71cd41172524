#!/bin/sh
# make bench-deps: install the tools `make bench` compares wfkit with.
# Idempotent: installs only what is missing and says what it did.
#   Debian packages: miller (mlr), datamash, csvkit (csvformat, csvjson), sqlite3,
#                    time (/usr/bin/time for peak memory)
#   npm:             @duckdb/node-api into build/bench/node_modules (Debian has no DuckDB CLI)
set -u
BUILD=${1:-build}
DEST=$BUILD/bench
installed=""
present=""

SUDO=""
if [ "$(id -u)" != 0 ]; then
	if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; fi
fi

need=""
for pair in mlr:miller datamash:datamash csvformat:csvkit sqlite3:sqlite3 hyperfine:hyperfine; do
	cmd=${pair%%:*}; pkg=${pair#*:}
	if command -v "$cmd" >/dev/null 2>&1; then present="$present $pkg"; else need="$need $pkg"; fi
done
if [ -x /usr/bin/time ]; then present="$present time"; else need="$need time"; fi

if [ -n "$need" ]; then
	if [ "$(id -u)" = 0 ] || [ -n "$SUDO" ]; then
		echo "bench-deps: apt-get install$need"
		$SUDO apt-get update -qq >/dev/null 2>&1 || true
		if DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need >/dev/null; then
			installed="$installed$need"
		else
			echo "bench-deps: apt-get install failed; install by hand: apt-get install$need" >&2
		fi
	else
		echo "bench-deps: not root and no sudo; install by hand: apt-get install$need" >&2
	fi
fi

if command -v npm >/dev/null 2>&1; then
	if [ -d "$DEST/node_modules/@duckdb/node-api" ]; then
		present="$present @duckdb/node-api"
	else
		mkdir -p "$DEST"
		[ -f "$DEST/package.json" ] || echo '{"private":true,"name":"wfkit-bench"}' >"$DEST/package.json"
		echo "bench-deps: npm install @duckdb/node-api (into $DEST/node_modules)"
		if (cd "$DEST" && npm install --silent --no-audit --no-fund @duckdb/node-api >/dev/null); then
			installed="$installed @duckdb/node-api"
		else
			echo "bench-deps: npm install @duckdb/node-api failed; DuckDB rows will be skipped" >&2
		fi
	fi
else
	echo "bench-deps: node/npm not found; DuckDB rows will be skipped (apt-get install nodejs npm)" >&2
fi

echo "bench-deps: installed:${installed:- nothing}"
echo "bench-deps: already present:${present:- nothing}"
