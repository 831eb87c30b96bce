/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Live tracing (sysobs without -c): one record per syscall through a ring
 * buffer. Everything here is behind `live_mode`, a load-time constant, so
 * in summary mode the verifier drops it and the hot path is the
 * accounting alone.
 *
 * Cost rules: the arguments are saved in the task-local in-flight state
 * at enter (no record); a call sends an ENTER record only when it has
 * input memory to capture (a path, a write buffer), and its main record
 * at exit. A record that does not fit the ring is counted per CPU, and
 * the next record of that CPU carries the count so that userspace shows
 * the loss where it happened.
 */
#ifndef SYSOBS_LIVE_BPF_H
#define SYSOBS_LIVE_BPF_H

#include "account.bpf.h"

const volatile bool live_mode = false;
const volatile bool live_select = false;	/* -e trace=: only calls in the bitmap */
const volatile bool comm_wanted = false;	/* --json: records carry comm */
const volatile __u32 string_limit = 32;		/* -s N, at most SYSOBS_CAP_MAX - 2 */
const volatile __u32 status_filter = 0;		/* enum sysobs_status_filter */
const volatile __u64 wakeup_bytes = 1;
const volatile __u64 signal_mask = ~0ULL;	/* -e signal=: bit sig - 1 */		/* wake the reader past this much data */

/* Sized by the loader (--buffer-size). */
struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} sysobs_events SEC(".maps");

/*
 * Bitmaps indexed like sysobs_stats (bit nr % 64 of word abi *
 * SYSOBS_SELECT_WORDS + nr / 64), set by the loader before load: plain
 * global arrays, so a check is a load, not a map lookup. select_bits:
 * -e trace=; enter_caps / exit_caps: calls with captures at that phase.
 */
__u64 select_bits[SYSOBS_NR_ABIS * SYSOBS_SELECT_WORDS];
__u64 enter_caps[SYSOBS_NR_ABIS * SYSOBS_SELECT_WORDS];
__u64 exit_caps[SYSOBS_NR_ABIS * SYSOBS_SELECT_WORDS];

static __always_inline bool bit_of(const __u64 *bits, __u32 abi, long nr)
{
	__u32 word;

	if ((unsigned long)nr >= SYSOBS_NR_SLOTS || abi >= SYSOBS_NR_ABIS)
		return false;
	word = abi * SYSOBS_SELECT_WORDS + (__u32)nr / 64;
	/* checked above; the mask tells the verifier */
	asm volatile("" : "+r"(word));
	word &= SYSOBS_NR_ABIS * SYSOBS_SELECT_WORDS - 1;
	return (bits[word] >> (nr % 64)) & 1;
}

/* What to capture of each argument, from decode_capture_specs(). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SYSOBS_NR_ABIS * SYSOBS_NR_SLOTS);
	__type(key, __u32);
	__type(value, struct sysobs_capspec);
} sysobs_capspecs SEC(".maps");

/* A record with captures is built here, then copied into the ring. */
struct live_scratch {
	/* in the map, not a register: no verifier state per bit */
	__u32 refetch;
	__u32 at_exit;		/* the phase being captured */
	struct sysobs_event ev;
	__u8 data[2 * SYSOBS_DATA_MAX + 2 * SYSOBS_CAP_MAX + 8];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct live_scratch);
} sysobs_scratch SEC(".maps");

/*
 * No wakeup per record (an irq_work on the traced thread's CPU): the
 * reader polls every few ms, and is woken only when the ring fills up.
 */
static __always_inline __u64 wakeup_flag(void)
{
	return bpf_ringbuf_query(&sysobs_events, BPF_RB_AVAIL_DATA) >= wakeup_bytes ?
		       BPF_RB_FORCE_WAKEUP : BPF_RB_NO_WAKEUP;
}

/* Read one syscall argument of the given ABI from the saved registers. */
#define LIVE_REG(regs, direct, field) \
	((direct) ? (__u64)(regs)->field : (__u64)BPF_CORE_READ(regs, field))

static __always_inline void live_read_args(struct pt_regs *regs, bool direct,
					   __u32 abi, __u64 *args)
{
	if (abi == SYSOBS_ABI_64) {
		args[0] = LIVE_REG(regs, direct, di);
		args[1] = LIVE_REG(regs, direct, si);
		args[2] = LIVE_REG(regs, direct, dx);
		args[3] = LIVE_REG(regs, direct, r10);
		args[4] = LIVE_REG(regs, direct, r8);
		args[5] = LIVE_REG(regs, direct, r9);
	} else {
		args[0] = (__u32)LIVE_REG(regs, direct, bx);
		args[1] = (__u32)LIVE_REG(regs, direct, cx);
		args[2] = (__u32)LIVE_REG(regs, direct, dx);
		args[3] = (__u32)LIVE_REG(regs, direct, si);
		args[4] = (__u32)LIVE_REG(regs, direct, di);
		args[5] = (__u32)LIVE_REG(regs, direct, bp);
	}
}

static __always_inline bool live_selected(__u32 abi, long nr)
{
	return !live_select || bit_of(select_bits, abi, nr);
}

static __always_inline const struct sysobs_capspec *live_spec(__u32 abi, long nr)
{
	__u32 key;

	if ((unsigned long)nr >= SYSOBS_NR_SLOTS)
		return NULL;
	key = abi * SYSOBS_NR_SLOTS + (__u32)nr;
	return bpf_map_lookup_elem(&sysobs_capspecs, &key);
}

static __always_inline bool is_error(long ret)
{
	return ret < 0 && ret >= -SYSOBS_MAX_ERRNO;
}

static __always_inline bool status_wanted(long ret)
{
	if (status_filter == SYSOBS_STATUS_SUCCESSFUL)
		return !is_error(ret);
	if (status_filter == SYSOBS_STATUS_FAILED)
		return is_error(ret);
	return true;
}

static __always_inline void live_fill(struct sysobs_event *ev, __u8 type,
				      __u32 abi, long nr)
{
	__u64 id = bpf_get_current_pid_tgid();
	__u32 cpu = bpf_get_smp_processor_id();
	__u32 key = SYSOBS_CNT_EVENTS_LOST;
	__u64 *lost = bpf_map_lookup_elem(&sysobs_counters, &key);

	ev->type = type;
	ev->abi = abi;
	ev->nr_caps = 0;
	ev->cpu = cpu & 0xff;
	ev->cpu_hi = cpu >> 8;
	ev->flags = 0;
	ev->pad = 0;
	ev->tid = (__u32)id;
	ev->tgid = id >> 32;
	ev->nr = nr;
	ev->lost_seq = lost ? *lost : 0;
	if (comm_wanted)
		bpf_get_current_comm(ev->comm, sizeof(ev->comm));
}

/* Does the spec have anything to read in this phase? */
static __always_inline bool kind_at_enter(__u8 kind)
{
	return kind == SYSOBS_CAP_STR_IN || kind == SYSOBS_CAP_BUF_IN ||
	       kind == SYSOBS_CAP_STRUCT_IN || kind == SYSOBS_CAP_ARGV ||
	       kind == SYSOBS_CAP_LEN_IN || kind == SYSOBS_CAP_COUNT;
}

static __always_inline bool kind_at_exit(__u8 kind)
{
	return kind == SYSOBS_CAP_BUF_OUT || kind == SYSOBS_CAP_STRUCT_OUT;
}

/* Bytes to capture of a buffer of len bytes: -s N unless the spec says. */
static __always_inline __u32 buf_room(const struct sysobs_capspec *spec, int i,
				      __u64 len, __u8 *flags)
{
	__u64 room = spec->size[i] ? spec->size[i] : string_limit;

	if (room > SYSOBS_CAP_MAX)
		room = SYSOBS_CAP_MAX;
	if (len > room) {
		*flags |= SYSOBS_CAPF_TRUNCATED;
		return room;
	}
	return len;
}

/*
 * A NUL-terminated string: up to limit bytes (-s N, or the spec's size:
 * paths are shown whole, as strace does), TRUNCATED when longer.
 */
static __always_inline __u32 cap_str(__u8 *dst, __u64 ptr, __u8 *flags, __u32 limit)
{
	__u32 size;
	long n;

	if (limit > SYSOBS_CAP_MAX - 2)
		limit = SYSOBS_CAP_MAX - 2;
	size = limit + 2;	/* one more byte than shown, and the NUL */
	asm volatile("" : "+r"(size));
	size &= 2 * SYSOBS_CAP_MAX - 1;	/* a no-op: tells the verifier the bound */
	n = bpf_probe_read_user_str(dst, size, (const void *)ptr);
	if (n <= 0) {
		*flags |= SYSOBS_CAPF_FAULT;
		return 0;
	}
	n--;			/* the NUL */
	if (n > limit) {
		*flags |= SYSOBS_CAPF_TRUNCATED;
		n = limit;
	}
	return n;
}

/* execve's argv: up to SYSOBS_ARGV_MAX strings, each kept with its NUL. */
static __always_inline __u32 cap_argv(__u8 *dst, __u64 ptr, __u32 abi, __u8 *flags)
{
	__u32 pos = 0, size = string_limit + 2;
	__u64 elem;
	long n;
	int j;

	if (size > SYSOBS_CAP_MAX / 4)
		size = SYSOBS_CAP_MAX / 4;
	for (j = 0; j < SYSOBS_ARGV_MAX; j++) {
		elem = 0;
		if (abi == SYSOBS_ABI_64)
			n = bpf_probe_read_user(&elem, 8, (const void *)(ptr + 8 * j));
		else
			n = bpf_probe_read_user(&elem, 4, (const void *)(ptr + 4 * j));
		if (n) {
			*flags |= SYSOBS_CAPF_FAULT;
			return pos;
		}
		if (!elem)
			return pos;
		if (pos > SYSOBS_CAP_MAX - SYSOBS_CAP_MAX / 4)
			break;
		n = bpf_probe_read_user_str(dst + pos, size, (const void *)elem);
		if (n <= 0) {
			*flags |= SYSOBS_CAPF_FAULT;
			return pos;
		}
		pos += n;
	}
	*flags |= SYSOBS_CAPF_TRUNCATED;
	return pos;
}

/* envp: how many entries, without reading them (strace's "N vars"). */
static __always_inline __u32 cap_count(__u8 *dst, __u64 ptr, __u32 abi, __u8 *flags)
{
	__u32 n, step = abi == SYSOBS_ABI_64 ? 8 : 4;
	__u64 elem;

	for (n = 0; n < SYSOBS_COUNT_MAX; n++) {
		elem = 0;
		if (bpf_probe_read_user(&elem, step & 12, (const void *)(ptr + n * step))) {
			*flags |= SYSOBS_CAPF_FAULT;
			return 0;
		}
		if (!elem)
			break;
	}
	if (n == SYSOBS_COUNT_MAX)
		*flags |= SYSOBS_CAPF_TRUNCATED;
	__builtin_memcpy(dst, &n, sizeof(n));
	return sizeof(n);
}

/* Fixed-size memory (a struct, or a length read from user memory). */
static __always_inline __u32 cap_mem(__u8 *dst, __u64 ptr, __u32 len, __u8 *flags)
{
	if (len > SYSOBS_CAP_MAX) {
		len = SYSOBS_CAP_MAX;
		*flags |= SYSOBS_CAPF_TRUNCATED;
	}
	if (len && bpf_probe_read_user(dst, len, (const void *)ptr)) {
		*flags |= SYSOBS_CAPF_FAULT;
		return 0;
	}
	return len;
}

/* args[i] for an index read from a map, in a form the verifier accepts. */
static __always_inline __u64 arg_at(const __u64 *args, __u8 i)
{
	switch (i) {
	case 0: return args[0];
	case 1: return args[1];
	case 2: return args[2];
	case 3: return args[3];
	case 4: return args[4];
	case 5: return args[5];
	}
	return 0;
}

/*
 * Capture argument i into data + off; returns the bytes used, 0 if none.
 * A global function: the verifier checks it once, not once per argument
 * and per path, which keeps the programs far under its limits.
 */
__noinline int live_cap_arg(struct live_scratch *sc, __u32 offset, __u32 arg,
			    const struct sysobs_capspec *spec)
{
	__u32 i = arg, off = offset;
	struct sysobs_cap_hdr *hdr;
	__u8 kind, flags = 0, *dst;
	__u32 len = 0, ilen = 0;
	__u64 lenval, ptr;
	bool at_exit;
	long ret;

	asm volatile("" : "+r"(i));	/* one checked register for every use */
	asm volatile("" : "+r"(off));
	if (!sc || !spec || i > 5)
		return 0;
	at_exit = sc->at_exit;
	ret = sc->ev.ret;
	kind = spec->kind[i];
	if (at_exit ? !kind_at_exit(kind) && !(sc->refetch & (1 << i)) :
		      !kind_at_enter(kind))
		return 0;
	if (off > SYSOBS_DATA_MAX) {
		count_loss(SYSOBS_CNT_CAPTURE_CUT);
		return 0;
	}
	/* failed: nothing was written, the decoder shows the address */
	if ((kind == SYSOBS_CAP_BUF_OUT || kind == SYSOBS_CAP_STRUCT_OUT) && is_error(ret))
		return 0;
	ptr = sc->ev.args[i];
	lenval = arg_at(sc->ev.args, spec->len_arg[i]);
	asm volatile("" : "+r"(off));
	off &= 2 * SYSOBS_DATA_MAX - 1;	/* no-op (off <= DATA_MAX): for the verifier */
	hdr = (void *)&sc->data[off];
	dst = &sc->data[off + sizeof(*hdr)];
	if (!ptr) {
		flags = SYSOBS_CAPF_FAULT;	/* NULL: the decoder prints it */
	} else if (kind == SYSOBS_CAP_STR_IN) {
		len = cap_str(dst, ptr, &flags,
			      spec->size[i] ? spec->size[i] : string_limit);
	} else if (kind == SYSOBS_CAP_BUF_IN) {
		len = cap_mem(dst, ptr, buf_room(spec, i, lenval, &flags), &flags);
	} else if (kind == SYSOBS_CAP_BUF_OUT) {
		if (ret > 0)
			len = cap_mem(dst, ptr, buf_room(spec, i, ret, &flags), &flags);
	} else if (kind == SYSOBS_CAP_STRUCT_IN) {
		len = cap_mem(dst, ptr, spec->size[i], &flags);
	} else if (kind == SYSOBS_CAP_STRUCT_OUT) {
		if (!is_error(ret))
			len = cap_mem(dst, ptr, spec->size[i], &flags);
	} else if (kind == SYSOBS_CAP_ARGV) {
		len = cap_argv(dst, ptr, sc->ev.abi, &flags);
	} else if (kind == SYSOBS_CAP_COUNT) {
		len = cap_count(dst, ptr, sc->ev.abi, &flags);
	} else if (kind == SYSOBS_CAP_LEN_IN) {
		if (bpf_probe_read_user(&ilen, 4, (const void *)lenval))
			flags = SYSOBS_CAPF_FAULT;
		else
			len = cap_mem(dst, ptr, ilen, &flags);
	}
	/* a page not faulted in yet: the kernel will have read it by exit */
	if (!at_exit && (flags & SYSOBS_CAPF_FAULT) && ptr)
		sc->refetch |= 1 << i;
	hdr->arg = i;
	hdr->flags = flags;
	hdr->len = len;
	sc->ev.nr_caps++;
	return sizeof(*hdr) + (len & (SYSOBS_CAP_MAX * 2 - 1));
}

/*
 * Send a record with the captures of one phase. refetch: at enter, set to
 * the arguments that faulted; at exit, the ones to read again.
 */
static __always_inline void live_send_captures(__u8 type, __u32 abi, long nr,
					       const struct sysobs_capspec *spec,
					       const __u64 *args, long ret,
					       __u64 start, __u64 end,
					       __u32 *refetch)
{
	__u32 zero = 0, off = 0;
	struct live_scratch *sc = bpf_map_lookup_elem(&sysobs_scratch, &zero);
	bool at_exit = type != SYSOBS_EV_ENTER;
	int i, used;

	if (!sc)
		return;
	live_fill(&sc->ev, type, abi, nr);
	sc->refetch = at_exit ? *refetch : 0;
	sc->at_exit = at_exit;
	sc->ev.start_ns = start;
	sc->ev.end_ns = end;
	sc->ev.ret = ret;
	for (i = 0; i < 6; i++)
		sc->ev.args[i] = args[i];
	for (i = 0; i < 6; i++) {
		used = live_cap_arg(sc, off, i, spec);
		asm volatile("" : "+r"(used));
		if (used < 0 || used > 2 * SYSOBS_CAP_MAX + 4)
			return;
		off += used;
	}
	/* off <= SYSOBS_DATA_MAX + 4 + SYSOBS_CAP_MAX: the mask only tells the verifier */
	asm volatile("" : "+r"(off));	/* keep clang from dropping the mask */
	off &= 2 * SYSOBS_DATA_MAX - 1;
	*refetch = sc->refetch;
	if (bpf_ringbuf_output(&sysobs_events, &sc->ev, sizeof(sc->ev) + off,
			       wakeup_flag()))
		count_loss(SYSOBS_CNT_EVENTS_LOST);
}

/* A record without captures: written in place in the ring. */
static __always_inline void live_send_plain(__u8 type, __u32 abi, long nr,
					    const __u64 *args, long ret,
					    __u64 start, __u64 end)
{
	struct sysobs_event *ev;
	int i;

	ev = bpf_ringbuf_reserve(&sysobs_events, sizeof(*ev), 0);
	if (!ev) {
		count_loss(SYSOBS_CNT_EVENTS_LOST);
		return;
	}
	live_fill(ev, type, abi, nr);
	ev->start_ns = start;
	ev->end_ns = end;
	ev->ret = ret;
	for (i = 0; i < 6; i++)
		ev->args[i] = args[i];
	bpf_ringbuf_submit(ev, wakeup_flag());
}

/*
 * sys_enter, after the accounting: fl is the in-flight slot (NULL for
 * calls that never return, untraced calls, or when no slot was free).
 */
static __always_inline void live_enter(struct pt_regs *regs, bool direct,
				       struct sysobs_inflight *fl, long nr, __u32 abi)
{
	const struct sysobs_capspec *spec;
	__u64 args[6];

	if (!live_mode)
		return;
	if (!fl) {
		/* exit/exit_group: their only record, sent now */
		if (!is_noreturn(abi, nr) || status_filter ||
		    !traced_now(bpf_get_current_pid_tgid() >> 32) ||
		    !live_selected(abi, nr))
			return;
		live_read_args(regs, direct, abi, args);
		live_send_plain(SYSOBS_EV_NORETURN, abi, nr, args, 0,
				bpf_ktime_get_ns(), 0);
		return;
	}
	live_read_args(regs, direct, abi, fl->args);
	fl->refetch = 0;
	if (!live_selected(abi, nr))
		return;
	if (!bit_of(enter_caps, abi, nr))
		return;
	spec = live_spec(abi, nr);
	if (spec)
		live_send_captures(SYSOBS_EV_ENTER, abi, nr, spec, fl->args, 0,
				   fl->start_ns, 0, &fl->refetch);
	if (is_exec(abi, nr))
		fl->refetch = 0;	/* after exec, that memory is another program's */
}

/*
 * sys_exit, after the accounting: start is the enter time the slot held
 * (0 when the enter was not seen), duration the call's.
 */
static __always_inline void live_exit(struct pt_regs *regs, bool direct,
				      struct sysobs_inflight *fl, long nr, long ret,
				      __u32 abi, __u64 start, __u64 duration)
{
	const struct sysobs_capspec *spec;
	__u64 args[6], end;
	__u32 refetch = 0;
	int i;

	if (!live_mode || !status_wanted(ret) || !live_selected(abi, nr))
		return;
	if (start && fl) {
		for (i = 0; i < 6; i++)
			args[i] = fl->args[i];
		refetch = fl->refetch;
		end = start + duration;
	} else {
		/* enter not seen: the registers still hold the arguments */
		live_read_args(regs, direct, abi, args);
		start = 0;
		end = bpf_ktime_get_ns();
	}
	spec = refetch || bit_of(exit_caps, abi, nr) ? live_spec(abi, nr) : NULL;
	if (spec)
		live_send_captures(SYSOBS_EV_EXIT, abi, nr, spec, args, ret, start,
				   end, &refetch);
	else
		live_send_plain(SYSOBS_EV_EXIT, abi, nr, args, ret, start, end);
}

/* A traced thread ends: "+++ exited with N +++" when it is the last. */
static __always_inline void live_task_exit(struct task_struct *task)
{
	struct sysobs_event *ev;
	__u32 tgid = BPF_CORE_READ(task, tgid);

	if (!live_mode || !traced_now(tgid))
		return;
	ev = bpf_ringbuf_reserve(&sysobs_events, sizeof(*ev), 0);
	if (!ev) {
		count_loss(SYSOBS_CNT_EVENTS_LOST);
		return;
	}
	live_fill(ev, SYSOBS_EV_TASK_EXIT, 0, -1);
	ev->tid = BPF_CORE_READ(task, pid);
	ev->tgid = tgid;
	ev->start_ns = ev->end_ns = bpf_ktime_get_ns();
	ev->ret = BPF_CORE_READ(task, exit_code);
	__builtin_memset(ev->args, 0, sizeof(ev->args));
	if (BPF_CORE_READ(task, signal, live.counter) == 0)
		ev->flags = SYSOBS_EVF_GROUP_DEAD;
	bpf_ringbuf_submit(ev, 0);
}

/*
 * A signal is delivered to the current thread (get_signal, on its way
 * back to user space: after the sys_exit of the call it interrupted, so
 * the record comes in order with the thread's syscall records). info is
 * NULL for the SIGKILL of a group exit: strace shows no line for it.
 */
static __always_inline void live_signal(int sig, struct kernel_siginfo *info)
{
	struct sysobs_event *ev;

	if (!live_mode || !info || sig < 1 || sig > 64 ||
	    !((signal_mask >> (sig - 1)) & 1) ||
	    !traced_now(bpf_get_current_pid_tgid() >> 32))
		return;
	ev = bpf_ringbuf_reserve(&sysobs_events, sizeof(*ev), 0);
	if (!ev) {
		count_loss(SYSOBS_CNT_EVENTS_LOST);
		return;
	}
	live_fill(ev, SYSOBS_EV_SIGNAL, 0, sig);
	ev->start_ns = ev->end_ns = bpf_ktime_get_ns();
	ev->ret = 0;
	if (bpf_probe_read_kernel(ev->args, SYSOBS_SIGINFO_SIZE, info))
		__builtin_memset(ev->args, 0, sizeof(ev->args));
	bpf_ringbuf_submit(ev, wakeup_flag());
}

/*
 * At the end, with the syscall programs detached: every traced thread
 * whose slot still holds a start time is blocked in that call. Userspace
 * reads one record per such thread and shows "<unfinished ...>".
 */
SEC("iter/task")
int sysobs_inflight_iter(struct bpf_iter__task *ctx)
{
	struct task_struct *task = ctx->task;
	struct sysobs_inflight *fl;
	struct sysobs_event ev = {};
	__u32 tgid, *state;
	int i;

	if (!live_mode || !task)
		return 0;
	tgid = task->tgid;
	if (tgid == self_tgid)
		return 0;
	if (filter_targets) {
		state = bpf_map_lookup_elem(&sysobs_targets, &tgid);
		if (!state || *state != SYSOBS_TARGET_ACTIVE)
			return 0;
	}
	fl = bpf_task_storage_get(&sysobs_inflight, task, 0, 0);
	if (!fl || !fl->start_ns)
		return 0;
	/*
	 * The same selection as the lines: -e trace=, --comm; with -z/-Z a
	 * call that has no result yet is neither successful nor failed.
	 */
	if (!live_selected(fl->abi, fl->nr) || status_filter)
		return 0;
	if (filter_comm) {
		for (i = 0; i < SYSOBS_COMM_LEN; i++) {
			if (task->comm[i] != target_comm[i])
				return 0;
			if (!task->comm[i])
				break;
		}
	}
	ev.type = SYSOBS_EV_ENTER;
	ev.abi = fl->abi;
	ev.tid = task->pid;
	ev.tgid = tgid;
	ev.nr = fl->nr;
	ev.start_ns = fl->start_ns;
	for (i = 0; i < 6; i++)
		ev.args[i] = fl->args[i];
	__builtin_memcpy(ev.comm, task->comm, sizeof(ev.comm));
	bpf_seq_write(ctx->meta->seq, &ev, sizeof(ev));
	return 0;
}

#endif /* SYSOBS_LIVE_BPF_H */
