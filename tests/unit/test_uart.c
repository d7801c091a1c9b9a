// SPDX-License-Identifier: MIT
/*
 * Unit test for src/dev/uart8250.c, driven through its MMIO ops as a vCPU
 * would: TX, LSR, scratch, DLAB, loopback, the RX FIFO, interrupt levels and
 * priorities, access faults, RX from another thread, and the DT node.
 *
 * Exit: 0 pass, 1 skip, 2 fail, 99 test bug.
 */
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>

#include "dev/uart8250.h"
#include "fdt/dt.h"

#include "check.h"

#define BASE 0x10000000ull

/* Register offsets, as a guest driver would name them. */
enum {
	RBR = 0,
	THR = 0,
	DLL = 0,
	IER = 1,
	DLM = 1,
	IIR = 2,
	FCR = 2,
	LCR = 3,
	MCR = 4,
	LSR = 5,
	MSR = 6,
	SCR = 7
};

/* What the callbacks saw.  Only the thread holding the device lock writes it. */
struct sink {
	uint8_t out[64];
	unsigned int nout;
	int level;
	unsigned int irq_calls;
};

static void sink_tx(void *opaque, uint8_t byte)
{
	struct sink *s = opaque;

	if (s->nout < sizeof(s->out))
		s->out[s->nout] = byte;
	s->nout++;
}

static void sink_irq(void *opaque, int level)
{
	struct sink *s = opaque;

	s->level = level;
	s->irq_calls++;
}

static uint8_t rd_line(struct uart8250 *u, uint64_t off, int line)
{
	uint64_t v = 0xdead;
	int ret = uart8250_mmio_ops.read(u, off, 1, &v);

	/* Counted as a check only when it fails, so the totals stay readable. */
	if (ret)
		check_eq_at(__FILE__, line, "1-byte read succeeds", 0, (uint64_t)ret);
	return (uint8_t)v;
}

static void wr_line(struct uart8250 *u, uint64_t off, uint8_t val, int line)
{
	int ret = uart8250_mmio_ops.write(u, off, 1, val);

	if (ret)
		check_eq_at(__FILE__, line, "1-byte write succeeds", 0, (uint64_t)ret);
}

#define rd(u, off) rd_line(u, off, __LINE__)
#define wr(u, off, val) wr_line(u, off, val, __LINE__)

static struct uart8250 *make(struct sink *s, int with_irq)
{
	const struct uart8250_config cfg = {
		.base = BASE,
		.irq = 10,
		.tx = sink_tx,
		.irq_set = with_irq ? sink_irq : NULL,
		.opaque = s,
	};
	struct uart8250 *u = NULL;

	memset(s, 0, sizeof(*s));
	if (uart8250_create(&cfg, &u) || !u) {
		fprintf(stderr, "BUG: uart8250_create failed\n");
		exit(99);
	}
	return u;
}

static void test_reset_and_tx(void)
{
	struct sink s;
	struct uart8250 *u = make(&s, 1);
	uint64_t v;

	CHECK_EQ("reset: LSR = THRE|TEMT", 0x60, rd(u, LSR));
	CHECK_EQ("reset: IIR = no interrupt", 0x01, rd(u, IIR));
	CHECK_EQ("reset: IER", 0, rd(u, IER));
	CHECK_EQ("reset: MSR = DCD|DSR|CTS", 0xb0, rd(u, MSR));
	CHECK_EQ("reset: no irq calls", 0, s.irq_calls);

	wr(u, THR, 'h');
	CHECK_EQ("tx: first byte out at once", 1, s.nout);
	CHECK_EQ("tx: LSR after write", 0x60, rd(u, LSR));
	wr(u, THR, 'i');
	CHECK_EQ("tx: two bytes", 2, s.nout);
	CHECK_EQ("tx: bytes in order", 1, memcmp(s.out, "hi", 2) == 0);
	CHECK_EQ("tx: no irq without IER", 0, s.irq_calls);

	wr(u, SCR, 0x5a);
	CHECK_EQ("scratch 0x5a", 0x5a, rd(u, SCR));
	wr(u, SCR, 0xa5);
	CHECK_EQ("scratch 0xa5", 0xa5, rd(u, SCR));

	/* Access faults: wrong width, past the registers. */
	CHECK_EQ("2-byte read faults", -1, uart8250_mmio_ops.read(u, LSR, 2, &v));
	CHECK_EQ("4-byte read faults", -1, uart8250_mmio_ops.read(u, 0, 4, &v));
	CHECK_EQ("8-byte write faults", -1, uart8250_mmio_ops.write(u, THR, 8, 'x'));
	CHECK_EQ("faulting write sends nothing", 2, s.nout);
	CHECK_EQ("offset 8 read faults", -1, uart8250_mmio_ops.read(u, 8, 1, &v));
	CHECK_EQ("offset 0xff write faults", -1, uart8250_mmio_ops.write(u, 0xff, 1, 0));

	uart8250_destroy(u);
}

static void test_dlab(void)
{
	struct sink s;
	struct uart8250 *u = make(&s, 1);

	wr(u, IER, 0x05);
	wr(u, LCR, 0x83);
	CHECK_EQ("LCR reads back", 0x83, rd(u, LCR));
	wr(u, DLL, 0x0c);
	wr(u, DLM, 0x01);
	CHECK_EQ("DLAB: write to 0 is not transmitted", 0, s.nout);
	CHECK_EQ("DLAB: DLL", 0x0c, rd(u, DLL));
	CHECK_EQ("DLAB: DLM", 0x01, rd(u, DLM));
	wr(u, LCR, 0x03);
	CHECK_EQ("no DLAB: IER unchanged by DLM write", 0x05, rd(u, IER));
	CHECK_EQ("no DLAB: RBR (empty) instead of DLL", 0, rd(u, RBR));
	wr(u, THR, 'z');
	CHECK_EQ("no DLAB: THR transmits", 1, s.nout);
	wr(u, LCR, 0x80);
	CHECK_EQ("DLAB again: DLL kept", 0x0c, rd(u, DLL));
	CHECK_EQ("DLAB again: DLM kept", 0x01, rd(u, DLM));
	uart8250_destroy(u);
}

static void test_rx_fifo(void)
{
	struct sink s;
	struct uart8250 *u = make(&s, 1);
	int i;

	CHECK_EQ("rx: empty, DR clear", 0, rd(u, LSR) & 0x01);
	CHECK_EQ("rx: push a", 0, uart8250_rx_push(u, 'a'));
	CHECK_EQ("rx: push b", 0, uart8250_rx_push(u, 'b'));
	CHECK_EQ("rx: DR set", 0x61, rd(u, LSR));
	CHECK_EQ("rx: first byte", 'a', rd(u, RBR));
	CHECK_EQ("rx: DR still set", 1, rd(u, LSR) & 0x01);
	CHECK_EQ("rx: second byte", 'b', rd(u, RBR));
	CHECK_EQ("rx: DR clear after drain", 0x60, rd(u, LSR));
	CHECK_EQ("rx: empty RBR reads 0", 0, rd(u, RBR));

	for (i = 0; i < UART8250_FIFO_SIZE; i++)
		CHECK_EQ("rx: fill FIFO", 0, uart8250_rx_push(u, (uint8_t)(0x30 + i)));
	CHECK_EQ("rx: 17th byte refused", -EAGAIN, uart8250_rx_push(u, 'X'));
	CHECK_EQ("rx: full FIFO does not overrun", 0, rd(u, LSR) & 0x02);
	CHECK_EQ("rx: FIFO order kept across wrap", 0x30, rd(u, RBR));
	CHECK_EQ("rx: room after one read", 0, uart8250_rx_push(u, 'Y'));
	for (i = 1; i < UART8250_FIFO_SIZE; i++)
		CHECK_EQ("rx: FIFO order", 0x30 + i, rd(u, RBR));
	CHECK_EQ("rx: wrapped byte last", 'Y', rd(u, RBR));
	CHECK_EQ("rx: empty again", 0, rd(u, LSR) & 0x01);

	/* FCR: clearing the receive FIFO. */
	uart8250_rx_push(u, '1');
	uart8250_rx_push(u, '2');
	wr(u, FCR, 0x01);
	CHECK_EQ("fcr: enabling FIFOs resets them", 0, rd(u, LSR) & 0x01);
	uart8250_rx_push(u, '3');
	wr(u, FCR, 0x03);
	CHECK_EQ("fcr: CLEAR_RCVR empties the FIFO", 0, rd(u, LSR) & 0x01);
	uart8250_destroy(u);
}

static void test_irq(void)
{
	struct sink s;
	struct uart8250 *u = make(&s, 1);

	wr(u, FCR, 0x01); /* FIFO mode: IIR bits 7:6 set */

	/* RDA */
	wr(u, IER, 0x01);
	CHECK_EQ("rda: no data, line low", 0, s.level);
	CHECK_EQ("rda: IIR no interrupt", 0xc1, rd(u, IIR));
	uart8250_rx_push(u, 'q');
	CHECK_EQ("rda: line high after push", 1, s.level);
	uart8250_rx_push(u, 'r');
	CHECK_EQ("rda: irq_set only on level changes", 1, s.irq_calls);
	CHECK_EQ("rda: IIR = RDI", 0xc4, rd(u, IIR));
	CHECK_EQ("rda: IIR read does not clear RDA", 1, s.level);
	rd(u, RBR);
	CHECK_EQ("rda: still data, still high", 1, s.level);
	rd(u, RBR);
	CHECK_EQ("rda: drained, line low", 0, s.level);
	CHECK_EQ("rda: two level changes", 2, s.irq_calls);
	uart8250_rx_push(u, 's');
	wr(u, IER, 0x00);
	CHECK_EQ("rda: IER off lowers the line", 0, s.level);
	wr(u, IER, 0x01);
	CHECK_EQ("rda: IER on raises it again", 1, s.level);
	rd(u, RBR);
	wr(u, IER, 0x00);

	/* THRE */
	wr(u, IER, 0x02);
	CHECK_EQ("thre: enabling THRI raises the line", 1, s.level);
	CHECK_EQ("thre: IIR = THRI", 0xc2, rd(u, IIR));
	CHECK_EQ("thre: IIR read acknowledges", 0, s.level);
	CHECK_EQ("thre: IIR then empty", 0xc1, rd(u, IIR));
	wr(u, THR, '!');
	CHECK_EQ("thre: THR write re-asserts", 1, s.level);
	wr(u, IER, 0x00);
	CHECK_EQ("thre: IER off lowers the line", 0, s.level);
	CHECK_EQ("thre: IIR masked", 0xc1, rd(u, IIR));

	/* Priority: RDA over THRE, and reading IIR for RDA keeps THRE latched. */
	wr(u, IER, 0x03);
	uart8250_rx_push(u, 'p');
	CHECK_EQ("prio: RDA first", 0xc4, rd(u, IIR));
	CHECK_EQ("prio: RDA first again", 0xc4, rd(u, IIR));
	rd(u, RBR);
	CHECK_EQ("prio: then THRE", 0xc2, rd(u, IIR));
	CHECK_EQ("prio: then nothing", 0xc1, rd(u, IIR));
	CHECK_EQ("prio: line low", 0, s.level);
	wr(u, IER, 0x00);

	/* 16450 mode: no FIFO bits in IIR. */
	wr(u, FCR, 0x00);
	CHECK_EQ("fcr off: IIR without FIFO bits", 0x01, rd(u, IIR));
	uart8250_destroy(u);

	/* No irq_set callback: the model still works. */
	u = make(&s, 0);
	wr(u, IER, 0x03);
	uart8250_rx_push(u, 'n');
	CHECK_EQ("no irq_set: IIR = RDI", 0x04, rd(u, IIR));
	CHECK_EQ("no irq_set: nothing called", 0, s.irq_calls);
	uart8250_destroy(u);
}

static void test_loopback(void)
{
	struct sink s;
	struct uart8250 *u = make(&s, 1);
	int i;

	/* Linux's 8250 autoconfig check: loop + OUT2 + RTS reads back DCD + CTS. */
	wr(u, MCR, 0x1a);
	CHECK_EQ("loop: MCR reads back", 0x1a, rd(u, MCR));
	CHECK_EQ("loop: MSR status = DCD|CTS", 0x90, rd(u, MSR) & 0xf0);
	wr(u, MCR, 0x1f);
	CHECK_EQ("loop: all outputs -> all inputs", 0xf0, rd(u, MSR) & 0xf0);
	wr(u, MCR, 0x1b);
	CHECK_EQ("loop: OUT1 falling edge sets TERI", 0x04, rd(u, MSR) & 0x0f);
	CHECK_EQ("loop: MSR read clears deltas", 0, rd(u, MSR) & 0x0f);

	wr(u, THR, 'L');
	CHECK_EQ("loop: tx callback not called", 0, s.nout);
	CHECK_EQ("loop: byte received", 0x61, rd(u, LSR));
	CHECK_EQ("loop: RBR", 'L', rd(u, RBR));
	CHECK_EQ("loop: external input disconnected", -EAGAIN, uart8250_rx_push(u, 'e'));

	/* Overrun: 17 bytes into a 16-byte FIFO. */
	wr(u, IER, 0x04);
	for (i = 0; i <= UART8250_FIFO_SIZE; i++)
		wr(u, THR, (uint8_t)i);
	CHECK_EQ("loop: RLS interrupt on overrun", 1, s.level);
	CHECK_EQ("loop: IIR = RLSI", 0x06, rd(u, IIR));
	CHECK_EQ("loop: LSR shows OE and DR", 0x63, rd(u, LSR));
	CHECK_EQ("loop: LSR read clears OE", 0x61, rd(u, LSR));
	CHECK_EQ("loop: line low after OE cleared", 0, s.level);
	CHECK_EQ("loop: first byte kept", 0, rd(u, RBR));

	wr(u, MCR, 0x00);
	CHECK_EQ("no loop: MSR back to DCD|DSR|CTS", 0xb0, rd(u, MSR) & 0xf0);
	wr(u, THR, 'o');
	CHECK_EQ("no loop: tx callback again", 1, s.nout);
	CHECK_EQ("no loop: rx_push accepted", 0, uart8250_rx_push(u, 'e'));
	uart8250_destroy(u);
}

/* Another thread pushes; this one reads through MMIO.  Order must hold. */
#define STREAM_LEN 20000

static void *pusher(void *arg)
{
	struct uart8250 *u = arg;

	for (int i = 0; i < STREAM_LEN; i++) {
		while (uart8250_rx_push(u, (uint8_t)(i * 31)) == -EAGAIN)
			sched_yield();
	}
	return NULL;
}

static void test_rx_thread(void)
{
	struct sink s;
	struct uart8250 *u = make(&s, 0);
	pthread_t t;
	int i, bad = -1;

	if (pthread_create(&t, NULL, pusher, u)) {
		fprintf(stderr, "BUG: pthread_create\n");
		exit(99);
	}
	for (i = 0; i < STREAM_LEN; i++) {
		while (!(rd(u, LSR) & 0x01))
			sched_yield();
		if (rd(u, RBR) != (uint8_t)(i * 31) && bad < 0)
			bad = i;
	}
	pthread_join(t, NULL);
	CHECK_EQ("rx thread: first out-of-order byte (-1: none)", -1, bad);
	uart8250_destroy(u);
}

static void test_dt_node(void)
{
	struct sink s;
	struct uart8250 *u = make(&s, 0);
	const struct dt_device dev = {uart8250_dt_node, u};
	const struct dt_machine m = {
		.nr_cpus = 1,
		.ram_base = 0x80000000,
		.ram_size = 128 << 20,
		.timebase_hz = 10000000,
		.isa = "rv64imac",
	};
	const fdt64_t reg[2] = {cpu_to_fdt64(BASE), cpu_to_fdt64(UART8250_MMIO_SIZE)};
	static uint8_t buf[16384];
	const void *p;
	int off, len;

	CHECK_EQ("dt: build", 1, dt_build(&m, &dev, 1, buf, sizeof(buf)) > 0);
	off = fdt_path_offset(buf, "/soc/serial@10000000");
	CHECK_EQ("dt: /soc/serial@10000000 exists", 1, off >= 0);
	p = fdt_getprop(buf, off, "compatible", &len);
	CHECK_EQ("dt: compatible ns16550a", 1, p && len == 9 && !memcmp(p, "ns16550a", 9));
	p = fdt_getprop(buf, off, "reg", &len);
	CHECK_EQ("dt: reg", 1, p && len == sizeof(reg) && !memcmp(p, reg, sizeof(reg)));
	p = fdt_getprop(buf, off, "clock-frequency", &len);
	CHECK_EQ("dt: clock-frequency length", 4, len);
	if (p && len == 4)
		CHECK_EQ("dt: clock-frequency", 3686400, fdt32_to_cpu(*(const fdt32_t *)p));
	CHECK_EQ("dt: no interrupts until the PLIC exists", 0,
		 fdt_getprop(buf, off, "interrupts", &len) != NULL);
	CHECK_EQ("dt: tiny buffer", -ENOSPC, dt_build(&m, &dev, 1, buf, 200));
	uart8250_destroy(u);
}

int main(void)
{
	struct uart8250 *u = NULL;

	CHECK_EQ("create(NULL config)", -EINVAL, uart8250_create(NULL, &u));
	uart8250_destroy(NULL);

	test_reset_and_tx();
	test_dlab();
	test_rx_fifo();
	test_irq();
	test_loopback();
	test_rx_thread();
	test_dt_node();

	return check_finish("test_uart");
}
