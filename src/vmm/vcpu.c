// SPDX-License-Identifier: MIT
/*
 * The vCPU: its run loop, requests and kicks.
 *
 * Cross-thread work is a request plus a kick (rule 6 of the protocol): other
 * threads set bits in vcpu->requests or in cpu.irq_lines, then kick.  Only
 * the vCPU thread applies them, at the top of its loop, so nobody else ever
 * writes its registers.
 *
 * Sleeping: a STOPPED, WFI or HSM-suspended vCPU waits on a futex, the
 * vCPU's wake_seq, and burns no CPU.  A kick publishes its work (state,
 * request or interrupt line), bumps wake_seq, then reads `sleeping` and
 * wakes the futex only if the vCPU may be asleep.  The sleeper sets
 * `sleeping`, reads wake_seq, re-checks its wake conditions and waits only
 * while wake_seq still has the value it read.  All of it is sequentially
 * consistent, so either the sleeper sees the work or the kicker sees the
 * sleeper.  A kick takes no lock: devices may kick under their own locks,
 * and a kick to a running vCPU costs three atomics.
 */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "cpu/riscv.h"
#include "sbi/sbi.h"
#include "vmm/vm.h"

/* Instructions per run slice; a slice also ends at any kick. */
#define VCPU_SLICE 1000000

void vcpu_kick(struct hv_vcpu *v)
{
	atomic_store(&v->attention, 1);
	atomic_fetch_add(&v->wake_seq, 1);
	if (atomic_load(&v->sleeping))
		syscall(SYS_futex, &v->wake_seq, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
}

void vcpu_request(struct hv_vcpu *v, uint32_t req)
{
	atomic_fetch_or(&v->requests, req);
	vcpu_kick(v);
}

void hv_vcpu_request_exit(struct hv_vcpu *v)
{
	vcpu_request(v, HV_REQ_EXIT);
}

bool vcpu_enter_guest(struct hv_vcpu *v)
{
	atomic_store(&v->in_guest, true);
	if (atomic_load(&v->hsm_state) == HV_HSM_STARTED)
		return true;
	atomic_store(&v->in_guest, false);
	return false;
}

void vcpu_leave_guest(struct hv_vcpu *v)
{
	atomic_store(&v->in_guest, false);
}

int hv_vcpu_set_irq_line(struct hv_vcpu *v, unsigned int line, int level)
{
	uint32_t bit;

	switch (line) {
	case HV_IRQ_SSI:
		bit = CPU_IRQ_SSI;
		break;
	case HV_IRQ_SEI:
		bit = CPU_IRQ_SEI;
		break;
	default:
		return -EINVAL;
	}
	if (level)
		cpu_irq_raise(&v->cpu, bit);
	else
		cpu_irq_lower(&v->cpu, bit);
	vcpu_kick(v);
	return 0;
}

struct hv_vcpu *hv_vm_get_vcpu(struct hv_vm *vm, unsigned int id)
{
	return id < vm->cfg.nr_vcpus ? vm->vcpus[id] : NULL;
}

int hv_vcpu_create(struct hv_vm *vm, unsigned int id, struct hv_vcpu **out)
{
	struct hv_vcpu *v;
	int r;

	if (id >= vm->cfg.nr_vcpus)
		return -EINVAL;
	if (vm->vcpus[id])
		return -EEXIST;
	v = calloc(1, sizeof(*v));
	if (!v)
		return -ENOMEM;
	v->vm = vm;
	v->id = id;
	v->env = (struct cpu_env){
		.ram = vm->ram,
		.ram_base = vm->cfg.ram_base,
		.ram_size = vm->cfg.ram_size,
		.shared = vm->cpu_shared,
		.mmio_read = bus_mmio_read,
		.mmio_write = bus_mmio_write,
		.mmio_opaque = vm,
		.attention = &v->attention,
		.time_epoch_ns = vm->time_epoch_ns,
		.timebase_hz = vm->cfg.timebase_hz,
		.hart_id = id,
	};
	r = cpu_init(&v->cpu, &v->env);
	if (r) {
		free(v);
		return r;
	}
	hv_lock_init(&v->state_lock, HV_LOCK_STATE, id, "state_lock");
	atomic_init(&v->hsm_state, HV_HSM_STOPPED);
	vm->vcpus[id] = v;
	*out = v;
	return 0;
}

void vcpu_destroy(struct hv_vcpu *v)
{
	cpu_fini(&v->cpu);
	hv_lock_destroy(&v->state_lock);
	free(v);
}

/* ---- sleeping ------------------------------------------------------------- */

static void ns_to_timespec(uint64_t ns, struct timespec *ts)
{
	ts->tv_sec = (time_t)(ns / 1000000000u);
	ts->tv_nsec = (long)(ns % 1000000000u);
}

/* `time` value -> CLOCK_MONOTONIC ns, saturating. */
static uint64_t vcpu_time_to_ns(const struct hv_vcpu *v, uint64_t t)
{
	unsigned __int128 d;

	if (t == UINT64_MAX)
		return UINT64_MAX;
	d = (unsigned __int128)t * 1000000000u / v->env.timebase_hz + v->env.time_epoch_ns;
	return d > UINT64_MAX ? UINT64_MAX : (uint64_t)d;
}

/*
 * When the timer can end a sleep: its deadline in host ns, if the timer
 * interrupt is enabled in sie; a disabled timer cannot wake the hart, and
 * sleeping until its deadline would only turn into a busy loop once it passed.
 */
static uint64_t vcpu_wake_deadline(struct hv_vcpu *v)
{
	uint64_t sie;

	if (cpu_get_csr(&v->cpu, CSR_SIE, &sie) || !(sie & MIP_STIP))
		return UINT64_MAX;
	return vcpu_time_to_ns(v, cpu_timer_deadline(&v->cpu));
}

/*
 * Sleep until @wake_fn says to stop, a request arrives, or (if @timer) the
 * hart's timer deadline passes.  vCPU thread only; takes no lock.
 */
static void vcpu_sleep(struct hv_vcpu *v, bool (*wake_fn)(struct hv_vcpu *), bool timer)
{
	atomic_store(&v->sleeping, true);
	for (;;) {
		uint32_t seq = atomic_load(&v->wake_seq);
		struct timespec ts, *tsp = NULL;
		uint64_t deadline, now;

		if (atomic_load(&v->requests) || wake_fn(v))
			break;
		deadline = timer ? vcpu_wake_deadline(v) : UINT64_MAX;
		if (deadline != UINT64_MAX) {
			now = vm_now_ns();
			if (now >= deadline)
				break;
			ns_to_timespec(deadline - now, &ts);
			tsp = &ts;
		}
		/* Returns at once if a kick bumped wake_seq since we read it. */
		syscall(SYS_futex, &v->wake_seq, FUTEX_WAIT_PRIVATE, seq, tsp, NULL, 0);
	}
	atomic_store(&v->sleeping, false);
}

static bool vcpu_not_stopped(struct hv_vcpu *v)
{
	return hsm_get_state(v) != HV_HSM_STOPPED;
}

/* WFI and HSM suspend end on any interrupt pending in sip & sie, or a state change. */
static bool vcpu_wfi_over(struct hv_vcpu *v)
{
	return cpu_irq_pending(&v->cpu) || hsm_get_state(v) != HV_HSM_STARTED;
}

static bool vcpu_suspend_over(struct hv_vcpu *v)
{
	return cpu_irq_pending(&v->cpu) || hsm_get_state(v) != HV_HSM_SUSPENDED;
}

/* ---- state steps the vCPU takes on itself ---------------------------------- */

/* START_PENDING -> STARTED (and RESUME_PENDING -> STARTED): apply the start record. */
static void vcpu_finish_start(struct hv_vcpu *v, int from)
{
	hv_lock_acquire(&v->state_lock);
	if (hsm_get_state(v) == from) {
		if (v->start_mode == VCPU_START_RESET)
			cpu_reset(&v->cpu, v->start_pc, v->start_opaque);
		else if (v->start_mode == VCPU_START_RESUME)
			cpu_resume(&v->cpu, v->start_pc, v->start_opaque);
		v->start_mode = VCPU_START_CONTINUE;
		__hsm_set_state(v, HV_HSM_STARTED);
	}
	hv_lock_release(&v->state_lock);
}

static void vcpu_step_state(struct hv_vcpu *v, int from, int to)
{
	hv_lock_acquire(&v->state_lock);
	if (hsm_get_state(v) == from)
		__hsm_set_state(v, to);
	hv_lock_release(&v->state_lock);
}

/*
 * (I2) A vCPU about to execute guest instructions must find the system
 * RUNNING.  While it is RUNNING (the common case) one atomic read shows it.
 * Otherwise the check is repeated under the vCPU's state_lock before a
 * violation is counted: SRST and the SUSP commit mark harts STOPPED before
 * they change sys_state, so a STARTED hart seen under the lock with the
 * system not RUNNING is a real violation, never a race of the check.
 */
static void vcpu_check_i2(struct hv_vcpu *v)
{
	if (__builtin_expect(vm_sys_state(v->vm) == HV_SYS_RUNNING, 1))
		return;
	hv_lock_acquire(&v->state_lock);
	if (hsm_get_state(v) == HV_HSM_STARTED && vm_sys_state(v->vm) != HV_SYS_RUNNING) {
		atomic_fetch_add(&v->vm->st_violations, 1);
#ifdef HV_DEBUG
		fprintf(stderr,
			"hartvisor: I2 violated: hart %u about to run in a system in state %d\n",
			v->id, vm_sys_state(v->vm));
		abort();
#endif
	}
	hv_lock_release(&v->state_lock);
}

static void vcpu_apply_requests(struct hv_vcpu *v, uint32_t req)
{
	if (req & HV_REQ_TLB_FLUSH)
		cpu_tlb_flush(&v->cpu, 0, 0, -1);
	if (req & HV_REQ_FENCE_I)
		cpu_fence_i(&v->cpu);
}

void vcpu_apply_fences(struct hv_vcpu *v)
{
	uint32_t req = atomic_fetch_and(&v->requests, ~(HV_REQ_TLB_FLUSH | HV_REQ_FENCE_I));

	vcpu_apply_requests(v, req);
}

/*
 * Run guest code until something needs the top of the run loop.  An SBI call
 * that leaves the vCPU STARTED with nothing posted to it goes straight back
 * to the guest: that is the path of every SBI call, so it keeps to plain
 * loads.  Returns 0 for the top of the loop, 1 when *exit is for the caller,
 * -errno when the library failed.
 */
static int vcpu_run_guest(struct hv_vcpu *v, struct hv_exit *exit)
{
	for (;;) {
		int r;

		switch (cpu_run(&v->cpu, VCPU_SLICE)) {
		case CPU_EXIT_ECALL:
			r = sbi_ecall(v, exit);
			if (r < 0) {
				exit->reason = HV_EXIT_INTERNAL_ERROR;
				exit->internal.error = r;
				exit->internal.pc = v->cpu.pc;
				return 1;
			}
			if (r > 0)
				return 1;
			if (atomic_load_explicit(&v->attention, memory_order_acquire) ||
			    hsm_get_state(v) != HV_HSM_STARTED)
				return 0;
			break;
		case CPU_EXIT_WFI:
			vcpu_leave_guest(v);
			vcpu_sleep(v, vcpu_wfi_over, true);
			return 0;
		case CPU_EXIT_ATTENTION:
		case CPU_EXIT_BUDGET:
			return 0;
		}
	}
}

int hv_vcpu_run(struct hv_vcpu *v, struct hv_exit *exit)
{
	if (v->sbi_ret_pending) {
		/* The caller's answer to a forwarded SBI call. */
		v->cpu.x[10] = (uint64_t)exit->sbi.ret[0];
		v->cpu.x[11] = (uint64_t)exit->sbi.ret[1];
		v->cpu.pc += 4;
		v->sbi_ret_pending = false;
	}
	memset(exit, 0, sizeof(*exit));
	exit->vcpu_id = v->id;

	for (;;) {
		uint32_t req;
		int r;

		atomic_store(&v->attention, 0);
		req = atomic_exchange(&v->requests, 0);
		if (req & HV_REQ_EXIT) {
			/* Keep the other requests for the next call. */
			atomic_fetch_or(&v->requests, req & ~HV_REQ_EXIT);
			exit->reason = HV_EXIT_INTR;
			return 0;
		}
		vcpu_apply_requests(v, req);

		switch (hsm_get_state(v)) {
		case HV_HSM_STARTED:
			break;
		case HV_HSM_STOPPED:
			vcpu_sleep(v, vcpu_not_stopped, false);
			continue;
		case HV_HSM_START_PENDING:
			vcpu_finish_start(v, HV_HSM_START_PENDING);
			continue;
		case HV_HSM_RESUME_PENDING:
			vcpu_finish_start(v, HV_HSM_RESUME_PENDING);
			continue;
		case HV_HSM_STOP_PENDING:
			vcpu_step_state(v, HV_HSM_STOP_PENDING, HV_HSM_STOPPED);
			continue;
		case HV_HSM_SUSPEND_PENDING:
			vcpu_step_state(v, HV_HSM_SUSPEND_PENDING, HV_HSM_SUSPENDED);
			continue;
		case HV_HSM_SUSPENDED:
			vcpu_sleep(v, vcpu_suspend_over, true);
			if (hsm_get_state(v) == HV_HSM_SUSPENDED && cpu_irq_pending(&v->cpu))
				vcpu_step_state(v, HV_HSM_SUSPENDED, HV_HSM_RESUME_PENDING);
			continue;
		}

		if (!vcpu_enter_guest(v))
			continue;
		vcpu_check_i2(v);
		r = vcpu_run_guest(v, exit);
		vcpu_leave_guest(v);
		if (r)
			return r < 0 ? r : 0;
	}
}

/* ---- registers -------------------------------------------------------------- */

static unsigned int hv_reg_to_csr(unsigned int reg)
{
	static const unsigned short csr[HV_REG_NR - HV_REG_SSTATUS] = {
		[HV_REG_SSTATUS - HV_REG_SSTATUS] = CSR_SSTATUS,
		[HV_REG_SIE - HV_REG_SSTATUS] = CSR_SIE,
		[HV_REG_SIP - HV_REG_SSTATUS] = CSR_SIP,
		[HV_REG_STVEC - HV_REG_SSTATUS] = CSR_STVEC,
		[HV_REG_SSCRATCH - HV_REG_SSTATUS] = CSR_SSCRATCH,
		[HV_REG_SEPC - HV_REG_SSTATUS] = CSR_SEPC,
		[HV_REG_SCAUSE - HV_REG_SSTATUS] = CSR_SCAUSE,
		[HV_REG_STVAL - HV_REG_SSTATUS] = CSR_STVAL,
		[HV_REG_SATP - HV_REG_SSTATUS] = CSR_SATP,
		[HV_REG_STIMECMP - HV_REG_SSTATUS] = CSR_STIMECMP,
		[HV_REG_FCSR - HV_REG_SSTATUS] = CSR_FCSR,
	};

	return csr[reg - HV_REG_SSTATUS];
}

int hv_vcpu_get_reg(struct hv_vcpu *v, unsigned int reg, uint64_t *val)
{
	struct cpu *c = &v->cpu;

	if (reg < 32) {
		*val = reg ? c->x[reg] : 0;
		return 0;
	}
	if (reg == HV_REG_PC) {
		*val = c->pc;
		return 0;
	}
	if (reg >= HV_REG_F0 && reg < HV_REG_F0 + 32) {
		*val = c->f[reg - HV_REG_F0];
		return 0;
	}
	if (reg == HV_REG_PRIV) {
		*val = c->priv;
		return 0;
	}
	if (reg >= HV_REG_SSTATUS && reg < HV_REG_NR)
		return cpu_get_csr(c, hv_reg_to_csr(reg), val);
	return -EINVAL;
}

int hv_vcpu_set_reg(struct hv_vcpu *v, unsigned int reg, uint64_t val)
{
	struct cpu *c = &v->cpu;

	if (reg < 32) {
		if (reg)
			c->x[reg] = val;
		return 0;
	}
	if (reg == HV_REG_PC) {
		c->pc = val;
		return 0;
	}
	if (reg >= HV_REG_F0 && reg < HV_REG_F0 + 32) {
		c->f[reg - HV_REG_F0] = val;
		return 0;
	}
	if (reg == HV_REG_PRIV) {
		if (val > 1)
			return -EINVAL;
		cpu_set_priv(c, (unsigned int)val);
		return 0;
	}
	if (reg >= HV_REG_SSTATUS && reg < HV_REG_NR)
		return cpu_set_csr(c, hv_reg_to_csr(reg), val);
	return -EINVAL;
}
