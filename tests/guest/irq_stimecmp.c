/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * The Sstc timer: stimecmp is readable and writable from S-mode; STIP reads
 * 1 exactly while time >= stimecmp (a deadline in the past raises it at
 * once, one in the future clears it); the interrupt is taken (scause
 * 0x8000000000000005) when STIE and SIE are set, not before the deadline,
 * with sepc on the interrupted code; writing stimecmp in the handler
 * retires it.
 */
#include "irqtest.h"

static volatile unsigned long fired_at;

static void timer_handler(struct trap_frame *f, unsigned int irq)
{
	(void)f;
	(void)irq;
	fired_at = time_now();
	csr_write(CSR_STIMECMP, ~0ul);
}

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long deadline, t0;

	(void)hartid;
	(void)dtb;
	trap_set_irq_handler(IRQ_S_TIMER, timer_handler);
	trap_irq_reset();

	csr_write(CSR_STIMECMP, 0x123456789abcdef0ul);
	CHECK_EQ("stimecmp reads back", 0x123456789abcdef0ul, csr_read(CSR_STIMECMP));
	CHECK_EQ("future stimecmp: STIP clear", 0, csr_read(sip) & MIP_STIP);

	csr_write(CSR_STIMECMP, 0);
	CHECK_EQ("past stimecmp: STIP set", MIP_STIP, csr_read(sip) & MIP_STIP);
	CHECK_EQ("STIE=0: not taken", 0, trap_irq_count(IRQ_S_TIMER));
	csr_write(CSR_STIMECMP, ~0ul);
	CHECK_EQ("stimecmp rewritten to the future: STIP clear", 0, csr_read(sip) & MIP_STIP);

	/* A real deadline, taken with STIE and SIE set. */
	csr_set(sie, MIP_STIP);
	irq_enable();
	t0 = time_now();
	deadline = t0 + 20 * TICKS_MS;
	csr_write(CSR_STIMECMP, deadline);
	CHECK("timer interrupt taken", irq_wait_count(IRQ_S_TIMER, 1, 1000));
	CHECK("not before the deadline", fired_at >= deadline);
	CHECK("not absurdly late (< 500 ms)", fired_at < deadline + 500 * TICKS_MS);
	CHECK_EQ("taken exactly once", 1, trap_irq_count(IRQ_S_TIMER));
	CHECK("sepc was in S-mode code", trap_irq_last_epc() >= 0x80200000ul);
	CHECK_EQ("handler retired it: STIP clear", 0, csr_read(sip) & MIP_STIP);

	/* SIE=0 masks it globally; enabling SIE takes it. */
	irq_disable();
	csr_write(CSR_STIMECMP, 0);
	delay_ms(5);
	CHECK_EQ("SIE=0: pending, not taken", 1, trap_irq_count(IRQ_S_TIMER));
	CHECK_EQ("SIE=0: STIP visible", MIP_STIP, csr_read(sip) & MIP_STIP);
	irq_enable();
	CHECK("SIE=1: taken", irq_wait_count(IRQ_S_TIMER, 2, 100));
	irq_disable();
	csr_clear(sie, MIP_STIP);
	csr_write(CSR_STIMECMP, ~0ul);
	return 0;
}
