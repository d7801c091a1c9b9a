// SPDX-License-Identifier: MIT
/*
 * The machine the CLI builds from its config, and the system-event loop:
 * shutdown, reboot (cold and warm) and suspend/resume are decided here, as a
 * KVM-based VMM decides them in userspace.
 */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libfdt.h>

#include "cli/machine.h"
#include "fdt/dt.h"
#include "sbi/sbi_spec.h"

#define UART_BASE 0x10000000ull
#define UART_SIZE 0x100ull
#define UART_IRQ 10
#define PLIC_BASE 0x0c000000ull
#define DTB_MAX (64 * 1024)

/* Exactly what the hart implements (src/cpu). */
static const char *const isa_extensions[] = {"i", "m",	   "a",	       "f",    "d",
					     "c", "zicsr", "zifencei", "sstc", "svadu"};

static void image_read(struct cli_image *img, const char *what, const char *path)
{
	struct stat st;
	size_t got = 0;
	int fd;

	img->path = path;
	fd = open(path, O_RDONLY);
	if (fd < 0)
		cli_die(CLI_EXIT_USAGE, "cannot open %s '%s': %s", what, path, strerror(errno));
	if (fstat(fd, &st) || !S_ISREG(st.st_mode))
		cli_die(CLI_EXIT_USAGE, "%s '%s' is not a regular file", what, path);
	if (st.st_size == 0)
		cli_die(CLI_EXIT_USAGE, "%s '%s' is empty", what, path);
	if ((uint64_t)st.st_size > HV_MAX_RAM_SIZE)
		cli_die(CLI_EXIT_USAGE, "%s '%s' is larger than any guest RAM (%lld bytes)", what,
			path, (long long)st.st_size);
	img->len = (size_t)st.st_size;
	img->data = malloc(img->len);
	if (!img->data)
		cli_die(CLI_EXIT_INTERNAL, "out of memory reading %s '%s'", what, path);
	while (got < img->len) {
		ssize_t n = read(fd, img->data + got, img->len - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			cli_die(CLI_EXIT_USAGE, "cannot read %s '%s': %s", what, path,
				n ? strerror(errno) : "file shrank while reading");
		got += (size_t)n;
	}
	close(fd);
}

static int machine_build_dtb(struct cli_machine *m, uint64_t initrd_start, uint64_t initrd_end,
			     void *buf, size_t size)
{
	const struct cli_config *cfg = m->cfg;
	uint64_t ram_base, ram_size;
	struct dt_machine dm;
	struct dt_device devs[] = {{plic_dt_node, m->plic}, {uart8250_dt_node, m->uart}};

	hv_vm_ram(m->vm, &ram_base, &ram_size);
	dm = (struct dt_machine){
		.nr_cpus = cfg->cpus,
		.ram_base = ram_base,
		.ram_size = ram_size,
		.timebase_hz = HV_DEFAULT_TIMEBASE_HZ,
		.isa = "rv64imafdc_zicsr_zifencei_sstc_svadu",
		.isa_extensions = isa_extensions,
		.nr_isa_extensions = sizeof(isa_extensions) / sizeof(isa_extensions[0]),
		.mmu_type = "riscv,sv48",
		.bootargs = cfg->append,
		.initrd_start = initrd_start,
		.initrd_end = initrd_end,
		.stdout_path = "/soc/serial@10000000",
		.idle_states = cfg->idle_states,
		.boot_count = (uint32_t)(m->resets + 1),
	};
	return dt_build(&dm, devs, sizeof(devs) / sizeof(devs[0]), buf, size);
}

/* The UART's irq_set (opaque: the console, inside the machine): its PLIC source. */
static void machine_uart_irq(void *opaque, int level)
{
	struct cli_machine *m =
		(struct cli_machine *)((char *)opaque - offsetof(struct cli_machine, console));

	plic_set_irq(m->plic, UART_IRQ, level);
}

/* A PLIC context's output is its hart's SEIP; lock-free, as plic.h requires. */
static void machine_plic_seip(void *opaque, unsigned int hart, int level)
{
	hv_vcpu_set_irq_line(hv_vm_get_vcpu(opaque, hart), HV_IRQ_SEI, level);
}

static void machine_load_kernel(struct cli_machine *m)
{
	uint64_t ram_base, ram_size;
	uint8_t *ram = hv_vm_ram(m->vm, &ram_base, &ram_size);
	int r = loader_load_kernel(ram, ram_base, ram_size, m->kernel.data, m->kernel.len,
				   &m->kinfo);

	if (r == -EFBIG)
		cli_die(CLI_EXIT_USAGE,
			"kernel '%s' (%zu bytes) does not fit in guest RAM (%llu MiB at 0x%llx); "
			"try a larger --mem",
			m->kernel.path, m->kernel.len, (unsigned long long)(ram_size >> 20),
			(unsigned long long)ram_base);
	if (r)
		cli_die(CLI_EXIT_USAGE,
			"kernel '%s' is corrupt or not a RISC-V image (expected a RISC-V ELF64, a "
			"Linux RISC-V Image or a raw binary): %s",
			m->kernel.path, strerror(-r));
}

/* Put the DTB and initrd in RAM and start the boot hart.  @cold reloads everything. */
static void machine_boot(struct cli_machine *m, bool cold)
{
	uint64_t ram_base, ram_size, initrd_addr = 0, dtb_addr, dtb_len;
	uint8_t *ram = hv_vm_ram(m->vm, &ram_base, &ram_size);
	uint8_t dtb[DTB_MAX];
	const void *dtb_data = dtb;
	int r;

	/* After SRST, harts stopped mid-slice may still be finishing it. */
	hv_vm_wait_quiescent(m->vm);
	/* A reboot from inside an interrupt handler must not leave a source claimed. */
	plic_reset(m->plic);
	if (cold) {
		/* A cold boot starts from zeroed RAM; dropping the pages is cheapest. */
		madvise(ram, ram_size, MADV_DONTNEED);
		machine_load_kernel(m);
	}
	/* Place with a worst-case DTB size first, then build it knowing the initrd. */
	r = loader_layout(ram_base, ram_size, m->kinfo.kernel_end, m->initrd.len,
			  m->dtb.data ? m->dtb.len : DTB_MAX, &initrd_addr, &dtb_addr);
	if (r)
		cli_die(CLI_EXIT_USAGE,
			"the initrd%s and device tree do not fit in guest RAM above the kernel; "
			"try a larger --mem",
			m->initrd.path ? "" : " (none)");
	if (m->dtb.data) {
		dtb_data = m->dtb.data;
		dtb_len = m->dtb.len;
	} else {
		r = machine_build_dtb(m, initrd_addr, initrd_addr ? initrd_addr + m->initrd.len : 0,
				      dtb, sizeof(dtb));
		if (r < 0)
			cli_die(CLI_EXIT_INTERNAL, "cannot build the device tree: %s",
				strerror(-r));
		dtb_len = (uint64_t)r;
	}
	/* Every boot: a guest may reuse the initrd's memory once it has unpacked it. */
	if (m->initrd.data)
		loader_load_initrd(ram, ram_base, ram_size, initrd_addr, m->initrd.data,
				   m->initrd.len);
	r = loader_load_initrd(ram, ram_base, ram_size, dtb_addr, dtb_data, dtb_len);
	if (r)
		cli_die(CLI_EXIT_INTERNAL, "cannot place the device tree: %s", strerror(-r));
	r = hv_vm_boot(m->vm, 0, m->kinfo.entry, dtb_addr);
	if (r)
		cli_die(CLI_EXIT_INTERNAL, "cannot boot: %s", strerror(-r));
}

static void machine_dump_dtb(struct cli_machine *m)
{
	uint8_t dtb[DTB_MAX];
	uint64_t ram_base, ram_size, initrd_addr = 0, dtb_addr;
	FILE *f;
	int r;

	hv_vm_ram(m->vm, &ram_base, &ram_size);
	if (loader_layout(ram_base, ram_size, m->kinfo.kernel_end, m->initrd.len, DTB_MAX,
			  &initrd_addr, &dtb_addr))
		cli_die(CLI_EXIT_USAGE, "the initrd and device tree do not fit in guest RAM");
	r = machine_build_dtb(m, initrd_addr, initrd_addr ? initrd_addr + m->initrd.len : 0, dtb,
			      sizeof(dtb));
	if (r < 0)
		cli_die(CLI_EXIT_INTERNAL, "cannot build the device tree: %s", strerror(-r));
	f = fopen(m->cfg->dump_dtb, "wb");
	if (!f || fwrite(dtb, 1, (size_t)r, f) != (size_t)r || fclose(f))
		cli_die(CLI_EXIT_USAGE, "cannot write device tree to '%s': %s", m->cfg->dump_dtb,
			strerror(errno));
}

/*
 * Wait for a wake source, then resume the suspended system.  Returns 0, or
 * an exit code when nothing can ever wake it (no timer armed, no
 * --suspend-wake deadline, console input at end of file).
 */
static int machine_suspend(struct cli_machine *m)
{
	const struct cli_config *cfg = m->cfg;
	uint64_t deadline = UINT64_MAX, timer;

	if (cfg->verbose)
		fprintf(stderr, "hartvisor: system suspended\n");
	if (cfg->wake != CLI_WAKE_NOW) {
		if (cfg->wake == CLI_WAKE_AFTER)
			deadline = hv_now_ns() + cfg->wake_after_ms * 1000000ull;
		timer = hv_vm_suspend_deadline(m->vm);
		if (timer < deadline)
			deadline = timer;
		while (hv_now_ns() < deadline && !cli_console_wait(&m->console, deadline)) {
			if (deadline == UINT64_MAX && cli_console_closed(&m->console)) {
				fprintf(stderr,
					"hartvisor: the guest suspended the system with no "
					"wake source: no timer armed, console input closed, "
					"no --suspend-wake\n");
				return CLI_EXIT_GUEST_FAILURE;
			}
		}
	}
	if (hv_vm_resume(m->vm))
		cli_die(CLI_EXIT_INTERNAL, "cannot resume the suspended system");
	if (cfg->verbose)
		fprintf(stderr, "hartvisor: system resumed\n");
	return 0;
}

static int machine_shutdown_code(struct cli_machine *m, uint32_t reason)
{
	int code = reason == SBI_SRST_RESET_REASON_NONE ? CLI_EXIT_OK : CLI_EXIT_GUEST_FAILURE;

	pthread_mutex_lock(&m->ucall.lock);
	if (m->ucall.failures || m->ucall.done_failures)
		code = CLI_EXIT_TEST_FAILED;
	pthread_mutex_unlock(&m->ucall.lock);
	return code;
}

static int machine_event_loop(struct cli_machine *m)
{
	struct hv_exit ev;

	for (;;) {
		/* Wake once a second to notice a guest that stopped every hart. */
		if (hv_vm_wait_event(m->vm, &ev, hv_now_ns() + 1000000000ull)) {
			if (hv_vm_all_stopped(m->vm)) {
				fprintf(stderr,
					"hartvisor: every hart is stopped; the guest can no "
					"longer run\n");
				return CLI_EXIT_GUEST_FAILURE;
			}
			continue;
		}
		if (ev.reason == HV_EXIT_INTERNAL_ERROR) {
			fprintf(stderr, "hartvisor: vCPU %u failed at pc 0x%llx: %s\n", ev.vcpu_id,
				(unsigned long long)ev.internal.pc, strerror(-ev.internal.error));
			return CLI_EXIT_INTERNAL;
		}
		if (ev.reason != HV_EXIT_SYSTEM_EVENT)
			continue;
		switch (ev.system_event.type) {
		case HV_SYSTEM_EVENT_SHUTDOWN:
			if (m->cfg->verbose)
				fprintf(stderr, "hartvisor: guest powered off (reason %u)\n",
					ev.system_event.reset_reason);
			return machine_shutdown_code(m, ev.system_event.reset_reason);
		case HV_SYSTEM_EVENT_RESET:
			m->resets++;
			if (m->cfg->verbose)
				fprintf(stderr, "hartvisor: %s reboot\n",
					ev.system_event.reset_type == HV_RESET_WARM_REBOOT
						? "warm"
						: "cold");
			machine_boot(m, ev.system_event.reset_type != HV_RESET_WARM_REBOOT);
			break;
		case HV_SYSTEM_EVENT_SUSPEND: {
			int code = machine_suspend(m);

			if (code)
				return code;
			break;
		}
		}
	}
}

int cli_run(const struct cli_config *cfg)
{
	struct cli_machine m = {.cfg = cfg};
	struct hv_vm_config vc = {.ram_size = cfg->mem, .nr_vcpus = cfg->cpus};
	struct hv_console_ops con = {cli_console_write, cli_console_read};
	struct hv_run_ops ops = {.sbi_call = cli_ucall, .opaque = &m};
	struct uart8250_config uc = {.base = UART_BASE,
				     .irq = UART_IRQ,
				     .tx = cli_console_uart_tx,
				     .irq_set = machine_uart_irq};
	struct plic_config pc = {
		.base = PLIC_BASE, .nr_harts = cfg->cpus, .set_seip = machine_plic_seip};
	int r, code;

	image_read(&m.kernel, "kernel", cfg->kernel);
	if (cfg->initrd)
		image_read(&m.initrd, "initrd", cfg->initrd);
	if (cfg->dtb)
		image_read(&m.dtb, "device tree", cfg->dtb);
	if (m.dtb.data && m.dtb.len > DTB_MAX)
		cli_die(CLI_EXIT_USAGE, "device tree '%s' is larger than %d bytes", cfg->dtb,
			DTB_MAX);
	if (m.dtb.data && (m.dtb.len < FDT_V1_SIZE || fdt_check_header(m.dtb.data) ||
			   fdt_totalsize(m.dtb.data) > m.dtb.len))
		cli_die(CLI_EXIT_USAGE,
			"device tree '%s' is not a valid flattened device tree (DTB)", cfg->dtb);

	r = hv_vm_create(&vc, &m.vm);
	if (r)
		cli_die(CLI_EXIT_INTERNAL, "cannot create the VM with %llu MiB of RAM: %s",
			(unsigned long long)(cfg->mem >> 20), strerror(-r));
	for (unsigned int i = 0; i < cfg->cpus; i++) {
		r = hv_vcpu_create(m.vm, i, &m.vcpus[i]);
		if (r)
			cli_die(CLI_EXIT_INTERNAL, "cannot create vCPU %u: %s", i, strerror(-r));
	}
	pthread_mutex_init(&m.ucall.lock, NULL);
	hv_vm_set_console(m.vm, &con, &m.console);
	pc.opaque = m.vm;
	r = plic_create(&pc, &m.plic);
	if (!r)
		r = hv_vm_add_mmio(m.vm, PLIC_BASE, PLIC_MMIO_SIZE, &plic_mmio_ops, m.plic);
	if (r)
		cli_die(CLI_EXIT_INTERNAL, "cannot create the PLIC: %s", strerror(-r));
	uc.opaque = &m.console;
	r = uart8250_create(&uc, &m.uart);
	if (!r)
		r = hv_vm_add_mmio(m.vm, UART_BASE, UART_SIZE, &uart8250_mmio_ops, m.uart);
	if (r)
		cli_die(CLI_EXIT_INTERNAL, "cannot create the UART: %s", strerror(-r));

	machine_load_kernel(&m);
	if (cfg->dump_dtb) {
		machine_dump_dtb(&m);
		code = CLI_EXIT_OK;
		goto out;
	}
	if (cli_console_init(&m.console, m.uart))
		cli_die(CLI_EXIT_INTERNAL, "cannot start the console input thread");
	machine_boot(&m, false);
	r = hv_vm_start(m.vm, &ops);
	if (r)
		cli_die(CLI_EXIT_INTERNAL, "cannot start vCPU threads: %s", strerror(-r));
	code = machine_event_loop(&m);
	hv_vm_stop(m.vm);
	cli_console_fini(&m.console);
out:
	hv_vm_destroy(m.vm);
	uart8250_destroy(m.uart);
	plic_destroy(m.plic);
	free(m.kernel.data);
	free(m.initrd.data);
	free(m.dtb.data);
	return code;
}
