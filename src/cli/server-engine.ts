/**
 * `grade --engine server URL`: grades each file by posting it to a deployed course's `/api/grade`
 * (for example `npm run preview:serverless`, or the production Worker), so a class's submissions are
 * judged by exactly the checks the site uses, without the checks ever leaving the server.
 */
import type { GradeReport } from '../schemas/grade-report.ts';
import type { GradingEngine } from './engines.ts';

/** Retries after a 429 at most this many times, waiting what the server's Retry-After says. */
const MAX_RATE_LIMIT_RETRIES = 5;

/** Creates the engine; `baseUrl` is the site's origin, e.g. `http://127.0.0.1:8788`. */
export function createServerGradingEngine(baseUrl: string, fetchFn: typeof fetch = fetch): GradingEngine {
  let endpoint: URL;
  try {
    endpoint = new URL('/api/grade', baseUrl);
  } catch {
    throw new Error(`--engine server needs the site's URL, e.g. --engine server http://127.0.0.1:8788 (got '${baseUrl}')`);
  }
  return {
    async grade(exercise, source, file) {
      for (let attempt = 0; ; attempt++) {
        const response = await fetchFn(endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ exercise: exercise.id, source, file }),
        });
        const retryAfter = Number(response.headers.get('retry-after') ?? 1);
        if (response.status === 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
          await new Promise((resolve) => setTimeout(resolve, Math.min(60, Math.max(1, retryAfter)) * 1000));
          continue;
        }
        const body = (await response.json().catch(() => ({}))) as { error?: unknown };
        if (!response.ok) {
          throw new Error(`${endpoint.href} answered ${response.status}: ${typeof body.error === 'string' ? body.error : 'no message'}`);
        }
        return body as GradeReport;
      }
    },
    close() {
      // Nothing held: each file is one HTTP request.
    },
  };
}
