/* SPDX-License-Identifier: MIT */
/*
 * The guest console: SBI legacy console_putchar (EID 0x01), which both
 * OpenSBI 1.1 and hartvisor implement.  Output is serialised by a lock, so
 * each console_printf()/console_puts() call appears whole even when several
 * harts print at once.  The lock is recursive per hart, so a trap handler
 * that reports while its hart was printing does not deadlock.
 */
#ifndef GUEST_CONSOLE_H
#define GUEST_CONSOLE_H

#include <stddef.h>

void console_write(const char *s, size_t n);
void console_puts(const char *s);
int console_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* GUEST_CONSOLE_H */
