// SPDX-License-Identifier: GPL-2.0
/*
 * The capture spec BPF follows: for each ABI and syscall number, what to
 * read of each argument's memory, derived from the signature table and
 * the argument kinds (decode_kinds.c), so what is captured is exactly
 * what the decoders print.
 */
#include <string.h>
#include "decode_priv.h"

static void fill_one(struct sysobs_capspec *cs, unsigned int abi,
		     const struct syscall_sig *sig)
{
	int i;

	for (i = 0; i < sig->nargs; i++) {
		const struct arg_kind_desc *d = &arg_kinds[sig->arg[i]];
		unsigned int size = abi == SYSOBS_ABI_32 ? d->size32 : d->size64;

		cs->kind[i] = d->capture;
		if (d->capture == SYSOBS_CAP_BUF_IN)
			cs->len_arg[i] = i + 1;	/* the length follows the buffer */
		if (d->capture == SYSOBS_CAP_STRUCT_IN ||
		    d->capture == SYSOBS_CAP_STRUCT_OUT) {
			cs->size[i] = size;
			if (!size)	/* not decoded in this ABI: address only */
				cs->kind[i] = SYSOBS_CAP_NONE;
		} else if (size) {	/* a path or buffer bounded by its kind, not -s */
			cs->size[i] = size;
		}
	}
}

void decode_capture_specs(struct sysobs_capspec *spec, size_t n)
{
	unsigned int abi, nr;

	memset(spec, 0, n * sizeof(*spec));
	for (abi = 0; abi < SYSOBS_NR_ABIS; abi++) {
		for (nr = 0; nr < SYSOBS_NR_SLOTS; nr++) {
			size_t slot = (size_t)abi * SYSOBS_NR_SLOTS + nr;
			const struct syscall_sig *sig = syscall_sig_of(abi, nr);

			if (slot < n && sig)
				fill_one(&spec[slot], abi, sig);
		}
	}
}
