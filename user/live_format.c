// SPDX-License-Identifier: GPL-2.0
/*
 * From BPF records to strace-style lines. A thread's records arrive in
 * order (one ring for all CPUs, enter before exit), so pairing needs one
 * pending slot per thread: the ENTER record (input captures) waits there
 * for the EXIT record (arguments, result, output captures).
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <stdint.h>
#include <sys/uio.h>
#include "live.h"
#include "report.h"
#include "stats.h"
#include "syscalls.h"

#define PEND_MIN 1024

static __u64 clock_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (__u64)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

int live_fmt_init(struct live_fmt *f, const struct config *cfg, FILE *out,
		  bool whole_system, const struct sysobs_capspec *specs)
{
	long cpus = sysconf(_SC_NPROCESSORS_CONF);
	int i;

	memset(f, 0, sizeof(*f));
	f->cfg = cfg;
	f->out = out;
	f->whole_system = whole_system;
	f->dopts.string_limit = cfg->string_limit;
	f->nr_cpus = cpus > 0 ? (unsigned int)cpus : 1;
	f->cpu_lost = calloc(f->nr_cpus, sizeof(*f->cpu_lost));
	f->pend_cap = PEND_MIN;
	f->pend = calloc(f->pend_cap, sizeof(*f->pend));
	f->real_minus_mono = clock_ns(CLOCK_REALTIME) - clock_ns(CLOCK_MONOTONIC);
	f->specs = specs;
	for (i = 0; i < 6; i++)
		if (!(f->late[i] = malloc(SYSOBS_CAP_MAX)))
			return -ENOMEM;
	sb_init(&f->sb);
	sb_init(&f->tmp);
	return f->cpu_lost && f->pend ? 0 : -ENOMEM;
}

void live_fmt_free(struct live_fmt *f)
{
	size_t i;

	for (i = 0; i < f->pend_cap; i++)
		free(f->pend[i].rec);
	free(f->pend);
	free(f->cpu_lost);
	for (i = 0; i < 6; i++)
		free(f->late[i]);
	sb_free(&f->sb);
	sb_free(&f->tmp);
}

/* ---- per-thread slots: open addressing, linear probing ---- */

static size_t slot_of(const struct live_fmt *f, __u32 tid)
{
	size_t i = (tid * 2654435761u) & (f->pend_cap - 1);

	while (f->pend[i].tid && f->pend[i].tid != tid)
		i = (i + 1) & (f->pend_cap - 1);
	return i;
}

static void grow_slots(struct live_fmt *f)
{
	struct pending_call *old = f->pend, *more;
	size_t old_cap = f->pend_cap, i;

	more = calloc(old_cap * 2, sizeof(*more));
	if (!more)
		return;		/* probing still works, just slower */
	f->pend = more;
	f->pend_cap = old_cap * 2;
	for (i = 0; i < old_cap; i++)
		if (old[i].tid)
			f->pend[slot_of(f, old[i].tid)] = old[i];
	free(old);
}

/* The thread's slot, created if needed (a new thread counts as a tracee). */
static struct pending_call *thread_slot(struct live_fmt *f, __u32 tid)
{
	size_t i;

	if (f->pend_used * 2 >= f->pend_cap)
		grow_slots(f);
	i = slot_of(f, tid);
	if (!f->pend[i].tid) {
		f->pend[i].tid = tid;
		f->pend[i].size = 0;
		f->pend_used++;
	}
	return &f->pend[i];
}

/* Remove a thread; re-insert the rest of its cluster so probing holds. */
static void forget_thread(struct live_fmt *f, __u32 tid)
{
	size_t i = slot_of(f, tid), j;
	struct pending_call moved;

	if (!f->pend[i].tid)
		return;
	free(f->pend[i].rec);
	memset(&f->pend[i], 0, sizeof(f->pend[i]));
	f->pend_used--;
	for (j = (i + 1) & (f->pend_cap - 1); f->pend[j].tid;
	     j = (j + 1) & (f->pend_cap - 1)) {
		moved = f->pend[j];
		memset(&f->pend[j], 0, sizeof(f->pend[j]));
		f->pend[slot_of(f, moved.tid)] = moved;
	}
}

static void keep_pending(struct pending_call *p, const void *rec, size_t size)
{
	if (size > p->cap) {
		unsigned char *b = realloc(p->rec, size);

		if (!b) {
			p->size = 0;
			return;
		}
		p->rec = b;
		p->cap = size;
	}
	memcpy(p->rec, rec, size);
	p->size = size;
}

/* ---- records ---- */

/* Returns true when some argument could not be read (SYSOBS_CAPF_FAULT). */
static bool read_captures(const struct sysobs_event *ev, size_t size,
			  struct capture *cap)
{
	bool fault = false;
	const unsigned char *p = (const unsigned char *)(ev + 1);
	const unsigned char *end = (const unsigned char *)ev + size;
	struct sysobs_cap_hdr hdr;
	unsigned int k;

	for (k = 0; k < ev->nr_caps && p + sizeof(hdr) <= end; k++) {
		memcpy(&hdr, p, sizeof(hdr));
		p += sizeof(hdr);
		if (p + hdr.len > end || hdr.arg >= 6)
			break;
		cap[hdr.arg].data = hdr.flags & SYSOBS_CAPF_FAULT && !hdr.len ? NULL : p;
		cap[hdr.arg].len = hdr.len;
		cap[hdr.arg].flags = hdr.flags;
		fault |= hdr.flags & SYSOBS_CAPF_FAULT;
		p += hdr.len;
	}
	return fault;
}

static void call_from(struct decoded_call *c, const struct sysobs_event *ev)
{
	memset(c, 0, sizeof(*c));
	c->abi = ev->abi;
	c->nr = ev->nr;
	memcpy(c->args, ev->args, sizeof(c->args));
	c->ret = ev->ret;
}

/* Read len bytes of pid's memory at addr, page by page; bytes read. */
static size_t read_mem(pid_t pid, __u64 addr, unsigned char *dst, size_t len)
{
	size_t done = 0, chunk;
	struct iovec local, remote;
	ssize_t n;

	while (done < len) {
		chunk = 4096 - ((addr + done) & 4095);
		if (chunk > len - done)
			chunk = len - done;
		local.iov_base = dst + done;
		local.iov_len = chunk;
		remote.iov_base = (void *)(uintptr_t)(addr + done);
		remote.iov_len = chunk;
		n = process_vm_readv(pid, &local, 1, &remote, 1, 0);
		if (n <= 0)
			break;
		done += n;
	}
	return done;
}

/*
 * An input BPF could not read: a page the kernel never faulted in (a
 * string constant passed to a call that failed early). Read it now from
 * the process, as strace would; if that fails too, the address is shown.
 */
static void late_read(struct live_fmt *f, const struct sysobs_event *ev,
		      struct capture *cap)
{
	const struct sysobs_capspec *spec;
	size_t limit = f->dopts.string_limit, want, got;
	__u64 len;
	int i;

	if (!f->specs || ev->abi >= SYSOBS_NR_ABIS || ev->nr < 0 ||
	    ev->nr >= SYSOBS_NR_SLOTS)
		return;
	spec = &f->specs[ev->abi * SYSOBS_NR_SLOTS + ev->nr];
	for (i = 0; i < 6; i++) {
		if (!(cap[i].flags & SYSOBS_CAPF_FAULT) || !ev->args[i])
			continue;
		if (spec->kind[i] == SYSOBS_CAP_STR_IN && spec->size[i])
			want = spec->size[i] + 1;
		else if (spec->kind[i] == SYSOBS_CAP_STR_IN)
			want = limit + 1;
		else if (spec->kind[i] == SYSOBS_CAP_BUF_IN)
			want = ev->args[spec->len_arg[i] % 6];
		else if (spec->kind[i] == SYSOBS_CAP_STRUCT_IN)
			want = spec->size[i];
		else
			continue;
		len = want;
		if (want > limit && spec->kind[i] == SYSOBS_CAP_BUF_IN)
			want = limit;
		if (want > SYSOBS_CAP_MAX)
			want = SYSOBS_CAP_MAX;
		got = read_mem(ev->tgid, ev->args[i], f->late[i], want);
		if (spec->kind[i] == SYSOBS_CAP_STR_IN) {
			unsigned char *nul = memchr(f->late[i], 0, got);

			if (!nul && got < want)
				continue;	/* unreadable before the end */
			size_t shown = spec->size[i] ? spec->size[i] : limit;

			len = nul ? (size_t)(nul - f->late[i]) : got;
			got = len > shown ? shown : len;
		} else if (got < want) {
			continue;
		}
		cap[i].data = f->late[i];
		cap[i].len = got;
		cap[i].flags = len > got ? SYSOBS_CAPF_TRUNCATED : 0;
	}
}

/* ---- writing ---- */

static void flush_line(struct live_fmt *f)
{
	sb_puts(&f->sb, "\n");
	/* one thread writes: no stdio lock per line */
	if (fwrite_unlocked(f->sb.buf, 1, f->sb.len, f->out) != f->sb.len) {
		f->broken = true;
		f->write_errno = errno;
	}
}

static bool several_tracees(const struct live_fmt *f)
{
	const struct config *cfg = f->cfg;

	if (f->whole_system)
		return true;
	if (cfg->output)
		return cfg->follow_forks || cfg->nr_pids > 1 || f->pend_used > 1;
	return f->pend_used > 1;
}

static void put_prefix(struct live_fmt *f, __u32 tid, __u64 ts)
{
	const struct config *cfg = f->cfg;
	__u64 real = ts + f->real_minus_mono;
	time_t secs = real / 1000000000ULL;
	long usecs = (real % 1000000000ULL) / 1000;
	struct tm tm;

	if (several_tracees(f)) {
		if (cfg->output)
			sb_printf(&f->sb, "%-5u ", tid);
		else
			sb_printf(&f->sb, "[pid %5u] ", tid);
	}
	if (cfg->timestamps != TS_NONE && cfg->timestamps != TS_EPOCH) {
		/* localtime_r is slow: once per second of trace */
		if (secs != f->hms_secs) {
			localtime_r(&secs, &tm);
			strftime(f->hms, sizeof(f->hms), "%H:%M:%S", &tm);
			f->hms_secs = secs;
		}
		if (cfg->timestamps == TS_TIME)
			sb_printf(&f->sb, "%s ", f->hms);
		else
			sb_printf(&f->sb, "%s.%06ld ", f->hms, usecs);
	} else if (cfg->timestamps == TS_EPOCH) {
		sb_printf(&f->sb, "%ld.%06ld ", (long)secs, usecs);
	}
	if (cfg->relative_ts) {
		__u64 d = f->last_ts && ts > f->last_ts ? ts - f->last_ts : 0;

		sb_printf(&f->sb, "%6llu.%06llu ", d / 1000000000ULL,
			  (d % 1000000000ULL) / 1000);
	}
	f->last_ts = ts;
}

static void write_line(struct live_fmt *f, struct live_line *l)
{
	const struct sysobs_event *ev = l->ev;
	__u64 ts = l->start_ns ? l->start_ns : ev->end_ns;

	sb_reset(&f->sb);
	if (f->cfg->json) {
		json_line(&f->sb, &f->tmp, l, &f->dopts, f->real_minus_mono);
		flush_line(f);
		return;
	}
	put_prefix(f, ev->tid, ts);
	/* " = ?" for exit/exit_group, " <unfinished ...>" for a blocked call */
	decode_call(&f->sb, &l->call, &f->dopts);
	decode_return(&f->sb, &l->call);
	if (f->cfg->show_duration && l->call.finished && l->start_ns &&
	    l->ev->type != SYSOBS_EV_NORETURN)
		sb_printf(&f->sb, " <%llu.%06llu>", l->duration_ns / 1000000000ULL,
			  (l->duration_ns % 1000000000ULL) / 1000);
	flush_line(f);
}

static void show_loss(struct live_fmt *f, const struct sysobs_event *ev)
{
	unsigned int cpu = ev->cpu | (unsigned int)ev->cpu_hi << 8;
	__u64 lost;

	if (cpu >= f->nr_cpus || ev->lost_seq <= f->cpu_lost[cpu])
		return;
	lost = ev->lost_seq - f->cpu_lost[cpu];
	f->cpu_lost[cpu] = ev->lost_seq;
	f->lost_shown += lost;
	sb_reset(&f->sb);
	if (f->cfg->json)
		json_lost(&f->sb, lost, cpu);
	else
		sb_printf(&f->sb, "<... %llu events lost on cpu %u ...>",
			  (unsigned long long)lost, cpu);
	flush_line(f);
}

static void show_pending_unfinished(struct live_fmt *f, struct pending_call *p)
{
	const struct sysobs_event *enter = (const void *)p->rec;
	struct live_line l = { .ev = enter, .start_ns = enter->start_ns,
			       .comm = enter->comm };

	/*
	 * -z/-Z: BPF sends the ENTER record (its inputs) before the result
	 * is known, and no EXIT record when the result is filtered out. A
	 * call without a result is neither successful nor failed: not shown.
	 */
	if (f->status_filtered) {
		p->size = 0;
		return;
	}
	call_from(&l.call, enter);
	read_captures(enter, p->size, l.call.cap);
	write_line(f, &l);
	p->size = 0;
}

static void on_exit_record(struct live_fmt *f, const struct sysobs_event *ev,
			   size_t size)
{
	struct pending_call *p = thread_slot(f, ev->tid);
	const struct sysobs_event *enter = NULL;
	struct live_line l = { .ev = ev, .start_ns = ev->start_ns, .comm = ev->comm };
	bool fault = false;

	if (p->size && p->rec) {
		enter = (const void *)p->rec;
		/* its EXIT record was lost: show what is known */
		if (enter->nr != ev->nr || enter->abi != ev->abi)
			show_pending_unfinished(f, p), enter = NULL;
	}
	call_from(&l.call, ev);
	l.call.finished = true;
	if (enter)
		fault = read_captures(enter, p->size, l.call.cap);
	fault |= read_captures(ev, size, l.call.cap);
	if (fault)
		late_read(f, ev, l.call.cap);
	if (ev->start_ns && ev->end_ns >= ev->start_ns)
		l.duration_ns = ev->end_ns - ev->start_ns;
	write_line(f, &l);
	p->size = 0;
}

static void on_task_exit(struct live_fmt *f, const struct sysobs_event *ev)
{
	struct pending_call *p = thread_slot(f, ev->tid);
	int code = (int)ev->ret, sig = code & 0x7f;
	const char *name;

	if (p->size && p->rec)
		show_pending_unfinished(f, p);
	sb_reset(&f->sb);
	if (f->cfg->json) {
		json_exit(&f->sb, ev, f->real_minus_mono);
	} else {
		put_prefix(f, ev->tid, ev->end_ns);
		if (!sig) {
			sb_printf(&f->sb, "+++ exited with %d +++", (code >> 8) & 0xff);
		} else {
			name = sigabbrev_np(sig);
			if (name)
				sb_printf(&f->sb, "+++ killed by SIG%s %s+++", name,
					  code & 0x80 ? "(core dumped) " : "");
			else
				sb_printf(&f->sb, "+++ killed by signal %d +++", sig);
		}
	}
	flush_line(f);
	forget_thread(f, ev->tid);
}

/* "--- SIGCHLD {si_signo=SIGCHLD, ...} ---", in order with the thread's calls */
static void on_signal(struct live_fmt *f, const struct sysobs_event *ev)
{
	/*
	 * A signal is delivered between calls, after the EXIT record of the
	 * one it interrupted: a pending ENTER is left to the next EXIT record
	 * (with -z/-Z it may be one whose EXIT was filtered out).
	 */
	thread_slot(f, ev->tid);
	sb_reset(&f->sb);
	if (f->cfg->json) {
		json_signal(&f->sb, &f->tmp, ev, f->real_minus_mono);
	} else {
		put_prefix(f, ev->tid, ev->end_ns);
		sb_puts(&f->sb, "--- ");
		sb_signame(&f->sb, (unsigned int)ev->nr);
		sb_puts(&f->sb, " ");
		decode_siginfo(&f->sb, ev->args);
		sb_puts(&f->sb, " ---");
	}
	flush_line(f);
}

int live_fmt_record(struct live_fmt *f, const void *data, size_t size)
{
	const struct sysobs_event *ev = data;
	struct live_line l = { .ev = ev, .comm = ev->comm };

	if (f->broken)
		return -1;
	if (size < sizeof(*ev))
		return 0;
	show_loss(f, ev);
	switch (ev->type) {
	case SYSOBS_EV_ENTER:
		keep_pending(thread_slot(f, ev->tid), data, size);
		break;
	case SYSOBS_EV_EXIT:
		on_exit_record(f, ev, size);
		break;
	case SYSOBS_EV_NORETURN:
		thread_slot(f, ev->tid);
		call_from(&l.call, ev);
		l.call.finished = true;
		l.start_ns = ev->start_ns;
		write_line(f, &l);
		break;
	case SYSOBS_EV_TASK_EXIT:
		on_task_exit(f, ev);
		break;
	case SYSOBS_EV_SIGNAL:
		on_signal(f, ev);
		break;
	}
	if (f->whole_system && ev->type != SYSOBS_EV_ENTER)
		forget_thread(f, ev->tid);	/* no exit events system-wide */
	return f->broken ? -1 : 0;
}

void live_fmt_unfinished(struct live_fmt *f, const struct sysobs_event *ev)
{
	struct pending_call *p = thread_slot(f, ev->tid);
	struct live_line l = { .ev = ev, .start_ns = ev->start_ns, .comm = ev->comm };

	if (p->size && p->rec && ((const struct sysobs_event *)p->rec)->nr == ev->nr) {
		show_pending_unfinished(f, p);
		return;
	}
	call_from(&l.call, ev);
	write_line(f, &l);
}

void live_fmt_flush_pending(struct live_fmt *f)
{
	size_t i;

	for (i = 0; i < f->pend_cap && !f->broken; i++)
		if (f->pend[i].tid && f->pend[i].size && f->pend[i].rec)
			show_pending_unfinished(f, &f->pend[i]);
}

void live_fmt_end(struct live_fmt *f, const __u64 *counters)
{
	if (f->broken)
		return;
	sb_reset(&f->sb);
	if (f->cfg->json) {
		json_end(&f->sb, counters);
		flush_line(f);
	} else if (!f->cfg->summary_too) {
		/* what is missing from the lines (the -C report has them all) */
		static const unsigned int shown[] = {
			SYSOBS_CNT_EVENTS_LOST, SYSOBS_CNT_CAPTURE_CUT,
			SYSOBS_CNT_STATE_LOST, SYSOBS_CNT_TARGET_FULL,
		};
		size_t i;

		for (i = 0; i < sizeof(shown) / sizeof(shown[0]); i++)
			if (counters[shown[i]])
				fprintf(f->out, "sysobs: %llu %s\n",
					(unsigned long long)counters[shown[i]],
					counter_name(shown[i]));
	}
}
