/**
 * The `kho-abi` command: arguments -> pipeline -> report -> exit code.
 * Exit codes: 0 ok, 1 the input is wrong (diagnostics, stale files, unknown
 * names), 2 kho-abi itself failed (a bug; never a stack trace unless
 * KHO_ABI_DEBUG is set).
 */
import { readdirSync, readFileSync, readSync } from 'node:fs';
import { basename, join, relative, resolve as resolvePath } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { formatJson, formatText } from './diagnostics/format.js';
import { findStruct, makeTarget, PAGE_SIZES, type AbiIR, type PageSize } from './layout/ir.js';
import { layoutJson } from './layout/layout-json.js';
import { analyze, layoutAll, type SchemaInput } from './pipeline.js';
import { checkFiles, writeFiles } from './write.js';
import { JsonInputError, toJson, valueFromJson } from './json-values.js';
import { CompatError, describeVerdict, readStoredCompat, storedLength, verifyCompat } from '../runtime/compat.js';

class UsageError extends Error {}
class InputError extends Error {}

const MAX_STDIN = 64 * 1024 * 1024;

/** All of stdin, bounded: a tool fed a disk image by mistake must not exhaust memory. */
function readStdin(): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      throw new InputError(`cannot read stdin: ${code ?? (e as Error).message}`);
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_STDIN) throw new InputError(`more than ${MAX_STDIN} bytes on stdin`);
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function parseHex(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '').replace(/^0x/i, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(clean)) throw new InputError('--hex: expected an even number of hex digits');
  return new Uint8Array(Buffer.from(clean, 'hex'));
}

function isTypedRuntimeError(e: unknown): boolean {
  const name = (e as Error | undefined)?.name;
  return name === 'DecodeError' || name === 'EncodeError' || name === 'MemoryError' || name === 'LookupError' || name === 'CompatError';
}

/** The 4 KiB layout of the project's schemas, or undefined after reporting why not. */
function layoutOrExit(root: string): AbiIR | undefined {
  const inputs = schemaInputs(root);
  const analysis = analyze(inputs);
  const { irs, diagnostics } = layoutAll(analysis, [makeTarget()]);
  report([...analysis.diagnostics, ...diagnostics], inputs, 'text');
  return irs[0];
}

/** The generated codec and the IR struct it was generated from. */
async function lookup(root: string, struct: string, opts: { version?: string; pageSize: PageSize }) {
  const [{ allCodecs }, { findCodec }] = await Promise.all([import('../generated/ts/index.js'), import('../runtime/registry.js')]);
  const found = findCodec(allCodecs, struct, { ...(opts.version !== undefined ? { version: opts.version } : {}), pageSize: opts.pageSize });
  const inputs = schemaInputs(root);
  const analysis = analyze(inputs);
  const { irs, diagnostics } = layoutAll(analysis, [makeTarget(opts.pageSize)]);
  report([...analysis.diagnostics, ...diagnostics], inputs, 'text');
  const st = irs[0] ? findStruct(irs[0], struct, found.version.id) : undefined;
  if (!st) throw new UsageError(`schemas/ do not describe ${struct} in ${found.version.id}; run \`npm run gen\``);
  return { codec: found.codec, st };
}

function schemaInputs(root: string, extra: readonly string[] = []): SchemaInput[] {
  const dir = join(root, 'schemas');
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    if (extra.length === 0) throw new UsageError(`no schemas/ folder in ${root}`);
  }
  const given = extra.map((p) => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(p);
    } catch (e) {
      throw new UsageError(`cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    return { path: relative(process.cwd(), resolvePath(p)) || p, bytes };
  });
  const shadowed = new Set(given.map((g) => basename(g.path)));
  const project = names
    .filter((n) => !shadowed.has(n))
    .map((n) => ({ path: relative(process.cwd(), join(dir, n)) || n, bytes: readFileSync(join(dir, n)) }));
  const givenPaths = new Set(given.map((g) => resolvePath(g.path)));
  return [...project.filter((p) => !givenPaths.has(resolvePath(p.path))), ...given];
}

function report(diags: readonly Diagnostic[], inputs: readonly SchemaInput[], format: string): void {
  if (diags.length === 0) return;
  const texts = new Map(inputs.map((i) => [i.path, Buffer.from(i.bytes).toString('utf8')]));
  process.stderr.write(format === 'json' ? formatJson(diags) : formatText(diags, (f) => texts.get(f)));
}

function pageSize(value: string): PageSize {
  const n = Number(value.replace(/[kK](iB)?$/, '')) * (/[kK]/.test(value) ? 1024 : 1);
  if (!(PAGE_SIZES as readonly number[]).includes(n)) throw new InvalidArgumentError(`page size must be one of ${PAGE_SIZES.join(', ')} (or 4K, 16K, 64K)`);
  return n as PageSize;
}

async function main(argv: string[]): Promise<number> {
  let exit = 0;
  const program = new Command('kho-abi')
    .description('YAML schemas for the kernel KHO/LUO ABI: C headers, TypeScript codecs, compatibility checks')
    .option('--root <dir>', 'project folder holding schemas/ and generated/', '.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('gen')
    .description('generate generated/ from schemas/')
    .option('--check', 'write nothing; list every stale file and exit 1 if any')
    .option('--format <format>', 'diagnostics as text or json', 'text')
    .action(async (opts: { check?: boolean; format: string }) => {
      const root = program.opts<{ root: string }>().root;
      const inputs = schemaInputs(root);
      // Loaded here only: the emitters (ts-morph) take most of the start-up time of every other command.
      const { generate, OUTPUT_DIR } = await import('./generate.js');
      const gen = await generate(inputs);
      report(gen.diagnostics, inputs, opts.format);
      if (gen.diagnostics.some((d) => d.severity === 'error')) {
        exit = 1;
        return;
      }
      if (opts.check) {
        const { stale, orphans } = checkFiles(root, OUTPUT_DIR, gen.files);
        for (const s of stale) process.stderr.write(`stale: ${s}\n`);
        for (const o of orphans) process.stderr.write(`not generated by any schema: ${o}\n`);
        if (stale.length || orphans.length) {
          process.stderr.write(`${stale.length + orphans.length} file(s) out of date; run \`npm run gen\` and commit the result\n`);
          exit = 1;
        }
        return;
      }
      const r = writeFiles(root, OUTPUT_DIR, gen.files);
      process.stdout.write(`${r.written.length} written, ${r.unchanged.length} unchanged${r.removed.length ? `, ${r.removed.length} removed` : ''}\n`);
    });

  program
    .command('validate')
    .description('check schema files (default: every schema in schemas/)')
    .argument('[files...]', 'schema files to check together with the project schemas')
    .option('--format <format>', 'text or json', 'text')
    .action((files: string[], opts: { format: string }) => {
      const root = program.opts<{ root: string }>().root;
      const inputs = schemaInputs(root, files);
      const analysis = analyze(inputs);
      const { diagnostics } = layoutAll(analysis);
      const all = [...analysis.diagnostics, ...diagnostics];
      report(all, inputs, opts.format);
      if (all.some((d) => d.severity === 'error')) exit = 1;
      else if (opts.format !== 'json') process.stdout.write(`${inputs.length} schema file(s) valid\n`);
      else process.stdout.write('[]\n');
    });

  program
    .command('layout')
    .description('print the layout IR of structs (all of them by default)')
    .argument('[structs...]', 'struct names')
    .addOption(new Option('--page-size <n>', 'target page size: 4096, 16384 or 65536').argParser(pageSize).default(4096))
    .addOption(new Option('--byte-order <order>', 'target byte order').choices(['little', 'big']).default('little'))
    .option('--version <id>', 'a version id of the struct\'s component (default: the current one)')
    .option('--json', 'JSON output (the only format)')
    .action((structs: string[], opts: { pageSize: PageSize; byteOrder: 'little' | 'big'; version?: string }) => {
      const root = program.opts<{ root: string }>().root;
      const inputs = schemaInputs(root);
      const analysis = analyze(inputs);
      const { irs, diagnostics } = layoutAll(analysis, [makeTarget(opts.pageSize, opts.byteOrder)]);
      const all = [...analysis.diagnostics, ...diagnostics];
      report(all, inputs, 'text');
      const ir: AbiIR | undefined = irs[0];
      if (!ir) {
        exit = 1;
        return;
      }
      const selected = structs.length
        ? structs.map((name) => {
            const st = findStruct(ir, name, opts.version);
            if (!st) {
              const anyVersion = ir.schemas.flatMap((s) => s.versions.filter((v) => v.structs.some((x) => x.name === name)).map((v) => v.id));
              throw new UsageError(
                anyVersion.length
                  ? `struct ${name} does not exist in version '${opts.version}'; it exists in ${anyVersion.join(', ')}`
                  : `unknown struct '${name}'`,
              );
            }
            return st;
          })
        : ir.schemas.flatMap((s) => (opts.version ? s.versions.filter((v) => v.id === opts.version) : [s.current]).flatMap((v) => v.structs));
      if (opts.version && selected.length === 0) throw new UsageError(`no version '${opts.version}' in any schema`);
      process.stdout.write(JSON.stringify(layoutJson(ir, selected), null, 2) + '\n');
    });

  const compat = program.command('compat').description('compose, show and verify compatible strings');

  compat
    .command('show')
    .description('every compatible string of every schema: versions, composites and their aligned sizes')
    .option('--json', 'JSON output')
    .action((opts: { json?: boolean }) => {
      const ir = layoutOrExit(program.opts<{ root: string }>().root);
      if (!ir) {
        exit = 1;
        return;
      }
      const rows = ir.schemas.flatMap((s) =>
        s.component
          ? s.versions.map((v) => ({
              schema: s.name,
              component: s.component!.name,
              macro: s.component!.macro ?? null,
              version: v.id,
              current: v.isCurrent,
              compatible: v.compatible ?? null,
              subcomponents: v.subcomponents.map((x) => x.compatible),
              size: v.compatible !== undefined ? storedLength(v.compatible) : null,
              aligned_size: v.storageSize ?? null,
              stored_in: s.component!.storedIn ? `${s.component!.storedIn.struct}.${s.component!.storedIn.field}` : null,
              features: v.features ? { supp: v.features.supported.toString(), req: v.features.required.toString(), active: v.features.active.toString() } : null,
            }))
          : [],
      );
      if (opts.json) {
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      const table = [['schema', 'version', 'compatible', 'size', 'aligned', 'stored in'], ...rows.map((r) => [r.schema, r.version + (r.current ? ' *' : ''), r.compatible === null ? '(feature header)' : `"${r.compatible}"`, String(r.size ?? '-'), String(r.aligned_size ?? '-'), r.stored_in ?? '-'])];
      const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
      for (const row of table) process.stdout.write(row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd() + '\n');
      process.stdout.write('* current version: the one the C header describes\n');
    });

  compat
    .command('verify')
    .description('is STRING, found in preserved memory, compatible with a version COMPONENT supports? exit 0 yes, 1 no')
    .argument('<component>', 'schema or component name, e.g. memfd, luo, kexec_handover (or kho)')
    .argument('<string>', 'the stored compatible string')
    .option('--current', 'accept only the current version, as a kernel built from these headers does (default: every version kho-abi knows)')
    .option('--hex', 'STRING is the hex of the whole char array as found in memory; its NUL and zero padding are checked too')
    .action((component: string, given: string, opts: { current?: boolean; hex?: boolean }) => {
      let text = given;
      if (opts.hex) {
        try {
          text = readStoredCompat(parseHex(given));
        } catch (e) {
          if (!(e instanceof CompatError)) throw e;
          // A malformed field is a refusal like any other: one line on stdout, exit 1.
          process.stdout.write(`${component}: not compatible: ${e.message}\n`);
          exit = 1;
          return;
        }
      }
      const ir = layoutOrExit(program.opts<{ root: string }>().root);
      if (!ir) {
        exit = 1;
        return;
      }
      const schema = ir.schemas.find((s) => s.name === component || s.component?.name === component);
      if (!schema?.component) {
        const names = ir.schemas.filter((s) => s.component).map((s) => (s.name === s.component!.name ? s.name : `${s.name} (${s.component!.name})`));
        throw new UsageError(`unknown component '${component}'; components: ${names.join(', ')}`);
      }
      const supported = schema.versions.flatMap((v) => (v.compatible !== undefined && (!opts.current || v.isCurrent) ? [v.compatible] : []));
      if (supported.length === 0) throw new UsageError(`${schema.component.name} has no compatible string${opts.current ? ' in its current version' : ''}`);
      const verdict = verifyCompat(text, supported);
      process.stdout.write(`${schema.component.name}: ${describeVerdict(verdict)}\n`);
      if (!verdict.ok) exit = 1;
    });

  const codecCommand = (name: string, description: string) =>
    program
      .command(name)
      .description(description)
      .argument('<struct>', 'struct name, e.g. memfd_luo_ser')
      .option('--version <v>', 'version id (memfd-v1) or the compatible string it stores; default: current')
      .addOption(new Option('--page-size <n>', 'page size of the kernel that wrote the bytes').argParser(pageSize).default(4096));

  codecCommand('decode', 'decode a struct: bytes on stdin (or hex with --hex) to JSON on stdout, 64-bit values as decimal strings')
    .option('--hex [hex]', 'the bytes as hex text: this argument, or stdin when no value is given')
    .action(async (struct: string, opts: { version?: string; pageSize: PageSize; hex?: string | true }) => {
      const { codec, st } = await lookup(program.opts<{ root: string }>().root, struct, opts);
      const bytes = opts.hex === undefined ? readStdin() : parseHex(opts.hex === true ? Buffer.from(readStdin()).toString('utf8') : opts.hex);
      const flexible = st.fields.some((f) => f.shape === 'flexible');
      if (!flexible && bytes.length > codec.size) {
        throw new InputError(`${struct}: ${bytes.length} bytes given but struct ${struct} (${codec.version}) is ${codec.size} bytes; pass exactly one struct`);
      }
      const value = codec.decode(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0);
      process.stdout.write(toJson(value) + '\n');
    });

  codecCommand('encode', 'encode a struct: JSON on stdin (as decode prints it) to bytes on stdout')
    .option('--hex', 'print the bytes as hex text instead of raw bytes')
    .action(async (struct: string, opts: { version?: string; pageSize: PageSize; hex?: boolean }) => {
      const { codec, st } = await lookup(program.opts<{ root: string }>().root, struct, opts);
      const text = Buffer.from(readStdin()).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new InputError(`${struct}: input is not JSON: ${(e as Error).message}`);
      }
      const value = valueFromJson(st, json);
      const flexTotal = st.fields.filter((f) => f.shape === 'flexible').reduce((n, f) => n + ((value[f.name!] as unknown[] | undefined)?.length ?? 0) * f.elemSize!, 0);
      const bytes = new Uint8Array(codec.size + flexTotal);
      codec.encode(value, new DataView(bytes.buffer), 0);
      if (opts.hex) process.stdout.write(Buffer.from(bytes).toString('hex') + '\n');
      else process.stdout.write(bytes);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError || e instanceof JsonInputError || isTypedRuntimeError(e)) {
      process.stderr.write(`kho-abi: ${(e as Error).message}\n`);
      return 1;
    }
    const ce = e as { code?: string; exitCode?: number };
    if (typeof ce.code === 'string' && ce.code.startsWith('commander.')) {
      return ce.code === 'commander.helpDisplayed' || ce.code === 'commander.version' || ce.code === 'commander.help' ? 0 : 1;
    }
    throw e;
  }
  return exit;
}

export async function run(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (e) {
    const err = e as Error;
    process.stderr.write(`kho-abi: internal error: ${err.message}\nThis is a bug in kho-abi, not in your schema; please report it with the command you ran.\n`);
    if (process.env.KHO_ABI_DEBUG) process.stderr.write(`${err.stack ?? ''}\n`);
    return 2;
  }
}
