// SPDX-License-Identifier: GPL-2.0
/*
 * srv_calls N ERRS [BATCHES [PAUSE_MS [wait]]]: exactly N sched_yield()
 * calls and ERRS failing close(-1) calls (EBADF), in BATCHES batches with a
 * pause of PAUSE_MS (nanosleep) between them, so that they span several
 * --interval reports. sched_yield and close(-1) are not made by the C
 * runtime. With "wait", first read one byte from stdin (for -p tests: the
 * test attaches, then lets it go).
 */
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000;
	long errs = argc > 2 ? atol(argv[2]) : 0;
	long batches = argc > 3 ? atol(argv[3]) : 1;
	long pause_ms = argc > 4 ? atol(argv[4]) : 0;
	struct timespec ts = { pause_ms / 1000, (pause_ms % 1000) * 1000000L };
	long b, i;
	char go;

	if (argc > 5 && !strcmp(argv[5], "wait") && read(0, &go, 1) != 1)
		return 1;
	if (batches < 1)
		batches = 1;
	for (b = 0; b < batches; b++) {
		long todo = n / batches + (b < n % batches);
		long etodo = errs / batches + (b < errs % batches);

		for (i = 0; i < todo; i++)
			sched_yield();
		for (i = 0; i < etodo; i++)
			close(-1);
		if (pause_ms && b + 1 < batches)
			nanosleep(&ts, NULL);
	}
	return 0;
}
