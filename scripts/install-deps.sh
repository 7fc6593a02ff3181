#!/usr/bin/env bash
# Install everything a9mm needs from Debian's archive.  Idempotent: packages
# already present are left alone and nothing is fetched when all are there.
set -euo pipefail

PKGS=(
	make gcc git xz-utils
	gcc-arm-none-eabi binutils-arm-none-eabi
	picolibc-arm-none-eabi
	qemu-system-arm qemu-user cpio
	device-tree-compiler
	gdb-multiarch
	linux-source-6.1
	debian-archive-keyring
	libcmocka-dev libfdt-dev
	python3 python3-pytest python3-pexpect python3-matplotlib
	valgrind clang-format
	clang-14 libfuzzer-14-dev libclang-rt-14-dev
)

if ! command -v dpkg-query >/dev/null; then
	echo "install-deps: not a Debian system (no dpkg-query); a9mm needs the equivalents of:" >&2
	echo "  ${PKGS[*]}" >&2
	exit 0
fi

missing=()
for p in "${PKGS[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
		missing+=("$p")
	fi
done

if [ ${#missing[@]} -eq 0 ]; then
	echo "install-deps: all ${#PKGS[@]} packages present"
	exit 0
fi

SUDO=
if [ "$(id -u)" -ne 0 ]; then
	SUDO=sudo
fi

echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
