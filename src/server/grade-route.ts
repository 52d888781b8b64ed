/**
 * `/api/grade` in the serverless build (injected by src/deploy/serverless-integration.ts, so the
 * static build has no on-demand route). It binds the plain handler to the real grader: the hidden
 * checks are bundled here, into the function, and nowhere else.
 */
import type { APIRoute } from 'astro';
import { gradeSubmission } from '../grading/grade.ts';
import { exercisesById } from '../grading/load-exercises-vite.ts';
import { MAX_BODY_BYTES, RATE_LIMIT } from './grade-limits.ts';
import { createGradeHandler } from './grade-handler.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { createWorkerdEngine } from './workerd-engine.ts';

export const prerender = false;

// One limiter per isolate; see rate-limiter.ts for why that is only a first line of defence.
const handle = createGradeHandler({
  exercises: [...exercisesById.keys()].sort(),
  limiter: createRateLimiter({ ...RATE_LIMIT, now: () => Date.now() }),
  maxBodyBytes: MAX_BODY_BYTES,
  async grade(id, source, file) {
    const exercise = exercisesById.get(id);
    if (exercise === undefined) throw new Error(`exercise ${id} vanished after validation`);
    const engine = await createWorkerdEngine();
    try {
      return await gradeSubmission(exercise, source, engine, file);
    } finally {
      engine.close();
    }
  },
});

/** Every method goes to the handler, which answers 405 for all but POST. */
export const ALL: APIRoute = ({ request }) => handle(request);
