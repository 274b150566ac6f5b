// SPDX-License-Identifier: GPL-2.0-only
/*
 * A reader of one flat dictionary (schemas/luo_dict.yaml, "LDIC") in an
 * image written by kho-abi's TypeScript writer, built only on the
 * generated headers: the header's magic and version, the kho_block chain
 * of entries checked whole as kho_block_set_restore checks a chain, the
 * count against the entries the chain holds, and every name (terminated,
 * not empty, unique), as runtime/containers/luo-dict.ts reads them.
 *
 * Usage: luo-dict-reader IMAGE PA [NAME TYPE VERSION...]. PA is the
 * address of struct luo_dict_ser; with NAME, the entry of that name is
 * looked up for a reader of that type that reads the versions listed.
 *
 * stdout: one line per entry, in chain order,
 *   entry name="NAME" type=N version=N pa=N
 * then, for a lookup, one line:
 *   lookup pa=N            (found, of the type, of a version read)
 *   lookup ENOENT          (no entry of that name)
 *   lookup EINVAL          (an entry of another type)
 *   lookup EOPNOTSUPP      (a version the reader does not read)
 * stderr: an error if the dictionary is refused (exit 1), in the form of
 * test/c/image.h; nothing is printed to stdout then.
 */
#include <linux/kho/abi/block.h>
#include <linux/kho/abi/luo_dict.h>

#include "image.h"

#define ENTRIES_PER_BLOCK ((KHO_BLOCK_SIZE - sizeof(struct kho_block_header_ser)) / sizeof(struct luo_dict_entry_ser))

struct entry_ref {
	const struct luo_dict_entry_ser *e;
	u64 pa;
	size_t index;
};

static struct entry_ref *entries;
static size_t nr_entries;

/*
 * The chain at head as kho_block_set_restore takes it: first its shape
 * (a block visited twice is a loop, -EINVAL; more than KHO_MAX_BLOCKS
 * blocks is refused), then each block's count (0, or more than the block
 * holds, -EINVAL). Only then are entries collected.
 */
static void restore_chain(u64 head)
{
	static u64 blocks[KHO_MAX_BLOCKS];
	const struct kho_block_header_ser *h;
	size_t n = 0, b, j;
	u64 pa, i, total = 0;

	for (pa = head; pa; pa = h->next) {
		h = phys(pa, KHO_BLOCK_SIZE, "kho_block_header_ser");
		for (j = 0; j < n; j++)
			if (blocks[j] == pa)
				refuse("chain-loop", "kho_block_header_ser", "next", pa + offsetof(struct kho_block_header_ser, next),
				       "the chain loops back to a block it already visited (-EINVAL, kho_block_set_is_cyclic)");
		if (n >= KHO_MAX_BLOCKS)
			refuse("chain-long", "kho_block_header_ser", "next", pa + offsetof(struct kho_block_header_ser, next),
			       "the chain is longer than %d blocks (kho_block_add)", KHO_MAX_BLOCKS);
		blocks[n++] = pa;
	}
	for (b = 0; b < n; b++) {
		h = phys(blocks[b], KHO_BLOCK_SIZE, "kho_block_header_ser");
		if (h->count == 0 || h->count > ENTRIES_PER_BLOCK)
			refuse("block-count", "kho_block_header_ser", "count", blocks[b] + offsetof(struct kho_block_header_ser, count),
			       "count %llu is outside 1..%lu (-EINVAL, kho_block_set_restore)", (ull)h->count,
			       (unsigned long)ENTRIES_PER_BLOCK);
		total += h->count;
	}
	entries = calloc(total ? total : 1, sizeof(*entries));
	if (!entries)
		fail("out of memory");
	for (b = 0; b < n; b++) {
		const unsigned char *p = phys(blocks[b], KHO_BLOCK_SIZE, "kho_block_header_ser");

		h = (const void *)p;
		for (i = 0; i < h->count; i++) {
			u64 off = sizeof(*h) + i * sizeof(struct luo_dict_entry_ser);

			entries[nr_entries].e = (const void *)(p + off);
			entries[nr_entries].pa = blocks[b] + off;
			entries[nr_entries].index = nr_entries;
			nr_entries++;
		}
	}
}

static int cmp_name(const void *a, const void *b)
{
	const struct entry_ref *x = a, *y = b;
	int c = strncmp(x->e->name, y->e->name, LUO_DICT_NAME_LEN);

	return c ? c : (x->index > y->index) - (x->index < y->index);
}

/*
 * The names in chain order: the first entry whose name has no NUL, is
 * empty, or repeats an earlier entry's name refuses the dictionary.
 * Duplicates are found by sorting, not by comparing every pair.
 */
static void check_names(void)
{
	struct entry_ref *sorted;
	size_t i, bad = nr_entries, dup = nr_entries;

	for (i = 0; i < nr_entries && bad == nr_entries; i++)
		if (!memchr(entries[i].e->name, 0, LUO_DICT_NAME_LEN) || !entries[i].e->name[0])
			bad = i;
	sorted = malloc((bad ? bad : 1) * sizeof(*sorted));
	if (!sorted)
		fail("out of memory");
	memcpy(sorted, entries, bad * sizeof(*sorted));
	qsort(sorted, bad, sizeof(*sorted), cmp_name);
	/* In each run of one name, its second entry in chain order is the one refused. */
	for (i = 1; i < bad; i++)
		if (!strncmp(sorted[i].e->name, sorted[i - 1].e->name, LUO_DICT_NAME_LEN) &&
		    (i < 2 || strncmp(sorted[i].e->name, sorted[i - 2].e->name, LUO_DICT_NAME_LEN)) && sorted[i].index < dup)
			dup = sorted[i].index;
	free(sorted);
	if (dup < bad) {
		refuse("name-twice", "luo_dict_entry_ser", "name", entries[dup].pa + offsetof(struct luo_dict_entry_ser, name),
		       "name '%s' is listed twice; names are unique", entries[dup].e->name);
	}
	if (bad < nr_entries) {
		const struct entry_ref *r = &entries[bad];

		if (!r->e->name[0])
			refuse("name-empty", "luo_dict_entry_ser", "name", r->pa + offsetof(struct luo_dict_entry_ser, name), "name is empty");
		refuse("name-nul", "luo_dict_entry_ser", "name", r->pa + offsetof(struct luo_dict_entry_ser, name),
		       "name has no NUL in its %d bytes", LUO_DICT_NAME_LEN);
	}
}

/*
 * The compatibility rule of the schema: the whole name, compared as strcmp
 * compares it; then the type (-EINVAL), then the version (-EOPNOTSUPP).
 */
static void lookup(const char *name, u32 type, char **versions, int nr_versions)
{
	size_t i;
	int v;

	for (i = 0; i < nr_entries; i++) {
		const struct luo_dict_entry_ser *e = entries[i].e;

		if (strncmp(e->name, name, LUO_DICT_NAME_LEN))
			continue;
		if (e->type != type) {
			printf("lookup EINVAL\n");
			return;
		}
		for (v = 0; v < nr_versions; v++) {
			if (e->version == parse_u64(versions[v])) {
				printf("lookup pa=%llu\n", (ull)e->pa);
				return;
			}
		}
		printf("lookup EOPNOTSUPP\n");
		return;
	}
	printf("lookup ENOENT\n");
}

int main(int argc, char **argv)
{
	static char out[1 << 20];
	struct luo_dict_ser d;
	size_t i;
	u64 at;

	image_prog = "luo-dict-reader";
	if (argc != 3 && argc < 5)
		fail("usage: luo-dict-reader IMAGE PA [NAME TYPE VERSION...]");
	setvbuf(stdout, out, _IOFBF, sizeof(out));
	load_image(argv[1]);
	at = parse_u64(argv[2]);

	LOAD(d, at, "luo_dict_ser");
	if (d.magic != LUO_DICT_MAGIC)
		refuse("magic", "luo_dict_ser", "magic", at + offsetof(struct luo_dict_ser, magic),
		       "magic 0x%x is not 0x%x: not a dictionary", d.magic, LUO_DICT_MAGIC);
	if (d.version != LUO_DICT_VERSION)
		refuse("version", "luo_dict_ser", "version", at + offsetof(struct luo_dict_ser, version),
		       "format version %u is not %u", d.version, LUO_DICT_VERSION);
	/* The chain bounds the entries; the stored count is only compared with them. */
	restore_chain(d.entries);
	if (d.count != nr_entries)
		refuse("count", "luo_dict_ser", "count", at + offsetof(struct luo_dict_ser, count),
		       "count %llu but the chain holds %llu entries", (ull)d.count, (ull)nr_entries);
	check_names();

	for (i = 0; i < nr_entries; i++) {
		const struct luo_dict_entry_ser *e = entries[i].e;

		printf("entry name=");
		put_string(e->name, LUO_DICT_NAME_LEN);
		printf(" type=%u version=%u pa=%llu\n", e->type, e->version, (ull)e->pa);
	}
	if (argc >= 5) {
		if (strlen(argv[3]) >= LUO_DICT_NAME_LEN)
			fail("name longer than %d bytes", LUO_DICT_NAME_LEN - 1);
		lookup(argv[3], parse_u64(argv[4]), argv + 5, argc - 5);
	}
	if (fflush(stdout))
		fail("cannot write the entries");
	return 0;
}
