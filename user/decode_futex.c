// SPDX-License-Identifier: GPL-2.0
/*
 * futex(2): the operation name (with _PRIVATE and FUTEX_CLOCK_REALTIME)
 * and the whole call, since each operation uses a different subset of
 * the six arguments and strace shows only those.
 */
#include "decode_priv.h"

#define FUTEX_CMD_MASK		0x7f
#define FUTEX_PRIVATE		128
#define FUTEX_CLOCK_RT		256
#define FUTEX_MATCH_ANY		0xffffffffu

enum futex_cmd {
	FX_WAIT = 0, FX_WAKE = 1, FX_FD = 2, FX_REQUEUE = 3, FX_CMP_REQUEUE = 4,
	FX_WAKE_OP = 5, FX_LOCK_PI = 6, FX_UNLOCK_PI = 7, FX_TRYLOCK_PI = 8,
	FX_WAIT_BITSET = 9, FX_WAKE_BITSET = 10, FX_WAIT_REQUEUE_PI = 11,
	FX_CMP_REQUEUE_PI = 12, FX_LOCK_PI2 = 13,
};

static const struct flag_name futex_cmds[] = {
	FLAG(FX_WAIT, FUTEX_WAIT), FLAG(FX_WAKE, FUTEX_WAKE),
	FLAG(FX_FD, FUTEX_FD), FLAG(FX_REQUEUE, FUTEX_REQUEUE),
	FLAG(FX_CMP_REQUEUE, FUTEX_CMP_REQUEUE),
	FLAG(FX_WAKE_OP, FUTEX_WAKE_OP), FLAG(FX_LOCK_PI, FUTEX_LOCK_PI),
	FLAG(FX_UNLOCK_PI, FUTEX_UNLOCK_PI),
	FLAG(FX_TRYLOCK_PI, FUTEX_TRYLOCK_PI),
	FLAG(FX_WAIT_BITSET, FUTEX_WAIT_BITSET),
	FLAG(FX_WAKE_BITSET, FUTEX_WAKE_BITSET),
	FLAG(FX_WAIT_REQUEUE_PI, FUTEX_WAIT_REQUEUE_PI),
	FLAG(FX_CMP_REQUEUE_PI, FUTEX_CMP_REQUEUE_PI),
	FLAG(FX_LOCK_PI2, FUTEX_LOCK_PI2),
};

static void sb_futex_op(struct strbuf *sb, unsigned int op)
{
	const char *name = flag_lookup(futex_cmds, ARRAY_LEN(futex_cmds),
				       op & FUTEX_CMD_MASK);

	if (!name) {
		sb_printf(sb, "%#x /* FUTEX_??? */", op);
		return;
	}
	sb_puts(sb, name);
	if (op & FUTEX_PRIVATE)
		sb_puts(sb, "_PRIVATE");
	if (op & FUTEX_CLOCK_RT)
		sb_puts(sb, "|FUTEX_CLOCK_REALTIME");
}

void print_futex_op(struct strbuf *sb, const struct arg_ctx *a)
{
	sb_futex_op(sb, (__u32)arg_u(a));
}

/* Which arguments each operation uses, after uaddr and op. */
enum {
	FA_VAL = 1, FA_TIMEOUT = 2, FA_VAL2 = 4, FA_UADDR2 = 8, FA_VAL3 = 16,
	FA_BITSET = 32,
};

static unsigned int futex_args(unsigned int cmd)
{
	switch (cmd) {
	case FX_WAIT:
		return FA_VAL | FA_TIMEOUT;
	case FX_WAKE:
	case FX_FD:
		return FA_VAL;
	case FX_REQUEUE:
		return FA_VAL | FA_VAL2 | FA_UADDR2;
	case FX_CMP_REQUEUE:
	case FX_CMP_REQUEUE_PI:
	case FX_WAKE_OP:
		return FA_VAL | FA_VAL2 | FA_UADDR2 | FA_VAL3;
	case FX_LOCK_PI:
	case FX_LOCK_PI2:
		return FA_TIMEOUT;
	case FX_WAIT_BITSET:
		return FA_VAL | FA_TIMEOUT | FA_BITSET;
	case FX_WAKE_BITSET:
		return FA_VAL | FA_BITSET;
	case FX_WAIT_REQUEUE_PI:
		return FA_VAL | FA_TIMEOUT | FA_UADDR2;
	default:	/* UNLOCK_PI, TRYLOCK_PI, unknown */
		return 0;
	}
}

static void sb_bitset(struct strbuf *sb, __u32 v)
{
	if (v == FUTEX_MATCH_ANY)
		sb_puts(sb, "FUTEX_BITSET_MATCH_ANY");
	else
		sb_printf(sb, "%#x", v);
}

static void sb_futex_timeout(struct strbuf *sb, const struct decoded_call *c,
			     const struct decode_opts *o)
{
	const struct syscall_sig *sig = syscall_sig_of(c->abi, c->nr);
	struct arg_ctx a = { c, o, 3 };

	if (sig)
		print_generic_arg(sb, &a, sig->arg[3]);
	else
		print_addr(sb, &a);
}

void print_futex_call(struct strbuf *sb, const struct decoded_call *c,
		      const struct decode_opts *o)
{
	unsigned int op = (unsigned int)call_arg(c, 1);
	unsigned int use = futex_args(op & FUTEX_CMD_MASK);
	__u64 uaddr = call_arg(c, 0);

	sb_printf(sb, uaddr ? "%#llx, " : "NULL, ", (unsigned long long)uaddr);
	sb_futex_op(sb, op);
	if (use & FA_VAL)
		sb_printf(sb, ", %u", (__u32)call_arg(c, 2));
	if (use & FA_TIMEOUT) {
		sb_puts(sb, ", ");
		sb_futex_timeout(sb, c, o);
	}
	if (use & FA_VAL2)
		sb_printf(sb, ", %u", (__u32)call_arg(c, 3));
	if (use & FA_UADDR2)
		sb_printf(sb, call_arg(c, 4) ? ", %#llx" : ", NULL",
			  (unsigned long long)call_arg(c, 4));
	if (use & FA_VAL3)
		sb_printf(sb, ", %#x", (__u32)call_arg(c, 5));
	if (use & FA_BITSET) {
		sb_puts(sb, ", ");
		sb_bitset(sb, (__u32)call_arg(c, 5));
	}
}
