/**
 * The KHO array read in C (test/c/kho-array-reader.c, built only on the
 * generated kho_array.h) and in TypeScript (readSparseArray) from the same
 * image file: the same entries, the same warning and the same refusal at
 * the same field and address, for random arrays (fast-check), random
 * arrays with random bytes overwritten, and each case KA1-KA8 of
 * test/kho-array.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KHO_ARRAY_PAGES_CONTAINER } from '../generated/ts/kho_array.js';
import { PhysMem, readSparseArray, writeSparseArray, type ReadWarning, type SparseArrayItem } from '../runtime/index.js';
import { writeImageFile } from '../runtime/liveupdate/index.js';
import { buildCReader, cReport, runCReader, tsErrorLine, tsWarningLine, type ReportLine } from './helpers/c-reader.js';

const page = (n: number): bigint => BigInt(n) << 12n;
const AT = page(1) + 64n;
const FIRST_PAGE = 0x10;
const allocator = (): (() => bigint) => {
  let n = FIRST_PAGE;
  return () => page(n++);
};

/** The kinds of refusal test/c/kho-array-reader.c names, from the TypeScript reader's message. */
const kind = (reason: string): string => (/^magic/.test(reason) ? 'magic' : /^format version/.test(reason) ? 'version' : /second time/.test(reason) ? 'page-loop' : /maxPages/.test(reason) ? 'page-limit' : `unknown: ${reason}`);

interface Outcome {
  readonly entries: string;
  readonly report: ReportLine[];
}

function tsRead(mem: PhysMem, maxPages?: number): Outcome {
  const warnings: ReadWarning[] = [];
  try {
    const got = readSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT, { warnings, ...(maxPages !== undefined ? { maxPages } : {}) });
    const entries = got.map((e) => `entry position=${e.position} ${e.value !== undefined ? `value=${e.value}` : `address=${e.address}`}\n`).join('');
    return { entries, report: warnings.map(tsWarningLine) };
  } catch (e) {
    return { entries: '', report: [...warnings.map(tsWarningLine), tsErrorLine(e, kind)] };
  }
}

let dir: string;
let reader: string;
let runs = 0;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kho-abi-karr-c-'));
  reader = join(dir, 'kho-array-reader');
  await buildCReader('kho-array-reader', reader);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cRead(mem: PhysMem, maxPages?: number): Promise<Outcome & { code: number | null }> {
  const path = join(dir, `image-${runs++}.img`);
  writeImageFile(path, mem, new Uint8Array(0));
  const run = await runCReader(reader, [path, String(AT), ...(maxPages !== undefined ? [String(maxPages)] : [])]);
  rmSync(path);
  return { code: run.code, entries: run.stdout, report: cReport(run.stderr) };
}

/** Both readers on `mem`: the C reader's entries, warnings and refusal are the TypeScript reader's. */
async function agree(mem: PhysMem, maxPages?: number): Promise<Outcome> {
  const want = tsRead(mem, maxPages);
  const got = await cRead(mem, maxPages);
  expect({ entries: got.entries, report: got.report }).toEqual(want);
  expect(got.code).toBe(want.report.some((l) => l.startsWith('error')) ? 1 : 0);
  return want;
}

const u64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
/** Positions near each other (several per page), across pages, and anywhere in the u64 range. */
const position = fc.oneof(fc.bigInt({ min: 0n, max: 2000n }), fc.bigInt({ min: 0n, max: 200_000n }), u64);
const item = (p: bigint): fc.Arbitrary<SparseArrayItem> =>
  fc.oneof(
    fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map((value) => ({ position: p, value })),
    fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map((half) => ({ position: p, address: half << 1n })),
  );
const items: fc.Arbitrary<SparseArrayItem[]> = fc
  .uniqueArray(position, { maxLength: 12 })
  .map((ps) => [...ps].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
  .chain((ps) => fc.tuple(...ps.map(item)));

function written(list: readonly SparseArrayItem[]): { mem: PhysMem; pages: bigint[] } {
  const mem = new PhysMem();
  mem.map(page(1), 4096);
  const pages = writeSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT, list, allocator());
  return { mem, pages };
}

describe('KHO array: the C reader reads what the TypeScript reader reads', () => {
  it('random arrays', async () => {
    await fc.assert(
      fc.asyncProperty(items, async (list) => {
        const { mem } = written(list);
        const out = await agree(mem);
        // The posted iterator never reads an array whose first page starts above 0 (KA6); any other is read whole.
        if (list.length && list[0]!.position < BigInt(KHO_ARRAY_PAGES_CONTAINER.capacity[4096])) {
          expect(out.report).toEqual([]);
          expect(out.entries.split('\n').length - 1).toBe(list.length);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('random arrays with page starts, next pointers and random bytes overwritten', async () => {
    // A header member (next or startpos) set to a random value or another page's address, or any byte of the descriptor or a page.
    const edit = fc.oneof(
      fc.record({ page: fc.nat(20), member: fc.constantFrom(0, 8), value: fc.oneof(u64, fc.bigInt({ min: 0n, max: 3000n }), fc.nat(20).map((n) => page(FIRST_PAGE + n))) }),
      fc.record({ page: fc.nat(20), byte: fc.nat(4095), value: fc.nat(255) }),
      fc.record({ descriptorByte: fc.nat(15), value: fc.nat(255) }),
    );
    await fc.assert(
      fc.asyncProperty(items, fc.array(edit, { minLength: 1, maxLength: 4 }), async (list, edits) => {
        const { mem, pages } = written(list);
        for (const e of edits) {
          if ('descriptorByte' in e) mem.write(AT + BigInt(e.descriptorByte), new Uint8Array([e.value]));
          else if (pages.length === 0) continue;
          else if ('member' in e) mem.writeU64(pages[e.page % pages.length]! + BigInt(e.member), BigInt.asUintN(64, e.value));
          else mem.write(pages[e.page % pages.length]! + BigInt(e.byte), new Uint8Array([e.value]));
        }
        await agree(mem);
      }),
      { numRuns: 80 },
    );
  });
});

describe('KHO array: the C reader refuses what the TypeScript reader refuses (KA1-KA8)', () => {
  const two = (): { mem: PhysMem; pages: bigint[] } =>
    written([
      { position: 0n, value: 1n },
      { position: 600n, value: 2n },
    ]);

  it('KA1: another magic', async () => {
    const { mem } = two();
    mem.write(AT, new Uint8Array([0, 0, 0, 0]));
    expect((await agree(mem)).report).toEqual([`error[magic]: kho_array.magic at physical address 0x${AT.toString(16)}`]);
  });

  it('KA2: another format version', async () => {
    const { mem } = two();
    mem.write(AT + 4n, new Uint8Array([1, 0]));
    expect((await agree(mem)).report).toEqual([`error[version]: kho_array.version at physical address 0x${(AT + 4n).toString(16)}`]);
  });

  it('KA3: first 0 is an empty array', async () => {
    expect(await agree(written([]).mem)).toEqual({ entries: '', report: [] });
  });

  it('KA4: a page reached twice', async () => {
    const { mem, pages } = two();
    mem.writeU64(pages[1]!, pages[0]!);
    expect((await agree(mem)).report).toEqual([`error[page-loop]: kho_array_page.next at physical address 0x${pages[0]!.toString(16)}`]);
  });

  it('KA5: more pages than the cap', async () => {
    const { mem } = written([0n, 600n, 1200n].map((position) => ({ position, value: 1n })));
    expect((await agree(mem, 2)).report).toEqual([`error[page-limit]: kho_array_page.next at physical address 0x${page(FIRST_PAGE + 2).toString(16)}`]);
    expect((await agree(mem, 3)).report).toEqual([]);
  });

  it('KA6: shadowed entries and a first page not at 0 are skipped, with one warning', async () => {
    const { mem, pages } = written([
      { position: 0n, value: 1n },
      { position: 10n, value: 2n },
      { position: 520n, value: 3n },
    ]);
    mem.writeU64(pages[1]! + 8n, 5n);
    const out = await agree(mem);
    expect(out.entries).toBe('entry position=0 value=1\nentry position=15 value=3\n');
    expect(out.report).toEqual([`warning[sparse-array-unread]: kho_array_page.startpos at physical address 0x${(pages[0]! + 8n).toString(16)}`]);
    const lone = written([{ position: 600n, value: 9n }]);
    expect(await agree(lone.mem)).toEqual({ entries: '', report: [`warning[sparse-array-unread]: kho_array_page.startpos at physical address 0x${(lone.pages[0]! + 8n).toString(16)}`] });
  });

  it('KA7: values and addresses at sparse positions, across pages', async () => {
    const list: SparseArrayItem[] = [
      { position: 0n, value: 5n },
      { position: 3n, address: 0x42000n },
      { position: 509n, value: 1n << 62n },
      { position: 100_000n, address: 0x43000n },
      { position: 100_001n, value: 0n },
      { position: 2n ** 64n - 1n, value: 2n ** 63n - 1n },
    ];
    const out = await agree(written(list).mem);
    expect(out.entries).toBe(list.map((i) => `entry position=${i.position} ${'value' in i ? `value=${i.value}` : `address=${i.address}`}\n`).join(''));
  });

  it('KA8: a page not in memory', async () => {
    const { mem, pages } = two();
    mem.writeU64(pages[0]!, page(0x999));
    expect((await agree(mem)).report).toEqual([`error[memory]: kho_array_page at physical address 0x999000`]);
  });
});
