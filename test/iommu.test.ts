/**
 * The IOMMU FLB (schemas/iommu.yaml, samikhawaja 07a49313): a kernel pointer
 * read as an opaque u64 and written as 0, a one-bit group that takes one
 * byte of a packed struct, and the version member a reader holds to one value.
 */
import { describe, expect, it } from 'vitest';
import {
  iommuDomainSerCodec,
  iommuFlbSerCodec,
  IommuDomainSerView,
  iommuHwSerCodec,
  IOMMU_DEVICE_ARRAYS_CONTAINER,
  IOMMU_DOMAIN_ARRAYS_CONTAINER,
  IOMMU_FLB_SER_REFS,
  IOMMU_HW_ARRAYS_CONTAINER,
  IOMMU_LUO_FLB_VERSION,
  IOMMU_SER_FLAG_DELETED,
  IOMMU_SER_FLAG_INCOMING,
  SIZEOF_IommuDomainSer,
  type IommuHwSer,
} from '../generated/ts/iommu.js';
import { DecodeError, decodeBytes, encodeBytes, MemoryError, PhysMem, readArrayChain, ReaderLimitError, restoreArrayChain, walkArrayChain, writeArrayChain } from '../runtime/index.js';
import { thrown } from './helpers/thrown.js';

describe('struct iommu_domain_ser', () => {
  const bytes = (): Uint8Array => {
    const b = new Uint8Array(SIZEOF_IommuDomainSer);
    const v = new DataView(b.buffer);
    v.setUint32(0, 1, true); // hdr.ref_count
    v.setBigUint64(8, 0x1234000n, true); // top_table_phys
    v.setBigUint64(16, 4n, true); // top_level
    v.setUint32(24, 57, true); // vasz
    v.setUint8(28, 0xff); // sign_extend, and 7 bits gcc leaves as padding
    v.setBigUint64(29, 0xffff888812345678n, true); // restored_domain: a stale kernel pointer
    return b;
  };

  it('decodes the pointer as the bits stored, and sign_extend from bit 0 of byte 28 alone', () => {
    const d = decodeBytes(iommuDomainSerCodec, bytes());
    expect(d.restored_domain).toBe(0xffff888812345678n);
    expect([d.vasz, d.sign_extend, d.top_table_phys]).toEqual([57, 1, 0x1234000n]);
    const view = new IommuDomainSerView(new DataView(bytes().buffer), 0);
    expect([view.restored_domain, view.sign_extend]).toEqual([0xffff888812345678n, 1]);
  });

  it('encodes 0 in the pointer whatever the value holds, and touches no byte beyond the bit group but its own', () => {
    const d = decodeBytes(iommuDomainSerCodec, bytes());
    const out = encodeBytes(iommuDomainSerCodec, d);
    expect(out.length).toBe(37);
    const v = new DataView(out.buffer);
    expect(v.getBigUint64(29, true)).toBe(0n);
    expect(out[28]).toBe(1);
    expect(decodeBytes(iommuDomainSerCodec, out)).toEqual({ ...d, restored_domain: 0n });
  });
});

describe('struct iommu_flb_ser', () => {
  it('leads to the three chains through its refs', () => {
    expect(Object.fromEntries(Object.entries(IOMMU_FLB_SER_REFS).map(([k, e]) => [k, e.via?.name]))).toEqual({
      iommu_array_phys: IOMMU_HW_ARRAYS_CONTAINER.name,
      iommu_domain_array_phys: IOMMU_DOMAIN_ARRAYS_CONTAINER.name,
      device_array_phys: IOMMU_DEVICE_ARRAYS_CONTAINER.name,
    });
  });

  it('holds version to IOMMU_LUO_FLB_VERSION', () => {
    const b = new Uint8Array(32);
    new DataView(b.buffer).setBigUint64(0, BigInt(IOMMU_LUO_FLB_VERSION), true);
    expect(decodeBytes(iommuFlbSerCodec, b).version).toBe(1n);
    new DataView(b.buffer).setBigUint64(0, 2n, true);
    expect(() => decodeBytes(iommuFlbSerCodec, b)).toThrow(/version/);
  });
});

// ---------------------------------------------------------------- array chains (docs/reader-checks.md, IA rows)

describe('linked array chains (iommu_liveupdate_restore_array)', () => {
  const page = (n: number): bigint => BigInt(n) << 12n;
  const hw = (i: number, flags = 0): IommuHwSer => ({ hdr: { ref_count: 1, flags }, token: BigInt(1000 + i), type: 0n });
  /** n IOMMU instances written as the kernel's writer fills pages, at pages 1, 2, 3... */
  const chain = (n: number, flagsOf: (i: number) => number = () => 0) => {
    const mem = new PhysMem();
    let next = 1;
    const entries = Array.from({ length: n }, (_, i) => encodeBytes(iommuHwSerCodec, hw(i, flagsOf(i))));
    const nodes = writeArrayChain(mem, IOMMU_HW_ARRAYS_CONTAINER, entries, () => page(next++));
    return { mem, head: nodes[0]!, nodes };
  };
  const refused = (fn: () => unknown): DecodeError => {
    const e = thrown(fn);
    if (!(e instanceof DecodeError)) throw e;
    return e;
  };

  it('reads back what the writer wrote, across pages (170 entries a 4 KiB page)', () => {
    const { mem, head, nodes } = chain(400);
    expect(nodes).toHaveLength(3);
    const got = readArrayChain(mem, IOMMU_HW_ARRAYS_CONTAINER, head, iommuHwSerCodec);
    expect(got.map((x) => x.token)).toEqual(Array.from({ length: 400 }, (_, i) => BigInt(1000 + i)));
    expect(restoreArrayChain(mem, IOMMU_HW_ARRAYS_CONTAINER, head).counts).toEqual([170, 170, 60]);
  });

  it('IA1 head 0 is an empty chain', () => {
    expect(readArrayChain(new PhysMem(), IOMMU_HW_ARRAYS_CONTAINER, 0n, iommuHwSerCodec)).toEqual([]);
    expect(walkArrayChain(new PhysMem(), IOMMU_HW_ARRAYS_CONTAINER, 0n, () => {})).toBe(0);
  });

  it('IA2 a chain that reaches a node twice is refused', () => {
    const { mem, head } = chain(400);
    mem.writeU64(page(3), page(2));
    const e = refused(() => readArrayChain(mem, IOMMU_HW_ARRAYS_CONTAINER, head, iommuHwSerCodec));
    expect(e.reason).toContain('second time');
    expect(e.address).toBe(page(2));
  });

  it('IA3 a chain longer than memory holds (or maxNodes) is capped', () => {
    const { mem, head } = chain(400);
    const e = refused(() => walkArrayChain(mem, IOMMU_HW_ARRAYS_CONTAINER, head, () => {}, { maxNodes: 2 }));
    expect(e).toBeInstanceOf(ReaderLimitError);
    expect((e as ReaderLimitError).limit).toBe('maxNodes');
    expect(walkArrayChain(mem, IOMMU_HW_ARRAYS_CONTAINER, head, () => {}, { maxNodes: 3 })).toBe(400);
  });

  it('IA4 a count above the capacity of a node is refused, 2^64-1 too', () => {
    const { mem, head } = chain(5);
    mem.writeU64(page(1) + 8n, 171n);
    const e = refused(() => readArrayChain(mem, IOMMU_HW_ARRAYS_CONTAINER, head, iommuHwSerCodec));
    expect([e.struct, e.field, e.address]).toEqual(['iommu_hw_array_ser', 'hdr.nr_objects', page(1) + 8n]);
    expect(e.reason).toContain('170');
    mem.writeU64(page(1) + 8n, (1n << 64n) - 1n);
    expect(refused(() => walkArrayChain(mem, IOMMU_HW_ARRAYS_CONTAINER, head, () => {})).field).toBe('hdr.nr_objects');
    mem.writeU64(page(1) + 8n, 170n);
    expect(walkArrayChain(mem, IOMMU_HW_ARRAYS_CONTAINER, head, () => {})).toBe(170);
  });

  it('IA5 a node with no entries is passed, the walk goes on', () => {
    const { mem, head } = chain(200);
    mem.writeU64(page(1) + 8n, 0n);
    expect(readArrayChain(mem, IOMMU_HW_ARRAYS_CONTAINER, head, iommuHwSerCodec).map((x) => x.token)).toEqual(Array.from({ length: 30 }, (_, i) => BigInt(1170 + i)));
  });

  it('IA6 deleted entries are left out, as the kernel iterator leaves them', () => {
    const { mem, head } = chain(10, (i) => (i % 3 === 0 ? IOMMU_SER_FLAG_DELETED | IOMMU_SER_FLAG_INCOMING : i % 3 === 1 ? IOMMU_SER_FLAG_INCOMING : 0));
    const tokens = readArrayChain(mem, IOMMU_HW_ARRAYS_CONTAINER, head, iommuHwSerCodec).map((x) => Number(x.token) - 1000);
    expect(tokens).toEqual([1, 2, 4, 5, 7, 8]);
    const seen: bigint[] = [];
    expect(walkArrayChain(mem, IOMMU_HW_ARRAYS_CONTAINER, head, (_v, _o, address) => seen.push(address))).toBe(6);
    expect(seen[0]).toBe(page(1) + 16n + 24n);
  });

  it('IA7 a node missing from memory is a MemoryError', () => {
    const { mem, head } = chain(200);
    mem.writeU64(page(1), page(77));
    expect(thrown(() => readArrayChain(mem, IOMMU_HW_ARRAYS_CONTAINER, head, iommuHwSerCodec))).toBeInstanceOf(MemoryError);
  });

  it('every page size: the domain chain holds (page - 16) / 37 unaligned entries a node', () => {
    for (const pageSize of [4096, 16384, 65536] as const) {
      const mem = new PhysMem({ pageSize });
      const cap = Math.floor((pageSize - 16) / 37);
      const d = { hdr: { ref_count: 1, flags: 0 }, top_table_phys: 0x1000n, top_level: 3n, vasz: 48, sign_extend: 1, restored_domain: 0n };
      let next = 1;
      const head = writeArrayChain(mem, IOMMU_DOMAIN_ARRAYS_CONTAINER, Array.from({ length: cap + 1 }, () => encodeBytes(iommuDomainSerCodec, d)), () => BigInt(next++ * pageSize))[0]!;
      const got = readArrayChain(mem, IOMMU_DOMAIN_ARRAYS_CONTAINER, head, iommuDomainSerCodec);
      expect(got).toHaveLength(cap + 1);
      expect(got[cap]).toEqual(d);
    }
  });
});
