/* SPDX-License-Identifier: MIT */
/*
 * Inside the hart: the state and the functions the parts of src/cpu share.
 * Nothing outside src/cpu includes this header.  Everything here is "vCPU
 * thread only".
 *
 * Ownership of the parts:
 *   interp.c / decode.c / cpu.c  the interpreter, decoded-instruction cache,
 *                                soft TLB and cpu.h's API
 *   csr.c                        CSR semantics, trap entry, sret, interrupt choice
 *   mmu.c                        the Sv39/Sv48 walk and permission rules
 *   fpu.c                        F/D arithmetic (see fpu.h)
 */
#ifndef HV_CPU_HART_H
#define HV_CPU_HART_H

#include "cpu/cpu.h"
#include "cpu/riscv.h"

/* The supervisor CSR file. */
struct hart_csrs {
	uint64_t sstatus;  /* only the S-visible bits; SD is computed on read */
	uint64_t sie;	   /* SSIE | STIE | SEIE */
	uint64_t sip_soft; /* SSIP as written by the guest (csrs sip) */
	uint64_t stvec;
	uint64_t sscratch;
	uint64_t sepc;
	uint64_t scause;
	uint64_t stval;
	uint64_t satp;
	uint64_t scounteren;
	uint64_t senvcfg;
	uint64_t stimecmp;
	uint32_t fflags;
	uint32_t frm;
	uint64_t cycle_base; /* instret/cycle bookkeeping is the interpreter's */
};

/* ---- csr.c --------------------------------------------------------------- */

/*
 * csr_read()/csr_write() - the CSR instructions' view, with the privilege
 * and read-only rules applied.  Return 0, or -1 when the access must raise
 * an illegal-instruction exception.  csr_write() performs side effects: a
 * satp or sstatus (SUM/MXR/FS) change calls hart_mmu_changed().
 */
int csr_read(struct cpu *c, unsigned int csr, uint64_t *val);
int csr_write(struct cpu *c, unsigned int csr, uint64_t val);

/* The current sip value: soft SSIP | irq_lines | STIP from the timer. */
uint64_t csr_sip(struct cpu *c);

/* Take a synchronous exception: sepc = c->pc, scause, stval, SPP/SPIE/SIE, pc = stvec. */
void trap_exception(struct cpu *c, uint64_t cause, uint64_t tval);

/*
 * trap_check_irq() - if an interrupt is pending, enabled and allowed at the
 * current privilege, take it (sepc = c->pc) and return true.
 */
bool trap_check_irq(struct cpu *c);

/* sret: the caller has checked privilege (and TSR, which S-mode never has). */
void trap_sret(struct cpu *c);

/* ---- mmu.c --------------------------------------------------------------- */

enum mmu_access { MMU_READ = 0, MMU_WRITE = 1, MMU_EXEC = 2 };

struct mmu_result {
	uint64_t pa;	    /* the translated physical address */
	uint64_t pte;	    /* the leaf PTE after any A/D update */
	unsigned int level; /* 0 = 4 KiB page, 1 = 2 MiB, 2 = 1 GiB, 3 = 512 GiB */
};

/*
 * mmu_translate() - translate @va for @acc at the effective privilege
 * @priv (loads and stores use the current privilege; S and U only) under
 * @satp with sstatus.SUM/MXR as given.  Walks the page table in guest RAM
 * (env->ram), checks the rules of the privileged spec, and sets A (and D for
 * a write) atomically with a compare-and-swap on the PTE, as Svadu hardware
 * does.  satp.MODE = Bare returns pa = va.
 * Returns 0, or the exception cause to raise: CAUSE_*_PAGE_FAULT for a
 * translation failure, CAUSE_*_ACCESS for a PTE that is not in RAM.
 */
int mmu_translate(const struct cpu_env *env, uint64_t satp, uint64_t va, enum mmu_access acc,
		  unsigned int priv, bool sum, bool mxr, struct mmu_result *res);

/* Would the leaf @pte allow @acc at @priv with SUM/MXR?  (For TLB hits.) */
bool mmu_pte_allows(uint64_t pte, enum mmu_access acc, unsigned int priv, bool sum, bool mxr);

/* ---- interp.c / cpu.c ----------------------------------------------------- */

/* Called by csr.c when satp, SUM, MXR or the privilege changes. */
void hart_mmu_changed(struct cpu *c);

/* The CSR file lives here so csr.c can reach it. */
struct hart_csrs *hart_csrs(struct cpu *c);

#endif /* HV_CPU_HART_H */
