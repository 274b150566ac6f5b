/** `kho-abi validate [FILE...]`: check schemas, with given files checked together with the project's. */
import type { Command } from 'commander';
import type { CliCommand, CliContext } from '../cli/context.js';

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
          const { diagnostics } = ctx.layouts(inputs);
          ctx.report(diagnostics, inputs, opts.format);
          if (diagnostics.some((d) => d.severity === 'error')) return 1;
          ctx.io.stdout(opts.format === 'json' ? '[]\n' : `${inputs.length} schema file(s) valid\n`);
          return 0;
        }),
      );
  },
};
