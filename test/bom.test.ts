/** A schema saved with a UTF-8 byte-order mark: the caret still sits under the offending text. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from './helpers/root.js';

it('reports line 1 of a file with a BOM at the right column', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kho-abi-bom-'));
  try {
    const file = join(dir, 'Bom.yaml');
    writeFileSync(file, '\uFEFFschema: Bom\nspdx: GPL-2.0\ntitle: t\ndoc: d\n');
    const stderr = await new Promise<string>((ok) => execFile(process.execPath, [join(repoRoot, 'bin/kho-abi.mjs'), 'validate', file], { cwd: dir }, (_e, _o, err) => ok(err)));
    const lines = stderr.split('\n');
    expect(lines[0]).toMatch(/^Bom\.yaml:1:9: error\[bad-name\]/);
    expect(lines[2]).toBe('1 | schema: Bom');
    expect(lines[3]).toBe('  |         ^^^');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
