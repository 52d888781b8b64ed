/**
 * esbuild-wasm in the page, started once per page and shared by every exercise on it.
 *
 * `worker: true` makes esbuild run its wasm in its own Worker, so compiling never blocks the page.
 * The first transform after `initialize` is several times slower than later ones (the wasm JITs),
 * so a tiny warm-up transform runs right away, while the learner is still reading.
 */
import wasmURL from 'esbuild-wasm/esbuild.wasm?url';

/** The part of esbuild's API the course compiles with (the same in Node with native esbuild). */
export type EsbuildApi = typeof import('esbuild-wasm');

let started: Promise<EsbuildApi> | undefined;

/** The URL of esbuild.wasm, for a `<link rel="preload">` or a bench. */
export const esbuildWasmUrl: string = wasmURL;

/**
 * Loads and initializes esbuild-wasm, then warms it up. Idempotent: every call returns the same
 * promise, so calling it early (exercise near the viewport) and again on Check costs nothing.
 */
export function startEsbuild(): Promise<EsbuildApi> {
  started ??= (async () => {
    const esbuild = await import('esbuild-wasm');
    await esbuild.initialize({ wasmURL, worker: true });
    await esbuild.transform('const warm: number = 1; export { warm };', { loader: 'ts' });
    return esbuild;
  })();
  // A failed start (offline, blocked wasm) must not stick: the next call tries again.
  started.catch(() => {
    started = undefined;
  });
  return started;
}
