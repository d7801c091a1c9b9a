/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * satp is WARL: a write with an unsupported MODE (the reserved values 1-7,
 * 12-15, and Sv64 = 11) has no effect at all, whether translation is off
 * or on; Bare, Sv39 and Sv48 are accepted with their PPN; the ASID field
 * keeps the bits the hart implements (ASIDLEN may be 0..16), and whatever
 * it keeps reads back the same.  Every write is followed by sfence.vma and
 * uses a real page table (identity-mapped RAM), since a write that took
 * effect turns translation on.
 */
#include "guest.h"

int main(unsigned long hartid, unsigned long dtb)
{
	static const unsigned long bad_modes[] = {1, 2, 5, 7, 11, 12, 15};
	struct pt pt39, pt48;
	unsigned long v, asid_mask, sv39;

	(void)hartid;
	(void)dtb;
	pt_init(&pt39, SATP_MODE_SV39);
	pt_map_ram_identity(&pt39);
	pt_init(&pt48, SATP_MODE_SV48);
	pt_map_ram_identity(&pt48);

	CHECK_EQ("satp is 0 at boot", 0, csr_read(satp));
	for (unsigned int i = 0; i < ARRAY_SIZE(bad_modes); i++) {
		csr_write(satp,
			  (bad_modes[i] << SATP_MODE_SHIFT) | ((unsigned long)pt39.root >> 12));
		sfence_vma_all();
		test_check_eqf(0, csr_read(satp), "satp mode %lu ignored while Bare", bad_modes[i]);
	}

	sv39 = pt_satp(&pt39, 0);
	csr_write(satp, sv39);
	sfence_vma_all();
	CHECK_EQ("Sv39 accepted", sv39, csr_read(satp));
	for (unsigned int i = 0; i < ARRAY_SIZE(bad_modes); i++) {
		csr_write(satp,
			  (bad_modes[i] << SATP_MODE_SHIFT) | ((unsigned long)pt48.root >> 12));
		sfence_vma_all();
		test_check_eqf(sv39, csr_read(satp), "satp mode %lu ignored while Sv39",
			       bad_modes[i]);
	}
	CHECK("still translating after ignored writes", csr_read(satp) >> SATP_MODE_SHIFT == 8);

	/* ASID: write all ones; the kept bits are the implemented ASIDLEN. */
	csr_write(satp, pt_satp(&pt39, 0xffff));
	sfence_vma_all();
	v = csr_read(satp);
	asid_mask = (v >> SATP_ASID_SHIFT) & SATP_ASID_MASK;
	CHECK_EQ("ASID write keeps the mode", SATP_MODE_SV39, v >> SATP_MODE_SHIFT);
	CHECK_EQ("ASID write keeps the PPN", (unsigned long)pt39.root >> 12, v & SATP_PPN_MASK);
	CHECK("implemented ASID bits are low-order ones", (asid_mask & (asid_mask + 1)) == 0);
	csr_write(satp, pt_satp(&pt39, 0x5a5a));
	sfence_vma_all();
	CHECK_EQ("ASID reads back under the mask", 0x5a5a & asid_mask,
		 (csr_read(satp) >> SATP_ASID_SHIFT) & SATP_ASID_MASK);

	csr_write(satp, pt_satp(&pt48, 1));
	sfence_vma_all();
	v = csr_read(satp);
	CHECK_EQ("Sv48 accepted", SATP_MODE_SV48, v >> SATP_MODE_SHIFT);
	CHECK_EQ("Sv48 PPN", (unsigned long)pt48.root >> 12, v & SATP_PPN_MASK);

	pt_disable();
	CHECK_EQ("Bare accepted", 0, csr_read(satp));
	return 0;
}
