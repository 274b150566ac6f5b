/**
 * The C string readers and writer take a short path for ASCII (a table of
 * recently read strings; bytes written in place) and the UTF-8 path for the
 * rest. Both must give what the plain reading of the bytes gives: the
 * reference here is TextDecoder/TextEncoder over the array, written out in
 * the test, not the runtime's code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError, EncodeError } from '../runtime/errors.js';
import { readCString, readCStringPadded, readCStringTruncating, writeCString } from '../runtime/primitives.js';

const SIZE = 12;
const reference = new TextDecoder('utf-8', { fatal: true });

/** What the array holds by the C rule: the bytes before the first NUL as UTF-8; null without a NUL or for bytes that are not UTF-8. */
function expected(bytes: Uint8Array): string | null {
  const nul = bytes.indexOf(0);
  if (nul < 0) return null;
  try {
    return reference.decode(bytes.slice(0, nul));
  } catch {
    return null;
  }
}

/** Bytes mostly ASCII with few distinct values, so the table of recent strings is hit, collides and is replaced. */
const arrays = fc.uint8Array({ minLength: SIZE, maxLength: SIZE }).chain((noise) =>
  fc.array(fc.constantFrom(0, 0x41, 0x42, 0x7f, 0x80, 0xc3, 0xa9, 0xff), { minLength: SIZE, maxLength: SIZE }).chain((pick) =>
    fc.array(fc.boolean(), { minLength: SIZE, maxLength: SIZE }).map((usePick) => Uint8Array.from(noise, (b, i) => (usePick[i] ? pick[i]! : b & 0x7f))),
  ),
);

function readAt(read: (view: DataView) => string, bytes: Uint8Array): string | null {
  // At an odd offset inside a larger buffer, so a view's start and end are honoured.
  const buffer = new Uint8Array(SIZE + 10).fill(0x41);
  buffer.set(bytes, 3);
  try {
    return read(new DataView(buffer.buffer, 0, 3 + SIZE + 2));
  } catch (e) {
    expect(e).toBeInstanceOf(DecodeError);
    return null;
  }
}

describe('C strings read the same on the ASCII path and the UTF-8 path', () => {
  it('readCString, readCStringPadded give the bytes before the NUL, or refuse', () => {
    fc.assert(
      fc.property(fc.array(arrays, { minLength: 1, maxLength: 40 }), (list) => {
        for (const bytes of list) {
          const want = expected(bytes);
          expect(readAt((v) => readCString(v, 3, SIZE, 's', 'f'), bytes)).toBe(want);
          expect(readAt((v) => readCStringPadded(v, 3, SIZE, 's', 'f', undefined, 'k'), bytes)).toBe(want);
          expect(readAt((v) => readCStringPadded(v, 3, SIZE, 's', 'f', { warnings: [] }, 'k'), bytes)).toBe(want);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('readCStringTruncating reads an array without a NUL as its first size - 1 bytes', () => {
    fc.assert(
      fc.property(fc.array(arrays, { minLength: 1, maxLength: 40 }), (list) => {
        for (const bytes of list) {
          const cut = bytes.indexOf(0) < 0 ? Uint8Array.from([...bytes.slice(0, SIZE - 1), 0]) : bytes;
          expect(readAt((v) => readCStringTruncating(v, 3, SIZE, 's', 'f', { warnings: [] }, 'k'), bytes)).toBe(expected(cut));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('two strings of one length and hash are not confused (a table slot replaced and read again)', () => {
    const bytesOf = (s: string) => Uint8Array.from([...Buffer.from(s, 'latin1'), ...new Array<number>(SIZE - s.length).fill(0)]);
    // Equal 31-hashes: "Aa" and "BB" are the classic pair.
    for (const s of ['xAa', 'xBB', 'xAa', 'xBB']) expect(readAt((v) => readCString(v, 3, SIZE, 's', 'f'), bytesOf(s))).toBe(s);
  });
});

describe('writeCString writes what TextEncoder gives, NUL-padded, or refuses; never outside the array', () => {
  it('for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: SIZE + 2 }), fc.string({ unit: 'binary', maxLength: SIZE + 2 }), fc.string({ unit: fc.constantFrom('a', '\0', 'é', '\u{10000}', '\ud800'), maxLength: SIZE })), (s) => {
        const buffer = new Uint8Array(SIZE + 6).fill(0xee);
        const view = new DataView(buffer.buffer, 2, SIZE + 2);
        const utf8 = new TextEncoder().encode(s);
        const fits = (s as string & { isWellFormed(): boolean }).isWellFormed() && !s.includes('\0') && utf8.length <= SIZE - 1;
        let refused = false;
        try {
          writeCString(view, 1, SIZE, s, 's', 'f');
        } catch (e) {
          expect(e).toBeInstanceOf(EncodeError);
          refused = true;
        }
        expect(refused).toBe(!fits);
        expect(buffer.subarray(0, 3)).toEqual(new Uint8Array(3).fill(0xee));
        expect(buffer.subarray(3 + SIZE)).toEqual(new Uint8Array(3).fill(0xee));
        if (fits) expect(buffer.subarray(3, 3 + SIZE)).toEqual(Uint8Array.from([...utf8, ...new Array<number>(SIZE - utf8.length).fill(0)]));
      }),
      { numRuns: 500 },
    );
  });
});
