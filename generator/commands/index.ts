/**
 * The commands of `kho-abi`, in the order `--help` lists them, each with
 * the module that defines it. A module is imported only when its command
 * runs (or for --help and an unknown command, all of them), so that a
 * command that needs little, such as decode, never loads the generator.
 * A new command is a module exporting a CliCommand, added here.
 */
import type { CliCommand } from '../cli/context.js';

export interface CommandEntry {
  /** The name the command line gives it. */
  readonly name: string;
  readonly load: () => Promise<CliCommand>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'init', load: async () => (await import('./init.js')).init },
  { name: 'gen', load: async () => (await import('./gen.js')).gen },
  { name: 'validate', load: async () => (await import('./validate.js')).validate },
  { name: 'layout', load: async () => (await import('./layout.js')).layout },
  { name: 'compat', load: async () => (await import('./compat.js')).compat },
  { name: 'decode', load: async () => (await import('./codec.js')).decode },
  { name: 'encode', load: async () => (await import('./codec.js')).encode },
  { name: 'inspect', load: async () => (await import('./inspect.js')).inspect },
  { name: 'image', load: async () => (await import('./image.js')).image },
  { name: 'diff-kernel', load: async () => (await import('./diff-kernel.js')).diffKernelCommand },
  { name: 'breaking', load: async () => (await import('./breaking.js')).breaking },
  { name: 'lock', load: async () => (await import('./lock.js')).lock },
  { name: 'doc', load: async () => (await import('./doc.js')).doc },
];

/** The command argv names: the first word that is not a global option (--root DIR); undefined for none. */
export function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--root') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/** The commands to register for argv: only the one it names, or every one (for --help, an unknown command). */
export async function commandsFor(argv: readonly string[]): Promise<CliCommand[]> {
  const name = commandName(argv);
  const one = COMMANDS.find((c) => c.name === name);
  return Promise.all((one ? [one] : COMMANDS).map((c) => c.load()));
}
