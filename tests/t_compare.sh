# Fidelity against strace: scripts/strace-compare.sh runs each program
# under strace and under sysobs and counts strace's lines that sysobs
# prints identically (once addresses, pids and alignment are normalized).

# Three short single-threaded programs whose calls do not depend on timing:
# at least 90% of strace's lines must come out the same (issue 3's goal).
test_compare_strace_fidelity() {
	TMPDIR=$PWD SYSOBS="$SYSOBS" sh "$TOP/scripts/strace-compare.sh" -q \
		cat ls cp_rm > compare.txt 2> compare.err ||
		{ cat compare.err; fail "strace-compare.sh failed"; return 1; }
	cat compare.txt
	lines=$(awk '$1 == "overall" { print $2 }' compare.txt)
	same=$(awk '$1 == "overall" { print $3 }' compare.txt)
	if [ -z "$lines" ] || [ -z "$same" ]; then
		fail "no overall line"; return 1
	fi
	[ "$lines" -ge 100 ] || { fail "only $lines strace lines compared"; return 1; }
	[ $((same * 100)) -ge $((lines * 90)) ] ||
		{ fail "$same of $lines strace lines identical: under 90%"; return 1; }
	# the comparison leaves no work directory behind
	[ -z "$(ls -d strace-compare.* 2>/dev/null)" ] ||
		{ fail "work directory left behind"; return 1; }
	assert_nothing_loaded
}
