/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * Accessed/Dirty bits, set by the hart as Svadu hardware does (hartvisor
 * documents this; QEMU 7.2 does the same by default): a load sets A only,
 * a store sets A and D, a fetch sets A; bits already set stay set; a page
 * whose A/D are updated keeps all its other PTE bits.  Each step changes
 * the PTE in memory and the test rereads it after sfence.vma.
 */
#include "pagetest.h"

int main(unsigned long hartid, unsigned long dtb)
{
	uint64_t *data = pt_alloc_page();
	uint32_t *code = code_page_make();
	volatile uint64_t *pte_r, *pte_w, *pte_x, *pte_2m;
	unsigned long va2m = VA_2M;
	struct pt pt;
	uint64_t before;

	(void)hartid;
	(void)dtb;
	pt_init(&pt, SATP_MODE_SV39);
	pt_map_ram_identity(&pt);
	pt_map(&pt, VA_4K, (unsigned long)data, PT_4K, PTE_R | PTE_W);
	pt_map(&pt, VA_4K + PT_4K, (unsigned long)data, PT_4K, PTE_R | PTE_W);
	pt_map(&pt, VA_4K + 2 * PT_4K, (unsigned long)code, PT_4K, PTE_R | PTE_X);
	pt_map(&pt, va2m, PT_RAM_BASE, PT_2M, PTE_R | PTE_W);
	pte_r = pt_leaf(&pt, VA_4K);
	pte_w = pt_leaf(&pt, VA_4K + PT_4K);
	pte_x = pt_leaf(&pt, VA_4K + 2 * PT_4K);
	pte_2m = pt_leaf(&pt, va2m);
	CHECK_EQ("fresh PTEs have A=D=0", 0,
		 (*pte_r | *pte_w | *pte_x | *pte_2m) & (PTE_A | PTE_D));

	pt_enable(&pt, 0);
	check_ok("load through A=0 page", try_load(VA_4K, NULL));
	CHECK_EQ("load sets A", PTE_A, *pte_r & PTE_A);
	CHECK_EQ("load leaves D clear", 0, *pte_r & PTE_D);

	before = *pte_w;
	check_ok("store through A=D=0 page", try_store(VA_4K + PT_4K, 9));
	CHECK_EQ("store sets A and D", PTE_A | PTE_D, *pte_w & (PTE_A | PTE_D));
	CHECK_EQ("A/D update keeps the other bits", before, *pte_w & ~(PTE_A | PTE_D));
	CHECK_EQ("store reached memory", 9, data[0]);

	check_ok("store through A=1 D=0 page", try_store(VA_4K, 10));
	CHECK_EQ("store after load sets D", PTE_A | PTE_D, *pte_r & (PTE_A | PTE_D));

	CHECK_EQ("fetch through A=0 page runs", 42, ((long (*)(void))(VA_4K + 2 * PT_4K))());
	CHECK_EQ("fetch sets A", PTE_A, *pte_x & PTE_A);
	CHECK_EQ("fetch leaves D clear", 0, *pte_x & PTE_D);

	check_ok("store through 2M superpage",
		 try_store(va2m + ((unsigned long)data - PT_RAM_BASE) % PT_2M, 11));
	CHECK_EQ("superpage store sets A and D", PTE_A | PTE_D, *pte_2m & (PTE_A | PTE_D));

	/* Clearing A in memory (plus sfence) makes the next access set it again. */
	*pte_r &= ~(PTE_A | PTE_D);
	sfence_vma_addr(VA_4K);
	check_ok("load after clearing A", try_load(VA_4K, NULL));
	CHECK_EQ("A set again after sfence", PTE_A, *pte_r & (PTE_A | PTE_D));
	pt_disable();
	return 0;
}
