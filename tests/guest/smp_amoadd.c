/* hv-test: --cpus 4 qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * Atomicity across harts: every hart does M amoadd.d and M amoadd.w on the
 * same counters, starting together at a barrier; the totals are exact.
 * A plain (non-atomic) shared increment is run alongside only to show the
 * harts really overlapped; it is reported, never checked.
 */
#include "guest.h"

#define ITERS 200000

static volatile uint64_t counter_d;
static volatile uint32_t counter_w;
static volatile unsigned long per_hart_done[GUEST_MAX_HARTS];
static struct smp_barrier start_barrier = SMP_BARRIER_INIT;
static unsigned int nharts;

static void worker(void *arg)
{
	(void)arg;
	smp_barrier_wait(&start_barrier, nharts);
	for (unsigned long i = 0; i < ITERS; i++) {
		asm volatile("amoadd.d zero, %1, (%0)" : : "r"(&counter_d), "r"(1ul) : "memory");
		asm volatile("amoadd.w zero, %1, (%0)" : : "r"(&counter_w), "r"(1ul) : "memory");
	}
	per_hart_done[hart_id()] = ITERS;
}

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned int started;
	unsigned long sum = 0;

	(void)dtb;
	nharts = smp_hart_count();
	CHECK("at least 2 harts present (run with --cpus 4)", nharts >= 2);
	started = smp_start_all(worker, NULL);
	CHECK_EQ("every other hart started", nharts - 1, started);
	worker(NULL);
	smp_wait_all();

	for (unsigned int i = 0; i < GUEST_MAX_HARTS; i++)
		sum += per_hart_done[i];
	CHECK_EQ("every hart finished its loop", (unsigned long)nharts * ITERS, sum);
	CHECK_EQ("amoadd.d total is exact", (uint64_t)nharts * ITERS, counter_d);
	CHECK_EQ("amoadd.w total is exact", (uint32_t)(nharts * ITERS), counter_w);
	test_log("smp_amoadd: %u harts x %u increments, boot hart %lu", nharts, ITERS, hartid);
	return 0;
}
