/* SPDX-License-Identifier: MIT */
/*
 * The interpreter's private state: the soft TLB, the decoded-instruction
 * cache and the per-VM code map.  Only interp.c, mem.c, dcache.c and cpu.c
 * include this; csr.c and mmu.c see the hart through hart.h.  Everything
 * here is "vCPU thread only" except struct cpu_shared's code map, which all
 * harts of a VM read and write with relaxed atomics.
 */
#ifndef HV_CPU_INTERP_H
#define HV_CPU_INTERP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu/hart.h"

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* ---- soft TLB ---------------------------------------------------------------
 *
 * Direct-mapped, one array per (context, access).  A context is what the
 * permission check depends on besides the PTE: U-mode, S-mode, or S-mode
 * with SUM, so that the guest's frequent SUM toggles and U/S switches only
 * select another array instead of flushing.  Instruction fetch ignores SUM
 * and has one array per privilege.
 *
 * A data entry maps a 4 KiB virtual page of RAM to host memory: for an
 * access of size n at va, the entry hits when
 *     tag == (va & (TLB_PAGE_MASK | (n - 1)))
 * which also sends misaligned accesses to the slow path, and the host
 * address is then addend + va.  Only RAM pages are cached; MMIO always takes
 * the slow path.  A write entry exists only when the PTE's D bit is set, so
 * that a hit never needs to update the PTE.
 */
#define TLB_BITS 8
#define TLB_SIZE (1u << TLB_BITS)
#define TLB_PAGE_MASK (~(PAGE_SIZE - 1))
/* Bits 3..11 of a tag compare are always zero, so this never hits. */
#define TLB_INVALID (~0ull)

enum tlb_ctx { TLB_CTX_U = 0, TLB_CTX_S = 1, TLB_CTX_S_SUM = 2, TLB_NR_CTX = 3 };
enum { TLB_R = 0, TLB_W = 1 };

struct tlb_entry {
	uint64_t tag;
	uintptr_t addend;
};

/* An instruction entry leads straight to the decoded page of the physical page. */
struct tlb_xentry {
	uint64_t tag;
	struct dpage *dp;
};

static inline unsigned int tlb_index(uint64_t va)
{
	return (unsigned int)(va >> PAGE_SHIFT) & (TLB_SIZE - 1);
}

/* ---- decoded-instruction cache -----------------------------------------------
 *
 * Keyed by physical page: each 4 KiB page of guest RAM that the hart
 * executes gets a struct dpage with one slot per 2-byte offset, decoded
 * lazily the first time control reaches it.  Two extra slots past the end
 * catch execution that falls off the page (after a 2- or 4-byte
 * instruction at its end) and send it back through the lookup.
 *
 * A 4-byte instruction at offset 0xffe straddles two pages; its slot is
 * decoded with the second half read through the current translation of the
 * next virtual page.  Such "cross slots" are reset to undecoded on every
 * TLB flush and every code-map hit, since either may change that half, and
 * when the page is entered at another virtual address than the one the
 * slot was decoded under (an alias whose next page may differ).
 */
#define DSLOTS (PAGE_SIZE / 2)

struct dslot {
	const void *h; /* the handler label in interp_run() */
	int32_t imm;   /* decode_insn.imm; branch/jump offsets pre-scaled to slot bytes */
	uint8_t rd, rs1, rs2;
	/* The length is not here: each handler has it as a constant (INSN in interp.c). */
};
_Static_assert(sizeof(struct dslot) == 16, "pc arithmetic assumes 16-byte slots");
/* pc = page va + ((slot address - slot[0] address) >> DSLOT_PC_SHIFT) */
#define DSLOT_PC_SHIFT 3

/*
 * Code granules: the unit of self-modifying-code detection.  Finer than a
 * page, so that data next to code in a small guest does not keep throwing
 * the code away.
 */
#define CODE_GRANULE_SHIFT 8
#define CODE_GRANULES (PAGE_SIZE >> CODE_GRANULE_SHIFT)
#define CODE_GRANULE_SLOTS ((1u << CODE_GRANULE_SHIFT) / 2)

struct dpage {
	uint64_t pa;	     /* physical page address */
	uint8_t *host;	     /* its host address */
	struct dpage *hnext; /* hash chain */
	struct dpage *xnext; /* list of pages with a decoded cross slot */
	uint64_t xslot_va;   /* the page's virtual address when the cross slot was decoded */
	uint16_t granules;   /* granules this hart has decoded instructions in */
	bool xslot;	     /* on the cross-slot list */
	struct dslot slot[DSLOTS + 2];
};

/* At most this many decoded pages per hart; when full, all are dropped. */
#define DCACHE_PAGES 512
#define DCACHE_HASH_BITS 10
#define DCACHE_HASH (1u << DCACHE_HASH_BITS)

/*
 * Per VM: which granules of RAM any hart has decoded instructions from (a
 * byte per granule, non-zero = maybe code).  A store checks it after
 * writing; on a hit the storing hart drops its own decoded slots for the
 * granule.  Other harts keep their decoded copies until they execute
 * FENCE.I (or get a remote one), which is exactly what the ISA promises
 * them.  Bytes are never cleared: a stale mark costs a store a lookup in
 * its hart's cache, never a wrong result.
 */
struct cpu_shared {
	uint64_t ram_base;
	uint64_t ram_size;
	uint8_t *codemap; /* ram_size >> CODE_GRANULE_SHIFT bytes, mmap'd */
	size_t codemap_len;
};

/* ---- the hart's private state ------------------------------------------------ */

struct cpu_internal {
	struct hart_csrs csrs;

	/* The current TLB arrays, selected by hart_mmu_changed(). */
	struct tlb_entry *tlb_r, *tlb_w;
	struct tlb_xentry *tlb_x;
	uint8_t dctx, ictx; /* their indices in tlb_d[] and tlb_i[] */

	uint64_t instret;

	/* What the TLB contents were filled under. */
	uint64_t mmu_satp;
	uint8_t mmu_priv;
	bool mmu_sum, mmu_mxr;
	bool tlb_superpage; /* an entry came from a superpage since the last full flush */

	/* LR/SC reservation: host address (NULL: none), size and the value LR saw. */
	void *resv_host;
	uint64_t resv_val;
	unsigned int resv_size;

	/* Copies of env fields, and the code map. */
	uint8_t *ram;
	uint64_t ram_base, ram_size;
	uint8_t *codemap;
	struct cpu_shared *own_shared; /* when env->shared was NULL */
	_Atomic uint32_t *attention;
	_Atomic uint32_t attention_none; /* target of attention when env has none */

	/* Labels of interp_run() that the cache code writes into slots. */
	const void *lbl_undecoded, *lbl_page_end;

	/* Decoded pages: a pool used in order, a hash on the physical page. */
	struct dpage *pool;
	size_t pool_bytes;
	unsigned int pool_used;
	struct dpage *xlist;
	struct dpage *hash[DCACHE_HASH];

	struct tlb_entry tlb_d[TLB_NR_CTX][2][TLB_SIZE];
	struct tlb_xentry tlb_i[2][TLB_SIZE];
	uint8_t tlb_d_global[TLB_NR_CTX][2][TLB_SIZE];
	uint8_t tlb_i_global[2][TLB_SIZE];
};

/* ---- interp.c ---------------------------------------------------------------- */

/*
 * interp_run() - the interpreter loop behind cpu_run().  With budget 0 it
 * only publishes its labels into c->internal and returns CPU_EXIT_BUDGET;
 * cpu_init() calls it so to.
 */
enum cpu_exit interp_run(struct cpu *c, uint64_t budget);

/* ---- mem.c: TLB and the slow memory paths -------------------------------------
 *
 * Each returns 0 or the exception cause, with *tval the faulting virtual
 * address (which, for an access straddling two pages, is the first byte of
 * the part that faulted).
 */
void tlb_flush_all(struct cpu_internal *in, bool keep_global);
void tlb_flush_va(struct cpu_internal *in, uint64_t va, bool keep_global);
/* sfence.vma, local or remote: one page or all (@all_va), one ASID or all. */
void tlb_sfence(struct cpu *c, bool all_va, uint64_t va, bool all_asid, uint64_t asid);

/*
 * Translate @va for @acc; *host is NULL for an address outside RAM.  Data
 * translations are cached in the TLB; MMU_EXEC ones are not (that is
 * mem_fetch_page()'s job), so this never touches the decoded-page cache.
 */
int mem_translate(struct cpu *c, uint64_t va, enum mmu_access acc, uint8_t **host, uint64_t *pa);
/* The decoded page for instruction fetch at @va (fills the fetch TLB). */
int mem_fetch_page(struct cpu *c, uint64_t va, struct dpage **dp);
int mem_load(struct cpu *c, uint64_t va, unsigned int size, uint64_t *val, uint64_t *tval);
int mem_store(struct cpu *c, uint64_t va, unsigned int size, uint64_t val, uint64_t *tval);
/*
 * For LR (@acc = MMU_READ), SC and AMOs (MMU_WRITE): the host address of an
 * aligned word in RAM.  Misaligned: address-misaligned (load for LR, store
 * otherwise); not RAM: access fault.  The tval is always @va.
 */
int mem_atomic_ptr(struct cpu *c, uint64_t va, unsigned int size, enum mmu_access acc, void **host);
/* The raw instruction at @pc (16 bits if compressed), for stval; 0 if unreadable. */
uint32_t mem_insn_bits(struct cpu *c, uint64_t pc);

/* ---- dcache.c ------------------------------------------------------------------ */

struct dpage *dcache_get(struct cpu *c, uint64_t pa, uint8_t *host);
void dcache_flush(struct cpu_internal *in);
void dcache_reset_xslots(struct cpu_internal *in);
/*
 * Record that [pa, pa + len), within one page, holds an instruction this
 * hart decoded into @dp (NULL: the second half of a cross slot).
 */
void dcache_mark(struct cpu_internal *in, struct dpage *dp, uint64_t pa, unsigned int len);
/* @dp's last slot was decoded, at page address @va, with its second half from the next page. */
void dcache_add_xslot(struct cpu_internal *in, struct dpage *dp, uint64_t va);
/* A store by this hart to RAM at host address @host hit the code map. */
void dcache_code_written(struct cpu_internal *in, const uint8_t *host, unsigned int len);

/* Is any byte of [host, host + len) in a granule marked in the code map?  (Same page.) */
static inline bool dcache_maybe_code(const struct cpu_internal *in, const uint8_t *host,
				     unsigned int len)
{
	size_t off = (size_t)(host - in->ram);

	return __atomic_load_n(&in->codemap[off >> CODE_GRANULE_SHIFT], __ATOMIC_RELAXED) |
	       __atomic_load_n(&in->codemap[(off + len - 1) >> CODE_GRANULE_SHIFT],
			       __ATOMIC_RELAXED);
}

/* Is [pa, pa + len) wholly in RAM? */
static inline bool mem_in_ram(const struct cpu_internal *in, uint64_t pa, uint64_t len)
{
	uint64_t off = pa - in->ram_base;

	return off < in->ram_size && in->ram_size - off >= len;
}

#endif /* HV_CPU_INTERP_H */
