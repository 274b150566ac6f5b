/**
 * `kho-abi breaking`: what a change to the schemas does to versions that
 * existed before it. Every version of the old schema set is compared, at
 * every page size, with the version of the same id in the new set; a
 * difference is breaking unless it cannot change what a reader sees.
 */
import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { AbiIR } from '../layout/ir.js';
import type { Model } from '../model/model.js';
import { NON_BREAKING, type RuleCode } from './compare.js';
import { spanOfDifference } from './locate.js';
import { currentVersions, lockedChanges } from './lock.js';
import { compareVersions } from './compare.js';

export interface BreakingFinding {
  readonly schema: string;
  readonly version: string;
  readonly code: RuleCode;
  readonly breaking: boolean;
  readonly message: string;
  /** Where the new schemas say it; absent when the thing is gone. */
  readonly span?: SourceSpan;
}


export function breakingChanges(before: readonly AbiIR[], after: readonly AbiIR[], afterModel?: Model): BreakingFinding[] {
  const old = currentVersions(before);
  const now = currentVersions(after);
  const out: BreakingFinding[] = [];
  for (const [id, was] of old) {
    const is = now.get(id);
    const diffs = lockedChanges(was, is);
    // constant-added is filtered by lockedChanges; report it as information here.
    if (is) for (const d of compareVersions(was, is)) if (d.code === 'constant-added') diffs.push(d);
    const composite = after.flatMap((ir) => ir.schemas.flatMap((sc) => sc.versions)).find((v) => v.id === id && v.compose);
    if (is && composite && was.compatible === is.compatible) {
      for (const sub of composite.subcomponents) {
        const subOld = [...old.values()].find((v) => v.schema === sub.schema && v.compatible === sub.compatible);
        const subNow = [...now.values()].find((v) => v.schema === sub.schema && v.compatible === sub.compatible);
        if (subOld && subNow && lockedChanges(subOld, subNow).length) {
          diffs.push({ code: 'composite-not-following', message: `sub-component ${subNow.id} ("${sub.compatible}") changed, but the compatible string "${is.compatible}" of ${id} did not` });
        }
      }
    }
    for (const d of diffs) {
      const span = spanOfDifference(afterModel, was.schema, d, id);
      out.push({ schema: was.schema, version: id, code: d.code, breaking: !NON_BREAKING.has(d.code), message: d.message, ...(span ? { span } : {}) });
    }
  }
  return out;
}
