#!/bin/sh
# Portability check for another x86-64 machine (another kernel build and
# BTF, many CPUs): needs only the static ./sysobs and the static test
# workloads in tests/bin (make && make -C tests), no packages. Checks CO-RE
# relocation (tp_btf and raw_tp), per-CPU merging with one thread per CPU,
# i386 counting where IA32 emulation is on, and that nothing stays loaded.
# Prints "N passed, N failed".
cd "$(dirname "$0")/.." || exit 1
S=./sysobs
L=tests/bin/sysload
T=${TMPDIR:-/tmp}/sysobs-port.$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT
passed=0
failed=0

check() {	# check WHAT GOT WANT
	if [ "$2" = "$3" ]; then
		passed=$((passed + 1)); echo "ok   $1"
	else
		failed=$((failed + 1)); echo "FAIL $1: got '$2', want '$3'"
	fi
}

calls() {	# calls FILE NAME [32]
	awk -v name="$2" -v want="${3:-64}" '
		BEGIN { table = 64 }
		/^System call usage summary for 32 bit mode:/ { table = 32; next }
		table == want && $NF == name && $1 ~ /^[0-9.]+$/ { print $4; f = 1; exit }
		END { if (!f) print 0 }' "$1"
}

errors() {
	awk -v name="$2" -v want="${3:-64}" '
		BEGIN { table = 64 }
		/^System call usage summary for 32 bit mode:/ { table = 32; next }
		table == want && $NF == name && $1 ~ /^[0-9.]+$/ { print (NF == 6 ? $5 : 0); f = 1; exit }
		END { if (!f) print 0 }' "$1"
}

uname -r
n=$(nproc)
echo "cpus: $n"
"$S" -c -v --duration 0.5 -o "$T/sw" 2>"$T/sw.err"
check "system-wide attach (tp_btf)" "$(grep -c 'attached in .* (tp_btf)' "$T/sw.err")" 1
for mode in tp_btf raw_tp; do
	env=""
	[ $mode = raw_tp ] && env="SYSOBS_FORCE_RAW_TP=1"
	env $env "$S" -c -o "$T/$mode" -- "$L" -t "$n" -g 100000 -e 1000
	check "$mode: $n threads x 100000 getppid" "$(calls "$T/$mode" getppid)" $((n * 100000))
	check "$mode: $n threads x 1000 failing openat" "$(errors "$T/$mode" openat)" $((n * 1000))
done
if "$L-m32" -g 1 2>/dev/null; then
	"$S" -c -o "$T/m32" -- "$L-m32" -t "$n" -g 10000 -e 100
	check "i386: getppid" "$(calls "$T/m32" getppid 32)" $((n * 10000))
	check "i386: failing openat" "$(errors "$T/m32" openat 32)" $((n * 100))
else
	echo "skip i386: this kernel runs no 32-bit programs"
fi
# live mode: every call a line, none lost, with one thread per CPU
"$S" -f -o "$T/live" -- "$L" -t "$n" -g 20000 -e 100 2>"$T/live.err"
check "live: getppid lines" "$(grep -c ' getppid() *= [0-9]' "$T/live")" $((n * 20000))
check "live: failing openat lines" "$(grep -c 'openat(.*= -1 ENOENT' "$T/live")" $((n * 100))
check "live: nothing reported lost" "$(grep -ci 'lost' "$T/live" "$T/live.err" | awk -F: '{s += $2} END {print s + 0}')" 0
# signal delivery lines (tp_btf/signal_deliver: another CO-RE relocation)
"$S" -f -o "$T/sig" -- tests/bin/live_signal >/dev/null 2>&1
check "live: signal lines" "$(grep -c -- '--- SIG' "$T/sig")" 6
if [ -d /proc/self/fdinfo ]; then
	left=$(grep -l 'prog_tag\|map_type' /proc/[0-9]*/fdinfo/* 2>/dev/null |
	       while read -r f; do p=${f#/proc/}; p=${p%%/*};
	       readlink "/proc/$p/exe"; done | grep -c -x "$(readlink -f "$S")")
	check "no sysobs BPF object held after exit" "$left" 0
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
