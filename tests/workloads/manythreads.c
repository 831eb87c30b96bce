// SPDX-License-Identifier: GPL-2.0
/*
 * manythreads N MS: start N threads (small stacks), let them all reach a
 * barrier, then each makes exactly one clock_nanosleep of MS ms, so that
 * N calls are in flight at the same moment: more threads than a fixed
 * 8192-entry table of start times could hold.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

static pthread_barrier_t barrier;
static long sleep_ms;

static void *worker(void *arg)
{
	struct timespec ts = { sleep_ms / 1000, (sleep_ms % 1000) * 1000000L };

	(void)arg;
	pthread_barrier_wait(&barrier);
	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_attr_t attr;
	pthread_t *tids;
	long n, i;

	if (argc != 3) {
		fprintf(stderr, "usage: manythreads N MS\n");
		return 2;
	}
	n = atol(argv[1]);
	sleep_ms = atol(argv[2]);
	tids = calloc(n, sizeof(*tids));
	if (!tids || pthread_barrier_init(&barrier, NULL, n))
		return 1;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	for (i = 0; i < n; i++) {
		if (pthread_create(&tids[i], &attr, worker, NULL)) {
			fprintf(stderr, "manythreads: thread %ld not created\n", i);
			return 1;
		}
	}
	for (i = 0; i < n; i++)
		pthread_join(tids[i], NULL);
	return 0;
}
