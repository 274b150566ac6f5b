/**
 * Decoders refuse what the kernel refuses (kernel-abi.md section 5): the
 * kexec metadata blob is used only when its version is exactly 1.
 */
import { describe, expect, it } from 'vitest';
import { decodeKhoKexecMetadata, encodeKhoKexecMetadata } from '../generated/ts/kexec_metadata.js';
import { DecodeError, EncodeError } from '../runtime/index.js';

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
