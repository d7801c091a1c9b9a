/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * WFI: it returns when an interrupt is pending and enabled in sie, even with
 * sstatus.SIE = 0, in which case the interrupt is not taken and execution
 * continues after the wfi; with SIE = 1 the interrupt is taken.  A WFI with
 * an interrupt already pending returns at once.  A timer deadline wakes it
 * no earlier than the deadline.
 */
#include "irqtest.h"

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long deadline, woke;

	(void)hartid;
	(void)dtb;
	trap_irq_reset();

	/* Wake on the timer with SIE = 0. */
	irq_disable();
	csr_set(sie, MIP_STIP);
	deadline = time_now() + 20 * TICKS_MS;
	sbi_set_timer(deadline);
	do {
		wfi();
	} while (!(csr_read(sip) & MIP_STIP) && time_now() < deadline + 1000 * TICKS_MS);
	woke = time_now();
	CHECK("WFI woke with STIP pending", csr_read(sip) & MIP_STIP);
	CHECK("woke no earlier than the deadline", woke >= deadline);
	CHECK_EQ("SIE=0: interrupt not taken", 0, trap_irq_count(IRQ_S_TIMER));
	sbi_set_timer(~0ul);

	/* A single WFI wakes (the loop above could have spun on spurious wake-ups). */
	deadline = time_now() + 10 * TICKS_MS;
	sbi_set_timer(deadline);
	wfi();
	woke = time_now();
	CHECK("single WFI returned after the deadline or on STIP",
	      woke >= deadline || (csr_read(sip) & MIP_STIP));
	sbi_set_timer(~0ul);

	/* Already pending: WFI does not block. */
	csr_set(sie, MIP_SSIP);
	csr_set(sip, MIP_SSIP);
	deadline = time_now();
	wfi();
	CHECK("WFI with SSIP pending returns at once (< 100 ms)",
	      time_now() - deadline < 100 * TICKS_MS);
	CHECK_EQ("SSIP still pending, not taken", MIP_SSIP, csr_read(sip) & MIP_SSIP);

	/* With SIE = 1 the pending interrupt is taken. */
	irq_enable();
	CHECK("SIE=1: SSIP taken", irq_wait_count(IRQ_S_SOFT, 1, 10));

	/* WFI with SIE = 1: woken and taken by the timer. */
	deadline = time_now() + 10 * TICKS_MS;
	sbi_set_timer(deadline);
	while (trap_irq_count(IRQ_S_TIMER) == 0 && time_now() < deadline + 1000 * TICKS_MS)
		wfi();
	CHECK_EQ("SIE=1: timer taken after WFI", 1, trap_irq_count(IRQ_S_TIMER));
	irq_disable();
	sbi_set_timer(~0ul);
	csr_clear(sie, MIP_SSIP | MIP_STIP);
	return 0;
}
