// SPDX-License-Identifier: MIT
#include "smp.h"

#include "hart.h"
#include "sbi.h"

extern char guest_secondary_entry[];

static unsigned long present_mask;
static unsigned long boot_hart;
/* Harts started and not yet returned from their fn. */
static volatile unsigned int running;

void smp_init(unsigned long boot_hartid)
{
	boot_hart = boot_hartid;
	present_mask = 1ul << boot_hartid;
	for (unsigned long id = 0; id < GUEST_MAX_HARTS; id++) {
		struct sbiret r = sbi_hart_get_status(id);

		if (r.error == SBI_SUCCESS)
			present_mask |= 1ul << id;
	}
}

unsigned long smp_present_mask(void)
{
	return present_mask;
}

unsigned int smp_hart_count(void)
{
	return (unsigned int)__builtin_popcountl(present_mask);
}

unsigned long smp_boot_hart(void)
{
	return boot_hart;
}

long smp_start_hart(unsigned long hartid, void (*fn)(void *arg), void *arg)
{
	struct hart_local *hl;
	struct sbiret r;

	if (hartid >= GUEST_MAX_HARTS)
		return SBI_ERR_INVALID_PARAM;
	hl = &hart_locals[hartid];
	hl->start_fn = fn;
	hl->start_arg = arg;
	__atomic_fetch_add(&running, 1, __ATOMIC_SEQ_CST);
	/* hart_start publishes start_fn/start_arg: the SBI call is a full barrier
	 * on both hartvisor and OpenSBI, and the fence makes that explicit. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	r = sbi_hart_start(hartid, (unsigned long)guest_secondary_entry, 0);
	if (r.error)
		__atomic_fetch_sub(&running, 1, __ATOMIC_SEQ_CST);
	return r.error;
}

unsigned int smp_start_all(void (*fn)(void *arg), void *arg)
{
	unsigned int n = 0;
	unsigned long me = hart_id();

	for (unsigned long id = 0; id < GUEST_MAX_HARTS; id++) {
		if (id == me || !(present_mask & (1ul << id)))
			continue;
		if (smp_start_hart(id, fn, arg) == SBI_SUCCESS)
			n++;
	}
	return n;
}

void smp_wait_all(void)
{
	while (__atomic_load_n(&running, __ATOMIC_ACQUIRE))
		;
}

void smp_wait_stopped(unsigned long hartid)
{
	while (sbi_hart_get_status(hartid).value != SBI_HSM_STATE_STOPPED)
		;
}

void smp_secondary_run(void)
{
	struct hart_local *hl = this_hart();

	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	hl->start_fn(hl->start_arg);
	/* HART_STOP must be called with S-mode interrupts off. */
	asm volatile("csrci sstatus, 2" : : : "memory");
	__atomic_fetch_sub(&running, 1, __ATOMIC_RELEASE);
	sbi_hart_stop();
	for (;;)
		asm volatile("wfi");
}

void smp_barrier_wait(struct smp_barrier *b, unsigned int n)
{
	unsigned int sense = b->sense;

	if (__atomic_add_fetch(&b->count, 1, __ATOMIC_ACQ_REL) == n) {
		b->count = 0;
		__atomic_store_n(&b->sense, !sense, __ATOMIC_RELEASE);
	} else {
		while (__atomic_load_n(&b->sense, __ATOMIC_ACQUIRE) == sense)
			;
	}
}
