// SPDX-License-Identifier: MIT
/*
 * RISC-V PLIC register model.  See plic.h for the register map, the gateway
 * semantics and the locking rule.
 *
 * State is kept as bitmaps of 32-bit words, the way the registers show it:
 * a source's pending bit is not stored but derived, line & ~claimed, so it
 * can never disagree with the line and the claim.  After every change the
 * output of each context is recomputed and reported if it changed.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>

#include <libfdt.h>

#include "dev/plic.h"
#include "vmm/lock.h"

#define PLIC_PRIORITY_BASE 0x000000u
#define PLIC_PENDING_BASE 0x001000u
#define PLIC_ENABLE_BASE 0x002000u
#define PLIC_ENABLE_STRIDE 0x80u
#define PLIC_CONTEXT_BASE 0x200000u
#define PLIC_CONTEXT_STRIDE 0x1000u
#define PLIC_CONTEXT_THRESHOLD 0x0u
#define PLIC_CONTEXT_CLAIM 0x4u

/* Words of a source bitmap: ids 0 .. PLIC_NR_SOURCES. */
#define PLIC_WORDS ((PLIC_NR_SOURCES + 1 + 31) / 32)

/* S-mode external interrupt: the cause number in interrupts-extended. */
#define PLIC_IRQ_S_EXT 9

_Static_assert(PLIC_CONTEXT_BASE + PLIC_CONTEXT_STRIDE * HV_MAX_VCPUS <= PLIC_MMIO_SIZE,
	       "the PLIC window does not cover a context per hart");
_Static_assert(PLIC_ENABLE_BASE + PLIC_ENABLE_STRIDE * HV_MAX_VCPUS <= PLIC_CONTEXT_BASE,
	       "enable bits overlap the context registers");

struct plic_context {
	uint32_t enable[PLIC_WORDS];
	uint32_t threshold;
	int out; /* the level last reported through set_seip */
};

struct plic {
	struct plic_config cfg; /* read-only after create */

	/* The device lock; guards everything below.  See plic.h. */
	struct hv_lock lock;
	uint32_t priority[PLIC_NR_SOURCES + 1]; /* [0] is always 0 */
	uint32_t line[PLIC_WORDS];		/* the devices' levels */
	uint32_t claimed[PLIC_WORDS];		/* in flight: claimed, not completed */
	struct plic_context ctx[];		/* cfg.nr_harts of them */
};

/* The bits of word @w that are real sources (1 .. PLIC_NR_SOURCES). */
static uint32_t plic_valid_bits(unsigned int w)
{
	uint32_t m = ~0u;
	unsigned int last = PLIC_NR_SOURCES - 32 * w; /* highest valid bit in this word */

	if (w == 0)
		m &= ~1u; /* id 0: "no interrupt" */
	if (last < 31)
		m &= (2u << last) - 1;
	return m;
}

static bool plic_id_valid(uint64_t id)
{
	return id >= 1 && id <= PLIC_NR_SOURCES;
}

static uint32_t __plic_pending(const struct plic *p, unsigned int w) /* p->lock */
{
	return p->line[w] & ~p->claimed[w];
}

/* The source a claim of @c would return: 0, or the best above the threshold. */
static unsigned int __plic_best(const struct plic *p, const struct plic_context *c) /* p->lock */
{
	unsigned int best = 0;
	uint32_t best_prio = c->threshold;

	for (unsigned int w = 0; w < PLIC_WORDS; w++) {
		uint32_t bits = __plic_pending(p, w) & c->enable[w];

		while (bits) {
			unsigned int id = 32 * w + (unsigned int)__builtin_ctz(bits);

			bits &= bits - 1;
			/* Strictly greater: of equal priorities the lowest id wins. */
			if (p->priority[id] > best_prio) {
				best = id;
				best_prio = p->priority[id];
			}
		}
	}
	return best;
}

/* Recompute every context's output and report the ones that changed. */
static void __plic_update(struct plic *p) /* p->lock */
{
	hv_lock_assert_held(&p->lock);
	for (unsigned int i = 0; i < p->cfg.nr_harts; i++) {
		struct plic_context *c = &p->ctx[i];
		int out = __plic_best(p, c) != 0;

		if (out == c->out)
			continue;
		c->out = out;
		if (p->cfg.set_seip)
			p->cfg.set_seip(p->cfg.opaque, i, out);
	}
}

static uint32_t __plic_claim(struct plic *p, struct plic_context *c) /* p->lock */
{
	unsigned int id = __plic_best(p, c);

	if (id) {
		p->claimed[id / 32] |= 1u << (id % 32);
		__plic_update(p);
	}
	return id;
}

static void __plic_complete(struct plic *p, struct plic_context *c, uint64_t id) /* p->lock */
{
	uint32_t bit;

	if (!plic_id_valid(id))
		return;
	bit = 1u << (id % 32);
	/* A completion for a source not enabled for this context is ignored. */
	if (!(c->enable[id / 32] & bit))
		return;
	p->claimed[id / 32] &= ~bit;
	/* A line still high makes the source pending again, right here. */
	__plic_update(p);
}

/* Valid accesses are 4 bytes wide, 4-byte aligned and inside the window. */
static bool plic_access_ok(uint64_t offset, unsigned int size)
{
	return size == 4 && !(offset & 3) && offset < PLIC_MMIO_SIZE;
}

static int plic_mmio_read(void *opaque, uint64_t offset, unsigned int size, uint64_t *val)
{
	struct plic *p = opaque;
	uint32_t v = 0;

	if (!plic_access_ok(offset, size))
		return -1;

	hv_lock_acquire(&p->lock);
	if (offset < PLIC_PENDING_BASE) {
		uint64_t id = (offset - PLIC_PRIORITY_BASE) / 4;

		if (plic_id_valid(id))
			v = p->priority[id];
	} else if (offset < PLIC_ENABLE_BASE) {
		uint64_t w = (offset - PLIC_PENDING_BASE) / 4;

		if (w < PLIC_WORDS)
			v = __plic_pending(p, (unsigned int)w);
	} else if (offset < PLIC_CONTEXT_BASE) {
		uint64_t i = (offset - PLIC_ENABLE_BASE) / PLIC_ENABLE_STRIDE;
		uint64_t w = (offset - PLIC_ENABLE_BASE) % PLIC_ENABLE_STRIDE / 4;

		if (i < p->cfg.nr_harts && w < PLIC_WORDS)
			v = p->ctx[i].enable[w];
	} else {
		uint64_t i = (offset - PLIC_CONTEXT_BASE) / PLIC_CONTEXT_STRIDE;
		uint64_t reg = (offset - PLIC_CONTEXT_BASE) % PLIC_CONTEXT_STRIDE;

		if (i < p->cfg.nr_harts && reg == PLIC_CONTEXT_THRESHOLD)
			v = p->ctx[i].threshold;
		else if (i < p->cfg.nr_harts && reg == PLIC_CONTEXT_CLAIM)
			v = __plic_claim(p, &p->ctx[i]);
	}
	hv_lock_release(&p->lock);

	*val = v;
	return 0;
}

static int plic_mmio_write(void *opaque, uint64_t offset, unsigned int size, uint64_t val)
{
	struct plic *p = opaque;
	uint32_t v = (uint32_t)val;

	if (!plic_access_ok(offset, size))
		return -1;

	hv_lock_acquire(&p->lock);
	if (offset < PLIC_PENDING_BASE) {
		uint64_t id = (offset - PLIC_PRIORITY_BASE) / 4;

		if (plic_id_valid(id)) {
			/* WARL: the priority has 3 bits. */
			p->priority[id] = v & PLIC_MAX_PRIORITY;
			__plic_update(p);
		}
	} else if (offset < PLIC_ENABLE_BASE) {
		/* The pending bits are read-only. */
	} else if (offset < PLIC_CONTEXT_BASE) {
		uint64_t i = (offset - PLIC_ENABLE_BASE) / PLIC_ENABLE_STRIDE;
		uint64_t w = (offset - PLIC_ENABLE_BASE) % PLIC_ENABLE_STRIDE / 4;

		if (i < p->cfg.nr_harts && w < PLIC_WORDS) {
			p->ctx[i].enable[w] = v & plic_valid_bits((unsigned int)w);
			__plic_update(p);
		}
	} else {
		uint64_t i = (offset - PLIC_CONTEXT_BASE) / PLIC_CONTEXT_STRIDE;
		uint64_t reg = (offset - PLIC_CONTEXT_BASE) % PLIC_CONTEXT_STRIDE;

		if (i < p->cfg.nr_harts && reg == PLIC_CONTEXT_THRESHOLD) {
			p->ctx[i].threshold = v & PLIC_MAX_PRIORITY;
			__plic_update(p);
		} else if (i < p->cfg.nr_harts && reg == PLIC_CONTEXT_CLAIM) {
			__plic_complete(p, &p->ctx[i], v);
		}
	}
	hv_lock_release(&p->lock);
	return 0;
}

const struct hv_mmio_ops plic_mmio_ops = {
	.read = plic_mmio_read,
	.write = plic_mmio_write,
};

void plic_set_irq(struct plic *p, unsigned int id, int level)
{
	uint32_t bit, old;

	if (!plic_id_valid(id))
		return;
	bit = 1u << (id % 32);
	hv_lock_acquire(&p->lock);
	old = p->line[id / 32];
	if (level)
		p->line[id / 32] |= bit;
	else
		p->line[id / 32] &= ~bit;
	if (p->line[id / 32] != old)
		__plic_update(p);
	hv_lock_release(&p->lock);
}

void plic_reset(struct plic *p)
{
	hv_lock_acquire(&p->lock);
	for (unsigned int id = 0; id <= PLIC_NR_SOURCES; id++)
		p->priority[id] = 0;
	for (unsigned int w = 0; w < PLIC_WORDS; w++)
		p->claimed[w] = 0;
	for (unsigned int i = 0; i < p->cfg.nr_harts; i++) {
		for (unsigned int w = 0; w < PLIC_WORDS; w++)
			p->ctx[i].enable[w] = 0;
		p->ctx[i].threshold = 0;
	}
	__plic_update(p);
	hv_lock_release(&p->lock);
}

int plic_create(const struct plic_config *cfg, struct plic **out)
{
	struct plic *p;
	int ret;

	if (!cfg || !out || !cfg->nr_harts || cfg->nr_harts > HV_MAX_VCPUS)
		return -EINVAL;
	p = calloc(1, sizeof(*p) + cfg->nr_harts * sizeof(p->ctx[0]));
	if (!p)
		return -ENOMEM;
	ret = hv_lock_init(&p->lock, HV_LOCK_IRQCHIP, 0, "plic");
	if (ret) {
		free(p);
		return ret;
	}
	p->cfg = *cfg;
	*out = p;
	return 0;
}

void plic_destroy(struct plic *p)
{
	if (!p)
		return;
	hv_lock_destroy(&p->lock);
	free(p);
}

int plic_dt_node(void *fdt, void *opaque, const struct dt_machine *m)
{
	static const char compatible[] = "sifive,plic-1.0.0\0riscv,plic0";
	const struct plic *p = opaque;
	fdt32_t ie[2 * HV_MAX_VCPUS];
	int ret;

	/* Every context names a hart's cpu-intc, which must be in the tree. */
	if (!p || p->cfg.nr_harts > m->nr_cpus)
		return -EINVAL;
	ret = dt_node_begin(fdt, "plic", p->cfg.base);
	if (ret)
		return ret;
	DT_CHECK(fdt_property(fdt, "compatible", compatible, sizeof(compatible)));
	DT_CHECK(fdt_property_u32(fdt, "#interrupt-cells", 1));
	DT_CHECK(fdt_property_u32(fdt, "#address-cells", 0));
	DT_CHECK(fdt_property(fdt, "interrupt-controller", NULL, 0));
	ret = dt_reg_add(fdt, p->cfg.base, PLIC_MMIO_SIZE);
	if (ret)
		return ret;
	DT_CHECK(fdt_property_u32(fdt, "riscv,ndev", PLIC_NR_SOURCES));
	/* Linux's PLIC driver takes context i from the i-th pair. */
	for (unsigned int h = 0; h < p->cfg.nr_harts; h++) {
		ie[2 * h] = cpu_to_fdt32(dt_cpu_intc_phandle(h));
		ie[2 * h + 1] = cpu_to_fdt32(PLIC_IRQ_S_EXT);
	}
	DT_CHECK(fdt_property(fdt, "interrupts-extended", ie,
			      (int)(2 * p->cfg.nr_harts * sizeof(ie[0]))));
	DT_CHECK(fdt_property_u32(fdt, "phandle", PLIC_PHANDLE));
	DT_CHECK(fdt_end_node(fdt));
	return 0;
}
