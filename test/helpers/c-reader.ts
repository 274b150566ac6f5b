/**
 * Builds a container reader of test/c with gcc against the generated
 * headers and the kernel-type shim (-Wall -Wextra -Werror, 4 KiB pages),
 * and runs it on an image file. The readers print errors and warnings as
 * test/c/image.h says; `cReport` parses them, `tsReport` gives the same
 * lines for the TypeScript reader's error and warnings.
 */
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DecodeError, MemoryError, type ReadWarning } from '../../runtime/index.js';
import { GENERATED_INCLUDE, REPO_ROOT, SHIM_FALLBACK_INCLUDE, SHIM_INCLUDE } from './gcc.js';

/** test/c/NAME.c */
export const cReaderSource = (name: string): string => join(REPO_ROOT, 'test', 'c', `${name}.c`);

/** Compiles test/c/NAME.c into `exe` for 4 KiB pages. */
export async function buildCReader(name: string, exe: string): Promise<void> {
  const args = ['-std=gnu11', '-O2', '-Wall', '-Wextra', '-Werror', '-I', SHIM_INCLUDE, '-I', GENERATED_INCLUDE, '-I', SHIM_FALLBACK_INCLUDE, '-include', 'kho-shim.h', '-DPAGE_SHIFT=12', '-o', exe, cReaderSource(name)];
  await promisify(execFile)('gcc', args, { cwd: REPO_ROOT });
}

export interface CRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `exe` with `args`; stdout and stderr kept whole (the readers under test print little). */
export function runCReader(exe: string, args: readonly string[]): Promise<CRun> {
  return new Promise((resolve, reject) => {
    // A reader that loops is a failure, not a hung test run.
    const child = spawn(exe, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString('latin1')));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('latin1')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** One error or warning line without its reason: `error[KIND]: STRUCT.FIELD at physical address 0xPA`. */
export type ReportLine = string;

/** The error and warning lines a C reader printed, each cut after its location. */
export function cReport(stderr: string): ReportLine[] {
  return stderr
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const m = /^((?:error|warning)\[[a-z0-9-]+\]: [^:]+? at physical address 0x[0-9a-f]+): /.exec(l);
      return m ? m[1]! : `unparsed: ${l}`;
    });
}

const where = (struct: string, field: string | undefined, address: bigint | undefined): string => `${field ? `${struct}.${field}` : struct} at physical address 0x${(address ?? -1n).toString(16)}`;

/** A warning as the C readers print it, cut after its location. */
export function tsWarningLine(w: ReadWarning): ReportLine {
  return `warning[${w.code}]: ${where(w.struct, w.field, w.address)}`;
}

/**
 * A TypeScript reader's error as the C readers print it, cut after its
 * location; `kind` classifies a DecodeError by its message (the kinds the
 * C readers name), a MemoryError is always `memory`.
 */
export function tsErrorLine(e: unknown, kind: (message: string) => string): ReportLine {
  if (e instanceof MemoryError) return `error[memory]: ${where(e.struct ?? '?', undefined, e.address)}`;
  if (e instanceof DecodeError) return `error[${kind(e.reason)}]: ${where(e.struct, e.field, e.address)}`;
  throw e;
}
