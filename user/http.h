/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A minimal HTTP/1.1 server for the Prometheus endpoint: GET / and
 * GET /metrics only, one request per connection. Sockets are non-blocking
 * and driven by the caller's poll loop, each connection has a deadline and
 * a bounded request buffer, and the number of connections is capped (a new
 * one closes the oldest when all slots are busy), so a slow or silent
 * client never holds up another scrape or the tracing.
 */
#ifndef SYSOBS_HTTP_H
#define SYSOBS_HTTP_H

#include <poll.h>
#include <stddef.h>
#include <linux/types.h>

#define HTTP_MAX_CONNS 16
#define HTTP_REQ_MAX 4096	/* request line and headers */
#define HTTP_TIMEOUT_S 10.0	/* whole exchange, from accept to last byte */

struct http_conn {
	int fd;			/* -1: free */
	char req[HTTP_REQ_MAX];
	size_t req_len;
	char *resp;		/* malloc'd response, NULL while reading */
	size_t resp_len, resp_off;
	double deadline;
};

/* Builds the /metrics body: malloc'd *body of *len bytes. 0 or -errno. */
typedef int (*http_render_fn)(void *ctx, char **body, size_t *len);

struct http_server {
	int listen_fd;
	struct http_conn conns[HTTP_MAX_CONNS];
	http_render_fn render;
	void *ctx;
	__u64 evicted;		/* oldest connections closed: all slots busy */
	__u64 timed_out;
};

/* Listen on "[ADDR:]PORT" (127.0.0.1 without ADDR). 0, or -1 with a message. */
int http_listen(struct http_server *h, const char *spec, http_render_fn render,
		void *ctx);
/* Check the syntax of "[ADDR:]PORT": 0 or -1. */
int http_parse_spec(const char *spec);
/* Fill fds (room for 1 + HTTP_MAX_CONNS); returns how many. */
int http_pollfds(struct http_server *h, struct pollfd *fds);
/* Serve what poll reported; close connections past their deadline. */
void http_handle(struct http_server *h, const struct pollfd *fds, int n,
		 double now);
void http_close(struct http_server *h);

#endif /* SYSOBS_HTTP_H */
