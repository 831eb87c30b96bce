// SPDX-License-Identifier: GPL-2.0
/*
 * The strace -c -w table, byte for byte: same headers, dashed rules,
 * "total" line, column widths that grow to fit, and errors left blank
 * when zero. Extra columns p50/p99 come from the in-kernel histogram.
 */
#include <errno.h>
#include <stdarg.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "report.h"
#include "syscalls.h"

#define NS_PER_SEC 1000000000ULL

static const struct {
	const char *name;
	enum column col;
} column_names[] = {
	{ "time", COL_TIME_PCT }, { "time_percent", COL_TIME_PCT },
	{ "time-percent", COL_TIME_PCT },
	{ "time_total", COL_SECONDS }, { "time-total", COL_SECONDS },
	{ "total_time", COL_SECONDS }, { "total-time", COL_SECONDS },
	{ "seconds", COL_SECONDS },
	{ "min", COL_MIN }, { "min_time", COL_MIN }, { "min-time", COL_MIN },
	{ "shortest", COL_MIN }, { "time_min", COL_MIN }, { "time-min", COL_MIN },
	{ "max", COL_MAX }, { "longest", COL_MAX }, { "max_time", COL_MAX },
	{ "max-time", COL_MAX }, { "time_max", COL_MAX }, { "time-max", COL_MAX },
	{ "avg", COL_AVG }, { "avg_time", COL_AVG }, { "avg-time", COL_AVG },
	{ "time_avg", COL_AVG }, { "time-avg", COL_AVG },
	{ "calls", COL_CALLS }, { "count", COL_CALLS },
	{ "error", COL_ERRORS }, { "errors", COL_ERRORS },
	{ "name", COL_NAME }, { "syscall", COL_NAME },
	{ "syscall_name", COL_NAME }, { "syscall-name", COL_NAME },
	{ "p50", COL_P50 }, { "median", COL_P50 }, { "p99", COL_P99 },
	{ "none", COL_NONE }, { "nothing", COL_NONE },
};

static const enum sort_key sort_of_column[COL_MAX_ID] = {
	[COL_NONE] = SORT_NOTHING, [COL_TIME_PCT] = SORT_TIME,
	[COL_SECONDS] = SORT_TIME, [COL_MIN] = SORT_MIN, [COL_MAX] = SORT_MAX,
	[COL_AVG] = SORT_AVG, [COL_CALLS] = SORT_CALLS,
	[COL_ERRORS] = SORT_ERRORS, [COL_NAME] = SORT_NAME,
	[COL_P50] = SORT_P50, [COL_P99] = SORT_P99,
};

static int column_by_name(const char *s, size_t len, enum column *col)
{
	size_t i;

	for (i = 0; i < sizeof(column_names) / sizeof(column_names[0]); i++) {
		if (strlen(column_names[i].name) == len &&
		    !strncmp(column_names[i].name, s, len)) {
			*col = column_names[i].col;
			return 0;
		}
	}
	return -EINVAL;
}

void default_columns(enum column *cols)
{
	static const enum column def[] = { COL_TIME_PCT, COL_SECONDS, COL_AVG,
					   COL_CALLS, COL_ERRORS, COL_NAME,
					   COL_NONE };

	memcpy(cols, def, sizeof(def));
}

int parse_columns(const char *s, enum column *cols)
{
	bool seen[COL_MAX_ID] = { false };
	size_t n = 0, len;
	enum column col;
	const char *comma;

	for (;;) {
		comma = strchr(s, ',');
		len = comma ? (size_t)(comma - s) : strlen(s);
		if (column_by_name(s, len, &col) || col == COL_NONE || seen[col])
			return -EINVAL;
		seen[col] = true;
		cols[n++] = col;
		if (!comma)
			break;
		s = comma + 1;
	}
	if (!seen[COL_NAME])	/* a table without names is meaningless */
		cols[n++] = COL_NAME;
	cols[n] = COL_NONE;
	return 0;
}

int parse_sort(const char *s, enum sort_key *key)
{
	enum column col;

	if (column_by_name(s, strlen(s), &col))
		return -EINVAL;
	*key = sort_of_column[col];
	return 0;
}

static __u64 avg_ns(const struct sysobs_stat *s)
{
	return s->calls ? s->total_ns / s->calls : 0;
}

static __u64 quantile(const struct sysobs_stat *s, double q)
{
	return hist_quantile(s->hist, s->min_ns, s->max_ns, q);
}

static int cmp_u64_desc(__u64 a, __u64 b)
{
	return a < b ? 1 : a > b ? -1 : 0;
}

/* The number a row sorts by (largest first), for every key but the name. */
static __u64 sort_value(const struct sysobs_stat *s, enum sort_key key)
{
	switch (key) {
	case SORT_CALLS:
		return s->calls;
	case SORT_ERRORS:
		return s->errors;
	case SORT_AVG:
		return avg_ns(s);
	case SORT_MIN:
		return s->min_ns;
	case SORT_MAX:
		return s->max_ns;
	case SORT_P50:
		return quantile(s, 0.5);
	case SORT_P99:
		return quantile(s, 0.99);
	default:
		return s->total_ns;	/* SORT_TIME */
	}
}

static enum sort_key sort_by;

static int row_cmp(const void *pa, const void *pb)
{
	const struct stat_row *a = pa, *b = pb;
	char ba[SYSCALL_NAME_MAX], bb[SYSCALL_NAME_MAX];
	int c = 0;

	if (sort_by == SORT_NAME)
		c = strcmp(syscall_name(a->abi, a->nr, ba, sizeof(ba)),
			   syscall_name(b->abi, b->nr, bb, sizeof(bb)));
	else if (sort_by != SORT_NOTHING)
		c = cmp_u64_desc(sort_value(&a->s, sort_by),
				 sort_value(&b->s, sort_by));
	if (c)
		return c;
	/* ties: syscall-number order, which makes qsort stable here */
	if (a->abi != b->abi)
		return a->abi < b->abi ? -1 : 1;
	return a->nr < b->nr ? -1 : a->nr > b->nr;
}

void sort_rows(struct stat_row *rows, size_t n, enum sort_key key)
{
	sort_by = key;
	qsort(rows, n, sizeof(*rows), row_cmp);
}

/* Header text, minimum ("historical") width, left-aligned? */
static const struct {
	const char *title;
	unsigned int width;
} col_desc[COL_MAX_ID] = {
	[COL_TIME_PCT] = { "% time", 6 },
	[COL_SECONDS] = { "seconds", 11 },
	[COL_MIN] = { "shortest", 8 },
	[COL_MAX] = { "longest", 7 },
	[COL_AVG] = { "usecs/call", 11 },
	[COL_CALLS] = { "calls", 9 },
	[COL_ERRORS] = { "errors", 9 },
	[COL_NAME] = { "syscall", 16 },
	[COL_P50] = { "p50", 3 },
	[COL_P99] = { "p99", 3 },
};

struct table_totals {
	__u64 calls, errors, total_ns;
	__u64 min_ns, max_ns;		/* over all rows */
	__u64 max_min_ns, max_avg_ns, max_p50_ns, max_p99_ns;
	size_t name_len;
	struct sysobs_stat merged;	/* for the total line's p50/p99 */
};

static unsigned int num_width(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static unsigned int num_width(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	return n > 0 ? (unsigned int)n : 0;
}

static unsigned int max_u(unsigned int a, unsigned int b)
{
	return a > b ? a : b;
}

static void compute_totals(const struct stat_row *rows, size_t n,
			   struct table_totals *t)
{
	char buf[SYSCALL_NAME_MAX];
	size_t i, len;
	__u64 v;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < n; i++) {
		const struct sysobs_stat *s = &rows[i].s;

		t->calls += s->calls;
		t->errors += s->errors;
		t->total_ns += s->total_ns;
		stat_merge(&t->merged, s);
		if (s->min_ns > t->max_min_ns)
			t->max_min_ns = s->min_ns;
		if (avg_ns(s) > t->max_avg_ns)
			t->max_avg_ns = avg_ns(s);
		v = quantile(s, 0.5);
		if (v > t->max_p50_ns)
			t->max_p50_ns = v;
		v = quantile(s, 0.99);
		if (v > t->max_p99_ns)
			t->max_p99_ns = v;
		len = strlen(syscall_name(rows[i].abi, rows[i].nr, buf, sizeof(buf)));
		if (len > t->name_len)
			t->name_len = len;
	}
	t->min_ns = t->merged.min_ns;
	t->max_ns = t->merged.max_ns;
}

static void column_widths(const struct table_totals *t, unsigned int *w)
{
	unsigned int c;

	for (c = 0; c < COL_MAX_ID; c++)
		w[c] = col_desc[c].width;
	w[COL_TIME_PCT] = max_u(w[COL_TIME_PCT], 6);
	w[COL_SECONDS] = max_u(w[COL_SECONDS], num_width("%.6f", t->total_ns / 1e9));
	w[COL_MIN] = max_u(w[COL_MIN], num_width("%" PRIu64 ".000000",
						 (uint64_t)(t->max_min_ns / NS_PER_SEC)));
	w[COL_MAX] = max_u(w[COL_MAX], num_width("%" PRIu64 ".000000",
						 (uint64_t)(t->max_ns / NS_PER_SEC)));
	w[COL_AVG] = max_u(w[COL_AVG], num_width("%" PRIu64,
						 (uint64_t)(t->max_avg_ns / 1000)));
	w[COL_CALLS] = max_u(w[COL_CALLS], num_width("%" PRIu64, (uint64_t)t->calls));
	w[COL_ERRORS] = max_u(w[COL_ERRORS], num_width("%" PRIu64, (uint64_t)t->errors));
	w[COL_NAME] = max_u(w[COL_NAME], (unsigned int)t->name_len + 1);
	w[COL_P50] = max_u(w[COL_P50], num_width("%" PRIu64 ".000000",
						 (uint64_t)(t->max_p50_ns / NS_PER_SEC)));
	w[COL_P99] = max_u(w[COL_P99], num_width("%" PRIu64 ".000000",
						 (uint64_t)(t->max_p99_ns / NS_PER_SEC)));
}

static size_t nr_columns(const enum column *cols)
{
	size_t n = 0;

	while (n < COL_MAX_ID && cols[n] != COL_NONE)
		n++;
	return n;
}

static void print_rule(FILE *out, const enum column *cols, size_t ncols,
		       const unsigned int *w)
{
	size_t i, j;

	for (i = 0; i < ncols; i++) {
		if (i)
			fputc(' ', out);
		for (j = 0; j < w[cols[i]]; j++)
			fputc('-', out);
	}
	fputc('\n', out);
}

static void print_header(FILE *out, const enum column *cols, size_t ncols,
			 const unsigned int *w)
{
	size_t i;

	for (i = 0; i < ncols; i++) {
		enum column c = cols[i];

		if (i)
			fputc(' ', out);
		if (c != COL_NAME)
			fprintf(out, "%*s", (int)w[c], col_desc[c].title);
		else if (i == ncols - 1)
			fputs(col_desc[c].title, out);
		else
			fprintf(out, "%-*s", (int)w[c], col_desc[c].title);
	}
	fputc('\n', out);
}

/* One line of the table: a syscall's row, or the total line. */
struct line {
	const char *name;
	const struct sysobs_stat *s;
	double percent;
	__u64 avg_us;
};

static void print_line(FILE *out, const enum column *cols, size_t ncols,
		       const unsigned int *w, const struct line *l)
{
	size_t i;

	for (i = 0; i < ncols; i++) {
		enum column c = cols[i];
		int wd = (int)w[c];

		if (i)
			fputc(' ', out);
		switch (c) {
		case COL_TIME_PCT:
			fprintf(out, "%*.2f", wd, l->percent);
			break;
		case COL_SECONDS:
			fprintf(out, "%*.6f", wd, l->s->total_ns / 1e9);
			break;
		case COL_MIN:
			fprintf(out, "%*.6f", wd, l->s->min_ns / 1e9);
			break;
		case COL_MAX:
			fprintf(out, "%*.6f", wd, l->s->max_ns / 1e9);
			break;
		case COL_AVG:
			fprintf(out, "%*" PRIu64, wd, (uint64_t)l->avg_us);
			break;
		case COL_CALLS:
			fprintf(out, "%*" PRIu64, wd, (uint64_t)l->s->calls);
			break;
		case COL_ERRORS:	/* blank when zero, as strace's "%*.0u" */
			fprintf(out, "%*.0" PRIu64, wd, (uint64_t)l->s->errors);
			break;
		case COL_NAME:
			if (i == ncols - 1)
				fputs(l->name, out);
			else
				fprintf(out, "%-*s", wd, l->name);
			break;
		case COL_P50:
			fprintf(out, "%*.6f", wd, quantile(l->s, 0.5) / 1e9);
			break;
		case COL_P99:
			fprintf(out, "%*.6f", wd, quantile(l->s, 0.99) / 1e9);
			break;
		default:
			break;
		}
	}
	fputc('\n', out);
}

void print_table(FILE *out, struct stat_row *rows, size_t n,
		 const enum column *cols, enum sort_key key)
{
	unsigned int w[COL_MAX_ID];
	struct table_totals t;
	size_t ncols = nr_columns(cols), i;
	char buf[SYSCALL_NAME_MAX];
	struct sysobs_stat total;
	struct line l;

	sort_rows(rows, n, key);
	compute_totals(rows, n, &t);
	column_widths(&t, w);
	print_header(out, cols, ncols, w);
	print_rule(out, cols, ncols, w);
	for (i = 0; i < n; i++) {
		const struct sysobs_stat *s = &rows[i].s;

		l.name = syscall_name(rows[i].abi, rows[i].nr, buf, sizeof(buf));
		l.s = s;
		l.percent = s->total_ns && t.total_ns ?
				    100.0 * (double)s->total_ns / (double)t.total_ns : 0.0;
		l.avg_us = avg_ns(s) / 1000;
		print_line(out, cols, ncols, w, &l);
	}
	print_rule(out, cols, ncols, w);
	total = t.merged;
	l.name = "total";
	l.s = &total;
	l.percent = 100.0;
	l.avg_us = t.calls ? (__u64)((double)t.total_ns / 1e9 / (double)t.calls * 1e6) : 0;
	print_line(out, cols, ncols, w, &l);
}

void print_log2_hist(FILE *out, const __u64 *hist)
{
	int first = -1, last = -1, b, j, stars;
	__u64 peak = 0, lo, hi;

	for (b = 0; b < SYSOBS_HIST_BUCKETS; b++) {
		if (!hist[b])
			continue;
		if (first < 0)
			first = b;
		last = b;
		if (hist[b] > peak)
			peak = hist[b];
	}
	if (first < 0)
		return;
	fprintf(out, "%24s : %-10s %s\n", "nsecs", "count", "distribution");
	for (b = first; b <= last; b++) {
		hist_bucket_bounds(b, &lo, &hi);
		stars = (int)(hist[b] * 40 / peak);
		fprintf(out, "%11" PRIu64 " -> %-11" PRIu64 " : %-10" PRIu64 " |",
			(uint64_t)lo, (uint64_t)hi - 1, (uint64_t)hist[b]);
		for (j = 0; j < 40; j++)
			fputc(j < stars ? '*' : ' ', out);
		fputs("|\n", out);
	}
}

/* Rows of one ABI, copied out of the snapshot. */
static size_t rows_of_abi(const struct stats_snapshot *snap, unsigned int abi,
			  struct stat_row *dst)
{
	size_t i, n = 0;

	for (i = 0; i < snap->nr_rows; i++)
		if (snap->rows[i].abi == abi)
			dst[n++] = snap->rows[i];
	return n;
}

static void print_histograms(FILE *out, const struct stat_row *rows, size_t n,
			     unsigned int abi, int top)
{
	char buf[SYSCALL_NAME_MAX];
	size_t i;

	for (i = 0; i < n && (int)i < top; i++) {
		if (!hist_count(rows[i].s.hist))
			continue;
		fprintf(out, "\n%s%s: %" PRIu64 " timed calls\n",
			syscall_name(abi, rows[i].nr, buf, sizeof(buf)),
			abi == SYSOBS_ABI_32 ? " (32 bit)" : "",
			(uint64_t)hist_count(rows[i].s.hist));
		print_log2_hist(out, rows[i].s.hist);
	}
}

void report_counters(FILE *out, const __u64 *counters)
{
	unsigned int c;

	for (c = 0; c < SYSOBS_NR_COUNTERS; c++)
		if (counters[c])
			fprintf(out, "sysobs: %" PRIu64 " %s\n",
				(uint64_t)counters[c], counter_name(c));
}

void report_text(FILE *out, const struct stats_snapshot *snap,
		 const struct config *cfg)
{
	struct stat_row *rows = calloc(snap->nr_rows + 1, sizeof(*rows));
	int top = cfg->top > 0 ? cfg->top : 5;
	size_t n64, n32;

	if (!rows) {
		fprintf(stderr, "sysobs: out of memory\n");
		return;
	}
	n64 = rows_of_abi(snap, SYSOBS_ABI_64, rows);
	n32 = snap->nr_rows - n64;
	/* strace prints the 64-bit table whenever anything was counted there */
	if (n64 || !n32)
		print_table(out, rows, n64, cfg->columns, cfg->sort);
	if (n32) {
		rows_of_abi(snap, SYSOBS_ABI_32, rows + n64);
		fprintf(out, "System call usage summary for 32 bit mode:\n");
		print_table(out, rows + n64, n32, cfg->columns, cfg->sort);
	}
	report_counters(out, snap->counters);
	if (cfg->histogram) {
		print_histograms(out, rows, n64, SYSOBS_ABI_64, top);
		print_histograms(out, rows + n64, n32, SYSOBS_ABI_32, top);
	}
	fflush(out);
	free(rows);
}
