// SPDX-License-Identifier: GPL-2.0
/*
 * The strace -c -w table (user/report_text.c), byte for byte. The expected
 * tables follow strace's layout rules: "% time" 6 wide, seconds 11,
 * usecs/call 11, calls 9, errors 9, syscall 16 (name + 1), each widened to
 * fit the largest value (or the totals); shortest/longest at least as wide
 * as "N.000000"; numbers right-aligned, the name left-aligned and unpadded
 * when last; errors blank when 0; a total line under a second dashed rule.
 */
#include <stdlib.h>
#include "report.h"
#include "unit.h"

#define MAX_ROWS 8

static struct stat_row row(unsigned int abi, long nr, __u64 calls, __u64 errors,
			   __u64 total_ns, __u64 min_ns, __u64 max_ns)
{
	struct stat_row r = { .abi = abi, .nr = nr };

	r.s.calls = calls;
	r.s.errors = errors;
	r.s.total_ns = total_ns;
	r.s.min_ns = min_ns;
	r.s.max_ns = max_ns;
	return r;
}

/* print_table into a string (caller frees). */
static char *table(struct stat_row *rows, size_t n, const enum column *cols,
		   enum sort_key key)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	print_table(f, rows, n, cols, key);
	fclose(f);
	return buf;
}

static void check_table(struct stat_row *rows, size_t n, const enum column *cols,
			enum sort_key key, const char *want, const char *what)
{
	char *got = table(rows, n, cols, key);

	CHECK_STR(got, want, what);
	free(got);
}

static void default_layout(void)
{
	enum column cols[COL_MAX_ID];
	struct stat_row rows[] = {
		row(SYSOBS_ABI_64, 0, 10, 0, 3000, 100, 900),		/* read */
		row(SYSOBS_ABI_64, 257, 4, 4, 1000000, 1000, 500000),	/* openat */
		row(SYSOBS_ABI_64, 110, 1000, 0, 500000, 300, 2000),	/* getppid */
	};

	default_columns(cols);
	check_table(rows, 3, cols, SORT_TIME,
"% time     seconds  usecs/call     calls    errors syscall\n"
"------ ----------- ----------- --------- --------- ----------------\n"
" 66.53    0.001000         250         4         4 openat\n"
" 33.27    0.000500           0      1000           getppid\n"
"  0.20    0.000003           0        10           read\n"
"------ ----------- ----------- --------- --------- ----------------\n"
"100.00    0.001503           1      1014         4 total\n",
		    "default columns, sorted by time, errors blank when 0");
}

static void no_errors_at_all(void)
{
	enum column cols[COL_MAX_ID];
	struct stat_row rows[] = {
		row(SYSOBS_ABI_64, 60, 2, 0, 0, 0, 0),		/* exit: never timed */
		row(SYSOBS_ABI_64, 231, 1, 0, 0, 0, 0),		/* exit_group */
	};

	default_columns(cols);
	check_table(rows, 2, cols, SORT_TIME,
"% time     seconds  usecs/call     calls    errors syscall\n"
"------ ----------- ----------- --------- --------- ----------------\n"
"  0.00    0.000000           0         2           exit\n"
"  0.00    0.000000           0         1           exit_group\n"
"------ ----------- ----------- --------- --------- ----------------\n"
"100.00    0.000000           0         3           total\n",
		    "zero time: 0.00 percent, total errors blank, ties in number order");
}

static void widths_grow(void)
{
	enum column cols[COL_MAX_ID];
	struct stat_row rows[] = {
		row(SYSOBS_ABI_64, 110, 1234567890ULL, 1000000000ULL, 2000000000ULL, 1, 5),
		row(SYSOBS_ABI_64, 146, 1, 0, 100000000000000000ULL,
		    100000000000000000ULL, 100000000000000000ULL),
	};

	default_columns(cols);
	check_table(rows, 2, cols, SORT_TIME,
"% time          seconds      usecs/call      calls     errors syscall\n"
"------ ---------------- --------------- ---------- ---------- -----------------------\n"
"100.00 100000000.000000 100000000000000          1            sched_get_priority_max\n"
"  0.00         2.000000               0 1234567890 1000000000 getppid\n"
"------ ---------------- --------------- ---------- ---------- -----------------------\n"
"100.00 100000002.000000           81000 1234567891 1000000000 total\n",
		    "every column widens to fit its largest value or total");
}

static void selected_columns(void)
{
	enum column cols[COL_MAX_ID];
	int i;
	struct stat_row rows[] = {
		row(SYSOBS_ABI_64, 0, 10, 0, 3000, 100, 900),		/* read */
		row(SYSOBS_ABI_64, 257, 4, 4, 1000000, 1000, 500000),	/* openat */
		row(SYSOBS_ABI_64, 35, 1, 0, 2500000000ULL, 2500000000ULL,
		    2500000000ULL),					/* nanosleep */
	};

	CHECK(parse_columns("name,calls,max,min,errors", cols) == 0,
	      "-U name,calls,max,min,errors parses");
	check_table(rows, 3, cols, SORT_CALLS,
"syscall              calls  longest shortest    errors\n"
"---------------- --------- -------- -------- ---------\n"
"read                    10 0.000001 0.000000          \n"
"openat                   4 0.000500 0.000001         4\n"
"nanosleep                1 2.500000 2.500000          \n"
"---------------- --------- -------- -------- ---------\n"
"total                   15 2.500000 0.000000         4\n",
		    "-U order kept, name padded when not last, total has min/max of all");

	CHECK(parse_columns("calls", cols) == 0, "-U calls parses");
	check_table(rows, 3, cols, SORT_NAME,
"    calls syscall\n"
"--------- ----------------\n"
"        1 nanosleep\n"
"        4 openat\n"
"       10 read\n"
"--------- ----------------\n"
"       15 total\n",
		    "-U without name: name added last; -S name sorts by name");

	CHECK(parse_columns("time,shortest", cols) == 0, "-U time,shortest parses");
	for (i = 0; i < 3; i++)		/* print_table sorted them: find it */
		if (rows[i].nr == 35)
			rows[i].s.min_ns = 12000000000ULL; /* 12 s: 9 wide */
	check_table(rows, 3, cols, SORT_MIN,
"% time  shortest syscall\n"
"------ --------- ----------------\n"
" 99.96 12.000000 nanosleep\n"
"  0.04  0.000001 openat\n"
"  0.00  0.000000 read\n"
"------ --------- ----------------\n"
"100.00  0.000000 total\n",
		    "shortest widens for whole seconds; -S min sorts by it");
}

static void unknown_and_long_names(void)
{
	enum column cols[COL_MAX_ID];
	struct stat_row rows[] = {
		row(SYSOBS_ABI_64, 472, 3, 3, 300, 100, 100),
	};

	CHECK(parse_columns("calls,name,errors", cols) == 0, "-U calls,name,errors parses");
	check_table(rows, 1, cols, SORT_TIME,
"    calls syscall             errors\n"
"--------- ---------------- ---------\n"
"        3 syscall_0x1d8            3\n"
"--------- ---------------- ---------\n"
"        3 total                    3\n",
		    "unknown number shown as syscall_0x1d8, name in the middle");
}

static void option_words(void)
{
	enum column cols[COL_MAX_ID];
	enum sort_key key = SORT_NOTHING;

	CHECK(parse_columns("calls,bogus", cols) != 0, "-U unknown column rejected");
	CHECK(parse_columns("calls,count", cols) != 0, "-U same column twice rejected");
	CHECK(parse_columns("none", cols) != 0, "-U none rejected");
	CHECK(parse_columns("", cols) != 0, "-U empty rejected");
	CHECK(parse_columns("calls,", cols) != 0, "-U trailing comma rejected");
	CHECK(parse_columns("total-time,avg-time,p50,p99,syscall", cols) == 0 &&
		      cols[0] == COL_SECONDS && cols[1] == COL_AVG && cols[2] == COL_P50 &&
		      cols[3] == COL_P99 && cols[4] == COL_NAME && cols[5] == COL_NONE,
	      "-U aliases map to columns, in order");
	CHECK(parse_sort("calls", &key) == 0 && key == SORT_CALLS, "-S calls");
	CHECK(parse_sort("name", &key) == 0 && key == SORT_NAME, "-S name");
	CHECK(parse_sort("errors", &key) == 0 && key == SORT_ERRORS, "-S errors");
	CHECK(parse_sort("time", &key) == 0 && key == SORT_TIME, "-S time");
	CHECK(parse_sort("avg", &key) == 0 && key == SORT_AVG, "-S avg");
	CHECK(parse_sort("shortest", &key) == 0 && key == SORT_MIN, "-S shortest");
	CHECK(parse_sort("max", &key) == 0 && key == SORT_MAX, "-S max");
	CHECK(parse_sort("p99", &key) == 0 && key == SORT_P99, "-S p99");
	CHECK(parse_sort("nothing", &key) == 0 && key == SORT_NOTHING, "-S nothing");
	CHECK(parse_sort("bogus", &key) != 0, "-S unknown key rejected");
}

/* report_text: the 64-bit table, then the 32-bit one under its title. */
static void both_abis(void)
{
	static struct config cfg;
	struct stat_row rows[] = {
		row(SYSOBS_ABI_64, 59, 1, 0, 1000, 1000, 1000),		/* execve */
		row(SYSOBS_ABI_32, 64, 5, 0, 5000, 1000, 1000),		/* getppid */
		row(SYSOBS_ABI_32, 295, 2, 2, 0, 0, 0),			/* openat */
	};
	struct stats_snapshot snap = { .rows = rows, .nr_rows = 3 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	default_columns(cfg.columns);
	cfg.sort = SORT_TIME;
	snap.counters[SYSOBS_CNT_UNTIMED] = 7;
	report_text(f, &snap, &cfg);
	fclose(f);
	CHECK_STR(buf,
"% time     seconds  usecs/call     calls    errors syscall\n"
"------ ----------- ----------- --------- --------- ----------------\n"
"100.00    0.000001           1         1           execve\n"
"------ ----------- ----------- --------- --------- ----------------\n"
"100.00    0.000001           1         1           total\n"
"System call usage summary for 32 bit mode:\n"
"% time     seconds  usecs/call     calls    errors syscall\n"
"------ ----------- ----------- --------- --------- ----------------\n"
"100.00    0.000005           1         5           getppid\n"
"  0.00    0.000000           0         2         2 openat\n"
"------ ----------- ----------- --------- --------- ----------------\n"
"100.00    0.000005           0         7         2 total\n"
"sysobs: 7 calls already in flight at start (counted, not timed)\n",
		  "report_text: 64-bit table, 32-bit table with title, loss line");
	free(buf);

	buf = NULL;
	f = open_memstream(&buf, &len);
	snap.rows = rows + 1;
	snap.nr_rows = 2;
	snap.counters[SYSOBS_CNT_UNTIMED] = 0;
	report_text(f, &snap, &cfg);
	fclose(f);
	CHECK(buf && !strncmp(buf, "System call usage summary for 32 bit mode:\n", 43),
	      "report_text: only 32-bit calls: no empty 64-bit table");
	free(buf);
}

int main(void)
{
	default_layout();
	no_errors_at_all();
	widths_grow();
	selected_columns();
	unknown_and_long_names();
	option_words();
	both_abis();
	UNIT_EXIT();
}
