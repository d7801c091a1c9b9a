// SPDX-License-Identifier: MIT
/*
 * The console on the host's stdin and stdout.  Output is written straight to
 * the file descriptor (no stdio buffer shared between vCPU threads).  Input
 * is read without blocking; at end of file the console has no more input,
 * and it no longer counts as a wake source for a suspended system.
 */
#include <errno.h>
#include <poll.h>
#include <unistd.h>

#include "cli/cli.h"

void cli_console_init(struct cli_console *con)
{
	pthread_mutex_init(&con->lock, NULL);
	con->pushback = -1;
	con->eof = false;
}

void cli_console_write(void *opaque, const uint8_t *buf, size_t len)
{
	(void)opaque;
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

/* Read one byte if one is waiting within @timeout_ms.  Caller holds con->lock. */
static int __console_poll_byte(struct cli_console *con, int timeout_ms)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	unsigned char c;
	ssize_t n;

	if (con->pushback >= 0 || con->eof)
		return con->pushback;
	if (poll(&p, 1, timeout_ms) != 1 || !(p.revents & (POLLIN | POLLHUP)))
		return -1;
	n = read(STDIN_FILENO, &c, 1);
	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
		con->eof = true;
		return -1;
	}
	if (n == 1)
		con->pushback = c;
	return con->pushback;
}

int cli_console_read(void *opaque)
{
	struct cli_console *con = opaque;
	int c;

	pthread_mutex_lock(&con->lock);
	c = __console_poll_byte(con, 0);
	con->pushback = -1;
	pthread_mutex_unlock(&con->lock);
	return c;
}

bool cli_console_wait(struct cli_console *con, uint64_t deadline_ns)
{
	uint64_t now = hv_now_ns(), left;
	int ms, c;

	if (deadline_ns != UINT64_MAX && now >= deadline_ns)
		return false;
	left = deadline_ns == UINT64_MAX ? UINT64_MAX : deadline_ns - now;
	/* Wake at least every 100 ms, so the caller can look at other sources. */
	ms = left / 1000000 >= 100 ? 100 : (int)(left / 1000000) + 1;
	pthread_mutex_lock(&con->lock);
	if (con->eof) {
		pthread_mutex_unlock(&con->lock);
		struct timespec ts = { 0, (long)ms * 1000000 };

		nanosleep(&ts, NULL);
		return false;
	}
	c = __console_poll_byte(con, ms);
	pthread_mutex_unlock(&con->lock);
	return c >= 0;
}
