/** The least a lesson needs for ordering: its slug and its `order` front-matter field. */
export interface Ordered {
  id: string;
  data: { order: number };
}

/** Lessons in course order; a duplicate `order` is an authoring mistake, so it fails loudly. */
export function sortLessons<T extends Ordered>(lessons: readonly T[]): T[] {
  const sorted = [...lessons].sort((a, b) => a.data.order - b.data.order);
  sorted.forEach((lesson, index) => {
    const previous = sorted[index - 1];
    if (previous && previous.data.order === lesson.data.order) {
      throw new Error(`content/lessons: ${previous.id} and ${lesson.id} both have order: ${lesson.data.order}`);
    }
  });
  return sorted;
}

/** The lessons before and after `id` in course order, for the previous / next links. */
export function neighbours<T extends Ordered>(sorted: readonly T[], id: string): { previous: T | undefined; next: T | undefined } {
  const index = sorted.findIndex((lesson) => lesson.id === id);
  return { previous: index > 0 ? sorted[index - 1] : undefined, next: index >= 0 ? sorted[index + 1] : undefined };
}
