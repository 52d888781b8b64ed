import { describe, expect, it } from 'vitest';
import { structuredCloneValue } from '../../../src/runner/structured-clone.ts';

describe('structuredCloneValue (the sandbox structuredClone, the same in every engine)', () => {
  it('copies plain data deeply, keeping cycles and shared references', () => {
    const shared = { id: 'order-1' };
    const input: Record<string, unknown> = { list: [shared, shared], when: new Date(5), pattern: /o-\d/gi, map: new Map([['k', shared]]), set: new Set([1, 2]) };
    input['self'] = input;
    const copy = structuredCloneValue(input) as typeof input & { list: object[]; map: Map<string, object>; self: unknown; when: Date; pattern: RegExp; set: Set<number> };
    expect(copy).not.toBe(input);
    expect(copy.self).toBe(copy);
    expect(copy.list[0]).toBe(copy.list[1]);
    expect(copy.list[0]).not.toBe(shared);
    expect(copy.map.get('k')).toBe(copy.list[0]);
    expect(copy.when.getTime()).toBe(5);
    expect([copy.pattern.source, copy.pattern.flags]).toEqual(['o-\\d', 'gi']);
    expect([...copy.set]).toEqual([1, 2]);
  });

  it('copies bytes, errors and a key named __proto__ as data', () => {
    const bytes = structuredCloneValue(new Uint8Array([1, 2, 3])) as Uint8Array;
    expect([...bytes]).toEqual([1, 2, 3]);
    const error = structuredCloneValue(new RangeError('too far')) as Error;
    expect([error instanceof RangeError, error.message]).toEqual([true, 'too far']);
    const tricky = structuredCloneValue(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(tricky)).toBe(Object.prototype);
    expect(Object.keys(tricky)).toEqual(['__proto__']);
  });

  it('refuses functions and symbols with a DataCloneError, as the browser does', () => {
    expect(() => structuredCloneValue({ f: () => 1 })).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
    expect(() => structuredCloneValue(Symbol('s'))).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
  });
});
