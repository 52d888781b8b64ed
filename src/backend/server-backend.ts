/**
 * The page's backend when the site is deployed with the grading endpoint
 * (`import.meta.env.PUBLIC_GRADING === 'server'`): Check and Run post the learner's code to the
 * Worker, which holds the hidden checks. Nothing of the checks or the solutions is in this module or
 * in anything it imports, so the page's bundle cannot reveal them.
 */
import { PAGE_FILE_NAME, type ExerciseBackend, type ProgramRunReport } from './exercise-backend.ts';
import type { GradeReport } from '../schemas/grade-report.ts';

export interface ServerBackendOptions {
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Origin and path prefix of the endpoints. @default '' (same origin) */
  base?: string;
}

/** Creates the server-graded backend of exercise `id`. */
export function createServerBackend(id: string, options: ServerBackendOptions = {}): ExerciseBackend {
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const post = async <T>(path: string, source: string): Promise<T> => {
    const response = await fetchFn(`${options.base ?? ''}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ exercise: id, source, file: PAGE_FILE_NAME }),
    });
    const body = (await response.json().catch(() => ({}))) as { error?: unknown };
    if (!response.ok) {
      const reason = typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
      throw new Error(`The grading server refused the code: ${reason}`);
    }
    return body as T;
  };
  return {
    // Nothing to load in the page: the compiler and the sandbox run on the server.
    warm: () => Promise.resolve(),
    check: (source) => post<GradeReport>('/api/grade', source),
    run: (source) => post<ProgramRunReport>('/api/run', source),
    solution: () => Promise.reject(new Error('In this deployment the solution stays on the server, with the checks.')),
  };
}
