/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Live tracing internals: live.c runs the session and the ring buffer,
 * live_format.c turns BPF records into lines (pairing a thread's ENTER
 * and EXIT records, prefixes, timestamps, loss markers), output_json.c
 * writes a line as one JSON object.
 */
#ifndef SYSOBS_LIVE_H
#define SYSOBS_LIVE_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>
#include "config.h"
#include "decode.h"
#include "sysobs.h"

/* A call waiting for its EXIT record: the ENTER record, copied. */
struct pending_call {
	__u32 tid;		/* 0: free slot */
	size_t size;
	size_t cap;
	unsigned char *rec;	/* struct sysobs_event and its captures */
};

/* Everything one output line says, for the text and JSON writers. */
struct live_line {
	const struct sysobs_event *ev;	/* the record that completes the line */
	struct decoded_call call;
	__u64 start_ns;			/* 0: unknown */
	__u64 duration_ns;		/* valid when call.finished and start_ns */
	const char *comm;
};

struct live_fmt {
	const struct config *cfg;
	FILE *out;
	bool broken;			/* output failed: stop */
	int write_errno;		/* why: EPIPE (reader gone) ends quietly */
	bool whole_system;
	bool status_filtered;		/* -z, -Z, -e status=: set by the caller */
	struct decode_opts dopts;
	struct strbuf sb;		/* the line being built */
	struct strbuf tmp;
	struct pending_call *pend;	/* open addressing by tid */
	size_t pend_cap, pend_used;
	__u32 *tids;			/* threads seen and not exited */
	size_t tids_cap, tids_used;
	__u64 *cpu_lost;		/* last lost_seq seen per CPU */
	unsigned int nr_cpus;
	__u64 lost_shown;		/* events reported lost inline */
	__u64 real_minus_mono;		/* ns: CLOCK_REALTIME - CLOCK_MONOTONIC */
	const struct sysobs_capspec *specs;	/* what BPF captures, by abi and nr */
	unsigned char *late[6];		/* inputs read from userspace, see late_read */
	__u64 last_ts;			/* -r: the previous line's time */
	time_t hms_secs;		/* -t: the second f->hms shows */
	char hms[16];
};

int live_fmt_init(struct live_fmt *f, const struct config *cfg, FILE *out,
		  bool whole_system, const struct sysobs_capspec *specs);
/* One ring buffer record. Returns 0, or -1 once the output is gone. */
int live_fmt_record(struct live_fmt *f, const void *data, size_t size);
/* A call still blocked at the end (from BPF's in-flight state). */
void live_fmt_unfinished(struct live_fmt *f, const struct sysobs_event *ev);
/* Calls whose ENTER came but no EXIT: "<unfinished ...>". */
void live_fmt_flush_pending(struct live_fmt *f);
/* Final line(s): total losses. */
void live_fmt_end(struct live_fmt *f, const __u64 *counters);
void live_fmt_free(struct live_fmt *f);

/* output_json.c: the line as one JSON object (no newline). */
void json_line(struct strbuf *sb, struct strbuf *tmp, const struct live_line *l,
	       const struct decode_opts *o, __u64 real_minus_mono);
void json_lost(struct strbuf *sb, __u64 lost, unsigned int cpu);
void json_exit(struct strbuf *sb, const struct sysobs_event *ev, __u64 real_minus_mono);
void json_signal(struct strbuf *sb, struct strbuf *tmp, const struct sysobs_event *ev,
		 __u64 real_minus_mono);
void json_end(struct strbuf *sb, const __u64 *counters);
/* Append s as a JSON string, quotes included. */
void json_string(struct strbuf *sb, const char *s, size_t len);

#endif /* SYSOBS_LIVE_H */
