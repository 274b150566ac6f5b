/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Userspace stand-in, not kernel code: the attribute spellings come from
 * kho-shim.h, which every compilation includes first.
 */
#ifndef KHO_SHIM_LINUX_COMPILER_H
#define KHO_SHIM_LINUX_COMPILER_H

#include <kho-shim.h>

#endif /* KHO_SHIM_LINUX_COMPILER_H */
