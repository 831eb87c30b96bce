/* SPDX-License-Identifier: GPL-2.0 */
/* The one configuration struct that main.c fills from the command line. */
#ifndef SYSOBS_CONFIG_H
#define SYSOBS_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Exit codes (documented in README and --help). */
enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,		/* runtime error: no such process, no BPF, ... */
	EXIT_USAGE = 2,		/* bad option or argument */
};

#define MAX_PIDS 1024

/* Columns of the summary table (strace -U names, plus p50/p99). */
enum column {
	COL_NONE = 0,
	COL_TIME_PCT,
	COL_SECONDS,
	COL_MIN,
	COL_MAX,
	COL_AVG,
	COL_CALLS,
	COL_ERRORS,
	COL_NAME,
	COL_P50,
	COL_P99,
	COL_MAX_ID,
};

/* Sort keys of the summary (-S). */
enum sort_key {
	SORT_TIME = 0,
	SORT_CALLS,
	SORT_ERRORS,
	SORT_NAME,
	SORT_AVG,
	SORT_MIN,
	SORT_MAX,
	SORT_P50,
	SORT_P99,
	SORT_NOTHING,
};

enum timestamp_mode { TS_NONE = 0, TS_TIME, TS_TIME_US, TS_EPOCH };
enum metrics_by { METRICS_BY_NONE = 0, METRICS_BY_COMM, METRICS_BY_CGROUP };

struct config {
	/* what to trace */
	pid_t pids[MAX_PIDS];
	int nr_pids;
	char **cmd;		/* -- CMD ARGS... (NULL-terminated) or NULL */
	bool follow_forks;	/* -f */
	const char *comm;	/* --comm NAME */
	const char *cgroup;	/* --cgroup PATH */

	/* mode */
	bool summary;		/* -c */
	bool summary_too;	/* -C: live lines and a summary at the end */
	double duration;	/* --duration SECONDS, 0: until stopped */
	double interval;	/* --interval SECONDS, 0: one report at the end */
	bool cumulative;	/* --cumulative */
	const char *output;	/* -o FILE, NULL: stderr (summary) / stderr (live) */
	bool json;		/* --json */

	/* summary report */
	enum sort_key sort;	/* -S */
	enum column columns[COL_MAX_ID]; /* -U, COL_NONE-terminated */
	bool histogram;		/* -L */
	bool by_process;	/* -P */
	bool by_cgroup;		/* --by-cgroup */
	int top;		/* --top N */

	/* live tracing */
	int string_limit;	/* -s N */
	enum timestamp_mode timestamps;	/* -t, -tt, -ttt */
	bool relative_ts;	/* -r */
	bool show_duration;	/* -T */
	const char *trace_expr[16];	/* -e EXPR, in order */
	int nr_trace_expr;
	bool only_successful;	/* -z */
	bool only_failed;	/* -Z */
	size_t buffer_size;	/* --buffer-size BYTES */

	/* server */
	const char *metrics_addr;	/* --metrics [ADDR:]PORT */
	enum metrics_by metrics_by;
	int max_series;

	/* limits */
	unsigned int max_targets;	/* size of the BPF targets map */
	bool verbose;		/* -v: say when attached */
	double start_time;	/* monotonic time main() started */
};

#endif /* SYSOBS_CONFIG_H */
