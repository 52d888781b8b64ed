import { describe, expect, it } from 'vitest';
import { transform } from 'esbuild';
import { decodeSourceMap, decodeVlq, originalPosition } from '../../../src/runner/source-map.ts';
import { learnerFrame } from '../../../src/runner/stack-position.ts';
import { substituteDeclaration } from '../../../src/runner/substitute-declaration.ts';
import { unwrapPosition, wrapModule, WRAPPER_PREFIX } from '../../../src/runner/wrap-module.ts';

describe('source maps', () => {
  it('decodes VLQ values', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('gBAAD')).toEqual([16, 0, 0, -1]);
  });

  it("maps esbuild's output back to the TypeScript line", async () => {
    const source = 'interface A { x: number }\ntype B = A;\n\nconst value: B = { x: 1 };\nthrow new Error(String(value.x));\n';
    const result = await transform(source, { loader: 'ts', format: 'cjs', sourcemap: true, sourcefile: 'x.ts' });
    const line = result.code.split('\n').findIndex((l) => l.startsWith('throw')) + 1;
    expect(originalPosition(decodeSourceMap(result.map), line, 1)).toEqual({ line: 5, column: 1 });
  });
});

describe('module wrapping', () => {
  it('keeps line numbers and shifts only the first line', () => {
    const wrapped = wrapModule('a;\nb;');
    expect(wrapped.split('\n')[1]).toBe('b;');
    expect(unwrapPosition(1, WRAPPER_PREFIX.length + 3)).toEqual({ line: 1, column: 3 });
    expect(unwrapPosition(2, 4)).toEqual({ line: 2, column: 4 });
  });

  it('finds the innermost learner frame in V8 and QuickJS stacks', () => {
    expect(learnerFrame('Error: x\n    at send (harness.js:10:2)\n    at main (<input>:4:7)\n', '<input>')).toEqual({ line: 4, column: 7 });
    expect(learnerFrame('Error: x\n    at f (blob:http://h/abc:3:9)', 'blob:http://h/abc')).toEqual({ line: 3, column: 9 });
    expect(learnerFrame('no frames', '<input>')).toBeUndefined();
  });
});

describe('declaration substitution', () => {
  it('replaces an initialiser on the same line', () => {
    const code = 'const orders = ["a", "b"];\nconst delivery_guarantee = "at-least-once";\n';
    expect(substituteDeclaration(code, 'delivery_guarantee', 'exactly-once')).toBe('const orders = ["a", "b"];\nconst delivery_guarantee = "exactly-once";\n');
    expect(substituteDeclaration(code, 'orders', ['x'])).toBe('const orders = ["x"];\nconst delivery_guarantee = "at-least-once";\n');
  });

  it('keeps the line count when the initialiser spanned several lines', () => {
    const code = 'const orders = [\n  "a",\n  "b"\n];\nlater();\n';
    const replaced = substituteDeclaration(code, 'orders', ['x']) ?? '';
    expect(replaced.split('\n')).toHaveLength(code.split('\n').length);
    expect(replaced.split('\n')[4]).toBe('later();');
  });

  it('reports a missing declaration', () => {
    expect(substituteDeclaration('let other = 1;', 'orders', [])).toBeUndefined();
  });
});
