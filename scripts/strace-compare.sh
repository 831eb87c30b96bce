#!/bin/sh
# strace-compare.sh: how many of strace's lines sysobs prints exactly the same.
#
# Usage: scripts/strace-compare.sh [-q] [-E] [-k DIR] [-x CMD]... [PROGRAM...]
#   PROGRAM  names from the list below (default: all of them, unless -x)
#   -x CMD   also compare on this shell command (named x1, x2...)
#   -q       only the per-program table and the "overall" line
#   -E       run the programs with the caller's environment, not env -i
#   -k DIR   keep the raw and normalized traces in DIR (created)
# Environment: SYSOBS (default ./sysobs of this tree), STRACE (strace).
# Run as root (sysobs loads BPF). Takes well under a minute; leaves nothing
# behind (its work directory is removed on exit).
#
# Each program runs once under "strace -f -o A -- PROG" and once under
# "sysobs -f -o B -- PROG", with the same minimal environment (env -i: PATH,
# HOME), the same working directory, stdin and stdout on /dev/null. Both
# traces are then normalized the same way:
#   - "<unfinished ...>" / "<... NAME resumed>" pairs are joined (per pid):
#     where a call is split depends on thread timing, not on the tool;
#   - pid prefixes ("123 ", "[pid 123] ") are dropped and every pid of the
#     trace, wherever it appears (clone's result, set_tid_address...), reads
#     PID;
#   - hex numbers of 6 digits or more (addresses) read ADDR, and so do
#     epoll data's u64 values past 32 bits (programs leave stack bytes in
#     the upper half);
#   - the padding before " = " (strace aligns results at column 40) and
#     timestamps / durations (-t, -T) are dropped;
#   - random bytes read BYTES (they differ on every run): getrandom's, and
#     what is read from an fd opened on /dev/urandom or /dev/random;
#   - getppid's result reads PID (the parent is the tracer itself);
#   - the values that change between the two runs read N: sysinfo's
#     uptime, loads, free/shared/buffer memory and procs, statfs's free
#     blocks and inodes;
#   - signal lines "--- SIG... ---" are taken out of the comparison and
#     counted in their own column (sysobs, which never stops the traced
#     program, does not report signal deliveries by design).
# The normalized traces are compared as multisets of lines: "same" is the
# number of strace lines that have an identical line in sysobs's trace.
# Then the syscalls whose lines differ most are listed, with one example
# of each tool's line, so the decoder gaps are visible.
#
# Programs: ls (ls -l /usr), cat (cat /etc/passwd), cp_rm (cp then rm of a
# temporary file), pipeline (sh -c 'ls /etc | sort | head -3'), python
# (json.dumps), perl (print), go (tests/compare/hello.go, built offline;
# skipped with a message when no Go toolchain is installed: Debian's
# golang-go provides one). Named only: date, id, find, tar, df, stat,
# sleep, bash (short runs of more coreutils and a bash substitution).
# Options come before the program names.
#
# What varies from run to run: the Go runtime's threads (how often its
# monitor thread sleeps, which threads started before exit) depend on how
# much strace slows the program, so go's percentage moves by several
# points; the others are stable to a line or two (pipe timing).
#
# Exit status: 0 when it ran, 1 when a tool left no trace, 2 on usage
# errors (a program that fails is compared all the same).

TOP=$(cd "$(dirname "$0")/.." && pwd)
SYSOBS=${SYSOBS:-$TOP/sysobs}
STRACE=${STRACE:-strace}
ALL="ls cat cp_rm pipeline python perl go"
MORE="date id find tar df stat sleep bash"
quiet=0
clean_env=1
keep=""
extra=""
nx=0

usage() {
	echo "usage: $0 [-q] [-k DIR] [PROGRAM...] (programs: $ALL; also $MORE)" >&2
	exit 2
}

while getopts qEk:x: opt; do
	case $opt in
	q) quiet=1 ;;
	E) clean_env=0 ;;
	x) nx=$((nx + 1)); extra="$extra x$nx"; eval "xcmd_$nx=\$OPTARG" ;;
	k) keep=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
if [ $# = 0 ] && [ -n "$extra" ]; then progs=""; else progs=${*:-$ALL}; fi
for p in $progs; do
	case " $ALL $MORE " in *" $p "*) ;; *) echo "$0: unknown program '$p'" >&2; usage ;; esac
done

[ -x "$SYSOBS" ] || { echo "$0: $SYSOBS not built (make sysobs)" >&2; exit 1; }
command -v "$STRACE" >/dev/null || { echo "$0: strace not installed" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "$0: must run as root (sysobs loads BPF)" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/strace-compare.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
trap 'exit 1' INT TERM HUP
mkdir "$WORK/run" "$WORK/out"

# The command line of program $1 (run inside $WORK/run), or nothing when it
# cannot run here.
prog_cmd() {
	case $1 in
	ls) echo "ls -l /usr" ;;
	cat) echo "cat /etc/passwd" ;;
	cp_rm) echo "sh -c 'cp /etc/passwd copy && rm copy'" ;;
	pipeline) echo "sh -c 'ls /etc | sort | head -3'" ;;
	python) command -v python3 >/dev/null &&
		echo "python3 -c 'import json; print(json.dumps({\"a\": 1}))'" ;;
	perl) command -v perl >/dev/null &&
		printf '%s\n' "perl -e 'print \"hi\\n\"'" ;;
	go) build_go && echo "$WORK/hello" ;;
	# more, only when named
	date) echo "date -u +%Y" ;;
	id) echo "id -un" ;;
	find) echo "find /etc -maxdepth 1 -name '*.conf'" ;;
	tar) echo "tar cf - /etc/hostname /etc/passwd" ;;
	df) echo "df /" ;;
	stat) echo "stat -c %s /etc/passwd" ;;
	sleep) echo "sleep 0.01" ;;
	bash) echo "bash -c 'x=\$(echo hi); echo \$x >/dev/null'" ;;
	x[0-9]*) eval "echo \"\$xcmd_${1#x}\"" ;;
	esac
}

# Build tests/compare/hello.go offline, with every Go cache in $WORK.
build_go() {
	if ! command -v go >/dev/null; then
		echo "go: no Go toolchain (apt-get install golang-go): skipped" >&2
		return 1
	fi
	cp "$TOP/tests/compare/hello.go" "$WORK/hello.go" &&
	(cd "$WORK" && GOCACHE="$WORK/gocache" GOPATH="$WORK/gopath" \
		GOFLAGS=-mod=mod GO111MODULE=off GOPROXY=off CGO_ENABLED=0 \
		go build -o hello hello.go) >"$WORK/go.log" 2>&1 && return 0
	echo "go: build failed: skipped ($(head -1 "$WORK/go.log"))" >&2
	return 1
}

# Run "$2" under tool $1 (strace or sysobs), raw trace to $3.
trace_with() {
	tool=$STRACE
	[ "$1" = sysobs ] && tool=$SYSOBS
	if [ "$clean_env" = 1 ]; then
		set -- "$2" "$3" -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/root
	else
		set -- "$2" "$3"
	fi
	cmd=$1
	out=$2
	shift 2
	(cd "$WORK/run" && env "$@" sh -c "exec \"\$0\" -f -o \"\$1\" -- $cmd" \
		"$tool" "$out" </dev/null >/dev/null 2>"$out.err")
}

# Normalize raw trace $1 (see the header) into normalized lines on stdout;
# signal lines go to $2 instead.
normalize() {
	awk -v sigfile="$2" '
	# pass 1: the pids of this trace
	NR == FNR {
		if ($1 ~ /^[0-9]+$/) pids[$1] = 1
		else if ($1 == "[pid") { p = $2; sub(/\]$/, "", p); pids[p] = 1 }
		next
	}
	{
		line = $0; pid = ""
		if (match(line, /^\[pid +[0-9]+\] /)) {
			pid = substr(line, 1, RLENGTH); gsub(/[^0-9]/, "", pid)
			line = substr(line, RLENGTH + 1)
		} else if (match(line, /^[0-9]+ +/)) {
			pid = substr(line, 1, RLENGTH); gsub(/ /, "", pid)
			line = substr(line, RLENGTH + 1)
		}
		sub(/^[0-9]+(:[0-9]+:[0-9]+)?(\.[0-9]+)? /, "", line)	# -t, -tt, -r
		sub(/ <[0-9]+\.[0-9]+>$/, "", line)			# -T
		if (line ~ /^--- /) { print line > sigfile; next }
		if (match(line, /^openat\([^,]*, "\/dev\/u?random", .*\) += [0-9]+$/))
			random_fd[pid " " $NF] = 1
		else if (match(line, /^close\([0-9]+\)/))
			delete random_fd[pid " " substr(line, 7, RLENGTH - 7)]
		if (line ~ / <unfinished \.\.\.>$/) {
			sub(/ <unfinished \.\.\.>$/, "", line)
			pending[pid] = line
			next
		}
		if (match(line, /^<\.\.\. [a-z0-9_]+ resumed>/) && (pid in pending)) {
			line = pending[pid] substr(line, RLENGTH + 1)
			delete pending[pid]
		}
		cur_pid = pid
		emit(line)
	}
	END { for (p in pending) emit(pending[p] " <unfinished ...>") }

	function emit(s,   out, tok) {
		sub(/\)[ ]+= /, ") = ", s)
		gsub(/0x[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]+/, "ADDR", s)
		if (s ~ /^epoll_/)
			while (match(s, /u64=[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]+/))
				s = substr(s, 1, RSTART + 3) "ADDR" substr(s, RSTART + RLENGTH)
		if (s ~ /^getrandom\("/)
			sub(/^getrandom\("([^"\\]|\\.)*"(\.\.\.)?/, "getrandom(BYTES", s)
		if (match(s, /^read\([0-9]+, /) &&
		    (cur_pid " " substr(s, 6, RLENGTH - 7)) in random_fd)
			sub(/^read\([0-9]+, "([^"\\]|\\.)*"(\.\.\.)?/, "read(" substr(s, 6, RLENGTH - 7) ", BYTES", s)
		sub(/^getppid\(\) = [0-9]+$/, "getppid() = PID", s)
		if (s ~ /^sysinfo\(\{/) {
			gsub(/(uptime|freeram|sharedram|bufferram|procs)=[0-9]+/, "&@", s)
			gsub(/=[0-9]+@/, "=N", s)
			sub(/loads=\[[0-9, ]*\]/, "loads=N", s)
		}
		if (s ~ /^f?statfs\(/)
			gsub(/f_(bfree|bavail|ffree)=[0-9]+/, "&@", s)
		gsub(/=[0-9]+@/, "=N", s)
		# every pid of the trace, as a whole number, reads PID
		out = ""
		while (match(s, /[0-9]+/)) {
			tok = substr(s, RSTART, RLENGTH)
			if ((tok in pids) && substr(s, RSTART - 1, 1) !~ /[A-Za-z_.]/ &&
			    substr(s, RSTART + RLENGTH, 1) !~ /[A-Za-z_.]/)
				tok = "PID"
			out = out substr(s, 1, RSTART - 1) tok
			s = substr(s, RSTART + RLENGTH)
		}
		print out s
	}' "$1" "$1"
}

progs="$progs$extra"
printf '%-9s %7s %7s %7s %7s %9s\n' program strace same '%same' sysobs 'signals'
tot_a=0
tot_same=0
for p in $progs; do
	cmd=$(prog_cmd "$p") || continue
	[ -n "$cmd" ] || { echo "$p: not installed here: skipped" >&2; continue; }
	o=$WORK/out/$p
	# the program's own exit status does not matter; a trace must exist
	for t in strace sysobs; do
		trace_with $t "$cmd" "$o.$t.raw"
		rm -f "$WORK/run/copy"
		[ -s "$o.$t.raw" ] ||
			{ echo "$p: $t failed: $(tail -1 "$o.$t.raw.err")" >&2; exit 1; }
	done
	for t in strace sysobs; do
		: >"$o.$t.sig"
		normalize "$o.$t.raw" "$o.$t.sig" | LC_ALL=C sort >"$o.$t"
	done
	n_a=$(wc -l <"$o.strace")
	n_b=$(wc -l <"$o.sysobs")
	same=$(LC_ALL=C comm -12 "$o.strace" "$o.sysobs" | wc -l)
	LC_ALL=C comm -23 "$o.strace" "$o.sysobs" | sed "s/^/$p	/" >>"$WORK/only.strace"
	LC_ALL=C comm -13 "$o.strace" "$o.sysobs" | sed "s/^/$p	/" >>"$WORK/only.sysobs"
	printf '%-9s %7d %7d %6.1f%% %7d %4d/%-4d\n' "$p" "$n_a" "$same" \
		"$(echo "$same $n_a" | awk '{ print $2 ? 100 * $1 / $2 : 0 }')" \
		"$n_b" "$(wc -l <"$o.strace.sig")" "$(wc -l <"$o.sysobs.sig")"
	tot_a=$((tot_a + n_a))
	tot_same=$((tot_same + same))
done
printf 'overall   %7d %7d %6.1f%%\n' "$tot_a" "$tot_same" \
	"$(echo "$tot_same $tot_a" | awk '{ print $2 ? 100 * $1 / $2 : 0 }')"
[ -n "$keep" ] && mkdir -p "$keep" && cp -r "$WORK/out/." "$keep/"
[ "$quiet" = 1 ] && exit 0

# The syscalls whose lines differ most: strace lines without an identical
# sysobs line, and sysobs lines without an identical strace line, with the
# first example of each.
touch "$WORK/only.strace" "$WORK/only.sysobs"
echo
echo "top differing patterns (strace-only / sysobs-only lines, by syscall):"
awk -F '\t' '
	function key(s) {
		if (match(s, /^[a-z0-9_]+\(/)) return substr(s, 1, RLENGTH - 1)
		return substr(s, 1, 3)
	}
	function cut(s) { return length(s) > 160 ? substr(s, 1, 157) "..." : s }
	FILENAME ~ /strace$/ {
		k = key($2); a[k]++; n[k]++
		if (!(k in ea)) ea[k] = $1 ": " cut($2)
		next
	}
	{
		k = key($2); b[k]++; n[k]++
		if (!(k in eb)) eb[k] = $1 ": " cut($2)
	}
	END {
		for (k in n) {
			printf "%d\t%5d/%-5d %s\n", n[k], a[k], b[k], k
			if (k in ea) printf "%d\t    strace: %s\n", n[k], ea[k]
			if (k in eb) printf "%d\t    sysobs: %s\n", n[k], eb[k]
		}
	}' "$WORK/only.strace" "$WORK/only.sysobs" |
	sort -t '	' -k1,1nr -s | cut -f2- | awk '/^ *[0-9]+\/[0-9]+ / && ++n > 20 { exit } { print }'
exit 0
