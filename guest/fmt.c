// SPDX-License-Identifier: MIT
/* A small vsnprintf: enough for check names and diagnostics. */
#include "lib.h"

struct fmt_out {
	char *buf;
	size_t size;
	size_t len;
};

static void fmt_put(struct fmt_out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void fmt_pad(struct fmt_out *o, char c, int n)
{
	while (n-- > 0)
		fmt_put(o, c);
}

static void fmt_str(struct fmt_out *o, const char *s, int width, int left)
{
	int n = (int)strlen(s);

	if (!left)
		fmt_pad(o, ' ', width - n);
	while (*s)
		fmt_put(o, *s++);
	if (left)
		fmt_pad(o, ' ', width - n);
}

static void fmt_num(struct fmt_out *o, unsigned long long v, int neg, unsigned int base, int upper,
		    int width, int zero, int left, const char *prefix)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, ndigits, plen = (int)strlen(prefix) + neg;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	ndigits = n;

	if (!left && !zero)
		fmt_pad(o, ' ', width - n - plen);
	if (neg)
		fmt_put(o, '-');
	while (*prefix)
		fmt_put(o, *prefix++);
	if (!left && zero)
		fmt_pad(o, '0', width - n - plen);
	while (n)
		fmt_put(o, tmp[--n]);
	if (left)
		fmt_pad(o, ' ', width - ndigits - plen);
}

int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct fmt_out o = {buf, size, 0};

	for (; *fmt; fmt++) {
		int zero = 0, left = 0, width = 0, lng = 0;
		unsigned long long u;
		long long s;

		if (*fmt != '%') {
			fmt_put(&o, *fmt);
			continue;
		}
		fmt++;
		for (;; fmt++) {
			if (*fmt == '0')
				zero = 1;
			else if (*fmt == '-')
				left = 1;
			else
				break;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l' || *fmt == 'z') {
			lng++;
			fmt++;
		}

		switch (*fmt) {
		case 'd':
		case 'i':
			s = lng ? va_arg(ap, long long) : va_arg(ap, int);
			u = s < 0 ? -(unsigned long long)s : (unsigned long long)s;
			fmt_num(&o, u, s < 0, 10, 0, width, zero, left, "");
			break;
		case 'u':
			u = lng ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned int);
			fmt_num(&o, u, 0, 10, 0, width, zero, left, "");
			break;
		case 'x':
		case 'X':
			u = lng ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned int);
			fmt_num(&o, u, 0, 16, *fmt == 'X', width, zero, left, "");
			break;
		case 'p':
			u = (unsigned long)va_arg(ap, void *);
			fmt_num(&o, u, 0, 16, 0, width, zero, left, "0x");
			break;
		case 's': {
			const char *str = va_arg(ap, const char *);

			fmt_str(&o, str ? str : "(null)", width, left);
			break;
		}
		case 'c':
			fmt_put(&o, (char)va_arg(ap, int));
			break;
		case '%':
			fmt_put(&o, '%');
			break;
		case '\0':
			fmt--;
			break;
		default:
			fmt_put(&o, '%');
			fmt_put(&o, *fmt);
			break;
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int fmt_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
