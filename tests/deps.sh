#!/bin/sh
# Install the Debian packages wfkit needs to build and test, when missing.
# As root: apt-get install. With sudo available: sudo apt-get install.
# Otherwise: print the exact command and fail.
PKGS="build-essential pkg-config libcsv-dev libjansson-dev zlib1g-dev libzip-dev bats bats-assert bats-support clang libclang-rt-dev valgrind python3 jq sqlite3 bash-completion man-db unzip gzip"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "wfkit: installing missing build dependencies:$missing" >&2
if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	SUDO="sudo"
else
	echo "wfkit: run as root, or install them with:" >&2
	echo "  sudo apt-get install -y$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || $SUDO apt-get update
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null || $SUDO apt-get install -y --no-install-recommends $missing
