/**
 * The container descriptors and pointer edges generated into generated/ts
 * (the only source of the numbers the runtime's walkers use) against the
 * kernel's measured layouts in test/fixtures/kernel-abi-facts.json, at 4, 16
 * and 64 KiB pages: sizes, member offsets and sizes, array counts, and the
 * constants (KHO_MAX_BLOCKS, KHO_VMALLOC_SIZE, the radix geometry, the FDT
 * property names, LUO_FLB_PGCNT) gcc measured in real kernel headers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KHO_BLOCK_CONTAINER, KHO_BLOCK_HEADER_SER_REFS } from '../generated/ts/block.js';
import { KHO_FDT_CONTAINER } from '../generated/ts/kexec_handover.js';
import { LUO_FILE_SET_SER_REFS, LUO_FLB_PAGE_CONTAINER, LUO_SER_REFS, LUO_SESSION_SER_REFS } from '../generated/ts/luo.js';
import { MEMFD_LUO_SER_REFS } from '../generated/ts/memfd.js';
import { KHO_RADIX_TREE_CONTAINER } from '../generated/ts/radix_tree.js';
import { KHO_VMALLOC_AREA_CONTAINER } from '../generated/ts/vmalloc.js';
import { PAGE_SIZES, type PageSize } from '../generator/layout/ir.js';
import { forPageSize } from '../runtime/index.js';
import { repoRoot } from './helpers/root.js';

interface FactField {
  readonly name: string;
  readonly offset: number;
  readonly size: number;
  readonly array_len?: number;
}
interface FactStruct {
  readonly source: string;
  readonly size: number;
  readonly fields: readonly FactField[];
  readonly by_page_size?: Readonly<Record<string, { readonly size: number; readonly fields: readonly Partial<FactField>[] }>>;
}
interface FactConstant {
  readonly source: string;
  readonly value: number | string;
  readonly by_page_size?: Readonly<Record<string, number | string>>;
}
const facts = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/kernel-abi-facts.json'), 'utf8')) as {
  structs: Record<string, FactStruct[]>;
  constants: Record<string, FactConstant[]>;
};

/** A struct as gcc measured it at a page size: the first measured layout `pick` accepts. */
function struct(name: string, pageSize: PageSize, pick: (s: FactStruct) => boolean = () => true): { size: number; field: (n: string) => FactField } {
  const s = facts.structs[name]?.find(pick);
  if (!s) throw new Error(`no measured layout of ${name}`);
  const at = s.by_page_size?.[String(pageSize)];
  const fields = s.fields.map((f, i) => ({ ...f, ...(at?.fields[i] ?? {}) }) as FactField);
  return {
    size: at?.size ?? s.size,
    field: (n) => {
      const f = fields.find((x) => x.name === n);
      if (!f) throw new Error(`${name} has no measured member ${n}`);
      return f;
    },
  };
}

function constant(name: string, pageSize: PageSize, source?: string): number | string {
  const c = facts.constants[name]?.find((x) => source === undefined || x.source === source);
  if (!c) throw new Error(`no measured value of ${name}`);
  return c.by_page_size?.[String(pageSize)] ?? c.value;
}

const has = (...names: string[]) => (s: FactStruct) => names.every((n) => s.fields.some((f) => f.name === n));
const member = (f: FactField) => ({ name: f.name, offset: f.offset, size: f.size });

describe.each(PAGE_SIZES.map((p) => [p] as const))('the generated descriptors at %i-byte pages are the kernel layout', (pageSize) => {
  it('kho_block: header, next, count, block size, KHO_MAX_BLOCKS', () => {
    const d = forPageSize(KHO_BLOCK_CONTAINER, pageSize);
    const h = struct('kho_block_header_ser', pageSize);
    expect(d.header).toEqual({ name: 'kho_block_header_ser', size: h.size });
    expect(d.next).toEqual(member(h.field('next')));
    expect(d.count).toEqual(member(h.field('count')));
    expect(d.blockSize).toBe(constant('KHO_BLOCK_SIZE', pageSize));
    expect(d.maxBlocks).toBe(constant('KHO_MAX_BLOCKS', pageSize));
  });

  it('kho_vmalloc_area: the descriptor members, the chunk, its capacity KHO_VMALLOC_SIZE', () => {
    const d = forPageSize(KHO_VMALLOC_AREA_CONTAINER, pageSize);
    const v = struct('kho_vmalloc', pageSize);
    expect(d.descriptor.size).toBe(v.size);
    expect([d.descriptor.first, d.descriptor.totalPages, d.descriptor.flags, d.descriptor.order]).toEqual(['first', 'total_pages', 'flags', 'order'].map((n) => member(v.field(n))));
    const c = struct('kho_vmalloc_chunk', pageSize);
    const hdr = struct('kho_vmalloc_hdr', pageSize);
    expect(d.chunk.size).toBe(c.size);
    expect(d.chunk.next).toEqual({ name: 'hdr.next', offset: c.field('hdr').offset + hdr.field('next').offset, size: hdr.field('next').size });
    const phys = c.field('phys');
    expect(d.chunk.entries).toEqual({ ...member(phys), elemSize: phys.size / phys.array_len!, count: phys.array_len });
    expect(d.chunk.entries.count).toBe(constant('KHO_VMALLOC_SIZE', pageSize));
  });

  it('kho_radix_tree: node, leaf and the kho_radix_consts of radix-v1 (the "+1" depth)', () => {
    const d = forPageSize(KHO_RADIX_TREE_CONTAINER, pageSize);
    const node = struct('kho_radix_node', pageSize);
    const leaf = struct('kho_radix_leaf', pageSize);
    const table = node.field('table');
    expect(d.node).toEqual({ name: 'kho_radix_node', size: node.size, table: { ...member(table), elemSize: table.size / table.array_len!, count: table.array_len } });
    expect(d.leaf).toEqual({ name: 'kho_radix_leaf', size: leaf.size, bitmap: member(leaf.field('bitmap')) });
    const radixV1 = 'openSUSE@42897b76:kexec_handover.h';
    expect(d.order0Log2).toBe(constant('KHO_ORDER_0_LOG2', pageSize));
    expect(d.tableSizeLog2).toBe(constant('KHO_TABLE_SIZE_LOG2', pageSize));
    expect(d.bitmapSizeLog2).toBe(constant('KHO_BITMAP_SIZE_LOG2', pageSize));
    expect(d.depth).toBe(constant('KHO_TREE_MAX_DEPTH', pageSize, radixV1));
    expect(2 ** d.pageShift).toBe(pageSize);
  });

  it('luo_flb_page: header, count, pgcnt, entry, LUO_FLB_PGCNT', () => {
    const d = forPageSize(LUO_FLB_PAGE_CONTAINER, pageSize);
    const h = struct('luo_flb_header_ser', pageSize);
    expect(d.header).toEqual({ name: 'luo_flb_header_ser', size: h.size });
    expect(d.count).toEqual(member(h.field('count')));
    expect(d.pagesMember).toEqual(member(h.field('pgcnt')));
    expect(d.entry).toEqual({ name: 'luo_flb_ser', size: struct('luo_flb_ser', pageSize).size });
    expect(d.pages).toBe(constant('LUO_FLB_PGCNT', pageSize));
  });

  it('kho_fdt: the property names of kho-v3 and later, u64s of 8 bytes', () => {
    expect(KHO_FDT_CONTAINER.memoryMap).toEqual({ name: constant('KHO_FDT_MEMORY_MAP_PROP_NAME', pageSize), type: 'u64', size: 8 });
    expect(KHO_FDT_CONTAINER.data).toEqual({ name: constant('KHO_SUB_TREE_PROP_NAME', pageSize), type: 'u64', size: 8 });
    expect(KHO_FDT_CONTAINER.size).toEqual({ name: constant('KHO_SUB_TREE_SIZE_PROP_NAME', pageSize), type: 'u64', size: 8 });
  });

  it('the pointer edges: luo_ser, luo_session_ser (through file_set_ser), luo_file_set_ser, memfd_luo_ser, kho_block_header_ser', () => {
    // luo-v5: the compatible string "luo-v5" in 8 bytes.
    const luo = struct('luo_ser', pageSize, (s) => s.fields[0]?.name === 'compatible' && s.fields[0].size === 8);
    const refs = forPageSize(LUO_SER_REFS, pageSize);
    expect(refs.sessions_pa.member).toEqual(member(luo.field('sessions_pa')));
    expect(refs.flbs_pa.member).toEqual(member(luo.field('flbs_pa')));
    const set = struct('luo_file_set_ser', pageSize);
    expect(forPageSize(LUO_FILE_SET_SER_REFS, pageSize).files).toMatchObject({ member: member(set.field('files')), count: member(set.field('count')), to: 'luo_file_ser' });
    const base = struct('luo_session_ser', pageSize, has('file_set_ser')).field('file_set_ser').offset;
    const edge = forPageSize(LUO_SESSION_SER_REFS, pageSize)['file_set_ser.files'];
    expect(edge.member).toEqual({ name: 'file_set_ser.files', offset: base + set.field('files').offset, size: set.field('files').size });
    expect(edge.count).toEqual({ name: 'file_set_ser.count', offset: base + set.field('count').offset, size: set.field('count').size });
    expect(edge.via).toEqual({ kind: 'block_chain', name: 'kho_block' });
    const memfd = struct('memfd_luo_ser', pageSize, (s) => has('seals')(s) && !has('features')(s));
    const folios = forPageSize(MEMFD_LUO_SER_REFS, pageSize).folios;
    expect(folios).toEqual({ struct: 'memfd_luo_ser', member: member(memfd.field('folios')), to: 'memfd_luo_folio_ser', via: { kind: 'vmalloc_chain', name: 'kho_vmalloc_area' }, count: { ...member(memfd.field('nr_folios')), number: true } });
    expect(KHO_BLOCK_HEADER_SER_REFS.next.member).toEqual(member(struct('kho_block_header_ser', pageSize).field('next')));
  });
});
