# Smoke test: the binary runs and tells its version.
test_version() {
	"$SYSOBS" --version | grep -q '^sysobs ' || fail "--version"
}
