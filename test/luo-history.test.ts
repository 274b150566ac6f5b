/**
 * LUO's older versions (issue 10): luo-v1 and luo-v2 keep the LUO state in
 * a sub-FDT, luo-v1 to luo-v3 keep the sessions in a contiguous array,
 * luo-v1 to luo-v4 keep each session's files in one. The old kernel of each
 * version (writeLiveUpdate with LIVEUPDATE_HISTORY_CODECS) and the new
 * kernel of the version the image stores (readLiveUpdate, dispatching on
 * luo_ser.compatible or the sub-FDT's compatible) round-trip random states;
 * the bytes are checked against the measured layouts of
 * test/fixtures/kernel-abi-facts.json and the FDT names of the kernel's
 * headers, not against the codecs; and each corruption a kernel of that
 * version refuses is refused with its structure, field and address.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DecodeError, parseFdt, PhysMem, ReaderLimitError, readKhoFdt, writeFdt, writeKhoFdt, type FdtNode } from '../runtime/index.js';
import { readLiveUpdate, writeLiveUpdate, type FileState, type LiveUpdateState, type SessionState } from '../runtime/liveupdate/index.js';
import { LIVEUPDATE_HISTORY_CODECS as CODECS, LIVEUPDATE_LAYOUT as LAYOUT, LUO_ERAS } from '../lib/liveupdate.js';

const u64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
const printable = (min: number, max: number) => fc.array(fc.integer({ min: 0x20, max: 0x7e }), { minLength: min, maxLength: max }).map((c) => String.fromCharCode(...c));
const VERSIONS = ['luo-v1', 'luo-v2', 'luo-v3', 'luo-v4', 'luo-v5', 'luo-v5;block-v1'] as const;

/** Files the reader keeps as stored (no handler), and memfd files with folios; pfns unique, outside what the writer allocates. */
function stateArb(compatible: string): fc.Arbitrary<LiveUpdateState> {
  const file = fc.oneof(
    fc.record({ compatible: printable(1, 47).filter((s) => s !== 'memfd-v2' && s !== 'huge-memfd-v1'), token: u64, data: u64 }),
    fc.record({ token: u64, pos: u64, size: u64, seals: fc.integer({ min: 0, max: 63 }), idx: fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 51 - 1 }), { maxLength: 3 }) }),
  );
  return fc
    .record({
      num: u64,
      sessions: fc.uniqueArray(fc.record({ name: printable(1, 63), files: fc.array(file, { maxLength: 4 }) }), { selector: (s) => s.name, maxLength: 5 }),
      flbs: fc.uniqueArray(fc.record({ name: printable(1, 47).filter((s) => s !== 'hugetlb-v1'), count: u64, data: u64 }), { selector: (f) => f.name, maxLength: 3 }),
    })
    .map(({ num, sessions, flbs }) => {
      let pfn = 1 << 24;
      const toFile = (f: { token: bigint } & Record<string, unknown>): FileState =>
        'compatible' in f
          ? { compatible: f.compatible as string, token: f.token, data: f.data as bigint }
          : { compatible: 'memfd-v2', token: f.token, state: { fields: { pos: f.pos as bigint, size: f.size as bigint, seals: f.seals as number, flags: 0 }, entries: (f.idx as number[]).map((index) => ({ pfn: pfn++, flags: 3, index })) } };
      const s: SessionState[] = sessions.map((x) => ({ name: x.name, files: x.files.map((f) => toFile(f as { token: bigint } & Record<string, unknown>)) }));
      return { kho: { compatible: 'kho-v4' }, luo: { compatible, liveupdateNum: num, sessions: s, flbs } };
    });
}

const write = (state: LiveUpdateState) => {
  const mem = new PhysMem();
  const { fdt } = writeLiveUpdate(mem, state, LAYOUT, CODECS);
  return { mem, fdt };
};

/** The LUO subtree of a KHO root. */
function luoBlob(fdt: Uint8Array) {
  const root = readKhoFdt(LAYOUT.fdt, fdt);
  const t = root.subtrees.find((x) => x.name === 'LUO')!;
  return { root, t };
}

/** Rewrites the LUO sub-FDT (FDT-era images) and returns the KHO root that names it with its new size. */
function editLuoFdt(mem: PhysMem, fdt: Uint8Array, edit: (n: FdtNode) => FdtNode): Uint8Array {
  const { root, t } = luoBlob(fdt);
  const bytes = writeFdt(edit(parseFdt(mem.read(t.data, Number(t.size)))));
  mem.write(t.data, bytes);
  return writeKhoFdt(LAYOUT.fdt, { compatible: root.compatible, memoryMap: root.memoryMap, subtrees: root.subtrees.map((x) => (x.name === 'LUO' ? { ...x, size: BigInt(bytes.length) } : x)) });
}

const le64 = (v: bigint) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, v, true);
  return b;
};
const u64At = (mem: PhysMem, pa: bigint) => new DataView(mem.read(pa, 8).buffer).getBigUint64(0, true);
const cstr = (mem: PhysMem, pa: bigint, n: number) => {
  const b = mem.read(pa, n);
  return new TextDecoder().decode(b.subarray(0, b.indexOf(0)));
};
const propU64 = (n: FdtNode, name: string) => new DataView(n.props.get(name)!.buffer, n.props.get(name)!.byteOffset, 8).getBigUint64(0, true);
const propStr = (n: FdtNode, name: string) => new TextDecoder().decode(n.props.get(name)!).replace(/\0$/, '');

/** Measured layouts (gcc on the kernel's own headers), not the codecs. */
const facts = JSON.parse(readFileSync(new URL('./fixtures/kernel-abi-facts.json', import.meta.url), 'utf8')) as {
  structs: Record<string, { sources: string[]; size: number; fields: { name: string; offset: number }[] }[]>;
  constants: Record<string, { sources: string[]; value: string | number }[]>;
};
const layoutIn = (struct: string, source: string) => {
  const e = facts.structs[struct]!.find((x) => x.sources.includes(source))!;
  return { size: e.size, at: Object.fromEntries(e.fields.map((f) => [f.name, f.offset])) as Record<string, number> };
};
const constantIn = (name: string, source: string) => facts.constants[name]!.find((x) => x.sources.includes(source))!.value;

const SMALL: LiveUpdateState = {
  kho: { compatible: 'kho-v4' },
  luo: {
    compatible: '',
    liveupdateNum: 7n,
    sessions: [
      { name: 'alpha', files: [{ compatible: 'x-handler', token: 11n, data: 0x1234n }] },
      { name: 'beta', files: [] },
    ],
    flbs: [{ name: 'some-flb', count: 2n, data: 99n }],
  },
};
const small = (compatible: string): LiveUpdateState => ({ ...SMALL, luo: { ...SMALL.luo!, compatible } });

describe('LUO versions as data', () => {
  it('knows luo-v1 to luo-v5 and the composite, each with its root and list containers', () => {
    expect(LUO_ERAS.map((e) => [e.compatible, e.root.kind, e.lists.sessions.name, e.lists.files.name])).toEqual([
      ['luo-v1', 'fdt_nodes', 'luo_session_array', 'luo_file_array'],
      ['luo-v2', 'fdt_header', 'luo_session_array', 'luo_file_array'],
      ['luo-v3', 'luo_ser', 'luo_session_array', 'luo_file_array'],
      ['luo-v4', 'luo_ser', 'kho_block', 'luo_file_array'],
      ['luo-v5', 'luo_ser', 'kho_block', 'kho_block'],
      ['luo-v5;block-v1', 'luo_ser', 'kho_block', 'kho_block'],
    ]);
  });
});

describe('every LUO version round-trips', () => {
  for (const v of VERSIONS) {
    it(`${v}: random states written by that version's old kernel read back equal, dispatched on the stored string`, () => {
      fc.assert(
        fc.property(stateArb(v), (state) => {
          const { mem, fdt } = write(state);
          const back = readLiveUpdate(mem, fdt, LAYOUT, CODECS);
          expect(back.state.luo).toEqual({ ...state.luo, sessions: [...state.luo!.sessions] });
        }),
        { numRuns: 25 },
      );
    });
  }

  it('a version nobody knows is refused by the writer', () => {
    expect(() => write(small('luo-v9'))).toThrow(/no known LUO version stores 'luo-v9'/);
  });
});

describe('the bytes each version writes match the kernel headers', () => {
  it('luo-v1: a sub-FDT with liveupdate-number and nodes luo-session, luo-flb (torvalds cab056f2)', () => {
    const src = 'torvalds@cab056f2:luo.h';
    const { mem, fdt } = write(small('luo-v1'));
    const { t } = luoBlob(fdt);
    const sub = parseFdt(mem.read(t.data, Number(t.size)));
    expect(propStr(sub, 'compatible')).toBe(constantIn('LUO_FDT_COMPATIBLE', src));
    expect(propU64(sub, constantIn('LUO_FDT_LIVEUPDATE_NUM', src) as string)).toBe(7n);
    const session = sub.children.find((c) => c.name === constantIn('LUO_FDT_SESSION_NODE_NAME', src))!;
    expect(propStr(session, 'compatible')).toBe(constantIn('LUO_FDT_SESSION_COMPATIBLE', src));
    const flb = sub.children.find((c) => c.name === constantIn('LUO_FDT_FLB_NODE_NAME', src))!;
    expect(propStr(flb, 'compatible')).toBe(constantIn('LUO_FDT_FLB_COMPATIBLE', src));
    const header = propU64(session, constantIn('LUO_FDT_SESSION_HEADER', src) as string);
    const hs = layoutIn('luo_session_header_ser', src);
    const ss = layoutIn('luo_session_ser', src);
    const fs = layoutIn('luo_file_ser', src);
    expect(u64At(mem, header + BigInt(hs.at.count!))).toBe(2n);
    const second = header + BigInt(hs.size + ss.size);
    expect(cstr(mem, second + BigInt(ss.at.name!), 64)).toBe('beta');
    const first = header + BigInt(hs.size);
    const files = u64At(mem, first + BigInt(ss.at.file_set_ser!));
    expect(u64At(mem, first + BigInt(ss.at.file_set_ser!) + 8n)).toBe(1n);
    expect(cstr(mem, files + BigInt(fs.at.compatible!), 48)).toBe('x-handler');
    expect(u64At(mem, files + BigInt(fs.at.token!))).toBe(11n);
    // A session array is LUO_SESSION_PGCNT pages: all of them preserved (16, luo_session.c of that era).
    expect(Number(constantIn('LUO_SESSION_PGCNT', 'unattributed-id1975587945:luo_session.c'))).toBe(16);
    const flbHeader = propU64(flb, constantIn('LUO_FDT_FLB_HEADER', src) as string);
    expect(u64At(mem, flbHeader + 8n)).toBe(1n);
  });

  it('luo-v2: a sub-FDT whose luo-abi-header holds the address of a 24-byte luo_ser (tatashin 58a411cd layout)', () => {
    const { mem, fdt } = write(small('luo-v2'));
    const { t } = luoBlob(fdt);
    const sub = parseFdt(mem.read(t.data, Number(t.size)));
    expect(propStr(sub, 'compatible')).toBe('luo-v2');
    const luoSer = propU64(sub, constantIn('LUO_FDT_ABI_HEADER', 'tatashin@58a411cd:luo.h') as string);
    const ls = layoutIn('luo_ser', 'tatashin@58a411cd:luo.h');
    expect(ls.size).toBe(24);
    expect(u64At(mem, luoSer + BigInt(ls.at.liveupdate_num!))).toBe(7n);
    const sessions = u64At(mem, luoSer + BigInt(ls.at.sessions_pa!));
    expect(u64At(mem, sessions)).toBe(2n);
    expect(cstr(mem, sessions + 8n, 64)).toBe('alpha');
  });

  it('luo-v3 and luo-v4: a raw luo_ser blob with its compatible; sessions in an array (v3) or a kho_block chain (v4), files in an array', () => {
    const ls = layoutIn('luo_ser', 'openSUSE@cf071b35:luo.h');
    for (const v of ['luo-v3', 'luo-v4']) {
      const { mem, fdt } = write(small(v));
      const { t } = luoBlob(fdt);
      expect(t.size).toBe(BigInt(ls.size));
      expect(cstr(mem, t.data + BigInt(ls.at.compatible!), 8)).toBe(v);
      const sessions = u64At(mem, t.data + BigInt(ls.at.sessions_pa!));
      // v3: {count} then entries; v4: kho_block {next, count} then entries.
      const first = v === 'luo-v3' ? sessions + 8n : sessions + 16n;
      expect(u64At(mem, v === 'luo-v3' ? sessions : sessions + 8n)).toBe(2n);
      expect(cstr(mem, first, 64)).toBe('alpha');
      const files = u64At(mem, first + 64n);
      expect(cstr(mem, files, 48)).toBe('x-handler');
    }
  });
});

describe('what each version refuses', () => {
  const read = (mem: PhysMem, fdt: Uint8Array) => readLiveUpdate(mem, fdt, LAYOUT, CODECS);
  const refusal = (f: () => unknown): DecodeError => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(DecodeError);
      return e as DecodeError;
    }
    throw new Error('not refused');
  };

  it('luo-v2: a sub-FDT of an unknown version (luo_early_startup, -EINVAL)', () => {
    const { mem, fdt } = write(small('luo-v2'));
    const bad = editLuoFdt(mem, fdt, (n) => ({ ...n, props: new Map([...n.props, ['compatible', new TextEncoder().encode('luo-v9\0')]]) }));
    const e = refusal(() => read(mem, bad));
    expect([e.struct, e.field]).toEqual(['luo fdt', 'compatible']);
    expect(e.message).toMatch(/'luo-v9'.*luo_early_startup/);
  });

  it('luo-v2: luo-abi-header that is not 8 bytes (luo_early_startup, -EINVAL)', () => {
    const { mem, fdt } = write(small('luo-v2'));
    const bad = editLuoFdt(mem, fdt, (n) => ({ ...n, props: new Map([...n.props, ['luo-abi-header', new Uint8Array(4)]]) }));
    const e = refusal(() => read(mem, bad));
    expect([e.struct, e.field]).toEqual(['luo fdt', 'luo-abi-header']);
    expect(e.message).toMatch(/4 bytes, not 8.*-EINVAL/);
  });

  it('luo-v1: a session node of another version, a missing FLB node (luo_session_setup_incoming, luo_flb_setup_incoming)', () => {
    const { mem, fdt } = write(small('luo-v1'));
    const wrongSession = editLuoFdt(mem, fdt, (n) => ({ ...n, children: n.children.map((c) => (c.name === 'luo-session' ? { ...c, props: new Map([...c.props, ['compatible', new TextEncoder().encode('luo-session-v1\0')]]) } : c)) }));
    const e = refusal(() => read(mem, wrongSession));
    expect([e.struct, e.field]).toEqual(['luo fdt luo-session', 'compatible']);
    expect(e.message).toMatch(/luo_session_setup_incoming/);
    const again = write(small('luo-v1'));
    const noFlb = editLuoFdt(again.mem, again.fdt, (n) => ({ ...n, children: n.children.filter((c) => c.name !== 'luo-flb') }));
    const f = refusal(() => read(again.mem, noFlb));
    expect(f.field).toBe('luo-flb');
    expect(f.message).toMatch(/-ENOENT, luo_flb_setup_incoming/);
  });

  it('luo-v1: liveupdate-number that is not 8 bytes (luo_early_startup, -EINVAL)', () => {
    const { mem, fdt } = write(small('luo-v1'));
    const bad = editLuoFdt(mem, fdt, (n) => ({ ...n, props: new Map([...n.props, ['liveupdate-number', new Uint8Array(9)]]) }));
    const e = refusal(() => read(mem, bad));
    expect([e.struct, e.field]).toEqual(['luo fdt', 'liveupdate-number']);
  });

  it('luo-v4: a LUO blob smaller than its luo_ser', () => {
    const { mem, fdt } = write(small('luo-v4'));
    const { root, t } = luoBlob(fdt);
    const short = writeKhoFdt(LAYOUT.fdt, { compatible: root.compatible, memoryMap: root.memoryMap, subtrees: root.subtrees.map((x) => (x.name === 'LUO' ? { ...x, size: 31n } : x)) });
    const e = refusal(() => read(mem, short));
    expect([e.struct, e.address]).toEqual(['luo_ser', t.data]);
    expect(e.message).toMatch(/31 bytes, smaller than luo_ser of luo-v4 \(32\)/);
  });

  it('a session without a file array but with a count: the kernel warns and goes on (luo_file_deserialize, WARN_ON)', () => {
    const { mem, fdt } = write(small('luo-v3'));
    const sessionsPa = u64At(mem, luoBlob(fdt).t.data + 16n);
    const beta = sessionsPa + 8n + 80n;
    mem.write(beta + 72n, le64(3n));
    const back = readLiveUpdate(mem, fdt, LAYOUT, CODECS, { warnings: [] });
    expect(back.state.luo!.sessions.map((x) => x.name)).toEqual(['alpha', 'beta']);
    expect(back.warnings.map((w) => [w.code, w.field, w.address])).toContainEqual(['luo-files-count-without-files', 'file_set_ser.count', beta + 72n]);
    expect(() => readLiveUpdate(mem, fdt, LAYOUT, CODECS, { strict: true })).toThrow(DecodeError);
  });

  it('luo-v3: a luo_ser.compatible no version stores', () => {
    const { mem, fdt } = write(small('luo-v3'));
    const { t } = luoBlob(fdt);
    mem.write(t.data, new TextEncoder().encode('luo-v7\0'));
    const e = refusal(() => read(mem, fdt));
    expect([e.struct, e.field, e.address]).toEqual(['luo_ser', 'compatible', t.data]);
  });

  it('a session count past the session array (luo-v1 to luo-v3: the kernel does not bound it)', () => {
    for (const v of ['luo-v1', 'luo-v2', 'luo-v3']) {
      const { mem, fdt } = write(small(v));
      const state = read(mem, fdt);
      expect(state.state.luo!.sessions).toHaveLength(2);
      // Find the array through the bytes: every version's header is the first u64 of the array.
      const sessionsPa = v === 'luo-v3' ? u64At(mem, luoBlob(fdt).t.data + 16n) : v === 'luo-v2' ? u64At(mem, propU64(parseFdt(mem.read(luoBlob(fdt).t.data, Number(luoBlob(fdt).t.size))), 'luo-abi-header') + 8n) : propU64(parseFdt(mem.read(luoBlob(fdt).t.data, Number(luoBlob(fdt).t.size))).children.find((c) => c.name === 'luo-session')!, 'luo-session-header');
      mem.write(sessionsPa, le64(820n)); // (16 * 4096 - 8) / 80 = 819 fit
      const e = refusal(() => read(mem, fdt));
      expect(e).toBeInstanceOf(ReaderLimitError);
      expect([e.struct, e.field, e.offset, e.address]).toEqual(['luo_session_header_ser', 'count', 0, sessionsPa]);
      expect(e.message).toMatch(/820 is more entries than the 16 preserved page\(s\) hold/);
    }
  });

  it('a file count past the file array (luo-v1 to luo-v4)', () => {
    for (const v of ['luo-v2', 'luo-v4']) {
      const { mem, fdt } = write(small(v));
      const luoSer = v === 'luo-v4' ? luoBlob(fdt).t.data : propU64(parseFdt(mem.read(luoBlob(fdt).t.data, Number(luoBlob(fdt).t.size))), 'luo-abi-header');
      const sessionsPa = u64At(mem, luoSer + (v === 'luo-v4' ? 16n : 8n));
      const alpha = sessionsPa + (v === 'luo-v4' ? 16n : 8n);
      mem.write(alpha + 72n, le64(129n)); // 2 pages of 64-byte entries hold 128
      const e = refusal(() => read(mem, fdt));
      expect([e.struct, e.field, e.offset, e.address]).toEqual(['luo_session_ser', 'file_set_ser.count', 72, alpha + 72n]);
    }
  });

  it('an array on a page the memory map does not preserve (kho_restore_page)', () => {
    const { mem, fdt } = write(small('luo-v2'));
    const sub = parseFdt(mem.read(luoBlob(fdt).t.data, Number(luoBlob(fdt).t.size)));
    const luoSer = propU64(sub, 'luo-abi-header');
    const elsewhere = 0x4000_0000n;
    mem.map(elsewhere, 4096);
    mem.write(luoSer + 8n, le64(elsewhere));
    const e = refusal(() => read(mem, fdt));
    expect([e.struct, e.address]).toEqual(['luo_session_header_ser', elsewhere]);
    expect(e.message).toMatch(/does not preserve/);
  });

  it('two sessions of one name in an array (luo_session_insert, -EEXIST)', () => {
    const { mem, fdt } = write(small('luo-v3'));
    const sessionsPa = u64At(mem, luoBlob(fdt).t.data + 16n);
    mem.write(sessionsPa + 8n + 80n, new TextEncoder().encode('alpha\0'));
    const e = refusal(() => read(mem, fdt));
    expect([e.struct, e.field, e.address]).toEqual(['luo_session_ser', 'name', sessionsPa + 8n + 80n]);
    expect(e.message).toMatch(/-EEXIST/);
  });
});
