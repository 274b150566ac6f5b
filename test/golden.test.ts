/**
 * Golden outputs of the emitters: every small schema under
 * test/fixtures/valid/ generated alone, each file compared byte for byte
 * with test/fixtures/golden/<schema>/<path>.golden: the C header (c-header),
 * the TypeScript module (codecs, views, registry, container descriptors)
 * and the index. A mismatch fails with a line diff; to accept a deliberate
 * change, run `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts` and
 * review the diff of test/fixtures/golden/ before committing it.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../generator/generate.js';
import { repoRoot } from './helpers/root.js';

const VALID = join(repoRoot, 'test/fixtures/valid');
const GOLDEN = join(repoRoot, 'test/fixtures/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** The fixtures that stand alone (no includes of the project's schemas). */
const fixtures = readdirSync(VALID)
  .filter((f) => f.endsWith('.yaml'))
  .filter((f) => !/^includes:/m.test(readFileSync(join(VALID, f), 'utf8')))
  .sort();

/** A unified-style line diff, enough to see what changed. */
function lineDiff(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    // Resynchronise on the next line both still share.
    const nextB = b.indexOf(a[i]!, j);
    const nextA = a.indexOf(b[j]!, i);
    if (nextB !== -1 && (nextA === -1 || nextB - j <= nextA - i)) {
      while (j < nextB) out.push(`${j + 1} + ${b[j++]}`);
    } else if (nextA !== -1) {
      while (i < nextA) out.push(`${i + 1} - ${a[i++]}`);
    } else {
      if (i < a.length) out.push(`${i + 1} - ${a[i++]}`);
      if (j < b.length) out.push(`${j + 1} + ${b[j++]}`);
    }
    if (out.length > 80) return out.join('\n') + '\n...';
  }
  return out.join('\n');
}

describe('golden outputs of the emitters', () => {
  it('covers at least the fixture with a container and a page-size shape', () => {
    expect(fixtures).toContain('page_chain.yaml');
  });

  for (const fixture of fixtures) {
    it(fixture, async () => {
      const schema = fixture.replace(/\.yaml$/, '');
      const g = await generate([{ path: `test/fixtures/valid/${fixture}`, bytes: readFileSync(join(VALID, fixture)) }]);
      expect(g.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const dir = join(GOLDEN, schema);
      const wanted = new Set(g.files.map((f) => `${f.path}.golden`));
      if (UPDATE) {
        rmSync(dir, { recursive: true, force: true });
        for (const f of g.files) {
          const p = join(dir, `${f.path}.golden`);
          mkdirSync(dirname(p), { recursive: true });
          writeFileSync(p, f.content);
        }
      }
      const problems: string[] = [];
      for (const f of g.files) {
        const p = join(dir, `${f.path}.golden`);
        if (!existsSync(p)) {
          problems.push(`${f.path}: no golden file (run UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts)`);
          continue;
        }
        const want = readFileSync(p, 'utf8');
        if (want !== f.content) problems.push(`${f.path} differs from its golden file (- golden, + now):\n${lineDiff(want, f.content)}`);
      }
      const extra = existsSync(dir) ? listFiles(dir).filter((p) => !wanted.has(p)) : [];
      for (const p of extra) problems.push(`${p}: a golden file no emitter writes any more`);
      expect(problems.join('\n\n')).toBe('');
    });
  }
});

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}
