/** examples/read-preserved-state.ts runs as the README says, and finds what it wrote. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { repoRoot } from './helpers/root.js';

it('the example walks a KHO image from its root FDT back to the memfd folios', async () => {
  const tsx = join(repoRoot, 'node_modules/.bin/tsx');
  const { stdout } = await promisify(execFile)(tsx, [join(repoRoot, 'examples/read-preserved-state.ts')], { cwd: repoRoot });
  expect(stdout).toBe(
    [
      'KHO root: "kho-v4" is compatible (kho-v4), 6 preserved blocks, blobs LUO',
      'luo_ser: "luo-v5" is compatible (luo-v5), live update #1',
      'session "vm-1": 1 of 1 files',
      '  token 42: memfd-v2, 12288 bytes, folios at pfn 0x42000, 0x42001, 0x42002',
      '',
    ].join('\n'),
  );
});
