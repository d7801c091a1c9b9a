// SPDX-License-Identifier: MIT
/* SBI IPI extension: send_ipi as a supervisor software interrupt. */
#include "sbi/sbi.h"

/* Raise SSIP on every hart in the mask; the mask has been checked. */
void sbi_ipi_send(struct hv_vcpu *v, uint64_t mask, uint64_t base)
{
	struct hv_vm *vm = v->vm;
	unsigned int pos = 0;
	long id;

	while ((id = sbi_hart_mask_next(vm, mask, base, &pos)) >= 0) {
		struct hv_vcpu *t = vm->vcpus[id];

		/* The interrupt line is the any-thread interface of the hart. */
		cpu_irq_raise(&t->cpu, CPU_IRQ_SSI);
		vcpu_kick(t);
	}
}

static int sbi_ipi_handler(struct hv_vcpu *v, const struct sbi_call *call, struct sbi_ret *ret,
			   struct hv_exit *exit)
{
	(void)exit;
	if (call->fid != SBI_EXT_IPI_SEND_IPI) {
		ret->err = SBI_ERR_NOT_SUPPORTED;
		return 0;
	}
	/* Check the whole mask first, so that a bad mask sends nothing. */
	ret->err = sbi_hart_mask_check(v->vm, call->a[0], call->a[1]);
	if (ret->err == SBI_SUCCESS)
		sbi_ipi_send(v, call->a[0], call->a[1]);
	return 0;
}

const struct sbi_ext sbi_ext_ipi = {
	.eid_start = SBI_EXT_IPI,
	.eid_end = SBI_EXT_IPI,
	.name = "ipi",
	.handler = sbi_ipi_handler,
};
