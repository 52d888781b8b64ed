/**
 * The submission endpoints (`/api/grade`, `/api/run`) as a plain `Request → Response` function, free
 * of Astro and of the runtime: the routes wire it to the real grader, the unit tests to a fake one.
 * Order of checks: method, rate limit, size, then JSON — so the cheapest refusals come first and a
 * flood of oversize bodies still spends the sender's tokens.
 */
import { SECURITY_HEADERS } from '../deploy/security-headers.ts';
import { parseGradeRequest, type GradeRequest } from './grade-request.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { readCappedBody } from './read-capped-body.ts';

export interface SubmissionHandlerOptions {
  /** Ids of the exercises this server grades. */
  exercises: readonly string[];
  /**
   * Answers one valid submission with the JSON body of a 200 (a grade report, a program run). Learner
   * faults (compile, timeout…) are part of that answer; it throws only for faults of the server.
   */
  respond(submission: GradeRequest): Promise<unknown>;
  limiter: RateLimiter;
  maxBodyBytes: number;
  /** Where internal faults are logged. @default console.error */
  logError?: (message: string, error: unknown) => void;
}

/** The header Cloudflare sets to the connecting client's address. */
const CLIENT_IP_HEADER = 'cf-connecting-ip';

/** Creates the handler for every method on the endpoint's path. */
export function createSubmissionHandler(options: SubmissionHandlerOptions): (request: Request) => Promise<Response> {
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  return async (request) => {
    if (request.method !== 'POST') {
      return json(405, { error: `Use POST with a JSON body; ${request.method} is not supported here.` }, { Allow: 'POST' });
    }
    const client = request.headers.get(CLIENT_IP_HEADER) ?? 'unknown';
    const decision = await options.limiter.take(client);
    if (!decision.allowed) {
      return json(429, { error: `Too many gradings from this address; try again in ${decision.retryAfterSeconds} s.` }, { 'Retry-After': String(decision.retryAfterSeconds) });
    }
    const body = await readCappedBody(request, options.maxBodyBytes);
    if (!body.ok) {
      return body.reason === 'too-large'
        ? json(413, { error: `The request is larger than ${options.maxBodyBytes / 1024} KB; a submission is one TypeScript file.` })
        : json(400, { error: 'The body could not be read as UTF-8 text.' });
    }
    const parsed = parseGradeRequest(body.text, options.exercises);
    if (!parsed.ok) return json(400, { error: parsed.message });
    try {
      return json(200, await options.respond(parsed.value));
    } catch (error) {
      // A learner's code cannot get here (the grader turns its faults into verdicts); this is ours.
      logError('a submission failed on the server', error);
      return json(500, { error: 'The server could not grade this submission; please try again.' });
    }
  };
}

function json(status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      // Reports are personal to a submission: never cache them anywhere.
      'Cache-Control': 'no-store',
      ...extra,
    },
  });
}
