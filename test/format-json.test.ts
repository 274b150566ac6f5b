/** JSON diagnostics stay bounded: at most MAX_REPORTED_JSON entries, then one entry counting the rest. */
import { describe, expect, it } from 'vitest';
import { error } from '../generator/diagnostics/diagnostic.js';
import { formatJson, MAX_REPORTED_JSON } from '../generator/diagnostics/format.js';

describe('formatJson', () => {
  const diags = (n: number) => Array.from({ length: n }, (_, i) => error('unknown-type', { file: 'a.yaml', line: i + 1, col: 1, length: 1 }, `bad ${i}`));

  it('prints every diagnostic up to the limit', () => {
    const out = JSON.parse(formatJson(diags(3))) as { line: number; code: string }[];
    expect(out.map((d) => [d.line, d.code])).toEqual([[1, 'unknown-type'], [2, 'unknown-type'], [3, 'unknown-type']]);
  });

  it('cuts after the limit and says how many more there were', () => {
    const out = JSON.parse(formatJson(diags(MAX_REPORTED_JSON + 25))) as { code: string; message: string; severity: string }[];
    expect(out).toHaveLength(MAX_REPORTED_JSON + 1);
    expect(out[out.length - 1]).toMatchObject({ code: 'truncated', severity: 'note', message: '25 more diagnostics not shown' });
  });
});

describe('--format json: where in the YAML', () => {
  it('names the YAML path of the entry, and where an entry over several lines ends', async () => {
    const { cli } = await import('./helpers/cli-in-process.js');
    const { repoRoot } = await import('./helpers/root.js');
    const r = await cli(['validate', 'test/fixtures/invalid/bad_constant.yaml', '--format', 'json'], { cwd: repoRoot });
    const [d] = JSON.parse(r.err) as { line: number; end_line?: number; end_col?: number; path?: string; code: string }[];
    expect(d).toMatchObject({ code: 'bad-constant', line: 7, end_line: 10, path: 'constants[0]' });
    const one = await cli(['validate', 'test/fixtures/invalid/bad_source.yaml', '--format', 'json'], { cwd: repoRoot });
    const [s] = JSON.parse(one.err) as { end_line?: number; path?: string }[];
    expect(s!.path).toBe('component.versions[0].source');
    expect(s!.end_line).toBeUndefined();
  });
});
