/**
 * `kho-abi init [DIR]`: a new project: kho-abi.config.yaml (the generated
 * TypeScript imports the installed package's runtime), schemas/ with the
 * schema language beside a first schema to edit. It creates files only
 * where nothing is (an existing file is never replaced).
 */
import { lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import type { CliCommand, CliContext } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { describeFsError } from '../cli/fs-error.js';
import { SCHEMA_LANGUAGE_PATH } from '../source/validate.js';
import { escapeText } from '../../runtime/quote.js';

const CONFIG = `# kho-abi project configuration.
#
# runtime_import: what the generated TypeScript (generated/ts) imports the
# runtime from: the installed package's codec entry point (kho-abi/runtime
# serves too, and loads the container walkers as well).
# default_profile: the kernel tree (profiles/<name>.yaml) diff-kernel and
# gen --out compare with or write for when --profile is not given.
runtime_import: kho-abi/runtime/codec
`;

const FIRST_SCHEMA = `# yaml-language-server: $schema=./kho-abi.schema.json
schema: example
spdx: GPL-2.0
title: Example preserved state
doc: |
  A first schema to edit: one component whose compatible string versions the
  layout of struct example_ser. Rename the file and the schema together.

component:
  name: example
  macro: EXAMPLE_COMPATIBLE
  current: example-v1
  doc: The compatible string a reader checks before it trusts the layout.
  versions:
    - id: example-v1
      compatible: example-v1
      doc: The first layout.

structs:
  - name: example_ser
    packed: true
    doc: The state one object preserves across kexec.
    fields:
      - name: count
        type: u64
        doc: Number of items.
      - name: flags
        type: u32
        allowed: 0x1
        doc: Bit 0 marks the state as complete; other bits are refused.
      - name: reserved
        type: u32
        doc: Written as 0.
`;

export const init: CliCommand = {
  register(program: Command, ctx: CliContext): void {
    program
      .command('init')
      .description('start a project in DIR (default: the working directory): kho-abi.config.yaml and schemas/ with a first schema')
      .argument('[dir]', 'the project folder', '.')
      .action(
        ctx.action((dir: string) => {
          const root = resolvePath(ctx.io.cwd, dir);
          const files: [string, string][] = [
            ['kho-abi.config.yaml', CONFIG],
            [join('schemas', 'kho-abi.schema.json'), readFileSync(SCHEMA_LANGUAGE_PATH, 'utf8')],
            [join('schemas', 'example.yaml'), FIRST_SCHEMA],
          ];
          try {
            mkdirSync(root, { recursive: true });
            // schemas/ is made here or must be a real folder: a link would carry the files out of the project.
            const schemas = join(root, 'schemas');
            if (lstatSync(schemas, { throwIfNoEntry: false })?.isSymbolicLink()) throw new CliError(`${escapeText(dir)}: schemas/ is a symbolic link; init writes only into a real folder`);
            mkdirSync(schemas, { recursive: true });
          } catch (e) {
            if (e instanceof CliError) throw e;
            throw new CliError(`${escapeText(dir)}: cannot create schemas/: ${describeFsError(e)}`);
          }
          const made: string[] = [];
          for (const [rel, content] of files) {
            try {
              // 'wx': created here, or not at all; a file already there is the user's.
              writeFileSync(join(root, rel), content, { flag: 'wx' });
              made.push(rel);
            } catch (e) {
              const code = (e as NodeJS.ErrnoException).code;
              throw new CliError([
                ...(made.length ? [`created ${made.join(', ')}`] : []),
                code === 'EEXIST' ? `${escapeText(rel)} exists already; init never replaces a file (this folder may be a project already)` : `${escapeText(rel)}: ${describeFsError(e)}`,
              ]);
            }
          }
          ctx.io.stdout(`created ${made.join(', ')}\nnext: edit schemas/example.yaml, then run kho-abi gen\n`);
          return 0;
        }),
      );
  },
};
