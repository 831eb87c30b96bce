/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-process, per-name and per-cgroup accounting (-P, --by-cgroup,
 * --metrics-by) and the cgroup filter (--cgroup). Included by
 * account.bpf.h. Everything is off by default: with group_kinds 0 and
 * filter_cgroup false the verifier removes this code, so the plain summary
 * hot path gains no map lookup.
 *
 * One hash map holds (group, ABI, syscall) entries of the enabled kinds.
 * Per-process entries are folded into userspace tables and deleted once
 * their process has exited, so the map only holds live processes; name
 * and cgroup entries are few and long-lived. A full map is counted
 * (SYSOBS_CNT_PROC_OVERFLOW), never silently skipped.
 */
#ifndef SYSOBS_GROUPS_BPF_H
#define SYSOBS_GROUPS_BPF_H

const volatile __u32 group_kinds = 0;		/* bit (1 << enum sysobs_group_kind) */
const volatile bool filter_cgroup = false;	/* only tasks under sysobs_cgroup[0] */

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 16384);	/* set by the loader */
	__type(key, struct sysobs_group_key);
	__type(value, struct sysobs_group_val);
} sysobs_groups SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_CGROUP_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} sysobs_cgroup SEC(".maps");

/* --cgroup: is the current task in the cgroup or one of its descendants? */
static __always_inline bool group_filter_ok(void)
{
	if (!filter_cgroup)
		return true;
	return bpf_current_task_under_cgroup(&sysobs_cgroup, 0) == 1;
}

static __always_inline struct sysobs_group_val *
group_slot(struct sysobs_group_key *key)
{
	static const struct sysobs_group_val zero;
	struct sysobs_group_val *v;
	long err;

	v = bpf_map_lookup_elem(&sysobs_groups, key);
	if (v)
		return v;
	err = bpf_map_update_elem(&sysobs_groups, key, &zero, BPF_NOEXIST);
	v = bpf_map_lookup_elem(&sysobs_groups, key);
	if (!v && err)
		count_loss(SYSOBS_CNT_PROC_OVERFLOW);
	return v;
}

/*
 * Add one call to the entry of key. Counters are atomic adds (threads and
 * processes share entries); min/max, name and cgroup are plain stores: a
 * race between CPUs may keep a slightly wrong min/max, never a wrong count.
 */
static __always_inline void group_add(struct sysobs_group_key *key,
				      const char *comm, __u64 cgroup_id,
				      long ret, __u64 duration, bool timed)
{
	struct sysobs_group_val *v = group_slot(key);
	__u32 b;

	if (!v)
		return;
	__sync_fetch_and_add(&v->s.calls, 1);
	if (ret < 0 && ret >= -SYSOBS_MAX_ERRNO)
		__sync_fetch_and_add(&v->s.errors, 1);
	/* the process name changes at execve: keep the latest */
	__builtin_memcpy(v->comm, comm, SYSOBS_COMM_LEN);
	v->cgroup_id = cgroup_id;
	if (!timed)
		return;
	__sync_fetch_and_add(&v->s.total_ns, duration);
	if (v->s.min_ns == 0 || duration < v->s.min_ns)
		v->s.min_ns = duration ? duration : 1;
	if (duration > v->s.max_ns)
		v->s.max_ns = duration;
	b = log2_u64(duration);
	if (b >= SYSOBS_HIST_BUCKETS)
		b = SYSOBS_HIST_BUCKETS - 1;
	__sync_fetch_and_add(&v->s.hist[b], 1);
}

static __always_inline void group_account_on(__u32 abi, long nr, long ret,
					     __u64 duration, bool timed)
{
	struct sysobs_group_key key = { .abi = abi, .nr = (__s32)nr };
	struct task_struct *leader;
	char comm[SYSOBS_COMM_LEN] = {};
	__u64 cgroup_id;

	leader = BPF_CORE_READ((struct task_struct *)bpf_get_current_task(),
			       group_leader);
	bpf_core_read_str(comm, sizeof(comm), &leader->comm);
	cgroup_id = bpf_get_current_cgroup_id();
	if (group_kinds & (1U << SYSOBS_GROUP_PROCESS)) {
		key.kind = SYSOBS_GROUP_PROCESS;
		key.id = bpf_get_current_pid_tgid() >> 32;
		key.start_ns = BPF_CORE_READ(leader, start_boottime);
		group_add(&key, comm, cgroup_id, ret, duration, timed);
		key.start_ns = 0;
	}
	if (group_kinds & (1U << SYSOBS_GROUP_CGROUP)) {
		key.kind = SYSOBS_GROUP_CGROUP;
		key.id = cgroup_id;
		group_add(&key, comm, cgroup_id, ret, duration, timed);
	}
	if (group_kinds & (1U << SYSOBS_GROUP_COMM)) {
		key.kind = SYSOBS_GROUP_COMM;
		key.id = 0;
		__builtin_memcpy(key.comm, comm, SYSOBS_COMM_LEN);
		group_add(&key, comm, cgroup_id, ret, duration, timed);
	}
}

/*
 * The hook account_call calls. The locals live in group_account_on, so
 * that nothing (not even zeroing the key) runs before the switch is
 * tested: with group_kinds 0 the default path keeps its cost.
 */
static __always_inline void group_account(__u32 abi, long nr, long ret,
					  __u64 duration, bool timed)
{
	if (group_kinds)
		group_account_on(abi, nr, ret, duration, timed);
}

#endif /* SYSOBS_GROUPS_BPF_H */
