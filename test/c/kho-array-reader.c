// SPDX-License-Identifier: GPL-2.0-only
/*
 * A reader of one KHO array (schemas/kho_array.yaml, "KARR") in an image
 * written by kho-abi's TypeScript writer, built only on the generated
 * header: it restores the array as the posted kho_array_restore does and
 * walks it as the posted iterator (ka_iter_nextentry, ka_iter_setpos)
 * does, printing what runtime/containers/kho-array.ts reads.
 *
 * Usage: kho-array-reader IMAGE PA [MAX_PAGES]. PA is the address of the
 * owner's struct kho_array; MAX_PAGES caps the pages of the chain (the
 * pages the image holds by default, the TS reader's maxPages).
 *
 * stdout: one line per entry the iterator yields, in order,
 *   entry position=N value=N      (an odd entry: the number it holds)
 *   entry position=N address=N    (any other entry)
 * stderr: the warnings, then an error if the array is refused (exit 1),
 * in the form of test/c/image.h.
 */
#include <linux/kho/abi/kho_array.h>

#include "image.h"

#define U64_MAX_VALUE (~0ull)

/* The pages of the array in chain order, as the restore claims them. */
static const struct kho_array_page **pages;
static u64 *page_pa;
static size_t nr_pages;

/*
 * kho_array_valid, then kho_array_restore: the magic and the version
 * (-EOPNOTSUPP), then every page claimed once in chain order; a page the
 * chain reaches again fails its second restore (-ENOMEM). Memory that is
 * not there is refused where it is read.
 */
static void restore(u64 at, u64 max_pages)
{
	struct kho_array ka;
	unsigned char *seen;
	u64 pa;

	LOAD(ka, at, "kho_array");
	if (ka.magic != KHO_ARRAY_MAGIC)
		refuse("magic", "kho_array", "magic", at + offsetof(struct kho_array, magic),
		       "magic 0x%x is not 0x%x (-EOPNOTSUPP, kho_array_restore)", ka.magic, KHO_ARRAY_MAGIC);
	if (ka.version != KHO_ARRAY_VERSION)
		refuse("version", "kho_array", "version", at + offsetof(struct kho_array, version),
		       "format version %u is not %u (-EOPNOTSUPP, kho_array_restore)", ka.version, KHO_ARRAY_VERSION);
	seen = calloc(image_pages ? image_pages : 1, 1);
	pages = calloc(image_pages ? image_pages : 1, sizeof(*pages));
	page_pa = calloc(image_pages ? image_pages : 1, sizeof(*page_pa));
	if (!seen || !pages || !page_pa)
		fail("out of memory");
	for (pa = ka.first; pa; pa = pages[nr_pages - 1]->next) {
		const struct kho_array_page *p = phys(pa, PAGE_SIZE, "kho_array_page");
		u64 n = image_page_index(pa);

		if (seen[n])
			refuse("page-loop", "kho_array_page", "next", pa + offsetof(struct kho_array_page, next),
			       "the page chain reaches this page a second time (-ENOMEM, kho_restore_folio)");
		seen[n] = 1;
		if (nr_pages >= max_pages)
			refuse("page-limit", "kho_array_page", "next", pa + offsetof(struct kho_array_page, next),
			       "more than %llu pages in one array", (ull)max_pages);
		pages[nr_pages] = p;
		page_pa[nr_pages++] = pa;
	}
	free(seen);
}

/*
 * The iterator: `cur` is the last page (in chain order) whose start is at
 * or below `pos`; it moves to a page as soon as pos reaches that page's
 * start and never goes back. `over` is set when pos would pass U64_MAX.
 */
static struct {
	u64 pos;
	size_t cur;
	int over;
} it;

static int in_page(void)
{
	return it.cur < nr_pages && it.pos >= pages[it.cur]->startpos && it.pos - pages[it.cur]->startpos < KA_PAGE_NR_ENTRIES;
}

static u64 entry(void)
{
	return in_page() ? pages[it.cur]->entries[it.pos - pages[it.cur]->startpos] : 0;
}

static int at_end(void)
{
	return it.over || it.cur >= nr_pages || (!in_page() && it.cur + 1 >= nr_pages);
}

/* ka_iter_setpos: a position below the current one is refused (-EINVAL), which the iterator ignores. */
static void set_pos(u64 p)
{
	if (p < it.pos)
		return;
	it.pos = p;
	while (it.cur + 1 < nr_pages && pages[it.cur + 1]->startpos <= it.pos)
		it.cur++;
}

static void step(void)
{
	if (it.pos == U64_MAX_VALUE)
		it.over = 1;
	else
		set_pos(it.pos + 1);
}

/* ka_iter_nextentry: on to the next non-empty entry, a whole page ahead where the current one has no more. */
static void next(void)
{
	step();
	while (!at_end() && entry() == 0) {
		if (in_page())
			step();
		else
			set_pos(pages[it.cur + 1]->startpos);
	}
}

int main(int argc, char **argv)
{
	static char out[1 << 20];
	u64 *read, at, max_pages, unread_pages = 0;
	size_t p, k, first_unread = 0;
	u64 first_unread_n = 0;

	image_prog = "kho-array-reader";
	if (argc != 3 && argc != 4)
		fail("usage: kho-array-reader IMAGE PA [MAX_PAGES]");
	setvbuf(stdout, out, _IOFBF, sizeof(out));
	load_image(argv[1]);
	at = parse_u64(argv[2]);
	max_pages = argc == 4 ? parse_u64(argv[3]) : (image_pages ? image_pages : 1);
	restore(at, max_pages);

	read = calloc(nr_pages ? nr_pages : 1, sizeof(*read));
	if (!read)
		fail("out of memory");
	if (nr_pages && entry() == 0)
		next();
	while (!at_end()) {
		u64 raw = entry();

		if (!raw)
			break;
		read[it.cur]++;
		if (raw & KHO_ARRAY_VALUE_TAG)
			printf("entry position=%llu value=%llu\n", (ull)it.pos, (ull)(raw >> KHO_ARRAY_VALUE_SHIFT));
		else
			printf("entry position=%llu address=%llu\n", (ull)it.pos, (ull)raw);
		next();
	}

	/* Non-empty entries the iterator never reached: accepted, and said once for the first such page. */
	for (p = 0; p < nr_pages; p++) {
		u64 non_empty = 0;

		for (k = 0; k < KA_PAGE_NR_ENTRIES; k++)
			if (pages[p]->entries[k])
				non_empty++;
		if (non_empty > read[p] && unread_pages++ == 0) {
			first_unread = p;
			first_unread_n = non_empty - read[p];
		}
	}
	if (fflush(stdout))
		fail("cannot write the entries");
	if (unread_pages) {
		char more[64] = "";

		if (unread_pages > 1)
			snprintf(more, sizeof(more), " (and %llu more like it)", (ull)(unread_pages - 1));
		warn("sparse-array-unread", "kho_array_page", "startpos", page_pa[first_unread] + offsetof(struct kho_array_page, startpos),
		     "%llu non-empty entries of the page starting at position %llu are never read%s", (ull)first_unread_n,
		     (ull)pages[first_unread]->startpos, more);
	}
	return 0;
}
