/* SPDX-License-Identifier: MIT */
/*
 * ns16550a UART: the register model of the console QEMU virt puts at
 * 0x10000000 (reg-shift 0, 8-bit registers, byte accesses only).
 *
 * Transmit is immediate: each byte written to THR is handed to the tx
 * callback at once, so THR is always empty (LSR.THRE and LSR.TEMT are
 * always set).  Receive goes through a 16-byte FIFO fed by
 * uart8250_rx_push().  Interrupts (received data available, THR empty,
 * receiver line status) are enabled by IER and reported as a level through
 * the irq_set callback.
 *
 * Locking: each UART has one mutex, the device lock, guarding all of its
 * registers.  It is the innermost lock in hartvisor's order: nothing is
 * taken while it is held, except by the callbacks below.
 *
 * Callbacks (tx, irq_set) are called WITH the device lock held.  That keeps
 * the output in THR-write order when several harts print, and keeps the
 * interrupt line's level in step with the registers (a level computed under
 * the lock but reported after dropping it could arrive out of order and
 * leave the line stale).  The rule that follows: a callback must not call
 * back into this UART, and may take no lock of hartvisor's order but the
 * interrupt controller's (class IRQCHIP, the innermost: docs/locking.md).
 * It may write to a file descriptor, update atomics and kick a vCPU, which
 * takes no lock.  A tx callback that blocks stalls the writing hart, and the
 * other harts' UART accesses, until it returns.
 */
#ifndef HV_DEV_UART8250_H
#define HV_DEV_UART8250_H

#include <stdint.h>

#include "hartvisor/hartvisor.h"
#include "fdt/dt.h"

/* The MMIO window to map (QEMU virt's); only offsets 0..7 are registers. */
#define UART8250_MMIO_SIZE 0x100
#define UART8250_CLOCK_HZ 3686400
#define UART8250_FIFO_SIZE 16

struct uart8250;

struct uart8250_config {
	uint64_t base; /* guest-physical base, used for the DT node */
	uint32_t irq;  /* interrupt source number at the PLIC, for the DT node (later) */
	/* Called for every transmitted byte, under the device lock; NULL drops output. */
	void (*tx)(void *opaque, uint8_t byte);
	/* Called when the interrupt line changes level, under the device lock; may be NULL. */
	void (*irq_set)(void *opaque, int level);
	void *opaque; /* passed to tx and irq_set */
};

/* ---- any thread ------------------------------------------------------------- */

/*
 * uart8250_create() - allocate a UART in its reset state (FIFO empty, all
 * interrupts disabled, line low).
 * Returns 0 with *@out set; -EINVAL; -ENOMEM; or the error of
 * pthread_mutex_init() as -errno.
 */
int uart8250_create(const struct uart8250_config *cfg, struct uart8250 **out);

/* uart8250_destroy() - free @u (NULL is fine).  Nothing may use it any more. */
void uart8250_destroy(struct uart8250 *u);

/*
 * uart8250_rx_push() - queue one received byte (console input, typically
 * from an input thread).  Raises the line if IER enables RDA.
 * Returns 0; -EAGAIN when the FIFO is full (the caller keeps the byte and
 * retries once the guest has read some).
 */
int uart8250_rx_push(struct uart8250 *u, uint8_t byte);

/*
 * uart8250_dt_node() - dt_device callback: add serial@<base> under /soc.
 * @opaque is the struct uart8250 *.  Returns 0, -EINVAL, -ENOSPC.
 */
int uart8250_dt_node(void *fdt, void *opaque, const struct dt_machine *m);

/*
 * MMIO access (called on vCPU threads; opaque = the struct uart8250 *).
 * Offsets are relative to base.  Accesses that are not 1 byte wide, or that
 * fall outside the 8 registers, are access faults (-1).
 */
extern const struct hv_mmio_ops uart8250_mmio_ops;

#endif /* HV_DEV_UART8250_H */
