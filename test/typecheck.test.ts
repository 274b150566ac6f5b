/**
 * The generated TypeScript, the runtime, the generator and the tests all pass
 * `tsc --strict` (with noUncheckedIndexedAccess and noUnusedLocals).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { repoRoot } from './helpers/root.js';

it('tsc --strict reports nothing', async () => {
  const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
  const result = await promisify(execFile)(process.execPath, [tsc, '-p', join(repoRoot, 'tsconfig.json'), '--noEmit', '--strict'], { cwd: repoRoot }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
  expect(result.out).toBe('');
  expect(result.code).toBe(0);
});
