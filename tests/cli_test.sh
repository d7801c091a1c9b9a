#!/bin/bash
# The command line and bad input: every mistake gets exit code 2 and a message
# that names the problem.  Prints PASS/FAIL lines for tests/run_tests.sh.
set -u
HV=${1:-build/hartvisor}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
GUEST=build/guest/demo.bin

check() { # check NAME EXPECTED_RC PATTERN -- ARGS...
	local name=$1 want=$2 pat=$3 rc
	shift 4
	timeout 60 "$HV" "$@" </dev/null >"$T/out" 2>&1
	rc=$?
	if [ "$rc" -ne "$want" ]; then
		echo "FAIL cli/$name: exit $rc, expected $want: $(head -c 300 "$T/out")"
	elif [ -n "$pat" ] && ! grep -qE -- "$pat" "$T/out"; then
		echo "FAIL cli/$name: output lacks /$pat/: $(head -c 300 "$T/out")"
	else
		echo "PASS cli/$name"
	fi
}

: >"$T/empty"
printf '\177ELF\002\001\001\000garbage' >"$T/corrupt.elf"
# An ELF header for another machine (x86-64): take the host's own binary.
cp "$HV" "$T/x86.elf"
head -c $((3 * 1024 * 1024)) /dev/zero >"$T/big.bin"
awk 'BEGIN { srand(42); for (i = 0; i < 65536; i++) printf "%c", int(rand() * 256) }' \
	LC_ALL=C >"$T/garbage.bin"

check no-args 2 "Usage" --
check help 0 "Exit status" -- --help
check run-help 0 "--kernel FILE" -- run --help
check version 0 "^hartvisor [0-9]" -- --version
check unknown-command 2 "unknown command 'frobnicate'" -- frobnicate
check unknown-option 2 "unknown option '--frob'" -- run --kernel "$GUEST" --frob
check missing-kernel-arg 2 "--kernel FILE is required" -- run
check option-needs-arg 2 "needs an argument" -- run --kernel
check missing-file 2 "cannot open kernel '$T/nope.bin'" -- run --kernel "$T/nope.bin"
check empty-file 2 "kernel '$T/empty' is empty" -- run --kernel "$T/empty"
check directory 2 "not a regular file" -- run --kernel "$T"
check corrupt-elf 2 "is corrupt or not a RISC-V image" -- run --kernel "$T/corrupt.elf"
check foreign-elf 2 "is corrupt or not a RISC-V image" -- run --kernel "$T/x86.elf"
check too-big 2 "does not fit in guest RAM" -- run --kernel "$T/big.bin" --mem 2M
check missing-initrd 2 "cannot open initrd" -- run --kernel "$GUEST" --initrd "$T/nope"
check cpus-zero 2 "--cpus: expected a number from 1 to 64, got '0'" -- run --kernel "$GUEST" --cpus 0
check cpus-too-many 2 "got '65'" -- run --kernel "$GUEST" --cpus 65
check cpus-not-number 2 "got 'four'" -- run --kernel "$GUEST" --cpus four
check mem-absurd 2 "--mem: expected a size such as 512M or 2G, got '100T'" -- run --kernel "$GUEST" --mem 100T
check mem-huge 2 "out of range" -- run --kernel "$GUEST" --mem 1000G
check mem-tiny 2 "out of range" -- run --kernel "$GUEST" --mem 4K
check mem-zero 2 "out of range" -- run --kernel "$GUEST" --mem 0
check wake-bad 2 "--suspend-wake: expected" -- run --kernel "$GUEST" --suspend-wake sometimes

# The demo guest: every hart says hello, then the machine powers off with 0.
check demo-4 0 "hart 3" -- run --kernel "$GUEST" --cpus 4
check demo-mem-suffix 0 "hart 0" -- run --kernel "$GUEST" --mem 64M

# --dump-dtb writes a tree dtc accepts.
check dump-dtb 0 "" -- run --kernel "$GUEST" --cpus 4 --dump-dtb "$T/hv.dtb"
if command -v dtc >/dev/null && dtc -I dtb -O dts -o "$T/hv.dts" "$T/hv.dtb" 2>"$T/dtc.err" &&
	grep -q 'riscv,cpu-intc' "$T/hv.dts"; then
	echo "PASS cli/dump-dtb-dtc"
else
	echo "FAIL cli/dump-dtb-dtc: $(head -c 300 "$T/dtc.err" 2>/dev/null)"
fi

# A system suspend with no timer armed: console input wakes it (auto), and with
# no input left and no timer, hartvisor says so and exits rather than hang.
(sleep 0.3; echo x) | timeout 30 "$HV" run --kernel build/guest/susp_wake.bin >"$T/out" 2>&1
rc=$?
if [ $rc -eq 0 ] && grep -q "test done: 2 checks, 0 failed" "$T/out"; then
	echo "PASS cli/suspend-wake-console"
else
	echo "FAIL cli/suspend-wake-console: exit $rc: $(head -c 300 "$T/out")"
fi
check suspend-no-wake-source 1 "no wake source" -- run --kernel build/guest/susp_wake.bin

# --dtb: boot with a tree given by the user (here, the one hartvisor itself wrote).
check dtb-given 0 "hart 3" -- run --kernel "$GUEST" --cpus 4 --dtb "$T/hv.dtb"
check dtb-corrupt 2 "is not a valid flattened device tree" -- run --kernel "$GUEST" --dtb "$T/corrupt.elf"
check dtb-missing 2 "cannot open device tree '$T/nope.dtb'" -- run --kernel "$GUEST" --dtb "$T/nope.dtb"

# Garbage as a guest: it traps forever (stvec = 0 is not RAM), and the VMM must
# neither crash nor stop answering.  timeout's 124 means it was still healthy.
timeout 3 "$HV" run --kernel "$T/garbage.bin" </dev/null >"$T/out" 2>&1
rc=$?
if [ $rc -eq 124 ] || [ $rc -eq 0 ] || [ $rc -eq 1 ]; then
	echo "PASS cli/garbage-guest"
else
	echo "FAIL cli/garbage-guest: exit $rc: $(head -c 300 "$T/out")"
fi
exit 0
