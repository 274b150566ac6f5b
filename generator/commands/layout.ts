/** `kho-abi layout [STRUCT...]`: the layout IR as JSON. */
import { Option, type Command } from 'commander';
import { findStruct, type PageSize } from '../layout/ir.js';
import { layoutJson } from '../layout/layout-json.js';
import { quote } from '../../runtime/quote.js';
import { pageSize } from '../cli/arguments.js';
import type { CliCommand, CliContext } from '../cli/context.js';
import { CliError } from '../cli/errors.js';

export const layout: CliCommand = {
  register(program: Command, ctx: CliContext): void {
    program
      .command('layout')
      .description('print the layout IR of structs (all of them by default)')
      .argument('[structs...]', 'struct names')
      .addOption(new Option('--page-size <n>', 'target page size: 4096, 16384 or 65536').argParser(pageSize).default(4096))
      .addOption(new Option('--byte-order <order>', 'target byte order').choices(['little', 'big']).default('little'))
      .option('--version <id>', "a version id of the struct's component (default: the current one)")
      .option('--json', 'JSON output (the only format)')
      .action(
        ctx.action((structs: string[], opts: { pageSize: PageSize; byteOrder: 'little' | 'big'; version?: string }) => {
          const ir = ctx.projectLayout(opts.pageSize, opts.byteOrder);
          if (!ir) return 1;
          const selected = structs.length
            ? structs.map((name) => {
                const st = findStruct(ir, name, opts.version);
                if (st) return st;
                const anyVersion = ir.schemas.flatMap((s) => s.versions.filter((v) => v.structs.some((x) => x.name === name)).map((v) => v.id));
                throw new CliError(
                  anyVersion.length
                    ? `struct ${name} does not exist in version ${quote(String(opts.version))}; it exists in ${anyVersion.join(', ')}`
                    : `unknown struct ${quote(name)}`,
                );
              })
            : ir.schemas.flatMap((s) => (opts.version ? s.versions.filter((v) => v.id === opts.version) : [s.current]).flatMap((v) => v.structs));
          if (opts.version && selected.length === 0) throw new CliError(`no version ${quote(opts.version)} in any schema`);
          ctx.io.stdout(JSON.stringify(layoutJson(ir, selected), null, 2) + '\n');
          return 0;
        }),
      );
  },
};
