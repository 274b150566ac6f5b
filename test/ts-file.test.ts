/**
 * The TypeScript printer (generator/emit/ts-file.ts): imports come from the
 * symbols used and only from them, lists break at the line width, blocks
 * indent by two spaces, comments wrap, and the output parses.
 */
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { block, call, jsdoc, list, operands, symbol, TsFile, ts as code, WIDTH } from '../generator/emit/ts-file.js';

const rt = (name: string, type = false) => symbol(name, '../../runtime/index.js', type);

function parses(text: string): boolean {
  const sf = ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  return (sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length === 0;
}

describe('TsFile', () => {
  it('imports what its fragments use, type-only where only types are used, never its own names', () => {
    const f = new TsFile('./a.js', ['// banner']);
    f.add(code`export function f(x: ${rt('ReadOptions', true)}): ${symbol('Foo', './b.js', true)} { return ${call(symbol('decodeFoo', './b.js'), ['x'])}; }`);
    f.add(code`const g = ${rt('checkUint')} ?? ${symbol('local', './a.js')};`);
    f.add(code`let h: ${rt('checkUint', true)};`);
    expect(f.toString()).toBe(
      [
        '// banner',
        '',
        "import { checkUint, type ReadOptions } from '../../runtime/index.js';",
        "import { decodeFoo, type Foo } from './b.js';",
        '',
        'export function f(x: ReadOptions): Foo { return decodeFoo(x); }',
        '',
        'const g = checkUint ?? local;',
        '',
        'let h: checkUint;',
        '',
      ].join('\n'),
    );
  });

  it('prints an unused runtime name nowhere', () => {
    const f = new TsFile('./a.js', []);
    rt('checkUint');
    f.add('const x = 1;');
    expect(f.toString()).not.toContain('import');
  });

  it('breaks a list one item a line, with a trailing comma, only when the line would pass the width', () => {
    const short = new TsFile('./a.js', []);
    short.add(code`f${list('(', ['a', 'b'], ')')};`);
    expect(short.toString()).toBe('f(a, b);\n');
    const long = new TsFile('./a.js', []);
    const args = Array.from({ length: 12 }, (_, i) => `argument_${i}`);
    long.add(block('function g()', [code`${call('f', args)};`]));
    const text = long.toString();
    expect(text).toBe(['function g() {', '  f(', ...args.map((a) => `    ${a},`), '  );', '}', ''].join('\n'));
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(WIDTH);
    expect(parses(text)).toBe(true);
  });

  it('breaks a long condition after each operator, without a trailing one', () => {
    const f = new TsFile('./a.js', []);
    const x = 'a_rather_long_variable_name_for_this_test';
    f.add(block(['if ', operands('||', [`typeof ${x} !== 'bigint'`, `BigInt.asUintN(64, ${x}) !== ${x}`])], ['throw 1;']));
    const text = f.toString();
    expect(text).toBe(['if (', `  typeof ${x} !== 'bigint' ||`, `  BigInt.asUintN(64, ${x}) !== ${x}`, ') {', '  throw 1;', '}', ''].join('\n'));
    expect(parses(`let ${x}: bigint = 0n;\n${text}`)).toBe(true);
  });

  it('chains try and catch, and wraps a long JSDoc at the width with the indentation of its statement', () => {
    const f = new TsFile('./a.js', []);
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    f.add(block('class C', [jsdoc(words), block('m(): void', [block('try', ['x();'], { next: block('catch (e)', ['throw e;']) })])]));
    const text = f.toString();
    expect(text.split('\n').every((l) => l.length <= WIDTH)).toBe(true);
    expect(text).toContain('  /**\n   * word0 word1');
    expect(text).toContain('    try {\n      x();\n    } catch (e) {\n      throw e;\n    }\n');
    expect(parses(text)).toBe(true);
  });

  it('escapes a comment terminator inside a JSDoc', () => {
    const f = new TsFile('./a.js', []);
    f.add(jsdoc('a */ b'), 'const x = 1;');
    expect(f.toString()).toBe('/** a * / b */\nconst x = 1;\n');
  });
});
