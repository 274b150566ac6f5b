/**
 * Every diagnostic code kho-abi can emit has a fixture that states its exact
 * message and position, checked against the real command line.
 *
 * A fixture is test/fixtures/invalid/<code>[_<situation>].yaml. Its first
 * lines are comments:
 *   # with: <path>     another file to validate with it (a companion)
 *   # expect: <line>   one diagnostic header line, in output order
 * Inputs that a committed text file cannot hold (over 1 MiB, invalid UTF-8,
 * NUL bytes, pathological nesting, an empty file) are generated below into a
 * temporary folder, with their expected lines here.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/root.js';
import { PROFILE_CODES } from './helpers/profile-codes.js';
import { DIAGNOSTIC_CODES } from '../generator/diagnostics/diagnostic.js';
import { cli } from './helpers/cli-in-process.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs kho-abi with the repository root (or `cwd`) as working directory: in
 * this process (generator/cli.ts `run`, the same code bin/kho-abi.mjs runs),
 * or, given another `bin`, as a process of that copy of the project.
 */
async function khoAbi(args: readonly string[], cwd = repoRoot, bin?: string): Promise<Run> {
  if (bin === undefined) {
    const r = await cli(args, { cwd });
    return { code: r.code, stdout: r.out, stderr: r.err };
  }
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, KHO_ABI_DEBUG: '' } }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const HEADER = /^\S+:\d+:\d+: (error|warning)\[[a-z0-9-]+\]: /;
const headers = (stderr: string): string[] => stderr.split('\n').filter((l) => HEADER.test(l));
const codeOf = (header: string): string => /\[([a-z0-9-]+)\]/.exec(header)![1]!;

interface JsonDiagnostic {
  file: string;
  line: number;
  col: number;
  length: number;
  severity: string;
  code: string;
  message: string;
  help?: string;
}
const jsonHeader = (d: JsonDiagnostic): string => `${d.file}:${d.line}:${d.col}: ${d.severity}[${d.code}]: ${d.message}`;

/** Nothing kho-abi prints may be a crash. */
function expectNoCrash(run: Run): void {
  expect(run.code, run.stderr).not.toBe(2);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toContain('internal error');
}

/**
 * After each header comes the code frame: a gutter line, the source line as
 * it is in the file, and a caret line whose first ^ sits under the column.
 */
function expectCodeFrames(stderr: string, readSource: (file: string) => string): void {
  const lines = stderr.split('\n');
  lines.forEach((l, i) => {
    const m = /^(\S+):(\d+):(\d+): /.exec(l);
    if (!m || !HEADER.test(l)) return;
    const [, file, lineText, colText] = m;
    const line = Number(lineText);
    const col = Number(colText);
    const gutter = String(line).length;
    const src = readSource(file!).split(/\r?\n/)[line - 1];
    expect(src, `${l}: no such line`).toBeDefined();
    expect(lines[i + 1], l).toBe(`${' '.repeat(gutter)} |`);
    expect(lines[i + 2], l).toBe(`${line} | ${src!.length > 200 ? src!.slice(0, 200) + '…' : src}`.replace(/\t/g, ' '));
    const caret = lines[i + 3]!;
    expect(caret, l).toMatch(/^ *\| *\^+$/);
    expect(caret.indexOf('^') - (gutter + 3), l).toBe(Math.min(col - 1, src!.length));
  });
}

// ---------------------------------------------------------------------------
// Fixtures

const FIXTURES = join(repoRoot, 'test/fixtures/invalid');

interface Fixture {
  name: string;
  path: string;
  withs: string[];
  expect: string[];
  text: string;
}

const fixtures: Fixture[] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const text = readFileSync(join(FIXTURES, f), 'utf8');
    const lines = text.split('\n');
    return {
      name: f.replace(/\.yaml$/, ''),
      path: `test/fixtures/invalid/${f}`,
      withs: lines.filter((l) => l.startsWith('# with: ')).map((l) => l.slice('# with: '.length).trim()),
      expect: lines.filter((l) => l.startsWith('# expect: ')).map((l) => l.slice('# expect: '.length)),
      text,
    };
  });

const readRepoFile = (file: string): string => readFileSync(join(repoRoot, file), 'utf8');
const mainCode = (f: Fixture): string => (f.expect[0] && HEADER.test(f.expect[0]) ? codeOf(f.expect[0]) : f.name);
const onePerCode = fixtures.filter((f, i) => fixtures.findIndex((g) => mainCode(g) === mainCode(f)) === i);

describe('every fixture in test/fixtures/invalid', () => {
  it('states at least one expected line, and names its schema after its file', () => {
    expect(fixtures.length).toBeGreaterThan(50);
    for (const f of fixtures) {
      expect(f.expect.length, f.path).toBeGreaterThan(0);
      for (const e of f.expect) expect(e, f.path).toMatch(HEADER);
      // The file name without .yaml is the schema name, or schema-name-mismatch
      // fires; these two fixtures are about the name itself.
      const schema = /^schema: (.*)$/m.exec(f.text)?.[1];
      if (schema !== undefined && f.name !== 'schema_name_mismatch' && f.name !== 'bad_name_schema') expect(schema, f.path).toBe(f.name);
      // Each fixture is named after the code it is about.
      const codes = new Set(f.expect.map(codeOf));
      expect(codes.size, f.path).toBe(1);
      const code = [...codes][0]!.replace(/-/g, '_');
      expect(f.name === code || f.name.startsWith(`${code}_`), `${f.path} is about ${code}`).toBe(true);
    }
  });

  // One flat list of concurrent tests: each runs the command (about 0.7 s of CPU).
  it.concurrent.each(fixtures)('$name: prints exactly the expected diagnostics, each with a code frame', async (f) => {
    const run = await khoAbi(['validate', f.path, ...f.withs]);
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(1);
    expect(headers(run.stderr)).toEqual(f.expect);
    expectCodeFrames(run.stderr, readRepoFile);
    const errors = f.expect.filter((e) => /: error\[/.test(e)).length;
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(`${errors} error${errors === 1 ? '' : 's'}`);
  });

  // The JSON report is the same list through another formatter: one fixture per code shows it.
  it.concurrent.each(onePerCode)('$name: gives the same diagnostics with --format json', async (f) => {
    const run = await khoAbi(['validate', f.path, ...f.withs, '--format', 'json']);
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(1);
    const diags = JSON.parse(run.stderr) as JsonDiagnostic[];
    for (const d of diags) {
      expect(typeof d.file).toBe('string');
      expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
      expect(Number.isInteger(d.col) && d.col >= 1).toBe(true);
      expect(typeof d.code).toBe('string');
      expect(typeof d.message).toBe('string');
    }
    expect(diags.map(jsonHeader)).toEqual(f.expect);
  });
});

// ---------------------------------------------------------------------------
// Generated inputs

interface Generated {
  name: string;
  /** The diagnostic codes this case is about. */
  codes: string[];
  /** File name and content, written into a fresh temporary folder. */
  file: string;
  content: Uint8Array | string;
  /** Expected header lines; FILE stands for the path as the command prints it. */
  expect: string[];
}

const repeat = (s: string, n: number): string => s.repeat(n);
const VALID_HEAD = 'schema: %s\nspdx: GPL-2.0\ntitle: Generated\ndoc: Generated by test/diagnostics.test.ts.\n';
const head = (schema: string): string => VALID_HEAD.replace('%s', schema);

const generated: Generated[] = [
  {
    name: 'a file over 1 MiB',
    codes: ['file-too-large'],
    file: 'file_too_large.yaml',
    content: head('file_too_large') + `# ${repeat('x', 1024 * 1024)}\n`,
    expect: [`FILE:1:1: error[file-too-large]: schema file is ${Buffer.byteLength(head('file_too_large')) + 1024 * 1024 + 3} bytes; the limit is 1048576`],
  },
  {
    name: 'invalid UTF-8',
    codes: ['not-text'],
    file: 'not_text_utf8.yaml',
    content: Buffer.concat([Buffer.from(head('not_text_utf8') + 'includes: [vmall'), Buffer.from([0xf6]), Buffer.from('c]\n')]),
    expect: [`FILE:5:17: error[not-text]: schema file is not UTF-8 text: byte 0xf6 at offset ${Buffer.byteLength(head('not_text_utf8')) + 16} is not valid UTF-8`],
  },
  {
    name: 'a NUL byte',
    codes: ['not-text'],
    file: 'not_text_nul.yaml',
    content: head('not_text_nul') + 'includes: [vmalloc]\0\n',
    expect: ['FILE:5:20: error[not-text]: schema file contains a NUL byte'],
  },
  {
    name: 'a control character',
    codes: ['not-text'],
    file: 'not_text_control.yaml',
    content: head('not_text_control') + 'includes: [\u001bvmalloc]\n',
    expect: ['FILE:5:12: error[not-text]: schema file contains the control character U+001B'],
  },
  {
    name: 'binary garbage (a PNG header and random-looking bytes)',
    codes: ['not-text'],
    file: 'not_text_binary.yaml',
    content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 512 }, (_, i) => (i * 167 + 13) & 0xff)]),
    expect: ['FILE:1:1: error[not-text]: schema file is not UTF-8 text: byte 0x89 at offset 0 is not valid UTF-8'],
  },
  {
    name: 'flow collections nested 10000 deep',
    codes: ['yaml-too-deep'],
    file: 'yaml_too_deep_flow.yaml',
    content: head('yaml_too_deep_flow') + `includes: ${repeat('[', 10000)}${repeat(']', 10000)}\n`,
    expect: ['FILE:5:75: error[yaml-too-deep]: YAML nesting too deep: more than 64 flow collections ([ or {) inside each other'],
  },
  {
    name: 'block mappings nested 300 deep by indentation',
    codes: ['yaml-too-deep'],
    file: 'yaml_too_deep_block.yaml',
    content: head('yaml_too_deep_block') + Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n',
    expect: ['FILE:262:258: error[yaml-too-deep]: YAML nesting too deep: nested content reaches column 258; the limit is column 256'],
  },
  {
    name: 'block sequences nested 5000 deep on one line',
    codes: ['yaml-too-deep'],
    file: 'yaml_too_deep_compact.yaml',
    content: head('yaml_too_deep_compact') + `includes:\n  ${repeat('- ', 5000)}vmalloc\n`,
    expect: ['FILE:6:259: error[yaml-too-deep]: YAML nesting too deep: nested content reaches column 259; the limit is column 256'],
  },
  {
    name: 'an empty file',
    codes: ['not-a-mapping'],
    file: 'not_a_mapping_zero_bytes.yaml',
    content: '',
    expect: ['FILE:1:1: error[not-a-mapping]: the document is empty; a schema is a mapping of keys (schema, spdx, title, doc, ...)'],
  },
];

describe('generated inputs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kho-abi-diagnostics-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.concurrent.each(generated)('$name: gets a located diagnostic, never a crash', async (g) => {
    const sub = join(dir, g.file.replace(/\.yaml$/, ''));
    mkdirSync(sub);
    const path = join(sub, g.file);
    writeFileSync(path, g.content);
    const shown = relative(repoRoot, path);
    const want = g.expect.map((e) => e.replace(/^FILE/, shown));
    const text = await khoAbi(['validate', path]);
    expectNoCrash(text);
    expect(text.code, text.stderr).toBe(1);
    expect(headers(text.stderr)).toEqual(want);
    expect(text.stderr).toMatch(/^ *\| *\^+$/m);
    const json = await khoAbi(['validate', path, '--format', 'json']);
    expectNoCrash(json);
    expect((JSON.parse(json.stderr) as JsonDiagnostic[]).map(jsonHeader)).toEqual(want);
  });

  it('caps more than 50 diagnostics with a count', async () => {
    const n = 60;
    const fields = Array.from({ length: n }, (_, i) => `      - name: m${i}\n        type: no_such_type_${i}\n`).join('');
    const path = join(dir, 'too_many.yaml');
    writeFileSync(path, `${head('too_many')}structs:\n  - name: too_many_ser\n    doc: Many members of unknown types.\n    fields:\n${fields}`);
    const run = await khoAbi(['validate', path]);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    const shown = headers(run.stderr);
    expect(shown).toHaveLength(50);
    for (const h of shown) expect(codeOf(h)).toBe('unknown-type');
    const tail = run.stderr.trimEnd().split('\n').slice(-2);
    expect(tail).toEqual([`... and ${n - 50} more diagnostics not shown`, `${n} errors`]);
  });

  /*
   * schema-violation is the fallback for JSON Schema keywords the schema
   * language does not use yet. To reach it, run a copy of kho-abi whose
   * schema language limits the title with maxLength.
   */
  it('reports a keyword without a dedicated code as schema-violation', async () => {
    const copy = join(dir, 'project');
    for (const d of ['generator', 'runtime', 'templates', 'bin', 'schemas']) cpSync(join(repoRoot, d), join(copy, d), { recursive: true });
    cpSync(join(repoRoot, 'package.json'), join(copy, 'package.json'));
    symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const language = join(copy, 'schemas/kho-abi.schema.json');
    const schema = JSON.parse(readFileSync(language, 'utf8')) as { properties: { title: Record<string, unknown> } };
    schema.properties.title.maxLength = 40;
    writeFileSync(language, JSON.stringify(schema, null, 2));
    const path = join(copy, 'schema_violation.yaml');
    writeFileSync(path, 'schema: schema_violation\nspdx: GPL-2.0\ntitle: A title that is longer than forty characters\ndoc: Too long.\n');
    const run = await khoAbi(['validate', 'schema_violation.yaml'], copy, join(copy, 'bin/kho-abi.mjs'));
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(1);
    expect(headers(run.stderr)).toEqual(["schema_violation.yaml:3:8: error[schema-violation]: 'title' must NOT have more than 40 characters"]);
  });
});

// ---------------------------------------------------------------------------
// Coverage: every code the generator emits has a fixture or a generated case.

/** Codes passed to error(...) or this.err(...) anywhere under generator/, found in the syntax tree. */
function emittedCodes(): { codes: Set<string>; unresolved: string[] } {
  const codes = new Set<string>();
  const unresolved: string[] = [];
  const walkDir = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walkDir(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : []));
  for (const file of walkDir(join(repoRoot, 'generator'))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node): string => `${relative(repoRoot, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    /** The string literals an expression can evaluate to. */
    const literals = (e: ts.Expression, scope: ts.Node): string[] | undefined => {
      if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
      if (ts.isParenthesizedExpression(e)) return literals(e.expression, scope);
      if (ts.isConditionalExpression(e)) {
        const a = literals(e.whenTrue, scope);
        const b = literals(e.whenFalse, scope);
        return a && b ? [...a, ...b] : undefined;
      }
      if (ts.isIdentifier(e)) {
        // A local `const code = ... ? 'a' : 'b'` in an enclosing block.
        let found: ts.Expression | undefined;
        const look = (n: ts.Node): void => {
          if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === e.text && n.initializer) found ??= n.initializer;
          ts.forEachChild(n, look);
        };
        for (let s: ts.Node | undefined = scope; s && !found; s = s.parent) if (ts.isBlock(s) || ts.isSourceFile(s)) look(s);
        return found ? literals(found, found) : undefined;
      }
      return undefined;
    };
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && n.arguments.length > 0) {
        const callee = n.expression.getText(sf);
        if (callee === 'error' || callee === 'this.err') {
          const first = n.arguments[0]!;
          // The wrappers `err(code, ...) { ... error(code, ...) }` pass their parameter on.
          const fn = ts.findAncestor(n, (a) => ts.isFunctionLike(a));
          const isWrapperParam = ts.isIdentifier(first) && fn !== undefined && ts.isFunctionLike(fn) && fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === first.text);
          const found = isWrapperParam ? [] : literals(first, n);
          if (found) found.forEach((c) => codes.add(c));
          else unresolved.push(`${where(n)}: ${n.arguments[0]!.getText(sf)}`);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { codes, unresolved };
}

describe('coverage', () => {
  it('every diagnostic code the generator emits has a fixture or a generated case, and no other code is tested', () => {
    const { codes, unresolved } = emittedCodes();
    expect(unresolved, 'a diagnostic code that is not a string literal cannot be checked for a fixture').toEqual([]);
    for (const c of codes) expect(c).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    const covered = new Set([...fixtures.flatMap((f) => f.expect.map(codeOf)), ...generated.flatMap((g) => g.codes), 'schema-violation', ...PROFILE_CODES]);
    expect([...covered].sort()).toEqual([...codes].sort());
    // The closed list of codes is exactly what the generator emits: none missing, none stale.
    expect([...DIAGNOSTIC_CODES].sort()).toEqual([...codes].sort());
  });

  it('the project schemas validate cleanly', async () => {
    const run = await khoAbi(['validate']);
    expectNoCrash(run);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+ schema file\(s\) valid\n$/);
    const json = await khoAbi(['validate', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(json.stdout).toBe('[]\n');
  });
});
