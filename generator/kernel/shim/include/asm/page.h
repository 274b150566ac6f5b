/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test shim, not kernel code: the page size under test, chosen with
 * -DPAGE_SHIFT=12, 14 or 16 (4, 16 or 64 KiB); 4 KiB when not given.
 */
#ifndef KHO_SHIM_ASM_PAGE_H
#define KHO_SHIM_ASM_PAGE_H

#ifndef PAGE_SHIFT
#define PAGE_SHIFT 12
#endif

#define PAGE_SIZE (1UL << PAGE_SHIFT)

#endif /* KHO_SHIM_ASM_PAGE_H */
