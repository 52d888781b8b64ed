import { describe, expect, it } from 'vitest';
import { toBlobModule } from '../../../../src/runner/browser/blob-module.ts';
import { WRAPPER_PREFIX, wrapModule } from '../../../../src/runner/wrap-module.ts';

describe('toBlobModule', () => {
  it('keeps every character of the learner code at the line and column wrapModule gave it', () => {
    const code = 'const a = 1; throw new Error("x");\nconsole.log(a);';
    const wrapped = wrapModule(code, '__kx_observe(function () { return {}; });');
    const module = toBlobModule(wrapped);
    expect(module.startsWith('export default function (')).toBe(true);
    const wrappedLines = wrapped.split('\n');
    const moduleLines = module.split('\n');
    expect(moduleLines.length).toBe(wrappedLines.length);
    // Line 1: the learner's code starts right after the prefix in both.
    expect(moduleLines[0]!.indexOf('const a = 1')).toBe(WRAPPER_PREFIX.length);
    expect(wrappedLines[0]!.indexOf('const a = 1')).toBe(WRAPPER_PREFIX.length);
    expect(moduleLines[1]).toBe(wrappedLines[1]);
  });

  it('defines a function taking the module parameters in order', async () => {
    const module = toBlobModule(wrapModule('module.exports.sum = exports === module.exports;'));
    const url = `data:text/javascript,${encodeURIComponent(module)}`;
    const factory = ((await import(/* @vite-ignore */ url)) as { default: (...args: unknown[]) => void }).default;
    const mod = { exports: {} as Record<string, unknown> };
    factory(mod.exports, () => undefined, mod, console, () => undefined);
    expect(mod.exports['sum']).toBe(true);
  });

  it('refuses text that wrapModule did not produce', () => {
    expect(() => toBlobModule('alert(1)')).toThrow(/wrapModule/);
  });
});
