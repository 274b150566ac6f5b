/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The part every container reader under test/c shares: loading an image
 * file written by runtime/liveupdate/image-file.ts into memory, finding the
 * bytes at a physical address, and printing errors and warnings in the
 * form the TypeScript runtime gives them (runtime/errors.ts):
 *
 *   error[KIND]: STRUCT.FIELD at physical address 0xPA: REASON
 *   warning[CODE]: STRUCT.FIELD at physical address 0xPA: REASON
 *
 * KIND names the kind of refusal so a test can match it against the
 * TypeScript reader's error for the same image; CODE is the ReadWarning
 * code. An error ends the program with exit status 1.
 *
 * A test helper, not kernel code: it includes only what the readers need
 * to run as a user program (stdio for the image and the output).
 */
#ifndef KHO_ABI_TEST_IMAGE_H
#define KHO_ABI_TEST_IMAGE_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned long long ull;

static const char *image_prog = "reader";

static inline void image_vreport(const char *level, const char *kind, const char *structname, const char *field, u64 pa,
			  const char *fmt, va_list ap)
{
	fprintf(stderr, "%s[%s]: %s%s%s at physical address 0x%llx: ", level, kind, structname, field ? "." : "",
		field ? field : "", (ull)pa);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

/* Refuses the image: what the next kernel's restore would refuse, at the field that says so. */
static inline __attribute__((noreturn, format(printf, 5, 6)))
void refuse(const char *kind, const char *structname, const char *field, u64 pa, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	va_start(ap, fmt);
	image_vreport("error", kind, structname, field, pa, fmt, ap);
	va_end(ap);
	exit(1);
}

/* Something the kernel accepts but a careful reader points out. */
static inline __attribute__((format(printf, 5, 6)))
void warn(const char *code, const char *structname, const char *field, u64 pa, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	va_start(ap, fmt);
	image_vreport("warning", code, structname, field, pa, fmt, ap);
	va_end(ap);
}

/* The file itself is unusable: not an image, truncated, wrong arguments. */
static inline __attribute__((noreturn, format(printf, 1, 2)))
void fail(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", image_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

struct image_range {
	u64 pa, size;
	/* Pages of the ranges before this one: a page's number in the image. */
	u64 first_page;
	const unsigned char *data;
};

static struct image_range *image_ranges;
static size_t image_nr_ranges;
/* Pages the image holds. */
static u64 image_pages;
static const unsigned char *image_fdt;
static u64 image_fdt_size;

static inline u64 image_le64(const unsigned char *p)
{
	u64 v;

	memcpy(&v, p, 8);
	return v;
}

static inline u32 image_le32(const unsigned char *p)
{
	u32 v;

	memcpy(&v, p, 4);
	return v;
}

/* The physical address space the runtime models (runtime/phys-mem.ts). */
#define IMAGE_MAX_PHYS_BITS 52

/* Reads a version 1 KHOLUIMG file built for this reader's PAGE_SIZE. */
static inline void load_image(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long n;
	u64 at, i;

	if (!f)
		fail("%s: cannot open", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n > 0 ? n : 1);
	if (!buf || fread(buf, 1, n, f) != (size_t)n)
		fail("%s: cannot read", path);
	fclose(f);
	if (n < 32 || memcmp(buf, "KHOLUIMG", 8) || image_le32(buf + 8) != 1)
		fail("%s: not a version 1 KHOLUIMG image", path);
	if (image_le32(buf + 12) != PAGE_SIZE)
		fail("image page size %u, reader built for %lu", image_le32(buf + 12), (unsigned long)PAGE_SIZE);
	image_fdt_size = image_le64(buf + 16);
	image_nr_ranges = image_le64(buf + 24);
	if (image_fdt_size > (u64)n - 32 || image_nr_ranges > (u64)n / 16)
		fail("%s: header past the end of the file", path);
	image_fdt = buf + 32;
	at = 32 + (image_fdt_size + 7) / 8 * 8;
	image_ranges = calloc(image_nr_ranges ? image_nr_ranges : 1, sizeof(*image_ranges));
	if (!image_ranges)
		fail("out of memory");
	for (i = 0; i < image_nr_ranges; i++) {
		struct image_range *r = &image_ranges[i];

		if (at + 16 > (u64)n)
			fail("range %llu past the end of the file", (ull)i);
		r->pa = image_le64(buf + at);
		r->size = image_le64(buf + at + 8);
		r->data = buf + at + 16;
		r->first_page = image_pages;
		if (r->size > (u64)n - at - 16 || r->size % PAGE_SIZE || r->pa % PAGE_SIZE ||
		    (i && r->pa < image_ranges[i - 1].pa + image_ranges[i - 1].size))
			fail("range %llu is not whole pages in ascending order inside the file", (ull)i);
		at += 16 + r->size;
		image_pages += r->size / PAGE_SIZE;
	}
}

/* The range holding [pa, pa + len), or NULL. Ranges are maximal runs of present pages. */
static inline const struct image_range *image_range_of(u64 pa, size_t len)
{
	size_t lo = 0, hi = image_nr_ranges;

	if (pa >= 1ull << IMAGE_MAX_PHYS_BITS || len > (1ull << IMAGE_MAX_PHYS_BITS) - pa)
		return NULL;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (image_ranges[mid].pa + image_ranges[mid].size <= pa)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == image_nr_ranges || image_ranges[lo].pa > pa || pa + len > image_ranges[lo].pa + image_ranges[lo].size)
		return NULL;
	return &image_ranges[lo];
}

/* Bytes [pa, pa + len) of memory, or a refusal naming what was to be read there. */
static inline const void *phys(u64 pa, size_t len, const char *structname)
{
	const struct image_range *r = image_range_of(pa, len);

	if (!r)
		refuse("memory", structname, NULL, pa, "not present in memory");
	return r->data + (pa - r->pa);
}

/* The number of the page holding pa among the image's pages (pa present). */
static inline u64 image_page_index(u64 pa)
{
	const struct image_range *r = image_range_of(pa, 1);

	return r->first_page + (pa - r->pa) / PAGE_SIZE;
}

#define LOAD(var, pa, structname) memcpy(&(var), phys((pa), sizeof(var), (structname)), sizeof(var))

/* A string as the runtime's tree text quotes it: printable ASCII, every other byte (and " and \) as \xNN. */
static inline void put_string(const char *s, size_t max)
{
	size_t i;

	putchar('"');
	for (i = 0; i < max && s[i]; i++) {
		unsigned char c = s[i];

		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
			putchar(c);
		else
			printf("\\x%02x", c);
	}
	putchar('"');
}

/* A u64 argument, decimal or 0x hex. */
static inline u64 parse_u64(const char *s)
{
	char *end;
	u64 v = strtoull(s, &end, 0);

	if (!*s || *end)
		fail("not a number: %s", s);
	return v;
}

#endif /* KHO_ABI_TEST_IMAGE_H */
