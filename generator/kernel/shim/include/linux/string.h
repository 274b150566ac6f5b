/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test shim, not kernel code: the kernel's string helpers come from libc
 * when the generated headers are compiled in userspace.
 */
#ifndef KHO_SHIM_LINUX_STRING_H
#define KHO_SHIM_LINUX_STRING_H

#include <string.h>

#endif /* KHO_SHIM_LINUX_STRING_H */
