// SPDX-License-Identifier: MIT
/* hartvisor's command line: parsing, --help, --version. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char usage[] =
	"Usage: hartvisor run --kernel FILE [options]\n"
	"       hartvisor --help | --version\n"
	"\n"
	"Run a RISC-V (RV64GC) guest, one host thread per vCPU, with the SBI in the VMM.\n"
	"\n"
	"Options for run:\n"
	"  --kernel FILE        guest kernel: ELF, Linux RISC-V Image, or raw binary\n"
	"                       (Image and raw are loaded at RAM + 2 MiB)\n"
	"  --initrd FILE        initial ramdisk, named in /chosen\n"
	"  --append STR         kernel command line (/chosen/bootargs)\n"
	"  --dtb FILE           boot with this device tree instead of the generated one\n"
	"  --dump-dtb FILE      write the generated device tree to FILE and exit\n"
	"  --cpus N             number of harts, 1-64 (default 1)\n"
	"  --mem SIZE           guest RAM: a number with an optional K, M or G suffix;\n"
	"                       a bare number is MiB, as in QEMU (default 256M;\n"
	"                       1M to 64G)\n"
	"  --no-idle-states     leave the HSM suspend idle states out of the device tree\n"
	"  --suspend-wake MODE  how a system suspend (SBI SUSP) ends:\n"
	"                         auto      the suspending hart's timer or console input\n"
	"                                   (default); with neither possible, exit 1\n"
	"                         now       at once (for tests)\n"
	"                         after:MS  after MS milliseconds, or earlier by auto\n"
	"  -v, --verbose        report every test check and system event\n"
	"  -h, --help           this text\n"
	"\n"
	"The machine: RAM at 0x80000000, ns16550a UART at 0x10000000, SBI v3.0.\n"
	"\n"
	"Exit status:\n"
	"  0  the guest powered off (SBI SRST shutdown, reason none)\n"
	"  1  the guest powered off reporting a system failure\n"
	"  2  bad command line, or a missing, corrupt or oversized image\n"
	"  3  hartvisor itself failed\n"
	"  4  a test guest reported failed checks\n";

void cli_die(int code, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("hartvisor: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(code);
}

/* "512M", "2G", "65536K", "128" (MiB).  Returns false if it is not a size. */
static bool parse_size(const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v;
	unsigned int shift = 20;

	if (!*s || *s == '-')
		return false;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s)
		return false;
	if (*end) {
		switch (*end) {
		case 'k':
		case 'K':
			shift = 10;
			break;
		case 'm':
		case 'M':
			shift = 20;
			break;
		case 'g':
		case 'G':
			shift = 30;
			break;
		default:
			return false;
		}
		if (end[1] && strcmp(end + 1, "iB") && strcmp(end + 1, "B"))
			return false;
	}
	if (v > (UINT64_MAX >> shift))
		return false;
	*out = (uint64_t)v << shift;
	return true;
}

static bool parse_uint(const char *s, unsigned long long max, unsigned long long *out)
{
	char *end;

	if (!*s || *s == '-')
		return false;
	errno = 0;
	*out = strtoull(s, &end, 10);
	return !errno && !*end && *out <= max;
}

enum {
	OPT_KERNEL = 256,
	OPT_INITRD,
	OPT_APPEND,
	OPT_DTB,
	OPT_DUMP_DTB,
	OPT_CPUS,
	OPT_MEM,
	OPT_NO_IDLE,
	OPT_WAKE
};

void cli_parse_run(int argc, char **argv, struct cli_config *cfg)
{
	static const struct option opts[] = {
		{"kernel", required_argument, NULL, OPT_KERNEL},
		{"initrd", required_argument, NULL, OPT_INITRD},
		{"append", required_argument, NULL, OPT_APPEND},
		{"dtb", required_argument, NULL, OPT_DTB},
		{"dump-dtb", required_argument, NULL, OPT_DUMP_DTB},
		{"cpus", required_argument, NULL, OPT_CPUS},
		{"mem", required_argument, NULL, OPT_MEM},
		{"no-idle-states", no_argument, NULL, OPT_NO_IDLE},
		{"suspend-wake", required_argument, NULL, OPT_WAKE},
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	unsigned long long n;
	int c;

	*cfg = (struct cli_config){.cpus = 1, .mem = 256ull << 20, .idle_states = true};
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":vh", opts, NULL)) != -1) {
		switch (c) {
		case OPT_KERNEL:
			cfg->kernel = optarg;
			break;
		case OPT_INITRD:
			cfg->initrd = optarg;
			break;
		case OPT_APPEND:
			cfg->append = optarg;
			break;
		case OPT_DTB:
			cfg->dtb = optarg;
			break;
		case OPT_DUMP_DTB:
			cfg->dump_dtb = optarg;
			break;
		case OPT_NO_IDLE:
			cfg->idle_states = false;
			break;
		case 'v':
			cfg->verbose = true;
			break;
		case 'h':
			fputs(usage, stdout);
			exit(CLI_EXIT_OK);
		case OPT_CPUS:
			if (!parse_uint(optarg, HV_MAX_VCPUS, &n) || n < 1)
				cli_die(CLI_EXIT_USAGE,
					"--cpus: expected a number from 1 to %d, got '%s'",
					HV_MAX_VCPUS, optarg);
			cfg->cpus = (unsigned int)n;
			break;
		case OPT_MEM:
			if (!parse_size(optarg, &cfg->mem))
				cli_die(CLI_EXIT_USAGE,
					"--mem: expected a size such as 512M or 2G, got '%s'",
					optarg);
			if (cfg->mem < HV_MIN_RAM_SIZE || cfg->mem > HV_MAX_RAM_SIZE ||
			    cfg->mem % 4096)
				cli_die(CLI_EXIT_USAGE,
					"--mem: %s is out of range: RAM must be a multiple of 4K "
					"from 1M to 64G",
					optarg);
			break;
		case OPT_WAKE:
			if (!strcmp(optarg, "auto")) {
				cfg->wake = CLI_WAKE_AUTO;
			} else if (!strcmp(optarg, "now")) {
				cfg->wake = CLI_WAKE_NOW;
			} else if (!strncmp(optarg, "after:", 6) &&
				   parse_uint(optarg + 6, 1000ull * 86400 * 365, &n)) {
				cfg->wake = CLI_WAKE_AFTER;
				cfg->wake_after_ms = n;
			} else {
				cli_die(CLI_EXIT_USAGE,
					"--suspend-wake: expected auto, now or after:MS, got '%s'",
					optarg);
			}
			break;
		case ':':
			cli_die(CLI_EXIT_USAGE, "option '%s' needs an argument (see --help)",
				argv[optind - 1]);
		default:
			cli_die(CLI_EXIT_USAGE, "unknown option '%s' (see --help)",
				argv[optind - 1]);
		}
	}
	if (optind < argc)
		cli_die(CLI_EXIT_USAGE, "unexpected argument '%s' (see --help)", argv[optind]);
	if (!cfg->kernel)
		cli_die(CLI_EXIT_USAGE, "run: --kernel FILE is required (see --help)");
}

int main(int argc, char **argv)
{
	struct cli_config cfg;

	if (argc < 2) {
		fputs(usage, stderr);
		return CLI_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		fputs(usage, stdout);
		return CLI_EXIT_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("hartvisor %s\n", HV_VERSION_STRING);
		return CLI_EXIT_OK;
	}
	if (strcmp(argv[1], "run"))
		cli_die(CLI_EXIT_USAGE, "unknown command '%s': expected 'run' (see --help)",
			argv[1]);
	cli_parse_run(argc - 1, argv + 1, &cfg);
	return cli_run(&cfg);
}
