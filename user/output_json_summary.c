// SPDX-License-Identifier: GPL-2.0
/*
 * --json with -c: each report is one JSON object on one line (JSON Lines),
 * so a stream of --interval reports can be read with jq or any JSON
 * Lines reader. Names from traced programs are escaped: the output never
 * carries raw control bytes, and every byte >= 0x80 is written as \u00XX.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "output.h"
#include "syscalls.h"

static void json_string(FILE *out, const char *s, size_t max)
{
	size_t i;

	fputc('"', out);
	for (i = 0; i < max && s[i]; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void json_u64(FILE *out, const char *key, __u64 v, bool comma)
{
	fprintf(out, "\"%s\":%" PRIu64 "%s", key, (uint64_t)v, comma ? "," : "");
}

static void json_hist(FILE *out, const __u64 *hist)
{
	__u64 lo, hi;
	unsigned int b;
	bool first = true;

	fputs("\"histogram\":[", out);
	for (b = 0; b < SYSOBS_HIST_BUCKETS; b++) {
		if (!hist[b])
			continue;
		hist_bucket_bounds(b, &lo, &hi);
		fprintf(out, "%s{\"lo_ns\":%" PRIu64 ",\"hi_ns\":%" PRIu64
			",\"count\":%" PRIu64 "}", first ? "" : ",", (uint64_t)lo,
			(uint64_t)hi, (uint64_t)hist[b]);
		first = false;
	}
	fputc(']', out);
}

static void json_syscall(FILE *out, const struct stat_row *r)
{
	const struct sysobs_stat *s = &r->s;
	char buf[SYSCALL_NAME_MAX];

	fputs("{\"name\":", out);
	json_string(out, syscall_name(r->abi, r->nr, buf, sizeof(buf)), sizeof(buf));
	fprintf(out, ",\"abi\":\"%s\",\"nr\":%ld,",
		r->abi == SYSOBS_ABI_32 ? "i386" : "x86_64", r->nr);
	json_u64(out, "calls", s->calls, true);
	json_u64(out, "errors", s->errors, true);
	json_u64(out, "timed_calls", hist_count(s->hist), true);
	json_u64(out, "total_ns", s->total_ns, true);
	json_u64(out, "min_ns", s->min_ns, true);
	json_u64(out, "max_ns", s->max_ns, true);
	json_u64(out, "avg_ns", s->calls ? s->total_ns / s->calls : 0, true);
	json_u64(out, "p50_ns", hist_quantile(s->hist, s->min_ns, s->max_ns, 0.5), true);
	json_u64(out, "p99_ns", hist_quantile(s->hist, s->min_ns, s->max_ns, 0.99), true);
	json_hist(out, s->hist);
	fputc('}', out);
}

static void json_lost(FILE *out, const __u64 *counters)
{
	unsigned int c;

	fputs("\"lost\":{", out);
	for (c = 0; c < SYSOBS_NR_COUNTERS; c++)
		json_u64(out, counter_key(c), counters[c], c + 1 < SYSOBS_NR_COUNTERS);
	fputc('}', out);
}

/* One object per group: totals and its syscalls. */
static void json_group(FILE *out, const struct group_table *t, size_t first,
		       bool cgroup)
{
	const struct group_row *g = &t->rows[first];
	struct sysobs_stat tot = { 0 };
	char buf[SYSCALL_NAME_MAX], path[4096];
	bool sep = false;
	size_t i;

	for (i = first; i < t->nr_rows && t->rows[i].id == g->id; i++)
		stat_merge(&tot, &t->rows[i].s);
	if (cgroup) {
		fprintf(out, "{\"cgroup_id\":%" PRIu64 ",\"path\":", (uint64_t)g->id);
		json_string(out, cgroup_path(g->id, path, sizeof(path)), sizeof(path));
	} else {
		fprintf(out, "{\"pid\":%" PRId64 ",\"comm\":",
			g->id == GROUP_OTHER_ID ? (int64_t)-1 : (int64_t)g->id);
		json_string(out, g->name, sizeof(g->name));
	}
	fprintf(out, ",\"other\":%s,", g->id == GROUP_OTHER_ID ? "true" : "false");
	json_u64(out, "calls", tot.calls, true);
	json_u64(out, "errors", tot.errors, true);
	json_u64(out, "total_ns", tot.total_ns, true);
	fputs("\"syscalls\":[", out);
	for (i = first; i < t->nr_rows && t->rows[i].id == g->id; i++) {
		const struct group_row *r = &t->rows[i];

		if (!r->s.calls)
			continue;
		fprintf(out, "%s{\"name\":", sep ? "," : "");
		json_string(out, syscall_name(r->abi, r->nr, buf, sizeof(buf)),
			    sizeof(buf));
		fprintf(out, ",\"abi\":\"%s\",",
			r->abi == SYSOBS_ABI_32 ? "i386" : "x86_64");
		json_u64(out, "calls", r->s.calls, true);
		json_u64(out, "errors", r->s.errors, true);
		json_u64(out, "total_ns", r->s.total_ns, false);
		fputc('}', out);
		sep = true;
	}
	fputs("]}", out);
}

static int by_id(const void *pa, const void *pb)
{
	const struct group_row *a = pa, *b = pb;

	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	if (a->abi != b->abi)
		return a->abi < b->abi ? -1 : 1;
	return a->nr < b->nr ? -1 : a->nr > b->nr;
}

/* Groups with any call, sorted by id (pid or cgroup id). */
static void json_groups(FILE *out, const char *key, struct group_table *t,
			bool cgroup)
{
	bool sep = false;
	size_t i, j;

	/* sorting breaks the table's index: the caller only frees it after */
	qsort(t->rows, t->nr_rows, sizeof(*t->rows), by_id);
	fprintf(out, ",\"%s\":[", key);
	for (i = 0; i < t->nr_rows; i = j) {
		__u64 calls = 0;

		for (j = i; j < t->nr_rows && t->rows[j].id == t->rows[i].id; j++)
			calls += t->rows[j].s.calls;
		if (!calls)
			continue;
		if (sep)
			fputc(',', out);
		json_group(out, t, i, cgroup);
		sep = true;
	}
	fputc(']', out);
}

void report_json(FILE *out, const struct stats_snapshot *snap,
		 const struct report_groups *grp, const struct report_span *span,
		 const struct config *cfg)
{
	size_t i;

	fprintf(out, "{\"type\":\"summary\",\"start\":%.6f,\"end\":%.6f,"
		"\"seconds\":%.6f,\"cumulative\":%s,\"final\":%s,"
		"\"minmax\":\"%s\",\"syscalls\":[",
		span->start, span->end, span->end - span->start,
		span->cumulative ? "true" : "false", span->final ? "true" : "false",
		span->interval_minmax ? "histogram-bounds" : "exact");
	for (i = 0; i < snap->nr_rows; i++) {
		if (i)
			fputc(',', out);
		json_syscall(out, &snap->rows[i]);
	}
	fputs("],", out);
	json_lost(out, snap->counters);
	if (grp && grp->process)
		json_groups(out, "processes", grp->process, false);
	if (grp && grp->cgroup)
		json_groups(out, "cgroups", grp->cgroup, true);
	if (grp && (grp->process || grp->cgroup))
		fprintf(out, ",\"groups_merged_rows\":%" PRIu64,
			(uint64_t)grp->merged_rows);
	fputs("}\n", out);
	fflush(out);
	(void)cfg;
}
