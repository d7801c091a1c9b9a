// SPDX-License-Identifier: MIT
/*
 * SBI HSM extension: hart start, stop, status and suspend.
 *
 * HART_START is a cross-vCPU power-state change, so it runs under pm_lock
 * and then the target's state_lock (docs/locking.md, rule 1).  HART_STOP and
 * HART_SUSPEND change only the caller's own state, under its own state_lock
 * (rule 2).  HART_GET_STATUS is an atomic read, and may be stale, as the
 * specification allows.
 */
#include "sbi/sbi.h"

/* A valid start or resume address: in RAM and 2-byte aligned (IALIGN = 16). */
static bool hsm_addr_valid(const struct hv_vm *vm, uint64_t addr)
{
	return vm_gpa_in_ram(vm, addr) && !(addr & 1);
}

static int64_t sbi_hsm_start(struct hv_vcpu *v, uint64_t hartid, uint64_t addr, uint64_t opaque)
{
	struct hv_vm *vm = v->vm;
	struct hv_vcpu *t;
	int64_t err = SBI_SUCCESS;

	hv_lock_acquire(&vm->pm_lock);
	/*
	 * The caller's liveness, under the lock: a concurrent SRST (or a SUSP
	 * commit, which cannot involve a running caller) may have stopped us
	 * while we waited for pm_lock.  Never DENIED: that is not an error the
	 * specification gives HART_START.
	 */
	if (hsm_get_state(v) != HV_HSM_STARTED || vm_sys_state(vm) != HV_SYS_RUNNING) {
		err = SBI_ERR_FAILED;
		goto out;
	}
	if (hartid >= vm->cfg.nr_vcpus) {
		err = SBI_ERR_INVALID_PARAM;
		goto out;
	}
	if (!hsm_addr_valid(vm, addr)) {
		err = SBI_ERR_INVALID_ADDRESS;
		goto out;
	}
	t = vm->vcpus[hartid];
	hv_lock_acquire(&t->state_lock);
	if (hsm_get_state(t) != HV_HSM_STOPPED) {
		err = SBI_ERR_ALREADY_AVAILABLE;
	} else {
		/* Counted first, so the started hart never reads a stale count. */
		atomic_fetch_add(&vm->st_hart_starts, 1);
		__pm_start_hart(t, addr, opaque, HV_HSM_START_PENDING);
	}
	hv_lock_release(&t->state_lock);
out:
	hv_lock_release(&vm->pm_lock);
	return err;
}

static void sbi_hsm_stop(struct hv_vcpu *v, struct sbi_ret *ret)
{
	hv_lock_acquire(&v->state_lock);
	if (hsm_get_state(v) != HV_HSM_STARTED) {
		ret->err = SBI_ERR_FAILED;
	} else {
		/* The run loop completes STOP_PENDING -> STOPPED on this thread. */
		__hsm_set_state(v, HV_HSM_STOP_PENDING);
		ret->no_return = true;
	}
	hv_lock_release(&v->state_lock);
}

static void sbi_hsm_suspend(struct hv_vcpu *v, const struct sbi_call *call, struct sbi_ret *ret)
{
	uint32_t type = (uint32_t)call->a[0];
	uint64_t resume_addr = call->a[1];
	bool retentive;

	if (type == SBI_HSM_SUSPEND_RET_DEFAULT) {
		retentive = true;
	} else if (type == SBI_HSM_SUSPEND_NON_RET_DEFAULT) {
		retentive = false;
		if (!hsm_addr_valid(v->vm, resume_addr)) {
			ret->err = SBI_ERR_INVALID_ADDRESS;
			return;
		}
	} else {
		/* Reserved types, and platform types: hartvisor implements none. */
		ret->err = SBI_ERR_INVALID_PARAM;
		return;
	}

	hv_lock_acquire(&v->state_lock);
	if (hsm_get_state(v) != HV_HSM_STARTED) {
		ret->err = SBI_ERR_FAILED;
		goto out;
	}
	if (retentive) {
		/* Wakes at the next instruction with a0 = SUCCESS, set by the glue now. */
		v->start_mode = VCPU_START_CONTINUE;
	} else {
		v->start_pc = resume_addr;
		v->start_opaque = call->a[2];
		v->start_mode = VCPU_START_RESUME;
		ret->no_return = true;
	}
	__hsm_set_state(v, HV_HSM_SUSPEND_PENDING);
out:
	hv_lock_release(&v->state_lock);
}

static int sbi_hsm_handler(struct hv_vcpu *v, const struct sbi_call *call, struct sbi_ret *ret,
			   struct hv_exit *exit)
{
	(void)exit;
	switch (call->fid) {
	case SBI_EXT_HSM_HART_START:
		ret->err = sbi_hsm_start(v, call->a[0], call->a[1], call->a[2]);
		break;
	case SBI_EXT_HSM_HART_STOP:
		sbi_hsm_stop(v, ret);
		break;
	case SBI_EXT_HSM_HART_GET_STATUS:
		if (call->a[0] >= v->vm->cfg.nr_vcpus)
			ret->err = SBI_ERR_INVALID_PARAM;
		else
			ret->value = (uint64_t)hsm_get_state(v->vm->vcpus[call->a[0]]);
		break;
	case SBI_EXT_HSM_HART_SUSPEND:
		sbi_hsm_suspend(v, call, ret);
		break;
	default:
		ret->err = SBI_ERR_NOT_SUPPORTED;
		break;
	}
	return 0;
}

const struct sbi_ext sbi_ext_hsm = {
	.eid_start = SBI_EXT_HSM,
	.eid_end = SBI_EXT_HSM,
	.name = "hsm",
	.handler = sbi_hsm_handler,
};
