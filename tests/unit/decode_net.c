// SPDX-License-Identifier: GPL-2.0
/* Network decoders: families, types, protocols, sockaddrs, options, flags. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <linux/netlink.h>
#include "decode_test.h"

static void test_socket(void)
{
	struct decoded_call c;

	c = CALL("socket", 3, 2, 1 | 02000000, 0);
	CHECK_LINE(c, "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3");
	c = CALL("socket", 4, 10, 2, 17);
	CHECK_LINE(c, "socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP) = 4");
	c = CALL("socket", 5, 1, 1, 0);
	CHECK_LINE(c, "socket(AF_UNIX, SOCK_STREAM, 0) = 5");
	c = CALL("socket", 6, 2, 2 | 02000000 | 04000, 0);
	CHECK_LINE(c, "socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 6");
	c = CALL("socket", 8, 16, 3, 0);
	CHECK_LINE(c, "socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 8");
	c = CALL("socket", -97, 99, 1, 0);
	CHECK_LINE(c, "socket(0x63 /* AF_??? */, SOCK_STREAM, 0) = -1 EAFNOSUPPORT (Address family not supported by protocol)");
	c = CALL("accept4", -88, 0, 0, 0, 02000000 | 04000);
	CHECK_LINE(c, "accept4(0, NULL, NULL, SOCK_CLOEXEC|SOCK_NONBLOCK) = -1 ENOTSOCK (Socket operation on non-socket)");
	c = CALL("shutdown", 0, 3, 2);
	CHECK_LINE(c, "shutdown(3, SHUT_RDWR) = 0");
	c = CALL("listen", 0, 3, 128);
	CHECK_LINE(c, "listen(3, 128) = 0");
}

static void test_sockaddr(void)
{
	static struct sockaddr_in in;
	static struct sockaddr_in6 in6;
	static struct sockaddr_un un, abst;
	static struct sockaddr_nl nl;
	struct decoded_call c;

	in.sin_family = AF_INET;
	in.sin_port = htons(1);
	in.sin_addr.s_addr = htonl(0x7f000001);
	c = CALL("connect", -111, 3, 0x1000, 16);
	cap(&c, 1, &in, 16, 0);
	CHECK_LINE(c, "connect(3, {sa_family=AF_INET, sin_port=htons(1), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = -1 ECONNREFUSED (Connection refused)");

	in6.sin6_family = AF_INET6;
	in6.sin6_port = htons(53);
	inet_pton(AF_INET6, "::1", &in6.sin6_addr);
	c = CALL("connect", 0, 4, 0x1000, 28);
	cap(&c, 1, &in6, 28, 0);
	CHECK_LINE(c, "connect(4, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0");

	un.sun_family = AF_UNIX;
	strcpy(un.sun_path, "/nope.sock");
	c = CALL("connect", -2, 5, 0x1000, 110);
	cap(&c, 1, &un, 110, 0);
	CHECK_LINE(c, "connect(5, {sa_family=AF_UNIX, sun_path=\"/nope.sock\"}, 110) = -1 ENOENT (No such file or directory)");

	abst.sun_family = AF_UNIX;
	memcpy(abst.sun_path, "\0srv", 4);
	c = CALL("bind", 0, 5, 0x1000, 6);
	cap(&c, 1, &abst, sizeof(abst), 0);
	CHECK_LINE(c, "bind(5, {sa_family=AF_UNIX, sun_path=@\"srv\"}, 6) = 0");

	nl.nl_family = AF_NETLINK;
	c = CALL("bind", 0, 8, 0x1000, 12);
	cap(&c, 1, &nl, 12, 0);
	CHECK_LINE(c, "bind(8, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 0");

	c = CALL("connect", -14, 3, 0x10, 16);
	cap(&c, 1, NULL, 0, SYSOBS_CAPF_FAULT);
	CHECK_LINE(c, "connect(3, 0x10, 16) = -1 EFAULT (Bad address)");
}

static void test_out_addr(void)
{
	static struct sockaddr_in peer;
	static __s32 len = 16;
	struct decoded_call c;

	peer.sin_family = AF_INET;
	peer.sin_port = htons(40000);
	peer.sin_addr.s_addr = htonl(0x0a000001);
	c = CALL("accept", 4, 3, 0x1000, 0x2000);
	cap(&c, 1, &peer, sizeof(peer), 0);
	cap(&c, 2, &len, 4, 0);
	CHECK_LINE(c, "accept(3, {sa_family=AF_INET, sin_port=htons(40000), sin_addr=inet_addr(\"10.0.0.1\")}, [16]) = 4");

	c = CALL("getsockname", -9, 99, 0x1000, 0x2000);
	CHECK_LINE(c, "getsockname(99, 0x1000, 0x2000) = -1 EBADF (Bad file descriptor)");

	c = CALL("recvfrom", 5, 3, 0x3000, 100, 0x40, 0x1000, 0x2000);
	cap(&c, 1, "hello", 5, 0);
	cap(&c, 4, &peer, sizeof(peer), 0);
	cap(&c, 5, &len, 4, 0);
	CHECK_LINE(c, "recvfrom(3, \"hello\", 100, MSG_DONTWAIT, {sa_family=AF_INET, sin_port=htons(40000), sin_addr=inet_addr(\"10.0.0.1\")}, [16]) = 5");

	/* a stream socket leaves the address empty: strace shows its address */
	len = 0;
	c = CALL("recvfrom", 2, 5, 0x3000, 10, 0x40, 0x7ffe0424b3d0, 0x2000);
	cap(&c, 1, "hi", 2, 0);
	cap(&c, 4, &peer, sizeof(peer), 0);
	cap(&c, 5, &len, 4, 0);
	CHECK_LINE(c, "recvfrom(5, \"hi\", 10, MSG_DONTWAIT, 0x7ffe0424b3d0, [0]) = 2");
	len = 16;

	c = CALL("sendto", 2, 3, 0x3000, 2, 0x4000 | 0x8000, 0, 0);
	cap(&c, 1, "hi", 2, 0);
	CHECK_LINE(c, "sendto(3, \"hi\", 2, MSG_NOSIGNAL|MSG_MORE, NULL, 0) = 2");
}

static void test_sockopt(void)
{
	static const __s32 one = 1;
	struct decoded_call c;

	c = CALL("setsockopt", 0, 5, 1, 2, 0x1000, 4);
	cap(&c, 3, &one, 4, 0);
	CHECK_LINE(c, "setsockopt(5, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
	/* ip's netlink socket (strace 6.1, ip -o addr show lo) */
	c = CALL("setsockopt", 0, 3, 270, 11, 0x1000, 4);
	cap(&c, 3, &one, 4, 0);
	CHECK_LINE(c, "setsockopt(3, SOL_NETLINK, NETLINK_EXT_ACK, [1], 4) = 0");
	c = CALL("setsockopt", 0, 3, 270, 12, 0x1000, 4);
	cap(&c, 3, &one, 4, 0);
	CHECK_LINE(c, "setsockopt(3, SOL_NETLINK, NETLINK_GET_STRICT_CHK, [1], 4) = 0");
	c = CALL("setsockopt", 0, 3, 1, 13, 0x1000, 8);
	cap(&c, 3, &one, 4, 0);
	CHECK_LINE(c, "setsockopt(3, SOL_SOCKET, SO_LINGER, 0x1000, 8) = 0");
	c = CALL("setsockopt", 0, 3, 6, 1, 0x1000, 4);
	CHECK_LINE(c, "setsockopt(3, SOL_TCP, TCP_NODELAY, 0x1000, 4) = 0");
	c = CALL("getsockopt", 0, 3, 41, 26, 0x1000, 0x2000);
	CHECK_LINE(c, "getsockopt(3, SOL_IPV6, IPV6_V6ONLY, 0x1000, 0x2000) = 0");
	c = CALL("setsockopt", 0, 3, 0, 11, 0x1000, 4);
	cap(&c, 3, &one, 4, 0);
	CHECK_LINE(c, "setsockopt(3, SOL_IP, IP_RECVERR, [1], 4) = 0");
	c = CALL("getsockopt", 0, 3, 17, 1, 0x1000, 0x2000);
	CHECK_LINE(c, "getsockopt(3, SOL_UDP, 1, 0x1000, 0x2000) = 0");
	{
		static const __s32 zero = 0, four = 4, rcvbuf = 131072;

		c = CALL("getsockopt", 0, 3, 1, 4, 0x1000, 0x2000);
		cap(&c, 3, &zero, 4, 0);
		cap(&c, 4, &four, 4, 0);
		CHECK_LINE(c, "getsockopt(3, SOL_SOCKET, SO_ERROR, [0], [4]) = 0");
		c = CALL("getsockopt", 0, 3, 1, 8, 0x1000, 0x2000);
		cap(&c, 3, &rcvbuf, 4, 0);
		cap(&c, 4, &four, 4, 0);
		CHECK_LINE(c, "getsockopt(3, SOL_SOCKET, SO_RCVBUF, [131072], [4]) = 0");
	}
	c = CALL("socketpair", 0, 1, 1, 0, 0x1000);
	{
		static const __s32 sv[2] = { 3, 4 };

		cap(&c, 3, sv, 8, 0);
	}
	CHECK_LINE(c, "socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0");
}

int main(void)
{
	sb_init(&test_sb);
	test_socket();
	test_sockaddr();
	test_out_addr();
	test_sockopt();
	UNIT_EXIT();
}
