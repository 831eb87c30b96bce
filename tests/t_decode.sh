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
