/**
 * The userspace kernel-type shim in generator/kernel/shim/include: every header
 * compiles under -Wall -Wextra -Werror and every macro yields the value the
 * kernel's does, in the contexts generated headers use them (enum
 * initializers, array sizes, static assertions), at each page size.
 */
import { describe, expect, it } from 'vitest';
import { compileAndRun, compileOnly } from './helpers/gcc.js';

const PAGE_SHIFTS = [12, 14, 16] as const;

const SHIM_PROGRAM = String.raw`
#include <linux/types.h>
#include <linux/bits.h>
#include <linux/bitops.h>
#include <linux/align.h>
#include <linux/math.h>
#include <linux/log2.h>
#include <linux/build_bug.h>
#include <asm/page.h>
#include <linux/fcntl.h>
#include <linux/utsname.h>
#include <uapi/linux/liveupdate.h>

/* Types. */
static_assert(sizeof(u8) == 1 && sizeof(u16) == 2 && sizeof(u32) == 4 && sizeof(u64) == 8);
static_assert(sizeof(s8) == 1 && sizeof(s16) == 2 && sizeof(s32) == 4 && sizeof(s64) == 8);
static_assert((u8)-1 == 0xff && (u64)-1 == 0xffffffffffffffffULL, "unsigned types");
static_assert((s8)-1 < 0 && (s64)-1 < 0, "signed types");
static_assert(sizeof(phys_addr_t) == 8, "phys_addr_t is 64 bits");

/* Bits. */
static_assert(BITS_PER_BYTE == 8);
static_assert(BIT(0) == 1 && BIT(5) == 32 && BIT(63) == 0x8000000000000000UL);
static_assert(BIT_ULL(52) == 0x10000000000000ULL);
static_assert(GENMASK(5, 0) == 0x3f && GENMASK(63, 52) == 0xfff0000000000000UL && GENMASK(63, 0) == ~0UL);
static_assert(GENMASK_ULL(51, 0) == 0xfffffffffffffULL && GENMASK_ULL(3, 3) == 8);
static_assert(BITS_TO_LONGS(1) == 1 && BITS_TO_LONGS(64) == 1 && BITS_TO_LONGS(65) == 2 && BITS_TO_LONGS(32768) == 512);

/* Arithmetic. */
static_assert(ALIGN(0, 8) == 0 && ALIGN(7, 8) == 8 && ALIGN(8, 8) == 8 && ALIGN(sizeof("kho-v4;radix-v1;vmalloc-v1"), 8) == 32);
static_assert(DIV_ROUND_UP(0, 8) == 0 && DIV_ROUND_UP(1, 8) == 1 && DIV_ROUND_UP(16, 8) == 2 && DIV_ROUND_UP(17, 8) == 3);
static_assert(const_ilog2(1) == 0 && const_ilog2(2) == 1 && const_ilog2(3) == 1 && const_ilog2(4096) == 12);
static_assert(const_ilog2(0x8000000000000000ULL) == 63 && const_ilog2(0xffffffffffffffffULL) == 63);

/* Page size. */
static_assert(PAGE_SIZE == 1UL << PAGE_SHIFT, "PAGE_SIZE follows PAGE_SHIFT");
static_assert(PAGE_SHIFT == EXPECTED_PAGE_SHIFT, "-DPAGE_SHIFT reaches asm/page.h");
static_assert(sizeof(PAGE_SIZE) == sizeof(unsigned long), "PAGE_SIZE is an unsigned long");

/* uapi values. */
static_assert(F_SEAL_SEAL == 1 && F_SEAL_SHRINK == 2 && F_SEAL_GROW == 4);
static_assert(F_SEAL_WRITE == 8 && F_SEAL_FUTURE_WRITE == 16 && F_SEAL_EXEC == 32);
static_assert((F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_FUTURE_WRITE | F_SEAL_EXEC) == 0x3f);
static_assert(__NEW_UTS_LEN == 64 && LIVEUPDATE_SESSION_NAME_LENGTH == 64);

/* The macros in the places generated headers put them. */
enum shim_consts {
	SHIM_ORDER_0_LOG2 = 64 - PAGE_SHIFT,
	SHIM_TABLE_SIZE_LOG2 = const_ilog2(PAGE_SIZE / sizeof(u64)),
	SHIM_BITMAP_SIZE_LOG2 = const_ilog2(PAGE_SIZE * BITS_PER_BYTE),
	SHIM_DEPTH = DIV_ROUND_UP(SHIM_ORDER_0_LOG2 - SHIM_BITMAP_SIZE_LOG2, SHIM_TABLE_SIZE_LOG2) + 1,
	SHIM_FLAG = BIT(3),
};
static_assert(SHIM_TABLE_SIZE_LOG2 == PAGE_SHIFT - 3 && SHIM_BITMAP_SIZE_LOG2 == PAGE_SHIFT + 3);

struct shim_leaf {
	DECLARE_BITMAP(bitmap, PAGE_SIZE * BITS_PER_BYTE);
};
static_assert(sizeof(struct shim_leaf) == PAGE_SIZE && _Alignof(struct shim_leaf) == 8);

struct shim_chunk {
	u64 next;
	u64 phys[(PAGE_SIZE - sizeof(u64)) / sizeof(u64)];
};
static_assert(sizeof(struct shim_chunk) == PAGE_SIZE);

struct shim_packed {
	u32 version;
	char release[__NEW_UTS_LEN + 1];
	u32 count;
	char compatible[ALIGN(sizeof("memfd-v2;vmalloc-v1"), 8)];
	u8 tail[GENMASK(2, 0) + const_ilog2(BIT_ULL(4)) + BITS_TO_LONGS(65)];
} __packed;
static_assert(sizeof(struct shim_packed) == 4 + 65 + 4 + 24 + 7 + 4 + 2);
static_assert(__builtin_offsetof(struct shim_packed, count) == 69);

struct shim_aligned {
	u8 x;
} __aligned(8);
static_assert(sizeof(struct shim_aligned) == 8);

struct shim_bits {
	u64 pfn : 52;
	u64 flags : 12;
	u64 index;
} __packed;
static_assert(sizeof(struct shim_bits) == 16);

static __maybe_unused __always_inline int shim_unused(void)
{
	return SHIM_FLAG + SHIM_DEPTH;
}
`;

const RUN_PROGRAM = String.raw`
#include <stdio.h>
#include <linux/types.h>
#include <linux/log2.h>
#include <asm/page.h>

enum { SHIM_DEPTH_FROM_LOG2 = const_ilog2(PAGE_SIZE) };

int main(void)
{
	volatile unsigned long long ones = ~0ULL;
	struct { u64 pfn : 52; u64 flags : 12; } __packed s = { 0 };
	unsigned char b[8];

	s.flags = ones;
	__builtin_memcpy(b, &s, sizeof(b));
	printf("%lu %d %02x%02x\n", PAGE_SIZE, SHIM_DEPTH_FROM_LOG2, b[6], b[7]);
	return 0;
}
`;

describe('kernel-type shim', () => {
  for (const shift of PAGE_SHIFTS) {
    it(`compiles every shim header and macro with -Werror at PAGE_SHIFT ${shift}`, async () => {
      await compileOnly(`#define EXPECTED_PAGE_SHIFT ${shift}\n${SHIM_PROGRAM}`, { pageShift: shift });
    });
  }

  it('defaults to 4 KiB pages when PAGE_SHIFT is not defined', async () => {
    await compileOnly(`#undef PAGE_SHIFT\n#define EXPECTED_PAGE_SHIFT 12\n${SHIM_PROGRAM}`, { pageShift: 14 });
  });

  it('runs a program and returns its output', async () => {
    expect((await compileAndRun(RUN_PROGRAM, { pageShift: 16 })).trim()).toBe('65536 16 f0ff');
  });

  it('rejects a failing static_assert, with and without a message, and shows gcc stderr', async () => {
    const inc = '#include <linux/build_bug.h>\n';
    await expect(compileOnly(`${inc}static_assert(1 == 2, "one is not two");\n`, { pageShift: 12 })).rejects.toThrow(/one is not two/);
    await expect(compileOnly(`${inc}static_assert(3 == 4);\n`, { pageShift: 12 })).rejects.toThrow(/3 == 4/);
  });

  it('treats warnings as errors', async () => {
    await expect(compileOnly('int f(void) { int unused; return 0; }\n', { pageShift: 12 })).rejects.toThrow(/unused/);
  });
});
