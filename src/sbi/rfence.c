// SPDX-License-Identifier: MIT
/*
 * SBI RFENCE extension.  Remote FENCE.I and SFENCE.VMA are requests to each
 * target followed by a kick; the call returns once every running target has
 * taken its request (see sbi_remote_request).  An address-range flush is
 * done as a whole-TLB flush, which is always a correct over-approximation.
 * The hypervisor fences (FIDs 3-6) are NOT_SUPPORTED: hartvisor offers no H
 * extension.
 */
#include "sbi/sbi.h"

/* start/size name a range; size == 0 with start == 0, or size == ~0, mean "all". */
static bool rfence_range_valid(uint64_t start, uint64_t size)
{
	if (size == UINT64_MAX || size == 0)
		return true;
	/* The last byte, start + size - 1, must not wrap; ending at 2^64 is fine. */
	return size - 1 <= UINT64_MAX - start;
}

int64_t sbi_rfence_do(struct hv_vcpu *v, unsigned long fid, uint64_t mask, uint64_t base,
		      uint64_t start, uint64_t size)
{
	int64_t err = sbi_hart_mask_check(v->vm, mask, base);

	if (err)
		return err;
	switch (fid) {
	case SBI_EXT_RFENCE_REMOTE_FENCE_I:
		sbi_remote_request(v, mask, base, HV_REQ_FENCE_I);
		return SBI_SUCCESS;
	case SBI_EXT_RFENCE_REMOTE_SFENCE_VMA:
	case SBI_EXT_RFENCE_REMOTE_SFENCE_VMA_ASID:
		if (!rfence_range_valid(start, size))
			return SBI_ERR_INVALID_ADDRESS;
		sbi_remote_request(v, mask, base, HV_REQ_TLB_FLUSH);
		return SBI_SUCCESS;
	}
	return SBI_ERR_NOT_SUPPORTED;
}

static int sbi_rfence_handler(struct hv_vcpu *v, const struct sbi_call *call, struct sbi_ret *ret,
			      struct hv_exit *exit)
{
	(void)exit;
	switch (call->fid) {
	case SBI_EXT_RFENCE_REMOTE_FENCE_I:
	case SBI_EXT_RFENCE_REMOTE_SFENCE_VMA:
	case SBI_EXT_RFENCE_REMOTE_SFENCE_VMA_ASID:
		ret->err =
			sbi_rfence_do(v, call->fid, call->a[0], call->a[1], call->a[2], call->a[3]);
		break;
	default:
		/* HFENCE.* (3-6) and unknown FIDs. */
		ret->err = SBI_ERR_NOT_SUPPORTED;
		break;
	}
	return 0;
}

const struct sbi_ext sbi_ext_rfence = {
	.eid_start = SBI_EXT_RFENCE,
	.eid_end = SBI_EXT_RFENCE,
	.name = "rfence",
	.handler = sbi_rfence_handler,
};
