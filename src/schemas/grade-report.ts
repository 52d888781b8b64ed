import { z } from 'zod';
import { GUARANTEES, type Guarantee } from './guarantees.ts';

// Re-exported: the list lives in a zod-free module so page code can use it without zod.
export { GUARANTEES, type Guarantee };

/** The three delivery guarantees an exercise is graded against. */
export const guaranteeSchema = z.enum(GUARANTEES);

/** What stopped a submission or one run. Line and column are 1-based, in the learner's file. */
export const gradeErrorSchema = z.strictObject({
  kind: z.enum(['compile', 'runtime', 'timeout', 'sandbox']),
  message: z.string(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
});
/** What stopped a submission or one run. */
export type GradeError = z.infer<typeof gradeErrorSchema>;

/** The verdict on one step of the exercise. */
export const stepReportSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  passed: z.boolean(),
  message: z.string(),
});
/** The verdict on one step. */
export type StepReport = z.infer<typeof stepReportSchema>;

/** The verdict on one run: one fault scenario and seed, under one guarantee. */
export const runReportSchema = z.strictObject({
  scenario: z.string(),
  seed: z.number().int(),
  /** What the run observed; null when nothing could be observed (the program failed before it). */
  processed_orders: z.array(z.string()).nullable(),
  passed: z.boolean(),
  /** The verdict in Kafka's terms, with the fault that explains a failure when there is one. */
  message: z.string(),
  error: gradeErrorSchema.optional(),
  /**
   * For a family of schedules explored as one (a crash at each call out of the process): how many
   * schedules were explored (the planned fault struck) and how many broke the guarantee. The run's
   * scenario, seed, processed_orders and message are then those of the smallest failing schedule, or
   * of the last one explored when none failed.
   */
  schedules: z.strictObject({ explored: z.number().int().nonnegative(), failed: z.number().int().nonnegative(), first_failing: z.string().optional() }).optional(),
});
/** The verdict on one run. */
export type RunReport = z.infer<typeof runReportSchema>;

/** One guarantee's runs; it passes when every run passes. */
export const guaranteeReportSchema = z.strictObject({
  guarantee: guaranteeSchema,
  passed: z.boolean(),
  runs: z.array(runReportSchema),
});
/** One guarantee's runs and verdict. */
export type GuaranteeReport = z.infer<typeof guaranteeReportSchema>;

/** The report of one graded submission: the JSON that `grade --json` prints and `check()` resolves to. */
export const gradeReportSchema = z.strictObject({
  exercise: z.string(),
  file: z.string(),
  passed: z.boolean(),
  /** What stopped every run (a compile error); an error inside one run goes on that run. */
  error: gradeErrorSchema.nullable(),
  steps: z.array(stepReportSchema),
  guarantees: z.array(guaranteeReportSchema),
});
/** The report of one graded submission (`grade --json`). */
export type GradeReport = z.infer<typeof gradeReportSchema>;

/**
 * The learner's program run once as written (the Run button, `POST /api/run`): what it printed and
 * what the cluster did. Not a verdict: nothing here is judged.
 */
export interface ProgramRunReport {
  exercise: string;
  file: string;
  /** A compile error, or what stopped the program (runtime error, timeout). */
  error: GradeError | null;
  /** What the program printed, capped by the sandbox. */
  console: string[];
  /** The simulated cluster's events in order (the broker's trace format). */
  trace: unknown[];
  /** What the run observed as processed orders, when the exercise observes them. */
  processed_orders: string[] | null;
}
