// SPDX-License-Identifier: MIT
/* The VM object: guest RAM, the MMIO map, the console, the vCPU table. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "vmm/vm.h"

uint64_t hv_now_ns(void)
{
	return vm_now_ns();
}

uint64_t vm_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

int hv_vm_create(const struct hv_vm_config *cfg, struct hv_vm **out)
{
	struct hv_vm *vm;
	int r;

	if (!cfg || !out)
		return -EINVAL;
	if (cfg->nr_vcpus < 1 || cfg->nr_vcpus > HV_MAX_VCPUS)
		return -EINVAL;
	if (cfg->ram_size < HV_MIN_RAM_SIZE || cfg->ram_size > HV_MAX_RAM_SIZE ||
	    cfg->ram_size % 4096)
		return -EINVAL;

	vm = calloc(1, sizeof(*vm));
	if (!vm)
		return -ENOMEM;
	vm->cfg = *cfg;
	if (!vm->cfg.ram_base)
		vm->cfg.ram_base = HV_DEFAULT_RAM_BASE;
	if (!vm->cfg.timebase_hz)
		vm->cfg.timebase_hz = HV_DEFAULT_TIMEBASE_HZ;
	if (vm->cfg.ram_base % 4096 || vm->cfg.ram_base + vm->cfg.ram_size < vm->cfg.ram_base) {
		free(vm);
		return -EINVAL;
	}

	/* One anonymous mapping: pages are only backed once the guest touches them. */
	vm->ram = mmap(NULL, cfg->ram_size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (vm->ram == MAP_FAILED) {
		free(vm);
		return -ENOMEM;
	}
	vm->cpu_shared = cpu_shared_create(vm->cfg.ram_base, vm->cfg.ram_size);
	if (!vm->cpu_shared) {
		r = -ENOMEM;
		goto err_unmap;
	}
	r = hv_lock_init(&vm->pm_lock, HV_LOCK_PM, 0, "pm_lock");
	if (r)
		goto err_shared;
	pthread_mutex_init(&vm->console_lock, NULL);
	runner_init(vm);
	/* A VM is created powered off; hv_vm_boot() makes it run. */
	atomic_init(&vm->sys_state, HV_SYS_OFF);
	vm->time_epoch_ns = vm_now_ns();
	*out = vm;
	return 0;

err_shared:
	cpu_shared_destroy(vm->cpu_shared);
err_unmap:
	munmap(vm->ram, cfg->ram_size);
	free(vm);
	return r;
}

void hv_vm_destroy(struct hv_vm *vm)
{
	if (!vm)
		return;
	hv_vm_stop(vm);
	runner_fini(vm);
	for (unsigned int i = 0; i < HV_MAX_VCPUS; i++)
		if (vm->vcpus[i])
			vcpu_destroy(vm->vcpus[i]);
	hv_lock_destroy(&vm->pm_lock);
	pthread_mutex_destroy(&vm->console_lock);
	cpu_shared_destroy(vm->cpu_shared);
	munmap(vm->ram, vm->cfg.ram_size);
	free(vm);
}

uint8_t *hv_vm_ram(struct hv_vm *vm, uint64_t *base, uint64_t *size)
{
	if (base)
		*base = vm->cfg.ram_base;
	if (size)
		*size = vm->cfg.ram_size;
	return vm->ram;
}

bool vm_gpa_in_ram(const struct hv_vm *vm, uint64_t gpa)
{
	return gpa >= vm->cfg.ram_base && gpa - vm->cfg.ram_base < vm->cfg.ram_size;
}

void *hv_vm_gpa_to_hva(struct hv_vm *vm, uint64_t gpa, uint64_t len)
{
	uint64_t off;

	if (!vm_gpa_in_ram(vm, gpa))
		return NULL;
	off = gpa - vm->cfg.ram_base;
	/* Written so that no addition can overflow. */
	if (len > vm->cfg.ram_size - off)
		return NULL;
	return vm->ram + off;
}

void hv_vm_set_console(struct hv_vm *vm, const struct hv_console_ops *ops, void *opaque)
{
	vm->console = *ops;
	vm->console_opaque = opaque;
}

void vm_console_write(struct hv_vm *vm, const uint8_t *buf, size_t len)
{
	if (!vm->console.write || !len)
		return;
	pthread_mutex_lock(&vm->console_lock);
	vm->console.write(vm->console_opaque, buf, len);
	pthread_mutex_unlock(&vm->console_lock);
}

int vm_console_read(struct hv_vm *vm)
{
	int c;

	if (!vm->console.read)
		return -1;
	pthread_mutex_lock(&vm->console_lock);
	c = vm->console.read(vm->console_opaque);
	pthread_mutex_unlock(&vm->console_lock);
	return c;
}

int hv_vm_get_sys_state(struct hv_vm *vm)
{
	return vm_sys_state(vm);
}

void hv_vm_get_pm_stats(struct hv_vm *vm, struct hv_pm_stats *out)
{
	out->susp_attempts = atomic_load(&vm->st_susp_attempts);
	out->susp_commits = atomic_load(&vm->st_susp_commits);
	out->susp_denied = atomic_load(&vm->st_susp_denied);
	out->hart_starts = atomic_load(&vm->st_hart_starts);
	out->violations = atomic_load(&vm->st_violations);
	out->boots = atomic_load(&vm->st_boots);
}
