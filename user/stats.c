// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "stats.h"

static int nr_cpus(void)
{
	static int n;

	if (!n)
		n = libbpf_num_possible_cpus();
	return n;
}

void stat_merge(struct sysobs_stat *dst, const struct sysobs_stat *src)
{
	unsigned int b;

	dst->calls += src->calls;
	dst->errors += src->errors;
	dst->total_ns += src->total_ns;
	if (src->min_ns && (!dst->min_ns || src->min_ns < dst->min_ns))
		dst->min_ns = src->min_ns;
	if (src->max_ns > dst->max_ns)
		dst->max_ns = src->max_ns;
	for (b = 0; b < SYSOBS_HIST_BUCKETS; b++)
		dst->hist[b] += src->hist[b];
}

static int add_row(struct stats_snapshot *snap, size_t *cap, unsigned int abi,
		   long nr, const struct sysobs_stat *s)
{
	struct stat_row *rows;

	if (snap->nr_rows == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		rows = realloc(snap->rows, *cap * sizeof(*rows));
		if (!rows)
			return -ENOMEM;
		snap->rows = rows;
	}
	snap->rows[snap->nr_rows].abi = abi;
	snap->rows[snap->nr_rows].nr = nr;
	snap->rows[snap->nr_rows].s = *s;
	snap->nr_rows++;
	return 0;
}

/* Merge the per-CPU copies in percpu[] into one. */
static void merge_cpus(const struct sysobs_stat *percpu, struct sysobs_stat *out)
{
	int cpu;

	memset(out, 0, sizeof(*out));
	for (cpu = 0; cpu < nr_cpus(); cpu++)
		stat_merge(out, &percpu[cpu]);
}

static int read_array(const struct stats_maps *maps, struct stats_snapshot *snap,
		      size_t *cap, struct sysobs_stat *percpu)
{
	struct sysobs_stat total;
	__u32 key;
	int err;

	for (key = 0; key < SYSOBS_NR_ABIS * SYSOBS_NR_SLOTS; key++) {
		if (bpf_map_lookup_elem(maps->stats_fd, &key, percpu))
			return -errno;
		merge_cpus(percpu, &total);
		if (!total.calls)
			continue;
		err = add_row(snap, cap, key / SYSOBS_NR_SLOTS,
			      key % SYSOBS_NR_SLOTS, &total);
		if (err)
			return err;
	}
	return 0;
}

static int read_other(const struct stats_maps *maps, struct stats_snapshot *snap,
		      size_t *cap, struct sysobs_stat *percpu)
{
	struct sysobs_other_key key, next, *prev = NULL;
	struct sysobs_stat total;
	int err;

	while (!bpf_map_get_next_key(maps->other_fd, prev, &next)) {
		key = next;
		prev = &key;
		if (bpf_map_lookup_elem(maps->other_fd, &key, percpu))
			continue;	/* raced with a delete: nothing to add */
		merge_cpus(percpu, &total);
		if (!total.calls)
			continue;
		err = add_row(snap, cap, key.abi, key.nr, &total);
		if (err)
			return err;
	}
	return 0;
}

static int read_counters(const struct stats_maps *maps,
			 struct stats_snapshot *snap)
{
	__u64 *vals = calloc(nr_cpus(), sizeof(*vals));
	__u32 key;
	int cpu;

	if (!vals)
		return -ENOMEM;
	for (key = 0; key < SYSOBS_NR_COUNTERS; key++) {
		snap->counters[key] = 0;
		if (bpf_map_lookup_elem(maps->counters_fd, &key, vals))
			continue;
		for (cpu = 0; cpu < nr_cpus(); cpu++)
			snap->counters[key] += vals[cpu];
	}
	free(vals);
	return 0;
}

int stats_read(const struct stats_maps *maps, struct stats_snapshot *snap)
{
	struct sysobs_stat *percpu;
	size_t cap = 0;
	int err;

	memset(snap, 0, sizeof(*snap));
	percpu = calloc(nr_cpus(), sizeof(*percpu));
	if (!percpu)
		return -ENOMEM;
	err = read_array(maps, snap, &cap, percpu);
	if (!err)
		err = read_other(maps, snap, &cap, percpu);
	if (!err)
		err = read_counters(maps, snap);
	free(percpu);
	if (err)
		stats_free(snap);
	return err;
}

void stats_free(struct stats_snapshot *snap)
{
	free(snap->rows);
	snap->rows = NULL;
	snap->nr_rows = 0;
}

static const struct stat_row *find_row(const struct stats_snapshot *snap,
				       unsigned int abi, long nr)
{
	size_t i;

	for (i = 0; i < snap->nr_rows; i++)
		if (snap->rows[i].abi == abi && snap->rows[i].nr == nr)
			return &snap->rows[i];
	return NULL;
}

int stats_delta(const struct stats_snapshot *now,
		const struct stats_snapshot *before, struct stats_snapshot *out)
{
	size_t i, cap = 0;
	unsigned int b, c;
	int err;

	memset(out, 0, sizeof(*out));
	for (c = 0; c < SYSOBS_NR_COUNTERS; c++)
		out->counters[c] = now->counters[c] - before->counters[c];
	for (i = 0; i < now->nr_rows; i++) {
		const struct stat_row *r = &now->rows[i];
		const struct stat_row *p = find_row(before, r->abi, r->nr);
		struct sysobs_stat d = r->s;

		if (p) {
			d.calls -= p->s.calls;
			d.errors -= p->s.errors;
			d.total_ns -= p->s.total_ns;
			for (b = 0; b < SYSOBS_HIST_BUCKETS; b++)
				d.hist[b] -= p->s.hist[b];
		}
		if (!d.calls)
			continue;
		err = add_row(out, &cap, r->abi, r->nr, &d);
		if (err) {
			stats_free(out);
			return err;
		}
	}
	return 0;
}

__u64 hist_count(const __u64 *hist)
{
	__u64 n = 0;
	unsigned int b;

	for (b = 0; b < SYSOBS_HIST_BUCKETS; b++)
		n += hist[b];
	return n;
}

void hist_bucket_bounds(unsigned int b, __u64 *lo, __u64 *hi)
{
	*lo = b ? 1ULL << b : 0;
	*hi = 1ULL << (b + 1);
}

__u64 hist_quantile(const __u64 *hist, __u64 min_ns, __u64 max_ns, double q)
{
	__u64 total = hist_count(hist), cum = 0, lo, hi, v;
	double rank;
	unsigned int b;

	if (!total)
		return 0;
	rank = q * (double)total;
	if (rank < 1)
		rank = 1;
	for (b = 0; b < SYSOBS_HIST_BUCKETS; b++) {
		if (!hist[b])
			continue;
		if ((double)(cum + hist[b]) >= rank)
			break;
		cum += hist[b];
	}
	if (b == SYSOBS_HIST_BUCKETS)
		return max_ns;
	hist_bucket_bounds(b, &lo, &hi);
	v = lo + (__u64)((double)(hi - lo) * ((rank - (double)cum) / (double)hist[b]));
	if (min_ns && v < min_ns)
		v = min_ns;
	if (max_ns && v > max_ns)
		v = max_ns;
	return v;
}

/* Each loss counter's key (JSON, Prometheus) and its line in reports. */
struct counter_label {
	const char *key;
	const char *name;
};

static const struct counter_label counter_labels[SYSOBS_NR_COUNTERS] = {
	[SYSOBS_CNT_STATE_LOST] = { "state_lost",
		"thread state not recorded (calls not timed)" },
	[SYSOBS_CNT_STATS_OVERFLOW] = { "stats_overflow",
		"calls with unusual numbers not counted (table full)" },
	[SYSOBS_CNT_TARGET_FULL] = { "target_full",
		"child processes not followed (targets map full)" },
	[SYSOBS_CNT_EVENTS_LOST] = { "events_lost",
		"events lost (ring buffer full)" },
	[SYSOBS_CNT_UNTIMED] = { "untimed",
		"calls already in flight at start (counted, not timed)" },
	[SYSOBS_CNT_PROC_OVERFLOW] = { "group_overflow",
		"per-process/cgroup entries not recorded (map full)" },
	[SYSOBS_CNT_CAPTURE_CUT] = { "capture_cut",
		"arguments not captured (record full)" },
};

static const struct counter_label *counter_label(unsigned int counter)
{
	static const struct counter_label unknown = { "unknown", "?" };

	if (counter >= SYSOBS_NR_COUNTERS || !counter_labels[counter].key)
		return &unknown;
	return &counter_labels[counter];
}

const char *counter_name(unsigned int counter)
{
	return counter_label(counter)->name;
}

const char *counter_key(unsigned int counter)
{
	return counter_label(counter)->key;
}
