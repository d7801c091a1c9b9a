/* hv-test: qemu-skip: QEMU 7.2 lets U-mode rdtime through with scounteren.TM clear */
// SPDX-License-Identifier: MIT
/*
 * scounteren gates the U-mode counters: with its CY/TM/IR bit clear,
 * rdcycle/rdtime/rdinstret in U-mode are illegal instructions; with it set
 * they read the counter.  S-mode reads them regardless, time never goes
 * backwards and advances, and the three bits are independent.
 */
#include "guest.h"

static long u_rdcycle(long arg)
{
	unsigned long v;

	asm volatile("rdcycle %0" : "=r"(v));
	return arg ? (long)v : 1;
}

static long u_rdtime(long arg)
{
	unsigned long v;

	asm volatile("rdtime %0" : "=r"(v));
	return arg ? (long)v : 1;
}

static long u_rdinstret(long arg)
{
	unsigned long v;

	asm volatile("rdinstret %0" : "=r"(v));
	return arg ? (long)v : 1;
}

static const struct {
	const char *name;
	long (*fn)(long);
	unsigned long bit;
} counters[] = {
	{"cycle", u_rdcycle, SCOUNTEREN_CY},
	{"time", u_rdtime, SCOUNTEREN_TM},
	{"instret", u_rdinstret, SCOUNTEREN_IR},
};

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long saved = csr_read(scounteren), t0, t1, u;
	struct trap_info t;

	(void)hartid;
	(void)dtb;

	for (unsigned int i = 0; i < ARRAY_SIZE(counters); i++) {
		/* Only this counter's bit off: the others must not matter. */
		csr_write(scounteren,
			  (SCOUNTEREN_CY | SCOUNTEREN_TM | SCOUNTEREN_IR) & ~counters[i].bit);
		trap_expect();
		user_call(counters[i].fn, 0);
		t = trap_result();
		test_check_eqf(CAUSE_ILLEGAL_INSTRUCTION, t.cause,
			       "U-mode rd%s with scounteren bit clear is illegal",
			       counters[i].name);
		test_check_eqf(PRV_U, t.from_priv, "U-mode rd%s trap came from U",
			       counters[i].name);

		csr_write(scounteren, counters[i].bit);
		CHECK_EQ("scounteren bit reads back", counters[i].bit,
			 csr_read(scounteren) & counters[i].bit);
		trap_expect();
		u = (unsigned long)user_call(counters[i].fn, 1);
		t = trap_result();
		test_check_eqf(0, t.taken, "U-mode rd%s with scounteren bit set is legal",
			       counters[i].name);
		test_checkf(u != 0, "U-mode rd%s reads a non-zero value", counters[i].name);
	}

	/* U-mode time agrees with S-mode time. */
	csr_write(scounteren, SCOUNTEREN_TM);
	t0 = time_now();
	u = (unsigned long)user_call(u_rdtime, 1);
	t1 = time_now();
	CHECK("U-mode time lies between two S-mode reads", t0 <= u && u <= t1);

	/* S-mode is not gated by scounteren. */
	csr_write(scounteren, 0);
	CHECK_EQ("scounteren cleared", 0, csr_read(scounteren));
	trap_expect();
	t0 = csr_read(time);
	(void)csr_read(cycle);
	(void)csr_read(instret);
	CHECK_EQ("S-mode counters readable with scounteren=0", 0, trap_result().taken);
	do {
		t1 = csr_read(time);
	} while (t1 == t0);
	CHECK("time advances", t1 > t0);

	csr_write(scounteren, saved);
	return 0;
}
