/**
 * The one interface every place that runs learner code implements: the in-page Worker engine, the
 * Node engine (QuickJS in-process) and the serverless endpoint (QuickJS in the function).
 */
import type { CompileResult } from './compile.ts';
import type { SandboxRequest, SandboxResult } from './sandbox-protocol.ts';

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

/** Wall-clock time one `run` call may take before its current run is stopped. @default 2000 */
export const DEFAULT_TIME_LIMIT_MS = 2000;

/** The message a learner sees when their code is stopped by the time limit. */
export function timeoutMessage(limitMs: number): string {
  return `The program did not finish within ${limitMs / 1000} s and was stopped: look for a loop that never ends, or an await that never resolves.`;
}
