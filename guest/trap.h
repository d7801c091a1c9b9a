/* SPDX-License-Identifier: MIT */
/*
 * Traps in the guest: the stvec entry (trap_entry.S) saves every register
 * into a struct trap_frame on the hart's trap stack and calls trap_handle().
 *
 * Tests use it in three ways:
 *  - expect a trap: trap_expect(), run the faulting instruction, then
 *    trap_result().  The handler records scause/stval/sepc, then resumes
 *    past the instruction (sepc += 2 or 4).  For an instruction-fetch fault
 *    (causes 0, 1, 12) there is no instruction to skip, so it resumes at ra:
 *    reach the bad address with trap_call_addr(), which is a call.
 *  - interrupts: each is counted per hart (trap_irq_count()); an optional
 *    handler set with trap_set_irq_handler() runs, else a default one
 *    silences the source (clears sip.SSIP, or sie.STIE / sie.SEIE).
 *  - U-mode: user_call() runs a function in U-mode and returns its result.
 *
 * Any other trap is a test failure: it is reported and the test ends.
 * All functions act on the calling hart only.
 */
#ifndef GUEST_TRAP_H
#define GUEST_TRAP_H

#include <stdbool.h>
#include "layout.h"

struct trap_frame {
	unsigned long x[32]; /* x[2] is the interrupted sp */
	unsigned long sepc;
	unsigned long sstatus;
	unsigned long scause;
	unsigned long stval;
	long vector; /* -1 = direct mode, else the vectored-table slot taken */
	unsigned long pad;
};

_Static_assert(sizeof(struct trap_frame) == TF_SIZE, "layout.h TF_* out of date");

struct trap_info {
	unsigned long taken; /* number of traps while armed (0 or 1 normally) */
	unsigned long cause;
	unsigned long tval;
	unsigned long epc;
	unsigned long from_priv; /* PRV_S or PRV_U: sstatus.SPP at the trap */
	long vector;
};

typedef void (*trap_irq_fn)(struct trap_frame *f, unsigned int irq);

/* Per hart, done by the runtime before main() and for every started hart. */
void trap_init(void);

/* Switch stvec between direct mode and the vectored table (trap_vector_table). */
void trap_set_vectored(bool vectored);

/* A handler for interrupt @irq (IRQ_S_SOFT, IRQ_S_TIMER, IRQ_S_EXT), shared by all harts. */
void trap_set_irq_handler(unsigned int irq, trap_irq_fn fn);

/* Arm the expectation for the next exception on this hart. */
void trap_expect(void);

/* Disarm and return what was recorded (taken == 0: no trap happened). */
struct trap_info trap_result(void);

/* Interrupts of kind @irq taken on this hart since trap_irq_reset(). */
unsigned long trap_irq_count(unsigned int irq);
/* sepc and vector slot of the last interrupt taken on this hart. */
unsigned long trap_irq_last_epc(void);
long trap_irq_last_vector(void);
void trap_irq_reset(void);

/* Call @addr as a function: the way to take an instruction-fetch fault there. */
void trap_call_addr(unsigned long addr);

/*
 * user_call() - run @fn(@arg) in U-mode on this hart's user stack and return
 * its result.  @fn returns through a trampoline that ecalls back.  The code,
 * the stack and the trampoline must be reachable from U-mode: with satp = 0
 * they are; under paging, map an alias of RAM with PTE_U and use
 * user_call_alias() with @delta = alias VA - PA.
 */
long user_call(long (*fn)(long), long arg);
long user_call_alias(long (*fn)(long), long arg, unsigned long delta);

/* The sepc to resume at when @insn_addr faulted: past a 2- or 4-byte instruction. */
unsigned long trap_insn_len(unsigned long insn_addr);

#endif /* GUEST_TRAP_H */
