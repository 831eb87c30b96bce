// SPDX-License-Identifier: GPL-2.0
/*
 * The sysobs BPF object: raw_syscalls sys_enter/sys_exit handlers that
 * count, time and bucket every traced syscall in per-CPU maps (summary),
 * plus the process lifecycle hooks that keep the target set current.
 * Userspace reads the maps; nothing is sent per event in summary mode.
 */
#include "account.bpf.h"

char LICENSE[] SEC("license") = "GPL";

static __always_inline void on_enter(struct pt_regs *regs, long id)
{
	__u32 abi;

	account_enter(bpf_get_current_task_btf(), id, &abi);
}

static __always_inline void on_exit(long nr, long ret)
{
	__u64 duration;
	__u32 abi;

	account_exit(bpf_get_current_task_btf(), nr, ret, &abi, &duration);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(sysobs_enter, struct pt_regs *regs, long id)
{
	on_enter(regs, id);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sysobs_exit, struct pt_regs *regs, long ret)
{
	on_exit(regs->orig_ax, ret);	/* tp_btf: regs is a BTF pointer */
	return 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(sysobs_fork, struct task_struct *parent, struct task_struct *child)
{
	follow_fork(parent, child);
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(sysobs_pexit, struct task_struct *task)
{
	forget_exited(task);
	return 0;
}

/*
 * raw_tp twins, loaded only where tp_btf cannot be: like tp_btf they need
 * no tracefs. Their arguments are plain pointers: read with BPF_CORE_READ.
 */
SEC("raw_tp/sys_enter")
int BPF_PROG(sysobs_raw_enter, struct pt_regs *regs, long id)
{
	on_enter(regs, id);
	return 0;
}

SEC("raw_tp/sys_exit")
int BPF_PROG(sysobs_raw_exit, struct pt_regs *regs, long ret)
{
	on_exit(BPF_CORE_READ(regs, orig_ax), ret);
	return 0;
}

SEC("raw_tp/sched_process_fork")
int BPF_PROG(sysobs_raw_fork, struct task_struct *parent, struct task_struct *child)
{
	follow_fork(parent, child);
	return 0;
}

SEC("raw_tp/sched_process_exit")
int BPF_PROG(sysobs_raw_pexit, struct task_struct *task)
{
	forget_exited(task);
	return 0;
}
