/**
 * Where the userspace stand-ins for the kernel's own headers live: enough of
 * linux/types.h, asm/page.h, linux/bits.h, ... for an ABI header to compile
 * outside the kernel. SHIM_INCLUDE comes before a kernel tree's include/ so
 * that the tree's real linux/types.h is never used; SHIM_FALLBACK_INCLUDE
 * comes after it and supplies what only a kernel tree would otherwise have
 * (uapi/linux/liveupdate.h), so that a tree's own copy wins.
 */
import { fileURLToPath } from 'node:url';

export const SHIM_INCLUDE = fileURLToPath(new URL('./shim/include', import.meta.url));
export const SHIM_FALLBACK_INCLUDE = fileURLToPath(new URL('./shim/fallback', import.meta.url));
