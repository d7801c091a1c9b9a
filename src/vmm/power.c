// SPDX-License-Identifier: MIT
/*
 * The power-state protocol's VM-side operations and its invariant checks.
 * docs/locking.md states the rules; the SBI side lives in src/sbi/hsm.c,
 * susp.c and srst.c.
 *
 * Rule 1 is the heart of it: every STOPPED -> running edge happens in
 * __pm_start_hart(), and only under vm->pm_lock plus the target's
 * state_lock.  SUSP holds pm_lock across its scan and its commit, so no such
 * edge can slip between them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "vmm/vm.h"

/*
 * The edges of the SBI HSM state machine (I3), plus the edges a system event
 * forces: SRST, a SUSP commit and set_mp_state(STOPPED) stop a hart from any
 * state.  Indexed [from][to].
 */
static const bool hsm_edges[7][7] = {
	[HV_HSM_STOPPED][HV_HSM_START_PENDING] = true,
	[HV_HSM_START_PENDING][HV_HSM_STARTED] = true,
	[HV_HSM_STARTED][HV_HSM_STOP_PENDING] = true,
	[HV_HSM_STOP_PENDING][HV_HSM_STOPPED] = true,
	[HV_HSM_STARTED][HV_HSM_SUSPEND_PENDING] = true,
	[HV_HSM_SUSPEND_PENDING][HV_HSM_SUSPENDED] = true,
	[HV_HSM_SUSPENDED][HV_HSM_RESUME_PENDING] = true,
	[HV_HSM_RESUME_PENDING][HV_HSM_STARTED] = true,
	/* forced by system events */
	[HV_HSM_STARTED][HV_HSM_STOPPED] = true,
	[HV_HSM_START_PENDING][HV_HSM_STOPPED] = true,
	[HV_HSM_SUSPEND_PENDING][HV_HSM_STOPPED] = true,
	[HV_HSM_SUSPENDED][HV_HSM_STOPPED] = true,
	[HV_HSM_RESUME_PENDING][HV_HSM_STOPPED] = true,
};

void __hsm_set_state(struct hv_vcpu *v, int new_state)
{
	int old = hsm_get_state(v);

	hv_lock_assert_held(&v->state_lock);
	if (old == new_state)
		return;
	if (!hsm_edges[old][new_state]) {
		/* A hartvisor bug: the protocol broke its own state machine. */
		atomic_fetch_add(&v->vm->st_violations, 1);
#ifdef HV_DEBUG
		fprintf(stderr, "hartvisor: I3 violated: hart %u HSM %d -> %d\n", v->id, old,
			new_state);
		abort();
#endif
	}
	atomic_store_explicit(&v->hsm_state, new_state, memory_order_release);
}

void __pm_start_hart(struct hv_vcpu *v, uint64_t pc, uint64_t opaque, int pending_state)
{
	hv_lock_assert_held(&v->vm->pm_lock);
	hv_lock_assert_held(&v->state_lock);
	v->start_pc = pc;
	v->start_opaque = opaque;
	v->start_mode = VCPU_START_RESET;
	__hsm_set_state(v, pending_state);
	vcpu_kick(v);
}

unsigned int __pm_check_suspend_commit(struct hv_vm *vm, const struct hv_vcpu *caller)
{
	struct hv_vcpu *v;
	unsigned int i, bad = 0;

	hv_for_each_vcpu (i, v, vm) {
		if (v != caller && hsm_get_state(v) != HV_HSM_STOPPED)
			bad++;
	}
	if (bad) {
		atomic_fetch_add(&vm->st_violations, bad);
#ifdef HV_DEBUG
		/* The test-only unlocked build is a release build: it only counts. */
		fprintf(stderr,
			"hartvisor: I1 violated: SUSP by hart %u committed with %u other "
			"hart(s) not STOPPED\n",
			caller->id, bad);
		abort();
#endif
	}
	return bad;
}

/* Every vCPU STOPPED?  Caller holds pm_lock, so none can leave STOPPED. */
static bool __pm_all_stopped(struct hv_vm *vm)
{
	struct hv_vcpu *v;
	unsigned int i;

	hv_for_each_vcpu (i, v, vm) {
		if (hsm_get_state(v) != HV_HSM_STOPPED)
			return false;
	}
	return true;
}

bool hv_vm_all_stopped(struct hv_vm *vm)
{
	bool r;

	hv_lock_acquire(&vm->pm_lock);
	r = vm_sys_state(vm) == HV_SYS_RUNNING && __pm_all_stopped(vm);
	hv_lock_release(&vm->pm_lock);
	return r;
}

int hv_vm_boot(struct hv_vm *vm, unsigned int hart, uint64_t pc, uint64_t a1)
{
	struct hv_vcpu *v;
	int r = 0;

	if (hart >= vm->cfg.nr_vcpus || !(v = vm->vcpus[hart]))
		return -EINVAL;
	hv_lock_acquire(&vm->pm_lock);
	if (vm_sys_state(vm) == HV_SYS_SUSPENDED || vm_sys_state(vm) == HV_SYS_RUNNING ||
	    !__pm_all_stopped(vm)) {
		r = -EBUSY;
		goto out;
	}
	/* RUNNING before the edge, so that I2's check never sees a started hart in a stopped system. */
	/* Counted before the hart starts, so the guest never reads a stale count. */
	atomic_fetch_add(&vm->st_boots, 1);
	atomic_store(&vm->sys_state, HV_SYS_RUNNING);
	hv_lock_acquire(&v->state_lock);
	__pm_start_hart(v, pc, a1, HV_HSM_START_PENDING);
	hv_lock_release(&v->state_lock);
out:
	hv_lock_release(&vm->pm_lock);
	return r;
}

int hv_vm_resume(struct hv_vm *vm)
{
	struct hv_vcpu *v;
	int r = 0;

	hv_lock_acquire(&vm->pm_lock);
	if (vm_sys_state(vm) != HV_SYS_SUSPENDED) {
		r = -EBUSY;
		goto out;
	}
	v = vm->vcpus[vm->suspend_hart];
	atomic_store(&vm->sys_state, HV_SYS_RUNNING);
	hv_lock_acquire(&v->state_lock);
	/* The resume record was stored by the SUSP commit. */
	__pm_start_hart(v, v->start_pc, v->start_opaque, HV_HSM_START_PENDING);
	hv_lock_release(&v->state_lock);
out:
	hv_lock_release(&vm->pm_lock);
	return r;
}

uint64_t hv_vm_suspend_deadline(struct hv_vm *vm)
{
	uint64_t t, ns = UINT64_MAX;

	hv_lock_acquire(&vm->pm_lock);
	if (vm_sys_state(vm) == HV_SYS_SUSPENDED) {
		t = vm->suspend_deadline;
		if (t != UINT64_MAX) {
			unsigned __int128 d =
				(unsigned __int128)t * 1000000000u / vm->cfg.timebase_hz;

			d += vm->time_epoch_ns;
			ns = d > UINT64_MAX ? UINT64_MAX : (uint64_t)d;
		}
	}
	hv_lock_release(&vm->pm_lock);
	return ns;
}

int hv_vcpu_get_mp_state(struct hv_vcpu *v)
{
	return hsm_get_state(v) == HV_HSM_STOPPED ? HV_MP_STATE_STOPPED : HV_MP_STATE_RUNNABLE;
}

int hv_vcpu_get_hsm_state(struct hv_vcpu *v)
{
	return hsm_get_state(v);
}

int hv_vcpu_set_mp_state(struct hv_vcpu *v, int mp_state)
{
	struct hv_vm *vm = v->vm;
	int r = 0;

	switch (mp_state) {
	case HV_MP_STATE_RUNNABLE:
		/* A STOPPED -> running edge: the same locks as HART_START (rule 1). */
		hv_lock_acquire(&vm->pm_lock);
		hv_lock_acquire(&v->state_lock);
		if (vm_sys_state(vm) != HV_SYS_RUNNING || hsm_get_state(v) != HV_HSM_STOPPED) {
			r = -EBUSY;
		} else {
			__pm_start_hart(v, 0, 0, HV_HSM_START_PENDING);
			/* Continue with the registers the vCPU has. */
			v->start_mode = VCPU_START_CONTINUE;
		}
		hv_lock_release(&v->state_lock);
		hv_lock_release(&vm->pm_lock);
		return r;
	case HV_MP_STATE_STOPPED:
		/* Toward the invariant: the vCPU's own lock is enough. */
		hv_lock_acquire(&v->state_lock);
		__hsm_set_state(v, HV_HSM_STOPPED);
		vcpu_kick(v);
		hv_lock_release(&v->state_lock);
		return 0;
	default:
		return -EINVAL;
	}
}
