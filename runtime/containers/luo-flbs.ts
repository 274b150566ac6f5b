/**
 * The FLB page as the next kernel reads it: luo_ser.flbs_pa is the physical
 * address of one preserved page (LUO_FLB_PGCNT pages at most) holding a
 * luo_flb_header_ser {pgcnt, count} and then `count` luo_flb_ser entries.
 *
 * The kernel's incoming path (luo_flb_setup_incoming, luo_flb_retrieve_one)
 * takes flbs_pa 0 as "no FLBs", never reads pgcnt, and looks an FLB up by
 * walking `count` entries with strcmp on the name, the first match winning.
 * It does not bound `count`: a count beyond the page makes it read past
 * its page. This reader refuses that instead (it cannot read what is not
 * the page), with a typed ReaderLimitError; a pgcnt other than the one
 * page the kernel preserves, and a name listed twice (the later entries
 * are never found), are warnings. Codecs are the caller's, as in
 * luo-sessions.ts.
 */
import type { StructCodec } from '../codec.js';
import { DecodeError } from '../errors.js';
import type { PhysMem } from '../phys-mem.js';
import { acceptedAnomaly, type ReadOptions } from '../warnings.js';
import { expectKind, forPageSize, type PageArrayDescriptor } from './descriptors.js';
import { atAddress, locateWarnings, ReaderLimitError } from './limits.js';

/** What the reader needs of a decoded luo_flb_header_ser. */
export interface LuoFlbHeaderRecord {
  readonly pgcnt: bigint;
  readonly count: bigint;
}

/** What the reader needs of a decoded luo_flb_ser. */
export interface LuoFlbRecord {
  readonly name: string;
  readonly data: bigint;
  readonly count: bigint;
}

export interface LuoFlbCodecs<H extends LuoFlbHeaderRecord, F extends LuoFlbRecord> {
  readonly header: StructCodec<H>;
  readonly entry: StructCodec<F>;
}

export interface LuoFlbOptions extends ReadOptions {
  /** The pages the writing kernel preserved for the FLB page; the descriptor's pages (LUO_FLB_PGCNT) by default. */
  readonly pages?: number;
}

export const FLB_KERNEL = {
  setupIncoming: 'luo_flb_setup_incoming (kernel/liveupdate/luo_flb.c)',
  retrieveOne: 'luo_flb_retrieve_one (kernel/liveupdate/luo_flb.c)',
} as const;

export interface RestoredFlbs<H, F> {
  readonly header?: H;
  /** In page order; an FLB the kernel would find is the first entry of its name. */
  readonly entries: readonly F[];
}

/**
 * The FLB page at `flbsPa` (0: none) as the next kernel reads it; `page` is
 * its layout (LUO_FLB_PAGE_CONTAINER in generated/ts/luo.ts).
 */
export function readLuoFlbs<H extends LuoFlbHeaderRecord, F extends LuoFlbRecord>(mem: PhysMem, page: PageArrayDescriptor, flbsPa: bigint, codecs: LuoFlbCodecs<H, F>, opts: LuoFlbOptions = {}): RestoredFlbs<H, F> {
  expectKind(page, 'page_array');
  const p = forPageSize(page, mem.pageSize);
  const head = p.header;
  const countMember = p.count;
  if (!head || !countMember) throw new TypeError(`${p.name}: the FLB reader needs a page array that starts with a header`);
  const pages = opts.pages ?? p.pages;
  if (flbsPa === 0n) return { entries: [] };
  const seen = opts.warnings?.length ?? 0;
  let header: H;
  try {
    header = mem.decode(codecs.header, flbsPa, opts);
  } catch (e) {
    if (e instanceof DecodeError && e.address === undefined) throw atAddress(e, flbsPa);
    throw e;
  }
  locateWarnings(opts.warnings, seen, flbsPa);
  const at = (m: { name: string; offset: number }): { struct: string; field: string; offset: number; address: bigint } => ({ struct: head.name, field: m.name, offset: m.offset, address: flbsPa + BigInt(m.offset) });
  if (p.pagesMember && header.pgcnt !== BigInt(pages)) {
    acceptedAnomaly(opts, 'flb-pgcnt', new DecodeError(at(p.pagesMember), `pgcnt is ${header.pgcnt}, not the ${pages} page(s) the writer preserves; the kernel never reads it`), FLB_KERNEL.setupIncoming);
  }
  const capacity = Math.floor((pages * mem.pageSize - head.size) / p.entry.size);
  if (header.count > BigInt(capacity)) {
    throw new ReaderLimitError(
      at(countMember),
      'FLB page',
      capacity,
      `count ${header.count} is more entries than the ${pages} page(s) hold; the kernel does not check it and reads past its page (${FLB_KERNEL.retrieveOne})`,
    );
  }
  const n = Number(header.count);
  const entries: F[] = [];
  const names = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const pa = flbsPa + BigInt(head.size + i * p.entry.size);
    const before = opts.warnings?.length ?? 0;
    const entry = mem.decode(codecs.entry, pa, opts);
    locateWarnings(opts.warnings, before, pa);
    const first = names.get(entry.name);
    if (first !== undefined) {
      acceptedAnomaly(
        opts,
        'flb-duplicate',
        new DecodeError({ struct: codecs.entry.name, field: 'name', offset: 0, address: pa }, `entry ${i} repeats the name of entry ${first}; the kernel finds only the first (strcmp, first match)`),
        FLB_KERNEL.retrieveOne,
      );
    } else names.set(entry.name, i);
    entries.push(entry);
  }
  return { header, entries };
}
