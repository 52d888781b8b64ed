/** An exercise as the grader and the page use it: its metadata, its files and its hidden checks. */
import type { ExerciseMeta } from '../schemas/exercise.ts';
import type { ExerciseChecks } from './checks-types.ts';

/** A known-wrong submission and the check it must fail. */
export interface WrongSubmission {
  /** Path shown in test names, e.g. `exercises/orders-producer/wrong/acks-0.ts`. */
  file: string;
  source: string;
  /** A step id, a guarantee (`at-least-once`) or a guarantee and scenario (`at-least-once/lost ack`). */
  expectFail: string;
}

export interface LoadedExercise {
  id: string;
  meta: ExerciseMeta;
  starter: string;
  solution: string;
  checks: ExerciseChecks;
  wrong: WrongSubmission[];
}
