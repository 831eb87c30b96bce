// SPDX-License-Identifier: GPL-2.0
/*
 * sysobs -c: let the kernel aggregate, then read the per-CPU maps once at
 * the end (or every --interval) and print the report. The same loop
 * serves --metrics scrapes and keeps the per-process map flat by folding
 * exited processes (groups.c) once a second.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "groups.h"
#include "http.h"
#include "modes.h"
#include "output.h"
#include "report.h"
#include "session.h"

#define TICK_MS 100
#define COLLECT_EVERY_S 1.0
#define CGROUP_CHECK_EVERY_S 10.0
#define DEFAULT_MAX_ROWS 10000	/* rows of the per-process/cgroup tables */
#define DEFAULT_TOP_GROUPS 20

struct summary {
	struct session s;
	struct groups groups;
	int view_process, view_cgroup, view_metrics;	/* -1: off */
	struct http_server http;
	bool serving;
	struct stats_snapshot prev;	/* interval mode: the last report's */
	double prev_wall;		/* its time (epoch seconds) */
	double start_wall;
	double next_report;		/* monotonic */
	double next_collect;
	double next_cgroup_check;
};

static double wall_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

void interval_minmax(struct sysobs_stat *s)
{
	__u64 lo, hi;
	int b, first = -1, last = -1;

	for (b = 0; b < SYSOBS_HIST_BUCKETS; b++) {
		if (!s->hist[b])
			continue;
		if (first < 0)
			first = b;
		last = b;
	}
	if (first < 0) {
		s->min_ns = s->max_ns = 0;
		return;
	}
	/*
	 * The interval's true min lies in bucket `first`, its max in bucket
	 * `last`; the since-start min/max narrow the bounds when they fall
	 * inside. Reported: the lower bound of min, the upper bound of max.
	 */
	hist_bucket_bounds((unsigned int)first, &lo, &hi);
	if (s->min_ns < lo || s->min_ns >= hi)
		s->min_ns = lo ? lo : 1;
	hist_bucket_bounds((unsigned int)last, &lo, &hi);
	if (s->max_ns < lo || s->max_ns >= hi)
		s->max_ns = hi - 1;
}

static int metrics_render(void *ctx, char **body, size_t *len)
{
	struct summary *sm = ctx;
	struct stats_snapshot snap;
	struct group_table t = { 0 };
	struct prom_info info = { 0 };
	FILE *f;
	int err = stats_read(&sm->s.ld.maps, &snap);

	if (err)
		return err;
	info.attach = sm->s.ld.raw_tp ? "raw_tp" : "tp_btf";
	info.start_time = sm->start_wall;
	info.by = sm->s.cfg->metrics_by;
	info.http_evicted = sm->http.evicted;
	if (sm->view_metrics >= 0) {
		err = groups_view(&sm->groups, sm->view_metrics, &t);
		info.groups = &t;
		info.merged_rows = sm->groups.views[sm->view_metrics].merged_rows;
		info.folded = sm->groups.folded;
		info.live_entries = sm->groups.live_entries;
	}
	f = err ? NULL : open_memstream(body, len);
	if (f) {
		err = report_prom(f, &snap, &info);
		if (fclose(f) && !err)
			err = -ENOMEM;
		if (err)
			free(*body);
	} else if (!err) {
		err = -ENOMEM;
	}
	table_free(&t);
	stats_free(&snap);
	return err;
}

static void print_header(FILE *out, double start, double end, bool cumulative)
{
	char a[64], b[64];
	time_t ta = (time_t)start, tb = (time_t)end;
	struct tm tma, tmb;

	gmtime_r(&ta, &tma);
	gmtime_r(&tb, &tmb);
	strftime(a, sizeof(a), "%Y-%m-%dT%H:%M:%S", &tma);
	strftime(b, sizeof(b), "%Y-%m-%dT%H:%M:%S", &tmb);
	fprintf(out, "\n=== %s.%03dZ .. %s.%03dZ (%.3f s%s) ===\n", a,
		(int)((start - (double)ta) * 1000), b,
		(int)((end - (double)tb) * 1000), end - start,
		cumulative ? ", cumulative" : "");
}

static void free_groups_of_report(struct report_groups *rg)
{
	if (rg->process)
		table_free(rg->process);
	if (rg->cgroup)
		table_free(rg->cgroup);
}

static int read_groups(struct summary *sm, struct report_groups *rg,
		       struct group_table *pt, struct group_table *ct)
{
	int err = 0;

	memset(rg, 0, sizeof(*rg));
	if (sm->view_process >= 0) {
		err = groups_view(&sm->groups, sm->view_process, pt);
		rg->process = err ? NULL : pt;
		rg->merged_rows += sm->groups.views[sm->view_process].merged_rows;
	}
	if (!err && sm->view_cgroup >= 0) {
		err = groups_view(&sm->groups, sm->view_cgroup, ct);
		rg->cgroup = err ? NULL : ct;
		rg->merged_rows += sm->groups.views[sm->view_cgroup].merged_rows;
	}
	if (err)
		free_groups_of_report(rg);
	return err;
}

static void write_report(struct summary *sm, const struct stats_snapshot *snap,
			 struct report_groups *rg, const struct report_span *span)
{
	const struct config *cfg = sm->s.cfg;
	FILE *out = sm->s.out;
	int top = cfg->top > 0 ? cfg->top : DEFAULT_TOP_GROUPS;

	if (cfg->json) {
		report_json(out, snap, rg, span, cfg);
		return;
	}
	if (cfg->interval > 0)
		print_header(out, span->start, span->end, span->cumulative);
	report_text(out, snap, cfg);
	if (rg->process)
		report_groups_text(out, rg->process, VIEW_PROCESS, top);
	if (rg->cgroup)
		report_groups_text(out, rg->cgroup, VIEW_CGROUP, top);
	if (rg->merged_rows)
		fprintf(out, "sysobs: %llu (group, syscall) rows over the table "
			"limit merged into \"other\"\n",
			(unsigned long long)rg->merged_rows);
	fflush(out);
}

/* One report: the whole run, or (--interval) the time since the last one. */
static int print_report(struct summary *sm, bool final)
{
	const struct config *cfg = sm->s.cfg;
	bool delta = cfg->interval > 0 && !cfg->cumulative;
	struct stats_snapshot now, d, *shown = &now;
	struct group_table pt, ct;
	struct report_groups rg;
	struct report_span span = { 0 };
	size_t i;
	int err = stats_read(&sm->s.ld.maps, &now);

	if (err) {
		fprintf(stderr, "sysobs: cannot read statistics: %s\n", strerror(-err));
		return -1;
	}
	if (read_groups(sm, &rg, &pt, &ct)) {
		fprintf(stderr, "sysobs: cannot read per-process statistics\n");
		stats_free(&now);
		return -1;
	}
	span.end = wall_now();
	span.start = delta ? sm->prev_wall : sm->start_wall;
	span.cumulative = !delta;
	span.final = final;
	if (delta) {
		if (stats_delta(&now, &sm->prev, &d)) {
			free_groups_of_report(&rg);
			stats_free(&now);
			return -1;
		}
		for (i = 0; i < d.nr_rows; i++)
			interval_minmax(&d.rows[i].s);
		span.interval_minmax = true;
		shown = &d;
	}
	write_report(sm, shown, &rg, &span);
	free_groups_of_report(&rg);
	if (delta)
		stats_free(&d);
	stats_free(&sm->prev);
	sm->prev = now;
	sm->prev_wall = span.end;
	return 0;
}

static int add_views(struct summary *sm)
{
	const struct config *cfg = sm->s.cfg;
	bool cumulative = !(cfg->interval > 0) || cfg->cumulative;
	size_t max_series = cfg->max_series > 0 ? (size_t)cfg->max_series : 2000;

	sm->view_process = sm->view_cgroup = sm->view_metrics = -1;
	groups_init(&sm->groups, -1);
	if (!cfg->by_process && !cfg->by_cgroup && cfg->metrics_by == METRICS_BY_NONE)
		return 0;
	sm->groups.fd = sm->s.ld.groups_fd;
	if (cfg->by_process)
		sm->view_process = groups_add_view(&sm->groups, VIEW_PROCESS,
						   DEFAULT_MAX_ROWS, cumulative);
	if (cfg->by_cgroup)
		sm->view_cgroup = groups_add_view(&sm->groups, VIEW_CGROUP,
						  DEFAULT_MAX_ROWS, cumulative);
	if (cfg->metrics_by != METRICS_BY_NONE)
		sm->view_metrics = groups_add_view(&sm->groups,
			cfg->metrics_by == METRICS_BY_COMM ? VIEW_COMM : VIEW_CGROUP,
			max_series, true);
	return 0;
}

/* Wait one tick, serving scrapes meanwhile. */
static void wait_tick(struct summary *sm, int timeout_ms)
{
	struct pollfd fds[1 + HTTP_MAX_CONNS];
	int n = 0;

	if (sm->serving)
		n = http_pollfds(&sm->http, fds);
	if (session_wait_fds(&sm->s, fds, n, timeout_ms) > 0 && sm->serving)
		http_handle(&sm->http, fds, n, monotonic_now());
	else if (sm->serving)
		http_handle(&sm->http, fds, 0, monotonic_now());
}

static int next_timeout_ms(const struct summary *sm, double now)
{
	double left = TICK_MS / 1e3;

	if (sm->s.cfg->interval > 0 && sm->next_report - now < left)
		left = sm->next_report - now;
	return left > 0 ? (int)(left * 1e3) + 1 : 0;
}

static int main_loop(struct summary *sm)
{
	const struct config *cfg = sm->s.cfg;
	double now;

	while (!session_done(&sm->s)) {
		wait_tick(sm, next_timeout_ms(sm, monotonic_now()));
		now = monotonic_now();
		if (session_reopen_requested)
			session_reopen_output(&sm->s);
		if (now >= sm->next_collect) {
			groups_collect(&sm->groups, now >= sm->next_cgroup_check);
			if (now >= sm->next_cgroup_check)
				sm->next_cgroup_check = now + CGROUP_CHECK_EVERY_S;
			/* processes are exiting: fold again at the next tick */
			sm->next_collect = now + (sm->groups.last_folded ?
						  TICK_MS / 1e3 : COLLECT_EVERY_S);
		}
		if (cfg->interval > 0 && now >= sm->next_report) {
			if (print_report(sm, false))
				return -1;
			/* no drift, and no burst after a stall */
			while (sm->next_report <= now)
				sm->next_report += cfg->interval;
		}
	}
	return 0;
}

int run_summary(const struct config *cfg)
{
	static struct summary sm;
	int code, failed = 0;

	/* bind first: a busy port fails before anything is loaded */
	if (cfg->metrics_addr) {
		if (http_listen(&sm.http, cfg->metrics_addr, metrics_render, &sm))
			return EXIT_FAIL;
		sm.serving = true;
	}
	code = session_start(&sm.s, cfg);
	memset(&sm.prev, 0, sizeof(sm.prev));
	if (code != EXIT_OK) {
		if (sm.serving)
			http_close(&sm.http);
		session_end(&sm.s);
		return code;
	}
	if (cfg->verbose)
		fprintf(stderr, "sysobs: attached in %.1f ms (%s)\n", sm.s.attach_ms,
			sm.s.ld.raw_tp ? "raw_tp" : "tp_btf");
	sm.start_wall = sm.prev_wall = wall_now();
	sm.next_report = monotonic_now() + cfg->interval;
	add_views(&sm);
	if (sm.serving && cfg->verbose)
		fprintf(stderr, "sysobs: serving metrics on %s\n", cfg->metrics_addr);
	failed = main_loop(&sm);
	if (!failed && cfg->summary)
		failed = print_report(&sm, true);
	if (sm.serving)
		http_close(&sm.http);
	groups_free(&sm.groups);
	stats_free(&sm.prev);
	code = session_end(&sm.s);
	return failed ? EXIT_FAIL : code;
}
