/**
 * What the exercise controller needs from the machinery behind it (compiler, sandbox, grader),
 * kept to one small interface so the controller loads with the page while the machinery loads
 * lazily — and so a server-graded mode can be a second implementation.
 */
import type { GradeReport, ProgramRunReport } from '../schemas/grade-report.ts';

// Re-exported: the report is the /api/run contract, so it lives with the other report types in schemas.
export type { ProgramRunReport };

/** The file name reports give the learner's code in the page, whichever backend grades it. */
export const PAGE_FILE_NAME = 'main.ts';

/** The trace a graded run left, found by its guarantee, scenario and seed; undefined when not kept. */
export type TraceLookup = (guarantee: string, scenario: string, seed: number) => readonly unknown[] | undefined;

/** Compile, run and grade one exercise's code. */
export interface ExerciseBackend {
  /** Starts whatever is slow (compiler wasm, spare sandbox worker); resolves when code can be compiled. */
  warm(): Promise<void>;
  /** The hidden checks over every step, guarantee and fault scenario. */
  check(source: string): Promise<GradeReport>;
  /** The learner's program once. */
  run(source: string): Promise<ProgramRunReport>;
  /**
   * Compile `source` ahead, while the learner pauses typing, so that the next Run or Check of the same
   * code starts in the sandbox. Optional, and a hint only: it reports nothing and never starts a
   * compiler that has not loaded.
   */
  prepare?(source: string): void;
  /** The reference solution, fetched only when the learner asks to see it. */
  solution(): Promise<string>;
  /**
   * The traces of the last `check`'s runs, for the verdict's Replay. Optional: the report (the
   * `grade --json` contract) carries no traces, so only a backend that ran the sandbox itself has them.
   */
  traceOf?: TraceLookup;
}
