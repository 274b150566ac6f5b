#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# kernel-check.sh KERNEL_TREE [PROFILE]
#
# What a kernel tree's CI runs to know that its include/linux/kho/abi/*.h
# and kho-abi's schemas agree. Run it from a checkout of kho-abi where
# `npm ci` has been run. Two worlds:
#
#  - the tree keeps hand-written headers: `kho-abi diff-kernel` compiles
#    them with gcc at 4, 16 and 64 KiB pages and compares every layout,
#    constant and compatible string with the profile's versions (comments
#    and formatting do not matter);
#  - the tree's headers were written by `kho-abi gen --out` (they carry a
#    KHO-ABI-GEN marker line): `gen --check --out` regenerates them in
#    memory and prints a unified diff of any hand edit, with the command
#    that fixes it.
#
# Exit 0: in sync. Exit 1: a finding, printed. Exit 2: a bug in kho-abi.
set -eu

tree=${1:?usage: kernel-check.sh KERNEL_TREE [PROFILE]}
profile=${2:-}
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
abi="$tree/include/linux/kho/abi"

[ -d "$abi" ] || { echo "kernel-check: $abi: no such folder; is $tree a kernel tree?" >&2; exit 1; }

set -- --root "$here"
if grep -qs 'KHO-ABI-GEN:' "$abi"/*.h; then
	exec node "$here/bin/kho-abi.mjs" "$@" gen --check --out "$tree" ${profile:+--profile "$profile"}
else
	exec node "$here/bin/kho-abi.mjs" "$@" diff-kernel "$tree" --page-size all ${profile:+--profile "$profile"} \
		${GITHUB_ACTIONS:+--format github}
fi
