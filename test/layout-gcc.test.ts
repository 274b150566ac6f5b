/**
 * The layout IR against gcc: compiles the generated kernel headers with a
 * probe at 4, 16 and 64 KiB pages and checks that gcc's sizeof, _Alignof,
 * offsetof and member sizes, and the bits each bitfield occupies, are exactly
 * what the IR computed. Needs generated/include (npm run gen).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StructIR } from '../generator/layout/ir.js';
import { compileAndRun, compileOnly, GENERATED_INCLUDE } from './helpers/gcc.js';
import { constantsProbeSource, headerFor, parseProbeOutput, probedConstants, probeMembers, probeSource, type ProbeLine } from './helpers/probe.js';
import { buildIRs } from './helpers/project-ir.js';


/** Bit numbers (byte * 8 + bit, little-endian) set in a hex byte image. */
function setBits(image: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < image.length / 2; i++) {
    const byte = parseInt(image.slice(2 * i, 2 * i + 2), 16);
    for (let b = 0; b < 8; b++) if (byte & (1 << b)) out.push(i * 8 + b);
  }
  return out;
}

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);

/** Bit numbers as runs, e.g. "0-51", so a failure reads at a glance. */
function runs(bits: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < bits.length; ) {
    let j = i;
    while (j + 1 < bits.length && bits[j + 1] === bits[j]! + 1) j++;
    out.push(i === j ? `${bits[i]}` : `${bits[i]}-${bits[j]}`);
    i = j + 1;
  }
  return out.join(',') || '(none)';
}

const irs = buildIRs();

for (const ir of irs) {
  const { pageSize, pageShift } = ir.target;
  const structs: StructIR[] = ir.schemas.flatMap((s) => s.current.structs);
  const irStruct = (name: string): StructIR => {
    const st = structs.find((s) => s.name === name);
    if (!st) throw new Error(`the IR has no current struct ${name}`);
    return st;
  };

  describe(`gcc agrees with the layout IR at ${pageSize / 1024} KiB pages`, () => {
    let gcc: Map<string, ProbeLine>;
    const probed = (name: string): ProbeLine => {
      const line = gcc.get(name);
      if (!line) throw new Error(`the probe printed nothing for struct ${name}`);
      return line;
    };
    const field = (st: string, name: string): { offset: number; size: number; flexible?: true } => {
      const f = probed(st).fields.find((x) => x.name === name);
      if (!f || !('offset' in f)) throw new Error(`the probe has no member ${st}.${name}`);
      return { offset: f.offset, size: f.size, ...(f.flexible ? { flexible: f.flexible } : {}) };
    };
    const bitsOf = (st: string, name: string): number[] => {
      const f = probed(st).fields.find((x) => x.name === name);
      if (!f || !('image' in f)) throw new Error(`the probe has no bitfield ${st}.${name}`);
      return setBits(f.image);
    };

    beforeAll(async () => {
      const missing = ir.schemas.map((s) => headerFor(s)).filter((h) => !existsSync(join(GENERATED_INCLUDE, h)));
      if (missing.length) throw new Error(`generated headers missing under ${GENERATED_INCLUDE}: ${missing.join(', ')} (run npm run gen)`);
      gcc = parseProbeOutput(await compileAndRun(probeSource(ir, structs), { pageShift }));
    }, 120_000);

    for (const st of structs) {
      it(`struct ${st.name} (${st.schema} ${st.version})`, () => {
        const got = probed(st.name);
        expect({ size: got.size, align: got.align }, `sizeof/_Alignof(struct ${st.name})`).toEqual({ size: st.size, align: st.align });
        const { members, bits } = probeMembers(st);
        for (const m of members) {
          expect(field(st.name, m.path), `${st.name}.${m.path} offset/size`).toEqual({ offset: m.offset, size: m.size, ...(m.flexible ? { flexible: true } : {}) });
        }
        for (const b of bits) {
          const expected = range(b.storageOffset * 8 + b.bit.lsb, b.bit.width);
          expect(runs(bitsOf(st.name, b.path)), `${st.name}.${b.path}: bits gcc sets (struct bit numbers, little-endian) vs IR storage @${b.storageOffset} lsb ${b.bit.lsb} width ${b.bit.width}`).toBe(runs(expected));
          // The bytes the field touches, as the IR reports them (relative to an enclosing union, if any).
          expect([b.bit.byteOffset + b.storageOffset - b.bit.storageOffset, b.bit.byteSize], `${st.name}.${b.path} byte span`).toEqual([
            Math.floor(expected[0]! / 8),
            Math.floor(expected[expected.length - 1]! / 8) - Math.floor(expected[0]! / 8) + 1,
          ]);
        }
        expect(got.fields.length, `${st.name}: members and bitfields probed`).toBe(members.length + bits.length);
      });
    }

    // Known kernel layouts, checked against both gcc and the IR so a wrong
    // schema cannot agree with a wrong emitter.
    const both = (name: string): { gcc: ProbeLine; ir: StructIR } => ({ gcc: probed(name), ir: irStruct(name) });

    it('memfd_luo_folio_ser is 16 bytes: pfn in bits 0-51, flags in bits 52-63 of the u64 at 0, index at 8', () => {
      const { gcc: g, ir: s } = both('memfd_luo_folio_ser');
      expect([g.size, s.size]).toEqual([16, 16]);
      expect(runs(bitsOf('memfd_luo_folio_ser', 'pfn')), 'pfn').toBe('0-51');
      expect(runs(bitsOf('memfd_luo_folio_ser', 'flags')), 'flags').toBe('52-63');
      expect(field('memfd_luo_folio_ser', 'index')).toEqual({ offset: 8, size: 8 });
      const irBits = s.fields.flatMap((f) => (f.shape === 'bits' ? f.bits : [])).map((b) => [b.name, b.storageOffset, b.lsb, b.width]);
      expect(irBits).toEqual([['pfn', 0, 0, 52], ['flags', 0, 52, 12]]);
    });

    it('memfd_luo_ser is 48 bytes with the unpacked 16-byte kho_vmalloc at 32', () => {
      const { gcc: g, ir: s } = both('memfd_luo_ser');
      expect([g.size, s.size]).toEqual([48, 48]);
      expect(field('memfd_luo_ser', 'folios')).toEqual({ offset: 32, size: 16 });
      expect(s.fields.find((f) => f.name === 'folios')).toMatchObject({ offset: 32, size: 16 });
      const v = both('kho_vmalloc');
      expect([v.gcc.size, v.gcc.align, v.ir.size, v.ir.align, v.ir.packed]).toEqual([16, 8, 16, 8, false]);
    });

    it('luo_session_ser is 80 bytes and luo_file_ser 64', () => {
      expect([probed('luo_session_ser').size, irStruct('luo_session_ser').size]).toEqual([80, 80]);
      expect([probed('luo_file_ser').size, irStruct('luo_file_ser').size]).toEqual([64, 64]);
    });

    it('kho_kexec_metadata is 73 bytes with the u32 kexec_count unaligned at 69', () => {
      const { gcc: g, ir: s } = both('kho_kexec_metadata');
      expect([g.size, g.align, s.size, s.align]).toEqual([73, 1, 73, 1]);
      expect(field('kho_kexec_metadata', 'kexec_count')).toEqual({ offset: 69, size: 4 });
      expect(s.fields.find((f) => f.name === 'kexec_count')).toMatchObject({ offset: 69, size: 4 });
    });

    it('each header compiles on its own, and twice (include guard)', async () => {
      for (const s of ir.schemas) {
        const h = headerFor(s);
        await compileOnly(`#include <${h}>\n#include <${h}>\n`, { pageShift });
      }
    }, 120_000);

    it('every constant, enumerator and compatible string has the IR value', async () => {
      const got = JSON.parse(await compileAndRun(constantsProbeSource(ir), { pageShift })) as Record<string, string>;
      const wrong = probedConstants(ir)
        .filter((c) => got[c.name] !== c.expected)
        .map((c) => `${c.name}: gcc ${got[c.name]}, IR ${c.expected}${c.kind === 'string' ? ' (hex with NUL)' : ''}`);
      expect(wrong).toEqual([]);
    }, 120_000);

    it(`kho_vmalloc_chunk, kho_radix_node and kho_radix_leaf are one ${pageSize}-byte page`, () => {
      for (const name of ['kho_vmalloc_chunk', 'kho_radix_node', 'kho_radix_leaf']) {
        const { gcc: g, ir: s } = both(name);
        expect([name, g.size, g.align, s.size, s.align]).toEqual([name, pageSize, 8, pageSize, 8]);
      }
    });
  });
}
