/* hv-test: --initrd build/guest/boot_initrd.bin qemu-skip: guest/run_qemu.sh gives QEMU no -initrd */
// SPDX-License-Identifier: MIT
/*
 * The initrd is in RAM on the FIRST boot, where /chosen says.  The test is
 * its own initrd (build/guest/boot_initrd.bin), so the bytes at
 * linux,initrd-start must be this very image as loaded at _start.  Linux
 * found only zeros there once (the CLI copied the initrd on cold reboots
 * only) and, with no /init unpacked, panicked "VFS: Unable to mount root fs".
 * By hand on QEMU: -kernel build/guest/boot_initrd.bin -initrd <the same>.
 */
#include "guest.h"

#define FDT_MAGIC 0xd00dfeedu
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9

extern char _start[], _end[], __bss_start[];

/* Read-only data: everything from _start up to here is text or rodata. */
static const char rodata_probe[] = "boot_initrd";

static uint32_t be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* A /chosen property as a number (one or two cells); false if absent. */
static bool chosen_u64(unsigned long dtb, const char *prop, uint64_t *val)
{
	const uint8_t *fdt = (const uint8_t *)dtb;
	const uint8_t *p = fdt + be32(fdt + 8);
	const char *strings = (const char *)fdt + be32(fdt + 12);
	int depth = 0;
	bool in_chosen = false;

	if (be32(fdt) != FDT_MAGIC)
		return false;
	for (;;) {
		uint32_t tok = be32(p), len;
		const char *name;

		p += 4;
		switch (tok) {
		case FDT_BEGIN_NODE:
			name = (const char *)p;
			depth++;
			if (depth == 2)
				in_chosen = strcmp(name, "chosen") == 0;
			p += (strlen(name) + 1 + 3) & ~3ul;
			break;
		case FDT_END_NODE:
			if (depth-- == 2)
				in_chosen = false;
			break;
		case FDT_PROP:
			len = be32(p);
			name = strings + be32(p + 4);
			p += 8;
			if (in_chosen && depth == 2 && strcmp(name, prop) == 0) {
				if (len == 4)
					*val = be32(p);
				else if (len == 8)
					*val = (uint64_t)be32(p) << 32 | be32(p + 4);
				else
					return false;
				return true;
			}
			p += (len + 3) & ~3ul;
			break;
		case FDT_NOP:
			break;
		default: /* FDT_END or garbage */
			return false;
		}
	}
}

int main(unsigned long hartid, unsigned long dtb)
{
	uint64_t start = 0, end = 0, len, image_len, cmp_len, diff;
	const uint8_t *initrd, *image = (const uint8_t *)_start;

	(void)hartid;
	if (!CHECK("/chosen has linux,initrd-start",
		   chosen_u64(dtb, "linux,initrd-start", &start)) ||
	    !CHECK("/chosen has linux,initrd-end", chosen_u64(dtb, "linux,initrd-end", &end)))
		return 0;
	CHECK("initrd above the image", start >= (uintptr_t)_end);
	if (!CHECK("initrd-end > initrd-start", end > start))
		return 0;

	/* objcopy -O binary stops where .bss starts, rounded up to a page (the stacks). */
	len = end - start;
	image_len = (uintptr_t)__bss_start - (uintptr_t)_start;
	CHECK("initrd length is the image file's", len <= image_len && len + 4096 > image_len);

	/* Text and rodata are never written, so they must match byte for byte. */
	initrd = (const uint8_t *)start;
	cmp_len = (uintptr_t)rodata_probe - (uintptr_t)_start;
	if (cmp_len > len)
		cmp_len = len;
	for (diff = 0; diff < cmp_len && initrd[diff] == image[diff]; diff++)
		;
	CHECK_EQ("initrd bytes are the image's (first mismatch offset)", cmp_len, diff);
	CHECK("initrd starts with the Image magic",
	      memcmp(initrd + 48, "RISCV\0\0\0RSC\x05", 12) == 0);
	test_log("initrd at %p, %lu bytes, %lu compared", (void *)start, (unsigned long)len,
		 (unsigned long)cmp_len);
	return 0;
}
