import { z } from 'zod';
import { quizSchema } from './quiz.ts';
import { friendlyIssues, requiredField } from './friendly-errors.ts';

/**
 * The front matter of a lesson (`content/lessons/NN-slug.mdx`).
 * The exercises it embeds are not listed here: they are read from its body's `<Exercise id>` tags
 * (src/schemas/lesson-body.ts), which the content loader checks against the folders under `exercises/`.
 */
export function lessonSchema() {
  return z
    .strictObject({
      /** Title shown on the course home, in the page heading and in search results. */
      title: z.string({ error: requiredField('title', 'the lesson title') }).min(1).describe('Lesson title'),
      /** One sentence for the course home and the page's meta description. */
      description: z.string({ error: requiredField('description', 'one sentence for the course home') }).min(1).describe('One-sentence summary'),
      /** Position in the course, 1-based; previous / next follow it. */
      order: z.number({ error: requiredField('order', 'the position in the course, 1, 2, 3…, each used once') }).int().positive().describe('Position in the course, 1-based'),
      /** The seed lesson this one mirrors, a file name under shared/seeds without `.txt`. */
      seed: z.string({ error: requiredField('seed', 'the seed lesson it mirrors') }).regex(/^\d{3}_[0-9a-f]+$/, 'use the seed file name without .txt, e.g. 000_cad3cde24f010121').describe('Seed lesson mirrored'),
      /**
       * What a student will be able to do after the lesson, one short sentence each, starting with a
       * verb ("Predict what acks=1 loses when a leader crashes"). Shown in the lesson header.
       */
      objectives: z
        .array(z.string().trim().min(12, 'each objective is a short sentence starting with a verb (12 characters or more)').max(140, 'keep each objective under 140 characters: one idea per line'), {
          error: requiredField('objectives', 'two to five things the student will be able to do afterwards'),
        })
        .min(2, 'list at least 2 objectives: what the student will be able to do afterwards')
        .max(5, 'list at most 5 objectives; a lesson that teaches more should be split')
        .describe('What the student will be able to do after the lesson'),
      /** Estimated time to work through the lesson, exercises included, in whole minutes. */
      minutes: z
        .number({ error: requiredField('minutes', 'the estimated time in whole minutes, exercises included') })
        .int('minutes is a whole number, e.g. 15')
        .min(3, 'minutes is at least 3: even a short lesson takes that long to read')
        .max(120, 'minutes is at most 120; a longer lesson should be split')
        .describe('Estimated time in minutes, exercises included'),
      /**
       * No longer written: the exercises a lesson embeds are read from its `<Exercise id="…" />` tags
       * (`embeddedExerciseIds`). Refused with a message, so an old lesson is told what to do.
       */
      exercises: z
        .never({ error: 'remove `exercises:` — the exercises a lesson embeds are read from its <Exercise id="…" /> tags' })
        .optional()
        .describe('Not used: derived from the <Exercise id> tags in the body'),
      /** Quizzes rendered with `<Quiz id="…" />`. @default [] */
      quizzes: z.array(quizSchema).default([]).describe('Quizzes of the lesson'),
    })
    .superRefine((lesson, ctx) => {
      const seen = new Set<string>();
      lesson.quizzes.forEach((quiz, index) => {
        if (seen.has(quiz.id)) ctx.addIssue({ code: 'custom', path: ['quizzes', index, 'id'], message: `duplicate quiz id "${quiz.id}"` });
        seen.add(quiz.id);
      });
    });
}

export type Lesson = z.infer<ReturnType<typeof lessonSchema>>;

/**
 * Validates a lesson's front matter and throws one readable error naming the file and each bad field,
 * e.g. `content/lessons/02-visual.mdx: quizzes[0].questions[1].options: needs exactly one option with correct: true, found 0`.
 */
export function parseLessonFrontmatter(value: unknown, file: string): Lesson {
  const result = lessonSchema().safeParse(value);
  if (result.success) return result.data;
  throw new Error(friendlyIssues(result.error.issues, file).join('\n'));
}
