/**
 * `kho-abi breaking --against REF`: what the schemas as they are now do to
 * the versions of an earlier schema set (a git ref of this repository, or a
 * folder). Exit 1 on any breaking finding.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { Option, type Command } from 'commander';
import { breakingChanges, type BreakingFinding } from '../abi/breaking.js';
import type { CliCommand, CliContext } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { readSchemaInputs } from '../cli/schema-inputs.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SchemaInput } from '../pipeline.js';
import { escapeText } from '../../runtime/quote.js';
import { githubCommand } from '../kernel/report.js';

const MAX_GIT_OUTPUT = 16 << 20;

function git(root: string, args: string[]): string {
  return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: MAX_GIT_OUTPUT, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The schema files of REF: a folder (its schemas/ or itself), or a git revision of the project. */
export function schemasAt(root: string, cwd: string, ref: string): SchemaInput[] {
  const asPath = resolvePath(cwd, ref);
  let isDir = false;
  try {
    isDir = statSync(asPath).isDirectory();
  } catch {
    // Not a folder: a git revision.
  }
  if (isDir) {
    let hasSchemasDir = false;
    try {
      hasSchemasDir = statSync(join(asPath, 'schemas')).isDirectory();
    } catch {
      // The folder itself holds the schema files.
    }
    if (hasSchemasDir) return readSchemaInputs(asPath, cwd, []);
    const names = readdirSync(asPath).filter((n) => n.endsWith('.yaml')).sort();
    if (names.length === 0) throw new CliError(`--against ${escapeText(ref)}: the folder has neither schemas/ nor *.yaml files`);
    return readSchemaInputs(asPath, cwd, names.map((n) => join(asPath, n)));
  }
  if (ref.startsWith('-')) throw new CliError(`--against ${escapeText(ref)}: not a folder or a git revision`);
  let commit: string;
  try {
    commit = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
  } catch {
    throw new CliError(`--against ${escapeText(ref)}: not a folder, and not a git revision of ${root}`);
  }
  const names = git(root, ['ls-tree', '--name-only', commit, 'schemas/'])
    .split('\n')
    .filter((n) => n.endsWith('.yaml'))
    .sort();
  if (names.length === 0) throw new CliError(`--against ${escapeText(ref)}: ${commit.slice(0, 12)} has no schemas/*.yaml`);
  return names.map((n) => ({ path: `${ref}:${n}`, bytes: new Uint8Array(execFileSync('git', ['-C', root, 'show', `${commit}:${n}`], { maxBuffer: MAX_GIT_OUTPUT })) }));
}

function toDiagnostic(f: BreakingFinding): Diagnostic {
  return {
    severity: f.breaking ? 'error' : 'warning',
    code: f.code,
    span: f.span ?? { file: `schemas/${f.schema}.yaml`, line: 1, col: 1, length: 1 },
    message: `${f.version}: ${f.message}`,
    ...(f.breaking ? { help: `a released version never changes: undo this, or add a new version of ${f.schema} (and make it current) that has it` } : {}),
  };
}

export const breaking: CliCommand = {
  register(program: Command, ctx: CliContext): void {
    program
      .command('breaking')
      .description('compare the schemas with an earlier set (a git ref or a folder) and name every change to an existing version: exit 1 if any breaks it')
      .requiredOption('--against <ref>', 'a git revision of this project (main, HEAD~1, v1.0) or a folder holding schemas/')
      .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'github']).default('text'))
      .action(
        ctx.action((opts: { against: string; format: 'text' | 'json' | 'github' }) => {
          const now = ctx.layouts(ctx.inputs());
          ctx.report(now.diagnostics, now.inputs);
          if (hasErrors(now.diagnostics)) return 1;
          const oldInputs = schemasAt(ctx.root, ctx.io.cwd, opts.against);
          const before = ctx.layouts(oldInputs);
          if (hasErrors(before.diagnostics)) {
            ctx.report(before.diagnostics, oldInputs);
            throw new CliError(`the schemas of ${escapeText(opts.against)} have errors; compare with a revision whose schemas are valid`);
          }
          const findings = breakingChanges(before.irs, now.irs, now.analysis.model);
          const n = findings.filter((f) => f.breaking).length;
          if (opts.format === 'json') {
            ctx.io.stdout(
              JSON.stringify(
                findings.map((f) => ({ schema: f.schema, version: f.version, code: f.code, breaking: f.breaking, message: f.message, file: f.span?.file ?? null, line: f.span?.line ?? null, col: f.span?.col ?? null })),
                null,
                2,
              ) + '\n',
            );
          } else if (opts.format === 'github') {
            for (const f of findings) {
              const where = f.span ? { file: f.span.file, line: f.span.line, col: f.span.col } : {};
              ctx.io.stdout(githubCommand(f.breaking ? 'error' : 'warning', { ...where, title: `kho-abi ${f.code}` }, `${f.version}: ${f.message}`) + '\n');
            }
          } else {
            ctx.report(findings.map(toDiagnostic), now.inputs);
            ctx.io.stdout(n ? `${n} breaking change(s) to versions of ${escapeText(opts.against)}\n` : `no breaking change against ${escapeText(opts.against)}\n`);
          }
          return n ? 1 : 0;
        }),
      );
  },
};
