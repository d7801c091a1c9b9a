// SPDX-License-Identifier: MIT
/*
 * SBI round trip: BASE probe_extension(BASE) in a loop, in batches of
 * PROBE_BATCH, for about one second after a warm-up batch.  Prints the
 * average in nanoseconds, one decimal:
 *	BENCH probe_ns=N.D
 */
#include "bench.h"

#define PROBE_BATCH 1000ul
#define PROBE_SECONDS 1ul

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long t0, t1, calls = 0, bad = 0, ns_x10;

	(void)hartid;
	(void)dtb;
	for (unsigned long i = 0; i < PROBE_BATCH; i++)
		sbi_probe_extension(SBI_EXT_BASE);

	t0 = time_now();
	do {
		for (unsigned long i = 0; i < PROBE_BATCH; i++)
			bad += sbi_probe_extension(SBI_EXT_BASE).value == 0;
		calls += PROBE_BATCH;
		t1 = time_now();
	} while (t1 - t0 < PROBE_SECONDS * BENCH_TIMEBASE_HZ);

	/* One tick is 100 ns: ns * 10 = ticks * 1000 / calls. */
	ns_x10 = (t1 - t0) * 1000 / calls;
	console_printf("BENCH probe_calls=%lu\n", calls);
	console_printf("BENCH probe_ns=%lu.%lu\n", ns_x10 / 10, ns_x10 % 10);
	if (bad)
		console_printf("BENCH probe_error=%lu calls said BASE is absent\n", bad);
	bench_shutdown();
}
