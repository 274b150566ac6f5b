/** `kho-abi lock`: record every version not yet in kho-abi.lock.json; locked versions never change. */
import type { Command } from 'commander';
import { checkLock, extendLock, formatLock, LOCK_FILE, type Lock } from '../abi/lock.js';
import type { CliCommand, CliContext } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { describeFsError } from '../cli/fs-error.js';
import { lockPath, readLock } from '../cli/project-files.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { writeFileAtomically } from '../../runtime/atomic-file.js';

export const lock: CliCommand = {
  register(program: Command, ctx: CliContext): void {
    program
      .command('lock')
      .description(`record the versions that are not in ${LOCK_FILE} yet; a locked version is never rewritten`)
      .option('--amend <version...>', 're-record these versions as the schemas now describe them: only to correct a schema that was wrong about what the kernel released (diff-kernel shows it)')
      .action(
        ctx.action((opts: { amend?: string[] }) => {
          const r = ctx.layouts(ctx.inputs());
          ctx.report(r.diagnostics, r.inputs);
          if (hasErrors(r.diagnostics) || !r.analysis.model) return 1;
          const before = readLock(ctx.root, ctx.io.cwd);
          const amend = new Set(opts.amend ?? []);
          for (const id of amend) {
            if (!before?.versions.some((v) => v.id === id)) throw new CliError(`--amend ${id}: no such version in ${LOCK_FILE}`);
          }
          const kept: Lock | undefined = before && { ...before, versions: before.versions.filter((v) => !amend.has(v.id)) };
          const changed = kept ? checkLock(kept, r.irs, r.analysis.model) : [];
          if (changed.length) {
            ctx.report(changed, r.inputs);
            return 1;
          }
          const { lock: next, added } = extendLock(kept, r.irs);
          const text = formatLock(next);
          const target = lockPath(ctx.root);
          try {
            writeFileAtomically(target, text);
          } catch (e) {
            throw new CliError(`${LOCK_FILE}: cannot write: ${describeFsError(e)}`);
          }
          const fresh = added.filter((x) => !amend.has(x));
          const redone = added.filter((x) => amend.has(x));
          const parts = [
            ...(fresh.length ? [`${fresh.length} version(s) recorded: ${fresh.join(', ')}`] : []),
            ...(redone.length ? [`${redone.length} re-recorded (--amend): ${redone.join(', ')}`] : []),
          ];
          ctx.io.stdout(`${LOCK_FILE}: ${parts.length ? parts.join('; ') : 'every version is already recorded'}\n`);
          return 0;
        }),
      );
  },
};
