/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test shim, not kernel code: the architecture's largest number of huge
 * page sizes (hstates), as x86 sets it, for compiling hugetlb.h in
 * userspace. The kernel's linux/hugetlb.h declares far more; the ABI
 * header uses only this.
 */
#ifndef KHO_SHIM_LINUX_HUGETLB_H
#define KHO_SHIM_LINUX_HUGETLB_H

#define HUGE_MAX_HSTATE 2

#endif /* KHO_SHIM_LINUX_HUGETLB_H */
