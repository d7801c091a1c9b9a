// SPDX-License-Identifier: MIT
/*
 * SBI SRST extension: shutdown, cold reboot and warm reboot.
 *
 * Runs under pm_lock.  A second SRST that waited for the lock finds its
 * caller already STOPPED by the first and does nothing, so one reset raises
 * exactly one system event (I3).
 */
#include "sbi/sbi.h"

int sbi_srst_system_reset(struct hv_vcpu *v, uint32_t type, uint32_t reason, struct sbi_ret *ret,
			  struct hv_exit *exit)
{
	struct hv_vm *vm = v->vm;
	struct hv_vcpu *t;
	unsigned int i;

	if (type > SBI_SRST_RESET_TYPE_WARM_REBOOT || reason > SBI_SRST_RESET_REASON_SYSFAIL) {
		/* Reserved, or vendor/implementation values hartvisor does not implement. */
		ret->err = SBI_ERR_INVALID_PARAM;
		return 0;
	}

	hv_lock_acquire(&vm->pm_lock);
	if (hsm_get_state(v) != HV_HSM_STARTED || vm_sys_state(vm) != HV_SYS_RUNNING) {
		/* Another SRST got here first and has stopped us: nothing to do. */
		ret->no_return = true;
		goto out;
	}
	/* Stop every hart first, then change sys_state (see the I2 check). */
	hv_for_each_vcpu (i, t, vm) {
		hv_lock_acquire(&t->state_lock);
		__hsm_set_state(t, HV_HSM_STOPPED);
		vcpu_kick(t);
		hv_lock_release(&t->state_lock);
	}
	atomic_store(&vm->sys_state,
		     type == SBI_SRST_RESET_TYPE_SHUTDOWN ? HV_SYS_OFF : HV_SYS_RESETTING);

	exit->reason = HV_EXIT_SYSTEM_EVENT;
	exit->system_event.type = type == SBI_SRST_RESET_TYPE_SHUTDOWN ? HV_SYSTEM_EVENT_SHUTDOWN
								       : HV_SYSTEM_EVENT_RESET;
	exit->system_event.reset_type = type;
	exit->system_event.reset_reason = reason;
	ret->uexit = true;
out:
	hv_lock_release(&vm->pm_lock);
	return 0;
}

static int sbi_srst_handler(struct hv_vcpu *v, const struct sbi_call *call, struct sbi_ret *ret,
			    struct hv_exit *exit)
{
	if (call->fid != SBI_EXT_SRST_RESET) {
		ret->err = SBI_ERR_NOT_SUPPORTED;
		return 0;
	}
	/* Both arguments are 32-bit in the specification: only the low bits count. */
	return sbi_srst_system_reset(v, (uint32_t)call->a[0], (uint32_t)call->a[1], ret, exit);
}

const struct sbi_ext sbi_ext_srst = {
	.eid_start = SBI_EXT_SRST,
	.eid_end = SBI_EXT_SRST,
	.name = "srst",
	.handler = sbi_srst_handler,
};
