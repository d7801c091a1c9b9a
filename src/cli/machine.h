/* SPDX-License-Identifier: MIT */
/* The machine the CLI builds: the VM, its devices, its images. */
#ifndef HV_CLI_MACHINE_H
#define HV_CLI_MACHINE_H

#include "cli/cli.h"
#include "dev/plic.h"
#include "dev/uart8250.h"
#include "vmm/loader.h"

struct cli_image {
	const char *path;
	uint8_t *data;
	size_t len;
};

struct cli_machine {
	const struct cli_config *cfg;
	struct hv_vm *vm;
	struct hv_vcpu *vcpus[HV_MAX_VCPUS];
	struct uart8250 *uart;
	struct plic *plic;
	struct cli_console console;
	struct cli_ucall ucall;
	struct cli_image kernel, initrd, dtb;
	struct loader_info kinfo;
	uint64_t resets; /* reboots so far: the boot count is resets + 1 */
};

#endif /* HV_CLI_MACHINE_H */
