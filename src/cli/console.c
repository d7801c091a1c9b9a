// SPDX-License-Identifier: MIT
/*
 * The console on the host's stdin and stdout.
 *
 * Output is written straight to the file descriptor (no stdio buffer shared
 * between vCPU threads).  Input is read by one thread, which:
 * - puts a terminal in raw mode (no echo, no line editing, no signals: Ctrl-C
 *   goes to the guest) and restores it on every exit path, signals included;
 * - handles Ctrl-A x (quit) and Ctrl-A Ctrl-A (a literal Ctrl-A), as QEMU does;
 * - routes each byte to where the guest last wrote its console output: the
 *   UART's receive FIFO, or the SBI console (legacy getchar, DBCN read),
 *   through a ring buffer.  So `console=ttyS0` and `console=hvc0` both work.
 * A pipe or file on stdin works too: tests type into the guest that way.
 *
 * con->lock guards the ring, the counters and the pending-UART byte; it is a
 * leaf lock except that it calls uart8250_rx_push(), which takes the UART's
 * lock (so the order is console -> uart; the UART never calls back here).
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/machine.h"

#define CTRL_A 0x01

/* The terminal's settings to restore; process-wide because the terminal is. */
static struct termios console_saved_tty;
static volatile sig_atomic_t console_tty_raw;

static void console_tty_restore(void)
{
	if (console_tty_raw) {
		tcsetattr(STDIN_FILENO, TCSANOW, &console_saved_tty);
		console_tty_raw = 0;
	}
}

static void console_fatal_signal(int sig)
{
	console_tty_restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void console_tty_raw_mode(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV,
				   SIGBUS, SIGABRT, SIGFPE, SIGILL};
	struct termios t;

	if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &console_saved_tty))
		return;
	t = console_saved_tty;
	/* Raw input; output post-processing stays on so "\n" still returns the carriage. */
	t.c_iflag &= ~(unsigned)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
	t.c_lflag &= ~(unsigned)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t.c_cflag |= CS8;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t))
		return;
	console_tty_raw = 1;
	atexit(console_tty_restore);
	for (unsigned int i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], console_fatal_signal);
}

void cli_console_write(void *opaque, const uint8_t *buf, size_t len)
{
	struct cli_console *con = opaque;

	if (con)
		atomic_store(&con->route_uart, false);
	while (len) {
		ssize_t n = write(STDOUT_FILENO, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return; /* stdout is gone: drop the output, keep the guest running */
		buf += n;
		len -= (size_t)n;
	}
}

void cli_console_uart_tx(void *opaque, uint8_t byte)
{
	struct cli_console *con = opaque;

	atomic_store(&con->route_uart, true);
	cli_console_write(NULL, &byte, 1);
}

/* Move waiting input into the UART while it has room.  Caller holds con->lock. */
static void __console_pump_uart(struct cli_console *con)
{
	while (con->uart && atomic_load(&con->route_uart) && con->count) {
		if (uart8250_rx_push(con->uart, con->ring[con->head]))
			break;
		con->head = (con->head + 1) % CLI_CONSOLE_RING;
		con->count--;
	}
}

static void console_deliver(struct cli_console *con, uint8_t c)
{
	pthread_mutex_lock(&con->lock);
	if (con->count < CLI_CONSOLE_RING) {
		con->ring[(con->head + con->count) % CLI_CONSOLE_RING] = c;
		con->count++;
	}
	con->seq++;
	__console_pump_uart(con);
	pthread_cond_broadcast(&con->cond);
	pthread_mutex_unlock(&con->lock);
}

static void *console_input_thread(void *arg)
{
	struct cli_console *con = arg;
	bool ctrl_a = false;

	for (;;) {
		struct pollfd p[2] = {{.fd = STDIN_FILENO, .events = POLLIN},
				      {.fd = con->stop_pipe[0], .events = POLLIN}};
		uint8_t buf[64];
		ssize_t n;

		/* Wake now and then to refill the UART as the guest drains it. */
		if (poll(p, 2, 10) <= 0 || !(p[0].revents & (POLLIN | POLLHUP))) {
			if (p[1].revents)
				return NULL;
			pthread_mutex_lock(&con->lock);
			__console_pump_uart(con);
			pthread_mutex_unlock(&con->lock);
			continue;
		}
		n = read(STDIN_FILENO, buf, sizeof(buf));
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0)
			break;
		for (ssize_t i = 0; i < n; i++) {
			uint8_t c = buf[i];

			if (ctrl_a) {
				ctrl_a = false;
				if (c == 'x' || c == 'X') {
					console_tty_restore();
					fprintf(stderr, "\nhartvisor: terminated (Ctrl-A x)\n");
					exit(CLI_EXIT_OK);
				}
				if (c != CTRL_A)
					console_deliver(con, CTRL_A);
			} else if (c == CTRL_A && console_tty_raw) {
				/* Only a terminal has the escape; a pipe is passed through. */
				ctrl_a = true;
				continue;
			}
			console_deliver(con, c);
		}
	}
	pthread_mutex_lock(&con->lock);
	con->eof = true;
	pthread_cond_broadcast(&con->cond);
	/* Keep feeding what is left to the UART. */
	while (con->count && con->uart && atomic_load(&con->route_uart) && !con->stopping) {
		struct timespec ts;

		__console_pump_uart(con);
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_nsec += 10000000;
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		pthread_cond_timedwait(&con->cond, &con->lock, &ts);
	}
	pthread_mutex_unlock(&con->lock);
	return NULL;
}

int cli_console_init(struct cli_console *con, struct uart8250 *uart)
{
	pthread_condattr_t ca;

	memset(con, 0, sizeof(*con));
	pthread_mutex_init(&con->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&con->cond, &ca);
	pthread_condattr_destroy(&ca);
	con->uart = uart;
	if (pipe(con->stop_pipe))
		return -errno;
	console_tty_raw_mode();
	if (pthread_create(&con->thread, NULL, console_input_thread, con))
		return -EAGAIN;
	con->running = true;
	return 0;
}

void cli_console_fini(struct cli_console *con)
{
	if (!con->running)
		return;
	pthread_mutex_lock(&con->lock);
	con->stopping = true;
	pthread_cond_broadcast(&con->cond);
	pthread_mutex_unlock(&con->lock);
	if (write(con->stop_pipe[1], "", 1) != 1)
		return; /* cannot happen with an empty pipe; leave the thread be */
	pthread_join(con->thread, NULL);
	close(con->stop_pipe[0]);
	close(con->stop_pipe[1]);
	con->running = false;
	console_tty_restore();
}

int cli_console_read(void *opaque)
{
	struct cli_console *con = opaque;
	int c = -1;

	pthread_mutex_lock(&con->lock);
	if (con->count) {
		c = con->ring[con->head];
		con->head = (con->head + 1) % CLI_CONSOLE_RING;
		con->count--;
	}
	pthread_mutex_unlock(&con->lock);
	return c;
}

bool cli_console_closed(struct cli_console *con)
{
	bool closed;

	pthread_mutex_lock(&con->lock);
	closed = con->eof && !con->count;
	pthread_mutex_unlock(&con->lock);
	return closed;
}

bool cli_console_wait(struct cli_console *con, uint64_t deadline_ns)
{
	uint64_t seq;
	struct timespec ts;
	bool got;

	pthread_mutex_lock(&con->lock);
	seq = con->seq;
	if (deadline_ns == UINT64_MAX)
		deadline_ns = hv_now_ns() + 100000000ull; /* look again every 100 ms */
	ts.tv_sec = (time_t)(deadline_ns / 1000000000u);
	ts.tv_nsec = (long)(deadline_ns % 1000000000u);
	while (con->seq == seq && hv_now_ns() < deadline_ns)
		if (pthread_cond_timedwait(&con->cond, &con->lock, &ts) == ETIMEDOUT)
			break;
	got = con->seq != seq;
	pthread_mutex_unlock(&con->lock);
	return got;
}
