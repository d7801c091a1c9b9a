/* SPDX-License-Identifier: MIT */
/*
 * The hart: an RV64IMAFDC + Zicsr + Zifencei + Sstc interpreter with S and U
 * modes, Sv39/Sv48 and a per-hart soft TLB.
 *
 * The contract, which the rest of hartvisor relies on:
 *
 * - The core knows no devices.  It reaches guest RAM through a host pointer
 *   in struct cpu_env, and everything else through env->mmio_read/write.  An
 *   address that is neither RAM nor accepted by the MMIO callbacks is an
 *   access fault delivered to the guest, never a host crash.
 * - The core never touches another hart.  Cross-hart work arrives in three
 *   ways, each safe from any thread: cpu_irq_raise()/cpu_irq_lower() on the
 *   atomic pending mask, and the env->attention word, which the core polls at
 *   control-flow boundaries; when it is non-zero, cpu_run() returns
 *   CPU_EXIT_ATTENTION so that the vCPU loop can apply its requests.
 * - An ecall from S-mode is not a trap: cpu_run() returns CPU_EXIT_ECALL with
 *   pc still on the ecall, and the SBI glue advances pc.  An ecall from U-mode
 *   traps to the guest's stvec like any other exception.
 * - WFI returns CPU_EXIT_WFI with pc past the wfi (unless an interrupt is
 *   already pending and enabled in sie, in which case it is a no-op).
 * - Every function below that takes a struct cpu * is "vCPU thread only"
 *   unless it says otherwise.
 */
#ifndef HV_CPU_CPU_H
#define HV_CPU_CPU_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

struct cpu_shared;

/* What the vCPU loop gives the core. */
struct cpu_env {
	uint8_t *ram;	   /* host mapping of guest RAM */
	uint64_t ram_base; /* guest-physical address of ram[0] */
	uint64_t ram_size;
	/* Per-VM state shared by all harts (code-page map for self-modifying code). */
	struct cpu_shared *shared;
	/* MMIO: return 0, or -1 for an access fault.  pa is guest-physical. */
	int (*mmio_read)(void *opaque, uint64_t pa, unsigned int size, uint64_t *val);
	int (*mmio_write)(void *opaque, uint64_t pa, unsigned int size, uint64_t val);
	void *mmio_opaque;
	/* Non-zero when the vCPU loop wants control back; any thread sets it. */
	_Atomic uint32_t *attention;
	/* `time` = (CLOCK_MONOTONIC ns - time_epoch_ns) * timebase_hz / 1e9 */
	uint64_t time_epoch_ns;
	uint32_t timebase_hz;
	uint32_t hart_id;
};

enum cpu_exit {
	CPU_EXIT_ECALL = 1, /* S-mode ecall: the SBI call in a7/a6/a0..a5 */
	CPU_EXIT_WFI = 2,
	CPU_EXIT_ATTENTION = 3, /* *env->attention was non-zero */
	CPU_EXIT_BUDGET = 4,	/* the instruction budget ran out */
};

/* Interrupt bits, as in the sip/sie CSRs. */
#define CPU_IRQ_SSI (1u << 1)
#define CPU_IRQ_STI (1u << 5)
#define CPU_IRQ_SEI (1u << 9)

/*
 * Architectural state.  The vCPU loop and the SBI glue read and write x[]
 * and pc directly; everything else goes through the functions below.  The
 * fields after `internal` belong to the core.
 */
struct cpu {
	uint64_t x[32];
	uint64_t pc;
	uint64_t f[32];
	uint8_t priv; /* 1 = S, 0 = U */

	/* Set from any thread: interrupt lines (CPU_IRQ_SSI, CPU_IRQ_SEI). */
	_Atomic uint32_t irq_lines;

	const struct cpu_env *env;
	struct cpu_internal *internal; /* owned by the core */
};

/* Per-VM shared state.  Any thread, before/after all harts run. */
struct cpu_shared *cpu_shared_create(uint64_t ram_base, uint64_t ram_size);
void cpu_shared_destroy(struct cpu_shared *sh);

/* Returns 0 or -ENOMEM.  @env must outlive the cpu. */
int cpu_init(struct cpu *c, const struct cpu_env *env);
void cpu_fini(struct cpu *c);

/*
 * cpu_reset() - the state HART_START, resume and boot give a hart: S-mode,
 * pc = @pc, a0 = hart id, a1 = @a1, satp = 0, sstatus = SPP only (SIE = 0),
 * all other GPRs and CSRs zero, stimecmp = UINT64_MAX, FP off, the TLB and
 * the decoded-instruction cache empty, any LR reservation dropped.
 */
void cpu_reset(struct cpu *c, uint64_t pc, uint64_t a1);

/*
 * cpu_resume() - resume from a non-retentive HSM suspend: S-mode, pc = @pc,
 * a0 = hart id, a1 = @a1, satp = 0, sstatus.SIE = 0, which is all the SBI
 * specification fixes.  Every other CSR keeps its value, as QEMU + OpenSBI
 * keep it: Linux 6.1 restores stvec, sie, sscratch and satp after such a
 * suspend but not stimecmp, so a reset timer would never fire again.
 */
void cpu_resume(struct cpu *c, uint64_t pc, uint64_t a1);

/* Run until one of enum cpu_exit happens or @budget instructions retire. */
enum cpu_exit cpu_run(struct cpu *c, uint64_t budget);

/* Any thread: assert/deassert SSIP or SEIP (bits CPU_IRQ_SSI, CPU_IRQ_SEI). */
static inline void cpu_irq_raise(struct cpu *c, uint32_t bits)
{
	atomic_fetch_or_explicit(&c->irq_lines, bits, memory_order_release);
}

static inline void cpu_irq_lower(struct cpu *c, uint32_t bits)
{
	atomic_fetch_and_explicit(&c->irq_lines, ~bits, memory_order_release);
}

/* sip & sie, with STIP computed from time >= stimecmp: is WFI over? */
bool cpu_irq_pending(struct cpu *c);

/* The timer deadline (stimecmp) in `time` units; UINT64_MAX if none. */
uint64_t cpu_timer_deadline(struct cpu *c);

/* Current value of the `time` CSR for this hart's env. */
uint64_t cpu_time_now(const struct cpu_env *env);

/* SBI set_timer: write stimecmp (a deadline in the future clears STIP). */
void cpu_set_timer(struct cpu *c, uint64_t deadline);

/* Set the privilege level (PRV_U or PRV_S), as the register API does. */
void cpu_set_priv(struct cpu *c, unsigned int priv);

/* The privileged CSRs that the SBI layer and the API need. */
uint64_t cpu_csr_sstatus(struct cpu *c);
int cpu_get_csr(struct cpu *c, unsigned int csr, uint64_t *val); /* 0 or -EINVAL */
int cpu_set_csr(struct cpu *c, unsigned int csr, uint64_t val);	 /* 0 or -EINVAL */

/* Remote fences, applied by the target hart to itself. */
void cpu_fence_i(struct cpu *c);
void cpu_tlb_flush(struct cpu *c, uint64_t vaddr, uint64_t size, int64_t asid /* -1: all */);

/*
 * cpu_read_virt() - read @len bytes at supervisor virtual address @va through
 * the hart's current translation, as an S-mode load would (SUM honoured).
 * For SBI calls that pass pointers.  Returns 0 or -EFAULT.  (access.c)
 */
int cpu_read_virt(struct cpu *c, uint64_t va, void *buf, unsigned int len);

/* Retired-instruction count (the instret CSR). */
uint64_t cpu_instret(struct cpu *c);

#endif /* HV_CPU_CPU_H */
