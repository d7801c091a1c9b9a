// SPDX-License-Identifier: MIT
/* SBI TIME extension: set_timer. */
#include "sbi/sbi.h"

static int sbi_time_handler(struct hv_vcpu *v, const struct sbi_call *call, struct sbi_ret *ret,
			    struct hv_exit *exit)
{
	(void)exit;
	if (call->fid != SBI_EXT_TIME_SET_TIMER) {
		ret->err = SBI_ERR_NOT_SUPPORTED;
		return 0;
	}
	/* A deadline in the future clears STIP: STIP is time >= stimecmp. */
	cpu_set_timer(&v->cpu, call->a[0]);
	return 0;
}

const struct sbi_ext sbi_ext_time = {
	.eid_start = SBI_EXT_TIME,
	.eid_end = SBI_EXT_TIME,
	.name = "time",
	.handler = sbi_time_handler,
};
