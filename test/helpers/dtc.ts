/**
 * Whether dtc (device-tree-compiler) is installed, for the tests that check
 * FDTs against libfdt. Without it those cases are skipped with a note; in CI
 * its absence is an error, since .ci/run installs it.
 */
import { spawnSync } from 'node:child_process';

export function dtcAvailable(testFile: string): boolean {
  const present = spawnSync('dtc', ['--version'], { stdio: 'pipe' }).status === 0;
  if (!present && process.env.CI) throw new Error('dtc is missing: CI must install device-tree-compiler (see .ci/run)');
  if (!present) console.warn(`${testFile}: dtc not installed (apt-get install device-tree-compiler); the libfdt cross-checks are skipped`);
  return present;
}
