/* SPDX-License-Identifier: MIT */
/*
 * The VM and vCPU objects, shared by src/vmm and src/sbi.  Nothing outside
 * the library includes this header.
 *
 * Locking (docs/locking.md is the full story):
 *   vm->pm_lock           serialises every cross-vCPU power-state change:
 *                         HART_START, SUSP, SRST, set_mp_state(RUNNABLE),
 *                         boot and resume.  Never taken while a state_lock
 *                         is held; never held across guest execution or I/O.
 *   vcpu->state_lock      guards the vCPU's hsm_state transitions, its start
 *                         record and its sleep/wake handshake.  Taken alone
 *                         by the vCPU for changes to its own state.
 *   device locks          innermost.
 */
#ifndef HV_VMM_VM_H
#define HV_VMM_VM_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "hartvisor/hartvisor.h"
#include "cpu/cpu.h"
#include "vmm/lock.h"

/* Requests, posted with vcpu_request() from any thread and applied by the vCPU itself. */
#define HV_REQ_EXIT (1u << 0)	   /* return HV_EXIT_INTR from hv_vcpu_run */
#define HV_REQ_TLB_FLUSH (1u << 1) /* flush the whole TLB */
#define HV_REQ_FENCE_I (1u << 2)   /* drop decoded instructions */

struct hv_mmio_region {
	uint64_t base;
	uint64_t size;
	const struct hv_mmio_ops *ops;
	void *opaque;
};

#define HV_MAX_MMIO 16

/* How a vCPU leaves START_PENDING / RESUME_PENDING. */
enum vcpu_start_mode {
	VCPU_START_CONTINUE = 0, /* keep the registers (set_mp_state, retentive resume) */
	VCPU_START_RESET = 1,	 /* cpu_reset(): HART_START, boot, system resume */
	VCPU_START_RESUME = 2,	 /* cpu_resume(): non-retentive HSM suspend */
};

struct hv_vcpu {
	struct hv_vm *vm;
	unsigned int id;
	struct cpu cpu; /* vCPU thread only */
	struct cpu_env env;

	/* Any thread: requests and the poll word the interpreter watches. */
	_Atomic uint32_t requests;
	_Atomic uint32_t attention;
	/*
	 * True while the vCPU thread may touch guest state: running guest code,
	 * handling its SBI call, or in a forwarded-call callback.  Set, then the
	 * HSM state rechecked (both seq_cst), so hv_vm_wait_quiescent() never
	 * misses a thread on its way in.
	 */
	_Atomic bool in_guest;

	/* The sleep/wake handshake (see vcpu.c): a futex word and a flag. */
	_Atomic uint32_t wake_seq;
	_Atomic bool sleeping;

	/* state_lock guards everything down to the next blank line. */
	struct hv_lock state_lock;
	_Atomic int hsm_state; /* written under state_lock; read lock-free */
	uint64_t start_pc;     /* start / resume record */
	uint64_t start_opaque;
	int start_mode; /* enum vcpu_start_mode: what finishing the pending state does */

	/* vCPU thread only. */
	bool sbi_ret_pending; /* an HV_EXIT_SBI is waiting for its result */
};

struct hv_vm {
	struct hv_vm_config cfg;
	uint8_t *ram;
	struct cpu_shared *cpu_shared;
	uint64_t time_epoch_ns;

	struct hv_mmio_region mmio[HV_MAX_MMIO]; /* sorted by base; fixed once vCPUs run */
	unsigned int nr_mmio;

	struct hv_console_ops console;
	void *console_opaque;
	pthread_mutex_t console_lock; /* device class: serialises console writes */

	struct hv_vcpu *vcpus[HV_MAX_VCPUS]; /* filled before any vCPU runs */

	/* pm_lock guards the fields down to the next blank line. */
	struct hv_lock pm_lock;
	_Atomic int sys_state;	   /* written under pm_lock; read lock-free */
	unsigned int suspend_hart; /* the hart that suspended the system */
	uint64_t suspend_deadline; /* its timer deadline (`time` units) at the commit */

	/* The VMM loop (runner.c).  ev_lock guards the event queue. */
	pthread_t threads[HV_MAX_VCPUS];
	bool started;
	_Atomic bool stopping;
	struct hv_run_ops run_ops;
	pthread_mutex_t ev_lock;
	pthread_cond_t ev_cond;
	struct hv_exit events[HV_MAX_VCPUS];
	unsigned int ev_head, ev_count;

	/* Protocol counters and the invariant checker's findings. */
	_Atomic uint64_t st_susp_attempts, st_susp_commits, st_susp_denied;
	_Atomic uint64_t st_hart_starts, st_violations;
	_Atomic uint64_t st_boots;
};

/* Free a vCPU whose thread has stopped running it (hv_vm_destroy). */
void vcpu_destroy(struct hv_vcpu *v);

/* ---- vcpu.c: any thread ---------------------------------------------------- */

/* Post @req bits and make the vCPU notice them (kick). */
void vcpu_request(struct hv_vcpu *v, uint32_t req);

/* Make the vCPU look at its state/interrupts again (wake it if it sleeps). */
void vcpu_kick(struct hv_vcpu *v);

/* vCPU thread only: apply any pending TLB/FENCE.I requests now. */
void vcpu_apply_fences(struct hv_vcpu *v);

/*
 * vcpu_enter_guest() - mark the vCPU as touching guest state, if it is still
 * STARTED; returns false (and leaves it unmarked) otherwise.
 * vcpu_leave_guest() - the end of such a section (release).
 * vCPU thread only.
 */
bool vcpu_enter_guest(struct hv_vcpu *v);
void vcpu_leave_guest(struct hv_vcpu *v);

/* ---- power.c -------------------------------------------------------------- */

/*
 * __hsm_set_state() - change @v's HSM state, checking (I3) that the change is
 * an edge of the SBI HSM state machine.  Caller holds v->state_lock.
 */
void __hsm_set_state(struct hv_vcpu *v, int new_state);

static inline int hsm_get_state(const struct hv_vcpu *v)
{
	return atomic_load_explicit(&v->hsm_state, memory_order_acquire);
}

static inline int vm_sys_state(const struct hv_vm *vm)
{
	return atomic_load_explicit(&vm->sys_state, memory_order_acquire);
}

/*
 * __pm_start_hart() - the one STOPPED -> running edge: record where @v
 * starts, move it to START_PENDING (or RESUME_PENDING for a resume) and kick
 * it.  Caller holds vm->pm_lock and v->state_lock, and has checked that @v
 * is STOPPED and that the system may run.
 */
void __pm_start_hart(struct hv_vcpu *v, uint64_t pc, uint64_t opaque, int pending_state);

/*
 * __pm_check_suspend_commit() - invariant I1 at a SUSP commit: count a
 * violation for every hart other than @caller that is not STOPPED.
 * Returns the number found.
 */
unsigned int __pm_check_suspend_commit(struct hv_vm *vm, const struct hv_vcpu *caller);

/* Is @gpa a valid guest-physical address in RAM? */
bool vm_gpa_in_ram(const struct hv_vm *vm, uint64_t gpa);

/* Console output from the SBI layer (any vCPU thread). */
void vm_console_write(struct hv_vm *vm, const uint8_t *buf, size_t len);
int vm_console_read(struct hv_vm *vm);

/* ---- bus.c ----------------------------------------------------------------- */
int bus_mmio_read(void *opaque, uint64_t pa, unsigned int size, uint64_t *val);
int bus_mmio_write(void *opaque, uint64_t pa, unsigned int size, uint64_t val);

uint64_t vm_now_ns(void);

/* runner.c */
void runner_init(struct hv_vm *vm);
void runner_fini(struct hv_vm *vm);

#define hv_for_each_vcpu(i, v, vm)                     \
	for ((i) = 0; (i) < (vm)->cfg.nr_vcpus; (i)++) \
		if (((v) = (vm)->vcpus[(i)]) != NULL)

#endif /* HV_VMM_VM_H */
