/**
 * The three delivery guarantees, as plain data. Kept apart from the zod schemas (grade-report.ts) so that the grader and
 * the checks, which run in the page, do not pull zod into the page's bundle; the report schema builds
 * its enum from this list.
 */

/** All guarantees, weakest first. */
export const GUARANTEES = ['at-most-once', 'at-least-once', 'exactly-once'] as const;

/** One delivery guarantee. */
export type Guarantee = (typeof GUARANTEES)[number];
