/**
 * The KHO root as both the new kernel's restore (read.ts) and the inspect
 * walk (inspect.ts) read it, so that the two agree on every era: which
 * root a handover is (kho-v1, whose children name sub-FDTs and whose memory
 * map is a khoser_mem_chunk chain, or a later one with blobs and the radix
 * tree), the walk of its memory map, an FDT found by its address, and the
 * first bytes of the LUO blob that tell its version.
 */
import { DecodeError } from '../errors.js';
import { walkBitmapChain } from '../containers/bitmap-chain.js';
import { compatibleStrings, parseFdt } from '../containers/kho-fdt.js';
import { walkRadixTree } from '../containers/kho-radix.js';
import type { PhysMem } from '../phys-mem.js';
import type { ReadOptions } from '../warnings.js';
import { isFdtBlob } from './eras.js';
import type { LiveUpdateLayout } from './handlers.js';

/** kho-v1's lookup of a child, which hands back the address without asking the memory map. */
export const KHO_V1_RETRIEVE = 'kho_retrieve_subtree (kernel/kexec_handover.c, kho-v1)';

/** The kho-v1 layout when the root FDT is of that version (its compatible list holds the string); undefined otherwise or when it does not parse. */
export function khoV1Of(layout: LiveUpdateLayout, bytes: Uint8Array): LiveUpdateLayout['khoV1'] {
  const v1 = layout.khoV1;
  if (!v1) return undefined;
  try {
    const compat = parseFdt(bytes).props.get('compatible');
    return compat && compatibleStrings(compat, v1.fdt.name, undefined).includes(v1.compatible) ? v1 : undefined;
  } catch (e) {
    if (e instanceof DecodeError) return undefined;
    throw e;
  }
}

/**
 * Calls `visit(pfn, order)` for each block the root's memory map records:
 * kho-v1's chunk chain as kho_mem_deserialize walks it, or the radix tree as
 * kho_mem_retrieve walks it. Returns the number of blocks.
 */
export function walkKhoMemoryMap(mem: PhysMem, layout: LiveUpdateLayout, v1: LiveUpdateLayout['khoV1'], memoryMap: bigint, visit: (pfn: number, order: number) => void, opts: ReadOptions): number {
  return v1 ? walkBitmapChain(mem, v1.memoryMap, memoryMap, visit, opts) : walkRadixTree(mem, layout.radix, memoryMap, visit, opts);
}

/** FDT_MAGIC and the members of struct fdt_header the reader needs (the devicetree specification: big-endian u32s). */
const FDT_MAGIC = 0xd00dfeed;
const FDT_HEADER = { magic: 0, totalsize: 4, bytes: 40 } as const;
/** Most bytes of an FDT read from memory. */
export const MAX_FDT_BYTES = 1 << 24;

/** The FDT whose header is at `pa` in memory (the KHO root found by its address, a kho-v1 sub-FDT): its totalsize bytes. */
export function readFdtAt(mem: PhysMem, pa: bigint): Uint8Array {
  const head = mem.view(pa, FDT_HEADER.bytes, 'fdt_header');
  const magic = head.getUint32(FDT_HEADER.magic, false);
  if (magic !== FDT_MAGIC) throw new DecodeError({ struct: 'fdt_header', field: 'magic', offset: FDT_HEADER.magic, address: pa }, `0x${magic.toString(16)} is not the FDT magic 0x${FDT_MAGIC.toString(16)}`);
  const total = head.getUint32(FDT_HEADER.totalsize, false);
  if (total < FDT_HEADER.bytes || total > MAX_FDT_BYTES) throw new DecodeError({ struct: 'fdt_header', field: 'totalsize', offset: FDT_HEADER.totalsize, address: pa + BigInt(FDT_HEADER.totalsize) }, `totalsize ${total} is outside ${FDT_HEADER.bytes}..${MAX_FDT_BYTES}`);
  return mem.read(pa, total, 'fdt');
}

/**
 * The size of a kho-v1 child's data, which that root does not store: a
 * sub-FDT's totalsize. A LUO blob that is no FDT (a luo_ser, of luo-v3 on;
 * no kernel pairs those with kho-v1, but the simulation lets any LUO
 * version sit in any root) is read within its page.
 */
export function khoV1BlobSize(mem: PhysMem, pa: bigint, luo: boolean): bigint {
  if (luo && !isFdtBlob(mem.read(pa, 4, 'luo blob'))) return BigInt(mem.pageSize) - (pa % BigInt(mem.pageSize));
  return BigInt(readFdtAt(mem, pa).length);
}

/**
 * The LUO blob's bytes for readLuoRoot: a sub-FDT whole, by the totalsize
 * its header stores (libfdt bounds the FDT era's reads by it); a luo_ser
 * within its page (the blob's size, at most a page).
 */
export function luoBlobBytes(mem: PhysMem, pa: bigint, size: bigint): Uint8Array {
  const ps = BigInt(mem.pageSize);
  const head = mem.read(pa, Number(size < ps ? size : ps), 'luo blob');
  return isFdtBlob(head) ? readFdtAt(mem, pa) : head;
}
