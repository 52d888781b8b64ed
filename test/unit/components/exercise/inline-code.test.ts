import { describe, expect, it } from 'vitest';
import { splitInlineCode } from '../../../../src/components/exercise/inline-code.ts';

describe('splitInlineCode', () => {
  it('turns backtick spans into code parts and keeps the text around them', () => {
    expect(splitInlineCode("Create `orders` with `'order1'`.")).toEqual([
      { text: 'Create ', code: false },
      { text: 'orders', code: true },
      { text: ' with ', code: false },
      { text: "'order1'", code: true },
      { text: '.', code: false },
    ]);
  });

  it('leaves an unmatched backtick literal', () => {
    expect(splitInlineCode('a ` b')).toEqual([{ text: 'a ` b', code: false }]);
  });

  it('gives nothing for empty text', () => {
    expect(splitInlineCode('')).toEqual([]);
  });
});
