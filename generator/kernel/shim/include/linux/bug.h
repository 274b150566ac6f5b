/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Userspace stand-in, not kernel code: the ABI headers include linux/bug.h
 * for static_assert; nothing else of it is used.
 */
#ifndef KHO_SHIM_LINUX_BUG_H
#define KHO_SHIM_LINUX_BUG_H

#include <linux/build_bug.h>

#endif /* KHO_SHIM_LINUX_BUG_H */
