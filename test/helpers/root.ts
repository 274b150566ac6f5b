import { fileURLToPath } from 'node:url';

/** The repository root: this file lives in <root>/test/helpers. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
