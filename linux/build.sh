#!/bin/bash
# Build the Linux guest for hartvisor's tests: a Linux 6.1 Image from the
# Debian linux-source-6.1 tarball, configured as allnoconfig + the fragment
# linux/config-fragment, and an uncompressed newc initramfs around the static
# init in linux/init/.  Called by `make linux` (linux/linux.mk); also works
# alone:  linux/build.sh [OUTDIR]   (default build/linux)
#
# Everything is cached under OUTDIR:
#   src/            the extracted tree; .hv-tarball records which tarball
#   obj/            the out-of-tree kernel build (O=)
#   Image           the kernel; .hv-image-stamp records its inputs
#   init            the static init; initramfs.cpio the archive
# A step runs again only when its inputs change (tarball identity, fragment,
# init sources, cross compiler), so a second run does nothing.
set -euo pipefail

cd "$(dirname "$0")/.."
TOP=$PWD
OUT=${1:-build/linux}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

TARBALL=${LINUX_TARBALL:-/usr/src/linux-source-6.1.tar.xz}
CROSS=${CROSS:-riscv64-linux-gnu-}
JOBS=${JOBS:-$(nproc)}
FRAG=$TOP/linux/config-fragment
SRC=$OUT/src
OBJ=$OUT/obj
KMAKE=(make -C "$SRC" O="$OBJ" ARCH=riscv CROSS_COMPILE="$CROSS" -j"$JOBS")
# No build counter, user, host or build date in the Image.
export KBUILD_BUILD_USER=hartvisor KBUILD_BUILD_HOST=hartvisor KBUILD_BUILD_VERSION=1
KBUILD_BUILD_TIMESTAMP=$(date -u -R -d "@$(stat -Lc %Y "$TARBALL" 2>/dev/null || echo 0)")
export KBUILD_BUILD_TIMESTAMP

die() {
	echo "linux/build.sh: $*" >&2
	exit 1
}
hash_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

[ -r "$TARBALL" ] || die "$TARBALL missing: apt-get install linux-source-6.1"
for t in "${CROSS}gcc" flex bison bc cpio; do
	command -v "$t" >/dev/null || die "$t missing: apt-get install gcc-riscv64-linux-gnu libc6-dev-riscv64-cross flex bison bc cpio libssl-dev libelf-dev"
done

# ---- 1. extract, once per tarball ---------------------------------------------
# The tarball's identity: name, size and mtime (a new package version changes them).
tar_id="$(basename "$TARBALL") $(stat -Lc '%s %Y' "$TARBALL")"
if [ "$(cat "$SRC/.hv-tarball" 2>/dev/null)" != "$tar_id" ]; then
	echo "linux: extracting $TARBALL into $SRC"
	t0=$(date +%s)
	rm -rf "$SRC" "$OBJ" "$OUT/.hv-image-stamp"
	mkdir -p "$SRC"
	tar -xJf "$TARBALL" -C "$SRC" --strip-components=1
	echo "$tar_id" >"$SRC/.hv-tarball"
	echo "linux: extracted in $(($(date +%s) - t0)) s"
fi

# ---- 2. configure and build the Image, when its inputs changed ---------------------
cc_id=$("${CROSS}gcc" --version | head -n 1)
img_id=$(printf '%s\n%s\n%s\n' "$tar_id" "$cc_id" "$(hash_of "$FRAG" "$TOP/linux/build.sh")")
if [ ! -f "$OUT/Image" ] || [ "$(cat "$OUT/.hv-image-stamp" 2>/dev/null)" != "$img_id" ]; then
	t0=$(date +%s)
	mkdir -p "$OBJ"
	echo "linux: configuring (allnoconfig + linux/config-fragment)"
	KCONFIG_ALLCONFIG="$FRAG" "${KMAKE[@]}" allnoconfig >"$OUT/config.log" 2>&1 ||
		{ tail -n 20 "$OUT/config.log"; die "configuration failed, see $OUT/config.log"; }
	# Every option the fragment sets must have survived Kconfig's dependency
	# resolution; a silently dropped one would make a test fail far away.
	dropped=0
	while IFS= read -r line; do
		case $line in
		CONFIG_*=*)
			if ! grep -qxF "$line" "$OBJ/.config"; then
				opt=${line%%=*}
				got=$(grep -E "^$opt=|^# $opt is not set" "$OBJ/.config" || echo "absent")
				echo "linux: DROPPED: fragment wants '$line', .config has '$got'" >&2
				dropped=1
			fi
			;;
		"# CONFIG_"*" is not set")
			opt=${line#\# }
			opt=${opt%% *}
			if grep -q "^$opt=" "$OBJ/.config"; then
				echo "linux: fragment disables $opt but .config has '$(grep "^$opt=" "$OBJ/.config")'" >&2
				dropped=1
			fi
			;;
		esac
	done <"$FRAG"
	[ $dropped -eq 0 ] || die "the fragment's options did not all reach $OBJ/.config (missing dependencies?)"
	echo "linux: building Image with make -j$JOBS (about 2 minutes on 2 cores)"
	"${KMAKE[@]}" Image >"$OUT/build.log" 2>&1 ||
		{ tail -n 30 "$OUT/build.log"; die "kernel build failed, see $OUT/build.log"; }
	cp "$OBJ/arch/riscv/boot/Image" "$OUT/Image.tmp"
	mv "$OUT/Image.tmp" "$OUT/Image"
	echo "$img_id" >"$OUT/.hv-image-stamp"
	echo "linux: Image built in $(($(date +%s) - t0)) s"
fi

# ---- 3. the static init ---------------------------------------------------------------
shopt -s nullglob
INIT_C=("$TOP"/linux/init/*.c)
INIT_SRCS=("${INIT_C[@]}" "$TOP"/linux/init/*.h)
shopt -u nullglob
init_id=$(printf '%s\n%s\n' "$cc_id" "$(hash_of "${INIT_SRCS[@]}")")
if [ ! -f "$OUT/init" ] || [ "$(cat "$OUT/.hv-init-stamp" 2>/dev/null)" != "$init_id" ]; then
	echo "linux: compiling init"
	"${CROSS}gcc" -static -O2 -g0 -Wall -Wextra -Werror -Wno-format-truncation -D_GNU_SOURCE -o "$OUT/init.tmp" "${INIT_C[@]}"
	"${CROSS}strip" "$OUT/init.tmp"
	mv "$OUT/init.tmp" "$OUT/init"
	echo "$init_id" >"$OUT/.hv-init-stamp"
	rm -f "$OUT/initramfs.cpio"
fi

# ---- 4. the initramfs: uncompressed newc, made by the kernel's gen_init_cpio (no root) ----
GEN=$OUT/gen_init_cpio
if [ ! -x "$GEN" ] || [ "$SRC/usr/gen_init_cpio.c" -nt "$GEN" ]; then
	cc -O2 -o "$GEN" "$SRC/usr/gen_init_cpio.c"
fi
LIST="dir /dev 0755 0 0
nod /dev/console 0600 0 0 c 5 1
nod /dev/null 0666 0 0 c 1 3
dir /proc 0555 0 0
dir /sys 0555 0 0
dir /tmp 1777 0 0
dir /root 0700 0 0
file /init $OUT/init 0755 0 0"
if [ ! -f "$OUT/initramfs.cpio" ] || [ "$OUT/init" -nt "$OUT/initramfs.cpio" ] ||
	[ "$(cat "$OUT/initramfs.list" 2>/dev/null)" != "$LIST" ]; then
	echo "$LIST" >"$OUT/initramfs.list"
	"$GEN" -t 0 "$OUT/initramfs.list" >"$OUT/initramfs.tmp"
	mv "$OUT/initramfs.tmp" "$OUT/initramfs.cpio"
fi

echo "linux: Image     $OUT/Image ($(stat -c %s "$OUT/Image") bytes)"
echo "linux: initramfs $OUT/initramfs.cpio ($(stat -c %s "$OUT/initramfs.cpio") bytes)"
