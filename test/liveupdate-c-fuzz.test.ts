/**
 * Both live-update readers on corrupt images: a random valid state written
 * by the TypeScript old kernel, then random bytes overwritten in its
 * structures, its pages or the KHO root FDT, read by the TypeScript new
 * kernel (readLiveUpdate) and by test/c/liveupdate-reader.c. Either both
 * accept and print the same tree and warnings, or both refuse with the same
 * kind of error naming the same struct and field (the address and wording
 * may differ). 300 cases by default, one C process each (a few seconds);
 * KHO_FUZZ_RUNS=N runs more.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhysMem } from '../runtime/index.js';
import { parseFdt, writeFdt } from '../runtime/containers/kho-fdt.js';
import { readLiveUpdate, treeText, writeImageFile, writeLiveUpdate } from '../runtime/liveupdate/index.js';
import { LIVEUPDATE_CODECS, LIVEUPDATE_LAYOUT } from '../lib/liveupdate.js';
import { buildLiveUpdateReader, corrupt, corruptionArb, refusalKind, runLiveUpdateReader, stateArb, tsWarnings } from './helpers/liveupdate-c.js';
import { cReport, tsErrorLine } from './helpers/c-reader.js';


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
      fc.asyncProperty(stateArb, fc.array(corruptionArb, { minLength: 1, maxLength: 3 }), async (state, cuts) => {
        const mem = new PhysMem();
        const { fdt: written } = writeLiveUpdate(mem, state, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
        const fdt = corrupt(mem, written, cuts);
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
      { numRuns: Number(process.env.KHO_FUZZ_RUNS ?? 300) },
    );
  });

  it('show a KHO node name and a first compatible string that are not UTF-8 by their bytes, alike', async () => {
    const mem = new PhysMem();
    const state = { kho: { compatible: 'kho-v4', blobs: [{ name: 'blob-a', bytes: new Uint8Array([1, 2]) }] }, luo: { compatible: 'luo-v5', liveupdateNum: 1n, sessions: [], flbs: [] } };
    const { fdt: written } = writeLiveUpdate(mem, state, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
    // The node name's first byte, and a first compatible string the kernel skips to find kho-v4 after it.
    const root = parseFdt(written);
    const name = new Uint8Array([0xff, ...new TextEncoder().encode('lob-a')]);
    const fdt = writeFdt({ ...root, props: new Map([...root.props, ['compatible', new Uint8Array([0x6b, 0xfe, 0, ...new TextEncoder().encode('kho-v4'), 0])]]), children: root.children.map((c) => (c.name === 'blob-a' ? { ...c, name: 'x', nameBytes: name } : c)) });
    const text = treeText(readLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS).state);
    expect(text.split('\n').slice(0, 2)).toEqual(['kho compatible="k\\xfe"', '  blob name="\\xfflob-a" size=2 bytes=0102']);
    const path = join(dir, 'names.img');
    writeImageFile(path, mem, fdt);
    const run = await runLiveUpdateReader(reader, path, true);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 0, stdout: text });
  });
});


const withoutAddress = (l: string): string => l.replace(/ at physical address .*$/, '');
