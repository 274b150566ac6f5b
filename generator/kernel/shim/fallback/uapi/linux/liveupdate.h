/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Userspace stand-in, not kernel code: the uapi live update session name size (NUL
 * included), for compiling generated headers in userspace.
 */
#ifndef KHO_SHIM_UAPI_LINUX_LIVEUPDATE_H
#define KHO_SHIM_UAPI_LINUX_LIVEUPDATE_H

#define LIVEUPDATE_SESSION_NAME_LENGTH 64

#endif /* KHO_SHIM_UAPI_LINUX_LIVEUPDATE_H */
