/**
 * The messages that cross the sandbox boundary, in both directions. Everything here is plain JSON so it
 * can be posted to a Worker or copied into QuickJS. The request carries no expected answers: the
 * sandbox only observes, and the grader judges the observations outside it.
 */
import type { Guarantee } from '../schemas/grade-report.ts';

/** Which harness driver runs the learner's module, and with what contract. */
export type DriverKind = 'script' | 'producer' | 'consumer' | 'transactions';

/** One run: a fault scenario, a seed, a guarantee, and the orders the driver hands to the learner. */
export interface SandboxRun {
  /** Scenario name shown in reports, e.g. "lost ack". */
  scenario: string;
  /**
   * The family of schedules this run belongs to (e.g. "crash at any call"): the grader reports a
   * family's runs as one, passing only when every explored schedule passes. Absent for a lone scenario.
   */
  family?: string;
  /** Seeds the cluster's random source, and so every timing and every generated id. */
  seed: number;
  /** The guarantee the learner is asked for; null for "the program as written" (the script driver's step run). */
  guarantee: Guarantee | null;
  /** The order ids of this run, varied per run by the grader so nothing can be hard-coded. */
  orders: string[];
  /** The broker's fault plan for this run (the broker's own format, passed through untouched). */
  faults: unknown[];
  /**
   * Script driver only: top-level declarations whose initialiser is replaced before the run,
   * as JSON values (e.g. `{ delivery_guarantee: 'exactly-once' }`).
   */
  substitute?: Record<string, unknown>;
}

/** Caps on what one run may produce, so a chatty or runaway submission cannot flood the host. */
export interface SandboxLimits {
  /** @default 200 */
  consoleLines?: number;
  /** @default 20_000 */
  consoleBytes?: number;
  /** Virtual milliseconds after which a run that has not finished is stopped. @default 600_000 */
  virtualTimeMs?: number;
}

/** Everything the sandbox needs for one Check or one Run. */
export interface SandboxRequest {
  /** The learner's program compiled to CommonJS (from `Compiler.compile`). */
  code: string;
  /** Its source map (JSON text), to report runtime errors at the learner's TypeScript line. */
  map: string;
  driver: DriverKind;
  runs: SandboxRun[];
  /** Script driver: top-level names whose final values are observed. */
  observe?: string[];
  limits?: SandboxLimits;
}

/** An error raised inside one run. Line and column are 1-based, in the learner's TypeScript. */
export interface RunError {
  kind: 'runtime' | 'timeout';
  name: string;
  message: string;
  /**
   * A timeout the driver saw in virtual time (a deadlock, say): deterministic, and not the engine's
   * wall-clock limit cutting the run short, so engines keep the runs after it.
   */
  inVirtualTime?: true;
  line?: number;
  column?: number;
}

/** What one run observed. Raw facts only: no verdict is computed inside the sandbox. */
export interface RunObservation {
  scenario: string;
  seed: number;
  guarantee: Guarantee | null;
  /** The orders handed to the learner in this run (echoed so the grader need not trust anything else). */
  orders: string[];
  /** What reached the observed output, in order; null when nothing could be observed. */
  processed_orders: string[] | null;
  /** Side effects outside Kafka (the consumer drivers' "billing" calls), in order. */
  side_effects?: string[];
  console: string[];
  error?: RunError;
  /** The faults that actually fired, as the broker reports them. */
  faultsHit: unknown[];
  /** The cluster's trace (the broker's event format). */
  trace: unknown[];
  /** Script driver: the observed top-level values, JSON-copied. */
  observed?: Record<string, unknown>;
  /** Cluster drivers: how many calls out the program's first process made (see the broker's processes.ts). */
  callsOut?: number;
}

/** What the sandbox hands back for one Check or one Run. */
export interface SandboxResult {
  runs: RunObservation[];
  /** Set when the sandbox itself failed (not the learner's code): the grader reports kind 'sandbox'. */
  sandboxError?: string;
}

/** A compile error, 1-based, in the learner's file. */
export interface CompileError {
  kind: 'compile';
  message: string;
  line: number;
  column: number;
}

/** What compiling learner source gives: runnable CommonJS with its source map, or the first error. */
export type CompileResult = { ok: true; code: string; map: string } | { ok: false; error: CompileError };

/**
 * The one interface every place that runs learner code implements: the in-page Worker engine, the
 * Node engine (QuickJS in-process) and the serverless endpoint (QuickJS in the function).
 */
export interface SandboxEngine {
  /** Compiles learner TypeScript; compile problems are results, not exceptions. */
  compile(source: string): Promise<CompileResult>;
  /**
   * Runs a request in a fresh sandbox within a wall-clock time limit per call: a run that exceeds it
   * (an infinite loop) is observed as an error of kind 'timeout', and the engine stays usable.
   */
  run(request: SandboxRequest): Promise<SandboxResult>;
  /** Releases what the engine holds (wasm instances, workers). */
  close(): void;
}

/** What the environment that hosts the sandbox (a Worker, QuickJS) provides to the harness. */
export interface SandboxHost {
  /** Resolves once the host has had a chance to run (deliver messages, check its time limit). */
  yieldToHost(): Promise<void>;
  /**
   * Evaluates the output of `wrapModule` as a program and returns the function it defines, or a
   * Promise of it: a Worker imports it as a blob module (asynchronous); QuickJS evaluates it under
   * `learnerFileName` (synchronous).
   */
  evaluate(wrappedSource: string): unknown;
  /** The file name stack traces show for evaluated learner code, to find the learner's frames. */
  learnerFileName: string;
}

/**
 * An observation of `run` with nothing observed yet: the request's own labels and orders, no output.
 * Drivers fill it in; the grader rebuilds untrusted observations from it; engines use it for runs that
 * a limit stopped. One literal, so a field added to RunObservation is added everywhere at once.
 */
export function emptyObservation(run: SandboxRun): RunObservation {
  return {
    scenario: run.scenario,
    seed: run.seed,
    guarantee: run.guarantee,
    orders: [...run.orders],
    processed_orders: null,
    console: [],
    faultsHit: [],
    trace: [],
  };
}
