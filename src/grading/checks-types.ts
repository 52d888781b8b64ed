/**
 * What an exercise's `checks.ts` exports. The checks decide which runs the sandbox makes (fault
 * plans, seeds, order ids per guarantee) and judge the observations afterwards; they run outside the
 * sandbox, so learner code never sees the expected answers.
 */
import type { DriverKind, RunObservation, SandboxRun } from '../runner/sandbox-protocol.ts';

/** The verdict on one run or one step. */
export interface Verdict {
  passed: boolean;
  /** Why, in Kafka's terms; for a failure, what went wrong and which fault explains it. */
  message: string;
}

/** What step checks see: the learner's source and the run of the program as written. */
export interface StepInput {
  source: string;
  /** The run with `guarantee: null`, when the checks asked for one. */
  asWritten: RunObservation | undefined;
}

export interface ExerciseChecks {
  /** Which harness driver runs the learner's code. */
  driver: DriverKind;
  /** Script driver: top-level names to observe. */
  observe?: readonly string[];
  /** Every run of a Check, in report order; runs with `guarantee: null` feed the step checks only. */
  runs(): SandboxRun[];
  /** Per-step verdicts, keyed by step id (the ids of `exercise.json`'s steps). */
  steps?(input: StepInput): Record<string, Verdict>;
  /** Judges one run against the guarantee it was asked for. */
  judge(run: RunObservation): Verdict;
}
