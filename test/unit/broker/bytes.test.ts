import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode } from '../../../src/broker/kafkajs/bytes.ts';

const reference = new TextDecoder();

describe('utf8Decode', () => {
  it('turns malformed bytes into U+FFFD instead of throwing', () => {
    // Past U+10FFFF, a surrogate, an overlong form, a stray continuation byte, a cut-off end.
    expect(utf8Decode([0xf7, 0xbf, 0xbf, 0xbf])).toBe('\ufffd'.repeat(4));
    expect(utf8Decode([0xed, 0xa0, 0x80])).toBe('\ufffd'.repeat(3));
    expect(utf8Decode([0xc0, 0xaf])).toBe('\ufffd\ufffd');
    expect(utf8Decode([0x61, 0x80, 0x62])).toBe('a\ufffdb');
    expect(utf8Decode([0xe2, 0x82])).toBe('\ufffd');
  });

  it('decodes any bytes exactly as TextDecoder does', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => utf8Decode(bytes) === reference.decode(bytes)), { numRuns: 2000 });
  });

  it('reads back what utf8Encode wrote', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => utf8Decode(utf8Encode(text)) === text));
  });
});
