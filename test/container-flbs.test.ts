/**
 * The FLB page read as the next kernel reads it (luo_flb_setup_incoming,
 * luo_flb_retrieve_one): flbs_pa 0 is no FLBs; pgcnt is never read (a
 * warning when it is not the one page preserved); a name listed twice is
 * found once (a warning); a count beyond the page, which the kernel would
 * read past, is refused before any entry is read; the codecs' own checks
 * (padding after a name's NUL) come through as warnings with addresses.
 */
import { describe, expect, it } from 'vitest';
import { LUO_FLB_PGCNT, luoFlbHeaderSerCodec, luoFlbSerCodec, LUO_FLB_PAGE_CONTAINER } from '../generated/ts/luo.js';
import { PhysMem, readLuoFlbs, ReaderLimitError, type ReadWarning } from '../runtime/index.js';

const PA = 0x40000n;
const codecs = { header: luoFlbHeaderSerCodec, entry: luoFlbSerCodec };

function page(entries: { name: string; data: bigint; count: bigint }[], header: { pgcnt?: bigint; count?: bigint } = {}): PhysMem {
  const mem = new PhysMem();
  mem.map(PA, 4096);
  mem.encode(luoFlbHeaderSerCodec, { pgcnt: header.pgcnt ?? BigInt(LUO_FLB_PGCNT), count: header.count ?? BigInt(entries.length) }, PA);
  entries.forEach((e, i) => mem.encode(luoFlbSerCodec, e, PA + BigInt(16 + i * 64)));
  return mem;
}

describe('readLuoFlbs', () => {
  it('reads every entry of the page, in order', () => {
    const mem = page([
      { name: 'pci-v2', data: 0x5000n, count: 3n },
      { name: 'iommu-v1', data: 0x6000n, count: 1n },
    ]);
    const r = readLuoFlbs(mem, LUO_FLB_PAGE_CONTAINER, PA, codecs, { pages: LUO_FLB_PGCNT });
    expect(r.entries.map((e) => [e.name, e.data, e.count])).toEqual([
      ['pci-v2', 0x5000n, 3n],
      ['iommu-v1', 0x6000n, 1n],
    ]);
  });

  it('flbs_pa 0: no FLBs, nothing read', () => {
    expect(readLuoFlbs(new PhysMem(), LUO_FLB_PAGE_CONTAINER, 0n, codecs, { pages: 1 }).entries).toEqual([]);
  });

  it('a pgcnt the kernel never reads, and a name listed twice, are warnings naming the address; strict refuses them', () => {
    const mem = page([{ name: 'pci-v2', data: 1n, count: 1n }, { name: 'pci-v2', data: 2n, count: 1n }], { pgcnt: 7n });
    const warnings: ReadWarning[] = [];
    const r = readLuoFlbs(mem, LUO_FLB_PAGE_CONTAINER, PA, codecs, { pages: 1, warnings });
    expect(r.entries).toHaveLength(2);
    expect(warnings.map((w) => [w.code, w.address, w.kernel])).toEqual([
      ['flb-pgcnt', PA, 'luo_flb_setup_incoming (kernel/liveupdate/luo_flb.c)'],
      ['flb-duplicate', PA + 16n + 64n, 'luo_flb_retrieve_one (kernel/liveupdate/luo_flb.c)'],
    ]);
    expect(() => readLuoFlbs(mem, LUO_FLB_PAGE_CONTAINER, PA, codecs, { pages: 1, strict: true })).toThrow(/pgcnt is 7.*strict/);
  });

  it('a count beyond the page (2^64-1 included) is refused before any entry is read', () => {
    for (const count of [64n, 2n ** 64n - 1n]) {
      const mem = page([], { count });
      let e: unknown;
      try {
        readLuoFlbs(mem, LUO_FLB_PAGE_CONTAINER, PA, codecs, { pages: 1 });
      } catch (x) {
        e = x;
      }
      expect(e).toBeInstanceOf(ReaderLimitError);
      expect((e as ReaderLimitError).address).toBe(PA + 8n);
      expect((e as Error).message).toContain('reads past its page');
    }
    // 63 entries fill the page exactly: (4096 - 16) / 64.
    expect(readLuoFlbs(page(Array.from({ length: 63 }, (_, i) => ({ name: `f${i}`, data: 0n, count: 1n }))), LUO_FLB_PAGE_CONTAINER, PA, codecs, { pages: 1 }).entries).toHaveLength(63);
  });

  it("a codec's warning (bytes after a name's NUL) comes through at its physical address", () => {
    const mem = page([{ name: 'pci-v2', data: 0n, count: 1n }]);
    mem.write(PA + 16n + 40n, new Uint8Array([0x7f]));
    const warnings: ReadWarning[] = [];
    readLuoFlbs(mem, LUO_FLB_PAGE_CONTAINER, PA, codecs, { pages: 1, warnings });
    expect(warnings.map((w) => [w.code, w.struct, w.field, w.address])).toEqual([['string-padding', 'luo_flb_ser', 'name', PA + 16n + 40n]]);
  });
});
