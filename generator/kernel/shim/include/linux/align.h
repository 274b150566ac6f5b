/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test shim, not kernel code: round x up to a multiple of the power of two a,
 * keeping the type of x, for compiling generated headers in userspace.
 */
#ifndef KHO_SHIM_LINUX_ALIGN_H
#define KHO_SHIM_LINUX_ALIGN_H

#define ALIGN(x, a) (((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))

#endif /* KHO_SHIM_LINUX_ALIGN_H */
