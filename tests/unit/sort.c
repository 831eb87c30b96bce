// SPDX-License-Identifier: GPL-2.0
/*
 * sort_rows (user/report_text.c): every -S key orders descending (name:
 * ascending), and ties keep syscall-number order (64-bit before i386), so
 * the order never depends on qsort's whims.
 */
#include "report.h"
#include "unit.h"

#define NR_ROWS 6

/*
 * Six rows, in a shuffled order. Per key, the expected order of their
 * numbers is written out below; each key has ties to break.
 *   nr  abi  calls errors total  min  max  hist (p50/p99 buckets)
 */
static void fill(struct stat_row *r)
{
	static const struct {
		unsigned int abi;
		long nr;
		__u64 calls, errors, total, min, max;
		unsigned int b50, b99;
	} t[NR_ROWS] = {
		{ SYSOBS_ABI_64, 257, 10, 10, 500, 10, 100, 4, 6 },	/* openat */
		{ SYSOBS_ABI_32, 64, 10, 0, 900, 50, 200, 5, 7 },	/* getppid (i386) */
		{ SYSOBS_ABI_64, 0, 20, 0, 500, 10, 100, 4, 6 },	/* read */
		{ SYSOBS_ABI_64, 110, 5, 5, 900, 60, 900, 5, 9 },	/* getppid */
		{ SYSOBS_ABI_64, 1, 20, 2, 100, 1, 300, 3, 8 },		/* write */
		{ SYSOBS_ABI_32, 3, 1, 0, 0, 0, 0, 0, 0 },		/* read (i386), untimed */
	};
	int i;

	memset(r, 0, sizeof(*r) * NR_ROWS);
	for (i = 0; i < NR_ROWS; i++) {
		r[i].abi = t[i].abi;
		r[i].nr = t[i].nr;
		r[i].s.calls = t[i].calls;
		r[i].s.errors = t[i].errors;
		r[i].s.total_ns = t[i].total;
		r[i].s.min_ns = t[i].min;
		r[i].s.max_ns = t[i].max;
		if (!t[i].total)
			continue;
		/* 98 calls in the p50 bucket, 2 in the p99 one */
		r[i].s.hist[t[i].b50] = 98;
		r[i].s.hist[t[i].b99] = 2;
	}
}

static void check_order(enum sort_key key, const char *want, const char *what)
{
	struct stat_row rows[NR_ROWS];
	char got[128] = "", item[24];
	int i;

	fill(rows);
	sort_rows(rows, NR_ROWS, key);
	for (i = 0; i < NR_ROWS; i++) {
		snprintf(item, sizeof(item), "%s%s%ld", i ? " " : "",
			 rows[i].abi == SYSOBS_ABI_32 ? "i" : "", rows[i].nr);
		strcat(got, item);
	}
	CHECK_STR(got, want, what);
}

int main(void)
{
	/* time: 900 (110, i64), 500 (0, 257), 100, 0 */
	check_order(SORT_TIME, "110 i64 0 257 1 i3", "-S time: descending, ties by number");
	check_order(SORT_CALLS, "0 1 257 i64 110 i3", "-S calls: descending, ties by number");
	check_order(SORT_ERRORS, "257 110 1 0 i3 i64",
		    "-S errors: descending, ties 64-bit first then by number");
	check_order(SORT_NAME, "110 i64 257 0 i3 1", "-S name: ascending, same name by ABI");
	/* avg: 110: 180, i64: 90, 257: 50, 0: 25, 1: 5, i3: 0 */
	check_order(SORT_AVG, "110 i64 257 0 1 i3", "-S avg: descending");
	check_order(SORT_MIN, "110 i64 0 257 1 i3", "-S min: descending, ties by number");
	check_order(SORT_MAX, "110 1 i64 0 257 i3", "-S max: descending, ties by number");
	check_order(SORT_P50, "110 i64 0 257 1 i3", "-S p50: descending, ties by number");
	/* p99: 110: 768, 1: 300 (max), i64: 192, 0 and 257: 96 */
	check_order(SORT_P99, "110 1 i64 0 257 i3", "-S p99: descending, ties by number");
	check_order(SORT_NOTHING, "0 1 110 257 i3 i64", "-S nothing: number order");
	UNIT_EXIT();
}
