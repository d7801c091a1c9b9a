// SPDX-License-Identifier: MIT
#include "paging.h"

#include "csr.h"
#include "lib.h"

#define PT_POOL_PAGES 128
#define PT_ENTRIES 512

static uint64_t pt_pool[PT_POOL_PAGES][PT_ENTRIES] __attribute__((aligned(4096)));
static unsigned int pt_pool_used;

void pt_pool_reset(void)
{
	pt_pool_used = 0;
}

void *pt_alloc_page(void)
{
	uint64_t *p;

	if (pt_pool_used >= PT_POOL_PAGES)
		return NULL;
	p = pt_pool[pt_pool_used++];
	memset(p, 0, PAGE_SIZE);
	return p;
}

void pt_init(struct pt *pt, unsigned long mode)
{
	pt->mode = mode;
	pt->levels = mode == SATP_MODE_SV48 ? 4 : 3;
	pt->root = pt_alloc_page();
}

uint64_t pt_pte(unsigned long pa, uint64_t flags)
{
	return ((pa >> PAGE_SHIFT) << PTE_PPN_SHIFT) | flags | PTE_V;
}

static unsigned int pt_index(unsigned long va, unsigned int level)
{
	return (va >> (PAGE_SHIFT + 9 * level)) & (PT_ENTRIES - 1);
}

static uint64_t *pt_next(uint64_t pte)
{
	return (uint64_t *)(((pte & PTE_PPN_MASK) >> PTE_PPN_SHIFT) << PAGE_SHIFT);
}

int pt_map(struct pt *pt, unsigned long va, unsigned long pa, unsigned long size, uint64_t flags)
{
	unsigned int leaf_level;
	uint64_t *table = pt->root;

	switch (size) {
	case PT_4K:
		leaf_level = 0;
		break;
	case PT_2M:
		leaf_level = 1;
		break;
	case PT_1G:
		leaf_level = 2;
		break;
	case PT_512G:
		leaf_level = 3;
		break;
	default:
		return -1;
	}
	if (!table || leaf_level >= pt->levels || (va | pa) & (size - 1))
		return -1;

	for (unsigned int level = pt->levels - 1; level > leaf_level; level--) {
		uint64_t *pte = &table[pt_index(va, level)];

		if (!(*pte & PTE_V)) {
			uint64_t *next = pt_alloc_page();

			if (!next)
				return -1;
			*pte = pt_pte((unsigned long)next, 0);
		} else if (*pte & (PTE_R | PTE_W | PTE_X)) {
			return -1; /* a superpage leaf is in the way */
		}
		table = pt_next(*pte);
	}
	table[pt_index(va, leaf_level)] = pt_pte(pa, flags);
	return 0;
}

void pt_map_ram_identity(struct pt *pt)
{
	pt_map(pt, PT_RAM_BASE, PT_RAM_BASE, PT_1G, PTE_R | PTE_W | PTE_X | PTE_A | PTE_D);
}

volatile uint64_t *pt_leaf(struct pt *pt, unsigned long va)
{
	uint64_t *table = pt->root;

	for (int level = (int)pt->levels - 1; level >= 0; level--) {
		uint64_t *pte = &table[pt_index(va, (unsigned int)level)];

		if (!(*pte & PTE_V))
			return NULL;
		if (*pte & (PTE_R | PTE_W | PTE_X))
			return pte;
		table = pt_next(*pte);
	}
	return NULL;
}

unsigned long pt_satp(const struct pt *pt, unsigned long asid)
{
	return (pt->mode << SATP_MODE_SHIFT) | ((asid & SATP_ASID_MASK) << SATP_ASID_SHIFT) |
	       ((unsigned long)pt->root >> PAGE_SHIFT);
}

void pt_enable(const struct pt *pt, unsigned long asid)
{
	csr_write(satp, pt_satp(pt, asid));
	sfence_vma_all();
}

void pt_disable(void)
{
	csr_write(satp, 0);
	sfence_vma_all();
}
