// SPDX-License-Identifier: MIT
/*
 * HART_START latency: the time from just before the starter's HART_START
 * call to the target's first instruction.  The target enters at
 * hs_entry, a bare assembly entry whose first instruction is rdtime; it
 * stores the time at its opaque argument and stops itself (HART_STOP).  The
 * starter waits until the target is STOPPED again and repeats.  Prints the
 * median and the minimum in microseconds:
 *	BENCH hart_start_us=N.D
 */
#include "bench.h"

#define HS_REPS 201u

void hs_entry(unsigned long hartid, unsigned long opaque);

/* a0 = hart id, a1 = opaque = where to store the entry time. */
asm(".text\n"
    ".balign 4\n"
    ".globl hs_entry\n"
    "hs_entry:\n"
    "	rdtime	t0\n"
    "	sd	t0, 0(a1)\n"
    "	fence	rw, rw\n"
    "	li	a7, 0x48534d\n" /* SBI_EXT_HSM */
    "	li	a6, 1\n"	/* SBI_EXT_HSM_HART_STOP */
    "	ecall\n"
    "1:	wfi\n"
    "	j	1b\n");

static volatile unsigned long entry_time;
static unsigned long samples[HS_REPS];

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long target = bench_other_hart(hartid), t0, min = ~0ul;
	struct sbiret r;

	(void)dtb;
	if (target == ~0ul) {
		console_printf("BENCH hart_start_error=needs 2 harts\n");
		bench_shutdown();
	}
	for (unsigned int i = 0; i < HS_REPS; i++) {
		entry_time = 0;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		t0 = time_now();
		r = sbi_hart_start(target, (unsigned long)hs_entry, (unsigned long)&entry_time);
		if (r.error) {
			console_printf("BENCH hart_start_error=%ld\n", r.error);
			bench_shutdown();
		}
		while (!entry_time)
			;
		samples[i] = entry_time - t0;
		if (samples[i] < min)
			min = samples[i];
		smp_wait_stopped(target);
	}
	bench_print_us("hart_start_min_us", min);
	bench_print_us("hart_start_us", bench_median(samples, HS_REPS));
	bench_shutdown();
}
