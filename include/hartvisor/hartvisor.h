/* SPDX-License-Identifier: MIT */
/*
 * hartvisor: a userspace RISC-V virtual machine monitor.
 *
 * This is the library API, shaped like Linux KVM's: create a VM, create its
 * vCPUs, and run each vCPU with hv_vcpu_run(), which returns a struct hv_exit
 * whenever the VMM has something to decide (a system event, an SBI call the
 * library forwards, or a request to return).
 *
 * There is no global mutable state: every object lives in a struct hv_vm or a
 * struct hv_vcpu, so one process may run several VMs.
 *
 * Errors: functions return 0 (or a value >= 0) on success and -errno on
 * failure.  Library code never prints and never exits the process.
 *
 * Threads: each function says which thread may call it.
 *   "any thread"        may be called concurrently from any thread;
 *   "vCPU owner only"   only from the thread that calls hv_vcpu_run() for that
 *                       vCPU, or from any thread while no hv_vcpu_run() is in
 *                       progress for it.
 */
#ifndef HARTVISOR_HARTVISOR_H
#define HARTVISOR_HARTVISOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HV_VERSION_STRING "0.1.0"

#define HV_MAX_VCPUS 64
#define HV_DEFAULT_RAM_BASE 0x80000000ull
#define HV_DEFAULT_TIMEBASE_HZ 10000000u
#define HV_MIN_RAM_SIZE (1ull << 20)
#define HV_MAX_RAM_SIZE (64ull << 30)

struct hv_vm;
struct hv_vcpu;

struct hv_vm_config {
	uint64_t ram_base; /* guest-physical base of RAM; 0 selects the default */
	uint64_t ram_size; /* bytes; a multiple of 4 KiB in [HV_MIN_RAM_SIZE, HV_MAX_RAM_SIZE] */
	unsigned int nr_vcpus; /* 1 .. HV_MAX_VCPUS */
	uint32_t timebase_hz;  /* frequency of the `time` CSR; 0 selects 10 MHz */
};

/* ---- exits ---------------------------------------------------------------- */

enum hv_exit_reason {
	HV_EXIT_NONE = 0,
	/* The guest asked for a system event; the VMM decides what to do. */
	HV_EXIT_SYSTEM_EVENT = 1,
	/*
	 * An SBI call the library does not implement itself (the experimental
	 * and vendor extension ranges).  exit->sbi.ret[] is preset to
	 * {SBI_ERR_NOT_SUPPORTED, 0}; the caller may change it, and the next
	 * hv_vcpu_run() writes ret[0]/ret[1] to a0/a1 and steps over the ecall.
	 */
	HV_EXIT_SBI = 2,
	/* hv_vcpu_request_exit() was called: return to the caller. */
	HV_EXIT_INTR = 3,
	/* The library failed (never because of what the guest did). */
	HV_EXIT_INTERNAL_ERROR = 4,
};

enum hv_system_event_type {
	HV_SYSTEM_EVENT_SHUTDOWN = 1,
	HV_SYSTEM_EVENT_RESET = 2,
	HV_SYSTEM_EVENT_SUSPEND = 3,
};

/* SRST reset types as the SBI specification numbers them. */
enum hv_reset_type {
	HV_RESET_SHUTDOWN = 0,
	HV_RESET_COLD_REBOOT = 1,
	HV_RESET_WARM_REBOOT = 2,
};

struct hv_exit {
	uint32_t reason; /* enum hv_exit_reason */
	uint32_t vcpu_id;
	union {
		struct {
			uint32_t type;	       /* enum hv_system_event_type */
			uint32_t reset_type;   /* enum hv_reset_type (SHUTDOWN/RESET) */
			uint32_t reset_reason; /* SBI SRST reason */
		} system_event;
		struct {
			uint64_t eid;
			uint64_t fid;
			uint64_t args[6];
			int64_t ret[2];
		} sbi;
		struct {
			int error; /* -errno */
			uint64_t pc;
		} internal;
	};
};

/* ---- VM ------------------------------------------------------------------- */

/*
 * hv_vm_create() - create a VM with its guest RAM mapped as one host mapping.
 * Any thread.  Returns 0, -EINVAL (bad config), -ENOMEM.
 */
int hv_vm_create(const struct hv_vm_config *cfg, struct hv_vm **out);

/* hv_vm_destroy() - stop any vCPU threads and free everything.  Any thread. */
void hv_vm_destroy(struct hv_vm *vm);

/* hv_vm_ram() - host pointer to guest RAM; base and size through the out-params. */
uint8_t *hv_vm_ram(struct hv_vm *vm, uint64_t *base, uint64_t *size);

/*
 * hv_vm_gpa_to_hva() - host pointer for [gpa, gpa + len) if that range lies
 * wholly in guest RAM, else NULL.  Any thread.
 */
void *hv_vm_gpa_to_hva(struct hv_vm *vm, uint64_t gpa, uint64_t len);

/* ---- MMIO devices ---------------------------------------------------------- */

struct hv_mmio_ops {
	/* Return 0, or -1 for an access fault.  Called on vCPU threads. */
	int (*read)(void *opaque, uint64_t offset, unsigned int size, uint64_t *val);
	int (*write)(void *opaque, uint64_t offset, unsigned int size, uint64_t val);
};

/*
 * hv_vm_add_mmio() - map a device at [base, base + size).  Before any vCPU
 * runs.  Returns 0, -EINVAL (overlap or empty), -ENOSPC.
 */
int hv_vm_add_mmio(struct hv_vm *vm, uint64_t base, uint64_t size, const struct hv_mmio_ops *ops,
		   void *opaque);

/* ---- console ---------------------------------------------------------------- */

/*
 * The SBI console (legacy putchar/getchar and DBCN) reaches the VMM through
 * these.  write() may be called from any vCPU thread, concurrently; read()
 * returns a byte or -1 when none is waiting, and never blocks.
 */
struct hv_console_ops {
	void (*write)(void *opaque, const uint8_t *buf, size_t len);
	int (*read)(void *opaque);
};

/* hv_vm_set_console() - before any vCPU runs.  Without it, output is dropped. */
void hv_vm_set_console(struct hv_vm *vm, const struct hv_console_ops *ops, void *opaque);

/* ---- vCPUs ------------------------------------------------------------------- */

/*
 * hv_vcpu_create() - create vCPU @id (0 .. nr_vcpus-1).  It starts STOPPED.
 * Any thread.  Returns 0, -EINVAL, -EEXIST, -ENOMEM.
 */
int hv_vcpu_create(struct hv_vm *vm, unsigned int id, struct hv_vcpu **out);

/*
 * hv_vcpu_run() - run the vCPU until something needs the caller.  A STOPPED
 * vCPU sleeps in here (using no CPU) until it is started or asked to exit.
 * vCPU owner only.  Returns 0 with *exit filled in, or -errno.
 */
int hv_vcpu_run(struct hv_vcpu *vcpu, struct hv_exit *exit);

/* hv_vcpu_request_exit() - make hv_vcpu_run() return HV_EXIT_INTR soon.  Any thread. */
void hv_vcpu_request_exit(struct hv_vcpu *vcpu);

enum hv_reg {
	HV_REG_X0 = 0, /* x0..x31 are HV_REG_X0 + n */
	HV_REG_PC = 32,
	HV_REG_F0 = 33,	  /* f0..f31 (raw 64-bit, NaN-boxed) are HV_REG_F0 + n */
	HV_REG_PRIV = 65, /* 1 = S-mode, 0 = U-mode */
	HV_REG_SSTATUS,
	HV_REG_SIE,
	HV_REG_SIP,
	HV_REG_STVEC,
	HV_REG_SSCRATCH,
	HV_REG_SEPC,
	HV_REG_SCAUSE,
	HV_REG_STVAL,
	HV_REG_SATP,
	HV_REG_STIMECMP,
	HV_REG_FCSR,
	HV_REG_NR
};

/* Register access.  vCPU owner only.  Returns 0, -EINVAL. */
int hv_vcpu_get_reg(struct hv_vcpu *vcpu, unsigned int reg, uint64_t *val);
int hv_vcpu_set_reg(struct hv_vcpu *vcpu, unsigned int reg, uint64_t val);

/* Interrupt lines a device (the interrupt controller) can drive on a hart. */
enum hv_irq_line {
	HV_IRQ_SSI = 1, /* supervisor software interrupt (sip.SSIP) */
	HV_IRQ_SEI = 9, /* supervisor external interrupt (sip.SEIP) */
};

/*
 * hv_vcpu_set_irq_line() - raise (@level != 0) or lower an interrupt line of
 * the hart and kick it.  Takes no lock, so a device may call it under its
 * own.  Any thread.  Returns 0, -EINVAL.
 */
int hv_vcpu_set_irq_line(struct hv_vcpu *vcpu, unsigned int line, int level);

/* hv_vm_get_vcpu() - the vCPU with id @id, or NULL.  Any thread. */
struct hv_vcpu *hv_vm_get_vcpu(struct hv_vm *vm, unsigned int id);

/* ---- power state ---------------------------------------------------------- */

/* As KVM: a vCPU is either runnable or stopped. */
enum hv_mp_state {
	HV_MP_STATE_RUNNABLE = 0,
	HV_MP_STATE_STOPPED = 1,
};

/* SBI HSM states, numbered as the SBI specification numbers them. */
enum hv_hsm_state {
	HV_HSM_STARTED = 0,
	HV_HSM_STOPPED = 1,
	HV_HSM_START_PENDING = 2,
	HV_HSM_STOP_PENDING = 3,
	HV_HSM_SUSPENDED = 4,
	HV_HSM_SUSPEND_PENDING = 5,
	HV_HSM_RESUME_PENDING = 6,
};

enum hv_sys_state {
	HV_SYS_RUNNING = 0,
	HV_SYS_SUSPENDED = 1,
	HV_SYS_RESETTING = 2,
	HV_SYS_OFF = 3,
};

/* hv_vcpu_get_mp_state() - any thread.  Returns enum hv_mp_state. */
int hv_vcpu_get_mp_state(struct hv_vcpu *vcpu);

/* hv_vcpu_get_hsm_state() - any thread; the value may be stale.  Returns enum hv_hsm_state. */
int hv_vcpu_get_hsm_state(struct hv_vcpu *vcpu);

/*
 * hv_vcpu_set_mp_state() - move a vCPU between STOPPED and RUNNABLE.
 * RUNNABLE takes pm_lock and the vCPU's state_lock, like HART_START, and
 * is refused unless the system is RUNNING; the vCPU continues with the
 * registers it has.  STOPPED stops it at its next instruction boundary.
 * Any thread.  Returns 0, -EINVAL, -EBUSY (system not RUNNING, or the vCPU
 * is not STOPPED when asked to run).
 */
int hv_vcpu_set_mp_state(struct hv_vcpu *vcpu, int mp_state);

/*
 * hv_vm_all_stopped() - is the system RUNNING with every vCPU STOPPED?  Then
 * nothing can ever run again: only a running hart starts another.  Checked
 * under pm_lock, because a scan without it could miss a hart started behind
 * it (the very race of SBI SUSP).  Any thread.
 */
bool hv_vm_all_stopped(struct hv_vm *vm);

/* hv_vm_get_sys_state() - any thread.  Returns enum hv_sys_state. */
int hv_vm_get_sys_state(struct hv_vm *vm);

/*
 * hv_vm_boot() - (re)start the machine: every vCPU must be STOPPED and the
 * system not SUSPENDED.  Under pm_lock it sets the system RUNNING and starts
 * @hart at @pc in S-mode with a0 = hart id, a1 = @a1, satp = 0.  Used for the
 * first boot and for reboots.  Any thread.
 * Returns 0, -EINVAL (bad hart), -EBUSY (a vCPU is not STOPPED, or suspended).
 */
int hv_vm_boot(struct hv_vm *vm, unsigned int hart, uint64_t pc, uint64_t a1);

/*
 * hv_vm_resume() - wake a suspended system: under pm_lock, the hart that
 * suspended it restarts at its resume address with a0 = hart id, a1 = opaque,
 * satp = 0, sstatus.SIE = 0, and the system is RUNNING again.  Any thread.
 * Returns 0, -EBUSY (the system is not SUSPENDED).
 */
int hv_vm_resume(struct hv_vm *vm);

/*
 * hv_vm_suspend_deadline() - while SUSPENDED: the suspending hart's timer
 * deadline in host CLOCK_MONOTONIC nanoseconds, or UINT64_MAX for none.
 */
uint64_t hv_vm_suspend_deadline(struct hv_vm *vm);

/* ---- the VMM loop: one host thread per vCPU ------------------------------------ */

struct hv_run_ops {
	/*
	 * An HV_EXIT_SBI exit (experimental or vendor extension): set
	 * exit->sbi.ret[] and return.  Called on the vCPU's own thread.
	 */
	void (*sbi_call)(void *opaque, struct hv_vcpu *vcpu, struct hv_exit *exit);
	void *opaque;
};

/*
 * hv_vm_start() - start one host thread per vCPU, each running hv_vcpu_run()
 * in a loop.  System events and internal errors are queued for
 * hv_vm_wait_event(); the vCPU that raised one is STOPPED by then and its
 * thread sleeps.  Any thread, once.  Returns 0, -EBUSY, -EAGAIN.
 */
int hv_vm_start(struct hv_vm *vm, const struct hv_run_ops *ops);

/*
 * hv_vm_wait_event() - wait for the next system event or internal error, until
 * CLOCK_MONOTONIC reaches @deadline_ns (UINT64_MAX: forever).  Any thread.
 * Returns 0 with *ev filled in, or -ETIMEDOUT.
 */
int hv_vm_wait_event(struct hv_vm *vm, struct hv_exit *ev, uint64_t deadline_ns);

/*
 * hv_vm_wait_quiescent() - wait until no STOPPED vCPU is still finishing its
 * last run slice.  A system event stops harts at their next instruction
 * boundary, so call this before the VMM changes guest memory after one (a
 * cold reboot's reload).  Any thread.
 */
void hv_vm_wait_quiescent(struct hv_vm *vm);

/* hv_vm_stop() - make every vCPU thread return and join them.  Any thread. */
void hv_vm_stop(struct hv_vm *vm);

/* hv_now_ns() - CLOCK_MONOTONIC in nanoseconds, the clock the deadlines above use. */
uint64_t hv_now_ns(void);

/* ---- protocol statistics (for the race tests) -------------------------------- */

struct hv_pm_stats {
	uint64_t susp_attempts; /* SUSP calls that reached the entry check */
	uint64_t susp_commits;
	uint64_t susp_denied;
	uint64_t hart_starts; /* successful HART_STARTs */
	uint64_t violations;  /* I1/I2 failures observed by the checker */
	uint64_t boots;	      /* hv_vm_boot() calls: the first boot and every reboot */
};

/* hv_vm_get_pm_stats() - any thread. */
void hv_vm_get_pm_stats(struct hv_vm *vm, struct hv_pm_stats *out);

#endif /* HARTVISOR_HARTVISOR_H */
