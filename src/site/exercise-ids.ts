import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { parseFrontmatter } from 'astro/markdown';
import { join } from 'node:path';

/**
 * Exercises issue 3 commits to. Lessons may name them before their folders land (the Exercise
 * wrapper then shows a placeholder), so lesson authors and exercise authors can work in parallel;
 * any other id without a folder is a typo and fails the build.
 */
export const PLANNED_EXERCISE_IDS: readonly string[] = ['orders-four-steps', 'orders-producer', 'orders-consumer', 'orders-transactions'];

/**
 * The exercises that exist: one folder under `exercises/` with its `exercise.md`.
 * Read from disk at build time (never shipped to a page), so adding a folder is all it takes.
 */
export function listExerciseFolders(root: string = process.cwd()): string[] {
  const dir = join(root, 'exercises');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'exercise.md')))
    .map((entry) => entry.name)
    .sort();
}

/** Every id a lesson may name: the folders that exist plus the planned ones. */
export function listExerciseIds(root: string = process.cwd()): string[] {
  return [...new Set([...listExerciseFolders(root), ...PLANNED_EXERCISE_IDS])].sort();
}

/**
 * The `lesson:` each exercise's `exercise.md` names, by exercise id: the lesson that must embed it.
 * A broken front matter is left to the exercise loaders, which report it with the field.
 */
export function exerciseLessons(root: string = process.cwd()): Map<string, string> {
  const lessons = new Map<string, string>();
  for (const id of listExerciseFolders(root)) {
    try {
      const { frontmatter } = parseFrontmatter(readFileSync(join(root, 'exercises', id, 'exercise.md'), 'utf8'));
      if (typeof frontmatter['lesson'] === 'string') lessons.set(id, frontmatter['lesson']);
    } catch {
      // Reported, naming the file and the field, where the exercise itself is loaded.
    }
  }
  return lessons;
}
