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

// A virtual id that does not end in `.md` (the \0 keeps other plugins' resolvers away): Astro's own
// Markdown plugin loads every `….md` and `.md?…` id, and would render the file as a page.
const VIRTUAL_PREFIX = '\0kdc-exercise-meta:';
const VIRTUAL_SUFFIX = '.meta';

/** The Vite plugin; registered in astro.config.mjs, so the static and the serverless builds both use it. */
export function exerciseMetaPlugin(): Plugin {
  return {
    name: 'kdc:exercise-meta',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith(`/exercise.md${EXERCISE_META_QUERY}`)) return undefined;
      const resolved = await this.resolve(source.slice(0, -EXERCISE_META_QUERY.length), importer, { ...options, skipSelf: true });
      return resolved === null ? undefined : `${VIRTUAL_PREFIX}${resolved.id}${VIRTUAL_SUFFIX}`;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL_PREFIX) || !id.endsWith(VIRTUAL_SUFFIX)) return undefined;
      const path = id.slice(VIRTUAL_PREFIX.length, -VIRTUAL_SUFFIX.length);
      this.addWatchFile(path);
      const file = relative(process.cwd(), path);
      const meta = parseExerciseMeta(exerciseFields(readFileSync(path, 'utf8'), file), file);
      return { code: `export default ${JSON.stringify(meta)};`, map: null };
    },
  };
}
