/**
 * Runs the kho-abi command line in this process (generator/cli.ts `run`),
 * with stdin given as bytes and stdout and stderr captured: the same code
 * path as bin/kho-abi.mjs without a process start per case.
 */
import { expect } from 'vitest';
import { run } from '../../generator/cli.js';
import { repoRoot } from './root.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: Buffer;
  readonly out: string;
  readonly err: string;
  readonly ms: number;
}

export async function cli(args: readonly string[], options: { stdin?: Uint8Array | string; cwd?: string } = {}): Promise<CliRun> {
  const out: Buffer[] = [];
  let err = '';
  const start = performance.now();
  const code = await run(args, {
    stdin: options.stdin ?? new Uint8Array(0),
    stdout: (c) => void out.push(Buffer.from(c)),
    stderr: (s) => void (err += s),
    cwd: options.cwd ?? repoRoot,
    env: {},
  });
  const stdout = Buffer.concat(out);
  return { code, stdout, out: stdout.toString('utf8'), err, ms: performance.now() - start };
}

/** A refusal: exit 1, one line on stderr starting "kho-abi:", no stack trace, no escape byte; `mentions` in that line. */
export function expectRefusal(r: CliRun, ...mentions: (string | RegExp)[]): string {
  expect(r.code, `stdout: ${r.out.slice(0, 500)}\nstderr: ${r.err.slice(0, 2000)}`).toBe(1);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.err).not.toMatch(/internal error/);
  expect(r.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  const lines = r.err.trimEnd().split('\n');
  expect(lines, r.err.slice(0, 2000)).toHaveLength(1);
  expect(lines[0]).toMatch(/^kho-abi: /);
  for (const m of mentions) expect(lines[0]).toMatch(m);
  return lines[0]!;
}
