/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Userspace stand-in, not kernel code: a uapi header may define its ioctl
 * numbers with these; their values do not matter to the ABI layouts.
 */
#ifndef KHO_SHIM_LINUX_IOCTL_H
#define KHO_SHIM_LINUX_IOCTL_H

#define _IOC(dir, type, nr, size)	(((dir) << 30) | ((size) << 16) | ((type) << 8) | (nr))
#define _IO(type, nr)			_IOC(0U, (type), (nr), 0)
#define _IOR(type, nr, t)		_IOC(2U, (type), (nr), sizeof(t))
#define _IOW(type, nr, t)		_IOC(1U, (type), (nr), sizeof(t))
#define _IOWR(type, nr, t)		_IOC(3U, (type), (nr), sizeof(t))

#endif /* KHO_SHIM_LINUX_IOCTL_H */
