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
import { PhysMem, readKhoFdt } from '../runtime/index.js';
import { parseFdt } from '../runtime/containers/kho-fdt.js';
import { firstInvalidUtf8 } from '../runtime/quote.js';
import { quoteTreeString, readLiveUpdate, treeText, writeImageFile, writeLiveUpdate } from '../runtime/liveupdate/index.js';
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
          ts = { text: bytesShown(treeText(r.state), fdt), warnings: tsWarnings(r.warnings) };
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
});

/**
 * The tree text as the C reader prints it, where the two differ on
 * purpose-free display only: a KHO node name or the root's first compatible
 * string that is not UTF-8. The TypeScript reader keeps such a name as text
 * with \\xHH escapes (runtime/containers/kho-fdt.ts, nameOf) and decodes the
 * compatible with U+FFFD replacements; the tree then quotes that text. The C
 * reader quotes the stored bytes, as the tree format says (each byte outside
 * printable ASCII as \\xNN). See docs/reader-checks.md.
 */
function bytesShown(text: string, fdt: Uint8Array): string {
  const root = readKhoFdt(LIVEUPDATE_LAYOUT.fdt, fdt);
  const lines = text.split('\n');
  const compat = parseFdt(fdt).props.get('compatible')!;
  const first = compat.subarray(0, compat.indexOf(0) < 0 ? compat.length : compat.indexOf(0));
  if (firstInvalidUtf8(first) !== undefined) lines[0] = `kho compatible=${quoteBytes(first)}`;
  for (const s of root.subtrees) {
    if (!s.nameBytes) continue;
    const at = lines.findIndex((l) => l.startsWith(`  blob name=${quoteTreeString(s.name)} `));
    if (at >= 0) lines[at] = lines[at]!.replace(`name=${quoteTreeString(s.name)}`, `name=${quoteBytes(s.nameBytes)}`);
  }
  return lines.join('\n');
}

const quoteBytes = (b: Uint8Array): string => `"${[...b].map((c) => (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`)).join('')}"`;

const withoutAddress = (l: string): string => l.replace(/ at physical address .*$/, '');
