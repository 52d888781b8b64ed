import { describe, expect, it } from 'vitest';
import * as esbuild from 'esbuild';
import { compileWith, type EsbuildTransformApi } from '../../../src/runner/compile.ts';
import { MAX_NESTING_DEPTH, MAX_SOURCE_LENGTH, sourceLimitError } from '../../../src/runner/source-limits.ts';

const deep = (levels: number): string => `${'{'.repeat(levels)}${'}'.repeat(levels)}`;

describe('source limits', () => {
  it('accepts a program at the nesting limit and refuses one a level deeper, at the brace that crosses it', () => {
    expect(sourceLimitError(deep(MAX_NESTING_DEPTH))).toBeUndefined();
    expect(sourceLimitError(`const a = 1;\n  ${deep(MAX_NESTING_DEPTH + 1)}`)).toEqual({
      kind: 'compile',
      message: `The program nests brackets, braces or parentheses more than ${MAX_NESTING_DEPTH} levels deep.`,
      line: 2,
      column: 3 + MAX_NESTING_DEPTH,
    });
    // Parentheses, brackets and template substitutions count as levels too.
    expect(sourceLimitError('('.repeat(MAX_NESTING_DEPTH + 1))).toBeDefined();
    expect(sourceLimitError('`${'.repeat(MAX_NESTING_DEPTH + 1))).toBeDefined();
  });

  it.each([
    ['a string', `const s = '${'{'.repeat(500)}';`],
    ['a double-quoted string', `const s = "${'(['.repeat(500)}";`],
    ['a line comment', `// ${'{'.repeat(500)}\nconst a = 1;`],
    ['a block comment', `/* ${'{'.repeat(500)} */ const a = 1;`],
    ['template text', `const t = \`${'{'.repeat(500)}\${1}${'['.repeat(500)}\`;`],
    ['a regular expression', `const r = /${'\\{'.repeat(300)}[{(]/;`],
    ['a regular expression after return', `function f() { return /${'\\('.repeat(300)}/; }`],
  ])('does not count brackets inside %s', (_where, source) => {
    expect(sourceLimitError(source)).toBeUndefined();
  });

  it('refuses a program longer than the limit, pointing at where the limit falls', () => {
    const error = sourceLimitError(`${'const x = 1;\n'.repeat(MAX_SOURCE_LENGTH / 13)}${'x'.repeat(100)}`);
    expect(error?.message).toMatch(/too long/);
    expect(error?.line).toBeGreaterThan(1);
  });

  it.each([
    ['40 KB of nested braces', '{'.repeat(40_000)],
    ['200 KB of statements', 'let a = 1;\n'.repeat(20_000)],
  ])('compileWith refuses %s without calling esbuild', async (_what, source) => {
    const untouched: EsbuildTransformApi = { transform: () => Promise.reject(new Error('esbuild must not be called')) };
    const result = await compileWith(untouched, source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('compile');
  });
});

describe('a compile that hangs or breaks the compiler', () => {
  it('is stopped at its time limit, the compiler is restarted, and the next file compiles', async () => {
    let stops = 0;
    let hang = true;
    const flaky: EsbuildTransformApi = {
      transform: (input, options) => (hang ? new Promise(() => {}) : esbuild.transform(input, options)),
      stop: async () => {
        stops++;
        hang = false;
      },
    };
    const stuck = await compileWith(flaky, 'const a = 1;', { timeLimitMs: 20 });
    expect(stuck).toMatchObject({ ok: false, error: { kind: 'compile', line: 1, column: 1 } });
    expect(stops).toBe(1);
    expect((await compileWith(flaky, 'const b: number = 2;')).ok).toBe(true);
  });

  it('restarts a compiler whose service died (an error without esbuild messages), but not for a syntax error', async () => {
    let stops = 0;
    let dead = true;
    const api: EsbuildTransformApi = {
      transform: (input, options) => (dead ? Promise.reject(new Error('The service is no longer running')) : esbuild.transform(input, options)),
      stop: async () => {
        stops++;
        dead = false;
      },
    };
    const broken = await compileWith(api, 'const a = 1;');
    expect(broken).toMatchObject({ ok: false, error: { kind: 'compile', message: 'The compiler failed: The service is no longer running' } });
    expect(stops).toBe(1);
    expect((await compileWith(api, 'const b = ;')).ok).toBe(false);
    expect(stops).toBe(1);
  });

  it('recovers native esbuild after stop(): the next transform starts a fresh service', async () => {
    await esbuild.stop();
    expect((await compileWith(esbuild, 'const a: number = 1;')).ok).toBe(true);
  });
});
