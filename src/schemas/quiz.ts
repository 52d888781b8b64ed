import { z } from 'zod';

/**
 * One quiz format for every lesson: single-choice questions, each option with its own explanation,
 * so feedback can say why the chosen answer is right or wrong, not only whether it is.
 */
export const quizOptionSchema = z.strictObject({
  /** The answer as the learner reads it. */
  text: z.string().min(1).describe('The answer as the learner reads it'),
  /** Marks the single right answer of the question. @default false */
  correct: z.boolean().default(false).describe('Marks the single right answer'),
  /** Shown as soon as this option is chosen: why it is right, or what it gets wrong. */
  explanation: z.string().min(1).describe('Why this answer is right or wrong'),
});

export const quizQuestionSchema = z
  .strictObject({
    /** The question itself (plain text; keep it to one or two sentences). */
    prompt: z.string().min(1).describe('The question'),
    /** Shown behind "Need a hint?". */
    hint: z.string().min(1).describe('Shown behind "Need a hint?"'),
    /** Two or more options, exactly one of them `correct: true`. */
    options: z.array(quizOptionSchema).min(2).describe('The options, exactly one correct'),
  })
  .superRefine((question, ctx) => {
    const correct = question.options.filter((option) => option.correct).length;
    if (correct !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `needs exactly one option with correct: true, found ${correct}`,
      });
    }
  });

export const quizSchema = z.strictObject({
  /** Stable id, used by `<Quiz id="…" />` and by the saved results; lowercase letters, digits, dashes. */
  id: z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and dashes').describe('Stable quiz id'),
  /** Heading shown above the questions. */
  title: z.string().min(1).describe('Heading shown above the questions'),
  questions: z.array(quizQuestionSchema).min(1).describe('The questions in order'),
});

export type QuizOption = z.infer<typeof quizOptionSchema>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
export type Quiz = z.infer<typeof quizSchema>;
