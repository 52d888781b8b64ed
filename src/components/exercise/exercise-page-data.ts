/**
 * What the exercise component renders on the server: each exercise's metadata and starter code,
 * read at build time from `exercises/<id>/`. Hidden checks and solutions are deliberately not read
 * here, so they never end up in the HTML.
 */
import type { ExerciseMeta } from '../../schemas/exercise.ts';

// Each exercise.md arrives parsed and validated (src/build/exercise-meta-plugin.ts); a broken one fails the build there.
const metaFiles = import.meta.glob<ExerciseMeta>('/exercises/*/exercise.md', { eager: true, query: '?exercise-meta', import: 'default' });
const starterFiles = import.meta.glob<string>('/exercises/*/starter.ts', { eager: true, query: '?raw', import: 'default' });

/** One exercise as the page shows it before any JavaScript runs. */
export interface ExercisePageData {
  id: string;
  meta: ExerciseMeta;
  starter: string;
}

const folderId = (path: string): string => path.split('/').at(-2) ?? path;

/** The ids of every exercise folder, sorted. */
export function exerciseIds(): string[] {
  return Object.keys(metaFiles).map(folderId).sort();
}

/** The exercise `id`, validated; an unknown id or a broken exercise.md fails the build with its file. */
export function exercisePageData(id: string): ExercisePageData {
  const metaPath = `/exercises/${id}/exercise.md`;
  const starterPath = `/exercises/${id}/starter.ts`;
  const meta = metaFiles[metaPath];
  if (meta === undefined) {
    throw new Error(`<ExerciseEditor id="${id}">: no exercise folder exercises/${id}/ (known: ${exerciseIds().join(', ') || 'none'})`);
  }
  const starter = starterFiles[starterPath];
  if (starter === undefined) throw new Error(`exercises/${id}/starter.ts: missing`);
  return { id, meta, starter };
}
