// SPDX-License-Identifier: GPL-2.0
/*
 * bench_getppid: the bench's workload. N raw getppid syscalls in a tight
 * loop (getppid: the cheapest syscall there is, so the loop measures what
 * a tracer adds per call and little else), timed with CLOCK_MONOTONIC.
 *
 * The loop runs in chunks of CHUNK_CALLS calls, each timed on its own. On
 * a shared machine a chunk in which this process was preempted takes far
 * longer; such chunks are few, so the median chunk tells the cost of a
 * call without the time other processes took, where the mean of the
 * whole loop includes it.
 *
 * Usage: bench_getppid [-w FIFO] N
 *   -w FIFO  wait until a line is written to FIFO before starting, so a
 *            tracer can attach to this process with -p first
 * Prints one line:
 *   calls=N ns=TOTAL ns_per_call=MEAN chunk_ns_per_call=MEDIAN_CHUNK
 * Exit status: 0, or 2 on bad usage, 1 if the FIFO cannot be read or
 * memory runs out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

/* Calls made before the clock starts: fault in the code, settle caches. */
#define WARMUP_CALLS 10000
/* About 0.1 ms untraced: much shorter than a scheduler time slice. */
#define CHUNK_CALLS 1000

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void usage(void)
{
	fputs("usage: bench_getppid [-w FIFO] N\n", stderr);
	exit(2);
}

/* Block until a writer opens FIFO and writes a line (or closes it). */
static int wait_on_fifo(const char *path)
{
	char byte;
	FILE *fifo = fopen(path, "r");

	if (!fifo) {
		fprintf(stderr, "bench_getppid: cannot open %s\n", path);
		return -1;
	}
	while (fread(&byte, 1, 1, fifo) == 1 && byte != '\n')
		;
	fclose(fifo);
	return 0;
}

static void call_getppid(long long calls)
{
	long long i;

	for (i = 0; i < calls; i++)
		syscall(SYS_getppid);
}

static int compare_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

/*
 * Make calls in chunks; store each full chunk's time in chunk_ns. The
 * calls left over (calls % CHUNK_CALLS) count in the total only.
 * Returns the time of the whole loop.
 */
static long long timed_loop(long long calls, long long *chunk_ns)
{
	long long nr_chunks = calls / CHUNK_CALLS, i, start, chunk_start;

	start = now_ns();
	for (i = 0; i < nr_chunks; i++) {
		chunk_start = now_ns();
		call_getppid(CHUNK_CALLS);
		chunk_ns[i] = now_ns() - chunk_start;
	}
	call_getppid(calls % CHUNK_CALLS);
	return now_ns() - start;
}

int main(int argc, char **argv)
{
	const char *fifo = NULL;
	long long calls, nr_chunks, elapsed, *chunk_ns;
	double chunk_ns_per_call;
	char *end;
	int opt;

	while ((opt = getopt(argc, argv, "w:")) != -1) {
		if (opt != 'w')
			usage();
		fifo = optarg;
	}
	if (optind != argc - 1)
		usage();
	calls = strtoll(argv[optind], &end, 10);
	if (*end || calls <= 0)
		usage();
	nr_chunks = calls / CHUNK_CALLS;
	chunk_ns = calloc(nr_chunks + 1, sizeof(*chunk_ns));
	if (!chunk_ns) {
		fputs("bench_getppid: out of memory\n", stderr);
		return 1;
	}
	if (fifo && wait_on_fifo(fifo))
		return 1;

	call_getppid(WARMUP_CALLS);
	elapsed = timed_loop(calls, chunk_ns);
	if (nr_chunks) {
		qsort(chunk_ns, nr_chunks, sizeof(*chunk_ns), compare_ll);
		chunk_ns_per_call = (double)chunk_ns[nr_chunks / 2] / CHUNK_CALLS;
	} else {
		chunk_ns_per_call = (double)elapsed / (double)calls;
	}
	printf("calls=%lld ns=%lld ns_per_call=%.2f chunk_ns_per_call=%.2f\n", calls,
	       elapsed, (double)elapsed / (double)calls, chunk_ns_per_call);
	free(chunk_ns);
	return 0;
}
