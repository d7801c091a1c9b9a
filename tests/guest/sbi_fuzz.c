/* hv-test: --cpus 4 --mem 256M qemu-skip: the oracle is hartvisor's SBI (v3.0, SUSP, DBCN, strict masks) */
// SPDX-License-Identifier: MIT
/*
 * SBI fuzzing: all 4 harts fire FUZZ_CALLS random SBI calls each, with
 * random values in every argument register, random FIDs (small and 64-bit),
 * every implemented EID plus unknown, experimental, vendor and random ones,
 * hart masks with huge and wrapping bases, and addresses below, inside,
 * spanning the end of, and far beyond RAM.  A seeded xorshift PRNG per hart
 * makes the call sequence fixed.
 *
 * While the loop runs every hart is STARTED, so each call has one answer
 * the specification allows, which an oracle computes: the error (or set of
 * errors when the spec leaves the order of checks open), and for some calls
 * the value.  Every register but a0/a1 (a0 only, for legacy calls) must be
 * preserved.  Calls that may legitimately end or stop the hart are not
 * made: SRST with a valid type and reason, HSM hart_stop, retentive
 * suspend, non-retentive suspend with a valid address, and the legacy
 * shutdown; SUSP with a valid type and address is made, and must be DENIED.
 * Console writes that would succeed are limited to a printable buffer.
 *
 * Afterwards every hart is still STARTED and answers an IPI, stops and
 * starts again, and the VMM counts no invariant violation.
 */
#include "sbitest.h"

#define FUZZ_CALLS 4000
#define MAX_REPORTS 8 /* mismatches reported one by one, per hart */

#define RAM_BASE 0x80000000ul
#define RAM_SIZE (256ul << 20) /* --mem 256M */
#define RAM_END (RAM_BASE + RAM_SIZE)

/* Error-set bits: bit (-err) for an error, bit 0 for SUCCESS. */
#define OK (1u << 0)
#define E(err) (1u << -(err))
#define ANY_LEGACY_NEG (1u << 31) /* legacy: any negative a0 */

static unsigned int nharts;

struct rng {
	unsigned long s;
};

static unsigned long rnd(struct rng *r)
{
	unsigned long x = r->s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	r->s = x;
	return x * 0x2545F4914F6CDD1Dul;
}

static unsigned long pick(struct rng *r, unsigned long n)
{
	return rnd(r) % n;
}

static char printable[64] = "fuzz: dbcn write..............................................\n";

/* An address: inside RAM, at its edges, outside it, or wild. */
static unsigned long gen_addr(struct rng *r)
{
	switch (pick(r, 12)) {
	case 0:
		return 0;
	case 1:
		return 0x1000;
	case 2:
		return 0x10000000; /* UART */
	case 3:
		return RAM_BASE - 1 - pick(r, 64);
	case 4:
		return RAM_BASE + pick(r, RAM_SIZE);
	case 5:
		return RAM_END - 1 - pick(r, 64);
	case 6:
		return RAM_END + pick(r, 64);
	case 7:
		return ~0ul - pick(r, 64);
	case 8:
		return 1ul << (32 + pick(r, 32));
	case 9:
		return (unsigned long)printable + pick(r, 2);
	case 10:
		return RAM_BASE + 0x200000 + pick(r, 0x10000) * 2; /* in the image, even */
	default:
		return rnd(r);
	}
}

/* A size or count. */
static unsigned long gen_size(struct rng *r)
{
	switch (pick(r, 8)) {
	case 0:
		return 0;
	case 1:
		return 1 + pick(r, 16);
	case 2:
		return 0x1000;
	case 3:
		return ~0ul;
	case 4:
		return ~0ul - pick(r, 0x2000);
	case 5:
		return 1ul << pick(r, 64);
	case 6:
		return RAM_SIZE + pick(r, 3) - 1;
	default:
		return rnd(r);
	}
}

static unsigned long gen_base(struct rng *r)
{
	switch (pick(r, 10)) {
	case 0:
	case 1:
		return ~0ul;
	case 2:
	case 3:
		return pick(r, nharts);
	case 4:
		return nharts + pick(r, 4);
	case 5:
		return 63 + pick(r, 3);
	case 6:
		return 1ul << (32 + pick(r, 32));
	case 7:
		return ~0ul - 1 - pick(r, 64);
	default:
		return rnd(r);
	}
}

static unsigned long gen_mask(struct rng *r)
{
	switch (pick(r, 8)) {
	case 0:
		return 0;
	case 1:
		return 1;
	case 2:
		return (1ul << nharts) - 1;
	case 3:
		return 1ul << pick(r, 64);
	case 4:
		return ~0ul;
	case 5:
		return pick(r, 1ul << nharts);
	default:
		return rnd(r);
	}
}

static unsigned long gen_value(struct rng *r)
{
	switch (pick(r, 6)) {
	case 0:
		return 0;
	case 1:
		return pick(r, 8);
	case 2:
		return ~0ul - pick(r, 4);
	case 3:
		return (unsigned long)pick(r, 4) << 31;
	case 4:
		return rnd(r) & 0xffffffff;
	default:
		return rnd(r);
	}
}

static const unsigned long ext_eids[] = {SBI_EXT_BASE, SBI_EXT_TIME, SBI_EXT_IPI,  SBI_EXT_RFENCE,
					 SBI_EXT_HSM,  SBI_EXT_SRST, SBI_EXT_SUSP, SBI_EXT_DBCN};
static const unsigned long other_eids[] = {0x09,       0x11,	   0x504D55,  0x08000000,
					   0x08FFFFFF, 0x09000000, 0x0A000000};

/* 60% the v0.2+ extensions, 20% legacy (not shutdown), 20% others or random. */
static unsigned long gen_eid(struct rng *r)
{
	unsigned long p = pick(r, 10);

	if (p < 6)
		return ext_eids[pick(r, ARRAY_SIZE(ext_eids))];
	if (p < 8)
		return pick(r, 8);
	if (p < 9)
		return other_eids[pick(r, ARRAY_SIZE(other_eids))];
	return rnd(r);
}

/* How many FIDs, from 0, @eid defines. */
static unsigned long defined_fids(unsigned long eid)
{
	switch (eid) {
	case SBI_EXT_BASE:
		return 7;
	case SBI_EXT_RFENCE:
		return 7;
	case SBI_EXT_HSM:
		return 4;
	case SBI_EXT_DBCN:
		return 3;
	default:
		return 1;
	}
}

static bool mask_valid(unsigned long mask, unsigned long base)
{
	if (base == ~0ul || !mask)
		return true;
	if (base >= nharts)
		return false;
	return nharts - base >= 64 || !(mask >> (nharts - base));
}

/* [lo, lo + n) wholly in RAM, computed without overflow. */
static bool in_ram(unsigned long lo, unsigned long n)
{
	return lo >= RAM_BASE && lo < RAM_END && n <= RAM_END - lo;
}

static bool range_valid(unsigned long start, unsigned long size)
{
	return size == 0 || size == ~0ul || size - 1 <= ~0ul - start;
}

static bool addr_valid(unsigned long a)
{
	return in_ram(a, 1) && !(a & 1);
}

struct expect {
	unsigned int errs; /* acceptable errors */
	bool skip;	   /* the call may end or stop the hart */
	bool check_value;
	long value;
	bool legacy;
};

/* The oracle.  @a may be adjusted (console writes that would succeed). */
static struct expect oracle(unsigned long eid, unsigned long fid, unsigned long *a)
{
	struct expect x = {E(SBI_ERR_NOT_SUPPORTED), false, false, 0, false};
	uint32_t t32 = (uint32_t)a[0], r32 = (uint32_t)a[1];

	switch (eid) {
	case SBI_EXT_BASE:
		if (fid > 6)
			break;
		x.errs = OK;
		if (fid == 0) {
			x.check_value = true;
			x.value = 0x03000000;
		} else if (fid == 1) {
			x.check_value = true;
			x.value = 0x6876;
		}
		return x;
	case SBI_EXT_TIME:
		if (fid == 0)
			x.errs = OK;
		return x;
	case SBI_EXT_IPI:
		if (fid != 0)
			return x;
		if (!a[0] && a[1] != ~0ul && a[1] >= nharts)
			x.errs = OK | E(SBI_ERR_INVALID_PARAM); /* empty mask, bad base */
		else
			x.errs = mask_valid(a[0], a[1]) ? OK : E(SBI_ERR_INVALID_PARAM);
		return x;
	case SBI_EXT_RFENCE:
		if (fid > 2)
			return x; /* HFENCE 3-6 and unknown: NOT_SUPPORTED */
		if (!a[0] && a[1] != ~0ul && a[1] >= nharts)
			x.errs = OK | E(SBI_ERR_INVALID_PARAM);
		else
			x.errs = mask_valid(a[0], a[1]) ? OK : E(SBI_ERR_INVALID_PARAM);
		if (fid && !range_valid(a[2], a[3]))
			x.errs = (x.errs & ~OK) | E(SBI_ERR_INVALID_ADDRESS);
		return x;
	case SBI_EXT_HSM:
		switch (fid) {
		case 0: /* every hart is STARTED: never SUCCESS */
			if (a[0] >= nharts)
				x.errs = E(SBI_ERR_INVALID_PARAM) |
					 (addr_valid(a[1]) ? 0 : E(SBI_ERR_INVALID_ADDRESS));
			else if (!addr_valid(a[1]))
				x.errs = E(SBI_ERR_INVALID_ADDRESS) | E(SBI_ERR_ALREADY_AVAILABLE);
			else
				x.errs = E(SBI_ERR_ALREADY_AVAILABLE);
			return x;
		case 1:
			x.skip = true;
			return x;
		case 2:
			if (a[0] >= nharts) {
				x.errs = E(SBI_ERR_INVALID_PARAM);
			} else {
				x.errs = OK;
				x.check_value = true;
				x.value = SBI_HSM_STATE_STARTED;
			}
			return x;
		case 3:
			if (t32 == 0 || (t32 == 0x80000000 && addr_valid(a[1])))
				x.skip = true;
			else if (t32 == 0x80000000)
				x.errs = E(SBI_ERR_INVALID_ADDRESS);
			else
				x.errs = E(SBI_ERR_INVALID_PARAM);
			return x;
		}
		return x;
	case SBI_EXT_SRST:
		if (fid != 0)
			return x;
		if (t32 <= 2 && r32 <= 1)
			x.skip = true;
		else
			x.errs = E(SBI_ERR_INVALID_PARAM);
		return x;
	case SBI_EXT_SUSP:
		if (fid != 0)
			return x;
		if (t32 != 0)
			x.errs = E(SBI_ERR_INVALID_PARAM);
		else if (!addr_valid(a[1]))
			x.errs = E(SBI_ERR_INVALID_ADDRESS) | E(SBI_ERR_DENIED);
		else
			x.errs = E(SBI_ERR_DENIED); /* the other harts are STARTED */
		return x;
	case SBI_EXT_DBCN:
		if (fid == 2) {
			a[0] = 'A' + a[0] % 26; /* printable */
			x.errs = OK;
			return x;
		}
		if (fid > 1)
			return x;
		if (a[0] && !a[2] && in_ram(a[1], a[0])) {
			if (fid == 0) {
				/* Would succeed: write a little printable text instead. */
				a[0] = 1 + a[0] % 32;
				a[1] = (unsigned long)printable;
				x.value = (long)a[0];
			}
			x.errs = OK;
			x.check_value = true;
		} else if (!a[0]) {
			x.errs = OK | E(SBI_ERR_INVALID_PARAM);
		} else {
			x.errs = E(SBI_ERR_INVALID_PARAM);
		}
		return x;
	case 0x00: /* set_timer */
	case 0x01: /* console_putchar */
	case 0x03: /* clear_ipi: 0, or positive if an IPI was pending */
		x.legacy = true;
		if (eid == 0x01)
			a[0] = 'a' + a[0] % 26;
		x.errs = OK;
		x.check_value = eid != 0x03;
		return x;
	case 0x02: /* console_getchar: nothing waiting */
		x.legacy = true;
		x.errs = ANY_LEGACY_NEG;
		x.check_value = true;
		x.value = -1;
		return x;
	case 0x04:
	case 0x05:
	case 0x06:
	case 0x07:
		x.legacy = true;
		x.errs = OK | ANY_LEGACY_NEG;
		return x;
	}
	return x; /* unknown, experimental, vendor, firmware: NOT_SUPPORTED */
}

static unsigned long pattern(unsigned int n, unsigned long i)
{
	return (0xf0220000ul + n) ^ (i << 32);
}

static volatile unsigned long calls_made[GUEST_MAX_HARTS], bad_calls[GUEST_MAX_HARTS];
static volatile unsigned long skipped[GUEST_MAX_HARTS];
static volatile unsigned long hist[GUEST_MAX_HARTS][8]; /* non-legacy answers by -error */
static struct smp_barrier bar = SMP_BARRIER_INIT;

static void fuzz(unsigned long me)
{
	struct rng rg = {0x9E3779B97F4A7C15ul * (me + 1)};
	unsigned int reports = 0;

	csr_clear(sstatus, SSTATUS_SIE);
	csr_write(sie, 0);
	for (unsigned long i = 0; i < FUZZ_CALLS; i++) {
		unsigned long r[32], eid, fid, a[6], bad;
		struct expect x;
		long err, val;
		bool ok;

		eid = gen_eid(&rg);
		if (eid == HV_UCALL_EID || eid == 0x08)
			eid = 0x11;
		switch (pick(&rg, 6)) {
		case 0:
			fid = gen_value(&rg);
			break;
		case 1:
			fid = pick(&rg, 8);
			break;
		default:
			fid = pick(&rg, defined_fids(eid));
			break;
		}
		for (unsigned int k = 0; k < 6; k++) {
			switch (pick(&rg, 5)) {
			case 0:
				a[k] = gen_addr(&rg);
				break;
			case 1:
				a[k] = gen_size(&rg);
				break;
			case 2:
				a[k] = k == 1 ? gen_base(&rg) : gen_mask(&rg);
				break;
			default:
				a[k] = gen_value(&rg);
				break;
			}
		}
		/* Masks and bases where the calls take them, often. */
		if ((eid == SBI_EXT_IPI || eid == SBI_EXT_RFENCE) && pick(&rg, 2)) {
			a[0] = gen_mask(&rg);
			a[1] = gen_base(&rg);
		}
		if ((eid == SBI_EXT_DBCN || eid == SBI_EXT_SUSP || eid == SBI_EXT_HSM) &&
		    pick(&rg, 2))
			a[1] = gen_addr(&rg);
		if (eid == SBI_EXT_HSM && pick(&rg, 2))
			a[0] = pick(&rg, 2) ? 0x80000000ul | (rnd(&rg) & ~0xfffffffful) : a[0];

		x = oracle(eid, fid, a);
		if (x.skip) {
			skipped[me]++;
			continue;
		}
		for (unsigned int n = 0; n < 32; n++)
			r[n] = pattern(n, i);
		r[17] = eid;
		r[16] = fid;
		for (unsigned int k = 0; k < 6; k++)
			r[10 + k] = a[k];
		bad = sbi_regs_call(r, x.legacy);
		calls_made[me]++;

		err = (long)r[10];
		val = (long)r[11];
		if (!x.legacy && err <= 0 && err > -8)
			hist[me][-err]++;
		if (x.legacy) {
			ok = err < 0 ? (x.errs & ANY_LEGACY_NEG) != 0
				     : (err == 0 && (x.errs & OK)) || (eid == 0x03 && err > 0);
			if (x.check_value && ok)
				ok = err == (eid == 0x02 ? x.value : 0);
		} else {
			ok = err <= 0 && err > -31 && (x.errs & (1u << -err));
			if (ok && x.check_value && err == 0)
				ok = val == x.value;
		}
		if (!ok || bad) {
			bad_calls[me]++;
			if (reports++ < MAX_REPORTS)
				test_checkf(false,
					    "fuzz hart %lu call %lu: eid 0x%lx fid 0x%lx a0 0x%lx "
					    "a1 0x%lx "
					    "a2 0x%lx a3 0x%lx -> error %ld value 0x%lx (allowed "
					    "0x%x), "
					    "clobbered 0x%lx",
					    me, i, eid, fid, a[0], a[1], a[2], a[3], err, val,
					    x.errs, bad);
		}
	}
	sbi_set_timer(~0ul);
}

static volatile unsigned long ipi_acks[GUEST_MAX_HARTS], quit;

static void fuzz_secondary(void *arg)
{
	unsigned long me = hart_id();

	(void)arg;
	smp_barrier_wait(&bar, nharts);
	fuzz(me);
	smp_barrier_wait(&bar, nharts);
	/* Alive: answer IPIs until told to stop. */
	smp_barrier_wait(&bar, nharts);
	csr_clear(sip, MIP_SSIP);
	smp_barrier_wait(&bar, nharts);
	while (!quit) {
		if (csr_read(sip) & MIP_SSIP) {
			csr_clear(sip, MIP_SSIP);
			ipi_acks[me]++;
		}
	}
}

static volatile unsigned long restarted[GUEST_MAX_HARTS];

static void restart_fn(void *arg)
{
	(void)arg;
	restarted[hart_id()]++;
}

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long others, total = 0, bad = 0, skips = 0;
	struct sbiret r;

	(void)dtb;
	nharts = smp_hart_count();
	if (!CHECK("4 harts", nharts == 4))
		return 0;
	others = smp_present_mask() & ~(1ul << hartid);
	CHECK_EQ("started the other fuzzers", nharts - 1, smp_start_all(fuzz_secondary, NULL));

	smp_barrier_wait(&bar, nharts);
	fuzz(hartid);
	smp_barrier_wait(&bar, nharts);

	for (unsigned long h = 0; h < nharts; h++) {
		total += calls_made[h];
		bad += bad_calls[h];
		skips += skipped[h];
		test_check_eqf(0, bad_calls[h],
			       "hart %lu: %lu random calls, every answer as specified", h,
			       calls_made[h]);
	}
	test_log("%lu random SBI calls made, %lu skipped (would end or stop the hart), %lu wrong",
		 total, skips, bad);
	for (unsigned int e = 0; e < 8; e++) {
		unsigned long n = 0;

		for (unsigned long h = 0; h < nharts; h++)
			n += hist[h][e];
		test_log("answers with error %d: %lu", -(int)e, n);
	}
	CHECK("the fuzzers made calls", total > nharts * FUZZ_CALLS / 2);

	/* Still alive. */
	for (unsigned long h = 0; h < nharts; h++)
		test_check_eqf(SBI_HSM_STATE_STARTED, sbi_hart_get_status(h).value,
			       "after fuzzing: hart %lu STARTED", h);
	smp_barrier_wait(&bar, nharts);
	smp_barrier_wait(&bar, nharts);
	for (unsigned long h = 0; h < nharts; h++) {
		if (!(others & (1ul << h)))
			continue;
		r = sbi_send_ipi(1, h);
		test_check_eqf(SBI_SUCCESS, r.error, "after fuzzing: IPI to hart %lu SUCCESS", h);
		test_checkf(WAIT_FOR(ipi_acks[h] >= 1), "after fuzzing: hart %lu answers an IPI",
			    h);
	}
	quit = 1;
	smp_wait_all();
	for (unsigned long h = 0; h < nharts; h++) {
		if (!(others & (1ul << h)))
			continue;
		test_checkf(WAIT_FOR(sbi_hart_get_status(h).value == SBI_HSM_STATE_STOPPED),
			    "after fuzzing: hart %lu stopped", h);
		test_check_eqf(SBI_SUCCESS, smp_start_hart(h, restart_fn, NULL),
			       "after fuzzing: hart %lu starts again", h);
	}
	smp_wait_all();
	for (unsigned long h = 0; h < nharts; h++)
		if (others & (1ul << h))
			test_check_eqf(1, restarted[h], "after fuzzing: hart %lu ran again", h);
	if (test_ucall_active()) {
		r = sbi_ecall(HV_UCALL_EID, HV_UCALL_STATS, HV_UCALL_STAT_VIOLATIONS, 0, 0, 0, 0,
			      0);
		CHECK_EQ("the VMM counted no invariant violation", 0, r.value);
	}
	CHECK_EQ("the caller is STARTED", SBI_HSM_STATE_STARTED, sbi_hart_get_status(hartid).value);
	return 0;
}
