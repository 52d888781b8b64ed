import type { z } from 'zod';

/**
 * Turns zod issues into lines an author can act on: `<file>: <field path>: <what is wrong>`.
 * Shared by the lesson and exercise schemas and their unit tests so the build and the tests word errors alike.
 */
export function friendlyIssues(issues: readonly z.core.$ZodIssue[], file: string): string[] {
  return issues.map((issue) => `${file}: ${formatPath(issue.path)}: ${friendlyMessage(issue)}`);
}

/** `quizzes[0].questions[1].options` — the notation authors see in their front matter. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`;
  return out;
}

/**
 * A zod `error` option for a required field, so a missing one says what to add. Astro's build formats
 * collection errors itself and only keeps messages set on the schema, which is why this lives there.
 * Other problems (wrong type, too short) keep zod's own wording.
 */
export function requiredField(field: string, what: string): (issue: { input?: unknown }) => string | undefined {
  return (issue) => (issue.input === undefined ? `Required — add \`${field}: …\` (${what})` : undefined);
}

function friendlyMessage(issue: z.core.$ZodIssue): string {
  // zod 4 words a missing field as "expected string, received undefined"; authors read "Required" faster,
  // and the name of the field to add tells them what to do.
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    const field = issue.path.at(-1);
    const parent = issue.path.slice(0, -1);
    return typeof field === 'string' ? `Required — add "${field}" to ${parent.length === 0 ? 'the top level' : formatPath(parent)}` : 'Required';
  }
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.join(', ')}`;
  return issue.message;
}
