/**
 * A small Buffer-compatible bytes value, so learner code that writes `Buffer.from('order1')` and reads
 * `message.value?.toString()` runs where Node's Buffer does not exist. UTF-8 is coded by hand because
 * the core may use no host APIs (TextEncoder is a web API, absent from QuickJS).
 */

/** Encode a string as UTF-8 bytes. */
export function utf8Encode(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/**
 * Decode UTF-8 bytes the way TextDecoder does (which QuickJS lacks): each byte that cannot continue a
 * well-formed sequence ends it, and the bytes so far become one U+FFFD; a cut-off end becomes one too.
 */
export function utf8Decode(b: ArrayLike<number>): string {
  let s = '';
  let codePoint = 0;
  let needed = 0;
  // The range the next continuation byte must fall in (narrower after E0, ED, F0, F4: no overlongs,
  // no surrogates, nothing past U+10FFFF).
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = 0; i < b.length; i++) {
    const byte = b[i] ?? 0;
    if (needed === 0) {
      if (byte < 0x80) s += String.fromCharCode(byte);
      else if (byte >= 0xc2 && byte <= 0xdf) [needed, codePoint] = [1, byte & 0x1f];
      else if (byte >= 0xe0 && byte <= 0xef) {
        [needed, codePoint] = [2, byte & 0x0f];
        if (byte === 0xe0) lower = 0xa0;
        if (byte === 0xed) upper = 0x9f;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        [needed, codePoint] = [3, byte & 0x07];
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f;
      } else s += '\ufffd';
      continue;
    }
    if (byte < lower || byte > upper) {
      // The sequence is broken; this byte may start the next one, so it is read again.
      s += '\ufffd';
      [needed, lower, upper] = [0, 0x80, 0xbf];
      i--;
      continue;
    }
    [lower, upper] = [0x80, 0xbf];
    codePoint = (codePoint << 6) | (byte & 0x3f);
    if (--needed === 0) s += String.fromCodePoint(codePoint);
  }
  return needed === 0 ? s : `${s}\ufffd`;
}

/** Bytes with Buffer's most used reading methods. */
export class Bytes extends Uint8Array {
  /** The bytes as text (UTF-8; 'hex' and 'base64' are not needed by the course and fall back to UTF-8). */
  override toString(_encoding?: string): string {
    return utf8Decode(this);
  }
  toJSON(): { type: 'Buffer'; data: number[] } {
    return { type: 'Buffer', data: Array.from(this) };
  }
  equals(other: Uint8Array): boolean {
    return this.length === other.length && this.every((v, i) => v === other[i]);
  }
}

/** Bytes of a string (UTF-8) or a copy of an array of bytes. */
function from(value: string | ArrayLike<number> | ArrayBuffer, _encoding?: string): Bytes {
  if (typeof value === 'string') return new Bytes(utf8Encode(value));
  if (value instanceof ArrayBuffer) return new Bytes(new Uint8Array(value));
  return new Bytes(Array.from(value));
}

/** The `Buffer` learners may use: `Buffer.from`, `Buffer.isBuffer`, `Buffer.alloc`, `Buffer.byteLength`. */
export const BufferShim = {
  from,
  isBuffer(x: unknown): x is Bytes {
    return x instanceof Uint8Array;
  },
  alloc(size: number): Bytes {
    return new Bytes(size);
  },
  byteLength(s: string): number {
    return utf8Encode(s).length;
  },
};

/** The text of a value as a learner may pass it (string, Buffer, bytes, null). */
export function toText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return utf8Decode(v);
  return String(v);
}

/** A stored string as the bytes a consumer receives. */
export function toBytes(s: string | null): Bytes | null {
  return s === null ? null : from(s);
}
