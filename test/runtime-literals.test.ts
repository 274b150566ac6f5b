/**
 * No number about a container's layout is written in runtime/: the walkers
 * take every header size, capacity, limit, member offset, radix geometry and
 * FDT property name from the descriptors generated from the schemas
 * (runtime/containers/descriptors.ts). This test reads runtime/**.ts with
 * comments removed and fails, naming file:line, on the literals the
 * runtime used to carry; a case feeds it snippets to show that it can fail,
 * and that unrelated numbers (2^53, 2^32, hex radixes) pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/root.js';

interface Rule {
  readonly what: string;
  readonly re: RegExp;
}

/** The layout literals the runtime carried before the descriptors, each as the code spelled it. */
const RULES: readonly Rule[] = [
  { what: 'KHO_MAX_BLOCKS (10000)', re: /(?<![\w.])10000(?![\w.])/ },
  { what: 'a header, size or offset name set to a layout number (16, 8, 12, 14)', re: /\b\w*(?:HEADER|Header|header|SIZE|Size|size|OFFSET|Offset|offset)\w*\s*(?:=|:)\s*(?:16|8|12|14)(?![\w.])/ },
  { what: 'a capacity formula (page size less a header, over an entry size)', re: /[pP]age[sS]ize\s*-\s*(?:8|\d{2,})\s*\)\s*\/\s*[\w.]+/ },
  { what: 'entries per chunk ((... - 8) / 8)', re: /-\s*8\s*\)\s*\/\s*8(?![\w.])/ },
  { what: 'entries per page (pageSize / 8)', re: /[pP]age[sS]ize\s*\/\s*8(?![\w.])/ },
  { what: 'a member found from the end of a struct (size - 8)', re: /\b(?:size|Size)\s*-\s*8(?![\w.])/ },
  { what: 'a KHO FDT property name', re: /['"`](?:preserved-memory-map|preserved-data|blob-size)['"`]/ },
  { what: 'the radix order-0 bit (64 - page shift)', re: /(?<![\w.])64\s*-\s*\w*[sS]hift\b/ },
  { what: 'a radix log2 size (page shift +/- 3)', re: /[sS]hift\s*[-+]\s*3(?![\w.])/ },
  { what: 'the radix depth formula (DIV_ROUND_UP(... + 1, ...) + 1)', re: /Math\.ceil\(\s*\([^()]*\+\s*1\s*\)\s*\/[^()]*\)\s*\+\s*1/ },
  { what: 'a member read or written at a literal offset of kho_vmalloc or a block header (8, 12, 14)', re: /\.(?:get|set)(?:Big)?(?:Uint|Int)(?:8|16|32|64)\(\s*(?:8|12|14)\s*[,)]/ },
  { what: 'a struct name of a container, written as a string', re: /['"`](?:kho_block_header_ser|kho_vmalloc_chunk|kho_radix_node|kho_radix_leaf|luo_flb_header_ser|luo_session_ser)['"`]/ },
  { what: 'an import of generated code (callers pass the descriptors)', re: /from\s+['"][^'"]*generated\// },
  { what: 'the KHO array or dictionary magic ("KARR", "LDIC")', re: /0x4b415252|0x4349444c|1262572114|1128875084|['"`](?:KARR|LDIC)['"`]/i },
  { what: 'entries per KHO array page (510, 2046, 8190)', re: /(?<![\w.])(?:510|2046|8190)(?![\w.])/ },
  { what: 'a block-v2 header size or member offset (24, 16, 20)', re: /\b\w*(?:HEADER|Header|header|entrySize|blockSize)\w*\s*(?:=|:)\s*(?:24|20)(?![\w.])/ },
  { what: 'a struct name of the new containers, written as a string', re: /['"`](?:kho_block_header_v2_ser|kho_array|kho_array_page|luo_dict_ser|luo_dict_entry_ser)['"`]/ },
  { what: 'a dictionary entry layout number (name 48, entry 64)', re: /\b\w*(?:name|Name|entry|Entry)\w*(?:Size|Len|size|len)\w*\s*(?:=|:)\s*(?:48|64)(?![\w.])/ },
];

/** The code with comments blanked out (line numbers kept), strings and template text left in place. */
function stripComments(src: string): string {
  let out = '';
  let i = 0;
  let quote: string | undefined;
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = undefined;
      i++;
      continue;
    }
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const body = src.slice(i, end < 0 ? src.length : end + 2);
      out += body.replace(/[^\n]/g, ' ');
      i += body.length;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    out += c;
    i++;
  }
  return out;
}

interface Finding {
  readonly line: number;
  readonly what: string;
  readonly text: string;
}

/** Every line of `src` (comments removed) that spells a known layout literal. */
function findLayoutLiterals(src: string): Finding[] {
  const found: Finding[] = [];
  stripComments(src)
    .split('\n')
    .forEach((text, i) => {
      for (const r of RULES) if (r.re.test(text)) found.push({ line: i + 1, what: r.what, text: text.trim() });
    });
  return found;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('no container layout number is written in runtime/', () => {
  it('runtime/**/*.ts spells none of the known layout literals', () => {
    const findings = tsFiles(join(repoRoot, 'runtime')).flatMap((file) =>
      findLayoutLiterals(readFileSync(file, 'utf8')).map((f) => `${relative(repoRoot, file)}:${f.line}: ${f.what}: ${f.text}`),
    );
    expect(findings).toEqual([]);
  });

  it('can fail: each literal the runtime used to carry is found, at its line', () => {
    const snippets: readonly [string, string][] = [
      ['export const KHO_BLOCK_HEADER_SIZE = 16;', 'header'],
      ['export const KHO_MAX_BLOCKS = 10000;', '10000'],
      ['const maxBlocks = options.maxBlocks ?? 10000;', '10000'],
      ['return (pageSize - 8) / 8;', 'per chunk'],
      ['const capacity = Math.floor((mem.pageSize - 16) / entrySize);', 'capacity'],
      ['const entries = mem.pageSize / 8;', 'per page'],
      ['const countOffset = codecs.session.size - 8;', 'end of a struct'],
      ["const names = { memoryMap: 'preserved-memory-map', data: 'preserved-data', size: 'blob-size' };", 'FDT property'],
      ['const order0Log2 = 64 - pageShift;', 'order-0'],
      ['const tableSizeLog2 = pageShift - 3;', 'log2'],
      ['const depth = Math.ceil((order0Log2 - bitmapSizeLog2 + 1) / tableSizeLog2) + 1;', 'depth'],
      ['const lo = view.getUint32(8, true);', 'literal offset'],
      ['const order = view.getUint16(14, true);', 'literal offset'],
      ["const view = mem.view(pa, blockSize, 'kho_block_header_ser');", 'struct name'],
      ["import { KHO_BLOCK_CONTAINER } from '../../generated/ts/block.js';", 'generated'],
      ['if (magic !== 0x4b415252) throw new Error();', 'magic'],
      ['const capacity = 510;', 'KHO array page'],
      ['const headerSize = 24;', 'block-v2'],
      ["const view = mem.view(pa, 4096, 'kho_array_page');", 'new containers'],
      ['const nameLen = 48;', 'dictionary entry'],
    ];
    for (const [code, what] of snippets) {
      const found = findLayoutLiterals(`// a comment\n${code}\n`);
      expect(found.map((f) => [f.line, f.what.includes(what)]), code).toContainEqual([2, true]);
    }
  });

  it('does not flag comments, nor numbers that are not a container layout', () => {
    const unrelated = [
      '// KHO_MAX_BLOCKS is 10000 in the kernel; the header is 16 bytes',
      '/* (pageSize - 8) / 8 entries of a chunk */',
      'if (hi >= 1 << (52 - 32)) throw new Error();',
      'const TWO_32 = 4294967296;',
      'return n <= 2 ** 53;',
      'const x = Number.MAX_SAFE_INTEGER;',
      "const s = (0x1234).toString(16) + ' 16 bytes';",
      'const RADIX_MAX_BLOCKS = 1 << 20;',
      'const pages = Math.floor((bytes + pageSize - 1) / pageSize);',
      'const hi = view.getUint32(at + 4, true);',
      'const lo = view.getUint32(countAt, true);',
      'if (c.next.size !== U64_BYTES) throw new TypeError();',
    ].join('\n');
    expect(findLayoutLiterals(unrelated)).toEqual([]);
  });
});
