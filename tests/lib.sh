# Helpers for the shell tests (sourced by tests/run.sh).
# Every test is a function named test_* in a tests/t_*.sh file; it passes
# when it returns 0. On failure, say why with fail "..." (returns 1).

SYSOBS=${SYSOBS:-$TOP/sysobs}
BIN=$TOP/tests/bin
TMP=${TMPDIR:-/tmp}/sysobs-tests.$$

fail() {
	echo "    FAIL: $*"
	return 1
}

# assert_eq GOT WANT WHAT
assert_eq() {
	[ "$1" = "$2" ] || fail "$3: got '$1', want '$2'"
}

# count_of FILE SYSCALL [TABLE]: the calls column of SYSCALL in a strace -c
# style report; TABLE 32 reads the "32 bit mode" table. Prints 0 if absent.
count_of() {
	awk -v name="$2" -v want="${3:-64}" '
		/^System call usage summary for 32 bit mode:/ { table = 32; next }
		BEGIN { table = 64 }
		table == want && $NF == name && $1 ~ /^[0-9.]+$/ {
			# columns: % time, seconds, usecs/call, calls, [errors], name
			print $4; found = 1; exit
		}
		END { if (!found) print 0 }' "$1"
}

# errors_of FILE SYSCALL [TABLE]: the errors column (0 when blank).
errors_of() {
	awk -v name="$2" -v want="${3:-64}" '
		/^System call usage summary for 32 bit mode:/ { table = 32; next }
		BEGIN { table = 64 }
		table == want && $NF == name && $1 ~ /^[0-9.]+$/ {
			print (NF == 6 ? $5 : 0); found = 1; exit
		}
		END { if (!found) print 0 }' "$1"
}

# IDs ("prog N", "map N") of the BPF objects named sysobs_* that are loaded.
sysobs_bpf_ids() {
	bpftool prog show 2>/dev/null | sed -n 's/^\([0-9]*\): .* name \(sysobs_[^ ]*\) .*/prog \1/p'
	bpftool map show 2>/dev/null | sed -n 's/^\([0-9]*\): .* name \(sysobs_[^ ]*\) .*/map \1/p'
}

# IDs of the BPF objects that processes other than this worktree's sysobs
# hold open (another sysobs running on the machine is not ours to judge).
foreign_bpf_ids() {
	_ours=$(readlink -f "$SYSOBS")
	for _p in /proc/[0-9]*; do
		[ "$(readlink "$_p/exe" 2>/dev/null)" = "$_ours" ] && continue
		grep -hs -e '^prog_id:' -e '^map_id:' "$_p"/fdinfo/* 2>/dev/null
	done | sed 's/_id:[[:space:]]*/ /' | sort -u
}

# Nothing named sysobs_* is loaded (bpftool prog/map show), except what
# another, still running sysobs binary (not this worktree's) holds.
nothing_loaded() {
	_left=$(sysobs_bpf_ids | sort -u)
	[ -z "$_left" ] && return 0
	foreign_bpf_ids >"$TMP/foreign"
	[ -z "$(printf '%s\n' "$_left" | grep -vxF -f "$TMP/foreign")" ]
}

# No BPF program, link or map of sysobs may be loaded. The kernel frees a
# dead process's objects asynchronously: allow it 5 seconds.
assert_nothing_loaded() {
	wait_for nothing_loaded 5 && return 0
	fail "sysobs BPF objects still loaded: $(sysobs_bpf_ids | tr '\n' ' ')"
}

# wait_for COND_CMD SECONDS: poll COND_CMD every 50 ms, at most SECONDS.
wait_for() {
	_n=$(( $2 * 20 ))
	while [ $_n -gt 0 ]; do
		eval "$1" && return 0
		sleep 0.05
		_n=$((_n - 1))
	done
	return 1
}

# Processes a test starts in the background: spawn CMD... runs CMD, sets
# $! as usual and remembers it; run.sh kills whatever is left after the test.
spawn() {
	"$@" &
	echo $! >>"$TMP/pids"
}

# exited PID: PID has ended (a zombie waiting to be reaped counts).
exited() {
	[ -e "/proc/$1/stat" ] || return 0
	[ "$(sed 's/.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null)" = Z ]
}

# wait_exit PID SECONDS: wait for a spawned PID to end, at most SECONDS;
# its exit status goes to $rc. Fails (and kills it) if it does not end.
wait_exit() {
	if ! wait_for "exited $1" "$2"; then
		kill -KILL "$1" 2>/dev/null
		wait "$1" 2>/dev/null
		rc=timeout
		fail "process $1 did not end within $2 s"
		return 1
	fi
	wait "$1"
	rc=$?
	return 0
}

# Processes of this worktree's binaries (sysobs, tests/bin/*) still alive.
leftover_pids() {
	for _p in /proc/[0-9]*; do
		is_ours "${_p#/proc/}" && echo "${_p#/proc/}"
	done
}

# is_ours PID: PID runs this worktree's sysobs or one of tests/bin/*.
is_ours() {
	case "$(readlink "/proc/$1/exe" 2>/dev/null)" in
	"$(readlink -f "$SYSOBS")" | "$BIN"/*) return 0 ;;
	esac
	return 1
}

# Kill what a test spawned and left running (only processes still running
# our binaries: a spawned pid that ended may have been reused since).
reap_all() {
	[ -f "$TMP/pids" ] || return 0
	for _p in $(cat "$TMP/pids"); do
		is_ours "$_p" && kill -KILL "$_p" 2>/dev/null
		wait "$_p" 2>/dev/null
	done
	rm -f "$TMP/pids"
}
