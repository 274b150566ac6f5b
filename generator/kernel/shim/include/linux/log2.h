/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test shim, not kernel code: floor(log2(n)) of a positive constant, usable
 * in enum initializers, array sizes and static assertions. GCC folds
 * __builtin_clzll of a constant, so the result is an integer constant
 * expression. The n < 1 branch (-1) keeps the builtin away from zero.
 */
#ifndef KHO_SHIM_LINUX_LOG2_H
#define KHO_SHIM_LINUX_LOG2_H

#define const_ilog2(n) \
	((n) < 1 ? -1 : 63 - __builtin_clzll((unsigned long long)(n) | 1ULL))

#endif /* KHO_SHIM_LINUX_LOG2_H */
