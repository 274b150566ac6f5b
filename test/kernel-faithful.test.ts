/**
 * The readers accept what the kernel's restore path accepts: C built on the
 * generated headers writes values the kernel restores although a careful
 * reader would not expect them (flag bits it never tests, a session name
 * without its NUL, bytes after the NUL of a compatible string); `kho-abi
 * decode` reads them as the kernel does, with one warning each naming the
 * kernel function, exit 0; `--strict` refuses them, exit 1. What the kernel
 * refuses (an unknown seal) stays refused.
 */
import { describe, expect, it } from 'vitest';
import { compileAndRun } from './helpers/gcc.js';
import { cli } from './helpers/cli-in-process.js';

const PROGRAM = String.raw`
#include <linux/kho/abi/luo.h>
#include <linux/kho/abi/memfd.h>
#include <stdio.h>
#include <string.h>

static void hex(const char *name, const void *p, size_t n)
{
	const unsigned char *b = p;

	printf("%s ", name);
	for (size_t i = 0; i < n; i++)
		printf("%02x", b[i]);
	printf("\n");
}

int main(void)
{
	struct memfd_luo_folio_ser folio = { .pfn = 0x42, .flags = 0xfff, .index = 7 };
	struct memfd_luo_ser memfd = { .size = 4096, .seals = F_SEAL_SEAL, .flags = 0x80000000u };
	struct luo_session_ser session;
	struct luo_ser root;
	struct memfd_luo_ser sealed = { .seals = 0x40 };

	memset(&session, 'a', sizeof(session.name));
	session.file_set_ser.files = 0;
	session.file_set_ser.count = 0;
	memset(&root, 0, sizeof(root));
	memcpy(root.compatible, LUO_ABI_COMPATIBLE, sizeof(LUO_ABI_COMPATIBLE));
	root.compatible[sizeof(root.compatible) - 1] = 0x7f;
	root.liveupdate_num = 3;
	hex("folio", &folio, sizeof(folio));
	hex("memfd", &memfd, sizeof(memfd));
	hex("session", &session, sizeof(session));
	hex("root", &root, sizeof(root));
	hex("sealed", &sealed, sizeof(sealed));
	return 0;
}
`;

describe('values the kernel accepts, written by C', async () => {
  const out = await compileAndRun(PROGRAM, { pageShift: 12 });
  const bytes = Object.fromEntries(out.trim().split('\n').map((l) => l.split(' ') as [string, string]));

  const decode = (struct: string, hex: string, ...more: string[]) => cli(['decode', struct, '--hex', hex, ...more]);

  it.each([
    ['memfd_luo_folio_ser', 'folio', 'memfd_luo_folio_ser.flags at offset 0: undeclared bits 0xffc set (allowed: 0x3); the kernel accepts this (memfd_luo_retrieve_folios (mm/memfd_luo.c))', { flags: 4095 }],
    ['memfd_luo_ser', 'memfd', 'memfd_luo_ser.flags at offset 20: undeclared bits 0x80000000 set (allowed: 0x0); the kernel accepts this (memfd_luo_retrieve (mm/memfd_luo.c))', { flags: 2147483648 }],
    ['luo_session_ser', 'session', 'luo_session_ser.name at offset 0: no NUL terminator in the 64-byte string; read as its first 63 bytes, as strscpy copies it; the kernel accepts this (luo_session_deserialize via luo_session_alloc (kernel/liveupdate/luo_session.c))', { name: 'a'.repeat(63) }],
    ['luo_ser', 'root', 'luo_ser.compatible at offset 7: byte 0x7f after the NUL of the string; a writer pads with 0; the kernel accepts this (the LUO root check, strncmp over LUO_ABI_COMPAT_LEN (kernel/liveupdate/luo_core.c))', { compatible: 'luo-v5', liveupdate_num: '3' }],
  ])('%s: read with a warning, exit 0; refused with --strict, exit 1', async (struct, key, warning, fields) => {
    const r = await decode(struct, bytes[key]!);
    expect(r.err).toBe(`kho-abi: warning: ${warning}\n`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject(fields);
    const strict = await decode(struct, bytes[key]!, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.out).toBe('');
    expect(strict.err).toMatch(/refused in strict mode\)\n$/);
  });

  it('an unknown seal is refused, as the kernel refuses it (-EOPNOTSUPP)', async () => {
    const r = await decode('memfd_luo_ser', bytes.sealed!);
    expect(r.code).toBe(1);
    expect(r.err).toBe('kho-abi: memfd_luo_ser.seals at offset 16: undeclared bits 0x40 set (allowed: 0x3f)\n');
  });

  it('a luo_ser whose compatible string kho-abi does not know says so', async () => {
    const unknown = Buffer.alloc(32);
    unknown.write('luo-v9');
    const r = await decode('luo_ser', unknown.toString('hex'));
    expect(r.code).toBe(0);
    expect(r.err).toBe('kho-abi: warning: luo_ser.compatible at offset 0: "luo-v9" is no version of luo kho-abi knows (luo-v1, luo-v2, luo-v3, luo-v4, luo-v5, luo-v5;block-v1); a kernel that does not know it refuses the data\n');
  });
});
