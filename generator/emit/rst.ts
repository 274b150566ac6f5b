/**
 * reStructuredText pages for the kernel's Documentation/ tree, one per
 * schema, as Sphinx renders the kernel's docs: the contract (the schema's
 * DOC), its compatible strings and versions (where each was read from, which
 * kernel trees carry it, what changed from the version before), each struct
 * as a table of members and a byte diagram (a bit diagram for bitfield
 * groups), and its constants. Plus an index and a minimal conf.py, so that
 * `sphinx-build -W` builds the folder on its own. Pure: IR in, files out.
 */
import { compareVersions } from '../abi/compare.js';
import { versionSnapshot } from '../abi/snapshot.js';
import type { AbiIR, BitsFieldIR, FieldIR, SchemaIR, StructIR, VersionIR } from '../layout/ir.js';
import { memberTypeText } from '../layout/layout-json.js';
import type { VersionSource } from '../model/raw.js';
import type { Profile } from '../profile/profile.js';
import { GENERATED_MARKER } from '../write.js';
import type { EmittedFile } from './emitted-file.js';

/** Bytes a diagram row shows. */
const ROW_BYTES = 8;
/** Characters a byte takes in a diagram row, its separator included. */
const CELL = 8;

export function emitDocs(ir: AbiIR, profiles: readonly Profile[], dir: string): EmittedFile[] {
  const schemas = [...ir.schemas].sort((a, b) => a.name.localeCompare(b.name));
  const files: EmittedFile[] = schemas.map((s) => ({ path: `${dir}/${s.name}.rst`, content: schemaPage(s, ir, profiles) }));
  files.push({ path: `${dir}/index.rst`, content: indexPage(schemas) });
  files.push({ path: `${dir}/conf.py`, content: confPy() });
  return files;
}

function banner(what: string): string[] {
  return ['.. SPDX-License-Identifier: GPL-2.0', `.. ${GENERATED_MARKER} from ${what}; do not edit.`, ''];
}

function heading(text: string, ch: string, over = false): string[] {
  const line = ch.repeat(text.length);
  return over ? [line, text, line, ''] : [text, line, ''];
}

/**
 * Prose from a schema's doc: paragraphs kept, lines joined; C identifiers
 * (with an underscore, or a call) as inline literals; characters RST would
 * take as markup escaped.
 */
export function prose(text: string): string[] {
  const paragraphs = text.trim().split(/\n\s*\n/);
  const out: string[] = [];
  for (const p of paragraphs) {
    const joined = p.replace(/\s*\n\s*/g, ' ').trim();
    if (!joined) continue;
    out.push(inline(joined), '');
  }
  return out;
}

function inline(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word) => {
      if (/^\s+$/.test(word)) return word;
      const m = /^([("']*)(.*?)([)"'.,;:!?]*)$/.exec(word)!;
      const [, lead, core, trail] = m as unknown as [string, string, string, string];
      if (/^[A-Za-z_][A-Za-z0-9_]*(\([^()\s]*\))?(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(core) && (core.includes('_') || core.includes('('))) {
        return `${escape(lead)}\`\`${core}\`\`${escape(trail)}`;
      }
      return escape(word);
    })
    .join('');
}

function escape(text: string): string {
  return text.replace(/([\\*`|_[\]<>])/g, '\\$1');
}

const literal = (text: string): string => `\`\`${text.replace(/`/g, "'")}\`\``;

function schemaPage(schema: SchemaIR, ir: AbiIR, profiles: readonly Profile[]): string {
  const lines: string[] = [...banner(`schemas/${schema.name}.yaml`), `.. _kho-abi-${schema.name.replace(/_/g, '-')}:`, ''];
  lines.push(...heading(schema.title, '=', true));
  lines.push(schema.definedIn ? `Defined in ${literal(schema.definedIn)}, in no kernel header (kho-abi writes them to ${literal(`include/linux/kho/abi/${schema.header}.h`)}).` : `Header: ${literal(`include/linux/kho/abi/${schema.header}.h`)}.`, '');
  lines.push(...prose(schema.doc));
  if (schema.component) lines.push(...versionsSection(schema, profiles));
  for (const st of schema.current.structs) lines.push(...structSection(st, ir));
  lines.push(...constantsSection(schema.current));
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function sourceText(s: VersionSource | undefined): string {
  if (!s) return 'not recorded';
  const where =
    s.repo !== undefined
      ? `${s.repo} ${s.commit?.slice(0, 12)} ${literal(s.path ?? '')}`
      : `"${s.subject}"${s.date ? `, ${s.date}` : ''}${s.message_id ? `, ${literal(`<${s.message_id}>`)}` : ''}`;
  return s.repo !== undefined ? where : escape(where).replace(/\\`\\`/g, '``');
}

/** The profiles (kernel trees) whose headers carry a version. */
function carriers(schema: string, version: string, profiles: readonly Profile[]): string[] {
  return profiles.filter((p) => p.headers.some((h) => h.parts.some((x) => x.schema === schema && x.version === version))).map((p) => `${p.name} (${p.repo})`);
}

function versionsSection(schema: SchemaIR, profiles: readonly Profile[]): string[] {
  const c = schema.component!;
  const lines: string[] = [...heading('Compatible strings and versions', '=')];
  if (c.doc) lines.push(...prose(c.doc));
  if (c.macro) lines.push(`The string is ${literal(c.macro)}${c.storedIn ? `, stored in ${literal(`${c.storedIn.struct}.${c.storedIn.field}`)} (${c.storedIn.size} bytes)` : ''}. The header describes ${literal(schema.current.id)}.`, '');
  lines.push('.. list-table::', '   :header-rows: 1', '', '   * - version', '     - stored string', '     - sub-components', '     - kernel trees (profiles)');
  for (const v of schema.versions) {
    const subs = v.subcomponents.map((x) => literal(x.compatible)).join(', ') || '-';
    const trees = carriers(schema.name, v.id, profiles);
    lines.push(`   * - ${literal(v.id)}${v.isCurrent ? ' (current)' : ''}`, `     - ${v.compatible !== undefined ? literal(v.compatible) : v.features ? 'none: a feature header' : 'none'}`, `     - ${subs}`, `     - ${trees.length ? escape(trees.join(', ')) : '-'}`);
  }
  lines.push('');
  lines.push(...heading('Version history', '-'));
  let previous: VersionIR | undefined;
  for (const v of schema.versions) {
    lines.push(`${literal(v.id)}`);
    const body: string[] = [];
    if (v.doc) body.push(...prose(v.doc));
    body.push(`Read from: ${sourceText(v.source)}.`, '');
    if (previous) {
      const changes = compareVersions(versionSnapshot(previous), versionSnapshot(v), { sides: { before: `in ${previous.id}`, after: `in ${v.id}` } });
      if (changes.length === 0) body.push(`Same layouts and constants as ${literal(previous.id)}.`, '');
      else {
        body.push(`Changes from ${literal(previous.id)}:`, '');
        for (const d of changes) body.push(`- ${inline(d.message)}`);
        body.push('');
      }
    }
    lines.push(...body.map((l) => (l ? `   ${l}` : '')), '');
    previous = v;
  }
  return lines;
}

/** Members as a reader sees them: anonymous unions and bitfield groups opened. */
function rows(fields: readonly FieldIR[]): { offset: string; size: string; type: string; name: string; doc: string }[] {
  return fields.flatMap((f) => {
    if (f.shape === 'bits') {
      return f.bits.map((b) => ({ offset: `${b.storageOffset} (bits ${b.lsb}-${b.lsb + b.width - 1})`, size: `${b.width} bits`, type: f.prim, name: b.name, doc: b.doc ?? '' }));
    }
    if (f.shape === 'union' && f.name === undefined) return rows(f.members);
    return [{ offset: String(f.offset), size: f.shape === 'flexible' ? '-' : String(f.size), type: memberTypeText(f), name: f.name ?? '', doc: f.doc ?? '' }];
  });
}

function structSection(st: StructIR, ir: AbiIR): string[] {
  const lines: string[] = [...heading(`struct ${st.name}`, '=')];
  if (st.doc) lines.push(...prose(st.doc));
  lines.push(`${st.size} bytes at ${ir.target.pageSize / 1024} KiB pages, aligned to ${st.align}${st.packed ? ', packed' : ''}.`, '');
  lines.push('.. list-table::', '   :header-rows: 1', '', '   * - offset', '     - size', '     - type', '     - member', '     - meaning');
  for (const r of rows(st.fields)) lines.push(`   * - ${r.offset}`, `     - ${r.size}`, `     - ${literal(r.type)}`, `     - ${literal(r.name)}`, `     - ${r.doc ? inline(r.doc) : '-'}`);
  lines.push('', 'Bytes::', '', ...byteDiagram(st).map((l) => `   ${l}`), '');
  for (const f of st.fields) if (f.shape === 'bits') lines.push(`Bits of the ${f.prim} at offset ${f.offset}::`, '', ...bitDiagram(f).map((l) => `   ${l}`), '');
  return lines;
}

/** Which member covers each byte of the struct (bitfield groups by their unit). */
function byteOwners(st: StructIR): (string | undefined)[] {
  const owners: (string | undefined)[] = new Array(st.size).fill(undefined);
  const mark = (f: FieldIR): void => {
    if (f.shape === 'union' && f.name === undefined) {
      for (let i = f.offset; i < f.offset + f.size; i++) owners[i] = f.members.map((m) => m.name ?? 'bits').join('|');
      return;
    }
    const label = f.shape === 'bits' ? f.bits.map((b) => b.name).join('/') : f.name ?? '';
    for (let i = f.offset; i < f.offset + f.size && i < st.size; i++) owners[i] = label;
  };
  st.fields.forEach(mark);
  return owners;
}

/** Rows of 8 bytes, each member a cell across the bytes it covers; runs of whole rows of one member shown once. */
export function byteDiagram(st: StructIR): string[] {
  const owners = byteOwners(st);
  const rule = `       +${'-------+'.repeat(ROW_BYTES)}`;
  const out = [`        ${Array.from({ length: ROW_BYTES }, (_, i) => `+${i}`.padEnd(CELL)).join('').trimEnd()}`, rule];
  const rowCount = Math.ceil(st.size / ROW_BYTES);
  const rowKey = (r: number): string => owners.slice(r * ROW_BYTES, (r + 1) * ROW_BYTES).join('\0');
  const wholeRowOf = (r: number): string | undefined => {
    const row = owners.slice(r * ROW_BYTES, (r + 1) * ROW_BYTES);
    return row.length === ROW_BYTES && row.every((x) => x !== undefined && x === row[0]) ? row[0] : undefined;
  };
  for (let r = 0; r < rowCount; r++) {
    const whole = wholeRowOf(r);
    if (whole !== undefined && r > 0 && r < rowCount - 1 && rowKey(r - 1) === rowKey(r) && rowKey(r + 1) === rowKey(r)) {
      // The middle of a long run of one member: one elision line for all of it.
      let end = r;
      while (end + 1 < rowCount - 1 && rowKey(end + 1) === rowKey(r)) end++;
      out.push(`  ...  | ${`${whole} continues to 0x${((end + 1) * ROW_BYTES - 1).toString(16)}`.padEnd(ROW_BYTES * CELL - 2)}|`, rule);
      r = end;
      continue;
    }
    let line = `  ${`0x${(r * ROW_BYTES).toString(16).padStart(3, '0')}`.padEnd(5)}|`;
    const end = Math.min(st.size, (r + 1) * ROW_BYTES);
    for (let b = r * ROW_BYTES; b < end; ) {
      let e = b + 1;
      while (e < end && owners[e] === owners[b]) e++;
      const width = (e - b) * CELL - 1;
      const label = owners[b] === undefined ? '(pad)' : owners[b]!;
      line += ` ${label.length > width - 1 ? label.slice(0, Math.max(1, width - 2)) + '~' : label}`.padEnd(width) + '|';
      b = e;
    }
    out.push(line, rule.slice(0, 8 + (end - r * ROW_BYTES) * CELL));
  }
  if (st.size === 0) out.push('  (no fixed bytes)');
  const flex = st.fields.find((f) => f.shape === 'flexible');
  if (flex) out.push(`  0x${st.size.toString(16).padStart(3, '0')} ${flex.name}[]: ${memberTypeText(flex)}, as many as the count says`);
  return out;
}

/** The bits of one storage unit, most significant first, each field a cell as wide as its bits (unused bits shown as such). */
export function bitDiagram(f: BitsFieldIR): string[] {
  const unit = f.size * 8;
  const owner: (string | undefined)[] = new Array(unit).fill(undefined);
  for (const b of f.bits) for (let i = b.declaredLsb; i < b.declaredLsb + b.width; i++) owner[i] = b.name;
  // One character per bit for units up to 32 bits, one per two bits above.
  const per = unit > 32 ? 2 : 1;
  const cells: { label: string; hi: number; lo: number }[] = [];
  for (let hi = unit - 1; hi >= 0; ) {
    let lo = hi;
    while (lo - 1 >= 0 && owner[lo - 1] === owner[hi]) lo--;
    cells.push({ label: owner[hi] ?? '(unused)', hi, lo });
    hi = lo - 1;
  }
  const widthOf = (c: { hi: number; lo: number }): number => Math.max(Math.ceil((c.hi - c.lo + 1) / per), String(c.hi).length + String(c.lo).length + 2, 4);
  let numbers = ' ';
  let rule = '+';
  let labels = '|';
  for (const c of cells) {
    const w = widthOf(c);
    const hiLo = c.hi === c.lo ? String(c.hi) : `${c.hi}${' '.repeat(Math.max(1, w - String(c.hi).length - String(c.lo).length))}${c.lo}`;
    numbers += hiLo.padEnd(w) + ' ';
    rule += '-'.repeat(w) + '+';
    labels += (c.label.length > w ? c.label.slice(0, w - 1) + '~' : c.label).padEnd(w) + '|';
  }
  return [numbers.trimEnd(), rule, labels, rule];
}

function constantsSection(v: VersionIR): string[] {
  const items = [
    ...v.constants.map((c) => ({ name: c.name, value: typeof c.value === 'string' ? JSON.stringify(c.value) : c.value.toString(), doc: c.doc })),
    ...v.enums.flatMap((e) => e.values.map((x) => ({ name: x.name, value: x.value.toString(), doc: x.doc }))),
  ];
  if (items.length === 0) return [];
  const lines = [...heading('Constants', '='), '.. list-table::', '   :header-rows: 1', '', '   * - name', '     - value', '     - meaning'];
  for (const c of items) lines.push(`   * - ${literal(c.name)}`, `     - ${literal(c.value)}`, `     - ${c.doc ? inline(c.doc) : '-'}`);
  lines.push('');
  return lines;
}

function indexPage(schemas: readonly SchemaIR[]): string {
  const lines = [...banner('schemas/'), ...heading('KHO and LUO preserved-state ABI', '=', true)];
  lines.push('One page per header of ``include/linux/kho/abi/``, generated by kho-abi from its schema: the contract, the compatible strings and their versions, and each structure byte by byte.', '');
  lines.push('.. toctree::', '   :maxdepth: 1', '', ...schemas.map((s) => `   ${s.name}`), '');
  return lines.join('\n');
}

function confPy(): string {
  return [
    `# ${GENERATED_MARKER}; do not edit. Lets sphinx-build build these pages on their own;`,
    '# in the kernel tree they build with Documentation/conf.py instead.',
    "project = 'KHO ABI'",
    "master_doc = 'index'",
    'extensions = []',
    "exclude_patterns = ['_build']",
    '',
  ].join('\n');
}
