/**
 * A file a command writes where the user said (`image build --core`,
 * `inspect --map`): created whole or not at all (a temporary file renamed
 * into place), never through a symbolic link, and an existing file is
 * replaced only when kho-abi can tell it wrote it (its marker in the first
 * KiB) or the user says --force. generated/ has its own, stricter owner
 * (write.ts); these are single files outside it.
 */
import { closeSync, lstatSync, openSync, readSync } from 'node:fs';
import { writeFileAtomically } from '../../runtime/atomic-file.js';
import { escapeText } from '../../runtime/quote.js';
import { CliError } from './errors.js';
import { describeFsError } from './fs-error.js';

/** Refuses a destination kho-abi may not replace; `shown` is how the user wrote it. */
export function claimOutput(path: string, shown: string, opts: { readonly force?: boolean; readonly marker?: string } = {}): void {
  let st;
  try {
    st = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new CliError(`${escapeText(shown)}: ${describeFsError(e)}`);
  }
  if (st.isSymbolicLink()) throw new CliError(`${escapeText(shown)} is a symbolic link; kho-abi never writes through one: name the file itself`);
  if (!st.isFile()) throw new CliError(`${escapeText(shown)} exists and is not a regular file`);
  if (opts.force) return;
  if (opts.marker !== undefined) {
    const head = Buffer.alloc(1024);
    let n = 0;
    try {
      const fd = openSync(path, 'r');
      try {
        n = readSync(fd, head, 0, head.length, 0);
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      throw new CliError(`${escapeText(shown)}: ${describeFsError(e)}`);
    }
    if (head.subarray(0, n).toString('latin1').includes(opts.marker)) return;
  }
  throw new CliError(`${escapeText(shown)} exists and kho-abi cannot tell it wrote it; remove it, name another file, or pass --force`);
}

/** Writes `content` to `path` whole or not at all (runtime/atomic-file.ts). */
export function writeOutputFile(path: string, shown: string, content: string | Uint8Array): void {
  try {
    writeFileAtomically(path, content);
  } catch (e) {
    throw new CliError(`${escapeText(shown)}: cannot write it: ${describeFsError(e)}`);
  }
}
