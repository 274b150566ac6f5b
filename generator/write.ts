/**
 * The only code that writes generated files. Writes are atomic (a temporary
 * file renamed over the target) and happen only when the content changed, so
 * timestamps stay put and a crash never leaves half a header behind.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { EmittedFile } from './emit/emitted-file.js';

export interface WriteReport {
  readonly written: string[];
  readonly unchanged: string[];
  readonly removed: string[];
}

export interface CheckReport {
  /** Files whose content differs or that are missing. */
  readonly stale: string[];
  /** Files under the output folder that nothing generates any more. */
  readonly orphans: string[];
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

export function checkFiles(root: string, outDir: string, files: readonly EmittedFile[]): CheckReport {
  const stale = files.filter((f) => readOrUndefined(join(root, f.path)) !== f.content).map((f) => f.path);
  const wanted = new Set(files.map((f) => f.path));
  const orphans = listFiles(join(root, outDir))
    .map((p) => relative(root, p).split('\\').join('/'))
    .filter((p) => !wanted.has(p))
    .sort();
  return { stale, orphans };
}

export function writeFiles(root: string, outDir: string, files: readonly EmittedFile[]): WriteReport {
  const { orphans } = checkFiles(root, outDir, files);
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const f of files) {
    const target = join(root, f.path);
    if (readOrUndefined(target) === f.content) {
      unchanged.push(f.path);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    const tmp = `${target}.tmp-${process.pid}`;
    writeFileSync(tmp, f.content);
    renameSync(tmp, target);
    written.push(f.path);
  }
  for (const o of orphans) rmSync(join(root, o));
  return { written, unchanged, removed: orphans };
}
