/**
 * Both live-update readers on corrupt images: a random valid state written
 * by the TypeScript old kernel, then random bytes overwritten in its
 * structures, its pages or the KHO root FDT, read by the TypeScript new
 * kernel (readLiveUpdate) and by test/c/liveupdate-reader.c. Either both
 * accept and print the same tree and warnings, or both refuse with the same
 * kind of error naming the same struct and field (the address and wording
 * may differ).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhysMem } from '../runtime/index.js';
import { readLiveUpdate, treeText, writeImageFile, writeLiveUpdate } from '../runtime/liveupdate/index.js';
import { LIVEUPDATE_CODECS, LIVEUPDATE_LAYOUT } from '../lib/liveupdate.js';
import { buildLiveUpdateReader, refusalKind, runLiveUpdateReader, stateArb, tsWarnings } from './helpers/liveupdate-c.js';
import { cReport, tsErrorLine } from './helpers/c-reader.js';


/** One overwrite: where (a page the writer filled, or the FDT), at which byte, with which bytes. */
const corruption = fc.record({
  where: fc.constantFrom('page', 'page', 'page', 'fdt'),
  which: fc.nat(),
  offset: fc.oneof(fc.integer({ min: 0, max: 127 }), fc.integer({ min: 0, max: 4095 })),
  bytes: fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 8 }),
    fc.constantFrom(0n, 1n, 2n ** 64n - 1n, 0x1000n, 0xffn).map((v) => v),
    fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  ),
});

let dir: string;
let reader: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kho-abi-liveupdate-fuzz-'));
  reader = join(dir, 'liveupdate-reader');
  await buildLiveUpdateReader(reader);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('both live-update readers on randomly corrupted images', () => {
  it('agree: the same tree and warnings, or the same refusal (kind, struct, field)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(stateArb, fc.array(corruption, { minLength: 1, maxLength: 3 }), async (state, cuts) => {
        const mem = new PhysMem();
        let { fdt } = writeLiveUpdate(mem, state, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
        fdt = Uint8Array.from(fdt);
        const pfns = mem.presentPfns();
        for (const c of cuts) {
          const bytes = typeof c.bytes === 'bigint' ? le64(c.bytes) : c.bytes;
          if (c.where === 'fdt') {
            const at = c.which % fdt.length;
            fdt.set(bytes.subarray(0, Math.min(bytes.length, fdt.length - at)), at);
          } else {
            const pa = pfns[c.which % pfns.length]! * 4096n + BigInt(Math.min(c.offset, 4096 - bytes.length));
            mem.write(pa, bytes);
          }
        }
        // The one read the TypeScript reader names no struct for is a KHO blob's bytes (PhysMem.read).
        let ts: { text?: string; warnings: string[]; error?: string };
        try {
          const r = readLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
          ts = { text: treeText(r.state), warnings: tsWarnings(r.warnings) };
        } catch (e) {
          ts = { warnings: [], error: withoutAddress(tsErrorLine(e, refusalKind)).replace(/^error\[memory\]: \?$/, 'error[memory]: kho blob') };
        }
        const path = join(dir, `fuzz-${n++}.img`);
        writeImageFile(path, mem, fdt);
        const run = await runLiveUpdateReader(reader, path, true);
        rmSync(path);
        const report = cReport(run.stderr);
        const cError = report.find((l) => !l.startsWith('warning'));
        if (ts.error !== undefined) {
          expect({ code: run.code, error: cError && withoutAddress(cError) }).toEqual({ code: 1, error: ts.error });
        } else {
          expect({ code: run.code, error: cError }).toEqual({ code: 0, error: undefined });
          expect(run.stdout).toBe(ts.text);
          expect(report.map(withoutAddress)).toEqual(ts.warnings.map(withoutAddress));
        }
      }),
      { numRuns: Number(process.env.KHO_FUZZ_RUNS ?? 150) },
    );
  });
});

function le64(v: bigint): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, v, true);
  return b;
}

const withoutAddress = (l: string): string => l.replace(/ at physical address .*$/, '');
