/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the benchmark guests (bench/guests/NAME.c).
 *
 * Every figure is printed on the console as one line "BENCH key=value",
 * which bench/run.sh collects from hartvisor's and QEMU's output alike.
 * Times come from rdtime, which ticks at 10 MHz on hartvisor and on QEMU
 * virt: one tick is 100 ns.
 */
#ifndef BENCH_GUESTS_BENCH_H
#define BENCH_GUESTS_BENCH_H

#include "guest.h"

#define BENCH_TIMEBASE_HZ 10000000ul
#define BENCH_TICKS_PER_US (BENCH_TIMEBASE_HZ / 1000000ul)

/* SBI numbers the runtime's headers have named differently over time. */
#define BENCH_SRST_TYPE_SHUTDOWN 0
#define BENCH_SRST_REASON_NONE 0
#define BENCH_EXT_LEGACY_SHUTDOWN 0x08

/* Power off with SRST, reason none; both QEMU and hartvisor then exit. */
static inline __attribute__((noreturn)) void bench_shutdown(void)
{
	sbi_system_reset(BENCH_SRST_TYPE_SHUTDOWN, BENCH_SRST_REASON_NONE);
	sbi_ecall(BENCH_EXT_LEGACY_SHUTDOWN, 0, 0, 0, 0, 0, 0, 0);
	for (;;)
		wfi();
}

/* Sort @v (insertion sort: the arrays are small) and return its median. */
static inline unsigned long bench_median(unsigned long *v, unsigned int n)
{
	for (unsigned int i = 1; i < n; i++) {
		unsigned long x = v[i];
		unsigned int j = i;

		while (j > 0 && v[j - 1] > x) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
	return n ? v[n / 2] : 0;
}

/* "BENCH key=U.T" with @ticks converted to microseconds, one decimal (0.1 us = 1 tick). */
static inline void bench_print_us(const char *key, unsigned long ticks)
{
	console_printf("BENCH %s=%lu.%lu\n", key, ticks / BENCH_TICKS_PER_US,
		       ticks % BENCH_TICKS_PER_US);
}

/* Any hart but @me, or ~0ul if there is none. */
static inline unsigned long bench_other_hart(unsigned long me)
{
	unsigned long mask = smp_present_mask() & ~(1ul << me);

	return mask ? (unsigned long)__builtin_ctzl(mask) : ~0ul;
}

#endif /* BENCH_GUESTS_BENCH_H */
