/**
 * The Node engine: native esbuild compiles, QuickJS (WebAssembly, in-process) runs. It is what
 * `grade --engine node` and the exercise self-tests use. The harness bundle and the QuickJS module are
 * built once per process and shared by every engine instance.
 */
import { createCompiler } from './compile.ts';
import { DEFAULT_TIME_LIMIT_MS, type SandboxEngine } from './engine.ts';
import { buildHarnessBundle } from './harness-bundle.ts';
import { runInQuickJS } from './quickjs-sandbox.ts';
import type { QuickJSWASMModule } from 'quickjs-emscripten-core';

export interface NodeEngineOptions {
  /** Wall-clock limit per `run` call. @default 2000 */
  timeLimitMs?: number;
  /** QuickJS memory limit per run. @default 64 MiB */
  memoryLimitBytes?: number;
}

let shared: Promise<{ bundle: string; module: QuickJSWASMModule; esbuild: typeof import('esbuild') }> | undefined;

function loadShared(): NonNullable<typeof shared> {
  shared ??= (async () => {
    const esbuild = await import('esbuild');
    const [{ newQuickJSWASMModuleFromVariant }, variant, bundle] = await Promise.all([
      import('quickjs-emscripten-core'),
      import('@jitl/quickjs-wasmfile-release-sync'),
      buildHarnessBundle(esbuild),
    ]);
    const module = await newQuickJSWASMModuleFromVariant(variant.default);
    return { bundle, module, esbuild };
  })();
  return shared;
}

/** Creates a Node engine; the first call loads esbuild and QuickJS and builds the harness bundle. */
export async function createNodeEngine(options: NodeEngineOptions = {}): Promise<SandboxEngine> {
  const { bundle, module, esbuild } = await loadShared();
  const compiler = createCompiler(esbuild);
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  return {
    compile: (source) => compiler.compile(source),
    run: (request) =>
      runInQuickJS(
        {
          module,
          harnessBundle: bundle,
          timeLimitMs,
          now: () => Date.now(),
          ...(options.memoryLimitBytes === undefined ? {} : { memoryLimitBytes: options.memoryLimitBytes }),
        },
        request,
      ),
    close() {
      // The QuickJS module and esbuild's service are shared for the process; each run disposes its own runtime.
    },
  };
}
