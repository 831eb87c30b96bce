// SPDX-License-Identifier: GPL-2.0
/*
 * srv_churn PROCS THREADS [CALLS]: PROCS times fork() a child that makes
 * CALLS sched_yield() calls and _exit(0)s (the parent waits for it), then
 * THREADS times pthread_create() a thread that makes CALLS sched_yield()
 * calls, and join it. The soak test's source of short-lived tasks.
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static long calls;

static void yield_n(void)
{
	long i;

	for (i = 0; i < calls; i++)
		sched_yield();
}

static void *thread_main(void *arg)
{
	yield_n();
	return arg;
}

int main(int argc, char **argv)
{
	long procs = argc > 1 ? atol(argv[1]) : 100;
	long threads = argc > 2 ? atol(argv[2]) : 100;
	pthread_t t;
	long i;
	pid_t pid;

	calls = argc > 3 ? atol(argv[3]) : 1;
	for (i = 0; i < procs; i++) {
		pid = fork();
		if (pid < 0) {
			perror("fork");
			return 1;
		}
		if (pid == 0) {
			yield_n();
			_exit(0);
		}
		if (waitpid(pid, NULL, 0) != pid) {
			perror("waitpid");
			return 1;
		}
	}
	for (i = 0; i < threads; i++) {
		if (pthread_create(&t, NULL, thread_main, NULL) ||
		    pthread_join(t, NULL)) {
			fprintf(stderr, "srv_churn: pthread failed\n");
			return 1;
		}
	}
	return 0;
}
