/**
 * The hand-written baselines: DataView code as a careful person would write
 * it for these two structs, without a generator. The generated codecs must
 * be at least as fast.
 */

export interface Folio {
  pfn: number;
  flags: number;
  index: bigint;
}

export function decodeFolio(view: DataView, off: number): Folio {
  const lo = view.getUint32(off, true);
  const hi = view.getUint32(off + 4, true);
  return { pfn: lo + (hi & 0xfffff) * 4294967296, flags: hi >>> 20, index: view.getBigUint64(off + 8, true) };
}

export function encodeFolio(f: Folio, view: DataView, off: number): void {
  view.setUint32(off, f.pfn >>> 0, true);
  view.setUint32(off + 4, ((Math.floor(f.pfn / 4294967296) & 0xfffff) | (f.flags << 20)) >>> 0, true);
  view.setBigUint64(off + 8, f.index, true);
}

export interface FileSer {
  compatible: string;
  data: bigint;
  token: bigint;
}

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

export function decodeFileSer(view: DataView, off: number): FileSer {
  const bytes = new Uint8Array(view.buffer, view.byteOffset + off, 48);
  const nul = bytes.indexOf(0);
  return { compatible: utf8.decode(bytes.subarray(0, nul < 0 ? 48 : nul)), data: view.getBigUint64(off + 48, true), token: view.getBigUint64(off + 56, true) };
}

export function encodeFileSer(f: FileSer, view: DataView, off: number): void {
  const target = new Uint8Array(view.buffer, view.byteOffset + off, 48);
  const n = encoder.encodeInto(f.compatible, target).written;
  target.fill(0, n);
  view.setBigUint64(off + 48, f.data, true);
  view.setBigUint64(off + 56, f.token, true);
}

/** A reused view, moved along an array by its offset. */
export class FolioView {
  constructor(
    public view: DataView,
    public offset = 0,
  ) {}
  get pfn(): number {
    return this.view.getUint32(this.offset, true) + (this.view.getUint32(this.offset + 4, true) & 0xfffff) * 4294967296;
  }
  get index(): bigint {
    return this.view.getBigUint64(this.offset + 8, true);
  }
}
