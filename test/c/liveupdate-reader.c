// SPDX-License-Identifier: GPL-2.0-only
/*
 * A reader of a whole live update image written by kho-abi's TypeScript
 * writer (runtime/liveupdate/image-file.ts), built only on the generated
 * headers: it parses the KHO root FDT itself, walks the radix-tree memory
 * map, the LUO blob, the kho_block chains of sessions and files, each
 * file's handler state and its kho_vmalloc entry array, and the FLB page,
 * and prints the tree text of runtime/liveupdate/tree.ts.
 *
 * Usage: liveupdate-reader IMAGE. Exit 0 with the tree on stdout and the
 * warnings of runtime/liveupdate/read.ts on stderr (what the kernel accepts
 * but points out, in the form of test/c/image.h); 1 with one line on
 * stderr for anything the next kernel would refuse, naming the struct and
 * field as the TypeScript reader does. The checks are made in the
 * TypeScript reader's order (FDT, memory map, blobs, luo_ser, FLB page,
 * sessions, files), so that both refuse a corrupt image at the same place:
 * test/liveupdate-c-fuzz.test.ts compares them on random corruptions.
 */
#include <linux/kho/abi/kexec_handover.h>
#include <linux/kho/abi/radix_tree.h>
#include <linux/kho/abi/vmalloc.h>
#include <linux/kho/abi/block.h>
#include <linux/kho/abi/luo.h>
#include <linux/kho/abi/memfd.h>
#include <linux/kho/abi/hugetlb.h>

#include "image.h"

static const unsigned char *fdt;
static u64 fdt_size;

static u64 le64(const unsigned char *p)
{
	return image_le64(p);
}

/* ------------------------------------------------------------ the FDT */

#define FDT_MAGIC	0xd00dfeedu
#define FDT_BEGIN_NODE	1
#define FDT_END_NODE	2
#define FDT_PROP	3
#define FDT_NOP		4
#define FDT_END		9
#define MAX_BLOB_BYTES	(1 << 20)

static u32 be32(const unsigned char *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

struct child {
	const char *name;
	u64 data, size;
	int has_data, has_size;
};

static const char *root_compat;
static u32 root_compat_len;
static u64 mem_map;
static u32 mem_map_len;
static int has_mem_map;
static struct child *children;
static int cap_children;
static int nr_children;

/*
 * An FDT the kernel's libfdt would refuse (fdt_check_header, then the
 * token walk of fdt_next_tag): the handover is dropped, so the image is.
 */
#define fdt_refuse(fmt, ...) refuse("refused", "fdt", NULL, 0, fmt, ##__VA_ARGS__)
#define MAX_DEPTH	16

static u32 struct_end, strings_at, strings_size;

/* The length of the NUL-terminated string at `at`, which must end before `end`. */
static u32 fdt_string(u32 at, u32 end, const char *what)
{
	const unsigned char *nul = at < end ? memchr(fdt + at, 0, end - at) : NULL;

	if (!nul)
		fdt_refuse("%s has no NUL before the end of its block", what);
	return nul - (fdt + at);
}

static u32 fdt_token(u32 *at)
{
	u32 tok;

	if ((u64)*at + 4 > struct_end)
		fdt_refuse("the structure block ends without FDT_END");
	tok = be32(fdt + *at);
	*at += 4;
	return tok;
}

/*
 * One node and everything under it, from just after its FDT_BEGIN_NODE.
 * Properties of the root (depth 0) and of its children (depth 1) are kept;
 * deeper nodes are walked only to be skipped.
 */
static void fdt_node(u32 *at, int depth, struct child *cur)
{
	u32 tok, len, nameoff, n;
	const unsigned char *val;
	const char *name;

	if (depth > MAX_DEPTH)
		fdt_refuse("nodes nested deeper than %d", MAX_DEPTH);
	n = fdt_string(*at, struct_end, "a node name");
	name = (const char *)fdt + *at;
	*at += (n + 1 + 3) & ~3u;
	if (depth == 1) {
		/* Any number, as the FDT holds them (each takes bytes of it): no pointer into the array lives across this. */
		if (nr_children == cap_children) {
			cap_children = cap_children ? 2 * cap_children : 16;
			children = realloc(children, cap_children * sizeof(*children));
			if (!children)
				fail("out of memory");
		}
		cur = &children[nr_children++];
		memset(cur, 0, sizeof(*cur));
		cur->name = name;
	}
	for (;;) {
		tok = fdt_token(at);
		if (tok == FDT_NOP)
			continue;
		if (tok == FDT_END_NODE)
			return;
		if (tok == FDT_BEGIN_NODE) {
			fdt_node(at, depth + 1, depth == 0 ? NULL : cur);
			continue;
		}
		if (tok != FDT_PROP)
			fdt_refuse("unexpected token %u inside a node", tok);
		if ((u64)*at + 8 > struct_end)
			fdt_refuse("a property header runs past the structure block");
		len = be32(fdt + *at);
		nameoff = be32(fdt + *at + 4);
		*at += 8;
		if ((u64)*at + len > struct_end)
			fdt_refuse("a property of %u bytes runs past the structure block", len);
		if (nameoff >= strings_size)
			fdt_refuse("property name offset %u is outside the strings block", nameoff);
		fdt_string(strings_at + nameoff, strings_at + strings_size, "a property name");
		name = (const char *)fdt + strings_at + nameoff;
		val = fdt + *at;
		*at += (len + 3) & ~3u;
		/* A property given twice: the last one counts, as the TypeScript parser keeps it. */
		if (depth == 0 && !strcmp(name, "compatible")) {
			root_compat = (const char *)val;
			root_compat_len = len;
		} else if (depth == 0 && !strcmp(name, KHO_FDT_MEMORY_MAP_PROP_NAME)) {
			mem_map_len = len;
			mem_map = len == 8 ? le64(val) : 0;
			has_mem_map = 1;
		} else if (depth == 1 && !strcmp(name, KHO_SUB_TREE_PROP_NAME)) {
			cur->has_data = len == 8;
			cur->data = len == 8 ? le64(val) : 0;
		} else if (depth == 1 && !strcmp(name, KHO_SUB_TREE_SIZE_PROP_NAME)) {
			cur->has_size = len == 8;
			cur->size = len == 8 ? le64(val) : 0;
		}
	}
}

/* The header as fdt_check_header reads it, then the token walk: NOPs, the root, NOPs, FDT_END. */
static void parse_fdt(void)
{
	u32 total, off_struct, size_struct, at, tok;

	if (fdt_size < 40)
		fdt_refuse("%llu bytes is shorter than an FDT header", (ull)fdt_size);
	if (be32(fdt) != FDT_MAGIC)
		fdt_refuse("bad magic 0x%x", be32(fdt));
	total = be32(fdt + 4);
	off_struct = be32(fdt + 8);
	strings_at = be32(fdt + 12);
	strings_size = be32(fdt + 32);
	size_struct = be32(fdt + 36);
	if (total > fdt_size)
		fdt_refuse("totalsize %u is larger than the %llu bytes available", total, (ull)fdt_size);
	if (be32(fdt + 24) > 17)
		fdt_refuse("last compatible version %u is newer than 17", be32(fdt + 24));
	if ((u64)off_struct + size_struct > total || (u64)strings_at + strings_size > total)
		fdt_refuse("the structure or strings block runs past totalsize");
	struct_end = off_struct + size_struct;
	at = off_struct;
	while ((tok = fdt_token(&at)) == FDT_NOP)
		;
	if (tok != FDT_BEGIN_NODE)
		fdt_refuse("the structure block starts with token %u, not FDT_BEGIN_NODE", tok);
	fdt_node(&at, 0, NULL);
	while ((tok = fdt_token(&at)) == FDT_NOP)
		;
	if (tok != FDT_END)
		fdt_refuse("token %u after the root node, expected FDT_END", tok);
}

/* Is `want` one of the strings of the root's compatible list? */
static int root_compatible(const char *want)
{
	u32 i = 0;

	while (i < root_compat_len) {
		size_t n = strnlen(root_compat + i, root_compat_len - i);

		if (n == strlen(want) && !memcmp(root_compat + i, want, n))
			return 1;
		i += n + 1;
	}
	return 0;
}

/* ------------------------------------------------------------ the memory map */

struct block {
	u64 pfn;
	unsigned int order;
	size_t seq; /* the walk's order: of two blocks at one pfn, the later names the order page->private keeps */
	u64 reach; /* once sorted: the end (exclusive, in pages) of the block reaching furthest among this one and those before it */
};

static struct block *preserved;
static size_t nr_preserved, cap_preserved;

static int fls64(u64 x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}

/*
 * The tree as kho_radix_walk_tree walks it: table entries in index order,
 * the depth fixed, no visited set, so a page reached twice is walked again
 * (pointed out once, for the first such page). Visits past the pages the
 * image holds are refused: a loop to a higher level would never end.
 */
struct leaf_ref {
	u64 pa, key_hi;
};

static struct leaf_ref *leaves;
static size_t nr_leaves, cap_leaves;
static u64 radix_visits, *radix_seen, radix_seen_mask;
static u64 radix_shared_pa, radix_shared_count;
static const char *radix_shared_struct;

/* Adds pa to the pages of the tree seen; false if it was there. */
static int radix_seen_add(u64 pa)
{
	u64 h;

	if (!radix_seen) {
		for (radix_seen_mask = 1; radix_seen_mask < 2 * (image_pages + 1); radix_seen_mask <<= 1)
			;
		radix_seen = calloc(radix_seen_mask, sizeof(*radix_seen));
		if (!radix_seen)
			fail("out of memory");
		radix_seen_mask--;
	}
	/* Tree pages are never at 0 (the map's root at 0 is refused before). */
	for (h = (pa * 0x9e3779b97f4a7c15ull) >> 20 & radix_seen_mask; radix_seen[h]; h = (h + 1) & radix_seen_mask)
		if (radix_seen[h] == pa)
			return 0;
	radix_seen[h] = pa;
	return 1;
}

static void collect_radix(u64 node_pa, int level, u64 key_hi)
{
	const char *structname = level ? "kho_radix_node" : "kho_radix_leaf";
	unsigned int i;

	phys(node_pa, level ? sizeof(struct kho_radix_node) : sizeof(struct kho_radix_leaf), structname);
	if (++radix_visits > (image_pages ? image_pages : 1))
		refuse("limit", structname, NULL, node_pa, "tree page visits (a page reached twice counts twice): more than %llu",
		       (ull)(image_pages ? image_pages : 1));
	if (!radix_seen_add(node_pa) && !radix_shared_count++) {
		radix_shared_pa = node_pa;
		radix_shared_struct = structname;
	}
	if (level == 0) {
		if (nr_leaves == cap_leaves) {
			cap_leaves = cap_leaves ? 2 * cap_leaves : 64;
			leaves = realloc(leaves, cap_leaves * sizeof(*leaves));
			if (!leaves)
				fail("out of memory");
		}
		leaves[nr_leaves].pa = node_pa;
		leaves[nr_leaves++].key_hi = key_hi;
		return;
	}
	{
		struct kho_radix_node node;
		unsigned int slots = 1u << KHO_TABLE_SIZE_LOG2;
		int shift = (level - 1) * KHO_TABLE_SIZE_LOG2 + KHO_BITMAP_SIZE_LOG2;

		LOAD(node, node_pa, "kho_radix_node");
		for (i = 0; i < slots; i++)
			if (node.table[i])
				collect_radix(node.table[i], level - 1, key_hi | (u64)i << shift);
	}
}

/*
 * Each set bit of a leaf is a key: its highest bit marks the order, the
 * bits below it the block (kho_radix_decode_key). A key of 0, or one wider
 * than the orders allow, names no block; the kernel decodes it anyway.
 */
static void walk_radix(u64 root)
{
	u64 no_block_pa = 0, no_block_count = 0;
	size_t l;
	unsigned int i;

	collect_radix(root, KHO_TREE_MAX_DEPTH - 1, 0);
	if (radix_shared_count)
		warn("radix-shared-page", radix_shared_struct, NULL, radix_shared_pa,
		     "the page is reached a second time; the kernel walks it again at this level");
	for (l = 0; l < nr_leaves; l++) {
		struct kho_radix_leaf leaf;
		unsigned int bits = 1u << KHO_BITMAP_SIZE_LOG2;
		int noted = 0;

		LOAD(leaf, leaves[l].pa, "kho_radix_leaf");
		for (i = 0; i < bits; i++) {
			u64 key;
			int order;

			if (!(leaf.bitmap[i / BITS_PER_LONG] >> (i % BITS_PER_LONG) & 1))
				continue;
			key = leaves[l].key_hi | i;
			order = KHO_ORDER_0_LOG2 - fls64(key) + 1;
			if (fls64(key) == 0 || order < 0) {
				/* Counted once per leaf for a prefix too wide, once per bit for key 0, as the TS tally notes them. */
				if (!noted && !no_block_count++)
					no_block_pa = leaves[l].pa;
				noted = fls64(key) != 0;
				continue;
			}
			if (nr_preserved == cap_preserved) {
				cap_preserved = cap_preserved ? 2 * cap_preserved : 1024;
				preserved = realloc(preserved, cap_preserved * sizeof(*preserved));
				if (!preserved)
					fail("out of memory");
			}
			preserved[nr_preserved].pfn = (key << (PAGE_SHIFT + order)) >> PAGE_SHIFT;
			preserved[nr_preserved].seq = nr_preserved;
			preserved[nr_preserved++].order = order;
		}
	}
	if (no_block_count)
		warn("radix-no-block", "kho_radix_leaf", "bitmap", no_block_pa + offsetof(struct kho_radix_leaf, bitmap),
		     "set bits whose key names no block; the kernel decodes them anyway");
}

static int cmp_block(const void *a, const void *b)
{
	const struct block *x = a, *y = b;

	if (x->pfn != y->pfn)
		return x->pfn < y->pfn ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* After sorting: how many blocks start at or below pfn (the last of them, if any, is the one before this count). */
static size_t blocks_up_to(u64 pfn)
{
	size_t lo = 0, hi = nr_preserved;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (preserved[mid].pfn <= pfn)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Whether a block the map names holds the page of pa: blocks overlap in a
 * corrupt map, so not only the nearest block below is asked, but the one
 * reaching furthest of all those starting at or below the page.
 */
static int is_preserved(u64 pa)
{
	size_t n = blocks_up_to(pa >> PAGE_SHIFT);

	return n > 0 && preserved[n - 1].reach > pa >> PAGE_SHIFT;
}

/* After sorting: each block's reach, for is_preserved. */
static void index_preserved(void)
{
	size_t k;

	for (k = 0; k < nr_preserved; k++) {
		u64 end = preserved[k].order < 64 - PAGE_SHIFT ? preserved[k].pfn + (1ull << preserved[k].order) : ~0ull;

		preserved[k].reach = k && preserved[k - 1].reach > end ? preserved[k - 1].reach : end;
	}
}

/* Is @pa the first page of a preserved block? Only that page carries KHO's magic. */
static int is_preserved_head(u64 pa)
{
	size_t n = blocks_up_to(pa >> PAGE_SHIFT);

	return n > 0 && preserved[n - 1].pfn == pa >> PAGE_SHIFT;
}

/* The order of the block whose head page is pfn, as kho_restore_folio gives it (the one named last: blocks at one pfn sort by the walk's order); 0 when the map names none. */
static unsigned int head_order(u64 pfn)
{
	size_t n = blocks_up_to(pfn);

	return n > 0 && preserved[n - 1].pfn == pfn ? preserved[n - 1].order : 0;
}

/* kho_restore_page: a page the memory map does not list cannot be restored. */
static void need_preserved(u64 pa, const char *structname, const char *field)
{
	if (!is_preserved(pa))
		refuse("not-preserved", structname, field, pa, "0x%llx is not in the memory map (kho_restore_page)", (ull)pa);
}

/* ------------------------------------------------------------ strings */

/*
 * Is s[0..n) UTF-8 as a strict decoder reads it (no overlong form, no
 * surrogate, nothing past U+10FFFF, no sequence cut short)? kho-abi's
 * strings are text: the TypeScript codecs refuse other bytes, and so does
 * this reader, at the same field.
 */
static int utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t len, k;
		unsigned char lo = 0x80, hi = 0xbf;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			len = 2;
		else if (c >= 0xe0 && c <= 0xef)
			len = 3;
		else if (c >= 0xf0 && c <= 0xf4)
			len = 4;
		else
			return 0;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
		else if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
		if (i + len > n || s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		for (k = 2; k < len; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xbf)
				return 0;
		i += len;
	}
	return 1;
}

/*
 * A compatible string or name the kernel compares with strcmp/strncmp
 * (luo_ser.compatible, luo_file_ser.compatible, luo_flb_ser.name): one
 * without its NUL would run the compare off the array, and is refused;
 * bytes after the NUL are never read, and pointed out (the first one).
 */
static void padded_string(const char *s, size_t size, const char *structname, const char *field, u64 pa)
{
	const char *nul = memchr(s, 0, size);
	size_t i;

	if (!nul)
		refuse("refused", structname, field, pa, "no NUL terminator in the %zu-byte string", size);
	for (i = nul - s + 1; i < size; i++) {
		if (s[i]) {
			warn("string-padding", structname, field, pa + i,
			     "byte 0x%02x after the NUL of the string; a writer pads with 0", (unsigned char)s[i]);
			break;
		}
	}
	if (!utf8_valid((const unsigned char *)s, nul - s))
		refuse("refused", structname, field, pa, "string is not valid UTF-8");
}

/* ------------------------------------------------------------ kho_block chains */

/*
 * Blocks read over every chain, as luoSessionsEntries counts them: more
 * than the image has pages is refused (a block reached from many chains
 * would make the walk amplify); a block already read by another chain is
 * accepted (the kernel reads it again; its second kho_restore_free warns)
 * and pointed out once, for the first such block.
 */
static u64 block_visits;
static u64 *visited;
static u64 visited_mask;
static u64 shared_first, shared_count;

/* Adds pa to the set of blocks read; false if it was there. */
static int visit_block(u64 pa)
{
	u64 h;

	if (!visited) {
		for (visited_mask = 1; visited_mask < 2 * (image_pages + 1); visited_mask <<= 1)
			;
		visited = calloc(visited_mask, sizeof(*visited));
		if (!visited)
			fail("out of memory");
		visited_mask--;
	}
	/* Block addresses are never 0: 0 marks a free slot. */
	for (h = (pa * 0x9e3779b97f4a7c15ull) >> 20 & visited_mask; visited[h]; h = (h + 1) & visited_mask)
		if (visited[h] == pa)
			return 0;
	visited[h] = pa;
	return 1;
}

static void count_chain(u64 head, u64 blocks)
{
	struct kho_block_header_ser h;
	u64 pa;

	block_visits += blocks;
	if (block_visits > image_pages)
		refuse("limit", "kho_block_header_ser", NULL, head,
		       "blocks read over all chains (a block in two chains counts twice): more than %llu", (ull)image_pages);
	for (pa = head; pa; pa = h.next) {
		LOAD(h, pa, "kho_block_header_ser");
		if (!visit_block(pa) && shared_count++ == 0)
			shared_first = pa;
	}
}

static void flush_shared(void)
{
	char more[64] = "";

	if (!shared_count)
		return;
	if (shared_count > 1)
		snprintf(more, sizeof(more), " (and %llu more like it)", (ull)(shared_count - 1));
	warn("luo-shared-block", "kho_block_header_ser", NULL, shared_first,
	     "the block is also in another chain; the kernel reads it again%s", more);
	shared_count = 0;
}

/*
 * Calls fn(entry address) for each entry of the chain at head, after
 * checking the whole chain. The pass without fn is the one that restores
 * the chain: it counts its blocks against the visits.
 */
/*
 * The blocks of the chain being restored, to find a loop: a table of
 * addresses tagged with the chain they belong to, so that it is never
 * cleared between chains.
 */
#define CHAIN_SLOTS 32768	/* a power of two, more than twice KHO_MAX_BLOCKS */
static struct {
	u64 pa, chain;
} chain_seen[CHAIN_SLOTS];
static u64 chain_number;

static int chain_visit(u64 pa)
{
	u64 h;

	for (h = (pa * 0x9e3779b97f4a7c15ull) >> 20 & (CHAIN_SLOTS - 1); chain_seen[h].chain == chain_number;
	     h = (h + 1) & (CHAIN_SLOTS - 1))
		if (chain_seen[h].pa == pa)
			return 0;
	chain_seen[h].pa = pa;
	chain_seen[h].chain = chain_number;
	return 1;
}

/*
 * As kho_block_set_restore takes a chain: its shape first (a block reached
 * again is a loop, -EINVAL, kho_block_set_is_cyclic; more than
 * KHO_MAX_BLOCKS blocks is refused), then each block's count (0, or more
 * than the block holds, -EINVAL).
 */
static u64 block_chain(u64 head, size_t entry_size, void (*fn)(u64 pa, void *arg), void *arg)
{
	u64 capacity = (KHO_BLOCK_SIZE - sizeof(struct kho_block_header_ser)) / entry_size;
	u64 pa, n = 0, blocks = 0, i;
	struct kho_block_header_ser h;

	chain_number++;
	for (pa = head; pa; pa = h.next) {
		LOAD(h, pa, "kho_block_header_ser");
		if (!chain_visit(pa))
			refuse("chain-loop", "kho_block_header_ser", "next", pa + offsetof(struct kho_block_header_ser, next),
			       "the chain loops back to a block it already visited (-EINVAL, kho_block_set_is_cyclic)");
		if (++blocks > KHO_MAX_BLOCKS)
			refuse("chain-long", "kho_block_header_ser", "next", pa + offsetof(struct kho_block_header_ser, next),
			       "the chain is longer than %d blocks (kho_block_add)", KHO_MAX_BLOCKS);
	}
	for (pa = head; pa; pa = h.next) {
		LOAD(h, pa, "kho_block_header_ser");
		if (h.count == 0 || h.count > capacity)
			refuse("block-count", "kho_block_header_ser", "count", pa + offsetof(struct kho_block_header_ser, count),
			       "count %llu is outside 1..%llu (-EINVAL, kho_block_set_restore)", (ull)h.count, (ull)capacity);
		n += h.count;
	}
	if (!fn) {
		count_chain(head, blocks);
		return n;
	}
	for (pa = head; pa; pa = h.next) {
		LOAD(h, pa, "kho_block_header_ser");
		for (i = 0; i < h.count; i++)
			fn(pa + sizeof(h) + i * entry_size, arg);
	}
	return n;
}

/* ------------------------------------------------------------ kho_vmalloc areas */

static u64 unaligned_first, unaligned_count;

struct area {
	u64 *blocks;
	u64 nr_blocks;
	u64 block_bytes;
};

/* The pages one area's restore has claimed: a page claimed twice is refused. */
static u64 *claimed;
static u64 claimed_mask, claimed_n;

static int claim(u64 pfn)
{
	u64 h, k = pfn + 1;	/* 0 marks a free slot */

	if (2 * (claimed_n + 1) > claimed_mask) {
		u64 *old = claimed, old_mask = claimed_mask, i;

		claimed_mask = old_mask ? 2 * old_mask + 1 : 1023;
		claimed = calloc(claimed_mask + 1, sizeof(*claimed));
		if (!claimed)
			fail("out of memory");
		claimed_n = 0;
		for (i = 0; old && i <= old_mask; i++)
			if (old[i])
				claim(old[i] - 1);
		free(old);
	}
	for (h = (k * 0x9e3779b97f4a7c15ull) >> 20 & claimed_mask; claimed[h]; h = (h + 1) & claimed_mask)
		if (claimed[h] == k)
			return 0;
	claimed[h] = k;
	claimed_n++;
	return 1;
}

/*
 * kho_restore_pages(pfn, pages) as the kernel splits the range: each
 * naturally aligned piece's head page must be in memory (kho_restore_page
 * finds it) and not restored before (its magic is cleared by the first
 * restore). `field` names the chunk member that listed it.
 */
static void restore_pages(u64 pfn, u64 pages, const char *field, u64 field_pa)
{
	u64 p, end = pfn + pages;

	for (p = pfn; p < end;) {
		int tz = p ? __builtin_ctzll(p) : 64, lg = 63 - __builtin_clzll(end - p);
		int step = tz < lg ? tz : lg;

		if (!image_range_of(p << PAGE_SHIFT, 1))
			refuse("memory", "kho_vmalloc_chunk", NULL, p << PAGE_SHIFT, "the page is not in memory (kho_restore_page)");
		/* Only a block's head page carries KHO's magic. */
		if (!is_preserved_head(p << PAGE_SHIFT))
			refuse("not-preserved", "kho_vmalloc_chunk", field, field_pa,
			       "page 0x%llx is not the head of a block in the memory map (kho_restore_page)", (ull)(p << PAGE_SHIFT));
		if (!claim(p))
			refuse("page-twice", "kho_vmalloc_chunk", field, field_pa,
			       "page 0x%llx is restored a second time (kho_restore_page)", (ull)(p << PAGE_SHIFT));
		p += 1ull << step;
	}
}

/*
 * An area as kho_restore_vmalloc takes it, for nr entries of entry_size
 * bytes: more entries than the area holds is refused before anything is
 * read (memfd_luo_retrieve_folios has no bound; kho-abi refuses to read
 * past the area); an empty area (__get_vm_area_node), a total that is no
 * multiple of the block size, a block past total_pages, a page that starts
 * no preserved block or is restored twice, and a chain that lists fewer
 * pages are refused.
 */
static void restore_area(struct kho_vmalloc vm, u64 nr, size_t entry_size, u64 vm_pa, struct area *a)
{
	const struct kho_vmalloc *v = &vm;
	u64 contig = v->order < 64 ? 1ull << v->order : 0, pa = v->first.phys, got = 0;
	u64 total_pa = vm_pa + offsetof(struct kho_vmalloc, total_pages);
	struct kho_vmalloc_chunk chunk;
	size_t i;

	if (nr > (u64)v->total_pages * PAGE_SIZE / entry_size)
		refuse("refused", "kho_vmalloc", "total_pages", total_pa,
		       "%llu entries of %zu bytes do not fit the area's %u pages", (ull)nr, entry_size, v->total_pages);
	if (v->total_pages > image_pages)
		refuse("limit", "kho_vmalloc", "total_pages", total_pa, "an area of %u pages to read", v->total_pages);
	if (v->total_pages == 0)
		refuse("refused", "kho_vmalloc", "total_pages", total_pa, "an empty area (__get_vm_area_node)");
	if (!contig || v->total_pages % contig)
		refuse("refused", "kho_vmalloc", "total_pages", total_pa,
		       "total_pages %u is not a multiple of 1 << order (%u) (kho_restore_vmalloc)", v->total_pages, v->order);
	a->nr_blocks = v->total_pages / contig;
	a->block_bytes = contig * PAGE_SIZE;
	a->blocks = calloc(a->nr_blocks, sizeof(u64));
	if (!a->blocks)
		fail("out of memory");
	claimed_n = 0;
	if (claimed)
		memset(claimed, 0, (claimed_mask + 1) * sizeof(*claimed));
	for (; pa; pa = chunk.hdr.next.phys) {
		LOAD(chunk, pa, "kho_vmalloc_chunk");
		for (i = 0; i < KHO_VMALLOC_SIZE && chunk.phys[i]; i++) {
			u64 at = pa + offsetof(struct kho_vmalloc_chunk, phys) + i * 8;

			if (got == a->nr_blocks)
				refuse("refused", "kho_vmalloc_chunk", "phys", at,
				       "a block past the %u pages of the area (kho_restore_vmalloc)", v->total_pages);
			if (chunk.phys[i] >> IMAGE_MAX_PHYS_BITS)
				refuse("memory", "kho_vmalloc_chunk", NULL, chunk.phys[i], "outside the 52-bit physical address space");
			if (chunk.phys[i] % a->block_bytes && !unaligned_count++)
				unaligned_first = at;
			/* PHYS_PFN: the kernel restores the page that holds the address. */
			restore_pages(chunk.phys[i] >> PAGE_SHIFT, contig, "phys", at);
			a->blocks[got++] = chunk.phys[i] >> PAGE_SHIFT << PAGE_SHIFT;
		}
		/* The chunk's own page is restored after its entries. */
		restore_pages(pa >> PAGE_SHIFT, 1, "hdr.next", pa);
	}
	if (got != a->nr_blocks)
		refuse("refused", "kho_vmalloc", "total_pages", total_pa,
		       "the chain lists %llu blocks, not %llu (kho_restore_vmalloc)", (ull)got, (ull)a->nr_blocks);
	if (unaligned_count)
		warn("unaligned-address", "kho_vmalloc_chunk", "phys", unaligned_first,
		     "a block address not aligned to its pages; the kernel restores the pages holding it");
	unaligned_count = 0;
}

static void area_read(const struct area *a, u64 off, void *out, size_t len)
{
	unsigned char *o = out;

	while (len) {
		u64 b = off / a->block_bytes, in = off % a->block_bytes;
		size_t n = a->block_bytes - in < len ? a->block_bytes - in : len;

		if (b >= a->nr_blocks)
			fail("entry past the vmalloc area");
		memcpy(o, phys(a->blocks[b] + in, n, "vmalloc page"), n);
		o += n;
		off += n;
		len -= n;
	}
}

/* ------------------------------------------------------------ file handlers */

/* The physical address of byte `off` of an area. */
static u64 area_address(const struct area *a, u64 off)
{
	return a->blocks[off / a->block_bytes] + off % a->block_bytes;
}

struct folio_ref {
	u64 key;
	u64 i;
};

static int cmp_folio_ref(const void *a, const void *b)
{
	const struct folio_ref *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

/* The position (in array order) of the first entry whose key an earlier entry has; nr when none. */
static u64 first_repeat(struct folio_ref *refs, u64 n, u64 nr)
{
	u64 k, first = nr;

	qsort(refs, n, sizeof(*refs), cmp_folio_ref);
	for (k = 1; k < n; k++)
		if (refs[k].key == refs[k - 1].key && (k < 2 || refs[k].key != refs[k - 2].key) && refs[k].i < first)
			first = refs[k].i;
	return first;
}

/*
 * A u64 kho-abi's TypeScript codecs hold as a number (as_number): above the
 * most a kernel writes it is read on with a warning, as the restore reads it;
 * above 2^53 - 1 the TypeScript reader refuses it (no number holds it
 * exactly), and so does this one, to give the same answer.
 */
static void bounded_number(u64 v, u64 max, const char *structname, const char *field, u64 pa)
{
	if (v > (1ull << 53) - 1)
		refuse("refused", structname, field, pa, "is %llu, more than 2^53 - 1, which the TypeScript reader cannot hold exactly", (ull)v);
	if (v > max)
		warn("beyond-bound", structname, field, pa, "is %llu, more than %llu, the most a kernel writes", (ull)v, (ull)max);
}

/*
 * A run of page-cache slots a folio takes: 2^order of them from its index
 * rounded down (shmem_add_to_page_cache), last inclusive; i its entry.
 */
struct slot_run {
	u64 start, last, i;
};

static int cmp_slot_run(const void *a, const void *b)
{
	const struct slot_run *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->last != y->last)
		return x->last > y->last ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

/*
 * The first entry (in array order) whose run overlaps the run of an earlier
 * entry; nr when none. Runs start at a multiple of their size, so two that
 * overlap nest: sorted by start, larger first, the runs holding a run are
 * the ones still open on a stack, and the entry that fails for a pair is
 * the later of the two.
 */
static u64 first_overlap(struct slot_run *runs, u64 n, u64 nr)
{
	struct { u64 last, min_i; } *open = calloc(n ? n : 1, sizeof(*open));
	u64 k, sp = 0, first = nr;

	if (!open)
		fail("out of memory");
	qsort(runs, n, sizeof(*runs), cmp_slot_run);
	for (k = 0; k < n; k++) {
		while (sp && open[sp - 1].last < runs[k].start)
			sp--;
		if (sp) {
			u64 later = open[sp - 1].min_i > runs[k].i ? open[sp - 1].min_i : runs[k].i;

			if (later < first)
				first = later;
		}
		open[sp].last = runs[k].last;
		open[sp].min_i = sp && open[sp - 1].min_i < runs[k].i ? open[sp - 1].min_i : runs[k].i;
		sp++;
	}
	free(open);
	return first;
}

/*
 * The folio rules of memfd_luo_retrieve_folios: an entry with pfn 0 is a
 * hole and skipped; a folio that does not start a preserved block cannot
 * be restored (kho_restore_folio), nor one restored before (the first
 * restore took it, -EIO), and either fails the file; a page-cache slot
 * taken a second time fails it too (shmem_add_to_page_cache, -EEXIST). A
 * folio takes 2^order slots, its order the memory map's, from its index
 * rounded down to a multiple of them (a debug kernel stops on an index
 * that is not one: pointed out). The first failing entry in array order is
 * the one refused, its folio's restore checked before its slots. Flag bits
 * outside `allowed` are warned about first, as the entries are decoded.
 */
static void check_folios(const struct area *a, u64 nr, size_t size, const char *structname, const char *bits_name, u64 allowed,
			 u64 max_index)
{
	struct folio_ref *pfns = calloc(nr ? nr : 1, sizeof(*pfns));
	struct slot_run *runs = calloc(nr ? nr : 1, sizeof(*runs));
	unsigned char buf[16];
	u64 i, n = 0, head_at = nr, pfn_at, index_at;

	if (!pfns || !runs)
		fail("out of memory");
	for (i = 0; i < nr; i++) {
		u64 pfn, index, pages;

		area_read(a, i * size, buf, size);
		/* The 12 bits above the pfn: bits the kernel never tests are accepted, and pointed out (holes too). */
		if ((le64(buf) >> 52) & ~allowed)
			warn("undeclared-bits", structname, bits_name, area_address(a, i * size),
			     "undeclared bits 0x%llx set (allowed: 0x%llx)", (ull)((le64(buf) >> 52) & ~allowed), (ull)allowed);
		/* memfd: no kernel writes a page offset past MAX_LFS_FILESIZE >> PAGE_SHIFT; the restore takes it. */
		if (max_index != ~0ull)
			bounded_number(le64(buf + 8), max_index, structname, "index", area_address(a, i * size) + 8);
		pfn = le64(buf) & ((1ull << 52) - 1);
		if (!pfn)
			continue;
		if (head_at == nr && !is_preserved_head(pfn << PAGE_SHIFT))
			head_at = i;
		index = le64(buf + 8);
		pages = head_order(pfn) < 64 ? 1ull << head_order(pfn) : 1;
		pfns[n] = (struct folio_ref){ pfn, i };
		runs[n++] = (struct slot_run){ index & ~(pages - 1), (index & ~(pages - 1)) + (pages - 1), i };
	}
	pfn_at = first_repeat(pfns, n, nr);
	index_at = first_overlap(runs, n, nr);
	free(pfns);
	free(runs);
	if (head_at < nr && head_at <= pfn_at && head_at <= index_at)
		refuse("not-preserved", structname, "pfn", area_address(a, head_at * size),
		       "entry %llu's folio is not the head of a block in the memory map; the kernel fails the file (kho_restore_page)", (ull)head_at);
	if (pfn_at < nr && pfn_at <= index_at)
		refuse("folio-pfn-twice", structname, "pfn", area_address(a, pfn_at * size),
		       "entry %llu restores a pfn a second time; the kernel fails the file (-EIO, memfd_luo_retrieve_folios)", (ull)pfn_at);
	if (index_at < nr)
		refuse("folio-index-twice", structname, "index", area_address(a, index_at * size),
		       "entry %llu puts a folio where an earlier one is; the kernel fails the file (-EEXIST, shmem_add_to_page_cache)", (ull)index_at);
	for (i = 0; i < nr; i++) {
		u64 pfn, index;
		unsigned int order;

		area_read(a, i * size, buf, size);
		pfn = le64(buf) & ((1ull << 52) - 1);
		index = le64(buf + 8);
		order = pfn ? head_order(pfn) : 0;
		if (order && order < 64 && index & ((1ull << order) - 1))
			warn("unaligned-folio-index", structname, "index", area_address(a, i * size),
			     "index %llu is not a multiple of the folio's %llu pages (VM_BUG_ON_FOLIO in shmem_add_to_page_cache)", (ull)index,
			     (ull)(1ull << order));
	}
}

/* The largest page offset of a file: MAX_LFS_FILESIZE >> PAGE_SHIFT on 64-bit, as the TS codec bounds it. */
#define MEMFD_MAX_INDEX ((1ull << 51) - 1)

/* kho_restore_vmalloc reads only the flags it knows (kho_flags_to_vmalloc): others are pointed out. */
static void vmalloc_flags(u16 flags, u64 pa)
{
	u16 known = KHO_VMALLOC_ALLOC | KHO_VMALLOC_HUGE_VMAP;

	if (flags & ~known)
		warn("undeclared-bits", "kho_vmalloc", "flags", pa + offsetof(struct kho_vmalloc, flags),
		     "undeclared bits 0x%x set (allowed: 0x%x)", flags & ~known, known);
}

static u64 entries_kept(const struct area *a, u64 nr, size_t size)
{
	unsigned char buf[16];
	u64 i, n = 0;

	for (i = 0; i < nr; i++) {
		area_read(a, i * size, buf, size);
		if (le64(buf) & ((1ull << 52) - 1))
			n++;
	}
	return n;
}

static void memfd_file(u64 data)
{
	struct memfd_luo_ser m;
	struct memfd_luo_folio_ser f;
	struct area a = { 0 };
	u64 i;

	need_preserved(data, "memfd_luo_ser", NULL);
	LOAD(m, data, "memfd_luo_ser");
	/* memfd_luo_retrieve: a seal it does not know fails the file; flags it never reads are pointed out. */
	if (m.seals & ~MEMFD_LUO_ALL_SEALS)
		refuse("refused", "memfd_luo_ser", "seals", data + offsetof(struct memfd_luo_ser, seals),
		       "undeclared seals 0x%x", m.seals & ~MEMFD_LUO_ALL_SEALS);
	if (m.flags)
		warn("undeclared-bits", "memfd_luo_ser", "flags", data + offsetof(struct memfd_luo_ser, flags),
		     "undeclared bits 0x%x set (allowed: 0x0)", m.flags);
	/* memfd_luo_preserve writes one entry per folio of a file of at most MAX_LFS_FILESIZE. */
	bounded_number(m.nr_folios, MEMFD_MAX_INDEX, "memfd_luo_ser", "nr_folios", data + offsetof(struct memfd_luo_ser, nr_folios));
	vmalloc_flags(m.folios.flags, data + offsetof(struct memfd_luo_ser, folios));
	if (m.nr_folios)
		restore_area(m.folios, m.nr_folios, sizeof(f), data + offsetof(struct memfd_luo_ser, folios), &a);
	if (m.nr_folios)
		check_folios(&a, m.nr_folios, sizeof(f), "memfd_luo_folio_ser", "flags",
			     MEMFD_LUO_FOLIO_DIRTY | MEMFD_LUO_FOLIO_UPTODATE, MEMFD_MAX_INDEX);
	printf(" flags=%u pos=%llu seals=%u size=%llu entries=%llu\n", m.flags, (ull)m.pos, m.seals, (ull)m.size,
	       (ull)(m.nr_folios ? entries_kept(&a, m.nr_folios, sizeof(f)) : 0));
	for (i = 0; i < m.nr_folios; i++) {
		area_read(&a, i * sizeof(f), &f, sizeof(f));
		if (!f.pfn)
			continue;
		printf("      entry flags=%u index=%llu pfn=%llu\n", (unsigned int)f.flags, (ull)f.index, (ull)f.pfn);
	}
	free(a.blocks);
}

/*
 * The folio rules of hugemfd_retrieve_folios (the hugetlb memfd RFC): every
 * entry is a folio, pfn 0 included, and all are restored before any goes
 * into the page cache: a folio that starts no preserved block, or one
 * restored a second time, fails the file (-EINVAL) first. Then each goes in
 * at its huge page, index >> order, and a huge page taken twice fails it
 * (hugetlb_add_to_page_cache, -EEXIST). Reserved bits are warned about as
 * the entries are decoded.
 */
static void check_hugemfd_folios(const struct area *a, u64 nr, unsigned int order)
{
	struct folio_ref *pfns = calloc(nr ? nr : 1, sizeof(*pfns)), *pages = calloc(nr ? nr : 1, sizeof(*pages));
	struct hugemfd_folio_ser f;
	u64 i, head_at = nr, pfn_at, page_at;

	if (!pfns || !pages)
		fail("out of memory");
	for (i = 0; i < nr; i++) {
		area_read(a, i * sizeof(f), &f, sizeof(f));
		if (f.reserved)
			warn("undeclared-bits", "hugemfd_folio_ser", "reserved", area_address(a, i * sizeof(f)),
			     "undeclared bits 0x%x set (allowed: 0x0)", (unsigned int)f.reserved);
		if (head_at == nr && !is_preserved_head((u64)f.pfn << PAGE_SHIFT))
			head_at = i;
		pfns[i] = (struct folio_ref){ f.pfn, i };
		pages[i] = (struct folio_ref){ f.index >> order, i };
	}
	pfn_at = first_repeat(pfns, nr, nr);
	page_at = first_repeat(pages, nr, nr);
	free(pfns);
	free(pages);
	if (head_at < nr && head_at <= pfn_at)
		refuse("not-preserved", "hugemfd_folio_ser", "pfn", area_address(a, head_at * sizeof(f)),
		       "entry %llu's folio is not the head of a block in the memory map; the kernel fails the file (kho_restore_page)", (ull)head_at);
	if (pfn_at < nr)
		refuse("folio-pfn-twice", "hugemfd_folio_ser", "pfn", area_address(a, pfn_at * sizeof(f)),
		       "entry %llu restores a pfn a second time; the kernel fails the file (-EINVAL, hugemfd_retrieve_folios)", (ull)pfn_at);
	if (page_at < nr)
		refuse("folio-index-twice", "hugemfd_folio_ser", "index", area_address(a, page_at * sizeof(f)),
		       "entry %llu puts a folio in a huge page taken before; the kernel fails the file (-EEXIST, hugetlb_add_to_page_cache)", (ull)page_at);
}

static void hugemfd_file(u64 data)
{
	struct hugemfd_ser m;
	struct hugemfd_folio_ser f;
	struct area a = { 0 };
	u64 i, restored;

	need_preserved(data, "hugemfd_ser", NULL);
	LOAD(m, data, "hugemfd_ser");
	vmalloc_flags(m.folios.flags, data + offsetof(struct hugemfd_ser, folios));
	/* hugetlb_file_setup: no hstate has pages of 2^64 bytes or more. */
	if (m.order + PAGE_SHIFT >= 64)
		refuse("refused", "hugemfd_ser", "order", data + offsetof(struct hugemfd_ser, order),
		       "order %u: no hstate has such pages (-ENODEV, hugetlb_file_setup)", m.order);
	/* hugemfd_retrieve_folios: a file of size 0 restores no folio. */
	restored = m.size ? m.nr_folios : 0;
	if (restored) {
		restore_area(m.folios, restored, sizeof(f), data + offsetof(struct hugemfd_ser, folios), &a);
		check_hugemfd_folios(&a, restored, m.order);
	}
	printf(" order=%u pos=%llu size=%llu entries=%llu\n", m.order, (ull)m.pos, (ull)m.size, (ull)restored);
	for (i = 0; i < restored; i++) {
		area_read(&a, i * sizeof(f), &f, sizeof(f));
		printf("      entry index=%llu pfn=%llu reserved=%u\n", (ull)f.index, (ull)f.pfn, (unsigned int)f.reserved);
	}
	free(a.blocks);
}

/* The file handlers this reader knows, by the compatible string each stores. */
static const struct {
	const char *compatible;
	void (*print)(u64 data);
} file_handlers[] = {
	{ MEMFD_LUO_FH_COMPATIBLE, memfd_file },
	{ HUGE_MEMFD_COMPATIBLE, hugemfd_file },
};

/* The whole files chain is decoded before any file is handed to its handler (luo_file_deserialize). */
static void check_file(u64 pa, void *arg)
{
	const struct luo_file_ser *f = phys(pa, sizeof(*f), "luo_file_ser");

	(void)arg;
	padded_string(f->compatible, sizeof(f->compatible), "luo_file_ser", "compatible", pa + offsetof(struct luo_file_ser, compatible));
}

static void file_entry(u64 pa, void *arg)
{
	struct luo_file_ser f;
	size_t i;

	(void)arg;
	LOAD(f, pa, "luo_file_ser");
	printf("    file token=%llu compatible=", (ull)f.token);
	put_string(f.compatible, sizeof(f.compatible));
	for (i = 0; i < sizeof(file_handlers) / sizeof(file_handlers[0]); i++) {
		if (!strncmp(f.compatible, file_handlers[i].compatible, sizeof(f.compatible))) {
			file_handlers[i].print(f.data);
			return;
		}
	}
	/* luo_file_deserialize refuses a file of no registered handler (-ENOENT); shown as stored, with a warning. */
	warn("luo-no-handler", "luo_file_ser", "compatible", pa + offsetof(struct luo_file_ser, compatible),
	     "kho-abi has no schema for this handler, so its data is shown as stored");
	printf(" data=%llu no-handler\n", (ull)f.data);
}

/*
 * The sessions as luo_session_deserialize takes them: the whole chain
 * decoded first (a name without its NUL is cut by strscpy: a warning),
 * then session by session, each name inserted (a name seen before is
 * refused, -EEXIST) before its files are read.
 */
struct session_ref {
	const char *name;
	u64 index;
};

static struct session_ref *sessions;
static u64 nr_sessions, session_repeat, session_at;

#define SESSION_NAME_READ (sizeof(((struct luo_session_ser *)0)->name) - 1)

static void collect_session(u64 pa, void *arg)
{
	const struct luo_session_ser *s = phys(pa, sizeof(*s), "luo_session_ser");

	(void)arg;
	if (!memchr(s->name, 0, sizeof(s->name)))
		warn("unterminated-string", "luo_session_ser", "name", pa + offsetof(struct luo_session_ser, name),
		     "no NUL terminator in the %zu-byte name; read as its first %zu bytes, as strscpy copies it",
		     sizeof(s->name), SESSION_NAME_READ);
	if (!utf8_valid((const unsigned char *)s->name, strnlen(s->name, SESSION_NAME_READ)))
		refuse("refused", "luo_session_ser", "name", pa + offsetof(struct luo_session_ser, name), "string is not valid UTF-8");
	sessions[nr_sessions].name = s->name;
	sessions[nr_sessions].index = nr_sessions;
	nr_sessions++;
}

static int cmp_session(const void *a, const void *b)
{
	const struct session_ref *x = a, *y = b;
	int c = strncmp(x->name, y->name, SESSION_NAME_READ);

	return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* Reads the names of the chain at head; session_repeat is the first session (in list order) whose name came before. */
static void collect_sessions(u64 head)
{
	u64 n = block_chain(head, sizeof(struct luo_session_ser), NULL, NULL), k;

	sessions = calloc(n ? n : 1, sizeof(*sessions));
	if (!sessions)
		fail("out of memory");
	block_chain(head, sizeof(struct luo_session_ser), collect_session, NULL);
	qsort(sessions, nr_sessions, sizeof(*sessions), cmp_session);
	session_repeat = nr_sessions;
	for (k = 1; k < nr_sessions; k++)
		if (!strncmp(sessions[k].name, sessions[k - 1].name, SESSION_NAME_READ) &&
		    (k < 2 || strncmp(sessions[k].name, sessions[k - 2].name, SESSION_NAME_READ)) && sessions[k].index < session_repeat)
			session_repeat = sessions[k].index;
}

static void session_entry(u64 pa, void *arg)
{
	struct luo_session_ser s;
	u64 n;

	(void)arg;
	LOAD(s, pa, "luo_session_ser");
	if (session_at++ == session_repeat)
		refuse("session-twice", "luo_session_ser", "name", pa + offsetof(struct luo_session_ser, name),
		       "session \"%.*s\" is already restored; the kernel refuses the duplicate (-EEXIST, luo_session_insert)",
		       (int)strnlen(s.name, SESSION_NAME_READ), s.name);
	if (!s.file_set_ser.files && s.file_set_ser.count)
		warn("luo-files-count-without-files", "luo_session_ser", "file_set_ser.count",
		     pa + offsetof(struct luo_session_ser, file_set_ser.count),
		     "no files chain but a count of %llu (WARN_ON in luo_file_deserialize)", (ull)s.file_set_ser.count);
	n = s.file_set_ser.files ? block_chain(s.file_set_ser.files, sizeof(struct luo_file_ser), NULL, NULL) : 0;
	if (n)
		block_chain(s.file_set_ser.files, sizeof(struct luo_file_ser), check_file, NULL);
	/* luo_file_deserialize: a count other than the files of the chain is -EINVAL. */
	if (s.file_set_ser.files && n != s.file_set_ser.count)
		refuse("refused", "luo_session_ser", "file_set_ser.count", pa + offsetof(struct luo_session_ser, file_set_ser.count),
		       "a count of %llu, its chain holds %llu files (-EINVAL, luo_file_deserialize)", (ull)s.file_set_ser.count, (ull)n);
	printf("  session name=");
	put_string(s.name, sizeof(s.name) - 1);
	printf(" files=%llu\n", (ull)n);
	if (n)
		block_chain(s.file_set_ser.files, sizeof(struct luo_file_ser), file_entry, NULL);
}

/* ------------------------------------------------------------ FLBs */

/*
 * The FLB page, in two passes: the checks (made before the sessions are
 * read, in luo_flb_setup_incoming's place in the boot), then the tree
 * lines (printed after the sessions). pgcnt is never read by the kernel;
 * a count past the page is read past it by luo_flb_retrieve_one, and
 * refused here; a name given twice is found only the first time (strcmp,
 * first match).
 */
static void flb_page(u64 flbs_pa, int print)
{
	struct luo_flb_header_ser h;
	struct luo_flb_ser e, other;
	u64 i, k, capacity = (LUO_FLB_PGCNT * PAGE_SIZE - sizeof(h)) / sizeof(e);
	u64 at;
	int j;

	if (!flbs_pa)
		return;
	need_preserved(flbs_pa, "luo_flb_header_ser", NULL);
	LOAD(h, flbs_pa, "luo_flb_header_ser");
	if (!print && h.pgcnt != LUO_FLB_PGCNT)
		warn("flb-pgcnt", "luo_flb_header_ser", "pgcnt", flbs_pa + offsetof(struct luo_flb_header_ser, pgcnt),
		     "pgcnt is %llu, not the %d page(s) the writer preserves; the kernel never reads it", (ull)h.pgcnt, LUO_FLB_PGCNT);
	if (h.count > capacity)
		refuse("limit", "luo_flb_header_ser", "count", flbs_pa + offsetof(struct luo_flb_header_ser, count),
		       "count %llu is more entries than the page holds (%llu); luo_flb_retrieve_one would read past it",
		       (ull)h.count, (ull)capacity);
	for (i = 0; i < h.count && !print; i++) {
		at = flbs_pa + sizeof(h) + i * sizeof(e);
		LOAD(e, at, "luo_flb_ser");
		padded_string(e.name, sizeof(e.name), "luo_flb_ser", "name", at + offsetof(struct luo_flb_ser, name));
		for (k = 0; k < i; k++) {
			LOAD(other, flbs_pa + sizeof(h) + k * sizeof(e), "luo_flb_ser");
			if (!strncmp(other.name, e.name, sizeof(e.name)))
				break;
		}
		if (k < i)
			warn("flb-duplicate", "luo_flb_ser", "name", at,
			     "entry %llu repeats the name of entry %llu; the kernel finds only the first", (ull)i, (ull)k);
	}
	for (i = 0; i < h.count; i++) {
		LOAD(e, flbs_pa + sizeof(h) + i * sizeof(e), "luo_flb_ser");
		if (print) {
			printf("  flb name=");
			put_string(e.name, sizeof(e.name));
			printf(" count=%llu", (ull)e.count);
		}
		if (e.data && !strncmp(e.name, HUGETLB_FLB_COMPATIBLE, sizeof(e.name))) {
			struct hugetlb_ser t;

			need_preserved(e.data, "hugetlb_ser", NULL);
			LOAD(t, e.data, "hugetlb_ser");
			if (!print)
				continue;
			for (j = 0; j < HUGETLB_SER_MAX_HSTATES; j++)
				printf(" hstates.%d.nr_pages=%llu hstates.%d.order=%u", j, (ull)t.hstates[j].nr_pages, j, t.hstates[j].order);
			printf(" nr_hstates=%u\n", t.nr_hstates);
		} else if (print) {
			printf(" data=%llu\n", (ull)e.data);
		}
	}
}

/* ------------------------------------------------------------ main */

int main(int argc, char **argv)
{
	static char out[1 << 20];
	const struct child *luo_blob = NULL;
	struct luo_ser luo;
	int i;
	u64 j;

	image_prog = "liveupdate-reader";
	if (argc != 2)
		fail("usage: liveupdate-reader IMAGE");
	setvbuf(stdout, out, _IOFBF, sizeof(out));
	load_image(argv[1]);
	fdt = image_fdt;
	fdt_size = image_fdt_size;
	parse_fdt();
	/* kho_populate drops the handover: no compatible, an empty one, or one without the kernel's string. */
	if (!root_compat || !root_compat_len)
		refuse("refused", "kho_fdt", "compatible", 0, "the root node has no compatible string");
	if (root_compat[root_compat_len - 1])
		warn("unterminated-string", "kho_fdt", "compatible", 0,
		     "the last compatible string has no NUL; fdt_stringlist_contains still matches it");
	/* kho_get_mem_map_phys: the property missing, not 8 bytes or 0 drops the handover too. */
	if (!has_mem_map || mem_map_len != 8 || !mem_map)
		refuse("refused", "kho_fdt", KHO_FDT_MEMORY_MAP_PROP_NAME, 0, "no usable memory map");
	if (!root_compatible(KHO_FDT_COMPATIBLE))
		refuse("refused", "kho_fdt", "compatible", 0, "the KHO root is not compatible with %s", KHO_FDT_COMPATIBLE);
	walk_radix(mem_map);
	qsort(preserved, nr_preserved, sizeof(*preserved), cmp_block);
	index_preserved();

	printf("kho compatible=");
	put_string(root_compat, root_compat_len);
	putchar('\n');
	for (i = 0; i < nr_children; i++) {
		const struct child *c = &children[i];
		const unsigned char *p;

		if (!c->has_data || !c->has_size)
			continue;
		for (j = 0; (int)j < i; j++)
			if (!strcmp(children[j].name, c->name))
				break;
		if ((int)j < i)
			continue;
		need_preserved(c->data, "kho blob", NULL);
		if (!strcmp(c->name, LUO_KHO_ENTRY_NAME)) {
			/* The LUO state must hold a whole struct luo_ser, or the kernel refuses it. */
			if (c->size < sizeof(luo))
				refuse("refused", "luo_ser", NULL, c->data,
				       "the LUO blob is %llu bytes, smaller than struct luo_ser", (ull)c->size);
			luo_blob = c;
			continue;
		}
		/* A bound of this reader, as the TypeScript reader's maxBlobBytes: not a kernel rule. */
		if (c->size > MAX_BLOB_BYTES)
			refuse("refused", "kho blob", NULL, c->data, "%llu bytes, more than %d", (ull)c->size, MAX_BLOB_BYTES);
		printf("  blob name=");
		put_string(c->name, strlen(c->name));
		printf(" size=%llu bytes=", (ull)c->size);
		p = c->size ? phys(c->data, c->size, "kho blob") : NULL;
		for (j = 0; j < c->size; j++)
			printf("%02x", p[j]);
		putchar('\n');
	}
	if (!luo_blob)
		return 0;
	LOAD(luo, luo_blob->data, "luo_ser");
	padded_string(luo.compatible, sizeof(luo.compatible), "luo_ser", "compatible", luo_blob->data);
	/*
	 * luo_early_startup: another version's string, the LUO state is refused.
	 * The compare is strncmp over LUO_ABI_COMPAT_LEN, so bytes after the NUL
	 * are ignored (padded_string pointed them out); luo_compat_ok of the
	 * generated header, which wants them 0, is stricter than the kernel.
	 */
	if (strncmp(luo.compatible, LUO_ABI_COMPATIBLE, sizeof(luo.compatible)))
		refuse("refused", "luo_ser", "compatible", luo_blob->data, "luo_ser.compatible is not %s", LUO_ABI_COMPATIBLE);
	flb_page(luo.flbs_pa, 0);
	printf("luo compatible=");
	put_string(luo.compatible, sizeof(luo.compatible));
	printf(" liveupdate_num=%llu\n", (ull)luo.liveupdate_num);
	if (luo.sessions_pa) {
		collect_sessions(luo.sessions_pa);
		block_chain(luo.sessions_pa, sizeof(struct luo_session_ser), session_entry, NULL);
		flush_shared();
	}
	flb_page(luo.flbs_pa, 1);
	if (fflush(stdout))
		fail("cannot write the tree");
	return 0;
}
