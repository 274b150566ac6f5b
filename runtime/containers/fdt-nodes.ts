/**
 * A sub-FDT of one root and one child per item, each child with its own
 * compatible string and native-endian u64 properties: memblock's
 * reserve_mem regions (the KHO blob "memblock", kernel-abi.md section 5;
 * MEMBLOCK_FDT_CONTAINER in generated/ts/memblock.ts). The strings and
 * property names come from the caller's FdtNodesDescriptor.
 *
 * The next kernel reads it in mm/memblock.c: reserve_mem_kho_retrieve_fdt
 * checks the root's compatible once, and every reserve_mem= parameter then
 * calls reserve_mem_kho_revive(name, size, align), which finds the child of
 * that name (fdt_subnode_offset: the first of that name), checks its
 * compatible, requires start and size of exactly 8 bytes, start aligned to
 * the parameter's align and size equal to the parameter's size. A region
 * that fails is not revived (the kernel allocates it afresh); the others
 * are. This reader cannot know the command line, so it lists every child:
 * each one the kernel could revive as a region, each other one in `failed`
 * with the reason. docs/reader-checks.md, rows MB1-MB8.
 */
import { DecodeError } from '../errors.js';
import type { ReadOptions } from '../warnings.js';
import { expectKind, type FdtNodesDescriptor, type FdtPropertyDescriptor } from './descriptors.js';
import { compatibleStrings, parseFdt, shownName, writeFdt, type FdtNode } from './kho-fdt.js';

/** mm/memblock.c, the functions the reader follows. */
const MEMBLOCK = {
  retrieve: 'reserve_mem_kho_retrieve_fdt (mm/memblock.c)',
  revive: 'reserve_mem_kho_revive (mm/memblock.c)',
  subnode: 'fdt_subnode_offset via reserve_mem_kho_revive (mm/memblock.c)',
  param: 'reserve_mem (mm/memblock.c)',
} as const;

const COMPATIBLE = 'compatible';

/** One child the kernel can revive: its name, every u64 property, and by role its start and size. */
export interface FdtItem {
  readonly name: string;
  /** The exact bytes of a name that is not UTF-8. */
  readonly nameBytes?: Uint8Array;
  readonly values: Readonly<Record<string, bigint>>;
  readonly start?: bigint;
  readonly size?: bigint;
}

/** A child the kernel cannot revive, and why. */
export interface FdtItemFailure {
  readonly name: string;
  readonly nameBytes?: Uint8Array;
  /** The property at fault, when one is. */
  readonly field?: string;
  readonly reason: string;
  readonly kernel: string;
}

export interface FdtItems {
  /** Every string of the root's compatible list. */
  readonly compatibles: readonly string[];
  readonly items: readonly FdtItem[];
  readonly failed: readonly FdtItemFailure[];
}

function descriptorFor(desc: FdtNodesDescriptor): FdtNodesDescriptor {
  expectKind(desc, 'fdt_nodes');
  for (const p of Object.values(desc.nodeProperties)) if (p.type !== 'u64' || p.size !== 8) throw new TypeError(`${desc.name}: property '${p.name}' is not a u64 of 8 bytes`);
  return desc;
}

/** A u64 property, or why the kernel's check (present, exactly its size) fails. */
function u64Prop(node: FdtNode, prop: FdtPropertyDescriptor): bigint | string {
  const v = node.props.get(prop.name);
  if (!v) return `has no '${prop.name}' property`;
  if (v.length !== prop.size) return `has '${prop.name}' of ${v.length} bytes, not ${prop.size}`;
  return new DataView(v.buffer, v.byteOffset, v.length).getBigUint64(0, true);
}

/**
 * The children of the sub-FDT in `bytes` as the next kernel revives them.
 * Refuses what makes the kernel ignore the whole FDT (MB1, MB2: not an FDT,
 * no root compatible or not the descriptor's); a child the kernel would not
 * revive (MB3-MB6) is listed in `failed` and the others are read.
 */
export function readFdtNodes(desc: FdtNodesDescriptor, bytes: Uint8Array, opts?: ReadOptions): FdtItems {
  const d = descriptorFor(desc);
  // MB1: a blob libfdt cannot read; fdt_node_check_compatible fails on it and the FDT is dropped.
  const root = parseFdt(bytes);
  const compat = root.props.get(COMPATIBLE);
  // MB2: fdt_node_check_compatible fails on a missing or empty list, or one without the string.
  if (!compat || compat.length === 0) throw new DecodeError({ struct: d.name, field: COMPATIBLE, offset: 0 }, `the root node has ${compat ? 'an empty' : 'no'} compatible property; the kernel revives no region from it (${MEMBLOCK.retrieve})`);
  const compatibles = compatibleStrings(compat, d.name, opts);
  if (!compatibles.includes(d.compatible)) throw new DecodeError({ struct: d.name, field: COMPATIBLE, offset: 0 }, `the root is compatible with ${compatibles.map((c) => `'${shownName(c)}'`).join(', ')}, not '${d.compatible}'; the kernel revives no region from it (${MEMBLOCK.retrieve})`);
  const props = Object.values(d.nodeProperties);
  const items: FdtItem[] = [];
  const failed: FdtItemFailure[] = [];
  const seen = new Set<string>();
  for (const c of root.children) {
    const id = { name: c.name, ...(c.nameBytes ? { nameBytes: c.nameBytes } : {}) };
    const where = `node '${shownName(c.name)}'`;
    // MB3: the lookup by name finds the first child of a name; a later one is never revived.
    if (seen.has(c.name)) {
      failed.push({ ...id, reason: `${where} has the name of an earlier node, which the kernel's lookup finds instead`, kernel: MEMBLOCK.subnode });
      continue;
    }
    seen.add(c.name);
    // MB4: the child's own compatible check.
    const cc = c.props.get(COMPATIBLE);
    const ccs = cc && cc.length > 0 ? compatibleStrings(cc, d.name, opts) : [];
    if (!ccs.includes(d.nodeCompatible)) {
      failed.push({ ...id, field: COMPATIBLE, reason: `${where} is not compatible with '${d.nodeCompatible}'`, kernel: MEMBLOCK.revive });
      continue;
    }
    // MB5: start and size must be there and exactly 8 bytes.
    const values: Record<string, bigint> = {};
    let bad: FdtItemFailure | undefined;
    for (const p of props) {
      const v = u64Prop(c, p);
      if (typeof v === 'string') {
        bad = { ...id, field: p.name, reason: `${where} ${v}`, kernel: MEMBLOCK.revive };
        break;
      }
      values[p.name] = v;
    }
    if (bad) {
      failed.push(bad);
      continue;
    }
    const start = d.roles.start !== undefined ? values[d.roles.start] : undefined;
    const size = d.roles.size !== undefined ? values[d.roles.size] : undefined;
    // MB6: reserve_mem refuses a size of 0, so the size check (stored == parameter) never passes.
    if (size === 0n) {
      failed.push({ ...id, field: d.roles.size, reason: `${where} has size 0, which no reserve_mem= parameter has (${MEMBLOCK.param} refuses it), so the size check never passes`, kernel: MEMBLOCK.revive });
      continue;
    }
    items.push({ ...id, values, ...(start !== undefined ? { start } : {}), ...(size !== undefined ? { size } : {}) });
  }
  return { compatibles, items, failed };
}

/** The item the kernel's reserve_mem_kho_revive(name, ...) finds, or why it finds none it can use; undefined when no child has the name. */
export function fdtNodeItem(read: FdtItems, name: string): FdtItem | FdtItemFailure | undefined {
  return read.items.find((t) => t.name === name) ?? read.failed.find((t) => t.name === name && t.field !== undefined);
}

/** Writes the sub-FDT as mm/memblock.c's prepare_kho_fdt lays it out: the root's compatible, then each item's compatible and properties in the descriptor's order. */
export function writeFdtNodes(desc: FdtNodesDescriptor, items: readonly { readonly name: string; readonly nameBytes?: Uint8Array; readonly values: Readonly<Record<string, bigint>> }[]): Uint8Array {
  const d = descriptorFor(desc);
  const str = (s: string): Uint8Array => new TextEncoder().encode(s + '\0');
  return writeFdt({
    name: '',
    props: new Map([[COMPATIBLE, str(d.compatible)]]),
    children: items.map((it) => ({
      name: it.name,
      ...(it.nameBytes ? { nameBytes: it.nameBytes } : {}),
      props: new Map<string, Uint8Array>([
        [COMPATIBLE, str(d.nodeCompatible)],
        ...Object.values(d.nodeProperties).map((p): [string, Uint8Array] => {
          const v = it.values[p.name];
          if (v === undefined) throw new TypeError(`item '${it.name}' has no value for '${p.name}'`);
          const b = new Uint8Array(p.size ?? 0);
          new DataView(b.buffer).setBigUint64(0, v, true);
          return [p.name, b];
        }),
      ]),
      children: [],
    })),
  });
}
