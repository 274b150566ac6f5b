/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test shim, not kernel code: single-bit and bit-range masks for compiling
 * generated headers in userspace. GENMASK(h, l) has bits l..h set.
 */
#ifndef KHO_SHIM_LINUX_BITS_H
#define KHO_SHIM_LINUX_BITS_H

#define BITS_PER_BYTE 8

#define BIT(nr) (1UL << (nr))
#define BIT_ULL(nr) (1ULL << (nr))

#define GENMASK(h, l) ((~0UL << (l)) & (~0UL >> (8 * sizeof(unsigned long) - 1 - (h))))
#define GENMASK_ULL(h, l) ((~0ULL << (l)) & (~0ULL >> (8 * sizeof(unsigned long long) - 1 - (h))))

#endif /* KHO_SHIM_LINUX_BITS_H */
