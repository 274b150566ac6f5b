/**
 * Version dispatch: the compatible string found in luo_file_ser.compatible
 * picks the codec that reads the memfd blob. The bytes are laid out by hand
 * at the offsets the kernel's memfd-v1 and memfd-v2 headers give
 * (kernel-abi.md section 2), not by the codecs under test.
 */
import { describe, expect, it } from 'vitest';
import { memfdVersionFor, OFFSETOF_MemfdLuoFolioSer, OFFSETOF_MemfdLuoSer, OFFSETOF_MemfdLuoSerV1 } from '../generated/ts/memfd.js';
import { CompatError } from '../runtime/index.js';

function blob(size: number, u64s: Record<number, bigint>, u32s: Record<number, number> = {}): DataView {
  const view = new DataView(new ArrayBuffer(size));
  for (const [at, v] of Object.entries(u64s)) view.setBigUint64(Number(at), v, true);
  for (const [at, v] of Object.entries(u32s)) view.setUint32(Number(at), v, true);
  return view;
}

const folios = { first: 0x5000n, total_pages: 2, flags: 1, order: 0 };

describe('memfd version dispatch', () => {
  it('the exported offsets are the kernel headers\' offsets', () => {
    expect(OFFSETOF_MemfdLuoSerV1).toEqual({ pos: 0, size: 8, nr_folios: 16, folios: 24 });
    expect(OFFSETOF_MemfdLuoSer).toEqual({ pos: 0, size: 8, seals: 16, flags: 20, nr_folios: 24, folios: 32 });
    expect(OFFSETOF_MemfdLuoFolioSer).toEqual({ pfn: 0, flags: 0, index: 8 });
  });

  it('"memfd-v1" reads the 40-byte layout: no seals, the vmalloc descriptor at 24', () => {
    const v1 = blob(40, { 0: 7n, 8: 8192n, 16: 2n, 24: 0x5000n }, { 32: 2, 36: 1 });
    const version = memfdVersionFor('memfd-v1');
    const codec = version.structs.memfd_luo_ser![4096];
    expect(codec.size).toBe(40);
    expect(codec.decode(v1)).toEqual({ pos: 7n, size: 8192n, nr_folios: 2, folios });
  });

  it('"memfd-v2" reads the 48-byte layout: seals and flags at 16 and 20, the descriptor at 32', () => {
    const v2 = blob(48, { 0: 7n, 8: 8192n, 24: 2n, 32: 0x5000n }, { 16: 0x3f, 20: 0, 40: 2, 44: 1 });
    const codec = memfdVersionFor('memfd-v2').structs.memfd_luo_ser![4096];
    expect(codec.size).toBe(48);
    expect(codec.decode(v2)).toEqual({ pos: 7n, size: 8192n, seals: 0x3f, flags: 0, nr_folios: 2, folios });
  });

  it('refuses an unknown version, naming what it found and what it supports', () => {
    let message = '';
    try {
      memfdVersionFor('memfd-v3');
    } catch (e) {
      expect(e).toBeInstanceOf(CompatError);
      message = (e as Error).message;
    }
    expect(message).toBe(
      '"memfd-v3" is not compatible with "memfd-v2": memfd: found memfd-v3, supported memfd-v2; supported: "memfd-v1", "memfd-v2", "memfd-v2;vmalloc-v1"',
    );
  });
});
