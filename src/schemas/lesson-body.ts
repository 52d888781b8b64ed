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

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/;
// Code is text, not tags: fenced blocks and inline code spans are blanked before tags are looked for.
const FENCED_CODE = /^(```+|~~~+)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm;
const INLINE_CODE = /(`+)[^`\n][\s\S]*?\1/g;
const COMPONENT_TAG = /<([A-Z][A-Za-z0-9_]*)[\s/>]/g;
const IMPORTED_NAMES = /^import\s+([\s\S]*?)\s+from\s+['"][^'"]+['"];?\s*$/gm;
const EXPORTED_NAMES = /^export\s+(?:const|let|function|class)\s+([A-Za-z_$][\w$]*)/gm;
// Astro gives every MDX file `Fragment`.
const ALWAYS_DEFINED = ['Fragment'];

/** Names a lesson defines itself: its imports (`import X`, `import { A, B as C }`) and its exports. */
function localNames(body: string): string[] {
  const names: string[] = [];
  for (const [, clause = ''] of body.matchAll(IMPORTED_NAMES)) {
    for (const part of clause.replace(/[{}]/g, ',').split(',')) {
      const name = part.trim().split(/\s+as\s+/).at(-1)?.replace(/^\*\s*as\s+/, '').trim();
      if (name) names.push(name);
    }
  }
  for (const [, name = ''] of body.matchAll(EXPORTED_NAMES)) names.push(name);
  return names;
}

/**
 * One readable line per capitalised tag in a lesson's `source` (the .mdx file) that is neither a lesson component (`available`)
 * nor defined by the lesson itself: `<file>:<line>: <Calout>: unknown component — …`. MDX would
 * otherwise stop at render with a message that names neither the file nor the components there are.
 */
export function unknownComponents(source: string, file: string, available: readonly string[]): string[] {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  // The whole file is read so that line numbers are the file's; its front matter is YAML, not tags.
  const body = source.replace(FRONT_MATTER, blank);
  const prose = body.replace(FENCED_CODE, blank).replace(INLINE_CODE, blank);
  const known = new Set([...available, ...ALWAYS_DEFINED, ...localNames(body)]);
  return [...prose.matchAll(COMPONENT_TAG)]
    .filter((match) => !known.has(match[1] ?? ''))
    .map((match) => {
      const line = prose.slice(0, match.index).split('\n').length;
      return `${file}:${line}: <${match[1]}>: unknown component — use one of ${[...available].sort().join(', ')} (src/components/LessonBody.astro), or import it in the lesson`;
    });
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
