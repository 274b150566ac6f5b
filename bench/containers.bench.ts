/**
 * The container readers at 10 k, 100 k and 1 M entries (10 M for the lazy
 * walks), each beside a hand-written walk doing the same work in the same
 * process: a kho_block chain and a kho_vmalloc area, both holding
 * memfd_luo_folio_ser (16 bytes, 255 a block, 256 a page). Candidates run
 * in turns, the first of each round rotating, so warm-up and noise fall on
 * all alike; ns/entry is the median round over the entries. Memory is
 * measured on one extra run of each candidate after a full GC: the heap
 * just after the run with its result still referenced (what the run
 * allocated and had not yet freed, an upper estimate of its peak) and the
 * process RSS growth. Run alone: npx tsx bench/containers.bench.ts [--write]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { decodeMemfdLuoFolioSer, memfdLuoFolioSerCodec, type MemfdLuoFolioSer } from '../generated/ts/memfd.js';
import { blockChainEntries, PhysMem, readBlockChain, readVmallocArray, vmallocArrayEntries, walkBlockChain, walkVmallocArray, type VmallocDescriptor } from '../runtime/index.js';
import { KHO_BLOCK_CONTAINER } from '../generated/ts/block.js';
import { KHO_VMALLOC_AREA_CONTAINER } from '../generated/ts/vmalloc.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Candidate {
  readonly name: string;
  /** The hand-written candidate of the same shape (a walk, or a read into an array) it is held to. */
  readonly baseline: string;
  /** Reads every entry; returns a checksum (the sum of the pfns' low bits and flags) every candidate must agree on. */
  run(): number;
}

export interface ContainerTiming {
  readonly name: string;
  readonly baseline: string;
  readonly medianMs: number;
  readonly nsPerEntry: number;
  /** Heap growth over one run, result still referenced, no GC in between: an upper estimate of the run's peak heap. */
  readonly heapMB: number;
  /** RSS growth over the same run. */
  readonly rssMB: number;
}

export interface ContainerRow {
  readonly workload: string;
  readonly entries: number;
  readonly timings: readonly ContainerTiming[];
}

const PAGE = 4096;
const page = (n: number): bigint => BigInt(n) * 4096n;
const MB = 2 ** 20;

/** A deterministic folio: pfn below 2^40, flags 0..3, index i. */
function folioBytes(view: DataView, offset: number, i: number): void {
  const pfn = 0x100000 + ((i * 2654435761) >>> 8);
  view.setUint32(offset, pfn >>> 0, true);
  view.setUint32(offset + 4, (Math.floor(pfn / 4294967296) & 0xfffff) | ((i & 3) << 20), true);
  view.setBigUint64(offset + 8, BigInt(i), true);
}

/** A kho_block chain of `n` folios on scattered pages; returns its head. */
function buildChain(mem: PhysMem, n: number, firstPage: number): bigint {
  const per = Math.floor((PAGE - 16) / 16);
  const blocks = Math.ceil(n / per);
  const at = (b: number) => page(firstPage + ((b * 7919) % blocks));
  const bytes = new Uint8Array(PAGE);
  const view = new DataView(bytes.buffer);
  for (let b = 0; b < blocks; b++) {
    bytes.fill(0);
    const count = Math.min(per, n - b * per);
    view.setBigUint64(0, b + 1 < blocks ? at(b + 1) : 0n, true);
    view.setBigUint64(8, BigInt(count), true);
    for (let i = 0; i < count; i++) folioBytes(view, 16 + i * 16, b * per + i);
    mem.write(at(b), bytes);
  }
  return at(0);
}

/** A kho_vmalloc area of `n` folios, order-0 blocks on scattered pages, chunks as the kernel links them. */
function buildArea(mem: PhysMem, n: number, firstPage: number): VmallocDescriptor {
  const pages = Math.ceil((n * 16) / PAGE);
  const at = (p: number) => page(firstPage + ((p * 7919) % pages));
  const bytes = new Uint8Array(PAGE);
  const view = new DataView(bytes.buffer);
  for (let p = 0; p < pages; p++) {
    bytes.fill(0);
    for (let i = 0; i < 256 && p * 256 + i < n; i++) folioBytes(view, i * 16, p * 256 + i);
    mem.write(at(p), bytes);
  }
  const perChunk = (PAGE - 8) / 8;
  const chunks = Math.floor(pages / perChunk) + 1;
  const chunkAt = (c: number) => page(firstPage + pages + c);
  for (let c = 0; c < chunks; c++) {
    bytes.fill(0);
    view.setBigUint64(0, c + 1 < chunks ? chunkAt(c + 1) : 0n, true);
    for (let i = 0; i < perChunk && c * perChunk + i < pages; i++) view.setBigUint64(8 + i * 8, at(c * perChunk + i), true);
    mem.write(chunkAt(c), bytes);
  }
  return { first: chunkAt(0), total_pages: pages, flags: 1, order: 0 };
}

const sum = (f: MemfdLuoFolioSer): number => (f.pfn & 0xff) + f.flags;
/** The same for the hand-written objects: a function of its own, so neither side's call sites see the other's object shape. */
const sumHand = (f: HandFolio): number => (f.pfn & 0xff) + f.flags;

/* The hand-written walks: what a careful person writes for these containers with DataView, without the kho-abi runtime's checks beyond the kernel's count and loop checks. */

interface HandFolio {
  pfn: number;
  flags: number;
  index: bigint;
}

function handDecode(view: DataView, off: number): HandFolio {
  const lo = view.getUint32(off, true);
  const hi = view.getUint32(off + 4, true);
  return { pfn: lo + (hi & 0xfffff) * 4294967296, flags: hi >>> 20, index: view.getBigUint64(off + 8, true) };
}

function handChain(mem: PhysMem, head: bigint, each: (view: DataView, off: number) => void): void {
  const seen = new Set<bigint>();
  for (let pa = head; pa !== 0n; ) {
    if (seen.has(pa) || seen.size >= 100000) throw new Error('bad chain');
    seen.add(pa);
    const view = mem.view(pa, PAGE);
    const count = Number(view.getBigUint64(8, true));
    if (count === 0 || count > 255) throw new Error('bad count');
    for (let i = 0; i < count; i++) each(view, 16 + i * 16);
    pa = view.getBigUint64(0, true);
  }
}

function handArea(mem: PhysMem, d: VmallocDescriptor, n: number, each: (view: DataView, off: number) => void): void {
  const pages: bigint[] = [];
  for (let pa = d.first; pa !== 0n; ) {
    const view = mem.view(pa, PAGE);
    for (let i = 0; i < 511; i++) {
      const block = view.getBigUint64(8 + i * 8, true);
      if (block === 0n) break;
      pages.push(block);
    }
    pa = view.getBigUint64(0, true);
  }
  if (pages.length !== d.total_pages) throw new Error('bad area');
  for (let p = 0, i = 0; i < n; p++) {
    const view = mem.view(pages[p]!, PAGE);
    for (let off = 0; off < PAGE && i < n; off += 16, i++) each(view, off);
  }
}

/** What readVmallocArray did before issue 9: gather the whole area into one buffer, then decode. */
function gatherThenDecode(mem: PhysMem, d: VmallocDescriptor, n: number): MemfdLuoFolioSer[] {
  const pages: bigint[] = [];
  for (let pa = d.first; pa !== 0n; ) {
    const view = mem.view(pa, PAGE);
    for (let i = 0; i < 511; i++) {
      const block = view.getBigUint64(8 + i * 8, true);
      if (block === 0n) break;
      pages.push(block);
    }
    pa = view.getBigUint64(0, true);
  }
  const all = new Uint8Array(pages.length * PAGE);
  pages.forEach((pa, i) => all.set(mem.read(pa, PAGE), i * PAGE));
  const view = new DataView(all.buffer);
  const out = new Array<MemfdLuoFolioSer>(n);
  for (let i = 0; i < n; i++) out[i] = decodeMemfdLuoFolioSer(view, i * 16);
  return out;
}

/** Candidates in turns, the first rotating each round; then one measured run each for memory. */
function measure(workload: string, entries: number, candidates: readonly Candidate[], rounds: number, warmup: number): ContainerRow {
  const samples = candidates.map(() => [] as number[]);
  let check: number | undefined;
  for (let r = 0; r < warmup + rounds; r++) {
    for (let k = 0; k < candidates.length; k++) {
      const c = (r + k) % candidates.length;
      const t0 = performance.now();
      const got = candidates[c]!.run();
      const dt = performance.now() - t0;
      if (check === undefined) check = got;
      else if (got !== check) throw new Error(`${workload}: ${candidates[c]!.name} read ${got}, others ${check}`);
      if (r >= warmup) samples[c]!.push(dt);
    }
  }
  const timings = candidates.map((c, i) => {
    const s = samples[i]!.sort((a, b) => a - b);
    const medianMs = s[Math.floor(s.length / 2)]!;
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    const rss0 = process.memoryUsage().rss;
    c.run();
    const mem = process.memoryUsage();
    return { name: c.name, baseline: c.baseline, medianMs, nsPerEntry: (medianMs * 1e6) / entries, heapMB: Math.max(0, mem.heapUsed - heap0) / MB, rssMB: Math.max(0, mem.rss - rss0) / MB };
  });
  return { workload, entries, timings };
}

/** Keeps the last materialised result alive through the memory measurement. */
export let held: unknown;

export function containerBenchmarks(sizes: readonly number[] = [10_000, 100_000, 1_000_000], lazySizes: readonly number[] = [10_000_000]): ContainerRow[] {
  const rows: ContainerRow[] = [];
  for (const n of [...sizes, ...lazySizes]) {
    const lazyOnly = !sizes.includes(n);
    const rounds = n >= 10_000_000 ? 3 : n >= 1_000_000 ? 5 : n >= 100_000 ? 9 : 15;
    const warmup = n >= 10_000_000 ? 1 : 3;
    process.stderr.write(`  containers: ${n.toLocaleString('en-US')} entries\n`);

    // kho_block chain.
    {
      const mem = new PhysMem({ maxPages: 1 << 21 });
      const head = buildChain(mem, n, 0x10000);
      const opts = { maxBlocks: Math.ceil(n / 255) };
      const lazy: Candidate[] = [
        {
          name: 'walkBlockChain',
          baseline: 'hand-written walk',
          run: () => {
            let x = 0;
            walkBlockChain(mem, KHO_BLOCK_CONTAINER, head, 16, (v, o) => (x += sum(decodeMemfdLuoFolioSer(v, o))), opts);
            return x;
          },
        },
        {
          name: 'blockChainEntries (iterator)',
          baseline: 'hand-written walk',
          run: () => {
            let x = 0;
            for (const f of blockChainEntries(mem, KHO_BLOCK_CONTAINER, head, memfdLuoFolioSerCodec, opts)) x += sum(f);
            return x;
          },
        },
        {
          name: 'hand-written walk',
          baseline: 'hand-written walk',
          run: () => {
            let x = 0;
            handChain(mem, head, (v, o) => (x += sumHand(handDecode(v, o))));
            return x;
          },
        },
      ];
      const eager: Candidate[] = lazyOnly
        ? []
        : [
            {
              name: 'readBlockChain',
          baseline: 'hand-written read into an array',
              run: () => {
                const all = readBlockChain(mem, KHO_BLOCK_CONTAINER, head, memfdLuoFolioSerCodec, opts);
                held = all;
                let x = 0;
                for (const f of all) x += sum(f);
                return x;
              },
            },
            {
              name: 'hand-written read into an array',
          baseline: 'hand-written read into an array',
              run: () => {
                const all: HandFolio[] = [];
                handChain(mem, head, (v, o) => all.push(handDecode(v, o)));
                held = all;
                let x = 0;
                for (const f of all) x += sumHand(f);
                return x;
              },
            },
          ];
      if (eager.length) rows.push(measure('kho_block chain, read into an array', n, eager, rounds, warmup));
      held = undefined;
      gc();
      rows.push(measure('kho_block chain, walked', n, lazy, rounds, warmup));
    }

    // kho_vmalloc area.
    {
      const mem = new PhysMem({ maxPages: 1 << 21 });
      const d = buildArea(mem, n, 0x10000);
      const lazy: Candidate[] = [
        {
          name: 'walkVmallocArray',
          baseline: 'hand-written walk',
          run: () => {
            let x = 0;
            walkVmallocArray(mem, KHO_VMALLOC_AREA_CONTAINER, d, 16, n, (v, o) => (x += sum(decodeMemfdLuoFolioSer(v, o))));
            return x;
          },
        },
        {
          name: 'vmallocArrayEntries (iterator)',
          baseline: 'hand-written walk',
          run: () => {
            let x = 0;
            for (const f of vmallocArrayEntries(mem, KHO_VMALLOC_AREA_CONTAINER, d, memfdLuoFolioSerCodec, n)) x += sum(f);
            return x;
          },
        },
        {
          name: 'hand-written walk',
          baseline: 'hand-written walk',
          run: () => {
            let x = 0;
            handArea(mem, d, n, (v, o) => (x += sumHand(handDecode(v, o))));
            return x;
          },
        },
      ];
      const eager: Candidate[] = lazyOnly
        ? []
        : [
            {
              name: 'readVmallocArray',
          baseline: 'hand-written read into an array',
              run: () => {
                const all = readVmallocArray(mem, KHO_VMALLOC_AREA_CONTAINER, d, memfdLuoFolioSerCodec, n);
                held = all;
                let x = 0;
                for (const f of all) x += sum(f);
                return x;
              },
            },
            {
              name: 'gather then decode (readVmallocArray before issue 9)',
          baseline: 'hand-written read into an array',
              run: () => {
                const all = gatherThenDecode(mem, d, n);
                held = all;
                let x = 0;
                for (const f of all) x += sum(f);
                return x;
              },
            },
            {
              name: 'hand-written read into an array',
          baseline: 'hand-written read into an array',
              run: () => {
                const all: HandFolio[] = [];
                handArea(mem, d, n, (v, o) => all.push(handDecode(v, o)));
                held = all;
                let x = 0;
                for (const f of all) x += sumHand(f);
                return x;
              },
            },
          ];
      if (eager.length) rows.push(measure('kho_vmalloc area, read into an array', n, eager, rounds, warmup));
      held = undefined;
      gc();
      rows.push(measure('kho_vmalloc area, walked', n, lazy, rounds, warmup));
    }
    held = undefined;
    gc();
  }
  return rows;
}

const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The section bench/run.ts writes into RESULTS.md. */
export function containersSection(rows: readonly ContainerRow[] = containerBenchmarks()): string[] {
  const lines = ['## Container readers', ''];
  lines.push(
    'Each workload reads every entry of one container of memfd_luo_folio_ser (16 bytes; 255 a block, 256 a page, on scattered pages) and sums two fields of each, beside a hand-written DataView reader of the same shape in the same process. The readers that build an array and those that walk are measured as two groups, so the walks do not pay for the other group\'s garbage; within a group the candidates run in turns, the first rotating each round, after 3 warm-up rounds (median of 15 rounds at 10 k, 9 at 100 k, 5 at 1 M; at 10 M, walks only, one warm-up and 3 rounds).',
    'The kho-abi readers do the kernel\'s checks first (the whole chain or area restored, every page claimed once, counts bounded by the image) and decode with the generated codecs; the hand-written walks check loops and counts only.',
    '"time vs hand-written" holds each reader to the hand-written candidate of the same shape: a walk to the hand-written walk, a read into an array to the hand-written read into an array (1.00 is parity, above 1 slower).',
    'Heap: growth over one run with its result still referenced and no GC in between (an upper estimate of the peak); RSS: process growth over that run (0 when the process already had the memory). 10 M entries: lazy walks only.',
    '',
    '| container | entries | candidate | median | ns/entry | time vs hand-written | heap | RSS |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const row of rows) {
    row.timings.forEach((t, i) => {
      const base = row.timings.find((b) => b.name === t.baseline)!;
      lines.push(
        `| ${i === 0 ? row.workload : ''} | ${i === 0 ? row.entries.toLocaleString('en-US') : ''} | ${t.name} | ${fmt(t.medianMs, 2)} ms | ${fmt(t.nsPerEntry, 1)} | ${fmt(t.medianMs / base.medianMs, 2)} | ${fmt(t.heapMB, 1)} MB | ${fmt(t.rssMB, 1)} MB |`,
      );
    });
  }
  lines.push(
    '',
    'The walks cost the same per entry at 10 M as at 10 k: no work grows with the size of the chain or area (the checks are per block or page, the page claims a hash set of numbers). Building an array of a million decoded objects costs several times more per entry than building ten thousand, for kho-abi and the hand-written reader alike: V8 copies every object that stays alive out of the young generation. That cost belongs to holding the objects, which is why the walks and iterators exist.',
    '',
  );
  // Flatness: per-entry cost of each candidate at its smallest and largest size.
  const byName = new Map<string, { n: number; ns: number }[]>();
  for (const row of rows) for (const t of row.timings) byName.set(`${row.workload}: ${t.name}`, [...(byName.get(`${row.workload}: ${t.name}`) ?? []), { n: row.entries, ns: t.nsPerEntry }]);
  lines.push('Per-entry cost from the smallest to the largest size measured (flat means the ratio stays near 1):', '');
  for (const [name, points] of byName) {
    if (points.length < 2) continue;
    const first = points[0]!;
    const last = points[points.length - 1]!;
    lines.push(`- ${name}: ${fmt(first.ns, 1)} ns at ${first.n.toLocaleString('en-US')}, ${fmt(last.ns, 1)} ns at ${last.n.toLocaleString('en-US')} (x${fmt(last.ns / first.ns, 2)}).`);
  }
  lines.push('');
  return lines;
}

/**
 * Run alone: prints the section; `--write` also puts it into RESULTS.md in
 * place of the one there (or at the end), leaving the other sections as
 * they are; `--quick` measures 10 k and 100 k only.
 */
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const section = containersSection(quick ? containerBenchmarks([10_000, 100_000], []) : containerBenchmarks());
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`;
  section.splice(2, 0, `Measured alone by \`npx tsx bench/containers.bench.ts --write\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.`, '');
  process.stdout.write(section.join('\n') + '\n');
  if (process.argv.includes('--write')) {
    const path = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
    const old = readFileSync(path, 'utf8');
    const start = old.indexOf('## Container readers');
    const end = start < 0 ? -1 : old.indexOf('\n## ', start + 1);
    const before = start < 0 ? old.replace(/\n*$/, '\n\n') : old.slice(0, start);
    writeFileSync(path, before + section.join('\n') + (end < 0 ? '' : old.slice(end)));
  }
}
