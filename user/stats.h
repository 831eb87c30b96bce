/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Statistics as userspace sees them: the per-CPU BPF maps merged into one
 * row per (ABI, syscall). Every output module (text, JSON, Prometheus) is
 * fed from a struct stats_snapshot.
 */
#ifndef SYSOBS_STATS_H
#define SYSOBS_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <linux/types.h>
#include "sysobs.h"

struct stat_row {
	unsigned int abi;
	long nr;
	struct sysobs_stat s;
};

struct stats_snapshot {
	struct stat_row *rows;	/* only rows with calls > 0 */
	size_t nr_rows;
	__u64 counters[SYSOBS_NR_COUNTERS];
};

/* File descriptors of the accounting maps of a loaded BPF object. */
struct stats_maps {
	int stats_fd;
	int other_fd;
	int counters_fd;
};

/* Read and merge all CPUs' values. Returns 0 or -errno. */
int stats_read(const struct stats_maps *maps, struct stats_snapshot *snap);
void stats_free(struct stats_snapshot *snap);

/* dst += src (calls, errors, time, histogram; min/max combined). */
void stat_merge(struct sysobs_stat *dst, const struct sysobs_stat *src);

/* now - before, row by row; min/max are those of now. */
int stats_delta(const struct stats_snapshot *now,
		const struct stats_snapshot *before, struct stats_snapshot *out);

/* Number of timed calls: the sum of the histogram. */
__u64 hist_count(const __u64 *hist);

/*
 * Estimated q-quantile (0 < q <= 1) in ns from the log2 histogram:
 * linear within the bucket, clamped to [min_ns, max_ns]. 0 if empty.
 */
__u64 hist_quantile(const __u64 *hist, __u64 min_ns, __u64 max_ns, double q);

/* Bounds of histogram bucket b in ns: [lo, hi). */
void hist_bucket_bounds(unsigned int b, __u64 *lo, __u64 *hi);

/* Human-readable name of a loss counter, for reports. */
const char *counter_name(unsigned int counter);
/* Stable short name of a loss counter (JSON keys, Prometheus labels). */
const char *counter_key(unsigned int counter);

#endif /* SYSOBS_STATS_H */
