/**
 * The Node engine: native esbuild compiles, QuickJS (WebAssembly) runs — in a worker thread, so that
 * besides QuickJS's own interrupt handler a hard wall-clock limit can stop anything. It is what
 * `grade --engine node` and the exercise self-tests use. The harness bundle is built once per process.
 */
import { Worker } from 'node:worker_threads';
import { createCompiler } from './compile.ts';
import { DEFAULT_TIME_LIMIT_MS, timedOutObservations, type SandboxEngine } from './engine.ts';
import { buildHarnessBundle } from './harness-bundle.ts';
import { WALL_CLOCK_FACTOR } from './quickjs-sandbox.ts';
import type { RunObservation, SandboxRequest, SandboxResult } from '../shared/sandbox-protocol.ts';

export interface NodeEngineOptions {
  /** Wall-clock limit per `run` call. @default 2000 */
  timeLimitMs?: number;
  /** QuickJS memory limit per run. @default 64 MiB */
  memoryLimitBytes?: number;
}

/** Extra time the worker gets past QuickJS's own wall-clock backstop before it is killed (QuickJS usually stops itself first). */
const KILL_GRACE_MS = 500;
const WORKER_URL = new URL('./quickjs-worker.ts', import.meta.url);

let shared: Promise<{ bundle: string; esbuild: typeof import('esbuild') }> | undefined;

function loadShared(): NonNullable<typeof shared> {
  shared ??= (async () => {
    const esbuild = await import('esbuild');
    return { bundle: await buildHarnessBundle(esbuild), esbuild };
  })();
  return shared;
}

/** Creates a Node engine; the first call loads esbuild and builds the harness bundle. */
export async function createNodeEngine(options: NodeEngineOptions = {}): Promise<SandboxEngine> {
  const { bundle, esbuild } = await loadShared();
  const compiler = createCompiler(esbuild);
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  let worker: Worker | undefined;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  const runOnce = (request: SandboxRequest): Promise<SandboxResult> =>
    new Promise((resolve) => {
      worker ??= new Worker(WORKER_URL);
      const current = worker;
      current.unref();
      const id = nextId++;
      const observations: RunObservation[] = [];
      const finish = (result: SandboxResult): void => {
        clearTimeout(timer);
        current.off('message', onMessage);
        current.off('error', onError);
        resolve(result);
      };
      const onMessage = (message: { id: number; observation?: RunObservation; done?: boolean; runs?: RunObservation[]; sandboxError?: string; recycle?: boolean }): void => {
        if (message.id !== id) return;
        if (message.observation !== undefined) observations.push(message.observation);
        if (message.done === true && message.recycle === true) {
          // The worker's QuickJS heap is in doubt: the next run gets a fresh worker.
          worker = undefined;
          void current.terminate();
        }
        if (message.done === true) finish(message.sandboxError === undefined ? { runs: message.runs ?? observations } : { runs: observations, sandboxError: message.sandboxError });
      };
      const onError = (error: Error): void => {
        worker = undefined;
        finish({ runs: observations, sandboxError: `the sandbox worker failed: ${error.message}` });
      };
      const timer = setTimeout(() => {
        // QuickJS did not stop itself (a long call into a builtin): kill the thread; the next run gets a new one.
        worker = undefined;
        void current.terminate();
        finish({ runs: [...observations, ...timedOutObservations(request.runs.slice(observations.length), timeLimitMs)] });
      }, timeLimitMs * WALL_CLOCK_FACTOR + KILL_GRACE_MS);
      current.on('message', onMessage);
      current.on('error', onError);
      current.postMessage({ id, request, bundle, timeLimitMs, ...(options.memoryLimitBytes === undefined ? {} : { memoryLimitBytes: options.memoryLimitBytes }) });
    });

  return {
    compile: (source) => compiler.compile(source),
    run(request) {
      // One request at a time per engine: the worker runs them in order anyway.
      const result = queue.then(() => runOnce(request));
      queue = result.catch(() => undefined);
      return result;
    },
    close() {
      void worker?.terminate();
      worker = undefined;
    },
  };
}
