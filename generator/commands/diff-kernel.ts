/** `kho-abi diff-kernel TREE`: does a kernel tree's include/linux/kho/abi/ agree with the schemas? gcc is the judge. */
import { Option, type Command } from 'commander';
import type { CliCommand, CliContext } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { readConfigInput, readProfileInputs } from '../cli/project-files.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { PAGE_SIZES, type PageSize } from '../layout/ir.js';
import { diffKernel, mergeReports, type DiffReport } from '../kernel/diff-kernel.js';
import { probeTree, TreeError } from '../kernel/probe-tree.js';
import { formatDiffReport, REPORT_FORMATS, type ReportFormat } from '../kernel/report.js';
import { checkProfiles, parseConfig, parseProfiles } from '../profile/profile.js';
import { resolve as resolvePath } from 'node:path';
import { pageSize as parsePageSize } from '../cli/arguments.js';

/** --page-size: one size, or all of them. */
function pageSizes(value: string): PageSize[] {
  return value === 'all' ? [...PAGE_SIZES] : [parsePageSize(value)];
}

export const diffKernelCommand: CliCommand = {
  register(program: Command, ctx: CliContext): void {
    program
      .command('diff-kernel')
      .description("compare a kernel tree's include/linux/kho/abi/*.h with the schemas, gcc as the judge: exit 0 in sync, 1 on any finding")
      .argument('<tree>', 'the kernel tree (the folder holding include/)')
      .option('--profile <name>', "the profile the tree should follow (default: the config's default_profile); 'any' compares each header with the version its string names")
      .addOption(new Option('--format <format>', 'report format').choices(REPORT_FORMATS as string[]).default('text'))
      .addOption(new Option('--page-size <n>', `page size the headers are compiled for: ${PAGE_SIZES.join(', ')}, or all (each in turn: drift that shows only at one page size)`).argParser(pageSizes).default([4096]))
      .action(
        ctx.action(async (treeArg: string, opts: { profile?: string; format: ReportFormat; pageSize: PageSize[] }) => {
          const profileInputs = readProfileInputs(ctx.root, ctx.io.cwd);
          const configInput = readConfigInput(ctx.root, ctx.io.cwd);
          const parsed = parseProfiles(profileInputs);
          const conf = parseConfig(configInput);
          const reports: { pageSize: number; report: DiffReport }[] = [];
          for (const pageSize of opts.pageSize) {
            const r = ctx.layouts(ctx.inputs(), [{ pageSize }]);
            ctx.report(r.diagnostics, r.inputs);
            const ir = r.irs[0];
            if (!ir || !r.analysis.model) return 1;
            if (reports.length === 0) {
              const problems = [...parsed.diagnostics, ...conf.diagnostics, ...checkProfiles(parsed.profiles, ir, conf.config)];
              ctx.report(problems, [...profileInputs, ...(configInput ? [configInput] : [])]);
              if (hasErrors(problems)) return 1;
            }
            const name = opts.profile ?? conf.config?.defaultProfile;
            const profile = name === undefined || name === 'any' ? undefined : parsed.profiles.find((p) => p.name === name);
            if (name !== undefined && name !== 'any' && !profile) {
              throw new CliError(`no profile '${name}'; profiles: ${parsed.profiles.map((p) => p.name).join(', ') || '(none)'}, or 'any'`);
            }
            let tree;
            try {
              tree = await probeTree(resolvePath(ctx.io.cwd, treeArg), Math.log2(pageSize));
            } catch (e) {
              if (e instanceof TreeError) throw new CliError(e.message);
              throw e;
            }
            const report = diffKernel({ ...tree, root: treeArg }, ir, {
              ...(profile ? { profile } : {}),
              privateNames: new Set(parsed.profiles.flatMap((p) => [...p.private])),
              model: r.analysis.model,
            });
            reports.push({ pageSize, report });
          }
          const report = reports.length === 1 ? reports[0]!.report : mergeReports(reports);
          ctx.io.stdout(formatDiffReport(report, opts.format));
          return report.findings.length ? 1 : 0;
        }),
      );
  },
};
