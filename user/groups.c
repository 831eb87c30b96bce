// SPDX-License-Identifier: GPL-2.0
/*
 * Userspace side of the per-process accounting: folding exited processes
 * out of the BPF map, the process/name/cgroup views, cgroup id <-> path,
 * and the -P / --by-cgroup tables.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "sysobs.skel.h"
#include "groups.h"
#include "stats.h"
#include "syscalls.h"

#ifndef CGROUP2_SUPER_MAGIC
#define CGROUP2_SUPER_MAGIC 0x63677270
#endif

#define DEFAULT_GROUP_ENTRIES 65536
#define GROUPS_BATCH 256

/* ---- hash table of rows ---- */

static bool same_key(const struct group_row *a, const struct group_row *b)
{
	return a->id == b->id && a->abi == b->abi && a->nr == b->nr &&
	       !memcmp(a->comm, b->comm, sizeof(a->comm));
}

static size_t hash_key(const struct group_row *k)
{
	__u64 h = 1469598103934665603ULL;	/* FNV-1a */
	const unsigned char *p = (const unsigned char *)k->comm;
	size_t i;

	for (i = 0; i < sizeof(k->comm) && p[i]; i++)
		h = (h ^ p[i]) * 1099511628211ULL;
	h ^= k->id * 0x9E3779B97F4A7C15ULL;
	h ^= ((__u64)k->abi << 40) ^ (__u64)k->nr;
	h *= 0xff51afd7ed558ccdULL;
	return (size_t)(h ^ (h >> 29));
}

static int table_reindex(struct group_table *t, size_t nr_slots)
{
	size_t *slots = calloc(nr_slots, sizeof(*slots)), i, j;

	if (!slots)
		return -ENOMEM;
	for (i = 0; i < t->nr_rows; i++) {
		j = hash_key(&t->rows[i]) & (nr_slots - 1);
		while (slots[j])
			j = (j + 1) & (nr_slots - 1);
		slots[j] = i + 1;
	}
	free(t->slots);
	t->slots = slots;
	t->nr_slots = nr_slots;
	return 0;
}

static struct group_row *table_find(const struct group_table *t,
				    const struct group_row *key)
{
	size_t j;

	if (!t->nr_slots)
		return NULL;
	j = hash_key(key) & (t->nr_slots - 1);
	while (t->slots[j]) {
		if (same_key(&t->rows[t->slots[j] - 1], key))
			return &t->rows[t->slots[j] - 1];
		j = (j + 1) & (t->nr_slots - 1);
	}
	return NULL;
}

/* The row of key, added with zero counts if missing; NULL: no memory. */
static struct group_row *table_get(struct group_table *t,
				   const struct group_row *key)
{
	struct group_row *r = table_find(t, key), *rows;
	size_t j;

	if (r)
		return r;
	if (t->nr_rows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;

		rows = realloc(t->rows, cap * sizeof(*rows));
		if (!rows)
			return NULL;
		t->rows = rows;
		t->cap = cap;
	}
	if (2 * (t->nr_rows + 1) > t->nr_slots &&
	    table_reindex(t, t->nr_slots ? t->nr_slots * 2 : 128))
		return NULL;
	r = &t->rows[t->nr_rows++];
	*r = *key;
	memset(&r->s, 0, sizeof(r->s));
	j = hash_key(r) & (t->nr_slots - 1);
	while (t->slots[j])
		j = (j + 1) & (t->nr_slots - 1);
	t->slots[j] = t->nr_rows;
	return r;
}

int table_merge_row(struct group_table *t, const struct group_row *row)
{
	struct group_row *r = table_get(t, row);

	if (!r)
		return -ENOMEM;
	stat_merge(&r->s, &row->s);
	return 0;
}

void table_free(struct group_table *t)
{
	free(t->rows);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}

/* ---- map entries -> view keys ---- */

/* Entries read from the map: keys[i] and vals[i], n of them. */
struct entries {
	struct sysobs_group_key *keys;
	struct sysobs_group_val *vals;
	size_t n;
};

static const enum sysobs_group_kind kind_of_view[] = {
	[VIEW_PROCESS] = SYSOBS_GROUP_PROCESS,
	[VIEW_COMM] = SYSOBS_GROUP_COMM,
	[VIEW_CGROUP] = SYSOBS_GROUP_CGROUP,
};

/* The view's key of a map entry; false when the view does not use it. */
static bool view_key(enum group_view view, const struct sysobs_group_key *key,
		     const struct sysobs_group_val *val, struct group_row *k)
{
	if (key->kind != kind_of_view[view])
		return false;
	memset(k, 0, sizeof(*k));
	k->abi = key->abi;
	k->nr = key->nr;
	k->id = key->id;
	memcpy(k->comm, key->comm, sizeof(k->comm));
	k->comm[SYSOBS_COMM_LEN - 1] = 0;
	memcpy(k->name, val->comm, sizeof(k->name));
	k->name[SYSOBS_COMM_LEN - 1] = 0;
	return true;
}

static void other_key(struct group_row *k)
{
	k->id = GROUP_OTHER_ID;
	memset(k->comm, 0, sizeof(k->comm));
	strcpy(k->name, "other");
}

/*
 * Where the key's counts go in the view's R: its own row (reserved now if
 * there is room, so that it keeps it), or the "other" row of its syscall.
 */
static struct group_row *admit(struct group_view_state *v, struct group_row *k,
			       bool *merged)
{
	struct group_row *r = table_find(&v->retired, k);

	*merged = false;
	if (r)
		return r;
	if (v->retired.nr_rows >= v->max_rows) {
		other_key(k);
		*merged = true;
	}
	return table_get(&v->retired, k);
}

/* Add a gone entry to the views' R. False (keep it in the map): no memory. */
static bool fold_dead(struct groups *g, const struct sysobs_group_key *key,
		      const struct sysobs_group_val *val)
{
	struct group_row *rows[GROUPS_MAX_VIEWS] = { NULL }, k;
	bool merged[GROUPS_MAX_VIEWS] = { false };
	int i;

	/* all rows first: a view must not count the entry twice */
	for (i = 0; i < g->nr_views; i++) {
		if (!view_key(g->views[i].view, key, val, &k))
			continue;
		rows[i] = admit(&g->views[i], &k, &merged[i]);
		if (!rows[i])
			return false;
	}
	for (i = 0; i < g->nr_views; i++) {
		if (!rows[i])
			continue;
		stat_merge(&rows[i]->s, &val->s);
		g->views[i].folded_merged += merged[i];
	}
	g->folded++;
	return true;
}

/* Start time of process tgid in clock ticks since boot, 0 if unknown. */
static unsigned long long proc_start_ticks(__u32 tgid)
{
	char path[64], buf[1024], *p;
	unsigned long long start = 0;
	ssize_t n;
	int fd, field;

	snprintf(path, sizeof(path), "/proc/%u/stat", tgid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	p = strrchr(buf, ')');	/* the name may hold spaces and ')' */
	/* field 22 (starttime); field 3 follows ") " */
	for (field = 2; p && field < 22; field++)
		p = strchr(p + 1, ' ');
	if (p)
		start = strtoull(p + 1, NULL, 10);
	return start;
}

/*
 * Has the process of this entry exited? Its pid may already belong to a
 * new process: then the start times differ.
 */
static bool process_gone(const struct sysobs_group_key *key)
{
	static long ticks_per_s;
	unsigned long long ticks;

	if (kill((pid_t)key->id, 0) && errno == ESRCH)
		return true;
	if (!ticks_per_s)
		ticks_per_s = sysconf(_SC_CLK_TCK);
	ticks = proc_start_ticks((__u32)key->id);
	if (!ticks || ticks_per_s <= 0)
		return false;	/* cannot tell: keep it */
	return ticks != key->start_ns / (1000000000ULL / (unsigned long long)ticks_per_s);
}

static bool cgroup_gone(__u64 id);

/*
 * Can no call change this entry any more? A process that has exited, or
 * (when asked: it costs a syscall per cgroup) a cgroup that was removed
 * (rmdir needs it empty). Name entries stay.
 */
static bool entry_gone(const struct sysobs_group_key *key, bool check_cgroups)
{
	if (key->kind == SYSOBS_GROUP_PROCESS)
		return process_gone(key);
	if (key->kind == SYSOBS_GROUP_CGROUP && check_cgroups)
		return cgroup_gone(key->id);
	return false;
}

/* entry_gone, asked once per group in a pass (a group has many entries). */
struct gone_slot {
	__u64 id, start;
	__u32 kind;
	int gone;		/* 0: empty slot, 1: alive, 2: gone */
};

struct gone_cache {
	struct gone_slot *slots;	/* NULL (no memory): ask every time */
	size_t mask;
	bool check_cgroups;
};

static bool cached_gone(struct gone_cache *c, const struct sysobs_group_key *key)
{
	__u64 h = (key->id * 0x9E3779B97F4A7C15ULL) ^ key->start_ns ^ key->kind;
	size_t j = (size_t)h & c->mask;

	if (key->kind == SYSOBS_GROUP_COMM)
		return false;
	if (!c->slots)
		return entry_gone(key, c->check_cgroups);
	while (c->slots[j].gone) {
		if (c->slots[j].id == key->id && c->slots[j].start == key->start_ns &&
		    c->slots[j].kind == key->kind)
			return c->slots[j].gone == 2;
		j = (j + 1) & c->mask;
	}
	c->slots[j].id = key->id;
	c->slots[j].start = key->start_ns;
	c->slots[j].kind = key->kind;
	c->slots[j].gone = entry_gone(key, c->check_cgroups) ? 2 : 1;
	return c->slots[j].gone == 2;
}

/*
 * Read the map: entries of exited processes are folded and deleted, the
 * others returned in *live (malloc'd, *nr_live of them).
 */
/* All entries of the map, a batch of syscalls at a time. */
static int read_entries(struct groups *g, struct sysobs_group_key **keys_out,
			struct sysobs_group_val **vals_out, size_t *n_out)
{
	struct sysobs_group_key *keys = NULL;
	struct sysobs_group_val *vals = NULL;
	size_t n = 0, cap = 0, want = GROUPS_BATCH;
	__u32 batch = 0, in_batch, count;
	bool first = true;
	int err = 0;

	for (;;) {
		if (cap - n < want) {
			size_t c = cap + 4 * want;
			void *k = realloc(keys, c * sizeof(*keys));
			void *v = k ? realloc(vals, c * sizeof(*vals)) : NULL;

			if (k)
				keys = k;
			if (!k || !v) {
				err = -ENOMEM;
				break;
			}
			vals = v;
			cap = c;
		}
		count = (__u32)want;
		in_batch = batch;
		err = bpf_map_lookup_batch(g->fd, first ? NULL : &in_batch, &batch,
					   keys + n, vals + n, &count, NULL);
		if (err && errno == ENOSPC && want < (1U << 20)) {
			/* one hash bucket holds more than want: ask for more */
			batch = in_batch;
			want *= 2;
			continue;
		}
		first = false;
		n += count;
		if (err) {
			err = errno == ENOENT ? 0 : -errno;	/* ENOENT: done */
			break;
		}
	}
	*keys_out = keys;
	*vals_out = vals;
	*n_out = n;
	return err;
}

static void entries_free(struct entries *e)
{
	free(e->keys);
	free(e->vals);
	memset(e, 0, sizeof(*e));
}

/*
 * Read the map: entries of exited processes are folded and deleted, the
 * others are left in *live (compacted in place).
 */
static int groups_read(struct groups *g, struct entries *live, bool check_cgroups)
{
	struct gone_cache cache = { .check_cgroups = check_cgroups };
	struct sysobs_group_key *key;
	size_t i, nl = 0, nd = 0;
	int err = read_entries(g, &live->keys, &live->vals, &live->n);

	for (cache.mask = 63; cache.mask < 2 * live->n; cache.mask = 2 * cache.mask + 1)
		;
	cache.slots = calloc(cache.mask + 1, sizeof(*cache.slots));
	for (i = 0; !err && i < live->n; i++) {
		key = &live->keys[i];
		if (cached_gone(&cache, key) && fold_dead(g, key, &live->vals[i])) {
			/* gone: no call can change its counts any more */
			bpf_map_delete_elem(g->fd, key);
			nd++;
			continue;
		}
		live->keys[nl] = *key;
		live->vals[nl++] = live->vals[i];
	}
	free(cache.slots);
	if (err) {
		entries_free(live);
		return err;
	}
	live->n = nl;
	g->live_entries = nl;
	g->last_folded = nd;
	return 0;
}

int groups_collect(struct groups *g, bool check_cgroups)
{
	struct entries live = { 0 };
	int err;

	if (g->fd < 0)
		return 0;
	err = groups_read(g, &live, check_cgroups);
	entries_free(&live);
	return err;
}

static int copy_table(struct group_table *dst, const struct group_table *src)
{
	size_t i;
	struct group_row *r;

	for (i = 0; i < src->nr_rows; i++) {
		r = table_get(dst, &src->rows[i]);
		if (!r)
			return -ENOMEM;
		stat_merge(&r->s, &src->rows[i].s);
	}
	return 0;
}

static __u64 sub_sat(__u64 a, __u64 b)
{
	return a > b ? a - b : 0;
}

/* out -= prev, row by row (counters only: min/max stay). */
static void subtract(struct group_table *out, const struct group_table *prev)
{
	const struct group_row *p;
	struct group_row *r;
	size_t i;
	unsigned int b;

	for (i = 0; i < prev->nr_rows; i++) {
		p = &prev->rows[i];
		r = table_find(out, p);
		if (!r)
			continue;
		r->s.calls = sub_sat(r->s.calls, p->s.calls);
		r->s.errors = sub_sat(r->s.errors, p->s.errors);
		r->s.total_ns = sub_sat(r->s.total_ns, p->s.total_ns);
		for (b = 0; b < SYSOBS_HIST_BUCKETS; b++)
			r->s.hist[b] = sub_sat(r->s.hist[b], p->s.hist[b]);
	}
}

/* Live entries grouped the view's way (admitted through R). */
static int live_table(struct group_view_state *v, const struct entries *live,
		      struct group_table *t)
{
	struct group_row k, *r;
	bool merged;
	size_t i;

	v->merged_rows = v->folded_merged;
	for (i = 0; i < live->n; i++) {
		if (!view_key(v->view, &live->keys[i], &live->vals[i], &k))
			continue;
		if (!admit(v, &k, &merged))
			return -ENOMEM;
		v->merged_rows += merged;
		r = table_get(t, &k);
		if (!r)
			return -ENOMEM;
		stat_merge(&r->s, &live->vals[i].s);
	}
	return 0;
}

/* Interval mode: R starts over, keeping the keys of live groups. */
static int restart_retired(struct group_view_state *v)
{
	size_t i;

	table_free(&v->retired);
	for (i = 0; i < v->prev.nr_rows; i++)
		if (!table_get(&v->retired, &v->prev.rows[i]))
			return -ENOMEM;
	return 0;
}

int groups_view(struct groups *g, int vi, struct group_table *out)
{
	struct group_view_state *v = &g->views[vi];
	struct group_table lt = { 0 };
	struct entries live = { 0 };
	int err;

	memset(out, 0, sizeof(*out));
	err = groups_read(g, &live, false);
	if (!err)
		err = live_table(v, &live, &lt);
	entries_free(&live);
	if (!err)
		err = copy_table(out, &v->retired);
	if (!err)
		err = copy_table(out, &lt);
	if (!err && !v->cumulative) {
		subtract(out, &v->prev);
		table_free(&v->prev);
		v->prev = lt;
		memset(&lt, 0, sizeof(lt));
		err = restart_retired(v);
	}
	table_free(&lt);
	if (err)
		table_free(out);
	return err;
}

void groups_init(struct groups *g, int fd)
{
	memset(g, 0, sizeof(*g));
	g->fd = fd;
}

int groups_add_view(struct groups *g, enum group_view view, size_t max_rows,
		    bool cumulative)
{
	struct group_view_state *v = &g->views[g->nr_views];

	memset(v, 0, sizeof(*v));
	v->view = view;
	v->max_rows = max_rows;
	v->cumulative = cumulative;
	return g->nr_views++;
}

void groups_free(struct groups *g)
{
	int i;

	for (i = 0; i < g->nr_views; i++) {
		table_free(&g->views[i].retired);
		table_free(&g->views[i].prev);
	}
	g->nr_views = 0;
}

/* ---- BPF configuration and the cgroup filter ---- */

void groups_configure(struct sysobs_bpf *skel, const struct config *cfg)
{
	__u32 kinds = 0;

	if (cfg->by_process)
		kinds |= 1U << SYSOBS_GROUP_PROCESS;
	if (cfg->by_cgroup || cfg->metrics_by == METRICS_BY_CGROUP)
		kinds |= 1U << SYSOBS_GROUP_CGROUP;
	if (cfg->metrics_by == METRICS_BY_COMM)
		kinds |= 1U << SYSOBS_GROUP_COMM;
	skel->rodata->group_kinds = kinds;
	skel->rodata->filter_cgroup = cfg->cgroup != NULL;
	bpf_map__set_max_entries(skel->maps.sysobs_groups,
				 kinds ? DEFAULT_GROUP_ENTRIES : 1);
}

static char cgroup_root[4096];

/* The cgroup2 mount point, from /proc/self/mountinfo. */
static const char *cgroup2_mount(void)
{
	char line[8192], mnt[4096];
	FILE *f;

	if (cgroup_root[0])
		return cgroup_root;
	f = fopen("/proc/self/mountinfo", "r");
	if (!f)
		return NULL;
	while (fgets(line, sizeof(line), f)) {
		char *sep = strstr(line, " - cgroup2 ");

		if (sep && sscanf(line, "%*s %*s %*s %*s %4095s", mnt) == 1) {
			snprintf(cgroup_root, sizeof(cgroup_root), "%s", mnt);
			break;
		}
	}
	fclose(f);
	return cgroup_root[0] ? cgroup_root : NULL;
}

static bool is_cgroup2_dir(const char *path)
{
	struct statfs sf;
	struct stat st;

	return !stat(path, &st) && S_ISDIR(st.st_mode) && !statfs(path, &sf) &&
	       sf.f_type == CGROUP2_SUPER_MAGIC;
}

/* PATH as given, or relative to the cgroup2 mount. */
static const char *resolve_cgroup(const char *path, char *buf, size_t len)
{
	const char *root;

	if (is_cgroup2_dir(path))
		return path;
	root = cgroup2_mount();
	if (!root)
		return NULL;
	snprintf(buf, len, "%s/%s", root, path);
	return is_cgroup2_dir(buf) ? buf : NULL;
}

int groups_check_cgroup(const char *path)
{
	char buf[4096];

	if (resolve_cgroup(path, buf, sizeof(buf)))
		return 0;
	fprintf(stderr, "sysobs: --cgroup %s: not a cgroup v2 directory%s\n", path,
		cgroup2_mount() ? "" : " (no cgroup2 file system mounted)");
	return -1;
}

int groups_set_cgroup(struct sysobs_bpf *skel, const struct config *cfg)
{
	char buf[4096];
	const char *path;
	__u32 key = 0;
	int fd, err = 0;

	if (!cfg->cgroup)
		return 0;
	path = resolve_cgroup(cfg->cgroup, buf, sizeof(buf));
	if (!path)
		return -ENOENT;
	fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (bpf_map_update_elem(bpf_map__fd(skel->maps.sysobs_cgroup), &key, &fd,
				BPF_ANY))
		err = -errno;
	close(fd);	/* the map holds its own reference */
	return err;
}

/* ---- cgroup id -> path ---- */

#define FILEID_KERNFS 0xfe	/* file handle type of kernfs (cgroupfs) */
#define CGROUP_CACHE 256

static struct {
	__u64 id;
	char *path;
} cg_cache[CGROUP_CACHE];
static size_t cg_cached;

/*
 * Open the cgroup directory of a cgroup v2 id: on cgroupfs the id is the
 * kernfs node id, which is also a valid file handle. -1 with errno ESTALE:
 * the cgroup was removed.
 */
static int open_cgroup_id(__u64 id)
{
	static int mount_fd = -1;
	struct {
		struct file_handle fh;
		__u64 id;
	} h;
	const char *root;

	if (mount_fd < 0) {
		root = cgroup2_mount();
		if (!root) {
			errno = ENOENT;
			return -1;
		}
		mount_fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (mount_fd < 0)
			return -1;
	}
	h.fh.handle_bytes = sizeof(id);
	h.fh.handle_type = FILEID_KERNFS;
	memcpy(h.fh.f_handle, &id, sizeof(id));
	return open_by_handle_at(mount_fd, &h.fh, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

static bool cgroup_gone(__u64 id)
{
	int fd = open_cgroup_id(id);

	if (fd >= 0) {
		close(fd);
		return false;
	}
	return errno == ESTALE || errno == ENOENT;
}

const char *cgroup_path(__u64 id, char *buf, size_t len)
{
	const char *root = cgroup2_mount();
	char link[64];
	size_t i, rl;
	ssize_t n;
	int fd;

	if (id == GROUP_OTHER_ID)
		return "other";
	for (i = 0; i < cg_cached; i++)
		if (cg_cache[i].id == id)
			return cg_cache[i].path;
	snprintf(buf, len, "cgroup-id-%" PRIu64, (uint64_t)id);
	fd = open_cgroup_id(id);
	if (fd < 0 || !root)
		return buf;	/* removed, or no privilege: keep the id */
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, buf, len - 1);
	close(fd);
	rl = strlen(root);
	if (n < 0 || (size_t)n < rl || strncmp(buf, root, rl)) {
		snprintf(buf, len, "cgroup-id-%" PRIu64, (uint64_t)id);
		return buf;
	}
	buf[n] = 0;
	memmove(buf, buf + rl, (size_t)n - rl + 1);
	if (!buf[0])
		snprintf(buf, len, "/");
	if (cg_cached == CGROUP_CACHE) {	/* bounded: start over */
		for (i = 0; i < cg_cached; i++)
			free(cg_cache[i].path);
		cg_cached = 0;
	}
	cg_cache[cg_cached].id = id;
	cg_cache[cg_cached].path = strdup(buf);
	if (cg_cache[cg_cached].path)
		return cg_cache[cg_cached++].path;
	return buf;
}

const char *printable(const char *s, size_t max, char *buf, size_t len)
{
	size_t i, o = 0;

	for (i = 0; i < max && s[i] && o + 5 < len; i++) {
		unsigned char c = (unsigned char)s[i];

		/* a backslash is escaped too, so no two names print the same */
		if (c >= 0x20 && c < 0x7f && c != '\\')
			buf[o++] = (char)c;
		else
			o += (size_t)snprintf(buf + o, len - o, "\\x%02x", c);
	}
	buf[o] = 0;
	return buf;
}

/* ---- the -P / --by-cgroup tables ---- */

/* Totals of one group (abi/nr unused). */
static int group_totals(const struct group_table *t, struct group_table *tot)
{
	struct group_row k, *r;
	size_t i;

	memset(tot, 0, sizeof(*tot));
	for (i = 0; i < t->nr_rows; i++) {
		if (!t->rows[i].s.calls)
			continue;
		k = t->rows[i];
		k.abi = 0;
		k.nr = 0;
		r = table_get(tot, &k);
		if (!r)
			return -ENOMEM;
		stat_merge(&r->s, &t->rows[i].s);
		memcpy(r->name, t->rows[i].name, sizeof(r->name));
	}
	return 0;
}

static int by_time_desc(const void *pa, const void *pb)
{
	const struct group_row *a = pa, *b = pb;

	if (a->s.total_ns != b->s.total_ns)
		return a->s.total_ns < b->s.total_ns ? 1 : -1;
	if (a->s.calls != b->s.calls)
		return a->s.calls < b->s.calls ? 1 : -1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static bool same_group(const struct group_row *a, const struct group_row *b)
{
	return a->id == b->id && !memcmp(a->comm, b->comm, sizeof(a->comm));
}

/* The most called syscalls of group g, "name:calls ..." */
static void print_top_syscalls(FILE *out, const struct group_table *t,
			       const struct group_row *g, int n)
{
	const struct group_row *best[3] = { NULL };
	char buf[SYSCALL_NAME_MAX];
	size_t i;
	int j, k;

	for (i = 0; i < t->nr_rows; i++) {
		const struct group_row *r = &t->rows[i];

		if (!r->s.calls || !same_group(r, g))
			continue;
		for (j = 0; j < n; j++) {
			if (best[j] && best[j]->s.calls >= r->s.calls)
				continue;
			for (k = n - 1; k > j; k--)
				best[k] = best[k - 1];
			best[j] = r;
			break;
		}
	}
	for (j = 0; j < n && best[j]; j++)
		fprintf(out, " %s%s:%" PRIu64,
			syscall_name(best[j]->abi, best[j]->nr, buf, sizeof(buf)),
			best[j]->abi == SYSOBS_ABI_32 ? "(32)" : "",
			(uint64_t)best[j]->s.calls);
	fputc('\n', out);
}

void report_groups_text(FILE *out, struct group_table *t, enum group_view view,
			int top)
{
	struct group_table tot;
	char name[1024], path[4096];
	size_t i, shown;

	if (group_totals(t, &tot)) {
		fprintf(stderr, "sysobs: out of memory\n");
		return;
	}
	qsort(tot.rows, tot.nr_rows, sizeof(*tot.rows), by_time_desc);
	shown = tot.nr_rows < (size_t)top ? tot.nr_rows : (size_t)top;
	fprintf(out, "\n%s (top %zu of %zu by time):\n",
		view == VIEW_CGROUP ? "Per cgroup" : "Per process", shown,
		tot.nr_rows);
	if (view == VIEW_CGROUP)
		fprintf(out, "%10s %8s %12s  %-24s %s\n", "calls", "errors",
			"seconds", "cgroup", "top syscalls");
	else
		fprintf(out, "%8s %-16s %10s %8s %12s  %s\n", "pid", "comm",
			"calls", "errors", "seconds", "top syscalls");
	for (i = 0; i < shown; i++) {
		const struct group_row *g = &tot.rows[i];

		if (view == VIEW_CGROUP) {
			fprintf(out, "%10" PRIu64 " %8" PRIu64 " %12.6f  %-24s",
				(uint64_t)g->s.calls, (uint64_t)g->s.errors,
				g->s.total_ns / 1e9,
				printable(cgroup_path(g->id, path, sizeof(path)),
					  sizeof(path), name, sizeof(name)));
		} else {
			fprintf(out, "%8" PRId64 " %-16s %10" PRIu64 " %8" PRIu64
				" %12.6f ",
				g->id == GROUP_OTHER_ID ? (int64_t)-1 : (int64_t)g->id,
				printable(g->name, sizeof(g->name), name, sizeof(name)),
				(uint64_t)g->s.calls, (uint64_t)g->s.errors,
				g->s.total_ns / 1e9);
		}
		print_top_syscalls(out, t, g, 3);
	}
	table_free(&tot);
}
