/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * SBI IPI to self: send_ipi with this hart in the mask raises a supervisor
 * software interrupt on it (delivered as sip.SSIP), whether the mask is
 * relative to a base hart id or is "all harts" (base = -1); a mask that
 * excludes this hart does not.
 */
#include "irqtest.h"

int main(unsigned long hartid, unsigned long dtb)
{
	struct sbiret r;

	(void)dtb;
	CHECK_EQ("IPI extension present", 1, sbi_probe_extension(SBI_EXT_IPI).value);
	trap_irq_reset();
	csr_set(sie, MIP_SSIP);

	irq_disable();
	r = sbi_send_ipi(1ul, hartid);
	CHECK_EQ("send_ipi(1, self) succeeds", 0, r.error);
	CHECK("IPI shows as sip.SSIP", sip_wait(MIP_SSIP, 100));
	CHECK_EQ("not taken while SIE=0", 0, trap_irq_count(IRQ_S_SOFT));
	irq_enable();
	CHECK("IPI taken once SIE=1", irq_wait_count(IRQ_S_SOFT, 1, 100));

	r = sbi_send_ipi(1ul << hartid, 0);
	CHECK_EQ("send_ipi(mask bit, base 0) succeeds", 0, r.error);
	CHECK("IPI with base 0 taken", irq_wait_count(IRQ_S_SOFT, 2, 100));

	r = sbi_send_ipi(0, -1ul);
	CHECK_EQ("send_ipi(all harts) succeeds", 0, r.error);
	CHECK("IPI to all harts reaches self", irq_wait_count(IRQ_S_SOFT, 3, 100));

	if (smp_hart_count() == 1 || hartid > 0) {
		/* A mask naming only an absent or other hart is not for us. */
		unsigned long other = hartid ? 0 : 1;

		r = sbi_send_ipi(1ul, other);
		delay_ms(5);
		CHECK_EQ("IPI to another hart not taken here", 3, trap_irq_count(IRQ_S_SOFT));
		(void)r;
	}
	irq_disable();
	csr_clear(sie, MIP_SSIP);
	return 0;
}
