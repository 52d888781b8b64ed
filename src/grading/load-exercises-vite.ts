/**
 * Loads every exercise through Vite, for the in-page runtime: the same folders as the Node loader,
 * imported at build time with `import.meta.glob`, validated by the same `assembleExercise`.
 * Note: this bundles the hidden checks and solutions into the page that imports it (browser mode).
 */
import { assembleExercise } from './assemble-exercise.ts';
import type { LoadedExercise } from './exercise-types.ts';

interface ViteGlob {
  glob(pattern: string, options: { eager: true; query?: string; import?: string }): Record<string, unknown>;
}
const vite = import.meta as unknown as ViteGlob;

const metas = vite.glob('/exercises/*/exercise.json', { eager: true, import: 'default' });
const texts = vite.glob('/exercises/*/{starter,solution}.ts', { eager: true, query: '?raw', import: 'default' });
const wrongs = vite.glob('/exercises/*/wrong/*.ts', { eager: true, query: '?raw', import: 'default' });
const checkModules = vite.glob('/exercises/*/checks.ts', { eager: true });

/** Every exercise by id; throws at module load (so the build fails) naming the file of a broken one. */
export const exercisesById: ReadonlyMap<string, LoadedExercise> = new Map(
  Object.entries(metas).map(([path, meta]) => {
    const id = path.split('/')[2] ?? '';
    const wrong: Record<string, string> = {};
    for (const [wrongPath, source] of Object.entries(wrongs)) {
      if (wrongPath.startsWith(`/exercises/${id}/wrong/`)) wrong[wrongPath.split('/').at(-1) ?? ''] = String(source);
    }
    const text = (file: string): string | undefined => {
      const value = texts[`/exercises/${id}/${file}`];
      return value === undefined ? undefined : String(value);
    };
    return [id, assembleExercise(id, { meta, starter: text('starter.ts'), solution: text('solution.ts'), checksModule: checkModules[`/exercises/${id}/checks.ts`], wrong })];
  }),
);
