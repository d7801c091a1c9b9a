/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the race torture guests (tests/race/NAME.c): a hart entry
 * point that passes the HSM opaque through, parameters from
 * /chosen/bootargs (hartvisor's --append), the protocol counters of
 * HV_UCALL_STATS, and a per-hart pseudo-random generator.
 *
 * Each torture guest defines
 *	void race_hart_entry(unsigned long hartid, unsigned long opaque);
 * which every hart started (or resumed) at race_entry runs, on its own
 * stack, with interrupts off and nothing else set up; it must call
 * hart_setup() first.
 */
#ifndef TESTS_RACE_RACE_H
#define TESTS_RACE_RACE_H

#include "guest.h"
#include "hartvisor/ucall.h"

#define RACE_STR_(x) #x
#define RACE_STR(x) RACE_STR_(x)

/* HART_START, resume and warm-reboot entry: a0 = hart id, a1 = opaque. */
extern char race_entry[];
void race_hart_entry(unsigned long hartid, unsigned long opaque);

/* clang-format off */
asm(".pushsection .text\n"
    ".globl race_entry\n"
    ".balign 4\n"
    "race_entry:\n"
    "	csrw	sie, zero\n"
    "	csrci	sstatus, 2\n"
    "	li	t0, " RACE_STR(GUEST_MAX_HARTS) "\n"
    "	bgeu	a0, t0, 1f\n"
    "	la	sp, guest_stacks\n"
    "	addi	t0, a0, 1\n"
    "	slli	t0, t0, " RACE_STR(GUEST_STACK_SHIFT) "\n"
    "	add	sp, sp, t0\n"
    "	call	race_hart_entry\n"
    "1:	wfi\n"
    "	j	1b\n"
    ".popsection\n");
/* clang-format on */

/* ---- /chosen/bootargs from the flattened device tree ------------------------- */

static inline uint32_t race_be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* The bootargs string of the DTB at @dtb, or "" if there is none. */
static inline const char *race_bootargs(unsigned long dtb)
{
	const uint8_t *fdt = (const uint8_t *)dtb;
	const uint8_t *p, *end, *strs;
	int depth = 0, in_chosen = 0;

	if (!dtb || race_be32(fdt) != 0xd00dfeed)
		return "";
	p = fdt + race_be32(fdt + 8);
	end = p + race_be32(fdt + 36);
	strs = fdt + race_be32(fdt + 12);
	while (p < end) {
		uint32_t tok = race_be32(p);

		p += 4;
		if (tok == 1) { /* FDT_BEGIN_NODE */
			const char *name = (const char *)p;

			depth++;
			if (depth == 2 && (!strcmp(name, "chosen") || !memcmp(name, "chosen@", 7)))
				in_chosen = 1;
			p += (strlen(name) + 4) & ~3ul;
		} else if (tok == 2) { /* FDT_END_NODE */
			if (depth == 2)
				in_chosen = 0;
			depth--;
		} else if (tok == 3) { /* FDT_PROP */
			uint32_t len = race_be32(p), nameoff = race_be32(p + 4);

			if (in_chosen && !strcmp((const char *)strs + nameoff, "bootargs") && len)
				return (const char *)p + 8;
			p += 8 + ((len + 3) & ~3u);
		} else if (tok == 4) { /* FDT_NOP */
			continue;
		} else {
			break; /* FDT_END, or garbage */
		}
	}
	return "";
}

/* Does @s start with the @n bytes of @prefix?  Stops at the end of @s. */
static inline int race_starts_with(const char *s, const char *prefix, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != prefix[i])
			return 0;
	return 1;
}

/*
 * The value of "@key=NUMBER" in @args (words separated by spaces or commas),
 * or @def.  Decimal, or hex with 0x.
 */
static inline unsigned long race_param(const char *args, const char *key, unsigned long def)
{
	size_t klen = strlen(key);
	const char *p = args;

	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		if (race_starts_with(p, key, klen) && p[klen] == '=') {
			unsigned long v = 0, base = 10;

			p += klen + 1;
			if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
				base = 16;
				p += 2;
			}
			for (;; p++) {
				unsigned long d;

				if (*p >= '0' && *p <= '9')
					d = (unsigned long)(*p - '0');
				else if (base == 16 && *p >= 'a' && *p <= 'f')
					d = (unsigned long)(*p - 'a' + 10);
				else
					break;
				v = v * base + d;
			}
			return v;
		}
		while (*p && *p != ' ' && *p != ',')
			p++;
	}
	return def;
}

/* Is "@key=@val" one of the words of @args? */
static inline int race_param_is(const char *args, const char *key, const char *val)
{
	size_t klen = strlen(key), vlen = strlen(val);
	const char *p = args;

	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		if (race_starts_with(p, key, klen) && p[klen] == '=' &&
		    race_starts_with(p + klen + 1, val, vlen) &&
		    (!p[klen + 1 + vlen] || p[klen + 1 + vlen] == ' ' || p[klen + 1 + vlen] == ','))
			return 1;
		while (*p && *p != ' ' && *p != ',')
			p++;
	}
	return 0;
}

/* ---- HV_UCALL_STATS ------------------------------------------------------------ */

/* One protocol counter, or 0 on a host without the ucall (QEMU). */
static inline unsigned long race_stat(unsigned long sel)
{
	struct sbiret r;

	if (!test_ucall_active())
		return 0;
	r = sbi_ecall(HV_UCALL_EID, HV_UCALL_STATS, sel, 0, 0, 0, 0, 0);
	return r.error ? 0 : (unsigned long)r.value;
}

struct race_vmm_stats {
	unsigned long attempts, commits, denied, starts, violations, boots;
};

static inline void race_vmm_stats(struct race_vmm_stats *s)
{
	s->attempts = race_stat(HV_UCALL_STAT_SUSP_ATTEMPTS);
	s->commits = race_stat(HV_UCALL_STAT_SUSP_COMMITS);
	s->denied = race_stat(HV_UCALL_STAT_SUSP_DENIED);
	s->starts = race_stat(HV_UCALL_STAT_HART_STARTS);
	s->violations = race_stat(HV_UCALL_STAT_VIOLATIONS);
	s->boots = race_stat(HV_UCALL_STAT_BOOTS);
}

/* ---- per-hart pseudo-random numbers (xorshift64) ----------------------------- */

static unsigned long race_rng[GUEST_MAX_HARTS][8]; /* one cache line per hart */

static inline unsigned long race_rand(unsigned long me)
{
	unsigned long x = race_rng[me][0];

	if (!x)
		x = 0x9e3779b97f4a7c15ul * (me + 1) ^ time_now();
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	race_rng[me][0] = x;
	return x;
}

/* HART_STOP the calling hart, which must have interrupts off.  Never returns. */
static inline __attribute__((noreturn)) void race_stop_self(void)
{
	sbi_hart_stop();
	for (;;)
		wfi();
}

#endif /* TESTS_RACE_RACE_H */
