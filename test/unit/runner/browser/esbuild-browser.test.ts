import { describe, expect, it, vi } from 'vitest';

// esbuild-wasm as the page loads it, with a transform the test can make hang.
const wasm = vi.hoisted(() => ({ initializations: 0, stops: 0, hang: true, slowStart: 0 }));
vi.mock('esbuild-wasm', () => ({
  initialize: async () => {
    wasm.initializations++;
    // A slow wasm download: longer than the compile limit the first test sets.
    await new Promise((resolve) => setTimeout(resolve, wasm.slowStart));
  },
  transform: async (input: string) => {
    if (wasm.hang && input.includes('hang')) return new Promise(() => {});
    return { code: input, map: '{"version":3,"sources":[],"names":[],"mappings":""}', warnings: [] };
  },
  stop: async () => {
    wasm.stops++;
  },
}));

// The page compiles esbuild.wasm itself (streaming) and hands esbuild the module: stand-ins here.
const compiledModules = vi.hoisted(() => ({ count: 0 }));
vi.stubGlobal('fetch', async () => new Response(new Uint8Array(0), { headers: { 'content-type': 'application/wasm' } }));
vi.stubGlobal('WebAssembly', {
  ...WebAssembly,
  compileStreaming: async () => {
    compiledModules.count++;
    return {} as WebAssembly.Module;
  },
});

const { pageEsbuild } = await import('../../../../src/runner/browser/esbuild-browser.ts');
const { compileWith } = await import('../../../../src/runner/compile.ts');

describe("the page's esbuild", () => {
  it('does not count a slow start against the compile time limit', async () => {
    wasm.slowStart = 100;
    expect((await compileWith(pageEsbuild, 'const a = 1;', { timeLimitMs: 20 })).ok).toBe(true);
    expect(wasm.stops).toBe(0);
    wasm.slowStart = 0;
  });

  it('stops the Worker of a compile past its limit and starts a fresh one for the next compile', async () => {
    expect((await compileWith(pageEsbuild, 'const a = 1;')).ok).toBe(true);
    expect(wasm.initializations).toBe(1);
    const stuck = await compileWith(pageEsbuild, 'const hang = 1;', { timeLimitMs: 20 });
    expect(stuck).toMatchObject({ ok: false, error: { kind: 'compile' } });
    expect(wasm.stops).toBe(1);
    expect((await compileWith(pageEsbuild, 'const b = 2;')).ok).toBe(true);
    expect(wasm.initializations).toBe(2);
    // The restart reused the compiled wasm.
    expect(compiledModules.count).toBe(1);
  });
});
