/**
 * Which project a command works on when --root is not given: the nearest
 * folder, from the working directory up, that holds kho-abi.config.yaml or
 * schemas/kho-abi.schema.json, as git finds its repository from any
 * subfolder. Only existence is tested: nothing is read, and a folder the
 * walk cannot look into ends it.
 */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MARKERS = ['kho-abi.config.yaml', join('schemas', 'kho-abi.schema.json')];

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The project folder holding `cwd`, or undefined when no folder above it is one. */
export function findProjectRoot(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (MARKERS.some((m) => isFile(join(dir, m)))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
