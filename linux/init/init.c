// SPDX-License-Identifier: MIT
/*
 * /init of hartvisor's Linux test initramfs (linux/build.sh builds it static,
 * with glibc from libc6-dev-riscv64-cross).
 *
 * It mounts /proc, /sys and /dev, then reads the kernel command line:
 *
 *   hvtest=NAME   run one check and report on the console, one line each:
 *                   HVTEST PASS name: detail
 *                   HVTEST FAIL name: detail
 *                 then "HVTEST DONE passed=N failed=M" and power off.
 *                 NAME: boot, hotplug, cpuidle, console, reboot.
 *   hvcpus=N      the number of CPUs the machine has (boot checks it)
 *   hviters=N     hotplug cycles per CPU (default 20)
 *   hvstrict=1    hotplug: fail on the first online that races with a
 *                 hart still stopping, instead of retrying it
 *   hvtimeout=S   console: how long to wait for the typed line (300)
 *   hv.boot=N     the reboot test, where the device tree has no
 *                 /chosen/hartvisor,boot-count (1 on the first boot, 2 after
 *                 a reboot...): N > 0 means this boot follows a reboot.
 *
 * Without hvtest= it runs a small shell on the console ("hv# ", try help).
 *
 * Every test also checks the kernel log: a "WARNING:", "BUG:", "Oops",
 * RCU stall or "may not have stopped" line is a failure.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_CPUS 64
#define MAX_STATES 10
#define SYS_CPU "/sys/devices/system/cpu"
#define ENOTSUPP_LINUX 524 /* the kernel's internal ENOTSUPP, as sysfs returns it */

static char cmdline[4096];
static int passed, failed;

/* ---- output --------------------------------------------------------------------- */

static void out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void out(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	/* One write per line, so kernel messages do not split it. */
	if (write(1, buf, n) < 0)
		return;
}

static void result(bool ok, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void result(bool ok, const char *name, const char *fmt, ...)
{
	char detail[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	if (ok)
		passed++;
	else
		failed++;
	out("HVTEST %s %s: %s\n", ok ? "PASS" : "FAIL", name, detail);
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- files ---------------------------------------------------------------------- */

static int read_file(const char *path, char *buf, size_t size)
{
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, size - 1);
	if (n < 0) {
		n = -errno;
		close(fd);
		return n;
	}
	close(fd);
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
	return n;
}

static int write_file(const char *path, const char *val)
{
	size_t len = strlen(val);
	ssize_t n;
	int fd;

	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = write(fd, val, len);
	if (n < 0) {
		n = -errno;
		close(fd);
		return n;
	}
	close(fd);
	return (size_t)n == len ? 0 : -EIO;
}

static long read_long(const char *path, long dflt)
{
	char buf[64];

	if (read_file(path, buf, sizeof(buf)) <= 0)
		return dflt;
	return strtol(buf, NULL, 10);
}

/* A device tree u32 property (big-endian), or @dflt. */
static long dt_u32(const char *path, long dflt)
{
	unsigned char b[4];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return dflt;
	n = read(fd, b, sizeof(b));
	close(fd);
	if (n != 4)
		return dflt;
	return (long)((uint32_t)b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
}

/* ---- the command line ------------------------------------------------------------- */

/* The value of KEY=VALUE on the command line, copied to @val; false if absent. */
static bool cmdline_get(const char *key, char *val, size_t size)
{
	size_t klen = strlen(key);
	const char *p = cmdline;

	while (*p) {
		while (*p == ' ')
			p++;
		if (!strncmp(p, key, klen) && p[klen] == '=') {
			const char *v = p + klen + 1;
			size_t n = strcspn(v, " ");

			if (n >= size)
				n = size - 1;
			memcpy(val, v, n);
			val[n] = '\0';
			return true;
		}
		p += strcspn(p, " ");
	}
	return false;
}

static long cmdline_long(const char *key, long dflt)
{
	char val[32];

	return cmdline_get(key, val, sizeof(val)) ? strtol(val, NULL, 0) : dflt;
}

/* ---- CPUs --------------------------------------------------------------------------- */

/* Parse a CPU list such as "0-3,5" into @set; returns the number of CPUs. */
static int cpulist_parse(const char *s, bool set[MAX_CPUS])
{
	int n = 0, a, b;
	char *end;

	memset(set, 0, MAX_CPUS * sizeof(bool));
	while (*s) {
		a = strtol(s, &end, 10);
		if (end == s)
			break;
		b = a;
		s = end;
		if (*s == '-') {
			b = strtol(s + 1, &end, 10);
			s = end;
		}
		for (; a <= b && a < MAX_CPUS; a++) {
			if (a >= 0 && !set[a]) {
				set[a] = true;
				n++;
			}
		}
		if (*s == ',')
			s++;
		else
			break;
	}
	return n;
}

static int cpus_read(const char *which, bool set[MAX_CPUS], char *text, size_t size)
{
	char path[64];

	snprintf(path, sizeof(path), SYS_CPU "/%s", which);
	if (read_file(path, text, size) < 0) {
		text[0] = '\0';
		memset(set, 0, MAX_CPUS * sizeof(bool));
		return -1;
	}
	return cpulist_parse(text, set);
}

static int cpu_set_online(int cpu, bool on)
{
	char path[64];

	snprintf(path, sizeof(path), SYS_CPU "/cpu%d/online", cpu);
	return write_file(path, on ? "1" : "0");
}

static int cpu_online(int cpu)
{
	char path[64];

	if (cpu == 0)
		return 1; /* cpu0 may have no online file */
	snprintf(path, sizeof(path), SYS_CPU "/cpu%d/online", cpu);
	return (int)read_long(path, -1);
}

/* Move to @cpu and return the CPU we then run on (-errno if we cannot move). */
static int run_on(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		return -errno;
	return sched_getcpu();
}

static void run_anywhere(void)
{
	cpu_set_t set;
	int i;

	CPU_ZERO(&set);
	for (i = 0; i < MAX_CPUS; i++)
		CPU_SET(i, &set);
	sched_setaffinity(0, sizeof(set), &set);
}

/* ---- the kernel log ------------------------------------------------------------------- */

static int kmsg_fd = -1;

/*
 * Read /dev/kmsg from where we left off; count the records containing any
 * of @bad, and keep the first one in @first.
 */
static int kmsg_scan(const char *const *bad, char *first, size_t size)
{
	char rec[2048];
	int hits = 0, i;
	ssize_t n;

	if (kmsg_fd < 0)
		kmsg_fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (kmsg_fd < 0)
		return -errno;
	for (;;) {
		n = read(kmsg_fd, rec, sizeof(rec) - 1);
		if (n < 0) {
			if (errno == EPIPE) /* overwritten records: go on */
				continue;
			break;
		}
		rec[n] = '\0';
		for (i = 0; bad[i]; i++) {
			if (strstr(rec, bad[i])) {
				if (!hits++ && first) {
					char *msg = strchr(rec, ';');

					snprintf(first, size, "%s", msg ? msg + 1 : rec);
					first[strcspn(first, "\n")] = '\0';
				}
				break;
			}
		}
	}
	return hits;
}

static const char *const kmsg_bad[] = {
	"WARNING:",
	"BUG:",
	"Oops",
	"Kernel panic",
	"detected stall",
	"may not have stopped",
	"didn't die",
	"failed to come online",
	"hard LOCKUP",
	"soft lockup",
	NULL,
};

static void check_kmsg(void)
{
	char first[512] = "";
	int hits = kmsg_scan(kmsg_bad, first, sizeof(first));

	if (hits < 0)
		result(false, "kmsg", "cannot read /dev/kmsg: %s", strerror(-hits));
	else if (hits)
		result(false, "kmsg", "%d bad kernel messages, the first: %s", hits, first);
	else
		result(true, "kmsg", "no warning, bug, stall or hotplug error in the kernel log");
}

/* ---- tests ---------------------------------------------------------------------------- */

static void test_boot(void)
{
	bool online[MAX_CPUS], present[MAX_CPUS];
	char otext[128], ptext[128], bad[128] = "";
	int n_online, n_present, expect, cpu, got, nbad = 0;

	n_online = cpus_read("online", online, otext, sizeof(otext));
	n_present = cpus_read("present", present, ptext, sizeof(ptext));
	expect = (int)cmdline_long("hvcpus", n_present);
	result(n_online == expect && n_present == expect, "boot",
	       "%d CPUs online (%s), %d present (%s), %d expected", n_online, otext, n_present,
	       ptext, expect);

	/* Work scheduled on each CPU runs there. */
	for (cpu = 0; cpu < MAX_CPUS; cpu++) {
		if (!online[cpu])
			continue;
		got = run_on(cpu);
		if (got != cpu && nbad++ < 4) {
			size_t l = strlen(bad);

			snprintf(bad + l, sizeof(bad) - l, " cpu%d->%d", cpu, got);
		}
	}
	run_anywhere();
	result(nbad == 0 && n_online > 0, "boot-sched",
	       nbad ? "%d CPUs did not run the task:%s" : "a task ran on each of the %d CPUs%s",
	       nbad ? nbad : n_online, bad);
}

static void test_hotplug(void)
{
	static const char *const stopped[] = {"may not have stopped", "didn't die",
					      "failed to come online", NULL};
	int iters = (int)cmdline_long("hviters", 20);
	bool online[MAX_CPUS];
	bool strict = cmdline_long("hvstrict", 0) != 0;
	char text[128], first[512] = "", name[32], note[160];
	int cpu, i, k, r = 0, got, n, hits, races;
	double t0;

	n = cpus_read("online", online, text, sizeof(text));
	if (n < 2) {
		result(false, "hotplug", "only %d CPU online (%s): nothing to hot-unplug", n, text);
		return;
	}
	kmsg_scan(stopped, NULL, 0); /* skip what boot logged */
	for (cpu = 1; cpu < MAX_CPUS; cpu++) {
		const char *err = NULL;

		if (!online[cpu])
			continue;
		t0 = now_s();
		races = 0;
		for (i = 0; i < iters && !err; i++) {
			r = cpu_set_online(cpu, false);
			if (r) {
				err = "offline";
				break;
			}
			if (cpu_online(cpu) != 0) {
				r = -EBUSY;
				err = "still online after offline";
				break;
			}
			r = cpu_set_online(cpu, true);
			/*
			 * Linux 6.1 races here: the dying CPU reports its death
			 * and only then calls SBI HART_STOP, and
			 * sbi_cpu_is_stopped() takes STARTED (0) for stopped,
			 * so an online can reach HART_START before the hart
			 * stopped: ALREADY_AVAILABLE, -ENOTSUPP.  Try again a
			 * little later (and count it) unless hvstrict=1.
			 */
			for (k = 0; r == -ENOTSUPP_LINUX && !strict && k < 10; k++) {
				races++;
				sleep_ms(20);
				r = cpu_set_online(cpu, true);
			}
			if (r) {
				err = "online";
				break;
			}
			got = run_on(cpu);
			if (got != cpu) {
				r = got < 0 ? got : -ESRCH;
				err = "run a task on the re-onlined CPU";
				break;
			}
			run_anywhere();
		}
		run_anywhere();
		snprintf(name, sizeof(name), "hotplug-cpu%d", cpu);
		note[0] = '\0';
		if (races)
			snprintf(note, sizeof(note),
				 " [%d online attempts met the hart not yet stopped and were "
				 "retried: "
				 "the Linux 6.1 HART_STOP race]",
				 races);
		if (err)
			result(false, name, "cpu%d: cycle %d: %s failed: %s", cpu, i + 1, err,
			       r == -ENOTSUPP_LINUX ? "ENOTSUPP (SBI HART_START returned an error)"
						    : strerror(-r));
		else
			result(true, name,
			       "cpu%d went offline and online %d times and ran a task after each "
			       "(%.2f s)%s",
			       cpu, iters, now_s() - t0, note);
	}
	n = cpus_read("online", online, text, sizeof(text));
	hits = kmsg_scan(stopped, first, sizeof(first));
	result(hits == 0, "hotplug-stopped",
	       hits ? "the kernel said: %s" : "no CPU \"may not have stopped\" (%s online)",
	       hits ? first : text);
}

struct idle_state {
	char name[32];
};

static int idle_states(int cpu, struct idle_state st[MAX_STATES])
{
	char path[128];
	int k;

	for (k = 0; k < MAX_STATES; k++) {
		snprintf(path, sizeof(path), SYS_CPU "/cpu%d/cpuidle/state%d/name", cpu, k);
		if (read_file(path, st[k].name, sizeof(st[k].name)) < 0)
			break;
	}
	return k;
}

static long idle_usage(int cpu, int k)
{
	char path[128];

	snprintf(path, sizeof(path), SYS_CPU "/cpu%d/cpuidle/state%d/usage", cpu, k);
	return read_long(path, -1);
}

static int idle_disable(int cpu, int k, bool off)
{
	char path[128];

	snprintf(path, sizeof(path), SYS_CPU "/cpu%d/cpuidle/state%d/disable", cpu, k);
	return write_file(path, off ? "1" : "0");
}

static void test_cpuidle(void)
{
	struct idle_state st[MAX_STATES], st0[MAX_STATES];
	long before[MAX_CPUS], after;
	bool online[MAX_CPUS];
	char text[128], drv[64] = "?", names[256] = "", detail[512], sname[32];
	int n, ncpu, cpu, k, j, i, r;
	bool ok;

	ncpu = cpus_read("online", online, text, sizeof(text));
	read_file(SYS_CPU "/cpuidle/current_driver", drv, sizeof(drv));
	n = idle_states(0, st0);
	for (k = 0; k < n; k++) {
		size_t l = strlen(names);

		snprintf(names + l, sizeof(names) - l, "%s%s", k ? " " : "", st0[k].name);
	}
	ok = n >= 3;
	for (cpu = 0; cpu < MAX_CPUS && ok; cpu++) {
		if (!online[cpu])
			continue;
		if (idle_states(cpu, st) != n)
			ok = false;
		for (k = 0; k < n && ok; k++)
			ok = !strcmp(st[k].name, st0[k].name);
	}
	result(ok, "cpuidle-states", "driver %s, states on every CPU: %s%s", drv, names,
	       ok ? "" : " (expected WFI and 2 SBI HSM suspend states on every CPU)");
	if (n < 2)
		return;

	/*
	 * For each suspend state: leave only it enabled, make every CPU go idle
	 * several times (we sleep while bound to it), and check that its usage
	 * count went up on every CPU.
	 */
	for (k = 1; k < n; k++) {
		size_t l = 0;
		int missing = 0;

		for (cpu = 0; cpu < MAX_CPUS; cpu++) {
			if (!online[cpu])
				continue;
			for (j = 0; j < n; j++)
				idle_disable(cpu, j, j != k);
			before[cpu] = idle_usage(cpu, k);
		}
		for (i = 0; i < 5; i++) {
			for (cpu = 0; cpu < MAX_CPUS; cpu++) {
				if (!online[cpu])
					continue;
				run_on(cpu);
				sleep_ms(20);
			}
		}
		run_anywhere();
		sleep_ms(100);
		detail[0] = '\0';
		for (cpu = 0; cpu < MAX_CPUS; cpu++) {
			if (!online[cpu])
				continue;
			after = idle_usage(cpu, k);
			if (after <= before[cpu])
				missing++;
			r = snprintf(detail + l, sizeof(detail) - l, " cpu%d+%ld", cpu,
				     after - before[cpu]);
			if (r > 0 && (size_t)r < sizeof(detail) - l)
				l += r;
		}
		snprintf(sname, sizeof(sname), "cpuidle-state%d", k);
		result(missing == 0, sname, "state%d %s entered on %d of %d CPUs:%s", k,
		       st0[k].name, ncpu - missing, ncpu, detail);
	}
	for (cpu = 0; cpu < MAX_CPUS; cpu++) {
		if (!online[cpu])
			continue;
		for (j = 0; j < n; j++)
			idle_disable(cpu, j, false);
	}
}

static void test_console(void)
{
	struct pollfd pfd = {.fd = 0, .events = POLLIN};
	int timeout = (int)cmdline_long("hvtimeout", 300);
	char line[256];
	size_t len = 0;
	ssize_t n;
	double end = now_s() + timeout;

	/* The harness types its line after seeing this. */
	out("HVTEST console: ready, type a line\n");
	while (len < sizeof(line) - 1) {
		int left = (int)((end - now_s()) * 1000);

		if (left <= 0 || poll(&pfd, 1, left) <= 0) {
			result(false, "console", "no line on the console in %d s (got \"%.*s\")",
			       timeout, (int)len, line);
			return;
		}
		n = read(0, line + len, sizeof(line) - 1 - len);
		if (n <= 0) {
			result(false, "console", "read: %s", n ? strerror(errno) : "end of file");
			return;
		}
		len += n;
		if (memchr(line, '\n', len) || memchr(line, '\r', len))
			break;
	}
	line[len] = '\0';
	line[strcspn(line, "\r\n")] = '\0';
	result(len > 0 && line[0], "console", "got \"%s\"", line);
}

/* Returns true when the machine is to reboot rather than power off. */
static bool test_reboot(void)
{
	long count = dt_u32("/sys/firmware/devicetree/base/chosen/hartvisor,boot-count", -1);
	const char *how = "/chosen/hartvisor,boot-count";
	char val[32];

	/* Without hartvisor's property (under QEMU, say), hv.boot=N counts reboots. */
	if (count < 0 && cmdline_get("hv.boot", val, sizeof(val))) {
		count = strtol(val, NULL, 0) + 1;
		how = "hv.boot";
	}
	if (count < 0) {
		result(false, "reboot",
		       "cannot tell the first boot from the next: no "
		       "/chosen/hartvisor,boot-count and no hv.boot=N");
		return false;
	}
	if (count <= 1) {
		out("HVTEST reboot: first boot, rebooting\n");
		return true;
	}
	result(true, "reboot", "came back after the reboot (boot %ld by %s)", count, how);
	return false;
}

/* ---- the interactive shell --------------------------------------------------------------- */

static void shell_cpus(void)
{
	bool present[MAX_CPUS];
	char text[128];
	int cpu;

	cpus_read("present", present, text, sizeof(text));
	for (cpu = 0; cpu < MAX_CPUS; cpu++) {
		if (present[cpu])
			out("cpu%d %s\n", cpu, cpu_online(cpu) == 1 ? "online" : "offline");
	}
}

static void shell(void)
{
	char line[512], *cmd, *arg;
	int r;

	out("hartvisor Linux test init; type help\n");
	for (;;) {
		out("hv# ");
		if (!fgets(line, sizeof(line), stdin)) {
			sleep_ms(100);
			clearerr(stdin);
			continue;
		}
		line[strcspn(line, "\r\n")] = '\0';
		cmd = line;
		while (isspace((unsigned char)*cmd))
			cmd++;
		arg = cmd + strcspn(cmd, " \t");
		if (*arg)
			*arg++ = '\0';
		while (isspace((unsigned char)*arg))
			arg++;
		if (!*cmd)
			continue;
		if (!strcmp(cmd, "help")) {
			out("commands: help, cpus, offline N, online N, echo TEXT, reboot, "
			    "poweroff\n");
		} else if (!strcmp(cmd, "cpus")) {
			shell_cpus();
		} else if (!strcmp(cmd, "offline") || !strcmp(cmd, "online")) {
			r = cpu_set_online(atoi(arg), cmd[1] == 'n');
			out("%s cpu%d: %s\n", cmd, atoi(arg), r ? strerror(-r) : "done");
		} else if (!strcmp(cmd, "echo")) {
			out("%s\n", arg);
		} else if (!strcmp(cmd, "reboot") || !strcmp(cmd, "poweroff")) {
			sync();
			reboot(cmd[0] == 'r' ? RB_AUTOBOOT : RB_POWER_OFF);
			out("%s: %s\n", cmd, strerror(errno));
		} else {
			out("%s: unknown command; type help\n", cmd);
		}
	}
}

/* ---- main --------------------------------------------------------------------------------- */

static void mount_fs(const char *src, const char *dir, const char *type)
{
	mkdir(dir, 0755);
	if (mount(src, dir, type, 0, NULL) && errno != EBUSY)
		out("init: mount %s on %s: %s\n", type, dir, strerror(errno));
}

int main(void)
{
	char test[64];
	bool again = false;
	double t0;

	mount_fs("proc", "/proc", "proc");
	mount_fs("sysfs", "/sys", "sysfs");
	mount_fs("devtmpfs", "/dev", "devtmpfs");
	if (read_file("/proc/cmdline", cmdline, sizeof(cmdline)) < 0)
		cmdline[0] = '\0';
	setvbuf(stdout, NULL, _IONBF, 0);

	if (!cmdline_get("hvtest", test, sizeof(test)))
		shell();

	/* Errors and worse still reach the console; chatter such as "CPU1: off" not. */
	klogctl(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 4);
	out("HVTEST START %s (cmdline: %s)\n", test, cmdline);
	t0 = now_s();
	if (!strcmp(test, "boot"))
		test_boot();
	else if (!strcmp(test, "hotplug"))
		test_hotplug();
	else if (!strcmp(test, "cpuidle"))
		test_cpuidle();
	else if (!strcmp(test, "console"))
		test_console();
	else if (!strcmp(test, "reboot"))
		again = test_reboot();
	else
		result(false, test, "no such test (boot, hotplug, cpuidle, console, reboot)");
	check_kmsg();
	sync();
	if (again) {
		reboot(RB_AUTOBOOT);
		out("HVTEST FAIL reboot: reboot() returned: %s\n", strerror(errno));
		failed++;
	}
	out("HVTEST DONE passed=%d failed=%d (%.2f s)\n", passed, failed, now_s() - t0);
	reboot(RB_POWER_OFF);
	out("init: poweroff failed: %s\n", strerror(errno));
	for (;;)
		pause();
}
