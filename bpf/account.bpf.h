/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The in-kernel accounting shared by every sysobs BPF object: target
 * filtering, per-thread in-flight state, per-CPU syscall statistics and
 * loss counters. summary.bpf.c and trace.bpf.c both include it, so the
 * counts are the same whichever mode runs.
 *
 * Hot path rules: no locks, no atomics, per-CPU maps only, one task-local
 * storage lookup per enter and per exit.
 */
#ifndef SYSOBS_ACCOUNT_BPF_H
#define SYSOBS_ACCOUNT_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "sysobs.h"

#define TS_COMPAT 0x0002	/* arch/x86/include/asm/thread_info.h */

/* x86-64 and i386 numbers of the calls that never return, and of exec. */
#define NR64_EXIT 60
#define NR64_EXIT_GROUP 231
#define NR64_EXECVE 59
#define NR64_EXECVEAT 322
#define NR32_EXIT 1
#define NR32_EXIT_GROUP 252
#define NR32_EXECVE 11
#define NR32_EXECVEAT 358
#define NR64_CLONE 56
#define NR64_FORK 57
#define NR64_VFORK 58
#define NR32_FORK 2
#define NR32_CLONE 120
#define NR32_VFORK 190
#define NR_CLONE3 435	/* the same in both tables */

/* Configuration, set by the loader before load; the verifier drops dead branches. */
const volatile __u32 self_tgid = 0;		/* never traced */
const volatile bool filter_targets = false;	/* only tgids in the targets map */
const volatile bool follow_forks = false;	/* -f: children of targets become targets */
const volatile bool filter_comm = false;	/* --comm: only threads named target_comm */
const volatile char target_comm[SYSOBS_COMM_LEN] = {};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SYSOBS_NR_ABIS * SYSOBS_NR_SLOTS);
	__type(key, __u32);
	__type(value, struct sysobs_stat);
} sysobs_stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, SYSOBS_OTHER_MAX);
	__type(key, struct sysobs_other_key);
	__type(value, struct sysobs_stat);
} sysobs_other SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SYSOBS_NR_COUNTERS);
	__type(key, __u32);
	__type(value, __u64);
} sysobs_counters SEC(".maps");

/* tgid -> enum sysobs_target_state; max_entries is set by the loader. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8192);
	__type(key, __u32);
	__type(value, __u32);
} sysobs_targets SEC(".maps");

/* Freed by the kernel with the task: no entry outlives its thread. */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct sysobs_inflight);
} sysobs_inflight SEC(".maps");

static __always_inline void count_loss(__u32 cause)
{
	__u64 *v = bpf_map_lookup_elem(&sysobs_counters, &cause);

	if (v)
		*v += 1;
}

static __always_inline __u32 task_abi(struct task_struct *task)
{
	/*
	 * TS_COMPAT is set for the duration of each 32-bit syscall. task comes
	 * from bpf_get_current_task_btf(): a direct (CO-RE relocated) load.
	 */
	return task->thread_info.status & TS_COMPAT ?
		       SYSOBS_ABI_32 : SYSOBS_ABI_64;
}

static __always_inline bool is_noreturn(__u32 abi, long nr)
{
	if (abi == SYSOBS_ABI_64)
		return nr == NR64_EXIT || nr == NR64_EXIT_GROUP;
	return nr == NR32_EXIT || nr == NR32_EXIT_GROUP;
}

static __always_inline bool is_exec(__u32 abi, long nr)
{
	if (abi == SYSOBS_ABI_64)
		return nr == NR64_EXECVE || nr == NR64_EXECVEAT;
	return nr == NR32_EXECVE || nr == NR32_EXECVEAT;
}

static __always_inline bool is_fork(__u32 abi, long nr)
{
	if (nr == NR_CLONE3)
		return true;
	if (abi == SYSOBS_ABI_64)
		return nr == NR64_CLONE || nr == NR64_FORK || nr == NR64_VFORK;
	return nr == NR32_CLONE || nr == NR32_FORK || nr == NR32_VFORK;
}

/* floor(log2(v)), 0 for v == 0, without loops. */
static __always_inline __u32 log2_u64(__u64 v)
{
	__u32 r, s;

	r = (v > 0xFFFFFFFFULL) << 5; v >>= r;
	s = (v > 0xFFFF) << 4; v >>= s; r |= s;
	s = (v > 0xFF) << 3; v >>= s; r |= s;
	s = (v > 0xF) << 2; v >>= s; r |= s;
	s = (v > 0x3) << 1; v >>= s; r |= s;
	return r | (__u32)(v >> 1);
}

#include "groups.bpf.h"

static __always_inline struct sysobs_stat *stat_slot(__u32 abi, long nr)
{
	static const struct sysobs_stat zero;
	struct sysobs_other_key okey = { .abi = abi, .nr = (__s32)nr };
	struct sysobs_stat *s;
	__u32 key;

	if ((unsigned long)nr < SYSOBS_NR_SLOTS) {
		key = abi * SYSOBS_NR_SLOTS + (__u32)nr;
		return bpf_map_lookup_elem(&sysobs_stats, &key);
	}
	s = bpf_map_lookup_elem(&sysobs_other, &okey);
	if (s)
		return s;
	bpf_map_update_elem(&sysobs_other, &okey, &zero, BPF_NOEXIST);
	s = bpf_map_lookup_elem(&sysobs_other, &okey);
	if (!s)
		count_loss(SYSOBS_CNT_STATS_OVERFLOW);
	return s;
}

static __always_inline bool comm_matches(void)
{
	char comm[SYSOBS_COMM_LEN];
	int i;

	if (!filter_comm)
		return true;
	bpf_get_current_comm(comm, sizeof(comm));
	for (i = 0; i < SYSOBS_COMM_LEN; i++) {
		if (comm[i] != target_comm[i])
			return false;
		if (!comm[i])
			break;
	}
	return true;
}

/*
 * The checks every hook shares: not sysobs itself, inside the group
 * filter and, when targets are filtered, a target. *state is then the
 * target's state, or NULL when every thread group is traced.
 */
static __always_inline bool may_trace(__u32 tgid, __u32 **state)
{
	*state = NULL;
	if (tgid == self_tgid)
		return false;
	if (!group_filter_ok())
		return false;
	if (!filter_targets)
		return true;
	*state = bpf_map_lookup_elem(&sysobs_targets, &tgid);
	return *state != NULL;
}

/*
 * Is this thread group traced at syscall enter? Also switches a launched
 * CMD from "pending" to "active" at its execve, so that none of sysobs's
 * own fork/exec plumbing is counted.
 */
static __always_inline bool traced_at_enter(__u32 tgid, __u32 abi, long nr)
{
	__u32 *state;

	if (!may_trace(tgid, &state))
		return false;
	if (!state || *state == SYSOBS_TARGET_ACTIVE)
		return comm_matches();
	if (!is_exec(abi, nr))
		return false;
	*state = SYSOBS_TARGET_ACTIVE;
	return comm_matches();
}

static __always_inline bool traced_now(__u32 tgid)
{
	__u32 *state;

	return comm_matches() && may_trace(tgid, &state) &&
	       (!state || *state == SYSOBS_TARGET_ACTIVE);
}

static __always_inline void account_call(__u32 abi, long nr, long ret,
					 __u64 duration, bool timed)
{
	struct sysobs_stat *s = stat_slot(abi, nr);
	__u32 b;

	group_account(abi, nr, ret, duration, timed);
	if (!s)
		return;
	s->calls++;
	if (ret < 0 && ret >= -SYSOBS_MAX_ERRNO)
		s->errors++;
	if (!timed)
		return;
	s->total_ns += duration;
	if (s->min_ns == 0 || duration < s->min_ns)
		s->min_ns = duration ? duration : 1;
	if (duration > s->max_ns)
		s->max_ns = duration;
	b = log2_u64(duration);
	if (b >= SYSOBS_HIST_BUCKETS)
		b = SYSOBS_HIST_BUCKETS - 1;
	s->hist[b]++;
}

/*
 * sys_enter: remember when the call started. Calls that never return
 * (exit, exit_group) are counted here. Returns the in-flight slot, or
 * NULL when the call is not traced or not to be timed.
 */
static __always_inline struct sysobs_inflight *
account_enter(struct task_struct *task, long nr, __u32 *abi_out)
{
	__u32 tgid = task->tgid;	/* direct load: cheaper than a helper call */
	struct sysobs_inflight *fl;
	__u32 abi = task_abi(task);

	*abi_out = abi;
	if (!traced_at_enter(tgid, abi, nr))
		return NULL;
	if (is_noreturn(abi, nr)) {
		account_call(abi, nr, 0, 0, false);
		return NULL;
	}
	fl = bpf_task_storage_get(&sysobs_inflight, task, 0,
				  BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!fl) {
		count_loss(SYSOBS_CNT_STATE_LOST);
		return NULL;
	}
	fl->nr = nr;
	fl->abi = abi;
	fl->start_ns = bpf_ktime_get_ns();
	return fl;
}

/*
 * sys_exit: count the call; time it only when its enter was seen. fl is
 * the thread's in-flight slot (NULL if none), looked up by the caller.
 * Returns the duration in ns (0 when untimed) through *duration.
 */
static __always_inline bool account_exit(struct task_struct *task,
					 struct sysobs_inflight *fl, long nr,
					 long ret, __u32 *abi_out,
					 __u64 *duration)
{
	__u64 start = 0;
	__u32 abi;

	*duration = 0;
	if (fl && fl->start_ns && fl->nr == nr) {
		start = fl->start_ns;
		abi = fl->abi;
		nr = fl->nr;
		fl->start_ns = 0;
	} else {
		if (fl)
			fl->start_ns = 0;
		if (!traced_now(bpf_get_current_pid_tgid() >> 32))
			return false;
		abi = task_abi(task);
		/*
		 * A new child's return from fork/clone is not a call of its
		 * own (strace does not count it either): a new task has no
		 * in-flight state, and only the child sees 0 returned.
		 */
		if (!fl && ret == 0 && is_fork(abi, nr))
			return false;
		count_loss(SYSOBS_CNT_UNTIMED);
	}
	*abi_out = abi;
	if (start)
		*duration = bpf_ktime_get_ns() - start;
	account_call(abi, nr, ret, *duration, start != 0);
	return true;
}

/* -f: a new process forked by a target becomes a target. */
static __always_inline void follow_fork(struct task_struct *parent,
					struct task_struct *child)
{
	__u32 ptgid = BPF_CORE_READ(parent, tgid);
	__u32 ctgid = BPF_CORE_READ(child, tgid);
	__u32 active = SYSOBS_TARGET_ACTIVE;
	__u32 *state;

	if (!filter_targets || !follow_forks || ptgid == ctgid)
		return;
	state = bpf_map_lookup_elem(&sysobs_targets, &ptgid);
	if (!state || *state != SYSOBS_TARGET_ACTIVE)
		return;
	if (bpf_map_update_elem(&sysobs_targets, &ctgid, &active, BPF_ANY))
		count_loss(SYSOBS_CNT_TARGET_FULL);
}

/* A target whose last thread exits leaves the targets map. */
static __always_inline void forget_exited(struct task_struct *task)
{
	__u32 tgid = BPF_CORE_READ(task, tgid);

	if (!filter_targets)
		return;
	if (BPF_CORE_READ(task, signal, live.counter) != 0)
		return;
	bpf_map_delete_elem(&sysobs_targets, &tgid);
}

#endif /* SYSOBS_ACCOUNT_BPF_H */
