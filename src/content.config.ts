import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './schemas/lesson.ts';
import { listExerciseIds } from './site/exercise-ids.ts';

// Exercise ids are read once per build so that a lesson naming an exercise that has no folder
// under exercises/ fails the build with the file and the field.
const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/lessons' }),
  schema: lessonSchema(listExerciseIds()),
});

export const collections = { lessons };
