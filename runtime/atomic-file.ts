/**
 * Every file kho-abi writes is written whole or not at all: the content goes
 * into a new temporary file beside the target, which is then renamed over
 * it. The temporary file is created by this call (O_EXCL: never somebody
 * else's file, never through a symbolic link, dangling or not), and on
 * failure only that file is removed: the target stays as it was.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What goes into the file: its bytes, or a function that writes them to the open descriptor. */
export type FileContent = string | Uint8Array | ((fd: number) => void);

/**
 * Temporary names: `.<name>.kho-abi-tmp-<pid>-<hex>`, a random part per
 * process and a counter, unique without asking for randomness per file. The
 * pid lets gen recognise what a process that died left behind (write.ts).
 */
export const TEMPORARY_NAME = /\.kho-abi-tmp-(\d+)-[0-9a-f]+$/;
let processRandom: string | undefined;
let count = 0;

/** A hidden name beside `path` that no other call, in this process or another, uses. */
export function temporaryName(path: string): string {
  processRandom ??= randomBytes(6).toString('hex');
  return join(dirname(path), `.${basename(path)}.kho-abi-tmp-${process.pid}-${processRandom}${(count++).toString(16)}`);
}

/** Writes `content` to `path` whole or not at all; `temp` is the temporary file's name (a fresh one by default). */
export function writeFileAtomically(path: string, content: FileContent, temp = temporaryName(path)): void {
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
  let open = true;
  try {
    if (typeof content === 'function') content(fd);
    else {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    }
    open = false;
    closeSync(fd);
    renameSync(temp, path);
  } catch (e) {
    if (open) closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
}
