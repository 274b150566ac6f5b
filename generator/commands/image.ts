/**
 * `kho-abi image build SPEC.yaml`: a test image from a short description of
 * sessions, files and FLBs (lib/image-spec.ts), written as the old kernel
 * would lay it out (runtime/liveupdate) and saved as an ELF64 core (the
 * form vmcore and /proc/kcore take) and the KHO root FDT blob (the form
 * debugfs gives), so that `kho-abi inspect --core CORE --fdt FDT` reads it
 * and a bug report can carry a reproducer. The spec's `luo: compatible:`
 * picks the LUO version laid out (LUO_ERAS: luo-v1 ... luo-v5-composite),
 * so an image can be as an older kernel wrote it.
 */
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { pageSize } from '../cli/arguments.js';
import type { CliCommand, CliContext } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { describeFsError } from '../cli/fs-error.js';
import { claimOutput, writeOutputFile } from '../cli/output-file.js';
import type { PageSize } from '../layout/ir.js';
import { escapeText } from '../../runtime/quote.js';

/** The largest spec read. */
const MAX_SPEC_BYTES = 1 << 20;

export const image: CliCommand = {
  register(program: Command, ctx: CliContext): void {
    const group = program.command('image').description('test images of preserved memory');
    group
      .command('build')
      .description('write an ELF core and a KHO FDT blob from SPEC.yaml (sessions, files, FLBs), as the old kernel lays them out')
      .argument('<spec>', 'the YAML description (see lib/image-spec.ts or the README)')
      .requiredOption('--core <file>', 'the ELF64 core file to write')
      .requiredOption('--fdt <file>', 'the KHO root FDT blob to write')
      .option('--page-size <n>', 'page size of the kernel that would write it', pageSize, 4096)
      .option('--force', 'replace --core and --fdt files that exist (kho-abi cannot tell it wrote them)')
      .action(
        ctx.action(async (specPath: string, opts: { core: string; fdt: string; pageSize: PageSize; force?: boolean }) => {
          const core = resolvePath(ctx.io.cwd, opts.core);
          const fdt = resolvePath(ctx.io.cwd, opts.fdt);
          claimOutput(core, opts.core, { force: opts.force === true });
          claimOutput(fdt, opts.fdt, { force: opts.force === true });
          const ir = ctx.projectLayout(opts.pageSize);
          if (!ir) return 1;
          let text: string;
          try {
            const bytes = readFileSync(resolvePath(ctx.io.cwd, specPath));
            // A spec is a few lines; a large file is not one (and would be parsed whole).
            if (bytes.length > MAX_SPEC_BYTES) throw new CliError(`${escapeText(specPath)}: ${bytes.length} bytes; a spec is at most ${MAX_SPEC_BYTES}`);
            text = bytes.toString('utf8');
          } catch (e) {
            if (e instanceof CliError) throw e;
            throw new CliError(`${escapeText(specPath)}: ${describeFsError(e)}`);
          }
          const [{ parseImageSpec, ImageSpecError }, { writeElfCore }, { LIVEUPDATE_HISTORY_CODECS: CODECS, LIVEUPDATE_LAYOUT }, { PhysMem }, { writeLiveUpdate }] = await Promise.all([
            import('../../lib/image-spec.js'),
            import('../../lib/elf-core.js'),
            import('../../lib/liveupdate.js'),
            import('../../runtime/index.js'),
            import('../../runtime/liveupdate/index.js'),
          ]);
          let state;
          try {
            state = parseImageSpec(text, specPath, ir, CODECS);
          } catch (e) {
            if (e instanceof ImageSpecError) throw new CliError(escapeText(e.message, 2000));
            throw e;
          }
          const mem = new PhysMem({ pageSize: opts.pageSize });
          const written = writeLiveUpdate(mem, state, LIVEUPDATE_LAYOUT, CODECS);
          let segments: number;
          try {
            segments = writeElfCore(core, mem);
          } catch (e) {
            throw new CliError(`${escapeText(opts.core)}: cannot write it: ${describeFsError(e)}`);
          }
          writeOutputFile(fdt, opts.fdt, written.fdt);
          ctx.io.stdout(`${escapeText(opts.core)}: ${written.pages} pages in ${segments} PT_LOAD segment(s), ${written.preserved} preserved block(s); ${escapeText(opts.fdt)}: ${written.fdt.length} bytes\n`);
          return 0;
        }),
      );
  },
};
