/* SPDX-License-Identifier: MIT */
/*
 * The decoded-instruction cache (per hart) and the code map (per VM).
 *
 * Invalidation rules, and why they are enough:
 * - FENCE.I, cpu_fence_i() and cpu_reset() drop every decoded page of the
 *   hart.  This is what the ISA requires: a hart sees stores (its own or
 *   other harts') in its instruction fetches after it executes FENCE.I.
 * - A store by this hart to a granule marked in the code map drops this
 *   hart's slots for that granule, so a hart also sees its own stores
 *   without FENCE.I.  Other harts are not told: they see the new code
 *   after their FENCE.I (Linux sends a remote FENCE.I via SBI whenever it
 *   writes code), which is all the ISA promises them.
 * - Host writes to guest RAM (the loader, devices' DMA) are not seen:
 *   code loaded that way must be followed by cpu_reset() or a FENCE.I, as
 *   on hardware with non-coherent instruction caches.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "cpu/interp.h"

struct cpu_shared *cpu_shared_create(uint64_t ram_base, uint64_t ram_size)
{
	struct cpu_shared *sh;
	void *map;

	if (!ram_size || (ram_base | ram_size) & (PAGE_SIZE - 1))
		return NULL;
	sh = calloc(1, sizeof(*sh));
	if (!sh)
		return NULL;
	sh->ram_base = ram_base;
	sh->ram_size = ram_size;
	sh->codemap_len = ram_size >> CODE_GRANULE_SHIFT;
	/* Zero pages on demand: only the granules near code ever get memory. */
	map = mmap(NULL, sh->codemap_len, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (map == MAP_FAILED) {
		free(sh);
		return NULL;
	}
	sh->codemap = map;
	return sh;
}

void cpu_shared_destroy(struct cpu_shared *sh)
{
	if (!sh)
		return;
	munmap(sh->codemap, sh->codemap_len);
	free(sh);
}

static inline unsigned int dcache_hash(uint64_t pa)
{
	uint64_t pfn = pa >> PAGE_SHIFT;

	return (unsigned int)(pfn ^ (pfn >> DCACHE_HASH_BITS)) & (DCACHE_HASH - 1);
}

static struct dpage *dcache_find(struct cpu_internal *in, uint64_t pa)
{
	struct dpage *dp;

	for (dp = in->hash[dcache_hash(pa)]; dp; dp = dp->hnext)
		if (dp->pa == pa)
			return dp;
	return NULL;
}

void dcache_flush(struct cpu_internal *in)
{
	unsigned int ctx, i;

	in->pool_used = 0;
	in->xlist = NULL;
	memset(in->hash, 0, sizeof(in->hash));
	/* Fetch TLB entries point at decoded pages. */
	for (ctx = 0; ctx < 2; ctx++)
		for (i = 0; i < TLB_SIZE; i++)
			in->tlb_i[ctx][i].tag = TLB_INVALID;
}

struct dpage *dcache_get(struct cpu *c, uint64_t pa, uint8_t *host)
{
	struct cpu_internal *in = c->internal;
	struct dpage *dp = dcache_find(in, pa);
	unsigned int i, h;

	if (dp)
		return dp;
	/*
	 * Full: start over rather than track use.  Decoding is lazy, so the
	 * working set comes back at the cost of decoding it once more.
	 */
	if (in->pool_used == DCACHE_PAGES)
		dcache_flush(in);
	dp = &in->pool[in->pool_used++];
	for (i = 0; i < DSLOTS; i++)
		dp->slot[i].h = in->lbl_undecoded;
	dp->slot[DSLOTS].h = in->lbl_page_end;
	dp->slot[DSLOTS + 1].h = in->lbl_page_end;
	dp->pa = pa;
	dp->host = host;
	dp->granules = 0;
	dp->xslot = false;
	dp->xnext = NULL;
	h = dcache_hash(pa);
	dp->hnext = in->hash[h];
	in->hash[h] = dp;
	return dp;
}

void dcache_reset_xslots(struct cpu_internal *in)
{
	struct dpage *dp;

	for (dp = in->xlist; dp; dp = dp->xnext) {
		dp->slot[DSLOTS - 1].h = in->lbl_undecoded;
		dp->xslot = false;
	}
	in->xlist = NULL;
}

static void codemap_set(struct cpu_internal *in, uint64_t pa)
{
	uint8_t *m = &in->codemap[(pa - in->ram_base) >> CODE_GRANULE_SHIFT];

	/* Read first: the map's cache lines are shared by all harts. */
	if (!__atomic_load_n(m, __ATOMIC_RELAXED))
		__atomic_store_n(m, 1, __ATOMIC_RELAXED);
}

void dcache_mark(struct cpu_internal *in, struct dpage *dp, uint64_t pa, unsigned int len)
{
	uint64_t last = pa + len - 1;

	codemap_set(in, pa);
	codemap_set(in, last);
	if (dp) {
		dp->granules |= (uint16_t)(1u << ((pa & (PAGE_SIZE - 1)) >> CODE_GRANULE_SHIFT));
		dp->granules |= (uint16_t)(1u << ((last & (PAGE_SIZE - 1)) >> CODE_GRANULE_SHIFT));
	}
}

void dcache_add_xslot(struct cpu_internal *in, struct dpage *dp, uint64_t va)
{
	dp->xslot_va = va;
	if (dp->xslot)
		return;
	dp->xslot = true;
	dp->xnext = in->xlist;
	in->xlist = dp;
}

void dcache_code_written(struct cpu_internal *in, const uint8_t *host, unsigned int len)
{
	uint64_t pa = in->ram_base + (uint64_t)(host - in->ram);
	unsigned int g, g0, g1, i;
	struct dpage *dp;

	/* A cross slot may have its second half here. */
	if (in->xlist)
		dcache_reset_xslots(in);
	dp = dcache_find(in, pa & TLB_PAGE_MASK);
	if (!dp)
		return;
	g0 = (pa & (PAGE_SIZE - 1)) >> CODE_GRANULE_SHIFT;
	g1 = ((pa + len - 1) & (PAGE_SIZE - 1)) >> CODE_GRANULE_SHIFT;
	if (g1 < g0)
		g1 = CODE_GRANULES - 1; /* the caller splits at pages; be safe anyway */
	for (g = g0; g <= g1; g++) {
		if (!(dp->granules & (1u << g)))
			continue;
		dp->granules &= (uint16_t) ~(1u << g);
		/*
		 * Only the handler is reset: the store may be rewriting the
		 * slot it is executing from, whose operand fields its handler
		 * may still read (an AMO does, after this).  The slot before
		 * the granule may hold a 4-byte instruction reaching into it.
		 */
		i = g * CODE_GRANULE_SLOTS;
		if (i)
			dp->slot[i - 1].h = in->lbl_undecoded;
		for (; i < (g + 1) * CODE_GRANULE_SLOTS; i++)
			dp->slot[i].h = in->lbl_undecoded;
	}
}
