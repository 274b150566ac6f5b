/**
 * `kho-abi compat show|verify`: compatible strings of every version, and
 * verdicts on stored ones. The versions come from the metadata gen writes
 * beside the codecs (generated/ts/meta.json; kho-abi's own outside any
 * project): no schema is loaded.
 */
import type { Command } from 'commander';
import { generatedCodecs } from '../cli/project-codecs.js';
import { CompatError, describeVerdict, readStoredCompat, storedLength, verifyCompat } from '../../runtime/compat.js';
import { firstInvalidUtf8, isPrintable, quote, QUOTE_LIMIT } from '../../runtime/quote.js';
import { parseHex } from '../cli/arguments.js';
import type { CliCommand, CliContext } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { describeWarning, type ReadWarning } from '../../runtime/warnings.js';

function show(compat: Command, ctx: CliContext): void {
  compat
    .command('show')
    .description('every compatible string of every schema: versions, composites and their aligned sizes')
    .option('--json', 'JSON output')
    .action(
      ctx.lightAction((opts: { json?: boolean }) => {
        const { meta } = generatedCodecs(ctx.projectRoot);
        const rows = meta.schemas.flatMap((s) =>
          s.component
            ? s.versions.map((v) => ({
                schema: s.name,
                component: s.component!.name,
                macro: v.macro ?? null,
                version: v.id,
                current: v.current,
                variant_of: v.variantOf ?? null,
                compatible: v.compatible ?? null,
                subcomponents: v.subcomponents,
                size: v.compatible !== undefined ? storedLength(v.compatible) : null,
                aligned_size: v.storageSize ?? null,
                stored_in: v.storedIn ?? null,
                source: v.source ?? null,
                features: v.features ?? null,
              }))
            : [],
        );
        if (opts.json) {
          ctx.io.stdout(JSON.stringify(rows, null, 2) + '\n');
          return 0;
        }
        const table = [
          ['schema', 'version', 'compatible', 'size', 'aligned', 'stored in'],
          ...rows.map((r) => [r.schema, r.version + (r.current ? ' *' : ''), r.compatible === null ? (r.variant_of ? `(${r.variant_of}'s)` : r.features ? '(feature header)' : '(none)') : `"${r.compatible}"`, String(r.size ?? '-'), String(r.aligned_size ?? '-'), r.stored_in ?? '-']),
        ];
        const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
        for (const row of table) ctx.io.stdout(row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd() + '\n');
        ctx.io.stdout('* current version: the one the C header describes\n');
        return 0;
      }),
    );
}

function verify(compat: Command, ctx: CliContext): void {
  compat
    .command('verify')
    .description('is STRING, found in preserved memory, compatible with a version COMPONENT supports? exit 0 yes, 1 no')
    .argument('<component>', 'schema or component name, e.g. memfd, luo, kexec_handover (or kho)')
    .argument('<string>', 'the stored compatible string')
    .option('--current', 'accept only the current version, as a kernel built from these headers does (default: every version kho-abi knows)')
    .option('--hex', 'STRING is the hex of the whole char array as found in memory; its NUL is checked, and bytes after it are a warning (the kernel never reads them)')
    .option('--strict', 'with --hex: refuse bytes after the NUL too')
    .action(
      ctx.lightAction((component: string, given: string, opts: { current?: boolean; hex?: boolean; strict?: boolean }) => {
        const { meta } = generatedCodecs(ctx.projectRoot);
        const schema = meta.schemas.find((s) => s.name === component || s.component?.name === component);
        if (!schema?.component) {
          const names = meta.schemas.filter((s) => s.component).map((s) => (s.name === s.component!.name ? s.name : `${s.name} (${s.component!.name})`));
          throw new CliError(`unknown component ${quote(component)}; components: ${names.join(', ')}`);
        }
        const name = schema.component.name;
        const supported = schema.versions.flatMap((v) => (v.compatible !== undefined && (!opts.current || v.current) ? [v.compatible] : []));
        if (supported.length === 0) throw new CliError(`${name} has no compatible string${opts.current ? ' in its current version' : ''}`);
        // The verdict is one line on stdout, whatever the string holds.
        const refuse = (why: string): number => {
          ctx.io.stdout(`${name}: not compatible: ${why}\n`);
          return 1;
        };
        let text = given;
        if (opts.hex) {
          const field = parseHex(given, 'STRING (--hex)');
          try {
            const warnings: ReadWarning[] = [];
            text = readStoredCompat(field, { strict: opts.strict === true, warnings });
            for (const w of warnings) ctx.io.stderr(`kho-abi: warning: ${describeWarning(w)}\n`);
          } catch (e) {
            // A malformed field is a refusal like any other.
            if (e instanceof CompatError) return refuse(e.message);
            throw e;
          }
          const raw = field.subarray(0, field.indexOf(0));
          if (firstInvalidUtf8(raw) !== undefined) return refuse(`${quote(raw)} is not UTF-8 text`);
        }
        // Supported strings are short printable ASCII: anything else is refused without echoing it whole.
        if (!isPrintable(text)) return refuse(`${quote(text)} contains control or format characters`);
        if (text.length > QUOTE_LIMIT) return refuse(`${quote(text)} is longer than any compatible string`);
        const verdict = verifyCompat(text, supported);
        ctx.io.stdout(`${name}: ${describeVerdict(verdict)}\n`);
        return verdict.ok ? 0 : 1;
      }),
    );
}

export const compat: CliCommand = {
  register(program: Command, ctx: CliContext): void {
    const command = program.command('compat').description('compose, show and verify compatible strings');
    show(command, ctx);
    verify(command, ctx);
  },
};
