import { z } from 'zod';
import { friendlyIssues } from './friendly-errors.ts';

/** One step of an exercise: shown in the progress list, judged by the checks' `steps` function. */
export const exerciseStepSchema = z.strictObject({
  /** Stable id of the step, used by the checks and by saved progress. */
  id: z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and dashes').describe('Stable id of the step'),
  /** Short title shown in the progress list. */
  title: z.string().min(1).describe('Short title shown in the progress list'),
  /** What the learner should do, in one or two sentences (Markdown allowed). */
  instructions: z.string().min(1).describe('What the learner should do'),
  /** Shown behind "Need a hint?". */
  hint: z.string().min(1).describe('Shown behind "Need a hint?"'),
});

/** The contract between the learner's code and the harness, shown to learners and maintainers. */
export const exerciseContractSchema = z.strictObject({
  /** The function or program shape the learner must provide, as it appears in the starter. */
  signature: z.string().min(1).describe('The function or program shape the learner must provide'),
  /** What the harness does with it and how processed_orders is observed. */
  description: z.string().min(1).describe('What the harness does with the code and what is graded'),
});

/**
 * The metadata of one exercise, read from `exercises/<id>/exercise.md`: title and lesson from its front
 * matter, summary, steps and contract from its body (src/schemas/exercise-markdown.ts).
 * Starter, solution, hidden checks and known-wrong submissions live beside it as files;
 * this schema only describes what a learner sees and where the exercise is embedded.
 */
export const exerciseSchema = z.strictObject({
  /** Title shown above the editor. */
  title: z.string().min(1).describe('Title shown above the editor'),
  /** Slug of the lesson that embeds the exercise (a file name under content/lessons without .mdx). */
  lesson: z.string().regex(/^[a-z0-9-]+$/, 'use the lesson slug, e.g. 01-why-guarantees-matter').describe('Slug of the lesson that embeds it'),
  /** One-paragraph summary of what the learner builds. */
  summary: z.string().min(1).describe('What the learner builds'),
  /** Steps in order; an exercise without steps is graded per guarantee only. @default [] */
  steps: z.array(exerciseStepSchema).default([]).describe('Steps in order'),
  /** What the learner's code must provide (see `exerciseContractSchema`). */
  contract: exerciseContractSchema.describe('What the learner must provide and what is graded'),
});

/** One step of an exercise, as parsed. */
export type ExerciseStep = z.infer<typeof exerciseStepSchema>;
/** The learner's contract, as parsed. */
export type ExerciseContract = z.infer<typeof exerciseContractSchema>;
/** A validated `exercise.md`, with defaults filled in. */
export type ExerciseMeta = z.infer<typeof exerciseSchema>;

/**
 * Validates the fields of an `exercise.md` and throws one readable error naming the file and each bad
 * field, e.g. `exercises/orders-producer/exercise.md: steps[2].hint: Required`.
 */
export function parseExerciseMeta(value: unknown, file: string): ExerciseMeta {
  const result = exerciseSchema.safeParse(value);
  if (result.success) return result.data;
  throw new Error(friendlyIssues(result.error.issues, file).join('\n'));
}
