/* SPDX-License-Identifier: MIT */
/*
 * The stvec entries and the U-mode call trampolines.
 *
 * sscratch always holds the top of this hart's trap stack (minus
 * GUEST_TRAP_TOP_RESERVE, where the hart_local pointer lives).  The entry swaps
 * it with sp, so the handler never runs on the interrupted stack, which may
 * be a U-mode stack or garbage.  Traps do not nest: the handler runs with
 * SIE = 0 and must not fault.
 */
#include "layout.h"

.macro SAVE_FROM_T0_VECTOR
	sd	t0, TF_VECTOR(sp)
	j	trap_save
.endm

	.text
	.balign 4
	.globl trap_entry
trap_entry:
	csrrw	sp, sscratch, sp
	addi	sp, sp, -TF_SIZE
	sd	t0, TF_X(5)(sp)
	li	t0, -1
	SAVE_FROM_T0_VECTOR

/*
 * Vectored mode: synchronous exceptions enter at slot 0, interrupt n at
 * slot n.  Each slot is one 4-byte jump (norvc: a 2-byte c.j would shift
 * every later slot).  The slot number is recorded in the frame so a test can
 * see which one was used.
 */
	.balign 256
	.globl trap_vector_table
trap_vector_table:
	.option push
	.option norvc
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	j	trap_vec_\n
	.endr
	.option pop

	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
trap_vec_\n:
	csrrw	sp, sscratch, sp
	addi	sp, sp, -TF_SIZE
	sd	t0, TF_X(5)(sp)
	li	t0, \n
	SAVE_FROM_T0_VECTOR
	.endr

trap_save:
	sd	x1, TF_X(1)(sp)
	sd	x3, TF_X(3)(sp)
	sd	x4, TF_X(4)(sp)
	sd	x6, TF_X(6)(sp)
	sd	x7, TF_X(7)(sp)
	sd	x8, TF_X(8)(sp)
	sd	x9, TF_X(9)(sp)
	sd	x10, TF_X(10)(sp)
	sd	x11, TF_X(11)(sp)
	sd	x12, TF_X(12)(sp)
	sd	x13, TF_X(13)(sp)
	sd	x14, TF_X(14)(sp)
	sd	x15, TF_X(15)(sp)
	sd	x16, TF_X(16)(sp)
	sd	x17, TF_X(17)(sp)
	sd	x18, TF_X(18)(sp)
	sd	x19, TF_X(19)(sp)
	sd	x20, TF_X(20)(sp)
	sd	x21, TF_X(21)(sp)
	sd	x22, TF_X(22)(sp)
	sd	x23, TF_X(23)(sp)
	sd	x24, TF_X(24)(sp)
	sd	x25, TF_X(25)(sp)
	sd	x26, TF_X(26)(sp)
	sd	x27, TF_X(27)(sp)
	sd	x28, TF_X(28)(sp)
	sd	x29, TF_X(29)(sp)
	sd	x30, TF_X(30)(sp)
	sd	x31, TF_X(31)(sp)
	csrr	t0, sscratch
	sd	t0, TF_X(2)(sp)
	addi	t0, sp, TF_SIZE
	csrw	sscratch, t0
	ld	tp, 0(t0)		/* hart_local, whatever U-mode did to tp */
	csrr	t0, sepc
	sd	t0, TF_SEPC(sp)
	csrr	t0, sstatus
	sd	t0, TF_SSTATUS(sp)
	csrr	t0, scause
	sd	t0, TF_SCAUSE(sp)
	csrr	t0, stval
	sd	t0, TF_STVAL(sp)

	mv	a0, sp
	call	trap_handle

	ld	t0, TF_SEPC(sp)
	csrw	sepc, t0
	ld	t0, TF_SSTATUS(sp)
	csrw	sstatus, t0
	ld	x1, TF_X(1)(sp)
	ld	x3, TF_X(3)(sp)
	ld	x4, TF_X(4)(sp)
	ld	x5, TF_X(5)(sp)
	ld	x6, TF_X(6)(sp)
	ld	x7, TF_X(7)(sp)
	ld	x8, TF_X(8)(sp)
	ld	x9, TF_X(9)(sp)
	ld	x10, TF_X(10)(sp)
	ld	x11, TF_X(11)(sp)
	ld	x12, TF_X(12)(sp)
	ld	x13, TF_X(13)(sp)
	ld	x14, TF_X(14)(sp)
	ld	x15, TF_X(15)(sp)
	ld	x16, TF_X(16)(sp)
	ld	x17, TF_X(17)(sp)
	ld	x18, TF_X(18)(sp)
	ld	x19, TF_X(19)(sp)
	ld	x20, TF_X(20)(sp)
	ld	x21, TF_X(21)(sp)
	ld	x22, TF_X(22)(sp)
	ld	x23, TF_X(23)(sp)
	ld	x24, TF_X(24)(sp)
	ld	x25, TF_X(25)(sp)
	ld	x26, TF_X(26)(sp)
	ld	x27, TF_X(27)(sp)
	ld	x28, TF_X(28)(sp)
	ld	x29, TF_X(29)(sp)
	ld	x30, TF_X(30)(sp)
	ld	x31, TF_X(31)(sp)
	ld	sp, TF_X(2)(sp)
	sret

/*
 * long __user_call(fn, arg, user_sp, delta): sret into U-mode at fn + delta
 * with a0 = arg, sp = user_sp and ra = the exit trampoline (+ delta).  The
 * trampoline's ecall comes back through trap_handle(), which resumes S-mode
 * at user_call_return with sp = hart_local->user_ksp and a0 = fn's result.
 * sstatus.SPP/SPIE are set by the C caller.
 */
	.globl __user_call
__user_call:
	addi	sp, sp, -112
	sd	ra, 0(sp)
	sd	s0, 8(sp)
	sd	s1, 16(sp)
	sd	s2, 24(sp)
	sd	s3, 32(sp)
	sd	s4, 40(sp)
	sd	s5, 48(sp)
	sd	s6, 56(sp)
	sd	s7, 64(sp)
	sd	s8, 72(sp)
	sd	s9, 80(sp)
	sd	s10, 88(sp)
	sd	s11, 96(sp)
	sd	sp, HL_USER_KSP(tp)
	add	a0, a0, a3
	csrw	sepc, a0
	mv	a0, a1
	mv	sp, a2
	la	ra, user_exit_trampoline
	add	ra, ra, a3
	sret

	.balign 4
user_exit_trampoline:
	li	a7, GUEST_USER_EXIT_MAGIC
	ecall
1:	j	1b			/* not reached */

	.globl user_call_return
user_call_return:
	ld	ra, 0(sp)
	ld	s0, 8(sp)
	ld	s1, 16(sp)
	ld	s2, 24(sp)
	ld	s3, 32(sp)
	ld	s4, 40(sp)
	ld	s5, 48(sp)
	ld	s6, 56(sp)
	ld	s7, 64(sp)
	ld	s8, 72(sp)
	ld	s9, 80(sp)
	ld	s10, 88(sp)
	ld	s11, 96(sp)
	addi	sp, sp, 112
	ret

/*
 * void trap_call_addr(addr): a call to @addr.  When the fetch faults, the
 * handler resumes at ra, i.e. right here after the jalr.  Every register the
 * callee could clobber is saved, since the callee may be anything.
 */
	.globl trap_call_addr
trap_call_addr:
	addi	sp, sp, -16
	sd	ra, 0(sp)
	jalr	ra, 0(a0)
	ld	ra, 0(sp)
	addi	sp, sp, 16
	ret
