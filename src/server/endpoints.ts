/**
 * The Worker's two endpoints, sharing one rate limiter (a Run costs as much as a Check):
 * `POST /api/grade` → the `grade --json` report; `POST /api/run` → the program once (the Run button).
 * The hidden checks reach the function through `server-exercises.ts`, and nothing here reaches a page.
 */
import { env } from 'cloudflare:workers';
import { gradeSubmission } from '../grading/grade.ts';
import type { LoadedExercise } from '../grading/exercise-types.ts';
import type { SandboxEngine } from '../runner/engine.ts';
import { MAX_BODY_BYTES, RATE_LIMIT, RATE_LIMIT_BINDING } from './grade-limits.ts';
import { createRateLimiter, withRateLimitBinding } from './rate-limiter.ts';
import { runProgramOnce } from '../grading/run-once.ts';
import { serverExercises } from './server-exercises.ts';
import { createSubmissionHandler } from './submission-handler.ts';
import { createWorkerdEngine } from './workerd-engine.ts';

const limiter = withRateLimitBinding(
  createRateLimiter({ ...RATE_LIMIT, now: () => Date.now() }),
  env[RATE_LIMIT_BINDING.name],
  RATE_LIMIT_BINDING.periodSeconds,
);
const exercises = [...serverExercises.keys()].sort();

async function withExercise<T>(id: string, task: (exercise: LoadedExercise, engine: SandboxEngine) => Promise<T>): Promise<T> {
  const exercise = serverExercises.get(id);
  if (exercise === undefined) throw new Error(`exercise ${id} vanished after validation`);
  const engine = await createWorkerdEngine();
  try {
    return await task(exercise, engine);
  } finally {
    engine.close();
  }
}

/** `POST /api/grade`. */
export const gradeEndpoint = createSubmissionHandler({
  exercises,
  limiter,
  maxBodyBytes: MAX_BODY_BYTES,
  respond: ({ exercise, source, file }) => withExercise(exercise, (loaded, engine) => gradeSubmission(loaded, source, engine, file)),
});

/** `POST /api/run`. */
export const runEndpoint = createSubmissionHandler({
  exercises,
  limiter,
  maxBodyBytes: MAX_BODY_BYTES,
  respond: ({ exercise, source, file }) => withExercise(exercise, (loaded, engine) => runProgramOnce(loaded, source, engine, file)),
});
