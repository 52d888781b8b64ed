/**
 * Checks what a lesson's MDX body embeds, which its front matter schema cannot see: every
 * `<Exercise id="…" />` must name a known exercise. Checked when the content collection loads, so
 * the build stops on the lesson file itself rather than on the rendered page.
 */

// Matches the literal-id form the README documents; an id computed in an expression is left to the component.
const EXERCISE_TAG = /<Exercise\s+id=["']([^"']*)["']/g;

/** The exercise ids embedded with `<Exercise id="…" />`, in page order. */
export function embeddedExerciseIds(body: string): string[] {
  return [...body.matchAll(EXERCISE_TAG)].map((match) => match[1] ?? '');
}

/** One readable line per `<Exercise id>` in `body` that names no known exercise: `<file>: <Exercise id="x" />: …`. */
export function unknownEmbeddedExercises(body: string, file: string, knownExerciseIds: readonly string[]): string[] {
  const known = new Set(knownExerciseIds);
  return embeddedExerciseIds(body)
    .filter((id) => !known.has(id))
    .map((id) => `${file}: <Exercise id="${id}" />: unknown exercise id — use a folder name under exercises/ (known: ${[...known].sort().join(', ') || 'none'})`);
}

/**
 * One readable line per `<Exercise id>` in `body` whose `exercise.md` names another lesson in
 * `lesson:` (its exercise page links back there). `lessonOf` maps each exercise id to that field.
 */
export function exerciseLessonMismatches(body: string, file: string, lessonId: string, lessonOf: ReadonlyMap<string, string>): string[] {
  return embeddedExerciseIds(body).flatMap((id) => {
    const lesson = lessonOf.get(id);
    if (lesson === undefined || lesson === lessonId) return [];
    return [`${file}: <Exercise id="${id}" />: exercises/${id}/exercise.md has lesson: ${lesson} — set it to ${lessonId}, or embed the exercise in that lesson`];
  });
}
