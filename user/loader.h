/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loading and attaching the sysobs BPF object, and the target set.
 * Everything is held by file descriptors and no object is pinned, so
 * whatever way sysobs exits (SIGKILL included) the kernel frees it all.
 */
#ifndef SYSOBS_LOADER_H
#define SYSOBS_LOADER_H

#include <stdbool.h>
#include <sys/types.h>
#include "config.h"
#include "stats.h"

struct sysobs_bpf;

struct loader {
	struct sysobs_bpf *skel;
	struct stats_maps maps;
	int targets_fd;
	int groups_fd;		/* per-process map (groups.c) */
	bool raw_tp;		/* attached through the raw_tp fallback */
};

/* Check privileges and kernel support; print one line and return -1 if not. */
int loader_preflight(void);

/*
 * Open, configure from cfg, load and attach. filter: trace only the
 * targets map. Returns 0, or -1 after printing one line.
 */
int loader_start(struct loader *ld, const struct config *cfg, bool filter);

/* Add tgid to the targets map in the given state. 0 or -errno. */
int loader_add_target(struct loader *ld, pid_t tgid, unsigned int state);

/* Forget targets that no longer exist; returns how many remain. */
int loader_sweep_targets(struct loader *ld);

void loader_stop(struct loader *ld);

/*
 * Live mode's part of loading: configure() runs on the opened object
 * (rodata, map sizes), loaded() after load and before attach (fill maps).
 * Each returns 0 or -errno. Set before session_start; NULL: none.
 */
struct loader_hooks {
	int (*configure)(struct sysobs_bpf *skel, void *ctx);
	int (*loaded)(struct sysobs_bpf *skel, void *ctx);
	void *ctx;
};

void loader_set_hooks(const struct loader_hooks *hooks);

/* Live mode's end: stop seeing syscalls and signals (lifecycle hooks stay). */
void loader_detach_syscalls(struct loader *ld);

struct sysobs_event;
/* Live mode: fn(ctx, rec) for each traced thread blocked in a syscall. */
void loader_for_each_inflight(struct loader *ld,
			      void (*fn)(void *ctx, const struct sysobs_event *rec),
			      void *ctx);

#endif /* SYSOBS_LOADER_H */
