/**
 * Lets bundled code import an exercise's validated metadata without shipping a Markdown or YAML
 * parser: `import.meta.glob('/exercises/*\/exercise.md', { query: '?exercise-meta', import: 'default' })`
 * yields, per exercise, the object `exerciseSchema` produced from its `exercise.md`, as a JSON module.
 * A broken file fails the build (and the dev server's page) naming the file and the field.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { exerciseFields } from '../grading/exercise-markdown-file.ts';
import { parseExerciseMeta } from '../schemas/exercise.ts';

/** The import query that asks for an exercise.md as validated metadata. */
export const EXERCISE_META_QUERY = '?exercise-meta';

export function exerciseMetaPlugin(): Plugin {
  return {
    name: 'kdc:exercise-meta',
    // Before Astro's own Markdown plugin, which would otherwise render the file as a page.
    enforce: 'pre',
    load(id) {
      if (!id.endsWith(`/exercise.md${EXERCISE_META_QUERY}`)) return undefined;
      const path = id.slice(0, -EXERCISE_META_QUERY.length);
      this.addWatchFile(path);
      const file = relative(process.cwd(), path);
      const meta = parseExerciseMeta(exerciseFields(readFileSync(path, 'utf8'), file), file);
      return { code: `export default ${JSON.stringify(meta)};`, map: null };
    },
  };
}
