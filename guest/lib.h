/* SPDX-License-Identifier: MIT */
/* Freestanding libc subset for the guest (see lib.c) and formatted output. */
#ifndef GUEST_LIB_H
#define GUEST_LIB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);

/*
 * printf-style formatting into @buf (always NUL-terminated when @size > 0).
 * Supports %d %i %u %x %X %p %s %c %%, the flags '0' and '-', a width, and
 * the length modifiers l, ll and z.  Returns the length the full output
 * would have had.
 */
int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int fmt_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif /* GUEST_LIB_H */
