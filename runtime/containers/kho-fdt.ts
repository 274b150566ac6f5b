/**
 * The KHO root: a flattened device tree of one page (kernel-abi.md section
 * 5). Its root node has `compatible` and `preserved-memory-map` (the
 * physical address of the radix tree's root); each child node is a blob a
 * subsystem registered, with `preserved-data` (its physical address) and
 * `blob-size`. Unlike the rest of an FDT, these integers are in CPU byte
 * order (little endian), and a reader requires each to be exactly its size.
 * The property names and sizes come from the caller's FdtDescriptor
 * (KHO_FDT_CONTAINER in generated/ts/kexec_handover.ts); what is here is
 * the FDT format itself (header, tokens), which is libfdt's, not KHO's.
 */
import { DecodeError, EncodeError } from '../errors.js';
import { escapeText, firstInvalidUtf8 } from '../quote.js';
import { acceptedAnomaly, type ReadOptions } from '../warnings.js';
import { expectKind, type FdtDescriptor, type FdtPropertyDescriptor } from './descriptors.js';
import { KERNEL } from './limits.js';

const FDT_MAGIC = 0xd00dfeed;
const FDT_BEGIN_NODE = 1;
const FDT_END_NODE = 2;
const FDT_PROP = 3;
const FDT_NOP = 4;
const FDT_END = 9;
const HEADER_SIZE = 40;
/** Where the FDT format (libfdt's struct fdt_header, big endian) keeps what the parser reads; not a KHO layout. */
const FDT_HEADER_AT = { magic: 0, totalsize: 4, structBlock: 8, stringsBlock: 12, lastCompVersion: 24, stringsSize: 32, structSize: 36 } as const;
/** Nodes deeper than this are not a KHO tree. */
const MAX_DEPTH = 16;

export interface FdtNode {
  /**
   * The node name. The FDT format allows any bytes but NUL in it (libfdt's
   * fdt_get_name() returns them as they are); a name that is not UTF-8 is
   * shown with each invalid byte as \xHH, and `nameBytes` holds its bytes.
   */
  readonly name: string;
  /** The exact bytes of a name that is not UTF-8; absent for a UTF-8 name. */
  readonly nameBytes?: Uint8Array;
  readonly props: ReadonlyMap<string, Uint8Array>;
  readonly children: readonly FdtNode[];
}

const fail = (offset: number, reason: string): never => {
  throw new DecodeError({ struct: 'fdt', offset }, reason);
};

/** The bytes of a NUL-terminated string inside [at, end). */
function cstringBytes(bytes: Uint8Array, at: number, end: number, what: string): Uint8Array {
  const nul = bytes.indexOf(0, at);
  if (nul < 0 || nul >= end) fail(at, `${what} has no NUL before the end of its block`);
  return bytes.subarray(at, nul);
}

/** A name as text: itself when it is UTF-8, otherwise with the invalid bytes escaped (and the bytes kept). */
function nameOf(raw: Uint8Array): { name: string; nameBytes?: Uint8Array } {
  if (firstInvalidUtf8(raw) === undefined) return { name: new TextDecoder().decode(raw) };
  return { name: escapeText(raw, Infinity), nameBytes: raw.slice() };
}

/** A name in a message: escaped and shortened, it may come from a corrupt image. */
export const shownName = (name: string): string => escapeText(name);

/** Parses a flattened device tree blob (version 16 or 17 format), bounds-checked throughout. */
export function parseFdt(bytes: Uint8Array): FdtNode {
  if (bytes.length < HEADER_SIZE) fail(0, `${bytes.length} bytes is shorter than an FDT header`);
  const be = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = FDT_HEADER_AT;
  const magic = be.getUint32(h.magic);
  if (magic !== FDT_MAGIC) fail(h.magic, `bad magic 0x${magic.toString(16)}, expected 0xd00dfeed`);
  const total = be.getUint32(h.totalsize);
  const offStruct = be.getUint32(h.structBlock);
  const offStrings = be.getUint32(h.stringsBlock);
  const lastComp = be.getUint32(h.lastCompVersion);
  const sizeStrings = be.getUint32(h.stringsSize);
  const sizeStruct = be.getUint32(h.structSize);
  if (total > bytes.length) fail(h.totalsize, `totalsize ${total} is larger than the ${bytes.length} bytes available`);
  if (lastComp > 17) fail(h.lastCompVersion, `last compatible version ${lastComp} is newer than 17`);
  if (offStruct + sizeStruct > total || offStrings + sizeStrings > total) fail(h.structBlock, 'the structure or strings block runs past totalsize');
  const structEnd = offStruct + sizeStruct;
  let at = offStruct;
  const token = (): number => {
    if (at + 4 > structEnd) fail(at, 'the structure block ends without FDT_END');
    const t = be.getUint32(at);
    at += 4;
    return t;
  };
  const node = (depth: number): FdtNode => {
    if (depth > MAX_DEPTH) fail(at, `nodes nested deeper than ${MAX_DEPTH}`);
    const raw = cstringBytes(bytes, at, structEnd, 'a node name');
    const { name, nameBytes } = nameOf(raw);
    // Advance by the bytes, not by a decoded string: a name that is not UTF-8 decodes to another length.
    at += (raw.length + 1 + 3) & ~3;
    const props = new Map<string, Uint8Array>();
    const children: FdtNode[] = [];
    for (;;) {
      const start = at;
      const t = token();
      if (t === FDT_NOP) continue;
      if (t === FDT_END_NODE) return nameBytes ? { name, nameBytes, props, children } : { name, props, children };
      if (t === FDT_BEGIN_NODE) {
        children.push(node(depth + 1));
        continue;
      }
      if (t !== FDT_PROP) fail(start, `unexpected token ${t} inside node '${shownName(name)}'`);
      if (at + 8 > structEnd) fail(at, 'a property header runs past the structure block');
      const len = be.getUint32(at);
      const nameOff = be.getUint32(at + 4);
      at += 8;
      if (at + len > structEnd) fail(at, `property of ${len} bytes runs past the structure block`);
      if (nameOff >= sizeStrings) fail(at - 4, `property name offset ${nameOff} is outside the strings block`);
      const propName = new TextDecoder().decode(cstringBytes(bytes, offStrings + nameOff, offStrings + sizeStrings, 'a property name'));
      props.set(propName, bytes.slice(at, at + len));
      at += (len + 3) & ~3;
    }
  };
  let t = token();
  while (t === FDT_NOP) t = token();
  if (t !== FDT_BEGIN_NODE) fail(at - 4, `the structure block starts with token ${t}, not FDT_BEGIN_NODE`);
  const root = node(0);
  t = token();
  while (t === FDT_NOP) t = token();
  if (t !== FDT_END) fail(at - 4, `token ${t} after the root node, expected FDT_END`);
  return root;
}

export interface KhoSubtree {
  /** The node name (see FdtNode.name: a name that is not UTF-8 is shown escaped). */
  readonly name: string;
  /** The exact bytes of a name that is not UTF-8; the writer uses them instead of `name` when present. */
  readonly nameBytes?: Uint8Array;
  /** preserved-data: physical address of the blob. */
  readonly data: bigint;
  /** blob-size: its size in bytes (0 for kho-v1, whose FDT stores none). */
  readonly size: bigint;
}

export interface KhoRoot {
  /** The first string of the root's compatible list. */
  readonly compatible: string;
  /** Its exact bytes when they are not UTF-8 (`compatible` then has U+FFFD in their place). Set by readKhoFdt. */
  readonly compatibleBytes?: Uint8Array;
  /**
   * Every string of the list, as fdt_node_check_compatible compares them: the
   * kernel accepts the FDT when any one equals its KHO_FDT_COMPATIBLE.
   * Set by readKhoFdt; the writer writes `compatible` alone.
   */
  readonly compatibles?: readonly string[];
  /** preserved-memory-map: physical address of the radix tree's root. */
  readonly memoryMap: bigint;
  /** The children kho_retrieve_subtree finds whole, in document order. */
  readonly subtrees: readonly KhoSubtree[];
  /** The children whose lookup the kernel fails (and only that lookup), with why. Set by readKhoFdt. */
  readonly failed?: readonly KhoSubtreeFailure[];
}

/** A child node kho_retrieve_subtree refuses: a property missing or not 8 bytes, or a name an earlier child has. */
export interface KhoSubtreeFailure {
  readonly name: string;
  readonly nameBytes?: Uint8Array;
  /** The property at fault, when one is. */
  readonly field?: string;
  readonly reason: string;
  /** The kernel function that refuses it. */
  readonly kernel: string;
}

/** A native-endian u64 property, or why the kernel's fdt_getprop check (present, len == its size) fails. */
function u64Prop(node: FdtNode, prop: FdtPropertyDescriptor): bigint | string {
  const { name } = prop;
  const size = prop.size ?? 0;
  const v = node.props.get(name);
  if (!v) return `has no '${name}' property`;
  if (v.length !== size) return `has '${name}' of ${v.length} bytes, not ${size}`;
  return new DataView(v.buffer, v.byteOffset, size).getBigUint64(0, true);
}

/** The descriptor, checked to be one this reader reads (u64 properties of 8 bytes). */
function fdtFor(fdt: FdtDescriptor): FdtDescriptor {
  expectKind(fdt, 'fdt');
  for (const p of [fdt.memoryMap, fdt.data, ...(fdt.size ? [fdt.size] : [])]) if (p.type !== 'u64' || p.size !== 8) throw new TypeError(`${fdt.name}: property '${p.name}' is not a u64 of 8 bytes`);
  return fdt;
}

/**
 * The strings of a compatible property as fdt_stringlist_contains matches
 * them: each NUL-terminated string, and a last one without its NUL too
 * (libfdt compares it with the byte that follows the property, which in a
 * well-formed blob is always 0: padding or a token's high byte).
 */
export function compatibleStrings(value: Uint8Array, struct: string, opts: ReadOptions | undefined): string[] {
  const out: string[] = [];
  const utf8 = new TextDecoder();
  let at = 0;
  while (at < value.length) {
    const nul = value.indexOf(0, at);
    if (nul < 0) {
      acceptedAnomaly(
        opts,
        'unterminated-string',
        new DecodeError({ struct, field: 'compatible', offset: at }, `the last compatible string '${shownName(utf8.decode(value.subarray(at)))}' has no NUL; libfdt still matches it`),
        KERNEL.stringlist,
      );
      out.push(utf8.decode(value.subarray(at)));
      break;
    }
    out.push(utf8.decode(value.subarray(at, nul)));
    at = nul + 1;
  }
  return out;
}

/**
 * The KHO root FDT as the next kernel reads it. Refuses what makes the
 * kernel drop the whole handover (kho_populate): no compatible, an empty one,
 * a memory map missing, not 8 bytes or 0. A child the kernel cannot
 * retrieve fails alone: it is listed in `failed` and the others are read.
 */
export function readKhoFdt(fdt: FdtDescriptor, bytes: Uint8Array, opts?: ReadOptions): KhoRoot {
  const names = fdtFor(fdt);
  const root = parseFdt(bytes);
  const compat = root.props.get('compatible');
  if (!compat) throw new DecodeError({ struct: names.name, field: 'compatible', offset: 0 }, `the root node has no compatible property; the kernel drops the handover (${KERNEL.populate})`);
  if (compat.length === 0) throw new DecodeError({ struct: names.name, field: 'compatible', offset: 0 }, `the compatible property is empty and matches nothing; the kernel drops the handover (${KERNEL.populate})`);
  const compatibles = compatibleStrings(compat, names.name, opts);
  const memoryMap = u64Prop(root, names.memoryMap);
  if (typeof memoryMap === 'string') throw new DecodeError({ struct: names.name, field: names.memoryMap.name, offset: 0 }, `the root node ${memoryMap}; the kernel drops the handover (${KERNEL.memMapPhys})`);
  if (memoryMap === 0n) throw new DecodeError({ struct: names.name, field: names.memoryMap.name, offset: 0 }, `the memory map is at 0; the kernel drops the handover (${KERNEL.memMapPhys})`);
  const subtrees: KhoSubtree[] = [];
  const failed: KhoSubtreeFailure[] = [];
  const seen = new Set<string>();
  for (const c of root.children) {
    const id = { name: c.name, ...(c.nameBytes ? { nameBytes: c.nameBytes } : {}) };
    const where = `node '${shownName(c.name)}'`;
    // fdt_subnode_offset returns the first child of a name: a later one is never retrieved.
    if (seen.has(c.name)) {
      failed.push({ ...id, reason: `${where} has the name of an earlier node, which the kernel's lookup finds instead`, kernel: KERNEL.subnodeOffset });
      continue;
    }
    seen.add(c.name);
    const data = u64Prop(c, names.data);
    if (typeof data === 'string') {
      failed.push({ ...id, field: names.data.name, reason: `${where} ${data}`, kernel: KERNEL.retrieveSubtree });
      continue;
    }
    // kho-v1 stores no size: the child names a sub-FDT, sized by its own header (size 0 here).
    const size = names.size ? u64Prop(c, names.size) : 0n;
    if (typeof size === 'string') {
      failed.push({ ...id, field: names.size!.name, reason: `${where} ${size}`, kernel: KERNEL.retrieveSubtree });
      continue;
    }
    subtrees.push({ ...id, data, size });
  }
  const nul = compat.indexOf(0);
  const first = compat.subarray(0, nul < 0 ? compat.length : nul);
  return { compatible: compatibles[0]!, ...(firstInvalidUtf8(first) !== undefined ? { compatibleBytes: first.slice() } : {}), compatibles, memoryMap, subtrees, failed };
}

/** Does the FDT's compatible list hold `expected`, as fdt_node_check_compatible asks? */
export function khoFdtIsCompatible(root: KhoRoot, expected: string): boolean {
  return (root.compatibles ?? [root.compatible]).includes(expected);
}

/** The child kho_retrieve_subtree(name) returns, or why the kernel's lookup fails. */
export function khoSubtree(root: KhoRoot, name: string): KhoSubtree | KhoSubtreeFailure | undefined {
  return root.subtrees.find((t) => t.name === name) ?? root.failed?.find((t) => t.name === name && t.field !== undefined);
}

/** Writes a KHO root FDT as the outgoing kernel does (libfdt's sequential-write layout). */
export function writeKhoFdt(fdt: FdtDescriptor, root: KhoRoot): Uint8Array {
  const names = fdtFor(fdt);
  const le64 = (v: bigint): Uint8Array => {
    const b = new Uint8Array(names.memoryMap.size ?? 0);
    new DataView(b.buffer).setBigUint64(0, v, true);
    return b;
  };
  const props = (entries: [string, Uint8Array][]): ReadonlyMap<string, Uint8Array> => new Map(entries);
  return writeFdt({
    name: '',
    props: props([
      ['compatible', root.compatibleBytes ? Uint8Array.from([...root.compatibleBytes, 0]) : new TextEncoder().encode(root.compatible + '\0')],
      [names.memoryMap.name, le64(root.memoryMap)],
    ]),
    children: root.subtrees.map((s) => ({
      name: s.name,
      ...(s.nameBytes ? { nameBytes: s.nameBytes } : {}),
      props: props([[names.data.name, le64(s.data)], ...(names.size ? [[names.size.name, le64(s.size)] as [string, Uint8Array]] : [])]),
      children: [],
    })),
  });
}

/** Writes a tree in the FDT format (version 17, libfdt's sequential-write layout): properties in map order, then the children. */
export function writeFdt(root: FdtNode): Uint8Array {
  const strings: string[] = [];
  const stringOffset = (name: string): number => {
    let off = 0;
    for (const s of strings) {
      if (s === name) return off;
      off += Buffer.byteLength(s) + 1;
    }
    strings.push(name);
    return off;
  };
  const struct: number[] = [];
  const u32 = (v: number): void => {
    struct.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
  };
  const pad = (): void => {
    while (struct.length % 4) struct.push(0);
  };
  const node = (n: FdtNode, depth: number): void => {
    if (depth > MAX_DEPTH) throw new EncodeError({ struct: 'fdt', offset: struct.length }, `nodes nested deeper than ${MAX_DEPTH}`);
    const name = n.nameBytes ?? new TextEncoder().encode(n.name);
    if (name.includes(0)) throw new EncodeError({ struct: 'fdt', offset: struct.length }, `node name '${shownName(new TextDecoder().decode(name))}' contains a NUL byte`);
    u32(FDT_BEGIN_NODE);
    struct.push(...name, 0);
    pad();
    for (const [key, value] of n.props) {
      u32(FDT_PROP);
      u32(value.length);
      u32(stringOffset(key));
      struct.push(...value);
      pad();
    }
    for (const c of n.children) node(c, depth + 1);
    u32(FDT_END_NODE);
  };
  node(root, 0);
  u32(FDT_END);
  const stringBytes = new TextEncoder().encode(strings.map((s) => s + '\0').join(''));
  const offRsv = HEADER_SIZE;
  const offStruct = offRsv + 16; // one empty reservation entry
  const offStrings = offStruct + struct.length;
  const total = offStrings + stringBytes.length;
  const out = new Uint8Array(total);
  const be = new DataView(out.buffer);
  [FDT_MAGIC, total, offStruct, offStrings, offRsv, 17, 16, 0, stringBytes.length, struct.length].forEach((v, i) => be.setUint32(i * 4, v));
  out.set(struct, offStruct);
  out.set(stringBytes, offStrings);
  return out;
}
