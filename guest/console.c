// SPDX-License-Identifier: MIT
#include "console.h"
#include "hart.h"
#include "lib.h"
#include "sbi.h"

/* Owner hart id + 1, or 0 when free; depth counts nested acquisitions. */
static volatile unsigned long console_owner;
static unsigned int console_depth;

static void console_lock(void)
{
	unsigned long me = hart_id() + 1;

	if (console_owner == me) {
		console_depth++;
		return;
	}
	while (__atomic_compare_exchange_n(&console_owner, &(unsigned long){0}, me, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED) == false)
		;
	console_depth = 1;
}

static void console_unlock(void)
{
	if (--console_depth == 0)
		__atomic_store_n(&console_owner, 0, __ATOMIC_RELEASE);
}

void console_write(const char *s, size_t n)
{
	console_lock();
	/* No '\r' is added: OpenSBI's putchar adds it, and hartvisor's console is a byte stream. */
	while (n--)
		sbi_legacy_console_putchar(*s++);
	console_unlock();
}

void console_puts(const char *s)
{
	console_write(s, strlen(s));
}

int console_printf(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_puts(buf);
	return n;
}
