/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * sfence.vma after changing a PTE: by address (only that VA is
 * guaranteed refreshed), by ASID, and global; translations of two address
 * spaces with different ASIDs coexist and switching satp between them
 * picks the right one; a permission downgrade takes effect after the fence.
 * (Before a fence the hart may use either translation, so nothing is
 * checked there.)
 */
#include "pagetest.h"

int main(unsigned long hartid, unsigned long dtb)
{
	uint64_t *a = pt_alloc_page(), *b = pt_alloc_page();
	volatile uint64_t *pte;
	struct pt pt1, pt2;
	uint64_t v;

	(void)hartid;
	(void)dtb;
	a[0] = 0xaaaa;
	b[0] = 0xbbbb;
	pt_init(&pt1, SATP_MODE_SV39);
	pt_map_ram_identity(&pt1);
	pt_map(&pt1, VA_4K, (unsigned long)a, PT_4K, PTE_R | PTE_W | PTE_A | PTE_D);
	pt_map(&pt1, VA_4K + PT_4K, (unsigned long)a, PT_4K, PTE_R | PTE_W | PTE_A | PTE_D);
	pt_init(&pt2, SATP_MODE_SV39);
	pt_map_ram_identity(&pt2);
	pt_map(&pt2, VA_4K, (unsigned long)b, PT_4K, PTE_R | PTE_W | PTE_A | PTE_D);

	/* By address. */
	pt_enable(&pt1, 1);
	try_load(VA_4K, &v);
	CHECK_EQ("ASID 1 VA maps page a", 0xaaaa, v);
	try_load(VA_4K + PT_4K, &v); /* warm the TLB for the second page too */
	pte = pt_leaf(&pt1, VA_4K);
	*pte = pt_pte((unsigned long)b, PTE_R | PTE_W | PTE_A | PTE_D);
	sfence_vma_addr(VA_4K);
	try_load(VA_4K, &v);
	CHECK_EQ("after sfence.vma va: new PA", 0xbbbb, v);

	/* Downgrade to read-only: the store must fault after the fence. */
	*pte = pt_pte((unsigned long)b, PTE_R | PTE_A);
	sfence_vma_addr_asid(VA_4K, 1);
	check_pf("store after downgrade + sfence.vma va,asid", try_store(VA_4K, 1),
		 CAUSE_STORE_PAGE_FAULT, VA_4K);
	*pte = pt_pte((unsigned long)a, PTE_R | PTE_W | PTE_A | PTE_D);
	sfence_vma_all();

	/* Two ASIDs, switched without a fence: each sees its own page. */
	pt_enable(&pt2, 2);
	try_load(VA_4K, &v);
	CHECK_EQ("ASID 2 VA maps page b", 0xbbbb, v);
	csr_write(satp, pt_satp(&pt1, 1));
	try_load(VA_4K, &v);
	CHECK_EQ("back to ASID 1 without fence: page a", 0xaaaa, v);
	csr_write(satp, pt_satp(&pt2, 2));
	try_load(VA_4K, &v);
	CHECK_EQ("to ASID 2 again without fence: page b", 0xbbbb, v);

	/* Change ASID 1's mapping while running in ASID 2; fence ASID 1 only. */
	*pt_leaf(&pt1, VA_4K) = pt_pte((unsigned long)b, PTE_R | PTE_W | PTE_A | PTE_D);
	sfence_vma_asid(1);
	csr_write(satp, pt_satp(&pt1, 1));
	try_load(VA_4K, &v);
	CHECK_EQ("after sfence.vma zero, asid 1: ASID 1 sees the new PA", 0xbbbb, v);

	/* Unmap and fence globally: the VA faults. */
	*pt_leaf(&pt1, VA_4K + PT_4K) = 0;
	sfence_vma_all();
	check_pf("load after unmap + global sfence", try_load(VA_4K + PT_4K, NULL),
		 CAUSE_LOAD_PAGE_FAULT, VA_4K + PT_4K);
	pt_disable();
	return 0;
}
