// SPDX-License-Identifier: GPL-2.0
/*
 * Syscalls whose arguments point to memory (paths, buffers, structs in
 * the kernel's layouts), made directly with syscall(2); for each, writes
 * to the file argv[1] a line "BITS NAME RET ARG... | IDX=HEX..." with the
 * bytes the kernel read or wrote, i.e. what BPF would capture. Run under
 * strace, the decoders' lines for these records must equal strace's
 * (tests/t_decode.sh): this checks the struct layouts on both ABIs.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <sched.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <linux/futex.h>

#define BITS (sizeof(long) * 8)

static char out[1 << 17];
static size_t outlen;

static void emit(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	outlen += vsnprintf(out + outlen, sizeof(out) - outlen, fmt, ap);
	va_end(ap);
	if (outlen >= sizeof(out))
		outlen = sizeof(out) - 1;
}

/* Start a record: the call's return (-errno on failure) and arguments. */
static long record(const char *name, long ret, int nargs, ...)
{
	va_list ap;
	int i;

	if (ret == -1)
		ret = -errno;
	emit("%zu %s %ld", BITS, name, ret);
	va_start(ap, nargs);
	for (i = 0; i < nargs; i++)
		emit(" %#lx", va_arg(ap, unsigned long));
	va_end(ap);
	emit(" |");
	return ret;
}

/* Attach the bytes of argument idx. */
static void mem(int idx, const void *p, size_t len)
{
	const unsigned char *b = p;
	size_t i;

	emit(" %d=", idx);
	for (i = 0; i < len; i++)
		emit("%02x", b[i]);
}

static void end(void)
{
	emit("\n");
}

#define STR(idx, s) mem(idx, s, strlen(s) + 1)
#define L(x) ((unsigned long)(x))

/* Helpers that record themselves: every traced call must be a record. */
static long openat_rec(const char *path, int flags)
{
	long fd = syscall(SYS_openat, AT_FDCWD, path, flags);

	record("openat", fd, 3, L(AT_FDCWD), L(path), L(flags));
	STR(1, path);
	end();
	return fd;
}

static long write_rec(int fd, const void *buf, size_t len)
{
	long r = syscall(SYS_write, fd, buf, len);

	record("write", r, 3, L(fd), L(buf), L(len));
	mem(1, buf, len);
	end();
	return r;
}

static int pipe_rec(int fds[2])
{
	long r = syscall(SYS_pipe2, fds, 0);

	record("pipe2", r, 2, L(fds), 0UL);
	mem(0, fds, 2 * sizeof(int));
	end();
	return r;
}

static void files(void)
{
	static const char path[] = "/etc/hostname", null[] = "/dev/null";
	unsigned char st[256], buf[64];	/* st: room for struct statx */
	long fd, r;

	fd = openat_rec(path, O_RDONLY);
#ifdef __x86_64__
	r = syscall(SYS_fstat, fd, st);
	record("fstat", r, 2, L(fd), L(st));
	mem(1, st, 144);
	end();
	r = syscall(SYS_newfstatat, AT_FDCWD, null, st, 0);
	record("newfstatat", r, 4, L(AT_FDCWD), L(null), L(st), 0UL);
	STR(1, null);
	mem(2, st, 144);
	end();
#else
	r = syscall(SYS_fstat64, fd, st);
	record("fstat64", r, 2, L(fd), L(st));
	mem(1, st, 96);
	end();
	r = syscall(SYS_fstatat64, AT_FDCWD, null, st, 0);
	record("fstatat64", r, 4, L(AT_FDCWD), L(null), L(st), 0UL);
	STR(1, null);
	mem(2, st, 96);
	end();
	r = syscall(SYS_stat, path, st);
	record("stat", r, 2, L(path), L(st));
	STR(0, path);
	mem(1, st, 64);
	end();
#endif
	r = syscall(SYS_read, fd, buf, sizeof(buf));
	record("read", r, 3, L(fd), L(buf), L(sizeof(buf)));
	mem(1, buf, r > 0 ? r : 0);
	end();
	r = syscall(SYS_statx, AT_FDCWD, "/", 0, 0x7ff, st);
	record("statx", r, 5, L(AT_FDCWD), L("/"), 0UL, 0x7ffUL, L(st));
	STR(1, "/");
	mem(4, st, 48);
	end();
	r = syscall(SYS_getcwd, buf, sizeof(buf));
	record("getcwd", r, 2, L(buf), L(sizeof(buf)));
	mem(0, buf, r > 0 ? r : 0);
	end();
}

/* The kernel's struct sigaction: handler, flags, restorer, 64-bit mask. */
struct ksigaction {
	unsigned long handler, flags, restorer;
	unsigned long long mask;
} __attribute__((packed));

static void signals(void)
{
	struct ksigaction act = { 1, 0x10000000, 0,
				  (1ULL << (SIGINT - 1)) | (1ULL << (SIGTERM - 1)) };
	struct ksigaction old;
	unsigned long long set = 1ULL << (SIGUSR2 - 1), oldset;
	long r;

	r = syscall(SYS_rt_sigaction, SIGUSR1, &act, NULL, 8);
	record("rt_sigaction", r, 4, L(SIGUSR1), L(&act), 0UL, 8UL);
	mem(1, &act, sizeof(act));
	end();
	r = syscall(SYS_rt_sigaction, SIGUSR1, NULL, &old, 8);
	record("rt_sigaction", r, 4, L(SIGUSR1), 0UL, L(&old), 8UL);
	mem(2, &old, sizeof(old));
	end();
	{
		static char altstack[65536];
		stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
		stack_t old_ss;

		r = syscall(SYS_sigaltstack, &ss, &old_ss);
		record("sigaltstack", r, 2, L(&ss), L(&old_ss));
		mem(0, &ss, sizeof(ss));
		mem(1, &old_ss, sizeof(old_ss));
		end();
	}
	r = syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, &oldset, 8);
	record("rt_sigprocmask", r, 4, L(SIG_BLOCK), L(&set), L(&oldset), 8UL);
	mem(1, &set, 8);
	mem(2, &oldset, 8);
	end();
}

static void limits_and_time(void)
{
	unsigned long long rl64[2];
	unsigned long rl[2], ts[2], tv[2];
	unsigned long sleep_for[2] = { 0, 1000 };
	static int word;
	long r;

	r = syscall(SYS_prlimit64, 0, 7, NULL, rl64);
	record("prlimit64", r, 4, 0UL, 7UL, 0UL, L(rl64));
	mem(3, rl64, sizeof(rl64));
	end();
#ifdef __x86_64__
	r = syscall(SYS_getrlimit, 3, rl);
	record("getrlimit", r, 2, 3UL, L(rl));
#else
	r = syscall(SYS_ugetrlimit, 3, rl);
	record("ugetrlimit", r, 2, 3UL, L(rl));
#endif
	mem(1, rl, sizeof(rl));
	end();
	r = syscall(SYS_clock_getres, 1, ts);
	record("clock_getres", r, 2, 1UL, L(ts));
	mem(1, ts, sizeof(ts));
	end();
	r = syscall(SYS_nanosleep, sleep_for, NULL);
	record("nanosleep", r, 2, L(sleep_for), 0UL);
	mem(0, sleep_for, sizeof(sleep_for));
	end();
	r = syscall(SYS_gettimeofday, tv, NULL);
	record("gettimeofday", r, 2, L(tv), 0UL);
	mem(0, tv, sizeof(tv));
	end();
	/* the word is 0, as expected: waits out the timeout */
	r = syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, sleep_for, NULL, 0);
	record("futex", r, 6, L(&word), L(FUTEX_WAIT_PRIVATE), 0UL, L(sleep_for),
	       0UL, 0UL);
	mem(3, sleep_for, sizeof(sleep_for));
	end();
}

static void sockets(void)
{
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(1) };
	struct sockaddr_in6 in6 = { .sin6_family = AF_INET6, .sin6_port = htons(1) };
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	int fds[2];
	long s, r;

	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	in6.sin6_addr = in6addr_loopback;
	strcpy(un.sun_path, "/nonexistent/sock");
	s = socket(AF_INET, SOCK_STREAM, 0);
	r = syscall(SYS_connect, s, &in, sizeof(in));
	record("connect", r, 3, L(s), L(&in), L(sizeof(in)));
	mem(1, &in, sizeof(in));
	end();
	close(s);
	s = socket(AF_INET6, SOCK_STREAM, 0);
	r = syscall(SYS_connect, s, &in6, sizeof(in6));
	record("connect", r, 3, L(s), L(&in6), L(sizeof(in6)));
	mem(1, &in6, sizeof(in6));
	end();
	close(s);
	s = socket(AF_UNIX, SOCK_STREAM, 0);
	r = syscall(SYS_connect, s, &un, sizeof(un));
	record("connect", r, 3, L(s), L(&un), L(sizeof(un)));
	mem(1, &un, sizeof(un));
	end();
	close(s);
	r = syscall(SYS_pipe2, fds, O_CLOEXEC);
	record("pipe2", r, 2, L(fds), L(O_CLOEXEC));
	mem(0, fds, sizeof(fds));
	end();
}

/* Strings with every kind of byte strace escapes, and one past -s 32. */
static void buffers(void)
{
	static const char odd[] = "a\tb\n\033[0m\0\001" "0\377\"\\ok\r\v\f";
	static const char longer[] = "0123456789012345678901234567890123456789";
	char link[64], dents[4096];
	int fds[2], n;
	long fd, r;

	fd = openat_rec("/dev/null", O_WRONLY);
	write_rec(fd, odd, sizeof(odd) - 1);
	write_rec(fd, longer, sizeof(longer) - 1);
	close(fd);
	r = syscall(SYS_readlink, "/proc/self/cwd", link, sizeof(link));
	record("readlink", r, 3, L("/proc/self/cwd"), L(link), L(sizeof(link)));
	STR(0, "/proc/self/cwd");
	mem(1, link, r > 0 ? r : 0);
	end();
	fd = openat_rec("/etc/ssl", O_RDONLY | O_DIRECTORY);
	r = syscall(SYS_getdents64, fd, dents, sizeof(dents));
	record("getdents64", r, 3, L(fd), L(dents), L(sizeof(dents)));
	mem(1, dents, r > 0 ? r : 0);
	end();
	close(fd);
	if (pipe_rec(fds))
		return;
	write_rec(fds[1], "abc", 3);
	r = syscall(SYS_ioctl, fds[0], FIONREAD, &n);
	record("ioctl", r, 3, L(fds[0]), L(FIONREAD), L(&n));
	mem(2, &n, sizeof(n));
	end();
	close(fds[0]);
	close(fds[1]);
}

static void more_sockets(void)
{
	struct sockaddr_in in = { .sin_family = AF_INET };
	socklen_t len = sizeof(in);
	int one = 1;
	long s, r;

	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s = socket(AF_INET, SOCK_DGRAM, 0);
	r = syscall(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	record("setsockopt", r, 5, L(s), L(SOL_SOCKET), L(SO_REUSEADDR), L(&one),
	       L(sizeof(one)));
	mem(3, &one, sizeof(one));
	end();
	{
		int v;
		socklen_t vlen = sizeof(v);

		r = syscall(SYS_getsockopt, s, SOL_SOCKET, SO_ERROR, &v, &vlen);
		record("getsockopt", r, 5, L(s), L(SOL_SOCKET), L(SO_ERROR),
		       L(&v), L(&vlen));
		mem(3, &v, sizeof(v));
		mem(4, &vlen, sizeof(vlen));
		end();
	}
	r = bind(s, (struct sockaddr *)&in, sizeof(in));
	r = syscall(SYS_getsockname, s, &in, &len);
	record("getsockname", r, 3, L(s), L(&in), L(&len));
	mem(1, &in, sizeof(in));
	mem(2, &len, sizeof(len));
	end();
	r = syscall(SYS_sendto, s, "ping", 4, 0, &in, sizeof(in));
	record("sendto", r, 6, L(s), L("ping"), 4UL, 0UL, L(&in), L(sizeof(in)));
	mem(1, "ping", 4);
	mem(4, &in, sizeof(in));
	end();
	close(s);
}

static void timers(void)
{
	struct itimerspec its = { .it_value = { 5, 0 } };
	long fd, r;

	fd = timerfd_create(CLOCK_MONOTONIC, 0);
	r = syscall(SYS_timerfd_settime, fd, 0, &its, NULL);
	record("timerfd_settime", r, 4, L(fd), 0UL, L(&its), 0UL);
	mem(2, &its, sizeof(its));
	end();
	close(fd);
}

static void events_and_times(const char *path)
{
	struct epoll_event ev = { .events = EPOLLIN | EPOLLET,
				  .data.u64 = 0x100000003ULL };
	struct epoll_event evs[4];
	struct itimerval it = { .it_value = { 100, 500 } };
	struct timespec times[2] = { { 1, 2 }, { 0, UTIME_OMIT } };
	unsigned char cpus[128];
	long ep, r, fds_r;
	int fds[2];

	r = syscall(SYS_getrandom, cpus, 40, 0);
	record("getrandom", r, 3, L(cpus), 40UL, 0UL);
	mem(0, cpus, r > 0 ? r : 0);
	end();
	r = syscall(SYS_sched_getaffinity, 0, sizeof(cpus), cpus);
	record("sched_getaffinity", r, 3, 0UL, L(sizeof(cpus)), L(cpus));
	mem(2, cpus, r > 0 ? r : 0);
	end();
	ep = epoll_create1(0);
	fds_r = pipe_rec(fds);
	r = syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, fds[0], &ev);
	record("epoll_ctl", r, 4, L(ep), L(EPOLL_CTL_ADD), L(fds[0]), L(&ev));
	mem(3, &ev, sizeof(ev));
	end();
#ifdef SYS_epoll_wait
	r = syscall(SYS_epoll_wait, ep, evs, 4, 0);
	record("epoll_wait", r, 4, L(ep), L(evs), 4UL, 0UL);
	end();
#endif
	close(ep);
	if (!fds_r) {
		close(fds[0]);
		close(fds[1]);
	}
	r = syscall(SYS_setitimer, ITIMER_REAL, &it, NULL);
	record("setitimer", r, 3, L(ITIMER_REAL), L(&it), 0UL);
	mem(1, &it, sizeof(it));
	end();
	memset(&it, 0, sizeof(it));
	{
		struct itimerval old;

		r = syscall(SYS_setitimer, ITIMER_REAL, &it, &old);
		record("setitimer", r, 3, L(ITIMER_REAL), L(&it), L(&old));
		mem(1, &it, sizeof(it));
		mem(2, &old, sizeof(old));
		end();
	}
	{
		/* struct open_how: flags, mode, resolve */
		unsigned long long how[3] = { O_RDONLY | O_CLOEXEC, 0, 0x4 | 0x8 };

		r = syscall(SYS_openat2, AT_FDCWD, "/tmp", how, sizeof(how));
		record("openat2", r, 4, L(AT_FDCWD), L("/tmp"), L(how),
		       L(sizeof(how)));
		STR(1, "/tmp");
		mem(2, how, sizeof(how));
		end();
		if (r >= 0)
			close(r);
	}
	/* the record file: ours to touch */
	r = syscall(SYS_utimensat, AT_FDCWD, path, times, 0);
	record("utimensat", r, 4, L(AT_FDCWD), L(path), L(times), 0UL);
	STR(1, path);
	mem(2, times, sizeof(times));
	end();
}

/* A failing execve still shows its argv and the number of variables. */
static void exec(void)
{
	static const char argv_text[] = "prog\0-l\0with space";
	char *const argv[] = { "prog", "-l", "with space", NULL };
	char *const envp[] = { "A=1", "B=2", NULL };
	static const unsigned int nvars = 2;
	long r;

	r = syscall(SYS_execve, "/nonexistent/prog", argv, envp);
	record("execve", r, 3, L("/nonexistent/prog"), L(argv), L(envp));
	STR(0, "/nonexistent/prog");
	mem(1, argv_text, sizeof(argv_text));
	mem(2, &nvars, sizeof(nvars));	/* SYSOBS_CAP_COUNT */
	end();
}

static void processes(void)
{
	unsigned char uts[390];
	int status;
	pid_t child;
	long r;

	r = syscall(SYS_uname, uts);
	record("uname", r, 1, L(uts));
	mem(0, uts, sizeof(uts));
	end();
	child = fork();
	if (child == 0)
		_exit(3);
	r = syscall(SYS_wait4, child, &status, 0, NULL);
	/* the pid differs from run to run: recorded, compared as such */
	record("wait4", r, 4, L(child), L(&status), 0UL, 0UL);
	mem(1, &status, sizeof(status));
	end();
}

int main(int argc, char **argv)
{
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: %s RECORD_FILE\n", argv[0]);
		return 2;
	}
	fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	files();
	signals();
	limits_and_time();
	sockets();
	processes();
	buffers();
	more_sockets();
	timers();
	events_and_times(argv[1]);
	exec();
	/* pwrite: not one of the traced calls */
	return pwrite(fd, out, outlen, 0) == (ssize_t)outlen ? 0 : 1;
}
