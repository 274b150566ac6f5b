/**
 * A live update image as one file, for readers in other languages (the C
 * reader of test/c/liveupdate-reader.c): the KHO root FDT and every present
 * page of the simulated memory, contiguous pages as one range. Every
 * integer is little-endian.
 *
 *   0   char magic[8]    "KHOLUIMG"
 *   8   u32  version     1
 *   12  u32  page_size   4096, 16384 or 65536
 *   16  u64  fdt_size    bytes of the FDT
 *   24  u64  nr_ranges
 *   32  the FDT, then zeros up to a multiple of 8
 *   then nr_ranges times: u64 pa (page aligned), u64 size (a multiple of
 *       page_size), size bytes of memory; ranges in ascending pa, not
 *       touching one another
 */
import { readFileSync, writeSync } from 'node:fs';
import { writeFileAtomically } from '../atomic-file.js';
import type { PageSize } from '../codec.js';
import { DecodeError } from '../errors.js';
import { PhysMem } from '../phys-mem.js';

export const IMAGE_MAGIC = 'KHOLUIMG';
export const IMAGE_VERSION = 1;
const HEAD = 32;
/** Where the image header keeps each member (the file's own format, not a kernel layout). */
const AT = { version: 8, pageBytes: 12, fdtLength: 16, ranges: 24 } as const;
/** A range record: its address, then its length in bytes. */
const RANGE = { pa: 0, length: 8, record: 16 } as const;

/** Writes `mem` and `fdt` to `path`, a range at a time, whole or not at all; returns the bytes written. */
export function writeImageFile(path: string, mem: PhysMem, fdt: Uint8Array): number {
  const ps = BigInt(mem.pageSize);
  const pfns = mem.presentPfns();
  const ranges: [bigint, number][] = [];
  for (const pfn of pfns) {
    const last = ranges[ranges.length - 1];
    if (last && last[0] + BigInt(last[1]) === pfn) last[1]++;
    else ranges.push([pfn, 1]);
  }
  let written = 0;
  writeFileAtomically(path, (fd) => {
    const put = (b: Uint8Array): void => {
      let off = 0;
      while (off < b.length) off += writeSync(fd, b, off, b.length - off);
      written += b.length;
    };
    const head = new Uint8Array(HEAD + Math.ceil(fdt.length / 8) * 8);
    const v = new DataView(head.buffer);
    head.set(new TextEncoder().encode(IMAGE_MAGIC), 0);
    v.setUint32(AT.version, IMAGE_VERSION, true);
    v.setUint32(AT.pageBytes, mem.pageSize, true);
    v.setBigUint64(AT.fdtLength, BigInt(fdt.length), true);
    v.setBigUint64(AT.ranges, BigInt(ranges.length), true);
    head.set(fdt, HEAD);
    put(head);
    const rh = new Uint8Array(RANGE.record);
    const rv = new DataView(rh.buffer);
    for (const [pfn, n] of ranges) {
      rv.setBigUint64(RANGE.pa, pfn * ps, true);
      rv.setBigUint64(RANGE.length, BigInt(n) * ps, true);
      put(rh);
      for (let i = 0; i < n; i++) put(mem.read((pfn + BigInt(i)) * ps, mem.pageSize));
    }
  });
  return written;
}

/** Reads an image file back into a new PhysMem. */
export function readImageFile(path: string): { mem: PhysMem; fdt: Uint8Array } {
  const bytes = readFileSync(path);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = (offset: number, why: string): never => {
    throw new DecodeError({ struct: 'image file', offset }, why);
  };
  if (bytes.length < HEAD || new TextDecoder().decode(bytes.subarray(0, 8)) !== IMAGE_MAGIC) bad(0, `not a ${IMAGE_MAGIC} image`);
  if (v.getUint32(AT.version, true) !== IMAGE_VERSION) bad(AT.version, `version ${v.getUint32(AT.version, true)}, not ${IMAGE_VERSION}`);
  const pageSize = v.getUint32(AT.pageBytes, true);
  const fdtSize = Number(v.getBigUint64(AT.fdtLength, true));
  const nr = Number(v.getBigUint64(AT.ranges, true));
  if (HEAD + fdtSize > bytes.length) bad(AT.fdtLength, 'the FDT runs past the end of the file');
  const mem = new PhysMem({ pageSize: pageSize as PageSize });
  const fdt = new Uint8Array(bytes.subarray(HEAD, HEAD + fdtSize));
  let at = HEAD + Math.ceil(fdtSize / 8) * 8;
  for (let i = 0; i < nr; i++) {
    if (at + RANGE.record > bytes.length) bad(at, `range ${i} runs past the end of the file`);
    const pa = v.getBigUint64(at + RANGE.pa, true);
    const size = Number(v.getBigUint64(at + RANGE.length, true));
    at += RANGE.record;
    if (at + size > bytes.length || size % pageSize !== 0) bad(at - 8, `range ${i} has a bad size ${size}`);
    mem.write(pa, bytes.subarray(at, at + size));
    at += size;
  }
  return { mem, fdt };
}
