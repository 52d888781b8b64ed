import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { lessonSchema } from './schemas/lesson.ts';
import { unknownEmbeddedExercises } from './schemas/lesson-body.ts';
import { listExerciseIds } from './build/exercise-ids.ts';

// Exercise ids are read once per build so that a lesson naming an exercise that has no folder
// under exercises/ fails the build with the file and the field.
const exerciseIds = listExerciseIds();

/** The glob loader, plus a check of each lesson body's `<Exercise id>` tags naming the .mdx file. */
function lessonLoader(): Loader {
  const inner = glob({ pattern: '**/*.mdx', base: './content/lessons' });
  return {
    ...inner,
    async load(context) {
      await inner.load(context);
      const problems = context.store
        .entries()
        .flatMap(([id, entry]) => unknownEmbeddedExercises(entry.body ?? '', entry.filePath ?? `content/lessons/${id}.mdx`, exerciseIds));
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  };
}

const lessons = defineCollection({
  loader: lessonLoader(),
  schema: lessonSchema(exerciseIds),
});

export const collections = { lessons };
