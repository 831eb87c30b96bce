#!/bin/sh
# Install what sysobs needs to build, test and bench, from Debian 12's
# packages. Only what is missing is installed; run as root.
set -eu
PKGS="make gcc clang llvm libbpf-dev bpftool libelf-dev zlib1g-dev
      gcc-multilib strace jq linux-perf bpftrace libbpf-tools prometheus
      manpages-dev procps curl iproute2 python3 util-linux systemd"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "install-deps: missing packages:$missing (run as root)" >&2
	exit 1
fi
echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
