/* SPDX-License-Identifier: MIT */
/*
 * The hartvisor command: argv -> struct cli_config, the machine built from
 * it, and the system-event loop.  This is the only part of hartvisor that
 * prints to the user or exits the process.
 */
#ifndef HV_CLI_CLI_H
#define HV_CLI_CLI_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "hartvisor/hartvisor.h"

/* Exit codes; `hartvisor --help` and the README list them. */
enum cli_exit {
	CLI_EXIT_OK = 0,	    /* the guest powered off, reason "none" */
	CLI_EXIT_GUEST_FAILURE = 1, /* the guest powered off, reason "system failure" */
	CLI_EXIT_USAGE = 2,	    /* bad command line, or a missing, corrupt or oversized image */
	CLI_EXIT_INTERNAL = 3,	    /* hartvisor itself failed */
	CLI_EXIT_TEST_FAILED = 4,   /* a test guest reported failed checks */
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

/* The console on stdin/stdout (console.c); lock guards the input side. */
#define CLI_CONSOLE_RING 4096
struct uart8250;
struct cli_console {
	pthread_mutex_t lock;
	pthread_cond_t cond; /* signalled on input and at end of file */
	pthread_t thread;
	uint8_t ring[CLI_CONSOLE_RING];
	unsigned int head, count;
	uint64_t seq; /* bytes received so far: a suspended system wakes when it moves */
	bool eof;
	bool stopping, running;
	int stop_pipe[2];
	struct uart8250 *uart;
	_Atomic bool route_uart; /* the guest last wrote to the UART, not the SBI console */
};

/* Start the input thread; puts a terminal in raw mode.  Returns 0 or -EAGAIN. */
int cli_console_init(struct cli_console *con, struct uart8250 *uart);
/* Stop the input thread and restore the terminal. */
void cli_console_fini(struct cli_console *con);
/* hv_console_ops.write (opaque: struct cli_console, or NULL) */
void cli_console_write(void *opaque, const uint8_t *buf, size_t len);
/* uart8250_config.tx (opaque: struct cli_console) */
void cli_console_uart_tx(void *opaque, uint8_t byte);
/* hv_console_ops.read: a byte for the SBI console, or -1 */
int cli_console_read(void *opaque);
/* Has console input ended, with nothing left unread? */
bool cli_console_closed(struct cli_console *con);
/* Wait until @deadline_ns (at most ~100 ms) for new console input; true if some came. */
bool cli_console_wait(struct cli_console *con, uint64_t deadline_ns);

#endif /* HV_CLI_CLI_H */
