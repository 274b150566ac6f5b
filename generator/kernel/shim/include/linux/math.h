/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test shim, not kernel code: integer division rounding up, for compiling
 * generated headers in userspace.
 */
#ifndef KHO_SHIM_LINUX_MATH_H
#define KHO_SHIM_LINUX_MATH_H

#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))

#endif /* KHO_SHIM_LINUX_MATH_H */
