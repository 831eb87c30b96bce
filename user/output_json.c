// SPDX-License-Identifier: GPL-2.0
/*
 * --json: one object per line. Strings are escaped for JSON and every
 * byte outside printable ASCII becomes \u00XX, so the output is valid
 * ASCII JSON whatever the traced program put in its name or buffers.
 */
#include <string.h>
#include "live.h"
#include "output.h"
#include "stats.h"
#include "syscalls.h"

void json_string(struct strbuf *sb, const char *s, size_t len)
{
	size_t i;

	sb_puts(sb, "\"");
	for (i = 0; i < len; i++) {
		unsigned char c = s[i];

		if (c == '"' || c == '\\')
			sb_printf(sb, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			sb_printf(sb, "\\u%04x", c);
		else
			sb_printf(sb, "%c", c);
	}
	sb_puts(sb, "\"");
}

static void json_ts(struct strbuf *sb, __u64 mono_ns, __u64 real_minus_mono)
{
	__u64 real = mono_ns + real_minus_mono;

	sb_printf(sb, "\"ts\":%llu.%06llu", real / 1000000000ULL,
		  (real % 1000000000ULL) / 1000);
}

static void json_ids(struct strbuf *sb, const struct sysobs_event *ev)
{
	sb_printf(sb, ",\"pid\":%u,\"tid\":%u,\"comm\":", ev->tgid, ev->tid);
	json_string(sb, ev->comm, strnlen(ev->comm, sizeof(ev->comm)));
}

void json_line(struct strbuf *sb, struct strbuf *tmp, const struct live_line *l,
	       const struct decode_opts *o, __u64 real_minus_mono)
{
	const struct decoded_call *c = &l->call;
	char buf[SYSCALL_NAME_MAX];
	const char *name = syscall_name(c->abi, c->nr, buf, sizeof(buf));
	const char *args;
	size_t skip = strlen(name) + 1, len;
	bool noreturn = l->ev->type == SYSOBS_EV_NORETURN;
	int i;

	sb_puts(sb, "{");
	json_ts(sb, l->start_ns ? l->start_ns : l->ev->end_ns, real_minus_mono);
	json_ids(sb, l->ev);
	sb_printf(sb, ",\"abi\":\"%s\",\"syscall\":\"%s\",\"args\":",
		  c->abi == SYSOBS_ABI_32 ? "i386" : "x86_64", name);
	/* the decoded arguments: decode_call's text between the parentheses */
	sb_reset(tmp);
	decode_call(tmp, c, o);
	args = tmp->len >= skip ? tmp->buf + skip : "";
	len = strlen(args);
	if (c->finished && len && args[len - 1] == ')')
		len--;
	json_string(sb, args, len);
	sb_puts(sb, ",\"raw_args\":[");
	for (i = 0; i < 6; i++)
		sb_printf(sb, "%s%llu", i ? "," : "", (unsigned long long)c->args[i]);
	sb_puts(sb, "]");
	if (!c->finished || noreturn) {
		sb_printf(sb, ",\"ret\":null,\"errno\":null,\"duration_ns\":null%s}",
			  c->finished ? "" : ",\"unfinished\":true");
		return;
	}
	if (c->ret < 0 && c->ret >= -SYSOBS_MAX_ERRNO) {
		const char *e = errno_name((int)-c->ret);

		sb_printf(sb, ",\"ret\":-1,\"errno\":");
		if (e)
			json_string(sb, e, strlen(e));
		else
			sb_printf(sb, "%ld", -c->ret);
	} else {
		sb_printf(sb, ",\"ret\":%ld,\"errno\":null", c->ret);
	}
	if (l->start_ns)
		sb_printf(sb, ",\"duration_ns\":%llu}", (unsigned long long)l->duration_ns);
	else
		sb_puts(sb, ",\"duration_ns\":null}");
}

void json_lost(struct strbuf *sb, __u64 lost, unsigned int cpu)
{
	sb_printf(sb, "{\"lost\":%llu,\"cpu\":%u}", (unsigned long long)lost, cpu);
}

void json_exit(struct strbuf *sb, const struct sysobs_event *ev, __u64 real_minus_mono)
{
	int code = (int)ev->ret, sig = code & 0x7f;

	sb_puts(sb, "{");
	json_ts(sb, ev->end_ns, real_minus_mono);
	json_ids(sb, ev);
	if (sig)
		sb_printf(sb, ",\"killed_by\":%d}", sig);
	else
		sb_printf(sb, ",\"exited\":%d}", (code >> 8) & 0xff);
}

/* A delivered signal: {"ts",...,"signal":"SIGCHLD","siginfo":"{si_signo=...}"} */
void json_signal(struct strbuf *sb, struct strbuf *tmp, const struct sysobs_event *ev,
		 __u64 real_minus_mono)
{
	sb_puts(sb, "{");
	json_ts(sb, ev->end_ns, real_minus_mono);
	json_ids(sb, ev);
	sb_reset(tmp);
	sb_signame(tmp, (unsigned int)ev->nr);
	sb_puts(sb, ",\"signal\":");
	json_string(sb, tmp->buf, tmp->len);
	sb_reset(tmp);
	decode_siginfo(tmp, ev->args);
	sb_puts(sb, ",\"siginfo\":");
	json_string(sb, tmp->buf, tmp->len);
	sb_puts(sb, "}");
}

void json_end(struct strbuf *sb, const __u64 *counters)
{
	unsigned int i;

	sb_printf(sb, "{\"end\":true,\"lost_events\":%llu,\"counters\":{",
		  (unsigned long long)counters[SYSOBS_CNT_EVENTS_LOST]);
	for (i = 0; i < SYSOBS_NR_COUNTERS; i++) {
		const char *name = counter_key(i);	/* the names of --json -c */

		if (i)
			sb_puts(sb, ",");
		json_string(sb, name, strlen(name));
		sb_printf(sb, ":%llu", (unsigned long long)counters[i]);
	}
	sb_puts(sb, "}}");
}
