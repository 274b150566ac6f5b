/**
 * Reading schema files for a command: every .yaml file in <root>/schemas/
 * and the files named on the command line. A file that cannot be read (no
 * permission, a folder, a fifo, a dangling or looping symbolic link) is a
 * one-line refusal naming it, never a crash; a fifo is never waited on.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, join, relative, resolve as resolvePath } from 'node:path';
import type { SchemaInput } from '../pipeline.js';
import { escapeText } from '../../runtime/quote.js';
import { CliError } from './errors.js';
import { describeFsError, kindOf } from './fs-error.js';

export { kindOf };

/** Larger files are refused unread; smaller ones over 1 MiB reach the loader, which reports file-too-large. */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/** A path as messages print it: relative to the working folder, control characters escaped. */
export function shownPath(cwd: string, abs: string): string {
  return escapeText(relative(cwd, abs) || abs, Infinity);
}

/** The bytes of a regular file, or why not (one line, naming the file). */
export function readInputFile(abs: string, shown: string): Uint8Array | string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a fifo must not wait for a writer.
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      try {
        if (lstatSync(abs).isSymbolicLink()) return `${shown}: is a symbolic link to ${escapeText(readlinkSync(abs), 200)}, which does not exist`;
      } catch {
        // Not there at all: said below.
      }
      return `${shown}: no such file`;
    }
    return `${shown}: cannot read: ${describeFsError(e)}`;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return `${shown}: is ${kindOf(st)}, not a schema file`;
    if (st.size > MAX_INPUT_BYTES) return `${shown}: is ${st.size} bytes; a schema file is at most 1 MiB`;
    return new Uint8Array(readFileSync(fd));
  } catch (e) {
    return `${shown}: cannot read: ${describeFsError(e)}`;
  } finally {
    closeSync(fd);
  }
}

function realOrSelf(abs: string): string {
  try {
    return realpathSync.native(abs);
  } catch {
    return abs;
  }
}

/**
 * The project's schemas and the given files, each once: a given file
 * replaces the project schema of the same name, and a file named twice (or
 * by two paths to the same file) is read once. Throws CliError listing
 * every file that cannot be read.
 */
export function readSchemaInputs(root: string, cwd: string, given: readonly string[] = []): SchemaInput[] {
  const problems: string[] = [];
  const dir = resolvePath(cwd, root, 'schemas');
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      if (given.length === 0) problems.push(`no schemas/ folder in ${shownPath(cwd, resolvePath(cwd, root))}: run kho-abi inside a project (a folder with kho-abi.config.yaml or schemas/kho-abi.schema.json, or below one), or give --root DIR`);
    } else problems.push(`${shownPath(cwd, dir)}: cannot list the schemas: ${describeFsError(e)}`);
  }
  const seen = new Set<string>();
  const givenFiles = given.flatMap((p) => {
    const abs = resolvePath(cwd, p);
    const real = realOrSelf(abs);
    if (seen.has(real)) return [];
    seen.add(real);
    return [{ abs, real, shown: escapeText(relative(cwd, abs) || p, Infinity) }];
  });
  const shadowed = new Set(givenFiles.map((g) => basename(g.abs)));
  const projectFiles = names
    .filter((n) => !shadowed.has(n))
    .map((n) => ({ abs: join(dir, n), shown: shownPath(cwd, join(dir, n)) }))
    .filter((f) => !seen.has(realOrSelf(f.abs)));
  const inputs: SchemaInput[] = [];
  for (const f of [...projectFiles, ...givenFiles]) {
    const bytes = readInputFile(f.abs, f.shown);
    if (typeof bytes === 'string') problems.push(bytes);
    else inputs.push({ path: f.shown, bytes });
  }
  if (problems.length) throw new CliError(problems);
  return inputs;
}
