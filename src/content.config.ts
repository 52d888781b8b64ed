import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/lessons' }),
  schema: z.strictObject({
    title: z.string().min(1),
    description: z.string().min(1),
  }),
});

export const collections = { lessons };
