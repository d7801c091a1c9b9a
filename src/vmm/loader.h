/* SPDX-License-Identifier: MIT */
/*
 * Kernel, initrd and DTB placement in guest RAM.
 *
 * Every function here works on a host buffer that holds guest RAM
 * (@ram backs guest-physical [ram_base, ram_base + ram_size)), so the loader
 * needs no VM and is tested without one.  The functions keep no state and
 * may be called from any thread, as long as nothing else writes the same
 * RAM at the same time (in practice: before any vCPU runs).
 *
 * Boot protocol (DESIGN.md §6): a Linux Image or a raw binary goes to
 * RAM + 2 MiB; an ELF goes where its program headers say.  The DTB goes near
 * the top of RAM and the initrd just below it, both above the kernel.
 */
#ifndef HV_VMM_LOADER_H
#define HV_VMM_LOADER_H

#include <stddef.h>
#include <stdint.h>

/* Where Image and raw kernels are loaded, relative to the base of RAM. */
#define LOADER_KERNEL_OFFSET (2ull << 20)
#define LOADER_PAGE_SIZE 4096ull

enum loader_format {
	LOADER_FORMAT_ELF = 1,	 /* ELF64, little-endian, EM_RISCV */
	LOADER_FORMAT_IMAGE = 2, /* Linux RISC-V Image (boot-image-header.rst) */
	LOADER_FORMAT_RAW = 3,	 /* anything else: a flat binary, entered at its first byte */
};

struct loader_info {
	enum loader_format format;
	uint64_t entry;	       /* guest-physical address to start the boot hart at */
	uint64_t kernel_start; /* lowest guest-physical byte the kernel occupies */
	uint64_t kernel_end;   /* one past the last byte of its footprint (incl. bss) */
};

/*
 * loader_load_kernel() - detect the format of @data and copy it into RAM.
 *
 * ELF: every PT_LOAD is copied to p_paddr and its p_memsz tail is zeroed.
 * The entry is e_entry, translated from the virtual to the physical address
 * of the segment that contains it (identity for bare-metal programs, and
 * right for a higher-half kernel linked with AT()).  All headers are checked
 * before the first byte is written, so on failure RAM is left untouched.
 *
 * Image: loaded at ram_base + LOADER_KERNEL_OFFSET (text_offset is only
 * informational); the footprint is max(file size, image_size) and the part
 * beyond the file is zeroed.  Raw: loaded at the same place, footprint = size.
 *
 * Returns 0 with *@out filled in; -EINVAL (bad arguments); -ENOEXEC (empty,
 * truncated, corrupt or unsupported image: an ELF for another machine, class
 * or byte order, a big-endian Image, overlapping segments, a segment below
 * RAM, an entry outside the loaded segments); -EFBIG (it does not fit in RAM).
 */
int loader_load_kernel(uint8_t *ram, uint64_t ram_base, uint64_t ram_size, const void *data,
		       size_t len, struct loader_info *out);

/*
 * loader_layout() - choose where the DTB and the initrd go.
 *
 * The DTB is put at the top of RAM, rounded down to 4 KiB; the initrd
 * (page-aligned) goes immediately below it.  Both must lie above the kernel
 * footprint, which ends at @kernel_end (rounded up to 4 KiB).  With
 * @initrd_size 0, *@initrd_addr is set to 0.
 *
 * Returns 0; -EINVAL (bad arguments: empty DTB, @kernel_end outside RAM);
 * -EFBIG (the DTB and initrd do not fit between the kernel and the top).
 */
int loader_layout(uint64_t ram_base, uint64_t ram_size, uint64_t kernel_end, uint64_t initrd_size,
		  uint64_t dtb_size, uint64_t *initrd_addr, uint64_t *dtb_addr);

/*
 * loader_load_initrd() - copy @len bytes of @data to guest-physical @gpa.
 * Nothing about it is initrd-specific: the DTB is copied the same way.
 * Returns 0; -EINVAL (bad arguments, or [gpa, gpa + len) not wholly in RAM).
 */
int loader_load_initrd(uint8_t *ram, uint64_t ram_base, uint64_t ram_size, uint64_t gpa,
		       const void *data, size_t len);

#endif /* HV_VMM_LOADER_H */
