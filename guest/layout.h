/* SPDX-License-Identifier: MIT */
/*
 * Memory layout of the guest runtime, shared by the assembly (crt0.S,
 * trap_entry.S) and C.  Plain #defines only, so that both can include it.
 */
#ifndef GUEST_LAYOUT_H
#define GUEST_LAYOUT_H

/* Hart ids 0..GUEST_MAX_HARTS-1 are supported; a higher id parks forever. */
#define GUEST_MAX_HARTS 64

/* Per-hart stacks.  The trap stack is separate so that a trap from U-mode
 * (or from S-mode with a bad sp) never runs the handler on the interrupted stack. */
#define GUEST_STACK_SHIFT 14 /* 16 KiB */
#define GUEST_STACK_SIZE (1 << GUEST_STACK_SHIFT)
#define GUEST_TRAP_STACK_SHIFT 13 /* 8 KiB */
#define GUEST_TRAP_STACK_SIZE (1 << GUEST_TRAP_STACK_SHIFT)
#define GUEST_USER_STACK_SHIFT 12 /* 4 KiB, for code run in U-mode */
#define GUEST_USER_STACK_SIZE (1 << GUEST_USER_STACK_SHIFT)

/*
 * The top 16 bytes of each trap stack hold the hart's struct hart_local
 * pointer; sscratch points just below them.  trap_entry reloads tp from
 * there, because code running in U-mode may have clobbered tp.
 */
#define GUEST_TRAP_TOP_RESERVE 16

/* struct trap_frame: x0..x31, then the CSRs, then the vector index. */
#define TF_X(n) ((n)*8)
#define TF_SEPC 256
#define TF_SSTATUS 264
#define TF_SCAUSE 272
#define TF_STVAL 280
#define TF_VECTOR 288
#define TF_SIZE 304 /* a multiple of 16, as the ABI wants for sp */

/* struct hart_local offsets that assembly uses. */
#define HL_USER_KSP 8

/* a7 of the ecall that ends a user_call(); not an SBI extension id. */
#define GUEST_USER_EXIT_MAGIC 0x55534552 /* "USER" */

#endif /* GUEST_LAYOUT_H */
