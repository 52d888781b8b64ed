import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { parseFrontmatter } from 'astro/markdown';
import { join } from 'node:path';

/**
 * The exercises that exist: one folder under `exercises/` with its `exercise.md`; a lesson naming
 * any other id fails the build. Read from disk at build time (never shipped to a page), so adding a
 * folder is all it takes.
 */
export function listExerciseIds(root: string = process.cwd()): string[] {
  const dir = join(root, 'exercises');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'exercise.md')))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The `lesson:` each exercise's `exercise.md` names, by exercise id: the lesson that must embed it.
 * A broken front matter is left to the exercise loaders, which report it with the field.
 */
export function exerciseLessons(root: string = process.cwd()): Map<string, string> {
  const lessons = new Map<string, string>();
  for (const id of listExerciseIds(root)) {
    try {
      const { frontmatter } = parseFrontmatter(readFileSync(join(root, 'exercises', id, 'exercise.md'), 'utf8'));
      if (typeof frontmatter['lesson'] === 'string') lessons.set(id, frontmatter['lesson']);
    } catch {
      // Reported, naming the file and the field, where the exercise itself is loaded.
    }
  }
  return lessons;
}
