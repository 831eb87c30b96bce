// SPDX-License-Identifier: GPL-2.0
/*
 * Known signals, each delivered at a known point: SIGCHLD from a child
 * that exits with 3 (blocked until the child is reaped, then unblocked),
 * kill(getpid(), SIGUSR1), tgkill(SIGUSR2), a SIGSEGV from a NULL read
 * (the handler siglongjmps out), sigqueue(SIGUSR1, 42) and a SIGALRM from
 * setitimer (blocked, waited for with rt_sigpending, then unblocked).
 * Prints "pid=P child=C uid=U" on stdout for the tests to normalize pids.
 * Every handler is installed, so that no signal is discarded as ignored.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>

static sigjmp_buf env;

static void on_signal(int sig)
{
	(void)sig;
}

static void on_segv(int sig)
{
	siglongjmp(env, 1);
}

static void block(int sig, int how)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(how, &set, NULL);
}

int main(void)
{
	struct sigaction sa;
	struct itimerval it;
	sigset_t pending;
	union sigval val;
	pid_t child;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);
	sa.sa_handler = on_segv;
	sigaction(SIGSEGV, &sa, NULL);

	block(SIGCHLD, SIG_BLOCK);
	child = fork();
	if (child == 0)
		_exit(3);
	printf("pid=%d child=%d uid=%d\n", getpid(), child, getuid());
	fflush(stdout);
	waitpid(child, NULL, 0);
	block(SIGCHLD, SIG_UNBLOCK);

	kill(getpid(), SIGUSR1);
	syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGUSR2);
	if (!sigsetjmp(env, 1))
		(void)*(volatile int *)0;
	val.sival_int = 42;
	sigqueue(getpid(), SIGUSR1, val);

	block(SIGALRM, SIG_BLOCK);
	memset(&it, 0, sizeof(it));
	it.it_value.tv_usec = 1000;
	setitimer(ITIMER_REAL, &it, NULL);
	do
		sigpending(&pending);
	while (!sigismember(&pending, SIGALRM));
	block(SIGALRM, SIG_UNBLOCK);
	return 0;
}
