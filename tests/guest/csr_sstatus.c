/* hv-test: qemu-skip: QEMU 7.2 lets S-mode write sstatus.UXL = 3 and keeps sepc bit 0 */
// SPDX-License-Identifier: MIT
/*
 * The supervisor CSR fields: sstatus SIE/SPIE/SPP/SUM/MXR/FS are writable,
 * UXL reads 2 (64-bit U-mode) and cannot be changed, SD is read-only and
 * follows FS, UBE is 0 (little-endian) and reserved bits read 0; sie keeps
 * only SSIE/STIE/SEIE; in sip only SSIP is writable by S-mode; sepc bit 0 is
 * always 0 (IALIGN = 16 with C); sscratch and stval hold any value; stvec
 * keeps Direct and Vectored modes.
 */
#include "guest.h"

#define SSTATUS_RW \
	(SSTATUS_SIE | SSTATUS_SPIE | SSTATUS_SPP | SSTATUS_SUM | SSTATUS_MXR | SSTATUS_FS)

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long saved = csr_read(sstatus), v;
	static const unsigned long fields[] = {SSTATUS_SPIE, SSTATUS_SPP, SSTATUS_SUM, SSTATUS_MXR};
	static const char *const names[] = {"SPIE", "SPP", "SUM", "MXR"};

	(void)hartid;
	(void)dtb;

	CHECK_EQ("UXL is 2 (64-bit)", SSTATUS_UXL_64, saved & SSTATUS_UXL);
	CHECK_EQ("UBE is 0 (little-endian)", 0, saved & SSTATUS_UBE);
	for (unsigned int i = 0; i < ARRAY_SIZE(fields); i++) {
		csr_set(sstatus, fields[i]);
		test_check_eqf(fields[i], csr_read(sstatus) & fields[i], "sstatus.%s sets",
			       names[i]);
		csr_clear(sstatus, fields[i]);
		test_check_eqf(0, csr_read(sstatus) & fields[i], "sstatus.%s clears", names[i]);
	}

	/* Write everything: only the defined writable fields stick, UXL stays. */
	csr_write(sstatus, ~0ul & ~SSTATUS_SIE);
	v = csr_read(sstatus);
	CHECK_EQ("all-ones write: writable fields set", SSTATUS_RW & ~SSTATUS_SIE,
		 v & (SSTATUS_RW & ~SSTATUS_SIE));
	CHECK_EQ("all-ones write: UXL unchanged", SSTATUS_UXL_64, v & SSTATUS_UXL);
	CHECK("all-ones write: SD set because FS is Dirty", v & SSTATUS_SD);
	CHECK_EQ("all-ones write: UBE stays 0", 0, v & SSTATUS_UBE);
	CHECK_EQ("all-ones write: reserved bits read 0", 0,
		 v & ~(SSTATUS_RW | SSTATUS_UXL | SSTATUS_SD | SSTATUS_XS | SSTATUS_VS));
	csr_write(sstatus, 0);
	v = csr_read(sstatus);
	CHECK_EQ("zero write: UXL unchanged", SSTATUS_UXL_64, v & SSTATUS_UXL);
	CHECK_EQ("zero write: SD clear", 0, v & SSTATUS_SD);
	csr_write(sstatus, saved);

	/* sie: only the three supervisor interrupt enables exist. */
	csr_write(sie, ~0ul);
	CHECK_EQ("sie keeps SSIE|STIE|SEIE", MIP_SSIP | MIP_STIP | MIP_SEIP, csr_read(sie));
	csr_write(sie, 0);
	CHECK_EQ("sie clears", 0, csr_read(sie));

	/* sip: S-mode can set and clear SSIP only. */
	csr_set(sip, MIP_SSIP);
	CHECK_EQ("sip.SSIP settable", MIP_SSIP, csr_read(sip) & MIP_SSIP);
	csr_clear(sip, MIP_SSIP);
	CHECK_EQ("sip.SSIP clearable", 0, csr_read(sip) & MIP_SSIP);
	sbi_set_timer(~0ul);
	csr_write(CSR_STIMECMP, ~0ul);
	csr_set(sip, MIP_STIP | MIP_SEIP);
	CHECK_EQ("sip.STIP/SEIP not writable by S", 0, csr_read(sip) & (MIP_STIP | MIP_SEIP));

	/* sepc: bit 0 is always zero. */
	csr_write(sepc, 0x80001235ul);
	CHECK_EQ("sepc bit 0 reads 0", 0x80001234ul, csr_read(sepc));
	csr_write(sepc, ~0ul);
	CHECK_EQ("sepc holds 63 bits", ~1ul, csr_read(sepc));

	v = csr_read(sscratch);
	csr_write(sscratch, 0xdeadbeefcafef00dul);
	CHECK_EQ("sscratch holds any value", 0xdeadbeefcafef00dul, csr_read(sscratch));
	csr_write(sscratch, v); /* the trap entry depends on it */

	csr_write(stval, 0x123456789abcdef0ul);
	CHECK_EQ("stval holds any value", 0x123456789abcdef0ul, csr_read(stval));

	v = csr_read(stvec);
	trap_set_vectored(true);
	CHECK_EQ("stvec keeps Vectored mode", 1, csr_read(stvec) & 3);
	trap_set_vectored(false);
	CHECK_EQ("stvec keeps Direct mode", 0, csr_read(stvec) & 3);
	CHECK_EQ("stvec restored", v, csr_read(stvec));
	return 0;
}
