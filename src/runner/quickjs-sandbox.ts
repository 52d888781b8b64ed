/**
 * Runs a sandbox request in QuickJS (compiled to WebAssembly): the engine of the Node CLI and of the
 * serverless endpoint. The learner's code gets its own QuickJS runtime with a memory limit and an
 * interrupt handler that enforces the wall-clock limit, so an infinite loop or a memory bomb stops
 * QuickJS, never the host. No Node API is used here: the caller passes the loaded wasm module, the
 * harness bundle and a clock.
 */
import type { QuickJSContext, QuickJSDeferredPromise, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { stoppedObservations, timedOutObservations } from './engine.ts';
import { type RunObservation, type SandboxRequest, type SandboxResult, type SandboxRun } from '../shared/sandbox-protocol.ts';

export interface QuickJSSandboxOptions {
  module: QuickJSWASMModule;
  /** The IIFE built from `quickjs-entry.ts` (see `harness-bundle.ts`). */
  harnessBundle: string;
  /**
   * The time limit for the whole request, in ms of work: QuickJS polls its interrupt handler every
   * few thousand bytecodes, and the request may make `timeLimitMs × INTERRUPTS_PER_MS` polls. Counting
   * work instead of reading a clock makes the limit the same on a busy machine as on an idle one, so a
   * verdict never depends on what else the machine is doing. A wall-clock backstop
   * (`WALL_CLOCK_FACTOR` × the limit) still stops a call that spends its time inside one builtin.
   */
  timeLimitMs: number;
  /** @default 64 MiB */
  memoryLimitBytes?: number;
  /** The host's clock (Date.now); injected so the module stays free of globals it cannot rely on. */
  now: () => number;
  /** Told about each observation as soon as it is made (a host that may be killed streams them out). */
  onObservation?: (observation: RunObservation) => void;
  /**
   * Told when QuickJS could not release the runtime (its allocator is left in doubt, e.g. after an
   * out-of-memory in the middle of an operation): a long-lived host should start a fresh module.
   */
  onReleaseFailure?: (message: string) => void;
  /** Told the bytes QuickJS has allocated when the request is over (the bench's memory per Check). */
  onMemoryUsage?: (bytes: number) => void;
}

/**
 * Interrupt polls per millisecond of the time limit: measured on an idle 2-core machine, where a
 * `while (true) {}` loop polls between 5 000 and 12 000 times a second; the lower figure is used.
 */
export const INTERRUPTS_PER_MS = 5;

/** How many time limits of wall-clock time a request may take before it is stopped regardless. */
export const WALL_CLOCK_FACTOR = 5;

/** Memory one request's QuickJS runtime may use. */
const DEFAULT_MEMORY_LIMIT_BYTES = 64 * 1024 * 1024;

/** How QuickJS words the error it raises when the memory limit is reached. */
const OUT_OF_MEMORY = /\bout of memory\b/i;

/** Runs `request` in a fresh QuickJS runtime and context; never throws for anything the learner does. */
export async function runInQuickJS(options: QuickJSSandboxOptions, request: SandboxRequest): Promise<SandboxResult> {
  const runtime = options.module.newRuntime();
  const deadline = options.now() + options.timeLimitMs * WALL_CLOCK_FACTOR;
  const fuel = options.timeLimitMs * INTERRUPTS_PER_MS;
  let polls = 0;
  let interrupted = false;
  runtime.setMemoryLimit(options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT_BYTES);
  runtime.setMaxStackSize(1024 * 1024);
  runtime.setInterruptHandler(() => {
    polls++;
    if (polls > fuel || options.now() > deadline) interrupted = true;
    return interrupted;
  });
  const context = runtime.newContext();
  const observations: RunObservation[] = [];
  const yields: QuickJSDeferredPromise[] = [];
  const expired = (): boolean => interrupted || polls > fuel || options.now() > deadline;
  const record = (reported: RunObservation): void => {
    const run = request.runs[observations.length];
    // One observation per run, in order: anything more did not come from the harness.
    if (run === undefined) return;
    // Past the deadline the interrupt may have been caught inside the harness and reported as the
    // learner's runtime error: a run that did not finish in time is a timeout, whatever it says.
    const observation = expired() ? (timedOutObservations([run], options.timeLimitMs)[0] ?? reported) : reported;
    observations.push(observation);
    options.onObservation?.(observation);
  };
  try {
    installHostFunctions(context, yields, record);
    const bundle = context.evalCode(options.harnessBundle, 'harness.js');
    if (bundle.error !== undefined) {
      const detail = describe(context, bundle.error);
      bundle.error.dispose();
      return { runs: observations, sandboxError: `the harness failed to load: ${detail}` };
    }
    bundle.value.dispose();
    const outcome = await drive(context, JSON.stringify(request), yields, expired);
    if (outcome.kind === 'done') return { runs: observations };
    if (outcome.kind === 'sandbox' && OUT_OF_MEMORY.test(outcome.message)) {
      // The learner's allocations used up the runtime's memory and the harness could not go on: that is
      // the learner's program failing, not the sandbox.
      return { runs: [...observations, ...outOfMemoryObservations(request.runs.slice(observations.length), options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT_BYTES)] };
    }
    if (outcome.kind === 'sandbox') return { runs: observations, sandboxError: outcome.message };
    return { runs: [...observations, ...timedOutObservations(request.runs.slice(observations.length), options.timeLimitMs)] };
  } finally {
    if (options.onMemoryUsage !== undefined) reportMemoryUsage(runtime, context, options.onMemoryUsage);
    release(runtime, context, yields, options.onReleaseFailure);
  }
}

/** QuickJS's own count of the bytes its objects use (`memory_used_size`); nothing when it cannot tell. */
function reportMemoryUsage(runtime: QuickJSRuntime, context: QuickJSContext, report: (bytes: number) => void): void {
  try {
    const handle = runtime.computeMemoryUsage();
    const usage = context.dump(handle) as { memory_used_size?: unknown };
    handle.dispose();
    if (typeof usage.memory_used_size === 'number') report(usage.memory_used_size);
  } catch {
    // A runtime left in doubt (out of memory) has no figure to give.
  }
}

/**
 * Frees the context and runtime. QuickJS can abort here (objects left behind by an out-of-memory in
 * the middle of an operation): the observations already made stand, and the host is told.
 */
function release(runtime: QuickJSRuntime, context: QuickJSContext, yields: QuickJSDeferredPromise[], onFailure: ((message: string) => void) | undefined): void {
  try {
    for (const deferred of yields) if (deferred.alive) deferred.dispose();
    context.dispose();
    runtime.dispose();
  } catch (thrown) {
    onFailure?.(thrown instanceof Error ? thrown.message : String(thrown));
  }
}

function installHostFunctions(context: QuickJSContext, yields: QuickJSDeferredPromise[], report: (observation: RunObservation) => void): void {
  const yieldFn = context.newFunction('__kxYield', () => {
    const deferred = context.newPromise();
    yields.push(deferred);
    return deferred.handle;
  });
  const reportFn = context.newFunction('__kxReport', (json: QuickJSHandle) => {
    report(JSON.parse(context.getString(json)) as RunObservation);
  });
  context.setProp(context.global, '__kxYield', yieldFn);
  context.setProp(context.global, '__kxReport', reportFn);
  yieldFn.dispose();
  reportFn.dispose();
}

type DriveOutcome = { kind: 'done' } | { kind: 'timeout' } | { kind: 'sandbox'; message: string };

/**
 * Calls `__kxRun` and pumps QuickJS's job queue: drain the microtasks, then resolve the harness's
 * pending yields, until the run's promise settles or time is up.
 */
async function drive(context: QuickJSContext, requestJson: string, yields: QuickJSDeferredPromise[], expired: () => boolean): Promise<DriveOutcome> {
  const runFn = context.getProp(context.global, '__kxRun');
  const argument = context.newString(requestJson);
  const call = context.callFunction(runFn, context.undefined, argument);
  runFn.dispose();
  argument.dispose();
  if (call.error !== undefined) {
    const message = describe(context, call.error);
    call.error.dispose();
    return expired() ? { kind: 'timeout' } : { kind: 'sandbox', message };
  }
  const promise = call.value;
  try {
    for (;;) {
      const jobs = context.runtime.executePendingJobs();
      if (jobs.error !== undefined) {
        const message = describe(context, jobs.error);
        jobs.error.dispose();
        if (expired()) return { kind: 'timeout' };
        // A learner error escaping into a job is caught by the driver; one that is not is a harness fault.
        return { kind: 'sandbox', message };
      }
      const state = context.getPromiseState(promise);
      if (state.type === 'fulfilled') {
        const text = context.dump(state.value) as unknown;
        state.value.dispose();
        const parsed = typeof text === 'string' ? (JSON.parse(text) as { sandboxError?: string }) : {};
        return parsed.sandboxError === undefined ? { kind: 'done' } : { kind: 'sandbox', message: parsed.sandboxError };
      }
      if (state.type === 'rejected') {
        const message = describe(context, state.error);
        state.error.dispose();
        return expired() ? { kind: 'timeout' } : { kind: 'sandbox', message };
      }
      if (expired()) return { kind: 'timeout' };
      if (yields.length === 0) {
        if (!context.runtime.hasPendingJob()) return { kind: 'sandbox', message: 'the harness stopped making progress' };
        continue;
      }
      for (const deferred of yields.splice(0)) {
        deferred.resolve();
        deferred.dispose();
      }
      // Let the host's own event loop breathe between batches (other requests, signals).
      await Promise.resolve();
    }
  } finally {
    promise.dispose();
  }
}

/** Observations for runs stopped (or never started) because the learner's program used up the memory limit. */
function outOfMemoryObservations(runs: SandboxRun[], limitBytes: number): RunObservation[] {
  const mib = Math.round(limitBytes / (1024 * 1024));
  return stoppedObservations(
    runs,
    'runtime',
    'RangeError',
    `The program used more than the ${mib} MiB of memory the sandbox allows and was stopped: look for a collection or a string that grows without end.`,
    'Not run: an earlier run of this check used up the memory limit.',
  );
}


function describe(context: QuickJSContext, handle: QuickJSHandle): string {
  try {
    const value = context.dump(handle) as unknown;
    if (typeof value === 'object' && value !== null) {
      const { name, message } = value as { name?: unknown; message?: unknown };
      return `${String(name ?? 'Error')}: ${String(message ?? '')}`;
    }
    return String(value);
  } catch {
    return 'unknown error';
  }
}
