// SPDX-License-Identifier: MIT
/*
 * Unit test for src/vmm/loader.c: ELF, Image and raw kernels built in memory
 * are loaded into a host buffer standing in for guest RAM, and placement,
 * entry, footprint and every error path are checked.
 *
 * Exit: 0 pass, 1 skip, 2 fail, 99 test bug.
 */
#include <elf.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vmm/loader.h"

#include "check.h"

#define RAM_BASE 0x80000000ull
#define RAM_SIZE (8ull << 20)
#define POISON 0xaa

/* Does RAM hold @byte throughout [gpa, gpa + len)? */
static int ram_all(const uint8_t *ram, uint64_t gpa, size_t len, uint8_t byte)
{
	for (size_t i = 0; i < len; i++) {
		if (ram[gpa - RAM_BASE + i] != byte)
			return 0;
	}
	return 1;
}

static size_t ram_count_not(const uint8_t *ram, uint8_t byte)
{
	size_t n = 0;

	for (size_t i = 0; i < RAM_SIZE; i++)
		n += ram[i] != byte;
	return n;
}

/* ---- an ELF built in memory ---------------------------------------------------- */

struct test_seg {
	uint64_t vaddr, paddr, filesz, memsz;
	uint8_t fill; /* file bytes are fill, fill+1, ... */
};

/*
 * Lay out: ehdr, phdrs, then each segment's file bytes.  The test host is
 * little-endian (checked in main), so the structs are the file format.
 */
static size_t elf_build(uint8_t *buf, size_t cap, uint16_t machine, uint64_t entry,
			const struct test_seg *segs, unsigned int n)
{
	Elf64_Ehdr eh = {0};
	size_t off = sizeof(eh) + n * sizeof(Elf64_Phdr);

	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = ET_EXEC;
	eh.e_machine = machine;
	eh.e_version = EV_CURRENT;
	eh.e_entry = entry;
	eh.e_phoff = sizeof(eh);
	eh.e_ehsize = sizeof(eh);
	eh.e_phentsize = sizeof(Elf64_Phdr);
	eh.e_phnum = n;
	memcpy(buf, &eh, sizeof(eh));

	for (unsigned int i = 0; i < n; i++) {
		Elf64_Phdr ph = {0};

		ph.p_type = PT_LOAD;
		ph.p_flags = PF_R | PF_W | PF_X;
		ph.p_offset = off;
		ph.p_vaddr = segs[i].vaddr;
		ph.p_paddr = segs[i].paddr;
		ph.p_filesz = segs[i].filesz;
		ph.p_memsz = segs[i].memsz;
		ph.p_align = 8;
		memcpy(buf + sizeof(eh) + i * sizeof(ph), &ph, sizeof(ph));
		if (off + segs[i].filesz > cap) {
			fprintf(stderr, "BUG: elf_build overflow\n");
			exit(99);
		}
		for (uint64_t k = 0; k < segs[i].filesz; k++)
			buf[off + k] = (uint8_t)(segs[i].fill + k);
		off += segs[i].filesz;
	}
	return off;
}

static Elf64_Ehdr *elf_ehdr(uint8_t *buf)
{
	return (Elf64_Ehdr *)buf;
}

static Elf64_Phdr *elf_phdr(uint8_t *buf, unsigned int i)
{
	return (Elf64_Phdr *)(buf + sizeof(Elf64_Ehdr) + i * sizeof(Elf64_Phdr));
}

static int load(uint8_t *ram, const void *data, size_t len, struct loader_info *info)
{
	memset(ram, POISON, RAM_SIZE);
	memset(info, 0, sizeof(*info));
	return loader_load_kernel(ram, RAM_BASE, RAM_SIZE, data, len, info);
}

static void test_elf_ok(uint8_t *ram, uint8_t *buf, size_t cap)
{
	const struct test_seg segs[] = {
		{0x80200000, 0x80200000, 16, 32, 0x10},
		{0x80300000, 0x80300000, 8, 8, 0x40},
	};
	struct loader_info info;
	size_t len = elf_build(buf, cap, EM_RISCV, 0x80200004, segs, 2);

	CHECK_EQ("elf: load", 0, load(ram, buf, len, &info));
	CHECK_EQ("elf: format", LOADER_FORMAT_ELF, info.format);
	CHECK_EQ("elf: entry", 0x80200004, info.entry);
	CHECK_EQ("elf: kernel_start", 0x80200000, info.kernel_start);
	CHECK_EQ("elf: kernel_end", 0x80300008, info.kernel_end);
	CHECK_EQ("elf: seg0 first byte", 0x10, ram[0x200000]);
	CHECK_EQ("elf: seg0 last file byte", 0x1f, ram[0x20000f]);
	CHECK_EQ("elf: seg0 bss zeroed", 1, ram_all(ram, 0x80200010, 16, 0));
	CHECK_EQ("elf: seg1 bytes", 0x47, ram[0x300007]);
	/* 32 bytes of seg0 and 8 of seg1 are written, and nothing else. */
	CHECK_EQ("elf: nothing else written", 32 + 8, ram_count_not(ram, POISON));
}

/* A higher-half kernel: linked at a virtual address, loaded at p_paddr. */
static void test_elf_higher_half(uint8_t *ram, uint8_t *buf, size_t cap)
{
	const struct test_seg seg = {0xffffffff80000000ull, 0x80200000, 64, 4096, 1};
	struct loader_info info;
	size_t len = elf_build(buf, cap, EM_RISCV, 0xffffffff80000010ull, &seg, 1);

	CHECK_EQ("elf higher-half: load", 0, load(ram, buf, len, &info));
	CHECK_EQ("elf higher-half: entry is physical", 0x80200010, info.entry);
	CHECK_EQ("elf higher-half: kernel_end", 0x80201000, info.kernel_end);
	CHECK_EQ("elf higher-half: loaded at paddr", 1, ram[0x200000]);
}

static void test_elf_errors(uint8_t *ram, uint8_t *buf, size_t cap)
{
	const struct test_seg seg = {0x80200000, 0x80200000, 64, 128, 1};
	struct test_seg bad;
	struct loader_info info;
	size_t len;

	len = elf_build(buf, cap, EM_RISCV, 0x80200000, &seg, 1);
	CHECK_EQ("elf: valid baseline", 0, load(ram, buf, len, &info));

	/* Truncated: inside the ELF header, inside the phdrs, inside the data. */
	CHECK_EQ("elf truncated in ehdr", -ENOEXEC, load(ram, buf, 40, &info));
	CHECK_EQ("elf truncated in phdrs", -ENOEXEC,
		 load(ram, buf, sizeof(Elf64_Ehdr) + 20, &info));
	CHECK_EQ("elf truncated in segment", -ENOEXEC, load(ram, buf, len - 1, &info));
	CHECK_EQ("elf truncated: RAM untouched", 0, ram_count_not(ram, POISON));

	/* Offsets and sizes beyond the file, including ones that wrap. */
	len = elf_build(buf, cap, EM_RISCV, 0x80200000, &seg, 1);
	elf_phdr(buf, 0)->p_offset = UINT64_MAX - 8;
	CHECK_EQ("elf p_offset wraps", -ENOEXEC, load(ram, buf, len, &info));
	len = elf_build(buf, cap, EM_RISCV, 0x80200000, &seg, 1);
	elf_ehdr(buf)->e_phoff = UINT64_MAX - 16;
	CHECK_EQ("elf e_phoff wraps", -ENOEXEC, load(ram, buf, len, &info));
	len = elf_build(buf, cap, EM_RISCV, 0x80200000, &seg, 1);
	elf_ehdr(buf)->e_phnum = 1000;
	CHECK_EQ("elf e_phnum beyond file", -ENOEXEC, load(ram, buf, len, &info));
	len = elf_build(buf, cap, EM_RISCV, 0x80200000, &seg, 1);
	elf_ehdr(buf)->e_phnum = 0;
	CHECK_EQ("elf no phdrs", -ENOEXEC, load(ram, buf, len, &info));
	len = elf_build(buf, cap, EM_RISCV, 0x80200000, &seg, 1);
	elf_ehdr(buf)->e_phentsize = 32;
	CHECK_EQ("elf bad e_phentsize", -ENOEXEC, load(ram, buf, len, &info));
	len = elf_build(buf, cap, EM_RISCV, 0x80200000, &seg, 1);
	elf_phdr(buf, 0)->p_memsz = 8;
	CHECK_EQ("elf filesz > memsz", -ENOEXEC, load(ram, buf, len, &info));

	/* Wrong machine, class, byte order, type. */
	len = elf_build(buf, cap, EM_X86_64, 0x80200000, &seg, 1);
	CHECK_EQ("elf wrong machine", -ENOEXEC, load(ram, buf, len, &info));
	len = elf_build(buf, cap, EM_RISCV, 0x80200000, &seg, 1);
	buf[EI_CLASS] = ELFCLASS32;
	CHECK_EQ("elf wrong class", -ENOEXEC, load(ram, buf, len, &info));
	len = elf_build(buf, cap, EM_RISCV, 0x80200000, &seg, 1);
	buf[EI_DATA] = ELFDATA2MSB;
	CHECK_EQ("elf big-endian", -ENOEXEC, load(ram, buf, len, &info));
	len = elf_build(buf, cap, EM_RISCV, 0x80200000, &seg, 1);
	elf_ehdr(buf)->e_type = ET_REL;
	CHECK_EQ("elf relocatable object", -ENOEXEC, load(ram, buf, len, &info));

	/* Segments outside RAM: below it, past its top, wrapping. */
	bad = seg;
	bad.vaddr = bad.paddr = 0x1000;
	len = elf_build(buf, cap, EM_RISCV, 0x1000, &bad, 1);
	CHECK_EQ("elf segment below RAM", -ENOEXEC, load(ram, buf, len, &info));
	bad.vaddr = bad.paddr = RAM_BASE + RAM_SIZE - 64;
	len = elf_build(buf, cap, EM_RISCV, bad.vaddr, &bad, 1);
	CHECK_EQ("elf segment past top of RAM", -EFBIG, load(ram, buf, len, &info));
	bad.vaddr = bad.paddr = RAM_BASE + RAM_SIZE;
	len = elf_build(buf, cap, EM_RISCV, bad.vaddr, &bad, 1);
	CHECK_EQ("elf segment above RAM", -EFBIG, load(ram, buf, len, &info));
	bad.vaddr = bad.paddr = UINT64_MAX - 63;
	len = elf_build(buf, cap, EM_RISCV, bad.vaddr, &bad, 1);
	CHECK_EQ("elf segment wraps", -ENOEXEC, load(ram, buf, len, &info));
	CHECK_EQ("elf outside RAM: RAM untouched", 0, ram_count_not(ram, POISON));

	/* Entry outside every segment. */
	len = elf_build(buf, cap, EM_RISCV, 0x80100000, &seg, 1);
	CHECK_EQ("elf entry outside segments", -ENOEXEC, load(ram, buf, len, &info));

	/* Overlapping segments. */
	{
		const struct test_seg two[] = {
			{0x80200000, 0x80200000, 16, 256, 1},
			{0x80200080, 0x80200080, 16, 16, 2},
		};

		len = elf_build(buf, cap, EM_RISCV, 0x80200000, two, 2);
		CHECK_EQ("elf overlapping segments", -ENOEXEC, load(ram, buf, len, &info));
	}

	/* Only an empty PT_LOAD: nothing to run. */
	bad = seg;
	bad.filesz = bad.memsz = 0;
	len = elf_build(buf, cap, EM_RISCV, 0x80200000, &bad, 1);
	CHECK_EQ("elf without loadable bytes", -ENOEXEC, load(ram, buf, len, &info));
}

/* ---- Linux Image and raw ----------------------------------------------------------- */

static size_t image_build(uint8_t *buf, size_t len, uint64_t image_size, uint64_t flags)
{
	for (size_t i = 0; i < len; i++)
		buf[i] = (uint8_t)(i * 7 + 3);
	memset(buf, 0, 64);
	buf[0] = 0x6f; /* code0: a jump, as in Linux; the loader does not care */
	memcpy(buf + 0x08, &(uint64_t){0x200000}, 8); /* text_offset */
	memcpy(buf + 0x10, &image_size, 8);
	memcpy(buf + 0x18, &flags, 8);
	memcpy(buf + 0x20, &(uint32_t){2}, 4); /* version 0.2 */
	memcpy(buf + 0x30, "RISCV\0\0\0", 8);
	memcpy(buf + 0x38, "RSC\x05", 4);
	return len;
}

static void test_image(uint8_t *ram, uint8_t *buf)
{
	const uint64_t load_at = RAM_BASE + LOADER_KERNEL_OFFSET;
	struct loader_info info;
	size_t len;

	len = image_build(buf, 0x1000, 0x3000, 0);
	CHECK_EQ("image: load", 0, load(ram, buf, len, &info));
	CHECK_EQ("image: format", LOADER_FORMAT_IMAGE, info.format);
	CHECK_EQ("image: entry", load_at, info.entry);
	CHECK_EQ("image: kernel_start", load_at, info.kernel_start);
	CHECK_EQ("image: kernel_end = image_size", load_at + 0x3000, info.kernel_end);
	CHECK_EQ("image: bytes copied", 1, memcmp(ram + LOADER_KERNEL_OFFSET, buf, len) == 0);
	CHECK_EQ("image: tail zeroed", 1, ram_all(ram, load_at + len, 0x2000, 0));
	CHECK_EQ("image: byte after footprint untouched", POISON,
		 ram[LOADER_KERNEL_OFFSET + 0x3000]);
	CHECK_EQ("image: byte before load untouched", POISON, ram[LOADER_KERNEL_OFFSET - 1]);

	/* image_size smaller than the file (or 0, as in old headers): the file wins. */
	len = image_build(buf, 0x1000, 0x10, 0);
	CHECK_EQ("image small image_size: load", 0, load(ram, buf, len, &info));
	CHECK_EQ("image small image_size: kernel_end", load_at + 0x1000, info.kernel_end);

	/* image_size says it does not fit, even though the file does. */
	len = image_build(buf, 0x1000, RAM_SIZE, 0);
	CHECK_EQ("image bigger than RAM", -EFBIG, load(ram, buf, len, &info));
	len = image_build(buf, 0x1000, UINT64_MAX, 0);
	CHECK_EQ("image_size huge", -EFBIG, load(ram, buf, len, &info));
	len = image_build(buf, 0x1000, RAM_SIZE - LOADER_KERNEL_OFFSET, 0);
	CHECK_EQ("image exactly fits", 0, load(ram, buf, len, &info));
	CHECK_EQ("image exactly fits: kernel_end", RAM_BASE + RAM_SIZE, info.kernel_end);

	len = image_build(buf, 0x1000, 0x3000, 1);
	CHECK_EQ("image big-endian", -ENOEXEC, load(ram, buf, len, &info));
}

static void test_raw(uint8_t *ram, uint8_t *buf)
{
	const uint64_t load_at = RAM_BASE + LOADER_KERNEL_OFFSET;
	struct loader_info info;
	int ret;

	for (int i = 0; i < 100; i++)
		buf[i] = (uint8_t)(0x13 + i);
	CHECK_EQ("raw: load", 0, load(ram, buf, 100, &info));
	CHECK_EQ("raw: format", LOADER_FORMAT_RAW, info.format);
	CHECK_EQ("raw: entry", load_at, info.entry);
	CHECK_EQ("raw: kernel_start", load_at, info.kernel_start);
	CHECK_EQ("raw: kernel_end", load_at + 100, info.kernel_end);
	CHECK_EQ("raw: bytes copied", 1, memcmp(ram + LOADER_KERNEL_OFFSET, buf, 100) == 0);
	CHECK_EQ("raw: nothing else written", 100, ram_count_not(ram, POISON));

	/* A file shorter than the ELF magic cannot be an ELF: it is raw. */
	CHECK_EQ("raw: 3 bytes load", 0,
		 load(ram,
		      "\x7f"
		      "EL",
		      3, &info));
	CHECK_EQ("raw: 3 bytes format", LOADER_FORMAT_RAW, info.format);

	CHECK_EQ("zero-length file", -ENOEXEC, load(ram, buf, 0, &info));
	CHECK_EQ("NULL ram", -EINVAL,
		 loader_load_kernel(NULL, RAM_BASE, RAM_SIZE, buf, 100, &info));
	CHECK_EQ("RAM wraps the address space", -EINVAL,
		 loader_load_kernel(ram, UINT64_MAX - 100, RAM_SIZE, buf, 100, &info));

	/* Bigger than RAM - 2 MiB, and RAM smaller than 2 MiB. */
	{
		size_t big = RAM_SIZE - LOADER_KERNEL_OFFSET + 1;
		uint8_t *huge = calloc(1, big);

		if (!huge) {
			fprintf(stderr, "BUG: out of memory\n");
			exit(99);
		}
		CHECK_EQ("raw bigger than RAM", -EFBIG, load(ram, huge, big, &info));
		CHECK_EQ("raw exactly fits", 0, load(ram, huge, big - 1, &info));
		free(huge);
	}
	memset(ram, POISON, RAM_SIZE);
	ret = loader_load_kernel(ram, RAM_BASE, LOADER_KERNEL_OFFSET, buf, 1, &info);
	CHECK_EQ("raw into RAM smaller than 2 MiB + file", -EFBIG, ret);
}

/* ---- layout and initrd ------------------------------------------------------------------ */

static void test_layout(uint8_t *ram)
{
	const uint64_t ram_end = RAM_BASE + RAM_SIZE;
	const uint64_t kend = RAM_BASE + LOADER_KERNEL_OFFSET + 0x1234;
	uint64_t initrd = 1, dtb = 1;
	uint8_t blob[300];

	CHECK_EQ("layout: ok", 0,
		 loader_layout(RAM_BASE, RAM_SIZE, kend, 0x10001, 0x2345, &initrd, &dtb));
	CHECK_EQ("layout: dtb 4 KiB aligned", 0, dtb & 0xfff);
	CHECK_EQ("layout: dtb at top", ram_end - 0x3000, dtb);
	CHECK_EQ("layout: initrd page aligned", 0, initrd & 0xfff);
	CHECK_EQ("layout: initrd below dtb", 1, initrd + 0x10001 <= dtb);
	CHECK_EQ("layout: initrd right below dtb", 1, dtb - (initrd + 0x10001) < 0x1000);
	CHECK_EQ("layout: initrd above kernel", 1, initrd >= kend);

	CHECK_EQ("layout no initrd: ok", 0,
		 loader_layout(RAM_BASE, RAM_SIZE, kend, 0, 64, &initrd, &dtb));
	CHECK_EQ("layout no initrd: addr 0", 0, initrd);
	CHECK_EQ("layout no initrd: dtb", ram_end - 0x1000, dtb);

	/* Exactly fitting: kernel end page, then initrd, then dtb, no gap. */
	CHECK_EQ("layout exact fit", 0,
		 loader_layout(RAM_BASE, RAM_SIZE, ram_end - 0x3000 + 1, 0x1000, 0x1000, &initrd,
			       &dtb));
	CHECK_EQ("layout exact fit: initrd", ram_end - 0x2000, initrd);
	CHECK_EQ("layout exact fit: dtb", ram_end - 0x1000, dtb);

	/* Overlaps: the initrd or the DTB would run into the kernel. */
	CHECK_EQ("layout initrd overlaps kernel", -EFBIG,
		 loader_layout(RAM_BASE, RAM_SIZE, kend, RAM_SIZE - LOADER_KERNEL_OFFSET - 0x2000,
			       0x1000, &initrd, &dtb));
	CHECK_EQ("layout initrd overlaps kernel page", -EFBIG,
		 loader_layout(RAM_BASE, RAM_SIZE, ram_end - 0x2000 + 1, 0x1000, 0x1000, &initrd,
			       &dtb));
	CHECK_EQ("layout dtb overlaps kernel", -EFBIG,
		 loader_layout(RAM_BASE, RAM_SIZE, ram_end - 0x100, 0, 0x200, &initrd, &dtb));
	CHECK_EQ("layout kernel fills RAM", -EFBIG,
		 loader_layout(RAM_BASE, RAM_SIZE, ram_end, 0, 8, &initrd, &dtb));
	CHECK_EQ("layout huge initrd", -EFBIG,
		 loader_layout(RAM_BASE, RAM_SIZE, kend, UINT64_MAX, 8, &initrd, &dtb));
	CHECK_EQ("layout huge dtb", -EFBIG,
		 loader_layout(RAM_BASE, RAM_SIZE, kend, 0, UINT64_MAX, &initrd, &dtb));
	CHECK_EQ("layout kernel_end outside RAM", -EINVAL,
		 loader_layout(RAM_BASE, RAM_SIZE, ram_end + 1, 0, 8, &initrd, &dtb));
	CHECK_EQ("layout empty dtb", -EINVAL,
		 loader_layout(RAM_BASE, RAM_SIZE, kend, 0, 0, &initrd, &dtb));

	for (size_t i = 0; i < sizeof(blob); i++)
		blob[i] = (uint8_t)i;
	memset(ram, POISON, RAM_SIZE);
	CHECK_EQ("initrd copy", 0,
		 loader_load_initrd(ram, RAM_BASE, RAM_SIZE, ram_end - 0x1000, blob, sizeof(blob)));
	CHECK_EQ("initrd copy: bytes", 1, memcmp(ram + RAM_SIZE - 0x1000, blob, sizeof(blob)) == 0);
	/* blob[0xaa] equals POISON, hence the - 1. */
	CHECK_EQ("initrd copy: nothing else", sizeof(blob) - 1, ram_count_not(ram, POISON));
	CHECK_EQ("initrd copy past top", -EINVAL,
		 loader_load_initrd(ram, RAM_BASE, RAM_SIZE, ram_end - 100, blob, sizeof(blob)));
	CHECK_EQ("initrd copy below RAM", -EINVAL,
		 loader_load_initrd(ram, RAM_BASE, RAM_SIZE, RAM_BASE - 1, blob, 1));
	CHECK_EQ("initrd copy wraps", -EINVAL,
		 loader_load_initrd(ram, RAM_BASE, RAM_SIZE, UINT64_MAX, blob, 2));
}

int main(void)
{
	const size_t cap = 1 << 16;
	uint8_t *ram, *buf;

	if (__BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__) {
		printf("test_loader: SKIP (builds ELF images with host structs; needs LE host)\n");
		return 1;
	}
	ram = malloc(RAM_SIZE);
	buf = calloc(1, cap);
	if (!ram || !buf) {
		fprintf(stderr, "BUG: out of memory\n");
		return 99;
	}

	test_elf_ok(ram, buf, cap);
	test_elf_higher_half(ram, buf, cap);
	test_elf_errors(ram, buf, cap);
	test_image(ram, buf);
	test_raw(ram, buf);
	test_layout(ram);

	free(ram);
	free(buf);
	return check_finish("test_loader");
}
