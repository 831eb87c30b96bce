// SPDX-License-Identifier: GPL-2.0
/*
 * The Prometheus text exposition format (version 0.0.4). Everything comes
 * from cumulative per-CPU map reads, so counters only grow across scrapes.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "output.h"
#include "syscalls.h"

/* Longer than any process name can be (15 bytes), so it cannot clash. */
#define OTHER_COMM_LABEL "(other: over --max-series)"

#ifndef SYSOBS_VERSION
#define SYSOBS_VERSION "0.1"
#endif

/* A label value: printable ASCII, with \ and " escaped. */
static void label_value(FILE *out, const char *s, size_t max)
{
	char buf[4096 * 4 + 8];
	const char *p;

	for (p = printable(s, max, buf, sizeof(buf)); *p; p++) {
		if (*p == '\\' || *p == '"')
			fputc('\\', out);
		fputc(*p, out);
	}
}

static const char *abi_label(unsigned int abi)
{
	return abi == SYSOBS_ABI_32 ? "i386" : "x86_64";
}

/* The labels of one series: [group="...",]syscall="...",abi="..." */
struct series {
	const char *group_label;	/* NULL: none */
	const char *group_value;
	unsigned int abi;
	long nr;
};

static void labels(FILE *out, const struct series *se, const char *extra)
{
	char buf[SYSCALL_NAME_MAX];

	fputc('{', out);
	if (se->group_label) {
		fprintf(out, "%s=\"", se->group_label);
		label_value(out, se->group_value, 4096);
		fputs("\",", out);
	}
	fprintf(out, "syscall=\"%s\",abi=\"%s\"",
		syscall_name(se->abi, se->nr, buf, sizeof(buf)), abi_label(se->abi));
	if (extra)
		fprintf(out, ",%s", extra);
	fputc('}', out);
}

static void header(FILE *out, const char *name, const char *type, const char *help)
{
	fprintf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

static void histogram(FILE *out, const char *name, const struct series *se,
		      const struct sysobs_stat *s)
{
	__u64 cum = 0, lo, hi;
	char le[64];
	unsigned int b;

	/* the last bucket also holds everything longer: it is +Inf */
	for (b = 0; b + 1 < SYSOBS_HIST_BUCKETS; b++) {
		cum += s->hist[b];
		hist_bucket_bounds(b, &lo, &hi);
		snprintf(le, sizeof(le), "le=\"%.10g\"", (double)hi / 1e9);
		fprintf(out, "%s_bucket", name);
		labels(out, se, le);
		fprintf(out, " %" PRIu64 "\n", (uint64_t)cum);
	}
	cum += s->hist[SYSOBS_HIST_BUCKETS - 1];
	fprintf(out, "%s_bucket", name);
	labels(out, se, "le=\"+Inf\"");
	fprintf(out, " %" PRIu64 "\n%s_sum", (uint64_t)cum, name);
	labels(out, se, NULL);
	fprintf(out, " %.9f\n%s_count", s->total_ns / 1e9, name);
	labels(out, se, NULL);
	fprintf(out, " %" PRIu64 "\n", (uint64_t)cum);
}

enum family { FAM_CALLS, FAM_ERRORS, FAM_DURATION };

static void series_line(FILE *out, const char *name, enum family fam,
			const struct series *se, const struct sysobs_stat *s)
{
	if (fam == FAM_DURATION) {
		histogram(out, name, se, s);
		return;
	}
	fputs(name, out);
	labels(out, se, NULL);
	fprintf(out, " %" PRIu64 "\n",
		(uint64_t)(fam == FAM_CALLS ? s->calls : s->errors));
}

static const char *const fam_suffix[] = {
	[FAM_CALLS] = "syscalls_total",
	[FAM_ERRORS] = "syscall_errors_total",
	[FAM_DURATION] = "syscall_duration_seconds",
};

static const char *const fam_type[] = {
	[FAM_CALLS] = "counter", [FAM_ERRORS] = "counter",
	[FAM_DURATION] = "histogram",
};

static const char *const fam_help[] = {
	[FAM_CALLS] = "System calls made (entered).",
	[FAM_ERRORS] = "System calls that returned an error (-4095..-1).",
	[FAM_DURATION] = "Elapsed time from syscall enter to exit (timed calls only).",
};

static void system_families(FILE *out, const struct stats_snapshot *snap)
{
	struct series se = { 0 };
	char name[128];
	enum family f;
	size_t i;

	for (f = FAM_CALLS; f <= FAM_DURATION; f++) {
		snprintf(name, sizeof(name), "sysobs_%s", fam_suffix[f]);
		header(out, name, fam_type[f], fam_help[f]);
		for (i = 0; i < snap->nr_rows; i++) {
			se.abi = snap->rows[i].abi;
			se.nr = snap->rows[i].nr;
			series_line(out, name, f, &se, &snap->rows[i].s);
		}
	}
}

/*
 * A cgroup removed and created again at the same path (a restarted
 * service) has a new id: its rows are added to those of the first id with
 * that path, so that each label set appears once and keeps growing.
 */
static int merge_same_paths(const struct group_table *t, struct group_table *out)
{
	struct { __u64 id; char *path; } *seen = NULL;
	size_t nr_seen = 0, i, j;
	char buf[4096];
	struct group_row row;
	const char *p;
	int err = 0;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < t->nr_rows && !err; i++) {
		row = t->rows[i];
		p = cgroup_path(row.id, buf, sizeof(buf));
		for (j = 0; j < nr_seen && strcmp(seen[j].path, p); j++)
			;
		if (j == nr_seen) {
			void *more = realloc(seen, (nr_seen + 1) * sizeof(*seen));

			if (!more) {
				err = -ENOMEM;
				break;
			}
			seen = more;
			seen[j].id = row.id;
			seen[j].path = strdup(p);
			if (!seen[j].path) {
				err = -ENOMEM;
				break;
			}
			nr_seen++;
		}
		row.id = seen[j].id;
		err = table_merge_row(out, &row);
	}
	for (j = 0; j < nr_seen; j++)
		free(seen[j].path);
	free(seen);
	return err;
}

static int group_families(FILE *out, const struct prom_info *info)
{
	const bool by_comm = info->by == METRICS_BY_COMM;
	const char *prefix = by_comm ? "process" : "cgroup";
	const struct group_table *t = info->groups;
	struct group_table merged;

	if (!by_comm) {
		if (merge_same_paths(info->groups, &merged))
			return -ENOMEM;
		t = &merged;
	}
	char name[128], path[4096];
	struct series se = { 0 };
	enum family f;
	size_t i;

	se.group_label = by_comm ? "comm" : "cgroup";
	for (f = FAM_CALLS; f <= FAM_DURATION; f++) {
		snprintf(name, sizeof(name), "sysobs_%s_%s", prefix, fam_suffix[f]);
		header(out, name, fam_type[f], fam_help[f]);
		for (i = 0; i < t->nr_rows; i++) {
			const struct group_row *r = &t->rows[i];

			if (!r->s.calls)
				continue;
			if (by_comm)
				se.group_value = r->id == GROUP_OTHER_ID ?
						 OTHER_COMM_LABEL : r->comm;
			else
				se.group_value = cgroup_path(r->id, path, sizeof(path));
			se.abi = r->abi;
			se.nr = r->nr;
			series_line(out, name, f, &se, &r->s);
		}
	}
	if (!by_comm)
		table_free(&merged);
	header(out, "sysobs_series_merged", "gauge",
	       "(group, syscall) rows over --max-series, merged into \"other\".");
	fprintf(out, "sysobs_series_merged %" PRIu64 "\n", (uint64_t)info->merged_rows);
	header(out, "sysobs_group_entries_folded_total", "counter",
	       "Per-process map entries of exited processes, folded and deleted.");
	fprintf(out, "sysobs_group_entries_folded_total %" PRIu64 "\n",
		(uint64_t)info->folded);
	header(out, "sysobs_group_map_entries", "gauge",
	       "Per-process map entries (live processes) at this scrape.");
	fprintf(out, "sysobs_group_map_entries %" PRIu64 "\n",
		(uint64_t)info->live_entries);
	return 0;
}

int report_prom(FILE *out, const struct stats_snapshot *snap,
		const struct prom_info *info)
{
	unsigned int c;

	header(out, "sysobs_build_info", "gauge", "sysobs version and attach type.");
	fprintf(out, "sysobs_build_info{version=\"%s\",attach=\"%s\"} 1\n",
		SYSOBS_VERSION, info->attach);
	header(out, "sysobs_start_time_seconds", "gauge",
	       "When tracing started, in seconds since the epoch.");
	fprintf(out, "sysobs_start_time_seconds %.3f\n", info->start_time);
	system_families(out, snap);
	header(out, "sysobs_events_lost_total", "counter",
	       "Things that could not be recorded, by cause.");
	for (c = 0; c < SYSOBS_NR_COUNTERS; c++)
		fprintf(out, "sysobs_events_lost_total{cause=\"%s\"} %" PRIu64 "\n",
			counter_key(c), (uint64_t)snap->counters[c]);
	header(out, "sysobs_http_evicted_total", "counter",
	       "Oldest scrape connections closed because all slots were busy.");
	fprintf(out, "sysobs_http_evicted_total %" PRIu64 "\n",
		(uint64_t)info->http_evicted);
	if (info->groups)
		return group_families(out, info);
	return 0;
}
