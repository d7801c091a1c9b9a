/* SPDX-License-Identifier: MIT */
/*
 * Starting and synchronising harts.  The harts present are found by probing
 * hart ids 0..GUEST_MAX_HARTS-1 with HSM hart_get_status (INVALID_PARAM means
 * absent), so no DTB parsing is needed.
 */
#ifndef GUEST_SMP_H
#define GUEST_SMP_H

#include <stdbool.h>

/* Bit i set: hart i exists.  Probed once at boot. */
unsigned long smp_present_mask(void);
unsigned int smp_hart_count(void);
unsigned long smp_boot_hart(void);

/*
 * smp_start_hart() - start hart @hartid running @fn(@arg) with its own
 * stack, trap vector and FP on.  When @fn returns the hart stops itself
 * (HSM hart_stop).  Returns the SBI error (0 on success).
 */
long smp_start_hart(unsigned long hartid, void (*fn)(void *arg), void *arg);

/* Start @fn(@arg) on every present hart except the caller; returns how many started. */
unsigned int smp_start_all(void (*fn)(void *arg), void *arg);

/* Wait until every hart started by smp_start_hart() has returned from its fn. */
void smp_wait_all(void);

/* Wait until hart @hartid reports HSM state STOPPED (for tests that restart harts). */
void smp_wait_stopped(unsigned long hartid);

/* A reusable sense-reversing barrier for @n harts. */
struct smp_barrier {
	volatile unsigned int count;
	volatile unsigned int sense;
};
#define SMP_BARRIER_INIT \
	{                \
		0, 0     \
	}
void smp_barrier_wait(struct smp_barrier *b, unsigned int n);

/* Runtime internals. */
void smp_init(unsigned long boot_hartid);
__attribute__((noreturn)) void smp_secondary_run(void);

#endif /* GUEST_SMP_H */
