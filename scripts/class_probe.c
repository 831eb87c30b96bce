// SPDX-License-Identifier: GPL-2.0
/*
 * Probe for scripts/gen_classes.sh: calls every syscall number once under
 * a seccomp filter that makes all of them fail with ENOSYS (none runs),
 * so that `strace -e trace=%CLASS` shows exactly the members of CLASS.
 */
#include <stddef.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <linux/audit.h>
#include <errno.h>
#ifdef __x86_64__
#define NR_EXIT 60
#define NR_EXIT_GROUP 231
#define NR_URETPROBE 335	/* uretprobe and uprobe bypass seccomp: SIGILL */
#define NR_UPROBE 336
#else
#define NR_EXIT 1
#define NR_EXIT_GROUP 252
#define NR_URETPROBE -1
#define NR_UPROBE -1
#endif
int main(void)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NR_EXIT_GROUP, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
	};
	struct sock_fprog prog = { sizeof(f) / sizeof(f[0]), f };
	long nr;

	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
	for (nr = 0; nr < 1000; nr++)
		if (nr != NR_EXIT_GROUP && nr != NR_URETPROBE && nr != NR_UPROBE)
			syscall(nr, 0, 0, 0, 0, 0, 0);
	syscall(NR_EXIT_GROUP, 0);
	return 0;
}
