/**
 * What a kernel tree's include/linux/kho/abi/*.h really declare, as gcc
 * sees them: every struct's size, alignment and members (read back from the
 * DWARF gcc writes), every enum, and the value of every object-like macro
 * (printed by a probe program built on the headers). Nothing here parses C
 * beyond finding names; the compiler does the layout.
 */
import { execFile } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { declaredNames, type Declared } from './c-tokens.js';
import { parseReadelf, type DwarfMember } from './dwarf.js';
import { SHIM_FALLBACK_INCLUDE, SHIM_INCLUDE } from './shim.js';

const run = promisify(execFile);
/** Lines of gcc's complaint about a header that a report quotes. */
const MAX_GCC_LINES = 20;

/** gcc's messages in plain ASCII and English, whatever the user's locale: they are quoted in reports. */
const GCC_ENV = { ...process.env, LC_ALL: 'C' };

export const ABI_DIR = 'include/linux/kho/abi';

export interface TreeHeader {
  /** File name, e.g. luo.h. */
  readonly name: string;
  /** Path relative to the tree, e.g. include/linux/kho/abi/luo.h. */
  readonly path: string;
  readonly source: string;
  readonly declared: Declared;
  /** gcc's complaint when the header does not compile; its declarations are then unknown. */
  readonly compileError?: string;
}

export interface TreeStruct {
  readonly name: string;
  readonly header: string;
  readonly line: number;
  readonly size: number;
  readonly align: number;
  readonly members: readonly DwarfMember[];
}

export interface TreeConstant {
  readonly name: string;
  readonly header: string;
  readonly line: number;
  readonly value: bigint | string;
}

export interface TreeLayout {
  readonly root: string;
  readonly pageShift: number;
  readonly headers: readonly TreeHeader[];
  readonly structs: ReadonlyMap<string, TreeStruct>;
  readonly constants: ReadonlyMap<string, TreeConstant>;
  /** Function-like macros: their existence only; their bodies are not ABI. */
  readonly macros: ReadonlyMap<string, { readonly header: string; readonly line: number }>;
}

export class TreeError extends Error {}

/** The headers of TREE/include/linux/kho/abi, regular files only: a link or a folder there is refused. */
export function readTreeHeaders(root: string): { name: string; path: string; source: string }[] {
  const dir = join(root, ABI_DIR);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new TreeError(`${dir}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder; is this a kernel tree?' : (e as Error).message}`);
  }
  const out: { name: string; path: string; source: string }[] = [];
  for (const name of names.filter((n) => n.endsWith('.h')).sort()) {
    const full = join(dir, name);
    const st = lstatSync(full);
    if (!st.isFile()) throw new TreeError(`${full}: not a regular file (a symbolic link or a folder); kho-abi reads only regular headers`);
    out.push({ name, path: `${ABI_DIR}/${name}`, source: readFileSync(full, 'utf8') });
  }
  return out;
}

function gccArgs(root: string, pageShift: number, source: string, output: string, compileOnly: boolean): string[] {
  return [
    '-std=gnu11', '-g', '-fno-eliminate-unused-debug-types', '-w',
    '-I', SHIM_INCLUDE, '-I', join(root, 'include'), '-I', SHIM_FALLBACK_INCLUDE,
    '-include', 'kho-kernel-env.h', `-DPAGE_SHIFT=${pageShift}`,
    ...(compileOnly ? ['-fsyntax-only'] : ['-o', output]),
    source,
  ];
}

function stderrOf(e: unknown): string {
  const x = e as { stderr?: string; message?: string };
  return (x.stderr || x.message || String(e)).trim();
}

/** Compiles each header alone; those gcc refuses are reported and left out of the probe. */
async function compileErrors(root: string, dir: string, headers: readonly { name: string }[], pageShift: number): Promise<Map<string, string>> {
  const errors = new Map<string, string>();
  await Promise.all(
    headers.map(async (h) => {
      const src = join(dir, `only-${h.name}.c`);
      writeFileSync(src, `#include <linux/kho/abi/${h.name}>\n`);
      try {
        await run('gcc', gccArgs(root, pageShift, src, '', true), { env: GCC_ENV });
      } catch (e) {
        // Paths relative to the tree, without the line about our one-line test file.
        const text = stderrOf(e)
          .split('\n')
          .filter((l) => !l.includes(`only-${h.name}.c`))
          .join('\n')
          .split(`${root.replace(/\/$/, '')}/`)
          .join('');
        // A header that does not compile can make gcc say a great deal: the first lines say what is wrong.
        const lines = text.split('\n');
        errors.set(h.name, lines.length > MAX_GCC_LINES ? [...lines.slice(0, MAX_GCC_LINES), `(${lines.length - MAX_GCC_LINES} more lines from gcc)`].join('\n') : text);
      }
    }),
  );
  return errors;
}

function cStr(s: string): string {
  return JSON.stringify(s);
}

function probeProgram(headers: readonly TreeHeader[], structs: readonly string[], macros: readonly string[]): string {
  const lines = [
    '#include <stdio.h>',
    ...headers.map((h) => `#include <linux/kho/abi/${h.name}>`),
    '',
    'static void kho_probe_str(const char *name, const char *v)',
    '{',
    '\tprintf("M\\t%s\\ts\\t", name);',
    '\tfor (; *v; v++)',
    '\t\tprintf("%02x", (unsigned char)*v);',
    '\tprintf("\\n");',
    '}',
    '',
    'static void kho_probe_int(const char *name, __int128 v)',
    '{',
    '\tunsigned __int128 m = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;',
    '\tchar buf[48];',
    '\tint i = sizeof(buf) - 1;',
    '',
    '\tbuf[i] = 0;',
    '\tdo {',
    "\t\tbuf[--i] = '0' + (int)(m % 10);",
    '\t\tm /= 10;',
    '\t} while (m);',
    "\tif (v < 0)",
    "\t\tbuf[--i] = '-';",
    '\tprintf("M\\t%s\\ti\\t%s\\n", name, buf + i);',
    '}',
    '',
    '#define KHO_PROBE(name, x) _Generic((x), char *: kho_probe_str, const char *: kho_probe_str, default: kho_probe_int)(name, (x))',
    '',
    'int main(void)',
    '{',
    ...structs.map((s) => `\tprintf("S\\t%s\\t%zu\\t%zu\\n", ${cStr(s)}, sizeof(struct ${s}), (size_t)_Alignof(struct ${s}));`),
    ...macros.map((m) => `\tKHO_PROBE(${cStr(m)}, ${m});`),
    '\treturn 0;',
    '}',
  ];
  return lines.join('\n') + '\n';
}

/** Probes a kernel tree at one page size. Throws TreeError when there is no tree to read. */
export async function probeTree(root: string, pageShift = 12): Promise<TreeLayout> {
  const files = readTreeHeaders(root);
  const dir = mkdtempSync(join(tmpdir(), 'kho-abi-tree-'));
  try {
    const errors = await compileErrors(root, dir, files, pageShift);
    const headers: TreeHeader[] = files.map((f) => ({ ...f, declared: declaredNames(f.source), ...(errors.has(f.name) ? { compileError: errors.get(f.name)! } : {}) }));
    const good = headers.filter((h) => !h.compileError);
    const structs = good.flatMap((h) => h.declared.structs.map((s) => s.name));
    let macros = good.flatMap((h) => h.declared.macros.filter((m) => !m.functionLike).map((m) => m.name));
    // A macro that is not a value (a type, an attribute, an empty marker) fails to compile: drop it and try again.
    let stdout = '';
    let readelf = '';
    for (let attempt = 0; ; attempt++) {
      const src = join(dir, 'probe.c');
      const exe = join(dir, 'probe');
      const program = probeProgram(good, structs, macros);
      writeFileSync(src, program);
      try {
        await run('gcc', gccArgs(root, pageShift, src, exe, false), { maxBuffer: 16 << 20, env: GCC_ENV });
      } catch (e) {
        const lines = program.split('\n');
        const bad = new Set<string>();
        for (const m of stderrOf(e).matchAll(/probe\.c:(\d+):/g)) {
          const text = lines[Number(m[1]) - 1] ?? '';
          const name = /KHO_PROBE\("([^"]+)"/.exec(text)?.[1];
          if (name) bad.add(name);
        }
        if (bad.size === 0 || attempt > 4) throw new TreeError(`the probe of ${root} does not compile:\n${stderrOf(e)}`);
        macros = macros.filter((m) => !bad.has(m));
        continue;
      }
      stdout = (await run(exe, [], { maxBuffer: 16 << 20 })).stdout;
      readelf = (await run('readelf', ['--debug-dump=info', exe], { maxBuffer: 256 << 20 })).stdout;
      break;
    }
    const dwarf = parseReadelf(readelf);
    const where = new Map<string, { header: string; line: number }>();
    for (const h of good) {
      for (const s of h.declared.structs) where.set(`s:${s.name}`, { header: h.name, line: s.line });
      for (const m of h.declared.macros) where.set(`m:${m.name}`, { header: h.name, line: m.line });
      for (const e of h.declared.enums) where.set(`e:${e.name}`, { header: h.name, line: e.line });
    }
    const treeStructs = new Map<string, TreeStruct>();
    const constants = new Map<string, TreeConstant>();
    for (const line of stdout.split('\n')) {
      const [kind, name, a, b] = line.split('\t');
      if (kind === 'S' && name) {
        const rec = dwarf.records.get(name);
        treeStructs.set(name, { name, ...where.get(`s:${name}`)!, size: Number(a), align: Number(b), members: rec?.members ?? [] });
      } else if (kind === 'M' && name) {
        const value = a === 's' ? Buffer.from(b ?? '', 'hex').toString('latin1') : BigInt(b ?? '0');
        constants.set(name, { name, ...where.get(`m:${name}`)!, value });
      }
    }
    // Enumerators are constants too; the kernel uses them as such (KHO_TABLE_SIZE_LOG2).
    for (const h of good) {
      for (const e of h.declared.enums) {
        for (const v of dwarf.enums.get(e.name)?.values ?? []) constants.set(v.name, { name: v.name, header: h.name, line: e.line, value: v.value });
      }
    }
    const macrosOut = new Map<string, { header: string; line: number }>();
    for (const h of good) for (const m of h.declared.macros) if (m.functionLike) macrosOut.set(m.name, { header: h.name, line: m.line });
    return { root, pageShift, headers, structs: treeStructs, constants, macros: macrosOut };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
