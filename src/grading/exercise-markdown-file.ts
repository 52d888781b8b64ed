/**
 * Turns the text of `exercises/<id>/exercise.md` into the data `exerciseSchema` checks: the front
 * matter (title, lesson) and the prose of the body (src/schemas/exercise-markdown.ts). Build-time and
 * Node only — it parses YAML with Astro's own front-matter parser; pages receive the validated result
 * from the Vite plugin in src/build/exercise-meta-plugin.ts, never this code.
 */
import { parseFrontmatter } from 'astro/markdown';
import { exerciseProse } from '../schemas/exercise-markdown.ts';

/** The name of the file that holds an exercise's title, lesson and prose. */
export const EXERCISE_MARKDOWN = 'exercise.md';

const BODY_FIELDS = ['summary', 'steps', 'contract'];

/** The unvalidated fields of one `exercise.md`; throws naming `file` for broken YAML or a broken body. */
export function exerciseFields(text: string, file: string): Record<string, unknown> {
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    // Empty lines in place of the front matter keep the body's line numbers those of the file.
    parsed = parseFrontmatter(text, { frontmatter: 'empty-with-lines' });
  } catch (thrown) {
    throw new Error(`${file}: the front matter is not valid YAML — ${thrown instanceof Error ? thrown.message : String(thrown)}`, { cause: thrown });
  }
  const misplaced = BODY_FIELDS.filter((field) => field in parsed.frontmatter);
  if (misplaced.length > 0) throw new Error(`${file}: ${misplaced.join(', ')}: write ${misplaced.length === 1 ? 'it' : 'them'} in the body, not the front matter (see README, Exercises)`);
  return { ...parsed.frontmatter, ...exerciseProse(parsed.content, file) };
}
