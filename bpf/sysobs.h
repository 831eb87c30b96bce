/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Types shared by the BPF programs (bpf/) and the loader (user/).
 * Everything here must compile both with clang -target bpf (vmlinux.h
 * types) and with the host compiler (linux/types.h).
 */
#ifndef SYSOBS_H
#define SYSOBS_H

#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

/* ABIs: the syscall table a call went through, detected per call. */
enum sysobs_abi {
	SYSOBS_ABI_64 = 0,	/* x86-64 (syscall_64.tbl) */
	SYSOBS_ABI_32 = 1,	/* i386 / IA32 emulation (syscall_32.tbl) */
	SYSOBS_NR_ABIS = 2,
};

/*
 * Syscall numbers 0..SYSOBS_NR_SLOTS-1 of each ABI index a per-CPU array;
 * any other number (e.g. syscall(1000), x32) goes to a bounded per-CPU
 * hash whose overflow is counted in SYSOBS_CNT_STATS_OVERFLOW.
 */
#define SYSOBS_NR_SLOTS		512
#define SYSOBS_OTHER_MAX	256

/* Latency histogram: bucket b holds durations in [2^b, 2^(b+1)) ns. */
#define SYSOBS_HIST_BUCKETS	40

/* Length of a process name (TASK_COMM_LEN). */
#define SYSOBS_COMM_LEN		16

/* A return value in [-4095, -1] is an error, as the kernel and strace see it. */
#define SYSOBS_MAX_ERRNO	4095

struct sysobs_stat {
	__u64 calls;
	__u64 errors;
	__u64 total_ns;		/* sum of timed calls' durations */
	__u64 min_ns;		/* 0 until the first timed call */
	__u64 max_ns;
	__u64 hist[SYSOBS_HIST_BUCKETS];
};

/* Key of the hash for syscall numbers outside the array. */
struct sysobs_other_key {
	__u32 abi;
	__s32 nr;
};

/*
 * Things that could not be recorded. Kept per CPU, by cause, and always
 * shown in the report when non-zero: nothing is lost silently.
 */
enum sysobs_counter {
	SYSOBS_CNT_STATE_LOST = 0,	/* no in-flight slot for a thread: call not timed */
	SYSOBS_CNT_STATS_OVERFLOW,	/* odd syscall number did not fit the hash */
	SYSOBS_CNT_TARGET_FULL,		/* a child could not be added to the targets */
	SYSOBS_CNT_EVENTS_LOST,		/* live mode: ring buffer full, event dropped */
	SYSOBS_CNT_UNTIMED,		/* exits whose enter was not seen (not timed) */
	SYSOBS_CNT_PROC_OVERFLOW,	/* per-process/cgroup map full */
	SYSOBS_CNT_CAPTURE_CUT,		/* live mode: argument data beyond the per-event room */
	SYSOBS_NR_COUNTERS,
};

/* Value of the targets map (key: tgid). */
enum sysobs_target_state {
	SYSOBS_TARGET_PENDING_EXEC = 1,	/* launched CMD: counting starts at execve */
	SYSOBS_TARGET_ACTIVE = 2,
};

/* Per-thread in-flight state (task-local storage). */
struct sysobs_inflight {
	__u64 start_ns;		/* 0: no enter seen */
	__s32 nr;
	__u32 abi;
	__u64 args[6];		/* live mode: arguments as they were at enter */
	__u32 refetch;		/* live mode: bit i: argument i faulted at enter */
	__u32 pad;
};

/* Per-process accounting (groups.bpf.h): key and value of sysobs_groups. */

/*
 * Kinds of entries in the group map, one bit each in the loader's
 * group_kinds: per process (folded out by userspace once the process has
 * exited), per process name and per cgroup (few, long-lived: never churn).
 */
enum sysobs_group_kind {
	SYSOBS_GROUP_PROCESS = 0,
	SYSOBS_GROUP_COMM = 1,
	SYSOBS_GROUP_CGROUP = 2,
	SYSOBS_NR_GROUP_KINDS = 3,
};

struct sysobs_group_key {
	__u64 id;		/* PROCESS: tgid; CGROUP: cgroup v2 id; COMM: 0 */
	__u64 start_ns;		/* PROCESS: start (boottime ns), which tells a
				 * reused pid from the process that had it */
	char comm[SYSOBS_COMM_LEN];	/* COMM: the process name */
	__u32 kind;		/* enum sysobs_group_kind */
	__u32 abi;
	__s32 nr;
	__u32 pad;
};

struct sysobs_group_val {
	struct sysobs_stat s;
	__u64 cgroup_id;	/* cgroup v2 id at the latest call */
	char comm[SYSOBS_COMM_LEN];	/* process name at the latest call */
};

/*
 * Live tracing: what BPF captures of each argument's memory. The table
 * (one struct sysobs_capspec per ABI and syscall number) is derived from
 * the decoders' signatures in userspace and loaded into a BPF array.
 */
enum sysobs_capture_kind {
	SYSOBS_CAP_NONE = 0,
	SYSOBS_CAP_STR_IN,	/* NUL-terminated string, read at enter (paths) */
	SYSOBS_CAP_BUF_IN,	/* len_arg bytes, read at enter (write's buffer) */
	SYSOBS_CAP_BUF_OUT,	/* ret bytes, read at exit (read's buffer) */
	SYSOBS_CAP_STRUCT_IN,	/* size bytes, read at enter (timespec, sigaction) */
	SYSOBS_CAP_STRUCT_OUT,	/* size bytes, read at exit on success (stat) */
	SYSOBS_CAP_ARGV,	/* NULL-terminated array of strings (execve) */
	SYSOBS_CAP_LEN_IN,	/* size from the int pointed to by len_arg (sockaddr) */
	SYSOBS_CAP_COUNT,	/* a __u32: entries of a NULL-terminated array (envp) */
};

struct sysobs_capspec {
	__u8 kind[6];		/* enum sysobs_capture_kind */
	__u8 len_arg[6];	/* BUF_IN/LEN_IN: index of the length argument */
	__u16 size[6];		/* STRUCT_*: bytes; BUF_*, STR_IN: if not 0,
				 * bytes to capture instead of -s (getdents64's
				 * entries; paths, which strace shows whole) */
};

/* Flags of one captured argument. */
#define SYSOBS_CAPF_TRUNCATED	0x1	/* more bytes than captured */
#define SYSOBS_CAPF_FAULT	0x2	/* unreadable user memory */

/*
 * Live tracing: the records BPF sends through the ring buffer. A call
 * with input captures (paths, write buffers) sends an ENTER record with
 * that data; every call sends an EXIT record with its arguments, result
 * and output captures. exit/exit_group send a NORETURN record at enter.
 * Each record is a struct sysobs_event followed by nr_caps captures,
 * each a struct sysobs_cap_hdr and len bytes.
 */
enum sysobs_event_type {
	SYSOBS_EV_ENTER = 1,
	SYSOBS_EV_EXIT,
	SYSOBS_EV_NORETURN,
	SYSOBS_EV_TASK_EXIT,	/* a traced thread ended: ret holds exit_code */
	SYSOBS_EV_SIGNAL,	/* a signal delivered to a traced thread: nr holds
				 * the signal, args the kernel's siginfo */
};

/*
 * SIGNAL records: args[] holds the first SYSOBS_SIGINFO_SIZE bytes of the
 * kernel's struct kernel_siginfo (the whole of it on 64-bit kernels):
 * si_signo, si_errno, si_code, then the union at offset 16.
 */
#define SYSOBS_SIGINFO_SIZE	48

#define SYSOBS_COMM_LEN		16
#define SYSOBS_SELECT_WORDS	(SYSOBS_NR_SLOTS / 64)	/* -e trace= bitmap, per ABI */

/* -e status=, -z, -Z */
enum sysobs_status_filter {
	SYSOBS_STATUS_ALL = 0,
	SYSOBS_STATUS_SUCCESSFUL,
	SYSOBS_STATUS_FAILED,
};
#define SYSOBS_CAP_MAX		4096	/* bytes of one captured argument */
#define SYSOBS_DATA_MAX		8192	/* bytes of captures in one record */
#define SYSOBS_ARGV_MAX		32	/* execve arguments captured */
#define SYSOBS_COUNT_MAX	1024	/* CAP_COUNT: entries counted, then TRUNCATED */

struct sysobs_event {
	__u8 type;		/* enum sysobs_event_type */
	__u8 abi;
	__u8 nr_caps;
	__u8 cpu_hi;		/* cpu >> 8 */
	__u8 cpu;		/* cpu & 0xff */
	__u8 flags;		/* SYSOBS_EVF_* */
	__u16 pad;
	__u32 tid;
	__u32 tgid;
	__s32 nr;
	__u64 lost_seq;		/* this CPU's events-lost counter when sent */
	__u64 start_ns;		/* CLOCK_MONOTONIC of the enter, 0: unknown */
	__u64 end_ns;		/* CLOCK_MONOTONIC of the exit */
	__s64 ret;
	__u64 args[6];
	char comm[SYSOBS_COMM_LEN];	/* filled when comm_wanted */
};

#define SYSOBS_EVF_GROUP_DEAD	0x1	/* TASK_EXIT: last thread of its process */

/*
 * One captured argument inside a record. STR_IN: the string without its
 * NUL, at most -s bytes (or the spec's size), TRUNCATED if longer. BUF_*: at most -s bytes (or
 * the spec's size), TRUNCATED if the length (or return value) was larger;
 * no capture at all when the call failed. ARGV: up to SYSOBS_ARGV_MAX
 * strings, each with its NUL and at most -s + 1 bytes (longer than -s:
 * the decoder adds "..."), TRUNCATED if more elements followed. COUNT:
 * a __u32, TRUNCATED past SYSOBS_COUNT_MAX. FAULT:
 * unreadable (or NULL) pointer, len 0: the decoder prints the address.
 */
struct sysobs_cap_hdr {
	__u8 arg;		/* argument index 0..5 */
	__u8 flags;		/* SYSOBS_CAPF_* */
	__u16 len;		/* bytes that follow */
};

#endif /* SYSOBS_H */
