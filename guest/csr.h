/* SPDX-License-Identifier: MIT */
/*
 * CSR access and the privileged-ISA constants the guest needs.  The constants
 * come from hartvisor's one privileged-ISA header (src/cpu/riscv.h), so the
 * guest and the hart agree on every name; only what that header lacks is
 * added here.
 */
#ifndef GUEST_CSR_H
#define GUEST_CSR_H

#include "cpu/riscv.h"

#define CSR_SIE_NUM 0x104

#ifndef CSR_STIMECMP
#define CSR_STIMECMP 0x14d
#endif

#define SATP_MODE_SV57 10ull
#define SATP_MODE_SV64 11ull

#define CAUSE_MISALIGNED_AMO CAUSE_MISALIGNED_STORE
#define CAUSE_IRQ_S_SOFT (CAUSE_INTERRUPT | IRQ_S_SOFT)
#define CAUSE_IRQ_S_TIMER (CAUSE_INTERRUPT | IRQ_S_TIMER)
#define CAUSE_IRQ_S_EXT (CAUSE_INTERRUPT | IRQ_S_EXT)

/* scounteren bits */
#define SCOUNTEREN_CY (1ull << 0)
#define SCOUNTEREN_TM (1ull << 1)
#define SCOUNTEREN_IR (1ull << 2)

#define __csr_str(x) #x
#define csr_str(x) __csr_str(x)

/* @csr may be a name the assembler knows or a number (e.g. CSR_STIMECMP). */
#define csr_read(csr)                                                            \
	({                                                                       \
		unsigned long __v;                                               \
		asm volatile("csrr %0, " csr_str(csr) : "=r"(__v) : : "memory"); \
		__v;                                                             \
	})

#define csr_write(csr, val) \
	({ asm volatile("csrw " csr_str(csr) ", %0" : : "rK"((unsigned long)(val)) : "memory"); })

#define csr_swap(csr, val)                                    \
	({                                                    \
		unsigned long __v;                            \
		asm volatile("csrrw %0, " csr_str(csr) ", %1" \
			     : "=r"(__v)                      \
			     : "rK"((unsigned long)(val))     \
			     : "memory");                     \
		__v;                                          \
	})

#define csr_set(csr, val) \
	({ asm volatile("csrs " csr_str(csr) ", %0" : : "rK"((unsigned long)(val)) : "memory"); })

#define csr_clear(csr, val) \
	({ asm volatile("csrc " csr_str(csr) ", %0" : : "rK"((unsigned long)(val)) : "memory"); })

static inline unsigned long time_now(void)
{
	unsigned long t;

	asm volatile("rdtime %0" : "=r"(t));
	return t;
}

static inline void irq_enable(void)
{
	csr_set(sstatus, SSTATUS_SIE);
}

static inline void irq_disable(void)
{
	csr_clear(sstatus, SSTATUS_SIE);
}

static inline void wfi(void)
{
	asm volatile("wfi" : : : "memory");
}

static inline void fence_i(void)
{
	asm volatile("fence.i" : : : "memory");
}

#endif /* GUEST_CSR_H */
