/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test shim, not kernel code: the uapi utsname string length (without its
 * NUL), for compiling generated headers in userspace.
 */
#ifndef KHO_SHIM_LINUX_UTSNAME_H
#define KHO_SHIM_LINUX_UTSNAME_H

#define __NEW_UTS_LEN 64

#endif /* KHO_SHIM_LINUX_UTSNAME_H */
