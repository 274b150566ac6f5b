/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test shim, not kernel code: how many unsigned longs hold a given number of
 * bits, for compiling generated headers in userspace.
 */
#ifndef KHO_SHIM_LINUX_BITOPS_H
#define KHO_SHIM_LINUX_BITOPS_H

#include <linux/bits.h>

#ifndef BITS_PER_LONG
#define BITS_PER_LONG (8 * (int)sizeof(long))
#endif

#define BITS_TO_LONGS(nr) (((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)

#endif /* KHO_SHIM_LINUX_BITOPS_H */
