/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test shim, not kernel code: static_assert(expr) or static_assert(expr, msg)
 * as C11 _Static_assert, which needs a message in gnu11; when none is given
 * the expression's text is used.
 */
#ifndef KHO_SHIM_LINUX_BUILD_BUG_H
#define KHO_SHIM_LINUX_BUILD_BUG_H

#define KHO_SHIM_SA_WITH_MSG(expr, msg) _Static_assert(expr, msg)
#define KHO_SHIM_SA_NO_MSG(expr) _Static_assert(expr, #expr)
#define KHO_SHIM_SA_CHOOSE(a1, a2, chosen, ...) chosen

#undef static_assert
#define static_assert(...) \
	KHO_SHIM_SA_CHOOSE(__VA_ARGS__, KHO_SHIM_SA_WITH_MSG, KHO_SHIM_SA_NO_MSG, unused)(__VA_ARGS__)

#endif /* KHO_SHIM_LINUX_BUILD_BUG_H */
