/**
 * The flat dictionary (dictionary containers; schemas/luo_dict.yaml): a
 * header {magic, version, count, entries} whose entries (name, type,
 * version, address) are stored in a block chain. Every offset and size
 * comes from the caller's DictionaryDescriptor (LUO_DICT_CONTAINER) and
 * BlockChainDescriptor (KHO_BLOCK_CONTAINER); the rules are kho-abi's
 * proposal, written in the schema's doc: names unique, NUL-terminated and
 * not empty; the count equals the entries in the chain; lookup by the whole
 * name; the type must match and the version must be one the reader reads.
 */
import { DecodeError } from '../errors.js';
import { readUnsigned, writeUnsigned } from '../primitives.js';
import type { PhysMem } from '../phys-mem.js';
import { expectKind, forPageSize, U64_BYTES, type BlockChainDescriptor, type DictionaryDescriptor, type Resolved } from './descriptors.js';
import { restoreBlockChain, writeBlockChain, type BlockChainOptions } from './kho-block.js';
import { KERNEL } from './limits.js';

/** One entry of a dictionary. */
export interface DictEntry {
  readonly name: string;
  readonly type: number;
  readonly version: number;
  readonly address: bigint;
}

type Desc = Resolved<DictionaryDescriptor>;

function descFor(desc: DictionaryDescriptor, blocks: BlockChainDescriptor, pageSize: number): Desc {
  expectKind(desc, 'dictionary');
  expectKind(blocks, 'block_chain');
  const d = forPageSize(desc, pageSize);
  if (d.via.name !== blocks.name) throw new TypeError(`${d.name} stores its entries in ${d.via.name}, not in ${blocks.name}`);
  if (d.header.count.size !== U64_BYTES || d.header.entries.size !== U64_BYTES || d.entry.address.size !== U64_BYTES) throw new TypeError(`${d.name}: the dictionary walker reads an 8-byte count, entries and address`);
  return d;
}


/**
 * Reads the dictionary whose header is at `at`: the header's magic and
 * version, its chain (checked whole, as every block chain is), the count
 * against the entries read, and every name (NUL-terminated, not empty,
 * unique). Returns the entries in chain order.
 */
export function readLuoDict(mem: PhysMem, descs: { readonly dict: DictionaryDescriptor; readonly blocks: BlockChainDescriptor }, at: bigint, options: BlockChainOptions = {}): DictEntry[] {
  const d = descFor(descs.dict, descs.blocks, mem.pageSize);
  const h = d.header;
  const head = mem.view(at, h.size, h.name);
  const loc = (m: Desc['header']['magic'], base: bigint, struct: string) => ({ struct, field: m.name, offset: m.offset, address: base + BigInt(m.offset) });
  const magic = readUnsigned(head, h.magic.offset, h.magic.size);
  if (magic !== d.magic) throw new DecodeError(loc(h.magic, at, h.name), `magic 0x${magic.toString(16)} is not 0x${d.magic.toString(16)}: not a dictionary (${KERNEL.luoDict})`);
  const version = readUnsigned(head, h.version.offset, h.version.size);
  if (version !== d.version) throw new DecodeError(loc(h.version, at, h.name), `format version ${version} is not ${d.version} (${KERNEL.luoDict})`);
  const count = head.getBigUint64(h.count.offset, true);
  const first = head.getBigUint64(h.entries.offset, true);
  // The chain bounds the entries; the count is compared with them, never used to allocate.
  const chain = restoreBlockChain(mem, descs.blocks, first, d.entry.size, options);
  if (count !== BigInt(chain.total)) throw new DecodeError(loc(h.count, at, h.name), `count ${count} but the chain holds ${chain.total} entries (${KERNEL.luoDict})`);
  const e = d.entry;
  const entriesAt = forPageSize(descs.blocks, mem.pageSize).header.size;
  const out: DictEntry[] = [];
  // Names are told apart by their bytes, as strncmp does: two names that are not UTF-8 may decode alike.
  const names = new Set<string>();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let b = 0; b < chain.views.length; b++) {
    const view = chain.views[b]!;
    for (let i = 0; i < chain.counts[b]!; i++) {
      const off = entriesAt + i * e.size;
      const base = chain.addresses[b]! + BigInt(off);
      const bytes = new Uint8Array(view.buffer, view.byteOffset + off + e.key.offset, e.key.size);
      const nul = bytes.indexOf(0);
      if (nul < 0) throw new DecodeError(loc(e.key, base, e.name), `name has no NUL in its ${e.key.size} bytes (${KERNEL.luoDict})`);
      if (nul === 0) throw new DecodeError(loc(e.key, base, e.name), `name is empty (${KERNEL.luoDict})`);
      const name = decoder.decode(bytes.subarray(0, nul));
      // One character per byte (at most 48): the name's bytes, to compare them exactly.
      const raw = String.fromCharCode(...bytes.subarray(0, nul));
      if (names.has(raw)) throw new DecodeError(loc(e.key, base, e.name), `name '${name}' is listed twice; names are unique (${KERNEL.luoDict})`);
      names.add(raw);
      out.push({ name, type: readUnsigned(view, off + e.type.offset, e.type.size), version: readUnsigned(view, off + e.version.offset, e.version.size), address: view.getBigUint64(off + e.address.offset, true) });
    }
  }
  return out;
}

/** Why a lookup found nothing usable, as the kernel would return it. */
export class DictLookupError extends Error {
  constructor(
    readonly errno: 'ENOENT' | 'EINVAL' | 'EOPNOTSUPP',
    message: string,
  ) {
    super(message);
    this.name = 'DictLookupError';
  }
}

/**
 * The compatibility rule: the entry named `name`, if it has type `type`
 * and one of the versions the reader reads. A missing name is ENOENT, a
 * type mismatch EINVAL, a version the reader does not read EOPNOTSUPP.
 */
export function lookupLuoDict(entries: readonly DictEntry[], name: string, type: number, versions: readonly number[]): DictEntry {
  const found = entries.find((x) => x.name === name);
  if (!found) throw new DictLookupError('ENOENT', `no entry named '${name}'`);
  if (found.type !== type) throw new DictLookupError('EINVAL', `'${name}' is of type ${found.type}, not ${type}`);
  if (!versions.includes(found.version)) throw new DictLookupError('EOPNOTSUPP', `'${name}' is version ${found.version}; this reader reads ${versions.join(', ')}`);
  return found;
}

/** Writes a dictionary: its entries into a block chain at `blocks` (all full but the last), then its header at `at`. */
export function writeLuoDict(mem: PhysMem, descs: { readonly dict: DictionaryDescriptor; readonly blocks: BlockChainDescriptor }, at: bigint, blocks: readonly bigint[], entries: readonly DictEntry[]): void {
  const d = descFor(descs.dict, descs.blocks, mem.pageSize);
  const e = d.entry;
  const codec = {
    name: e.name,
    version: '',
    size: e.size,
    align: 1,
    decode: () => {
      throw new Error('write only');
    },
    encode: (x: DictEntry, view: DataView, offset = 0) => {
      const name = new TextEncoder().encode(x.name);
      if (name.length === 0 || name.length >= e.key.size) throw new RangeError(`name '${x.name}' does not fit ${e.key.size} bytes with its NUL`);
      new Uint8Array(view.buffer, view.byteOffset + offset + e.key.offset, e.key.size).set(name);
      writeUnsigned(view, offset + e.type.offset, e.type.size, x.type);
      writeUnsigned(view, offset + e.version.offset, e.version.size, x.version);
      view.setBigUint64(offset + e.address.offset, x.address, true);
    },
  };
  const first = writeBlockChain(mem, descs.blocks, blocks, codec, entries);
  const head = new Uint8Array(d.header.size);
  const hv = new DataView(head.buffer);
  writeUnsigned(hv, d.header.magic.offset, d.header.magic.size, d.magic);
  writeUnsigned(hv, d.header.version.offset, d.header.version.size, d.version);
  hv.setBigUint64(d.header.count.offset, BigInt(entries.length), true);
  hv.setBigUint64(d.header.entries.offset, first, true);
  mem.write(at, head);
}
