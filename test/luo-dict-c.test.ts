/**
 * The flat dictionary read in C (test/c/luo-dict-reader.c, built only on
 * the generated luo_dict.h and block.h) and in TypeScript (readLuoDict)
 * from the same image file: the same entries and the same refusal at the
 * same field and address, for random dictionaries (fast-check), random
 * dictionaries with random bytes overwritten, and each case D1-D7 of
 * test/luo-dict.test.ts; lookups (D7) give the same entry or errno.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KHO_BLOCK_CONTAINER } from '../generated/ts/block.js';
import { LUO_DICT_CONTAINER, LUO_DICT_TYPE_BLOB, LUO_DICT_TYPE_KHO_ARRAY } from '../generated/ts/luo_dict.js';
import { DictLookupError, lookupLuoDict, PhysMem, readLuoDict, writeLuoDict, type DictEntry } from '../runtime/index.js';
import { writeImageFile } from '../runtime/liveupdate/index.js';
import { quoteTreeString } from '../runtime/liveupdate/tree.js';
import { buildCReader, cReport, runCReader, tsErrorLine, type ReportLine } from './helpers/c-reader.js';

const page = (n: number): bigint => BigInt(n) << 12n;
const descs = { dict: LUO_DICT_CONTAINER, blocks: KHO_BLOCK_CONTAINER };
const ROOT = page(2);
const BLOCKS = [page(3), page(4), page(5)];
const hex = (n: bigint): string => n.toString(16);

/** The kinds of refusal test/c/luo-dict-reader.c names, from the TypeScript reader's message. */
const kind = (reason: string): string =>
  /^magic/.test(reason) ? 'magic'
  : /^format version/.test(reason) ? 'version'
  : /loops back/.test(reason) ? 'chain-loop'
  : /longer than/.test(reason) ? 'chain-long'
  : /is outside 1\.\./.test(reason) ? 'block-count'
  : /^count/.test(reason) ? 'count'
  : /listed twice/.test(reason) ? 'name-twice'
  : /name is empty/.test(reason) ? 'name-empty'
  : /has no NUL/.test(reason) ? 'name-nul'
  : `unknown: ${reason}`;

interface Outcome {
  readonly entries: string;
  readonly report: ReportLine[];
}

const line = (e: DictEntry): string => `entry name=${quoteTreeString(e.name)} type=${e.type} version=${e.version} pa=${e.address}\n`;

function tsRead(mem: PhysMem): Outcome {
  try {
    return { entries: readLuoDict(mem, descs, ROOT).map(line).join(''), report: [] };
  } catch (e) {
    return { entries: '', report: [tsErrorLine(e, kind)] };
  }
}

let dir: string;
let reader: string;
let runs = 0;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kho-abi-dict-c-'));
  reader = join(dir, 'luo-dict-reader');
  await buildCReader('luo-dict-reader', reader);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Both readers on `mem`: the C reader's entries and refusal are the TypeScript reader's. */
function imageFile(mem: PhysMem): string {
  const path = join(dir, `image-${runs++}.img`);
  writeImageFile(path, mem, new Uint8Array(0));
  return path;
}

async function agree(mem: PhysMem): Promise<Outcome> {
  const want = tsRead(mem);
  const path = imageFile(mem);
  const run = await runCReader(reader, [path, String(ROOT)]);
  rmSync(path);
  expect({ entries: run.stdout, report: cReport(run.stderr) }).toEqual(want);
  expect(run.code).toBe(want.report.length ? 1 : 0);
  return want;
}

function image(list: readonly DictEntry[]): PhysMem {
  const mem = new PhysMem();
  writeLuoDict(mem, descs, ROOT, BLOCKS, list);
  return mem;
}

/** ASCII names (printable, 1 to 47 bytes): the TypeScript reader decodes UTF-8, the C reader compares bytes. */
const name = fc.array(fc.integer({ min: 0x20, max: 0x7e }), { minLength: 1, maxLength: 47 }).map((c) => String.fromCharCode(...c));
const u32 = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const entry = (n: string): fc.Arbitrary<DictEntry> => fc.record({ name: fc.constant(n), type: u32, version: u32, address: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }) });
/** Up to 3 blocks of 63 entries; names unique, some sharing a long prefix. */
const entries: fc.Arbitrary<DictEntry[]> = fc
  .uniqueArray(fc.oneof(name, name.map((s) => ('x'.repeat(40) + s).slice(0, 47))), { maxLength: 150 })
  .chain((names) => fc.tuple(...names.map(entry)));

const sample: DictEntry[] = [
  { name: 'LUO', type: LUO_DICT_TYPE_BLOB, version: 5, address: page(0x20) },
  { name: 'memfd-folios', type: LUO_DICT_TYPE_KHO_ARRAY, version: 0, address: page(0x21) },
];

describe('flat dictionary: the C reader reads what the TypeScript reader reads', () => {
  it('random dictionaries', async () => {
    await fc.assert(
      fc.asyncProperty(entries, async (list) => {
        expect((await agree(image(list))).entries).toBe(list.map(line).join(''));
      }),
      { numRuns: 40 },
    );
  });

  it('random dictionaries with bytes of the header or the chain overwritten', async () => {
    // A byte of the header, of a block header, or of an entry (a name byte stays ASCII, so both readers see the same name).
    const edit = fc.oneof(
      fc.record({ at: fc.nat(23).map((o) => ROOT + BigInt(o)), value: fc.nat(255) }),
      fc.record({ at: fc.tuple(fc.nat(2), fc.nat(15)).map(([b, o]) => BLOCKS[b]! + BigInt(o)), value: fc.oneof(fc.nat(255), fc.constantFrom(0, 1, 3, 4)) }),
      fc.record({ at: fc.tuple(fc.nat(2), fc.nat(62), fc.nat(63)).map(([b, i, o]) => BLOCKS[b]! + 16n + BigInt(i * 64 + o)), value: fc.nat(0x7f) }),
      // A next pointer at another block: a loop, or a chain cut short.
      fc.record({ next: fc.tuple(fc.nat(2), fc.nat(2)).map(([b, to]) => [BLOCKS[b]!, BLOCKS[to]!] as const) }),
    );
    await fc.assert(
      fc.asyncProperty(entries, fc.array(edit, { minLength: 1, maxLength: 4 }), async (list, edits) => {
        const mem = image(list);
        for (const e of edits) {
          if ('next' in e) {
            if (mem.isPresent(e.next[0])) mem.writeU64(e.next[0], e.next[1]);
          } else if (mem.isPresent(e.at)) mem.write(e.at, new Uint8Array([e.value]));
        }
        await agree(mem);
      }),
      { numRuns: 80 },
    );
  });
});

describe('flat dictionary: the C reader refuses what the TypeScript reader refuses (D1-D7)', () => {
  it('D1/D2: another magic or format version', async () => {
    const mem = image(sample);
    mem.write(ROOT + 4n, new Uint8Array([2, 0, 0, 0]));
    expect((await agree(mem)).report).toEqual([`error[version]: luo_dict_ser.version at physical address 0x${hex(ROOT + 4n)}`]);
    mem.write(ROOT, new Uint8Array([0, 0, 0, 0]));
    expect((await agree(mem)).report).toEqual([`error[magic]: luo_dict_ser.magic at physical address 0x${hex(ROOT)}`]);
  });

  it('D3: no entries is empty; a count that differs from the chain is refused', async () => {
    expect(await agree(image([]))).toEqual({ entries: '', report: [] });
    const mem = image(sample);
    mem.writeU64(ROOT + 8n, 0xffff_ffff_ffff_ffffn);
    expect((await agree(mem)).report).toEqual([`error[count]: luo_dict_ser.count at physical address 0x${hex(ROOT + 8n)}`]);
  });

  it('D4: a name listed twice', async () => {
    const mem = image([...sample, { name: 'a', type: 1, version: 1, address: 0n }, { ...sample[1]!, address: 0n }, { ...sample[0]!, address: 0n }]);
    // The first entry that repeats a name is the fourth (memfd-folios), not the fifth.
    expect((await agree(mem)).report).toEqual([`error[name-twice]: luo_dict_entry_ser.name at physical address 0x${hex(BLOCKS[0]! + 16n + 3n * 64n)}`]);
  });

  it('D4: names told apart by their bytes: two that are not UTF-8 and decode alike are distinct; the same bytes twice are not', async () => {
    // 0xfe and 0xff are no UTF-8: both names decode to U+FFFD then 'A'.
    const odd = (mem: PhysMem, entry: number, byte: number): void => mem.write(BLOCKS[0]! + 16n + BigInt(entry) * 64n, new Uint8Array([byte]));
    const distinct = image([...sample, { name: '?A', type: 1, version: 1, address: 0n }, { name: '?A', type: 1, version: 1, address: 0n }]);
    // writeLuoDict writes the names as they are, so two equal names are written and then given different first bytes.
    odd(distinct, 2, 0xfe);
    odd(distinct, 3, 0xff);
    expect(readLuoDict(distinct, descs, ROOT).map((e) => e.name)).toEqual(['LUO', 'memfd-folios', '\ufffdA', '\ufffdA']);
    const run = await runCReader(reader, [imageFile(distinct), String(ROOT)]);
    expect(cReport(run.stderr)).toEqual([]);
    expect(run.code).toBe(0);
    const same = image([...sample, { name: '?A', type: 1, version: 1, address: 0n }, { name: '?A', type: 1, version: 1, address: 0n }]);
    odd(same, 2, 0xff);
    odd(same, 3, 0xff);
    expect((await agree(same)).report).toEqual([`error[name-twice]: luo_dict_entry_ser.name at physical address 0x${hex(BLOCKS[0]! + 16n + 3n * 64n)}`]);
  });

  it('D5: a name without its NUL, or empty', async () => {
    const mem = image(sample);
    mem.write(BLOCKS[0]! + 16n + 64n, new Uint8Array(48).fill(0x41));
    expect((await agree(mem)).report).toEqual([`error[name-nul]: luo_dict_entry_ser.name at physical address 0x${hex(BLOCKS[0]! + 16n + 64n)}`]);
    mem.write(BLOCKS[0]! + 16n, new Uint8Array(48));
    expect((await agree(mem)).report).toEqual([`error[name-empty]: luo_dict_entry_ser.name at physical address 0x${hex(BLOCKS[0]! + 16n)}`]);
  });

  it('D6: a chain the block rules refuse: a block count of 0, a loop, a block not in memory', async () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ name: `obj-${i}`, type: LUO_DICT_TYPE_BLOB, version: 1, address: page(0x100 + i) }));
    const mem = image(many);
    mem.writeU64(BLOCKS[1]! + 8n, 0n);
    expect((await agree(mem)).report).toEqual([`error[block-count]: kho_block_header_ser.count at physical address 0x${hex(BLOCKS[1]! + 8n)}`]);
    mem.writeU64(BLOCKS[1]!, BLOCKS[0]!);
    expect((await agree(mem)).report).toEqual([`error[chain-loop]: kho_block_header_ser.next at physical address 0x${hex(BLOCKS[0]!)}`]);
    mem.writeU64(BLOCKS[1]!, page(0x999));
    expect((await agree(mem)).report).toEqual([`error[memory]: kho_block_header_ser at physical address 0x999000`]);
  });

  it('D7: entries that span blocks read back in order', async () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ name: `obj-${i}`, type: LUO_DICT_TYPE_BLOB, version: 1, address: page(0x100 + i) }));
    expect((await agree(image(many))).entries).toBe(many.map(line).join(''));
    expect((await agree(image(sample))).entries).toBe(sample.map(line).join(''));
  });
});

describe('flat dictionary: the C lookup answers as lookupLuoDict (D7)', () => {
  interface Lookup {
    readonly name: string;
    readonly type: number;
    readonly versions: readonly number[];
  }
  const tsLookup = (list: readonly DictEntry[], q: Lookup): string => {
    try {
      return `lookup pa=${lookupLuoDict(list, q.name, q.type, q.versions).address}\n`;
    } catch (e) {
      if (e instanceof DictLookupError) return `lookup ${e.errno}\n`;
      throw e;
    }
  };
  async function cLookup(mem: PhysMem, q: Lookup): Promise<string> {
    const path = join(dir, `lookup-${runs++}.img`);
    writeImageFile(path, mem, new Uint8Array(0));
    const run = await runCReader(reader, [path, String(ROOT), q.name, String(q.type), ...q.versions.map(String)]);
    rmSync(path);
    expect(run.stderr).toBe('');
    return run.stdout.split('\n').filter((l) => l.startsWith('lookup')).map((l) => l + '\n').join('');
  }

  it('missing, another type, a version not read, found', async () => {
    const mem = image(sample);
    const cases: [Lookup, string][] = [
      [{ name: 'LUO', type: LUO_DICT_TYPE_BLOB, versions: [5] }, `lookup pa=${page(0x20)}\n`],
      [{ name: 'luo', type: LUO_DICT_TYPE_BLOB, versions: [5] }, 'lookup ENOENT\n'],
      [{ name: 'LU', type: LUO_DICT_TYPE_BLOB, versions: [5] }, 'lookup ENOENT\n'],
      [{ name: 'LUO', type: LUO_DICT_TYPE_KHO_ARRAY, versions: [5] }, 'lookup EINVAL\n'],
      [{ name: 'LUO', type: LUO_DICT_TYPE_BLOB, versions: [3, 4] }, 'lookup EOPNOTSUPP\n'],
      [{ name: 'LUO', type: LUO_DICT_TYPE_BLOB, versions: [] }, 'lookup EOPNOTSUPP\n'],
      [{ name: 'memfd-folios', type: LUO_DICT_TYPE_KHO_ARRAY, versions: [1, 0] }, `lookup pa=${page(0x21)}\n`],
    ];
    for (const [q, want] of cases) {
      expect(tsLookup(sample, q)).toBe(want);
      expect(await cLookup(mem, q)).toBe(want);
    }
  });

  it('random dictionaries and lookups', async () => {
    await fc.assert(
      fc.asyncProperty(
        entries.filter((l) => l.length > 0),
        fc.nat(),
        fc.boolean(),
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
        async (list, pick, present, type, versions) => {
          const e = list[pick % list.length]!;
          // A name in the dictionary (its own type and version, or small ones), or a prefix of one.
          const q: Lookup = present ? { name: e.name, type: pick % 2 ? e.type : type, versions: pick % 3 ? [...versions, e.version] : versions } : { name: e.name.slice(0, -1) || 'none', type, versions };
          const mem = image(list);
          expect(await cLookup(mem, q)).toBe(tsLookup(list, q));
        },
      ),
      { numRuns: 40 },
    );
  });
});
