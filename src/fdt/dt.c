// SPDX-License-Identifier: MIT
/*
 * Device tree construction.  See dt.h for the contract.
 *
 * The layout follows QEMU's virt machine (hw/riscv/virt.c) and the Linux
 * bindings (Documentation/devicetree/bindings/riscv/cpus.yaml,
 * .../cpu/idle-states.yaml), so that a kernel configured for virt boots
 * unchanged.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <libfdt.h>

#include "hartvisor/hartvisor.h"
#include "fdt/dt.h"

_Static_assert(DT_PHANDLE_CPU_INTC + HV_MAX_VCPUS <= DT_PHANDLE_CPU, "phandle ranges overlap");
_Static_assert(DT_PHANDLE_CPU + HV_MAX_VCPUS <= DT_PHANDLE_IDLE_RETENTIVE,
	       "phandle ranges overlap");

/*
 * SBI HSM suspend states offered to cpuidle.  The parameters are the SBI
 * spec's default retentive (0x0) and default non-retentive (0x80000000)
 * suspend types.  A non-retentive suspend loses the hart's state, the
 * timer's included, hence local-timer-stop.  Latencies are in microseconds
 * and only need to rank the states and keep Linux's governor from choosing
 * the deep one for short idles; a host thread wake-up is the dominant cost.
 */
struct dt_idle_state {
	const char *name;
	uint32_t phandle;
	uint32_t suspend_param;
	uint32_t entry_us, exit_us, min_residency_us;
	bool local_timer_stop;
};

static const struct dt_idle_state dt_idle_states[] = {
	{"cpu-retentive", DT_PHANDLE_IDLE_RETENTIVE, 0x00000000, 10, 10, 100, false},
	{"cpu-nonretentive", DT_PHANDLE_IDLE_NON_RETENTIVE, 0x80000000, 100, 100, 1000, true},
};

#define DT_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

int dt_errno(int fdt_err)
{
	return fdt_err == -FDT_ERR_NOSPACE ? -ENOSPC : -EINVAL;
}

uint32_t dt_cpu_intc_phandle(unsigned int hart)
{
	return DT_PHANDLE_CPU_INTC + hart;
}

int dt_node_begin(void *fdt, const char *name, uint64_t unit)
{
	char full[64];
	int n;

	n = snprintf(full, sizeof(full), "%s@%" PRIx64, name, unit);
	if (n < 0 || (size_t)n >= sizeof(full))
		return -EINVAL;
	DT_CHECK(fdt_begin_node(fdt, full));
	return 0;
}

int dt_reg_add(void *fdt, uint64_t base, uint64_t size)
{
	const fdt64_t reg[2] = {cpu_to_fdt64(base), cpu_to_fdt64(size)};

	DT_CHECK(fdt_property(fdt, "reg", reg, sizeof(reg)));
	return 0;
}

/* A string-list property, written straight into the blob. */
static int dt_strings_add(void *fdt, const char *name, const char *const *strs, unsigned int n)
{
	size_t len = 0, l;
	unsigned int i;
	void *val;
	char *p;

	for (i = 0; i < n; i++) {
		if (!strs[i])
			return -EINVAL;
		len += strlen(strs[i]) + 1;
	}
	if (len > INT_MAX)
		return -EINVAL;
	DT_CHECK(fdt_property_placeholder(fdt, name, (int)len, &val));
	for (p = val, i = 0; i < n; i++, p += l) {
		l = strlen(strs[i]) + 1;
		memcpy(p, strs[i], l);
	}
	return 0;
}

static int dt_chosen_add(void *fdt, const struct dt_machine *m)
{
	DT_CHECK(fdt_begin_node(fdt, "chosen"));
	if (m->bootargs)
		DT_CHECK(fdt_property_string(fdt, "bootargs", m->bootargs));
	if (m->stdout_path)
		DT_CHECK(fdt_property_string(fdt, "stdout-path", m->stdout_path));
	if (m->boot_count)
		DT_CHECK(fdt_property_u32(fdt, "hartvisor,boot-count", m->boot_count));
	if (m->initrd_start || m->initrd_end) {
		DT_CHECK(fdt_property_u64(fdt, "linux,initrd-start", m->initrd_start));
		DT_CHECK(fdt_property_u64(fdt, "linux,initrd-end", m->initrd_end));
	}
	DT_CHECK(fdt_end_node(fdt));
	return 0;
}

static int dt_memory_add(void *fdt, const struct dt_machine *m)
{
	int ret;

	ret = dt_node_begin(fdt, "memory", m->ram_base);
	if (ret)
		return ret;
	DT_CHECK(fdt_property_string(fdt, "device_type", "memory"));
	ret = dt_reg_add(fdt, m->ram_base, m->ram_size);
	if (ret)
		return ret;
	DT_CHECK(fdt_end_node(fdt));
	return 0;
}

static int dt_idle_states_add(void *fdt)
{
	const struct dt_idle_state *s;
	size_t i;

	DT_CHECK(fdt_begin_node(fdt, "idle-states"));
	for (i = 0; i < DT_ARRAY_SIZE(dt_idle_states); i++) {
		s = &dt_idle_states[i];
		DT_CHECK(fdt_begin_node(fdt, s->name));
		DT_CHECK(fdt_property_string(fdt, "compatible", "riscv,idle-state"));
		DT_CHECK(fdt_property_u32(fdt, "riscv,sbi-suspend-param", s->suspend_param));
		if (s->local_timer_stop)
			DT_CHECK(fdt_property(fdt, "local-timer-stop", NULL, 0));
		DT_CHECK(fdt_property_u32(fdt, "entry-latency-us", s->entry_us));
		DT_CHECK(fdt_property_u32(fdt, "exit-latency-us", s->exit_us));
		DT_CHECK(fdt_property_u32(fdt, "min-residency-us", s->min_residency_us));
		DT_CHECK(fdt_property_u32(fdt, "phandle", s->phandle));
		DT_CHECK(fdt_end_node(fdt));
	}
	DT_CHECK(fdt_end_node(fdt));
	return 0;
}

static int dt_cpu_add(void *fdt, const struct dt_machine *m, unsigned int hart)
{
	fdt32_t idle[DT_ARRAY_SIZE(dt_idle_states)];
	size_t i;
	int ret;

	ret = dt_node_begin(fdt, "cpu", hart);
	if (ret)
		return ret;
	DT_CHECK(fdt_property_string(fdt, "device_type", "cpu"));
	DT_CHECK(fdt_property_u32(fdt, "reg", hart));
	DT_CHECK(fdt_property_string(fdt, "status", "okay"));
	DT_CHECK(fdt_property_string(fdt, "compatible", "riscv"));
	DT_CHECK(fdt_property_string(fdt, "riscv,isa", m->isa));
	/* cpus.yaml: riscv,isa-base and riscv,isa-extensions come together. */
	if (m->nr_isa_extensions) {
		DT_CHECK(fdt_property_string(fdt, "riscv,isa-base", "rv64i"));
		ret = dt_strings_add(fdt, "riscv,isa-extensions", m->isa_extensions,
				     m->nr_isa_extensions);
		if (ret)
			return ret;
	}
	if (m->mmu_type)
		DT_CHECK(fdt_property_string(fdt, "mmu-type", m->mmu_type));
	if (m->idle_states) {
		for (i = 0; i < DT_ARRAY_SIZE(dt_idle_states); i++)
			idle[i] = cpu_to_fdt32(dt_idle_states[i].phandle);
		DT_CHECK(fdt_property(fdt, "cpu-idle-states", idle, sizeof(idle)));
	}
	DT_CHECK(fdt_property_u32(fdt, "phandle", DT_PHANDLE_CPU + hart));

	DT_CHECK(fdt_begin_node(fdt, "interrupt-controller"));
	DT_CHECK(fdt_property_u32(fdt, "#interrupt-cells", 1));
	DT_CHECK(fdt_property(fdt, "interrupt-controller", NULL, 0));
	DT_CHECK(fdt_property_string(fdt, "compatible", "riscv,cpu-intc"));
	DT_CHECK(fdt_property_u32(fdt, "phandle", dt_cpu_intc_phandle(hart)));
	DT_CHECK(fdt_end_node(fdt));

	DT_CHECK(fdt_end_node(fdt));
	return 0;
}

/* One cluster with one core per hart, as QEMU virt describes a single socket. */
static int dt_cpu_map_add(void *fdt, const struct dt_machine *m)
{
	char name[16];
	unsigned int hart;

	DT_CHECK(fdt_begin_node(fdt, "cpu-map"));
	DT_CHECK(fdt_begin_node(fdt, "cluster0"));
	for (hart = 0; hart < m->nr_cpus; hart++) {
		snprintf(name, sizeof(name), "core%u", hart);
		DT_CHECK(fdt_begin_node(fdt, name));
		DT_CHECK(fdt_property_u32(fdt, "cpu", DT_PHANDLE_CPU + hart));
		DT_CHECK(fdt_end_node(fdt));
	}
	DT_CHECK(fdt_end_node(fdt));
	DT_CHECK(fdt_end_node(fdt));
	return 0;
}

static int dt_cpus_add(void *fdt, const struct dt_machine *m)
{
	unsigned int hart;
	int ret;

	DT_CHECK(fdt_begin_node(fdt, "cpus"));
	DT_CHECK(fdt_property_u32(fdt, "#address-cells", 1));
	DT_CHECK(fdt_property_u32(fdt, "#size-cells", 0));
	DT_CHECK(fdt_property_u32(fdt, "timebase-frequency", m->timebase_hz));
	if (m->idle_states) {
		ret = dt_idle_states_add(fdt);
		if (ret)
			return ret;
	}
	for (hart = 0; hart < m->nr_cpus; hart++) {
		ret = dt_cpu_add(fdt, m, hart);
		if (ret)
			return ret;
	}
	ret = dt_cpu_map_add(fdt, m);
	if (ret)
		return ret;
	DT_CHECK(fdt_end_node(fdt));
	return 0;
}

static int dt_soc_add(void *fdt, const struct dt_machine *m, const struct dt_device *devs,
		      unsigned int ndevs)
{
	unsigned int i;
	int ret;

	DT_CHECK(fdt_begin_node(fdt, "soc"));
	DT_CHECK(fdt_property_u32(fdt, "#address-cells", 2));
	DT_CHECK(fdt_property_u32(fdt, "#size-cells", 2));
	DT_CHECK(fdt_property_string(fdt, "compatible", "simple-bus"));
	/* Empty ranges: bus addresses are CPU physical addresses. */
	DT_CHECK(fdt_property(fdt, "ranges", NULL, 0));
	for (i = 0; i < ndevs; i++) {
		ret = devs[i].add_node(fdt, devs[i].opaque, m);
		if (ret < 0)
			return ret;
	}
	DT_CHECK(fdt_end_node(fdt));
	return 0;
}

static bool dt_machine_valid(const struct dt_machine *m)
{
	return m->nr_cpus >= 1 && m->nr_cpus <= HV_MAX_VCPUS && m->ram_size != 0 &&
	       m->ram_size <= UINT64_MAX - m->ram_base && m->timebase_hz != 0 && m->isa &&
	       (!m->nr_isa_extensions || m->isa_extensions) && m->initrd_start <= m->initrd_end;
}

int dt_build(const struct dt_machine *m, const struct dt_device *devs, unsigned int ndevs,
	     void *buf, size_t size)
{
	unsigned int i;
	int ret;

	if (!m || !buf || (ndevs && !devs) || !dt_machine_valid(m))
		return -EINVAL;
	for (i = 0; i < ndevs; i++) {
		if (!devs[i].add_node)
			return -EINVAL;
	}

	/* libfdt sizes are ints; a bigger buffer is simply not used in full. */
	DT_CHECK(fdt_create(buf, size > INT_MAX ? INT_MAX : (int)size));
	DT_CHECK(fdt_finish_reservemap(buf));
	DT_CHECK(fdt_begin_node(buf, ""));
	DT_CHECK(fdt_property_u32(buf, "#address-cells", 2));
	DT_CHECK(fdt_property_u32(buf, "#size-cells", 2));
	DT_CHECK(fdt_property_string(buf, "compatible", "riscv-virtio"));
	DT_CHECK(fdt_property_string(buf, "model", "hartvisor,virt"));

	ret = dt_chosen_add(buf, m);
	if (!ret)
		ret = dt_memory_add(buf, m);
	if (!ret)
		ret = dt_cpus_add(buf, m);
	if (!ret)
		ret = dt_soc_add(buf, m, devs, ndevs);
	if (ret)
		return ret;

	DT_CHECK(fdt_end_node(buf));
	DT_CHECK(fdt_finish(buf));
	/*
	 * The sequential-write API cannot tell that a device callback left a
	 * node open or closed one too many; a full structural check can.
	 */
	DT_CHECK(fdt_check_full(buf, fdt_totalsize(buf)));
	return (int)fdt_totalsize(buf);
}
