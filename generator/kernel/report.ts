/**
 * How diff-kernel and breaking findings are printed: for people (grouped by
 * header, the tree's line beside the schema's), as JSON for tools, and as
 * GitHub workflow commands, which annotate the file in a pull request.
 */
import type { SourceSpan } from '../diagnostics/diagnostic.js';
import { quote } from '../../runtime/quote.js';
import type { DiffReport } from './diff-kernel.js';
import { ABI_DIR } from './probe-tree.js';

export type ReportFormat = 'text' | 'json' | 'github';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'github'];

const at = (s: SourceSpan | undefined): string => (s ? `${s.file}:${s.line}` : '');

/** GitHub workflow commands: data is %-escaped, properties also escape ':' and ','. */
function ghData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function ghProp(s: string): string {
  return ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line: `::error file=F,line=L,title=T::message`, every part escaped. */
export function githubCommand(kind: 'error' | 'warning' | 'notice', props: Readonly<Record<string, string | number | undefined>>, message: string): string {
  const list = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${ghProp(String(v))}`);
  return `::${kind}${list.length ? ` ${list.join(',')}` : ''}::${ghData(message)}`;
}

export function formatDiffReport(r: DiffReport, format: ReportFormat): string {
  if (format === 'json') {
    return JSON.stringify(
      {
        tree: r.tree,
        profile: r.profile ?? null,
        in_sync: r.findings.length === 0,
        headers: r.headers.map((h) => ({
          header: h.header,
          ...(h.unmodelled ? { unmodelled: h.unmodelled } : {}),
          matches: h.matches.map((m) => ({ schema: m.schema, version: m.version ?? null, compatible: m.compatible ?? null, layout_of: m.layoutOf })),
        })),
        findings: r.findings.map((f) => ({
          header: f.header,
          file: `${ABI_DIR}/${f.header}`,
          line: f.line ?? null,
          code: f.code,
          message: f.message,
          schema: f.schemaSpan ? { file: f.schemaSpan.file, line: f.schemaSpan.line, col: f.schemaSpan.col } : null,
        })),
      },
      null,
      2,
    ) + '\n';
  }
  if (format === 'github') {
    const lines = r.findings.map((f) =>
      githubCommand('error', { file: `${ABI_DIR}/${f.header}`, line: f.line, title: `kho-abi ${f.code}` }, f.message + (f.schemaSpan ? ` (schema: ${at(f.schemaSpan)})` : '')),
    );
    lines.push(
      r.findings.length
        ? githubCommand('error', { title: 'kho-abi diff-kernel' }, `${r.findings.length} finding(s): the tree and the schemas differ`)
        : githubCommand('notice', { title: 'kho-abi diff-kernel' }, 'in sync'),
    );
    return lines.join('\n') + '\n';
  }
  const out: string[] = [];
  for (const h of r.headers) {
    const what = h.unmodelled
      ? `not modelled by kho-abi (${h.unmodelled})`
      : h.matches.length === 0
        ? '-'
        : h.matches.map((m) => (m.version ? `${m.version}` : `${m.schema}: no known version${m.compatible !== undefined ? ` (string ${quote(m.compatible)})` : ''}`)).join(', ');
    out.push(`${h.header}: ${what}`);
    for (const f of r.findings.filter((x) => x.header === h.header)) out.push(findingLine(f));
  }
  for (const f of r.findings.filter((x) => !r.headers.some((h) => h.header === x.header))) out.push(`${f.header}: ${findingLine(f).trimStart()}`);
  const n = r.findings.length;
  out.push(n ? `${n} finding(s): ${r.tree} and the schemas${r.profile ? ` (profile ${r.profile})` : ''} differ` : `in sync: ${r.tree} matches the schemas${r.profile ? ` (profile ${r.profile})` : ''}`);
  return out.join('\n') + '\n';
}

function findingLine(f: DiffReport['findings'][number]): string {
  const where = `${ABI_DIR}/${f.header}${f.line ? `:${f.line}` : ''}`;
  const msg = f.message.split('\n');
  return [`  ${where}: error[${f.code}]: ${msg[0]}`, ...msg.slice(1).map((l) => `    | ${l}`), ...(f.schemaSpan ? [`    = schema: ${at(f.schemaSpan)}`] : [])].join('\n');
}
