/**
 * memblock's sub-FDT (the KHO blob "memblock": root "memblock-v1", one
 * "reserve-mem-v1" child per reserve_mem region with u64 start and size)
 * against an independent implementation: readFdtNodes reads blobs dtc
 * compiles from source, dtc and fdtget read what writeFdtNodes writes, and
 * random region lists round-trip (fast-check). Each row MB1-MB8 of
 * docs/reader-checks.md has a case of its id. dtc is needed for the
 * cross-checks (CI installs it); the rest runs without.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MEMBLOCK_FDT_CONTAINER, MEMBLOCK_KHO_NODE_COMPATIBLE, RESERVE_MEM_KHO_NODE_COMPATIBLE } from '../generated/ts/memblock.js';
import { KHO_FDT_CONTAINER } from '../generated/ts/kexec_handover.js';
import { KHO_RADIX_TREE_CONTAINER } from '../generated/ts/radix_tree.js';
import { LIVEUPDATE_CODECS, LIVEUPDATE_LAYOUT } from '../lib/liveupdate.js';
import { DecodeError, fdtNodeItem, PhysMem, readFdtNodes, writeFdt, writeFdtNodes, writeKhoFdt, writeRadixTree, type ReadWarning } from '../runtime/index.js';
import { inspectLiveUpdate, inspectTextLines } from '../runtime/liveupdate/index.js';
import { refused, thrown } from './helpers/thrown.js';
import { dtcAvailable } from './helpers/dtc.js';

const M = MEMBLOCK_FDT_CONTAINER;

const dtc = dtcAvailable('memblock-fdt.test.ts');

const dir = mkdtempSync(join(tmpdir(), 'kho-abi-memblock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A u64 as a dts byte string in CPU (little-endian) order, as memblock stores it. */
const bytes = (v: bigint): string => `[${[...Array(8)].map((_, i) => ((v >> BigInt(8 * i)) & 0xffn).toString(16).padStart(2, '0')).join(' ')}]`;

/** dtc compiles `source` (a dts) to a blob. */
function compile(source: string, name = 'in'): Uint8Array {
  writeFileSync(join(dir, `${name}.dts`), source);
  execFileSync('dtc', ['-I', 'dts', '-O', 'dtb', '-o', join(dir, `${name}.dtb`), join(dir, `${name}.dts`)], { stdio: 'pipe' });
  return readFileSync(join(dir, `${name}.dtb`));
}

const region = (name: string, start: bigint, size: bigint, compatible = RESERVE_MEM_KHO_NODE_COMPATIBLE): string =>
  `\t${name} {\n\t\tcompatible = "${compatible}";\n\t\tstart = ${bytes(start)};\n\t\tsize = ${bytes(size)};\n\t};\n`;
const tree = (body: string, compatible = `"${MEMBLOCK_KHO_NODE_COMPATIBLE}"`): string => `/dts-v1/;\n/ {\n\tcompatible = ${compatible};\n${body}};\n`;

describe.skipIf(!dtc)('memblock FDT against dtc and fdtget', () => {
  it('MB7: reads the regions of a blob dtc compiled, start and size in CPU byte order', () => {
    const blob = compile(tree(region('trace', 0x1_0000_0000n, 0x20_0000n) + region('oops', 0x7fe0_0000n, 0x1000n)));
    expect(readFdtNodes(M, blob)).toEqual({
      compatibles: ['memblock-v1'],
      items: [
        { name: 'trace', values: { start: 0x1_0000_0000n, size: 0x20_0000n }, start: 0x1_0000_0000n, size: 0x20_0000n },
        { name: 'oops', values: { start: 0x7fe0_0000n, size: 0x1000n }, start: 0x7fe0_0000n, size: 0x1000n },
      ],
      failed: [],
    });
  });

  it('dtc and fdtget read what writeFdtNodes writes', () => {
    const file = join(dir, 'out.dtb');
    writeFileSync(file, writeFdtNodes(M, [{ name: 'trace', values: { start: 0x1234_5000n, size: 0x4000n } }]));
    const get = (node: string, prop: string, type: string): string => execFileSync('fdtget', ['-t', type, file, node, prop], { encoding: 'utf8' }).trim();
    expect(get('/', 'compatible', 's')).toBe('memblock-v1');
    expect(get('/trace', 'compatible', 's')).toBe('reserve-mem-v1');
    expect(get('/trace', 'start', 'bx')).toBe('0 50 34 12 0 0 0 0');
    expect(get('/trace', 'size', 'bx')).toBe('0 40 0 0 0 0 0 0');
    // dtc decompiles it and compiles it back to the same tree.
    const dts = execFileSync('dtc', ['-I', 'dtb', '-O', 'dts', file], { encoding: 'utf8', stdio: 'pipe' });
    expect(readFdtNodes(M, compile(dts, 'again')).items).toEqual(readFdtNodes(M, readFileSync(file)).items);
  });

  it('MB4, MB5, MB3: a child without the region compatible, with a 4-byte start, or named twice fails alone', () => {
    const blob = compile(
      tree(
        region('a', 0x1000n, 0x1000n, 'reserve-mem-v2') +
          '\tb {\n\t\tcompatible = "reserve-mem-v1";\n\t\tstart = [00 10 00 00];\n\t\tsize = [00 10 00 00 00 00 00 00];\n\t};\n' +
          region('c', 0x3000n, 0x1000n) +
          '\tc@1 {\n\t};\n' +
          region('d', 0x5000n, 0x1000n),
      ),
    );
    const r = readFdtNodes(M, blob);
    expect(r.items.map((x) => x.name)).toEqual(['c', 'd']);
    expect(r.failed).toEqual([
      { name: 'a', field: 'compatible', reason: "node 'a' is not compatible with 'reserve-mem-v1'", kernel: 'reserve_mem_kho_revive (mm/memblock.c)' },
      { name: 'b', field: 'start', reason: "node 'b' has 'start' of 4 bytes, not 8", kernel: 'reserve_mem_kho_revive (mm/memblock.c)' },
      { name: 'c@1', field: 'compatible', reason: "node 'c@1' is not compatible with 'reserve-mem-v1'", kernel: 'reserve_mem_kho_revive (mm/memblock.c)' },
    ]);
    expect(fdtNodeItem(r, 'b')).toMatchObject({ field: 'start' });
    expect(fdtNodeItem(r, 'd')).toMatchObject({ start: 0x5000n });
    expect(fdtNodeItem(r, 'zz')).toBeUndefined();
  });

  it('MB2: a root compatible list holding the string anywhere is accepted; one without it is refused', () => {
    expect(readFdtNodes(M, compile(tree(region('a', 0x1000n, 0x1000n), '"memblock-v0", "memblock-v1"'))).compatibles).toEqual(['memblock-v0', 'memblock-v1']);
    const e = refused(() => readFdtNodes(M, compile(tree(region('a', 0x1000n, 0x1000n), '"memblock-v2"'))));
    expect(e.struct).toBe('memblock_fdt');
    expect(e.field).toBe('compatible');
    expect(e.message).toContain("the root is compatible with 'memblock-v2', not 'memblock-v1'; the kernel revives no region from it (reserve_mem_kho_retrieve_fdt");
  });
});

describe('memblock FDT readers without dtc', () => {
  it('MB1: not an FDT is refused', () => {
    expect(thrown(() => readFdtNodes(M, new Uint8Array(16)))).toBeInstanceOf(DecodeError);
    expect(refused(() => readFdtNodes(M, new Uint8Array(64))).message).toContain('bad magic');
  });

  it('MB2: no root compatible, or an empty one, is refused', () => {
    const none = writeFdt({ name: '', props: new Map(), children: [] });
    expect(refused(() => readFdtNodes(M, none)).message).toContain('the root node has no compatible property; the kernel revives no region from it');
    const empty = writeFdt({ name: '', props: new Map([['compatible', new Uint8Array(0)]]), children: [] });
    expect(refused(() => readFdtNodes(M, empty)).message).toContain('an empty compatible property');
  });

  it('MB3: a second child of one name fails, the first is read', () => {
    const blob = writeFdtNodes(M, [
      { name: 'x', values: { start: 0x1000n, size: 0x1000n } },
      { name: 'x', values: { start: 0x2000n, size: 0x1000n } },
    ]);
    const r = readFdtNodes(M, blob);
    expect(r.items).toEqual([{ name: 'x', values: { start: 0x1000n, size: 0x1000n }, start: 0x1000n, size: 0x1000n }]);
    expect(r.failed).toEqual([{ name: 'x', reason: "node 'x' has the name of an earlier node, which the kernel's lookup finds instead", kernel: 'fdt_subnode_offset via reserve_mem_kho_revive (mm/memblock.c)' }]);
    expect(fdtNodeItem(r, 'x')).toMatchObject({ start: 0x1000n });
  });

  it('MB6: a region of size 0 fails (reserve_mem never asks for one)', () => {
    const r = readFdtNodes(M, writeFdtNodes(M, [{ name: 'z', values: { start: 0x1000n, size: 0n } }]));
    expect(r.items).toEqual([]);
    expect(r.failed[0]).toMatchObject({ name: 'z', field: 'size' });
    expect(r.failed[0]!.reason).toContain('size 0, which no reserve_mem= parameter has');
  });

  it('MB8: a child compatible without its NUL still matches, with a warning; a name that is not UTF-8 keeps its bytes', () => {
    const enc = new TextEncoder();
    const u64 = (v: bigint): Uint8Array => {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setBigUint64(0, v, true);
      return b;
    };
    const blob = writeFdt({
      name: '',
      props: new Map([['compatible', enc.encode('memblock-v1\0')]]),
      children: [{ name: 'r\\xff', nameBytes: new Uint8Array([0x72, 0xff]), props: new Map([['compatible', enc.encode('reserve-mem-v1')], ['start', u64(0x9000n)], ['size', u64(0x1000n)]]), children: [] }],
    });
    const warnings: ReadWarning[] = [];
    const r = readFdtNodes(M, blob, { warnings });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]!.nameBytes).toEqual(new Uint8Array([0x72, 0xff]));
    expect(warnings.map((w) => w.code)).toEqual(['unterminated-string']);
    expect(thrown(() => readFdtNodes(M, blob, { strict: true }))).toBeInstanceOf(DecodeError);
  });

  it('round-trips random region lists (fast-check)', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9_-]{0,14}$/);
    const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ name, start: u64, size: fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }) }), { selector: (r) => r.name, maxLength: 20 }), (regions) => {
        const r = readFdtNodes(M, writeFdtNodes(M, regions.map((x) => ({ name: x.name, values: { start: x.start, size: x.size } }))));
        expect(r.failed).toEqual([]);
        expect(r.items.map((x) => ({ name: x.name, start: x.start, size: x.size }))).toEqual(regions);
      }),
      { numRuns: 200 },
    );
  });
});

describe('kho-abi inspect lists the memblock regions', () => {
  it('on the memblock blob, each region a line; a region the kernel would not revive is an error on the blob', () => {
    const mem = new PhysMem();
    const fdt = writeFdtNodes(M, [
      { name: 'trace', values: { start: 0x4000_0000n, size: 0x10_0000n } },
      { name: 'empty', values: { start: 0x5000_0000n, size: 0n } },
    ]);
    const at = 0x20n << 12n;
    mem.write(at, fdt);
    let next = 0x100;
    const map = writeRadixTree(mem, KHO_RADIX_TREE_CONTAINER, [{ pa: at, order: 0 }], () => BigInt(next++) << 12n);
    const root = writeKhoFdt(KHO_FDT_CONTAINER, { compatible: LIVEUPDATE_CODECS.khoCompatible, memoryMap: map, subtrees: [{ name: 'memblock', data: at, size: BigInt(fdt.length) }] });
    const report = inspectLiveUpdate(mem, root, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
    const blob = report.kho.blobs[0]!;
    expect(blob.regions).toEqual([{ name: 'trace', start: 0x4000_0000n, size: 0x10_0000n }]);
    expect(blob.errors.map((e) => e.message)).toEqual([
      "node 'empty' has size 0, which no reserve_mem= parameter has (reserve_mem (mm/memblock.c) refuses it), so the size check never passes; the kernel does not revive that region (reserve_mem_kho_revive (mm/memblock.c))",
    ]);
    const lines = [...inspectTextLines(report)];
    expect(lines).toContain('    region name="trace" start=0x40000000 size=1048576');
    // Other blobs carry no regions.
    const plain = inspectLiveUpdate(mem, writeKhoFdt(KHO_FDT_CONTAINER, { compatible: LIVEUPDATE_CODECS.khoCompatible, memoryMap: map, subtrees: [{ name: 'other', data: at, size: 8n }] }), LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
    expect(plain.kho.blobs[0]!.regions).toBeUndefined();
  });
});

describe('corrupt memblock FDTs (fast-check): typed errors or a result, nothing else', () => {
  it('readFdtNodes on a written FDT with bytes changed or cut off', () => {
    const good = writeFdtNodes(M, [
      { name: 'trace', values: { start: 0x1000n, size: 0x2000n } },
      { name: 'oops', values: { start: 0x9000n, size: 0x1000n } },
    ]);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat(good.length), fc.boolean(), (flips, cut, strict) => {
        const bytes = good.slice(0, Math.max(cut, 1));
        for (const [at, v] of flips) if (at < bytes.length) bytes[at] = v;
        try {
          readFdtNodes(M, bytes, { strict, warnings: [] });
        } catch (e) {
          if (!(e instanceof DecodeError)) throw e;
        }
      }),
      { numRuns: 500 },
    );
  });
});
