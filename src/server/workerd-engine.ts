/**
 * The sandbox engine inside the Cloudflare Worker: esbuild-wasm compiles the learner's TypeScript
 * and QuickJS runs it, both from WebAssembly modules bundled with the function (wrangler's
 * CompiledWasm rule), because a Worker may neither fetch its own wasm at run time nor compile code
 * from strings. Everything runs in the request's isolate; a fresh QuickJS runtime per run keeps
 * submissions apart.
 *
 * Only the serverless build imports this file (its imports resolve through Vite + the Cloudflare
 * plugin); everything it composes is tested in Node through the same functions.
 */
import * as esbuild from 'esbuild-wasm/esm/browser.js';
import esbuildWasm from 'esbuild-wasm/esbuild.wasm?module';
import RELEASE_SYNC from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';
// An alias set by the serverless integration: the package's `./wasm` export does not end in `.wasm`.
import quickjsWasm from 'kx-quickjs.wasm?module';
import harnessBundle from 'virtual:kx-harness-bundle';
import { createCompiler } from '../runner/compile.ts';
import type { SandboxEngine } from '../runner/engine.ts';
import { runInQuickJS } from '../runner/quickjs-sandbox.ts';
import { GRADE_MEMORY_LIMIT_BYTES, GRADE_TIME_LIMIT_MS } from './grade-limits.ts';
import { createProgressClock } from './progress-clock.ts';

let started: Promise<QuickJSWASMModule> | undefined;

/**
 * Starts esbuild and QuickJS once per isolate. It must run inside a request: esbuild's Go runtime
 * uses timers, which a Worker's global scope does not allow.
 */
function start(): Promise<QuickJSWASMModule> {
  started ??= (async () => {
    const [module] = await Promise.all([
      newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, { wasmModule: quickjsWasm })),
      esbuild.initialize({ wasmModule: esbuildWasm, worker: false }),
    ]);
    return module;
  })();
  started.catch(() => {
    started = undefined;
  });
  return started;
}

/** The engine for one request; the wasm modules behind it are shared by the isolate. */
export async function createWorkerdEngine(): Promise<SandboxEngine> {
  const module = await start();
  // No `stop`: esbuild runs on this isolate's own thread (worker: false), so a stop could not interrupt
  // a compile and would only leave esbuild uninitialized; the source limits bound the work instead.
  const compiler = createCompiler({ transform: esbuild.transform });
  return {
    compile: (source) => compiler.compile(source),
    run: (request) =>
      runInQuickJS(
        {
          module,
          harnessBundle,
          timeLimitMs: GRADE_TIME_LIMIT_MS,
          memoryLimitBytes: GRADE_MEMORY_LIMIT_BYTES,
          now: createProgressClock(() => Date.now()),
        },
        request,
      ),
    close() {
      // Each run disposed its own QuickJS runtime; esbuild and the QuickJS module live for the isolate.
    },
  };
}
