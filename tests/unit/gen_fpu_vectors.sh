#!/bin/sh
# SPDX-License-Identifier: MIT
# Rewrites tests/unit/fpu_vectors.txt from a RISC-V implementation: builds
# gen_fpu_vectors.c for RISC-V Linux and runs it under qemu-riscv64, whose
# softfloat follows the ISA's F/D rules.  A developer tool; the test suite
# only reads the committed file.
#
# Usage: tests/unit/gen_fpu_vectors.sh [RANDOM_PER_OP [SEED]]
# Needs: gcc-riscv64-linux-gnu libc6-dev-riscv64-cross qemu-user (Debian).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
nrand=${1:-300}
seed=${2:-1}
cc=${CROSS:-riscv64-linux-gnu-}gcc
qemu=${QEMU:-qemu-riscv64}

for tool in "$cc" "$qemu"; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "gen_fpu_vectors.sh: $tool not found" \
			"(apt-get install gcc-riscv64-linux-gnu libc6-dev-riscv64-cross qemu-user)" >&2
		exit 1
	fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

"$cc" -static -O2 -std=gnu11 -D_GNU_SOURCE -Wall -Wextra -Werror \
	-o "$tmp/gen" "$here/gen_fpu_vectors.c"
"$qemu" "$tmp/gen" "$nrand" "$seed" >"$tmp/vectors.txt"
mv "$tmp/vectors.txt" "$here/fpu_vectors.txt"
echo "wrote $here/fpu_vectors.txt ($(wc -l <"$here/fpu_vectors.txt") lines," \
	"$(wc -c <"$here/fpu_vectors.txt") bytes)"
