// SPDX-License-Identifier: MIT
/*
 * ns16550a register model.  See uart8250.h for the contract, the locking
 * rule and what is left out.
 *
 * Register and bit names follow Linux's include/uapi/linux/serial_reg.h.
 *
 * Known limits: the RX interrupt fires at one byte whatever the FCR trigger
 * level (the character-timeout interrupt is never needed, so never
 * reported); the divisor latch is stored but no baud rate is modelled; the
 * FIFO stays on in 16450 mode (FCR.0 = 0) apart from IIR's FIFO bits; parity,
 * framing and break errors never happen.
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

#include <libfdt.h>

#include "dev/plic.h"
#include "dev/uart8250.h"

#define UART_RX 0  /* DLAB = 0, read */
#define UART_TX 0  /* DLAB = 0, write */
#define UART_DLL 0 /* DLAB = 1 */
#define UART_IER 1 /* DLAB = 0 */
#define UART_DLM 1 /* DLAB = 1 */
#define UART_IIR 2 /* read */
#define UART_FCR 2 /* write */
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_MSR 6
#define UART_SCR 7
#define UART_NR_REGS 8

#define UART_IER_RDI 0x01  /* received data available */
#define UART_IER_THRI 0x02 /* transmitter holding register empty */
#define UART_IER_RLSI 0x04 /* receiver line status */
#define UART_IER_MSI 0x08  /* modem status */
#define UART_IER_MASK 0x0f

#define UART_IIR_NO_INT 0x01
#define UART_IIR_MSI 0x00
#define UART_IIR_THRI 0x02
#define UART_IIR_RDI 0x04
#define UART_IIR_RLSI 0x06
#define UART_IIR_FIFO_ENABLED 0xc0

#define UART_FCR_ENABLE_FIFO 0x01
#define UART_FCR_CLEAR_RCVR 0x02
#define UART_FCR_TRIGGER_MASK 0xc0

#define UART_LCR_DLAB 0x80

#define UART_MCR_DTR 0x01
#define UART_MCR_RTS 0x02
#define UART_MCR_OUT1 0x04
#define UART_MCR_OUT2 0x08
#define UART_MCR_LOOP 0x10
#define UART_MCR_MASK 0x1f

#define UART_LSR_DR 0x01
#define UART_LSR_OE 0x02
#define UART_LSR_THRE 0x20
#define UART_LSR_TEMT 0x40

#define UART_MSR_DCTS 0x01
#define UART_MSR_DDSR 0x02
#define UART_MSR_TERI 0x04
#define UART_MSR_DDCD 0x08
#define UART_MSR_CTS 0x10
#define UART_MSR_DSR 0x20
#define UART_MSR_RI 0x40
#define UART_MSR_DCD 0x80

struct uart8250 {
	struct uart8250_config cfg; /* read-only after create */

	/* The device lock: innermost in hartvisor's order; guards everything below. */
	pthread_mutex_t lock;
	uint8_t rx_fifo[UART8250_FIFO_SIZE];
	unsigned int rx_head, rx_count;
	uint8_t ier, lcr, mcr, fcr, scr, dll, dlm;
	uint8_t lsr_err;   /* LSR error bits (OE), cleared by reading LSR */
	uint8_t msr_delta; /* MSR delta bits, cleared by reading MSR */
	bool thr_ipending; /* THRE latched: set by THR writes, cleared by reading it in IIR */
	int irq_level;	   /* the level last reported through irq_set */
};

/* The modem inputs: wired to MCR in loopback, else a connected, ready line. */
static uint8_t __uart8250_msr_status(const struct uart8250 *u) /* u->lock */
{
	uint8_t s = 0;

	if (!(u->mcr & UART_MCR_LOOP))
		return UART_MSR_DCD | UART_MSR_DSR | UART_MSR_CTS;
	if (u->mcr & UART_MCR_RTS)
		s |= UART_MSR_CTS;
	if (u->mcr & UART_MCR_DTR)
		s |= UART_MSR_DSR;
	if (u->mcr & UART_MCR_OUT1)
		s |= UART_MSR_RI;
	if (u->mcr & UART_MCR_OUT2)
		s |= UART_MSR_DCD;
	return s;
}

/* The highest-priority pending, enabled interrupt, as IIR's low bits. */
static uint8_t __uart8250_iir_id(const struct uart8250 *u) /* u->lock */
{
	if ((u->ier & UART_IER_RLSI) && u->lsr_err)
		return UART_IIR_RLSI;
	if ((u->ier & UART_IER_RDI) && u->rx_count)
		return UART_IIR_RDI;
	if ((u->ier & UART_IER_THRI) && u->thr_ipending)
		return UART_IIR_THRI;
	if ((u->ier & UART_IER_MSI) && u->msr_delta)
		return UART_IIR_MSI;
	return UART_IIR_NO_INT;
}

/* Report the line level if it changed; see uart8250.h for the callback rule. */
static void __uart8250_irq_update(struct uart8250 *u) /* u->lock */
{
	int level = __uart8250_iir_id(u) != UART_IIR_NO_INT;

	if (level == u->irq_level)
		return;
	u->irq_level = level;
	if (u->cfg.irq_set)
		u->cfg.irq_set(u->cfg.opaque, level);
}

/* Returns false when the FIFO is full. */
static bool __uart8250_rx_put(struct uart8250 *u, uint8_t byte) /* u->lock */
{
	if (u->rx_count == UART8250_FIFO_SIZE)
		return false;
	u->rx_fifo[(u->rx_head + u->rx_count) % UART8250_FIFO_SIZE] = byte;
	u->rx_count++;
	return true;
}

static uint8_t __uart8250_rx_get(struct uart8250 *u) /* u->lock */
{
	uint8_t byte;

	/* An empty RBR reads as 0; the guest should have checked LSR.DR. */
	if (!u->rx_count)
		return 0;
	byte = u->rx_fifo[u->rx_head];
	u->rx_head = (u->rx_head + 1) % UART8250_FIFO_SIZE;
	u->rx_count--;
	return byte;
}

static void __uart8250_tx(struct uart8250 *u, uint8_t byte) /* u->lock */
{
	if (u->mcr & UART_MCR_LOOP) {
		/* The transmitter feeds the receiver; a full FIFO overruns. */
		if (!__uart8250_rx_put(u, byte))
			u->lsr_err |= UART_LSR_OE;
	} else if (u->cfg.tx) {
		u->cfg.tx(u->cfg.opaque, byte);
	}
	/* The byte left at once, so THR is empty again: THRE re-asserts. */
	u->thr_ipending = true;
}

static void __uart8250_mcr_write(struct uart8250 *u, uint8_t val) /* u->lock */
{
	uint8_t old = __uart8250_msr_status(u), now, changed;

	u->mcr = val & UART_MCR_MASK;
	now = __uart8250_msr_status(u);
	changed = old ^ now;
	if (changed & UART_MSR_CTS)
		u->msr_delta |= UART_MSR_DCTS;
	if (changed & UART_MSR_DSR)
		u->msr_delta |= UART_MSR_DDSR;
	if (changed & UART_MSR_DCD)
		u->msr_delta |= UART_MSR_DDCD;
	/* TERI reports the trailing edge of RI only. */
	if ((old & UART_MSR_RI) && !(now & UART_MSR_RI))
		u->msr_delta |= UART_MSR_TERI;
}

static int uart8250_mmio_read(void *opaque, uint64_t offset, unsigned int size, uint64_t *val)
{
	struct uart8250 *u = opaque;
	uint8_t v = 0, id;

	if (size != 1 || offset >= UART_NR_REGS)
		return -1;

	pthread_mutex_lock(&u->lock);
	switch (offset) {
	case UART_RX:
		v = (u->lcr & UART_LCR_DLAB) ? u->dll : __uart8250_rx_get(u);
		break;
	case UART_IER:
		v = (u->lcr & UART_LCR_DLAB) ? u->dlm : u->ier;
		break;
	case UART_IIR:
		id = __uart8250_iir_id(u);
		/* Reading IIR is how the guest acknowledges a THRE interrupt. */
		if (id == UART_IIR_THRI)
			u->thr_ipending = false;
		v = id | ((u->fcr & UART_FCR_ENABLE_FIFO) ? UART_IIR_FIFO_ENABLED : 0);
		break;
	case UART_LCR:
		v = u->lcr;
		break;
	case UART_MCR:
		v = u->mcr;
		break;
	case UART_LSR:
		v = UART_LSR_THRE | UART_LSR_TEMT | u->lsr_err | (u->rx_count ? UART_LSR_DR : 0);
		u->lsr_err = 0;
		break;
	case UART_MSR:
		v = __uart8250_msr_status(u) | u->msr_delta;
		u->msr_delta = 0;
		break;
	case UART_SCR:
		v = u->scr;
		break;
	}
	__uart8250_irq_update(u);
	pthread_mutex_unlock(&u->lock);

	*val = v;
	return 0;
}

static int uart8250_mmio_write(void *opaque, uint64_t offset, unsigned int size, uint64_t val)
{
	struct uart8250 *u = opaque;
	uint8_t v = (uint8_t)val;

	if (size != 1 || offset >= UART_NR_REGS)
		return -1;

	pthread_mutex_lock(&u->lock);
	switch (offset) {
	case UART_TX:
		if (u->lcr & UART_LCR_DLAB)
			u->dll = v;
		else
			__uart8250_tx(u, v);
		break;
	case UART_IER:
		if (u->lcr & UART_LCR_DLAB) {
			u->dlm = v;
			break;
		}
		/*
		 * THR is always empty, so enabling THRI raises the THRE
		 * interrupt at once, as on real parts; Linux's 8250 driver
		 * probes for exactly this at startup.
		 */
		if ((v & UART_IER_THRI) && !(u->ier & UART_IER_THRI))
			u->thr_ipending = true;
		u->ier = v & UART_IER_MASK;
		break;
	case UART_FCR:
		/* Toggling FIFO mode resets the FIFOs on a 16550. */
		if ((v & UART_FCR_CLEAR_RCVR) || ((v ^ u->fcr) & UART_FCR_ENABLE_FIFO))
			u->rx_head = u->rx_count = 0;
		u->fcr = v & (UART_FCR_ENABLE_FIFO | UART_FCR_TRIGGER_MASK);
		break;
	case UART_LCR:
		u->lcr = v;
		break;
	case UART_MCR:
		__uart8250_mcr_write(u, v);
		break;
	case UART_LSR:
	case UART_MSR:
		/* Factory-test writes: ignored, as QEMU does. */
		break;
	case UART_SCR:
		u->scr = v;
		break;
	}
	__uart8250_irq_update(u);
	pthread_mutex_unlock(&u->lock);
	return 0;
}

const struct hv_mmio_ops uart8250_mmio_ops = {
	.read = uart8250_mmio_read,
	.write = uart8250_mmio_write,
};

int uart8250_rx_push(struct uart8250 *u, uint8_t byte)
{
	int ret = 0;

	pthread_mutex_lock(&u->lock);
	/* In loopback the serial input is disconnected: the byte must wait. */
	if ((u->mcr & UART_MCR_LOOP) || !__uart8250_rx_put(u, byte))
		ret = -EAGAIN;
	else
		__uart8250_irq_update(u);
	pthread_mutex_unlock(&u->lock);
	return ret;
}

int uart8250_create(const struct uart8250_config *cfg, struct uart8250 **out)
{
	struct uart8250 *u;
	int ret;

	if (!cfg || !out)
		return -EINVAL;
	u = calloc(1, sizeof(*u));
	if (!u)
		return -ENOMEM;
	ret = pthread_mutex_init(&u->lock, NULL);
	if (ret) {
		free(u);
		return -ret;
	}
	u->cfg = *cfg;
	*out = u;
	return 0;
}

void uart8250_destroy(struct uart8250 *u)
{
	if (!u)
		return;
	pthread_mutex_destroy(&u->lock);
	free(u);
}

int uart8250_dt_node(void *fdt, void *opaque, const struct dt_machine *m)
{
	const struct uart8250 *u = opaque;
	int ret;

	(void)m;
	ret = dt_node_begin(fdt, "serial", u->cfg.base);
	if (ret)
		return ret;
	DT_CHECK(fdt_property_string(fdt, "compatible", "ns16550a"));
	ret = dt_reg_add(fdt, u->cfg.base, UART8250_MMIO_SIZE);
	if (ret)
		return ret;
	DT_CHECK(fdt_property_u32(fdt, "clock-frequency", UART8250_CLOCK_HZ));
	/*
	 * The line goes to the PLIC as source cfg.irq.  A UART whose line is
	 * not wired (no irq_set) describes no interrupt, so that Linux's 8250
	 * driver polls the port instead of waiting for one that never comes.
	 */
	if (u->cfg.irq_set && u->cfg.irq) {
		DT_CHECK(fdt_property_u32(fdt, "interrupt-parent", PLIC_PHANDLE));
		DT_CHECK(fdt_property_u32(fdt, "interrupts", u->cfg.irq));
	}
	DT_CHECK(fdt_end_node(fdt));
	return 0;
}
