// SPDX-License-Identifier: MIT
/*
 * SBI SUSP extension: system suspend to RAM.
 *
 * This is the call the project exists for.  Linux KVM scans the other vCPUs
 * without serialising against HART_START, so a third vCPU can start a hart
 * the scan has already passed (docs/locking.md tells the interleaving).
 * Here the whole call, scan and commit, runs under pm_lock, and every
 * STOPPED -> running edge needs pm_lock too, so "every other hart is
 * STOPPED" stays true from the scan to the commit.
 */
#include <sched.h>

#include "cpu/riscv.h"
#include "sbi/sbi.h"

/* Every hart but @self STOPPED?  SUSPENDED and the *_PENDING states are not. */
static bool susp_others_stopped(struct hv_vm *vm, const struct hv_vcpu *self)
{
	struct hv_vcpu *t;
	unsigned int i;

	hv_for_each_vcpu (i, t, vm) {
		if (t == self)
			continue;
		if (hsm_get_state(t) != HV_HSM_STOPPED)
			return false;
#ifdef HV_TEST_UNLOCKED_SUSP
		/*
		 * Test-only build: the scan runs without pm_lock, like the
		 * original KVM code, and yields between harts to stand in for the
		 * host preempting the vCPU thread mid-scan.  This is what lets the
		 * torture test demonstrate that it catches the race.
		 */
		sched_yield();
#endif
	}
	return true;
}

static int sbi_susp_suspend(struct hv_vcpu *v, const struct sbi_call *call, struct sbi_ret *ret,
			    struct hv_exit *exit)
{
	struct hv_vm *vm = v->vm;
	uint32_t sleep_type = (uint32_t)call->a[0];
	uint64_t resume_addr = call->a[1];

	/* The checks, in the order of docs/locking.md. */
	if (sleep_type != SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM) {
		ret->err = SBI_ERR_INVALID_PARAM;
		return 0;
	}
	if (v->cpu.priv != PRV_S) {
		ret->err = SBI_ERR_FAILED;
		return 0;
	}
	if (!vm_gpa_in_ram(vm, resume_addr) || (resume_addr & 1)) {
		ret->err = SBI_ERR_INVALID_ADDRESS;
		return 0;
	}
	atomic_fetch_add(&vm->st_susp_attempts, 1);

#ifdef HV_TEST_UNLOCKED_SUSP
	if (!susp_others_stopped(vm, v)) {
		atomic_fetch_add(&vm->st_susp_denied, 1);
		ret->err = SBI_ERR_DENIED;
		return 0;
	}
#endif
	hv_lock_acquire(&vm->pm_lock);
	if (hsm_get_state(v) != HV_HSM_STARTED || vm_sys_state(vm) != HV_SYS_RUNNING) {
		ret->err = SBI_ERR_FAILED;
		goto out;
	}
#ifndef HV_TEST_UNLOCKED_SUSP
	if (!susp_others_stopped(vm, v)) {
		/* DENIED changes nothing. */
		atomic_fetch_add(&vm->st_susp_denied, 1);
		ret->err = SBI_ERR_DENIED;
		goto out;
	}
#endif
	/*
	 * Commit before pm_lock is released: the caller is STOPPED with its
	 * resume record, then the system is SUSPENDED (in that order, so the I2
	 * check never sees a started hart in a suspended system).
	 */
	hv_lock_acquire(&v->state_lock);
	v->start_pc = resume_addr;
	v->start_opaque = call->a[2];
	__hsm_set_state(v, HV_HSM_STOPPED);
	hv_lock_release(&v->state_lock);
	vm->suspend_hart = v->id;
	vm->suspend_deadline = cpu_timer_deadline(&v->cpu);
	atomic_store(&vm->sys_state, HV_SYS_SUSPENDED);
	__pm_check_suspend_commit(vm, v); /* I1 */
	atomic_fetch_add(&vm->st_susp_commits, 1);

	exit->reason = HV_EXIT_SYSTEM_EVENT;
	exit->system_event.type = HV_SYSTEM_EVENT_SUSPEND;
	ret->uexit = true;
out:
	hv_lock_release(&vm->pm_lock);
	return 0;
}

static int sbi_susp_handler(struct hv_vcpu *v, const struct sbi_call *call, struct sbi_ret *ret,
			    struct hv_exit *exit)
{
	if (call->fid != SBI_EXT_SUSP_SYSTEM_SUSPEND) {
		ret->err = SBI_ERR_NOT_SUPPORTED;
		return 0;
	}
	return sbi_susp_suspend(v, call, ret, exit);
}

const struct sbi_ext sbi_ext_susp = {
	.eid_start = SBI_EXT_SUSP,
	.eid_end = SBI_EXT_SUSP,
	.name = "susp",
	.handler = sbi_susp_handler,
};
