// SPDX-License-Identifier: GPL-2.0
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include "http.h"
#include "session.h"

union any_addr {
	struct sockaddr sa;
	struct sockaddr_in in4;
	struct sockaddr_in6 in6;
};

/* "[ADDR:]PORT", "[V6ADDR]:PORT"; fills addr. 0 or -1. */
static int parse_addr(const char *spec, union any_addr *addr, socklen_t *len)
{
	char host[128] = "127.0.0.1";
	const char *colon = strrchr(spec, ':'), *port_s = spec;
	char *end;
	long port;

	if (colon) {
		size_t hl = (size_t)(colon - spec);

		if (spec[0] == '[' && hl >= 2 && spec[hl - 1] == ']') {
			spec++;
			hl -= 2;
		}
		if (!hl || hl >= sizeof(host))
			return -1;
		memcpy(host, spec, hl);
		host[hl] = 0;
		port_s = colon + 1;
	}
	errno = 0;
	port = strtol(port_s, &end, 10);
	if (errno || end == port_s || *end || port < 0 || port > 65535)
		return -1;
	memset(addr, 0, sizeof(*addr));
	if (inet_pton(AF_INET, host, &addr->in4.sin_addr) == 1) {
		addr->in4.sin_family = AF_INET;
		addr->in4.sin_port = htons((unsigned short)port);
		*len = sizeof(addr->in4);
		return 0;
	}
	if (inet_pton(AF_INET6, host, &addr->in6.sin6_addr) == 1) {
		addr->in6.sin6_family = AF_INET6;
		addr->in6.sin6_port = htons((unsigned short)port);
		*len = sizeof(addr->in6);
		return 0;
	}
	return -1;
}

int http_parse_spec(const char *spec)
{
	union any_addr addr;
	socklen_t len;

	return parse_addr(spec, &addr, &len);
}

int http_listen(struct http_server *h, const char *spec, http_render_fn render,
		void *ctx)
{
	union any_addr addr;
	socklen_t len;
	int one = 1, i;

	memset(h, 0, sizeof(*h));
	h->listen_fd = -1;
	for (i = 0; i < HTTP_MAX_CONNS; i++)
		h->conns[i].fd = -1;
	h->render = render;
	h->ctx = ctx;
	if (parse_addr(spec, &addr, &len)) {
		fprintf(stderr, "sysobs: --metrics %s: expected [ADDR:]PORT\n", spec);
		return -1;
	}
	h->listen_fd = socket(addr.sa.sa_family,
			      SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (h->listen_fd < 0 ||
	    setsockopt(h->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(h->listen_fd, &addr.sa, len) || listen(h->listen_fd, 64)) {
		fprintf(stderr, "sysobs: --metrics %s: %s\n", spec, strerror(errno));
		http_close(h);
		return -1;
	}
	return 0;
}

int http_pollfds(struct http_server *h, struct pollfd *fds)
{
	int n = 0, i;

	fds[n].fd = h->listen_fd;
	fds[n++].events = POLLIN;
	for (i = 0; i < HTTP_MAX_CONNS; i++) {
		if (h->conns[i].fd < 0)
			continue;
		fds[n].fd = h->conns[i].fd;
		fds[n++].events = h->conns[i].resp ? POLLOUT : POLLIN;
	}
	return n;
}

static void conn_close(struct http_conn *c)
{
	close(c->fd);
	free(c->resp);
	c->fd = -1;
	c->resp = NULL;
	c->req_len = 0;
	c->resp_len = c->resp_off = 0;
}

/* A free slot; when all are busy, the oldest connection makes room. */
static struct http_conn *free_slot(struct http_server *h)
{
	struct http_conn *oldest = &h->conns[0];
	int i;

	for (i = 0; i < HTTP_MAX_CONNS; i++) {
		if (h->conns[i].fd < 0)
			return &h->conns[i];
		if (h->conns[i].deadline < oldest->deadline)
			oldest = &h->conns[i];
	}
	/* silent clients holding every slot must not lock scrapers out */
	h->evicted++;
	conn_close(oldest);
	return oldest;
}

static void accept_all(struct http_server *h, double now)
{
	struct http_conn *c;
	int fd;

	while ((fd = accept4(h->listen_fd, NULL, NULL,
			     SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
		c = free_slot(h);
		c->fd = fd;
		c->deadline = now + HTTP_TIMEOUT_S;
	}
}

static void set_response(struct http_conn *c, const char *status,
			 const char *type, const char *body, size_t len)
{
	char head[256];
	int hl = snprintf(head, sizeof(head),
			  "HTTP/1.1 %s\r\nContent-Type: %s\r\n"
			  "Content-Length: %zu\r\nConnection: close\r\n\r\n",
			  status, type, len);

	c->resp = malloc((size_t)hl + len);
	if (!c->resp) {
		conn_close(c);
		return;
	}
	memcpy(c->resp, head, (size_t)hl);
	memcpy(c->resp + hl, body, len);
	c->resp_len = (size_t)hl + len;
	c->resp_off = 0;
}

static const char root_page[] =
	"<html><head><title>sysobs</title></head><body>"
	"<a href=\"/metrics\">/metrics</a></body></html>\n";
static const char text_type[] = "text/plain; charset=utf-8";

static void respond(struct http_server *h, struct http_conn *c)
{
	char method[16], path[256], *q;
	char *body = NULL;
	size_t len = 0;

	if (sscanf(c->req, "%15s %255s HTTP/", method, path) != 2) {
		set_response(c, "400 Bad Request", text_type, "bad request\n", 12);
		return;
	}
	q = strchr(path, '?');
	if (q)
		*q = 0;
	if (strcmp(path, "/metrics") && strcmp(path, "/")) {
		set_response(c, "404 Not Found", text_type, "not found\n", 10);
		return;
	}
	if (strcmp(method, "GET")) {
		set_response(c, "405 Method Not Allowed", text_type,
			     "method not allowed\n", 19);
		return;
	}
	if (!strcmp(path, "/")) {
		set_response(c, "200 OK", "text/html", root_page, sizeof(root_page) - 1);
		return;
	}
	if (h->render(h->ctx, &body, &len)) {
		set_response(c, "500 Internal Server Error", text_type, "error\n", 6);
		return;
	}
	set_response(c, "200 OK", "text/plain; version=0.0.4; charset=utf-8",
		     body, len);
	free(body);
}

/*
 * Did a read or send move n > 0 bytes? If not, try again when poll says
 * (EAGAIN, EINTR), or never: at end of file or on an error the connection
 * is closed.
 */
static bool conn_moved(struct http_conn *c, ssize_t n)
{
	if (n > 0)
		return true;
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return false;
	conn_close(c);
	return false;
}

static void conn_read(struct http_server *h, struct http_conn *c)
{
	ssize_t n = read(c->fd, c->req + c->req_len, sizeof(c->req) - 1 - c->req_len);

	if (!conn_moved(c, n))
		return;
	c->req_len += (size_t)n;
	c->req[c->req_len] = 0;
	if (strstr(c->req, "\r\n\r\n") || strstr(c->req, "\n\n"))
		respond(h, c);
	else if (c->req_len == sizeof(c->req) - 1)
		set_response(c, "431 Request Header Fields Too Large", text_type,
			     "request too large\n", 18);
}

static void conn_write(struct http_conn *c)
{
	ssize_t n = send(c->fd, c->resp + c->resp_off, c->resp_len - c->resp_off,
			 MSG_NOSIGNAL);

	if (!conn_moved(c, n))
		return;
	c->resp_off += (size_t)n;
	if (c->resp_off == c->resp_len)
		conn_close(c);
}

static struct http_conn *conn_of(struct http_server *h, int fd)
{
	int i;

	for (i = 0; i < HTTP_MAX_CONNS; i++)
		if (h->conns[i].fd == fd)
			return &h->conns[i];
	return NULL;
}

void http_handle(struct http_server *h, const struct pollfd *fds, int n,
		 double now)
{
	struct http_conn *c;
	int i;

	for (i = 1; i < n; i++) {
		if (!fds[i].revents)
			continue;
		c = conn_of(h, fds[i].fd);
		if (!c)
			continue;
		if (fds[i].revents & (POLLERR | POLLNVAL))
			conn_close(c);
		else if (c->resp)
			conn_write(c);
		else
			conn_read(h, c);
	}
	if (n > 0 && (fds[0].revents & POLLIN))
		accept_all(h, now);
	for (i = 0; i < HTTP_MAX_CONNS; i++) {
		if (h->conns[i].fd >= 0 && now > h->conns[i].deadline) {
			h->timed_out++;
			conn_close(&h->conns[i]);
		}
	}
}

void http_close(struct http_server *h)
{
	int i;

	for (i = 0; i < HTTP_MAX_CONNS; i++)
		if (h->conns[i].fd >= 0)
			conn_close(&h->conns[i]);
	if (h->listen_fd >= 0)
		close(h->listen_fd);
	h->listen_fd = -1;
}
