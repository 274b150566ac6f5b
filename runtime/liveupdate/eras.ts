/**
 * The root of the LUO state in each version (kernel-abi.md sections 3 and
 * 5): which version an image stores, and where its count, sessions and
 * FLBs are. From luo-v3 on the KHO blob "LUO" is a struct luo_ser whose
 * compatible member names the version; before, the blob is a sub-FDT
 * whose root compatible names it: luo-v2 keeps only the address of a
 * struct luo_ser (without compatible) in a root property, luo-v1 keeps the
 * count in a root property and the sessions and FLBs in two child nodes,
 * each with its own compatible string and an address property.
 *
 * Each check cites the function of that version's kernel that refuses the
 * same data: luo_early_startup (kernel/liveupdate/luo_core.c: FDT era at
 * linux-mm 47d3a145, luo-abi-header era at tatashin f0482e8a, luo_ser era
 * after the FDT removal), luo_session_setup_incoming and
 * luo_flb_setup_incoming (luo_session.c, luo_flb.c of the FDT era).
 */
import { encodeBytes } from '../codec.js';
import { compatibleStrings, parseFdt, writeFdt, type FdtNode } from '../containers/kho-fdt.js';
import { U64_BYTES } from '../containers/descriptors.js';
import { DecodeError, EncodeError } from '../errors.js';
import type { PhysMem } from '../phys-mem.js';
import { escapeText } from '../quote.js';
import type { ReadOptions } from '../warnings.js';
import type { LuoEra, LuoRootLayout } from './handlers.js';

const FDT_MAGIC = 0xd00dfeed;

export const ERA_KERNEL = {
  fdtStartup: 'luo_early_startup (kernel/liveupdate/luo_core.c, FDT era)',
  luoSerStartup: 'luo_early_startup (kernel/liveupdate/luo_core.c, luo_ser era)',
  sessionSetup: 'luo_session_setup_incoming (kernel/liveupdate/luo_session.c, FDT era)',
  flbSetup: 'luo_flb_setup_incoming (kernel/liveupdate/luo_flb.c, FDT era)',
} as const;

/** What every version's root gives the rest of the reader. */
export interface LuoRootRead {
  readonly era: LuoEra;
  /** The string the image stores (luo_ser.compatible or the sub-FDT's root compatible). */
  readonly compatible: string;
  readonly liveupdateNum: bigint;
  readonly sessionsPa: bigint;
  readonly flbsPa: bigint;
  /** Where luo_ser is, when the version has one. */
  readonly luoSerPa?: bigint;
}

const shown = (s: string): string => escapeText(s);

/** Does the blob start with the FDT magic? A luo_ser starts with its string. */
export function isFdtBlob(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) === FDT_MAGIC;
}

/** The strings of a node's compatible property, read as the KHO root's are (kho-fdt.ts compatibleStrings). */
function compatibles(node: FdtNode): string[] {
  const v = node.props.get('compatible');
  return v ? compatibleStrings(v, 'luo fdt', undefined) : [];
}

function u64Prop(node: FdtNode, name: string, where: string, cite: string): bigint {
  const v = node.props.get(name);
  // The kernel takes the property only when it is exactly a u64 (fdt_getprop, then a size check).
  if (!v || v.length !== U64_BYTES) throw new DecodeError({ struct: where, field: name, offset: 0 }, `${v ? `property '${name}' is ${v.length} bytes, not ${U64_BYTES}` : `property '${name}' is missing`}; the kernel refuses the LUO state (-EINVAL, ${cite})`);
  return new DataView(v.buffer, v.byteOffset, 8).getBigUint64(0, true);
}

/**
 * Reads the LUO blob at `pa` (`bytes` are its first bytes, up to its size)
 * as the kernel of the version it stores; throws DecodeError when no known
 * version's kernel would accept it.
 */
export function readLuoRoot(mem: PhysMem, pa: bigint, bytes: Uint8Array, eras: readonly LuoEra[], opts: ReadOptions): LuoRootRead {
  if (isFdtBlob(bytes)) {
    const fdt = parseFdt(bytes);
    const found = compatibles(fdt);
    // fdt_node_check_compatible: the version's string anywhere in the root's list.
    const era = eras.find((e) => e.root.kind !== 'luo_ser' && found.includes(e.compatible));
    if (!era) {
      const known = eras.filter((e) => e.root.kind !== 'luo_ser').map((e) => e.compatible);
      throw new DecodeError({ struct: 'luo fdt', field: 'compatible', offset: 0, address: pa }, `the LUO FDT is '${found.map(shown).join("', '")}', which no known FDT-era version stores (${known.join(', ')}); such a kernel refuses it (-EINVAL, ${ERA_KERNEL.fdtStartup})`);
    }
    const root = era.root;
    if (root.kind === 'fdt_header') {
      const luoSerPa = u64Prop(fdt, root.property, 'luo fdt', ERA_KERNEL.fdtStartup);
      const luo = mem.decode(root.luo, luoSerPa, opts);
      return { era, compatible: era.compatible, liveupdateNum: luo.liveupdate_num, sessionsPa: luo.sessions_pa, flbsPa: luo.flbs_pa, luoSerPa };
    }
    if (root.kind === 'fdt_nodes') {
      const liveupdateNum = u64Prop(fdt, root.liveupdateNum, 'luo fdt', ERA_KERNEL.fdtStartup);
      const child = (n: { node: string; compatible: string; property: string }, cite: string, missing: string): bigint => {
        const node = fdt.children.find((c) => c.name === n.node);
        if (!node) throw new DecodeError({ struct: 'luo fdt', field: n.node, offset: 0, address: pa }, `node '${n.node}' is missing; the kernel refuses the LUO state (${missing}, ${cite})`);
        if (!compatibles(node).includes(n.compatible)) {
          throw new DecodeError({ struct: `luo fdt ${n.node}`, field: 'compatible', offset: 0, address: pa }, `node '${n.node}' is '${compatibles(node).map(shown).join("', '")}', not '${n.compatible}'; the kernel refuses the LUO state (-EINVAL, ${cite})`);
        }
        return u64Prop(node, n.property, `luo fdt ${n.node}`, cite);
      };
      const sessionsPa = child(root.sessions, ERA_KERNEL.sessionSetup, '-EINVAL');
      const flbsPa = child(root.flbs, ERA_KERNEL.flbSetup, '-ENOENT');
      return { era, compatible: era.compatible, liveupdateNum, sessionsPa, flbsPa };
    }
  }
  // luo_ser era: the kernel compares luo_ser.compatible with its own string over the whole array (strncmp), after checking the blob holds a luo_ser.
  const stored = new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(0) < 0 ? bytes.length : bytes.indexOf(0)));
  for (const era of eras) {
    if (era.root.kind !== 'luo_ser' || era.compatible !== stored) continue;
    const codec = era.root.luo;
    if (bytes.length < codec.size) throw new DecodeError({ struct: codec.name, offset: 0, address: pa }, `the LUO blob is ${bytes.length} bytes, smaller than ${codec.name} of ${era.id} (${codec.size}); the kernel refuses it (${ERA_KERNEL.luoSerStartup})`);
    const luo = mem.decode(codec, pa, opts);
    return { era, compatible: luo.compatible, liveupdateNum: luo.liveupdate_num, sessionsPa: luo.sessions_pa, flbsPa: luo.flbs_pa, luoSerPa: pa };
  }
  const known = eras.filter((e) => e.root.kind === 'luo_ser').map((e) => e.compatible);
  throw new DecodeError({ struct: 'luo_ser', field: 'compatible', offset: 0, address: pa }, `luo_ser.compatible is '${shown(stored.slice(0, 64))}', which no known version stores (${known.join(', ')}); such a kernel refuses the LUO state (${ERA_KERNEL.luoSerStartup})`);
}

/** Where the writer put the root: the blob the KHO subtree names and its size. */
export interface LuoRootWritten {
  readonly pa: bigint;
  readonly size: bigint;
}

/**
 * Writes the root of `era` with the count and the two addresses, in pages
 * `allocPages` gives; returns the KHO subtree's data and size, as each
 * version's luo_fdt_setup (or its successor) registers it.
 */
export function writeLuoRoot(mem: PhysMem, root: LuoRootLayout, compatible: string, value: { liveupdateNum: bigint; sessionsPa: bigint; flbsPa: bigint }, allocPages: (n: number) => bigint): LuoRootWritten {
  const ps = mem.pageSize;
  const le64 = (v: bigint): Uint8Array => {
    const b = new Uint8Array(U64_BYTES);
    new DataView(b.buffer).setBigUint64(0, v, true);
    return b;
  };
  const str = (s: string): Uint8Array => new TextEncoder().encode(s + '\0');
  const place = (bytes: Uint8Array): LuoRootWritten => {
    const pa = allocPages(Math.max(1, Math.ceil(bytes.length / ps)));
    mem.write(pa, bytes);
    return { pa, size: BigInt(bytes.length) };
  };
  const fdt = (props: [string, Uint8Array][], children: FdtNode[] = []): Uint8Array => {
    const bytes = writeFdt({ name: '', props: new Map([['compatible', str(compatible)], ...props]), children });
    // The kernel builds the FDT in one LUO_FDT_SIZE (PAGE_SIZE) buffer.
    if (bytes.length > ps) throw new EncodeError({ struct: 'luo fdt', offset: 0 }, `the LUO FDT is ${bytes.length} bytes, more than a page`);
    return bytes;
  };
  switch (root.kind) {
    case 'luo_ser': {
      const pa = allocPages(1);
      mem.encode(root.luo, { compatible, liveupdate_num: value.liveupdateNum, sessions_pa: value.sessionsPa, flbs_pa: value.flbsPa }, pa);
      return { pa, size: BigInt(root.luo.size) };
    }
    case 'fdt_header': {
      const luoPa = allocPages(1);
      mem.write(luoPa, encodeBytes(root.luo, { liveupdate_num: value.liveupdateNum, sessions_pa: value.sessionsPa, flbs_pa: value.flbsPa }));
      return place(fdt([[root.property, le64(luoPa)]]));
    }
    case 'fdt_nodes': {
      const node = (n: { node: string; compatible: string; property: string }, pa: bigint): FdtNode => ({ name: n.node, props: new Map([['compatible', str(n.compatible)], [n.property, le64(pa)]]), children: [] });
      return place(fdt([[root.liveupdateNum, le64(value.liveupdateNum)]], [node(root.sessions, value.sessionsPa), node(root.flbs, value.flbsPa)]));
    }
  }
}
