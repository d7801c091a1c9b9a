// SPDX-License-Identifier: MIT
/*
 * The legacy SBI v0.1 calls (EIDs 0x00-0x08).  Linux still uses
 * console_putchar for earlycon=sbi and hvc0.  They return in a0 only and
 * keep every other register.  Their hart masks are passed by pointer, as a
 * supervisor virtual address, read through the caller's own translation.
 */
#include "cpu/riscv.h"
#include "sbi/sbi.h"

/* Read the v0.1 hart mask at @va; a NULL pointer means every hart. */
static int64_t legacy_hart_mask(struct hv_vcpu *v, uint64_t va, uint64_t *mask, uint64_t *base)
{
	if (!va) {
		*mask = 0;
		*base = UINT64_MAX;
		return SBI_SUCCESS;
	}
	*base = 0;
	if (cpu_read_virt(&v->cpu, va, mask, sizeof(*mask)))
		return SBI_ERR_INVALID_ADDRESS;
	return sbi_hart_mask_check(v->vm, *mask, *base);
}

static int sbi_v01_handler(struct hv_vcpu *v, const struct sbi_call *call, struct sbi_ret *ret,
			   struct hv_exit *exit)
{
	uint64_t mask, base, sip;
	uint8_t b;

	ret->legacy = true;
	switch (call->eid) {
	case SBI_EXT_0_1_SET_TIMER:
		cpu_set_timer(&v->cpu, call->a[0]);
		break;
	case SBI_EXT_0_1_CONSOLE_PUTCHAR:
		b = (uint8_t)call->a[0];
		vm_console_write(v->vm, &b, 1);
		break;
	case SBI_EXT_0_1_CONSOLE_GETCHAR:
		/* The byte, or -1 when nothing is waiting. */
		ret->err = vm_console_read(v->vm);
		break;
	case SBI_EXT_0_1_CLEAR_IPI:
		cpu_irq_lower(&v->cpu, CPU_IRQ_SSI);
		if (!cpu_get_csr(&v->cpu, CSR_SIP, &sip))
			cpu_set_csr(&v->cpu, CSR_SIP, sip & ~MIP_SSIP);
		break;
	case SBI_EXT_0_1_SEND_IPI:
		ret->err = legacy_hart_mask(v, call->a[0], &mask, &base);
		if (!ret->err)
			sbi_ipi_send(v, mask, base);
		break;
	case SBI_EXT_0_1_REMOTE_FENCE_I:
	case SBI_EXT_0_1_REMOTE_SFENCE_VMA:
	case SBI_EXT_0_1_REMOTE_SFENCE_VMA_ASID:
		ret->err = legacy_hart_mask(v, call->a[0], &mask, &base);
		if (!ret->err)
			ret->err = sbi_rfence_do(v,
						 call->eid == SBI_EXT_0_1_REMOTE_FENCE_I
							 ? SBI_EXT_RFENCE_REMOTE_FENCE_I
							 : SBI_EXT_RFENCE_REMOTE_SFENCE_VMA,
						 mask, base, call->a[1], call->a[2]);
		break;
	case SBI_EXT_0_1_SHUTDOWN:
		return sbi_srst_system_reset(v, SBI_SRST_RESET_TYPE_SHUTDOWN,
					     SBI_SRST_RESET_REASON_NONE, ret, exit);
	default:
		ret->err = SBI_ERR_NOT_SUPPORTED;
		break;
	}
	return 0;
}

const struct sbi_ext sbi_ext_v01 = {
	.eid_start = SBI_EXT_0_1_SET_TIMER,
	.eid_end = SBI_EXT_0_1_SHUTDOWN,
	.name = "v0.1",
	.handler = sbi_v01_handler,
};
