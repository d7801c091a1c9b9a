/* SPDX-License-Identifier: MIT */
/*
 * The Sv39/Sv48 page-table walk and the permission rules, as the privileged
 * specification's "Virtual Address Translation Process" gives them, with
 * Svadu behaviour: the walker itself sets A and D.
 *
 * This runs on every soft-TLB miss, so it does one pass down the table with
 * no allocation and no calls out of this file.
 *
 * Known limits, each a choice the specification allows:
 * - Page tables must live in RAM.  A PTE address outside RAM (in MMIO or in
 *   no device) is an access fault of the original access type, as a PMA
 *   violation on the implicit access would be.
 * - Neither Svnapot nor Svpbmt is implemented, so bits 63:54 of a PTE are
 *   reserved and a PTE with any of them set is a page fault.
 * - The D, A and U bits of a non-leaf PTE are reserved; a non-leaf PTE with
 *   any of them set is a page fault rather than ignored.
 */
#include <stddef.h>

#include "cpu/hart.h"

/* PTEs are read from guest RAM as host integers. */
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
	       "the walker assumes a little-endian host");

#define MMU_VPN_BITS 9
#define MMU_VPN_MASK ((1ull << MMU_VPN_BITS) - 1)

/* Indexed by enum mmu_access. */
static const int mmu_page_fault[] = {
	[MMU_READ] = CAUSE_LOAD_PAGE_FAULT,
	[MMU_WRITE] = CAUSE_STORE_PAGE_FAULT,
	[MMU_EXEC] = CAUSE_FETCH_PAGE_FAULT,
};

static const int mmu_access_fault[] = {
	[MMU_READ] = CAUSE_LOAD_ACCESS,
	[MMU_WRITE] = CAUSE_STORE_ACCESS,
	[MMU_EXEC] = CAUSE_FETCH_ACCESS,
};

/*
 * The host address of the PTE at guest-physical @pa, or NULL when it is not
 * wholly in RAM.  @pa is 8-byte aligned by construction, and the RAM
 * mapping is at least 8-byte aligned, which the atomics below need.
 */
static inline uint64_t *mmu_pte_ptr(const struct cpu_env *env, uint64_t pa)
{
	uint64_t off = pa - env->ram_base; /* wraps to a huge value below RAM */

	if (off >= env->ram_size || env->ram_size - off < sizeof(uint64_t))
		return NULL;
	return (uint64_t *)(env->ram + off);
}

static inline bool mmu_perm_ok(uint64_t pte, enum mmu_access acc, unsigned int priv, bool sum,
			       bool mxr)
{
	if (pte & PTE_U) {
		/* S-mode never executes user code; it reads and writes it only with SUM. */
		if (priv != PRV_U && (acc == MMU_EXEC || !sum))
			return false;
	} else if (priv == PRV_U) {
		return false;
	}

	switch (acc) {
	case MMU_READ:
		return (pte & PTE_R) || (mxr && (pte & PTE_X));
	case MMU_WRITE:
		return pte & PTE_W;
	case MMU_EXEC:
		return pte & PTE_X;
	}
	return false;
}

/*
 * The rules only: the caller of a TLB hit must still send a write through
 * mmu_translate() when the cached PTE lacks D (or A), so that the walker
 * sets them in guest memory.
 */
bool mmu_pte_allows(uint64_t pte, enum mmu_access acc, unsigned int priv, bool sum, bool mxr)
{
	return mmu_perm_ok(pte, acc, priv, sum, mxr);
}

int mmu_translate(const struct cpu_env *env, uint64_t satp, uint64_t va, enum mmu_access acc,
		  unsigned int priv, bool sum, bool mxr, struct mmu_result *res)
{
	uint64_t mode = satp >> SATP_MODE_SHIFT;
	uint64_t want = PTE_A | (acc == MMU_WRITE ? PTE_D : 0);
	uint64_t a, pte, ppn, *p;
	unsigned int va_bits;
	int i;

	if (mode == SATP_MODE_SV39) {
		i = 2;
		va_bits = 39;
	} else if (mode == SATP_MODE_SV48) {
		i = 3;
		va_bits = 48;
	} else {
		/*
		 * Bare (csr.c never lets satp hold another mode).  The
		 * synthetic PTE grants everything to @priv, so a TLB that
		 * caches it passes mmu_pte_allows() at that privilege; a
		 * privilege change calls hart_mmu_changed() anyway.
		 */
		res->pa = va;
		res->pte =
			PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | (priv == PRV_U ? PTE_U : 0);
		res->level = 0;
		return 0;
	}

	/* Bits 63:va_bits must all equal bit va_bits - 1. */
	if ((uint64_t)((int64_t)(va << (64 - va_bits)) >> (64 - va_bits)) != va)
		return mmu_page_fault[acc];

	a = (satp & SATP_PPN_MASK) << PAGE_SHIFT;
	for (;; i--) {
		p = mmu_pte_ptr(env, a + ((va >> (PAGE_SHIFT + MMU_VPN_BITS * i)) & MMU_VPN_MASK) *
						     sizeof(uint64_t));
		if (!p)
			return mmu_access_fault[acc];
		/* Acquire: the next level's PTEs were written before this one. */
		pte = __atomic_load_n(p, __ATOMIC_ACQUIRE);
retry: /* re-entered with the PTE's new value when the A/D update below loses its CAS */
		if (!(pte & PTE_V) || (pte & (PTE_R | PTE_W)) == PTE_W || (pte & PTE_RESERVED_MASK))
			return mmu_page_fault[acc];
		ppn = (pte & PTE_PPN_MASK) >> PTE_PPN_SHIFT;
		if (pte & (PTE_R | PTE_X))
			break; /* a leaf */
		if (i == 0 || (pte & (PTE_A | PTE_D | PTE_U)))
			return mmu_page_fault[acc];
		a = ppn << PAGE_SHIFT;
	}

	if (!mmu_perm_ok(pte, acc, priv, sum, mxr))
		return mmu_page_fault[acc];
	/* A superpage's PPN must be aligned to its size. */
	if (ppn & ((1ull << (MMU_VPN_BITS * i)) - 1))
		return mmu_page_fault[acc];

	/*
	 * Svadu: set A (and D on a write) atomically against concurrent
	 * guest updates of the PTE.  If the PTE changed under us, the CAS
	 * hands back its new value, and the whole check of this step is
	 * redone on it, as the spec's "return to step 2" requires.
	 */
	if ((pte & want) != want) {
		if (!__atomic_compare_exchange_n(p, &pte, pte | want, false, __ATOMIC_ACQ_REL,
						 __ATOMIC_ACQUIRE))
			goto retry;
		pte |= want;
	}

	res->pa = (ppn << PAGE_SHIFT) | (va & ((1ull << (PAGE_SHIFT + MMU_VPN_BITS * i)) - 1));
	res->pte = pte;
	res->level = (unsigned int)i;
	return 0;
}
