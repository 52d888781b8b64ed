/** An exercise as the grader and the page use it: its metadata, its files and its hidden checks. */
import type { ExerciseMeta } from '../schemas/exercise.ts';
import type { ExerciseChecks } from './checks-types.ts';

/** A known-wrong submission and the check it must fail. */
export interface WrongSubmission {
  /** Path shown in test names, e.g. `exercises/orders-producer/wrong/acks-0.ts`. */
  file: string;
  /** The submission's TypeScript, `// expect-fail:` line included. */
  source: string;
  /** A step id, a guarantee (`at-least-once`) or a guarantee and scenario (`at-least-once/lost ack`). */
  expectFail: string;
}

/** One exercise folder, loaded and validated. */
export interface LoadedExercise {
  /** The folder name under `exercises/`. */
  id: string;
  /** `exercise.md`'s front matter and prose, validated. */
  meta: ExerciseMeta;
  /** `starter.ts`: what the learner starts from (must fail the checks). */
  starter: string;
  /** `solution.ts`: the reference solution (must pass). */
  solution: string;
  /** `checks.ts`'s default export: the hidden runs and judges. */
  checks: ExerciseChecks;
  /** `wrong/*.ts`, each with the check it must fail. */
  wrong: WrongSubmission[];
}
