// SPDX-License-Identifier: MIT
/* SBI BASE extension (EID 0x10). */
#include "sbi/sbi.h"

/*
 * hartvisor has no registered SBI implementation ID, so it reports one
 * outside the registered range rather than borrow KVM's (3) or OpenSBI's (1):
 * guests must not apply another implementation's quirks to it.
 */
#define HV_SBI_IMPL_ID 0x6876				  /* "hv" */
#define HV_SBI_IMPL_VERSION ((0u << 16) | (1u << 8) | 0u) /* 0.1.0 */

static int sbi_base_handler(struct hv_vcpu *v, const struct sbi_call *call, struct sbi_ret *ret,
			    struct hv_exit *exit)
{
	(void)exit;
	switch (call->fid) {
	case SBI_EXT_BASE_GET_SPEC_VERSION:
		ret->value = SBI_SPEC_VERSION;
		break;
	case SBI_EXT_BASE_GET_IMP_ID:
		ret->value = HV_SBI_IMPL_ID;
		break;
	case SBI_EXT_BASE_GET_IMP_VERSION:
		ret->value = HV_SBI_IMPL_VERSION;
		break;
	case SBI_EXT_BASE_PROBE_EXT:
		ret->value = (uint64_t)sbi_ext_probe(v->vm, call->a[0]);
		break;
	case SBI_EXT_BASE_GET_MVENDORID:
	case SBI_EXT_BASE_GET_MARCHID:
	case SBI_EXT_BASE_GET_MIMPID:
		/* 0: "not implemented / non-commercial", as the privileged spec allows. */
		ret->value = 0;
		break;
	default:
		ret->err = SBI_ERR_NOT_SUPPORTED;
		break;
	}
	return 0;
}

const struct sbi_ext sbi_ext_base = {
	.eid_start = SBI_EXT_BASE,
	.eid_end = SBI_EXT_BASE,
	.name = "base",
	.handler = sbi_base_handler,
};
