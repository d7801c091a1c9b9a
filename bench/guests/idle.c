// SPDX-License-Identifier: MIT
/*
 * Idle host CPU: run with 4 harts.  Harts 1..3 are never started; the boot
 * hart arms its timer (SBI TIME) IDLE_SECONDS ahead and waits for it in WFI.
 * It prints "BENCH idle_begin" just before and "BENCH idle_end" just after,
 * so that bench/run.sh can sample the host process's CPU time over exactly
 * that window.  A machine whose idle and stopped harts use no host CPU shows
 * about 0 CPU-seconds per wall-second.
 */
#include "bench.h"

#define IDLE_SECONDS 2ul

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long t0, deadline, wakeups = 0;

	(void)hartid;
	(void)dtb;
	console_printf("BENCH idle_harts=%u\n", smp_hart_count());
	console_printf("BENCH idle_begin\n");
	t0 = time_now();
	deadline = t0 + IDLE_SECONDS * BENCH_TIMEBASE_HZ;
	/* sstatus.SIE stays 0: WFI wakes on the pending STIP, no trap is taken. */
	csr_set(sie, MIP_STIP);
	sbi_set_timer(deadline);
	while (time_now() < deadline) {
		wfi();
		wakeups++;
	}
	csr_clear(sie, MIP_STIP);
	sbi_set_timer(~0ul);
	console_printf("BENCH idle_end\n");
	bench_print_us("idle_slept_us", time_now() - t0);
	console_printf("BENCH idle_wakeups=%lu\n", wakeups);
	bench_shutdown();
}
