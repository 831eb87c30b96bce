// SPDX-License-Identifier: GPL-2.0
/*
 * The signature table and the capture spec: every syscall of both kernel
 * tables has a signature, every kind a printer; the capture spec asks BPF
 * for what the decoders print; every call of both ABIs decodes with any
 * arguments and any captured bytes without a raw control byte.
 * With --signatures, prints "name nargs" per signature instead, for
 * tests/t_decode.sh to compare with the running kernel's BTF; with --raw,
 * decodes lines "ABI NAME RET ARG..." (numbers, as strace -e raw=all
 * shows them) from stdin, for t_decode.sh to compare with strace.
 */
#include <ctype.h>
#include "decode_test.h"
#include "decode_priv.h"

static int count_missing(unsigned int abi)
{
	char buf[SYSCALL_NAME_MAX];
	unsigned int nr, n = syscall_table_len(abi);
	int missing = 0;

	for (nr = 0; nr < n; nr++) {
		const char *name = syscall_name(abi, nr, buf, sizeof(buf));

		if (!strncmp(name, "syscall_0x", 10))
			continue;	/* a hole in the table */
		if (!syscall_sig_of(abi, nr)) {
			printf("# no signature: %s (abi %u)\n", name, abi);
			missing++;
		}
	}
	return missing;
}

static void test_coverage(void)
{
	size_t i, bad = 0;
	int k;

	CHECK(count_missing(SYSOBS_ABI_64) == 0, "every x86-64 syscall has a signature");
	CHECK(count_missing(SYSOBS_ABI_32) == 0, "every i386 syscall has a signature");
	for (i = 0; i < syscall_sigs_len; i++) {
		const struct syscall_sig *s = &syscall_sigs[i];

		bad += s->nargs > 6;
		for (k = 0; k < s->nargs; k++)
			bad += s->arg[k] >= NR_ARG_KINDS;
	}
	CHECK(bad == 0, "signatures have at most 6 arguments of known kinds");
	for (k = 0, bad = 0; k < NR_ARG_KINDS; k++)
		bad += !arg_kinds[k].print && !arg_kinds[k].names;
	CHECK(bad == 0, "every argument kind has a printer or a name table");
}

static struct sysobs_capspec specs[SYSOBS_NR_ABIS * SYSOBS_NR_SLOTS];

static const struct sysobs_capspec *spec_of(unsigned int abi, const char *name)
{
	return &specs[abi * SYSOBS_NR_SLOTS + syscall_number(abi, name)];
}

static void test_capture_specs(void)
{
	const struct sysobs_capspec *s;

	decode_capture_specs(specs, ARRAY_LEN(specs));
	s = spec_of(SYSOBS_ABI_64, "openat");
	CHECK(s->kind[0] == SYSOBS_CAP_NONE && s->kind[1] == SYSOBS_CAP_STR_IN &&
	      s->kind[2] == SYSOBS_CAP_NONE, "openat: the path only");
	CHECK(s->size[1] == SYSOBS_CAP_MAX, "openat: the path whole, not cut at -s");
	s = spec_of(SYSOBS_ABI_64, "getdents64");
	CHECK(s->kind[1] == SYSOBS_CAP_BUF_OUT && s->size[1] == SYSOBS_CAP_MAX,
	      "getdents64: entries captured whole (strace counts them)");
	s = spec_of(SYSOBS_ABI_64, "getcwd");
	CHECK(s->kind[0] == SYSOBS_CAP_BUF_OUT && s->size[0] == SYSOBS_CAP_MAX,
	      "getcwd: the path whole");
	s = spec_of(SYSOBS_ABI_64, "write");
	CHECK(s->kind[1] == SYSOBS_CAP_BUF_IN && s->len_arg[1] == 2 &&
	      s->size[1] == 0, "write: buffer in, length in argument 2, cut at -s");
	s = spec_of(SYSOBS_ABI_64, "read");
	CHECK(s->kind[1] == SYSOBS_CAP_BUF_OUT, "read: buffer out (return value bytes)");
	s = spec_of(SYSOBS_ABI_64, "newfstatat");
	CHECK(s->kind[2] == SYSOBS_CAP_STRUCT_OUT && s->size[2] == 144,
	      "newfstatat: 144-byte struct stat out");
	s = spec_of(SYSOBS_ABI_32, "fstat64");
	CHECK(s->kind[1] == SYSOBS_CAP_STRUCT_OUT && s->size[1] == 96,
	      "i386 fstat64: 96-byte struct stat64 out");
	s = spec_of(SYSOBS_ABI_32, "stat");
	CHECK(s->kind[0] == SYSOBS_CAP_STR_IN &&
	      s->kind[1] == SYSOBS_CAP_STRUCT_OUT && s->size[1] == 64,
	      "i386 stat: 64-byte compat struct stat out");
	s = spec_of(SYSOBS_ABI_32, "nanosleep");
	CHECK(s->kind[0] == SYSOBS_CAP_STRUCT_IN && s->size[0] == 8,
	      "i386 nanosleep: 8-byte timespec in");
	s = spec_of(SYSOBS_ABI_32, "clock_nanosleep_time64");
	CHECK(s->kind[2] == SYSOBS_CAP_STRUCT_IN && s->size[2] == 16,
	      "i386 clock_nanosleep_time64: 16-byte timespec in");
	s = spec_of(SYSOBS_ABI_64, "execve");
	CHECK(s->kind[0] == SYSOBS_CAP_STR_IN && s->kind[1] == SYSOBS_CAP_ARGV &&
	      s->kind[2] == SYSOBS_CAP_COUNT, "execve: path, argv, envp's count");
	s = spec_of(SYSOBS_ABI_64, "rt_sigaction");
	CHECK(s->kind[1] == SYSOBS_CAP_STRUCT_IN && s->size[1] == 32 &&
	      s->kind[2] == SYSOBS_CAP_STRUCT_OUT && s->size[2] == 32,
	      "rt_sigaction: 32-byte sigaction in and out");
	s = spec_of(SYSOBS_ABI_32, "rt_sigaction");
	CHECK(s->size[1] == 20, "i386 rt_sigaction: 20-byte compat sigaction");
	s = spec_of(SYSOBS_ABI_64, "connect");
	CHECK(s->kind[1] == SYSOBS_CAP_BUF_IN && s->len_arg[1] == 2,
	      "connect: sockaddr with its length in argument 2");
	s = spec_of(SYSOBS_ABI_64, "close");
	CHECK(!memcmp(s, &(struct sysobs_capspec){ 0 }, sizeof(*s)),
	      "close: nothing captured");
	s = spec_of(SYSOBS_ABI_64, "prlimit64");
	CHECK(s->kind[2] == SYSOBS_CAP_STRUCT_IN && s->kind[3] == SYSOBS_CAP_STRUCT_OUT &&
	      s->size[3] == 16, "prlimit64: rlimit64 in and out");
}

static unsigned int rng = 12345;

static unsigned int next_rand(void)
{
	rng = rng * 1103515245 + 12345;
	return rng >> 8;
}

static bool has_control_byte(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

/* Commas outside quotes, brackets and braces: separators of arguments. */
static int top_level_commas(const char *s)
{
	int depth = 0, commas = 0;
	bool quoted = false;

	for (s = strchr(s, '('); s && *s; s++) {
		if (quoted) {
			if (*s == '\\')
				s++;
			else if (*s == '"')
				quoted = false;
		} else if (*s == '"') {
			quoted = true;
		} else if (strchr("([{", *s)) {
			depth++;
		} else if (strchr(")]}", *s)) {
			depth--;
		} else if (*s == ',' && depth == 1) {
			commas++;
		}
	}
	return commas;
}

/* Every syscall, both ABIs, random arguments and captured bytes. */
static void test_fuzz(void)
{
	static unsigned char bytes[512], zeros[256];
	unsigned int abi, nr, round, bad_bytes = 0, bad_count = 0, calls = 0;
	size_t i;

	for (i = 0; i < sizeof(bytes); i++)
		bytes[i] = next_rand();
	for (abi = 0; abi < SYSOBS_NR_ABIS; abi++) {
		for (nr = 0; nr < SYSOBS_NR_SLOTS; nr++) {
			const struct syscall_sig *sig = syscall_sig_of(abi, nr);

			for (round = 0; round < 20; round++) {
				struct decoded_call c = { .abi = abi, .nr = nr };
				int a;

				c.finished = round % 5 != 4;
				c.ret = round % 3 ? (long)(next_rand() % 64) - 32 : 0;
				for (a = 0; a < 6 && round; a++) {
					c.args[a] = round % 2 ? next_rand() : (__u64)-1;
					c.cap[a].data = bytes + next_rand() % 256;
					c.cap[a].len = next_rand() % 256;
					c.cap[a].flags = next_rand() % 4;
				}
				if (round % 7 == 1)	/* NULs everywhere */
					for (a = 0; a < 6; a++)
						c.cap[a].data = zeros;
				bad_bytes += has_control_byte(full_line(&c));
				calls++;
				if (round || !sig || !c.finished ||
				    call_printer_of(syscall_name(abi, nr, (char[SYSCALL_NAME_MAX]){ 0 }, SYSCALL_NAME_MAX)))
					continue;
				for (a = 0; a < sig->nargs; a++)
					if (arg_kinds[sig->arg[a]].shown)
						break;
				if (a == sig->nargs &&
				    top_level_commas(call_text(&c)) != (sig->nargs ? sig->nargs - 1 : 0)) {
					printf("# wrong argument count: %s\n", test_sb.buf);
					bad_count++;
				}
			}
		}
	}
	printf("# %u calls decoded\n", calls);
	CHECK(bad_bytes == 0, "no raw control byte in any decoded call (both ABIs, random data)");
	CHECK(bad_count == 0, "every signature prints its number of arguments");
}

static void dump_signatures(void)
{
	size_t i;

	for (i = 0; i < syscall_sigs_len; i++)
		printf("%s %d\n", syscall_sigs[i].name, syscall_sigs[i].nargs);
}

/* Captured memory of a raw line: " | 1=2f6574630a00 3=0100..." */
static void parse_captures(struct decoded_call *c, const char *p)
{
	static unsigned char mem[6][1024];
	unsigned int idx;
	char *next;

	p = strchr(p, '|');
	if (!p)
		return;
	for (p++; *p == ' ';) {
		idx = strtoul(p + 1, &next, 10);
		if (*next != '=' || idx >= 6)
			return;
		p = next + 1;
		c->cap[idx].data = mem[idx];
		c->cap[idx].len = 0;
		while (isxdigit(p[0]) && isxdigit(p[1]) &&
		       c->cap[idx].len < sizeof(mem[idx])) {
			char hex[3] = { p[0], p[1], 0 };

			mem[idx][c->cap[idx].len++] = strtoul(hex, NULL, 16);
			p += 2;
		}
	}
}

/*
 * One call per line: "64 mmap 0x7ffff7fbe000 0 0x2000 0x3 0x22 0xffffffff
 * 0", optionally followed by " | IDX=HEX..." for arguments' memory.
 */
static int decode_raw_lines(void)
{
	char text[8192], name[64];

	while (fgets(text, sizeof(text), stdin)) {
		struct decoded_call c = { .finished = true };
		char *p = text, *end;
		unsigned int bits;
		int n, a;

		if (sscanf(p, "%u %63s %n", &bits, name, &n) != 2 ||
		    (bits != 32 && bits != 64))
			return 1;
		c.abi = bits == 32 ? SYSOBS_ABI_32 : SYSOBS_ABI_64;
		c.nr = syscall_number(c.abi, name);
		p += n;
		c.ret = strtoll(p, &end, 0);
		for (a = 0; a < 6 && end != p; a++) {
			p = end;
			c.args[a] = strtoull(p, &end, 0);
		}
		if (c.nr < 0)
			return 1;
		parse_captures(&c, end);
		puts(full_line(&c));
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--signatures")) {
		dump_signatures();
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "--raw"))
		return decode_raw_lines();
	sb_init(&test_sb);
	test_coverage();
	test_capture_specs();
	test_fuzz();
	UNIT_EXIT();
}
