/**
 * Builds test/c/liveupdate-reader.c with gcc against the generated headers
 * and the kernel-type shim (-Wall -Wextra -Werror, as every reader of
 * test/c is built: helpers/c-reader.ts), and runs it on an image file,
 * streaming its output into a hash or a string.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { buildCReader, cReaderSource } from './c-reader.js';

export const LIVEUPDATE_READER_SOURCE = cReaderSource('liveupdate-reader');

/** Compiles the reader into `exe` for 4 KiB pages. */
export async function buildLiveUpdateReader(exe: string): Promise<void> {
  await buildCReader('liveupdate-reader', exe);
}

export interface ReaderRun {
  readonly code: number | null;
  /** sha256 of stdout, and its number of lines. */
  readonly sha256: string;
  readonly lines: number;
  /** stdout, when asked to keep it. */
  readonly stdout?: string;
  readonly stderr: string;
}

/** Runs the reader on `image`; stdout is hashed as it arrives (and kept when `keep`). */
export function runLiveUpdateReader(exe: string, image: string, keep = false): Promise<ReaderRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, [image], { stdio: ['ignore', 'pipe', 'pipe'] });
    const hash = createHash('sha256');
    let lines = 0;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      hash.update(b);
      for (const c of b) if (c === 10) lines++;
      if (keep) stdout += b.toString('latin1');
    });
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, sha256: hash.digest('hex'), lines, ...(keep ? { stdout } : {}), stderr }));
  });
}

/** sha256 and line count of tree lines, each followed by a newline, without holding them. */
export function hashLines(lines: Iterable<string>): { sha256: string; lines: number } {
  const hash = createHash('sha256');
  let n = 0;
  for (const l of lines) {
    hash.update(l + '\n');
    n++;
  }
  return { sha256: hash.digest('hex'), lines: n };
}
