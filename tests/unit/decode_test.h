/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the decoder unit tests: build a call by name with its
 * arguments and captured memory, format it, compare with the exact line
 * strace prints for the same call.
 */
#ifndef SYSOBS_DECODE_TEST_H
#define SYSOBS_DECODE_TEST_H

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "decode.h"
#include "syscalls.h"

static struct decode_opts test_opts = { .string_limit = 32 };
static struct strbuf test_sb;

/* A finished call of the named syscall; unset arguments are 0. */
static inline struct decoded_call call_abi(unsigned int abi, const char *name,
				    long ret, int nargs, ...)
{
	struct decoded_call c;
	va_list ap;
	int i;

	memset(&c, 0, sizeof(c));
	c.abi = abi;
	c.nr = syscall_number(abi, name);
	if (c.nr < 0) {
		printf("# no syscall %s in abi %u\n", name, abi);
		abort();
	}
	c.ret = ret;
	c.finished = true;
	va_start(ap, nargs);
	for (i = 0; i < nargs; i++)
		c.args[i] = va_arg(ap, __u64);
	va_end(ap);
	return c;
}

#define NARGS_(...) (sizeof((__u64[]){ __VA_ARGS__ }) / sizeof(__u64))
/* CALL("openat", 3, arg0, arg1...): each argument is converted to __u64. */
#define CALL(name, ret, ...) \
	call_abi(SYSOBS_ABI_64, name, ret, NARGS_(CAST6_(__VA_ARGS__)), CAST6_(__VA_ARGS__))
#define CALL32(name, ret, ...) \
	call_abi(SYSOBS_ABI_32, name, ret, NARGS_(CAST6_(__VA_ARGS__)), CAST6_(__VA_ARGS__))
#define CALL0(name, ret) call_abi(SYSOBS_ABI_64, name, ret, 0)

/* Cast up to six arguments to __u64 (so ints, pointers and -1 all fit). */
#define U64_(x) ((__u64)(x))
#define CAST1_(a) U64_(a)
#define CAST2_(a, b) U64_(a), U64_(b)
#define CAST3_(a, b, c) U64_(a), U64_(b), U64_(c)
#define CAST4_(a, b, c, d) U64_(a), U64_(b), U64_(c), U64_(d)
#define CAST5_(a, b, c, d, e) U64_(a), U64_(b), U64_(c), U64_(d), U64_(e)
#define PICK7_(_1, _2, _3, _4, _5, _6, N, ...) N
#define CAST6_(...) PICK7_(__VA_ARGS__, CAST6__, CAST5_, CAST4_, CAST3_, \
			   CAST2_, CAST1_)(__VA_ARGS__)
#define CAST6__(a, b, c, d, e, f) \
	U64_(a), U64_(b), U64_(c), U64_(d), U64_(e), U64_(f)

/* Attach captured memory to argument i. */
static inline void cap(struct decoded_call *c, int i, const void *data,
		unsigned int len, unsigned int flags)
{
	c->cap[i].data = data;
	c->cap[i].len = len;
	c->cap[i].flags = flags;
}

/* Attach a C string (with its NUL) to argument i. */
static inline void cap_str(struct decoded_call *c, int i, const char *s)
{
	cap(c, i, s, strlen(s) + 1, 0);
}

/* The full line: "name(args)      = ret", padded like strace. */
static inline const char *full_line(const struct decoded_call *c)
{
	sb_reset(&test_sb);
	decode_call(&test_sb, c, &test_opts);
	decode_return(&test_sb, c);
	return test_sb.buf;
}

/* Only "name(args)". */
static inline const char *call_text(const struct decoded_call *c)
{
	sb_reset(&test_sb);
	decode_call(&test_sb, c, &test_opts);
	return test_sb.buf;
}

/* Only what decode_return appends after an empty line. */
static inline const char *ret_text(const struct decoded_call *c)
{
	static struct strbuf rsb;
	const char *p;

	sb_reset(&rsb);
	decode_return(&rsb, c);
	/* skip the padding to the return column */
	for (p = rsb.buf; *p == ' ' && p[1] == ' '; p++)
		;
	return p;
}

/* "name(args) = ret" without the padding, to keep expectations short. */
static inline const char *line(const struct decoded_call *c)
{
	static struct strbuf lsb;

	sb_reset(&lsb);
	sb_puts(&lsb, call_text(c));
	sb_puts(&lsb, ret_text(c));
	return lsb.buf;
}

#define CHECK_LINE(c, want) CHECK_STR(line(&(c)), want, want)
#define CHECK_CALL(c, want) CHECK_STR(call_text(&(c)), want, want)

#endif /* SYSOBS_DECODE_TEST_H */
