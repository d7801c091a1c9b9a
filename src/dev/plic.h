/* SPDX-License-Identifier: MIT */
/*
 * RISC-V Platform-Level Interrupt Controller, as QEMU virt puts it at
 * 0x0c000000 and as the RISC-V PLIC specification (riscv-plic-spec, the
 * SiFive PLIC's register map) describes it.
 *
 * Sources: PLIC_NR_SOURCES interrupt sources, ids 1 .. PLIC_NR_SOURCES (id 0
 * means "no interrupt"), all level-triggered.  A device drives its line with
 * plic_set_irq().
 *
 * Contexts: one per hart, context i being hart i's S-mode external
 * interrupt (hartvisor has no M-mode).  The output of context i, reported
 * through the set_seip callback, is high iff some pending source enabled
 * for it has a priority above its threshold.
 *
 * Register map (offsets from base; every register is 32 bits wide and every
 * access must be a naturally aligned 4-byte access, else it is an access
 * fault):
 *   0x000000 + 4 * id            priority of source id (0 .. 7; 0 = never)
 *   0x001000 + 4 * w             pending bits of ids 32w .. 32w+31 (read-only)
 *   0x002000 + 0x80 * ctx + 4 * w  enable bits of ids 32w .. 32w+31 for ctx
 *   0x200000 + 0x1000 * ctx      priority threshold of ctx (0 .. 7)
 *   0x200004 + 0x1000 * ctx      claim (read) / complete (write) of ctx
 * Everything else in the window reads as 0 and ignores writes, as do the
 * registers of source 0, of ids above PLIC_NR_SOURCES and of contexts that
 * do not exist, and writes to the pending bits.
 *
 * Gateway: a source is pending while its line is high and it is not
 * claimed ("in flight").  A claim returns the pending, enabled source of
 * highest priority above the context's threshold (ties: the lowest id), or
 * 0 when there is none, and marks it in flight, which clears its pending
 * bit.  A complete (writing the id to the claim register) ends the claim if
 * the source is enabled for that context (otherwise it is ignored, as the
 * specification says; Linux relies on it); if the line is still high, the
 * source is pending again at once.  A line that drops while its source is
 * pending but not yet claimed withdraws the request (as QEMU does for
 * level-triggered sources), so a claim may then return 0.
 *
 * Locking: each PLIC has one lock (an hv_lock of class HV_LOCK_DEVICE, the
 * "device lock") guarding all of its state.  It is a leaf, except that the
 * set_seip callback is called WITH it held, so that the levels reported for
 * a context are always in the order of the state changes that produced them.
 * The callback must therefore take no lock at all; hv_vcpu_set_irq_line() is
 * lock-free and is what the hartvisor command uses.
 *
 * The UART (and any device) calls plic_set_irq() from its irq_set callback,
 * under the UART's own lock; so the order is
 *     uart lock  ->  plic lock
 * and nothing may call into the UART (or any device that raises lines here)
 * with the PLIC lock held: the PLIC calls nothing but set_seip.
 */
#ifndef HV_DEV_PLIC_H
#define HV_DEV_PLIC_H

#include <stdint.h>

#include "hartvisor/hartvisor.h"
#include "fdt/dt.h"

/* Sources 1 .. PLIC_NR_SOURCES (riscv,ndev), as on QEMU virt. */
#define PLIC_NR_SOURCES 95
#define PLIC_MAX_PRIORITY 7

/*
 * The MMIO window to map: QEMU virt's, which has room for 1024 contexts;
 * the registers of context ctx end at 0x200000 + 0x1000 * (ctx + 1), so any
 * nr_harts up to HV_MAX_VCPUS fits with the same base and size as QEMU.
 */
#define PLIC_MMIO_SIZE 0x600000ull

/* The PLIC's phandle: the interrupt-parent of every device wired to it. */
#define PLIC_PHANDLE DT_PHANDLE_DEVICE

struct plic;

struct plic_config {
	uint64_t base;	       /* guest-physical base, used for the DT node */
	unsigned int nr_harts; /* 1 .. HV_MAX_VCPUS: one context per hart */
	/*
	 * Called when the output of hart @hart's context changes level, with
	 * the PLIC lock held: it must take no lock.  May be NULL.
	 */
	void (*set_seip)(void *opaque, unsigned int hart, int level);
	void *opaque; /* passed to set_seip */
};

/* ---- any thread ------------------------------------------------------------- */

/*
 * plic_create() - allocate a PLIC in its reset state: every priority,
 * enable bit and threshold 0, every line low, no claims, outputs low.
 * Returns 0 with *@out set; -EINVAL (NULL arguments, nr_harts 0 or above
 * HV_MAX_VCPUS); -ENOMEM; or the error of initialising the lock.
 */
int plic_create(const struct plic_config *cfg, struct plic **out);

/* plic_destroy() - free @p (NULL is fine).  Nothing may use it any more. */
void plic_destroy(struct plic *p);

/*
 * plic_set_irq() - set the level of source @id's line (@level != 0: high).
 * Ids outside 1 .. PLIC_NR_SOURCES are ignored.  May be called under a
 * device lock (see the lock order above), never with the PLIC lock held.
 */
void plic_set_irq(struct plic *p, unsigned int id, int level);

/*
 * plic_reset() - back to the reset state of plic_create(), keeping the line
 * levels (they belong to the devices): priorities, enables and thresholds 0,
 * no claims; every output that was high is lowered through set_seip.  For a
 * machine reset (reboot), while no vCPU runs.
 */
void plic_reset(struct plic *p);

/*
 * plic_dt_node() - dt_device callback: add plic@<base> under /soc, with
 * phandle PLIC_PHANDLE and one interrupts-extended pair <cpu-intc 9>
 * (S-mode external interrupt) per hart, context i being hart i.
 * @opaque is the struct plic *.  Returns 0, -EINVAL, -ENOSPC.
 */
int plic_dt_node(void *fdt, void *opaque, const struct dt_machine *m);

/*
 * MMIO access (called on vCPU threads; opaque = the struct plic *).
 * Offsets are relative to base; see the register map above.
 */
extern const struct hv_mmio_ops plic_mmio_ops;

#endif /* HV_DEV_PLIC_H */
