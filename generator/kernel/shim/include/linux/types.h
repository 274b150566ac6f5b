/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test shim, not kernel code: the fixed-width kernel integer types, built on
 * <stdint.h>, for compiling generated headers in userspace (LP64 only).
 */
#ifndef KHO_SHIM_LINUX_TYPES_H
#define KHO_SHIM_LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/bitops.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

/* Physical addresses are 64 bits on every target the ABI supports. */
typedef u64 phys_addr_t;

/* A bitmap of `bits` bits stored in whole unsigned longs. */
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

#endif /* KHO_SHIM_LINUX_TYPES_H */
