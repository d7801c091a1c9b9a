/* SPDX-License-Identifier: MIT */
/*
 * cpu.h's API: hart lifetime, reset, the run entry, time and the few CSR
 * accessors the SBI layer and the public API need.  The interpreter is in
 * interp.c, the TLB and memory paths in mem.c, the decoded-page cache in
 * dcache.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "cpu/interp.h"

struct hart_csrs *hart_csrs(struct cpu *c)
{
	return &c->internal->csrs;
}

int cpu_init(struct cpu *c, const struct cpu_env *env)
{
	struct cpu_internal *in;
	struct cpu_shared *sh = env->shared;
	void *pool;

	if (!env->ram || !env->ram_size || ((env->ram_base | env->ram_size) & (PAGE_SIZE - 1)))
		return -EINVAL;
	if (sh && (sh->ram_base != env->ram_base || sh->ram_size != env->ram_size))
		return -EINVAL;
	in = calloc(1, sizeof(*in));
	if (!in)
		return -ENOMEM;
	if (!sh) {
		sh = cpu_shared_create(env->ram_base, env->ram_size);
		if (!sh) {
			free(in);
			return -ENOMEM;
		}
		in->own_shared = sh;
	}
	/* Reserved, not committed: a hart only touches the pages it decodes into. */
	in->pool_bytes = DCACHE_PAGES * sizeof(struct dpage);
	pool = mmap(NULL, in->pool_bytes, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (pool == MAP_FAILED) {
		cpu_shared_destroy(in->own_shared);
		free(in);
		return -ENOMEM;
	}
	in->pool = pool;
	in->ram = env->ram;
	in->ram_base = env->ram_base;
	in->ram_size = env->ram_size;
	in->codemap = sh->codemap;
	in->attention = env->attention ? env->attention : &in->attention_none;

	memset(c->x, 0, sizeof(c->x));
	memset(c->f, 0, sizeof(c->f));
	atomic_store_explicit(&c->irq_lines, 0, memory_order_relaxed);
	c->env = env;
	c->internal = in;
	interp_run(c, 0); /* publishes the interpreter's labels */
	cpu_reset(c, env->ram_base, 0);
	return 0;
}

void cpu_fini(struct cpu *c)
{
	struct cpu_internal *in = c->internal;

	if (!in)
		return;
	munmap(in->pool, in->pool_bytes);
	cpu_shared_destroy(in->own_shared);
	free(in);
	c->internal = NULL;
}

/*
 * FP starts Off (cpu.h's "FP off"): the guest kernel enables it, and Linux
 * does so per task, so nothing is lost, and an unaware S-mode program gets
 * the illegal-instruction trap the spec gives it.
 */
void cpu_reset(struct cpu *c, uint64_t pc, uint64_t a1)
{
	struct cpu_internal *in = c->internal;

	memset(c->x, 0, sizeof(c->x));
	memset(c->f, 0, sizeof(c->f));
	c->pc = pc;
	c->x[10] = c->env->hart_id;
	c->x[11] = a1;
	c->priv = PRV_S;

	memset(&in->csrs, 0, sizeof(in->csrs));
	in->csrs.sstatus = SSTATUS_SPP;
	/*
	 * U-mode may read cycle, time and instret: the state KVM
	 * (reset_csr->scounteren = 0x7) and OpenSBI hand a supervisor.  Linux
	 * never writes scounteren itself, and its vDSO reads time in U-mode.
	 */
	in->csrs.scounteren = 0x7;
	in->csrs.stimecmp = UINT64_MAX;
	in->instret = 0;
	in->resv_host = NULL;

	tlb_flush_all(in, false);
	dcache_flush(in);
	in->mmu_satp = 0;
	in->mmu_mxr = false;
	hart_mmu_changed(c);
}

void cpu_resume(struct cpu *c, uint64_t pc, uint64_t a1)
{
	struct cpu_internal *in = c->internal;

	c->pc = pc;
	c->x[10] = c->env->hart_id;
	c->x[11] = a1;
	c->priv = PRV_S;
	in->csrs.satp = 0;
	in->csrs.sstatus &= ~SSTATUS_SIE;
	in->resv_host = NULL;
	hart_mmu_changed(c);
}

enum cpu_exit cpu_run(struct cpu *c, uint64_t budget)
{
	return interp_run(c, budget);
}

bool cpu_irq_pending(struct cpu *c)
{
	return (csr_sip(c) & c->internal->csrs.sie) != 0;
}

uint64_t cpu_timer_deadline(struct cpu *c)
{
	return c->internal->csrs.stimecmp;
}

uint64_t cpu_time_now(const struct cpu_env *env)
{
	struct timespec ts;
	uint64_t ns;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	ns = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
	if (ns < env->time_epoch_ns)
		return 0;
	return (uint64_t)((unsigned __int128)(ns - env->time_epoch_ns) * env->timebase_hz /
			  1000000000u);
}

void cpu_set_timer(struct cpu *c, uint64_t deadline)
{
	/* STIP is computed from stimecmp whenever it is looked at. */
	c->internal->csrs.stimecmp = deadline;
}

/*
 * The API reads and writes CSRs as S-mode would, whatever the hart's
 * privilege, and reaches fcsr even with FS Off (a debugger or a migration
 * must see it).  Writing does not dirty FS.
 */
static int cpu_fcsr_access(struct cpu_internal *in, unsigned int csr, uint64_t *rd,
			   const uint64_t *wr)
{
	struct hart_csrs *s = &in->csrs;

	switch (csr) {
	case CSR_FFLAGS:
		if (rd)
			*rd = s->fflags & FCSR_FFLAGS_MASK;
		else
			s->fflags = (uint32_t)(*wr & FCSR_FFLAGS_MASK);
		return 0;
	case CSR_FRM:
		if (rd)
			*rd = s->frm & FCSR_FRM_MASK;
		else
			s->frm = (uint32_t)(*wr & FCSR_FRM_MASK);
		return 0;
	case CSR_FCSR:
		if (rd) {
			*rd = ((s->frm & FCSR_FRM_MASK) << FCSR_FRM_SHIFT) |
			      (s->fflags & FCSR_FFLAGS_MASK);
		} else {
			s->fflags = (uint32_t)(*wr & FCSR_FFLAGS_MASK);
			s->frm = (uint32_t)((*wr >> FCSR_FRM_SHIFT) & FCSR_FRM_MASK);
		}
		return 0;
	default:
		return -1;
	}
}

int cpu_get_csr(struct cpu *c, unsigned int csr, uint64_t *val)
{
	uint8_t priv = c->priv;
	int r;

	if (!cpu_fcsr_access(c->internal, csr, val, NULL))
		return 0;
	c->priv = PRV_S;
	r = csr_read(c, csr, val);
	c->priv = priv;
	return r ? -EINVAL : 0;
}

void cpu_set_priv(struct cpu *c, unsigned int priv)
{
	c->priv = (uint8_t)priv;
	hart_mmu_changed(c);
}

int cpu_set_csr(struct cpu *c, unsigned int csr, uint64_t val)
{
	uint8_t priv = c->priv;
	int r;

	if (!cpu_fcsr_access(c->internal, csr, NULL, &val))
		return 0;
	c->priv = PRV_S;
	r = csr_write(c, csr, val);
	c->priv = priv;
	/* csr_write() may have selected the S-mode TLB: select the real one. */
	hart_mmu_changed(c);
	return r ? -EINVAL : 0;
}

uint64_t cpu_csr_sstatus(struct cpu *c)
{
	uint64_t v = 0;

	cpu_get_csr(c, CSR_SSTATUS, &v);
	return v;
}

void cpu_fence_i(struct cpu *c)
{
	dcache_flush(c->internal);
}

/* Beyond this many pages, one full flush is cheaper than page by page. */
#define CPU_TLB_FLUSH_MAX_PAGES 64

void cpu_tlb_flush(struct cpu *c, uint64_t vaddr, uint64_t size, int64_t asid)
{
	bool all_asid = asid < 0;
	uint64_t va, n;

	if ((!vaddr && !size) || size > CPU_TLB_FLUSH_MAX_PAGES * PAGE_SIZE) {
		tlb_sfence(c, true, 0, all_asid, (uint64_t)asid);
		return;
	}
	va = vaddr & TLB_PAGE_MASK;
	n = ((vaddr & (PAGE_SIZE - 1)) + (size ? size : 1) + PAGE_SIZE - 1) >> PAGE_SHIFT;
	for (; n; n--, va += PAGE_SIZE)
		tlb_sfence(c, false, va, all_asid, (uint64_t)asid);
}

uint64_t cpu_instret(struct cpu *c)
{
	return c->internal->instret;
}
