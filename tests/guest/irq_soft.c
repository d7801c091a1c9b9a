/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * Supervisor software interrupts raised by writing sip.SSIP: taken at once
 * when SSIE and SIE are set (scause 0x8000000000000001), held pending while
 * SIE = 0 or SSIE = 0 (sie masking), taken when unmasked; taken in U-mode
 * even with SIE = 0 (U-mode always takes S interrupts); and the handler's
 * clearing of SSIP retires it.
 */
#include "irqtest.h"

static long u_spin(long n)
{
	for (volatile long i = 0; i < n; i++)
		;
	return n;
}

int main(unsigned long hartid, unsigned long dtb)
{
	(void)hartid;
	(void)dtb;
	trap_irq_reset();

	/* Fully enabled: taken before the next instruction completes much. */
	csr_set(sie, MIP_SSIP);
	irq_enable();
	csr_set(sip, MIP_SSIP);
	CHECK("SSIP taken when enabled", irq_wait_count(IRQ_S_SOFT, 1, 10));
	CHECK_EQ("handler cleared SSIP", 0, csr_read(sip) & MIP_SSIP);

	/* SIE=0 masks. */
	irq_disable();
	csr_set(sip, MIP_SSIP);
	delay_ms(2);
	CHECK_EQ("SIE=0: not taken", 1, trap_irq_count(IRQ_S_SOFT));
	CHECK_EQ("SIE=0: still pending", MIP_SSIP, csr_read(sip) & MIP_SSIP);
	irq_enable();
	CHECK("SIE=1: taken", irq_wait_count(IRQ_S_SOFT, 2, 10));

	/* sie.SSIE=0 masks even with SIE=1. */
	csr_clear(sie, MIP_SSIP);
	csr_set(sip, MIP_SSIP);
	delay_ms(2);
	CHECK_EQ("SSIE=0: not taken", 2, trap_irq_count(IRQ_S_SOFT));
	CHECK_EQ("SSIE=0: pending", MIP_SSIP, csr_read(sip) & MIP_SSIP);
	/* Another source's enable does not unmask it. */
	csr_set(sie, MIP_STIP);
	delay_ms(1);
	CHECK_EQ("STIE does not unmask SSIP", 2, trap_irq_count(IRQ_S_SOFT));
	csr_clear(sie, MIP_STIP);
	csr_set(sie, MIP_SSIP);
	CHECK("SSIE=1: taken", irq_wait_count(IRQ_S_SOFT, 3, 10));
	CHECK_EQ("scause vector not used in direct mode", -1, trap_irq_last_vector());

	/* In U-mode, S interrupts are enabled whatever SIE says. */
	irq_disable();
	csr_set(sip, MIP_SSIP);
	CHECK_EQ("pending before entering U", 3, trap_irq_count(IRQ_S_SOFT));
	user_call(u_spin, 1000);
	CHECK_EQ("taken in U-mode with SIE=0", 4, trap_irq_count(IRQ_S_SOFT));
	CHECK("interrupted U code", trap_irq_last_epc() >= (unsigned long)u_spin &&
					    trap_irq_last_epc() < (unsigned long)u_spin + 256);
	CHECK_EQ("SIE still 0 after returning from U", 0, csr_read(sstatus) & SSTATUS_SIE);
	csr_clear(sie, MIP_SSIP);
	return 0;
}
