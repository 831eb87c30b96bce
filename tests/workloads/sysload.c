// SPDX-License-Identifier: GPL-2.0
/*
 * sysload: a workload whose system calls are known exactly, for the
 * summary tests. Built twice, for x86-64 and i386, and linked statically
 * so that no dynamic loader adds calls of its own.
 *
 *   -t N     run the work in N threads (0: in the main thread)
 *   -g N     getppid() calls per worker
 *   -e N     failing openat() calls per worker (ENOENT)
 *   -s MS    one nanosleep() of MS ms; prints "slept NS" as measured here
 *   -c N     fork one child that makes N getppid() calls, and wait for it
 *   -W FIFO  say "ready" on stdout, then wait for one byte on FIFO
 *   -H FIFO  after the work, say "done" on stdout and wait for a byte on FIFO
 *   -x CODE  exit with CODE
 *   -k SIG   end by killing itself with SIG
 *
 * Every call is made with syscall(2), so libc cannot cache or reroute it.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#define MAX_THREADS 64
#define MISSING_PATH "/nonexistent-sysobs-test/file"

static long getppid_calls;
static long openat_calls;

static void die(const char *what)
{
	fprintf(stderr, "sysload: %s: %s\n", what, strerror(errno));
	exit(99);
}

static long number(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end || v < 0) {
		fprintf(stderr, "sysload: bad number '%s'\n", s);
		exit(98);
	}
	return v;
}

static void do_getppid(long n)
{
	long i;

	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
}

static void *work(void *arg)
{
	long i;

	(void)arg;
	do_getppid(getppid_calls);
	for (i = 0; i < openat_calls; i++)
		if (syscall(SYS_openat, AT_FDCWD, MISSING_PATH, O_RDONLY) != -1 ||
		    errno != ENOENT)
			die("openat of a missing file did not fail with ENOENT");
	return NULL;
}

static void run_threads(int nr_threads)
{
	pthread_t tids[MAX_THREADS];
	int i, err;

	for (i = 0; i < nr_threads; i++) {
		err = pthread_create(&tids[i], NULL, work, NULL);
		if (err) {
			errno = err;
			die("pthread_create");
		}
	}
	for (i = 0; i < nr_threads; i++)
		pthread_join(tids[i], NULL);
}

static void sleep_ms(long ms)
{
	struct timespec req = { ms / 1000, (ms % 1000) * 1000000L };
	struct timespec t0, t1;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (syscall(SYS_nanosleep, &req, NULL))
		die("nanosleep");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("slept %lld\n", (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL +
				       (t1.tv_nsec - t0.tv_nsec));
	fflush(stdout);
}

static void fork_child(long calls)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		die("fork");
	if (pid == 0) {
		do_getppid(calls);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		die("waitpid");
}

/* Say what on stdout, then wait for one byte on fifo. */
static void wait_on_fifo(const char *fifo, const char *what)
{
	char c;
	/* O_RDWR: opening does not block, the read below does */
	int fd = open(fifo, O_RDWR);

	if (fd < 0)
		die(fifo);
	if (write(STDOUT_FILENO, what, strlen(what)) != (ssize_t)strlen(what))
		die("write");
	if (read(fd, &c, 1) != 1)
		die("read");
	close(fd);
}

int main(int argc, char **argv)
{
	long threads = 0, sleep = -1, child = -1, code = 0, sig = 0;
	const char *go_fifo = NULL, *hold_fifo = NULL;
	int opt;

	while ((opt = getopt(argc, argv, "t:g:e:s:c:W:H:x:k:")) != -1) {
		switch (opt) {
		case 't':
			threads = number(optarg);
			break;
		case 'g':
			getppid_calls = number(optarg);
			break;
		case 'e':
			openat_calls = number(optarg);
			break;
		case 's':
			sleep = number(optarg);
			break;
		case 'c':
			child = number(optarg);
			break;
		case 'W':
			go_fifo = optarg;
			break;
		case 'H':
			hold_fifo = optarg;
			break;
		case 'x':
			code = number(optarg);
			break;
		case 'k':
			sig = number(optarg);
			break;
		default:
			return 98;
		}
	}
	if (threads > MAX_THREADS)
		return 98;
	if (go_fifo)
		wait_on_fifo(go_fifo, "ready\n");
	if (threads)
		run_threads((int)threads);
	else
		work(NULL);
	if (sleep >= 0)
		sleep_ms(sleep);
	if (child >= 0)
		fork_child(child);
	if (hold_fifo)
		wait_on_fifo(hold_fifo, "done\n");
	if (sig) {
		signal((int)sig, SIG_DFL);
		kill(getpid(), (int)sig);
	}
	return (int)code;
}
