/**
 * `kho-abi gen`: generate generated/ from schemas/ (and the profiles), list
 * what is out of date (--check), or write one profile's headers into a
 * kernel tree (--out), where only files carrying the kho-abi marker are
 * ever replaced or removed.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import type { CliCommand, CliContext } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { readConfigInput, readLock, readProfileInputs } from '../cli/project-files.js';
import { unifiedDiff } from '../kernel/unified-diff.js';
import { ABI_INCLUDE_DIR } from '../profile/headers.js';
import { parseConfig } from '../profile/profile.js';
import { escapeText } from '../../runtime/quote.js';
import { checkFiles, OutputError, writeFiles, type OutputTree } from '../write.js';

const MARKER = /KHO-ABI-GEN: profile ([A-Za-z0-9_-]+)/;

/** The profiles named by the marker lines of a tree's generated headers. */
function markedProfiles(tree: string): Set<string> {
  const dir = join(tree, ABI_INCLUDE_DIR);
  const found = new Set<string>();
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.h'));
  } catch {
    return found;
  }
  for (const n of names) {
    let fd: number | undefined;
    try {
      fd = openSync(join(dir, n), 'r');
      const buf = Buffer.alloc(1024);
      const len = readSync(fd, buf, 0, buf.length, 0);
      const m = MARKER.exec(buf.subarray(0, len).toString('latin1'));
      if (m) found.add(m[1]!);
    } catch {
      // Unreadable: not ours to judge here; the writer reports what stands in its way.
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  return found;
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export const gen: CliCommand = {
  register(program: Command, ctx: CliContext): void {
    program
      .command('gen')
      .description('generate generated/ from schemas/ and profiles/ (gen owns generated/: see the README); --out writes a profile into a kernel tree')
      .option('--check', 'write nothing; list every stale file (with --out: print a unified diff) and exit 1 if any')
      .option('--profile <name>', "one profile's headers only: into generated/profiles/<name>, or into --out")
      .option('--out <tree>', "a kernel tree: write the profile's headers into <tree>/include/linux/kho/abi/, replacing only files with the kho-abi marker")
      .option('--format <format>', 'diagnostics as text or json', 'text')
      .action(
        ctx.action(async (opts: { check?: boolean; profile?: string; out?: string; format: string }) => {
          const inputs = ctx.inputs();
          const profileInputs = readProfileInputs(ctx.root, ctx.io.cwd);
          const config = readConfigInput(ctx.root, ctx.io.cwd);
          const lock = readLock(ctx.root, ctx.io.cwd);
          const treeRoot = opts.out !== undefined ? resolvePath(ctx.io.cwd, opts.out) : undefined;
          let only = opts.profile;
          if (treeRoot !== undefined && only === undefined) {
            const marked = [...markedProfiles(treeRoot)];
            if (marked.length > 1) throw new CliError(`${escapeText(opts.out!)}: its headers name several profiles (${marked.join(', ')}); say which with --profile`);
            only = marked[0] ?? parseConfig(config).config?.defaultProfile;
            if (only === undefined) throw new CliError('--out needs a profile: --profile NAME, a marked header in the tree, or default_profile in kho-abi.config.yaml');
          }
          // Loaded here only: the emitters are not needed by any other command.
          const { generate, OUTPUT_DIR } = await import('../generate.js');
          const result = await generate(inputs, {
            profiles: profileInputs,
            ...(config ? { config } : {}),
            ...(lock ? { lock } : {}),
            ...(only !== undefined ? { only } : {}),
            ...(treeRoot !== undefined ? { outRoot: '' } : {}),
          });
          ctx.report(result.diagnostics, [...inputs, ...profileInputs, ...(config ? [config] : [])], opts.format);
          if (result.diagnostics.some((d) => d.severity === 'error')) return 1;
          const profile = only !== undefined ? result.profiles.find((p) => p.name === only) : undefined;
          if (only !== undefined && !profile) {
            throw new CliError(`no profile '${escapeText(only)}'; profiles: ${result.profiles.map((p) => p.name).join(', ') || '(none)'}`);
          }

          const tree: OutputTree =
            treeRoot !== undefined
              ? { root: treeRoot, dir: ABI_INCLUDE_DIR, policy: 'shared', marker: `KHO-ABI-GEN: profile ${profile!.name}` }
              : profile
                ? { root: ctx.root, dir: `${profile.output}/${ABI_INCLUDE_DIR}`, policy: 'exclusive' }
                : { root: ctx.root, dir: OUTPUT_DIR, policy: 'exclusive' };
          const fix = treeRoot !== undefined ? `kho-abi gen --profile ${profile!.name} --out ${opts.out}` : profile ? `kho-abi gen --profile ${profile.name}` : 'npm run gen';
          try {
            if (opts.check) {
              const { stale, orphans, foreign } = await checkFiles(tree, result.files);
              for (const s of stale) {
                const file = result.files.find((f) => f.path === s);
                const now = readOrUndefined(join(tree.root, s));
                if (treeRoot !== undefined && file && now !== undefined) ctx.io.stdout(unifiedDiff(now, file.content, `a/${s}`, `b/${s}`));
                else ctx.io.stderr(`${now === undefined ? 'missing' : 'stale'}: ${s}\n`);
              }
              for (const o of orphans) ctx.io.stderr(`not generated by any schema: ${o}\n`);
              for (const f of foreign) ctx.io.stderr(`in the way: ${f.path}: ${f.what}\n`);
              const n = stale.length + orphans.length + foreign.length;
              if (n === 0) return 0;
              ctx.io.stderr(`${n} file(s) out of date; run \`${fix}\`${treeRoot === undefined && !profile ? ' and commit the result' : ''}\n`);
              return 1;
            }
            const r = await writeFiles(tree, result.files);
            ctx.io.stdout(`${r.written.length} written, ${r.unchanged.length} unchanged${r.removed.length ? `, ${r.removed.length} removed` : ''}\n`);
            return 0;
          } catch (e) {
            if (e instanceof OutputError) throw new CliError(e.lines);
            throw e;
          }
        }),
      );
  },
};
