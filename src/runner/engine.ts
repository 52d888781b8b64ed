/**
 * What every sandbox engine shares besides its interface (`SandboxEngine`, defined with the protocol):
 * the wall-clock time limit and the message a learner sees when it stops their program.
 */
import type { SandboxEngine } from './sandbox-protocol.ts';

// Re-exported: the interface lives with the protocol so the grader depends on the protocol alone.
export type { SandboxEngine };

/** Wall-clock time one `run` call may take before its current run is stopped. @default 2000 */
export const DEFAULT_TIME_LIMIT_MS = 2000;

/** The message a learner sees when their code is stopped by the time limit. */
export function timeoutMessage(limitMs: number): string {
  return `The program did not finish within ${limitMs / 1000} s and was stopped: look for a loop that never ends, or an await that never resolves.`;
}
