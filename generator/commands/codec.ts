/**
 * `kho-abi decode` and `kho-abi encode`: one struct between bytes and JSON,
 * through the generated codecs. What they need to know of a struct (its
 * members, whether it ends in a flexible array, which char array holds
 * which component's compatible string) comes from generated/ts/meta.json,
 * and only the generated module of the struct's schema is imported: no
 * schema is loaded or analysed (see generator/cli/project-codecs.ts).
 * Nothing here imports commander at run time: generator/cli.ts runs a
 * plain decode command line (generator/cli/decode-args.ts) through
 * `decodeStruct` without loading it.
 */
import type { Command } from 'commander';
import { findStruct, type AbiIR, type StructIR } from '../layout/ir.js';
import type { CodecMeta, MetaSchema, MetaStruct } from '../emit/ts-meta.js';
import { JsonInputError, parseJson, toJson, valueFromJson } from '../json-values.js';
import type { PageSize, StructCodec } from '../../runtime/codec.js';
import { LookupError, findCodec } from '../../runtime/registry.js';
import { firstInvalidUtf8, quote } from '../../runtime/quote.js';
import { describeWarning, type ReadWarning } from '../../runtime/warnings.js';
import { pageSize, parseHex } from '../cli/arguments.js';
import type { CliCommand, CliContext } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { generatedCodecs } from '../cli/project-codecs.js';

/** Bytes `encode` writes at most (a flexible array can ask for more than any struct needs). */
export const MAX_ENCODED = 64 * 1024 * 1024;

export interface CodecOptions {
  readonly version?: string;
  readonly pageSize: PageSize;
}

/** The generated codec of a struct, and what the metadata says of it. */
export interface FoundStruct {
  readonly codec: StructCodec<unknown>;
  readonly st: MetaStruct;
  readonly meta: CodecMeta;
}

const isStruct = (x: MetaStruct | Readonly<Record<PageSize, MetaStruct>>): x is MetaStruct => Object.hasOwn(x, 'fields');

/**
 * The codec of `struct` for the version and page size asked, from the
 * project's generated code (kho-abi's own outside any project). The bytes
 * pick among versions that share a string and differ by number (decode
 * --version pci).
 */
export async function findStructCodec(ctx: CliContext, struct: string, opts: CodecOptions, bytes?: Uint8Array): Promise<FoundStruct> {
  const generated = generatedCodecs(ctx.projectRoot);
  const { meta } = generated;
  const has = (v: MetaSchema['versions'][number]): boolean => Object.hasOwn(v.structs, struct);
  const owners = meta.schemas.filter((s) => s.versions.some(has));
  if (owners.length === 0) {
    // As findCodec says it, without importing any codec.
    const known = [...new Set(meta.schemas.flatMap((s) => s.versions.flatMap((v) => Object.keys(v.structs))))].sort();
    throw new LookupError(`unknown struct ${quote(struct)}; known structs: ${known.join(', ')}`);
  }
  const codecs = await generated.load(owners);
  const data = bytes ? new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined;
  const found = findCodec(codecs, struct, { ...(opts.version !== undefined ? { version: opts.version } : {}), pageSize: opts.pageSize, ...(data ? { data } : {}) });
  const entry = owners.find((s) => s.name === found.schema.schema)?.versions.find((v) => v.id === found.version.id)?.structs[struct];
  const st = entry === undefined ? undefined : isStruct(entry) ? entry : entry[opts.pageSize];
  if (!st) throw new CliError(`generated/ts/meta.json does not describe ${struct} in ${found.version.id}; run kho-abi gen`);
  return { codec: found.codec, st, meta };
}

/**
 * The generated codec and the layout IR's struct, for what needs the
 * member types only the IR has (inspect's annotated dump): this loads and
 * analyses the schemas.
 */
export async function lookup(ctx: CliContext, struct: string, opts: CodecOptions, bytes?: Uint8Array): Promise<{ codec: StructCodec<unknown>; st: StructIR; ir: AbiIR }> {
  const { codec } = await findStructCodec(ctx, struct, opts, bytes);
  await ctx.loadAnalysis();
  const ir = ctx.projectLayout(opts.pageSize);
  const st = ir ? findStruct(ir, struct, codec.version) : undefined;
  if (!st || !ir) throw new CliError(`schemas/ do not describe ${struct} in ${codec.version}; run \`npm run gen\``);
  return { codec, st, ir };
}

/**
 * A char array that holds a compatible string (luo_ser.compatible) with a
 * string no version of its component has: the kernel that reads it would
 * refuse the whole state, so decode says so beside the value.
 */
function unknownCompatibles(meta: CodecMeta, st: MetaStruct, value: Record<string, unknown>): ReadWarning[] {
  const out: ReadWarning[] = [];
  for (const f of st.fields) {
    if (f.shape !== 'array' || f.holdsMacro === undefined || typeof value[f.name] !== 'string') continue;
    const schema = meta.schemas.find((s) => s.component?.macro === f.holdsMacro);
    if (!schema?.component) continue;
    // A variant stores its base's string: each string once.
    const known = [...new Set(schema.versions.flatMap((v) => (v.compatible !== undefined ? [v.compatible] : [])))];
    const stored = value[f.name] as string;
    if (!known.includes(stored)) {
      out.push({
        code: 'compatible-unknown',
        struct: st.name,
        field: f.name,
        offset: f.offset,
        message: `${st.name}.${f.name} at offset ${f.offset}: ${quote(stored)} is no version of ${schema.component.name} kho-abi knows (${known.join(', ')}); a kernel that does not know it refuses the data`,
        kernel: '',
      });
    }
  }
  return out;
}

function codecCommand(program: Command, name: string, description: string): Command {
  return program
    .command(name)
    .description(description)
    .argument('<struct>', 'struct name, e.g. memfd_luo_ser')
    .option('--version <v>', 'version id (memfd-v1) or the compatible string it stores; default: current')
    .option('--page-size <n>', 'page size of the kernel that wrote the bytes', pageSize, 4096);
}

export const decode: CliCommand = {
  register(program: Command, ctx: CliContext): void {
    codecCommand(program, 'decode', 'decode a struct: bytes on stdin (or hex with --hex) to JSON on stdout, 64-bit values as decimal strings')
      .option('--hex [hex]', 'the bytes as hex text: this argument, or stdin when no value is given')
      .option('--strict', 'refuse what the kernel accepts but a careful reader would not (unknown flag bits it ignores, names without NUL): warnings become errors')
      .action(ctx.lightAction(async (struct: string, opts: DecodeOptions) => decodeStruct(ctx, struct, opts)));
  },
};

/** decode's options, as commander (or generator/cli/decode-args.ts) reads them. */
export interface DecodeOptions extends CodecOptions {
  readonly hex?: string | true;
  readonly strict?: boolean;
}

/** `kho-abi decode STRUCT`: the bytes (--hex, or stdin) decoded and printed as JSON; the exit code. */
export async function decodeStruct(ctx: CliContext, struct: string, opts: DecodeOptions): Promise<number> {
  const bytes = opts.hex === undefined ? ctx.io.stdin() : opts.hex === true ? parseHex(ctx.io.stdin(), 'stdin (--hex)') : parseHex(opts.hex);
  const { codec, st, meta } = await findStructCodec(ctx, struct, opts, bytes);
  const flexible = st.fields.some((f) => f.shape === 'flexible');
  if (!flexible && bytes.length > codec.size) {
    throw new CliError(`${struct}: ${bytes.length} bytes given but struct ${struct} (${codec.version}) is ${codec.size} bytes; pass exactly one struct`);
  }
  const warnings: ReadWarning[] = [];
  const value = codec.decode(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, { strict: opts.strict === true, warnings });
  warnings.push(...unknownCompatibles(meta, st, value as Record<string, unknown>));
  if (opts.strict && warnings.length) throw new CliError(warnings.map((w) => `${w.message} (refused in strict mode)`));
  for (const w of warnings) ctx.io.stderr(`kho-abi: warning: ${describeWarning(w)}\n`);
  ctx.io.stdout(toJson(value) + '\n');
  return 0;
}

/** stdin as text: UTF-8, or a refusal naming the first byte that is not. */
function utf8Text(bytes: Uint8Array, struct: string): string {
  const bad = firstInvalidUtf8(bytes);
  if (bad !== undefined) throw new CliError(`${struct}: input is not JSON: byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad} is not UTF-8 (input of ${bytes.length} bytes)`);
  return new TextDecoder().decode(bytes);
}

export const encode: CliCommand = {
  register(program: Command, ctx: CliContext): void {
    codecCommand(program, 'encode', 'encode a struct: JSON on stdin (as decode prints it) to bytes on stdout')
      .option('--hex', 'print the bytes as hex text instead of raw bytes')
      .action(
        ctx.lightAction(async (struct: string, opts: CodecOptions & { hex?: boolean }) => {
          const { codec, st } = await findStructCodec(ctx, struct, opts);
          let json: unknown;
          try {
            json = parseJson(utf8Text(ctx.io.stdin(), struct));
          } catch (e) {
            if (e instanceof JsonInputError) throw new CliError(`${struct}: input is not JSON: ${e.message}`);
            throw e;
          }
          const value = valueFromJson(st, json);
          const flexTotal = st.fields.reduce((n, f) => n + (f.shape === 'flexible' ? ((value[f.name] as unknown[] | undefined)?.length ?? 0) * f.elemSize : 0), 0);
          if (codec.size + flexTotal > MAX_ENCODED) {
            throw new CliError(`${struct}: the value needs ${codec.size + flexTotal} bytes; encode writes at most ${MAX_ENCODED}`);
          }
          const bytes = new Uint8Array(codec.size + flexTotal);
          codec.encode(value, new DataView(bytes.buffer), 0);
          ctx.io.stdout(opts.hex ? Buffer.from(bytes).toString('hex') + '\n' : bytes);
          return 0;
        }),
      );
  },
};

