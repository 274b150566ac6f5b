/**
 * A picture of preserved physical memory: every block the KHO memory map
 * records, coloured by what the walk of an image found in it (the LUO
 * root, session and file blocks, handler state, folios, the FLB page, other
 * KHO blobs), laid out as rows of ROW_PAGES pages at their addresses, so
 * that a glance shows what is preserved, where, and by whom. SVG, one
 * <rect> per block and row it covers, with data-pa, data-pages and
 * data-owner for tools (and the tests) to read back.
 */
import type { PhysMem } from '../phys-mem.js';
import { walkBitmapChain } from '../containers/bitmap-chain.js';
import type { BitmapChainDescriptor, RadixTreeDescriptor } from '../containers/descriptors.js';
import { walkRadixTree } from '../containers/kho-radix.js';
import type { InspectBlob, InspectFile, InspectLuo, InspectReport, InspectSession } from './inspect.js';

export const OWNERS = ['luo', 'sessions', 'files', 'handler', 'folio', 'flb', 'blob', 'memmap', 'preserved'] as const;
export type Owner = (typeof OWNERS)[number];

const COLOURS: Readonly<Record<Owner, string>> = {
  luo: '#d62728',
  sessions: '#ff7f0e',
  files: '#bcbd22',
  handler: '#2ca02c',
  folio: '#1f77b4',
  flb: '#9467bd',
  blob: '#8c564b',
  memmap: '#e377c2',
  preserved: '#7f7f7f',
};

const LABELS: Readonly<Record<Owner, string>> = {
  luo: 'LUO root (luo_ser)',
  sessions: 'session blocks',
  files: 'file blocks',
  handler: 'handler state',
  folio: 'folios',
  flb: 'FLB page and state',
  blob: 'other KHO blobs',
  memmap: 'the memory map itself (kho-v1 chunk and bitmap pages)',
  preserved: 'preserved, owner not found by the walk (vmalloc chunks, arrays)',
};

/** Pages a row of the picture shows: 2 MiB at 4 KiB pages. */
export const ROW_PAGES = 512;
const CELL = 2;
const ROW_HEIGHT = 14;
const LEFT = 110;
const TOP = 30;

export interface PreservedRange {
  readonly pfn: number;
  readonly pages: number;
  readonly owner: Owner;
}

/**
 * Which walked structure each page holds, the first one named winning: fed
 * part by part as a walk streams (head, each session and file, blobs last),
 * or from a whole report (ownersOfReport). It grows with the pages the walk
 * names, which the picture draws anyway.
 */
export class PageOwners {
  readonly pages = new Map<number, Owner>();
  constructor(private readonly pageSize: number) {}

  own(pa: bigint | null | undefined, owner: Owner): void {
    if (pa === null || pa === undefined || pa === 0n) return;
    const pfn = Number(pa / BigInt(this.pageSize));
    if (!this.pages.has(pfn)) this.pages.set(pfn, owner);
  }

  /** The LUO root, the FLB page and each FLB's state. */
  ownLuo(luo: InspectLuo | null): void {
    if (!luo) return;
    this.own(luo.pa, 'luo');
    this.own(luo.flbs_pa, 'flb');
    for (const f of luo.flbs) this.own(f.data, 'flb');
  }

  ownSession(s: InspectSession): void {
    this.own(s.pa, 'sessions');
  }

  ownFile(f: InspectFile): void {
    const ps = BigInt(this.pageSize);
    this.own(f.pa, 'files');
    if (f.handler) this.own(f.data, 'handler');
    for (const e of f.entries ?? []) {
      const pfn = e.pfn;
      if (typeof pfn === 'number' || typeof pfn === 'bigint') this.own(BigInt(pfn) * ps, 'folio');
    }
  }

  /** The other KHO blobs, every page of each; named last, as the walk finds them first. */
  ownBlobs(blobs: readonly InspectBlob[]): void {
    const ps = BigInt(this.pageSize);
    for (const b of blobs) for (let i = 0; i < b.pages; i++) this.own(b.pa + BigInt(i) * ps, 'blob');
  }
}

/** The owners of a whole report's pages. */
export function ownersOfReport(report: InspectReport, pageSize: number): PageOwners {
  const owners = new PageOwners(pageSize);
  owners.ownLuo(report.luo);
  for (const s of report.luo?.sessions ?? []) {
    owners.ownSession(s);
    for (const f of s.files) owners.ownFile(f);
  }
  owners.ownBlobs(report.kho.blobs);
  return owners;
}

/** The memory map's blocks, each with the owner of the first of its pages the walk names. */
export function preservedRanges(mem: PhysMem, radix: RadixTreeDescriptor, report: InspectReport, chain?: BitmapChainDescriptor): PreservedRange[] {
  return preservedRangesOf(mem, radix, report.kho.memory_map, ownersOfReport(report, mem.pageSize), chain);
}

/**
 * The blocks of the memory map at `root`, each with the owner of the first
 * of its pages `owners` names. With `chain` (a kho-v1 root) the map is that
 * chunk chain, and its chunk and bitmap pages are drawn too: kho-v1's next
 * kernel reserves them at boot for as long as it reads them, so they are
 * preserved by KHO though no bit names them.
 */
export function preservedRangesOf(mem: PhysMem, radix: RadixTreeDescriptor, root: bigint | null, owners: PageOwners, chain?: BitmapChainDescriptor): PreservedRange[] {
  if (root === null || root === 0n) return [];
  const out: PreservedRange[] = [];
  const visit = (pfn: number, order: number): void => {
    const pages = 2 ** order;
    let owner: Owner = 'preserved';
    for (let p = pfn; p < pfn + pages; p++) {
      const o = owners.pages.get(p);
      if (o) {
        owner = o;
        break;
      }
    }
    out.push({ pfn, pages, owner });
  };
  if (chain) {
    const mapPages = new Set<number>();
    walkBitmapChain(mem, chain, root, visit, { onMapPage: (pfn) => mapPages.add(pfn) });
    for (const pfn of mapPages) out.push({ pfn, pages: 1, owner: 'memmap' });
  } else {
    walkRadixTree(mem, radix, root, visit);
  }
  return out.sort((a, b) => a.pfn - b.pfn);
}

const hex = (n: bigint): string => `0x${n.toString(16)}`;

/** The SVG: a row per ROW_PAGES-page region holding preserved pages, labelled with its address; a legend. */
export function memoryMapSvg(ranges: readonly PreservedRange[], pageSize: number): string {
  const rows = [...new Set(ranges.flatMap((r) => {
    const first = Math.floor(r.pfn / ROW_PAGES);
    const last = Math.floor((r.pfn + r.pages - 1) / ROW_PAGES);
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }))].sort((a, b) => a - b);
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const width = LEFT + ROW_PAGES * CELL + 10;
  const legendTop = TOP + rows.length * ROW_HEIGHT + 20;
  const height = legendTop + OWNERS.length * 16 + 10;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="monospace" font-size="11">`,
    '  <!-- Generated by kho-abi (inspect --map) from a memory image. -->',
    `  <title>Preserved physical memory: ${ranges.length} blocks, ${ranges.reduce((n, r) => n + r.pages, 0)} pages of ${pageSize} bytes</title>`,
    `  <text x="4" y="16">preserved memory, ${ROW_PAGES} pages (${(ROW_PAGES * pageSize) / 1024} KiB) a row, ${CELL} px a page</text>`,
  ];
  rows.forEach((row, i) => {
    out.push(`  <text x="4" y="${TOP + i * ROW_HEIGHT + 10}">${hex(BigInt(row) * BigInt(ROW_PAGES) * BigInt(pageSize))}</text>`);
    out.push(`  <rect class="row" x="${LEFT}" y="${TOP + i * ROW_HEIGHT}" width="${ROW_PAGES * CELL}" height="${ROW_HEIGHT - 2}" fill="#f4f4f4"/>`);
  });
  for (const r of ranges) {
    for (let p = r.pfn; p < r.pfn + r.pages; ) {
      const row = Math.floor(p / ROW_PAGES);
      const end = Math.min(r.pfn + r.pages, (row + 1) * ROW_PAGES);
      const x = LEFT + (p % ROW_PAGES) * CELL;
      const y = TOP + rowIndex.get(row)! * ROW_HEIGHT;
      out.push(
        `  <rect class="block" data-pa="${hex(BigInt(r.pfn) * BigInt(pageSize))}" data-pages="${r.pages}" data-owner="${r.owner}" x="${x}" y="${y}" width="${(end - p) * CELL}" height="${ROW_HEIGHT - 2}" fill="${COLOURS[r.owner]}"><title>${hex(BigInt(r.pfn) * BigInt(pageSize))}: ${r.pages} page${r.pages === 1 ? '' : 's'}, ${LABELS[r.owner]}</title></rect>`,
      );
      p = end;
    }
  }
  OWNERS.forEach((o, i) => {
    const y = legendTop + i * 16;
    out.push(`  <rect class="legend" x="4" y="${y}" width="10" height="10" fill="${COLOURS[o]}"/>`, `  <text x="20" y="${y + 9}">${LABELS[o]}</text>`);
  });
  out.push('</svg>', '');
  return out.join('\n');
}
