// SPDX-License-Identifier: GPL-2.0
/* Calls of no larger family: getrandom, uname, bpf, seccomp. */
#include <string.h>
#include "decode_priv.h"

static const struct flag_name grnd_flags[] = {
	FLAG(1, GRND_NONBLOCK), FLAG(2, GRND_RANDOM), FLAG(4, GRND_INSECURE),
};

const struct name_table grnd_flag_names = FLAG_NAMES(grnd_flags, NULL);

#define UTS_FIELD 65	/* bytes of each struct utsname field */

/* uname({sysname="Linux", nodename="vm", ...}): the first two fields. */
void print_utsname(struct strbuf *sb, const struct arg_ctx *a)
{
	unsigned char raw[2 * UTS_FIELD];

	if (!cap_struct_or_addr(sb, a, raw, sizeof(raw)))
		return;
	sb_puts(sb, "{sysname=");
	decode_quoted(sb, raw, strnlen((char *)raw, UTS_FIELD), UTS_FIELD, false);
	sb_puts(sb, ", nodename=");
	decode_quoted(sb, raw + UTS_FIELD,
		      strnlen((char *)raw + UTS_FIELD, UTS_FIELD), UTS_FIELD,
		      false);
	sb_puts(sb, ", ...}");
}

static const struct flag_name bpf_cmds[] = {
	FLAG(0, BPF_MAP_CREATE), FLAG(1, BPF_MAP_LOOKUP_ELEM),
	FLAG(2, BPF_MAP_UPDATE_ELEM), FLAG(3, BPF_MAP_DELETE_ELEM),
	FLAG(4, BPF_MAP_GET_NEXT_KEY), FLAG(5, BPF_PROG_LOAD),
	FLAG(6, BPF_OBJ_PIN), FLAG(7, BPF_OBJ_GET), FLAG(8, BPF_PROG_ATTACH),
	FLAG(9, BPF_PROG_DETACH), FLAG(10, BPF_PROG_TEST_RUN),
	FLAG(11, BPF_PROG_GET_NEXT_ID), FLAG(12, BPF_MAP_GET_NEXT_ID),
	FLAG(13, BPF_PROG_GET_FD_BY_ID), FLAG(14, BPF_MAP_GET_FD_BY_ID),
	FLAG(15, BPF_OBJ_GET_INFO_BY_FD), FLAG(16, BPF_PROG_QUERY),
	FLAG(17, BPF_RAW_TRACEPOINT_OPEN), FLAG(18, BPF_BTF_LOAD),
	FLAG(19, BPF_BTF_GET_FD_BY_ID), FLAG(20, BPF_TASK_FD_QUERY),
	FLAG(21, BPF_MAP_LOOKUP_AND_DELETE_ELEM), FLAG(22, BPF_MAP_FREEZE),
	FLAG(23, BPF_BTF_GET_NEXT_ID), FLAG(24, BPF_MAP_LOOKUP_BATCH),
	FLAG(25, BPF_MAP_LOOKUP_AND_DELETE_BATCH),
	FLAG(26, BPF_MAP_UPDATE_BATCH), FLAG(27, BPF_MAP_DELETE_BATCH),
	FLAG(28, BPF_LINK_CREATE), FLAG(29, BPF_LINK_UPDATE),
	FLAG(30, BPF_LINK_GET_FD_BY_ID), FLAG(31, BPF_LINK_GET_NEXT_ID),
	FLAG(32, BPF_ENABLE_STATS), FLAG(33, BPF_ITER_CREATE),
	FLAG(34, BPF_LINK_DETACH), FLAG(35, BPF_PROG_BIND_MAP),
	FLAG(36, BPF_TOKEN_CREATE),
};

const struct name_table bpf_cmd_names = ENUM_NAMES(bpf_cmds, "BPF_");

static const struct flag_name seccomp_ops[] = {
	FLAG(0, SECCOMP_SET_MODE_STRICT), FLAG(1, SECCOMP_SET_MODE_FILTER),
	FLAG(2, SECCOMP_GET_ACTION_AVAIL), FLAG(3, SECCOMP_GET_NOTIF_SIZES),
};

const struct name_table seccomp_op_names = ENUM_NAMES(seccomp_ops, "SECCOMP_");
