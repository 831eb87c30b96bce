// SPDX-License-Identifier: GPL-2.0
/*
 * The sysobs BPF object: raw_syscalls sys_enter/sys_exit handlers that
 * count, time and bucket every traced syscall in per-CPU maps (summary),
 * plus the process lifecycle hooks that keep the target set current.
 * Userspace reads the maps; nothing is sent per event in summary mode.
 */
#include "account.bpf.h"
#include "live.bpf.h"

char LICENSE[] SEC("license") = "GPL";

/* direct: regs is a BTF pointer (tp_btf) that can be read without helpers. */
static __always_inline void on_enter(struct pt_regs *regs, long id, bool direct)
{
	struct sysobs_inflight *fl;
	__u32 abi;

	fl = account_enter(bpf_get_current_task_btf(), id, &abi);
	live_enter(regs, direct, fl, id, abi);
}

static __always_inline void on_exit(struct pt_regs *regs, long ret, bool direct)
{
	struct task_struct *task = bpf_get_current_task_btf();
	long nr = direct ? regs->orig_ax : BPF_CORE_READ(regs, orig_ax);
	struct sysobs_inflight *fl;
	__u64 duration, start;
	__u32 abi;

	fl = bpf_task_storage_get(&sysobs_inflight, task, 0, 0);
	/*
	 * The call seen at enter, where the exit's number differs:
	 * rt_sigreturn restores the registers (orig_ax reads -1 at its exit),
	 * and an exec into the other ABI rewrites orig_ax (execve 59 returns
	 * as i386 execve 11, and back).
	 */
	if (fl && fl->start_ns && (nr == -1 || is_exec(fl->abi, fl->nr)))
		nr = fl->nr;
	start = fl && fl->nr == nr ? fl->start_ns : 0;
	if (account_exit(task, fl, nr, ret, &abi, &duration))
		live_exit(regs, direct, fl, nr, ret, abi, start, duration);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(sysobs_enter, struct pt_regs *regs, long id)
{
	on_enter(regs, id, true);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sysobs_exit, struct pt_regs *regs, long ret)
{
	on_exit(regs, ret, true);
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
	live_task_exit(task);
	forget_exited(task);
	return 0;
}

/* Live mode only (the loader leaves it out otherwise): "--- SIGxxx {...} ---". */
SEC("tp_btf/signal_deliver")
int BPF_PROG(sysobs_signal, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
	live_signal(sig, info);
	return 0;
}

/*
 * raw_tp twins, loaded only where tp_btf cannot be: like tp_btf they need
 * no tracefs. Their regs are read with BPF_CORE_READ (tp_btf loads directly).
 */
SEC("raw_tp/sys_enter")
int BPF_PROG(sysobs_raw_enter, struct pt_regs *regs, long id)
{
	on_enter(regs, id, false);
	return 0;
}

SEC("raw_tp/sys_exit")
int BPF_PROG(sysobs_raw_exit, struct pt_regs *regs, long ret)
{
	on_exit(regs, ret, false);
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
	live_task_exit(task);
	forget_exited(task);
	return 0;
}

SEC("raw_tp/signal_deliver")
int BPF_PROG(sysobs_raw_signal, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
	live_signal(sig, info);
	return 0;
}
