/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * Vectored stvec (MODE = 1): interrupt n enters at BASE + 4 * n (software
 * at slot 1, timer at slot 5) while synchronous exceptions still enter at
 * BASE (slot 0); back in direct mode everything enters at BASE.
 */
#include "irqtest.h"

int main(unsigned long hartid, unsigned long dtb)
{
	struct trap_info t;

	(void)hartid;
	(void)dtb;
	trap_irq_reset();
	trap_set_vectored(true);
	CHECK_EQ("stvec mode is Vectored", 1, csr_read(stvec) & 3);

	csr_set(sie, MIP_SSIP | MIP_STIP);
	irq_enable();
	csr_set(sip, MIP_SSIP);
	CHECK("software interrupt taken", irq_wait_count(IRQ_S_SOFT, 1, 10));
	CHECK_EQ("software interrupt used slot 1", 1, trap_irq_last_vector());

	sbi_set_timer(time_now() + TICKS_MS);
	CHECK("timer interrupt taken", irq_wait_count(IRQ_S_TIMER, 1, 1000));
	CHECK_EQ("timer interrupt used slot 5", 5, trap_irq_last_vector());
	sbi_set_timer(~0ul);

	trap_expect();
	asm volatile("ebreak");
	t = trap_result();
	CHECK_EQ("exception in vectored mode: breakpoint", CAUSE_BREAKPOINT, t.cause);
	CHECK_EQ("exception used slot 0 (BASE)", 0, t.vector);

	trap_set_vectored(false);
	csr_set(sie, MIP_SSIP);
	csr_set(sip, MIP_SSIP);
	CHECK("direct mode: software interrupt taken", irq_wait_count(IRQ_S_SOFT, 2, 10));
	CHECK_EQ("direct mode: entered at BASE", -1, trap_irq_last_vector());
	irq_disable();
	csr_clear(sie, MIP_SSIP | MIP_STIP);
	return 0;
}
