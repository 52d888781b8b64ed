/**
 * What every sandbox engine shares besides its interface (`SandboxEngine`, defined with the protocol):
 * the wall-clock time limit and the message a learner sees when it stops their program.
 */
import { emptyObservation, type RunObservation, type SandboxEngine, type SandboxRun } from '../shared/sandbox-protocol.ts';

// Re-exported: the interface lives with the protocol so the grader depends on the protocol alone.
export type { SandboxEngine };

/** Wall-clock time one `run` call may take before its current run is stopped. @default 2000 */
export const DEFAULT_TIME_LIMIT_MS = 2000;

/**
 * The message a learner sees when their code is stopped by the time limit. A busy-wait on the clock
 * ends (each clock read moves it on), so what is left is a loop whose condition nothing inside it
 * changes — often one waiting for a callback, which cannot run until the loop gives the thread back.
 */
export function timeoutMessage(limitMs: number): string {
  return (
    `The program did not finish within ${limitMs / 1000} s and was stopped: look for a loop that never ends, or an await that never resolves. ` +
    'A loop that waits for something a callback, timer or message handler will change (`while (!done) {}`) never ends: ' +
    'JavaScript runs one thing at a time, so that callback cannot run while the loop spins. Await a promise instead.'
  );
}

/** Observations for runs stopped (or never started) because the time limit was used up — the same words in every engine. */
export function timedOutObservations(runs: readonly SandboxRun[], limitMs: number): RunObservation[] {
  return stoppedObservations(runs, 'timeout', 'TimeoutError', timeoutMessage(limitMs), 'Not run: an earlier run of this check used up the time limit.');
}

/** Observations for runs a limit stopped: the first gets `first`, the ones never started get `rest`. */
export function stoppedObservations(runs: readonly SandboxRun[], kind: 'timeout' | 'runtime', name: string, first: string, rest: string): RunObservation[] {
  return runs.map((run, index) => ({ ...emptyObservation(run), error: { kind, name, message: index === 0 ? first : rest } }));
}
