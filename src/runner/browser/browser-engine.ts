/**
 * The `SandboxEngine` of the page: esbuild-wasm compiles, a fresh module Worker runs, and the page
 * enforces the wall-clock limit by terminating that Worker — the one thing a learner's infinite loop
 * cannot prevent. Runs that finished before the limit keep their observations; the run that hung
 * and the ones after it are reported as timeouts, worded as the QuickJS engine words them so both
 * engines give the same verdicts.
 */
import { createCompiler, type CompileResult } from '../compile.ts';
import { DEFAULT_TIME_LIMIT_MS, timedOutObservations, type SandboxEngine } from '../engine.ts';
import type { RunObservation, SandboxRequest, SandboxResult, SandboxRun } from '../../shared/sandbox-protocol.ts';
import { pageEsbuild, startEsbuild } from './esbuild-browser.ts';
import type { RunMessage, WorkerToPage } from './worker-messages.ts';
import { WorkerPool, type WorkerFactory } from './worker-pool.ts';

/** Options of the page's engine. */
export interface BrowserEngineOptions {
  /** Wall-clock limit for one `run` call. @default DEFAULT_TIME_LIMIT_MS */
  timeLimitMs?: number;
  /** Starts a sandbox Worker; tests may pass their own. */
  spawn?: WorkerFactory;
  /** Ready Workers kept warm. @default 3 */
  spares?: number;
  /**
   * Most Workers one call spreads its runs over, when that many spares are ready. More than the
   * machine's cores only adds start-up work. @default 2
   */
  parallel?: number;
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
  const spares = Math.max(1, options.spares ?? 3);
  const parallel = Math.max(1, options.parallel ?? 2);
  const pool = new WorkerPool(options.spawn ?? spawnSandbox, spares);
  const compiler = createCompiler(pageEsbuild);
  // The last successful compile. Compiling is a pure function of the source, so a Check after a Run,
  // a second Check, or a Check after the editor's idle `compile` (see ExerciseBackend.prepare) of
  // unchanged code reuses it. A failure is not kept: a compiler that had not loaded may have since.
  let lastCompile: { source: string; result: Promise<CompileResult> } | undefined;
  return {
    async warm() {
      // The compiler first: the spares' hardening would otherwise compete with its start for the CPU.
      await startEsbuild();
      pool.warm();
    },
    compile(source: string): Promise<CompileResult> {
      if (lastCompile?.source === source) return lastCompile.result;
      const result = compiler.compile(source);
      const entry = { source, result };
      lastCompile = entry;
      void result.then((compiled) => {
        if (!compiled.ok && lastCompile === entry) lastCompile = undefined;
      });
      return result;
    },
    async run(request: SandboxRequest): Promise<SandboxResult> {
      // The runs are independent (each builds its own cluster from its seed), so they are spread over
      // the spare Workers that are ready now (at most `parallel`) and run at once: a Check takes about
      // as long as its slowest share. Waiting for a spare that is still starting would cost more than
      // it saves. Replacement spares start once the call is over, not while its Workers need the CPU,
      // and in a task of their own: constructing a Worker blocks the page for a few milliseconds,
      // which belong after the caller has graded and shown the result (all in this task's microtasks).
      const parts = Math.min(parallel, Math.max(1, pool.readyCount));
      const batches = splitRuns(request.runs, parts).map(async (runs) => {
        const { worker } = await pool.take({ replenish: false });
        return { runs, result: await runInWorker(worker, { ...request, runs }, limitMs) };
      });
      try {
        return joinResults(await Promise.all(batches), limitMs);
      } finally {
        pool.warmAfterThisTask();
      }
    },
    close() {
      void pool.dispose();
    },
  };
}

/** Runs one call may make per time limit of the whole call (at least two limits; each run also has the limit to itself). */
const RUNS_PER_CALL_LIMIT = 8;

/**
 * Posts `request` to a ready Worker and collects observations until done, error or a limit: a run
 * that takes longer than `limitMs`, or the call longer than `limitMs` per RUNS_PER_CALL_LIMIT runs.
 * The page believes only what it asked for: one observation per requested run, in order, each labelled
 * with that run's scenario, seed and guarantee, and `done` only once every run was answered. Anything
 * else (an extra or out-of-order observation, an early `done`) means the Worker no longer speaks for
 * the harness, and the call ends as a sandbox error with the observations accepted so far.
 */
export function runInWorker(worker: Worker, request: SandboxRequest, limitMs: number): Promise<SandboxResult> {
  return new Promise<SandboxResult>((resolve) => {
    const observations: RunObservation[] = [];
    let finished = false;
    const finish = (result: SandboxResult): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      clearTimeout(callTimer);
      worker.terminate();
      resolve(result);
    };
    const reject = (why: string): void => finish({ runs: observations, sandboxError: `the sandbox sent ${why}` });
    const expire = (): void => finish({ runs: [...observations, ...timedOutObservations(request.runs.slice(observations.length), limitMs)] });
    // Each run has the time limit from the moment the one before it answered, so a Worker given many
    // runs on a busy machine does not time out a program that is not slow; the whole call still ends
    // within a few limits, so a program whose every run takes just under the limit cannot hold a Check.
    let timer = setTimeout(expire, limitMs);
    const callTimer = setTimeout(expire, limitMs * Math.max(2, Math.ceil(request.runs.length / RUNS_PER_CALL_LIMIT)));
    worker.addEventListener('message', (event: MessageEvent) => {
      if (finished) return;
      const message = event.data as WorkerToPage | null;
      if (message === null || typeof message !== 'object') return reject('a message that is not one of the protocol');
      if (message.type === 'observation') {
        const expected = request.runs[observations.length];
        if (expected === undefined) return reject('more observations than runs');
        if (!answers(message.observation, expected)) return reject(`an observation for another run than "${expected.scenario}"`);
        observations.push(message.observation);
        clearTimeout(timer);
        timer = setTimeout(expire, limitMs);
      } else if (message.type === 'done') {
        if (observations.length !== request.runs.length) return reject(`"done" after ${observations.length} of ${request.runs.length} runs`);
        finish({ runs: observations });
      } else if (message.type === 'sandbox-error') {
        finish({ runs: observations, sandboxError: String(message.message) });
      }
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      finish({ runs: observations, sandboxError: `the sandbox worker crashed: ${event.message || 'unknown error'}` });
    });
    const message: RunMessage = { type: 'run', request };
    worker.postMessage(message);
  });
}

/** True when `observation` is labelled as the answer to `run`. */
function answers(observation: RunObservation | undefined, run: SandboxRun): boolean {
  return (
    typeof observation === 'object' &&
    observation !== null &&
    observation.scenario === run.scenario &&
    observation.seed === run.seed &&
    observation.guarantee === run.guarantee
  );
}

/** `runs` in at most `parts` contiguous, nearly equal batches, in order (none empty). */
export function splitRuns<T>(runs: readonly T[], parts: number): T[][] {
  const count = Math.max(1, Math.min(parts, runs.length));
  const batches: T[][] = [];
  let start = 0;
  for (let index = 0; index < count; index++) {
    const size = Math.floor(runs.length / count) + (index < runs.length % count ? 1 : 0);
    batches.push(runs.slice(start, start + size));
    start += size;
  }
  return batches;
}

/**
 * The batches' results as if one Worker had run every run in order: the observations up to the first
 * run the time limit stopped, then that run and every later one reported as cut off. The grader resumes
 * after such a cut when the call made progress, exactly as it does for a single Worker; a sandbox error
 * in any batch is the call's error.
 */
export function joinResults(batches: readonly { runs: readonly SandboxRun[]; result: SandboxResult }[], limitMs: number): SandboxResult {
  const runs = batches.flatMap((batch) => batch.runs);
  const observations = batches.flatMap(({ result }) => result.runs);
  const failed = batches.find(({ result }) => result.sandboxError !== undefined);
  if (failed !== undefined) return { runs: observations, sandboxError: failed.result.sandboxError! };
  // A batch that answered fewer runs than it was given would shift every later run onto the wrong
  // scenario; treat its gap like a cut (the grader pairs by position and reports what is missing).
  const short = batches.findIndex(({ runs: given, result }) => result.runs.length < given.length);
  const gap = short < 0 ? -1 : batches.slice(0, short + 1).reduce((sum, { result }) => sum + result.runs.length, 0);
  const timeout = observations.findIndex((observation) => observation.error?.kind === 'timeout' && observation.error.inVirtualTime !== true);
  const stopped = [gap, timeout].filter((index) => index >= 0).reduce((a, b) => Math.min(a, b), Infinity);
  if (stopped === Infinity) return { runs: observations };
  if (stopped === timeout) return { runs: [...observations.slice(0, stopped), ...timedOutObservations(runs.slice(stopped), limitMs)] };
  return { runs: observations.slice(0, stopped) };
}

