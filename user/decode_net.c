// SPDX-License-Identifier: GPL-2.0
/*
 * Networking: address families, socket types and protocols, struct
 * sockaddr (in, in6, un, netlink), socket option levels and names,
 * MSG_* flags, shutdown's how.
 */
#include <string.h>
#include <arpa/inet.h>
#include "decode_priv.h"

#define FAMILY_UNIX	1
#define FAMILY_INET	2
#define FAMILY_INET6	10
#define FAMILY_NETLINK	16
#define LEVEL_SOCKET	1
#define LEVEL_IP	0
#define LEVEL_TCP	6
#define LEVEL_IPV6	41
#define LEVEL_NETLINK	270

static const struct flag_name families[] = {
	FLAG(0, AF_UNSPEC), FLAG(1, AF_UNIX), FLAG(2, AF_INET), FLAG(3, AF_AX25),
	FLAG(4, AF_IPX), FLAG(5, AF_APPLETALK), FLAG(6, AF_NETROM),
	FLAG(7, AF_BRIDGE), FLAG(8, AF_ATMPVC), FLAG(9, AF_X25),
	FLAG(10, AF_INET6), FLAG(11, AF_ROSE), FLAG(12, AF_DECnet),
	FLAG(13, AF_NETBEUI), FLAG(14, AF_SECURITY), FLAG(15, AF_KEY),
	FLAG(16, AF_NETLINK), FLAG(17, AF_PACKET), FLAG(18, AF_ASH),
	FLAG(19, AF_ECONET), FLAG(20, AF_ATMSVC), FLAG(21, AF_RDS),
	FLAG(22, AF_SNA), FLAG(23, AF_IRDA), FLAG(24, AF_PPPOX),
	FLAG(25, AF_WANPIPE), FLAG(26, AF_LLC), FLAG(27, AF_IB),
	FLAG(28, AF_MPLS), FLAG(29, AF_CAN), FLAG(30, AF_TIPC),
	FLAG(31, AF_BLUETOOTH), FLAG(32, AF_IUCV), FLAG(33, AF_RXRPC),
	FLAG(34, AF_ISDN), FLAG(35, AF_PHONET), FLAG(36, AF_IEEE802154),
	FLAG(37, AF_CAIF), FLAG(38, AF_ALG), FLAG(39, AF_NFC),
	FLAG(40, AF_VSOCK), FLAG(41, AF_KCM), FLAG(42, AF_QIPCRTR),
	FLAG(43, AF_SMC), FLAG(44, AF_XDP), FLAG(45, AF_MCTP),
};

static void sb_family(struct strbuf *sb, unsigned int family)
{
	print_enum(sb, families, ARRAY_LEN(families), family, "AF_");
}

void print_sock_family(struct strbuf *sb, const struct arg_ctx *a)
{
	sb_family(sb, (__u32)arg_u(a));
}

#define SOCK_TYPE_MASK 0xf

static const struct flag_name sock_types[] = {
	FLAG(1, SOCK_STREAM), FLAG(2, SOCK_DGRAM), FLAG(3, SOCK_RAW),
	FLAG(4, SOCK_RDM), FLAG(5, SOCK_SEQPACKET), FLAG(6, SOCK_DCCP),
	FLAG(10, SOCK_PACKET),
};

static const struct flag_name sock_flags[] = {
	FLAG(02000000, SOCK_CLOEXEC), FLAG(04000, SOCK_NONBLOCK),
};

void print_sock_type(struct strbuf *sb, const struct arg_ctx *a)
{
	__u32 v = (__u32)arg_u(a);

	print_enum(sb, sock_types, ARRAY_LEN(sock_types), v & SOCK_TYPE_MASK,
		   "SOCK_");
	v &= ~SOCK_TYPE_MASK;
	if (!v)
		return;
	sb_puts(sb, "|");
	print_flags(sb, sock_flags, ARRAY_LEN(sock_flags), v, NULL);
}

const struct name_table sock_flag_names = FLAG_NAMES(sock_flags, NULL);

static const struct flag_name ip_protos[] = {
	FLAG(0, IPPROTO_IP), FLAG(1, IPPROTO_ICMP), FLAG(2, IPPROTO_IGMP),
	FLAG(4, IPPROTO_IPIP), FLAG(6, IPPROTO_TCP), FLAG(8, IPPROTO_EGP),
	FLAG(12, IPPROTO_PUP), FLAG(17, IPPROTO_UDP), FLAG(22, IPPROTO_IDP),
	FLAG(29, IPPROTO_TP), FLAG(33, IPPROTO_DCCP), FLAG(41, IPPROTO_IPV6),
	FLAG(46, IPPROTO_RSVP), FLAG(47, IPPROTO_GRE), FLAG(50, IPPROTO_ESP),
	FLAG(51, IPPROTO_AH), FLAG(58, IPPROTO_ICMPV6), FLAG(92, IPPROTO_MTP),
	FLAG(94, IPPROTO_BEETPH), FLAG(98, IPPROTO_ENCAP),
	FLAG(103, IPPROTO_PIM), FLAG(108, IPPROTO_COMP),
	FLAG(115, IPPROTO_L2TP), FLAG(132, IPPROTO_SCTP),
	FLAG(136, IPPROTO_UDPLITE), FLAG(137, IPPROTO_MPLS),
	FLAG(143, IPPROTO_ETHERNET), FLAG(255, IPPROTO_RAW),
	FLAG(262, IPPROTO_MPTCP),
};

static const struct flag_name netlink_protos[] = {
	FLAG(0, NETLINK_ROUTE), FLAG(2, NETLINK_USERSOCK),
	FLAG(3, NETLINK_FIREWALL), FLAG(4, NETLINK_SOCK_DIAG),
	FLAG(5, NETLINK_NFLOG), FLAG(6, NETLINK_XFRM),
	FLAG(7, NETLINK_SELINUX), FLAG(8, NETLINK_ISCSI),
	FLAG(9, NETLINK_AUDIT), FLAG(10, NETLINK_FIB_LOOKUP),
	FLAG(11, NETLINK_CONNECTOR), FLAG(12, NETLINK_NETFILTER),
	FLAG(13, NETLINK_IP6_FW), FLAG(14, NETLINK_DNRTMSG),
	FLAG(15, NETLINK_KOBJECT_UEVENT), FLAG(16, NETLINK_GENERIC),
	FLAG(18, NETLINK_SCSITRANSPORT), FLAG(19, NETLINK_ECRYPTFS),
	FLAG(20, NETLINK_RDMA), FLAG(21, NETLINK_CRYPTO),
	FLAG(22, NETLINK_SMC),
};

/* The protocol's names depend on the family (argument 0 of socket()). */
void print_sock_proto(struct strbuf *sb, const struct arg_ctx *a)
{
	__u32 family = (__u32)call_arg(a->call, 0);
	__u32 v = (__u32)arg_u(a);

	if (family == FAMILY_INET || family == FAMILY_INET6)
		print_enum(sb, ip_protos, ARRAY_LEN(ip_protos), v, NULL);
	else if (family == FAMILY_NETLINK)
		print_enum(sb, netlink_protos, ARRAY_LEN(netlink_protos), v, NULL);
	else
		sb_printf(sb, "%u", v);
}

/* sockaddr_in: family, port (be16) at 2, address at 4. */
static void sb_sockaddr_in(struct strbuf *sb, const unsigned char *d,
			 size_t len)
{
	char ip[INET_ADDRSTRLEN];

	if (len < 8) {
		sb_puts(sb, ", ...");
		return;
	}
	inet_ntop(AF_INET, d + 4, ip, sizeof(ip));
	sb_printf(sb, ", sin_port=htons(%u), sin_addr=inet_addr(\"%s\")",
		  ntohs(get_u16(d + 2)), ip);
}

/* sockaddr_in6: port at 2, flowinfo at 4, address at 8, scope id at 24. */
static void sb_sockaddr_in6(struct strbuf *sb, const unsigned char *d,
			 size_t len)
{
	char ip[INET6_ADDRSTRLEN];

	if (len < 24) {
		sb_puts(sb, ", ...");
		return;
	}
	inet_ntop(AF_INET6, d + 8, ip, sizeof(ip));
	sb_printf(sb, ", sin6_port=htons(%u), sin6_flowinfo=htonl(%u)",
		  ntohs(get_u16(d + 2)), ntohl(get_u32(d + 4)));
	sb_printf(sb, ", inet_pton(AF_INET6, \"%s\", &sin6_addr)", ip);
	if (len >= 28)
		sb_printf(sb, ", sin6_scope_id=%u", get_u32(d + 24));
}

/* sockaddr_un: the path after the family; a leading NUL is abstract ("@"). */
static void sb_sockaddr_un(struct strbuf *sb, const unsigned char *d,
			 size_t len)
{
	const unsigned char *path = d + 2;
	size_t plen = len - 2;

	if (len <= 2)
		return;
	sb_puts(sb, ", sun_path=");
	if (path[0] == '\0') {
		sb_puts(sb, "@");
		decode_quoted(sb, path + 1, plen - 1, plen, false);
		return;
	}
	plen = strnlen((const char *)path, plen);
	decode_quoted(sb, path, plen, plen, false);
}

static void sb_sockaddr_nl(struct strbuf *sb, const unsigned char *d,
			 size_t len)
{
	if (len < 12) {
		sb_puts(sb, ", ...");
		return;
	}
	sb_printf(sb, ", nl_pid=%d, nl_groups=%08x", (int)get_u32(d + 4),
		  get_u32(d + 8));
}

void sb_sockaddr(struct strbuf *sb, const unsigned char *data, size_t len)
{
	unsigned int family;

	if (len < 2) {
		sb_puts(sb, "{...}");
		return;
	}
	family = get_u16(data);
	sb_puts(sb, "{sa_family=");
	sb_family(sb, family);
	if (family == FAMILY_INET)
		sb_sockaddr_in(sb, data, len);
	else if (family == FAMILY_INET6)
		sb_sockaddr_in6(sb, data, len);
	else if (family == FAMILY_UNIX)
		sb_sockaddr_un(sb, data, len);
	else if (family == FAMILY_NETLINK)
		sb_sockaddr_nl(sb, data, len);
	else if (len > 2) {
		sb_puts(sb, ", sa_data=");
		decode_quoted(sb, data + 2, len - 2, len - 2, false);
	}
	sb_puts(sb, "}");
}

/*
 * The length the kernel returned through the next argument (a socklen_t
 * pointer: accept, recvfrom, getsockopt), when that int was captured.
 */
static bool returned_len(const struct arg_ctx *a, __s32 *len)
{
	const struct capture *len_cap;

	if (a->idx >= 5)
		return false;
	len_cap = &a->call->cap[a->idx + 1];
	if (!len_cap->data || len_cap->len < sizeof(*len))
		return false;
	*len = (__s32)get_u32(len_cap->data);
	return true;
}

/*
 * The address length: the next argument, by value (connect, bind, sendto)
 * or, for an address the kernel returns, the int it points to.
 */
static size_t sockaddr_len(const struct arg_ctx *a)
{
	__s32 len;

	if (a->idx >= 5)
		return 0;
	if (returned_len(a, &len))
		return len < 0 ? 0 : (size_t)len;
	return (size_t)call_arg(a->call, a->idx + 1);
}

void print_sockaddr_arg(struct strbuf *sb, const struct arg_ctx *a)
{
	const struct capture *cap = arg_captured(a);
	size_t len = sockaddr_len(a);

	if (!cap) {
		print_addr(sb, a);
		return;
	}
	if (len > cap->len)
		len = cap->len;
	if (!len) {	/* nothing written (recvfrom on a stream socket) */
		print_addr(sb, a);
		return;
	}
	sb_sockaddr(sb, cap->data, len);
}

/* An int option value ("[1]") when the length (next argument) is an int's. */
void print_sockopt_val(struct strbuf *sb, const struct arg_ctx *a)
{
	if (a->idx < 5 && call_arg(a->call, a->idx + 1) == sizeof(__s32))
		print_int_out(sb, a);
	else
		print_addr(sb, a);
}

/* getsockopt's value: "[0]" when the returned length is an int's. */
void print_getsockopt_val(struct strbuf *sb, const struct arg_ctx *a)
{
	__s32 len;

	if (returned_len(a, &len) && len == sizeof(__s32))
		print_int_out(sb, a);
	else
		print_addr(sb, a);
}

static const struct flag_name levels[] = {
	FLAG(0, SOL_IP), FLAG(1, SOL_SOCKET), FLAG(6, SOL_TCP),
	FLAG(17, SOL_UDP), FLAG(41, SOL_IPV6), FLAG(58, SOL_ICMPV6),
	FLAG(132, SOL_SCTP), FLAG(255, SOL_RAW), FLAG(263, SOL_PACKET),
	FLAG(270, SOL_NETLINK), FLAG(282, SOL_TLS),
};

const struct name_table sock_level_names = ENUM_NAMES(levels, NULL);

static const struct flag_name socket_opts[] = {
	FLAG(1, SO_DEBUG), FLAG(2, SO_REUSEADDR), FLAG(3, SO_TYPE),
	FLAG(4, SO_ERROR), FLAG(5, SO_DONTROUTE), FLAG(6, SO_BROADCAST),
	FLAG(7, SO_SNDBUF), FLAG(8, SO_RCVBUF), FLAG(9, SO_KEEPALIVE),
	FLAG(10, SO_OOBINLINE), FLAG(11, SO_NO_CHECK), FLAG(12, SO_PRIORITY),
	FLAG(13, SO_LINGER), FLAG(14, SO_BSDCOMPAT), FLAG(15, SO_REUSEPORT),
	FLAG(16, SO_PASSCRED), FLAG(17, SO_PEERCRED), FLAG(18, SO_RCVLOWAT),
	FLAG(19, SO_SNDLOWAT), FLAG(20, SO_RCVTIMEO_OLD),
	FLAG(21, SO_SNDTIMEO_OLD), FLAG(25, SO_BINDTODEVICE),
	FLAG(26, SO_ATTACH_FILTER), FLAG(29, SO_TIMESTAMP_OLD),
	FLAG(30, SO_ACCEPTCONN), FLAG(31, SO_PEERSEC),
	FLAG(32, SO_SNDBUFFORCE), FLAG(33, SO_RCVBUFFORCE),
	FLAG(34, SO_PASSSEC), FLAG(36, SO_MARK), FLAG(38, SO_PROTOCOL),
	FLAG(39, SO_DOMAIN), FLAG(40, SO_RXQ_OVFL), FLAG(42, SO_PEEK_OFF),
	FLAG(46, SO_BUSY_POLL), FLAG(49, SO_INCOMING_CPU),
	FLAG(57, SO_COOKIE), FLAG(60, SO_ZEROCOPY),
};

static const struct flag_name tcp_opts[] = {
	FLAG(1, TCP_NODELAY), FLAG(2, TCP_MAXSEG), FLAG(3, TCP_CORK),
	FLAG(4, TCP_KEEPIDLE), FLAG(5, TCP_KEEPINTVL), FLAG(6, TCP_KEEPCNT),
	FLAG(7, TCP_SYNCNT), FLAG(8, TCP_LINGER2), FLAG(9, TCP_DEFER_ACCEPT),
	FLAG(10, TCP_WINDOW_CLAMP), FLAG(11, TCP_INFO), FLAG(12, TCP_QUICKACK),
	FLAG(13, TCP_CONGESTION), FLAG(18, TCP_USER_TIMEOUT),
	FLAG(23, TCP_FASTOPEN), FLAG(25, TCP_NOTSENT_LOWAT),
};

static const struct flag_name ip_opts[] = {
	FLAG(1, IP_TOS), FLAG(2, IP_TTL), FLAG(3, IP_HDRINCL),
	FLAG(4, IP_OPTIONS), FLAG(6, IP_RECVOPTS), FLAG(7, IP_RETOPTS),
	FLAG(8, IP_PKTINFO), FLAG(10, IP_MTU_DISCOVER), FLAG(11, IP_RECVERR),
	FLAG(12, IP_RECVTTL), FLAG(13, IP_RECVTOS), FLAG(14, IP_MTU),
	FLAG(15, IP_FREEBIND), FLAG(32, IP_MULTICAST_IF),
	FLAG(33, IP_MULTICAST_TTL), FLAG(34, IP_MULTICAST_LOOP),
	FLAG(35, IP_ADD_MEMBERSHIP), FLAG(36, IP_DROP_MEMBERSHIP),
};

static const struct flag_name ipv6_opts[] = {
	FLAG(16, IPV6_UNICAST_HOPS), FLAG(17, IPV6_MULTICAST_IF),
	FLAG(18, IPV6_MULTICAST_HOPS), FLAG(19, IPV6_MULTICAST_LOOP),
	FLAG(23, IPV6_MTU_DISCOVER), FLAG(24, IPV6_MTU),
	FLAG(25, IPV6_RECVERR), FLAG(26, IPV6_V6ONLY),
	FLAG(49, IPV6_RECVPKTINFO), FLAG(67, IPV6_TCLASS),
};

/* Option names depend on the level (the argument before). */
static const struct flag_name netlink_opts[] = {
	FLAG(1, NETLINK_ADD_MEMBERSHIP), FLAG(2, NETLINK_DROP_MEMBERSHIP),
	FLAG(3, NETLINK_PKTINFO), FLAG(4, NETLINK_BROADCAST_ERROR),
	FLAG(5, NETLINK_NO_ENOBUFS), FLAG(6, NETLINK_RX_RING),
	FLAG(7, NETLINK_TX_RING), FLAG(8, NETLINK_LISTEN_ALL_NSID),
	FLAG(9, NETLINK_LIST_MEMBERSHIPS), FLAG(10, NETLINK_CAP_ACK),
	FLAG(11, NETLINK_EXT_ACK), FLAG(12, NETLINK_GET_STRICT_CHK),
};

void print_sockopt(struct strbuf *sb, const struct arg_ctx *a)
{
	__u32 level = (__u32)call_arg(a->call, a->idx - 1);
	__u32 v = (__u32)arg_u(a);

	if (level == LEVEL_SOCKET)
		print_enum(sb, socket_opts, ARRAY_LEN(socket_opts), v, NULL);
	else if (level == LEVEL_TCP)
		print_enum(sb, tcp_opts, ARRAY_LEN(tcp_opts), v, NULL);
	else if (level == LEVEL_IP)
		print_enum(sb, ip_opts, ARRAY_LEN(ip_opts), v, NULL);
	else if (level == LEVEL_IPV6)
		print_enum(sb, ipv6_opts, ARRAY_LEN(ipv6_opts), v, NULL);
	else if (level == LEVEL_NETLINK)
		print_enum(sb, netlink_opts, ARRAY_LEN(netlink_opts), v, NULL);
	else
		sb_printf(sb, "%u", v);
}

static const struct flag_name msg_flags[] = {
	FLAG(0x1, MSG_OOB), FLAG(0x2, MSG_PEEK), FLAG(0x4, MSG_DONTROUTE),
	FLAG(0x8, MSG_CTRUNC), FLAG(0x10, MSG_PROXY), FLAG(0x20, MSG_TRUNC),
	FLAG(0x40, MSG_DONTWAIT), FLAG(0x80, MSG_EOR), FLAG(0x100, MSG_WAITALL),
	FLAG(0x200, MSG_FIN), FLAG(0x400, MSG_SYN), FLAG(0x800, MSG_CONFIRM),
	FLAG(0x1000, MSG_RST), FLAG(0x2000, MSG_ERRQUEUE),
	FLAG(0x4000, MSG_NOSIGNAL), FLAG(0x8000, MSG_MORE),
	FLAG(0x10000, MSG_WAITFORONE), FLAG(0x40000, MSG_BATCH),
	FLAG(0x4000000, MSG_ZEROCOPY), FLAG(0x20000000, MSG_FASTOPEN),
	FLAG(0x40000000, MSG_CMSG_CLOEXEC),
};

const struct name_table msg_flag_names = FLAG_NAMES(msg_flags, NULL);

static const struct flag_name shut_hows[] = {
	FLAG(0, SHUT_RD), FLAG(1, SHUT_WR), FLAG(2, SHUT_RDWR),
};

const struct name_table shut_how_names = ENUM_NAMES(shut_hows, "SHUT_");
