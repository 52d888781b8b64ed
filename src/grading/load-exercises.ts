/**
 * Loads exercises from disk for Node (the grade CLI, the bench, the tests). The serverless Worker
 * loads the same folders through Vite (`src/server/server-exercises.ts`); both go through `assembleExercise`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assembleExercise } from './assemble-exercise.ts';
import { EXERCISE_MARKDOWN, exerciseFields } from './exercise-markdown-file.ts';
import type { LoadedExercise } from './exercise-types.ts';

/** The exercises folder of this repository. */
export const EXERCISES_ROOT = resolve(new URL('../../exercises', import.meta.url).pathname);

/** Ids of every exercise folder, sorted. */
export async function listExerciseIds(root = EXERCISES_ROOT): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && existsSync(join(root, e.name, EXERCISE_MARKDOWN))).map((e) => e.name).sort();
}

/** Loads one exercise; undefined when no such folder exists; throws naming the file for a broken one. */
export async function loadExercise(id: string, root = EXERCISES_ROOT): Promise<LoadedExercise | undefined> {
  if (!/^[a-z0-9-]+$/.test(id)) return undefined;
  const dir = join(root, id);
  if (!existsSync(join(dir, EXERCISE_MARKDOWN))) return undefined;
  const meta = exerciseFields(await readFile(join(dir, EXERCISE_MARKDOWN), 'utf8'), `exercises/${id}/${EXERCISE_MARKDOWN}`);
  const readOptional = async (file: string): Promise<string | undefined> => (existsSync(join(dir, file)) ? readFile(join(dir, file), 'utf8') : undefined);
  const wrong: Record<string, string> = {};
  if (existsSync(join(dir, 'wrong'))) {
    for (const name of await readdir(join(dir, 'wrong'))) {
      if (name.endsWith('.ts')) wrong[name] = await readFile(join(dir, 'wrong', name), 'utf8');
    }
  }
  const checksModule = existsSync(join(dir, 'checks.ts')) ? await importChecks(id, join(dir, 'checks.ts')) : undefined;
  return assembleExercise(id, {
    meta,
    starter: await readOptional('starter.ts'),
    solution: await readOptional('solution.ts'),
    checksModule,
    wrong,
  });
}

// A checks.ts that throws while loading would otherwise surface as a bare stack trace, without the exercise.
async function importChecks(id: string, file: string): Promise<unknown> {
  try {
    return await import(pathToFileURL(file).href);
  } catch (thrown) {
    throw new Error(`exercises/${id}/checks.ts: failed to load — fix the error it throws at import: ${thrown instanceof Error ? thrown.message : String(thrown)}`, { cause: thrown });
  }
}

/** Loads every exercise; throws naming the folder or file of the first broken one. */
export async function loadExercises(root = EXERCISES_ROOT): Promise<LoadedExercise[]> {
  const loaded: LoadedExercise[] = [];
  for (const id of await listExerciseIds(root)) {
    // loadExercise treats a malformed id as "no such exercise" (right for a CLI argument); a folder
    // with that name is an authoring mistake, and skipping it silently would hide the exercise.
    if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`exercises/${id}: the folder name must match ^[a-z0-9-]+$ — rename it with lowercase letters, digits and dashes`);
    const exercise = await loadExercise(id, root);
    if (exercise !== undefined) loaded.push(exercise);
  }
  return loaded;
}
