/**
 * spanOf works from node spans (plain data a worker thread can hand back),
 * no longer from the YAML document. These tests hold it to an oracle that
 * walks yaml's own document, as spanOf once did, and counts lines in the
 * text itself: for every path into the project's schemas and fixtures, and
 * paths that leave them (a missing key, an index past the end, a number on a
 * mapping, a step through a scalar), with the key's span and without, and
 * after a structured clone, which is how a worker's files arrive.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { SourceSpan } from '../generator/diagnostics/diagnostic.js';
import { loadSource, sourceFile, type LoadedFile, type YamlPath } from '../generator/source/load.js';
import { repoRoot } from './helpers/root.js';

/** The span spanOf gave when it walked the document (before node spans): line and column counted here. */
function oracleSpanOf(file: string, text: string, doc: Document.Parsed, path: YamlPath, key: boolean): SourceSpan {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const step of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === step);
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      keyNode = undefined;
      node = node.items[step];
    } else break;
  }
  const target = (key && keyNode) || node;
  const range = (target as { range?: [number, number, number] } | undefined)?.range;
  if (!range) return { file, line: 1, col: 1, length: 1, path };
  const pos = (offset: number): { line: number; col: number } => {
    const before = text.slice(0, offset);
    return { line: before.split('\n').length, col: offset - (before.lastIndexOf('\n') + 1) + 1 };
  };
  const [start, end] = range;
  const { line, col } = pos(start);
  const lineEnd = text.indexOf('\n', start);
  const rest = (lineEnd < 0 ? text.length : lineEnd) - start;
  const length = end > start ? Math.max(1, Math.min(end - start, rest)) : 1;
  const last = end > start ? pos(end - 1) : undefined;
  return { file, line, col, length, ...(last && last.line > line ? { endLine: last.line, endCol: last.col } : {}), path };
}

/** Every path into `data`, and for each a few that go one step past or beside it. */
function pathsOf(data: unknown): YamlPath[] {
  const out: YamlPath[] = [[]];
  const walk = (v: unknown, p: YamlPath): void => {
    if (Array.isArray(v)) {
      out.push([...p, v.length], [...p, -1], [...p, 'x']);
      v.forEach((item, i) => {
        out.push([...p, i]);
        walk(item, [...p, i]);
      });
    } else if (v !== null && typeof v === 'object') {
      out.push([...p, 'no_such_key'], [...p, 0]);
      for (const [k, item] of Object.entries(v)) {
        out.push([...p, k]);
        walk(item, [...p, k]);
      }
    } else out.push([...p, 'beyond'], [...p, 0, 'beyond']);
  };
  walk(data, []);
  return out;
}

function load(path: string, text: string): LoadedFile {
  const loaded = loadSource(path, Buffer.from(text));
  expect(loaded.diagnostics).toEqual([]);
  return loaded.file!;
}

function expectSameSpans(path: string, text: string, paths: readonly YamlPath[]): void {
  const file = load(path, text);
  const cloned = sourceFile(structuredClone(file.parts));
  const doc = parseDocument(text, { uniqueKeys: true, strict: true, stringKeys: true });
  for (const p of paths) {
    for (const key of [false, true]) {
      const want = oracleSpanOf(path, text, doc, p, key);
      expect(file.spanOf(p, key), `${JSON.stringify(p)} key=${key}`).toEqual(want);
      expect(cloned.spanOf(p, key), `cloned ${JSON.stringify(p)} key=${key}`).toEqual(want);
    }
  }
  expect(cloned.data).toEqual(file.data);
  expect(cloned.text).toBe(text);
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(join(repoRoot, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(dir, f));

describe('spanOf from node spans', () => {
  it('agrees with a walk of the YAML document on every path into the schemas and valid fixtures', () => {
    const files = [...yamlFiles('schemas'), ...yamlFiles('test/fixtures/valid')];
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const text = readFileSync(join(repoRoot, f), 'utf8');
      expectSameSpans(f, text, pathsOf(load(f, text).data));
    }
  });

  it('agrees on aliases, empty values, block scalars, flow collections and nested sequences', () => {
    const text = [
      'schema: tricky',
      'base: &base',
      '  name: shared',
      '  list: [1, 2, {a: 3}]',
      'copy: *base',
      'empty:',
      'seq:',
      '  - - inner',
      '    - *base',
      '  -',
      '  - last',
      'doc: |',
      '  two',
      '  lines',
      'flow: {x: 1, y: [a, b]}',
      '',
    ].join('\n');
    const data = load('tricky.yaml', text).data;
    // Paths through the alias reach the anchored mapping.
    expectSameSpans('tricky.yaml', text, [...pathsOf(data), ['copy', 'name'], ['copy', 'list', 2, 'a'], ['seq', 0, 1, 'list', 0], ['seq', 1, 'x']]);
  });

  it('agrees on random documents and paths (fast-check)', () => {
    const scalar = fc.oneof(fc.constantFrom('a', 'b c', '0x10', '"q"', 'null', 'true', '12', "'s'"), fc.integer({ min: -5, max: 99 }).map(String));
    const key = fc.constantFrom('k', 'name', 'type', 'x1', 'doc');
    // A block document of nested mappings and sequences, written out line by line.
    const node: fc.Memo<string[]> = fc.memo((depth) =>
      depth <= 1
        ? scalar.map((s) => [s])
        : fc.oneof(
            scalar.map((s) => [s]),
            fc.uniqueArray(fc.tuple(key, node(depth - 1)), { minLength: 1, maxLength: 3, selector: ([k]) => k }).map((pairs) => pairs.flatMap(([k, v]) => (v.length === 1 && !v[0]!.startsWith('-') && !v[0]!.includes(':') ? [`${k}: ${v[0]}`] : [`${k}:`, ...v.map((l) => `  ${l}`)]))),
            fc.array(node(depth - 1), { minLength: 1, maxLength: 3 }).map((items) => items.flatMap((v) => [`- ${v[0]}`, ...v.slice(1).map((l) => `  ${l}`)])),
          ),
    );
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, node(4)), { minLength: 1, maxLength: 3, selector: ([k]) => k }), (pairs) => {
        const lines = pairs.flatMap(([k, v]) => (v.length === 1 && !v[0]!.startsWith('-') && !v[0]!.includes(':') ? [`${k}: ${v[0]}`] : [`${k}:`, ...v.map((l) => `  ${l}`)]));
        const text = `${lines.join('\n')}\n`;
        const loaded = loadSource('random.yaml', Buffer.from(text));
        // Generated text that yaml refuses (a mapping in a compact sequence entry, say) is not this test's subject.
        fc.pre(loaded.file !== undefined);
        expectSameSpans('random.yaml', text, pathsOf(loaded.file!.data));
      }),
      { numRuns: 200 },
    );
  });
});
