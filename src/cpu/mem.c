/* SPDX-License-Identifier: MIT */
/*
 * The soft TLB and the slow paths of memory access: TLB misses, misaligned
 * and page-straddling accesses, MMIO, and the atomics' address checks.  The
 * fast paths (a TLB hit on an aligned RAM access) are inline in interp.c.
 *
 * Guest RAM may be written by other harts at any time, so aligned accesses
 * use relaxed host atomics (plain moves on x86-64 and arm64) and the ISA's
 * memory model is left to the guest's fences, which map to host fences.
 * A misaligned access is not single-copy atomic, as the ISA allows.
 */
#include <string.h>

#include "cpu/interp.h"

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
	       "guest memory is accessed as host integers");

/* ---- TLB ---------------------------------------------------------------------- */

static void tlb_inval_d(struct cpu_internal *in, unsigned int ctx, unsigned int rw, unsigned int i,
			bool keep_global)
{
	if (!keep_global || !in->tlb_d_global[ctx][rw][i])
		in->tlb_d[ctx][rw][i].tag = TLB_INVALID;
}

static void tlb_inval_i(struct cpu_internal *in, unsigned int ctx, unsigned int i, bool keep_global)
{
	if (!keep_global || !in->tlb_i_global[ctx][i])
		in->tlb_i[ctx][i].tag = TLB_INVALID;
}

void tlb_flush_all(struct cpu_internal *in, bool keep_global)
{
	unsigned int ctx, rw, i;

	for (ctx = 0; ctx < TLB_NR_CTX; ctx++)
		for (rw = 0; rw < 2; rw++)
			for (i = 0; i < TLB_SIZE; i++)
				tlb_inval_d(in, ctx, rw, i, keep_global);
	for (ctx = 0; ctx < 2; ctx++)
		for (i = 0; i < TLB_SIZE; i++)
			tlb_inval_i(in, ctx, i, keep_global);
	if (!keep_global)
		in->tlb_superpage = false;
	/* A cross slot read its second half through a translation just dropped. */
	dcache_reset_xslots(in);
}

void tlb_flush_va(struct cpu_internal *in, uint64_t va, bool keep_global)
{
	uint64_t tag = va & TLB_PAGE_MASK;
	unsigned int i = tlb_index(va), ctx, rw;

	/*
	 * A superpage is cached as 4 KiB pieces, any of which the flush of
	 * one address inside it must drop: flush everything instead.
	 */
	if (in->tlb_superpage) {
		tlb_flush_all(in, keep_global);
		return;
	}
	for (ctx = 0; ctx < TLB_NR_CTX; ctx++)
		for (rw = 0; rw < 2; rw++)
			if (in->tlb_d[ctx][rw][i].tag == tag)
				tlb_inval_d(in, ctx, rw, i, keep_global);
	for (ctx = 0; ctx < 2; ctx++)
		if (in->tlb_i[ctx][i].tag == tag)
			tlb_inval_i(in, ctx, i, keep_global);
	dcache_reset_xslots(in);
}

void tlb_sfence(struct cpu *c, bool all_va, uint64_t va, bool all_asid, uint64_t asid)
{
	struct cpu_internal *in = c->internal;
	uint64_t cur_asid = (in->csrs.satp >> SATP_ASID_SHIFT) & SATP_ASID_MASK;

	/*
	 * Every non-global entry was filled under the current satp (a satp
	 * change flushes them), so a fence for another ASID has nothing to
	 * drop: those translations are refilled after the switch to it.
	 */
	if (!all_asid && (asid & SATP_ASID_MASK) != cur_asid)
		return;
	if (all_va)
		tlb_flush_all(in, !all_asid);
	else
		tlb_flush_va(in, va, !all_asid);
}

/* Called by csr.c when satp, SUM, MXR or the privilege may have changed. */
void hart_mmu_changed(struct cpu *c)
{
	struct cpu_internal *in = c->internal;
	uint64_t satp = in->csrs.satp;
	bool sum = in->csrs.sstatus & SSTATUS_SUM;
	bool mxr = in->csrs.sstatus & SSTATUS_MXR;
	unsigned int ctx;

	if (satp != in->mmu_satp) {
		uint64_t mode = satp >> SATP_MODE_SHIFT;

		/* Global mappings survive an address-space switch, not a mode change. */
		tlb_flush_all(in,
			      mode != SATP_MODE_BARE && mode == in->mmu_satp >> SATP_MODE_SHIFT);
	} else if (mxr != in->mmu_mxr) {
		tlb_flush_all(in, false);
	}
	in->mmu_satp = satp;
	in->mmu_sum = sum;
	in->mmu_mxr = mxr;
	in->mmu_priv = c->priv;

	if (c->priv == PRV_U)
		ctx = TLB_CTX_U;
	else
		ctx = sum ? TLB_CTX_S_SUM : TLB_CTX_S;
	in->dctx = (uint8_t)ctx;
	in->ictx = c->priv == PRV_U ? 0 : 1;
	in->tlb_r = in->tlb_d[ctx][TLB_R];
	in->tlb_w = in->tlb_d[ctx][TLB_W];
	in->tlb_x = in->tlb_i[in->ictx];
}

static int tlb_walk(struct cpu *c, uint64_t va, enum mmu_access acc, struct mmu_result *res)
{
	struct cpu_internal *in = c->internal;

	return mmu_translate(c->env, in->csrs.satp, va, acc, c->priv, in->mmu_sum, in->mmu_mxr,
			     res);
}

static void tlb_set_d(struct cpu_internal *in, unsigned int rw, uint64_t va, uint8_t *host,
		      bool global)
{
	unsigned int i = tlb_index(va);
	struct tlb_entry *e = &in->tlb_d[in->dctx][rw][i];

	e->tag = va & TLB_PAGE_MASK;
	e->addend = (uintptr_t)host - (uintptr_t)va;
	in->tlb_d_global[in->dctx][rw][i] = global;
}

/*
 * A data TLB miss: walk, and cache the page if it is RAM.  A read also
 * caches the write entry when the PTE is already dirty and writable, and a
 * write the read entry, since the other access usually follows.
 */
static int tlb_fill(struct cpu *c, uint64_t va, enum mmu_access acc, uint8_t **host, uint64_t *pa)
{
	struct cpu_internal *in = c->internal;
	struct mmu_result res;
	uint8_t *h;
	bool g;
	int r;

	r = tlb_walk(c, va, acc, &res);
	if (r)
		return r;
	*pa = res.pa;
	if (!mem_in_ram(in, res.pa & TLB_PAGE_MASK, PAGE_SIZE)) {
		*host = NULL;
		return 0;
	}
	h = in->ram + (res.pa - in->ram_base);
	*host = h;
	if (acc == MMU_EXEC)
		return 0;

	g = res.pte & PTE_G;
	if (res.level)
		in->tlb_superpage = true;
	if (acc == MMU_READ || mmu_pte_allows(res.pte, MMU_READ, c->priv, in->mmu_sum, in->mmu_mxr))
		tlb_set_d(in, TLB_R, va, h, g);
	if (acc == MMU_WRITE ||
	    ((res.pte & PTE_D) && mmu_pte_allows(res.pte, MMU_WRITE, c->priv, in->mmu_sum, false)))
		tlb_set_d(in, TLB_W, va, h, g);
	return 0;
}

int mem_translate(struct cpu *c, uint64_t va, enum mmu_access acc, uint8_t **host, uint64_t *pa)
{
	struct cpu_internal *in = c->internal;
	unsigned int i = tlb_index(va);
	uint64_t tag = va & TLB_PAGE_MASK;

	if (acc == MMU_EXEC) {
		const struct tlb_xentry *x = &in->tlb_x[i];

		if (x->tag == tag) {
			*host = x->dp->host + (va & (PAGE_SIZE - 1));
			*pa = x->dp->pa + (va & (PAGE_SIZE - 1));
			return 0;
		}
	} else {
		const struct tlb_entry *e = acc == MMU_READ ? &in->tlb_r[i] : &in->tlb_w[i];

		if (e->tag == tag) {
			*host = (uint8_t *)(e->addend + va);
			*pa = in->ram_base + (uint64_t)(*host - in->ram);
			return 0;
		}
	}
	return tlb_fill(c, va, acc, host, pa);
}

int mem_fetch_page(struct cpu *c, uint64_t va, struct dpage **dpp)
{
	struct cpu_internal *in = c->internal;
	unsigned int i = tlb_index(va);
	struct mmu_result res;
	struct dpage *dp;
	uint64_t pa;
	int r;

	if (in->tlb_x[i].tag == (va & TLB_PAGE_MASK)) {
		*dpp = in->tlb_x[i].dp;
		return 0;
	}
	r = tlb_walk(c, va, MMU_EXEC, &res);
	if (r)
		return r;
	pa = res.pa & TLB_PAGE_MASK;
	/* Known limit: code runs from RAM only, as it does on most real SoCs' PMAs. */
	if (!mem_in_ram(in, pa, PAGE_SIZE))
		return CAUSE_FETCH_ACCESS;
	if (res.level)
		in->tlb_superpage = true;
	/* May drop every decoded page (and the fetch TLB) when the cache is full. */
	dp = dcache_get(c, pa, in->ram + (pa - in->ram_base));
	in->tlb_x[i].tag = va & TLB_PAGE_MASK;
	in->tlb_x[i].dp = dp;
	in->tlb_i_global[in->ictx][i] = !!(res.pte & PTE_G);
	*dpp = dp;
	return 0;
}

/* ---- RAM and MMIO -------------------------------------------------------------- */

static uint64_t ram_read(const uint8_t *h, unsigned int size)
{
	uint64_t v = 0;

	if (!((uintptr_t)h & (size - 1))) {
		switch (size) {
		case 1:
			return __atomic_load_n(h, __ATOMIC_RELAXED);
		case 2:
			return __atomic_load_n((const uint16_t *)h, __ATOMIC_RELAXED);
		case 4:
			return __atomic_load_n((const uint32_t *)h, __ATOMIC_RELAXED);
		default:
			return __atomic_load_n((const uint64_t *)h, __ATOMIC_RELAXED);
		}
	}
	memcpy(&v, h, size);
	return v;
}

static void ram_write(struct cpu_internal *in, uint8_t *h, unsigned int size, uint64_t v)
{
	if (!((uintptr_t)h & (size - 1))) {
		switch (size) {
		case 1:
			__atomic_store_n(h, (uint8_t)v, __ATOMIC_RELAXED);
			break;
		case 2:
			__atomic_store_n((uint16_t *)h, (uint16_t)v, __ATOMIC_RELAXED);
			break;
		case 4:
			__atomic_store_n((uint32_t *)h, (uint32_t)v, __ATOMIC_RELAXED);
			break;
		default:
			__atomic_store_n((uint64_t *)h, v, __ATOMIC_RELAXED);
			break;
		}
	} else {
		memcpy(h, &v, size);
	}
	if (unlikely(dcache_maybe_code(in, h, size)))
		dcache_code_written(in, h, size);
}

static inline uint64_t size_mask(unsigned int size)
{
	return size == 8 ? ~0ull : (1ull << (8 * size)) - 1;
}

/*
 * Known limit: a misaligned MMIO access is an access fault rather than
 * being split into pieces a device might not expect (a PMA the spec allows).
 */
static int mmio_load(struct cpu *c, uint64_t pa, unsigned int size, uint64_t *val)
{
	const struct cpu_env *env = c->env;
	uint64_t v = 0;

	if ((pa & (size - 1)) || !env->mmio_read || env->mmio_read(env->mmio_opaque, pa, size, &v))
		return CAUSE_LOAD_ACCESS;
	*val = v & size_mask(size);
	return 0;
}

static int mmio_store(struct cpu *c, uint64_t pa, unsigned int size, uint64_t val)
{
	const struct cpu_env *env = c->env;

	if ((pa & (size - 1)) || !env->mmio_write ||
	    env->mmio_write(env->mmio_opaque, pa, size, val & size_mask(size)))
		return CAUSE_STORE_ACCESS;
	return 0;
}

/* Both pages of an access that straddles a page boundary, translated before any byte moves. */
static int mem_split(struct cpu *c, uint64_t va, unsigned int n1, enum mmu_access acc, uint8_t **h1,
		     uint8_t **h2, uint64_t *tval)
{
	int access = acc == MMU_READ ? CAUSE_LOAD_ACCESS : CAUSE_STORE_ACCESS;
	uint64_t pa;
	int r;

	*tval = va;
	r = mem_translate(c, va, acc, h1, &pa);
	if (r)
		return r;
	if (!*h1)
		return access;
	*tval = va + n1;
	r = mem_translate(c, va + n1, acc, h2, &pa);
	if (r)
		return r;
	return *h2 ? 0 : access;
}

int mem_load(struct cpu *c, uint64_t va, unsigned int size, uint64_t *val, uint64_t *tval)
{
	unsigned int off = va & (PAGE_SIZE - 1);
	uint8_t *h, *h2;
	uint64_t pa, v = 0;
	int r;

	if (off + size > PAGE_SIZE) {
		unsigned int n1 = PAGE_SIZE - off;

		r = mem_split(c, va, n1, MMU_READ, &h, &h2, tval);
		if (r)
			return r;
		memcpy(&v, h, n1);
		memcpy((uint8_t *)&v + n1, h2, size - n1);
		*val = v;
		return 0;
	}
	*tval = va;
	r = mem_translate(c, va, MMU_READ, &h, &pa);
	if (r)
		return r;
	if (!h)
		return mmio_load(c, pa, size, val);
	*val = ram_read(h, size);
	return 0;
}

int mem_store(struct cpu *c, uint64_t va, unsigned int size, uint64_t val, uint64_t *tval)
{
	struct cpu_internal *in = c->internal;
	unsigned int off = va & (PAGE_SIZE - 1);
	uint8_t *h, *h2;
	uint64_t pa;
	int r;

	if (off + size > PAGE_SIZE) {
		unsigned int n1 = PAGE_SIZE - off;

		r = mem_split(c, va, n1, MMU_WRITE, &h, &h2, tval);
		if (r)
			return r;
		memcpy(h, &val, n1);
		memcpy(h2, (uint8_t *)&val + n1, size - n1);
		if (dcache_maybe_code(in, h, n1))
			dcache_code_written(in, h, n1);
		if (dcache_maybe_code(in, h2, size - n1))
			dcache_code_written(in, h2, size - n1);
		return 0;
	}
	*tval = va;
	r = mem_translate(c, va, MMU_WRITE, &h, &pa);
	if (r)
		return r;
	if (!h)
		return mmio_store(c, pa, size, val);
	ram_write(in, h, size, val);
	return 0;
}

int mem_atomic_ptr(struct cpu *c, uint64_t va, unsigned int size, enum mmu_access acc, void **host)
{
	struct cpu_internal *in = c->internal;
	uint8_t *h;
	uint64_t pa;
	int r;

	if (va & (size - 1))
		return acc == MMU_READ ? CAUSE_MISALIGNED_LOAD : CAUSE_MISALIGNED_STORE;
	r = mem_translate(c, va, acc, &h, &pa);
	if (r)
		return r;
	if (!h)
		return acc == MMU_READ ? CAUSE_LOAD_ACCESS : CAUSE_STORE_ACCESS;
	/* Before the write, which is fine: the hart does nothing in between. */
	if (acc == MMU_WRITE && unlikely(dcache_maybe_code(in, h, size)))
		dcache_code_written(in, h, size);
	*host = h;
	return 0;
}

static int fetch16(struct cpu *c, uint64_t va, uint32_t *v)
{
	uint8_t *h;
	uint64_t pa;

	if (mem_translate(c, va, MMU_EXEC, &h, &pa) || !h)
		return -1;
	*v = __atomic_load_n((const uint16_t *)h, __ATOMIC_RELAXED);
	return 0;
}

uint32_t mem_insn_bits(struct cpu *c, uint64_t pc)
{
	uint32_t lo, hi;

	if (fetch16(c, pc, &lo))
		return 0;
	if ((lo & 3) != 3)
		return lo;
	if (fetch16(c, pc + 2, &hi))
		return 0;
	return lo | hi << 16;
}
