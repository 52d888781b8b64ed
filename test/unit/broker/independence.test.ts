/**
 * The core's independence: src/broker imports nothing outside src/broker and touches no DOM, Node or
 * nondeterministic host API, so it runs unchanged in a Worker, in Node and in QuickJS.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../src/broker');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Source without comments and template-literal text, so prose mentioning `Date.now` does not count. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/`[^`]*`/g, '``');
}

const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\.now\b|\bnew Date\b/, 'Date (use the virtual clock)'],
  [/\bMath\.random\b/, 'Math.random (use the seeded random source)'],
  [/\bsetTimeout\b|\bsetInterval\b|\bsetImmediate\b|\bqueueMicrotask\b/, 'host timers (use the scheduler)'],
  [/\bperformance\b/, 'performance'],
  [/\bwindow\b|\bdocument\b|\bnavigator\b|\bglobalThis\b|\bself\b\./, 'browser globals'],
  [/\bprocess\.|\brequire\(|\bBuffer\./, 'Node globals'],
  [/\bTextEncoder\b|\bTextDecoder\b|\bfetch\(/, 'web APIs'],
];

describe('src/broker independence', () => {
  const files = sources(root);
  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });
  for (const file of files) {
    const name = relative(root, file);
    it(`${name} imports only from src/broker, with .ts extensions`, () => {
      const text = code(readFileSync(file, 'utf8'));
      for (const m of text.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'/g)) {
        const spec = m[1] ?? m[2] ?? '';
        expect(spec.startsWith('.'), `${name} imports '${spec}'`).toBe(true);
        expect(spec.endsWith('.ts'), `${name} imports '${spec}' without .ts`).toBe(true);
        expect(resolve(dirname(file), spec).startsWith(root), `${name} imports '${spec}' from outside src/broker`).toBe(true);
      }
    });
    it(`${name} uses no DOM, Node, clock or randomness of the host`, () => {
      const text = code(readFileSync(file, 'utf8'));
      for (const [re, what] of FORBIDDEN) expect(re.test(text), `${name} uses ${what}`).toBe(false);
    });
  }
});
