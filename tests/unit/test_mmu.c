/* SPDX-License-Identifier: MIT */
/*
 * mmu_translate() and mmu_pte_allows() against page tables built by hand in
 * a malloc'd "guest RAM": page sizes, A/D updates, the permission matrix,
 * every page-fault rule and the access fault for a PTE outside RAM.
 *
 * Exit status: 0 pass, 2 fail, 99 bug in the test.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/hart.h"

#include "check.h"

#define RAM_BASE 0x80000000ull
#define RAM_SIZE (1ull << 20)

struct t {
	struct cpu_env env;
	uint64_t next; /* bump allocator for page tables, offset into RAM */
	uint64_t root;
	unsigned int levels;
	uint64_t satp;
};

static uint64_t *t_ptr(struct t *t, uint64_t pa)
{
	if (pa < RAM_BASE || pa + 8 > RAM_BASE + RAM_SIZE) {
		printf("BUG: test PTE %#" PRIx64 " outside RAM\n", pa);
		exit(99);
	}
	return (uint64_t *)(t->env.ram + (pa - RAM_BASE));
}

static uint64_t t_alloc(struct t *t)
{
	uint64_t pa = RAM_BASE + t->next;

	if (t->next + PAGE_SIZE > RAM_SIZE) {
		printf("BUG: test out of page-table RAM\n");
		exit(99);
	}
	t->next += PAGE_SIZE;
	memset(t_ptr(t, pa), 0, PAGE_SIZE);
	return pa;
}

/* Fresh, empty page tables in mode @mode (SATP_MODE_SV39 or SATP_MODE_SV48). */
static void t_reset(struct t *t, uint64_t mode)
{
	t->next = 0;
	t->root = t_alloc(t);
	t->levels = mode == SATP_MODE_SV39 ? 3 : 4;
	t->satp = (mode << SATP_MODE_SHIFT) | (t->root >> PAGE_SHIFT);
}

static uint64_t t_vpn(uint64_t va, unsigned int level)
{
	return (va >> (12 + 9 * level)) & 511;
}

static uint64_t t_ppn_pte(uint64_t pa)
{
	return (pa >> 12) << 10;
}

/* Map @va to @pa with a leaf at @level; returns the leaf PTE's host address. */
static uint64_t *t_map(struct t *t, uint64_t va, uint64_t pa, unsigned int level, uint64_t flags)
{
	uint64_t a = t->root, *p;

	for (unsigned int i = t->levels - 1; i > level; i--) {
		p = t_ptr(t, a + t_vpn(va, i) * 8);
		if (!(*p & PTE_V))
			*p = t_ppn_pte(t_alloc(t)) | PTE_V;
		a = ((*p >> 10) & ((1ull << 44) - 1)) << 12;
	}
	p = t_ptr(t, a + t_vpn(va, level) * 8);
	*p = t_ppn_pte(pa) | flags;
	return p;
}

/* The non-leaf PTE at @level on the way to @va (t_map must have made it). */
static uint64_t *t_nonleaf(struct t *t, uint64_t va, unsigned int level)
{
	uint64_t a = t->root, *p = NULL;

	for (unsigned int i = t->levels - 1; i >= level; i--) {
		p = t_ptr(t, a + t_vpn(va, i) * 8);
		a = ((*p >> 10) & ((1ull << 44) - 1)) << 12;
		if (i == 0)
			break;
	}
	return p;
}

static const char *const acc_name[] = {"read", "write", "exec"};
static const int pf_cause[] = {CAUSE_LOAD_PAGE_FAULT, CAUSE_STORE_PAGE_FAULT,
			       CAUSE_FETCH_PAGE_FAULT};
static const int af_cause[] = {CAUSE_LOAD_ACCESS, CAUSE_STORE_ACCESS, CAUSE_FETCH_ACCESS};

static int t_xlate(struct t *t, uint64_t va, enum mmu_access acc, unsigned int priv,
		   struct mmu_result *r)
{
	memset(r, 0xa5, sizeof(*r));
	return mmu_translate(&t->env, t->satp, va, acc, priv, false, false, r);
}

/* Every access type at S-mode must fault with the page-fault cause. */
static void t_expect_pf(struct t *t, uint64_t va, const char *what)
{
	struct mmu_result r;

	for (int acc = 0; acc < 3; acc++)
		CHECK_EQF(pf_cause[acc], t_xlate(t, va, acc, PRV_S, &r), "%s: %s cause", what,
			  acc_name[acc]);
}

static void test_bare(struct t *t)
{
	struct mmu_result r;
	uint64_t va = 0x123456789abcdef0ull; /* not canonical for any mode: Bare does not care */

	for (int acc = 0; acc < 3; acc++) {
		for (unsigned int priv = 0; priv < 2; priv++) {
			memset(&r, 0, sizeof(r));
			CHECK_EQF(0,
				  mmu_translate(&t->env, 0x0000123400005678ull, va, acc, priv,
						false, false, &r),
				  "bare %s priv %u: rc", acc_name[acc], priv);
			CHECK_EQF(va, r.pa, "bare %s priv %u: pa", acc_name[acc], priv);
			CHECK_EQF(1, mmu_pte_allows(r.pte, acc, priv, false, false),
				  "bare %s priv %u: synthetic pte allows", acc_name[acc], priv);
		}
	}
}

/* One mapping of each page size, in both halves of the address space. */
static void test_sizes(struct t *t, uint64_t mode)
{
	const char *mname = mode == SATP_MODE_SV39 ? "sv39" : "sv48";
	unsigned int levels = mode == SATP_MODE_SV39 ? 3 : 4;
	unsigned int va_bits = mode == SATP_MODE_SV39 ? 39 : 48;

	for (unsigned int level = 0; level < levels; level++) {
		for (int high = 0; high < 2; high++) {
			uint64_t size = 1ull << (12 + 9 * level);
			/* Arbitrary bits in every VPN field and in the offset. */
			uint64_t va = 0x5a5a5a5a5a5a5a5aull & ((1ull << (va_bits - 1)) - 1);
			uint64_t pa = 0x00abcdef12345000ull & ~(size - 1);
			struct mmu_result r;
			uint64_t *pte;
			int rc;

			if (high) /* sign-extend: the upper half */
				va |= ~((1ull << (va_bits - 1)) - 1);
			t_reset(t, mode);
			pte = t_map(t, va, pa, level, PTE_V | PTE_R | PTE_W | PTE_X);

			rc = t_xlate(t, va, MMU_READ, PRV_S, &r);
			CHECK_EQF(0, rc, "%s level %u high %d: read rc", mname, level, high);
			CHECK_EQF(pa + (va & (size - 1)), r.pa, "%s level %u high %d: pa", mname,
				  level, high);
			CHECK_EQF(level, r.level, "%s level %u high %d: level", mname, level, high);
			CHECK_EQF(PTE_A, *pte & (PTE_A | PTE_D),
				  "%s level %u high %d: A/D after read", mname, level, high);
			CHECK_EQF(*pte, r.pte, "%s level %u high %d: result pte after read", mname,
				  level, high);

			/* The last byte of the page translates to the last byte of the frame. */
			rc = t_xlate(t, va | (size - 1), MMU_EXEC, PRV_S, &r);
			CHECK_EQF(0, rc, "%s level %u high %d: exec rc", mname, level, high);
			CHECK_EQF(pa + size - 1, r.pa, "%s level %u high %d: exec pa of last byte",
				  mname, level, high);
			CHECK_EQF(PTE_A, *pte & (PTE_A | PTE_D),
				  "%s level %u high %d: A/D after exec", mname, level, high);

			rc = t_xlate(t, va, MMU_WRITE, PRV_S, &r);
			CHECK_EQF(0, rc, "%s level %u high %d: write rc", mname, level, high);
			CHECK_EQF(PTE_A | PTE_D, *pte & (PTE_A | PTE_D),
				  "%s level %u high %d: A/D after write", mname, level, high);
			CHECK_EQF(*pte, r.pte, "%s level %u high %d: result pte after write", mname,
				  level, high);
			CHECK_EQF(t_ppn_pte(pa) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D,
				  *pte, "%s level %u high %d: only A and D changed", mname, level,
				  high);
		}
	}

	/* The ASID plays no part in the walk. */
	t_reset(t, mode);
	t_map(t, 0x1000, 0x2000, 0, PTE_V | PTE_R);
	t->satp |= SATP_ASID_MASK << SATP_ASID_SHIFT;
	{
		struct mmu_result r;

		CHECK_EQF(0, t_xlate(t, 0x1234, MMU_READ, PRV_S, &r), "%s asid set: rc", mname);
		CHECK_EQF(0x2234, r.pa, "%s asid set: pa", mname);
	}
}

/* A faulting access must not set A; a PTE with A and D already set is not written. */
static void test_ad(struct t *t)
{
	struct mmu_result r;
	uint64_t *pte;

	t_reset(t, SATP_MODE_SV39);
	pte = t_map(t, 0x40000, 0x90000000, 0, PTE_V | PTE_R);
	CHECK_EQF(CAUSE_STORE_PAGE_FAULT, t_xlate(t, 0x40000, MMU_WRITE, PRV_S, &r),
		  "ad: write to read-only page");
	CHECK_EQF(0, *pte & (PTE_A | PTE_D), "ad: A/D after failed write");
	CHECK_EQF(CAUSE_LOAD_PAGE_FAULT, t_xlate(t, 0x40000, MMU_READ, PRV_U, &r),
		  "ad: U read of S page");
	CHECK_EQF(0, *pte & (PTE_A | PTE_D), "ad: A/D after failed U read");

	*pte |= PTE_A | PTE_D | PTE_G | (3ull << 8) /* RSW */;
	CHECK_EQF(0, t_xlate(t, 0x40000, MMU_READ, PRV_S, &r), "ad: read with A/D set");
	CHECK_EQF(t_ppn_pte(0x90000000) | PTE_V | PTE_R | PTE_A | PTE_D | PTE_G | (3ull << 8), *pte,
		  "ad: pte with A/D set unchanged");
	CHECK_EQF(*pte, r.pte, "ad: result pte");
}

/* The spec's rules, stated permission first, then the U/S restriction. */
static bool ref_allowed(uint64_t rwx, bool u, unsigned int priv, bool sum, bool mxr, int acc)
{
	bool perm;

	if (acc == MMU_READ)
		perm = (rwx & PTE_R) || (mxr && (rwx & PTE_X));
	else if (acc == MMU_WRITE)
		perm = rwx & PTE_W;
	else
		perm = rwx & PTE_X;
	if (!perm)
		return false;
	if (priv == PRV_U)
		return u;
	if (!u)
		return true;
	return sum && acc != MMU_EXEC;
}

/* One cell of the matrix: translate and ask mmu_pte_allows(), compare with ref_allowed(). */
static void t_perm_case(struct t *t, uint64_t rwx, bool u, unsigned int priv, bool sum, bool mxr,
			int acc)
{
	const uint64_t va = 0x7fff1000, flags = PTE_V | rwx | (u ? PTE_U : 0);
	bool want = ref_allowed(rwx, u, priv, sum, mxr, acc);
	struct mmu_result r;
	uint64_t *pte;
	char name[96];
	int rc;

	snprintf(name, sizeof(name), "perm rwx=%#" PRIx64 " u=%d priv=%u sum=%d mxr=%d %s", rwx, u,
		 priv, sum, mxr, acc_name[acc]);
	t_reset(t, SATP_MODE_SV48);
	pte = t_map(t, va, 0x3000, 0, flags);
	rc = mmu_translate(&t->env, t->satp, va, acc, priv, sum, mxr, &r);
	CHECK_EQF(want ? 0 : pf_cause[acc], rc, "%s: rc", name);
	CHECK_EQF(want, mmu_pte_allows(flags, acc, priv, sum, mxr), "%s: mmu_pte_allows", name);
	CHECK_EQF(want ? PTE_A : 0, *pte & PTE_A, "%s: A", name);
}

static void test_perm_matrix(struct t *t)
{
	static const uint64_t rwx_set[] = {PTE_R, PTE_R | PTE_W, PTE_X, PTE_R | PTE_X,
					   PTE_R | PTE_W | PTE_X};

	/* Every valid R/W/X combination x U x priv x SUM x MXR x access type. */
	for (unsigned int n = 0; n < 5 * 2 * 2 * 2 * 2 * 3; n++)
		t_perm_case(t, rwx_set[n % 5], (n / 5) & 1, (n / 10) & 1, (n / 20) & 1,
			    (n / 40) & 1, (int)(n / 80));

	/* Spot checks straight from the spec's prose, independent of ref_allowed(). */
	CHECK_EQF(false, mmu_pte_allows(PTE_V | PTE_R | PTE_U, MMU_READ, PRV_S, false, false),
		  "spot: S read of U page without SUM");
	CHECK_EQF(true, mmu_pte_allows(PTE_V | PTE_R | PTE_U, MMU_READ, PRV_S, true, false),
		  "spot: S read of U page with SUM");
	CHECK_EQF(true,
		  mmu_pte_allows(PTE_V | PTE_R | PTE_W | PTE_U, MMU_WRITE, PRV_S, true, false),
		  "spot: S write of U page with SUM");
	CHECK_EQF(false, mmu_pte_allows(PTE_V | PTE_X | PTE_R | PTE_U, MMU_EXEC, PRV_S, true, true),
		  "spot: S exec of U page, even with SUM");
	CHECK_EQF(true, mmu_pte_allows(PTE_V | PTE_X | PTE_U, MMU_READ, PRV_U, false, true),
		  "spot: U read of execute-only page with MXR");
	CHECK_EQF(false, mmu_pte_allows(PTE_V | PTE_X | PTE_U, MMU_READ, PRV_U, false, false),
		  "spot: U read of execute-only page without MXR");
	CHECK_EQF(false, mmu_pte_allows(PTE_V | PTE_R | PTE_W | PTE_X, MMU_READ, PRV_U, true, true),
		  "spot: U read of S page");
	CHECK_EQF(false, mmu_pte_allows(PTE_V | PTE_R | PTE_X, MMU_WRITE, PRV_S, false, true),
		  "spot: S write of read-only page");
}

static void test_reserved(struct t *t)
{
	const uint64_t va = 0x12345000;
	uint64_t *pte;

	for (unsigned int bit = 54; bit < 64; bit++) {
		char what[64];

		t_reset(t, SATP_MODE_SV39);
		pte = t_map(t, va, 0x5000, 0, PTE_V | PTE_R | PTE_W | PTE_X);
		*pte |= 1ull << bit;
		snprintf(what, sizeof(what), "leaf with bit %u", bit);
		t_expect_pf(t, va, what);

		t_reset(t, SATP_MODE_SV39);
		t_map(t, va, 0x5000, 0, PTE_V | PTE_R | PTE_W | PTE_X);
		*t_nonleaf(t, va, 1) |= 1ull << bit;
		snprintf(what, sizeof(what), "non-leaf with bit %u", bit);
		t_expect_pf(t, va, what);
	}

	t_reset(t, SATP_MODE_SV39);
	t_map(t, va, 0x5000, 0, PTE_V | PTE_W);
	t_expect_pf(t, va, "W without R");
	t_reset(t, SATP_MODE_SV39);
	t_map(t, va, 0x5000, 0, PTE_V | PTE_W | PTE_X);
	t_expect_pf(t, va, "W|X without R");
	t_reset(t, SATP_MODE_SV39);
	t_map(t, va, 0x5000, 0, PTE_R | PTE_W | PTE_X);
	t_expect_pf(t, va, "leaf with V=0");
	t_reset(t, SATP_MODE_SV39);
	t_map(t, va, 0x5000, 0, PTE_V | PTE_R | PTE_W | PTE_X);
	*t_nonleaf(t, va, 2) &= ~PTE_V;
	t_expect_pf(t, va, "non-leaf with V=0");
	t_reset(t, SATP_MODE_SV39);
	t_expect_pf(t, va, "empty table");

	/* Non-leaf A, D, U are reserved; G and RSW are not. */
	static const struct {
		uint64_t bit;
		const char *name;
		int faults;
	} nl[] = {{PTE_A, "A", 1},
		  {PTE_D, "D", 1},
		  {PTE_U, "U", 1},
		  {PTE_G, "G", 0},
		  {3ull << 8, "RSW", 0}};
	for (unsigned int k = 0; k < sizeof(nl) / sizeof(nl[0]); k++) {
		for (unsigned int level = 1; level < 3; level++) {
			char what[64];
			struct mmu_result r;

			t_reset(t, SATP_MODE_SV39);
			t_map(t, va, 0x5000, 0, PTE_V | PTE_R | PTE_W | PTE_X);
			*t_nonleaf(t, va, level) |= nl[k].bit;
			snprintf(what, sizeof(what), "non-leaf level %u with %s", level,
				 nl[k].name);
			if (nl[k].faults) {
				t_expect_pf(t, va, what);
			} else {
				CHECK_EQF(0, t_xlate(t, va, MMU_READ, PRV_S, &r), "%s: rc", what);
				CHECK_EQF(0x5000, r.pa, "%s: pa", what);
			}
		}
	}

	/*
	 * A level-0 PTE that is not a leaf would walk past level 0.  It points
	 * at a page of valid leaves, so that a walker that went on would succeed.
	 */
	for (int sv48 = 0; sv48 < 2; sv48++) {
		uint64_t leaves;

		t_reset(t, sv48 ? SATP_MODE_SV48 : SATP_MODE_SV39);
		leaves = t_alloc(t);
		for (unsigned int k = 0; k < 512; k++)
			t_ptr(t, leaves)[k] = PTE_V | PTE_R | PTE_W | PTE_X;
		t_map(t, va, leaves, 0, PTE_V);
		t_expect_pf(t, va, sv48 ? "sv48 non-leaf at level 0" : "sv39 non-leaf at level 0");
	}
}

static void test_misaligned(struct t *t)
{
	static const struct {
		uint64_t mode;
		unsigned int level;
		uint64_t pa;
		const char *name;
	} c[] = {
		{SATP_MODE_SV39, 1, 0x80201000ull, "sv39 2M leaf, pa 4K-aligned"},
		{SATP_MODE_SV39, 1, 0x80200000ull + (1ull << 20), "sv39 2M leaf, pa 1M-aligned"},
		{SATP_MODE_SV39, 2, 0xc0200000ull, "sv39 1G leaf, pa 2M-aligned"},
		{SATP_MODE_SV39, 2, 0x40001000ull, "sv39 1G leaf, pa 4K-aligned"},
		{SATP_MODE_SV48, 1, 0x80001000ull, "sv48 2M leaf, pa 4K-aligned"},
		{SATP_MODE_SV48, 2, 0x80200000ull, "sv48 1G leaf, pa 2M-aligned"},
		{SATP_MODE_SV48, 3, 0x8040000000ull, "sv48 512G leaf, pa 1G-aligned"},
		{SATP_MODE_SV48, 3, 0x8000001000ull, "sv48 512G leaf, pa 4K-aligned"},
	};
	const uint64_t va = 0;

	for (unsigned int k = 0; k < sizeof(c) / sizeof(c[0]); k++) {
		t_reset(t, c[k].mode);
		t_map(t, va, c[k].pa, c[k].level, PTE_V | PTE_R | PTE_W | PTE_X);
		t_expect_pf(t, va, c[k].name);
	}
}

static void test_noncanonical(struct t *t)
{
	static const struct {
		uint64_t mode;
		uint64_t va;
		const char *name;
	} c[] = {
		{SATP_MODE_SV39, 1ull << 38, "sv39 bit 38 set, 63:39 clear"},
		{SATP_MODE_SV39, 1ull << 39, "sv39 bit 39 set"},
		{SATP_MODE_SV39, 1ull << 63, "sv39 bit 63 set"},
		{SATP_MODE_SV39, 0xffffffbffffff000ull, "sv39 bit 38 clear, 63:39 set"},
		{SATP_MODE_SV48, 1ull << 47, "sv48 bit 47 set, 63:48 clear"},
		{SATP_MODE_SV48, 1ull << 48, "sv48 bit 48 set"},
		{SATP_MODE_SV48, 0xffff7ffffffff000ull, "sv48 bit 47 clear, 63:48 set"},
	};

	for (unsigned int k = 0; k < sizeof(c) / sizeof(c[0]); k++) {
		t_reset(t, c[k].mode);
		/* Map what the walk would find if it ignored the upper bits. */
		t_map(t, c[k].va, 0x1000, 0, PTE_V | PTE_R | PTE_W | PTE_X);
		t_expect_pf(t, c[k].va, c[k].name);
	}
}

static void test_access_fault(struct t *t)
{
	struct mmu_result r;
	const uint64_t va = 0x12345000;
	static const struct {
		uint64_t root;
		const char *name;
	} roots[] = {
		{0, "root at 0"},
		{RAM_BASE - PAGE_SIZE, "root just below RAM"},
		{RAM_BASE + RAM_SIZE, "root just above RAM"},
		{0x10000000, "root in MMIO"},
	};

	for (unsigned int k = 0; k < sizeof(roots) / sizeof(roots[0]); k++) {
		t->satp = (SATP_MODE_SV39 << SATP_MODE_SHIFT) | (roots[k].root >> PAGE_SHIFT);
		for (int acc = 0; acc < 3; acc++)
			CHECK_EQF(af_cause[acc], t_xlate(t, va, acc, PRV_S, &r), "%s: %s cause",
				  roots[k].name, acc_name[acc]);
	}

	/* A non-leaf PTE pointing out of RAM faults at the next level. */
	for (unsigned int level = 1; level < 4; level++) {
		uint64_t *p;

		t_reset(t, SATP_MODE_SV48);
		t_map(t, va, 0x5000, 0, PTE_V | PTE_R | PTE_W | PTE_X);
		p = t_nonleaf(t, va, level);
		*p = t_ppn_pte(RAM_BASE + RAM_SIZE) | PTE_V;
		for (int acc = 0; acc < 3; acc++)
			CHECK_EQF(af_cause[acc], t_xlate(t, va, acc, PRV_U, &r),
				  "non-leaf at level %u out of RAM: %s cause", level,
				  acc_name[acc]);
	}

	/* The last PTE of RAM is still in RAM. */
	t->next = RAM_SIZE - PAGE_SIZE;
	t->root = t_alloc(t);
	t->satp = (SATP_MODE_SV39 << SATP_MODE_SHIFT) | (t->root >> PAGE_SHIFT);
	*t_ptr(t, t->root + 511 * 8) = t_ppn_pte(0x40000000ull * 7) | PTE_V | PTE_R;
	CHECK_EQF(0, t_xlate(t, 0xffffffffc0001234ull, MMU_READ, PRV_S, &r), "last PTE in RAM: rc");
	CHECK_EQF(0x40000000ull * 7 + 0x1234, r.pa, "last PTE in RAM: pa");
	/* ... but not if RAM ends inside it. */
	t->env.ram_size = RAM_SIZE - 4;
	CHECK_EQF(CAUSE_LOAD_ACCESS, t_xlate(t, 0xffffffffc0001234ull, MMU_READ, PRV_S, &r),
		  "PTE straddling the end of RAM: cause");
	t->env.ram_size = RAM_SIZE;

	/* The leaf's own frame may be anywhere: that is the caller's access check. */
	t_reset(t, SATP_MODE_SV39);
	t_map(t, va, 0xfffffffff000ull, 0, PTE_V | PTE_R);
	CHECK_EQF(0, t_xlate(t, va + 8, MMU_READ, PRV_S, &r), "leaf frame outside RAM: rc");
	CHECK_EQF(0xfffffffff008ull, r.pa, "leaf frame outside RAM: pa");
}

/*
 * Svadu with a racing guest: another hart keeps toggling a software (RSW)
 * bit in the same PTE and clearing A/D, in one atomic step each time, while
 * this hart's walker sets A/D again.  The guest checks on every step that
 * its last toggle is still there: a walker that wrote the PTE back instead
 * of using a CAS would now and then undo one.
 */
#define RACE_TOGGLES 200000
#define RACE_RSW (1ull << 8)

struct race {
	uint64_t *pte;
	_Atomic int started, done;
	_Atomic long walks; /* the guest keeps going until the walker has done as many */
	long lost;
};

static void *race_guest(void *arg)
{
	struct race *rc = arg;
	uint64_t old, new, expected;

	while (!atomic_load(&rc->started))
		;
	expected = __atomic_load_n(rc->pte, __ATOMIC_RELAXED) & RACE_RSW;
	for (long i = 0; i < RACE_TOGGLES ||
			 atomic_load_explicit(&rc->walks, memory_order_relaxed) < RACE_TOGGLES;
	     i++) {
		old = __atomic_load_n(rc->pte, __ATOMIC_RELAXED);
		do {
			new = (old ^ RACE_RSW) & ~(PTE_A | PTE_D);
		} while (!__atomic_compare_exchange_n(rc->pte, &old, new, false, __ATOMIC_SEQ_CST,
						      __ATOMIC_RELAXED));
		if ((old & RACE_RSW) != expected)
			rc->lost++;
		expected = new &RACE_RSW;
	}
	atomic_store(&rc->done, 1);
	return NULL;
}

static void test_ad_race(struct t *t)
{
	struct race rc = {0};
	struct mmu_result r;
	pthread_t th;
	long walks = 0, bad = 0;

	t_reset(t, SATP_MODE_SV39);
	rc.pte = t_map(t, 0x8000, 0x9000, 0, PTE_V | PTE_R | PTE_W);
	if (pthread_create(&th, NULL, race_guest, &rc)) {
		printf("BUG: pthread_create\n");
		exit(99);
	}
	atomic_store(&rc.started, 1);
	while (!atomic_load(&rc.done)) {
		atomic_store_explicit(&rc.walks, ++walks, memory_order_relaxed);
		if (t_xlate(t, 0x8000, MMU_WRITE, PRV_S, &r) ||
		    (r.pte & (PTE_A | PTE_D)) != (PTE_A | PTE_D))
			bad++;
	}
	pthread_join(th, NULL);
	CHECK_EQF(0, bad, "ad race: walks (of %ld) failing or without A|D", walks);
	CHECK_EQF(0, rc.lost, "ad race: guest PTE updates lost (in %ld walks)", walks);
}

int main(void)
{
	struct t t = {0};

	t.env.ram = aligned_alloc(PAGE_SIZE, RAM_SIZE);
	if (!t.env.ram) {
		printf("BUG: out of memory\n");
		return 99;
	}
	t.env.ram_base = RAM_BASE;
	t.env.ram_size = RAM_SIZE;

	test_bare(&t);
	test_sizes(&t, SATP_MODE_SV39);
	test_sizes(&t, SATP_MODE_SV48);
	test_ad(&t);
	test_perm_matrix(&t);
	test_reserved(&t);
	test_misaligned(&t);
	test_noncanonical(&t);
	test_access_fault(&t);
	test_ad_race(&t);

	free(t.env.ram);
	return check_finish("test_mmu");
}
