/**
 * `kho-abi doc`: reStructuredText pages for the kernel's Documentation/,
 * one per schema (generator/emit/rst.ts), written into a folder kho-abi
 * owns (every file carries its marker, as generated/ does); `--html DIR`
 * then has Sphinx render them as the kernel's docs are rendered.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, dirname, resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { readProfileInputs } from '../cli/project-files.js';
import type { CliCommand, CliContext } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { emitDocs } from '../emit/rst.js';
import { parseProfiles } from '../profile/profile.js';
import { escapeText } from '../../runtime/quote.js';
import { OutputError, writeFiles } from '../write.js';

export const doc: CliCommand = {
  register(program: Command, ctx: CliContext): void {
    program
      .command('doc')
      .description('write reStructuredText pages, one per schema, for Documentation/ (and render them with Sphinx: --html)')
      .option('--out <dir>', 'the folder of the .rst pages (kho-abi owns it: only its own files may be in it)', 'build/abi-doc')
      .option('--html <dir>', 'then build them as HTML into <dir> with sphinx-build -W (warnings are errors)')
      .action(
        ctx.action(async (opts: { out: string; html?: string }) => {
          const ir = ctx.projectLayout();
          if (!ir) return 1;
          const profileInputs = readProfileInputs(ctx.root, ctx.io.cwd);
          const parsed = parseProfiles(profileInputs);
          ctx.report(parsed.diagnostics, profileInputs);
          if (parsed.diagnostics.some((d) => d.severity === 'error')) return 1;
          const out = resolvePath(ctx.io.cwd, opts.out);
          if (dirname(out) === out) throw new CliError(`--out ${escapeText(opts.out)}: give a folder below the file system's root`);
          const dir = basename(out);
          try {
            mkdirSync(dirname(out), { recursive: true });
            const r = await writeFiles({ root: dirname(out), dir, policy: 'exclusive' }, emitDocs(ir, parsed.profiles, dir));
            ctx.io.stdout(`${escapeText(opts.out)}: ${r.written.length} written, ${r.unchanged.length} unchanged${r.removed.length ? `, ${r.removed.length} removed` : ''}\n`);
          } catch (e) {
            if (e instanceof OutputError) throw new CliError(e.lines);
            throw e;
          }
          if (opts.html === undefined) return 0;
          const html = resolvePath(ctx.io.cwd, opts.html);
          const run = spawnSync('sphinx-build', ['-W', '--keep-going', '-q', '-b', 'html', out, html], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
          if (run.error) throw new CliError(`sphinx-build could not run (${escapeText(run.error.message)}); install Sphinx (Debian: python3-sphinx) or build ${escapeText(opts.out)} with the kernel's make htmldocs`);
          if (run.status !== 0) {
            ctx.io.stderr(escapeText(`${run.stdout}${run.stderr}`, 20000));
            throw new CliError(`sphinx-build failed (exit ${run.status}) on ${escapeText(opts.out)}`);
          }
          ctx.io.stdout(`${escapeText(opts.html)}: HTML built by Sphinx\n`);
          return 0;
        }),
      );
  },
};
