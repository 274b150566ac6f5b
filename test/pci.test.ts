/**
 * The PCI FLB's versions (schemas/pci.yaml): "pci-v1" and "pci-v2" are told
 * apart by their string, the two "pci" versions by the number in
 * pci_ser.version, which a reader reads before it picks the codecs.
 */
import { describe, expect, it } from 'vitest';
import { pciCodecs, pciVersionFor, PCI_SUPPORTED_COMPATIBLES } from '../generated/ts/pci.js';
import { CompatError } from '../runtime/index.js';
import { findCodec, LookupError } from '../runtime/registry.js';
import { allCodecs } from '../generated/ts/index.js';
import { thrown } from './helpers/thrown.js';

/** A pci_ser of the "pci" versions: version, nr_devices, then the address of the first block. */
function pciSer(version: number, nr: number, devices: bigint): DataView {
  const v = new DataView(new ArrayBuffer(16));
  v.setUint32(0, version, true);
  v.setUint32(4, nr, true);
  v.setBigUint64(8, devices, true);
  return v;
}

describe('PCI FLB version dispatch', () => {
  it('lists "pci" once among the strings, and says where the number is', () => {
    expect(PCI_SUPPORTED_COMPATIBLES).toEqual(['pci-v1', 'pci-v2', 'pci']);
    expect(pciCodecs.versionMember).toEqual({ struct: 'pci_ser', member: 'version', offset: 0, size: 4 });
  });

  it('the strings of pci-v1 and pci-v2 need no bytes', () => {
    expect(pciVersionFor('pci-v1').id).toBe('pci-v1');
    expect(pciVersionFor('pci-v2').id).toBe('pci-v2');
  });

  it('"pci" picks the version of the number stored, and its codec accepts that number only', () => {
    for (const n of [1, 2]) {
      const data = pciSer(n, 3, 0x7000n);
      const version = pciVersionFor('pci', undefined, data);
      expect([version.id, version.number]).toEqual([`pci-${n}`, n]);
      const codec = version.structs.pci_ser![4096];
      expect(codec.decode(data)).toEqual({ version: n, nr_devices: 3, devices: 0x7000n });
      const other = pciVersionFor('pci', undefined, pciSer(3 - n, 3, 0x7000n)).structs.pci_ser![4096];
      expect(() => other.decode(data)).toThrow(/version/);
    }
  });

  it('"pci" without the bytes, with a number no version stores, or with too few bytes is a CompatError', () => {
    expect(thrown(() => pciVersionFor('pci'))).toBeInstanceOf(CompatError);
    expect(String(thrown(() => pciVersionFor('pci')))).toContain('pci_ser.version');
    const e = thrown(() => pciVersionFor('pci', undefined, pciSer(3, 0, 0n)));
    expect(e).toBeInstanceOf(CompatError);
    expect(String(e)).toContain('1 (pci-1), 2 (pci-2)');
    expect(thrown(() => pciVersionFor('pci', undefined, new DataView(new ArrayBuffer(2))))).toBeInstanceOf(CompatError);
  });

  it('findCodec by the string "pci" takes the version from the bytes, and without them asks for the version id', () => {
    expect(findCodec(allCodecs, 'pci_ser', { version: 'pci', data: pciSer(2, 0, 0n) }).version.id).toBe('pci-2');
    expect(findCodec(allCodecs, 'pci_ser', { version: 'pci-1' }).version.id).toBe('pci-1');
    const e = thrown(() => findCodec(allCodecs, 'pci_ser', { version: 'pci' }));
    expect(e).toBeInstanceOf(LookupError);
    expect(String(e)).toContain('name the version: pci-1, pci-2');
  });
});
