/**
 * The `SandboxEngine` of the page: esbuild-wasm compiles, a fresh module Worker runs, and the page
 * enforces the wall-clock limit by terminating that Worker — the one thing a learner's infinite loop
 * cannot prevent. Runs that finished before the limit keep their observations; the run that hung
 * and the ones after it are reported as timeouts, worded as the QuickJS engine words them so both
 * engines give the same verdicts.
 */
import { createCompiler, type CompileResult } from '../compile.ts';
import { DEFAULT_TIME_LIMIT_MS, timeoutMessage, type SandboxEngine } from '../engine.ts';
import type { RunObservation, SandboxRequest, SandboxResult, SandboxRun } from '../sandbox-protocol.ts';
import { startEsbuild } from './esbuild-browser.ts';
import type { RunMessage, WorkerToPage } from './worker-messages.ts';
import { WorkerPool, type WorkerFactory } from './worker-pool.ts';

/** Options of the page's engine. */
export interface BrowserEngineOptions {
  /** Wall-clock limit for one `run` call. @default DEFAULT_TIME_LIMIT_MS */
  timeLimitMs?: number;
  /** Starts a sandbox Worker; tests may pass their own. */
  spawn?: WorkerFactory;
  /** Ready Workers kept warm: a Check makes one sandbox call per guarantee plus the step run. @default 4 */
  spares?: number;
}

const spawnSandbox: WorkerFactory = () =>
  new Worker(new URL('./sandbox.worker.ts', import.meta.url), { type: 'module', name: 'exercise-sandbox' });

/** A page engine with a warm spare Worker; `close()` terminates it. */
export interface BrowserEngine extends SandboxEngine {
  /** Starts the compiler and the spare Worker ahead of need. */
  warm(): Promise<void>;
}

/** Creates the page's engine; nothing starts until `warm`, `compile` or `run` is called. */
export function createBrowserEngine(options: BrowserEngineOptions = {}): BrowserEngine {
  const limitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const pool = new WorkerPool(options.spawn ?? spawnSandbox, options.spares ?? 4);
  const compiler = (async () => createCompiler(await startEsbuild()))();
  compiler.catch(() => undefined);
  return {
    async warm() {
      pool.warm();
      await compiler;
    },
    async compile(source: string): Promise<CompileResult> {
      return (await compiler).compile(source);
    },
    async run(request: SandboxRequest): Promise<SandboxResult> {
      const { worker } = await pool.take();
      return runInWorker(worker, request, limitMs);
    },
    close() {
      void pool.dispose();
    },
  };
}

/** Posts `request` to a ready Worker and collects observations until done, error or the limit. */
export function runInWorker(worker: Worker, request: SandboxRequest, limitMs: number): Promise<SandboxResult> {
  return new Promise<SandboxResult>((resolve) => {
    const observations: RunObservation[] = [];
    const finish = (result: SandboxResult): void => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => {
      finish({ runs: [...observations, ...timedOut(request.runs.slice(observations.length), limitMs)] });
    }, limitMs);
    worker.addEventListener('message', (event: MessageEvent) => {
      const message = event.data as WorkerToPage;
      if (message.type === 'observation') observations.push(message.observation);
      else if (message.type === 'done') finish({ runs: observations });
      else if (message.type === 'sandbox-error') finish({ runs: observations, sandboxError: message.message });
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      finish({ runs: observations, sandboxError: `the sandbox worker crashed: ${event.message || 'unknown error'}` });
    });
    const message: RunMessage = { type: 'run', request };
    worker.postMessage(message);
  });
}

/** The runs a time limit cut off: the first is the one that hung, the rest never started. */
function timedOut(runs: readonly SandboxRun[], limitMs: number): RunObservation[] {
  return runs.map((run, index) => ({
    scenario: run.scenario,
    seed: run.seed,
    guarantee: run.guarantee,
    orders: [...run.orders],
    processed_orders: null,
    console: [],
    faultsHit: [],
    trace: [],
    error: {
      kind: 'timeout',
      name: 'TimeoutError',
      message: index === 0 ? timeoutMessage(limitMs) : 'Not run: an earlier run of this check used up the time limit.',
    },
  }));
}
