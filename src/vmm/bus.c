// SPDX-License-Identifier: MIT
/*
 * The MMIO map: a short array sorted by base, searched by bisection.  It is
 * fixed before any vCPU runs, so lookups need no lock; each device
 * serialises its own registers with its device lock.
 */
#include <errno.h>

#include "vmm/vm.h"

int hv_vm_add_mmio(struct hv_vm *vm, uint64_t base, uint64_t size, const struct hv_mmio_ops *ops,
		   void *opaque)
{
	unsigned int i;

	if (!size || base + size < base || !ops)
		return -EINVAL;
	if (vm->nr_mmio == HV_MAX_MMIO)
		return -ENOSPC;
	/* No overlap with RAM or with another device. */
	if (base < vm->cfg.ram_base + vm->cfg.ram_size && vm->cfg.ram_base < base + size)
		return -EINVAL;
	for (i = 0; i < vm->nr_mmio; i++) {
		const struct hv_mmio_region *r = &vm->mmio[i];

		if (base < r->base + r->size && r->base < base + size)
			return -EINVAL;
	}
	for (i = vm->nr_mmio; i > 0 && vm->mmio[i - 1].base > base; i--)
		vm->mmio[i] = vm->mmio[i - 1];
	vm->mmio[i] = (struct hv_mmio_region){base, size, ops, opaque};
	vm->nr_mmio++;
	return 0;
}

static const struct hv_mmio_region *bus_find(const struct hv_vm *vm, uint64_t pa, unsigned int size)
{
	unsigned int lo = 0, hi = vm->nr_mmio;

	while (lo < hi) {
		unsigned int mid = (lo + hi) / 2;
		const struct hv_mmio_region *r = &vm->mmio[mid];

		if (pa < r->base) {
			hi = mid;
		} else if (pa - r->base >= r->size) {
			lo = mid + 1;
		} else {
			/* The access must lie wholly inside the region. */
			if (size > r->size - (pa - r->base))
				return NULL;
			return r;
		}
	}
	return NULL;
}

int bus_mmio_read(void *opaque, uint64_t pa, unsigned int size, uint64_t *val)
{
	const struct hv_vm *vm = opaque;
	const struct hv_mmio_region *r = bus_find(vm, pa, size);

	if (!r || !r->ops->read)
		return -1;
	return r->ops->read(r->opaque, pa - r->base, size, val) ? -1 : 0;
}

int bus_mmio_write(void *opaque, uint64_t pa, unsigned int size, uint64_t val)
{
	const struct hv_vm *vm = opaque;
	const struct hv_mmio_region *r = bus_find(vm, pa, size);

	if (!r || !r->ops->write)
		return -1;
	return r->ops->write(r->opaque, pa - r->base, size, val) ? -1 : 0;
}
