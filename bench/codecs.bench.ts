/**
 * W1-W3 and the view scan of issue 3, each beside its hand-written baseline
 * and a memcpy of the same bytes, measured in the same run.
 */
import { decodeLuoFileSer, encodeLuoFileSer, luoFileSerCodec, type LuoFileSer } from '../generated/ts/luo.js';
import { decodeMemfdLuoFolioSer, encodeMemfdLuoFolioSer, MemfdLuoFolioSerView, type MemfdLuoFolioSer } from '../generated/ts/memfd.js';
import { blockCapacity, PhysMem, readBlockChain, writeBlockChain } from '../runtime/index.js';
import {
  decodeFileSer,
  decodeFileSerNumber,
  decodeFolio,
  decodeFolioChecked,
  decodeFolioNumber,
  encodeFileSer,
  encodeFileSerChecked,
  encodeFileSerNumber,
  encodeFolio,
  encodeFolioChecked,
  encodeFolioNumber,
  FolioView,
  type FileSer,
  type FileSerNumber,
  type Folio,
} from './handwritten.js';
import { compare, type Timing } from './measure.js';
import { KHO_BLOCK_CONTAINER } from '../generated/ts/block.js';

export interface Row {
  readonly workload: string;
  readonly entries: number;
  readonly timings: readonly Timing[];
  /** Which timing is the generated one and which the baseline it is held to. */
  readonly generated: string;
  readonly baseline: string;
  readonly goal: number;
}

/** A deterministic generator, so every run measures the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s;
  };
}

function folios(n: number): MemfdLuoFolioSer[] {
  const r = rng(1);
  // index below 2^51, the bound the schema gives it (as_number).
  return Array.from({ length: n }, () => ({ pfn: r() * 1048576 + (r() & 0xfffff), flags: r() & 3, index: (r() & 0x7ffff) * 4294967296 + r() }));
}

function files(n: number): LuoFileSer[] {
  const r = rng(2);
  return Array.from({ length: n }, (_, i) => ({ compatible: i % 2 ? 'memfd-v2' : 'memfd-v2;vmalloc-v1', data: BigInt(r()) << 12n, token: (BigInt(r()) << 32n) | BigInt(r()) }));
}

/** W1 rounds take a few milliseconds each: more of them, so that one slice of a loaded machine does not decide the median. */
const W1_ROUNDS = 21;

export function codecBenchmarks(): Row[] {
  const rows: Row[] = [];

  // W1: 1,000,000 memfd_luo_folio_ser.
  const n1 = 1_000_000;
  const v1 = folios(n1);
  const buf1 = new Uint8Array(n1 * 16);
  const view1 = new DataView(buf1.buffer);
  v1.forEach((f, i) => encodeMemfdLuoFolioSer(f, view1, i * 16));
  const copy1 = new Uint8Array(buf1.length);
  // The same values for the BigInt baseline.
  const v1big: Folio[] = v1.map((f) => ({ ...f, index: BigInt(f.index) }));
  // Each candidate has its own loop, written out the same way for all: one loop shared through a
  // function parameter would be a call site V8 sees with four targets, where it inlines none of them.
  // Every loop uses all three members, so no candidate gets away with computing only the one summed.
  rows.push({
    workload: 'W1 decode 1,000,000 memfd_luo_folio_ser',
    entries: n1,
    timings: compare([
      { name: 'generated', run: () => { let x = 0; for (let i = 0; i < n1; i++) { const d = decodeMemfdLuoFolioSer(view1, i * 16); x += d.pfn + d.flags + d.index; } return x; } },
      { name: 'hand-written all-number DataView', run: () => { let x = 0; for (let i = 0; i < n1; i++) { const d = decodeFolioNumber(view1, i * 16); x += d.pfn + d.flags + d.index; } return x; } },
      { name: 'hand-written BigInt DataView', run: () => { let x = 0; for (let i = 0; i < n1; i++) { const d = decodeFolio(view1, i * 16); x += d.pfn + d.flags + Number(d.index); } return x; } },
      { name: 'hand-written, same checks', run: () => { let x = 0; for (let i = 0; i < n1; i++) { const d = decodeFolioChecked(view1, i * 16); x += d.pfn + d.flags + d.index; } return x; } },
      { name: 'memcpy', run: () => copy1.set(buf1) },
    ], W1_ROUNDS),
    generated: 'generated',
    baseline: 'hand-written all-number DataView',
    goal: 1.0,
  });
  const out1 = new DataView(new ArrayBuffer(n1 * 16));
  rows.push({
    workload: 'W1 encode 1,000,000 memfd_luo_folio_ser',
    entries: n1,
    timings: compare([
      { name: 'generated', run: () => { for (let i = 0; i < n1; i++) encodeMemfdLuoFolioSer(v1[i]!, out1, i * 16); return out1.getUint8(5); } },
      { name: 'hand-written all-number DataView', run: () => { for (let i = 0; i < n1; i++) encodeFolioNumber(v1[i]!, out1, i * 16); return out1.getUint8(5); } },
      { name: 'hand-written BigInt DataView', run: () => { for (let i = 0; i < n1; i++) encodeFolio(v1big[i]!, out1, i * 16); return out1.getUint8(5); } },
      { name: 'hand-written, same checks', run: () => { for (let i = 0; i < n1; i++) encodeFolioChecked(v1[i]!, out1, i * 16); return out1.getUint8(5); } },
      { name: 'memcpy', run: () => copy1.set(buf1) },
    ], W1_ROUNDS),
    generated: 'generated',
    baseline: 'hand-written all-number DataView',
    goal: 1.0,
  });

  // W2: 200,000 luo_file_ser.
  const n2 = 200_000;
  const v2 = files(n2);
  const buf2 = new Uint8Array(n2 * 64);
  const view2 = new DataView(buf2.buffer);
  v2.forEach((f, i) => encodeLuoFileSer(f, view2, i * 64));
  const copy2 = new Uint8Array(buf2.length);
  // The same values as numbers, for the all-number baseline (a token above 2^53 loses its low bits there).
  const v2num: FileSerNumber[] = v2.map((f) => ({ compatible: f.compatible, data: Number(f.data), token: Number(f.token) }));
  rows.push({
    workload: 'W2 decode 200,000 luo_file_ser',
    entries: n2,
    timings: compare([
      { name: 'generated', run: () => { let x = 0; for (let i = 0; i < n2; i++) { const d = decodeLuoFileSer(view2, i * 64); x += d.compatible.length + Number(d.data & 0xffffn) + Number(d.token & 0xffffn); } return x; } },
      { name: 'hand-written all-number DataView', run: () => { let x = 0; for (let i = 0; i < n2; i++) { const d = decodeFileSerNumber(view2, i * 64); x += d.compatible.length + (d.data % 65536) + (d.token % 65536); } return x; } },
      { name: 'hand-written BigInt DataView', run: () => { let x = 0; for (let i = 0; i < n2; i++) { const d = decodeFileSer(view2, i * 64); x += d.compatible.length + Number(d.data & 0xffffn) + Number(d.token & 0xffffn); } return x; } },
      { name: 'memcpy', run: () => copy2.set(buf2) },
    ]),
    generated: 'generated',
    baseline: 'hand-written all-number DataView',
    goal: 1.0,
  });
  const out2 = new DataView(new ArrayBuffer(n2 * 64));
  rows.push({
    workload: 'W2 encode 200,000 luo_file_ser',
    entries: n2,
    timings: compare([
      { name: 'generated', run: () => { for (let i = 0; i < n2; i++) encodeLuoFileSer(v2[i]!, out2, i * 64); return out2.getUint8(3); } },
      { name: 'hand-written all-number DataView', run: () => { for (let i = 0; i < n2; i++) encodeFileSerNumber(v2num[i]!, out2, i * 64); return out2.getUint8(3); } },
      { name: 'hand-written BigInt DataView', run: () => { for (let i = 0; i < n2; i++) encodeFileSer(v2[i]! as FileSer, out2, i * 64); return out2.getUint8(3); } },
      { name: 'hand-written, same checks', run: () => { for (let i = 0; i < n2; i++) encodeFileSerChecked(v2[i]! as FileSer, out2, i * 64); return out2.getUint8(3); } },
      { name: 'memcpy', run: () => copy2.set(buf2) },
    ]),
    generated: 'generated',
    baseline: 'hand-written all-number DataView',
    goal: 1.0,
  });

  // W3: the same 200,000 entries in a kho_block chain on shuffled pages.
  const mem = new PhysMem({ pageSize: 4096 });
  const perBlock = blockCapacity(KHO_BLOCK_CONTAINER, 4096, 64);
  const nBlocks = Math.ceil(n2 / perBlock);
  const r = rng(3);
  const pfns = Array.from({ length: nBlocks }, (_, i) => i + 0x1000);
  for (let i = pfns.length - 1; i > 0; i--) {
    const j = r() % (i + 1);
    [pfns[i], pfns[j]] = [pfns[j]!, pfns[i]!];
  }
  const head = writeBlockChain(mem, KHO_BLOCK_CONTAINER, pfns.map((p) => BigInt(p) << 12n), luoFileSerCodec, v2);
  rows.push({
    workload: 'W3 walk and decode 200,000 luo_file_ser in a kho_block chain on shuffled pages',
    entries: n2,
    timings: compare([
      { name: 'generated', run: () => readBlockChain(mem, KHO_BLOCK_CONTAINER, head, luoFileSerCodec).length },
      {
        name: 'hand-written DataView',
        run: () => {
          const out: FileSer[] = [];
          for (let pa = head; pa !== 0n; ) {
            const page = mem.view(pa, 4096);
            const count = Number(page.getBigUint64(8, true));
            for (let i = 0; i < count; i++) out.push(decodeFileSer(page, 16 + i * 64));
            pa = page.getBigUint64(0, true);
          }
          return out.length;
        },
      },
      { name: 'memcpy', run: () => copy2.set(buf2) },
    ]),
    generated: 'generated',
    baseline: 'hand-written DataView',
    goal: 1.0,
  });

  // View scans over W1: one u64 (bigint) field and pfn (a number).
  const gview = new MemfdLuoFolioSerView(view1, 0);
  const hview = new FolioView(view1, 0);
  rows.push({
    workload: 'view scan: index (u64 held as a number, as_number) over 1,000,000 memfd_luo_folio_ser',
    entries: n1,
    timings: compare([
      { name: 'generated view', run: () => { let s = 0; for (let i = 0; i < n1; i++) { gview.offset = i * 16; s += gview.index; } return s; } },
      { name: 'hand-written reused view', run: () => { let s = 0; for (let i = 0; i < n1; i++) { hview.offset = i * 16; s += hview.index; } return s; } },
      { name: 'memcpy', run: () => copy1.set(buf1) },
    ]),
    generated: 'generated view',
    baseline: 'hand-written reused view',
    goal: 0.8,
  });
  rows.push({
    workload: 'view scan: pfn (52-bit bitfield, number) over 1,000,000 memfd_luo_folio_ser',
    entries: n1,
    timings: compare([
      { name: 'generated view', run: () => { let s = 0; for (let i = 0; i < n1; i++) { gview.offset = i * 16; s += gview.pfn; } return s; } },
      { name: 'hand-written reused view', run: () => { let s = 0; for (let i = 0; i < n1; i++) { hview.offset = i * 16; s += hview.pfn; } return s; } },
      { name: 'memcpy', run: () => copy1.set(buf1) },
    ]),
    generated: 'generated view',
    baseline: 'hand-written reused view',
    goal: 0.8,
  });
  const newPfns = Float64Array.from(folios(n1), (f) => f.pfn);
  rows.push({
    workload: 'view set: pfn (52-bit bitfield, number) over 1,000,000 memfd_luo_folio_ser',
    entries: n1,
    timings: compare([
      { name: 'generated view', run: () => { for (let i = 0; i < n1; i++) { gview.offset = i * 16; gview.pfn = newPfns[i]!; } return view1.getUint32(0, true); } },
      { name: 'hand-written reused view', run: () => { for (let i = 0; i < n1; i++) { hview.offset = i * 16; hview.pfn = newPfns[i]!; } return view1.getUint32(0, true); } },
      { name: 'memcpy', run: () => copy1.set(buf1) },
    ]),
    generated: 'generated view',
    baseline: 'hand-written reused view',
    goal: 0.8,
  });
  rows.push({
    workload: 'view set: index (u64 held as a number, as_number) over 1,000,000 memfd_luo_folio_ser',
    entries: n1,
    timings: compare([
      { name: 'generated view', run: () => { for (let i = 0; i < n1; i++) { gview.offset = i * 16; gview.index = i; } return view1.getUint32(8, true); } },
      { name: 'hand-written reused view', run: () => { for (let i = 0; i < n1; i++) { hview.offset = i * 16; hview.index = i; } return view1.getUint32(8, true); } },
      { name: 'memcpy', run: () => copy1.set(buf1) },
    ]),
    generated: 'generated view',
    baseline: 'hand-written reused view',
    goal: 0.8,
  });
  return rows;
}
