/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * The SBI TIME extension: set_timer(deadline) raises a supervisor timer
 * interrupt at the deadline and not before; a deadline in the future (or
 * UINT64_MAX) clears a pending STIP; a deadline in the past fires at once.
 */
#include "irqtest.h"

static volatile unsigned long fired_at;

static void timer_handler(struct trap_frame *f, unsigned int irq)
{
	(void)f;
	(void)irq;
	fired_at = time_now();
	sbi_set_timer(~0ul);
}

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long deadline;
	struct sbiret r;

	(void)hartid;
	(void)dtb;
	CHECK_EQ("TIME extension present", 1, sbi_probe_extension(SBI_EXT_TIME).value);
	trap_set_irq_handler(IRQ_S_TIMER, timer_handler);
	trap_irq_reset();

	r = sbi_set_timer(0);
	CHECK_EQ("set_timer(past) succeeds", 0, r.error);
	CHECK("past deadline: STIP set", sip_wait(MIP_STIP, 100));
	sbi_set_timer(~0ul);
	CHECK_EQ("set_timer(max) clears STIP", 0, csr_read(sip) & MIP_STIP);

	csr_set(sie, MIP_STIP);
	irq_enable();
	deadline = time_now() + 20 * TICKS_MS;
	sbi_set_timer(deadline);
	CHECK("timer interrupt taken", irq_wait_count(IRQ_S_TIMER, 1, 1000));
	CHECK("not before the deadline", fired_at >= deadline);
	CHECK_EQ("taken once", 1, trap_irq_count(IRQ_S_TIMER));

	/* Re-arming for later cancels the earlier deadline. */
	deadline = time_now() + 10 * TICKS_MS;
	sbi_set_timer(deadline);
	sbi_set_timer(deadline + 200 * TICKS_MS);
	delay_ms(30);
	CHECK_EQ("re-armed timer did not fire early", 1, trap_irq_count(IRQ_S_TIMER));
	sbi_set_timer(~0ul);
	delay_ms(5);
	CHECK_EQ("cancelled timer never fires", 1, trap_irq_count(IRQ_S_TIMER));
	irq_disable();
	csr_clear(sie, MIP_STIP);
	return 0;
}
