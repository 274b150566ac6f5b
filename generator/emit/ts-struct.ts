/**
 * One struct codec: its interface, size and offset constants, decode and
 * encode functions over a DataView, and the codec object. A new member kind
 * (FieldIR shape) needs a case in fieldType, decodeMember and encodeMember
 * here and one in ts-view.ts.
 */
import { countOf, primOf, unreachable, type BitIR, type FieldIR } from '../layout/ir.js';
import { block, call, jsdoc, list, object, ts, tsString, typeOf, type Doc, type TsFile } from './ts-file.js';
import { allowedCheck, at, boundCheck, countOfMember, decodeBoundedU64, encodeBoundedU64, inlineCheck, isBoundedU64, readPrim, writePrim, type Ctx } from './ts-checks.js';
import { bitsDecode, bitsEncode } from './ts-bits.js';
import { codecSymbol, fieldTableName, nestedCodec, type CodecNames } from './ts-plan.js';
import { bitIsBig, isCharArray, offsetsNameOf, primBits, primIsBig, primTsType } from './ts-names.js';

/** The codec of the struct a member holds. */
export function nested(ctx: Ctx, rec: CodecNames, f: FieldIR): CodecNames {
  const st = 'struct' in f ? f.struct : undefined;
  if (!st) throw new Error(`${f.name} holds no struct`);
  return nestedCodec(ctx.names, rec, st);
}

function fieldType(f: FieldIR, rec: CodecNames, ctx: Ctx): Doc {
  switch (f.shape) {
    case 'scalar':
      return f.asNumber ? 'number' : primTsType(f.prim);
    case 'array':
      return isCharArray(f) ? 'string' : `${primTsType(f.prim)}[]`;
    case 'flexible':
      return f.struct ? ts`${codecSymbol(nested(ctx, rec, f), 'iface')}[]` : f.stringSize ? 'string[]' : `${primTsType(f.prim!)}[]`;
    case 'struct':
      return codecSymbol(nested(ctx, rec, f), 'iface');
    case 'struct-array':
      return ts`${codecSymbol(nested(ctx, rec, f), 'iface')}[]`;
    case 'bitmap':
    case 'khoser-array':
      return 'bigint[]';
    case 'khoser':
    case 'pointer':
      return 'bigint';
    case 'bits':
    case 'union':
      throw new Error('flattened');
    default:
      return unreachable(f);
  }
}

/** Members as the interface lists them: bitfields and anonymous unions flattened. */
export function flatMembers(fields: readonly FieldIR[]): { f: FieldIR; bit?: BitIR }[] {
  return fields.flatMap((f) => (f.shape === 'bits' ? f.bits.map((bit) => ({ f, bit })) : f.shape === 'union' ? flatMembers(f.members) : [{ f }]));
}

export function emitInterface(file: TsFile, rec: CodecNames, ctx: Ctx): void {
  const st = rec.struct;
  const props = flatMembers(st.fields).flatMap(({ f, bit }) => [
    jsdoc(
      bit
        ? `${bit.doc ?? bit.name} Bits ${bit.lsb}..${bit.lsb + bit.width - 1} of the ${primOf(f)} at offset ${f.offset}.`
        : `${f.doc ?? f.name} At offset ${f.offset}${f.size ? `, ${f.size} bytes` : ''}.`,
    ),
    bit ? `${bit.name}: ${bitIsBig(bit) ? 'bigint' : 'number'};` : ts`${f.name!}: ${fieldType(f, rec, ctx)};`,
  ]);
  file.add(jsdoc(`struct ${st.name} (${rec.version})${st.doc ? `: ${st.doc}` : ''}`), block(`export interface ${rec.iface}`, props));
}

function decodeBody(rec: CodecNames, ctx: Ctx): Doc[] {
  const st = rec.struct;
  const out: Doc[] = [];
  const props: string[] = [];
  const member = (f: FieldIR): void => {
    if (f.shape === 'bits') {
      const { stmts, values } = bitsDecode(f, st, ctx);
      out.push(...stmts);
      for (const [name, v] of values) props.push(`${name}: ${v}`);
    } else if (f.shape === 'union') {
      f.members.forEach(member);
    } else {
      out.push(...decodeMember(f, rec, ctx));
      props.push(`${f.name}: v_${f.name}`);
    }
  };
  st.fields.forEach(member);
  out.push(ts`return ${object(props)};`);
  return out;
}

/** Statements that read member `f` into `v_<name>`, checked as the kernel checks it. */
function decodeMember(f: FieldIR, rec: CodecNames, ctx: Ctx): Doc[] {
  const st = rec.struct;
  const local = `v_${f.name}`;
  const where = [tsString(st.name), tsString(f.name!)];
  switch (f.shape) {
    case 'scalar':
      return [
        ...(isBoundedU64(f) ? decodeBoundedU64(f, local, st, ctx, 'view', at, 'opts') : [`const ${local} = ${readPrim(f.prim, at(f.offset))};`]),
        ...allowedCheck(f, local, st, ctx, false),
        ...boundCheck(f, local, `v_${f.atMost?.name}`, st, ctx, false),
      ];
    case 'khoser':
    case 'pointer':
      // A kernel pointer is opaque: its bits as stored, never followed.
      return [`const ${local} = ${readPrim('u64', at(f.offset))};`];
    case 'array':
      if (isCharArray(f)) {
        const args = ['view', at(f.offset), String(f.size), ...where];
        if (f.kernel?.does === 'truncate') return [ts`const ${local} = ${call(ctx.rt('readCStringTruncating'), [...args, 'opts', tsString(f.kernel.by)])};`];
        if (f.kernel?.does === 'ignore') return [ts`const ${local} = ${call(ctx.rt('readCStringPadded'), [...args, 'opts', tsString(f.kernel.by)])};`];
        return [ts`const ${local} = ${call(ctx.rt('readCString'), args)};`];
      }
      return [
        `const ${local}: ${primTsType(f.prim)}[] = new Array(${countOfMember(ctx, f)});`,
        block(`for (let i = 0; i < ${countOfMember(ctx, f)}; i++)`, [`${local}[i] = ${readPrim(f.prim, `${at(f.offset)} + i * ${f.elemSize}`)};`]),
      ];
    case 'bitmap':
    case 'khoser-array':
      return [
        `const ${local}: bigint[] = new Array(${countOfMember(ctx, f)});`,
        block(`for (let i = 0; i < ${countOfMember(ctx, f)}; i++)`, [`${local}[i] = ${readPrim('u64', `${at(f.offset)} + i * 8`)};`]),
      ];
    case 'struct':
      return [ts`const ${local} = ${call(codecSymbol(nested(ctx, rec, f), 'decode'), ['view', at(f.offset), 'opts'])};`];
    case 'struct-array': {
      const n = nested(ctx, rec, f);
      return [
        ts`const ${local}: ${codecSymbol(n, 'iface')}[] = new Array(${countOfMember(ctx, f)});`,
        block(`for (let i = 0; i < ${countOfMember(ctx, f)}; i++)`, [ts`${local}[i] = ${call(codecSymbol(n, 'decode'), ['view', `${at(f.offset)} + i * ${f.elemSize}`, 'opts'])};`]),
      ];
    }
    case 'flexible': {
      const elemType = f.struct ? typeOf(codecSymbol(nested(ctx, rec, f), 'iface')) : f.stringSize ? 'string' : primTsType(f.prim!);
      const countField = f.ref?.count?.name;
      // Nothing in the struct says how many entries follow; the owner knows.
      if (!countField && st.section === undefined) return [ts`const ${local}: ${elemType}[] = [];`];
      const elemAt = `${at(f.offset)} + i * ${f.elemSize}`;
      const read = f.struct
        ? call(codecSymbol(nested(ctx, rec, f), 'decode'), ['view', elemAt, 'opts'])
        : f.stringSize
          ? call(ctx.rt('readCString'), ['view', elemAt, String(f.elemSize), tsString(st.name), tsString(f.name!)])
          : readPrim(f.prim!, elemAt);
      const count: Doc[] = countField
        ? [
            `const ${local}_n = Number(v_${countField});`,
            ts`${call(ctx.rt('checkBounds'), ['view', at(f.offset), `${local}_n * ${f.elemSize}`, tsString(st.name), list('[', [`[${f.offset}, ${tsString(f.name!)}]`], ']')])};`,
          ]
        : // The view is the linker section: the array runs to its end.
          [ts`const ${local}_n = ${call(ctx.rt('sectionEntries'), ['view', at(f.offset), String(f.elemSize), tsString(st.name), tsString(f.name!)])};`];
      return [
        ...count,
        ts`const ${local}: ${elemType}[] = new Array(${local}_n);`,
        block(`for (let i = 0; i < ${local}_n; i++)`, [ts`${local}[i] = ${read};`]),
      ];
    }
    case 'bits':
    case 'union':
      throw new Error('handled by decodeBody');
    default:
      return unreachable(f);
  }
}

function encodeBody(rec: CodecNames, ctx: Ctx): Doc[] {
  const out: Doc[] = [];
  const member = (f: FieldIR): void => {
    if (f.shape === 'bits') out.push(...bitsEncode(f, rec.struct, ctx, 'value'));
    else if (f.shape === 'union') f.members.forEach(member);
    else out.push(...encodeMember(f, rec, ctx));
  };
  rec.struct.fields.forEach(member);
  return out;
}

/** Statements that check `value.<name>` as encode must and write it. */
function encodeMember(f: FieldIR, rec: CodecNames, ctx: Ctx): Doc[] {
  const st = rec.struct;
  const src = `value.${f.name}`;
  const local = `v_${f.name}`;
  const signed = primOf(f)?.startsWith('s') ?? false;
  const where = [tsString(st.name), tsString(f.name!)];
  const check = (p: string, v: string, o: string): Doc => {
    const fn = primIsBig(p as never) ? (signed ? 'checkBigInt' : 'checkBigUint') : signed ? 'checkInt' : 'checkUint';
    return call(ctx.rt(fn), [v, String(primBits(p as never)), ...where, o]);
  };
  const checkArray = (count: string): Doc => call(ctx.rt('checkArray'), [src, count, ...where, at(f.offset)]);
  switch (f.shape) {
    case 'scalar':
      if (isBoundedU64(f)) return [`const ${local} = ${src};`, ...boundCheck(f, local, `v_${f.atMost?.name}`, st, ctx, true), ...encodeBoundedU64(f, local, st, ctx, 'view', at)];
      return [
        `const ${local} = ${src};`,
        inlineCheck(ctx, local, primBits(f.prim), signed, primIsBig(f.prim), st.name, f.name, at(f.offset)),
        ...allowedCheck(f, local, st, ctx, true),
        ...boundCheck(f, local, `v_${f.atMost?.name}`, st, ctx, true),
        writePrim(f.prim, at(f.offset), local),
      ];
    case 'khoser':
      return [`const ${local} = ${src};`, inlineCheck(ctx, local, 64, false, true, st.name, f.name, at(f.offset)), writePrim('u64', at(f.offset), local)];
    case 'pointer':
      // No kernel pointer survives kexec: a writer stores 0 (NULL), whatever the value holds.
      return [writePrim('u64', at(f.offset), '0n')];
    case 'array':
      if (isCharArray(f)) return [ts`${call(ctx.rt('writeCString'), ['view', at(f.offset), String(f.size), src, ...where])};`];
      return [
        ts`const ${local} = ${checkArray(countOfMember(ctx, f))};`,
        block(`for (let i = 0; i < ${countOfMember(ctx, f)}; i++)`, [writePrim(f.prim, `${at(f.offset)} + i * ${f.elemSize}`, check(f.prim, `${local}[i]`, `${at(f.offset)} + i * ${f.elemSize}`))]),
      ];
    case 'bitmap':
    case 'khoser-array':
      return [
        ts`const ${local} = ${checkArray(countOfMember(ctx, f))};`,
        block(`for (let i = 0; i < ${countOfMember(ctx, f)}; i++)`, [writePrim('u64', `${at(f.offset)} + i * 8`, call(ctx.rt('checkBigUint'), [`${local}[i]`, '64', ...where, `${at(f.offset)} + i * 8`]))]),
      ];
    case 'struct':
      return [ts`${call(codecSymbol(nested(ctx, rec, f), 'encode'), [src, 'view', at(f.offset)])};`];
    case 'struct-array': {
      const n = nested(ctx, rec, f);
      return [
        ts`const ${local} = ${checkArray(countOfMember(ctx, f))} as ${typeOf(codecSymbol(n, 'iface'))}[];`,
        block(`for (let i = 0; i < ${countOfMember(ctx, f)}; i++)`, [ts`${call(codecSymbol(n, 'encode'), [`${local}[i]!`, 'view', `${at(f.offset)} + i * ${f.elemSize}`])};`]),
      ];
    }
    case 'flexible': {
      const elem = f.struct ? typeOf(codecSymbol(nested(ctx, rec, f), 'iface')) : f.stringSize ? 'string' : primTsType(f.prim!);
      const write = f.struct
        ? ts`${call(codecSymbol(nested(ctx, rec, f), 'encode'), [`${local}[i]!`, 'view', `${at(f.offset)} + i * ${f.elemSize}`])};`
        : f.stringSize
          ? ts`${call(ctx.rt('writeCString'), ['view', `${at(f.offset)} + i * ${f.elemSize}`, String(f.elemSize), `${local}[i]!`, tsString(st.name), tsString(f.name!)])};`
          : writePrim(f.prim!, `${at(f.offset)} + i * ${f.elemSize}`, check(f.prim!, `${local}[i]`, at(f.offset)));
      return [
        ts`const ${local} = ${src} as ${elem}[];`,
        // The member that gives the length must agree with the entries written.
        ts`${call(ctx.rt('checkArray'), [local, f.ref?.count ? `Number(value.${f.ref.count.name})` : `${local}.length`, ...where, at(f.offset)])};`,
        ts`${call(ctx.rt('checkRoom'), ['view', at(f.offset), `${local}.length * ${f.elemSize}`, tsString(st.name)])};`,
        block(`for (let i = 0; i < ${local}.length; i++)`, [write]),
      ];
    }
    case 'bits':
    case 'union':
      throw new Error('handled by encodeBody');
    default:
      return unreachable(f);
  }
}

/** Where decode and encode take their size and field table from: numbers and this layout's table, or a factory's parameters. */
interface Sizes {
  readonly size: string;
  readonly fields: string;
}

/** The decode and encode functions of a layout, as declarations, exported or not. */
function codecFunctions(rec: CodecNames, ctx: Ctx, sizes: Sizes, names: { decode: string; encode: string; exported: boolean }): Doc[] {
  const st = rec.struct;
  const iface = typeOf(codecSymbol(rec, 'iface'));
  const exp = names.exported ? 'export ' : '';
  // DataView checks every access itself; a RangeError becomes a located DecodeError on the way out.
  const decodeCatch = block('catch (e)', [ts`throw ${call(ctx.rt('decodeFailure'), ['e', 'view', 'offset', sizes.size, tsString(st.name), sizes.fields])};`]);
  const encodeCatch = block('catch (e)', [ts`throw ${call(ctx.rt('encodeFailure'), ['e', 'value', 'view', 'offset', sizes.size, tsString(st.name)])};`]);
  return [
    jsdoc(`Reads struct ${st.name} (${rec.version}) at \`offset\`; throws DecodeError for bytes the kernel would refuse.`),
    block(ts`${exp}function ${names.decode}${list('(', ['view: DataView', 'offset = 0', ts`opts?: ${ctx.rtType('ReadOptions')}`], ')')}: ${iface}`, [block('try', decodeBody(rec, ctx), { next: decodeCatch })]),
    '',
    jsdoc(`Writes struct ${st.name} (${rec.version}) at \`offset\`; throws EncodeError for a value its field cannot hold.`),
    block(ts`${exp}function ${names.encode}${list('(', [ts`value: ${iface}`, 'view: DataView', 'offset = 0'], ')')}: void`, [block('try', encodeBody(rec, ctx), { next: encodeCatch })]),
  ];
}

/** Size, offsets, field table, decode and encode of one layout; a layout of a shared shape takes them from the shape's factory. */
export function emitStruct(file: TsFile, rec: CodecNames, ctx: Ctx): void {
  const st = rec.struct;
  const members = flatMembers(st.fields);
  file.add(jsdoc(`sizeof(struct ${st.name}) in ${rec.version} at ${rec.pageSize / 1024} KiB pages.`), `export const ${rec.sizeConst} = ${st.size};`);
  file.add(
    jsdoc(`offsetof() every member of struct ${st.name} in ${rec.version}; a bitfield gives its storage unit's.`),
    ts`export const ${offsetsNameOf(rec.sizeConst)} = ${object(members.map(({ f, bit }) => `${bit ? bit.name : f.name}: ${f.offset}`))} as const;`,
  );
  file.add(ts`const ${fieldTableName(rec)}: ${ctx.rtType('FieldTable')} = ${list('[', members.map(({ f, bit }) => `[${bit ? bit.byteOffset : f.offset}, ${tsString(bit ? bit.name : f.name!)}]`), ']')};`);
  const shape = rec.shape;
  if (!shape) {
    const fns = codecFunctions(rec, ctx, { size: String(st.size), fields: fieldTableName(rec) }, { decode: rec.decode, encode: rec.encode, exported: true });
    file.add(...fns.slice(0, 2));
    file.add(...fns.slice(3));
    return;
  }
  if (shape.first === rec) {
    const param = (m: string): string => `n_${m}`;
    const inner = codecFunctions(rec, { ...ctx, countParam: param }, { size: 'size', fields: 'fields' }, { decode: 'decode', encode: 'encode', exported: false });
    const params = ['size: number', ts`fields: ${ctx.rtType('FieldTable')}`, ...shape.counted.map((m) => `${param(m)}: number`)];
    file.add(
      jsdoc(`struct ${st.name} (${rec.version}) at every page size: one decode and one encode, sizeof and the count of ${shape.counted.join(', ')} their parameters.`),
      block(ts`function ${shape.factory}${list('(', params, ')')}`, [...inner, '', 'return { decode, encode };']),
    );
  }
  const counts = shape.counted.map((m) => {
    const f = st.fields.find((x) => x.name === m)!;
    return String(countOf(f));
  });
  file.add(
    jsdoc(`Decode and encode of struct ${st.name} (${rec.version}) at ${rec.pageSize / 1024} KiB pages.`),
    ts`export const ${object([`decode: ${rec.decode}`, `encode: ${rec.encode}`])} = ${call(shape.factory, [rec.sizeConst, fieldTableName(rec), ...counts])};`,
  );
}

/** Layouts of one shape share the first one's view class, under their own names too; false when the layout prints its own. */
export function emitShapeView(file: TsFile, rec: CodecNames): boolean {
  const shape = rec.shape;
  if (!shape || shape.first === rec) return false;
  file.add(
    jsdoc(`The view of struct ${rec.struct.name} at ${rec.pageSize / 1024} KiB pages: the class ${shape.first.view}, which never uses a count.`),
    `export const ${rec.view} = ${shape.first.view};`,
    `export type ${rec.view} = ${shape.first.view};`,
  );
  return true;
}

/** The codec object the registry and the runtime's walkers take. */
export function emitCodecObject(file: TsFile, rec: CodecNames, ctx: Ctx): void {
  const st = rec.struct;
  file.add(
    block(
      ts`export const ${rec.codec}: ${ctx.rtType('StructCodec')}<${typeOf(codecSymbol(rec, 'iface'))}> =`,
      [
        `name: ${tsString(st.name)},`,
        `version: ${tsString(rec.version)},`,
        `size: ${st.size},`,
        `align: ${st.align},`,
        ...(st.section !== undefined ? [`section: ${tsString(st.section)},`] : []),
        `decode: ${rec.decode},`,
        `encode: ${rec.encode},`,
      ],
      { tail: ';' },
    ),
  );
}
