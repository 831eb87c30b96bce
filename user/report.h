/* SPDX-License-Identifier: GPL-2.0 */
/* Summary reports: the strace -c table (text) and the option vocabulary. */
#ifndef SYSOBS_REPORT_H
#define SYSOBS_REPORT_H

#include <stdio.h>
#include "config.h"
#include "stats.h"

/* -U: comma-separated strace column names (plus p50, p99). 0 or -EINVAL. */
int parse_columns(const char *s, enum column *cols);
/* -S: strace sort names (plus avg, min, max, p50, p99). 0 or -EINVAL. */
int parse_sort(const char *s, enum sort_key *key);
/* strace's default columns. */
void default_columns(enum column *cols);

/*
 * Sort the rows of one ABI in place (stable: ties stay in syscall-number
 * order, as strace prints them).
 */
void sort_rows(struct stat_row *rows, size_t n, enum sort_key key);

/* Print the strace -c -w table for the rows of one ABI. */
void print_table(FILE *out, struct stat_row *rows, size_t n,
		 const enum column *cols, enum sort_key key);

/* Print the whole text summary: 64-bit table, 32-bit table, losses, -L. */
void report_text(FILE *out, const struct stats_snapshot *snap,
		 const struct config *cfg);

/* Print a log2 histogram of durations in ns (bcc-style bars). */
void print_log2_hist(FILE *out, const __u64 *hist);

/* One line per non-zero loss counter ("sysobs: N what"). */
void report_counters(FILE *out, const __u64 *counters);

#endif /* SYSOBS_REPORT_H */
