/**
 * What an exercise's `checks.ts` exports. The checks decide which runs the sandbox makes (fault
 * plans, seeds, order ids per guarantee) and judge the observations afterwards; they run outside the
 * sandbox, so learner code never sees the expected answers.
 */
import type { DriverKind, RunObservation, SandboxRun } from '../shared/sandbox-protocol.ts';

/** The verdict on one run or one step. */
export interface Verdict {
  /** True when the run or step meets what was asked. */
  passed: boolean;
  /** Why, in Kafka's terms; for a failure, what went wrong and which fault explains it. */
  message: string;
}

/** What step checks see: the learner's source and the run of the program as written. */
export interface StepInput {
  /** The learner's TypeScript as submitted (before compiling). */
  source: string;
  /**
   * The same program compiled to JavaScript (esbuild's output, types removed): what a check that judges
   * how the program is written parses (src/grading/program-structure.ts), never the text above.
   */
  code: string;
  /** The run with `guarantee: null`, when the checks asked for one. */
  asWritten: RunObservation | undefined;
}

/**
 * The hidden checks of one exercise: the default export of `exercises/<id>/checks.ts`. Everything an
 * author fills in is here; the grader calls `runs()` once per Check, then `steps` and `judge`.
 */
export interface ExerciseChecks {
  /** Which harness driver runs the learner's code. */
  driver: DriverKind;
  /** Script driver: top-level names whose final values are observed. @default [] (nothing observed) */
  observe?: readonly string[];
  /** Every run of a Check, in report order; runs with `guarantee: null` feed the step checks only. */
  runs(): SandboxRun[];
  /**
   * Per-step verdicts, keyed by step id (the `{#id}` of each step in `exercise.md`). A step with no verdict,
   * or every step when this throws, fails with "this step could not be checked".
   * @default none: only needed when `exercise.md` has steps
   */
  steps?(input: StepInput): Record<string, Verdict>;
  /** Judges one run against the guarantee it was asked for; a throw fails that run, not the report. */
  judge(run: RunObservation): Verdict;
}
