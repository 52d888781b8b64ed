import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The exercises that exist: one folder under `exercises/` with its `exercise.json`; a lesson naming
 * any other id fails the build. Read from disk at build time (never shipped to a page), so adding a
 * folder is all it takes.
 */
export function listExerciseIds(root: string = process.cwd()): string[] {
  const dir = join(root, 'exercises');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'exercise.json')))
    .map((entry) => entry.name)
    .sort();
}
