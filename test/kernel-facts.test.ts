/**
 * The layout IR against the kernel's measured ABI: every struct of every
 * version of every schema, at 4, 16 and 64 KiB pages, must have the size,
 * alignment and members (offset, size, bitfield position) of some layout
 * gcc measured in a real kernel header (test/fixtures/kernel-abi-facts.json,
 * the shared kernel-abi-facts.json with the project's later measurements appended), and every constant,
 * enumerator and compatible string the facts name must have a measured value.
 * Needs no generated headers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FieldIR, StructIR } from '../generator/layout/ir.js';
import { REPO_ROOT } from './helpers/gcc.js';
import { buildIRs } from './helpers/project-ir.js';

interface FactField {
  readonly name: string;
  readonly offset: number;
  readonly size: number;
  readonly bit_offset?: number;
  readonly bit_width?: number;
  readonly storage_offset?: number;
  readonly flexible?: boolean;
  /** Bytes per element of a flexible array (48 for char versions[][48]). */
  readonly element_size?: number;
}

interface FactStruct {
  readonly source: string;
  readonly sources?: readonly string[];
  readonly size: number;
  readonly align: number;
  readonly fields: readonly FactField[];
  readonly by_page_size?: Readonly<Record<string, { readonly size: number; readonly fields: readonly Partial<FactField>[] }>>;
}

interface FactConstant {
  readonly source: string;
  readonly type: 'number' | 'enum' | 'string';
  readonly value: number | string;
  readonly by_page_size?: Readonly<Record<string, number | string>>;
}

interface Facts {
  readonly structs: Readonly<Record<string, readonly FactStruct[]>>;
  readonly constants: Readonly<Record<string, readonly FactConstant[]>>;
}

const facts = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'kernel-abi-facts.json'), 'utf8')) as Facts;

/**
 * Structs the facts do not measure, each with the reason. Empty: every
 * schema struct corresponds to a kernel header struct. Add an entry only
 * for a struct no kernel tree defines, and say why.
 */
const NOT_IN_FACTS: Readonly<Record<string, string>> = {
  kho_block_header_v2_ser: "block-v2 is kho-abi's own next block format (issue 10): no kernel tree defines it",
  kho_array: 'the KHO array RFC (2025-09-09) was posted, never merged into a tree the facts measure',
  kho_array_page: 'the KHO array RFC (2025-09-09) was posted, never merged into a tree the facts measure',
  luo_dict_ser: "the flat dictionary is kho-abi's proposal (issue 10): no kernel tree defines it",
  luo_dict_entry_ser: "the flat dictionary is kho-abi's proposal (issue 10): no kernel tree defines it",
  liveupdate_feature_table:
    "kho-abi's name for the whole .liveupdate_features section: the stored luo.h declares its header and entry structs (both measured), not a struct for the section",
};


/**
 * Versions whose compatible string is kho-abi's own (no kernel header
 * defines it, so the facts cannot measure it), each with the reason.
 */
const OWN_VERSIONS: Readonly<Record<string, string>> = {
  'block-v2': "kho-abi's next block format (issue 10): \"block-v2\" is not in any kernel tree",
};

/** One member in the facts' terms: bytes touched, and for a bitfield its bits within the storage unit. */
function memberText(f: FactField): string {
  const bits = f.bit_width !== undefined ? ` bits ${f.bit_offset}+${f.bit_width} of unit @${f.storage_offset}` : '';
  return `${f.name}@${f.offset}+${f.size}${f.flexible ? `[] of ${f.element_size}` : ''}${bits}`;
}

function layoutText(size: number, align: number, fields: readonly FactField[]): string {
  return `size ${size} align ${align}: ${fields.map(memberText).join(', ')}`;
}

/** The IR struct as the facts describe structs: bitfields one by one, anonymous unions looked through. */
function irFacts(st: StructIR): FactField[] {
  const out: FactField[] = [];
  const walk = (fields: readonly FieldIR[], base: number, topLevel: boolean): void => {
    for (const f of fields) {
      const at = topLevel ? f.offset : base + f.offset;
      if (f.shape === 'bits') {
        const shift = topLevel ? 0 : base;
        for (const b of f.bits ?? []) {
          out.push({ name: b.name, offset: shift + b.byteOffset, size: b.byteSize, bit_offset: b.lsb, bit_width: b.width, storage_offset: shift + b.storageOffset });
        }
      } else if (f.shape === 'union' && f.name === undefined) {
        walk(f.members ?? [], at, false);
      } else if (f.name !== undefined) {
        out.push({ name: f.name, offset: at, size: f.shape === 'flexible' ? 0 : f.size, ...(f.shape === 'flexible' ? { flexible: true, element_size: f.elemSize } : {}) });
      }
    }
  };
  walk(st.fields, 0, true);
  return out;
}

/** A measured entry at one page size: the by_page_size override replaces size and the members it lists. */
function factAt(entry: FactStruct, pageSize: number): { size: number; align: number; fields: FactField[] } {
  const over = pageSize === 4096 ? undefined : entry.by_page_size?.[String(pageSize)];
  const fields = entry.fields.map((f) => {
    const o = over?.fields.find((x) => x.name === f.name);
    return {
      name: f.name,
      offset: o?.offset ?? f.offset,
      size: o?.size ?? f.size,
      ...(f.flexible ? { flexible: true, element_size: f.element_size } : {}),
      ...(f.bit_width !== undefined ? { bit_offset: f.bit_offset, bit_width: f.bit_width, storage_offset: f.storage_offset } : {}),
    };
  });
  return { size: over?.size ?? entry.size, align: entry.align, fields };
}

function factNumber(c: FactConstant, pageSize: number): number | string {
  const v = pageSize === 4096 ? undefined : c.by_page_size?.[String(pageSize)];
  return v ?? c.value;
}

function sameNumber(ir: bigint, fact: number | string): boolean {
  if (typeof fact !== 'number') return false;
  return Number.isSafeInteger(fact) ? ir === BigInt(fact) : Number(ir) === fact;
}

const irs = buildIRs();

describe('kernel-abi-facts fixture', () => {
  it('is the shared facts file, unchanged, plus entries measured since (appended only)', () => {
    // CI has no ../shared; when it is present the copy must not have drifted:
    // every shared source, struct layout and constant is still there, in its
    // place, and new measurements only come after them.
    let shared: string | undefined;
    try {
      shared = readFileSync(join(REPO_ROOT, '..', 'shared', 'kernel-abi-facts.json'), 'utf8');
    } catch {
      return;
    }
    type Lists = Record<string, unknown> & { sources: unknown[]; structs: Record<string, unknown[]>; constants: Record<string, unknown[]> };
    const theirs = JSON.parse(shared) as Lists;
    const ours = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'kernel-abi-facts.json'), 'utf8')) as Lists;
    expect(ours.generated_by).toEqual(theirs.generated_by);
    expect(ours.sources.slice(0, theirs.sources.length)).toEqual(theirs.sources);
    for (const key of ['structs', 'constants'] as const) {
      expect(Object.keys(ours[key]).slice(0, Object.keys(theirs[key]).length), key).toEqual(Object.keys(theirs[key]));
      for (const [name, entries] of Object.entries(theirs[key])) expect(ours[key][name]!.slice(0, entries.length), `${key}.${name}`).toEqual(entries);
    }
  });

  it('whitelists only structs the facts really lack', () => {
    for (const name of Object.keys(NOT_IN_FACTS)) expect(facts.structs[name], `${name} is whitelisted but measured`).toBeUndefined();
  });
});

for (const ir of irs) {
  const pageSize = ir.target.pageSize;

  describe(`schema structs match measured kernel layouts at ${pageSize / 1024} KiB pages`, () => {
    for (const schema of ir.schemas) {
      for (const version of schema.versions) {
        for (const st of version.structs) {
          it(`${schema.name} ${version.id}: struct ${st.name}`, () => {
            const entries = facts.structs[st.name];
            if (!entries) {
              if (NOT_IN_FACTS[st.name]) return;
              throw new Error(`struct ${st.name} (${schema.name} ${version.id}) has no entry in kernel-abi-facts.json; no kernel header measures it`);
            }
            const mine = layoutText(st.size, st.align, irFacts(st));
            const measured = entries.map((e) => {
              const f = factAt(e, pageSize);
              return { source: e.source, text: layoutText(f.size, f.align, f.fields) };
            });
            if (!measured.some((m) => m.text === mine)) {
              const candidates = measured.map((m) => `  ${m.source}: ${m.text}`).join('\n');
              throw new Error(`struct ${st.name} (${schema.name} ${version.id}) at ${pageSize / 1024} KiB pages matches no measured layout\n  IR: ${mine}\nmeasured:\n${candidates}`);
            }
          });
        }
      }
    }
  });

  describe(`constants and enumerators match measured kernel values at ${pageSize / 1024} KiB pages`, () => {
    for (const schema of ir.schemas) {
      for (const version of schema.versions) {
        const numbers: { name: string; value: bigint }[] = [
          ...version.constants.flatMap((c) => (typeof c.value === 'bigint' ? [{ name: c.name, value: c.value }] : [])),
          ...version.enums.flatMap((e) => e.values.map((v) => ({ name: v.name, value: v.value }))),
        ];
        const strings: { name: string; value: string }[] = version.constants.flatMap((c) => (typeof c.value === 'string' ? [{ name: c.name, value: c.value }] : []));
        // The version's own macro (LUO_FDT_COMPATIBLE in the FDT era), else the component's.
        if (version.macro && version.compatible !== undefined && !OWN_VERSIONS[version.id]) strings.push({ name: version.macro, value: version.compatible });
        // The kernel defines the base macro only beside a composite string.
        if (schema.component?.baseMacro && version.base !== undefined && version.subcomponents.length) strings.push({ name: schema.component.baseMacro, value: version.base });

        const listed = (name: string): readonly FactConstant[] => facts.constants[name] ?? [];
        if (!numbers.some((n) => listed(n.name).length) && !strings.some((s) => listed(s.name).length)) continue;

        it(`${schema.name} ${version.id}${version.isCurrent ? ' (current)' : ''}`, () => {
          const wrong: string[] = [];
          for (const n of numbers) {
            const entries = listed(n.name);
            if (!entries.length) continue;
            const values = entries.map((e) => factNumber(e, pageSize));
            if (!values.some((v) => sameNumber(n.value, v))) wrong.push(`${n.name} = ${n.value}, measured ${values.map((v) => JSON.stringify(v)).join(' or ')}`);
          }
          for (const s of strings) {
            const entries = listed(s.name);
            if (!entries.length) continue;
            const values = entries.map((e) => e.value);
            if (!values.includes(s.value)) wrong.push(`${s.name} = ${JSON.stringify(s.value)}, measured ${values.map((v) => JSON.stringify(v)).join(' or ')}`);
          }
          expect(wrong, `values that no kernel header has at ${pageSize / 1024} KiB pages`).toEqual([]);
        });
      }
    }
  });
}
