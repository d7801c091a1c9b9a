#!/bin/sh
# SPDX-License-Identifier: MIT
# Run the guest tests marked qemu-ok under QEMU virt + OpenSBI, as a check
# that a test is right about the architecture independently of hartvisor.
#
#   guest/run_qemu.sh [BUILD_DIR] [NAME...]
#
# A test's first line is "/* hv-test: [FLAGS] [qemu-ok | qemu-skip: REASON] */";
# "--cpus N" among the flags becomes "-smp N".  A test passes when its
# console shows "DONE checks=N failures=0" with N > 0 and no "CHECK FAIL".
# Exit status: 0 all passed, 2 some failed.
out=${1:-build/guest}
[ $# -gt 0 ] && shift
qemu=${QEMU:-qemu-system-riscv64}
pass=0 fail=0 skip=0

names=$*
[ -n "$names" ] || names=$(for f in tests/guest/*.c tests/guest/*.S; do
	[ -e "$f" ] && basename "${f%.*}"; done)

for name in $names; do
	src=$(ls tests/guest/"$name".c tests/guest/"$name".S 2>/dev/null | head -n 1)
	head=$(head -n 1 "$src")
	case "$head" in
	*qemu-ok*) ;;
	*)
		echo "SKIP $name:$(echo "${head#*qemu-skip:}" | sed "s, *\*/$,,")"
		skip=$((skip + 1))
		continue
		;;
	esac
	cpus=$(echo "$head" | sed -n 's/.*--cpus[ =]\([0-9]*\).*/\1/p')
	log=$out/$name.qemu.log
	timeout 120 "$qemu" -M virt -bios default -nographic -smp "${cpus:-1}" -m 256M \
		-kernel "$out/$name.bin" </dev/null >"$log" 2>&1
	if grep -q '^DONE checks=[1-9][0-9]* failures=0' "$log" && ! grep -q 'CHECK FAIL' "$log"; then
		echo "PASS $name ($(grep -o 'checks=[0-9]*' "$log"))"
		pass=$((pass + 1))
	else
		echo "FAIL $name (see $log)"
		grep -E 'CHECK FAIL|unexpected|DONE' "$log" | head -n 20 | sed 's/^/    /'
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ] || exit 2
