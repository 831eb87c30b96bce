// SPDX-License-Identifier: GPL-2.0
/*
 * Live tracing (sysobs without -c): one strace-style line per syscall.
 * BPF sends records through one ring buffer; this loop drains it with
 * ring_buffer__consume every TICK_MS, or sooner when BPF wakes it (the
 * ring a quarter full), and stops when the session says so (targets
 * gone, --duration, signal, output closed).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "sysobs.skel.h"
#include "filter.h"
#include "live.h"
#include "modes.h"
#include "report.h"
#include "session.h"

#define TICK_MS 10	/* the reader polls: BPF wakes it only when the ring fills */
#define DEFAULT_BUFFER_SIZE (64UL << 20)
#define OUT_BUFFER_SIZE (1 << 20)

struct live_ctx {
	const struct config *cfg;
	struct trace_filter filter;
	struct sysobs_capspec *specs;	/* decode_capture_specs(), kept for late reads */
};

/* Ring sizes must be a power of two multiple of the page size. */
static size_t ring_size(size_t want)
{
	size_t size = 4096;

	if (!want)
		want = DEFAULT_BUFFER_SIZE;
	while (size < want && size < (1UL << 31))
		size <<= 1;
	return size;
}

static bool has_kind(const struct sysobs_capspec *spec, bool at_exit)
{
	int i;

	for (i = 0; i < 6; i++) {
		__u8 k = spec->kind[i];
		bool out = k == SYSOBS_CAP_BUF_OUT || k == SYSOBS_CAP_STRUCT_OUT;

		if (k != SYSOBS_CAP_NONE && out == at_exit)
			return true;
	}
	return false;
}

/* The BPF side's bitmaps: -e trace= selection, calls with captures. */
static void set_bitmaps(struct sysobs_bpf *skel, const struct live_ctx *ctx)
{
	unsigned int abi, nr, w;
	__u64 bit;

	for (abi = 0; abi < SYSOBS_NR_ABIS; abi++) {
		for (nr = 0; nr < SYSOBS_NR_SLOTS; nr++) {
			const struct sysobs_capspec *spec =
				&ctx->specs[abi * SYSOBS_NR_SLOTS + nr];

			w = abi * SYSOBS_SELECT_WORDS + nr / 64;
			bit = 1ULL << (nr % 64);
			if (filter_selected(&ctx->filter, abi, nr))
				skel->bss->select_bits[w] |= bit;
			if (has_kind(spec, false))
				skel->bss->enter_caps[w] |= bit;
			if (has_kind(spec, true))
				skel->bss->exit_caps[w] |= bit;
		}
	}
}

static int configure(struct sysobs_bpf *skel, void *data)
{
	struct live_ctx *ctx = data;
	const struct config *cfg = ctx->cfg;
	int limit = cfg->string_limit;
	bool raw = !bpf_program__autoload(skel->progs.sysobs_enter);

	if (limit > SYSOBS_CAP_MAX - 2)
		limit = SYSOBS_CAP_MAX - 2;
	bpf_program__set_autoload(skel->progs.sysobs_inflight_iter, true);
	bpf_program__set_autoload(skel->progs.sysobs_signal, !raw);
	bpf_program__set_autoload(skel->progs.sysobs_raw_signal, raw);
	skel->rodata->live_mode = true;
	skel->rodata->live_select = ctx->filter.active;
	skel->rodata->comm_wanted = cfg->json;
	skel->rodata->string_limit = limit;
	skel->rodata->status_filter = ctx->filter.status;
	skel->rodata->signal_mask = ctx->filter.signals;
	skel->rodata->wakeup_bytes = ring_size(cfg->buffer_size) / 4;
	set_bitmaps(skel, ctx);
	return bpf_map__set_max_entries(skel->maps.sysobs_events,
					ring_size(cfg->buffer_size));
}

static int fill_maps(struct sysobs_bpf *skel, void *data)
{
	struct live_ctx *ctx = data;
	size_t n = SYSOBS_NR_ABIS * SYSOBS_NR_SLOTS;
	struct sysobs_capspec *spec = ctx->specs;
	int fd = bpf_map__fd(skel->maps.sysobs_capspecs);
	__u32 key;
	int err = 0;

	for (key = 0; key < n && !err; key++)
		if (bpf_map_update_elem(fd, &key, &spec[key], BPF_ANY))
			err = -errno;
	return err;
}

static int on_record(void *data, void *rec, size_t size)
{
	return live_fmt_record(data, rec, size);
}

/* A traced thread still in a syscall when tracing stopped. */
static void on_blocked(void *data, const struct sysobs_event *rec)
{
	live_fmt_unfinished(data, rec);
}

/* -C: the in-kernel summary, restricted to the selected calls like strace. */
static void print_summary(struct session *s, const struct trace_filter *filter,
			  FILE *out)
{
	struct stats_snapshot snap;
	size_t i, kept = 0;
	int err = stats_read(&s->ld.maps, &snap);

	if (err) {
		fprintf(stderr, "sysobs: cannot read statistics: %s\n", strerror(-err));
		return;
	}
	for (i = 0; i < snap.nr_rows; i++)
		if (filter_selected(filter, snap.rows[i].abi, snap.rows[i].nr))
			snap.rows[kept++] = snap.rows[i];
	snap.nr_rows = kept;
	fflush(s->out);
	report_text(out, &snap, s->cfg);
	stats_free(&snap);
}

static void read_counters(struct session *s, __u64 *counters)
{
	struct stats_snapshot snap;

	memset(counters, 0, sizeof(__u64) * SYSOBS_NR_COUNTERS);
	if (stats_read(&s->ld.maps, &snap))
		return;
	memcpy(counters, snap.counters, sizeof(snap.counters));
	stats_free(&snap);
}

/* Terminals and pipes get lines as they come; files get big writes. */
static bool to_regular_file(FILE *out)
{
	struct stat st;

	return !fstat(fileno(out), &st) && S_ISREG(st.st_mode);
}

static void trace_loop(struct session *s, struct ring_buffer *rb, struct live_fmt *fmt)
{
	int epfd = ring_buffer__epoll_fd(rb);
	bool batch = to_regular_file(s->out);

	while (!session_done(s) && !fmt->broken) {
		int got;

		session_wait(s, epfd, TICK_MS);
		got = ring_buffer__consume(rb);
		/* files: big writes under load, and nothing held back when idle */
		if ((!batch || got <= 0) && fflush(s->out)) {
			fmt->broken = true;
			fmt->write_errno = errno;
		}
	}
	/* what the targets did before they exited, or before the stop */
	loader_detach_syscalls(&s->ld);
	if (!fmt->broken)
		ring_buffer__consume(rb);
}

static int trace(struct session *s, struct live_ctx *ctx)
{
	struct live_fmt fmt;
	struct ring_buffer *rb;
	__u64 counters[SYSOBS_NR_COUNTERS];

	if (live_fmt_init(&fmt, ctx->cfg, s->out, !s->filtered, ctx->specs)) {
		fprintf(stderr, "sysobs: out of memory\n");
		return -1;
	}
	fmt.status_filtered = ctx->filter.status != SYSOBS_STATUS_ALL;
	rb = ring_buffer__new(bpf_map__fd(s->ld.skel->maps.sysobs_events),
			      on_record, &fmt, NULL);
	if (!rb) {
		fprintf(stderr, "sysobs: cannot open the ring buffer: %s\n", strerror(errno));
		live_fmt_free(&fmt);
		return -1;
	}
	if (ctx->cfg->verbose)
		fprintf(stderr, "sysobs: attached in %.1f ms (%s)\n", s->attach_ms,
			s->ld.raw_tp ? "raw_tp" : "tp_btf");
	trace_loop(s, rb, &fmt);
	if (!fmt.broken) {
		loader_for_each_inflight(&s->ld, on_blocked, &fmt);
		live_fmt_flush_pending(&fmt);
		read_counters(s, counters);
		live_fmt_end(&fmt, counters);
		/* with --json the output stays JSON lines: the table goes to stderr */
		if (ctx->cfg->summary_too && !fmt.broken)
			print_summary(s, &ctx->filter, ctx->cfg->json ? stderr : s->out);
	}
	ring_buffer__free(rb);
	live_fmt_free(&fmt);
	if (!fmt.broken && fflush(s->out)) {
		fmt.broken = true;
		fmt.write_errno = errno;
	}
	/* a closed output pipe is how `sysobs ... | head` ends: not an error */
	if (fmt.broken && fmt.write_errno != EPIPE) {
		fprintf(stderr, "sysobs: cannot write the trace: %s\n",
			strerror(fmt.write_errno));
		return -1;
	}
	return 0;
}

int run_live(const struct config *cfg)
{
	static char outbuf[OUT_BUFFER_SIZE];
	struct live_ctx ctx = { .cfg = cfg };
	struct loader_hooks hooks = { configure, fill_maps, &ctx };
	struct session s;
	int code;

	if (filter_parse(&ctx.filter, cfg))
		return EXIT_USAGE;
	ctx.specs = calloc(SYSOBS_NR_ABIS * SYSOBS_NR_SLOTS, sizeof(*ctx.specs));
	if (!ctx.specs) {
		fprintf(stderr, "sysobs: out of memory\n");
		return EXIT_FAIL;
	}
	decode_capture_specs(ctx.specs, SYSOBS_NR_ABIS * SYSOBS_NR_SLOTS);
	loader_set_hooks(&hooks);
	code = session_start(&s, cfg);
	if (code != EXIT_OK) {
		session_end(&s);
		return code;
	}
	setvbuf(s.out, outbuf, _IOFBF, sizeof(outbuf));
	code = trace(&s, &ctx) ? EXIT_FAIL : EXIT_OK;
	free(ctx.specs);
	if (code != EXIT_OK) {
		session_end(&s);
		return code;
	}
	return session_end(&s);
}
