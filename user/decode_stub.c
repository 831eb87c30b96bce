// SPDX-License-Identifier: GPL-2.0
/*
 * STUB decoders, for the live pipeline until user/decode_*.c land: every
 * function is weak, so the real decoders replace it at link time; delete
 * this file once they are merged. It knows only a handful of syscalls
 * (enough for tests/t_live.sh) and prints the others as hex.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include "decode.h"
#include "syscalls.h"

#define WEAK __attribute__((weak))

WEAK void sb_init(struct strbuf *sb)
{
	memset(sb, 0, sizeof(*sb));
}

WEAK void sb_free(struct strbuf *sb)
{
	free(sb->buf);
	sb_init(sb);
}

WEAK void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = 0;
}

static void sb_grow(struct strbuf *sb, size_t more)
{
	size_t cap = sb->cap ? sb->cap : 256;

	while (cap < sb->len + more + 1)
		cap *= 2;
	if (cap != sb->cap) {
		char *b = realloc(sb->buf, cap);

		if (!b)
			abort();
		sb->buf = b;
		sb->cap = cap;
	}
}

WEAK void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	sb_grow(sb, 64);
	va_start(ap, fmt);
	n = vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sb->cap - sb->len) {
		sb->len += n;
		return;
	}
	sb_grow(sb, n);
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
	va_end(ap);
	sb->len += n;
}

WEAK void sb_puts(struct strbuf *sb, const char *s)
{
	size_t n = strlen(s);

	sb_grow(sb, n);
	memcpy(sb->buf + sb->len, s, n + 1);
	sb->len += n;
}

WEAK void decode_quoted(struct strbuf *sb, const unsigned char *data, size_t len,
			size_t limit, bool truncated)
{
	static const char esc[] = "\t\n\v\f\r";
	static const char letter[] = "tnvfr";
	size_t i, n = len < limit ? len : limit;
	const char *e;

	sb_puts(sb, "\"");
	for (i = 0; i < n; i++) {
		unsigned char c = data[i];
		bool digit_next = i + 1 < n && data[i + 1] >= '0' && data[i + 1] <= '7';

		if (c == '"' || c == '\\')
			sb_printf(sb, "\\%c", c);
		else if (c && (e = strchr(esc, c)))
			sb_printf(sb, "\\%c", letter[e - esc]);
		else if (c >= 0x20 && c < 0x7f)
			sb_printf(sb, "%c", c);
		else
			sb_printf(sb, digit_next ? "\\%03o" : "\\%o", c);
	}
	sb_puts(sb, "\"");
	if (truncated || len > limit)
		sb_puts(sb, "...");
}

/* Per-argument format of the few calls the stub knows. */
struct stub_sig {
	const char *name;
	const char *args;	/* d int, u unsigned, x hex, s string, b buffer, D dirfd, F open flags */
	const char *caps;	/* capture kind per argument: . none, s STR_IN, i BUF_IN, o BUF_OUT, a ARGV */
	int len_arg;		/* BUF_*: length argument */
};

static const struct stub_sig sigs[] = {
	{ "read", "dbu", ".o.", 2 },
	{ "write", "dbu", ".i.", 2 },
	{ "pread64", "dbud", ".o..", 2 },
	{ "pwrite64", "dbud", ".i..", 2 },
	{ "close", "d", ".", 0 },
	{ "open", "sF", "s.", 0 },
	{ "openat", "DsF", ".s.", 0 },
	{ "access", "sd", "s.", 0 },
	{ "unlink", "s", "s", 0 },
	{ "chdir", "s", "s", 0 },
	{ "mkdir", "sx", "s.", 0 },
	{ "getpid", "", "", 0 },
	{ "getppid", "", "", 0 },
	{ "gettid", "", "", 0 },
	{ "exit", "d", ".", 0 },
	{ "exit_group", "d", ".", 0 },
	{ "execve", "sax", "sa.", 0 },
	{ "dup", "d", ".", 0 },
	{ "dup2", "dd", "..", 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct stub_sig *find_sig(unsigned int abi, long nr)
{
	char buf[SYSCALL_NAME_MAX];
	const char *name = syscall_name(abi, nr, buf, sizeof(buf));
	const struct stub_sig *s;

	for (s = sigs; s->name; s++)
		if (!strcmp(s->name, name))
			return s;
	return NULL;
}

static void put_flags(struct strbuf *sb, unsigned long v)
{
	static const struct { unsigned long bit; const char *name; } fl[] = {
		{ O_CREAT, "O_CREAT" }, { O_EXCL, "O_EXCL" }, { O_TRUNC, "O_TRUNC" },
		{ O_APPEND, "O_APPEND" }, { O_NONBLOCK, "O_NONBLOCK" },
		{ O_DIRECTORY, "O_DIRECTORY" }, { O_CLOEXEC, "O_CLOEXEC" },
	};
	static const char *const acc[] = { "O_RDONLY", "O_WRONLY", "O_RDWR", "0x3" };
	size_t i;

	sb_puts(sb, acc[v & 3]);
	v &= ~3UL;
	for (i = 0; i < sizeof(fl) / sizeof(fl[0]); i++) {
		if (v & fl[i].bit) {
			sb_printf(sb, "|%s", fl[i].name);
			v &= ~fl[i].bit;
		}
	}
	if (v)
		sb_printf(sb, "|%#lx", v);
}

static void put_capture(struct strbuf *sb, const struct capture *c, __u64 addr,
			const struct decode_opts *o)
{
	if (!c->data && !(c->flags & SYSOBS_CAPF_FAULT) && addr) {
		sb_printf(sb, "%#llx", (unsigned long long)addr);
		return;
	}
	if (!addr) {
		sb_puts(sb, "NULL");
		return;
	}
	if (c->flags & SYSOBS_CAPF_FAULT) {
		sb_printf(sb, "%#llx", (unsigned long long)addr);
		return;
	}
	decode_quoted(sb, c->data, c->len, o->string_limit,
		      c->flags & SYSOBS_CAPF_TRUNCATED);
}

static void put_argv(struct strbuf *sb, const struct capture *c, __u64 addr,
		     const struct decode_opts *o)
{
	size_t pos = 0, n;

	if (!c->data || (c->flags & SYSOBS_CAPF_FAULT && !c->len)) {
		sb_printf(sb, "%#llx", (unsigned long long)addr);
		return;
	}
	sb_puts(sb, "[");
	while (pos < c->len) {
		n = strnlen((const char *)c->data + pos, c->len - pos);
		if (pos)
			sb_puts(sb, ", ");
		decode_quoted(sb, c->data + pos, n, o->string_limit, false);
		pos += n + 1;
	}
	if (c->flags & SYSOBS_CAPF_TRUNCATED)
		sb_puts(sb, ", ...");
	sb_puts(sb, "]");
}

static void put_arg(struct strbuf *sb, const struct decoded_call *c, int i,
		    char type, const struct decode_opts *o)
{
	__u64 v = c->args[i];

	switch (type) {
	case 'd':
		sb_printf(sb, "%d", (int)v);
		break;
	case 'u':
		sb_printf(sb, "%llu", (unsigned long long)v);
		break;
	case 'D':
		if ((int)v == AT_FDCWD)
			sb_puts(sb, "AT_FDCWD");
		else
			sb_printf(sb, "%d", (int)v);
		break;
	case 'F':
		put_flags(sb, v);
		break;
	case 's': {
		struct decode_opts whole = { .string_limit = 4096 };

		put_capture(sb, &c->cap[i], v, &whole);	/* paths: not cut */
		break;
	}
	case 'b':
		put_capture(sb, &c->cap[i], v, o);
		break;
	case 'a':
		put_argv(sb, &c->cap[i], v, o);
		break;
	default:
		sb_printf(sb, "%#llx", (unsigned long long)v);
	}
}

WEAK void decode_call(struct strbuf *sb, const struct decoded_call *c,
		      const struct decode_opts *o)
{
	const struct stub_sig *s = find_sig(c->abi, c->nr);
	char buf[SYSCALL_NAME_MAX];
	const char *types = s ? s->args : "xxxxxx";
	int i, n = (int)strlen(types);

	sb_printf(sb, "%s(", syscall_name(c->abi, c->nr, buf, sizeof(buf)));
	for (i = 0; i < n; i++) {
		/* an unfinished call shows its inputs only */
		if (!c->finished && s && s->caps[i] == 'o') {
			sb_puts(sb, ", ");	/* strace: "read(3, " */
			break;
		}
		if (i)
			sb_puts(sb, ", ");
		put_arg(sb, c, i, types[i], o);
	}
	if (c->finished)
		sb_puts(sb, ")");
}

WEAK const char *errno_name(int err)
{
	return strerrorname_np(err);
}

WEAK const char *errno_message(int err)
{
	return strerror(err);
}

WEAK void decode_return(struct strbuf *sb, const struct decoded_call *c)
{
	const char *name;

	if (c->ret < 0 && c->ret >= -SYSOBS_MAX_ERRNO) {
		name = errno_name((int)-c->ret);
		if (name)
			sb_printf(sb, " = -1 %s (%s)", name, errno_message((int)-c->ret));
		else
			sb_printf(sb, " = -1 %ld", -c->ret);
		return;
	}
	sb_printf(sb, " = %ld", c->ret);
}

WEAK void decode_capture_specs(struct sysobs_capspec *spec, size_t n)
{
	const struct stub_sig *s;
	unsigned int abi;
	long nr;
	int i;

	memset(spec, 0, n * sizeof(*spec));
	for (abi = 0; abi < SYSOBS_NR_ABIS; abi++) {
		for (s = sigs; s->name; s++) {
			nr = syscall_number(abi, s->name);
			if (nr < 0 || (size_t)(abi * SYSOBS_NR_SLOTS + nr) >= n)
				continue;
			for (i = 0; s->caps[i]; i++) {
				struct sysobs_capspec *sp = &spec[abi * SYSOBS_NR_SLOTS + nr];

				sp->kind[i] = s->caps[i] == 's' ? SYSOBS_CAP_STR_IN :
					      s->caps[i] == 'i' ? SYSOBS_CAP_BUF_IN :
					      s->caps[i] == 'o' ? SYSOBS_CAP_BUF_OUT :
					      s->caps[i] == 'a' ? SYSOBS_CAP_ARGV : 0;
				sp->len_arg[i] = s->len_arg;
				if (s->caps[i] == 's')
					sp->size[i] = 4096;	/* paths: whole */
			}
		}
	}
}
