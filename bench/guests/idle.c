// SPDX-License-Identifier: MIT
/*
 * Idle host CPU: run with 4 harts.  Harts 1..3 are never started; the boot
 * hart arms its timer (SBI TIME) and waits for it in WFI, IDLE_SECONDS in
 * all.  It prints "BENCH idle_begin" as it goes idle, "BENCH idle_end" after
 * IDLE_SECONDS - IDLE_TAIL_MS, and then idles IDLE_TAIL_MS more, so that
 * bench/run.sh can sample the host process's CPU time when it sees each line
 * (the tail leaves it time to sample before the machine powers off).  A
 * machine whose idle and stopped harts use no host CPU shows about 0
 * CPU-seconds per wall-second.
 */
#include "bench.h"

#define IDLE_SECONDS 2ul
#define IDLE_TAIL_MS 500ul

static unsigned long wakeups;

/* Sleep in WFI until rdtime reaches @deadline.  sstatus.SIE stays 0: WFI
 * wakes on the pending STIP and no trap is taken. */
static void idle_until(unsigned long deadline)
{
	csr_set(sie, MIP_STIP);
	sbi_set_timer(deadline);
	while (time_now() < deadline) {
		wfi();
		wakeups++;
	}
	csr_clear(sie, MIP_STIP);
	sbi_set_timer(~0ul);
}

int main(unsigned long hartid, unsigned long dtb)
{
	const unsigned long tail = IDLE_TAIL_MS * (BENCH_TIMEBASE_HZ / 1000);
	unsigned long t0, t1;

	(void)hartid;
	(void)dtb;
	console_printf("BENCH idle_harts=%u\n", smp_hart_count());
	console_printf("BENCH idle_begin\n");
	t0 = time_now();
	idle_until(t0 + IDLE_SECONDS * BENCH_TIMEBASE_HZ - tail);
	console_printf("BENCH idle_end\n");
	t1 = time_now();
	idle_until(t1 + tail);
	console_printf("BENCH idle_tail_end\n");
	bench_print_us("idle_slept_us", time_now() - t0);
	console_printf("BENCH idle_wakeups=%lu\n", wakeups);
	bench_shutdown();
}
