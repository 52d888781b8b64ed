import { z } from 'zod';
import { GUARANTEES, type Guarantee } from '../grading/guarantees.ts';

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
export type GradeError = z.infer<typeof gradeErrorSchema>;

export const stepReportSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  passed: z.boolean(),
  message: z.string(),
});
export type StepReport = z.infer<typeof stepReportSchema>;

export const runReportSchema = z.strictObject({
  scenario: z.string(),
  seed: z.number().int(),
  /** What the run observed; null when nothing could be observed (the program failed before it). */
  processed_orders: z.array(z.string()).nullable(),
  passed: z.boolean(),
  /** The verdict in Kafka's terms, with the fault that explains a failure when there is one. */
  message: z.string(),
  error: gradeErrorSchema.optional(),
});
export type RunReport = z.infer<typeof runReportSchema>;

export const guaranteeReportSchema = z.strictObject({
  guarantee: guaranteeSchema,
  passed: z.boolean(),
  runs: z.array(runReportSchema),
});
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
export type GradeReport = z.infer<typeof gradeReportSchema>;
