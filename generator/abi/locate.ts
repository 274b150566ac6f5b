/**
 * Where the schemas say what a difference is about: the member, the struct,
 * the constant, or else the version (or component) it belongs to. Shared by
 * the lock check, breaking and diff-kernel, so that every finding points at
 * the same schema line for the same thing.
 */
import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { Model } from '../model/model.js';
import type { Difference } from './compare.js';

export function spanOfDifference(model: Model | undefined, schemaName: string, d: Pick<Difference, 'struct' | 'member'> | undefined, version?: string): SourceSpan | undefined {
  const schema = model?.schemas.find((s) => s.name === schemaName);
  if (!schema) return undefined;
  if (d?.struct) {
    const st = schema.structs.find((s) => s.name === d.struct) ?? model!.schemas.flatMap((s) => s.structs).find((s) => s.name === d.struct);
    if (st) {
      const members = st.fields.flatMap((f) => (f.shape === 'bits' ? f.bits.map((b) => ({ name: b.name as string | undefined, span: b.span })) : [{ name: f.name, span: f.span }]));
      return members.find((m) => m.name !== undefined && m.name === d.member)?.span ?? st.span;
    }
  }
  if (d?.member) {
    const c = schema.constants.find((x) => x.name === d.member);
    if (c) return c.span;
    const en = schema.enums.flatMap((e) => e.values).find((x) => x.name === d.member);
    if (en) return en.span;
  }
  return (version ? schema.component?.versions.find((v) => v.id === version)?.span : undefined) ?? schema.component?.span ?? { file: schema.file.path, line: 1, col: 1, length: 1 };
}
