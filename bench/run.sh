#!/bin/bash
# SPDX-License-Identifier: MIT
# hartvisor's benchmarks (`make bench`), each side by side with QEMU running
# the same guest binary:
#     qemu-system-riscv64 -M virt -bios default -nographic -m 256M -smp N -kernel X.bin
# (Debian's QEMU 7.2 with its OpenSBI 1.1).  The guests (bench/guests/*.c,
# built into build/bench/ by bench/bench.mk) time themselves with rdtime and
# print "BENCH key=value" lines; this script collects them from both outputs.
#
# These are figures, not tests: nothing here passes or fails on a time.  The
# exit status is 0 unless the guests are not built.  Logs and a summary go
# to build/bench-logs/.
#
#   bench/run.sh            every figure
#   HV=path QEMU=path       other binaries
#   BENCH_NO_HOSTINSN=1     skip the slow callgrind run (host insns per guest insn)
set -u
cd "$(dirname "$0")/.." || exit 2
B=build
HV=${HV:-$B/hartvisor}
QEMU=${QEMU:-qemu-system-riscv64}
BB=$B/bench
LOG=$B/bench-logs
SUMMARY=$LOG/summary.txt
mkdir -p "$LOG"

for g in mips mips_c1 mips_c4 probe hart_start ipi suspend idle; do
	if [ ! -f "$BB/$g.bin" ]; then
		echo "bench: $BB/$g.bin is missing; run 'make bench'" >&2
		exit 2
	fi
done

have_hv=1
[ -x "$HV" ] || have_hv=0
have_qemu=1
command -v "$QEMU" >/dev/null || have_qemu=0

notes=()

# ---- running guests ---------------------------------------------------------------

# run_hv NAME CPUS [hartvisor flags...]: output in $LOG/NAME.hv.log
run_hv() {
	local name=$1 cpus=$2 rc
	shift 2
	[ $have_hv -eq 1 ] || return 1
	timeout 300 "$HV" run --kernel "$BB/$name.bin" --cpus "$cpus" "$@" </dev/null \
		>"$LOG/$name.hv.log" 2>&1
	rc=$?
	[ $rc -eq 0 ] || notes+=("hartvisor $name: exit $rc, see $LOG/$name.hv.log")
	return $rc
}

# run_qemu NAME CPUS: output in $LOG/NAME.qemu.log
run_qemu() {
	local name=$1 cpus=$2 rc
	[ $have_qemu -eq 1 ] || return 1
	timeout 300 "$QEMU" -M virt -bios default -nographic -m 256M -smp "$cpus" \
		-kernel "$BB/$name.bin" </dev/null >"$LOG/$name.qemu.log" 2>&1
	rc=$?
	[ $rc -eq 0 ] || notes+=("QEMU $name: exit $rc, see $LOG/$name.qemu.log")
	return $rc
}

# val LOGFILE KEY: the value of the last "BENCH KEY=value" line, or nothing.
val() {
	[ -f "$1" ] || return 0
	tr -d '\r' <"$1" | grep -a -o "BENCH $2=[^ ]*" | tail -n 1 | cut -d= -f2-
}

isnum() { [[ $1 =~ ^[0-9]+(\.[0-9]+)?$ ]]; }

# ratio A B: A / B as "N.NNx", or "-".
ratio() {
	if isnum "${1:-}" && isnum "${2:-}" && awk -v b="$2" 'BEGIN { exit !(b > 0) }'; then
		awk -v a="$1" -v b="$2" 'BEGIN { r = a / b; printf(r < 0.1 ? "%.3fx" : "%.2fx", r) }'
	else
		echo "-"
	fi
}

or_failed() { # or_failed VALUE WHO: VALUE, or "failed" / "not built"
	if [ -n "$1" ]; then
		echo "$1"
	elif [ "$2" = hv ] && [ $have_hv -eq 0 ]; then
		echo "not built"
	else
		echo "failed"
	fi
}

rows=()
# row LABEL HV QEMU [RATIO]
row() {
	local r=${4-$(ratio "$2" "$3")}
	rows+=("$(printf '%-44s %12s %30s %8s' "$1" "$2" "$3" "$r")")
	printf '%-44s %12s %30s %8s\n' "$1" "$2" "$3" "$r"
}

# ---- idle CPU: sample the process's CPU time inside the guest's idle window ----------------

clk_tck=$(getconf CLK_TCK)

cpu_ticks() { # utime + stime of process $1, in clock ticks, all threads
	awk '{ s = $0; sub(/.*\) /, "", s); split(s, f, " "); print f[12] + f[13] }' \
		"/proc/$1/stat" 2>/dev/null
}

# idle_measure LOG CMD...: CPU-seconds per wall-second between the guest's
# "BENCH idle_begin" and "BENCH idle_end" lines, sampled as each appears
# (the guest idles on for 0.5 s after idle_end, so the process is still
# there).  Prints the figure, or nothing on failure.
idle_measure() {
	local log=$1 tpid pid="" c0="" c1="" w0 w1 i
	shift
	timeout 60 "$@" </dev/null >"$log" 2>&1 &
	tpid=$!
	for ((i = 0; i < 3000; i++)); do
		[ -z "$pid" ] && pid=$(pgrep -P "$tpid" | head -n 1)
		if [ -n "$pid" ] && grep -aq "BENCH idle_begin" "$log"; then
			c0=$(cpu_ticks "$pid")
			w0=$(date +%s%N)
			break
		fi
		kill -0 "$tpid" 2>/dev/null || break
		sleep 0.01
	done
	if [ -n "$c0" ]; then
		for ((i = 0; i < 3000; i++)); do
			if grep -aq "BENCH idle_end" "$log"; then
				c1=$(cpu_ticks "$pid")
				w1=$(date +%s%N)
				break
			fi
			kill -0 "$tpid" 2>/dev/null || break
			sleep 0.01
		done
		# Sampled after the idle tail: the window took in the power-off.
		grep -aq "BENCH idle_tail_end" "$log" && c1=""
	fi
	wait "$tpid"
	if [ -n "$c0" ] && [ -n "$c1" ]; then
		awk -v c=$((c1 - c0)) -v hz="$clk_tck" -v w=$((w1 - w0)) \
			'BEGIN { printf("%.2f", (c / hz) / (w / 1e9)) }'
	fi
}

# ---- host instructions per guest instruction --------------------------------------------

# host_insns BIN: host instructions retired by a whole hartvisor run of BIN.
hostinsn_tool=""
host_insns() {
	local out
	out=$LOG/hostinsn.$(basename "$1" .bin)
	if [ "$hostinsn_tool" = perf ]; then
		timeout 600 perf stat -x, -e instructions -o "$out.perf" -- \
			"$HV" run --kernel "$1" </dev/null >"$out.log" 2>&1 || return 1
		grep -a ',instructions' "$out.perf" | head -n 1 | cut -d, -f1
	else
		timeout 1200 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
			"$HV" run --kernel "$1" </dev/null >"$out.log" 2>&1 || return 1
		grep -a 'Collected :' "$out.log" | tail -n 1 | awk '{ print $NF }'
	fi
}

# perf when the host counts instructions (this KVM guest does not), else callgrind.
if perf stat -x, -e instructions true 2>&1 | grep -q '^[0-9][0-9]*,'; then
	hostinsn_tool=perf
elif command -v valgrind >/dev/null; then
	hostinsn_tool=callgrind
fi

hostinsn_per_guest() {
	local h1 h4 g1 g4
	[ -n "$hostinsn_tool" ] || return 1
	h1=$(host_insns "$BB/mips_c1.bin") || return 1
	h4=$(host_insns "$BB/mips_c4.bin") || return 1
	g1=$(val "$LOG/hostinsn.mips_c1.log" mips_insns)
	g4=$(val "$LOG/hostinsn.mips_c4.log" mips_insns)
	isnum "$h1" && isnum "$h4" && isnum "$g1" && isnum "$g4" || return 1
	awk -v h1="$h1" -v h4="$h4" -v g1="$g1" -v g4="$g4" \
		'BEGIN { if (g4 > g1) printf("%.1f", (h4 - h1) / (g4 - g1)) }'
}

# ---- Linux boot ------------------------------------------------------------------------------

# linux_boot LOG CMD...: seconds from launch to power-off, when the test init
# reported "HVTEST DONE"; nothing on failure.  A kernel panic ends the run early.
linux_boot() {
	local log=$1 tpid t0 t1 rc
	shift
	t0=$(date +%s%N)
	timeout 180 "$@" </dev/null >"$log" 2>&1 &
	tpid=$!
	while kill -0 "$tpid" 2>/dev/null; do
		if grep -aq "Kernel panic" "$log"; then
			sleep 1
			kill "$tpid" 2>/dev/null
			break
		fi
		sleep 0.05
	done
	wait "$tpid"
	rc=$?
	t1=$(date +%s%N)
	[ $rc -eq 0 ] && tr -d '\r' <"$log" | grep -aq '^HVTEST DONE' || return 0
	awk -v ns=$((t1 - t0)) 'BEGIN { printf("%.2f", ns / 1e9) }'
}

# init_time LOG: the kernel's printk timestamp of "Run /init", in seconds.
init_time() {
	tr -d '\r' <"$1" 2>/dev/null | grep -a -m 1 'Run /init' |
		sed -n 's/^\[ *\([0-9.]*\)\].*/\1/p' | awk '{ printf("%.3f", $1) }'
}

# ---- the run -----------------------------------------------------------------------------

{
	echo "hartvisor benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "host: $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) CPUs$(grep -q hypervisor /proc/cpuinfo && echo ', a VM guest')"
	echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
	if awk '{ exit !($1 > 0.5) }' /proc/loadavg; then
		echo "note: other work is running on this machine; the figures will be low and noisy"
	fi
	dirty=$(git status --porcelain -- src include 2>/dev/null | wc -l)
	echo "hartvisor: $HV ($(git rev-parse --short HEAD 2>/dev/null || echo 'no commit')$([ "$dirty" -eq 0 ] || echo " + $dirty uncommitted files in src/ include/"))$([ $have_hv -eq 1 ] || echo ', NOT BUILT')"
	echo "QEMU: $($QEMU --version 2>/dev/null | head -n 1)"
	echo "ratio = hartvisor / QEMU; times are medians unless marked"
	echo
} | tee "$SUMMARY"
printf '%-44s %12s %30s %8s\n' "figure" "hartvisor" "QEMU+OpenSBI" "ratio" | tee -a "$SUMMARY"

# 1. MIPS
run_hv mips 1
run_qemu mips 1
hv=$(or_failed "$(val "$LOG/mips.hv.log" mips)" hv)
qe=$(or_failed "$(val "$LOG/mips.qemu.log" mips)" qemu)
row "guest MIPS, integer mix (ld/st/alu/mul/br)" "$hv" "$qe"
hv=$(or_failed "$(val "$LOG/mips.hv.log" mips_alu)" hv)
qe=$(or_failed "$(val "$LOG/mips.qemu.log" mips_alu)" qemu)
row "guest MIPS, register-only ALU loop" "$hv" "$qe"
if [ $have_hv -eq 0 ]; then
	hi="not built"
elif [ -n "${BENCH_NO_HOSTINSN:-}" ]; then
	hi="skipped"
else
	hi=$(hostinsn_per_guest) || hi=""
	[ -n "$hi" ] || {
		hi="failed"
		notes+=("host instructions: see $LOG/hostinsn.*")
	}
	[ -n "$hostinsn_tool" ] && notes+=("host instructions per guest instruction: $hostinsn_tool, integer mix, (run of 4 chunks - run of 1 chunk) / 25.2 M guest instructions")
fi
row "host instructions per guest instruction" "$hi" "-" "-"

# 2. SBI probe
run_hv probe 1
run_qemu probe 1
hv=$(or_failed "$(val "$LOG/probe.hv.log" probe_ns)" hv)
qe=$(or_failed "$(val "$LOG/probe.qemu.log" probe_ns)" qemu)
row "SBI probe_extension round trip (ns, mean)" "$hv" "$qe"

# 3. HART_START
run_hv hart_start 2
run_qemu hart_start 2
hv=$(or_failed "$(val "$LOG/hart_start.hv.log" hart_start_us)" hv)
qe=$(or_failed "$(val "$LOG/hart_start.qemu.log" hart_start_us)" qemu)
row "HART_START to first instruction (us)" "$hv" "$qe"

# 4. IPI
run_hv ipi 2
run_qemu ipi 2
hv=$(or_failed "$(val "$LOG/ipi.hv.log" ipi_us)" hv)
qe=$(or_failed "$(val "$LOG/ipi.qemu.log" ipi_us)" qemu)
row "IPI round trip, target running (us)" "$hv" "$qe"

# 5. suspend -> resume
run_hv suspend 1 --suspend-wake=now
run_qemu suspend 1
hv=$(or_failed "$(val "$LOG/suspend.hv.log" susp_us)" hv)
[ "$(val "$LOG/suspend.hv.log" susp)" = "n/a" ] && hv="no SUSP"
qe=$(val "$LOG/suspend.qemu.log" susp_us)
if [ -z "$qe" ]; then
	if [ "$(val "$LOG/suspend.qemu.log" susp)" = "n/a" ]; then
		qe="n/a (OpenSBI 1.1 has no SUSP)"
	else
		qe=failed
	fi
fi
row "suspend -> resume, immediate wake (us)" "$hv" "$qe" "$(ratio "$hv" "$qe")"

# 6. idle CPU
if [ $have_hv -eq 1 ]; then
	hv=$(idle_measure "$LOG/idle.hv.log" "$HV" run --kernel "$BB/idle.bin" --cpus 4)
	hv=$(or_failed "$hv" hv)
else
	hv="not built"
fi
if [ $have_qemu -eq 1 ]; then
	qe=$(idle_measure "$LOG/idle.qemu.log" "$QEMU" -M virt -bios default -nographic -m 256M \
		-smp 4 -kernel "$BB/idle.bin")
	qe=$(or_failed "$qe" qemu)
else
	qe="failed"
fi
[ "$hv" = failed ] && notes+=("hartvisor idle: see $LOG/idle.hv.log")
[ "$qe" = failed ] && notes+=("QEMU idle: see $LOG/idle.qemu.log")
row "idle: 4 harts, 3 never started, 1 in WFI" "$hv" "$qe" "-"
row "  (host CPU-seconds per wall-second)" "" "" ""

# 7. Linux: boot to power-off with 1 and 4 harts, when the Linux guest is built (make linux)
if [ -f "$B/linux/Image" ] && [ -f "$B/linux/initramfs.cpio" ]; then
	for n in 1 4; do
		LINUX_APPEND="console=ttyS0 earlycon hvtest=boot hvcpus=$n"
		hv=failed qe=failed hi="" qi=""
		if [ $have_hv -eq 1 ]; then
			hv=$(linux_boot "$LOG/linux$n.hv.log" "$HV" run --kernel "$B/linux/Image" \
				--initrd "$B/linux/initramfs.cpio" --cpus $n --append "$LINUX_APPEND")
			hi=$(init_time "$LOG/linux$n.hv.log")
			[ -n "$hv" ] || {
				hv=failed
				notes+=("hartvisor Linux boot: see $LOG/linux$n.hv.log")
			}
		else
			hv="not built"
		fi
		if [ $have_qemu -eq 1 ]; then
			qe=$(linux_boot "$LOG/linux$n.qemu.log" "$QEMU" -M virt -bios default \
				-nographic -m 256M -smp $n -kernel "$B/linux/Image" \
				-initrd "$B/linux/initramfs.cpio" -append "$LINUX_APPEND")
			qi=$(init_time "$LOG/linux$n.qemu.log")
			[ -n "$qe" ] || {
				qe=failed
				notes+=("QEMU Linux boot: see $LOG/linux$n.qemu.log")
			}
		fi
		row "Linux 6.1 boot to power-off, $n hart(s) (s)" "$hv" "$qe"
		row "  kernel printk time at 'Run /init' (s)" "${hi:--}" "${qi:--}"
	done
	linux=""
elif [ -d "$B/linux" ]; then
	linux="Linux boot: $B/linux/ has no Image and initramfs.cpio yet (make linux)"
else
	linux="Linux boot: not built yet"
fi
if [ -n "$linux" ]; then
	echo
	echo "$linux"
fi

{
	for r in "${rows[@]}"; do
		echo "$r"
	done
	[ -z "$linux" ] || printf '\n%s\n' "$linux"
	echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
} >>"$SUMMARY"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ${#notes[@]} -gt 0 ]; then
	echo
	for n in "${notes[@]}"; do
		echo "note: $n"
	done | tee -a "$SUMMARY"
fi
exit 0
