/**
 * The flat dictionary (dictionary, LUO_DICT_CONTAINER) over a kho_block
 * chain: its reader's checks (rows D1-D7 of docs/reader-checks.md), the
 * lookup and its compatibility rule, and the dictionary used as the root
 * of a handover in place of the KHO FDT, leading to the LUO state.
 */
import { describe, expect, it } from 'vitest';
import { KHO_BLOCK_CONTAINER } from '../generated/ts/block.js';
import { LUO_ABI_COMPATIBLE, LUO_FILE_SET_SER_REFS, luoFileSerCodec, luoSerCodec, luoSessionSerCodec } from '../generated/ts/luo.js';
import { LUO_DICT_CONTAINER, LUO_DICT_TYPE_BLOB, LUO_DICT_TYPE_KHO_ARRAY } from '../generated/ts/luo_dict.js';
import { DecodeError, DictLookupError, lookupLuoDict, PhysMem, readLuoDict, readLuoSessions, writeBlockChain, writeLuoDict, type DictEntry } from '../runtime/index.js';
import { thrown } from './helpers/thrown.js';

const page = (n: number): bigint => BigInt(n) << 12n;
const descs = { dict: LUO_DICT_CONTAINER, blocks: KHO_BLOCK_CONTAINER };
const ROOT = page(2);
const entries: DictEntry[] = [
  { name: 'LUO', type: LUO_DICT_TYPE_BLOB, version: 5, address: page(0x20) },
  { name: 'memfd-folios', type: LUO_DICT_TYPE_KHO_ARRAY, version: 0, address: page(0x21) },
];
const message = (fn: () => unknown): string => (thrown(fn) as Error).message;

function image(list: readonly DictEntry[] = entries): PhysMem {
  const mem = new PhysMem();
  writeLuoDict(mem, descs, ROOT, [page(3), page(4)], list);
  return mem;
}

describe('LUO flat dictionary', () => {
  it('lays out 64-byte entries (name[48], type, version, pa) behind a 24-byte header; 63 entries per 4 KiB block', () => {
    expect(LUO_DICT_CONTAINER.entry.size).toBe(64);
    expect(LUO_DICT_CONTAINER.entry.key).toEqual({ name: 'name', offset: 0, size: 48 });
    expect(LUO_DICT_CONTAINER.header.size).toBe(24);
    expect(LUO_DICT_CONTAINER.via).toEqual({ kind: 'block_chain', name: 'kho_block' });
  });

  it('D7: reads back its entries; many entries span blocks', () => {
    expect(readLuoDict(image(), descs, ROOT)).toEqual(entries);
    const many = Array.from({ length: 100 }, (_, i) => ({ name: `obj-${i}`, type: LUO_DICT_TYPE_BLOB, version: 1, address: page(0x100 + i) }));
    expect(readLuoDict(image(many), descs, ROOT)).toEqual(many);
  });

  it('D1/D2: a magic or format version other than the declared ones is refused', () => {
    const mem = image();
    mem.write(ROOT + 4n, new Uint8Array([2, 0, 0, 0]));
    expect(message(() => readLuoDict(mem, descs, ROOT))).toMatch(/format version 2 is not 1/);
    mem.write(ROOT, new Uint8Array([0, 0, 0, 0]));
    expect(message(() => readLuoDict(mem, descs, ROOT))).toMatch(/not a dictionary/);
  });

  it('D3: entries 0 with count 0 is empty; a count that differs from the chain (2^64-1 included) is refused before anything is allocated for it', () => {
    expect(readLuoDict(image([]), descs, ROOT)).toEqual([]);
    const mem = image();
    mem.writeU64(ROOT + 8n, 0xffff_ffff_ffff_ffffn);
    expect(message(() => readLuoDict(mem, descs, ROOT))).toMatch(/count 18446744073709551615 but the chain holds 2/);
  });

  it('D4: a name listed twice is refused', () => {
    expect(message(() => readLuoDict(image([...entries, { ...entries[0]!, address: 0n }]), descs, ROOT))).toMatch(/'LUO' is listed twice/);
  });

  it('D5: a name without its NUL, or empty, is refused', () => {
    const mem = image();
    mem.write(page(3) + 16n, new Uint8Array(48).fill(0x41));
    expect(thrown(() => readLuoDict(mem, descs, ROOT))).toBeInstanceOf(DecodeError);
    mem.write(page(3) + 16n, new Uint8Array(48));
    expect(message(() => readLuoDict(mem, descs, ROOT))).toMatch(/name is empty/);
  });

  it('D6: a chain the block rules refuse (a block count of 0) refuses the dictionary', () => {
    const mem = image();
    mem.writeU64(page(3) + 8n, 0n);
    expect(message(() => readLuoDict(mem, descs, ROOT))).toMatch(/count 0 is outside/);
  });

  it('lookup: a missing name is ENOENT, another type EINVAL, a version the reader does not read EOPNOTSUPP', () => {
    const list = readLuoDict(image(), descs, ROOT);
    expect(lookupLuoDict(list, 'LUO', LUO_DICT_TYPE_BLOB, [5]).address).toBe(page(0x20));
    const errno = (fn: () => unknown) => (thrown(fn) as DictLookupError).errno;
    expect(errno(() => lookupLuoDict(list, 'luo', LUO_DICT_TYPE_BLOB, [5]))).toBe('ENOENT');
    expect(errno(() => lookupLuoDict(list, 'LUO', LUO_DICT_TYPE_KHO_ARRAY, [5]))).toBe('EINVAL');
    expect(errno(() => lookupLuoDict(list, 'LUO', LUO_DICT_TYPE_BLOB, [3, 4]))).toBe('EOPNOTSUPP');
  });

  it('serves as the root in place of the KHO FDT: the next kernel finds luo_ser by name and reads its sessions', () => {
    const mem = image();
    // luo_ser at page 0x20, one session with one file, in block chains.
    const file = { compatible: 'memfd-v2', data: page(0x30), token: 42n };
    const files = writeBlockChain(mem, KHO_BLOCK_CONTAINER, [page(0x22)], luoFileSerCodec, [file]);
    const sessionsPa = writeBlockChain(mem, KHO_BLOCK_CONTAINER, [page(0x23)], luoSessionSerCodec, [{ name: 'vm-1', file_set_ser: { files, count: 1n } }]);
    const luo = new Uint8Array(luoSerCodec.size);
    luoSerCodec.encode({ compatible: LUO_ABI_COMPATIBLE, liveupdate_num: 1n, sessions_pa: sessionsPa, flbs_pa: 0n }, new DataView(luo.buffer));
    mem.write(page(0x20), luo);
    const root = lookupLuoDict(readLuoDict(mem, descs, ROOT), 'LUO', LUO_DICT_TYPE_BLOB, [5]);
    const ser = mem.decode(luoSerCodec, root.address);
    const sessions = readLuoSessions(mem, { blocks: KHO_BLOCK_CONTAINER, files: LUO_FILE_SET_SER_REFS['files'] }, ser.sessions_pa, { session: luoSessionSerCodec, file: luoFileSerCodec });
    expect(sessions.map((s) => [s.session.name, s.files.map((f) => f.token)])).toEqual([['vm-1', [42n]]]);
  });
});
