// SPDX-License-Identifier: MIT
/*
 * Kernel loader: ELF64, Linux RISC-V Image and raw binaries, plus the
 * placement of the initrd and the DTB.  See loader.h for the contract.
 *
 * The image comes from the user, so every field read from it is treated as
 * hostile: offsets and sizes are checked against the file and against RAM
 * without ever computing a sum that can wrap.  Fields are read byte by byte
 * as little-endian, so neither the alignment of @data nor the host's byte
 * order matters.
 */
#include <elf.h>
#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include "vmm/loader.h"

/*
 * Linux RISC-V Image header (Documentation/riscv/boot-image-header.rst):
 *   0x00 u32 code0, 0x04 u32 code1, 0x08 u64 text_offset, 0x10 u64 image_size,
 *   0x18 u64 flags, 0x20 u32 version, 0x24 u32 res1, 0x28 u64 res2,
 *   0x30 u64 magic "RISCV\0\0\0" (deprecated), 0x38 u32 magic2 "RSC\x05",
 *   0x3c u32 res3.
 * magic2 is what identifies the header; the old magic is not checked, as the
 * document says it is deprecated.
 */
#define IMAGE_HDR_SIZE 64
#define IMAGE_OFF_IMAGE_SIZE 0x10
#define IMAGE_OFF_FLAGS 0x18
#define IMAGE_OFF_MAGIC2 0x38
#define IMAGE_MAGIC2 "RSC\x05"
#define IMAGE_FLAG_BE 0x1ull /* flags bit 0: kernel endianness, 1 = big */

static uint64_t loader_le(const uint8_t *p, unsigned int bytes)
{
	uint64_t v = 0;

	while (bytes--)
		v = (v << 8) | p[bytes];
	return v;
}

#define LE_FIELD(base, type, field) \
	loader_le((const uint8_t *)(base) + offsetof(type, field), sizeof(((type *)0)->field))

/* Is [addr, addr + size) wholly inside RAM?  Written so that nothing wraps. */
static bool loader_range_in_ram(uint64_t ram_base, uint64_t ram_size, uint64_t addr, uint64_t size)
{
	return addr >= ram_base && addr - ram_base <= ram_size &&
	       size <= ram_size - (addr - ram_base);
}

/* Is [off, off + size) wholly inside a file of @len bytes? */
static bool loader_range_in_file(size_t len, uint64_t off, uint64_t size)
{
	return off <= len && size <= len - off;
}

struct loader_seg {
	uint64_t offset, filesz, vaddr, paddr, memsz;
};

/* Decode program header @i; the caller has checked that the table is in the file. */
static bool loader_elf_load_seg(const uint8_t *img, uint64_t phoff, unsigned int i,
				struct loader_seg *s)
{
	const uint8_t *ph = img + phoff + (uint64_t)i * sizeof(Elf64_Phdr);

	if (LE_FIELD(ph, Elf64_Phdr, p_type) != PT_LOAD)
		return false;
	s->offset = LE_FIELD(ph, Elf64_Phdr, p_offset);
	s->filesz = LE_FIELD(ph, Elf64_Phdr, p_filesz);
	s->vaddr = LE_FIELD(ph, Elf64_Phdr, p_vaddr);
	s->paddr = LE_FIELD(ph, Elf64_Phdr, p_paddr);
	s->memsz = LE_FIELD(ph, Elf64_Phdr, p_memsz);
	/* An empty PT_LOAD is legal and loads nothing. */
	return s->memsz != 0;
}

/*
 * Check one PT_LOAD against the file and RAM.  A segment below RAM can never
 * be loaded on this machine (-ENOEXEC); one that runs past the top of RAM
 * would fit with more RAM (-EFBIG).
 */
static int loader_elf_check_seg(const struct loader_seg *s, size_t len, uint64_t ram_base,
				uint64_t ram_size)
{
	if (s->filesz > s->memsz || !loader_range_in_file(len, s->offset, s->filesz))
		return -ENOEXEC;
	if (s->paddr < ram_base || s->memsz > UINT64_MAX - s->paddr)
		return -ENOEXEC;
	if (!loader_range_in_ram(ram_base, ram_size, s->paddr, s->memsz))
		return -EFBIG;
	return 0;
}

static int loader_load_elf(uint8_t *ram, uint64_t ram_base, uint64_t ram_size, const uint8_t *img,
			   size_t len, struct loader_info *out)
{
	uint64_t phoff, e_entry, lo = UINT64_MAX, hi = 0, entry = 0;
	bool have_entry = false;
	unsigned int phnum, i, j;
	struct loader_seg s, t;
	int ret;

	if (len < sizeof(Elf64_Ehdr))
		return -ENOEXEC;
	if (img[EI_CLASS] != ELFCLASS64 || img[EI_DATA] != ELFDATA2LSB ||
	    img[EI_VERSION] != EV_CURRENT)
		return -ENOEXEC;
	switch (LE_FIELD(img, Elf64_Ehdr, e_type)) {
	case ET_EXEC:
	case ET_DYN: /* loaded at its link addresses, like ET_EXEC: nothing is relocated */
		break;
	default:
		return -ENOEXEC;
	}
	if (LE_FIELD(img, Elf64_Ehdr, e_machine) != EM_RISCV ||
	    LE_FIELD(img, Elf64_Ehdr, e_version) != EV_CURRENT ||
	    LE_FIELD(img, Elf64_Ehdr, e_phentsize) != sizeof(Elf64_Phdr))
		return -ENOEXEC;

	phoff = LE_FIELD(img, Elf64_Ehdr, e_phoff);
	phnum = LE_FIELD(img, Elf64_Ehdr, e_phnum);
	/* PN_XNUM (extended numbering) is never used by a kernel; refuse it. */
	if (phnum == 0 || phnum == PN_XNUM ||
	    !loader_range_in_file(len, phoff, (uint64_t)phnum * sizeof(Elf64_Phdr)))
		return -ENOEXEC;
	e_entry = LE_FIELD(img, Elf64_Ehdr, e_entry);

	/* Validate everything first, so that a bad image leaves RAM untouched. */
	for (i = 0; i < phnum; i++) {
		if (!loader_elf_load_seg(img, phoff, i, &s))
			continue;
		ret = loader_elf_check_seg(&s, len, ram_base, ram_size);
		if (ret)
			return ret;
		/* Overlapping segments would make the result depend on copy order. */
		for (j = 0; j < i; j++) {
			if (loader_elf_load_seg(img, phoff, j, &t) && s.paddr < t.paddr + t.memsz &&
			    t.paddr < s.paddr + s.memsz)
				return -ENOEXEC;
		}
		if (!have_entry && e_entry >= s.vaddr && e_entry - s.vaddr < s.memsz) {
			entry = s.paddr + (e_entry - s.vaddr);
			have_entry = true;
		}
		if (s.paddr < lo)
			lo = s.paddr;
		if (s.paddr + s.memsz > hi)
			hi = s.paddr + s.memsz;
	}
	/* No loadable bytes, or an entry point that would run unloaded memory. */
	if (lo == UINT64_MAX || !have_entry)
		return -ENOEXEC;

	for (i = 0; i < phnum; i++) {
		if (!loader_elf_load_seg(img, phoff, i, &s))
			continue;
		memcpy(ram + (s.paddr - ram_base), img + s.offset, s.filesz);
		memset(ram + (s.paddr - ram_base) + s.filesz, 0, s.memsz - s.filesz);
	}
	out->format = LOADER_FORMAT_ELF;
	out->entry = entry;
	out->kernel_start = lo;
	out->kernel_end = hi;
	return 0;
}

/*
 * Image and raw kernels: the file at RAM + 2 MiB, entered at its first byte,
 * with @footprint bytes reserved (the part past the file is zeroed, since it
 * is the kernel's bss and RAM may hold a previous boot's data).
 */
static int loader_load_flat(uint8_t *ram, uint64_t ram_base, uint64_t ram_size, const uint8_t *img,
			    size_t len, uint64_t footprint, enum loader_format format,
			    struct loader_info *out)
{
	uint64_t load = ram_base + LOADER_KERNEL_OFFSET;

	if (ram_size < LOADER_KERNEL_OFFSET || footprint > ram_size - LOADER_KERNEL_OFFSET)
		return -EFBIG;
	memcpy(ram + LOADER_KERNEL_OFFSET, img, len);
	memset(ram + LOADER_KERNEL_OFFSET + len, 0, footprint - len);
	out->format = format;
	out->entry = load;
	out->kernel_start = load;
	out->kernel_end = load + footprint;
	return 0;
}

int loader_load_kernel(uint8_t *ram, uint64_t ram_base, uint64_t ram_size, const void *data,
		       size_t len, struct loader_info *out)
{
	const uint8_t *img = data;
	uint64_t image_size;

	if (!ram || !out || (len && !data) || ram_size == 0 || ram_size > UINT64_MAX - ram_base)
		return -EINVAL;
	if (len == 0)
		return -ENOEXEC;

	if (len >= SELFMAG && memcmp(img, ELFMAG, SELFMAG) == 0)
		return loader_load_elf(ram, ram_base, ram_size, img, len, out);

	if (len >= IMAGE_HDR_SIZE && memcmp(img + IMAGE_OFF_MAGIC2, IMAGE_MAGIC2, 4) == 0) {
		if (loader_le(img + IMAGE_OFF_FLAGS, 8) & IMAGE_FLAG_BE)
			return -ENOEXEC;
		image_size = loader_le(img + IMAGE_OFF_IMAGE_SIZE, 8);
		return loader_load_flat(ram, ram_base, ram_size, img, len,
					image_size > len ? image_size : len, LOADER_FORMAT_IMAGE,
					out);
	}

	return loader_load_flat(ram, ram_base, ram_size, img, len, len, LOADER_FORMAT_RAW, out);
}

int loader_layout(uint64_t ram_base, uint64_t ram_size, uint64_t kernel_end, uint64_t initrd_size,
		  uint64_t dtb_size, uint64_t *initrd_addr, uint64_t *dtb_addr)
{
	const uint64_t mask = LOADER_PAGE_SIZE - 1;
	uint64_t ram_end, floor, dtb, initrd = 0;

	if (!initrd_addr || !dtb_addr || dtb_size == 0 || ram_size == 0 ||
	    ram_size > UINT64_MAX - ram_base)
		return -EINVAL;
	ram_end = ram_base + ram_size;
	if (kernel_end < ram_base || kernel_end > ram_end)
		return -EINVAL;

	/* Nothing may share a page with the end of the kernel. */
	if (kernel_end > UINT64_MAX - mask)
		return -EFBIG;
	floor = (kernel_end + mask) & ~mask;

	if (floor > ram_end || dtb_size > ram_end - floor)
		return -EFBIG;
	dtb = (ram_end - dtb_size) & ~mask;
	if (dtb < floor)
		return -EFBIG;

	if (initrd_size) {
		if (initrd_size > dtb - floor)
			return -EFBIG;
		initrd = (dtb - initrd_size) & ~mask;
		if (initrd < floor)
			return -EFBIG;
	}
	*dtb_addr = dtb;
	*initrd_addr = initrd;
	return 0;
}

int loader_load_initrd(uint8_t *ram, uint64_t ram_base, uint64_t ram_size, uint64_t gpa,
		       const void *data, size_t len)
{
	if (!ram || (len && !data) || !loader_range_in_ram(ram_base, ram_size, gpa, len))
		return -EINVAL;
	memcpy(ram + (gpa - ram_base), data, len);
	return 0;
}
