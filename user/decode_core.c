// SPDX-License-Identifier: GPL-2.0
/*
 * The decoder's skeleton: the output buffer, strace's string quoting, the
 * generic argument printers, and decode_call()/decode_return() which walk
 * a call's signature (signatures.c) and hand each argument to the printer
 * of its kind (decode_kinds.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "decode_priv.h"
#include "syscalls.h"

/* strace puts " = ret" at this column when the call is shorter. */
#define RETURN_COLUMN 39

void sb_init(struct strbuf *sb)
{
	sb->buf = NULL;
	sb->len = 0;
	sb->cap = 0;
}

void sb_free(struct strbuf *sb)
{
	free(sb->buf);
	sb_init(sb);
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

/* Make room for extra more bytes plus the NUL; on no memory, abort. */
static void sb_grow(struct strbuf *sb, size_t extra)
{
	size_t want = sb->len + extra + 1;
	size_t cap = sb->cap ? sb->cap : 256;

	if (want <= sb->cap)
		return;
	while (cap < want)
		cap *= 2;
	sb->buf = realloc(sb->buf, cap);
	if (!sb->buf) {
		fputs("sysobs: out of memory\n", stderr);
		abort();
	}
	sb->cap = cap;
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	/* one pass when the text fits the room left, the usual case */
	sb_grow(sb, 64);
	va_start(ap, fmt);
	n = vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
	va_end(ap);
	if (n <= 0) {
		sb->buf[sb->len] = '\0';
		return;
	}
	if ((size_t)n >= sb->cap - sb->len) {
		sb_grow(sb, n);
		va_start(ap, fmt);
		vsnprintf(sb->buf + sb->len, n + 1, fmt, ap);
		va_end(ap);
	}
	sb->len += n;
}

static void sb_putn(struct strbuf *sb, const char *s, size_t n)
{
	sb_grow(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_puts(struct strbuf *sb, const char *s)
{
	sb_putn(sb, s, strlen(s));
}

static void sb_putc(struct strbuf *sb, char c)
{
	sb_putn(sb, &c, 1);
}

/*
 * One byte the way strace escapes it: the C escapes for quote, backslash
 * and \t\n\v\f\r, printable ASCII as is, anything else in octal, with
 * three digits when an octal digit follows (so "\0" "1" is not read "\01").
 */
static void quote_byte(struct strbuf *sb, unsigned char ch, int next)
{
	static const char esc_from[] = "\"\\\t\n\v\f\r";
	static const char esc_to[] = "\"\\tnvfr";
	const char *e = ch ? strchr(esc_from, ch) : NULL;

	if (e) {
		sb_putc(sb, '\\');
		sb_putc(sb, esc_to[e - esc_from]);
	} else if (ch >= 0x20 && ch < 0x7f) {
		sb_putc(sb, ch);
	} else if (next >= '0' && next <= '7') {
		sb_printf(sb, "\\%03o", ch);
	} else {
		sb_printf(sb, "\\%o", ch);
	}
}

void decode_quoted(struct strbuf *sb, const unsigned char *data, size_t len,
		   size_t limit, bool truncated)
{
	size_t shown = len < limit ? len : limit;
	size_t i;

	sb_putc(sb, '"');
	for (i = 0; i < shown; i++)
		quote_byte(sb, data[i], i + 1 < shown ? data[i + 1] : -1);
	sb_putc(sb, '"');
	if (truncated || len > limit)
		sb_puts(sb, "...");
}

/* ---- helpers for the printers ---- */

bool arg_is_32(const struct arg_ctx *a)
{
	return a->call->abi == SYSOBS_ABI_32;
}

__u64 call_arg(const struct decoded_call *c, int idx)
{
	return c->abi == SYSOBS_ABI_32 ? (__u32)c->args[idx] : c->args[idx];
}

const char *arg_call_name(const struct arg_ctx *a)
{
	static char buf[SYSCALL_NAME_MAX];

	return syscall_name(a->call->abi, a->call->nr, buf, sizeof(buf));
}

__u64 arg_u(const struct arg_ctx *a)
{
	__u64 v = a->call->args[a->idx];

	return arg_is_32(a) ? (__u32)v : v;
}

long arg_l(const struct arg_ctx *a)
{
	__u64 v = a->call->args[a->idx];

	return arg_is_32(a) ? (long)(__s32)v : (long)v;
}

void print_addr(struct strbuf *sb, const struct arg_ctx *a)
{
	__u64 v = arg_u(a);

	if (v)
		sb_printf(sb, "%#llx", (unsigned long long)v);
	else
		sb_puts(sb, "NULL");
}

const struct capture *arg_cap(const struct arg_ctx *a)
{
	return &a->call->cap[a->idx];
}

/*
 * The argument's captured memory, or NULL when there is none to decode:
 * a NULL pointer, nothing captured, or a fault while reading it.
 */
const struct capture *arg_captured(const struct arg_ctx *a)
{
	const struct capture *cap = arg_cap(a);

	if (!arg_u(a) || !cap->data || (cap->flags & SYSOBS_CAPF_FAULT))
		return NULL;
	return cap;
}

bool cap_struct(const struct arg_ctx *a, void *out, size_t size)
{
	const struct capture *cap = arg_captured(a);

	if (!cap || cap->len < size)
		return false;
	memcpy(out, cap->data, size);
	return true;
}

bool cap_struct_or_addr(struct strbuf *sb, const struct arg_ctx *a, void *out,
			size_t size)
{
	if (cap_struct(a, out, size))
		return true;
	print_addr(sb, a);
	return false;
}

bool in_list(const unsigned int *l, size_t n, unsigned int v)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (l[i] == v)
			return true;
	return false;
}

const char *flag_lookup(const struct flag_name *t, size_t n, __u64 v)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].value == v)
			return t[i].name;
	return NULL;
}

void print_flags(struct strbuf *sb, const struct flag_name *t, size_t n,
		 __u64 v, const char *none_name)
{
	bool any = false;
	size_t i;

	if (!v) {
		sb_puts(sb, none_name ? none_name : "0");
		return;
	}
	for (i = 0; i < n; i++) {
		if (!t[i].value || (v & t[i].value) != t[i].value)
			continue;
		sb_printf(sb, "%s%s", any ? "|" : "", t[i].name);
		v &= ~t[i].value;
		any = true;
	}
	if (v)
		sb_printf(sb, "%s%#llx", any ? "|" : "", (unsigned long long)v);
}

void print_enum(struct strbuf *sb, const struct flag_name *t, size_t n,
		__u64 v, const char *unknown_prefix)
{
	const char *name = flag_lookup(t, n, v);

	if (name)
		sb_puts(sb, name);
	else if (unknown_prefix)
		sb_printf(sb, "%#llx /* %s??? */", (unsigned long long)v,
			  unknown_prefix);
	else
		sb_printf(sb, "%lld", (long long)v);
}

void print_names(struct strbuf *sb, const struct name_table *t, __u64 v)
{
	if (t->flags)
		print_flags(sb, t->names, t->len, v, t->zero_name);
	else
		print_enum(sb, t->names, t->len, v, t->unknown_prefix);
}

/* ---- generic printers ---- */

void print_int(struct strbuf *sb, const struct arg_ctx *a)
{
	sb_printf(sb, "%d", (int)a->call->args[a->idx]);
}

void print_uint(struct strbuf *sb, const struct arg_ctx *a)
{
	sb_printf(sb, "%u", (unsigned int)a->call->args[a->idx]);
}

void print_long(struct strbuf *sb, const struct arg_ctx *a)
{
	sb_printf(sb, "%ld", arg_l(a));
}

void print_ulong(struct strbuf *sb, const struct arg_ctx *a)
{
	sb_printf(sb, "%llu", (unsigned long long)arg_u(a));
}

void print_hex(struct strbuf *sb, const struct arg_ctx *a)
{
	sb_printf(sb, "%#llx", (unsigned long long)arg_u(a));
}

void print_ptr(struct strbuf *sb, const struct arg_ctx *a)
{
	print_addr(sb, a);
}

void print_octal(struct strbuf *sb, const struct arg_ctx *a)
{
	sb_printf(sb, "%#o", (unsigned int)a->call->args[a->idx]);
}

void print_fd(struct strbuf *sb, const struct arg_ctx *a)
{
	print_int(sb, a);
}

/* A NUL-terminated string, cut at limit bytes (SIZE_MAX: never). */
static void print_cstring(struct strbuf *sb, const struct arg_ctx *a,
			  size_t limit)
{
	const struct capture *cap = arg_captured(a);
	size_t len;

	if (!cap) {
		print_addr(sb, a);
		return;
	}
	len = strnlen((const char *)cap->data, cap->len);
	decode_quoted(sb, cap->data, len, limit,
		      cap->flags & SYSOBS_CAPF_TRUNCATED);
}

void print_str(struct strbuf *sb, const struct arg_ctx *a)
{
	print_cstring(sb, a, a->opts->string_limit);
}

void print_path(struct strbuf *sb, const struct arg_ctx *a)
{
	print_cstring(sb, a, (size_t)-1);
}

/* Random bytes, which strace shows all in hex: "\x0d\xfa". */
static void quoted_hex(struct strbuf *sb, const unsigned char *data,
		       size_t len, size_t limit, bool truncated)
{
	size_t shown = len < limit ? len : limit;
	size_t i;

	sb_putc(sb, '"');
	for (i = 0; i < shown; i++)
		sb_printf(sb, "\\x%02x", data[i]);
	sb_putc(sb, '"');
	if (truncated || len > limit)
		sb_puts(sb, "...");
}

/* want bytes were at the address; the capture holds the first of them. */
static void print_bytes(struct strbuf *sb, const struct arg_ctx *a,
			__u64 want, bool hex)
{
	const struct capture *cap = arg_captured(a);
	bool cut;
	size_t have;

	if (!cap) {
		print_addr(sb, a);
		return;
	}
	have = cap->len < want ? cap->len : want;
	cut = have < want || (cap->flags & SYSOBS_CAPF_TRUNCATED);
	if (hex)
		quoted_hex(sb, cap->data, have, a->opts->string_limit, cut);
	else
		decode_quoted(sb, cap->data, have, a->opts->string_limit, cut);
}

void print_buf_in(struct strbuf *sb, const struct arg_ctx *a)
{
	struct arg_ctx len_arg = { a->call, a->opts, a->idx + 1 };

	print_bytes(sb, a, a->idx < 5 ? arg_u(&len_arg) : 0, false);
}

void print_buf_out(struct strbuf *sb, const struct arg_ctx *a)
{
	long ret = a->call->ret;

	if (ret < 0) {
		print_addr(sb, a);
		return;
	}
	print_bytes(sb, a, ret, false);
}

void print_buf_out_hex(struct strbuf *sb, const struct arg_ctx *a)
{
	if (a->call->ret < 0)
		print_addr(sb, a);
	else
		print_bytes(sb, a, a->call->ret, true);
}

/* getcwd: the return value counts the path's NUL. */
void print_path_out(struct strbuf *sb, const struct arg_ctx *a)
{
	const struct capture *cap = arg_captured(a);
	size_t len;

	if (a->call->ret <= 0 || !cap) {
		print_addr(sb, a);
		return;
	}
	len = cap->len < (__u64)a->call->ret ? cap->len : a->call->ret;
	decode_quoted(sb, cap->data, strnlen((const char *)cap->data, len),
		      (size_t)-1, len < (__u64)a->call->ret);
}

/* A 64-bit value split in two registers: i386 passes its halves. */
static __u64 join_halves(const struct arg_ctx *a, int lo, int hi)
{
	if (!arg_is_32(a))
		return a->call->args[lo];
	return (__u64)(__u32)a->call->args[lo] |
	       (__u64)(__u32)a->call->args[hi] << 32;
}

void print_off64_lohi(struct strbuf *sb, const struct arg_ctx *a)
{
	__u64 v = a->idx < 5 ? join_halves(a, a->idx, a->idx + 1) : arg_u(a);

	sb_printf(sb, "%lld", (long long)v);
}

/* _llseek: the high half comes first, on both ABIs. */
void print_off64_hilo(struct strbuf *sb, const struct arg_ctx *a)
{
	__u64 v = a->idx < 5 ? (__u64)(__u32)a->call->args[a->idx + 1] |
			       (__u64)(__u32)a->call->args[a->idx] << 32 :
			       arg_u(a);

	sb_printf(sb, "%lld", (long long)v);
}

bool never_shown(const struct arg_ctx *a)
{
	return false;
}

void print_s64_out(struct strbuf *sb, const struct arg_ctx *a)
{
	__s64 v;

	if (cap_struct_or_addr(sb, a, &v, sizeof(v)))
		sb_printf(sb, "[%lld]", (long long)v);
}

void print_int_out(struct strbuf *sb, const struct arg_ctx *a)
{
	__s32 v;

	if (cap_struct_or_addr(sb, a, &v, sizeof(v)))
		sb_printf(sb, "[%d]", v);
}

/* ---- calls and returns ---- */

static bool call_failed(const struct decoded_call *c)
{
	long ret = c->abi == SYSOBS_ABI_32 ? (long)(__s32)c->ret : c->ret;

	return ret < 0 && ret >= -SYSOBS_MAX_ERRNO;
}

void print_generic_arg(struct strbuf *sb, const struct arg_ctx *a,
		       enum arg_kind k)
{
	const struct arg_kind_desc *d = &arg_kinds[k];

	/* The kernel fills out-arguments only on success. */
	if (d->out && (call_failed(a->call) || !a->call->finished)) {
		print_addr(sb, a);
		return;
	}
	if (d->names)
		print_names(sb, d->names, (__u32)arg_u(a));
	else
		d->print(sb, a);
}

/* The signature of calls the table does not know: six hex numbers. */
static const struct syscall_sig unknown_sig = {
	.name = NULL, .nargs = 6, .ret = R_INT,
	.arg = { K_HEX, K_HEX, K_HEX, K_HEX, K_HEX, K_HEX },
};

static const struct syscall_sig *sig_or_unknown(const struct decoded_call *c)
{
	const struct syscall_sig *sig = syscall_sig_of(c->abi, c->nr);

	return sig ? sig : &unknown_sig;
}

/* Calls that never return (exit_group) print whole: "exit_group(0) = ?". */
static bool call_done(const struct decoded_call *c,
		      const struct syscall_sig *sig)
{
	return c->finished || sig->ret == R_NONE;
}

static void print_args(struct strbuf *sb, const struct decoded_call *c,
		       const struct decode_opts *o,
		       const struct syscall_sig *sig)
{
	int i, shown = 0;

	for (i = 0; i < sig->nargs; i++) {
		const struct arg_kind_desc *d = &arg_kinds[sig->arg[i]];
		struct arg_ctx a = { c, o, i };

		if (d->shown && !d->shown(&a))
			continue;
		if (shown++)
			sb_puts(sb, ", ");
		/* strace stops an unfinished call before its outputs. */
		if (!call_done(c, sig) && d->out)
			return;
		print_generic_arg(sb, &a, sig->arg[i]);
	}
	if (call_done(c, sig))
		sb_putc(sb, ')');
}

/* call_printer_of() by number, looked up once per syscall: lines are hot. */
static call_printer printer_for(const struct decoded_call *c, const char *name)
{
	static call_printer cache[SYSOBS_NR_ABIS][SYSOBS_NR_SLOTS];
	static bool known[SYSOBS_NR_ABIS][SYSOBS_NR_SLOTS];

	if (c->abi >= SYSOBS_NR_ABIS || c->nr < 0 || c->nr >= SYSOBS_NR_SLOTS)
		return call_printer_of(name);
	if (!known[c->abi][c->nr]) {
		cache[c->abi][c->nr] = call_printer_of(name);
		known[c->abi][c->nr] = true;
	}
	return cache[c->abi][c->nr];
}

void decode_call(struct strbuf *sb, const struct decoded_call *c,
		 const struct decode_opts *o)
{
	char buf[SYSCALL_NAME_MAX];
	const char *name = syscall_name(c->abi, c->nr, buf, sizeof(buf));
	call_printer whole = printer_for(c, name);

	sb_puts(sb, name);	/* not printf: this runs for every line */
	sb_putc(sb, '(');
	if (whole) {
		whole(sb, c, o);
		if (c->finished)
			sb_putc(sb, ')');
		return;
	}
	print_args(sb, c, o, sig_or_unknown(c));
}

/* Pad the current line to strace's return column. */
static void pad_to_return_column(struct strbuf *sb)
{
	size_t start = sb->len, col;

	while (start && sb->buf[start - 1] != '\n')
		start--;
	col = sb->len - start;
	if (col >= RETURN_COLUMN)
		return;
	sb_grow(sb, RETURN_COLUMN - col);	/* all the spaces at once */
	memset(sb->buf + sb->len, ' ', RETURN_COLUMN - col);
	sb->len += RETURN_COLUMN - col;
	sb->buf[sb->len] = '\0';
}

/* The kernel's restart codes: the call will run again, strace shows "?". */
static bool is_restart(int err)
{
	return err == 512 || err == 513 || err == 514 || err == 516;
}

static void print_error(struct strbuf *sb, int err)
{
	const char *name = errno_name(err);
	const char *msg = errno_message(err);

	if (!name) {
		sb_printf(sb, " = -1 ERRNO_%d (Unknown error %d)", err, err);
		return;
	}
	sb_printf(sb, " = %s %s (%s)", is_restart(err) ? "?" : "-1", name,
		  msg ? msg : name);
}

/* " = N" without printf: the most common end of a line. */
static void put_return_long(struct strbuf *sb, long ret)
{
	char digits[24], *p = digits + sizeof(digits);
	unsigned long v = ret < 0 ? -(unsigned long)ret : (unsigned long)ret;

	do {
		*--p = '0' + v % 10;
		v /= 10;
	} while (v);
	if (ret < 0)
		*--p = '-';
	sb_puts(sb, " = ");
	sb_putn(sb, p, digits + sizeof(digits) - p);
}

void decode_return(struct strbuf *sb, const struct decoded_call *c)
{
	const struct syscall_sig *sig = sig_or_unknown(c);
	long ret = c->abi == SYSOBS_ABI_32 ? (long)(__s32)c->ret : c->ret;

	if (!call_done(c, sig)) {
		sb_puts(sb, " <unfinished ...>");
		return;
	}
	pad_to_return_column(sb);
	if (sig->ret == R_NONE) {
		sb_puts(sb, " = ?");
	} else if (call_failed(c)) {
		print_error(sb, (int)-ret);
	} else if (sig->ret == R_HEX) {
		sb_printf(sb, " = %#lx", c->abi == SYSOBS_ABI_32 ?
			  (unsigned long)(__u32)ret : (unsigned long)ret);
	} else if (sig->ret == R_OCTAL) {
		sb_printf(sb, " = %#03lo", ret);
	} else if (sig->ret == R_FCNTL) {
		print_fcntl_return(sb, c);
	} else if (sig->ret == R_TIMEOUT && ret == 0) {
		sb_puts(sb, " = 0 (Timeout)");
	} else if (sig->ret == R_PERSONALITY) {
		print_personality_return(sb, ret);
	} else if (sig->ret == R_SCHED_POLICY) {
		print_sched_policy_return(sb, ret);
	} else {
		put_return_long(sb, ret);
	}
}
