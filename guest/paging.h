/* SPDX-License-Identifier: MIT */
/*
 * Sv39/Sv48 page tables built from a static pool of 4 KiB pages.
 *
 * A typical test:
 *	struct pt pt;
 *	pt_init(&pt, SATP_MODE_SV39);
 *	pt_map_ram_identity(&pt);              // runtime, stacks, reporting
 *	pt_map(&pt, VA, pa, PT_4K, PTE_R | PTE_W | PTE_A | PTE_D);
 *	pt_enable(&pt, asid);
 *	...
 *	pt_disable();
 *
 * The identity map is a 1 GiB leaf at RAM (0x80000000), RWX, A and D set,
 * not global and not U, so every address the runtime uses is the same
 * virtual and physical and check names reach the host correctly.  Page
 * tables live in RAM inside that map too, so a test may edit PTEs in place
 * (pt_leaf()) and then sfence.vma.
 */
#ifndef GUEST_PAGING_H
#define GUEST_PAGING_H

#include <stdint.h>

#define PT_4K (1ul << 12)
#define PT_2M (1ul << 21)
#define PT_1G (1ul << 30)
#define PT_512G (1ul << 39)

#define PT_RAM_BASE 0x80000000ul

struct pt {
	uint64_t *root;
	unsigned int levels; /* 3 for Sv39, 4 for Sv48 */
	unsigned long mode;  /* SATP_MODE_SV39 or SATP_MODE_SV48 */
};

/* Start a new, empty table.  @mode is SATP_MODE_SV39 or SATP_MODE_SV48. */
void pt_init(struct pt *pt, unsigned long mode);

/* Give every pool page back (invalidates every struct pt). */
void pt_pool_reset(void);

/* A zeroed page from the pool (also usable as a test data page); NULL when empty. */
void *pt_alloc_page(void);

/*
 * pt_map() - map [@va, @va + @size) to @pa with one leaf of @size (PT_4K,
 * PT_2M, PT_1G, or PT_512G for Sv48).  @flags are PTE_* bits; PTE_V is added.
 * @va and @pa must be @size-aligned.  Returns 0, or -1 on a bad argument, an
 * existing leaf in the way, or an empty pool.
 */
int pt_map(struct pt *pt, unsigned long va, unsigned long pa, unsigned long size, uint64_t flags);

/* Map RAM identically (see above). */
void pt_map_ram_identity(struct pt *pt);

/* The leaf PTE that maps @va (at whatever level), or NULL. */
volatile uint64_t *pt_leaf(struct pt *pt, unsigned long va);

/* A leaf PTE value for @pa with @flags (PTE_V added). */
uint64_t pt_pte(unsigned long pa, uint64_t flags);

unsigned long pt_satp(const struct pt *pt, unsigned long asid);
void pt_enable(const struct pt *pt, unsigned long asid); /* satp, then sfence.vma */
void pt_disable(void);					 /* satp = 0, then sfence.vma */

static inline void sfence_vma_all(void)
{
	asm volatile("sfence.vma" : : : "memory");
}

static inline void sfence_vma_addr(unsigned long va)
{
	asm volatile("sfence.vma %0, zero" : : "r"(va) : "memory");
}

static inline void sfence_vma_asid(unsigned long asid)
{
	asm volatile("sfence.vma zero, %0" : : "r"(asid) : "memory");
}

static inline void sfence_vma_addr_asid(unsigned long va, unsigned long asid)
{
	asm volatile("sfence.vma %0, %1" : : "r"(va), "r"(asid) : "memory");
}

#endif /* GUEST_PAGING_H */
