/**
 * Loads exercises from disk for Node (the grade CLI, tests, the server build). The browser part
 * loads the same folders through Vite with `load-exercises-vite.ts`; both go through `assembleExercise`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assembleExercise } from './assemble-exercise.ts';
import type { LoadedExercise } from './exercise-types.ts';

/** The exercises folder of this repository. */
export const EXERCISES_ROOT = resolve(new URL('../../exercises', import.meta.url).pathname);

/** Ids of every exercise folder, sorted. */
export async function listExerciseIds(root = EXERCISES_ROOT): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'exercise.json'))).map((e) => e.name).sort();
}

/** Loads one exercise; undefined when no such folder exists; throws naming the file for a broken one. */
export async function loadExercise(id: string, root = EXERCISES_ROOT): Promise<LoadedExercise | undefined> {
  if (!/^[a-z0-9-]+$/.test(id)) return undefined;
  const dir = join(root, id);
  if (!existsSync(join(dir, 'exercise.json'))) return undefined;
  let meta: unknown;
  try {
    meta = JSON.parse(await readFile(join(dir, 'exercise.json'), 'utf8'));
  } catch (thrown) {
    throw new Error(`exercises/${id}/exercise.json: not valid JSON (${thrown instanceof Error ? thrown.message : String(thrown)})`);
  }
  const readOptional = async (file: string): Promise<string | undefined> => (existsSync(join(dir, file)) ? readFile(join(dir, file), 'utf8') : undefined);
  const wrong: Record<string, string> = {};
  if (existsSync(join(dir, 'wrong'))) {
    for (const name of await readdir(join(dir, 'wrong'))) {
      if (name.endsWith('.ts')) wrong[name] = await readFile(join(dir, 'wrong', name), 'utf8');
    }
  }
  const checksModule: unknown = existsSync(join(dir, 'checks.ts')) ? await import(pathToFileURL(join(dir, 'checks.ts')).href) : undefined;
  return assembleExercise(id, {
    meta,
    starter: await readOptional('starter.ts'),
    solution: await readOptional('solution.ts'),
    checksModule,
    wrong,
  });
}

/** Loads every exercise. */
export async function loadExercises(root = EXERCISES_ROOT): Promise<LoadedExercise[]> {
  const loaded: LoadedExercise[] = [];
  for (const id of await listExerciseIds(root)) {
    const exercise = await loadExercise(id, root);
    if (exercise !== undefined) loaded.push(exercise);
  }
  return loaded;
}
