/**
 * Generated TypeScript goes through prettier with fixed options, so it reads
 * like hand-formatted code and the same IR always gives the same bytes.
 */
import type { EmittedFile } from './emitted-file.js';

const OPTIONS = { parser: 'typescript', printWidth: 120, singleQuote: true, trailingComma: 'all', semi: true } as const;

export async function formatTsFiles(files: readonly EmittedFile[]): Promise<EmittedFile[]> {
  const prettier = await import('prettier');
  return Promise.all(files.map(async (f) => (f.path.endsWith('.ts') ? { path: f.path, content: await prettier.format(f.content, OPTIONS) } : f)));
}
