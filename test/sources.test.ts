/**
 * Every version of every schema names where it was read from (issue 10): a
 * kernel tree (repo, path, commit) or a posted patch (subject, message_id or
 * date). A tree source must be one the project measured or built a fixture
 * tree from: its (repo, commit) pair appears in the `sources` of
 * test/fixtures/kernel-abi-facts.json or in a SOURCE.md under
 * test/fixtures/kernel-trees, so a mistyped hash fails here. A patch source's
 * Message-ID and subject must appear in the same records. Needs no generated
 * files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VersionSource } from '../generator/model/raw.js';
import { analyze } from '../generator/pipeline.js';
import { repoRoot } from './helpers/root.js';

/**
 * Versions allowed to have no source at all, with the reason. None today:
 * every version was tied to a tree or a patch (a version known only from an
 * unattributed copy names the closest tree or the patch and says so in note).
 */
const NO_SOURCE: Readonly<Record<string, string>> = {
  'luo_dict/luo-dict-v1': "kho-abi's proposal of the flat dictionary the design discussion asked for: no posted layout was found to read it from",
  'pci/pci-1': 'read from a stored pci.h whose repository and commit the index does not expose, and no patch carrying it was found; pci-2 (analogdevicesinc 39f8a23b) has the same layout under number 2',
};

/**
 * Patch sources of kho-abi's own containers (issue 10's seeds), read from
 * the mailing list but not recorded in the facts file or a SOURCE.md (no
 * kernel tree carries them, so no fixture tree was made).
 */
const UNRECORDED_PATCHES: Readonly<Record<string, string>> = {
  'block/block-v2': 'the review of the linked-block series asked for the information; the layout is kho-abi\'s',
  'kho_array/kho-array-v0': 'the RFC was read for its facts; no tree carries it',
};

/**
 * Tree sources whose (repo, commit) is recorded in neither the facts file nor
 * a SOURCE.md, with the reason. None today: the stand-in trees chosen for
 * copies without a commit (iommufd-v1: samikhawaja/linux 11ef752d, which
 * carries the string but not the layouts) are themselves measured sources.
 */
const UNRECORDED_TREES: Readonly<Record<string, string>> = {};

/**
 * Versions whose tree is the closest one rather than the file the layouts
 * were read from; their note must say so.
 */
const STAND_IN_TREES: Readonly<Record<string, string>> = {
  'iommufd/iommufd-v1':
    'the layouts come from a stored iommufd.h without repository or commit (index id 61591507904) and no patch carrying it was found; samikhawaja/linux 11ef752d has the same string and author but no serialized struct',
  'luo_features/luo-features-table':
    'the table comes from a stored luo.h without repository or commit (index id 62022386585) and no patch carrying it was found; linux-mm 29a75107 is the same feature-header luo.h without the table',
};

interface VersionRow {
  readonly key: string;
  readonly source?: VersionSource;
}

function loadVersions(): VersionRow[] {
  const dir = join(repoRoot, 'schemas');
  const inputs = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ path: `schemas/${f}`, bytes: readFileSync(join(dir, f)) }));
  const analysis = analyze(inputs);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !analysis.model) throw new Error(`schemas do not resolve:\n${errors.map((d) => `${d.span.file}:${d.span.line}: ${d.message}`).join('\n')}`);
  return analysis.model.schemas.flatMap((s) => (s.component ? s.component.versions.map((v) => ({ key: `${s.name}/${v.id}`, ...(v.source ? { source: v.source } : {}) })) : []));
}

interface FactSource {
  readonly id: string;
  readonly repo: string | null;
  readonly path: string | null;
  readonly commit: string | null;
  readonly note?: string;
}

const factsText = readFileSync(join(repoRoot, 'test/fixtures/kernel-abi-facts.json'), 'utf8');
const factSources = (JSON.parse(factsText) as { sources: FactSource[] }).sources;

function sourceMds(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceMds(p);
    return name === 'SOURCE.md' ? [p] : [];
  });
}
const mdFiles = sourceMds(join(repoRoot, 'test/fixtures/kernel-trees')).sort();
const mdTexts = mdFiles.map((p) => ({ file: relative(repoRoot, p), text: readFileSync(p, 'utf8') }));

/** (repo, commit) pairs a SOURCE.md names: owner/name followed by a hash, possibly with " @ `" between. */
const mdPairs: { repo: string; commit: string; file: string }[] = mdTexts.flatMap(({ file, text }) =>
  [...text.matchAll(/\b([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)[\s@`]{1,5}([0-9a-f]{7,40})\b/g)].map((m) => ({ repo: m[1]!, commit: m[2]!, file })),
);

/** The same commit, whichever side is abbreviated. */
function sameCommit(a: string, b: string): boolean {
  return a.length <= b.length ? b.startsWith(a) : a.startsWith(b);
}

const squash = (s: string): string => s.replace(/\s+/g, ' ');
const records = [factsText, ...mdTexts.map((m) => m.text)].map(squash);

function isTree(s: VersionSource): boolean {
  return s.repo !== undefined || s.path !== undefined || s.commit !== undefined;
}

const versions = loadVersions();

describe('version sources', () => {
  it('finds the versions of the project schemas', () => {
    expect(versions.length).toBeGreaterThanOrEqual(31);
  });

  it('gives every version a source, tree or patch', () => {
    const missing = versions.filter((v) => !v.source && !(v.key in NO_SOURCE)).map((v) => v.key);
    expect(missing).toEqual([]);
    for (const v of versions) {
      if (!v.source) continue;
      if (isTree(v.source)) {
        expect([v.key, v.source.repo, v.source.path, v.source.commit].every((x) => x !== undefined), v.key).toBe(true);
      } else {
        expect(v.source.subject, v.key).toBeDefined();
        expect(v.source.message_id ?? v.source.date, v.key).toBeDefined();
      }
    }
  });

  it('has no stale exception', () => {
    for (const key of [...Object.keys(NO_SOURCE), ...Object.keys(UNRECORDED_TREES), ...Object.keys(STAND_IN_TREES), ...Object.keys(UNRECORDED_PATCHES)]) {
      expect(versions.some((v) => v.key === key), `${key} is listed as an exception but is not a version`).toBe(true);
    }
    for (const key of Object.keys(NO_SOURCE)) expect(versions.find((v) => v.key === key)?.source, `${key} has a source now; drop it from NO_SOURCE`).toBeUndefined();
  });

  it('names only trees the project measured or built a fixture from', () => {
    const unknown: string[] = [];
    for (const v of versions) {
      const s = v.source;
      if (!s || !isTree(s)) continue;
      const fact = factSources.filter((f) => f.repo === s.repo && f.commit !== null && sameCommit(f.commit, s.commit!));
      const md = mdPairs.filter((p) => p.repo === s.repo && sameCommit(p.commit, s.commit!));
      const known = fact.length > 0 || md.length > 0;
      if (v.key in UNRECORDED_TREES) {
        expect(known, `${v.key} is recorded now; drop it from UNRECORDED_TREES`).toBe(false);
        continue;
      }
      if (!known) unknown.push(`${v.key}: ${s.repo} ${s.commit}`);
      // Where the facts file measured that commit, the path must be one it measured there.
      if (fact.length > 0) expect(fact.map((f) => f.path), `${v.key}: path ${s.path}`).toContain(s.path);
    }
    expect(unknown).toEqual([]);
  });

  it('uses full hashes where the facts file has them', () => {
    for (const v of versions) {
      const s = v.source;
      if (!s || !isTree(s)) continue;
      const full = factSources.find((f) => f.repo === s.repo && f.commit !== null && sameCommit(f.commit, s.commit!));
      if (full) expect(s.commit, v.key).toBe(full.commit);
    }
  });

  it('says in note where a tree is only the closest one', () => {
    for (const [key, reason] of Object.entries(STAND_IN_TREES)) {
      const s = versions.find((v) => v.key === key)?.source;
      expect(s && isTree(s), `${key}: ${reason}`).toBe(true);
      expect(s!.note ?? '', key).toMatch(/closest tree/i);
    }
  });

  it('names only patches recorded in the facts file or a SOURCE.md', () => {
    for (const v of versions) {
      const s = v.source;
      if (!s || isTree(s) || v.key in UNRECORDED_PATCHES) continue;
      expect(
        records.some((r) => r.includes(squash(s.subject!))),
        `${v.key}: subject "${s.subject}"`,
      ).toBe(true);
      if (s.message_id) expect(records.some((r) => r.includes(s.message_id!)), `${v.key}: message_id ${s.message_id}`).toBe(true);
    }
  });
});
