/* SPDX-License-Identifier: MIT */
/*
 * state_entry: a start (and resume) address for the SBI tests (sbitest.h).
 * a0 = hart id, a1 = opaque.  Records a0, a1, satp, sstatus and sie in
 * entry_recs[a0], bumps its count, and enters the runtime at
 * guest_secondary_entry.  It uses only t0 and t1, and no stack.
 */
#include "layout.h"

#define ENTRY_REC_SHIFT 6 /* sizeof(struct entry_rec) == 64 */

	.text
	.balign 4
	.globl state_entry
state_entry:
	li	t0, GUEST_MAX_HARTS
	bgeu	a0, t0, 1f
	la	t0, entry_recs
	slli	t1, a0, ENTRY_REC_SHIFT
	add	t0, t0, t1
	sd	a0, 0(t0)		/* a0 */
	sd	a1, 8(t0)		/* a1 */
	csrr	t1, satp
	sd	t1, 16(t0)		/* satp */
	csrr	t1, sstatus
	sd	t1, 24(t0)		/* sstatus */
	csrr	t1, sie
	sd	t1, 32(t0)		/* sie */
	fence	rw, rw
	ld	t1, 40(t0)		/* count */
	addi	t1, t1, 1
	sd	t1, 40(t0)
	fence	rw, rw
1:	j	guest_secondary_entry

	.section .bss, "aw", @nobits
	.balign 64
	.globl entry_recs
	.type	entry_recs, @object
	.size	entry_recs, GUEST_MAX_HARTS << ENTRY_REC_SHIFT
entry_recs:
	.space	GUEST_MAX_HARTS << ENTRY_REC_SHIFT
