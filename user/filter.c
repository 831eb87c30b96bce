// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "decode.h"
#include "filter.h"
#include "syscalls.h"

typedef __u64 selection[SYSOBS_NR_ABIS][SYSOBS_SELECT_WORDS];

static void set_bit(selection sel, unsigned int abi, long nr)
{
	if (nr >= 0 && nr < SYSOBS_NR_SLOTS)
		sel[abi][nr / 64] |= 1ULL << (nr % 64);
}

static void select_all(selection sel)
{
	memset(sel, 0xff, sizeof(selection));
}

/* %class: its members in each ABI; false if no such class. */
static bool add_class(selection sel, const char *name)
{
	const struct syscall_class *c;
	char word[SYSCALL_NAME_MAX];
	const char *p, *end;
	bool found = false;
	size_t len;

	for (c = syscall_classes; c->name; c++) {
		if (strcmp(c->name, name))
			continue;
		found = true;
		for (p = c->members; *p; p = *end ? end + 1 : end) {
			end = strchrnul(p, ' ');
			len = (size_t)(end - p);
			if (!len || len >= sizeof(word))
				continue;
			memcpy(word, p, len);
			word[len] = 0;
			set_bit(sel, c->abi, syscall_number(c->abi, word));
		}
	}
	return found;
}

static bool add_regex(selection sel, const char *pattern)
{
	char buf[SYSCALL_NAME_MAX];
	unsigned int abi, nr;
	regex_t re;

	if (regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB))
		return false;
	for (abi = 0; abi < SYSOBS_NR_ABIS; abi++)
		for (nr = 0; nr < syscall_table_len(abi); nr++)
			if (!regexec(&re, syscall_name(abi, nr, buf, sizeof(buf)), 0, NULL, 0))
				set_bit(sel, abi, nr);
	regfree(&re);
	return true;
}

/* One element of a set; false if it names nothing. */
static bool add_element(selection sel, const char *tok)
{
	bool optional = *tok == '?', found = false;
	unsigned int abi;
	long nr;

	if (optional)
		tok++;
	if (!strcmp(tok, "all")) {
		select_all(sel);
		return true;
	}
	if (!strcmp(tok, "none"))
		return true;
	if (*tok == '%')
		return add_class(sel, tok) || optional;
	if (*tok == '/')
		return add_regex(sel, tok + 1) || optional;
	for (abi = 0; abi < SYSOBS_NR_ABIS; abi++) {
		nr = syscall_number(abi, tok);
		if (nr >= 0) {
			set_bit(sel, abi, nr);
			found = true;
		}
	}
	return found || optional;
}

/* trace=[!]a,b,%class: OR-ed into f->select. */
static int parse_trace(struct trace_filter *f, const char *set)
{
	bool negate = *set == '!';
	char *copy, *tok, *save = NULL;
	selection sel = { { 0 } };
	unsigned int abi, w;
	int err = 0;

	copy = strdup(set + negate);
	if (!copy)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!add_element(sel, tok)) {
			fprintf(stderr, "sysobs: invalid system call '%s'\n", tok);
			err = -1;
			break;
		}
	}
	free(copy);
	f->active = true;
	for (abi = 0; abi < SYSOBS_NR_ABIS; abi++)
		for (w = 0; w < SYSOBS_SELECT_WORDS; w++)
			f->select[abi][w] |= negate ? ~sel[abi][w] : sel[abi][w];
	return err;
}

static int parse_status(struct trace_filter *f, const char *list)
{
	if (!strcmp(list, "successful"))
		f->status = SYSOBS_STATUS_SUCCESSFUL;
	else if (!strcmp(list, "failed"))
		f->status = SYSOBS_STATUS_FAILED;
	else if (!strcmp(list, "all") || !strcmp(list, "successful,failed") ||
		 !strcmp(list, "failed,successful"))
		f->status = SYSOBS_STATUS_ALL;
	else {
		fprintf(stderr, "sysobs: invalid status '%s' "
			"(supported: successful, failed, all)\n", list);
		return -1;
	}
	return 0;
}

/* A signal as strace's sigstr_to_uint takes it: 10, USR1, SIGUSR1, sigusr1. */
static int signal_number(const char *tok)
{
	struct strbuf sb;
	char *end;
	long n;
	int sig, found = -1;

	if (isdigit((unsigned char)*tok)) {
		n = strtol(tok, &end, 10);
		return *end || n < 1 || n > 64 ? -1 : (int)n;
	}
	if (!strncasecmp(tok, "SIG", 3))
		tok += 3;
	sb_init(&sb);
	for (sig = 1; sig <= 64 && found < 0; sig++) {
		sb_reset(&sb);
		sb_signame(&sb, sig);
		if (sb.len > 3 && !strcasecmp(sb.buf + 3, tok))
			found = sig;
	}
	sb_free(&sb);
	return found;
}

/* signal=[!]SET: replaces the previous one, as in strace. */
static int parse_signals(struct trace_filter *f, const char *set)
{
	bool negate = *set == '!';
	char *copy, *tok, *save = NULL;
	__u64 sel = 0;
	int sig, err = 0;

	copy = strdup(set + negate);
	if (!copy)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "all")) {
			sel = ~0ULL;
		} else if (strcmp(tok, "none")) {
			sig = signal_number(tok);
			if (sig < 0) {
				fprintf(stderr, "sysobs: invalid signal '%s'\n", tok);
				err = -1;
				break;
			}
			sel |= 1ULL << (sig - 1);
		}
	}
	free(copy);
	f->signals = negate ? ~sel : sel;
	return err;
}

static int parse_expr(struct trace_filter *f, const char *expr)
{
	const char *eq = strchr(expr, '=');
	size_t len = eq ? (size_t)(eq - expr) : 0;

	if (!eq)
		return parse_trace(f, expr);
	if ((len == 5 && !strncmp(expr, "trace", 5)) ||
	    (len == 1 && !strncmp(expr, "t", 1)))
		return parse_trace(f, eq + 1);
	if (len == 6 && !strncmp(expr, "status", 6))
		return parse_status(f, eq + 1);
	if ((len == 6 && !strncmp(expr, "signal", 6)) ||
	    (len == 7 && !strncmp(expr, "signals", 7)) ||
	    (len == 1 && !strncmp(expr, "s", 1)))
		return parse_signals(f, eq + 1);
	fprintf(stderr, "sysobs: -e %.*s= is not supported (trace=, status=, signal= are)\n",
		(int)len, expr);
	return -1;
}

int filter_parse(struct trace_filter *f, const struct config *cfg)
{
	int i;

	memset(f, 0, sizeof(*f));
	f->signals = ~0ULL;
	for (i = 0; i < cfg->nr_trace_expr; i++)
		if (parse_expr(f, cfg->trace_expr[i]))
			return -1;
	if (cfg->only_successful && cfg->only_failed) {
		fprintf(stderr, "sysobs: -z and -Z cannot be combined\n");
		return -1;
	}
	if (cfg->only_successful)
		f->status = SYSOBS_STATUS_SUCCESSFUL;
	if (cfg->only_failed)
		f->status = SYSOBS_STATUS_FAILED;
	return 0;
}

bool filter_selected(const struct trace_filter *f, unsigned int abi, long nr)
{
	if (!f->active)
		return true;
	if (abi >= SYSOBS_NR_ABIS || nr < 0 || nr >= SYSOBS_NR_SLOTS)
		return false;
	return (f->select[abi][nr / 64] >> (nr % 64)) & 1;
}
