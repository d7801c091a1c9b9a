/* SPDX-License-Identifier: MIT */
/* Helpers shared by the interrupt tests in tests/guest. */
#ifndef GUEST_IRQTEST_H
#define GUEST_IRQTEST_H

#include "guest.h"

/* 10 MHz timebase on hartvisor and QEMU virt: 10000 ticks = 1 ms. */
#define TICKS_MS 10000ul

/* Spin until @irq has been taken @n times on this hart, or @ms pass. */
static inline bool irq_wait_count(unsigned int irq, unsigned long n, unsigned long ms)
{
	unsigned long end = time_now() + ms * TICKS_MS;

	while (trap_irq_count(irq) < n)
		if (time_now() > end)
			return false;
	return true;
}

/* Spin until sip has @bit set, or @ms pass. */
static inline bool sip_wait(unsigned long bit, unsigned long ms)
{
	unsigned long end = time_now() + ms * TICKS_MS;

	while (!(csr_read(sip) & bit))
		if (time_now() > end)
			return false;
	return true;
}

static inline void delay_ms(unsigned long ms)
{
	unsigned long end = time_now() + ms * TICKS_MS;

	while (time_now() < end)
		;
}

#endif /* GUEST_IRQTEST_H */
