import type { z } from 'zod';

/**
 * Turns zod issues into lines an author can act on: `<file>: <field path>: <what is wrong>`.
 * Shared by the lesson schema and its unit tests so the build and the tests word errors alike.
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

function friendlyMessage(issue: z.core.$ZodIssue): string {
  // zod 4 words a missing field as "expected string, received undefined"; authors read "Required" faster.
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return 'Required';
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.join(', ')}`;
  return issue.message;
}
