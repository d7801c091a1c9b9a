// SPDX-License-Identifier: MIT
/*
 * Unit test for src/dev/plic.c, driven through its MMIO ops as a vCPU would:
 * reset state, priorities, enables, thresholds, claim/complete order, level
 * re-assertion after complete, per-context outputs through a recording
 * set_seip callback, bad accesses, reset, the DT node, the UART wired to it,
 * and plic_set_irq() from other threads while a "hart" claims and completes.
 *
 * Exit: 0 pass, 2 fail, 99 test bug.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <string.h>

#include <libfdt.h>

#include "check.h"
#include "dev/plic.h"
#include "dev/uart8250.h"
#include "fdt/dt.h"

#define BASE 0x0c000000ull
#define NR_HARTS 4

#define PRIO(id) (4u * (id))
#define PENDING(w) (0x1000u + 4u * (w))
#define ENABLE(ctx, w) (0x2000u + 0x80u * (ctx) + 4u * (w))
#define THRESHOLD(ctx) (0x200000u + 0x1000u * (ctx))
#define CLAIM(ctx) (0x200004u + 0x1000u * (ctx))

/*
 * What set_seip saw.  The callback runs under the PLIC lock, but the test
 * threads read it without that lock, hence the atomics.
 */
struct seip {
	_Atomic int level[NR_HARTS];
	_Atomic unsigned int calls[NR_HARTS];
	_Atomic unsigned int repeats; /* a call that did not change the level */
	_Atomic unsigned int bad_hart;
};

static void seip_record(void *opaque, unsigned int hart, int level)
{
	struct seip *s = opaque;

	if (hart >= NR_HARTS) {
		atomic_fetch_add(&s->bad_hart, 1);
		return;
	}
	if (atomic_load(&s->level[hart]) == !!level)
		atomic_fetch_add(&s->repeats, 1);
	atomic_store(&s->level[hart], !!level);
	atomic_fetch_add(&s->calls[hart], 1);
}

static struct plic *make(struct seip *s)
{
	const struct plic_config cfg = {
		.base = BASE,
		.nr_harts = NR_HARTS,
		.set_seip = seip_record,
		.opaque = s,
	};
	struct plic *p = NULL;

	memset(s, 0, sizeof(*s));
	if (plic_create(&cfg, &p) || !p) {
		fprintf(stderr, "BUG: plic_create failed\n");
		exit(99);
	}
	return p;
}

static uint32_t rd_line(struct plic *p, uint64_t off, int line)
{
	uint64_t v = 0xdeadbeef;

	if (plic_mmio_ops.read(p, off, 4, &v)) {
		fprintf(stderr, "BUG: read of %#llx faulted (line %d)\n", (unsigned long long)off,
			line);
		exit(99);
	}
	if (v > UINT32_MAX) {
		fprintf(stderr, "BUG: read of %#llx returned %#llx (line %d)\n",
			(unsigned long long)off, (unsigned long long)v, line);
		exit(99);
	}
	return (uint32_t)v;
}

static void wr_line(struct plic *p, uint64_t off, uint32_t val, int line)
{
	if (plic_mmio_ops.write(p, off, 4, val)) {
		fprintf(stderr, "BUG: write of %#llx faulted (line %d)\n", (unsigned long long)off,
			line);
		exit(99);
	}
}

#define rd(p, off) rd_line(p, off, __LINE__)
#define wr(p, off, val) wr_line(p, off, val, __LINE__)

static void test_create(void)
{
	struct plic_config cfg = {.base = BASE, .nr_harts = 1};
	struct plic *p = NULL;

	CHECK_EQ("create(NULL config)", -EINVAL, plic_create(NULL, &p));
	CHECK_EQ("create(NULL out)", -EINVAL, plic_create(&cfg, NULL));
	cfg.nr_harts = 0;
	CHECK_EQ("create(0 harts)", -EINVAL, plic_create(&cfg, &p));
	cfg.nr_harts = HV_MAX_VCPUS + 1;
	CHECK_EQ("create(too many harts)", -EINVAL, plic_create(&cfg, &p));
	cfg.nr_harts = HV_MAX_VCPUS;
	CHECK_EQ("create(HV_MAX_VCPUS harts, no callback)", 0, plic_create(&cfg, &p));
	/* Without set_seip, state still changes and nothing crashes. */
	plic_set_irq(p, 1, 1);
	wr(p, PRIO(1), 1);
	wr(p, ENABLE(HV_MAX_VCPUS - 1, 0), 2);
	CHECK_EQ("no callback: last context claims", 1, rd(p, CLAIM(HV_MAX_VCPUS - 1)));
	CHECK_EQ("last context threshold register", 0, rd(p, THRESHOLD(HV_MAX_VCPUS - 1)));
	plic_destroy(p);
	plic_destroy(NULL);
}

static void test_reset_state(void)
{
	struct seip s;
	struct plic *p = make(&s);
	uint32_t any = 0;

	for (unsigned int id = 0; id <= PLIC_NR_SOURCES; id++)
		any |= rd(p, PRIO(id));
	CHECK_EQ("reset: priorities 0", 0, any);
	for (unsigned int w = 0; w < 3; w++) {
		any |= rd(p, PENDING(w));
		for (unsigned int c = 0; c < NR_HARTS; c++)
			any |= rd(p, ENABLE(c, w));
	}
	CHECK_EQ("reset: pending and enables 0", 0, any);
	for (unsigned int c = 0; c < NR_HARTS; c++) {
		CHECK_EQ("reset: threshold 0", 0, rd(p, THRESHOLD(c)));
		CHECK_EQ("reset: claim 0", 0, rd(p, CLAIM(c)));
		CHECK_EQ("reset: no set_seip", 0, s.calls[c]);
	}
	plic_destroy(p);
}

static void test_registers(void)
{
	struct seip s;
	struct plic *p = make(&s);

	/* Priorities: 3 bits, WARL; source 0 and ids above 95 do not exist. */
	wr(p, PRIO(1), 0xffffffff);
	CHECK_EQ("priority: 3 bits", 7, rd(p, PRIO(1)));
	wr(p, PRIO(95), 5);
	CHECK_EQ("priority 95", 5, rd(p, PRIO(95)));
	wr(p, PRIO(0), 3);
	CHECK_EQ("priority 0 is hardwired 0", 0, rd(p, PRIO(0)));
	wr(p, PRIO(96), 3);
	CHECK_EQ("priority 96 does not exist", 0, rd(p, PRIO(96)));
	wr(p, PRIO(1023), 3);
	CHECK_EQ("priority 1023 does not exist", 0, rd(p, PRIO(1023)));

	/* Enables: bit 0 (source 0) and words past id 95 are hardwired 0. */
	wr(p, ENABLE(0, 0), 0xffffffff);
	CHECK_EQ("enable word 0: no source 0", 0xfffffffe, rd(p, ENABLE(0, 0)));
	wr(p, ENABLE(0, 2), 0xffffffff);
	CHECK_EQ("enable word 2: ids 64..95", 0xffffffff, rd(p, ENABLE(0, 2)));
	wr(p, ENABLE(0, 3), 0xffffffff);
	CHECK_EQ("enable word 3 does not exist", 0, rd(p, ENABLE(0, 3)));
	CHECK_EQ("enables are per context", 0, rd(p, ENABLE(1, 0)));
	wr(p, ENABLE(3, 1), 0x12345678);
	CHECK_EQ("enable ctx 3 word 1", 0x12345678, rd(p, ENABLE(3, 1)));
	wr(p, ENABLE(NR_HARTS, 0), 0xffffffff);
	CHECK_EQ("enable of a missing context", 0, rd(p, ENABLE(NR_HARTS, 0)));

	/* Thresholds: 3 bits; missing contexts read 0. */
	wr(p, THRESHOLD(2), 0xfffffff9);
	CHECK_EQ("threshold: 3 bits", 1, rd(p, THRESHOLD(2)));
	CHECK_EQ("threshold is per context", 0, rd(p, THRESHOLD(1)));
	wr(p, THRESHOLD(NR_HARTS), 3);
	CHECK_EQ("threshold of a missing context", 0, rd(p, THRESHOLD(NR_HARTS)));
	CHECK_EQ("claim of a missing context", 0, rd(p, CLAIM(NR_HARTS)));

	/* Pending is read-only; reserved space reads 0 and ignores writes. */
	wr(p, PENDING(0), 0xffffffff);
	CHECK_EQ("pending is read-only", 0, rd(p, PENDING(0)));
	wr(p, 0x1080, 1);
	CHECK_EQ("reserved after pending", 0, rd(p, 0x1080));
	wr(p, 0x200008, 1);
	CHECK_EQ("reserved context word", 0, rd(p, 0x200008));
	wr(p, 0x5ffffc, 1);
	CHECK_EQ("last word of the window", 0, rd(p, 0x5ffffc));
	for (unsigned int c = 0; c < NR_HARTS; c++)
		CHECK_EQ("register writes alone raise nothing", 0, s.calls[c]);
	CHECK_EQ("no bad hart", 0, s.bad_hart);
	plic_destroy(p);
}

static void test_bad_access(void)
{
	static const struct {
		uint64_t off;
		unsigned int size;
	} bad[] = {
		{PRIO(1), 1},	   {PRIO(1), 2},	{PRIO(1), 8},
		{PRIO(1) + 1, 4},  {PRIO(1) + 2, 4},	{CLAIM(0), 8},
		{CLAIM(0) + 2, 2}, {PENDING(0) + 3, 1}, {PLIC_MMIO_SIZE, 4},
	};
	struct seip s;
	struct plic *p = make(&s);
	uint64_t v;

	plic_set_irq(p, 1, 1);
	wr(p, PRIO(1), 1);
	wr(p, ENABLE(0, 0), 2);
	for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		v = 0x1234;
		CHECK_EQ("bad read faults", -1, plic_mmio_ops.read(p, bad[i].off, bad[i].size, &v));
		CHECK_EQ("bad read leaves *val", 0x1234, v);
		CHECK_EQ("bad write faults", -1,
			 plic_mmio_ops.write(p, bad[i].off, bad[i].size, 0xffffffff));
	}
	/* A faulting claim-sized read must not have claimed anything. */
	CHECK_EQ("bad accesses changed nothing: priority", 1, rd(p, PRIO(1)));
	CHECK_EQ("bad accesses changed nothing: pending", 2, rd(p, PENDING(0)));
	CHECK_EQ("bad accesses changed nothing: claim", 1, rd(p, CLAIM(0)));

	/* Out-of-range ids on the device side are ignored. */
	plic_set_irq(p, 0, 1);
	plic_set_irq(p, PLIC_NR_SOURCES + 1, 1);
	plic_set_irq(p, 1024, 1);
	plic_set_irq(p, ~0u, 1);
	CHECK_EQ("id 0/96/1024: pending word 0", 0, rd(p, PENDING(0)));
	CHECK_EQ("id 96: pending word 3", 0, rd(p, PENDING(3)));
	/* Completing an out-of-range id is ignored too. */
	wr(p, CLAIM(0), 0);
	wr(p, CLAIM(0), 96);
	wr(p, CLAIM(0), 0xffffffff);
	CHECK_EQ("bogus completes: 1 still in flight", 0, rd(p, PENDING(0)));
	wr(p, CLAIM(0), 1);
	CHECK_EQ("real complete: 1 pending again", 2, rd(p, PENDING(0)));
	plic_destroy(p);
}

static void test_priority_threshold(void)
{
	struct seip s;
	struct plic *p = make(&s);

	/* A high line is pending whatever its priority or enable. */
	plic_set_irq(p, 5, 1);
	CHECK_EQ("line high: pending", 1u << 5, rd(p, PENDING(0)));
	CHECK_EQ("disabled, priority 0: output low", 0, s.calls[0]);
	wr(p, ENABLE(0, 0), 1u << 5);
	CHECK_EQ("enabled, priority 0 (never): output low", 0, s.calls[0]);
	CHECK_EQ("priority 0: claim returns 0", 0, rd(p, CLAIM(0)));
	CHECK_EQ("claim of nothing leaves it pending", 1u << 5, rd(p, PENDING(0)));
	wr(p, PRIO(5), 3);
	CHECK_EQ("priority 3 > threshold 0: output high", 1, s.level[0]);
	CHECK_EQ("one call", 1, s.calls[0]);
	CHECK_EQ("other harts untouched", 0, s.calls[1] + s.calls[2] + s.calls[3]);
	wr(p, THRESHOLD(0), 3);
	CHECK_EQ("priority 3 = threshold 3: output low", 0, s.level[0]);
	CHECK_EQ("threshold 3: claim returns 0", 0, rd(p, CLAIM(0)));
	CHECK_EQ("still pending", 1u << 5, rd(p, PENDING(0)));
	wr(p, THRESHOLD(0), 2);
	CHECK_EQ("threshold 2: output high", 1, s.level[0]);
	wr(p, ENABLE(0, 0), 0);
	CHECK_EQ("disabled: output low", 0, s.level[0]);
	wr(p, ENABLE(0, 0), 1u << 5);
	CHECK_EQ("re-enabled: output high", 1, s.level[0]);
	wr(p, PRIO(5), 0);
	CHECK_EQ("priority 0: output low", 0, s.level[0]);
	wr(p, PRIO(5), 7);
	CHECK_EQ("priority 7: output high", 1, s.level[0]);

	/* A line that drops before the claim withdraws the request. */
	plic_set_irq(p, 5, 0);
	CHECK_EQ("line low: not pending", 0, rd(p, PENDING(0)));
	CHECK_EQ("line low: output low", 0, s.level[0]);
	CHECK_EQ("line low: claim returns 0", 0, rd(p, CLAIM(0)));
	plic_set_irq(p, 5, 0);
	plic_set_irq(p, 5, 1);
	plic_set_irq(p, 5, 1);
	CHECK_EQ("line high again: output high", 1, s.level[0]);
	CHECK_EQ("calls only on changes", 0, s.repeats);
	CHECK_EQ("call count", 9, s.calls[0]);
	plic_destroy(p);
}

static void test_claim_complete(void)
{
	struct seip s;
	struct plic *p = make(&s);

	/* 3:2, 7:5, 9:5, 40:1, 64:0 (never), 95:4 (disabled) */
	wr(p, PRIO(3), 2);
	wr(p, PRIO(7), 5);
	wr(p, PRIO(9), 5);
	wr(p, PRIO(40), 1);
	wr(p, PRIO(95), 4);
	wr(p, ENABLE(0, 0), (1u << 3) | (1u << 7) | (1u << 9));
	wr(p, ENABLE(0, 1), 1u << (40 - 32));
	wr(p, ENABLE(0, 2), 1u << 0); /* 64 */
	plic_set_irq(p, 40, 1);
	plic_set_irq(p, 9, 1);
	plic_set_irq(p, 3, 1);
	plic_set_irq(p, 7, 1);
	plic_set_irq(p, 64, 1);
	plic_set_irq(p, 95, 1);
	CHECK_EQ("pending word 0", (1u << 3) | (1u << 7) | (1u << 9), rd(p, PENDING(0)));
	CHECK_EQ("pending word 1", 1u << 8, rd(p, PENDING(1)));
	CHECK_EQ("pending word 2", (1u << 0) | (1u << 31), rd(p, PENDING(2)));
	CHECK_EQ("output high", 1, s.level[0]);

	/* Highest priority first; of equal priorities the lowest id. */
	CHECK_EQ("claim 1: 7 (prio 5, lower id than 9)", 7, rd(p, CLAIM(0)));
	CHECK_EQ("claimed 7 is no longer pending", (1u << 3) | (1u << 9), rd(p, PENDING(0)));
	CHECK_EQ("claim 2: 9", 9, rd(p, CLAIM(0)));
	CHECK_EQ("claim 3: 3", 3, rd(p, CLAIM(0)));
	CHECK_EQ("output still high (40)", 1, s.level[0]);
	CHECK_EQ("claim 4: 40", 40, rd(p, CLAIM(0)));
	CHECK_EQ("output low: only 64 (prio 0) and 95 (disabled) left", 0, s.level[0]);
	CHECK_EQ("claim 5: nothing", 0, rd(p, CLAIM(0)));
	CHECK_EQ("in-flight sources are not pending", 0, rd(p, PENDING(0)));

	/* Complete with the line still high: pending again at once. */
	wr(p, CLAIM(0), 9);
	CHECK_EQ("9 completed, line high: pending", 1u << 9, rd(p, PENDING(0)));
	CHECK_EQ("9 completed, line high: output high", 1, s.level[0]);
	/* An in-flight source stays in flight though its line drops and rises. */
	plic_set_irq(p, 7, 0);
	plic_set_irq(p, 7, 1);
	CHECK_EQ("7 in flight: not pending", 1u << 9, rd(p, PENDING(0)));
	CHECK_EQ("claim: 9 again", 9, rd(p, CLAIM(0)));
	CHECK_EQ("output low", 0, s.level[0]);

	/* Complete after the device lowered the line: done. */
	plic_set_irq(p, 3, 0);
	wr(p, CLAIM(0), 3);
	CHECK_EQ("3 completed, line low: not pending", 0, rd(p, PENDING(0)));
	CHECK_EQ("3 completed, line low: output low", 0, s.level[0]);
	plic_set_irq(p, 3, 1);
	CHECK_EQ("3 raised again: pending", 1u << 3, rd(p, PENDING(0)));
	CHECK_EQ("3 raised again: output high", 1, s.level[0]);

	/* A completion for a source not enabled for the context is ignored. */
	wr(p, ENABLE(0, 1), 0);
	wr(p, CLAIM(0), 40);
	CHECK_EQ("40 disabled: complete ignored", 0, rd(p, PENDING(1)));
	wr(p, CLAIM(1), 40);
	CHECK_EQ("40 not enabled for ctx 1 either", 0, rd(p, PENDING(1)));
	wr(p, ENABLE(1, 1), 1u << 8);
	wr(p, CLAIM(1), 40);
	CHECK_EQ("completed through ctx 1, where it is enabled", 1u << 8, rd(p, PENDING(1)));
	CHECK_EQ("ctx 1: 40 prio 1 > 0: output high", 1, s.level[1]);
	CHECK_EQ("ctx 0: 3 pending, output high", 1, s.level[0]);
	CHECK_EQ("claim ctx 0: 3", 3, rd(p, CLAIM(0)));
	CHECK_EQ("claim ctx 0: 40 is not enabled here", 0, rd(p, CLAIM(0)));
	CHECK_EQ("claim ctx 1: 40", 40, rd(p, CLAIM(1)));
	CHECK_EQ("both outputs low", 0, s.level[0] + s.level[1]);
	CHECK_EQ("calls only on changes", 0, s.repeats);
	plic_destroy(p);
}

/* One source enabled for several contexts: the first claim wins. */
static void test_contexts(void)
{
	struct seip s;
	struct plic *p = make(&s);

	wr(p, PRIO(10), 1);
	wr(p, PRIO(11), 2);
	wr(p, ENABLE(1, 0), 1u << 10);
	wr(p, ENABLE(3, 0), (1u << 10) | (1u << 11));
	wr(p, THRESHOLD(3), 1);
	plic_set_irq(p, 10, 1);
	CHECK_EQ("ctx 0: not enabled", 0, s.level[0]);
	CHECK_EQ("ctx 1: enabled", 1, s.level[1]);
	CHECK_EQ("ctx 2: not enabled", 0, s.level[2]);
	CHECK_EQ("ctx 3: prio 1 not above threshold 1", 0, s.level[3]);
	plic_set_irq(p, 11, 1);
	CHECK_EQ("ctx 3: 11 (prio 2) above threshold", 1, s.level[3]);
	CHECK_EQ("ctx 3 claims 11", 11, rd(p, CLAIM(3)));
	CHECK_EQ("ctx 3: low again", 0, s.level[3]);
	CHECK_EQ("ctx 1: still high", 1, s.level[1]);
	wr(p, THRESHOLD(3), 0);
	CHECK_EQ("ctx 3: threshold 0, 10 visible", 1, s.level[3]);
	CHECK_EQ("ctx 3 claims 10", 10, rd(p, CLAIM(3)));
	CHECK_EQ("ctx 1: 10 claimed elsewhere, low", 0, s.level[1]);
	CHECK_EQ("ctx 1: claim returns 0", 0, rd(p, CLAIM(1)));
	/* Completing through another context where it is enabled also works. */
	wr(p, CLAIM(1), 10);
	CHECK_EQ("10 completed via ctx 1: ctx 1 high", 1, s.level[1]);
	CHECK_EQ("10 completed via ctx 1: ctx 3 high", 1, s.level[3]);
	CHECK_EQ("ctx 0 never called", 0, s.calls[0]);
	CHECK_EQ("ctx 2 never called", 0, s.calls[2]);

	/* Reset lowers the outputs and forgets the claims; lines stay. */
	plic_reset(p);
	CHECK_EQ("reset: ctx 1 low", 0, s.level[1]);
	CHECK_EQ("reset: ctx 3 low", 0, s.level[3]);
	CHECK_EQ("reset: lines kept, 11 no longer in flight", (1u << 10) | (1u << 11),
		 rd(p, PENDING(0)));
	CHECK_EQ("reset: priority 0", 0, rd(p, PRIO(10)));
	CHECK_EQ("reset: enables 0", 0, rd(p, ENABLE(3, 0)));
	CHECK_EQ("reset: claim returns 0", 0, rd(p, CLAIM(3)));
	CHECK_EQ("calls only on changes", 0, s.repeats);
	CHECK_EQ("no bad hart", 0, s.bad_hart);
	plic_destroy(p);
}

static void irq_ignore(void *opaque, int level)
{
	(void)opaque;
	(void)level;
}

static void test_dt_node(void)
{
	struct seip s;
	struct plic *p = make(&s);
	struct uart8250 *u = NULL;
	const struct uart8250_config uc = {.base = 0x10000000, .irq = 10, .irq_set = irq_ignore};
	struct dt_machine m = {
		.nr_cpus = NR_HARTS,
		.ram_base = 0x80000000,
		.ram_size = 128 << 20,
		.timebase_hz = 10000000,
		.isa = "rv64imac",
	};
	static const char compat[] = "sifive,plic-1.0.0\0riscv,plic0";
	const fdt64_t reg[2] = {cpu_to_fdt64(BASE), cpu_to_fdt64(PLIC_MMIO_SIZE)};
	static uint8_t buf[32768];
	struct dt_device d[2] = {{plic_dt_node, p}, {uart8250_dt_node, NULL}};
	const fdt32_t *ie;
	const void *v;
	int off, len;

	if (uart8250_create(&uc, &u)) {
		fprintf(stderr, "BUG: uart8250_create failed\n");
		exit(99);
	}
	d[1].opaque = u;
	CHECK("dt: build", dt_build(&m, d, 2, buf, sizeof(buf)) > 0);
	off = fdt_path_offset(buf, "/soc/plic@c000000");
	CHECK("dt: /soc/plic@c000000 exists", off >= 0);
	CHECK_EQ("dt: phandle PLIC_PHANDLE finds it", off,
		 fdt_node_offset_by_phandle(buf, PLIC_PHANDLE));
	CHECK_EQ("dt: PLIC_PHANDLE is the first device phandle", DT_PHANDLE_DEVICE, PLIC_PHANDLE);
	v = fdt_getprop(buf, off, "compatible", &len);
	CHECK("dt: compatible", v && len == sizeof(compat) && !memcmp(v, compat, sizeof(compat)));
	v = fdt_getprop(buf, off, "reg", &len);
	CHECK("dt: reg", v && len == sizeof(reg) && !memcmp(v, reg, sizeof(reg)));
	v = fdt_getprop(buf, off, "#interrupt-cells", &len);
	CHECK("dt: #interrupt-cells 1", v && len == 4 && fdt32_to_cpu(*(const fdt32_t *)v) == 1);
	v = fdt_getprop(buf, off, "#address-cells", &len);
	CHECK("dt: #address-cells 0", v && len == 4 && fdt32_to_cpu(*(const fdt32_t *)v) == 0);
	v = fdt_getprop(buf, off, "riscv,ndev", &len);
	CHECK("dt: riscv,ndev 95", v && len == 4 && fdt32_to_cpu(*(const fdt32_t *)v) == 95);
	v = fdt_getprop(buf, off, "interrupt-controller", &len);
	CHECK("dt: interrupt-controller", v && len == 0);
	ie = fdt_getprop(buf, off, "interrupts-extended", &len);
	CHECK_EQ("dt: interrupts-extended: a pair per hart", 8 * NR_HARTS, len);
	for (unsigned int h = 0; ie && len == 8 * NR_HARTS && h < NR_HARTS; h++) {
		char path[64];

		CHECK_EQ("dt: context h -> hart h's cpu-intc", dt_cpu_intc_phandle(h),
			 fdt32_to_cpu(ie[2 * h]));
		CHECK_EQ("dt: S-mode external interrupt", 9, fdt32_to_cpu(ie[2 * h + 1]));
		snprintf(path, sizeof(path), "/cpus/cpu@%x/interrupt-controller", h);
		CHECK_EQ("dt: the cpu-intc phandle resolves", fdt_path_offset(buf, path),
			 fdt_node_offset_by_phandle(buf, dt_cpu_intc_phandle(h)));
	}

	/* A UART whose line is wired names the PLIC and its source. */
	off = fdt_path_offset(buf, "/soc/serial@10000000");
	CHECK("dt: /soc/serial@10000000 exists", off >= 0);
	v = fdt_getprop(buf, off, "interrupt-parent", &len);
	CHECK("dt: uart interrupt-parent = PLIC_PHANDLE",
	      v && len == 4 && fdt32_to_cpu(*(const fdt32_t *)v) == PLIC_PHANDLE);
	v = fdt_getprop(buf, off, "interrupts", &len);
	CHECK("dt: uart interrupts = <10>",
	      v && len == 4 && fdt32_to_cpu(*(const fdt32_t *)v) == 10);

	/* More contexts than cpus in the tree would point at missing nodes. */
	m.nr_cpus = NR_HARTS - 1;
	CHECK_EQ("dt: more harts than cpus", -EINVAL, dt_build(&m, d, 1, buf, sizeof(buf)));
	m.nr_cpus = NR_HARTS;
	CHECK_EQ("dt: tiny buffer", -ENOSPC, dt_build(&m, d, 1, buf, 300));
	uart8250_destroy(u);
	plic_destroy(p);
}

/* ---- the UART wired to the PLIC, as the hartvisor command does -------------- */

struct wired {
	struct plic *plic;
	unsigned int tx;
};

static void wired_tx(void *opaque, uint8_t byte)
{
	struct wired *w = opaque;

	(void)byte;
	w->tx++;
}

static void wired_irq(void *opaque, int level)
{
	struct wired *w = opaque;

	plic_set_irq(w->plic, 10, level);
}

static void test_uart_wired(void)
{
	struct seip s;
	struct wired w = {.plic = make(&s)};
	const struct uart8250_config uc = {
		.base = 0x10000000, .irq = 10, .tx = wired_tx, .irq_set = wired_irq, .opaque = &w};
	struct uart8250 *u = NULL;
	uint64_t v;

	if (uart8250_create(&uc, &u)) {
		fprintf(stderr, "BUG: uart8250_create failed\n");
		exit(99);
	}
	wr(w.plic, PRIO(10), 1);
	wr(w.plic, ENABLE(2, 0), 1u << 10);
	uart8250_mmio_ops.write(u, 1, 1, 0x01); /* IER = RDI */
	CHECK_EQ("uart: nothing received, output low", 0, s.level[2]);
	CHECK_EQ("uart: rx_push", 0, uart8250_rx_push(u, 'x'));
	CHECK_EQ("uart: byte received, hart 2 output high", 1, s.level[2]);
	CHECK_EQ("uart: claim 10", 10, rd(w.plic, CLAIM(2)));
	CHECK_EQ("uart: claimed, output low", 0, s.level[2]);
	uart8250_mmio_ops.read(u, 0, 1, &v); /* RBR: the line drops */
	CHECK_EQ("uart: the byte", 'x', v);
	wr(w.plic, CLAIM(2), 10);
	CHECK_EQ("uart: completed with the line low: nothing pending", 0, rd(w.plic, PENDING(0)));
	CHECK_EQ("uart: output low", 0, s.level[2]);
	/* Enabling THRI raises the THRE interrupt at once (Linux probes it). */
	uart8250_mmio_ops.write(u, 1, 1, 0x02);
	CHECK_EQ("uart: THRE raises the line", 1, s.level[2]);
	uart8250_mmio_ops.write(u, 1, 1, 0x00);
	CHECK_EQ("uart: IER 0 drops it", 0, s.level[2]);
	CHECK_EQ("uart: calls only on changes", 0, s.repeats);
	uart8250_destroy(u);
	plic_destroy(w.plic);
}

/* ---- threads ------------------------------------------------------------------ */

#define ROUNDS 20000

struct race {
	struct plic *p;
	struct seip *s;
	_Atomic unsigned int served;  /* the hart claimed round n */
	_Atomic unsigned int lowered; /* the device dropped its line for round n */
	_Atomic unsigned int done;    /* the hart completed round n */
	_Atomic int stop;
	unsigned int device_bad;
};

/* A device on source 20: raise, wait for the handler to claim, drop. */
static void *device_thread(void *arg)
{
	struct race *r = arg;

	for (unsigned int n = 1; n <= ROUNDS; n++) {
		while (atomic_load(&r->done) != n - 1)
			sched_yield();
		plic_set_irq(r->p, 20, 1);
		while (atomic_load(&r->served) != n)
			sched_yield();
		plic_set_irq(r->p, 20, 0);
		atomic_store(&r->lowered, n);
	}
	return NULL;
}

/* Noise on sources 30 and 90, enabled for context 1 only. */
static void *noise_thread(void *arg)
{
	struct race *r = arg;
	unsigned int i = 0;

	while (!atomic_load(&r->stop)) {
		plic_set_irq(r->p, 30, i & 1);
		plic_set_irq(r->p, 90, (i >> 1) & 1);
		i++;
	}
	plic_set_irq(r->p, 30, 0);
	plic_set_irq(r->p, 90, 0);
	return NULL;
}

static void test_threads(void)
{
	struct seip s;
	struct race r = {.p = make(&s), .s = &s};
	pthread_t dev, noise;
	unsigned int wrong_claim = 0, early_claim = 0, stale_high = 0;

	wr(r.p, PRIO(20), 2);
	wr(r.p, PRIO(30), 1);
	wr(r.p, PRIO(90), 3);
	wr(r.p, ENABLE(0, 0), 1u << 20);
	wr(r.p, ENABLE(1, 0), 1u << 30);
	wr(r.p, ENABLE(1, 2), 1u << (90 - 64));
	if (pthread_create(&dev, NULL, device_thread, &r) ||
	    pthread_create(&noise, NULL, noise_thread, &r)) {
		fprintf(stderr, "BUG: pthread_create\n");
		exit(99);
	}
	/* Hart 0's handler: wait for SEIP, claim, let the device drop, complete. */
	for (unsigned int n = 1; n <= ROUNDS; n++) {
		uint32_t id;

		while (!atomic_load(&s.level[0]))
			sched_yield();
		id = rd(r.p, CLAIM(0));
		if (id != 20)
			wrong_claim++;
		if (rd(r.p, CLAIM(0)) != 0)
			early_claim++;
		atomic_store(&r.served, n);
		while (atomic_load(&r.lowered) != n)
			sched_yield();
		wr(r.p, CLAIM(0), 20);
		if (atomic_load(&s.level[0]))
			stale_high++;
		atomic_store(&r.done, n);
		/* Hart 1 takes whatever the noise left pending, now and then. */
		if (n % 64 == 0) {
			id = rd(r.p, CLAIM(1));
			if (id)
				wr(r.p, CLAIM(1), id);
		}
	}
	atomic_store(&r.stop, 1);
	pthread_join(dev, NULL);
	pthread_join(noise, NULL);
	CHECK_EQ("threads: every claim on ctx 0 returned 20", 0, wrong_claim);
	CHECK_EQ("threads: nothing claimable while 20 in flight", 0, early_claim);
	CHECK_EQ("threads: output low after each complete", 0, stale_high);
	CHECK_EQ("threads: calls only on changes", 0, s.repeats);
	CHECK_EQ("threads: hart 0 saw a rise and a fall per round", 2 * ROUNDS, s.calls[0]);
	CHECK_EQ("threads: all lines low at the end", 0, rd(r.p, PENDING(0)) | rd(r.p, PENDING(2)));
	CHECK_EQ("threads: hart 1 low at the end", 0, s.level[1]);
	CHECK_EQ("threads: harts 2, 3 never called", 0, s.calls[2] + s.calls[3]);
	plic_destroy(r.p);
}

int main(void)
{
	test_create();
	test_reset_state();
	test_registers();
	test_bad_access();
	test_priority_threshold();
	test_claim_complete();
	test_contexts();
	test_dt_node();
	test_uart_wired();
	test_threads();
	return check_finish("test_plic");
}
