/**
 * A refusal: the input (arguments, files, stdin) is wrong. The command line
 * prints each line as `kho-abi: <line>` on stderr and exits 1. Anything else
 * thrown is a bug in kho-abi and exits 2.
 */
export class CliError extends Error {
  readonly lines: readonly string[];
  constructor(lines: string | readonly string[]) {
    const all = typeof lines === 'string' ? [lines] : lines;
    super(all.join('\n'));
    this.name = 'CliError';
    this.lines = all;
  }
}
