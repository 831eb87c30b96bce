// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <linux/capability.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "sysobs.skel.h"
#include "loader.h"
#include "groups.h"
#include "sysobs.h"

#ifndef CAP_PERFMON
#define CAP_PERFMON 38
#endif
#ifndef CAP_BPF
#define CAP_BPF 39
#endif

static struct loader_hooks hooks;

void loader_set_hooks(const struct loader_hooks *h)
{
	hooks = *h;
}

static bool has_cap(const struct __user_cap_data_struct *d, int cap)
{
	return d[cap / 32].effective & (1U << (cap % 32));
}

int loader_preflight(void)
{
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct data[2] = { 0 };
	bool bpf, perfmon, admin;

	if (syscall(SYS_capget, &hdr, data)) {
		fprintf(stderr, "sysobs: cannot read capabilities: %s\n", strerror(errno));
		return -1;
	}
	admin = has_cap(data, CAP_SYS_ADMIN);
	bpf = has_cap(data, CAP_BPF) || admin;
	perfmon = has_cap(data, CAP_PERFMON) || admin;
	if (!bpf || !perfmon) {
		fprintf(stderr, "sysobs: missing %s%s%s: run as root or grant them\n",
			bpf ? "" : "CAP_BPF", !bpf && !perfmon ? " and " : "",
			perfmon ? "" : "CAP_PERFMON");
		return -1;
	}
	if (access("/sys/kernel/btf/vmlinux", R_OK)) {
		fprintf(stderr, "sysobs: kernel has no BTF (/sys/kernel/btf/vmlinux: %s): "
				"CONFIG_DEBUG_INFO_BTF=y is needed\n", strerror(errno));
		return -1;
	}
	return 0;
}

static int quiet_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (level == LIBBPF_WARN && getenv("SYSOBS_DEBUG"))
		return vfprintf(stderr, fmt, ap);
	if (level == LIBBPF_DEBUG && getenv("SYSOBS_DEBUG_VERBOSE"))
		return vfprintf(stderr, fmt, ap);
	return 0;
}

/* Programs of one flavour (tp_btf or raw_tp), in the same order. */
static void set_flavour(struct sysobs_bpf *s, bool raw, bool lifecycle)
{
	bpf_program__set_autoload(s->progs.sysobs_enter, !raw);
	bpf_program__set_autoload(s->progs.sysobs_exit, !raw);
	bpf_program__set_autoload(s->progs.sysobs_fork, !raw && lifecycle);
	bpf_program__set_autoload(s->progs.sysobs_pexit, !raw && lifecycle);
	bpf_program__set_autoload(s->progs.sysobs_raw_enter, raw);
	bpf_program__set_autoload(s->progs.sysobs_raw_exit, raw);
	bpf_program__set_autoload(s->progs.sysobs_raw_fork, raw && lifecycle);
	bpf_program__set_autoload(s->progs.sysobs_raw_pexit, raw && lifecycle);
	bpf_program__set_autoload(s->progs.sysobs_inflight_iter, false);
	/* live mode's hook turns on the one of its flavour */
	bpf_program__set_autoload(s->progs.sysobs_signal, false);
	bpf_program__set_autoload(s->progs.sysobs_raw_signal, false);
}

static struct sysobs_bpf *open_and_load(const struct config *cfg, bool filter,
					bool raw, int *err)
{
	struct sysobs_bpf *s = sysobs_bpf__open();

	if (!s) {
		*err = -errno;
		return NULL;
	}
	s->rodata->self_tgid = getpid();
	s->rodata->filter_targets = filter;
	s->rodata->follow_forks = cfg->follow_forks;
	if (cfg->comm) {
		s->rodata->filter_comm = true;
		strncpy((char *)s->rodata->target_comm, cfg->comm,
			sizeof(s->rodata->target_comm) - 1);
	}
	bpf_map__set_max_entries(s->maps.sysobs_targets,
				 cfg->max_targets ? cfg->max_targets : 8192);
	set_flavour(s, raw, filter);
	groups_configure(s, cfg);
	*err = hooks.configure ? hooks.configure(s, hooks.ctx) : 0;
	if (!*err)
		*err = sysobs_bpf__load(s);
	if (!*err && hooks.loaded)
		*err = hooks.loaded(s, hooks.ctx);
	if (*err) {
		sysobs_bpf__destroy(s);
		return NULL;
	}
	return s;
}

int loader_start(struct loader *ld, const struct config *cfg, bool filter)
{
	bool force_raw = getenv("SYSOBS_FORCE_RAW_TP") != NULL;
	int err = 0;

	memset(ld, 0, sizeof(*ld));
	libbpf_set_print(quiet_print);
	if (!force_raw)
		ld->skel = open_and_load(cfg, filter, false, &err);
	if (!ld->skel) {
		ld->skel = open_and_load(cfg, filter, true, &err);
		ld->raw_tp = true;
	}
	if (!ld->skel) {
		fprintf(stderr, "sysobs: cannot load BPF programs: %s\n", strerror(-err));
		return -1;
	}
	err = groups_set_cgroup(ld->skel, cfg);
	if (err) {
		fprintf(stderr, "sysobs: --cgroup %s: cannot set the filter: %s\n",
			cfg->cgroup, strerror(-err));
		loader_stop(ld);
		return -1;
	}
	err = sysobs_bpf__attach(ld->skel);
	if (err) {
		fprintf(stderr, "sysobs: cannot attach to raw_syscalls tracepoints: %s\n",
			strerror(-err));
		loader_stop(ld);
		return -1;
	}
	ld->maps.stats_fd = bpf_map__fd(ld->skel->maps.sysobs_stats);
	ld->maps.other_fd = bpf_map__fd(ld->skel->maps.sysobs_other);
	ld->maps.counters_fd = bpf_map__fd(ld->skel->maps.sysobs_counters);
	ld->targets_fd = bpf_map__fd(ld->skel->maps.sysobs_targets);
	ld->groups_fd = bpf_map__fd(ld->skel->maps.sysobs_groups);
	return 0;
}

int loader_add_target(struct loader *ld, pid_t tgid, unsigned int state)
{
	__u32 key = tgid, val = state;

	if (bpf_map_update_elem(ld->targets_fd, &key, &val, BPF_ANY))
		return -errno;
	return 0;
}

int loader_sweep_targets(struct loader *ld)
{
	__u32 key, *prev = NULL, *keys;
	size_t n = 0, cap = 64, i;
	int alive = 0;

	/* Collect first: deleting while iterating would restart the walk. */
	keys = malloc(cap * sizeof(*keys));
	if (!keys)
		return 1;	/* keep running: the next sweep tries again */
	while (!bpf_map_get_next_key(ld->targets_fd, prev, &key)) {
		if (n == cap) {
			__u32 *more = realloc(keys, 2 * cap * sizeof(*keys));

			if (!more)
				break;
			keys = more;
			cap *= 2;
		}
		keys[n] = key;
		prev = &keys[n++];
	}
	for (i = 0; i < n; i++) {
		if (kill((pid_t)keys[i], 0) && errno == ESRCH)
			bpf_map_delete_elem(ld->targets_fd, &keys[i]);
		else
			alive++;
	}
	free(keys);
	return alive;
}

void loader_detach_syscalls(struct loader *ld)
{
	struct bpf_link **links[] = {
		&ld->skel->links.sysobs_enter, &ld->skel->links.sysobs_exit,
		&ld->skel->links.sysobs_raw_enter, &ld->skel->links.sysobs_raw_exit,
		&ld->skel->links.sysobs_signal, &ld->skel->links.sysobs_raw_signal,
	};
	size_t i;

	for (i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		bpf_link__destroy(*links[i]);
		*links[i] = NULL;
	}
}

void loader_for_each_inflight(struct loader *ld,
			      void (*fn)(void *ctx, const struct sysobs_event *rec),
			      void *ctx)
{
	struct bpf_link *link = ld->skel->links.sysobs_inflight_iter;
	struct sysobs_event rec;
	size_t got = 0;
	ssize_t n;
	int fd;

	if (!link)
		return;
	fd = bpf_iter_create(bpf_link__fd(link));
	if (fd < 0)
		return;
	while ((n = read(fd, (char *)&rec + got, sizeof(rec) - got)) > 0) {
		got += n;
		if (got == sizeof(rec)) {
			fn(ctx, &rec);
			got = 0;
		}
	}
	close(fd);
}

void loader_stop(struct loader *ld)
{
	sysobs_bpf__destroy(ld->skel);
	ld->skel = NULL;
}
