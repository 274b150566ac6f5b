/**
 * The KHO root FDT against an independent implementation: dtc and fdtget
 * (libfdt, Debian's device-tree-compiler) read the blobs kho-abi writes, and
 * kho-abi reads blobs dtc writes. CI installs dtc (.ci/run); elsewhere these
 * cases are skipped with a note when it is missing. The refusals need no dtc.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KHO_FDT_COMPATIBLE, KHO_FDT_CONTAINER } from '../generated/ts/kexec_handover.js';
import { DecodeError, readKhoFdt, writeKhoFdt, type KhoRoot } from '../runtime/index.js';
import { dtcAvailable } from './helpers/dtc.js';
import { refused } from './helpers/thrown.js';

const dtc = dtcAvailable('kho-fdt.test.ts');

const dir = mkdtempSync(join(tmpdir(), 'kho-abi-fdt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const root: KhoRoot = {
  compatible: KHO_FDT_COMPATIBLE,
  memoryMap: 0x1_2345_6000n,
  subtrees: [
    { name: 'LUO', data: 0x7f_0000_1000n, size: 32n },
    { name: 'kexec-metadata', data: 0x2000n, size: 73n },
  ],
};

/** The bytes of an 8-byte property as fdtget prints them with -t bx. */
const le = (v: bigint): string => [...Array(8)].map((_, i) => ((v >> BigInt(8 * i)) & 0xffn).toString(16)).join(' ');

describe.skipIf(!dtc)('KHO root FDT against libfdt', () => {
  it('dtc and fdtget read what writeKhoFdt writes', () => {
    const file = join(dir, 'kho.dtb');
    writeFileSync(file, writeKhoFdt(KHO_FDT_CONTAINER, root));
    const dts = execFileSync('dtc', ['-I', 'dtb', '-O', 'dts', file], { encoding: 'utf8', stdio: 'pipe' });
    expect(dts).toContain(`compatible = "${KHO_FDT_COMPATIBLE}";`);
    const get = (node: string, prop: string, type: string): string => execFileSync('fdtget', ['-t', type, file, node, prop], { encoding: 'utf8' }).trim();
    expect(get('/', 'compatible', 's')).toBe(KHO_FDT_COMPATIBLE);
    expect(get('/', 'preserved-memory-map', 'bx')).toBe(le(root.memoryMap));
    expect(get('/LUO', 'preserved-data', 'bx')).toBe(le(0x7f_0000_1000n));
    expect(get('/kexec-metadata', 'blob-size', 'bx')).toBe(le(73n));
  });

  it('readKhoFdt reads what dtc writes', () => {
    const bytes = (v: bigint): string => `[${le(v).split(' ').map((b) => b.padStart(2, '0')).join(' ')}]`;
    const source = `/dts-v1/;
/ {
	compatible = "kho-v4";
	preserved-memory-map = ${bytes(0xabc000n)};
	LUO {
		preserved-data = ${bytes(0x5000n)};
		blob-size = ${bytes(32n)};
	};
};
`;
    writeFileSync(join(dir, 'in.dts'), source);
    execFileSync('dtc', ['-I', 'dts', '-O', 'dtb', '-o', join(dir, 'in.dtb'), join(dir, 'in.dts')], { stdio: 'pipe' });
    expect(readKhoFdt(KHO_FDT_CONTAINER, readFileSync(join(dir, 'in.dtb')))).toEqual({ compatible: 'kho-v4', compatibles: ['kho-v4'], memoryMap: 0xabc000n, subtrees: [{ name: 'LUO', data: 0x5000n, size: 32n }], failed: [] });
  });

  it.each([
    ['blob-size = [20 00 00 00];', "node 'LUO' has 'blob-size' of 4 bytes, not 8"],
    ['', "node 'LUO' has no 'blob-size' property"],
  ])('fails only the node whose blob-size is %j, as kho_retrieve_subtree does', (blobSize, reason) => {
    const source = `/dts-v1/;\n/ {\n\tcompatible = "kho-v4";\n\tpreserved-memory-map = [00 10 00 00 00 00 00 00];\n\tLUO {\n\t\tpreserved-data = [00 50 00 00 00 00 00 00];\n\t\t${blobSize}\n\t};\n\tother {\n\t\tpreserved-data = [00 60 00 00 00 00 00 00];\n\t\tblob-size = [08 00 00 00 00 00 00 00];\n\t};\n};\n`;
    writeFileSync(join(dir, 'bad.dts'), source);
    execFileSync('dtc', ['-I', 'dts', '-O', 'dtb', '-o', join(dir, 'bad.dtb'), join(dir, 'bad.dts')], { stdio: 'pipe' });
    const kho = readKhoFdt(KHO_FDT_CONTAINER, readFileSync(join(dir, 'bad.dtb')));
    expect(kho.subtrees).toEqual([{ name: 'other', data: 0x6000n, size: 8n }]);
    expect(kho.failed).toEqual([{ name: 'LUO', field: 'blob-size', reason, kernel: 'kho_retrieve_subtree (kernel/liveupdate/kexec_handover.c)' }]);
  });
});

describe('KHO root FDT refusals', () => {
  it('round-trips', () => {
    expect(readKhoFdt(KHO_FDT_CONTAINER, writeKhoFdt(KHO_FDT_CONTAINER, root))).toEqual({ ...root, compatibles: [root.compatible], failed: [] });
  });

  it('refuses a bad magic, a truncated blob and a missing or short property', () => {
    const good = writeKhoFdt(KHO_FDT_CONTAINER, root);
    const bad = good.slice();
    bad[0] = 0;
    expect(refused(() => readKhoFdt(KHO_FDT_CONTAINER, bad)).reason).toContain('bad magic');
    expect(refused(() => readKhoFdt(KHO_FDT_CONTAINER, good.subarray(0, 100))).reason).toContain('totalsize');
    const noSize = writeKhoFdt(KHO_FDT_CONTAINER, { ...root, subtrees: [] });
    expect(readKhoFdt(KHO_FDT_CONTAINER, noSize).subtrees).toEqual([]);
  });

  it('random corruption gives a DecodeError or a tree, never another exception', () => {
    const good = writeKhoFdt(KHO_FDT_CONTAINER, root);
    for (let i = 0; i < 2000; i++) {
      const bad = good.slice();
      const k = (i * 7919) % bad.length;
      bad[k] = bad[k]! ^ (1 + (i % 255));
      try {
        readKhoFdt(KHO_FDT_CONTAINER, bad);
      } catch (e) {
        expect(e).toBeInstanceOf(DecodeError);
      }
    }
  });
});
