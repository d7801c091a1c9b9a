/* hv-test: --cpus 4 --mem 256M qemu-skip: OpenSBI 1.1 has no DBCN */
// SPDX-License-Identifier: MIT
/*
 * SBI DBCN (debug console), with stdin at end of file as in the test runner.
 *  - console_write returns SUCCESS and value = the byte count, for a buffer
 *    inside one page and one that crosses a page boundary, on every hart;
 *  - console_write_byte returns SUCCESS, value 0; only the low 8 bits count;
 *  - console_read returns SUCCESS, value 0 (nothing waiting, non-blocking)
 *    and leaves the buffer alone;
 *  - num_bytes = 0 is SUCCESS, value 0, for write and read;
 *  - a buffer outside RAM, spanning its start or its end, wrapping past
 *    2^64, or with base_addr_hi != 0 is INVALID_PARAM, for write and read,
 *    and a failed read writes nothing;
 *  - FID 3 is NOT_SUPPORTED.
 */
#include "guest.h"

#define RAM_BASE 0x80000000ul
#define RAM_END (RAM_BASE + (256ul << 20)) /* --mem 256M */

static const char line[] = "sbi_dbcn: console_write works\n";
static char two_pages[8192] __attribute__((aligned(4096)));
static volatile unsigned char rbuf[64];

struct bad_range {
	const char *name;
	unsigned long num, lo, hi;
};

static volatile int sec_ok[GUEST_MAX_HARTS];

static void secondary(void *arg)
{
	char msg[48];
	int n = fmt_snprintf(msg, sizeof(msg), "sbi_dbcn: hello from hart %lu\n", hart_id());
	struct sbiret r = sbi_debug_console_write((unsigned long)n, (unsigned long)msg, 0);

	(void)arg;
	sec_ok[hart_id()] = r.error == SBI_SUCCESS && r.value == n;
}

int main(unsigned long hartid, unsigned long dtb)
{
	const struct bad_range bad[] = {
		{"below RAM (0x1000)", 8, 0x1000, 0},
		{"MMIO (UART)", 8, 0x10000000, 0},
		{"at the end of RAM", 8, RAM_END, 0},
		{"far above RAM", 8, 1ul << 40, 0},
		{"spanning the end of RAM", 8, RAM_END - 4, 0},
		{"spanning the start of RAM", 8, RAM_BASE - 4, 0},
		{"huge length from the image", 1ul << 40, (unsigned long)line, 0},
		{"length -1", ~0ul, (unsigned long)line, 0},
		{"wrapping past 2^64", 16, ~0ul - 7, 0},
		{"base_addr_hi = 1", 8, (unsigned long)line, 1},
		{"base_addr_hi = -1", 8, (unsigned long)line, ~0ul},
	};
	unsigned long others = smp_present_mask() & ~(1ul << hartid);
	struct sbiret r;
	unsigned int same;

	(void)dtb;
	r = sbi_debug_console_write(sizeof(line) - 1, (unsigned long)line, 0);
	CHECK_EQ("write: SUCCESS", SBI_SUCCESS, r.error);
	CHECK_EQ("write: value = bytes written", sizeof(line) - 1, r.value);

	/* A buffer crossing a page boundary: the last 10 bytes of one page, 10 of the next. */
	memcpy(two_pages + 4096 - 10, "sbi_dbcn: page-cross\n", 21);
	r = sbi_debug_console_write(21, (unsigned long)(two_pages + 4096 - 10), 0);
	CHECK_EQ("write across a page boundary: SUCCESS", SBI_SUCCESS, r.error);
	CHECK_EQ("write across a page boundary: value = 21", 21, r.value);

	r = sbi_debug_console_write(0, (unsigned long)line, 0);
	CHECK_EQ("write 0 bytes: SUCCESS", SBI_SUCCESS, r.error);
	CHECK_EQ("write 0 bytes: value 0", 0, r.value);

	r = sbi_debug_console_write_byte('#');
	CHECK_EQ("write_byte: SUCCESS", SBI_SUCCESS, r.error);
	CHECK_EQ("write_byte: value 0", 0, r.value);
	r = sbi_ecall(SBI_EXT_DBCN, SBI_EXT_DBCN_CONSOLE_WRITE_BYTE, 0xabcdef0000000a0aul, 0, 0, 0,
		      0, 0);
	CHECK_EQ("write_byte with upper bits set (low byte newline): SUCCESS", SBI_SUCCESS,
		 r.error);

	for (unsigned int i = 0; i < sizeof(rbuf); i++)
		rbuf[i] = 0xa5;
	r = sbi_debug_console_read(sizeof(rbuf), (unsigned long)rbuf, 0);
	CHECK_EQ("read with no input: SUCCESS", SBI_SUCCESS, r.error);
	CHECK_EQ("read with no input: value 0 (does not block)", 0, r.value);
	r = sbi_debug_console_read(0, (unsigned long)rbuf, 0);
	CHECK_EQ("read 0 bytes: SUCCESS", SBI_SUCCESS, r.error);
	CHECK_EQ("read 0 bytes: value 0", 0, r.value);

	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		r = sbi_debug_console_write(bad[i].num, bad[i].lo, bad[i].hi);
		test_check_eqf(SBI_ERR_INVALID_PARAM, r.error, "write %s: INVALID_PARAM",
			       bad[i].name);
		r = sbi_debug_console_read(bad[i].num, bad[i].lo, bad[i].hi);
		test_check_eqf(SBI_ERR_INVALID_PARAM, r.error, "read %s: INVALID_PARAM",
			       bad[i].name);
	}
	r = sbi_debug_console_read(1ul << 40, (unsigned long)rbuf, 0);
	CHECK_EQ("read of a huge length into a RAM buffer: INVALID_PARAM", SBI_ERR_INVALID_PARAM,
		 r.error);
	same = 0;
	for (unsigned int i = 0; i < sizeof(rbuf); i++)
		same += rbuf[i] == 0xa5;
	CHECK_EQ("the reads wrote nothing into the buffer", sizeof(rbuf), same);

	r = sbi_ecall(SBI_EXT_DBCN, 3, 1, (unsigned long)line, 0, 0, 0, 0);
	CHECK_EQ("DBCN fid 3: NOT_SUPPORTED", SBI_ERR_NOT_SUPPORTED, r.error);

	CHECK("at least 4 harts", smp_hart_count() >= 4);
	smp_start_all(secondary, NULL);
	smp_wait_all();
	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++)
		if (others & (1ul << h))
			test_checkf(sec_ok[h], "hart %lu: write SUCCESS, value = its length", h);
	return 0;
}
