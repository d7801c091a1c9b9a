/* SPDX-License-Identifier: MIT */
/*
 * The interpreter: one function, interp_run(), that executes pre-decoded
 * instruction slots with GCC's computed goto.
 *
 * Shape of the loop:
 * - Instructions are decoded lazily into struct dslot (dcache.c), keyed by
 *   physical page, one slot per 2-byte offset.  A slot holds the address of
 *   its handler label, so dispatch is one indirect jump, and the fields the
 *   handler needs.  Each handler knows its instruction's length as a
 *   constant (compressible operations have a second copy for 2 bytes), so
 *   sequential flow is "slot pointer += constant": no load sits on that
 *   critical path.  The pc is not kept up to date while running; it is
 *   recomputed from the slot address when needed (PC()).
 * - A branch or jump inside the current page just moves the slot pointer.
 *   Leaving the page (or falling off its end) goes through the fetch TLB,
 *   whose entries point straight at the decoded page.
 * - Every retired instruction decrements one counter, `left`.  When it runs
 *   out, the instruction budget is checked, instret is updated, and
 *   pending interrupts are looked at (which reads the clock for the timer):
 *   so the clock is read at most once per INTERP_CHECK_INSNS instructions.
 *   Interrupts are also looked at on entry, after CSR writes and after
 *   sret.  The attention word is read at taken branches, jumps and page
 *   ends, which bounds the time to notice it by a basic block.
 * - Exceptions: set c->pc to the faulting instruction, trap_exception(),
 *   and continue at stvec through the lookup.  Anything that may change
 *   the translation of the pc (CSR writes, sret, sfence.vma, fence.i)
 *   also ends in the lookup.
 *
 * Where a compiled tier would go: a JIT would sit beside this loop, not
 * replace it.  The decoded page is the natural unit: a struct dpage (or a
 * run of slots in it, from a branch target to the next control transfer)
 * gets an optional pointer to host code, produced after the block has run
 * often enough (a counter in the slot of the block's first instruction).
 * The slot's handler would become an "enter compiled code" label that calls
 * it with (c, in, left) and gets back the next pc and the updated
 * counter, so that interrupts, attention, budget and exceptions still
 * funnel through this function's labels (a compiled block raises an
 * exception by returning the cause and the pc of the faulting
 * instruction).  Compiled code would use the same soft TLB arrays and the
 * same code-map check after stores, and the invalidation rules stay the
 * same: dropping a decoded page or resetting its slots drops its compiled
 * code with it.
 */
#include <stdatomic.h>

#include "cpu/decode.h"
#include "cpu/fpu.h"
#include "cpu/interp.h"

/* Retired instructions between budget/interrupt/timer checks. */
#define INTERP_CHECK_INSNS 2048

static inline uint64_t sext32(uint64_t v)
{
	return (uint64_t)(int64_t)(int32_t)(uint32_t)v;
}

/* FP operations carry rm | rs3 << 8 in the slot's imm. */
static inline bool op_is_fp_arith(unsigned int op)
{
	return op >= DECODE_OP_FMADD_S && op <= DECODE_OP_FMV_D_X;
}
_Static_assert(DECODE_OP_FMV_D_X == DECODE_OP_NR - 1, "FP arithmetic ops come last");

static inline bool op_is_rel_jump(unsigned int op)
{
	return (op >= DECODE_OP_BEQ && op <= DECODE_OP_BGEU) || op == DECODE_OP_JAL ||
	       op == DECODE_OP_JAL_X;
}

/*
 * @labels: interp_run()'s tables, [0] for 4-byte instructions and [1] for
 * the 2-byte copies of the handlers in DECODE_RVC_OPS (test_decode checks
 * that compressed instructions decode to nothing else).
 */
static void slot_fill(struct dslot *s, const struct decode_insn *d,
		      const void *const (*labels)[DECODE_OP_NR])
{
	s->rd = d->rd;
	s->rs1 = d->rs1;
	s->rs2 = d->rs2;
	s->imm = d->imm;
	if (op_is_rel_jump(d->op))
		s->imm = d->imm * (int32_t)(sizeof(struct dslot) / 2); /* bytes of slots */
	else if (op_is_fp_arith(d->op))
		s->imm = d->rm | d->rs3 << 8;
	s->h = labels[d->len == 2][d->op];
}

/*
 * Decode the instruction of slot @s of @dp, the page at virtual @vbase,
 * into the slot.  Returns 0, or the fetch exception to raise (with *tval)
 * when the second half of an instruction straddling two pages cannot be
 * fetched.
 */
static uint64_t slot_decode(struct cpu *c, struct dpage *dp, struct dslot *s, uint64_t vbase,
			    const void *const (*labels)[DECODE_OP_NR], uint64_t *tval)
{
	struct cpu_internal *in = c->internal;
	unsigned int off = (unsigned int)(s - dp->slot) * 2;
	uint32_t bits = __atomic_load_n((const uint16_t *)(dp->host + off), __ATOMIC_RELAXED);
	struct decode_insn d;

	if ((bits & 3) == 3) {
		if (likely(off < PAGE_SIZE - 2)) {
			bits |= (uint32_t)__atomic_load_n((const uint16_t *)(dp->host + off + 2),
							  __ATOMIC_RELAXED)
				<< 16;
		} else {
			/* The cross slot: the second half is in the next virtual page. */
			uint8_t *h2;
			uint64_t pa2;
			int r = mem_translate(c, vbase + PAGE_SIZE, MMU_EXEC, &h2, &pa2);

			*tval = vbase + PAGE_SIZE;
			if (r)
				return (uint64_t)r;
			if (!h2)
				return CAUSE_FETCH_ACCESS;
			bits |= (uint32_t)__atomic_load_n((const uint16_t *)h2, __ATOMIC_RELAXED)
				<< 16;
			dcache_mark(in, NULL, pa2, 2);
			dcache_add_xslot(in, dp, vbase);
		}
	}
	decode_insn(bits, &d);
	slot_fill(s, &d, labels);
	dcache_mark(in, dp, dp->pa + off, off < PAGE_SIZE - 2 ? d.len : 2);
	return 0;
}

static inline uint64_t mulh(int64_t a, int64_t b)
{
	return (uint64_t)(((__int128)a * b) >> 64);
}

static inline uint64_t mulhsu(int64_t a, uint64_t b)
{
	return (uint64_t)(((__int128)a * (__int128)b) >> 64);
}

static inline uint64_t mulhu(uint64_t a, uint64_t b)
{
	return (uint64_t)(((unsigned __int128)a * b) >> 64);
}

static inline uint64_t div64(int64_t a, int64_t b)
{
	if (b == 0)
		return ~0ull;
	if (a == INT64_MIN && b == -1)
		return (uint64_t)a;
	return (uint64_t)(a / b);
}

static inline uint64_t rem64(int64_t a, int64_t b)
{
	if (b == 0)
		return (uint64_t)a;
	if (a == INT64_MIN && b == -1)
		return 0;
	return (uint64_t)(a % b);
}

static inline uint64_t divw(int32_t a, int32_t b)
{
	if (b == 0)
		return ~0ull;
	if (a == INT32_MIN && b == -1)
		return sext32((uint32_t)a);
	return sext32((uint32_t)(a / b));
}

static inline uint64_t remw(int32_t a, int32_t b)
{
	if (b == 0)
		return sext32((uint32_t)a);
	if (a == INT32_MIN && b == -1)
		return 0;
	return sext32((uint32_t)(a % b));
}

/* AMO min/max by compare-and-swap; the rest map onto __atomic_fetch_*. */
#define AMO_CAS_FN(name, T, pick)                                                        \
	static inline T name(T *p, T b)                                                  \
	{                                                                                \
		T a = __atomic_load_n(p, __ATOMIC_RELAXED);                              \
		while (!__atomic_compare_exchange_n(p, &a, (pick) ? a : b, false,        \
						    __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) \
			;                                                                \
		return a;                                                                \
	}
AMO_CAS_FN(amo_min_w, uint32_t, (int32_t)a < (int32_t)b)
AMO_CAS_FN(amo_max_w, uint32_t, (int32_t)a > (int32_t)b)
AMO_CAS_FN(amo_minu_w, uint32_t, a < b)
AMO_CAS_FN(amo_maxu_w, uint32_t, a > b)
AMO_CAS_FN(amo_min_d, uint64_t, (int64_t)a < (int64_t)b)
AMO_CAS_FN(amo_max_d, uint64_t, (int64_t)a > (int64_t)b)
AMO_CAS_FN(amo_minu_d, uint64_t, a < b)
AMO_CAS_FN(amo_maxu_d, uint64_t, a > b)

#define F32_SIGN 0x80000000u
#define F64_SIGN 0x8000000000000000ull

/*
 * FENCE: a full host fence when earlier writes must be ordered before later
 * reads (the one ordering x86 does not give for free); otherwise an
 * acquire-release fence, which costs nothing on x86 and is what the other
 * combinations need on weaker hosts.  fm/pred/succ = imm[11:8]/[7:4]/[3:0].
 */
static inline void interp_fence(int32_t imm)
{
	if ((imm & 0x50) && (imm & 0x0a))
		atomic_thread_fence(memory_order_seq_cst);
	else
		atomic_thread_fence(memory_order_acq_rel);
}

/*
 * Slots store this function's label addresses across calls: it must exist
 * exactly once, never inlined or cloned (clang has no noclone attribute,
 * and does not clone a function whose labels' addresses are taken).
 */
#ifdef __clang__
#define INTERP_NOCLONE __attribute__((noinline))
#else
#define INTERP_NOCLONE __attribute__((noinline, noclone))
#endif

INTERP_NOCLONE enum cpu_exit interp_run(struct cpu *c, uint64_t budget)
{
#define INTERP_LABEL(name) [DECODE_OP_##name] = &&op_##name,
#define INTERP_LABEL_C(name) [DECODE_OP_##name] = &&op_##name##_C,
	static const void *const labels[2][DECODE_OP_NR] = {
		{DECODE_OPS(INTERP_LABEL)},
		{DECODE_RVC_OPS(INTERP_LABEL_C)},
	};
#undef INTERP_LABEL
#undef INTERP_LABEL_C
	struct cpu_internal *const in = c->internal;
	_Atomic uint32_t *const att = in->attention;
	uint64_t *const x = c->x;
	const struct tlb_entry *tlb_r, *tlb_w;
	struct dslot *s = NULL, *s0 = NULL;
	uint64_t vbase = 0;
	int64_t left, quota;
	uint64_t budget_rem = budget, traps = 0;
	uint64_t exc_cause = 0, exc_tval = 0;
	uint64_t csr_arg = 0, csr_old = 0;
	bool csr_set = false;
	const struct tlb_xentry *xe;
	struct dpage *dp = NULL;
	enum cpu_exit ex;

	in->lbl_undecoded = &&op_UNDECODED;
	in->lbl_page_end = &&op_PAGE_END;
	if (!budget)
		return CPU_EXIT_BUDGET;
	/*
	 * Nothing outside the core changes priv, satp or sstatus without
	 * hart_mmu_changed() (cpu_set_csr, cpu_set_priv, cpu_reset), so entry
	 * need not recompute the TLB context: every SBI call comes through here.
	 */
	if (atomic_load_explicit(att, memory_order_acquire))
		return CPU_EXIT_ATTENTION;
	trap_check_irq(c);
	left = quota = budget < INTERP_CHECK_INSNS ? (int64_t)budget : INTERP_CHECK_INSNS;
	goto lookup;

/* The pc of the instruction in slot s. */
#define PC() (vbase + (((uintptr_t)s - (uintptr_t)s0) >> DSLOT_PC_SHIFT))
#define NEXT_PC() (PC() + (ln_ >> DSLOT_PC_SHIFT))
#define RD (s->rd)
#define RS1 (x[s->rs1])
#define RS2 (x[s->rs2])
#define IMM ((int64_t)s->imm)
/* For handlers whose rd may be x0 (the decoder turned the others into NOP). */
#define WX(r, v)            \
	do {                \
		x[r] = (v); \
		x[0] = 0;   \
	} while (0)
#define DISPATCH() goto * s->h
/*
 * Retire the instruction in slot s and run the one after it.  ln_ is a
 * constant in every handler (see INSN): advancing by a value loaded from
 * the slot would put a load on the critical path of every instruction.
 */
#define NEXT()                                         \
	do {                                           \
		s = (struct dslot *)((char *)s + ln_); \
		if (unlikely(--left <= 0))             \
			goto ev;                       \
		DISPATCH();                            \
	} while (0)
/* A handler; its body sees ln_, the instruction's length in slot bytes. */
#define INSN(name, ...)                      \
	op_##name:                           \
	{                                    \
		const unsigned int ln_ = 32; \
		(void)ln_;                   \
		__VA_ARGS__                  \
	}
/* A handler that compressed instructions use too: a second copy for 2 bytes. */
#define INSN2(name, ...)                     \
	INSN(name, __VA_ARGS__)              \
	op_##name##_C:                       \
	{                                    \
		const unsigned int ln_ = 16; \
		(void)ln_;                   \
		__VA_ARGS__                  \
	}
/* Retire a taken branch/jump that landed on slot s (in this page). */
#define CF_NEXT()                                                              \
	do {                                                                   \
		if (unlikely(--left <= 0) ||                                   \
		    unlikely(atomic_load_explicit(att, memory_order_relaxed))) \
			goto ev;                                               \
		DISPATCH();                                                    \
	} while (0)
/* Taken: pc-relative; the offset is in slot bytes. */
#define JUMP_REL()                                                                \
	do {                                                                      \
		uintptr_t t_ = (uintptr_t)s + (uintptr_t)(intptr_t)s->imm;        \
		if (likely(t_ - (uintptr_t)s0 < DSLOTS * sizeof(struct dslot))) { \
			s = (struct dslot *)t_;                                   \
			CF_NEXT();                                                \
		}                                                                 \
		c->pc = PC() + (uint64_t)(IMM >> DSLOT_PC_SHIFT);                 \
		goto jump_far;                                                    \
	} while (0)
#define JUMP_ABS(target)                                        \
	do {                                                    \
		uint64_t t_ = (target);                         \
		if (likely((t_ ^ vbase) < PAGE_SIZE)) {         \
			s = s0 + ((t_ & (PAGE_SIZE - 1)) >> 1); \
			CF_NEXT();                              \
		}                                               \
		c->pc = t_;                                     \
		goto jump_far;                                  \
	} while (0)
#define BRANCH(cond)                \
	do {                        \
		if (cond)           \
			JUMP_REL(); \
		NEXT();             \
	} while (0)
/* Raise an exception at the instruction in slot s. */
#define EXC(cause, tval)             \
	do {                         \
		exc_cause = (cause); \
		exc_tval = (tval);   \
		goto exc;            \
	} while (0)
/* Bring instret and the budget up to date (instret: not counting trapped slots). */
#define ACCOUNT()                                          \
	do {                                               \
		uint64_t used_ = (uint64_t)(quota - left); \
		in->instret += used_ - traps;              \
		budget_rem -= used_;                       \
		quota = left;                              \
		traps = 0;                                 \
	} while (0)

/*
 * Loads and stores: the TLB hit on an aligned access is inline; anything
 * else (miss, misaligned, page-straddling, MMIO, fault) is mem.c's.
 */
#define LOAD(T, v)                                                                            \
	uint64_t v;                                                                           \
	do {                                                                                  \
		uint64_t va_ = RS1 + IMM;                                                     \
		const struct tlb_entry *e_ = &tlb_r[tlb_index(va_)];                          \
		if (likely(e_->tag == (va_ & (TLB_PAGE_MASK | (sizeof(T) - 1))))) {           \
			v = __atomic_load_n((const T *)(e_->addend + va_), __ATOMIC_RELAXED); \
		} else {                                                                      \
			uint64_t tv_, v_;                                                     \
			int r_ = mem_load(c, va_, sizeof(T), &v_, &tv_);                      \
			if (unlikely(r_))                                                     \
				EXC(r_, tv_);                                                 \
			v = v_;                                                               \
		}                                                                             \
	} while (0)
#define STORE(T, val)                                                                           \
	do {                                                                                    \
		uint64_t va_ = RS1 + IMM;                                                       \
		const struct tlb_entry *e_ = &tlb_w[tlb_index(va_)];                            \
		if (likely(e_->tag == (va_ & (TLB_PAGE_MASK | (sizeof(T) - 1))))) {             \
			uint8_t *h_ = (uint8_t *)(e_->addend + va_);                            \
			__atomic_store_n((T *)h_, (T)(val), __ATOMIC_RELAXED);                  \
			if (unlikely(__atomic_load_n(                                           \
				    &in->codemap[(size_t)(h_ - in->ram) >> CODE_GRANULE_SHIFT], \
				    __ATOMIC_RELAXED)))                                         \
				dcache_code_written(in, h_, sizeof(T));                         \
		} else {                                                                        \
			uint64_t tv_;                                                           \
			int r_ = mem_store(c, va_, sizeof(T), (val), &tv_);                     \
			if (unlikely(r_))                                                       \
				EXC(r_, tv_);                                                   \
		}                                                                               \
	} while (0)
/* LR/SC/AMO: an aligned RAM address, translated for @acc. */
#define ATOMIC_PTR(T, acc, p)                                           \
	T *p;                                                           \
	do {                                                            \
		void *h_;                                               \
		int r_ = mem_atomic_ptr(c, RS1, sizeof(T), (acc), &h_); \
		if (unlikely(r_))                                       \
			EXC(r_, RS1);                                   \
		p = h_;                                                 \
	} while (0)
#define AMO_W(name, ...)                                                           \
	INSN(name, ATOMIC_PTR(uint32_t, MMU_WRITE, p); uint32_t b = (uint32_t)RS2; \
	     WX(RD, sext32(__VA_ARGS__)); NEXT();)
#define AMO_D(name, ...)                                                                        \
	INSN(name, ATOMIC_PTR(uint64_t, MMU_WRITE, p); uint64_t b = RS2; WX(RD, (__VA_ARGS__)); \
	     NEXT();)

/* FP: sstatus.FS Off makes every FP instruction illegal. */
#define FP_ON()                                                 \
	do {                                                    \
		if (unlikely(!(in->csrs.sstatus & SSTATUS_FS))) \
			goto illegal_rt;                        \
	} while (0)
#define FP_DIRTY() (in->csrs.sstatus |= SSTATUS_FS_DIRTY)
#define FFLAGS (&in->csrs.fflags)
#define F(r) (c->f[r])
#define FS1 fpu_unbox_s(c->f[s->rs1])
#define FS2 fpu_unbox_s(c->f[s->rs2])
#define FS3 fpu_unbox_s(c->f[(unsigned int)s->imm >> 8])
#define FD1 (c->f[s->rs1])
#define FD2 (c->f[s->rs2])
#define FD3 (c->f[(unsigned int)s->imm >> 8])
/* The rounding mode: static, or frm for DYN, which must then hold a valid mode. */
#define FP_RM(rm)                                   \
	unsigned int rm = (unsigned int)s->imm & 7; \
	do {                                        \
		if (rm == FPU_DYN) {                \
			rm = in->csrs.frm;          \
			if (unlikely(rm > FPU_RMM)) \
				goto illegal_rt;    \
		}                                   \
	} while (0)
/*
 * An FP result to f[rd].  FP_RM() is harmless for the operations without a
 * rounding mode: their rm field reads 0.
 */
#define FOP(name, ...) \
	INSN(name, FP_ON(); FP_RM(rm); (void)rm; F(RD) = (__VA_ARGS__); FP_DIRTY(); NEXT();)
/* An integer result to x[rd]; fflags written only if an exception was raised. */
#define FOPX(name, ...)                                                                     \
	INSN(                                                                               \
		name, uint32_t fl = 0; FP_ON(); FP_RM(rm); (void)rm; WX(RD, (__VA_ARGS__)); \
		if (fl) {                                                                   \
			in->csrs.fflags |= fl;                                              \
			FP_DIRTY();                                                         \
		} NEXT();)

lookup:
	/* Only the API can set an odd pc; everything else keeps it even. */
	if (unlikely(c->pc & 1)) {
		exc_cause = CAUSE_MISALIGNED_FETCH;
		exc_tval = c->pc;
		goto take_exc;
	}
	tlb_r = in->tlb_r;
	tlb_w = in->tlb_w;
	xe = &in->tlb_x[tlb_index(c->pc)];
	if (likely(xe->tag == (c->pc & TLB_PAGE_MASK))) {
		dp = xe->dp;
	} else {
		int r = mem_fetch_page(c, c->pc, &dp);

		if (unlikely(r)) {
			exc_cause = (uint64_t)r;
			exc_tval = c->pc;
			goto take_exc;
		}
	}
	s0 = dp->slot;
	vbase = c->pc & TLB_PAGE_MASK;
	s = s0 + ((c->pc & (PAGE_SIZE - 1)) >> 1);
	/* Entered through an alias: the cross slot's second half may differ here. */
	if (unlikely(dp->xslot) && dp->xslot_va != vbase)
		dp->slot[DSLOTS - 1].h = in->lbl_undecoded;
	DISPATCH();

	/* A taken jump out of this page, to c->pc. */
jump_far:
	if (unlikely(--left <= 0) || unlikely(atomic_load_explicit(att, memory_order_relaxed)))
		goto ev_pc;
	goto lookup;

exc:
	c->pc = PC();
take_exc:
	trap_exception(c, exc_cause, exc_tval);
	/* Counted against the budget, so that a trap loop cannot hang cpu_run(). */
	traps++;
	if (unlikely(--left <= 0) || unlikely(atomic_load_explicit(att, memory_order_relaxed)))
		goto ev_pc;
	goto lookup;

illegal_rt:
	/* Illegal by the hart's state rather than by encoding: refetch the bits for stval. */
	c->pc = PC();
	exc_cause = CAUSE_ILLEGAL_INSTRUCTION;
	exc_tval = mem_insn_bits(c, c->pc);
	goto take_exc;

	/* Periodic: budget, attention, interrupts (and through them the timer). */
ev:
	c->pc = PC();
ev_pc:
	ACCOUNT();
	if (!budget_rem) {
		ex = CPU_EXIT_BUDGET;
		goto out;
	}
	if (atomic_load_explicit(att, memory_order_acquire)) {
		ex = CPU_EXIT_ATTENTION;
		goto out;
	}
	trap_check_irq(c);
	left = quota = budget_rem < INTERP_CHECK_INSNS ? (int64_t)budget_rem : INTERP_CHECK_INSNS;
	goto lookup;

	/* Leave with the instruction in slot s retired and c->pc set. */
exit_retired:
	--left;
	ACCOUNT();
out:
	return ex;

	/* ---- the interpreter's own slots ---------------------------------------------- */

op_UNDECODED:
	exc_cause = slot_decode(c, dp, s, vbase, labels, &exc_tval);
	if (unlikely(exc_cause))
		goto exc;
	DISPATCH();

op_PAGE_END:
	/* Fell off the page: the instruction before was retired already. */
	c->pc = PC();
	if (unlikely(atomic_load_explicit(att, memory_order_relaxed)))
		goto ev_pc;
	goto lookup;

	INSN2(ILLEGAL, EXC(CAUSE_ILLEGAL_INSTRUCTION, (uint32_t)s->imm);)
	INSN2(NOP, NEXT();)

	/* ---- RV64I ------------------------------------------------------------------- */

	INSN2(LUI, x[RD] = (uint64_t)IMM; NEXT();)
	INSN(AUIPC, x[RD] = PC() + (uint64_t)IMM; NEXT();)
	INSN(JAL, x[RD] = NEXT_PC(); JUMP_REL();)
	INSN2(JAL_X, JUMP_REL();)
	INSN2(JALR, uint64_t t = (RS1 + (uint64_t)IMM) & ~1ull; x[RD] = NEXT_PC(); JUMP_ABS(t);)
	INSN2(JALR_X, JUMP_ABS((RS1 + (uint64_t)IMM) & ~1ull);)

	INSN2(BEQ, BRANCH(RS1 == RS2);)
	INSN2(BNE, BRANCH(RS1 != RS2);)
	INSN(BLT, BRANCH((int64_t)RS1 < (int64_t)RS2);)
	INSN(BGE, BRANCH((int64_t)RS1 >= (int64_t)RS2);)
	INSN(BLTU, BRANCH(RS1 < RS2);)
	INSN(BGEU, BRANCH(RS1 >= RS2);)

	/* Loads may target x0 (they still access memory): WX. */
	INSN(LB, LOAD(uint8_t, v); WX(RD, (uint64_t)(int64_t)(int8_t)v); NEXT();)
	INSN(LH, LOAD(uint16_t, v); WX(RD, (uint64_t)(int64_t)(int16_t)v); NEXT();)
	INSN2(LW, LOAD(uint32_t, v); WX(RD, sext32(v)); NEXT();)
	INSN2(LD, LOAD(uint64_t, v); WX(RD, v); NEXT();)
	INSN(LBU, LOAD(uint8_t, v); WX(RD, (uint8_t)v); NEXT();)
	INSN(LHU, LOAD(uint16_t, v); WX(RD, (uint16_t)v); NEXT();)
	INSN(LWU, LOAD(uint32_t, v); WX(RD, (uint32_t)v); NEXT();)
	INSN(SB, STORE(uint8_t, RS2); NEXT();)
	INSN(SH, STORE(uint16_t, RS2); NEXT();)
	INSN2(SW, STORE(uint32_t, RS2); NEXT();)
	INSN2(SD, STORE(uint64_t, RS2); NEXT();)

	INSN2(ADDI, x[RD] = RS1 + (uint64_t)IMM; NEXT();)
	INSN(SLTI, x[RD] = (int64_t)RS1 < IMM; NEXT();)
	INSN(SLTIU, x[RD] = RS1 < (uint64_t)IMM; NEXT();)
	INSN(XORI, x[RD] = RS1 ^ (uint64_t)IMM; NEXT();)
	INSN(ORI, x[RD] = RS1 | (uint64_t)IMM; NEXT();)
	INSN2(ANDI, x[RD] = RS1 & (uint64_t)IMM; NEXT();)
	INSN2(SLLI, x[RD] = RS1 << s->imm; NEXT();)
	INSN2(SRLI, x[RD] = RS1 >> s->imm; NEXT();)
	INSN2(SRAI, x[RD] = (uint64_t)((int64_t)RS1 >> s->imm); NEXT();)
	INSN2(ADD, x[RD] = RS1 + RS2; NEXT();)
	INSN2(SUB, x[RD] = RS1 - RS2; NEXT();)
	INSN(SLL, x[RD] = RS1 << (RS2 & 63); NEXT();)
	INSN(SLT, x[RD] = (int64_t)RS1 < (int64_t)RS2; NEXT();)
	INSN(SLTU, x[RD] = RS1 < RS2; NEXT();)
	INSN2(XOR, x[RD] = RS1 ^ RS2; NEXT();)
	INSN(SRL, x[RD] = RS1 >> (RS2 & 63); NEXT();)
	INSN(SRA, x[RD] = (uint64_t)((int64_t)RS1 >> (RS2 & 63)); NEXT();)
	INSN2(OR, x[RD] = RS1 | RS2; NEXT();)
	INSN2(AND, x[RD] = RS1 & RS2; NEXT();)
	INSN2(ADDIW, x[RD] = sext32(RS1 + (uint64_t)IMM); NEXT();)
	INSN(SLLIW, x[RD] = sext32((uint32_t)RS1 << s->imm); NEXT();)
	INSN(SRLIW, x[RD] = sext32((uint32_t)RS1 >> s->imm); NEXT();)
	INSN(SRAIW, x[RD] = (uint64_t)(int64_t)((int32_t)RS1 >> s->imm); NEXT();)
	INSN2(ADDW, x[RD] = sext32(RS1 + RS2); NEXT();)
	INSN2(SUBW, x[RD] = sext32(RS1 - RS2); NEXT();)
	INSN(SLLW, x[RD] = sext32((uint32_t)RS1 << (RS2 & 31)); NEXT();)
	INSN(SRLW, x[RD] = sext32((uint32_t)RS1 >> (RS2 & 31)); NEXT();)
	INSN(SRAW, x[RD] = (uint64_t)(int64_t)((int32_t)RS1 >> (RS2 & 31)); NEXT();)

	/* ---- M ------------------------------------------------------------------------ */

	INSN(MUL, x[RD] = RS1 * RS2; NEXT();)
	INSN(MULH, x[RD] = mulh((int64_t)RS1, (int64_t)RS2); NEXT();)
	INSN(MULHSU, x[RD] = mulhsu((int64_t)RS1, RS2); NEXT();)
	INSN(MULHU, x[RD] = mulhu(RS1, RS2); NEXT();)
	INSN(DIV, x[RD] = div64((int64_t)RS1, (int64_t)RS2); NEXT();)
	INSN(DIVU, x[RD] = RS2 ? RS1 / RS2 : ~0ull; NEXT();)
	INSN(REM, x[RD] = rem64((int64_t)RS1, (int64_t)RS2); NEXT();)
	INSN(REMU, x[RD] = RS2 ? RS1 % RS2 : RS1; NEXT();)
	INSN(MULW, x[RD] = sext32(RS1 * RS2); NEXT();)
	INSN(DIVW, x[RD] = divw((int32_t)RS1, (int32_t)RS2); NEXT();)
	INSN(DIVUW, x[RD] = (uint32_t)RS2 ? sext32((uint32_t)RS1 / (uint32_t)RS2) : ~0ull; NEXT();)
	INSN(REMW, x[RD] = remw((int32_t)RS1, (int32_t)RS2); NEXT();)
	INSN(REMUW, x[RD] = (uint32_t)RS2 ? sext32((uint32_t)RS1 % (uint32_t)RS2) : sext32(RS1);
	     NEXT();)

	/* ---- system -------------------------------------------------------------------- */

	INSN(FENCE, interp_fence(s->imm); NEXT();)
	INSN(FENCE_I, dcache_flush(in); c->pc = NEXT_PC(); goto jump_far;)
	/* From S-mode, an SBI call: the VMM handles it and steps over it. */
	INSN(ECALL, if (c->priv == PRV_U) EXC(CAUSE_USER_ECALL, 0); c->pc = PC();
	     ex = CPU_EXIT_ECALL; goto exit_retired;)
	INSN2(EBREAK, EXC(CAUSE_BREAKPOINT, PC());)
	/* xRET may clear the LR reservation; doing so is the safer choice. */
	INSN(SRET, if (c->priv == PRV_U) goto illegal_rt; in->resv_host = NULL; trap_sret(c);
	     trap_check_irq(c); goto jump_far;)
	INSN(WFI, if (c->priv == PRV_U) goto illegal_rt; if (cpu_irq_pending(c)) NEXT();
	     c->pc = NEXT_PC(); ex = CPU_EXIT_WFI; goto exit_retired;)
	INSN(SFENCE_VMA, if (c->priv == PRV_U) goto illegal_rt;
	     tlb_sfence(c, s->rs1 == 0, RS1, s->rs2 == 0, RS2); c->pc = NEXT_PC(); goto jump_far;)

	/*
	 * Zicsr.  csrrw with rd = x0 does not read; csrrs/csrrc with rs1 = x0
	 * and the immediate forms with zimm = 0 do not write.  After a write,
	 * interrupts may have become enabled and the translation of the pc may
	 * have changed: both are looked at before the next instruction.
	 */
	INSN(CSRRW, csr_arg = RS1; goto csrrw;)
	INSN(CSRRWI, csr_arg = s->rs1; goto csrrw;)
	INSN(CSRRS, csr_arg = RS1; csr_set = true; goto csrrsc;)
	INSN(CSRRSI, csr_arg = s->rs1; csr_set = true; goto csrrsc;)
	INSN(CSRRC, csr_arg = RS1; csr_set = false; goto csrrsc;)
	INSN(CSRRCI, csr_arg = s->rs1; csr_set = false; goto csrrsc;)
csrrw:
	ACCOUNT(); /* instret must be exact if this reads it */
	csr_old = 0;
	if (RD && csr_read(c, (unsigned int)s->imm, &csr_old))
		goto illegal_rt;
	if (csr_write(c, (unsigned int)s->imm, csr_arg))
		goto illegal_rt;
	WX(RD, csr_old);
	goto csr_written;
csrrsc:
	ACCOUNT();
	if (csr_read(c, (unsigned int)s->imm, &csr_old))
		goto illegal_rt;
	if (!s->rs1) {
		WX(RD, csr_old);
		s = (struct dslot *)((char *)s + 32);
		if (unlikely(--left <= 0))
			goto ev;
		DISPATCH();
	}
	if (csr_write(c, (unsigned int)s->imm, csr_set ? csr_old | csr_arg : csr_old & ~csr_arg))
		goto illegal_rt;
	WX(RD, csr_old);
	goto csr_written;
csr_written:
	c->pc = PC() + 4;
	trap_check_irq(c);
	goto jump_far;

	/* ---- A ------------------------------------------------------------------------- */

	/*
	 * LR/SC on host atomics: LR remembers the address and the value it read,
	 * and SC is a compare-and-swap against that value.  Known limit (ABA):
	 * if other harts change the word and change it back between the LR and
	 * the SC, the SC still succeeds, where hardware would fail it.  Every
	 * LR/SC sequence that only needs "the value did not change" (all of
	 * Linux's cmpxchg, atomics and locks) is correct under this; one that
	 * relies on detecting an intervening write of the same value is not.
	 */
	INSN(LR_W, ATOMIC_PTR(uint32_t, MMU_READ, p);
	     uint32_t v = __atomic_load_n(p, __ATOMIC_SEQ_CST); in->resv_host = p;
	     in->resv_size = 4; in->resv_val = v; WX(RD, sext32(v)); NEXT();)
	INSN(LR_D, ATOMIC_PTR(uint64_t, MMU_READ, p);
	     uint64_t v = __atomic_load_n(p, __ATOMIC_SEQ_CST); in->resv_host = p;
	     in->resv_size = 8; in->resv_val = v; WX(RD, v); NEXT();)
	INSN(SC_W, ATOMIC_PTR(uint32_t, MMU_WRITE, p); uint32_t expect = (uint32_t)in->resv_val;
	     bool ok = in->resv_host == p && in->resv_size == 4 &&
		       __atomic_compare_exchange_n(p, &expect, (uint32_t)RS2, false,
						   __ATOMIC_SEQ_CST, __ATOMIC_RELAXED);
	     in->resv_host = NULL; WX(RD, !ok); NEXT();)
	INSN(SC_D, ATOMIC_PTR(uint64_t, MMU_WRITE, p); uint64_t expect = in->resv_val;
	     bool ok = in->resv_host == p && in->resv_size == 8 &&
		       __atomic_compare_exchange_n(p, &expect, RS2, false, __ATOMIC_SEQ_CST,
						   __ATOMIC_RELAXED);
	     in->resv_host = NULL; WX(RD, !ok); NEXT();)
	AMO_W(AMOSWAP_W, __atomic_exchange_n(p, b, __ATOMIC_SEQ_CST))
	AMO_W(AMOADD_W, __atomic_fetch_add(p, b, __ATOMIC_SEQ_CST))
	AMO_W(AMOXOR_W, __atomic_fetch_xor(p, b, __ATOMIC_SEQ_CST))
	AMO_W(AMOAND_W, __atomic_fetch_and(p, b, __ATOMIC_SEQ_CST))
	AMO_W(AMOOR_W, __atomic_fetch_or(p, b, __ATOMIC_SEQ_CST))
	AMO_W(AMOMIN_W, amo_min_w(p, b))
	AMO_W(AMOMAX_W, amo_max_w(p, b))
	AMO_W(AMOMINU_W, amo_minu_w(p, b))
	AMO_W(AMOMAXU_W, amo_maxu_w(p, b))
	AMO_D(AMOSWAP_D, __atomic_exchange_n(p, b, __ATOMIC_SEQ_CST))
	AMO_D(AMOADD_D, __atomic_fetch_add(p, b, __ATOMIC_SEQ_CST))
	AMO_D(AMOXOR_D, __atomic_fetch_xor(p, b, __ATOMIC_SEQ_CST))
	AMO_D(AMOAND_D, __atomic_fetch_and(p, b, __ATOMIC_SEQ_CST))
	AMO_D(AMOOR_D, __atomic_fetch_or(p, b, __ATOMIC_SEQ_CST))
	AMO_D(AMOMIN_D, amo_min_d(p, b))
	AMO_D(AMOMAX_D, amo_max_d(p, b))
	AMO_D(AMOMINU_D, amo_minu_d(p, b))
	AMO_D(AMOMAXU_D, amo_maxu_d(p, b))

	/* ---- F and D ------------------------------------------------------------------- */

	INSN(FLW, FP_ON(); LOAD(uint32_t, v); F(RD) = fpu_box_s((uint32_t)v); FP_DIRTY(); NEXT();)
	INSN2(FLD, FP_ON(); LOAD(uint64_t, v); F(RD) = v; FP_DIRTY(); NEXT();)
	/* fsw stores the low 32 bits, boxed or not. */
	INSN(FSW, FP_ON(); STORE(uint32_t, F(s->rs2)); NEXT();)
	INSN2(FSD, FP_ON(); STORE(uint64_t, F(s->rs2)); NEXT();)

	/* The negated forms flip signs of the inputs, as fpu.h asks. */
	FOP(FMADD_S, fpu_box_s(fpu_fma_s(FS1, FS2, FS3, rm, FFLAGS)))
	FOP(FMSUB_S, fpu_box_s(fpu_fma_s(FS1, FS2, FS3 ^ F32_SIGN, rm, FFLAGS)))
	FOP(FNMSUB_S, fpu_box_s(fpu_fma_s(FS1 ^ F32_SIGN, FS2, FS3, rm, FFLAGS)))
	FOP(FNMADD_S, fpu_box_s(fpu_fma_s(FS1 ^ F32_SIGN, FS2, FS3 ^ F32_SIGN, rm, FFLAGS)))
	FOP(FMADD_D, fpu_fma_d(FD1, FD2, FD3, rm, FFLAGS))
	FOP(FMSUB_D, fpu_fma_d(FD1, FD2, FD3 ^ F64_SIGN, rm, FFLAGS))
	FOP(FNMSUB_D, fpu_fma_d(FD1 ^ F64_SIGN, FD2, FD3, rm, FFLAGS))
	FOP(FNMADD_D, fpu_fma_d(FD1 ^ F64_SIGN, FD2, FD3 ^ F64_SIGN, rm, FFLAGS))

	FOP(FADD_S, fpu_box_s(fpu_add_s(FS1, FS2, rm, FFLAGS)))
	FOP(FSUB_S, fpu_box_s(fpu_sub_s(FS1, FS2, rm, FFLAGS)))
	FOP(FMUL_S, fpu_box_s(fpu_mul_s(FS1, FS2, rm, FFLAGS)))
	FOP(FDIV_S, fpu_box_s(fpu_div_s(FS1, FS2, rm, FFLAGS)))
	FOP(FSQRT_S, fpu_box_s(fpu_sqrt_s(FS1, rm, FFLAGS)))
	FOP(FSGNJ_S, fpu_box_s((FS1 & ~F32_SIGN) | (FS2 & F32_SIGN)))
	FOP(FSGNJN_S, fpu_box_s((FS1 & ~F32_SIGN) | (~FS2 & F32_SIGN)))
	FOP(FSGNJX_S, fpu_box_s(FS1 ^ (FS2 & F32_SIGN)))
	FOP(FMIN_S, fpu_box_s(fpu_min_s(FS1, FS2, FFLAGS)))
	FOP(FMAX_S, fpu_box_s(fpu_max_s(FS1, FS2, FFLAGS)))
	FOPX(FCVT_W_S, fpu_cvt_w_s(FS1, rm, &fl))
	FOPX(FCVT_WU_S, fpu_cvt_wu_s(FS1, rm, &fl))
	FOPX(FCVT_L_S, fpu_cvt_l_s(FS1, rm, &fl))
	FOPX(FCVT_LU_S, fpu_cvt_lu_s(FS1, rm, &fl))
	FOPX(FMV_X_W, sext32(F(s->rs1)))
	FOPX(FEQ_S, fpu_eq_s(FS1, FS2, &fl))
	FOPX(FLT_S, fpu_lt_s(FS1, FS2, &fl))
	FOPX(FLE_S, fpu_le_s(FS1, FS2, &fl))
	FOPX(FCLASS_S, fpu_class_s(FS1))
	FOP(FCVT_S_W, fpu_box_s(fpu_cvt_s_w((int32_t)RS1, rm, FFLAGS)))
	FOP(FCVT_S_WU, fpu_box_s(fpu_cvt_s_wu((uint32_t)RS1, rm, FFLAGS)))
	FOP(FCVT_S_L, fpu_box_s(fpu_cvt_s_l((int64_t)RS1, rm, FFLAGS)))
	FOP(FCVT_S_LU, fpu_box_s(fpu_cvt_s_lu(RS1, rm, FFLAGS)))
	FOP(FMV_W_X, fpu_box_s((uint32_t)RS1))

	FOP(FADD_D, fpu_add_d(FD1, FD2, rm, FFLAGS))
	FOP(FSUB_D, fpu_sub_d(FD1, FD2, rm, FFLAGS))
	FOP(FMUL_D, fpu_mul_d(FD1, FD2, rm, FFLAGS))
	FOP(FDIV_D, fpu_div_d(FD1, FD2, rm, FFLAGS))
	FOP(FSQRT_D, fpu_sqrt_d(FD1, rm, FFLAGS))
	FOP(FSGNJ_D, (FD1 & ~F64_SIGN) | (FD2 & F64_SIGN))
	FOP(FSGNJN_D, (FD1 & ~F64_SIGN) | (~FD2 & F64_SIGN))
	FOP(FSGNJX_D, FD1 ^ (FD2 & F64_SIGN))
	FOP(FMIN_D, fpu_min_d(FD1, FD2, FFLAGS))
	FOP(FMAX_D, fpu_max_d(FD1, FD2, FFLAGS))
	FOP(FCVT_S_D, fpu_box_s(fpu_cvt_s_d(FD1, rm, FFLAGS)))
	FOP(FCVT_D_S, fpu_cvt_d_s(FS1, rm, FFLAGS))
	FOPX(FEQ_D, fpu_eq_d(FD1, FD2, &fl))
	FOPX(FLT_D, fpu_lt_d(FD1, FD2, &fl))
	FOPX(FLE_D, fpu_le_d(FD1, FD2, &fl))
	FOPX(FCLASS_D, fpu_class_d(FD1))
	FOPX(FCVT_W_D, fpu_cvt_w_d(FD1, rm, &fl))
	FOPX(FCVT_WU_D, fpu_cvt_wu_d(FD1, rm, &fl))
	FOPX(FCVT_L_D, fpu_cvt_l_d(FD1, rm, &fl))
	FOPX(FCVT_LU_D, fpu_cvt_lu_d(FD1, rm, &fl))
	FOPX(FMV_X_D, F(s->rs1))
	FOP(FCVT_D_W, fpu_cvt_d_w((int32_t)RS1, rm, FFLAGS))
	FOP(FCVT_D_WU, fpu_cvt_d_wu((uint32_t)RS1, rm, FFLAGS))
	FOP(FCVT_D_L, fpu_cvt_d_l((int64_t)RS1, rm, FFLAGS))
	FOP(FCVT_D_LU, fpu_cvt_d_lu(RS1, rm, FFLAGS))
	FOP(FMV_D_X, RS1)
}
