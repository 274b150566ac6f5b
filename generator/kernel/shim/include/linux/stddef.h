/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test shim, not kernel code: sizeof_field() as the kernel spells it.
 */
#ifndef KHO_SHIM_LINUX_STDDEF_H
#define KHO_SHIM_LINUX_STDDEF_H

#include <stddef.h>

/* Size of MEMBER in struct TYPE, without an object of it. */
#define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))

#endif /* KHO_SHIM_LINUX_STDDEF_H */
