/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test shim, not kernel code: forced into every test compilation with
 * gcc -include so that generated kernel headers build standalone in
 * userspace. Provides the attribute spellings the kernel's compiler headers
 * normally supply.
 */
#ifndef KHO_SHIM_H
#define KHO_SHIM_H

#define __packed __attribute__((__packed__))
#define __aligned(x) __attribute__((__aligned__(x)))
#define __maybe_unused __attribute__((__unused__))
#define __always_inline inline __attribute__((__always_inline__))

#endif /* KHO_SHIM_H */
