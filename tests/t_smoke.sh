# Smoke test: the binary runs and tells its version.
test_version() {
	"$SYSOBS" --version | grep -q '^sysobs ' || fail "--version"
}

# Every long option main.c accepts is in --help, and --help's text is in
# README.md verbatim (the "All options" section).
test_options_documented() {
	opts=$(sed -n '/^static const struct option long_options/,/^};/p' "$TOP/user/main.c" |
	       grep -o '{ "[a-z-]*"' | tr -d '{" ')
	[ -n "$opts" ] || fail "no options found in user/main.c" || return 1
	"$SYSOBS" --help >help.txt || fail "--help failed" || return 1
	for o in $opts; do
		grep -q -- "--$o\b" help.txt || fail "--$o is not in --help" || return 1
	done
	while IFS= read -r line; do
		grep -qxF -- "$line" "$TOP/README.md" || fail "README lacks help line: $line" || return 1
	done <help.txt
}
