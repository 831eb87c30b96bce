/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-process, per-name and per-cgroup views of the BPF group map
 * (bpf/groups.bpf.h), and the --cgroup filter.
 *
 * The map holds (group, ABI, syscall) entries of three kinds: per live
 * process, per name, per cgroup. collect() folds the entries of processes
 * that have exited (and of removed cgroups) into a userspace table (R,
 * "retired") and deletes them from the map, so the map stays as big as the
 * set of live groups. A view is R plus the live entries, grouped by
 * process, name or cgroup. Tables are capped at max_rows rows; rows that do
 * not fit are merged into one "other" group per syscall and counted.
 */
#ifndef SYSOBS_GROUPS_H
#define SYSOBS_GROUPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <linux/types.h>
#include "config.h"
#include "sysobs.h"

struct sysobs_bpf;

enum group_view { VIEW_PROCESS, VIEW_COMM, VIEW_CGROUP };

#define GROUP_OTHER_ID (~0ULL)

/* One (group, ABI, syscall) total. */
struct group_row {
	__u64 id;			/* pid, cgroup id, or GROUP_OTHER_ID */
	char comm[SYSOBS_COMM_LEN];	/* VIEW_COMM: part of the key */
	char name[SYSOBS_COMM_LEN];	/* process name shown (not a key) */
	unsigned int abi;
	long nr;
	struct sysobs_stat s;
};

/* Rows with a hash index on (view key, ABI, syscall). */
struct group_table {
	struct group_row *rows;
	size_t nr_rows, cap;
	size_t *slots;			/* row index + 1, 0: empty */
	size_t nr_slots;
};

/* One view of the map, fed by groups_collect. */
struct group_view_state {
	enum group_view view;
	bool cumulative;	/* R keeps everything (else: reset per report) */
	size_t max_rows;
	struct group_table retired;	/* R */
	struct group_table prev;	/* live part of the previous report */
	__u64 merged_rows;	/* rows merged into "other" at the last view */
	__u64 folded_merged;	/* gone entries that were merged into "other" */
};

#define GROUPS_MAX_VIEWS 4

struct groups {
	int fd;			/* the BPF map, -1: off */
	struct group_view_state views[GROUPS_MAX_VIEWS];
	int nr_views;
	__u64 folded;		/* map entries of exited processes folded */
	__u64 live_entries;	/* map entries at the last read */
	__u64 last_folded;	/* entries folded at the last read */
};

/* Before load: switch the BPF side on and size its map. */
void groups_configure(struct sysobs_bpf *skel, const struct config *cfg);
/* After load: point the --cgroup filter at the cgroup. 0 or -errno. */
int groups_set_cgroup(struct sysobs_bpf *skel, const struct config *cfg);
/* Check --cgroup PATH early: 0, or -1 after one line on stderr. */
int groups_check_cgroup(const char *path);

void groups_init(struct groups *g, int fd);
/* Add a view; returns its index. */
int groups_add_view(struct groups *g, enum group_view view, size_t max_rows,
		    bool cumulative);
void groups_free(struct groups *g);

/*
 * Fold the entries of exited processes (and, with check_cgroups, of
 * removed cgroups) into R and delete them. 0 or -errno.
 */
int groups_collect(struct groups *g, bool check_cgroups);

/*
 * The current view into out (a fresh table): cumulative since the start,
 * or, when g is not cumulative, the change since the previous call.
 */
int groups_view(struct groups *g, int view, struct group_table *out);

void table_free(struct group_table *t);
/* Add row's counts to the row of the same key in t. 0 or -ENOMEM. */
int table_merge_row(struct group_table *t, const struct group_row *row);

/* Path of a cgroup v2 id relative to the cgroup2 mount ("/" the root). */
const char *cgroup_path(__u64 id, char *buf, size_t len);

/* Printable ASCII copy of a name: other bytes as \xNN. */
const char *printable(const char *s, size_t max, char *buf, size_t len);

/* The -P / --by-cgroup text tables (top n groups by time). */
void report_groups_text(FILE *out, struct group_table *t, enum group_view view,
			int top);

#endif /* SYSOBS_GROUPS_H */
