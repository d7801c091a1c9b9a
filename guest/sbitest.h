/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the SBI tests in tests/guest: a bounded wait, the HSM
 * state of a hart, a recording start/resume address (state_entry), and an
 * ecall that checks which registers the SBI implementation changed.
 */
#ifndef GUEST_SBITEST_H
#define GUEST_SBITEST_H

#include "guest.h"
#include "hartvisor/ucall.h"

#define TIMEBASE_HZ 10000000ul /* hartvisor and QEMU virt */

/* Spin until @cond, at most 10 s (a hang guard, not a timing requirement). */
#define WAIT_FOR(cond)                                               \
	({                                                           \
		unsigned long __end = time_now() + 10 * TIMEBASE_HZ; \
		bool __ok;                                           \
		while (!(__ok = !!(cond)) && time_now() < __end)     \
			;                                            \
		__ok;                                                \
	})

/* The HSM state of hart @h, or the SBI error of hart_get_status. */
static inline long hsm_status(unsigned long h)
{
	struct sbiret r = sbi_hart_get_status(h);

	return r.error ? r.error : r.value;
}

/*
 * state_entry (entryrec.S): a start (and resume) address.  It records a0,
 * a1, satp, sstatus and sie in entry_recs[a0] and bumps its count, before
 * any runtime code runs, then enters the runtime at guest_secondary_entry,
 * which runs hart_locals[a0].start_fn.  Those functions never return: they
 * end with hart_stop.
 */
struct entry_rec {
	unsigned long a0, a1, satp, sstatus, sie, count, pad[2];
};
_Static_assert(sizeof(struct entry_rec) == 64 && GUEST_MAX_HARTS == 64, "entryrec.S layout");
extern struct entry_rec entry_recs[GUEST_MAX_HARTS];
void state_entry(void);

/* How many times hart @h has entered state_entry. */
static inline unsigned long entry_count(unsigned long h)
{
	return __atomic_load_n(&entry_recs[h].count, __ATOMIC_ACQUIRE);
}

/* HART_START hart @h at state_entry with @opaque, to run @fn(@arg). */
static inline struct sbiret entry_start(unsigned long h, void (*fn)(void *), void *arg,
					unsigned long opaque)
{
	hart_locals[h].start_fn = fn;
	hart_locals[h].start_arg = arg;
	__sync_synchronize();
	return sbi_hart_start(h, (unsigned long)state_entry, opaque);
}

/* HART_STOP the calling hart, with interrupts off. */
static inline void hsm_stop_self(void)
{
	csr_clear(sstatus, SSTATUS_SIE);
	sbi_hart_stop();
}

/* A VMM counter (HV_UCALL_STATS), or ~0 when the host does not speak the ucall. */
static inline unsigned long hv_stat(unsigned long sel)
{
	struct sbiret r;

	if (!test_ucall_active())
		return ~0ul;
	r = sbi_ecall(HV_UCALL_EID, HV_UCALL_STATS, sel, 0, 0, 0, 0, 0);
	return r.error ? ~0ul : (unsigned long)r.value;
}

/*
 * sbi_clobber_call() (sbi_regs.S): load x1 and x3..x31 from @r[] (sp is
 * left alone), ecall, and store them back into @r[].  a7/a6/a0.. in
 * r[17]/r[16]/r[10].. are the call; every other slot is a pattern the
 * caller checks afterwards.  ra, gp, tp and s0-s11 are restored before
 * returning.
 */
void sbi_clobber_call(unsigned long *r);

/*
 * sbi_regs_call() - sbi_clobber_call(@r) and return the registers that the
 * call changed but must preserve, as a mask: bit n = xn.  Every register
 * but a0 must be preserved, and a1 too when @keep_a1 (the legacy calls).
 */
unsigned long sbi_regs_call(unsigned long *r, bool keep_a1);

#endif /* GUEST_SBITEST_H */
