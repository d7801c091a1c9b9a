/* hv-test: qemu-skip: QEMU 7.2 SC.W after LR.D at the same address stores but returns failure */
// SPDX-License-Identifier: MIT
/*
 * LR/SC on one hart.  SC succeeds (rd = 0) on an undisturbed reservation and
 * fails (rd != 0, memory unchanged) with none, a second time, or at another
 * address.  Where the ISA leaves success or failure open (an intervening
 * store, a size mismatch) the outcome must at least be consistent: rd = 0
 * exactly when the SC's value is in memory.  Nothing may run between an LR
 * and its SC: an SBI call (e.g. a report) is a trap to the SBI, which may
 * drop the reservation.
 */
#include "guest.h"

static volatile uint64_t cell __attribute__((aligned(64)));
static volatile uint64_t other_cell __attribute__((aligned(64)));

/* Each pair is one asm statement so that no compiler-generated code separates them. */
static uint64_t lr_w_sc_w(volatile void *p, uint64_t v, uint64_t *loaded)
{
	uint64_t rc, old;

	asm volatile("lr.w %0, (%2)\n\tsc.w %1, %3, (%2)"
		     : "=&r"(old), "=&r"(rc)
		     : "r"(p), "r"(v)
		     : "memory");
	*loaded = old;
	return rc;
}

int main(unsigned long hartid, unsigned long dtb)
{
	uint64_t v, rc, rc2;

	(void)hartid;
	(void)dtb;

	cell = 0x1111111180000001ull;
	rc = lr_w_sc_w(&cell, 0x42, &v);
	CHECK_EQ("lr.w sign-extends", 0xffffffff80000001ull, v);
	CHECK_EQ("sc.w after lr.w succeeds", 0, rc);
	CHECK_EQ("sc.w stores only the low word", 0x1111111100000042ull, cell);

	/* A second SC with no LR in between: the reservation was consumed. */
	cell = 7;
	asm volatile("lr.d %0, (%3)\n\tsc.d %1, %4, (%3)\n\tsc.d %2, %5, (%3)"
		     : "=&r"(v), "=&r"(rc), "=&r"(rc2)
		     : "r"(&cell), "r"(8ull), "r"(9ull)
		     : "memory");
	CHECK_EQ("lr.d loads", 7, v);
	CHECK_EQ("sc.d after lr.d succeeds", 0, rc);
	CHECK("second sc.d fails", rc2 != 0);
	CHECK_EQ("failed sc.d leaves memory", 8, cell);

	/* SC with no reservation at all (the report above trapped to the SBI). */
	asm volatile("sc.w %0, %2, (%1)" : "=r"(rc) : "r"(&cell), "r"(0x99ull) : "memory");
	CHECK("sc.w without reservation fails", rc != 0);
	CHECK_EQ("failed sc.w leaves memory", 8, cell);

	/* SC to an address other than the LR's must fail. */
	other_cell = 5;
	asm volatile("lr.d %0, (%2)\n\tsc.d %1, %4, (%3)"
		     : "=&r"(v), "=&r"(rc)
		     : "r"(&cell), "r"(&other_cell), "r"(6ull)
		     : "memory");
	CHECK("sc.d to another address fails", rc != 0);
	CHECK_EQ("sc.d to another address leaves it", 5, other_cell);

	/* A store by this hart in between: success or failure, but consistent. */
	asm volatile("lr.d %0, (%2)\n\tsd %4, 0(%2)\n\tsc.d %1, %3, (%2)"
		     : "=&r"(v), "=&r"(rc)
		     : "r"(&cell), "r"(60ull), "r"(50ull)
		     : "memory");
	CHECK_EQ("sc.d after an intervening store is consistent", rc ? 50 : 60, cell);

	/* A size mismatch (LR.D then SC.W): may fail, but never "failed and stored". */
	cell = 0x100000002ull;
	asm volatile("lr.d %0, (%2)\n\tsc.w %1, %3, (%2)"
		     : "=&r"(v), "=&r"(rc)
		     : "r"(&cell), "r"(3ull)
		     : "memory");
	CHECK_EQ("sc.w after lr.d is consistent", rc ? 0x100000002ull : 0x100000003ull, cell);

	/* LR/SC retry loops converge, in both sizes. */
	cell = 0;
	for (int i = 0; i < 1000; i++) {
		do {
			rc = 0;
			asm volatile("lr.d %0, (%2)\n\taddi %0, %0, 1\n\tsc.d %1, %0, (%2)"
				     : "=&r"(v), "=&r"(rc)
				     : "r"(&cell)
				     : "memory");
		} while (rc);
	}
	CHECK_EQ("lr.d/sc.d increment loop x1000", 1000, cell);
	cell = 0xffffffff00000000ull;
	for (int i = 0; i < 1000; i++) {
		do {
			asm volatile("lr.w %0, (%2)\n\taddiw %0, %0, 1\n\tsc.w %1, %0, (%2)"
				     : "=&r"(v), "=&r"(rc)
				     : "r"(&cell)
				     : "memory");
		} while (rc);
	}
	CHECK_EQ("lr.w/sc.w increment loop x1000", 0xffffffff000003e8ull, cell);
	return 0;
}
