/**
 * The typed layout IR: expressions are trees that print back to the
 * author's C, every node carries the span of its schema entry, and pointer
 * edges are the IR objects they name (not names to look up again).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cText, type AbiIR, type ExprIR, type FieldIR, type StructIR } from '../generator/layout/ir.js';
import { evaluate, parseExpr, printExpr, type Expr } from '../generator/model/expr.js';
import { buildIRs } from './helpers/project-ir.js';
import { repoRoot } from './helpers/root.js';

const irs = buildIRs();
const ir4k = irs.find((ir) => ir.target.pageSize === 4096)!;

/** C tokens, spacing ignored: what the kernel's compiler and the profile comparison see. */
const tokens = (c: string): string[] => c.match(/0[xX][0-9a-fA-F]+[uUlL]*|\d+[uUlL]*|[A-Za-z_]\w*|<<|>>|<=|>=|==|!=|&&|\|\||\S/g) ?? [];

/** Every expression of the IR with the text it was written as in the YAML. */
function expressions(ir: AbiIR): { where: string; e: ExprIR }[] {
  const out: { where: string; e: ExprIR }[] = [];
  const fieldExprs = (st: StructIR, f: FieldIR): void => {
    if (f.shape === 'array' || f.shape === 'struct-array') out.push({ where: `${st.name}.${f.name} count`, e: f.countExpr });
    if (f.shape === 'bitmap') out.push({ where: `${st.name}.${f.name} nbits`, e: f.nbits });
    if (f.shape === 'union') f.members.forEach((m) => fieldExprs(st, m));
  };
  for (const s of ir.schemas) {
    for (const v of s.versions) {
      for (const c of v.constants) if (c.expr) out.push({ where: `${v.id} ${c.name}`, e: c.expr });
      for (const en of v.enums) for (const x of en.values) if (x.expr) out.push({ where: `${v.id} ${x.name}`, e: x.expr });
      for (const a of v.asserts) out.push({ where: `${v.id} assert`, e: a.expr });
      for (const st of v.structs) {
        if (st.declaredSize) out.push({ where: `${st.name} size`, e: st.declaredSize });
        st.fields.forEach((f) => fieldExprs(st, f));
      }
    }
  }
  return out;
}

const sources = new Map<string, string[]>();
function lineOf(file: string, line: number): string {
  if (!sources.has(file)) sources.set(file, readFileSync(join(repoRoot, file), 'utf8').split('\n'));
  return sources.get(file)![line - 1] ?? '';
}

describe('expressions are trees', () => {
  const all = expressions(ir4k);

  it('covers the schemas', () => {
    expect(all.length).toBeGreaterThan(40);
  });

  it('print back to the tokens written in the schema, at the span they came from', () => {
    for (const { where, e } of all) {
      const written = lineOf(e.span.file, e.span.line).slice(e.span.col - 1, e.span.col - 1 + e.span.length);
      // A block scalar or a quoted one spans more than its text; only compare what lies on the line.
      const printed = printExpr(e.tree);
      expect(tokens(written).join(' ').includes(tokens(printed).join(' ')) || tokens(printed).join(' ').includes(tokens(written).join(' ')), `${where}: '${printed}' vs '${written}'`).toBe(true);
    }
  });

  it('carry the value of this target', () => {
    const vmalloc = irs.map((ir) => ir.schemas.find((s) => s.name === 'vmalloc')!.current.constants.find((c) => c.name === 'KHO_VMALLOC_SIZE')!);
    expect(vmalloc.map((c) => c.value)).toEqual([511n, 2047n, 8191n]);
    // The same tree at every page size: the expression is data, the value its evaluation.
    expect(new Set(vmalloc.map((c) => printExpr(c.expr!.tree))).size).toBe(1);
  });

  it("keep the kernel's own spelling where it uses a macro kho-abi does not evaluate", () => {
    const spelled = all.filter((x) => x.e.spelled !== undefined);
    expect(spelled.length).toBeGreaterThan(0);
    for (const { e } of spelled) expect(cText(e)).toBe(e.spelled);
  });

  it('parse(print(tree)) is the same tree and the same value, for any tree', () => {
    const leaf: fc.Arbitrary<Expr> = fc.oneof(
      fc.bigInt({ min: 0n, max: 1n << 40n }).chain((v) => fc.constantFrom(String(v), `0x${v.toString(16)}`, `${v}UL`).map((literal) => ({ kind: 'num' as const, value: v, literal, pos: 0, len: 0 }))),
      fc.constantFrom('PAGE_SIZE', 'PAGE_SHIFT').map((name) => ({ kind: 'name' as const, name, pos: 0, len: 0 })),
    );
    const tree = fc.letrec<{ e: Expr }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.record({ kind: fc.constant('binary' as const), op: fc.constantFrom('+', '*', '|', '&', '<<'), left: tie('e'), right: tie('e'), pos: fc.constant(0), len: fc.constant(0) }),
        fc.record({ kind: fc.constant('call' as const), fn: fc.constantFrom('BIT', 'BIT_ULL'), args: tie('e').map((a) => [a]), pos: fc.constant(0), len: fc.constant(0) }),
        fc.record({ kind: fc.constant('unary' as const), op: fc.constantFrom('~', '-'), arg: tie('e'), pos: fc.constant(0), len: fc.constant(0) }),
      ),
    })).e;
    // Parentheses where C's precedence needs them, sometimes more: what authors write.
    const parenthesize = (e: Expr, extra: boolean): Expr => {
      switch (e.kind) {
        case 'binary':
          return { ...e, left: { ...parenthesize(e.left, extra), parens: 1 }, right: { ...parenthesize(e.right, extra), parens: extra ? 2 : 1 } };
        case 'unary':
          return { ...e, arg: { ...parenthesize(e.arg, extra), parens: 1 } };
        case 'call':
          return { ...e, args: e.args.map((a) => parenthesize(a, extra)) };
        default:
          return e;
      }
    };
    const shape = (e: Expr): unknown => JSON.stringify(e, (k, v) => (k === 'pos' || k === 'len' ? undefined : typeof v === 'bigint' ? v.toString() : v));
    const env = { name: (n: string) => (n === 'PAGE_SIZE' ? 4096n : 12n), sizeofStruct: () => 0n };
    fc.assert(
      fc.property(tree, fc.boolean(), (raw, extra) => {
        const e = parenthesize(raw, extra);
        const back = parseExpr(printExpr(e));
        expect(shape(back)).toBe(shape(e));
        let expected: bigint | string;
        try {
          expected = evaluate(e, env);
        } catch (err) {
          expected = (err as Error).message;
        }
        let got: bigint | string;
        try {
          got = evaluate(back, env);
        } catch (err) {
          got = (err as Error).message;
        }
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('every node names its schema line', () => {
  it('structs, members, bitfields, constants, enumerators and versions point at their YAML entry', () => {
    let checked = 0;
    for (const s of ir4k.schemas) {
      for (const v of s.versions) {
        if (s.component) {
          expect(lineOf(v.span.file, v.span.line), `${v.id}`).toContain(v.id);
          checked++;
        }
        for (const c of v.constants) {
          expect(lineOf(c.span.file, c.span.line), c.name).toContain(c.name);
          checked++;
        }
        for (const en of v.enums) for (const x of en.values) {
          expect(lineOf(x.span.file, x.span.line), x.name).toContain(x.name);
          checked++;
        }
        for (const m of v.macros) {
          expect(lineOf(m.span.file, m.span.line), m.name).toContain(m.name);
          checked++;
        }
        for (const st of v.structs) {
          expect(lineOf(st.span.file, st.span.line), st.name).toContain(st.name);
          const visit = (f: FieldIR): void => {
            if (f.shape === 'bits') {
              for (const b of f.bits) expect(lineOf(b.span.file, b.span.line), `${st.name}.${b.name}`).toContain(b.name);
            } else if (f.name !== undefined) {
              expect(lineOf(f.span.file, f.span.line), `${st.name}.${f.name}`).toContain(f.name);
            }
            if (f.shape === 'union') f.members.forEach(visit);
            checked++;
          };
          st.fields.forEach(visit);
        }
      }
    }
    expect(checked).toBeGreaterThan(250);
  });
});

describe('pointer edges are objects', () => {
  const schema = (name: string) => ir4k.schemas.find((s) => s.name === name)!;
  const struct = (schemaName: string, name: string) => schema(schemaName).current.structs.find((s) => s.name === name)!;
  const field = (st: StructIR, name: string) => st.fields.find((f) => f.name === name)!;

  it('luo_ser.sessions_pa leads to the luo_session_ser laid out for luo, through the kho_block container', () => {
    const f = field(struct('luo', 'luo_ser'), 'sessions_pa');
    expect(f.shape).toBe('scalar');
    if (f.shape !== 'scalar') return;
    expect(f.ref?.to).toBe(struct('luo', 'luo_session_ser'));
    expect(f.ref?.via).toBe(schema('block').containers.find((c) => c.name === 'kho_block'));
  });

  it('an array behind a descriptor is counted by the member object before it (memfd folios by nr_folios)', () => {
    const st = struct('memfd', 'memfd_luo_ser');
    const folios = field(st, 'folios');
    expect(folios.shape).toBe('struct');
    if (folios.shape !== 'struct') return;
    expect(folios.ref?.count).toBe(field(st, 'nr_folios'));
    expect(folios.ref?.to).toBe(struct('memfd', 'memfd_luo_folio_ser'));
  });

  it('a count declared after its pointer is linked too (luo_file_set_ser.files by count)', () => {
    const st = struct('luo', 'luo_file_set_ser');
    const files = field(st, 'files');
    expect(files.shape === 'scalar' && files.ref?.count).toBe(field(st, 'count'));
  });

  it('a bound names the earlier member object (pci_ser.nr_devices <= max_nr_devices)', () => {
    const st = struct('pci', 'pci_ser');
    const nr = field(st, 'nr_devices');
    expect(nr.shape === 'scalar' && nr.atMost).toBe(field(st, 'max_nr_devices'));
  });

  it('a khoser pointer holds the struct it points at, at this page size', () => {
    for (const ir of irs) {
      const vmalloc = ir.schemas.find((s) => s.name === 'vmalloc')!.current;
      const first = vmalloc.structs.find((s) => s.name === 'kho_vmalloc')!.fields.find((f) => f.name === 'first')!;
      expect(first.shape).toBe('khoser');
      if (first.shape !== 'khoser') return;
      expect(first.target).toBe(vmalloc.structs.find((s) => s.name === 'kho_vmalloc_chunk'));
      expect(first.target?.size).toBe(ir.target.pageSize);
    }
  });

  it('a chain may point at its own struct: the IR holds the cycle', () => {
    const hdr = struct('block', 'kho_block_header_ser');
    const next = field(hdr, 'next');
    expect(next.shape === 'scalar' && next.ref?.to).toBe(hdr);
    expect(Object.isFrozen(next)).toBe(true);
  });

  it('every object the IR reaches is frozen, so no emitter can change what another reads', () => {
    const seen = new Set<object>();
    const stack: unknown[] = [...irs];
    let objects = 0;
    while (stack.length) {
      const o = stack.pop();
      if (o === null || typeof o !== 'object' || seen.has(o)) continue;
      seen.add(o);
      objects++;
      expect(Object.isFrozen(o)).toBe(true);
      stack.push(...Object.values(o));
    }
    expect(objects).toBeGreaterThan(1000);
  });
});
