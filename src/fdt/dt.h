/* SPDX-License-Identifier: MIT */
/*
 * The guest's device tree, built with libfdt's sequential-write API.
 *
 * dt_build() writes the machine-wide nodes (/cpus, /memory, /chosen) and
 * then calls each device's add_node() inside /soc, so a device describes
 * itself and this file knows no devices.  The tree follows QEMU virt's
 * conventions so that the same Linux kernel boots on both.
 *
 * Every libfdt call, here and in the devices' add_node() callbacks, goes
 * through DT_CHECK(), which turns a libfdt error into a -errno return.
 *
 * Nothing here keeps state; all functions may be called from any thread.
 */
#ifndef HV_FDT_DT_H
#define HV_FDT_DT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct dt_machine {
	unsigned int nr_cpus; /* 1 .. HV_MAX_VCPUS; harts are numbered 0 .. nr_cpus-1 */
	uint64_t ram_base, ram_size;
	uint32_t timebase_hz;
	const char *isa; /* riscv,isa, e.g. "rv64imafdc_zicsr_zifencei_sstc" */
	/* riscv,isa-extensions ("i", "m", ...); with none, it and riscv,isa-base are omitted */
	const char *const *isa_extensions;
	unsigned int nr_isa_extensions;
	const char *mmu_type;		   /* e.g. "riscv,sv48"; NULL omits mmu-type */
	const char *bootargs;		   /* NULL: none */
	uint64_t initrd_start, initrd_end; /* guest-physical; 0, 0: no initrd */
	const char *stdout_path;	   /* e.g. "/soc/serial@10000000"; NULL: none */
	bool idle_states;		   /* describe SBI HSM suspend states for cpuidle */
	/*
	 * /chosen/hartvisor,boot-count: 1 on the first boot, 2 after the first
	 * reboot, ...  A guest tells a reboot from a fresh start by it.  0: omit.
	 */
	uint32_t boot_count;
};

/*
 * A device's node writer.  Called with @fdt in sequential-write mode, inside
 * /soc (#address-cells = #size-cells = 2).  It must leave the tree at the
 * same depth it found it, and returns 0 or -errno.
 */
struct dt_device {
	int (*add_node)(void *fdt, void *opaque, const struct dt_machine *m);
	void *opaque;
};

/*
 * Phandles are fixed, not allocated, so that a node can refer to another
 * written before or after it without the two sharing state.
 */
enum dt_phandle {
	DT_PHANDLE_CPU_INTC = 0x1, /* + hart: the hart's riscv,cpu-intc */
	DT_PHANDLE_CPU = 0x100,	   /* + hart: the cpu node, for cpu-map */
	DT_PHANDLE_IDLE_RETENTIVE = 0x200,
	DT_PHANDLE_IDLE_NON_RETENTIVE = 0x201,
	DT_PHANDLE_DEVICE = 0x1000, /* first phandle devices (the PLIC, ...) may use */
};

/*
 * DT_CHECK() - evaluate a libfdt call; on error, return its -errno from the
 * calling function (which must return int).  No message: library code does
 * not print, and the caller reports the errno.
 */
#define DT_CHECK(expr)                                  \
	do {                                            \
		int dt_check_ret_ = (expr);             \
		if (dt_check_ret_ < 0)                  \
			return dt_errno(dt_check_ret_); \
	} while (0)

/*
 * dt_errno() - map a negative libfdt error (-FDT_ERR_*) to a -errno:
 * -FDT_ERR_NOSPACE is -ENOSPC, everything else -EINVAL.
 * Returns that -errno.
 */
int dt_errno(int fdt_err);

/*
 * dt_build() - write the whole tree for @m and @devs into @buf.
 * Returns the size of the finished blob (<= @size); -EINVAL (bad machine
 * description, or a libfdt error other than lack of space); -ENOSPC (@buf is
 * too small); or the -errno of a failing device callback.
 */
int dt_build(const struct dt_machine *m, const struct dt_device *devs, unsigned int ndevs,
	     void *buf, size_t size);

/*
 * dt_cpu_intc_phandle() - for interrupts-extended in the PLIC's node.
 * Returns the phandle of hart @hart's riscv,cpu-intc node.
 */
uint32_t dt_cpu_intc_phandle(unsigned int hart);

/*
 * dt_node_begin() - begin node "@name@<unit in hex>", as devices and
 * /memory name themselves.  Returns 0, -EINVAL, -ENOSPC.
 */
int dt_node_begin(void *fdt, const char *name, uint64_t unit);

/*
 * dt_reg_add() - add reg = <base size> with 2 address and 2 size cells (the
 * root's and /soc's).  Returns 0, -EINVAL, -ENOSPC.
 */
int dt_reg_add(void *fdt, uint64_t base, uint64_t size);

#endif /* HV_FDT_DT_H */
