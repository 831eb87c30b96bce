/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Machine-readable reports: the summary as one JSON object per report
 * (output_json_summary.c) and the Prometheus text exposition
 * (output_prom.c).
 */
#ifndef SYSOBS_OUTPUT_H
#define SYSOBS_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>
#include "config.h"
#include "groups.h"
#include "stats.h"

/* What a report covers. */
struct report_span {
	double start, end;	/* wall-clock (epoch) seconds */
	bool cumulative;	/* since the start of tracing */
	bool interval_minmax;	/* min/max are bucket bounds (see README) */
	bool final;		/* the last report */
};

/* Group tables of one report; NULL when not asked for. */
struct report_groups {
	struct group_table *process;
	struct group_table *cgroup;
	__u64 merged_rows;
};

void report_json(FILE *out, const struct stats_snapshot *snap,
		 const struct report_groups *grp, const struct report_span *span,
		 const struct config *cfg);

struct prom_info {
	const char *attach;	/* "tp_btf" or "raw_tp" */
	double start_time;	/* epoch seconds */
	enum metrics_by by;
	const struct group_table *groups;	/* the --metrics-by view */
	__u64 merged_rows;	/* rows merged into "other" (--max-series) */
	__u64 http_evicted;
	__u64 folded;		/* per-process map entries of exited processes */
	__u64 live_entries;	/* per-process map entries now */
};

/* The whole exposition. 0, or -ENOMEM (the body is then incomplete). */
int report_prom(FILE *out, const struct stats_snapshot *snap,
		const struct prom_info *info);

/* Keep only the histogram-bound part of min/max for an interval delta. */
void interval_minmax(struct sysobs_stat *s);

#endif /* SYSOBS_OUTPUT_H */
