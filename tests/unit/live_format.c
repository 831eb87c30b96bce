// SPDX-License-Identifier: GPL-2.0
/*
 * The live line assembly (user/live_format.c) fed with records built
 * here the way BPF lays them out: pairing a thread's ENTER and EXIT,
 * loss markers per CPU, exit lines, prefixes, JSON escaping.
 */
#include <stdio.h>
#include <stdlib.h>
#include "unit.h"
#include "live.h"
#include "syscalls.h"

#define NR_WRITE 1
#define NR_READ 0
#define NR_EXIT_GROUP 231

struct rec {
	struct sysobs_event ev;
	unsigned char data[256];
	size_t size;
};

static void rec_init(struct rec *r, int type, __u32 tid, long nr, long ret)
{
	memset(r, 0, sizeof(*r));
	r->ev.type = type;
	r->ev.abi = SYSOBS_ABI_64;
	r->ev.tid = tid;
	r->ev.tgid = tid;
	r->ev.nr = nr;
	r->ev.ret = ret;
	r->ev.start_ns = 1000;
	r->ev.end_ns = 3000;
	memcpy(r->ev.comm, "unit", 5);
	r->size = sizeof(r->ev);
}

static void rec_cap(struct rec *r, int arg, const char *bytes, unsigned int len,
		    unsigned int flags)
{
	struct sysobs_cap_hdr hdr = { .arg = arg, .flags = flags, .len = len };
	size_t off = r->size - sizeof(r->ev);

	memcpy(r->data + off, &hdr, sizeof(hdr));
	memcpy(r->data + off + sizeof(hdr), bytes, len);
	r->size += sizeof(hdr) + len;
	r->ev.nr_caps++;
}

struct run {
	struct config cfg;
	struct live_fmt f;
	char *text;
	size_t len;
	FILE *out;
};

static void start(struct run *r, bool json, bool output_file)
{
	static struct sysobs_capspec specs[SYSOBS_NR_ABIS * SYSOBS_NR_SLOTS];

	memset(r, 0, sizeof(*r));
	r->cfg.string_limit = 32;
	r->cfg.json = json;
	r->cfg.nr_pids = 1;
	r->cfg.output = output_file ? "file" : NULL;
	decode_capture_specs(specs, SYSOBS_NR_ABIS * SYSOBS_NR_SLOTS);
	r->out = open_memstream(&r->text, &r->len);
	live_fmt_init(&r->f, &r->cfg, r->out, false, specs);
}

static void feed(struct run *r, const struct rec *rec)
{
	live_fmt_record(&r->f, &rec->ev, rec->size);
}

static const char *finish(struct run *r)
{
	live_fmt_flush_pending(&r->f);
	live_fmt_free(&r->f);
	fclose(r->out);
	return r->text;
}

static void test_pairing(void)
{
	struct run r;
	struct rec enter, exit;

	start(&r, false, false);
	rec_init(&enter, SYSOBS_EV_ENTER, 10, NR_WRITE, 0);
	enter.ev.args[0] = 1;
	enter.ev.args[1] = 0x1000;
	enter.ev.args[2] = 3;
	rec_cap(&enter, 1, "hi\n", 3, 0);
	rec_init(&exit, SYSOBS_EV_EXIT, 10, NR_WRITE, 3);
	memcpy(exit.ev.args, enter.ev.args, sizeof(exit.ev.args));
	feed(&r, &enter);
	feed(&r, &exit);
	CHECK_STR(finish(&r), "write(1, \"hi\\n\", 3)                     = 3\n",
		  "ENTER's capture and EXIT's result make one line");
	free(r.text);
}

static void test_unfinished_and_exit(void)
{
	struct run r;
	struct rec enter, texit;

	start(&r, false, false);
	rec_init(&enter, SYSOBS_EV_ENTER, 11, NR_WRITE, 0);
	enter.ev.args[0] = 2;
	enter.ev.args[2] = 1;
	enter.ev.args[1] = 0x1000;
	rec_cap(&enter, 1, "x", 1, 0);
	rec_init(&texit, SYSOBS_EV_TASK_EXIT, 11, -1, 9);	/* SIGKILL */
	feed(&r, &enter);
	feed(&r, &texit);
	CHECK_STR(finish(&r), "write(2, \"x\", 1 <unfinished ...>\n+++ killed by SIGKILL +++\n",
		  "a call cut by the thread's death, then its end");
	free(r.text);
}

static void test_loss_marker(void)
{
	struct run r;
	struct rec a, b;

	start(&r, false, false);
	rec_init(&a, SYSOBS_EV_EXIT, 12, 39 /* getpid */, 12);
	a.ev.cpu = 1;
	a.ev.lost_seq = 0;
	rec_init(&b, SYSOBS_EV_EXIT, 12, 39, 12);
	b.ev.cpu = 1;
	b.ev.lost_seq = 5;
	feed(&r, &a);
	feed(&r, &b);
	CHECK_STR(finish(&r),
		  "getpid()                                = 12\n"
		  "<... 5 events lost on cpu 1 ...>\n"
		  "getpid()                                = 12\n",
		  "lost events shown before the next line of that CPU");
	CHECK(r.f.lost_shown == 5, "lost events counted");
	free(r.text);
}

static void test_prefix_rules(void)
{
	struct run r;
	struct rec a, b, x;

	start(&r, false, false);
	rec_init(&a, SYSOBS_EV_EXIT, 20, 39, 20);
	rec_init(&b, SYSOBS_EV_EXIT, 21, 39, 20);
	rec_init(&x, SYSOBS_EV_TASK_EXIT, 21, -1, 0);
	feed(&r, &a);
	feed(&r, &b);
	feed(&r, &x);
	feed(&r, &a);
	CHECK_STR(finish(&r),
		  "getpid()                                = 20\n"
		  "[pid    21] getpid()                    = 20\n"
		  "[pid    21] +++ exited with 0 +++\n"
		  "getpid()                                = 20\n",
		  "[pid N] only while several threads are traced");
	free(r.text);
}

static void test_json_escaping(void)
{
	struct run r;
	struct rec e;

	start(&r, true, true);
	rec_init(&e, SYSOBS_EV_EXIT, 30, 39, -3);
	memcpy(e.ev.comm, "a\"b\\\x1b\xff", 7);
	feed(&r, &e);
	CHECK(strstr(finish(&r), "\"comm\":\"a\\\"b\\\\\\u001b\\u00ff\"") != NULL,
	      "comm escaped for JSON, no raw byte");
	CHECK(strstr(r.text, "\"errno\":\"ESRCH\"") != NULL, "errno by name");
	free(r.text);
}

static void test_signal_lines(void)
{
	struct run r;
	struct rec sig, call;
	__s32 head[6] = { 17, 0, 1, 0, 5566, 0 };	/* signo, errno, code, pad, pid, uid */

	start(&r, false, true);
	r.cfg.follow_forks = true;	/* -f -o FILE: "N " on every line */
	rec_init(&call, SYSOBS_EV_EXIT, 40, 39, 40);
	rec_init(&sig, SYSOBS_EV_SIGNAL, 40, 17, 0);
	memcpy(sig.ev.args, head, sizeof(head));
	feed(&r, &call);
	feed(&r, &sig);
	CHECK_STR(finish(&r),
		  "40    getpid()                          = 40\n"
		  "40    --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=5566, "
		  "si_uid=0, si_status=0, si_utime=0, si_stime=0} ---\n",
		  "a signal line after the call it followed, with the -o prefix");
	free(r.text);

	start(&r, true, true);
	feed(&r, &sig);
	CHECK(strstr(finish(&r), "\"signal\":\"SIGCHLD\",\"siginfo\":\"{si_signo=SIGCHLD, "
		     "si_code=CLD_EXITED, si_pid=5566,") != NULL, "JSON: signal and siginfo");
	free(r.text);
}

int main(void)
{
	test_signal_lines();
	test_pairing();
	test_unfinished_and_exit();
	test_loss_marker();
	test_prefix_rules();
	test_json_escaping();
	UNIT_EXIT();
}
