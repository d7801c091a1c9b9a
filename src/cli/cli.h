/* SPDX-License-Identifier: MIT */
/*
 * The hartvisor command: argv -> struct cli_config, the machine built from
 * it, and the system-event loop.  This is the only part of hartvisor that
 * prints to the user or exits the process.
 */
#ifndef HV_CLI_CLI_H
#define HV_CLI_CLI_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "hartvisor/hartvisor.h"

/* Exit codes; `hartvisor --help` and the README list them. */
enum cli_exit {
	CLI_EXIT_OK = 0, /* the guest powered off, reason "none" */
	CLI_EXIT_GUEST_FAILURE = 1, /* the guest powered off, reason "system failure" */
	CLI_EXIT_USAGE = 2, /* bad command line, or a missing, corrupt or oversized image */
	CLI_EXIT_INTERNAL = 3, /* hartvisor itself failed */
	CLI_EXIT_TEST_FAILED = 4, /* a test guest reported failed checks */
};

enum cli_wake { CLI_WAKE_AUTO, CLI_WAKE_NOW, CLI_WAKE_AFTER };

struct cli_config {
	const char *kernel;
	const char *initrd;
	const char *append;
	const char *dtb;
	const char *dump_dtb;
	unsigned int cpus;
	uint64_t mem;
	bool idle_states;
	enum cli_wake wake;
	uint64_t wake_after_ms;
	bool verbose;
};

/* What test guests report through the ucall; lock guards all of it. */
struct cli_ucall {
	pthread_mutex_t lock;
	uint64_t checks, failures;
	bool done;
	uint64_t done_checks, done_failures;
};

/* Print "hartvisor: <msg>" to stderr and exit with @code. */
void __attribute__((noreturn, format(printf, 2, 3))) cli_die(int code, const char *fmt, ...);

/* Parse `hartvisor run ...` arguments (argv[0] is "run"). */
void cli_parse_run(int argc, char **argv, struct cli_config *cfg);

/* Build the machine, boot it and run the system-event loop.  Returns the exit code. */
int cli_run(const struct cli_config *cfg);

/* The ucall handler for hv_run_ops.sbi_call. */
struct cli_machine;
void cli_ucall(void *opaque, struct hv_vcpu *vcpu, struct hv_exit *exit);

/* The console on stdin/stdout; lock guards the input side. */
struct cli_console {
	pthread_mutex_t lock;
	int pushback; /* a byte read while waiting, or -1 */
	bool eof;
};

void cli_console_init(struct cli_console *con);
void cli_console_write(void *opaque, const uint8_t *buf, size_t len);
int cli_console_read(void *opaque); /* opaque: struct cli_console */
/* Wait until @deadline_ns (at most ~100 ms) for console input; true if some is waiting. */
bool cli_console_wait(struct cli_console *con, uint64_t deadline_ns);

#endif /* HV_CLI_CLI_H */
