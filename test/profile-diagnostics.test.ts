/**
 * Diagnostics of profiles, the config and the lock, each against a fixture:
 * a file in test/fixtures/invalid-profiles/ whose `# expect:` lines state
 * the exact messages and positions, or a case built here when it needs more
 * than one file. helpers/profile-codes.ts lists the codes covered, for the
 * coverage test in diagnostics.test.ts; the last test here checks the list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLock, extendLock } from '../generator/abi/lock.js';
import type { Diagnostic } from '../generator/diagnostics/diagnostic.js';
import { analyze, layoutAll } from '../generator/pipeline.js';
import { checkProfiles, parseConfig, parseProfiles } from '../generator/profile/profile.js';
import { projectAbi } from './helpers/kernel-trees.js';
import { PROFILE_CODES } from './helpers/profile-codes.js';
import { repoRoot } from './helpers/root.js';


const header = (d: Diagnostic): string => `${d.span.file}:${d.span.line}:${d.span.col}: ${d.severity}[${d.code}]: ${d.message}`;
const dir = join(repoRoot, 'test/fixtures/invalid-profiles');

function diagnose(files: { path: string; text: string }[], config?: string): Diagnostic[] {
  const parsed = parseProfiles(files.map((f) => ({ path: f.path, bytes: Buffer.from(f.text) })));
  const conf = parseConfig(config === undefined ? undefined : { path: 'kho-abi.config.yaml', bytes: Buffer.from(config) });
  return [...parsed.diagnostics, ...conf.diagnostics, ...checkProfiles(parsed.profiles, projectAbi().ir, conf.config)];
}

describe('profile fixtures', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  it.each(files)('%s', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const expected = [...text.matchAll(/^# expect: (.*)$/gm)].map((m) => m[1]!);
    expect(expected.length).toBeGreaterThan(0);
    expect(diagnose([{ path: relative(repoRoot, join(dir, name)), text }]).map(header)).toEqual(expected);
  });
});

describe('cases that need more than one file', () => {
  const minimal = (name: string) => `profile: ${name}\ndoc: A profile.\nrepo: torvalds/linux\nheaders:\n  - file: block.h\n    parts:\n      - { schema: block, version: block-v1 }\n`;

  it('duplicate-profile: two files define the same profile', () => {
    const d = diagnose([
      { path: 'profiles/a.yaml', text: minimal('a') },
      { path: 'profiles/b/a.yaml', text: minimal('a') },
    ]);
    expect(d.map(header)).toEqual(["profiles/b/a.yaml:1:1: error[duplicate-profile]: profile 'a' is also defined in profiles/a.yaml"]);
  });

  it('unknown-profile: the config names a profile that does not exist', () => {
    const d = diagnose([{ path: 'profiles/a.yaml', text: minimal('a') }], 'default_profile: torvald\n');
    expect(d.map(header)).toEqual(["kho-abi.config.yaml:1:18: error[unknown-profile]: no profile 'torvald'"]);
    expect(d[0]!.help).toBe('profiles: a');
  });

  it('missing-key: a profile without its repo', () => {
    const d = diagnose([{ path: 'profiles/a.yaml', text: minimal('a').replace('repo: torvalds/linux\n', '') }]);
    expect(d.map(header)).toEqual(["profiles/a.yaml:1:1: error[missing-key]: the document is missing the required key 'repo'"]);
  });

  it('wrong-type: a config value that is not a string', () => {
    const d = diagnose([], 'runtime_import: 3\n');
    expect(d.map(header)).toEqual(['kho-abi.config.yaml:1:17: error[wrong-type]: runtime_import in kho-abi.config.yaml must be a non-empty string']);
  });

  it('unknown-key in the config', () => {
    const d = diagnose([], 'default: torvalds\n');
    expect(d.map(header)).toEqual([
      "kho-abi.config.yaml:1:1: error[unknown-key]: unknown key 'default' in kho-abi.config.yaml",
    ]);
  });

  it('locked-version-changed: a released version edited', () => {
    const read = (f: string) => ({ path: `schemas/${f}`, bytes: readFileSync(join(repoRoot, 'schemas', f)) });
    const names = readdirSync(join(repoRoot, 'schemas')).filter((f) => f.endsWith('.yaml')).sort();
    const base = layoutAll(analyze(names.map(read)));
    const lock = extendLock(undefined, base.irs).lock;
    const inputs = names.map((f) => (f === 'block.yaml' ? { path: 'schemas/block.yaml', bytes: Buffer.from(readFileSync(join(repoRoot, 'schemas', f), 'utf8').replace('value: 10000', 'value: 10001')) } : read(f)));
    const analysis = analyze(inputs);
    const d = checkLock(lock, layoutAll(analysis).irs, analysis.model!);
    const line = readFileSync(join(repoRoot, 'schemas/block.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('name: KHO_MAX_BLOCKS')) + 1;
    expect(d.map(header)).toEqual([
      `schemas/block.yaml:${line}:11: error[locked-version-changed]: released version block-unversioned would change: KHO_MAX_BLOCKS is 10001 now, 10000 before [constant-changed]`,
      `schemas/block.yaml:${line}:11: error[locked-version-changed]: released version block-v1 would change: KHO_MAX_BLOCKS is 10001 now, 10000 before [constant-changed]`,
      `schemas/block.yaml:${line}:11: error[locked-version-changed]: released version block-v2 would change: KHO_MAX_BLOCKS is 10001 now, 10000 before [constant-changed]`,
    ]);
    expect(d[0]!.help).toMatch(/^block-unversioned is recorded in kho-abi.lock.json; a released layout never changes/);
  });
});

it('PROFILE_CODES lists exactly the codes the cases above produce', () => {
  const text = readFileSync(join(repoRoot, 'test/profile-diagnostics.test.ts'), 'utf8') + readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  const seen = new Set([...text.matchAll(/error\[([a-z-]+)\]/g)].map((m) => m[1]!));
  expect([...seen].sort()).toEqual([...PROFILE_CODES].sort());
});
