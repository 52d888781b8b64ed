/** Validates the JSON body of `POST /api/grade`, with messages a client developer can act on. */

/** What a client sends. */
export interface GradeRequest {
  exercise: string;
  source: string;
  /** The file name echoed in the report (the CLI sends the submission's path). @default "submission.ts" */
  file: string;
}

export type ParsedGradeRequest = { ok: true; value: GradeRequest } | { ok: false; message: string };

const DEFAULT_FILE = 'submission.ts';

/** Parses `text` and checks it names a known exercise. */
export function parseGradeRequest(text: string, knownExercises: readonly string[]): ParsedGradeRequest {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The body is not valid JSON: send {"exercise": "<id>", "source": "<TypeScript>"}.' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'The body must be a JSON object: {"exercise": "<id>", "source": "<TypeScript>"}.' };
  }
  const { exercise, source, file } = body as Record<string, unknown>;
  if (typeof exercise !== 'string') return { ok: false, message: 'Missing "exercise": the id of the exercise to grade, as a string.' };
  if (typeof source !== 'string') return { ok: false, message: 'Missing "source": the TypeScript to grade, as a string.' };
  if (file !== undefined && typeof file !== 'string') return { ok: false, message: '"file", when given, must be a string.' };
  if (!knownExercises.includes(exercise)) {
    const known = knownExercises.length === 0 ? 'none' : knownExercises.join(', ');
    return { ok: false, message: `Unknown exercise ${JSON.stringify(exercise.slice(0, 100))}; known exercises: ${known}.` };
  }
  return { ok: true, value: { exercise, source, file: file ?? DEFAULT_FILE } };
}
