// SPDX-License-Identifier: GPL-2.0
/*
 * Histogram math and snapshot arithmetic (user/stats.c): bucket bounds,
 * quantile estimates, merging per-CPU values, deltas between snapshots.
 */
#include "stats.h"
#include "unit.h"

static void bucket_bounds(void)
{
	__u64 lo, hi;

	hist_bucket_bounds(0, &lo, &hi);
	CHECK(lo == 0 && hi == 2, "bucket 0 is [0, 2): holds 0 and 1 ns");
	hist_bucket_bounds(1, &lo, &hi);
	CHECK(lo == 2 && hi == 4, "bucket 1 is [2, 4)");
	hist_bucket_bounds(10, &lo, &hi);
	CHECK(lo == 1024 && hi == 2048, "bucket 10 is [1024, 2048)");
	hist_bucket_bounds(SYSOBS_HIST_BUCKETS - 1, &lo, &hi);
	CHECK(lo == 1ULL << 39 && hi == 1ULL << 40, "last bucket is [2^39, 2^40)");
}

static void quantiles(void)
{
	__u64 hist[SYSOBS_HIST_BUCKETS] = { 0 };

	CHECK(hist_quantile(hist, 0, 0, 0.5) == 0, "empty histogram: 0");
	CHECK(hist_count(hist) == 0, "empty histogram counts 0");

	hist[10] = 100;
	CHECK(hist_count(hist) == 100, "hist_count sums the buckets");
	CHECK(hist_quantile(hist, 0, 0, 0.5) == 1536, "p50 of one bucket: its middle");
	CHECK(hist_quantile(hist, 0, 0, 1.0) == 2048, "p100 of one bucket: its top");
	CHECK(hist_quantile(hist, 0, 0, 0.25) == 1280, "p25: a quarter into the bucket");
	CHECK(hist_quantile(hist, 1100, 1900, 0.01) == 1100, "clamped to min_ns");
	CHECK(hist_quantile(hist, 1100, 1900, 1.0) == 1900, "clamped to max_ns");
	CHECK(hist_quantile(hist, 1100, 1900, 0.5) == 1536, "inside [min, max]: unchanged");

	hist[10] = 0;
	hist[3] = 90;		/* [8, 16) */
	hist[20] = 10;		/* [1 Mi, 2 Mi) */
	CHECK(hist_quantile(hist, 0, 0, 0.5) == 12, "p50 in the lower bucket: 8 + 8*50/90");
	CHECK(hist_quantile(hist, 0, 0, 0.9) == 16, "p90: top of the lower bucket");
	CHECK(hist_quantile(hist, 0, 0, 0.99) == 1992294,
	      "p99 in the upper bucket: 2^20 + 2^20*9/10");

	hist[3] = 0;
	hist[20] = 0;
	hist[5] = 3;		/* [32, 64) */
	CHECK(hist_quantile(hist, 0, 0, 0.1) == 42, "rank below 1 counts as the first call");
	hist[5] = 0;
	hist[0] = 4;
	CHECK(hist_quantile(hist, 1, 1, 0.5) == 1, "bucket 0, clamped to 1 ns");
}

static void merge(void)
{
	struct sysobs_stat a = { 0 }, b = { 0 }, none = { 0 };

	b.calls = 5;
	b.errors = 2;
	b.total_ns = 500;
	b.min_ns = 40;
	b.max_ns = 200;
	b.hist[5] = 3;
	b.hist[7] = 2;
	stat_merge(&a, &b);
	CHECK(a.calls == 5 && a.errors == 2 && a.total_ns == 500, "merge into zero: sums");
	CHECK(a.min_ns == 40 && a.max_ns == 200, "merge into zero: min/max taken");
	b.min_ns = 30;
	b.max_ns = 100;
	stat_merge(&a, &b);
	CHECK(a.calls == 10 && a.errors == 4 && a.total_ns == 1000, "merge: sums add");
	CHECK(a.min_ns == 30 && a.max_ns == 200, "merge: smaller min, larger max");
	CHECK(a.hist[5] == 6 && a.hist[7] == 4 && hist_count(a.hist) == 10,
	      "merge: histograms add");
	none.calls = 3;		/* counted, never timed (e.g. exit) */
	stat_merge(&a, &none);
	CHECK(a.min_ns == 30 && a.calls == 13, "merge: untimed (min 0) keeps min");
	b.min_ns = 50;
	stat_merge(&none, &b);
	CHECK(none.min_ns == 50, "merge: into an untimed stat, min is taken");
}

static struct stat_row mkrow(unsigned int abi, long nr, __u64 calls, __u64 errors,
			     __u64 total, __u64 min, __u64 max, __u64 in_b4)
{
	struct stat_row r = { .abi = abi, .nr = nr };

	r.s.calls = calls;
	r.s.errors = errors;
	r.s.total_ns = total;
	r.s.min_ns = min;
	r.s.max_ns = max;
	r.s.hist[4] = in_b4;
	return r;
}

static const struct stat_row *find(const struct stats_snapshot *s, unsigned int abi,
				   long nr)
{
	size_t i;

	for (i = 0; i < s->nr_rows; i++)
		if (s->rows[i].abi == abi && s->rows[i].nr == nr)
			return &s->rows[i];
	return NULL;
}

static void delta(void)
{
	struct stat_row before_rows[] = {
		mkrow(SYSOBS_ABI_64, 110, 40, 0, 400, 5, 50, 40),
		mkrow(SYSOBS_ABI_64, 257, 10, 10, 100, 5, 20, 10),
		mkrow(SYSOBS_ABI_32, 64, 7, 0, 70, 5, 20, 7),
	};
	struct stat_row now_rows[] = {
		mkrow(SYSOBS_ABI_64, 110, 100, 0, 1000, 3, 90, 100),
		mkrow(SYSOBS_ABI_64, 257, 10, 10, 100, 5, 20, 10),	/* idle */
		mkrow(SYSOBS_ABI_32, 64, 9, 1, 90, 5, 20, 9),
		mkrow(SYSOBS_ABI_64, 0, 3, 0, 30, 8, 12, 3),		/* new */
	};
	struct stats_snapshot before = { before_rows, 3, { 0 } };
	struct stats_snapshot now = { now_rows, 4, { 0 } };
	struct stats_snapshot d;
	const struct stat_row *r;

	before.counters[SYSOBS_CNT_UNTIMED] = 2;
	now.counters[SYSOBS_CNT_UNTIMED] = 5;
	CHECK(stats_delta(&now, &before, &d) == 0, "stats_delta succeeds");
	CHECK(d.nr_rows == 3, "delta: a row without new calls is left out");
	CHECK(find(&d, SYSOBS_ABI_64, 257) == NULL, "delta: idle openat absent");
	r = find(&d, SYSOBS_ABI_64, 110);
	CHECK(r && r->s.calls == 60 && r->s.total_ns == 600 && r->s.hist[4] == 60,
	      "delta: calls, time and histogram subtracted");
	CHECK(r && r->s.min_ns == 3 && r->s.max_ns == 90, "delta: min/max are now's");
	r = find(&d, SYSOBS_ABI_32, 64);
	CHECK(r && r->s.calls == 2 && r->s.errors == 1, "delta: per ABI, errors subtracted");
	r = find(&d, SYSOBS_ABI_64, 0);
	CHECK(r && r->s.calls == 3 && r->s.total_ns == 30, "delta: a new row is whole");
	CHECK(d.counters[SYSOBS_CNT_UNTIMED] == 3, "delta: loss counters subtracted");
	stats_free(&d);
	CHECK(d.rows == NULL && d.nr_rows == 0, "stats_free empties the snapshot");
}

static void counter_names(void)
{
	unsigned int c;
	int named = 1;

	for (c = 0; c < SYSOBS_NR_COUNTERS; c++)
		if (!strcmp(counter_name(c), "?"))
			named = 0;
	CHECK(named, "every loss counter has a name");
	CHECK(!strcmp(counter_name(SYSOBS_NR_COUNTERS), "?"), "out of range counter: ?");
}

int main(void)
{
	bucket_bounds();
	quantiles();
	merge();
	delta();
	counter_names();
	UNIT_EXIT();
}
