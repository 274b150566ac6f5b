/**
 * Decoders refuse what the kernel refuses (kernel-abi.md section 5): the
 * kexec metadata blob is used only when its version is exactly 1; a PCI FLB
 * cannot use more devices than its array holds.
 */
import { describe, expect, it } from 'vitest';
import { decodeKhoKexecMetadata, encodeKhoKexecMetadata } from '../generated/ts/kexec_metadata.js';
import { decodePciSer, encodePciSer } from '../generated/ts/pci.js';
import { DecodeError, EncodeError } from '../runtime/index.js';
import { cli } from './helpers/cli-in-process.js';

describe('kho_kexec_metadata.version', () => {
  const bytes = (version: number): DataView => {
    const view = new DataView(new ArrayBuffer(73));
    view.setUint32(0, version, true);
    view.setUint32(69, 7, true);
    return view;
  };

  it('version 1 is read', () => {
    expect(decodeKhoKexecMetadata(bytes(1))).toEqual({ version: 1, previous_release: '', kexec_count: 7 });
  });

  it.each([0, 2, 0xffffffff])('version %i is refused on decode and on encode', (version) => {
    expect(() => decodeKhoKexecMetadata(bytes(version))).toThrow(DecodeError);
    expect(() => decodeKhoKexecMetadata(bytes(version))).toThrow(`kho_kexec_metadata.version at offset 0: is ${version}, but a reader accepts only 1`);
    expect(() => encodeKhoKexecMetadata({ version, previous_release: '', kexec_count: 0 }, new DataView(new ArrayBuffer(73)))).toThrow(EncodeError);
  });
});

describe('pci_ser.nr_devices', () => {
  // max_nr_devices entries follow the header; nr_devices of them are in use.
  const bytes = (max: number, nr: number): DataView => {
    const view = new DataView(new ArrayBuffer(8 + max * 8));
    view.setUint32(0, max, true);
    view.setUint32(4, nr, true);
    return view;
  };

  it('up to max_nr_devices is read', () => {
    expect(decodePciSer(bytes(2, 2)).nr_devices).toBe(2);
    expect(decodePciSer(bytes(2, 0)).devices).toHaveLength(2);
  });

  it('more than max_nr_devices is refused on decode and on encode, through the CLI too', async () => {
    expect(() => decodePciSer(bytes(1, 2))).toThrow('pci_ser.nr_devices at offset 4: is 2, more than max_nr_devices (1): the array holds only 1 entries');
    const device = { domain: 0, bdf: 0, refcount: 0 };
    expect(() => encodePciSer({ max_nr_devices: 1, nr_devices: 2, devices: [device] }, new DataView(new ArrayBuffer(16)))).toThrow(EncodeError);
    const r = await cli(['encode', 'pci_ser', '--hex'], { stdin: JSON.stringify({ max_nr_devices: 1, nr_devices: 2, devices: [device] }) });
    expect(r.code).toBe(1);
    expect(r.err).toBe('kho-abi: pci_ser.nr_devices at offset 4: is 2, more than max_nr_devices (1): the array holds only 1 entries\n');
  });
});
