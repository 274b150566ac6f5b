/** `kho-abi validate [FILE...]`: check schemas, with given files checked together with the project's. */
import type { Command } from 'commander';
import { checkLock } from '../abi/lock.js';
import type { CliCommand, CliContext } from '../cli/context.js';
import { readLock } from '../cli/project-files.js';
import { hasErrors } from '../diagnostics/diagnostic.js';

export const validate: CliCommand = {
  register(program: Command, ctx: CliContext): void {
    program
      .command('validate')
      .description('check schema files (default: every schema in schemas/)')
      .argument('[files...]', 'schema files to check together with the project schemas')
      .option('--format <format>', 'text or json', 'text')
      .action(
        ctx.action((files: string[], opts: { format: string }) => {
          const inputs = ctx.inputs(files);
          const r = ctx.layouts(inputs);
          // The lock speaks of the project's own schemas; files given on the command line are drafts beside them.
          const lock = files.length === 0 && r.analysis.model ? readLock(ctx.root, ctx.io.cwd) : undefined;
          const diagnostics = lock && !hasErrors(r.diagnostics) ? [...r.diagnostics, ...checkLock(lock, r.irs, r.analysis.model!)] : r.diagnostics;
          ctx.report(diagnostics, inputs, opts.format);
          if (diagnostics.some((d) => d.severity === 'error')) return 1;
          ctx.io.stdout(opts.format === 'json' ? '[]\n' : `${inputs.length} schema file(s) valid\n`);
          return 0;
        }),
      );
  },
};
