/**
 * loadSource lexes a schema once and hands the lexemes to yaml's parser
 * (parseTokens in generator/source/load.ts) instead of letting
 * parseDocument lex the text again. Here yaml's own parseDocument is the
 * reference: on every YAML file of the project and fixture, and on random
 * YAML-like text, both give the same data, the same errors and warnings
 * (code, position, message) and the same node ranges.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseTokens } from '../generator/source/load.js';
import { repoRoot } from './helpers/root.js';

const OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: true, stringKeys: true, logLevel: 'error' } as const;

/** What a parsed document says: data, problems and where each node is. */
function summary(doc: Document.Parsed, lines: LineCounter): unknown {
  const ranges: unknown[] = [];
  visit(doc, (_key, node) => {
    ranges.push((node as { range?: unknown } | null)?.range ?? null);
  });
  let data: unknown = 'not converted'; // loadSource converts only a document without errors
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      data = `throws ${(e as Error).message}`;
    }
  }
  return {
    data,
    errors: doc.errors.map((e) => [e.code, e.pos, e.message]),
    warnings: doc.warnings.map((e) => [e.code, e.pos, e.message]),
    ranges,
    lines: lines.lineStarts,
  };
}

function both(text: string): [unknown, unknown] {
  const a = new LineCounter();
  const b = new LineCounter();
  const reference = summary(parseDocument(text, { ...OPTIONS, lineCounter: a }), a);
  const lexedOnce = summary(parseTokens([...new Lexer().lex(text)], text.length, { ...OPTIONS, lineCounter: b }), b);
  return [lexedOnce, reference];
}

const FOLDERS = ['schemas', 'profiles', 'examples', 'test/fixtures/valid', 'test/fixtures/invalid', 'test/fixtures/invalid-profiles'];

describe('parsing the lexemes of one pass is parseDocument', () => {
  const files = FOLDERS.flatMap((dir) =>
    readdirSync(join(repoRoot, dir), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(dir, f)),
  ).sort();

  it('on every YAML file of the project and its fixtures', () => {
    expect(files.length).toBeGreaterThan(100);
    let withErrors = 0;
    for (const f of files) {
      const [got, want] = both(readFileSync(join(repoRoot, f), 'utf8'));
      expect(got, f).toEqual(want);
      if ((want as { errors: unknown[] }).errors.length > 0) withErrors++;
    }
    expect(withErrors, 'some fixtures are malformed YAML').toBeGreaterThan(0);
  });

  it('on random YAML-like text, a second document and tabs included', () => {
    const piece = fc.constantFrom('a', 'b: ', 'c:', '- ', '  ', '\t', '\n', '[', ']', '{', '}', ',', '"', "'", '#', '&x ', '*x', '!t ', '---\n', '...\n', '? ', '|\n', '>-\n', '%YAML 1.2\n', 'k: v\n', '- 1\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const [got, want] = both(parts.join(''));
        expect(got).toEqual(want);
      }),
      { numRuns: 500, seed: 12 },
    );
  });
});
