/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test shim, not kernel code: the uapi memfd seal flags (F_SEAL_*), for
 * compiling generated headers in userspace.
 */
#ifndef KHO_SHIM_LINUX_FCNTL_H
#define KHO_SHIM_LINUX_FCNTL_H

#define F_SEAL_SEAL 0x0001
#define F_SEAL_SHRINK 0x0002
#define F_SEAL_GROW 0x0004
#define F_SEAL_WRITE 0x0008
#define F_SEAL_FUTURE_WRITE 0x0010
#define F_SEAL_EXEC 0x0020

#endif /* KHO_SHIM_LINUX_FCNTL_H */
