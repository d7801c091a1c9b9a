/* hv-test: --cpus 4 qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * Mutual exclusion from LR/SC: an LR.W/SC.W spinlock (acquire with .aq,
 * release with a .rl store) protects a non-atomic read-modify-write of a
 * shared counter and an "owner" word; after N harts x M critical sections
 * the counter is exact and no hart ever saw another inside.
 */
#include "guest.h"

#define ITERS 50000

static volatile uint32_t lock_word;
static volatile uint64_t counter;
static volatile long owner = -1;
static volatile unsigned long overlaps;
static struct smp_barrier start_barrier = SMP_BARRIER_INIT;
static unsigned int nharts;

static void lrsc_lock(volatile uint32_t *l)
{
	uint32_t tmp, fail;

	asm volatile("1:\tlr.w.aq %0, (%2)\n"
		     "\tbnez %0, 1b\n"
		     "\tsc.w %1, %3, (%2)\n"
		     "\tbnez %1, 1b"
		     : "=&r"(tmp), "=&r"(fail)
		     : "r"(l), "r"(1)
		     : "memory");
}

static void lrsc_unlock(volatile uint32_t *l)
{
	asm volatile("amoswap.w.rl zero, zero, (%0)" : : "r"(l) : "memory");
}

static void worker(void *arg)
{
	long me = (long)hart_id();

	(void)arg;
	smp_barrier_wait(&start_barrier, nharts);
	for (unsigned long i = 0; i < ITERS; i++) {
		lrsc_lock(&lock_word);
		if (owner != -1)
			overlaps++;
		owner = me;
		counter = counter + 1; /* deliberately not atomic */
		if (owner != me)
			overlaps++;
		owner = -1;
		lrsc_unlock(&lock_word);
	}
}

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned int started;

	(void)hartid;
	(void)dtb;
	nharts = smp_hart_count();
	CHECK("at least 2 harts present (run with --cpus 4)", nharts >= 2);
	started = smp_start_all(worker, NULL);
	CHECK_EQ("every other hart started", nharts - 1, started);
	worker(NULL);
	smp_wait_all();

	CHECK_EQ("counter under the LR/SC lock is exact", (uint64_t)nharts * ITERS, counter);
	CHECK_EQ("no hart saw another in the critical section", 0, overlaps);
	CHECK_EQ("lock released at the end", 0, lock_word);
	return 0;
}
