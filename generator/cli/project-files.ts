/**
 * The project's files beside the schemas: the kernel profiles, the config
 * naming the default one, and the ABI lock. Read like schemas are: a file
 * that cannot be read is a one-line refusal naming it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { LOCK_FILE, LockFileError, parseLock, type Lock } from '../abi/lock.js';
import type { SchemaInput } from '../pipeline.js';
import { CONFIG_FILE, PROFILES_DIR } from '../profile/profile.js';
import { CliError } from './errors.js';
import { describeFsError } from './fs-error.js';
import { readInputFile, shownPath } from './schema-inputs.js';

function exists(abs: string): boolean {
  try {
    statSync(abs);
    return true;
  } catch {
    return false;
  }
}

function read(cwd: string, abs: string): SchemaInput {
  const shown = shownPath(cwd, abs);
  const bytes = readInputFile(abs, shown);
  if (typeof bytes === 'string') throw new CliError(bytes);
  return { path: shown, bytes };
}

/** profiles/*.yaml; none when the project has no profiles/ folder. */
export function readProfileInputs(root: string, cwd: string): SchemaInput[] {
  const dir = join(root, PROFILES_DIR);
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new CliError(`${shownPath(cwd, dir)}: cannot list the profiles: ${describeFsError(e)}`);
  }
  return names.map((n) => read(cwd, join(dir, n)));
}

export function readConfigInput(root: string, cwd: string): SchemaInput | undefined {
  const abs = join(root, CONFIG_FILE);
  return exists(abs) ? read(cwd, abs) : undefined;
}

export function lockPath(root: string): string {
  return resolvePath(root, LOCK_FILE);
}

/** The committed lock, or undefined when the project has none yet. */
export function readLock(root: string, cwd: string): Lock | undefined {
  const abs = lockPath(root);
  if (!exists(abs)) return undefined;
  const input = read(cwd, abs);
  try {
    return parseLock(Buffer.from(input.bytes).toString('utf8'), input.path);
  } catch (e) {
    if (e instanceof LockFileError) throw new CliError(e.message);
    throw e;
  }
}
