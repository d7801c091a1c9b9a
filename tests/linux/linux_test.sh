#!/bin/bash
# Linux 6.1 on hartvisor: boots build/linux/Image (make linux) with the test
# initramfs, whose /init (linux/init/init.c) runs the check named by hvtest=
# and reports "HVTEST PASS|FAIL name: detail", then "HVTEST DONE ...", then
# powers off.  Prints one PASS/FAIL line per run for tests/run_tests.sh;
# exit 0 if all passed, 2 if any failed.
#
#   tests/linux/linux_test.sh [HARTVISOR]     default build/hartvisor
#   tests/linux/linux_test.sh --qemu          the same runs on qemu-system-riscv64 +
#                                             OpenSBI (a reference; needs fdtput)
#   LINUX_TESTS="boot-4 console" ...          run only these (names as printed)
#   LINUX_TIMEOUT=900                         seconds allowed per boot (default 600)
#   LINUX_POWEROFF_GRACE=120                  seconds from HVTEST DONE to power-off
#
# hartvisor is an interpreter: the timeout is generous and nothing asserts on
# time; the boot-to-poweroff times are only reported.
set -u
cd "$(dirname "$0")/../.." || exit 99

MODE=hartvisor
HV=build/hartvisor
if [ "${1:-}" = "--qemu" ]; then
	MODE=qemu
else
	HV=${1:-build/hartvisor}
fi
IMAGE=${LINUX_IMAGE:-build/linux/Image}
INITRD=${LINUX_INITRD:-build/linux/initramfs.cpio}
TIMEOUT=${LINUX_TIMEOUT:-600}
ONLY=${LINUX_TESTS:-}
T=$(mktemp -d)
LOGDIR=build/test-logs/linux
mkdir -p "$LOGDIR"
VM_PID=
trap '[ -n "$VM_PID" ] && kill "$VM_PID" 2>/dev/null; rm -rf "$T"' EXIT
trap 'exit 143' TERM INT
failures=0

pass() { echo "PASS linux/$1: $2"; }
fail() {
	echo "FAIL linux/$1: $2"
	failures=$((failures + 1))
	if [ -f "$LOGDIR/$1.log" ]; then
		echo "    console tail ($LOGDIR/$1.log):"
		tr -d '\r\0' <"$LOGDIR/$1.log" | grep -av '^ *$' | tail -n 12 | sed 's/^/    | /'
	fi
}

for f in "$IMAGE" "$INITRD"; do
	if [ ! -f "$f" ]; then
		echo "SKIP linux: $f missing: run make linux"
		exit 0
	fi
done
if [ $MODE = hartvisor ] && [ ! -x "$HV" ]; then
	echo "FAIL linux/setup: $HV missing: run make build/hartvisor"
	exit 2
fi

wanted() { [ -z "$ONLY" ] || [[ " $ONLY " == *" $1 "* ]]; }

# vm_start LOG NCPUS APPEND: boot in the background, stdin from the fifo $T/in.
# Sets VM_PID.
vm_start() {
	local log=$1 n=$2 append=$3 dtb=()
	rm -f "$T/in"
	mkfifo "$T/in"
	if [ $MODE = qemu ]; then
		# The HSM suspend idle states only where they are tested: with them,
		# QEMU + OpenSBI sometimes loses a timer (an RCU stall, "timer wakeup
		# didn't happen") or fails the SRST shutdown, so cpuidle can be flaky
		# there; this mode is only a reference.
		if [[ $append == *hvtest=cpuidle* ]]; then
			tests/linux/qemu_dtb.sh "$n" "$T/virt$n.dtb"
			dtb=(-dtb "$T/virt$n.dtb")
		fi
		# shellcheck disable=SC2086
		timeout -k 10 "$TIMEOUT" qemu-system-riscv64 -M virt -bios default -nographic \
			-smp "$n" -m 256M "${dtb[@]}" -kernel "$IMAGE" -initrd "$INITRD" \
			-append "$append" ${QEMU_EXTRA:-} <"$T/in" >"$log" 2>&1 &
	else
		timeout -k 10 "$TIMEOUT" "$HV" run --kernel "$IMAGE" --initrd "$INITRD" \
			--cpus "$n" --append "$append" <"$T/in" >"$log" 2>&1 &
	fi
	VM_PID=$!
	# Hold the fifo open for writing, so the VM's stdin stays open and empty.
	exec {VM_IN}>"$T/in"
}

# vm_wait LOG: wait for the VM; sets VM_RC.  A kernel panic, or no power-off
# within POWEROFF_GRACE seconds of HVTEST DONE, ends it early (VM_RC 124).
POWEROFF_GRACE=${LINUX_POWEROFF_GRACE:-120}
vm_wait() {
	local log=$1 done_at=0 i
	for ((i = 0; ; i++)); do
		kill -0 "$VM_PID" 2>/dev/null || break
		if seen "$log" "end Kernel panic"; then
			kill "$VM_PID" 2>/dev/null
			break
		fi
		if [ $done_at -eq 0 ] && seen "$log" "HVTEST DONE"; then
			done_at=$i
		elif [ $done_at -gt 0 ] && [ $((i - done_at)) -gt $((POWEROFF_GRACE * 2)) ]; then
			echo "linux_test: no power-off ${POWEROFF_GRACE} s after HVTEST DONE: killed" >>"$log"
			kill "$VM_PID" 2>/dev/null
			break
		fi
		sleep 0.5
	done
	wait "$VM_PID"
	VM_RC=$?
	VM_PID=
	[ $VM_RC -eq 143 ] && VM_RC=124
	exec {VM_IN}>&-
}

# seen LOG PATTERN: the console printed PATTERN (a fixed string).
seen() { tr -d '\r\0' <"$1" | grep -aqF -- "$2"; }
count() { tr -d '\r\0' <"$1" | grep -acF -- "$2"; }

# judge NAME LOG SECONDS [EXTRA-REQUIRED-PATTERN]: one PASS/FAIL line for a run.
judge() {
	local name=$1 log=$2 secs=$3 need=${4:-} fin first details
	fin=$(tr -d '\r' <"$log" | grep -a -m 1 '^HVTEST DONE' || true)
	first=$(tr -d '\r' <"$log" | grep -a -m 1 '^HVTEST FAIL' | sed 's/^HVTEST FAIL //' || true)
	details=$(tr -d '\r' <"$log" | grep -a '^HVTEST PASS' | grep -av '^HVTEST PASS kmsg' |
		sed 's/^HVTEST PASS //' | paste -sd ';' | sed 's/;/; /g')
	if seen "$log" "end Kernel panic"; then
		fail "$name" "kernel panic: $(tr -d '\r\0' <"$log" | grep -a -m 1 'Kernel panic -' | sed 's/.*Kernel panic - //')"
	elif [ "$VM_RC" -eq 124 ] || [ "$VM_RC" -eq 137 ]; then
		if [ -n "$fin" ]; then
			fail "$name" "$fin, but no power-off followed${first:+; failed: $first}"
		else
			fail "$name" "no power-off within ${TIMEOUT} s (timeout)${first:+; failed: $first}"
		fi
	elif [ -n "$first" ]; then
		fail "$name" "$first (exit $VM_RC, ${secs} s)"
	elif [ -z "$fin" ]; then
		fail "$name" "exit $VM_RC without HVTEST DONE: the guest did not finish"
	elif [ "$VM_RC" -ne 0 ]; then
		fail "$name" "$fin, but exit $VM_RC (0 expected from SRST shutdown)"
	elif [ -n "$need" ] && ! seen "$log" "$need"; then
		fail "$name" "the console lacks \"$need\""
	else
		pass "$name" "$details; exit 0 after ${secs} s"
	fi
}

# run NAME NCPUS APPEND: boot, wait for power-off, judge.
run() {
	local name=$1 n=$2 append=$3 log=$LOGDIR/$1.log t0
	wanted "$name" || return 0
	t0=$(date +%s)
	vm_start "$log" "$n" "$append"
	vm_wait "$log"
	judge "$name" "$log" $(($(date +%s) - t0)) "${4:-}"
}

# ---- boot with 1, 4 and 8 harts ---------------------------------------------------
for n in 1 4 8; do
	run boot-$n $n "console=ttyS0 earlycon hvtest=boot hvcpus=$n"
done

# ---- every secondary offline and online 20 times -----------------------------------
run hotplug 4 "console=ttyS0 earlycon hvtest=hotplug"

# ---- both HSM suspend states entered on every CPU --------------------------------------
run cpuidle 4 "console=ttyS0 earlycon hvtest=cpuidle"

# ---- console round trip: type a line once the guest asks for it -------------------------
console_test() {
	local name=console log=$LOGDIR/console.log line="hello from the harness $$" t0 i
	wanted $name || return 0
	t0=$(date +%s)
	vm_start "$log" 2 "console=ttyS0 earlycon hvtest=console"
	for ((i = 0; i < TIMEOUT * 2; i++)); do
		seen "$log" "HVTEST console: ready" && break
		kill -0 "$VM_PID" 2>/dev/null || break
		sleep 0.5
	done
	# Let the guest reach its read() before typing.
	sleep 1
	printf '%s\n' "$line" >&"$VM_IN"
	vm_wait "$log"
	judge $name "$log" $(($(date +%s) - t0)) "HVTEST PASS console: got \"$line\""
}
console_test

# ---- reboot (SBI SRST cold reboot), then power off with exit code 0 -------------------------
reboot_test() {
	local name=reboot log=$LOGDIR/reboot.log t0 i n
	wanted $name || return 0
	t0=$(date +%s)
	if [ $MODE = qemu ]; then
		# QEMU cannot tell the second boot apart: check each half on its own.
		QEMU_EXTRA=-no-reboot vm_start "$log" 2 "console=ttyS0 earlycon hvtest=reboot hv.boot=0"
		vm_wait "$log"
		if ! seen "$log" "first boot, rebooting" || [ "$VM_RC" -ne 0 ]; then
			fail $name "the first boot did not reboot (exit $VM_RC)"
			return
		fi
		vm_start "$log" 2 "console=ttyS0 earlycon hvtest=reboot hv.boot=1"
		vm_wait "$log"
		judge $name "$log" $(($(date +%s) - t0)) "HVTEST PASS reboot"
		return
	fi
	vm_start "$log" 2 "console=ttyS0 earlycon hvtest=reboot"
	# A guest that cannot tell its second boot apart reboots for ever: stop it.
	for ((i = 0; i < TIMEOUT * 2; i++)); do
		kill -0 "$VM_PID" 2>/dev/null || break
		n=$(count "$log" "first boot, rebooting")
		if [ "$n" -ge 2 ]; then
			kill "$VM_PID" 2>/dev/null
			vm_wait "$log"
			fail $name "the second boot did not know it was one, and rebooted again: is /chosen/hartvisor,boot-count missing or stuck at 1?"
			return
		fi
		sleep 0.5
	done
	vm_wait "$log"
	if [ "$(count "$log" "first boot, rebooting")" -ne 1 ]; then
		fail $name "the first boot did not reboot (exit $VM_RC)"
		return
	fi
	judge $name "$log" $(($(date +%s) - t0)) "HVTEST PASS reboot"
}
reboot_test

# ---- the same boot with the SBI console (legacy putchar/getchar) --------------------------------
run hvc-4 4 "earlycon=sbi console=hvc0 hvtest=boot hvcpus=4"

[ $failures -eq 0 ] || exit 2
exit 0
