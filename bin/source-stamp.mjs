// The stamp of a checkout's build: one hash of every file dist/ is built
// from (the TypeScript kho-abi compiles, the generated codecs it imports,
// the files the build copies, the compiler settings). bin/build.mjs writes
// it into dist/ last; bin/kho-abi.mjs runs dist/ only while the sources
// still hash to it, and the sources through tsx otherwise. Not in the
// package: an installed kho-abi has no sources and always runs dist/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Folders and files whose content goes into dist/. */
const INPUTS = ['generator', 'runtime', 'lib', 'generated/ts', 'templates', 'schemas/kho-abi.schema.json', 'profiles/profile.schema.json', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

export const STAMP = join(root, 'dist', 'build-stamp.json');

// Paths are joined by hand ('/' is a separator on every platform node runs on): path.join, cold,
// was most of the check's time, and the check runs before every command of a checkout.
const abs = (rel) => `${root}/${rel}`;

/** Regular files under a folder (or the file itself), sorted; links are not followed. */
function files(rel) {
  let entries;
  try {
    entries = readdirSync(abs(rel), { withFileTypes: true });
  } catch (e) {
    if (e.code === 'ENOTDIR') return [rel];
    if (e.code === 'ENOENT') return [];
    throw e;
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((d) => (d.isDirectory() ? files(`${rel}/${d.name}`) : d.isFile() ? [`${rel}/${d.name}`] : []));
}

/** The build's input files, each with its size and modification time. */
function listing() {
  return INPUTS.flatMap(files).map((rel) => {
    const st = statSync(abs(rel));
    return [rel, st.size, st.mtimeMs];
  });
}

/** The hash of the build's inputs as they are now. */
export function sourceHash(list = listing()) {
  // Loaded here, not at the top: the usual check (sizes and times unchanged) hashes nothing, and
  // node:crypto is a noticeable share of a decode's start-up.
  const { createHash } = createRequire(import.meta.url)('node:crypto');
  const hash = createHash('sha256');
  for (const [rel] of list) {
    hash.update(`${rel}\0`);
    hash.update(readFileSync(abs(rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The stamp's text: the hash, and the listing that lets a later check skip reading unchanged files. */
export function stampText() {
  const list = listing();
  return JSON.stringify({ hash: sourceHash(list), files: list }) + '\n';
}

/**
 * Whether dist/ was built from the sources as they are now: every file of
 * the stamp's listing is there with the same size and modification time
 * (as git's index tells an unchanged file), or else the content hashes the same.
 */
export function distIsCurrent() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return false;
  }
  const list = listing();
  const same = Array.isArray(stamp.files) && stamp.files.length === list.length && list.every(([rel, size, mtime], i) => {
    const s = stamp.files[i];
    return s[0] === rel && s[1] === size && s[2] === mtime;
  });
  return same || stamp.hash === sourceHash(list);
}
