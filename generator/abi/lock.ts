/**
 * The ABI lock: every released version's compatible string, layouts and
 * constants, as committed in kho-abi.lock.json. A released version never
 * changes; an edit that would change one is refused with the schema line
 * that caused it, and the way out is a new version. `kho-abi lock` records
 * versions that are not in the lock yet; it never rewrites a locked one.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { AbiIR } from '../layout/ir.js';
import type { Model } from '../model/model.js';
import { compareVersions, type Difference } from './compare.js';
import { spanOfDifference } from './locate.js';
import { hashOf, versionSnapshot, type VersionSnapshot } from './snapshot.js';

export const LOCK_FILE = 'kho-abi.lock.json';
const FORMAT = 1;

export interface LockedVersion extends VersionSnapshot {
  /** Hash of the version's snapshot at each page size the kernel supports. */
  readonly fingerprints: Readonly<Record<string, string>>;
}

export interface Lock {
  readonly format: number;
  readonly versions: readonly LockedVersion[];
}

export class LockFileError extends Error {}

export function parseLock(text: string, path = LOCK_FILE): Lock {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new LockFileError(`${path}: not valid JSON (${(e as Error).message}); restore it from git, or delete it and run \`kho-abi lock\``);
  }
  const lock = json as Partial<Lock>;
  if (!lock || typeof lock !== 'object' || lock.format !== FORMAT || !Array.isArray(lock.versions)) {
    throw new LockFileError(`${path}: not a kho-abi lock file of format ${FORMAT}`);
  }
  for (const v of lock.versions) {
    if (!v || typeof v.id !== 'string' || typeof v.schema !== 'string' || !Array.isArray(v.structs) || typeof v.fingerprints !== 'object' || typeof v.constants !== 'object') {
      throw new LockFileError(`${path}: malformed entry ${JSON.stringify(v)?.slice(0, 80)}`);
    }
  }
  return lock as Lock;
}

export function formatLock(lock: Lock): string {
  const versions = [...lock.versions].sort((a, b) => a.schema.localeCompare(b.schema) || a.id.localeCompare(b.id));
  return JSON.stringify({ format: FORMAT, versions }, null, 2) + '\n';
}

/** Every version of every schema as it is now, keyed by version id. */
export function currentVersions(irs: readonly AbiIR[]): Map<string, LockedVersion> {
  const byId = new Map<string, { snap: VersionSnapshot; prints: Record<string, string> }>();
  const base = irs.find((ir) => ir.target.pageSize === 4096) ?? irs[0];
  for (const ir of irs) {
    for (const s of ir.schemas) {
      for (const v of s.versions) {
        const snap = versionSnapshot(v);
        const entry = byId.get(v.id) ?? { snap, prints: {} };
        if (ir === base) entry.snap = snap;
        entry.prints[String(ir.target.pageSize)] = hashOf(snap);
        byId.set(v.id, entry);
      }
    }
  }
  return new Map([...byId].map(([id, e]) => [id, { ...e.snap, fingerprints: e.prints }]));
}

/** What changed in a locked version, as differences; the fingerprints catch what the 4 KiB snapshot cannot show. */
export function lockedChanges(locked: LockedVersion, now: LockedVersion | undefined): Difference[] {
  if (!now) return [{ code: 'version-removed', message: `released version ${locked.id} is gone` }];
  const diffs = compareVersions(locked, now).filter((d) => d.code !== 'constant-added');
  if (diffs.length) return diffs;
  const pages = Object.keys(locked.fingerprints).filter((p) => locked.fingerprints[p] !== now.fingerprints[p]);
  // Constants added to a version change its hash without changing what readers see.
  const added = compareVersions(locked, now).some((d) => d.code === 'constant-added');
  if (pages.length && !added) return [{ code: 'struct-resized', message: `the layout differs at ${pages.map((p) => `${Number(p) / 1024} KiB`).join(', ')} pages` }];
  return [];
}


/** A diagnostic for every change to a released version, located in the schema that made it. */
export function checkLock(lock: Lock, irs: readonly AbiIR[], model: Model): Diagnostic[] {
  const now = currentVersions(irs);
  const out: Diagnostic[] = [];
  for (const locked of lock.versions) {
    for (const d of lockedChanges(locked, now.get(locked.id))) {
      const span = spanOfDifference(model, locked.schema, d, locked.id);
      if (!span) continue;
      out.push(
        error(
          'locked-version-changed',
          span,
          `released version ${locked.id} would change: ${d.message} [${d.code}]`,
          `${locked.id} is recorded in ${LOCK_FILE}; a released layout never changes. Undo the edit, or add a new version (and make it current) with the change`,
        ),
      );
    }
  }
  return out;
}

/** The lock with every version not yet in it added; locked versions are kept exactly as they were. */
export function extendLock(lock: Lock | undefined, irs: readonly AbiIR[]): { lock: Lock; added: string[] } {
  const now = currentVersions(irs);
  const have = new Set((lock?.versions ?? []).map((v) => v.id));
  const added = [...now.values()].filter((v) => !have.has(v.id));
  return { lock: { format: FORMAT, versions: [...(lock?.versions ?? []), ...added] }, added: added.map((v) => v.id).sort() };
}
