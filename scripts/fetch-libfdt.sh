#!/usr/bin/env bash
# Extract libfdt's upstream sources from Debian's linux-source-6.1 package
# into an ignored cache folder.  Nothing of libfdt is committed here: the
# files are pinned by scripts/libfdt.sha256 and checked on every extraction,
# so a changed upstream copy is an error, not a silent difference.
#
# usage: scripts/fetch-libfdt.sh DESTDIR
set -euo pipefail

dest=${1:?usage: fetch-libfdt.sh DESTDIR}
here=$(cd "$(dirname "$0")" && pwd)
tarball=/usr/src/linux-source-6.1.tar.xz
manifest=$here/libfdt.sha256

if [ -f "$dest/.stamp" ] && (cd "$dest" && sha256sum --quiet -c "$manifest") 2>/dev/null; then
	exit 0
fi

if [ ! -f "$tarball" ]; then
	echo "fetch-libfdt: $tarball missing; run scripts/install-deps.sh" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "  EXTRACT libfdt from $(basename "$tarball")"
tar -xJf "$tarball" -C "$tmp" --wildcards 'linux-source-6.1/scripts/dtc/libfdt/*'
src=$tmp/linux-source-6.1/scripts/dtc/libfdt
if ! (cd "$src" && sha256sum --quiet -c "$manifest"); then
	echo "fetch-libfdt: libfdt in $tarball differs from the pinned copy" >&2
	echo "fetch-libfdt: review the change, then update $manifest" >&2
	exit 1
fi
rm -rf "$dest"
mkdir -p "$dest"
cp "$src"/* "$dest"/
echo "linux-source-6.1 $(dpkg-query -W -f='${Version}' linux-source-6.1 2>/dev/null)" > "$dest/.stamp"
