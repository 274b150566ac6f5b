/**
 * The shape of a schema document once it has passed the schema language
 * (schemas/kho-abi.schema.json); nothing here is checked beyond that.
 */
type ExprValue = string | number;

export interface RawSchema {
  schema: string;
  header?: string;
  defined_in?: string;
  spdx: string;
  title: string;
  doc: string;
  includes?: string[];
  component?: RawComponent;
  externals?: { name: string; value?: ExprValue; string?: string; header: string; doc?: string }[];
  constants?: { name: string; value?: ExprValue; string?: string; doc?: string; in?: string[]; variants?: { in: string[]; text?: string; string?: string; value?: ExprValue }[] }[];
  macros?: RawMacro[];
  order?: string[];
  enums?: { name: string; doc?: string; values: { name: string; value?: ExprValue; doc?: string; in?: string[]; variants?: { in: string[]; value: ExprValue }[] }[] }[];
  structs?: RawStruct[];
  containers?: RawContainer[];
  asserts?: { expr: ExprValue; text?: string; message?: string; after?: string; in?: string[]; helper?: boolean }[];
}

export interface RawMacro {
  name: string;
  params?: string[];
  body: string;
  ifdef?: string;
  doc?: string;
  in?: string[];
}

export interface RawComponent {
  name: string;
  macro?: string;
  base_macro?: string;
  doc?: string;
  current: string;
  stored_in?: string;
  version_member?: string;
  feature_bits?: { name: string; bit: number; doc?: string }[];
  feature_masks?: string;
  versions: {
    id: string;
    compatible?: string;
    macro?: string;
    number?: number;
    compose?: boolean;
    variant_of?: string;
    subcomponents?: string[];
    features?: { supported?: string[]; required?: string[]; active?: string[] };
    source?: VersionSource;
    doc?: string;
  }[];
}

export interface RawStruct {
  name: string;
  doc?: string;
  packed?: boolean;
  size?: ExprValue;
  section?: string;
  in?: string[];
  fields: RawField[];
}

export interface RawField {
  name?: string;
  doc?: string;
  type?: string;
  ctype?: string;
  count?: ExprValue;
  flexible?: true;
  string_size?: ExprValue;
  bits?: { name: string; lsb: number; width: number; doc?: string; allowed?: ExprValue; kernel?: RawKernelCheck }[];
  bitmap?: ExprValue;
  khoser?: string;
  pointer?: string;
  union?: RawField[];
  ref?: { to?: string; via?: string; count?: string };
  allowed?: ExprValue;
  equals?: ExprValue;
  holds?: string;
  at_most?: string;
  as_number?: { max: ExprValue; by: string };
  kernel?: RawKernelCheck;
  in?: string[];
}

/** What the kernel does with a value a check refuses, and where. */
export interface RawKernelCheck {
  does: 'refuse' | 'ignore' | 'truncate';
  by: string;
}

interface RawFdtProperty {
  name: string;
  type: 'u64' | 'string';
  role?: 'memory_map' | 'data' | 'size';
  ref?: { to?: string; via?: string; count?: string };
  optional?: boolean;
  doc?: string;
}

export interface RawContainer {
  name: string;
  doc?: string;
  version?: string;
  block_chain?: { header: string; next: string; count: string; block_size: ExprValue; max_blocks: ExprValue; entry_size_member?: string; block_size_member?: string };
  vmalloc_chain?: { descriptor: string; first: string; total_pages: string; flags: string; order: string; chunk: string; next: string; entries: string };
  fdt_nodes?: { compatible: string; node_compatible: string; node_properties: { property: string; type: 'u64'; role?: 'start' | 'size'; doc?: string }[] };
  bitmap_chain?: { chunk: string; next: string; order: string; count: string; entries: string; start: string; bitmap: string };
  radix_tree?: { node: string; leaf: string; depth: ExprValue; order0_log2: ExprValue; table_size_log2: ExprValue; bitmap_size_log2: ExprValue };
  page_array?: { header?: string; count?: string; pages_member?: string; entry: string; pages: ExprValue };
  array_chain?: { node: string; next: string; count: string; entries: string; node_size: ExprValue; skip_member?: string; skip_mask?: ExprValue };
  fdt?: { compatible: string; properties?: RawFdtProperty[]; node_properties?: RawFdtProperty[]; services?: string[] };
  sparse_array?: {
    descriptor: string;
    magic: string;
    version: string;
    first: string;
    page: string;
    next: string;
    start: string;
    entries: string;
    page_size: ExprValue;
    capacity: ExprValue;
    magic_value: ExprValue;
    version_value: ExprValue;
    value_tag: ExprValue;
    value_shift: ExprValue;
  };
  dictionary?: {
    header: string;
    magic: string;
    version: string;
    entries: string;
    count: string;
    entry: string;
    name: string;
    type: string;
    entry_version: string;
    address: string;
    via: string;
    magic_value: ExprValue;
    version_value: ExprValue;
  };
}

/** Where a version was read from: a tree, or a posted patch. */
export interface VersionSource {
  repo?: string;
  path?: string;
  commit?: string;
  list?: string;
  subject?: string;
  date?: string;
  message_id?: string;
  note?: string;
}
