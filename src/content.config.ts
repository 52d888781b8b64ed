import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { lessonSchema } from './schemas/lesson.ts';
import { exerciseLessonMismatches, unknownEmbeddedExercises } from './schemas/lesson-body.ts';
import { exerciseLessons, listExerciseIds } from './build/exercise-ids.ts';

// Exercise ids and the lesson each exercise.md names are read once per build, so that a lesson
// embedding an exercise that has no folder under exercises/, or that belongs to another lesson, fails
// the build naming the .mdx file.
const exerciseIds = listExerciseIds();
const lessonOfExercise = exerciseLessons();

/**
 * The glob loader, plus a check of each lesson body's `<Exercise id>` tags (the exercises a lesson
 * embeds are derived from them, never listed in its front matter).
 */
function lessonLoader(): Loader {
  const inner = glob({ pattern: '**/*.mdx', base: './content/lessons' });
  return {
    ...inner,
    async load(context) {
      await inner.load(context);
      const problems = context.store
        .entries()
        .flatMap(([id, entry]) => {
          const file = entry.filePath ?? `content/lessons/${id}.mdx`;
          const body = entry.body ?? '';
          return [...unknownEmbeddedExercises(body, file, exerciseIds), ...exerciseLessonMismatches(body, file, id, lessonOfExercise)];
        });
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  };
}

const lessons = defineCollection({
  loader: lessonLoader(),
  schema: lessonSchema(),
});

export const collections = { lessons };
