import { z } from 'zod';

/**
 * The metadata of one exercise, read from `exercises/<id>/exercise.json`.
 * Starter, solution, hidden checks and known-wrong submissions live beside it as files;
 * this schema only describes what a learner sees and where the exercise is embedded.
 */
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

export const exerciseSchema = z.strictObject({
  /** Title shown above the editor. */
  title: z.string().min(1).describe('Title shown above the editor'),
  /** Slug of the lesson that embeds the exercise (a file name under content/lessons without .mdx). */
  lesson: z.string().regex(/^[a-z0-9-]+$/, 'use the lesson slug, e.g. 01-why-guarantees-matter').describe('Slug of the lesson that embeds it'),
  /** One-paragraph summary of what the learner builds. */
  summary: z.string().min(1).describe('What the learner builds'),
  /** Steps in order; an exercise without steps is graded per guarantee only. @default [] */
  steps: z.array(exerciseStepSchema).default([]).describe('Steps in order'),
  contract: exerciseContractSchema,
});

export type ExerciseStep = z.infer<typeof exerciseStepSchema>;
export type ExerciseContract = z.infer<typeof exerciseContractSchema>;
export type ExerciseMeta = z.infer<typeof exerciseSchema>;

/**
 * Validates parsed `exercise.json` content and throws one readable error naming the file and each bad
 * field, e.g. `exercises/orders-producer/exercise.json: steps[2].hint: Required`.
 */
export function parseExerciseMeta(value: unknown, file: string): ExerciseMeta {
  const result = exerciseSchema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${file}: ${formatPath(issue.path)}: ${friendlyMessage(issue)}`);
  throw new Error(lines.join('\n'));
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`;
  return out;
}

function friendlyMessage(issue: z.core.$ZodIssue): string {
  // zod 4 words a missing field as "expected string, received undefined"; authors read "Required" faster.
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return 'Required';
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.join(', ')}`;
  return issue.message;
}
