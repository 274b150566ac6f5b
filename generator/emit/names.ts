/** How schema names become C names: one place, so every emitter agrees. */

/** The schema whose header carries KHO_SUB_COMPAT and KHO_COMPAT_ALIGN. */
export const COMPAT_SCHEMA = 'compat';

export function headerPath(schema: string): string {
  return `include/linux/kho/abi/${schema}.h`;
}

export function includeName(schema: string): string {
  return `linux/kho/abi/${schema}.h`;
}

export function includeGuard(schema: string): string {
  return `_LINUX_KHO_ABI_${schema.toUpperCase()}_H`;
}

/** A C string literal; schemas hold printable ASCII, but escape anyway. */
export function cString(s: string): string {
  return '"' + s.replace(/[\\"]/g, (c) => '\\' + c).replace(/[^\x20-\x7e]/g, (c) => '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0')) + '"';
}

/** Columns a line takes with kernel tabs of 8. */
export function visualWidth(line: string): number {
  let col = 0;
  for (const ch of line) col = ch === '\t' ? (Math.floor(col / 8) + 1) * 8 : col + 1;
  return col;
}
