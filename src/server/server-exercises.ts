/**
 * Every exercise, hidden checks and solutions included, bundled into the Worker at build time.
 * Only the serverless function imports this module: it is the one place the checks leave the repo.
 * The `import.meta.glob` calls are written out literally because Vite must see them verbatim to
 * replace them; the Node loader (src/grading/load-exercises.ts) reads the same folders from disk.
 */
import { assembleExercise } from '../grading/assemble-exercise.ts';
import type { LoadedExercise } from '../grading/exercise-types.ts';

const metas = import.meta.glob<unknown>('/exercises/*/exercise.md', { eager: true, query: '?exercise-meta', import: 'default' });
const texts = import.meta.glob<string>('/exercises/*/{starter,solution}.ts', { eager: true, query: '?raw', import: 'default' });
const wrongs = import.meta.glob<string>('/exercises/*/wrong/*.ts', { eager: true, query: '?raw', import: 'default' });
const checkModules = import.meta.glob<unknown>('/exercises/*/checks.ts', { eager: true });

/** Every exercise by id; a broken exercise fails the build naming its file (assembleExercise). */
export const serverExercises: ReadonlyMap<string, LoadedExercise> = new Map(
  Object.entries(metas).map(([path, meta]) => {
    const id = path.split('/')[2] ?? '';
    const wrong: Record<string, string> = {};
    for (const [wrongPath, source] of Object.entries(wrongs)) {
      if (wrongPath.startsWith(`/exercises/${id}/wrong/`)) wrong[wrongPath.split('/').at(-1) ?? ''] = source;
    }
    return [
      id,
      assembleExercise(id, {
        meta,
        starter: texts[`/exercises/${id}/starter.ts`],
        solution: texts[`/exercises/${id}/solution.ts`],
        checksModule: checkModules[`/exercises/${id}/checks.ts`],
        wrong,
      }),
    ];
  }),
);
