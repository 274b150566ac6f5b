/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Userspace stand-in, not kernel code: forced into the compilation of a
 * kernel tree's ABI headers by `kho-abi diff-kernel`. Inside the kernel
 * these names reach every header through includes a .c file has already
 * made (linux/kernel.h and what it pulls in); a header read on its own in
 * userspace needs them supplied the same way.
 */
#ifndef KHO_KERNEL_ENV_H
#define KHO_KERNEL_ENV_H

#include <kho-shim.h>
#include <linux/types.h>
#include <linux/build_bug.h>
#include <linux/bits.h>
#include <linux/bitops.h>
#include <linux/align.h>
#include <linux/log2.h>
#include <linux/math.h>
#include <linux/stddef.h>
#include <linux/fcntl.h>
#include <linux/utsname.h>
#include <asm/page.h>

#endif /* KHO_KERNEL_ENV_H */
