import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';

describe('project layout', () => {
  it('keeps lessons under content/lessons', () => {
    expect(readdirSync('content/lessons').some((f) => f.endsWith('.mdx'))).toBe(true);
  });
});
