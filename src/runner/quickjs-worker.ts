/**
 * A Node worker thread that runs sandbox requests in QuickJS. QuickJS's interrupt handler stops
 * ordinary infinite loops, but it is polled between bytecodes: a few calls into slow builtins near the
 * memory limit can run for many seconds without reaching it. Running QuickJS in a worker lets the Node
 * engine kill it outright at the wall-clock limit.
 */
import { parentPort } from 'node:worker_threads';
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { runInQuickJS } from './quickjs-sandbox.ts';
import type { SandboxRequest } from '../shared/sandbox-protocol.ts';

/** A message from the engine to the worker. */
export interface WorkerRunMessage {
  id: number;
  request: SandboxRequest;
  bundle: string;
  timeLimitMs: number;
  memoryLimitBytes?: number;
}

const quickjs = newQuickJSWASMModuleFromVariant(variant);

parentPort?.on('message', (message: WorkerRunMessage) => {
  void (async () => {
    let recycle = false;
    const result = await runInQuickJS(
      {
        module: await quickjs,
        harnessBundle: message.bundle,
        timeLimitMs: message.timeLimitMs,
        now: () => Date.now(),
        onObservation: (observation) => parentPort?.postMessage({ id: message.id, observation }),
        // QuickJS could not free a runtime: its heap is in doubt, so this worker asks to be replaced.
        onReleaseFailure: () => {
          recycle = true;
        },
        ...(message.memoryLimitBytes === undefined ? {} : { memoryLimitBytes: message.memoryLimitBytes }),
      },
      message.request,
    ).catch((thrown: unknown) => ({ runs: [], sandboxError: thrown instanceof Error ? thrown.message : String(thrown) }));
    parentPort?.postMessage({ id: message.id, done: true, runs: result.runs, sandboxError: result.sandboxError, recycle });
  })();
});
