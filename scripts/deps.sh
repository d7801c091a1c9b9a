#!/bin/sh
# The one place that knows hartvisor's Debian 12 packages.
#   scripts/deps.sh check    install what is missing when root; otherwise print the
#                            apt-get line and fail
#   scripts/deps.sh list     print the package list
set -eu

# build: host compiler, libfdt; guests: the Debian RISC-V cross compiler;
# tests: spin (model), clang (sanitizers), dtc; bench: QEMU with its OpenSBI;
# Linux guest: the kernel source and what its build needs.
PKGS="build-essential libfdt-dev gcc-riscv64-linux-gnu libc6-dev-riscv64-cross
spin clang device-tree-compiler clang-format qemu-system-misc opensbi
linux-source-6.1 flex bison bc libssl-dev libelf-dev cpio xz-utils"

missing() {
	for p in $PKGS; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
	done
}

case "${1:-check}" in
list)
	echo $PKGS
	;;
check)
	m=$(missing | tr '\n' ' ')
	[ -z "$m" ] && exit 0
	if [ "$(id -u)" = 0 ]; then
		echo "deps: installing $m"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $m
	else
		echo "hartvisor needs these Debian packages. Install them with:" >&2
		echo "  sudo apt-get install -y $m" >&2
		exit 1
	fi
	;;
*)
	echo "usage: scripts/deps.sh [check|list]" >&2
	exit 2
	;;
esac
