#!/bin/bash
# qemu_dtb.sh NCPUS OUT.dtb: QEMU virt's device tree plus the SBI HSM suspend
# idle states hartvisor describes (src/fdt/dt.c), so that cpuidle-riscv-sbi
# has the same states under QEMU + OpenSBI as under hartvisor.
set -euo pipefail
n=$1 out=$2
qemu-system-riscv64 -M virt,dumpdtb="$out" -smp "$n" -m 256M -nographic >/dev/null 2>&1
fdtput -c "$out" /cpus/idle-states /cpus/idle-states/cpu-retentive \
	/cpus/idle-states/cpu-nonretentive
st() { # st NODE PHANDLE PARAM ENTRY EXIT RESIDENCY
	local p=/cpus/idle-states/$1
	fdtput -t s "$out" "$p" compatible riscv,idle-state
	fdtput -t x "$out" "$p" riscv,sbi-suspend-param "$3"
	fdtput -t i "$out" "$p" entry-latency-us "$4"
	fdtput -t i "$out" "$p" exit-latency-us "$5"
	fdtput -t i "$out" "$p" min-residency-us "$6"
	fdtput -t x "$out" "$p" phandle "$2"
}
st cpu-retentive 0x7f00 0x0 10 10 100
st cpu-nonretentive 0x7f01 0x80000000 100 100 1000
fdtput "$out" /cpus/idle-states/cpu-nonretentive local-timer-stop ""
for ((i = 0; i < n; i++)); do
	fdtput -t x "$out" "/cpus/cpu@$i" cpu-idle-states 0x7f00 0x7f01
done
