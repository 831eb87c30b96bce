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

# No BPF program, link or map of sysobs may be loaded.
assert_nothing_loaded() {
	if bpftool prog show 2>/dev/null | grep -q 'sysobs_'; then
		fail "a sysobs BPF program is still loaded"; return 1
	fi
	if bpftool map show 2>/dev/null | grep -q 'sysobs_'; then
		fail "a sysobs BPF map is still loaded"; return 1
	fi
	return 0
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
