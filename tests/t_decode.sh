# Decoder checks against the running kernel.

# The argument counts of the signature table agree with the kernel's own
# prototypes: BTF keeps __do_sys_NAME (the syscall body, with its real
# arguments) for the syscalls the compiler did not inline; SYSCALL_DEFINE0
# bodies take one unused pt_regs pointer.
test_decode_arg_counts_match_kernel_btf() {
	[ -r /sys/kernel/btf/vmlinux ] || { fail "no kernel BTF"; return 1; }
	bpftool btf dump file /sys/kernel/btf/vmlinux format raw > btf.raw ||
		{ fail "bpftool btf dump"; return 1; }
	awk '
	/^\[[0-9]+\] FUNC_PROTO/ {
		cur = substr($1, 2, length($1) - 2)
		for (i = 1; i <= NF; i++)
			if ($i ~ /^vlen=/) { split($i, a, "="); vlen[cur] = a[2] }
		next
	}
	/^\t\047/ {
		if (cur != "" && !(cur in first)) { n = $1; gsub("\047", "", n); first[cur] = n }
		next
	}
	/^\[/ { cur = "" }
	/^\[[0-9]+\] FUNC .__do_sys_/ {
		name = $3; gsub("\047", "", name); sub("__do_sys_", "", name)
		for (i = 1; i <= NF; i++)
			if ($i ~ /^type_id=/) { split($i, a, "="); proto[name] = a[2] }
	}
	END {
		for (n in proto) {
			v = vlen[proto[n]]
			if (v == 1 && first[proto[n]] == "__unused") v = 0
			print n, v
		}
	}' btf.raw | sort > kernel.txt
	"$BIN/unit_decode_table" --signatures | sort > table.txt
	join kernel.txt table.txt > both.txt
	n=$(wc -l < both.txt)
	[ "$n" -ge 50 ] || { fail "only $n syscalls to compare"; return 1; }
	bad=$(awk '$2 != $3' both.txt)
	[ -z "$bad" ] || { fail "argument counts differ (name kernel table): $bad"; return 1; }
	echo "    $n syscalls compared"
}

# Calls whose arguments are plain values (no memory to capture): with the
# raw numbers strace saw, the decoders must print exactly strace's line.
DECODE_VALUE_CALLS=mmap,mmap2,mprotect,madvise,msync,mlock,munlock,munmap,\
fcntl,fcntl64,dup,dup2,dup3,lseek,flock,close,socket,listen,shutdown,kill,\
umask,futex,sched_yield

# strace -e raw=all lines to "BITS NAME RET ARG...", errno names to numbers.
RAW_TO_NUMBERS='
import errno, re, sys
for line in sys.stdin:
    m = re.match(r"^(\w+)\((.*)\) += (.*)$", line.rstrip("\n"))
    if not m:
        continue
    name, args, ret = m.groups()
    if ret.startswith("-1 "):
        ret = str(-getattr(errno, ret.split()[1]))
    elif ret == "?":
        ret = "0"
    print(sys.argv[1], name, ret, *[a for a in args.split(", ") if a])
'

# decode_vs_strace WORKLOAD BITS: two runs of WORKLOAD under strace without
# address randomization (so both see the same addresses), one with raw
# numbers, one decoded; the raw one goes through the decoders.
decode_vs_strace() {
	command -v strace >/dev/null || { fail "strace is not installed"; return 1; }
	setarch -R strace -qq -e trace=$DECODE_VALUE_CALLS -e raw=all \
		-o raw.txt "$BIN/$1" || { fail "strace raw run"; return 1; }
	setarch -R strace -qq -e trace=$DECODE_VALUE_CALLS \
		-o want.txt "$BIN/$1" || { fail "strace run"; return 1; }
	python3 -c "$RAW_TO_NUMBERS" "$2" < raw.txt > in.txt ||
		{ fail "raw lines not understood"; return 1; }
	"$BIN/unit_decode_table" --raw < in.txt > got.txt ||
		{ fail "the decoder refused a line"; return 1; }
	grep -E '^[a-z_0-9]+\(' want.txt > want_calls.txt
	n=$(wc -l < want_calls.txt)
	[ "$n" -ge 30 ] || { fail "only $n calls traced"; return 1; }
	diff want_calls.txt got.txt > diff.txt ||
		{ cat diff.txt; fail "decoded lines differ from strace's"; return 1; }
	echo "    $n lines identical to strace's"
}

test_decode_matches_strace_64() {
	decode_vs_strace decode_calls 64
}

test_decode_matches_strace_32() {
	decode_vs_strace decode_calls-m32 32
}

# decode_structs_vs_strace WORKLOAD: the workload records each call with the
# memory its arguments point to (what BPF captures); strace watches the
# same run. The decoded records must be strace's last lines, exactly.
decode_structs_vs_strace() {
	command -v strace >/dev/null || { fail "strace is not installed"; return 1; }
	strace -qq -e signal=none -o want.txt -e trace=openat,fstat,newfstatat,fstat64,\
fstatat64,stat,read,statx,getcwd,rt_sigaction,rt_sigprocmask,prlimit64,\
getrlimit,ugetrlimit,clock_getres,nanosleep,gettimeofday,futex,connect,\
pipe2,uname,wait4,write,readlink,getdents64,ioctl,setsockopt,getsockname,\
sendto,timerfd_settime,timerfd_settime64,execve,sigaltstack,getsockopt,sched_getaffinity,\
epoll_ctl,epoll_wait,setitimer,utimensat,openat2,getrandom "$BIN/$1" records.txt || { fail "workload under strace"; return 1; }
	"$BIN/unit_decode_table" --raw < records.txt > got.txt ||
		{ fail "the decoder refused a record"; return 1; }
	n=$(wc -l < got.txt)
	[ "$n" -ge 20 ] || { fail "only $n records"; return 1; }
	tail -n "$n" want.txt > want_tail.txt
	diff want_tail.txt got.txt > diff.txt ||
		{ cat diff.txt; fail "decoded records differ from strace's"; return 1; }
	echo "    $n lines identical to strace's"
}

test_decode_structs_match_strace_64() {
	decode_structs_vs_strace decode_structs
}

test_decode_structs_match_strace_32() {
	decode_structs_vs_strace decode_structs-m32
}
