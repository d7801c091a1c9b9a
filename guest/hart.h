/* SPDX-License-Identifier: MIT */
/*
 * Per-hart runtime data.  tp always points to the running hart's struct
 * hart_local (set by the runtime at hart entry, reloaded by trap_entry), and
 * only the owning hart writes it, except where a field says otherwise.
 */
#ifndef GUEST_HART_H
#define GUEST_HART_H

#include "layout.h"
#include "trap.h"

struct hart_local {
	unsigned long hartid;	/* offset 0 */
	unsigned long user_ksp; /* offset HL_USER_KSP: S-mode sp saved by user_call */
	unsigned long user_sstatus;
	int user_active;

	/* Trap expectation, written by the trap handler on this hart. */
	volatile int expect_armed;
	volatile struct trap_info expect;

	volatile unsigned long irq_count[16];
	volatile unsigned long irq_last_epc;
	volatile long irq_last_vector;

	/* Written by the starting hart before HART_START; read by this hart. */
	void (*start_fn)(void *arg);
	void *start_arg;
};

_Static_assert(__builtin_offsetof(struct hart_local, user_ksp) == HL_USER_KSP,
	       "layout.h HL_USER_KSP out of date");

extern struct hart_local hart_locals[GUEST_MAX_HARTS];

static inline struct hart_local *this_hart(void)
{
	struct hart_local *hl;

	asm("mv %0, tp" : "=r"(hl));
	return hl;
}

/* The id of the calling hart. */
static inline unsigned long hart_id(void)
{
	return this_hart()->hartid;
}

/* Runtime internals: per-hart setup at entry (tp, sscratch, stvec, FP on). */
void hart_setup(unsigned long hartid);
unsigned long hart_user_stack_top(void);

#endif /* GUEST_HART_H */
