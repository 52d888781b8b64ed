/**
 * esbuild-wasm in the page, started once per page and shared by every exercise on it.
 *
 * `worker: true` makes esbuild run its wasm in its own Worker, so compiling never blocks the page.
 * The first transform after `initialize` is several times slower than later ones (the wasm JITs),
 * so a tiny warm-up transform runs right away, while the learner is still reading.
 */
import wasmURL from 'esbuild-wasm/esbuild.wasm?url';
import type { EsbuildTransformApi } from '../compile.ts';

/** The part of esbuild's API the course compiles with (the same in Node with native esbuild). */
export type EsbuildApi = typeof import('esbuild-wasm');

let started: Promise<EsbuildApi> | undefined;

/**
 * esbuild.wasm compiled once per page, while it downloads (`compileStreaming`), and kept: a restart
 * after a stuck compile reuses it instead of compiling 14 MB of wasm again, and the browser caches the
 * compiled code of a streamed module with the HTTP response, so the next page load skips most of it.
 * A host that serves the file with the wrong type makes streaming fail: then it is compiled from bytes.
 */
let compiledWasm: Promise<WebAssembly.Module> | undefined;

function compileWasm(): Promise<WebAssembly.Module> {
  compiledWasm ??= WebAssembly.compileStreaming(fetch(wasmURL)).catch(async () => WebAssembly.compile(await (await fetch(wasmURL)).arrayBuffer()));
  compiledWasm.catch(() => {
    compiledWasm = undefined;
  });
  return compiledWasm;
}

/** The URL of esbuild.wasm, for a `<link rel="preload">` or a bench. */
export const esbuildWasmUrl: string = wasmURL;

/**
 * Loads and initializes esbuild-wasm, then warms it up. Idempotent: every call returns the same
 * promise, so calling it early (exercise near the viewport) and again on Check costs nothing.
 */
export function startEsbuild(): Promise<EsbuildApi> {
  started ??= (async () => {
    const [esbuild, wasmModule] = await Promise.all([import('esbuild-wasm'), compileWasm()]);
    await esbuild.initialize({ wasmModule, worker: true });
    await esbuild.transform('const warm: number = 1; export { warm };', { loader: 'ts' });
    return esbuild;
  })();
  // A failed start (offline, blocked wasm) must not stick: the next call tries again.
  started.catch(() => {
    started = undefined;
  });
  return started;
}

/**
 * The page's esbuild as the compiler uses it: `ready` loads and starts it (outside the compile time
 * limit: the wasm download can be slow), each transform goes to the running one, and `stop` terminates
 * its Worker (a compile past its time limit) so that the next transform
 * initializes a fresh one instead of queueing behind the stuck compile.
 */
export const pageEsbuild: EsbuildTransformApi = {
  transform: async (input, options) => (await startEsbuild()).transform(input, options),
  ready: async () => {
    await startEsbuild();
  },
  stop: async () => {
    const running = started;
    started = undefined;
    const esbuild = await running?.catch(() => undefined);
    await esbuild?.stop();
  },
};
